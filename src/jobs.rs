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
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, Instant};

use egui::{ColorImage, Rect};

use crate::model::format::kind::{self, FileKind};
use crate::model::profile::{PROFILE_VERSION, Profile};
use crate::model::reader::MAX_FILE_BYTES;
use crate::model::{ReadContext, ReadOutcome, read_dataset};

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

/// What to tell a person whose desktop showed no import dialog.
pub const NO_DIALOG_HELP: &str = "No file dialog could be shown. Install a desktop portal (xdg-desktop-portal with xdg-desktop-portal-gtk or -kde) or zenity, or import by dragging files onto the window or by running: career-atlas FILE.json";
/// The same, for a save: nothing was written.
pub const NO_SAVE_DIALOG_HELP: &str = "No file dialog could be shown, so nothing was saved. Install a desktop portal (xdg-desktop-portal with xdg-desktop-portal-gtk or -kde) or zenity, then try again.";
/// The same, for File › New role file….
pub const NO_NEW_DIALOG_HELP: &str = "No file dialog could be shown, so no role file was created. Install a desktop portal (xdg-desktop-portal with xdg-desktop-portal-gtk or -kde) or zenity, or run: career-atlas new FILE.json";
/// The same, for Import profile….
pub const NO_PROFILE_DIALOG_HELP: &str = "No file dialog could be shown. Install a desktop portal (xdg-desktop-portal with xdg-desktop-portal-gtk or -kde) or zenity, or drop the profile file onto the window.";

/// A file dialog answered faster than this was never shown: nobody cancels
/// a dialog within a blink.
const NO_DIALOG_WITHIN: Duration = Duration::from_millis(300);

/// Runs a blocking dialog. `Err(())` when it answered "nothing" within
/// [`NO_DIALOG_WITHIN`], i.e. no dialog was shown at all.
fn ask<T>(dialog: impl FnOnce() -> Option<T>) -> Result<Option<T>, ()> {
    let started = Instant::now();
    let answer = dialog();
    if answer.is_none() && started.elapsed() < NO_DIALOG_WITHIN {
        return Err(());
    }
    Ok(answer)
}

/// A file dialog the app is waiting for.
struct PendingDialog {
    /// Tells its answer from that of a dialog the person stopped waiting for.
    id: u64,
    /// What the dialog is for, as the waiting line shows it.
    what: String,
}

/// Why a file dialog was not opened: another one is still waiting for an
/// answer; holds what that one is for ("Choose files in the dialog…").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DialogBusy(pub String);

/// The waiting line of the import dialog.
pub const IMPORT_WAIT: &str = "Choose files in the dialog…";

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

/// Reads and checks one file (runs on a worker thread); the dataset of a
/// bare array or single role is named after the file.
#[must_use]
#[allow(clippy::implicit_hasher)] // the reader takes the std set
pub fn review(source: PathBuf, known_role_ids: &HashSet<String>) -> ImportReview {
    let stem = source
        .file_stem()
        .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
    match read_file(&source) {
        Ok(bytes) => {
            let outcome = read_dataset(
                &stem,
                &bytes,
                ReadContext {
                    known_role_ids: Some(known_role_ids),
                },
            );
            // Only a refused file is asked what else it is.
            let kind = if outcome.dataset.is_none() {
                kind::recognize_bytes(&bytes)
            } else {
                None
            };
            let profile = match kind {
                Some(FileKind::Profile { .. }) => parse_profile(&bytes).ok(),
                _ => None,
            };
            ImportReview {
                source,
                bytes,
                outcome: Some(outcome),
                read_error: None,
                kind,
                profile,
            }
        }
        Err(message) => ImportReview {
            source,
            bytes: Arc::from(Vec::new()),
            outcome: None,
            read_error: Some(message),
            kind: None,
            profile: None,
        },
    }
}

