//! The catalog: every loaded dataset merged into one list of roles, with one
//! identity per technology across all of them.
//!
//! A technology's identity is found through every name it goes by: catalog ids,
//! names and aliases from any dataset, and the names written in stacks, all
//! compared case-insensitively. "Postgres" in one file and "`PostgreSQL`" in
//! another are one technology as soon as any catalog says so, and ticking it
//! once ticks it everywhere.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use super::format::name_key;
use super::types::{Dataset, Priority, Role, TechStatus, Technology};

/// Index of a technology in [`Catalog::techs`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TechId(pub usize);

/// Index of a role in [`Catalog::roles`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RoleIdx(pub usize);

/// Where a dataset came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DatasetOrigin {
    /// Embedded in the app.
    Bundled,
    /// Imported by the person.
    Imported {
        /// The file it was imported from, exactly as the system names it.
        source_file: std::path::PathBuf,
        /// When it was imported (RFC 3339 or `YYYY-MM-DD`).
        imported_at: String,
    },
}

/// A dataset as loaded into the catalog.
#[derive(Debug, Clone)]
pub struct LoadedDataset {
    /// The dataset itself.
    pub dataset: Dataset,
    /// Bundled or imported.
    pub origin: DatasetOrigin,
    /// Hidden datasets contribute no roles to lists or search.
    pub visible: bool,
}

/// What the app knows of one technology.
#[derive(Debug, Clone)]
pub struct TechInfo {
    /// Stable key used by the skill profile: the catalog id when one exists,
    /// else the lower-cased name.
    pub key: String,
    /// Display name.
    pub name: String,
    /// Category from a catalog, if any.
    pub category: Option<String>,
    /// One line from a catalog, if any.
    pub description: Option<String>,
    /// Flagged as in demand by a catalog.
    pub hot: bool,
    /// Every other name it goes by.
    pub aliases: Vec<String>,
    /// Hours to learn it, from a catalog that gives them.
    pub effort_hours: Option<f64>,
    /// Its official site or documentation, from a catalog that gives one
    /// (checked as `http`/`https` by the format).
    pub url: Option<String>,
    /// Active, deprecated or discontinued, from a catalog that says so.
    pub status: Option<TechStatus>,
}

impl TechInfo {
    /// What stands where the official site would be, for a technology
    /// without `url`: "No official site: " and the reason its category gives
    /// ([`no_address_reason`]), or a plain "No official site in the catalog."
    /// when the category gives none. `None` when it has an address.
    #[must_use]
    pub fn no_address_note(&self) -> Option<String> {
        if self.url.is_some() {
            return None;
        }
        Some(match no_address_reason(self.category.as_deref()) {
            Some(reason) => format!("No official site: {reason}."),
            None => "No official site in the catalog.".to_owned(),
        })
    }
}

/// Why an entry of `category` has no official site: the kinds of thing no
/// single owner publishes (data/FORMAT.md, "No official site"). Categories
/// are compared ignoring case and surrounding spaces; any other category, or
/// none, gives `None`, since a missing address there may just be missing.
#[must_use]
pub fn no_address_reason(category: Option<&str>) -> Option<&'static str> {
    let category = category?.trim();
    let reasons = [
        ("Concept & practice", "a concept or practice, not a product"),
        ("Instrument", "a kind of instrument that many makers build"),
        (
            "Hardware interface",
            "a convention chip makers follow, with no published standard",
        ),
    ];
    reasons
        .iter()
        .find(|(c, _)| c.eq_ignore_ascii_case(category))
        .map(|(_, reason)| *reason)
}

/// One technology of a role's stack, resolved.
#[derive(Debug, Clone)]
pub struct StackItem {
    /// The technology.
    pub tech: TechId,
    /// How much the role relies on it.
    pub priority: Priority,
    /// The role's remark on it.
    pub note: Option<String>,
}

/// One group of a role's stack, resolved.
#[derive(Debug, Clone)]
pub struct ResolvedGroup {
    /// Group name as written.
    pub name: String,
    /// Its technologies, duplicates within the role removed.
    pub items: Vec<StackItem>,
}

/// A role with its dataset and resolved stack.
#[derive(Debug, Clone)]
pub struct RoleEntry {
    /// Index into [`Catalog::datasets`].
    pub dataset: usize,
    /// The role as read, shared with its dataset.
    pub role: Arc<Role>,
    /// Its stack with technology identities.
    pub stack: Vec<ResolvedGroup>,
}

