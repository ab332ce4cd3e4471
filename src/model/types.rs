//! The in-memory shape of a role dataset (format `career-atlas/1`).
//!
//! These types are the format: [`crate::model::format`] reads files straight
//! into them with their `Deserialize` impls, then checks its rules over them.
//! They refuse unknown fields, so that one `serde_json` pass tells a clean
//! file from one with something to report (the reader then warns about the
//! field and reads on); `null` is refused too. They are
//! `Serialize` so a dataset can be written back out (imported copies, round-trip
//! tests), and, with the `dev` feature, `JsonSchema`, so the published schema is
//! generated from the very types the reader fills.

use std::sync::Arc;

#[cfg(feature = "dev")]
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::format::de::present;

/// The format tag every dataset object carries.
pub const FORMAT_TAG: &str = "career-atlas/1";

/// A whole dataset: metadata, an optional technology catalog and its roles.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "dev", derive(JsonSchema))]
#[serde(deny_unknown_fields, expecting = "a dataset object")]
pub struct Dataset {
    /// Where an editor finds the JSON Schema (`"$schema"`); the app does not
    /// read it, and keeps it so a file written back still points there.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "dev", schemars(skip))]
    pub schema: Option<String>,
    /// Always `"career-atlas/1"`.
    pub format: String,
    /// Shown in the dataset list; re-importing a dataset of the same name replaces it.
    pub name: String,
    /// What the dataset covers.
    #[serde(default, deserialize_with = "present", skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Who wrote it.
    #[serde(default, deserialize_with = "present", skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// The dataset's own version label.
    #[serde(default, deserialize_with = "present", skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// Licence of the text and figures.
    #[serde(default, deserialize_with = "present", skip_serializing_if = "Option::is_none")]
    pub license: Option<String>,
    /// Where the facts come from, in one line.
    #[serde(default, deserialize_with = "present", skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// When the facts were collected: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    #[serde(default, deserialize_with = "present", skip_serializing_if = "Option::is_none")]
    pub as_of: Option<String>,
    /// Optional (Career Atlas extension): the sources behind the figures, with dates.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<SourceRef>,
    /// Optional (Career Atlas extension): attribution text a licence requires.
    #[serde(default, deserialize_with = "present", skip_serializing_if = "Option::is_none")]
    pub attribution: Option<String>,
    /// Catalog entries that give technologies stable ids, aliases and demand flags.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub technologies: Vec<Technology>,
    /// Exchange rates for displaying salaries in another currency.
    #[serde(default, deserialize_with = "present", skip_serializing_if = "Option::is_none")]
    pub exchange_rates: Option<ExchangeRates>,
    /// The roles; at least one.
    // Shared with the catalog, which would otherwise hold a second copy of
    // every role (tens of MB at 10,000 roles).
    pub roles: Vec<Arc<Role>>,
}

/// One source of facts named by a dataset (Career Atlas extension).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "dev", derive(JsonSchema))]
#[serde(deny_unknown_fields, expecting = "a source")]
pub struct SourceRef {
    /// Short name, e.g. `"BLS OEWS"`.
    pub name: String,
    /// What exactly was used.
    #[serde(default, deserialize_with = "present", skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// Reference date or version.
    #[serde(default, deserialize_with = "present", skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Publisher page (`http`/`https`).
    #[serde(default, deserialize_with = "present", skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// A technology catalog entry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "dev", derive(JsonSchema))]
#[serde(deny_unknown_fields, expecting = "a technology")]
pub struct Technology {
    /// Stable identifier, e.g. `"postgresql"`.
    pub id: String,
    /// Canonical name, e.g. `"PostgreSQL"`.
    pub name: String,
    /// E.g. `"Database"`.
    #[serde(default, deserialize_with = "present", skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// Other names that mean the same technology, matched case-insensitively.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Flagged as in demand (e.g. O*NET "In Demand").
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub hot: bool,
    /// One line on what it is.
    #[serde(default, deserialize_with = "present", skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Optional (Career Atlas extension): rough hours to learn it well enough
    /// to use at work, for transition-plan estimates.
    #[serde(default, deserialize_with = "present", skip_serializing_if = "Option::is_none")]
    pub effort_hours: Option<f64>,
    /// Optional (Career Atlas extension): the official site or documentation
    /// (`http`/`https`), where a person starts learning it.
    #[serde(default, deserialize_with = "present", skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Optional (Career Atlas extension): whether it is still developed; left
    /// out, it is taken to be active.
    #[serde(default, deserialize_with = "present", skip_serializing_if = "Option::is_none")]
    pub status: Option<TechStatus>,
}

/// Whether a technology is still developed and sold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "dev", derive(JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum TechStatus {
    /// Developed and supported.
    Active,
    /// Still available, but its maker advises against new use (maintenance
    /// only, end of life announced).
    Deprecated,
    /// No longer developed, sold or supported.
    Discontinued,
}

