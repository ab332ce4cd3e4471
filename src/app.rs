//! The `eframe::App`: owns the state, lays out the panels, and applies the
//! commands the panels return — the one place where state changes.

use std::collections::{HashSet, VecDeque};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use crate::import::{
    FilePicker, ImportEvent, ImportReview, ImportSource, Importer, NO_DIALOG_HELP, RfdPicker,
};
use crate::model::catalog::{DatasetOrigin, LoadedDataset};
use crate::model::diff::DatasetDiff;
use crate::model::fit;
use crate::model::profile::Profile;
use crate::model::search::SearchIndex;
use crate::model::{Catalog, ReadContext, RoleIdx, RoleKey, bundled_dataset, read_dataset};
use crate::state::{SETTINGS_VERSION, Settings, ThemeChoice, View};
use crate::store::library::{LibraryEntry, LibraryIndex, copy_file_name};
use crate::store::{SETTINGS_FILE, Store, StoreError};
use crate::ui::{self, Command, Dialog, Notice};

/// How the app is started.
#[derive(Clone, Default)]
pub struct AppConfig {
    /// Where the profile, settings and imported datasets live; `None` keeps
    /// everything in memory (nothing is saved).
    pub data_dir: Option<PathBuf>,
    /// Files to import at start (`career-atlas FILE...`, "Open with").
    pub import_files: Vec<PathBuf>,
    /// The file dialog; `None` means the native one.
    pub picker: Option<Arc<dyn FilePicker>>,
    /// Where fallback fonts for other scripts come from (issue 14 hook).
    pub fonts: crate::fonts::FontSource,
}

/// Runtime state of the role list, rebuilt only when the query or catalog changes.
pub struct ListState {
    /// The query the rows were built for.
    pub query: String,
    /// Rows to show, in order.
    pub rows: Vec<ui::role_list::Row>,
    /// The roles among the rows, in order (for arrow keys).
    pub order: Vec<RoleIdx>,
    /// Changes whenever the rows are rebuilt, so views can keep what they
    /// derive from the list until it changes.
    pub version: u64,
}

/// A checked file waiting for the person: a preview to confirm, or an error report.
pub struct PendingReview {
    /// The file and what reading it found.
    pub review: ImportReview,
    /// What it would change in a loaded dataset of the same name.
    pub diff: Option<DatasetDiff>,
    /// Why it cannot be imported even though the file is valid.
    pub blocked: Option<String>,
}

/// A dataset removed this session, kept so the removal can be undone.
pub struct RemovedDataset {
    /// Its library entry.
    pub entry: LibraryEntry,
    /// The dataset as loaded.
    pub loaded: LoadedDataset,
}

/// The Career Atlas application.
pub struct CareerAtlasApp {
    /// Saved UI settings.
    pub settings: Settings,
    /// All loaded datasets, merged.
    pub catalog: Catalog,
    /// Search haystacks for the catalog.
    pub index: SearchIndex,
    /// The person's skills.
    pub profile: Profile,
    /// Each technology's credit towards fit, from the profile (by `TechId`).
    pub credits: Vec<f32>,
    /// Each role's fit (by `RoleIdx`); `None` for roles without a stack.
    pub fits: Vec<Option<f32>>,
    /// Roles ranked by fit, best first; kept with `fits` so no frame re-sorts.
    pub fit_order: Vec<RoleIdx>,
    /// What would open the most roles (My skills), kept with `fits`: it
    /// looks at every technology of every role.
    pub openers: Vec<fit::Opener>,
    /// Where things are saved (`None`: in memory only).
    pub store: Option<Store>,
    /// Held while this window may write the data folder.
    _lock: Option<std::fs::File>,
    /// False when another window holds the folder or it cannot be written.
    settings_writable: bool,
    /// False when the profile on disk must not be overwritten (newer format,
    /// unreadable, or the folder is not ours to write).
    profile_writable: bool,
    /// The imported datasets and their files.
    pub library: LibraryIndex,
    library_writable: bool,
    /// The role in the detail panel.
    pub selected: Option<RoleIdx>,
    back: Vec<RoleKey>,
    forward: Vec<RoleKey>,
    /// Cached list rows.
    pub list: ListState,
    /// Messages shown at the top of the window.
    pub notices: Vec<Notice>,
    /// Which salary table (region) is shown.
    pub salary_table: usize,
    /// The open dialog window, if any.
    pub dialog: Option<Dialog>,
    /// The Salaries view's choices.
    pub salary_view: ui::salaries::SalaryView,
    /// The Salaries view's ranking, kept between frames.
    pub salary_ranking: ui::salaries::RankingCache,
    /// The command palette's text and highlighted entry.
    pub palette: (String, usize),
    /// Imports and the file dialog, off the UI thread.
    pub importer: Importer,
    /// Checked files waiting for confirmation or acknowledgement, oldest first.
    pub reviews: VecDeque<PendingReview>,
    /// Datasets removed this session (most recent last).
    pub removed: Vec<RemovedDataset>,
    picker: Arc<dyn FilePicker>,
    pending: Pending,
}

