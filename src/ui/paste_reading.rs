//! Reading a pasted text for technologies: a short text (a CV, a skills
//! list, an ad: a few KB, well under a millisecond) is read in the frame it
//! changed in; a long one on a named worker thread, so the box keeps
//! answering while it is read. Only the newest reading's result is kept.

use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use crate::model::recognize::{Found, Recognizer};

/// Texts up to this many bytes are read in the frame: at the recognition
/// bench's 0.2 ms per 1,000 words (about 7 KB, release build) that stays
/// under 1 ms; a 256 KB text would take the frame past 8 ms.
pub const IN_FRAME_BYTES: usize = 32 * 1024;

/// A reading under way on the worker.
struct Pending {
    reading: u64,
    result: Receiver<Vec<Found>>,
}

/// The readings of one text box: which is newest, and the one under way.
#[derive(Default)]
pub struct PasteReading {
    reading: u64,
    pending: Option<Pending>,
}

/// What [`PasteReading::poll`] has for the box.
pub enum Outcome {
    /// Nothing new.
    Unchanged,
    /// A reading finished: what the text holds.
    Read(Vec<Found>),
}

impl PasteReading {
    /// Counts the readings started, so what follows from one (the roles a
    /// job ad resembles) is kept until the next.
    #[must_use]
    pub fn reading(&self) -> u64 {
        self.reading
    }

    /// True while a long text is being read.
    #[must_use]
    pub fn busy(&self) -> bool {
        self.pending.is_some()
    }

    /// Reads `text` (already cut to the box's limit) with `recognizer`: at
    /// once when it is short, else on a worker that wakes the UI through
    /// `ctx` when done. A reading still under way is forgotten.
    pub fn start(
        &mut self,
        ctx: &egui::Context,
        recognizer: &Arc<Recognizer>,
        text: &str,
    ) -> Outcome {
        self.reading = self.reading.wrapping_add(1);
        self.pending = None;
        if text.len() <= IN_FRAME_BYTES {
            return Outcome::Read(recognizer.find(text));
        }
        let (tx, rx) = channel();
        let worker = (Arc::clone(recognizer), text.to_string(), ctx.clone());
        let spawned = std::thread::Builder::new()
            .name("paste reading".into())
            .spawn(move || {
                let (recognizer, text, ctx) = worker;
                // The box may have moved on: then nobody listens, which is fine.
                let _ = tx.send(recognizer.find(&text));
                ctx.request_repaint();
            });
        match spawned {
            Ok(_) => {
                self.pending = Some(Pending {
                    reading: self.reading,
                    result: rx,
                });
                Outcome::Unchanged
            }
            Err(e) => {
                // No thread to be had: read it here rather than not at all.
                log::warn!("could not start the paste reading thread: {e}");
                Outcome::Read(recognizer.find(text))
            }
        }
    }

    /// The result of the reading under way, once it is done.
    pub fn poll(&mut self) -> Outcome {
        let Some(p) = &self.pending else {
            return Outcome::Unchanged;
        };
        match p.result.try_recv() {
            Ok(found) if p.reading == self.reading => {
                self.pending = None;
                Outcome::Read(found)
            }
            Ok(_) | Err(TryRecvError::Disconnected) => {
                self.pending = None;
                Outcome::Unchanged
            }
            Err(TryRecvError::Empty) => Outcome::Unchanged,
        }
    }

    /// Forgets the text: nothing under way is kept.
    pub fn clear(&mut self) {
        self.reading = self.reading.wrapping_add(1);
        self.pending = None;
    }
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, Instant};

    use super::*;
    use crate::model::{Catalog, DatasetOrigin, LoadedDataset, bundled_dataset};

    fn techs(found: &[Found]) -> Vec<usize> {
        found.iter().map(|f| f.tech.0).collect()
    }

    #[test]
    fn a_long_text_is_read_off_the_frame_and_a_short_one_at_once() {
        let catalog = Catalog::new(vec![LoadedDataset {
            dataset: bundled_dataset(),
            origin: DatasetOrigin::Bundled,
            visible: true,
        }]);
        let recognizer = Arc::new(Recognizer::new(&catalog));
        let cv =
            "Five years of Python and PostgreSQL; Kubernetes (k8s) at work, some Rust and C#. ";
        let long = cv.repeat(256 * 1024 / cv.len());
        let start = Instant::now();
        let direct = recognizer.find(&long);
        eprintln!(
            "read {} KB in {:?} (this build's profile)",
            long.len() / 1024,
            start.elapsed()
        );
        assert!(direct.len() >= 5, "{:?}", techs(&direct));

        let ctx = egui::Context::default();
        let mut reading = PasteReading::default();
        assert!(matches!(
            reading.start(&ctx, &recognizer, &long),
            Outcome::Unchanged
        ));
        assert!(reading.busy());
        let deadline = Instant::now() + Duration::from_secs(30);
        let found = loop {
            if let Outcome::Read(found) = reading.poll() {
                break found;
            }
            assert!(Instant::now() < deadline, "the worker never answered");
            std::thread::sleep(Duration::from_millis(5));
        };
        assert!(!reading.busy());
        assert_eq!(techs(&found), techs(&direct));

        // A short text is read in the frame; a reading under way is dropped
        // when the text changes again.
        assert!(matches!(
            reading.start(&ctx, &recognizer, &long),
            Outcome::Unchanged
        ));
        let Outcome::Read(short) = reading.start(&ctx, &recognizer, cv) else {
            panic!("a short text waits for a worker");
        };
        assert_eq!(techs(&short), techs(&direct));
        assert!(!reading.busy());
        std::thread::sleep(Duration::from_millis(50));
        assert!(matches!(reading.poll(), Outcome::Unchanged));
    }
}
