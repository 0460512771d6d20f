//! The JSON Schema (draft 2020-12) of the ranking's JSON (`rank --format
//! json`), the stable contract of pipelines.
//!
//! [`RankReport`](super::RankReport) serialises by hand (its lists are
//! written row by row), so its schema is written here by hand too, next to
//! it; the option names come from the enums themselves, and a test checks
//! real output against the schema.

use serde_json::{Value, json};

use crate::ahp::{Aggregation, Completion, PriorityMethod, RandomIndex, Synthesis};
use crate::pipeline::Method;
use crate::topsis::Normalization;

/// The names of an option enum's choices, as the JSON writes them.
fn names<T: Copy>(all: &[T], name: fn(T) -> &'static str) -> Value {
    all.iter().map(|&t| Value::from(name(t))).collect()
}

/// The JSON Schema (draft 2020-12) of a serialised [`RankReport`](super::RankReport)
/// (`rank --format json`): the options used, the leaf weights, each node's
/// consistency, the ranking, the alternatives screened out and the
/// warnings; with `--explain`, the head-to-head.
///
/// ```
/// let schema = innorank::pipeline::rank_schema();
/// assert_eq!(schema["required"][0], "problem");
/// assert_eq!(schema["properties"]["method"]["enum"], serde_json::json!(["topsis", "ahp"]));
/// ```
#[must_use]
pub fn rank_schema() -> Value {
    let number = json!({"type": "number"});
    let strings = json!({"type": "array", "items": {"type": "string"}});
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "innorank rank --format json",
        "type": "object",
        "required": ["problem", "method", "ahp_method", "completion", "random_index", "aggregation",
                     "weights", "consistency", "ranking", "screened_out", "warnings"],
        "additionalProperties": false,
        "properties": {
            "problem": {"type": "string", "description": "The problem's name."},
            "method": {"enum": names(&Method::ALL, Method::name)},
            "normalization": {"enum": names(&Normalization::ALL, Normalization::name), "description": "With method topsis."},
            "synthesis": {"enum": names(&Synthesis::ALL, Synthesis::name), "description": "With method ahp."},
            "ahp_method": {"enum": names(&PriorityMethod::ALL, PriorityMethod::name)},
            "completion": {"enum": names(&Completion::ALL, Completion::name)},
            "random_index": {"enum": names(&RandomIndex::ALL, RandomIndex::name)},
            "aggregation": {"enum": names(&Aggregation::ALL, Aggregation::name)},
            "weights": {"type": "object", "additionalProperties": number, "description": "Global weight of each leaf criterion, in leaf order."},
            "consistency": {"type": "array", "items": consistency()},
            "ranking": {"type": "array", "items": ranked()},
            "screened_out": {"type": "array", "items": {
                "type": "object",
                "required": ["id", "name", "reasons"],
                "additionalProperties": false,
                "properties": {"id": {"type": "string"}, "name": {"type": "string"}, "reasons": strings}
            }},
            "warnings": strings,
            "head_to_head": super::versus_json::head_to_head_schema()
        },
        "oneOf": [
            {"properties": {"method": {"const": Method::Topsis.name()}}, "required": ["normalization"], "not": {"required": ["synthesis"]}},
            {"properties": {"method": {"const": Method::Ahp.name()}}, "required": ["synthesis"], "not": {"required": ["normalization"]}}
        ]
    })
}

/// One node's consistency.
fn consistency() -> Value {
    json!({
        "type": "object",
        "required": ["node", "source", "n", "lambda_max", "ci", "ri", "cr", "consistent"],
        "additionalProperties": false,
        "properties": {
            "node": {"type": "string"},
            "source": {"enum": ["equal", "weights", "comparisons", "group comparisons"]},
            "n": {"type": "integer", "minimum": 0},
            "lambda_max": {"type": "number"},
            "ci": {"type": "number"},
            "ri": {"type": "number"},
            "cr": {"type": "number"},
            "consistent": {"type": "boolean"}
        }
    })
}

/// One ranked alternative.
fn ranked() -> Value {
    json!({
        "type": "object",
        "required": ["rank", "id", "name", "score", "values"],
        "additionalProperties": false,
        "properties": {
            "rank": {"type": "integer", "minimum": 1},
            "id": {"type": "string"},
            "name": {"type": "string"},
            "score": {"type": "number", "minimum": 0, "maximum": 1},
            "d_plus": {"type": "number", "minimum": 0, "description": "TOPSIS: distance to the ideal."},
            "d_minus": {"type": "number", "minimum": 0, "description": "TOPSIS: distance to the anti-ideal."},
            "satisfactory": {"type": "boolean", "description": "With --satisfactory."},
            "values": {"type": "object", "additionalProperties": {"type": "number"}, "description": "The score under each leaf, as ranked."},
            "explain": {"type": "object", "description": "With --explain: how each derived value was computed."}
        },
        "dependentRequired": {"d_plus": ["d_minus"], "d_minus": ["d_plus"]}
    })
}
