//! The salary chart of a role: one horizontal row per level, with its range,
//! p25–p75 box and median where given, an open end drawn as open, exact figures
//! on hover, and a caption that always names region, currency, period, statistic,
//! source and date. The same figures are listed in a table below the chart, for
//! screen readers and for copying.

use std::fmt::Write as _;

use egui::RichText;
use egui_plot::{
    Bar, BarChart, BoxElem, BoxPlot, BoxSpread, Line, LineStyle, MarkerShape, Plot, PlotPoint,
    Points, Text,
};

use super::theme::{chart_fill, chart_stroke};
use super::{Command, text};
use crate::model::money::{format_compact, format_full};
use crate::model::types::{Level, Role, SalaryTable};

/// Shown when a role has no salary table.
pub const NO_DATA: &str = "No sourced salary figures for this role";

/// Says that a role has no sourced figures, and why when the dataset says.
pub fn no_data(ui: &mut egui::Ui, role: &Role) {
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(RichText::new(NO_DATA).strong());
        ui.label(role.salary_note.as_deref().unwrap_or(
            "The dataset gives no salary figures with a source for this role, so none are shown.",
        ));
    });
}

/// Draws one table: its caption (what, where, who, when), its chart, and
/// its figures as a table; returns the chart's rectangle. `below_chart`
/// draws under the chart, before the buttons (the strip of other roles).
pub fn table_ui(
    ui: &mut egui::Ui,
    role_id: &str,
    table: &SalaryTable,
    below_chart: impl FnOnce(&mut egui::Ui),
    out: &mut Vec<Command>,
) {
    caption(ui, table);
    let rect = chart(ui, table, role_id);
    below_chart(ui);
    ui.horizontal(|ui| {
        if ui.button("Save chart as PNG…").clicked() {
            out.push(Command::SaveChartPng(rect));
        }
        if ui.button("Copy figures as CSV").clicked() {
            out.push(Command::CopyText("the figures as CSV", table_csv(table)));
        }
    });
    figures_table(ui, table);
}

/// Longest tab text, level name on the axis or in the table, in characters:
/// longer ones are cut, with the whole text on hover.
pub const LABEL_CHARS: usize = 28;

/// Longest row name on a chart's axis, in characters: the axis takes its
/// width from its longest label, so at 800 points wide a 28-character name
/// would leave the plot a third of the room.
pub const AXIS_CHARS: usize = 16;

/// What a table is, in full, for a hover text.
#[must_use]
pub fn table_hover(t: &SalaryTable) -> String {
    format!(
        "{}\n{}\nSource: {}\nAs of: {}",
        t.region,
        statistic_label(t),
        t.source.as_deref().unwrap_or("not stated by the dataset"),
        t.as_of.as_deref().unwrap_or("not stated")
    )
}

/// Axis marks at a round step that gives five to eight labels.
#[allow(clippy::needless_pass_by_value)] // the signature egui_plot asks for
fn money_marks(input: egui_plot::GridInput) -> Vec<egui_plot::GridMark> {
    let (lo, hi) = input.bounds;
    let span = (hi - lo).max(1.0);
    let raw = span / 6.0;
    let magnitude = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= raw)
        .unwrap_or(magnitude * 10.0);
    let mut marks = Vec::new();
    let mut v = (lo / step).ceil() * step;
    while v <= hi {
        marks.push(egui_plot::GridMark {
            value: v,
            step_size: step,
        });
        v += step;
    }
    marks
}

pub use crate::model::pay_index::TableKind;

pub use crate::model::pay_label::statistic_label;

fn caption(ui: &mut egui::Ui, t: &SalaryTable) {
    // Who stands behind the figures, first and apart: official statistics,
    // a survey, a guide's ranges.
    ui.label(RichText::new(TableKind::of(t).origin()).small().strong());
    let mut line = vec![
        t.region.clone(),
        t.currency.clone(),
        t.period.per().to_string(),
        statistic_label(t).to_string(),
    ];
    line.retain(|s| !s.is_empty());
    // Wrapped anywhere: a URL of sixty characters has no space to break at.
    let wrap = |text: RichText| egui::Label::new(text).wrap_mode(egui::TextWrapMode::Wrap);
    ui.add(wrap(RichText::new(line.join(" · ")).strong()));
    ui.add(wrap(
        RichText::new(format!(
            "Source: {} · As of: {}",
            t.source.as_deref().unwrap_or("not stated by the dataset"),
            t.as_of.as_deref().unwrap_or("not stated")
        ))
        .small(),
    ));
    if let Some(note) = &t.note {
        ui.add(wrap(RichText::new(note).small().weak()));
    }
}

