//! Things worth knowing that do not stop a ranking.

/// A warning about the input or the result. Shown on standard error and
/// listed in the JSON `warnings`.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum Warning {
    /// A judgment outside Saaty's 1/9..9 scale.
    #[error("{path}: judgment {value} is outside Saaty's scale 1/9..9")]
    JudgmentOffScale {
        /// Field path of the value.
        path: String,
        /// The value.
        value: f64,
    },
    /// A comparison matrix whose CR is above the threshold.
    #[error("node `{node}` is inconsistent: CR {cr:.4} > {threshold} (see `innorank weights`)")]
    Inconsistent {
        /// Node id.
        node: String,
        /// Its consistency ratio.
        cr: f64,
        /// The threshold.
        threshold: f64,
    },
    /// Missing judgments were estimated.
    #[error("node `{node}`: {count} missing judgment(s) estimated by Harker's method")]
    Estimated {
        /// Node id.
        node: String,
        /// How many pairs.
        count: usize,
    },
    /// A leaf whose values are all zero (vector normalisation undefined).
    #[error("criterion `{criterion}` is zero for every alternative; it does not affect the ranking")]
    AllZeroColumn {
        /// Leaf id.
        criterion: String,
    },
    /// A leaf with the same value for every alternative.
    #[error("criterion `{criterion}` has the same value for every alternative; it does not affect the ranking")]
    ConstantColumn {
        /// Leaf id.
        criterion: String,
    },
    /// No criterion separates the alternatives.
    #[error("no criterion separates the alternatives; every score is 0.5")]
    NoDiscrimination,
    /// Only one alternative to rank.
    #[error("only one alternative to rank (`{id}`); its score says nothing about the others")]
    SingleAlternative {
        /// Its id.
        id: String,
    },
    /// Screening left nothing to rank.
    #[error("every alternative was screened out; nothing to rank")]
    NothingLeft,
}
