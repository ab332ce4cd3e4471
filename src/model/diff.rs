//! What re-importing a dataset would change: roles added, changed and removed.

use super::types::Dataset;

/// Role-level differences between a loaded dataset and a new version of it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DatasetDiff {
    /// Titles of roles only in the new version.
    pub added: Vec<String>,
    /// Titles of roles in both whose content differs.
    pub changed: Vec<String>,
    /// Titles of roles only in the old version.
    pub removed: Vec<String>,
    /// Roles in both, unchanged.
    pub unchanged: usize,
    /// The dataset's own details that differ, as the person calls them
    /// ("name", "licence", "attribution", …), in the order of the format.
    pub details: Vec<&'static str>,
}

impl DatasetDiff {
    /// Compares `old` with `new` role by role (matched by id).
    #[must_use]
    pub fn between(old: &Dataset, new: &Dataset) -> Self {
        let mut diff = Self::default();
        for role in &new.roles {
            match old.roles.iter().find(|r| r.id == role.id) {
                None => diff.added.push(role.title.clone()),
                Some(prev) if prev != role => diff.changed.push(role.title.clone()),
                Some(_) => diff.unchanged += 1,
            }
        }
        for role in &old.roles {
            if !new.roles.iter().any(|r| r.id == role.id) {
                diff.removed.push(role.title.clone());
            }
        }
        let details: [(&'static str, bool); 11] = [
            ("name", old.name != new.name),
            ("description", old.description != new.description),
            ("author", old.author != new.author),
            ("version", old.version != new.version),
            ("licence", old.license != new.license),
            ("source", old.source != new.source),
            ("date", old.as_of != new.as_of),
            ("sources", old.sources != new.sources),
            ("attribution", old.attribution != new.attribution),
            ("technologies", old.technologies != new.technologies),
            ("exchange rates", old.exchange_rates != new.exchange_rates),
        ];
        diff.details = details
            .into_iter()
            .filter_map(|(what, differs)| differs.then_some(what))
            .collect();
        diff
    }

    /// True when nothing would change.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.added.is_empty()
            && self.changed.is_empty()
            && self.removed.is_empty()
            && self.details.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ReadContext, read_dataset};

    fn ds(json: &str) -> Dataset {
        read_dataset("x", json.as_bytes(), ReadContext::default())
            .dataset
            .unwrap()
    }

    #[test]
    fn reports_added_changed_removed() {
        let old = ds(
            r#"[{"id":"a","title":"A","stack":{}},{"id":"b","title":"B","stack":{}},{"id":"c","title":"C","stack":{}}]"#,
        );
        let new = ds(
            r#"[{"id":"a","title":"A","stack":{}},{"id":"b","title":"B2","stack":{}},{"id":"d","title":"D","stack":{}}]"#,
        );
        let d = DatasetDiff::between(&old, &new);
        assert_eq!(d.added, ["D"]);
        assert_eq!(d.changed, ["B2"]);
        assert_eq!(d.removed, ["C"]);
        assert_eq!(d.unchanged, 1);
        assert!(DatasetDiff::between(&old, &old).is_empty());
    }
}
