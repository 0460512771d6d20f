//! The decision problem as the algorithms see it: criteria tree,
//! alternatives, scores and screening rules. Pure data: no I/O and no file
//! format; [`crate::problem`] loads and validates it (the input layer), the
//! pipeline ranks it.

pub(crate) mod alternatives;
pub mod portfolio;
mod score_text;
mod uncertain;

pub use alternatives::Alternatives;
pub use score_text::ScoreText;
pub use uncertain::{Judgment, ScoreInterval};
pub(crate) use uncertain::{JudgmentIntervals, midpoint};

use crate::math::ahp::{GroupJudgments, PairwiseMatrix};
use crate::math::learning_curve::CostCurve;
use crate::{DecisionMatrix, Direction, Warning, Weights};

/// A validated decision problem.
///
/// Its parts agree with each other (one score row per alternative, one
/// column per leaf, screening rules and derivations pointing at real
/// leaves), so its fields are private: read them through the accessors,
/// and get one from the loader ([`Problem::from_path`],
/// [`Problem::from_yaml_str`]) or from [`crate::problem::ProblemBuilder`].
///
/// Changing a part on its own would break that agreement, so it does not
/// compile:
///
/// ```compile_fail,E0616
/// # let mut p = innorank::Problem::from_yaml_str(
/// #     "name: x\ncriteria: [{id: a}]\nalternatives: [{id: p, scores: {a: 1}}]\n",
/// #     "x.yaml",
/// # ).unwrap();
/// p.alternatives.push("r", None, None); // no score row for `r`
/// ```
#[derive(Debug, Clone)]
pub struct Problem {
    /// Display name.
    pub(crate) name: String,
    /// Optional free text.
    pub(crate) description: Option<String>,
    /// The criteria tree.
    pub(crate) criteria: Criteria,
    /// The alternatives, in input order.
    pub(crate) alternatives: Alternatives,
    /// Every alternative's value on every leaf.
    pub(crate) scores: DecisionMatrix,
    /// The values as a CSV file wrote them, for output to echo (see
    /// [`ScoreText`]); `None` whenever `scores` came from elsewhere.
    pub(crate) score_text: Option<ScoreText>,
    /// Hard rules applied before ranking.
    pub(crate) screening: Vec<ScreeningRule>,
    /// The current business's assets per dimension (`core:`).
    pub(crate) core: Vec<(String, Vec<String>)>,
    /// How the values of derived leaves were computed, per derived leaf.
    pub(crate) derived: Vec<Derived>,
    /// Pairwise comparisons of the alternatives under a leaf.
    pub(crate) alternative_comparisons: Vec<LeafJudgments>,
    /// The interval of each judgment of `alternative_comparisons` written
    /// as one, in the same order.
    pub(crate) alternative_intervals: Vec<JudgmentIntervals>,
    /// The scores written as intervals, by row then column; `scores`
    /// holds their midpoints.
    pub(crate) score_intervals: Vec<ScoreInterval>,
    /// Things worth knowing that do not make the input invalid.
    pub(crate) warnings: Vec<Warning>,
    /// The `portfolio:` section, validated.
    pub(crate) portfolio: Option<portfolio::Portfolio>,
}

impl Problem {
    /// Display name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Optional free text.
    pub fn description(&self) -> Option<&str> {
        self.description.as_deref()
    }

    /// The criteria tree.
    pub fn criteria(&self) -> &Criteria {
        &self.criteria
    }

    /// The alternatives, in input order.
    pub fn alternatives(&self) -> &Alternatives {
        &self.alternatives
    }

    /// Every alternative's value on every leaf (named levels already turned
    /// into numbers), rows in alternative order, columns in leaf order.
    pub fn scores(&self) -> &DecisionMatrix {
        &self.scores
    }

    /// Hard rules applied before ranking.
    pub fn screening(&self) -> &[ScreeningRule] {
        &self.screening
    }

    /// The current business's assets per dimension (`core:`), for derived
    /// relatedness.
    pub fn core(&self) -> &[(String, Vec<String>)] {
        &self.core
    }

    /// How the values of derived leaves were computed, per derived leaf.
    pub fn derived(&self) -> &[Derived] {
        &self.derived
    }

    /// Pairwise comparisons of the alternatives under a leaf (`rank --method
    /// ahp`): the leaf's column and the judgments `(a, b, value)` between
    /// alternative indices (an interval judgment as its geometric mean; see
    /// [`Problem::alternative_judgments`] for the intervals).
    pub fn alternative_comparisons(&self) -> &[LeafJudgments] {
        &self.alternative_comparisons
    }

    /// Things worth knowing that do not make the input invalid.
    pub fn warnings(&self) -> &[Warning] {
        &self.warnings
    }

    /// The `portfolio:` section, if the file has one.
    pub fn portfolio(&self) -> Option<&portfolio::Portfolio> {
        self.portfolio.as_ref()
    }

