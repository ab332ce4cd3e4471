//! The role file format (`career-atlas/1`, see `data/FORMAT.md`): every shape,
//! every error class and every warning class, each with its line, column and path.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a panic in a test is a failed test

use career_atlas::model::{Diagnostic, ReadContext, Severity, read_dataset};

fn read(text: &str) -> career_atlas::model::ReadOutcome {
    read_dataset("my-file", text.as_bytes(), ReadContext::default())
}

/// The only error of `text`, asserted to be at `line` and `path`.
#[track_caller]
fn one_error(text: &str, line: usize, path: &str, needle: &str) -> Diagnostic {
    let out = read(text);
    assert!(out.dataset.is_none(), "expected the file to be refused");
    let errors: Vec<_> = out.diagnostics.iter().filter(|d| d.is_error()).collect();
    assert_eq!(errors.len(), 1, "expected one error, got {errors:#?}");
    let e = errors[0].clone();
    assert_eq!((e.line, e.path.as_str()), (line, path), "{e:#?}");
    assert!(
        e.message.contains(needle),
        "message {:?} lacks {needle:?}",
        e.message
    );
    e
}

#[track_caller]
fn one_warning(text: &str, line: usize, path: &str, needle: &str) -> Diagnostic {
    let out = read(text);
    assert!(
        out.dataset.is_some(),
        "warnings never refuse a file: {:#?}",
        out.diagnostics
    );
    let warnings: Vec<_> = out
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Warning)
        .collect();
    assert_eq!(warnings.len(), 1, "expected one warning, got {warnings:#?}");
    let w = warnings[0].clone();
    assert_eq!((w.line, w.path.as_str()), (line, path), "{w:#?}");
    assert!(
        w.message.contains(needle),
        "message {:?} lacks {needle:?}",
        w.message
    );
    w
}

const ROLE: &str = r#"{"id": "a", "title": "A", "stack": {"Languages": ["Go"]}}"#;

// ---- shapes ----

#[test]
fn shape_dataset_object() {
    let out = read(&format!(
        r#"{{"format": "career-atlas/1", "name": "Mine", "roles": [{ROLE}]}}"#
    ));
    let ds = out.dataset.unwrap();
    assert_eq!(ds.name, "Mine");
    assert_eq!(ds.roles.len(), 1);
    assert!(out.diagnostics.is_empty());
}

#[test]
fn shape_single_role_is_named_after_the_file() {
    let ds = read(ROLE).dataset.unwrap();
    assert_eq!(ds.name, "my-file");
    assert_eq!(ds.roles[0].id, "a");
}

#[test]
fn shape_bare_array_is_named_after_the_file() {
    let ds = read(&format!("[{ROLE}, {}]", ROLE.replace("\"a\"", "\"b\"")))
        .dataset
        .unwrap();
    assert_eq!(ds.name, "my-file");
    assert_eq!(ds.roles.len(), 2);
}

#[test]
fn full_role_reads_every_field() {
    let text = r#"{"id": "backend-developer", "title": "Backend Developer", "category": "Software",
      "summary": "S", "description": "P1\n\nP2", "responsibilities": ["r1", "r2"],
      "day_in_the_life": [{"when": "Morning", "what": "Logs"}], "education": "E",
      "stack": {"Languages": ["Python", {"name": "Go", "priority": "common", "note": "n"}], "Databases": [{"name": "Redis"}]},
      "salary": [{"region": "United States", "currency": "USD", "period": "month", "source": "S", "as_of": "2025-06",
                  "levels": [{"level": "Junior", "min": 85000}, {"level": "Senior", "min": 195000, "open_ended": true, "note": "x"},
                             {"level": "All", "p10": 90000, "p25": 100000, "median": 110000, "p75": 120000, "p90": 130000, "max": 140000}]}],
      "related": ["software-engineer"], "links": [{"title": "Docs", "url": "https://example.org"}], "tags": ["api"]}"#;
    let out = read(text);
    let role = &out.dataset.expect("valid").roles[0];
    assert_eq!(role.stack[0].name, "Languages");
    assert_eq!(
        role.stack[0].items[0].priority,
        career_atlas::model::types::Priority::Core
    );
    assert_eq!(
        role.stack[0].items[1].priority,
        career_atlas::model::types::Priority::Common
    );
    assert_eq!(
        role.stack[1].items[0].priority,
        career_atlas::model::types::Priority::Core
    );
    assert_eq!(
        role.salary[0].period,
        career_atlas::model::types::Period::Month
    );
    assert!(role.salary[0].levels[1].open_ended);
    assert_eq!(role.day_in_the_life[0].what, "Logs");
    // Only the dangling related id is worth a warning.
    assert_eq!(out.diagnostics.len(), 1, "{:#?}", out.diagnostics);
    assert!(out.diagnostics[0].message.contains("software-engineer"));
}

