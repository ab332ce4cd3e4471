//! Editorial checks for a curated dataset such as the bundled one: depth of
//! every role, a catalog that resolves every stack entry exactly once, sourced
//! salary tables, and no text copied between roles. These go beyond the file
//! format (which user files must meet) to what the app promises its readers.

use std::collections::HashMap;

use super::format::rules::{Shape, check_dataset};
use super::format::{ReadContext, TechNames};
use super::types::{Dataset, Role, TechStatus};
use crate::json::path::{Seg, render};

/// Fewest roles and catalog technologies in a curated dataset.
const DATASET_BAR: [(&str, usize); 2] = [("roles", 30), ("catalog technologies", 150)];

/// Fewest of each in every curated role, in the order of [`role_counts`].
const ROLE_BAR: [(&str, usize); 6] = [
    ("description paragraphs", 2),
    ("responsibilities", 5),
    ("day-in-the-life entries", 3),
    ("stack groups", 4),
    ("technologies", 12),
    ("related roles", 3),
];

/// Every problem found, one sentence each, naming the role: every error and
/// warning of the format's own rules (checked here on the model, so the lint
/// never relies on how the dataset was read), then the editorial checks.
#[must_use]
pub fn lint_dataset(ds: &Dataset) -> Vec<String> {
    let mut problems: Vec<String> = check_dataset(ds, Shape::Dataset, None, ReadContext::default())
        .into_iter()
        .map(|f| match f.path.as_slice() {
            [Seg::Key(k), Seg::Index(i), rest @ ..] if k == "roles" => {
                format!("{} {}: {}", ds.roles[*i].id, render(rest), f.message)
            }
            path => format!("{}: {}", render(path), f.message),
        })
        .collect();
    at_least(
        "",
        &DATASET_BAR,
        [ds.roles.len(), ds.technologies.len()],
        &mut problems,
    );
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
        role_depth(role, &mut problems);
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

/// "`{prefix}{n} {what}; at least {min} expected`" for each count below its bar.
fn at_least<const N: usize>(
    prefix: &str,
    bar: &[(&str, usize); N],
    counts: [usize; N],
    problems: &mut Vec<String>,
) {
    for (&(what, min), n) in bar.iter().zip(counts).filter(|((_, min), n)| n < min) {
        problems.push(format!("{prefix}{n} {what}; at least {min} expected"));
    }
}

fn role_depth(role: &Role, problems: &mut Vec<String>) {
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
    at_least(&format!("{id}: "), &ROLE_BAR, role_counts(role), problems);
}

/// How many of each [`ROLE_BAR`] counts `role` has.
fn role_counts(role: &Role) -> [usize; 6] {
    [
        paragraphs_of(role).count(),
        role.responsibilities.len(),
        role.day_in_the_life.len(),
        role.stack.len(),
        role.stack.iter().map(|g| g.items.len()).sum(),
        role.related.len(),
    ]
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
