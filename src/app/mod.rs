//! The `eframe::App`: it owns the state and applies commands — the one place
//! where state changes. Panels (`crate::ui`) read a narrow, read-only
//! [`ViewCx`](crate::ui::ViewCx) and return commands; they never import this
//! module and never write to disk.
//!
//! Split by concern, as rerun's viewer app is:
//! - [`startup`]: reading what was saved, and recovering from what went wrong;
//! - [`persist`]: every disk write of the app, behind a few "mark dirty" calls;
//! - [`library`]: importing files and the dataset library (confirm, remove,
//!   undo, show or hide, re-import);
//! - [`history`]: Back and Forward, and moving through the list;
//! - [`commands`]: [`CareerAtlasApp::apply`], and the results of background jobs;
//! - [`frame`]: the window's layout for one frame;
//! - [`watching`]: watch mode, datasets updated in place when their file is saved;
//! - [`share`]: New role file…, and saving roles as a role file.

mod commands;
mod frame;
mod history;
mod library;
mod persist;
mod share;
mod startup;
mod watching;

use std::path::PathBuf;
use std::sync::Arc;

use crate::jobs::{FilePicker, Jobs};
use crate::model::fit;
use crate::model::pay_index::PayIndex;
use crate::model::profile::Profile;
use crate::model::search::SearchIndex;
use crate::model::{Catalog, RoleIdx, TechId};
use crate::state::{Settings, ThemeChoice};
use crate::ui::{self, Dialog, Notice};

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
    /// Where fallback fonts for other scripts come from.
    pub fonts: crate::fonts::FontSource,
    /// Open the quick start by itself on the first start (no profile yet,
    /// never offered before). The window does so; tests that are not about
    /// the first start leave it off, so no window covers what they click.
    pub first_run_quick_start: bool,
}

/// What follows from the profile and the catalog, kept so no frame recomputes it.
#[derive(Default)]
struct Fit {
    /// Each technology's credit towards fit (by `TechId`).
    credits: Vec<f32>,
    /// Each role's fit (by `RoleIdx`); `None` for roles without a stack.
    fits: Vec<Option<f32>>,
    /// Roles ranked by fit, best first.
    order: Vec<RoleIdx>,
    /// What would open the most roles (My skills): it looks at every
    /// technology of every role.
    openers: Vec<fit::Opener>,
}

/// The panels that keep state of their own between frames.
#[derive(Default)]
struct Panels {
    role_list: ui::role_list::RoleList,
    palette: ui::palette::Palette,
    role_page: ui::role_detail::RolePage,
    salaries: ui::salaries::Salaries,
    skills_input: ui::skills_input::SkillsInput,
    my_skills: ui::my_skills::MySkills,
    tech_page: ui::tech_page::TechPage,
    quick_start: ui::quick_start::QuickStart,
}

/// One-shot requests for the next frame's layout.
#[derive(Debug, Default)]
struct Pending {
    focus_search: bool,
    scroll_list_to_selected: bool,
    scroll_detail_to_top: bool,
}

/// The Career Atlas application.
pub struct CareerAtlasApp {
    /// Saved UI settings.
    settings: Settings,
    /// All loaded datasets, merged.
    catalog: Catalog,
    /// Changes whenever `catalog` does.
    catalog_version: u64,
    /// Search haystacks for the catalog.
    index: SearchIndex,
    /// What the catalog's pay figures say together; rebuilt with the catalog.
    pay: PayIndex,
    /// The person's skills.
    profile: Profile,
    /// Changes whenever `profile` does.
    profile_version: u64,
    fit: Fit,
    /// Changes whenever `fit` does.
    fit_version: u64,
    /// The disk: where things are saved, what is unsaved, what may be written.
    persist: persist::Persistence,
    /// Imported datasets, removals to undo, checked files waiting.
    library: library::Library,
    /// The role in the detail panel.
    selected: Option<RoleIdx>,
    /// The technology on the technology page.
    selected_tech: Option<TechId>,
    history: history::History,
    /// Messages shown at the top of the window.
    notices: Vec<Notice>,
    /// Which salary table of the selected role the person picked (`None`:
    /// the most telling).
    salary_table: Option<usize>,
    /// The open dialog window, if any.
    dialog: Option<Dialog>,
    panels: Panels,
    /// Imports, file dialogs and exports, off the UI thread.
    jobs: Jobs,
    picker: Arc<dyn FilePicker>,
    pending: Pending,
}

