//! The document cut into its parts in one pass: the top-level object's keys
//! with their values as written, and the roles, each with its place in the
//! text and, when asked, read into a [`Role`] on the way. `serde_json` reads
//! every value; this module only steps over the brackets, commas and colons
//! between the top level and the roles, so that each role's text and offset
//! come for free and a role that does not read costs a second look at that
//! role only, never at the whole file.

use std::cell::OnceCell;

use jsonc_parser::ast::Value;
use serde::Deserialize;
use serde_json::value::RawValue;

use crate::json::path::Seg;
use crate::model::types::Role;

/// A part of the document (a role, or the dataset object with its roles left
/// out), read and located on its own.
#[derive(Default)]
pub(super) struct Part<'t> {
    pub text: &'t str,
    /// Offset of `text` in the document.
    pub base: usize,
    /// Where in `text` a stretch of the document is left out, and its length.
    pub gap: (usize, usize),
    /// Path from the document root.
    pub prefix: Vec<Seg>,
    /// The role, when read on the way.
    pub role: Option<Role>,
    /// The syntax tree, parsed when first needed; an error's offset is in `text`.
    pub tree: OnceCell<Result<Value<'t>, (usize, String)>>,
}

impl Part<'_> {
    /// The offset in the document of offset `at` in `text`.
    pub fn offset(&self, at: usize) -> usize {
        let (cut, len) = self.gap;
        self.base + at + if at >= cut { len } else { 0 }
    }
}

/// The top level of a document.
pub(super) enum Top<'t> {
    /// An array: its roles.
    Array(Vec<Part<'t>>),
    /// An object: every key with its value as written, and the roles of the
    /// last `roles` key whose value is an array.
    Object(Vec<(String, &'t str)>, Vec<Part<'t>>),
}

/// Cuts `text`, with each role read as a [`Role`] on the way when `typed`;
/// `None` when it is not a JSON object or array.
pub(super) fn split(text: &str, typed: bool) -> Option<Top<'_>> {
    let mut c = Cursor { text, at: 0 };
    let top = if c.peek()? == b'[' {
        Top::Array(c.items(typed, &[])?)
    } else {
        let mut roles = Vec::new();
        let keys = c.list(b'{', b'}', |c, _| {
            let key: String = c.value()?;
            c.expect(b':')?;
            let value = if key == "roles" && c.peek()? == b'[' {
                let start = c.at;
                roles = c.items(typed, &[Seg::Key("roles".into())])?;
                &text[start..c.at]
            } else {
                c.value::<&RawValue>()?.get()
            };
            Some((key, value))
        })?;
        Top::Object(keys, roles)
    };
    // Nothing but white space may follow.
    c.peek().is_none().then_some(top)
}

struct Cursor<'t> {
    text: &'t str,
    at: usize,
}

impl<'t> Cursor<'t> {
    /// The next character that is not JSON white space; an error at the end.
    fn peek(&mut self) -> Option<u8> {
        let rest = self.text[self.at..].trim_start_matches([' ', '\n', '\t', '\r']);
        self.at = self.text.len() - rest.len();
        rest.bytes().next()
    }

    /// Steps over `b` when it comes next.
    fn eat(&mut self, b: u8) -> Option<bool> {
        let here = self.peek()? == b;
        self.at += usize::from(here);
        Some(here)
    }

    fn expect(&mut self, b: u8) -> Option<()> {
        self.eat(b)?.then_some(())
    }

