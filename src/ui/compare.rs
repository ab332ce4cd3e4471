//! "Compare": two to four roles side by side — summary, fit, a technology
//! matrix with the person's level in each row, and pay on one shared axis.

use egui::RichText;
use egui_plot::{BoxElem, BoxPlot, BoxSpread};

use super::salary_chart::TableKind;
use super::theme::{chart_fill, chart_stroke};
use super::{Command, ViewCx};
use crate::model::money::format_compact;
use crate::model::types::SalaryTable;
use crate::model::{RoleIdx, TechId};

/// Most roles compared at once.
pub const MAX_ROLES: usize = 4;
/// Widest a role's column gets before its title wraps, in points.
const ROLE_WIDTH: f32 = 230.0;
/// Widest the technology column gets before a name wraps, in points.
const TECH_WIDTH: f32 = 260.0;

/// Draws the view.
pub fn ui(ui: &mut egui::Ui, cx: &ViewCx<'_>, out: &mut Vec<Command>) {
    let cat = cx.catalog;
    let roles: Vec<RoleIdx> = cx
        .settings
        .compare
        .iter()
        .filter_map(|k| cat.find_role(k))
        .collect();
    ui.heading("Compare roles");
    ui.horizontal(|ui| {
        egui::ComboBox::from_id_salt("compare_add")
            .selected_text("Add a role…")
            .width(240.0)
            .show_ui(ui, |ui| {
                for (i, e) in cat.roles.iter().enumerate() {
                    let idx = RoleIdx(i);
                    if !roles.contains(&idx) && ui.selectable_label(false, &e.role.title).clicked()
                    {
                        out.push(Command::AddToCompare(idx));
                    }
                }
            })
            .response
            .on_hover_text(format!("Compare up to {MAX_ROLES} roles"));
    });
    if roles.len() < 2 {
        ui.label("Add two to four roles: use “Add to compare” on a role page, or the menu above.");
        if roles.is_empty() {
            return;
        }
    }
    egui::ScrollArea::both()
        .id_salt("compare")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            egui::Grid::new("compare_head")
                .num_columns(roles.len() + 1)
                .spacing([18.0, 6.0])
                .show(ui, |ui| {
                    ui.label("");
                    for (i, r) in roles.iter().enumerate() {
                        ui.vertical(|ui| {
                            ui.set_max_width(ROLE_WIDTH);
                            if ui
                                .link(RichText::new(&cat.role(*r).role.title).strong())
                                .clicked()
                            {
                                out.push(Command::Open(*r));
                            }
                            if ui
                                .small_button("Remove")
                                .on_hover_text("Remove from the comparison")
                                .clicked()
                            {
                                out.push(Command::RemoveFromCompare(i));
                            }
                        });
                    }
                    ui.end_row();
                    ui.label(RichText::new("Summary").strong());
                    for r in &roles {
                        ui.vertical(|ui| {
                            ui.set_max_width(ROLE_WIDTH);
                            ui.add(
                                egui::Label::new(
                                    cat.role(*r).role.summary.as_deref().unwrap_or("—"),
                                )
                                .wrap(),
                            );
                        });
                    }
                    ui.end_row();
                    ui.label(RichText::new("Your fit").strong());
                    for r in &roles {
                        match cx.fits[r.0] {
                            Some(f) => ui.label(format!("{:.0}%", f * 100.0)),
                            None => ui.label("no stack"),
                        };
                    }
                    ui.end_row();
                });
            super::theme::section(ui, "Technologies");
            matrix(ui, cx, &roles, out);
            super::theme::section(ui, "Pay on one axis");
            pay_chart(ui, cx, &roles);
        });
}

fn matrix(ui: &mut egui::Ui, cx: &ViewCx<'_>, roles: &[RoleIdx], out: &mut Vec<Command>) {
    let cat = cx.catalog;
    let mut techs: Vec<TechId> = Vec::new();
    for r in roles {
        for item in cat.role(*r).techs() {
            if !techs.contains(&item.tech) {
                techs.push(item.tech);
            }
        }
    }
    // Shared technologies first.
    let shared = |t: &TechId| {
        roles
            .iter()
            .filter(|r| cat.role(**r).techs().any(|i| i.tech == *t))
            .count()
    };
    techs.sort_by_key(|t| std::cmp::Reverse(shared(t)));
    egui::Grid::new("compare_matrix")
        .striped(true)
        .num_columns(roles.len() + 2)
        .spacing([18.0, 4.0])
        .show(ui, |ui| {
            ui.label(RichText::new("Technology").strong());
            // Titles and names wrap at their column's width, as in the head
            // grid: a long one widened its whole column past the window.
            for r in roles {
                ui.vertical(|ui| {
                    ui.set_max_width(ROLE_WIDTH);
                    ui.add(
                        egui::Label::new(RichText::new(&cat.role(*r).role.title).strong()).wrap(),
                    );
                });
            }
            ui.label(RichText::new("You").strong());
            ui.end_row();
            for t in techs {
                let info = cat.tech(t);
                ui.vertical(|ui| {
                    ui.set_max_width(TECH_WIDTH);
                    if ui
                        .link(&info.name)
                        .on_hover_text(format!("Open the page of {}", info.name))
                        .clicked()
                    {
                        out.push(Command::OpenTech(t));
                    }
                });
                for r in roles {
                    match cat.role(*r).techs().find(|i| i.tech == t) {
                        Some(item) => ui.label(item.priority.label().to_lowercase()),
                        None => ui.label(RichText::new("—").weak()),
                    };
                }
                ui.label(cx.profile.level(info).label());
                ui.end_row();
            }
        });
}

