//! The command line: `career-atlas [FILE...]` opens the app, and
//! `career-atlas validate [--json] FILE...` checks role files for dataset
//! authors and scripts, with exit codes scripts can rely on (only ever 0, 1
//! or 2). Arguments stay `OsString`s from start to end, so a file name in any
//! encoding works; names are shown lossily.

use std::collections::HashSet;
use std::ffi::OsString;
use std::io::Write;
use std::path::PathBuf;

use crate::input::Input;
use crate::model::format::kind::recognize_bytes;
use crate::model::reader::MAX_FILE_BYTES;
use crate::model::{ReadContext, bundled_dataset, read_dataset};

/// Every file was valid.
pub const EXIT_OK: i32 = 0;
/// At least one file was invalid.
pub const EXIT_INVALID: i32 = 1;
/// A file could not be read, the command line was wrong, or Career Atlas
/// failed (a bug: a crash report was written).
pub const EXIT_UNREADABLE: i32 = 2;

/// The usage text.
pub const USAGE: &str = "\
Career Atlas — explore careers in tech, offline.

Usage:
  career-atlas [FILE...]           open the app, importing the role files named
  career-atlas validate [--json] FILE...
                                   check role files; one line per problem:
                                   FILE:LINE:COL: error|warning: PATH: message
                                   (FILE `-` reads standard input)
  career-atlas validate --watch [--json] FILE...
                                   check again every time a file is saved,
                                   until Ctrl+C (exit status 0)
  career-atlas new [--force] FILE.json
                                   write a starter role file with one complete
                                   role, and its JSON Schema beside it
  career-atlas skills from-text FILE|- [--profile OUT] [--level L]
                                   list the technologies a CV or job ad names
  career-atlas --help | --version

Exit status of validate: 0 all files valid, 1 a file is invalid,
2 a file cannot be read or the command line is wrong.
";

/// What the command line asks for.
#[derive(Debug, PartialEq, Eq)]
pub enum Invocation {
    /// Open the window, importing these files.
    Open(Vec<PathBuf>),
    /// Check these files (`-` is standard input).
    Validate {
        /// One JSON object per line instead of text.
        json: bool,
        /// The files, in order.
        files: Vec<Input>,
    },
    /// Check these files again every time one is saved, until Ctrl+C.
    ValidateWatch {
        /// One JSON object per line instead of text.
        json: bool,
        /// The files, in order.
        files: Vec<PathBuf>,
    },
    /// Write a starter role file and its schema.
    New {
        /// Where.
        file: PathBuf,
        /// Replace an existing file.
        force: bool,
    },
    /// Print the usage text.
    Help,
    /// Print the version.
    Version,
}

/// Parses the arguments after the program name.
///
/// # Errors
/// A sentence saying what is wrong (an unknown option, no file to validate);
/// the caller prints it with the usage text and exits with 2.
pub fn parse(args: impl IntoIterator<Item = OsString>) -> Result<Invocation, String> {
    use lexopt::prelude::*;

    let mut parser = lexopt::Parser::from_args(args);
    let mut validate = false;
    let mut new = false;
    let mut watch = false;
    let mut force = false;
    let mut json = false;
    let mut files: Vec<OsString> = Vec::new();
    let mut first = true;
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        match arg {
            Short('h') | Long("help") => return Ok(Invocation::Help),
            Short('V') | Long("version") => return Ok(Invocation::Version),
            Long("json") if validate => json = true,
            Long("watch") if validate => watch = true,
            Long("force") if new => force = true,
            Value(v) if first && v == "validate" => validate = true,
            Value(v) if first && v == "new" => new = true,
            Value(v) => files.push(v),
            Long(name) => return Err(format!("unknown option --{name}")),
            Short(c) => return Err(format!("unknown option -{c}")),
        }
        first = false;
    }
    if new {
        let mut files = files.into_iter();
        return match (files.next(), files.next()) {
            (Some(file), None) => Ok(Invocation::New {
                file: PathBuf::from(file),
                force,
            }),
            _ => Err("new: name one file to write, e.g. career-atlas new my-roles.json".into()),
        };
    }
    if validate && watch {
        if files.is_empty() || files.iter().any(|f| f == "-") {
            return Err(
                "validate --watch: name the files to watch (standard input cannot be watched)"
                    .into(),
            );
        }
        let files = files.into_iter().map(PathBuf::from).collect();
        return Ok(Invocation::ValidateWatch { json, files });
    }
    if validate {
        if files.is_empty() {
            return Err("validate: name at least one file (or - for standard input)".into());
        }
        let files = files.into_iter().map(Input::from).collect();
        return Ok(Invocation::Validate { json, files });
    }
    Ok(Invocation::Open(
        files.into_iter().map(PathBuf::from).collect(),
    ))
}

