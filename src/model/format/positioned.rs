//! The route for a file with something to report: split the document into
//! parts, read each part on its own, check the rules per part, and find the
//! position of each finding in the syntax tree of its part only.

use std::sync::Arc;

use jsonc_parser::ast::Value;
use jsonc_parser::common::Ranged;
use serde::de::{DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::value::RawValue;

use super::path::{Seg, locate, render};
use super::rules::{Check, Finding, cross_checks, format_tag_problem};
use super::text::{parse_tree, syntax_error, tree_error_message, whole_file_error};
use super::{
    ReadContext, ReadOutcome, Whole, ast_de, bare_dataset, part_of, role_prefix, serde_read,
};
use crate::model::diagnostic::{Diagnostic, LineIndex, Severity};
use crate::model::types::{Dataset, FORMAT_TAG, Role};

/// A part of the document, read and located on its own.
struct Part<'t> {
    text: &'t str,
    /// Offset of `text` in the document.
    base: usize,
    /// A stretch of the document left out of `text` at this offset of `text`
    /// (the roles, for the dataset object), and its length.
    gap: Option<(usize, usize)>,
    prefix: Vec<Seg>,
    tree: Option<Result<Value<'t>, Diagnostic>>,
    /// Read from the syntax tree: it failed with `serde_json`, has an
    /// unknown field or over-long text.
    from_tree: bool,
}

impl<'t> Part<'t> {
    fn new(text: &'t str, base: usize, prefix: Vec<Seg>) -> Self {
        Self {
            text,
            base,
            gap: None,
            prefix,
            tree: None,
            from_tree: false,
        }
    }

    fn offset(&self, at: usize) -> usize {
        match self.gap {
            Some((cut, len)) if at >= cut => self.base + at + len,
            _ => self.base + at,
        }
    }

    fn tree(&mut self, index: &LineIndex<'_>) -> Result<&Value<'t>, Diagnostic> {
        if self.tree.is_none() {
            let parsed = match parse_tree(self.text) {
                Ok(Some(v)) => Ok(v),
                Ok(None) => Err((0, "no JSON value here".to_string())),
                Err(e) => Err((e.range().start, tree_error_message(&e))),
            };
            self.tree = Some(parsed.map_err(|(at, message)| {
                let (line, column) = index.position(self.offset(at));
                whole_file_error(line, column, message)
            }));
        }
        match &self.tree {
            Some(Ok(v)) => Ok(v),
            Some(Err(d)) => Err(d.clone()),
            None => unreachable!("parsed above"),
        }
    }
}

struct Report<'i> {
    index: &'i LineIndex<'i>,
    diagnostics: Vec<Diagnostic>,
    /// Diagnostics by byte offset, positioned all at once at the end.
    pending: Vec<(usize, Diagnostic)>,
}

impl Report<'_> {
    fn push(&mut self, offset: usize, severity: Severity, path: String, message: String) {
        let d = Diagnostic {
            severity,
            line: 0,
            column: 0,
            path,
            message,
        };
        self.pending.push((offset, d));
    }

    /// Reads `part` from its syntax tree, reporting what that finds.
    fn read_tree<T: serde::de::DeserializeOwned>(&mut self, part: &mut Part<'_>) -> Option<T> {
        part.from_tree = true;
        let prefix = part.prefix.clone();
        let tree = match part.tree(self.index) {
            Ok(t) => t,
            Err(d) => {
                self.diagnostics.push(d);
                return None;
            }
        };
        let (value, found) = ast_de::read::<T>(tree, &prefix);
        for f in found {
            let offset = part.offset(f.offset);
            self.push(offset, f.severity, f.path, f.message);
        }
        value
    }

    /// Reads `part` with `serde_json` when it is clean, else from its tree.
    fn read<T: serde::de::DeserializeOwned>(&mut self, part: &mut Part<'_>) -> Option<T> {
        if !part.from_tree {
            let mut unknown = false;
            if let Some(v) = serde_read::<T>(part.text, |_| unknown = true)
                && !unknown
            {
                return Some(v);
            }
        }
        self.read_tree(part)
    }

    /// Gives `finding` its position in `part`.
    fn locate(&mut self, part: &mut Part<'_>, finding: Finding) {
        let skip = part.prefix.len();
        let tree = match part.tree(self.index) {
            Ok(t) => t,
            Err(d) => {
                self.diagnostics.push(d);
                return;
            }
        };
        let rel = finding.path.get(skip..).unwrap_or_default();
        let (node, key_at) = locate(tree, rel).unwrap_or((tree, None));
        if let Value::Object(o) = node
            && o.properties
                .iter()
                .any(|p| finding.unless_keys.contains(&p.name.as_str()))
        {
            return;
        }
        let at = match key_at {
            Some(k) if finding.at_key => k,
            _ => node.start(),
        };
        let offset = part.offset(at);
        self.push(
            offset,
            finding.severity,
            render(&finding.path),
            finding.message,
        );
    }

    fn finish(mut self, dataset: impl FnOnce() -> Option<Dataset>) -> ReadOutcome {
        self.pending.sort_by_key(|(o, _)| *o);
        let offsets: Vec<usize> = self.pending.iter().map(|(o, _)| *o).collect();
        let positions = self.index.positions_ascending(&offsets);
        for ((_, mut d), (line, column)) in self.pending.into_iter().zip(positions) {
            (d.line, d.column) = (line, column);
            self.diagnostics.push(d);
        }
        self.diagnostics.sort_by_key(|d| (d.line, d.column));
        let ok = !self.diagnostics.iter().any(Diagnostic::is_error);
        ReadOutcome {
            dataset: if ok { dataset() } else { None },
            diagnostics: self.diagnostics,
        }
    }
}

