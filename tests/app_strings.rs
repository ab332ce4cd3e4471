//! The app's own words use only characters its bundled font can draw: every
//! string literal in `src/` (outside test modules and comments) is laid out
//! with egui's default fonts and must not need a fallback font.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a panic in a test is a failed test

use std::path::{Path, PathBuf};

use career_atlas::fonts::missing_chars;
use egui::FontId;
use egui::epaint::text::{FontDefinitions, Fonts, TextOptions};

/// Literals owned by another branch of issue 14 (the reader moves to
/// `src/model/format/`): listed here so this test can land first. Each
/// entry must still exist, or the test fails and asks for its removal.
const PENDING_ELSEWHERE: &[(&str, &str)] = &[];

/// Sources whose strings are written to files or the clipboard, never drawn.
const NOT_DRAWN: &[&str] = &["src/model/markdown.rs"];

/// String literals in Rust source, with the line each starts on; comments,
/// char literals and everything from the first `#[cfg(test)]` on are skipped.
fn string_literals(source: &str) -> Vec<(usize, String)> {
    let source = source.split("#[cfg(test)]").next().unwrap_or_default();
    let chars: Vec<char> = source.chars().collect();
    let mut out = Vec::new();
    let (mut i, mut line) = (0, 1);
    let at = |i: usize| chars.get(i).copied().unwrap_or('\0');
    while i < chars.len() {
        let c = chars[i];
        match c {
            '\n' => {
                line += 1;
                i += 1;
            }
            '/' if at(i + 1) == '/' => {
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
            }
            '/' if at(i + 1) == '*' => {
                let mut depth = 0;
                loop {
                    if at(i) == '/' && at(i + 1) == '*' {
                        depth += 1;
                        i += 2;
                    } else if at(i) == '*' && at(i + 1) == '/' {
                        depth -= 1;
                        i += 2;
                        if depth == 0 {
                            break;
                        }
                    } else {
                        if at(i) == '\n' {
                            line += 1;
                        }
                        i += 1;
                    }
                    if i >= chars.len() {
                        break;
                    }
                }
            }
            '\'' => {
                // A char literal ('x', '\n', '\u{..}') or a lifetime ('a).
                if at(i + 1) == '\\' {
                    i += 2;
                    while i < chars.len() && chars[i] != '\'' {
                        i += 1;
                    }
                    i += 1;
                } else if at(i + 2) == '\'' {
                    i += 3;
                } else {
                    i += 1;
                }
            }
            'r' if (at(i + 1) == '"' || at(i + 1) == '#')
                && !at(i.wrapping_sub(1)).is_alphanumeric()
                && at(i.wrapping_sub(1)) != '_' =>
            {
                let mut j = i + 1;
                let mut hashes = 0;
                while at(j) == '#' {
                    hashes += 1;
                    j += 1;
                }
                if at(j) != '"' {
                    i += 1;
                    continue;
                }
                let close: String = std::iter::once('"')
                    .chain(std::iter::repeat_n('#', hashes))
                    .collect();
                let start_line = line;
                let mut text = String::new();
                j += 1;
                while j < chars.len() {
                    let rest: String = chars[j..(j + close.len()).min(chars.len())]
                        .iter()
                        .collect();
                    if rest == close {
                        break;
                    }
                    if chars[j] == '\n' {
                        line += 1;
                    }
                    text.push(chars[j]);
                    j += 1;
                }
                out.push((start_line, text));
                i = j + close.len();
            }
            '"' => {
                let start_line = line;
                let mut text = String::new();
                i += 1;
                while i < chars.len() && chars[i] != '"' {
                    if chars[i] == '\\' {
                        i += 2;
                        continue;
                    }
                    if chars[i] == '\n' {
                        line += 1;
                    }
                    text.push(chars[i]);
                    i += 1;
                }
                out.push((start_line, text));
                i += 1;
            }
            _ => i += 1,
        }
    }
    out
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn the_literal_walker_finds_strings_and_skips_the_rest() {
    let src = "// \"no\"\nlet a = \"yes → 1\"; /* \"no\" */ let b = r#\"raw \"q\"\"#;\nfn f<'a>(c: char) { c == '\"' }\nlet d = \"x\\\"y\";\n#[cfg(test)]\nlet e = \"test\";";
    let found: Vec<(usize, String)> = string_literals(src);
    assert_eq!(
        found,
        vec![
            (2, "yes → 1".to_owned()),
            (2, "raw \"q\"".to_owned()),
            (4, "xy".to_owned()),
        ]
    );
}

#[test]
fn every_string_of_the_app_has_glyphs_in_the_bundled_font() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    files.sort();
    let mut fonts = Fonts::new(TextOptions::default(), FontDefinitions::default());
    let mut view = fonts.with_pixels_per_point(1.0);
    let font = FontId::proportional(14.0);
    let mut problems = Vec::new();
    let mut pending_seen = vec![false; PENDING_ELSEWHERE.len()];
    for file in files {
        let rel = file
            .strip_prefix(root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        if rel.ends_with("/tests.rs") || NOT_DRAWN.contains(&rel.as_str()) {
            continue; // a test module of its own, or text that is never drawn
        }
        let source = std::fs::read_to_string(&file).unwrap();
        for (line, text) in string_literals(&source) {
            let missing = missing_chars(&text, |c| view.has_glyph(&font, c));
            if missing.is_empty() {
                continue;
            }
            if let Some(k) = PENDING_ELSEWHERE
                .iter()
                .position(|(f, t)| *f == rel && *t == text)
            {
                pending_seen[k] = true;
                continue;
            }
            problems.push(format!("{rel}:{line}: {missing:?} in {text:?}"));
        }
    }
    assert!(
        problems.is_empty(),
        "characters the bundled font cannot draw (shown as boxes):\n{}",
        problems.join("\n")
    );
    for (k, seen) in pending_seen.iter().enumerate() {
        assert!(
            seen,
            "{:?} is fixed or gone: remove it from PENDING_ELSEWHERE",
            PENDING_ELSEWHERE[k]
        );
    }
}
