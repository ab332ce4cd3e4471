//! Property tests for "never crash on a file": the reader, the catalog and
//! search survive any input, and every valid dataset survives a write-and-read
//! round trip unchanged.
//!
//! - [`any_bytes_read_without_panic`]: random bytes, and the seed files with
//!   random damage, always give a [`ReadOutcome`] whose dataset is there exactly
//!   when no diagnostic is an error, with every position 1-based.
//! - [`format_shaped_text_reads_without_panic`]: text built from a grammar of the
//!   format (roles with random fields, wrong types, odd unicode, huge and
//!   negative numbers), rendered in several styles and sometimes cut short.
//! - [`valid_datasets_round_trip`]: a generated valid [`Dataset`], written with
//!   `serde_json` and read back, is equal to itself.
//! - [`exported_datasets_read_back_equal`]: "Save as role file…" — a whole
//!   dataset written by the app's exporter reads back equal, and so do the
//!   roles of any subset of it.
//! - [`catalog_and_search_never_panic`]: `Catalog::new`, `SearchIndex::new` and
//!   `search` on any valid datasets and any query.
//! - [`fuzz_regressions_never_panic`]: every input the fuzzer (`fuzz/`) ever
//!   crashed on, kept in `tests/fixtures/fuzz-regressions/`.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a panic in a test is a failed test

use std::collections::HashSet;
use std::fmt::Write as _;
use std::path::Path;

use career_atlas::model::format::read_dataset_positioned;
use career_atlas::model::search::SearchIndex;
use career_atlas::model::types::{
    DayEntry, ExchangeRates, FORMAT_TAG, Level, Link, Outlook, Period, Priority, Role, SalaryTable,
    SourceRef, StackGroup, TechRef, TechStatus, Technology,
};
use career_atlas::model::{
    Catalog, Dataset, DatasetOrigin, Diagnostic, LoadedDataset, ReadContext, ReadOutcome,
    read_dataset,
};
use proptest::collection::{btree_map, vec};
use proptest::option;
use proptest::prelude::*;
use proptest::sample::{Index, select};
use proptest::test_runner::TestCaseError;

/// Few enough cases that the whole file stays within a few seconds in a debug
/// build; the fuzzer (`fuzz/`) is where the long runs happen. For a longer soak
/// set `PROPTEST_CASES` (e.g. `PROPTEST_CASES=20000 cargo test --release --test properties`).
fn config(cases: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(cases);
    ProptestConfig {
        cases,
        failure_persistence: None,
        max_shrink_iters: 2048,
        ..ProptestConfig::default()
    }
}

// ---------------------------------------------------------------------------
// Shared checks
// ---------------------------------------------------------------------------

/// The contract of every [`ReadOutcome`], whatever the input.
fn check_outcome(bytes: &[u8], out: &ReadOutcome) -> Result<(), TestCaseError> {
    let has_error = out.diagnostics.iter().any(Diagnostic::is_error);
    prop_assert_eq!(
        out.dataset.is_some(),
        !has_error,
        "the dataset must be there exactly when no diagnostic is an error: {:#?}",
        out.diagnostics
    );
    let lines = bytes.split(|&b| b == b'\n').count();
    for d in &out.diagnostics {
        prop_assert!(d.line >= 1 && d.column >= 1, "positions are 1-based: {d:?}");
        prop_assert!(d.line <= lines, "line past the end ({lines} lines): {d:?}");
        prop_assert!(!d.message.is_empty(), "a diagnostic says something: {d:?}");
    }
    Ok(())
}

/// Every diagnostic about a place inside the document points at the start of
/// a JSON value or key there, not somewhere in between.
fn check_positions(bytes: &[u8], out: &ReadOutcome) -> Result<(), TestCaseError> {
    let text = String::from_utf8_lossy(bytes);
    let text = text.trim_start_matches('\u{feff}');
    let lines: Vec<&str> = text.split('\n').collect();
    for d in out.diagnostics.iter().filter(|d| !d.path.is_empty()) {
        let at = lines
            .get(d.line - 1)
            .and_then(|l| l.chars().nth(d.column - 1));
        prop_assert!(
            at.is_some_and(|c| "\"{[-0123456789tfn".contains(c)),
            "{d:?} points at {at:?}, not at a value or key"
        );
    }
    Ok(())
}

/// Everything the app does with a file it reads: read it, and when it yields a
/// dataset, build the catalog and the search index and run a few searches.
fn exercise(bytes: &[u8], cx: ReadContext<'_>) -> Result<ReadOutcome, TestCaseError> {
    let out = read_dataset("fuzz", bytes, cx);
    check_outcome(bytes, &out)?;
    // The outcome is the same whether the file was read in one piece or
    // split into parts to position what it reports.
    let positioned = read_dataset_positioned("fuzz", bytes, cx);
    prop_assert_eq!(&out.dataset, &positioned.dataset);
    prop_assert_eq!(&out.diagnostics, &positioned.diagnostics);
    check_positions(bytes, &out)?;
    if let Some(ds) = &out.dataset {
        let mut queries: Vec<String> = vec![String::new(), "dev".into(), "kuberentes".into()];
        if let Some(role) = ds.roles.first() {
            queries.push(role.title.clone());
            queries.extend(role.tags.iter().take(2).cloned());
            queries.extend(
                role.stack
                    .iter()
                    .flat_map(|g| &g.items)
                    .take(2)
                    .map(|t| t.name.clone()),
            );
        }
        search_all(&[(ds.clone(), true)], &queries)?;
    }
    Ok(out)
}

