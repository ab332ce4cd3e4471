//! The Pay section of a role page: the most telling table first
//! ([`PayIndex::default_table`]), every table one click away grouped by who
//! published it, the other sources' headline figures beside it — each named
//! as official statistics, a survey or a guide's ranges, never on one axis —
//! and a strip showing where this role's median sits among the other roles
//! of the same source and region.

use std::fmt::Write as _;

use egui::{RichText, Sense};

use super::{Command, ViewCx, salary_chart};
use crate::model::RoleIdx;
use crate::model::money::{format_compact, format_full};
use crate::model::pay_index::{Headline, PayIndex, Strip, TableKind, headline, source_family};
use crate::model::types::SalaryTable;

/// The table a role page shows: the person's pick, else the most telling.
#[must_use]
pub fn shown_table(cx: &ViewCx<'_>, role: RoleIdx) -> Option<usize> {
    let n = cx.catalog.role(role).role.salary.len();
    cx.salary_table
        .filter(|i| *i < n)
        .or_else(|| cx.pay.default_table(role))
}

/// A region without the survey's name, which the source already gives:
/// "Worldwide (Stack Overflow survey)" reads "Worldwide" under that source.
#[must_use]
pub fn short_region(region: &str) -> &str {
    if let Some(at) = region.rfind(" (")
        && region.ends_with(')')
        && region[at..].to_lowercase().contains("survey")
    {
        &region[..at]
    } else {
        region
    }
}

/// "$92,650" and what it is, as the quick facts and the other sources say it.
#[must_use]
pub fn headline_value(h: &Headline, currency: &str) -> String {
    format_full(h.value, currency)
}

/// The span a headline gives: "$48,100 – $162,290 (10th to 90th percentile)".
#[must_use]
pub fn span_text(h: &Headline, currency: &str) -> Option<String> {
    let s = h.span.as_ref()?;
    Some(format!(
        "{} – {}{} ({})",
        format_full(s.low, currency),
        format_full(s.high, currency),
        if s.open { "+" } else { "" },
        s.what
    ))
}

/// Draws the section for `role`.
pub fn ui(ui: &mut egui::Ui, cx: &ViewCx<'_>, role: RoleIdx, out: &mut Vec<Command>) {
    let entry = cx.catalog.role(role);
    let tables = &entry.role.salary;
    let Some(shown) = shown_table(cx, role) else {
        salary_chart::no_data(ui, &entry.role);
        return;
    };
    let order = cx.pay.order(role);
    let table = &tables[shown];
    let mut picked = Vec::new();
    // The picker sits under the chart, not over it: a role with nine tables
    // had its picker push the chart below the fold of an 800x600 window,
    // so jumping to Pay showed a list of regions instead of the pay.
    salary_chart::table_ui(
        ui,
        &entry.role.id,
        table,
        |ui| {
            if tables.len() > 1 {
                picker(ui, tables, order, shown, &mut picked);
            }
            strip_ui(ui, cx, role, shown);
            other_sources(ui, tables, order, shown, &mut picked);
        },
        out,
    );
    out.extend(picked);
}

/// The sources in the order their first table comes in `order`, each with
/// its tables in that order.
fn by_source<'t>(tables: &'t [SalaryTable], order: &[usize]) -> Vec<(&'t str, Vec<usize>)> {
    let mut out: Vec<(&str, Vec<usize>)> = Vec::new();
    for &i in order {
        let family = source_family(&tables[i]);
        match out.iter_mut().find(|(f, _)| *f == family) {
            Some((_, list)) => list.push(i),
            None => out.push((family, vec![i])),
        }
    }
    out
}

