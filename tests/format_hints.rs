//! Near-JSON gets the hint that names the real mistake: words from Python and
//! JavaScript, numbers JSON lacks, single quotes, trailing commas, a second
//! byte order mark, JSON Lines; a file nested too deeply gets one message,
//! arrays and objects alike, with nothing after it.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a panic in a test is a failed test

use career_atlas::model::{Diagnostic, ReadContext, read_dataset};

#[track_caller]
fn only_error(bytes: &[u8]) -> Diagnostic {
    let out = read_dataset("file", bytes, ReadContext::default());
    assert!(out.dataset.is_none(), "expected the file to be refused");
    assert_eq!(out.diagnostics.len(), 1, "{:#?}", out.diagnostics);
    out.diagnostics[0].clone()
}

#[track_caller]
fn says(text: &str, needles: &[&str]) -> Diagnostic {
    let e = only_error(text.as_bytes());
    for needle in needles {
        assert!(
            e.message.contains(needle),
            "{text}: {:?} lacks {needle:?}",
            e.message
        );
    }
    assert!(
        !e.message.to_lowercase().contains("unexpected token"),
        "{text}: {e:?}"
    );
    e
}

const ROLE: &str = r#"{"id": "a", "title": "A", "stack": {"L": ["Go"]}, "tags": VALUE}"#;

#[test]
fn python_and_javascript_words_are_named() {
    for (word, needles) in [
        ("None", &["None is Python", "leave the field out"][..]),
        ("True", &["true in lowercase"]),
        ("False", &["false in lowercase"]),
        (
            "undefined",
            &["undefined is JavaScript", "leave the field out"],
        ),
        ("nan", &["nan is not a JSON number", "leave the field out"]),
        ("NaN", &["NaN is not a JSON number"]),
        ("-Infinity", &["Infinity is not a JSON number"]),
        ("inf", &["inf is not a JSON number"]),
    ] {
        let text = ROLE.replace("VALUE", word);
        let e = says(&text, needles);
        // At the word (the reader may point one past a sign or a first letter).
        let at = text.find(word).unwrap() + 1;
        assert!(e.line == 1 && (at..=at + 1).contains(&e.column), "{e:?}");
        // Inside an array, as the first value, and as a key's value alike.
        says(&ROLE.replace("VALUE", &format!("[\"x\", {word}]")), needles);
        says(&format!("[{}]", ROLE.replace("VALUE", word)), needles);
    }
    // A word merely starting like one is not taken for it.
    let e = only_error(ROLE.replace("VALUE", "Nonesuch").as_bytes());
    assert!(!e.message.contains("Python"), "{e:?}");
}

