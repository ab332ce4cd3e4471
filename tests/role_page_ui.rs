//! The role page as a person meets it (issue 17): quick facts with the right
//! figures, a section bar that reaches the pay chart in one click or key,
//! one level control per technology, grouped rows in Salaries, and Best fit
//! before anything is marked. Expected figures are read from the data here,
//! never copied by eye.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a panic in a test is a failed test

mod common;

use career_atlas::model::money::format_full;
use career_atlas::model::types::SalaryTable;
use career_atlas::model::{Catalog, RoleIdx};
use career_atlas::{AppConfig, CareerAtlasApp};
use common::{app, app_sized};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

fn open(h: &mut Harness<'_, CareerAtlasApp>, id: &str) -> RoleIdx {
    let idx = role(h.state().catalog(), id);
    h.state_mut().apply(
        &egui::Context::default(),
        career_atlas::ui::Command::Open(idx),
    );
    h.run();
    idx
}

fn role(catalog: &Catalog, id: &str) -> RoleIdx {
    RoleIdx(
        catalog
            .roles
            .iter()
            .position(|e| e.role.id == id)
            .unwrap_or_else(|| panic!("no bundled role {id}")),
    )
}

fn click(h: &mut Harness<'_, CareerAtlasApp>, role: Role, label: &str) {
    h.get_by_role_and_label(role, label).click();
    h.run();
}

/// How many loaded roles carry exactly these figures (the same source,
/// region, currency, period and levels; a role's own note aside).
fn carriers(catalog: &Catalog, t: &SalaryTable) -> usize {
    let same = |o: &SalaryTable| {
        o.source == t.source
            && o.region == t.region
            && o.currency == t.currency
            && o.period == t.period
            && o.levels == t.levels
    };
    catalog
        .roles
        .iter()
        .filter(|e| e.role.salary.iter().any(same))
        .count()
}

/// The chart's rectangle, if it is laid out.
fn chart_rect(h: &Harness<'_, CareerAtlasApp>) -> Option<egui::Rect> {
    h.root()
        .children_recursive()
        .find(|n| {
            n.accesskit_node()
                .label()
                .is_some_and(|l| l.starts_with("Salary chart: "))
        })
        .map(|n| n.rect())
}

#[test]
fn quick_facts_give_the_figures_of_the_data_for_two_roles() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = app(dir.path(), AppConfig::default());

    // Backend Developer: the founding brief's levels are the only table with
    // levels, so its first level leads, with the span of the whole table.
    let idx = open(&mut h, "backend-developer");
    let (brief, outlook, related) = {
        let cat = h.state().catalog();
        let r = &cat.role(idx).role;
        let brief = r
            .salary
            .iter()
            .find(|t| t.levels.len() > 1)
            .unwrap()
            .clone();
        let related = r
            .related
            .iter()
            .filter(|id| cat.resolve_related(idx, id).is_some())
            .count();
        (brief, r.outlook.clone().unwrap(), related)
    };
    let junior = brief.levels[0].min.unwrap();
    let top = brief.levels.last().unwrap().min.unwrap();
    // A junior minimum is where pay starts, not what is typical.
    h.get_by_label(&format!(
        "Pay from: {} per year",
        format_full(junior, &brief.currency)
    ));
    assert!(h.query_by_label_contains("Typical pay").is_none());
    h.get_by_label(&format!(
        "Pay range: {} – {}+",
        format_full(junior, &brief.currency),
        format_full(top, &brief.currency)
    ));
    let growth = outlook.growth_pct.unwrap();
    h.get_by_label_contains(&format!("Job outlook: +{growth}%"));
    h.get_by_label(&format!(
        "Typical entry education: {}",
        outlook.entry_education.unwrap()
    ));
    h.get_by_label(&format!("Related roles: {related}"));
    h.get_by_label("Your fit: 0%");

    // iOS Developer: no table with levels, so the figures the fewest roles
    // carry lead (its survey developer type, not the occupation of many).
    let idx = open(&mut h, "ios-developer");
    let lead = {
        let cat = h.state().catalog();
        let tables = &cat.role(idx).role.salary;
        let fewest = tables.iter().map(|t| carriers(cat, t)).min().unwrap();
        tables
            .iter()
            .find(|t| carriers(cat, t) == fewest)
            .unwrap()
            .clone()
    };
    let median = lead.levels[0].median.unwrap();
    h.get_by_label(&format!(
        "Typical pay: {} per year",
        format_full(median, &lead.currency)
    ));
    // Its caption names the source it comes from.
    h.get_by_label_contains(&format!("Source: {}", lead.source.as_deref().unwrap()));
    h.check_accessibility();
}

