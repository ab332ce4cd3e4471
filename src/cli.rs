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
use crate::model::format::closest_name;
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
                                   until Ctrl+C (exit status 0); with --json,
                                   each check ends with a line
                                   {\"file\", \"event\": \"checked\", \"status\":
                                   \"ok\"|\"invalid\"|\"unreadable\", \"roles\",
                                   \"errors\", \"warnings\"}; a deleted file
                                   gives {\"file\", \"event\": \"gone\"}
  career-atlas new [--force] FILE.json
                                   write a starter role file with one complete
                                   role, and its JSON Schema beside it; never
                                   replaces a different file without --force,
                                   never creates folders
  career-atlas new -               print the starter role file (no schema)
  career-atlas skills from-text FILE|- [--profile OUT] [--level L]
                                   list the technologies a CV or job ad names
  career-atlas --help | help | --version

Exit status of validate: 0 all files valid, 1 a file is invalid,
2 a file cannot be read or the command line is wrong. Any command ends with
2 when its output cannot be written (a full disk, a closed pipe). Opening
the app ends with 2 when a file named does not exist or no window can be
opened (no display): the commands above need none.
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
            Value(v) if first && v == "help" => return Ok(Invocation::Help),
            Value(v) => files.push(v),
            Long(name) => {
                let command = (validate, new);
                return Err(unknown_option(name, command));
            }
            Short(c) => return Err(format!("unknown option -{c}; see career-atlas --help")),
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
    if let Some(word) = files.first()
        && let Some(command) = mistyped_command(word)
    {
        let message = format!("unknown command `{}`", word.to_string_lossy());
        return Err(did_you_mean(&message, command));
    }
    Ok(Invocation::Open(
        files.into_iter().map(PathBuf::from).collect(),
    ))
}

/// The commands, as typed first on the command line.
pub const COMMANDS: [&str; 4] = ["validate", "new", "skills", "help"];

/// The command `word` was probably meant to be: `word` names no file or
/// folder, looks like no file name (no dot, no slash, no leading dash: such
/// a word came after `--`) and is close to a
/// command (`valdate`, `Validate`, `neww`, `skill`). A real file named like
/// that still opens the app with it.
fn mistyped_command(word: &std::ffi::OsStr) -> Option<&'static str> {
    let text = word.to_str()?;
    if text.is_empty()
        || text.starts_with('-')
        || text.contains(['.', '/', '\\'])
        || std::path::Path::new(word).exists()
    {
        return None;
    }
    let lower = text.to_lowercase();
    // A command cut short (`val`, `valid`), a sub-command typed first
    // (`from-text`), or an option without its dashes (`version`).
    let prefix = || {
        COMMANDS
            .into_iter()
            .find(|c| lower.len() >= 3 && c.starts_with(lower.as_str()))
    };
    let elsewhere = || match closest_name(&lower, &["from-text", "version"])? {
        "from-text" => Some("skills from-text"),
        _ => Some("--version"),
    };
    closest_name(text, &COMMANDS)
        .or_else(prefix)
        .or_else(elsewhere)
}

/// Options that only one command takes, and that command.
const OWNED_OPTIONS: [(&str, &str); 3] = [
    ("json", "validate"),
    ("watch", "validate"),
    ("force", "new"),
];

/// Why `--name` is refused where it was typed (`command` says whether after
/// `validate` or `new`), offering the closest option there, or else the
/// closest option of another command, named with that command.
fn unknown_option(name: &str, command: (bool, bool)) -> String {
    let (here, known): (&str, &[&str]) = match command {
        (true, _) => ("validate", &["json", "watch", "help", "version"]),
        (_, true) => ("new", &["force", "help", "version"]),
        _ => ("", &["help", "version"]),
    };
    let message = format!("unknown option --{name}");
    if let Some(option) = closest_name(name, known) {
        return did_you_mean(&message, &format!("--{option}"));
    }
    let elsewhere: Vec<&str> = OWNED_OPTIONS
        .iter()
        .filter(|(_, owner)| *owner != here)
        .map(|(option, _)| *option)
        .collect();
    let Some(option) = closest_name(name, &elsewhere) else {
        return format!("{message}; see career-atlas --help");
    };
    let owner = OWNED_OPTIONS
        .iter()
        .find(|(o, _)| *o == option)
        .map_or("", |(_, c)| *c);
    if option == name {
        format!("{message} here; it belongs to `{owner}`: career-atlas {owner} --{option} …")
    } else {
        did_you_mean(&message, &format!("career-atlas {owner} --{option}"))
    }
}

