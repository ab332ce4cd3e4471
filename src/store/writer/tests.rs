use std::collections::HashSet;
use std::fs;
use std::sync::Mutex;
use std::sync::atomic::AtomicUsize;

use super::*;
use crate::model::profile::{Proficiency, Profile, Skill};
use crate::state::Settings;
use crate::store::library::{LibraryIndex, copy_file_name};

/// A coalescing wait no test reaches: only a flush or a drop writes.
const LONG: Duration = Duration::from_mins(1);

/// What a recording sink saw: each file and its content (`None`: removed).
type Log = Arc<Mutex<Vec<(String, Option<Vec<u8>>)>>>;

/// A sink that records instead of writing, and fails for the files in `failing`.
struct Recorder {
    log: Log,
    failing: Arc<Mutex<HashSet<String>>>,
}

impl Sink for Recorder {
    fn apply(&mut self, file: &str, content: &Content) -> Result<(), StoreError> {
        if self.failing.lock().unwrap().contains(file) {
            return Err(StoreError::Io {
                action: "cannot write",
                path: file.into(),
                source: std::io::Error::other("disk full"),
            });
        }
        let bytes = match content {
            Content::Document(b) | Content::File(b) => Some(b.to_vec()),
            Content::Remove => None,
        };
        self.log.lock().unwrap().push((file.to_owned(), bytes));
        Ok(())
    }
}

struct Rig {
    writer: Writer,
    log: Log,
    failing: Arc<Mutex<HashSet<String>>>,
    wakes: Arc<AtomicUsize>,
}

fn rig(coalesce: Duration) -> Rig {
    let log = Log::default();
    let failing = Arc::new(Mutex::new(HashSet::new()));
    let wakes = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&wakes);
    let writer = Writer::start_with(
        Store::new("/nonexistent"),
        Box::new(Recorder {
            log: Arc::clone(&log),
            failing: Arc::clone(&failing),
        }),
        coalesce,
        Arc::new(move || {
            counter.fetch_add(1, Ordering::SeqCst);
        }),
    )
    .unwrap();
    Rig {
        writer,
        log,
        failing,
        wakes,
    }
}

fn bytes(s: &str) -> Arc<[u8]> {
    Arc::from(s.as_bytes())
}

fn files(log: &Log) -> Vec<(String, Option<String>)> {
    log.lock()
        .unwrap()
        .iter()
        .map(|(f, b)| {
            (
                f.clone(),
                b.as_ref().map(|b| String::from_utf8_lossy(b).into_owned()),
            )
        })
        .collect()
}

fn with_note(note: &str) -> Profile {
    let mut p = Profile::default();
    p.skills.insert(
        "go".into(),
        Skill {
            level: Proficiency::AtWork,
            note: Some(note.into()),
            name: Some("Go".into()),
        },
    );
    p
}

#[test]
fn a_burst_of_fifty_edits_is_one_or_two_writes_of_the_latest_content() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    let writer = Writer::start(store.clone(), Arc::new(|| {})).unwrap();
    let mut note = String::new();
    for c in "fifty keystrokes of a note about go, typed fast...".chars() {
        note.push(c);
        writer.save(&with_note(&note));
    }
    assert_eq!(note.chars().count(), 50);
    std::thread::sleep(COALESCE * 3);
    assert!(
        (1..=2).contains(&writer.writes_done()),
        "{} writes",
        writer.writes_done()
    );
    assert_eq!(store.load_profile().unwrap().0, with_note(&note));
    assert!(writer.take_failures().is_empty());
}