#[test]
fn single_quotes_and_trailing_commas_are_named() {
    says(
        "{'id': 'a', 'title': 'A', 'stack': {}}",
        &["double quotes", "single quotes"],
    );
    says(r#"{"id": 'a', "title": "A"}"#, &["double quotes"]);
    for text in [
        r#"{"id": "a", "title": "A", "stack": {},}"#,
        r#"{"id": "a", "title": "A", "stack": {"L": ["Go",]}}"#,
        "{\"id\": \"a\", \"title\": \"A\", \"stack\": {\"L\": [\"Go\",\n  ]}}",
    ] {
        says(text, &["trailing comma"]);
    }
}

#[test]
fn a_second_byte_order_mark_is_named() {
    let mut bytes = b"\xEF\xBB\xBF\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(br#"{"id": "a", "title": "A", "stack": {}}"#);
    let e = only_error(&bytes);
    assert!(e.message.contains("byte order mark"), "{e:?}");
    assert!(
        !e.message.to_lowercase().contains("unexpected token"),
        "{e:?}"
    );
}

#[test]
fn json_lines_are_named_as_such() {
    let text = "{\"id\": \"a\", \"title\": \"A\", \"stack\": {}}\n{\"id\": \"b\", \"title\": \"B\", \"stack\": {}}\n";
    let e = says(text, &["JSON Lines", "one JSON document", "array"]);
    assert_eq!(e.line, 2);
    // Two arrays one after the other: the same mistake, without newlines.
    says("[1][2]", &["a second JSON value", "one JSON document"]);
    // An extra closing bracket is named as that, not as a second value.
    says(
        r#"{"id": "a", "title": "A", "stack": {}}}"#,
        &["an extra `}`"],
    );
    // A comma missing between two roles of one array is not JSON Lines.
    let e = only_error(b"[{\"id\": \"a\", \"title\": \"A\"}\n{\"id\": \"b\", \"title\": \"B\"}]");
    assert!(!e.message.contains("JSON Lines"), "{e:?}");
    assert!(e.message.contains("comma"), "{e:?}");
}

#[test]
fn deep_nesting_is_one_message_for_arrays_and_objects() {
    let deep = 100_000;
    let arrays = format!("{}{}", "[".repeat(deep), "]".repeat(deep));
    let objects = format!("{}1{}", "{\"a\":".repeat(deep), "}".repeat(deep));
    let a = only_error(arrays.as_bytes());
    let o = only_error(objects.as_bytes());
    assert!(a.message.contains("too deeply"), "{a:?}");
    assert_eq!(a.message, o.message);
    // Deep inside one role of a dataset: that message alone, no empty
    // `roles` list made up of the role left unread.
    let nested = format!("{}\"Go\"{}", "[".repeat(600), "]".repeat(600));
    let text = format!(
        r#"{{"format": "career-atlas/1", "name": "d", "roles": [{{"id": "a", "title": "t", "stack": {{"L": {nested}}}}}]}}"#
    );
    let e = only_error(text.as_bytes());
    assert_eq!(e.message, a.message);
    // Brackets inside strings do not count: this file's one mistake is
    // its missing title.
    let text = format!(
        r#"{{"id": "a", "summary": "{}", "stack": {{}}}}"#,
        "[{\\\"".repeat(400)
    );
    let e = only_error(text.as_bytes());
    assert!(e.message.contains("title"), "{e:?}");
}

#[test]
fn what_is_written_where_the_text_stops_names_the_mistake() {
    let level = |v: &str| {
        format!(
            r#"{{"id": "a", "title": "A", "salary": [{{"region": "US", "currency": "USD", "levels": [{{"level": "x", "min": {v}}}]}}]}}"#
        )
    };
    let role =
        |title: &str| format!(r#"{{"id": "a", "title": {title}, "stack": {{"L": ["Go"]}}}}"#);
    for (text, needle) in [
        (level("85,000"), "a separator inside a number"),
        (
            format!("[{}]", level("1,250")),
            "a separator inside a number",
        ),
        (level("85'000"), "a separator inside a number"),
        (level("85,5"), "take a point for decimals"),
        (level("[85,000]"), "a separator inside a number"),
        (level("85 000"), "a space inside a number"),
        (level("85\u{a0}000"), "a space inside a number"),
        (level("01"), "a number starting with 0"),
        (level("-05"), "a number starting with 0"),
        (role("“Backend”"), "typographic quote (“)"),
        (role("„Backend“"), "typographic quote („)"),
        (role("‘Backend’"), "typographic quote (‘)"),
        (role("«Backend»"), "typographic quote («)"),
        (role(r#""He said "hi"""#), r#"write a quote as \""#),
        (role(r#""Backend, "#), "or add the closing quote missing"),
        (
            role(r#""C:\Users""#),
            r"not valid JSON: invalid escape — a backslash",
        ),
        (role("\"two\nlines\""), r"JSON writes them as \n and \t"),
        (role("\"a\ttab\""), r"JSON writes them as \n and \t"),
        (
            r#"{"id": "a", "title": "A",\u{2028}"stack": {"L": ["Go"]}}"#
                .replace(r"\u{2028}", "\u{2028}"),
            "an invisible character (U+2028)",
        ),
        (role("\"A\"\u{a0},\"x\": 1"), "(U+00A0)"),
        (role("\"A\",\u{200b}\"x\": 1"), "(U+200B)"),
        (role(r#""caf\u00e""#), "four hexadecimal digits"),
    ] {
        says(&text, &[needle]);
    }
    // What merely looks alike keeps its own message.
    for fine in [
        level("10"),
        level("0.5"),
        level("0"),
        role("\"Quote \\\" inside\""),
    ] {
        let out = read_dataset("file", fine.as_bytes(), ReadContext::default());
        assert!(out.dataset.is_some(), "{fine}: {:#?}", out.diagnostics);
    }
    let e = only_error(level("10 20").as_bytes());
    assert!(!e.message.contains("starting with 0"), "{e:?}");
}
