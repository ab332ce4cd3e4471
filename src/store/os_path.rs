//! A file path in the library index exactly as the system gave it.
//!
//! JSON strings hold Unicode only, and a name such as `r\xf4les.json` (Latin-1,
//! common on old zips and Windows shares) is not. Storing it lossily made watch
//! mode and Re-import look for a file that does not exist; so a name that is not
//! Unicode is stored as its raw bytes (Unix) or UTF-16 units (Windows):
//!
//! - `"/home/me/roles.json"`: the usual case, readable by people and older builds;
//! - `{"unix_bytes": [114, 244, ...]}` or `{"windows_wide": [...]}` otherwise.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Deserializer, Serialize, Serializer};

#[derive(Serialize, Deserialize)]
#[serde(untagged)]
enum Repr {
    Text(String),
    Unix { unix_bytes: Vec<u8> },
    Windows { windows_wide: Vec<u16> },
}

/// Serializes `path` as text when it is Unicode, as its native units otherwise.
///
/// # Errors
/// Only the serializer's own.
pub fn serialize<S: Serializer>(path: &Path, s: S) -> Result<S::Ok, S::Error> {
    if let Some(text) = path.to_str() {
        return Repr::Text(text.to_owned()).serialize(s);
    }
    native(path).serialize(s)
}

#[cfg(unix)]
fn native(path: &Path) -> Repr {
    use std::os::unix::ffi::OsStrExt;
    Repr::Unix {
        unix_bytes: path.as_os_str().as_bytes().to_vec(),
    }
}

#[cfg(windows)]
fn native(path: &Path) -> Repr {
    use std::os::windows::ffi::OsStrExt;
    Repr::Windows {
        windows_wide: path.as_os_str().encode_wide().collect(),
    }
}

#[cfg(not(any(unix, windows)))]
fn native(path: &Path) -> Repr {
    Repr::Text(path.to_string_lossy().into_owned())
}

/// Reads what [`serialize`] wrote. Units of the other platform (an index
/// copied between systems) are read lossily: the path cannot exist here anyway.
///
/// # Errors
/// When the value is neither a string nor one of the two objects.
pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<PathBuf, D::Error> {
    Ok(match Repr::deserialize(d)? {
        Repr::Text(text) => PathBuf::from(text),
        Repr::Unix { unix_bytes } => from_unix(unix_bytes),
        Repr::Windows { windows_wide } => from_windows(&windows_wide),
    })
}

#[cfg(unix)]
fn from_unix(bytes: Vec<u8>) -> PathBuf {
    use std::os::unix::ffi::OsStringExt;
    PathBuf::from(std::ffi::OsString::from_vec(bytes))
}

#[cfg(not(unix))]
fn from_unix(bytes: Vec<u8>) -> PathBuf {
    PathBuf::from(String::from_utf8_lossy(&bytes).into_owned())
}

#[cfg(windows)]
fn from_windows(units: &[u16]) -> PathBuf {
    use std::os::windows::ffi::OsStringExt;
    PathBuf::from(std::ffi::OsString::from_wide(units))
}

#[cfg(not(windows))]
fn from_windows(units: &[u16]) -> PathBuf {
    PathBuf::from(String::from_utf16_lossy(units))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize, Deserialize, PartialEq, Debug)]
    struct Holder {
        #[serde(with = "super")]
        path: PathBuf,
    }

    fn round_trip(path: &Path) -> String {
        let json = serde_json::to_string(&Holder {
            path: path.to_path_buf(),
        })
        .unwrap();
        let back: Holder = serde_json::from_str(&json).unwrap();
        assert_eq!(back.path, path, "{json}");
        json
    }

    #[test]
    fn a_unicode_path_is_plain_text() {
        let json = round_trip(Path::new("/tmp/后端 roles.json"));
        assert_eq!(json, r#"{"path":"/tmp/后端 roles.json"}"#);
    }

    #[cfg(unix)]
    #[test]
    fn a_latin1_name_keeps_its_exact_bytes() {
        use std::os::unix::ffi::OsStringExt;
        let raw = b"/tmp/r\xf4les-caf\xe9.json".to_vec();
        let json = round_trip(&PathBuf::from(std::ffi::OsString::from_vec(raw)));
        assert!(json.contains("unix_bytes"), "{json}");
    }
}
