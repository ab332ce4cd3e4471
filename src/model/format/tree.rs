//! Reads a part of a file into the model from its syntax tree, so that every
//! problem has a position: wrong types, missing, unknown and repeated fields,
//! text over the length limit. Used only for the parts of a file that have
//! something to report; clean parts are read by `serde_json` directly. Both
//! run the same `Deserialize` impls, so both build the same values.
//!
//! As in a compiler, one mistake never hides the next: a value that cannot
//! be read is reported and read again as a *hole*, the value its field has
//! when left out (none, empty text, an empty list). The part is read again,
//! one more hole per mistake, until it reads; the rules then check the rest
//! of it, and whatever they say about a hole is dropped.

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::fmt;

use jsonc_parser::ast::{Object, Value};
use jsonc_parser::common::Ranged;
use serde::de::value::StrDeserializer;
use serde::de::{self, DeserializeOwned, DeserializeSeed, Unexpected, Visitor};

use super::MAX_STRING_BYTES;
use super::path::Seg;
use super::rules::{clip, closest_name};
use crate::model::diagnostic::Severity;

/// A problem with its offset in the part's text.
#[derive(Debug, Clone)]
pub struct Found {
    /// Byte offset in the part's text.
    pub offset: usize,
    /// Path from the document root.
    pub path: Vec<Seg>,
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong.
    pub message: String,
}

/// What reading a part gave.
pub struct Read<T> {
    /// `None` only when even holes could not make the part read.
    pub value: Option<T>,
    /// Every problem found.
    pub found: Vec<Found>,
    /// The values read as holes: findings at or under these paths are about
    /// values the file does not have.
    pub holes: Vec<Vec<Seg>>,
}

/// Reads `root`, the value at `prefix` in the document, as a `T`. A key
/// `$schema` of the part's own object is skipped without a word (it is for
/// editors; the parts are the dataset object and the roles).
pub fn read<T: DeserializeOwned>(root: &Value<'_>, prefix: &[Seg]) -> Read<T> {
    let (mut found, mut holes, mut skip) = (Vec::new(), Vec::new(), Vec::new());
    loop {
        let cx = Cx {
            path: RefCell::new(prefix.to_vec()),
            warnings: RefCell::default(),
            holes: holes.clone(),
            skip: skip.clone(),
        };
        let e = match T::deserialize(De {
            v: Some(root),
            cx: &cx,
        }) {
            Ok(value) => {
                found.append(&mut cx.warnings.into_inner());
                let value = Some(value);
                return Read {
                    value,
                    found,
                    holes,
                };
            }
            Err(e) => e,
        };
        let (offset, path) = e.at.unwrap_or_else(|| (root.start(), prefix.to_vec()));
        let mut hole = path.clone();
        let severity = match e.kind {
            Kind::Unknown => Severity::Warning,
            Kind::Missing(field) => {
                hole.push(Seg::Key(field.into()));
                Severity::Error
            }
            Kind::Wrong => Severity::Error,
        };
        let schema_key = path.len() == prefix.len() + 1
            && matches!(path.last(), Some(Seg::Key(k)) if k == "$schema");
        let made_up = holes.iter().any(|h| hole.starts_with(h));
        if !schema_key && !made_up {
            let message = e.message;
            found.push(Found {
                offset,
                path,
                severity,
                message,
            });
        }
        let list = if e.kind == Kind::Unknown {
            &mut skip
        } else {
            &mut holes
        };
        if list.contains(&hole) {
            // Reading it as a hole failed too; nothing more can be learnt.
            return Read {
                value: None,
                found,
                holes,
            };
        }
        list.push(hole);
    }
}

/// The state of one round of reading.
struct Cx {
    path: RefCell<Vec<Seg>>,
    warnings: RefCell<Vec<Found>>,
    /// Values read as holes, and fields missing that are read as holes.
    holes: Vec<Vec<Seg>>,
    /// Unknown fields, skipped.
    skip: Vec<Vec<Seg>>,
}

