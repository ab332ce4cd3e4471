//! Every rule of the format that a type cannot say, written once over the
//! typed model. Each check returns findings with a JSON path; the reader turns
//! paths into lines and columns only when there is something to report.

use std::collections::{HashMap, HashSet};

use super::ReadContext;
use super::names::TechNames;
use crate::json::clip;
use crate::json::path::{Seg, render};
use crate::model::diagnostic::Severity;
use crate::model::diagnostic::Severity::{Error, Warning};
use crate::model::types::{Dataset, FORMAT_TAG, Level, Role, SalaryTable, Technology};

/// One problem found on the typed model.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// Error or warning.
    pub severity: Severity,
    /// Where, from the document root.
    pub path: Vec<Seg>,
    /// What was expected and what was found.
    pub message: String,
    /// Point at the key of the last path step rather than at its value.
    pub at_key: bool,
    /// Drop the finding when the object at `path` has one of these keys: the
    /// typed model cannot tell an empty list from a missing one.
    pub unless_keys: &'static [&'static str],
}

/// `^[a-z0-9]+(-[a-z0-9]+)*$`
#[must_use]
pub fn is_valid_id(id: &str) -> bool {
    let part = |p: &str| {
        !p.is_empty()
            && p.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    };
    id.split('-').all(part)
}

