//! `career-atlas skills from-text FILE|-`: what scripts read (one technology
//! per line: id, tab, name), the profile it writes, and the exit codes
//! (0 found, 1 none found, 2 unreadable or wrong command line).
#![allow(clippy::unwrap_used, clippy::expect_used)] // a panic in a test is a failed test

mod common;

fn skills(args: &[&str], stdin: &str) -> (i32, String, String) {
    common::run_cli(std::iter::once(&"skills").chain(args), stdin.as_bytes())
}

#[test]
fn a_text_on_stdin_lists_each_technology_once_with_its_id() {
    let (code, out, _) = skills(
        &["from-text", "-"],
        "Built services in Golang and Kubernetes. I go to meetings. More Golang.\n",
    );
    assert_eq!(code, 0);
    assert_eq!(out, "go\tGo\nkubernetes\tKubernetes\n");
}

#[test]
fn a_file_is_read_and_punctuated_names_are_found() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cv.txt");
    std::fs::write(&path, "Skills: C++, C#, .NET, Node.js\n").unwrap();
    let (code, out, _) = skills(&["from-text", path.to_str().unwrap()], "");
    assert_eq!(code, 0);
    let ids: Vec<&str> = out.lines().filter_map(|l| l.split('\t').next()).collect();
    assert_eq!(ids, ["cpp", "csharp", "dotnet", "nodejs"]);
}

#[test]
fn profile_is_written_in_the_export_format_at_the_chosen_level() {
    let dir = tempfile::tempdir().unwrap();
    let profile = dir.path().join("profile.json");
    let (code, _, _) = skills(
        &[
            "from-text",
            "--profile",
            profile.to_str().unwrap(),
            "--level",
            "at_work",
            "-",
        ],
        "Python, Rust and PostgreSQL",
    );
    assert_eq!(code, 0);
    let text = std::fs::read_to_string(&profile).unwrap();
    let read: career_atlas::model::profile::Profile = serde_json::from_str(&text).unwrap();
    let keys: Vec<&String> = read.skills.keys().collect();
    assert_eq!(keys, ["postgresql", "python", "rust"]);
    assert!(
        read.skills
            .values()
            .all(|s| s.level == career_atlas::model::profile::Proficiency::AtWork)
    );
    assert!(text.ends_with("}\n"));
}

#[test]
fn profile_to_stdout_replaces_the_list() {
    let (code, out, _) = skills(&["from-text", "--profile", "-", "-"], "Kafka and Flink");
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["skills"]["kafka"]["level"], "used_it");
}

#[test]
fn a_dataset_adds_its_technologies() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("extra.json");
    std::fs::write(
        &path,
        r#"{"format":"career-atlas/1","name":"extra",
            "technologies":[{"id":"quarkle","name":"Quarkle","aliases":["Quarkle DB"]}],
            "roles":[{"id":"q","title":"Q","stack":{"A":["Quarkle"]}}]}"#,
    )
    .unwrap();
    let text = "Quarkle DB and Python";
    let (_, without, _) = skills(&["from-text", "-"], text);
    assert_eq!(without, "python\tPython\n");
    let (code, out, _) = skills(
        &["from-text", "--dataset", path.to_str().unwrap(), "-"],
        text,
    );
    assert_eq!(code, 0, "{out}");
    assert_eq!(out, "quarkle\tQuarkle\npython\tPython\n");
}

#[test]
fn nothing_found_exits_1() {
    let (code, out, err) = skills(&["from-text", "-"], "I go to meetings and rest on Sundays.");
    assert_eq!(code, 1);
    assert!(out.is_empty());
    assert!(err.contains("no technology"), "{err}");
}

#[test]
fn unreadable_files_and_bad_arguments_exit_2() {
    let (code, _, err) = skills(&["from-text", "/no/such/file.txt"], "");
    assert_eq!(code, 2);
    assert!(err.contains("/no/such/file.txt"), "{err}");
    let (code, _, err) = skills(&["from-text"], "");
    assert_eq!(code, 2);
    assert!(err.contains("Usage"), "{err}");
    let (code, _, _) = skills(&["from-text", "--level", "guru", "-"], "Go");
    assert_eq!(code, 2);
    let (code, _, _) = skills(&["from-pdf", "x"], "");
    assert_eq!(code, 2);
    let dir = tempfile::tempdir().unwrap();
    let (code, _, err) = skills(
        &["from-text", "--profile", dir.path().to_str().unwrap(), "-"],
        "Python",
    );
    assert_eq!(code, 2, "a folder cannot be written as a file");
    assert!(err.contains("could not be written"), "{err}");
}

