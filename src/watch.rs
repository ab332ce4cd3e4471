//! Watch mode: a role file re-read whenever its author saves it.
//!
//! The folder holding the file is watched, not the file itself, so every way
//! an editor saves is seen: writing in place, truncating then writing, and
//! writing a temporary file then renaming it over the original (vim, VS Code,
//! `JetBrains` "safe write"), which replaces the file a file watch would follow.
//! Bursts of events are folded ([`DEBOUNCE`]), reads of the file are not
//! taken for changes, and reads are
//! spaced by at least [`MIN_GAP`], so a generator rewriting the file fifty
//! times a second is read a few times a second. Reading happens on a named
//! thread; each result goes to a callback (the app sends it to its job
//! channel and wakes the UI; `validate --watch` prints it).

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use notify::{EventKind, RecommendedWatcher, RecursiveMode, Watcher};

/// What the OS watcher sends.
type DebounceEventResult = notify::Result<notify::Event>;

use crate::jobs::ImportReview;
use crate::model::Dataset;
use crate::model::diff::DatasetDiff;

/// Quiet time after the last event before the file is read (an editor's
/// save is several events within a few milliseconds).
pub const DEBOUNCE: Duration = Duration::from_millis(150);
/// Least time between two reads of the file.
pub const MIN_GAP: Duration = Duration::from_millis(300);
/// Longest a change waits to be read while more changes keep coming.
pub const MAX_DELAY: Duration = Duration::from_millis(600);
/// A problem (invalid, empty, gone) found after a change is reported only if
/// no further change comes within this time: an editor that truncates and
/// then writes, or a generator caught mid-file, is still saving, and its
/// half-written file flashed an error panel.
pub const PROBLEM_GRACE: Duration = Duration::from_millis(700);

/// What watching a file found.
#[derive(Debug)]
pub enum WatchReport {
    /// The file changed and was read: valid or not, or refused (too large,
    /// unreadable), as an import would see it.
    Read {
        /// The file as read and checked.
        review: Box<ImportReview>,
        /// For a valid file, what changed since the last valid version
        /// (`None` without a [`WatchOptions::baseline`]).
        diff: Option<DatasetDiff>,
    },
    /// The file is gone: deleted, or moved away.
    Gone,
    /// The operating system reported a problem with the watch (for example
    /// its event queue overflowed); the file was read again all the same.
    Trouble(String),
}

impl WatchReport {
    /// The file is gone, unreadable or invalid: something to tell its author.
    #[must_use]
    pub fn is_problem(&self) -> bool {
        match self {
            Self::Gone => true,
            Self::Read { review, .. } => !review.is_valid(),
            Self::Trouble(_) => false,
        }
    }
}

/// How a watch reads and reports.
#[derive(Debug, Clone, Default)]
pub struct WatchOptions {
    /// The dataset as loaded now. With one, a save that changes nothing in
    /// it is not reported, and each report says what changed; without one,
    /// every save is reported (`validate --watch`).
    pub baseline: Option<Arc<Dataset>>,
    /// Read the file once at the start (it may have changed while nobody
    /// watched), reporting it only if it differs from the baseline.
    pub read_now: bool,
    /// Role ids already loaded, for the reader's `related` check.
    pub known_role_ids: Arc<HashSet<String>>,
}

/// A running watch; dropping it stops it (its thread ends soon after).
pub struct FileWatch {
    _watcher: RecommendedWatcher,
}

impl std::fmt::Debug for FileWatch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("FileWatch")
    }
}

impl FileWatch {
    /// Watches `path`; `report` is called on the watch's own thread.
    ///
    /// # Errors
    /// Why watching cannot start: the folder is gone, the system's limit on
    /// watches is reached, the file system cannot be watched (some network
    /// drives)… in words for the person.
    pub fn start(
        path: PathBuf,
        options: WatchOptions,
        report: impl Fn(WatchReport) + Send + 'static,
    ) -> Result<Self, String> {
        let folder = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        if path.file_name().is_none() {
            return Err("this is not a file name".into());
        }
        let (tx, rx) = channel::<DebounceEventResult>();
        let mut watcher = notify::recommended_watcher(tx).map_err(|e| describe(&e))?;
        watcher
            .watch(&folder, RecursiveMode::NonRecursive)
            .map_err(|e| describe(&e))?;
        let read_now = options.read_now;
        let mut reader = Reader::new(path, options);
        std::thread::Builder::new()
            .name(thread_name(&reader.path))
            .spawn(move || {
                if read_now && let Some(r) = reader.read() {
                    reader.deliver(r, &report);
                }
                reader.run(&rx, &report);
            })
            .map_err(|e| format!("the watch thread could not start: {e}"))?;
        Ok(Self { _watcher: watcher })
    }
}

