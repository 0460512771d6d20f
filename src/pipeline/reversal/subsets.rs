//! The checks that re-rank a changed set of alternatives: leave-one-out
//! and test 1 of Wang & Triantaphyllou (2008), the worse copy. Rows are the
//! ranked alternatives in base order (row 0 ranked first).

use std::collections::BTreeSet;

use rayon::prelude::*;

use crate::math::ranking::{rank_scores, tied};
use crate::model::Problem;
use crate::pipeline::{RankOptions, Scorer};
use crate::{DecisionMatrix, Direction, Error};

/// What the checks share: the problem, its ranked alternatives in base
/// order, their base ranks and the leaf weights.
pub(super) struct Base<'a> {
    pub(super) problem: &'a Problem,
    pub(super) options: &'a RankOptions,
    pub(super) weights: &'a [f64],
    /// Problem indices, best first.
    pub(super) order: Vec<usize>,
    /// Competition ranks, aligned with `order`.
    pub(super) ranks: Vec<usize>,
}

/// Competition ranks of `scores` (one per row).
fn competition(scores: &[f64]) -> Vec<usize> {
    let mut ranks = vec![0; scores.len()];
    for (i, r) in rank_scores(scores) {
        ranks[i] = r;
    }
    ranks
}

/// For each row removed, in base order, the pairs `(a, b)` of the other
/// rows (a above b in the base ranking, strictly) that the rest ranks
/// strictly the other way.
///
/// # Errors
///
/// What [`Scorer::new`] returns for the remaining rows.
pub(super) fn leave_one_out(base: &Base<'_>) -> Result<Vec<Vec<(usize, usize)>>, Error> {
    let m = base.order.len();
    (0..m)
        .into_par_iter()
        .map(|removed| {
            let rows: Vec<usize> = (0..m).filter(|&p| p != removed).collect();
            if rows.is_empty() {
                return Ok(Vec::new());
            }
            let indices: Vec<usize> = rows.iter().map(|&p| base.order[p]).collect();
            let scores = Scorer::new(base.problem, base.options, &indices)?.scores(base.weights);
            let mut after = vec![0; m];
            for (k, r) in competition(&scores).into_iter().enumerate() {
                after[rows[k]] = r;
            }
            Ok(flips(&base.ranks, &after, removed))
        })
        .collect()
}

/// The pairs strictly ordered one way by `before` and strictly the other
/// way by `after` (both competition ranks per row, rows in `before`'s
/// order), `skip` left out; sorted. O(m log m + flips): from the bottom of
/// `before` up, each row meets the rows below it that `after` puts above.
fn flips(before: &[usize], after: &[usize], skip: usize) -> Vec<(usize, usize)> {
    let mut below: BTreeSet<(usize, usize)> = BTreeSet::new();
    let mut found = Vec::new();
    let mut end = before.len();
    while end > 0 {
        let mut start = end - 1;
        while start > 0 && before[start - 1] == before[end - 1] {
            start -= 1;
        }
        for a in (start..end).filter(|&a| a != skip) {
            found.extend(below.range(..(after[a], 0)).map(|&(_, b)| (a, b)));
        }
        below.extend((start..end).filter(|&b| b != skip).map(|b| (after[b], b)));
        end = start;
    }
    found.sort_unstable();
    found
}

/// For each row ranked below first, the row first once it is replaced by
/// its worse copy ([`worse_row`]): row 0 while it is still first or tied
/// first, else the new leader.
///
/// # Errors
///
/// What [`Scorer::with_matrix`] returns for the changed matrix.
pub(super) fn worse_copy(base: &Base<'_>) -> Result<Vec<(usize, usize)>, Error> {
    if base.order.is_empty() {
        return Ok(Vec::new());
    }
    let matrix = base.problem.scores.select_rows(&base.order)?;
    let directions = base.problem.criteria.directions();
    let worst = worst_values(&matrix, &directions);
    let replaced: Vec<usize> = (0..base.order.len()).filter(|&p| base.ranks[p] > 1).collect();
    replaced
        .par_iter()
        .map(|&p| {
            let mut data = matrix.as_row_major().to_vec();
            let cols = matrix.cols();
            worse_row(&mut data[p * cols..(p + 1) * cols], &worst, &directions);
            let changed = DecisionMatrix::from_row_major(cols, data)?;
            let scores = Scorer::with_matrix(base.problem, base.options, &base.order, &changed)?.scores(base.weights);
            let max = scores.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            let best_after = if tied(scores[0], max) || scores[0] >= max {
                0
            } else {
                rank_scores(&scores)[0].0
            };
            Ok((p, best_after))
        })
        .collect()
}

/// Per column, the worst value over the rows: the smallest of a benefit,
/// the largest of a cost, the largest deviation `|x - T|` of a target.
fn worst_values(matrix: &DecisionMatrix, directions: &[Direction]) -> Vec<f64> {
    directions
        .iter()
        .enumerate()
        .map(|(j, direction)| {
            let column = matrix.column(j);
            match *direction {
                Direction::Benefit => column.fold(f64::INFINITY, f64::min),
                Direction::Cost => column.fold(f64::NEG_INFINITY, f64::max),
                Direction::Target(t) => column.map(|x| (x - t).abs()).fold(0.0, f64::max),
            }
        })
        .collect()
}

/// Moves every value of `row` halfway to its column's worst (`worst`, from
/// [`worst_values`]); for a target, the deviation from the target moves
/// halfway to the worst deviation, on the same side (above when on it).
fn worse_row(row: &mut [f64], worst: &[f64], directions: &[Direction]) {
    for ((x, &w), direction) in row.iter_mut().zip(worst).zip(directions) {
        *x = match *direction {
            Direction::Benefit | Direction::Cost => *x + (w - *x) / 2.0,
            Direction::Target(t) => {
                let deviation = (*x - t).abs();
                let moved = deviation + (w - deviation) / 2.0;
                if *x < t { t - moved } else { t + moved }
            }
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flips_are_strict_both_ways() {
        // Base: 0 > 1 = 2 > 3. After: 1 and 3 first, then 0 and 2. Not
        // flips: 1 above 2 (tied before), 0 with 2 and 1 with 3 (tied after).
        let before = [1, 2, 2, 4];
        let after = [2, 1, 2, 1];
        assert_eq!(flips(&before, &after, usize::MAX), [(0, 1), (0, 3), (2, 3)]);
        assert_eq!(flips(&before, &after, 3), [(0, 1)]);
        assert!(flips(&before, &before, usize::MAX).is_empty());
    }

    #[test]
    fn worse_rows_move_halfway_to_the_worst() {
        let directions = [
            Direction::Benefit,
            Direction::Cost,
            Direction::Target(10.0),
            Direction::Target(10.0),
        ];
        let matrix = DecisionMatrix::from_rows(vec![vec![2.0, 5.0, 12.0, 9.0], vec![8.0, 1.0, 4.0, 10.0]]).unwrap();
        let worst = worst_values(&matrix, &directions);
        assert_eq!(worst, [2.0, 5.0, 6.0, 1.0]);
        let mut row = matrix.row(1).to_vec();
        worse_row(&mut row, &worst, &directions);
        // 8 -> 5, 1 -> 3, 4 (6 below 10, the worst) stays, 10 (on it) moves
        // above, halfway to the worst deviation 1.
        assert_eq!(row, [5.0, 3.0, 4.0, 10.5]);
    }
}
