//! Nothing is lost when the app is killed two seconds after a change.
//!
//! Each test runs twice: as the parent, it starts this same test binary again
//! (only that test, with `KILL_TEST_DIR` set); the child makes a change, says
//! so on stdout and waits; the parent SIGKILLs it two seconds after the change
//! (no exit handler, no destructor, no flush runs), then reads what is on disk.
#![cfg(unix)]
#![allow(clippy::unwrap_used, clippy::expect_used)] // a panic in a test is a failed test

mod common;

use std::io::{BufRead as _, BufReader, Write as _};
use std::os::unix::process::ExitStatusExt as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

use career_atlas::model::profile::{Proficiency, Profile, Skill};
use career_atlas::store::{Store, Writer};
use career_atlas::{AppConfig, CareerAtlasApp};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

/// Set in the child: the folder it saves into.
const CHILD_DIR: &str = "KILL_TEST_DIR";
/// Starts what the child says to the parent, among libtest's own output.
const MARK: &str = "@child: ";
/// The rule: a change two seconds old survives a kill.
const KILL_AFTER: Duration = Duration::from_secs(2);

/// A child process running one test of this binary, its stdout read line by
/// line (with the time each line arrived) on a thread.
struct Child {
    process: std::process::Child,
    lines: Receiver<(String, Instant)>,
}

impl Child {
    fn start(test: &str, dir: &Path) -> Self {
        let mut process = Command::new(std::env::current_exe().unwrap())
            .args([test, "--exact", "--nocapture", "--test-threads=1"])
            .env(CHILD_DIR, dir)
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let stdout = process.stdout.take().unwrap();
        let (tx, lines) = mpsc::channel();
        std::thread::Builder::new()
            .name("child stdout".into())
            .spawn(move || {
                for line in BufReader::new(stdout).lines() {
                    let Ok(line) = line else { return };
                    // libtest's "test NAME ... " may stand before it on the line.
                    let Some((_, said)) = line.split_once(MARK) else {
                        continue;
                    };
                    if tx.send((said.to_owned(), Instant::now())).is_err() {
                        return;
                    }
                }
            })
            .unwrap();
        Self { process, lines }
    }

    /// Waits for the child to say something starting with `prefix`; returns it
    /// and when it came.
    fn wait_for(&self, prefix: &str) -> (String, Instant) {
        let deadline = Instant::now() + Duration::from_mins(2);
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.lines.recv_timeout(left) {
                Ok((line, at)) if line.starts_with(prefix) => return (line, at),
                Ok(_) => {}
                Err(e) => panic!("the child never said {prefix:?}: {e}"),
            }
        }
    }

    /// SIGKILLs the child at `at`; checks it was the kill that ended it.
    fn kill_at(mut self, at: Instant) -> Receiver<(String, Instant)> {
        std::thread::sleep(at.saturating_duration_since(Instant::now()));
        self.process.kill().unwrap();
        let status = self.process.wait().unwrap();
        assert_eq!(
            status.signal(),
            Some(9),
            "the child ended by itself: {status}"
        );
        self.lines
    }
}

/// In the child: says `line` to the parent, then waits to be killed.
fn say_and_wait(line: &str) -> ! {
    say(line);
    std::thread::sleep(Duration::from_mins(2));
    // The parent should have killed us long ago.
    std::process::exit(3);
}

fn say(line: &str) {
    let mut out = std::io::stdout().lock();
    writeln!(out, "{MARK}{line}").unwrap();
    out.flush().unwrap();
}

fn child_dir() -> Option<PathBuf> {
    std::env::var_os(CHILD_DIR).map(PathBuf::from)
}

fn with_note(note: &str) -> Profile {
    let mut p = Profile::default();
    p.skills.insert(
        "kafka".into(),
        Skill {
            level: Proficiency::UsedIt,
            note: Some(note.into()),
            name: Some("Kafka".into()),
        },
    );
    p
}

