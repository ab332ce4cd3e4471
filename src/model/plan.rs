//! Transition plans: from a role (or from "my skills") to a target role — what
//! carries over, what to learn, what the target does not need, how pay
//! compares, and a rough time to cover the core gap.

use std::collections::HashSet;

use super::catalog::{Catalog, RoleIdx, TechId};
use super::fit::credits;
use super::profile::Profile;
use super::types::{Level, Period, Priority, SalaryTable};

/// Hours assumed to learn a technology whose catalog entry gives no
/// `effort_hours`: about one working week of focused study.
pub const DEFAULT_EFFORT_HOURS: f64 = 40.0;

/// Where a plan starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanFrom {
    /// The technologies the person marked as known.
    MySkills,
    /// A role the person is in: its stack, plus what they marked as known.
    Role(RoleIdx),
}

/// Technologies to learn in one category.
#[derive(Debug, Clone, PartialEq)]
pub struct LearnGroup {
    /// Catalog category, or "Other".
    pub category: String,
    /// Technologies, core first.
    pub techs: Vec<(TechId, Priority)>,
}

/// One figure compared between the two roles.
#[derive(Debug, Clone, PartialEq)]
pub struct PayDelta {
    /// E.g. "All levels · median" or "Senior · min".
    pub label: String,
    /// The starting role's figure.
    pub from: f64,
    /// The target role's figure.
    pub to: f64,
}

/// Pay compared in one currency and period.
#[derive(Debug, Clone, PartialEq)]
pub struct PayComparison {
    /// ISO code.
    pub currency: String,
    /// Period of both tables.
    pub period: Period,
    /// Region of the starting role's table.
    pub from_region: String,
    /// Region of the target's table.
    pub to_region: String,
    /// Figures present in both.
    pub deltas: Vec<PayDelta>,
}

/// A whole plan.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    /// Target technologies already covered.
    pub carries_over: Vec<(TechId, Priority)>,
    /// Target technologies to learn, by category.
    pub to_learn: Vec<LearnGroup>,
    /// Technologies of the starting role the target does not list.
    pub not_needed: Vec<TechId>,
    /// Core technologies to learn.
    pub core_gap: Vec<TechId>,
    /// Estimated hours to learn the core gap.
    pub core_gap_hours: f64,
    /// Pay compared, when both roles have tables in one currency and period.
    pub pay: Option<PayComparison>,
}

impl Plan {
    /// Weeks to cover the core gap at `hours_per_week` (an estimate).
    #[must_use]
    pub fn weeks(&self, hours_per_week: f64) -> Option<f64> {
        (hours_per_week > 0.0).then(|| self.core_gap_hours / hours_per_week)
    }
}

/// Builds the plan from `from` to `to` for `profile`.
#[must_use]
pub fn plan(catalog: &Catalog, profile: &Profile, from: PlanFrom, to: RoleIdx) -> Plan {
    let credit = credits(catalog, profile);
    let mut known: HashSet<TechId> = (0..catalog.techs.len())
        .filter(|&i| credit[i] >= 1.0)
        .map(TechId)
        .collect();
    let from_stack: Vec<TechId> = match from {
        PlanFrom::MySkills => Vec::new(),
        PlanFrom::Role(r) => catalog.role(r).techs().map(|i| i.tech).collect(),
    };
    known.extend(from_stack.iter().copied());

    let target = catalog.role(to);
    let target_techs: HashSet<TechId> = target.techs().map(|i| i.tech).collect();
    let mut carries_over = Vec::new();
    let mut missing: Vec<(TechId, Priority)> = Vec::new();
    for item in target.techs() {
        if known.contains(&item.tech) {
            carries_over.push((item.tech, item.priority));
        } else {
            missing.push((item.tech, item.priority));
        }
    }
    let mut to_learn: Vec<LearnGroup> = Vec::new();
    for (tech, priority) in &missing {
        let category = catalog
            .tech(*tech)
            .category
            .clone()
            .unwrap_or_else(|| "Other".to_string());
        match to_learn.iter_mut().find(|g| g.category == category) {
            Some(g) => g.techs.push((*tech, *priority)),
            None => to_learn.push(LearnGroup {
                category,
                techs: vec![(*tech, *priority)],
            }),
        }
    }
    for g in &mut to_learn {
        g.techs.sort_by_key(|(_, p)| *p);
    }
    // Groups with core work first, then by name.
    to_learn.sort_by(|a, b| {
        let core = |g: &LearnGroup| !g.techs.iter().any(|(_, p)| *p == Priority::Core);
        core(a)
            .cmp(&core(b))
            .then_with(|| a.category.cmp(&b.category))
    });
    let core_gap: Vec<TechId> = missing
        .iter()
        .filter(|(_, p)| *p == Priority::Core)
        .map(|(t, _)| *t)
        .collect();
    let core_gap_hours = core_gap
        .iter()
        .map(|t| {
            catalog
                .tech(*t)
                .effort_hours
                .unwrap_or(DEFAULT_EFFORT_HOURS)
        })
        .sum();
    let not_needed = from_stack
        .into_iter()
        .filter(|t| !target_techs.contains(t))
        .collect();
    let pay = match from {
        PlanFrom::Role(r) => compare_pay(&catalog.role(r).role.salary, &target.role.salary),
        PlanFrom::MySkills => None,
    };
    Plan {
        carries_over,
        to_learn,
        not_needed,
        core_gap,
        core_gap_hours,
        pay,
    }
}

