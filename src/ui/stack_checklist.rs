//! The technology checklist of a role: groups in the file's order, one row
//! per technology with one level control (its first step is the tick), the
//! name linking to the technology's page, its priority written out (never
//! colour alone) and the "in demand" flag on the row.

use egui::RichText;

use super::theme::{core_color, warning_color};
use super::{Command, level_control};
use crate::model::Catalog;
use crate::model::catalog::{RoleEntry, StackItem};
use crate::model::profile::Profile;
use crate::model::types::{Priority, TechStatus};

/// Where the "in demand" flag of the bundled data comes from.
pub const DEMAND_SOURCE: &str = "Flagged “in demand” by a dataset’s catalog (for the bundled data: O*NET 29.2 Hot Technologies, employer job postings).";

/// The priority as the row writes it: the word (core in capitals), so it
/// reads without colour.
#[must_use]
pub fn priority_tag(p: Priority) -> &'static str {
    match p {
        Priority::Core => "CORE",
        Priority::Common => "common",
        Priority::Optional => "optional",
    }
}

/// The hover text of a row's name: what the technology is, whether it is
/// still developed, who else uses it and where to learn it. One place, so
/// what a catalog entry says more is added here.
#[must_use]
pub fn row_hover(catalog: &Catalog, item: &StackItem) -> String {
    let info = catalog.tech(item.tech);
    let mut hover = vec![format!("Open the page of {}", info.name)];
    if let Some(d) = &info.description {
        hover.push(d.clone());
    }
    if let Some(status) = info.status.filter(|s| *s != TechStatus::Active) {
        hover.push(format!(
            "{}: see its page before you invest time.",
            status.label()
        ));
    }
    let uses = catalog.roles_using(item.tech).len();
    if uses > 1 {
        hover.push(format!("Used by {}.", super::text::roles(uses)));
    }
    // "Where do I learn it?" is the next question after "what should I learn?".
    if let Some(url) = &info.url {
        hover.push(format!("Where to learn: {url}"));
    } else if let Some(note) = info.no_address_note() {
        // Silence would read as a gap in the data; the note says why there is none.
        hover.push(note);
    }
    hover.join("\n")
}

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
        RichText::new("First step: a tick (used it) · work: use it at work · teach: could teach it. A tick shows in every role that lists the technology; right-click a step for “Learning”.")
            .small()
            .weak(),
    );
    let dark = ui.visuals().dark_mode;
    let right = ui.max_rect().right();
    // One grid for every group, so the columns line up down the whole list.
    egui::Grid::new("stack_grid")
        .num_columns(3)
        .spacing([10.0, 4.0])
        .show(ui, |ui| {
            for group in &entry.stack {
                let progress =
                    profile.progress(catalog, group.items.iter().map(|i| (i.tech, i.priority)));
                ui.end_row();
                // Issue 14: the group name and the counter as separate runs, so an RTL name never reorders "0 of 1".
                let header = crate::fonts::separate_runs(
                    ui.style(),
                    [
                        RichText::new(&group.name).strong(),
                        RichText::new(format!(" — {} of {}", progress.done, progress.total))
                            .strong(),
                    ],
                );
                group_header(ui, header, right);
                ui.end_row();
                for item in &group.items {
                    row(ui, catalog, profile, item, dark, out);
                    ui.end_row();
                }
            }
        });
}

/// A group's name across its grid row, wrapped at the page's `right` edge.
/// It takes no width of the first column: as a plain label, a long name
/// widened that column and pushed the technologies' names off the panel.
fn group_header(ui: &mut egui::Ui, mut job: egui::text::LayoutJob, right: f32) {
    job.wrap.max_width = (right - ui.cursor().left()).max(60.0);
    let galley = ui.fonts_mut(|f| f.layout_job(job));
    let (rect, response) =
        ui.allocate_exact_size(egui::vec2(1.0, galley.size().y), egui::Sense::hover());
    let text = galley.text().to_owned();
    ui.painter()
        .galley(rect.min, galley, ui.visuals().text_color());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &text));
}

fn row(
    ui: &mut egui::Ui,
    catalog: &Catalog,
    profile: &Profile,
    item: &StackItem,
    dark: bool,
    out: &mut Vec<Command>,
) {
    let info = catalog.tech(item.tech);
    let level = profile.level(info);
    if let Some(new) = level_control::ui(ui, level, &info.name) {
        out.push(Command::SetLevel(item.tech, new));
    }
    let tag = RichText::new(priority_tag(item.priority)).small();
    ui.label(if item.priority == Priority::Core {
        tag.color(core_color(dark)).strong()
    } else {
        tag.weak()
    })
    .on_hover_text(match item.priority {
        Priority::Core => "Core — nearly every job in this role asks for it (weighs ×3 in fit).",
        Priority::Common => "Common — many teams use it (weighs ×2 in fit).",
        Priority::Optional => "Optional — useful in some teams (weighs ×1 in fit).",
    });
    // Wrapped: a long name from an imported file would run past the panel's edge.
    ui.horizontal_wrapped(|ui| {
        let mut name = RichText::new(&info.name);
        if item.priority == Priority::Core {
            name = name.strong();
        }
        let link = ui.link(name).on_hover_text(row_hover(catalog, item));
        // Named as before for screen readers: the tick is the one called by the name alone.
        let label = format!("About {}", info.name);
        link.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Link, true, &label));
        if link.clicked() {
            out.push(Command::OpenTech(item.tech));
        }
        if info.hot {
            ui.label(
                RichText::new("in demand")
                    .small()
                    .color(warning_color(dark)),
            )
            .on_hover_text(DEMAND_SOURCE);
        }
        if let Some(n) = &item.note {
            ui.add(egui::Label::new(RichText::new(n).small().weak()).truncate())
                .on_hover_text(n);
        }
    });
}
