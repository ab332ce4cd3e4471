//! Skills entered in seconds and a page for every technology, driven in the
//! real app as a person would: search and add, quick start, paste a CV, a job
//! ad, and technology pages with Back.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a panic in a test is a failed test

mod common;

use common::{app, app_sized, shows_role};

use career_atlas::{AppConfig, CareerAtlasApp};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

fn click(h: &mut Harness<'_, CareerAtlasApp>, label: &str) {
    let node = h.get_by_label(label);
    node.scroll_to_me();
    h.run();
    h.get_by_label(label).click();
    h.run();
}

fn tab(h: &mut Harness<'_, CareerAtlasApp>, label: &str) {
    h.get_by_role_and_label(Role::Button, label).click();
    h.run();
}

fn type_into(h: &mut Harness<'_, CareerAtlasApp>, label: &str, text: &str) {
    let field = h.get_by_label(label);
    field.focus();
    field.type_text(text);
    h.run();
}

/// Opens the role with this id from the role list.
fn open_role(h: &mut Harness<'_, CareerAtlasApp>, id: &str) {
    let idx = h
        .state()
        .catalog()
        .roles
        .iter()
        .position(|e| e.role.id == id)
        .unwrap();
    h.state_mut().apply(
        &egui::Context::default(),
        career_atlas::ui::Command::Open(career_atlas::model::RoleIdx(idx)),
    );
    h.run();
}

/// Every percentage the window shows ("72%" in a fit bar), as numbers.
fn percents(h: &Harness<'_, CareerAtlasApp>) -> Vec<u32> {
    h.root()
        .children_recursive()
        .filter_map(|n| {
            let a = n.accesskit_node();
            a.value().or_else(|| a.label())
        })
        .filter_map(|t| t.trim().strip_suffix('%')?.parse().ok())
        .collect()
}

#[test]
fn a_skill_is_added_by_searching_an_alias_and_pressing_enter() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = app(dir.path(), AppConfig::default());
    tab(&mut h, "My skills");
    click(&mut h, "Add a skill");
    type_into(&mut h, "Find a technology:", "k8s");
    h.get_by_label("Add Kubernetes");
    h.key_press(egui::Key::Enter);
    h.run();
    h.get_by_role_and_label(Role::Label, "Kubernetes");
    h.get_by_label_contains("Used it: 1");
    // "postgres" finds PostgreSQL, added at the level chosen.
    type_into(&mut h, "Find a technology:", "postgres");
    click(&mut h, "How well you know the technology you add");
    click(&mut h, "Could teach it");
    click(&mut h, "Add PostgreSQL");
    h.get_by_label_contains("Could teach it: 1");
}

#[test]
fn quick_start_marks_the_chips_and_ranks_best_fit() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = app(dir.path(), AppConfig::default());
    tab(&mut h, "Best fit");
    assert!(percents(&h).iter().all(|p| *p == 0), "nothing marked yet");
    // Issue 17: Best fit offers the quick start itself while nothing is
    // marked (it listed every role at 0% under a button to it).
    h.get_by_label("What have you worked with?");
    h.check_accessibility();
    for name in ["Python", "SQL", "Git", "Linux", "Docker"] {
        h.get_all_by_label(name).next().unwrap().click();
        h.run();
    }
    click(&mut h, "Done: mark 5 technologies and rank roles");
    h.get_by_role_and_label(Role::Label, "Best fit");
    let ranked = percents(&h);
    assert!(ranked.first().is_some_and(|p| *p > 0), "{ranked:?}");
    tab(&mut h, "My skills");
    h.get_by_label_contains("Used it: 5");
}

const CV: &str = "Jane Doe — Backend engineer\n\
Built payment services in Golang and Python; I go the extra mile on call.\n\
Skills: PostgreSQL, Kafka, Docker, k8s\n";

