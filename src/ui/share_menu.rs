//! The File menu's entries for authors: New role file…, and saving the open
//! role or the listed roles as a role file (a whole dataset is saved from
//! the Datasets window).

use super::{Command, RoleScope, ViewCx};

/// Adds the entries to an open menu.
pub fn items(ui: &mut egui::Ui, cx: &ViewCx<'_>, out: &mut Vec<Command>) {
    ui.separator();
    if ui
        .button("New role file…")
        .on_hover_text("Start a role file from a template; Career Atlas shows every save")
        .clicked()
    {
        out.push(Command::NewRoleFile);
        ui.close();
    }
    let role = cx
        .selected
        .filter(|_| cx.settings.view == crate::state::View::Role);
    if ui
        .add_enabled(role.is_some(), egui::Button::new("Save role as role file…"))
        .on_hover_text("Write the open role, with what it needs, as a role file to share")
        .on_disabled_hover_text("Open a role first")
        .clicked()
        && let Some(role) = role
    {
        out.push(Command::SaveRoles(RoleScope::Role(role)));
        ui.close();
    }
    let n = cx.in_view.len();
    let label = if n == 1 {
        "Save the listed role as a role file…".to_string()
    } else {
        format!("Save the {n} listed roles as a role file…")
    };
    if ui
        .add_enabled(n > 0, egui::Button::new(label))
        .on_hover_text("Write the roles the list shows now (after a search) as a role file")
        .clicked()
    {
        out.push(Command::SaveRoles(RoleScope::InView));
        ui.close();
    }
}
