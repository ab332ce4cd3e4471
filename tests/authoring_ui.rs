//! Writing role files with the real app: File › New role file… writes a
//! starter file that validates and is imported in watch mode; saves update
//! the dataset in place, a broken save lists its problems and keeps the old
//! data, a fixed save clears them, a deleted file leaves the last good copy;
//! and roles saved as a role file import back equal.
//!
//! Watching involves the operating system and background threads, so every
//! wait here polls for what a person would see, with a generous deadline.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a panic in a test is a failed test

mod common;

use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use career_atlas::jobs::FilePicker;
use career_atlas::model::{Dataset, ReadContext, bundled_dataset, read_dataset};
use career_atlas::{AppConfig, CareerAtlasApp};
use common::{app, drop_file, shows_role};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

/// Long enough for a loaded CI machine; a pass takes well under a second.
const DEADLINE: Duration = Duration::from_secs(30);

/// Answers save dialogs with the paths queued, in order.
#[derive(Default)]
struct SavePicker(Mutex<VecDeque<PathBuf>>);

impl FilePicker for SavePicker {
    fn pick_files(&self) -> Option<Vec<PathBuf>> {
        None
    }
    fn save_file(&self, _default_name: &str) -> Option<PathBuf> {
        self.0.lock().ok()?.pop_front()
    }
}

fn rig(dir: &Path, saves: &[PathBuf]) -> Harness<'static, CareerAtlasApp> {
    let picker = SavePicker(Mutex::new(saves.iter().cloned().collect()));
    app(
        dir,
        AppConfig {
            picker: Some(Arc::new(picker)),
            ..AppConfig::default()
        },
    )
}

