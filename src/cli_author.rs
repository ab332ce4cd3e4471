//! The command line for people who write role files:
//! `career-atlas new FILE.json` writes the starter file and its schema, and
//! `career-atlas validate --watch FILE...` checks the files again every time
//! one is saved, until Ctrl+C (exit status 0).
//!
//! Kept apart from `cli.rs` so the main parser only routes here.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender};

use crate::cli::{EXIT_OK, EXIT_UNREADABLE, validate};
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
/// replace one unless `force`) and the schema beside it.
pub fn new_file(file: &Path, force: bool, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let name = crate::authoring::dataset_name(file, &[]);
    match crate::authoring::write_new(file, &name, force) {
        Ok(made) => {
            let _ = writeln!(
                out,
                "Wrote {} (dataset “{}”) and its schema {}.\nOpen it in your editor, then: career-atlas validate --watch {}",
                made.file.display(),
                made.name,
                made.schema.display(),
                made.file.display()
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
/// saved (checked on its own), until a [`WatchSignal::Stop`] arrives on `signals` (whose sender
/// `tx` the watches share). Returns 0 when stopped; 2 when a file cannot be
/// watched.
pub fn validate_watch(
    files: &[PathBuf],
    json: bool,
    signals: (Sender<WatchSignal>, Receiver<WatchSignal>),
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let (tx, rx) = signals;
    let inputs: Vec<Input> = files.iter().cloned().map(Input::Path).collect();
    validate(&inputs, json, out, err);
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
                let _ = writeln!(err, "{}: error: cannot watch: {e}", file.display());
                return EXIT_UNREADABLE;
            }
        }
    }
    drop(tx);
    if !json {
        let _ = writeln!(out, "Watching for saves; press Ctrl+C to stop.");
    }
    let _ = out.flush();
    while let Ok(signal) = rx.recv() {
        match signal {
            WatchSignal::Stop => break,
            WatchSignal::Gone(i) => {
                if !json {
                    let _ = writeln!(
                        out,
                        "{}: gone (deleted or moved); waiting for it to come back",
                        files[i].display()
                    );
                }
            }
            WatchSignal::Saved(i) => {
                if !json {
                    let _ = writeln!(out, "-- {} saved", files[i].display());
                }
                // The saved file on its own, as `validate FILE` checks it
                // (its `related` ids are looked up among the bundled roles).
                validate(std::slice::from_ref(&inputs[i]), json, out, err);
            }
        }
        let _ = out.flush();
    }
    drop(watches);
    EXIT_OK
}
