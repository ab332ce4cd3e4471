//! Start-up: reading what was saved, and recovering from what went wrong —
//! another window holding the folder, a damaged or newer file, a dataset copy
//! that no longer reads. Each problem becomes a notice that says what it means
//! for the person; nothing the app cannot read is overwritten or deleted.

use std::sync::Arc;

use super::persist::{Persistence, Writable};
use super::{AppConfig, CareerAtlasApp, Fit, Panels, Pending, history, library};
use crate::jobs::{Jobs, RfdPicker};
use crate::model::catalog::{DatasetOrigin, LoadedDataset};
use crate::model::pay_index::PayIndex;
use crate::model::profile::Profile;
use crate::model::search::SearchIndex;
use crate::model::{Catalog, ReadContext, RoleIdx, bundled_dataset, read_dataset};
use crate::state::Settings;
use crate::store::library::LibraryIndex;
use crate::store::{Document, Store, StoreError};
use crate::ui::{Notice, text};

/// Shown once, on the first start; `quick_start_open` when the quick start
/// window opened by itself in front of it, so the words match the screen.
fn welcome(quick_start_open: bool) -> String {
    let quick_start = if quick_start_open {
        "in the Quick start window, click the technologies you have worked with, then Done (My skills › Quick start… brings it back)."
    } else {
        "My skills › Quick start… lists the most used technologies to click."
    };
    format!(
        "Welcome to Career Atlas. Tell it what you know in seconds: {quick_start} In My skills, “Add a skill” finds any technology by name and “Paste text” reads a CV or a job ad, all on this computer. Ticks on any role page count too, and “Best fit” ranks the roles that suit you. Ctrl+K jumps anywhere; F1 lists every shortcut."
    )
}

impl CareerAtlasApp {
    /// Creates the app state; `wake` asks for a repaint when background work ends.
    #[must_use]
    pub fn with_config(config: AppConfig, wake: Arc<dyn Fn() + Send + Sync>) -> Self {
        let store = config.data_dir.map(Store::new);
        let mut notices = Vec::new();
        let (lock, writable) = store
            .as_ref()
            .map_or((None, true), |s| open_store(s, &mut notices));
        let (profile, profile_writable): (Profile, _) = load_document(
            store.as_ref(),
            "skill profile",
            "Your skill profile could not be loaded, so changes to it will not be saved this session",
            &mut notices,
        );
        let (settings, settings_saved, settings_writable) =
            load_settings(store.as_ref(), &mut notices);
        let (index, library_writable): (LibraryIndex, _) = load_document(
            store.as_ref(),
            "list of imported datasets",
            "Your imported datasets could not be listed, so imports will not be saved this session",
            &mut notices,
        );
        let mut datasets = vec![LoadedDataset {
            dataset: bundled_dataset(),
            origin: DatasetOrigin::Bundled,
            visible: index.bundled_visible,
        }];
        if let Some(store) = &store {
            datasets.extend(load_library(store, &index, &mut notices));
        }
        let catalog = Catalog::new(datasets);
        let search_index = SearchIndex::new(&catalog);
        let pay = PayIndex::new(&catalog);
        let selected = settings
            .selected
            .as_ref()
            .and_then(|k| catalog.find_role(k))
            .or_else(|| (!catalog.roles.is_empty()).then_some(RoleIdx(0)));
        let persist = Persistence::new(
            store,
            lock,
            Writable {
                profile: writable && profile_writable,
                settings: writable && settings_writable,
                library: writable && library_writable,
            },
            settings_saved,
            Arc::clone(&wake),
            &mut notices,
        );
        let mut app = Self {
            settings,
            catalog,
            catalog_version: 0,
            index: search_index,
            pay,
            profile,
            profile_version: 0,
            fit: Fit::default(),
            fit_version: 0,
            persist,
            library: library::Library::new(index),
            selected: None,
            selected_tech: None,
            history: history::History::default(),
            notices,
            salary_table: None,
            dialog: None,
            panels: Panels::default(),
            jobs: Jobs::new(wake),
            picker: config.picker.unwrap_or_else(|| Arc::new(RfdPicker)),
            pending: Pending {
                scroll_list_to_selected: true,
                ..Pending::default()
            },
        };
        app.set_selected(selected);
        app.selected_tech = app
            .settings
            .tech
            .as_deref()
            .and_then(|k| app.catalog.find_tech(k));
        // A technology page whose technology has gone starts on the role instead.
        if app.settings.view == crate::state::View::Technology && app.selected_tech.is_none() {
            app.settings.view = crate::state::View::Role;
        }
        app.refresh_fit();
        app.sync_list();
        // Once, for someone who has told the app nothing yet; remembered in
        // the settings whether they use it or close it. Not over files the
        // app was started with: their import preview comes first, and Escape
        // on the window above it cancelled the import too; the next plain
        // start offers it.
        if config.first_run_quick_start
            && config.import_files.is_empty()
            && !app.settings.quick_start_offered
            && app.profile.skills.is_empty()
        {
            app.dialog = Some(crate::ui::Dialog::QuickStart);
            app.settings.quick_start_offered = true;
            let (before, after) = (welcome(false), welcome(true));
            if let Some(n) = app.notices.iter_mut().find(|n| n.text == before) {
                n.text = after;
            }
        }
        app.start_saved_watches();
        for path in config.import_files {
            app.start_import(path);
        }
        app
    }
}