impl RoleEntry {
    /// Every technology of the role, in stack order.
    pub fn techs(&self) -> impl Iterator<Item = &StackItem> {
        self.stack.iter().flat_map(|g| g.items.iter())
    }
}

/// A role's address that survives reloads: dataset name and role id.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct RoleKey {
    /// Name of the dataset.
    pub dataset: String,
    /// Role id within it.
    pub id: String,
}

/// All loaded datasets, merged.
#[derive(Debug, Clone, Default)]
pub struct Catalog {
    /// Loaded datasets, bundled first.
    pub datasets: Vec<LoadedDataset>,
    /// Roles of the visible datasets, in dataset then file order.
    pub roles: Vec<RoleEntry>,
    /// Every technology named anywhere.
    pub techs: Vec<TechInfo>,
    lookup: HashMap<String, TechId>,
    roles_by_key: HashMap<(String, String), RoleIdx>,
    roles_using: Vec<Vec<RoleIdx>>,
}

impl Catalog {
    /// Builds the catalog over `datasets`.
    #[must_use]
    pub fn new(datasets: Vec<LoadedDataset>) -> Self {
        let mut cat = Self {
            datasets,
            ..Self::default()
        };
        // Catalog entries first, so stacks resolve to them whatever the order.
        let datasets = std::mem::take(&mut cat.datasets);
        for ds in &datasets {
            for t in &ds.dataset.technologies {
                cat.add_technology(t);
            }
        }
        cat.datasets = datasets;
        let mut roles = Vec::new();
        for (di, ds) in cat.datasets.iter().enumerate() {
            if !ds.visible {
                continue;
            }
            for role in &ds.dataset.roles {
                roles.push((di, Arc::clone(role)));
            }
        }
        for (di, role) in roles {
            let stack = cat.resolve_stack(&role);
            let idx = RoleIdx(cat.roles.len());
            cat.roles_by_key
                .entry((cat.datasets[di].dataset.name.clone(), role.id.clone()))
                .or_insert(idx);
            cat.roles.push(RoleEntry {
                dataset: di,
                role,
                stack,
            });
        }
        cat.roles_using = vec![Vec::new(); cat.techs.len()];
        for (ri, entry) in cat.roles.iter().enumerate() {
            for item in entry.techs() {
                cat.roles_using[item.tech.0].push(RoleIdx(ri));
            }
        }
        cat
    }

    fn add_technology(&mut self, t: &Technology) {
        // Name and aliases before the id: an alias written like the id
        // ("T-SQL" for `t-sql`) is kept as an alias, which the recogniser
        // reads (hyphenated ids themselves are not searched for).
        let names = std::iter::once(&t.name)
            .chain(&t.aliases)
            .chain(std::iter::once(&t.id));
        let existing = names
            .clone()
            .find_map(|n| self.lookup.get(name_key(n).as_ref()).copied());
        let id = if let Some(id) = existing {
            let info = &mut self.techs[id.0];
            info.hot |= t.hot;
            if info.category.is_none() {
                info.category.clone_from(&t.category);
            }
            if info.description.is_none() {
                info.description.clone_from(&t.description);
            }
            if info.effort_hours.is_none() {
                info.effort_hours = t.effort_hours;
            }
            if info.url.is_none() {
                info.url.clone_from(&t.url);
            }
            if info.status.is_none() {
                info.status = t.status;
            }
            id
        } else {
            let id = TechId(self.techs.len());
            self.techs.push(TechInfo {
                key: t.id.to_lowercase(),
                name: t.name.clone(),
                category: t.category.clone(),
                description: t.description.clone(),
                hot: t.hot,
                aliases: Vec::new(),
                effort_hours: t.effort_hours,
                url: t.url.clone(),
                status: t.status,
            });
            id
        };
        for n in names {
            let key = name_key(n).into_owned();
            if let std::collections::hash_map::Entry::Vacant(e) = self.lookup.entry(key) {
                e.insert(id);
                let info = &mut self.techs[id.0];
                if *n != info.name && !info.aliases.iter().any(|a| a == n) && *n != t.id {
                    info.aliases.push(n.clone());
                }
            }
        }
    }