pub(super) fn read(
    file_stem: &str,
    text: &str,
    cx: ReadContext<'_>,
    whole: Option<Whole>,
    long: &[usize],
) -> ReadOutcome {
    let index = LineIndex::new(text);
    let top: Top<'_> = match serde_json::from_str(text) {
        Ok(t) => t,
        Err(e) => return ReadOutcome::refused(syntax_error(text, &index, &e)),
    };
    let start = text.len() - text.trim_start().len();
    let refuse = |message: String| {
        let (line, column) = index.position(start);
        ReadOutcome::refused(whole_file_error(line, column, message))
    };
    let offset_of = |raw: &RawValue| raw.get().as_ptr() as usize - text.as_ptr() as usize;
    match top {
        Top::Other => {
            let found = parse_tree(text)
                .ok()
                .flatten()
                .map_or_else(|| "something else".into(), |v| ast_de::describe(&v));
            refuse(format!(
                "expected a dataset object, a single role object or an array of roles at the top level, found {found}"
            ))
        }
        Top::Array(items) if items.is_empty() => {
            refuse("the array holds no roles; a role file needs at least one role".into())
        }
        Top::Array(items) => {
            let parts = items
                .iter()
                .enumerate()
                .map(|(i, raw)| Part::new(raw.get(), offset_of(raw), role_prefix(false, i)))
                .collect();
            read_parts(file_stem, &index, cx, whole, long, None, parts)
        }
        Top::Object {
            keys,
            format,
            roles,
        } => {
            let has = |k: &str| keys.iter().any(|key| key == k);
            if let Some(raw) = format {
                if let Ok(tag) = serde_json::from_str::<String>(raw.get())
                    && let Some(message) = format_tag_problem(&tag)
                {
                    let (line, column) = index.position(offset_of(raw));
                    let d = Diagnostic {
                        severity: Severity::Error,
                        line,
                        column,
                        path: "format".into(),
                        message,
                    };
                    return ReadOutcome::refused(d);
                }
                let roles_is_list = roles.is_some();
                let items = roles.unwrap_or_default();
                // The dataset object is read with its roles cut out.
                let (head_text, gap) = match (items.first(), items.last()) {
                    (Some(first), Some(last)) => {
                        let (from, to) = (offset_of(first), offset_of(last) + last.get().len());
                        (
                            format!("{}{}", &text[..from], &text[to..]),
                            Some((from, to - from)),
                        )
                    }
                    _ => (text.to_string(), None),
                };
                let mut head = Part::new(&head_text, 0, Vec::new());
                head.gap = gap;
                let mut parts = vec![head];
                parts.extend(
                    items
                        .iter()
                        .enumerate()
                        .map(|(i, raw)| Part::new(raw.get(), offset_of(raw), role_prefix(true, i))),
                );
                let roles_given = if roles_is_list { items.len() } else { 1 };
                read_parts(file_stem, &index, cx, whole, long, Some(roles_given), parts)
            } else if has("id") || has("title") {
                let parts = vec![Part::new(text, 0, Vec::new())];
                read_parts(file_stem, &index, cx, None, long, None, parts)
            } else if has("roles") || has("name") {
                refuse(format!(
                    "missing required field `format`: a dataset object starts with \"format\": \"{FORMAT_TAG}\""
                ))
            } else {
                refuse(format!(
                    "this object is none of the three accepted shapes: a dataset needs \"format\": \"{FORMAT_TAG}\" and `roles`; a single role needs `id` and `title`"
                ))
            }
        }
    }
}

