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
    let whole = [
        ("roles", ds.roles.len(), depth.roles),
        ("catalog technologies", ds.technologies.len(), depth.catalog),
    ];
    at_least("", &whole, &mut problems);
    let (names, clashes) = TechNames::new(&ds.technologies);
    for c in clashes {
        let (a, b) = (&ds.technologies[c.first].id, &ds.technologies[c.second].id);
        problems.push(format!("catalog: \"{}\" names both {a} and {b}", c.name));
    }
    for t in ds.technologies.iter().filter(|t| t.hot) {
        // "In demand" for a product nobody can buy any more misleads a
        // person choosing what to learn.
        if t.status == Some(TechStatus::Discontinued) {
            problems.push(format!(
                "catalog: {} is discontinued but flagged hot",
                t.name
            ));
        }
    }
    let ids: HashSet<&str> = ds.roles.iter().map(|r| r.id.as_str()).collect();
    let mut paragraphs: HashMap<String, &str> = HashMap::new();
    for role in &ds.roles {
        role_depth(role, depth, &mut problems);
        role_stack(role, &names, &mut problems);
        for rel in role.related.iter().filter(|r| !ids.contains(r.as_str())) {
            let id = &role.id;
            problems.push(format!(
                "{id}: related id \"{rel}\" is not a role of the dataset"
            ));
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
                let id = &role.id;
                problems.push(format!(
                    "{id}: a description paragraph is copied from {other}"
                ));
            }
        }
    }
    problems
}

/// "`{prefix}{n} {what}; at least {min} expected`" for each count below its minimum.
fn at_least(prefix: &str, counts: &[(&str, usize, usize)], problems: &mut Vec<String>) {
    for &(what, n, min) in counts.iter().filter(|(_, n, min)| n < min) {
        problems.push(format!("{prefix}{n} {what}; at least {min} expected"));
    }
}

fn role_depth(role: &Role, depth: Depth, problems: &mut Vec<String>) {
    let id = &role.id;
    let text = |s: &Option<String>| s.as_deref().is_some_and(|s| !s.trim().is_empty());
    let given = [
        ("category", role.category.is_some()),
        ("summary", text(&role.summary)),
        ("education", text(&role.education)),
    ];
    for (what, _) in given.iter().filter(|(_, ok)| !ok) {
        problems.push(format!("{id}: no {what}"));
    }
    let counts = [
        (
            "description paragraphs",
            paragraphs_of(role).count(),
            depth.paragraphs,
        ),
        (
            "responsibilities",
            role.responsibilities.len(),
            depth.responsibilities,
        ),
        (
            "day-in-the-life entries",
            role.day_in_the_life.len(),
            depth.day_entries,
        ),
        ("stack groups", role.stack.len(), depth.stack_groups),
        (
            "technologies",
            role.stack.iter().map(|g| g.items.len()).sum(),
            depth.technologies,
        ),
        ("related roles", role.related.len(), depth.related),
    ];
    at_least(&format!("{id}: "), &counts, problems);
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
