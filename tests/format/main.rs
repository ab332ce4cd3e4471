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

mod fields;
mod warnings_and_recovery;