    /// The value that starts here; after an error the cursor has not moved.
    fn value<T: Deserialize<'t>>(&mut self) -> Option<T> {
        let mut values = serde_json::Deserializer::from_str(&self.text[self.at..]).into_iter();
        let v = values.next()?.ok()?;
        self.at += values.byte_offset();
        Some(v)
    }

    /// Steps over `open`, elements separated by commas (each read by
    /// `element`, given its index) and `close`.
    fn list<T>(
        &mut self,
        open: u8,
        close: u8,
        mut element: impl FnMut(&mut Self, usize) -> Option<T>,
    ) -> Option<Vec<T>> {
        self.expect(open)?;
        let mut list = Vec::new();
        while !self.eat(close)? {
            if !list.is_empty() {
                self.expect(b',')?;
            }
            list.push(element(self, list.len())?);
        }
        Some(list)
    }

    /// The roles in the array that starts here, at `path`.
    fn items(&mut self, typed: bool, path: &[Seg]) -> Option<Vec<Part<'t>>> {
        self.list(b'[', b']', |c, i| {
            c.peek()?;
            let base = c.at;
            let role = typed.then(|| c.value()).flatten();
            if role.is_none() {
                c.value::<&RawValue>()?;
            }
            Some(Part {
                text: &c.text[base..c.at],
                base,
                prefix: [path, &[Seg::Index(i)]].concat(),
                role,
                ..Part::default()
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts<'t>(parts: &[Part<'t>]) -> Vec<&'t str> {
        parts.iter().map(|p| p.text).collect()
    }

    #[test]
    fn an_array_is_cut_into_its_roles_with_offsets_and_paths() {
        let text = " [ {\"id\": \"a\"} ,\n{\"x\": [1, {}]}]  ";
        let Some(Top::Array(parts)) = split(text, false) else {
            panic!("not cut");
        };
        assert_eq!(texts(&parts), ["{\"id\": \"a\"}", "{\"x\": [1, {}]}"]);
        for p in &parts {
            assert_eq!(&text[p.base..p.base + p.text.len()], p.text);
            assert_eq!(p.offset(1), p.base + 1, "no gap");
        }
        assert_eq!(parts[1].prefix, [Seg::Index(1)]);
    }

    #[test]
    fn an_object_keeps_every_key_and_the_roles_of_the_last_roles_array() {
        let text =
            r#"{"format": "career-atlas/1", "roles": [1], "name": "n", "roles": [{"a": 1}, 2]}"#;
        let Some(Top::Object(keys, roles)) = split(text, false) else {
            panic!("not cut");
        };
        let names: Vec<&str> = keys.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(names, ["format", "roles", "name", "roles"]);
        assert_eq!(keys[0].1, "\"career-atlas/1\"");
        assert_eq!(keys[3].1, r#"[{"a": 1}, 2]"#);
        assert_eq!(texts(&roles), ["{\"a\": 1}", "2"]);
        assert_eq!(roles[1].prefix, [Seg::Key("roles".into()), Seg::Index(1)]);
        assert_eq!(&text[roles[0].base..roles[0].base + 3], "{\"a");
    }

    #[test]
    fn roles_are_read_on_the_way_only_when_typed_and_only_when_they_read() {
        let text = r#"[{"id": "a", "title": "A"}, {"id": "b", "title": "B", "zz": 1}]"#;
        let Some(Top::Array(parts)) = split(text, true) else {
            panic!("not cut");
        };
        assert_eq!(parts[0].role.as_ref().map(|r| r.id.as_str()), Some("a"));
        assert!(
            parts[1].role.is_none(),
            "an unknown field is left to the tree"
        );
        assert_eq!(parts[1].text, r#"{"id": "b", "title": "B", "zz": 1}"#);
        let Some(Top::Array(parts)) = split(text, false) else {
            panic!("not cut");
        };
        assert!(parts.iter().all(|p| p.role.is_none()));
    }

    #[test]
    fn anything_but_one_json_object_or_array_is_not_cut() {
        for text in [
            "[1,]",
            "[1 2]",
            "[,1]",
            "[1",
            "{\"a\" 1}",
            "{\"a\": 1,}",
            "{1: 2}",
            "{\"a\": 1",
            "[1] x",
            "[1][2]",
            "{\"roles\": [1,]}",
            "42",
            "\"s\"",
            "null",
            "",
            "  ",
        ] {
            assert!(split(text, false).is_none(), "{text:?}");
            assert!(split(text, true).is_none(), "{text:?}");
        }
        for text in [" [] ", "{}", "{\"roles\": []}", "[[], {}]\n"] {
            assert!(split(text, true).is_some(), "{text:?}");
        }
    }

    #[test]
    fn a_gap_shifts_the_offsets_at_and_after_the_cut() {
        let part = Part {
            text: "{\"roles\": []}",
            base: 0,
            gap: (11, 40),
            ..Part::default()
        };
        assert_eq!(part.offset(10), 10);
        assert_eq!(part.offset(11), 51);
        assert_eq!(part.offset(13), 53);
    }
}
