//! The panels: one module per panel or window. A panel reads a narrow,
//! read-only [`ViewCx`] built by the app once per frame and answers with
//! [`Command`]s; the app applies them in one place. So a panel never changes the
//! app's state, never writes to disk and never imports the app type. What only
//! a panel cares about (the palette's query, the salary ranking, the list rows)
//! lives in that panel's own struct, in the spirit of `egui_demo_lib`'s `View`.

pub mod about;
pub mod authoring;
pub mod best_fit;
pub mod compare;
pub mod datasets;
pub mod import;
pub mod level_control;
pub mod my_skills;
pub mod palette;
pub mod paste_reading;
pub mod pay_section;
pub mod plan;
pub mod quick_facts;
pub mod quick_start;
pub mod role_detail;
pub mod role_list;
pub mod salaries;
pub mod salary_chart;
pub mod share_menu;
pub mod shortcuts;
pub mod skills_input;
pub mod stack_checklist;
pub mod tech_page;
pub mod text;
pub mod theme;
pub mod top_bar;

pub use import::PendingReview;

use crate::model::fit::Opener;
use crate::model::pay_index::PayIndex;
use crate::model::profile::{Proficiency, Profile};
use crate::model::search::SearchIndex;
use crate::model::{Catalog, RoleIdx, TechId};
use crate::state::{Settings, ThemeChoice, View};

/// What the panels may read in one frame: borrowed from the app, read-only,
/// built once per frame. Background work shows up as plain values.
pub struct ViewCx<'a> {
    /// All loaded datasets, merged.
    pub catalog: &'a Catalog,
    /// Search haystacks of the catalog.
    pub index: &'a SearchIndex,
    /// What the catalog's pay figures say together (built with the catalog).
    pub pay: &'a PayIndex,
    /// The person's skills.
    pub profile: &'a Profile,
    /// Changes whenever `profile` does (a level, a tick, a note, a merge),
    /// so a panel can keep what it derives from it until then.
    pub profile_version: u64,
    /// Each technology's credit towards fit (by `TechId`).
    pub credits: &'a [f32],
    /// Each role's fit, 0–1 (by `RoleIdx`); `None` for roles without a stack.
    pub fits: &'a [Option<f32>],
    /// Changes whenever `credits`, `fits`, `fit_order` or `openers` do, so a
    /// panel can keep what it derives from them until then.
    pub fit_version: u64,
    /// Roles ranked by fit, best first.
    pub fit_order: &'a [RoleIdx],
    /// What would open the most roles, best first.
    pub openers: &'a [Opener],
    /// Saved choices: view, search text, theme, plan, comparison…
    pub settings: &'a Settings,
    /// The role in the detail panel.
    pub selected: Option<RoleIdx>,
    /// The technology on the technology page.
    pub tech: Option<TechId>,
    /// Changes whenever `catalog` does, so a panel can keep what it derives
    /// from the catalog (a text matcher, a ranking) until then.
    pub catalog_version: u64,
    /// The roles the list shows for the current search, in its order.
    pub in_view: &'a [RoleIdx],
    /// Changes whenever `in_view` does, so a view can keep what it derives
    /// from it until then.
    pub in_view_version: u64,
    /// Which salary table of the selected role the person picked; `None`:
    /// the most telling one ([`PayIndex::default_table`]).
    pub salary_table: Option<usize>,
    /// The open dialog window, if any.
    pub dialog: Option<Dialog>,
    /// True when Back would go somewhere.
    pub can_go_back: bool,
    /// True when Forward would go somewhere.
    pub can_go_forward: bool,
    /// Messages shown at the top of the window.
    pub notices: &'a [Notice],
    /// Names of the files being read for import now.
    pub imports_in_flight: &'a [String],
    /// True while a file dialog is open.
    pub file_dialog_open: bool,
    /// What the file dialog the app waits for asks, if one is pending.
    pub pending_dialog: Option<&'a str>,
    /// The name of the dataset removed last this session, if any (for Undo).
    pub last_removed: Option<&'a str>,
    /// The oldest checked file waiting for the person, if any.
    pub review: Option<&'a PendingReview>,
    /// How many more checked files wait behind it.
    pub reviews_waiting: usize,
    /// Watch mode: each watched dataset's state, and the problems of the
    /// last save of a watched file.
    pub authoring: &'a authoring::Authoring,
}

