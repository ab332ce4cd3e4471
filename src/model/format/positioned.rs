//! The route for a file with something to report: split the document into
//! parts (the dataset object without its roles, then each role), read each
//! part on its own (a part that `serde_json` refuses from its syntax tree,
//! see [`crate::json::tree`]), check the rules, and position each finding in the
//! syntax tree of its own part only. A mistake in one role therefore never
//! hides another role's, and a file with warnings in a thousand roles parses
//! those thousand roles' trees, not the whole file's.

use std::collections::HashSet;
use std::sync::Arc;

use jsonc_parser::ast::Value;
use jsonc_parser::common::Ranged;
use serde::de::DeserializeOwned;

use super::rules::{Finding, Shape, check_dataset, format_tag_problem};
use super::split::{Part, Top, split};
use super::{MAX_STRING_BYTES, ReadContext, ReadOutcome, bare_dataset, kind};
use crate::json::diagnostic::{Diagnostic, LineIndex, Severity};
use crate::json::path::{Seg, locate, render};
use crate::json::syntax::{
    TOO_DEEP, parse_tree, syntax_error, too_deep, tree_error_message, whole_file_error,
};
use crate::json::tree;
use crate::model::types::{Dataset, FORMAT_TAG};

/// Diagnostics by byte offset, given positions all at once at the end.
#[derive(Default)]
struct Report {
    found: Vec<(usize, Diagnostic)>,
    /// Values made up for what the file lacks (see [`tree`]), and the
    /// objects they belong to: sets, looked up once per finding.
    holes: HashSet<Vec<Seg>>,
    hole_parents: HashSet<Vec<Seg>>,
}

impl Report {
    fn push(&mut self, offset: usize, severity: Severity, path: &[Seg], message: String) {
        let (line, column, path) = (0, 0, render(path));
        let d = Diagnostic {
            severity,
            line,
            column,
            path,
            message,
        };
        self.found.push((offset, d));
    }

    /// `part`'s syntax tree; `None`, with the error reported, when it does not parse.
    fn tree<'p, 't>(&mut self, part: &'p Part<'t>) -> Option<&'p Value<'t>> {
        let parsed = part.tree.get_or_init(|| match parse_tree(part.text) {
            Ok(v) => v.ok_or_else(|| (0, "no JSON value here".into())),
            Err(e) => Err((e.range().start, tree_error_message(&e, part.text))),
        });
        if let Err((at, message)) = parsed {
            self.push(part.offset(*at), Severity::Error, &[], message.clone());
        }
        parsed.as_ref().ok()
    }

    /// Reads `part`, with `serde_json` when `serde` and that can, else from its tree.
    fn read<T: DeserializeOwned>(&mut self, part: &Part<'_>, serde: bool) -> Option<T> {
        if serde && let Ok(v) = serde_json::from_str(part.text) {
            return Some(v);
        }
        let (value, found, holes) =
            tree::read::<T>(self.tree(part)?, &part.prefix, MAX_STRING_BYTES);
        for (offset, path, severity, message) in found {
            self.push(part.offset(offset), severity, &path, message);
        }
        for h in holes {
            self.hole_parents
                .extend(h.split_last().map(|(_, up)| up.to_vec()));
            self.holes.insert(h);
        }
        value
    }

    /// Gives `f` its position in `part`.
    fn locate(&mut self, part: &Part<'_>, f: Finding) {
        // What the rules say of a made-up value, or of the object a made-up
        // field belongs to, follows from a mistake already reported.
        let under_hole = (0..=f.path.len()).any(|n| self.holes.contains(&f.path[..n]));
        if under_hole || self.hole_parents.contains(&f.path) {
            return;
        }
        let Some(tree) = self.tree(part) else {
            return;
        };
        let rel = f.path.get(part.prefix.len()..).unwrap_or_default();
        let (node, key_at) = locate(tree, rel).unwrap_or((tree, None));
        if matches!(node, Value::Object(o) if f.unless_keys.iter().any(|k| o.get(k).is_some())) {
            return;
        }
        let at = key_at.filter(|_| f.at_key).unwrap_or_else(|| node.start());
        self.push(part.offset(at), f.severity, &f.path, f.message);
    }

    /// Positions are found in one ascending pass: a compact file is one line
    /// of many megabytes.
    fn finish(mut self, index: &LineIndex<'_>, dataset: Option<Dataset>) -> ReadOutcome {
        self.found.sort_by_key(|(at, _)| *at);
        let offsets: Vec<usize> = self.found.iter().map(|(at, _)| *at).collect();
        let positions = index.positions_ascending(&offsets);
        let diagnostics = (self.found.into_iter().zip(positions))
            .map(|((_, d), (line, column))| Diagnostic { line, column, ..d })
            .collect();
        ReadOutcome::new(dataset, diagnostics)
    }
}

