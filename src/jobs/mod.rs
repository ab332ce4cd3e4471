//! Background jobs: everything the app runs off the UI thread, each on a named
//! worker thread so the window keeps painting, with results sent back over one
//! channel that the app polls once per frame:
//! - reading and checking role files to import — one path for every way in
//!   (file dialog, drag-and-drop, command line, re-import);
//! - the file dialogs (open, save), which block until the person answers;
//! - exports: encoding (a chart's pixels as PNG) and writing a chosen file
//!   (profile, Markdown, CSV, chart).
//!
//! Nothing here touches the app's state: the app starts jobs and applies the
//! [`JobEvent`]s that come back, in one place.

use std::collections::{BTreeMap, HashSet};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};

use egui::{ColorImage, Rect};

use crate::model::ReadOutcome;
use crate::model::format::kind::{self, FileKind};
use crate::model::profile::Profile;

mod dialog;
mod files;

pub use dialog::*;
use dialog::{PendingDialog, ask};
pub use files::*;

/// A file read and checked, waiting for the person to confirm or dismiss.
#[derive(Debug, Clone)]
pub struct ImportReview {
    /// The file that was read.
    pub source: PathBuf,
    /// The file's bytes (kept to copy into the library on confirm).
    pub bytes: Arc<[u8]>,
    /// The reader's result; `None` when the file could not be read at all.
    pub outcome: Option<ReadOutcome>,
    /// Why the file could not be read.
    pub read_error: Option<String>,
    /// What the file is when it is another kind of file than a role file
    /// (looked for only when it is refused).
    pub kind: Option<FileKind>,
    /// The skill profile in it, when it is a Career Atlas profile export:
    /// offered as a profile import instead.
    pub profile: Option<Profile>,
}

impl ImportReview {
    /// True when the file can be imported.
    #[must_use]
    pub fn is_valid(&self) -> bool {
        self.outcome.as_ref().is_some_and(|o| o.dataset.is_some())
    }
}

/// Results of background jobs.
#[derive(Debug)]
pub enum JobEvent {
    /// A file was read and checked.
    Reviewed(Box<ImportReview>),
    /// The file dialog closed: the picked files (`None` if nothing was picked).
    Picked(Option<Vec<PathBuf>>),
    /// A dialog answered "nothing chosen" faster than a person can: none was
    /// shown (no desktop portal, no zenity). Holds what to tell the person.
    NoDialog(&'static str),
    /// A save finished: what was saved, and where (or why not), `None` when
    /// the person cancelled; and what the notice should add (what the file
    /// had to change, such as renamed ids).
    Saved(
        &'static str,
        Option<Result<PathBuf, String>>,
        Option<String>,
    ),
    /// The window's pixels, asked for to save the part in the rectangle
    /// (points, at that many pixels per point) as a PNG.
    Screenshot(Arc<ColorImage>, Rect, f32),
    /// A profile file was read for merging, or why it was not (in one line,
    /// with whether it is a role file to offer as a role import instead).
    ProfileRead(Option<Result<(PathBuf, Profile), (PathBuf, kind::NotProfile)>>),
    /// A watched dataset's file (named by the dataset's name) changed, went
    /// away or had trouble ([`crate::watch`]).
    Watched(String, crate::watch::WatchReport),
    /// File › New role file… finished: what was written (or why not).
    /// `None` when the person cancelled.
    Created(Option<Result<crate::authoring::NewFile, String>>),
}

/// Starts background jobs and collects their results.
pub struct Jobs {
    tx: Sender<JobEvent>,
    rx: Receiver<JobEvent>,
    /// Dialog answers, tagged with the id of the dialog that gave them.
    dialog_tx: Sender<(u64, JobEvent)>,
    dialog_rx: Receiver<(u64, JobEvent)>,
    in_flight: Vec<String>,
    /// Checked files, tagged with the order their imports started.
    review_tx: Sender<(u64, Box<ImportReview>)>,
    review_rx: Receiver<(u64, Box<ImportReview>)>,
    /// Reviews that finished before an earlier import (`None`: its thread
    /// never started), held so previews come in the order files were chosen.
    held: BTreeMap<u64, Option<Box<ImportReview>>>,
    next_import: u64,
    next_release: u64,
    dialog: Option<PendingDialog>,
    next_dialog_id: u64,
    wake: Arc<dyn Fn() + Send + Sync>,
}

impl Jobs {
    /// No jobs yet; `wake` asks the UI for a repaint when a result arrives.
    #[must_use]
    pub fn new(wake: Arc<dyn Fn() + Send + Sync>) -> Self {
        let (tx, rx) = channel();
        let (dialog_tx, dialog_rx) = channel();
        let (review_tx, review_rx) = channel();
        Self {
            tx,
            rx,
            dialog_tx,
            dialog_rx,
            in_flight: Vec::new(),
            review_tx,
            review_rx,
            held: BTreeMap::new(),
            next_import: 0,
            next_release: 0,
            dialog: None,
            next_dialog_id: 0,
            wake,
        }
    }

