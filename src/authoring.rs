//! For the people who write role files: the starter file that File › New role
//! file… and `career-atlas new FILE.json` write, with the JSON Schema beside
//! it so editors complete and check fields offline.
//!
//! The schema is the committed one (`data/schema/`, generated from the model
//! types by the dev-only `model::schema` and proved equal to it by
//! `tests/schema.rs`), embedded as text, so the shipped binary writes it
//! without carrying the generator.

use std::path::{Path, PathBuf};

/// The starter dataset: one complete role whose figures are real, sourced BLS
/// figures (the role text is written for the template).
pub const TEMPLATE: &str = include_str!("../data/template/new-role-file.json");

/// The JSON Schema of `career-atlas/1`, as committed.
pub const SCHEMA: &str = include_str!("../data/schema/career-atlas-1.schema.json");

/// The schema's file name; the template's `$schema` names it, relative to
/// the template, so it is found beside it.
pub const SCHEMA_FILE: &str = "career-atlas-1.schema.json";

/// The name the template carries before it is given one.
const TEMPLATE_NAME: &str = "\"name\": \"My role file\"";

/// What [`write_new`] wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewFile {
    /// The role file.
    pub file: PathBuf,
    /// The schema beside it.
    pub schema: PathBuf,
    /// The dataset's name in the file.
    pub name: String,
}

/// A dataset name for a new file at `path`: its file name in words
/// ("team-roles.json" → "Team roles"), made unlike every name in `taken`
/// by a number ("Team roles 2"), so importing it never replaces a dataset.
#[must_use]
pub fn dataset_name(path: &Path, taken: &[String]) -> String {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().replace(['-', '_'], " "))
        .unwrap_or_default();
    let stem = stem.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut chars = stem.chars();
    let base = match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => "My role file".to_string(),
    };
    let is_taken = |n: &str| taken.iter().any(|t| t.eq_ignore_ascii_case(n));
    if !is_taken(&base) {
        return base;
    }
    // One of taken.len() + 1 numbers is free.
    (2..taken.len() + 3)
        .map(|n| format!("{base} {n}"))
        .find(|n| !is_taken(n))
        .unwrap_or(base)
}

/// The template's text with its dataset named `name`.
#[must_use]
pub fn template(name: &str) -> String {
    let quoted = serde_json::to_string(name).unwrap_or_else(|_| "\"My role file\"".into());
    TEMPLATE.replacen(TEMPLATE_NAME, &format!("\"name\": {quoted}"), 1)
}

/// Writes the template to `path` (named `name`) and the schema beside it,
/// each atomically. An existing schema file there is replaced: it is the same
/// schema, or an older one. With `replace` false an existing `path` is left
/// alone and refused.
///
/// # Errors
/// A sentence naming the file that could not be written, or saying that
/// `path` exists.
pub fn write_new(path: &Path, name: &str, replace: bool) -> Result<NewFile, String> {
    if !replace && path.exists() {
        return Err(format!(
            "{} already exists; choose another name, or remove it first",
            path.display()
        ));
    }
    let schema = path.with_file_name(SCHEMA_FILE);
    crate::store::write_atomically(path, template(name).as_bytes()).map_err(|e| e.to_string())?;
    crate::store::write_atomically(&schema, SCHEMA.as_bytes()).map_err(|e| e.to_string())?;
    Ok(NewFile {
        file: path.to_path_buf(),
        schema,
        name: name.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_come_from_the_file_and_avoid_taken_ones() {
        let p = Path::new("/x/team-roles_2026.json");
        assert_eq!(dataset_name(p, &[]), "Team roles 2026");
        let taken = vec!["team roles 2026".to_string(), "Team roles 2026 2".into()];
        assert_eq!(dataset_name(p, &taken), "Team roles 2026 3");
        assert_eq!(dataset_name(Path::new("/x/.json"), &[]), ".json");
    }

    #[test]
    fn the_template_is_renamed_and_written_with_its_schema() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("mine.json");
        let made = write_new(&path, "Quote \" name", false).unwrap();
        assert_eq!(made.schema, dir.path().join(SCHEMA_FILE));
        let text = std::fs::read_to_string(&path).unwrap();
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v["name"], "Quote \" name");
        assert_eq!(v["$schema"], SCHEMA_FILE);
        assert_eq!(std::fs::read_to_string(&made.schema).unwrap(), SCHEMA);
        let again = write_new(&path, "x", false).unwrap_err();
        assert!(again.contains("already exists"), "{again}");
    }
}
