//! Pay across roles: period and currency conversion with stated assumptions,
//! and ranking roles by one statistic in one region.

use super::catalog::{Catalog, RoleIdx};
use super::types::{ExchangeRates, Level, Period, SalaryTable};

/// Hours in a working year, for "as yearly" conversion of hourly pay.
pub const HOURS_PER_YEAR: f64 = 2080.0;
/// Months in a year, for "as yearly" conversion of monthly pay.
pub const MONTHS_PER_YEAR: f64 = 12.0;

/// The assumption behind converting a period to yearly, for labels.
#[must_use]
pub fn yearly_assumption(period: Period) -> Option<&'static str> {
    match period {
        Period::Year => None,
        Period::Month => Some("converted to yearly at 12 months"),
        Period::Hour => Some("converted to yearly at 2,080 hours (40 hours × 52 weeks)"),
    }
}

/// A figure of `period` expressed per year.
#[must_use]
pub fn to_yearly(value: f64, period: Period) -> f64 {
    match period {
        Period::Year => value,
        Period::Month => value * MONTHS_PER_YEAR,
        Period::Hour => value * HOURS_PER_YEAR,
    }
}

/// Converts `value` from one currency to another with a dataset's rates
/// (units of each currency per one unit of base); `None` when the rates do
/// not cover both currencies.
#[must_use]
pub fn convert(value: f64, from: &str, to: &str, rates: &ExchangeRates) -> Option<f64> {
    if from == to {
        return Some(value);
    }
    let rate = |c: &str| {
        if c == rates.base {
            Some(1.0)
        } else {
            rates.rates.get(c).copied().filter(|r| *r > 0.0)
        }
    };
    Some(value / rate(from)? * rate(to)?)
}

/// The label every converted figure carries.
#[must_use]
pub fn conversion_label(rates: &ExchangeRates) -> String {
    format!(
        "converted at the {} rate from {}",
        rates.as_of.as_deref().unwrap_or("undated"),
        rates
            .source
            .as_deref()
            .unwrap_or("the dataset (no source named)")
    )
}

/// Which figure of a level to rank by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Statistic {
    /// The median (the default).
    #[default]
    Median,
    /// 10th percentile.
    P10,
    /// 25th percentile.
    P25,
    /// 75th percentile.
    P75,
    /// 90th percentile.
    P90,
    /// Lowest figure of the range.
    Min,
    /// Highest figure of the range.
    Max,
}

impl Statistic {
    /// All, in menu order.
    pub const ALL: [Self; 7] = [
        Self::Median,
        Self::P10,
        Self::P25,
        Self::P75,
        Self::P90,
        Self::Min,
        Self::Max,
    ];

    /// On-screen name.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Median => "median",
            Self::P10 => "10th percentile",
            Self::P25 => "25th percentile",
            Self::P75 => "75th percentile",
            Self::P90 => "90th percentile",
            Self::Min => "range minimum",
            Self::Max => "range maximum",
        }
    }

    /// The figure of a level.
    #[must_use]
    pub fn of(self, l: &Level) -> Option<f64> {
        match self {
            Self::Median => l.median,
            Self::P10 => l.p10,
            Self::P25 => l.p25,
            Self::P75 => l.p75,
            Self::P90 => l.p90,
            Self::Min => l.min,
            Self::Max => l.max,
        }
    }
}

/// How figures are shown.
#[derive(Debug, Clone, Default)]
pub struct Display<'a> {
    /// Convert hourly and monthly figures to yearly.
    pub as_yearly: bool,
    /// Show in this currency, with these rates.
    pub currency: Option<(&'a str, &'a ExchangeRates)>,
}

/// One role in the ranking.
#[derive(Debug, Clone, PartialEq)]
pub struct RankRow {
    /// The role.
    pub role: RoleIdx,
    /// The figure, after any conversion.
    pub value: f64,
    /// The currency of `value`.
    pub currency: String,
    /// The period of `value`.
    pub period: Period,
    /// The level the figure comes from.
    pub level: String,
    /// The table's source.
    pub source: Option<String>,
    /// The table's date.
    pub as_of: Option<String>,
    /// How the figure was converted, if it was.
    pub converted: Vec<String>,
    /// The top of the range is open-ended.
    pub open_ended: bool,
}

/// Ranks `roles` by `stat` in `region` (highest first). A role's figure is
/// taken from its first table in that region, from the first level that has
/// the statistic. Roles without such a figure are left out.
#[must_use]
pub fn rank(
    catalog: &Catalog,
    roles: &[RoleIdx],
    region: &str,
    stat: Statistic,
    display: &Display<'_>,
) -> Vec<RankRow> {
    let mut rows: Vec<RankRow> = roles
        .iter()
        .filter_map(|&role| {
            let t = catalog
                .role(role)
                .role
                .salary
                .iter()
                .find(|t| t.region == region)?;
            rank_row(role, t, stat, display)
        })
        .collect();
    sort_rows(&mut rows);
    rows
}

