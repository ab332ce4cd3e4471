//! "Plan a move": from a role (or my skills) to a target role.

use egui::RichText;

use super::{Command, ViewCx, text};
use crate::model::RoleIdx;
use crate::model::money::{format_compact, format_full};
use crate::model::plan::{DEFAULT_EFFORT_HOURS, PlanFrom, plan};
use crate::model::types::Priority;

/// Draws the view.
pub fn ui(ui: &mut egui::Ui, cx: &ViewCx<'_>, out: &mut Vec<Command>) {
    let cat = cx.catalog;
    let from_role = cx
        .settings
        .plan_from
        .as_ref()
        .and_then(|k| cat.find_role(k));
    let to_role = cx
        .settings
        .plan_to
        .as_ref()
        .and_then(|k| cat.find_role(k))
        .or(cx.selected);
    egui::ScrollArea::vertical()
        .id_salt("plan")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            super::theme::cap_to_reading_width(ui);
            ui.heading("Plan a move");
            ui.horizontal_wrapped(|ui| {
                ui.label("From");
                role_picker(ui, "plan_from", cx, from_role, true, |r| out.push(Command::PlanMove { from: r, to: to_role.unwrap_or(RoleIdx(0)) }));
                ui.label("to");
                role_picker(ui, "plan_to", cx, to_role, false, |r| {
                    if let Some(r) = r {
                        out.push(Command::PlanMove { from: from_role, to: r });
                    }
                });
            });
            let Some(to) = to_role else {
                ui.label("Choose a target role.");
                return;
            };
            let from = from_role.map_or(PlanFrom::MySkills, PlanFrom::Role);
            let p = plan(cat, cx.profile, from, to);
            let hours = f64::from(cx.settings.hours_per_week);

            super::theme::section(ui, "What carries over");
            if p.carries_over.is_empty() {
                ui.label("Nothing yet from the target's stack.");
            } else {
                tech_links(ui, cx, p.carries_over.iter().map(|(t, _)| *t), out);
            }
            super::theme::section(ui, "What to learn");
            if p.to_learn.is_empty() {
                ui.label("Nothing: you already cover the whole stack.");
            }
            for g in &p.to_learn {
                ui.label(RichText::new(&g.category).strong());
                for (t, pr) in &g.techs {
                    let mut text = RichText::new(format!("{} — {}", cx.catalog.tech(*t).name, pr.label().to_lowercase()));
                    if *pr == Priority::Core {
                        text = text.strong();
                    }
                    // The name itself links to the technology's page.
                    if ui.link(text).on_hover_text("Open its page").clicked() {
                        out.push(Command::OpenTech(*t));
                    }
                }
            }
            if !p.not_needed.is_empty() {
                super::theme::section(ui, "What the new role does not need");
                tech_links(ui, cx, p.not_needed.iter().copied(), out);
            }
            super::theme::section(ui, "Time to cover the core gap (estimate)");
            ui.horizontal(|ui| {
                let label = ui.label("Hours a week you can study:");
                let mut h = cx.settings.hours_per_week;
                if ui
                    .add(egui::Slider::new(&mut h, 1.0..=40.0).step_by(1.0))
                    .labelled_by(label.id)
                    .changed()
                {
                    out.push(Command::SetHoursPerWeek(h));
                }
            });
            if p.core_gap.is_empty() {
                ui.label("No core technology left to learn.");
            } else if let Some(weeks) = p.weeks(hours) {
                ui.label(format!(
                    "About {:.0} hours for {}: roughly {weeks:.0} weeks at {hours:.0} hours a week.",
                    p.core_gap_hours,
                    text::count(p.core_gap.len(), "core technology", "core technologies"),
                ));
                ui.label(RichText::new(format!("An estimate, not a promise: it uses each technology's effort from the dataset where given, else {DEFAULT_EFFORT_HOURS:.0} hours.")).small().weak());
            }
            super::theme::section(ui, "Pay");
            match (&p.pay, from) {
                (_, PlanFrom::MySkills) => {
                    ui.label("Start from a role to compare pay.");
                }
                (None, PlanFrom::Role(_)) => {
                    ui.label("The two roles have no salary tables in the same currency and period, so their pay is not compared.");
                }
                (Some(pay), PlanFrom::Role(_)) => {
                    ui.label(RichText::new(format!("{} · {} · from {} to {}", pay.currency, pay.period.per(), pay.from_region, pay.to_region)).weak());
                    egui::Grid::new("pay_deltas").striped(true).num_columns(4).show(ui, |ui| {
                        for d in &pay.deltas {
                            ui.label(&d.label);
                            // Compact (exact on hover) when an exact figure would widen the grid.
                            super::salary_chart::figure_label(ui, d.from, &pay.currency, "");
                            super::salary_chart::figure_label(ui, d.to, &pay.currency, "");
                            let diff = d.to - d.from;
                            let sign = if diff >= 0.0 { "+" } else { "−" };
                            let exact = format_full(diff.abs(), &pay.currency);
                            let shown = if exact.chars().count() > 16 { format_compact(diff.abs(), &pay.currency) } else { exact.clone() };
                            ui.label(RichText::new(format!("{sign}{shown}")).strong()).on_hover_text(format!("{sign}{exact}"));
                            ui.end_row();
                        }
                    });
                }
            }
            ui.add_space(12.0);
            ui.horizontal(|ui| {
                if ui.button("Copy plan as Markdown").clicked() {
                    out.push(Command::CopyText("the plan", crate::model::markdown::plan(cat, &p, from, to, hours)));
                }
                if ui.button("Save plan as Markdown…").clicked() {
                    out.push(Command::SaveText("the plan", "plan.md", crate::model::markdown::plan(cat, &p, from, to, hours)));
                }
            });
        });
}

/// Technology names as links to their pages, wrapped like a sentence:
/// every technology name in the app leads to its page.
fn tech_links(
    ui: &mut egui::Ui,
    cx: &ViewCx<'_>,
    techs: impl Iterator<Item = crate::model::TechId>,
    out: &mut Vec<Command>,
) {
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 0.0;
        let mut first = true;
        for t in techs {
            if !first {
                ui.label(", ");
            }
            first = false;
            if ui
                .link(&cx.catalog.tech(t).name)
                .on_hover_text("Open its page")
                .clicked()
            {
                out.push(Command::OpenTech(t));
            }
        }
    });
}

/// A combo box of every role (plus "My skills" when `allow_skills`).
fn role_picker(
    ui: &mut egui::Ui,
    id: &str,
    cx: &ViewCx<'_>,
    current: Option<RoleIdx>,
    allow_skills: bool,
    mut chosen: impl FnMut(Option<RoleIdx>),
) {
    let text = current.map_or_else(
        || "My skills".to_string(),
        |r| cx.catalog.role(r).role.title.clone(),
    );
    egui::ComboBox::from_id_salt(id)
        .selected_text(text)
        .width(240.0)
        .show_ui(ui, |ui| {
            if allow_skills
                && ui
                    .selectable_label(current.is_none(), "My skills")
                    .clicked()
            {
                chosen(None);
            }
            for (i, e) in cx.catalog.roles.iter().enumerate() {
                if ui
                    .selectable_label(current == Some(RoleIdx(i)), &e.role.title)
                    .clicked()
                {
                    chosen(Some(RoleIdx(i)));
                }
            }
        })
        .response
        .on_hover_text(if allow_skills {
            "Where you start"
        } else {
            "Where you want to go"
        });
}
