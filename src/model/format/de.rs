//! The few custom pieces of deserialization the format needs beyond the
//! derives in [`crate::model::types`].

use std::fmt;
use std::sync::OnceLock;

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer};

use crate::model::types::TechRef;

/// For optional fields: absent means `None`, and `null` is refused like any
/// value of the wrong type (`serde`'s own `Option` would take it as `None`).
///
/// # Errors
/// When the value is not a `T`.
pub fn present<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    d: D,
) -> Result<Option<T>, D::Error> {
    T::deserialize(d).map(Some)
}

/// The field names of a stack entry's object form, as its derive knows them
/// (for "did you mean" suggestions where serde does not pass them along).
pub fn tech_ref_fields() -> &'static [&'static str] {
    static FIELDS: OnceLock<&'static [&'static str]> = OnceLock::new();
    FIELDS.get_or_init(|| {
        let mut fields: &'static [&'static str] = &[];
        let _ = TechRef::deserialize(FieldCapture(&mut fields));
        fields
    })
}

/// A deserializer that only records the field list a derived struct asks for.
struct FieldCapture<'f>(&'f mut &'static [&'static str]);

#[derive(Debug)]
struct Captured;

impl fmt::Display for Captured {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("field names captured")
    }
}

impl std::error::Error for Captured {}

impl de::Error for Captured {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Captured
    }
}

impl<'de> Deserializer<'de> for FieldCapture<'_> {
    type Error = Captured;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Captured> {
        Err(Captured)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        fields: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Captured> {
        *self.0 = fields;
        Err(Captured)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map enum identifier ignored_any
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_stack_entry_fields_come_from_the_type() {
        assert_eq!(super::tech_ref_fields(), ["name", "priority", "note"]);
    }
}