/// Builds a catalog of `sets` and runs every query, checking that hits name
/// real roles and come best first.
fn search_all(sets: &[(Dataset, bool)], queries: &[String]) -> Result<(), TestCaseError> {
    let loaded = sets
        .iter()
        .enumerate()
        .map(|(i, (ds, visible))| LoadedDataset {
            dataset: ds.clone(),
            origin: if i == 0 {
                DatasetOrigin::Bundled
            } else {
                DatasetOrigin::Imported {
                    source_file: format!("{i}.json").into(),
                    imported_at: "2025-01-01".into(),
                }
            },
            visible: *visible,
        })
        .collect();
    let catalog = Catalog::new(loaded);
    let visible_roles: usize = sets
        .iter()
        .filter(|(_, v)| *v)
        .map(|(ds, _)| ds.roles.len())
        .sum();
    prop_assert_eq!(catalog.roles.len(), visible_roles);
    let index = SearchIndex::new(&catalog);
    prop_assert_eq!(index.len(), catalog.roles.len());
    for q in queries {
        let hits = index.search(q);
        prop_assert!(hits.len() <= catalog.roles.len());
        for h in &hits {
            prop_assert!(h.role.0 < catalog.roles.len(), "hit out of range: {h:?}");
        }
        prop_assert!(
            hits.windows(2).all(|w| w[0].score >= w[1].score),
            "hits best first for {q:?}: {hits:?}"
        );
        if q.trim().is_empty() {
            prop_assert_eq!(hits.len(), catalog.roles.len());
        }
    }
    Ok(())
}

/// Writes `ds` as JSON in one of several styles.
fn write_dataset(ds: &Dataset, pretty: bool, crlf: bool, bom: bool) -> Vec<u8> {
    let mut text = if pretty {
        serde_json::to_string_pretty(ds).unwrap()
    } else {
        serde_json::to_string(ds).unwrap()
    };
    if crlf {
        // serde_json escapes line breaks inside strings, so every raw one is layout.
        text = text.replace('\n', "\r\n");
    }
    let mut bytes = if bom {
        b"\xEF\xBB\xBF".to_vec()
    } else {
        Vec::new()
    };
    bytes.extend_from_slice(text.as_bytes());
    bytes
}

/// A dataset written out and read back must come back equal.
fn check_round_trip(
    ds: &Dataset,
    pretty: bool,
    crlf: bool,
    bom: bool,
) -> Result<(), TestCaseError> {
    let bytes = write_dataset(ds, pretty, crlf, bom);
    let out = read_dataset("some-other-name", &bytes, ReadContext::default());
    check_outcome(&bytes, &out)?;
    // Read in one piece or in positioned parts, a written dataset reads alike.
    let positioned = read_dataset_positioned("some-other-name", &bytes, ReadContext::default());
    prop_assert_eq!(&out.dataset, &positioned.dataset);
    prop_assert_eq!(&out.diagnostics, &positioned.diagnostics);
    let errors: Vec<_> = out.diagnostics.iter().filter(|d| d.is_error()).collect();
    prop_assert!(
        errors.is_empty(),
        "a written dataset reads without error: {errors:#?}\n{}",
        String::from_utf8_lossy(&bytes)
    );
    prop_assert_eq!(out.dataset.as_ref(), Some(ds));
    Ok(())
}

// ---------------------------------------------------------------------------
// (a) any bytes
// ---------------------------------------------------------------------------

const SEEDS: &[&str] = &[
    include_str!("../data/examples/single-role-sre.json"),
    include_str!("../data/examples/uk-bootcamp-roles.json"),
    include_str!("fixtures/broken-dataset.json"),
    r#"{"format":"career-atlas/1","name":"t","technologies":[{"id":"pg","name":"PostgreSQL","aliases":["Postgres"]}],"roles":[{"id":"a","title":"A","stack":{"DB":["Postgres","pg"]},"related":["b"],"salary":[{"region":"US","currency":"USD","levels":[{"level":"All","min":1,"median":2,"max":3}]}]}]}"#,
    r#"[{"id":"a","title":"A","tags":["x"]},{"id":"a","title":"B"}]"#,
];

/// Bits of JSON and of broken encodings to splice into the seeds.
const TOKENS: &[&[u8]] = &[
    b"{",
    b"}",
    b"[",
    b"]",
    b",",
    b":",
    b"\"",
    b"\\",
    b"null",
    b"true",
    b"-1",
    b"1e999",
    b"-0",
    b"0.5",
    b"\"\\ud800\"",
    b"\"\\udc00\\ud83d\"",
    b"\"\\u00e9\"",
    b"\xff",
    b"\xc3",
    b"\xEF\xBB\xBF",
    b"\r\n",
    b"\t",
    b"\"format\":\"career-atlas/1\"",
    b"\"id\":\"a\"",
    b"\"roles\":[]",
    b"\"stack\":{}",
    b"\"levels\":[{}]",
    b"//",
    b"/*",
    b"'",
];

