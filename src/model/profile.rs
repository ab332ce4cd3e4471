//! The person's skill profile: how well they know each technology, keyed by
//! technology identity (never by position), so it survives dataset updates.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::catalog::{Catalog, RoleEntry, TechInfo};
use super::types::Priority;

/// Current version of the saved profile format.
pub const PROFILE_VERSION: u32 = 1;

/// How well a person knows a technology.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Proficiency {
    /// Not learned yet.
    #[default]
    NotYet,
    /// Learning it now.
    Learning,
    /// Has used it (what a tick means).
    UsedIt,
    /// Uses it at work.
    AtWork,
    /// Could teach it.
    CouldTeach,
}

impl Proficiency {
    /// All steps, lowest first.
    pub const ALL: [Self; 5] = [
        Self::NotYet,
        Self::Learning,
        Self::UsedIt,
        Self::AtWork,
        Self::CouldTeach,
    ];

    /// On-screen label.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::NotYet => "Not yet",
            Self::Learning => "Learning",
            Self::UsedIt => "Used it",
            Self::AtWork => "Use it at work",
            Self::CouldTeach => "Could teach it",
        }
    }

    /// True when this counts as a tick on the checklist.
    #[must_use]
    pub fn is_ticked(self) -> bool {
        self >= Self::UsedIt
    }
}

/// What the person said about one technology.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Skill {
    /// How well they know it.
    pub level: Proficiency,
    /// A personal note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The display name when it was last set, so the file stays readable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// The whole profile, as saved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Profile {
    /// Format version of the saved file.
    pub version: u32,
    /// Technology key (catalog id or lower-case name) → skill.
    #[serde(default)]
    pub skills: BTreeMap<String, Skill>,
}

impl Default for Profile {
    fn default() -> Self {
        Self {
            version: PROFILE_VERSION,
            skills: BTreeMap::new(),
        }
    }
}

/// Ticked counts of a set of technologies.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Progress {
    /// Core technologies ticked.
    pub core_done: usize,
    /// Core technologies in all.
    pub core_total: usize,
    /// Technologies ticked.
    pub done: usize,
    /// Technologies in all.
    pub total: usize,
}

impl Progress {
    /// "Core: 5 of 9 · All: 8 of 17"
    #[must_use]
    pub fn label(&self) -> String {
        format!(
            "Core: {} of {} · All: {} of {}",
            self.core_done, self.core_total, self.done, self.total
        )
    }
}

impl Profile {
    /// The skill recorded for a technology, found by its key or any of its names
    /// (a dataset update that gives a technology a catalog id keeps old ticks).
    #[must_use]
    pub fn skill(&self, tech: &TechInfo) -> Option<&Skill> {
        self.skills.get(&tech.key).or_else(|| {
            std::iter::once(&tech.name)
                .chain(&tech.aliases)
                .find_map(|n| self.skills.get(&n.to_lowercase()))
        })
    }

    /// The proficiency for a technology (`NotYet` when unknown).
    #[must_use]
    pub fn level(&self, tech: &TechInfo) -> Proficiency {
        self.skill(tech).map_or(Proficiency::NotYet, |s| s.level)
    }

    /// True when the technology is ticked.
    #[must_use]
    pub fn is_ticked(&self, tech: &TechInfo) -> bool {
        self.level(tech).is_ticked()
    }

    /// Sets the proficiency, keeping any note; stores under the technology's key.
    pub fn set_level(&mut self, tech: &TechInfo, level: Proficiency) {
        let mut skill = self.take(tech).unwrap_or_default();
        skill.level = level;
        skill.name = Some(tech.name.clone());
        if skill.level == Proficiency::NotYet && skill.note.as_deref().is_none_or(str::is_empty) {
            return;
        }
        self.skills.insert(tech.key.clone(), skill);
    }

    /// Sets (or with an empty text, clears) the personal note, keeping the level.
    pub fn set_note(&mut self, tech: &TechInfo, note: &str) {
        let mut skill = self.take(tech).unwrap_or_default();
        skill.note = (!note.trim().is_empty()).then(|| note.to_string());
        skill.name = Some(tech.name.clone());
        if skill.level == Proficiency::NotYet && skill.note.is_none() {
            return;
        }
        self.skills.insert(tech.key.clone(), skill);
    }

    /// Merges another profile into this one: the higher proficiency wins, and
    /// both notes are kept when they differ.
    pub fn merge(&mut self, other: &Profile) {
        for (key, theirs) in &other.skills {
            let merged = match self.skills.get(key) {
                None => theirs.clone(),
                Some(mine) => Skill {
                    level: mine.level.max(theirs.level),
                    note: match (&mine.note, &theirs.note) {
                        (Some(a), Some(b)) if !a.lines().any(|l| l == b) => {
                            Some(format!("{a}\n{b}"))
                        }
                        (Some(a), _) => Some(a.clone()),
                        (None, b) => b.clone(),
                    },
                    name: mine.name.clone().or_else(|| theirs.name.clone()),
                },
            };
            self.skills.insert(key.clone(), merged);
        }
    }