impl Cx {
    fn here(&self) -> Vec<Seg> {
        self.path.borrow().clone()
    }

    /// Whether `list` holds the field `key` of the current path.
    fn is_child(&self, list: &[Vec<Seg>], key: &str) -> bool {
        let path = self.path.borrow();
        list.iter().any(|h| {
            h.len() == path.len() + 1
                && h.starts_with(&path)
                && matches!(h.last(), Some(Seg::Key(k)) if k == key)
        })
    }

    /// Deserializes `v` at `seg` under the current path.
    fn visit<'de, S: DeserializeSeed<'de>>(
        &self,
        seg: Seg,
        v: Option<&Value<'_>>,
        seed: S,
    ) -> Result<S::Value, DeError> {
        self.path.borrow_mut().push(seg);
        let hole = self.holes.iter().any(|h| *h == *self.path.borrow());
        let out = seed.deserialize(De {
            v: v.filter(|_| !hole),
            cx: self,
        });
        self.path.borrow_mut().pop();
        out
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
pub struct DeError {
    message: String,
    at: Option<(usize, Vec<Seg>)>,
    kind: Kind,
}

impl fmt::Display for DeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for DeError {}

impl de::Error for DeError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        let (message, at, kind) = (msg.to_string(), None, Kind::Wrong);
        Self { message, at, kind }
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
        let kind = Kind::Missing(field);
        Self {
            message,
            at: None,
            kind,
        }
    }

    fn unknown_field(field: &str, known: &'static [&'static str]) -> Self {
        let message = unknown_message(field, known);
        let kind = Kind::Unknown;
        Self {
            message,
            at: None,
            kind,
        }
    }
}

fn unknown_message(field: &str, known: &[&str]) -> String {
    match closest_name(field, known) {
        Some(k) => format!("unknown field `{field}` is ignored; did you mean `{k}`?"),
        None => format!(
            "unknown field `{field}` is ignored (known fields here: {})",
            known.join(", ")
        ),
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

/// What a visitor expects, as it says itself.
struct Expecting<'v, V>(&'v V);

impl<'de, V: Visitor<'de>> fmt::Display for Expecting<'_, V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.expecting(f)
    }
}

/// A value of the tree, or a hole (`None`).
#[derive(Clone, Copy)]
struct De<'v, 'a, 'c> {
    v: Option<&'v Value<'a>>,
    cx: &'c Cx,
}