/// Reads `path` once on a named thread and reports it as a watch would,
/// even when nothing changed (Datasets › Reload, where watching failed).
///
/// # Errors
/// When the thread cannot start.
pub fn read_once(
    path: PathBuf,
    options: WatchOptions,
    report: impl Fn(WatchReport) + Send + 'static,
) -> Result<(), String> {
    let mut reader = Reader::new(path, options);
    reader.showing_problem = true;
    std::thread::Builder::new()
        .name(thread_name(&reader.path))
        .spawn(move || {
            if let Some(r) = reader.read() {
                reader.deliver(r, &report);
            }
        })
        .map(|_| ())
        .map_err(|e| format!("the reading thread could not start: {e}"))
}

fn thread_name(path: &Path) -> String {
    let file = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    format!("watch {}", file.chars().take(40).collect::<String>())
}

/// The watch thread's state.
struct Reader {
    path: PathBuf,
    file_name: std::ffi::OsString,
    known_role_ids: Arc<HashSet<String>>,
    /// The last valid dataset reported (or loaded).
    baseline: Option<Arc<Dataset>>,
    /// Report every read, changed or not.
    report_all: bool,
    /// The bytes last read, so an unchanged file costs no parse.
    last_bytes: Option<Arc<[u8]>>,
    /// The last report was a problem (invalid, refused, gone): the next good
    /// read is reported even if it equals the baseline, so the problem clears.
    showing_problem: bool,
    /// The file was found missing and that was reported.
    gone: bool,
}

impl Reader {
    fn new(path: PathBuf, options: WatchOptions) -> Self {
        Self {
            file_name: path
                .file_name()
                .map(std::ffi::OsStr::to_os_string)
                .unwrap_or_default(),
            path,
            known_role_ids: options.known_role_ids,
            report_all: options.baseline.is_none(),
            baseline: options.baseline,
            last_bytes: None,
            showing_problem: false,
            gone: false,
        }
    }

    fn run(mut self, rx: &Receiver<DebounceEventResult>, report: &dyn Fn(WatchReport)) {
        let mut last_read = Instant::now();
        // A problem waiting out PROBLEM_GRACE, and until when.
        let mut held: Option<(WatchReport, Instant)> = None;
        loop {
            let result = match &held {
                None => rx.recv().map_err(|_| RecvTimeoutError::Disconnected),
                Some((_, until)) => {
                    rx.recv_timeout(until.saturating_duration_since(Instant::now()))
                }
            };
            let result = match result {
                Ok(r) => r,
                Err(RecvTimeoutError::Timeout) => {
                    if let Some((r, _)) = held.take() {
                        self.deliver(r, report);
                    }
                    continue;
                }
                // The watch was dropped: the watcher dropped its sender.
                Err(RecvTimeoutError::Disconnected) => return,
            };
            if !self.concerns_file(result, report) {
                continue;
            }
            // Debounce: wait for DEBOUNCE of quiet (and MIN_GAP since the
            // last read), but never longer than MAX_DELAY, so a file that is
            // rewritten without pause is still read a few times a second.
            let first = Instant::now();
            let settle = |now: Instant| {
                (now + DEBOUNCE)
                    .max(last_read + MIN_GAP)
                    .min(first + MAX_DELAY)
            };
            let mut until = settle(first);
            loop {
                let now = Instant::now();
                if now >= until {
                    break;
                }
                match rx.recv_timeout(until - now) {
                    Ok(more) => {
                        if self.concerns_file(more, report) {
                            until = settle(Instant::now());
                        }
                    }
                    Err(RecvTimeoutError::Timeout) => break,
                    Err(RecvTimeoutError::Disconnected) => return,
                }
            }
            // A read equal to the last one leaves a held problem waiting.
            if let Some(r) = self.read() {
                if r.is_problem() {
                    held = Some((r, Instant::now() + PROBLEM_GRACE));
                } else {
                    held = None;
                    self.deliver(r, report);
                }
            }
            last_read = Instant::now();
        }
    }

