//! The library's error types.
//!
//! [`Error`] is what the top-level functions return. Invalid problem files
//! give [`Error::Input`], which holds every problem found, each with its
//! location ([`crate::problem::Diagnostic`]).

use crate::problem::Diagnostics;

/// Everything that can go wrong in innorank.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The problem input is invalid; nothing was ranked.
    #[error(transparent)]
    Input(#[from] Diagnostics),
    /// Numbers handed to the library API do not form a valid input.
    #[error(transparent)]
    Data(#[from] DataError),
    /// A pairwise comparison matrix is not valid.
    #[error(transparent)]
    Matrix(#[from] MatrixError),
    /// The weights of a node cannot be derived with the options chosen.
    #[error(transparent)]
    Weighing(#[from] crate::ahp::WeighError),
    /// AHP ranking cannot use these scores or comparisons.
    #[error("criterion `{criterion}`: {error}")]
    AhpRanking {
        /// The leaf.
        criterion: String,
        /// What went wrong.
        error: MatrixError,
    },
}

/// Invalid numbers passed to [`crate::DecisionMatrix`], [`crate::Weights`]
/// or [`crate::topsis::Topsis`].
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum DataError {
    /// No alternatives or no criteria.
    #[error("the decision matrix is empty")]
    EmptyMatrix,
    /// More alternatives than a ranking can hold (2^32 - 1).
    #[error("{count} alternatives are more than can be ranked at once (at most 4,294,967,295)")]
    TooManyAlternatives {
        /// How many there are.
        count: usize,
    },
    /// A row of a different length than the first.
    #[error("row {row} has {len} values, expected {expected}")]
    RaggedRow {
        /// 0-based row.
        row: usize,
        /// Its length.
        len: usize,
        /// The first row's length.
        expected: usize,
    },
    /// A column of a different length than the first.
    #[error("column {col} has {len} values, expected {expected}")]
    RaggedColumn {
        /// 0-based column.
        col: usize,
        /// Its length.
        len: usize,
        /// The first column's length.
        expected: usize,
    },
    /// A NaN or infinite score.
    #[error("score at row {row}, column {col} is not finite ({value})")]
    NonFinite {
        /// 0-based row.
        row: usize,
        /// 0-based column.
        col: usize,
        /// The value found.
        value: f64,
    },
    /// An empty weight list.
    #[error("no weights given")]
    NoWeights,
    /// A negative or non-finite weight.
    #[error("weight {index} is {value}, expected a finite number >= 0")]
    InvalidWeight {
        /// 0-based position.
        index: usize,
        /// The value found.
        value: f64,
    },
    /// Every weight is zero.
    #[error("all weights are zero")]
    AllZeroWeights,
    /// Weights, directions and matrix disagree on the number of criteria.
    #[error("{what} has {found} entries but the matrix has {expected} criteria")]
    CountMismatch {
        /// Which input is off.
        what: &'static str,
        /// Its length.
        found: usize,
        /// The matrix's number of columns.
        expected: usize,
    },
}

/// Why a set of pairwise judgments does not form a valid comparison matrix.
///
/// Indices are 0-based positions among the compared items.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum MatrixError {
    /// Nothing to compare.
    #[error("the matrix is empty")]
    Empty,
    /// A row whose length differs from the number of rows.
    #[error("row {row} has {len} entries but the matrix has {n} rows")]
    NotSquare {
        /// 0-based row.
        row: usize,
        /// Its length.
        len: usize,
        /// Number of rows.
        n: usize,
    },
    /// A zero, negative or non-finite entry.
    #[error("entry ({row}, {col}) is {value}, expected a positive finite number")]
    NonPositive {
        /// 0-based row.
        row: usize,
        /// 0-based column.
        col: usize,
        /// The value found.
        value: f64,
    },
    /// A judgment or entry outside the bound [`crate::ahp::JUDGMENT_MIN`]
    /// ..[`crate::ahp::JUDGMENT_MAX`] (1e-6..1e6), where floating-point
    /// arithmetic on the matrix can no longer be trusted.
    #[error("entry ({row}, {col}) is {value}, expected a judgment between 1e-6 and 1e6")]
    OutOfBounds {
        /// 0-based row.
        row: usize,
        /// 0-based column.
        col: usize,
        /// The value found.
        value: f64,
    },
    /// A computation gave a number that is not finite or out of its range
    /// (a safety net: bounded judgments never reach it).
    #[error("{what} came out as {value}; the judgments are too extreme to compute with")]
    NonFinite {
        /// The quantity computed, e.g. `priority`.
        what: &'static str,
        /// The value found.
        value: f64,
    },
    /// A diagonal entry other than 1.
    #[error("diagonal entry ({index}, {index}) is {value}, expected 1")]
    Diagonal {
        /// 0-based index.
        index: usize,
        /// The value found.
        value: f64,
    },
    /// `a_ji` is not `1 / a_ij` to 1e-9 relative.
    #[error("entries ({row}, {col}) = {a_ij} and ({col}, {row}) = {a_ji} are not reciprocal")]
    NotReciprocal {
        /// 0-based row.
        row: usize,
        /// 0-based column.
        col: usize,
        /// The entry above.
        a_ij: f64,
        /// Its mirror.
        a_ji: f64,
    },
    /// An item compared with itself.
    #[error("item {index} is compared with itself")]
    SelfComparison {
        /// 0-based index.
        index: usize,
    },
    /// A pair judged twice (in either order).
    #[error("the pair ({a}, {b}) is judged more than once")]
    RepeatedPair {
        /// 0-based first item.
        a: usize,
        /// 0-based second item.
        b: usize,
    },
    /// An index past the number of items.
    #[error("item {index} does not exist (there are {n})")]
    OutOfRange {
        /// The index given.
        index: usize,
        /// Number of items.
        n: usize,
    },
    /// The judgments do not link every item to every other.
    #[error("the judgments leave {} groups unlinked", groups.len())]
    Disconnected {
        /// The connected groups, each a sorted list of indices, in order of
        /// their smallest index.
        groups: Vec<Vec<usize>>,
    },
    /// More items than the random-index table covers.
    #[error("{n} items compared; pairwise comparison supports at most {max}")]
    TooLarge {
        /// Number of items.
        n: usize,
        /// The largest size supported.
        max: usize,
    },
    /// Group judgments with no judge.
    #[error("no judges given")]
    NoJudges,
    /// A judge's weight is negative, zero or not finite.
    #[error("judge `{judge}` has weight {weight}, expected a positive finite number")]
    InvalidJudgeWeight {
        /// The judge's name.
        judge: String,
        /// The weight given.
        weight: f64,
    },
    /// One judge's judgments are invalid on their own (an index out of
    /// range, a pair judged twice, a non-positive value, ...).
    #[error("judge `{judge}`: {source}")]
    JudgeJudgments {
        /// The judge's name.
        judge: String,
        /// What is wrong with them.
        source: Box<MatrixError>,
    },
    /// A judge's own judgments do not link every item, so the judge has no
    /// priority vector of their own (needed to aggregate priorities, AIP).
    #[error("judge `{judge}`'s judgments leave {} groups unlinked, so they have no priorities of their own", groups.len())]
    JudgeDisconnected {
        /// The judge's name.
        judge: String,
        /// The connected groups of the judge's judgments, as in
        /// [`MatrixError::Disconnected`].
        groups: Vec<Vec<usize>>,
    },
    /// A score unusable for AHP priorities: negative under a benefit
    /// criterion (`x / sum x`), or not positive under a cost criterion
    /// (`(1/x) / sum (1/x)`).
    #[error(
        "a score of {value} cannot become an AHP priority: scores must be >= 0 under a benefit criterion and > 0 under a cost criterion"
    )]
    NonPositiveScore {
        /// 0-based alternative.
        index: usize,
        /// The score found.
        value: f64,
    },
    /// AHP priorities from scores need a benefit or cost direction, not a
    /// target.
    #[error(
        "AHP priorities from scores need a benefit or cost direction, not a target; compare the alternatives pairwise under it (`alternative_comparisons`)"
    )]
    TargetScores,
    /// A leaf's local priorities cover a different number of alternatives
    /// than the first leaf's.
    #[error("leaf {leaf} has {len} local priorities, expected {expected}")]
    LeafLength {
        /// 0-based leaf.
        leaf: usize,
        /// Its number of priorities.
        len: usize,
        /// The first leaf's number.
        expected: usize,
    },
    /// A leaf weight is negative or not finite.
    #[error("leaf {leaf} has weight {value}, expected a finite number >= 0")]
    InvalidLeafWeight {
        /// 0-based leaf.
        leaf: usize,
        /// The weight found.
        value: f64,
    },
    /// A local priority is negative or not finite, or all of a leaf's local
    /// priorities are zero.
    #[error("leaf {leaf}: local priority {index} is {value}, expected finite, >= 0 and not all zero")]
    InvalidLocalPriority {
        /// 0-based leaf.
        leaf: usize,
        /// 0-based alternative.
        index: usize,
        /// The value found.
        value: f64,
    },
}
