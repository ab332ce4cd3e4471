//! "Best fit": every role of every dataset ranked by fit, with the core
//! technologies each one still needs; rank, bar and figure each in a column
//! of its own, so the bars line up whatever the rank's width. With nothing
//! marked yet it offers the quick start instead of a list of 0%.

use egui::text::{LayoutJob, TextWrapping};
use egui::{Align, FontSelection, Layout, RichText, Sense, TextStyle};

use super::{Command, ViewCx};
use crate::model::fit;
use crate::model::types::Priority;

/// Height of the title line and of the rank, bar and figure cells beside it.
const LINE_HEIGHT: f32 = 20.0;
/// Lines the "Core to learn" text may wrap onto before it is cut (whole on hover).
const CORE_LINES: usize = 2;
/// Widths of the rank, bar and figure columns, in points.
const RANK_WIDTH: f32 = 40.0;
const BAR_WIDTH: f32 = 110.0;
const FIGURE_WIDTH: f32 = 56.0;

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
    let height = row_height(ui);
    egui::ScrollArea::vertical()
        .id_salt("best_fit")
        .auto_shrink([false, false])
        .show_rows(ui, height, order.len(), |ui, range| {
            for (rank, &role) in order.iter().enumerate().skip(range.start).take(range.len()) {
                row(ui, cx, rank, role, height, out);
            }
        });
}

/// Every row's height: the title line and the core line's [`CORE_LINES`].
/// Rows are laid out only while in view, so each must be exactly as tall as
/// the scroll area was told, whatever the width.
fn row_height(ui: &egui::Ui) -> f32 {
    let small = ui.text_style_height(&TextStyle::Small);
    #[allow(clippy::cast_precision_loss)] // a count of 2
    let lines = CORE_LINES as f32;
    LINE_HEIGHT + ui.spacing().item_spacing.y + lines * small + 4.0
}

fn row(
    ui: &mut egui::Ui,
    cx: &ViewCx<'_>,
    rank: usize,
    role: crate::model::RoleIdx,
    height: f32,
    out: &mut Vec<Command>,
) {
    let fit = cx.fits.get(role.0).copied().flatten();
    let size = egui::vec2(ui.available_width(), height);
    ui.allocate_ui_with_layout(size, Layout::left_to_right(Align::Min), |ui| {
        ui.set_height(height);
        let cell = egui::vec2(RANK_WIDTH, LINE_HEIGHT);
        ui.allocate_ui_with_layout(cell, Layout::right_to_left(Align::Center), |ui| {
            ui.label(RichText::new(format!("{}.", rank + 1)).weak());
        });
        let cell = egui::vec2(BAR_WIDTH, LINE_HEIGHT);
        ui.allocate_ui_with_layout(cell, Layout::left_to_right(Align::Center), |ui| {
            fit_bar(ui, fit);
        });
        let cell = egui::vec2(FIGURE_WIDTH, LINE_HEIGHT);
        ui.allocate_ui_with_layout(cell, Layout::left_to_right(Align::Center), |ui| {
            // The whole cell, so titles line up after "100%" as after "7%".
            ui.set_min_size(cell);
            match fit {
                Some(f) => {
                    ui.label(RichText::new(format!("{:.0}%", f * 100.0)).strong());
                }
                None => {
                    ui.label(RichText::new("no stack").weak());
                }
            }
        });
        // The rest of the width holds the title and, below it, what is left to learn.
        ui.vertical(|ui| {
            title_line(ui, cx, role, out);
            core_line(ui, cx, role, fit);
        });
    });
}

fn fit_bar(ui: &mut egui::Ui, fit: Option<f32>) {
    let (bar, response) = ui.allocate_exact_size(egui::vec2(BAR_WIDTH, 12.0), Sense::hover());
    let visuals = ui.visuals();
    ui.painter().rect_filled(bar, 3.0, visuals.extreme_bg_color);
    if let Some(f) = fit.filter(|f| *f > 0.0) {
        let filled = egui::Rect::from_min_size(bar.min, egui::vec2(bar.width() * f, bar.height()));
        ui.painter()
            .rect_filled(filled, 3.0, visuals.selection.bg_fill);
    }
    if let Some(f) = fit {
        response.on_hover_text(format!("{:.0}% fit", f * 100.0));
    }
}

/// The role's title as a link, then its dataset's name when not bundled; on
/// one line, each cut with an ellipsis (whole on hover) when too long, the
/// dataset's name keeping at least a third of the room.
fn title_line(
    ui: &mut egui::Ui,
    cx: &ViewCx<'_>,
    role: crate::model::RoleIdx,
    out: &mut Vec<Command>,
) {
    let title = &cx.catalog.role(role).role.title;
    let dataset = (!cx.catalog.is_bundled(role)).then(|| cx.catalog.dataset_name(role));
    ui.horizontal(|ui| {
        ui.set_height(LINE_HEIGHT);
        ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
        let spacing = ui.spacing().item_spacing.x;
        let room = ui.available_width();
        let title_text = RichText::new(title).strong();
        let dataset_text = dataset.map(|d| RichText::new(d).small().weak());
        let dataset_width = dataset_text
            .as_ref()
            .map_or(0.0, |d| width_of(ui, d.clone()) + spacing);
        let title_room = (room - dataset_width.min(room / 3.0)).max(0.0);
        let cut = width_of(ui, title_text.clone()) > title_room;
        let link = ui
            .allocate_ui(egui::vec2(title_room, LINE_HEIGHT), |ui| {
                ui.link(title_text)
            })
            .inner;
        let link = if cut { link.on_hover_text(title) } else { link };
        if link.clicked() {
            out.push(Command::Open(role));
        }
        if let (Some(text), Some(name)) = (dataset_text, dataset) {
            let cut = width_of(ui, text.clone()) > ui.available_width();
            let label = ui.label(text);
            if cut {
                label.on_hover_text(name);
            }
        }
    });
}

/// What the role still needs, wrapped onto at most [`CORE_LINES`] lines of
/// the room left; cut with an ellipsis beyond that, whole on hover.
fn core_line(ui: &mut egui::Ui, cx: &ViewCx<'_>, role: crate::model::RoleIdx, fit: Option<f32>) {
    let missing: Vec<String> = fit::missing(cx.catalog, cx.credits, role)
        .into_iter()
        .filter(|(_, p)| *p == Priority::Core)
        .take(4)
        .map(|(t, _)| cx.catalog.tech(t).name.clone())
        .collect();
    let text = if fit.is_none() {
        "This role lists no technologies to compare.".to_string()
    } else if missing.is_empty() {
        "You know every core technology of this role.".to_string()
    } else {
        format!("Core to learn: {}", missing.join(", "))
    };
    let mut job = LayoutJob::default();
    RichText::new(&text).small().append_to(
        &mut job,
        ui.style(),
        FontSelection::Default,
        Align::Min,
    );
    job.wrap = TextWrapping {
        max_width: ui.available_width(),
        max_rows: CORE_LINES,
        break_anywhere: false,
        overflow_character: Some('…'),
    };
    let galley = ui.fonts_mut(|f| f.layout_job(job));
    let cut = galley.elided;
    let label = ui.add(egui::Label::new(galley));
    if cut {
        label.on_hover_text(text);
    }
}

/// Width of `text` on one line, in points.
fn width_of(ui: &egui::Ui, text: RichText) -> f32 {
    egui::WidgetText::from(text)
        .into_galley(
            ui,
            Some(egui::TextWrapMode::Extend),
            f32::INFINITY,
            TextStyle::Body,
        )
        .size()
        .x
}