#[test]
fn the_pay_chart_of_every_role_is_one_click_away_and_in_view() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = app(dir.path(), AppConfig::default());
    let ids: Vec<String> = h
        .state()
        .catalog()
        .roles
        .iter()
        .filter(|e| !e.role.salary.is_empty())
        .map(|e| e.role.id.clone())
        .collect();
    assert!(ids.len() > 40);
    open(&mut h, "backend-developer");
    let below = chart_rect(&h).expect("the chart is laid out");
    assert!(
        below.top() > 800.0,
        "Backend's chart starts on screen: {below:?}"
    );
    for id in &ids {
        open(&mut h, id);
        click(&mut h, Role::Button, "Pay");
        let rect = chart_rect(&h).unwrap();
        assert!(
            rect.top() >= 0.0 && rect.bottom() <= 800.0,
            "{id}: the chart is not in view after one click: {rect:?}"
        );
    }
    // And with the keyboard: Alt+3 is Pay.
    open(&mut h, "data-engineer");
    h.key_press_modifiers(egui::Modifiers::ALT, egui::Key::Num3);
    h.run();
    let rect = chart_rect(&h).unwrap();
    assert!(rect.bottom() <= 800.0, "{rect:?}");
}

#[test]
fn the_pay_chart_of_every_role_is_in_view_after_alt_3_in_a_small_window_too() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = app_sized(dir.path(), AppConfig::default(), [800.0, 600.0]);
    // The first start's welcome takes four lines at this width: read, dismissed.
    click(&mut h, Role::Button, "Dismiss");
    let ids: Vec<String> = h
        .state()
        .catalog()
        .roles
        .iter()
        .filter(|e| !e.role.salary.is_empty())
        .map(|e| e.role.id.clone())
        .collect();
    for id in &ids {
        open(&mut h, id);
        h.key_press_modifiers(egui::Modifiers::ALT, egui::Key::Num3);
        h.run();
        // The section's heading comes to the top, and the chart under it
        // is whole on screen (the picker of a role with nine tables used to
        // push it below the fold).
        let heading = h.get_by_role_and_label(Role::Label, "Pay").rect();
        assert!(
            heading.top() >= 0.0 && heading.top() < 120.0,
            "{id}: {heading:?}"
        );
        let chart = chart_rect(&h).unwrap();
        assert!(
            chart.top() > heading.bottom() && chart.bottom() <= 600.0,
            "{id}: the chart is not in view after Alt+3: {chart:?}"
        );
    }
    h.check_accessibility();
}

#[test]
fn compare_shows_each_roles_most_telling_table_and_says_which() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = app(dir.path(), AppConfig::default());
    let (backend, ios) = {
        let cat = h.state().catalog();
        (role(cat, "backend-developer"), role(cat, "ios-developer"))
    };
    let (brief, lead) = {
        let cat = h.state().catalog();
        let tables = &cat.role(backend).role.salary;
        // The founding brief's levels, which are not the file's first table.
        let brief = tables.iter().find(|t| t.levels.len() > 1).unwrap().clone();
        assert_ne!(
            tables[0], brief,
            "the test needs a role whose first table is not the lead"
        );
        let tables = &cat.role(ios).role.salary;
        let fewest = tables.iter().map(|t| carriers(cat, t)).min().unwrap();
        let lead = tables
            .iter()
            .find(|t| carriers(cat, t) == fewest && t.currency == brief.currency)
            .unwrap()
            .clone();
        (brief, lead)
    };
    for id in ["backend-developer", "ios-developer"] {
        open(&mut h, id);
        click(&mut h, Role::Button, "Add to compare");
    }
    h.get_by_label("Compare roles");
    let describe = career_atlas::model::pay_label::describe;
    h.get_by_label(&format!("Backend Developer: {}", describe(&brief)));
    h.get_by_label(&format!("iOS Developer: {}", describe(&lead)));
    h.get_by_label_contains("each role's most telling table");
}

/// The checklist's progress text ("Core: 3 of 9 · All: 5 of 20").
fn progress(h: &Harness<'_, CareerAtlasApp>) -> String {
    h.root()
        .children_recursive()
        .filter_map(|n| {
            let a = n.accesskit_node();
            a.value().or_else(|| a.label())
        })
        .find(|l| l.starts_with("Core: ") && l.contains(" · All: "))
        .expect("the progress text")
}

fn toggled(h: &Harness<'_, CareerAtlasApp>, role: Role, label: &str) -> bool {
    h.get_by_role_and_label(role, label)
        .accesskit_node()
        .toggled()
        == Some(egui::accesskit::Toggled::True)
}

