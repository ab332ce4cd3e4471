//! The file as text: its size, UTF-8 (a byte order mark dropped), not blank.

use super::MAX_FILE_BYTES;
use crate::json::diagnostic::{Diagnostic, LineIndex};
use crate::json::syntax::whole_file_error;

/// The text of a file: at most [`MAX_FILE_BYTES`], UTF-8 (a byte order mark
/// is dropped), not blank.
///
/// # Errors
/// The one diagnostic that refuses the file.
pub fn decode(bytes: &[u8]) -> Result<&str, Diagnostic> {
    const MB: usize = 1024 * 1024;
    if bytes.len() > MAX_FILE_BYTES {
        let (size, max) = (bytes.len() / MB, MAX_FILE_BYTES / MB);
        let message = format!(
            "the file is {size} MB; role files may be at most {max} MB. Split it into several files."
        );
        return Err(whole_file_error(1, 1, message));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        // The valid prefix is UTF-8 by definition, so positions are exact.
        let prefix = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
        let (line, column) = LineIndex::new(prefix).position(prefix.len());
        let bad = bytes.get(e.valid_up_to()).copied().unwrap_or_default();
        let message = format!(
            "the file is not UTF-8 text (byte 0x{bad:02X} here); save it with UTF-8 encoding"
        );
        whole_file_error(line, column, message)
    })?;
    if text.trim().is_empty() {
        let message = "the file is empty; a role file holds a JSON object or array";
        return Err(whole_file_error(1, 1, message.into()));
    }
    Ok(text)
}