    /// Ticks or unticks: a tick means "Used it" unless a higher level is set.
    pub fn set_ticked(&mut self, tech: &TechInfo, ticked: bool) {
        let current = self.level(tech);
        if ticked && !current.is_ticked() {
            self.set_level(tech, Proficiency::UsedIt);
        } else if !ticked && current.is_ticked() {
            self.set_level(tech, Proficiency::NotYet);
        }
    }

    /// Removes the entry under any of the technology's names.
    fn take(&mut self, tech: &TechInfo) -> Option<Skill> {
        if let Some(s) = self.skills.remove(&tech.key) {
            return Some(s);
        }
        let names: Vec<String> = std::iter::once(&tech.name)
            .chain(&tech.aliases)
            .map(|n| n.to_lowercase())
            .collect();
        names.iter().find_map(|n| self.skills.remove(n))
    }

    /// Progress over a role's whole stack.
    #[must_use]
    pub fn role_progress(&self, catalog: &Catalog, role: &RoleEntry) -> Progress {
        self.progress(catalog, role.techs().map(|i| (i.tech, i.priority)))
    }

    /// Progress over any list of technologies with priorities.
    pub fn progress(
        &self,
        catalog: &Catalog,
        items: impl Iterator<Item = (super::catalog::TechId, Priority)>,
    ) -> Progress {
        let mut p = Progress::default();
        for (tech, priority) in items {
            let ticked = self.is_ticked(catalog.tech(tech));
            p.total += 1;
            p.done += usize::from(ticked);
            if priority == Priority::Core {
                p.core_total += 1;
                p.core_done += usize::from(ticked);
            }
        }
        p
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tech(key: &str, name: &str, aliases: &[&str]) -> TechInfo {
        TechInfo {
            key: key.into(),
            name: name.into(),
            category: None,
            description: None,
            hot: false,
            aliases: aliases.iter().map(|s| (*s).to_string()).collect(),
            effort_hours: None,
            url: None,
            status: None,
        }
    }

    #[test]
    fn a_tick_made_before_a_catalog_existed_survives_the_catalog() {
        let mut p = Profile::default();
        p.set_ticked(&tech("postgres", "Postgres", &[]), true);
        let with_catalog = tech("postgresql", "PostgreSQL", &["Postgres"]);
        assert!(p.is_ticked(&with_catalog));
        // Changing it moves the entry to the new key instead of duplicating it.
        p.set_level(&with_catalog, Proficiency::AtWork);
        assert_eq!(p.skills.len(), 1);
        assert!(p.skills.contains_key("postgresql"));
    }

    #[test]
    fn unticking_keeps_a_note_but_drops_an_empty_entry() {
        let t = tech("go", "Go", &[]);
        let mut p = Profile::default();
        p.set_ticked(&t, true);
        p.set_ticked(&t, false);
        assert!(p.skills.is_empty());
        p.skills.insert(
            "go".into(),
            Skill {
                level: Proficiency::AtWork,
                note: Some("side project".into()),
                name: None,
            },
        );
        p.set_ticked(&t, false);
        assert_eq!(p.skills["go"].note.as_deref(), Some("side project"));
        assert!(!p.is_ticked(&t));
    }

    #[test]
    fn merge_keeps_the_higher_level_and_both_notes() {
        let mut a = Profile::default();
        let mut b = Profile::default();
        let go = tech("go", "Go", &[]);
        let rust = tech("rust", "Rust", &[]);
        a.set_level(&go, Proficiency::AtWork);
        a.set_note(&go, "day job");
        b.set_level(&go, Proficiency::Learning);
        b.set_note(&go, "course");
        b.set_level(&rust, Proficiency::CouldTeach);
        a.merge(&b);
        assert_eq!(a.level(&go), Proficiency::AtWork);
        assert_eq!(a.skills["go"].note.as_deref(), Some("day job\ncourse"));
        assert_eq!(a.level(&rust), Proficiency::CouldTeach);
        // Merging the same profile again changes nothing.
        let once = a.clone();
        a.merge(&b);
        assert_eq!(a, once);
    }

    #[test]
    fn ticking_keeps_a_higher_level() {
        let t = tech("rust", "Rust", &[]);
        let mut p = Profile::default();
        p.set_level(&t, Proficiency::CouldTeach);
        p.set_ticked(&t, true);
        assert_eq!(p.level(&t), Proficiency::CouldTeach);
    }
}
