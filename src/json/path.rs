//! JSON paths (`roles[3].salary[0].levels[1].min`) and finding the value a
//! path names in a syntax tree.

use std::fmt::Write as _;

use jsonc_parser::ast::Value;
use jsonc_parser::common::Ranged;

/// One step of a JSON path.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Seg {
    /// A field or map key.
    Key(String),
    /// An array index.
    Index(usize),
}

/// `roles[3].stack["Message queues"][0]`: plain keys after a dot, other keys
/// quoted in brackets; empty for the whole document.
#[must_use]
pub fn render(path: &[Seg]) -> String {
    let plain = |k: &str| {
        !k.is_empty()
            && k.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"_$".contains(&b))
    };
    let mut out = String::new();
    for seg in path {
        let _ = match seg {
            Seg::Index(i) => write!(out, "[{i}]"),
            Seg::Key(k) if plain(k) => write!(out, "{}{k}", if out.is_empty() { "" } else { "." }),
            Seg::Key(k) => write!(out, "[{}]", serde_json::Value::from(k.as_str())),
        };
    }
    out
}

/// The value at `path` under `root`, and the start of its key when the last
/// step is a key; `None` when the path leaves the tree. A key written twice
/// means its last value, as when reading.
pub fn locate<'v, 'a>(root: &'v Value<'a>, path: &[Seg]) -> Option<(&'v Value<'a>, Option<usize>)> {
    path.iter()
        .try_fold((root, None), |(node, _), seg| match (seg, node) {
            (Seg::Key(k), Value::Object(o)) => {
                let prop = o.properties.iter().rev().find(|p| p.name.as_str() == k)?;
                Some((&prop.value, Some(prop.name.start())))
            }
            (Seg::Index(i), Value::Array(a)) => Some((a.elements.get(*i)?, None)),
            _ => None,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_that_are_not_plain_words_are_quoted() {
        let p = [
            Seg::Key("stack".into()),
            Seg::Key("Message queues".into()),
            Seg::Index(0),
        ];
        assert_eq!(render(&p), "stack[\"Message queues\"][0]");
        assert_eq!(render(&[Seg::Index(2), Seg::Key("id".into())]), "[2].id");
    }

    #[test]
    fn plain_keys_follow_a_dot_unless_they_come_first() {
        let key = |k: &str| Seg::Key(k.into());
        assert_eq!(render(&[key("$schema")]), "$schema");
        assert_eq!(render(&[key("a"), key("b_1"), Seg::Index(0)]), "a.b_1[0]");
        assert_eq!(render(&[key(""), key("x")]), "[\"\"].x");
        assert_eq!(render(&[key("é"), key("a-b")]), "[\"é\"][\"a-b\"]");
        assert_eq!(render(&[]), "");
    }

    #[test]
    fn locate_takes_the_last_of_a_repeated_key_and_stops_where_the_tree_ends() {
        let text = r#"{"a": 1, "b": [true, {"c": null}], "a": "two"}"#;
        let root = crate::json::syntax::parse_tree(text).unwrap().unwrap();
        let key = |k: &str| Seg::Key(k.into());
        let (v, key_at) = locate(&root, &[key("a")]).unwrap();
        assert_eq!(
            (&text[v.start()..v.start() + 5], key_at),
            ("\"two\"", Some(35))
        );
        let (v, key_at) = locate(&root, &[key("b"), Seg::Index(1), key("c")]).unwrap();
        assert_eq!(
            (&text[v.start()..v.start() + 4], key_at),
            ("null", Some(22))
        );
        let (v, key_at) = locate(&root, &[key("b"), Seg::Index(0)]).unwrap();
        assert_eq!((v.start(), key_at), (15, None));
        assert_eq!(
            locate(&root, &[]).map(|(v, k)| (v.start(), k)),
            Some((0, None))
        );
        assert!(locate(&root, &[key("b"), Seg::Index(2)]).is_none());
        assert!(locate(&root, &[key("a"), key("x")]).is_none());
        assert!(locate(&root, &[Seg::Index(0)]).is_none());
    }
}
