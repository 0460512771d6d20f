//! Suggesting revisions that make an inconsistent matrix consistent (see
//! [`suggest_revisions`]).

use serde::Serialize;

use super::{AhpOptions, Deviation, PairwiseMatrix};

/// One suggested change of a judgment.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Revision {
    /// 0-based row item (`row < col`).
    pub row: usize,
    /// 0-based column item.
    pub col: usize,
    /// The judgment before, `a_row,col`.
    pub from: f64,
    /// The suggested judgment, on Saaty's scale.
    pub to: f64,
    /// CR once this and every earlier revision are made.
    pub cr_after: f64,
}

/// How a repair ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum RepairOutcome {
    /// CR was already within the threshold; nothing to revise.
    AlreadyConsistent,
    /// The revisions bring CR within the threshold.
    Consistent,
    /// CR is still above the threshold but no judgment can move to a scale
    /// value that lowers it; the revisions listed are the best found.
    Stuck,
}

/// The result of [`suggest_revisions`].
#[derive(Debug, Clone, PartialEq)]
pub struct Repair {
    /// The revisions, in the order to make them.
    pub revisions: Vec<Revision>,
    /// Whether the threshold was reached.
    pub outcome: RepairOutcome,
    /// CR of the matrix as given.
    pub cr_before: f64,
    /// CR after every revision (equal to `cr_before` when there is none).
    pub cr_after: f64,
    /// The matrix with every revision made.
    pub revised: PairwiseMatrix,
}

impl Repair {
    /// True when the revised matrix is within the threshold.
    pub fn is_consistent(&self) -> bool {
        self.outcome != RepairOutcome::Stuck
    }

    /// The net change of every revised pair, in the order each pair was
    /// first revised: `from` is the original judgment, `to` the last one
    /// suggested and `cr_after` the CR after that pair's last revision. A
    /// pair can be revised more than once on the way (e.g. 7 -> 1 -> 1/4);
    /// this is what to show a decision maker.
    ///
    /// ```
    /// use innorank::ahp::{suggest_revisions, AhpOptions, PairwiseMatrix};
    /// let m = PairwiseMatrix::from_judgments(3, &[(0, 1, 3.0), (1, 2, 3.0), (0, 2, 0.5)]).unwrap();
    /// let repair = suggest_revisions(&m, &AhpOptions::default(), 0.1);
    /// for change in repair.changes() {
    ///     assert_eq!(m.get(change.row, change.col), Some(change.from));
    ///     assert_eq!(repair.revised.get(change.row, change.col), Some(change.to));
    /// }
    /// ```
    pub fn changes(&self) -> Vec<Revision> {
        let mut out: Vec<Revision> = Vec::new();
        for r in &self.revisions {
            match out.iter_mut().find(|c| (c.row, c.col) == (r.row, r.col)) {
                Some(c) => {
                    c.to = r.to;
                    c.cr_after = r.cr_after;
                }
                None => out.push(*r),
            }
        }
        out
    }
}

