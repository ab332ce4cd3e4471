//! "My skills": every technology the person marked, by category, editable in
//! place; what to learn next; and the profile's export and import.

use egui::RichText;

use super::{Command, ViewCx, text};
use crate::model::TechId;
use crate::model::catalog::TechInfo;
use crate::model::fit;
use crate::model::profile::Proficiency;

/// A compact chooser of the five proficiency steps; returns the new level
/// when the person picks one. `name` names it for screen readers.
pub fn proficiency_picker(
    ui: &mut egui::Ui,
    id_salt: impl std::hash::Hash + std::fmt::Debug,
    current: Proficiency,
    name: &str,
) -> Option<Proficiency> {
    let mut picked = None;
    let response = egui::ComboBox::from_id_salt(id_salt)
        .selected_text(current.label())
        .width(120.0)
        .show_ui(ui, |ui| {
            for level in Proficiency::ALL {
                if ui
                    .selectable_label(current == level, level.label())
                    .clicked()
                    && level != current
                {
                    picked = Some(level);
                }
            }
        })
        .response;
    response.on_hover_text(format!("How well you know {name}"));
    picked
}

/// Draws the view, with `tools` (Add, Paste text) at its top: inside the one
/// scroll area, so a long pasted text never pushes its review and Confirm
/// below the window.
pub fn ui(
    ui: &mut egui::Ui,
    cx: &ViewCx<'_>,
    out: &mut Vec<Command>,
    tools: impl FnOnce(&mut egui::Ui, &mut Vec<Command>),
) {
    egui::ScrollArea::vertical()
        .id_salt("my_skills")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            super::theme::cap_to_reading_width(ui);
            tools(ui, out);
            ui.heading("My skills");
            ui.label(
                RichText::new(
                    "One profile for every role and dataset. Tick technologies on any role page, or set how well you know them here.",
                )
                .weak(),
            );
            let marked: Vec<(TechId, &TechInfo)> = cx
                .catalog
                .techs
                .iter()
                .enumerate()
                .map(|(i, t)| (TechId(i), t))
                .filter(|(_, t)| cx.profile.skill(t).is_some())
                .collect();
            let counts: Vec<String> = Proficiency::ALL[1..]
                .iter()
                .map(|l| {
                    let n = marked.iter().filter(|(_, t)| cx.profile.level(t) == *l).count();
                    format!("{}: {n}", l.label())
                })
                .collect();
            ui.label(format!("{} marked · {}", text::technologies(marked.len()), counts.join(" · ")));
            ui.horizontal(|ui| {
                if ui.button("Export profile…").clicked() {
                    out.push(Command::ExportProfile);
                }
                if ui.button("Import profile…").on_hover_text("Merges: the higher level wins, notes are kept").clicked() {
                    out.push(Command::ImportProfile);
                }
                if ui.button("Copy as Markdown").clicked() {
                    out.push(Command::CopyText(
                        "your skills",
                        crate::model::markdown::profile(cx.catalog, cx.profile),
                    ));
                }
                if ui.button("Save as Markdown…").clicked() {
                    out.push(Command::SaveText(
                        "your skills",
                        "my-skills.md",
                        crate::model::markdown::profile(cx.catalog, cx.profile),
                    ));
                }
            });

            if super::quick_start::nothing_marked(cx) {
                ui.add_space(12.0);
                ui.label("You have not marked any technology yet. Click the ones you have used in a quick start, add them by name or paste your CV above, or tick them on any role page.");
                if ui.button(super::quick_start::OFFER).clicked() {
                    out.push(Command::ShowDialog(Some(super::Dialog::QuickStart)));
                }
            }

            openers(ui, cx);

            if marked.is_empty() {
                return;
            }
            let mut categories: Vec<&str> = marked
                .iter()
                .map(|(_, t)| t.category.as_deref().unwrap_or("Other"))
                .collect();
            categories.sort_unstable();
            categories.dedup();
            for cat in categories {
                super::theme::section(ui, cat);
                egui::Grid::new(("skills", cat)).num_columns(3).spacing([12.0, 6.0]).show(ui, |ui| {
                    for (id, t) in marked.iter().filter(|(_, t)| t.category.as_deref().unwrap_or("Other") == cat) {
                        let label = ui.horizontal(|ui| {
                            let label = ui.label(RichText::new(&t.name).strong());
                            if super::tech_page::tech_link(ui, &t.name) {
                                out.push(Command::OpenTech(*id));
                            }
                            label
                        }).inner;
                        let level = cx.profile.level(t);
                        if let Some(new) = proficiency_picker(ui, ("level", id.0), level, &t.name) {
                            out.push(Command::SetLevel(*id, new));
                        }
                        let mut note = cx.profile.skill(t).and_then(|s| s.note.clone()).unwrap_or_default();
                        let edit = ui
                            .add(egui::TextEdit::singleline(&mut note).hint_text("Your note").desired_width(260.0))
                            .labelled_by(label.id);
                        if edit.changed() {
                            out.push(Command::SetNote(*id, note));
                        }
                        ui.end_row();
                    }
                });
            }
        });
}

/// How many "Learn X" suggestions the view lists.
pub const OPENERS_SHOWN: usize = 5;

fn openers(ui: &mut egui::Ui, cx: &ViewCx<'_>) {
    let best = cx.openers;
    super::theme::section(ui, "What would open the most roles");
    if best.is_empty() {
        ui.label("No single technology would lift another role above 70% fit yet; tick what you know to see suggestions.");
        return;
    }
    for o in best {
        let t = cx.catalog.tech(o.tech);
        ui.label(format!(
            "Learn {}: +{} above {:.0}% fit",
            t.name,
            text::roles(o.roles),
            fit::GOOD_FIT * 100.0
        ));
    }
}