impl TechStatus {
    /// Every status, from current to gone.
    pub const ALL: [Self; 3] = [Self::Active, Self::Deprecated, Self::Discontinued];

    /// The word shown on screen.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Active => "Active",
            Self::Deprecated => "Deprecated",
            Self::Discontinued => "Discontinued",
        }
    }
}

/// Rates for converting salaries: units of each currency per one unit of `base`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "dev", derive(JsonSchema))]
#[serde(deny_unknown_fields, expecting = "exchange rates")]
pub struct ExchangeRates {
    /// ISO 4217 code of the base currency.
    pub base: String,
    /// Date of the rates.
    #[serde(default, deserialize_with = "present", skip_serializing_if = "Option::is_none")]
    pub as_of: Option<String>,
    /// Optional (Career Atlas extension): where the rates come from.
    #[serde(default, deserialize_with = "present", skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Currency code → units per one unit of base.
    pub rates: std::collections::BTreeMap<String, f64>,
}

/// One career role.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "dev", derive(JsonSchema))]
#[serde(deny_unknown_fields, expecting = "a role")]
pub struct Role {
    /// Where an editor finds the JSON Schema (`"$schema"`); the app does not
    /// read it, and keeps it so a file written back still points there.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "dev", schemars(skip))]
    pub schema: Option<String>,
    /// `^[a-z0-9]+(-[a-z0-9]+)*$`, unique in its dataset.
    pub id: String,
    /// E.g. `"Backend Developer"`.
    pub title: String,
    /// Groups roles in the list.
    #[serde(default, deserialize_with = "present", skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// One or two sentences.
    #[serde(default, deserialize_with = "present", skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// Longer text; paragraphs are separated by a blank line.
    #[serde(default, deserialize_with = "present", skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// What the role does.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub responsibilities: Vec<String>,
    /// A typical day.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub day_in_the_life: Vec<DayEntry>,
    /// Typical routes into the role.
    #[serde(default, deserialize_with = "present", skip_serializing_if = "Option::is_none")]
    pub education: Option<String>,
    /// The technology checklist: group name → technologies, in the order written.
    #[serde(default, skip_serializing_if = "Vec::is_empty", with = "stack_serde")]
    #[cfg_attr(
        feature = "dev",
        schemars(with = "std::collections::BTreeMap<String, Vec<TechRef>>")
    )]
    pub stack: Vec<StackGroup>,
    /// One table per region.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub salary: Vec<SalaryTable>,
    /// Optional (Career Atlas extension): why there is no salary table.
    #[serde(default, deserialize_with = "present", skip_serializing_if = "Option::is_none")]
    pub salary_note: Option<String>,
    /// Optional (Career Atlas extension): employment outlook with its source.
    #[serde(default, deserialize_with = "present", skip_serializing_if = "Option::is_none")]
    pub outlook: Option<Outlook>,
    /// Ids of related roles (this dataset first, then any loaded dataset).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<String>,
    /// Further reading (`http`/`https` only).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Link>,
    /// Extra search words.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
}

/// One named group of the stack checklist.
#[derive(Debug, Clone, PartialEq)]
pub struct StackGroup {
    /// E.g. `"Databases"`.
    pub name: String,
    /// The technologies of the group, in the order written.
    pub items: Vec<TechRef>,
}

/// A technology named in a role's stack.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "dev", derive(JsonSchema))]
#[serde(
    deny_unknown_fields,
    expecting = "a technology object like {\"name\": \"Kafka\", \"priority\": \"common\"}"
)]
pub struct TechRef {
    /// A technology name, id or alias.
    pub name: String,
    /// How much the role relies on it; a plain string in the file means `core`.
    #[serde(default)]
    pub priority: Priority,
    /// A short remark, e.g. "for performance-critical services".
    #[serde(default, deserialize_with = "present", skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// How much a role relies on a technology.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[cfg_attr(feature = "dev", derive(JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Priority {
    /// Nearly every job in the role asks for it.
    #[default]
    Core,
    /// Many teams use it.
    Common,
    /// Useful in some teams.
    Optional,
}

