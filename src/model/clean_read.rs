//! The fast path of [`super::reader::read_dataset`]: a clean file read in one
//! pass, straight into the model.
//!
//! The positioned reader builds a syntax tree so that it can point at every
//! problem; that costs a second parse and a tree as large as the file. Most
//! files have no problem at all: every bundled dataset, every library copy read
//! at start-up, most files people validate. This module reads such a file with
//! `serde_json` into mirror types (unknown and repeated fields refused), then
//! checks on the model every rule the positioned reader checks. It answers
//! `Some` only when the positioned reader would give the same dataset with no
//! diagnostic at all; on anything else (a syntax error, a wrong type, a
//! warning) it answers `None` and the positioned reader runs to say what and
//! where. It never needs to be right about a problem, only about its absence,
//! and `tests/properties.rs` checks exactly that on generated and mutated files.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use std::sync::Arc;

use serde::de::{self, DeserializeOwned, IgnoredAny, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};

use super::reader::{
    MAX_ARRAY_ITEMS, MAX_STRING_BYTES, ReadContext, bare_dataset, is_valid_currency, is_valid_date,
    is_valid_id,
};
use super::types::{
    Dataset, DayEntry, ExchangeRates, FORMAT_TAG, Level, Link, Outlook, Period, Priority, Role,
    SalaryTable, SourceRef, StackGroup, TechRef, Technology,
};

/// Reads `text` when it is a clean dataset object or array of roles: `None`
/// means "let the positioned reader look at it".
#[must_use]
pub fn read_clean(file_stem: &str, text: &str, cx: ReadContext<'_>) -> Option<Dataset> {
    let dataset = match text.trim_start().as_bytes().first()? {
        b'{' => from_json::<RawDataset>(text)?.into_model()?,
        b'[' => {
            let roles: Vec<RawRole> = from_json(text)?;
            if roles.is_empty() || roles.len() > MAX_ARRAY_ITEMS {
                return None;
            }
            let roles = roles
                .into_iter()
                .map(RawRole::into_model)
                .collect::<Option<Vec<_>>>()?;
            bare_dataset(file_stem, roles)
        }
        _ => return None,
    };
    (unique_role_ids(&dataset) && cross_checks_pass(&dataset, cx)).then_some(dataset)
}

fn from_json<T: DeserializeOwned>(text: &str) -> Option<T> {
    serde_json::from_str(text).ok()
}

// ---- the rules, as the positioned reader applies them ----

fn text_ok(s: &str) -> bool {
    s.len() <= MAX_STRING_BYTES
}

fn non_empty(s: &str) -> bool {
    text_ok(s) && !s.trim().is_empty()
}

fn opt_text_ok(s: Option<&String>) -> bool {
    s.is_none_or(|s| text_ok(s))
}

fn opt_date_ok(s: Option<&String>) -> bool {
    s.is_none_or(|s| text_ok(s) && is_valid_date(s))
}

fn url_ok(s: &str) -> bool {
    let lower = s.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    text_ok(s) && rest.is_some_and(|r| !r.is_empty() && !r.contains(char::is_whitespace))
}

fn list_ok<T>(v: &[T], item_ok: impl Fn(&T) -> bool) -> bool {
    v.len() <= MAX_ARRAY_ITEMS && v.iter().all(item_ok)
}

fn amount_ok(x: f64) -> bool {
    x.is_finite() && x >= 0.0
}

fn unique_role_ids(ds: &Dataset) -> bool {
    let mut seen = HashSet::with_capacity(ds.roles.len());
    ds.roles.iter().all(|r| seen.insert(r.id.as_str()))
}

/// Lower-cases without allocating when there is nothing to lower.
fn lower(s: &str) -> Cow<'_, str> {
    if s.bytes().any(|b| !b.is_ascii() || b.is_ascii_uppercase()) {
        Cow::Owned(s.to_lowercase())
    } else {
        Cow::Borrowed(s)
    }
}

/// Which technology a stack entry names. With no name clash in the catalog, a
/// catalog entry is one identity and a name no catalog lists is its own: the
/// same identities the positioned reader compares as lower-cased strings.
#[derive(PartialEq, Eq, Hash)]
enum Identity<'a> {
    Tech(usize),
    Name(Cow<'a, str>),
}

