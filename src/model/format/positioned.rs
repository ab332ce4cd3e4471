//! The route for a file with something to report: split the document into
//! parts (the dataset object without its roles, then each role), read each
//! part on its own (a part that `serde_json` refuses from its syntax tree,
//! see [`super::tree`]), check the rules, and position each finding in the
//! syntax tree of its own part only. A mistake in one role therefore never
//! hides another role's, and a file with warnings in a thousand roles parses
//! those thousand roles' trees, not the whole file's.

use std::sync::Arc;

use jsonc_parser::ast::Value;
use jsonc_parser::common::Ranged;
use serde::de::DeserializeOwned;
use serde_json::value::RawValue;

use super::path::{Seg, locate, render};
use super::rules::{Finding, Shape, check_dataset, format_tag_problem};
use super::split::{Item, Top, split};
use super::text::{parse_tree, syntax_error, tree_error_message, whole_file_error};
use super::{ReadContext, ReadOutcome, bare_dataset, tree};
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
    /// The role, when [`split`] read it.
    role: Option<Role>,
    /// Whether [`split`] tried to read it with `serde_json` (and, when
    /// `role` is `None`, failed).
    tried: bool,
}

impl<'t> Part<'t> {
    fn new(item: Item<'t>, tried: bool, prefix: Vec<Seg>) -> Self {
        let (gap, tree) = (None, None);
        Self {
            text: item.text,
            base: item.offset,
            gap,
            prefix,
            tree,
            role: item.role,
            tried,
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
                Err(e) => Err((e.range().start, tree_error_message(&e, self.text))),
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
    /// Values made up for what the file lacks (see [`tree`]).
    holes: Vec<Vec<Seg>>,
}

impl Report<'_> {
    fn push(&mut self, offset: usize, severity: Severity, path: String, message: String) {
        let (line, column) = (0, 0);
        let d = Diagnostic {
            severity,
            line,
            column,
            path,
            message,
        };
        self.pending.push((offset, d));
    }

    /// Reads `part` with `serde_json` when that can, else from its tree.
    fn read<T: DeserializeOwned>(&mut self, part: &mut Part<'_>, long: &[usize]) -> Option<T> {
        let end = part.offset(part.text.len());
        if !part.tried
            && !long.iter().any(|&at| part.base <= at && at < end)
            && let Ok(v) = serde_json::from_str(part.text)
        {
            return Some(v);
        }
        let prefix = part.prefix.clone();
        let tree = match part.tree(self.index) {
            Ok(t) => t,
            Err(d) => {
                self.diagnostics.push(d);
                return None;
            }
        };
        let (value, found, holes) = tree::read::<T>(tree, &prefix);
        for (offset, path, severity, message) in found {
            self.push(part.offset(offset), severity, render(&path), message);
        }
        self.holes.extend(holes);
        value
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
        let path = render(&finding.path);
        self.push(offset, finding.severity, path, finding.message);
    }

    fn finish(mut self, dataset: Option<Dataset>) -> ReadOutcome {
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
            dataset: dataset.filter(|_| ok),
            diagnostics: self.diagnostics,
        }
    }
}

