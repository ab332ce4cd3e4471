//! Importing role files in the real app: by drop, through the dialog's code
//! path, from the command line; the preview, the error report, the dataset
//! library, and what survives a restart.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a panic in a test is a failed test

mod common;

use common::{app, click_row, drop_file, listed_roles, settle};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use career_atlas::jobs::FilePicker;
use career_atlas::{AppConfig, CareerAtlasApp};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

const GAME_ROLES: &str = r#"{
  "format": "career-atlas/1",
  "name": "Studio Roles",
  "author": "A coach",
  "roles": [
    {"id": "gameplay-programmer", "title": "Gameplay Programmer", "category": "Games",
     "summary": "Programs how the game plays.",
     "stack": {"Languages": ["C++", {"name": "Kafka", "priority": "optional"}]},
     "related": ["backend-developer"]},
    {"id": "level-designer", "title": "Level Designer", "category": "Games",
     "stack": {"Tools": ["Unreal Engine"]}}
  ]
}"#;

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn role_count(harness: &Harness<'_, CareerAtlasApp>) -> usize {
    listed_roles(harness)
}

/// How many datasets are loaded (the bundled one included).
fn dataset_count(harness: &Harness<'_, CareerAtlasApp>) -> usize {
    harness.state().catalog().datasets.len()
}

fn click(harness: &mut Harness<'_, CareerAtlasApp>, label: &str) {
    harness.get_by_role_and_label(Role::Button, label).click();
    harness.run();
}

#[test]
fn a_dropped_file_is_previewed_then_imported() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "studio.json", GAME_ROLES);
    let mut harness = app(dir.path(), AppConfig::default());
    let before = role_count(&harness);
    drop_file(&mut harness, &file);
    // Nothing is added before the person confirms.
    assert_eq!(role_count(&harness), before);
    harness.get_by_label_contains("Import “studio.json”?");
    harness.get_by_label("Studio Roles");
    harness.get_by_label_contains("2 roles · by A coach");
    harness.get_by_label_contains("A new dataset");
    click(&mut harness, "Import");
    assert_eq!(role_count(&harness), before + 2);
    // The first imported role is opened, and the list says where it comes from.
    harness.get_by_label_contains("from “Studio Roles”");
    assert!(
        harness
            .query_by_label_contains("Gameplay Programmer  ·  Studio Roles")
            .is_some()
    );
}

struct FakePicker(Vec<PathBuf>);

impl FilePicker for FakePicker {
    fn pick_files(&self) -> Option<Vec<PathBuf>> {
        // A person takes a moment to choose.
        std::thread::sleep(std::time::Duration::from_millis(350));
        Some(self.0.clone())
    }
    fn save_file(&self, _default_name: &str) -> Option<PathBuf> {
        None
    }
}

struct NoDialog;

impl FilePicker for NoDialog {
    fn pick_files(&self) -> Option<Vec<PathBuf>> {
        None
    }
    fn save_file(&self, _default_name: &str) -> Option<PathBuf> {
        None
    }
}

#[test]
fn files_picked_in_the_dialog_are_imported_through_the_same_preview() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.json", GAME_ROLES);
    let b = write(
        dir.path(),
        "b.json",
        r#"{"id": "solo", "title": "Solo Role", "stack": {"L": ["Go"]}}"#,
    );
    let config = AppConfig {
        picker: Some(Arc::new(FakePicker(vec![a, b]))),
        ..AppConfig::default()
    };
    let mut harness = app(dir.path(), config);
    let before = role_count(&harness);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::O);
    harness.step();
    harness.step();
    harness.get_by_label("Choose files in the dialog…");
    settle(&mut harness);
    settle(&mut harness);
    // Two previews: one shown, one waiting behind it.
    harness.get_by_label_contains("Import “a.json”?");
    harness.get_by_label("1 more file waiting");
    click(&mut harness, "Import");
    click(&mut harness, "Import");
    assert_eq!(role_count(&harness), before + 3);
    // The single-role file is named after the file.
    harness.get_by_label_contains("from “b”");
}

#[test]
fn when_no_dialog_can_be_shown_the_app_says_what_to_install() {
    let dir = tempfile::tempdir().unwrap();
    let config = AppConfig {
        picker: Some(Arc::new(NoDialog)),
        ..AppConfig::default()
    };
    let mut harness = app(dir.path(), config);
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label_contains("Import role files…").click();
    settle(&mut harness);
    harness.get_by_label_contains("No file dialog could be shown");
    harness.get_by_label_contains("zenity");
}

