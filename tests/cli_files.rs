//! `career-atlas validate` on files as people save them: UTF-16 from
//! PowerShell or Notepad (named or piped in), legacy encodings, and files
//! that are not role files at all, told in one line.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a panic in a test is a failed test

mod common;

use std::ffi::OsStr;
use std::process::{Command, Stdio};

/// Runs `career-atlas validate ARGS` with `stdin`; exit code, stdout, stderr.
fn validate(args: &[&str], stdin: &[u8]) -> (i32, String, String) {
    common::run_cli(std::iter::once(&"validate").chain(args), stdin)
}

/// As PowerShell 5.1's `Out-File` and Notepad's "Unicode" save: UTF-16 LE
/// with a byte order mark.
fn utf16le(text: &str) -> Vec<u8> {
    "\u{FEFF}"
        .encode_utf16()
        .chain(text.encode_utf16())
        .flat_map(u16::to_le_bytes)
        .collect()
}

const ROLE: &str = "{\r\n  \"id\": \"backend\",\r\n  \"title\": \"后端开发工程师\",\r\n  \"stack\": {\"语言\": [\"Go\"]}\r\n}\r\n";

#[test]
fn utf16_files_and_pipes_validate() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("roles.json");
    std::fs::write(&file, utf16le(ROLE)).unwrap();
    let name = file.display().to_string();
    let (code, out, err) = validate(&[&name], b"");
    assert_eq!(code, 0, "{out}{err}");
    assert_eq!(out, format!("{name}: ok, 1 role\n"));
    let (code, out, err) = validate(&["-"], &utf16le(ROLE));
    assert_eq!(code, 0, "{out}{err}");
    assert_eq!(out, "<stdin>: ok, 1 role\n");
}

#[test]
fn a_utf16_mistake_is_placed_as_an_editor_shows_it() {
    let broken = ROLE.replace("\"Go\"]", "\"Go\"], \"tags\": 5");
    let (code, out, _) = validate(&["-"], &utf16le(&broken));
    assert_eq!(code, 1);
    // Line 4, `  "stack": {"语言": ["Go"], "tags": 5}`: the 5 is character 35.
    assert!(out.starts_with("<stdin>:4:35: error: "), "{out}");
}

#[test]
fn a_latin1_file_names_its_encoding_and_how_to_resave() {
    let (code, out, _) = validate(
        &["-"],
        b"{\"id\": \"dev\", \"title\": \"D\xE9veloppeur back-end\", \"stack\": {}}",
    );
    assert_eq!(code, 1);
    assert!(out.contains("<stdin>:1:26: error: "), "{out}");
    assert!(out.contains("windows-1252"), "{out}");
    assert!(out.contains("Développeur"), "{out}");
    assert!(out.contains("-Encoding utf8"), "{out}");
}

#[test]
fn a_profile_export_is_one_line_and_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("career-atlas-profile.json");
    std::fs::write(
        &file,
        r#"{"version": 1, "skills": {"rust": {"level": "at_work", "name": "Rust"}}}"#,
    )
    .unwrap();
    let name = file.display().to_string();
    let (code, out, err) = validate(&[&name], b"");
    assert_eq!(code, 1, "{err}");
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(
        out.starts_with(&format!(
            "{name}: error: this is a Career Atlas skill profile (1 skill), not a role file"
        )),
        "{out}"
    );
    assert!(out.contains("Import profile"), "{out}");
    // The same in JSON output, for scripts.
    let (code, out, _) = validate(&["--json", &name], b"");
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    assert!(v["message"].as_str().unwrap().contains("skill profile"));
}

