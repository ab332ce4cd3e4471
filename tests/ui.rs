//! The real app, driven headless as a person would: type, click, tick, restart.
//! Every harness run also checks that each input widget has an accessible name.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a panic in a test is a failed test

mod common;

use std::path::Path;

use career_atlas::{AppConfig, CareerAtlasApp};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

fn app_in(dir: &Path) -> Harness<'static, CareerAtlasApp> {
    let dir = dir.to_path_buf();
    let mut harness = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_eframe(move |cc| {
            CareerAtlasApp::new(
                cc,
                AppConfig {
                    data_dir: Some(dir),
                    ..AppConfig::default()
                },
            )
        });
    harness.run();
    harness
}

/// Clicks the role of that title in the list on the left.
fn open_role(harness: &mut Harness<'_, CareerAtlasApp>, title: &str) {
    common::click_row(harness, title);
}

/// Fails unless the detail panel shows the role titled `title`: its heading
/// is a label of exactly that text (list rows are buttons, related roles links).
#[track_caller]
fn assert_shows(harness: &Harness<'_, CareerAtlasApp>, title: &str) {
    assert!(
        harness
            .query_all_by_role_and_label(Role::Label, title)
            .next()
            .is_some(),
        "the detail panel does not show {title}"
    );
}

/// The search box's text.
fn search_text(harness: &Harness<'_, CareerAtlasApp>) -> String {
    harness
        .get_by_role_and_label(Role::TextInput, "Find a role")
        .accesskit_node()
        .value()
        .unwrap_or_default()
}

fn search(harness: &mut Harness<'_, CareerAtlasApp>, text: &str) {
    let field = harness.get_by_role(Role::TextInput);
    field.focus();
    field.type_text(text);
    harness.run();
}

#[test]
fn search_narrows_the_list_and_the_count() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app_in(dir.path());
    let total = harness.state().catalog().roles.len();
    harness.get_by_label(&format!("{total} roles"));
    search(&mut harness, "kafka");
    let shown = harness.state().roles_in_view().len();
    assert!(
        shown > 0 && shown < total,
        "kafka should match some roles, matched {shown}"
    );
    harness.get_by_label(&format!("{shown} of {total} roles"));
    // Every role listed really uses Kafka (most are below the visible rows,
    // so this looks at the list's roles rather than the screen).
    let app = harness.state();
    let catalog = app.catalog();
    let kafka = catalog.find_tech("kafka").unwrap();
    for r in app.roles_in_view() {
        let role = &catalog.role(*r).role;
        let mentions = |s: &str| s.to_lowercase().contains("kafka");
        assert!(
            catalog.roles_using(kafka).contains(r)
                || role.summary.as_deref().is_some_and(mentions)
                || role.tags.iter().any(|t| mentions(t)),
            "{} matched kafka without using or mentioning it",
            role.title
        );
    }
}

#[test]
fn an_empty_search_result_says_so_and_offers_to_clear() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app_in(dir.path());
    search(&mut harness, "qqqxqzz");
    harness.get_by_label_contains("No role matches");
    harness.get_by_label("Clear the search").click();
    harness.run();
    let total = harness.state().catalog().roles.len();
    harness.get_by_label(&format!("{total} roles"));
}

#[test]
fn clicking_a_role_shows_its_title_and_responsibilities() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app_in(dir.path());
    open_role(&mut harness, "DevOps Engineer");
    assert_shows(&harness, "DevOps Engineer");
    harness.get_by_label("Responsibilities");
    let first = harness
        .state()
        .catalog()
        .roles
        .iter()
        .find(|e| e.role.id == "devops-engineer")
        .unwrap()
        .role
        .responsibilities[0]
        .clone();
    harness.get_by_label(&first);
}

