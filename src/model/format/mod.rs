//! The role file format `career-atlas/1` (see `data/FORMAT.md`), in one place:
//! reading a file into the model types, every rule checked once over the
//! typed model, and diagnostics with line, column and JSON path.
//!
//! How a file is read:
//! 1. [`kind`]: a picture, archive or other file that is no text is named;
//!    [`encoding`]: UTF-16 is decoded, other encodings are named;
//!    [`text`]: size, UTF-8, a blank file.
//! 2. `serde_json` reads the whole file straight into the model types
//!    ([`crate::model::types`] derive `Deserialize` and refuse unknown
//!    fields), then [`rules`] checks the typed model. A file with nothing to
//!    report ends here, in one pass.
//! 3. Otherwise [`positioned`] reads the file again part by part, from the
//!    syntax tree ([`tree`]) where `serde_json` refuses a part, and turns
//!    each finding's path into a line and column.

pub mod de;
pub mod encoding;
pub mod kind;
pub mod names;
pub mod path;
mod positioned;
pub mod rules;
mod split;
pub mod text;
pub mod tree;

use std::collections::HashSet;
use std::sync::Arc;

pub use names::{Identity, TechNames, name_key};
pub use rules::{closest_name, is_valid_currency, is_valid_date, is_valid_id};

use super::diagnostic::Diagnostic;
use super::types::{Dataset, FORMAT_TAG, Role};

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
        whole(file_stem, text)
    } else {
        None
    };
    let checked = if let Some((ds, shape)) = whole {
        let found = rules::check_dataset(&ds, shape, None, cx);
        if found.is_empty() {
            let (dataset, diagnostics) = (Some(ds), Vec::new());
            return ReadOutcome {
                dataset,
                diagnostics,
            };
        }
        Some((ds, found))
    } else {
        if let Some(at) = text::too_deep(text) {
            // Arrays and objects alike, and alone: the parts left unread would
            // only add noise (an "empty" roles list).
            let (line, column) = super::diagnostic::LineIndex::new(text).position(at);
            return ReadOutcome::refused(text::whole_file_error(
                line,
                column,
                text::TOO_DEEP.into(),
            ));
        }
        if let Some(kind) = kind::recognize(text) {
            // Another kind of file: one line that says what it is, not field-level noise.
            return ReadOutcome::refused(kind.diagnostic());
        }
        None
    };
    positioned::read(file_stem, text, cx, checked, &long)
}

/// The document read in one `serde_json` pass, when it is a dataset object
/// or a non-empty array of roles and has no unknown field; with its shape.
fn whole(file_stem: &str, text: &str) -> Option<(Dataset, rules::Shape)> {
    if text.trim_start().starts_with('{') {
        let ds = serde_json::from_str(text).ok()?;
        return Some((ds, rules::Shape::Dataset));
    }
    let roles: Vec<Arc<Role>> = serde_json::from_str(text).ok()?;
    (!roles.is_empty()).then(|| (bare_dataset(file_stem, roles), rules::Shape::Array))
}

/// A dataset for the single-role and bare-array shapes.
pub(crate) fn bare_dataset(file_stem: &str, roles: Vec<Arc<Role>>) -> Dataset {
    Dataset {
        schema: None,
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