/// A skill profile from a file's bytes, in any encoding role files may have.
///
/// # Errors
/// A sentence: not a profile, or from a newer app.
pub fn parse_profile(bytes: &[u8]) -> Result<Profile, String> {
    let utf8 = crate::model::format::encoding::to_utf8(bytes).map_err(|d| d.message)?;
    let body = utf8.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&utf8);
    let profile: Profile = serde_json::from_slice(body)
        .map_err(|e| format!("this is not a Career Atlas profile file: {e}"))?;
    if profile.version > PROFILE_VERSION {
        return Err(format!(
            "this profile was written by a newer Career Atlas (version {}); update the app to read it",
            profile.version
        ));
    }
    Ok(profile)
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

/// Crops the screenshot `image` to `rect` (in points, at `pixels_per_point`)
/// and encodes it as PNG.
///
/// # Errors
/// When the rectangle lies outside the image or encoding fails.
pub fn crop_to_png(
    image: &ColorImage,
    rect: Rect,
    pixels_per_point: f32,
) -> Result<Vec<u8>, String> {
    let [w, h] = image.size;
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // clamped to the image
    let to_px = |v: f32, max: usize| ((v * pixels_per_point).round().max(0.0) as usize).min(max);
    let (x0, y0) = (to_px(rect.min.x, w), to_px(rect.min.y, h));
    let (x1, y1) = (to_px(rect.max.x, w), to_px(rect.max.y, h));
    if x1 <= x0 || y1 <= y0 {
        return Err("the chart was not on screen when the picture was taken".into());
    }
    let mut rgba = Vec::with_capacity((x1 - x0) * (y1 - y0) * 4);
    for y in y0..y1 {
        for px in &image.pixels[y * w + x0..y * w + x1] {
            rgba.extend_from_slice(&px.to_srgba_unmultiplied());
        }
    }
    let mut out = Vec::new();
    {
        let width = u32::try_from(x1 - x0).map_err(|e| e.to_string())?;
        let height = u32::try_from(y1 - y0).map_err(|e| e.to_string())?;
        let mut encoder = png::Encoder::new(&mut out, width, height);
        encoder.set_color(png::ColorType::Rgba);
        encoder.set_depth(png::BitDepth::Eight);
        let mut writer = encoder.write_header().map_err(|e| e.to_string())?;
        writer.write_image_data(&rgba).map_err(|e| e.to_string())?;
    }
    Ok(out)
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
    fn crops_the_right_pixels_and_writes_a_png() {
        let mut image = ColorImage::filled([10, 8], egui::Color32::WHITE);
        image.pixels[3 * 10 + 4] = egui::Color32::RED;
        // Points at 2 pixels per point: (2,1.5)-(3,2.5) is pixels (4,3)-(6,5).
        let rect = Rect::from_min_max(egui::pos2(2.0, 1.5), egui::pos2(3.0, 2.5));
        let bytes = crop_to_png(&image, rect, 2.0).unwrap();
        assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
        let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
        let mut reader = decoder.read_info().unwrap();
        let mut buf = vec![0; reader.output_buffer_size().unwrap()];
        let info = reader.next_frame(&mut buf).unwrap();
        assert_eq!((info.width, info.height), (2, 2));
        assert_eq!(&buf[..4], &[255, 0, 0, 255], "top-left is the red pixel");
        assert!(
            crop_to_png(
                &image,
                Rect::from_min_max(egui::pos2(50.0, 50.0), egui::pos2(60.0, 60.0)),
                1.0
            )
            .is_err()
        );
    }

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
        let dir = tempfile::tempdir().unwrap();
        let source = dir.path().join("My Roles.json");
        std::fs::write(&source, br#"[{"id":"a","title":"A","stack":{}}]"#).unwrap();
        let r = review(source, &HashSet::new());
        assert!(r.is_valid());
        let ds = r.outcome.unwrap().dataset.unwrap();
        assert_eq!(ds.name, "My Roles");
    }
}