/// One line per source: its kind and name, then its regions to pick.
fn picker(
    ui: &mut egui::Ui,
    tables: &[SalaryTable],
    order: &[usize],
    shown: usize,
    out: &mut Vec<Command>,
) {
    ui.add_space(4.0);
    ui.label(
        RichText::new(format!(
            "The {} tables of this role, by source (the one shown is lit)",
            tables.len()
        ))
        .small()
        .strong(),
    );
    // A label line over a wrapping line of regions per source, not a grid:
    // wrapping text inside a grid cell overlapped the next row at 800x600.
    for (family, list) in by_source(tables, order) {
        let kind = TableKind::of(&tables[list[0]]);
        ui.label(RichText::new(format!("{} · {family}", kind.origin())).small());
        ui.horizontal_wrapped(|ui| {
            for i in list {
                let t = &tables[i];
                if ui
                    .selectable_label(i == shown, &t.region)
                    .on_hover_text(salary_chart::table_hover(t))
                    .clicked()
                {
                    out.push(Command::SelectSalaryTable(i));
                }
            }
        });
        ui.add_space(4.0);
    }
}

/// The headline of each other source's most telling table, one line each,
/// labelled with its kind; clicking one shows its chart.
fn other_sources(
    ui: &mut egui::Ui,
    tables: &[SalaryTable],
    order: &[usize],
    shown: usize,
    out: &mut Vec<Command>,
) {
    let shown_family = source_family(&tables[shown]);
    let others: Vec<usize> = by_source(tables, order)
        .into_iter()
        .filter(|(f, _)| *f != shown_family)
        .map(|(_, list)| list[0])
        .collect();
    if others.is_empty() {
        return;
    }
    ui.add_space(4.0);
    ui.label(
        RichText::new(
            "The same role in the other sources (different measures: read each on its own)",
        )
        .small()
        .strong(),
    );
    egui::Grid::new("pay_other_sources")
        .num_columns(2)
        .spacing([10.0, 2.0])
        .show(ui, |ui| {
            for i in others {
                let t = &tables[i];
                let Some(h) = headline(t) else { continue };
                let name = format!(
                    "{} · {} · {}",
                    TableKind::of(t).origin(),
                    source_family(t),
                    short_region(&t.region)
                );
                if ui
                    .link(RichText::new(name).small())
                    .on_hover_text(salary_chart::table_hover(t))
                    .clicked()
                {
                    out.push(Command::SelectSalaryTable(i));
                }
                let mut text = format!("{} {}", h.what, headline_value(&h, &t.currency));
                if let Some(span) = span_text(&h, &t.currency) {
                    text.push_str(" · ");
                    text.push_str(&span);
                }
                ui.label(RichText::new(text).small());
                ui.end_row();
            }
        });
}

/// The strip for the shown table, or for the role's most telling table
/// with a median when the shown one has none; with the table it is for.
fn strip_for(pay: &PayIndex, role: RoleIdx, shown: usize) -> Option<(usize, &Strip)> {
    std::iter::once(shown)
        .chain(pay.order(role).iter().copied())
        .find_map(|i| pay.strip(role, i).map(|s| (i, s)))
}

/// Width of the strip, in points.
const STRIP_WIDTH: f32 = 420.0;

