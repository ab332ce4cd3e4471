//! The native file dialogs, and telling a dialog that was never shown from
//! one the person cancelled.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

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
pub(super) fn ask<T>(dialog: impl FnOnce() -> Option<T>) -> Result<Option<T>, ()> {
    let started = Instant::now();
    let answer = dialog();
    if answer.is_none() && started.elapsed() < NO_DIALOG_WITHIN {
        return Err(());
    }
    Ok(answer)
}

/// A file dialog the app is waiting for.
pub(super) struct PendingDialog {
    /// Tells its answer from that of a dialog the person stopped waiting for.
    pub id: u64,
    /// What the dialog is for, as the waiting line shows it.
    pub what: String,
}

/// Why a file dialog was not opened: another one is still waiting for an
/// answer; holds what that one is for ("Choose files in the dialog…").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DialogBusy(pub String);

/// The waiting line of the import dialog.
pub const IMPORT_WAIT: &str = "Choose files in the dialog…";