/// Reads `text` part by part; `whole` is the dataset when `serde_json` read
/// it in one piece, with what the rules found in it (then only those
/// findings need positions), and `long` holds the offsets of over-long text.
pub(super) fn read(
    file_stem: &str,
    text: &str,
    cx: ReadContext<'_>,
    whole: Option<(Dataset, Vec<Finding>)>,
    long: &[usize],
) -> ReadOutcome {
    let index = LineIndex::new(text);
    let start = text.len() - text.trim_start().len();
    let refuse = |message: String| {
        let (line, column) = index.position(start);
        ReadOutcome::refused(whole_file_error(line, column, message))
    };
    if !text[start..].starts_with(['[', '{']) {
        if let Err(e) = serde_json::from_str::<serde::de::IgnoredAny>(text) {
            return ReadOutcome::refused(syntax_error(text, &index, &e));
        }
        let found = parse_tree(text).ok().flatten();
        let found = found.map_or_else(|| "something else".into(), |v| tree::describe(&v));
        return refuse(format!(
            "expected a dataset object, a single role object or an array of roles at the top level, found {found}"
        ));
    }
    // Roles are read on the way unless the model is there already, or some
    // text is too long (a part holding it is read from its tree).
    let typed = whole.is_none() && long.is_empty();
    let top = match split(text, typed) {
        Ok(top) => top,
        Err(e) => {
            // The error of the whole text has the right position.
            let e = serde_json::from_str::<&RawValue>(text).err().unwrap_or(e);
            return ReadOutcome::refused(syntax_error(text, &index, &e));
        }
    };
    let head_text: String;
    let mut parts = Vec::new();
    let mut shape = Shape::Array;
    match top {
        Top::Array(items) => {
            if items.is_empty() {
                return refuse(
                    "the array holds no roles; a role file needs at least one role".into(),
                );
            }
            for (i, item) in items.into_iter().enumerate() {
                parts.push(Part::new(item, typed, vec![Seg::Index(i)]));
            }
        }
        Top::Object(keys, items) => {
            let get = |k: &str| keys.iter().rev().find(|(key, _)| key == k).map(|kv| kv.1);
            let has = |k: &str| get(k).is_some();
            if let Some(raw) = get("format") {
                if let Ok(tag) = serde_json::from_str::<String>(raw)
                    && let Some(message) = format_tag_problem(&tag)
                {
                    let at = raw.as_ptr() as usize - text.as_ptr() as usize;
                    let (line, column) = index.position(at);
                    let (severity, path) = (Severity::Error, "format".into());
                    let d = Diagnostic {
                        severity,
                        line,
                        column,
                        path,
                        message,
                    };
                    return ReadOutcome::refused(d);
                }
                shape = Shape::Dataset;
                // The dataset object is read with its roles cut out.
                let mut gap = None;
                head_text = match (items.first(), items.last()) {
                    (Some(first), Some(last)) => {
                        let (from, to) = (first.offset, last.offset + last.text.len());
                        gap = Some((from, to - from));
                        format!("{}{}", &text[..from], &text[to..])
                    }
                    _ => text.to_string(),
                };
                parts.push(Part {
                    gap,
                    ..Part::new(Item::whole(&head_text), false, Vec::new())
                });
                for (i, item) in items.into_iter().enumerate() {
                    let prefix = vec![Seg::Key("roles".into()), Seg::Index(i)];
                    parts.push(Part::new(item, typed, prefix));
                }
            } else if has("id") || has("title") {
                shape = Shape::Role;
                parts.push(Part::new(Item::whole(text), false, Vec::new()));
            } else if has("roles") || has("name") {
                return refuse(format!(
                    "missing required field `format`: a dataset object starts with \"format\": \"{FORMAT_TAG}\""
                ));
            } else {
                return refuse(format!(
                    "this object is none of the three accepted shapes: a dataset needs \"format\": \"{FORMAT_TAG}\" and `roles`; a single role needs `id` and `title`"
                ));
            }
        }
    }
    let mut report = Report {
        index: &index,
        diagnostics: Vec::new(),
        pending: Vec::new(),
        holes: Vec::new(),
    };
    let dataset_object = shape == Shape::Dataset;
    let first_role = usize::from(dataset_object);
    let mut complete = true;
    let (ds, findings) = if let Some(whole) = whole {
        whole
    } else {
        let mut head = None;
        if dataset_object {
            head = report.read::<Dataset>(&mut parts[0], long);
        }
        let mut roles = Vec::new();
        let mut read = Vec::new();
        for (i, part) in parts[first_role..].iter_mut().enumerate() {
            if let Some(role) = part.role.take().or_else(|| report.read::<Role>(part, long)) {
                roles.push(Arc::new(role));
                read.push(i);
            }
        }
        // A part that could not be read at all has had its error reported.
        complete = roles.len() + first_role == parts.len() && (head.is_some() || !dataset_object);
        let ds = match head {
            Some(h) => Dataset { roles, ..h },
            None => bare_dataset(file_stem, roles),
        };
        let findings = check_dataset(&ds, shape, Some(&read), cx);
        (ds, findings)
    };
    for f in findings {
        // What the rules say of a made-up value, or of the object a
        // made-up field belongs to, follows from a mistake already reported.
        let parent = |h: &Vec<Seg>| h.len() == f.path.len() + 1 && h.starts_with(&f.path);
        if report
            .holes
            .iter()
            .any(|h| f.path.starts_with(h) || parent(h))
        {
            continue;
        }
        let p = match (dataset_object, f.path.as_slice()) {
            (true, [Seg::Key(k), Seg::Index(i), ..]) if k == "roles" => 1 + i,
            (false, [Seg::Index(i), ..]) => *i,
            _ => 0,
        };
        let p = p.min(parts.len() - 1);
        report.locate(&mut parts[p], f);
    }
    report.finish(Some(ds).filter(|_| complete))
}
