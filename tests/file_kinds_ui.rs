//! A file that is not a role file, imported in the real app: a skill profile
//! export (dropped, picked in the Import dialog, or named on the command line)
//! is offered as a profile import; other kinds are named in one line.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a panic in a test is a failed test

mod common;

use common::{app, drop_file, settle};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use career_atlas::jobs::FilePicker;
use career_atlas::{AppConfig, CareerAtlasApp};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// A profile as Export profile… writes it, with one technology of the
/// bundled data and one unknown to it.
const PROFILE: &str = r#"{
  "version": 1,
  "skills": {
    "docker": {"level": "at_work", "name": "Docker"},
    "cobol": {"level": "learning", "note": "for the bank job", "name": "COBOL"}
  }
}
"#;

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// The offer is shown; accepting it merges the profile and says so.
fn accept_offer(harness: &mut Harness<'_, CareerAtlasApp>, file: &str) {
    harness.get_by_label_contains(&format!("Import “{file}” as your skill profile?"));
    harness.get_by_label_contains("This is a Career Atlas skill profile with 2 skills");
    assert!(
        harness
            .query_by_label_contains("Nothing from this file was imported")
            .is_none(),
        "a profile is offered, not reported as an error"
    );
    let datasets = harness.state().catalog().datasets.len();
    harness
        .get_by_role_and_label(Role::Button, "Import as my skill profile")
        .click();
    harness.run();
    harness.get_by_label_contains("Merged 2 skills from");
    assert!(
        harness
            .query_by_label_contains("as your skill profile?")
            .is_none()
    );
    assert_eq!(
        harness.state().catalog().datasets.len(),
        datasets,
        "no dataset was added"
    );
    // Docker now counts as known on My skills.
    harness
        .query_all_by_label("My skills")
        .next()
        .unwrap()
        .click();
    harness.run();
    harness.get_by_label_contains("Use it at work: 1");
}

#[test]
fn a_dropped_profile_export_is_offered_as_a_profile_import() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "career-atlas-profile.json", PROFILE.as_bytes());
    let mut harness = app(dir.path(), AppConfig::default());
    drop_file(&mut harness, &file);
    accept_offer(&mut harness, "career-atlas-profile.json");
}

#[test]
fn a_profile_given_on_the_command_line_is_offered_too_and_cancel_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "me.json", PROFILE.as_bytes());
    let config = AppConfig {
        import_files: vec![file],
        ..AppConfig::default()
    };
    let mut harness = app(dir.path(), config);
    settle(&mut harness);
    harness.get_by_label_contains("Import “me.json” as your skill profile?");
    harness
        .get_by_role_and_label(Role::Button, "Cancel")
        .click();
    harness.run();
    assert!(harness.query_by_label_contains("Merged").is_none());
    assert!(
        harness
            .query_by_label_contains("as your skill profile?")
            .is_none()
    );
}

struct Picks(PathBuf);

impl FilePicker for Picks {
    fn pick_files(&self) -> Option<Vec<PathBuf>> {
        // A person takes a moment to choose.
        std::thread::sleep(std::time::Duration::from_millis(350));
        Some(vec![self.0.clone()])
    }
    fn save_file(&self, _default_name: &str) -> Option<PathBuf> {
        None
    }
}

#[test]
fn a_profile_picked_in_the_import_dialog_is_offered_too() {
    let dir = tempfile::tempdir().unwrap();
    // Saved by Notepad as "Unicode": UTF-16 with a byte order mark.
    let utf16: Vec<u8> = "\u{FEFF}"
        .encode_utf16()
        .chain(PROFILE.encode_utf16())
        .flat_map(u16::to_le_bytes)
        .collect();
    let file = write(dir.path(), "profile-notepad.json", &utf16);
    let config = AppConfig {
        picker: Some(Arc::new(Picks(file))),
        ..AppConfig::default()
    };
    let mut harness = app(dir.path(), config);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::O);
    harness.step();
    settle(&mut harness);
    settle(&mut harness);
    accept_offer(&mut harness, "profile-notepad.json");
}

#[test]
fn another_kind_of_file_is_named_in_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "package.json",
        br#"{"name": "web", "version": "1.0.0", "scripts": {"build": "vite build"}}"#,
    );
    let mut harness = app(dir.path(), AppConfig::default());
    drop_file(&mut harness, &file);
    harness.get_by_label_contains("“package.json” was not imported");
    harness.get_by_label_contains("This is an npm package.json, not a role file");
    // One line, not field-level errors.
    assert!(
        harness
            .query_by_label_contains("line 1, column 1")
            .is_none()
    );
    assert!(harness.query_by_label_contains("`format`").is_none());
    assert!(
        harness
            .query_by_role_and_label(Role::Button, "Import as my skill profile")
            .is_none()
    );
}

/// Picks `file` in My skills > Import profile….
fn import_profile(dir: &Path, file: PathBuf) -> Harness<'static, CareerAtlasApp> {
    let config = AppConfig {
        picker: Some(Arc::new(Picks(file))),
        ..AppConfig::default()
    };
    let mut harness = app(dir, config);
    harness
        .query_all_by_label("My skills")
        .next()
        .unwrap()
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Import profile…")
        .click();
    harness.step();
    settle(&mut harness);
    settle(&mut harness);
    harness
}

#[test]
fn a_role_file_chosen_as_a_profile_is_named_and_offered_as_a_role_import() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "studio-roles.json",
        br#"{"format": "career-atlas/1", "name": "Studio", "roles": [
            {"id": "level-designer", "title": "Level Designer"},
            {"id": "tools-programmer", "title": "Tools Programmer"}]}"#,
    );
    let mut harness = import_profile(dir.path(), file);
    harness.get_by_label_contains(
        "“studio-roles.json”: this is a role file (“Studio”, 2 roles), not a skill profile: import it with File > Import role files…",
    );
    // One line, no field-level error of the profile reader.
    assert!(harness.query_by_label_contains("missing field").is_none());
    assert!(harness.query_by_label_contains("Merged").is_none());
    harness
        .get_by_role_and_label(Role::Button, "Import as role file")
        .click();
    harness.run();
    settle(&mut harness);
    harness.get_by_label_contains("Import “studio-roles.json”?");
    assert!(
        harness
            .query_by_label_contains("not a skill profile")
            .is_none(),
        "the notice went with its action"
    );
}

#[test]
fn other_files_chosen_as_a_profile_are_named_in_one_line() {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes, needle) in [
        (
            "settings.json",
            serde_json::to_vec(&career_atlas::state::Settings::default()).unwrap(),
            "this is Career Atlas's own settings file (settings.json in its data folder), not a skill profile",
        ),
        (
            "links.json",
            br#"[{"name": "Go tour", "url": "https://go.dev/tour/"}]"#.to_vec(),
            "this is a list of 1 object with the fields name, url, not a skill profile: a skill profile is the file My skills > Export profile… writes",
        ),
        (
            "notes.txt",
            b"# Notes\n\nLearn Go.\n".to_vec(),
            "this is a Markdown document, not a skill profile",
        ),
    ] {
        let file = write(dir.path(), name, &bytes);
        let harness = import_profile(dir.path(), file);
        harness.get_by_label_contains(&format!("“{name}”: {needle}"));
        assert!(
            harness
                .query_by_role_and_label(Role::Button, "Import as role file")
                .is_none(),
            "{name}"
        );
    }
}
