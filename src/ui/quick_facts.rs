//! The quick facts card at the top of a role page: typical pay and its
//! range, job outlook, entry education, the person's fit and core progress,
//! and related roles — each a tile that jumps to its section. A fact the
//! data lacks is left out, never shown as "N/A".

use std::fmt::Write as _;

use egui::RichText;

use super::ViewCx;
use super::pay_section::{headline_value, short_region, shown_table, span_text};
use super::role_detail::Section;
use crate::model::RoleIdx;
use crate::model::money::group_thousands;
use crate::model::pay_index::{TableKind, headline, source_family};

/// One fact: its caption, the figure, the small print, and where it leads.
#[derive(Debug, Clone, PartialEq)]
pub struct Fact {
    /// "Typical pay".
    pub caption: &'static str,
    /// "$92,650".
    pub value: String,
    /// What the figure is and where it is from.
    pub detail: String,
    /// The section it jumps to.
    pub section: Section,
}

/// The facts the data has for `role`, in card order.
#[must_use]
pub fn facts(cx: &ViewCx<'_>, role: RoleIdx) -> Vec<Fact> {
    let entry = cx.catalog.role(role);
    let r = &entry.role;
    let mut out = Vec::new();
    if let Some(t) = shown_table(cx, role).map(|i| &r.salary[i])
        && let Some(h) = headline(t)
    {
        let year = t.as_of.as_deref().map(|d| d.get(..4).unwrap_or(d));
        let mut detail = format!(
            "{} · {} · {}",
            h.what,
            short_region(&t.region),
            source_family(t)
        );
        if let Some(y) = year.filter(|y| !source_family(t).contains(y)) {
            let _ = write!(detail, " · {y}");
        }
        let _ = write!(detail, " · {}", TableKind::of(t).short());
        out.push(Fact {
            // A ranges table's first figure is where pay starts (junior), not
            // what is typical: calling it typical would overstate what it says.
            caption: if h.is_median {
                "Typical pay"
            } else {
                "Pay from"
            },
            value: format!("{} {}", headline_value(&h, &t.currency), t.period.per()),
            detail,
            section: Section::Pay,
        });
        if let Some(text) = span_text(&h, &t.currency) {
            let (value, what) = text.split_once(" (").unwrap_or((&text, ""));
            out.push(Fact {
                caption: "Pay range",
                value: value.to_string(),
                detail: format!(
                    "{} · {}",
                    what.trim_end_matches(')'),
                    short_region(&t.region)
                ),
                section: Section::Pay,
            });
        }
    }
    if let Some(o) = &r.outlook {
        let mut parts = Vec::new();
        if let Some(g) = o.growth_pct {
            parts.push(format!("{}{g}%", if g > 0.0 { "+" } else { "" }));
        }
        if let Some(n) = o.openings_per_year {
            parts.push(format!("{} openings a year", group_thousands(n)));
        }
        if !parts.is_empty() {
            let mut detail = vec![format!(
                "projected change over {}",
                o.period.as_deref().unwrap_or("the projection period")
            )];
            if let Some(occ) = &o.occupation {
                detail.push(occ.clone());
            }
            out.push(Fact {
                caption: "Job outlook",
                value: parts.join(" · "),
                detail: detail.join(" · "),
                section: Section::GettingIn,
            });
        }
        if let Some(e) = &o.entry_education {
            out.push(Fact {
                caption: "Typical entry education",
                value: e.clone(),
                detail: o.work_experience.as_deref().map_or_else(
                    || "for the nearest occupation".into(),
                    |w| format!("related work experience: {w}"),
                ),
                section: Section::GettingIn,
            });
        }
    }
    if !entry.stack.is_empty() {
        let progress = cx.profile.role_progress(cx.catalog, entry);
        let fit = cx.fits.get(role.0).copied().flatten();
        out.push(Fact {
            caption: "Your fit",
            value: match fit {
                Some(f) => format!("{:.0}%", f * 100.0),
                None => "—".into(),
            },
            detail: format!(
                "core stack: {} of {} ticked",
                progress.core_done, progress.core_total
            ),
            section: Section::Stack,
        });
    }
    let related = r
        .related
        .iter()
        .filter(|id| cx.catalog.resolve_related(role, id).is_some())
        .count();
    if related > 0 {
        out.push(Fact {
            caption: "Related roles",
            value: related.to_string(),
            detail: "ways in and out".into(),
            section: Section::Related,
        });
    }
    out
}

/// Width of one tile, in points.
const TILE_WIDTH: f32 = 172.0;

/// Draws the card; returns the section of the tile clicked, if any.
pub fn ui(ui: &mut egui::Ui, cx: &ViewCx<'_>, role: RoleIdx) -> Option<Section> {
    let facts = facts(cx, role);
    if facts.is_empty() {
        return None;
    }
    let mut jump = None;
    egui::Frame::group(ui.style())
        .inner_margin(egui::Margin::same(8))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new("Quick facts").small().strong());
            // Top-aligned: a wrapping row centres its items, which left tiles
            // of different heights floating in a row as tall as the tallest.
            let rows = egui::Layout::left_to_right(egui::Align::Min).with_main_wrap(true);
            ui.with_layout(rows, |ui| {
                ui.spacing_mut().item_spacing = egui::vec2(10.0, 8.0);
                for fact in &facts {
                    if tile(ui, fact) {
                        jump = Some(fact.section);
                    }
                }
            });
        });
    jump
}

/// One fact as a clickable tile; true when clicked.
fn tile(ui: &mut egui::Ui, fact: &Fact) -> bool {
    // Asked for at its width, so the wrapping row starts a new line when a
    // tile does not fit (a scope would run past the window's edge).
    let response = ui
        .allocate_ui_with_layout(
            egui::vec2(TILE_WIDTH, 0.0),
            egui::Layout::top_down(egui::Align::Min),
            |ui| {
                ui.set_width(TILE_WIDTH);
                ui.spacing_mut().item_spacing.y = 1.0;
                ui.label(RichText::new(fact.caption).small().weak());
                ui.add(egui::Label::new(RichText::new(&fact.value).size(17.0).strong()).wrap());
                ui.add(egui::Label::new(RichText::new(&fact.detail).small()).wrap());
            },
        )
        .response;
    let click = ui.interact(
        response.rect,
        egui::Id::unique(("quick_fact", fact.caption)),
        egui::Sense::click(),
    );
    let name = format!("{}: {}", fact.caption, fact.value);
    click.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Link, true, &name));
    if click.hovered() {
        ui.painter().rect_stroke(
            response.rect.expand(3.0),
            4.0,
            ui.visuals().widgets.hovered.bg_stroke,
            egui::StrokeKind::Outside,
        );
    }
    click
        .on_hover_text(format!("Go to {}", fact.section.label()))
        .clicked()
}
