//! How far each pairwise comparison of the alternatives
//! (`alternative_comparisons`, `--method ahp`) can move before the winner
//! changes: the judgment's value moves in `[1/9, 9]` with every other
//! judgment and the leaf weights fixed, the leaf's local priorities of the
//! survivors are recomputed (priority method, completion) and the
//! survivors rescored; the range is searched as for the criteria
//! judgments ([`super::judgments`]).

use rayon::prelude::*;

use super::Base;
use super::judgments::{Compared, JudgmentRange, range_around, top};
use crate::Error;
use crate::math::ahp::PairwiseMatrix;
use crate::model::Problem;
use crate::pipeline::{Method, RankOptions};

/// One comparison to vary: the leaf's column, its judgments among the
/// survivors (positions in the scorer) and which of them moves.
struct Site<'a> {
    column: usize,
    criterion: &'a str,
    judgments: &'a [(usize, usize, f64)],
    slot: usize,
    /// The alternatives compared, as problem indices.
    pair: (usize, usize),
}

/// One compared leaf: its judgments among the survivors (positions in
/// the scorer) and, for each, the alternatives as problem indices.
struct Leaf<'a> {
    column: usize,
    criterion: &'a str,
    judgments: Vec<(usize, usize, f64)>,
    pairs: Vec<(usize, usize)>,
}

/// Every comparison of the survivors, leaf by leaf in file order, with its
/// range; empty unless the method is AHP.
pub(super) fn ranges(problem: &Problem, options: &RankOptions, base: &Base<'_>) -> Result<Vec<JudgmentRange>, Error> {
    if options.method != Method::Ahp || base.len() == 0 {
        return Ok(Vec::new());
    }
    let rows = base.scorer.rows();
    let position = |i: usize| rows.iter().position(|&r| r == i);
    let leaf_ids: Vec<&str> = problem.criteria().leaves().map(|(c, _)| c.id.as_str()).collect();
    let leaves: Vec<Leaf<'_>> = problem
        .alternative_comparisons()
        .iter()
        .map(|(column, judgments)| {
            let (judgments, pairs) = judgments
                .iter()
                .filter_map(|&(a, b, v)| Some(((position(a)?, position(b)?, v), (a, b))))
                .unzip();
            Leaf {
                column: *column,
                criterion: leaf_ids.get(*column).copied().unwrap_or_default(),
                judgments,
                pairs,
            }
        })
        .collect();
    let sites: Vec<Site<'_>> = leaves
        .iter()
        .flat_map(|leaf| {
            leaf.pairs.iter().enumerate().map(|(slot, &pair)| Site {
                column: leaf.column,
                criterion: leaf.criterion,
                judgments: &leaf.judgments,
                slot,
                pair,
            })
        })
        .collect();
    let winner = base.index(0);
    sites
        .par_iter()
        .map(|site| {
            let eval = |v: f64| winner_with(options, base, site, v);
            let value = site.judgments[site.slot].2;
            let (lo, hi, flip) = range_around(&eval, winner, value)?;
            let id = |i: usize| problem.alternatives().id(i).to_owned();
            Ok(JudgmentRange {
                node: site.criterion.to_owned(),
                judge: None,
                pair: (id(site.pair.0), id(site.pair.1)),
                value,
                lo,
                hi,
                flip,
                compared: Compared::Alternatives,
            })
        })
        .collect()
}

/// The winner (problem index) with `site`'s comparison set to `v`.
fn winner_with(options: &RankOptions, base: &Base<'_>, site: &Site<'_>, v: f64) -> Result<usize, Error> {
    let mut judgments = site.judgments.to_vec();
    judgments[site.slot].2 = v;
    let fail = |error| Error::AhpRanking {
        criterion: site.criterion.to_owned(),
        error,
    };
    let matrix = PairwiseMatrix::from_judgments(base.len(), &judgments).map_err(fail)?;
    let local = matrix
        .try_solve(&options.weighing.ahp)
        .map_err(fail)?
        .priorities
        .weights;
    let mut scorer = base.scorer.clone();
    scorer.set_local_priorities(site.column, &local, options.synthesis);
    Ok(top(&scorer.scores(base.leaves()), scorer.rows()))
}
