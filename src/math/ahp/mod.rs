//! The Analytic Hierarchy Process: priorities from pairwise judgments.
//!
//! A decision maker compares items two at a time on Saaty's 1-9 scale
//! ("a is 3 times as important as b"). The judgments fill a positive
//! reciprocal matrix `A` ([`PairwiseMatrix`]); the items' priorities are
//!
//! * [`PriorityMethod::Eigen`] (default): the principal right eigenvector of
//!   `A`, normalised to sum 1, with `lambda_max` its eigenvalue (Saaty 1977,
//!   "A scaling method for priorities in hierarchical structures", J. Math.
//!   Psych. 15). Computed by Noda iteration (inverse iteration shifted by
//!   the Collatz-Wielandt upper bound on the eigenvalue, which converges for
//!   non-negative irreducible matrices by the Perron-Frobenius theorem, in a
//!   few steps however inconsistent the judgments) on the matrix balanced by
//!   the geometric-mean priorities, until the Collatz-Wielandt bounds agree
//!   to 1e-15 relative.
//! * [`PriorityMethod::Geometric`]: the row geometric mean, normalised
//!   (Crawford & Williams 1985, the logarithmic least-squares solution). For
//!   an incomplete matrix it is the logarithmic least-squares solution over
//!   the given judgments. `lambda_max` is then the mean of `(A w)_i / w_i`.
//!
//! Consistency: `CI = (lambda_max - n) / (n - 1)`, `CR = CI / RI(n)`
//! ([`Consistency`], [`RandomIndex`]). A matrix is usually called consistent
//! when `CR <= 0.10`.
//!
//! Judgments are bounded, [`JUDGMENT_MIN`]..[`JUDGMENT_MAX`] (1e-6..1e6):
//! within the bound every result is finite, `lambda_max >= n` and `CR >= 0`,
//! and [`PairwiseMatrix::try_solve`] checks it.
//!
//! Missing judgments are estimated by Harker's method (Harker 1987,
//! "Alternative modes of questioning in the analytic hierarchy process",
//! Mathematical Modelling 9): the missing `a_ij` is taken as `w_i / w_j`,
//! which gives the same eigenvector as the matrix with missing entries set to
//! 0 and `1 + m_i` on the diagonal, `m_i` the number missing in row `i`.
//!
//! ```
//! use innorank::ahp::{PairwiseMatrix, PriorityMethod};
//! let m = PairwiseMatrix::from_rows(vec![
//!     vec![1.0, 2.0, 4.0],
//!     vec![0.5, 1.0, 2.0],
//!     vec![0.25, 0.5, 1.0],
//! ]).unwrap();
//! let p = m.priorities(PriorityMethod::Eigen);
//! assert!((p.weights[0] - 4.0 / 7.0).abs() < 1e-12);
//! assert!(p.consistency.cr.abs() < 1e-12);
//! ```
//!
//! # Extensions
//!
//! * Options ([`AhpOptions`]): the priority method, the completion of missing
//!   judgments ([`Completion::Harker`] or [`Completion::LambdaMin`], the
//!   completion minimising `lambda_max`, Bozóki, Fülöp & Rónyai 2010) and the
//!   random-index table ([`RandomIndex`]: Saaty, Donegan & Dodd, Tummala &
//!   Ling, Alonso & Lamata). [`PairwiseMatrix::solve`] returns the priorities
//!   with the values filled in for missing judgments.
//! * Group judgments ([`GroupJudgments`]): aggregation of individual
//!   judgments or priorities ([`Aggregation`]), each judge's consistency and
//!   compatibility with the group, a consensus figure and the judgment the
//!   group disagrees about most.
//! * Consistency repair ([`suggest_revisions`]): judgments to change, one at
//!   a time, until CR is within a threshold.
//! * Synthesis ([`synthesize`]): the alternatives' global scores from leaf
//!   weights and local priorities, distributive or ideal ([`Synthesis`]).
//!
//! ```
//! use innorank::ahp::{AhpOptions, Completion, PairwiseMatrix, PriorityMethod, RandomIndex};
//! let m = PairwiseMatrix::from_judgments(3, &[(0, 1, 2.0), (1, 2, 3.0)]).unwrap();
//! let options = AhpOptions {
//!     method: PriorityMethod::Eigen,
//!     completion: Completion::LambdaMin,
//!     random_index: RandomIndex::DoneganDodd,
//! };
//! let s = m.solve(&options);
//! // Two judgments on a chain are completed consistently: a_02 = 2 * 3.
//! assert!((s.estimates[0].value - 6.0).abs() < 1e-9);
//! assert!(s.priorities.consistency.cr < 1e-9);
//! ```

/// The smallest judgment accepted, `1e-6` (see [`JUDGMENT_MAX`]).
pub const JUDGMENT_MIN: f64 = 1e-6;

/// The largest judgment accepted, `1e6`. Saaty's scale ends at 9 (values
/// beyond it are allowed, with a warning); judgments beyond a million to one
/// mean nothing to a decision maker, and bounding them keeps every product
/// along a chain of 14 judgments (15 items) within `1e±84`, far from the
/// limits of `f64`, so priorities, `lambda_max` and CR stay finite and
/// accurate. [`PairwiseMatrix`] refuses entries outside
/// `JUDGMENT_MIN..=JUDGMENT_MAX` ([`crate::ahp::MatrixError::OutOfBounds`]).
pub const JUDGMENT_MAX: f64 = 1e6;

/// True when `value` is a judgment [`PairwiseMatrix`] accepts: finite and
/// within `JUDGMENT_MIN..=JUDGMENT_MAX`.
///
/// ```
/// use innorank::ahp::judgment_in_bounds;
/// assert!(judgment_in_bounds(1.0 / 9.0) && judgment_in_bounds(1e6));
/// assert!(!judgment_in_bounds(1e-320) && !judgment_in_bounds(1e7) && !judgment_in_bounds(f64::NAN));
/// ```
pub fn judgment_in_bounds(value: f64) -> bool {
    (JUDGMENT_MIN..=JUDGMENT_MAX).contains(&value)
}

mod completion;
mod consistency;
mod group;
mod matrix;
mod priorities;
mod repair;
mod synthesis;

pub use crate::math::names::UnknownName;
pub use completion::{
    AhpOptions, Completion, LAMBDA_MIN_MAX_CYCLES, LAMBDA_MIN_MAX_SLOPES, LAMBDA_MIN_TOLERANCE, Solution,
};
pub use consistency::{Consistency, DEFAULT_CR_THRESHOLD, RandomIndex};
pub use group::{
    Aggregation, Disagreement, GroupJudgments, GroupPriorities, JudgeAgreement, JudgmentSet,
    SAATY_COMPATIBILITY_THRESHOLD, compatibility_index, geometric_compatibility_index,
};
pub use matrix::{Deviation, Estimate, MatrixError, PairwiseMatrix};
pub use priorities::{Priorities, PriorityMethod};
pub use repair::{Repair, RepairOutcome, Revision, suggest_revisions};
pub use synthesis::{LeafPriorities, Synthesis, SynthesisScores, priorities_from_scores, synthesize};
