//! `career-atlas validate`: the output format and the exit codes scripts rely on.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a panic in a test is a failed test

use std::process::Command;

fn validate(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_career-atlas"))
        .arg("validate")
        .args(args)
        .output()
        .expect("the binary runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn write(dir: &tempfile::TempDir, name: &str, text: &str) -> String {
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

#[test]
fn a_valid_file_prints_ok_and_exits_0() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(
        &dir,
        "one.json",
        r#"[{"id": "a", "title": "A", "stack": {"L": ["Go"]}}]"#,
    );
    let (code, out, _) = validate(&[&f]);
    assert_eq!(code, 0);
    assert_eq!(out, format!("{f}: ok, 1 role\n"));
}

#[test]
fn warnings_are_listed_and_counted_but_do_not_fail() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(
        &dir,
        "w.json",
        "[{\"id\": \"a\", \"title\": \"A\",\n \"responsibilites\": []}]",
    );
    let (code, out, _) = validate(&[&f]);
    assert_eq!(code, 0);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[0],
        format!(
            "{f}:1:2: warning: [0]: this role has neither `stack` nor `salary`: there is nothing to check off or chart"
        )
    );
    assert_eq!(
        lines[1],
        format!(
            "{f}:2:2: warning: [0].responsibilites: unknown field `responsibilites` is ignored; did you mean `responsibilities`?"
        )
    );
    assert_eq!(lines[2], format!("{f}: ok, 1 role, 2 warnings"));
}

#[test]
fn every_error_is_listed_and_the_exit_code_is_1() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(
        &dir,
        "bad.json",
        "[\n{\"id\": \"Bad Id\", \"title\": \"A\", \"stack\": {}},\n{\"id\": \"b\", \"title\": \"B\", \"salary\": [{\"region\": \"US\", \"currency\": \"USD\", \"levels\": [{\"level\": \"J\", \"min\": 9, \"max\": 1}]}]}\n]",
    );
    let (code, out, _) = validate(&[&f]);
    assert_eq!(code, 1);
    assert!(out.contains(&format!("{f}:2:8: error: [0].id: ")), "{out}");
    assert!(
        out.contains(&format!(
            "{f}:3:117: error: [1].salary[0].levels[0].max: `max` (1) is lower than `min` (9)"
        )),
        "{out}"
    );
    assert!(out.ends_with(&format!("{f}: invalid, 2 errors\n")), "{out}");
}

#[test]
fn unreadable_files_exit_2_with_a_message_and_others_are_still_checked() {
    let dir = tempfile::tempdir().unwrap();
    let good = write(
        &dir,
        "good.json",
        r#"{"id": "a", "title": "A", "stack": {}}"#,
    );
    let missing = dir.path().join("missing.json").display().to_string();
    let folder = dir.path().display().to_string();
    let (code, out, err) = validate(&[&missing, &folder, &good]);
    assert_eq!(code, 2);
    assert!(
        err.contains(&format!("{missing}: error: no such file")),
        "{err}"
    );
    assert!(
        err.contains(&format!("{folder}: error: this is a folder")),
        "{err}"
    );
    assert!(out.contains(&format!("{good}: ok, 1 role")), "{out}");
}

#[test]
fn an_invalid_file_and_an_unreadable_one_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let bad = write(&dir, "bad.json", "{");
    let missing = dir.path().join("nope.json").display().to_string();
    assert_eq!(validate(&[&bad, &missing]).0, 2);
    assert_eq!(validate(&[&bad]).0, 1);
}

#[test]
fn json_output_is_one_object_per_line() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(
        &dir,
        "bad.json",
        r#"[{"id": "a", "title": 5, "stack": {}}]"#,
    );
    let (code, out, _) = validate(&["--json", &f]);
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    assert_eq!(v["file"], f.as_str());
    assert_eq!(v["severity"], "error");
    assert_eq!(v["line"], 1);
    assert_eq!(v["column"], 23);
    assert_eq!(v["path"], "[0].title");
}

#[test]
fn no_file_or_unknown_option_is_a_usage_error() {
    assert_eq!(validate(&[]).0, 2);
    let (code, _, err) = validate(&["--bogus", "x.json"]);
    assert_eq!(code, 2);
    assert!(err.contains("unknown option --bogus"));
}

#[test]
fn the_bundled_dataset_and_the_examples_validate_without_warnings() {
    let root = env!("CARGO_MANIFEST_DIR");
    let mut files = vec![format!("{root}/assets/roles.json")];
    for entry in std::fs::read_dir(format!("{root}/data/examples")).unwrap() {
        files.push(entry.unwrap().path().display().to_string());
    }
    let args: Vec<&str> = files.iter().map(String::as_str).collect();
    let (code, out, err) = validate(&args);
    assert_eq!(code, 0, "{out}{err}");
    for f in &files {
        let line = out.lines().find(|l| l.starts_with(f.as_str())).unwrap();
        assert!(
            line.ends_with(" roles") || line.ends_with(" role"),
            "{line}"
        );
    }
    assert!(!out.contains("warning"), "{out}");
}

#[test]
fn bom_and_crlf_files_validate() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(
        &dir,
        "win.json",
        "\u{FEFF}[\r\n{\"id\": \"a\", \"title\": \"A\", \"stack\": {}}\r\n]\r\n",
    );
    assert_eq!(validate(&[&f]).0, 0);
}

#[test]
fn a_ten_thousand_role_file_validates() {
    let dir = tempfile::tempdir().unwrap();
    let text = career_atlas::model::synthetic::dataset_json(10_000, 1);
    assert!(text.len() > 20_000_000, "about 25 MB, got {}", text.len());
    let f = write(&dir, "big.json", &text);
    let (code, out, err) = validate(&[&f]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, format!("{f}: ok, 10000 roles\n"));
}
