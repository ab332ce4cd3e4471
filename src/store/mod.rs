//! Where Career Atlas keeps things on disk: the skill profile, the app's
//! settings and the dataset library, as JSON files in the platform data folder.
//!
//! - [`document`]: the one atomic writer (temporary file in the same folder,
//!   flush to disk, rename, so a crash mid-write leaves the previous file
//!   intact) and the one versioned loader ([`Store::load`]);
//! - [`writer`]: the background writer the app hands new contents to, so no
//!   frame waits for a disk;
//! - [`library`]: the imported datasets' index and copies.

use std::fs;
use std::path::{Path, PathBuf};

use crate::model::profile::Profile;

mod document;
pub mod library;
pub mod os_path;
pub mod writer;

pub use document::{Document, encode, write_atomically};
pub use writer::Writer;

/// The reverse-DNS application id, used for the data folder, the window class
/// and the desktop entry.
pub const APP_ID: &str = "io.github.careeratlas.CareerAtlas";

/// File name of the skill profile.
pub const PROFILE_FILE: &str = "profile.json";
/// File name of the UI settings.
pub const SETTINGS_FILE: &str = "settings.json";

/// Errors of the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// A file could not be read or written.
    #[error("{action} {path}: {source}")]
    Io {
        /// What was attempted.
        action: &'static str,
        /// Which file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// A saved file is not what the app wrote.
    #[error("{path} is damaged: {message}")]
    Damaged {
        /// Which file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// A saved file is from a newer app.
    #[error(
        "{path} was written by a newer Career Atlas (format version {found}); it was left untouched"
    )]
    TooNew {
        /// Which file.
        path: PathBuf,
        /// The version it carries.
        found: u32,
    },
}

/// What loading did about a damaged file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Recovery {
    /// The last good copy was restored; the damaged file was kept aside.
    RestoredBackup {
        /// Where the damaged file now is.
        damaged: PathBuf,
        /// What was wrong with it.
        message: String,
    },
    /// No good copy existed; the app starts empty, the damaged file kept aside.
    StartedEmpty {
        /// Where the damaged file now is.
        damaged: PathBuf,
        /// What was wrong with it.
        message: String,
    },
}

impl Recovery {
    /// A sentence for the person.
    #[must_use]
    pub fn describe(&self, what: &str) -> String {
        match self {
            Self::RestoredBackup { damaged, message } => format!(
                "Your {what} file was damaged ({message}). The last good copy was restored; the damaged file is kept at {}.",
                damaged.display()
            ),
            Self::StartedEmpty { damaged, message } => format!(
                "Your {what} file was damaged ({message}) and no earlier copy exists, so it starts empty. The damaged file is kept at {}.",
                damaged.display()
            ),
        }
    }
}

/// Writes a crash report into `dir` (called from the panic hook); returns its path.
#[must_use]
pub fn write_crash_report(dir: &Path, report: &str) -> Option<PathBuf> {
    let stamp = humantime::format_rfc3339_seconds(std::time::SystemTime::now())
        .to_string()
        .replace(':', "-");
    let path = dir.join(format!("crash-{stamp}.txt"));
    fs::create_dir_all(dir).ok()?;
    fs::write(&path, report).ok()?;
    Some(path)
}

/// The platform data folder for the app (`~/.local/share/<app id>` on Linux).
#[must_use]
pub fn default_data_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from_path(PathBuf::from(APP_ID)).map(|d| d.data_dir().to_path_buf())
}

/// A folder the app saves into.
#[derive(Debug, Clone)]
pub struct Store {
    dir: PathBuf,
}

impl Store {
    /// A store rooted at `dir` (created on first write).
    #[must_use]
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        Self { dir: dir.into() }
    }

    /// The folder.
    #[must_use]
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Path of a file in the store.
    #[must_use]
    pub fn path(&self, file: &str) -> PathBuf {
        self.dir.join(file)
    }

    /// Checks that the folder can be created and written.
    ///
    /// # Errors
    /// Why it cannot.
    pub fn check_writable(&self) -> Result<(), StoreError> {
        self.write_file(".write-test", b"ok")?;
        let _ = fs::remove_file(self.path(".write-test"));
        Ok(())
    }

    /// Takes the folder's lock, so two running copies of the app never write
    /// the same files. `Ok(None)` when another copy holds it.
    ///
    /// # Errors
    /// When the lock file cannot be created.
    pub fn try_lock(&self) -> Result<Option<fs::File>, StoreError> {
        let path = self.path("lock");
        fs::create_dir_all(&self.dir).map_err(|source| StoreError::Io {
            action: "cannot create",
            path: self.dir.clone(),
            source,
        })?;
        let file = fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|source| StoreError::Io {
                action: "cannot open",
                path: path.clone(),
                source,
            })?;
        match file.try_lock() {
            Ok(()) => Ok(Some(file)),
            Err(fs::TryLockError::WouldBlock) => Ok(None),
            Err(fs::TryLockError::Error(source)) => Err(StoreError::Io {
                action: "cannot lock",
                path,
                source,
            }),
        }
    }

    /// Crash reports not shown to the person yet; each is marked as shown.
    #[must_use]
    #[allow(clippy::case_sensitive_file_extension_comparisons)] // names this app wrote itself
    pub fn take_new_crash_reports(&self) -> Vec<PathBuf> {
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            if name.starts_with("crash-") && name.ends_with(".txt") && !name.ends_with(".seen.txt")
            {
                let seen = self.dir.join(name.replace(".txt", ".seen.txt"));
                if fs::rename(e.path(), &seen).is_ok() {
                    out.push(seen);
                }
            }
        }
        out.sort();
        out
    }

    /// Loads the skill profile (empty when none was saved), as [`Store::load`] does.
    ///
    /// # Errors
    /// When the file is unreadable or from a newer app (left untouched).
    pub fn load_profile(&self) -> Result<(Profile, Option<Recovery>), StoreError> {
        let (profile, recovery) = self.load::<Profile>()?;
        Ok((profile.unwrap_or_default(), recovery))
    }

    /// Saves the skill profile now, on this thread.
    ///
    /// # Errors
    /// When it cannot be written.
    pub fn save_profile(&self, profile: &Profile) -> Result<(), StoreError> {
        self.save(profile)
    }
}