/// Three capital ASCII letters.
#[must_use]
pub fn is_valid_currency(code: &str) -> bool {
    code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase())
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` with a plausible month and day.
#[must_use]
pub fn is_valid_date(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let max = [0, 12, 31];
    parts.len() <= 3
        && parts.iter().zip(max).all(|(p, max)| {
            let len = if max == 0 { 4 } else { 2 };
            p.len() == len
                && p.bytes().all(|b| b.is_ascii_digit())
                && (max == 0 || (1..=max).contains(&p.parse::<u8>().unwrap_or(0)))
        })
}

/// An `http`/`https` address with something after the scheme and no spaces.
#[must_use]
pub fn is_web_address(s: &str) -> bool {
    let lower = s.get(..8).unwrap_or(s).to_ascii_lowercase();
    let scheme = ["https://", "http://"]
        .into_iter()
        .find(|p| lower.starts_with(p));
    scheme.is_some_and(|p| s.len() > p.len() && !s[p.len()..].contains(char::is_whitespace))
}

/// The regular-expression forms of the rules above, for the JSON Schema.
pub const ID_PATTERN: &str = "^[a-z0-9]+(-[a-z0-9]+)*$";
/// See [`is_valid_currency`].
pub const CURRENCY_PATTERN: &str = "^[A-Z]{3}$";
/// See [`is_web_address`].
pub const URL_PATTERN: &str = "^[Hh][Tt][Tt][Pp][Ss]?://\\S+$";

/// A figure as people write it: `85000`, `12.5`.
#[must_use]
pub fn fmt_num(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{x:.0}")
    } else {
        format!("{x}")
    }
}

/// The message of a wrong `format` tag.
#[must_use]
pub fn format_tag_problem(tag: &str) -> Option<String> {
    let version = tag
        .strip_prefix("career-atlas/")
        .and_then(|n| n.parse::<u32>().ok());
    Some(match version {
        _ if tag == FORMAT_TAG => return None,
        Some(n) if n > 1 => format!(
            "this file is in format \"{tag}\", which needs a newer version of Career Atlas (this one reads \"{FORMAT_TAG}\")"
        ),
        _ => format!(
            "expected \"format\": \"{FORMAT_TAG}\", found \"{}\"",
            clip(tag)
        ),
    })
}

/// Which of the three accepted shapes a document has, which decides where
/// the paths of its roles start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// A dataset object: `roles[3]`.
    Dataset,
    /// A bare array of roles: `[3]`.
    Array,
    /// A single role object: its fields are at the root.
    Role,
}

/// Collects findings while walking the model with a path of borrowed steps,
/// turned into a [`Seg`] path only for a finding.
struct Check<'m> {
    path: Vec<Step<'m>>,
    found: Vec<Finding>,
}

#[derive(Clone, Copy)]
enum Step<'m> {
    Key(&'m str),
    Index(usize),
}

impl<'m> Check<'m> {
    fn new() -> Self {
        Self {
            path: Vec::new(),
            found: Vec::new(),
        }
    }

    /// Starts the paths again at the role of index `i` in a document of `shape`.
    fn role_at(&mut self, shape: Shape, i: usize) {
        self.path.clear();
        match shape {
            Shape::Dataset => self.path.extend([Step::Key("roles"), Step::Index(i)]),
            Shape::Array => self.path.push(Step::Index(i)),
            Shape::Role => {}
        }
    }

    fn segs(&self) -> Vec<Seg> {
        let seg = |s: &Step<'_>| match *s {
            Step::Key(k) => Seg::Key(k.to_string()),
            Step::Index(i) => Seg::Index(i),
        };
        self.path.iter().map(seg).collect()
    }

    fn report(&mut self, severity: Severity, message: impl Into<String>) -> &mut Finding {
        let (path, message) = (self.segs(), message.into());
        let (at_key, unless_keys) = (false, &[][..]);
        self.found.push(Finding {
            severity,
            path,
            message,
            at_key,
            unless_keys,
        });
        let last = self.found.len() - 1;
        &mut self.found[last]
    }

    /// Reports at the path `steps` below the current one.
    fn report_in(&mut self, steps: &[Step<'m>], severity: Severity, message: String) {
        let depth = self.path.len();
        self.path.extend_from_slice(steps);
        self.report(severity, message);
        self.path.truncate(depth);
    }

    fn at(&mut self, step: Step<'m>, f: impl FnOnce(&mut Self)) {
        self.path.push(step);
        f(self);
        self.path.pop();
    }

    fn key(&mut self, key: &'m str, f: impl FnOnce(&mut Self)) {
        self.at(Step::Key(key), f);
    }

    fn each<T>(&mut self, key: &'m str, items: &'m [T], mut f: impl FnMut(&mut Self, &'m T)) {
        self.key(key, |c| {
            for (i, item) in items.iter().enumerate() {
                c.at(Step::Index(i), |c| f(c, item));
            }
        });
    }

    /// Reports at `key` unless `ok`; the message is made only when needed.
    fn expect(
        &mut self,
        key: &'m str,
        ok: bool,
        severity: Severity,
        message: impl FnOnce() -> String,
    ) {
        if !ok {
            self.report_in(&[Step::Key(key)], severity, message());
        }
    }

    /// Reports at `key` unless `ok`: "expected {expected}, found \"{s}\"".
    fn text(&mut self, key: &'m str, s: &str, ok: bool, severity: Severity, expected: &str) {
        self.expect(key, ok, severity, || {
            format!("expected {expected}, found \"{}\"", clip(s))
        });
    }

    fn non_empty(&mut self, key: &'m str, s: &str) {
        self.expect(key, !s.trim().is_empty(), Error, || {
            "expected a non-empty string, found an empty one".into()
        });
    }

    fn date(&mut self, key: &'m str, s: Option<&String>) {
        let Some(s) = s else { return };
        self.text(
            key,
            s,
            is_valid_date(s),
            Warning,
            "a date as YYYY, YYYY-MM or YYYY-MM-DD",
        );
    }

    fn currency(&mut self, key: &'m str, s: &str) {
        let expected = "an ISO 4217 currency code of three capital letters (USD, EUR, GBP)";
        self.text(key, s, is_valid_currency(s), Error, expected);
    }

    fn url(&mut self, key: &'m str, s: Option<&String>) {
        let Some(s) = s else { return };
        let expected = "a web address: http:// or https:// and a host, with no spaces";
        self.text(key, s, is_web_address(s), Error, expected);
    }

    /// A finite number, 0 or more unless `signed`.
    fn number(&mut self, key: &'m str, x: Option<f64>, signed: bool) {
        let Some(x) = x else { return };
        self.expect(key, x.is_finite(), Error, || {
            "expected a finite number".into()
        });
        self.expect(key, !x.is_finite() || signed || x >= 0.0, Error, || {
            format!("expected a number of 0 or more, found {}", fmt_num(x))
        });
    }

    /// The dataset object without its roles.
    fn head(&mut self, ds: &'m Dataset) {
        if let Some(msg) = format_tag_problem(&ds.format) {
            self.report_in(&[Step::Key("format")], Error, msg);
        }
        self.non_empty("name", &ds.name);
        self.date("as_of", ds.as_of.as_ref());
        self.each("sources", &ds.sources, |c, s| {
            c.non_empty("name", &s.name);
            c.url("url", s.url.as_ref());
        });
        self.each("technologies", &ds.technologies, |c, t| {
            c.non_empty("id", &t.id);
            c.non_empty("name", &t.name);
            c.number("effort_hours", t.effort_hours, false);
            c.url("url", t.url.as_ref());
        });
        if let Some(r) = &ds.exchange_rates {
            self.key("exchange_rates", |c| {
                c.currency("base", &r.base);
                c.date("as_of", r.as_of.as_ref());
                c.key("rates", |c| {
                    for (code, &rate) in &r.rates {
                        c.key(code, |c| {
                            if !is_valid_currency(code) {
                                let msg = format!(
                                    "expected a currency code of three capital letters, found \"{}\"",
                                    clip(code)
                                );
                                c.report(Error, msg).at_key = true;
                            }
                            if !(rate.is_finite() && rate > 0.0) {
                                c.report(Error, "an exchange rate must be a finite number greater than 0");
                            }
                        });
                    }
                });
            });
        }
        self.expect("roles", !ds.roles.is_empty(), Error, || {
            "the `roles` list is empty; a dataset needs at least one role".into()
        });
    }

    /// One role, on its own.
    fn role(&mut self, role: &'m Role) {
        let expected = "an id of lowercase letters and digits joined by single hyphens (like \"backend-developer\")";
        self.text("id", &role.id, is_valid_id(&role.id), Error, expected);
        self.non_empty("title", &role.title);
        self.key("stack", |c| {
            for g in &role.stack {
                c.each(&g.name, &g.items, |c, t| {
                    if t.name.trim().is_empty() {
                        c.report(Error, "expected a technology name, found an empty one");
                    }
                });
            }
        });
        self.each("salary", &role.salary, Check::salary_table);
        if let Some(o) = &role.outlook {
            self.key("outlook", |c| {
                c.number("growth_pct", o.growth_pct, true);
                c.number("openings_per_year", o.openings_per_year, false);
            });
        }
        self.each("related", &role.related, |c, id| {
            if !is_valid_id(id) {
                let msg = format!(
                    "expected a role id such as \"software-engineer\", found \"{}\"",
                    clip(id)
                );
                c.report(Error, msg);
            }
        });
        self.each("links", &role.links, |c, l| c.url("url", Some(&l.url)));
        if role.stack.is_empty() && role.salary.is_empty() {
            let msg = "this role has neither `stack` nor `salary`: there is nothing to check off or chart";
            self.report(Warning, msg).unless_keys = &["stack", "salary"];
        }
    }

    fn salary_table(&mut self, t: &'m SalaryTable) {
        self.non_empty("region", &t.region);
        self.currency("currency", &t.currency);
        self.date("as_of", t.as_of.as_ref());
        self.expect("levels", !t.levels.is_empty(), Error, || {
            "the `levels` list is empty; a salary table needs at least one level".into()
        });
        self.each("levels", &t.levels, Check::level);
        // Pay within one table, in any currency and period, spreads far less
        // than 20 times: a figure that far from another has zeros too many
        // or too few.
        let figures = t.levels.iter().enumerate().flat_map(|(i, l)| {
            let given = l.figures().into_iter().filter_map(|(k, v)| Some((k, v?)));
            given.filter(|(_, v)| *v > 0.0).map(move |(k, v)| (i, k, v))
        });
        let low = figures.clone().min_by(|a, b| a.2.total_cmp(&b.2));
        let high = figures.max_by(|a, b| a.2.total_cmp(&b.2));
        if let (Some((li, lk, lo)), Some((hi, hk, high))) = (low, high)
            && high > 20.0 * lo
        {
            let at = |i: usize, k: &str| {
                let mut path = self.segs();
                path.extend([Seg::Key("levels".into()), Seg::Index(i), Seg::Key(k.into())]);
                render(&path)
            };
            let msg = format!(
                "{} at {} is more than 20 times {} at {} in the same table; is a figure mistyped (zeros too many or too few)?",
                fmt_num(high),
                at(hi, hk),
                fmt_num(lo),
                at(li, lk)
            );
            let steps = [Step::Key("levels"), Step::Index(hi), Step::Key(hk)];
            self.report_in(&steps, Warning, msg);
        }
    }

    fn level(&mut self, l: &'m Level) {
        self.non_empty("level", &l.level);
        let figures = l.figures();
        if figures.iter().all(|(_, v)| v.is_none()) {
            self.report(
                Error,
                "a level needs at least one figure: min, p10, p25, median, p75, p90 or max",
            );
        }
        // Every figure must be at least every earlier one.
        let mut highest: Option<(&str, f64)> = None;
        for (key, x) in figures {
            let Some(x) = x else { continue };
            self.number(key, Some(x), false);
            match highest {
                Some((prev_key, prev)) if x < prev => self.expect(key, false, Error, || {
                    format!(
                        "`{key}` ({}) is lower than `{prev_key}` ({}); figures must rise in the order min ≤ p10 ≤ p25 ≤ median ≤ p75 ≤ p90 ≤ max",
                        fmt_num(x),
                        fmt_num(prev)
                    )
                }),
                _ => highest = Some((key, x)),
            }
        }
    }

    /// The rules that look across roles: the file's own catalog (a name
    /// claimed twice), a role id used twice, a technology twice in one role, a
    /// related id defined nowhere. `roles` pairs each role with its index in
    /// the document.
    fn across(
        &mut self,
        techs: &'m [Technology],
        shape: Shape,
        roles: &[(usize, &'m Role)],
        cx: ReadContext<'_>,
    ) {
        self.path.clear();
        let (names, clashes) = TechNames::new(techs);
        for clash in clashes {
            let msg = format!(
                "\"{}\" already names technologies[{}] (`{}`); a name, id or alias must mean one technology",
                clash.name, clash.first, techs[clash.first].id
            );
            let steps = [Step::Key("technologies"), Step::Index(clash.second)];
            self.report_in(&steps, Warning, msg);
        }
        let own_ids: HashSet<&str> = roles.iter().map(|(_, r)| r.id.as_str()).collect();
        let mut first_by_id: HashMap<&str, usize> = HashMap::with_capacity(roles.len());
        let mut seen = Vec::new();
        for &(i, role) in roles {
            self.role_at(shape, i);
            // Keep pointing at the first use.
            let first = *first_by_id.entry(&role.id).or_insert(i);
            self.expect("id", first == i, Error, || {
                format!(
                    "the role id \"{}\" is used twice in this dataset (first by roles[{first}]); ids must be unique",
                    role.id
                )
            });
            seen.clear();
            self.key("stack", |c| {
                for g in &role.stack {
                    c.each(&g.name, &g.items, |c, t| {
                        let id = names.identity(&t.name);
                        match seen.iter().find(|(seen, _)| *seen == id) {
                            // A blank name is an error already, not a repeat.
                            Some((_, first)) if !t.name.trim().is_empty() => {
                                c.report(Warning, format!(
                                    "\"{}\" is already in this role's stack (as \"{first}\"); list each technology once",
                                    t.name
                                ));
                            }
                            _ => seen.push((id, t.name.as_str())),
                        }
                    });
                }
            });
            self.each("related", &role.related, |c, id| {
                let known = own_ids.contains(id.as_str()) || cx.known_role_ids.is_some_and(|ids| ids.contains(id));
                if !known && is_valid_id(id) {
                    c.report(Warning, format!("the related role \"{id}\" is not defined in this file or any loaded dataset"));
                }
            });
        }
    }
}

/// Every finding of a dataset: the head's (for the dataset shape), each
/// role's, then those across roles. `read` gives the index in the document of
/// each of `ds.roles` when some roles could not be read (`None`: all were, in
/// order).
pub fn check_dataset(
    ds: &Dataset,
    shape: Shape,
    read: Option<&[usize]>,
    cx: ReadContext<'_>,
) -> Vec<Finding> {
    let roles: Vec<(usize, &Role)> = (ds.roles.iter().enumerate())
        .map(|(i, r)| (read.map_or(i, |read| read[i]), r.as_ref()))
        .collect();
    let mut c = Check::new();
    for &(i, role) in &roles {
        c.role_at(shape, i);
        c.role(role);
    }
    c.path.clear();
    if shape == Shape::Dataset {
        c.head(ds);
    }
    c.across(&ds.technologies, shape, &roles, cx);
    c.found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_dates_currencies_and_addresses() {
        assert!(is_valid_id("level-2-support"));
        for bad in ["Backend", "a--b", "-a", "a-", ""] {
            assert!(!is_valid_id(bad), "{bad}");
        }
        assert!(is_valid_date("2025") && is_valid_date("2025-06") && is_valid_date("2025-06-30"));
        assert!(!is_valid_date("2025-13") && !is_valid_date("June 2025"));
        assert!(is_valid_currency("EUR") && !is_valid_currency("eur"));
        assert!(is_web_address("HTTP://example.org/a"));
        for bad in [
            "https://",
            "ftp://x",
            "example.org",
            "https://a b",
            "http:/x",
        ] {
            assert!(!is_web_address(bad), "{bad}");
        }
    }
}
