//! The Salaries view's ranking: the roles in view ranked by one statistic of
//! one source in one region, with the roles that carry the very same figures
//! (one occupation shared by many roles) folded into one row, so ten roles
//! never show ten copies of one bar.

use std::collections::HashMap;

use super::catalog::{Catalog, RoleIdx};
use super::pay::{Display, RankRow, Statistic, rank_row, sort_rows};
use super::pay_index::{PayIndex, source_family, subject};

/// One source and region the data has figures for.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceOption {
    /// The source, as [`source_family`] names it ("BLS OEWS May 2025").
    pub source: String,
    /// The region.
    pub region: String,
    /// How many of the roles asked about have a table of it.
    pub roles: usize,
    /// The statistics its tables give, in [`Statistic::ALL`] order.
    pub stats: Vec<Statistic>,
}

/// Per source and region: roles counted, the last role counted (a role with
/// two tables of it counts once), and which statistics it gives.
type Found = (usize, Option<RoleIdx>, [bool; 7]);

/// Every source and region of the tables of `roles`, the most roles first
/// (ties by source, then region).
#[must_use]
pub fn source_options(catalog: &Catalog, roles: &[RoleIdx]) -> Vec<SourceOption> {
    let mut found: HashMap<(&str, &str), Found> = HashMap::new();
    for &role in roles {
        for t in &catalog.role(role).role.salary {
            let entry = found
                .entry((source_family(t), t.region.as_str()))
                .or_insert((0, None, [false; 7]));
            if entry.1 != Some(role) {
                entry.0 += 1;
                entry.1 = Some(role);
            }
            for (i, s) in Statistic::ALL.iter().enumerate() {
                entry.2[i] |= t.levels.iter().any(|l| s.of(l).is_some());
            }
        }
    }
    let mut out: Vec<SourceOption> = found
        .into_iter()
        .map(|((source, region), (roles, _, has))| SourceOption {
            source: source.to_string(),
            region: region.to_string(),
            roles,
            stats: Statistic::ALL
                .iter()
                .zip(has)
                .filter(|(_, h)| *h)
                .map(|(s, _)| *s)
                .collect(),
        })
        .collect();
    out.sort_by(|a, b| {
        b.roles
            .cmp(&a.roles)
            .then_with(|| a.source.cmp(&b.source))
            .then_with(|| a.region.cmp(&b.region))
    });
    out
}

/// One row of the ranking: one role, or every role with the same figures.
#[derive(Debug, Clone, PartialEq)]
pub struct RankGroup {
    /// The roles' rows (at least one), all with the same figure, in role order.
    pub rows: Vec<RankRow>,
    /// What the shared figures describe ("Software Developers (SOC 15-1252)"),
    /// when the table names it and several roles share them.
    pub subject: Option<String>,
}

impl RankGroup {
    /// The figure the row shows.
    #[must_use]
    pub fn value(&self) -> f64 {
        self.rows.first().map_or(0.0, |r| r.value)
    }
}

/// A ranking folded by shared figures.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct GroupedRanking {
    /// Highest figure first.
    pub groups: Vec<RankGroup>,
    /// Roles with a figure (the rows of every group).
    pub ranked: usize,
    /// Roles asked about that have no figure for this source, region and statistic.
    pub without: usize,
}

impl GroupedRanking {
    /// Every role's row, highest first (for CSV).
    #[must_use]
    pub fn rows(&self) -> Vec<RankRow> {
        self.groups.iter().flat_map(|g| g.rows.clone()).collect()
    }
}

