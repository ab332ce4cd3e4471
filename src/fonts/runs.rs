//! Keeping the app's own words apart from text in other scripts.
//!
//! egui 0.37 has no bidirectional-text algorithm: it splits a line into runs
//! by font and lets the shaper guess each run's direction from its letters.
//! A run that mixes a right-to-left title with the app's English (which
//! happens whenever both come from one font, e.g. while the title is still
//! drawn as boxes) is shaped right to left as a whole, mirroring the English
//! ("seltit lanoitanretnI"). Each section of a `LayoutJob` is shaped on its
//! own, so the app's text as a section of its own always reads left to right.

use egui::RichText;
use egui::text::{ByteIndex, LayoutJob};

/// One line of `parts`, each shaped on its own (see the module docs).
/// Colours left unset follow the widget, as with a plain `RichText`.
#[must_use]
pub fn separate_runs(style: &egui::Style, parts: impl IntoIterator<Item = RichText>) -> LayoutJob {
    let mut job = LayoutJob::default();
    for part in parts {
        let mut one = LayoutJob::default();
        part.append_to(
            &mut one,
            style,
            egui::FontSelection::Default,
            egui::Align::Center,
        );
        // Pushed, not `append`ed: `append` merges a section into the one
        // before when their formats are equal, which is the point to avoid.
        let offset = job.text.len();
        job.text.push_str(&one.text);
        for mut section in one.sections {
            let range = &section.byte_range;
            section.byte_range = ByteIndex(range.start.0 + offset)..ByteIndex(range.end.0 + offset);
            job.sections.push(section);
        }
    }
    job
}
