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

const ONE_ROLE: &str = r#"[{"id": "a", "title": "A", "stack": {"L": ["Go"]}}]"#;

fn validate_os(args: &[&std::ffi::OsStr], stdin: Option<&[u8]>) -> (i32, String, String) {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_career-atlas"))
        .arg("validate")
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut pipe = child.stdin.take().unwrap();
    if let Some(bytes) = stdin {
        pipe.write_all(bytes).unwrap();
    }
    drop(pipe);
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[cfg(unix)]
#[test]
fn a_latin1_file_name_is_read_and_shown_lossily() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let good = dir
        .path()
        .join(std::ffi::OsStr::from_bytes(b"r\xf4les-caf\xe9.json"));
    std::fs::write(&good, ONE_ROLE).unwrap();
    let (code, out, err) = validate_os(&[good.as_os_str()], None);
    assert_eq!(code, 0, "{err}");
    let shown = format!("{}/r\u{FFFD}les-caf\u{FFFD}.json", dir.path().display());
    assert_eq!(out, format!("{shown}: ok, 1 role\n"));

    let bad = dir
        .path()
        .join(std::ffi::OsStr::from_bytes(b"\xe9chec.json"));
    std::fs::write(&bad, "{").unwrap();
    let (code, out, err) = validate_os(&[bad.as_os_str()], None);
    assert_eq!(code, 1, "{out}{err}");
    let shown = format!("{}/\u{FFFD}chec.json", dir.path().display());
    assert!(out.contains(&format!("{shown}:1:")), "{out}");
    assert!(out.contains(&format!("{shown}: invalid, ")), "{out}");

    let missing = dir
        .path()
        .join(std::ffi::OsStr::from_bytes(b"n\xe9ant.json"));
    let (code, _, err) = validate_os(&[missing.as_os_str()], None);
    assert_eq!(code, 2);
    assert!(
        err.contains("\u{FFFD}ant.json: error: no such file"),
        "{err}"
    );
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn dash_reads_standard_input() {
    let (code, out, err) = validate_os(&["-".as_ref()], Some(ONE_ROLE.as_bytes()));
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, "<stdin>: ok, 1 role\n");
    let (code, out, _) = validate_os(&["--json".as_ref(), "-".as_ref()], Some(b"[{\"id\": 1}]"));
    assert_eq!(code, 1);
    assert!(out.contains("\"file\":\"<stdin>\""), "{out}");
    let (code, out, _) = validate_os(&["-".as_ref()], Some(b""));
    assert_eq!(code, 1, "an empty input is an invalid file: {out}");
}

#[cfg(unix)]
#[test]
fn a_fifo_named_as_a_file_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("roles.json");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let writer = {
        let fifo = fifo.clone();
        std::thread::Builder::new()
            .name("fifo-writer".into())
            .spawn(move || std::fs::write(fifo, ONE_ROLE).unwrap())
            .unwrap()
    };
    let (code, out, err) = validate_os(&[fifo.as_os_str()], None);
    // Joined only on success: had the FIFO never been opened for reading,
    // the writer would wait forever.
    assert_eq!(code, 0, "{err}");
    writer.join().unwrap();
    assert_eq!(out, format!("{}: ok, 1 role\n", fifo.display()));
}

#[test]
fn folders_and_devices_are_not_files_and_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let (code, _, err) = validate_os(&[dir.path().as_os_str()], None);
    assert_eq!(code, 2);
    assert!(err.contains("error: this is a folder"), "{err}");
    if cfg!(target_os = "linux") {
        let (code, _, err) = validate_os(&["/dev/null".as_ref()], None);
        assert_eq!(code, 2);
        assert!(
            err.contains("/dev/null: error: this is not a regular file"),
            "{err}"
        );
    }
}

#[test]
fn exit_codes_are_only_0_1_or_2() {
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_career-atlas"))
            .args(args)
            .output()
            .unwrap()
            .status
            .code()
    };
    assert_eq!(run(&["--version"]), Some(0));
    assert_eq!(run(&["--help"]), Some(0));
    assert_eq!(run(&["--bogus"]), Some(2));
    assert_eq!(run(&["validate"]), Some(2));
    assert_eq!(run(&["validate", "--bogus", "x.json"]), Some(2));
}
