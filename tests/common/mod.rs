//! Helpers shared by the UI tests: the real app in a harness, and waiting for
//! its background work.
#![allow(dead_code)] // each test file uses some of these

use std::ffi::OsStr;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;

use career_atlas::{AppConfig, CareerAtlasApp};
use egui_kittest::Harness;

/// Runs the `career-atlas` binary with `args`, `stdin` piped in; its exit
/// code (-1 when killed by a signal), standard output and standard error.
pub fn run_cli(
    args: impl IntoIterator<Item = impl AsRef<OsStr>>,
    stdin: &[u8],
) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_career-atlas"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    // A command line the binary refuses ends it before it reads its input;
    // the broken pipe that leaves is expected, and the exit code tells.
    if let Err(e) = child.stdin.take().expect("piped").write_all(stdin) {
        assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "{e}");
    }
    let out = child.wait_with_output().expect("the binary ends");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A file dropped on the window, read from disk as the desktop hands it over.
#[derive(Debug)]
pub struct Dropped(pub PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

/// Drops `path` on the window and waits until it is read.
pub fn drop_file(harness: &mut Harness<'_, CareerAtlasApp>, path: &Path) {
    harness
        .input_mut()
        .dropped_files
        .push(Arc::new(Dropped(path.to_path_buf())));
    settle(harness);
}

/// The real app at 1280×800 with its data folder inside `dir`.
pub fn app(dir: &Path, config: AppConfig) -> Harness<'static, CareerAtlasApp> {
    app_sized(dir, config, [1280.0, 800.0])
}

/// The real app in a window of `size` points.
pub fn app_sized(
    dir: &Path,
    config: AppConfig,
    size: [f32; 2],
) -> Harness<'static, CareerAtlasApp> {
    let config = AppConfig {
        data_dir: Some(dir.join("data")),
        ..config
    };
    let mut harness = Harness::builder()
        .with_size(size)
        .with_max_steps(64)
        .build_eframe(move |cc| CareerAtlasApp::new(cc, config));
    harness.run();
    harness
}

/// The real app in a window of `size` points, with the fixture `name`
/// imported as a person does: named on the command line, then Import.
pub fn app_with_import(dir: &Path, name: &str, size: [f32; 2]) -> Harness<'static, CareerAtlasApp> {
    use egui_kittest::kittest::Queryable;
    let config = AppConfig {
        import_files: vec![fixture(name)],
        ..AppConfig::default()
    };
    let mut harness = app_sized(dir, config, size);
    settle(&mut harness);
    harness
        .get_by_role_and_label(egui::accesskit::Role::Button, "Import")
        .click();
    harness.run();
    harness
}

/// Steps the app until background reading and any dialog are done.
pub fn settle(harness: &mut Harness<'_, CareerAtlasApp>) {
    for _ in 0..500 {
        // `step`, not `run`: a spinner repaints for as long as work is under way.
        harness.step();
        if !harness.state().is_busy() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    harness.run();
}

/// A test fixture's path (`tests/fixtures/NAME`).
pub fn fixture(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// True when the detail panel shows the role titled `title`: its heading is
/// a label of exactly that text (list rows are buttons, related roles links).
pub fn shows_role(harness: &Harness<'_, CareerAtlasApp>, title: &str) -> bool {
    use egui::accesskit::Role;
    use egui_kittest::kittest::Queryable;
    harness
        .query_all_by_role_and_label(Role::Label, title)
        .next()
        .is_some()
}

/// The number of roles loaded, as the list's count reads ("32 roles") with
/// no search typed.
pub fn listed_roles(harness: &Harness<'_, CareerAtlasApp>) -> usize {
    use egui_kittest::kittest::NodeT;
    harness
        .root()
        .children_recursive()
        .filter_map(|n| {
            let a = n.accesskit_node();
            a.label().or_else(|| a.value())
        })
        .find_map(|l| {
            let n = l
                .strip_suffix(" roles")
                .or_else(|| l.strip_suffix(" role"))?;
            n.parse().ok()
        })
        .unwrap_or_else(|| panic!("no role count on screen"))
}

/// The list row of the role titled `title` (a row reads "Title", or
/// "Title  57% fit" once fit is shown), if it is laid out.
fn list_row<'h>(
    harness: &'h Harness<'_, CareerAtlasApp>,
    title: &str,
) -> Option<egui_kittest::Node<'h>> {
    use egui::accesskit::Role;
    use egui_kittest::kittest::NodeT;
    harness.root().children_recursive().find(|n| {
        let a = n.accesskit_node();
        a.role() == Role::Button
            && a.label()
                .is_some_and(|l| l == title || l.starts_with(&format!("{title} ")))
    })
}

