//! Finding installed fonts for characters the bundled fonts lack: one scan
//! of the font folders (with `fontdb`, which reads fontconfig's folder list
//! on Linux and knows the Windows and macOS folders), then a cheap lookup per
//! character.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use fontdb::{Database, ID, Source, Style};
use skrifa::{FontRef, MetadataProvider};

use super::FontSource;
use super::coverage::{FontGroup, group_of};

/// Shared bytes of one font file, as egui's `FontData` takes them.
pub type Blob = Arc<dyn AsRef<[u8]> + Send + Sync>;

/// Code points up to here are indexed by block; above it nothing is found
/// (only private-use planes remain).
const INDEXED: u32 = 0x3_0000;
/// One bit per block of 256 code points.
const WORDS: usize = (INDEXED as usize >> 8) / 64;

/// One face found in the scan.
struct Face {
    id: ID,
    /// Name given to egui; unique per face.
    name: String,
    /// Preference when several faces have a character (higher first), for
    /// proportional and for monospace text.
    score: [i32; 2],
    /// Size of its file: among equals, the smaller file costs less memory.
    file_len: u64,
    /// A CJK face (thousands of Han characters): large, and its Latin,
    /// Greek and Cyrillic letters are drawn in CJK proportions.
    cjk: bool,
    /// A CJK face for the locale's variant of Han (see [`han_preference`]).
    han_locale: bool,
    /// Which 256-code-point blocks have at least one mapped character.
    blocks: [u64; WORDS],
}

/// A face chosen for a character.
pub struct Found {
    /// Unique name for egui's font list.
    pub name: String,
    /// The font file's bytes.
    pub blob: Blob,
    /// The face's index in a collection (`.ttc`), else 0.
    pub index: u32,
}

/// The result of one scan of the font folders.
pub struct FontIndex {
    db: Database,
    faces: Vec<Face>,
    /// Files already read, by path: the faces of one `.ttc` share one copy.
    loaded: HashMap<PathBuf, Blob>,
}

impl FontIndex {
    /// Scans the folders of `source` and indexes which blocks each face
    /// covers. Slow (tens to hundreds of milliseconds on a desktop with many
    /// fonts): run it once, and off the UI thread for the system folders.
    #[must_use]
    pub fn scan(source: &FontSource) -> Self {
        let start = std::time::Instant::now();
        let mut db = Database::new();
        match source {
            FontSource::System => db.load_system_fonts(),
            FontSource::Folders(dirs) => {
                for dir in dirs {
                    db.load_fonts_dir(dir);
                }
            }
            FontSource::Off => {}
        }
        let han = han_preference();
        let mut faces = Vec::new();
        for info in db.faces() {
            let Some(blocks) = db.with_face_data(info.id, blocks_of) else {
                continue;
            };
            let Some(blocks) = blocks else { continue };
            let family = info.families.first().map_or("", |(name, _)| name.as_str());
            let file_len = match &info.source {
                Source::File(p) | Source::SharedFile(p, _) => {
                    std::fs::metadata(p).map_or(u64::MAX, |m| m.len())
                }
                Source::Binary(b) => (**b).as_ref().len() as u64,
            };
            // Blocks 0x4E..=0x9F hold the common Han ideographs.
            let han_blocks = (0x4E..=0x9F)
                .filter(|b: &usize| blocks[b / 64] & (1 << (b % 64)) != 0)
                .count();
            let cjk = han_blocks > 40 || family.contains("CJK");
            faces.push(Face {
                id: info.id,
                name: format!("fallback:{family}:{}", info.post_script_name),
                score: [false, true].map(|mono| score(info, family, mono)),
                file_len,
                cjk,
                han_locale: cjk && family.ends_with(han),
                blocks,
            });
        }
        log::debug!("font scan: {} faces in {:?}", faces.len(), start.elapsed());
        Self {
            db,
            faces,
            loaded: HashMap::new(),
        }
    }

    /// How many faces the scan found.
    #[must_use]
    pub fn len(&self) -> usize {
        self.faces.len()
    }

