//! Import on screen: files dropped on the window, the hint while dragging, the
//! preview before anything is added, and the error report of a refused file.

use std::fmt::Write as _;
use std::path::PathBuf;

use egui::{Key, RichText};

use super::theme::warning_color;
use super::{Command, ViewCx, text};
use crate::jobs::ImportReview;
use crate::model::Diagnostic;
use crate::model::diff::DatasetDiff;

/// A checked file waiting for the person: a preview to confirm, or an error
/// report. The app builds it from a job's result and the loaded catalog.
pub struct PendingReview {
    /// The file and what reading it found.
    pub review: ImportReview,
    /// What it would change in a loaded dataset of the same name.
    pub diff: Option<DatasetDiff>,
    /// Why it cannot be imported even though the file is valid.
    pub blocked: Option<String>,
}

/// Files dropped on the window this frame. On the desktop every dropped file
/// has a path (egui-winit gives nothing else), so the path is all we take.
#[must_use]
pub fn dropped_files(ctx: &egui::Context) -> Vec<PathBuf> {
    ctx.input(|i| {
        i.raw
            .dropped_files
            .iter()
            .map(|f| f.path().to_path_buf())
            .collect()
    })
}

/// A full-window hint while files are dragged over it.
pub fn drop_hint(ctx: &egui::Context) {
    let hovering = ctx.input(|i| i.raw.hovered_files.len());
    if hovering == 0 {
        return;
    }
    let rect = ctx.content_rect();
    let painter = ctx.layer_painter(egui::LayerId::new(
        egui::Order::Foreground,
        egui::Id::unique("drop_hint"),
    ));
    painter.rect_filled(rect, 0.0, egui::Color32::from_black_alpha(170));
    let text = if hovering == 1 {
        "Drop the role file to import it".to_string()
    } else {
        format!("Drop the {hovering} role files to import them")
    };
    painter.text(
        rect.center(),
        egui::Align2::CENTER_CENTER,
        text,
        egui::FontId::proportional(26.0),
        egui::Color32::WHITE,
    );
}

/// Files being read right now, for the top bar.
pub fn progress(ui: &mut egui::Ui, cx: &ViewCx<'_>) {
    let in_flight = cx.imports_in_flight;
    if in_flight.is_empty() {
        return;
    }
    ui.spinner();
    let name = short_name(&in_flight[0]);
    if in_flight.len() == 1 {
        ui.label(format!("Reading {name}…"));
    } else {
        ui.label(format!("Reading {name} and {} more…", in_flight.len() - 1));
    }
}

fn short_name(path: &str) -> String {
    std::path::Path::new(path)
        .file_name()
        .map_or_else(|| path.to_string(), |n| n.to_string_lossy().into_owned())
}

/// The preview (valid file) or error report (refused file) of the oldest
/// checked file.
pub fn review_window(ctx: &egui::Context, cx: &ViewCx<'_>, out: &mut Vec<Command>) {
    let Some(pending) = cx.review else {
        return;
    };
    let file = short_name(&pending.review.source.display().to_string());
    let valid = pending.review.is_valid();
    let offer = pending.review.profile.as_ref();
    let title = if valid {
        format!("Import “{file}”?")
    } else if offer.is_some() {
        format!("Import “{file}” as your skill profile?")
    } else {
        format!("“{file}” was not imported")
    };
    let mut open = true;
    egui::Window::new(title)
        .id(egui::Id::unique("import_review"))
        .open(&mut open)
        .collapsible(false)
        .default_width(640.0)
        .max_height(ctx.content_rect().height() * 0.85)
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .show(ctx, |ui| {
            if valid {
                preview(ui, pending, out);
            } else if let Some(profile) = offer {
                profile_offer(ui, profile.skills.len(), out);
            } else {
                report(ui, pending, out);
            }
        });
    let more = cx.reviews_waiting;
    if more > 0 {
        egui::Area::new(egui::Id::unique("more_reviews"))
            .anchor(egui::Align2::CENTER_BOTTOM, egui::vec2(0.0, -16.0))
            .show(ctx, |ui| {
                ui.label(format!(
                    "{} waiting",
                    text::count(more, "more file", "more files")
                ));
            });
    }
    if !open || ctx.input(|i| i.key_pressed(Key::Escape)) {
        out.push(Command::DismissReview);
    }
}