#[derive(Debug, Clone)]
enum Damage {
    Flip(Index, u8),
    Delete(Index, usize),
    Insert(Index, &'static [u8]),
    Duplicate(Index, Index),
    Truncate(Index),
}

fn damage() -> impl Strategy<Value = Damage> {
    prop_oneof![
        (any::<Index>(), any::<u8>()).prop_map(|(i, b)| Damage::Flip(i, b)),
        (any::<Index>(), 1usize..40).prop_map(|(i, n)| Damage::Delete(i, n)),
        (any::<Index>(), select(TOKENS)).prop_map(|(i, t)| Damage::Insert(i, t)),
        (any::<Index>(), any::<Index>()).prop_map(|(a, b)| Damage::Duplicate(a, b)),
        any::<Index>().prop_map(Damage::Truncate),
    ]
}

fn apply(seed: &str, damages: &[Damage]) -> Vec<u8> {
    let mut b = seed.as_bytes().to_vec();
    for d in damages {
        match d {
            Damage::Flip(i, x) => {
                if !b.is_empty() {
                    let at = i.index(b.len());
                    b[at] ^= x | 1;
                }
            }
            Damage::Delete(i, n) => {
                let at = i.index(b.len() + 1);
                let end = (at + n).min(b.len());
                b.drain(at..end);
            }
            Damage::Insert(i, t) => {
                let at = i.index(b.len() + 1);
                b.splice(at..at, t.iter().copied());
            }
            Damage::Duplicate(i, j) => {
                // Copy a slice of the file elsewhere: repeated keys, nested values.
                let from = i.index(b.len() + 1);
                let to = (from + 64).min(b.len());
                let piece = b[from..to].to_vec();
                let at = j.index(b.len() + 1);
                b.splice(at..at, piece);
            }
            Damage::Truncate(i) => {
                let at = i.index(b.len() + 1);
                b.truncate(at);
            }
        }
    }
    b
}

fn any_file_bytes() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        2 => vec(any::<u8>(), 0..256),
        1 => "\\PC{0,64}".prop_map(String::into_bytes),
        4 => (select(SEEDS), vec(damage(), 1..6)).prop_map(|(s, d)| apply(s, &d)),
    ]
}

proptest! {
    #![proptest_config(config(1024))]

    /// (a) Any bytes: no panic, a dataset exactly when there is no error, and
    /// every diagnostic at a 1-based line and column inside the file.
    #[test]
    fn any_bytes_read_without_panic(bytes in any_file_bytes()) {
        exercise(&bytes, ReadContext::default())?;
    }
}

#[test]
fn deep_nesting_and_odd_encodings_are_refused_politely() {
    let cases: Vec<Vec<u8>> = vec![
        b"[".repeat(100_000),
        [b"[".repeat(5_000), b"]".repeat(5_000)].concat(),
        [b"{\"a\":".repeat(5_000), b"1".to_vec(), b"}".repeat(5_000)].concat(),
        b"\xEF\xBB\xBF".to_vec(),
        b"\xEF\xBB\xBF\xEF\xBB\xBF{}".to_vec(),
        b"\xFF\xFE{\x00}\x00".to_vec(),
        b"[\"\\ud800\"]".to_vec(),
        b"{\"id\":\"a\",\"title\":\"\\udc00\"}".to_vec(),
        b"{\"id\":\"a\",\"title\":\"x\",\"tags\":[\"\\ud83d\\ude00\"]}".to_vec(),
        b"\r\r\r\n\n{".to_vec(),
        b"1e99999".to_vec(),
        b"-".to_vec(),
        b"\"".to_vec(),
    ];
    for bytes in cases {
        let out = read_dataset("x", &bytes, ReadContext::default());
        check_outcome(&bytes, &out).unwrap();
    }
}

// ---------------------------------------------------------------------------
// (b) text shaped like the format
// ---------------------------------------------------------------------------

/// A JSON document as written, numbers and odd strings kept verbatim.
#[derive(Debug, Clone)]
enum J {
    Null,
    Bool(bool),
    /// A number exactly as written (may be huge, negative, or not JSON at all).
    Num(String),
    Str(String),
    /// A string literal written verbatim, quotes included (odd escapes).
    RawStr(&'static str),
    Arr(Vec<J>),
    Obj(Vec<(String, J)>),
}

#[derive(Debug, Clone, Copy)]
#[allow(clippy::struct_excessive_bools)] // independent switches, each drawn at random
struct Style {
    pretty: bool,
    crlf: bool,
    bom: bool,
    /// Write every non-ASCII character as `\uXXXX` (surrogate pairs included).
    ascii: bool,
}

fn push_string(s: &str, ascii: bool, out: &mut String) {
    if !ascii {
        out.push_str(&serde_json::to_string(s).unwrap());
        return;
    }
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '/' => out.push_str("\\/"),
            ' '..='~' => out.push(c),
            _ => {
                let mut buf = [0u16; 2];
                for unit in c.encode_utf16(&mut buf) {
                    let _ = write!(out, "\\u{unit:04X}");
                }
            }
        }
    }
    out.push('"');
}

fn render(j: &J, st: Style, depth: usize, out: &mut String) {
    let newline = |out: &mut String, depth: usize| {
        if st.pretty {
            out.push_str(if st.crlf { "\r\n" } else { "\n" });
            out.push_str(&"  ".repeat(depth));
        }
    };
    match j {
        J::Null => out.push_str("null"),
        J::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        J::Num(n) => out.push_str(n),
        J::Str(s) => push_string(s, st.ascii, out),
        J::RawStr(s) => out.push_str(s),
        J::Arr(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline(out, depth + 1);
                render(item, st, depth + 1, out);
            }
            if !items.is_empty() {
                newline(out, depth);
            }
            out.push(']');
        }
        J::Obj(fields) => {
            out.push('{');
            for (i, (k, v)) in fields.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline(out, depth + 1);
                push_string(k, st.ascii, out);
                out.push_str(if st.pretty { ": " } else { ":" });
                render(v, st, depth + 1, out);
            }
            if !fields.is_empty() {
                newline(out, depth);
            }
            out.push('}');
        }
    }
}

