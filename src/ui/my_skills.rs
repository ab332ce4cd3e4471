//! "My skills": every technology the person marked, by category, editable in
//! place; what to learn next; and the profile's export and import.

use egui::RichText;

use super::{Command, ViewCx, text};
use crate::model::catalog::TechInfo;
use crate::model::fit;
use crate::model::profile::{Proficiency, Profile};
use crate::model::{Catalog, TechId};

/// A compact chooser of the five proficiency steps; returns the new level
/// when the person picks one. `name` names it for screen readers.
pub fn proficiency_picker(
    ui: &mut egui::Ui,
    id_salt: impl std::hash::Hash + std::fmt::Debug,
    current: Proficiency,
    name: &str,
) -> Option<Proficiency> {
    let mut picked = None;
    let response = egui::ComboBox::from_id_salt(id_salt)
        .selected_text(current.label())
        .width(120.0)
        .show_ui(ui, |ui| {
            for level in Proficiency::ALL {
                if ui
                    .selectable_label(current == level, level.label())
                    .clicked()
                    && level != current
                {
                    picked = Some(level);
                }
            }
        })
        .response;
    response.on_hover_text(format!("How well you know {name}"));
    picked
}

/// The marked technologies, grouped by category (categories by name), and
/// how many are at each level from "Used it" up.
#[derive(Debug, Default, PartialEq)]
pub struct Marked {
    /// Each category with its marked technologies, in catalog order.
    pub groups: Vec<(String, Vec<TechId>)>,
    /// Technologies marked in all.
    pub total: usize,
    /// Per level of `Proficiency::ALL[1..]`, how many are marked at it.
    pub counts: Vec<(Proficiency, usize)>,
}

impl Marked {
    /// Reads the profile against every technology of the catalog: a lookup
    /// by name and by each alias per technology, so it is kept until
    /// either changes, never repeated per frame.
    #[must_use]
    pub fn new(catalog: &Catalog, profile: &Profile) -> Self {
        let marked: Vec<(TechId, &TechInfo)> = catalog
            .techs
            .iter()
            .enumerate()
            .map(|(i, t)| (TechId(i), t))
            .filter(|(_, t)| profile.skill(t).is_some())
            .collect();
        let counts = Proficiency::ALL[1..]
            .iter()
            .map(|l| {
                let n = marked
                    .iter()
                    .filter(|(_, t)| profile.level(t) == *l)
                    .count();
                (*l, n)
            })
            .collect();
        let mut groups: Vec<(String, Vec<TechId>)> = Vec::new();
        for (id, t) in &marked {
            let cat = t.category.as_deref().unwrap_or("Other");
            match groups.iter_mut().find(|(c, _)| c == cat) {
                Some((_, list)) => list.push(*id),
                None => groups.push((cat.to_string(), vec![*id])),
            }
        }
        groups.sort_by(|a, b| a.0.cmp(&b.0));
        Self {
            groups,
            total: marked.len(),
            counts,
        }
    }
}

/// The view's own state: the list it shows, for the catalog and profile
/// versions it was read for.
#[derive(Default)]
pub struct MySkills {
    marked: Option<((u64, u64), Marked)>,
}

impl MySkills {
    /// The marked technologies, read again only when `versions` (of the
    /// catalog and of the profile) differ from the last call's.
    pub fn marked(
        &mut self,
        versions: (u64, u64),
        catalog: &Catalog,
        profile: &Profile,
    ) -> &Marked {
        if self.marked.as_ref().is_none_or(|(k, _)| *k != versions) {
            self.marked = Some((versions, Marked::new(catalog, profile)));
        }
        &self
            .marked
            .get_or_insert_with(|| (versions, Marked::default()))
            .1
    }

    /// Draws the view, with `tools` (Add, Paste text) at its top: inside the
    /// one scroll area, so a long pasted text never pushes its review and
    /// Confirm below the window.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        cx: &ViewCx<'_>,
        out: &mut Vec<Command>,
        tools: impl FnOnce(&mut egui::Ui, &mut Vec<Command>),
    ) {
        let marked = self.marked(
            (cx.catalog_version, cx.profile_version),
            cx.catalog,
            cx.profile,
        );
        egui::ScrollArea::vertical()
            .id_salt("my_skills")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                super::theme::cap_to_reading_width(ui);
                tools(ui, out);
                body(ui, cx, marked, out);
            });
    }
}

fn body(ui: &mut egui::Ui, cx: &ViewCx<'_>, marked: &Marked, out: &mut Vec<Command>) {
    ui.heading("My skills");
    ui.label(
        RichText::new(
            "One profile for every role and dataset. Tick technologies on any role page, or set how well you know them here.",
        )
        .weak(),
    );
    let counts: Vec<String> = marked
        .counts
        .iter()
        .map(|(l, n)| format!("{}: {n}", l.label()))
        .collect();
    ui.label(format!(
        "{} marked · {}",
        text::technologies(marked.total),
        counts.join(" · ")
    ));
    // Wrapped: four buttons do not fit beside each other at 800×600.
    ui.horizontal_wrapped(|ui| {
        if ui.button("Export profile…").clicked() {
            out.push(Command::ExportProfile);
        }
        if ui
            .button("Import profile…")
            .on_hover_text("Merges: the higher level wins, notes are kept")
            .clicked()
        {
            out.push(Command::ImportProfile);
        }
        if ui.button("Copy as Markdown").clicked() {
            out.push(Command::CopyText(
                "your skills",
                crate::model::markdown::profile(cx.catalog, cx.profile),
            ));
        }
        if ui.button("Save as Markdown…").clicked() {
            out.push(Command::SaveText(
                "your skills",
                "my-skills.md",
                crate::model::markdown::profile(cx.catalog, cx.profile),
            ));
        }
    });

    if super::quick_start::nothing_marked(cx) {
        ui.add_space(12.0);
        ui.label("You have not marked any technology yet. Click the ones you have used in a quick start, add them by name or paste your CV above, or tick them on any role page.");
        if ui.button(super::quick_start::OFFER).clicked() {
            out.push(Command::ShowDialog(Some(super::Dialog::QuickStart)));
        }
    }

    openers(ui, cx);

    // The page's right edge: a grid cell's own width is at least the least column width.
    let right = ui.max_rect().right();
    for (cat, techs) in &marked.groups {
        super::theme::section(ui, cat);
        // One grid per category: a shared least column width keeps the level
        // boxes in one column down the page, whatever each category's names.
        egui::Grid::new(("skills", cat))
            .num_columns(3)
            .min_col_width(190.0)
            .spacing([12.0, 6.0])
            .show(ui, |ui| {
                for &id in techs {
                    row(ui, cx, id, right, out);
                    ui.end_row();
                }
            });
    }
}

