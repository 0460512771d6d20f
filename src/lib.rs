//! innorank: weight criteria with AHP and rank alternatives with TOPSIS.
//!
//! A decision problem ([`Problem`]) is a tree of criteria with pairwise
//! judgments (or direct weights) at each parent, a set of alternatives
//! scored on the leaf criteria, and optional screening rules. innorank
//! screens the alternatives ([`screening`]), derives the leaves' global
//! weights through the hierarchy ([`ahp`]) and ranks the survivors by
//! closeness to the ideal ([`topsis`]).
//!
//! ```
//! use innorank::{Problem, RankOptions};
//!
//! let problem = Problem::from_yaml_str(r#"
//! name: Two proposals
//! criteria:
//!   - {id: risk, direction: cost}
//!   - {id: demand}
//! comparisons:
//!   - [demand, risk, 3]
//! alternatives:
//!   - {id: a, scores: {risk: 2, demand: 7}}
//!   - {id: b, scores: {risk: 6, demand: 8}}
//! "#, "example.yaml").unwrap();
//!
//! let report = innorank::rank(&problem, &RankOptions::default()).unwrap();
//! assert_eq!(report.ranking.first().unwrap().id, "a");
//! assert!((report.weights.leaves.as_slice()[1] - 0.75).abs() < 1e-12);
//! ```

pub mod ahp;
pub mod analysis;
pub mod error;
pub mod learning_curve;
mod matrix;
pub mod pipeline;
pub mod problem;
pub mod ranking;
mod readable;
pub mod screening;
pub mod template;
pub mod topsis;
pub mod warning;
mod weights;

pub use analysis::{Method, RankOptions, RankReport, RankedAlternative, ScreenedOut, rank};
pub use error::Error;
pub use matrix::{DataError, DecisionMatrix, Direction};
pub use problem::{LoadOptions, Problem};
pub use warning::Warning;
pub use weights::Weights;
