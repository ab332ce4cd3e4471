//! Which characters of a text no loaded font can draw, and what to install
//! for them. Pure functions: no egui, no files.

use std::fmt::Write as _;

/// True for characters that are drawn with a glyph of their own. Spaces,
/// controls, joiners, direction marks, variation selectors and the generic
/// combining accents are not: they either draw nothing or ride on the glyph
/// before them, so a font is never looked up for them alone.
#[must_use]
pub fn needs_glyph(c: char) -> bool {
    !(c.is_whitespace()
        || c.is_control()
        || matches!(c,
            '\u{00AD}'                  // soft hyphen
            | '\u{034F}'                // combining grapheme joiner
            | '\u{061C}'                // Arabic letter mark
            | '\u{200B}'..='\u{200F}'   // zero-width space, joiners, LRM/RLM
            | '\u{202A}'..='\u{202E}'   // bidi embeddings and overrides
            | '\u{2060}'..='\u{206F}'   // word joiner, isolates, invisible operators
            | '\u{FE00}'..='\u{FE0F}'   // variation selectors (emoji presentation)
            | '\u{FEFF}'                // byte order mark
            | '\u{E0000}'..='\u{E007F}' // tags (flag sequences)
            | '\u{E0100}'..='\u{E01EF}' // variation selectors supplement
            | '\u{0300}'..='\u{036F}'   // combining diacritical marks
            | '\u{1AB0}'..='\u{1AFF}'
            | '\u{1DC0}'..='\u{1DFF}'
            | '\u{20D0}'..='\u{20FF}'
            | '\u{FE20}'..='\u{FE2F}'
            | '\u{1F3FB}'..='\u{1F3FF}' // skin-tone modifiers
        ))
}

/// The distinct characters of `text` that need a glyph and for which
/// `has_glyph` says no loaded font has one, in order of first appearance.
///
/// `has_glyph` is asked at most once per distinct character.
pub fn missing_chars(text: &str, mut has_glyph: impl FnMut(char) -> bool) -> Vec<char> {
    let mut seen = std::collections::HashSet::new();
    let mut missing = Vec::new();
    for c in text.chars() {
        if needs_glyph(c) && seen.insert(c) && !has_glyph(c) {
            missing.push(c);
        }
    }
    missing
}

/// Groups of scripts that are installed together as one font package.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FontGroup {
    /// Chinese, Japanese, Korean (Han, kana, Hangul, full-width forms).
    Cjk,
    /// Arabic script (Arabic, Persian, Urdu).
    Arabic,
    /// Hebrew.
    Hebrew,
    /// Devanagari (Hindi, Marathi, Nepali).
    Devanagari,
    /// Thai.
    Thai,
    /// Emoji and pictographs.
    Emoji,
    /// Anything else: Latin, Greek, Cyrillic, symbols, other scripts.
    Other,
}

/// The group a character's font comes in.
#[must_use]
pub fn group_of(c: char) -> FontGroup {
    match u32::from(c) {
        0x1100..=0x11FF
        | 0x2E80..=0x2FFF
        | 0x3000..=0x30FF
        | 0x3130..=0x318F
        | 0x31C0..=0x9FFF
        | 0xA960..=0xA97F
        | 0xAC00..=0xD7FF
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFFEF
        | 0x20000..=0x3FFFF => FontGroup::Cjk,
        0x0600..=0x06FF | 0x0750..=0x077F | 0x0870..=0x08FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => {
            FontGroup::Arabic
        }
        0x0590..=0x05FF | 0xFB1D..=0xFB4F => FontGroup::Hebrew,
        0x0900..=0x097F | 0xA8E0..=0xA8FF => FontGroup::Devanagari,
        0x0E00..=0x0E7F => FontGroup::Thai,
        0x2600..=0x27BF | 0x2B00..=0x2BFF | 0x1F000..=0x1FAFF => FontGroup::Emoji,
        _ => FontGroup::Other,
    }
}

/// Which operating system to give install advice for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Platform {
    /// Linux and other Unix desktops with a package manager.
    Linux,
    /// Windows.
    Windows,
    /// macOS.
    MacOs,
}

impl Platform {
    /// The platform this build runs on.
    #[must_use]
    pub fn current() -> Self {
        if cfg!(target_os = "windows") {
            Self::Windows
        } else if cfg!(target_os = "macos") {
            Self::MacOs
        } else {
            Self::Linux
        }
    }
}

