//! Errors in the fields of a role, a salary table or the catalog.

use super::*;

// ---- errors: fields ----

#[test]
fn missing_required_role_fields() {
    one_error(
        "[\n {\"title\": \"A\", \"stack\": {}}\n]",
        2,
        "[0]",
        "missing required field `id`",
    );
    one_error(
        "[\n {\"id\": \"a\", \"stack\": {}}\n]",
        2,
        "[0]",
        "missing required field `title`",
    );
    one_error(
        r#"[{"id": "a", "title": "  ", "stack": {}}]"#,
        1,
        "[0].title",
        "non-empty",
    );
}

#[test]
fn wrong_types_say_what_was_expected_and_found() {
    let e = one_error(
        r#"{"id": "a", "title": 7, "stack": {}}"#,
        1,
        "title",
        "expected a string",
    );
    assert!(e.message.contains("found the number 7"));
    one_error(
        r#"{"id": "a", "title": "A", "stack": []}"#,
        1,
        "stack",
        "expected the stack",
    );
    one_error(
        r#"{"id": "a", "title": "A", "stack": {}, "tags": "x"}"#,
        1,
        "tags",
        "array",
    );
    one_error(
        r#"{"id": "a", "title": "A", "stack": {}, "responsibilities": ["ok", 3]}"#,
        1,
        "responsibilities[1]",
        "expected a string",
    );
    one_error(
        r#"{"id": "a", "title": "A", "stack": {"L": [true]}}"#,
        1,
        "stack.L[0]",
        "expected a technology",
    );
    one_error(
        r#"{"id": "a", "title": "A", "stack": {"L": [{"priority": "core"}]}}"#,
        1,
        "stack.L[0]",
        "missing required field `name`",
    );
    one_error(
        r#"{"id": "a", "title": "A", "category": null, "stack": {}}"#,
        1,
        "category",
        "found `null`",
    );
}

#[test]
fn quoted_numbers_get_a_hint() {
    let text = r#"{"id": "a", "title": "A", "salary": [{"region": "US", "currency": "USD", "levels": [{"level": "J", "min": "85,000"}]}]}"#;
    let e = one_error(text, 1, "salary[0].levels[0].min", "expected a number");
    assert!(e.message.contains("without quotes"));
}

