//! The one place state changes: [`CareerAtlasApp::apply`] for what the panels
//! ask, and [`CareerAtlasApp::poll_jobs`] for what background jobs bring back.

use std::sync::Arc;

use super::CareerAtlasApp;
use crate::jobs::{DialogBusy, JobEvent};
use crate::model::profile::Profile;
use crate::state::View;
use crate::ui::{self, Command, Notice, text};

impl CareerAtlasApp {
    /// Applies one command from a panel.
    pub fn apply(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::Open(role) => {
                self.open(role);
                self.settings.view = View::Role;
            }
            Command::OpenTech(tech) => self.open_tech(tech),
            Command::SetLevels(levels) => {
                for (tech, level) in levels {
                    let info = self.catalog.tech(tech).clone();
                    self.profile.set_level(&info, level);
                }
                self.profile_changed();
            }
            Command::Back => self.step_history(false),
            Command::Forward => self.step_history(true),
            Command::SetTicked(tech, ticked) => {
                let info = self.catalog.tech(tech).clone();
                self.profile.set_ticked(&info, ticked);
                self.profile_changed();
            }
            Command::SetLevel(tech, level) => {
                let info = self.catalog.tech(tech).clone();
                self.profile.set_level(&info, level);
                self.profile_changed();
            }
            Command::SetNote(tech, note) => {
                let info = self.catalog.tech(tech).clone();
                self.profile.set_note(&info, &note);
                // A note changes no fit: saved, nothing recomputed.
                self.mark_profile_dirty();
            }
            Command::ShowView(view) => self.settings.view = view,
            Command::ExportProfile => {
                let mut bytes = serde_json::to_vec_pretty(&self.profile).unwrap_or_default();
                bytes.push(b'\n');
                let started = self.jobs.save(
                    Arc::clone(&self.picker),
                    "your skill profile",
                    "career-atlas-profile.json".into(),
                    bytes,
                );
                self.tell_if_busy(started);
            }
            Command::ImportProfile => {
                let started = self.jobs.open_profile(Arc::clone(&self.picker));
                self.tell_if_busy(started);
            }
            Command::SaveText(what, name, text) => {
                let started = self.jobs.save(
                    Arc::clone(&self.picker),
                    what,
                    name.into(),
                    text.into_bytes(),
                );
                self.tell_if_busy(started);
            }
            Command::SaveChartPng(_) if self.jobs.dialog_open() => {
                // Asked now, not once the pixels arrive, so the answer is immediate.
                let busy = self.jobs.pending_dialog().unwrap_or_default().to_string();
                self.tell_if_busy(Err(DialogBusy(busy)));
            }
            Command::SaveChartPng(rect) => {
                let (tx, wake) = self.jobs.sender();
                let ppp = ctx.pixels_per_point();
                // The renderer calls back with the pixels; the app hands them
                // to a job that crops, encodes and saves them.
                ctx.request_screenshot(move |image| {
                    let _ = tx.send(JobEvent::Screenshot(image, rect, ppp));
                    wake();
                });
            }
            Command::SetSortByFit(on) => {
                self.settings.sort_by_fit = on;
                self.pending.scroll_list_to_selected = true;
            }
            Command::PlanMove { from, to } => {
                self.settings.plan_from = from.map(|r| self.catalog.role_key(r));
                self.settings.plan_to = Some(self.catalog.role_key(to));
                self.settings.view = View::Plan;
            }
            Command::SetHoursPerWeek(h) => self.settings.hours_per_week = h.clamp(1.0, 60.0),
            Command::AddToCompare(role) => {
                let key = self.catalog.role_key(role);
                if !self.settings.compare.contains(&key) {
                    if self.settings.compare.len() >= ui::compare::MAX_ROLES {
                        self.settings.compare.remove(0);
                    }
                    self.settings.compare.push(key);
                }
            }
            Command::RemoveFromCompare(i) => {
                if i < self.settings.compare.len() {
                    self.settings.compare.remove(i);
                }
            }
            Command::CopyText(what, text) => {
                ctx.copy_text(text);
                self.notices
                    .push(Notice::info(format!("Copied {what} to the clipboard.")));
            }
            Command::SetSearch(text) => {
                self.settings.search = text;
                self.pending.scroll_list_to_selected = true;
            }
            Command::ClearSearch => {
                self.settings.search.clear();
                self.pending.focus_search = true;
                self.pending.scroll_list_to_selected = true;
            }
            Command::FocusSearch => self.pending.focus_search = true,
            Command::MoveSelection(delta) => self.move_selection(delta),
            Command::SelectSalaryTable(i) => self.salary_table = Some(i),
            Command::SetTheme(theme) => {
                self.settings.theme = theme;
                ctx.set_theme(theme.preference());
            }
            Command::ShowDialog(dialog) => self.dialog = dialog,
            Command::DismissNotice(i) => {
                if i < self.notices.len() {
                    self.notices.remove(i);
                }
            }
            Command::OpenImportDialog => {
                let started = self.jobs.open_dialog(Arc::clone(&self.picker));
                self.tell_if_busy(started);
            }
            Command::CancelFileDialog => {
                self.jobs.cancel_dialog();
            }
            Command::ConfirmImport => self.confirm_import(),
            Command::DismissReview => {
                self.library.reviews.pop_front();
            }
            Command::SetDatasetVisible(i, visible) => self.set_dataset_visible(i, visible),
            Command::RemoveDataset(i) => self.remove_dataset(i),
            Command::UndoRemove => self.undo_remove(),
            Command::Reimport(i) => self.reimport(i),
            Command::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            Command::SetWatch(i, on) => self.set_watch(i, on),
            Command::ReloadDataset(i) => self.reload_dataset(i),
            Command::HideFileProblems(name) => {
                self.library.authoring.problems.remove(&name);
            }
            Command::NewRoleFile => self.new_role_file(),
            Command::ImportFile(path) => self.start_import(path),
            Command::SaveRoles(scope) => self.save_roles(scope),
        }
        // The search text or the order may have changed.
        self.sync_list();
    }

    /// Takes finished background work: checked files, dialog results, saves.
    pub(super) fn poll_jobs(&mut self) {
        for event in self.jobs.poll() {
            match event {
                JobEvent::Reviewed(review) => self.queue_review(*review),
                JobEvent::Picked(Some(paths)) => {
                    for p in paths {
                        self.start_import(p);
                    }
                }
                JobEvent::NoDialog(help) => self.notices.push(Notice::warning(help)),
                JobEvent::Saved(what, Some(Ok(path)), note) => {
                    let note = note.map(|n| format!(" {n}")).unwrap_or_default();
                    self.notices.push(Notice::info(format!(
                        "Saved {what} to {}.{note}",
                        path.display()
                    )));
                }
                JobEvent::Saved(what, Some(Err(e)), _) => {
                    self.notices
                        .push(Notice::warning(format!("Could not save {what}: {e}")));
                }
                JobEvent::ProfileRead(Some(Ok((path, other)))) => {
                    self.merge_profile(&path, &other);
                }
                JobEvent::ProfileRead(Some(Err((path, why)))) => {
                    let file = path.file_name().map_or_else(
                        || path.display().to_string(),
                        |f| f.to_string_lossy().into_owned(),
                    );
                    let notice = Notice::warning(format!("“{file}”: {}.", why.sentence));
                    self.notices.push(if why.role_file {
                        notice.with_action("Import as role file", Command::ImportFile(path))
                    } else {
                        notice
                    });
                }
                JobEvent::Screenshot(image, rect, ppp) => {
                    let started = self.jobs.save_png(
                        Arc::clone(&self.picker),
                        "the chart",
                        "salary-chart.png".into(),
                        (image, rect, ppp),
                    );
                    self.tell_if_busy(started);
                }
                JobEvent::Watched(name, report) => self.apply_watch_report(&name, report),
                JobEvent::Created(Some(Ok(made))) => self.created(made),
                JobEvent::Created(Some(Err(e))) => {
                    self.notices.push(Notice::warning(format!(
                        "The new role file was not created: {e}"
                    )));
                }
                JobEvent::Picked(None)
                | JobEvent::Saved(_, None, _)
                | JobEvent::ProfileRead(None)
                | JobEvent::Created(None) => {}
            }
        }
    }
}