fn num_text() -> impl Strategy<Value = String> {
    prop_oneof![
        40 => (0u32..300_000).prop_map(|n| n.to_string()),
        10 => any::<i64>().prop_map(|n| n.to_string()),
        10 => any::<f64>().prop_filter("finite", |x| x.is_finite()).prop_map(|x| format!("{x:e}")),
        5 => "-?[1-9][0-9]{15,60}(\\.[0-9]{1,20})?",
        5 => "-?[0-9]\\.[0-9]{1,8}[eE][+-]?[0-9]{1,5}",
        5 => select(&["-0", "0", "0.0", "-0.0", "1e308", "1e309", "-1e400", "4.9e-324", "1e-400",
            "1.7976931348623157e308", "18446744073709551616", "-9223372036854775809"][..])
            .prop_map(str::to_string),
        // Not JSON (rare, or few documents would get past the syntax check):
        // the syntax check must refuse these politely.
        1 => select(&["01", "1.", ".5", "+1", "NaN", "Infinity", "-", "1e", "0x10", "1_000"][..])
            .prop_map(str::to_string),
    ]
}

fn num() -> BoxedStrategy<J> {
    num_text().prop_map(J::Num).boxed()
}

/// Strings: plain words, words of the format, and arbitrary unicode.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => "[A-Za-z][A-Za-z0-9 ,.()+#/-]{0,20}",
        2 => any::<String>(),
        1 => "\\PC{0,8}",
        1 => select(&["", " ", "\t", "core", "common", "optional", "year", "month", "hour", "USD",
            "usd", "EURO", "2025", "2025-06", "2025-13-40", "https://example.com", "http://", "ftp://x",
            "javascript:alert(1)", "career-atlas/1", "career-atlas/2", "career-atlas/99999999999",
            "Postgres", "postgresql", "k8s", "Kubernetes", "Go", "a", "b", "backend-developer",
            "\u{0}", "\u{FEFF}", "e\u{301}", "\u{1F600}", "\u{202E}rtl", "\u{10FFFF}"][..])
            .prop_map(str::to_string),
    ]
}

fn str_v() -> BoxedStrategy<J> {
    prop_oneof![
        // Rare, as one bad escape makes the whole document invalid JSON.
        400 => text().prop_map(J::Str),
        1 => select(&[r#""\ud800""#, r#""\udc00""#, r#""\ud83d\ude00""#, r#""\u00E9\/\b\f""#,
            r#""\x41""#, r#""\u12""#, "\"tab\there\"", "\"\u{7f}\""][..]).prop_map(J::RawStr),
    ]
    .boxed()
}

fn bool_v() -> BoxedStrategy<J> {
    any::<bool>().prop_map(J::Bool).boxed()
}

fn id_v() -> BoxedStrategy<J> {
    prop_oneof![
        3 => select(&["a", "b", "c", "backend-developer", "x-1"][..]).prop_map(|s| J::Str(s.into())),
        20 => "[a-z0-9]{1,6}(-[a-z0-9]{1,3}){0,2}".prop_map(J::Str),
        1 => select(&["", "Bad Id", "a--b", "-a", "a-", "ÄÖ", "a_b"][..]).prop_map(|s| J::Str(s.into())),
    ]
    .boxed()
}

fn currency_v() -> BoxedStrategy<J> {
    prop_oneof![12 => "[A-Z]{3}".prop_map(J::Str), 1 => text().prop_map(J::Str)].boxed()
}

fn url_v() -> BoxedStrategy<J> {
    prop_oneof![
        12 => "(https?|HTTPS?)://[a-z0-9.-]{1,12}(/[^\\s]{0,8})?".prop_map(J::Str),
        1 => text().prop_map(J::Str),
    ]
    .boxed()
}

fn scalar() -> BoxedStrategy<J> {
    prop_oneof![Just(J::Null), bool_v(), num(), str_v()].boxed()
}

fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        2 => select(&["responsibilites", "titel", "$schema", "salery", "prioritty", "levles", "x",
            "", "Min", "MEDIAN"][..]).prop_map(str::to_string),
        1 => text(),
    ]
}

/// Any JSON value, small.
fn any_json() -> BoxedStrategy<J> {
    scalar()
        .prop_recursive(3, 16, 4, |inner| {
            prop_oneof![
                vec(inner.clone(), 0..4).prop_map(J::Arr),
                vec((key(), inner), 0..4).prop_map(J::Obj),
            ]
        })
        .boxed()
}

fn arr(item: BoxedStrategy<J>, max: usize) -> BoxedStrategy<J> {
    vec(item, 0..=max).prop_map(J::Arr).boxed()
}

/// A list that is seldom empty (for lists the format requires to be non-empty).
fn arr1(item: BoxedStrategy<J>, max: usize) -> BoxedStrategy<J> {
    prop_oneof![
        12 => vec(item.clone(), 1..=max),
        1 => vec(item, 0..=max),
    ]
    .prop_map(J::Arr)
    .boxed()
}

/// A field present with probability `p`, of the right type most of the time.
fn field(
    name: &'static str,
    p: f64,
    right: BoxedStrategy<J>,
) -> BoxedStrategy<Option<(String, J)>> {
    let value = prop_oneof![30 => right, 1 => any_json()];
    let value = if p >= 1.0 {
        value.prop_map(Some).boxed()
    } else {
        option::weighted(p, value).boxed()
    };
    value
        .prop_map(move |v| v.map(|v| (name.to_string(), v)))
        .boxed()
}

