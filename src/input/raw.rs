//! The problem file as written, before validation: a serde model that
//! accepts every shape the format allows.
//!
//! Unknown keys are refused, but not here: by the event scan
//! ([`super::scan`]), which reads the field names of these structs
//! ([`Shape::keys`]) and reports every unknown key at once, with a
//! suggestion, instead of stopping at the first.
//!
//! Fields that may be a number or a word (scores, judgments) are kept as
//! [`RawValue`] so that validation can report every bad value at once instead
//! of stopping at the first.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};

use super::diagnostic::{did_you_mean, nearest};

/// Keys the format requires are still `Option` here (`name`, `criteria`,
/// an alternative's `id`, a rule's `criterion`, a scale's bounds): their
/// absence is reported by validation, which leaves the report out when the
/// same mapping has a misspelt key (`nmae:`), instead of serde stopping at
/// "missing field" before the typo is even mentioned.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct RawProblem {
    pub version: Option<RawValue>,
    #[serde(default, deserialize_with = "present")]
    pub name: Option<Text>,
    pub description: Option<Text>,
    pub core: Option<Ordered<Vec<Text>>>,
    #[serde(default, deserialize_with = "present")]
    pub criteria: Option<Vec<RawCriterion>>,
    pub comparisons: Option<RawComparisons>,
    /// Weights of the judges of group `comparisons`.
    pub judges: Option<Pairs>,
    pub matrix: Option<Vec<Vec<RawValue>>>,
    /// Pairwise comparisons of the alternatives under a leaf, for
    /// `rank --method ahp`.
    pub alternative_comparisons: Option<Ordered<Vec<Vec<RawValue>>>>,
    /// Optional here so `--alternatives FILE.csv` can supply them.
    pub alternatives: Option<RawAlternatives>,
    #[serde(default)]
    pub screening: Vec<RawRule>,
    /// What `innorank portfolio` funds under a budget.
    pub portfolio: Option<RawPortfolio>,
}

/// `portfolio:` as written.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct RawPortfolio {
    #[serde(default, deserialize_with = "present")]
    pub budget: Option<RawValue>,
    #[serde(default, deserialize_with = "present")]
    pub cost: Option<Text>,
    /// `topsis`, `ahp`, a leaf id or `{leaf: ID}`.
    pub value: Option<RawValue>,
    #[serde(default)]
    pub platforms: Vec<RawPlatform>,
    /// Dimension to asset to price.
    pub asset_costs: Option<Ordered<Pairs>>,
    /// `[a, b, bonus]` triples.
    #[serde(default)]
    pub synergies: Vec<Vec<RawValue>>,
    #[serde(default)]
    pub requires: Vec<Vec<Text>>,
    #[serde(default)]
    pub together: Vec<Vec<Text>>,
    #[serde(default)]
    pub groups: Vec<RawGroup>,
    #[serde(default)]
    pub resources: Vec<RawResource>,
    #[serde(default)]
    pub must: Vec<Text>,
    #[serde(default)]
    pub must_not: Vec<Text>,
}

/// A shared platform as written.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct RawPlatform {
    #[serde(default, deserialize_with = "present")]
    pub id: Option<Text>,
    pub name: Option<Text>,
    #[serde(default, deserialize_with = "present")]
    pub fixed_cost: Option<RawValue>,
    pub learning: Option<RawLearning>,
}

/// A platform's pooled learning curve as written.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct RawLearning {
    #[serde(default, deserialize_with = "present")]
    pub unit_cost: Option<RawValue>,
    #[serde(default, deserialize_with = "present")]
    pub learning_rate: Option<RawValue>,
}

/// A group as written.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct RawGroup {
    #[serde(default)]
    pub ids: Vec<Text>,
    pub min: Option<RawValue>,
    pub max: Option<RawValue>,
}

/// A resource as written.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct RawResource {
    #[serde(default, deserialize_with = "present")]
    pub id: Option<Text>,
    #[serde(default, deserialize_with = "present")]
    pub capacity: Option<RawValue>,
}

#[derive(Debug, Clone, Default, Deserialize, schemars::JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct RawCriterion {
    /// Required unless `use` names a library criterion.
    pub id: Option<Text>,
    /// A criterion from the library to start from.
    #[serde(rename = "use")]
    pub use_: Option<Text>,
    pub name: Option<Text>,
    pub description: Option<Text>,
    pub direction: Option<RawDirection>,
    pub unit: Option<Text>,
    pub scale: Option<RawScale>,
    pub target: Option<RawValue>,
    pub levels: Option<Pairs>,
    /// What each score means, by value or level name.
    pub rubric: Option<Ordered<Text>>,
    pub weight: Option<RawValue>,
    pub criteria: Option<Vec<RawCriterion>>,
    pub comparisons: Option<RawComparisons>,
    /// Weights of the judges of group `comparisons`.
    pub judges: Option<Pairs>,
    pub matrix: Option<Vec<Vec<RawValue>>>,
    /// `learning_curve`, or `{shared: DIM}`.
    pub derive: Option<RawValue>,
    /// The current product's cost curve, for a `learning_curve` leaf.
    pub baseline: Option<Pairs>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum RawDirection {
    Benefit,
    Cost,
    Target,
}

