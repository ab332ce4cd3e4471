//! Files the person asked for by name — `career-atlas new`, exports, Save
//! as…, `skills from-text --profile` — written atomically like the app's own
//! files, but as any other program would create them:
//!
//! - permissions: a new file gets the usual `0666` minus the umask (so
//!   `0644` under the common umask 022), and a replaced file keeps its own
//!   mode. The app's own private state (profile, settings, library) stays
//!   `0600` through [`crate::store::write_atomically`]: a profile holds a
//!   person's notes and plans, which other accounts have no business reading;
//! - a symbolic link is written through, so the file it points at changes and
//!   the link stays a link;
//! - a missing folder is not created (a mistyped folder name would otherwise
//!   scatter files), and every error names the person's path and what to do,
//!   never the temporary file beside it.

use std::fs;
use std::io::{ErrorKind, Write as _};
use std::path::{Path, PathBuf};

/// Why a file the person named could not be written: a sentence naming it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct WriteError(
    /// The sentence, ready to show.
    pub String,
);

/// Refuses a path that cannot name a file to write: empty, or a folder
/// (an existing one, or a name ending in a slash).
///
/// # Errors
/// A sentence saying what to name instead.
pub fn check_target(path: &Path) -> Result<(), WriteError> {
    let text = path.as_os_str().to_string_lossy();
    if text.is_empty() {
        return Err(WriteError(
            "the file name is empty; name the file to write, e.g. my-roles.json".into(),
        ));
    }
    let ends_in_separator = text.ends_with('/') || (cfg!(windows) && text.ends_with('\\'));
    if ends_in_separator || path.is_dir() {
        return Err(WriteError(format!(
            "{} is a folder; name a file in it, e.g. {}",
            crate::cli::shown(path),
            crate::cli::shown(&path.join("my-roles.json"))
        )));
    }
    // A device, a pipe or a socket: the file put in its place would replace
    // it (as root, `--profile /dev/full` replaced the device with a file).
    if let Ok(m) = fs::metadata(path)
        && !m.is_file()
    {
        return Err(WriteError(format!(
            "{} is not a regular file (a device, a pipe or a socket); name a file to write",
            crate::cli::shown(path)
        )));
    }
    check_folder(path, folder_of(path))
}

/// Refuses a `dir` that is missing or is a file.
fn check_folder(path: &Path, dir: &Path) -> Result<(), WriteError> {
    match fs::metadata(dir) {
        Ok(m) if m.is_dir() => Ok(()),
        Ok(_) => Err(WriteError(format!(
            "cannot write {}: {} is a file, not a folder",
            crate::cli::shown(path),
            crate::cli::shown(dir)
        ))),
        Err(_) => Err(WriteError(format!(
            "cannot write {}: the folder {} does not exist; create it first, or choose another folder",
            crate::cli::shown(path),
            crate::cli::shown(dir)
        ))),
    }
}

/// The folder `path` is in (`.` for a bare file name).
fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    }
}

/// Writes `bytes` to `path` atomically (a temporary file beside it, renamed
/// over it), with the permissions a new file gets from the umask, or those of
/// the file it replaces.
///
/// # Errors
/// A sentence naming `path` (or its folder) and what to do: the folder is
/// missing or read-only, the disk is full, `path` is a folder…
pub fn write(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    check_target(path)?;
    // Through a symbolic link to the file it names (a dangling link: to
    // where it points, so the link stays).
    let target: PathBuf = match fs::read_link(path) {
        Ok(to) => folder_of(path).join(to),
        Err(_) => path.to_path_buf(),
    };
    let dir = folder_of(&target);
    check_folder(path, dir)?;
    let kept_mode = fs::metadata(&target).ok().map(|m| m.permissions());
    let said = |e: std::io::Error| explain(path, dir, &e);
    let mut builder = tempfile::Builder::new();
    builder.prefix(".tmp-");
    #[cfg(unix)]
    {
        // Created with this mode, the kernel takes the umask off as it does
        // for any new file.
        use std::os::unix::fs::PermissionsExt as _;
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder.tempfile_in(dir).map_err(said)?;
    if let Some(mode) = kept_mode {
        tmp.as_file().set_permissions(mode).map_err(said)?;
    }
    tmp.write_all(bytes).map_err(said)?;
    tmp.as_file().sync_all().map_err(said)?;
    tmp.persist(&target).map_err(|e| said(e.error))?;
    Ok(())
}

/// An I/O error in words, naming the person's path, without the temporary
/// file's name the error may carry.
fn explain(path: &Path, dir: &Path, e: &std::io::Error) -> WriteError {
    let shown = crate::cli::shown(path);
    let folder = crate::cli::shown(dir);
    let message = match e.kind() {
        ErrorKind::PermissionDenied => format!(
            "cannot write {shown}: you may not write in the folder {folder} (or replace that file); choose another folder, or change its permissions"
        ),
        ErrorKind::ReadOnlyFilesystem => {
            format!("cannot write {shown}: {folder} is on a read-only disk; choose another folder")
        }
        ErrorKind::StorageFull | ErrorKind::QuotaExceeded => format!(
            "cannot write {shown}: the disk is full; free some space, or choose another disk"
        ),
        ErrorKind::IsADirectory => {
            format!("cannot write {shown}: it is a folder; name a file in it")
        }
        _ => {
            // The system's own words, without the path it may have added.
            let plain = e.raw_os_error().map_or_else(
                || e.kind().to_string(),
                |c| std::io::Error::from_raw_os_error(c).to_string(),
            );
            format!("cannot write {shown}: {plain}")
        }
    };
    WriteError(message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn a_new_file_takes_the_umask_and_a_replaced_one_keeps_its_mode() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::tempdir().unwrap();
        let new = dir.path().join("new.json");
        write(&new, b"{}").unwrap();
        let mode = fs::metadata(&new).unwrap().permissions().mode() & 0o777;
        // Whatever the umask of the machine running the test, a new file is
        // what the kernel makes of 0666, never the temporary file's 0600.
        let probe = dir.path().join("probe");
        fs::File::create(&probe).unwrap();
        let usual = fs::metadata(&probe).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, usual);
        let kept = dir.path().join("kept.json");
        fs::write(&kept, b"old").unwrap();
        fs::set_permissions(&kept, fs::Permissions::from_mode(0o640)).unwrap();
        write(&kept, b"new").unwrap();
        assert_eq!(fs::read(&kept).unwrap(), b"new");
        assert_eq!(
            fs::metadata(&kept).unwrap().permissions().mode() & 0o777,
            0o640
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_link_is_written_through() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.json");
        fs::write(&real, b"old").unwrap();
        let link = dir.path().join("link.json");
        std::os::unix::fs::symlink("real.json", &link).unwrap();
        write(&link, b"new").unwrap();
        assert!(fs::symlink_metadata(&link).unwrap().is_symlink());
        assert_eq!(fs::read(&real).unwrap(), b"new");
    }

    #[test]
    fn errors_name_the_path_and_what_to_do() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("nope").join("x.json");
        let e = write(&missing, b"{}").unwrap_err().0;
        assert!(e.contains("does not exist; create it first"), "{e}");
        assert!(!dir.path().join("nope").exists());
        let e = write(Path::new(""), b"{}").unwrap_err().0;
        assert!(e.contains("the file name is empty"), "{e}");
        let e = write(dir.path(), b"{}").unwrap_err().0;
        assert!(e.contains("is a folder; name a file in it"), "{e}");
    }
}
