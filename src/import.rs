//! Importing role files: one path for every way in (file dialog, drag-and-drop,
//! command line, re-import). Files are read and checked on a named worker
//! thread so the window keeps painting; results come back over a channel.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, Instant};

use crate::model::reader::MAX_FILE_BYTES;
use crate::model::{ReadContext, ReadOutcome, read_dataset};

/// Where a file to import comes from.
#[derive(Debug, Clone)]
pub enum ImportSource {
    /// A file on disk.
    Path(PathBuf),
    /// Bytes handed over directly (a drop without a path, e.g. from a sandbox).
    Bytes {
        /// The file's name, for the dataset name and messages.
        name: String,
        /// Its content.
        bytes: Arc<[u8]>,
    },
}

impl ImportSource {
    /// The file name shown to the person.
    #[must_use]
    pub fn display_name(&self) -> String {
        match self {
            Self::Path(p) => p.display().to_string(),
            Self::Bytes { name, .. } => name.clone(),
        }
    }

    fn stem(&self) -> String {
        let name = match self {
            Self::Path(p) => p.file_name().map(|n| n.to_string_lossy().into_owned()),
            Self::Bytes { name, .. } => Path::new(name)
                .file_name()
                .map(|n| n.to_string_lossy().into_owned()),
        }
        .unwrap_or_default();
        Path::new(&name)
            .file_stem()
            .map_or(name.clone(), |s| s.to_string_lossy().into_owned())
    }
}

/// A file read and checked, waiting for the person to confirm or dismiss.
#[derive(Debug, Clone)]
pub struct ImportReview {
    /// What was imported.
    pub source: ImportSource,
    /// The file's bytes (kept to copy into the library on confirm).
    pub bytes: Arc<[u8]>,
    /// The reader's result; `None` when the file could not be read at all.
    pub outcome: Option<ReadOutcome>,
    /// Why the file could not be read.
    pub read_error: Option<String>,
    /// Time spent reading and checking.
    pub elapsed: Duration,
}

impl ImportReview {
    /// True when the file can be imported.
    #[must_use]
    pub fn is_valid(&self) -> bool {
        self.outcome.as_ref().is_some_and(|o| o.dataset.is_some())
    }
}

/// Messages from worker threads.
#[derive(Debug)]
pub enum ImportEvent {
    /// A file was read and checked.
    Reviewed(Box<ImportReview>),
    /// The file dialog closed: the picked files (`None` if nothing was picked),
    /// and how long it was open.
    Picked(Option<Vec<PathBuf>>, Duration),
    /// A save finished: what was saved, and where (or why not). `None` when
    /// the person cancelled.
    Saved(&'static str, Option<Result<PathBuf, String>>),
    /// A chart was captured as PNG (or why not).
    ChartCaptured(Result<Vec<u8>, String>),
    /// A profile file was read for merging (or why it could not be).
    ProfileRead(Option<Result<(PathBuf, crate::model::profile::Profile), String>>),
}

/// Shows native file dialogs; swapped out in tests.
pub trait FilePicker: Send + Sync {
    /// Blocks until the person picks files or cancels.
    fn pick_files(&self) -> Option<Vec<PathBuf>>;
    /// Blocks until the person chooses where to save, or cancels.
    fn save_file(&self, default_name: &str) -> Option<PathBuf>;
}

/// The real dialog, through rfd (desktop portal, or zenity as a fallback).
pub struct RfdPicker;

impl FilePicker for RfdPicker {
    fn pick_files(&self) -> Option<Vec<PathBuf>> {
        rfd::FileDialog::new()
            .set_title("Import role files")
            .add_filter("Role files (JSON)", &["json"])
            .pick_files()
    }

    fn save_file(&self, default_name: &str) -> Option<PathBuf> {
        let ext = Path::new(default_name)
            .extension()
            .map_or_else(String::new, |e| e.to_string_lossy().into_owned());
        let mut dialog = rfd::FileDialog::new()
            .set_title("Save")
            .set_file_name(default_name);
        if !ext.is_empty() {
            dialog = dialog.add_filter(ext.to_uppercase(), &[ext.as_str()]);
        }
        dialog.save_file()
    }
}

/// True when some way of showing a file dialog seems to exist on this desktop.
#[must_use]
pub fn dialog_probably_available() -> bool {
    if cfg!(not(target_os = "linux")) {
        return true;
    }
    let on_path = |name: &str| {
        std::env::var_os("PATH")
            .is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join(name).is_file()))
    };
    on_path("zenity")
        || on_path("xdg-desktop-portal")
        || Path::new("/usr/libexec/xdg-desktop-portal").exists()
        || Path::new("/usr/lib/xdg-desktop-portal").exists()
}

