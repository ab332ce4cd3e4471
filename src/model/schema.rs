//! The JSON Schema of the role file format, generated from the model types
//! (the same types the reader fills) plus the rules of [`super::format::rules`]
//! that a schema can express. Dev-only: the schema is committed at
//! [`SCHEMA_PATH`], and `tests/schema.rs` proves it agrees with the reader.
//!
//! What a schema cannot say, and only the reader checks: unique role ids,
//! figures in rising order, a technology twice in a stack, `related` ids that
//! exist, names claimed by two catalog entries, the byte limits on text and
//! files, and text that is blank but not empty (a schema pattern can, and does,
//! require one non-space character).

use serde_json::{Value, json};

use super::format::rules::{CURRENCY_PATTERN, ID_PATTERN, URL_PATTERN};
use super::types::{Dataset, FORMAT_TAG, Level};

/// Where the committed schema lives, relative to the project root.
pub const SCHEMA_PATH: &str = "data/schema/career-atlas-1.schema.json";

/// The schema as JSON: any of the three accepted shapes.
#[must_use]
pub fn json_schema() -> Value {
    let mut generator = schemars::generate::SchemaSettings::draft2020_12().into_generator();
    generator.subschema_for::<Dataset>();
    let mut defs = Value::Object(generator.take_definitions(true));
    // The reader refuses `null` everywhere: an optional field is left out.
    no_null(&mut defs);
    let text = json!({"type": "string", "minLength": 1, "pattern": "\\S"});
    let schema_key = json!({"type": "string", "description": "Where editors find this schema; ignored by the app."});
    let id = json!({"type": "string", "pattern": ID_PATTERN});
    let currency = json!({"type": "string", "pattern": CURRENCY_PATTERN, "description": "ISO 4217 code, e.g. \"USD\"."});
    let url = json!({"pattern": URL_PATTERN});
    let patches: Vec<(&str, &str, Value)> = vec![
        ("Dataset", "format", json!({"const": FORMAT_TAG})),
        ("Dataset", "name", text.clone()),
        ("Dataset", "roles", json!({"minItems": 1})),
        ("Dataset", "$schema", schema_key.clone()),
        ("Role", "$schema", schema_key),
        ("Role", "id", id.clone()),
        ("Role", "title", text.clone()),
        ("Role", "related", json!({"items": id})),
        ("Technology", "id", text.clone()),
        ("Technology", "name", text.clone()),
        ("Technology", "effort_hours", json!({"minimum": 0})),
        ("SourceRef", "name", text.clone()),
        ("Technology", "url", url.clone()),
        ("SourceRef", "url", url.clone()),
        ("Link", "url", url),
        ("SalaryTable", "region", text.clone()),
        ("SalaryTable", "currency", currency.clone()),
        ("SalaryTable", "levels", json!({"minItems": 1})),
        ("ExchangeRates", "base", currency),
        (
            "ExchangeRates",
            "rates",
            json!({"propertyNames": {"pattern": CURRENCY_PATTERN}, "additionalProperties": {"exclusiveMinimum": 0}}),
        ),
        ("Level", "level", text.clone()),
        ("Outlook", "openings_per_year", json!({"minimum": 0})),
    ];
    for (def, field, patch) in patches {
        merge(&mut defs[def]["properties"][field], patch);
    }
    let figures = Level::default().figures().map(|(name, _)| name);
    for field in figures {
        merge(
            &mut defs["Level"]["properties"][field],
            json!({"minimum": 0}),
        );
    }
    defs["Level"]["anyOf"] = figures.iter().map(|f| json!({"required": [f]})).collect();
    merge(&mut defs["TechRef"]["properties"]["name"], text.clone());
    // A stack entry is a plain name (priority "core") or an object.
    let object_form = defs["TechRef"].take();
    defs["TechRef"] = json!({
        "description": "A technology name, id or alias (priority \"core\"), or an object with a priority and note.",
        "anyOf": [text, object_form],
    });
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://career-atlas.invalid/schema/career-atlas-1.schema.json",
        "title": "Career Atlas role file (career-atlas/1)",
        "description": "A dataset object, a single role object, or an array of roles. See data/FORMAT.md.",
        "anyOf": [
            {"$ref": "#/$defs/Dataset"},
            {"$ref": "#/$defs/Role"},
            {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/Role"}},
        ],
        "$defs": defs,
    })
}

/// Drops `"null"` from every `type` list and every `{"type": "null"}` choice,
/// and the ban on other properties: the types refuse unknown fields only to
/// send a file to the reader that warns about them.
fn no_null(v: &mut Value) {
    match v {
        Value::Object(map) => {
            if map.get("additionalProperties") == Some(&Value::Bool(false)) {
                map.remove("additionalProperties");
            }
            if let Some(Value::Array(types)) = map.get_mut("type") {
                types.retain(|t| t != "null");
                if types.len() == 1 {
                    let only = types[0].take();
                    map.insert("type".into(), only);
                }
            }
            for key in ["anyOf", "oneOf"] {
                if let Some(Value::Array(choices)) = map.get_mut(key) {
                    choices.retain(|c| c.get("type").is_none_or(|t| t != "null"));
                    if choices.len() == 1 {
                        let only = choices[0].take();
                        map.remove(key);
                        if let Value::Object(o) = only {
                            map.extend(o);
                        }
                    }
                }
            }
            map.values_mut().for_each(no_null);
        }
        Value::Array(items) => items.iter_mut().for_each(no_null),
        _ => {}
    }
}

/// Adds the keys of `patch` to `target`, recursing into objects.
fn merge(target: &mut Value, patch: Value) {
    match (target, patch) {
        (Value::Object(t), Value::Object(p)) => {
            for (k, v) in p {
                merge(t.entry(k).or_insert(Value::Null), v);
            }
        }
        (t, p) => *t = p,
    }
}

/// The schema as the pretty text committed at [`SCHEMA_PATH`].
#[must_use]
pub fn schema_text() -> String {
    let mut text = serde_json::to_string_pretty(&json_schema()).unwrap_or_default();
    text.push('\n');
    text
}
