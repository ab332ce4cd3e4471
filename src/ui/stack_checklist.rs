//! The technology checklist of a role: groups in the file's order, one
//! checkbox per technology, with its priority written out (never colour alone).

use egui::RichText;

use super::Command;
use super::theme::core_color;
use crate::model::Catalog;
use crate::model::catalog::RoleEntry;
use crate::model::profile::Profile;
use crate::model::types::Priority;

/// Draws the checklist of `entry`.
pub fn ui(
    ui: &mut egui::Ui,
    catalog: &Catalog,
    profile: &Profile,
    entry: &RoleEntry,
    out: &mut Vec<Command>,
) {
    if entry.stack.is_empty() {
        ui.label("This role lists no technologies.");
        return;
    }
    let total = profile.role_progress(catalog, entry);
    ui.horizontal(|ui| {
        ui.label(RichText::new(total.label()).strong());
        #[allow(clippy::cast_precision_loss)] // counts are small
        let fraction = if total.total == 0 {
            0.0
        } else {
            total.done as f32 / total.total as f32
        };
        ui.add(
            egui::ProgressBar::new(fraction)
                .desired_width(160.0)
                .desired_height(8.0),
        );
    });
    ui.label(
        RichText::new("Ticking a technology ticks it in every role that uses it.")
            .small()
            .weak(),
    );
    let dark = ui.visuals().dark_mode;
    // One grid for every group, so the columns line up down the whole list.
    egui::Grid::new("stack_grid")
        .num_columns(4)
        .spacing([12.0, 4.0])
        .show(ui, |ui| {
            for group in &entry.stack {
                let progress =
                    profile.progress(catalog, group.items.iter().map(|i| (i.tech, i.priority)));
                ui.end_row();
                // Issue 14: the group name and the counter as separate runs, so an RTL name never reorders "0 of 1".
                ui.label(crate::fonts::separate_runs(
                    ui.style(),
                    [
                        RichText::new(&group.name).strong(),
                        RichText::new(format!(" — {} of {}", progress.done, progress.total))
                            .strong(),
                    ],
                ));
                ui.end_row();
                for item in &group.items {
                    let info = catalog.tech(item.tech);
                    let mut ticked = profile.is_ticked(info);
                    let mut text = RichText::new(&info.name);
                    if item.priority == Priority::Core {
                        text = text.strong();
                    }
                    let mut response = ui.checkbox(&mut ticked, text);
                    let mut hover = Vec::new();
                    if let Some(d) = &info.description {
                        hover.push(d.clone());
                    }
                    if info.hot {
                        hover.push("Flagged “in demand” by a dataset’s catalog (for the bundled data: O*NET 29.2).".into());
                    }
                    let uses = catalog.roles_using(item.tech).len();
                    if uses > 1 {
                        hover.push(format!("Used by {}.", super::text::roles(uses)));
                    }
                    if !hover.is_empty() {
                        response = response.on_hover_text(hover.join("\n"));
                    }
                    if response.changed() {
                        out.push(Command::SetTicked(item.tech, ticked));
                    }
                    let tag = RichText::new(item.priority.label().to_lowercase()).small();
                    ui.horizontal(|ui| {
                        ui.label(if item.priority == Priority::Core {
                            tag.color(core_color(dark)).strong()
                        } else {
                            tag.weak()
                        });
                        if super::tech_page::tech_link(ui, &info.name) {
                            out.push(Command::OpenTech(item.tech));
                        }
                    });
                    let level = profile.level(info);
                    if let Some(new) = super::my_skills::proficiency_picker(
                        ui,
                        ("stack_level", item.tech.0),
                        level,
                        &info.name,
                    ) {
                        out.push(Command::SetLevel(item.tech, new));
                    }
                    if let Some(n) = &item.note {
                        ui.label(RichText::new(n).small().weak());
                    }
                    ui.end_row();
                }
            }
        });
}