/// Steps the app until `done` holds; returns how long it took.
fn wait_until(
    harness: &mut Harness<'_, CareerAtlasApp>,
    what: &str,
    done: impl Fn(&Harness<'_, CareerAtlasApp>) -> bool,
) -> Duration {
    let started = Instant::now();
    loop {
        harness.step();
        if done(harness) {
            harness.run();
            return started.elapsed();
        }
        assert!(
            started.elapsed() < DEADLINE,
            "waited {DEADLINE:?} for {what}"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
}

fn menu(harness: &mut Harness<'_, CareerAtlasApp>, item: &str) {
    harness.get_by_label("File").click();
    harness.run();
    // A button of the menu (a notice may quote the same words).
    harness
        .query_all_by_label_contains(item)
        .find(|n| n.accesskit_node().role() == Role::Button)
        .unwrap_or_else(|| panic!("no menu item {item}"))
        .click();
    // A few frames, not `run`: a dialog or save the item starts shows a
    // spinner, which repaints until the background work ends (under load,
    // past `run`'s step limit); callers wait for what they expect.
    harness.run_steps(4);
}

fn has_text(harness: &Harness<'_, CareerAtlasApp>, text: &str) -> bool {
    harness.query_all_by_label_contains(text).next().is_some()
}

/// Reads a role file as `career-atlas validate` does, with the bundled
/// roles' ids known; panics unless it is valid with nothing to report.
fn read_clean(stem: &str, bytes: &[u8]) -> Dataset {
    let known = bundled_dataset()
        .roles
        .iter()
        .map(|r| r.id.clone())
        .collect();
    let out = read_dataset(
        stem,
        bytes,
        ReadContext {
            known_role_ids: Some(&known),
        },
    );
    assert!(out.diagnostics.is_empty(), "{:?}", out.diagnostics);
    out.dataset.unwrap()
}

/// Saves the way editors that "write safely" do: a new file renamed over it.
fn save_by_rename(path: &Path, text: &str) {
    let tmp = path.with_extension("json.tmp~");
    std::fs::write(&tmp, text).unwrap();
    std::fs::rename(&tmp, path).unwrap();
}

/// Creates a role file through File › New role file… and waits for its role.
fn new_file(harness: &mut Harness<'_, CareerAtlasApp>) {
    menu(harness, "New role file…");
    wait_until(harness, "the new file's role", |h| {
        shows_role(h, "API Documentation Writer")
    });
}

#[test]
fn new_writes_a_valid_file_with_its_schema_and_imports_it_watched() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("team-roles.json");
    let mut harness = rig(dir.path(), std::slice::from_ref(&file));
    new_file(&mut harness);
    let dataset = read_clean("team-roles", &std::fs::read(&file).unwrap());
    assert_eq!(dataset.name, "Team roles");
    assert!(dir.path().join("career-atlas-1.schema.json").is_file());
    assert!(has_text(&harness, "Open the file in your editor"));
    // No preview to confirm: the file was made here.
    assert!(!has_text(&harness, "Import “team-roles.json”?"));
    menu(&mut harness, "Datasets…");
    assert!(has_text(
        &harness,
        "Watching: every save updates this dataset."
    ));
    // Watch mode is kept across a restart.
    drop(harness);
    let mut again = app(dir.path(), AppConfig::default());
    again.get_by_label("File").click();
    again.run();
    again.get_by_label_contains("Datasets…").click();
    again.run();
    assert!(has_text(
        &again,
        "Watching: every save updates this dataset."
    ));
}

#[test]
fn saves_update_in_place_broken_saves_list_problems_and_fixes_clear_them() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("mine.json");
    let mut harness = rig(dir.path(), std::slice::from_ref(&file));
    new_file(&mut harness);
    let good = std::fs::read_to_string(&file).unwrap();
    let roles_before = harness.state().catalog().roles.len();

    // A valid save by rename: the open role updates, with no dialog.
    let renamed = good.replace(
        "\"title\": \"API Documentation Writer\"",
        "\"title\": \"API Docs Writer\"",
    );
    save_by_rename(&file, &renamed);
    wait_until(&mut harness, "the new title", |h| {
        shows_role(h, "API Docs Writer")
    });
    assert!(has_text(&harness, "Reloaded “Mine”: 1 role changed."));
    assert!(!has_text(&harness, "Import “mine.json”?"));
    assert_eq!(harness.state().catalog().roles.len(), roles_before);

    // A broken save, truncated then written: the problems are listed with
    // line, column and path, and nothing loaded changes.
    let broken = renamed.replace("\"currency\": \"USD\"", "\"currency\": \"dollars\"");
    std::fs::write(&file, &broken).unwrap();
    wait_until(&mut harness, "the problems panel", |h| {
        has_text(h, "Not loaded:")
    });
    assert!(has_text(&harness, "roles[0].salary[0].currency"));
    let line = broken
        .lines()
        .position(|l| l.contains("\"dollars\""))
        .unwrap()
        + 1;
    let column = broken
        .lines()
        .nth(line - 1)
        .unwrap()
        .find("\"dollars\"")
        .unwrap()
        + 1;
    assert!(
        has_text(&harness, &format!("{line}:{column}")),
        "the error's line {line} and column {column} are shown"
    );
    assert!(
        shows_role(&harness, "API Docs Writer"),
        "the old data stays"
    );

    // Fixed: the panel goes by itself.
    let fixed = renamed.replace(
        "\"title\": \"API Docs Writer\"",
        "\"title\": \"API Reference Writer\"",
    );
    std::fs::write(&file, &fixed).unwrap();
    wait_until(&mut harness, "the fix", |h| {
        shows_role(h, "API Reference Writer")
    });
    assert!(!has_text(&harness, "Not loaded:"));

    // Deleted: the last good copy stays, and Datasets says the source is gone.
    std::fs::remove_file(&file).unwrap();
    wait_until(&mut harness, "the notice that the file is gone", |h| {
        has_text(h, "is gone (deleted or moved)")
    });
    assert!(shows_role(&harness, "API Reference Writer"));
    menu(&mut harness, "Datasets…");
    assert!(has_text(&harness, "The source file is gone"));

    // Put back: neither the notice nor Datasets says it is gone any more.
    std::fs::write(&file, &fixed).unwrap();
    wait_until(&mut harness, "the file coming back", |h| {
        !has_text(h, "The source file is gone")
    });
    assert!(!has_text(&harness, "is gone (deleted or moved)"));
}

#[test]
fn the_open_role_moves_to_its_nearest_match_when_its_id_changes() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("mine.json");
    let mut harness = rig(dir.path(), std::slice::from_ref(&file));
    new_file(&mut harness);
    let good = std::fs::read_to_string(&file).unwrap();
    // Same title, new id: the same role, to the person.
    save_by_rename(
        &file,
        &good.replace("\"api-documentation-writer\"", "\"api-writer\""),
    );
    wait_until(&mut harness, "the reload", |h| {
        has_text(h, "Reloaded “Mine”")
    });
    assert!(shows_role(&harness, "API Documentation Writer"));
    let selected = harness
        .state()
        .catalog()
        .roles
        .iter()
        .any(|r| r.role.id == "api-writer");
    assert!(selected);
}

