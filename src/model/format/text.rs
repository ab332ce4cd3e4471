//! The file as text: size, encoding, emptiness, JSON syntax errors (with hints
//! chosen by the parser's error kind), and a quick look for over-long text.

use jsonc_parser::errors::{ParseError, ParseErrorKind};
use jsonc_parser::{CollectOptions, ParseOptions, ast::Value};

use super::{MAX_FILE_BYTES, MAX_STRING_BYTES};
use crate::model::diagnostic::{Diagnostic, LineIndex, Severity};

/// An error about the whole file at a position.
pub fn whole_file_error(line: usize, column: usize, message: String) -> Diagnostic {
    Diagnostic {
        severity: Severity::Error,
        line,
        column,
        path: String::new(),
        message,
    }
}

/// The text of a file: at most [`MAX_FILE_BYTES`], UTF-8 (a byte order mark
/// is dropped), not blank.
///
/// # Errors
/// The one diagnostic that refuses the file.
pub fn decode(bytes: &[u8]) -> Result<&str, Diagnostic> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(whole_file_error(
            1,
            1,
            format!(
                "the file is {} MB; role files may be at most {} MB. Split it into several files.",
                bytes.len() / (1024 * 1024),
                MAX_FILE_BYTES / (1024 * 1024)
            ),
        ));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        // The valid prefix is UTF-8 by definition, so positions are exact.
        let prefix = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
        let (line, column) = LineIndex::new(prefix).position(prefix.len());
        let bad = bytes.get(e.valid_up_to()).copied().unwrap_or_default();
        whole_file_error(
            line,
            column,
            format!(
                "the file is not UTF-8 text (byte 0x{bad:02X} here); save it with UTF-8 encoding"
            ),
        )
    })?;
    if text.trim().is_empty() {
        return Err(whole_file_error(
            1,
            1,
            "the file is empty; a role file holds a JSON object or array".into(),
        ));
    }
    Ok(text)
}

/// Strict JSON into a syntax tree with the byte range of every value.
///
/// # Errors
/// The first syntax error, with its kind.
pub fn parse_tree(text: &str) -> Result<Option<Value<'_>>, ParseError> {
    let options = ParseOptions {
        allow_comments: false,
        allow_loose_object_property_names: false,
        allow_trailing_commas: false,
        allow_missing_commas: false,
        allow_single_quoted_strings: false,
        allow_hexadecimal_numbers: false,
        allow_unary_plus_numbers: false,
        allow_bare_decimal_point_numbers: false,
        allow_non_finite_numbers: false,
        allow_extended_string_escapes: false,
    };
    jsonc_parser::parse_to_ast(text, &CollectOptions::default(), &options).map(|p| p.value)
}

/// The error of a file that is not JSON, reported alone: nothing after it
/// can be read reliably. `serde_json` found it; the strict tree parser names
/// its kind, which picks the hint.
pub fn syntax_error(text: &str, index: &LineIndex<'_>, found: &serde_json::Error) -> Diagnostic {
    // serde_json points at the token that cannot follow (the key after a
    // missing comma), the tree parser at where the comma was due.
    let (line, column) = index.position(index.offset_of(found.line(), found.column()));
    let Err(e) = parse_tree(text) else {
        // Only serde_json objects (e.g. to an escape that is no character).
        return whole_file_error(line, column, format!("not valid JSON: {found}"));
    };
    whole_file_error(line, column, tree_error_message(&e, text))
}

/// What a syntax error means, with a hint picked by its kind, or by what is
/// written where it is: a comment, or a number JSON does not have.
pub fn tree_error_message(e: &ParseError, text: &str) -> String {
    use ParseErrorKind as K;
    let here = text.get(e.range().start..).unwrap_or_default();
    let word = here.trim_start_matches(['-', '+']);
    if ["//", "/*", "#"].iter().any(|c| here.starts_with(c)) {
        return "not valid JSON: a comment — JSON has no comments; remove it".into();
    }
    if let Some(w) = ["NaN", "Infinity"].iter().find(|w| word.starts_with(*w)) {
        return format!(
            "not valid JSON: {w} is not a JSON number — to give no figure, leave the field out"
        );
    }
    let kind = e.kind();
    let hint = match kind {
        K::NestingDepthExceeded => {
            return "the file nests objects or arrays too deeply (more than 512 levels); no role file needs that".into();
        }
        K::TrailingCommasNotAllowed => {
            " — remove the comma before the closing bracket; JSON allows no trailing comma"
        }
        K::UnterminatedArray | K::UnterminatedObject => {
            " — the file ends too early: a closing `}`, `]` or `\"` is missing"
        }
        K::String(jsonc_parser::ParseStringErrorKind::UnterminatedStringLiteral) => {
            " — a string has no closing `\"`, or the file ends too early"
        }
        K::ExpectedComma => " — is a comma missing after the previous value?",
        K::ExpectedStringObjectProperty | K::UnexpectedTokenInObject => {
            " — object keys need double quotes, like \"title\""
        }
        K::CommentsNotAllowed | K::UnterminatedCommentBlock => " — JSON has no comments; remove it",
        K::SingleQuotedStringsNotAllowed => " — JSON strings need double quotes",
        K::UnexpectedComma | K::UnexpectedCloseBrace | K::UnexpectedCloseBracket => {
            " — a value (a string, number, object, array, true or false) should be here"
        }
        _ => "",
    };
    format!("not valid JSON: {kind}{hint}")
}

/// Byte offsets of string literals longer than [`MAX_STRING_BYTES`] as
/// written. Escapes only ever shorten text, so a file without any such
/// literal holds no over-long value, and most files skip the exact check.
pub fn long_strings(text: &str) -> Vec<usize> {
    let b = text.as_bytes();
    let mut open: Option<usize> = None;
    let mut out = Vec::new();
    for q in memchr::memchr_iter(b'"', b) {
        let slashes = b[..q].iter().rev().take_while(|&&c| c == b'\\').count();
        if slashes % 2 == 1 {
            continue;
        }
        match open.take() {
            None => open = Some(q),
            Some(start) if q - start > MAX_STRING_BYTES => out.push(start),
            Some(_) => {}
        }
    }
    out
}
