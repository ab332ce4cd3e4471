//! Editorial checks for a curated dataset such as the bundled one: depth of
//! every role, a catalog that resolves every stack entry exactly once, sourced
//! salary tables, and no text copied between roles. These go beyond the file
//! format (which user files must meet) to what the app promises its readers.

use std::collections::{HashMap, HashSet};

use super::format::TechNames;
use super::types::{Dataset, Role, TechStatus};

/// The depth every curated role must reach.
#[derive(Debug, Clone, Copy)]
pub struct Depth {
    /// Fewest roles in the dataset.
    pub roles: usize,
    /// Fewest paragraphs of description.
    pub paragraphs: usize,
    /// Fewest responsibilities.
    pub responsibilities: usize,
    /// Fewest "day in the life" entries.
    pub day_entries: usize,
    /// Fewest stack groups.
    pub stack_groups: usize,
    /// Fewest technologies in the stack.
    pub technologies: usize,
    /// Fewest related roles.
    pub related: usize,
    /// Fewest catalog entries.
    pub catalog: usize,
}

/// The bar the bundled dataset meets.
pub const BUNDLED_DEPTH: Depth = Depth {
    roles: 30,
    paragraphs: 2,
    responsibilities: 5,
    day_entries: 3,
    stack_groups: 4,
    technologies: 12,
    related: 3,
    catalog: 150,
};

/// Every problem found, one sentence each, naming the role.
#[must_use]
pub fn lint_dataset(ds: &Dataset, depth: Depth) -> Vec<String> {
    let mut problems = Vec::new();
    if ds.roles.len() < depth.roles {
        problems.push(format!(
            "{} roles; at least {} expected",
            ds.roles.len(),
            depth.roles
        ));
    }
    if ds.technologies.len() < depth.catalog {
        problems.push(format!(
            "{} catalog technologies; at least {} expected",
            ds.technologies.len(),
            depth.catalog
        ));
    }
    let names = catalog_names(ds, &mut problems);
    let ids: HashSet<&str> = ds.roles.iter().map(|r| r.id.as_str()).collect();
    let mut paragraphs: HashMap<String, &str> = HashMap::new();
    for role in &ds.roles {
        role_depth(role, depth, &mut problems);
        role_stack(role, &names, &mut problems);
        for rel in &role.related {
            if !ids.contains(rel.as_str()) {
                problems.push(format!(
                    "{}: related id \"{rel}\" is not a role of the dataset",
                    role.id
                ));
            }
        }
        role_salary(role, &mut problems);
        for p in paragraphs_of(role) {
            let key = normalise(p);
            if key.len() < 40 {
                continue;
            }
            if let Some(other) = paragraphs.insert(key, &role.id)
                && other != role.id
            {
                problems.push(format!(
                    "{}: a description paragraph is copied from {other}",
                    role.id
                ));
            }
        }
    }
    problems
}

/// The catalog's names; reports names claimed by two entries, and
/// discontinued entries flagged hot.
fn catalog_names<'d>(ds: &'d Dataset, problems: &mut Vec<String>) -> TechNames<'d> {
    let (names, clashes) = TechNames::new(&ds.technologies);
    for c in clashes {
        problems.push(format!(
            "catalog: \"{}\" names both {} and {}",
            c.name, ds.technologies[c.first].id, ds.technologies[c.second].id
        ));
    }
    for t in &ds.technologies {
        // "In demand" for a product nobody can buy any more misleads a
        // person choosing what to learn.
        if t.hot && t.status == Some(TechStatus::Discontinued) {
            problems.push(format!(
                "catalog: {} is discontinued but flagged hot",
                t.name
            ));
        }
    }
    names
}

fn role_depth(role: &Role, depth: Depth, problems: &mut Vec<String>) {
    let id = &role.id;
    let mut need = |ok: bool, what: String| {
        if !ok {
            problems.push(format!("{id}: {what}"));
        }
    };
    need(role.category.is_some(), "no category".into());
    need(
        role.summary
            .as_deref()
            .is_some_and(|s| !s.trim().is_empty()),
        "no summary".into(),
    );
    let paragraphs = paragraphs_of(role).count();
    need(
        paragraphs >= depth.paragraphs,
        format!(
            "{paragraphs} description paragraphs; at least {} expected",
            depth.paragraphs
        ),
    );
    need(
        role.responsibilities.len() >= depth.responsibilities,
        format!(
            "{} responsibilities; at least {} expected",
            role.responsibilities.len(),
            depth.responsibilities
        ),
    );
    need(
        role.day_in_the_life.len() >= depth.day_entries,
        format!(
            "{} day-in-the-life entries; at least {} expected",
            role.day_in_the_life.len(),
            depth.day_entries
        ),
    );
    need(
        role.education
            .as_deref()
            .is_some_and(|s| !s.trim().is_empty()),
        "no education".into(),
    );
    need(
        role.stack.len() >= depth.stack_groups,
        format!(
            "{} stack groups; at least {} expected",
            role.stack.len(),
            depth.stack_groups
        ),
    );
    let techs: usize = role.stack.iter().map(|g| g.items.len()).sum();
    need(
        techs >= depth.technologies,
        format!(
            "{techs} technologies; at least {} expected",
            depth.technologies
        ),
    );
    need(
        role.related.len() >= depth.related,
        format!(
            "{} related roles; at least {} expected",
            role.related.len(),
            depth.related
        ),
    );
}

fn role_stack(role: &Role, names: &TechNames<'_>, problems: &mut Vec<String>) {
    let mut seen = HashSet::new();
    for group in &role.stack {
        for item in &group.items {
            match names.resolve(&item.name) {
                None => problems.push(format!(
                    "{}: \"{}\" in {} is not in the technology catalog",
                    role.id, item.name, group.name
                )),
                Some(i) => {
                    if !seen.insert(i) {
                        problems.push(format!(
                            "{}: \"{}\" appears twice in the stack",
                            role.id, item.name
                        ));
                    }
                }
            }
        }
    }
}

fn role_salary(role: &Role, problems: &mut Vec<String>) {
    if role.salary.is_empty() && role.salary_note.is_none() {
        problems.push(format!(
            "{}: no salary table and no salary_note saying why",
            role.id
        ));
    }
    for (i, t) in role.salary.iter().enumerate() {
        if t.source.as_deref().is_none_or(|s| s.trim().is_empty()) {
            problems.push(format!("{}: salary[{i}] has no source", role.id));
        }
        for level in &t.levels {
            let given: Vec<f64> = level.figures().iter().filter_map(|(_, v)| *v).collect();
            if given.windows(2).any(|w| w[0] > w[1]) {
                problems.push(format!(
                    "{}: salary[{i}] level \"{}\" has figures out of order",
                    role.id, level.level
                ));
            }
        }
    }
}

fn paragraphs_of(role: &Role) -> impl Iterator<Item = &str> {
    role.description
        .as_deref()
        .unwrap_or("")
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
}

fn normalise(p: &str) -> String {
    p.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}
