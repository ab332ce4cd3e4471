//! Reads a part of a JSON document into any `Deserialize` type from its
//! syntax tree, so that every problem has a position: wrong types, missing,
//! unknown and repeated fields, text over a length limit. Meant for the parts
//! `serde_json` refuses; both run the same `Deserialize` impls, so both build
//! the same values.
//!
//! As in a compiler, one mistake never hides the next: a value that cannot
//! be read is reported and read again as a *hole*, the value its field has
//! when left out (none, empty text, an empty list). The part is read again,
//! one more hole per mistake, until it reads; the caller drops whatever its
//! own checks then say about a hole.
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::iter::{Enumerate, Peekable};

use jsonc_parser::ast::Value;
use jsonc_parser::common::Ranged;
use serde::de::value::StrDeserializer;
use serde::de::{self, DeserializeOwned, DeserializeSeed, Error as _, Unexpected, Visitor};

use super::diagnostic::Severity;
use super::path::Seg;
use super::{clip, closest_name};

/// A problem: its byte offset in the part's text, its path from the
/// document root, its severity and what is wrong.
pub type Found = (usize, Vec<Seg>, Severity, String);

/// Reads `root`, the value at `prefix` in the document, as a `T`. Gives the
/// value (`None` only when even holes could not make the part read), every
/// problem found, and the paths read as holes: findings at or under these
/// are about values the file does not have. A `$schema` key of `root`
/// itself is never an error: JSON Schema keeps it for editors.
pub fn read<T: DeserializeOwned>(
    root: &Value<'_>,
    prefix: &[Seg],
    max_text: usize,
) -> (Option<T>, Vec<Found>, Vec<Vec<Seg>>) {
    let mut cx = Cx {
        max_text,
        ..Cx::default()
    };
    cx.path.get_mut().extend_from_slice(prefix);
    let mut found = Vec::new();
    loop {
        cx.warnings.get_mut().clear();
        let e = match T::deserialize(De {
            v: Some(root),
            cx: &cx,
        }) {
            Ok(value) => {
                found.append(cx.warnings.get_mut());
                return (Some(value), found, cx.holes);
            }
            Err(e) => e,
        };
        let (offset, path) = e.at.unwrap_or_else(|| (root.start(), prefix.to_vec()));
        let mut hole = path.clone();
        if let Kind::Missing(field) = e.kind {
            hole.push(Seg::Key(field.into()));
        }
        let schema_key = matches!(path.get(prefix.len()..), Some([Seg::Key(k)]) if k == "$schema");
        let made_up = cx.holes.iter().any(|h| hole.starts_with(h));
        let (list, severity) = match e.kind {
            Kind::Unknown => (&mut cx.skip, Severity::Warning),
            _ => (&mut cx.holes, Severity::Error),
        };
        if !schema_key && !made_up {
            found.push((offset, path, severity, e.message));
        }
        if list.contains(&hole) {
            // Reading it as a hole failed too; nothing more can be learnt.
            return (None, found, cx.holes);
        }
        list.push(hole);
    }
}

/// The state of reading: the holes and skipped fields found so far, and of
/// the round under way its path and warnings.
#[derive(Default)]
struct Cx {
    path: RefCell<Vec<Seg>>,
    warnings: RefCell<Vec<Found>>,
    /// Values read as holes, and fields missing that are read as holes.
    holes: Vec<Vec<Seg>>,
    /// Unknown fields, skipped.
    skip: Vec<Vec<Seg>>,
    /// Longest text accepted, in bytes.
    max_text: usize,
}

impl Cx {
    fn here(&self) -> Vec<Seg> {
        self.path.borrow().clone()
    }

    /// Deserializes `v` at `seg` under the current path. An error raised
    /// in it that has no position yet (a visitor's, say) gets that of `v`.
    fn visit<'de, S: DeserializeSeed<'de>>(
        &self,
        seg: Seg,
        v: Option<&Value<'_>>,
        seed: S,
    ) -> Result<S::Value, DeError> {
        self.path.borrow_mut().push(seg);
        let v = v.filter(|_| !self.holes.contains(&self.path.borrow()));
        let out = seed.deserialize(De { v, cx: self }).map_err(|mut e| {
            e.at.get_or_insert_with(|| (v.map_or(0, Ranged::start), self.here()));
            e
        });
        self.path.borrow_mut().pop();
        out
    }
}

