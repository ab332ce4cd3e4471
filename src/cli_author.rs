//! The command line for people who write role files:
//! `career-atlas new FILE.json` writes the starter file and its schema, and
//! `career-atlas validate --watch FILE...` checks the files again every time
//! one is saved, until Ctrl+C (exit status 0).
//!
//! Kept apart from `cli.rs` so the main parser only routes here.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender};

use crate::cli::{EXIT_OK, EXIT_UNREADABLE, Tracked, bundled_role_ids, check, shown};
use crate::input::Input;
use crate::watch::{FileWatch, WatchOptions, WatchReport};

/// What the watch loop hears: a file (by position) changed or went away, or
/// the person pressed Ctrl+C.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WatchSignal {
    /// The file at this position was saved.
    Saved(usize),
    /// The file at this position is gone (deleted or moved).
    Gone(usize),
    /// Stop watching.
    Stop,
}

/// `career-atlas new FILE.json`: writes the starter file (refusing to
/// replace one unless `force`) and the schema beside it. `new -` prints the
/// starter file on `out` instead, without the schema, as other tools treat
/// `-` (e.g. `career-atlas new - > roles.json`, or into an editor's buffer).
pub fn new_file(file: &Path, force: bool, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    if file == Path::new("-") {
        return match out
            .write_all(crate::authoring::template("My role file").as_bytes())
            .and_then(|()| out.flush())
        {
            Ok(()) => EXIT_OK,
            Err(e) => {
                let _ = writeln!(
                    err,
                    "career-atlas new: cannot write to standard output: {e}"
                );
                EXIT_UNREADABLE
            }
        };
    }
    let name = crate::authoring::dataset_name(file, &[]);
    let replace = if force {
        crate::authoring::Replace::Both
    } else {
        crate::authoring::Replace::Nothing
    };
    match crate::authoring::write_new(file, &name, replace) {
        Ok(made) => {
            let file = shown(&made.file);
            // Quoted for the shell when it needs it, so the advice pastes.
            let arg = if file.contains(|c: char| !(c.is_alphanumeric() || "/._-+,:@".contains(c))) {
                format!("'{}'", file.replace('\'', "'\\''"))
            } else {
                file.clone()
            };
            let _ = writeln!(
                out,
                "Wrote {file} (dataset “{}”) and its schema {}.\nOpen it in your editor, then: career-atlas validate --watch {arg}",
                made.name,
                shown(&made.schema),
            );
            EXIT_OK
        }
        Err(e) => {
            let _ = writeln!(err, "career-atlas new: {e}");
            EXIT_UNREADABLE
        }
    }
}

/// `career-atlas validate --watch FILE...`: validates the files, then again
/// each time one is saved, printing what `validate` prints for the file
/// saved (checked on its own), until a [`WatchSignal::Stop`] arrives on
/// `signals` (whose sender `tx` the watches share). With `json`, every check
/// also ends with a line `{"file", "event": "checked", "status", "roles",
/// "errors", "warnings"}` ([`crate::cli::Checked::json_line`]) and a file
/// that goes away gives `{"file", "event": "gone"}`, so a tool sees errors
/// clear. Returns 0 when stopped; 2 when a file cannot be watched or the
/// output cannot be written (a closed pipe, a full disk): the watch then
/// ends at once, and says nothing of it, as the caller's
/// [`crate::cli::finish`] says it for every command.
pub fn validate_watch(
    files: &[PathBuf],
    json: bool,
    signals: (Sender<WatchSignal>, Receiver<WatchSignal>),
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let (tx, rx) = signals;
    // Any failed write, not only a failed flush: a line-buffered stdout
    // reports a closed pipe on the write and then has nothing to flush.
    let out = &mut Tracked::new(out);
    let inputs: Vec<Input> = files.iter().cloned().map(Input::Path).collect();
    let mut watches = Vec::new();
    for (i, file) in files.iter().enumerate() {
        let tx = tx.clone();
        let started = FileWatch::start(file.clone(), WatchOptions::default(), move |r| {
            let signal = match r {
                WatchReport::Read { .. } => WatchSignal::Saved(i),
                WatchReport::Gone => WatchSignal::Gone(i),
                WatchReport::Trouble(_) => return,
            };
            let _ = tx.send(signal);
        });
        match started {
            Ok(w) => watches.push(w),
            Err(e) => {
                let _ = writeln!(err, "{}: error: cannot watch: {e}", shown(file));
                return EXIT_UNREADABLE;
            }
        }
    }
    drop(tx);
    // Checked once the watches run: a save made as soon as the first result
    // shows (a script, a quick author) is then never missed.
    let mut known = bundled_role_ids();
    for input in &inputs {
        checked(input, json, &mut known, out, err);
    }
    if !json {
        let _ = writeln!(out, "Watching for saves; press Ctrl+C to stop.");
    }
    if !written(out) {
        return EXIT_UNREADABLE;
    }
    while let Ok(signal) = rx.recv() {
        match signal {
            WatchSignal::Stop => break,
            WatchSignal::Gone(i) => {
                let name = shown(&files[i]);
                if json {
                    let line =
                        serde_json::json!({"file": files[i].to_string_lossy(), "event": "gone"});
                    let _ = writeln!(out, "{line}");
                } else {
                    let _ = writeln!(
                        out,
                        "{name}: gone (deleted or moved); waiting for it to come back"
                    );
                }
            }
            WatchSignal::Saved(i) => {
                if !json {
                    let _ = writeln!(out, "-- {} saved", shown(&files[i]));
                }
                // The saved file on its own, as `validate FILE` checks it
                // (its `related` ids are looked up among the bundled roles).
                checked(&inputs[i], json, &mut bundled_role_ids(), out, err);
            }
        }
        if !written(out) {
            return EXIT_UNREADABLE;
        }
    }
    drop(watches);
    EXIT_OK
}

/// One check, ending with its JSON state line in JSON mode.
fn checked(
    input: &Input,
    json: bool,
    known: &mut std::collections::HashSet<String>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) {
    let found = check(input, json, known, out, err);
    if json {
        let _ = writeln!(out, "{}", found.json_line(&input.display_name()));
    }
}

/// Whether everything so far reached the output.
fn written(out: &mut Tracked<&mut dyn Write>) -> bool {
    let _ = out.flush();
    out.failure().is_none()
}