/// Debian/Ubuntu and Fedora packages with fonts for `group`.
#[must_use]
pub fn packages(group: FontGroup) -> (&'static str, &'static str) {
    match group {
        FontGroup::Cjk => ("fonts-noto-cjk", "google-noto-sans-cjk-fonts"),
        FontGroup::Arabic => ("fonts-noto-core", "google-noto-sans-arabic-fonts"),
        FontGroup::Hebrew => ("fonts-noto-core", "google-noto-sans-hebrew-fonts"),
        FontGroup::Devanagari => ("fonts-noto-core", "google-noto-sans-devanagari-fonts"),
        FontGroup::Thai => ("fonts-noto-core", "google-noto-sans-thai-fonts"),
        // Colour emoji fonts cannot be drawn yet; these have outline emoji.
        FontGroup::Emoji => ("fonts-symbola", "gdouros-symbola-fonts"),
        FontGroup::Other => ("fonts-noto-core", "google-noto-sans-fonts"),
    }
}

/// One plain paragraph saying that some characters cannot be shown and what
/// to install on `platform`; `None` when nothing is missing. The first
/// eight characters are named by code point (`U+540E`): quoting them would
/// only draw more boxes.
#[must_use]
pub fn advice(missing: &[char], platform: Platform) -> Option<String> {
    if missing.is_empty() {
        return None;
    }
    let mut quoted: String = missing
        .iter()
        .take(8)
        .map(|&c| format!("U+{:04X}", u32::from(c)))
        .collect::<Vec<_>>()
        .join(", ");
    if missing.len() > 8 {
        quoted.push_str(", …");
    }
    let what = if missing.len() == 1 {
        "1 character"
    } else {
        "Some characters"
    };
    let mut text = format!(
        "{what} in this text cannot be shown, because no font on this computer has {} ({quoted}); they are drawn as boxes. ",
        if missing.len() == 1 { "it" } else { "them" }
    );
    let mut groups: Vec<FontGroup> = missing.iter().map(|&c| group_of(c)).collect();
    groups.sort_unstable();
    groups.dedup();
    match platform {
        Platform::Linux => {
            let mut debian: Vec<&str> = Vec::new();
            for &g in &groups {
                if !debian.contains(&packages(g).0) {
                    debian.push(packages(g).0);
                }
            }
            let fedora: Vec<&str> = groups.iter().map(|&g| packages(g).1).collect();
            let _ = write!(
                text,
                "To see them, install fonts for them — on Debian or Ubuntu: sudo apt install {}; on Fedora: sudo dnf install {} — then restart Career Atlas.",
                debian.join(" "),
                fedora.join(" ")
            );
        }
        Platform::Windows => text.push_str(
            "Windows includes fonts for most scripts: add the language in Settings, Time & language, Language & region (with its optional fonts), then restart Career Atlas.",
        ),
        Platform::MacOs => text.push_str(
            "macOS includes fonts for most scripts: Font Book can download the ones not yet on this Mac; then restart Career Atlas.",
        ),
    }
    if groups.contains(&FontGroup::Emoji) {
        text.push_str(" Colour emoji fonts cannot be drawn yet; a font with outline emoji (such as Symbola or Noto Emoji) can.");
    }
    Some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_characters_with_their_own_glyph_are_checked() {
        let asked = std::cell::RefCell::new(Vec::new());
        let missing = missing_chars("a b\u{200D}\u{FE0F}é\u{0301}aé\n", |c| {
            asked.borrow_mut().push(c);
            c == 'a'
        });
        assert_eq!(missing, vec!['b', 'é']);
        assert_eq!(*asked.borrow(), vec!['a', 'b', 'é']);
    }

    #[test]
    fn advice_names_the_packages_for_the_scripts_missing() {
        let text = advice(&['后', 'م'], Platform::Linux).unwrap();
        assert!(
            text.contains("sudo apt install fonts-noto-cjk fonts-noto-core"),
            "{text}"
        );
        assert!(
            text.contains("google-noto-sans-cjk-fonts google-noto-sans-arabic-fonts"),
            "{text}"
        );
        assert!(text.contains("(U+540E, U+0645)"), "{text}");
        assert!(advice(&[], Platform::Linux).is_none());
        let windows = advice(&['🚀'], Platform::Windows).unwrap();
        assert!(windows.contains("Windows includes fonts"), "{windows}");
        assert!(windows.contains("Colour emoji"), "{windows}");
    }

    #[test]
    fn scripts_fall_in_their_groups() {
        for (c, g) in [
            ('后', FontGroup::Cjk),
            ('バ', FontGroup::Cjk),
            ('한', FontGroup::Cjk),
            ('م', FontGroup::Arabic),
            ('ש', FontGroup::Hebrew),
            ('क', FontGroup::Devanagari),
            ('ก', FontGroup::Thai),
            ('🚀', FontGroup::Emoji),
            ('ậ', FontGroup::Other),
        ] {
            assert_eq!(group_of(c), g, "{c}");
        }
    }
}