#[derive(Debug)]
enum Kind {
    /// A value of the wrong type or form.
    Wrong,
    /// A required field left out.
    Missing(&'static str),
    /// A field the type does not have.
    Unknown,
}

/// A deserialization error, with where it happened once known.
#[derive(Debug)]
struct DeError {
    message: String,
    at: Option<(usize, Vec<Seg>)>,
    kind: Kind,
}

impl DeError {
    fn new(message: String, kind: Kind) -> Self {
        let at = None;
        Self { message, at, kind }
    }
}

impl fmt::Display for DeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for DeError {}

impl de::Error for DeError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Self::new(msg.to_string(), Kind::Wrong)
    }

    fn invalid_type(unexp: Unexpected<'_>, exp: &dyn de::Expected) -> Self {
        let found = match unexp {
            Unexpected::Unsigned(n) => format!("the number {n}"),
            Unexpected::Signed(n) => format!("the number {n}"),
            Unexpected::Float(n) => format!("the number {n}"),
            Unexpected::Str(s) => format!("the string \"{}\"", clip(s)),
            Unexpected::Unit => "`null`".into(),
            Unexpected::Seq => "an array".into(),
            Unexpected::Map => "an object".into(),
            other => other.to_string(),
        };
        Self::custom(format_args!("expected {exp}, found {found}"))
    }

    fn missing_field(field: &'static str) -> Self {
        let message = format!("missing required field `{field}`");
        Self::new(message, Kind::Missing(field))
    }

    fn unknown_field(field: &str, known: &'static [&'static str]) -> Self {
        let message = match closest_name(field, known) {
            Some(k) => format!("unknown field `{field}` is ignored; did you mean `{k}`?"),
            None => format!(
                "unknown field `{field}` is ignored (known fields here: {})",
                known.join(", ")
            ),
        };
        Self::new(message, Kind::Unknown)
    }
}

/// "the string \"x\"", "the number 7", "`null`" … for messages.
#[must_use]
pub fn describe(v: &Value<'_>) -> String {
    match v {
        Value::StringLit(s) => format!("the string \"{}\"", clip(&s.value)),
        Value::NumberLit(n) => format!("the number {}", n.value),
        Value::BooleanLit(b) => format!("`{}`", b.value),
        Value::Object(_) => "an object".into(),
        Value::Array(_) => "an array".into(),
        Value::NullKeyword(_) => "`null`".into(),
    }
}

/// Numbers reach the visitor as `serde_json` hands them over, so both
/// readers build the same values.
fn number<'de, V: Visitor<'de>>(n: &str, visitor: V) -> Result<V::Value, DeError> {
    let Ok(n) = n.parse::<serde_json::Number>() else {
        return Err(de::Error::custom(format_args!(
            "the number {} is too large to be a finite number",
            clip(n)
        )));
    };
    match (n.as_u64(), n.as_i64(), n.as_f64()) {
        (Some(u), _, _) => visitor.visit_u64(u),
        (None, Some(i), _) => visitor.visit_i64(i),
        (None, None, x) => visitor.visit_f64(x.unwrap_or_default()),
    }
}

/// "expected {expected}, found {what v is}".
fn mismatch<T>(v: &Value<'_>, expected: impl fmt::Display) -> Result<T, DeError> {
    let found = describe(v);
    Err(de::Error::custom(format_args!(
        "expected {expected}, found {found}"
    )))
}

/// A value of the tree, or a hole (`None`).
struct De<'v, 'a, 'c> {
    v: Option<&'v Value<'a>>,
    cx: &'c Cx,
}

