//! JSON text with positions, below the role file format and knowing none of
//! its rules: diagnostics with line and column ([`diagnostic`]), JSON paths
//! and finding them in a syntax tree ([`path`]), syntax errors with hints
//! ([`syntax`]), and reading any `Deserialize` type from a syntax tree with
//! every mistake reported ([`tree`]). `model::format` stands on it.

pub mod diagnostic;
pub mod path;
pub mod syntax;
pub mod tree;

/// Shortens text quoted in a message to 40 characters.
#[must_use]
pub fn clip(s: &str) -> String {
    match s.char_indices().nth(40) {
        Some((cut, _)) => format!("{}…", &s[..cut]),
        None => s.to_string(),
    }
}

/// The known name closest to an unknown one, if any is close enough to suggest.
#[must_use]
pub fn closest_name<'k>(unknown: &str, known: &[&'k str]) -> Option<&'k str> {
    let lower = unknown.to_lowercase();
    let length = lower.chars().count();
    known
        .iter()
        .map(|k| (*k, strsim::damerau_levenshtein(&lower, k)))
        // Not when the unknown name would have to be rewritten whole (`s`).
        .filter(|(k, d)| *d <= (k.len() / 3).max(2) && *d < length)
        .min_by_key(|(_, d)| *d)
        .map(|(k, _)| k)
}
