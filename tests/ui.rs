//! The real app, driven headless as a person would: type, click, tick, restart.
//! Every harness run also checks that each input widget has an accessible name.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a panic in a test is a failed test

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
    // A list entry reads "Title" or "Title  3 of 17 ticked"; the list only lays
    // out visible rows, so a role further down is found by searching, as a
    // person would.
    let find = |harness: &Harness<'_, CareerAtlasApp>| {
        harness
            .root()
            .children_recursive()
            .find(|n| {
                let a = n.accesskit_node();
                a.role() == Role::Button
                    && a.label()
                        .is_some_and(|l| l == title || l.starts_with(&format!("{title} ")))
            })
            .is_some()
    };
    if !find(harness) {
        search(harness, title);
    }
    harness
        .root()
        .children_recursive()
        .find(|n| {
            let a = n.accesskit_node();
            a.role() == Role::Button
                && a.label()
                    .is_some_and(|l| l == title || l.starts_with(&format!("{title} ")))
        })
        .unwrap_or_else(|| panic!("no list entry {title}"))
        .click();
    harness.run();
}

fn selected_title(harness: &Harness<'_, CareerAtlasApp>) -> String {
    let app = harness.state();
    let idx = app.selected.expect("a role is selected");
    app.catalog.role(idx).role.title.clone()
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
    let total = harness.state().catalog.roles.len();
    harness.get_by_label(&format!("{total} roles"));
    search(&mut harness, "kafka");
    let shown = harness.state().list.order.len();
    assert!(
        shown > 0 && shown < total,
        "kafka should match some roles, matched {shown}"
    );
    harness.get_by_label(&format!("{shown} of {total} roles"));
    // Every role listed really uses Kafka.
    let app = harness.state();
    let kafka = app.catalog.find_tech("kafka").unwrap();
    for r in &app.list.order {
        let role = &app.catalog.role(*r).role;
        let mentions = |s: &str| s.to_lowercase().contains("kafka");
        assert!(
            app.catalog.roles_using(kafka).contains(r)
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
    let total = harness.state().catalog.roles.len();
    harness.get_by_label(&format!("{total} roles"));
}

#[test]
fn clicking_a_role_shows_its_title_and_responsibilities() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app_in(dir.path());
    open_role(&mut harness, "DevOps Engineer");
    assert_eq!(selected_title(&harness), "DevOps Engineer");
    harness.get_by_label("Responsibilities");
    let first = harness
        .state()
        .catalog
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
    assert_eq!(selected_title(&harness), "Data Engineer");
    harness.get_by_label("‹ Back").click();
    harness.run();
    assert_eq!(selected_title(&harness), "Backend Developer");
    // Alt+Right goes forward again.
    harness.key_press_modifiers(egui::Modifiers::ALT, egui::Key::ArrowRight);
    harness.run();
    assert_eq!(selected_title(&harness), "Data Engineer");
}

#[test]
fn arrow_keys_move_through_the_list() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app_in(dir.path());
    let order = harness.state().list.order.clone();
    let first = harness.state().catalog.role(order[0]).role.title.clone();
    open_role(&mut harness, &first);
    harness.key_press(egui::Key::ArrowDown);
    harness.run();
    assert_eq!(harness.state().selected, Some(order[1]));
    harness.key_press(egui::Key::ArrowUp);
    harness.run();
    assert_eq!(harness.state().selected, Some(order[0]));
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
    harness.state_mut().save_settings();
    drop(harness);
    let harness = app_in(dir.path());
    assert_eq!(selected_title(&harness), "Data Engineer");
    assert_eq!(harness.state().settings.search, "data");
}

#[test]
fn a_role_without_salary_figures_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app_in(dir.path());
    let title = harness
        .state()
        .catalog
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
    harness.get_by_label_contains("United States · USD · per year");
    harness.get_by_label_contains("Source: BLS OEWS May 2024");
    harness.get_by_label("$90,930");
    // The founding brief's levels are one click away.
    harness
        .get_by_label_contains("Founding brief")
        .scroll_to_me();
    harness.run();
    harness.get_by_label_contains("Founding brief").click();
    harness.run();
    harness.get_by_label("$85,000");
    harness.get_by_label("$195,000+");
}

fn progress_label(harness: &Harness<'_, CareerAtlasApp>) -> String {
    harness
        .get_by_label_contains("Core: ")
        .accesskit_node()
        .label()
        .or_else(|| {
            harness
                .get_by_label_contains("Core: ")
                .accesskit_node()
                .value()
        })
        .unwrap_or_default()
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
    first.state_mut().flush_saves();
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
    second.state_mut().flush_saves();
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
    let harness = app_in(dir.path());
    harness.get_by_label_contains("Your skill profile file was damaged");
    harness.get_by_label_contains("profile.json.damaged-");
    assert!(harness.state().profile.skills.is_empty());
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
    for (menu, item) in [
        ("Help", "About the data"),
        ("Help", "Keyboard shortcuts"),
        ("File", "Datasets…"),
    ] {
        harness.get_by_label(menu).click();
        harness.run();
        harness.get_by_label_contains(item).click();
        harness.run();
        harness.check_accessibility();
        harness.key_press(egui::Key::Escape);
        harness.run();
        assert!(harness.state().dialog.is_none(), "Esc closes {item}");
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
    assert_eq!(selected_title(&harness), "Site Reliability Engineer");
    assert!(harness.state().dialog.is_none());
}

#[test]
fn the_first_start_welcomes_and_later_starts_do_not() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app_in(dir.path());
    harness.get_by_label_contains("Welcome to Career Atlas");
    harness.state_mut().save_settings();
    drop(harness);
    let harness = app_in(dir.path());
    assert!(
        harness
            .query_by_label_contains("Welcome to Career Atlas")
            .is_none()
    );
}

/// Issue 13 names the old behaviour a bug: a newer app's settings were
/// replaced by defaults and overwritten.
#[test]
fn settings_from_a_newer_version_are_left_untouched_and_the_person_is_told() {
    let dir = tempfile::tempdir().unwrap();
    let text = r#"{"version": 99, "theme": "dark", "a_newer_field": [1, 2]}"#;
    std::fs::write(dir.path().join("settings.json"), text).unwrap();
    let mut harness = app_in(dir.path());
    harness.get_by_label_contains("written by a newer Career Atlas");
    search(&mut harness, "data");
    harness.state_mut().save_settings();
    harness.state_mut().flush_saves();
    drop(harness);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("settings.json")).unwrap(),
        text
    );
}