    /// Names of files being read now.
    #[must_use]
    pub fn in_flight(&self) -> &[String] {
        &self.in_flight
    }

    /// True while the app waits for a file dialog.
    #[must_use]
    pub fn dialog_open(&self) -> bool {
        self.dialog.is_some()
    }

    /// What the dialog the app waits for asks ("Choose files in the
    /// dialog…"), if one is pending.
    #[must_use]
    pub fn pending_dialog(&self) -> Option<&str> {
        self.dialog.as_ref().map(|d| d.what.as_str())
    }

    /// Stops waiting for the pending dialog, so other dialogs can open. A
    /// blocked dialog cannot be closed from here; if it answers later, its
    /// answer still arrives (the person did choose), but it no longer holds
    /// up the next dialog. Returns false when no dialog was pending.
    pub fn cancel_dialog(&mut self) -> bool {
        self.dialog.take().is_some()
    }

    /// Reads and checks the file at `path` on a worker thread. `known_role_ids`
    /// are the ids already loaded (for the dangling `related` warning).
    pub fn import(&mut self, path: PathBuf, known_role_ids: Arc<HashSet<String>>) {
        let name = path.display().to_string();
        self.in_flight.push(name.clone());
        let seq = self.next_import;
        self.next_import += 1;
        let tx = self.review_tx.clone();
        let wake = Arc::clone(&self.wake);
        let spawned = std::thread::Builder::new()
            .name(format!("import {name}"))
            .spawn(move || {
                let review = review(path, &known_role_ids);
                // The receiver only disappears when the app is closing.
                let _ = tx.send((seq, Box::new(review)));
                wake();
            });
        if let Err(e) = spawned {
            self.in_flight.retain(|n| *n != name);
            self.held.insert(seq, None);
            log::error!("could not start the import thread: {e}");
        }
    }

    /// Opens the file dialog on a worker thread.
    ///
    /// # Errors
    /// [`DialogBusy`] while another dialog is pending.
    pub fn open_dialog(&mut self, picker: Arc<dyn FilePicker>) -> Result<(), DialogBusy> {
        self.spawn_dialog("file dialog", IMPORT_WAIT.into(), move || {
            match ask(|| picker.pick_files()) {
                Ok(files) => JobEvent::Picked(files),
                Err(()) => JobEvent::NoDialog(NO_DIALOG_HELP),
            }
        })
    }

    /// A sender for results produced elsewhere (e.g. a screenshot callback),
    /// with the wake-up to call after sending.
    #[must_use]
    pub fn sender(&self) -> (Sender<JobEvent>, Arc<dyn Fn() + Send + Sync>) {
        (self.tx.clone(), Arc::clone(&self.wake))
    }

