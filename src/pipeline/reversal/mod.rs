//! Does the ranking method reverse ranks? Four checks on the survivors of
//! screening, for the method of a [`RankOptions`].
//!
//! - **leave-one-out**: remove each ranked alternative in turn, re-rank the
//!   rest, list every pair whose order flips (strictly one way before,
//!   strictly the other way after; becoming tied is not a flip).
//! - **worse copy** (test 1 of Wang, Y.-M. & Triantaphyllou, E. (2008),
//!   "Ranking irregularities when evaluating alternatives by using some
//!   ELECTRE methods", *Omega* 36(1), 45-63; the tests come from
//!   Triantaphyllou (2001)): replace each alternative ranked below first by
//!   a worse one (every value moved halfway to its column's worst over the
//!   ranked alternatives; for a target, the deviation moved halfway to the
//!   worst deviation, on the same side); the best must stay first or tied
//!   first.
//! - **transitivity** (test 2): rank every pair alone; the "beats" relation
//!   must have no 3-cycle (a pair tied alone gives no edge).
//! - **recomposition** (test 3): the order by number of pairwise wins
//!   (ties in base order) must be the base ranking.
//!
//! The checks cost O(m^2 n) for m ranked alternatives and n leaves; pairs
//! are scored in closed form (see `pairs.rs`), the rest through a
//! [`crate::pipeline::Scorer`], on all cores. The output does not depend on
//! the number of threads.

mod pairs;
mod subsets;

use serde::ser::{Serialize, SerializeStruct, Serializer};

use crate::model::Problem;
use crate::pipeline::{HierarchyWeights, Method, RankOptions, rank};
use crate::{Error, Warning};
use subsets::Base;

/// How many ranked alternatives [`reversal`] checks unless told otherwise.
pub const DEFAULT_MAX_ALTERNATIVES: usize = 5_000;

/// Options of [`reversal`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ReversalOptions {
    /// The method checked, and the weighting options.
    pub rank: RankOptions,
    /// More ranked alternatives than this are refused (the checks are
    /// quadratic).
    pub max_alternatives: usize,
}

impl Default for ReversalOptions {
    fn default() -> Self {
        ReversalOptions {
            rank: RankOptions::default(),
            max_alternatives: DEFAULT_MAX_ALTERNATIVES,
        }
    }
}

/// Why [`reversal`] did not run.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ReversalError {
    /// More ranked alternatives than [`ReversalOptions::max_alternatives`].
    #[error(
        "{count} alternatives are ranked, more than the {max} the rank-reversal checks take by default (they take time quadratic in the count)"
    )]
    TooMany {
        /// Alternatives ranked.
        count: usize,
        /// The cap.
        max: usize,
    },
    /// The problem cannot be ranked with these options.
    #[error(transparent)]
    Rank(#[from] Error),
}

/// One removal of the leave-one-out check.
#[derive(Debug, Clone, PartialEq)]
pub struct Removal {
    /// The alternative removed (index in the problem).
    pub removed: usize,
    /// The pairs `(a, b)` that flip, `a` above `b` in the base ranking.
    pub flips: Vec<(usize, usize)>,
}

/// One case of the worse-copy check.
#[derive(Debug, Clone, PartialEq)]
pub struct WorseCase {
    /// The alternative replaced by its worse copy.
    pub replaced: usize,
    /// The base best when it is still first (or tied first), else the
    /// alternative first now.
    pub best_after: usize,
}

/// The result of [`reversal`]; alternatives are indices in the problem.
/// Serialises to the CLI's JSON.
#[derive(Debug, Clone)]
pub struct ReversalReport<'p> {
    /// The problem checked.
    pub problem: &'p Problem,
    /// The options used.
    pub options: RankOptions,
    /// The weights of every node.
    pub weights: HierarchyWeights,
    /// The ranked alternatives, best first (the base ranking).
    pub base: Vec<usize>,
    /// Every removal, in base order.
    pub leave_one_out: Vec<Removal>,
    /// Every alternative ranked below first, in base order.
    pub worse_copy: Vec<WorseCase>,
    /// The number of 3-cycles of the pairwise "beats" relation.
    pub cycle_count: u64,
    /// The first 20 cycles `[a, b, c]` (a beats b beats c beats a), each
    /// starting at its member ranked highest, in base order.
    pub cycles: Vec<[usize; 3]>,
    /// The alternatives by number of pairwise wins (ties in base order).
    pub recomposition: Vec<usize>,
    /// Warnings about input and result.
    pub warnings: Vec<Warning>,
}

/// The names of the four checks, in report order.
pub const CHECKS: [&str; 4] = ["leave_one_out", "worse_copy", "transitivity", "recomposition"];

impl ReversalReport<'_> {
    /// Whether each check of [`CHECKS`] passed, in that order.
    pub fn verdicts(&self) -> [bool; 4] {
        let best = self.base.first().copied();
        [
            self.leave_one_out.iter().all(|r| r.flips.is_empty()),
            self.worse_copy.iter().all(|c| Some(c.best_after) == best),
            self.cycle_count == 0,
            self.recomposition == self.base,
        ]
    }

    /// Whether every check passed.
    pub fn passed(&self) -> bool {
        self.verdicts().iter().all(|&p| p)
    }
}