#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct RawScale {
    #[serde(default, deserialize_with = "present")]
    pub min: Option<RawValue>,
    #[serde(default, deserialize_with = "present")]
    pub max: Option<RawValue>,
}

#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct RawAlternative {
    #[serde(default, deserialize_with = "present")]
    pub id: Option<Text>,
    pub name: Option<Text>,
    pub description: Option<Text>,
    #[serde(default)]
    pub scores: Pairs,
    /// What the alternative brings, per dimension of `core`.
    pub assets: Option<Ordered<Vec<Text>>>,
    /// Platforms this proposal needs (`portfolio:`).
    pub platforms: Option<Vec<Text>>,
    /// Planned units, for learning platforms.
    pub volume: Option<RawValue>,
    /// Use of each resource of `portfolio:`.
    pub uses: Option<Pairs>,
}

#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct RawRule {
    #[serde(default, deserialize_with = "present")]
    pub criterion: Option<Text>,
    pub min: Option<RawValue>,
    pub max: Option<RawValue>,
}

/// A required key that may be absent (`None`, reported by validation) but,
/// when present, is read as the value itself: `criteria:` with nothing
/// after it is an empty list and `name:` an empty text, as without the
/// `Option`, rather than counting as absent.
fn present<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Option<T>, D::Error> {
    T::deserialize(d).map(Some)
}

/// A text field. Any scalar is taken as its text (`id: 7` is `"7"`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(transparent)]
pub struct Text(pub String);

/// A number or a word, as written (or, where the format allows one, a
/// small mapping such as a cost curve's parameters).
#[derive(Debug, Clone, PartialEq)]
pub enum RawValue {
    /// A YAML number (possibly NaN or infinite: `.nan`, `.inf`).
    Number(f64),
    /// A string: a named level, a fraction, a quoted or too-large number.
    Text(String),
    /// A mapping of names to values.
    Map(Pairs),
    /// A list: an interval `[low, high]` (a judgment or a score) or a
    /// judgment triple; validation checks its length.
    List(Vec<RawValue>),
}

impl fmt::Display for RawValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RawValue::Number(v) => write!(f, "{v}"),
            RawValue::Text(s) => f.write_str(s),
            RawValue::Map(_) => f.write_str("a mapping"),
            RawValue::List(_) => f.write_str("a list"),
        }
    }
}

impl<'de> Deserialize<'de> for RawValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawValue;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a number, a word or an interval [low, high]")
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<RawValue, E> {
                Ok(RawValue::Number(v as f64))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<RawValue, E> {
                Ok(RawValue::Number(v as f64))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<RawValue, E> {
                Ok(RawValue::Number(v))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawValue, E> {
                Ok(RawValue::Text(v.to_owned()))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<RawValue, A::Error> {
                Ordered::visit(map).map(RawValue::Map)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<RawValue, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element()? {
                    items.push(item);
                }
                Ok(RawValue::List(items))
            }
        }
        d.deserialize_any(V)
    }
}

/// A mapping kept in written order (scores, levels, core). Repeated keys are
/// caught before deserialisation, by the event scan.
#[derive(Debug, Clone, PartialEq)]
pub struct Ordered<V>(pub Vec<(String, V)>);

/// Names mapped to numbers or words.
pub type Pairs = Ordered<RawValue>;

impl<V> Default for Ordered<V> {
    fn default() -> Self {
        Ordered(Vec::new())
    }
}

impl<'de, V: Deserialize<'de>> Ordered<V> {
    fn visit<A: MapAccess<'de>>(mut map: A) -> Result<Self, A::Error> {
        let mut pairs = Vec::new();
        while let Some((k, v)) = map.next_entry::<Text, V>()? {
            pairs.push((k.0, v));
        }
        Ok(Ordered(pairs))
    }
}

impl<'de, V: Deserialize<'de>> Deserialize<'de> for Ordered<V> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Vis<V>(std::marker::PhantomData<V>);
        impl<'de, V: Deserialize<'de>> Visitor<'de> for Vis<V> {
            type Value = Ordered<V>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a mapping")
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Ordered<V>, A::Error> {
                Ordered::visit(map)
            }
        }
        d.deserialize_map(Vis(std::marker::PhantomData))
    }
}

