//! The import and library workflow: a file is read off the UI thread
//! ([`crate::jobs`]), waits as a preview or an error report until the person
//! answers, and on confirmation joins the catalog and the library; datasets
//! can then be shown or hidden, removed (undoable until exit) and re-imported.

use std::collections::{HashMap, HashSet, VecDeque};
use std::path::PathBuf;
use std::sync::Arc;

use super::CareerAtlasApp;
use crate::jobs::ImportReview;
use crate::model::catalog::{DatasetOrigin, LoadedDataset};
use crate::model::diff::DatasetDiff;
use crate::model::pay_index::PayIndex;
use crate::model::search::SearchIndex;
use crate::model::{Catalog, RoleIdx, RoleKey};
use crate::store::library::{LibraryEntry, LibraryIndex, copy_file_name};
use crate::ui::{Notice, PendingReview, text};

/// The imported datasets and what waits for the person about them.
pub(super) struct Library {
    /// The imported datasets and their files, as saved.
    pub(super) index: LibraryIndex,
    /// Datasets removed this session, most recent last (for Undo).
    pub(super) removed: Vec<RemovedDataset>,
    /// Checked files waiting for confirmation or acknowledgement, oldest first.
    pub(super) reviews: VecDeque<PendingReview>,
    /// Running watches, by dataset name.
    pub(super) watches: HashMap<String, crate::watch::FileWatch>,
    /// Watch mode as the panels see it.
    pub(super) authoring: crate::ui::authoring::Authoring,
    /// Files being read that were just created by File › New role file…:
    /// imported without a preview, in watch mode.
    pub(super) created: HashSet<PathBuf>,
}

/// A dataset removed this session, kept so the removal can be undone.
pub(super) struct RemovedDataset {
    /// Its library entry.
    pub(super) entry: LibraryEntry,
    /// The dataset as loaded.
    loaded: LoadedDataset,
}

impl Library {
    pub(super) fn new(index: LibraryIndex) -> Self {
        Self {
            index,
            removed: Vec::new(),
            reviews: VecDeque::new(),
            watches: HashMap::new(),
            authoring: crate::ui::authoring::Authoring::default(),
            created: HashSet::new(),
        }
    }
}

impl CareerAtlasApp {
    /// Starts reading a file to import; the preview or error report follows.
    pub(super) fn start_import(&mut self, path: PathBuf) {
        let known: HashSet<String> = self.catalog.role_ids();
        self.jobs.import(path, Arc::new(known));
    }

    /// Queues a checked file for the person, with what it would change; a
    /// file just made by New is imported at once, in watch mode.
    pub(super) fn queue_review(&mut self, review: ImportReview) {
        let created = self.library.created.remove(&review.source);
        let pending = self.pending_review(review);
        if created && pending.blocked.is_none() && pending.review.is_valid() {
            let path = pending.review.source.display().to_string();
            if let Some(name) = self.import_reviewed(pending, true) {
                let imported = format!("Imported “{name}”");
                self.notices.retain(|n| !n.text.starts_with(&imported));
                self.notices.push(Notice::info(format!(
                    "Created “{name}” at {path}, with its schema beside it. Open the file in your editor: Career Atlas watches it and shows every save here."
                )));
            }
            return;
        }
        self.library.reviews.push_back(pending);
    }

    /// What a checked file would change, or why it cannot be imported.
    fn pending_review(&self, review: ImportReview) -> PendingReview {
        let dataset = review.outcome.as_ref().and_then(|o| o.dataset.as_ref());
        let mut diff = None;
        let mut blocked = None;
        if let Some(ds) = dataset
            && let Some(existing) = self
                .catalog
                .datasets
                .iter()
                .find(|d| d.dataset.name == ds.name)
        {
            if existing.origin == DatasetOrigin::Bundled {
                blocked = Some(format!(
                    "“{}” is the name of the dataset that comes with the app. Give your dataset another `name` and import it again.",
                    ds.name
                ));
            } else {
                diff = Some(DatasetDiff::between(&existing.dataset, ds));
            }
        }
        PendingReview {
            review,
            diff,
            blocked,
        }
    }

    /// Changes the loaded datasets, then rebuilds catalog, index, fit and
    /// list, keeping the selection by role key.
    pub(super) fn change_datasets(&mut self, change: impl FnOnce(&mut Vec<LoadedDataset>)) {
        let selected = self.selected.map(|r| self.catalog.role_key(r));
        let mut datasets = std::mem::take(&mut self.catalog.datasets);
        change(&mut datasets);
        self.catalog = Catalog::new(datasets);
        self.catalog_version = self.catalog_version.wrapping_add(1);
        self.index = SearchIndex::new(&self.catalog);
        self.pay = PayIndex::new(&self.catalog);
        self.refresh_fit();
        let selected = selected
            .and_then(|k| self.catalog.find_role(&k))
            .or_else(|| (!self.catalog.roles.is_empty()).then_some(RoleIdx(0)));
        self.set_selected(selected);
        // Technology ids are positions in the catalog: find the page's again by key.
        self.selected_tech = self
            .settings
            .tech
            .as_deref()
            .and_then(|k| self.catalog.find_tech(k));
        if self.settings.view == crate::state::View::Technology && self.selected_tech.is_none() {
            self.settings.view = crate::state::View::Role;
        }
        self.sync_list();
        self.pending.scroll_list_to_selected = true;
    }

