//! The pipeline: what the commands compute from a validated [`crate::Problem`]:
//! screening, the weights of the criteria tree, the ranking and its report,
//! the cost curves.
//!
//! Each module here takes the model and the math below it and produces a
//! report; nothing below this layer imports from it. A new command's
//! computation goes here; how the command prints it goes in the binary.

mod admit;
mod compare;
mod curves;
pub mod error;
pub mod portfolio;
pub(crate) mod rank;
mod rank_schema;
mod ranking;
mod reversal;
pub mod robustness;
mod scoring;
pub mod screening;
pub mod sensitivity;
mod versus;
mod versus_json;
mod weigh;
mod weigh_json;

pub use admit::rankable;
pub use compare::{
    CompareMethod, CompareOptions, CompareReport, DEFAULT_SHORTLIST, PairCoefficients, Skipped, compare,
};
pub use curves::{AlternativeCurve, CriterionCurves, curves};
pub use error::Error;
pub use rank::{Method, RankOptions, RankReport, RankedAlternative, ScreenedOut, rank, weight_warnings};
pub use rank_schema::rank_schema;
pub use ranking::{Iter, Ranking};
pub use reversal::{
    CHECKS, DEFAULT_MAX_ALTERNATIVES, Removal, ReversalError, ReversalOptions, ReversalReport, WorseCase, reversal,
};
pub use scoring::Scorer;
pub use versus::{Edge, HeadToHead, VersusError, head_to_head};
pub use versus_json::{CriterionGap, HeadToHeadJson, Side};
pub use weigh::{HierarchyWeights, NodeWeights, WeighError, WeighOptions, weigh_with};
pub use weigh_json::{WeightsJson, node_children, node_source, repair_outcome_text, suggest_for_inconsistent};
