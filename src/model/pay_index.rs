//! What the pay figures of all loaded roles say together: which of a role's
//! tables tells the most (the one shown first), how many roles share each
//! table's figures, a table's headline figure, and where a role's median sits
//! among the roles of the same source, region and statistic.
//!
//! [`PayIndex::new`] builds all of it once per catalog version; nothing here
//! runs per frame.

use std::collections::HashMap;
use std::fmt::Write as _;

use super::catalog::{Catalog, RoleIdx};
use super::types::{Level, Period, SalaryTable};

/// What kind of figures a table holds; tables of different kinds must not
/// be read as one another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TableKind {
    /// Percentiles from the Bureau of Labor Statistics (wages of all workers).
    BlsPercentiles,
    /// Other percentiles of all workers.
    Percentiles,
    /// A survey's median of what its respondents said they earn, nothing else.
    SurveyMedian,
    /// A median only, from a source that is not a survey.
    MedianOnly,
    /// Ranges by level, maybe with percentiles.
    Ranges,
}

impl TableKind {
    /// The kind of `t`: told from its figures, and from its source and
    /// region for who published them.
    #[must_use]
    pub fn of(t: &SalaryTable) -> Self {
        let source = t.source.as_deref().unwrap_or("");
        let median_only = !t.levels.is_empty()
            && t.levels.iter().all(|l| {
                l.median.is_some() && l.figures().iter().filter(|(_, v)| v.is_some()).count() == 1
            });
        if median_only {
            if source.to_lowercase().contains("survey")
                || t.region.to_lowercase().contains("survey")
            {
                Self::SurveyMedian
            } else {
                Self::MedianOnly
            }
        } else if t.levels.iter().all(Level::has_percentiles) {
            if source.starts_with("BLS") || source.contains("Bureau of Labor Statistics") {
                Self::BlsPercentiles
            } else {
                Self::Percentiles
            }
        } else {
            Self::Ranges
        }
    }

    /// One word for a crowded axis: "BLS", "survey".
    #[must_use]
    pub fn tag(self) -> &'static str {
        match self {
            Self::BlsPercentiles => "BLS",
            Self::Percentiles => "percentiles",
            Self::SurveyMedian => "survey",
            Self::MedianOnly => "median",
            Self::Ranges => "ranges",
        }
    }

    /// A few words for a chart row or a legend: "BLS percentiles".
    #[must_use]
    pub fn short(self) -> &'static str {
        match self {
            Self::BlsPercentiles => "BLS percentiles",
            Self::Percentiles => "percentiles",
            Self::SurveyMedian => "survey median",
            Self::MedianOnly => "median",
            Self::Ranges => "ranges",
        }
    }

    /// Who stands behind figures of this kind, for a badge: official
    /// statistics, a survey of volunteers, or a guide's ranges.
    #[must_use]
    pub fn origin(self) -> &'static str {
        match self {
            Self::BlsPercentiles => "Official statistics",
            Self::SurveyMedian => "Survey",
            Self::Percentiles | Self::MedianOnly => "Published figures",
            Self::Ranges => "Ranges by level",
        }
    }
}

/// The publisher part of a table's source, for choosing a source: the text
/// before its first `,` `;` `:` `(` or ` —`, e.g. "BLS OEWS May 2025" or
/// "Stack Overflow Developer Survey 2025"; "Source not stated" without one.
#[must_use]
pub fn source_family(t: &SalaryTable) -> &str {
    let Some(s) = t.source.as_deref() else {
        return "Source not stated";
    };
    let end = [",", ";", ":", "(", " —", " – "]
        .iter()
        .filter_map(|p| s.find(p))
        .min()
        .unwrap_or(s.len());
    let head = s[..end].trim();
    if head.is_empty() { s.trim() } else { head }
}

/// True when the table gives figures by experience level (more than one
/// level), not one figure for all workers.
#[must_use]
pub fn has_levels(t: &SalaryTable) -> bool {
    t.levels.len() > 1
}