#[test]
fn listed_roles_saved_as_a_role_file_import_back_equal() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("shared.json");
    let mut harness = rig(dir.path(), std::slice::from_ref(&out));
    let field = harness.get_by_role(Role::TextInput);
    field.focus();
    field.type_text("developer");
    harness.run();
    let listed: Vec<_> = harness
        .state()
        .roles_in_view()
        .iter()
        .map(|r| Arc::clone(&harness.state().catalog().roles[r.0].role))
        .collect();
    assert!(listed.len() > 1);
    menu(&mut harness, "listed roles as a role file…");
    wait_until(&mut harness, "the saved file", |h| {
        h.state()
            .notices()
            .iter()
            .any(|n| n.text.starts_with("Saved the role file"))
    });
    let dataset = read_clean("shared", &std::fs::read(&out).unwrap());
    assert_eq!(dataset.name, "Roles matching “developer”");
    assert_eq!(dataset.roles, listed, "every role comes back as it was");
    assert!(dataset.license.is_some() && dataset.attribution.is_some());
    assert!(!dataset.technologies.is_empty());

    // Imported through the usual preview, it adds the same roles.
    let before = harness.state().catalog().roles.len();
    drop_file(&mut harness, &out);
    harness
        .get_by_role_and_label(Role::Button, "Import")
        .click();
    harness.run();
    assert_eq!(harness.state().catalog().roles.len(), before + listed.len());
}

/// Save → updated screen, measured: the time from a save until a frame
/// shows the new title, over several saves. Printed for the record
/// (`cargo test --test authoring_ui -- --nocapture save_to_screen`).
#[test]
fn save_to_screen_time() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("timed.json");
    let mut harness = rig(dir.path(), std::slice::from_ref(&file));
    new_file(&mut harness);
    let good = std::fs::read_to_string(&file).unwrap();
    let mut times = Vec::new();
    for i in 0..5 {
        let title = format!("Timed Writer {i}");
        save_by_rename(&file, &good.replace("API Documentation Writer", &title));
        times.push(wait_until(&mut harness, "the saved title", |h| {
            shows_role(h, &title)
        }));
    }
    times.sort();
    let ms: Vec<u128> = times.iter().map(Duration::as_millis).collect();
    println!("save → updated screen, ms (sorted): {ms:?}");
    assert!(
        times[times.len() / 2] < Duration::from_secs(5),
        "median {:?}",
        times[times.len() / 2]
    );
}

fn tick_state(
    harness: &mut Harness<'_, CareerAtlasApp>,
    tech: &str,
) -> Option<egui::accesskit::Toggled> {
    harness
        .get_by_role_and_label(Role::CheckBox, tech)
        .scroll_to_me();
    harness.run();
    harness
        .get_by_role_and_label(Role::CheckBox, tech)
        .accesskit_node()
        .toggled()
}

#[test]
fn a_new_name_and_header_in_a_watched_file_update_the_dataset_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("mine.json");
    let mut harness = rig(dir.path(), std::slice::from_ref(&file));
    new_file(&mut harness);
    // The person ticks a technology of the open role.
    tick_state(&mut harness, "OpenAPI");
    harness
        .get_by_role_and_label(Role::CheckBox, "OpenAPI")
        .click();
    harness.run();
    let good = std::fs::read_to_string(&file).unwrap();
    let renamed = good
        .replace("\"name\": \"Mine\"", "\"name\": \"Docs team\"")
        .replace(
            "\"license\": \"CC BY 4.0\"",
            "\"license\": \"CC BY-SA 4.0\"",
        )
        .replace(
            "\"author\": \"Your name or organisation\"",
            "\"author\": \"Docs Guild\"",
        );
    assert_ne!(renamed, good);
    save_by_rename(&file, &renamed);
    wait_until(&mut harness, "the renamed dataset", |h| {
        has_text(h, "Reloaded “Docs team”")
    });
    assert!(
        has_text(
            &harness,
            "Reloaded “Docs team” (was “Mine”): name, author, licence updated."
        ),
        "{:?}",
        harness.state().notices()
    );
    let names: Vec<&str> = harness
        .state()
        .catalog()
        .datasets
        .iter()
        .map(|d| d.dataset.name.as_str())
        .collect();
    assert!(
        names.contains(&"Docs team") && !names.contains(&"Mine"),
        "{names:?}"
    );
    let docs = harness
        .state()
        .catalog()
        .datasets
        .iter()
        .find(|d| d.dataset.name == "Docs team")
        .unwrap();
    assert_eq!(docs.dataset.license.as_deref(), Some("CC BY-SA 4.0"));
    // The open role stays open, and the tick stays.
    assert!(shows_role(&harness, "API Documentation Writer"));
    assert_eq!(
        tick_state(&mut harness, "OpenAPI"),
        Some(egui::accesskit::Toggled::True)
    );
    // The Datasets window shows the new name and details, still watched.
    menu(&mut harness, "Datasets…");
    harness.get_by_role_and_label(Role::CheckBox, "Docs team");
    assert!(has_text(&harness, "by Docs Guild"));
    assert!(
        harness
            .query_by_role_and_label(Role::CheckBox, "Mine")
            .is_none()
    );
    assert!(has_text(
        &harness,
        "Watching: every save updates this dataset."
    ));
    harness.key_press(egui::Key::Escape);
    harness.run();
    // The next save still reaches it: the watch follows the new name.
    save_by_rename(
        &file,
        &renamed.replace("API Documentation Writer", "API Docs Writer"),
    );
    wait_until(&mut harness, "the next save", |h| {
        shows_role(h, "API Docs Writer")
    });
    assert!(has_text(&harness, "Reloaded “Docs team”: 1 role changed."));
    // The library keeps the new name for the next start.
    harness.state_mut().flush();
    let index = std::fs::read_to_string(dir.path().join("data/datasets.json")).unwrap();
    assert!(index.contains("\"Docs team\""), "{index}");
    assert!(!index.contains("\"Mine\""), "{index}");
}

