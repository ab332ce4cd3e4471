//! `career-atlas skills from-text FILE|-`: the technologies of the catalog
//! found in a CV, skills list or job ad, for scripts and tests; with
//! `--profile OUT`, also a skill profile in the app's export format.
//!
//! Kept apart from the main argument parser so it can be wired into whichever
//! parser `main.rs` uses; everything comes in as arguments and streams.

use std::ffi::OsStr;
use std::io::{Read, Write};
use std::path::Path;

use crate::cli::{EXIT_INVALID, EXIT_OK, EXIT_UNREADABLE, did_you_mean, escape_name};
use crate::input::{Expected, Input, read_path};
use crate::model::format::closest_name;
use crate::model::profile::{Proficiency, Profile};
use crate::model::reader::MAX_FILE_BYTES;
use crate::model::recognize::Recognizer;
use crate::model::{
    Catalog, DatasetOrigin, LoadedDataset, ReadContext, bundled_dataset, read_dataset,
};

/// Largest text read, in bytes: far above any CV, small enough to stay quick.
const MAX_TEXT_BYTES: usize = 8 * 1024 * 1024;

/// The usage text of `skills`.
pub const USAGE: &str = "\
Usage:
  career-atlas skills from-text [--profile OUT] [--level LEVEL] [--dataset FILE]... FILE|-
        print the technologies found in a CV, skills list or job ad (FILE, or
        standard input for -), one per line: catalog id, a tab, the name.
  --help           print this text
  --force          let --profile replace a file that is not a skill profile
  --profile OUT    also write a skill profile (the format of My skills › Export)
                   marking each one at LEVEL; OUT - writes it to standard output
                   instead of the list
  --level LEVEL    not_yet, learning, used_it (default), at_work or could_teach
  --dataset FILE   also match the technologies of a role file (repeatable)

Exit status: 0 technologies found, 1 none found, 2 a file cannot be read or
written, or the command line is wrong.
";

/// The options `from-text` takes, without their dashes.
const OPTIONS: [&str; 5] = ["profile", "force", "level", "dataset", "help"];
/// The levels `--level` takes.
const LEVELS: [&str; 5] = ["not_yet", "learning", "used_it", "at_work", "could_teach"];

struct Options {
    input: String,
    profile: Option<String>,
    force: bool,
    level: Proficiency,
    datasets: Vec<String>,
}

/// The options of `from-text`, or `None` for `--help`.
fn parse(args: &[String]) -> Result<Option<Options>, String> {
    let mut input = None;
    let mut profile = None;
    let mut force = false;
    let mut level = Proficiency::UsedIt;
    let mut datasets = Vec::new();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        // `--level=learning` as well as `--level learning`, as the main
        // parser takes `--json` options.
        let (flag, mut attached) = match arg.split_once('=') {
            Some((flag, v)) if flag.starts_with("--") => (flag, Some(v.to_owned())),
            _ => (arg.as_str(), None),
        };
        if attached.is_some() && matches!(flag, "--force" | "--help") {
            return Err(format!("{flag} takes no value"));
        }
        let mut value = |flag: &str| {
            attached
                .take()
                .or_else(|| it.next().cloned())
                .ok_or_else(|| format!("{flag} needs a value"))
        };
        match flag {
            "--help" | "-h" => return Ok(None),
            "--profile" => profile = Some(value("--profile")?),
            "--force" => force = true,
            "--dataset" => datasets.push(value("--dataset")?),
            "--level" => {
                let v = value("--level")?;
                level = serde_json::from_value(serde_json::Value::from(v.as_str()))
                    .map_err(|_| unknown_level(&v))?;
            }
            "-" => input = Some(arg.clone()),
            flag if flag.starts_with('-') => return Err(unknown_option(flag, &OPTIONS)),
            _ if input.is_some() => return Err("name one text file (or -)".into()),
            _ => input = Some(arg.clone()),
        }
    }
    let input = input.ok_or("name a text file, or - for standard input")?;
    Ok(Some(Options {
        input,
        profile,
        force,
        level,
        datasets,
    }))
}

fn unknown_level(given: &str) -> String {
    let message = format!("unknown level `{given}`");
    match closest_name(given, &LEVELS) {
        Some(level) => did_you_mean(&message, level),
        None => format!("{message}; use not_yet, learning, used_it, at_work or could_teach"),
    }
}

/// "unknown option --jsn", with the closest of `known` (no dashes) offered.
fn unknown_option(flag: &str, known: &[&str]) -> String {
    let message = format!("unknown option {flag}");
    match closest_name(flag.trim_start_matches('-'), known) {
        Some(name) => did_you_mean(&message, &format!("--{name}")),
        None => message,
    }
}

/// Runs `skills` over `args` (the words after `skills`), reading `-` from
/// `stdin` and writing to `out` and `err`; returns the exit status.
pub fn run(args: &[String], stdin: &mut dyn Read, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    match args.first().map(String::as_str) {
        Some("from-text") => from_text(&args[1..], stdin, out, err),
        Some("--help" | "-h" | "help") => {
            let _ = write!(out, "{USAGE}");
            EXIT_OK
        }
        Some(other) => {
            let problem = if other.starts_with('-') {
                unknown_option(other, &["help"])
            } else {
                let message = format!("unknown command `{other}`");
                match closest_name(other, &["from-text", "help"]) {
                    Some(command) => did_you_mean(&message, command),
                    None => message,
                }
            };
            let _ = writeln!(err, "career-atlas skills: {problem}\n\n{USAGE}");
            EXIT_UNREADABLE
        }
        None => {
            let _ = writeln!(err, "career-atlas skills: name a command\n\n{USAGE}");
            EXIT_UNREADABLE
        }
    }
}