/// Runs `validate` over `files`, writing results to `out` and read errors
/// to `err`; returns the exit status.
pub fn validate(files: &[Input], json: bool, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    validate_files(files, json, out, err, false)
}

/// [`validate`] for a process that exits right after it: the last file's
/// dataset is never freed. Freeing a large model costs about as much as
/// checking it (some 150 ms at 10,000 roles, a million small allocations
/// handed back one by one), for memory the system takes back at exit anyway.
pub fn validate_before_exit(
    files: &[Input],
    json: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    validate_files(files, json, out, err, true)
}

fn validate_files(
    files: &[Input],
    json: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
    exiting: bool,
) -> i32 {
    let mut known: HashSet<String> = bundled_dataset()
        .roles
        .into_iter()
        .map(|r| r.id.clone())
        .collect();
    let mut status = EXIT_OK;
    for (n, input) in files.iter().enumerate() {
        let last = n + 1 == files.len();
        let name = input.display_name();
        let bytes = match input.read(MAX_FILE_BYTES) {
            Ok(b) => b,
            Err(message) => {
                if json {
                    let line = serde_json::json!({"file": name, "severity": "error", "line": 0, "column": 0, "path": "", "message": message.to_string()});
                    let _ = writeln!(out, "{line}");
                } else {
                    let _ = writeln!(err, "{name}: error: {message}");
                }
                status = EXIT_UNREADABLE;
                continue;
            }
        };
        let outcome = read_dataset(
            &input.stem(),
            &bytes,
            ReadContext {
                known_role_ids: Some(&known),
            },
        );
        if outcome.dataset.is_none()
            && let Some(kind) = recognize_bytes(&bytes)
        {
            // Another kind of file: the one line that says so, no field noise.
            if json {
                let line = serde_json::json!({"file": name, "severity": "error", "line": 1, "column": 1, "path": "", "message": kind.sentence()});
                let _ = writeln!(out, "{line}");
            } else {
                let _ = writeln!(out, "{name}: error: {}", kind.sentence());
            }
            if status == EXIT_OK {
                status = EXIT_INVALID;
            }
            continue;
        }
        for d in &outcome.diagnostics {
            if json {
                let mut v = serde_json::to_value(d).unwrap_or_default();
                if let Some(obj) = v.as_object_mut() {
                    obj.insert("file".into(), serde_json::Value::from(name.as_str()));
                }
                let _ = writeln!(out, "{v}");
            } else {
                let _ = writeln!(out, "{}", d.display_with_file(&name));
            }
        }
        if let Some(ds) = &outcome.dataset {
            if !last {
                known.extend(ds.roles.iter().map(|r| r.id.clone()));
            }
            if !json {
                let warnings = outcome.warning_count();
                let roles = ds.roles.len();
                let plural = if roles == 1 { "role" } else { "roles" };
                if warnings == 0 {
                    let _ = writeln!(out, "{name}: ok, {roles} {plural}");
                } else {
                    let w = if warnings == 1 { "warning" } else { "warnings" };
                    let _ = writeln!(out, "{name}: ok, {roles} {plural}, {warnings} {w}");
                }
            }
        } else {
            if status == EXIT_OK {
                status = EXIT_INVALID;
            }
            if !json {
                let n = outcome.error_count();
                let e = if n == 1 { "error" } else { "errors" };
                let _ = writeln!(out, "{name}: invalid, {n} {e}");
            }
        }
        if exiting && last {
            std::mem::forget(outcome);
        }
    }
    status
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<OsString> {
        list.iter().map(OsString::from).collect()
    }

    #[test]
    fn subcommand_options_and_files_parse() {
        assert_eq!(
            parse(args(&["validate", "--json", "-", "a.json"])),
            Ok(Invocation::Validate {
                json: true,
                files: vec![Input::Stdin, Input::Path("a.json".into())]
            })
        );
        assert_eq!(
            parse(args(&["a.json", "validate"])),
            Ok(Invocation::Open(vec!["a.json".into(), "validate".into()]))
        );
        assert_eq!(
            parse(args(&["--", "--help"])),
            Ok(Invocation::Open(vec!["--help".into()]))
        );
        assert_eq!(parse(args(&["-V"])), Ok(Invocation::Version));
        assert_eq!(
            parse(args(&["--json"])),
            Err("unknown option --json".into())
        );
        assert!(parse(args(&["validate"])).is_err());
    }

    #[cfg(unix)]
    #[test]
    fn a_file_name_that_is_not_utf8_stays_as_it_is() {
        use std::os::unix::ffi::OsStringExt;
        let name = OsString::from_vec(b"r\xf4les.json".to_vec());
        let parsed = parse(vec![OsString::from("validate"), name.clone()]);
        assert_eq!(
            parsed,
            Ok(Invocation::Validate {
                json: false,
                files: vec![Input::Path(PathBuf::from(name))]
            })
        );
    }
}
