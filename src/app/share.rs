//! Sharing what an author made: File › New role file… (a starter file,
//! then watched), and "Save as role file…" for one role, the listed roles or
//! a whole dataset. Building and writing the file happen in jobs, off the
//! frame.

use std::sync::Arc;

use super::CareerAtlasApp;
use crate::model::catalog::DatasetOrigin;
use crate::model::export::{Part, RoleFile, roles_file};
use crate::model::{Dataset, RoleIdx};
use crate::ui::{Notice, RoleScope};

/// What a saved role file is called in notices.
const WHAT: &str = "the role file";

impl CareerAtlasApp {
    /// Asks where to create a starter role file; the job's answer imports it.
    pub(super) fn new_role_file(&mut self) {
        let taken = self
            .catalog
            .datasets
            .iter()
            .map(|d| d.dataset.name.clone())
            .collect();
        let started = self.jobs.new_role_file(Arc::clone(&self.picker), taken);
        self.tell_if_busy(started);
    }

    /// A file New just wrote: import it in watch mode, without a preview.
    pub(super) fn created(&mut self, made: crate::authoring::NewFile) {
        self.library.created.insert(made.file.clone());
        self.start_import(made.file);
    }

    /// Asks where to save the roles of `scope`, and writes them there.
    pub(super) fn save_roles(&mut self, scope: RoleScope) {
        let (name, file, parts, others) = match scope {
            RoleScope::Dataset(i) => {
                let Some(d) = self.catalog.datasets.get(i) else {
                    return;
                };
                let dataset = d.dataset.clone();
                let file = format!("{}.json", slug(&dataset.name));
                let started =
                    self.jobs
                        .save_roles(Arc::clone(&self.picker), WHAT, file, move || RoleFile {
                            dataset,
                            renamed: Vec::new(),
                        });
                self.tell_if_busy(started);
                return;
            }
            RoleScope::Role(role) => {
                let Some(entry) = self.catalog.roles.get(role.0) else {
                    return;
                };
                let title = entry.role.title.clone();
                let file = format!("{}.json", entry.role.id);
                let (parts, others) = self.parts(&[role]);
                (title, file, parts, others)
            }
            RoleScope::InView => {
                let roles = self.panels.role_list.order().to_vec();
                if roles.is_empty() {
                    self.notices
                        .push(Notice::warning("The list is empty: no role to save."));
                    return;
                }
                let query = self.settings.search.trim();
                let name = if query.is_empty() {
                    "Roles from Career Atlas".to_string()
                } else {
                    format!("Roles matching “{query}”")
                };
                let (parts, others) = self.parts(&roles);
                (name, "roles.json".to_string(), parts, others)
            }
        };
        let started = self
            .jobs
            .save_roles(Arc::clone(&self.picker), WHAT, file, move || {
                roles_file(&name, &parts, &others)
            });
        self.tell_if_busy(started);
    }

    /// The roles grouped by their dataset (in order of first appearance),
    /// and every other loaded dataset, whose catalogs may name their stacks.
    fn parts(&self, roles: &[RoleIdx]) -> (Vec<Part>, Vec<Dataset>) {
        let mut parts: Vec<(usize, Part)> = Vec::new();
        for r in roles {
            let Some(entry) = self.catalog.roles.get(r.0) else {
                continue;
            };
            let role = Arc::clone(&entry.role);
            if let Some((_, part)) = parts.iter_mut().find(|(d, _)| *d == entry.dataset) {
                part.roles.push(role);
            } else {
                let dataset = self.catalog.datasets[entry.dataset].dataset.clone();
                parts.push((
                    entry.dataset,
                    Part {
                        dataset,
                        roles: vec![role],
                    },
                ));
            }
        }
        let others = self
            .catalog
            .datasets
            .iter()
            .enumerate()
            .filter(|(i, _)| !parts.iter().any(|(d, _)| d == i))
            // Imported catalogs first: they are the author's own names.
            .filter(|(_, d)| d.origin != DatasetOrigin::Bundled)
            .chain(
                self.catalog
                    .datasets
                    .iter()
                    .enumerate()
                    .filter(|(_, d)| d.origin == DatasetOrigin::Bundled),
            )
            .map(|(_, d)| d.dataset.clone())
            .collect();
        (parts.into_iter().map(|(_, p)| p).collect(), others)
    }
}

/// A file name from a dataset name: lower case letters and digits joined by
/// dashes ("Game Studios (DE)" → "game-studios-de").
fn slug(name: &str) -> String {
    let s = name
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    if s.is_empty() { "roles".into() } else { s }
}