/// Lowest and highest figure of the table, for an axis or a whisker;
/// `(0, 0)` for a table without figures.
#[must_use]
pub fn extent(t: &SalaryTable) -> (f64, f64) {
    let lo = t
        .levels
        .iter()
        .filter_map(Level::lowest)
        .fold(f64::INFINITY, f64::min);
    let hi = t
        .levels
        .iter()
        .filter_map(Level::highest)
        .fold(0.0, f64::max);
    if lo.is_finite() { (lo, hi) } else { (0.0, hi) }
}

/// A fixed (no pan, no zoom) plot with money on the x axis and one named
/// row per entry of `names` on the y axis, the first row at the top; names
/// longer than `axis_chars` characters are cut.
pub fn money_rows_plot<'a>(
    id: impl egui::AsIdSalt,
    names: Vec<String>,
    currency: &str,
    axis_chars: usize,
) -> Plot<'a> {
    let n = names.len();
    let axis_currency = currency.to_string();
    Plot::new(id)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_grid([true, false])
        .include_y(-0.6)
        .include_y(n as f64 - 0.4)
        .x_grid_spacer(money_marks)
        .x_axis_formatter(move |mark, _| format_compact(mark.value, &axis_currency))
        .y_axis_formatter(move |mark, _| {
            let i = mark.value.round();
            if (mark.value - i).abs() < 1e-6 && i >= 0.0 {
                #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                let row = (n as f64 - 1.0 - i) as usize;
                // Cut, so a long name cannot squeeze the plot off the window;
                // the whole name is in each row's hover text.
                names
                    .get(row)
                    .map(|name| text::clip(name, axis_chars).into_owned())
                    .unwrap_or_default()
            } else {
                String::new()
            }
        })
        .y_grid_spacer(move |_| {
            (0..n)
                .map(|i| egui_plot::GridMark {
                    value: i as f64,
                    step_size: 1.0,
                })
                .collect()
        })
}

/// The figures of one table as CSV, with the labels every figure needs.
#[must_use]
pub fn table_csv(t: &SalaryTable) -> String {
    let mut out =
        String::from("level,statistic,value,currency,period,region,open_ended,source,as_of\n");
    let esc = |s: &str| {
        if s.contains([',', '"', '\n']) {
            format!("\"{}\"", s.replace('"', "\"\""))
        } else {
            s.to_string()
        }
    };
    for l in &t.levels {
        let top = l.highest();
        for (name, v) in l.figures() {
            if let Some(v) = v {
                let open = l.open_ended && Some(v) == top;
                let _ = writeln!(
                    out,
                    "{},{name},{v},{},{},{},{open},{},{}",
                    esc(&l.level),
                    t.currency,
                    t.period.as_str(),
                    esc(&t.region),
                    esc(t.source.as_deref().unwrap_or("")),
                    esc(t.as_of.as_deref().unwrap_or(""))
                );
            }
        }
    }
    out
}