/// Suggests judgments to change, one at a time, until `CR <= threshold`.
///
/// Greedy repair, one judgment at a time (in the spirit of the iterative
/// procedures surveyed by Kułakowski 2020, *Understanding the Analytic
/// Hierarchy Process*, CRC, and of Saaty's advice to revise the judgment
/// that deviates most from the priorities, Saaty 2003, "Decision-making with
/// the AHP: Why is the principal eigenvector necessary", *EJOR* 145(1),
/// 85-91):
///
/// 1. Derive the priorities `w` (as the [`AhpOptions`] say). Stop when
///    `CR <= threshold`.
/// 2. Rank the judged pairs by how far they are from the priorities,
///    `|ln(a_ij w_j / w_i)|`, worst first (ties in row-major order).
/// 3. Take the first pair whose nearest value on Saaty's scale (1/9..1/2,
///    1..9) to `w_i / w_j` differs from its judgment **and** whose change to
///    that value lowers CR; set it and go back to 1.
/// 4. When no judged pair qualifies, stop: the repair is stuck.
///
/// Requiring each accepted change to lower CR makes CR strictly decrease
/// from step to step, so the procedure ends (the judgments can take finitely
/// many values); it only skips a judgment whose move would not help, which
/// the plain "most deviating first" rule could otherwise repeat forever.
/// Missing judgments are never revised; they are re-completed at each step.
///
/// ```
/// use innorank::ahp::{suggest_revisions, AhpOptions, PairwiseMatrix, RepairOutcome};
/// // a_02 = 1/2 contradicts a_01 = 3 and a_12 = 3 (which imply 9).
/// let m = PairwiseMatrix::from_judgments(3, &[(0, 1, 3.0), (1, 2, 3.0), (0, 2, 0.5)]).unwrap();
/// let repair = suggest_revisions(&m, &AhpOptions::default(), 0.1);
/// assert_eq!(repair.outcome, RepairOutcome::Consistent);
/// assert!(repair.cr_before > 0.1 && repair.cr_after <= 0.1);
/// let first = repair.revisions[0];
/// assert!(first.cr_after < repair.cr_before);
/// ```
///
/// # Panics
///
/// Never: the revisions it tries are judged pairs of `matrix` with
/// positive values.
pub fn suggest_revisions(matrix: &PairwiseMatrix, options: &AhpOptions, threshold: f64) -> Repair {
    let n = matrix.n();
    let mut judgments: Vec<(usize, usize, f64)> = (0..n)
        .flat_map(|i| (i + 1..n).map(move |j| (i, j)))
        .filter_map(|(i, j)| matrix.get(i, j).map(|v| (i, j, v)))
        .collect();
    let mut current = matrix.clone();
    let mut p = current.priorities_with_options(options);
    let cr_before = p.consistency.cr;
    let mut revisions = Vec::new();
    let outcome = loop {
        if p.consistency.cr <= threshold {
            break if revisions.is_empty() {
                RepairOutcome::AlreadyConsistent
            } else {
                RepairOutcome::Consistent
            };
        }
        let mut step = None;
        for d in current.deviations(&p.weights, usize::MAX) {
            let to = d.nearest_scale_value();
            if same(to, d.judged) {
                continue;
            }
            let k = judgments
                .iter()
                .position(|&(i, j, _)| (i, j) == (d.row, d.col))
                .expect("deviations are judged pairs");
            let mut trial = judgments.clone();
            trial[k].2 = to;
            let candidate = PairwiseMatrix::from_judgments(n, &trial).expect("same pairs, positive values");
            let q = candidate.priorities_with_options(options);
            if q.consistency.cr < p.consistency.cr {
                step = Some((d, to, trial, candidate, q));
                break;
            }
        }
        let Some((Deviation { row, col, judged, .. }, to, trial, candidate, q)) = step else {
            break RepairOutcome::Stuck;
        };
        revisions.push(Revision {
            row,
            col,
            from: judged,
            to,
            cr_after: q.consistency.cr,
        });
        judgments = trial;
        current = candidate;
        p = q;
    };
    Repair {
        revisions,
        outcome,
        cr_before,
        cr_after: p.consistency.cr,
        revised: current,
    }
}

