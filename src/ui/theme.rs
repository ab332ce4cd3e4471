//! Design tokens: the few sizes and colours the panels share, in one place.

use egui::{Color32, FontId, TextStyle};

/// Widest a column of running text may get, for comfortable reading.
pub const READING_WIDTH: f32 = 760.0;

/// Caps `ui` at the reading width, never wider than the room it has: a
/// narrow window wraps the text instead of cutting it off.
pub fn cap_to_reading_width(ui: &mut egui::Ui) {
    ui.set_max_width(ui.available_width().min(READING_WIDTH));
}
/// Space between sections of the detail panel.
pub const SECTION_GAP: f32 = 18.0;
/// Height of one row of the role list.
pub const LIST_ROW_HEIGHT: f32 = 24.0;

/// Accent for "core" technologies (always paired with the word).
#[must_use]
pub fn core_color(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(120, 180, 255)
    } else {
        Color32::from_rgb(20, 90, 190)
    }
}

/// Fill of the salary range boxes.
#[must_use]
pub fn chart_fill(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgba_unmultiplied(90, 160, 255, 90)
    } else {
        Color32::from_rgba_unmultiplied(30, 110, 220, 70)
    }
}

/// Outline of the salary range boxes and markers.
#[must_use]
pub fn chart_stroke(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(140, 195, 255)
    } else {
        Color32::from_rgb(20, 80, 170)
    }
}

/// Colour of warning notices.
#[must_use]
pub fn warning_color(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(255, 200, 90)
    } else {
        Color32::from_rgb(150, 90, 0)
    }
}

/// Text sizes tuned for an app people read in.
pub fn install(ctx: &egui::Context) {
    ctx.all_styles_mut(|style| {
        style.text_styles.insert(
            TextStyle::Heading,
            FontId::new(24.0, egui::FontFamily::Proportional),
        );
        style.text_styles.insert(
            TextStyle::Body,
            FontId::new(15.0, egui::FontFamily::Proportional),
        );
        style.text_styles.insert(
            TextStyle::Button,
            FontId::new(14.5, egui::FontFamily::Proportional),
        );
        style.text_styles.insert(
            TextStyle::Small,
            FontId::new(12.0, egui::FontFamily::Proportional),
        );
        style.spacing.item_spacing = egui::vec2(8.0, 6.0);
        style.spacing.button_padding = egui::vec2(6.0, 3.0);
    });
}

/// A section heading of the detail panel.
pub fn section(ui: &mut egui::Ui, title: &str) {
    ui.add_space(SECTION_GAP);
    ui.label(egui::RichText::new(title).size(18.0).strong());
    ui.add_space(2.0);
}
