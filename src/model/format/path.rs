//! JSON paths (`roles[3].salary[0].levels[1].min`) and finding the value a
//! path names in a syntax tree.

use std::fmt::Write as _;

use jsonc_parser::ast::Value;
use jsonc_parser::common::Ranged;

/// One step of a JSON path.
#[derive(Debug, Clone, PartialEq, Eq)]
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
    let mut out = String::new();
    for seg in path {
        match seg {
            Seg::Index(i) => {
                let _ = write!(out, "[{i}]");
            }
            Seg::Key(k) => {
                let plain = !k.is_empty()
                    && k.chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$');
                if plain {
                    if !out.is_empty() {
                        out.push('.');
                    }
                    out.push_str(k);
                } else {
                    let _ = write!(out, "[{}]", serde_json::Value::from(k.as_str()));
                }
            }
        }
    }
    out
}

/// The value at `path` under `root`, and the start of its key when the last
/// step is a key; `None` when the path leaves the tree. A key written twice
/// means its last value, as when reading.
pub fn locate<'v, 'a>(root: &'v Value<'a>, path: &[Seg]) -> Option<(&'v Value<'a>, Option<usize>)> {
    let mut node = root;
    let mut key_at = None;
    for seg in path {
        match (seg, node) {
            (Seg::Key(k), Value::Object(o)) => {
                let prop = o.properties.iter().rev().find(|p| p.name.as_str() == k)?;
                key_at = Some(prop.name.start());
                node = &prop.value;
            }
            (Seg::Index(i), Value::Array(a)) => {
                node = a.elements.get(*i)?;
                key_at = None;
            }
            _ => return None,
        }
    }
    Some((node, key_at))
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
}
