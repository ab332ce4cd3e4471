//! Recognition quality over a labelled set: each text in
//! `tests/fixtures/skills-text/` has a `.expected` file listing the exact
//! catalog ids a careful reader would mark, against the fixture catalog
//! `tests/fixtures/skills-catalog.json`. Precision and recall are summed over
//! the whole set and must stay at or above 0.95 and 0.90.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a panic in a test is a failed test

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::Path;

use career_atlas::model::recognize::Recognizer;
use career_atlas::model::{Catalog, DatasetOrigin, LoadedDataset, ReadContext, read_dataset};

fn fixture_catalog() -> Catalog {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/skills-catalog.json");
    let bytes = std::fs::read(&path).expect("fixture catalog");
    let out = read_dataset("skills-test", &bytes, ReadContext::default());
    let dataset = out.dataset.expect("fixture catalog is valid");
    Catalog::new(vec![LoadedDataset {
        dataset,
        origin: DatasetOrigin::Bundled,
        visible: true,
    }])
}

fn bundled_catalog() -> Catalog {
    Catalog::new(vec![LoadedDataset {
        dataset: career_atlas::model::bundled_dataset(),
        origin: DatasetOrigin::Bundled,
        visible: true,
    }])
}

/// Right, extra and missed ids over every text of `dir`, and a line per text.
#[derive(Default)]
struct Score {
    texts: usize,
    true_pos: usize,
    false_pos: usize,
    false_neg: usize,
    report: String,
}

fn score(catalog: &Catalog, dir: &str, into: &mut Score) {
    let recognizer = Recognizer::new(catalog);
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut texts: Vec<_> = std::fs::read_dir(&dir)
        .expect("fixture folder")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    texts.sort();
    into.texts += texts.len();
    for path in &texts {
        let text = std::fs::read_to_string(path).expect("text");
        let expected: BTreeSet<String> = std::fs::read_to_string(path.with_extension("expected"))
            .expect("every text has a .expected file")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(String::from)
            .collect();
        for id in &expected {
            assert!(
                catalog.find_tech(id).is_some(),
                "{}: {id} is not in the catalog",
                path.display()
            );
        }
        let found: BTreeSet<String> = recognizer
            .find(&text)
            .iter()
            .map(|f| catalog.tech(f.tech).key.clone())
            .collect();
        let extra: Vec<_> = found.difference(&expected).collect();
        let missed: Vec<_> = expected.difference(&found).collect();
        into.true_pos += found.intersection(&expected).count();
        into.false_pos += extra.len();
        into.false_neg += missed.len();
        let name = path
            .strip_prefix(dir.parent().unwrap_or(&dir))
            .unwrap_or(path)
            .display();
        let _ = writeln!(into.report, "{name}: extra {extra:?} missed {missed:?}");
    }
}

/// Two labelled sets: texts written for the small fixture catalog
/// (`skills-text/`), and texts a fresh tester wrote against the bundled
/// catalog (`skills-text-bundled/`, ids of `assets/roles.json`). The figures
/// are summed over both.
#[test]
fn precision_and_recall_over_the_labelled_texts() {
    let mut s = Score::default();
    score(&fixture_catalog(), "tests/fixtures/skills-text", &mut s);
    assert!(s.texts >= 12, "the fixture set needs at least 12 texts");
    score(
        &bundled_catalog(),
        "tests/fixtures/skills-text-bundled",
        &mut s,
    );
    let precision = s.true_pos as f64 / (s.true_pos + s.false_pos).max(1) as f64;
    let recall = s.true_pos as f64 / (s.true_pos + s.false_neg).max(1) as f64;
    let report = &s.report;
    println!(
        "{report}precision {precision:.3} recall {recall:.3} over {} texts ({} right, {} extra, {} missed)",
        s.texts, s.true_pos, s.false_pos, s.false_neg
    );
    assert!(
        precision >= 0.95,
        "precision {precision:.3} < 0.95\n{report}"
    );
    assert!(recall >= 0.90, "recall {recall:.3} < 0.90\n{report}");
}

/// The bench (`cargo bench --bench model -- recognize`) holds the < 5 ms target
/// for an optimised build; this keeps a tenfold margin for the unoptimised
/// test build so a slow-down by orders of magnitude (a quadratic scan) fails
/// here first.
#[test]
fn recognising_a_thousand_words_is_quick() {
    let catalog = bundled_catalog();
    let recognizer = Recognizer::new(&catalog);
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/skills-text");
    let mut words = Vec::new();
    for name in [
        "01-cv-backend.txt",
        "03-job-ad-data.txt",
        "04-prose-career-changer.txt",
        "12-mixed-layout.txt",
    ] {
        let text = std::fs::read_to_string(dir.join(name)).expect("text");
        words.extend(text.split_inclusive(char::is_whitespace).map(String::from));
    }
    let text: String = words.iter().cycle().take(1_000).cloned().collect();
    let mut times: Vec<std::time::Duration> = (0..15)
        .map(|_| {
            let t = std::time::Instant::now();
            let found = recognizer.find(&text);
            assert!(!found.is_empty());
            t.elapsed()
        })
        .collect();
    times.sort();
    let median = times[times.len() / 2];
    println!("1,000 words: median {median:?} over 15 runs");
    let budget_ms = if cfg!(debug_assertions) { 50 } else { 5 };
    assert!(median.as_millis() < budget_ms, "{median:?} for 1,000 words");
}