/// The warnings that look across the dataset: a name naming two catalog
/// entries, a technology twice in one stack, a related id defined nowhere.
fn cross_checks_pass(ds: &Dataset, cx: ReadContext<'_>) -> bool {
    let mut names: HashMap<Cow<'_, str>, usize> = HashMap::new();
    for (i, t) in ds.technologies.iter().enumerate() {
        for n in std::iter::once(&t.id)
            .chain(std::iter::once(&t.name))
            .chain(&t.aliases)
        {
            match names.entry(lower(n)) {
                std::collections::hash_map::Entry::Occupied(e) if *e.get() != i => return false,
                std::collections::hash_map::Entry::Occupied(_) => {}
                std::collections::hash_map::Entry::Vacant(e) => {
                    e.insert(i);
                }
            }
        }
    }
    let own_ids: HashSet<&str> = ds.roles.iter().map(|r| r.id.as_str()).collect();
    let mut seen: HashSet<Identity<'_>> = HashSet::new();
    for role in &ds.roles {
        seen.clear();
        for item in role.stack.iter().flat_map(|g| &g.items) {
            let name = lower(&item.name);
            let identity = match names.get(name.as_ref()) {
                Some(&i) => Identity::Tech(i),
                None => Identity::Name(name),
            };
            if !seen.insert(identity) {
                return false;
            }
        }
        let related_known = role.related.iter().all(|id| {
            own_ids.contains(id.as_str()) || cx.known_role_ids.is_some_and(|ids| ids.contains(id))
        });
        if !related_known {
            return false;
        }
    }
    true
}

// ---- mirror types: the file's shape, strictly ----

