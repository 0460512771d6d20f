//! The validated `portfolio:` section: what `innorank portfolio` needs to
//! choose the set of proposals to fund. Alternatives are named by their
//! index in [`super::Problem::alternatives`].

/// What a proposal's value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueSource {
    /// TOPSIS closeness x 100 among the survivors.
    Topsis,
    /// AHP synthesis score x 100 among the survivors.
    Ahp,
    /// The raw value of a leaf (money, e.g. NPV), by leaf column.
    Leaf(usize),
}

/// A shared fixed cost.
#[derive(Debug, Clone, PartialEq)]
pub struct PlatformSpec {
    /// Its id (`DIMENSION:asset` for a priced asset).
    pub id: String,
    /// Display name.
    pub name: Option<String>,
    /// Paid once if any funded proposal needs it.
    pub fixed_cost: f64,
    /// `(unit_cost, learning_rate)` of a pooled learning curve.
    pub learning: Option<(f64, f64)>,
}

/// A cardinality bound on a set of proposals.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupSpec {
    /// The proposals.
    pub ids: Vec<usize>,
    /// At least this many funded.
    pub min: Option<usize>,
    /// At most this many funded.
    pub max: Option<usize>,
}

/// The `portfolio:` section and the alternatives' portfolio fields,
/// validated.
#[derive(Debug, Clone, PartialEq)]
pub struct Portfolio {
    /// The budget, in the unit of the cost leaf.
    pub budget: f64,
    /// The leaf column holding each proposal's own cost.
    pub cost: usize,
    /// What a proposal's value is.
    pub value: ValueSource,
    /// Platforms: the written ones, then the priced assets.
    pub platforms: Vec<PlatformSpec>,
    /// Per alternative: the platforms it needs (indices, ascending).
    pub needs: Vec<Vec<usize>>,
    /// Per alternative: its planned volume, if given.
    pub volumes: Vec<Option<u64>>,
    /// `(a, b, bonus)`.
    pub synergies: Vec<(usize, usize, f64)>,
    /// `(a, b)`: `a` only if `b`.
    pub requires: Vec<(usize, usize)>,
    /// All or none of each set.
    pub together: Vec<Vec<usize>>,
    /// Cardinality bounds.
    pub groups: Vec<GroupSpec>,
    /// `(id, capacity)` of each resource.
    pub resources: Vec<(String, f64)>,
    /// Per alternative: its use of each resource.
    pub uses: Vec<Vec<f64>>,
    /// Proposals that must be funded.
    pub must: Vec<usize>,
    /// Proposals that must not be funded.
    pub must_not: Vec<usize>,
}

/// What is wrong in a `portfolio:` section or an alternative's portfolio
/// fields.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum PortfolioIssue {
    /// A name that is no alternative, platform or resource.
    #[error("`{id}` is not a{} {what}{}", if what.starts_with(['a', 'e', 'i', 'o', 'u']) { "n" } else { "" }, crate::diagnostic::did_you_mean(suggestion))]
    Unknown {
        /// `alternative`, `platform`, `resource`, `leaf criterion`.
        what: &'static str,
        /// The name found.
        id: String,
        /// The nearest known name, if close.
        suggestion: Option<String>,
    },
    /// A proposal in both `must` and `must_not`.
    #[error("`{0}` is in both `must` and `must_not`")]
    MustAndMustNot(String),
    /// A `must` proposal screening rejects.
    #[error("`{0}` must be funded, but screening rejects it")]
    MustScreenedOut(String),
    /// A `must` proposal whose requirements cannot be funded.
    #[error("`{must}` must be funded, but it requires `{by}`, which {why}")]
    MustForcedOut {
        /// The `must` proposal.
        must: String,
        /// What it requires, directly or through others.
        by: String,
        /// `is in must_not` or `screening rejects`.
        why: &'static str,
    },
    /// A negative amount.
    #[error("must be a number >= 0, found {0}")]
    Negative(f64),
    /// A learning platform while the value is not money.
    #[error("pooled learning adds money to the value; set `value:` to a money leaf (such as npv), not topsis or ahp")]
    LearningNeedsMoney,
    /// A learning rate outside (0, 1] or a unit cost <= 0.
    #[error("{0}")]
    Curve(#[source] crate::math::learning_curve::CurveError),
    /// A user of a learning platform without a volume.
    #[error("`{alternative}` uses the learning platform `{platform}` and needs a `volume` (a whole number >= 1)")]
    VolumeMissing {
        /// The alternative.
        alternative: String,
        /// The platform.
        platform: String,
    },
    /// A volume that is not a positive integer.
    #[error("`volume` must be a whole number >= 1, found {0}")]
    Volume(f64),
    /// A synergy that is not `[a, b, bonus]`.
    #[error("a synergy is `[a, b, bonus]`, found {0}")]
    Synergy(String),
    /// A pair that is not `[a, b]`, or a together set with fewer than two.
    #[error("expected {0}")]
    Shape(&'static str),
    /// A proposal paired with itself.
    #[error("`{0}` is paired with itself")]
    SelfPair(String),
    /// A group whose min is above its max or its size.
    #[error("the group's bounds cannot hold: min {min}, max {max}, {size} ids")]
    GroupBounds {
        /// `min` (0 if absent).
        min: usize,
        /// `max` (the size if absent).
        max: usize,
        /// Ids in the group.
        size: usize,
    },
    /// A bound that is not a whole number.
    #[error("must be a whole number >= 0, found {0}")]
    Count(String),
    /// `value:` that names neither a method nor a leaf.
    #[error("`value` is `topsis`, `ahp`, a leaf id or `{{leaf: ID}}`, found {0}")]
    Value(String),
    /// `asset_costs` without `core:` or without the alternatives' assets.
    #[error(
        "`asset_costs` prices the assets a proposal lacks from `core:`; give `core:` and the alternatives' `assets:`"
    )]
    AssetsNeeded,
    /// An alternative's portfolio field without a `portfolio:` section.
    #[error("`{0}` needs a `portfolio:` section in the problem file")]
    NoSection(String),
}