#[test]
fn a_related_role_link_navigates_and_back_returns() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app_in(dir.path());
    open_role(&mut harness, "Backend Developer");
    let link = harness.get_by_role_and_label(Role::Link, "Data Engineer");
    link.scroll_to_me();
    harness.run();
    harness
        .get_by_role_and_label(Role::Link, "Data Engineer")
        .click();
    harness.run();
    assert_shows(&harness, "Data Engineer");
    harness.get_by_label("‹ Back").click();
    harness.run();
    assert_shows(&harness, "Backend Developer");
    // Alt+Right goes forward again.
    harness.key_press_modifiers(egui::Modifiers::ALT, egui::Key::ArrowRight);
    harness.run();
    assert_shows(&harness, "Data Engineer");
}

#[test]
fn arrow_keys_move_through_the_list() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app_in(dir.path());
    let app = harness.state();
    let title = |i: usize| {
        let role = app.roles_in_view()[i];
        app.catalog().role(role).role.title.clone()
    };
    let (first, second) = (title(0), title(1));
    open_role(&mut harness, &first);
    harness.key_press(egui::Key::ArrowDown);
    harness.run();
    assert_shows(&harness, &second);
    harness.key_press(egui::Key::ArrowUp);
    harness.run();
    assert_shows(&harness, &first);
}

#[test]
fn ticking_postgresql_in_one_role_ticks_it_in_another_and_survives_restart() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app_in(dir.path());
    open_role(&mut harness, "Backend Developer");
    let before = progress_label(&harness);
    harness
        .get_by_role_and_label(Role::CheckBox, "PostgreSQL")
        .scroll_to_me();
    harness.run();
    harness
        .get_by_role_and_label(Role::CheckBox, "PostgreSQL")
        .click();
    harness.run();
    let after = progress_label(&harness);
    assert_ne!(before, after, "the progress text changes");

    open_role(&mut harness, "Data Engineer");
    assert!(
        is_checked(&harness, "PostgreSQL"),
        "ticked in Data Engineer too"
    );
    drop(harness);

    // A new app over the same data folder keeps the tick.
    let mut harness = app_in(dir.path());
    open_role(&mut harness, "Data Engineer");
    assert!(is_checked(&harness, "PostgreSQL"));
}

#[test]
fn selected_role_and_search_survive_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app_in(dir.path());
    search(&mut harness, "data");
    open_role(&mut harness, "Data Engineer");
    // What eframe does on exit.
    harness.state_mut().flush();
    drop(harness);
    let harness = app_in(dir.path());
    assert_shows(&harness, "Data Engineer");
    assert_eq!(search_text(&harness), "data");
}

#[test]
fn a_role_without_salary_figures_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app_in(dir.path());
    let title = harness
        .state()
        .catalog()
        .roles
        .iter()
        .find(|e| e.role.salary.is_empty())
        .expect("the bundled data has a role without sourced salary")
        .role
        .title
        .clone();
    open_role(&mut harness, &title);
    harness.get_by_label(career_atlas::ui::salary_chart::NO_DATA);
}

#[test]
fn the_salary_chart_lists_exact_figures_with_their_source() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app_in(dir.path());
    open_role(&mut harness, "Backend Developer");
    // Issue 17: the page leads with the founding brief's levels (it opened
    // on the Web Developers percentiles, the brief one click away)…
    harness.get_by_label_contains("United States · USD · per year");
    harness.get_by_label_contains("Source: Founding brief");
    harness.get_by_label("$85,000");
    harness.get_by_label("$195,000+");
    // …and the official figures are one click away, named as such.
    let bls = "Official statistics · BLS OEWS May 2025 · United States";
    harness.get_by_label(bls).scroll_to_me();
    harness.run();
    harness.get_by_label(bls).click();
    harness.run();
    // May 2025 is the primary BLS period since issue 16 (was May 2024).
    harness.get_by_label_contains("Source: BLS OEWS May 2025");
    harness.get_by_label("$92,650");
}