/// Reads `text` part by part; `whole` is the dataset when `serde_json` read
/// it in one piece, with what the rules found in it (then only those
/// findings need positions), and `long` holds the offsets of over-long text.
///
/// # Errors
/// The one diagnostic that refuses the file.
pub(super) fn read(
    file_stem: &str,
    text: &str,
    cx: ReadContext<'_>,
    whole: Option<(Dataset, Vec<Finding>)>,
    long: &[usize],
) -> Result<ReadOutcome, Diagnostic> {
    let index = LineIndex::new(text);
    if whole.is_none() {
        if let Some(at) = too_deep(text) {
            // Arrays and objects alike, and alone: the parts left unread would
            // only add noise (an "empty" roles list).
            let (line, column) = index.position(at);
            return Err(whole_file_error(line, column, TOO_DEEP.into()));
        }
        if let Some(kind) = kind::recognize(text) {
            // Another kind of file: one line that says what it is, not field-level noise.
            return Err(kind.diagnostic());
        }
    }
    let start = text.len() - text.trim_start().len();
    let refuse = |message: String| {
        let (line, column) = index.position(start);
        whole_file_error(line, column, message)
    };
    let Some(top) = split(text, whole.is_none()) else {
        // The whole text's error has the right position.
        if let Err(e) = serde_json::from_str::<serde::de::IgnoredAny>(text) {
            return Err(syntax_error(text, &index, &e));
        }
        let found = parse_tree(text).ok().flatten();
        let found = found.map_or_else(|| "something else".into(), |v| tree::describe(&v));
        return Err(refuse(format!(
            "expected a dataset object, a single role object or an array of roles at the top level, found {found}"
        )));
    };
    let head_text: String;
    let (shape, mut parts) = match top {
        Top::Array(roles) if roles.is_empty() => {
            let message = "the array holds no roles; a role file needs at least one role";
            return Err(refuse(message.into()));
        }
        Top::Array(roles) => (Shape::Array, roles),
        Top::Object(keys, roles) => {
            let get = |k: &str| keys.iter().rev().find(|(key, _)| key == k).map(|kv| kv.1);
            if let Some(raw) = get("format") {
                if let Ok(tag) = serde_json::from_str::<String>(raw)
                    && let Some(message) = format_tag_problem(&tag)
                {
                    let (line, column) =
                        index.position(raw.as_ptr() as usize - text.as_ptr() as usize);
                    let mut d = whole_file_error(line, column, message);
                    d.path = "format".into();
                    return Err(d);
                }
                // The dataset object is read with its roles cut out.
                let (from, to) = (roles.first().zip(roles.last()))
                    .map_or((0, 0), |(f, l)| (f.base, l.base + l.text.len()));
                head_text = format!("{}{}", &text[..from], &text[to..]);
                let head = Part {
                    text: &head_text,
                    gap: (from, to - from),
                    ..Part::default()
                };
                (Shape::Dataset, std::iter::once(head).chain(roles).collect())
            } else if get("id").or(get("title")).is_some() {
                // Never read in one pass: that is for the other two shapes.
                let role = serde_json::from_str(text).ok();
                let part = Part {
                    text,
                    role,
                    ..Part::default()
                };
                (Shape::Role, vec![part])
            } else if get("roles").or(get("name")).is_some() {
                return Err(refuse(format!(
                    "missing required field `format`: a dataset object starts with \"format\": \"{FORMAT_TAG}\""
                )));
            } else {
                return Err(refuse(format!(
                    "this object is none of the three accepted shapes: a dataset needs \"format\": \"{FORMAT_TAG}\" and `roles`; a single role needs `id` and `title`"
                )));
            }
        }
    };
    let mut report = Report::default();
    let first_role = usize::from(shape == Shape::Dataset);
    let mut complete = true;
    let (ds, findings) = whole.unwrap_or_else(|| {
        // Over-long text is reported from the tree.
        let clear = |p: &Part| {
            long.iter()
                .all(|&at| at < p.base || at >= p.offset(p.text.len()))
        };
        let head = (first_role == 1).then(|| report.read::<Dataset>(&parts[0], clear(&parts[0])));
        let (mut roles, mut read) = (Vec::new(), Vec::new());
        for (i, part) in parts[first_role..].iter_mut().enumerate() {
            let role = part.role.take().filter(|_| clear(part));
            if let Some(role) = role.or_else(|| report.read(part, false)) {
                roles.push(Arc::new(role));
                read.push(i);
            }
        }
        // A part that could not be read at all has had its error reported.
        complete =
            roles.len() + first_role == parts.len() && head.as_ref().is_none_or(Option::is_some);
        let ds = match head.flatten() {
            Some(h) => Dataset { roles, ..h },
            None => bare_dataset(file_stem, roles),
        };
        let findings = check_dataset(&ds, shape, Some(&read), cx);
        (ds, findings)
    });
    for f in findings {
        let p = match (shape, f.path.as_slice()) {
            (Shape::Dataset, [Seg::Key(k), Seg::Index(i), ..]) if k == "roles" => 1 + i,
            (Shape::Array | Shape::Role, [Seg::Index(i), ..]) => *i,
            _ => 0,
        };
        report.locate(&parts[p.min(parts.len() - 1)], f);
    }
    Ok(report.finish(&index, Some(ds).filter(|_| complete)))
}
