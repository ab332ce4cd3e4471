//! Whose keys an object has: a role file's and a role's, or another
//! format's. Other formats share a few names with ours (`id`, `title`,
//! `name`, `description`), so those count for little; the keys only roles
//! and role files have (`stack`, `salary`, `roles`, …) count for much, and so
//! do the keys that give other formats their shape (`nodes`, `children`,
//! `edges`). A key a typo away from one of ours counts as ours, so a role
//! with misspelt fields keeps its field-level diagnostics.

/// Keys only a role file or a role has.
const DATASET_DISTINCT: &[&str] = &[
    "roles",
    "technologies",
    "exchange_rates",
    "as_of",
    "sources",
    "attribution",
];
/// Keys of a role file that other formats use as well.
const DATASET_SHARED: &[&str] = &[
    "format",
    "$schema",
    "name",
    "description",
    "author",
    "version",
    "license",
    "source",
];
/// Keys only a role has.
const ROLE_DISTINCT: &[&str] = &[
    "stack",
    "salary",
    "salary_note",
    "responsibilities",
    "day_in_the_life",
    "education",
    "outlook",
    "related",
];
/// Keys of a role that other formats use as well.
const ROLE_SHARED: &[&str] = &[
    "$schema",
    "id",
    "title",
    "category",
    "summary",
    "description",
    "links",
    "tags",
];
/// Keys that give roadmaps, mind maps and graphs their shape.
pub(super) const STRUCTURE: &[&str] = &["nodes", "children", "edges"];

/// What an object is checked against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Against {
    /// The top of a file: a dataset or a single role.
    FileTop,
    /// An element of a bare array: a role.
    Role,
}

/// How many keys of an object are ours, shared, or another format's.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(super) struct Evidence {
    /// Keys only a role file or role has (or a typo of one).
    pub distinct: usize,
    /// Keys of ours other formats use too.
    pub shared: usize,
    /// Keys that shape another format (`nodes`, `children`, `edges`).
    pub structure: usize,
    /// Any other key.
    pub foreign: usize,
}

impl Evidence {
    /// Sorts the keys of one object.
    pub(super) fn of<'k>(keys: impl IntoIterator<Item = &'k str>, against: Against) -> Self {
        let (distinct, shared): (&[&[&str]], &[&[&str]]) = match against {
            Against::Role => (&[ROLE_DISTINCT], &[ROLE_SHARED]),
            Against::FileTop => (
                &[DATASET_DISTINCT, ROLE_DISTINCT],
                &[DATASET_SHARED, ROLE_SHARED],
            ),
        };
        let is = |lists: &[&[&str]], k: &str| lists.iter().any(|l| l.contains(&k));
        let typo =
            |lists: &[&[&str]], k: &str| lists.iter().flat_map(|l| l.iter()).any(|o| typo_of(k, o));
        let mut ev = Self::default();
        for key in keys {
            if is(distinct, key) {
                ev.distinct += 1;
            } else if is(shared, key) {
                ev.shared += 1;
            } else if STRUCTURE.contains(&key) {
                ev.structure += 1;
            } else if typo(distinct, key) {
                ev.distinct += 1;
            } else if typo(shared, key) {
                ev.shared += 1;
            } else {
                ev.foreign += 1;
            }
        }
        ev
    }

    /// Ours outweighs theirs: a role or role file, maybe with mistakes, whose
    /// field-level diagnostics say what to fix. Where another format's
    /// structure shows, the shared names say nothing either way.
    pub(super) fn is_ours(self) -> bool {
        let ours = 2 * self.distinct + if self.structure > 0 { 0 } else { self.shared };
        let theirs = 2 * self.structure + self.foreign;
        ours > 0 && ours >= theirs
    }
}

/// `key` is a typo of `ours`: a letter off for a short key, two for a long
/// one. Stricter than the "did you mean" of diagnostics, where any near name
/// helps: here `min` must not pass for `id`.
fn typo_of(key: &str, ours: &str) -> bool {
    let allowed = if ours.len() < 6 { 1 } else { 2 };
    key.len() >= 3 && strsim::damerau_levenshtein(&key.to_lowercase(), ours) <= allowed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ours(keys: &[&str], against: Against) -> bool {
        Evidence::of(keys.iter().copied(), against).is_ours()
    }

    #[test]
    fn shared_names_do_not_make_a_role_of_another_format() {
        let top = Against::FileTop;
        assert!(!ours(&["id", "title", "nodes", "edges"], top));
        assert!(!ours(
            &["id", "title", "description", "related", "nodes", "edges"],
            top
        ));
        assert!(!ours(&["name", "children"], top));
        assert!(ours(&["id", "title"], top));
        assert!(ours(&["id", "title", "stack", "children"], top));
        assert!(ours(&["format", "name", "rolez"], top));
        assert!(ours(
            &["id", "title", "stack", "level", "team", "remote"],
            top
        ));
        let role = Against::Role;
        assert!(!ours(&["name", "url"], role));
        assert!(!ours(
            &["title", "category", "min", "max", "currency"],
            role
        ));
        assert!(!ours(&["name", "level"], role));
        assert!(ours(&["id", "titel", "stak"], role));
        assert!(ours(&["id", "title", "stack"], role));
    }
}
