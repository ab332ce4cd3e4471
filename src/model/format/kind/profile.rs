//! A file chosen in My skills > Import profile… that is not a skill profile:
//! a role file (offered as a role import instead), one of the app's other
//! files, another kind of file, or JSON that is no profile — each named in
//! one line with what to do, not a field-level error of the profile reader.

use serde::de::IgnoredAny;

use super::{recognize, sniff_bytes};
use crate::model::{ReadContext, read_dataset};

/// What a skill profile is, for the person who chose another file.
pub(super) const PROFILE_IS: &str =
    "a skill profile is the file My skills > Export profile… writes (with version and skills)";

/// Why a file is not a skill profile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotProfile {
    /// One line: what the file is and what to do.
    pub sentence: String,
    /// The file is (or looks like) a role file: offer to import it as one.
    pub role_file: bool,
}

/// What a file that did not read as a skill profile is, and what to do.
#[must_use]
pub fn not_a_profile(bytes: &[u8]) -> NotProfile {
    const IMPORT: &str = "import it with File > Import role files… (Ctrl+O)";
    let plain = |sentence: String| NotProfile {
        sentence,
        role_file: false,
    };
    if let Some(kind) = sniff_bytes(bytes) {
        return plain(kind.profile_sentence());
    }
    let outcome = read_dataset("file", bytes, ReadContext::default());
    if let Some(ds) = &outcome.dataset {
        let n = ds.roles.len();
        return NotProfile {
            sentence: format!(
                "this is a role file (“{}”, {n} {}), not a skill profile: {IMPORT}",
                ds.name,
                if n == 1 { "role" } else { "roles" }
            ),
            role_file: true,
        };
    }
    let text = super::super::encoding::to_utf8(bytes).ok().and_then(|b| {
        let body = b.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&b);
        std::str::from_utf8(body).ok().map(str::to_string)
    });
    let Some(text) = text else {
        // Not text the reader accepts: its one diagnostic says why.
        let why = outcome
            .diagnostics
            .first()
            .map_or_else(|| "it is not text".to_string(), |d| d.message.clone());
        return plain(format!("this is not a skill profile ({why}); {PROFILE_IS}"));
    };
    if let Some(kind) = recognize(&text) {
        return plain(kind.profile_sentence());
    }
    let trimmed = text.trim_start();
    let json = serde_json::from_str::<IgnoredAny>(&text).is_ok();
    if json && (trimmed.starts_with('{') || trimmed.starts_with('[')) {
        // Left unnamed by `recognize`: a role file with mistakes.
        return NotProfile {
            sentence: format!(
                "this looks like a role file with mistakes, not a skill profile: {IMPORT} to see what to fix"
            ),
            role_file: true,
        };
    }
    let why = match outcome.diagnostics.first() {
        Some(d) if !json => format!(
            "it is not valid JSON: {}, line {}, column {}",
            d.message, d.line, d.column
        ),
        _ => "it holds no JSON object".to_string(),
    };
    plain(format!("this is not a skill profile ({why}); {PROFILE_IS}"))
}
