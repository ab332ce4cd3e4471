//! Watch mode in the app: which imported datasets are watched, and what a
//! save does — a valid file replaces the dataset in place (the open role stays
//! open, or its nearest match), an invalid one changes nothing and lists its
//! problems, a vanished one leaves the last good copy. Reports arrive from
//! [`crate::watch`] threads through the job channel, so none of this waits
//! for a disk inside a frame.

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::Arc;

use super::CareerAtlasApp;
use crate::jobs::{ImportReview, JobEvent};
use crate::model::catalog::DatasetOrigin;
use crate::model::diff::DatasetDiff;
use crate::model::{Dataset, RoleIdx, RoleKey};
use crate::ui::Notice;
use crate::ui::authoring::FileProblems;
use crate::watch::{FileWatch, WatchOptions, WatchReport};

impl CareerAtlasApp {
    /// Starts watching every dataset the library marks as watched (at start-up).
    pub(super) fn start_saved_watches(&mut self) {
        let names: Vec<String> = self
            .library
            .index
            .datasets
            .iter()
            .filter(|e| e.watch)
            .map(|e| e.name.clone())
            .collect();
        for name in names {
            self.restart_watch(&name);
        }
    }

    /// (Re)starts the watch of the dataset `name` as its library entry says:
    /// on, off, or from a new source after a re-import.
    pub(super) fn restart_watch(&mut self, name: &str) {
        self.library.watches.remove(name);
        let entry = self.library.index.entry(name);
        let Some(entry) = entry.filter(|e| e.watch) else {
            self.library.authoring.datasets.remove(name);
            self.library.authoring.problems.remove(name);
            return;
        };
        let source = PathBuf::from(&entry.source_file);
        let state = self
            .library
            .authoring
            .datasets
            .entry(name.to_string())
            .or_default();
        state.on = true;
        state.failed = None;
        state.gone = false;
        let (tx, wake) = self.jobs.sender();
        let owner = name.to_string();
        let report = move |r: WatchReport| {
            let _ = tx.send(JobEvent::Watched(owner.clone(), r));
            wake();
        };
        match FileWatch::start(source.clone(), self.watch_options(name), report) {
            Ok(watch) => {
                self.library.watches.insert(name.to_string(), watch);
            }
            Err(why) => {
                let file = source.display();
                self.notices.push(Notice::warning(format!(
                    "Career Atlas cannot watch {file} for changes: {why}. After each save, press Reload beside “{name}” in File › Datasets…."
                )));
                if let Some(state) = self.library.authoring.datasets.get_mut(name) {
                    state.failed = Some(why);
                }
            }
        }
    }

    fn watch_options(&self, name: &str) -> WatchOptions {
        let baseline = self
            .catalog
            .datasets
            .iter()
            .find(|d| d.dataset.name == name && d.origin != DatasetOrigin::Bundled)
            .map(|d| Arc::new(d.dataset.clone()));
        let known: HashSet<String> = self.catalog.role_ids();
        WatchOptions {
            baseline,
            read_now: true,
            known_role_ids: Arc::new(known),
        }
    }

    /// Turns watch mode on or off for the dataset at `index` (imported only).
    pub(super) fn set_watch(&mut self, index: usize, on: bool) {
        let Some(d) = self.catalog.datasets.get(index) else {
            return;
        };
        if d.origin == DatasetOrigin::Bundled {
            return;
        }
        let name = d.dataset.name.clone();
        if let Some(e) = self.library.index.entry_mut(&name) {
            e.watch = on;
        }
        self.mark_library_dirty();
        self.restart_watch(&name);
    }

    /// Reads a watched dataset's source again now (where watching failed).
    pub(super) fn reload_dataset(&mut self, index: usize) {
        let Some(d) = self.catalog.datasets.get(index) else {
            return;
        };
        let DatasetOrigin::Imported { source_file, .. } = &d.origin else {
            return;
        };
        let name = d.dataset.name.clone();
        let (tx, wake) = self.jobs.sender();
        let owner = name.clone();
        let report = move |r: WatchReport| {
            let _ = tx.send(JobEvent::Watched(owner.clone(), r));
            wake();
        };
        let source = PathBuf::from(source_file);
        if let Err(e) = crate::watch::read_once(source, self.watch_options(&name), report) {
            self.notices
                .push(Notice::warning(format!("“{name}” was not reloaded: {e}")));
        }
    }