impl CareerAtlasApp {
    /// Merges a skill profile read from `path` into the person's, and says so:
    /// from the profile dialog, or a profile offered in the import preview.
    pub(super) fn merge_profile(&mut self, path: &std::path::Path, other: &Profile) {
        let n = other.skills.len();
        self.profile.merge(other);
        self.profile_changed();
        self.notices.push(Notice::info(format!(
            "Merged {} from {}: the higher level won, notes were kept.",
            text::count(n, "skill", "skills"),
            path.display()
        )));
    }

    /// A second dialog asked for while one is pending: say so, rather than
    /// doing nothing.
    pub(super) fn tell_if_busy(&mut self, started: Result<(), DialogBusy>) {
        if let Err(DialogBusy(waiting)) = started {
            let waiting = waiting.trim_end_matches('…');
            self.notices.push(Notice::warning(format!(
                "{BUSY_PREFIX} (“{waiting}”). Answer it first, or press Cancel beside it to stop waiting, then try again."
            )));
        }
    }
}

/// How the notice about a second dialog begins.
pub const BUSY_PREFIX: &str = "Another file dialog is still open";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::AppConfig;
    use crate::model::TechId;

    #[test]
    fn a_note_changes_no_fit_and_a_tick_does() {
        let mut app = CareerAtlasApp::with_config(AppConfig::default(), Arc::new(|| {}));
        let ctx = egui::Context::default();
        let before = app.fit_version;
        app.apply(&ctx, Command::SetNote(TechId(0), "read the book".into()));
        assert_eq!(app.fit_version, before, "a note recomputed every fit");
        assert!(app.profile.skill(app.catalog.tech(TechId(0))).is_some());
        app.apply(&ctx, Command::SetTicked(TechId(0), true));
        assert_ne!(app.fit_version, before, "a tick changes fit");
    }

    #[test]
    fn thirty_levels_at_once_are_one_profile_change_and_one_fit() {
        let mut app = CareerAtlasApp::with_config(AppConfig::default(), Arc::new(|| {}));
        let ctx = egui::Context::default();
        let before = app.fit_version;
        let levels = (0..30)
            .map(|i| (TechId(i), crate::model::profile::Proficiency::AtWork))
            .collect();
        app.apply(&ctx, Command::SetLevels(levels));
        assert_eq!(
            app.fit_version,
            before.wrapping_add(1),
            "one recompute for the batch"
        );
        assert_eq!(app.profile.skills.len(), 30);
        assert!(app.fit.fits.iter().flatten().any(|f| *f > 0.0));
    }
}
