//! Text that runs past the panel's right edge (a fresh-user check found
//! Best fit's "Core to learn" lines cut off): every label, link and button on
//! the screens that show names from a role file stays inside the window, at
//! 800 points wide and at 1280. The fixture `long-names.json` was made for
//! these tests: its title, technology and dataset names are wider than the
//! panels, with spaces, so they must wrap or be cut with an ellipsis.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a panic in a test is a failed test

mod common;

use common::{app_with_import, click, click_row, tab, tick, type_into};

use career_atlas::CareerAtlasApp;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

/// The app at `width`×600 with the fixture imported.
fn with_fixture(dir: &std::path::Path, width: f32) -> Harness<'static, CareerAtlasApp> {
    app_with_import(dir, "long-names.json", [width, 600.0])
}

/// Every text on screen whose widget reaches past the window's right edge.
fn past_the_edge(harness: &Harness<'_, CareerAtlasApp>, width: f32) -> Vec<String> {
    harness
        .root()
        .children_recursive()
        .filter_map(|n| {
            let a = n.accesskit_node();
            let text = a.label().or_else(|| a.value())?;
            let rect = n.rect();
            (rect.max.x > width + 0.5).then(|| {
                format!(
                    "{:?} {text:?} spans x = {:.0} to {:.0}",
                    a.role(),
                    rect.min.x,
                    rect.max.x
                )
            })
        })
        .collect()
}

fn assert_inside(harness: &Harness<'_, CareerAtlasApp>, width: f32, screen: &str) {
    let past = past_the_edge(harness, width);
    assert!(
        past.is_empty(),
        "{screen} at {width} points: text runs past the right edge:\n{}",
        past.join("\n")
    );
}

/// Role page (stack checklist), My skills, Best fit, Plan a move and the
/// Datasets window, one width.
fn check_screens(width: f32) {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = with_fixture(dir.path(), width);
    click_row(&mut harness, "Wrap Start");
    tick(&mut harness, "Wrapping Fixture Toolkit");
    click_row(&mut harness, "Principal Distributed");
    assert!(
        harness
            .query_all_by_label_contains("Enterprise Distributed Stream")
            .next()
            .is_some(),
        "the long technology is not on the role page"
    );
    assert_inside(&harness, width, "The role page");
    // A long group name does not widen the first column and squeeze the
    // names: a short one stays on one line.
    let short = harness
        .get_by_label("About Wrapping Fixture Toolkit")
        .rect();
    assert!(
        short.height() < 24.0,
        "a short name is squeezed onto several lines: {short:?}"
    );
    tick(
        &mut harness,
        "Enterprise Distributed Stream Processing Framework Community Edition",
    );

    tab(&mut harness, "My skills");
    assert_inside(&harness, width, "My skills");
    click(&mut harness, "Add a skill");
    type_into(
        &mut harness,
        "Find a technology:",
        "Declarative Infrastructure",
    );
    assert!(
        harness
            .query_all_by_label_contains("Declarative Infrastructure Provisioning")
            .any(|n| n.accesskit_node().role() == Role::Button),
        "the search does not offer the long technology"
    );
    assert_inside(&harness, width, "My skills' search");
    click(&mut harness, "Paste text");
    type_into(
        &mut harness,
        "Paste a CV, a LinkedIn skills list or a job ad; nothing leaves this computer.",
        "Ran the Observability And Telemetry Collection Pipeline For Large Fleets and the Declarative Infrastructure Provisioning And Configuration Toolkit.",
    );
    harness.get_by_label_contains("Found 2 technologies");
    assert_inside(&harness, width, "My skills' paste review");
    click(&mut harness, "This is a job ad");
    harness.get_by_label("The ad asks for 2 technologies.");
    assert_inside(&harness, width, "My skills' job ad");

    tab(&mut harness, "Best fit");
    let core = harness.get_by_label_contains("Core to learn: Observability");
    assert!(
        core.rect().height() > 20.0,
        "the core-to-learn line did not wrap onto a second line: {:?}",
        core.rect()
    );
    assert_inside(&harness, width, "Best fit");

    tab(&mut harness, "Plan a move");
    assert!(
        harness
            .query_all_by_label_contains("Observability And Telemetry")
            .next()
            .is_some(),
        "the plan does not list the technologies to learn"
    );
    assert_inside(&harness, width, "Plan a move");

    tab(&mut harness, "Salaries");
    assert_inside(&harness, width, "Salaries");

    click_row(&mut harness, "Principal Distributed");
    click(&mut harness, "Add to compare");
    click_row(&mut harness, "Wrap Start");
    click(&mut harness, "Add to compare");
    tab(&mut harness, "Compare");
    // Side by side, columns of names wrap at their width; narrower than
    // that, Compare scrolls sideways by design.
    if width >= 1280.0 {
        assert_inside(&harness, width, "Compare");
    }

    click_row(&mut harness, "Principal Distributed");
    click(
        &mut harness,
        "About Observability And Telemetry Collection Pipeline For Large Fleets",
    );
    assert_inside(&harness, width, "A technology's page");

    harness.get_by_label("File").click();
    harness.run();
    harness
        .query_all_by_label_contains("Datasets…")
        .find(|n| n.accesskit_node().role() == Role::Button)
        .expect("no Datasets… in the File menu")
        .click();
    harness.run();
    let name = harness
        .query_all_by_label_contains("Long Names Made For")
        .find(|n| n.accesskit_node().role() == Role::CheckBox)
        .expect("the Datasets window does not list the fixture")
        .rect();
    // Nor does the name run under its row's buttons.
    let row_buttons = ["Save as role file…", "Re-import", "Remove"];
    for button in harness.query_all_by_role(Role::Button).filter(|b| {
        b.accesskit_node()
            .label()
            .is_some_and(|l| row_buttons.contains(&l.as_str()))
    }) {
        let r = button.rect();
        assert!(
            !r.intersects(name),
            "the dataset's name {name:?} runs under {:?} at {r:?}",
            button.accesskit_node().label()
        );
    }
    assert_inside(&harness, width, "The Datasets window");
}

#[test]
fn long_names_wrap_inside_an_800_point_window() {
    check_screens(800.0);
}

#[test]
fn long_names_wrap_inside_a_1280_point_window() {
    check_screens(1280.0);
}
