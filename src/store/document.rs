//! The store's one atomic writer and its one versioned loader.
//!
//! Every file the app keeps (profile, settings, library index, dataset copies,
//! exports) is written by [`write_atomically`]; every versioned JSON document
//! (profile, settings, library index) is read by [`Store::load`], which
//! refuses a file from a newer app without touching it and recovers a damaged
//! one from its last good copy.

use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use serde::de::{DeserializeOwned, IgnoredAny};
use serde::{Deserialize, Serialize};

use super::{PROFILE_FILE, Recovery, SETTINGS_FILE, Store, StoreError};
use crate::model::profile::{PROFILE_VERSION, Profile};
use crate::state::{SETTINGS_VERSION, Settings};

/// A JSON document the app keeps in its data folder, with a format version.
pub trait Document: Serialize + DeserializeOwned {
    /// File name inside the data folder.
    const FILE: &'static str;
    /// The newest format version this build reads and writes; a file with a
    /// higher `version` is refused.
    const VERSION: u32;
}

impl Document for Profile {
    const FILE: &'static str = PROFILE_FILE;
    const VERSION: u32 = PROFILE_VERSION;
}

impl Document for Settings {
    const FILE: &'static str = SETTINGS_FILE;
    const VERSION: u32 = SETTINGS_VERSION;
}

/// Writes `bytes` to `path` atomically: a temporary file beside it (so the
/// rename stays on one file system), flushed to disk, then renamed over it. A
/// kill at any moment leaves either the old file or the new one, never a mix.
///
/// # Errors
/// [`StoreError::Io`] naming `path` when the folder cannot be created or the
/// file cannot be written or replaced.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    let io = |action, source| StoreError::Io {
        action,
        path: path.to_path_buf(),
        source,
    };
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    fs::create_dir_all(dir).map_err(|e| io("cannot create the folder for", e))?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".tmp-")
        .tempfile_in(dir)
        .map_err(|e| io("cannot write", e))?;
    tmp.write_all(bytes).map_err(|e| io("cannot write", e))?;
    tmp.as_file()
        .sync_all()
        .map_err(|e| io("cannot write", e))?;
    tmp.persist(path)
        .map_err(|e| io("cannot replace", e.error))?;
    Ok(())
}

/// A document as the app writes it: pretty JSON and a final newline.
///
/// # Errors
/// When the value cannot be represented as JSON (e.g. a map with non-string keys).
pub fn encode<T: Serialize>(value: &T) -> Result<Vec<u8>, serde_json::Error> {
    let mut bytes = serde_json::to_vec_pretty(value)?;
    bytes.push(b'\n');
    Ok(bytes)
}

/// Why saved bytes could not be taken as a document.
enum Refusal {
    /// A newer app wrote it (the version found).
    TooNew(u32),
    /// Not JSON of the document's shape (the parser's message).
    Damaged(String),
}

/// Only the version, so a newer file is recognised even when the rest of it
/// has a shape this build does not know.
#[derive(Deserialize)]
struct VersionProbe {
    #[serde(default)]
    version: Option<u64>,
}

fn decode<T: Document>(bytes: &[u8]) -> Result<T, Refusal> {
    let probe: VersionProbe =
        serde_json::from_slice(bytes).map_err(|e| Refusal::Damaged(e.to_string()))?;
    if let Some(found) = probe.version
        && found > u64::from(T::VERSION)
    {
        return Err(Refusal::TooNew(u32::try_from(found).unwrap_or(u32::MAX)));
    }
    serde_json::from_slice(bytes).map_err(|e| Refusal::Damaged(e.to_string()))
}

