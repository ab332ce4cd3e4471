//! "About the data": what the bundled and imported datasets are, where their
//! figures come from, and the attribution their licences require.

use std::fmt::Write as _;

use egui::RichText;

use super::{Command, Dialog, ViewCx, text};
use crate::model::catalog::DatasetOrigin;

/// The caveat shown wherever survey percentiles appear.
pub const PERCENTILE_CAVEAT: &str = "Percentiles describe the spread of pay among all workers in an occupation. They are not experience levels: the 10th percentile is not “junior” pay and the 90th is not “senior” pay.";

/// The caveat for survey medians beside BLS percentiles.
pub const SURVEY_CAVEAT: &str = "A survey median is the middle of what the survey's respondents said they earn in total (salary, bonuses and perks). Respondents chose to answer, so it is not a BLS percentile of wages; the app labels the two apart and does not set them on one axis without saying so.";

/// The window, when open.
pub fn window(ctx: &egui::Context, cx: &ViewCx<'_>, out: &mut Vec<Command>) {
    if cx.dialog != Some(Dialog::About) {
        return;
    }
    let mut open = true;
    egui::Window::new("About the data")
        .open(&mut open)
        .collapsible(false)
        .default_width(560.0)
        .max_height(ctx.content_rect().height() * 0.8)
        .show(ctx, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| body(ui, cx));
        });
    if !open || ctx.input(|i| i.key_pressed(egui::Key::Escape)) {
        out.push(Command::ShowDialog(None));
    }
}

fn body(ui: &mut egui::Ui, cx: &ViewCx<'_>) {
    let cat = cx.catalog;
    ui.label(format!(
        "{} and {} loaded.",
        text::roles(cat.roles.len()),
        text::technologies(cat.techs.len())
    ));
    for loaded in &cat.datasets {
        let ds = &loaded.dataset;
        ui.add_space(10.0);
        ui.label(RichText::new(&ds.name).strong().size(17.0));
        let mut meta = Vec::new();
        if let Some(v) = &ds.version {
            meta.push(format!("version {v}"));
        }
        if let Some(a) = &ds.as_of {
            meta.push(format!("as of {a}"));
        }
        meta.push(text::roles(ds.roles.len()));
        meta.push(text::count(
            ds.technologies.len(),
            "catalog technology",
            "catalog technologies",
        ));
        meta.push(match &loaded.origin {
            DatasetOrigin::Bundled => "bundled with the app".to_string(),
            DatasetOrigin::Imported { source_file, .. } => {
                format!("imported from {}", source_file.display())
            }
        });
        ui.label(meta.join(" · "));
        if let Some(d) = &ds.description {
            ui.label(d);
        }
        if let Some(a) = &ds.author {
            ui.label(format!("Author: {a}"));
        }
        if let Some(l) = &ds.license {
            ui.label(format!("Licence: {l}"));
        }
        if let Some(s) = &ds.source {
            ui.label(format!("Source: {s}"));
        }
        if !ds.sources.is_empty() {
            ui.label(RichText::new("Sources").strong());
            for s in &ds.sources {
                let mut line = format!("• {}", s.name);
                if let Some(d) = &s.detail {
                    let _ = write!(line, ": {d}");
                }
                if let Some(d) = &s.date {
                    let _ = write!(line, " ({d})");
                }
                ui.horizontal_wrapped(|ui| {
                    ui.label(line);
                    if let Some(url) = &s.url {
                        ui.hyperlink_to(url, url);
                    }
                });
            }
        }
        if let Some(a) = &ds.attribution {
            ui.add_space(4.0);
            ui.label(RichText::new(a).italics());
        }
    }
    ui.add_space(10.0);
    ui.label(RichText::new("Reading the figures").strong());
    ui.label(PERCENTILE_CAVEAT);
    ui.label(SURVEY_CAVEAT);
    ui.label(
        "Where no sourced figure exists for a role, the app says so instead of estimating one.",
    );
}