impl<'de, 'c> de::Deserializer<'de> for De<'_, '_, 'c> {
    type Error = DeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self.v {
            Some(Value::StringLit(s)) if s.value.len() > self.cx.max_text => {
                Err(de::Error::custom(format_args!(
                    "this text is {} bytes long; at most {} are accepted",
                    s.value.len(),
                    self.cx.max_text
                )))
            }
            Some(Value::StringLit(s)) => visitor.visit_str(&s.value),
            Some(Value::NumberLit(n)) => number(n.value, visitor),
            Some(Value::BooleanLit(b)) => visitor.visit_bool(b.value),
            Some(Value::NullKeyword(_)) => visitor.visit_unit(),
            Some(Value::Array(a)) => visitor.visit_seq(Seq(a.elements.iter().enumerate(), self.cx)),
            Some(Value::Object(_)) => self.deserialize_map(visitor),
            // A hole asked for any value (an untagged enum, say) is empty text.
            None => visitor.visit_str(""),
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self.v {
            Some(Value::BooleanLit(_)) => self.deserialize_any(visitor),
            None => visitor.visit_bool(false),
            Some(v) => mismatch(v, "`true` or `false`"),
        }
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self.v {
            Some(Value::NumberLit(_)) => self.deserialize_any(visitor),
            Some(v @ Value::StringLit(_)) => Err(de::Error::custom(format_args!(
                "expected a number, found {} (write numbers without quotes, currency signs or thousands separators, e.g. 85000)",
                describe(v)
            ))),
            None => visitor.visit_f64(f64::NAN),
            Some(v) => mismatch(v, "a number"),
        }
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self.v {
            Some(Value::StringLit(_)) => self.deserialize_any(visitor),
            None => visitor.visit_str(""),
            Some(v) => mismatch(v, "a string in double quotes"),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self.v {
            Some(Value::NullKeyword(_)) => visitor.visit_none(),
            // `serde_json` never calls `visit_unit` here, so a field read
            // with `de::present` can tell a hole (left out) from `null`.
            None => visitor.visit_unit(),
            Some(_) => visitor.visit_some(self),
        }
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self.v {
            Some(Value::Array(_)) => self.deserialize_any(visitor),
            None => visitor.visit_seq(Seq([].iter().enumerate(), self.cx)),
            Some(v) => mismatch(v, "a list (an array in square brackets)"),
        }
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_struct("", &[], visitor)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        // The entries of an object: of a key written twice only the last is
        // read, with a warning; then the fields missing that are read as
        // holes (every field of a struct that is a hole).
        let o = match self.v {
            Some(Value::Object(o)) => Some(o),
            None => None,
            Some(v) => {
                let expected = &visitor as &dyn de::Expected;
                return mismatch(v, format_args!("{expected} (an object in braces)"));
            }
        };
        let (cx, here) = (self.cx, self.cx.here());
        let props = o.map_or(&[][..], |o| o.properties.as_slice());
        let last: HashMap<&str, usize> = props
            .iter()
            .enumerate()
            .map(|(i, p)| (p.name.as_str(), i))
            .collect();
        let child = |h: &'c Vec<Seg>| match h.as_slice() {
            [parent @ .., Seg::Key(k)] if parent == here.as_slice() => Some(k.as_str()),
            _ => None,
        };
        let skipped: Vec<&str> = cx.skip.iter().filter_map(child).collect();
        let mut seen = HashSet::new();
        let mut entries = Vec::with_capacity(props.len());
        for (i, p) in props.iter().enumerate() {
            let (key, offset) = (p.name.as_str(), p.name.start());
            let counts = last[key] == i && !skipped.contains(&key);
            let known = fields.is_empty() || fields.contains(&key);
            // An unknown field is told here rather than by the type's own
            // refusal, which would cost one more round of reading the part.
            let unknown = (counts && !known).then(|| DeError::unknown_field(key, fields).message);
            let twice = (!seen.insert(key))
                .then(|| format!("`{key}` appears twice in this object; the last one counts"));
            for message in [unknown, twice].into_iter().flatten() {
                let path = [here.clone(), vec![Seg::Key(key.into())]].concat();
                let found = (offset, path, Severity::Warning, message);
                cx.warnings.borrow_mut().push(found);
            }
            if counts && known {
                entries.push((key, offset, Some(&p.value)));
            }
        }
        let at = self.v.map_or(0, Ranged::start);
        let holes = cx.holes.iter().filter_map(child);
        let blank = if o.is_none() { fields } else { &[] };
        for key in holes.chain(blank.iter().copied()) {
            if !last.contains_key(key) && !entries.iter().any(|e| e.0 == key) {
                entries.push((key, at, None));
            }
        }
        let entries = entries.into_iter().peekable();
        visitor.visit_map(Map { entries, cx })
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        let name = match self.v {
            None => variants.first().copied().unwrap_or_default(),
            Some(Value::StringLit(s)) if variants.contains(&s.value.as_ref()) => &s.value,
            Some(v) => {
                let found = match v {
                    Value::StringLit(s) => format!("\"{}\"", clip(&s.value)),
                    _ => describe(v),
                };
                let list: Vec<String> = variants.iter().map(|v| format!("\"{v}\"")).collect();
                let list = list.join(", ");
                return Err(de::Error::custom(format_args!(
                    "expected one of {list}, found {found}"
                )));
            }
        };
        visitor.visit_enum(StrDeserializer::<DeError>::new(name))
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 char bytes byte_buf unit
        unit_struct newtype_struct tuple tuple_struct identifier
    }
}