#[test]
fn a_pasted_cv_is_reviewed_then_marked_at_one_level() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = app(dir.path(), AppConfig::default());
    tab(&mut h, "My skills");
    click(&mut h, "Paste text");
    type_into(
        &mut h,
        "Paste a CV, a LinkedIn skills list or a job ad; nothing leaves this computer.",
        CV,
    );
    h.get_by_label("Found 6 technologies; untick any that are wrong.");
    h.check_accessibility();
    // Go and Python were both found on line 2, and each says so.
    assert_eq!(
        h.get_all_by_label_contains("line 2: Built payment services in Golang")
            .count(),
        2
    );
    // Untick one, and mark the rest as used at work.
    click(&mut h, "Docker");
    click(&mut h, "How well you know the technologies found");
    click(&mut h, "Use it at work");
    click(&mut h, "Confirm: mark 5 technologies");
    h.get_by_label_contains("Use it at work: 5");
    for name in ["Go", "Python", "PostgreSQL", "Kafka", "Kubernetes"] {
        h.get_by_role_and_label(Role::Label, name);
    }
    assert!(h.query_by_role_and_label(Role::Label, "Docker").is_none());
}

#[test]
fn a_job_ad_shows_what_it_asks_what_i_have_and_similar_roles() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = app(dir.path(), AppConfig::default());
    tab(&mut h, "My skills");
    click(&mut h, "Add a skill");
    type_into(&mut h, "Find a technology:", "Python");
    h.key_press(egui::Key::Enter);
    h.run();
    click(&mut h, "Paste text");
    type_into(
        &mut h,
        "Paste a CV, a LinkedIn skills list or a job ad; nothing leaves this computer.",
        "We need a data engineer: Python, SQL, Apache Spark, Airflow and dbt.",
    );
    click(&mut h, "This is a job ad");
    h.get_by_label("The ad asks for 5 technologies.");
    h.get_by_label_contains("You have (1)");
    h.get_by_label_contains("You lack (4)");
    h.get_by_label("Roles whose stacks it most resembles");
    h.check_accessibility();
    click(&mut h, "Data Engineer");
    assert!(shows_role(&h, "Data Engineer"));
}

#[test]
fn a_technology_page_opens_from_a_checklist_item_and_back_returns() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = app(dir.path(), AppConfig::default());
    open_role(&mut h, "backend-developer");
    click(&mut h, "About PostgreSQL");
    h.get_by_role_and_label(Role::Label, "PostgreSQL");
    h.get_by_label_contains("Roles that list it (");
    h.get_by_label("Usually comes with");
    h.check_accessibility();
    // Levels set here count everywhere.
    click(&mut h, "How well you know PostgreSQL");
    click(&mut h, "Use it at work");
    // A companion technology is a link to its own page; Back walks both.
    let companion = h
        .root()
        .children_recursive()
        .filter(|n| n.accesskit_node().role() == Role::Link)
        .filter_map(|n| n.accesskit_node().label())
        .find(|l| l != "Backend Developer" && !l.contains("Developer") && !l.contains("Engineer"))
        .unwrap();
    click(&mut h, &companion);
    h.get_by_role_and_label(Role::Label, &companion);
    click(&mut h, "‹ Back");
    h.get_by_role_and_label(Role::Label, "PostgreSQL");
    click(&mut h, "‹ Back");
    assert!(shows_role(&h, "Backend Developer"));
    let pg = h.get_by_role_and_label(Role::CheckBox, "PostgreSQL");
    assert_eq!(
        pg.accesskit_node().toggled(),
        Some(egui::accesskit::Toggled::True)
    );
}

#[test]
fn the_palette_opens_a_technology_page_in_a_small_window() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = app_sized(dir.path(), AppConfig::default(), [800.0, 600.0]);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::K);
    h.run();
    type_into(&mut h, "Go to a role, a technology or an action", "kafka");
    h.key_press(egui::Key::Enter);
    h.run();
    h.get_by_role_and_label(Role::Label, "Kafka");
    h.get_by_label_contains("Roles that list it (");
    assert!(!shows_role(&h, "Backend Developer"));
    h.check_accessibility();
}
