//! "Save as role file…": roles written back out as a `career-atlas/1` file
//! that validates and imports on its own — a whole dataset as it is, or some
//! of its roles with the catalog entries and exchange rates they need and the
//! source attributions of the datasets they came from.

use std::collections::HashSet;
use std::sync::Arc;

use super::format::{TechNames, name_key};
use super::types::{Dataset, Role, Technology};

/// A role id taken by roles of two datasets: the later one's new id in the
/// file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenamedId {
    /// The id as the role's own dataset has it.
    pub from: String,
    /// Its id in the file.
    pub to: String,
    /// The name of the role's dataset.
    pub dataset: String,
}

/// A role file built by [`roles_file`], with the ids it had to rename.
#[derive(Debug, Clone)]
pub struct RoleFile {
    /// The dataset to write.
    pub dataset: Dataset,
    /// Ids renamed to keep them unique, in file order; empty when none were.
    pub renamed: Vec<RenamedId>,
}

/// "2 role ids were in more than one dataset and are renamed in the file:
/// “r” of “B” is “r-b”, …", or `None` when none were.
#[must_use]
pub fn describe_renamed(renamed: &[RenamedId]) -> Option<String> {
    const SHOWN: usize = 5;
    let (first, rest) = renamed.split_at(renamed.len().min(SHOWN));
    let mut items: Vec<String> = first
        .iter()
        .map(|r| format!("“{}” of “{}” is “{}”", r.from, r.dataset, r.to))
        .collect();
    if !rest.is_empty() {
        items.push(format!("and {} more", rest.len()));
    }
    let n = renamed.len();
    (n > 0).then(|| {
        format!(
            "{n} role {} in more than one dataset, so {} renamed in the file to keep ids unique: {}.",
            if n == 1 { "id was" } else { "ids were" },
            if n == 1 { "it is" } else { "they are" },
            items.join(", ")
        )
    })
}

/// Roles taken from one dataset, in the order they are to be written.
#[derive(Debug, Clone)]
pub struct Part {
    /// The dataset the roles belong to (its metadata, catalog and rates).
    pub dataset: Dataset,
    /// The roles to write.
    pub roles: Vec<Arc<Role>>,
}