    /// Asks where to save `bytes` and writes them there atomically, off the UI thread.
    ///
    /// # Errors
    /// [`DialogBusy`] while another dialog is pending.
    pub fn save(
        &mut self,
        picker: Arc<dyn FilePicker>,
        what: &'static str,
        default_name: String,
        bytes: Vec<u8>,
    ) -> Result<(), DialogBusy> {
        self.save_with(picker, what, default_name, move || Ok((bytes, None)))
    }

    /// Saves the part of a screenshot inside `rect` (points, at
    /// `pixels_per_point`) as a PNG file chosen in a dialog; cropping and
    /// encoding happen on the worker thread too.
    ///
    /// # Errors
    /// [`DialogBusy`] while another dialog is pending.
    pub fn save_png(
        &mut self,
        picker: Arc<dyn FilePicker>,
        what: &'static str,
        default_name: String,
        shot: (Arc<ColorImage>, Rect, f32),
    ) -> Result<(), DialogBusy> {
        let (image, rect, pixels_per_point) = shot;
        self.save_with(picker, what, default_name, move || {
            crop_to_png(&image, rect, pixels_per_point).map(|png| (png, None))
        })
    }

    /// Makes the bytes and a note for the notice (an encoding error ends the
    /// job before any dialog), then asks where to save them and writes them
    /// there atomically.
    fn save_with(
        &mut self,
        picker: Arc<dyn FilePicker>,
        what: &'static str,
        default_name: String,
        make: impl FnOnce() -> Result<(Vec<u8>, Option<String>), String> + Send + 'static,
    ) -> Result<(), DialogBusy> {
        let wait = format!("Choose where to save {what} in the dialog…");
        self.spawn_dialog("save dialog", wait, move || {
            let (bytes, note) = match make() {
                Ok(encoded) => encoded,
                Err(e) => return JobEvent::Saved(what, Some(Err(e)), None),
            };
            let Ok(chosen) = ask(|| picker.save_file(&default_name)) else {
                return JobEvent::NoDialog(NO_SAVE_DIALOG_HELP);
            };
            let result = chosen.map(|path| {
                crate::user_files::write(&path, &bytes)
                    .map(|()| path)
                    .map_err(|e| e.to_string())
            });
            JobEvent::Saved(what, result, note)
        })
    }

    /// Asks where to save a role file and writes the dataset `make` builds
    /// there, saying which ids it renamed; building and encoding happen on
    /// the worker thread too.
    ///
    /// # Errors
    /// [`DialogBusy`] while another dialog is pending.
    pub fn save_roles(
        &mut self,
        picker: Arc<dyn FilePicker>,
        what: &'static str,
        default_name: String,
        make: impl FnOnce() -> crate::model::export::RoleFile + Send + 'static,
    ) -> Result<(), DialogBusy> {
        self.save_with(picker, what, default_name, move || {
            let file = make();
            let note = crate::model::export::describe_renamed(&file.renamed);
            crate::model::export::encode(&file.dataset).map(|bytes| (bytes, note))
        })
    }

    /// Asks where to create a new role file, then writes the starter file
    /// and its schema there ([`crate::authoring`]), named unlike `taken`.
    ///
    /// # Errors
    /// [`DialogBusy`] while another dialog is pending.
    pub fn new_role_file(
        &mut self,
        picker: Arc<dyn FilePicker>,
        taken: Vec<String>,
    ) -> Result<(), DialogBusy> {
        let wait = "Choose where to create the role file in the dialog…".to_string();
        self.spawn_dialog("new role file dialog", wait, move || {
            let Ok(chosen) = ask(|| picker.save_file("my-roles.json")) else {
                return JobEvent::NoDialog(NO_NEW_DIALOG_HELP);
            };
            JobEvent::Created(chosen.map(|path| {
                let name = crate::authoring::dataset_name(&path, &taken);
                // The dialog asked before replacing a file.
                crate::authoring::write_new(&path, &name, crate::authoring::Replace::RoleFile)
            }))
        })
    }

