//! The background writer: the app hands it a file's new content and goes on
//! drawing; a named thread writes it with the store's atomic writer.
//!
//! Requests are coalesced: the first request after a quiet spell starts a
//! short wait ([`COALESCE`]); everything requested during it is written in
//! one batch, and a file asked for several times is written once, with its
//! latest content. So a burst of keystrokes in a note gives one or two writes,
//! and a change reaches the disk within [`COALESCE`] plus the time the writes
//! take (a few milliseconds for the profile; longer while a 100 MB dataset
//! copy is written ahead of it).
//!
//! Within a batch, files are written in the order of their latest request: a
//! file that names another (the library index naming a dataset copy) is
//! written after it when it was requested after it, so a kill between the two
//! never leaves the index naming a copy that is not there.
//!
//! Failures come back through [`Writer::take_failures`] (with a wake-up call
//! so the app polls soon); a failed write is tried again with the next batch
//! unless newer content for its file has come since. [`Writer::flush`] blocks
//! until everything requested is on disk (for exit); dropping the writer does
//! the same.

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use super::{Document, Store, StoreError, encode};

/// How long the writer gathers requests after the first one before writing:
/// long enough to fold a burst of keystrokes into one write, short enough
/// that a change is on disk well within a second.
pub const COALESCE: Duration = Duration::from_millis(300);

/// Documents up to this size are remembered after writing, so asking for the
/// same content again (settings marked dirty without a change) writes nothing.
const REMEMBERED: usize = 1 << 20;

/// What to do with one file.
#[derive(Debug, Clone)]
enum Content {
    /// A versioned JSON document: replaced atomically, its previous good
    /// version kept as `FILE.bak` ([`Store::write_document`]).
    Document(Arc<[u8]>),
    /// Plain bytes (a dataset copy), replaced atomically.
    File(Arc<[u8]>),
    /// Delete the file.
    Remove,
}

enum Message {
    Write(String, Content),
    /// Write everything now, then answer.
    Flush(Sender<()>),
}

/// Where the writer's requests end up: the store, or a recorder in tests.
trait Sink: Send {
    fn apply(&mut self, file: &str, content: &Content) -> Result<(), StoreError>;
}

impl Sink for Store {
    fn apply(&mut self, file: &str, content: &Content) -> Result<(), StoreError> {
        match content {
            Content::Document(bytes) => self.write_document(file, bytes),
            Content::File(bytes) => self.write_file(file, bytes),
            Content::Remove => self.remove_file(file),
        }
    }
}

/// Something to call after reporting a failure (the app's repaint request).
pub type Wake = Arc<dyn Fn() + Send + Sync>;

/// The handle the app keeps; requests return at once, the writing happens on
/// the thread `store writer`.
pub struct Writer {
    tx: Option<Sender<Message>>,
    failures: Receiver<StoreError>,
    writes: Arc<AtomicUsize>,
    thread: Option<JoinHandle<()>>,
    /// For failures found on the caller's side (encoding, a stopped thread).
    failure_tx: Sender<StoreError>,
    store: Store,
}

impl Writer {
    /// Starts the writer thread for `store`; `wake` is called after a failure
    /// is reported, so the app shows it without waiting for input.
    ///
    /// # Errors
    /// When the system cannot start a thread.
    pub fn start(store: Store, wake: Wake) -> std::io::Result<Self> {
        Self::start_with(store.clone(), Box::new(store), COALESCE, wake)
    }

    fn start_with(
        store: Store,
        sink: Box<dyn Sink>,
        coalesce: Duration,
        wake: Wake,
    ) -> std::io::Result<Self> {
        let (tx, rx) = mpsc::channel();
        let (failure_tx, failures) = mpsc::channel();
        let writes = Arc::new(AtomicUsize::new(0));
        let worker = Worker {
            sink,
            rx,
            failures: failure_tx.clone(),
            wake,
            writes: Arc::clone(&writes),
            coalesce,
            remembered: HashMap::new(),
        };
        let thread = std::thread::Builder::new()
            .name("store writer".into())
            .spawn(move || worker.run())?;
        Ok(Self {
            tx: Some(tx),
            failures,
            writes,
            thread: Some(thread),
            failure_tx,
            store,
        })
    }

    /// Asks for a document to be saved with `value` as its content. The value
    /// is serialised here, on the caller's thread (cheap: a profile of a few
    /// hundred skills takes well under a millisecond); the disk work is not.
    pub fn save<T: Document>(&self, value: &T) {
        match encode(value) {
            Ok(bytes) => self.send(T::FILE.to_owned(), Content::Document(bytes.into())),
            Err(e) => self.report(StoreError::Damaged {
                path: self.store.path(T::FILE),
                message: format!("it could not be encoded: {e}"),
            }),
        }
    }

    /// Asks for `bytes` to be written to `file` (a path relative to the data
    /// folder) as they are, without a backup.
    pub fn write_file(&self, file: String, bytes: Arc<[u8]>) {
        self.send(file, Content::File(bytes));
    }

