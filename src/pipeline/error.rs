//! The library's umbrella error type.
//!
//! [`Error`] is what [`crate::rank`] returns, and what every error of the
//! library converts into with `?`. Loading a problem returns its
//! [`Diagnostics`] directly ([`Error::Input`] when converted): every error
//! found, each with its location ([`crate::problem::Diagnostic`]).
//! Per-type errors live next to their types
//! ([`crate::DataError`], [`crate::ahp::MatrixError`]).

use crate::diagnostic::Diagnostics;
use crate::math::ahp::MatrixError;
use crate::math::matrix::DataError;

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
    Weighing(#[from] super::WeighError),
    /// AHP ranking cannot use these scores or comparisons.
    #[error("criterion `{criterion}`: {error}")]
    AhpRanking {
        /// The leaf.
        criterion: String,
        /// What went wrong.
        error: MatrixError,
    },
    /// SMAA (`robustness`) cannot run with the options given.
    #[error(transparent)]
    Robustness(#[from] RobustnessError),
}

/// Why [`crate::pipeline::robustness::robustness`] cannot run as asked.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum RobustnessError {
    /// `--pairwise` with more ranked alternatives than [`super::robustness::PAIRWISE_MAX`].
    #[error("--pairwise needs at most {max} ranked alternatives; {count} are ranked", max = super::robustness::PAIRWISE_MAX)]
    PairwiseTooMany {
        /// The number ranked.
        count: usize,
    },
    /// No draws, or more than `u32::MAX`.
    #[error("the number of draws must be between 1 and {max}; got {draws}", max = u32::MAX)]
    Draws {
        /// The number asked for.
        draws: u64,
    },
    /// Replayed rows with another number of weights than leaves.
    #[error("replayed weights have {found} columns; the problem has {expected} leaves")]
    ReplayWidth {
        /// Columns of the rows.
        found: usize,
        /// Leaves of the problem.
        expected: usize,
    },
}