    /// Applies what a watch found for the dataset `name`.
    pub(super) fn apply_watch_report(&mut self, name: &str, report: WatchReport) {
        // A report for a dataset removed, or no longer watched, since.
        let watched = self
            .library
            .authoring
            .datasets
            .get(name)
            .is_some_and(|s| s.on);
        if !watched {
            return;
        }
        match report {
            WatchReport::Read { review, diff } => self.apply_watched_read(name, *review, diff),
            WatchReport::Gone => {
                if let Some(s) = self.library.authoring.datasets.get_mut(name) {
                    s.gone = true;
                }
                self.library.authoring.problems.remove(name);
                self.replace_notice(
                    &format!("The source file of “{name}”"),
                    Notice::warning(format!(
                        "The source file of “{name}” is gone (deleted or moved). The last good copy stays loaded; File › Datasets… says where it was."
                    )),
                );
            }
            WatchReport::Trouble(why) => log::warn!("watching “{name}”: {why}"),
        }
    }

    fn apply_watched_read(
        &mut self,
        name: &str,
        review: ImportReview,
        mut diff: Option<DatasetDiff>,
    ) {
        if let Some(s) = self.library.authoring.datasets.get_mut(name) {
            // The file is back: its "gone" notice would now mislead.
            if std::mem::take(&mut s.gone) {
                let gone = format!("The source file of “{name}”");
                self.notices.retain(|n| !n.text.starts_with(&gone));
            }
        }
        let file = review.source.display().to_string();
        // What the save left to show: a file that could not be read, errors
        // (nothing loaded), or warnings (loaded); nothing once it is clean.
        let (dataset, problems) = match review.outcome {
            None => (
                None,
                Some(FileProblems {
                    file: file.clone(),
                    read_error: review.read_error,
                    diagnostics: Vec::new(),
                    loaded: false,
                }),
            ),
            Some(outcome) => {
                let problems = (!outcome.diagnostics.is_empty()).then(|| FileProblems {
                    file: file.clone(),
                    read_error: None,
                    diagnostics: outcome.diagnostics,
                    loaded: outcome.dataset.is_some(),
                });
                (outcome.dataset, problems)
            }
        };
        match problems {
            Some(p) => self.library.authoring.problems.insert(name.to_string(), p),
            None => self.library.authoring.problems.remove(name),
        };
        let Some(dataset) = dataset else {
            return;
        };
        let Some(index) = self
            .catalog
            .datasets
            .iter()
            .position(|d| d.dataset.name == name && d.origin != DatasetOrigin::Bundled)
        else {
            return;
        };
        if let Some(entry) = self.library.index.entry(name) {
            let copy = entry.file.clone();
            self.store_dataset_copy(&copy, &review.bytes);
        }
        let mut dataset = dataset;
        let renamed = dataset.name != name && self.may_rename(index, name, &mut dataset, &file);
        if dataset.name == name
            && let Some(d) = &mut diff
        {
            // A name refused (or none given) is no change.
            d.details.retain(|w| *w != "name");
        }
        let mut nearest = self.selection_in(index);
        if renamed {
            self.rename_dataset(name, &dataset.name);
            if let Some((key, ..)) = &mut nearest {
                key.dataset.clone_from(&dataset.name);
            }
        }
        let new_name = dataset.name.clone();
        self.change_datasets(|datasets| datasets[index].dataset = dataset);
        if let Some((key, title, position)) = nearest {
            let same = self.catalog.find_role(&key);
            let pick = same.or_else(|| self.nearest_role(index, &title, position));
            self.set_selected(pick.or(self.selected));
        }
        if renamed {
            // The old watch reports under the old name, which no longer
            // exists: watch again under the new one (its first read matches
            // what is loaded and reports nothing).
            self.restart_watch(&new_name);
        }
        let what = diff.map_or_else(|| "updated".to_string(), |d| describe(&d));
        let was = if renamed {
            format!(" (was “{name}”)")
        } else {
            String::new()
        };
        let old_notice = format!("Reloaded “{name}”");
        self.notices.retain(|n| !n.text.starts_with(&old_notice));
        self.replace_notice(
            &format!("Reloaded “{new_name}”"),
            Notice::info(format!("Reloaded “{new_name}”{was}: {what}.")),
        );
    }

    /// A watched file now names its dataset `dataset.name` instead of
    /// `name`: true when it may take that name; when another loaded dataset
    /// has it, the dataset keeps `name` (names are identities) and the
    /// person is told.
    fn may_rename(&mut self, index: usize, name: &str, dataset: &mut Dataset, file: &str) -> bool {
        let taken = self
            .catalog
            .datasets
            .iter()
            .enumerate()
            .any(|(i, d)| i != index && d.dataset.name == dataset.name);
        if !taken {
            return true;
        }
        self.replace_notice(
            &format!("{file} names its dataset"),
            Notice::warning(format!(
                "{file} names its dataset “{}”, the name of another loaded dataset; it stays “{name}” here until one of the two is renamed.",
                dataset.name
            )),
        );
        dataset.name = name.to_string();
        false
    }