    fn tech_for_name(&mut self, name: &str) -> TechId {
        let lower = name_key(name).into_owned();
        if let Some(&id) = self.lookup.get(&lower) {
            return id;
        }
        let id = TechId(self.techs.len());
        self.techs.push(TechInfo {
            key: lower.clone(),
            name: name.trim().to_string(),
            category: None,
            description: None,
            hot: false,
            aliases: Vec::new(),
            effort_hours: None,
            url: None,
            status: None,
        });
        self.lookup.insert(lower, id);
        id
    }

    fn resolve_stack(&mut self, role: &Role) -> Vec<ResolvedGroup> {
        let mut seen = HashSet::new();
        role.stack
            .iter()
            .map(|g| ResolvedGroup {
                name: g.name.clone(),
                items: g
                    .items
                    .iter()
                    .filter_map(|r| {
                        let tech = self.tech_for_name(&r.name);
                        seen.insert(tech).then(|| StackItem {
                            tech,
                            priority: r.priority,
                            note: r.note.clone(),
                        })
                    })
                    .collect(),
            })
            .collect()
    }

    /// The technology a name, id or alias means, if any dataset names it.
    #[must_use]
    pub fn find_tech(&self, name: &str) -> Option<TechId> {
        self.lookup.get(name_key(name).as_ref()).copied()
    }

    /// The technology's information.
    #[must_use]
    pub fn tech(&self, id: TechId) -> &TechInfo {
        &self.techs[id.0]
    }

    /// A role by index.
    #[must_use]
    pub fn role(&self, idx: RoleIdx) -> &RoleEntry {
        &self.roles[idx.0]
    }

    /// The stable key of a role.
    #[must_use]
    pub fn role_key(&self, idx: RoleIdx) -> RoleKey {
        let e = self.role(idx);
        RoleKey {
            dataset: self.datasets[e.dataset].dataset.name.clone(),
            id: e.role.id.clone(),
        }
    }

    /// Finds a role by its stable key.
    #[must_use]
    pub fn find_role(&self, key: &RoleKey) -> Option<RoleIdx> {
        self.roles_by_key
            .get(&(key.dataset.clone(), key.id.clone()))
            .copied()
    }

    /// Resolves a `related` id of `from`: its own dataset first, then any other.
    #[must_use]
    pub fn resolve_related(&self, from: RoleIdx, id: &str) -> Option<RoleIdx> {
        let own = &self.datasets[self.role(from).dataset].dataset.name;
        self.roles_by_key
            .get(&(own.clone(), id.to_string()))
            .copied()
            .or_else(|| self.roles.iter().position(|e| e.role.id == id).map(RoleIdx))
    }

    /// Roles whose stack lists the technology.
    #[must_use]
    pub fn roles_using(&self, tech: TechId) -> &[RoleIdx] {
        self.roles_using.get(tech.0).map_or(&[], Vec::as_slice)
    }

    /// Every role id defined by a loaded dataset (for the `related` warning).
    #[must_use]
    pub fn role_ids(&self) -> HashSet<String> {
        self.datasets
            .iter()
            .flat_map(|d| d.dataset.roles.iter().map(|r| r.id.clone()))
            .collect()
    }

    /// The name of the dataset a role comes from.
    #[must_use]
    pub fn dataset_name(&self, idx: RoleIdx) -> &str {
        &self.datasets[self.role(idx).dataset].dataset.name
    }

    /// True when the role comes from the bundled dataset.
    #[must_use]
    pub fn is_bundled(&self, idx: RoleIdx) -> bool {
        self.datasets[self.role(idx).dataset].origin == DatasetOrigin::Bundled
    }
}

