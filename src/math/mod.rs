//! The math layer: numbers in, numbers out. Nothing here knows a criterion
//! tree, a file or a report; everything above (model, input, pipeline)
//! builds on it.
//!
//! A new scoring or weighting method goes here, with its formula and source
//! in the module docs.

pub mod ahp;
pub mod column_stats;
pub mod correlation;
pub mod crossing;
pub mod learning_curve;
pub(crate) mod matrix;
pub(crate) mod names;
pub mod portfolio;
pub mod ranking;
pub mod smaa;
pub mod topsis;
pub(crate) mod weights;