impl CareerAtlasApp {
    /// Creates the app for eframe (or a test harness).
    #[must_use]
    pub fn new(cc: &eframe::CreationContext<'_>, config: AppConfig) -> Self {
        let ctx = cc.egui_ctx.clone();
        crate::fonts::install(&ctx, config.fonts.clone());
        let app = Self::with_config(config, Arc::new(move || ctx.request_repaint()));
        ui::theme::install(&cc.egui_ctx);
        cc.egui_ctx.set_theme(app.settings.theme.preference());
        if (0.5..=3.0).contains(&app.settings.zoom) {
            cc.egui_ctx.set_zoom_factor(app.settings.zoom);
        }
        app
    }

    /// All loaded datasets, merged.
    #[must_use]
    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    /// The current theme choice.
    #[must_use]
    pub fn theme(&self) -> ThemeChoice {
        self.settings.theme
    }

    /// The roles the list shows for the current search, in its order.
    #[must_use]
    pub fn roles_in_view(&self) -> &[RoleIdx] {
        self.panels.role_list.order()
    }

    /// The messages at the top of the window.
    #[must_use]
    pub fn notices(&self) -> &[Notice] {
        &self.notices
    }

    /// True while files are being read or a file dialog is open.
    #[must_use]
    pub fn is_busy(&self) -> bool {
        !self.jobs.in_flight().is_empty() || self.jobs.dialog_open()
    }

    /// Recomputes every role's fit after the profile's levels or the catalog
    /// changed (a note changes no fit).
    fn refresh_fit(&mut self) {
        let credits = fit::credits(&self.catalog, &self.profile);
        let fits = fit::all_fits(&self.catalog, &credits);
        let order = fit::ranking(&fits);
        let openers =
            fit::best_openers(&self.catalog, &credits, &fits, ui::my_skills::OPENERS_SHOWN);
        self.fit = Fit {
            credits,
            fits,
            order,
            openers,
        };
        self.fit_version = self.fit_version.wrapping_add(1);
    }

    /// After a tick or a level changed: the fit follows, and the profile is saved.
    fn profile_changed(&mut self) {
        self.mark_profile_dirty();
        self.refresh_fit();
        self.sync_list();
    }

    /// Brings the list's rows up to date with the search, the order and the data.
    fn sync_list(&mut self) {
        self.panels.role_list.sync(
            &self.catalog,
            &self.index,
            &self.fit.fits,
            ui::role_list::ListInputs {
                query: &self.settings.search,
                by_fit: self.settings.sort_by_fit,
                catalog_version: self.catalog_version,
                fit_version: self.fit_version,
            },
        );
    }

    /// Shows `role` (or nothing) in the detail panel; the saved settings follow.
    fn set_selected(&mut self, role: Option<RoleIdx>) {
        self.selected = role;
        self.settings.selected = role.map(|r| self.catalog.role_key(r));
    }
}

impl eframe::App for CareerAtlasApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frame_ui(ui);
    }

    /// eframe's periodic save: hands over what changed, without waiting for
    /// the disk (a dataset copy may still be being written).
    fn save(&mut self, _storage: &mut dyn eframe::Storage) {
        self.hand_over();
    }

    /// Exit: removed datasets' copies go, then everything waits for the disk.
    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.forget_removed();
        self.flush();
    }
}
