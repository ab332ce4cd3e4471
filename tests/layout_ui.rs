//! Layout that survives long and huge values, and salary tables labelled for
//! what they are (issue 14 item 5; survey medians beside BLS percentiles).
//! The fixture `long-values.json` was made for these tests.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a panic in a test is a failed test

mod common;

use common::{app_with_import, click_row};

use career_atlas::{AppConfig, CareerAtlasApp};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

const WIDTH: f32 = 800.0;

/// The app at 800×600 with the fixture imported.
fn with_fixture(dir: &std::path::Path) -> Harness<'static, CareerAtlasApp> {
    app_with_import(dir, "long-values.json", [WIDTH, 600.0])
}

/// Every label or value on screen.
fn texts(harness: &Harness<'_, CareerAtlasApp>) -> Vec<(String, egui::Rect)> {
    harness
        .root()
        .children_recursive()
        .filter_map(|n| {
            let a = n.accesskit_node();
            let text = a.label().or_else(|| a.value())?;
            Some((text.clone(), n.rect()))
        })
        .collect()
}

#[test]
fn long_level_names_and_a_long_url_leave_the_chart_inside_the_window() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = with_fixture(dir.path());
    click_row(&mut harness, "Overflow Tester");
    let chart = harness.get_by_label_contains("Salary chart:");
    let rect = chart.rect();
    assert!(
        rect.min.x >= 0.0 && rect.max.x <= WIDTH,
        "the chart {rect:?} leaves the 800-point window"
    );
    assert!(
        rect.width() >= 300.0,
        "the chart is squeezed to {} points",
        rect.width()
    );
    // The axis span reads compact, not "$50000000M".
    let label = chart.accesskit_node().label().unwrap().clone();
    assert!(label.contains("$195T"), "{label}");
    let all = texts(&harness);
    // Long names are cut with an ellipsis; the figure shows compact.
    let level = all
        .iter()
        .find(|(t, _)| t.starts_with("Principal_Distinguished"))
        .expect("the long level name is in the figures table");
    assert!(
        level.0.ends_with('…') && level.0.chars().count() <= 28,
        "{}",
        level.0
    );
    assert!(
        all.iter().any(|(t, _)| t == "$195T"),
        "no compact figure in the table"
    );
    assert!(
        all.iter().any(|(t, _)| t.contains("example.org/links/")),
        "the long link is not on the page"
    );
    // Nothing the person reads runs past the window's right edge (the
    // figures table scrolls sideways instead).
    for (t, r) in &all {
        if t.contains("example.org/") || t.starts_with("Principal") || t.starts_with("Junior_") {
            assert!(r.max.x <= WIDTH + 0.5, "“{t}” ends at {} points", r.max.x);
        }
    }
}

#[test]
fn a_survey_median_is_captioned_as_one_and_bls_percentiles_as_wages() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = with_fixture(dir.path());
    click_row(&mut harness, "Survey Median Role");
    // Short tabs: the region only; the source is in the hover text. Issue 17:
    // the newer BLS table is the most telling and shows first; the survey's
    // is one click away.
    let survey = "United States (Stack Overflow survey)";
    harness
        .get_by_role_and_label(Role::Button, survey)
        .scroll_to_me();
    harness.run();
    harness.get_by_role_and_label(Role::Button, survey).click();
    harness.run();
    let all = texts(&harness);
    let caption = all
        .iter()
        .find(|(t, _)| t.starts_with("United States (Stack Overflow survey) · USD"))
        .expect("a caption naming region and currency");
    assert!(
        caption
            .0
            .contains("survey median of respondents' total pay"),
        "{}",
        caption.0
    );
    harness.get_by_label_contains("687 respondents in the United States");
    harness.get_by_label_contains("Source: Stack Overflow Developer Survey 2025");
    harness.get_by_label_contains("As of: 2025");
    assert!(
        !all.iter().any(|(t, _)| t.contains("pay ranges by level")),
        "a median-only table is called a range"
    );
    let chart = harness.get_by_label_contains("Salary chart:");
    let label = chart.accesskit_node().label().unwrap().clone();
    assert!(
        label.contains("at $175k") && !label.contains("$175k to $175k"),
        "{label}"
    );
    harness
        .get_by_role_and_label(Role::Button, "United States")
        .click();
    harness.run();
    assert!(
        texts(&harness)
            .iter()
            .any(|(t, _)| t.starts_with("United States · USD")
                && t.contains("BLS percentiles of wages")),
        "the BLS table's caption does not say what its figures are"
    );
}

#[test]
fn compare_says_when_a_survey_median_and_bls_percentiles_share_the_axis() {
    let compare = |titles: [&str; 2]| {
        let dir = tempfile::tempdir().unwrap();
        let mut harness = with_fixture(dir.path());
        for title in titles {
            click_row(&mut harness, title);
            harness
                .get_by_role_and_label(Role::Button, "Add to compare")
                .click();
            harness.run();
        }
        harness.get_by_label("Compare").click();
        harness.run();
        harness
            .query_by_label_contains("Different kinds of figures on one axis")
            .is_some()
    };
    // A role with a table of the first role's kind shows that one: no mix.
    assert!(!compare(["BLS Percentile Role", "Survey Median Role"]));
    // A role with only a survey median shares the axis with BLS percentiles,
    // and the chart says so.
    assert!(compare(["BLS Percentile Role", "Survey Only Role"]));
}

#[test]
fn the_about_window_shows_each_sources_licence_and_attribution() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = common::app(dir.path(), AppConfig::default());
    harness.get_by_label("Help").click();
    harness.run();
    harness.get_by_label("About the data").click();
    harness.run();
    let all: String = texts(&harness)
        .into_iter()
        .map(|(t, _)| t)
        .collect::<Vec<_>>()
        .join("\n");
    for needed in [
        "Open Database License (ODbL) 1.0",
        "Database Contents License (DbCL) 1.0",
        "Stack Overflow Developer Survey, Stack Exchange Inc.",
        "O*NET 29.2 Database",
        "CC BY 4.0",
        "public domain",
        "not a BLS percentile of wages",
    ] {
        assert!(all.contains(needed), "About does not say “{needed}”");
    }
}
