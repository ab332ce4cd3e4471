//! For people writing role files: what watch mode knows about each watched
//! dataset (shown in the Datasets window), and the panel listing the problems
//! of the last save — non-modal, at the bottom of the window, gone as soon as
//! a save fixes them.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use egui::RichText;

use super::theme::warning_color;
use super::{Command, ViewCx, text};
use crate::model::Diagnostic;

/// Watch mode as the panels see it; the app keeps it up to date.
#[derive(Debug, Clone, Default)]
pub struct Authoring {
    /// Watch state by dataset name (imported datasets only).
    pub datasets: BTreeMap<String, DatasetWatch>,
    /// Problems of the last save of a watched file, by dataset name.
    pub problems: BTreeMap<String, FileProblems>,
}

/// Watch mode of one imported dataset.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DatasetWatch {
    /// The person asked for watch mode.
    pub on: bool,
    /// Why watching could not start; the Datasets window offers Reload.
    pub failed: Option<String>,
    /// The source file is gone (deleted or moved); the last good copy stays.
    pub gone: bool,
}

/// What is wrong with the last save of a watched file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileProblems {
    /// The file, as a path.
    pub file: String,
    /// Why it could not be read at all (too large, unreadable).
    pub read_error: Option<String>,
    /// Errors and warnings, in document order.
    pub diagnostics: Vec<Diagnostic>,
    /// False when the save has errors and the last good version stays loaded.
    pub loaded: bool,
}

impl FileProblems {
    fn errors(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }

    /// `FILE:LINE:COL: error: PATH: message` lines, as `validate` prints them.
    fn as_text(&self) -> String {
        let mut out = String::new();
        if let Some(e) = &self.read_error {
            let _ = writeln!(out, "{}: error: {e}", self.file);
        }
        for d in &self.diagnostics {
            let _ = writeln!(out, "{}", d.display_with_file(&self.file));
        }
        out
    }
}

/// Longest the panel grows before its list scrolls, in points.
const MAX_LIST_HEIGHT: f32 = 180.0;

/// The problems panel, at the bottom of the window, while any watched file
/// has problems. Call before the central panel.
pub fn problems_panel(ui: &mut egui::Ui, cx: &ViewCx<'_>, out: &mut Vec<Command>) {
    if cx.authoring.problems.is_empty() {
        return;
    }
    egui::Panel::bottom("file_problems")
        .resizable(false)
        .show(ui, |ui| {
            ui.add_space(4.0);
            for (name, problems) in &cx.authoring.problems {
                file_problems(ui, name, problems, out);
            }
            ui.add_space(2.0);
        });
}

fn file_problems(ui: &mut egui::Ui, name: &str, p: &FileProblems, out: &mut Vec<Command>) {
    let dark = ui.visuals().dark_mode;
    let file = std::path::Path::new(&p.file)
        .file_name()
        .map_or_else(|| p.file.clone(), |n| n.to_string_lossy().into_owned());
    let errors = p.errors() + usize::from(p.read_error.is_some());
    let headline = if p.loaded {
        format!(
            "“{file}” was loaded with {}.",
            text::count(p.diagnostics.len(), "warning", "warnings")
        )
    } else {
        format!(
            "The last save of “{file}” has {}; “{name}” stays as it was until a save fixes {}.",
            text::errors(errors),
            if errors == 1 { "it" } else { "them" }
        )
    };
    ui.horizontal_wrapped(|ui| {
        let lead = if p.loaded { "Warnings:" } else { "Not loaded:" };
        ui.label(RichText::new(lead).strong().color(warning_color(dark)));
        ui.label(headline);
        if ui
            .small_button("Copy")
            .on_hover_text("Copy every problem as FILE:LINE:COL lines")
            .clicked()
        {
            out.push(Command::CopyText("the problems", p.as_text()));
        }
        if ui
            .small_button("Hide")
            .on_hover_text("Hide until the next save")
            .clicked()
        {
            out.push(Command::HideFileProblems(name.to_string()));
        }
    });
    egui::ScrollArea::vertical()
        .id_salt(("file_problems", name))
        .max_height(MAX_LIST_HEIGHT)
        .auto_shrink([false, true])
        .show(ui, |ui| {
            if let Some(e) = &p.read_error {
                ui.label(e);
            }
            for d in &p.diagnostics {
                ui.horizontal_wrapped(|ui| {
                    let place = format!("{}:{}", d.line, d.column);
                    ui.label(RichText::new(place).monospace())
                        .on_hover_text("line:column");
                    let severity = RichText::new(d.severity.as_str());
                    ui.label(if d.is_error() {
                        severity.color(warning_color(dark))
                    } else {
                        severity.weak()
                    });
                    if !d.path.is_empty() {
                        ui.label(RichText::new(&d.path).monospace().weak());
                    }
                    ui.label(&d.message);
                });
            }
        });
}

/// The watch part of a dataset's row in the Datasets window: the toggle,
/// and what watching found.
pub fn watch_row(
    ui: &mut egui::Ui,
    cx: &ViewCx<'_>,
    index: usize,
    name: &str,
    source_file: &std::path::Path,
    out: &mut Vec<Command>,
) {
    let state = cx.authoring.datasets.get(name).cloned().unwrap_or_default();
    let dark = ui.visuals().dark_mode;
    ui.horizontal_wrapped(|ui| {
        let mut on = state.on;
        if ui
            .checkbox(&mut on, "Watch for changes")
            .on_hover_text(
                "Re-read the source file every time it is saved, and update this dataset in place",
            )
            .changed()
        {
            out.push(Command::SetWatch(index, on));
        }
        if state.on
            && state.failed.is_some()
            && ui
                .button("Reload")
                .on_hover_text("Read the source file again now")
                .clicked()
        {
            out.push(Command::ReloadDataset(index));
        }
    });
    let note = |ui: &mut egui::Ui, t: String, warn: bool| {
        let t = RichText::new(t).small();
        ui.label(if warn {
            t.color(warning_color(dark))
        } else {
            t.weak()
        });
    };
    if state.gone {
        note(
            ui,
            format!(
                "The source file is gone (deleted or moved): {}. The last good copy stays loaded; put the file back, or import it from where it is now.",
                source_file.display()
            ),
            true,
        );
    } else if let Some(why) = &state.failed {
        note(
            ui,
            format!("Career Atlas cannot watch this file: {why}. Press Reload after each save."),
            true,
        );
    } else if state.on {
        let problem = cx.authoring.problems.get(name).filter(|p| !p.loaded);
        match problem {
            Some(p) => note(
                ui,
                format!(
                    "The last save has {}; the last good version stays loaded.",
                    text::errors(p.errors() + usize::from(p.read_error.is_some()))
                ),
                true,
            ),
            None => note(
                ui,
                "Watching: every save updates this dataset.".into(),
                false,
            ),
        }
    }
}
