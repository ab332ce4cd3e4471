//! Where Career Atlas keeps things on disk: the skill profile and the app's
//! settings, as JSON files in the platform data folder, always written
//! atomically (temporary file in the same folder, flush to disk, rename), so a
//! crash mid-write leaves the previous file intact.

use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::model::profile::{PROFILE_VERSION, Profile};

pub mod library;

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

/// Writes `bytes` to `path` atomically: a temporary file beside it, flushed
/// to disk, then renamed over it.
///
/// # Errors
/// When the folder cannot be written.
pub fn write_file_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    fs::create_dir_all(&dir)?;
    let mut tmp = tempfile::Builder::new().prefix(".tmp-").tempfile_in(&dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
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

    /// Reads a JSON file; `Ok(None)` when it does not exist.
    ///
    /// # Errors
    /// When the file cannot be read or is not valid JSON of type `T`.
    pub fn read_json<T: DeserializeOwned>(&self, file: &str) -> Result<Option<T>, StoreError> {
        let path = self.path(file);
        let bytes = match fs::read(&path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(source) => {
                return Err(StoreError::Io {
                    action: "cannot read",
                    path,
                    source,
                });
            }
        };
        serde_json::from_slice(&bytes)
            .map(Some)
            .map_err(|e| StoreError::Damaged {
                path,
                message: e.to_string(),
            })
    }

    /// Writes a value as pretty JSON, atomically.
    ///
    /// # Errors
    /// When the folder cannot be created or the file cannot be written.
    pub fn write_json<T: Serialize>(&self, file: &str, value: &T) -> Result<(), StoreError> {
        let mut bytes = serde_json::to_vec_pretty(value).map_err(|e| StoreError::Damaged {
            path: self.path(file),
            message: e.to_string(),
        })?;
        bytes.push(b'\n');
        self.write_atomic(file, &bytes)
    }

    /// Writes bytes to `file` atomically: a temporary file in the same folder,
    /// flushed to disk, then renamed over the old one.
    ///
    /// # Errors
    /// When the folder cannot be created or the file cannot be written.
    pub fn write_atomic(&self, file: &str, bytes: &[u8]) -> Result<(), StoreError> {
        let path = self.path(file);
        let io = |action, source| StoreError::Io {
            action,
            path: path.clone(),
            source,
        };
        // The temporary file lives beside the target so the rename stays on one
        // file system and is atomic.
        let dir = path.parent().unwrap_or(&self.dir).to_path_buf();
        fs::create_dir_all(&dir).map_err(|e| io("cannot create the folder for", e))?;
        let mut tmp = tempfile::Builder::new()
            .prefix(".tmp-")
            .tempfile_in(&dir)
            .map_err(|e| io("cannot write", e))?;
        tmp.write_all(bytes).map_err(|e| io("cannot write", e))?;
        tmp.as_file()
            .sync_all()
            .map_err(|e| io("cannot write", e))?;
        tmp.persist(&path)
            .map_err(|e| io("cannot replace", e.error))?;
        Ok(())
    }

    /// Loads the skill profile (empty when none was saved).
    ///
    /// # Errors
    /// When the file is unreadable, damaged or from a newer app.
    pub fn load_profile(&self) -> Result<Profile, StoreError> {
        let Some(profile) = self.read_json::<Profile>(PROFILE_FILE)? else {
            return Ok(Profile::default());
        };
        if profile.version > PROFILE_VERSION {
            return Err(StoreError::TooNew {
                path: self.path(PROFILE_FILE),
                found: profile.version,
            });
        }
        Ok(profile)
    }

    /// Saves the skill profile.
    ///
    /// # Errors
    /// When it cannot be written.
    pub fn save_profile(&self, profile: &Profile) -> Result<(), StoreError> {
        self.write_json(PROFILE_FILE, profile)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::profile::{Proficiency, Skill};

    #[test]
    fn profile_round_trips_and_missing_file_is_empty() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path().join("nested"));
        assert!(store.load_profile().unwrap().skills.is_empty());
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
        assert_eq!(store.load_profile().unwrap(), p);
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

    #[test]
    fn garbage_profile_is_reported_as_damaged() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path());
        fs::write(store.path(PROFILE_FILE), b"{not json").unwrap();
        assert!(matches!(
            store.load_profile(),
            Err(StoreError::Damaged { .. })
        ));
    }
}