/// A catalog of one bundled dataset read from `json`, for unit tests.
#[cfg(test)]
pub(crate) fn test_catalog(json: &str) -> Catalog {
    let out = crate::model::format::read_dataset(
        "test",
        json.as_bytes(),
        crate::model::format::ReadContext::default(),
    );
    let Some(dataset) = out.dataset else {
        panic!("test fixture is invalid: {:#?}", out.diagnostics);
    };
    Catalog::new(vec![LoadedDataset {
        dataset,
        origin: DatasetOrigin::Bundled,
        visible: true,
    }])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::format::{ReadContext, read_dataset};

    fn load(name: &str, json: &str) -> LoadedDataset {
        let out = read_dataset(name, json.as_bytes(), ReadContext::default());
        LoadedDataset {
            dataset: out.dataset.expect("fixture is valid"),
            origin: DatasetOrigin::Bundled,
            visible: true,
        }
    }

    #[test]
    fn aliases_from_one_dataset_unify_names_in_another() {
        let a = load(
            "a",
            r#"{"format":"career-atlas/1","name":"a",
                "technologies":[{"id":"postgresql","name":"PostgreSQL","aliases":["Postgres"]}],
                "roles":[{"id":"x","title":"X","stack":{"DB":["PostgreSQL"]}}]}"#,
        );
        let b = load(
            "b",
            r#"[{"id":"y","title":"Y","stack":{"Databases":["postgres", "Kafka"]}}]"#,
        );
        let cat = Catalog::new(vec![a, b]);
        let pg = cat.find_tech("POSTGRES").expect("resolves");
        assert_eq!(cat.tech(pg).name, "PostgreSQL");
        assert_eq!(cat.tech(pg).key, "postgresql");
        assert_eq!(cat.roles_using(pg).len(), 2);
        let kafka = cat
            .find_tech("kafka")
            .expect("stack-only names get an identity");
        assert_eq!(cat.tech(kafka).key, "kafka");
    }

    #[test]
    fn related_ids_resolve_in_their_own_dataset_first() {
        let a = load(
            "a",
            r#"[{"id":"x","title":"X in A","related":["y"]},{"id":"y","title":"Y in A"}]"#,
        );
        let b = load("b", r#"[{"id":"y","title":"Y in B","related":["x"]}]"#);
        let cat = Catalog::new(vec![a, b]);
        let xa = RoleIdx(0);
        let yb = RoleIdx(2);
        assert_eq!(
            cat.role(cat.resolve_related(xa, "y").unwrap()).role.title,
            "Y in A"
        );
        assert_eq!(
            cat.role(cat.resolve_related(yb, "x").unwrap()).role.title,
            "X in A"
        );
        assert!(cat.resolve_related(xa, "nope").is_none());
    }

    #[test]
    fn hidden_datasets_contribute_no_roles() {
        let mut a = load("a", r#"[{"id":"x","title":"X"}]"#);
        a.visible = false;
        let b = load("b", r#"[{"id":"y","title":"Y"}]"#);
        let cat = Catalog::new(vec![a, b]);
        assert_eq!(cat.roles.len(), 1);
        assert_eq!(cat.roles[0].role.id, "y");
    }

    #[test]
    fn duplicate_technology_in_one_role_is_listed_once() {
        let a = load(
            "a",
            r#"{"format":"career-atlas/1","name":"a",
                "technologies":[{"id":"k8s","name":"Kubernetes","aliases":["k8s"]}],
                "roles":[{"id":"x","title":"X","stack":{"A":["Kubernetes"],"B":["k8s"]}}]}"#,
        );
        let cat = Catalog::new(vec![a]);
        assert_eq!(cat.roles[0].techs().count(), 1);
    }

    #[test]
    fn an_entry_without_an_address_says_why_from_its_category() {
        let a = load(
            "a",
            r#"{"format":"career-atlas/1","name":"a",
                "technologies":[
                  {"id":"ddd","name":"DDD","category":" concept & PRACTICE "},
                  {"id":"scope","name":"Scope","category":"Instrument"},
                  {"id":"spi","name":"SPI","category":"Hardware interface"},
                  {"id":"tool","name":"Tool","category":"Testing"},
                  {"id":"site","name":"Site","category":"Instrument","url":"https://example.org/"}],
                "roles":[{"id":"x","title":"X","stack":{"A":["DDD","Scope","SPI","Tool","Site","Unknown"]}}]}"#,
        );
        let cat = Catalog::new(vec![a]);
        let note = |name: &str| cat.tech(cat.find_tech(name).unwrap()).no_address_note();
        assert_eq!(
            note("DDD").as_deref(),
            Some("No official site: a concept or practice, not a product.")
        );
        assert_eq!(
            note("Scope").as_deref(),
            Some("No official site: a kind of instrument that many makers build.")
        );
        assert!(note("SPI").unwrap().contains("no published standard"));
        // A category that gives no reason, or none at all: the address may
        // just be missing, and the note says no more than that.
        assert_eq!(
            note("Tool").as_deref(),
            Some("No official site in the catalog.")
        );
        assert_eq!(
            note("Unknown").as_deref(),
            Some("No official site in the catalog.")
        );
        assert_eq!(note("Site"), None);
    }
}
