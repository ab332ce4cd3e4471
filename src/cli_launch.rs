//! Before and after the window: `career-atlas WORD...` where a word names
//! no file, a machine with no display, and a window system that refuses a
//! window each end with one line saying so and what works instead (exit
//! status 2), never with the window system's raw error or a backtrace.

use std::ffi::OsString;
use std::path::PathBuf;

use crate::cli::{COMMANDS, shown};
use crate::input::{Expected, InputError};

/// What still works without a window, ending every line about one.
const WITHOUT_A_WINDOW: &str = "commands that need no window still work, e.g. `career-atlas validate FILE` (see career-atlas --help)";

/// One line for each file named to open that cannot be: a first word that
/// is neither a command nor a file, a path that names nothing, a folder on
/// the path this account may not enter. Empty when the app may start.
/// Folders and devices are left to the app, which says what it makes of them.
#[must_use]
pub fn unopenable(files: &[PathBuf]) -> Vec<String> {
    files
        .iter()
        .enumerate()
        .filter_map(|(n, path)| {
            let problem = if path.as_os_str().is_empty() {
                InputError::EmptyName
            } else {
                InputError::from(std::fs::metadata(path).err()?)
            };
            let word = path.to_str().filter(|w| {
                n == 0 && !w.is_empty() && !w.starts_with('-') && !w.contains(['.', '/', '\\'])
            });
            Some(match (word, &problem) {
                (Some(word), InputError::NotFound) => format!(
                    "`{}` is not a command, and no file is named so; the commands are {} (see career-atlas --help)",
                    crate::cli::escape_name(word),
                    COMMANDS.join(", ")
                ),
                _ => format!(
                    "{}: {}; nothing was opened",
                    shown(path),
                    problem.sentence(Expected::RoleFile)
                ),
            })
        })
        .collect()
}

/// The line that says no window can open here, when no display is known:
/// on Linux and the BSDs, neither an X display (`DISPLAY`) nor a Wayland one
/// (`WAYLAND_DISPLAY`, `WAYLAND_SOCKET`) is set. `var` reads the environment.
#[must_use]
pub fn no_display(var: impl Fn(&str) -> Option<OsString>) -> Option<String> {
    if !cfg!(all(
        unix,
        not(any(
            target_os = "macos",
            target_os = "ios",
            target_os = "android"
        ))
    )) {
        return None;
    }
    let set = |name: &str| var(name).is_some_and(|v| !v.is_empty());
    if set("DISPLAY") || set("WAYLAND_DISPLAY") || set("WAYLAND_SOCKET") {
        return None;
    }
    Some(format!(
        "cannot open a window: no display was found (neither DISPLAY nor WAYLAND_DISPLAY is set); {WITHOUT_A_WINDOW}"
    ))
}

/// The line for a window the system refused, from eframe's error text:
/// its reason without the source file and line winit puts before it
/// (`os error at …/mod.rs:788: Failed to open connection to X server`).
#[must_use]
pub fn window_failed(error: &str) -> String {
    let first = error.lines().next().unwrap_or_default();
    let reason = first
        .match_indices(".rs:")
        .last()
        .and_then(|(at, _)| {
            let rest = &first[at + 4..];
            let digits = rest.find(|c: char| !c.is_ascii_digit())?;
            rest[digits..].strip_prefix(':')
        })
        .unwrap_or(first)
        .trim()
        .trim_end_matches('.');
    let reason = if reason.is_empty() {
        "the window system gave no reason"
    } else {
        reason
    };
    format!("cannot open a window ({reason}); {WITHOUT_A_WINDOW}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_window_systems_reason_is_kept_without_its_source_line() {
        let line = window_failed(
            "winit EventLoopError: os error at /home/x/.cargo/registry/src/winit-0.30.13/src/platform_impl/linux/mod.rs:788: Failed to open connection to X server",
        );
        assert_eq!(
            line,
            format!(
                "cannot open a window (Failed to open connection to X server); {WITHOUT_A_WINDOW}"
            )
        );
        assert!(window_failed("no GL\nsecond line").starts_with("cannot open a window (no GL); "));
        assert!(window_failed("").contains("gave no reason"));
    }

    #[cfg(all(unix, not(target_os = "macos")))]
    #[test]
    fn no_display_is_said_only_when_none_is_set() {
        let env = |set: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                set.iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| OsString::from(v))
            }
        };
        assert!(no_display(env(&[])).is_some_and(|l| l.contains("validate FILE")));
        assert!(no_display(env(&[("DISPLAY", "")])).is_some());
        assert!(no_display(env(&[("DISPLAY", ":0")])).is_none());
        assert!(no_display(env(&[("WAYLAND_DISPLAY", "wayland-0")])).is_none());
    }

    #[test]
    fn a_word_that_is_neither_command_nor_file_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("roles.json");
        std::fs::write(&real, "[]").unwrap();
        assert!(unopenable(std::slice::from_ref(&real)).is_empty());
        let lines = unopenable(&["frobnicate".into(), dir.path().join("gone.json"), real]);
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert!(
            lines[0].starts_with("`frobnicate` is not a command"),
            "{lines:?}"
        );
        assert!(
            lines[1].ends_with("gone.json: no such file; nothing was opened"),
            "{lines:?}"
        );
    }
}
