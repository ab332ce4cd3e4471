//! The bar at the top: history buttons, menus, and notices.

use egui::RichText;

use super::theme::warning_color;
use super::{Command, Dialog, NoticeKind, ViewCx};
use crate::state::ThemeChoice;

/// Draws the bar.
pub fn ui(ui: &mut egui::Ui, cx: &ViewCx<'_>, out: &mut Vec<Command>) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            if ui
                .add(egui::Button::new("Import role files…").shortcut_text("Ctrl+O"))
                .clicked()
            {
                out.push(Command::OpenImportDialog);
                ui.close();
            }
            if ui.button("Datasets…").clicked() {
                out.push(Command::ShowDialog(Some(Dialog::Datasets)));
                ui.close();
            }
            super::share_menu::items(ui, cx, out);
            ui.separator();
            if ui
                .add(egui::Button::new("Quit").shortcut_text("Ctrl+Q"))
                .clicked()
            {
                out.push(Command::Quit);
            }
        });
        ui.menu_button("View", |ui| {
            if ui
                .add(egui::Button::new("Find a role…").shortcut_text("Ctrl+F"))
                .clicked()
            {
                out.push(Command::FocusSearch);
                ui.close();
            }
            ui.separator();
            ui.label(RichText::new("Theme").small().weak());
            for choice in ThemeChoice::ALL {
                if ui
                    .radio(cx.settings.theme == choice, choice.label())
                    .clicked()
                {
                    out.push(Command::SetTheme(choice));
                    ui.close();
                }
            }
        });
        ui.menu_button("Help", |ui| {
            if ui
                .add(egui::Button::new("Keyboard shortcuts").shortcut_text("F1"))
                .clicked()
            {
                out.push(Command::ShowDialog(Some(Dialog::Shortcuts)));
                ui.close();
            }
            if ui.button("About the data").clicked() {
                out.push(Command::ShowDialog(Some(Dialog::About)));
                ui.close();
            }
        });
        ui.separator();
        if ui
            .add_enabled(cx.can_go_back, egui::Button::new("‹ Back"))
            .on_hover_text("Previous role or technology (Alt+Left)")
            .clicked()
        {
            out.push(Command::Back);
        }
        if ui
            .add_enabled(cx.can_go_forward, egui::Button::new("Forward ›"))
            .on_hover_text("Next role or technology (Alt+Right)")
            .clicked()
        {
            out.push(Command::Forward);
        }
        ui.separator();
        for view in crate::state::View::ALL {
            if ui
                .selectable_label(cx.settings.view == view, view.label())
                .clicked()
            {
                out.push(Command::ShowView(view));
            }
        }
        super::import::progress(ui, cx);
    });
    // A row of its own, so Cancel stays in reach on a narrow window.
    if let Some(waiting) = cx.pending_dialog {
        ui.horizontal_wrapped(|ui| {
            ui.spinner();
            ui.label(waiting);
            if ui
                .button("Cancel")
                .on_hover_text(
                    "Stop waiting for the dialog, so others can open; if it answers later, the answer is still used",
                )
                .clicked()
            {
                out.push(Command::CancelFileDialog);
            }
        });
    }
    let dark = ui.visuals().dark_mode;
    for (i, notice) in cx.notices.iter().enumerate() {
        ui.horizontal_wrapped(|ui| {
            let text = RichText::new(&notice.text);
            match notice.kind {
                NoticeKind::Warning => {
                    ui.label(
                        RichText::new("Warning:")
                            .strong()
                            .color(warning_color(dark)),
                    );
                    ui.label(text);
                }
                NoticeKind::Info => {
                    ui.label(text);
                }
            }
            if let Some((label, command)) = &notice.action
                && ui.button(*label).clicked()
            {
                out.push(command.clone());
                out.push(Command::DismissNotice(i));
            }
            if ui.small_button("Dismiss").clicked() {
                out.push(Command::DismissNotice(i));
            }
        });
    }
}
