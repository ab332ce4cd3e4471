//! JSON syntax: the strict syntax tree, syntax errors with hints chosen by the
//! parser's error kind (and by what people write that JSON lacks: comments,
//! Python's words, single quotes, JSON Lines), nesting too deep, and a quick
//! look for over-long text. The hints are worded for people writing role
//! files, but no rule of the format lives here.

use jsonc_parser::errors::{ParseError, ParseErrorKind};
use jsonc_parser::{CollectOptions, ParseOptions, ast::Value};

use super::diagnostic::{Diagnostic, LineIndex, Severity};

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
        // Only serde_json objects: to a raw control character in text, to
        // invisible white space JSON lacks, to an escape that is no character.
        let at = index.offset_of(found.line(), found.column());
        let message =
            invisible_character(text, at).unwrap_or_else(|| format!("not valid JSON: {found}"));
        return whole_file_error(line, column, message);
    };
    whole_file_error(line, column, tree_error_message(&e, text))
}

/// What to say of a character near `at` that JSON refuses and no one sees:
/// a raw line break or tab inside text, or white space JSON lacks (U+2028,
/// a no-break space…).
fn invisible_character(text: &str, at: usize) -> Option<String> {
    let mut near = text.get(at.saturating_sub(1)..)?.chars().take(3);
    near.find_map(|c| match c {
        c if c.is_ascii_control() => Some("not valid JSON: a line break or tab inside text — inside a string JSON writes them as \\n and \\t; or remove it".into()),
        c => unseen(c),
    })
}

/// The message for `c` when it is white space JSON lacks, or a zero-width
/// character.
fn unseen(c: char) -> Option<String> {
    let invisible = !c.is_ascii()
        && (c.is_whitespace()
            || c.is_control()
            || matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}'));
    invisible.then(|| format!(
        "not valid JSON: an invisible character (U+{:04X}) stands here — between values JSON allows only spaces, tabs and line breaks; delete it",
        u32::from(c)
    ))
}

/// How deeply objects and arrays may nest: the tree parser's limit, and far
/// beyond any role file (a role nests five levels).
pub const MAX_DEPTH: usize = 512;

/// The one message for a file that nests too deeply, arrays or objects alike.
pub const TOO_DEEP: &str =
    "the file nests objects or arrays too deeply (more than 512 levels); no role file needs that";

/// The offset of the first `{` or `[` that opens a level beyond
/// [`MAX_DEPTH`], outside strings. One pass over the bytes; run only on the
/// way to reporting a mistake, so a file too deep gets that one message and
/// nothing that follows from parts left unread.
#[must_use]
pub fn too_deep(text: &str) -> Option<usize> {
    nesting(text.as_bytes()).position(|(depth, _)| depth > MAX_DEPTH)
}

/// Whether `at` lies outside every object and array (after a first value
/// ended), outside strings.
fn at_top_level(text: &str, at: usize) -> bool {
    let before = &text.as_bytes()[..at.min(text.len())];
    let (depth, in_string) = nesting(before).last().unwrap_or_default();
    depth == 0 && !in_string
}

/// After each byte of `bytes`: how deeply objects and arrays nest there, and
/// whether it is inside a string. The one scanner of JSON's nesting here.
fn nesting(bytes: &[u8]) -> impl Iterator<Item = (usize, bool)> + '_ {
    let mut depth = 0_usize;
    let mut in_string = false;
    let mut escaped = false;
    bytes.iter().map(move |&b| {
        match b {
            _ if escaped => escaped = false,
            b'\\' if in_string => escaped = true,
            b'"' => in_string = !in_string,
            _ if in_string => {}
            b'{' | b'[' => depth += 1,
            b'}' | b']' => depth = depth.saturating_sub(1),
            _ => {}
        }
        (depth, in_string)
    })
}

