//! The one custom piece of deserialization the format needs beyond the
//! derives in [`crate::model::types`].

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer};

/// For optional fields: absent means `None`, and `null` is refused with the
/// advice to leave the field out (`serde`'s own `Option` would take it as
/// `None`, and the published schema would have to allow it).
///
/// # Errors
/// When the value is `null` or not a `T`.
pub fn present<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    d: D,
) -> Result<Option<T>, D::Error> {
    struct Present<T>(PhantomData<T>);

    impl<'de, T: Deserialize<'de>> Visitor<'de> for Present<T> {
        type Value = Option<T>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a value")
        }

        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            Err(E::custom(
                "found `null`: to give no value, leave the field out",
            ))
        }

        /// A hole of the syntax-tree reader ([`crate::json::tree`]): a field
        /// read as if left out. `serde_json` never calls this here.
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }

        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            T::deserialize(d).map(Some)
        }
    }

    d.deserialize_option(Present(PhantomData))
}
