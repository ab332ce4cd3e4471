//! Skills entered in seconds, above My skills: search the catalog and add at
//! a level; a box that reads a pasted CV, skills list or job ad; and the
//! button that opens the quick start ([`super::quick_start`]). Every batch
//! goes to the app as one [`Command::SetLevels`]: one profile change, one
//! fit, one save.

use std::sync::Arc;

use egui::{Key, RichText};

use super::paste_reading::{Outcome, PasteReading};
use super::{Command, Dialog, ViewCx, text};
use crate::model::TechId;
use crate::model::profile::Proficiency;
use crate::model::recognize::job_ad::{Resemblance, has_and_lacks, resembling_roles};
use crate::model::recognize::lookup::find_techs;
use crate::model::recognize::{Found, Recognizer};

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

/// What a result's button says and whether it does anything: "Add X" for a
/// technology not marked, "Set X to L (now: M)" for one marked at another
/// level (the one way to lower a level from here), "X: already L" otherwise.
fn add_button_label(name: &str, now: Proficiency, level: Proficiency) -> (String, bool) {
    if now == Proficiency::NotYet {
        (format!("Add {name}"), true)
    } else if now == level {
        (format!("{name}: already {}", level.label()), false)
    } else {
        (
            format!("Set {name} to {} (now: {})", level.label(), now.label()),
            true,
        )
    }
}

/// The levels a technology is added or marked at: every step but "Not yet",
/// which marks nothing. Returns the new level when the person picks one;
/// `name` names the chooser for screen readers.
fn level_picker(
    ui: &mut egui::Ui,
    id_salt: &str,
    current: Proficiency,
    name: &str,
) -> Option<Proficiency> {
    let mut picked = None;
    egui::ComboBox::from_id_salt(id_salt)
        .selected_text(current.label())
        .width(120.0)
        .show_ui(ui, |ui| {
            for level in Proficiency::ALL
                .into_iter()
                .filter(|l| *l != Proficiency::NotYet)
            {
                if ui
                    .selectable_label(current == level, level.label())
                    .clicked()
                    && level != current
                {
                    picked = Some(level);
                }
            }
        })
        .response
        .on_hover_text(format!("How well you know {name}"));
    picked
}

/// Search results offered under the Add box.
const ADD_RESULTS: usize = 8;

/// Which tool is open.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
enum Mode {
    #[default]
    Closed,
    Add,
    Paste,
}

/// Points: the paste box's height before it scrolls (about twelve lines).
const PASTE_BOX_HEIGHT: f32 = 220.0;

/// What the tools keep between frames.
pub struct SkillsInput {
    mode: Mode,
    query: String,
    level: Proficiency,
    paste: String,
    job_ad: bool,
    /// What the pasted text holds, and which of it is to be marked.
    found: Vec<(Found, bool)>,
    /// The matcher, with the catalog version it was built for (shared with
    /// the worker that reads a long text).
    recognizer: Option<(u64, Arc<Recognizer>)>,
    /// The Add box's results, for the query and catalog version they were
    /// found for: a search compares every name of the catalog, which no
    /// frame should repeat while nothing changed.
    results: Option<(String, u64, Vec<TechId>)>,
    /// The readings of the pasted text: in the frame, or off it when long.
    reading: PasteReading,
    /// What the last Enter in the Add box did, shown under it until the
    /// query changes.
    add_note: Option<(String, String)>,
    /// Focus the open tool's text field on the next frame.
    focus_field: bool,
    /// The roles a job ad resembles, for a catalog version and a reading: it
    /// compares the ad with every loaded role.
    resembling: Option<((u64, u64), Vec<Resemblance>)>,
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
            results: None,
            reading: PasteReading::default(),
            add_note: None,
            focus_field: false,
            resembling: None,
        }
    }
}

