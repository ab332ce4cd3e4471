//! Reads a piece of a file into the model from its syntax tree, so that every
//! problem has a position: type errors, unknown and repeated fields, text
//! over the length limit. Used only for the parts of a file that have
//! something to report; clean parts are read by `serde_json` directly. Both
//! run the same `Deserialize` impls, so both build the same values.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::fmt;

use jsonc_parser::ast::{Array, Object, ObjectProp, Value};
use jsonc_parser::common::Ranged;
use serde::de::{self, DeserializeOwned, DeserializeSeed, IntoDeserializer, Visitor};

use super::MAX_STRING_BYTES;
use super::path::{Seg, render};
use super::rules::{clip, closest_name};
use crate::model::diagnostic::Severity;

/// A problem with its offset inside the piece read.
#[derive(Debug, Clone)]
pub struct Found {
    /// Byte offset in the piece's text.
    pub offset: usize,
    /// Rendered JSON path from the document root.
    pub path: String,
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong.
    pub message: String,
}

/// Reads `root` (the value at `prefix` in the document) as a `T`. Errors stop
/// the read of `T` (`None`); warnings do not. Keys named `$schema` are
/// accepted on the dataset and role objects.
pub fn read<T: DeserializeOwned>(root: &Value<'_>, prefix: &[Seg]) -> (Option<T>, Vec<Found>) {
    let cx = Ctx {
        path: RefCell::new(prefix.to_vec()),
        found: RefCell::new(Vec::new()),
        ignored: Cell::new(false),
    };
    let value = match T::deserialize(De { v: root, cx: &cx }) {
        Ok(v) => Some(v),
        Err(e) => {
            let (offset, path) = e.at.unwrap_or_else(|| (root.start(), render(prefix)));
            cx.push(offset, path, Severity::Error, e.message);
            None
        }
    };
    (value, cx.found.into_inner())
}

struct Ctx {
    path: RefCell<Vec<Seg>>,
    found: RefCell<Vec<Found>>,
    /// Set when a value is skipped as unknown.
    ignored: Cell<bool>,
}

impl Ctx {
    fn push(&self, offset: usize, path: String, severity: Severity, message: String) {
        self.found.borrow_mut().push(Found {
            offset,
            path,
            severity,
            message,
        });
    }

    fn here(&self) -> String {
        render(&self.path.borrow())
    }

    fn under<T>(&self, seg: Seg, f: impl FnOnce() -> T) -> T {
        self.path.borrow_mut().push(seg);
        let out = f();
        self.path.borrow_mut().pop();
        out
    }

    fn warn_at_key(&self, prop: &ObjectProp<'_>, message: String) {
        let path = self.under(Seg::Key(prop.name.as_str().to_string()), || self.here());
        self.push(prop.name.start(), path, Severity::Warning, message);
    }

    fn unknown(&self, prop: &ObjectProp<'_>, known: &[&str]) {
        let name = prop.name.as_str();
        let msg = match closest_name(name, known) {
            Some(k) => format!("unknown field `{name}` is ignored; did you mean `{k}`?"),
            None => format!(
                "unknown field `{name}` is ignored (known fields here: {})",
                known.join(", ")
            ),
        };
        self.warn_at_key(prop, msg);
    }
}

/// A deserialization error, with where it happened once known.
#[derive(Debug)]
pub struct DeError {
    message: String,
    at: Option<(usize, String)>,
}

impl fmt::Display for DeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for DeError {}

impl de::Error for DeError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Self {
            message: msg.to_string(),
            at: None,
        }
    }

    fn invalid_type(unexp: de::Unexpected<'_>, exp: &dyn de::Expected) -> Self {
        Self::custom(format_args!("expected {exp}, found {unexp}"))
    }

    fn unknown_variant(variant: &str, expected: &'static [&'static str]) -> Self {
        let list: Vec<String> = expected.iter().map(|v| format!("\"{v}\"")).collect();
        Self::custom(format_args!(
            "expected one of {}, found \"{}\"",
            list.join(", "),
            clip(variant)
        ))
    }

    fn missing_field(field: &'static str) -> Self {
        Self::custom(format_args!("missing required field `{field}`"))
    }

    fn duplicate_field(field: &'static str) -> Self {
        Self::custom(format_args!(
            "the field `{field}` appears twice in this object"
        ))
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

#[derive(Clone, Copy)]
struct De<'v, 'a, 'c> {
    v: &'v Value<'a>,
    cx: &'c Ctx,
}

