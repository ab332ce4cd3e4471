//! Skills, fit, plans, compare and the salary ranking, driven in the real app.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a panic in a test is a failed test

mod common;

use common::{app, app_sized, fixture, open_by_id, settle, shows_role, tab, tick};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use career_atlas::AppConfig;
use career_atlas::jobs::FilePicker;
use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT, Queryable};

#[test]
fn setting_a_proficiency_in_the_checklist_updates_the_profile_and_the_fit() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = app(dir.path(), AppConfig::default());
    open_by_id(&mut h, "backend-developer");
    // Issue 17: one level control per row (it had a tick and a chooser).
    let step = h.get_by_role_and_label(Role::Button, "PostgreSQL: use it at work");
    step.scroll_to_me();
    h.run();
    h.get_by_role_and_label(Role::Button, "PostgreSQL: use it at work")
        .click();
    h.run();
    // The chooser shows the new level, wherever PostgreSQL is listed.
    tab(&mut h, "My skills");
    h.get_by_role_and_label(Role::Label, "PostgreSQL");
    h.get_by_label_contains("Use it at work: 1");
    tab(&mut h, "Role");
    // A level of "Used it" or above is a tick.
    let pg = h.get_by_role_and_label(Role::CheckBox, "PostgreSQL");
    assert_eq!(
        pg.accesskit_node().toggled(),
        Some(egui::accesskit::Toggled::True)
    );
    h.get_by_label_contains("Your fit: ");
}

#[test]
fn sorting_by_fit_puts_the_best_fitting_role_first_and_shows_the_number() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = app(dir.path(), AppConfig::default());
    open_by_id(&mut h, "data-analyst");
    for name in ["SQL", "Excel", "Tableau", "Power BI", "Python"] {
        if h.query_by_role_and_label(Role::CheckBox, name).is_some() {
            tick(&mut h, name);
        }
    }
    // The role page gives the fit the list should show.
    let fit = text_of(&h.get_by_label_contains("Your fit: "));
    let pct = format!("{}% fit", percent(fit.trim_start_matches("Your fit: ")));
    h.get_by_role_and_label(Role::CheckBox, "Sort by fit")
        .click();
    h.run();
    // The list's rows from the top: the first is Data Analyst with that fit,
    // and no row below it has a higher one.
    let mut rows: Vec<(f32, String)> = h
        .get_all_by_role(Role::Button)
        .filter_map(|n| {
            let label = n.accesskit_node().label()?;
            label.ends_with("% fit").then(|| (n.rect().top(), label))
        })
        .collect();
    rows.sort_by(|a, b| a.0.total_cmp(&b.0));
    let first = &rows[0].1;
    assert!(first.starts_with("Data Analyst"), "{rows:?}");
    assert!(first.contains(&pct), "{first:?} lacks {pct}");
    let fit_of = |row: &str| {
        let number = row.trim_end_matches("% fit");
        let start = number.trim_end_matches(|c: char| c.is_ascii_digit()).len();
        percent(&number[start..])
    };
    assert!(
        rows.iter().all(|(_, r)| fit_of(r) <= fit_of(first)),
        "{rows:?}"
    );
}

/// What a node reads: a label's text is its value.
fn text_of<'a>(node: &impl NodeT<'a>) -> String {
    let a = node.accesskit_node();
    a.label().or_else(|| a.value()).unwrap_or_default()
}

/// The number in "42%" or "42".
fn percent(text: &str) -> u32 {
    text.trim_end_matches('%')
        .parse()
        .unwrap_or_else(|e| panic!("{text:?} is not a percentage: {e}"))
}

#[test]
fn a_plan_opens_from_a_related_role_and_lists_what_carries_over() {
    let dir = tempfile::tempdir().unwrap();
    // Two roles made for this test: the first is related to the second only.
    let config = AppConfig {
        import_files: vec![fixture("plan-move.json")],
        ..AppConfig::default()
    };
    let mut h = app(dir.path(), config);
    settle(&mut h);
    h.get_by_role_and_label(Role::Button, "Import").click();
    h.run();
    // The first imported role opens; its one related role has a plan button.
    assert!(shows_role(&h, "Fixture Analyst"));
    let b = h.get_by_label("Plan this move");
    b.scroll_to_me();
    h.run();
    h.get_by_label("Plan this move").click();
    h.run();
    h.get_by_label("What carries over");
    h.get_by_label("What to learn");
    // Python carries over; Scala and Spark are the core gap.
    h.get_by_role_and_label(Role::Link, "Python");
    h.get_by_label_contains("Scala");
    h.get_by_label_contains("for 2 core technologies: roughly");
    // Both roles have a US median in USD per year: the pay is compared.
    h.get_by_label_contains("USD · per year · from United States to United States");
    h.get_by_label("All levels · median");
    // A name that carries over leads to its page, like every other.
    h.get_by_role_and_label(Role::Link, "Python").click();
    h.run();
    h.get_by_label_contains("Roles that list it (");
}

