//! The role file format `career-atlas/1` (see `data/FORMAT.md`), in one place:
//! reading a file into the model types, every rule checked once over the
//! typed model, and diagnostics with line, column and JSON path.
//!
//! How a file is read:
//! 1. [`kind`]: a picture, archive or other file that is no text is named;
//!    [`encoding`]: UTF-16 is decoded, other encodings are named;
//!    [`text`]: size, UTF-8, a blank file.
//! 2. `serde_json` reads the whole file straight into the model types
//!    ([`crate::model::types`] derive `Deserialize`), noting unknown fields
//!    with `serde_ignored`; then [`rules`] checks the typed model. A file with
//!    nothing to report ends here, in one pass.
//! 3. Otherwise [`positioned`] splits the document into its parts (the
//!    dataset object without its roles, then each role), reads each part
//!    that failed or has unknown fields from its syntax tree ([`ast_de`]),
//!    checks the rules again per part, and turns each finding's path into a
//!    line and column by parsing only the parts that have something to
//!    report. A type error in one role therefore never hides another role's
//!    errors, and a file with warnings in a thousand roles parses those
//!    thousand roles' trees, not the whole file's.

pub mod ast_de;
pub mod de;
pub mod encoding;
pub mod kind;
pub mod names;
pub mod path;
mod positioned;
pub mod rules;
pub mod text;

use std::collections::HashSet;
use std::sync::Arc;

pub use names::{Identity, TechNames, name_key};
pub use rules::{closest_name, is_valid_currency, is_valid_date, is_valid_id};

use super::diagnostic::Diagnostic;
use super::types::{Dataset, FORMAT_TAG, Role};
use path::Seg;

/// Files larger than this are refused before parsing.
pub const MAX_FILE_BYTES: usize = 100 * 1024 * 1024;
/// Longest text value accepted, in bytes (a role's description is a few KB).
pub const MAX_STRING_BYTES: usize = 100_000;

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

    fn refused(d: Diagnostic) -> Self {
        Self {
            dataset: None,
            diagnostics: vec![d],
        }
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

/// [`read_dataset`] that always takes the positioned route, even for a file
/// with nothing to report. The outcome is the same; tests and the fuzzer
/// check that.
#[must_use]
pub fn read_dataset_positioned(file_stem: &str, bytes: &[u8], cx: ReadContext<'_>) -> ReadOutcome {
    read(file_stem, bytes, cx, false)
}

fn read(file_stem: &str, bytes: &[u8], cx: ReadContext<'_>, try_whole: bool) -> ReadOutcome {
    if let Some(kind) = kind::sniff_bytes(bytes) {
        return ReadOutcome::refused(kind.diagnostic());
    }
    let bytes = match encoding::to_utf8(bytes) {
        Ok(b) => b,
        Err(d) => return ReadOutcome::refused(d),
    };
    let text = match text::decode(&bytes) {
        Ok(t) => t,
        Err(d) => return ReadOutcome::refused(encoding::explain_not_utf8(&bytes, d)),
    };
    let long = text::long_strings(text);
    let whole = if try_whole && long.is_empty() {
        Whole::read(file_stem, text)
    } else {
        None
    };
    if let Some(w) = &whole
        && w.unclean.is_empty()
        && rules::check_dataset(&w.dataset, w.object, &w.prefixes(), cx).is_empty()
    {
        return ReadOutcome {
            dataset: whole.map(|w| w.dataset),
            diagnostics: Vec::new(),
        };
    }
    if whole.is_none()
        && let Some(kind) = kind::recognize(text)
    {
        // Another kind of file: one line that says what it is, not field-level noise.
        return ReadOutcome::refused(kind.diagnostic());
    }
    positioned::read(file_stem, text, cx, whole, &long)
}

/// A document read in one piece by `serde_json`.
struct Whole {
    dataset: Dataset,
    /// A dataset object, not a bare array of roles.
    object: bool,
    /// The parts (see [`positioned`]) with an unknown field.
    unclean: Vec<usize>,
}

impl Whole {
    fn read(file_stem: &str, text: &str) -> Option<Self> {
        let object = text.trim_start().starts_with('{');
        let mut unclean = Vec::new();
        let dataset = if object {
            serde_read::<Dataset>(text, |p| unclean.push(part_of(p, true)))?
        } else {
            let roles = serde_read::<Vec<Arc<Role>>>(text, |p| unclean.push(part_of(p, false)))?;
            if roles.is_empty() {
                return None;
            }
            bare_dataset(file_stem, roles)
        };
        Some(Self {
            dataset,
            object,
            unclean,
        })
    }

    fn prefixes(&self) -> Vec<Vec<Seg>> {
        (0..self.dataset.roles.len())
            .map(|i| role_prefix(self.object, i))
            .collect()
    }
}

/// Where the role at `index` sits in a dataset object or a bare array.
fn role_prefix(object: bool, index: usize) -> Vec<Seg> {
    if object {
        vec![Seg::Key("roles".into()), Seg::Index(index)]
    } else {
        vec![Seg::Index(index)]
    }
}

/// The part a path falls in: 0 for the dataset object itself, `1 + i` for
/// role `i` of a dataset; `i` for role `i` of a bare array.
fn part_of(path: &[Seg], object: bool) -> usize {
    match (object, path) {
        (true, [Seg::Key(k), Seg::Index(i), ..]) if k == "roles" => 1 + i,
        (false, [Seg::Index(i), ..]) => *i,
        _ => 0,
    }
}

/// Reads `text` as a `T` with `serde_json`; `unknown` hears the path of every
/// unknown field except `$schema` on the root or a role.
fn serde_read<T: serde::de::DeserializeOwned>(
    text: &str,
    mut unknown: impl FnMut(&[Seg]),
) -> Option<T> {
    let mut de = serde_json::Deserializer::from_str(text);
    let value = serde_ignored::deserialize(&mut de, |p| {
        let segs = segs(&p);
        let schema_key = matches!(segs.last(), Some(Seg::Key(k)) if k == "$schema")
            && matches!(
                segs.as_slice(),
                [_] | [Seg::Index(_), _] | [Seg::Key(_), Seg::Index(_), _]
            )
            && !matches!(segs.first(), Some(Seg::Key(k)) if segs.len() == 3 && k != "roles");
        if !schema_key {
            unknown(&segs);
        }
    })
    .ok()?;
    de.end().ok()?;
    Some(value)
}

fn segs(p: &serde_ignored::Path<'_>) -> Vec<Seg> {
    use serde_ignored::Path as P;
    let mut out = Vec::new();
    let mut p = p;
    loop {
        p = match p {
            P::Root => break,
            P::Seq { parent, index } => {
                out.push(Seg::Index(*index));
                parent
            }
            P::Map { parent, key } => {
                out.push(Seg::Key(key.clone()));
                parent
            }
            P::Some { parent } | P::NewtypeStruct { parent } | P::NewtypeVariant { parent } => {
                parent
            }
        };
    }
    out.reverse();
    out
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