fn progress_label(harness: &Harness<'_, CareerAtlasApp>) -> String {
    // Since issue 17 a row's level control is named "<technology>: <level>",
    // so "ASP.NET Core: use it at work" contains "Core: " too.
    let all: Vec<String> = harness
        .query_all_by_label_contains("Core: ")
        .filter_map(|n| {
            let a = n.accesskit_node();
            a.label().or_else(|| a.value())
        })
        .filter(|l| l.starts_with("Core: "))
        .collect();
    assert!(!all.is_empty(), "the core progress is shown");
    assert!(all.windows(2).all(|w| w[0] == w[1]), "{all:?}");
    all[0].clone()
}

fn is_checked(harness: &Harness<'_, CareerAtlasApp>, label: &str) -> bool {
    let node = harness.get_by_role_and_label(Role::CheckBox, label);
    node.accesskit_node().toggled() == Some(egui::accesskit::Toggled::True)
}

#[test]
fn a_second_window_over_the_same_data_never_overwrites_the_first() {
    let dir = tempfile::tempdir().unwrap();
    let mut first = app_in(dir.path());
    open_role(&mut first, "Backend Developer");
    first
        .get_by_role_and_label(Role::CheckBox, "Go")
        .scroll_to_me();
    first.run();
    first.get_by_role_and_label(Role::CheckBox, "Go").click();
    first.run();
    // Saving happens off the frame; wait for it before reading the disk.
    first.state_mut().flush();
    let saved = std::fs::read_to_string(dir.path().join("profile.json")).unwrap();

    let mut second = app_in(dir.path());
    second.get_by_label_contains("already open in another window");
    open_role(&mut second, "Backend Developer");
    second
        .get_by_role_and_label(Role::CheckBox, "Rust")
        .scroll_to_me();
    second.run();
    second.get_by_role_and_label(Role::CheckBox, "Rust").click();
    second.run();
    second.state_mut().flush();
    assert_eq!(
        std::fs::read_to_string(dir.path().join("profile.json")).unwrap(),
        saved
    );
}

#[test]
fn a_damaged_profile_does_not_stop_the_app_and_the_person_is_told() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("profile.json"),
        b"{\"version\": 1, \"skills\": {\"go\": {\"lev",
    )
    .unwrap();
    let mut harness = app_in(dir.path());
    harness.get_by_label_contains("Your skill profile file was damaged");
    harness.get_by_label_contains("profile.json.damaged-");
    harness
        .get_by_role_and_label(Role::Button, "My skills")
        .click();
    harness.run();
    harness.get_by_label_contains("0 technologies marked");
}

/// Opens every view and every window; each `run` fails the test if any input
/// widget on screen lacks an accessible name.
#[test]
fn accessibility_walk_of_every_view_and_window() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app_in(dir.path());
    open_role(&mut harness, "Backend Developer");
    harness
        .get_by_role_and_label(Role::CheckBox, "Go")
        .scroll_to_me();
    harness.run();
    harness.get_by_role_and_label(Role::CheckBox, "Go").click();
    harness.run();
    for view in career_atlas::state::View::ALL {
        harness
            .get_by_role_and_label(Role::Button, view.label())
            .click();
        harness.run();
        harness.check_accessibility();
    }
    harness.get_by_role_and_label(Role::Button, "Role").click();
    harness.run();
    // Each window, by its menu item and a text only the window shows.
    for (menu, item, inside) in [
        ("Help", "About the data", "Reading the figures"),
        ("Help", "Keyboard shortcuts", "Show these shortcuts"),
        ("File", "Datasets…", "Comes with the app"),
    ] {
        harness.get_by_label(menu).click();
        harness.run();
        harness.get_by_label_contains(item).click();
        harness.run();
        harness.get_by_label_contains(inside);
        harness.check_accessibility();
        harness.key_press(egui::Key::Escape);
        harness.run();
        assert!(
            harness.query_by_label_contains(inside).is_none(),
            "Esc closes {item}"
        );
    }
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::K);
    harness.run();
    harness.check_accessibility();
}