/// What a table's figures describe when several roles share them, read
/// from its source and note: "Software Developers (SOC 15-1252)" for an
/// occupation code, "“Developer, mobile” (survey developer type)" for a
/// survey's developer type; `None` when neither names it.
#[must_use]
pub fn subject(t: &SalaryTable) -> Option<String> {
    let source = t.source.as_deref().unwrap_or("");
    if let Some(at) = source.find("SOC ") {
        let rest = &source[at + 4..];
        let code: String = rest
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == '-')
            .collect();
        let title = rest[code.len()..]
            .split([';', ',', '('])
            .next()
            .unwrap_or("")
            .trim();
        if code.len() >= 6 && !title.is_empty() {
            return Some(format!("{title} (SOC {code})"));
        }
    }
    let note = t.note.as_deref().unwrap_or("");
    let at = note.find("developer type")?;
    let rest = &note[at..];
    let open = rest.find('"')?;
    let close = rest[open + 1..].find('"')?;
    let name = &rest[open + 1..open + 1 + close];
    (!name.is_empty()).then(|| format!("“{name}” (survey developer type)"))
}

/// A span of figures a table gives.
#[derive(Debug, Clone, PartialEq)]
pub struct Span {
    /// Lowest figure.
    pub low: f64,
    /// Highest figure.
    pub high: f64,
    /// The highest figure means "and above".
    pub open: bool,
    /// What the ends are: "10th to 90th percentile", "lowest to highest figure".
    pub what: &'static str,
}

/// The one figure that sums a table up, and the span it gives.
#[derive(Debug, Clone, PartialEq)]
pub struct Headline {
    /// The figure, in the table's currency and period.
    pub value: f64,
    /// True when `value` is a median (so it can be set among other medians).
    pub is_median: bool,
    /// What the figure is: "median", "median, Mid-level", "Junior, from".
    pub what: String,
    /// The span of the whole table, when it is one.
    pub span: Option<Span>,
}

/// The headline of `t`: the median of its level (of the middle level when
/// it has several with a median); without any median, the lowest figure of
/// its first level. The span runs from the lowest to the highest figure of
/// the table. `None` for a table without figures.
#[must_use]
pub fn headline(t: &SalaryTable) -> Option<Headline> {
    let with_median: Vec<&Level> = t.levels.iter().filter(|l| l.median.is_some()).collect();
    let (value, is_median, what) = if let Some(l) = with_median.get(with_median.len() / 2) {
        let what = if with_median.len() > 1 {
            format!("median, {}", l.level)
        } else {
            "median".to_string()
        };
        (l.median?, true, what)
    } else {
        let first = t.levels.iter().find(|l| l.lowest().is_some())?;
        let what = if has_levels(t) {
            format!("{}, from", first.level)
        } else {
            "from".to_string()
        };
        (first.lowest()?, false, what)
    };
    let low = t
        .levels
        .iter()
        .filter_map(Level::lowest)
        .fold(f64::INFINITY, f64::min);
    let top = t
        .levels
        .iter()
        .filter_map(|l| l.highest().map(|h| (h, l.open_ended)))
        .fold(None, |best: Option<(f64, bool)>, (h, open)| match best {
            Some((b, _)) if b >= h => best,
            _ => Some((h, open)),
        });
    let span = top.filter(|(high, _)| *high > low).map(|(high, open)| {
        let percentiles = t.levels.iter().all(|l| l.p10.is_some() && l.p90.is_some())
            && t.levels.iter().all(|l| l.min.is_none() && l.max.is_none());
        Span {
            low,
            high,
            open,
            what: if percentiles {
                "10th to 90th percentile"
            } else {
                "lowest to highest figure"
            },
        }
    });
    Some(Headline {
        value,
        is_median,
        what,
        span,
    })
}

/// The order a role's tables are offered in, most telling first — the
/// first is the one a role page shows unless the person picks another:
///
/// 1. a table with experience levels before one figure for all levels;
/// 2. then figures shared by fewer roles (`shared[i]`, this role counted)
///    before an occupation shared with many;
/// 3. then the newer `as_of` before the older;
/// 4. then the dataset's own order.
#[must_use]
pub fn telling_order(tables: &[SalaryTable], shared: &[usize]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..tables.len()).collect();
    order.sort_by(|&a, &b| {
        let (ta, tb) = (&tables[a], &tables[b]);
        has_levels(tb)
            .cmp(&has_levels(ta))
            .then(shared.get(a).cmp(&shared.get(b)))
            .then(tb.as_of.as_deref().cmp(&ta.as_of.as_deref()))
            .then(a.cmp(&b))
    });
    order
}

