//! A file that is not a role file is named in one line with what to do:
//! Career Atlas's own other files (made here by the app's own code, so their
//! shapes cannot drift from what is recognised), common neighbours, other
//! text and binary files. Role files with mistakes keep their field-level
//! diagnostics.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a panic in a test is a failed test

use career_atlas::model::format::kind::{FileKind, recognize_bytes};
use career_atlas::model::profile::{Proficiency, Profile, Skill};
use career_atlas::model::{ReadContext, ReadOutcome, read_dataset};
use career_atlas::state::Settings;
use career_atlas::store::library::{LibraryEntry, LibraryIndex};

fn read(bytes: &[u8]) -> ReadOutcome {
    read_dataset("file", bytes, ReadContext::default())
}

/// The file is refused with exactly the kind's one line, and recognised as it.
fn is_kind(bytes: &[u8], kind: &FileKind) {
    let out = read(bytes);
    assert!(out.dataset.is_none());
    assert_eq!(out.diagnostics.len(), 1, "{:?}", out.diagnostics);
    assert_eq!(out.diagnostics[0].message, kind.sentence());
    assert_eq!(recognize_bytes(bytes).as_ref(), Some(kind));
}

/// The file is taken for no other kind: it keeps the reader's own
/// diagnostics, none saying it is not a role file. Gives what was read.
#[track_caller]
fn no_other_kind(text: &str) -> ReadOutcome {
    assert_eq!(recognize_bytes(text.as_bytes()), None, "{text}");
    let out = read(text.as_bytes());
    assert!(
        out.diagnostics
            .iter()
            .all(|d| !d.message.contains("not a role file")),
        "{text}: {:?}",
        out.diagnostics
    );
    out
}

fn profile_export() -> Vec<u8> {
    let mut profile = Profile::default();
    for (key, level) in [
        ("rust", Proficiency::AtWork),
        ("postgresql", Proficiency::Learning),
    ] {
        profile.skills.insert(
            key.into(),
            Skill {
                level,
                note: Some("从工作中学到".into()),
                name: Some(key.into()),
            },
        );
    }
    // As Export profile… writes it.
    serde_json::to_vec_pretty(&profile).unwrap()
}

#[test]
fn a_skill_profile_export_is_named_with_its_size_and_how_to_import_it() {
    let bytes = profile_export();
    is_kind(&bytes, &FileKind::Profile { skills: 2 });
    let line = FileKind::Profile { skills: 2 }.sentence();
    assert!(line.contains("skill profile (2 skills)"), "{line}");
    assert!(line.contains("Import profile"), "{line}");
    // An empty profile, and one saved as UTF-16 by an editor.
    is_kind(
        &serde_json::to_vec(&Profile::default()).unwrap(),
        &FileKind::Profile { skills: 0 },
    );
    let text = String::from_utf8(bytes).unwrap();
    let utf16: Vec<u8> = "\u{FEFF}"
        .encode_utf16()
        .chain(text.encode_utf16())
        .flat_map(u16::to_le_bytes)
        .collect();
    is_kind(&utf16, &FileKind::Profile { skills: 2 });
}

#[test]
fn the_apps_settings_and_library_index_are_named() {
    let settings = serde_json::to_vec_pretty(&Settings::default()).unwrap();
    is_kind(&settings, &FileKind::Settings);
    let mut index = LibraryIndex::default();
    is_kind(
        &serde_json::to_vec_pretty(&index).unwrap(),
        &FileKind::LibraryIndex,
    );
    index.datasets.push(LibraryEntry {
        name: "Studio".into(),
        file: "studio-1234abcd.json".into(),
        source_file: "/home/a/studio.json".into(),
        imported_at: "2026-11-30T00:00:00Z".into(),
        visible: true,
        watch: true,
    });
    is_kind(
        &serde_json::to_vec_pretty(&index).unwrap(),
        &FileKind::LibraryIndex,
    );
}

#[test]
fn a_roadmap_with_nodes_or_children_is_named() {
    let roadmap = br#"{"title": "Backend Roadmap", "nodes": [
        {"label": "Internet", "children": [{"label": "HTTP"}, {"label": "DNS"}]},
        {"label": "Languages", "children": [{"label": "Go"}]}]}"#;
    is_kind(roadmap, &FileKind::Roadmap);
    let tree = br#"{"name": "Frontend", "children": [{"name": "HTML"}]}"#;
    is_kind(tree, &FileKind::Roadmap);
    assert!(FileKind::Roadmap.sentence().contains("id, title and stack"));
}