    /// Imports the file of the oldest preview.
    pub(super) fn confirm_import(&mut self) {
        let Some(pending) = self.library.reviews.pop_front() else {
            return;
        };
        let name = pending
            .review
            .outcome
            .as_ref()
            .and_then(|o| o.dataset.as_ref())
            .map(|d| d.name.clone());
        // A re-import keeps the dataset's watch mode.
        let watch = name.is_some_and(|n| self.library.index.entry(&n).is_some_and(|e| e.watch));
        self.import_reviewed(pending, watch);
    }

    /// Imports a checked file (`watch`: in watch mode) and opens its first
    /// role; returns the dataset's name, or `None` when it cannot be imported.
    fn import_reviewed(&mut self, pending: PendingReview, watch: bool) -> Option<String> {
        if pending.blocked.is_some() {
            return None;
        }
        let review = pending.review;
        // A skill profile chosen as a role file: the preview offered it as
        // a profile import, and this is the person's yes.
        if let Some(profile) = &review.profile {
            self.merge_profile(&review.source, profile);
            return None;
        }
        let dataset = review.outcome.and_then(|o| o.dataset)?;
        let name = dataset.name.clone();
        let roles = dataset.roles.len();
        let first_role = dataset.roles.first().map(|r| RoleKey {
            dataset: name.clone(),
            id: r.id.clone(),
        });
        let imported_at =
            humantime::format_rfc3339_seconds(std::time::SystemTime::now()).to_string();
        let source_file =
            std::fs::canonicalize(&review.source).unwrap_or_else(|_| review.source.clone());
        let entry = LibraryEntry {
            name: name.clone(),
            file: copy_file_name(&name),
            source_file: source_file.clone(),
            imported_at: imported_at.clone(),
            visible: true,
            watch,
        };
        self.store_dataset_copy(&entry.file, &review.bytes);
        self.library.index.datasets.retain(|e| e.name != name);
        self.library.index.datasets.push(entry);
        self.mark_library_dirty();

        self.library.removed.retain(|r| r.entry.name != name);
        self.change_datasets(|datasets| {
            datasets.retain(|d| d.dataset.name != name || d.origin == DatasetOrigin::Bundled);
            datasets.push(LoadedDataset {
                dataset,
                origin: DatasetOrigin::Imported {
                    source_file,
                    imported_at,
                },
                visible: true,
            });
        });
        self.notices.push(Notice::info(format!(
            "Imported “{name}”: {}.",
            text::roles(roles)
        )));
        if let Some(role) = first_role.and_then(|k| self.catalog.find_role(&k)) {
            self.open(role);
        }
        self.restart_watch(&name);
        Some(name)
    }

    /// Shows or hides the roles of the dataset at `index` in the catalog.
    pub(super) fn set_dataset_visible(&mut self, index: usize, visible: bool) {
        let Some(d) = self.catalog.datasets.get(index) else {
            return;
        };
        match &d.origin {
            DatasetOrigin::Bundled => self.library.index.bundled_visible = visible,
            DatasetOrigin::Imported { .. } => {
                let name = d.dataset.name.clone();
                if let Some(e) = self.library.index.entry_mut(&name) {
                    e.visible = visible;
                }
            }
        }
        self.mark_library_dirty();
        self.change_datasets(|datasets| datasets[index].visible = visible);
    }

    /// Removes an imported dataset; its copy stays on disk until exit, for Undo.
    pub(super) fn remove_dataset(&mut self, index: usize) {
        let Some(d) = self.catalog.datasets.get(index) else {
            return;
        };
        if d.origin == DatasetOrigin::Bundled {
            return;
        }
        let name = d.dataset.name.clone();
        let mut loaded = None;
        self.change_datasets(|datasets| loaded = Some(datasets.remove(index)));
        if let (Some(loaded), Some(pos)) = (
            loaded,
            self.library
                .index
                .datasets
                .iter()
                .position(|e| e.name == name),
        ) {
            let entry = self.library.index.datasets.remove(pos);
            self.library.watches.remove(&name);
            self.library.authoring.datasets.remove(&name);
            self.library.authoring.problems.remove(&name);
            self.notices.push(Notice::info(format!(
                "Removed “{name}”. Datasets › Undo brings it back until you quit."
            )));
            self.library.removed.push(RemovedDataset { entry, loaded });
        }
        self.mark_library_dirty();
    }

    /// Brings back the dataset removed last.
    pub(super) fn undo_remove(&mut self) {
        let Some(RemovedDataset { entry, loaded }) = self.library.removed.pop() else {
            return;
        };
        let name = entry.name.clone();
        self.library.index.datasets.push(entry);
        self.mark_library_dirty();
        self.change_datasets(|datasets| datasets.push(loaded));
        self.restart_watch(&name);
    }

    /// Reads an imported dataset's source file again, through the same preview.
    pub(super) fn reimport(&mut self, index: usize) {
        if let Some(DatasetOrigin::Imported { source_file, .. }) =
            self.catalog.datasets.get(index).map(|d| d.origin.clone())
        {
            self.start_import(source_file);
        }
    }
}
