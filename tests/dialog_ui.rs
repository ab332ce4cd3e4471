//! A file dialog that never answers (issue 14 item 6): while one is pending
//! the app shows Cancel; a second request says so; after Cancel, or when the
//! pending dialog finally answers, every dialog works again.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a panic in a test is a failed test

mod common;

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex};

use common::{app, settle};

use career_atlas::jobs::FilePicker;
use career_atlas::{AppConfig, CareerAtlasApp};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// A dialog that answers only when the test says so, as a hung portal or
/// zenity would never do.
struct HangingPicker {
    picks: Mutex<Receiver<Option<Vec<PathBuf>>>>,
    saves: Mutex<Receiver<Option<PathBuf>>>,
    opened: AtomicUsize,
}

impl FilePicker for HangingPicker {
    fn pick_files(&self) -> Option<Vec<PathBuf>> {
        self.opened.fetch_add(1, Ordering::SeqCst);
        self.picks.lock().ok()?.recv().ok().flatten()
    }
    fn save_file(&self, _default_name: &str) -> Option<PathBuf> {
        self.opened.fetch_add(1, Ordering::SeqCst);
        self.saves.lock().ok()?.recv().ok().flatten()
    }
}

struct Rig {
    harness: Harness<'static, CareerAtlasApp>,
    picker: Arc<HangingPicker>,
    picks: Sender<Option<Vec<PathBuf>>>,
    saves: Sender<Option<PathBuf>>,
    dir: tempfile::TempDir,
}

fn rig() -> Rig {
    let dir = tempfile::tempdir().unwrap();
    let (picks, picks_rx) = channel();
    let (saves, saves_rx) = channel();
    let picker = Arc::new(HangingPicker {
        picks: Mutex::new(picks_rx),
        saves: Mutex::new(saves_rx),
        opened: AtomicUsize::new(0),
    });
    let config = AppConfig {
        picker: Some(picker.clone()),
        ..AppConfig::default()
    };
    let harness = app(dir.path(), config);
    Rig {
        harness,
        picker,
        picks,
        saves,
        dir,
    }
}

impl Rig {
    fn step(&mut self) {
        for _ in 0..4 {
            self.harness.step();
        }
    }

    fn opened(&self) -> usize {
        self.picker.opened.load(Ordering::SeqCst)
    }

    /// Waits (a little) for the worker thread to call the picker.
    fn wait_opened(&mut self, n: usize) {
        for _ in 0..200 {
            if self.opened() >= n {
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        panic!("the dialog was opened {} times, not {n}", self.opened());
    }

    fn has_cancel(&self) -> bool {
        self.harness
            .query_by_role_and_label(Role::Button, "Cancel")
            .is_some()
    }

    fn click(&mut self, label: &str) {
        self.harness
            .get_by_role_and_label(Role::Button, label)
            .click();
        self.step();
    }

    /// Shows a view by its tab in the top bar (the first node of that name).
    fn show(&mut self, view: &str) {
        self.harness
            .query_all_by_label(view)
            .next()
            .unwrap_or_else(|| panic!("no tab {view}"))
            .click();
        self.step();
    }
}

/// Each way to a dialog: how to ask for it, and what its waiting line says.
fn ask(rig: &mut Rig, which: &str) {
    match which {
        "import" => {
            rig.harness
                .key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::O);
            rig.step();
        }
        "export profile" => {
            rig.show("My skills");
            rig.click("Export profile…");
        }
        "import profile" => {
            rig.show("My skills");
            rig.click("Import profile…");
        }
        "markdown" => {
            rig.show("My skills");
            rig.click("Save as Markdown…");
        }
        other => panic!("no way to ask for {other}"),
    }
}

#[test]
fn a_pending_dialog_shows_cancel_and_a_second_request_says_so() {
    let mut rig = rig();
    assert!(!rig.has_cancel());
    ask(&mut rig, "import");
    rig.wait_opened(1);
    rig.harness.get_by_label("Choose files in the dialog…");
    assert!(rig.has_cancel(), "no Cancel while the dialog is pending");
    // A second Ctrl+O is not silently dropped.
    ask(&mut rig, "import");
    rig.harness
        .get_by_label_contains("Another file dialog is still open");
    assert_eq!(rig.opened(), 1, "a second dialog was opened over the first");
    // So is a save, and the chart picture.
    ask(&mut rig, "markdown");
    assert_eq!(
        rig.harness
            .query_all_by_label_contains("Another file dialog is still open")
            .count(),
        2
    );
    rig.click("Cancel");
    assert!(!rig.has_cancel(), "Cancel stays after cancelling");
    assert!(
        rig.harness
            .query_by_label("Choose files in the dialog…")
            .is_none()
    );
    // Every dialog works again: the import dialog opens anew.
    ask(&mut rig, "import");
    rig.wait_opened(2);
    assert!(rig.has_cancel());
}

#[test]
fn after_cancel_every_dialog_works_again() {
    for which in ["import", "export profile", "import profile", "markdown"] {
        let mut rig = rig();
        ask(&mut rig, which);
        rig.wait_opened(1);
        assert!(rig.has_cancel(), "{which}: no Cancel while pending");
        rig.click("Cancel");
        assert!(!rig.has_cancel(), "{which}: Cancel stays");
        // The hung dialog never answers; a save still goes through.
        let target = rig.dir.path().join("my-skills.md");
        ask(&mut rig, "markdown");
        rig.wait_opened(2);
        if which == "markdown" || which == "export profile" {
            // The hung save dialog holds the test picker's save line: answer
            // the hung one with nothing first, as a dialog finally closing would.
            rig.saves.send(None).unwrap();
        }
        rig.saves.send(Some(target.clone())).unwrap();
        settle(&mut rig.harness);
        assert!(
            target.exists(),
            "{which}: the save after Cancel wrote nothing"
        );
        rig.harness.get_by_label_contains("Saved your skills to");
        assert!(
            rig.harness
                .query_by_label_contains("Another file dialog is still open")
                .is_none(),
            "{which}: the save after Cancel was refused"
        );
        drop(rig.picks);
    }
}

#[test]
fn when_the_pending_dialog_finally_answers_every_dialog_works_again() {
    let mut rig = rig();
    ask(&mut rig, "markdown");
    rig.wait_opened(1);
    assert!(rig.has_cancel());
    // The dialog answers at last (the person closed it).
    rig.saves.send(None).unwrap();
    settle(&mut rig.harness);
    assert!(!rig.has_cancel(), "Cancel stays after the dialog answered");
    ask(&mut rig, "import");
    rig.wait_opened(2);
    rig.harness.get_by_label("Choose files in the dialog…");
    rig.picks.send(None).unwrap();
    settle(&mut rig.harness);
    assert!(!rig.has_cancel());
}

#[test]
fn the_chart_picture_says_a_dialog_is_pending_instead_of_doing_nothing() {
    let mut rig = rig();
    ask(&mut rig, "import");
    rig.wait_opened(1);
    rig.show("Role");
    // A list row reads "Backend Developer" (a spinner is turning, so the
    // harness is stepped, not run until still).
    rig.harness
        .query_all_by_label_contains("Backend Developer")
        .next()
        .expect("a Backend Developer row")
        .click();
    rig.step();
    rig.harness
        .get_by_role_and_label(Role::Button, "Save chart as PNG…")
        .scroll_to_me();
    rig.step();
    rig.click("Save chart as PNG…");
    rig.harness
        .get_by_label_contains("Another file dialog is still open");
}
