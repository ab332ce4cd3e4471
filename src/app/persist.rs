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

    /// Writes what is unsaved and due at `now`; returns how long until the
    /// next write falls due, if something is still waiting.
    pub(super) fn write_due(&mut self, now: Instant) -> Option<Duration> {
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
        let (now, due_only) = match when {
            When::Now => (Instant::now(), false),
            When::Due(now) => (now, true),
        };
        let due = |slot: &Slot| {
            if due_only {
                slot.wait(now) == Some(Duration::ZERO)
            } else {
                slot.dirty
            }
        };
        let written = || Slot {
            dirty: false,
            written_at: Some(now),
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

#[cfg(test)]
mod tests {
    use std::path::Path;
    use std::sync::Arc;

    use super::*;
    use crate::app::AppConfig;
    use crate::model::TechId;
    use crate::ui::Command;

    fn app(dir: &Path) -> CareerAtlasApp {
        let config = AppConfig {
            data_dir: Some(dir.to_path_buf()),
            ..AppConfig::default()
        };
        CareerAtlasApp::with_config(config, Arc::new(|| {}))
    }

    fn saved_profile(dir: &Path) -> String {
        std::fs::read_to_string(dir.join("profile.json")).unwrap_or_default()
    }

    #[test]
    fn a_burst_of_note_edits_is_written_at_its_start_and_once_at_its_end() {
        let dir = tempfile::tempdir().unwrap();
        let mut app = app(dir.path());
        let ctx = egui::Context::default();
        let start = Instant::now();
        app.apply(&ctx, Command::SetTicked(TechId(0), true));
        assert_eq!(
            app.write_due(start),
            None,
            "the first change is written at once"
        );
        assert!(saved_profile(dir.path()).contains("\"level\""));

        // Typed key by key within the second: nothing more is written yet.
        let mut waits = Vec::new();
        for (i, note) in ["r", "re", "rea", "read"].into_iter().enumerate() {
            app.apply(&ctx, Command::SetNote(TechId(0), note.into()));
            let at = start + Duration::from_millis(100 * (i as u64 + 1));
            waits.push(app.write_due(at));
        }
        assert!(
            !saved_profile(dir.path()).contains("\"note\""),
            "a write per keystroke"
        );
        // Each frame is told when to come back for the trailing write.
        assert_eq!(waits.last(), Some(&Some(Duration::from_millis(600))));

        // The frame that comes back then writes the whole note, once.
        assert_eq!(app.write_due(start + COALESCE), None);
        assert!(saved_profile(dir.path()).contains("\"read\""));
    }

    #[test]
    fn flush_writes_what_is_unsaved_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let mut app = app(dir.path());
        let ctx = egui::Context::default();
        let now = Instant::now();
        app.apply(&ctx, Command::SetTicked(TechId(0), true));
        app.write_due(now);
        app.apply(&ctx, Command::SetNote(TechId(0), "kept".into()));
        assert!(app.write_due(now).is_some());
        app.flush();
        assert!(saved_profile(dir.path()).contains("\"kept\""));
        assert_eq!(app.write_due(now), None, "nothing left to write");
    }

    #[test]
    fn settings_are_saved_when_they_change_not_on_every_frame() {
        let dir = tempfile::tempdir().unwrap();
        let mut app = app(dir.path());
        let ctx = egui::Context::default();
        let settings = dir.path().join(SETTINGS_FILE);
        let start = Instant::now();
        // The first start writes the settings (so the welcome is not shown again).
        app.write_due(start);
        let first = std::fs::read_to_string(&settings).unwrap();
        let later = start + COALESCE * 2;
        assert_eq!(
            app.write_due(later),
            None,
            "nothing changed, nothing to write"
        );
        app.apply(&ctx, Command::SetSortByFit(true));
        assert_eq!(app.write_due(later), None);
        let second = std::fs::read_to_string(&settings).unwrap();
        assert_ne!(first, second);
        assert!(second.contains("\"sort_by_fit\": true"), "{second}");
    }
}
