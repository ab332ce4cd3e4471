//! Quick start, a window: "What have you worked with?" — the technologies
//! most listed across the loaded roles as chips by category. Done marks the
//! chosen ones at once (one [`Command::SetLevels`]) and shows Best fit ranked.
//! The app opens it by itself once, on the first start; My skills and Best fit
//! offer it while nothing is marked.

use std::collections::BTreeSet;

use egui::{Key, RichText};

use super::{Command, Dialog, ViewCx, text};
use crate::model::TechId;
use crate::model::catalog::Catalog;
use crate::model::profile::Proficiency;
use crate::state::View;

/// Technologies offered.
pub const QUICK_START_SIZE: usize = 40;

/// The label of the buttons that offer the quick start.
pub const OFFER: &str = "Quick start: what have you worked with?";

/// The level the chips mark.
const CHIP_LEVEL: Proficiency = Proficiency::UsedIt;

/// Technologies by category: the category's name and its technologies.
type Groups = Vec<(String, Vec<TechId>)>;

/// The chips by category, and which are chosen.
#[derive(Default)]
pub struct QuickStart {
    /// The most listed technologies grouped by category (categories by
    /// name, "Other" last), for a catalog version.
    popular: Option<(u64, Groups)>,
    chosen: BTreeSet<TechId>,
}

/// The `n` technologies listed by the most loaded roles, most first.
#[must_use]
pub fn most_listed(catalog: &Catalog, n: usize) -> Vec<TechId> {
    let mut all: Vec<(usize, TechId)> = (0..catalog.techs.len())
        .map(TechId)
        .map(|t| (catalog.roles_using(t).len(), t))
        .filter(|(uses, _)| *uses > 0)
        .collect();
    all.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    all.into_iter().take(n).map(|(_, t)| t).collect()
}

/// `techs` grouped by category, categories by name with "Other" last; the
/// order within a group is kept.
fn by_category(catalog: &Catalog, techs: &[TechId]) -> Groups {
    let mut groups: Groups = Vec::new();
    for &t in techs {
        let cat = catalog.tech(t).category.as_deref().unwrap_or("Other");
        match groups.iter_mut().find(|(c, _)| c == cat) {
            Some((_, list)) => list.push(t),
            None => groups.push((cat.to_string(), vec![t])),
        }
    }
    groups.sort_by(|a, b| (a.0 == "Other", &a.0).cmp(&(b.0 == "Other", &b.0)));
    groups
}

/// True when the person knows no loaded technology at all, not even a
/// little: what My skills and Best fit check before offering the quick start.
#[must_use]
pub fn nothing_marked(cx: &ViewCx<'_>) -> bool {
    !cx.credits.iter().any(|c| *c > 0.0)
}

impl QuickStart {
    /// Draws the window when it is the open dialog.
    pub fn window(&mut self, ctx: &egui::Context, cx: &ViewCx<'_>, out: &mut Vec<Command>) {
        if cx.dialog != Some(Dialog::QuickStart) {
            return;
        }
        if self
            .popular
            .as_ref()
            .is_none_or(|(v, _)| *v != cx.catalog_version)
        {
            let popular = most_listed(cx.catalog, QUICK_START_SIZE);
            self.popular = Some((cx.catalog_version, by_category(cx.catalog, &popular)));
            // Technology ids are positions in the catalog they came from.
            self.chosen.clear();
        }
        let screen = ctx.content_rect();
        let mut open = true;
        egui::Window::new("Quick start")
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
            .default_width((screen.width() - 48.0).clamp(280.0, 680.0))
            .max_height(screen.height() * 0.85)
            .show(ctx, |ui| {
                // A window sizes itself to its content, so the chips get a
                // height from the screen; the heading, text and buttons
                // take the rest.
                let chips = (screen.height() * 0.85 - 210.0).max(120.0);
                self.body(ui, cx, chips, out);
            });
        if !open || ctx.input(|i| i.key_pressed(Key::Escape)) {
            out.push(Command::ShowDialog(None));
        }
    }