#[test]
fn package_json_is_named() {
    let npm = br#"{"name": "my-app", "version": "1.0.0", "description": "An app",
        "author": "A", "license": "MIT", "scripts": {"build": "tsc"},
        "dependencies": {"react": "^19.0.0"}}"#;
    is_kind(npm, &FileKind::PackageJson);
}

#[test]
fn a_json_schema_is_named_even_the_role_files_own() {
    let own = std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("data/schema/career-atlas-1.schema.json"),
    )
    .unwrap();
    is_kind(&own, &FileKind::JsonSchema);
    let other = br#"{"$schema": "https://json-schema.org/draft/2020-12/schema",
        "type": "object", "properties": {"a": {"type": "string"}}}"#;
    is_kind(other, &FileKind::JsonSchema);
}

#[test]
fn geojson_notebooks_and_other_formats_are_named() {
    is_kind(
        br#"{"type": "FeatureCollection", "features": []}"#,
        &FileKind::GeoJson,
    );
    is_kind(
        br#"{"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}"#,
        &FileKind::Notebook,
    );
    is_kind(
        br#"{"format": "skilltree/2", "name": "x", "items": []}"#,
        &FileKind::OtherFormat {
            key: "format",
            value: "skilltree/2".into(),
        },
    );
    is_kind(
        br#"{"$schema": "https://json.schemastore.org/tsconfig", "compilerOptions": {}}"#,
        &FileKind::OtherFormat {
            key: "$schema",
            value: "https://json.schemastore.org/tsconfig".into(),
        },
    );
    is_kind(
        br#"{"openapi": "3.1.0", "info": {"title": "API"}}"#,
        &FileKind::OtherFormat {
            key: "openapi",
            value: "3.1.0".into(),
        },
    );
}

#[test]
fn other_text_is_named() {
    for (text, needle) in [
        (
            "# Backend Developer\n\nBuilds the server side.\n\n## Stack\n- Go\n",
            "Markdown",
        ),
        (
            "title,category,min\nBackend,Dev,50000\nFrontend,Dev,48000\n",
            "CSV",
        ),
        ("title;category\nBackend;Dev\n", "CSV"),
        ("title: Backend Developer\nstack:\n  - Go\n", "YAML"),
        ("---\ntitle: Backend\n", "YAML"),
        ("<?xml version=\"1.0\"?>\n<roles/>\n", "XML"),
        ("<!DOCTYPE html>\n<html><body>roles</body></html>\n", "HTML"),
        ("[package]\nname = \"x\"\n", "TOML"),
    ] {
        let out = read(text.as_bytes());
        assert_eq!(out.diagnostics.len(), 1, "{text}: {:?}", out.diagnostics);
        let message = &out.diagnostics[0].message;
        assert!(message.contains(needle), "{text}: {message}");
        assert!(message.contains("not a role file"), "{text}: {message}");
    }
}

#[test]
fn pictures_documents_and_archives_are_named() {
    let mut xlsx = b"PK\x03\x04\x14\x00\x06\x00".to_vec();
    xlsx.extend(b"[Content_Types].xml...xl/workbook.xml");
    for (bytes, needle) in [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR".to_vec(), "PNG"),
        (b"\xFF\xD8\xFF\xE0\x00\x10JFIF".to_vec(), "JPEG"),
        (b"%PDF-1.7\n".to_vec(), "PDF"),
        (xlsx, "Excel"),
        (b"PK\x03\x04\x14\x00roles/a.json".to_vec(), "ZIP"),
        (b"\x1F\x8B\x08\x00".to_vec(), "gzip"),
    ] {
        let out = read(&bytes);
        assert_eq!(out.diagnostics.len(), 1, "{needle}");
        let message = &out.diagnostics[0].message;
        assert!(message.contains(needle), "{message}");
    }
}

#[test]
fn role_files_with_mistakes_keep_their_field_level_diagnostics() {
    for text in [
        // A dataset with a wrong type, a role without an id, a typo'd key.
        r#"{"format": "career-atlas/1", "name": "x", "roles": [{"id": "a", "title": 5}]}"#,
        r#"{"title": "Backend", "stack": {"L": ["Go"]}}"#,
        r#"{"format": "career-atlas/1", "name": "x", "rolez": []}"#,
        r#"[{"id": "a", "title": "A", "stack": 5}]"#,
        // JSON with a comment before it is JSON with a mistake, not Markdown.
        "# my roles\n{\"id\": \"a\", \"title\": \"A\"}",
        "// my roles\n{\"id\": \"a\", \"title\": \"A\"}",
        "{\"id\": \"a\", \"title\": \"A\",}",
    ] {
        assert!(no_other_kind(text).dataset.is_none(), "{text}");
    }
}