    /// Reports `r` and remembers what the person now sees.
    fn deliver(&mut self, r: WatchReport, report: &dyn Fn(WatchReport)) {
        match &r {
            WatchReport::Gone => {
                self.gone = true;
                self.showing_problem = true;
                self.last_bytes = None;
            }
            WatchReport::Read { .. } if r.is_problem() => self.showing_problem = true,
            WatchReport::Read { .. } => self.showing_problem = false,
            WatchReport::Trouble(_) => {}
        }
        report(r);
    }

    /// True when an event changes the watched file: reads of it (by this
    /// thread too) are not changes. An error counts: what happened cannot be
    /// known, so the file is read again.
    fn concerns_file(&self, result: DebounceEventResult, report: &dyn Fn(WatchReport)) -> bool {
        match result {
            Ok(event) => {
                !matches!(
                    event.kind,
                    EventKind::Access(_)
                        | EventKind::Modify(notify::event::ModifyKind::Metadata(_))
                ) && event
                    .paths
                    .iter()
                    .any(|p| p.file_name() == Some(self.file_name.as_os_str()))
            }
            Err(e) => {
                report(WatchReport::Trouble(describe(&e)));
                true
            }
        }
    }

    /// Reads the file; `None` when there is nothing new to report.
    fn read(&mut self) -> Option<WatchReport> {
        if !self.path.exists() {
            return (!self.gone).then_some(WatchReport::Gone);
        }
        self.gone = false;
        let review = crate::jobs::review(self.path.clone(), &self.known_role_ids);
        let quiet = !self.report_all && !self.showing_problem;
        if review.read_error.is_none() {
            if quiet && self.last_bytes.as_deref() == Some(&*review.bytes) {
                return None;
            }
            self.last_bytes = Some(Arc::clone(&review.bytes));
        } else {
            self.last_bytes = None;
        }
        let dataset = review.outcome.as_ref().and_then(|o| o.dataset.as_ref());
        let Some(dataset) = dataset else {
            return Some(WatchReport::Read {
                review: Box::new(review),
                diff: None,
            });
        };
        let diff = self
            .baseline
            .as_deref()
            .map(|old| DatasetDiff::between(old, dataset));
        if quiet && self.baseline.as_deref() == Some(dataset) {
            return None;
        }
        self.baseline = Some(Arc::new(dataset.clone()));
        Some(WatchReport::Read {
            review: Box::new(review),
            diff,
        })
    }
}

