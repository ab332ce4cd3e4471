//! The command line: `career-atlas validate [--json] FILE...` for dataset
//! authors and scripts, with exit codes scripts can rely on.

use std::collections::HashSet;
use std::io::Write;
use std::path::Path;

use crate::model::{ReadContext, bundled_dataset, read_dataset};

/// Every file was valid.
pub const EXIT_OK: i32 = 0;
/// At least one file was invalid.
pub const EXIT_INVALID: i32 = 1;
/// A file could not be read, or the command line was wrong.
pub const EXIT_UNREADABLE: i32 = 2;

/// The usage text.
pub const USAGE: &str = "\
Career Atlas — explore careers in tech, offline.

Usage:
  career-atlas [FILE...]           open the app, importing the role files named
  career-atlas validate [--json] FILE...
                                   check role files; one line per problem:
                                   FILE:LINE:COL: error|warning: PATH: message
  career-atlas --help | --version

Exit status of validate: 0 all files valid, 1 a file is invalid,
2 a file cannot be read.
";

/// Runs `validate` over `args` (the words after `validate`), writing to `out`
/// and `err`; returns the exit status.
pub fn validate(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let json = args.iter().any(|a| a == "--json");
    let files: Vec<&String> = args.iter().filter(|a| *a != "--json").collect();
    if files.is_empty() {
        let _ = writeln!(
            err,
            "career-atlas validate: name at least one file\n\n{USAGE}"
        );
        return EXIT_UNREADABLE;
    }
    if let Some(flag) = files.iter().find(|f| f.starts_with("--")) {
        let _ = writeln!(
            err,
            "career-atlas validate: unknown option {flag}\n\n{USAGE}"
        );
        return EXIT_UNREADABLE;
    }
    let mut known: HashSet<String> = bundled_dataset()
        .roles
        .into_iter()
        .map(|r| r.id.clone())
        .collect();
    let mut status = EXIT_OK;
    for file in files {
        let path = Path::new(file.as_str());
        let bytes = match crate::jobs::read_file(path) {
            Ok(b) => b,
            Err(message) => {
                if json {
                    let line = serde_json::json!({"file": file, "severity": "error", "line": 0, "column": 0, "path": "", "message": message});
                    let _ = writeln!(out, "{line}");
                } else {
                    let _ = writeln!(err, "{file}: error: {message}");
                }
                status = EXIT_UNREADABLE;
                continue;
            }
        };
        let stem = path
            .file_stem()
            .map_or_else(|| file.clone(), |s| s.to_string_lossy().into_owned());
        let outcome = read_dataset(
            &stem,
            &bytes,
            ReadContext {
                known_role_ids: Some(&known),
            },
        );
        for d in &outcome.diagnostics {
            if json {
                let mut v = serde_json::to_value(d).unwrap_or_default();
                if let Some(obj) = v.as_object_mut() {
                    obj.insert("file".into(), serde_json::Value::from(file.as_str()));
                }
                let _ = writeln!(out, "{v}");
            } else {
                let _ = writeln!(out, "{}", d.display_with_file(file));
            }
        }
        if let Some(ds) = &outcome.dataset {
            known.extend(ds.roles.iter().map(|r| r.id.clone()));
            if !json {
                let warnings = outcome.warning_count();
                let roles = ds.roles.len();
                let plural = if roles == 1 { "role" } else { "roles" };
                if warnings == 0 {
                    let _ = writeln!(out, "{file}: ok, {roles} {plural}");
                } else {
                    let w = if warnings == 1 { "warning" } else { "warnings" };
                    let _ = writeln!(out, "{file}: ok, {roles} {plural}, {warnings} {w}");
                }
            }
        } else {
            if status == EXIT_OK {
                status = EXIT_INVALID;
            }
            if !json {
                let n = outcome.error_count();
                let e = if n == 1 { "error" } else { "errors" };
                let _ = writeln!(out, "{file}: invalid, {n} {e}");
            }
        }
    }
    status
}
