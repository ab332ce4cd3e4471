//! Markdown for notes apps and printing: a role, a transition plan, or the
//! skill profile, with `- [x]` checklists.

use std::fmt::Write as _;

use super::catalog::{Catalog, RoleIdx};
use super::money::format_full;
use super::pay_index::PayIndex;
use super::pay_label::{describe, statistic_label};
use super::plan::{Plan, PlanFrom};
use super::profile::{Proficiency, Profile};

fn check(ticked: bool) -> &'static str {
    if ticked { "- [x]" } else { "- [ ]" }
}

/// A role page: summary, responsibilities, the stack as a checklist, and
/// the salary tables most telling first, as the role page orders them
/// (`pay` built from `catalog`), each saying which table it is.
#[must_use]
pub fn role(catalog: &Catalog, pay: &PayIndex, profile: &Profile, idx: RoleIdx) -> String {
    let entry = catalog.role(idx);
    let r = &entry.role;
    let mut md = format!("# {}\n\n", r.title);
    if let Some(c) = &r.category {
        let _ = writeln!(md, "*{c}*\n");
    }
    if let Some(s) = &r.summary {
        let _ = writeln!(md, "{s}\n");
    }
    if !r.responsibilities.is_empty() {
        md.push_str("## Responsibilities\n\n");
        for x in &r.responsibilities {
            let _ = writeln!(md, "- {x}");
        }
        md.push('\n');
    }
    let progress = profile.role_progress(catalog, entry);
    let _ = writeln!(md, "## Technology stack ({})\n", progress.label());
    for g in &entry.stack {
        let _ = writeln!(md, "### {}\n", g.name);
        for item in &g.items {
            let t = catalog.tech(item.tech);
            let _ = write!(
                md,
                "{} {} ({})",
                check(profile.is_ticked(t)),
                t.name,
                item.priority.label().to_lowercase()
            );
            if let Some(n) = &item.note {
                let _ = write!(md, " — {n}");
            }
            md.push('\n');
        }
        md.push('\n');
    }
    let order = pay.order(idx);
    if let Some(&lead) = order.first() {
        md.push_str("## Salary\n\n");
        let _ = writeln!(
            md,
            "The most telling table first (the one the role page shows): {}.\n",
            describe(&r.salary[lead])
        );
        for (n, &i) in order.iter().enumerate() {
            let t = &r.salary[i];
            if n == 1 {
                md.push_str("### Other tables\n\n");
            }
            let _ = writeln!(
                md,
                "**{} · {} · {} · {}** — source: {}; as of: {}\n",
                t.region,
                t.currency,
                t.period.per(),
                statistic_label(t),
                t.source.as_deref().unwrap_or("not stated"),
                t.as_of.as_deref().unwrap_or("not stated")
            );
            for l in &t.levels {
                let figures: Vec<String> = l
                    .figures()
                    .iter()
                    .filter_map(|(k, v)| v.map(|v| format!("{k} {}", format_full(v, &t.currency))))
                    .collect();
                let plus = if l.open_ended {
                    " (top figure and above)"
                } else {
                    ""
                };
                let _ = writeln!(md, "- {}: {}{plus}", l.level, figures.join(", "));
            }
            md.push('\n');
        }
    }
    md
}

/// A transition plan.
#[must_use]
pub fn plan(
    catalog: &Catalog,
    plan: &Plan,
    from: PlanFrom,
    to: RoleIdx,
    hours_per_week: f64,
) -> String {
    let from_name = match from {
        PlanFrom::MySkills => "my skills".to_string(),
        PlanFrom::Role(r) => catalog.role(r).role.title.clone(),
    };
    let to_name = &catalog.role(to).role.title;
    let mut md = format!("# From {from_name} to {to_name}\n\n");
    md.push_str("## Carries over\n\n");
    for (t, p) in &plan.carries_over {
        let _ = writeln!(
            md,
            "- [x] {} ({})",
            catalog.tech(*t).name,
            p.label().to_lowercase()
        );
    }
    md.push_str("\n## To learn\n\n");
    for g in &plan.to_learn {
        let _ = writeln!(md, "### {}\n", g.category);
        for (t, p) in &g.techs {
            let _ = writeln!(
                md,
                "- [ ] {} ({})",
                catalog.tech(*t).name,
                p.label().to_lowercase()
            );
        }
        md.push('\n');
    }
    if !plan.not_needed.is_empty() {
        md.push_str("## Not needed in the new role\n\n");
        for t in &plan.not_needed {
            let _ = writeln!(md, "- {}", catalog.tech(*t).name);
        }
        md.push('\n');
    }
    if let Some(weeks) = plan.weeks(hours_per_week) {
        let _ = writeln!(
            md,
            "**Estimate:** about {:.0} hours for the {} core technologies to learn, so roughly {weeks:.0} weeks at {hours_per_week:.0} hours a week. This is a rough estimate, not a promise.\n",
            plan.core_gap_hours,
            plan.core_gap.len()
        );
    }
    if let Some(pay) = &plan.pay {
        let _ = writeln!(md, "## Pay ({}, {})\n", pay.currency, pay.period.per());
        for d in &pay.deltas {
            let _ = writeln!(
                md,
                "- {}: {} → {}",
                d.label,
                format_full(d.from, &pay.currency),
                format_full(d.to, &pay.currency)
            );
        }
    }
    md
}