/// A dot per median of the roles on the strip, this role's highlighted,
/// the roles behind a dot named on hover.
fn strip_ui(ui: &mut egui::Ui, cx: &ViewCx<'_>, role: RoleIdx, shown: usize) {
    let Some((table, strip)) = strip_for(cx.pay, role, shown) else {
        return;
    };
    if strip.roles() < 2 {
        return;
    }
    let currency = &strip.key.currency;
    let mine = strip.points.iter().position(|p| p.roles.contains(&role));
    let Some(mine) = mine else { return };
    let higher: usize = strip.points[mine + 1..].iter().map(|p| p.roles.len()).sum();
    let same = strip.points[mine].roles.len() - 1;
    let n = strip.roles();
    let value = strip.points[mine].value;
    let mut title = format!(
        "Where it sits: median {} among {n} roles' medians · {} · {}",
        format_compact(value, currency),
        strip.key.source,
        short_region(&strip.key.region)
    );
    if table != shown {
        title.push_str(" (from this role's table of that source)");
    }
    ui.add_space(4.0);
    ui.label(RichText::new(title).small().strong());
    let standing = match (higher, same) {
        (0, 0) => "the highest of them".to_string(),
        (h, 0) => format!("{h} of them higher"),
        (0, s) => format!("the highest, shared with {}", super::text::roles(s)),
        (h, s) => format!("{h} higher; the same figure for {}", super::text::roles(s)),
    };
    let lo = strip.points.first().map_or(0.0, |p| p.value);
    let hi = strip.points.last().map_or(0.0, |p| p.value);
    // Room for the lowest and highest figures on either side, so the
    // highest is not cut at the window's edge at 800×600.
    let font = egui::TextStyle::Small.resolve(ui.style());
    let figures = ui.ctx().fonts_mut(|f| {
        [lo, hi]
            .iter()
            .map(|v| {
                f.layout_no_wrap(
                    format_compact(*v, currency),
                    font.clone(),
                    egui::Color32::WHITE,
                )
                .size()
                .x
            })
            .sum::<f32>()
    });
    let room = ui.available_width() - figures - 2.0 * ui.spacing().item_spacing.x - 4.0;
    let width = room.clamp(160.0, STRIP_WIDTH);
    ui.horizontal(|ui| {
        ui.label(RichText::new(format_compact(lo, currency)).small().weak());
        let (rect, response) = ui.allocate_exact_size(egui::vec2(width, 22.0), Sense::hover());
        let visuals = ui.visuals();
        let x_of = |v: f64| {
            let f = if hi > lo { (v - lo) / (hi - lo) } else { 0.5 };
            #[allow(clippy::cast_possible_truncation)] // a fraction of a width
            let f = f as f32;
            rect.left() + 6.0 + f * (rect.width() - 12.0)
        };
        let y = rect.center().y;
        let painter = ui.painter();
        painter.line_segment(
            [egui::pos2(rect.left(), y), egui::pos2(rect.right(), y)],
            visuals.widgets.noninteractive.bg_stroke,
        );
        let weak = visuals.weak_text_color();
        let accent = super::theme::chart_stroke(visuals.dark_mode);
        // One dot per pixel column at most: a strip of 10,000 roles draws
        // no more dots than it has room for.
        let mut last_x = f32::NEG_INFINITY;
        for (i, p) in strip.points.iter().enumerate() {
            let x = x_of(p.value);
            if i != mine && (x - last_x).abs() < 1.0 {
                continue;
            }
            last_x = x;
            #[allow(clippy::cast_precision_loss)] // a handful of roles
            let r = 3.0 + (p.roles.len() as f32).sqrt().min(4.0);
            if i != mine {
                painter.circle_filled(egui::pos2(x, y), r, weak);
            }
        }
        let x = x_of(value);
        painter.circle_filled(egui::pos2(x, y), 6.5, accent);
        painter.circle_stroke(egui::pos2(x, y), 8.5, egui::Stroke::new(1.5, accent));
        if let Some(pos) = response.hover_pos() {
            let near = strip.points.iter().min_by(|a, b| {
                (x_of(a.value) - pos.x)
                    .abs()
                    .total_cmp(&(x_of(b.value) - pos.x).abs())
            });
            if let Some(p) = near {
                let names: Vec<&str> = p
                    .roles
                    .iter()
                    .take(12)
                    .map(|r| cx.catalog.role(*r).role.title.as_str())
                    .collect();
                let more = p.roles.len().saturating_sub(names.len());
                let mut tip = format!("{}: {}", format_full(p.value, currency), names.join(", "));
                if more > 0 {
                    let _ = write!(tip, " and {more} more");
                }
                response.clone().on_hover_text_at_pointer(tip);
            }
        }
        let label = format!(
            "Where this role sits: median {} of {n} roles' medians, {standing} ({}, {})",
            format_full(value, currency),
            strip.key.source,
            strip.key.region
        );
        response
            .widget_info(|| egui::WidgetInfo::labeled(egui::accesskit::Role::Image, true, &label));
        ui.label(RichText::new(format_compact(hi, currency)).small().weak());
    });
    ui.label(
        RichText::new(format!("This role: {standing}."))
            .small()
            .weak(),
    );
}