#[cfg(test)]
mod tests {
    use std::io::Write as _;

    use super::*;
    use crate::model::profile::{Proficiency, Skill};

    #[test]
    fn profile_round_trips_and_missing_file_is_empty() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path().join("nested"));
        assert!(store.load_profile().unwrap().0.skills.is_empty());
        let mut p = Profile::default();
        p.skills.insert(
            "kafka".into(),
            Skill {
                level: Proficiency::AtWork,
                note: None,
                name: Some("Kafka".into()),
            },
        );
        store.save_profile(&p).unwrap();
        assert_eq!(store.load_profile().unwrap(), (p, None));
    }

    #[test]
    fn newer_profile_is_refused_and_left_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path());
        let text = r#"{"version": 99, "skills": {}}"#;
        fs::write(store.path(PROFILE_FILE), text).unwrap();
        assert!(matches!(
            store.load_profile(),
            Err(StoreError::TooNew { found: 99, .. })
        ));
        assert_eq!(fs::read_to_string(store.path(PROFILE_FILE)).unwrap(), text);
    }

    fn profile_with(key: &str) -> Profile {
        let mut p = Profile::default();
        p.skills.insert(
            key.into(),
            Skill {
                level: Proficiency::UsedIt,
                note: None,
                name: None,
            },
        );
        p
    }

    #[test]
    fn a_damaged_profile_is_kept_aside_and_the_last_good_copy_restored() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path());
        store.save_profile(&profile_with("go")).unwrap();
        store.save_profile(&profile_with("rust")).unwrap();
        // Truncated mid-write by something other than the app.
        fs::write(
            store.path(PROFILE_FILE),
            b"{\"version\": 1, \"skills\": {\"ru",
        )
        .unwrap();
        let (p, recovery) = store.load_profile().unwrap();
        assert_eq!(p, profile_with("go"), "the copy before the last save");
        let Some(Recovery::RestoredBackup { damaged, .. }) = recovery else {
            panic!("expected a restore, got {recovery:?}")
        };
        assert!(
            damaged
                .file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("profile.json.damaged-")
        );
        assert!(
            fs::read(&damaged).unwrap().ends_with(b"\"ru"),
            "the damaged bytes are kept"
        );
        // The restored file is on disk again.
        assert_eq!(store.load_profile().unwrap(), (profile_with("go"), None));
    }

    #[test]
    fn garbage_without_a_backup_starts_empty_and_keeps_the_garbage() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path());
        fs::write(store.path(PROFILE_FILE), b"\x00\x01garbage").unwrap();
        let (p, recovery) = store.load_profile().unwrap();
        assert!(p.skills.is_empty());
        assert!(matches!(recovery, Some(Recovery::StartedEmpty { .. })));
        assert!(
            recovery
                .unwrap()
                .describe("skill profile")
                .contains("damaged")
        );
        assert_eq!(
            fs::read_dir(dir.path())
                .unwrap()
                .flatten()
                .filter(|e| e.file_name().to_string_lossy().contains("damaged"))
                .count(),
            1
        );
    }

    #[test]
    fn a_crash_between_temp_write_and_rename_leaves_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path());
        store.save_profile(&profile_with("go")).unwrap();
        // What a kill after writing the temporary file but before the rename leaves.
        let mut tmp = tempfile::Builder::new()
            .prefix(".tmp-")
            .tempfile_in(dir.path())
            .unwrap();
        tmp.write_all(b"{\"version\": 1, \"ski").unwrap();
        let _kept = tmp.keep().unwrap();
        assert_eq!(store.load_profile().unwrap(), (profile_with("go"), None));
    }

    #[test]
    fn an_unwritable_folder_is_reported_not_fatal() {
        let dir = tempfile::tempdir().unwrap();
        // A file where the folder should be.
        let blocker = dir.path().join("data");
        fs::write(&blocker, b"not a folder").unwrap();
        let store = Store::new(&blocker);
        assert!(store.check_writable().is_err());
        assert!(store.save_profile(&profile_with("go")).is_err());
    }

    #[test]
    fn only_one_running_copy_holds_the_lock() {
        let dir = tempfile::tempdir().unwrap();
        let a = Store::new(dir.path());
        let b = Store::new(dir.path());
        let held = a.try_lock().unwrap();
        assert!(held.is_some());
        assert!(
            b.try_lock().unwrap().is_none(),
            "a second copy must not write"
        );
        drop(held);
        assert!(
            b.try_lock().unwrap().is_some(),
            "free again once the first quits"
        );
    }

    #[test]
    fn crash_reports_are_shown_once() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path());
        let path = write_crash_report(dir.path(), "boom").unwrap();
        assert!(path.exists());
        assert_eq!(store.take_new_crash_reports().len(), 1);
        assert!(store.take_new_crash_reports().is_empty());
    }
}