    /// Gives the dataset `old` the name `new` everywhere the name is its
    /// identity: the library, watch mode, saved choices and history, so
    /// the open role, the comparison and the plan stay as they were.
    fn rename_dataset(&mut self, old: &str, new: &str) {
        if let Some(e) = self.library.index.entry_mut(old) {
            e.name = new.to_string();
        }
        self.mark_library_dirty();
        let authoring = &mut self.library.authoring;
        if let Some(state) = authoring.datasets.remove(old) {
            authoring.datasets.insert(new.to_string(), state);
        }
        if let Some(problems) = authoring.problems.remove(old) {
            authoring.problems.insert(new.to_string(), problems);
        }
        self.library.watches.remove(old);
        let s = &mut self.settings;
        let keys = [&mut s.selected, &mut s.plan_from, &mut s.plan_to]
            .into_iter()
            .flatten()
            .chain(s.compare.iter_mut());
        for key in keys {
            if key.dataset == old {
                key.dataset = new.to_string();
            }
        }
        self.history.rename_dataset(old, new);
    }

    /// The selected role, when it belongs to the dataset at `index`: its key,
    /// title and position in the dataset, to find its nearest match after a
    /// reload that renamed or removed it.
    fn selection_in(&self, index: usize) -> Option<(RoleKey, String, usize)> {
        let selected = self.selected?;
        let entry = self.catalog.roles.get(selected.0)?;
        if entry.dataset != index {
            return None;
        }
        let ds = &self.catalog.datasets[index].dataset;
        let position = ds.roles.iter().position(|r| r.id == entry.role.id)?;
        Some((
            self.catalog.role_key(selected),
            entry.role.title.clone(),
            position,
        ))
    }

    /// The role of dataset `index` titled `title`, else the one now at
    /// `position` (or the last one), else none.
    fn nearest_role(&self, index: usize, title: &str, position: usize) -> Option<RoleIdx> {
        let ds = &self.catalog.datasets.get(index)?.dataset;
        let pick = ds
            .roles
            .iter()
            .find(|r| r.title == title)
            .or_else(|| ds.roles.get(position.min(ds.roles.len().saturating_sub(1))))?;
        self.catalog.find_role(&RoleKey {
            dataset: ds.name.clone(),
            id: pick.id.clone(),
        })
    }

    /// Shows `notice` in place of an earlier one beginning with `prefix`, so
    /// a file saved fifty times leaves one notice, not fifty.
    fn replace_notice(&mut self, prefix: &str, notice: Notice) {
        self.notices.retain(|n| !n.text.starts_with(prefix));
        self.notices.push(notice);
    }
}

/// "2 roles changed, 1 added", "no role changed", or with the dataset's own
/// details: "1 role changed; name, licence updated".
fn describe(d: &DatasetDiff) -> String {
    let mut parts = Vec::new();
    let n = |k: usize| if k == 1 { "role" } else { "roles" };
    for (k, what) in [
        (d.changed.len(), "changed"),
        (d.added.len(), "added"),
        (d.removed.len(), "removed"),
    ] {
        if k > 0 && parts.is_empty() {
            parts.push(format!("{k} {} {what}", n(k)));
        } else if k > 0 {
            parts.push(format!("{k} {what}"));
        }
    }
    let roles = parts.join(", ");
    match (roles.is_empty(), d.details.is_empty()) {
        (true, true) => "no role changed".into(),
        (false, true) => roles,
        (true, false) => format!("{} updated", d.details.join(", ")),
        (false, false) => format!("{roles}; {} updated", d.details.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_read_as_a_short_sentence() {
        let d = |c: usize, a: usize, r: usize| DatasetDiff {
            changed: vec!["x".into(); c],
            added: vec!["y".into(); a],
            removed: vec!["z".into(); r],
            unchanged: 0,
            details: Vec::new(),
        };
        assert_eq!(describe(&d(2, 1, 0)), "2 roles changed, 1 added");
        assert_eq!(describe(&d(1, 0, 0)), "1 role changed");
        assert_eq!(describe(&d(0, 0, 3)), "3 roles removed");
        assert_eq!(describe(&d(0, 2, 1)), "2 roles added, 1 removed");
        assert_eq!(describe(&d(0, 0, 0)), "no role changed");
        let mut header = d(1, 0, 0);
        header.details = vec!["name", "licence"];
        assert_eq!(describe(&header), "1 role changed; name, licence updated");
        header.changed.clear();
        assert_eq!(describe(&header), "name, licence updated");
    }
}