    /// The values as a CSV file wrote them, if they came from one (see
    /// [`ScoreText`]).
    // Hidden: an output optimisation for the CLI's CSV writer, which echoes
    // the file's own spelling of each value; not model data.
    #[doc(hidden)]
    pub fn score_text(&self) -> Option<&ScoreText> {
        self.score_text.as_ref()
    }
}

/// The criteria tree. Node 0 is the implicit root, whose children are the
/// top-level criteria; leaves are numbered in depth-first order, which is
/// the column order of the decision matrix.
#[derive(Debug, Clone)]
pub struct Criteria {
    pub(crate) nodes: Vec<Criterion>,
    pub(crate) leaves: Vec<usize>,
}

/// The name the root node goes by in reports.
pub const ROOT_ID: &str = "(root)";

/// A criterion: a leaf that alternatives are scored on, or a parent that
/// groups sub-criteria.
#[derive(Debug, Clone)]
pub struct Criterion {
    /// Unique id (`[a-z0-9_-]+`); `(root)` for the root.
    pub id: String,
    /// Optional display label.
    pub name: Option<String>,
    /// Optional free text.
    pub description: Option<String>,
    /// Optional unit, shown in tables.
    pub unit: Option<String>,
    /// Leaf or parent.
    pub kind: CriterionKind,
}

impl Criterion {
    /// The name if given, else the id.
    pub fn label(&self) -> &str {
        self.name.as_deref().unwrap_or(&self.id)
    }
}

/// What a criterion is.
#[derive(Debug, Clone)]
pub enum CriterionKind {
    /// Alternatives are scored on it.
    Leaf(Leaf),
    /// It groups sub-criteria.
    Parent(Parent),
}

/// A criterion that alternatives are scored on.
#[derive(Debug, Clone)]
pub struct Leaf {
    /// Benefit, cost or target.
    pub direction: Direction,
    /// Allowed range of scores, if given.
    pub scale: Option<(f64, f64)>,
    /// Named levels in file order.
    pub levels: Vec<(String, f64)>,
    /// Column in the decision matrix.
    pub column: usize,
    /// What each score means (value or level name, sentence), if given.
    pub rubric: Vec<(String, String)>,
    /// How the value is computed, for a derived leaf.
    pub derive: Option<Derive>,
}

/// Pairwise judgments of the alternatives under one leaf: the leaf's column
/// and `(a, b, value)` triples between alternative indices.
pub type LeafJudgments = (usize, Vec<(usize, usize, f64)>);

/// How a derived leaf's value is computed instead of scored.
#[derive(Debug, Clone, PartialEq)]
pub enum Derive {
    /// `|A ∩ C| / |A|`: the share of the alternative's assets in this
    /// dimension that the core business already has.
    Shared {
        /// The dimension of `core` (technologies, markets...).
        dimension: String,
    },
    /// Average cost per unit at the alternative's volume, from its cost
    /// curve ([`crate::learning_curve`]).
    LearningCurve {
        /// The current product's curve, if given.
        baseline: Option<CostCurve>,
    },
}

/// The inputs behind one derived leaf's values, per alternative.
#[derive(Debug, Clone, PartialEq)]
pub struct Derived {
    /// The leaf's column.
    pub column: usize,
    /// Per alternative, in input order.
    pub values: DerivedValues,
}

/// Per-alternative inputs of a derived leaf.
#[derive(Debug, Clone, PartialEq)]
pub enum DerivedValues {
    /// Which assets were shared with the core.
    Shared(Vec<SharedAssets>),
    /// Each alternative's cost curve and volume.
    Curves(Vec<(CostCurve, u64)>),
}

/// An alternative's assets in one dimension, split by whether the core has
/// them (as the alternative wrote them, trimmed, duplicates dropped).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SharedAssets {
    /// Assets the core business already has.
    pub shared: Vec<String>,
    /// Assets new to the firm.
    pub new: Vec<String>,
}

impl Leaf {
    /// The name of the level with this value, if any.
    pub fn level_name(&self, value: f64) -> Option<&str> {
        self.levels.iter().find(|(_, v)| *v == value).map(|(n, _)| n.as_str())
    }
}

/// A criterion with sub-criteria.
#[derive(Debug, Clone)]
pub struct Parent {
    /// Node indices of the children, in file order.
    pub children: Vec<usize>,
    /// Where the children's local weights come from.
    pub weighting: Weighting,
}

/// The source of the local weights at a parent node.
#[derive(Debug, Clone)]
pub enum Weighting {
    /// No judgments and no weights: every child weighs the same.
    Equal,
    /// `weight:` on every child, normalised.
    Direct(Weights),
    /// Pairwise comparisons (AHP).
    Judgments(Judgments),
}

impl Weighting {
    /// Where the weights come from, as reports name it: `equal`, `weights`,
    /// `comparisons` or `group comparisons`.
    pub fn source(&self) -> &'static str {
        match self {
            Weighting::Equal => "equal",
            Weighting::Direct(_) => "weights",
            Weighting::Judgments(Judgments { group: None, .. }) => "comparisons",
            Weighting::Judgments(Judgments { group: Some(_), .. }) => "group comparisons",
        }
    }
}