/// One marked technology: its name and page link, its level, its note.
fn row(ui: &mut egui::Ui, cx: &ViewCx<'_>, id: TechId, right: f32, out: &mut Vec<Command>) {
    let t = cx.catalog.tech(id);
    let label = ui
        // Wrapped within the name column, so a long name does not push the level and note off the panel.
        .horizontal_wrapped(|ui| {
            let label = ui.label(RichText::new(&t.name).strong());
            if super::tech_page::tech_link(ui, &t.name) {
                out.push(Command::OpenTech(id));
            }
            label
        })
        .inner;
    let level = cx.profile.level(t);
    if let Some(new) = proficiency_picker(ui, ("level", id.0), level, &t.name) {
        out.push(Command::SetLevel(id, new));
    }
    let mut note = cx
        .profile
        .skill(t)
        .and_then(|s| s.note.clone())
        .unwrap_or_default();
    let edit = ui
        .add(
            egui::TextEdit::singleline(&mut note)
                .hint_text("Your note")
                // What the panel has left, so a narrow window does not push the box off its edge.
                .desired_width((right - ui.cursor().left()).clamp(80.0, 260.0)),
        )
        .labelled_by(label.id);
    if edit.changed() {
        out.push(Command::SetNote(id, note));
    }
}

/// How many "Learn X" suggestions the view lists.
pub const OPENERS_SHOWN: usize = 5;

fn openers(ui: &mut egui::Ui, cx: &ViewCx<'_>) {
    let best = cx.openers;
    super::theme::section(ui, "What would open the most roles");
    if best.is_empty() {
        ui.label("No single technology would lift another role above 70% fit yet; tick what you know to see suggestions.");
        return;
    }
    for o in best {
        let t = cx.catalog.tech(o.tech);
        ui.label(format!(
            "Learn {}: +{} above {:.0}% fit",
            t.name,
            text::roles(o.roles),
            fit::GOOD_FIT * 100.0
        ));
    }
}

#[cfg(all(test, feature = "dev"))]
#[allow(clippy::unwrap_used, clippy::expect_used)] // a panic in a test is a failed test
mod tests {
    use std::time::{Duration, Instant};

    use super::*;
    use crate::model::{DatasetOrigin, LoadedDataset, ReadContext, read_dataset};

    /// The synthetic catalog of `roles` roles, with the first `marked`
    /// technologies marked "Used it".
    fn scene(roles: usize, marked: usize) -> (Catalog, Profile) {
        let json = crate::model::synthetic::dataset_json(roles, 1);
        let out = read_dataset("big", json.as_bytes(), ReadContext::default());
        let catalog = Catalog::new(vec![LoadedDataset {
            dataset: out.dataset.expect("the synthetic dataset reads"),
            origin: DatasetOrigin::Bundled,
            visible: true,
        }]);
        let mut profile = Profile::default();
        for t in catalog.techs.iter().take(marked) {
            profile.set_level(t, Proficiency::UsedIt);
        }
        (catalog, profile)
    }

    /// The shortest of `runs` timings of `f`.
    fn fastest(runs: usize, mut f: impl FnMut()) -> Duration {
        (0..runs)
            .map(|_| {
                let start = Instant::now();
                f();
                start.elapsed()
            })
            .min()
            .unwrap_or_default()
    }

    #[test]
    fn the_list_is_read_again_only_when_the_catalog_or_the_profile_changed() {
        let (catalog, mut profile) = scene(10_000, 30);
        let mut view = MySkills::default();
        let first = view.marked((0, 0), &catalog, &profile);
        assert_eq!(first.total, 30);
        assert_eq!(first.groups.iter().map(|(_, t)| t.len()).sum::<usize>(), 30);
        // Before: every frame read the profile against the whole catalog.
        let rebuild = fastest(5, || {
            std::hint::black_box(Marked::new(&catalog, &profile));
        });
        // After: a frame with nothing changed compares two numbers.
        let kept = fastest(5, || {
            std::hint::black_box(view.marked((0, 0), &catalog, &profile).total);
        });
        eprintln!(
            "My skills list, {} technologies: read {rebuild:?}, kept {kept:?}",
            catalog.techs.len()
        );
        assert!(kept * 100 < rebuild, "kept {kept:?}, read {rebuild:?}");
        // A change of the profile's version reads it again.
        let t = &catalog.techs[40];
        profile.set_level(t, Proficiency::AtWork);
        assert_eq!(view.marked((0, 0), &catalog, &profile).total, 30);
        assert_eq!(view.marked((0, 1), &catalog, &profile).total, 31);
    }
}
