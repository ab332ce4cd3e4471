//! Which technology a name means. One rule for the reader's duplicate check,
//! the data lint and the catalog: a name, id or alias matches when it is equal
//! after trimming surrounding spaces and folding case.

use std::borrow::Cow;
use std::collections::HashMap;

use crate::model::types::Technology;

/// The form names are compared in: trimmed, lower case. Borrows when the name
/// is already in that form (the usual case), so checking a large file does
/// not allocate per stack entry.
#[must_use]
pub fn name_key(name: &str) -> Cow<'_, str> {
    let t = name.trim();
    if t.bytes().any(|b| !b.is_ascii() || b.is_ascii_uppercase()) {
        Cow::Owned(t.to_lowercase())
    } else {
        Cow::Borrowed(t)
    }
}

/// A name claimed by two catalog entries (indices into the catalog).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clash<'a> {
    /// The name as the later entry writes it.
    pub name: &'a str,
    /// The entry that claimed it first.
    pub first: usize,
    /// The entry that claims it again.
    pub second: usize,
}

/// What a stack entry names: a catalog entry, or a technology of its own.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Identity<'a> {
    /// Index of the catalog entry.
    Entry(usize),
    /// A name no entry knows, in [`name_key`] form.
    Name(Cow<'a, str>),
}

/// The ids, names and aliases of a list of catalog entries, by [`name_key`].
#[derive(Debug, Default, Clone)]
pub struct TechNames<'a> {
    by_key: HashMap<Cow<'a, str>, usize>,
    /// The same entries by the names as the catalog writes them: a stack
    /// entry is nearly always written so, and is then found without being
    /// folded into a new string.
    as_written: HashMap<&'a str, usize>,
}

impl<'a> TechNames<'a> {
    /// Indexes `techs`; a name claimed by two entries stays with the first and
    /// is reported as a clash. An entry naming itself twice is no clash.
    #[must_use]
    pub fn new(techs: &'a [Technology]) -> (Self, Vec<Clash<'a>>) {
        let mut by_key = HashMap::new();
        let mut clashes = Vec::new();
        for (i, t) in techs.iter().enumerate() {
            for n in std::iter::once(&t.id)
                .chain(std::iter::once(&t.name))
                .chain(&t.aliases)
            {
                let first = *by_key.entry(name_key(n)).or_insert(i);
                if first != i {
                    clashes.push(Clash {
                        name: n,
                        first,
                        second: i,
                    });
                }
            }
        }
        let as_written = techs
            .iter()
            .flat_map(|t| [&t.id, &t.name].into_iter().chain(&t.aliases))
            .filter_map(|n| Some((n.as_str(), *by_key.get(name_key(n).as_ref())?)))
            .collect();
        (Self { by_key, as_written }, clashes)
    }

    /// The catalog entry `name` means, if any.
    #[must_use]
    pub fn resolve(&self, name: &str) -> Option<usize> {
        match self.as_written.get(name) {
            Some(&i) => Some(i),
            None => self.by_key.get(name_key(name).as_ref()).copied(),
        }
    }

    /// The technology `name` means.
    #[must_use]
    pub fn identity<'n>(&self, name: &'n str) -> Identity<'n> {
        if let Some(&i) = self.as_written.get(name) {
            return Identity::Entry(i);
        }
        let key = name_key(name);
        match self.by_key.get(key.as_ref()) {
            Some(&i) => Identity::Entry(i),
            None => Identity::Name(key),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tech(id: &str, name: &str, aliases: &[&str]) -> Technology {
        Technology {
            id: id.into(),
            name: name.into(),
            category: None,
            aliases: aliases.iter().map(|a| (*a).to_string()).collect(),
            hot: false,
            description: None,
            effort_hours: None,
            url: None,
            status: None,
        }
    }

    #[test]
    fn names_match_trimmed_and_case_folded() {
        let techs = [tech("postgresql", "PostgreSQL", &["Postgres"])];
        let (names, clashes) = TechNames::new(&techs);
        assert!(clashes.is_empty());
        assert_eq!(names.resolve(" postgres "), Some(0));
        assert_eq!(names.identity("Go "), names.identity("go"));
        assert_eq!(names.identity("POSTGRESQL"), Identity::Entry(0));
    }

    #[test]
    fn a_name_claimed_twice_is_a_clash() {
        let techs = [tech("a", "A", &["x"]), tech("b", "B", &["X", "b"])];
        let (_, clashes) = TechNames::new(&techs);
        assert_eq!(
            clashes,
            [Clash {
                name: "X",
                first: 0,
                second: 1
            }]
        );
    }
}
