//! The UI state that survives a restart, kept apart from runtime caches.

use serde::{Deserialize, Serialize};

use crate::model::RoleKey;

/// Current version of the saved settings format.
pub const SETTINGS_VERSION: u32 = 1;

/// Light, dark, or whatever the desktop uses.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ThemeChoice {
    /// Follow the desktop.
    #[default]
    System,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl ThemeChoice {
    /// All choices, in menu order.
    pub const ALL: [Self; 3] = [Self::System, Self::Light, Self::Dark];

    /// Menu label.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::System => "Follow the system",
            Self::Light => "Light",
            Self::Dark => "Dark",
        }
    }

    /// The egui preference.
    #[must_use]
    pub fn preference(self) -> egui::ThemePreference {
        match self {
            Self::System => egui::ThemePreference::System,
            Self::Light => egui::ThemePreference::Light,
            Self::Dark => egui::ThemePreference::Dark,
        }
    }
}

/// What the central panel shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum View {
    /// The selected role.
    #[default]
    Role,
    /// Every technology the person marked.
    MySkills,
    /// All roles ranked by fit.
    BestFit,
    /// A move from one role (or my skills) to another.
    Plan,
    /// Two to four roles side by side.
    Compare,
    /// Roles ranked by pay.
    Salaries,
    /// One technology's page (not a tab: reached from a technology's name).
    Technology,
}

impl View {
    /// Views in tab order.
    pub const ALL: [Self; 6] = [
        Self::Role,
        Self::MySkills,
        Self::BestFit,
        Self::Plan,
        Self::Compare,
        Self::Salaries,
    ];

    /// Tab label.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Role => "Role",
            Self::MySkills => "My skills",
            Self::BestFit => "Best fit",
            Self::Plan => "Plan a move",
            Self::Compare => "Compare",
            Self::Salaries => "Salaries",
            Self::Technology => "Technology",
        }
    }
}

/// Saved UI settings. Every field has a default, so older files still load.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Format version.
    pub version: u32,
    /// The role shown in the detail panel.
    pub selected: Option<RoleKey>,
    /// The technology on the technology page, by its key.
    pub tech: Option<String>,
    /// The search text.
    pub search: String,
    /// Theme.
    pub theme: ThemeChoice,
    /// What the central panel shows.
    pub view: View,
    /// Order the role list by fit instead of by category.
    pub sort_by_fit: bool,
    /// Hours a week the person can study, for plan estimates.
    pub hours_per_week: f32,
    /// The plan's starting role (`None`: my skills).
    pub plan_from: Option<RoleKey>,
    /// The plan's target role.
    pub plan_to: Option<RoleKey>,
    /// Roles in the comparison, in order.
    pub compare: Vec<RoleKey>,
    /// UI zoom factor.
    pub zoom: f32,
    /// The quick start has opened by itself once; it never does again.
    pub quick_start_offered: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            version: SETTINGS_VERSION,
            selected: None,
            tech: None,
            search: String::new(),
            theme: ThemeChoice::System,
            view: View::Role,
            sort_by_fit: false,
            hours_per_week: 6.0,
            plan_from: None,
            plan_to: None,
            compare: Vec::new(),
            zoom: 1.0,
            quick_start_offered: false,
        }
    }
}