impl De<'_, '_, '_> {
    fn fail<T>(&self, message: String) -> Result<T, DeError> {
        Err(DeError {
            message,
            at: Some((self.v.start(), self.cx.here())),
        })
    }

    fn mismatch<T>(&self, expected: impl fmt::Display) -> Result<T, DeError> {
        self.fail(format!("expected {expected}, found {}", describe(self.v)))
    }

    /// Gives an error raised inside a visitor (a missing field, say) the
    /// position of the value being read.
    fn stamp<T>(&self, r: Result<T, DeError>) -> Result<T, DeError> {
        r.map_err(|mut e| {
            if e.at.is_none() {
                e.at = Some((self.v.start(), self.cx.here()));
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

    fn seq<'de, V: Visitor<'de>>(&self, a: &Array<'_>, visitor: V) -> Result<V::Value, DeError> {
        let seq = Seq {
            items: a.elements.iter().enumerate(),
            cx: self.cx,
        };
        self.stamp(visitor.visit_seq(seq))
    }

    fn map<'de, V: Visitor<'de>>(
        &self,
        o: &Object<'_>,
        fields: Option<(&'static str, &'static [&'static str])>,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        let props = match fields {
            Some((name, fields)) => self.known_props(o, name, fields),
            None => o.properties.iter().collect(),
        };
        let map = Map {
            props: props.into_iter(),
            value: None,
            cx: self.cx,
        };
        self.stamp(visitor.visit_map(map))
    }

    /// The properties a struct reads: unknown ones are warned about and
    /// skipped, and of a repeated one only the last is read.
    fn known_props<'o, 'a>(
        &self,
        o: &'o Object<'a>,
        name: &str,
        fields: &[&str],
    ) -> Vec<&'o ObjectProp<'a>> {
        let schema_ok = matches!(name, "Dataset" | "Role");
        let mut last: HashMap<&str, usize> = HashMap::new();
        let mut keep = Vec::with_capacity(o.properties.len());
        for (i, prop) in o.properties.iter().enumerate() {
            let key = prop.name.as_str();
            if schema_ok && key == "$schema" {
                continue;
            }
            if !fields.contains(&key) {
                self.cx.unknown(prop, fields);
                continue;
            }
            if last.insert(key, i).is_some() {
                self.cx.warn_at_key(
                    prop,
                    format!("the field `{key}` appears twice in this object; the last one counts"),
                );
            }
            keep.push(i);
        }
        keep.into_iter()
            .filter(|&i| last.get(o.properties[i].name.as_str()) == Some(&i))
            .map(|i| &o.properties[i])
            .collect()
    }
}

impl<'de> de::Deserializer<'de> for De<'_, '_, '_> {
    type Error = DeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self.v {
            Value::StringLit(s) => self.text(&s.value, visitor),
            Value::NumberLit(n) => self.number(n.value, visitor),
            Value::BooleanLit(b) => self.stamp(visitor.visit_bool(b.value)),
            Value::NullKeyword(_) => self.stamp(visitor.visit_unit()),
            Value::Array(a) => self.seq(a, visitor),
            // Only a stack entry's object form comes here (serde hands it on
            // without its field list), so its fields are the ones to suggest.
            Value::Object(o) => self.map(o, None, visitor),
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self.v {
            Value::BooleanLit(b) => self.stamp(visitor.visit_bool(b.value)),
            _ => self.mismatch("`true` or `false`"),
        }
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self.v {
            Value::NumberLit(n) => self.number(n.value, visitor),
            Value::StringLit(_) => self.fail(format!(
                "expected a number, found {} (write numbers without quotes, currency signs or thousands separators, e.g. 85000)",
                describe(self.v)
            )),
            _ => self.mismatch("a number"),
        }
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self.v {
            Value::StringLit(s) => self.text(&s.value, visitor),
            _ => self.mismatch("a string in double quotes"),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        // `null` is a value of the wrong type, never "absent".
        self.stamp(visitor.visit_some(self))
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self.v {
            Value::Array(a) => self.seq(a, visitor),
            _ => self.mismatch("a list (an array in square brackets)"),
        }
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self.v {
            Value::Object(o) => self.map(o, None, visitor),
            _ => self.mismatch(format_args!(
                "{} (an object in braces)",
                Expecting(&visitor)
            )),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        match self.v {
            Value::Object(o) => self.map(o, Some((name, fields)), visitor),
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
        if let Value::StringLit(s) = self.v {
            let variant: de::value::StrDeserializer<'_, DeError> =
                s.value.as_ref().into_deserializer();
            self.stamp(visitor.visit_enum(variant))
        } else {
            let list: Vec<String> = variants.iter().map(|v| format!("\"{v}\"")).collect();
            self.mismatch(format_args!("one of {}", list.join(", ")))
        }
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.cx.ignored.set(true);
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 char bytes byte_buf unit
        unit_struct newtype_struct tuple tuple_struct identifier
    }
}

struct Seq<'v, 'a, 'c> {
    items: std::iter::Enumerate<std::slice::Iter<'v, Value<'a>>>,
    cx: &'c Ctx,
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
        let cx = self.cx;
        cx.under(Seg::Index(i), || seed.deserialize(De { v, cx }).map(Some))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

struct Map<'v, 'a, 'c> {
    props: std::vec::IntoIter<&'v ObjectProp<'a>>,
    value: Option<&'v ObjectProp<'a>>,
    cx: &'c Ctx,
}

impl<'de> de::MapAccess<'de> for Map<'_, '_, '_> {
    type Error = DeError;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, DeError> {
        let Some(prop) = self.props.next() else {
            return Ok(None);
        };
        self.value = Some(prop);
        let key: de::value::StrDeserializer<'_, DeError> = prop.name.as_str().into_deserializer();
        seed.deserialize(key).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, DeError> {
        let Some(prop) = self.value.take() else {
            return Err(de::Error::custom("a value without its key"));
        };
        let cx = self.cx;
        cx.ignored.set(false);
        let key = Seg::Key(prop.name.as_str().to_string());
        let out = cx.under(key, || seed.deserialize(De { v: &prop.value, cx }))?;
        if cx.ignored.replace(false) {
            cx.unknown(prop, super::de::tech_ref_fields());
        }
        Ok(out)
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.props.len())
    }
}