impl Priority {
    /// All priorities, most important first.
    pub const ALL: [Self; 3] = [Self::Core, Self::Common, Self::Optional];

    /// The word used in files and on screen.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Core => "Core",
            Self::Common => "Common",
            Self::Optional => "Optional",
        }
    }
}

/// An entry of "a day in the life".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "dev", derive(JsonSchema))]
#[serde(deny_unknown_fields, expecting = "an entry like {\"when\": \"Morning\", \"what\": \"…\"}")]
pub struct DayEntry {
    /// E.g. `"Morning"`.
    pub when: String,
    /// What happens then.
    pub what: String,
}

/// A link to further reading.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "dev", derive(JsonSchema))]
#[serde(deny_unknown_fields, expecting = "a link like {\"title\": \"…\", \"url\": \"https://…\"}")]
pub struct Link {
    /// Link text.
    pub title: String,
    /// `http` or `https` address.
    pub url: String,
}

/// Salary figures for one region.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "dev", derive(JsonSchema))]
#[serde(deny_unknown_fields, expecting = "a salary table")]
pub struct SalaryTable {
    /// E.g. `"United States"`.
    pub region: String,
    /// ISO 4217 code.
    pub currency: String,
    /// Pay period of the figures.
    #[serde(default)]
    pub period: Period,
    /// Where the figures come from.
    #[serde(default, deserialize_with = "present", skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// When the figures were collected.
    #[serde(default, deserialize_with = "present", skip_serializing_if = "Option::is_none")]
    pub as_of: Option<String>,
    /// Optional (Career Atlas extension): caveats, e.g. that an occupation is a proxy.
    #[serde(default, deserialize_with = "present", skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Levels in seniority order; at least one.
    pub levels: Vec<Level>,
}

/// Pay period of salary figures.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "dev", derive(JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Period {
    /// Per year (the default).
    #[default]
    Year,
    /// Per month.
    Month,
    /// Per hour.
    Hour,
}

impl Period {
    /// The word used in files.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Year => "year",
            Self::Month => "month",
            Self::Hour => "hour",
        }
    }

    /// How a figure of this period reads on screen ("per year").
    #[must_use]
    pub fn per(self) -> &'static str {
        match self {
            Self::Year => "per year",
            Self::Month => "per month",
            Self::Hour => "per hour",
        }
    }
}