#[test]
fn neighbours_are_one_line_each_and_role_files_still_validate() {
    let package = br#"{"name": "x", "version": "1.0.0", "dependencies": {}}"#;
    let (code, out, _) = validate(&["-"], package);
    assert_eq!((code, out.lines().count()), (1, 1), "{out}");
    assert!(out.contains("package.json"), "{out}");
    let roadmap = br#"{"title": "Roadmap", "nodes": [{"label": "Go", "children": []}]}"#;
    let (code, out, _) = validate(&["-"], roadmap);
    assert_eq!((code, out.lines().count()), (1, 1), "{out}");
    assert!(out.contains("roadmap"), "{out}");
    // A role file with a mistake still gets its field-level report.
    let (code, out, _) = validate(&["-"], br#"{"title": "A", "stack": {}}"#);
    assert_eq!(code, 1);
    assert!(out.contains("`id`"), "{out}");
    assert!(!out.contains("not a role file"), "{out}");
}

/// Runs the binary with `args`, its standard output going to `/dev/full`
/// (every write fails: the disk is full); exit code and stderr.
#[cfg(target_os = "linux")]
fn to_full_disk(args: &[&str]) -> (i32, String) {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_career-atlas"))
        .args(args)
        .stdin(Stdio::null())
        .stdout(full)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[cfg(target_os = "linux")]
#[test]
fn output_that_cannot_be_written_is_exit_2_for_every_command() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("roles.json");
    std::fs::write(&file, r#"{"id": "a", "title": "A", "stack": {}}"#).unwrap();
    let text = dir.path().join("cv.txt");
    std::fs::write(&text, "Rust and PostgreSQL").unwrap();
    let name = file.to_str().unwrap();
    // `validate --json` prints nothing for a valid file: this one has a line.
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, r#"{"id": "a", "stack": {}}"#).unwrap();
    for args in [
        &["validate", name][..],
        &["validate", "--json", bad.to_str().unwrap()],
        &["new", "-"],
        &["skills", "from-text", text.to_str().unwrap()],
        &["--help"],
        &["--version"],
    ] {
        let (code, err) = to_full_disk(args);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(
            err.contains("No space left") || err.contains("cannot write"),
            "{args:?}: {err}"
        );
        assert!(!err.contains("panicked"), "{args:?}: {err}");
    }
}

#[cfg(unix)]
#[test]
fn control_characters_in_file_names_are_escaped_in_diagnostics() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a\nb\tc.json");
    std::fs::write(&file, r#"{"id": "a", "stack": {}}"#).unwrap();
    let (code, out, _) = validate(&[file.to_str().unwrap()], b"");
    assert_eq!(code, 1, "{out}");
    let shown = format!("{}/a\\nb\\tc.json", dir.path().display());
    assert!(out.starts_with(&format!("{shown}:1:1: error: ")), "{out}");
    assert!(out.lines().all(|l| l.starts_with(&shown)), "{out}");
    // JSON output carries the name as it is, escaped by JSON itself.
    let (_, out, _) = validate(&["--json", file.to_str().unwrap()], b"");
    let v: serde_json::Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    assert_eq!(v["file"], file.to_str().unwrap());
}

#[test]
fn a_mistyped_command_is_named_not_opened() {
    let out = Command::new(env!("CARGO_BIN_EXE_career-atlas"))
        .args(["valdate", "x.json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("unknown command `valdate`; did you mean `validate`?"),
        "{err}"
    );
}

#[test]
fn mistyped_options_are_named_at_every_level() {
    for (args, meant) in [
        (
            &["validate", "--jsn", "x.json"][..],
            "unknown option --jsn; did you mean `--json`?",
        ),
        (&["validate", "--wach", "x.json"], "did you mean `--watch`?"),
        (&["new", "--forse", "x.json"], "did you mean `--force`?"),
        (&["--hepl"], "did you mean `--help`?"),
        (&["--verison"], "did you mean `--version`?"),
        (
            &["--jsn", "x.json"],
            "did you mean `career-atlas validate --json`?",
        ),
        (&["--json", "x.json"], "it belongs to `validate`"),
        (&["validate", "--force", "x.json"], "it belongs to `new`"),
    ] {
        let (code, out, err) = common::run_cli(args, b"");
        assert_eq!(code, 2, "{args:?}: {out}{err}");
        assert!(err.contains(meant), "{args:?}: {err}");
    }
}

/// The binary with no display at all (or the one in `display`), its
/// settings kept in `dir`; exit code and stderr.
fn without_a_window(
    dir: &std::path::Path,
    display: Option<&str>,
    args: &[&OsStr],
) -> (i32, String) {
    let mut command = Command::new(env!("CARGO_BIN_EXE_career-atlas"));
    command
        .args(args)
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env_remove("WAYLAND_SOCKET")
        .env("XDG_DATA_HOME", dir)
        .env("XDG_CONFIG_HOME", dir)
        .env("XDG_RUNTIME_DIR", dir)
        .stdin(Stdio::null());
    if let Some(display) = display {
        command.env("DISPLAY", display);
    }
    let out = command.output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// One line that says what happened and what works instead: exit 2, no
/// backtrace, no crash report, no window system source paths.
fn assert_one_plain_line(err: &str, wanted: &str) {
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains(wanted), "{err}");
    for noise in ["panicked", "Backtrace", "bug", ".rs:", "winit"] {
        assert!(!err.contains(noise), "{err}");
    }
}

#[cfg(all(unix, not(target_os = "macos")))]
#[test]
fn no_display_is_one_line_saying_what_works_instead() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("roles.json");
    std::fs::write(&file, r#"{"id": "a", "title": "A", "stack": {}}"#).unwrap();
    for args in [&[][..], &[file.as_os_str()]] {
        let (code, err) = without_a_window(dir.path(), None, args);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert_one_plain_line(&err, "no display was found");
        assert!(err.contains("career-atlas validate FILE"), "{err}");
    }
    // A display that is set but cannot be reached: the system's reason, in one line.
    let (code, err) = without_a_window(dir.path(), Some(":31999"), &[file.as_os_str()]);
    assert_eq!(code, 2, "{err}");
    assert_one_plain_line(&err, "cannot open a window (");
    assert!(err.contains("career-atlas validate FILE"), "{err}");
}

#[test]
fn a_word_that_is_neither_command_nor_file_is_said_not_opened() {
    let dir = tempfile::tempdir().unwrap();
    // With a display set, the app would open: it must not get that far.
    let (code, err) = without_a_window(dir.path(), Some(":31999"), &["frobnicate".as_ref()]);
    assert_eq!(code, 2, "{err}");
    assert_one_plain_line(
        &err,
        "`frobnicate` is not a command, and no file is named so",
    );
    assert!(err.contains("validate, new, skills, help"), "{err}");
    let gone = dir.path().join("gone.json");
    let (code, err) = without_a_window(dir.path(), Some(":31999"), &[gone.as_os_str()]);
    assert_eq!(code, 2, "{err}");
    assert_one_plain_line(&err, "gone.json: no such file; nothing was opened");
}

#[test]
fn an_empty_file_name_is_told_as_such_by_every_command() {
    for args in [
        &["validate", ""][..],
        &["validate", "--json", ""],
        &["skills", "from-text", ""],
        &[""],
        &["new", ""],
    ] {
        let (code, out, err) = common::run_cli(args, b"");
        assert_eq!(code, 2, "{args:?}: {out}{err}");
        assert!(
            format!("{out}{err}").contains("the file name is empty"),
            "{args:?}: {out}{err}"
        );
        assert!(
            !err.contains(": :") && !err.starts_with(": "),
            "{args:?}: {err}"
        );
    }
}

#[test]
fn a_command_cut_short_or_typed_out_of_place_is_named() {
    for (word, meant) in [
        ("val", "`validate`"),
        ("valid", "`validate`"),
        ("version", "`--version`"),
        ("from-text", "`skills from-text`"),
    ] {
        let (code, out, err) = common::run_cli([word], b"");
        assert_eq!(code, 2, "{word}: {out}{err}");
        assert!(
            err.contains(&format!("did you mean {meant}?")),
            "{word}: {err}"
        );
        // The suggestion is not buried under the whole usage text.
        assert!(
            !err.contains("Usage:") && err.lines().count() <= 2,
            "{word}: {err}"
        );
    }
}