/// Equal to 1e-9 relative: a judgment already on the scale value.
fn same(a: f64, b: f64) -> bool {
    (a / b - 1.0).abs() <= 1e-9
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::math::ahp::{Completion, PriorityMethod, RandomIndex};

    fn upper(rows: &[&[f64]]) -> PairwiseMatrix {
        let n = rows.len() + 1;
        let mut j = Vec::new();
        for (i, row) in rows.iter().enumerate() {
            for (k, &v) in row.iter().enumerate() {
                j.push((i, i + 1 + k, v));
            }
        }
        PairwiseMatrix::from_judgments(n, &j).unwrap()
    }

    fn check_monotone(repair: &Repair) {
        let mut cr = repair.cr_before;
        for r in &repair.revisions {
            assert!(r.cr_after < cr, "{r:?} does not lower CR {cr}");
            assert!(r.row < r.col);
            assert!(!same(r.from, r.to));
            cr = r.cr_after;
        }
        assert_eq!(cr, repair.cr_after);
    }

    #[test]
    fn consistent_matrix_needs_no_revision() {
        let m = upper(&[&[2.0, 4.0, 8.0], &[2.0, 4.0], &[2.0]]);
        let r = suggest_revisions(&m, &AhpOptions::default(), 0.1);
        assert_eq!(r.outcome, RepairOutcome::AlreadyConsistent);
        assert!(r.revisions.is_empty());
        assert_eq!(r.revised, m);
        assert!(r.is_consistent());
    }

    #[test]
    fn inconsistent_four_by_four_is_fixed_in_few_steps() {
        // tests/reference_ahp.rs m4_inconsistent, CR 2.07.
        let m = upper(&[&[9.0, 1.0 / 3.0, 5.0], &[7.0, 0.2], &[9.0]]);
        let r = suggest_revisions(&m, &AhpOptions::default(), 0.1);
        assert!(r.cr_before > 2.0);
        assert_eq!(r.outcome, RepairOutcome::Consistent);
        assert!(r.cr_after <= 0.1);
        assert!(r.revisions.len() <= 4, "{:?}", r.revisions);
        check_monotone(&r);
        assert!((r.revised.priorities(PriorityMethod::Eigen).consistency.cr - r.cr_after).abs() < 1e-12);
        // a_12 = 7 is revised three times on the way (7 -> 1 -> 1/4 -> 1/9).
        let changes = r.changes();
        assert!(changes.len() < r.revisions.len());
        for c in &changes {
            assert_eq!(m.get(c.row, c.col), Some(c.from));
            assert_eq!(r.revised.get(c.row, c.col), Some(c.to));
        }
    }

    #[test]
    fn inconsistent_five_by_five_is_fixed_in_few_steps() {
        // tests/reference_ahp.rs m5_inconsistent, CR 1.78.
        let m = upper(&[
            &[1.0 / 3.0, 5.0, 1.0 / 7.0, 9.0],
            &[1.0 / 9.0, 6.0, 0.5],
            &[3.0, 0.125],
            &[7.0],
        ]);
        let r = suggest_revisions(&m, &AhpOptions::default(), 0.1);
        assert_eq!(r.outcome, RepairOutcome::Consistent);
        assert!(r.cr_after <= 0.1);
        assert!(r.revisions.len() <= 8, "{:?}", r.revisions);
        check_monotone(&r);
    }

    #[test]
    fn incomplete_matrix_revises_only_judged_pairs() {
        let m = PairwiseMatrix::from_judgments(
            4,
            &[(0, 1, 3.0), (1, 2, 3.0), (0, 2, 1.0 / 5.0), (2, 3, 2.0), (1, 3, 6.0)],
        )
        .unwrap();
        for completion in Completion::ALL {
            let options = AhpOptions {
                completion,
                method: PriorityMethod::Eigen,
                random_index: RandomIndex::Saaty,
            };
            let r = suggest_revisions(&m, &options, 0.1);
            assert_eq!(r.outcome, RepairOutcome::Consistent, "{completion}");
            check_monotone(&r);
            for rev in &r.revisions {
                assert!(m.get(rev.row, rev.col).is_some());
            }
            assert!(!r.revised.is_complete());
        }
    }

    #[test]
    fn unreachable_threshold_gets_stuck_with_cr_still_lowered() {
        let m = upper(&[&[9.0, 1.0 / 3.0, 5.0], &[7.0, 0.2], &[9.0]]);
        let r = suggest_revisions(&m, &AhpOptions::default(), -1.0);
        assert_eq!(r.outcome, RepairOutcome::Stuck);
        assert!(!r.is_consistent());
        assert!(r.cr_after < r.cr_before);
        check_monotone(&r);
    }
}
