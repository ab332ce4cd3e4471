//! "Salaries": the roles in view (the search applies) ranked by one pay
//! statistic in one region, one row each, clickable; with period and currency
//! conversion labelled as such, and the figures as CSV.

use std::fmt::Write as _;

use egui::RichText;

use super::theme::chart_fill;
use super::{Command, ViewCx};
use crate::model::money::{format_compact, format_full};
use crate::model::pay::{Display, Statistic, to_csv};
use crate::model::pay_groups::{
    GroupedRanking, RankGroup, SourceOption, rank_grouped, source_options,
};
use crate::model::pay_index::{TableKind, source_family};
use crate::model::types::ExchangeRates;

/// The view's choices.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SalaryView {
    /// Source shown, as `pay_index::source_family` names it (empty: the
    /// source and region with the most roles).
    pub source: String,
    /// Region shown (empty: the source's region with the most roles).
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

/// Longest text of a row that stands for several roles; whole on hover.
const GROUP_CHARS: usize = 64;

/// Room kept for the figure ("$175k per year (converted)" is about 150 points).
const FIGURE_ROOM: f32 = 150.0;
/// Widest the name column gets (a grouped row's cut text is about 470 points).
const NAME_MAX: f32 = 470.0;

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
    catalog_version: u64,
    view: SalaryView,
    /// Every source and region of the roles in view, most roles first.
    options: Vec<SourceOption>,
    /// The one shown.
    chosen: Option<SourceOption>,
    /// What kind of figures the chosen source gives there.
    kind: Option<TableKind>,
    ranked: GroupedRanking,
}

impl Ranking {
    fn new(cx: &ViewCx<'_>, view: &SalaryView) -> Self {
        let options = source_options(cx.catalog, cx.in_view);
        let chosen = pick(&options, view);
        let rates = all_rates(cx);
        let display = Display {
            as_yearly: view.as_yearly,
            currency: target_rates(view, &rates),
        };
        let (ranked, kind) = match &chosen {
            Some(o) => {
                let stat = if o.stats.contains(&view.stat) {
                    view.stat
                } else {
                    o.stats.first().copied().unwrap_or_default()
                };
                let ranked = rank_grouped(
                    cx.catalog, cx.pay, cx.in_view, &o.source, &o.region, stat, &display,
                );
                let kind = cx.in_view.iter().find_map(|r| {
                    cx.catalog
                        .role(*r)
                        .role
                        .salary
                        .iter()
                        .find(|t| source_family(t) == o.source && t.region == o.region)
                });
                (ranked, kind.map(TableKind::of))
            }
            None => (GroupedRanking::default(), None),
        };
        Self {
            list_version: cx.in_view_version,
            catalog_version: cx.catalog_version,
            view: view.clone(),
            options,
            chosen,
            kind,
            ranked,
        }
    }
}