/// Ranks the problem as `options.rank` says, then runs the four checks of
/// the module docs on the ranked alternatives.
///
/// ```
/// use innorank::pipeline::{ReversalOptions, reversal};
///
/// let p = innorank::Problem::from_yaml_str(r#"
/// name: r
/// criteria: [{id: risk, direction: cost}, {id: gain}]
/// alternatives:
///   - {id: a, scores: {risk: 3, gain: 5}}
///   - {id: b, scores: {risk: 6, gain: 9}}
///   - {id: c, scores: {risk: 1, gain: 2}}
/// "#, "r.yaml").unwrap();
/// let report = reversal(&p, &ReversalOptions::default()).unwrap();
/// assert_eq!(report.leave_one_out.len(), 3);
/// assert_eq!(report.verdicts().len(), 4);
/// ```
///
/// # Errors
///
/// [`ReversalError::TooMany`] above `options.max_alternatives` ranked
/// alternatives; [`ReversalError::Rank`] with what [`crate::rank`] returns
/// when the problem cannot be ranked.
pub fn reversal<'p>(problem: &'p Problem, options: &ReversalOptions) -> Result<ReversalReport<'p>, ReversalError> {
    let report = rank(problem, &options.rank)?;
    let count = report.ranking.len();
    if count > options.max_alternatives {
        return Err(ReversalError::TooMany {
            count,
            max: options.max_alternatives,
        });
    }
    let leaf_weights = report.weights.leaves.as_slice().to_vec();
    let base = Base {
        problem,
        options: &options.rank,
        weights: &leaf_weights,
        order: report.ranking.iter().map(|r| r.index).collect(),
        ranks: report.ranking.iter().map(|r| r.rank).collect(),
    };
    let removals = subsets::leave_one_out(&base)?;
    let worse = subsets::worse_copy(&base)?;
    let scorer = pairs::PairScorer::new(problem, base.options, base.weights, &base.order);
    let beats = pairs::Beats::new(&scorer, count);
    let (cycle_count, cycles) = beats.cycles(count);
    let by_wins = pairs::by_wins(&beats.wins(count));
    let index = |p: usize| base.order[p];
    Ok(ReversalReport {
        problem,
        options: options.rank,
        leave_one_out: removals
            .into_iter()
            .enumerate()
            .map(|(p, flips)| Removal {
                removed: index(p),
                flips: flips.into_iter().map(|(a, b)| (index(a), index(b))).collect(),
            })
            .collect(),
        worse_copy: worse
            .into_iter()
            .map(|(p, best)| WorseCase {
                replaced: index(p),
                best_after: index(best),
            })
            .collect(),
        cycle_count,
        cycles: cycles.into_iter().map(|c| c.map(index)).collect(),
        recomposition: by_wins.into_iter().map(index).collect(),
        base: base.order,
        weights: report.weights,
        warnings: report.warnings,
    })
}

/// One entry of the JSON `checks` list.
struct CheckJson<'a>(&'a ReversalReport<'a>, usize, bool);

#[derive(serde::Serialize)]
struct RemovalJson<'a> {
    removed: &'a str,
    flips: Vec<[&'a str; 2]>,
}

#[derive(serde::Serialize)]
struct CaseJson<'a> {
    replaced: &'a str,
    best_after: &'a str,
}

/// The evidence of a check, one shape per check.
#[derive(serde::Serialize)]
#[serde(untagged)]
enum Evidence<'a> {
    LeaveOneOut { removals: Vec<RemovalJson<'a>> },
    WorseCopy { cases: Vec<CaseJson<'a>> },
    Transitivity { count: u64, cycles: Vec<[&'a str; 3]> },
    Recomposition { order: Vec<&'a str>, base: Vec<&'a str> },
}

impl Serialize for CheckJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (r, which, passed) = (self.0, self.1, self.2);
        let id = |i: usize| r.problem.alternatives.id(i);
        let ids = |v: &[usize]| v.iter().map(|&i| id(i)).collect::<Vec<_>>();
        let evidence = match which {
            0 => Evidence::LeaveOneOut {
                removals: r
                    .leave_one_out
                    .iter()
                    .map(|x| RemovalJson {
                        removed: id(x.removed),
                        flips: x.flips.iter().map(|&(a, b)| [id(a), id(b)]).collect(),
                    })
                    .collect(),
            },
            1 => Evidence::WorseCopy {
                cases: r
                    .worse_copy
                    .iter()
                    .map(|c| CaseJson {
                        replaced: id(c.replaced),
                        best_after: id(c.best_after),
                    })
                    .collect(),
            },
            2 => Evidence::Transitivity {
                count: r.cycle_count,
                cycles: r.cycles.iter().map(|c| c.map(id)).collect(),
            },
            _ => Evidence::Recomposition {
                order: ids(&r.recomposition),
                base: ids(&r.base),
            },
        };
        let mut out = s.serialize_struct("Check", 3)?;
        out.serialize_field("name", CHECKS[which])?;
        out.serialize_field("passed", &passed)?;
        out.serialize_field("evidence", &evidence)?;
        out.end()
    }
}

impl Serialize for ReversalReport<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut out = s.serialize_struct("ReversalReport", 5)?;
        out.serialize_field("problem", &self.problem.name)?;
        out.serialize_field("method", self.options.method.name())?;
        match self.options.method {
            Method::Topsis => out.serialize_field("normalization", self.options.normalization.name())?,
            Method::Ahp => out.serialize_field("synthesis", self.options.synthesis.name())?,
        }
        let verdicts = self.verdicts();
        let checks: Vec<CheckJson<'_>> = (0..CHECKS.len()).map(|k| CheckJson(self, k, verdicts[k])).collect();
        out.serialize_field("checks", &checks)?;
        let warnings: Vec<String> = self.warnings.iter().map(ToString::to_string).collect();
        out.serialize_field("warnings", &warnings)?;
        out.end()
    }
}