/// `alternatives:` a list, or `{csv: FILE}`.
#[derive(Debug, Clone)]
pub enum RawAlternatives {
    /// Written in the problem file.
    List(Vec<RawAlternative>),
    /// In a CSV file, relative to the problem file's folder.
    Csv(String),
}

impl<'de> Deserialize<'de> for RawAlternatives {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawAlternatives;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a list of alternatives, or `{csv: FILE}`")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<RawAlternatives, A::Error> {
                let mut list = Vec::new();
                while let Some(alt) = seq.next_element()? {
                    list.push(alt);
                }
                Ok(RawAlternatives::List(list))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawAlternatives, A::Error> {
                let mut file = None;
                while let Some(key) = map.next_key::<Text>()? {
                    if key.0 != "csv" || file.is_some() {
                        return Err(de::Error::custom(format_args!(
                            "unknown key `{}`{}; alternatives in a file are written `{{csv: FILE}}`",
                            key.0,
                            did_you_mean(&nearest(&key.0, ["csv"]))
                        )));
                    }
                    file = Some(map.next_value::<Text>()?.0);
                }
                file.map(RawAlternatives::Csv)
                    .ok_or_else(|| de::Error::custom("alternatives in a file are written `{csv: FILE}`"))
            }
        }
        d.deserialize_any(V)
    }
}

/// `comparisons:` either a list of `[a, b, value]` judgments or a map from
/// judge to such a list.
#[derive(Debug, Clone, PartialEq)]
pub enum RawComparisons {
    /// One set of judgments.
    Single(Vec<Vec<RawValue>>),
    /// Judgments per judge, in written order.
    Group(Vec<(String, Vec<Vec<RawValue>>)>),
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
                while let Some((judge, list)) = map.next_entry::<Text, Vec<Vec<RawValue>>>()? {
                    judges.push((judge.0, list));
                }
                Ok(RawComparisons::Group(judges))
            }
        }
        d.deserialize_any(V)
    }
}

/// The kinds of mapping whose keys are fixed by the format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    Problem,
    Criterion,
    Scale,
    Alternative,
    Rule,
    Portfolio,
    Platform,
    Learning,
    Group,
    Resource,
}

impl Shape {
    /// The keys a mapping of this shape accepts, read from the serde model
    /// itself so the two cannot drift apart.
    pub fn keys(self) -> &'static [&'static str] {
        use std::sync::OnceLock;
        static KEYS: OnceLock<[&'static [&'static str]; 10]> = OnceLock::new();
        let all = KEYS.get_or_init(|| {
            [
                field_names::<RawProblem>(),
                field_names::<RawCriterion>(),
                field_names::<RawScale>(),
                field_names::<RawAlternative>(),
                field_names::<RawRule>(),
                field_names::<RawPortfolio>(),
                field_names::<RawPlatform>(),
                field_names::<RawLearning>(),
                field_names::<RawGroup>(),
                field_names::<RawResource>(),
            ]
        });
        match self {
            Shape::Problem => all[0],
            Shape::Criterion => all[1],
            Shape::Scale => all[2],
            Shape::Alternative => all[3],
            Shape::Rule => all[4],
            Shape::Portfolio => all[5],
            Shape::Platform => all[6],
            Shape::Learning => all[7],
            Shape::Group => all[8],
            Shape::Resource => all[9],
        }
    }
}

/// The field names a derived `Deserialize` struct asks for, captured by a
/// deserializer that only records the request.
fn field_names<'de, T: Deserialize<'de>>() -> &'static [&'static str] {
    struct Capture<'a>(&'a mut &'static [&'static str]);

    #[derive(Debug)]
    struct Stop;
    impl fmt::Display for Stop {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("field names captured")
        }
    }
    impl std::error::Error for Stop {}
    impl de::Error for Stop {
        fn custom<M: fmt::Display>(_: M) -> Self {
            Stop
        }
    }

    impl<'de> Deserializer<'de> for Capture<'_> {
        type Error = Stop;
        fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Stop> {
            Err(Stop)
        }
        fn deserialize_struct<V: Visitor<'de>>(
            self,
            _: &'static str,
            fields: &'static [&'static str],
            _: V,
        ) -> Result<V::Value, Stop> {
            *self.0 = fields;
            Err(Stop)
        }
        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
            bytes byte_buf option unit unit_struct newtype_struct seq tuple
            tuple_struct map enum identifier ignored_any
        }
    }

    let mut fields: &'static [&'static str] = &[];
    let _ = T::deserialize(Capture(&mut fields));
    fields
}
