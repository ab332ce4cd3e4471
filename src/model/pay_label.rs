//! What a salary table is, in words: its statistic ("BLS percentiles of
//! wages…", "survey median…") and the one line that says which table a view
//! or an export shows — region, statistic, source and year — so figures
//! never stand without what they are.

use super::pay_index::TableKind;
use super::types::{Level, SalaryTable};

/// What the figures are, for a caption: "BLS percentiles of wages", "survey
/// median of respondents' total pay", "pay ranges by level"…
#[must_use]
pub fn statistic_label(t: &SalaryTable) -> &'static str {
    match TableKind::of(t) {
        TableKind::BlsPercentiles => {
            "BLS percentiles of wages of all workers (not experience levels)"
        }
        TableKind::Percentiles => "percentiles of all workers (not experience levels)",
        TableKind::SurveyMedian => "survey median of respondents' total pay",
        TableKind::MedianOnly => "median pay",
        TableKind::Ranges if t.levels.iter().any(Level::has_percentiles) => {
            "ranges and percentiles"
        }
        TableKind::Ranges => "pay ranges by level",
    }
}

/// Which table this is, in one line: "United States · BLS percentiles of
/// wages… · source: BLS OEWS May 2025 … · as of 2025-05"; a missing source
/// or date is said to be missing.
#[must_use]
pub fn describe(t: &SalaryTable) -> String {
    format!(
        "{} · {} · source: {} · as of: {}",
        t.region,
        statistic_label(t),
        t.source.as_deref().unwrap_or("not stated by the dataset"),
        t.as_of.as_deref().unwrap_or("not stated")
    )
}