/// What to tell a person whose desktop showed no dialog.
pub const NO_DIALOG_HELP: &str = "No file dialog could be shown. Install a desktop portal (xdg-desktop-portal with xdg-desktop-portal-gtk or -kde) or zenity, or import by dragging files onto the window or by running: career-atlas FILE.json";

/// Runs imports and the file dialog off the UI thread.
pub struct Importer {
    tx: Sender<ImportEvent>,
    rx: Receiver<ImportEvent>,
    in_flight: Vec<String>,
    dialog_open: bool,
    wake: Arc<dyn Fn() + Send + Sync>,
}

impl Importer {
    /// A new importer; `wake` asks the UI for a repaint when a result arrives.
    #[must_use]
    pub fn new(wake: Arc<dyn Fn() + Send + Sync>) -> Self {
        let (tx, rx) = channel();
        Self {
            tx,
            rx,
            in_flight: Vec::new(),
            dialog_open: false,
            wake,
        }
    }

    /// Names of files being read now.
    #[must_use]
    pub fn in_flight(&self) -> &[String] {
        &self.in_flight
    }

    /// True while the file dialog is open.
    #[must_use]
    pub fn dialog_open(&self) -> bool {
        self.dialog_open
    }

    /// Reads and checks `source` on a worker thread. `known_role_ids` are the
    /// ids already loaded (for the dangling `related` warning).
    pub fn start(&mut self, source: ImportSource, known_role_ids: Arc<HashSet<String>>) {
        let name = source.display_name();
        self.in_flight.push(name.clone());
        let tx = self.tx.clone();
        let wake = Arc::clone(&self.wake);
        let spawned = std::thread::Builder::new()
            .name(format!("import {name}"))
            .spawn(move || {
                let review = review(source, &known_role_ids);
                // The receiver only disappears when the app is closing.
                let _ = tx.send(ImportEvent::Reviewed(Box::new(review)));
                wake();
            });
        if let Err(e) = spawned {
            self.in_flight.retain(|n| *n != name);
            log::error!("could not start the import thread: {e}");
        }
    }

    /// Opens the file dialog on a worker thread.
    pub fn open_dialog(&mut self, picker: Arc<dyn FilePicker>) {
        self.spawn_dialog("file dialog", move || {
            let started = Instant::now();
            let files = picker.pick_files();
            ImportEvent::Picked(files, started.elapsed())
        });
    }

    /// A sender for results produced elsewhere (e.g. a screenshot callback),
    /// with the wake-up to call after sending.
    #[must_use]
    pub fn sender(&self) -> (Sender<ImportEvent>, Arc<dyn Fn() + Send + Sync>) {
        (self.tx.clone(), Arc::clone(&self.wake))
    }

    /// Asks where to save `bytes` and writes them there atomically, off the UI thread.
    pub fn save(
        &mut self,
        picker: Arc<dyn FilePicker>,
        what: &'static str,
        default_name: String,
        bytes: Vec<u8>,
    ) {
        self.spawn_dialog("save dialog", move || {
            let result = picker.save_file(&default_name).map(|path| {
                crate::store::write_atomically(&path, &bytes)
                    .map(|()| path)
                    .map_err(|e| e.to_string())
            });
            ImportEvent::Saved(what, result)
        });
    }

    /// Asks for a profile file and reads it, off the UI thread.
    pub fn open_profile(&mut self, picker: Arc<dyn FilePicker>) {
        self.spawn_dialog("profile dialog", move || {
            let chosen = picker.pick_files().and_then(|v| v.into_iter().next());
            ImportEvent::ProfileRead(chosen.map(|path| {
                let bytes = read_file(&path)?;
                let profile: crate::model::profile::Profile = serde_json::from_slice(&bytes)
                    .map_err(|e| format!("this is not a Career Atlas profile file: {e}"))?;
                if profile.version > crate::model::profile::PROFILE_VERSION {
                    return Err(format!(
                        "this profile was written by a newer Career Atlas (version {}); update the app to read it",
                        profile.version
                    ));
                }
                Ok((path, profile))
            }))
        });
    }

