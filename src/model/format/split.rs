//! The document cut into its parts in one pass: the top-level object's keys
//! with their values as written, and the roles, each with its place in the
//! text and, when asked, read into a [`Role`] on the way. `serde_json` reads
//! every value; this module only steps over the brackets, commas and colons
//! between the top level and the roles, so that each role's text and offset
//! come for free and a role that does not read costs a second look at that
//! role only, never at the whole file.

use serde::Deserialize;
use serde_json::value::RawValue;

use crate::model::types::Role;

/// One role as written, and read when that was asked for and worked.
pub(super) struct Item<'t> {
    /// The role's text.
    pub text: &'t str,
    /// Offset of `text` in the document.
    pub offset: usize,
    /// The role, when read with `serde_json` (`None`: not asked, or it did
    /// not read).
    pub role: Option<Role>,
}

impl<'t> Item<'t> {
    /// All of `text`, not read.
    pub fn whole(text: &'t str) -> Self {
        let (offset, role) = (0, None);
        Self { text, offset, role }
    }
}

/// The top level of a document.
pub(super) enum Top<'t> {
    /// An array: its items.
    Array(Vec<Item<'t>>),
    /// An object: every key with its value as written, and the items of the
    /// last `roles` key whose value is an array.
    Object(Vec<(String, &'t str)>, Vec<Item<'t>>),
}

/// Cuts `text` (whose first non-blank character is `{` or `[`); with
/// `typed`, each item is read as a [`Role`] on the way.
///
/// # Errors
/// When the text is not JSON; the error's position is of a part, so the
/// caller asks `serde_json` about the whole text for a position.
pub(super) fn split(text: &str, typed: bool) -> Result<Top<'_>, serde_json::Error> {
    let mut c = Cursor { text, at: 0 };
    let top = if c.peek()? == b'[' {
        Top::Array(c.items(typed)?)
    } else {
        c.expect(b'{')?;
        let (mut keys, mut roles) = (Vec::new(), Vec::new());
        if c.peek()? == b'}' {
            c.at += 1;
        } else {
            loop {
                let key: String = c.value()?;
                c.expect(b':')?;
                if key == "roles" && c.peek()? == b'[' {
                    let start = c.at;
                    roles = c.items(typed)?;
                    keys.push((key, &text[start..c.at]));
                } else {
                    let raw: &RawValue = c.value()?;
                    keys.push((key, raw.get()));
                }
                if c.next_or(b'}')? {
                    break;
                }
            }
        }
        Top::Object(keys, roles)
    };
    match c.peek() {
        Err(_) => Ok(top),
        Ok(_) => Err(stop()),
    }
}

/// An error whose position does not matter (see [`split`]).
fn stop() -> serde_json::Error {
    serde::de::Error::custom("not JSON")
}

struct Cursor<'t> {
    text: &'t str,
    at: usize,
}

impl<'t> Cursor<'t> {
    /// The next character that is not JSON white space; an error at the end.
    fn peek(&mut self) -> Result<u8, serde_json::Error> {
        let rest = &self.text.as_bytes()[self.at..];
        let blank = rest
            .iter()
            .take_while(|b| matches!(b, b' ' | b'\n' | b'\t' | b'\r'))
            .count();
        self.at += blank;
        rest.get(blank).copied().ok_or_else(stop)
    }

    fn expect(&mut self, b: u8) -> Result<(), serde_json::Error> {
        if self.peek()? == b {
            self.at += 1;
            Ok(())
        } else {
            Err(stop())
        }
    }

    /// After a value: a comma (`false`) or `close` (`true`).
    fn next_or(&mut self, close: u8) -> Result<bool, serde_json::Error> {
        let b = self.peek()?;
        self.at += 1;
        match b {
            b',' => Ok(false),
            _ if b == close => Ok(true),
            _ => Err(stop()),
        }
    }

    /// The value that starts here.
    fn value<T: Deserialize<'t>>(&mut self) -> Result<T, serde_json::Error> {
        let text: &'t str = self.text;
        let mut values = serde_json::Deserializer::from_str(&text[self.at..]).into_iter();
        let v = values.next().unwrap_or_else(|| Err(stop()))?;
        self.at += values.byte_offset();
        Ok(v)
    }

    /// The items of the array that starts here.
    fn items(&mut self, typed: bool) -> Result<Vec<Item<'t>>, serde_json::Error> {
        self.expect(b'[')?;
        let mut items = Vec::new();
        if self.peek()? == b']' {
            self.at += 1;
            return Ok(items);
        }
        loop {
            self.peek()?;
            let offset = self.at;
            let role = if typed {
                self.value::<Role>().ok()
            } else {
                None
            };
            if role.is_none() {
                self.at = offset;
                self.value::<&RawValue>()?;
            }
            let text = &self.text[offset..self.at];
            items.push(Item { text, offset, role });
            if self.next_or(b']')? {
                return Ok(items);
            }
        }
    }
}