#[test]
fn compare_shows_three_roles_side_by_side() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = app(dir.path(), AppConfig::default());
    for id in ["backend-developer", "devops-engineer", "data-engineer"] {
        open_by_id(&mut h, id);
        h.get_by_label("Add to compare").click();
        h.run();
    }
    h.get_by_label("Compare roles");
    h.get_by_label("Technologies");
    h.get_by_label("Pay on one axis");
    assert_eq!(h.get_all_by_label("Remove").count(), 3);
    // A technology row names each role's priority, and the person's level.
    assert!(h.get_all_by_label("Docker").count() >= 1);
    h.get_all_by_label("Remove").next().unwrap().click();
    h.run();
    assert_eq!(h.get_all_by_label("Remove").count(), 2);
}

#[test]
fn the_salary_ranking_opens_a_role_and_switches_region() {
    let dir = tempfile::tempdir().unwrap();
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/examples/game-studios-de.json");
    let config = AppConfig {
        import_files: vec![example],
        ..AppConfig::default()
    };
    let mut h = app(dir.path(), config);
    settle(&mut h);
    h.get_by_role_and_label(Role::Button, "Import").click();
    h.run();
    tab(&mut h, "Salaries");
    h.get_by_label("Salaries across roles");
    h.get_by_label_contains("have a median for United States");
    // The highest median of the bundled data is first: the Engineering Manager.
    let rows: Vec<String> = h
        .get_all_by_role(Role::Link)
        .filter_map(|n| n.accesskit_node().label())
        .collect();
    assert_eq!(rows[0], "Engineering Manager", "{rows:?}");
    h.get_by_role_and_label(Role::Link, "Engineering Manager")
        .click();
    h.run();
    // Its role page, in the Role view.
    assert!(shows_role(&h, "Engineering Manager"));
    h.get_by_label("Responsibilities");

    tab(&mut h, "Salaries");
    h.get_by_label("Region").click();
    h.run();
    // With the survey regions the list is longer than its popup: scroll to
    // the imported dataset's region first, as a person would.
    h.get_by_role_and_label(Role::Button, "Germany")
        .scroll_to_me();
    h.run();
    h.get_by_role_and_label(Role::Button, "Germany").click();
    h.run();
    h.get_by_label_contains("for Germany.");
}

#[test]
fn a_role_without_figures_says_so_in_the_ranking_and_on_its_page() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = app(dir.path(), AppConfig::default());
    open_by_id(&mut h, "developer-advocate");
    h.get_by_label(career_atlas::ui::salary_chart::NO_DATA);
    h.get_by_label_contains("BLS publishes no occupation for developer relations");
    tab(&mut h, "Salaries");
    h.get_by_label_contains("44 of 45 roles in view have a median");
    // Searching for it alone, with the ranking on screen, empties the ranking
    // (kept between frames, it follows the list), and it says why.
    let field = h.get_by_role(Role::TextInput);
    field.focus();
    field.type_text("developer advocate");
    h.run();
    h.get_by_label_contains("None of the roles in view has sourced salary figures");
    h.get_by_role(Role::TextInput).focus();
    h.run();
    h.key_press(egui::Key::Escape);
    h.run();
    h.get_by_label_contains("44 of 45 roles in view have a median");
}

/// Saves to a fixed path and picks it again.
struct RoundTrip(Mutex<Option<PathBuf>>, PathBuf);

impl FilePicker for RoundTrip {
    fn pick_files(&self) -> Option<Vec<PathBuf>> {
        self.0.lock().unwrap().clone().map(|p| vec![p])
    }
    fn save_file(&self, default_name: &str) -> Option<PathBuf> {
        let path = self.1.join(default_name);
        *self.0.lock().unwrap() = Some(path.clone());
        Some(path)
    }
}