/// One-shot requests for the next frame's layout.
#[derive(Debug, Default)]
struct Pending {
    focus_search: bool,
    scroll_list_to_selected: bool,
    scroll_detail_to_top: bool,
}

impl CareerAtlasApp {
    /// Creates the app for eframe (or a test harness).
    #[must_use]
    pub fn new(cc: &eframe::CreationContext<'_>, config: AppConfig) -> Self {
        let ctx = cc.egui_ctx.clone();
        crate::fonts::install(&ctx, config.fonts.clone()); // issue 14 hook
        let app = Self::with_config(config, Arc::new(move || ctx.request_repaint()));
        ui::theme::install(&cc.egui_ctx);
        cc.egui_ctx.set_theme(app.settings.theme.preference());
        if (0.5..=3.0).contains(&app.settings.zoom) {
            cc.egui_ctx.set_zoom_factor(app.settings.zoom);
        }
        app
    }

    /// Creates the app state; `wake` asks for a repaint when background work ends.
    #[must_use]
    pub fn with_config(config: AppConfig, wake: Arc<dyn Fn() + Send + Sync>) -> Self {
        let store = config.data_dir.map(Store::new);
        let mut notices = Vec::new();
        let (lock, writable) = store
            .as_ref()
            .map_or((None, true), |s| open_store(s, &mut notices));
        let (profile, profile_writable) = match store.as_ref().map(Store::load_profile) {
            None => (Profile::default(), writable),
            Some(Ok((p, recovery))) => {
                if let Some(r) = recovery {
                    notices.push(Notice::warning(r.describe("skill profile")));
                }
                (p, writable)
            }
            Some(Err(e)) => {
                notices.push(Notice::warning(format!(
                    "Your skill profile could not be loaded, so changes to it will not be saved this session: {e}"
                )));
                (Profile::default(), false)
            }
        };
        let settings = match store
            .as_ref()
            .map(|s| s.read_json_recovering::<Settings>(SETTINGS_FILE))
        {
            Some(Ok((Some(s), _))) if s.version <= SETTINGS_VERSION => s,
            Some(Ok((None, None))) => {
                notices.push(Notice::info(
                    "Welcome to Career Atlas. Pick a role on the left and tick the technologies you have used: they stay ticked in every role, and “Best fit” ranks the roles that suit you. Ctrl+K jumps anywhere; F1 lists every shortcut.",
                ));
                Settings::default()
            }
            Some(Err(e)) => {
                log::warn!("settings not loaded: {e}");
                Settings::default()
            }
            _ => Settings::default(),
        };
        let (library, library_writable) = match store.as_ref().map(Store::load_library) {
            None => (LibraryIndex::default(), writable),
            Some(Ok((l, recovery))) => {
                if let Some(r) = recovery {
                    notices.push(Notice::warning(r.describe("list of imported datasets")));
                }
                (l, writable)
            }
            Some(Err(e)) => {
                notices.push(Notice::warning(format!(
                    "Your imported datasets could not be listed, so imports will not be saved this session: {e}"
                )));
                (LibraryIndex::default(), false)
            }
        };
        let mut datasets = vec![LoadedDataset {
            dataset: bundled_dataset(),
            origin: DatasetOrigin::Bundled,
            visible: library.bundled_visible,
        }];
        if let Some(store) = &store {
            datasets.extend(load_library(store, &library, &mut notices));
        }
        let catalog = Catalog::new(datasets);
        let index = SearchIndex::new(&catalog);
        let selected = settings
            .selected
            .as_ref()
            .and_then(|k| catalog.find_role(k))
            .or_else(|| (!catalog.roles.is_empty()).then_some(RoleIdx(0)));
        let mut app = Self {
            settings,
            catalog,
            index,
            profile,
            credits: Vec::new(),
            fits: Vec::new(),
            fit_order: Vec::new(),
            openers: Vec::new(),
            store,
            _lock: lock,
            settings_writable: writable,
            profile_writable,
            library,
            library_writable,
            selected,
            back: Vec::new(),
            forward: Vec::new(),
            list: ListState {
                query: String::new(),
                rows: Vec::new(),
                order: Vec::new(),
                version: 0,
            },
            notices,
            salary_table: 0,
            dialog: None,
            salary_view: ui::salaries::SalaryView::default(),
            salary_ranking: ui::salaries::RankingCache::default(),
            palette: (String::new(), 0),
            importer: Importer::new(wake),
            reviews: VecDeque::new(),
            removed: Vec::new(),
            picker: config.picker.unwrap_or_else(|| Arc::new(RfdPicker)),
            pending: Pending {
                scroll_list_to_selected: true,
                ..Pending::default()
            },
        };
        app.refresh_fit();
        app.rebuild_list();
        for path in config.import_files {
            app.start_import(ImportSource::Path(path));
        }
        app
    }