/// Ranks `roles` by `stat` from `source` (a [`source_family`]) in `region`.
/// A role's figure comes from its most telling table of that source and
/// region that has the statistic ([`PayIndex::order`]), so a role with its
/// own figure is never folded into a shared occupation; roles whose chosen
/// tables hold the very same figures share one row.
#[must_use]
pub fn rank_grouped(
    catalog: &Catalog,
    pay: &PayIndex,
    roles: &[RoleIdx],
    source: &str,
    region: &str,
    stat: Statistic,
    display: &Display<'_>,
) -> GroupedRanking {
    let mut by_figures: HashMap<u32, usize> = HashMap::new();
    let mut groups: Vec<RankGroup> = Vec::new();
    let mut ranked = 0;
    for &role in roles {
        let tables = &catalog.role(role).role.salary;
        let found = pay.order(role).iter().find_map(|&i| {
            let t = &tables[i];
            if source_family(t) != source || t.region != region {
                return None;
            }
            Some((i, rank_row(role, t, stat, display)?))
        });
        let Some((table, row)) = found else { continue };
        ranked += 1;
        let id = pay.figures_id(role, table);
        if let Some(&g) = id.and_then(|id| by_figures.get(&id)) {
            groups[g].rows.push(row);
        } else {
            if let Some(id) = id {
                by_figures.insert(id, groups.len());
            }
            groups.push(RankGroup {
                rows: vec![row],
                subject: subject(&tables[table]),
            });
        }
    }
    for g in &mut groups {
        sort_rows(&mut g.rows);
        if g.rows.len() < 2 {
            g.subject = None;
        }
    }
    groups.sort_by(|a, b| {
        b.value()
            .total_cmp(&a.value())
            .then_with(|| a.rows[0].role.cmp(&b.rows[0].role))
    });
    GroupedRanking {
        groups,
        ranked,
        without: roles.len() - ranked,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::catalog::test_catalog;

    fn bls(code: &str, title: &str, median: u32) -> String {
        format!(
            r#"{{"region":"United States","currency":"USD","source":"BLS OEWS May 2025; SOC {code} {title}","levels":[{{"level":"All levels","p10":{},"median":{median},"p90":{}}}]}}"#,
            median / 2,
            median * 2
        )
    }

    fn catalog() -> Catalog {
        let dev = bls("15-1252", "Software Developers", 133_000);
        let web = bls("15-1254", "Web Developers", 92_000);
        let own = r#"{"region":"United States","currency":"USD","source":"BLS OEWS May 2025; SOC 11-3021 Managers","levels":[{"level":"All levels","median":171000,"p10":90000}]}"#;
        let survey = r#"{"region":"Worldwide","currency":"USD","source":"Dev Survey 2025, Someone","levels":[{"level":"All levels","median":70000}]}"#;
        test_catalog(&format!(
            r#"[
              {{"id":"ios","title":"iOS","salary":[{dev},{survey}]}},
              {{"id":"android","title":"Android","salary":[{dev}]}},
              {{"id":"devops","title":"DevOps","salary":[{dev}]}},
              {{"id":"web","title":"Web","salary":[{web}]}},
              {{"id":"em","title":"Manager","salary":[{own}]}},
              {{"id":"none","title":"No pay"}}
            ]"#
        ))
    }

    #[test]
    fn roles_with_one_shared_occupation_fold_into_one_row() {
        let cat = catalog();
        let pay = PayIndex::new(&cat);
        let all: Vec<RoleIdx> = (0..6).map(RoleIdx).collect();
        let r = rank_grouped(
            &cat,
            &pay,
            &all,
            "BLS OEWS May 2025",
            "United States",
            Statistic::Median,
            &Display::default(),
        );
        let shape: Vec<(f64, usize)> = r.groups.iter().map(|g| (g.value(), g.rows.len())).collect();
        assert_eq!(shape, [(171_000.0, 1), (133_000.0, 3), (92_000.0, 1)]);
        assert_eq!(
            r.groups[1].subject.as_deref(),
            Some("Software Developers (SOC 15-1252)")
        );
        assert_eq!(
            r.groups[0].subject, None,
            "a role of its own is not a group"
        );
        assert_eq!((r.ranked, r.without), (5, 1));
        assert_eq!(r.rows().len(), 5);

        let survey = rank_grouped(
            &cat,
            &pay,
            &all,
            "Dev Survey 2025",
            "Worldwide",
            Statistic::Median,
            &Display::default(),
        );
        assert_eq!((survey.ranked, survey.without), (1, 5));
    }

    #[test]
    fn every_source_and_region_is_offered_with_its_statistics() {
        let cat = catalog();
        let all: Vec<RoleIdx> = (0..6).map(RoleIdx).collect();
        let options = source_options(&cat, &all);
        let names: Vec<(&str, &str, usize)> = options
            .iter()
            .map(|o| (o.source.as_str(), o.region.as_str(), o.roles))
            .collect();
        assert_eq!(
            names,
            [
                ("BLS OEWS May 2025", "United States", 5),
                ("Dev Survey 2025", "Worldwide", 1)
            ]
        );
        assert_eq!(
            options[0].stats,
            [Statistic::Median, Statistic::P10, Statistic::P90]
        );
        assert_eq!(options[1].stats, [Statistic::Median]);
    }
}
