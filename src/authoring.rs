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

/// Which existing files [`write_new`] may replace.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Replace {
    /// None: an existing role file is refused, and so is a schema file that
    /// holds anything but the schema (the same schema is left as it is).
    Nothing,
    /// The role file (a save dialog asked the person), but not a schema file
    /// beside it that holds something else: that may be someone else's work.
    RoleFile,
    /// Both (`career-atlas new --force`).
    Both,
}

/// Writes the template to `path` (named `name`) and the schema beside it,
/// each atomically, with the permissions a new file gets
/// ([`crate::user_files::write`]). A schema file already holding exactly the
/// schema is left untouched; any other existing file is replaced only as
/// `replace` allows. Nothing is written unless both files can be.
///
/// # Errors
/// A sentence naming the file that could not be written or is in the way,
/// and what to do; `path` naming the schema file itself is refused.
pub fn write_new(path: &Path, name: &str, replace: Replace) -> Result<NewFile, String> {
    crate::user_files::check_target(path).map_err(|e| e.0)?;
    let schema = path.with_file_name(SCHEMA_FILE);
    if path
        .file_name()
        .is_some_and(|f| f.to_string_lossy().eq_ignore_ascii_case(SCHEMA_FILE))
    {
        return Err(format!(
            "{SCHEMA_FILE} is the name of the schema written beside the role file; choose another name, e.g. {}",
            crate::cli::shown(&path.with_file_name("my-roles.json"))
        ));
    }
    let text = template(name);
    // An existing role file is refused even when identical: the person
    // asked for a new file, and may be about to lose edits they forget.
    let role_exists = path.exists();
    let schema_in_way = in_the_way(&schema, SCHEMA.as_bytes());
    if role_exists && replace == Replace::Nothing {
        return Err(format!(
            "{} already exists; choose another name, or add --force to replace it",
            crate::cli::shown(path)
        ));
    }
    if schema_in_way == Some(true) && replace != Replace::Both {
        return Err(format!(
            "{} already exists beside it with other content (another schema, or someone's file); write the role file in another folder, or add --force to replace that file with Career Atlas's schema",
            crate::cli::shown(&schema)
        ));
    }
    crate::user_files::write(path, text.as_bytes()).map_err(|e| e.0)?;
    if schema_in_way.is_some() {
        crate::user_files::write(&schema, SCHEMA.as_bytes()).map_err(|e| e.0)?;
    }
    Ok(NewFile {
        file: path.to_path_buf(),
        schema,
        name: name.to_string(),
    })
}

/// Whether writing `bytes` to `path` needs a write (`Some`), and whether
/// that write replaces something else (`Some(true)`). `None`: the file
/// already holds exactly `bytes`. A Career Atlas schema of another version
/// (same `$id`, other text) is ours to update, not someone else's file.
fn in_the_way(path: &Path, bytes: &[u8]) -> Option<bool> {
    let id = |b: &[u8]| {
        let v = serde_json::from_slice::<serde_json::Value>(b).ok()?;
        v.get("$id")?.as_str().map(str::to_owned)
    };
    // A folder that may not be looked into hides whether the file is there:
    // the write then fails with the folder's own reason.
    if std::fs::symlink_metadata(path)
        .is_err_and(|e| e.kind() == std::io::ErrorKind::PermissionDenied)
    {
        return Some(false);
    }
    match std::fs::read(path) {
        Ok(old) if old == bytes => None,
        Ok(old) => Some(id(&old).is_none_or(|theirs| Some(theirs) != id(bytes))),
        // A folder or an unreadable file is in the way as much as any file.
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Some(true),
        Err(_) => Some(false),
    }
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
        let made = write_new(&path, "Quote \" name", Replace::Nothing).unwrap();
        assert_eq!(made.schema, dir.path().join(SCHEMA_FILE));
        let text = std::fs::read_to_string(&path).unwrap();
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v["name"], "Quote \" name");
        assert_eq!(v["$schema"], SCHEMA_FILE);
        assert_eq!(std::fs::read_to_string(&made.schema).unwrap(), SCHEMA);
        // A schema from another version of the app is brought up to date
        // without --force; anything else beside it is refused.
        let older = SCHEMA.replacen("Career Atlas role file", "Career Atlas role file, older", 1);
        std::fs::write(&made.schema, &older).unwrap();
        write_new(&dir.path().join("older.json"), "Older", Replace::Nothing).unwrap();
        assert_eq!(std::fs::read_to_string(&made.schema).unwrap(), SCHEMA);
        std::fs::write(&made.schema, "{\"$id\": \"https://example.org/other\"}").unwrap();
        let theirs = write_new(&dir.path().join("three.json"), "Three", Replace::Nothing);
        assert!(theirs.unwrap_err().contains("other content"));
        std::fs::write(&made.schema, SCHEMA).unwrap();
        let again = write_new(&path, "x", Replace::Nothing).unwrap_err();
        assert!(again.contains("already exists"), "{again}");
        // The same schema beside a second file is no conflict.
        write_new(&dir.path().join("two.json"), "Two", Replace::Nothing).unwrap();
    }

    #[test]
    fn nothing_that_is_someone_elses_is_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let schema = dir.path().join(SCHEMA_FILE);
        std::fs::write(&schema, "someone else's").unwrap();
        let path = dir.path().join("y.json");
        for replace in [Replace::Nothing, Replace::RoleFile] {
            let e = write_new(&path, "Y", replace).unwrap_err();
            assert!(e.contains("other content"), "{e}");
            // Refused before anything was written.
            assert!(!path.exists());
            assert_eq!(std::fs::read_to_string(&schema).unwrap(), "someone else's");
        }
        write_new(&path, "Y", Replace::Both).unwrap();
        assert_eq!(std::fs::read_to_string(&schema).unwrap(), SCHEMA);
        // The schema's own name is never a role file, even with --force.
        let e = write_new(&schema, "S", Replace::Both).unwrap_err();
        assert!(e.contains("choose another name"), "{e}");
        assert_eq!(std::fs::read_to_string(&schema).unwrap(), SCHEMA);
    }
}