    /// Recomputes every role's fit after the profile or the catalog changed.
    fn refresh_fit(&mut self) {
        self.credits = fit::credits(&self.catalog, &self.profile);
        self.fits = fit::all_fits(&self.catalog, &self.credits);
        self.fit_order = fit::ranking(&self.fits);
        self.openers = fit::best_openers(
            &self.catalog,
            &self.credits,
            &self.fits,
            ui::my_skills::OPENERS_SHOWN,
        );
    }

    /// Rebuilds the list rows for the current query.
    fn rebuild_list(&mut self) {
        let sort = self.settings.sort_by_fit.then_some(self.fits.as_slice());
        let (rows, order) =
            ui::role_list::build_rows(&self.catalog, &self.index, &self.settings.search, sort);
        self.list = ListState {
            query: self.settings.search.clone(),
            rows,
            order,
            version: self.list.version.wrapping_add(1),
        };
    }

    /// Changes the loaded datasets, then rebuilds catalog, index and list,
    /// keeping the selection by role key.
    fn change_datasets(&mut self, change: impl FnOnce(&mut Vec<LoadedDataset>)) {
        let selected = self.selected.map(|r| self.catalog.role_key(r));
        let mut datasets = std::mem::take(&mut self.catalog.datasets);
        change(&mut datasets);
        self.catalog = Catalog::new(datasets);
        self.index = SearchIndex::new(&self.catalog);
        self.refresh_fit();
        self.selected = selected
            .and_then(|k| self.catalog.find_role(&k))
            .or_else(|| (!self.catalog.roles.is_empty()).then_some(RoleIdx(0)));
        self.rebuild_list();
        self.pending.scroll_list_to_selected = true;
    }

    /// Writes the settings file (also called by eframe's periodic save).
    pub fn save_settings(&mut self) {
        self.settings.selected = self.selected.map(|r| self.catalog.role_key(r));
        if !self.settings_writable {
            return;
        }
        if let Some(store) = &self.store
            && let Err(e) = store.write_json(SETTINGS_FILE, &self.settings)
        {
            log::warn!("settings not saved: {e}");
        }
    }

    fn save_profile(&mut self) {
        if !self.profile_writable {
            return;
        }
        if let Some(store) = &self.store
            && let Err(e) = store.save_profile(&self.profile)
        {
            self.report_store_error(&e);
        }
    }

    fn profile_changed(&mut self) {
        self.save_profile();
        self.refresh_fit();
        if self.settings.sort_by_fit {
            self.rebuild_list();
        }
    }

    fn save_library(&mut self) {
        if !self.library_writable {
            return;
        }
        if let Some(store) = &self.store
            && let Err(e) = store.save_library(&self.library)
        {
            self.report_store_error(&e);
        }
    }

    fn report_store_error(&mut self, e: &StoreError) {
        let text = format!("Your changes could not be saved: {e}");
        if !self.notices.iter().any(|n| n.text == text) {
            self.notices.push(Notice::warning(text));
        }
    }

    /// Starts reading a file to import; the preview or error report follows.
    pub fn start_import(&mut self, source: ImportSource) {
        let known: HashSet<String> = self.catalog.role_ids();
        self.importer.start(source, Arc::new(known));
    }