/// Reads the parts of a document: for a dataset object, `roles_given` is
/// how many roles it has and part 0 is the object itself.
fn read_parts(
    file_stem: &str,
    index: &LineIndex<'_>,
    cx: ReadContext<'_>,
    whole: Option<Whole>,
    long: &[usize],
    roles_given: Option<usize>,
    mut parts: Vec<Part<'_>>,
) -> ReadOutcome {
    let object = roles_given.is_some();
    let first_role = usize::from(object);
    let whole = whole.filter(|w| w.dataset.roles.len() + first_role == parts.len());
    // Which parts must be read from their tree.
    if let Some(w) = &whole {
        for &p in &w.unclean {
            if let Some(part) = parts.get_mut(p) {
                part.from_tree = true;
            }
        }
    }
    for &at in long {
        let p = parts
            .iter()
            .rposition(|p| p.gap.is_none() && p.base <= at && at < p.base + p.text.len())
            .unwrap_or(0);
        parts[p].from_tree = true;
    }
    let mut report = Report {
        index,
        diagnostics: Vec::new(),
        pending: Vec::new(),
    };
    let mut head: Option<Dataset> = None;
    let mut roles: Vec<Option<Arc<Role>>> = Vec::with_capacity(parts.len());
    for (p, part) in parts.iter_mut().enumerate() {
        if object && p == 0 {
            if whole.is_none() {
                head = report.read::<Dataset>(part);
            } else if part.from_tree {
                let _ = report.read_tree::<Dataset>(part);
            }
            continue;
        }
        let role = match &whole {
            Some(w) => {
                if part.from_tree {
                    let _ = report.read_tree::<Role>(part);
                }
                Some(Arc::clone(&w.dataset.roles[p - first_role]))
            }
            None => report.read::<Role>(part).map(Arc::new),
        };
        roles.push(role);
    }
    // The rules, per part, then across parts.
    let mut findings: Vec<Finding> = Vec::new();
    let head_read = whole.as_ref().map(|w| &w.dataset).or(head.as_ref());
    if let (Some(h), Some(n)) = (head_read, roles_given) {
        let mut c = Check::new(&[]);
        c.head(h, n);
        findings.append(&mut c.found);
    }
    let read_roles: Vec<(&[Seg], &Role)> = parts[first_role..]
        .iter()
        .zip(&roles)
        .filter_map(|(part, r)| Some((part.prefix.as_slice(), r.as_deref()?)))
        .collect();
    for &(prefix, role) in &read_roles {
        let mut c = Check::new(prefix);
        c.role(role);
        findings.append(&mut c.found);
    }
    let techs = head_read.map_or(&[][..], |h| h.technologies.as_slice());
    findings.extend(cross_checks(techs, &read_roles, cx));
    drop(read_roles);
    for f in findings {
        let p = if parts.len() == 1 {
            0
        } else {
            part_of(&f.path, object)
        };
        let p = p.min(parts.len() - 1);
        report.locate(&mut parts[p], f);
    }
    report.finish(|| {
        if let Some(w) = whole {
            return Some(w.dataset);
        }
        let roles = roles.into_iter().collect::<Option<Vec<_>>>()?;
        Some(match head {
            Some(mut h) => {
                h.roles = roles;
                h
            }
            None => bare_dataset(file_stem, roles),
        })
    })
}

/// The top level of a document, as far as the shape and the split into
/// parts need: the keys of an object (the roles and the format tag kept as
/// written), the items of an array, or anything else.
enum Top<'t> {
    Object {
        keys: Vec<String>,
        format: Option<&'t RawValue>,
        /// `None` when `roles` is missing or not an array.
        roles: Option<Vec<&'t RawValue>>,
    },
    Array(Vec<&'t RawValue>),
    Other,
}

impl<'de> serde::Deserialize<'de> for Top<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(TopVisitor)
    }
}

struct TopVisitor;

impl<'de> Visitor<'de> for TopVisitor {
    type Value = Top<'de>;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Top<'de>, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element::<&'de RawValue>()? {
            items.push(item);
        }
        Ok(Top::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Top<'de>, A::Error> {
        let (mut keys, mut format, mut roles) = (Vec::new(), None, None);
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "format" => format = Some(map.next_value::<&'de RawValue>()?),
                "roles" => roles = map.next_value_seed(RolesSeed)?,
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
            keys.push(key);
        }
        Ok(Top::Object {
            keys,
            format,
            roles,
        })
    }

    fn visit_bool<E>(self, _: bool) -> Result<Top<'de>, E> {
        Ok(Top::Other)
    }

    fn visit_i64<E>(self, _: i64) -> Result<Top<'de>, E> {
        Ok(Top::Other)
    }

    fn visit_u64<E>(self, _: u64) -> Result<Top<'de>, E> {
        Ok(Top::Other)
    }

    fn visit_f64<E>(self, _: f64) -> Result<Top<'de>, E> {
        Ok(Top::Other)
    }

    fn visit_str<E>(self, _: &str) -> Result<Top<'de>, E> {
        Ok(Top::Other)
    }

    fn visit_unit<E>(self) -> Result<Top<'de>, E> {
        Ok(Top::Other)
    }
}

/// The items of `roles` when it is an array, each as written.
struct RolesSeed;

impl<'de> DeserializeSeed<'de> for RolesSeed {
    type Value = Option<Vec<&'de RawValue>>;

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        match TopVisitor.deserialize_in(d)? {
            Top::Array(items) => Ok(Some(items)),
            _ => Ok(None),
        }
    }
}

impl TopVisitor {
    fn deserialize_in<'de, D: serde::Deserializer<'de>>(self, d: D) -> Result<Top<'de>, D::Error> {
        d.deserialize_any(self)
    }
}