/// The items of an array, with their indices.
struct Seq<'v, 'a, 'c>(Enumerate<std::slice::Iter<'v, Value<'a>>>, &'c Cx);

impl<'de> de::SeqAccess<'de> for Seq<'_, '_, '_> {
    type Error = DeError;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, DeError> {
        let next = self.0.next();
        next.map(|(i, v)| self.1.visit(Seg::Index(i), Some(v), seed))
            .transpose()
    }
}

/// The entries of an object to read: each a key, the offset of the key, and
/// its value (`None`: a hole).
struct Map<'e, 'a, 'c> {
    entries: Peekable<std::vec::IntoIter<(&'e str, usize, Option<&'e Value<'a>>)>>,
    cx: &'c Cx,
}

impl<'de> de::MapAccess<'de> for Map<'_, '_, '_> {
    type Error = DeError;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, DeError> {
        let Some(&(key, key_at, _)) = self.entries.peek() else {
            return Ok(None);
        };
        let out = seed.deserialize(StrDeserializer::<DeError>::new(key));
        out.map(Some).map_err(|mut e| {
            let path = [self.cx.here(), vec![Seg::Key(key.into())]].concat();
            e.at = Some((key_at, path));
            e
        })
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, DeError> {
        let (key, _, v) = self.entries.next().unwrap_or_default();
        self.cx.visit(Seg::Key(key.into()), v, seed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::syntax::parse_tree;

    fn tree_read<T: DeserializeOwned>(text: &str) -> (Option<T>, Vec<Found>, Vec<Vec<Seg>>) {
        let root = parse_tree(text).unwrap().unwrap();
        read::<T>(&root, &[], 100_000)
    }

    #[test]
    fn numbers_reach_visitors_as_serde_json_hands_them_over() {
        let text = "[0, -0, 7, -7, 1.0, 1E2, 2.5e-3, 1e-400, 18446744073709551615, \
                    18446744073709551616, -9223372036854775808, -9223372036854775809]";
        let (value, found, holes) = tree_read::<serde_json::Value>(text);
        assert!(found.is_empty() && holes.is_empty(), "{found:?}");
        let ours = serde_json::to_string(&value.unwrap()).unwrap();
        let theirs: serde_json::Value = serde_json::from_str(text).unwrap();
        assert_eq!(ours, serde_json::to_string(&theirs).unwrap());
        assert!(ours.starts_with("[0,-0.0,7,-7,1.0,100.0,"), "{ours}");
    }

    #[test]
    fn a_number_too_large_is_an_error_at_its_place_and_then_a_hole() {
        let (value, found, holes) = tree_read::<Vec<f64>>("[1, 1e400]");
        assert!(value.unwrap()[1].is_nan());
        let (offset, path, severity, message) = &found[0];
        assert_eq!((*offset, severity), (4, &Severity::Error));
        assert_eq!(path, &vec![Seg::Index(1)]);
        assert_eq!(
            message,
            "the number 1e400 is too large to be a finite number"
        );
        assert_eq!(holes, vec![vec![Seg::Index(1)]]);
    }

    #[test]
    fn a_repeated_key_is_a_warning_and_the_last_one_counts() {
        let (value, found, _) = tree_read::<serde_json::Value>(r#"{"a": 1, "b": 2, "a": 3}"#);
        assert_eq!(value.unwrap(), serde_json::json!({"b": 2, "a": 3}));
        let messages: Vec<_> = found.iter().map(|f| (f.0, f.3.as_str())).collect();
        let twice = "`a` appears twice in this object; the last one counts";
        assert_eq!(messages, [(17, twice)]);
    }
}