#[test]
fn a_change_through_the_writer_survives_a_kill_two_seconds_later() {
    if let Some(dir) = child_dir() {
        let writer = Writer::start(Store::new(dir), Arc::new(|| {})).unwrap();
        writer.save(&with_note("saved"));
        // Keep the writer alive: only the kill ends this process.
        let _writer = writer;
        say_and_wait("CHANGED");
    }
    let dir = tempfile::tempdir().unwrap();
    let child = Child::start(
        "a_change_through_the_writer_survives_a_kill_two_seconds_later",
        dir.path(),
    );
    let (_, changed_at) = child.wait_for("CHANGED");
    child.kill_at(changed_at + KILL_AFTER);
    let (profile, recovery) = Store::new(dir.path()).load_profile().unwrap();
    assert!(recovery.is_none(), "the file is whole: {recovery:?}");
    assert_eq!(profile, with_note("saved"));
}

/// A kill in the middle of a stream of edits (some of them mid-write) leaves
/// a whole file holding every edit made more than a second before the kill.
#[test]
fn a_kill_during_a_stream_of_edits_loses_at_most_the_last_second() {
    if let Some(dir) = child_dir() {
        let writer = Writer::start(Store::new(dir), Arc::new(|| {})).unwrap();
        for i in 0_u32.. {
            writer.save(&with_note(&format!("edit {i}")));
            say(&format!("EDIT {i}"));
            std::thread::sleep(Duration::from_millis(15));
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let child = Child::start(
        "a_kill_during_a_stream_of_edits_loses_at_most_the_last_second",
        dir.path(),
    );
    let (_, first) = child.wait_for("EDIT ");
    let killed_at = first + KILL_AFTER;
    let lines = child.kill_at(killed_at);
    let edits: Vec<(u32, Instant)> = lines
        .try_iter()
        .filter_map(|(line, at)| Some((line.strip_prefix("EDIT ")?.parse().ok()?, at)))
        .collect();
    let must_have = edits
        .iter()
        .filter(|(_, at)| *at + Duration::from_secs(1) <= killed_at)
        .map(|(i, _)| *i)
        .max()
        .expect("edits were made more than a second before the kill");
    let (profile, recovery) = Store::new(dir.path()).load_profile().unwrap();
    assert!(recovery.is_none(), "the file is whole: {recovery:?}");
    let note = profile.skills["kafka"].note.clone().unwrap();
    let saved: u32 = note.strip_prefix("edit ").unwrap().parse().unwrap();
    assert!(
        saved >= must_have,
        "edit {saved} on disk, but edit {must_have} was made more than a second before the kill"
    );
}

fn backend_go_checkbox_ticked(harness: &Harness<'_, CareerAtlasApp>) -> bool {
    harness
        .get_by_role_and_label(Role::CheckBox, "Go")
        .accesskit_node()
        .toggled()
        == Some(egui::accesskit::Toggled::True)
}

fn open_backend_developer(harness: &mut Harness<'_, CareerAtlasApp>) {
    // After the restart the saved search may already show it (settings are
    // saved within a second too): click_row searches only when it is not shown.
    common::click_row(harness, "Backend Developer");
    harness
        .get_by_role_and_label(Role::CheckBox, "Go")
        .scroll_to_me();
    harness.run();
}

/// The person's view of the rule: tick a technology, the app is killed two
/// seconds later, and after a restart it is still ticked.
#[test]
fn a_tick_survives_the_app_being_killed_two_seconds_later() {
    if let Some(dir) = child_dir() {
        let mut harness = common::app(&dir, AppConfig::default());
        open_backend_developer(&mut harness);
        assert!(!backend_go_checkbox_ticked(&harness));
        harness.get_by_role_and_label(Role::CheckBox, "Go").click();
        harness.run();
        assert!(backend_go_checkbox_ticked(&harness));
        // The app stays open (no drop, no exit) until the kill.
        let _app = harness;
        say_and_wait("TICKED");
    }
    let dir = tempfile::tempdir().unwrap();
    let child = Child::start(
        "a_tick_survives_the_app_being_killed_two_seconds_later",
        dir.path(),
    );
    let (_, ticked_at) = child.wait_for("TICKED");
    child.kill_at(ticked_at + KILL_AFTER);

    let mut harness = common::app(dir.path(), AppConfig::default());
    assert!(
        harness.query_by_label_contains("damaged").is_none(),
        "the profile is whole"
    );
    open_backend_developer(&mut harness);
    assert!(backend_go_checkbox_ticked(&harness), "still ticked");
}