/// An object of `fields`, plus now and then an unknown or repeated one, in any order.
fn obj(fields: Vec<BoxedStrategy<Option<(String, J)>>>) -> BoxedStrategy<J> {
    obj_with(fields, Just(Vec::new()).boxed())
}

/// [`obj`], with more fields drawn together (figures that must agree).
fn obj_with(
    fields: Vec<BoxedStrategy<Option<(String, J)>>>,
    more: BoxedStrategy<Vec<(String, J)>>,
) -> BoxedStrategy<J> {
    (fields, more, vec((key(), scalar()), 0..2), any::<bool>())
        .prop_map(|(fields, more, extra, repeat)| {
            let mut all: Vec<(String, J)> = fields.into_iter().flatten().chain(more).collect();
            if repeat && let Some(first) = all.first().cloned() {
                all.push(first);
            }
            all.extend(extra);
            all
        })
        .prop_shuffle()
        .prop_map(J::Obj)
        .boxed()
}

const REQ: f64 = 0.98;
const OPT: f64 = 0.35;

fn text_field(name: &'static str, p: f64) -> BoxedStrategy<Option<(String, J)>> {
    field(name, p, str_v())
}

fn tech_ref_j() -> BoxedStrategy<J> {
    prop_oneof![
        2 => str_v(),
        2 => select(&["Go", "go", "Postgres", "PostgreSQL", "postgresql", "k8s", "Kubernetes"][..])
            .prop_map(|s| J::Str(s.into())),
        2 => obj(vec![
            field("name", REQ, str_v()),
            field("priority", OPT, prop_oneof![
                12 => select(&["core", "common", "optional"][..]).prop_map(|s| J::Str(s.into())),
                1 => str_v(),
            ].boxed()),
            text_field("note", OPT),
        ]),
    ]
    .boxed()
}

fn level_j() -> BoxedStrategy<J> {
    // Mostly figures in order (a valid level), sometimes any numbers.
    let figures = prop_oneof![
        3 => (vec(0u32..400_000, 7), vec(any::<bool>(), 7)).prop_map(|(mut xs, given)| {
            xs.sort_unstable();
            let mut out: Vec<Option<J>> = xs
                .iter()
                .zip(&given)
                .map(|(x, g)| g.then(|| J::Num(x.to_string())))
                .collect();
            if out.iter().all(Option::is_none) {
                out[3] = Some(J::Num(xs[3].to_string()));
            }
            out
        }),
        1 => vec(option::weighted(0.4, num()), 7),
    ];
    let figures = figures
        .prop_map(|f| {
            ["min", "p10", "p25", "median", "p75", "p90", "max"]
                .iter()
                .zip(f)
                .filter_map(|(k, v)| v.map(|v| ((*k).to_string(), v)))
                .collect()
        })
        .boxed();
    obj_with(
        vec![
            field("level", REQ, str_v()),
            field("open_ended", 0.2, bool_v()),
            text_field("note", 0.2),
        ],
        figures,
    )
}

fn table_j() -> BoxedStrategy<J> {
    obj(vec![
        field("region", REQ, str_v()),
        field("currency", REQ, currency_v()),
        field(
            "period",
            OPT,
            prop_oneof![
                12 => select(&["year", "month", "hour"][..]).prop_map(|s| J::Str(s.into())),
                1 => str_v(),
            ]
            .boxed(),
        ),
        text_field("source", OPT),
        text_field("as_of", OPT),
        text_field("note", 0.2),
        field("levels", REQ, arr1(level_j(), 3)),
    ])
}

fn stack_j() -> BoxedStrategy<J> {
    vec(
        (
            text(),
            prop_oneof![8 => arr(tech_ref_j(), 4), 1 => any_json()],
        ),
        0..4,
    )
    .prop_map(J::Obj)
    .boxed()
}

fn role_j() -> BoxedStrategy<J> {
    obj(vec![
        field("id", REQ, id_v()),
        field("title", REQ, str_v()),
        text_field("category", OPT),
        text_field("summary", OPT),
        text_field("description", 0.2),
        field("responsibilities", OPT, arr(str_v(), 3)),
        field(
            "day_in_the_life",
            0.2,
            arr(
                obj(vec![
                    field("when", REQ, str_v()),
                    field("what", REQ, str_v()),
                ]),
                2,
            ),
        ),
        text_field("education", 0.2),
        field("stack", 0.6, stack_j()),
        field("salary", 0.5, arr(table_j(), 2)),
        text_field("salary_note", 0.1),
        field(
            "outlook",
            0.2,
            obj(vec![
                text_field("occupation", OPT),
                text_field("period", OPT),
                field("growth_pct", OPT, num()),
                field("openings_per_year", OPT, num()),
                text_field("source", OPT),
            ]),
        ),
        field("related", OPT, arr(id_v(), 3)),
        field(
            "links",
            0.3,
            arr(
                obj(vec![
                    field("title", REQ, str_v()),
                    field("url", REQ, url_v()),
                ]),
                2,
            ),
        ),
        field("tags", OPT, arr(str_v(), 3)),
    ])
}

