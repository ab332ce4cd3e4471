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
