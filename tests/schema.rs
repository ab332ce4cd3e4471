//! The committed JSON Schema matches the model types. After changing the
//! types, regenerate it with:
//! `CAREER_ATLAS_WRITE_SCHEMA=1 cargo test --test schema`
#![allow(clippy::unwrap_used, clippy::expect_used)] // a panic in a test is a failed test

use career_atlas::model::schema::{SCHEMA_PATH, json_schema, schema_text};

#[test]
fn committed_schema_matches_the_types() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(SCHEMA_PATH);
    let fresh = schema_text();
    if std::env::var_os("CAREER_ATLAS_WRITE_SCHEMA").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &fresh).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == fresh,
        "{SCHEMA_PATH} is out of date with src/model/types.rs; run CAREER_ATLAS_WRITE_SCHEMA=1 cargo test --test schema"
    );
}

#[test]
fn schema_knows_the_three_shapes_and_both_stack_entry_forms() {
    let s = json_schema();
    assert_eq!(s["anyOf"].as_array().unwrap().len(), 3);
    let tech_ref = &s["$defs"]["TechRef"]["anyOf"];
    assert_eq!(tech_ref[0]["type"], "string");
    assert!(tech_ref[1]["properties"]["priority"].is_object());
    assert_eq!(
        s["$defs"]["Role"]["properties"]["id"]["pattern"],
        "^[a-z0-9]+(-[a-z0-9]+)*$"
    );
    assert_eq!(
        s["$defs"]["Dataset"]["properties"]["format"]["const"],
        "career-atlas/1"
    );
    assert!(s["$defs"]["Role"]["properties"]["responsibilities"].is_object());
}

// ---- the schema agrees with the reader ----

fn validator() -> jsonschema::Validator {
    jsonschema::validator_for(&json_schema()).expect("the schema is a valid JSON Schema")
}

fn read(text: &str) -> career_atlas::model::ReadOutcome {
    career_atlas::model::read_dataset(
        "case",
        text.as_bytes(),
        career_atlas::model::ReadContext::default(),
    )
}

#[test]
fn bundled_and_example_files_are_valid_under_the_schema() {
    let v = validator();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = vec![dir.join("assets/roles.json")];
    for entry in std::fs::read_dir(dir.join("data/examples")).unwrap() {
        files.push(entry.unwrap().path());
    }
    assert!(files.len() >= 4, "{files:?}");
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        let errors: Vec<String> = v.iter_errors(&value).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{}: {errors:#?}", f.display());
        assert!(read(&text).dataset.is_some(), "{}", f.display());
    }
}

const ROLE: &str = r#""id": "a", "title": "A", "stack": {"L": ["Go"]}"#;

fn role_with(extra: &str) -> String {
    format!("{{{ROLE}, {extra}}}")
}

