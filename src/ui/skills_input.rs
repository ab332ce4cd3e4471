//! Skills entered in seconds, above My skills: search the catalog and add at
//! a level; a quick start of the most listed technologies as chips; and a box
//! that reads a pasted CV, skills list or job ad. Every batch goes to the app
//! as one [`Command::SetLevels`]: one profile change, one fit, one save.

use std::collections::BTreeSet;

use egui::{Key, RichText};

use super::{Command, ViewCx, text};
use crate::model::TechId;
use crate::model::profile::Proficiency;
use crate::model::recognize::job_ad::{has_and_lacks, resembling_roles};
use crate::model::recognize::lookup::find_techs;
use crate::model::recognize::{Found, Recognizer};
use crate::state::View;

/// Technologies offered by the quick start.
pub const QUICK_START_SIZE: usize = 40;
/// Most of a pasted text read in a frame: a CV is a few KB; far more would
/// make each keystroke in the box slow.
const MAX_PASTE_BYTES: usize = 256 * 1024;

/// The first [`MAX_PASTE_BYTES`] of `text`, cut at a character boundary.
fn head(text: &str) -> &str {
    let mut end = text.len().min(MAX_PASTE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Search results offered under the Add box.
const ADD_RESULTS: usize = 8;

/// Which tool is open.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// None (the quick start still shows while nothing is marked).
    #[default]
    Closed,
    Add,
    Paste,
    QuickStart,
}

/// What the tools keep between frames.
pub struct SkillsInput {
    mode: Mode,
    query: String,
    level: Proficiency,
    paste: String,
    job_ad: bool,
    /// What the pasted text holds, and which of it is to be marked.
    found: Vec<(Found, bool)>,
    /// The matcher, with the catalog version it was built for.
    recognizer: Option<(u64, Recognizer)>,
    /// The most listed technologies, with the catalog version.
    popular: Option<(u64, Vec<TechId>)>,
    chosen: BTreeSet<TechId>,
}

impl Default for SkillsInput {
    fn default() -> Self {
        Self {
            mode: Mode::Closed,
            query: String::new(),
            level: Proficiency::UsedIt,
            paste: String::new(),
            job_ad: false,
            found: Vec::new(),
            recognizer: None,
            popular: None,
            chosen: BTreeSet::new(),
        }
    }
}

/// The `n` technologies listed by the most loaded roles, most first.
#[must_use]
pub fn most_listed(cx: &ViewCx<'_>, n: usize) -> Vec<TechId> {
    let mut all: Vec<(usize, TechId)> = (0..cx.catalog.techs.len())
        .map(TechId)
        .map(|t| (cx.catalog.roles_using(t).len(), t))
        .filter(|(uses, _)| *uses > 0)
        .collect();
    all.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    all.into_iter().take(n).map(|(_, t)| t).collect()
}

impl SkillsInput {
    /// Draws the tools' bar and the open tool.
    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &ViewCx<'_>, out: &mut Vec<Command>) {
        let nothing_marked = cx.profile.skills.is_empty();
        ui.horizontal(|ui| {
            for (mode, label) in [
                (Mode::Add, "Add a skill"),
                (Mode::Paste, "Paste text"),
                (Mode::QuickStart, "Quick start"),
            ] {
                if ui.selectable_label(self.mode == mode, label).clicked() {
                    self.mode = if self.mode == mode {
                        Mode::Closed
                    } else {
                        mode
                    };
                }
            }
        });
        let mode = if self.mode == Mode::Closed && nothing_marked {
            Mode::QuickStart
        } else {
            self.mode
        };
        match mode {
            Mode::Closed => {}
            Mode::Add => self.add_ui(ui, cx, out),
            Mode::Paste => self.paste_ui(ui, cx, out),
            Mode::QuickStart => self.quick_start_ui(ui, cx, out),
        }
        ui.separator();
    }

    fn add_ui(&mut self, ui: &mut egui::Ui, cx: &ViewCx<'_>, out: &mut Vec<Command>) {
        let results = find_techs(cx.catalog, &self.query, ADD_RESULTS);
        ui.horizontal(|ui| {
            let label = ui.label("Find a technology:");
            let edit = ui
                .add(
                    egui::TextEdit::singleline(&mut self.query)
                        .hint_text("e.g. k8s, postgres, Kafka")
                        .desired_width(260.0),
                )
                .labelled_by(label.id);
            ui.label("at");
            if let Some(l) = super::my_skills::proficiency_picker(
                ui,
                "add_level",
                self.level,
                "the technology you add",
            ) {
                self.level = l;
            }
            let enter = edit.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
            if enter && let Some(&t) = results.first() {
                out.push(Command::SetLevels(vec![(t, self.level)]));
                self.query.clear();
                edit.request_focus();
            }
        });
        for &t in &results {
            let info = cx.catalog.tech(t);
            ui.horizontal(|ui| {
                if ui.button(format!("Add {}", info.name)).clicked() {
                    out.push(Command::SetLevels(vec![(t, self.level)]));
                    self.query.clear();
                }
                if ui
                    .link("page")
                    .on_hover_text(format!("Open the page of {}", info.name))
                    .clicked()
                {
                    out.push(Command::OpenTech(t));
                }
                let now = cx.profile.level(info);
                let mut facts: Vec<String> = info.category.iter().cloned().collect();
                if now != Proficiency::NotYet {
                    facts.push(format!("now: {}", now.label()));
                }
                ui.label(RichText::new(facts.join(" · ")).weak());
            });
        }
        if !self.query.trim().is_empty() && results.is_empty() {
            ui.label("No technology of the loaded datasets matches.");
        }
    }

    fn recognizer(&mut self, cx: &ViewCx<'_>) -> &Recognizer {
        if self
            .recognizer
            .as_ref()
            .is_some_and(|(v, _)| *v != cx.catalog_version)
        {
            self.recognizer = None;
        }
        &self
            .recognizer
            .get_or_insert_with(|| (cx.catalog_version, Recognizer::new(cx.catalog)))
            .1
    }

    fn paste_ui(&mut self, ui: &mut egui::Ui, cx: &ViewCx<'_>, out: &mut Vec<Command>) {
        let label = ui
            .label("Paste a CV, a LinkedIn skills list or a job ad; nothing leaves this computer.");
        let edit = ui
            .add(
                egui::TextEdit::multiline(&mut self.paste)
                    .desired_rows(6)
                    .desired_width(f32::INFINITY)
                    .hint_text("Paste text here"),
            )
            .labelled_by(label.id);
        let stale = self
            .recognizer
            .as_ref()
            .is_none_or(|(v, _)| *v != cx.catalog_version);
        if edit.changed() || stale {
            let paste = self.paste.clone();
            let found = self.recognizer(cx).find(head(&paste));
            self.found = found.into_iter().map(|f| (f, true)).collect();
        }
        if self.paste.len() > MAX_PASTE_BYTES {
            ui.label(format!(
                "This text is long: only its first {} KB are read.",
                MAX_PASTE_BYTES / 1024
            ));
        }
        ui.checkbox(&mut self.job_ad, "This is a job ad");
        if self.found.is_empty() {
            if !self.paste.trim().is_empty() {
                ui.label("No technology of the loaded datasets was found in this text.");
            }
            return;
        }
        if self.job_ad {
            self.job_ad_ui(ui, cx, out);
            return;
        }
        ui.label(
            RichText::new(format!(
                "Found {}; untick any that are wrong.",
                text::technologies(self.found.len())
            ))
            .strong(),
        );
        egui::ScrollArea::vertical()
            .id_salt("paste_found")
            .max_height(220.0)
            .show(ui, |ui| {
                for (f, keep) in &mut self.found {
                    let info = cx.catalog.tech(f.tech);
                    ui.horizontal(|ui| {
                        ui.checkbox(keep, &info.name);
                        let first = &f.hits[0];
                        let more = if f.hits.len() > 1 {
                            format!(" (+{} more)", f.hits.len() - 1)
                        } else {
                            String::new()
                        };
                        ui.label(
                            RichText::new(format!("line {}: {}{more}", first.line, first.snippet))
                                .weak()
                                .small(),
                        );
                    });
                }
            });
        let picked: Vec<(TechId, Proficiency)> = self
            .found
            .iter()
            .filter(|(_, k)| *k)
            .map(|(f, _)| (f.tech, self.level))
            .collect();
        ui.horizontal(|ui| {
            ui.label("Mark them as");
            if let Some(l) = super::my_skills::proficiency_picker(
                ui,
                "paste_level",
                self.level,
                "the technologies found",
            ) {
                self.level = l;
            }
            let button = egui::Button::new(format!(
                "Confirm: mark {}",
                text::technologies(picked.len())
            ));
            if ui.add_enabled(!picked.is_empty(), button).clicked() {
                out.push(Command::SetLevels(picked));
                self.paste.clear();
                self.found.clear();
                self.mode = Mode::Closed;
            }
        });
    }

    fn job_ad_ui(&self, ui: &mut egui::Ui, cx: &ViewCx<'_>, out: &mut Vec<Command>) {
        let asked: Vec<TechId> = self.found.iter().map(|(f, _)| f.tech).collect();
        ui.label(
            RichText::new(format!(
                "The ad asks for {}.",
                text::technologies(asked.len())
            ))
            .strong(),
        );
        let (has, lacks) = has_and_lacks(cx.catalog, cx.profile, &asked);
        let links = |ui: &mut egui::Ui, title: &str, techs: &[TechId], out: &mut Vec<Command>| {
            ui.horizontal_wrapped(|ui| {
                ui.label(format!("{title} ({}):", techs.len()));
                for &t in techs {
                    if ui.link(&cx.catalog.tech(t).name).clicked() {
                        out.push(Command::OpenTech(t));
                    }
                }
            });
        };
        links(ui, "You have", &has, out);
        links(ui, "You lack", &lacks, out);
        super::theme::section(ui, "Roles whose stacks it most resembles");
        for r in resembling_roles(cx.catalog, &asked, 5) {
            ui.horizontal(|ui| {
                if ui.link(&cx.catalog.role(r.role).role.title).clicked() {
                    out.push(Command::Open(r.role));
                }
                let fit = cx.fits.get(r.role.0).copied().flatten().unwrap_or(0.0);
                ui.label(
                    RichText::new(format!(
                        "{:.0}% alike · lists {} of the ad · your fit {:.0}%",
                        r.score * 100.0,
                        r.shared,
                        fit * 100.0
                    ))
                    .weak(),
                );
            });
        }
    }

    /// The quick start alone: the most listed technologies as chips and a
    /// Done button that marks them and shows Best fit (also Best fit's
    /// answer while nothing is marked).
    pub fn quick_start_ui(&mut self, ui: &mut egui::Ui, cx: &ViewCx<'_>, out: &mut Vec<Command>) {
        let stale = self
            .popular
            .as_ref()
            .is_none_or(|(v, _)| *v != cx.catalog_version);
        if stale {
            self.popular = Some((cx.catalog_version, most_listed(cx, QUICK_START_SIZE)));
            // Technology ids are positions in the catalog they came from.
            self.chosen.clear();
        }
        let Some((_, popular)) = &self.popular else {
            return;
        };
        ui.heading("What have you worked with?");
        ui.label(RichText::new("The technologies most listed across the loaded roles. Click each one you have used, then Done.").weak());
        let mut categories: Vec<&str> = popular
            .iter()
            .map(|t| cx.catalog.tech(*t).category.as_deref().unwrap_or("Other"))
            .collect();
        categories.sort_unstable();
        categories.dedup();
        for cat in categories {
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(format!("{cat}:")).strong());
                for &t in popular
                    .iter()
                    .filter(|t| cx.catalog.tech(**t).category.as_deref().unwrap_or("Other") == cat)
                {
                    let on = self.chosen.contains(&t);
                    if ui.selectable_label(on, &cx.catalog.tech(t).name).clicked() {
                        if on {
                            self.chosen.remove(&t);
                        } else {
                            self.chosen.insert(t);
                        }
                    }
                }
            });
        }
        let n = self.chosen.len();
        let done = egui::Button::new(format!(
            "Done: mark {} and rank roles",
            text::technologies(n)
        ));
        if ui.add_enabled(n > 0, done).clicked() {
            let levels = self
                .chosen
                .iter()
                .map(|&t| (t, Proficiency::UsedIt))
                .collect();
            out.push(Command::SetLevels(levels));
            out.push(Command::ShowView(View::BestFit));
            self.chosen.clear();
            self.mode = Mode::Closed;
        }
    }
}