#[test]
fn a_change_is_on_disk_within_a_second_without_a_flush() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    let writer = Writer::start(store.clone(), Arc::new(|| {})).unwrap();
    let started = Instant::now();
    writer.save(&with_note("quick"));
    while store.load_profile().unwrap().0 != with_note("quick") {
        assert!(
            started.elapsed() < Duration::from_secs(1),
            "not on disk after a second"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
}

#[test]
fn files_are_written_in_the_order_of_their_latest_request() {
    let r = rig(LONG);
    r.writer.write_file("copy.json".into(), bytes("c1"));
    r.writer.write_file("index.json".into(), bytes("i1"));
    r.writer.write_file("profile.json".into(), bytes("p1"));
    // The index changes again after the copy: it must land after it.
    r.writer.write_file("copy.json".into(), bytes("c2"));
    r.writer.write_file("index.json".into(), bytes("i2"));
    assert!(r.writer.flush());
    assert_eq!(
        files(&r.log),
        [
            ("profile.json".into(), Some("p1".into())),
            ("copy.json".into(), Some("c2".into())),
            ("index.json".into(), Some("i2".into())),
        ]
    );
}

#[test]
fn the_last_request_for_a_file_wins_whether_write_or_removal() {
    let r = rig(LONG);
    r.writer.write_file("a".into(), bytes("1"));
    r.writer.remove_file("a".into());
    r.writer.remove_file("b".into());
    r.writer.write_file("b".into(), bytes("2"));
    assert!(r.writer.flush());
    assert_eq!(
        files(&r.log),
        [("a".into(), None), ("b".into(), Some("2".into()))]
    );
}

#[test]
fn flush_writes_at_once_instead_of_waiting() {
    let r = rig(LONG);
    let started = Instant::now();
    r.writer.write_file("a".into(), bytes("1"));
    assert!(r.writer.flush());
    assert!(started.elapsed() < Duration::from_secs(5));
    assert_eq!(files(&r.log).len(), 1);
    // A flush with nothing pending returns too.
    assert!(r.writer.flush());
    assert_eq!(r.writer.writes_done(), 1);
}

#[test]
fn dropping_the_writer_writes_what_is_pending() {
    let r = rig(LONG);
    r.writer.write_file("a".into(), bytes("1"));
    let log = Arc::clone(&r.log);
    drop(r);
    assert_eq!(files(&log), [("a".into(), Some("1".into()))]);
}

#[test]
fn the_same_document_again_is_not_written_again() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    let writer = Writer::start(store.clone(), Arc::new(|| {})).unwrap();
    let settings = Settings::default();
    writer.save(&settings);
    assert!(writer.flush());
    writer.save(&settings);
    assert!(writer.flush());
    assert_eq!(writer.writes_done(), 1);
    let changed = Settings {
        search: "rust".into(),
        ..Settings::default()
    };
    writer.save(&changed);
    assert!(writer.flush());
    assert_eq!(writer.writes_done(), 2);
    assert_eq!(store.load::<Settings>().unwrap().0, Some(changed));
}

#[test]
fn a_failure_is_reported_with_its_file_and_wakes_the_app() {
    let dir = tempfile::tempdir().unwrap();
    // A file where the data folder should be.
    let blocker = dir.path().join("data");
    fs::write(&blocker, b"not a folder").unwrap();
    let wakes = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&wakes);
    let writer = Writer::start(
        Store::new(&blocker),
        Arc::new(move || {
            counter.fetch_add(1, Ordering::SeqCst);
        }),
    )
    .unwrap();
    writer.save(&with_note("lost"));
    assert!(writer.flush());
    let failures = writer.take_failures();
    assert_eq!(failures.len(), 1, "{failures:?}");
    assert!(
        failures[0].to_string().contains("profile.json"),
        "{}",
        failures[0]
    );
    assert!(wakes.load(Ordering::SeqCst) >= 1);
    assert!(
        writer.take_failures().is_empty(),
        "each failure is told once"
    );
}

#[test]
fn a_failed_write_is_tried_again_with_the_next_batch() {
    let r = rig(LONG);
    r.failing.lock().unwrap().insert("a".into());
    r.writer.write_file("a".into(), bytes("1"));
    assert!(r.writer.flush());
    assert_eq!(r.writer.take_failures().len(), 1);
    assert_eq!(r.wakes.load(Ordering::SeqCst), 1);
    assert!(files(&r.log).is_empty());
    // The disk has room again; the next batch (here a flush) retries.
    r.failing.lock().unwrap().clear();
    assert!(r.writer.flush());
    assert_eq!(files(&r.log), [("a".into(), Some("1".into()))]);
    assert!(r.writer.take_failures().is_empty());
}

#[test]
fn a_failed_write_is_not_retried_over_newer_content() {
    let r = rig(LONG);
    r.failing.lock().unwrap().insert("a".into());
    r.writer.write_file("a".into(), bytes("old"));
    assert!(r.writer.flush());
    r.failing.lock().unwrap().clear();
    r.writer.write_file("a".into(), bytes("new"));
    assert!(r.writer.flush());
    assert_eq!(files(&r.log), [("a".into(), Some("new".into()))]);
}

#[test]
fn a_dataset_copy_and_its_index_reach_the_disk_through_the_writer() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    let writer = Writer::start(store.clone(), Arc::new(|| {})).unwrap();
    let file = copy_file_name("Mine");
    // 8 MB standing in for a large import: the caller does not wait for it.
    let big: Arc<[u8]> = vec![b' '; 8 << 20].into();
    let started = Instant::now();
    writer.save_dataset_copy(&file, Arc::clone(&big));
    writer.save(&LibraryIndex::default());
    assert!(
        started.elapsed() < Duration::from_millis(50),
        "asking must not wait for the disk: {:?}",
        started.elapsed()
    );
    assert!(writer.flush());
    assert_eq!(store.read_dataset_copy(&file).unwrap().len(), big.len());
    assert_eq!(store.load_library().unwrap().0, LibraryIndex::default());
    writer.remove_dataset_copy(&file);
    assert!(writer.flush());
    assert!(store.read_dataset_copy(&file).is_err());
}