/// `message` with the name the person probably meant:
/// "unknown command `valdate`; did you mean `validate`?". Every level of
/// the command line words its suggestions through this.
#[must_use]
pub fn did_you_mean(message: &str, meant: &str) -> String {
    format!("{message}; did you mean `{meant}`?")
}

/// A writer that remembers its first failure, so a command whose output
/// went nowhere (a full disk, a closed pipe) ends with status 2 instead of
/// 0, however its lines were written.
pub struct Tracked<W: Write> {
    inner: W,
    failure: Option<std::io::Error>,
}

impl<W: Write> Tracked<W> {
    /// Wraps `inner`.
    pub const fn new(inner: W) -> Self {
        Self {
            inner,
            failure: None,
        }
    }

    /// The first write or flush that failed, if any.
    #[must_use]
    pub const fn failure(&self) -> Option<&std::io::Error> {
        self.failure.as_ref()
    }

    fn note<T>(&mut self, result: std::io::Result<T>) -> std::io::Result<T> {
        if let Err(e) = &result
            && e.kind() != std::io::ErrorKind::Interrupted
            && self.failure.is_none()
        {
            self.failure = Some(std::io::Error::new(e.kind(), e.to_string()));
        }
        result
    }
}

impl<W: Write> Write for Tracked<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let r = self.inner.write(buf);
        self.note(r)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        let r = self.inner.flush();
        self.note(r)
    }
}

/// The exit status of a command that returned `code`, given how writing
/// its output went: any failed write to standard output or error makes it
/// [`EXIT_UNREADABLE`], said on standard error when that still works.
pub fn finish<O: Write, E: Write>(code: i32, out: &mut Tracked<O>, err: &mut Tracked<E>) -> i32 {
    let _ = out.flush();
    if let Some(e) = out.failure() {
        let _ = writeln!(err, "career-atlas: cannot write the output: {e}");
        let _ = err.flush();
        return EXIT_UNREADABLE;
    }
    let _ = err.flush();
    if err.failure().is_some() {
        return EXIT_UNREADABLE;
    }
    code
}

/// A path as shown in messages: lossy where it is not UTF-8, and with
/// control characters escaped (`\n`, `\t`, `\r`, `\u{1b}`), so a newline in
/// a file name cannot split a `FILE:LINE:COL` line in two.
#[must_use]
pub fn shown(path: &std::path::Path) -> String {
    if path.as_os_str().is_empty() {
        // An empty argument is shown as written, not as nothing.
        return "\"\"".into();
    }
    escape_name(&path.to_string_lossy())
}

/// [`shown`] for a name already made text.
#[must_use]
pub fn escape_name(name: &str) -> String {
    if !name.chars().any(char::is_control) {
        return name.to_string();
    }
    let mut out = String::with_capacity(name.len() + 8);
    for c in name.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => out.extend(c.escape_unicode()),
            c => out.push(c),
        }
    }
    out
}

/// What checking one file found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Checked {
    /// [`EXIT_OK`], [`EXIT_INVALID`] or [`EXIT_UNREADABLE`].
    pub status: i32,
    /// Roles read (0 unless valid).
    pub roles: usize,
    /// Errors reported.
    pub errors: usize,
    /// Warnings reported.
    pub warnings: usize,
}

impl Checked {
    /// The JSON line `validate --watch --json` prints after each check, so a
    /// tool sees errors clear: `{"file", "event": "checked", "status": "ok" |
    /// "invalid" | "unreadable", "roles", "errors", "warnings"}`.
    #[must_use]
    pub fn json_line(&self, file: &str) -> serde_json::Value {
        let status = match self.status {
            EXIT_OK => "ok",
            EXIT_INVALID => "invalid",
            _ => "unreadable",
        };
        serde_json::json!({
            "file": file,
            "event": "checked",
            "status": status,
            "roles": self.roles,
            "errors": self.errors,
            "warnings": self.warnings,
        })
    }
}

/// Runs `validate` over `files`, writing results to `out` and read errors
/// to `err`; returns the exit status.
pub fn validate(files: &[Input], json: bool, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let mut known = bundled_role_ids();
    files
        .iter()
        .map(|input| check(input, json, &mut known, out, err).status)
        .max()
        .unwrap_or(EXIT_OK)
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
    let mut known = bundled_role_ids();
    let mut status = EXIT_OK;
    for (n, input) in files.iter().enumerate() {
        let free = n + 1 < files.len();
        status = status.max(check_freeing(input, json, &mut known, out, err, free).status);
    }
    status
}

/// The ids of the bundled roles, which a file's `related` may name.
#[must_use]
pub fn bundled_role_ids() -> HashSet<String> {
    bundled_dataset()
        .roles
        .into_iter()
        .map(|r| r.id.clone())
        .collect()
}

