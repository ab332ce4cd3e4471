//! Reads a role file (any of the three shapes of `career-atlas/1`) into a
//! [`Dataset`], reporting every problem with its line, column and JSON path.
//!
//! A file without any problem is read in one pass by [`super::clean_read`].
//! Otherwise, two passes: `serde_json` first checks that the text is strict JSON (it gives the
//! best syntax messages and refuses everything JSON forbids); then `jsonc-parser`
//! builds a syntax tree that keeps the byte range of every value, and a walker
//! turns that tree into the model while it collects every error and warning.
//! Positions therefore come from the parser, never from searching the text.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::sync::Arc;

use jsonc_parser::ast::{Object, Value};
use jsonc_parser::common::Ranged;
use jsonc_parser::{CollectOptions, ParseOptions};

use super::diagnostic::{Diagnostic, LineIndex, Severity};
use super::types::{
    Dataset, DayEntry, ExchangeRates, FORMAT_TAG, Level, Link, Outlook, Period, Priority, Role,
    SalaryTable, SourceRef, StackGroup, TechRef, Technology,
};

/// Files larger than this are refused before parsing.
pub const MAX_FILE_BYTES: usize = 100 * 1024 * 1024;
/// Longest text value accepted, in bytes (a role's description is a few KB).
pub const MAX_STRING_BYTES: usize = 100_000;
/// Most items accepted in one array (roles, technologies, levels, …).
pub const MAX_ARRAY_ITEMS: usize = 200_000;

/// What reading a file produced: the dataset when there was no error, and every
/// diagnostic (errors and warnings) in document order.
#[derive(Debug, Clone)]
pub struct ReadOutcome {
    /// `Some` exactly when no diagnostic is an error.
    pub dataset: Option<Dataset>,
    /// Every error and warning found.
    pub diagnostics: Vec<Diagnostic>,
}

impl ReadOutcome {
    /// Number of errors.
    #[must_use]
    pub fn error_count(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }

    /// Number of warnings.
    #[must_use]
    pub fn warning_count(&self) -> usize {
        self.diagnostics.len() - self.error_count()
    }
}

/// What else is loaded, for warnings that look beyond the file.
#[derive(Debug, Default, Clone, Copy)]
pub struct ReadContext<'a> {
    /// Role ids defined by datasets already loaded (for the `related` check).
    pub known_role_ids: Option<&'a HashSet<String>>,
}

/// Reads `bytes` as a role file; `file_stem` names the dataset of the
/// single-role and bare-array shapes.
#[must_use]
pub fn read_dataset(file_stem: &str, bytes: &[u8], cx: ReadContext<'_>) -> ReadOutcome {
    read(file_stem, bytes, cx, true)
}

/// [`read_dataset`] without its fast path for clean files: always the
/// positioned reader. The outcome is the same; tests and the fuzzer compare
/// the two.
#[must_use]
pub fn read_dataset_positioned(file_stem: &str, bytes: &[u8], cx: ReadContext<'_>) -> ReadOutcome {
    read(file_stem, bytes, cx, false)
}

fn read(file_stem: &str, bytes: &[u8], cx: ReadContext<'_>, try_clean: bool) -> ReadOutcome {
    let fail = |line, column, message: String| ReadOutcome {
        dataset: None,
        diagnostics: vec![Diagnostic {
            severity: Severity::Error,
            line,
            column,
            path: String::new(),
            message,
        }],
    };
    if bytes.len() > MAX_FILE_BYTES {
        return fail(
            1,
            1,
            format!(
                "the file is {} MB; role files may be at most {} MB. Split it into several files.",
                bytes.len() / (1024 * 1024),
                MAX_FILE_BYTES / (1024 * 1024)
            ),
        );
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let good = &bytes[..e.valid_up_to()];
            // The valid prefix is UTF-8 by definition, so positions are exact.
            let prefix = std::str::from_utf8(good).unwrap_or_default();
            let (line, column) = LineIndex::new(prefix).position(prefix.len());
            let bad = bytes.get(e.valid_up_to()).copied().unwrap_or_default();
            return fail(
                line,
                column,
                format!(
                    "the file is not UTF-8 text (byte 0x{bad:02X} here); save it with UTF-8 encoding"
                ),
            );
        }
    };
    if text.trim().is_empty() {
        return fail(
            1,
            1,
            "the file is empty; a role file holds a JSON object or array".into(),
        );
    }
    if try_clean && let Some(dataset) = super::clean_read::read_clean(file_stem, text, cx) {
        return ReadOutcome {
            dataset: Some(dataset),
            diagnostics: Vec::new(),
        };
    }
    let index = LineIndex::new(text);
    if let Err(e) = serde_json::from_str::<serde::de::IgnoredAny>(text) {
        let offset = index.offset_of(e.line(), e.column());
        let (line, column) = index.position(offset);
        return fail(line, column, syntax_message(&e, text, offset));
    }
    let options = ParseOptions {
        allow_comments: false,
        allow_loose_object_property_names: false,
        allow_trailing_commas: false,
        allow_missing_commas: false,
        allow_single_quoted_strings: false,
        allow_hexadecimal_numbers: false,
        allow_unary_plus_numbers: false,
        allow_bare_decimal_point_numbers: false,
        allow_non_finite_numbers: false,
        allow_extended_string_escapes: false,
    };
    let root = match jsonc_parser::parse_to_ast(text, &CollectOptions::default(), &options) {
        Ok(parsed) => parsed.value,
        Err(e) => {
            let (line, column) = index.position(e.range().start);
            let message = if matches!(
                e.kind(),
                jsonc_parser::errors::ParseErrorKind::NestingDepthExceeded
            ) {
                "the file nests objects or arrays too deeply (more than 512 levels); no role file needs that".to_string()
            } else {
                format!("not valid JSON: {}", e.kind())
            };
            return fail(line, column, message);
        }
    };
    let Some(root) = root else {
        return fail(1, 1, "the file holds no JSON value".into());
    };
    let mut walker = Walker {
        index: &index,
        path: Vec::new(),
        diagnostics: Vec::new(),
        role_items: Vec::new(),
    };
    let dataset = walker.document(&root, file_stem, cx);
    let mut diagnostics = walker.diagnostics;
    diagnostics.sort_by_key(|d| (d.line, d.column));
    let has_error = diagnostics.iter().any(Diagnostic::is_error);
    ReadOutcome {
        dataset: if has_error { None } else { dataset },
        diagnostics,
    }
}