/// The pairwise judgments at one node.
///
/// Built by the loader only: the judgments as written (with their
/// intervals, [`Judgments::written`]) must agree with the matrix.
#[derive(Debug, Clone)]
pub struct Judgments {
    /// The matrix priorities are derived from (for a group, the element-wise
    /// geometric mean of the judges' judgments). An interval judgment
    /// enters it as the geometric mean of its bounds.
    pub matrix: PairwiseMatrix,
    /// The judges' own judgments and weights, for group judgments.
    pub group: Option<GroupJudgments>,
    /// The judgments as written, per judge.
    pub(crate) written: Vec<Vec<Judgment>>,
}

/// A hard rule: keep an alternative only if its raw score on `criterion`
/// lies within the bounds (inclusive).
#[derive(Debug, Clone, PartialEq)]
pub struct ScreeningRule {
    /// Leaf id.
    pub criterion: String,
    /// Column of that leaf in the decision matrix.
    pub column: usize,
    /// Lower bound, if any.
    pub min: Option<Bound>,
    /// Upper bound, if any.
    pub max: Option<Bound>,
}

/// A screening bound as written: a number, or a named level and its number.
#[derive(Debug, Clone, PartialEq)]
pub struct Bound {
    /// The numeric bound.
    pub value: f64,
    /// The level name it was written as, if any.
    pub level: Option<String>,
}

/// How one alternative's value on a derived leaf was computed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Derivation<'a> {
    /// The assets shared with the core and the new ones.
    Shared(&'a SharedAssets),
    /// The cost curve and the volume it was evaluated at.
    Curve(&'a CostCurve, u64),
}

impl std::fmt::Display for Derivation<'_> {
    /// `shared: hydraulics; new: battery packs` or the curve's parameters.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Derivation::Shared(s) => {
                let list = |v: &[String]| if v.is_empty() { "none".to_owned() } else { v.join(", ") };
                write!(f, "shared: {}; new: {}", list(&s.shared), list(&s.new))
            }
            Derivation::Curve(c, q) => write!(f, "{c}, volume {q}"),
        }
    }
}

impl Problem {
    /// How alternative `row`'s value on the leaf in `column` was computed,
    /// if that leaf is derived.
    pub fn derivation(&self, row: usize, column: usize) -> Option<Derivation<'_>> {
        let d = self.derived.iter().find(|d| d.column == column)?;
        match &d.values {
            DerivedValues::Shared(v) => v.get(row).map(Derivation::Shared),
            DerivedValues::Curves(v) => v.get(row).map(|(c, q)| Derivation::Curve(c, *q)),
        }
    }
}

impl Criteria {
    /// The root node (its children are the top-level criteria).
    pub fn root(&self) -> &Criterion {
        &self.nodes[0]
    }

    /// Node `index`.
    ///
    /// # Panics
    ///
    /// When `index` is not a node index (below `nodes().len()`).
    pub fn node(&self, index: usize) -> &Criterion {
        &self.nodes[index]
    }

    /// All nodes, root first, in depth-first order.
    pub fn nodes(&self) -> &[Criterion] {
        &self.nodes
    }

    /// The leaf criteria in column order, with their leaf data.
    pub fn leaves(&self) -> impl ExactSizeIterator<Item = (&Criterion, &Leaf)> + '_ {
        self.leaves.iter().map(|&i| match &self.nodes[i].kind {
            CriterionKind::Leaf(leaf) => (&self.nodes[i], leaf),
            CriterionKind::Parent(_) => unreachable!("leaves index leaf nodes only"),
        })
    }

    /// Node index of each leaf, in column order.
    pub fn leaf_nodes(&self) -> &[usize] {
        &self.leaves
    }

    /// The leaf with this id, if any.
    pub fn leaf(&self, id: &str) -> Option<(&Criterion, &Leaf)> {
        self.leaves().find(|(c, _)| c.id == id)
    }

    /// Parent nodes (root included) in depth-first order.
    pub fn parents(&self) -> impl Iterator<Item = (usize, &Criterion, &Parent)> + '_ {
        self.nodes.iter().enumerate().filter_map(|(i, c)| match &c.kind {
            CriterionKind::Parent(p) => Some((i, c, p)),
            CriterionKind::Leaf(_) => None,
        })
    }

    /// The weighting of node `index`'s children, if it is a parent.
    pub fn weighting(&self, index: usize) -> Option<&Weighting> {
        match &self.nodes.get(index)?.kind {
            CriterionKind::Parent(p) => Some(&p.weighting),
            CriterionKind::Leaf(_) => None,
        }
    }

    /// The leaves' directions, in column order.
    pub fn directions(&self) -> Vec<Direction> {
        self.leaves().map(|(_, l)| l.direction).collect()
    }
}
