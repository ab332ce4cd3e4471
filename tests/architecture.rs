//! The rules of the module tree that the compiler does not check: panels
//! (`src/ui/`) read a narrow context and return commands, so they never name
//! the app type and never reach the disk.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a panic in a test is a failed test

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out
}

/// Each line of `src/<dir>` (comments left out) that contains one of `words`.
fn offending_lines(dir: &str, words: &[&str]) -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src").join(dir);
    let files = rust_files(&root);
    assert!(!files.is_empty(), "no Rust files under {}", root.display());
    let mut found = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.trim_start();
            if code.starts_with("//") {
                continue;
            }
            if words.iter().any(|w| code.contains(w)) {
                found.push(format!("{}:{}: {code}", file.display(), n + 1));
            }
        }
    }
    found
}

#[test]
fn no_panel_imports_the_app() {
    let found = offending_lines("ui", &["crate::app", "CareerAtlasApp"]);
    assert!(
        found.is_empty(),
        "panels naming the app:\n{}",
        found.join("\n")
    );
}

#[test]
fn no_panel_reaches_the_disk() {
    let found = offending_lines(
        "ui",
        &["crate::store", "crate::jobs::Jobs", "std::fs", "File::"],
    );
    assert!(
        found.is_empty(),
        "panels touching files (return a command instead):\n{}",
        found.join("\n")
    );
}

#[test]
fn the_model_knows_nothing_of_the_ui_or_the_disk() {
    let found = offending_lines(
        "model",
        &[
            "egui",
            "crate::app",
            "crate::ui",
            "crate::store",
            "crate::jobs",
        ],
    );
    assert!(
        found.is_empty(),
        "the model reaching out of its room:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_json_layer_knows_no_role_file() {
    let found = offending_lines(
        "json",
        &[
            "crate::model",
            "egui",
            "crate::app",
            "crate::ui",
            "crate::store",
        ],
    );
    assert!(
        found.is_empty(),
        "the JSON layer naming the format or anything above it:\n{}",
        found.join("\n")
    );
}
