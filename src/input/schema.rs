//! The JSON Schema (draft 2020-12) of the problem file, generated from the
//! serde model of [`super::raw`] so that the two cannot drift apart.
//!
//! The structs of the model derive `schemars::JsonSchema`: a new section
//! added to [`RawProblem`] appears in the schema as soon as its type derives
//! it too (the build fails until it does). Only the types that deserialise
//! by hand (several shapes under one key) have their schema written here.
//! The schema is checked in as `schema/problem.schema.json`; a test
//! regenerates it and compares.

use std::borrow::Cow;

use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};

use super::raw::{Ordered, RawAlternatives, RawComparisons, RawProblem, RawValue, Text};

/// Where `innorank init` points the YAML language server: the schema file
/// beside the problem file (`innorank schema > problem.schema.json`), so
/// that it matches the innorank that reads the problem and works offline.
pub const SCHEMA_FILE: &str = "problem.schema.json";

/// The JSON Schema (draft 2020-12) of the problem file.
///
/// It checks the keys and the shapes of their values, as an editor can
/// while the file is typed: a misspelt key, a direction that is not
/// `benefit`, `cost` or `target`, a list where a mapping is expected. What
/// needs the whole file (a score for every leaf, judgments that name
/// siblings, levels that exist) is left to loading, which reports it
/// located.
///
/// ```
/// let schema = innorank::problem::problem_schema();
/// assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
/// assert!(schema["properties"]["criteria"].is_object());
/// ```
#[must_use]
pub fn problem_schema() -> serde_json::Value {
    let mut schema = SchemaSettings::draft2020_12()
        .into_generator()
        .into_root_schema_for::<RawProblem>();
    schema.insert("title".to_owned(), "innorank problem file".into());
    schema.insert(
        "description".to_owned(),
        "A decision problem for innorank: criteria, their weights, alternatives and screening rules (docs/problem-format.md).".into(),
    );
    schema.to_value()
}

impl JsonSchema for Text {
    fn schema_name() -> Cow<'static, str> {
        "Text".into()
    }

    fn inline_schema() -> bool {
        true
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        // Any scalar is read as its text (`id: 7` is "7").
        json_schema!({"type": ["string", "number", "boolean"]})
    }
}

impl JsonSchema for RawValue {
    fn schema_name() -> Cow<'static, str> {
        "Value".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A number, a word (a level name, a fraction such as \"1/3\"), an interval [low, high], or a small mapping where the format allows one.",
            "type": ["number", "string", "array", "object"]
        })
    }
}

impl<V: JsonSchema> JsonSchema for Ordered<V> {
    fn schema_name() -> Cow<'static, str> {
        format!("Map_of_{}", V::schema_name()).into()
    }

    fn inline_schema() -> bool {
        true
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        json_schema!({"type": "object", "additionalProperties": generator.subschema_for::<V>()})
    }
}

impl JsonSchema for RawAlternatives {
    fn schema_name() -> Cow<'static, str> {
        "Alternatives".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let list = generator.subschema_for::<Vec<super::raw::RawAlternative>>();
        json_schema!({
            "description": "The alternatives: a list, or `{csv: FILE}` for a CSV file beside the problem file.",
            "oneOf": [
                list,
                {
                    "type": "object",
                    "properties": {"csv": {"type": "string"}},
                    "required": ["csv"],
                    "additionalProperties": false
                }
            ]
        })
    }
}

/// One judgment: `[a, b, value]`, the value a number, a fraction or an
/// interval `[low, high]`.
fn judgment() -> serde_json::Value {
    serde_json::json!({
        "type": "array",
        "prefixItems": [
            {"type": ["string", "number"]},
            {"type": ["string", "number"]},
            {"anyOf": [
                {"type": ["number", "string"]},
                {"type": "array", "items": {"type": ["number", "string"]}, "minItems": 2, "maxItems": 2}
            ]}
        ],
        "minItems": 3,
        "maxItems": 3
    })
}

impl JsonSchema for RawComparisons {
    fn schema_name() -> Cow<'static, str> {
        "Comparisons".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let list = serde_json::json!({"type": "array", "items": judgment()});
        json_schema!({
            "description": "Pairwise judgments [a, b, value] (a is value times as important as b), or a mapping from judge to such a list.",
            "anyOf": [list, {"type": "object", "additionalProperties": list}]
        })
    }
}