    /// Takes finished background work: checked files and dialog results.
    pub fn poll_background(&mut self) {
        for event in self.importer.poll() {
            match event {
                ImportEvent::Reviewed(review) => {
                    let pending = self.pending_review(*review);
                    self.reviews.push_back(pending);
                }
                ImportEvent::Picked(Some(paths), _) => {
                    for p in paths {
                        self.start_import(ImportSource::Path(p));
                    }
                }
                ImportEvent::Saved(what, Some(Ok(path))) => {
                    self.notices
                        .push(Notice::info(format!("Saved {what} to {}.", path.display())));
                }
                ImportEvent::Saved(what, Some(Err(e))) => {
                    self.notices
                        .push(Notice::warning(format!("Could not save {what}: {e}")));
                }
                ImportEvent::ProfileRead(Some(Ok((path, other)))) => {
                    let n = other.skills.len();
                    self.profile.merge(&other);
                    self.profile_changed();
                    self.notices.push(Notice::info(format!(
                        "Merged {n} skills from {}: the higher level won, notes were kept.",
                        path.display()
                    )));
                }
                ImportEvent::ProfileRead(Some(Err(e))) => {
                    self.notices.push(Notice::warning(format!(
                        "The profile was not imported: {e}"
                    )));
                }
                ImportEvent::ChartCaptured(Ok(bytes)) => {
                    self.importer.save(
                        Arc::clone(&self.picker),
                        "the chart",
                        "salary-chart.png".into(),
                        bytes,
                    );
                }
                ImportEvent::ChartCaptured(Err(e)) => {
                    self.notices.push(Notice::warning(format!(
                        "The chart could not be saved: {e}"
                    )));
                }
                ImportEvent::Saved(_, None) | ImportEvent::ProfileRead(None) => {}
                ImportEvent::Picked(None, open_for) => {
                    // Nobody cancels a dialog within a blink: no dialog was shown.
                    if open_for < Duration::from_millis(300) {
                        self.notices.push(Notice::warning(NO_DIALOG_HELP));
                    }
                }
            }
        }
    }

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

    /// Number of imports still being read.
    #[must_use]
    pub fn imports_in_flight(&self) -> usize {
        self.importer.in_flight().len()
    }