/// Notepad's "Unicode" and PowerShell 5.1's `Out-File` save UTF-16 with a
/// byte order mark; such a CV is read like any other (it was read as bytes
/// with a NUL between letters, and nothing was found).
#[test]
fn a_utf16_file_is_read_as_text() {
    let dir = std::env::temp_dir().join(format!("ca-skills-utf16-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let text = "Skills: Golang, Kubernetes\r\n";
    for (name, bom, big_endian) in [
        ("le.txt", [0xFF, 0xFE], false),
        ("be.txt", [0xFE, 0xFF], true),
    ] {
        let mut bytes = bom.to_vec();
        for unit in text.encode_utf16() {
            let pair = if big_endian {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            };
            bytes.extend_from_slice(&pair);
        }
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        let (code, out, err) = skills(&["from-text", path.to_str().unwrap()], "");
        assert_eq!(
            (code, out.as_str()),
            (0, "go\tGo\nkubernetes\tKubernetes\n"),
            "{name}: {err}"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// `--profile` replaces a profile, never someone's other work, and never a
/// device: as root, `--profile /dev/full` replaced the device with a file
/// (found by a fresh-user check).
#[test]
fn profile_never_replaces_a_file_that_is_not_a_profile() {
    let dir = tempfile::tempdir().unwrap();
    let roles = dir.path().join("roles.json");
    let original = r#"{"format": "career-atlas/1", "name": "Mine", "roles": []}"#;
    std::fs::write(&roles, original).unwrap();
    let path = roles.to_str().unwrap();
    let (code, _, err) = skills(&["from-text", "--profile", path, "-"], "Python and Kafka");
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("is not a skill profile"), "{err}");
    assert_eq!(std::fs::read_to_string(&roles).unwrap(), original);
    // A profile is replaced as before; --force replaces anything.
    let (code, ..) = skills(&["from-text", "--force", "--profile", path, "-"], "Python");
    assert_eq!(code, 0);
    let (code, _, err) = skills(&["from-text", "--profile", path, "-"], "Kafka");
    assert_eq!(code, 0, "{err}");
    assert!(std::fs::read_to_string(&roles).unwrap().contains("kafka"));
    #[cfg(unix)]
    {
        let (code, _, err) = skills(&["from-text", "--profile", "/dev/null", "-"], "Python");
        assert_eq!(code, 2, "{err}");
        assert!(err.contains("not a regular file"), "{err}");
    }
}

/// A file that cannot be read is told in the words `validate` uses, with
/// advice for a text file, never the system's raw wording.
#[test]
fn unreadable_text_files_are_told_in_the_apps_words() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("MISSING.txt");
    let (code, _, err) = skills(&["from-text", missing.to_str().unwrap()], "");
    assert_eq!(code, 2);
    assert!(
        err.contains(&format!("{}: no such file", missing.display())),
        "{err}"
    );
    let (code, _, err) = skills(&["from-text", dir.path().to_str().unwrap()], "");
    assert_eq!(code, 2);
    assert!(
        err.contains("this is a folder, not a file; name a text file inside it"),
        "{err}"
    );
    if cfg!(target_os = "linux") {
        let (code, _, err) = skills(&["from-text", "/dev/null"], "");
        assert_eq!(code, 2);
        assert!(
            err.contains("/dev/null: this is not a regular file"),
            "{err}"
        );
    }
    let role_file = dir.path().join("gone.json");
    let (code, _, err) = skills(
        &["from-text", "--dataset", role_file.to_str().unwrap(), "-"],
        "Rust",
    );
    assert_eq!(code, 2);
    assert!(err.contains("gone.json: no such file"), "{err}");
    let inside_a_file = dir.path().join("cv.txt");
    std::fs::write(&inside_a_file, "Rust").unwrap();
    let (code, _, err) = skills(
        &["from-text", inside_a_file.join("x.txt").to_str().unwrap()],
        "",
    );
    assert_eq!(code, 2);
    for raw in ["os error", "No such file or directory", "Not a directory"] {
        assert!(!err.contains(raw), "{err}");
    }
}

/// A slip at any level below `skills` gets the closest name, as a slip in
/// the first word does.
#[test]
fn mistyped_sub_commands_options_and_levels_are_named() {
    for (args, meant) in [
        (&["fromtext", "-"][..], "did you mean `from-text`?"),
        (&["from_text", "-"], "did you mean `from-text`?"),
        (&["--hlep"], "did you mean `--help`?"),
        (
            &["from-text", "--profle", "p.json", "-"],
            "did you mean `--profile`?",
        ),
        (
            &["from-text", "--datset", "d.json", "-"],
            "did you mean `--dataset`?",
        ),
        (
            &["from-text", "--level", "usedit", "-"],
            "did you mean `used_it`?",
        ),
    ] {
        let (code, out, err) = skills(args, "Rust");
        assert_eq!(code, 2, "{args:?}: {out}{err}");
        assert!(err.contains(meant), "{args:?}: {err}");
    }
    let (code, out, _) = skills(&["from-text", "--help"], "");
    assert_eq!(code, 0);
    assert!(out.contains("--profile OUT"), "{out}");
    // Written as the main parser takes options, `--level=LEVEL` works too.
    let (code, out, err) = skills(
        &["from-text", "--level=could_teach", "--profile=-", "-"],
        "Rust",
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("could_teach"), "{out}");
}
