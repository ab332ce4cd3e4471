//! Feeds arbitrary bytes to the role-file reader, and whatever it accepts to
//! the catalog, the search index and a few searches; checks the reader's
//! contract, that reading in one piece agrees with the positioned route, and that an accepted dataset survives a write-and-read round trip.
//! See docs/fuzzing.md.
#![no_main]

use career_atlas::model::format::read_dataset_positioned;
use career_atlas::model::search::SearchIndex;
use career_atlas::model::{Catalog, DatasetOrigin, LoadedDataset, ReadContext, read_dataset};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let out = read_dataset("fuzz", data, ReadContext::default());

    // The contract of every outcome.
    let has_error = out.diagnostics.iter().any(|d| d.is_error());
    assert_eq!(out.dataset.is_some(), !has_error, "{:#?}", out.diagnostics);
    let lines = data.iter().filter(|&&b| b == b'\n').count() + 1;
    for d in &out.diagnostics {
        assert!(d.line >= 1 && d.column >= 1 && d.line <= lines, "{d:?}");
    }

    // Read in one piece or split into positioned parts, the outcome is the same.
    let positioned = read_dataset_positioned("fuzz", data, ReadContext::default());
    assert_eq!(out.dataset, positioned.dataset);
    assert_eq!(out.diagnostics, positioned.diagnostics);

    let Some(ds) = out.dataset else { return };

    // Written out and read back, an accepted dataset is unchanged.
    let written = serde_json::to_vec(&ds).expect("a dataset serialises");
    let again = read_dataset("other", &written, ReadContext::default());
    assert_eq!(
        again.dataset.as_ref(),
        Some(&ds),
        "{:#?}",
        again.diagnostics
    );

    // What the app does next: catalog, index, searches.
    let mut queries = vec![
        String::new(),
        "dev".to_string(),
        "kuberentes engineer".to_string(),
    ];
    // The first words of what the file holds, as a person would type them. A
    // whole long title as the query is slow (each of its words against each
    // word of every title) and starves the fuzzer; tests/properties.rs
    // searches for whole titles.
    let first_words = |s: &str| s.split_whitespace().take(4).collect::<Vec<_>>().join(" ");
    if let Some(role) = ds.roles.first() {
        queries.push(first_words(&role.title));
        queries.extend(role.tags.first().map(|t| first_words(t)));
        queries.extend(
            role.stack
                .iter()
                .flat_map(|g| &g.items)
                .next()
                .map(|t| first_words(&t.name)),
        );
    }
    let catalog = Catalog::new(vec![LoadedDataset {
        dataset: ds,
        origin: DatasetOrigin::Bundled,
        visible: true,
    }]);
    let index = SearchIndex::new(&catalog);
    for q in &queries {
        for hit in index.search(q) {
            assert!(hit.role.0 < catalog.roles.len());
        }
    }
});
