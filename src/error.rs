//! The library's error types.
//!
//! [`Error`] is what the top-level functions return. Invalid problem files
//! give [`Error::Input`], which holds every problem found, each with its
//! location ([`crate::problem::Diagnostic`]).

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
    Weighing(#[from] crate::pipeline::WeighError),
    /// AHP ranking cannot use these scores or comparisons.
    #[error("criterion `{criterion}`: {error}")]
    AhpRanking {
        /// The leaf.
        criterion: String,
        /// What went wrong.
        error: MatrixError,
    },
}
