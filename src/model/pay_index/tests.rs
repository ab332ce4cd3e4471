use super::*;
use crate::model::catalog::test_catalog;

const BLS_DEV: &str = r#"{"region":"United States","currency":"USD","source":"BLS OEWS May 2025 (national); SOC 15-1252 Software Developers","as_of":"2025-05","levels":[{"level":"All levels","p10":80000,"p25":100000,"median":133000,"p75":170000,"p90":210000}]}"#;
const BLS_OLD: &str = r#"{"region":"United States","currency":"USD","source":"BLS OEWS May 2024 (national); SOC 15-1252 Software Developers","as_of":"2024-05","levels":[{"level":"All levels","p10":79000,"p25":99000,"median":131000,"p75":168000,"p90":208000}]}"#;
const GUIDE: &str = r#"{"region":"United States","currency":"USD","source":"A guide","levels":[{"level":"Junior","min":85000},{"level":"Senior","min":195000,"open_ended":true}]}"#;

fn survey(median: u32, kind: &str) -> String {
    format!(
        r#"{{"region":"Worldwide (survey)","currency":"USD","source":"Dev Survey 2025, Someone","as_of":"2025","note":"Respondents who chose the developer type \"{kind}\".","levels":[{{"level":"All levels","median":{median}}}]}}"#
    )
}

fn catalog() -> Catalog {
    let json = format!(
        r#"[
          {{"id":"backend","title":"Backend","salary":[{BLS_DEV},{BLS_OLD},{GUIDE},{s1}]}},
          {{"id":"ios","title":"iOS","salary":[{BLS_DEV},{s2}]}},
          {{"id":"android","title":"Android","salary":[{BLS_DEV},{s2}]}},
          {{"id":"swe","title":"Software Engineer","salary":[{BLS_OLD},{BLS_DEV}]}},
          {{"id":"none","title":"No pay"}}
        ]"#,
        s1 = survey(80_000, "Developer, back-end"),
        s2 = survey(70_000, "Developer, mobile"),
    );
    test_catalog(&json)
}

#[test]
fn levels_lead_then_the_least_shared_then_the_newest() {
    let cat = catalog();
    let pay = PayIndex::new(&cat);
    // Backend: the guide's levels first, then its own survey figure,
    // then the occupation it shares with three roles (newest first).
    assert_eq!(pay.order(RoleIdx(0)), [2, 3, 0, 1]);
    assert_eq!(pay.default_table(RoleIdx(0)), Some(2));
    // iOS: the survey type shared by two roles before the occupation of four.
    assert_eq!(pay.default_table(RoleIdx(1)), Some(1));
    assert_eq!(pay.shared(RoleIdx(1), 0), 4);
    assert_eq!(pay.shared(RoleIdx(1), 1), 2);
    // Two BLS periods shared alike: May 2025 before May 2024, whatever the file order.
    assert_eq!(pay.order(RoleIdx(3)), [1, 0]);
    assert_eq!(pay.default_table(RoleIdx(4)), None);
    assert_eq!(pay.figures_id(RoleIdx(1), 0), pay.figures_id(RoleIdx(3), 1));
    assert_ne!(pay.figures_id(RoleIdx(1), 1), pay.figures_id(RoleIdx(0), 3));
}

#[test]
fn strips_hold_one_median_per_role_of_the_same_source_and_region() {
    let cat = catalog();
    let pay = PayIndex::new(&cat);
    let bls = pay.strip(RoleIdx(1), 0).unwrap();
    assert_eq!(bls.key.source, "BLS OEWS May 2025");
    assert_eq!(bls.key.kind, TableKind::BlsPercentiles);
    assert_eq!(bls.points.len(), 1, "one shared median");
    assert_eq!(bls.roles(), 4);
    let survey = pay.strip(RoleIdx(0), 3).unwrap();
    assert_eq!(survey.key.kind, TableKind::SurveyMedian);
    let values: Vec<f64> = survey.points.iter().map(|p| p.value).collect();
    assert_eq!(values, [70_000.0, 80_000.0]);
    assert_eq!(survey.points[0].roles, [RoleIdx(1), RoleIdx(2)]);
    // The guide's ranges have no median: no strip.
    assert!(pay.strip(RoleIdx(0), 2).is_none());
}

#[test]
fn headlines_subjects_and_families_read_the_table() {
    let cat = catalog();
    let tables = &cat.role(RoleIdx(0)).role.salary;
    let h = headline(&tables[0]).unwrap();
    assert_eq!(
        (h.value, h.is_median, h.what.as_str()),
        (133_000.0, true, "median")
    );
    let span = h.span.unwrap();
    assert_eq!(
        (span.low, span.high, span.open),
        (80_000.0, 210_000.0, false)
    );
    assert_eq!(span.what, "10th to 90th percentile");
    let g = headline(&tables[2]).unwrap();
    assert_eq!(
        (g.value, g.is_median, g.what.as_str()),
        (85_000.0, false, "Junior, from")
    );
    let span = g.span.unwrap();
    assert_eq!(
        (span.low, span.high, span.open),
        (85_000.0, 195_000.0, true)
    );
    assert!(headline(&tables[3]).unwrap().span.is_none());

    assert_eq!(source_family(&tables[0]), "BLS OEWS May 2025");
    assert_eq!(source_family(&tables[3]), "Dev Survey 2025");
    assert_eq!(source_family(&tables[2]), "A guide");
    assert_eq!(
        subject(&tables[0]).unwrap(),
        "Software Developers (SOC 15-1252)"
    );
    assert_eq!(
        subject(&tables[3]).unwrap(),
        "“Developer, back-end” (survey developer type)"
    );
    assert_eq!(subject(&tables[2]), None);
    assert_eq!(TableKind::of(&tables[2]), TableKind::Ranges);
}
