//! Model benchmarks: reading (parse + validate) the bundled dataset and a
//! 10,000-role one, building the catalog and search index over 10,000 roles,
//! one search keystroke over them, every role's fit after one tick, and finding
//! technologies in a 1,000-word text (target < 5 ms).
//!
//! ```text
//! cargo bench --bench model
//! ```
//!
//! Each benchmark runs twice: in wall time (`wall/...`) and in CPU time of the
//! benchmark thread (`cpu/...`, see `common/mod.rs`).
//! Medians are in `target/criterion/<group>/<bench>/new/estimates.json`;
//! `docs/performance.md` lists them with the targets.

mod common;

use std::hint::black_box;
use std::time::Duration;

use career_atlas::model::fit;
use career_atlas::model::profile::Profile;
use career_atlas::model::recognize::Recognizer;
use career_atlas::model::search::SearchIndex;
use career_atlas::model::synthetic::dataset_json;
use career_atlas::model::{
    BUNDLED_JSON, Catalog, DatasetOrigin, LoadedDataset, ReadContext, read_dataset,
};
use career_atlas::ui::role_list::build_rows;
use common::{CPU_TIME, Label};
use criterion::measurement::{Measurement, WallTime};
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};

/// Roles in the large dataset.
const BIG: usize = 10_000;

/// Queries typed over the large catalog: a technology, two words, a typo, a
/// first keystroke (one letter matches nearly everything), and a miss.
const QUERIES: &[&str] = &["kafka", "data eng", "kuberentes", "k", "python", "zzzq"];

fn loaded(name: &str, text: &str, origin: DatasetOrigin) -> LoadedDataset {
    let outcome = read_dataset(name, text.as_bytes(), ReadContext::default());
    let Some(dataset) = outcome.dataset else {
        panic!("{name} does not read: {:?}", outcome.diagnostics.first());
    };
    LoadedDataset {
        dataset,
        origin,
        visible: true,
    }
}

/// The datasets the app holds with a 10,000-role file imported: bundled first.
fn app_datasets(big: &str) -> Vec<LoadedDataset> {
    vec![
        loaded("roles", BUNDLED_JSON, DatasetOrigin::Bundled),
        loaded(
            "big",
            big,
            DatasetOrigin::Imported {
                source_file: "big.json".into(),
                imported_at: "2026-01-01T00:00:00Z".into(),
            },
        ),
    ]
}

fn read<M: Measurement + Label + 'static>(c: &mut Criterion<M>) {
    let big = dataset_json(BIG, 1);
    let mut g = c.benchmark_group(format!("{}/read", M::LABEL));
    g.sampling_mode(M::SAMPLING);
    g.bench_function("bundled", |b| {
        b.iter(|| {
            read_dataset(
                "roles",
                black_box(BUNDLED_JSON.as_bytes()),
                ReadContext::default(),
            )
        });
    });
    g.sample_size(10).measurement_time(Duration::from_secs(20));
    g.bench_function("10k_roles", |b| {
        b.iter(|| read_dataset("big", black_box(big.as_bytes()), ReadContext::default()));
    });
    g.finish();
}

fn catalog<M: Measurement + Label + 'static>(c: &mut Criterion<M>) {
    let big = dataset_json(BIG, 1);
    let datasets = app_datasets(&big);
    let mut g = c.benchmark_group(format!("{}/catalog", M::LABEL));
    g.sampling_mode(M::SAMPLING);
    g.sample_size(10).measurement_time(Duration::from_secs(15));
    g.bench_function("catalog_and_index_10k", |b| {
        b.iter_batched(
            || datasets.clone(),
            |d| {
                let catalog = Catalog::new(d);
                let index = SearchIndex::new(&catalog);
                (catalog, index)
            },
            BatchSize::LargeInput,
        );
    });
    g.finish();
}