    fn body(&mut self, ui: &mut egui::Ui, cx: &ViewCx<'_>, chips: f32, out: &mut Vec<Command>) {
        let Some((_, groups)) = &self.popular else {
            return;
        };
        ui.heading("What have you worked with?");
        ui.label(
            RichText::new(format!(
                "The technologies most listed across the loaded roles. Click each one you have used, then Done: they are marked “{}” and every role is ranked by your fit. Levels can be changed later in My skills.",
                CHIP_LEVEL.label()
            ))
            .weak(),
        );
        if groups.is_empty() {
            ui.label(
                "No loaded role lists any technology yet: import a dataset with stacks first.",
            );
        }
        ui.add_space(4.0);
        // The buttons stay in view below the chips, however small the window.
        egui::ScrollArea::vertical()
            .id_salt("quick_start_chips")
            .max_height(chips)
            .auto_shrink([false, true])
            .show(ui, |ui| {
                for (cat, techs) in groups {
                    ui.horizontal_wrapped(|ui| {
                        ui.label(RichText::new(format!("{cat}:")).strong());
                        for &t in techs {
                            let info = cx.catalog.tech(t);
                            let known = cx.profile.level(info);
                            if known >= CHIP_LEVEL {
                                // Already marked, at this level or above: Done
                                // would only lower it.
                                ui.add_enabled(false, egui::Button::selectable(true, &info.name))
                                    .on_disabled_hover_text(format!(
                                        "In My skills as “{}”",
                                        known.label()
                                    ));
                                continue;
                            }
                            let on = self.chosen.contains(&t);
                            if ui.selectable_label(on, &info.name).clicked() {
                                if on {
                                    self.chosen.remove(&t);
                                } else {
                                    self.chosen.insert(t);
                                }
                            }
                        }
                    });
                }
            });
        ui.separator();
        let n = self.chosen.len();
        ui.horizontal(|ui| {
            let done = egui::Button::new(format!(
                "Done: mark {} and rank roles",
                text::technologies(n)
            ));
            if ui.add_enabled(n > 0, done).clicked() {
                let levels = self.chosen.iter().map(|&t| (t, CHIP_LEVEL)).collect();
                out.push(Command::SetLevels(levels));
                out.push(Command::ShowView(View::BestFit));
                out.push(Command::ShowDialog(None));
                self.chosen.clear();
            }
            if ui.button("Not now").clicked() {
                out.push(Command::ShowDialog(None));
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::catalog::test_catalog;

    #[test]
    fn chips_are_the_most_listed_grouped_by_category_with_other_last() {
        let cat = test_catalog(
            r#"{"format":"career-atlas/1","name":"t",
                "technologies":[{"id":"go","name":"Go","category":"Language"},
                                {"id":"pg","name":"PostgreSQL","category":"Database"},
                                {"id":"rust","name":"Rust","category":"Language"}],
                "roles":[{"id":"a","title":"A","stack":{"X":["Go","PostgreSQL","Jira"]}},
                         {"id":"b","title":"B","stack":{"X":["Go","Rust","Jira"]}},
                         {"id":"c","title":"C","stack":{"X":["Go"]}}]}"#,
        );
        let top = most_listed(&cat, 3);
        let names = |ts: &[TechId]| -> Vec<String> {
            ts.iter().map(|t| cat.tech(*t).name.clone()).collect()
        };
        assert_eq!(names(&top), ["Go", "Jira", "PostgreSQL"]);
        let groups: Vec<(String, Vec<String>)> = by_category(&cat, &most_listed(&cat, 10))
            .into_iter()
            .map(|(c, ts)| (c, names(&ts)))
            .collect();
        assert_eq!(
            groups,
            [
                ("Database".to_string(), vec!["PostgreSQL".to_string()]),
                ("Language".to_string(), vec!["Go".into(), "Rust".into()]),
                ("Other".to_string(), vec!["Jira".to_string()]),
            ]
        );
    }
}
