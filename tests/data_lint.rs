//! The bundled dataset meets the editorial bar (depth, one catalog, sourced
//! figures, no copied text), and the lint really catches each kind of defect.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a panic in a test is a failed test

use career_atlas::model::lint::lint_dataset;
use career_atlas::model::{ReadContext, bundled_dataset, read_dataset};

#[test]
fn bundled_dataset_passes_the_lint() {
    let problems = lint_dataset(&bundled_dataset());
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn bundled_dataset_reads_without_warnings() {
    let out = read_dataset(
        "roles",
        career_atlas::model::BUNDLED_JSON.as_bytes(),
        ReadContext::default(),
    );
    assert!(out.diagnostics.is_empty(), "{:#?}", out.diagnostics);
}

#[test]
fn bundled_roles_cover_the_required_list() {
    let ds = bundled_dataset();
    for id in [
        "backend-developer",
        "frontend-developer",
        "full-stack-developer",
        "software-engineer",
        "ios-developer",
        "android-developer",
        "devops-engineer",
        "site-reliability-engineer",
        "platform-engineer",
        "cloud-architect",
        "data-engineer",
        "data-scientist",
        "data-analyst",
        "analytics-engineer",
        "machine-learning-engineer",
        "ai-llm-application-engineer",
        "mlops-engineer",
        "security-engineer",
        "penetration-tester",
        "qa-test-automation-engineer",
        "embedded-systems-engineer",
        "game-developer",
        "database-administrator",
        "solutions-architect",
        "engineering-manager",
        "technical-product-manager",
        "ux-ui-designer",
        "technical-writer",
        "developer-advocate",
        "network-engineer",
        "it-support-specialist",
        "blockchain-engineer",
    ] {
        assert!(ds.roles.iter().any(|r| r.id == id), "missing {id}");
    }
}

#[test]
fn backend_developer_carries_the_founding_figures_and_bls_percentiles() {
    let ds = bundled_dataset();
    let role = ds
        .roles
        .iter()
        .find(|r| r.id == "backend-developer")
        .unwrap();
    let bls = &role.salary[0];
    // May 2025 is the primary BLS period (issue 16); May 2024 follows as a
    // labelled year-over-year table.
    assert_eq!(bls.as_of.as_deref(), Some("2025-05"));
    assert!(bls.source.as_deref().unwrap().contains("15-1254"));
    let l = &bls.levels[0];
    assert_eq!(
        (l.p10, l.p25, l.median, l.p75, l.p90),
        (
            Some(48_100.0),
            Some(64_230.0),
            Some(92_650.0),
            Some(126_230.0),
            Some(162_290.0)
        )
    );
    assert_eq!(role.salary[1].as_of.as_deref(), Some("2024-05"));
    assert_eq!(role.salary[1].levels[0].median, Some(90_930.0));
    let brief = role
        .salary
        .iter()
        .find(|t| {
            t.source
                .as_deref()
                .unwrap_or("")
                .starts_with("Founding brief")
        })
        .unwrap();
    assert_eq!(brief.levels[0].min, Some(85_000.0));
    assert_eq!(brief.levels[1].min, Some(195_000.0));
    assert!(brief.levels[1].open_ended);
    let related: Vec<&str> = role.related.iter().map(String::as_str).collect();
    for id in [
        "software-engineer",
        "full-stack-developer",
        "devops-engineer",
        "data-engineer",
    ] {
        assert!(related.contains(&id));
    }
}

#[test]
fn may_2025_p90_is_published_in_full_and_developer_advocate_has_no_figures() {
    let ds = bundled_dataset();
    let em = ds
        .roles
        .iter()
        .find(|r| r.id == "engineering-manager")
        .unwrap();
    // The May 2025 file no longer top-codes this 90th percentile (May 2024
    // showed only "$239,200 or more"); it is not compared across years.
    let level = &em.salary[0].levels[0];
    assert_eq!(level.p90, Some(297_510.0));
    assert!(!level.open_ended);
    assert!(
        em.salary
            .iter()
            .all(|t| t.as_of.as_deref() != Some("2024-05"))
    );
    let da = ds
        .roles
        .iter()
        .find(|r| r.id == "developer-advocate")
        .unwrap();
    assert!(da.salary.is_empty());
    assert!(da.salary_note.is_some());
}

#[test]
fn the_lint_catches_every_defect_of_a_broken_fixture() {
    let text = include_str!("fixtures/broken-dataset.json");
    let mut ds = read_dataset("broken", text.as_bytes(), ReadContext::default())
        .dataset
        .expect("the fixture is valid JSON of the format; its defects are editorial");
    // Figures out of order cannot come from a file (the reader refuses them),
    // but the lint runs the format's rules on the model and must catch them.
    std::sync::Arc::make_mut(&mut ds.roles[0]).salary[0].levels[0].p10 = Some(5.0);
    let problems = lint_dataset(&ds).join("\n");
    for expected in [
        "2 roles; at least 30",
        "4 catalog technologies; at least 150",
        "catalog: InVision is discontinued but flagged hot",
        "technologies[1]: \"postgres\" already names technologies[0] (`postgresql`)",
        "shallow: 1 description paragraphs",
        "shallow: 1 responsibilities",
        "shallow: 1 day-in-the-life entries",
        "shallow: \"Rust\" in Languages is not in the technology catalog",
        "shallow stack.Databases[1]: \"Postgres\" is already in this role's stack",
        "shallow related[1]: the related role \"nowhere\" is not defined",
        "shallow: salary[0] has no source",
        "shallow salary[0].levels[0].p90: `p90` (2) is lower than `p10` (5)",
        "copycat: a description paragraph is copied from shallow",
        "copycat: no salary table and no salary_note",
        "copycat stack.D[0]: \"Go\" is already in this role's stack",
    ] {
        assert!(
            problems.contains(expected),
            "lint missed {expected:?} in:\n{problems}"
        );
    }
}