/// Every dialog of the app, not only Import: with no portal and no zenity a
/// save or a new file said nothing at all (found by a fresh-user check).
#[test]
fn when_no_save_dialog_can_be_shown_the_app_says_nothing_was_written() {
    for (item, expected) in [
        ("New role file…", "so no role file was created"),
        ("listed roles as a role file…", "so nothing was saved"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let config = AppConfig {
            picker: Some(Arc::new(NoDialog)),
            ..AppConfig::default()
        };
        let mut harness = app(dir.path(), config);
        harness.get_by_label("File").click();
        harness.run();
        harness.get_by_label_contains(item).click();
        settle(&mut harness);
        harness.get_by_label_contains(expected);
        harness.get_by_label_contains("zenity");
    }
}

#[test]
fn a_bad_file_gets_an_error_report_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let good = write(dir.path(), "studio.json", GAME_ROLES);
    let bad = write(
        dir.path(),
        "bad.json",
        "[\n{\"id\": \"ok\", \"title\": \"Fine\", \"stack\": {}},\n{\"id\": \"Bad Id\", \"title\": \"B\", \"stack\": {}},\n{\"id\": \"c\", \"title\": \"C\", \"salary\": [{\"region\": \"US\", \"currency\": \"usd\", \"levels\": [{\"level\": \"J\", \"min\": 1}]}]}\n]",
    );
    let mut harness = app(dir.path(), AppConfig::default());
    drop_file(&mut harness, &good);
    click(&mut harness, "Import");
    let before = role_count(&harness);
    let datasets_before = dataset_count(&harness);

    drop_file(&mut harness, &bad);
    harness.get_by_label_contains("“bad.json” was not imported");
    harness.get_by_label_contains("2 errors and 0 warnings");
    harness.get_by_label("line 3, column 8");
    harness.get_by_label("[1].id");
    harness.get_by_label("line 4, column 67");
    harness.get_by_label("[2].salary[0].currency");
    click(&mut harness, "Close");
    assert!(
        harness
            .query_by_label_contains("was not imported")
            .is_none(),
        "the report closed"
    );
    assert_eq!(role_count(&harness), before);
    assert_eq!(dataset_count(&harness), datasets_before);
}

#[test]
fn reimporting_a_dataset_previews_what_changes() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "studio.json", GAME_ROLES);
    let mut harness = app(dir.path(), AppConfig::default());
    drop_file(&mut harness, &file);
    click(&mut harness, "Import");
    let updated = GAME_ROLES
        .replace(
            "Programs how the game plays.",
            "Programs the rules of play.",
        )
        .replace(
            r#"{"id": "level-designer", "title": "Level Designer", "category": "Games",
     "stack": {"Tools": ["Unreal Engine"]}}"#,
            r#"{"id": "sound-designer", "title": "Sound Designer", "stack": {"Tools": ["Wwise"]}}"#,
        );
    write(dir.path(), "studio.json", &updated);
    drop_file(&mut harness, &file);
    harness.get_by_label_contains(
        "Replaces the loaded “Studio Roles”: 1 added, 1 changed, 1 removed, 0 unchanged.",
    );
    harness.get_by_label("Added: Sound Designer");
    harness.get_by_label("Removed: Level Designer");
    let before = role_count(&harness);
    click(&mut harness, "Import");
    assert_eq!(role_count(&harness), before, "one role in, one out");
    assert_eq!(dataset_count(&harness), 2, "replaced, not added");
}

#[test]
fn the_bundled_name_cannot_be_taken() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "x.json",
        &GAME_ROLES.replace("Studio Roles", "Career Atlas"),
    );
    let mut harness = app(dir.path(), AppConfig::default());
    drop_file(&mut harness, &file);
    harness.get_by_label_contains("is the name of the dataset that comes with the app");
    let import = harness.get_by_role_and_label(Role::Button, "Import");
    assert!(import.accesskit_node().is_disabled());
}

#[test]
fn imported_datasets_survive_a_restart_even_without_the_original_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "studio.json", GAME_ROLES);
    let mut harness = app(dir.path(), AppConfig::default());
    let before = role_count(&harness);
    drop_file(&mut harness, &file);
    click(&mut harness, "Import");
    drop(harness);
    std::fs::remove_file(&file).unwrap();

    let mut harness = app(dir.path(), AppConfig::default());
    assert_eq!(role_count(&harness), before + 2);
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Datasets…").click();
    harness.run();
    harness.get_by_label("Studio Roles");
    harness.get_by_label_contains("2 roles · by A coach");
}