fn table_with(table: &str) -> String {
    role_with(&format!(r#""salary": [{table}]"#))
}

/// One file per error class of `data/FORMAT.md` §10, and whether a JSON
/// Schema can express the rule.
fn bad_files() -> Vec<(&'static str, String, bool)> {
    let level = r#""region": "US", "currency": "USD", "levels": [{"level": "J", "min": 1}]"#;
    vec![
        ("top level of none of the shapes", "42".into(), true),
        ("object of none of the shapes", r#"{"hello": 1}"#.into(), true),
        ("no roles at all", "[]".into(), true),
        ("required field missing", r#"{"id": "a", "stack": {}}"#.into(), true),
        ("text where a list goes", role_with(r#""tags": "x""#), true),
        ("a number in quotes", table_with(r#"{"region": "US", "currency": "USD", "levels": [{"level": "J", "min": "85,000"}]}"#), true),
        ("null for an optional field", role_with(r#""category": null"#), true),
        ("role id breaking the pattern", r#"{"id": "Back end", "title": "A", "stack": {}}"#.into(), true),
        ("format of another version", r#"{"format": "career-atlas/2", "name": "x", "roles": [{"id": "a", "title": "A"}]}"#.into(), true),
        ("period outside its list", table_with(&format!(r#"{{{level}, "period": "annual"}}"#)), true),
        ("priority outside its list", role_with(r#""stack": {"L": [{"name": "Go", "priority": "must"}]}"#).replace(r#""stack": {"L": ["Go"]}, "#, ""), true),
        ("currency not three capitals", table_with(r#"{"region": "US", "currency": "usd", "levels": [{"level": "J", "min": 1}]}"#), true),
        ("negative figure", table_with(r#"{"region": "US", "currency": "USD", "levels": [{"level": "J", "min": -5}]}"#), true),
        ("link that is not http(s)", role_with(r#""links": [{"title": "x", "url": "ftp://x.org"}]"#), true),
        ("source url that is not http(s)", r#"{"format": "career-atlas/1", "name": "x", "sources": [{"name": "s", "url": "file:///x"}], "roles": [{"id": "a", "title": "A", "stack": {}}]}"#.into(), true),
        ("empty title", r#"{"id": "a", "title": "", "stack": {}}"#.into(), true),
        ("blank title", r#"{"id": "a", "title": "   ", "stack": {}}"#.into(), true),
        ("empty dataset name", r#"{"format": "career-atlas/1", "name": "", "roles": [{"id": "a", "title": "A", "stack": {}}]}"#.into(), true),
        ("empty region", table_with(r#"{"region": "", "currency": "USD", "levels": [{"level": "J", "min": 1}]}"#), true),
        ("empty level name", table_with(r#"{"region": "US", "currency": "USD", "levels": [{"level": "", "min": 1}]}"#), true),
        ("empty technology name", role_with(r#""salary": []"#).replace(r#"["Go"]"#, r#"[""]"#), true),
        ("empty catalog name", r#"{"format": "career-atlas/1", "name": "x", "technologies": [{"id": "t", "name": ""}], "roles": [{"id": "a", "title": "A", "stack": {}}]}"#.into(), true),
        ("technology url that is not http(s)", r#"{"format": "career-atlas/1", "name": "x", "technologies": [{"id": "t", "name": "T", "url": "www.example.org"}], "roles": [{"id": "a", "title": "A", "stack": {}}]}"#.into(), true),
        ("technology status outside its list", r#"{"format": "career-atlas/1", "name": "x", "technologies": [{"id": "t", "name": "T", "status": "retired"}], "roles": [{"id": "a", "title": "A", "stack": {}}]}"#.into(), true),
        ("empty roles list", r#"{"format": "career-atlas/1", "name": "x", "roles": []}"#.into(), true),
        ("empty levels list", table_with(r#"{"region": "US", "currency": "USD", "levels": []}"#), true),
        ("level without a figure", table_with(r#"{"region": "US", "currency": "USD", "levels": [{"level": "J"}]}"#), true),
        ("exchange rate of 0", r#"{"format": "career-atlas/1", "name": "x", "exchange_rates": {"base": "USD", "rates": {"EUR": 0}}, "roles": [{"id": "a", "title": "A", "stack": {}}]}"#.into(), true),
        ("rate key that is no currency", r#"{"format": "career-atlas/1", "name": "x", "exchange_rates": {"base": "USD", "rates": {"euro": 1}}, "roles": [{"id": "a", "title": "A", "stack": {}}]}"#.into(), true),
        ("related entry that is no id", role_with(r#""related": ["Not An Id"]"#), true),
        // What only the reader can check.
        ("two roles with one id", format!("[{{{ROLE}}}, {{{ROLE}}}]"), false),
        ("figures out of order", table_with(r#"{"region": "US", "currency": "USD", "levels": [{"level": "J", "min": 100, "max": 50}]}"#), false),
        ("text over the byte limit", format!(r#"{{"id": "a", "title": "{}", "stack": {{}}}}"#, "x".repeat(100_001)), false),
    ]
}

#[test]
fn bad_files_are_refused_by_the_reader_and_by_the_schema_where_it_can_say_so() {
    let v = validator();
    for (class, text, schema_can) in bad_files() {
        let out = read(&text);
        assert!(out.dataset.is_none(), "the reader accepts {class}: {text}");
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(
            !v.is_valid(&value),
            schema_can,
            "{class}: the schema {} it: {text}",
            if schema_can { "accepts" } else { "refuses" }
        );
    }
}

#[test]
fn warnings_are_no_schema_errors() {
    // Unknown fields, odd dates and roles with nothing to chart are accepted by
    // the reader with a warning; the schema must not refuse them either.
    let v = validator();
    for text in [
        role_with(r#""responsibilites": []"#),
        r#"{"format": "career-atlas/1", "name": "x", "as_of": "June 2025", "roles": [{"id": "a", "title": "A"}]}"#.into(),
        role_with(r#""related": ["ghost"]"#),
    ] {
        let out = read(&text);
        assert!(out.dataset.is_some() && out.warning_count() > 0, "{text}");
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert!(v.is_valid(&value), "{text}");
    }
}
