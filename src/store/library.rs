//! The dataset library: imported datasets copied into the data folder, with an
//! index of where each came from, when, and whether it is shown. The copies
//! outlive the original files.

use std::path::PathBuf;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::{Document, Recovery, Store, StoreError, Writer};

/// File name of the library index.
pub const LIBRARY_FILE: &str = "datasets.json";
/// Folder (inside the data folder) holding the imported copies.
pub const DATASETS_DIR: &str = "datasets";
/// Current version of the index format.
pub const LIBRARY_VERSION: u32 = 1;

/// One imported dataset.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LibraryEntry {
    /// The dataset's name (its identity: re-importing the same name replaces it).
    pub name: String,
    /// The copy's file name inside [`DATASETS_DIR`].
    pub file: String,
    /// The path it was imported from, exactly as the system names it (see
    /// [`super::os_path`] for names that are not Unicode).
    #[serde(with = "super::os_path")]
    pub source_file: PathBuf,
    /// When it was imported (RFC 3339, UTC).
    pub imported_at: String,
    /// Shown in the role list.
    #[serde(default = "yes")]
    pub visible: bool,
    /// Watch mode: the source file is re-read whenever it is saved. Added
    /// within version 1: older builds ignore it, older files read as off.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub watch: bool,
}

fn yes() -> bool {
    true
}

/// The index of the library.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LibraryIndex {
    /// Format version.
    pub version: u32,
    /// False when the person hid the bundled dataset.
    #[serde(default = "yes")]
    pub bundled_visible: bool,
    /// Imported datasets, in import order.
    #[serde(default)]
    pub datasets: Vec<LibraryEntry>,
}

impl LibraryIndex {
    /// The entry of the imported dataset named `name`, if any.
    #[must_use]
    pub fn entry(&self, name: &str) -> Option<&LibraryEntry> {
        self.datasets.iter().find(|e| e.name == name)
    }

    /// The entry of the imported dataset named `name`, to change it.
    pub fn entry_mut(&mut self, name: &str) -> Option<&mut LibraryEntry> {
        self.datasets.iter_mut().find(|e| e.name == name)
    }
}

impl Default for LibraryIndex {
    fn default() -> Self {
        Self {
            version: LIBRARY_VERSION,
            bundled_visible: true,
            datasets: Vec::new(),
        }
    }
}

/// A file name for a dataset's copy: a readable slug plus a hash of the exact
/// name, so two names that slug alike never share a file.
#[must_use]
pub fn copy_file_name(dataset_name: &str) -> String {
    let slug: String = dataset_name
        .to_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|s| !s.is_empty())
        .take(8)
        .collect::<Vec<_>>()
        .join("-");
    // FNV-1a: stable across runs and platforms, unlike std's hasher.
    let hash = dataset_name
        .bytes()
        .fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        });
    let slug = if slug.is_empty() {
        "dataset".to_string()
    } else {
        slug
    };
    format!("{slug}-{:08x}.json", hash & 0xffff_ffff)
}

impl Document for LibraryIndex {
    const FILE: &'static str = LIBRARY_FILE;
    const VERSION: u32 = LIBRARY_VERSION;
}

fn copy_path(file: &str) -> String {
    format!("{DATASETS_DIR}/{file}")
}

impl Store {
    /// Reads the library index (empty when none exists), as [`Store::load`] does.
    ///
    /// # Errors
    /// When it is unreadable or from a newer app (left untouched).
    pub fn load_library(&self) -> Result<(LibraryIndex, Option<Recovery>), StoreError> {
        let (index, recovery) = self.load::<LibraryIndex>()?;
        Ok((index.unwrap_or_default(), recovery))
    }

    /// Writes the library index now, on this thread.
    ///
    /// # Errors
    /// When it cannot be written.
    pub fn save_library(&self, index: &LibraryIndex) -> Result<(), StoreError> {
        self.save(index)
    }

    /// Saves the bytes of an imported dataset as its copy.
    ///
    /// # Errors
    /// When it cannot be written.
    pub fn save_dataset_copy(&self, file: &str, bytes: &[u8]) -> Result<(), StoreError> {
        self.write_file(&copy_path(file), bytes)
    }

    /// Reads the copy of an imported dataset.
    ///
    /// # Errors
    /// When it cannot be read.
    pub fn read_dataset_copy(&self, file: &str) -> Result<Vec<u8>, StoreError> {
        let path = self.path(DATASETS_DIR).join(file);
        std::fs::read(&path).map_err(|source| StoreError::Io {
            action: "cannot read",
            path,
            source,
        })
    }

    /// Deletes the copy of a dataset (a missing file is fine).
    pub fn remove_dataset_copy(&self, file: &str) {
        if let Err(e) = self.remove_file(&copy_path(file)) {
            log::warn!("{e}");
        }
    }
}

impl Writer {
    /// Hands the bytes of an imported dataset (up to ~100 MB) to the writer as
    /// its copy `file` (a name from [`copy_file_name`]); request it before the
    /// index that names it, so the index never names a copy that is not there.
    pub fn save_dataset_copy(&self, file: &str, bytes: Arc<[u8]>) {
        self.write_file(copy_path(file), bytes);
    }

    /// Asks the writer to delete a dataset's copy (a missing file is fine).
    pub fn remove_dataset_copy(&self, file: &str) {
        self.remove_file(copy_path(file));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copy_names_are_readable_and_distinct() {
        assert!(copy_file_name("Game Studios Germany").starts_with("game-studios-germany-"));
        assert_ne!(copy_file_name("a b"), copy_file_name("a-b"));
        assert!(copy_file_name("☃").starts_with("dataset-"));
    }

    #[test]
    fn an_index_without_the_watch_flag_reads_as_not_watching() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path());
        std::fs::write(
            store.path(LIBRARY_FILE),
            r#"{"version": 1, "datasets": [{"name": "A", "file": "a.json", "source_file": "/a.json", "imported_at": "2026"}]}"#,
        )
        .unwrap();
        let (index, _) = store.load_library().unwrap();
        assert!(!index.datasets[0].watch);
        assert!(index.datasets[0].visible);
    }

    #[test]
    fn index_and_copies_round_trip() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path());
        assert_eq!(
            store.load_library().unwrap(),
            (LibraryIndex::default(), None)
        );
        let mut index = LibraryIndex::default();
        index.datasets.push(LibraryEntry {
            name: "Mine".into(),
            file: copy_file_name("Mine"),
            source_file: "/tmp/mine.json".into(),
            imported_at: "2026-11-28T20:00:00Z".into(),
            visible: true,
            watch: true,
        });
        store.save_library(&index).unwrap();
        store
            .save_dataset_copy(&index.datasets[0].file, b"[]")
            .unwrap();
        assert_eq!(store.load_library().unwrap(), (index.clone(), None));
        assert_eq!(
            store.read_dataset_copy(&index.datasets[0].file).unwrap(),
            b"[]"
        );
        store.remove_dataset_copy(&index.datasets[0].file);
        assert!(store.read_dataset_copy(&index.datasets[0].file).is_err());
    }
}
