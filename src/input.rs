//! Reading one input — a named file, a pipe or FIFO named like a file, or
//! standard input (`-`) — with a size limit applied while reading, so a
//! endless pipe or a file that grows as it is read can never fill memory.
//!
//! The command line uses it today; the import jobs can use it for every way in.

use std::ffi::{OsStr, OsString};
use std::io::Read;
use std::path::{Path, PathBuf};

/// Where one input comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// Standard input, named `-` on the command line.
    Stdin,
    /// A path: a regular file, or a pipe/FIFO (read as a stream).
    Path(PathBuf),
}

impl Input {
    /// `-` is standard input; anything else is a path, whatever its bytes
    /// (a Latin-1 name from an old zip is as good as a UTF-8 one).
    #[must_use]
    pub fn from_arg(arg: &OsStr) -> Self {
        if arg == "-" {
            Self::Stdin
        } else {
            Self::Path(PathBuf::from(arg))
        }
    }

    /// The name shown to people: the path with any bytes that are not UTF-8
    /// replaced by `�`, or `<stdin>`.
    #[must_use]
    pub fn display_name(&self) -> String {
        match self {
            Self::Stdin => "<stdin>".to_owned(),
            // An empty argument (`""`) is shown as written, not as nothing.
            Self::Path(p) if p.as_os_str().is_empty() => "\"\"".to_owned(),
            Self::Path(p) => p.to_string_lossy().into_owned(),
        }
    }

    /// The file name without its extension (`stdin` for standard input),
    /// shown lossily: the default name of a dataset read from it.
    #[must_use]
    pub fn stem(&self) -> String {
        match self {
            Self::Stdin => "stdin".to_owned(),
            Self::Path(p) => p.file_stem().map_or_else(
                || p.to_string_lossy().into_owned(),
                |s| s.to_string_lossy().into_owned(),
            ),
        }
    }

    /// Reads the whole input, refusing more than `limit` bytes. Standard
    /// input is read to its end (or the limit) on this thread.
    ///
    /// # Errors
    /// See [`InputError`]: the path is missing, a folder, a device, not
    /// readable, or more than `limit` bytes long.
    pub fn read(&self, limit: usize) -> Result<Vec<u8>, InputError> {
        self.read_from(std::io::stdin().lock(), limit)
    }

    /// [`Input::read`], with `stdin` standing for standard input (a test's
    /// bytes, or a command's own handle).
    ///
    /// # Errors
    /// See [`InputError`].
    pub fn read_from(&self, stdin: impl Read, limit: usize) -> Result<Vec<u8>, InputError> {
        match self {
            Self::Stdin => read_bounded(stdin, limit, 0),
            Self::Path(p) => read_path(p, limit),
        }
    }
}

impl From<OsString> for Input {
    fn from(arg: OsString) -> Self {
        Self::from_arg(&arg)
    }
}

/// What the person was asked to name, so a message's advice fits it: a
/// folder named where a role file was wanted gets "choose the .json files
/// inside it", where a CV was wanted "name a text file inside it".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    /// A role file (`validate`, `--dataset`).
    RoleFile,
    /// Plain text: a CV, skills list or job ad (`skills from-text`).
    Text,
}

/// Why an input could not be read. `Display` is one plain sentence for
/// people, as for a role file; [`InputError::sentence`] fits it to other files.
#[derive(Debug)]
pub enum InputError {
    /// The name is empty (`""`).
    EmptyName,
    /// Nothing exists at the path.
    NotFound,
    /// The path is a folder.
    Folder,
    /// A device, socket or other thing that is neither a file nor a pipe.
    NotRegular,
    /// This account may not read it.
    PermissionDenied,
    /// More than the limit.
    TooLarge {
        /// The limit in whole MiB.
        limit_mb: usize,
    },
    /// Any other read error.
    Io(std::io::Error),
}

impl InputError {
    /// The one sentence that says why, with advice fitting what was `expected`
    /// (no file name: the caller puts it in front, as its command does).
    #[must_use]
    pub fn sentence(&self, expected: Expected) -> String {
        let role = expected == Expected::RoleFile;
        match self {
            Self::EmptyName => "the file name is empty; name the file to read".into(),
            Self::NotFound => "no such file".into(),
            Self::Folder if role => {
                "this is a folder, not a file; choose the .json files inside it".into()
            }
            Self::Folder => "this is a folder, not a file; name a text file inside it".into(),
            Self::NotRegular if role => {
                "this is not a regular file (a device or a socket?); choose a .json file".into()
            }
            Self::NotRegular => {
                "this is not a regular file (a device or a socket?); name a text file".into()
            }
            Self::PermissionDenied => {
                "permission denied: this account may not read the file".into()
            }
            Self::TooLarge { limit_mb } if role => format!(
                "the input is larger than {limit_mb} MB; role files may be at most {limit_mb} MB — split it into several files"
            ),
            Self::TooLarge { limit_mb } => format!(
                "the input is larger than {limit_mb} MB, far more than any CV or job ad; is this the right file?"
            ),
            Self::Io(e) => describe_other(e),
        }
    }
}

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.sentence(Expected::RoleFile))
    }
}

impl std::error::Error for InputError {}

/// The rarer read failures in words, the system's own text only where no
/// plainer one is known.
fn describe_other(e: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match e.kind() {
        ErrorKind::NotADirectory => "no such file: part of its path is a file, not a folder".into(),
        ErrorKind::InvalidFilename => "this name is too long, or not allowed here".into(),
        ErrorKind::StaleNetworkFileHandle | ErrorKind::TimedOut => {
            "the file cannot be read: the network drive holding it did not answer".into()
        }
        ErrorKind::WouldBlock => "the file cannot be read: another program has locked it".into(),
        _ => format!("the file cannot be read: {e}"),
    }
}