/// Roles of one source, region, currency, period and kind of figure: the
/// tables whose medians may be set on one axis.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct StripKey {
    /// [`source_family`] of the tables.
    pub source: String,
    /// Their region.
    pub region: String,
    /// Their currency.
    pub currency: String,
    /// Their pay period.
    pub period: Period,
    /// Their kind of figure.
    pub kind: TableKind,
}

impl StripKey {
    fn of(t: &SalaryTable) -> Self {
        Self {
            source: source_family(t).to_string(),
            region: t.region.clone(),
            currency: t.currency.clone(),
            period: t.period,
            kind: TableKind::of(t),
        }
    }
}

/// One median on a strip, with every role that has it.
#[derive(Debug, Clone, PartialEq)]
pub struct StripPoint {
    /// The median.
    pub value: f64,
    /// The roles with this median (several when they share an occupation).
    pub roles: Vec<RoleIdx>,
}

/// The medians of all loaded roles with tables of one [`StripKey`], lowest first.
#[derive(Debug, Clone, PartialEq)]
pub struct Strip {
    /// What the medians have in common.
    pub key: StripKey,
    /// One point per distinct median, lowest first.
    pub points: Vec<StripPoint>,
}

impl Strip {
    /// Roles on the strip.
    #[must_use]
    pub fn roles(&self) -> usize {
        self.points.iter().map(|p| p.roles.len()).sum()
    }
}

#[derive(Debug, Default, Clone)]
struct RolePay {
    /// Per table: an id shared by every table with the same figures.
    figures: Vec<u32>,
    /// Per table: its series (see [`series_key`]).
    series: Vec<u32>,
    /// Per table: how many roles carry figures of the same series (this one counted).
    shared: Vec<usize>,
    /// Table indexes, most telling first.
    order: Vec<usize>,
    /// Per table: its strip, if its headline is a median.
    strip: Vec<Option<u32>>,
}

/// Everything [`PayIndex::new`] derives from a catalog's salary tables.
#[derive(Debug, Default, Clone)]
pub struct PayIndex {
    roles: Vec<RolePay>,
    strips: Vec<Strip>,
}

/// What a table is figures of, whatever their year: the subject it names
/// (an occupation, a developer type) in its region, currency, period and
/// kind; a table that names none is its own series. Two periods of one
/// occupation are one series, so the newer is never ranked behind the older
/// just because fewer roles carry it.
fn series_key(t: &SalaryTable) -> String {
    match subject(t) {
        Some(subject) => format!(
            "{subject}\u{1f}{}\u{1f}{}\u{1f}{}\u{1f}{:?}",
            t.region,
            t.currency,
            t.period.as_str(),
            TableKind::of(t)
        ),
        None => figures_key(t),
    }
}

/// The identity of a table's figures: two tables with the same key say the
/// same thing, whichever role they sit in.
fn figures_key(t: &SalaryTable) -> String {
    let mut key = format!(
        "{}\u{1f}{}\u{1f}{}\u{1f}{}",
        t.source.as_deref().unwrap_or(""),
        t.region,
        t.currency,
        t.period.as_str()
    );
    for l in &t.levels {
        let _ = write!(key, "\u{1e}{}", l.level);
        for (_, v) in l.figures() {
            let _ = write!(key, "\u{1f}{v:?}");
        }
        let _ = write!(key, "\u{1f}{}", l.open_ended);
    }
    key
}

/// The id of `key` in `ids`, a new one (the next number) when it is new.
fn intern(ids: &mut HashMap<String, u32>, key: String) -> u32 {
    let next = u32::try_from(ids.len()).unwrap_or(u32::MAX);
    *ids.entry(key).or_insert(next)
}

