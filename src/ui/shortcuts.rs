//! Keyboard shortcuts: reading them each frame, and the window that lists them.

use egui::{Key, KeyboardShortcut, Modifiers};

use super::{Command, Dialog, ViewCx};

/// Every shortcut, for the help window: keys, what they do.
pub const SHORTCUTS: &[(&str, &str)] = &[
    ("Ctrl+F", "Search roles and technologies"),
    (
        "Ctrl+K",
        "Command palette: go to a role, a technology or an action",
    ),
    ("Ctrl+O", "Import role files"),
    ("Up / Down", "Previous / next role in the list"),
    ("Esc", "Clear the search, or close a window"),
    ("Alt+Left", "Back to the previous role"),
    ("Alt+Right", "Forward again"),
    (
        "Alt+1 … Alt+6",
        "On a role page: Overview, Stack, Pay, A day, Getting in, Related",
    ),
    ("Ctrl+Plus / Ctrl+Minus / Ctrl+0", "Zoom in / out / reset"),
    ("F1", "Show these shortcuts"),
    ("Ctrl+Q", "Quit"),
];

/// Turns this frame's key presses into commands. Arrow keys are taken before
/// the search box sees them, so they move through the list while typing.
pub fn read_keys(ctx: &egui::Context) -> Vec<Command> {
    let mut out = Vec::new();
    let search_focused = ctx.memory(|m| {
        m.focused()
            .is_none_or(|id| id == super::role_list::search_id())
    });
    ctx.input_mut(|i| {
        if i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::F)) {
            out.push(Command::FocusSearch);
        }
        if i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::O)) {
            out.push(Command::OpenImportDialog);
        }
        if i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::Q)) {
            out.push(Command::Quit);
        }
        if i.consume_shortcut(&KeyboardShortcut::new(Modifiers::ALT, Key::ArrowLeft)) {
            out.push(Command::Back);
        }
        if i.consume_shortcut(&KeyboardShortcut::new(Modifiers::ALT, Key::ArrowRight)) {
            out.push(Command::Forward);
        }
        if i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::K)) {
            out.push(Command::ShowDialog(Some(super::Dialog::Palette)));
        }
        if i.consume_key(Modifiers::NONE, Key::F1) {
            out.push(Command::ShowDialog(Some(Dialog::Shortcuts)));
        }
        if search_focused {
            if i.consume_key(Modifiers::NONE, Key::ArrowDown) {
                out.push(Command::MoveSelection(1));
            }
            if i.consume_key(Modifiers::NONE, Key::ArrowUp) {
                out.push(Command::MoveSelection(-1));
            }
        }
    });
    out
}

/// The shortcuts window.
pub fn window(ctx: &egui::Context, cx: &ViewCx<'_>, out: &mut Vec<Command>) {
    if cx.dialog != Some(Dialog::Shortcuts) {
        return;
    }
    let mut open = true;
    egui::Window::new("Keyboard shortcuts")
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .show(ctx, |ui| {
            egui::Grid::new("shortcuts")
                .num_columns(2)
                .striped(true)
                .show(ui, |ui| {
                    for (keys, what) in SHORTCUTS {
                        ui.label(egui::RichText::new(*keys).monospace());
                        ui.label(*what);
                        ui.end_row();
                    }
                });
        });
    if !open || ctx.input(|i| i.key_pressed(Key::Escape)) {
        out.push(Command::ShowDialog(None));
    }
}