fn dataset_j() -> BoxedStrategy<J> {
    obj(vec![
        field(
            "format",
            1.0,
            prop_oneof![
                15 => Just(J::Str(FORMAT_TAG.into())),
                1 => str_v(),
            ]
            .boxed(),
        ),
        field("name", REQ, str_v()),
        text_field("description", OPT),
        text_field("author", 0.2),
        text_field("version", 0.2),
        text_field("license", 0.2),
        text_field("as_of", OPT),
        field(
            "sources",
            0.2,
            arr(
                obj(vec![
                    field("name", REQ, str_v()),
                    text_field("detail", OPT),
                    text_field("date", OPT),
                    field("url", OPT, url_v()),
                ]),
                2,
            ),
        ),
        field(
            "technologies",
            0.5,
            arr(
                obj(vec![
                    field("id", REQ, prop_oneof![id_v(), str_v()].boxed()),
                    field(
                        "name",
                        REQ,
                        prop_oneof![
                            str_v(),
                            select(&["Go", "PostgreSQL", "Kubernetes"][..])
                                .prop_map(|s| J::Str(s.into())),
                        ]
                        .boxed(),
                    ),
                    text_field("category", OPT),
                    field("aliases", OPT, arr(str_v(), 3)),
                    field("hot", OPT, bool_v()),
                    text_field("description", 0.2),
                    field("effort_hours", 0.2, num()),
                ]),
                3,
            ),
        ),
        field(
            "exchange_rates",
            0.3,
            obj(vec![
                field("base", REQ, currency_v()),
                text_field("as_of", OPT),
                field(
                    "rates",
                    REQ,
                    vec((prop_oneof!["[A-Z]{3}", text()], num()), 0..3)
                        .prop_map(J::Obj)
                        .boxed(),
                ),
            ]),
        ),
        field("roles", REQ, arr1(role_j(), 3)),
    ])
}

fn document_j() -> BoxedStrategy<J> {
    prop_oneof![
        4 => dataset_j(),
        2 => role_j(),
        2 => arr1(role_j(), 3),
        1 => any_json(),
    ]
    .boxed()
}

fn style() -> impl Strategy<Value = Style> {
    (
        any::<bool>(),
        any::<bool>(),
        prop::bool::weighted(0.2),
        prop::bool::weighted(0.2),
    )
        .prop_map(|(pretty, crlf, bom, ascii)| Style {
            pretty,
            crlf,
            bom,
            ascii,
        })
}

proptest! {
    #![proptest_config(config(512))]

    /// (b) Text built from a grammar of the format, sometimes cut short: no
    /// panic; and whatever reads as a dataset survives a round trip.
    #[test]
    fn format_shaped_text_reads_without_panic(
        doc in document_j(),
        st in style(),
        cut in option::weighted(0.1, any::<Index>()),
        with_known_ids in any::<bool>(),
    ) {
        let mut text = String::new();
        render(&doc, st, 0, &mut text);
        let mut bytes = if st.bom { b"\xEF\xBB\xBF".to_vec() } else { Vec::new() };
        bytes.extend_from_slice(text.as_bytes());
        if let Some(cut) = cut {
            bytes.truncate(cut.index(bytes.len() + 1));
        }
        let known: HashSet<String> = ["a", "c", "backend-developer"].iter().map(|s| (*s).to_string()).collect();
        let cx = ReadContext { known_role_ids: with_known_ids.then_some(&known) };
        let out = exercise(&bytes, cx)?;
        if let Some(ds) = &out.dataset {
            check_round_trip(ds, st.pretty, st.crlf, st.bom)?;
        }
    }
}

// ---------------------------------------------------------------------------
// (c) valid datasets round-trip; (d) catalog and search
// ---------------------------------------------------------------------------

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => "[A-Za-z][A-Za-z0-9 ,.()+#/-]{0,16}",
        1 => any::<String>(),
    ]
}

fn non_blank() -> impl Strategy<Value = String> {
    any_text().prop_filter("not blank", |s| !s.trim().is_empty())
}

fn opt_text() -> impl Strategy<Value = Option<String>> {
    option::of(any_text())
}

fn valid_id() -> impl Strategy<Value = String> {
    "[a-z0-9]{1,8}(-[a-z0-9]{1,4}){0,2}"
}

fn valid_url() -> impl Strategy<Value = String> {
    "(https?|HTTPS?)://[a-z0-9.-]{1,12}(/[^\\s]{0,8})?"
}

fn valid_currency() -> impl Strategy<Value = String> {
    "[A-Z]{3}"
}

/// A date as the format asks, or (only a warning) anything else.
fn as_of() -> impl Strategy<Value = Option<String>> {
    option::of(prop_oneof![
        "[0-9]{4}",
        "[0-9]{4}-(0[1-9]|1[0-2])",
        "[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])",
        any_text(),
    ])
}

/// A finite figure of 0 or more (−0 included: it is not below 0).
fn figure() -> impl Strategy<Value = f64> {
    use proptest::num::f64::{NORMAL, POSITIVE, SUBNORMAL, ZERO};
    prop_oneof![
        3 => (0u32..500_000).prop_map(f64::from),
        2 => 0.0f64..1e9,
        2 => POSITIVE | NORMAL | SUBNORMAL | ZERO,
        1 => Just(-0.0),
    ]
}

fn positive() -> impl Strategy<Value = f64> {
    use proptest::num::f64::{NORMAL, POSITIVE, SUBNORMAL};
    prop_oneof![1e-6f64..1e6, POSITIVE | NORMAL | SUBNORMAL]
}