/// The source and region the choices name, falling back to the source's
/// (or the region's) best-covered pair, then to the best-covered of all.
fn pick(options: &[SourceOption], view: &SalaryView) -> Option<SourceOption> {
    let both = options
        .iter()
        .find(|o| o.source == view.source && o.region == view.region);
    let by_source = || options.iter().find(|o| o.source == view.source);
    let by_region = || options.iter().find(|o| o.region == view.region);
    both.or_else(by_source)
        .or_else(by_region)
        .or_else(|| options.first())
        .cloned()
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
        let fresh = self.ranking.as_ref().is_some_and(|c| {
            c.list_version == cx.in_view_version
                && c.catalog_version == cx.catalog_version
                && c.view == self.view
        });
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
    ui.heading("Salaries across roles");
    let Some(chosen) = &ranking.chosen else {
        ui.label("None of the roles in view has sourced salary figures. Clear the search to see every role.");
        return None;
    };
    let stat = if chosen.stats.contains(&view.stat) {
        view.stat
    } else {
        chosen.stats.first().copied().unwrap_or_default()
    };
    let mut next = view.clone();
    choices(ui, cx, view, ranking, chosen, stat, &mut next);
    let changed = (next != *view).then_some(next);
    let region = &chosen.region;
    let ranked = &ranking.ranked;
    let mut about = format!(
        "{} of {} roles in view have a {} for {region}.",
        ranked.ranked,
        cx.in_view.len(),
        stat.label()
    );
    if ranked.without > 0 {
        let _ = write!(
            about,
            " {} no figure from {} for this region.",
            match ranked.without {
                1 => "1 role in view has".to_string(),
                n => format!("{n} roles in view have"),
            },
            chosen.source
        );
    }
    about.push_str(match ranking.kind {
        Some(TableKind::SurveyMedian) => " Survey medians of what respondents said they earn in total: not BLS wages, and not to be compared with them.",
        Some(TableKind::BlsPercentiles | TableKind::Percentiles) => " Percentiles describe all workers in an occupation, not experience levels.",
        _ => "",
    });
    about.push_str(" Roles that share one occupation's figures share one row. Search or filter on the left to narrow the list.");
    ui.label(RichText::new(about).small().weak());
    ui.horizontal(|ui| {
        if ui.button("Copy figures as CSV").clicked() {
            out.push(Command::CopyText(
                "the figures as CSV",
                to_csv(cx.catalog, &ranked.rows(), stat, region),
            ));
        }
    });
    ui.separator();
    let groups = &ranked.groups;
    let max = groups
        .iter()
        .map(RankGroup::value)
        .fold(0.0, f64::max)
        .max(1.0);
    let dark = ui.visuals().dark_mode;
    let widths = column_widths(ui);
    egui::ScrollArea::vertical()
        .id_salt("salaries")
        .auto_shrink([false, false])
        .show_rows(ui, ROW_HEIGHT, groups.len(), |ui, range| {
            // One grid, so titles, bars and figures line up in columns.
            egui::Grid::new("salary_rows")
                .num_columns(3)
                .min_col_width(0.0)
                .min_row_height(ROW_HEIGHT - 4.0)
                .show(ui, |ui| {
                    for group in &groups[range] {
                        group_row(ui, cx, group, stat, region, (widths, max, dark), out);
                        ui.end_row();
                    }
                });
        });
    changed
}

