//! The JSON Schema of the role file format, generated from the model types so
//! that it cannot drift from what the reader builds. Editors use it for
//! completion and early warnings; the reader stays the authority (it also
//! checks what a schema cannot say well, such as figures in rising order).

use serde_json::{Value, json};

use super::types::Dataset;

/// Where the committed schema lives, relative to the project root.
pub const SCHEMA_PATH: &str = "data/schema/career-atlas-1.schema.json";

/// The schema as JSON: any of the three accepted shapes.
#[must_use]
pub fn json_schema() -> Value {
    let mut root: Value = schemars::schema_for!(Dataset).into();
    let mut defs = root.get_mut("$defs").map_or_else(|| json!({}), Value::take);
    // The dataset object itself becomes a definition beside the others.
    let mut dataset = root.take();
    if let Some(obj) = dataset.as_object_mut() {
        for key in ["$schema", "$defs", "title"] {
            obj.remove(key);
        }
    }
    set(
        &mut dataset,
        &["properties", "format"],
        json!({"const": super::types::FORMAT_TAG, "description": "Always \"career-atlas/1\"."}),
    );
    set(&mut dataset, &["properties", "roles", "minItems"], json!(1));
    set(
        &mut dataset,
        &["properties", "$schema"],
        json!({"type": "string", "description": "Where editors find this schema; ignored by the app."}),
    );
    defs["Dataset"] = dataset;

    let id_pattern = json!("^[a-z0-9]+(-[a-z0-9]+)*$");
    set(
        &mut defs,
        &["Role", "properties", "id", "pattern"],
        id_pattern.clone(),
    );
    set(
        &mut defs,
        &["Role", "properties", "title", "minLength"],
        json!(1),
    );
    set(
        &mut defs,
        &["Role", "properties", "related", "items", "pattern"],
        id_pattern,
    );
    set(
        &mut defs,
        &["Role", "properties", "$schema"],
        json!({"type": "string"}),
    );
    let currency = json!({"type": "string", "pattern": "^[A-Z]{3}$", "description": "ISO 4217 code, e.g. \"USD\"."});
    set(
        &mut defs,
        &["SalaryTable", "properties", "currency"],
        currency.clone(),
    );
    set(
        &mut defs,
        &["ExchangeRates", "properties", "base"],
        currency,
    );
    set(
        &mut defs,
        &["SalaryTable", "properties", "levels", "minItems"],
        json!(1),
    );
    set(
        &mut defs,
        &["Link", "properties", "url", "pattern"],
        json!("^[Hh][Tt][Tt][Pp][Ss]?://\\S+$"),
    );
    for field in ["min", "p10", "p25", "median", "p75", "p90", "max"] {
        set(
            &mut defs,
            &["Level", "properties", field, "minimum"],
            json!(0),
        );
    }
    set(
        &mut defs,
        &["Level", "anyOf"],
        json!(
            ["min", "p10", "p25", "median", "p75", "p90", "max"]
                .iter()
                .map(|f| json!({"required": [f]}))
                .collect::<Vec<_>>()
        ),
    );
    // A stack entry is a plain name (priority "core") or an object.
    let object_form = defs.get_mut("TechRef").map_or(Value::Null, Value::take);
    defs["TechRef"] = json!({
        "description": "A technology name, id or alias (priority \"core\"), or an object with a priority and note.",
        "anyOf": [{"type": "string", "minLength": 1}, object_form],
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

/// Sets `value` at `path`, creating objects on the way.
fn set(target: &mut Value, path: &[&str], value: Value) {
    match path.split_first() {
        None => *target = value,
        Some((key, rest)) => {
            if !target.is_object() {
                *target = json!({});
            }
            if let Value::Object(map) = target {
                set(
                    map.entry((*key).to_string()).or_insert(Value::Null),
                    rest,
                    value,
                );
            }
        }
    }
}

/// The schema as the pretty text committed at [`SCHEMA_PATH`].
#[must_use]
pub fn schema_text() -> String {
    let mut text = serde_json::to_string_pretty(&json_schema()).unwrap_or_default();
    text.push('\n');
    text
}