fn preview(ui: &mut egui::Ui, pending: &PendingReview, out: &mut Vec<Command>) {
    let Some(outcome) = &pending.review.outcome else {
        return;
    };
    let Some(ds) = &outcome.dataset else { return };
    ui.label(RichText::new(&ds.name).strong().size(18.0));
    ui.label(text::dataset_summary(ds));
    // Says once which characters no installed font can draw.
    crate::fonts::missing_glyphs_notice(ui, std::sync::Arc::as_ptr(&pending.review.bytes), || {
        crate::fonts::notice::dataset_text(&pending.review.source.display().to_string(), ds)
    });
    if let Some(d) = &ds.description {
        ui.label(RichText::new(d).weak());
    }
    ui.add_space(8.0);
    match (&pending.diff, &pending.blocked) {
        (_, Some(reason)) => {
            ui.label(RichText::new(reason).color(warning_color(ui.visuals().dark_mode)));
        }
        (Some(diff), None) if diff.is_empty() => {
            ui.label(format!(
                "A dataset named “{}” is already loaded and this file changes none of its roles.",
                ds.name
            ));
        }
        (Some(diff), None) => {
            ui.label(format!(
                "Replaces the loaded “{}”: {} added, {} changed, {} removed, {} unchanged.",
                ds.name,
                diff.added.len(),
                diff.changed.len(),
                diff.removed.len(),
                diff.unchanged
            ));
            for (what, titles) in [
                ("Added", &diff.added),
                ("Changed", &diff.changed),
                ("Removed", &diff.removed),
            ] {
                if !titles.is_empty() {
                    ui.label(format!("{what}: {}", list_some(titles)));
                }
            }
        }
        (None, None) => {
            ui.label("A new dataset: its roles join the list, and technologies you ticked stay ticked in them.");
        }
    }
    if !outcome.diagnostics.is_empty() {
        ui.add_space(8.0);
        ui.label(
            RichText::new(format!(
                "{} — the file can still be imported:",
                text::warnings(outcome.diagnostics.len())
            ))
            .strong(),
        );
        diagnostics_list(ui, &outcome.diagnostics);
    }
    ui.add_space(10.0);
    ui.horizontal(|ui| {
        let can_import = pending.blocked.is_none();
        if ui
            .add_enabled(
                can_import,
                egui::Button::new(RichText::new("Import").strong()),
            )
            .clicked()
            || (can_import && ui.input(|i| i.key_pressed(Key::Enter)))
        {
            out.push(Command::ConfirmImport);
        }
        if ui.button("Cancel").clicked() {
            out.push(Command::DismissReview);
        }
    });
}

fn list_some(titles: &[String]) -> String {
    const SHOWN: usize = 8;
    if titles.len() <= SHOWN {
        titles.join(", ")
    } else {
        format!(
            "{}, and {} more",
            titles[..SHOWN].join(", "),
            titles.len() - SHOWN
        )
    }
}

/// A skill profile chosen as a role file, offered as what it is.
fn profile_offer(ui: &mut egui::Ui, skills: usize, out: &mut Vec<Command>) {
    ui.label(
        RichText::new(format!(
            "This is a Career Atlas skill profile with {}, not a role file.",
            text::count(skills, "skill", "skills")
        ))
        .strong(),
    );
    ui.label("Importing it merges it into your skills: for each technology the higher level wins, and notes are kept.");
    ui.add_space(10.0);
    ui.horizontal(|ui| {
        if ui
            .button(RichText::new("Import as my skill profile").strong())
            .clicked()
            || ui.input(|i| i.key_pressed(Key::Enter))
        {
            out.push(Command::ConfirmImport);
        }
        if ui.button("Cancel").clicked() {
            out.push(Command::DismissReview);
        }
    });
}

fn report(ui: &mut egui::Ui, pending: &PendingReview, out: &mut Vec<Command>) {
    let file = pending.review.source.display().to_string();
    if let Some(e) = &pending.review.read_error {
        ui.label(format!("{file}: {e}"));
    }
    if let Some(kind) = &pending.review.kind {
        // Another kind of file: one line that says what it is and what to do.
        let sentence = kind.sentence();
        let mut chars = sentence.chars();
        let sentence: String = chars
            .next()
            .map(|c| c.to_uppercase().chain(chars).collect())
            .unwrap_or_default();
        ui.label(RichText::new(format!("{sentence}.")).strong());
        ui.label("Nothing from this file was imported; everything already loaded is unchanged.");
    } else if let Some(outcome) = &pending.review.outcome {
        ui.label(format!(
            "{} and {}. Nothing from this file was imported; everything already loaded is unchanged.",
            text::errors(outcome.error_count()),
            text::warnings(outcome.warning_count())
        ));
        ui.label(RichText::new("Fix the file and import it again. Each line gives the place in the file and the path inside it.").weak());
        ui.add_space(6.0);
        diagnostics_list(ui, &outcome.diagnostics);
    }
    ui.add_space(10.0);
    ui.horizontal(|ui| {
        if let Some(outcome) = &pending.review.outcome
            && ui.button("Copy report").clicked()
        {
            let mut text = String::new();
            for d in &outcome.diagnostics {
                let _ = writeln!(text, "{}", d.display_with_file(&file));
            }
            ui.ctx().copy_text(text);
        }
        if ui.button("Close").clicked() {
            out.push(Command::DismissReview);
        }
    });
}

/// Every diagnostic, one row each; only visible rows are laid out.
fn diagnostics_list(ui: &mut egui::Ui, diagnostics: &[Diagnostic]) {
    let dark = ui.visuals().dark_mode;
    let row_height = ui.text_style_height(&egui::TextStyle::Body) * 2.4;
    egui::ScrollArea::vertical()
        .id_salt("diagnostics")
        .max_height(320.0)
        .auto_shrink([false, true])
        .show_rows(ui, row_height, diagnostics.len(), |ui, range| {
            for d in &diagnostics[range] {
                // Wrapped: a path deep in a file can be longer than the window.
                ui.horizontal_wrapped(|ui| {
                    let kind = if d.is_error() {
                        RichText::new("Error").strong().color(warning_color(dark))
                    } else {
                        RichText::new("Warning").strong()
                    };
                    ui.label(kind);
                    ui.label(
                        RichText::new(format!("line {}, column {}", d.line, d.column)).monospace(),
                    );
                    if !d.path.is_empty() {
                        ui.label(RichText::new(&d.path).monospace().weak());
                    }
                });
                ui.label(&d.message);
            }
        });
}
