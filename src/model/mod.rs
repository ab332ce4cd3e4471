//! The model: pure data and logic, no UI. Parsing and validation of role files,
//! the merged catalog, search, the skill profile, and money formatting.

pub mod catalog;
pub mod diff;
pub mod export;
pub mod fit;
pub mod format;
#[cfg(feature = "dev")]
pub mod lint;
pub mod markdown;
pub mod money;
pub mod pay;
pub mod pay_groups;
pub mod pay_index;
pub mod pay_label;
pub mod plan;
pub mod profile;
pub mod recognize;
#[cfg(feature = "dev")]
pub mod schema;
pub mod search;
#[cfg(feature = "dev")]
pub mod synthetic;
pub mod types;

/// Diagnostics live in the JSON layer; this keeps their old path.
pub use crate::json::diagnostic;
/// The format module under its former name, for callers not yet moved.
pub use format as reader;

pub use catalog::{Catalog, DatasetOrigin, LoadedDataset, RoleIdx, RoleKey, TechId};
pub use diagnostic::{Diagnostic, Severity};
pub use format::{ReadContext, ReadOutcome, read_dataset};
pub use types::Dataset;

/// The dataset embedded in the binary.
pub const BUNDLED_JSON: &str = include_str!("../../assets/roles.json");

/// Reads the bundled dataset. It is checked by the test suite, so a failure here
/// is a build defect, not a user error.
///
/// # Panics
/// When the embedded file is invalid, which `cargo test` rules out.
#[must_use]
pub fn bundled_dataset() -> Dataset {
    let out = read_dataset("roles", BUNDLED_JSON.as_bytes(), ReadContext::default());
    #[allow(clippy::expect_used)] // embedded data, verified by tests
    out.dataset.expect("the bundled dataset is valid")
}