    /// Asks for `file` (relative to the data folder) to be deleted.
    pub fn remove_file(&self, file: String) {
        self.send(file, Content::Remove);
    }

    /// Failures since the last call, oldest first; each names its file.
    #[must_use]
    pub fn take_failures(&self) -> Vec<StoreError> {
        self.failures.try_iter().collect()
    }

    /// Number of files written or removed so far (for tests and diagnostics).
    #[must_use]
    pub fn writes_done(&self) -> usize {
        self.writes.load(Ordering::Acquire)
    }

    /// Blocks until everything requested so far is on disk (or has failed,
    /// which [`Writer::take_failures`] then tells). For exit: never call it in
    /// a frame. Returns false when the writer thread is gone.
    pub fn flush(&self) -> bool {
        let (ack_tx, ack) = mpsc::channel();
        let Some(tx) = &self.tx else { return false };
        if tx.send(Message::Flush(ack_tx)).is_err() {
            return false;
        }
        ack.recv().is_ok()
    }

    fn send(&self, file: String, content: Content) {
        let message = Message::Write(file, content);
        let unsent = match &self.tx {
            Some(tx) => tx.send(message).err().map(|e| e.0),
            None => Some(message),
        };
        if let Some(Message::Write(file, _)) = unsent {
            self.report(StoreError::Io {
                action: "cannot save",
                path: self.store.path(&file),
                source: std::io::Error::other("the writer thread has stopped"),
            });
        }
    }

    fn report(&self, error: StoreError) {
        log::warn!("{error}");
        // The receiver lives in `self`, so this cannot fail.
        let _ = self.failure_tx.send(error);
    }
}

impl Drop for Writer {
    /// Writes what is still pending, then stops the thread.
    fn drop(&mut self) {
        // Closing the channel makes the thread write its last batch and end.
        drop(self.tx.take());
        if let Some(thread) = self.thread.take()
            && thread.join().is_err()
        {
            log::error!("the store writer thread panicked");
        }
    }
}

struct Worker {
    sink: Box<dyn Sink>,
    rx: Receiver<Message>,
    failures: Sender<StoreError>,
    wake: Wake,
    writes: Arc<AtomicUsize>,
    coalesce: Duration,
    /// The last content written of each small document.
    remembered: HashMap<String, Arc<[u8]>>,
}

/// Files to write, in the order of their latest request.
#[derive(Default)]
struct Batch {
    files: Vec<(String, Content)>,
    flushes: Vec<Sender<()>>,
}

impl Batch {
    fn add(&mut self, message: Message) {
        match message {
            Message::Write(file, content) => self.put(file, content),
            Message::Flush(ack) => self.flushes.push(ack),
        }
    }

    fn put(&mut self, file: String, content: Content) {
        self.files.retain(|(f, _)| *f != file);
        self.files.push((file, content));
    }
}

impl Worker {
    fn run(mut self) {
        let mut retry: Vec<(String, Content)> = Vec::new();
        loop {
            let Ok(first) = self.rx.recv() else {
                return;
            };
            let mut batch = Batch::default();
            // Earlier failures go first, so newer content for the same file wins.
            for (file, content) in retry.drain(..) {
                batch.put(file, content);
            }
            batch.add(first);
            let open = self.gather(&mut batch);
            retry = self.write(batch.files);
            for ack in batch.flushes {
                let _ = ack.send(());
            }
            if !open {
                return;
            }
        }
    }

    /// Adds requests to `batch` until the coalescing wait is over or a flush
    /// is asked for. False when the channel has closed (the app is exiting).
    fn gather(&self, batch: &mut Batch) -> bool {
        let deadline = Instant::now() + self.coalesce;
        while batch.flushes.is_empty() {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.rx.recv_timeout(left) {
                Ok(message) => batch.add(message),
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => return false,
            }
        }
        // Whatever is already queued rides along instead of waiting a round.
        loop {
            match self.rx.try_recv() {
                Ok(message) => batch.add(message),
                Err(mpsc::TryRecvError::Empty) => return true,
                Err(mpsc::TryRecvError::Disconnected) => return false,
            }
        }
    }

    /// Writes the files in order; returns those that failed.
    fn write(&mut self, files: Vec<(String, Content)>) -> Vec<(String, Content)> {
        let mut failed = Vec::new();
        for (file, content) in files {
            if let Content::Document(bytes) = &content
                && self.remembered.get(&file).is_some_and(|b| b == bytes)
            {
                continue;
            }
            match self.sink.apply(&file, &content) {
                Ok(()) => {
                    self.writes.fetch_add(1, Ordering::AcqRel);
                    match &content {
                        Content::Document(bytes) if bytes.len() <= REMEMBERED => {
                            self.remembered.insert(file, Arc::clone(bytes));
                        }
                        _ => {
                            self.remembered.remove(&file);
                        }
                    }
                }
                Err(e) => {
                    log::warn!("{e}");
                    let _ = self.failures.send(e);
                    (self.wake)();
                    failed.push((file, content));
                }
            }
        }
        failed
    }
}

#[cfg(test)]
mod tests;
