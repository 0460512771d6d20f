//! The problem file as written, before validation: a serde model that
//! accepts every shape the format allows and refuses unknown keys.
//!
//! Fields that may be a number or a word (scores, judgments) are kept as
//! [`Scalar`] so that validation can report every bad value at once instead
//! of stopping at the first.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawProblem {
    pub version: Option<Scalar>,
    pub name: Text,
    pub description: Option<Text>,
    pub criteria: Vec<RawCriterion>,
    pub comparisons: Option<RawComparisons>,
    pub matrix: Option<Vec<Vec<Scalar>>>,
    pub alternatives: Vec<RawAlternative>,
    #[serde(default)]
    pub screening: Vec<RawRule>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCriterion {
    pub id: Text,
    pub name: Option<Text>,
    pub description: Option<Text>,
    pub direction: Option<RawDirection>,
    pub unit: Option<Text>,
    pub scale: Option<RawScale>,
    pub target: Option<Scalar>,
    pub levels: Option<Pairs>,
    pub weight: Option<Scalar>,
    pub criteria: Option<Vec<RawCriterion>>,
    pub comparisons: Option<RawComparisons>,
    pub matrix: Option<Vec<Vec<Scalar>>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RawDirection {
    Benefit,
    Cost,
    Target,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawScale {
    pub min: Scalar,
    pub max: Scalar,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAlternative {
    pub id: Text,
    pub name: Option<Text>,
    pub description: Option<Text>,
    pub scores: Pairs,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRule {
    pub criterion: Text,
    pub min: Option<Scalar>,
    pub max: Option<Scalar>,
}

/// A text field. Any scalar is taken as its text (`id: 7` is `"7"`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(transparent)]
pub struct Text(pub String);

/// A number or a word, as written.
#[derive(Debug, Clone, PartialEq)]
pub enum Scalar {
    /// A YAML number (possibly NaN or infinite: `.nan`, `.inf`).
    Number(f64),
    /// A string: a named level, a fraction, a quoted or too-large number.
    Text(String),
}

impl fmt::Display for Scalar {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Scalar::Number(v) => write!(f, "{v}"),
            Scalar::Text(s) => f.write_str(s),
        }
    }
}

impl<'de> Deserialize<'de> for Scalar {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Scalar;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a number or a word")
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Scalar, E> {
                Ok(Scalar::Number(v as f64))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Scalar, E> {
                Ok(Scalar::Number(v as f64))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Scalar, E> {
                Ok(Scalar::Number(v))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Scalar, E> {
                Ok(Scalar::Text(v.to_owned()))
            }
        }
        d.deserialize_any(V)
    }
}

/// A mapping kept in written order (scores, levels). Repeated keys are
/// caught before deserialisation, by the event scan.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Pairs(pub Vec<(String, Scalar)>);

impl<'de> Deserialize<'de> for Pairs {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Pairs;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a mapping of names to numbers")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Pairs, A::Error> {
                let mut pairs = Vec::new();
                while let Some((k, v)) = map.next_entry::<Text, Scalar>()? {
                    pairs.push((k.0, v));
                }
                Ok(Pairs(pairs))
            }
        }
        d.deserialize_map(V)
    }
}

/// `comparisons:` either a list of `[a, b, value]` judgments or a map from
/// judge to such a list.
#[derive(Debug, Clone, PartialEq)]
pub enum RawComparisons {
    /// One set of judgments.
    Single(Vec<Vec<Scalar>>),
    /// Judgments per judge, in written order.
    Group(Vec<(String, Vec<Vec<Scalar>>)>),
}

impl<'de> Deserialize<'de> for RawComparisons {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawComparisons;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a list of judgments [a, b, value], or a map from judge to such a list")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<RawComparisons, A::Error> {
                let mut list = Vec::new();
                while let Some(triple) = seq.next_element()? {
                    list.push(triple);
                }
                Ok(RawComparisons::Single(list))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawComparisons, A::Error> {
                let mut judges = Vec::new();
                while let Some((judge, list)) = map.next_entry::<Text, Vec<Vec<Scalar>>>()? {
                    judges.push((judge.0, list));
                }
                Ok(RawComparisons::Group(judges))
            }
        }
        d.deserialize_any(V)
    }
}