/// One level (or a survey's "All levels") of a salary table.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "dev", derive(JsonSchema))]
#[serde(deny_unknown_fields, expecting = "a salary level")]
pub struct Level {
    /// E.g. `"Junior"`, `"Senior"`, `"All levels"`.
    pub level: String,
    /// Lowest figure of the range.
    #[serde(default, deserialize_with = "present", skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    /// 10th percentile.
    #[serde(default, deserialize_with = "present", skip_serializing_if = "Option::is_none")]
    pub p10: Option<f64>,
    /// 25th percentile.
    #[serde(default, deserialize_with = "present", skip_serializing_if = "Option::is_none")]
    pub p25: Option<f64>,
    /// Median.
    #[serde(default, deserialize_with = "present", skip_serializing_if = "Option::is_none")]
    pub median: Option<f64>,
    /// 75th percentile.
    #[serde(default, deserialize_with = "present", skip_serializing_if = "Option::is_none")]
    pub p75: Option<f64>,
    /// 90th percentile.
    #[serde(default, deserialize_with = "present", skip_serializing_if = "Option::is_none")]
    pub p90: Option<f64>,
    /// Highest figure of the range.
    #[serde(default, deserialize_with = "present", skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    /// The top figure means "and above".
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub open_ended: bool,
    /// A remark on this level.
    #[serde(default, deserialize_with = "present", skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Level {
    /// The figures in their required order, with their field names.
    #[must_use]
    pub fn figures(&self) -> [(&'static str, Option<f64>); 7] {
        [
            ("min", self.min),
            ("p10", self.p10),
            ("p25", self.p25),
            ("median", self.median),
            ("p75", self.p75),
            ("p90", self.p90),
            ("max", self.max),
        ]
    }

    /// The lowest figure given.
    #[must_use]
    pub fn lowest(&self) -> Option<f64> {
        self.figures().iter().find_map(|(_, v)| *v)
    }

    /// The highest figure given.
    #[must_use]
    pub fn highest(&self) -> Option<f64> {
        self.figures().iter().rev().find_map(|(_, v)| *v)
    }

    /// True when the level carries any percentile (a survey distribution).
    #[must_use]
    pub fn has_percentiles(&self) -> bool {
        self.p10.is_some() || self.p25.is_some() || self.p75.is_some() || self.p90.is_some()
    }
}

/// Employment outlook of the occupation closest to a role (Career Atlas extension).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "dev", derive(JsonSchema))]
#[serde(deny_unknown_fields, expecting = "an outlook")]
pub struct Outlook {
    /// Occupation code and title, e.g. `"15-1252 Software Developers"`.
    #[serde(default, deserialize_with = "present", skip_serializing_if = "Option::is_none")]
    pub occupation: Option<String>,
    /// Projection period, e.g. `"2024–34"`.
    #[serde(default, deserialize_with = "present", skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    /// Projected employment change over the period, in percent.
    #[serde(default, deserialize_with = "present", skip_serializing_if = "Option::is_none")]
    pub growth_pct: Option<f64>,
    /// Projected openings per year.
    #[serde(default, deserialize_with = "present", skip_serializing_if = "Option::is_none")]
    pub openings_per_year: Option<f64>,
    /// Typical education needed for entry.
    #[serde(default, deserialize_with = "present", skip_serializing_if = "Option::is_none")]
    pub entry_education: Option<String>,
    /// Work experience in a related occupation typically needed.
    #[serde(default, deserialize_with = "present", skip_serializing_if = "Option::is_none")]
    pub work_experience: Option<String>,
    /// Where the figures come from.
    #[serde(default, deserialize_with = "present", skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Caveats, e.g. that the occupation is a proxy.
    #[serde(default, deserialize_with = "present", skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// The stack is an ordered JSON object; keep the file's group order when
/// reading and writing, and read each entry in either of its two forms.
mod stack_serde {
    use super::{StackGroup, TechRef};
    use serde::de::{MapAccess, Visitor};
    use serde::ser::SerializeMap;
    use serde::{Deserialize, Deserializer, Serializer};
    use std::fmt;

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<StackGroup>, D::Error> {
        struct Groups;
        impl<'de> Visitor<'de> for Groups {
            type Value = Vec<StackGroup>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("the stack: an object whose keys are group names and whose values are lists of technologies")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut groups: Vec<StackGroup> = Vec::new();
                while let Some((name, items)) = map.next_entry::<String, Vec<Entry>>()? {
                    // The reader warns about a key written twice and reads
                    // the last one; it never hands this visitor both.
                    if groups.iter().any(|g| g.name == name) {
                        return Err(serde::de::Error::custom("a stack group written twice"));
                    }
                    let items = items.into_iter().map(|e| e.0).collect();
                    groups.push(StackGroup { name, items });
                }
                Ok(groups)
            }
        }
        d.deserialize_map(Groups)
    }

    /// A stack entry: a plain name (priority `core`) or a [`TechRef`] object.
    struct Entry(TechRef);

    impl<'de> Deserialize<'de> for Entry {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            struct V;
            impl<'de> Visitor<'de> for V {
                type Value = Entry;
                fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                    f.write_str("a technology: a name in quotes or an object like {\"name\": \"Kafka\", \"priority\": \"common\"}")
                }
                fn visit_str<E: serde::de::Error>(self, name: &str) -> Result<Entry, E> {
                    Ok(Entry(TechRef {
                        name: name.to_string(),
                        priority: super::Priority::Core,
                        note: None,
                    }))
                }
                fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Entry, A::Error> {
                    TechRef::deserialize(serde::de::value::MapAccessDeserializer::new(map))
                        .map(Entry)
                }
            }
            d.deserialize_any(V)
        }
    }

    #[allow(clippy::ptr_arg)] // serde's `with` hands us the field as declared
    pub fn serialize<S: Serializer>(groups: &Vec<StackGroup>, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(groups.len()))?;
        for g in groups {
            map.serialize_entry(&g.name, &g.items)?;
        }
        map.end()
    }
}