impl De<'_, '_, '_> {
    fn fail<T>(&self, message: String) -> Result<T, DeError> {
        self.stamp(Err(de::Error::custom(message)))
    }

    fn mismatch<T>(&self, expected: impl fmt::Display) -> Result<T, DeError> {
        let found = self.v.map_or_else(String::new, describe);
        self.fail(format!("expected {expected}, found {found}"))
    }

    /// Gives an error raised here or in a visitor (a missing field, say)
    /// the position of the value being read.
    fn stamp<T>(&self, r: Result<T, DeError>) -> Result<T, DeError> {
        r.map_err(|mut e| {
            if e.at.is_none() {
                e.at = Some((self.v.map_or(0, Ranged::start), self.cx.here()));
            }
            e
        })
    }

    fn text<'de, V: Visitor<'de>>(&self, s: &str, visitor: V) -> Result<V::Value, DeError> {
        if s.len() > MAX_STRING_BYTES {
            return self.fail(format!(
                "this text is {} bytes long; at most {MAX_STRING_BYTES} are accepted",
                s.len()
            ));
        }
        self.stamp(visitor.visit_str(s))
    }

    /// Numbers reach the visitor as `serde_json` hands them over, so both
    /// readers build the same values.
    fn number<'de, V: Visitor<'de>>(&self, n: &str, visitor: V) -> Result<V::Value, DeError> {
        let integer = !n.contains(['.', 'e', 'E']);
        let r = if let (true, Ok(u)) = (integer, n.parse::<u64>()) {
            visitor.visit_u64(u)
        } else if let (true, Ok(i)) = (integer, n.parse::<i64>()) {
            if i == 0 {
                visitor.visit_f64(-0.0)
            } else {
                visitor.visit_i64(i)
            }
        } else {
            match n.parse::<f64>() {
                Ok(x) if x.is_finite() => visitor.visit_f64(x),
                _ => {
                    return self.fail(format!("the number {n} is too large to be a finite number"));
                }
            }
        };
        self.stamp(r)
    }

    fn seq<'de, V: Visitor<'de>>(
        &self,
        items: &[Value<'_>],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        let seq = Seq {
            items: items.iter().enumerate(),
            cx: self.cx,
        };
        self.stamp(visitor.visit_seq(seq))
    }

    /// The entries of an object: of a key written twice only the last is
    /// read, with a warning; then the fields missing that are read as holes
    /// (every field of a struct that is a hole).
    fn map<'de, V: Visitor<'de>>(
        &self,
        o: Option<&Object<'_>>,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        let props = o.map_or(&[][..], |o| o.properties.as_slice());
        let last: HashMap<&str, usize> = props
            .iter()
            .enumerate()
            .map(|(i, p)| (p.name.as_str(), i))
            .collect();
        let (cx, mut seen) = (self.cx, HashSet::new());
        let mut entries: Vec<Entry<'_, '_>> = Vec::with_capacity(props.len());
        for (i, p) in props.iter().enumerate() {
            let (key, offset) = (p.name.as_str(), p.name.start());
            let counts = last[key] == i && !cx.is_child(&cx.skip, key);
            let known = fields.is_empty() || fields.contains(&key);
            // An unknown field is told here rather than by the type's own
            // refusal, which would cost one more round of reading the part.
            let unknown = (counts && !known).then(|| unknown_message(key, fields));
            let twice = (!seen.insert(key))
                .then(|| format!("`{key}` appears twice in this object; the last one counts"));
            for message in [unknown, twice].into_iter().flatten() {
                let (mut path, severity) = (cx.here(), Severity::Warning);
                path.push(Seg::Key(key.into()));
                let found = Found {
                    offset,
                    path,
                    severity,
                    message,
                };
                cx.warnings.borrow_mut().push(found);
            }
            if counts && known {
                entries.push((key.into(), offset, Some(&p.value)));
            }
        }
        let at = self.v.map_or(0, Ranged::start);
        let here = cx.here();
        for h in &cx.holes {
            if let [parent @ .., Seg::Key(k)] = h.as_slice()
                && parent == here.as_slice()
                && !last.contains_key(k.as_str())
            {
                entries.push((Cow::Owned(k.clone()), at, None));
            }
        }
        if o.is_none() {
            for f in fields {
                if !entries.iter().any(|e| e.0 == *f) {
                    entries.push((Cow::Borrowed(*f), at, None));
                }
            }
        }
        let map = Map {
            entries: entries.into_iter(),
            value: None,
            cx,
        };
        self.stamp(visitor.visit_map(map))
    }
}