impl From<std::io::Error> for InputError {
    fn from(e: std::io::Error) -> Self {
        match e.kind() {
            std::io::ErrorKind::NotFound => Self::NotFound,
            std::io::ErrorKind::PermissionDenied => Self::PermissionDenied,
            std::io::ErrorKind::IsADirectory => Self::Folder,
            _ => Self::Io(e),
        }
    }
}

/// Reads the file, pipe or FIFO at `path`, refusing more than `limit` bytes.
///
/// # Errors
/// See [`InputError`].
pub fn read_path(path: &Path, limit: usize) -> Result<Vec<u8>, InputError> {
    if path.as_os_str().is_empty() {
        return Err(InputError::EmptyName);
    }
    // `metadata` follows symbolic links, so `/dev/stdin` and the `/dev/fd/63`
    // of a shell's `<(…)` are seen as the pipes they point at.
    let meta = std::fs::metadata(path)?;
    let kind = meta.file_type();
    if kind.is_dir() {
        return Err(InputError::Folder);
    }
    let regular = kind.is_file();
    if !regular && !is_pipe(kind) {
        return Err(InputError::NotRegular);
    }
    if regular && meta.len() > limit as u64 {
        // Known too big before reading a byte.
        return Err(too_large(limit));
    }
    let file = std::fs::File::open(path)?;
    let hint = if regular {
        usize::try_from(meta.len()).unwrap_or(0)
    } else {
        0
    };
    read_bounded(file, limit, hint)
}

/// Reads `reader` to its end, or fails as soon as more than `limit` bytes
/// arrived: at most `limit + 1` bytes are ever held.
///
/// # Errors
/// [`InputError::TooLarge`] past the limit; [`InputError::Io`] on a read error.
pub fn read_bounded(
    reader: impl Read,
    limit: usize,
    size_hint: usize,
) -> Result<Vec<u8>, InputError> {
    let mut bytes = Vec::with_capacity(size_hint.min(limit).saturating_add(1));
    reader
        .take((limit as u64).saturating_add(1))
        .read_to_end(&mut bytes)?;
    if bytes.len() > limit {
        return Err(too_large(limit));
    }
    Ok(bytes)
}

fn too_large(limit: usize) -> InputError {
    InputError::TooLarge {
        limit_mb: limit / (1024 * 1024),
    }
}

#[cfg(unix)]
fn is_pipe(kind: std::fs::FileType) -> bool {
    use std::os::unix::fs::FileTypeExt;
    kind.is_fifo()
}

#[cfg(not(unix))]
fn is_pipe(_kind: std::fs::FileType) -> bool {
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dash_is_standard_input_and_other_names_are_paths() {
        assert_eq!(Input::from_arg(OsStr::new("-")), Input::Stdin);
        assert_eq!(
            Input::from_arg(OsStr::new("./-")),
            Input::Path(PathBuf::from("./-"))
        );
        assert_eq!(Input::Stdin.display_name(), "<stdin>");
    }

    #[cfg(unix)]
    #[test]
    fn a_latin1_name_is_shown_lossily() {
        use std::os::unix::ffi::OsStrExt;
        let input = Input::from_arg(OsStr::from_bytes(b"r\xf4les-caf\xe9.json"));
        assert_eq!(input.display_name(), "r\u{FFFD}les-caf\u{FFFD}.json");
        assert_eq!(input.stem(), "r\u{FFFD}les-caf\u{FFFD}");
    }

    #[test]
    fn the_limit_applies_while_reading() {
        let data = vec![b'x'; 1000];
        assert_eq!(read_bounded(&data[..], 1000, 0).unwrap().len(), 1000);
        let err = read_bounded(&data[..], 999, 0).unwrap_err();
        assert!(matches!(err, InputError::TooLarge { .. }), "{err}");
        // An endless stream stops at the limit instead of filling memory.
        let err = read_bounded(std::io::repeat(b'x'), 4096, 0).unwrap_err();
        assert!(matches!(err, InputError::TooLarge { .. }), "{err}");
    }

    #[test]
    fn folders_missing_files_and_big_files_are_refused_with_a_reason() {
        let dir = tempfile::tempdir().unwrap();
        assert!(matches!(read_path(dir.path(), 10), Err(InputError::Folder)));
        assert!(matches!(
            read_path(&dir.path().join("nope.json"), 10),
            Err(InputError::NotFound)
        ));
        let f = dir.path().join("big.json");
        std::fs::write(&f, [b' '; 11]).unwrap();
        assert!(matches!(
            read_path(&f, 10),
            Err(InputError::TooLarge { .. })
        ));
        assert_eq!(read_path(&f, 11).unwrap().len(), 11);
    }

    #[test]
    fn the_advice_fits_the_file_that_was_asked_for() {
        let folder = InputError::Folder;
        assert!(
            folder
                .to_string()
                .ends_with("choose the .json files inside it")
        );
        assert!(
            folder
                .sentence(Expected::Text)
                .ends_with("name a text file inside it")
        );
        let big = InputError::TooLarge { limit_mb: 8 };
        assert!(!big.sentence(Expected::Text).contains("role file"));
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("cv.txt");
        std::fs::write(&file, "Rust").unwrap();
        let err = read_path(&file.join("x.txt"), 10).unwrap_err();
        assert_eq!(
            err.to_string(),
            "no such file: part of its path is a file, not a folder"
        );
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_device_is_not_a_regular_file() {
        let err = read_path(Path::new("/dev/null"), 10).unwrap_err();
        assert!(matches!(err, InputError::NotRegular), "{err}");
    }
}