/// Compares the first pair of tables that share currency and period (same
/// region preferred), figure by figure, matching levels by name.
#[must_use]
pub fn compare_pay(from: &[SalaryTable], to: &[SalaryTable]) -> Option<PayComparison> {
    let same = |a: &SalaryTable, b: &SalaryTable| a.currency == b.currency && a.period == b.period;
    let pair = from
        .iter()
        .flat_map(|a| to.iter().map(move |b| (a, b)))
        .filter(|(a, b)| same(a, b))
        // `max_by_key` keeps the last of equal keys; reversed, the first pair
        // in the files' order wins, so a role's leading table is compared.
        .rev()
        .max_by_key(|(a, b)| {
            // Prefer the same region, then tables whose levels match.
            let levels = a
                .levels
                .iter()
                .filter(|l| {
                    b.levels
                        .iter()
                        .any(|m| m.level.eq_ignore_ascii_case(&l.level))
                })
                .count();
            (a.region == b.region, levels > 0)
        })?;
    let (a, b) = pair;
    let mut deltas = Vec::new();
    for la in &a.levels {
        let Some(lb) = b
            .levels
            .iter()
            .find(|l| l.level.eq_ignore_ascii_case(&la.level))
        else {
            continue;
        };
        for ((name, va), (_, vb)) in la.figures().iter().zip(lb.figures()) {
            if let (Some(x), Some(y)) = (va, vb) {
                deltas.push(PayDelta {
                    label: format!("{} · {}", la.level, figure_label(name)),
                    from: *x,
                    to: y,
                });
            }
        }
    }
    if deltas.is_empty() {
        // No level in common: compare the medians of the whole tables.
        if let (Some(x), Some(y)) = (table_median(a), table_median(b)) {
            deltas.push(PayDelta {
                label: "median of the table".into(),
                from: x,
                to: y,
            });
        }
    }
    (!deltas.is_empty()).then(|| PayComparison {
        currency: a.currency.clone(),
        period: a.period,
        from_region: a.region.clone(),
        to_region: b.region.clone(),
        deltas,
    })
}

fn table_median(t: &SalaryTable) -> Option<f64> {
    let mut m: Vec<f64> = t.levels.iter().filter_map(|l: &Level| l.median).collect();
    m.sort_by(f64::total_cmp);
    m.get(m.len() / 2).copied()
}

