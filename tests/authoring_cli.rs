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