#[test]
fn stack_groups_keep_the_order_written() {
    let ds = read(
        r#"{"id": "a", "title": "A", "stack": {"Zeta": ["X"], "Alpha": ["Y"], "Mid": ["Z"]}}"#,
    )
    .dataset
    .unwrap();
    let names: Vec<_> = ds.roles[0].stack.iter().map(|g| g.name.as_str()).collect();
    assert_eq!(names, ["Zeta", "Alpha", "Mid"]);
}

#[test]
fn bom_and_crlf_are_accepted_and_positions_stay_right() {
    let text = "\u{FEFF}{\r\n  \"id\": \"a\",\r\n  \"title\": \"A\",\r\n  \"stack\": {\"L\": [\"Go\"]},\r\n  \"tags\": 5\r\n}\r\n";
    let out = read(text);
    let e = &out.diagnostics[0];
    assert_eq!((e.line, e.column, e.path.as_str()), (5, 11, "tags"));
    let ok = read("\u{FEFF}{\r\n\"id\": \"a\",\r\n\"title\": \"A\", \"stack\": {}}\r\n");
    assert!(ok.dataset.is_some());
}

// ---- errors: the document ----

#[test]
fn not_utf8_is_refused_with_its_position() {
    let out = read_dataset(
        "f",
        b"{\"id\": \"a\",\n \"title\": \"\xff\"}",
        ReadContext::default(),
    );
    let e = &out.diagnostics[0];
    assert!(e.message.contains("not UTF-8"));
    assert_eq!((e.line, e.column), (2, 12));
}

#[test]
fn not_json_names_line_and_column() {
    let e = one_error(
        "{\n  \"id\": \"a\",\n  \"title\": \"A\"\n  \"stack\": {}\n}",
        4,
        "",
        "comma",
    );
    assert_eq!(e.column, 3);
    one_error("[1, 2,]", 1, "", "trailing comma");
    one_error("{\"id\": 'a'}", 1, "", "not valid JSON");
    one_error(
        "{\"id\": \"a\", // note\n\"title\": \"A\"}",
        1,
        "",
        "not valid JSON",
    );
    one_error("{\"id\": \"a\"", 1, "", "ends too early");
}

#[test]
fn empty_file_is_refused() {
    one_error("", 1, "", "empty");
    one_error("  \n\t ", 1, "", "empty");
}

