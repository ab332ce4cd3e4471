//! The command line for authors, run as a person runs it: `career-atlas new`
//! writes a starter file that validates with no warnings, and
//! `career-atlas validate --watch` checks every save until Ctrl+C (exit 0).
#![allow(clippy::unwrap_used, clippy::expect_used)] // a panic in a test is a failed test

mod common;

use common::run_cli;
use std::ffi::OsStr;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_career-atlas");
/// Long enough for a loaded CI machine.
const DEADLINE: Duration = Duration::from_mins(1);

#[test]
fn new_writes_a_template_that_validates_with_no_warnings() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("bootcamp.json");
    let run = |args: &[&OsStr]| run_cli(args, b"");
    let (code, out, err) = run(&["new".as_ref(), file.as_os_str()]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(dir.path().join("career-atlas-1.schema.json").is_file());
    let (code, stdout, _) = run(&["validate".as_ref(), file.as_os_str()]);
    assert_eq!(code, 0, "{stdout}");
    assert_eq!(stdout.trim(), format!("{}: ok, 1 role", file.display()));
    // The template is not replaced by mistake.
    let (code, _, err) = run(&["new".as_ref(), file.as_os_str()]);
    assert_eq!(code, 2);
    assert!(err.contains("already exists"), "{err}");
    let (code, ..) = run(&["new".as_ref(), "--force".as_ref(), file.as_os_str()]);
    assert_eq!(code, 0);
}

/// Lines the child prints, as they come.
fn lines(child: &mut std::process::Child) -> Receiver<String> {
    let (tx, rx) = channel();
    let stdout = child.stdout.take().unwrap();
    std::thread::Builder::new()
        .name("child stdout".into())
        .spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if tx.send(line).is_err() {
                    break;
                }
            }
        })
        .unwrap();
    rx
}

fn wait_for(rx: &Receiver<String>, seen: &mut Vec<String>, wanted: &str) {
    let started = Instant::now();
    while !seen.iter().any(|l| l.contains(wanted)) {
        let left = DEADLINE.saturating_sub(started.elapsed());
        match rx.recv_timeout(left) {
            Ok(line) => seen.push(line),
            Err(e) => panic!("no line with {wanted:?} in {DEADLINE:?} ({e}); saw {seen:#?}"),
        }
    }
}

#[cfg(unix)]
#[test]
fn validate_watch_checks_every_save_and_ends_on_ctrl_c() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("roles.json");
    std::fs::write(
        &file,
        r#"[{"id": "a", "title": "A", "stack": {"L": ["Go"]}}]"#,
    )
    .unwrap();
    let mut child = Command::new(BIN)
        .args(["validate", "--watch"])
        .arg(&file)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let rx = lines(&mut child);
    let mut seen = Vec::new();
    wait_for(&rx, &mut seen, "Watching for saves");
    assert!(seen.iter().any(|l| l.ends_with("roles.json: ok, 1 role")));
    seen.clear();
    std::fs::write(&file, r#"[{"id": "a", "stack": {"L": ["Go"]}}]"#).unwrap();
    wait_for(&rx, &mut seen, "invalid, 1 error");
    assert!(
        seen.iter()
            .any(|l| l.contains("roles.json:1:2: error: [0]")),
        "{seen:#?}"
    );
    seen.clear();
    std::fs::write(
        &file,
        r#"[{"id": "a", "title": "A"}, {"id": "b", "title": "B"}]"#,
    )
    .unwrap();
    wait_for(&rx, &mut seen, "ok, 2 roles");
    // Ctrl+C, as the terminal sends it.
    let pid = child.id().to_string();
    let killed = Command::new("kill").args(["-INT", &pid]).status().unwrap();
    assert!(killed.success());
    let started = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        assert!(started.elapsed() < DEADLINE, "still running after Ctrl+C");
        std::thread::sleep(Duration::from_millis(20));
    };
    assert_eq!(status.code(), Some(0));
}

#[test]
fn watch_needs_files_not_standard_input() {
    let out = Command::new(BIN)
        .args(["validate", "--watch", "-"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("standard input cannot be watched"));
}

/// `career-atlas new ARGS` in `dir`: exit code, stdout, stderr.
fn new_in(dir: &std::path::Path, args: &[&std::ffi::OsStr]) -> (i32, String, String) {
    let out = Command::new(BIN)
        .arg("new")
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn os(s: &str) -> &std::ffi::OsStr {
    std::ffi::OsStr::new(s)
}

#[test]
fn new_never_replaces_someone_elses_file() {
    let dir = tempfile::tempdir().unwrap();
    let schema = dir.path().join("career-atlas-1.schema.json");
    std::fs::write(&schema, "someone else's schema").unwrap();
    let (code, _, err) = new_in(dir.path(), &[os("y.json")]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("career-atlas-1.schema.json already exists"),
        "{err}"
    );
    assert!(err.contains("--force"), "{err}");
    assert_eq!(
        std::fs::read_to_string(&schema).unwrap(),
        "someone else's schema"
    );
    assert!(!dir.path().join("y.json").exists(), "nothing is written");
    // The schema's own name is refused, even with --force.
    std::fs::remove_file(&schema).unwrap();
    for args in [
        &[os("career-atlas-1.schema.json")][..],
        &[os("--force"), os("career-atlas-1.schema.json")],
    ] {
        let (code, out, err) = new_in(dir.path(), args);
        assert_eq!(code, 2, "{out}{err}");
        assert!(err.contains("choose another name"), "{err}");
        assert!(!schema.exists());
    }
    // The same schema beside a second file is no conflict; the role file
    // itself is never replaced without --force.
    let (code, _, err) = new_in(dir.path(), &[os("y.json")]);
    assert_eq!(code, 0, "{err}");
    let (code, _, err) = new_in(dir.path(), &[os("z.json")]);
    assert_eq!(code, 0, "{err}");
    std::fs::write(dir.path().join("y.json"), "{\"edited\": true}").unwrap();
    let (code, _, err) = new_in(dir.path(), &[os("y.json")]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("y.json already exists"), "{err}");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("y.json")).unwrap(),
        "{\"edited\": true}"
    );
}