/// "median", "10th percentile", …
#[must_use]
pub fn figure_label(field: &str) -> &'static str {
    match field {
        "min" => "minimum",
        "p10" => "10th percentile",
        "p25" => "25th percentile",
        "median" => "median",
        "p75" => "75th percentile",
        "p90" => "90th percentile",
        _ => "maximum",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::profile::Proficiency;

    fn catalog() -> Catalog {
        let json = r#"{"format":"career-atlas/1","name":"t",
          "technologies":[
            {"id":"go","name":"Go","category":"Language"},
            {"id":"k8s","name":"Kubernetes","category":"Infrastructure","effort_hours":80},
            {"id":"tf","name":"Terraform","category":"Infrastructure"},
            {"id":"pg","name":"PostgreSQL","category":"Database"}],
          "roles":[
            {"id":"backend","title":"Backend","stack":{"L":["Go","PostgreSQL"]},
             "salary":[{"region":"US","currency":"USD","levels":[{"level":"All levels","p10":50,"median":90,"p90":160}]}]},
            {"id":"devops","title":"DevOps","stack":{"P":["Go","Kubernetes",{"name":"Terraform","priority":"common"}]},
             "salary":[{"region":"US","currency":"USD","levels":[{"level":"All levels","p10":80,"median":130,"p90":210}]},
                       {"region":"DE","currency":"EUR","levels":[{"level":"Junior","min":40}]}]}
          ]}"#;
        crate::model::catalog::test_catalog(json)
    }

    #[test]
    fn from_a_role_carries_its_stack_over_and_lists_the_rest() {
        let cat = catalog();
        let p = plan(
            &cat,
            &Profile::default(),
            PlanFrom::Role(RoleIdx(0)),
            RoleIdx(1),
        );
        let names = |v: &[TechId]| {
            v.iter()
                .map(|t| cat.tech(*t).name.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            names(&p.carries_over.iter().map(|x| x.0).collect::<Vec<_>>()),
            ["Go"]
        );
        assert_eq!(p.to_learn.len(), 1);
        assert_eq!(p.to_learn[0].category, "Infrastructure");
        assert_eq!(
            names(&p.to_learn[0].techs.iter().map(|x| x.0).collect::<Vec<_>>()),
            ["Kubernetes", "Terraform"]
        );
        assert_eq!(names(&p.not_needed), ["PostgreSQL"]);
        // Kubernetes (core) has its own effort; Terraform is common, not in the core gap.
        assert_eq!(names(&p.core_gap), ["Kubernetes"]);
        assert_eq!(p.core_gap_hours, 80.0);
        assert_eq!(p.weeks(10.0), Some(8.0));
        assert_eq!(p.weeks(0.0), None);
    }

    #[test]
    fn from_my_skills_uses_the_profile_and_the_default_effort() {
        let cat = catalog();
        let mut prof = Profile::default();
        prof.set_level(
            cat.tech(cat.find_tech("kubernetes").unwrap()),
            Proficiency::AtWork,
        );
        let p = plan(&cat, &prof, PlanFrom::MySkills, RoleIdx(1));
        assert_eq!(p.core_gap.len(), 1, "Go is still to learn");
        assert_eq!(p.core_gap_hours, DEFAULT_EFFORT_HOURS);
        assert!(p.not_needed.is_empty());
        assert!(p.pay.is_none());
    }

    #[test]
    fn pay_is_compared_figure_by_figure_in_one_currency() {
        let cat = catalog();
        let p = plan(
            &cat,
            &Profile::default(),
            PlanFrom::Role(RoleIdx(0)),
            RoleIdx(1),
        );
        let pay = p.pay.unwrap();
        assert_eq!(pay.currency, "USD");
        let median = pay
            .deltas
            .iter()
            .find(|d| d.label == "All levels · median")
            .unwrap();
        assert_eq!((median.from, median.to), (90.0, 130.0));
        assert_eq!(pay.deltas.len(), 3);
    }

    #[test]
    fn no_shared_currency_means_no_pay_comparison() {
        let a = SalaryTable {
            region: "DE".into(),
            currency: "EUR".into(),
            period: Period::Year,
            source: None,
            as_of: None,
            note: None,
            levels: vec![Level {
                level: "J".into(),
                min: Some(1.0),
                ..Level::default()
            }],
        };
        let mut b = a.clone();
        b.currency = "USD".into();
        assert!(compare_pay(&[a], &[b]).is_none());
    }
}