/// The source, region, statistic, period and currency pickers.
fn choices(
    ui: &mut egui::Ui,
    cx: &ViewCx<'_>,
    view: &SalaryView,
    ranking: &Ranking,
    chosen: &SourceOption,
    stat: Statistic,
    next: &mut SalaryView,
) {
    let mut sources: Vec<&str> = Vec::new();
    let mut regions: Vec<&str> = Vec::new();
    for o in &ranking.options {
        if !sources.contains(&o.source.as_str()) {
            sources.push(&o.source);
        }
        if !regions.contains(&o.region.as_str()) {
            regions.push(&o.region);
        }
    }
    let has = |source: &str, region: &str| {
        ranking
            .options
            .iter()
            .any(|o| o.source == source && o.region == region)
    };
    let rates = all_rates(cx);
    ui.horizontal_wrapped(|ui| {
        ui.label("Source:");
        egui::ComboBox::from_id_salt("salary_source")
            .selected_text(&chosen.source)
            .show_ui(ui, |ui| {
                for s in &sources {
                    let n: usize = ranking
                        .options
                        .iter()
                        .filter(|o| o.source == *s)
                        .map(|o| o.roles)
                        .max()
                        .unwrap_or(0);
                    if ui
                        .selectable_label(
                            *s == chosen.source,
                            format!("{s} ({})", super::text::roles(n)),
                        )
                        .clicked()
                    {
                        // The same region where this source has it, else its best-covered.
                        next.source = (*s).to_string();
                        next.region = if has(s, &chosen.region) {
                            chosen.region.clone()
                        } else {
                            String::new()
                        };
                    }
                }
            })
            .response
            .on_hover_text("Source");
        ui.label("Region:");
        egui::ComboBox::from_id_salt("salary_region")
            .selected_text(&chosen.region)
            .show_ui(ui, |ui| {
                for r in &regions {
                    if ui.selectable_label(*r == chosen.region, *r).clicked() {
                        next.region = (*r).to_string();
                        next.source = if has(&chosen.source, r) {
                            chosen.source.clone()
                        } else {
                            String::new()
                        };
                    }
                }
            })
            .response
            .on_hover_text("Region");
        ui.label("Statistic:");
        egui::ComboBox::from_id_salt("salary_stat")
            .selected_text(stat.label())
            .show_ui(ui, |ui| {
                for s in Statistic::ALL {
                    let given = chosen.stats.contains(&s);
                    let item = ui
                        .add_enabled(given, egui::Button::selectable(s == stat, s.label()))
                        .on_disabled_hover_text(
                            "This source gives no such figure for this region.",
                        );
                    if item.clicked() {
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
}

/// Widths of the name and bar columns, in points: what the panel has after
/// the figure's room, a third or more to the bar, so the figure stays inside
/// the panel at any width (a fixed 240-point name column put it past the
/// right edge of an 800-point window).
fn column_widths(ui: &egui::Ui) -> [f32; 2] {
    let spacing = ui.spacing().item_spacing.x;
    let rest = (ui.available_width() - FIGURE_ROOM - 2.0 * spacing - 8.0).max(120.0);
    let bar = (rest * 0.35).clamp(40.0, 420.0);
    let name = (rest - bar).min(NAME_MAX);
    [name, bar]
}

/// One row: a role, or every role sharing one occupation's figures.
fn group_row(
    ui: &mut egui::Ui,
    cx: &ViewCx<'_>,
    group: &RankGroup,
    stat: Statistic,
    region: &str,
    ([name_width, bar_width], max, dark): ([f32; 2], f64, bool),
    out: &mut Vec<Command>,
) {
    let Some(first) = group.rows.first() else {
        return;
    };
    let title = |r: &crate::model::pay::RankRow| cx.catalog.role(r.role).role.title.clone();
    let names: Vec<String> = group.rows.iter().map(title).collect();
    // The name column's exact width, names cut at its edge (whole on hover).
    let cell = egui::vec2(name_width, ROW_HEIGHT - 4.0);
    ui.allocate_ui_with_layout(
        cell,
        egui::Layout::left_to_right(egui::Align::Center),
        |ui| {
            ui.set_min_width(name_width);
            ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
            if group.rows.len() == 1 {
                // Cut, so a long title cannot push the bars off the window.
                if ui
                    .link(super::text::clip(&names[0], TITLE_CHARS).as_ref())
                    .on_hover_text(format!("Open {}", names[0]))
                    .clicked()
                {
                    out.push(Command::Open(first.role));
                }
            } else {
                let what = group
                    .subject
                    .clone()
                    .unwrap_or_else(|| "The same figures".to_string());
                // The count before the names, so a cut row still says it.
                let text = format!(
                    "{what} · {}: {}",
                    super::text::roles(names.len()),
                    names.join(", ")
                );
                ui.menu_button(super::text::clip(&text, GROUP_CHARS).as_ref(), |ui| {
                    // The menu lists whole names, whatever the row it opens from cuts.
                    ui.style_mut().wrap_mode = None;
                    ui.label(
                        RichText::new(format!(
                            "{what}: one figure for {}",
                            super::text::roles(names.len())
                        ))
                        .small()
                        .weak(),
                    );
                    for (row, name) in group.rows.iter().zip(&names) {
                        if ui.button(name).clicked() {
                            out.push(Command::Open(row.role));
                            ui.close();
                        }
                    }
                })
                .response
                .on_hover_text(format!("{text}\nClick to open one of them."));
            }
        },
    );
    let (bar, resp) = ui.allocate_exact_size(
        egui::vec2(bar_width, ROW_HEIGHT - 10.0),
        egui::Sense::hover(),
    );
    #[allow(clippy::cast_possible_truncation)] // a fraction of a width
    let w = (group.value() / max) as f32 * bar.width();
    ui.painter().rect_filled(
        egui::Rect::from_min_size(bar.min, egui::vec2(w, bar.height())),
        2.0,
        chart_fill(dark),
    );
    let mut tip = format!(
        "{}\n{} {}: {} {}\nLevel: {}\nSource: {} · As of: {}",
        names.join(", "),
        region,
        stat.label(),
        format_full(first.value, &first.currency),
        first.period.per(),
        first.level,
        first.source.as_deref().unwrap_or("not stated"),
        first.as_of.as_deref().unwrap_or("not stated"),
    );
    for c in &first.converted {
        tip.push('\n');
        tip.push_str(c);
    }
    resp.on_hover_text(tip);
    let plus = if first.open_ended { "+" } else { "" };
    let conv = if first.converted.is_empty() {
        ""
    } else {
        " (converted)"
    };
    ui.label(format!(
        "{}{plus} {}{conv}",
        format_compact(first.value, &first.currency),
        first.period.per()
    ));
}
