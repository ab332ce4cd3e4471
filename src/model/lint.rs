//! Editorial checks for a curated dataset such as the bundled one: depth of
//! every role, a catalog that resolves every stack entry exactly once, sourced
//! salary tables, and no text copied between roles. These go beyond the file
//! format (which user files must meet) to what the app promises its readers.

use std::collections::HashMap;

use super::format::rules::{Shape, check_dataset};
use super::format::{ReadContext, TechNames};
use super::types::{Dataset, Role, TechStatus};
use crate::json::path::{Seg, render};

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

/// Every problem found, one sentence each, naming the role: every error and
/// warning of the format's own rules (checked here on the model, so the lint
/// never relies on how the dataset was read), then the editorial checks.
#[must_use]
pub fn lint_dataset(ds: &Dataset, depth: Depth) -> Vec<String> {
    let mut problems: Vec<String> = check_dataset(ds, Shape::Dataset, None, ReadContext::default())
        .into_iter()
        .map(|f| match f.path.as_slice() {
            [Seg::Key(k), Seg::Index(i), rest @ ..] if k == "roles" => {
                format!("{} {}: {}", ds.roles[*i].id, render(rest), f.message)
            }
            path => format!("{}: {}", render(path), f.message),
        })
        .collect();
    let whole = [
        ("roles", ds.roles.len(), depth.roles),
        ("catalog technologies", ds.technologies.len(), depth.catalog),
    ];
    at_least("", &whole, &mut problems);
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
    let (names, _) = TechNames::new(&ds.technologies);
    let mut paragraphs: HashMap<String, &str> = HashMap::new();
    for role in &ds.roles {
        let id = &role.id;
        role_depth(role, depth, &mut problems);
        for group in &role.stack {
            for item in group
                .items
                .iter()
                .filter(|t| names.resolve(&t.name).is_none())
            {
                let (name, group) = (&item.name, &group.name);
                problems.push(format!(
                    "{id}: \"{name}\" in {group} is not in the technology catalog"
                ));
            }
        }
        if role.salary.is_empty() && role.salary_note.is_none() {
            problems.push(format!(
                "{id}: no salary table and no salary_note saying why"
            ));
        }
        for (i, t) in role.salary.iter().enumerate() {
            if t.source.as_deref().is_none_or(|s| s.trim().is_empty()) {
                problems.push(format!("{id}: salary[{i}] has no source"));
            }
        }
        for p in paragraphs_of(role) {
            let key = normalise(p);
            if key.len() < 40 {
                continue;
            }
            if let Some(other) = paragraphs.insert(key, id)
                && other != id
            {
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
    let technologies = role.stack.iter().map(|g| g.items.len()).sum();
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
        ("technologies", technologies, depth.technologies),
        ("related roles", role.related.len(), depth.related),
    ];
    at_least(&format!("{id}: "), &counts, problems);
}

fn paragraphs_of(role: &Role) -> impl Iterator<Item = &str> {
    let text = role.description.as_deref().unwrap_or("");
    text.split("\n\n").map(str::trim).filter(|p| !p.is_empty())
}

fn normalise(p: &str) -> String {
    p.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}