#[test]
fn a_valid_role_file_is_never_taken_for_something_else() {
    let out = read(career_atlas::model::BUNDLED_JSON.as_bytes());
    assert!(out.dataset.is_some());
    assert_eq!(
        recognize_bytes(career_atlas::model::BUNDLED_JSON.as_bytes()),
        None
    );
}

#[test]
fn a_roadmap_sharing_a_roles_id_and_title_is_still_a_roadmap() {
    // roadmap.sh-style: id, title and description at the top, like a role,
    // but its shape is nodes and edges.
    let roadmap = br#"{"id": "backend", "title": "Backend Developer",
        "description": "Step by step guide to becoming a backend developer",
        "version": 3, "tags": ["web"],
        "nodes": [{"id": "n1", "type": "topic", "data": {"label": "Internet"}}],
        "edges": [{"source": "n1", "target": "n2"}]}"#;
    is_kind(roadmap, &FileKind::Roadmap);
    // Even with a key a role has, its structure decides.
    let related = br#"{"id": "frontend", "title": "Frontend", "related": ["backend"],
        "children": [{"title": "HTML", "children": []}], "edges": []}"#;
    is_kind(related, &FileKind::Roadmap);
    // A mind map whose nodes are an object.
    let mind = br#"{"title": "Data Science", "nodes": {"root": {"text": "Python"}}}"#;
    is_kind(mind, &FileKind::Roadmap);
    // A role with one stray key of that name keeps its diagnostics.
    let role = br#"{"id": "be", "title": "Backend", "stack": {"L": ["Go"]},
        "salary": 5, "children": 2}"#;
    assert_eq!(recognize_bytes(role), None);
}

#[test]
fn a_list_of_tree_nodes_is_a_roadmap_even_when_its_leaves_look_like_empty_roles() {
    // A tree export (a fresh-user check): top-level nodes, some with
    // children; the leaves have only `id` and `title`, as a role may.
    let tree = br#"[
        {"id": "frontend", "title": "Frontend", "children": [
            {"id": "html", "title": "HTML"}, {"id": "css", "title": "CSS", "children": []}]},
        {"id": "git", "title": "Git"},
        {"id": "http", "title": "HTTP"},
        {"id": "dns", "title": "DNS", "description": "How names resolve"}]"#;
    is_kind(tree, &FileKind::Roadmap);
    // Nodes named by `name`, a mind map's `nodes` as an object, an empty branch.
    for text in [
        r#"[{"name": "Backend", "children": [{"name": "Go"}]}, {"name": "Ops"}]"#,
        r#"[{"id": "a", "title": "A", "nodes": {"b": {"title": "B"}}}, {"id": "c", "title": "C"}]"#,
        r#"[{"id": "a", "title": "A", "children": []}, {"id": "b", "title": "B"}, {"id": "c", "title": "C"}]"#,
    ] {
        is_kind(text.as_bytes(), &FileKind::Roadmap);
    }
    // Anything a role has keeps a list's diagnostics: it may be roles with a stray key.
    for text in [
        r#"[{"id": "a", "title": "A", "stack": {"L": ["Go"]}, "children": []}, {"id": "b", "title": "B"}]"#,
        r#"[{"id": "a", "title": "A", "summary": "Builds APIs", "children": []}, {"id": "b", "title": "B"}]"#,
        r#"[{"id": "a", "title": "A", "children": []}, {"id": "b", "title": "B", "responsibilities": ["x"]}]"#,
        r#"[{"id": "a", "title": "A", "children": []}, {"id": "b", "title": "B", "salery": []}]"#,
        // `children` that holds no nodes is no tree.
        r#"[{"id": "a", "title": "A", "children": 2}, {"id": "b", "title": "B"}]"#,
    ] {
        no_other_kind(text);
    }
}

#[test]
fn an_object_of_another_format_is_named_with_its_fields() {
    let other = br#"{"name": "Team wiki", "url": "https://wiki.example", "pages": 12}"#;
    let out = read(other);
    assert_eq!(out.diagnostics.len(), 1, "{:?}", out.diagnostics);
    let line = &out.diagnostics[0].message;
    assert!(
        line.contains("a JSON object with the fields name, url, pages"),
        "{line}"
    );
    assert!(line.contains("not a role file"), "{line}");
    // A role with misspelt or custom fields is ours, and keeps its diagnostics.
    for text in [
        r#"{"id": "be", "titel": "Backend", "stak": {"L": ["Go"]}}"#,
        r#"{"id": "be", "title": "Backend", "skills": ["Go"]}"#,
        r#"{"id": "be", "title": "Backend", "stack": {"L": ["Go"]}, "team": "x", "remote": true}"#,
    ] {
        assert_eq!(recognize_bytes(text.as_bytes()), None, "{text}");
    }
}