/// Takes the data folder's lock and checks it can be written; says what it
/// means for the person when not. Returns the lock and whether to save.
fn open_store(store: &Store, notices: &mut Vec<Notice>) -> (Option<std::fs::File>, bool) {
    for report in store.take_new_crash_reports() {
        notices.push(Notice::warning(format!(
            "Career Atlas closed unexpectedly last time. A crash report was saved at {}; nothing you had saved was lost.",
            report.display()
        )));
    }
    match store.try_lock() {
        Ok(Some(lock)) => match store.check_writable() {
            Ok(()) => (Some(lock), true),
            Err(e) => {
                notices.push(Notice::warning(format!(
                    "Your data folder cannot be written ({e}). Everything works, but changes will not be saved this session."
                )));
                (Some(lock), false)
            }
        },
        Ok(None) => {
            notices.push(Notice::warning(
                "Career Atlas is already open in another window. This window will not save changes, so the two never overwrite each other's files.",
            ));
            (None, false)
        }
        Err(e) => {
            notices.push(Notice::warning(format!(
                "Your data folder cannot be used ({e}). Everything works, but changes will not be saved this session."
            )));
            (None, false)
        }
    }
}

/// A saved document (profile, library index), and whether it may be
/// overwritten: not when it could not be read, so nothing is lost. `what`
/// names it in a recovery notice; `unreadable` starts the notice shown when
/// it cannot be read at all.
fn load_document<T: Document + Default>(
    store: Option<&Store>,
    what: &str,
    unreadable: &str,
    notices: &mut Vec<Notice>,
) -> (T, bool) {
    match store.map(Store::load::<T>) {
        None => (T::default(), true),
        Some(Ok((doc, recovery))) => {
            if let Some(r) = recovery {
                notices.push(Notice::warning(r.describe(what)));
            }
            (doc.unwrap_or_default(), true)
        }
        Some(Err(e)) => {
            notices.push(Notice::warning(format!("{unreadable}: {e}")));
            (T::default(), false)
        }
    }
}

/// The saved settings; what the file holds (`None`: nothing yet, so it gets
/// written); and whether it may be overwritten — not when a newer Career Atlas
/// wrote it, so going back to an older version loses nothing.
fn load_settings(
    store: Option<&Store>,
    notices: &mut Vec<Notice>,
) -> (Settings, Option<Settings>, bool) {
    match store.map(Store::load::<Settings>) {
        // In memory, or a damaged file set aside with no good copy: settings
        // are a convenience, so the usual ones are enough.
        None | Some(Ok((None, Some(_)))) => (Settings::default(), None, true),
        Some(Ok((Some(s), _))) => (s.clone(), Some(s), true),
        Some(Ok((None, None))) => {
            notices.push(Notice::info(welcome(false)));
            (Settings::default(), None, true)
        }
        Some(Err(StoreError::TooNew { found, .. })) => {
            notices.push(Notice::warning(format!(
                "Your settings were saved by a newer version of Career Atlas (format {found}). This window starts with the usual settings and leaves that file as it is."
            )));
            (Settings::default(), None, false)
        }
        Some(Err(e)) => {
            notices.push(Notice::warning(format!(
                "Your settings could not be read ({e}). This window starts with the usual settings and leaves that file as it is."
            )));
            (Settings::default(), None, false)
        }
    }
}

/// Reads the imported datasets listed in the library; a copy that cannot be
/// read is reported and kept on disk (never deleted), so nothing is lost.
fn load_library(
    store: &Store,
    library: &LibraryIndex,
    notices: &mut Vec<Notice>,
) -> Vec<LoadedDataset> {
    let mut out = Vec::new();
    for entry in &library.datasets {
        let bytes = match store.read_dataset_copy(&entry.file) {
            Ok(b) => b,
            Err(e) => {
                notices.push(Notice::warning(format!(
                    "The imported dataset “{}” could not be loaded: {e}. Import it again from {}.",
                    entry.name,
                    entry.source_file.display()
                )));
                continue;
            }
        };
        let stem = entry
            .source_file
            .file_stem()
            .map_or_else(|| entry.name.clone(), |s| s.to_string_lossy().into_owned());
        let outcome = read_dataset(&stem, &bytes, ReadContext::default());
        match outcome.dataset {
            Some(mut dataset) => {
                // The index's name is the identity; a bare-array copy would
                // otherwise be renamed after its copy file.
                dataset.name.clone_from(&entry.name);
                out.push(LoadedDataset {
                    dataset,
                    origin: DatasetOrigin::Imported {
                        source_file: entry.source_file.clone(),
                        imported_at: entry.imported_at.clone(),
                    },
                    visible: entry.visible,
                });
            }
            None => notices.push(Notice::warning(format!(
                "The saved copy of “{}” is damaged ({}) and was not loaded. Import it again from {}.",
                entry.name,
                text::errors(outcome.error_count()),
                entry.source_file.display()
            ))),
        }
    }
    out
}