/// A field that may be left out but, when present, must hold a `T` (the
/// positioned reader refuses `null` where a value is expected).
fn present<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Option<T>, D::Error> {
    T::deserialize(d).map(Some)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDataset {
    #[serde(rename = "$schema", default, deserialize_with = "present")]
    _schema: Option<IgnoredAny>,
    format: String,
    name: String,
    #[serde(default, deserialize_with = "present")]
    description: Option<String>,
    #[serde(default, deserialize_with = "present")]
    author: Option<String>,
    #[serde(default, deserialize_with = "present")]
    version: Option<String>,
    #[serde(default, deserialize_with = "present")]
    license: Option<String>,
    #[serde(default, deserialize_with = "present")]
    source: Option<String>,
    #[serde(default, deserialize_with = "present")]
    as_of: Option<String>,
    #[serde(default)]
    sources: Vec<RawSource>,
    #[serde(default, deserialize_with = "present")]
    attribution: Option<String>,
    #[serde(default)]
    technologies: Vec<RawTechnology>,
    #[serde(default, deserialize_with = "present")]
    exchange_rates: Option<RawRates>,
    roles: Vec<RawRole>,
}

impl RawDataset {
    fn into_model(self) -> Option<Dataset> {
        let ok = self.format == FORMAT_TAG
            && non_empty(&self.name)
            && [
                &self.description,
                &self.author,
                &self.version,
                &self.license,
                &self.source,
                &self.attribution,
            ]
            .into_iter()
            .all(|s| opt_text_ok(s.as_ref()))
            && opt_date_ok(self.as_of.as_ref())
            && list_ok(&self.sources, RawSource::ok)
            && list_ok(&self.technologies, RawTechnology::ok)
            && self.exchange_rates.as_ref().is_none_or(RawRates::ok)
            && !self.roles.is_empty()
            && self.roles.len() <= MAX_ARRAY_ITEMS;
        if !ok {
            return None;
        }
        let roles = self
            .roles
            .into_iter()
            .map(RawRole::into_model)
            .collect::<Option<Vec<_>>>()?;
        Some(Dataset {
            format: self.format,
            name: self.name,
            description: self.description,
            author: self.author,
            version: self.version,
            license: self.license,
            source: self.source,
            as_of: self.as_of,
            sources: self
                .sources
                .into_iter()
                .map(RawSource::into_model)
                .collect(),
            attribution: self.attribution,
            technologies: self
                .technologies
                .into_iter()
                .map(RawTechnology::into_model)
                .collect(),
            exchange_rates: self.exchange_rates.map(RawRates::into_model),
            roles,
        })
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSource {
    name: String,
    #[serde(default, deserialize_with = "present")]
    detail: Option<String>,
    #[serde(default, deserialize_with = "present")]
    date: Option<String>,
    #[serde(default, deserialize_with = "present")]
    url: Option<String>,
}

impl RawSource {
    fn ok(&self) -> bool {
        non_empty(&self.name)
            && opt_text_ok(self.detail.as_ref())
            && opt_text_ok(self.date.as_ref())
            && self.url.as_deref().is_none_or(url_ok)
    }

    fn into_model(self) -> SourceRef {
        SourceRef {
            name: self.name,
            detail: self.detail,
            date: self.date,
            url: self.url,
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTechnology {
    id: String,
    name: String,
    #[serde(default, deserialize_with = "present")]
    category: Option<String>,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    hot: bool,
    #[serde(default, deserialize_with = "present")]
    description: Option<String>,
    #[serde(default, deserialize_with = "present")]
    effort_hours: Option<f64>,
}

impl RawTechnology {
    fn ok(&self) -> bool {
        non_empty(&self.id)
            && non_empty(&self.name)
            && opt_text_ok(self.category.as_ref())
            && list_ok(&self.aliases, |a| text_ok(a))
            && opt_text_ok(self.description.as_ref())
            && self.effort_hours.is_none_or(amount_ok)
    }

    fn into_model(self) -> Technology {
        Technology {
            id: self.id,
            name: self.name,
            category: self.category,
            aliases: self.aliases,
            hot: self.hot,
            description: self.description,
            effort_hours: self.effort_hours,
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRates {
    base: String,
    #[serde(default, deserialize_with = "present")]
    as_of: Option<String>,
    #[serde(default, deserialize_with = "present")]
    source: Option<String>,
    rates: RatePairs,
}

/// The rates as written, repeated codes included: the positioned reader
/// checks every entry (a repeated code with a bad rate is an error there)
/// before the last one of a code wins.
struct RatePairs(Vec<(String, f64)>);

impl<'de> Deserialize<'de> for RatePairs {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct PairsVisitor;
        impl<'de> Visitor<'de> for PairsVisitor {
            type Value = RatePairs;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object of currency rates")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RatePairs, A::Error> {
                let mut pairs = Vec::with_capacity(map.size_hint().unwrap_or(8));
                while let Some(pair) = map.next_entry::<String, f64>()? {
                    pairs.push(pair);
                }
                Ok(RatePairs(pairs))
            }
        }
        d.deserialize_map(PairsVisitor)
    }
}

impl RawRates {
    fn ok(&self) -> bool {
        text_ok(&self.base)
            && is_valid_currency(&self.base)
            && opt_date_ok(self.as_of.as_ref())
            && opt_text_ok(self.source.as_ref())
            && self
                .rates
                .0
                .iter()
                .all(|(code, rate)| is_valid_currency(code) && amount_ok(*rate) && *rate != 0.0)
    }

    fn into_model(self) -> ExchangeRates {
        ExchangeRates {
            base: self.base,
            as_of: self.as_of,
            source: self.source,
            rates: self.rates.0.into_iter().collect::<BTreeMap<_, _>>(),
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRole {
    #[serde(rename = "$schema", default, deserialize_with = "present")]
    _schema: Option<IgnoredAny>,
    id: String,
    title: String,
    #[serde(default, deserialize_with = "present")]
    category: Option<String>,
    #[serde(default, deserialize_with = "present")]
    summary: Option<String>,
    #[serde(default, deserialize_with = "present")]
    description: Option<String>,
    #[serde(default)]
    responsibilities: Vec<String>,
    #[serde(default)]
    day_in_the_life: Vec<RawDay>,
    #[serde(default, deserialize_with = "present")]
    education: Option<String>,
    #[serde(default, deserialize_with = "present")]
    stack: Option<RawStack>,
    #[serde(default, deserialize_with = "present")]
    salary: Option<Vec<RawTable>>,
    #[serde(default, deserialize_with = "present")]
    salary_note: Option<String>,
    #[serde(default, deserialize_with = "present")]
    outlook: Option<RawOutlook>,
    #[serde(default)]
    related: Vec<String>,
    #[serde(default)]
    links: Vec<RawLink>,
    #[serde(default)]
    tags: Vec<String>,
}

impl RawRole {
    fn into_model(self) -> Option<Arc<Role>> {
        let ok = text_ok(&self.id)
            && is_valid_id(&self.id)
            && non_empty(&self.title)
            && [
                &self.category,
                &self.summary,
                &self.description,
                &self.education,
                &self.salary_note,
            ]
            .into_iter()
            .all(|s| opt_text_ok(s.as_ref()))
            && list_ok(&self.responsibilities, |s| text_ok(s))
            && list_ok(&self.day_in_the_life, |d| text_ok(&d.when) && text_ok(&d.what))
            // Neither field is a warning: there is nothing to tick or chart.
            && (self.stack.is_some() || self.salary.is_some())
            && self.stack.as_ref().is_none_or(RawStack::ok)
            && self
                .salary
                .as_ref()
                .is_none_or(|tables| list_ok(tables, RawTable::ok))
            && self.outlook.as_ref().is_none_or(RawOutlook::ok)
            && list_ok(&self.related, |id| text_ok(id) && is_valid_id(id))
            && list_ok(&self.links, |l| text_ok(&l.title) && url_ok(&l.url))
            && list_ok(&self.tags, |s| text_ok(s));
        ok.then(|| {
            Arc::new(Role {
                id: self.id,
                title: self.title,
                category: self.category,
                summary: self.summary,
                description: self.description,
                responsibilities: self.responsibilities,
                day_in_the_life: self
                    .day_in_the_life
                    .into_iter()
                    .map(|d| DayEntry {
                        when: d.when,
                        what: d.what,
                    })
                    .collect(),
                education: self.education,
                stack: self.stack.map(|s| s.0).unwrap_or_default(),
                salary: self
                    .salary
                    .unwrap_or_default()
                    .into_iter()
                    .map(RawTable::into_model)
                    .collect(),
                salary_note: self.salary_note,
                outlook: self.outlook.map(RawOutlook::into_model),
                related: self.related,
                links: self
                    .links
                    .into_iter()
                    .map(|l| Link {
                        title: l.title,
                        url: l.url,
                    })
                    .collect(),
                tags: self.tags,
            })
        })
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDay {
    when: String,
    what: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLink {
    title: String,
    url: String,
}

/// The stack in file order (a JSON object whose order matters).
struct RawStack(Vec<StackGroup>);

impl RawStack {
    fn ok(&self) -> bool {
        self.0.iter().all(|g| {
            text_ok(&g.name)
                && list_ok(&g.items, |t| {
                    non_empty(&t.name) && t.note.as_deref().is_none_or(text_ok)
                })
        })
    }
}

impl<'de> Deserialize<'de> for RawStack {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct StackVisitor;
        impl<'de> Visitor<'de> for StackVisitor {
            type Value = RawStack;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object of technology groups")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawStack, A::Error> {
                let mut groups = Vec::with_capacity(map.size_hint().unwrap_or(4));
                while let Some((name, items)) = map.next_entry::<String, Vec<RawTechRef>>()? {
                    groups.push(StackGroup {
                        name,
                        items: items.into_iter().map(|t| t.0).collect(),
                    });
                }
                Ok(RawStack(groups))
            }
        }
        d.deserialize_map(StackVisitor)
    }
}

/// A stack entry: a name (priority core) or an object.
struct RawTechRef(TechRef);

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTechRefObject {
    name: String,
    #[serde(default)]
    priority: Priority,
    #[serde(default, deserialize_with = "present")]
    note: Option<String>,
}

impl<'de> Deserialize<'de> for RawTechRef {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct RefVisitor;
        impl<'de> Visitor<'de> for RefVisitor {
            type Value = RawTechRef;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a technology name or object")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawTechRef, E> {
                self.visit_string(v.to_string())
            }
            fn visit_string<E: de::Error>(self, name: String) -> Result<RawTechRef, E> {
                Ok(RawTechRef(TechRef {
                    name,
                    priority: Priority::Core,
                    note: None,
                }))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<RawTechRef, A::Error> {
                let o = RawTechRefObject::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(RawTechRef(TechRef {
                    name: o.name,
                    priority: o.priority,
                    note: o.note,
                }))
            }
        }
        d.deserialize_any(RefVisitor)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTable {
    region: String,
    currency: String,
    #[serde(default)]
    period: Period,
    #[serde(default, deserialize_with = "present")]
    source: Option<String>,
    #[serde(default, deserialize_with = "present")]
    as_of: Option<String>,
    #[serde(default, deserialize_with = "present")]
    note: Option<String>,
    levels: Vec<RawLevel>,
}

impl RawTable {
    fn ok(&self) -> bool {
        non_empty(&self.region)
            && text_ok(&self.currency)
            && is_valid_currency(&self.currency)
            && opt_text_ok(self.source.as_ref())
            && opt_date_ok(self.as_of.as_ref())
            && opt_text_ok(self.note.as_ref())
            && !self.levels.is_empty()
            && list_ok(&self.levels, RawLevel::ok)
    }

    fn into_model(self) -> SalaryTable {
        SalaryTable {
            region: self.region,
            currency: self.currency,
            period: self.period,
            source: self.source,
            as_of: self.as_of,
            note: self.note,
            levels: self.levels.into_iter().map(|l| l.0).collect(),
        }
    }
}

/// A salary level; its fields are the model's own.
struct RawLevel(Level);

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLevelFields {
    level: String,
    #[serde(default, deserialize_with = "present")]
    min: Option<f64>,
    #[serde(default, deserialize_with = "present")]
    p10: Option<f64>,
    #[serde(default, deserialize_with = "present")]
    p25: Option<f64>,
    #[serde(default, deserialize_with = "present")]
    median: Option<f64>,
    #[serde(default, deserialize_with = "present")]
    p75: Option<f64>,
    #[serde(default, deserialize_with = "present")]
    p90: Option<f64>,
    #[serde(default, deserialize_with = "present")]
    max: Option<f64>,
    #[serde(default)]
    open_ended: bool,
    #[serde(default, deserialize_with = "present")]
    note: Option<String>,
}

impl<'de> Deserialize<'de> for RawLevel {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let f = RawLevelFields::deserialize(d)?;
        Ok(RawLevel(Level {
            level: f.level,
            min: f.min,
            p10: f.p10,
            p25: f.p25,
            median: f.median,
            p75: f.p75,
            p90: f.p90,
            max: f.max,
            open_ended: f.open_ended,
            note: f.note,
        }))
    }
}

impl RawLevel {
    fn ok(&self) -> bool {
        let l = &self.0;
        let figures = l.figures();
        let given = || figures.iter().filter_map(|(_, v)| *v);
        non_empty(&l.level)
            && l.note.as_deref().is_none_or(text_ok)
            && given().next().is_some()
            && given().all(amount_ok)
            // Figures rise in the order min ≤ p10 ≤ … ≤ max.
            && given()
                .zip(given().skip(1))
                .all(|(a, b)| a <= b)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOutlook {
    #[serde(default, deserialize_with = "present")]
    occupation: Option<String>,
    #[serde(default, deserialize_with = "present")]
    period: Option<String>,
    #[serde(default, deserialize_with = "present")]
    growth_pct: Option<f64>,
    #[serde(default, deserialize_with = "present")]
    openings_per_year: Option<f64>,
    #[serde(default, deserialize_with = "present")]
    entry_education: Option<String>,
    #[serde(default, deserialize_with = "present")]
    work_experience: Option<String>,
    #[serde(default, deserialize_with = "present")]
    source: Option<String>,
    #[serde(default, deserialize_with = "present")]
    note: Option<String>,
}

impl RawOutlook {
    fn ok(&self) -> bool {
        [
            &self.occupation,
            &self.period,
            &self.entry_education,
            &self.work_experience,
            &self.source,
            &self.note,
        ]
        .into_iter()
        .all(|s| opt_text_ok(s.as_ref()))
            // A projected change can be a decline.
            && self.growth_pct.is_none_or(f64::is_finite)
            && self.openings_per_year.is_none_or(amount_ok)
    }

    fn into_model(self) -> Outlook {
        Outlook {
            occupation: self.occupation,
            period: self.period,
            growth_pct: self.growth_pct,
            openings_per_year: self.openings_per_year,
            entry_education: self.entry_education,
            work_experience: self.work_experience,
            source: self.source,
            note: self.note,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::reader::read_dataset_positioned;

    const GOOD: &str = r#"{"format":"career-atlas/1","name":"t",
      "technologies":[{"id":"pg","name":"PostgreSQL","aliases":["Postgres"]}],
      "exchange_rates":{"base":"USD","rates":{"EUR":0.9}},
      "roles":[{"id":"a","title":"A","stack":{"DB":["Postgres",{"name":"Redis","priority":"common"}]},
        "related":["b"],
        "salary":[{"region":"US","currency":"USD","as_of":"2024-05",
          "levels":[{"level":"All","min":1,"median":2,"max":3,"open_ended":true}]}]},
        {"id":"b","title":"B","salary":[]}]}"#;

    fn clean(text: &str) -> Option<Dataset> {
        read_clean("t", text, ReadContext::default())
    }

    #[test]
    fn clean_files_take_the_fast_path_with_the_positioned_result() {
        let bundled = crate::model::BUNDLED_JSON;
        for text in [GOOD, bundled, &crate::model::synthetic::dataset_json(20, 3)] {
            let fast = clean(text).expect("clean file read by the fast path");
            let slow = read_dataset_positioned("t", text.as_bytes(), ReadContext::default());
            assert!(slow.diagnostics.is_empty(), "{:?}", slow.diagnostics);
            assert_eq!(Some(fast), slow.dataset);
        }
        let arr = r#"[{"id":"x","title":"X","stack":{"L":["Go"]}}]"#;
        assert_eq!(clean(arr).map(|d| d.name), Some("t".to_string()));
    }

    /// Every problem leaves the file to the positioned reader, which reports it.
    #[test]
    fn any_problem_leaves_the_file_to_the_positioned_reader() {
        let cases = [
            (r#""name":"t""#, r#""name":null"#),
            (r#""name":"t""#, r#""name":"t","name":"u""#),
            (r#""name":"t""#, r#""name":"t","colour":1"#),
            (r#""name":"t""#, r#""name":"  ""#),
            (r#""currency":"USD""#, r#""currency":"usd""#),
            (r#""2024-05""#, r#""May 2024""#),
            (r#""median":2"#, r#""median":0.5"#),
            (r#""min":1"#, r#""min":-1"#),
            (r#""max":3"#, r#""max":1e400"#),
            (r#""EUR":0.9"#, r#""EUR":0"#),
            (r#""EUR":0.9"#, r#""eur":0.9"#),
            (r#""EUR":0.9"#, r#""EUR":0,"EUR":0.9"#),
            (r#""Postgres",{"#, r#""Postgres","pg",{"#),
            (r#""related":["b"]"#, r#""related":["zz"]"#),
            (r#""related":["b"]"#, r#""related":["B"]"#),
            (
                r#"{"id":"b","title":"B","salary":[]}"#,
                r#"{"id":"b","title":"B"}"#,
            ),
            (r#"{"id":"b""#, r#"{"id":"a""#),
            (r#""priority":"common""#, r#""priority":"often""#),
            (
                r#""aliases":["Postgres"]}"#,
                r#""aliases":["Postgres"]},{"id":"pgx","name":"postgres"}"#,
            ),
            (
                r#""format":"career-atlas/1""#,
                r#""format":"career-atlas/2""#,
            ),
            (r#""levels":[{"#, r#""levels":[{"level":"x"},{"#),
        ];
        for (from, to) in cases {
            assert!(GOOD.contains(from), "{from}");
            let text = GOOD.replacen(from, to, 1);
            let slow = read_dataset_positioned("t", text.as_bytes(), ReadContext::default());
            assert!(!slow.diagnostics.is_empty(), "{to} is a problem");
            assert!(clean(&text).is_none(), "{to} must not pass the fast path");
        }
    }

    /// Spellings serde and the positioned reader might read differently.
    #[test]
    fn odd_spellings_read_alike_on_both_paths() {
        let texts = [
            r#"{"format":"career-atlas/1","name":"t","as\u005fof":"2024","roles":[{"id":"a","title":"A","stack":{}}]}"#,
            r#"{"format":"career-atlas\/1","name":"\u0074","roles":[{"id":"a","title":"A","salary":[{"region":"US","currency":"USD","levels":[{"level":"x","min":-0,"max":1E2}]}]}]}"#,
            r#"[{"id":"a","title":"A","stack":{"L":["Go"],"L":["Rust"]}}]"#,
            r#"[{"id":"a","title":"A","stack":{"L":["Go","go"]}}]"#,
            r#"[{"id":"a","title":"A","stack":{"L":[{"name":"Go","note":null}]}}]"#,
            r#"[{"id":"a","title":"A","salary":[{"region":"US","currency":"USD","levels":[{"level":"x","median":123456789012345678901234567890}]}]}]"#,
        ];
        for text in texts {
            let fast = crate::model::read_dataset("t", text.as_bytes(), ReadContext::default());
            let slow = read_dataset_positioned("t", text.as_bytes(), ReadContext::default());
            assert_eq!(fast.dataset, slow.dataset, "{text}");
            assert_eq!(fast.diagnostics, slow.diagnostics, "{text}");
        }
    }
}
