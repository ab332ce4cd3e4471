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
    include_str!("../../data/examples/single-role-sre.json"),
    include_str!("../../data/examples/uk-bootcamp-roles.json"),
    include_str!("../fixtures/broken-dataset.json"),
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

mod round_trip;
mod shaped;

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