/// Highest first; equal figures in role order.
pub(crate) fn sort_rows(rows: &mut [RankRow]) {
    rows.sort_by(|a, b| b.value.total_cmp(&a.value).then(a.role.cmp(&b.role)));
}

/// The ranking row of `role` from table `t`: the first level with the
/// statistic, converted as `display` asks; `None` when no level has it.
#[must_use]
pub fn rank_row(
    role: RoleIdx,
    t: &SalaryTable,
    stat: Statistic,
    display: &Display<'_>,
) -> Option<RankRow> {
    let level = t.levels.iter().find(|l| stat.of(l).is_some())?;
    let mut value = stat.of(level)?;
    let mut converted = Vec::new();
    let mut period = t.period;
    if display.as_yearly
        && let Some(note) = yearly_assumption(period)
    {
        value = to_yearly(value, period);
        period = Period::Year;
        converted.push(note.to_string());
    }
    let mut currency = t.currency.clone();
    if let Some((target, rates)) = display.currency
        && target != currency
        && let Some(v) = convert(value, &currency, target, rates)
    {
        value = v;
        currency = target.to_string();
        converted.push(conversion_label(rates));
    }
    let top = level.highest();
    Some(RankRow {
        role,
        value,
        currency,
        period,
        level: level.level.clone(),
        source: t.source.clone(),
        as_of: t.as_of.clone(),
        converted,
        open_ended: level.open_ended && top == stat.of(level),
    })
}

/// CSV text: a header line, then one line a row, each ending in `\n`. A
/// field holding a comma, a quote, `\r` or `\n` is quoted (quotes doubled),
/// as RFC 4180 readers (spreadsheets, `csv` modules) expect.
fn csv_text<const N: usize>(
    header: [&str; N],
    rows: impl IntoIterator<Item = [String; N]>,
) -> String {
    let mut out = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    // Writing to memory cannot fail; a failure would only cut the text short.
    let written = out
        .write_record(header)
        .and_then(|()| rows.into_iter().try_for_each(|row| out.write_record(&row)));
    if let Err(e) = written {
        log::error!("CSV not written: {e}");
    }
    out.into_inner()
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .unwrap_or_default()
}

/// The figures behind a ranking as CSV.
#[must_use]
pub fn to_csv(catalog: &Catalog, rows: &[RankRow], stat: Statistic, region: &str) -> String {
    let header = [
        "role",
        "region",
        "statistic",
        "level",
        "value",
        "currency",
        "period",
        "open_ended",
        "source",
        "as_of",
        "conversion",
    ];
    csv_text(
        header,
        rows.iter().map(|r| {
            [
                catalog.role(r.role).role.title.clone(),
                region.to_owned(),
                stat.label().to_owned(),
                r.level.clone(),
                format!("{}", r.value.round()),
                r.currency.clone(),
                r.period.as_str().to_owned(),
                r.open_ended.to_string(),
                r.source.clone().unwrap_or_default(),
                r.as_of.clone().unwrap_or_default(),
                r.converted.join("; "),
            ]
        }),
    )
}