/// Something a panel asks the app to do.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Show a role, remembering the current one for Back.
    Open(RoleIdx),
    /// Show a technology's page, remembering the current place for Back.
    OpenTech(TechId),
    /// Set many levels at once (quick start, a pasted CV): one profile
    /// change, one fit recompute, one save.
    SetLevels(Vec<(TechId, Proficiency)>),
    /// Go back to the previous role or technology.
    Back,
    /// Undo a Back.
    Forward,
    /// Tick or untick a technology everywhere.
    SetTicked(TechId, bool),
    /// Set how well the person knows a technology.
    SetLevel(TechId, Proficiency),
    /// Set the person's note on a technology.
    SetNote(TechId, String),
    /// Show another view in the central panel.
    ShowView(View),
    /// Order the role list by fit (or by category).
    SetSortByFit(bool),
    /// Open the transition plan from a role (`None`: my skills) to a role.
    PlanMove {
        /// Starting role, or `None` for "my skills".
        from: Option<RoleIdx>,
        /// Target role.
        to: RoleIdx,
    },
    /// Hours a week for plan estimates.
    SetHoursPerWeek(f32),
    /// Add a role to the comparison.
    AddToCompare(RoleIdx),
    /// Remove the n-th role from the comparison.
    RemoveFromCompare(usize),
    /// Copy text to the clipboard: what it is, and the text.
    CopyText(&'static str, String),
    /// Save the chart in this screen rectangle (points) as a PNG file.
    SaveChartPng(egui::Rect),
    /// Save text to a file chosen in a dialog: what it is, default name, text.
    SaveText(&'static str, &'static str, String),
    /// Save the skill profile to a file chosen in a dialog.
    ExportProfile,
    /// Merge a profile file chosen in a dialog.
    ImportProfile,
    /// Set the search text (typed in the search box).
    SetSearch(String),
    /// Empty the search box and put the keyboard focus in it.
    ClearSearch,
    /// Put the keyboard focus in the search box.
    FocusSearch,
    /// Select the role `n` rows below (negative: above) in the list.
    MoveSelection(isize),
    /// Show another salary table of the selected role.
    SelectSalaryTable(usize),
    /// Change the theme.
    SetTheme(ThemeChoice),
    /// Open a dialog window, or close it with `None`.
    ShowDialog(Option<Dialog>),
    /// Remove a notice.
    DismissNotice(usize),
    /// Show the native file dialog to import files.
    OpenImportDialog,
    /// Stop waiting for a file dialog that does not answer.
    CancelFileDialog,
    /// Import the file shown in the preview.
    ConfirmImport,
    /// Close the preview or error report without importing.
    DismissReview,
    /// Show or hide a dataset's roles (index into the catalog's datasets).
    SetDatasetVisible(usize, bool),
    /// Remove an imported dataset (undoable this session).
    RemoveDataset(usize),
    /// Bring back the last removed dataset.
    UndoRemove,
    /// Read an imported dataset's source file again.
    Reimport(usize),
    /// Close the window.
    Quit,
    /// Turn watch mode on or off for an imported dataset (index into the
    /// catalog's datasets).
    SetWatch(usize, bool),
    /// Read a watched dataset's source file again now (where watching failed).
    ReloadDataset(usize),
    /// Hide the problems of a watched file (by dataset name) until its next save.
    HideFileProblems(String),
    /// Write a starter role file where the person chooses, then watch it.
    NewRoleFile,
    /// Save roles as a role file chosen in a dialog.
    SaveRoles(RoleScope),
    /// Read this file for import, as if dropped on the window (the preview
    /// follows).
    ImportFile(std::path::PathBuf),
}

/// Which roles "Save as role file…" writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoleScope {
    /// One role.
    Role(RoleIdx),
    /// The roles the list shows now (after a search).
    InView,
    /// A whole dataset, as it is (index into the catalog's datasets).
    Dataset(usize),
}

/// The dialog windows; one is open at a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialog {
    /// "About the data".
    About,
    /// The keyboard shortcuts.
    Shortcuts,
    /// The loaded datasets.
    Datasets,
    /// The command palette.
    Palette,
    /// "What have you worked with?": chips of the most listed technologies.
    QuickStart,
}

/// How serious a notice is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeKind {
    /// Something worked.
    Info,
    /// Something did not work as the person would expect.
    Warning,
}

/// A message shown in a bar at the top of the window until dismissed.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    /// Info or warning.
    pub kind: NoticeKind,
    /// The message.
    pub text: String,
    /// A button beside it that does what the message suggests: its label,
    /// and the command (the notice goes once it is pressed).
    pub action: Option<(&'static str, Command)>,
}

impl Notice {
    /// A warning notice.
    #[must_use]
    pub fn warning(text: impl Into<String>) -> Self {
        Self {
            kind: NoticeKind::Warning,
            text: text.into(),
            action: None,
        }
    }

    /// An informational notice.
    #[must_use]
    pub fn info(text: impl Into<String>) -> Self {
        Self {
            kind: NoticeKind::Info,
            text: text.into(),
            action: None,
        }
    }

    /// The notice with a button that does what it suggests.
    #[must_use]
    pub fn with_action(mut self, label: &'static str, command: Command) -> Self {
        self.action = Some((label, command));
        self
    }
}
