//! Where the time of reading a clean role file goes, step by step, in one
//! process: the JSON parse alone, the parse into the model types, the rules,
//! dropping the model, and the whole `read_dataset`. Median of `RUNS` runs.
//!
//! `cargo run --release --example read_breakdown -- big-clean.json`

use std::time::{Duration, Instant};

use career_atlas::model::format::rules::{Shape, check_dataset};
use career_atlas::model::types::Dataset;
use career_atlas::model::{ReadContext, read_dataset};

const RUNS: usize = 7;

fn median(mut f: impl FnMut() -> Duration) -> Duration {
    let mut times: Vec<Duration> = (0..RUNS).map(|_| f()).collect();
    times.sort();
    times[RUNS / 2]
}

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: read_breakdown FILE.json");
        std::process::exit(2);
    };
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(2);
        }
    };
    let Ok(text) = std::str::from_utf8(&bytes) else {
        eprintln!("{path}: not UTF-8");
        std::process::exit(2);
    };
    let parse = median(|| {
        let t = Instant::now();
        let v = serde_json::from_str::<serde::de::IgnoredAny>(text);
        let d = t.elapsed();
        assert!(v.is_ok(), "not JSON");
        d
    });
    println!("JSON syntax only (IgnoredAny):     {parse:>10.1?}");
    let model = median(|| {
        let t = Instant::now();
        let ds = serde_json::from_str::<Dataset>(text);
        let d = t.elapsed();
        drop(ds);
        d
    });
    println!("into the model types:              {model:>10.1?}");
    let Ok(ds) = serde_json::from_str::<Dataset>(text) else {
        eprintln!("{path}: not a clean dataset object");
        std::process::exit(2);
    };
    let rules = median(|| {
        let t = Instant::now();
        let found = check_dataset(&ds, Shape::Dataset, None, ReadContext::default());
        let d = t.elapsed();
        assert!(found.is_empty(), "{found:?}");
        d
    });
    println!("the rules over the model:          {rules:>10.1?}");
    let dropping = median(|| {
        let ds = serde_json::from_str::<Dataset>(text);
        let t = Instant::now();
        drop(ds);
        t.elapsed()
    });
    println!("dropping the model:                {dropping:>10.1?}");
    let whole = median(|| {
        let t = Instant::now();
        let out = read_dataset("big", &bytes, ReadContext::default());
        let d = t.elapsed();
        assert!(out.diagnostics.is_empty(), "{:?}", out.diagnostics.first());
        d
    });
    println!("read_dataset (excluding the drop): {whole:>10.1?}");
}