#[test]
fn top_level_of_none_of_the_shapes_is_refused() {
    one_error("42", 1, "", "top level");
    one_error("\"hello\"", 1, "", "top level");
    // An object with none of a role file's keys is named as what it is.
    one_error(
        r#"{"hello": 1}"#,
        1,
        "",
        "a JSON object with the fields hello, not a role file",
    );
    one_error(r#"{"stack": {}, "hello": 1}"#, 1, "", "none of the three");
    one_error("[]", 1, "", "at least one role");
    one_error(
        r#"{"name": "x", "roles": []}"#,
        1,
        "",
        "missing required field `format`",
    );
}

#[test]
fn dataset_needs_name_and_roles() {
    one_error(
        r#"{"format": "career-atlas/1", "roles": [{"id": "a", "title": "A", "stack": {}}]}"#,
        1,
        "",
        "`name`",
    );
    one_error(
        r#"{"format": "career-atlas/1", "name": "x"}"#,
        1,
        "",
        "`roles`",
    );
    one_error(
        "{\"format\": \"career-atlas/1\", \"name\": \"x\",\n \"roles\": []}",
        2,
        "roles",
        "at least one role",
    );
}

#[test]
fn newer_format_needs_a_newer_app() {
    one_error(
        r#"{"format": "career-atlas/2", "name": "x", "roles": []}"#,
        1,
        "format",
        "newer version of Career Atlas",
    );
    one_error(
        r#"{"format": "other/1", "name": "x", "roles": []}"#,
        1,
        "format",
        "expected \"format\"",
    );
}

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

// ---- warnings ----

#[test]
fn unknown_field_suggests_the_closest_name() {
    let t = "{\"id\": \"a\", \"title\": \"A\", \"stack\": {},\n \"responsibilites\": []}";
    let w = one_warning(t, 2, "responsibilites", "did you mean `responsibilities`?");
    assert_eq!(w.column, 2);
    let t = r#"{"id": "a", "title": "A", "stack": {}, "zzz": 1}"#;
    one_warning(t, 1, "zzz", "known fields here");
}

#[test]
fn schema_key_is_accepted_and_ignored() {
    let t = r#"{"$schema": "./career-atlas-1.schema.json", "format": "career-atlas/1", "name": "x", "roles": [{"id": "a", "title": "A", "stack": {}}]}"#;
    let out = read(t);
    assert!(out.dataset.is_some());
    assert!(out.diagnostics.is_empty(), "{:#?}", out.diagnostics);
}

#[test]
fn dangling_related_id_warns_unless_another_dataset_defines_it() {
    let t = r#"{"id": "a", "title": "A", "stack": {}, "related": ["ghost"]}"#;
    one_warning(t, 1, "related[0]", "\"ghost\"");
    let known = std::collections::HashSet::from(["ghost".to_string()]);
    let out = read_dataset(
        "f",
        t.as_bytes(),
        ReadContext {
            known_role_ids: Some(&known),
        },
    );
    assert!(out.diagnostics.is_empty());
}

#[test]
fn same_technology_twice_in_a_role_warns_even_through_an_alias() {
    let t = r#"{"id": "a", "title": "A", "stack": {"L": ["Go", "go"]}}"#;
    one_warning(t, 1, "stack.L[1]", "already in this role's stack");
    let t = "{\"format\": \"career-atlas/1\", \"name\": \"x\",\n\"technologies\": [{\"id\": \"postgresql\", \"name\": \"PostgreSQL\", \"aliases\": [\"Postgres\"]}],\n\"roles\": [{\"id\": \"a\", \"title\": \"A\", \"stack\": {\"DB\": [\"PostgreSQL\"],\n \"More\": [\"Postgres\"]}}]}";
    one_warning(
        t,
        4,
        "roles[0].stack.More[0]",
        "already in this role's stack",
    );
}

#[test]
fn a_role_with_neither_stack_nor_salary_warns() {
    one_warning(
        "[\n{\"id\": \"a\", \"title\": \"A\"}]",
        2,
        "[0]",
        "neither `stack` nor `salary`",
    );
}

#[test]
fn valid_files_yield_no_diagnostics_at_all() {
    let t = r#"{"format": "career-atlas/1", "name": "x", "as_of": "2025-06",
      "exchange_rates": {"base": "USD", "as_of": "2025-06-30", "rates": {"EUR": 0.92}},
      "technologies": [{"id": "go", "name": "Go", "aliases": ["Golang"], "hot": true}],
      "roles": [{"id": "a", "title": "A", "stack": {"L": ["Golang"]}}]}"#;
    let out = read(t);
    assert!(out.diagnostics.is_empty(), "{:#?}", out.diagnostics);
    assert_eq!(
        out.dataset.unwrap().exchange_rates.unwrap().rates["EUR"],
        0.92
    );
}

#[test]
fn warnings_of_later_roles_survive_an_error_in_an_earlier_one() {
    let t = "[\n{\"id\": \"Bad\", \"title\": \"A\", \"stack\": {}},\n{\"id\": \"b\", \"title\": \"B\", \"stack\": {\"L\": [\"Go\", \"go\"]}}\n]";
    let out = read(t);
    let w: Vec<_> = out.diagnostics.iter().filter(|d| !d.is_error()).collect();
    assert_eq!(w.len(), 1, "{:#?}", out.diagnostics);
    assert_eq!((w[0].line, w[0].path.as_str()), (3, "[1].stack.L[1]"));
}