/// Turns `serde_json`'s syntax error into a sentence with a hint.
fn syntax_message(e: &serde_json::Error, text: &str, offset: usize) -> String {
    let raw = e.to_string();
    let what = raw.split(" at line ").next().unwrap_or(&raw);
    // serde_json reports `[1,]` as "expected value" at the bracket.
    let before = text.get(..offset).map(str::trim_end).unwrap_or_default();
    let at = text.get(offset..).map(str::trim_start).unwrap_or_default();
    let trailing_comma = before.ends_with(',') && (at.starts_with(']') || at.starts_with('}'));
    let hint = if what.contains("trailing comma") || trailing_comma {
        " — remove the comma before the closing bracket; JSON allows no trailing comma"
    } else if what.contains("EOF while parsing") {
        " — the file ends too early: a closing `}`, `]` or `\"` is missing"
    } else if what.contains("expected `,` or `}`") || what.contains("expected `,` or `]`") {
        " — is a comma missing after the previous value?"
    } else if what.contains("key must be a string") {
        " — object keys need double quotes, like \"title\""
    } else if what.contains("expected value") {
        " — a value (string, number, object, array, true, false or null) should be here; comments and single quotes are not JSON"
    } else if what.contains("control character") {
        " — write line breaks and tabs inside strings as \\n and \\t"
    } else if what.contains("recursion limit") {
        " — the file nests objects or arrays too deeply (more than 128 levels)"
    } else {
        ""
    };
    format!("not valid JSON: {what}{hint}")
}

/// One step of a JSON path.
enum Seg {
    Key(String),
    Index(usize),
}

struct Walker<'t> {
    index: &'t LineIndex<'t>,
    path: Vec<Seg>,
    diagnostics: Vec<Diagnostic>,
    /// For each role read: its index among the file's role values, and whether
    /// it read without error (only those get the cross-checks, whose positions
    /// rely on the values lining up with what was read).
    role_items: Vec<(usize, bool)>,
}

/// The fields of one JSON object, by name (the last one wins on duplicates).
struct Fields<'v, 'a> {
    obj: &'v Object<'a>,
    map: HashMap<&'v str, &'v Value<'a>>,
}

impl<'v, 'a> Fields<'v, 'a> {
    fn get(&self, name: &str) -> Option<&'v Value<'a>> {
        self.map.get(name).copied()
    }
}

const DATASET_FIELDS: &[&str] = &[
    "$schema",
    "format",
    "name",
    "description",
    "author",
    "version",
    "license",
    "source",
    "as_of",
    "sources",
    "attribution",
    "technologies",
    "exchange_rates",
    "roles",
];
const ROLE_FIELDS: &[&str] = &[
    "$schema",
    "id",
    "title",
    "category",
    "summary",
    "description",
    "responsibilities",
    "day_in_the_life",
    "education",
    "stack",
    "salary",
    "salary_note",
    "outlook",
    "related",
    "links",
    "tags",
];
const TECH_FIELDS: &[&str] = &[
    "id",
    "name",
    "category",
    "aliases",
    "hot",
    "description",
    "effort_hours",
];
const TECHREF_FIELDS: &[&str] = &["name", "priority", "note"];
const TABLE_FIELDS: &[&str] = &[
    "region", "currency", "period", "source", "as_of", "note", "levels",
];
const LEVEL_FIELDS: &[&str] = &[
    "level",
    "min",
    "p10",
    "p25",
    "median",
    "p75",
    "p90",
    "max",
    "open_ended",
    "note",
];
const RATES_FIELDS: &[&str] = &["base", "as_of", "source", "rates"];
const DAY_FIELDS: &[&str] = &["when", "what"];
const LINK_FIELDS: &[&str] = &["title", "url"];
const SOURCE_FIELDS: &[&str] = &["name", "detail", "date", "url"];
const OUTLOOK_FIELDS: &[&str] = &[
    "occupation",
    "period",
    "growth_pct",
    "openings_per_year",
    "entry_education",
    "work_experience",
    "source",
    "note",
];

/// "a string", "a number (42)", … for messages.
fn describe(v: &Value<'_>) -> String {
    match v {
        Value::StringLit(s) => format!("the string \"{}\"", clip(&s.value)),
        Value::NumberLit(n) => format!("the number {}", n.value),
        Value::BooleanLit(b) => format!("`{}`", b.value),
        Value::Object(_) => "an object".into(),
        Value::Array(_) => "an array".into(),
        Value::NullKeyword(_) => "`null`".into(),
    }
}

fn clip(s: &str) -> String {
    const MAX: usize = 40;
    if s.chars().count() > MAX {
        let cut: String = s.chars().take(MAX).collect();
        format!("{cut}…")
    } else {
        s.to_string()
    }
}

