//! "Best fit": every role of every dataset ranked by fit, with the core
//! technologies each one still needs; rank, bar and figure each in a column
//! of its own, so the bars line up whatever the rank's width. With nothing
//! marked yet it offers the quick start instead of a list of 0%.

use egui::{Align, Layout, RichText, Sense};

use super::{Command, ViewCx};
use crate::model::fit;
use crate::model::types::Priority;

const ROW_HEIGHT: f32 = 46.0;
/// Widths of the rank, bar and figure columns, in points.
const RANK_WIDTH: f32 = 40.0;
const BAR_WIDTH: f32 = 110.0;
const FIGURE_WIDTH: f32 = 64.0;

/// Draws the view; while nothing is marked, it offers the quick start.
pub fn ui(ui: &mut egui::Ui, cx: &ViewCx<'_>, out: &mut Vec<Command>) {
    ui.heading("Best fit");
    ui.label(RichText::new(fit::FORMULA).weak());
    if super::quick_start::nothing_marked(cx) {
        // A ranking of 0% everywhere says nothing: offer the way to mark skills instead.
        ui.separator();
        ui.label("Nothing is marked yet, so every role would read 0%. Tick the technologies you know on any role page, set levels in My skills, or start here:");
        if ui.button(super::quick_start::OFFER).clicked() {
            out.push(Command::ShowDialog(Some(super::Dialog::QuickStart)));
        }
        return;
    }
    ui.separator();
    let order = cx.fit_order;
    egui::ScrollArea::vertical()
        .id_salt("best_fit")
        .auto_shrink([false, false])
        .show_rows(ui, ROW_HEIGHT, order.len(), |ui, range| {
            for (rank, &role) in order.iter().enumerate().skip(range.start).take(range.len()) {
                row(ui, cx, rank, role, out);
            }
        });
}

fn row(
    ui: &mut egui::Ui,
    cx: &ViewCx<'_>,
    rank: usize,
    role: crate::model::RoleIdx,
    out: &mut Vec<Command>,
) {
    let entry = cx.catalog.role(role);
    let fit = cx.fits.get(role.0).copied().flatten();
    ui.horizontal(|ui| {
        let cell = egui::vec2(RANK_WIDTH, 20.0);
        ui.allocate_ui_with_layout(cell, Layout::right_to_left(Align::Center), |ui| {
            ui.label(RichText::new(format!("{}.", rank + 1)).weak());
        });
        let (bar, response) = ui.allocate_exact_size(egui::vec2(BAR_WIDTH, 12.0), Sense::hover());
        let visuals = ui.visuals();
        ui.painter().rect_filled(bar, 3.0, visuals.extreme_bg_color);
        if let Some(f) = fit.filter(|f| *f > 0.0) {
            let filled =
                egui::Rect::from_min_size(bar.min, egui::vec2(bar.width() * f, bar.height()));
            ui.painter()
                .rect_filled(filled, 3.0, visuals.selection.bg_fill);
        }
        if let Some(f) = fit {
            response.on_hover_text(format!("{:.0}% fit", f * 100.0));
        }
        let cell = egui::vec2(FIGURE_WIDTH, 20.0);
        ui.allocate_ui_with_layout(cell, Layout::left_to_right(Align::Center), |ui| match fit {
            Some(f) => {
                ui.label(RichText::new(format!("{:.0}%", f * 100.0)).strong());
            }
            None => {
                ui.label(RichText::new("no stack").weak());
            }
        });
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
    ui.horizontal(|ui| {
        let spacing = ui.spacing().item_spacing.x;
        ui.add_space(RANK_WIDTH + BAR_WIDTH + FIGURE_WIDTH + 3.0 * spacing);
        ui.label(
            RichText::new(if fit.is_none() {
                "This role lists no technologies to compare.".to_string()
            } else if missing.is_empty() {
                "You know every core technology of this role.".to_string()
            } else {
                format!("Core to learn: {}", missing.join(", "))
            })
            .small(),
        );
    });
}