    fn confirm_import(&mut self) {
        let Some(pending) = self.reviews.pop_front() else {
            return;
        };
        if pending.blocked.is_some() {
            return;
        }
        let review = pending.review;
        let Some(dataset) = review.outcome.and_then(|o| o.dataset) else {
            return;
        };
        let name = dataset.name.clone();
        let roles = dataset.roles.len();
        let first_role = dataset.roles.first().map(|r| RoleKey {
            dataset: name.clone(),
            id: r.id.clone(),
        });
        let imported_at =
            humantime::format_rfc3339_seconds(std::time::SystemTime::now()).to_string();
        let source_file = match &review.source {
            ImportSource::Path(p) => std::fs::canonicalize(p)
                .unwrap_or_else(|_| p.clone())
                .display()
                .to_string(),
            ImportSource::Bytes { name, .. } => name.clone(),
        };
        let entry = LibraryEntry {
            name: name.clone(),
            file: copy_file_name(&name),
            source_file: source_file.clone(),
            imported_at: imported_at.clone(),
            visible: true,
        };
        if let Some(store) = &self.store
            && self.library_writable
            && let Err(e) = store.save_dataset_copy(&entry.file, &review.bytes)
        {
            self.report_store_error(&e);
        }
        self.library.datasets.retain(|e| e.name != name);
        self.library.datasets.push(entry);
        self.save_library();

        self.removed.retain(|r| r.entry.name != name);
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
            "Imported “{name}”: {roles} {}.",
            if roles == 1 { "role" } else { "roles" }
        )));
        if let Some(role) = first_role.and_then(|k| self.catalog.find_role(&k)) {
            self.open(role);
        }
    }

    fn set_dataset_visible(&mut self, index: usize, visible: bool) {
        let Some(d) = self.catalog.datasets.get(index) else {
            return;
        };
        match &d.origin {
            DatasetOrigin::Bundled => self.library.bundled_visible = visible,
            DatasetOrigin::Imported { .. } => {
                let name = d.dataset.name.clone();
                if let Some(e) = self.library.datasets.iter_mut().find(|e| e.name == name) {
                    e.visible = visible;
                }
            }
        }
        self.save_library();
        self.change_datasets(|datasets| datasets[index].visible = visible);
    }

    fn remove_dataset(&mut self, index: usize) {
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
            self.library.datasets.iter().position(|e| e.name == name),
        ) {
            let entry = self.library.datasets.remove(pos);
            self.notices.push(Notice::info(format!(
                "Removed “{name}”. Datasets › Undo brings it back until you quit."
            )));
            self.removed.push(RemovedDataset { entry, loaded });
        }
        self.save_library();
    }

    fn undo_remove(&mut self) {
        let Some(RemovedDataset { entry, loaded }) = self.removed.pop() else {
            return;
        };
        self.library.datasets.push(entry);
        self.save_library();
        self.change_datasets(|datasets| datasets.push(loaded));
    }

    fn reimport(&mut self, index: usize) {
        if let Some(DatasetOrigin::Imported { source_file, .. }) =
            self.catalog.datasets.get(index).map(|d| d.origin.clone())
        {
            self.start_import(ImportSource::Path(PathBuf::from(source_file)));
        }
    }

    /// Deletes the copies of datasets removed this session (called on exit,
    /// so that Undo works until then).
    pub fn forget_removed(&mut self) {
        if let Some(store) = &self.store {
            for r in self.removed.drain(..) {
                store.remove_dataset_copy(&r.entry.file);
            }
        }
    }

    /// Goes to a role, remembering where we were.
    fn open(&mut self, role: RoleIdx) {
        if self.selected == Some(role) {
            return;
        }
        if let Some(current) = self.selected {
            self.back.push(self.catalog.role_key(current));
        }
        self.forward.clear();
        self.show(role);
    }

    fn show(&mut self, role: RoleIdx) {
        self.selected = Some(role);
        self.salary_table = 0;
        self.pending.scroll_list_to_selected = true;
        self.pending.scroll_detail_to_top = true;
    }

    /// True when Back would go somewhere.
    #[must_use]
    pub fn can_go_back(&self) -> bool {
        !self.back.is_empty()
    }

    /// True when Forward would go somewhere.
    #[must_use]
    pub fn can_go_forward(&self) -> bool {
        !self.forward.is_empty()
    }

    fn step_history(&mut self, forward: bool) {
        let (from, to) = if forward {
            (&mut self.forward, &mut self.back)
        } else {
            (&mut self.back, &mut self.forward)
        };
        // Skip entries whose dataset has gone since.
        while let Some(key) = from.pop() {
            if let Some(role) = self.catalog.find_role(&key) {
                if let Some(cur) = self.selected {
                    to.push(self.catalog.role_key(cur));
                }
                self.show(role);
                return;
            }
        }
    }

    /// Applies one command from a panel.
    pub fn apply(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::Open(role) => {
                self.open(role);
                self.settings.view = View::Role;
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
                self.profile_changed();
            }
            Command::ShowView(view) => self.settings.view = view,
            Command::SetSalaryView(v) => self.salary_view = v,
            Command::ExportProfile => {
                let mut bytes = serde_json::to_vec_pretty(&self.profile).unwrap_or_default();
                bytes.push(b'\n');
                self.importer.save(
                    Arc::clone(&self.picker),
                    "your skill profile",
                    "career-atlas-profile.json".into(),
                    bytes,
                );
            }
            Command::ImportProfile => self.importer.open_profile(Arc::clone(&self.picker)),
            Command::SaveText(what, name, text) => {
                self.importer.save(
                    Arc::clone(&self.picker),
                    what,
                    name.into(),
                    text.into_bytes(),
                );
            }
            Command::SaveChartPng(rect) => {
                let (tx, wake) = self.importer.sender();
                let ppp = ctx.pixels_per_point();
                ctx.request_screenshot(move |image| {
                    let _ = tx.send(ImportEvent::ChartCaptured(ui::export::crop_to_png(
                        &image, rect, ppp,
                    )));
                    wake();
                });
            }
            Command::SetSortByFit(on) => {
                self.settings.sort_by_fit = on;
                self.rebuild_list();
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
            Command::SearchChanged => {
                self.rebuild_list();
                self.pending.scroll_list_to_selected = true;
            }
            Command::ClearSearch => {
                self.settings.search.clear();
                self.rebuild_list();
                self.pending.focus_search = true;
                self.pending.scroll_list_to_selected = true;
            }
            Command::FocusSearch => self.pending.focus_search = true,
            Command::MoveSelection(delta) => self.move_selection(delta),
            Command::SelectSalaryTable(i) => self.salary_table = i,
            Command::SetTheme(theme) => {
                self.settings.theme = theme;
                ctx.set_theme(theme.preference());
                self.save_settings();
            }
            Command::ShowDialog(dialog) => {
                if dialog == Some(Dialog::Palette) {
                    self.palette = (String::new(), 0);
                }
                self.dialog = dialog;
            }
            Command::DismissNotice(i) => {
                if i < self.notices.len() {
                    self.notices.remove(i);
                }
            }
            Command::OpenImportDialog => self.importer.open_dialog(Arc::clone(&self.picker)),
            Command::ConfirmImport => self.confirm_import(),
            Command::DismissReview => {
                self.reviews.pop_front();
            }
            Command::SetDatasetVisible(i, visible) => self.set_dataset_visible(i, visible),
            Command::RemoveDataset(i) => self.remove_dataset(i),
            Command::UndoRemove => self.undo_remove(),
            Command::Reimport(i) => self.reimport(i),
            Command::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
        }
    }

    fn move_selection(&mut self, delta: isize) {
        let order = &self.list.order;
        if order.is_empty() {
            return;
        }
        let pos = self
            .selected
            .and_then(|s| order.iter().position(|&r| r == s));
        let next = match pos {
            None => 0,
            Some(p) => p.saturating_add_signed(delta).min(order.len() - 1),
        };
        let role = order[next];
        self.open(role);
    }

    /// The current theme choice.
    #[must_use]
    pub fn theme(&self) -> ThemeChoice {
        self.settings.theme
    }

    /// Lays out the whole window for one frame and applies what the panels asked.
    pub fn frame_ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.poll_background();
        let mut commands = ui::shortcuts::read_keys(&ctx);
        for source in ui::import::dropped_files(&ctx) {
            self.start_import(source);
        }

        egui::Panel::top("top_bar").show(ui, |ui| {
            ui::top_bar::ui(ui, self, &mut commands);
        });
        egui::Panel::left("role_list")
            .resizable(true)
            .default_size(300.0)
            .size_range(220.0..=520.0)
            .show(ui, |ui| {
                let focus = std::mem::take(&mut self.pending.focus_search);
                let scroll = std::mem::take(&mut self.pending.scroll_list_to_selected);
                let cx = ui::role_list::ListCx {
                    catalog: &self.catalog,
                    profile: &self.profile,
                    list: &self.list,
                    selected: self.selected,
                    fits: &self.fits,
                    sort_by_fit: self.settings.sort_by_fit,
                };
                ui::role_list::ui(
                    ui,
                    &cx,
                    &mut self.settings.search,
                    focus,
                    scroll,
                    &mut commands,
                );
            });
        egui::CentralPanel::default().show(ui, |ui| {
            let to_top = std::mem::take(&mut self.pending.scroll_detail_to_top);
            match self.settings.view {
                View::Role => ui::role_detail::ui(ui, self, to_top, &mut commands),
                View::MySkills => ui::my_skills::ui(ui, self, &mut commands),
                View::BestFit => ui::best_fit::ui(ui, self, &mut commands),
                View::Plan => ui::plan::ui(ui, self, &mut commands),
                View::Compare => ui::compare::ui(ui, self, &mut commands),
                View::Salaries => ui::salaries::ui(ui, self, &mut commands),
            }
        });
        ui::about::window(&ctx, self, &mut commands);
        ui::shortcuts::window(&ctx, self, &mut commands);
        ui::datasets::window(&ctx, self, &mut commands);
        ui::import::review_window(&ctx, self, &mut commands);
        let (mut query, mut chosen) = std::mem::take(&mut self.palette);
        ui::palette::window(&ctx, self, &mut query, &mut chosen, &mut commands);
        self.palette = (query, chosen);
        ui::import::drop_hint(&ctx);
        // Ctrl+plus/minus/0 zoom (egui's own shortcuts); remembered across restarts.
        self.settings.zoom = ctx.zoom_factor();

        for c in commands {
            self.apply(&ctx, c);
        }
        crate::fonts::after_frame(&ctx); // issue 14 hook
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
                    entry.name, entry.source_file
                )));
                continue;
            }
        };
        let stem = std::path::Path::new(&entry.source_file)
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
                "The saved copy of “{}” is damaged ({} errors) and was not loaded. Import it again from {}.",
                entry.name,
                outcome.error_count(),
                entry.source_file
            ))),
        }
    }
    out
}

impl eframe::App for CareerAtlasApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frame_ui(ui);
    }

    fn save(&mut self, _storage: &mut dyn eframe::Storage) {
        self.save_settings();
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.forget_removed();
    }
}