fn fit<M: Measurement + Label + 'static>(c: &mut Criterion<M>) {
    let big = dataset_json(BIG, 1);
    let catalog = Catalog::new(app_datasets(&big));
    let index = SearchIndex::new(&catalog);
    let mut profile = Profile::default();
    // Someone who has ticked a few dozen technologies already.
    for tech in catalog.techs.iter().step_by(13) {
        profile.set_ticked(tech, true);
    }
    let tech = &catalog.techs[catalog.techs.len() / 2];
    let mut g = c.benchmark_group(format!("{}/fit_10k", M::LABEL));
    g.sampling_mode(M::SAMPLING);
    g.measurement_time(Duration::from_secs(8));
    // What a tick costs the app besides saving the profile: every role's fit
    // and the Best fit ranking (`CareerAtlasApp::refresh_fit`), and, with the
    // list sorted by fit, the list rebuilt in the new order.
    let mut ticked = false;
    for resort in [false, true] {
        let name = if resort {
            "rescore_and_resort_list"
        } else {
            "rescore_after_tick"
        };
        g.bench_function(name, |b| {
            b.iter(|| {
                ticked = !ticked;
                profile.set_ticked(tech, ticked);
                let credits = fit::credits(&catalog, &profile);
                let fits = fit::all_fits(&catalog, &credits);
                let order = fit::ranking(&fits);
                let rows = resort.then(|| build_rows(&catalog, &index, "", Some(&fits)));
                (order, rows)
            });
        });
    }
    g.finish();
}

fn search<M: Measurement + Label + 'static>(c: &mut Criterion<M>) {
    let big = dataset_json(BIG, 1);
    let catalog = Catalog::new(app_datasets(&big));
    let index = SearchIndex::new(&catalog);
    // What one keystroke costs the app: the search plus the list rows built
    // from its hits (`Command::SetSearch`, then `RoleList::sync`).
    let mut g = c.benchmark_group(format!("{}/keystroke_10k", M::LABEL));
    g.sampling_mode(M::SAMPLING);
    g.measurement_time(Duration::from_secs(8));
    for &query in QUERIES {
        g.bench_function(query, |b| {
            b.iter(|| build_rows(&catalog, &index, black_box(query), None));
        });
    }
    g.bench_function("cleared", |b| {
        b.iter(|| build_rows(&catalog, &index, black_box(""), None));
    });
    g.finish();
}

/// A 1,000-word text: CVs and job ads from the labelled test set, repeated.
fn thousand_words() -> String {
    let parts = [
        include_str!("../tests/fixtures/skills-text/01-cv-backend.txt"),
        include_str!("../tests/fixtures/skills-text/03-job-ad-data.txt"),
        include_str!("../tests/fixtures/skills-text/04-prose-career-changer.txt"),
        include_str!("../tests/fixtures/skills-text/08-ordinary-words.txt"),
        include_str!("../tests/fixtures/skills-text/12-mixed-layout.txt"),
    ];
    let words: Vec<&str> = parts
        .iter()
        .flat_map(|p| p.split_inclusive(char::is_whitespace))
        .filter(|w| !w.trim().is_empty())
        .cycle()
        .take(1_000)
        .collect();
    words.concat()
}

fn recognize<M: Measurement + Label + 'static>(c: &mut Criterion<M>) {
    let catalog = Catalog::new(vec![loaded("roles", BUNDLED_JSON, DatasetOrigin::Bundled)]);
    let text = thousand_words();
    let mut g = c.benchmark_group(format!("{}/recognize", M::LABEL));
    g.sampling_mode(M::SAMPLING);
    g.bench_function("build_matcher_bundled", |b| {
        b.iter(|| Recognizer::new(black_box(&catalog)));
    });
    let recognizer = Recognizer::new(&catalog);
    g.bench_function("text_1000_words", |b| {
        b.iter(|| recognizer.find(black_box(&text)));
    });
    g.finish();
}

criterion_group!(
    wall,
    read::<WallTime>,
    catalog::<WallTime>,
    fit::<WallTime>,
    search::<WallTime>,
    recognize::<WallTime>
);
criterion_group! {
    name = cpu;
    config = Criterion::default().with_measurement(CPU_TIME);
    targets = read::<common::CpuTime>, catalog::<common::CpuTime>, fit::<common::CpuTime>, search::<common::CpuTime>, recognize::<common::CpuTime>
}
criterion_main!(wall, cpu);