#[test]
fn oversized_text_and_deep_nesting_are_refused_with_a_reason() {
    let long = "x".repeat(career_atlas::model::format::MAX_STRING_BYTES + 1);
    one_error(
        &format!(r#"{{"id": "a", "title": "{long}", "stack": {{}}}}"#),
        1,
        "title",
        "at most 100000",
    );
    let deep = format!("{}{}", "[".repeat(600), "]".repeat(600));
    one_error(&deep, 1, "", "nests objects or arrays too deeply");
}

// ---- one mistake never hides the next ----

#[test]
fn a_type_error_does_not_hide_the_other_errors_of_its_role() {
    let t = "[\n{\"id\": \"Bad\",\n \"title\": 3,\n \"salary\": [{\"region\": \"US\", \"currency\": \"usd\", \"levels\": [{\"level\": \"J\", \"min\": \"85,000\", \"max\": -1}]}],\n \"tags\": \"x\", \"responsibilites\": []},\n{\"title\": 5, \"stack\": {\"L\": [{\"priority\": \"core\"}, \"Go\", \"go\"]}}\n]";
    let out = read(t);
    assert!(out.dataset.is_none());
    let found: Vec<_> = out
        .diagnostics
        .iter()
        .map(|d| (d.severity, d.line, d.path.as_str()))
        .collect();
    let (e, w) = (Severity::Error, Severity::Warning);
    assert_eq!(
        found,
        [
            (e, 2, "[0].id"),
            (e, 3, "[0].title"),
            (e, 4, "[0].salary[0].currency"),
            (e, 4, "[0].salary[0].levels[0].min"),
            (e, 4, "[0].salary[0].levels[0].max"),
            (e, 5, "[0].tags"),
            (w, 5, "[0].responsibilites"),
            (e, 6, "[1]"),
            (e, 6, "[1].title"),
            (e, 6, "[1].stack.L[0]"),
            (w, 6, "[1].stack.L[2]"),
        ],
        "{:#?}",
        out.diagnostics
    );
    let text: Vec<_> = out.diagnostics.iter().map(|d| d.message.as_str()).collect();
    assert!(text[1].contains("found the number 3"), "{}", text[1]);
    assert!(text[3].contains("without quotes"), "{}", text[3]);
    assert!(text[4].contains("0 or more"), "{}", text[4]);
    assert!(
        text[7].contains("missing required field `id`"),
        "{}",
        text[7]
    );
    assert!(
        text[9].contains("missing required field `name`"),
        "{}",
        text[9]
    );
}

// ---- hints that name the real mistake ----

#[test]
fn comments_of_every_kind_and_place_are_named_as_comments() {
    let role = r#"{"id": "a", "title": "A", "stack": {"L": ["Go"]}}"#;
    for comment in ["// note\n", "/* note */", "# note\n"] {
        let places = [
            format!("{comment}{role}"),
            role.replacen(", \"title\"", &format!(", {comment}\"title\""), 1),
            role.replacen("\"a\",", &format!("\"a\" {comment},"), 1),
            role.replacen("[\"Go\"]", &format!("[{comment}\"Go\"]"), 1),
            format!("{role} {comment}"),
        ];
        for text in places {
            let e = one_error(&text, 1, "", "JSON has no comments; remove it");
            assert!(!e.message.contains("double quotes"), "{text}: {e:?}");
        }
    }
}

#[test]
fn nan_infinity_and_null_say_to_leave_the_field_out() {
    for figure in ["NaN", "Infinity", "-Infinity", "null"] {
        let t = format!(
            r#"{{"id": "a", "title": "A", "salary": [{{"region": "US", "currency": "USD", "levels": [{{"level": "J", "min": 1, "median": {figure}}}]}}]}}"#
        );
        let out = read(&t);
        let errors: Vec<_> = out.diagnostics.iter().filter(|d| d.is_error()).collect();
        assert_eq!(errors.len(), 1, "{figure}: {errors:#?}");
        let m = &errors[0].message;
        assert!(m.contains("leave the field out"), "{figure}: {m}");
        assert!(!m.contains("or null"), "{figure}: {m}");
    }
}

#[test]
fn a_stack_group_written_twice_warns_and_shows_once() {
    let t = "{\"id\": \"a\", \"title\": \"A\", \"stack\": {\"Cloud\": [\"AWS\"], \"Data\": [\"SQL\"],\n \"Cloud\": [\"GCP\"]}}";
    let w = one_warning(t, 2, "stack.Cloud", "appears twice");
    assert!(w.message.contains("last one counts"), "{w:?}");
    let ds = read(t).dataset.unwrap();
    let groups: Vec<_> = ds.roles[0]
        .stack
        .iter()
        .map(|g| (g.name.as_str(), g.items[0].name.as_str()))
        .collect();
    assert_eq!(groups, [("Data", "SQL"), ("Cloud", "GCP")]);
}

#[test]
fn figures_far_apart_in_one_table_warn_in_any_currency() {
    let table = |currency: &str, low: &str, high: &str| {
        format!(
            "{{\"id\": \"a\", \"title\": \"A\", \"salary\": [{{\"region\": \"X\", \"currency\": \"{currency}\", \"levels\": [\n{{\"level\": \"J\", \"min\": {low}, \"max\": 90000}},\n{{\"level\": \"S\", \"min\": 100000, \"max\": {high}}}]}}]}}"
        )
    };
    let w = one_warning(
        &table("USD", "50000", "195000000000000"),
        3,
        "salary[0].levels[1].max",
        "more than 20 times",
    );
    for part in [
        "195000000000000",
        "salary[0].levels[1].max",
        "50000",
        "salary[0].levels[0].min",
    ] {
        assert!(w.message.contains(part), "{part}: {}", w.message);
    }
    // Too few zeros is caught as well, pointing at the highest figure.
    one_warning(
        &table("EUR", "50", "120000"),
        3,
        "salary[0].levels[1].max",
        "salary[0].levels[0].min",
    );
    // Yearly pay in rupiah runs to hundreds of millions: no warning.
    let idr = table("IDR", "120000000", "1500000000")
        .replace("90000}", "300000000}")
        .replace("100000,", "350000000,");
    let out = read(&idr);
    assert!(out.diagnostics.is_empty(), "{:#?}", out.diagnostics);
}
