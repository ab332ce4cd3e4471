//! The UI hook: one plain notice in a view whose text has characters no
//! installed font can draw, saying what to install.

use std::fmt::Write as _;
use std::hash::Hash;
use std::sync::Arc;

use super::coverage::{Platform, advice, missing_chars};
use crate::model::Dataset;
use crate::model::types::Role;

/// What a view's text was last found to lack, and for which fonts.
#[derive(Clone)]
struct Checked {
    generation: u64,
    missing: Arc<[char]>,
}

/// Shows one notice (warning colour, wrapped) when some characters of the
/// view's text have no glyph in the loaded fonts, naming what to install on
/// this platform; nothing otherwise, and nothing while installed fonts are
/// still being looked for.
///
/// `key` identifies the content (e.g. the address of the role shown):
/// `text` is built and checked only when the key or the fonts change, not
/// every frame. Returns whether the notice was shown.
pub fn missing_glyphs_notice(
    ui: &mut egui::Ui,
    key: impl Hash,
    text: impl FnOnce() -> String,
) -> bool {
    let ctx = ui.ctx().clone();
    let key = {
        use std::hash::Hasher as _;
        let mut h = std::collections::hash_map::DefaultHasher::new();
        key.hash(&mut h);
        h.finish()
    };
    let id = egui::Id::unique(("career_atlas::fonts::notice", key));
    let fallback = super::provider(&ctx);
    let generation = || fallback.as_ref().map_or(0, |f| f.generation());
    let cached = ctx
        .data(|d| d.get_temp::<Checked>(id))
        .filter(|c| c.generation == generation());
    let missing = if let Some(c) = cached {
        c.missing
    } else {
        let text = text();
        let font = egui::FontId::proportional(14.0);
        let missing = ctx.fonts_mut(|fonts| missing_chars(&text, |c| fonts.has_glyph(&font, c)));
        if fallback.as_ref().is_some_and(|f| f.pending()) {
            // Installed fonts are still being looked for; judge once they are known.
            return false;
        }
        let missing: Arc<[char]> = missing.into();
        let checked = Checked {
            generation: generation(),
            missing: Arc::clone(&missing),
        };
        ctx.data_mut(|d| d.insert_temp(id, checked));
        missing
    };
    let Some(text) = advice(&missing, Platform::current()) else {
        return false;
    };
    let color = crate::ui::theme::warning_color(ui.visuals().dark_mode);
    ui.add(egui::Label::new(egui::RichText::new(text).color(color)).wrap());
    true
}

/// Every text of a role a person may see, one per line.
pub fn role_text(role: &Role, out: &mut String) {
    let mut line = |s: &str| {
        let _ = writeln!(out, "{s}");
    };
    line(&role.title);
    for s in [
        &role.category,
        &role.summary,
        &role.description,
        &role.education,
        &role.salary_note,
    ]
    .into_iter()
    .flatten()
    {
        line(s);
    }
    role.responsibilities.iter().for_each(|s| line(s));
    for group in &role.stack {
        line(&group.name);
        for item in &group.items {
            line(&item.name);
            if let Some(n) = &item.note {
                line(n);
            }
        }
    }
}

/// The file name and every text of a dataset a person may see.
#[must_use]
pub fn dataset_text(file_name: &str, dataset: &Dataset) -> String {
    let mut out = format!("{file_name}\n{}\n", dataset.name);
    for s in [&dataset.description, &dataset.author]
        .into_iter()
        .flatten()
    {
        let _ = writeln!(out, "{s}");
    }
    for role in &dataset.roles {
        role_text(role, &mut out);
    }
    out
}