/// A watch error in words for the person.
fn describe(e: &notify::Error) -> String {
    use notify::ErrorKind;
    match &e.kind {
        ErrorKind::MaxFilesWatch => "the system's limit on watched folders is reached (on Linux, raise fs.inotify.max_user_watches)".into(),
        ErrorKind::PathNotFound => "the folder holding the file is gone".into(),
        ErrorKind::Io(io) if io.kind() == std::io::ErrorKind::NotFound => {
            "the folder holding the file is gone".into()
        }
        _ => format!("the system cannot watch this folder ({e})"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc::Receiver;

    fn next(rx: &Receiver<WatchReport>) -> WatchReport {
        rx.recv_timeout(Duration::from_secs(30))
            .expect("a report within 30 s")
    }

    fn valid(r: &WatchReport) -> bool {
        matches!(r, WatchReport::Read { review, .. } if review.is_valid())
    }

    #[test]
    fn rename_saves_truncating_saves_and_removal_are_seen() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("roles.json");
        std::fs::write(&path, br#"[{"id":"a","title":"A"}]"#).unwrap();
        let (tx, rx) = channel();
        let baseline = crate::model::read_dataset(
            "roles",
            &std::fs::read(&path).unwrap(),
            crate::model::ReadContext::default(),
        )
        .dataset
        .map(Arc::new);
        let options = WatchOptions {
            baseline,
            read_now: true,
            known_role_ids: Arc::default(),
        };
        let _watch = FileWatch::start(path.clone(), options, move |r| {
            let _ = tx.send(r);
        })
        .unwrap();
        // Saved by writing a temporary file and renaming it over the original.
        let tmp = dir.path().join(".roles.json.swp");
        std::fs::write(&tmp, br#"[{"id":"a","title":"Renamed"}]"#).unwrap();
        std::fs::rename(&tmp, &path).unwrap();
        let r = next(&rx);
        assert!(valid(&r), "{r:?}");
        let WatchReport::Read {
            diff: Some(diff), ..
        } = r
        else {
            panic!("a diff against the baseline")
        };
        assert_eq!(diff.changed, ["Renamed"]);
        // Saved by truncating and writing in place, here with an error.
        std::fs::write(&path, br#"[{"id":"a"}]"#).unwrap();
        let r = next(&rx);
        assert!(
            matches!(&r, WatchReport::Read { review, .. } if !review.is_valid()),
            "{r:?}"
        );
        std::fs::remove_file(&path).unwrap();
        assert!(matches!(next(&rx), WatchReport::Gone));
        std::fs::write(&path, br#"[{"id":"a","title":"Back"}]"#).unwrap();
        assert!(valid(&next(&rx)));
    }

    /// An editor that truncates, pauses, then writes (or a generator caught
    /// mid-file) is still saving: its half-written file is not reported.
    #[test]
    fn a_save_in_two_steps_reports_only_the_finished_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("two.json");
        std::fs::write(&path, br#"[{"id":"a","title":"A"}]"#).unwrap();
        let (tx, rx) = channel();
        let _watch = FileWatch::start(path.clone(), WatchOptions::default(), move |r| {
            let _ = tx.send(r);
        })
        .unwrap();
        for pause in [0, 400] {
            let file = std::fs::File::create(&path).unwrap();
            drop(file);
            std::thread::sleep(Duration::from_millis(pause));
            std::fs::write(&path, br#"[{"id":"a","title":"Half"#).unwrap();
            std::thread::sleep(Duration::from_millis(300));
            std::fs::write(&path, format!(r#"[{{"id":"a","title":"Done {pause}"}}]"#)).unwrap();
            let r = next(&rx);
            assert!(valid(&r), "after a {pause} ms pause: {r:?}");
            while let Ok(r) = rx.recv_timeout(Duration::from_secs(1)) {
                assert!(valid(&r), "{r:?}");
            }
        }
        // A save that stays broken is reported, once the grace is over.
        std::fs::write(&path, b"[").unwrap();
        let r = next(&rx);
        assert!(r.is_problem(), "{r:?}");
    }

    #[test]
    fn a_file_rewritten_fifty_times_a_second_is_read_a_few_times_a_second() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("gen.json");
        std::fs::write(&path, b"[]").unwrap();
        let (tx, rx) = channel();
        let _watch = FileWatch::start(path.clone(), WatchOptions::default(), move |r| {
            let _ = tx.send(r);
        })
        .unwrap();
        let started = Instant::now();
        let mut n = 0;
        while started.elapsed() < Duration::from_secs(2) {
            n += 1;
            std::fs::write(&path, format!(r#"[{{"id":"a","title":"T{n}"}}]"#)).unwrap();
            std::thread::sleep(Duration::from_millis(20));
        }
        let writing = started.elapsed();
        // The last write is read too, once the writer stops.
        let mut reads = 0;
        let mut last_title = String::new();
        while let Ok(r) = rx.recv_timeout(Duration::from_secs(3)) {
            if let WatchReport::Read { review, .. } = r {
                reads += 1;
                if let Some(ds) = review.outcome.and_then(|o| o.dataset) {
                    last_title.clone_from(&ds.roles[0].title);
                }
            }
        }
        assert_eq!(last_title, format!("T{n}"), "the final content is read");
        let per_second = f64::from(reads) / (writing.as_secs_f64() + 1.0);
        assert!(
            reads >= 2 && per_second <= 1.0 / MIN_GAP.as_secs_f64() + 0.5,
            "{reads} reads for {n} writes in {writing:?}"
        );
    }
}
