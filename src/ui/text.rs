//! Words for numbers, written once: "1 role", "2 roles", and the one-line
//! summary of a dataset that the import preview and the Datasets window share.

use crate::model::Dataset;

/// `n` and the noun in the right number: `count(1, "role", "roles")` is
/// "1 role", `count(0, "role", "roles")` is "0 roles".
#[must_use]
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// "1 role", "3 roles".
#[must_use]
pub fn roles(n: usize) -> String {
    count(n, "role", "roles")
}

/// "1 technology", "3 technologies".
#[must_use]
pub fn technologies(n: usize) -> String {
    count(n, "technology", "technologies")
}

/// "1 warning", "3 warnings".
#[must_use]
pub fn warnings(n: usize) -> String {
    count(n, "warning", "warnings")
}

/// "1 error", "3 errors".
#[must_use]
pub fn errors(n: usize) -> String {
    count(n, "error", "errors")
}

/// `s` cut to at most `max_chars` characters, ending in "…" when cut: for
/// labels that must not push a chart or a column off the window (a level
/// name or a URL of sixty characters without a space). Show the whole text
/// on hover wherever a cut one is shown.
#[must_use]
pub fn clip(s: &str, max_chars: usize) -> std::borrow::Cow<'_, str> {
    match s.char_indices().nth(max_chars.saturating_sub(1)) {
        Some((cut, _)) if s.chars().count() > max_chars => {
            std::borrow::Cow::Owned(format!("{}…", s[..cut].trim_end()))
        }
        _ => std::borrow::Cow::Borrowed(s),
    }
}

/// A dataset in one line: "12 roles · by A coach · version 2 · as of 2025-01"
/// (parts the dataset does not give are left out).
#[must_use]
pub fn dataset_summary(ds: &Dataset) -> String {
    let mut parts = vec![roles(ds.roles.len())];
    if let Some(a) = &ds.author {
        parts.push(format!("by {a}"));
    }
    if let Some(v) = &ds.version {
        parts.push(format!("version {v}"));
    }
    if let Some(a) = &ds.as_of {
        parts.push(format!("as of {a}"));
    }
    parts.join(" · ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_is_singular_and_every_other_number_plural() {
        assert_eq!(roles(1), "1 role");
        assert_eq!(roles(0), "0 roles");
        assert_eq!(technologies(1), "1 technology");
        assert_eq!(technologies(2), "2 technologies");
        assert_eq!(warnings(1), "1 warning");
        assert_eq!(errors(21), "21 errors");
    }

    #[test]
    fn long_labels_are_clipped_with_an_ellipsis_and_short_ones_kept() {
        assert_eq!(clip("Senior", 10), "Senior");
        assert_eq!(clip("abcdefghij", 10), "abcdefghij");
        assert_eq!(clip("abcdefghijk", 10), "abcdefghi…");
        assert_eq!(clip("后端开发工程师后端开发工程师", 5), "后端开发…");
    }

    #[test]
    fn a_one_role_dataset_is_summarised_in_the_singular() {
        let json = br#"{"format":"career-atlas/1","name":"N","author":"A","as_of":"2025",
            "roles":[{"id":"a","title":"A","stack":{}}]}"#;
        let ds = crate::model::read_dataset("n", json, crate::model::ReadContext::default())
            .dataset
            .unwrap_or_else(|| panic!("the test dataset is valid"));
        assert_eq!(dataset_summary(&ds), "1 role · by A · as of 2025");
    }
}
