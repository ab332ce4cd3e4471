//! Text in any script in the real app: role files in Chinese, Japanese,
//! Korean, Arabic, Hebrew, Hindi, Thai, Vietnamese and emoji show as text
//! once installed fonts are loaded; where none has the characters, the
//! preview and the role page say what to install. The "installed" fonts are
//! the subset fonts of `tests/fixtures/fonts`, never this machine's.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a panic in a test is a failed test

mod common;

use std::path::{Path, PathBuf};

use career_atlas::fonts::FontSource;
use career_atlas::{AppConfig, CareerAtlasApp};
use common::settle;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// Titles and group names use only the characters of the fixture fonts.
const WORLD_ROLES: &str = r#"{
  "format": "career-atlas/1",
  "name": "International titles",
  "roles": [
    {"id": "zh", "title": "后端开发工程师", "stack": {"后端": ["Go"]}},
    {"id": "ja", "title": "バックエンドエンジニア", "stack": {"エンジン": ["Rust"]}},
    {"id": "ar", "title": "مطور الواجهة الخلفية", "stack": {"الواجهة": ["Kotlin"]}},
    {"id": "he", "title": "מפתח תוכנה", "stack": {"תוכנה": ["C#"]}},
    {"id": "hi", "title": "सॉफ्टवेयर इंजीनियर", "stack": {"सॉफ्टवेयर": ["Java"]}},
    {"id": "th", "title": "วิศวกรซอฟต์แวร์", "stack": {"ซอฟต์แวร์": ["Swift"]}},
    {"id": "vi", "title": "Lập trình viên di động", "stack": {"Lập trình": ["Dart"]}},
    {"id": "el", "title": "Μηχανικός λογισμικού", "stack": {"Разработчик": ["PHP"]}},
    {"id": "emoji", "title": "🚀 Growth Engineer", "stack": {"Growth": ["SQL"]}}
  ]
}"#;

/// A Korean file name, as a coach in Seoul saves it.
const FILE_NAME: &str = "역할 목록.json";

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fonts")
}

/// The real app importing `file` at start. Unless `allow_boxes`, any
/// character drawn as a box fails the test (kittest's default).
fn app(
    dir: &Path,
    fonts: FontSource,
    file: PathBuf,
    allow_boxes: bool,
) -> Harness<'static, CareerAtlasApp> {
    let config = AppConfig {
        data_dir: Some(dir.join("data")),
        import_files: vec![file],
        fonts,
        ..AppConfig::default()
    };
    let mut builder = Harness::builder()
        .with_size([1280.0, 800.0])
        .with_max_steps(64);
    if allow_boxes {
        builder = builder.allow_missing_glyphs();
    }
    let mut harness = builder.build_eframe(move |cc| CareerAtlasApp::new(cc, config));
    settle(&mut harness);
    harness
}

fn write_roles(dir: &Path) -> PathBuf {
    let path = dir.join(FILE_NAME);
    std::fs::write(&path, WORLD_ROLES).unwrap();
    path
}

/// Opens a role from the list, searching for it as a person would (the list
/// lays out only the rows in view).
fn open(harness: &mut Harness<'_, CareerAtlasApp>, title: &str) {
    let field = harness.get_by_role(Role::TextInput);
    field.focus();
    harness.run();
    // Empty the search box as a person would: Escape clears it.
    harness.key_press(egui::Key::Escape);
    harness.run();
    let field = harness.get_by_role(Role::TextInput);
    field.focus();
    field.type_text(title);
    harness.run();
    harness
        .get_by_label(&format!("{title}  ·  International titles"))
        .click();
    harness.run();
}

fn notices(harness: &Harness<'_, CareerAtlasApp>) -> usize {
    harness
        .query_all_by_label_contains("no font on this computer has")
        .count()
}

#[test]
fn every_script_shows_as_text_in_the_preview_the_list_and_the_role_page() {
    let dir = tempfile::tempdir().unwrap();
    let file = write_roles(dir.path());
    // Laid out with kittest's default policy: a single box panics.
    let mut harness = app(
        dir.path(),
        FontSource::Folders(vec![fixtures()]),
        file,
        false,
    );
    harness.get_by_label_contains("역할 목록");
    assert_eq!(notices(&harness), 0);
    harness
        .get_by_role_and_label(Role::Button, "Import")
        .click();
    settle(&mut harness);
    for title in [
        "后端开发工程师",
        "バックエンドエンジニア",
        "مطور الواجهة الخلفية",
        "מפתח תוכנה",
        "सॉफ्टवेयर इंजीनियर",
        "วิศวกรซอฟต์แวร์",
        "Lập trình viên di động",
        "Μηχανικός λογισμικού",
        "🚀 Growth Engineer",
    ] {
        open(&mut harness, title);
        // Issue 17: the section bar that stays in view names the role too.
        assert_eq!(
            harness.query_all_by_label(title).count(),
            2,
            "{title}: the section bar and the page heading"
        );
        assert_eq!(notices(&harness), 0, "{title}");
    }
}

#[test]
fn without_fonts_for_them_the_preview_and_the_role_page_say_what_to_install_once() {
    let dir = tempfile::tempdir().unwrap();
    let file = write_roles(dir.path());
    let mut harness = app(dir.path(), FontSource::Off, file, true);
    assert_eq!(notices(&harness), 1, "the preview says it once");
    if cfg!(target_os = "linux") {
        harness.get_by_label_contains("sudo apt install fonts-noto-cjk fonts-noto-core");
    }
    harness
        .get_by_role_and_label(Role::Button, "Import")
        .click();
    settle(&mut harness);
    open(&mut harness, "后端开发工程师");
    assert_eq!(notices(&harness), 1, "the role page says it once");
    harness.get_by_label_contains("U+540E");
    // A role whose text the bundled font has says nothing.
    open(&mut harness, "Μηχανικός λογισμικού");
    assert_eq!(notices(&harness), 0);
}
