//! Prints a synthetic Career Atlas dataset of any size, for benchmarks and
//! manual tests at scale:
//!
//! ```text
//! cargo run --release --example gen_dataset -- 10000 > big.json
//! cargo run --release --example gen_dataset -- 10000 7 > big-seed7.json
//! ```
//!
//! Arguments: the number of roles, then an optional seed (default 1). The same
//! arguments always print the same file (about 6 KB a role, as indented JSON:
//! 10,000 roles make 61 MB).

use std::io::Write as _;
use std::process::ExitCode;

const USAGE: &str = "usage: gen_dataset ROLES [SEED] > FILE.json";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(roles), seed) = (args.first(), args.get(1)) else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    if args.len() > 2 {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    }
    let Ok(roles) = roles.parse::<usize>() else {
        eprintln!("gen_dataset: ROLES must be a whole number, not {roles:?}\n{USAGE}");
        return ExitCode::from(2);
    };
    let seed = match seed.map(|s| s.parse::<u64>()) {
        None => 1,
        Some(Ok(s)) => s,
        Some(Err(_)) => {
            eprintln!("gen_dataset: SEED must be a whole number\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let text = career_atlas::model::synthetic::dataset_json(roles, seed);
    let mut out = std::io::stdout().lock();
    match out
        .write_all(text.as_bytes())
        .and_then(|()| out.write_all(b"\n"))
        .and_then(|()| out.flush())
    {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gen_dataset: cannot write the dataset: {e}");
            ExitCode::FAILURE
        }
    }
}