#[test]
fn the_command_palette_finds_a_role_and_opens_it_with_enter() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app_in(dir.path());
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::K);
    harness.run();
    harness.get_by_label("Go to a role, a technology or an action");
    let field =
        harness.get_by_role_and_label(Role::TextInput, "Go to a role, a technology or an action");
    field.type_text("site reliab");
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert_shows(&harness, "Site Reliability Engineer");
    assert!(
        harness
            .query_by_label("Go to a role, a technology or an action")
            .is_none(),
        "the palette closed"
    );
}

#[test]
fn the_first_start_welcomes_and_later_starts_do_not() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app_in(dir.path());
    harness.get_by_label_contains("Welcome to Career Atlas");
    // What eframe does on exit.
    harness.state_mut().flush();
    drop(harness);
    let harness = app_in(dir.path());
    assert!(
        harness
            .query_by_label_contains("Welcome to Career Atlas")
            .is_none()
    );
}

#[test]
fn settings_from_a_newer_version_are_left_untouched_and_the_person_is_told() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("settings.json");
    let newer = r#"{"version": 99, "search": "from the future", "theme": "dark"}"#;
    std::fs::write(&file, newer).unwrap();
    let mut harness = app_in(dir.path());
    harness.get_by_label_contains("saved by a newer version of Career Atlas");
    // The window works with the usual settings…
    assert_eq!(search_text(&harness), "");
    search(&mut harness, "data");
    open_role(&mut harness, "Data Engineer");
    // …and even on exit leaves the newer file as it was.
    harness.state_mut().flush();
    drop(harness);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), newer);
}

/// Two quick ticks, then no frame at all (the window is frozen or killed):
/// both are on disk within a second, because writing is the background
/// writer's work, not the frame's. `tests/kill.rs` kills a real process.
#[test]
fn quick_changes_are_on_disk_within_two_seconds_without_a_clean_exit() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app_in(dir.path());
    open_role(&mut harness, "Backend Developer");
    for name in ["Go", "Rust"] {
        harness
            .get_by_role_and_label(Role::CheckBox, name)
            .scroll_to_me();
        harness.run();
        harness.get_by_role_and_label(Role::CheckBox, name).click();
        harness.run();
    }
    // Well within the two seconds, with room for a slow disk under a busy CI.
    std::thread::sleep(std::time::Duration::from_millis(1500));
    // Killed: neither eframe's save nor anything else runs.
    std::mem::forget(harness);
    let saved = std::fs::read_to_string(dir.path().join("profile.json")).unwrap();
    assert!(
        saved.contains("\"go\"") && saved.contains("\"rust\""),
        "{saved}"
    );
}

/// The sidebar grew by a few points on every repaint while the search had
/// text (the row asked for more than the panel had); it reached ~515 px
/// across restarts (found by a fresh-user check).
#[test]
fn the_sidebar_keeps_its_width_while_the_search_has_text() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app_in(dir.path());
    search(&mut harness, "kafka");
    let right = |h: &Harness<'_, CareerAtlasApp>| {
        h.get_by_role_and_label(Role::TextInput, "Find a role")
            .rect()
            .right()
    };
    let before = right(&harness);
    for _ in 0..30 {
        harness.step();
    }
    assert!(
        (right(&harness) - before).abs() < 0.5,
        "the search field moved from {before} to {}",
        right(&harness)
    );
}

/// A search that names a technology by an alias leads to its page too, not
/// only to the roles that list it (found by a fresh-user check).
#[test]
fn a_search_for_a_technology_links_to_its_page() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app_in(dir.path());
    let links = |h: &Harness<'_, CareerAtlasApp>| {
        h.query_all_by_role_and_label(Role::Link, "Kubernetes")
            .count()
    };
    let before = links(&harness);
    search(&mut harness, "k8s");
    assert_eq!(links(&harness), before + 1, "a link to Kubernetes' page");
    harness
        .query_all_by_role_and_label(Role::Link, "Kubernetes")
        .next()
        .unwrap()
        .click();
    harness.run();
    harness.get_by_label_contains("Roles that list it (");
}