/// A dataset named `name` holding the roles of `parts`, in order. It carries:
/// - the catalog entries the roles' stacks name, looked up first in the
///   role's own dataset, then in `others` (the other loaded datasets, whose
///   entries gave those names their identity on screen); an entry whose names
///   clash with one already taken is left out, so the file stays valid;
/// - the first exchange rates among the parts when any role has a salary
///   table (rates convert every table, so they are kept whole);
/// - the metadata and attributions of the datasets the roles came from:
///   taken as they are from a single dataset, and joined (distinct values,
///   "; ") across several, so no licence or source is lost.
///
/// A role id taken twice (two datasets with the same id) is renamed, since
/// ids are unique in a file: the later role takes its dataset's name as a
/// suffix (`backend` of "Game Studios" → `backend-game-studios`), or `-2`,
/// `-3`… when that is no id or is taken too; its own dataset's `related`
/// links follow it. The renames are returned and written at the end of the
/// file's description, so nobody is left to wonder where an id went.
#[must_use]
pub fn roles_file(name: &str, parts: &[Part], others: &[Dataset]) -> RoleFile {
    let mut out = super::format::bare_dataset(name, Vec::new());
    let parts: Vec<&Part> = parts.iter().filter(|p| !p.roles.is_empty()).collect();
    if let [only] = parts.as_slice() {
        let d = &only.dataset;
        out.description.clone_from(&d.description);
        out.author.clone_from(&d.author);
        out.version.clone_from(&d.version);
        out.as_of.clone_from(&d.as_of);
    } else {
        out.author = joined(parts.iter().map(|p| p.dataset.author.as_deref()));
    }
    out.license = joined(parts.iter().map(|p| p.dataset.license.as_deref()));
    out.source = joined(parts.iter().map(|p| p.dataset.source.as_deref()));
    out.attribution = joined(parts.iter().map(|p| p.dataset.attribution.as_deref()));
    for p in &parts {
        for s in &p.dataset.sources {
            if !out.sources.contains(s) {
                out.sources.push(s.clone());
            }
        }
    }

    let mut taken_ids: HashSet<String> = HashSet::new();
    let mut taken_names: HashSet<String> = HashSet::new();
    let other_names: Vec<(&Dataset, TechNames<'_>)> = others
        .iter()
        .map(|d| (d, TechNames::new(&d.technologies).0))
        .collect();
    let mut renamed: Vec<RenamedId> = Vec::new();
    for p in &parts {
        let first_of_part = out.roles.len();
        let renamed_before = renamed.len();
        let own = TechNames::new(&p.dataset.technologies).0;
        for role in &p.roles {
            for item in role.stack.iter().flat_map(|g| &g.items) {
                let entry = own
                    .resolve(&item.name)
                    .map(|i| &p.dataset.technologies[i])
                    .or_else(|| {
                        other_names.iter().find_map(|(d, names)| {
                            names.resolve(&item.name).map(|i| &d.technologies[i])
                        })
                    });
                if let Some(t) = entry {
                    add_entry(&mut out.technologies, &mut taken_names, t);
                }
            }
            let mut role = Arc::clone(role);
            if !taken_ids.insert(role.id.clone()) {
                let id = free_id(&role.id, &p.dataset.name, &taken_ids);
                taken_ids.insert(id.clone());
                renamed.push(RenamedId {
                    from: role.id.clone(),
                    to: id.clone(),
                    dataset: p.dataset.name.clone(),
                });
                Arc::make_mut(&mut role).id = id;
            }
            out.roles.push(role);
        }
        // Links between the part's own roles follow a renamed id.
        let part_renames = &renamed[renamed_before..];
        for role in &mut out.roles[first_of_part..] {
            if role
                .related
                .iter()
                .any(|id| part_renames.iter().any(|r| &r.from == id))
            {
                for id in &mut Arc::make_mut(role).related {
                    if let Some(r) = part_renames.iter().find(|r| &r.from == id) {
                        id.clone_from(&r.to);
                    }
                }
            }
        }
        if out.exchange_rates.is_none() && p.roles.iter().any(|r| !r.salary.is_empty()) {
            out.exchange_rates.clone_from(&p.dataset.exchange_rates);
        }
    }
    if let Some(note) = describe_renamed(&renamed) {
        out.description = Some(match out.description.take() {
            Some(d) if !d.trim().is_empty() => format!("{d}\n\n{note}"),
            _ => note,
        });
    }
    RoleFile {
        dataset: out,
        renamed,
    }
}

/// A new id for `id` of the dataset `dataset`, unlike every one `taken`:
/// suffixed with the dataset's name in id letters, else a number.
fn free_id(id: &str, dataset: &str, taken: &HashSet<String>) -> String {
    let words: Vec<String> = dataset
        .to_ascii_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    let named = format!("{id}-{}", words.join("-"));
    if !words.is_empty() && super::format::is_valid_id(&named) && !taken.contains(&named) {
        return named;
    }
    // One of taken.len() + 1 numbers is free.
    (2..taken.len() + 3)
        .map(|n| format!("{id}-{n}"))
        .find(|id| !taken.contains(id))
        .unwrap_or_default()
}

/// Adds a catalog entry unless one of its names is taken already (the same
/// entry met again, or another that claims the name first).
fn add_entry(list: &mut Vec<Technology>, taken: &mut HashSet<String>, t: &Technology) {
    let names: Vec<String> = std::iter::once(&t.id)
        .chain(std::iter::once(&t.name))
        .chain(&t.aliases)
        .map(|n| name_key(n).into_owned())
        .collect();
    if names.iter().any(|n| taken.contains(n)) {
        return;
    }
    taken.extend(names);
    list.push(t.clone());
}

/// Distinct non-empty values, in order, joined with "; "; `None` if none.
fn joined<'a>(values: impl Iterator<Item = Option<&'a str>>) -> Option<String> {
    let mut seen: Vec<&str> = Vec::new();
    for v in values.flatten() {
        if !v.trim().is_empty() && !seen.contains(&v) {
            seen.push(v);
        }
    }
    (!seen.is_empty()).then(|| seen.join("; "))
}