#[test]
fn the_profile_exports_and_merges_back() {
    let dir = tempfile::tempdir().unwrap();
    let picker = Arc::new(RoundTrip(Mutex::new(None), dir.path().to_path_buf()));
    let config = AppConfig {
        picker: Some(picker.clone()),
        ..AppConfig::default()
    };
    let mut h = app(dir.path(), config.clone());
    open_by_id(&mut h, "backend-developer");
    tick(&mut h, "Go");
    tab(&mut h, "My skills");
    h.get_by_label_contains("1 technology marked");
    h.get_by_label("Export profile…").click();
    settle(&mut h);
    let saved = dir.path().join("career-atlas-profile.json");
    assert!(std::fs::read_to_string(&saved).unwrap().contains("\"go\""));
    h.get_by_label_contains("Saved your skill profile to");
    drop(h);

    // Another machine: a fresh data folder, one skill of its own.
    let other = tempfile::tempdir().unwrap();
    let mut h = app(other.path(), config);
    open_by_id(&mut h, "backend-developer");
    tick(&mut h, "Rust");
    tab(&mut h, "My skills");
    h.get_by_label("Import profile…").click();
    settle(&mut h);
    h.get_by_label_contains("Merged 1 skill from");
    h.get_by_label_contains("2 technologies marked");
}

#[test]
fn my_skills_suggests_what_to_learn_and_follows_each_tick() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = app(dir.path(), AppConfig::default());
    tab(&mut h, "My skills");
    h.get_by_label_contains("No single technology would lift another role above 70% fit yet");
    // Tick the backend stack, core first, until one more technology would
    // lift some role above 70%.
    tab(&mut h, "Role");
    open_by_id(&mut h, "backend-developer");
    let catalog = h.state().catalog();
    let role = catalog
        .roles
        .iter()
        .find(|e| e.role.id == "backend-developer")
        .unwrap();
    let mut names: Vec<(career_atlas::model::types::Priority, String)> = role
        .techs()
        .map(|i| (i.priority, catalog.tech(i.tech).name.clone()))
        .collect();
    names.sort_by_key(|(p, _)| *p);
    // After each tick, look at My skills as a person would.
    let mut suggestion = None;
    for (_, name) in &names {
        tick(&mut h, name);
        tab(&mut h, "My skills");
        suggestion = h
            .query_all_by_label_contains("Learn ")
            .next()
            .map(|n| text_of(&n));
        tab(&mut h, "Role");
        if suggestion.is_some() {
            break;
        }
    }
    // "Learn Kafka: +3 roles above 70% fit"
    let suggestion = suggestion.expect("some technology is suggested");
    let name = suggestion["Learn ".len()..]
        .split(": +")
        .next()
        .unwrap()
        .to_string();
    // Once it is known, it is no longer suggested.
    tab(&mut h, "Role");
    open_by_id(&mut h, "backend-developer");
    tick(&mut h, &name);
    tab(&mut h, "My skills");
    assert!(
        h.query_by_label_contains(&format!("Learn {name}: "))
            .is_none(),
        "{name} is known now"
    );
}

#[test]
fn text_wraps_inside_a_small_window() {
    let dir = tempfile::tempdir().unwrap();
    let width = 760.0;
    let mut h = app_sized(dir.path(), AppConfig::default(), [width, 560.0]);
    tab(&mut h, "My skills");
    let intro = h
        .get_by_label_contains("One profile for every role and dataset")
        .rect();
    assert!(intro.right() <= width, "cut off at the right: {intro:?}");
    tab(&mut h, "Plan a move");
    for node in h.get_all_by_role(Role::Label) {
        let rect = node.rect();
        assert!(
            rect.right() <= width + 0.5,
            "cut off at the right: {:?} {rect:?}",
            node.accesskit_node().label()
        );
    }
}

#[test]
fn a_note_typed_in_my_skills_is_kept_after_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = app(dir.path(), AppConfig::default());
    open_by_id(&mut h, "backend-developer");
    tick(&mut h, "Go");
    tab(&mut h, "My skills");
    for key in ["f", "o", "r", " ", "C", "L", "I", "s"] {
        let field = h.get_by_role_and_label(Role::TextInput, "Go");
        field.focus();
        field.type_text(key);
        h.run();
    }
    // What eframe does on exit.
    h.state_mut().flush();
    drop(h);

    let mut h = app(dir.path(), AppConfig::default());
    tab(&mut h, "My skills");
    let field = h.get_by_role_and_label(Role::TextInput, "Go");
    assert_eq!(field.accesskit_node().value().as_deref(), Some("for CLIs"));
}