fn chart(ui: &mut egui::Ui, t: &SalaryTable, role_id: &str) -> egui::Rect {
    let dark = ui.visuals().dark_mode;
    let fill = chart_fill(dark);
    let stroke = chart_stroke(dark);
    let text_color = ui.visuals().text_color();
    let (lo, hi) = extent(t);
    let any_open = t.levels.iter().any(|l| l.open_ended);
    // Room on the right for open ends and labels.
    let right = if any_open { hi * 1.25 } else { hi * 1.08 };
    let left = (lo * 0.85).max(0.0);
    let currency = t.currency.clone();
    let names: Vec<String> = t.levels.iter().map(|l| l.level.clone()).collect();
    let n = t.levels.len();
    #[allow(clippy::cast_precision_loss)] // a handful of levels
    let height = (70.0 + 46.0 * n as f32).clamp(140.0, 360.0);

    let response = money_rows_plot(("salary_chart", role_id), names, &currency, AXIS_CHARS)
        .height(height)
        .include_x(left)
        .include_x(right)
        .label_formatter(move |hover| match hover {
            egui_plot::HoverPosition::NearDataPoint { plot_name, .. } if !plot_name.is_empty() => {
                Some(plot_name.to_string())
            }
            _ => None,
        })
        .show(ui, |plot| {
            for (i, level) in t.levels.iter().enumerate() {
                let y = (n - 1 - i) as f64;
                let tip = level_tooltip(level, &currency, t.period.per());
                let low = level.lowest();
                let high = level.highest();
                let box_lo = level.p25.or(level.min).or(level.p10);
                let box_hi = level.p75.or(level.max).or(level.p90);
                if level.has_percentiles() {
                    let whisk_lo = level.min.or(level.p10).or(box_lo).unwrap_or_default();
                    let whisk_hi = level.max.or(level.p90).or(box_hi).unwrap_or_default();
                    let q1 = level.p25.unwrap_or(whisk_lo);
                    let q3 = level.p75.unwrap_or(whisk_hi);
                    let median = level.median.unwrap_or(f64::midpoint(q1, q3));
                    let elem = BoxElem::new(y, BoxSpread::new(whisk_lo, q1, median, q3, whisk_hi))
                        .name(&tip)
                        .box_width(0.5)
                        .whisker_width(0.3)
                        .fill(fill)
                        .stroke(egui::Stroke::new(1.5, stroke));
                    let tip_for_box = tip.clone();
                    plot.box_plot(
                        BoxPlot::new(&tip, vec![elem])
                            .horizontal()
                            .element_formatter(Box::new(move |_, _| tip_for_box.clone())),
                    );
                } else if let (Some(a), Some(b)) = (low, high)
                    && b > a
                {
                    let tip_for_bar = tip.clone();
                    plot.bar_chart(
                        BarChart::new(
                            &tip,
                            vec![Bar::new(y, b - a).base_offset(a).width(0.5).fill(fill)],
                        )
                        .horizontal()
                        .element_formatter(Box::new(move |_, _| tip_for_bar.clone())),
                    );
                    if let Some(m) = level.median {
                        plot.points(
                            Points::new(&tip, vec![[m, y]])
                                .shape(MarkerShape::Diamond)
                                .radius(6.0)
                                .color(stroke),
                        );
                    }
                } else if let Some(a) = low {
                    plot.points(
                        Points::new(&tip, vec![[a, y]])
                            .shape(MarkerShape::Diamond)
                            .radius(7.0)
                            .filled(true)
                            .color(stroke),
                    );
                }
                if let Some(top) = high {
                    if level.open_ended {
                        // "and above": a dashed line running off to the right edge.
                        plot.line(
                            Line::new(&tip, vec![[top, y], [right, y]])
                                .style(LineStyle::dashed_loose())
                                .width(2.0)
                                .color(stroke),
                        );
                        plot.text(
                            Text::new(
                                "",
                                PlotPoint::new(top, y + 0.38),
                                RichText::new(format!("{}+", format_compact(top, &currency)))
                                    .strong(),
                            )
                            .color(text_color),
                        );
                    } else if let Some(a) = low {
                        let label = if (top - a).abs() < f64::EPSILON && level.median.is_some() {
                            // A median alone is not a range "$175k – $175k".
                            format!("median {}", format_compact(top, &currency))
                        } else if let Some(m) = level.median {
                            format!(
                                "median {} · range {} – {}",
                                format_compact(m, &currency),
                                format_compact(a, &currency),
                                format_compact(top, &currency)
                            )
                        } else if (top - a).abs() < f64::EPSILON {
                            format!("from {}", format_compact(a, &currency))
                        } else {
                            format!(
                                "{} – {}",
                                format_compact(a, &currency),
                                format_compact(top, &currency)
                            )
                        };
                        plot.text(
                            Text::new("", PlotPoint::new(f64::midpoint(a, top), y + 0.38), label)
                                .color(text_color),
                        );
                    }
                }
            }
        });
    // Named for screen readers (and tests) with the span the axis shows.
    let span = if (hi - lo).abs() < f64::EPSILON {
        format!("at {}", format_compact(hi, &t.currency))
    } else {
        format!(
            "{} to {}",
            format_compact(lo, &t.currency),
            format_compact(hi, &t.currency)
        )
    };
    let label = format!(
        "Salary chart: {}, {}, {span}",
        text::count(n, "level", "levels"),
        statistic_label(t)
    );
    response
        .response
        .widget_info(|| egui::WidgetInfo::labeled(egui::accesskit::Role::Image, true, &label));
    response.response.rect
}