impl PayIndex {
    /// Derives the index from every role of `catalog`.
    #[must_use]
    pub fn new(catalog: &Catalog) -> Self {
        let mut ids: HashMap<String, u32> = HashMap::new();
        let mut series_ids: HashMap<String, u32> = HashMap::new();
        // Per series: roles that carry it, and the last role counted (a role
        // with two periods of one series counts once).
        let mut counts: Vec<(usize, usize)> = Vec::new();
        let mut roles: Vec<RolePay> = catalog
            .roles
            .iter()
            .enumerate()
            .map(|(ri, entry)| {
                let tables = &entry.role.salary;
                let figures = tables
                    .iter()
                    .map(|t| intern(&mut ids, figures_key(t)))
                    .collect();
                let series = tables
                    .iter()
                    .map(|t| {
                        let id = intern(&mut series_ids, series_key(t));
                        if id as usize == counts.len() {
                            counts.push((0, usize::MAX));
                        }
                        if let Some((n, last)) = counts.get_mut(id as usize)
                            && *last != ri
                        {
                            *n += 1;
                            *last = ri;
                        }
                        id
                    })
                    .collect();
                RolePay {
                    figures,
                    series,
                    ..RolePay::default()
                }
            })
            .collect();
        let mut strip_ids: HashMap<StripKey, u32> = HashMap::new();
        let mut strips: Vec<Strip> = Vec::new();
        for (ri, (entry, pay)) in catalog.roles.iter().zip(&mut roles).enumerate() {
            let tables = &entry.role.salary;
            pay.shared = pay
                .series
                .iter()
                .map(|id| counts.get(*id as usize).map_or(1, |c| c.0))
                .collect();
            pay.order = telling_order(tables, &pay.shared);
            pay.strip = vec![None; tables.len()];
            // One point per role and key: its most telling table of that key.
            for &ti in &pay.order {
                let Some(h) = headline(&tables[ti]).filter(|h| h.is_median) else {
                    continue;
                };
                let key = StripKey::of(&tables[ti]);
                let next = u32::try_from(strips.len()).unwrap_or(u32::MAX);
                let sid = *strip_ids.entry(key.clone()).or_insert(next);
                if sid as usize == strips.len() {
                    strips.push(Strip {
                        key,
                        points: Vec::new(),
                    });
                }
                let strip = &mut strips[sid as usize];
                let role = RoleIdx(ri);
                if strip
                    .points
                    .last()
                    .is_some_and(|p| p.roles.last() == Some(&role))
                {
                    // This role is already on this strip through a more telling table.
                    pay.strip[ti] = Some(sid);
                    continue;
                }
                pay.strip[ti] = Some(sid);
                strip.points.push(StripPoint {
                    value: h.value,
                    roles: vec![role],
                });
            }
        }
        for strip in &mut strips {
            strip.points.sort_by(|a, b| a.value.total_cmp(&b.value));
            let mut merged: Vec<StripPoint> = Vec::with_capacity(strip.points.len());
            for p in strip.points.drain(..) {
                match merged.last_mut() {
                    Some(last) if (last.value - p.value).abs() < 0.5 => {
                        last.roles.extend(p.roles);
                    }
                    _ => merged.push(p),
                }
            }
            strip.points = merged;
        }
        Self { roles, strips }
    }

    /// The role's tables, most telling first (see [`telling_order`]).
    #[must_use]
    pub fn order(&self, role: RoleIdx) -> &[usize] {
        self.roles.get(role.0).map_or(&[], |r| r.order.as_slice())
    }

    /// The table a role page shows first, if the role has any.
    #[must_use]
    pub fn default_table(&self, role: RoleIdx) -> Option<usize> {
        self.order(role).first().copied()
    }

    /// How many loaded roles carry figures of the same series as the role's
    /// `table`-th table — the same occupation or developer type in the same
    /// region, of any year — itself counted; 0 for a table that does not exist.
    #[must_use]
    pub fn shared(&self, role: RoleIdx, table: usize) -> usize {
        self.roles
            .get(role.0)
            .and_then(|r| r.shared.get(table))
            .copied()
            .unwrap_or(0)
    }

    /// An id equal for every table with the same figures, whichever role it
    /// sits in.
    #[must_use]
    pub fn figures_id(&self, role: RoleIdx, table: usize) -> Option<u32> {
        self.roles.get(role.0)?.figures.get(table).copied()
    }

    /// The strip the role's `table`-th table is on: every loaded role's median
    /// of the same source, region, currency, period and kind. `None` when the
    /// table's headline is not a median.
    #[must_use]
    pub fn strip(&self, role: RoleIdx, table: usize) -> Option<&Strip> {
        let id = (*self.roles.get(role.0)?.strip.get(table)?)?;
        self.strips.get(id as usize)
    }
}

#[cfg(test)]
mod tests;
