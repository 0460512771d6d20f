//! innorank: weight criteria with AHP and rank alternatives with TOPSIS.
//!
//! A decision problem ([`Problem`]) is a tree of criteria with pairwise
//! judgments (or direct weights) at each parent, a set of alternatives
//! scored on the leaf criteria, and optional screening rules. innorank
//! screens the alternatives ([`pipeline::screening`]), derives the leaves'
//! global weights through the hierarchy ([`pipeline::weigh_with`], over the
//! matrix math of [`ahp`]) and ranks the survivors by closeness to the ideal
//! ([`topsis`]) or by AHP synthesis.
//!
//! # Where to start
//!
//! Load a [`Problem`] ([`Problem::from_path`], [`Problem::from_yaml_str`],
//! or build one in code with [`problem::ProblemBuilder`]); these are the
//! only ways to get one, so a `Problem` is always valid, and its parts are
//! read through accessors ([`Problem::criteria`], [`Problem::alternatives`],
//! [`Problem::scores`], ...). An invalid input gives every problem found,
//! located, as [`problem::Diagnostics`]. Then call [`rank`] with
//! [`RankOptions`]; the [`RankReport`] holds the weights, the ranking and
//! what was screened out, and serialises to the CLI's JSON. [`Error`] takes
//! any of these failures through `?`.
//!
//! For the weights alone, call [`pipeline::weigh_with`] on
//! [`Problem::criteria`]; for one comparison matrix, [`ahp::PairwiseMatrix`];
//! for a bare decision matrix, [`topsis::Topsis`].
//!
//! # Layout
//!
//! Each layer imports only from the layers above it in this list:
//!
//! * math ([`ahp`], [`topsis`], [`ranking`], [`learning_curve`],
//!   [`DecisionMatrix`], [`Weights`]): numbers in, numbers out. A new
//!   method goes here.
//! * model ([`Problem`] and its criteria tree, reached through [`problem`]):
//!   the decision as the algorithms see it, pure data.
//! * input (reached through [`problem`]: [`LoadOptions`],
//!   [`problem::ProblemBuilder`], [`problem::CriteriaLibrary`]): the
//!   guarded YAML front end, the CSV reader, validation, the criteria
//!   library, the builder. A new input format goes here.
//! * [`pipeline`]: what the commands compute from a problem (screening,
//!   weights, ranking and its report, cost curves). A new command's
//!   computation goes here; its printing goes in the binary.
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

mod diagnostic;
mod input;
mod location;
mod math;
mod model;
pub mod pipeline;
pub mod present;
pub mod problem;
mod readable;
pub mod template;
pub mod warning;

pub use math::column_stats;
pub use math::matrix::{DataError, DecisionMatrix, Direction};
pub use math::portfolio;
pub use math::weights::Weights;
pub use math::{ahp, correlation, crossing, learning_curve, ranking, smaa, topsis};
pub use pipeline::{Error, error};
pub use pipeline::{Method, RankOptions, RankReport, RankedAlternative, ScreenedOut, rank};
pub use problem::{LoadOptions, Problem};
pub use warning::Warning;