/// The skill profile, by proficiency.
#[must_use]
pub fn profile(catalog: &Catalog, profile: &Profile) -> String {
    let mut md = String::from("# My skills\n\n");
    for level in Proficiency::ALL.iter().rev() {
        let mut names: Vec<(String, Option<String>)> = profile
            .skills
            .iter()
            .filter(|(_, s)| s.level == *level && *level != Proficiency::NotYet)
            .map(|(key, s)| {
                let name = catalog
                    .find_tech(key)
                    .map(|t| catalog.tech(t).name.clone())
                    .or_else(|| s.name.clone())
                    .unwrap_or_else(|| key.clone());
                (name, s.note.clone())
            })
            .collect();
        if names.is_empty() {
            continue;
        }
        names.sort();
        let _ = writeln!(md, "## {}\n", level.label());
        for (name, note) in names {
            let _ = write!(md, "{} {name}", check(level.is_ticked()));
            if let Some(n) = note {
                let _ = write!(md, " — {}", n.replace('\n', "; "));
            }
            md.push('\n');
        }
        md.push('\n');
    }
    md
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_markdown_checks_what_is_ticked() {
        let cat = crate::model::catalog::test_catalog(
            r#"[{"id":"a","title":"A","stack":{"Languages":["Go","Rust"]},
                 "salary":[{"region":"US","currency":"USD","source":"S","levels":[{"level":"Senior","min":195000,"open_ended":true}]}]}]"#,
        );
        let mut p = Profile::default();
        p.set_ticked(cat.tech(cat.find_tech("go").unwrap()), true);
        let md = role(&cat, &PayIndex::new(&cat), &p, RoleIdx(0));
        assert!(md.contains("- [x] Go (core)"), "{md}");
        assert!(md.contains("- [ ] Rust (core)"), "{md}");
        assert!(md.contains("Core: 1 of 2 · All: 1 of 2"));
        assert!(
            md.contains("- Senior: min $195,000 (top figure and above)"),
            "{md}"
        );
        let prof = profile(&cat, &p);
        assert!(prof.contains("## Used it\n\n- [x] Go"), "{prof}");
    }

    #[test]
    fn role_markdown_leads_with_the_most_telling_table_and_names_it() {
        // The first table in the file is one figure for all workers; the
        // second has levels, so it is the most telling and comes first.
        let cat = crate::model::catalog::test_catalog(
            r#"[{"id":"a","title":"A",
                 "salary":[{"region":"US","currency":"USD","source":"BLS OEWS May 2025, SOC 15-1252","as_of":"2025-05",
                            "levels":[{"level":"All","p10":80000,"p25":100000,"median":130000,"p75":160000,"p90":200000}]},
                           {"region":"Berlin","currency":"USD","source":"Guide 2024","as_of":"2024",
                            "levels":[{"level":"Junior","min":50000,"max":60000},{"level":"Senior","min":90000,"max":120000}]}]}]"#,
        );
        let md = role(&cat, &PayIndex::new(&cat), &Profile::default(), RoleIdx(0));
        let lead = "The most telling table first (the one the role page shows): Berlin · pay ranges by level · source: Guide 2024 · as of: 2024.";
        assert!(md.contains(lead), "{md}");
        let guide = md
            .find("**Berlin · USD · per year · pay ranges by level**")
            .unwrap();
        let others = md.find("### Other tables").unwrap();
        let bls = md
            .find("**US · USD · per year · BLS percentiles of wages of all workers (not experience levels)**")
            .unwrap();
        assert!(guide < others && others < bls, "{md}");
        assert!(md.contains("- Junior: min $50,000, max $60,000"), "{md}");
    }
}