/// The table a role's row shows: its most telling one (the one its page
/// shows first, [`crate::model::pay_index::telling_order`]) that fits the
/// axis — the same currency and period — preferring the kind of `kind`, so a
/// survey median is not set beside BLS percentiles unless nothing else fits.
fn row_table<'c>(
    cx: &ViewCx<'c>,
    role: RoleIdx,
    currency: &str,
    period: crate::model::types::Period,
    kind: TableKind,
) -> Option<&'c SalaryTable> {
    let tables = &cx.catalog.role(role).role.salary;
    let fitting: Vec<&SalaryTable> = cx
        .pay
        .order(role)
        .iter()
        .map(|&i| &tables[i])
        .filter(|t| t.currency == currency && t.period == period)
        .collect();
    fitting
        .iter()
        .find(|t| TableKind::of(t) == kind)
        .or_else(|| fitting.first())
        .copied()
}

fn pay_chart(ui: &mut egui::Ui, cx: &ViewCx<'_>, roles: &[RoleIdx]) {
    let cat = cx.catalog;
    // The axis is the first role's (with figures) most telling table's.
    let first = roles.iter().find_map(|r| {
        cx.pay
            .default_table(*r)
            .map(|i| &cat.role(*r).role.salary[i])
    });
    let Some(first) = first else {
        ui.label("None of these roles has sourced salary figures.");
        return;
    };
    let (currency, period) = (first.currency.clone(), first.period);
    let kind = TableKind::of(first);
    let dark = ui.visuals().dark_mode;
    let mut boxes = Vec::new();
    let mut left_out = Vec::new();
    let mut names = Vec::new();
    let mut kinds = Vec::new();
    let mut shown = Vec::new();
    let n = roles.len();
    for (i, r) in roles.iter().enumerate() {
        let role = &cat.role(*r).role;
        let Some(t) = row_table(cx, *r, &currency, period, kind) else {
            left_out.push(role.title.clone());
            names.push(role.title.clone());
            continue;
        };
        shown.push((role.title.as_str(), t));
        let row_kind = TableKind::of(t);
        kinds.push(row_kind);
        // Every row names its kind of figure, so different kinds on one axis
        // are never read as one another.
        names.push(format!(
            "{} · {}",
            super::text::clip(&role.title, 18),
            row_kind.tag()
        ));
        let (lo, hi) = super::salary_chart::extent(t);
        let l0 = &t.levels[0];
        let q1 = l0.p25.unwrap_or(lo);
        let q3 = l0.p75.unwrap_or(hi);
        let median = l0.median.unwrap_or(f64::midpoint(q1, q3));
        let figures = if (hi - lo).abs() < f64::EPSILON {
            format!("{} {}", row_kind.short(), format_compact(hi, &currency))
        } else {
            format!(
                "{} – {} ({})",
                format_compact(lo, &currency),
                format_compact(hi, &currency),
                row_kind.short()
            )
        };
        let y = (n - 1 - i) as f64;
        boxes.push(
            BoxElem::new(y, BoxSpread::new(lo, q1, median, q3, hi))
                .name(format!(
                    "{}: {figures} ({}, {})",
                    role.title,
                    t.region,
                    t.source.as_deref().unwrap_or("no source given")
                ))
                .box_width(0.5)
                .fill(chart_fill(dark))
                .stroke(egui::Stroke::new(1.5, chart_stroke(dark))),
        );
    }
    ui.label(RichText::new(format!("{currency} · {} · each role's most telling table (the one its page shows first) in this currency and period, of the same kind as the first role's where it has one; boxes span p25–p75 where given, whiskers the lowest and highest figure", period.per())).small());
    kinds.dedup();
    if kinds.len() > 1 {
        ui.label(
            RichText::new(MIXED_KINDS)
                .small()
                .color(super::theme::warning_color(dark)),
        );
    }
    super::salary_chart::money_rows_plot("compare_pay", names, &currency, 32)
        .height((60.0 + 50.0 * n as f32).min(280.0))
        .show(ui, |plot| {
            plot.box_plot(BoxPlot::new("pay", boxes).horizontal());
        });
    ui.label(RichText::new("The table of each role").small().strong());
    for (title, t) in shown {
        ui.add(
            egui::Label::new(
                RichText::new(format!("{title}: {}", crate::model::pay_label::describe(t))).small(),
            )
            .wrap(),
        );
    }
    if !left_out.is_empty() {
        ui.label(
            RichText::new(format!(
                "Not on this axis (no {currency} {} table): {}",
                period.per(),
                left_out.join(", ")
            ))
            .small()
            .weak(),
        );
    }
}

/// Said when rows of different kinds share the axis.
pub const MIXED_KINDS: &str = "Different kinds of figures on one axis: a survey median of what respondents said they earn is not a BLS percentile of wages. Each row names its kind.";