    fn spawn_dialog(&mut self, name: &str, job: impl FnOnce() -> ImportEvent + Send + 'static) {
        if self.dialog_open {
            return;
        }
        self.dialog_open = true;
        let tx = self.tx.clone();
        let wake = Arc::clone(&self.wake);
        let spawned = std::thread::Builder::new()
            .name(name.into())
            .spawn(move || {
                let _ = tx.send(job());
                wake();
            });
        if let Err(e) = spawned {
            self.dialog_open = false;
            log::error!("could not start the dialog thread: {e}");
        }
    }

    /// Takes every result that has arrived.
    pub fn poll(&mut self) -> Vec<ImportEvent> {
        let events: Vec<ImportEvent> = self.rx.try_iter().collect();
        for e in &events {
            match e {
                ImportEvent::Reviewed(r) => {
                    let name = r.source.display_name();
                    if let Some(i) = self.in_flight.iter().position(|n| *n == name) {
                        self.in_flight.remove(i);
                    }
                }
                ImportEvent::Picked(..) | ImportEvent::Saved(..) | ImportEvent::ProfileRead(..) => {
                    self.dialog_open = false;
                }
                // Captured on the UI thread; no dialog was open for it.
                ImportEvent::ChartCaptured(_) => {}
            }
        }
        events
    }
}

/// Reads and checks one file (runs on a worker thread).
#[must_use]
#[allow(clippy::implicit_hasher)] // the reader takes the std set
pub fn review(source: ImportSource, known_role_ids: &HashSet<String>) -> ImportReview {
    let started = Instant::now();
    let bytes = match &source {
        ImportSource::Path(p) => read_file(p),
        ImportSource::Bytes { bytes, .. } => Ok(Arc::clone(bytes)),
    };
    let stem = source.stem();
    match bytes {
        Ok(bytes) => {
            let outcome = read_dataset(
                &stem,
                &bytes,
                ReadContext {
                    known_role_ids: Some(known_role_ids),
                },
            );
            ImportReview {
                source,
                bytes,
                outcome: Some(outcome),
                read_error: None,
                elapsed: started.elapsed(),
            }
        }
        Err(message) => ImportReview {
            source,
            bytes: Arc::from(Vec::new()),
            outcome: None,
            read_error: Some(message),
            elapsed: started.elapsed(),
        },
    }
}

/// Reads a file, refusing folders, devices and oversized files with a message
/// a person can act on.
///
/// # Errors
/// A sentence saying why the file cannot be read.
pub fn read_file(path: &Path) -> Result<Arc<[u8]>, String> {
    let meta = std::fs::metadata(path).map_err(|e| describe_io(&e))?;
    if meta.is_dir() {
        return Err("this is a folder, not a file; choose the .json files inside it".into());
    }
    if !meta.is_file() {
        return Err("this is not a regular file (a device or a pipe?); choose a .json file".into());
    }
    if meta.len() > MAX_FILE_BYTES as u64 {
        return Err(format!(
            "the file is {} MB; role files may be at most {} MB — split it into several files",
            meta.len() / (1024 * 1024),
            MAX_FILE_BYTES / (1024 * 1024)
        ));
    }
    std::fs::read(path)
        .map(Arc::from)
        .map_err(|e| describe_io(&e))
}

fn describe_io(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".into(),
        std::io::ErrorKind::PermissionDenied => {
            "permission denied: this account may not read the file".into()
        }
        _ => format!("the file cannot be read: {e}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_and_missing_files_are_refused_with_a_reason() {
        let dir = tempfile::tempdir().unwrap();
        assert!(read_file(dir.path()).unwrap_err().contains("folder"));
        assert_eq!(
            read_file(&dir.path().join("nope.json")).unwrap_err(),
            "no such file"
        );
    }

    #[test]
    fn a_review_names_the_dataset_after_the_file() {
        let source = ImportSource::Bytes {
            name: "/x/My Roles.json".into(),
            bytes: Arc::from(br#"[{"id":"a","title":"A","stack":{}}]"#.as_slice()),
        };
        let r = review(source, &HashSet::new());
        assert!(r.is_valid());
        let ds = r.outcome.unwrap().dataset.unwrap();
        assert_eq!(ds.name, "My Roles");
    }
}
