//! Every disk write of the app goes through this file. A change only marks
//! what is unsaved (`mark_profile_dirty`, `mark_library_dirty`; settings are
//! compared with what was last saved); after the frame's commands, [`CareerAtlasApp::hand_over`]
//! serialises what is dirty and hands it to the store's background
//! [`Writer`], which coalesces a burst (a note typed key by key) into one
//! write and does the disk work on its own thread. So no frame waits for a
//! disk, and a change is on disk well within a second even if no frame ever
//! runs again (the kill tests in `tests/kill.rs` and `tests/ui.rs`).
//! [`CareerAtlasApp::flush`] blocks until everything is written: for exit
//! and tests only.

use std::sync::Arc;

use super::CareerAtlasApp;
use crate::state::Settings;
use crate::store::{Store, StoreError, Writer};
use crate::ui::Notice;

/// Where things are saved, what may be written there, and what is unsaved.
pub(super) struct Persistence {
    /// `None`: everything stays in memory (no data folder, or the writer
    /// thread could not start).
    writer: Option<Writer>,
    /// Held while this window may write the data folder.
    _lock: Option<std::fs::File>,
    writable: Writable,
    profile_dirty: bool,
    library_dirty: bool,
    /// The settings as last read or handed over, to notice that they changed.
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

impl Persistence {
    /// Starts the writer for `store`; `settings_saved` is what the settings
    /// file holds (`None` when there is none yet, so the first frame writes
    /// it). When the writer thread cannot start, says so in `notices` and
    /// saves nothing this session.
    pub(super) fn new(
        store: Option<Store>,
        lock: Option<std::fs::File>,
        writable: Writable,
        settings_saved: Option<Settings>,
        wake: Arc<dyn Fn() + Send + Sync>,
        notices: &mut Vec<Notice>,
    ) -> Self {
        let writer = store.and_then(|s| match Writer::start(s, wake) {
            Ok(w) => Some(w),
            Err(e) => {
                notices.push(Notice::warning(format!(
                    "Career Atlas could not start saving ({e}). Everything works, but changes will not be saved this session."
                )));
                None
            }
        });
        Self {
            writer,
            _lock: lock,
            writable,
            profile_dirty: false,
            library_dirty: false,
            settings_saved,
        }
    }
}

impl CareerAtlasApp {
    /// The profile changed (a tick, a level, a note, a merge).
    pub(super) fn mark_profile_dirty(&mut self) {
        self.persist.profile_dirty = true;
        self.profile_version = self.profile_version.wrapping_add(1);
    }

    /// The list of imported datasets changed.
    pub(super) fn mark_library_dirty(&mut self) {
        self.persist.library_dirty = true;
    }

    /// Copies an imported file's bytes into the library folder under `file`,
    /// off the UI thread (up to 100 MB). Call it before marking the library
    /// dirty, so the index is written after the copy it names.
    pub(super) fn store_dataset_copy(&mut self, file: &str, bytes: &Arc<[u8]>) {
        if let Some(writer) = &self.persist.writer
            && self.persist.writable.library
        {
            writer.save_dataset_copy(file, Arc::clone(bytes));
        }
    }

    /// Hands what changed since the last frame to the writer and shows what
    /// it could not write. Cheap: serialising a profile of a few hundred
    /// skills takes well under a millisecond; the disk work is the writer's.
    pub(super) fn hand_over(&mut self) {
        let settings_changed = self.persist.settings_saved.as_ref() != Some(&self.settings);
        let p = &mut self.persist;
        if let Some(writer) = &p.writer {
            if std::mem::take(&mut p.profile_dirty) && p.writable.profile {
                writer.save(&self.profile);
            }
            if std::mem::take(&mut p.library_dirty) && p.writable.library {
                writer.save(&self.library.index);
            }
            if settings_changed && p.writable.settings {
                writer.save(&self.settings);
            }
        } else {
            p.profile_dirty = false;
            p.library_dirty = false;
        }
        if settings_changed {
            p.settings_saved = Some(self.settings.clone());
        }
        self.report_write_failures();
    }

    /// Hands over every change and blocks until it is on disk (exit, tests;
    /// never inside a frame).
    pub fn flush(&mut self) {
        self.hand_over();
        if let Some(writer) = &self.persist.writer {
            writer.flush();
        }
        self.report_write_failures();
    }

    /// Deletes the copies of datasets removed this session (on exit, so that
    /// Undo works until then), after the list that no longer names them.
    /// A window that may not write the library never deletes its files.
    pub fn forget_removed(&mut self) {
        self.hand_over();
        if let Some(writer) = &self.persist.writer
            && self.persist.writable.library
        {
            for r in self.library.removed.drain(..) {
                writer.remove_dataset_copy(&r.entry.file);
            }
        }
    }

    fn report_write_failures(&mut self) {
        let failures = self
            .persist
            .writer
            .as_ref()
            .map(Writer::take_failures)
            .unwrap_or_default();
        for e in failures {
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

    /// Files the writer has written or removed so far (for tests).
    #[cfg(test)]
    fn writes_done(&self) -> usize {
        self.persist.writer.as_ref().map_or(0, Writer::writes_done)
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;
    use std::sync::Arc;

    use super::*;
    use crate::app::AppConfig;
    use crate::model::TechId;
    use crate::store::SETTINGS_FILE;
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
    fn a_burst_of_note_edits_is_one_write() {
        let dir = tempfile::tempdir().unwrap();
        let mut app = app(dir.path());
        app.flush();
        let before = app.writes_done();
        let ctx = egui::Context::default();
        app.apply(&ctx, Command::SetTicked(TechId(0), true));
        app.hand_over();
        // Typed key by key, one frame each.
        for note in ["r", "re", "rea", "read"] {
            app.apply(&ctx, Command::SetNote(TechId(0), note.into()));
            app.hand_over();
        }
        app.flush();
        assert!(saved_profile(dir.path()).contains("\"read\""));
        // The writer gathers what comes within its coalescing time: the tick
        // and the four keystrokes reach the disk as one or two writes.
        let writes = app.writes_done() - before;
        assert!((1..=2).contains(&writes), "{writes} writes");
    }

    #[test]
    fn a_change_reaches_the_disk_without_another_frame() {
        let dir = tempfile::tempdir().unwrap();
        let mut app = app(dir.path());
        let ctx = egui::Context::default();
        app.apply(&ctx, Command::SetTicked(TechId(0), true));
        app.apply(&ctx, Command::SetNote(TechId(0), "kept".into()));
        app.hand_over();
        let start = std::time::Instant::now();
        while !saved_profile(dir.path()).contains("\"kept\"") {
            assert!(
                start.elapsed() < std::time::Duration::from_secs(2),
                "not on disk after 2 s"
            );
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
    }

    #[test]
    fn settings_are_saved_when_they_change_not_on_every_frame() {
        let dir = tempfile::tempdir().unwrap();
        let mut app = app(dir.path());
        let ctx = egui::Context::default();
        let settings = dir.path().join(SETTINGS_FILE);
        // The first start writes the settings (so the welcome is not shown again).
        app.flush();
        let first = std::fs::read_to_string(&settings).unwrap();
        let writes = app.writes_done();
        for _ in 0..5 {
            app.hand_over();
        }
        app.flush();
        assert_eq!(
            app.writes_done(),
            writes,
            "nothing changed, nothing written"
        );
        app.apply(&ctx, Command::SetSortByFit(true));
        app.flush();
        let second = std::fs::read_to_string(&settings).unwrap();
        assert_ne!(first, second);
        assert!(second.contains("\"sort_by_fit\": true"), "{second}");
    }
}
