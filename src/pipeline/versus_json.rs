//! The head-to-head as JSON (`rank --explain --format json`, the
//! `head_to_head` key) and its JSON Schema, next to [`super::versus`].

use serde::Serialize;
use serde_json::{Value, json};

use crate::model::Problem;
use crate::pipeline::versus::HeadToHead;

/// A [`HeadToHead`] as JSON: the two alternatives and, per leaf
/// criterion, its weight, each one's weighted gap to the ideal, which is
/// closer and by how much.
///
/// ```
/// let p = innorank::Problem::from_yaml_str(r#"
/// name: v
/// criteria: [{id: cost, direction: cost}, {id: gain}]
/// alternatives:
///   - {id: a, scores: {cost: 1, gain: 5}}
///   - {id: b, scores: {cost: 4, gain: 6}}
/// "#, "v.yaml").unwrap();
/// let report = innorank::rank(&p, &Default::default()).unwrap();
/// let h = innorank::pipeline::head_to_head(&report, None).unwrap();
/// let json = serde_json::to_value(h.json(&p)).unwrap();
/// assert_eq!(json["a"]["id"], "a");
/// assert_eq!(json["criteria"][0]["closer"], "a");
/// assert_eq!(json["criteria"][1]["closer"], "b");
/// ```
#[derive(Debug, Clone, Serialize)]
pub struct HeadToHeadJson<'a> {
    /// The first alternative.
    pub a: Side<'a>,
    /// The second alternative.
    pub b: Side<'a>,
    /// One entry per leaf, in column order.
    pub criteria: Vec<CriterionGap<'a>>,
}

/// One alternative of a head-to-head.
#[derive(Debug, Clone, Serialize)]
pub struct Side<'a> {
    /// Its id.
    pub id: &'a str,
    /// Its name (the id if it has none).
    pub name: &'a str,
    /// Its rank.
    pub rank: usize,
    /// Its score as ranked (TOPSIS closeness or AHP priority).
    pub score: f64,
}

/// One criterion of a head-to-head.
#[derive(Debug, Clone, Serialize)]
pub struct CriterionGap<'a> {
    /// The leaf's id.
    pub criterion: &'a str,
    /// Its global weight.
    pub weight: f64,
    /// The first alternative's weighted gap to the ideal.
    pub gap_a: f64,
    /// The second's.
    pub gap_b: f64,
    /// The id of the one with the smaller gap; `None` on a draw.
    pub closer: Option<&'a str>,
    /// The difference of the gaps, `|gap_b - gap_a|`.
    pub by: f64,
}

impl HeadToHead {
    /// This head-to-head as JSON, naming alternatives of `problem` (the
    /// problem it was computed on).
    pub fn json<'a>(&'a self, problem: &'a Problem) -> HeadToHeadJson<'a> {
        let ids = problem.alternatives();
        let side = |index: usize, rank: usize, score: f64| Side {
            id: ids.id(index),
            name: ids.label(index),
            rank,
            score,
        };
        let (a, b) = (ids.id(self.a), ids.id(self.b));
        let criteria = self
            .edges
            .iter()
            .map(|e| {
                let d = e.advantage();
                CriterionGap {
                    criterion: &e.criterion,
                    weight: e.weight,
                    gap_a: e.gap_a,
                    gap_b: e.gap_b,
                    closer: (d != 0.0).then_some(if d > 0.0 { a } else { b }),
                    by: d.abs(),
                }
            })
            .collect();
        HeadToHeadJson {
            a: side(self.a, self.ranks.0, self.scores.0),
            b: side(self.b, self.ranks.1, self.scores.1),
            criteria,
        }
    }
}

/// The JSON Schema of [`HeadToHeadJson`], the `head_to_head` key of
/// [`super::rank_schema`].
pub(super) fn head_to_head_schema() -> Value {
    let number = json!({"type": "number"});
    let side = json!({
        "type": "object",
        "required": ["id", "name", "rank", "score"],
        "additionalProperties": false,
        "properties": {
            "id": {"type": "string"},
            "name": {"type": "string"},
            "rank": {"type": "integer", "minimum": 1},
            "score": number
        }
    });
    json!({
        "type": "object",
        "description": "With --explain: why `a` ranks above `b` (the top two, or --versus A,B), per leaf criterion.",
        "required": ["a", "b", "criteria"],
        "additionalProperties": false,
        "properties": {
            "a": side,
            "b": side,
            "criteria": {"type": "array", "items": {
                "type": "object",
                "required": ["criterion", "weight", "gap_a", "gap_b", "closer", "by"],
                "additionalProperties": false,
                "properties": {
                    "criterion": {"type": "string"},
                    "weight": number,
                    "gap_a": {"type": "number", "minimum": 0, "description": "a's weighted gap to the ideal on this criterion."},
                    "gap_b": {"type": "number", "minimum": 0},
                    "closer": {"type": ["string", "null"], "description": "The id with the smaller gap; null on a draw."},
                    "by": {"type": "number", "minimum": 0, "description": "|gap_b - gap_a|."}
                }
            }}
        }
    })
}