impl<'de> de::Deserializer<'de> for De<'_, '_, '_> {
    type Error = DeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self.v {
            Some(Value::StringLit(s)) => self.text(&s.value, visitor),
            Some(Value::NumberLit(n)) => self.number(n.value, visitor),
            Some(Value::BooleanLit(b)) => self.stamp(visitor.visit_bool(b.value)),
            Some(Value::NullKeyword(_)) => self.stamp(visitor.visit_unit()),
            Some(Value::Array(a)) => self.seq(&a.elements, visitor),
            Some(Value::Object(o)) => self.map(Some(o), &[], visitor),
            // Only a stack entry asks for any value: a hole is a blank name.
            None => visitor.visit_str(""),
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self.v {
            Some(Value::BooleanLit(b)) => self.stamp(visitor.visit_bool(b.value)),
            None => visitor.visit_bool(false),
            _ => self.mismatch("`true` or `false`"),
        }
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self.v {
            Some(Value::NumberLit(n)) => self.number(n.value, visitor),
            Some(v @ Value::StringLit(_)) => self.fail(format!(
                "expected a number, found {} (write numbers without quotes, currency signs or thousands separators, e.g. 85000)",
                describe(v)
            )),
            None => visitor.visit_f64(f64::NAN),
            _ => self.mismatch("a number"),
        }
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self.v {
            Some(Value::StringLit(s)) => self.text(&s.value, visitor),
            None => visitor.visit_str(""),
            _ => self.mismatch("a string in double quotes"),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self.v {
            Some(Value::NullKeyword(_)) => self.stamp(visitor.visit_none()),
            // `serde_json` never calls `visit_unit` here, so a field read
            // with `de::present` can tell a hole (left out) from `null`.
            None => visitor.visit_unit(),
            Some(_) => self.stamp(visitor.visit_some(self)),
        }
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self.v {
            Some(Value::Array(a)) => self.seq(&a.elements, visitor),
            None => self.seq(&[], visitor),
            _ => self.mismatch("a list (an array in square brackets)"),
        }
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self.v {
            Some(Value::Object(o)) => self.map(Some(o), &[], visitor),
            None => self.map(None, &[], visitor),
            _ => self.mismatch(format_args!(
                "{} (an object in braces)",
                Expecting(&visitor)
            )),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        match self.v {
            Some(Value::Object(o)) => self.map(Some(o), fields, visitor),
            None => self.map(None, fields, visitor),
            _ => self.mismatch(format_args!(
                "{} (an object in braces)",
                Expecting(&visitor)
            )),
        }
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        let list = || {
            let quoted: Vec<String> = variants.iter().map(|v| format!("\"{v}\"")).collect();
            quoted.join(", ")
        };
        let name = match self.v {
            None => variants.first().copied().unwrap_or_default(),
            Some(Value::StringLit(s)) if variants.contains(&s.value.as_ref()) => &s.value,
            Some(Value::StringLit(s)) => {
                return self.fail(format!(
                    "expected one of {}, found \"{}\"",
                    list(),
                    clip(&s.value)
                ));
            }
            _ => return self.mismatch(format_args!("one of {}", list())),
        };
        let variant: StrDeserializer<'_, DeError> = StrDeserializer::new(name);
        self.stamp(visitor.visit_enum(variant))
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 char bytes byte_buf unit
        unit_struct newtype_struct tuple tuple_struct identifier
    }
}

struct Seq<'v, 'a, 'c> {
    items: std::iter::Enumerate<std::slice::Iter<'v, Value<'a>>>,
    cx: &'c Cx,
}

impl<'de> de::SeqAccess<'de> for Seq<'_, '_, '_> {
    type Error = DeError;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, DeError> {
        let Some((i, v)) = self.items.next() else {
            return Ok(None);
        };
        self.cx.visit(Seg::Index(i), Some(v), seed).map(Some)
    }
}

/// A key, the offset of the key, and its value (`None`: a hole).
type Entry<'v, 'a> = (Cow<'v, str>, usize, Option<&'v Value<'a>>);

struct Map<'v, 'a, 'c> {
    entries: std::vec::IntoIter<Entry<'v, 'a>>,
    value: Option<Entry<'v, 'a>>,
    cx: &'c Cx,
}

impl<'de> de::MapAccess<'de> for Map<'_, '_, '_> {
    type Error = DeError;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, DeError> {
        let Some((key, key_at, v)) = self.entries.next() else {
            return Ok(None);
        };
        let out = seed.deserialize(StrDeserializer::<DeError>::new(&key));
        self.value = Some((key.clone(), key_at, v));
        out.map(Some).map_err(|mut e| {
            let mut path = self.cx.here();
            path.push(Seg::Key(key.into_owned()));
            e.at = Some((key_at, path));
            e
        })
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, DeError> {
        let (key, _, v) = self.value.take().unwrap_or_default();
        self.cx.visit(Seg::Key(key.into_owned()), v, seed)
    }
}