#[test]
fn a_bare_list_of_things_that_are_not_roles_is_named_once() {
    // A spreadsheet saved as JSON: 120 rows.
    let rows: Vec<String> = (0..120)
        .map(|i| {
            format!(
                r#"{{"title": "Role {i}", "category": "Dev", "min": {}, "max": 90000, "currency": "USD"}}"#,
                40_000 + i
            )
        })
        .collect();
    let bytes = format!("[{}]", rows.join(",\n")).into_bytes();
    let out = read(&bytes);
    assert_eq!(out.diagnostics.len(), 1, "one line, not one per row");
    let line = &out.diagnostics[0].message;
    assert!(
        line.contains("a list of 120 objects with the fields title, category, min, max, currency"),
        "{line}"
    );
    assert!(line.contains("id, title and stack"), "{line}");
    // Links, with more fields than are shown.
    let links = br#"[{"name": "Rust book", "url": "https://doc.rust-lang.org/book/",
        "kind": "book", "free": true, "level": 1, "lang": "en"},
        {"name": "Go tour", "url": "https://go.dev/tour/"}]"#;
    let out = read(links);
    assert_eq!(out.diagnostics.len(), 1, "{:?}", out.diagnostics);
    let line = &out.diagnostics[0].message;
    assert!(
        line.contains("a list of 2 objects with the fields name, url, kind, free, level, …"),
        "{line}"
    );
    // A list of skills as names: texts, with where such a list belongs.
    let out = read(br#"["Rust", "PostgreSQL", "Docker"]"#);
    assert_eq!(out.diagnostics.len(), 1, "{:?}", out.diagnostics);
    let line = &out.diagnostics[0].message;
    assert!(
        line.contains("a list of 3 texts (“Rust”, “PostgreSQL”, “Docker”)"),
        "{line}"
    );
    assert!(line.contains("My skills"), "{line}");
    let out = read(b"[1, 2, 3]");
    assert_eq!(out.diagnostics.len(), 1, "{:?}", out.diagnostics);
    assert!(out.diagnostics[0].message.contains("a list of 3 numbers"));
    // Roles with mistakes keep one diagnostic each.
    let roles = br#"[{"id": "a", "title": "A", "stack": 5}, {"id": "b", "titel": "B"}]"#;
    assert_eq!(recognize_bytes(roles), None);
    assert!(read(roles).diagnostics.len() >= 2);
}

#[test]
fn a_file_chosen_as_a_profile_is_named_for_that() {
    use career_atlas::model::format::kind::not_a_profile;
    let role_file = career_atlas::model::BUNDLED_JSON.as_bytes();
    let why = not_a_profile(role_file);
    assert!(why.role_file);
    assert!(
        why.sentence.starts_with("this is a role file ("),
        "{}",
        why.sentence
    );
    assert!(
        why.sentence
            .contains("not a skill profile: import it with File > Import role files…")
    );
    let broken = br#"{"format": "career-atlas/1", "name": "x", "roles": [{"id": "a"}]}"#;
    let why = not_a_profile(broken);
    assert!(why.role_file);
    assert!(
        why.sentence.contains("role file with mistakes"),
        "{}",
        why.sentence
    );
    let settings = serde_json::to_vec_pretty(&Settings::default()).unwrap();
    let why = not_a_profile(&settings);
    assert!(!why.role_file);
    assert!(
        why.sentence
            .starts_with("this is Career Atlas's own settings file")
    );
    assert!(
        why.sentence.contains("not a skill profile"),
        "{}",
        why.sentence
    );
    for (bytes, needle) in [
        (
            &br#"{"name": "web", "version": "1.0.0", "scripts": {}}"#[..],
            "package.json",
        ),
        (b"# Notes\n\nsome text\n", "Markdown"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "PNG"),
        (br#"[{"name": "a", "url": "b"}]"#, "list of 1 object"),
        (b"{\"version\": 1, \"skills\": {", "not valid JSON"),
    ] {
        let why = not_a_profile(bytes);
        assert!(!why.role_file, "{needle}");
        assert!(why.sentence.contains(needle), "{}", why.sentence);
        assert!(why.sentence.contains("skill profile"), "{}", why.sentence);
        assert!(!why.sentence.contains('\n'), "one line: {}", why.sentence);
    }
}