#[test]
fn one_control_sets_the_level_and_the_progress_follows() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = app(dir.path(), AppConfig::default());
    open(&mut h, "backend-developer");
    let before = progress(&h);
    // No second control says the same thing: no level chooser on the row.
    assert!(h.query_by_label("How well you know PostgreSQL").is_none());
    let at_work = "PostgreSQL: use it at work";
    h.get_by_role_and_label(Role::Button, at_work)
        .scroll_to_me();
    h.run();
    click(&mut h, Role::Button, at_work);
    assert_ne!(progress(&h), before, "the progress text follows");
    assert!(toggled(&h, Role::Button, at_work));
    assert!(
        toggled(&h, Role::CheckBox, "PostgreSQL"),
        "at work is a tick"
    );
    // Clicking the lit step again steps down to "used it": still a tick.
    click(&mut h, Role::Button, at_work);
    assert!(!toggled(&h, Role::Button, at_work));
    assert!(toggled(&h, Role::CheckBox, "PostgreSQL"));
    // The tick itself unticks, and the progress is back where it was.
    click(&mut h, Role::CheckBox, "PostgreSQL");
    assert!(!toggled(&h, Role::CheckBox, "PostgreSQL"));
    assert_eq!(progress(&h), before);
    // The name opens the technology's page.
    click(&mut h, Role::Link, "About PostgreSQL");
    h.get_by_role_and_label(Role::Label, "PostgreSQL");
}

#[test]
fn salaries_fold_roles_that_share_an_occupation_into_one_row() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = app(dir.path(), AppConfig::default());
    // The roles whose May 2025 BLS figures are those of 15-1252, from the data.
    let sharing: Vec<String> = h
        .state()
        .catalog()
        .roles
        .iter()
        .filter(|e| {
            e.role.salary.iter().any(|t| {
                t.source
                    .as_deref()
                    .is_some_and(|s| s.starts_with("BLS OEWS May 2025") && s.contains("15-1252"))
            })
        })
        .map(|e| e.role.title.clone())
        .collect();
    assert!(sharing.len() > 3);
    click(&mut h, Role::Button, "Salaries");
    h.get_by_label_contains("have a median for United States");
    let is_row = |n: &egui_kittest::Node<'_>| {
        n.accesskit_node().role() == Role::Button
            && n.accesskit_node().label().is_some_and(|l| {
                l.starts_with(&format!(
                    "Software Developers (SOC 15-1252) · {} roles: ",
                    sharing.len()
                ))
            })
    };
    assert!(
        h.root().children_recursive().any(|n| is_row(&n)),
        "one row for the occupation"
    );
    // None of them has a row of its own.
    for title in &sharing {
        assert!(
            h.query_by_role_and_label(Role::Link, title).is_none(),
            "{title} has a row of its own"
        );
    }
    h.root().children_recursive().find(is_row).unwrap().click();
    h.run();
    // The row's menu names each role (the list on the left has buttons of
    // the same names: the menu's are right of the list).
    let first = &sharing[0];
    h.get_all_by_role_and_label(Role::Button, first)
        .find(|n| n.rect().left() > 250.0)
        .expect("the role in the row's menu")
        .click();
    h.run();
    assert!(common::shows_role(&h, first));
}

#[test]
fn the_salaries_source_picker_offers_every_source_and_counts_the_roles_without() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = app(dir.path(), AppConfig::default());
    let sources: Vec<String> = {
        let cat = h.state().catalog();
        let mut s: Vec<String> = cat
            .roles
            .iter()
            .flat_map(|e| e.role.salary.iter())
            .map(|t| career_atlas::model::pay_index::source_family(t).to_string())
            .collect();
        s.sort();
        s.dedup();
        s
    };
    assert!(sources.len() >= 3, "{sources:?}");
    click(&mut h, Role::Button, "Salaries");
    h.get_by_label("Source").click();
    h.run();
    for s in &sources {
        h.get_by_label_contains(&format!("{s} ("));
    }
    let survey = sources.iter().find(|s| s.contains("Survey")).unwrap();
    h.get_by_label_contains(&format!("{survey} (")).click();
    h.run();
    h.get_by_label_contains(&format!("no figure from {survey} for this region"));
    h.get_by_label_contains("Survey medians of what respondents said");
}

#[test]
fn best_fit_offers_the_quick_start_before_anything_is_marked() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = app(dir.path(), AppConfig::default());
    click(&mut h, Role::Button, "Best fit");
    click(
        &mut h,
        Role::Button,
        "Quick start: what have you worked with?",
    );
    h.get_by_label("What have you worked with?");
    // No ranking of roles at 0%.
    assert!(h.query_by_label("0%").is_none());
    assert!(
        h.query_by_role_and_label(Role::Link, "Backend Developer")
            .is_none()
    );
    // The chip (a button in the quick-start window), scrolled into view.
    h.get_all_by_role_and_label(Role::Button, "Python")
        .next()
        .unwrap()
        .scroll_to_me();
    h.run();
    h.get_all_by_role_and_label(Role::Button, "Python")
        .next()
        .unwrap()
        .click();
    h.run();
    h.get_by_label_contains("Done: mark 1 technology").click();
    h.run();
    // Now the ranking, and no quick start.
    assert!(h.query_by_label("What have you worked with?").is_none());
    let first = h
        .root()
        .children_recursive()
        .filter_map(|n| {
            let a = n.accesskit_node();
            a.value().or_else(|| a.label())
        })
        .find_map(|l| l.trim().strip_suffix('%')?.parse::<u32>().ok())
        .expect("the ranking shows percentages");
    assert!(first > 0, "the best fit comes first: {first}%");
    h.check_accessibility();
}
