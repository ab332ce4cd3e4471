//! "Salaries": the roles in view (the search applies) ranked by one pay
//! statistic in one region, one row each, clickable; with period and currency
//! conversion labelled as such, and the figures as CSV.

use egui::RichText;

use super::theme::chart_fill;
use super::{Command, ViewCx};
use crate::model::money::{format_compact, format_full};
use crate::model::pay::{Display, RankRow, Statistic, rank, to_csv};
use crate::model::types::ExchangeRates;

/// The view's choices.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SalaryView {
    /// Region shown (empty: the most common one).
    pub region: String,
    /// Statistic ranked by.
    pub stat: Statistic,
    /// Hourly and monthly figures shown per year.
    pub as_yearly: bool,
    /// Display currency (`None`: each table's own).
    pub currency: Option<String>,
}

const ROW_HEIGHT: f32 = 26.0;

/// Longest role title shown in a row; the whole title is on hover.
const TITLE_CHARS: usize = 40;

/// The view's own state: the person's choices, and the ranking they give,
/// kept between frames until the list or the choices change — ranking 10,000
/// roles every frame would cost more than drawing them.
#[derive(Default)]
pub struct Salaries {
    view: SalaryView,
    ranking: Option<Ranking>,
}

struct Ranking {
    list_version: u64,
    view: SalaryView,
    regions: Vec<String>,
    region: String,
    rows: Vec<RankRow>,
}

impl Ranking {
    fn new(cx: &ViewCx<'_>, view: &SalaryView) -> Self {
        let regions = regions(cx);
        let region = if regions.contains(&view.region) {
            view.region.clone()
        } else {
            regions.first().cloned().unwrap_or_default()
        };
        let rates = all_rates(cx);
        let display = Display {
            as_yearly: view.as_yearly,
            currency: target_rates(view, &rates),
        };
        let rows = rank(cx.catalog, cx.in_view, &region, view.stat, &display);
        Self {
            list_version: cx.in_view_version,
            view: view.clone(),
            regions,
            region,
            rows,
        }
    }
}

/// The rates that convert to the chosen display currency, if any.
fn target_rates<'a>(
    view: &'a SalaryView,
    rates: &[&'a ExchangeRates],
) -> Option<(&'a str, &'a ExchangeRates)> {
    view.currency.as_deref().and_then(|c| {
        rates
            .iter()
            .find(|r| r.base == c || r.rates.contains_key(c))
            .map(|r| (c, *r))
    })
}

/// Every region of the roles in view, most common first.
fn regions(cx: &ViewCx<'_>) -> Vec<String> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for r in cx.in_view {
        for t in &cx.catalog.role(*r).role.salary {
            match counts.iter_mut().find(|(n, _)| *n == t.region) {
                Some((_, c)) => *c += 1,
                None => counts.push((t.region.clone(), 1)),
            }
        }
    }
    counts.sort_by_key(|c| std::cmp::Reverse(c.1));
    counts.into_iter().map(|(n, _)| n).collect()
}

/// Exchange rates of the loaded datasets.
fn all_rates<'a>(cx: &ViewCx<'a>) -> Vec<&'a ExchangeRates> {
    cx.catalog
        .datasets
        .iter()
        .filter_map(|d| d.dataset.exchange_rates.as_ref())
        .collect()
}

impl Salaries {
    /// Draws the view.
    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &ViewCx<'_>, out: &mut Vec<Command>) {
        let fresh = self
            .ranking
            .as_ref()
            .is_some_and(|c| c.list_version == cx.in_view_version && c.view == self.view);
        if !fresh {
            self.ranking = Some(Ranking::new(cx, &self.view));
        }
        let Some(ranking) = &self.ranking else {
            return;
        };
        if let Some(next) = ranking_ui(ui, cx, &self.view, ranking, out) {
            self.view = next;
        }
    }
}