    /// True when the scan found no usable face.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.faces.is_empty()
    }

    /// The best face with an outline glyph for `c` (colour-bitmap-only
    /// faces such as Noto Color Emoji are skipped: egui cannot draw them),
    /// read into memory on first use.
    pub fn find(&mut self, c: char, monospace: bool) -> Option<Found> {
        let cp = u32::from(c);
        if cp >= INDEXED {
            return None;
        }
        let (word, bit) = ((cp >> 8) as usize / 64, (cp >> 8) % 64);
        let mode = usize::from(monospace);
        let cjk_char = group_of(c) == FontGroup::Cjk;
        let score = |f: &Face| {
            f.score[mode]
                + match (cjk_char, f.cjk) {
                    (true, true) => 5 * i32::from(f.han_locale),
                    (false, true) => -25,
                    _ => 0,
                }
        };
        let mut candidates: Vec<&Face> = self
            .faces
            .iter()
            .filter(|f| f.blocks[word] & (1 << bit) != 0)
            .collect();
        // Among equals, a face covering more blocks is a general text face
        // rather than one made for another script that borrows these letters.
        let breadth = |f: &Face| f.blocks.iter().map(|w| w.count_ones()).sum::<u32>();
        candidates.sort_by(|a, b| {
            score(b)
                .cmp(&score(a))
                .then(breadth(b).cmp(&breadth(a)))
                .then(a.file_len.cmp(&b.file_len))
        });
        let face = candidates.into_iter().find(|f| {
            self.db
                .with_face_data(f.id, |data, index| draws(data, index, c))
                .unwrap_or(false)
        })?;
        let (name, id) = (face.name.clone(), face.id);
        let (source, index) = self.db.face_source(id)?;
        let blob = match &source {
            Source::File(path) | Source::SharedFile(path, _) => {
                if let Some(b) = self.loaded.get(path) {
                    Arc::clone(b)
                } else {
                    let bytes = self.db.with_face_data(id, |data, _| data.to_vec())?;
                    let blob: Blob = Arc::new(bytes);
                    self.loaded.insert(path.clone(), Arc::clone(&blob));
                    blob
                }
            }
            Source::Binary(b) => Arc::clone(b),
        };
        Some(Found { name, blob, index })
    }
}

/// The blocks with a mapped character, or `None` if the face cannot be read.
fn blocks_of(data: &[u8], index: u32) -> Option<[u64; WORDS]> {
    let font = FontRef::from_index(data, index).ok()?;
    let mut blocks = [0u64; WORDS];
    for (cp, _) in font.charmap().mappings() {
        if cp < INDEXED {
            let block = (cp >> 8) as usize;
            blocks[block / 64] |= 1 << (block % 64);
        }
    }
    Some(blocks)
}

/// True when the face maps `c` to a glyph with an outline egui can draw.
fn draws(data: &[u8], index: u32, c: char) -> bool {
    let Ok(font) = FontRef::from_index(data, index) else {
        return false;
    };
    font.charmap()
        .map(c)
        .is_some_and(|g| g.to_u32() != 0 && font.outline_glyphs().get(g).is_some())
}

/// Which CJK face to prefer: the glyph shapes of shared Han characters
/// differ between Chinese, Japanese and Korean, so follow the locale.
fn han_preference() -> &'static str {
    let locale = ["LC_ALL", "LC_CTYPE", "LANG"]
        .iter()
        .find_map(|k| std::env::var(k).ok().filter(|v| !v.is_empty()))
        .unwrap_or_default();
    match locale.get(..5).unwrap_or(locale.as_str()) {
        l if l.starts_with("ja") => "JP",
        l if l.starts_with("ko") => "KR",
        "zh_TW" => "TC",
        "zh_HK" | "zh_MO" => "HK",
        _ => "SC",
    }
}

/// Preference of a face for body text: regular upright sans faces first,
/// Noto (made to match across scripts) before others, UI variants (their
/// line height fits a UI row) before text variants.
fn score(info: &fontdb::FaceInfo, family: &str, monospace: bool) -> i32 {
    let mut s = 0;
    if family.contains("Noto") {
        s += 20;
    }
    if family.contains("Sans") {
        s += 10;
    } else if family.contains("Serif") {
        s -= 10;
    }
    if family.ends_with(" UI") {
        s += 2;
    }
    if family.contains("Display") {
        // Drawn for headlines: wide spacing at body sizes.
        s -= 5;
    }
    let mono = info.monospaced || family.contains("Mono");
    if mono == monospace {
        s += 15;
    }
    if info.style != Style::Normal {
        s -= 30;
    }
    s -= i32::from(info.weight.0.abs_diff(400)) / 10;
    if info.stretch != fontdb::Stretch::Normal {
        s -= 10;
    }
    s
}
