//! The `eframe::App`: owns the state, lays out the panels, and applies the
//! commands the panels return — the one place where state changes.

use std::path::PathBuf;

use crate::model::catalog::{DatasetOrigin, LoadedDataset};
use crate::model::profile::Profile;
use crate::model::search::SearchIndex;
use crate::model::{Catalog, RoleIdx, bundled_dataset};
use crate::state::{SETTINGS_VERSION, Settings, ThemeChoice};
use crate::store::{SETTINGS_FILE, Store, StoreError};
use crate::ui::{self, Command, Dialog, Notice};

/// How the app is started.
#[derive(Debug, Clone, Default)]
pub struct AppConfig {
    /// Where the profile and settings live; `None` keeps everything in memory
    /// (nothing is saved).
    pub data_dir: Option<PathBuf>,
}

/// Runtime state of the role list, rebuilt only when the query or catalog changes.
pub struct ListState {
    /// The query the rows were built for.
    pub query: String,
    /// Rows to show, in order.
    pub rows: Vec<ui::role_list::Row>,
    /// The roles among the rows, in order (for arrow keys).
    pub order: Vec<RoleIdx>,
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
    /// Where things are saved (`None`: in memory only).
    pub store: Option<Store>,
    /// False when the profile on disk must not be overwritten (damaged or newer).
    profile_writable: bool,
    /// The role in the detail panel.
    pub selected: Option<RoleIdx>,
    back: Vec<RoleIdx>,
    forward: Vec<RoleIdx>,
    /// Cached list rows.
    pub list: ListState,
    /// Messages shown at the top of the window.
    pub notices: Vec<Notice>,
    /// Which salary table (region) is shown.
    pub salary_table: usize,
    /// The open dialog window, if any.
    pub dialog: Option<Dialog>,
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
        let app = Self::with_config(config);
        ui::theme::install(&cc.egui_ctx);
        cc.egui_ctx.set_theme(app.settings.theme.preference());
        app
    }

    /// Creates the app state without a window.
    #[must_use]
    pub fn with_config(config: AppConfig) -> Self {
        let store = config.data_dir.map(Store::new);
        let mut notices = Vec::new();
        let (profile, profile_writable) = match store.as_ref().map(Store::load_profile) {
            None => (Profile::default(), true),
            Some(Ok(p)) => (p, true),
            Some(Err(e)) => {
                notices.push(Notice::warning(format!(
                    "Your skill profile could not be loaded, so changes to it will not be saved this session: {e}"
                )));
                (Profile::default(), false)
            }
        };
        let settings = match store
            .as_ref()
            .map(|s| s.read_json::<Settings>(SETTINGS_FILE))
        {
            Some(Ok(Some(s))) if s.version <= SETTINGS_VERSION => s,
            Some(Err(e)) => {
                log::warn!("settings not loaded: {e}");
                Settings::default()
            }
            _ => Settings::default(),
        };
        let catalog = Catalog::new(vec![LoadedDataset {
            dataset: bundled_dataset(),
            origin: DatasetOrigin::Bundled,
            visible: true,
        }]);
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
            store,
            profile_writable,
            selected,
            back: Vec::new(),
            forward: Vec::new(),
            list: ListState {
                query: String::new(),
                rows: Vec::new(),
                order: Vec::new(),
            },
            notices,
            salary_table: 0,
            dialog: None,
            pending: Pending {
                scroll_list_to_selected: true,
                ..Pending::default()
            },
        };
        app.rebuild_list();
        app
    }

    /// Rebuilds the list rows for the current query.
    fn rebuild_list(&mut self) {
        let (rows, order) =
            ui::role_list::build_rows(&self.catalog, &self.index, &self.settings.search);
        self.list = ListState {
            query: self.settings.search.clone(),
            rows,
            order,
        };
    }

    /// Writes the settings file (also called by eframe's periodic save).
    pub fn save_settings(&mut self) {
        self.settings.selected = self.selected.map(|r| self.catalog.role_key(r));
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

    fn report_store_error(&mut self, e: &StoreError) {
        let text = format!("Your changes could not be saved: {e}");
        if !self.notices.iter().any(|n| n.text == text) {
            self.notices.push(Notice::warning(text));
        }
    }

    /// Goes to a role, remembering where we were.
    fn open(&mut self, role: RoleIdx) {
        if self.selected == Some(role) {
            return;
        }
        if let Some(current) = self.selected {
            self.back.push(current);
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

    /// Applies one command from a panel.
    pub fn apply(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::Open(role) => self.open(role),
            Command::Back => {
                if let Some(prev) = self.back.pop() {
                    if let Some(cur) = self.selected {
                        self.forward.push(cur);
                    }
                    self.show(prev);
                }
            }
            Command::Forward => {
                if let Some(next) = self.forward.pop() {
                    if let Some(cur) = self.selected {
                        self.back.push(cur);
                    }
                    self.show(next);
                }
            }
            Command::SetTicked(tech, ticked) => {
                let info = self.catalog.tech(tech).clone();
                self.profile.set_ticked(&info, ticked);
                self.save_profile();
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
            Command::ShowDialog(dialog) => self.dialog = dialog,
            Command::DismissNotice(i) => {
                if i < self.notices.len() {
                    self.notices.remove(i);
                }
            }
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
        let mut commands = ui::shortcuts::read_keys(&ctx);

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
            ui::role_detail::ui(ui, self, to_top, &mut commands);
        });
        ui::about::window(&ctx, self, &mut commands);
        ui::shortcuts::window(&ctx, self, &mut commands);

        for c in commands {
            self.apply(&ctx, c);
        }
    }
}

impl eframe::App for CareerAtlasApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frame_ui(ui);
    }

    fn save(&mut self, _storage: &mut dyn eframe::Storage) {
        self.save_settings();
    }
}