    /// Asks for a profile file and reads it, off the UI thread.
    ///
    /// # Errors
    /// [`DialogBusy`] while another dialog is pending.
    pub fn open_profile(&mut self, picker: Arc<dyn FilePicker>) -> Result<(), DialogBusy> {
        let wait = "Choose a skill profile in the dialog…".to_string();
        self.spawn_dialog("profile dialog", wait, move || {
            let Ok(chosen) = ask(|| picker.pick_files()) else {
                return JobEvent::NoDialog(NO_PROFILE_DIALOG_HELP);
            };
            let chosen = chosen.and_then(|v| v.into_iter().next());
            JobEvent::ProfileRead(chosen.map(|path| {
                let refused = |sentence, role_file| kind::NotProfile {
                    sentence,
                    role_file,
                };
                let bytes = match read_file(&path) {
                    Ok(b) => b,
                    Err(e) => return Err((path, refused(e, false))),
                };
                // Only a file with a profile's shape is read as one: JSON
                // without `skills` would read as an empty profile.
                if !matches!(
                    kind::recognize_bytes(&bytes),
                    Some(FileKind::Profile { .. })
                ) {
                    return Err((path, kind::not_a_profile(&bytes)));
                }
                match parse_profile(&bytes) {
                    Ok(profile) => Ok((path, profile)),
                    // From a newer app, say.
                    Err(e) => Err((path, refused(e, false))),
                }
            }))
        })
    }

    /// Runs a dialog job on a named thread, unless a dialog is pending: one
    /// dialog at a time, as a person can answer only one.
    fn spawn_dialog(
        &mut self,
        name: &str,
        what: String,
        job: impl FnOnce() -> JobEvent + Send + 'static,
    ) -> Result<(), DialogBusy> {
        if let Some(d) = &self.dialog {
            return Err(DialogBusy(d.what.clone()));
        }
        let id = self.next_dialog_id;
        self.next_dialog_id += 1;
        self.dialog = Some(PendingDialog { id, what });
        let tx = self.dialog_tx.clone();
        let wake = Arc::clone(&self.wake);
        let spawned = std::thread::Builder::new()
            .name(name.into())
            .spawn(move || {
                let _ = tx.send((id, job()));
                wake();
            });
        if let Err(e) = spawned {
            self.dialog = None;
            log::error!("could not start the dialog thread: {e}");
        }
        Ok(())
    }

    /// Takes every result that has arrived.
    pub fn poll(&mut self) -> Vec<JobEvent> {
        let mut events: Vec<JobEvent> = self.rx.try_iter().collect();
        for (seq, review) in self.review_rx.try_iter() {
            self.held.insert(seq, Some(review));
        }
        while let Some(review) = self.held.remove(&self.next_release) {
            self.next_release += 1;
            events.extend(review.map(JobEvent::Reviewed));
        }
        for (id, event) in self.dialog_rx.try_iter() {
            // Only the pending dialog's answer frees the way for the next one;
            // a cancelled dialog's late answer is applied all the same.
            if self.dialog.as_ref().is_some_and(|d| d.id == id) {
                self.dialog = None;
            }
            events.push(event);
        }
        for e in &events {
            match e {
                JobEvent::Reviewed(r) => {
                    let name = r.source.display().to_string();
                    if let Some(i) = self.in_flight.iter().position(|n| *n == name) {
                        self.in_flight.remove(i);
                    }
                }
                // Dialog answers were handled above; a screenshot is taken
                // by the renderer, with no dialog open for it.
                JobEvent::Picked(..)
                | JobEvent::NoDialog(..)
                | JobEvent::Saved(..)
                | JobEvent::ProfileRead(..)
                | JobEvent::Screenshot(..)
                | JobEvent::Watched(..)
                | JobEvent::Created(..) => {}
            }
        }
        events
    }
}
