//! Every disk write of the app goes through this file. A change only marks
//! what is unsaved (`mark_profile_dirty`, `mark_settings_dirty`,
//! `mark_library_dirty`); [`CareerAtlasApp::write_due`] writes it after the
//! frame's commands are applied, at most once per [`COALESCE`] per file, so a
//! burst of changes (a note typed key by key, ticks in a row) costs one write
//! at its start and one at its end; [`CareerAtlasApp::flush`] writes everything
//! unsaved at once (eframe's periodic save, exit).
//!
//! The writes themselves are the store's synchronous functions for now; a
//! background writer can take them over behind these same calls.

use std::time::{Duration, Instant};

use super::CareerAtlasApp;
use crate::state::Settings;
use crate::store::{SETTINGS_FILE, Store, StoreError};
use crate::ui::Notice;

/// The shortest time between two writes of one file.
pub const COALESCE: Duration = Duration::from_secs(1);

/// Where things are saved, what may be written there, and what is unsaved.
pub(super) struct Persistence {
    /// `None`: everything stays in memory.
    store: Option<Store>,
    /// Held while this window may write the data folder.
    _lock: Option<std::fs::File>,
    writable: Writable,
    profile: Slot,
    settings: Slot,
    library: Slot,
    /// The settings as last read or written, to notice that they changed.
    settings_saved: Option<Settings>,
}

/// Which files this window may write: not when another window holds the
/// folder, the folder cannot be written, or the file on disk must be kept
/// (newer format, unreadable).
#[derive(Debug, Clone, Copy)]
pub(super) struct Writable {
    pub profile: bool,
    pub settings: bool,
    pub library: bool,
}

/// One saved file: whether it has unsaved changes, and when it was last written.
#[derive(Debug, Default)]
struct Slot {
    dirty: bool,
    written_at: Option<Instant>,
}

impl Slot {
    /// How long until this file may be written again (zero: now); `None`
    /// when it has nothing to write.
    fn wait(&self, now: Instant) -> Option<Duration> {
        if !self.dirty {
            return None;
        }
        Some(
            self.written_at
                .map_or(Duration::ZERO, |t| COALESCE.saturating_sub(now - t)),
        )
    }
}

impl Persistence {
    /// `settings_saved` is what the settings file holds (`None` when there is
    /// none yet, so the first frame writes it).
    pub(super) fn new(
        store: Option<Store>,
        lock: Option<std::fs::File>,
        writable: Writable,
        settings_saved: Option<Settings>,
    ) -> Self {
        Self {
            store,
            _lock: lock,
            writable,
            profile: Slot::default(),
            settings: Slot::default(),
            library: Slot::default(),
            settings_saved,
        }
    }
}

/// Which files to write.
#[derive(Clone, Copy)]
enum When {
    /// Those whose coalescing time is up.
    Due(Instant),
    /// All unsaved ones.
    Now,
}

impl CareerAtlasApp {
    /// The profile changed (a tick, a level, a note, a merge).
    pub(super) fn mark_profile_dirty(&mut self) {
        self.persist.profile.dirty = true;
    }

    /// The settings changed.
    pub(super) fn mark_settings_dirty(&mut self) {
        self.persist.settings.dirty = true;
    }

    /// The list of imported datasets changed.
    pub(super) fn mark_library_dirty(&mut self) {
        self.persist.library.dirty = true;
    }

    /// Copies an imported file's bytes into the library folder under `file`.
    pub(super) fn store_dataset_copy(&mut self, file: &str, bytes: &[u8]) {
        if !self.persist.writable.library {
            return;
        }
        if let Some(store) = &self.persist.store
            && let Err(e) = store.save_dataset_copy(file, bytes)
        {
            self.report_store_error(&e);
        }
    }

    /// Writes what is unsaved and due; returns how long until the next write
    /// falls due, if something is still waiting.
    pub(super) fn write_due(&mut self) -> Option<Duration> {
        let now = Instant::now();
        self.write(When::Due(now));
        [
            &self.persist.profile,
            &self.persist.settings,
            &self.persist.library,
        ]
        .iter()
        .filter_map(|slot| slot.wait(now))
        .min()
    }

    /// Writes every unsaved change now (eframe's periodic save, and exit).
    pub fn flush(&mut self) {
        self.write(When::Now);
    }

    /// Deletes the copies of datasets removed this session (on exit, so that
    /// Undo works until then), after saving the list that no longer names them.
    pub fn forget_removed(&mut self) {
        self.flush();
        if let Some(store) = &self.persist.store
            && self.persist.writable.library
        {
            for r in self.library.removed.drain(..) {
                store.remove_dataset_copy(&r.entry.file);
            }
        }
    }

    fn write(&mut self, when: When) {
        if self.persist.settings_saved.as_ref() != Some(&self.settings) {
            self.mark_settings_dirty();
        }
        let due = |slot: &Slot| match when {
            When::Now => slot.dirty,
            When::Due(now) => slot.wait(now) == Some(Duration::ZERO),
        };
        let writable = self.persist.writable;
        let mut errors = Vec::new();
        let Some(store) = &self.persist.store else {
            // In memory only: nothing to write, ever.
            self.persist.profile.dirty = false;
            self.persist.settings.dirty = false;
            self.persist.library.dirty = false;
            self.persist.settings_saved = Some(self.settings.clone());
            return;
        };
        if due(&self.persist.profile) {
            if writable.profile
                && let Err(e) = store.save_profile(&self.profile)
            {
                errors.push(e);
            }
            self.persist.profile = written();
        }
        if due(&self.persist.library) {
            if writable.library
                && let Err(e) = store.save_library(&self.library.index)
            {
                errors.push(e);
            }
            self.persist.library = written();
        }
        if due(&self.persist.settings) {
            if writable.settings
                && let Err(e) = store.write_json(SETTINGS_FILE, &self.settings)
            {
                // Settings are a convenience: a failed write is logged, not shown.
                log::warn!("settings not saved: {e}");
            }
            self.persist.settings = written();
            self.persist.settings_saved = Some(self.settings.clone());
        }
        for e in errors {
            self.report_store_error(&e);
        }
    }

    /// Tells the person once that their changes are not being saved.
    fn report_store_error(&mut self, e: &StoreError) {
        let text = format!("Your changes could not be saved: {e}");
        if !self.notices.iter().any(|n| n.text == text) {
            self.notices.push(Notice::warning(text));
        }
    }
}

/// A slot just written.
fn written() -> Slot {
    Slot {
        dirty: false,
        written_at: Some(Instant::now()),
    }
}
