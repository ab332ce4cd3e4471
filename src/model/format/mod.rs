//! The role file format `career-atlas/1` (see `data/FORMAT.md`), in one place:
//! reading a file into the model types, every rule checked once over the
//! typed model, and diagnostics with line, column and JSON path.
//!
//! How a file is read: [`kind`], [`encoding`] (UTF-16 is decoded) and
//! [`decode`] (size, UTF-8, a blank file) refuse what is no role file's text;
//! `serde_json` reads the rest straight into the model types, which refuse
//! unknown fields, and [`rules`] checks them: a file with nothing to report
//! ends there, in one pass. Otherwise `positioned` reads it again part by
//! part, from the syntax tree ([`crate::json::tree`]) where `serde_json`
//! refuses a part, and gives each finding its line and column.

pub mod de;
pub mod encoding;
pub mod kind;
pub mod names;
mod positioned;
pub mod rules;
mod split;

use std::collections::HashSet;
use std::sync::Arc;

pub use crate::json::closest_name;
pub use names::{Identity, TechNames, name_key};
pub use rules::{is_valid_currency, is_valid_date, is_valid_id};

use super::types::{Dataset, FORMAT_TAG, Role};
use crate::json::diagnostic::{Diagnostic, LineIndex};
use crate::json::syntax::whole_file_error;
use rules::{Finding, Shape};

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

    /// Keeps `dataset` only when no diagnostic is an error.
    fn new(dataset: Option<Dataset>, diagnostics: Vec<Diagnostic>) -> Self {
        Self {
            dataset: dataset.filter(|_| !diagnostics.iter().any(Diagnostic::is_error)),
            diagnostics,
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
    read(file_stem, bytes, cx, true).unwrap_or_else(|d| ReadOutcome::new(None, vec![d]))
}

/// [`read_dataset`] that always takes the positioned route, even for a file
/// with nothing to report. The outcome is the same; tests and the fuzzer
/// check that.
#[must_use]
pub fn read_dataset_positioned(file_stem: &str, bytes: &[u8], cx: ReadContext<'_>) -> ReadOutcome {
    read(file_stem, bytes, cx, false).unwrap_or_else(|d| ReadOutcome::new(None, vec![d]))
}

/// # Errors
/// The one diagnostic that refuses the file.
fn read(
    file_stem: &str,
    bytes: &[u8],
    cx: ReadContext<'_>,
    try_whole: bool,
) -> Result<ReadOutcome, Diagnostic> {
    if let Some(kind) = kind::sniff_bytes(bytes) {
        return Err(kind.diagnostic());
    }
    let bytes = encoding::to_utf8(bytes)?;
    let text = decode(&bytes).map_err(|d| encoding::explain_not_utf8(&bytes, d))?;
    let long = crate::json::syntax::long_strings(text, MAX_STRING_BYTES);
    match (try_whole && long.is_empty())
        .then(|| whole(file_stem, text, cx))
        .flatten()
    {
        Some((ds, found)) if found.is_empty() => Ok(ReadOutcome::new(Some(ds), Vec::new())),
        whole => positioned::read(file_stem, text, cx, whole, &long),
    }
}

/// The document read in one `serde_json` pass, when it is a dataset object
/// or a non-empty array of roles and has no unknown field, with what the
/// rules find in it.
fn whole(file_stem: &str, text: &str, cx: ReadContext<'_>) -> Option<(Dataset, Vec<Finding>)> {
    let (ds, shape) = if text.trim_start().starts_with('{') {
        (serde_json::from_str(text).ok()?, Shape::Dataset)
    } else {
        let roles: Vec<Arc<Role>> = serde_json::from_str(text).ok()?;
        let ds = (!roles.is_empty()).then(|| bare_dataset(file_stem, roles))?;
        (ds, Shape::Array)
    };
    let found = rules::check_dataset(&ds, shape, None, cx);
    Some((ds, found))
}

/// A dataset for the single-role and bare-array shapes.
pub(crate) fn bare_dataset(file_stem: &str, roles: Vec<Arc<Role>>) -> Dataset {
    Dataset {
        format: FORMAT_TAG.to_string(),
        name: file_stem.to_string(),
        roles,
        ..Dataset::default()
    }
}

/// The text of a file: at most [`MAX_FILE_BYTES`], UTF-8 (a byte order mark
/// is dropped), not blank.
///
/// # Errors
/// The one diagnostic that refuses the file.
pub fn decode(bytes: &[u8]) -> Result<&str, Diagnostic> {
    const MB: usize = 1024 * 1024;
    if bytes.len() > MAX_FILE_BYTES {
        let (size, max) = (bytes.len() / MB, MAX_FILE_BYTES / MB);
        let message = format!(
            "the file is {size} MB; role files may be at most {max} MB. Split it into several files."
        );
        return Err(whole_file_error(1, 1, message));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        // The valid prefix is UTF-8 by definition, so positions are exact.
        let prefix = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
        let (line, column) = LineIndex::new(prefix).position(prefix.len());
        let bad = bytes.get(e.valid_up_to()).copied().unwrap_or_default();
        let message = format!(
            "the file is not UTF-8 text (byte 0x{bad:02X} here); save it with UTF-8 encoding"
        );
        whole_file_error(line, column, message)
    })?;
    if text.trim().is_empty() {
        let message = "the file is empty; a role file holds a JSON object or array";
        return Err(whole_file_error(1, 1, message.into()));
    }
    Ok(text)
}
