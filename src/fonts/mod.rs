//! Text in any script: installed fonts as fallbacks for the characters the
//! bundled font (egui's Latin/Cyrillic/Greek "Ubuntu-Light") lacks.
//!
//! Nothing is scanned at start-up: egui asks [`FallbackFonts`] only when a
//! character to draw is in no loaded font. For the system folders the first
//! such request only marks the scan as wanted; [`after_frame`] then scans on
//! a named worker thread and re-installs the provider when done, so egui asks
//! again and finds the new faces (the text shows as boxes for those few
//! frames, never blocking the window). For folders named in
//! [`FontSource::Folders`] (tests, `CAREER_ATLAS_FONT_DIRS`) the scan runs
//! on the spot, so tests never depend on timing or on the machine's fonts.
//!
//! - [`coverage`]: which characters of a text have no glyph, and what to
//!   install for them (pure functions);
//! - [`discovery`]: the font-folder scan and per-character lookup;
//! - [`notice`]: the one-line UI hook that says so;
//! - [`runs`]: the app's own words laid out apart from right-to-left text.

pub mod coverage;
pub mod discovery;
pub mod notice;
pub mod runs;

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use egui::mutex::Mutex;
use egui::{FallbackRequest, FontData, FontFamily, FontInsert, FontPriority, InsertFontFamily};

pub use coverage::{advice, missing_chars};
pub use discovery::FontIndex;
pub use notice::missing_glyphs_notice;
pub use runs::separate_runs;

/// The environment variable that replaces the system font folders with a
/// list of folders (separated like `PATH`); empty turns fallbacks off.
pub const FONT_DIRS_VAR: &str = "CAREER_ATLAS_FONT_DIRS";

/// Where fallback fonts come from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum FontSource {
    /// The system's font folders (fontconfig's list on Linux), scanned on a
    /// worker thread the first time a character is missing.
    #[default]
    System,
    /// Only these folders (searched recursively), scanned on the spot the
    /// first time a character is missing.
    Folders(Vec<PathBuf>),
    /// No fallback fonts: missing characters are boxes, and reported.
    Off,
}

impl FontSource {
    /// [`FONT_DIRS_VAR`] if set, else the system folders.
    #[must_use]
    pub fn from_env() -> Self {
        match std::env::var_os(FONT_DIRS_VAR) {
            None => Self::System,
            Some(v) if v.is_empty() => Self::Off,
            Some(v) => Self::Folders(std::env::split_paths(&v).collect()),
        }
    }
}

/// Where the scan stands.
enum State {
    /// No character has been missing yet.
    Unused,
    /// A character was missing; [`after_frame`] starts the scan.
    Wanted,
    /// A worker thread is scanning.
    Scanning,
    /// Scanned: lookups are answered from the index.
    Ready(Box<FontIndex>),
}

/// The egui font provider: answers "which font has this character" from one
/// lazy scan of the font folders.
pub struct FallbackFonts {
    source: FontSource,
    /// Scan on a worker thread (system folders) or on the spot.
    background: bool,
    state: Mutex<State>,
    /// Bumped whenever a scan finishes, so views re-check what is missing.
    generation: AtomicU64,
    /// The generation egui's font system was last rebuilt for.
    installed: AtomicU64,
}

impl FallbackFonts {
    /// A provider for `source`; scans nothing yet.
    #[must_use]
    pub fn new(source: FontSource) -> Self {
        let background = source == FontSource::System;
        Self::with_background(source, background)
    }

    fn with_background(source: FontSource, background: bool) -> Self {
        Self {
            source,
            background,
            state: Mutex::new(State::Unused),
            generation: AtomicU64::new(0),
            installed: AtomicU64::new(0),
        }
    }

    /// True while a character is missing and its fonts are not in egui's
    /// font system yet: the scan is wanted or running, or has finished but
    /// egui still remembers the misses from before it (until [`after_frame`]).
    #[must_use]
    pub fn pending(&self) -> bool {
        matches!(*self.state.lock(), State::Wanted | State::Scanning)
            || self.installed.load(Ordering::Acquire) != self.generation()
    }

    /// Changes each time a scan finishes.
    #[must_use]
    pub fn generation(&self) -> u64 {
        self.generation.load(Ordering::Acquire)
    }

    fn finish(&self, index: FontIndex) {
        *self.state.lock() = State::Ready(Box::new(index));
        self.generation.fetch_add(1, Ordering::AcqRel);
    }
}

impl egui::FontProvider for FallbackFonts {
    fn font_for(&self, request: &FallbackRequest<'_>) -> Option<FontInsert> {
        let c = request.cluster.chars().next()?;
        if !coverage::needs_glyph(c) {
            return None;
        }
        let mut state = self.state.lock();
        if matches!(*state, State::Unused) {
            if self.background {
                *state = State::Wanted;
            } else {
                *state = State::Ready(Box::new(FontIndex::scan(&self.source)));
                self.generation.fetch_add(1, Ordering::AcqRel);
                self.installed.store(self.generation(), Ordering::Release);
            }
        }
        let State::Ready(index) = &mut *state else {
            return None;
        };
        let found = index.find(c, matches!(request.family, FontFamily::Monospace))?;
        Some(FontInsert::new(
            &found.name,
            FontData::from_blob(found.blob, found.index),
            vec![InsertFontFamily {
                family: request.family.clone(),
                priority: FontPriority::Lowest,
            }],
        ))
    }
}

fn key() -> egui::Id {
    egui::Id::unique("career_atlas::fonts::FallbackFonts")
}

/// Installs the fallback provider for `source` into `ctx` (replacing any
/// other font provider). Cheap: nothing is scanned until a character is missing.
pub fn install(ctx: &egui::Context, source: FontSource) {
    if source == FontSource::Off {
        return;
    }
    install_provider(ctx, Arc::new(FallbackFonts::new(source)));
}

fn install_provider(ctx: &egui::Context, fonts: Arc<FallbackFonts>) {
    ctx.data_mut(|d| d.insert_temp(key(), Arc::clone(&fonts)));
    ctx.set_font_providers(vec![fonts]);
}

/// The installed provider, if any.
#[must_use]
pub fn provider(ctx: &egui::Context) -> Option<Arc<FallbackFonts>> {
    ctx.data(|d| d.get_temp::<Arc<FallbackFonts>>(key()))
}

/// Call once at the end of every frame: starts a wanted scan on a worker
/// thread, and once a scan has finished makes egui ask for fonts again.
pub fn after_frame(ctx: &egui::Context) {
    let Some(fonts) = provider(ctx) else { return };
    let start = {
        let mut state = fonts.state.lock();
        if matches!(*state, State::Wanted) {
            *state = State::Scanning;
            true
        } else {
            false
        }
    };
    if start {
        let worker = Arc::clone(&fonts);
        let ctx2 = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("font-scan".into())
            .spawn(move || {
                let index = FontIndex::scan(&worker.source);
                worker.finish(index);
                ctx2.request_repaint();
            });
        if let Err(e) = spawned {
            log::warn!("fonts not scanned: {e}");
            fonts.finish(FontIndex::scan(&FontSource::Off));
        }
    }
    let generation = fonts.generation();
    if fonts.installed.swap(generation, Ordering::AcqRel) != generation {
        // egui remembers misses until its providers change.
        ctx.set_font_providers(vec![fonts]);
    }
}

#[cfg(test)]
mod tests;