fn any_finite() -> impl Strategy<Value = f64> {
    use proptest::num::f64::{NEGATIVE, NORMAL, POSITIVE, SUBNORMAL, ZERO};
    prop_oneof![
        -100.0f64..500.0,
        POSITIVE | NEGATIVE | NORMAL | SUBNORMAL | ZERO
    ]
}

fn level() -> impl Strategy<Value = Level> {
    (
        non_blank(),
        vec(figure(), 7),
        vec(any::<bool>(), 7),
        any::<bool>(),
        opt_text(),
    )
        .prop_map(|(level, mut xs, mut given, open_ended, note)| {
            xs.sort_by(f64::total_cmp);
            if !given.contains(&true) {
                given[3] = true;
            }
            let at = |i: usize| given[i].then_some(xs[i]);
            Level {
                level,
                min: at(0),
                p10: at(1),
                p25: at(2),
                median: at(3),
                p75: at(4),
                p90: at(5),
                max: at(6),
                open_ended,
                note,
            }
        })
}

fn salary_table() -> impl Strategy<Value = SalaryTable> {
    (
        non_blank(),
        valid_currency(),
        select(&[Period::Year, Period::Month, Period::Hour][..]),
        opt_text(),
        as_of(),
        opt_text(),
        vec(level(), 1..4),
    )
        .prop_map(
            |(region, currency, period, source, as_of, note, levels)| SalaryTable {
                region,
                currency,
                period,
                source,
                as_of,
                note,
                levels,
            },
        )
}

fn tech_ref() -> impl Strategy<Value = TechRef> {
    (
        prop_oneof![
            non_blank(),
            select(&["Go", "go", "Postgres", "PostgreSQL", "k8s", "Kubernetes"][..])
                .prop_map(str::to_string),
        ],
        select(&Priority::ALL[..]),
        opt_text(),
    )
        .prop_map(|(name, priority, note)| TechRef {
            name,
            priority,
            note,
        })
}

fn outlook() -> impl Strategy<Value = Outlook> {
    (
        opt_text(),
        opt_text(),
        option::of(any_finite()),
        option::of(figure()),
        opt_text(),
        opt_text(),
        opt_text(),
        opt_text(),
    )
        .prop_map(
            |(
                occupation,
                period,
                growth_pct,
                openings_per_year,
                entry_education,
                work_experience,
                source,
                note,
            )| {
                Outlook {
                    occupation,
                    period,
                    growth_pct,
                    openings_per_year,
                    entry_education,
                    work_experience,
                    source,
                    note,
                }
            },
        )
}

fn role() -> impl Strategy<Value = Role> {
    let words = (
        valid_id(),
        non_blank(),
        opt_text(),
        opt_text(),
        opt_text(),
        vec(any_text(), 0..3),
        vec((any_text(), any_text()), 0..3),
        opt_text(),
    );
    let rest = (
        vec((any_text(), vec(tech_ref(), 0..4)), 0..3),
        vec(salary_table(), 0..3),
        opt_text(),
        option::of(outlook()),
        vec(valid_id(), 0..3),
        vec((any_text(), valid_url()), 0..3),
        vec(any_text(), 0..3),
    );
    (words, rest).prop_map(
        |(
            (id, title, category, summary, description, responsibilities, day, education),
            (stack, salary, salary_note, outlook, related, links, tags),
        )| Role {
            schema: None,
            id,
            title,
            category,
            summary,
            description,
            responsibilities,
            day_in_the_life: day
                .into_iter()
                .map(|(when, what)| DayEntry { when, what })
                .collect(),
            education,
            stack: stack
                .into_iter()
                .map(|(name, items)| StackGroup { name, items })
                .collect(),
            salary,
            salary_note,
            outlook,
            related,
            links: links
                .into_iter()
                .map(|(title, url)| Link { title, url })
                .collect(),
            tags,
        },
    )
}

fn technology() -> impl Strategy<Value = Technology> {
    (
        prop_oneof![valid_id(), non_blank()],
        prop_oneof![
            non_blank(),
            select(&["Go", "PostgreSQL", "Kubernetes"][..]).prop_map(str::to_string),
        ],
        opt_text(),
        vec(
            prop_oneof![
                any_text(),
                select(&["Postgres", "k8s", "go"][..]).prop_map(str::to_string)
            ],
            0..3,
        ),
        any::<bool>(),
        opt_text(),
        option::of(figure()),
        option::of(valid_url()),
        option::of(select(&TechStatus::ALL[..])),
    )
        .prop_map(
            |(id, name, category, aliases, hot, description, effort_hours, url, status)| {
                Technology {
                    id,
                    name,
                    category,
                    aliases,
                    hot,
                    description,
                    effort_hours,
                    url,
                    status,
                }
            },
        )
}

fn source_ref() -> impl Strategy<Value = SourceRef> {
    (non_blank(), opt_text(), opt_text(), option::of(valid_url())).prop_map(
        |(name, detail, date, url)| SourceRef {
            name,
            detail,
            date,
            url,
        },
    )
}

fn exchange_rates() -> impl Strategy<Value = ExchangeRates> {
    (
        valid_currency(),
        as_of(),
        opt_text(),
        btree_map(valid_currency(), positive(), 0..4),
    )
        .prop_map(|(base, as_of, source, rates)| ExchangeRates {
            base,
            as_of,
            source,
            rates,
        })
}

