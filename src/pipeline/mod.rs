//! The pipeline: what the commands compute from a validated [`crate::Problem`].
//!
//! Each module here takes the model and the math below it and produces a
//! report; nothing below this layer imports from it.

mod curves;

pub use curves::{AlternativeCurve, CriterionCurves, curves};