#[test]
fn role_id_must_match_the_pattern() {
    for bad in ["Backend", "back end", "-a", "a-", "a--b", "á", ""] {
        let text = format!(r#"[{{"id": "{bad}", "title": "A", "stack": {{}}}}]"#);
        one_error(&text, 1, "[0].id", "lowercase letters and digits");
    }
}

#[test]
fn duplicate_role_id_points_at_the_second() {
    let text = "[\n{\"id\": \"a\", \"title\": \"A\", \"stack\": {}},\n{\"id\": \"a\", \"title\": \"B\", \"stack\": {}}\n]";
    let e = one_error(text, 3, "[1].id", "used twice");
    assert_eq!(e.column, 8);
    assert!(e.message.contains("roles[0]"));
}

#[test]
fn duplicate_role_id_inside_a_dataset_has_the_roles_prefix() {
    let text = "{\"format\": \"career-atlas/1\", \"name\": \"x\", \"roles\": [\n{\"id\": \"a\", \"title\": \"A\", \"stack\": {}},\n{\"id\": \"a\", \"title\": \"B\", \"stack\": {}}]}";
    one_error(text, 3, "roles[1].id", "used twice");
}

#[test]
fn period_and_priority_outside_their_lists() {
    let t = r#"{"id": "a", "title": "A", "salary": [{"region": "US", "currency": "USD", "period": "annual", "levels": [{"level": "J", "min": 1}]}]}"#;
    one_error(t, 1, "salary[0].period", "\"year\", \"month\", \"hour\"");
    let t = r#"{"id": "a", "title": "A", "stack": {"L": [{"name": "Go", "priority": "must"}]}}"#;
    one_error(
        t,
        1,
        "stack.L[0].priority",
        "\"core\", \"common\", \"optional\"",
    );
}

#[test]
fn currency_must_be_three_capitals() {
    for bad in ["usd", "US", "USDD", "$", "U5D"] {
        let t = format!(
            r#"{{"id": "a", "title": "A", "salary": [{{"region": "US", "currency": "{bad}", "levels": [{{"level": "J", "min": 1}}]}}]}}"#
        );
        one_error(&t, 1, "salary[0].currency", "three capital letters");
    }
}

#[test]
fn negative_and_non_finite_numbers_are_refused() {
    let t = r#"{"id": "a", "title": "A", "salary": [{"region": "US", "currency": "USD", "levels": [{"level": "J", "min": -5}]}]}"#;
    one_error(t, 1, "salary[0].levels[0].min", "0 or more");
    let t = r#"{"id": "a", "title": "A", "salary": [{"region": "US", "currency": "USD", "levels": [{"level": "J", "max": 1e400}]}]}"#;
    one_error(t, 1, "salary[0].levels[0].max", "finite");
}

#[test]
fn figures_out_of_order_point_at_the_offending_value() {
    let t = "{\"id\": \"a\", \"title\": \"A\", \"salary\": [{\"region\": \"US\", \"currency\": \"USD\", \"levels\": [\n{\"level\": \"J\", \"min\": 100000,\n \"max\": 50000}]}]}";
    let e = one_error(t, 3, "salary[0].levels[0].max", "lower than `min`");
    assert_eq!(e.column, 9);
    let t = r#"{"id": "a", "title": "A", "salary": [{"region": "US", "currency": "USD", "levels": [{"level": "J", "p25": 60, "median": 50, "p75": 70}]}]}"#;
    one_error(t, 1, "salary[0].levels[0].median", "lower than `p25`");
    let t = r#"{"id": "a", "title": "A", "salary": [{"region": "US", "currency": "USD", "levels": [{"level": "J", "p25": 80, "p75": 70}]}]}"#;
    one_error(t, 1, "salary[0].levels[0].p75", "lower than `p25`");
}

#[test]
fn a_level_needs_a_figure_and_a_table_needs_a_level() {
    let t = r#"{"id": "a", "title": "A", "salary": [{"region": "US", "currency": "USD", "levels": [{"level": "J"}]}]}"#;
    one_error(t, 1, "salary[0].levels[0]", "at least one figure");
    let t = r#"{"id": "a", "title": "A", "salary": [{"region": "US", "currency": "USD", "levels": []}]}"#;
    one_error(t, 1, "salary[0].levels", "at least one level");
    let t = r#"{"id": "a", "title": "A", "salary": [{"currency": "USD", "levels": [{"level": "J", "min": 1}]}]}"#;
    one_error(t, 1, "salary[0]", "`region`");
}

#[test]
fn links_must_be_http_or_https() {
    for bad in [
        "javascript:alert(1)",
        "file:///etc/passwd",
        "ftp://x.org",
        "https://",
        "example.org",
    ] {
        let t = format!(
            r#"{{"id": "a", "title": "A", "stack": {{}}, "links": [{{"title": "x", "url": "{bad}"}}]}}"#
        );
        one_error(&t, 1, "links[0].url", "http:// or https://");
    }
    let ok = r#"{"id": "a", "title": "A", "stack": {}, "links": [{"title": "x", "url": "HTTP://example.org/a"}]}"#;
    assert!(read(ok).dataset.is_some());
}

/// A dataset whose one catalog entry has `extra` fields.
fn with_catalog_entry(extra: &str) -> String {
    format!(
        r#"{{"format": "career-atlas/1", "name": "x", "technologies": [{{"id": "t", "name": "T", {extra}}}], "roles": [{ROLE}]}}"#
    )
}

#[test]
fn a_technology_address_must_be_http_or_https() {
    for bad in [
        "javascript:alert(1)",
        "www.postgresql.org",
        "https://",
        "https://a b",
    ] {
        let t = with_catalog_entry(&format!(r#""url": "{bad}""#));
        one_error(&t, 1, "technologies[0].url", "http:// or https://");
    }
    let out = read(&with_catalog_entry(
        r#""url": "https://www.postgresql.org/docs/", "status": "deprecated""#,
    ));
    let ds = out.dataset.unwrap();
    assert!(out.diagnostics.is_empty(), "{:#?}", out.diagnostics);
    assert_eq!(
        ds.technologies[0].url.as_deref(),
        Some("https://www.postgresql.org/docs/")
    );
    assert_eq!(
        ds.technologies[0].status,
        Some(career_atlas::model::types::TechStatus::Deprecated)
    );
}

#[test]
fn a_technology_status_outside_its_list_is_refused() {
    for bad in [r#""retired""#, r#""Discontinued""#, r#""""#] {
        let t = with_catalog_entry(&format!(r#""status": {bad}"#));
        one_error(
            &t,
            1,
            "technologies[0].status",
            "\"active\", \"deprecated\", \"discontinued\"",
        );
    }
}

#[test]
fn every_error_of_a_file_is_reported() {
    let t = "[\n{\"id\": \"Bad\", \"title\": \"A\", \"stack\": {}},\n{\"id\": \"b\", \"title\": 3, \"stack\": {}},\n{\"id\": \"c\", \"title\": \"C\", \"salary\": [{\"region\": \"US\", \"currency\": \"usd\", \"levels\": [{\"level\": \"J\", \"min\": -1}]}]}\n]";
    let out = read(t);
    let lines: Vec<_> = out
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| (d.line, d.path.clone()))
        .collect();
    assert_eq!(
        lines,
        [
            (2, "[0].id".to_string()),
            (3, "[1].title".to_string()),
            (4, "[2].salary[0].currency".to_string()),
            (4, "[2].salary[0].levels[0].min".to_string())
        ]
    );
}

#[test]
fn paths_quote_keys_that_are_not_plain_words() {
    let t = r#"{"id": "a", "title": "A", "stack": {"Message queues": [5]}}"#;
    one_error(
        t,
        1,
        "stack[\"Message queues\"][0]",
        "expected a technology",
    );
}