/// Any dataset the format calls valid (warnings allowed).
fn dataset() -> impl Strategy<Value = Dataset> {
    let meta = (
        non_blank(),
        opt_text(),
        opt_text(),
        opt_text(),
        opt_text(),
        opt_text(),
        as_of(),
        opt_text(),
    );
    let body = (
        vec(source_ref(), 0..2),
        vec(technology(), 0..3),
        option::of(exchange_rates()),
        vec(role(), 1..4),
    );
    (meta, body).prop_map(
        |(
            (name, description, author, version, license, source, as_of, attribution),
            (sources, technologies, exchange_rates, mut roles),
        )| {
            // Ids are unique within a dataset.
            for (i, r) in roles.iter_mut().enumerate() {
                r.id = format!("{}-{i}", r.id);
            }
            Dataset {
                schema: None,
                format: FORMAT_TAG.to_string(),
                name,
                description,
                author,
                version,
                license,
                source,
                as_of,
                sources,
                attribution,
                technologies,
                exchange_rates,
                roles: roles.into_iter().map(std::sync::Arc::new).collect(),
            }
        },
    )
}

/// Search words: anything, and the words searches are made of.
fn query() -> impl Strategy<Value = String> {
    prop_oneof![
        2 => any::<String>(),
        1 => "\\PC{0,40}",
        1 => "[a-z]{1,12}( [a-z]{1,8}){0,3}",
        1 => select(&["dev", "kuberentes", "postgres", "C++", "C#", "  ", "ÄÖÜ", "\u{1F600}"][..])
            .prop_map(str::to_string),
    ]
}

proptest! {
    #![proptest_config(config(192))]

    /// (c) Any valid dataset, written by `serde_json` and read back, is equal.
    #[test]
    fn valid_datasets_round_trip(
        ds in dataset(),
        pretty in any::<bool>(),
        crlf in any::<bool>(),
        bom in any::<bool>(),
    ) {
        check_round_trip(&ds, pretty, crlf, bom)?;
    }

    /// Save as role file: read → write → read gives an equal dataset, and
    /// any subset of its roles comes back as it was, with no error.
    #[test]
    fn exported_datasets_read_back_equal(ds in dataset(), keep in vec(any::<bool>(), 1..5)) {
        use career_atlas::model::export::{Part, encode, roles_file};
        let bytes = encode(&ds).unwrap();
        let back = read_dataset("other", &bytes, ReadContext::default());
        prop_assert_eq!(back.error_count(), 0, "{:?}", back.diagnostics);
        prop_assert_eq!(back.dataset.as_ref(), Some(&ds));
        let roles: Vec<_> = ds
            .roles
            .iter()
            .zip(keep.iter().cycle())
            .filter(|(_, k)| **k)
            .map(|(r, _)| std::sync::Arc::clone(r))
            .collect();
        if !roles.is_empty() {
            let part = Part { dataset: ds.clone(), roles: roles.clone() };
            let subset = roles_file("Part", &[part], &[]).dataset;
            let bytes = encode(&subset).unwrap();
            let back = read_dataset("other", &bytes, ReadContext::default());
            prop_assert_eq!(back.error_count(), 0, "{:?}", back.diagnostics);
            let back = back.dataset.unwrap();
            prop_assert_eq!(&back, &subset);
            prop_assert_eq!(&back.roles, &roles);
        }
    }

    /// (d) Catalog and search on any valid datasets and any query: no panic,
    /// hits in range and best first.
    #[test]
    fn catalog_and_search_never_panic(
        sets in vec((dataset(), any::<bool>()), 1..4),
        mut queries in vec(query(), 1..4),
    ) {
        // Also search for what the datasets contain, exactly and with a typo.
        for (ds, _) in &sets {
            for role in ds.roles.iter().take(2) {
                queries.push(role.title.clone());
                let mut typo: Vec<char> = role.title.chars().collect();
                if typo.len() > 2 {
                    typo.swap(1, 2);
                }
                queries.push(typo.into_iter().collect());
                queries.extend(role.stack.iter().flat_map(|g| &g.items).take(1).map(|t| t.name.clone()));
            }
        }
        search_all(&sets, &queries)?;
    }
}

#[test]
fn search_survives_very_long_words() {
    let long = "a".repeat(5_000);
    let mixed: String = "Kubernetes ".repeat(400);
    let json = serde_json::json!([
        {"id": "a", "title": long, "tags": [long], "summary": mixed, "stack": {"S": [long, mixed]}},
        {"id": "b", "title": mixed, "category": long}
    ]);
    let bytes = serde_json::to_vec(&json).unwrap();
    let ds = read_dataset("x", &bytes, ReadContext::default())
        .dataset
        .unwrap();
    let queries = vec![
        long.clone(),
        mixed.clone(),
        "a".repeat(3_000),
        format!("{long} {long}"),
    ];
    search_all(&[(ds, true)], &queries).unwrap();
}

// ---------------------------------------------------------------------------
// Inputs the fuzzer crashed on
// ---------------------------------------------------------------------------

/// Every file in `tests/fixtures/fuzz-regressions/` goes through what the fuzz
/// target does, without panicking.
#[test]
fn fuzz_regressions_never_panic() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz-regressions");
    let mut count = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if !path.is_file() {
            continue;
        }
        let bytes = std::fs::read(&path).unwrap();
        if let Err(e) = exercise(&bytes, ReadContext::default()) {
            panic!("{}: {e}", path.display());
        }
        if let Some(ds) = read_dataset("fuzz", &bytes, ReadContext::default()).dataset {
            check_round_trip(&ds, false, false, false)
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        }
        count += 1;
    }
    assert!(count > 0, "{} holds no regression inputs", dir.display());
}