#[test]
fn a_watched_file_taking_another_datasets_name_keeps_its_own() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("mine.json");
    let mut harness = rig(dir.path(), std::slice::from_ref(&file));
    new_file(&mut harness);
    let bundled = bundled_dataset().name.clone();
    let good = std::fs::read_to_string(&file).unwrap();
    save_by_rename(
        &file,
        &good
            .replace("\"name\": \"Mine\"", &format!("\"name\": {bundled:?}"))
            .replace("API Documentation Writer", "API Docs Writer"),
    );
    wait_until(&mut harness, "the reload", |h| {
        shows_role(h, "API Docs Writer")
    });
    assert!(has_text(
        &harness,
        "the name of another loaded dataset; it stays “Mine”"
    ));
    assert!(has_text(&harness, "Reloaded “Mine”: 1 role changed."));
}

#[test]
fn listed_roles_whose_ids_clash_are_renamed_and_the_person_is_told() {
    let dir = tempfile::tempdir().unwrap();
    // A studio's dataset with an id the bundled data has too.
    let studio = dir.path().join("studio.json");
    std::fs::write(
        &studio,
        r#"{"format": "career-atlas/1", "name": "Game Studios", "roles": [
            {"id": "backend-developer", "title": "Backend Developer (Games)", "stack": {"Languages": ["Go"]}},
            {"id": "backend-lead", "title": "Backend Lead (Games)", "stack": {"Languages": ["Go"]},
             "related": ["backend-developer"]}]}"#,
    )
    .unwrap();
    let out = dir.path().join("mixed.json");
    let mut harness = rig(dir.path(), std::slice::from_ref(&out));
    drop_file(&mut harness, &studio);
    harness
        .get_by_role_and_label(Role::Button, "Import")
        .click();
    harness.run();
    let field = harness.get_by_role(Role::TextInput);
    field.focus();
    field.type_text("backend");
    harness.run();
    menu(&mut harness, "listed roles as a role file…");
    wait_until(&mut harness, "the saved file", |h| {
        h.state()
            .notices()
            .iter()
            .any(|n| n.text.starts_with("Saved the role file"))
    });
    let dataset = read_clean("mixed", &std::fs::read(&out).unwrap());
    let ids: Vec<&str> = dataset.roles.iter().map(|r| r.id.as_str()).collect();
    assert!(ids.contains(&"backend-developer"), "{ids:?}");
    // The one listed later is renamed after its dataset.
    let (renamed, of) = if ids.contains(&"backend-developer-game-studios") {
        ("backend-developer-game-studios", "Game Studios")
    } else {
        ("backend-developer-career-atlas", "Career Atlas")
    };
    assert!(ids.contains(&renamed), "{ids:?}");
    let note = format!(
        "1 role id was in more than one dataset, so it is renamed in the file to keep ids unique: “backend-developer” of “{of}” is “{renamed}”."
    );
    assert!(has_text(&harness, &note), "{:?}", harness.state().notices());
    if of == "Game Studios" {
        let lead = dataset
            .roles
            .iter()
            .find(|r| r.id == "backend-lead")
            .unwrap();
        assert_eq!(lead.related, [renamed], "its own dataset's link follows it");
    }
    assert!(
        dataset
            .description
            .as_deref()
            .is_some_and(|d| d.ends_with(&note)),
        "{:?}",
        dataset.description
    );
}