#[test]
fn files_named_on_the_command_line_are_imported() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "studio.json", GAME_ROLES);
    let config = AppConfig {
        import_files: vec![file],
        ..AppConfig::default()
    };
    let mut harness = app(dir.path(), config);
    settle(&mut harness);
    harness.get_by_label_contains("Import “studio.json”?");
}

#[test]
fn ticking_a_technology_in_an_imported_role_ticks_it_in_a_bundled_one() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "studio.json", GAME_ROLES);
    let mut harness = app(dir.path(), AppConfig::default());
    drop_file(&mut harness, &file);
    click(&mut harness, "Import");
    // The imported Gameplay Programmer is open; tick Kafka there.
    let kafka = harness.get_by_role_and_label(Role::CheckBox, "Kafka");
    kafka.scroll_to_me();
    harness.run();
    harness
        .get_by_role_and_label(Role::CheckBox, "Kafka")
        .click();
    harness.run();
    // The bundled Backend Developer lists Kafka, ticked now.
    let field = harness.get_by_role_and_label(Role::TextInput, "Find a role");
    field.focus();
    field.type_text("Backend Developer");
    harness.run();
    click_row(&mut harness, "Backend Developer");
    let kafka = harness.get_by_role_and_label(Role::CheckBox, "Kafka");
    kafka.scroll_to_me();
    harness.run();
    let kafka = harness.get_by_role_and_label(Role::CheckBox, "Kafka");
    assert_eq!(
        kafka.accesskit_node().toggled(),
        Some(egui::accesskit::Toggled::True)
    );
}

#[test]
fn datasets_can_be_hidden_removed_and_the_removal_undone() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "studio.json", GAME_ROLES);
    let mut harness = app(dir.path(), AppConfig::default());
    let bundled = role_count(&harness);
    drop_file(&mut harness, &file);
    click(&mut harness, "Import");
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Datasets…").click();
    harness.run();
    harness.get_by_label_contains("Comes with the app");
    harness.get_by_label_contains("studio.json");

    // Hide the bundled dataset: only the imported roles remain.
    harness
        .get_by_role_and_label(Role::CheckBox, "Career Atlas")
        .click();
    harness.run();
    assert_eq!(role_count(&harness), 2);
    harness
        .get_by_role_and_label(Role::CheckBox, "Career Atlas")
        .click();
    harness.run();
    assert_eq!(role_count(&harness), bundled + 2);

    click(&mut harness, "Remove");
    assert_eq!(role_count(&harness), bundled);
    click(&mut harness, "Undo removal of “Studio Roles”");
    assert_eq!(role_count(&harness), bundled + 2);

    // A removal that is not undone is gone after a restart.
    click(&mut harness, "Remove");
    // What eframe does on exit.
    harness.state_mut().forget_removed();
    drop(harness);
    let harness = app(dir.path(), AppConfig::default());
    assert_eq!(role_count(&harness), bundled);
}

#[test]
fn a_long_title_stays_on_one_row_of_the_list() {
    let dir = tempfile::tempdir().unwrap();
    let long = "Principal Distributed Systems and Cloud Infrastructure Reliability Engineer for Regulated Financial Services";
    let text = format!(
        r#"[{{"id": "long", "title": "{long}", "summary": "A long title.", "stack": {{"L": ["Go"]}}}},
            {{"id": "short", "title": "Short", "stack": {{"L": ["Go"]}}}}]"#
    );
    let file = write(dir.path(), "long.json", &text);
    let mut harness = app(dir.path(), AppConfig::default());
    drop_file(&mut harness, &file);
    click(&mut harness, "Import");
    let row = harness
        .get_by_role_and_label(Role::Button, &format!("{long}  ·  long"))
        .rect();
    let next = harness
        .get_by_role_and_label(Role::Button, "Short  ·  long")
        .rect();
    let height = career_atlas::ui::theme::LIST_ROW_HEIGHT;
    assert!(row.height() <= height + 0.5, "the row wrapped: {row:?}");
    assert!(row.right() <= 320.0, "the row runs past the list: {row:?}");
    assert!(
        next.top() >= row.bottom() - 0.5,
        "rows overlap: {row:?} {next:?}"
    );
}