/// Clicks the list row of the role titled `title`. The list lays out only
/// the rows in view, so a row further down is searched for, and a row below
/// the visible part is scrolled into view first, as a person would.
pub fn click_row(harness: &mut Harness<'_, CareerAtlasApp>, title: &str) {
    use egui::accesskit::Role;
    use egui_kittest::kittest::Queryable;
    if list_row(harness, title).is_none() {
        let field = harness.get_by_role(Role::TextInput);
        field.focus();
        field.type_text(title);
        harness.run();
    }
    let missing = || format!("no list row {title}");
    list_row(harness, title)
        .unwrap_or_else(|| panic!("{}", missing()))
        .scroll_to_me();
    harness.run();
    list_row(harness, title)
        .unwrap_or_else(|| panic!("{}", missing()))
        .click();
    harness.run();
}

/// Opens the role with this id, as a link to it would (without hunting for
/// its row in the list).
pub fn open_by_id(harness: &mut Harness<'_, CareerAtlasApp>, id: &str) {
    let idx = harness
        .state()
        .catalog()
        .roles
        .iter()
        .position(|e| e.role.id == id)
        .unwrap_or_else(|| panic!("no role with id {id}"));
    harness.state_mut().apply(
        &egui::Context::default(),
        career_atlas::ui::Command::Open(career_atlas::model::RoleIdx(idx)),
    );
    harness.run();
}

/// Clicks the one widget labelled `label`, scrolled into view first.
pub fn click(harness: &mut Harness<'_, CareerAtlasApp>, label: &str) {
    use egui_kittest::kittest::Queryable;
    harness.get_by_label(label).scroll_to_me();
    harness.run();
    harness.get_by_label(label).click();
    harness.run();
}

/// Clicks the tab (a button) labelled `label`.
pub fn tab(harness: &mut Harness<'_, CareerAtlasApp>, label: &str) {
    use egui::accesskit::Role;
    use egui_kittest::kittest::Queryable;
    harness.get_by_role_and_label(Role::Button, label).click();
    harness.run();
}

/// Ticks (or unticks) the checkbox labelled `label`, scrolled into view first.
pub fn tick(harness: &mut Harness<'_, CareerAtlasApp>, label: &str) {
    use egui::accesskit::Role;
    use egui_kittest::kittest::Queryable;
    harness
        .get_by_role_and_label(Role::CheckBox, label)
        .scroll_to_me();
    harness.run();
    harness.get_by_role_and_label(Role::CheckBox, label).click();
    harness.run();
}

/// Types `text` into the field labelled `label`.
pub fn type_into(harness: &mut Harness<'_, CareerAtlasApp>, label: &str, text: &str) {
    use egui_kittest::kittest::Queryable;
    let field = harness.get_by_label(label);
    field.focus();
    field.type_text(text);
    harness.run();
}

/// Every percentage the window shows ("72%" in a fit bar), as numbers.
pub fn percents(harness: &Harness<'_, CareerAtlasApp>) -> Vec<u32> {
    use egui_kittest::kittest::NodeT;
    harness
        .root()
        .children_recursive()
        .filter_map(|n| {
            let a = n.accesskit_node();
            a.value().or_else(|| a.label())
        })
        .filter_map(|t| t.trim().strip_suffix('%')?.parse().ok())
        .collect()
}