/// Every figure of a level, exact, one per line.
#[must_use]
pub fn level_tooltip(level: &Level, currency: &str, per: &str) -> String {
    let mut lines = vec![format!("{} ({per})", level.level)];
    let top = level.highest();
    for (name, value) in level.figures() {
        if let Some(v) = value {
            let open = level.open_ended && Some(v) == top;
            lines.push(format!(
                "{}: {}{}",
                figure_name(name),
                format_full(v, currency),
                if open { " and above" } else { "" }
            ));
        }
    }
    if let Some(note) = &level.note {
        lines.push(note.clone());
    }
    lines.join("\n")
}

fn figure_name(field: &str) -> &'static str {
    match field {
        "min" => "Minimum",
        "p10" => "10th percentile",
        "p25" => "25th percentile",
        "median" => "Median",
        "p75" => "75th percentile",
        "p90" => "90th percentile",
        _ => "Maximum",
    }
}

/// The figures as a plain table; long level names are cut and very long
/// figures shortened (both whole on hover), and the table scrolls sideways
/// rather than pushing columns off the window.
fn figures_table(ui: &mut egui::Ui, t: &SalaryTable) {
    let columns: Vec<(&str, usize)> = ["min", "p10", "p25", "median", "p75", "p90", "max"]
        .iter()
        .enumerate()
        .filter(|(i, _)| t.levels.iter().any(|l| l.figures()[*i].1.is_some()))
        .map(|(i, name)| (*name, i))
        .collect();
    ui.add_space(6.0);
    egui::CollapsingHeader::new("Figures as a table")
        .id_salt("salary_figures_table")
        .default_open(true)
        .show(ui, |ui| {
            egui::ScrollArea::horizontal()
                .id_salt("salary_figures_scroll")
                .show(ui, |ui| figures_grid(ui, t, &columns));
        });
}

fn figures_grid(ui: &mut egui::Ui, t: &SalaryTable, columns: &[(&str, usize)]) {
    egui::Grid::new("salary_figures")
        .striped(true)
        .spacing([14.0, 4.0])
        .show(ui, |ui| {
            ui.label(RichText::new("Level").strong());
            for (name, _) in columns {
                ui.label(RichText::new(*name).strong());
            }
            ui.end_row();
            for level in &t.levels {
                let name = text::clip(&level.level, LABEL_CHARS);
                let shown = ui.label(name.as_ref());
                if name.len() != level.level.len() {
                    shown.on_hover_text(&level.level);
                }
                let top = level.highest();
                for (_, i) in columns {
                    match level.figures()[*i].1 {
                        Some(v) => {
                            let plus = if level.open_ended && Some(v) == top {
                                "+"
                            } else {
                                ""
                            };
                            figure_label(ui, v, &t.currency, plus);
                        }
                        None => {
                            ui.label(RichText::new("—").weak());
                        }
                    }
                }
                ui.end_row();
            }
        });
}

/// A figure in a table cell: exact ("$85,000"), or compact ("$195T") with
/// the exact figure on hover when the exact one would widen its column;
/// `suffix` follows either ("+" for an open end).
pub fn figure_label(ui: &mut egui::Ui, value: f64, currency: &str, suffix: &str) -> egui::Response {
    let full = format!("{}{suffix}", format_full(value, currency));
    if full.chars().count() > FIGURE_CHARS {
        let short = format!("{}{suffix}", format_compact(value, currency));
        ui.label(short).on_hover_text(full)
    } else {
        ui.label(full)
    }
}

/// Longest exact figure in the table ("$1,234,567,890" is 14); longer ones
/// are shown compact, exact on hover.
const FIGURE_CHARS: usize = 16;