/// Checks one file as `validate` does, printing its diagnostics (and, in
/// text, its summary line); the ids of a valid file's roles join `known`.
#[allow(clippy::implicit_hasher)] // the set `bundled_role_ids` makes
pub fn check(
    input: &Input,
    json: bool,
    known: &mut HashSet<String>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Checked {
    check_freeing(input, json, known, out, err, true)
}

/// [`check`], leaving the dataset read unfreed unless `free` (see
/// [`validate_before_exit`]).
#[allow(clippy::implicit_hasher)] // one caller's set, of the default hasher
fn check_freeing(
    input: &Input,
    json: bool,
    known: &mut HashSet<String>,
    out: &mut dyn Write,
    err: &mut dyn Write,
    free: bool,
) -> Checked {
    // Escaped for text lines; JSON escapes the name itself.
    let raw_name = input.display_name();
    let name = escape_name(&raw_name);
    let mut found = Checked {
        status: EXIT_INVALID,
        roles: 0,
        errors: 1,
        warnings: 0,
    };
    let bytes = match input.read(MAX_FILE_BYTES) {
        Ok(b) => b,
        Err(message) => {
            if json {
                let line = serde_json::json!({"file": raw_name, "severity": "error", "line": 0, "column": 0, "path": "", "message": message.to_string()});
                let _ = writeln!(out, "{line}");
            } else {
                let _ = writeln!(err, "{name}: error: {message}");
            }
            found.status = EXIT_UNREADABLE;
            return found;
        }
    };
    let outcome = read_dataset(
        &input.stem(),
        &bytes,
        ReadContext {
            known_role_ids: Some(&*known),
        },
    );
    if outcome.dataset.is_none()
        && let Some(kind) = recognize_bytes(&bytes)
    {
        // Another kind of file: the one line that says so, no field noise.
        if json {
            let line = serde_json::json!({"file": raw_name, "severity": "error", "line": 1, "column": 1, "path": "", "message": kind.sentence()});
            let _ = writeln!(out, "{line}");
        } else {
            let _ = writeln!(out, "{name}: error: {}", kind.sentence());
        }
        return found;
    }
    for d in &outcome.diagnostics {
        if json {
            let mut v = serde_json::to_value(d).unwrap_or_default();
            if let Some(obj) = v.as_object_mut() {
                obj.insert("file".into(), serde_json::Value::from(raw_name.as_str()));
            }
            let _ = writeln!(out, "{v}");
        } else {
            let _ = writeln!(out, "{}", d.display_with_file(&name));
        }
    }
    found.errors = outcome.error_count();
    found.warnings = outcome.warning_count();
    if let Some(ds) = &outcome.dataset {
        known.extend(ds.roles.iter().map(|r| r.id.clone()));
        found.status = EXIT_OK;
        found.roles = ds.roles.len();
        if !json {
            let roles = ds.roles.len();
            let plural = if roles == 1 { "role" } else { "roles" };
            let warnings = found.warnings;
            if warnings == 0 {
                let _ = writeln!(out, "{name}: ok, {roles} {plural}");
            } else {
                let w = if warnings == 1 { "warning" } else { "warnings" };
                let _ = writeln!(out, "{name}: ok, {roles} {plural}, {warnings} {w}");
            }
        }
    } else if !json {
        let n = found.errors;
        let e = if n == 1 { "error" } else { "errors" };
        let _ = writeln!(out, "{name}: invalid, {n} {e}");
    }
    if !free {
        std::mem::forget(outcome);
    }
    found
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
            Err("unknown option --json here; it belongs to `validate`: career-atlas validate --json …".into())
        );
        assert!(parse(args(&["validate"])).is_err());
    }

    #[test]
    fn a_mistyped_command_is_named_and_a_file_still_opens() {
        for (typed, meant) in [
            ("valdate", "validate"),
            ("Validate", "validate"),
            ("vaildate", "validate"),
            ("neww", "new"),
            ("skill", "skills"),
            ("hepl", "help"),
        ] {
            assert_eq!(
                parse(args(&[typed, "x.json"])),
                Err(format!(
                    "unknown command `{typed}`; did you mean `{meant}`?"
                ))
            );
        }
        assert_eq!(parse(args(&["help"])), Ok(Invocation::Help));
        // File names are never taken for commands.
        for file in ["validate.json", "./valdate", "roles.json"] {
            assert_eq!(
                parse(args(&[file])),
                Ok(Invocation::Open(vec![file.into()]))
            );
        }
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