impl SkillsInput {
    /// Draws the tools' bar and the open tool.
    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &ViewCx<'_>, out: &mut Vec<Command>) {
        ui.horizontal(|ui| {
            for (mode, label) in [(Mode::Add, "Add a skill"), (Mode::Paste, "Paste text")] {
                if ui.selectable_label(self.mode == mode, label).clicked() {
                    self.mode = if self.mode == mode {
                        Mode::Closed
                    } else {
                        mode
                    };
                    // Typing goes straight into the tool just opened.
                    self.focus_field = self.mode != Mode::Closed;
                }
            }
            if ui
                .button("Quick start…")
                .on_hover_text("The most listed technologies as chips: click what you have used")
                .clicked()
            {
                out.push(Command::ShowDialog(Some(Dialog::QuickStart)));
            }
        });
        match self.mode {
            Mode::Closed => {}
            Mode::Add => self.add_ui(ui, cx, out),
            Mode::Paste => self.paste_ui(ui, cx, out),
        }
        ui.separator();
    }

    fn add_ui(&mut self, ui: &mut egui::Ui, cx: &ViewCx<'_>, out: &mut Vec<Command>) {
        let fresh = self
            .results
            .as_ref()
            .is_some_and(|(q, v, _)| *q == self.query && *v == cx.catalog_version);
        if !fresh {
            let found = find_techs(cx.catalog, &self.query, ADD_RESULTS);
            self.results = Some((self.query.clone(), cx.catalog_version, found));
        }
        let results = self
            .results
            .as_ref()
            .map(|(_, _, r)| r.clone())
            .unwrap_or_default();
        // Wrapped: at 800 points the field and the level picker do not fit on one line.
        ui.horizontal_wrapped(|ui| {
            let label = ui.label("Find a technology:");
            let edit = ui
                .add(
                    egui::TextEdit::singleline(&mut self.query)
                        .hint_text("e.g. k8s, postgres, Kafka")
                        .desired_width(260.0),
                )
                .labelled_by(label.id);
            if std::mem::take(&mut self.focus_field) {
                edit.request_focus();
            }
            ui.label("at");
            if let Some(l) = level_picker(ui, "add_level", self.level, "the technology you add") {
                self.level = l;
            }
            let enter = edit.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
            if enter && let Some(&t) = results.first() {
                // Enter, like Paste › Confirm, never lowers a level: only the
                // button that says "Set … (now: …)" does.
                let info = cx.catalog.tech(t);
                let now = cx.profile.level(info);
                let note = if now < self.level {
                    out.push(Command::SetLevels(vec![(t, self.level)]));
                    format!("{} marked {}.", info.name, self.level.label())
                } else {
                    format!(
                        "{} is already at {}: left unchanged.",
                        info.name,
                        now.label()
                    )
                };
                self.query.clear();
                self.add_note = Some((note, self.query.clone()));
                edit.request_focus();
            }
        });
        if let Some((note, query)) = &self.add_note {
            if *query == self.query {
                ui.label(RichText::new(note).weak());
            } else {
                self.add_note = None;
            }
        }
        for &t in &results {
            let info = cx.catalog.tech(t);
            // Wrapped here and below: names come from imported files, of any length.
            ui.horizontal_wrapped(|ui| {
                let now = cx.profile.level(info);
                let (label, enabled) = add_button_label(&info.name, now, self.level);
                if ui.add_enabled(enabled, egui::Button::new(label)).clicked() {
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
                if let Some(category) = &info.category {
                    ui.label(RichText::new(category).weak());
                }
            });
        }
        if !self.query.trim().is_empty() && results.is_empty() {
            ui.label("No technology of the loaded datasets matches.");
        }
    }

    fn recognizer(&mut self, cx: &ViewCx<'_>) -> &Arc<Recognizer> {
        if self
            .recognizer
            .as_ref()
            .is_some_and(|(v, _)| *v != cx.catalog_version)
        {
            self.recognizer = None;
        }
        &self
            .recognizer
            .get_or_insert_with(|| (cx.catalog_version, Arc::new(Recognizer::new(cx.catalog))))
            .1
    }

    fn paste_ui(&mut self, ui: &mut egui::Ui, cx: &ViewCx<'_>, out: &mut Vec<Command>) {
        let label = ui
            .label("Paste a CV, a LinkedIn skills list or a job ad; nothing leaves this computer.");
        // A CV is long: the box scrolls on its own after a dozen lines, so
        // what was found and Confirm stay close below it.
        let edit = egui::ScrollArea::vertical()
            .id_salt("paste_text")
            .max_height(PASTE_BOX_HEIGHT)
            .show(ui, |ui| {
                ui.add(
                    egui::TextEdit::multiline(&mut self.paste)
                        .desired_rows(6)
                        .desired_width(f32::INFINITY)
                        .hint_text("Paste text here"),
                )
            })
            .inner
            .labelled_by(label.id);
        if std::mem::take(&mut self.focus_field) {
            edit.request_focus();
        }
        let stale = self
            .recognizer
            .as_ref()
            .is_none_or(|(v, _)| *v != cx.catalog_version);
        // Read only when the text (or the catalog) changed, never per frame.
        let outcome = if edit.changed() || stale {
            let recognizer = Arc::clone(self.recognizer(cx));
            self.reading.start(ui.ctx(), &recognizer, head(&self.paste))
        } else {
            self.reading.poll()
        };
        if let Outcome::Read(found) = outcome {
            self.found = found.into_iter().map(|f| (f, true)).collect();
        }
        if self.reading.busy() {
            ui.label(RichText::new("Reading the text…").weak());
            return;
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
                    ui.horizontal_wrapped(|ui| {
                        ui.checkbox(keep, &info.name);
                        let now = cx.profile.level(info);
                        if now != Proficiency::NotYet {
                            ui.label(
                                RichText::new(format!("now: {}", now.label()))
                                    .weak()
                                    .small(),
                            );
                        }
                        let first = &f.hits[0];
                        let more = if f.hits.len() > 1 {
                            format!(" (+{} more)", f.hits.len() - 1)
                        } else {
                            String::new()
                        };
                        // One line each: a long snippet is cut at the panel's
                        // edge (its whole text on hover) instead of running past it.
                        let snippet = format!("line {}: {}{more}", first.line, first.snippet);
                        ui.add(egui::Label::new(RichText::new(&snippet).weak().small()).truncate());
                    });
                }
            });
        // A pasted CV never lowers a level set before: "Used it" for a
        // technology the person could teach changes nothing.
        let ticked = self.found.iter().filter(|(_, k)| *k).count();
        let picked: Vec<(TechId, Proficiency)> = self
            .found
            .iter()
            .filter(|(f, k)| *k && cx.profile.level(cx.catalog.tech(f.tech)) < self.level)
            .map(|(f, _)| (f.tech, self.level))
            .collect();
        if picked.len() < ticked {
            ui.label(
                RichText::new(format!(
                    "{} already at this level or higher: left unchanged.",
                    text::technologies(ticked - picked.len())
                ))
                .weak(),
            );
        }
        ui.horizontal(|ui| {
            ui.label("Mark them as");
            if let Some(l) = level_picker(ui, "paste_level", self.level, "the technologies found") {
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
                self.reading.clear();
                self.mode = Mode::Closed;
            }
        });
    }

    fn job_ad_ui(&mut self, ui: &mut egui::Ui, cx: &ViewCx<'_>, out: &mut Vec<Command>) {
        let asked: Vec<TechId> = self.found.iter().map(|(f, _)| f.tech).collect();
        let key = (cx.catalog_version, self.reading.reading());
        if self.resembling.as_ref().is_none_or(|(k, _)| *k != key) {
            self.resembling = Some((key, resembling_roles(cx.catalog, &asked, 5)));
        }
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
        for r in self.resembling.iter().flat_map(|(_, rs)| rs) {
            ui.horizontal_wrapped(|ui| {
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
}
