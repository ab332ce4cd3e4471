//! Diagnostics: what is wrong in a file, where, and how bad.

use serde::Serialize;
use std::fmt;

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The file is refused; nothing of it is imported.
    Error,
    /// The file is imported; the person is told.
    Warning,
}

impl Severity {
    /// `"error"` or `"warning"`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Error => "error",
            Self::Warning => "warning",
        }
    }
}

/// One finding about a file, with its position (1-based line and column) and the
/// JSON path of the value it concerns (`roles[3].salary[0].levels[1].min`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// JSON path; empty for the whole document.
    pub path: String,
    /// What was expected and what was found, in plain words.
    pub message: String,
}

impl Diagnostic {
    /// True for errors.
    #[must_use]
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `FILE:LINE:COL: error: PATH: message`, the line `career-atlas validate` prints.
    #[must_use]
    pub fn display_with_file<'a>(&'a self, file: &'a str) -> impl fmt::Display + 'a {
        DisplayWithFile { diag: self, file }
    }
}

struct DisplayWithFile<'a> {
    diag: &'a Diagnostic,
    file: &'a str,
}

impl fmt::Display for DisplayWithFile<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = self.diag;
        write!(
            f,
            "{}:{}:{}: {}: ",
            self.file,
            d.line,
            d.column,
            d.severity.as_str()
        )?;
        if !d.path.is_empty() {
            write!(f, "{}: ", d.path)?;
        }
        f.write_str(&d.message)
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}, column {}: ", self.line, self.column)?;
        if !self.path.is_empty() {
            write!(f, "{}: ", self.path)?;
        }
        f.write_str(&self.message)
    }
}

/// Maps byte offsets of a text to 1-based line and character column.
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    /// Indexes the line starts of `text`.
    #[must_use]
    pub fn new(text: &'a str) -> Self {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        Self { text, starts }
    }

    /// 1-based (line, column) of a byte offset; the column counts characters.
    #[must_use]
    pub fn position(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts[line - 1];
        let column = self
            .text
            .get(start..offset)
            .map_or(offset - start, |s| s.chars().count())
            + 1;
        (line, column)
    }

    /// [`Self::position`] of each of `offsets`, taken in ascending order so
    /// that the characters of a long line are counted once, not once per
    /// offset (a compact file is one line of many megabytes).
    #[must_use]
    pub fn positions_ascending(&self, offsets: &[usize]) -> Vec<(usize, usize)> {
        let (mut line, mut at, mut col) = (usize::MAX, 0, 0);
        offsets
            .iter()
            .map(|&o| {
                let o = o.min(self.text.len());
                let l = self.starts.partition_point(|&s| s <= o).max(1) - 1;
                if l != line || o < at {
                    (line, at, col) = (l, self.starts[l], 0);
                }
                col += self.text.get(at..o).map_or(o - at, |s| s.chars().count());
                at = o;
                (l + 1, col + 1)
            })
            .collect()
    }

    /// Byte offset of a 1-based line and a 1-based byte column (as `serde_json` counts).
    #[must_use]
    pub fn offset_of(&self, line: usize, byte_column: usize) -> usize {
        let start = self
            .starts
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(self.text.len());
        (start + byte_column.saturating_sub(1)).min(self.text.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_are_one_based_and_count_characters() {
        let idx = LineIndex::new("ab\r\nçd\nx");
        assert_eq!(idx.position(0), (1, 1));
        assert_eq!(idx.position(1), (1, 2));
        assert_eq!(idx.position(4), (2, 1));
        // 'ç' is two bytes but one column
        assert_eq!(idx.position(6), (2, 2));
        assert_eq!(idx.position(8), (3, 1));
    }

    #[test]
    fn display_matches_the_cli_contract() {
        let d = Diagnostic {
            severity: Severity::Error,
            line: 3,
            column: 7,
            path: "roles[0].id".into(),
            message: "bad".into(),
        };
        assert_eq!(
            d.display_with_file("f.json").to_string(),
            "f.json:3:7: error: roles[0].id: bad"
        );
    }
}