/// The bytes of a role file: pretty JSON with a final newline, fields in
/// the order `data/FORMAT.md` lists them.
///
/// # Errors
/// Never for a dataset the reader produced; a serializer error otherwise.
pub fn encode(dataset: &Dataset) -> Result<Vec<u8>, String> {
    let mut bytes = serde_json::to_vec_pretty(dataset).map_err(|e| e.to_string())?;
    bytes.push(b'\n');
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ReadContext, read_dataset};

    fn ds(json: &str) -> Dataset {
        let out = read_dataset("x", json.as_bytes(), ReadContext::default());
        out.dataset
            .unwrap_or_else(|| panic!("{:?}", out.diagnostics))
    }

    #[test]
    fn a_role_takes_the_entries_and_rates_it_needs_and_the_attribution() {
        let a = ds(
            r#"{"format":"career-atlas/1","name":"A","license":"CC BY 4.0",
            "attribution":"Text by A","sources":[{"name":"BLS"}],
            "technologies":[{"id":"pg","name":"PostgreSQL","aliases":["Postgres"]},
                            {"id":"go","name":"Go"}],
            "exchange_rates":{"base":"USD","rates":{"EUR":0.9}},
            "roles":[{"id":"r","title":"R","stack":{"DB":["Postgres"]},
              "salary":[{"region":"US","currency":"USD","levels":[{"level":"All","median":1}]}]},
              {"id":"s","title":"S","stack":{"L":["Go"]}}]}"#,
        );
        let b = ds(r#"{"format":"career-atlas/1","name":"B","license":"ODbL",
            "technologies":[{"id":"k8s","name":"Kubernetes"}],
            "roles":[{"id":"r","title":"R2","stack":{"Ops":["Kubernetes","Go"]}}]}"#);
        let one = roles_file(
            "One",
            &[Part {
                dataset: a.clone(),
                roles: vec![Arc::clone(&a.roles[0])],
            }],
            &[],
        )
        .dataset;
        assert_eq!(one.technologies.len(), 1, "only PostgreSQL is needed");
        assert_eq!(one.technologies[0].id, "pg");
        assert!(one.exchange_rates.is_some());
        assert_eq!(one.attribution.as_deref(), Some("Text by A"));
        assert_eq!(one.sources.len(), 1);

        let both = roles_file(
            "Both",
            &[
                Part {
                    dataset: a.clone(),
                    roles: vec![Arc::clone(&a.roles[1])],
                },
                Part {
                    dataset: b.clone(),
                    roles: b.roles.clone(),
                },
            ],
            std::slice::from_ref(&a),
        );
        assert!(both.renamed.is_empty());
        let both = both.dataset;
        let ids: Vec<&str> = both.roles.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["s", "r"]);
        let techs: Vec<&str> = both.technologies.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(techs, ["go", "k8s"], "Go is taken once");
        assert_eq!(both.license.as_deref(), Some("CC BY 4.0; ODbL"));
        assert!(both.exchange_rates.is_none(), "no role has a salary table");

        let twice = roles_file(
            "Twice",
            &[
                Part {
                    dataset: a.clone(),
                    roles: vec![Arc::clone(&a.roles[0])],
                },
                Part {
                    dataset: b.clone(),
                    roles: b.roles.clone(),
                },
            ],
            &[],
        );
        let twice = twice.dataset;
        assert_eq!(twice.roles[1].id, "r-b", "ids stay unique in the file");

        for written in [one, both, twice] {
            // Saying what was renamed is no diagnostic of its own.
            let bytes = encode(&written).unwrap();
            let back = read_dataset("other", &bytes, ReadContext::default());
            assert!(back.diagnostics.is_empty(), "{:?}", back.diagnostics);
            assert_eq!(back.dataset.as_ref(), Some(&written));
        }
    }

    #[test]
    fn clashing_ids_are_renamed_after_their_dataset_and_the_file_says_so() {
        let a = ds(
            r#"{"format":"career-atlas/1","name":"Studio A","description":"Ours.",
            "roles":[{"id":"dev","title":"Dev A"},{"id":"lead","title":"Lead A","related":["dev"]}]}"#,
        );
        let b = ds(r#"{"format":"career-atlas/1","name":"Studio B",
            "roles":[{"id":"dev","title":"Dev B"},{"id":"lead","title":"Lead B","related":["dev"]}]}"#);
        let c = ds(r#"{"format":"career-atlas/1","name":"工作室",
            "roles":[{"id":"dev","title":"Dev C"}]}"#);
        let part = |d: &Dataset| Part {
            dataset: d.clone(),
            roles: d.roles.clone(),
        };
        let file = roles_file("Mixed", &[part(&a), part(&b), part(&c)], &[]);
        let ids: Vec<&str> = file.dataset.roles.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(
            ids,
            ["dev", "lead", "dev-studio-b", "lead-studio-b", "dev-2"],
            "named after the dataset, or numbered when its name has no id letters"
        );
        // B's lead still links to B's dev; A's to A's.
        assert_eq!(file.dataset.roles[3].related, ["dev-studio-b"]);
        assert_eq!(file.dataset.roles[1].related, ["dev"]);
        assert_eq!(file.renamed.len(), 3);
        assert_eq!(
            file.renamed[0],
            RenamedId {
                from: "dev".into(),
                to: "dev-studio-b".into(),
                dataset: "Studio B".into()
            }
        );
        let note = describe_renamed(&file.renamed).unwrap();
        assert!(
            note.starts_with("3 role ids were in more than one dataset, so they are renamed in the file to keep ids unique: “dev” of “Studio B” is “dev-studio-b”"),
            "{note}"
        );
        let description = file.dataset.description.as_deref().unwrap();
        assert!(description.ends_with(&note), "{description}");
        assert_eq!(describe_renamed(&[]), None);
        let bytes = encode(&file.dataset).unwrap();
        let back = read_dataset("other", &bytes, ReadContext::default());
        assert_eq!(back.error_count(), 0, "{:?}", back.diagnostics);
    }
}