/// The file's bytes; `None` when it does not exist.
fn read_if_present(path: &Path) -> Result<Option<Vec<u8>>, StoreError> {
    match fs::read(path) {
        Ok(b) => Ok(Some(b)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(source) => Err(StoreError::Io {
            action: "cannot read",
            path: path.to_path_buf(),
            source,
        }),
    }
}

fn backup_name(file: &str) -> String {
    format!("{file}.bak")
}

impl Store {
    /// Loads a document. `(None, None)` when no file exists (a first start);
    /// a damaged file is moved aside as `FILE.damaged-<time>` and its last good
    /// copy (`FILE.bak`) restored, which the [`Recovery`] describes (`None`
    /// value when there was no good copy). Never deletes anything.
    ///
    /// # Errors
    /// [`StoreError::TooNew`] when a newer app wrote the file, which is then
    /// left exactly as it was; [`StoreError::Io`] when it cannot be read, or a
    /// damaged file cannot be moved aside.
    pub fn load<T: Document>(&self) -> Result<(Option<T>, Option<Recovery>), StoreError> {
        let path = self.path(T::FILE);
        let Some(bytes) = read_if_present(&path)? else {
            return Ok((None, None));
        };
        match decode::<T>(&bytes) {
            Ok(value) => Ok((Some(value), None)),
            Err(Refusal::TooNew(found)) => Err(StoreError::TooNew { path, found }),
            Err(Refusal::Damaged(message)) => self.recover::<T>(&path, message),
        }
    }

    fn recover<T: Document>(
        &self,
        path: &Path,
        message: String,
    ) -> Result<(Option<T>, Option<Recovery>), StoreError> {
        let stamp = humantime::format_rfc3339_seconds(std::time::SystemTime::now())
            .to_string()
            .replace(':', "-");
        let damaged = self.path(&format!("{}.damaged-{stamp}", T::FILE));
        fs::rename(path, &damaged).map_err(|source| StoreError::Io {
            action: "cannot move aside the damaged",
            path: path.to_path_buf(),
            source,
        })?;
        let backup = read_if_present(&self.path(&backup_name(T::FILE)))
            .ok()
            .flatten()
            .and_then(|bytes| decode::<T>(&bytes).ok().map(|value| (bytes, value)));
        let Some((bytes, value)) = backup else {
            return Ok((None, Some(Recovery::StartedEmpty { damaged, message })));
        };
        write_atomically(path, &bytes)?;
        Ok((
            Some(value),
            Some(Recovery::RestoredBackup { damaged, message }),
        ))
    }

    /// Writes a document now, on this thread (the app writes through
    /// [`super::writer::Writer`] instead, off the frame).
    ///
    /// # Errors
    /// As [`Store::write_document`].
    pub fn save<T: Document>(&self, value: &T) -> Result<(), StoreError> {
        let bytes = encode(value).map_err(|e| StoreError::Damaged {
            path: self.path(T::FILE),
            message: e.to_string(),
        })?;
        self.write_document(T::FILE, &bytes)
    }

    /// Replaces the document `file` with `bytes` atomically, first keeping the
    /// previous version as `FILE.bak` when it still parses, so a file damaged
    /// later (by a disk or another program) can be restored from it.
    ///
    /// # Errors
    /// [`StoreError::Io`] when the folder cannot be created or written.
    pub fn write_document(&self, file: &str, bytes: &[u8]) -> Result<(), StoreError> {
        let path = self.path(file);
        if let Ok(old) = fs::read(&path)
            && old != bytes
            && serde_json::from_slice::<IgnoredAny>(&old).is_ok()
        {
            write_atomically(&self.path(&backup_name(file)), &old)?;
        }
        write_atomically(&path, bytes)
    }

    /// Writes bytes to `file` (a path relative to the folder) atomically.
    ///
    /// # Errors
    /// As [`write_atomically`].
    pub fn write_file(&self, file: &str, bytes: &[u8]) -> Result<(), StoreError> {
        write_atomically(&self.path(file), bytes)
    }

    /// Deletes `file` (a path relative to the folder); a missing file is fine.
    ///
    /// # Errors
    /// [`StoreError::Io`] when it exists and cannot be deleted.
    pub fn remove_file(&self, file: &str) -> Result<(), StoreError> {
        let path: PathBuf = self.path(file);
        match fs::remove_file(&path) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(source) => Err(StoreError::Io {
                action: "cannot remove",
                path,
                source,
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::library::LibraryIndex;

    #[test]
    fn a_newer_file_of_every_document_is_refused_and_left_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path());
        // Fields this build does not know, as a newer app might write.
        let newer = |file: &str| {
            let text = format!("{{\"version\": 99, \"{file}-new-field\": [1, 2]}}");
            fs::write(store.path(file), &text).unwrap();
            text
        };
        let profile = newer(Profile::FILE);
        let settings = newer(Settings::FILE);
        let library = newer(LibraryIndex::FILE);
        for (file, result) in [
            (Profile::FILE, store.load::<Profile>().map(|_| ())),
            (Settings::FILE, store.load::<Settings>().map(|_| ())),
            (LibraryIndex::FILE, store.load::<LibraryIndex>().map(|_| ())),
        ] {
            match result {
                Err(StoreError::TooNew { found: 99, path }) => {
                    assert_eq!(path, store.path(file));
                }
                other => panic!("{file}: expected TooNew, got {other:?}"),
            }
        }
        assert_eq!(
            fs::read_to_string(store.path(Profile::FILE)).unwrap(),
            profile
        );
        assert_eq!(
            fs::read_to_string(store.path(Settings::FILE)).unwrap(),
            settings
        );
        assert_eq!(
            fs::read_to_string(store.path(LibraryIndex::FILE)).unwrap(),
            library
        );
        let names: Vec<String> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names.len(), 3, "nothing moved aside or added: {names:?}");
        let message = store.load::<Settings>().unwrap_err().to_string();
        assert!(message.contains("newer Career Atlas"), "{message}");
        assert!(message.contains("left untouched"), "{message}");
    }

    #[test]
    fn settings_of_this_version_or_older_load() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path());
        assert_eq!(store.load::<Settings>().unwrap(), (None, None));
        // An older file without a version or the newer fields still loads.
        fs::write(store.path(Settings::FILE), r#"{"search": "rust"}"#).unwrap();
        let (settings, recovery) = store.load::<Settings>().unwrap();
        assert_eq!(settings.unwrap().search, "rust");
        assert!(recovery.is_none());
    }

    #[test]
    fn a_damaged_backup_is_not_restored() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path());
        fs::write(store.path(Settings::FILE), b"{\"sea").unwrap();
        fs::write(store.path("settings.json.bak"), b"[1, 2").unwrap();
        let (value, recovery) = store.load::<Settings>().unwrap();
        assert!(value.is_none());
        assert!(matches!(recovery, Some(Recovery::StartedEmpty { .. })));
        assert!(!store.path(Settings::FILE).exists());
    }

    #[test]
    fn a_document_keeps_its_previous_good_version_as_backup() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path());
        store.write_document("a.json", b"{\"n\": 1}\n").unwrap();
        assert!(!store.path("a.json.bak").exists(), "nothing to keep yet");
        store.write_document("a.json", b"{\"n\": 2}\n").unwrap();
        assert_eq!(fs::read(store.path("a.json.bak")).unwrap(), b"{\"n\": 1}\n");
        // Rewriting the same content keeps the older backup.
        store.write_document("a.json", b"{\"n\": 2}\n").unwrap();
        assert_eq!(fs::read(store.path("a.json.bak")).unwrap(), b"{\"n\": 1}\n");
    }

    #[test]
    fn the_atomic_writer_creates_folders_and_replaces_files() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a/b/c.txt");
        write_atomically(&path, b"one").unwrap();
        write_atomically(&path, b"two").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"two");
        let left: Vec<_> = fs::read_dir(path.parent().unwrap()).unwrap().collect();
        assert_eq!(left.len(), 1, "no temporary file is left behind");
        let err = write_atomically(&path.join("under-a-file"), b"x").unwrap_err();
        assert!(err.to_string().contains("under-a-file"), "{err}");
    }
}