#[test]
fn new_dash_prints_the_template_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (code, out, err) = new_in(dir.path(), &[os("-")]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["format"], "career-atlas/1");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    // What it prints validates.
    let file = dir.path().join("piped.json");
    std::fs::write(&file, &out).unwrap();
    let check = Command::new(BIN)
        .arg("validate")
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(check.status.code(), Some(0), "{check:?}");
}

#[test]
fn new_errors_name_the_path_and_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("dir1")).unwrap();
    for (arg, needle) in [
        ("", "the file name is empty"),
        ("dir1/", "dir1/ is a folder; name a file in it"),
        ("dir1", "dir1 is a folder; name a file in it"),
        (
            "nope/x.json",
            "the folder nope does not exist; create it first",
        ),
    ] {
        let (code, _, err) = new_in(dir.path(), &[os(arg)]);
        assert_eq!(code, 2, "{arg}: {err}");
        assert!(err.contains(needle), "{arg}: {err}");
        assert!(!err.contains("No such file"), "{arg}: {err}");
        assert!(!err.contains(".tmp-"), "{arg}: {err}");
    }
    assert!(!dir.path().join("nope").exists(), "no folder is made");
}

#[cfg(unix)]
#[test]
fn new_files_get_the_usual_permissions() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempfile::tempdir().unwrap();
    // What this process's umask makes of a new file; the child inherits it.
    let probe = dir.path().join("probe");
    std::fs::File::create(&probe).unwrap();
    let usual = std::fs::metadata(&probe).unwrap().permissions().mode() & 0o777;
    let (code, _, err) = new_in(dir.path(), &[os("roles.json")]);
    assert_eq!(code, 0, "{err}");
    for name in ["roles.json", "career-atlas-1.schema.json"] {
        let mode = std::fs::metadata(dir.path().join(name))
            .unwrap()
            .permissions()
            .mode()
            & 0o777;
        assert_eq!(mode, usual, "{name}: {mode:o}");
    }
}

#[cfg(unix)]
#[test]
fn validate_watch_json_reports_every_state_change() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("roles.json");
    std::fs::write(&file, r#"[{"id": "a", "stack": {}}]"#).unwrap();
    let mut child = Command::new(BIN)
        .args(["validate", "--watch", "--json"])
        .arg(&file)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let rx = lines(&mut child);
    let mut seen = Vec::new();
    wait_for(&rx, &mut seen, r#""status":"invalid""#);
    let state = |seen: &[String], status: &str| {
        seen.iter().any(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["event"] == "checked" && v["status"] == status && v["file"] == file.to_str().unwrap()
        })
    };
    assert!(state(&seen, "invalid"), "{seen:#?}");
    seen.clear();
    // Fixed: the errors clear, and the tool is told.
    std::fs::write(&file, r#"[{"id": "a", "title": "A", "stack": {}}]"#).unwrap();
    wait_for(&rx, &mut seen, r#""status":"ok""#);
    assert!(state(&seen, "ok"), "{seen:#?}");
    seen.clear();
    std::fs::remove_file(&file).unwrap();
    wait_for(&rx, &mut seen, r#""event":"gone""#);
    child.kill().unwrap();
    child.wait().unwrap();
}

/// A reader that goes away (`| head -1` done, a closed pipe) ends the watch
/// with status 2, said once.
#[cfg(unix)]
#[test]
fn validate_watch_ends_once_when_its_output_is_closed() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("roles.json");
    std::fs::write(&file, r#"{"id": "a", "title": "A", "stack": {}}"#).unwrap();
    let mut child = Command::new(BIN)
        .args(["validate", "--watch"])
        .arg(&file)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    // Saves, in case the first lines reached the pipe before it closed.
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        assert!(started.elapsed() < DEADLINE, "the watch went on");
        std::fs::write(&file, r#"{"id": "a", "title": "B", "stack": {}}"#).unwrap();
        std::thread::sleep(Duration::from_millis(200));
    };
    let mut err = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut err).unwrap();
    assert_eq!(status.code(), Some(2), "{err}");
    assert_eq!(err.matches("cannot write the output").count(), 1, "{err}");
}