/// The text of `input` (`-` is `stdin`), or the line that says why not, in
/// the words `validate` uses for the same trouble.
fn read_text(input: &str, stdin: &mut dyn Read) -> Result<String, String> {
    let source = Input::from_arg(OsStr::new(input));
    let name = match source {
        Input::Stdin => "standard input".to_owned(),
        Input::Path(_) => escape_name(&source.display_name()),
    };
    let bytes = source
        .read_from(stdin, MAX_TEXT_BYTES)
        .map_err(|e| format!("{name}: {}", e.sentence(Expected::Text)))?;
    decode_text(&bytes).map_err(|e| format!("{name}: {e}"))
}

/// A text file's bytes as text: UTF-16 with a byte order mark (Notepad's
/// "Unicode", PowerShell's `Out-File`) decoded as role files are, a UTF-8
/// byte order mark dropped, and anything else read as UTF-8 with damaged
/// bytes replaced: a CV saved in a legacy encoding still has its ASCII names.
///
/// # Errors
/// The reason, when the bytes are UTF-16 or UTF-32 without a byte order mark
/// or not text at all.
fn decode_text(bytes: &[u8]) -> Result<String, String> {
    let utf8 = crate::model::format::encoding::to_utf8(bytes).map_err(|d| {
        d.message
            .replace("a role file is JSON text", "give a plain text file")
    })?;
    let body: &[u8] = &utf8;
    let body = body.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(body);
    Ok(String::from_utf8_lossy(body).into_owned())
}

fn catalog(datasets: &[String]) -> Result<Catalog, String> {
    let mut loaded = vec![LoadedDataset {
        dataset: bundled_dataset(),
        origin: DatasetOrigin::Bundled,
        visible: true,
    }];
    for file in datasets {
        let bytes = read_path(Path::new(file), MAX_FILE_BYTES)
            .map_err(|e| format!("{}: {}", escape_name(file), e.sentence(Expected::RoleFile)))?;
        let stem = Path::new(file)
            .file_stem()
            .map_or_else(|| file.clone(), |s| s.to_string_lossy().into_owned());
        let outcome = read_dataset(&stem, &bytes, ReadContext::default());
        let dataset = outcome.dataset.ok_or_else(|| {
            format!("{file}: not a valid role file; run `career-atlas validate {file}`")
        })?;
        loaded.push(LoadedDataset {
            dataset,
            origin: DatasetOrigin::Imported {
                source_file: file.clone().into(),
                imported_at: String::new(),
            },
            visible: true,
        });
    }
    Ok(Catalog::new(loaded))
}

fn from_text(
    args: &[String],
    stdin: &mut dyn Read,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let opts = match parse(args) {
        Ok(Some(o)) => o,
        Ok(None) => {
            let _ = write!(out, "{USAGE}");
            return EXIT_OK;
        }
        Err(e) => {
            let _ = writeln!(err, "career-atlas skills from-text: {e}\n\n{USAGE}");
            return EXIT_UNREADABLE;
        }
    };
    let (text, catalog) =
        match read_text(&opts.input, stdin).and_then(|t| Ok((t, catalog(&opts.datasets)?))) {
            Ok(v) => v,
            Err(e) => {
                let _ = writeln!(err, "career-atlas skills from-text: {e}");
                return EXIT_UNREADABLE;
            }
        };
    let found = Recognizer::new(&catalog).find(&text);
    let to_stdout = opts.profile.as_deref() == Some("-");
    if !to_stdout {
        for f in &found {
            let tech = catalog.tech(f.tech);
            let _ = writeln!(out, "{}\t{}", tech.key, tech.name);
        }
    }
    if let Some(path) = &opts.profile {
        let mut profile = Profile::default();
        for f in &found {
            profile.set_level(catalog.tech(f.tech), opts.level);
        }
        let mut bytes = serde_json::to_vec_pretty(&profile).unwrap_or_default();
        bytes.push(b'\n');
        // Replacing a profile is the point of --profile; replacing anything
        // else (a role file made by `new`, a CV) loses someone's work.
        if !to_stdout
            && !opts.force
            && std::fs::metadata(path).is_ok_and(|m| m.is_file())
            && let Ok(old) = std::fs::read(path)
            && crate::jobs::parse_profile(&old).is_err()
        {
            let _ = writeln!(
                err,
                "career-atlas skills from-text: {path} exists and is not a skill profile; choose another name, or pass --force to replace it"
            );
            return EXIT_UNREADABLE;
        }
        let written = if to_stdout {
            out.write_all(&bytes).map_err(|e| e.to_string())
        } else {
            crate::user_files::write(Path::new(path), &bytes).map_err(|e| e.to_string())
        };
        if let Err(e) = written {
            let _ = writeln!(
                err,
                "career-atlas skills from-text: the profile could not be written: {e}"
            );
            return EXIT_UNREADABLE;
        }
    }
    if found.is_empty() {
        let _ = writeln!(
            err,
            "career-atlas skills from-text: no technology of the catalog was found"
        );
        EXIT_INVALID
    } else {
        EXIT_OK
    }
}
