//! The pipeline: what the commands compute from a validated [`crate::Problem`].
//!
//! Each module here takes the model and the math below it and produces a
//! report; nothing below this layer imports from it.

mod curves;
mod weigh;

pub use curves::{AlternativeCurve, CriterionCurves, curves};
pub use weigh::{HierarchyWeights, NodeWeights, WeighError, WeighOptions, WeightSource, weigh, weigh_with};