/// A hint from what is written at a syntax error, where its kind does not
/// tell the mistake: typographic quotes, a quote inside text (or a closing
/// quote missing), a separator or a space inside a number, a leading zero,
/// invisible white space.
fn written_mistake(here: &str, up_to: &str) -> Option<String> {
    let next = here.chars().next()?;
    let digit_last = |s: &str| s.ends_with(|c: char| c.is_ascii_digit());
    let after_next = here.get(next.len_utf8()..).unwrap_or_default();
    // The digits written so far of the number the text stops in, and what
    // comes before them.
    let before_digits = up_to.trim_end_matches(|c: char| c.is_ascii_digit());
    let spaces = [' ', '\u{a0}', '\u{202f}'];
    let separator = (next.is_ascii_digit()
        && before_digits
            .strip_suffix([',', '\''])
            .is_some_and(digit_last))
        || (next == '\''
            && digit_last(up_to)
            && after_next.starts_with(|c: char| c.is_ascii_digit()));
    let space = digit_last(up_to.trim_end_matches(spaces))
        && ((next.is_ascii_digit() && up_to.ends_with(spaces))
            || (spaces.contains(&next) && after_next.starts_with(|c: char| c.is_ascii_digit())));
    let leading_zero = next.is_ascii_digit()
        && up_to.strip_suffix('0').is_some_and(|s| {
            !s.ends_with(|c: char| c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E'))
        });
    Some(match next {
        _ if separator => "not valid JSON: a separator inside a number — JSON numbers have no thousands separators and take a point for decimals: write 85000, or 85.5".into(),
        _ if space => "not valid JSON: a space inside a number — write 85000 without spaces; or, if these are two values, put a comma between them".into(),
        _ if leading_zero => "not valid JSON: a number starting with 0 — write 1, not 01; a code that keeps its zeros (a postcode, say) goes in double quotes".into(),
        '“' | '”' | '„' | '‟' | '‘' | '’' | '‚' | '‛' | '«' | '»' | '″' | '＂' => format!(
            "not valid JSON: a typographic quote ({next}) — JSON needs straight double quotes, \"like this\"; smart quotes from a word processor or an editor put it there"
        ),
        c if c.is_alphanumeric() && up_to.ends_with('"') => "not valid JSON: the text before this ends at a double quote — inside text write a quote as \\\" (\"He said \\\"hi\\\"\"), or add the closing quote missing before it".into(),
        c => return unseen(c),
    })
}

/// A hint for what other languages write where JSON has its own word: the
/// bare word at `here`, whole (so `Nonexistent` is not `None`).
fn foreign_word(here: &str) -> Option<String> {
    let word: String = here
        .trim_start_matches(['-', '+'])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect();
    let message = match word.as_str() {
        "NaN" | "nan" | "NAN" | "Infinity" | "infinity" | "inf" | "Inf" | "INF" => format!(
            "not valid JSON: {word} is not a JSON number — to give no figure, leave the field out (pandas and NumPy write {word} for a missing figure)"
        ),
        "None" => "not valid JSON: None is Python, not JSON (a Python dict printed or written with str()) — to give no value, leave the field out; write files with json.dump, which writes JSON".into(),
        "True" | "TRUE" => "not valid JSON: JSON writes true in lowercase (True is Python)".into(),
        "False" | "FALSE" => "not valid JSON: JSON writes false in lowercase (False is Python)".into(),
        "undefined" => "not valid JSON: undefined is JavaScript, not JSON — to give no value, leave the field out".into(),
        _ => return None,
    };
    Some(message)
}

/// What a syntax error means, with a hint picked by its kind, or by what is
/// written where it is: a comment, a word from Python or JavaScript, a
/// number JSON does not have, single quotes, curly quotes, a quote inside
/// text, a thousands separator, a leading zero, a comma before a closing
/// bracket, a second byte order mark, a second document (JSON Lines).
pub fn tree_error_message(e: &ParseError, text: &str) -> String {
    use ParseErrorKind as K;
    let at = e.range().start.min(text.len());
    let here = text.get(at..).unwrap_or_default();
    let up_to = text.get(..at).unwrap_or_default();
    let before = up_to.trim_end();
    if ["//", "/*", "#"].iter().any(|c| here.starts_with(c)) {
        return "not valid JSON: a comment — JSON has no comments; remove it".into();
    }
    if let Some(message) = foreign_word(here) {
        return message;
    }
    if let Some(message) = written_mistake(here, up_to) {
        return message;
    }
    if here.starts_with('\u{FEFF}') {
        return "not valid JSON: an invisible byte order mark (U+FEFF) stands here — saved twice, or two files joined; delete it, or re-save the file as UTF-8 (your editor may call it \"UTF-8 without BOM\")".into();
    }
    if here.starts_with('\'') {
        return "not valid JSON: JSON strings and keys need double quotes, like \"title\" — single quotes are what Python prints for a dict; write files with json.dump".into();
    }
    if here.starts_with(['}', ']']) && before.ends_with(',') {
        return "not valid JSON: a comma before the closing bracket — JSON allows no trailing comma; remove it".into();
    }
    let kind = e.kind();
    if let Some(close) = here.chars().next().filter(|c| matches!(*c, '}' | ']'))
        && at_top_level(text, at)
    {
        return format!(
            "not valid JSON: an extra `{close}` after the end of the document — remove it, or add the opening bracket it was meant to close"
        );
    }
    if matches!(kind, K::MultipleRootJsonValues)
        || (here.starts_with(['{', '[']) && before.ends_with(['}', ']']) && at_top_level(text, at))
    {
        let lines = if up_to.contains('\n') {
            "this looks like JSON Lines (one object per line); "
        } else {
            ""
        };
        return format!(
            "not valid JSON: a second JSON value starts here — {lines}a role file is one JSON document: put the roles in one array, [{{…}}, {{…}}], or in a dataset's \"roles\""
        );
    }
    let hint = match kind {
        K::NestingDepthExceeded => return TOO_DEEP.into(),
        K::TrailingCommasNotAllowed => {
            " — remove the comma before the closing bracket; JSON allows no trailing comma"
        }
        K::UnterminatedArray | K::UnterminatedObject => {
            " — the file ends too early: a closing `}`, `]` or `\"` is missing"
        }
        K::String(jsonc_parser::ParseStringErrorKind::UnterminatedStringLiteral) => {
            " — a string has no closing `\"`, or the file ends too early"
        }
        K::String(
            jsonc_parser::ParseStringErrorKind::ExpectedFourHexDigits
            | jsonc_parser::ParseStringErrorKind::ExpectedTwoHexDigits
            | jsonc_parser::ParseStringErrorKind::InvalidUnicodeEscapeSequence(_),
        ) => {
            " — \\u takes four hexadecimal digits, like \\u00e9; for a backslash itself write \\\\"
        }
        K::String(_) => {
            " — a backslash starts an escape in JSON text: write \\\\ for a backslash (C:\\\\Users, or C:/Users), \\n for a line break"
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
        K::UnexpectedWord | K::UnexpectedToken => {
            " — JSON values are \"strings\" in double quotes, numbers, true, false, objects { } and arrays [ ]"
        }
        _ => "",
    };
    // The parser's words start a sentence; here they follow a colon.
    let kind = kind.to_string();
    let mut letters = kind.chars();
    let first = letters.next().map(|c| c.to_lowercase().collect::<String>());
    format!(
        "not valid JSON: {}{}{hint}",
        first.unwrap_or_default(),
        letters.as_str()
    )
}

/// Byte offsets of string literals longer than `max` bytes as written.
/// Escapes only ever shorten text, so a file without any such literal holds
/// no value over `max`, and most files skip the exact check.
pub fn long_strings(text: &str, max: usize) -> Vec<usize> {
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
            Some(start) if q - start > max => out.push(start),
            Some(_) => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_skips_brackets_inside_strings_and_escaped_quotes() {
        let deep = format!("{}{}", "[".repeat(MAX_DEPTH), r#"{"a\"[{": 1}"#);
        assert_eq!(too_deep(&deep), Some(MAX_DEPTH));
        assert_eq!(too_deep(&"[".repeat(MAX_DEPTH)), None);
        assert_eq!(too_deep(&format!("\"{}\"", "[".repeat(600))), None);
        let text = r#"{"a": "}\"]"} {"b": 1}"#;
        assert!(at_top_level(text, 13));
        assert!(!at_top_level(text, 10), "inside a string");
        assert!(!at_top_level(text, 16), "inside the second object");
        assert!(at_top_level(text, 0));
    }
}