/// Draws the ranking; returns the person's new choices, if they changed any.
fn ranking_ui(
    ui: &mut egui::Ui,
    cx: &ViewCx<'_>,
    view: &SalaryView,
    ranking: &Ranking,
    out: &mut Vec<Command>,
) -> Option<SalaryView> {
    let Ranking {
        regions,
        region,
        rows,
        ..
    } = ranking;
    let region = region.clone();
    ui.heading("Salaries across roles");
    if regions.is_empty() {
        ui.label("None of the roles in view has sourced salary figures. Clear the search to see every role.");
        return None;
    }
    let rates = all_rates(cx);
    let mut next = view.clone();
    ui.horizontal_wrapped(|ui| {
        ui.label("Region:");
        egui::ComboBox::from_id_salt("salary_region")
            .selected_text(&region)
            .show_ui(ui, |ui| {
                for r in regions {
                    if ui.selectable_label(*r == region, r).clicked() {
                        next.region.clone_from(r);
                    }
                }
            })
            .response
            .on_hover_text("Region");
        ui.label("Statistic:");
        egui::ComboBox::from_id_salt("salary_stat")
            .selected_text(view.stat.label())
            .show_ui(ui, |ui| {
                for s in Statistic::ALL {
                    if ui.selectable_label(s == view.stat, s.label()).clicked() {
                        next.stat = s;
                    }
                }
            })
            .response
            .on_hover_text("Statistic");
        ui.checkbox(&mut next.as_yearly, "Show hourly and monthly pay as yearly");
        if !rates.is_empty() {
            let mut currencies: Vec<String> = rates
                .iter()
                .flat_map(|r| std::iter::once(r.base.clone()).chain(r.rates.keys().cloned()))
                .collect();
            currencies.sort();
            currencies.dedup();
            ui.label("Currency:");
            egui::ComboBox::from_id_salt("salary_currency")
                .selected_text(view.currency.as_deref().unwrap_or("as published"))
                .show_ui(ui, |ui| {
                    if ui
                        .selectable_label(view.currency.is_none(), "as published")
                        .clicked()
                    {
                        next.currency = None;
                    }
                    for c in &currencies {
                        if ui
                            .selectable_label(view.currency.as_ref() == Some(c), c)
                            .clicked()
                        {
                            next.currency = Some(c.clone());
                        }
                    }
                })
                .response
                .on_hover_text("Display currency");
        }
    });
    let changed = (next != *view).then_some(next);
    ui.label(
        RichText::new(format!(
            "{} of {} roles in view have a {} for {region}. Percentiles describe all workers in an occupation, not experience levels. Search or filter on the left to narrow the list.",
            rows.len(),
            cx.in_view.len(),
            view.stat.label()
        ))
        .small()
        .weak(),
    );
    ui.horizontal(|ui| {
        if ui.button("Copy figures as CSV").clicked() {
            out.push(Command::CopyText(
                "the figures as CSV",
                to_csv(cx.catalog, rows, view.stat, &region),
            ));
        }
    });
    ui.separator();
    let max = rows.iter().map(|r| r.value).fold(0.0, f64::max).max(1.0);
    let dark = ui.visuals().dark_mode;
    let bar_width = (ui.available_width() - 420.0).clamp(80.0, 520.0);
    egui::ScrollArea::vertical()
        .id_salt("salaries")
        .auto_shrink([false, false])
        .show_rows(ui, ROW_HEIGHT, rows.len(), |ui, range| {
            // One grid, so titles, bars and figures line up in columns.
            egui::Grid::new("salary_rows")
                .num_columns(3)
                .min_col_width(200.0)
                .min_row_height(ROW_HEIGHT - 4.0)
                .show(ui, |ui| {
                    for row in &rows[range] {
                        let title = &cx.catalog.role(row.role).role.title;
                        // Cut, so a long title cannot push the bars off the window.
                        if ui
                            .link(super::text::clip(title, TITLE_CHARS).as_ref())
                            .on_hover_text(format!("Open {title}"))
                            .clicked()
                        {
                            out.push(Command::Open(row.role));
                        }
                        let (bar, resp) = ui.allocate_exact_size(
                            egui::vec2(bar_width, ROW_HEIGHT - 10.0),
                            egui::Sense::hover(),
                        );
                        #[allow(clippy::cast_possible_truncation)] // a fraction of a width
                        let w = (row.value / max) as f32 * bar.width();
                        ui.painter().rect_filled(
                            egui::Rect::from_min_size(bar.min, egui::vec2(w, bar.height())),
                            2.0,
                            chart_fill(dark),
                        );
                        let mut tip = format!(
                            "{title}\n{} {}: {} {}\nLevel: {}\nSource: {} · As of: {}",
                            region,
                            view.stat.label(),
                            format_full(row.value, &row.currency),
                            row.period.per(),
                            row.level,
                            row.source.as_deref().unwrap_or("not stated"),
                            row.as_of.as_deref().unwrap_or("not stated"),
                        );
                        for c in &row.converted {
                            tip.push('\n');
                            tip.push_str(c);
                        }
                        resp.on_hover_text(tip);
                        let plus = if row.open_ended { "+" } else { "" };
                        let conv = if row.converted.is_empty() {
                            ""
                        } else {
                            " (converted)"
                        };
                        ui.label(format!(
                            "{}{plus} {}{conv}",
                            format_compact(row.value, &row.currency),
                            row.period.per()
                        ));
                        ui.end_row();
                    }
                });
        });
    changed
}
