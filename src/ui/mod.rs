//! The panels. Each reads state and returns [`Command`]s; only
//! [`crate::app::CareerAtlasApp::apply`] changes state.

pub mod about;
pub mod best_fit;
pub mod compare;
pub mod datasets;
pub mod export;
pub mod import;
pub mod my_skills;
pub mod palette;
pub mod plan;
pub mod role_detail;
pub mod role_list;
pub mod salaries;
pub mod salary_chart;
pub mod shortcuts;
pub mod stack_checklist;
pub mod theme;
pub mod top_bar;

use crate::model::profile::Proficiency;
use crate::model::{RoleIdx, TechId};
use crate::state::{ThemeChoice, View};

/// Something a panel asks the app to do.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Show a role, remembering the current one for Back.
    Open(RoleIdx),
    /// Go back to the previous role.
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
    /// Change the choices of the Salaries view.
    SetSalaryView(salaries::SalaryView),
    /// Save the chart in this screen rectangle (points) as a PNG file.
    SaveChartPng(egui::Rect),
    /// Save text to a file chosen in a dialog: what it is, default name, text.
    SaveText(&'static str, &'static str, String),
    /// Save the skill profile to a file chosen in a dialog.
    ExportProfile,
    /// Merge a profile file chosen in a dialog.
    ImportProfile,
    /// The search text was edited.
    SearchChanged,
    /// Empty the search box.
    ClearSearch,
    /// Put the keyboard focus in the search box.
    FocusSearch,
    /// Select the role `n` rows below (negative: above) in the list.
    MoveSelection(isize),
    /// Show another salary table (region) of the selected role.
    SelectSalaryTable(usize),
    /// Change the theme.
    SetTheme(ThemeChoice),
    /// Open a dialog window, or close it with `None`.
    ShowDialog(Option<Dialog>),
    /// Remove a notice.
    DismissNotice(usize),
    /// Show the native file dialog to import files.
    OpenImportDialog,
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
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// Info or warning.
    pub kind: NoticeKind,
    /// The message.
    pub text: String,
}

impl Notice {
    /// A warning notice.
    #[must_use]
    pub fn warning(text: impl Into<String>) -> Self {
        Self {
            kind: NoticeKind::Warning,
            text: text.into(),
        }
    }

    /// An informational notice.
    #[must_use]
    pub fn info(text: impl Into<String>) -> Self {
        Self {
            kind: NoticeKind::Info,
            text: text.into(),
        }
    }
}
