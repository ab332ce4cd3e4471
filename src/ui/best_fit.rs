//! "Best fit": every role of every dataset ranked by fit, with the core
//! technologies each one still needs.

use egui::RichText;

use super::{Command, ViewCx};
use crate::model::fit;
use crate::model::types::Priority;

const ROW_HEIGHT: f32 = 46.0;

/// Draws the view.
pub fn ui(ui: &mut egui::Ui, cx: &ViewCx<'_>, out: &mut Vec<Command>) {
    ui.heading("Best fit");
    ui.label(RichText::new(fit::FORMULA).weak());
    let order = cx.fit_order;
    if super::quick_start::nothing_marked(cx) {
        ui.label("Tick the technologies you know on any role page (or set levels in My skills) and the roles that suit you rise to the top.");
        if ui.button(super::quick_start::OFFER).clicked() {
            out.push(Command::ShowDialog(Some(super::Dialog::QuickStart)));
        }
    }
    ui.separator();
    egui::ScrollArea::vertical()
        .id_salt("best_fit")
        .auto_shrink([false, false])
        .show_rows(ui, ROW_HEIGHT, order.len(), |ui, range| {
            for (rank, &role) in order.iter().enumerate().skip(range.start).take(range.len()) {
                let entry = cx.catalog.role(role);
                ui.horizontal(|ui| {
                    ui.label(RichText::new(format!("{}.", rank + 1)).weak());
                    let fit = cx.fits[role.0];
                    match fit {
                        Some(f) => {
                            ui.add(
                                egui::ProgressBar::new(f)
                                    .desired_width(90.0)
                                    .text(format!("{:.0}%", f * 100.0)),
                            );
                        }
                        None => {
                            ui.label(RichText::new("no stack").weak());
                        }
                    }
                    if ui.link(RichText::new(&entry.role.title).strong()).clicked() {
                        out.push(Command::Open(role));
                    }
                    if !cx.catalog.is_bundled(role) {
                        ui.label(RichText::new(cx.catalog.dataset_name(role)).small().weak());
                    }
                });
                let missing: Vec<String> = fit::missing(cx.catalog, cx.credits, role)
                    .into_iter()
                    .filter(|(_, p)| *p == Priority::Core)
                    .take(4)
                    .map(|(t, _)| cx.catalog.tech(t).name.clone())
                    .collect();
                ui.label(
                    RichText::new(if missing.is_empty() {
                        "You know every core technology of this role.".to_string()
                    } else {
                        format!("Core to learn: {}", missing.join(", "))
                    })
                    .small(),
                );
            }
        });
}
