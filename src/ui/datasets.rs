//! The "Datasets" window: every loaded dataset with its details; show or hide,
//! remove (undoable this session), re-import, watch for changes, save as a
//! role file.

use egui::RichText;

use super::{Command, Dialog, RoleScope, ViewCx};
use crate::model::catalog::DatasetOrigin;

/// The window, when open.
pub fn window(ctx: &egui::Context, cx: &ViewCx<'_>, out: &mut Vec<Command>) {
    if cx.dialog != Some(Dialog::Datasets) {
        return;
    }
    let mut open = true;
    egui::Window::new("Datasets")
        .open(&mut open)
        .collapsible(false)
        .default_width(620.0)
        // Height follows the datasets listed (up to 85% of the window), so
        // one imported since the window was last sized is not hidden below
        // its edge; past that, the list scrolls with a visible bar.
        .resizable([true, false])
        .max_height(ctx.content_rect().height() * 0.85)
        .show(ctx, |ui| {
            // Wrapped: the undo button names the dataset, of any length.
            ui.horizontal_wrapped(|ui| {
                if ui.button("Import…").on_hover_text("Ctrl+O").clicked() {
                    out.push(Command::OpenImportDialog);
                }
                if ui
                    .button("New role file…")
                    .on_hover_text("Start a role file from a template, watched as you edit it")
                    .clicked()
                {
                    out.push(Command::NewRoleFile);
                }
                if let Some(last) = cx.last_removed
                    && ui.button(format!("Undo removal of “{last}”")).clicked()
                {
                    out.push(Command::UndoRemove);
                }
            });
            ui.separator();
            egui::ScrollArea::vertical()
                .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::VisibleWhenNeeded)
                .show(ui, |ui| {
                    for (i, loaded) in cx.catalog.datasets.iter().enumerate() {
                        dataset_row(ui, cx, i, loaded, out);
                        ui.separator();
                    }
                });
        });
    if !open || ctx.input(|i| i.key_pressed(egui::Key::Escape)) {
        out.push(Command::ShowDialog(None));
    }
}

fn dataset_row(
    ui: &mut egui::Ui,
    cx: &ViewCx<'_>,
    index: usize,
    loaded: &crate::model::catalog::LoadedDataset,
    out: &mut Vec<Command>,
) {
    let ds = &loaded.dataset;
    // The buttons first, from the right; the name then wraps in what is left
    // of the row, so a long one neither runs under them nor past the window.
    ui.horizontal(|ui| {
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if let DatasetOrigin::Imported { .. } = loaded.origin {
                if ui
                    .button("Remove")
                    .on_hover_text(format!(
                        "Remove “{}” (undo is possible until you quit)",
                        ds.name
                    ))
                    .clicked()
                {
                    out.push(Command::RemoveDataset(index));
                }
                if ui
                    .button("Re-import")
                    .on_hover_text("Read the source file again to update this dataset")
                    .clicked()
                {
                    out.push(Command::Reimport(index));
                }
            }
            if ui
                .button("Save as role file…")
                .on_hover_text("Write this dataset as a role file to share")
                .clicked()
            {
                out.push(Command::SaveRoles(RoleScope::Dataset(index)));
            }
            ui.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
                let mut visible = loaded.visible;
                if ui
                    .checkbox(&mut visible, RichText::new(&ds.name).strong())
                    .on_hover_text("Show this dataset's roles in the list")
                    .changed()
                {
                    out.push(Command::SetDatasetVisible(index, visible));
                }
            });
        });
    });
    if let Some(d) = &ds.description {
        ui.label(d);
    }
    ui.label(RichText::new(super::text::dataset_summary(ds)).small());
    match &loaded.origin {
        DatasetOrigin::Bundled => {
            ui.label(
                RichText::new("Comes with the app; it can be hidden but not removed.")
                    .small()
                    .weak(),
            );
        }
        DatasetOrigin::Imported {
            source_file,
            imported_at,
        } => {
            ui.label(
                RichText::new(format!(
                    "Imported {imported_at} from {}",
                    source_file.display()
                ))
                .small()
                .weak(),
            );
            super::authoring::watch_row(ui, cx, index, &ds.name, source_file, out);
        }
    }
}