/// The figures of one salary table as CSV, one line a figure, with the
/// labels every figure needs (level, statistic, currency, period, region,
/// whether it is an open top, source and date).
#[must_use]
pub fn table_csv(t: &SalaryTable) -> String {
    let header = [
        "level",
        "statistic",
        "value",
        "currency",
        "period",
        "region",
        "open_ended",
        "source",
        "as_of",
    ];
    let rows = t.levels.iter().flat_map(|l| {
        let top = l.highest();
        l.figures().into_iter().filter_map(move |(name, v)| {
            let v = v?;
            Some([
                l.level.clone(),
                name.to_owned(),
                v.to_string(),
                t.currency.clone(),
                t.period.as_str().to_owned(),
                t.region.clone(),
                (l.open_ended && Some(v) == top).to_string(),
                t.source.clone().unwrap_or_default(),
                t.as_of.clone().unwrap_or_default(),
            ])
        })
    });
    csv_text(header, rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rates() -> ExchangeRates {
        ExchangeRates {
            base: "USD".into(),
            as_of: Some("2025-06-30".into()),
            source: Some("ECB".into()),
            rates: [("EUR".to_string(), 0.9), ("GBP".to_string(), 0.8)]
                .into_iter()
                .collect(),
        }
    }

    #[test]
    fn periods_convert_with_the_stated_assumption() {
        assert_eq!(to_yearly(50.0, Period::Hour), 104_000.0);
        assert_eq!(to_yearly(4_000.0, Period::Month), 48_000.0);
        assert_eq!(to_yearly(90_000.0, Period::Year), 90_000.0);
        assert!(yearly_assumption(Period::Hour).unwrap().contains("2,080"));
        assert!(yearly_assumption(Period::Year).is_none());
    }

    #[test]
    fn currencies_convert_through_the_base_or_not_at_all() {
        let r = rates();
        assert_eq!(convert(100.0, "USD", "EUR", &r), Some(90.0));
        assert!((convert(90.0, "EUR", "GBP", &r).unwrap() - 80.0).abs() < 1e-9);
        assert_eq!(convert(5.0, "JPY", "USD", &r), None);
        assert_eq!(
            conversion_label(&r),
            "converted at the 2025-06-30 rate from ECB"
        );
    }

    fn catalog() -> Catalog {
        let json = r#"[
          {"id":"a","title":"A","salary":[{"region":"US","currency":"USD","levels":[{"level":"All","p10":10,"median":100,"p90":300,"open_ended":true}]}]},
          {"id":"b","title":"B","salary":[{"region":"US","currency":"USD","period":"hour","levels":[{"level":"All","median":60}]}]},
          {"id":"c","title":"C","salary":[{"region":"DE","currency":"EUR","levels":[{"level":"Junior","min":40000}]}]},
          {"id":"d","title":"D","stack":{"L":["Go"]}}
        ]"#;
        crate::model::catalog::test_catalog(json)
    }

    #[test]
    fn ranking_orders_by_the_statistic_and_skips_roles_without_it() {
        let cat = catalog();
        let all: Vec<RoleIdx> = (0..4).map(RoleIdx).collect();
        let rows = rank(&cat, &all, "US", Statistic::Median, &Display::default());
        assert_eq!(rows.iter().map(|r| r.role.0).collect::<Vec<_>>(), [0, 1]);
        // As yearly, B's $60/hour becomes $124,800 and overtakes A.
        let yearly = Display {
            as_yearly: true,
            currency: None,
        };
        let rows = rank(&cat, &all, "US", Statistic::Median, &yearly);
        assert_eq!(rows[0].role, RoleIdx(1));
        assert_eq!(rows[0].value, 124_800.0);
        assert_eq!(rows[0].converted.len(), 1);
        let p90 = rank(&cat, &all, "US", Statistic::P90, &Display::default());
        assert!(p90[0].open_ended);
        assert!(rank(&cat, &all, "Mars", Statistic::Median, &Display::default()).is_empty());
    }

    #[test]
    fn converted_rankings_say_so_and_csv_quotes_what_it_must() {
        let cat = catalog();
        let r = rates();
        let d = Display {
            as_yearly: false,
            currency: Some(("EUR", &r)),
        };
        let rows = rank(&cat, &[RoleIdx(0)], "US", Statistic::Median, &d);
        assert_eq!(rows[0].currency, "EUR");
        assert_eq!(rows[0].value, 90.0);
        assert_eq!(
            rows[0].converted,
            ["converted at the 2025-06-30 rate from ECB"]
        );
        let csv = to_csv(&cat, &rows, Statistic::Median, "US");
        assert!(csv.starts_with("role,region,statistic"));
        assert!(
            csv.contains(
                "A,US,median,All,90,EUR,year,false,,,converted at the 2025-06-30 rate from ECB"
            ),
            "{csv}"
        );
    }

    /// Reads CSV text back as an RFC 4180 reader would.
    fn parse(text: &str) -> Vec<Vec<String>> {
        csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(text.as_bytes())
            .records()
            .map(|r| r.unwrap().iter().map(str::to_owned).collect())
            .collect()
    }

    #[test]
    fn csv_fields_with_commas_quotes_and_line_breaks_survive_a_round_trip() {
        let nasty = "Kafka, \"streams\"\nand\r\nmore\r";
        let json = format!(
            r#"[{{"id":"a","title":{title},"salary":[{{"region":{region},"currency":"USD","source":{title},"as_of":"2025","levels":[{{"level":{title},"median":100,"p90":200,"open_ended":true}}]}}]}}]"#,
            title = serde_json::to_string(nasty).unwrap(),
            region = serde_json::to_string("US, \"east\"").unwrap(),
        );
        let cat = crate::model::catalog::test_catalog(&json);
        let rows = rank(
            &cat,
            &[RoleIdx(0)],
            "US, \"east\"",
            Statistic::Median,
            &Display::default(),
        );
        let text = to_csv(&cat, &rows, Statistic::Median, "US, \"east\"");
        // A bare \r would end the line early in many readers: it is quoted.
        assert!(
            text.contains("\"Kafka, \"\"streams\"\"\nand\r\nmore\r\""),
            "{text:?}"
        );
        let parsed = parse(&text);
        assert_eq!(parsed.len(), 2, "{text:?}");
        assert_eq!(parsed[1][0], nasty);
        assert_eq!(parsed[1][1], "US, \"east\"");
        assert_eq!(parsed[1][3], nasty);
        assert_eq!(parsed[1][8], nasty);

        let table = &cat.role(RoleIdx(0)).role.salary[0];
        let parsed = parse(&table_csv(table));
        assert_eq!(parsed[0][0], "level");
        assert_eq!(
            parsed[1..],
            [
                [
                    nasty,
                    "median",
                    "100",
                    "USD",
                    "year",
                    "US, \"east\"",
                    "false",
                    nasty,
                    "2025"
                ],
                [
                    nasty,
                    "p90",
                    "200",
                    "USD",
                    "year",
                    "US, \"east\"",
                    "true",
                    nasty,
                    "2025"
                ],
            ]
        );
    }
}