/// `^[a-z0-9]+(-[a-z0-9]+)*$`
#[must_use]
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
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
    let num = |p: &str, len: usize| p.len() == len && p.bytes().all(|b| b.is_ascii_digit());
    match parts.as_slice() {
        [y] => num(y, 4),
        [y, m] => num(y, 4) && num(m, 2) && (1..=12).contains(&m.parse::<u8>().unwrap_or(0)),
        [y, m, d] => {
            num(y, 4)
                && num(m, 2)
                && num(d, 2)
                && (1..=12).contains(&m.parse::<u8>().unwrap_or(0))
                && (1..=31).contains(&d.parse::<u8>().unwrap_or(0))
        }
        _ => false,
    }
}

/// The known name closest to an unknown one, if any is close enough to suggest.
#[must_use]
pub fn closest_name<'k>(unknown: &str, known: &[&'k str]) -> Option<&'k str> {
    let lower = unknown.to_lowercase();
    known
        .iter()
        .filter(|k| !k.starts_with('$'))
        .map(|k| (*k, strsim::damerau_levenshtein(&lower, k)))
        .filter(|(k, d)| *d <= (k.len() / 3).max(2))
        .min_by_key(|(_, d)| *d)
        .map(|(k, _)| k)
}

impl Walker<'_> {
    fn error_count(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }

    fn path_string(&self) -> String {
        let mut out = String::new();
        for seg in &self.path {
            match seg {
                Seg::Index(i) => {
                    out.push('[');
                    out.push_str(&i.to_string());
                    out.push(']');
                }
                Seg::Key(k) => {
                    let plain = !k.is_empty()
                        && k.chars()
                            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$');
                    if plain {
                        if !out.is_empty() {
                            out.push('.');
                        }
                        out.push_str(k);
                    } else {
                        let _ = write!(out, "[{}]", serde_json::Value::from(k.as_str()));
                    }
                }
            }
        }
        out
    }

    fn report(&mut self, severity: Severity, at: &impl Ranged, message: String) {
        let (line, column) = self.index.position(at.start());
        let path = self.path_string();
        self.diagnostics.push(Diagnostic {
            severity,
            line,
            column,
            path,
            message,
        });
    }

    fn error(&mut self, at: &impl Ranged, message: impl Into<String>) {
        self.report(Severity::Error, at, message.into());
    }

    fn warn(&mut self, at: &impl Ranged, message: impl Into<String>) {
        self.report(Severity::Warning, at, message.into());
    }

    fn in_key<T>(&mut self, key: &str, f: impl FnOnce(&mut Self) -> T) -> T {
        self.path.push(Seg::Key(key.to_string()));
        let out = f(self);
        self.path.pop();
        out
    }

    fn in_index<T>(&mut self, i: usize, f: impl FnOnce(&mut Self) -> T) -> T {
        self.path.push(Seg::Index(i));
        let out = f(self);
        self.path.pop();
        out
    }

    // ---- typed readers: each reports its own type error and returns None ----

    fn object<'v, 'a>(&mut self, v: &'v Value<'a>, what: &str) -> Option<&'v Object<'a>> {
        if let Value::Object(o) = v {
            Some(o)
        } else {
            self.error(
                v,
                format!(
                    "expected {what} (an object in braces), found {}",
                    describe(v)
                ),
            );
            None
        }
    }

    fn array<'v, 'a>(&mut self, v: &'v Value<'a>, what: &str) -> Option<&'v [Value<'a>]> {
        if let Value::Array(a) = v {
            if a.elements.len() > MAX_ARRAY_ITEMS {
                self.error(
                    v,
                    format!(
                        "this list has {} items; at most {MAX_ARRAY_ITEMS} are accepted — split the file",
                        a.elements.len()
                    ),
                );
                return None;
            }
            Some(&a.elements)
        } else {
            self.error(
                v,
                format!(
                    "expected {what} (an array in square brackets), found {}",
                    describe(v)
                ),
            );
            None
        }
    }

    fn string(&mut self, v: &Value<'_>) -> Option<String> {
        if let Value::StringLit(s) = v {
            if s.value.len() > MAX_STRING_BYTES {
                self.error(
                    v,
                    format!(
                        "this text is {} bytes long; at most {MAX_STRING_BYTES} are accepted",
                        s.value.len()
                    ),
                );
                return None;
            }
            Some(s.value.to_string())
        } else {
            self.error(
                v,
                format!("expected a string in double quotes, found {}", describe(v)),
            );
            None
        }
    }

    fn non_empty_string(&mut self, v: &Value<'_>) -> Option<String> {
        let s = self.string(v)?;
        if s.trim().is_empty() {
            self.error(v, "expected a non-empty string, found an empty one");
            return None;
        }
        Some(s)
    }

    fn bool(&mut self, v: &Value<'_>) -> Option<bool> {
        if let Value::BooleanLit(b) = v {
            Some(b.value)
        } else {
            self.error(
                v,
                format!("expected `true` or `false`, found {}", describe(v)),
            );
            None
        }
    }

    /// A finite number; negative only where `allow_negative`.
    fn number(&mut self, v: &Value<'_>, allow_negative: bool) -> Option<f64> {
        let Value::NumberLit(n) = v else {
            let hint = if matches!(v, Value::StringLit(_)) {
                " (write numbers without quotes, currency signs or thousands separators, e.g. 85000)"
            } else {
                ""
            };
            self.error(v, format!("expected a number, found {}{hint}", describe(v)));
            return None;
        };
        match n.value.parse::<f64>() {
            Ok(x) if !x.is_finite() => {
                self.error(
                    v,
                    format!("the number {} is too large to be a finite number", n.value),
                );
                None
            }
            Ok(x) if x < 0.0 && !allow_negative => {
                self.error(
                    v,
                    format!("expected a number of 0 or more, found {}", n.value),
                );
                None
            }
            Ok(x) => Some(x),
            Err(_) => {
                self.error(v, format!("expected a number, found `{}`", n.value));
                None
            }
        }
    }

    fn string_array(&mut self, v: &Value<'_>, what: &str) -> Vec<String> {
        let Some(items) = self.array(v, what) else {
            return Vec::new();
        };
        items
            .iter()
            .enumerate()
            .filter_map(|(i, item)| self.in_index(i, |w| w.string(item)))
            .collect()
    }

    /// Indexes an object's fields, warning on unknown and repeated names.
    fn fields<'v, 'a>(&mut self, obj: &'v Object<'a>, known: &[&str]) -> Fields<'v, 'a> {
        let mut map = HashMap::with_capacity(obj.properties.len());
        for prop in &obj.properties {
            let name = prop.name.as_str();
            if !known.contains(&name) {
                let msg = match closest_name(name, known) {
                    Some(k) => format!("unknown field `{name}` is ignored; did you mean `{k}`?"),
                    None => format!(
                        "unknown field `{name}` is ignored (known fields here: {})",
                        known
                            .iter()
                            .filter(|k| !k.starts_with('$'))
                            .copied()
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                };
                self.in_key(name, |w| w.warn(&prop.name, msg));
                continue;
            }
            if map.insert(name, &prop.value).is_some() {
                self.in_key(name, |w| {
                    w.warn(
                        &prop.name,
                        format!(
                            "the field `{name}` appears twice in this object; the last one counts"
                        ),
                    );
                });
            }
        }
        Fields { obj, map }
    }

    fn opt<T>(
        &mut self,
        f: &Fields<'_, '_>,
        name: &str,
        read: impl FnOnce(&mut Self, &Value<'_>) -> Option<T>,
    ) -> Option<T> {
        let v = f.get(name)?;
        self.in_key(name, |w| read(w, v))
    }

    fn required<T>(
        &mut self,
        f: &Fields<'_, '_>,
        name: &str,
        what: &str,
        read: impl FnOnce(&mut Self, &Value<'_>) -> Option<T>,
    ) -> Option<T> {
        if f.get(name).is_none() {
            self.error(f.obj, format!("missing required field `{name}` ({what})"));
            return None;
        }
        self.opt(f, name, read)
    }

    fn date(&mut self, v: &Value<'_>) -> Option<String> {
        let s = self.string(v)?;
        if !is_valid_date(&s) {
            self.warn(
                v,
                format!(
                    "expected a date as YYYY, YYYY-MM or YYYY-MM-DD, found \"{}\"",
                    clip(&s)
                ),
            );
        }
        Some(s)
    }

    fn currency(&mut self, v: &Value<'_>) -> Option<String> {
        let s = self.string(v)?;
        if is_valid_currency(&s) {
            Some(s)
        } else {
            self.error(
                v,
                format!(
                    "expected an ISO 4217 currency code of three capital letters (USD, EUR, GBP), found \"{}\"",
                    clip(&s)
                ),
            );
            None
        }
    }

    fn url(&mut self, v: &Value<'_>) -> Option<String> {
        let s = self.string(v)?;
        let lower = s.to_ascii_lowercase();
        let rest = lower
            .strip_prefix("https://")
            .or_else(|| lower.strip_prefix("http://"));
        if rest.is_some_and(|r| !r.is_empty() && !r.contains(char::is_whitespace)) {
            Some(s)
        } else {
            self.error(
                v,
                format!(
                    "expected a web address starting with http:// or https://, found \"{}\"",
                    clip(&s)
                ),
            );
            None
        }
    }

    // ---- the document ----

    fn document(
        &mut self,
        root: &Value<'_>,
        file_stem: &str,
        cx: ReadContext<'_>,
    ) -> Option<Dataset> {
        let dataset = match root {
            Value::Object(obj) => {
                let has = |k: &str| obj.properties.iter().any(|p| p.name.as_str() == k);
                if has("format") {
                    self.dataset_object(obj)
                } else if has("id") || has("title") {
                    let errors_before = self.error_count();
                    let role = self.role(root);
                    self.role_items
                        .push((0, self.error_count() == errors_before));
                    role.map(|r| bare_dataset(file_stem, vec![Arc::new(r)]))
                } else if has("roles") || has("name") {
                    self.error(
                        obj,
                        format!("missing required field `format`: a dataset object starts with \"format\": \"{FORMAT_TAG}\""),
                    );
                    None
                } else {
                    self.error(
                        obj,
                        format!(
                            "this object is none of the three accepted shapes: a dataset needs \"format\": \"{FORMAT_TAG}\" and `roles`; a single role needs `id` and `title`"
                        ),
                    );
                    None
                }
            }
            Value::Array(arr) => {
                if arr.elements.is_empty() {
                    self.error(
                        root,
                        "the array holds no roles; a role file needs at least one role",
                    );
                    None
                } else {
                    let roles = self.roles(&arr.elements);
                    Some(bare_dataset(file_stem, roles))
                }
            }
            other => {
                self.error(
                    other,
                    format!(
                        "expected a dataset object, a single role object or an array of roles at the top level, found {}",
                        describe(other)
                    ),
                );
                None
            }
        }?;
        self.cross_checks(root, &dataset, cx);
        Some(dataset)
    }

    fn dataset_object(&mut self, obj: &Object<'_>) -> Option<Dataset> {
        let f = self.fields(obj, DATASET_FIELDS);
        let format_ok = self.required(&f, "format", "the format tag", |w, v| {
            let s = w.string(v)?;
            if s == FORMAT_TAG {
                return Some(s);
            }
            let newer = s
                .strip_prefix("career-atlas/")
                .and_then(|n| n.parse::<u32>().ok())
                .is_some_and(|n| n > 1);
            if newer {
                w.error(
                    v,
                    format!("this file is in format \"{s}\", which needs a newer version of Career Atlas (this one reads \"{FORMAT_TAG}\")"),
                );
            } else {
                w.error(v, format!("expected \"format\": \"{FORMAT_TAG}\", found \"{}\"", clip(&s)));
            }
            None
        });
        format_ok.as_ref()?;
        let name = self.required(
            &f,
            "name",
            "the dataset's name, shown in the dataset list",
            Walker::non_empty_string,
        );
        let text = |w: &mut Self, k: &str| w.opt(&f, k, Walker::string);
        let description = text(self, "description");
        let author = text(self, "author");
        let version = text(self, "version");
        let license = text(self, "license");
        let source = text(self, "source");
        let attribution = text(self, "attribution");
        let as_of = self.opt(&f, "as_of", Walker::date);
        let sources = self
            .opt(&f, "sources", |w, v| {
                Some(w.list(v, "a list of sources", Walker::source_ref))
            })
            .unwrap_or_default();
        let technologies = self
            .opt(&f, "technologies", |w, v| {
                Some(w.list(v, "a list of technologies", Walker::technology))
            })
            .unwrap_or_default();
        let exchange_rates = self.opt(&f, "exchange_rates", Walker::exchange_rates);
        let roles = self.required(&f, "roles", "the list of roles", |w, v| {
            let items = w.array(v, "a list of roles")?;
            if items.is_empty() {
                w.error(
                    v,
                    "the `roles` list is empty; a dataset needs at least one role",
                );
                return None;
            }
            Some(w.roles(items))
        });
        Some(Dataset {
            format: FORMAT_TAG.to_string(),
            name: name?,
            description,
            author,
            version,
            license,
            source,
            as_of,
            sources,
            attribution,
            technologies,
            exchange_rates,
            roles: roles?,
        })
    }

    fn list<T>(
        &mut self,
        v: &Value<'_>,
        what: &str,
        read: impl Fn(&mut Self, &Value<'_>) -> Option<T>,
    ) -> Vec<T> {
        let Some(items) = self.array(v, what) else {
            return Vec::new();
        };
        items
            .iter()
            .enumerate()
            .filter_map(|(i, item)| self.in_index(i, |w| read(w, item)))
            .collect()
    }

    fn source_ref(&mut self, v: &Value<'_>) -> Option<SourceRef> {
        let obj = self.object(v, "a source")?;
        let f = self.fields(obj, SOURCE_FIELDS);
        let name = self.required(&f, "name", "the source's name", Walker::non_empty_string);
        let detail = self.opt(&f, "detail", Walker::string);
        let date = self.opt(&f, "date", Walker::string);
        let url = self.opt(&f, "url", Walker::url);
        Some(SourceRef {
            name: name?,
            detail,
            date,
            url,
        })
    }

    fn technology(&mut self, v: &Value<'_>) -> Option<Technology> {
        let obj = self.object(v, "a technology")?;
        let f = self.fields(obj, TECH_FIELDS);
        let id = self.required(
            &f,
            "id",
            "a stable identifier such as \"postgresql\"",
            Walker::non_empty_string,
        );
        let name = self.required(
            &f,
            "name",
            "the technology's name",
            Walker::non_empty_string,
        );
        let category = self.opt(&f, "category", Walker::string);
        let aliases = self
            .opt(&f, "aliases", |w, v| {
                Some(w.string_array(v, "a list of other names"))
            })
            .unwrap_or_default();
        let hot = self.opt(&f, "hot", Walker::bool).unwrap_or(false);
        let description = self.opt(&f, "description", Walker::string);
        let effort_hours = self.opt(&f, "effort_hours", |w, v| w.number(v, false));
        Some(Technology {
            id: id?,
            name: name?,
            category,
            aliases,
            hot,
            description,
            effort_hours,
        })
    }

    fn exchange_rates(&mut self, v: &Value<'_>) -> Option<ExchangeRates> {
        let obj = self.object(v, "exchange rates")?;
        let f = self.fields(obj, RATES_FIELDS);
        let base = self.required(&f, "base", "the base currency", Walker::currency);
        let as_of = self.opt(&f, "as_of", Walker::date);
        let source = self.opt(&f, "source", Walker::string);
        let rates = self.required(&f, "rates", "currency → rate", |w, v| {
            let obj = w.object(v, "the rates, like {\"EUR\": 0.92}")?;
            let mut rates = std::collections::BTreeMap::new();
            for prop in &obj.properties {
                let code = prop.name.as_str();
                w.in_key(code, |w| {
                    if !is_valid_currency(code) {
                        w.error(
                            &prop.name,
                            format!(
                                "expected a currency code of three capital letters, found \"{}\"",
                                clip(code)
                            ),
                        );
                    }
                    if let Some(rate) = w.number(&prop.value, false) {
                        if rate == 0.0 {
                            w.error(&prop.value, "an exchange rate must be greater than 0");
                        } else {
                            rates.insert(code.to_string(), rate);
                        }
                    }
                });
            }
            Some(rates)
        });
        Some(ExchangeRates {
            base: base?,
            as_of,
            source,
            rates: rates?,
        })
    }

    fn roles(&mut self, items: &[Value<'_>]) -> Vec<Arc<Role>> {
        let mut roles = Vec::with_capacity(items.len());
        let mut seen: HashMap<String, usize> = HashMap::new();
        for (i, item) in items.iter().enumerate() {
            let errors_before = self.error_count();
            let role = self.in_index(i, |w| w.role(item));
            if let Some(role) = role {
                self.role_items
                    .push((i, self.error_count() == errors_before));
                if let Some(first) = seen.get(&role.id) {
                    let id_value = item.as_object().and_then(|o| o.get("id")).map(|p| &p.value);
                    let at = Pos(id_value.map_or(item.start(), Ranged::start));
                    let msg = format!(
                        "the role id \"{}\" is used twice in this dataset (first by roles[{first}]); ids must be unique",
                        role.id
                    );
                    self.in_index(i, |w| w.in_key("id", |w| w.error(&at, msg)));
                } else {
                    seen.insert(role.id.clone(), i);
                }
                roles.push(Arc::new(role));
            }
        }
        roles
    }

    fn role(&mut self, v: &Value<'_>) -> Option<Role> {
        let obj = self.object(v, "a role")?;
        let f = self.fields(obj, ROLE_FIELDS);
        let id = self.required(&f, "id", "a kebab-case identifier such as \"backend-developer\"", |w, v| {
            let s = w.string(v)?;
            if is_valid_id(&s) {
                Some(s)
            } else {
                w.error(
                    v,
                    format!(
                        "expected an id of lowercase letters and digits joined by single hyphens (like \"backend-developer\"), found \"{}\"",
                        clip(&s)
                    ),
                );
                None
            }
        });
        let title = self.required(
            &f,
            "title",
            "the role's name, e.g. \"Backend Developer\"",
            Walker::non_empty_string,
        );
        let text = |w: &mut Self, k: &str| w.opt(&f, k, Walker::string);
        let category = text(self, "category");
        let summary = text(self, "summary");
        let description = text(self, "description");
        let education = text(self, "education");
        let salary_note = text(self, "salary_note");
        let responsibilities = self
            .opt(&f, "responsibilities", |w, v| {
                Some(w.string_array(v, "a list of responsibilities"))
            })
            .unwrap_or_default();
        let day_in_the_life = self
            .opt(&f, "day_in_the_life", |w, v| {
                Some(w.list(
                    v,
                    "a list of {\"when\", \"what\"} entries",
                    Walker::day_entry,
                ))
            })
            .unwrap_or_default();
        let stack = self.opt(&f, "stack", Walker::stack).unwrap_or_default();
        let salary = self
            .opt(&f, "salary", |w, v| {
                Some(w.list(v, "a list of salary tables", Walker::salary_table))
            })
            .unwrap_or_default();
        let outlook = self.opt(&f, "outlook", Walker::outlook);
        let related = self
            .opt(&f, "related", |w, v| {
                let items = w.array(v, "a list of role ids")?;
                Some(
                    items
                        .iter()
                        .enumerate()
                        .filter_map(|(i, item)| {
                            w.in_index(i, |w| {
                                let s = w.string(item)?;
                                if is_valid_id(&s) {
                                    Some(s)
                                } else {
                                    w.error(item, format!("expected a role id such as \"software-engineer\", found \"{}\"", clip(&s)));
                                    None
                                }
                            })
                        })
                        .collect(),
                )
            })
            .unwrap_or_default();
        let links = self
            .opt(&f, "links", |w, v| {
                Some(w.list(v, "a list of links", Walker::link))
            })
            .unwrap_or_default();
        let tags = self
            .opt(&f, "tags", |w, v| {
                Some(w.string_array(v, "a list of search words"))
            })
            .unwrap_or_default();
        if f.get("stack").is_none() && f.get("salary").is_none() {
            self.warn(obj, "this role has neither `stack` nor `salary`: there is nothing to check off or chart");
        }
        Some(Role {
            id: id?,
            title: title?,
            category,
            summary,
            description,
            responsibilities,
            day_in_the_life,
            education,
            stack,
            salary,
            salary_note,
            outlook,
            related,
            links,
            tags,
        })
    }

    fn day_entry(&mut self, v: &Value<'_>) -> Option<DayEntry> {
        let obj = self.object(v, "an entry like {\"when\": \"Morning\", \"what\": \"…\"}")?;
        let f = self.fields(obj, DAY_FIELDS);
        let when = self.required(&f, "when", "the time of day", Walker::string);
        let what = self.required(&f, "what", "what happens then", Walker::string);
        Some(DayEntry {
            when: when?,
            what: what?,
        })
    }

    fn link(&mut self, v: &Value<'_>) -> Option<Link> {
        let obj = self.object(v, "a link like {\"title\": \"…\", \"url\": \"https://…\"}")?;
        let f = self.fields(obj, LINK_FIELDS);
        let title = self.required(&f, "title", "the link text", Walker::string);
        let url = self.required(&f, "url", "an http or https address", Walker::url);
        Some(Link {
            title: title?,
            url: url?,
        })
    }

    fn stack(&mut self, v: &Value<'_>) -> Option<Vec<StackGroup>> {
        let obj = self.object(v, "the stack: group name → list of technologies")?;
        let mut groups = Vec::with_capacity(obj.properties.len());
        for prop in &obj.properties {
            let name = prop.name.as_str().to_string();
            let items = self.in_key(&name, |w| {
                let items = w.array(&prop.value, "a list of technologies")?;
                Some(
                    items
                        .iter()
                        .enumerate()
                        .filter_map(|(i, item)| w.in_index(i, |w| w.tech_ref(item)))
                        .collect::<Vec<_>>(),
                )
            });
            if let Some(items) = items {
                groups.push(StackGroup { name, items });
            }
        }
        Some(groups)
    }

    fn tech_ref(&mut self, v: &Value<'_>) -> Option<TechRef> {
        match v {
            Value::StringLit(s) => {
                if s.value.trim().is_empty() {
                    self.error(v, "expected a technology name, found an empty string");
                    return None;
                }
                Some(TechRef {
                    name: s.value.to_string(),
                    priority: Priority::Core,
                    note: None,
                })
            }
            Value::Object(obj) => {
                let f = self.fields(obj, TECHREF_FIELDS);
                let name = self.required(
                    &f,
                    "name",
                    "the technology's name, id or alias",
                    Walker::non_empty_string,
                );
                let priority = self
                    .opt(&f, "priority", |w, v| {
                        let s = w.string(v)?;
                        match s.as_str() {
                            "core" => Some(Priority::Core),
                            "common" => Some(Priority::Common),
                            "optional" => Some(Priority::Optional),
                            _ => {
                                w.error(v, format!("expected one of \"core\", \"common\", \"optional\", found \"{}\"", clip(&s)));
                                None
                            }
                        }
                    })
                    .unwrap_or_default();
                let note = self.opt(&f, "note", Walker::string);
                Some(TechRef {
                    name: name?,
                    priority,
                    note,
                })
            }
            other => {
                self.error(
                    other,
                    format!(
                        "expected a technology: a name in quotes or an object like {{\"name\": \"Kafka\", \"priority\": \"common\"}}, found {}",
                        describe(other)
                    ),
                );
                None
            }
        }
    }

    fn salary_table(&mut self, v: &Value<'_>) -> Option<SalaryTable> {
        let obj = self.object(v, "a salary table")?;
        let f = self.fields(obj, TABLE_FIELDS);
        let region = self.required(
            &f,
            "region",
            "where the figures apply, e.g. \"United States\"",
            Walker::non_empty_string,
        );
        let currency = self.required(
            &f,
            "currency",
            "an ISO 4217 code such as \"USD\"",
            Walker::currency,
        );
        let period = self
            .opt(&f, "period", |w, v| {
                let s = w.string(v)?;
                match s.as_str() {
                    "year" => Some(Period::Year),
                    "month" => Some(Period::Month),
                    "hour" => Some(Period::Hour),
                    _ => {
                        w.error(
                            v,
                            format!(
                                "expected one of \"year\", \"month\", \"hour\", found \"{}\"",
                                clip(&s)
                            ),
                        );
                        None
                    }
                }
            })
            .unwrap_or_default();
        let source = self.opt(&f, "source", Walker::string);
        let as_of = self.opt(&f, "as_of", Walker::date);
        let note = self.opt(&f, "note", Walker::string);
        let levels = self.required(&f, "levels", "the salary levels", |w, v| {
            let items = w.array(v, "a list of levels")?;
            if items.is_empty() {
                w.error(
                    v,
                    "the `levels` list is empty; a salary table needs at least one level",
                );
                return None;
            }
            Some(
                items
                    .iter()
                    .enumerate()
                    .filter_map(|(i, item)| w.in_index(i, |w| w.level(item)))
                    .collect::<Vec<_>>(),
            )
        });
        Some(SalaryTable {
            region: region?,
            currency: currency?,
            period,
            source,
            as_of,
            note,
            levels: levels?,
        })
    }

    fn level(&mut self, v: &Value<'_>) -> Option<Level> {
        let obj = self.object(v, "a salary level")?;
        let f = self.fields(obj, LEVEL_FIELDS);
        let name = self.required(
            &f,
            "level",
            "the level's name, e.g. \"Junior\" or \"All levels\"",
            Walker::non_empty_string,
        );
        let mut level = Level::default();
        let mut given: Vec<(&'static str, f64, &Value<'_>)> = Vec::new();
        for key in ["min", "p10", "p25", "median", "p75", "p90", "max"] {
            let Some(value) = f.get(key) else { continue };
            let Some(x) = self.in_key(key, |w| w.number(value, false)) else {
                continue;
            };
            given.push((key, x, value));
            let slot = match key {
                "min" => &mut level.min,
                "p10" => &mut level.p10,
                "p25" => &mut level.p25,
                "median" => &mut level.median,
                "p75" => &mut level.p75,
                "p90" => &mut level.p90,
                _ => &mut level.max,
            };
            *slot = Some(x);
        }
        let any_figure = ["min", "p10", "p25", "median", "p75", "p90", "max"]
            .iter()
            .any(|k| f.get(k).is_some());
        if !any_figure {
            self.error(
                obj,
                "a level needs at least one figure: min, p10, p25, median, p75, p90 or max",
            );
        }
        // Every given figure must be at least every earlier one.
        let mut highest: Option<(&str, f64)> = None;
        for &(key, x, value) in &given {
            if let Some((prev_key, prev)) = highest
                && x < prev
            {
                self.in_key(key, |w| {
                        w.error(
                            value,
                            format!(
                                "`{key}` ({}) is lower than `{prev_key}` ({}); figures must rise in the order min ≤ p10 ≤ p25 ≤ median ≤ p75 ≤ p90 ≤ max",
                                fmt_num(x),
                                fmt_num(prev)
                            ),
                        );
                    });
                continue;
            }
            highest = Some((key, x));
        }
        level.open_ended = self.opt(&f, "open_ended", Walker::bool).unwrap_or(false);
        level.note = self.opt(&f, "note", Walker::string);
        level.level = name?;
        Some(level)
    }

    fn outlook(&mut self, v: &Value<'_>) -> Option<Outlook> {
        let obj = self.object(v, "an outlook")?;
        let f = self.fields(obj, OUTLOOK_FIELDS);
        let text = |w: &mut Self, k: &str| w.opt(&f, k, Walker::string);
        Some(Outlook {
            occupation: text(self, "occupation"),
            period: text(self, "period"),
            // A projected change can be a decline.
            growth_pct: self.opt(&f, "growth_pct", |w, v| w.number(v, true)),
            openings_per_year: self.opt(&f, "openings_per_year", |w, v| w.number(v, false)),
            entry_education: text(self, "entry_education"),
            work_experience: text(self, "work_experience"),
            source: text(self, "source"),
            note: text(self, "note"),
        })
    }

    /// Warnings that need the whole dataset: duplicate technologies in a role
    /// (after resolving the file's own catalog), alias clashes, dangling `related`.
    fn cross_checks(&mut self, root: &Value<'_>, dataset: &Dataset, cx: ReadContext<'_>) {
        let (role_values, prefix): (Vec<&Value<'_>>, bool) = match root {
            Value::Object(o) if o.get("format").is_some() => (
                o.get_array("roles")
                    .map(|a| a.elements.iter().collect())
                    .unwrap_or_default(),
                true,
            ),
            Value::Object(_) => (vec![root], false),
            Value::Array(a) => (a.elements.iter().collect(), false),
            _ => return,
        };
        let mut names: HashMap<String, usize> = HashMap::new();
        for (i, t) in dataset.technologies.iter().enumerate() {
            for n in std::iter::once(&t.id)
                .chain(std::iter::once(&t.name))
                .chain(&t.aliases)
            {
                let key = n.to_lowercase();
                if let Some(&other) = names.get(&key) {
                    if other != i {
                        let msg = format!(
                            "\"{n}\" names both `{}` and `{}`; a name or alias must mean one technology",
                            dataset.technologies[other].id, t.id
                        );
                        if let Some(at) = root
                            .as_object()
                            .and_then(|o| o.get_array("technologies"))
                            .and_then(|a| a.elements.get(i))
                        {
                            self.in_key("technologies", |w| w.in_index(i, |w| w.warn(at, msg)));
                        }
                    }
                } else {
                    names.insert(key, i);
                }
            }
        }
        let own_ids: HashSet<&str> = dataset.roles.iter().map(|r| r.id.as_str()).collect();
        let single = !prefix && matches!(root, Value::Object(_));
        let role_items = std::mem::take(&mut self.role_items);
        for (role, &(ri, clean)) in dataset.roles.iter().zip(&role_items) {
            let Some(ro) = role_values.get(ri).and_then(|v| v.as_object()) else {
                continue;
            };
            if !clean {
                continue;
            }
            let enter = |w: &mut Self, f: &mut dyn FnMut(&mut Self)| {
                if prefix {
                    w.path.push(Seg::Key("roles".into()));
                }
                if !single {
                    w.path.push(Seg::Index(ri));
                }
                f(w);
                if !single {
                    w.path.pop();
                }
                if prefix {
                    w.path.pop();
                }
            };
            // Duplicate technologies.
            if let Some(stack) = ro.get_object("stack") {
                let mut seen: HashMap<String, String> = HashMap::new();
                for (group, prop) in role.stack.iter().zip(&stack.properties) {
                    let Some(arr) = prop.value.as_array() else {
                        continue;
                    };
                    for (ti, (tech, tv)) in group.items.iter().zip(&arr.elements).enumerate() {
                        let lower = tech.name.to_lowercase();
                        let identity = names
                            .get(&lower)
                            .map_or(lower, |&i| dataset.technologies[i].id.to_lowercase());
                        if let Some(first) = seen.get(&identity) {
                            let msg = format!(
                                "\"{}\" is already in this role's stack (as \"{first}\"); list each technology once",
                                tech.name
                            );
                            enter(self, &mut |w| {
                                w.in_key("stack", |w| {
                                    w.in_key(&group.name, |w| {
                                        w.in_index(ti, |w| w.warn(tv, msg.clone()));
                                    });
                                });
                            });
                        } else {
                            seen.insert(identity, tech.name.clone());
                        }
                    }
                }
            }
            // Related ids.
            if let Some(rel) = ro.get_array("related") {
                for (k, (id, rv)) in role.related.iter().zip(&rel.elements).enumerate() {
                    let known = own_ids.contains(id.as_str())
                        || cx.known_role_ids.is_some_and(|ids| ids.contains(id));
                    if !known {
                        let msg = format!(
                            "the related role \"{id}\" is not defined in this file or any loaded dataset"
                        );
                        enter(self, &mut |w| {
                            w.in_key("related", |w| w.in_index(k, |w| w.warn(rv, msg.clone())));
                        });
                    }
                }
            }
        }
    }
}

/// A dataset for the single-role and bare-array shapes.
pub(crate) fn bare_dataset(file_stem: &str, roles: Vec<Arc<Role>>) -> Dataset {
    Dataset {
        format: FORMAT_TAG.to_string(),
        name: file_stem.to_string(),
        description: None,
        author: None,
        version: None,
        license: None,
        source: None,
        as_of: None,
        sources: Vec::new(),
        attribution: None,
        technologies: Vec::new(),
        exchange_rates: None,
        roles,
    }
}

fn fmt_num(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{x:.0}")
    } else {
        format!("{x}")
    }
}

/// A bare position, for diagnostics about a place rather than a value.
struct Pos(usize);

impl Ranged for Pos {
    fn range(&self) -> jsonc_parser::common::Range {
        jsonc_parser::common::Range::new(self.0, self.0)
    }
}
