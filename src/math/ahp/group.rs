//! Several judges comparing the same items: aggregation, agreement and the
//! judgment the group disagrees about most (see [`GroupJudgments`]).

use serde::Serialize;

use super::priorities::normalised_exp;
use super::{AhpOptions, Consistency, Estimate, JUDGMENT_MAX, JUDGMENT_MIN, PairwiseMatrix};
use crate::math::ahp::MatrixError;

/// Saaty's suggested limit for his compatibility index: `S <= 1.1` (a 10%
/// deviation) counts as compatible (Saaty & Peniwati 2008, *Group Decision
/// Making: Drawing Out and Reconciling Differences*, RWS Publications; the
/// value is quoted from secondary sources, the book's text was not checked
/// here). See [`GroupJudgments`].
pub const SAATY_COMPATIBILITY_THRESHOLD: f64 = 1.1;

/// How the judges' judgments become group priorities.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Aggregation {
    /// Aggregation of individual judgments (weighted geometric mean per
    /// pair); the default.
    #[default]
    Aij,
    /// Aggregation of individual priorities (weighted geometric mean of the
    /// judges' priority vectors).
    Aip,
}

crate::math::names::named_choices!(Aggregation, "aggregation", {
    Aij => "aij",
    Aip => "aip",
});

/// One judge's judgments `(a, b, v)`: item `a` is `v` times as important as
/// item `b` (as in [`PairwiseMatrix::from_judgments`]).
#[derive(Debug, Clone, PartialEq)]
pub struct JudgmentSet {
    /// The judge's name, used in errors and reports.
    pub judge: String,
    /// The judge's weight (any positive scale; renormalised).
    pub weight: f64,
    /// The judgments; pairs may be left out.
    pub judgments: Vec<(usize, usize, f64)>,
}

impl JudgmentSet {
    /// A judge of weight 1.
    pub fn new(judge: impl Into<String>, judgments: Vec<(usize, usize, f64)>) -> Self {
        JudgmentSet {
            judge: judge.into(),
            weight: 1.0,
            judgments,
        }
    }

    /// The same judge with another weight.
    pub fn with_weight(mut self, weight: f64) -> Self {
        self.weight = weight;
        self
    }
}

/// Validated judgments of several judges over the same `n` items, with the
/// AIJ matrix and each judge's own matrix.
///
/// Two aggregations (Forman & Peniwati 1998, "Aggregating individual
/// judgments and priorities with the analytic hierarchy process", *European
/// Journal of Operational Research* 108(1), 165-169):
///
/// * [`Aggregation::Aij`] (default), aggregation of individual judgments: for
///   every pair, the weighted geometric mean of the judgments of the judges
///   who judged it, the judge weights renormalised over those judges,
///   `a_ij = exp(sum_k a_k ln a_ij^(k) / sum_k a_k)`; the group priorities
///   are those of that matrix. Judges may leave pairs out; together they
///   must link every item.
/// * [`Aggregation::Aip`], aggregation of individual priorities: the weighted
///   geometric mean of the judges' own priority vectors, renormalised to sum
///   1, `w_i ∝ prod_k (w_i^(k))^(a_k / sum a)`. Every judge's own judgments
///   must then link every item ([`MatrixError::JudgeDisconnected`]).
///
/// Agreement of each judge with the group priorities `w` (both computed over
/// the pairs the judge judged, both 0 / 1 for a judge who agrees perfectly):
///
/// * Saaty's compatibility index `S(A, W) = (1/n^2) sum_ij a_ij w_j / w_i`,
///   the mean of the Hadamard product of `A` and `W^T`, `W = (w_i / w_j)`
///   (as presented in Garuti & Salomon 2011, "Compatibility indices between
///   priority vectors", *Int. J. of the Analytic Hierarchy Process* 4(2),
///   from p. 152): 1 when the judge's judgments are exactly `w_i / w_j`, and at most
///   [`SAATY_COMPATIBILITY_THRESHOLD`] (1.1) counts as compatible. For an
///   incomplete judge the mean runs over the diagonal and the judged entries
///   (both orientations) instead of all `n^2` entries.
/// * The geometric compatibility index (GCOMPI; Aguarón, Escobar,
///   Moreno-Jiménez & Turón 2019, "AHP-group decision making based on
///   consistency", *Mathematics* 7(3), 242, doi:10.3390/math7030242):
///   `GCOMPI(A, w) = 2 / ((n - 1)(n - 2)) sum_{i<j} ln^2(a_ij w_j / w_i)`,
///   Crawford & Williams' geometric consistency index (GCI, Aguarón &
///   Moreno-Jiménez 2003, *EJOR* 147(1), 137-145) with the group's
///   priorities in place of the judge's own; 0 for perfect agreement. Defined
///   for n >= 3. For an incomplete judge the sum runs over the `m` judged
///   pairs and is scaled by `(n(n-1)/2) / m`, so a complete set gives the
///   published formula.
///
/// The group **consensus** reported is the judge-weighted mean of the
/// judges' GCOMPI (0 = every judge agrees with the group exactly; the GCI
/// thresholds 0.31 for n = 3, 0.35 for n = 4 and 0.37 for n > 4 of Aguarón &
/// Moreno-Jiménez 2003 give a sense of scale).
///
/// The **disagreement** finder reports, over every judge and every judgment
/// they gave, the one whose `ln a_ij^(k)` lies farthest from the AIJ group
/// value `ln a_ij` of the same pair (whichever aggregation is used for the
/// priorities, the AIJ value is the group's "aggregated judgment").
///
/// ```
/// use innorank::ahp::{AhpOptions, Aggregation, GroupJudgments, JudgmentSet};
/// let group = GroupJudgments::new(
///     2,
///     vec![
///         JudgmentSet::new("ann", vec![(0, 1, 2.0)]),
///         JudgmentSet::new("bob", vec![(0, 1, 8.0)]).with_weight(3.0),
///     ],
/// )
/// .unwrap();
/// // AIJ: 2^(1/4) 8^(3/4) = 2^(5/2), so the priorities are 2^(5/2) : 1.
/// let g = group.aggregate(Aggregation::Aij, &AhpOptions::default()).unwrap();
/// let a = 2f64.powf(2.5);
/// assert!((g.weights[0] - a / (a + 1.0)).abs() < 1e-12);
/// // Ann's 2 is 2^(3/2) away from the group's 2^(5/2), Bob's 8 only 2^(1/2).
/// let d = g.disagreement.unwrap();
/// assert_eq!(d.judge, "ann");
/// assert!((d.distance - 1.5 * 2f64.ln()).abs() < 1e-12);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct GroupJudgments {
    sets: Vec<JudgmentSet>,
    /// Judge weights divided by their sum.
    shares: Vec<f64>,
    aggregated: PairwiseMatrix,
    individual: Vec<Result<PairwiseMatrix, Vec<Vec<usize>>>>,
}

/// How one judge relates to the group.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct JudgeAgreement {
    /// The judge's name.
    pub judge: String,
    /// The judge's weight divided by the sum of all weights.
    pub weight: f64,
    /// The judge's own priorities, `None` if their judgments alone do not
    /// link every item.
    pub priorities: Option<Vec<f64>>,
    /// The consistency of the judge's own matrix (completed as the options
    /// say), `None` as above.
    pub consistency: Option<Consistency>,
    /// Saaty's compatibility index of the judge's judgments with the group
    /// priorities (1 = perfect, <= 1.1 compatible).
    pub compatibility: f64,
    /// Geometric compatibility index (GCOMPI) of the judge's judgments with
    /// the group priorities (0 = perfect); `None` for n < 3.
    pub gcompi: Option<f64>,
}

/// A judgment of one judge set against the group's aggregated judgment.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Disagreement {
    /// The judge's name.
    pub judge: String,
    /// The judge's position in the input.
    pub judge_index: usize,
    /// 0-based row item (the smaller index of the pair).
    pub row: usize,
    /// 0-based column item.
    pub col: usize,
    /// The judge's `a_row,col` (reoriented if given the other way round).
    pub judged: f64,
    /// The group's AIJ value for the pair.
    pub group: f64,
    /// `|ln judged - ln group|`.
    pub distance: f64,
}

/// The group's priorities and how well the judges agree with them.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupPriorities {
    /// The aggregation used.
    pub aggregation: Aggregation,
    /// Group priorities, summing to 1.
    pub weights: Vec<f64>,
    /// For AIJ, the consistency of the aggregated matrix; `None` for AIP,
    /// whose priorities come from no single matrix.
    pub consistency: Option<Consistency>,
    /// For AIJ, the pairs no judge judged and the values filled in for them
    /// (empty for AIP).
    pub estimates: Vec<Estimate>,
    /// Every judge, in input order.
    pub judges: Vec<JudgeAgreement>,
    /// Judge-weighted mean GCOMPI (0 = full consensus); `None` for n < 3.
    pub consensus: Option<f64>,
    /// The judgment farthest from the group's aggregated judgment, `None`
    /// when every judgment equals it (to 1e-12 in ln).
    pub disagreement: Option<Disagreement>,
}

impl GroupJudgments {
    /// Checks every judge's judgments and builds the AIJ matrix.
    ///
    /// Errors: no judges ([`MatrixError::NoJudges`]); a weight that is not
    /// positive and finite ([`MatrixError::InvalidJudgeWeight`]); a judge's
    /// judgments invalid on their own, e.g. an index out of range or a pair
    /// judged twice ([`MatrixError::JudgeJudgments`]); judgments that
    /// together leave items unlinked ([`MatrixError::Disconnected`]). A judge
    /// whose own judgments leave items unlinked is accepted (their
    /// judgments still count in AIJ).
    ///
    /// # Errors
    ///
    /// As listed above, each a [`MatrixError`].
    pub fn new(n: usize, sets: Vec<JudgmentSet>) -> Result<Self, MatrixError> {
        if sets.is_empty() {
            return Err(MatrixError::NoJudges);
        }
        for s in &sets {
            if !(s.weight.is_finite() && s.weight > 0.0) {
                return Err(MatrixError::InvalidJudgeWeight {
                    judge: s.judge.clone(),
                    weight: s.weight,
                });
            }
        }
        let mut individual = Vec::with_capacity(sets.len());
        for s in &sets {
            individual.push(match PairwiseMatrix::from_judgments(n, &s.judgments) {
                Ok(m) => Ok(m),
                Err(MatrixError::Disconnected { groups }) => Err(groups),
                Err(e) => {
                    return Err(MatrixError::JudgeJudgments {
                        judge: s.judge.clone(),
                        source: Box::new(e),
                    });
                }
            });
        }
        // AIJ: weighted mean of ln a_ij per pair (i < j), over the judges who
        // judged it, in order of first appearance.
        let mut sums: Vec<((usize, usize), f64, f64)> = Vec::new();
        for s in &sets {
            for &(a, b, v) in &s.judgments {
                let (key, ln) = if a < b { ((a, b), v.ln()) } else { ((b, a), -v.ln()) };
                match sums.iter_mut().find(|(k, _, _)| *k == key) {
                    Some((_, sum, weight)) => {
                        *sum += s.weight * ln;
                        *weight += s.weight;
                    }
                    None => sums.push((key, s.weight * ln, s.weight)),
                }
            }
        }
        let aggregated: Vec<(usize, usize, f64)> = sums
            .iter()
            // A weighted geometric mean of bounded judgments is within the
            // bound; clamping only undoes rounding in exp(ln) at the ends
            // (the mean of judgments of 1e-6 comes out as 9.99...987e-7).
            .map(|&((a, b), sum, weight)| (a, b, (sum / weight).exp().clamp(JUDGMENT_MIN, JUDGMENT_MAX)))
            .collect();
        let aggregated = PairwiseMatrix::from_judgments(n, &aggregated)?;
        let total: f64 = sets.iter().map(|s| s.weight).sum();
        let shares = sets.iter().map(|s| s.weight / total).collect();
        Ok(GroupJudgments {
            sets,
            shares,
            aggregated,
            individual,
        })
    }

    /// Number of items compared.
    pub fn n(&self) -> usize {
        self.aggregated.n()
    }

    /// The judges' judgment sets, in input order.
    pub fn sets(&self) -> &[JudgmentSet] {
        &self.sets
    }

    /// The AIJ matrix: per pair, the weighted geometric mean of the judges
    /// who judged it.
    pub fn aggregated_judgments(&self) -> &PairwiseMatrix {
        &self.aggregated
    }

    /// Judge `k`'s own matrix, `None` if their judgments do not link every
    /// item.
    pub fn judge_matrix(&self, k: usize) -> Option<&PairwiseMatrix> {
        self.individual[k].as_ref().ok()
    }

    /// The group priorities by `aggregation`, each matrix solved as `options`
    /// say, with every judge's agreement, the consensus and the worst
    /// disagreement.
    ///
    /// Errors: for AIP, [`MatrixError::JudgeDisconnected`] naming the first
    /// judge whose judgments alone do not link every item.
    ///
    /// # Errors
    ///
    /// As listed above.
    pub fn aggregate(&self, aggregation: Aggregation, options: &AhpOptions) -> Result<GroupPriorities, MatrixError> {
        let own: Vec<Option<super::Solution>> = self
            .individual
            .iter()
            .map(|m| m.as_ref().ok().map(|m| m.try_solve(options)).transpose())
            .collect::<Result<_, _>>()?;
        let (weights, consistency, estimates) = match aggregation {
            Aggregation::Aij => {
                let s = self.aggregated.try_solve(options)?;
                (s.priorities.weights, Some(s.priorities.consistency), s.estimates)
            }
            Aggregation::Aip => {
                let n = self.n();
                let mut log_w = vec![0.0; n];
                for (k, solution) in own.iter().enumerate() {
                    let Some(solution) = solution else {
                        let groups = self.individual[k].clone().err().unwrap_or_default();
                        return Err(MatrixError::JudgeDisconnected {
                            judge: self.sets[k].judge.clone(),
                            groups,
                        });
                    };
                    for (acc, w) in log_w.iter_mut().zip(&solution.priorities.weights) {
                        *acc += self.shares[k] * w.ln();
                    }
                }
                (normalised_exp(&log_w), None, Vec::new())
            }
        };
        let judges: Vec<JudgeAgreement> = self
            .sets
            .iter()
            .zip(&own)
            .enumerate()
            .map(|(k, (set, solution))| JudgeAgreement {
                judge: set.judge.clone(),
                weight: self.shares[k],
                priorities: solution.as_ref().map(|s| s.priorities.weights.clone()),
                consistency: solution.as_ref().map(|s| s.priorities.consistency),
                compatibility: compatibility_of(self.n(), &set.judgments, &weights),
                gcompi: gcompi_of(self.n(), &set.judgments, &weights),
            })
            .collect();
        let consensus = judges
            .iter()
            .map(|j| j.gcompi.map(|g| g * j.weight))
            .sum::<Option<f64>>();
        check_group(&weights, &judges, consensus)?;
        Ok(GroupPriorities {
            aggregation,
            weights,
            consistency,
            estimates,
            judges,
            consensus,
            disagreement: self.disagreements().into_iter().next().filter(|d| d.distance > 1e-12),
        })
    }

    /// Every judgment of every judge against the group's AIJ value of the
    /// pair, farthest first (ties in judge order, then in the order the
    /// judge gave them).
    ///
    /// # Panics
    ///
    /// Never: every judged pair is in the AIJ matrix by construction.
    pub fn disagreements(&self) -> Vec<Disagreement> {
        let mut all: Vec<Disagreement> = self
            .sets
            .iter()
            .enumerate()
            .flat_map(|(k, set)| {
                set.judgments.iter().map(move |&(a, b, v)| {
                    let (row, col, judged) = if a < b { (a, b, v) } else { (b, a, 1.0 / v) };
                    let group = self
                        .aggregated
                        .get(row, col)
                        .expect("every judged pair is in the AIJ matrix");
                    Disagreement {
                        judge: set.judge.clone(),
                        judge_index: k,
                        row,
                        col,
                        judged,
                        group,
                        distance: (judged.ln() - group.ln()).abs(),
                    }
                })
            })
            .collect();
        // Stable sort keeps input order among equal distances.
        all.sort_by(|x, y| y.distance.total_cmp(&x.distance));
        all
    }
}

/// Checks the group figures: positive finite weights summing to 1, and
/// finite, non-negative compatibility, GCOMPI and consensus. Bounded
/// judgments always pass; this turns a numerical failure into a typed error
/// instead of "consensus NaN" in a report.
fn check_group(weights: &[f64], judges: &[JudgeAgreement], consensus: Option<f64>) -> Result<(), MatrixError> {
    if let Some(&w) = weights.iter().find(|w| !(w.is_finite() && **w > 0.0)) {
        return Err(MatrixError::NonFinite {
            what: "a group priority",
            value: w,
        });
    }
    let figures = judges
        .iter()
        .flat_map(|j| [("a compatibility index", Some(j.compatibility)), ("a GCOMPI", j.gcompi)])
        .chain([("the consensus", consensus)]);
    for (what, value) in figures {
        if let Some(value) = value
            && !(value.is_finite() && value >= 0.0)
        {
            return Err(MatrixError::NonFinite { what, value });
        }
    }
    Ok(())
}

/// Saaty's compatibility index of `matrix` with `weights`:
/// `S = (1/n^2) sum_ij a_ij w_j / w_i`, over the diagonal and the judged
/// entries for an incomplete matrix (see [`GroupJudgments`]).
///
/// ```
/// use innorank::ahp::{compatibility_index, PairwiseMatrix};
/// let m = PairwiseMatrix::from_judgments(2, &[(0, 1, 3.0)]).unwrap();
/// assert!((compatibility_index(&m, &[0.75, 0.25]) - 1.0).abs() < 1e-12);
/// // Judging 3 where the group has 1: S = (1 + 1 + 3 + 1/3) / 4.
/// assert!((compatibility_index(&m, &[0.5, 0.5]) - (16.0 / 3.0) / 4.0).abs() < 1e-12);
/// ```
pub fn compatibility_index(matrix: &PairwiseMatrix, weights: &[f64]) -> f64 {
    compatibility_of(matrix.n(), &upper_judgments(matrix), weights)
}

/// The geometric compatibility index of `matrix` with `weights`,
/// `2 / ((n-1)(n-2)) sum_{i<j} ln^2(a_ij w_j / w_i)` (rescaled for an
/// incomplete matrix, see [`GroupJudgments`]); `None` for n < 3. With the
/// matrix's own row-geometric-mean priorities it is the geometric consistency
/// index (GCI).
///
/// ```
/// use innorank::ahp::{geometric_compatibility_index, PairwiseMatrix};
/// let m = PairwiseMatrix::from_judgments(3, &[(0, 1, 2.0), (0, 2, 4.0), (1, 2, 2.0)]).unwrap();
/// assert!(geometric_compatibility_index(&m, &[4.0 / 7.0, 2.0 / 7.0, 1.0 / 7.0]).unwrap() < 1e-24);
/// ```
pub fn geometric_compatibility_index(matrix: &PairwiseMatrix, weights: &[f64]) -> Option<f64> {
    gcompi_of(matrix.n(), &upper_judgments(matrix), weights)
}

/// The judged pairs above the diagonal as judgments.
fn upper_judgments(m: &PairwiseMatrix) -> Vec<(usize, usize, f64)> {
    let n = m.n();
    (0..n)
        .flat_map(|i| (i + 1..n).map(move |j| (i, j)))
        .filter_map(|(i, j)| m.get(i, j).map(|v| (i, j, v)))
        .collect()
}

fn compatibility_of(n: usize, judgments: &[(usize, usize, f64)], w: &[f64]) -> f64 {
    // Diagonal entries contribute 1 each; each judged pair contributes
    // a_ij w_j / w_i and its reciprocal.
    let sum: f64 = judgments
        .iter()
        .map(|&(a, b, v)| {
            let r = v * w[b] / w[a];
            r + 1.0 / r
        })
        .sum::<f64>()
        + n as f64;
    sum / (n + 2 * judgments.len()) as f64
}

fn gcompi_of(n: usize, judgments: &[(usize, usize, f64)], w: &[f64]) -> Option<f64> {
    if n < 3 || judgments.is_empty() {
        return None;
    }
    let sum: f64 = judgments.iter().map(|&(a, b, v)| (v * w[b] / w[a]).ln().powi(2)).sum();
    let pairs = (n * (n - 1) / 2) as f64;
    let scale = pairs / judgments.len() as f64;
    Some(2.0 * scale * sum / ((n - 1) * (n - 2)) as f64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::math::ahp::PriorityMethod;

    fn set(name: &str, judgments: &[(usize, usize, f64)]) -> JudgmentSet {
        JudgmentSet::new(name, judgments.to_vec())
    }

    #[test]
    fn aij_is_the_weighted_geometric_mean_over_the_judges_of_each_pair() {
        // Pair (0, 1): ann 2 (w 3), bob 8 (w 1) -> 2^(3/4) 8^(1/4) = 2^(3/2).
        // Pair (1, 2): only bob, 3. Pair (0, 2): only ann, given reversed as (2, 0, 1/6).
        let g = GroupJudgments::new(
            3,
            vec![
                set("ann", &[(0, 1, 2.0), (2, 0, 1.0 / 6.0)]).with_weight(3.0),
                set("bob", &[(0, 1, 8.0), (1, 2, 3.0)]),
            ],
        )
        .unwrap();
        let m = g.aggregated_judgments();
        assert!((m.get(0, 1).unwrap() - 2f64.powf(1.5)).abs() < 1e-12);
        assert!((m.get(1, 2).unwrap() - 3.0).abs() < 1e-12);
        assert!((m.get(0, 2).unwrap() - 6.0).abs() < 1e-12);
        // Each judge's own judgments link all three items.
        assert!(g.judge_matrix(0).is_some() && g.judge_matrix(1).is_some());
    }

    #[test]
    fn equal_weights_reproduce_the_unweighted_geometric_mean() {
        let g = GroupJudgments::new(
            2,
            vec![
                set("a", &[(0, 1, 2.0)]),
                set("b", &[(0, 1, 3.0)]),
                set("c", &[(1, 0, 0.25)]),
            ],
        )
        .unwrap();
        let want = ((2f64.ln() + 3f64.ln() + -(0.25f64.ln())) / 3.0).exp();
        assert_eq!(g.aggregated_judgments().get(0, 1), Some(want));
    }

    #[test]
    fn aip_is_the_weighted_geometric_mean_of_the_priorities() {
        // Two consistent judges: w1 = (2/3, 1/3), w2 = (1/5, 4/5); weights 1 and 3.
        let g = GroupJudgments::new(
            2,
            vec![set("a", &[(0, 1, 2.0)]), set("b", &[(0, 1, 0.25)]).with_weight(3.0)],
        )
        .unwrap();
        let p = g.aggregate(Aggregation::Aip, &AhpOptions::default()).unwrap();
        let x0 = (2.0f64 / 3.0).powf(0.25) * (1.0f64 / 5.0).powf(0.75);
        let x1 = (1.0f64 / 3.0).powf(0.25) * (4.0f64 / 5.0).powf(0.75);
        assert!((p.weights[0] - x0 / (x0 + x1)).abs() < 1e-12);
        assert_eq!(p.consistency, None);
        assert!(p.estimates.is_empty());
    }

    #[test]
    fn aip_names_a_disconnected_judge() {
        let g = GroupJudgments::new(
            3,
            vec![set("full", &[(0, 1, 2.0), (1, 2, 2.0)]), set("partial", &[(0, 1, 3.0)])],
        )
        .unwrap();
        let err = g.aggregate(Aggregation::Aip, &AhpOptions::default()).unwrap_err();
        assert_eq!(
            err,
            MatrixError::JudgeDisconnected {
                judge: "partial".into(),
                groups: vec![vec![0, 1], vec![2]],
            }
        );
        assert!(err.to_string().contains("`partial`"));
        // AIJ still works, and reports the partial judge without priorities.
        let p = g.aggregate(Aggregation::Aij, &AhpOptions::default()).unwrap();
        assert_eq!(p.judges[1].priorities, None);
        assert_eq!(p.judges[1].consistency, None);
    }

    #[test]
    fn invalid_inputs_are_typed_errors() {
        assert_eq!(GroupJudgments::new(2, vec![]).unwrap_err(), MatrixError::NoJudges);
        assert!(matches!(
            GroupJudgments::new(2, vec![set("z", &[(0, 1, 2.0)]).with_weight(0.0)]),
            Err(MatrixError::InvalidJudgeWeight { .. })
        ));
        let err = GroupJudgments::new(2, vec![set("x", &[(0, 5, 2.0)])]).unwrap_err();
        assert_eq!(
            err,
            MatrixError::JudgeJudgments {
                judge: "x".into(),
                source: Box::new(MatrixError::OutOfRange { index: 5, n: 2 }),
            }
        );
        let err = GroupJudgments::new(4, vec![set("a", &[(0, 1, 2.0)]), set("b", &[(2, 3, 2.0)])]).unwrap_err();
        assert!(matches!(err, MatrixError::Disconnected { .. }));
    }

    #[test]
    fn agreeing_judges_have_perfect_compatibility_and_no_disagreement() {
        let j = [(0, 1, 2.0), (0, 2, 4.0), (1, 2, 2.0)];
        let g = GroupJudgments::new(3, vec![set("a", &j), set("b", &j)]).unwrap();
        let p = g.aggregate(Aggregation::Aij, &AhpOptions::default()).unwrap();
        for judge in &p.judges {
            assert!((judge.compatibility - 1.0).abs() < 1e-12);
            assert!(judge.gcompi.unwrap() < 1e-24);
        }
        assert!(p.consensus.unwrap() < 1e-24);
        assert_eq!(p.disagreement, None);
    }

    #[test]
    fn disagreement_points_at_the_outlying_judgment() {
        let g = GroupJudgments::new(
            3,
            vec![
                set("a", &[(0, 1, 2.0), (0, 2, 4.0), (1, 2, 2.0)]),
                set("b", &[(0, 1, 2.0), (0, 2, 4.0), (1, 2, 2.0)]),
                set("c", &[(0, 1, 2.0), (2, 0, 2.0), (1, 2, 2.0)]),
            ],
        )
        .unwrap();
        let d = g
            .aggregate(Aggregation::Aij, &AhpOptions::default())
            .unwrap()
            .disagreement
            .unwrap();
        assert_eq!((d.judge.as_str(), d.judge_index, d.row, d.col), ("c", 2, 0, 2));
        assert!((d.judged - 0.5).abs() < 1e-15);
        // Group: exp((2 ln 4 - ln 2) / 3) = 2; c is ln 0.5 - ln 2 = -ln 4 away.
        assert!((d.group - 2.0).abs() < 1e-12);
        assert!((d.distance - 4f64.ln()).abs() < 1e-12);
    }

    #[test]
    fn gcompi_with_own_geometric_priorities_is_the_gci() {
        // GCI of [[1,3,5],[1/3,1,2],[1/5,1/2,1]] by hand: e_ij = a_ij w_j / w_i with
        // w the row geometric mean; GCI = 2/((n-1)(n-2)) sum ln^2 e_ij = sum ln^2 e_ij.
        let m = PairwiseMatrix::from_judgments(3, &[(0, 1, 3.0), (0, 2, 5.0), (1, 2, 2.0)]).unwrap();
        let w = m.priorities(PriorityMethod::Geometric).weights;
        // For n = 3 every ln e_ij equals +-(ln 3 + ln 2 - ln 5)/3.
        let t = (3f64.ln() + 2f64.ln() - 5f64.ln()) / 3.0;
        let want = 3.0 * t * t;
        assert!((geometric_compatibility_index(&m, &w).unwrap() - want).abs() < 1e-14);
    }

    #[test]
    fn judgments_at_the_bound_aggregate_within_it() {
        // With these weights ln(1e-6) averaged and exponentiated is
        // 9.99999999999997e-7 without the clamp, which the AIJ matrix would
        // refuse as out of bounds.
        let g = GroupJudgments::new(
            3,
            vec![
                set("a", &[(0, 1, 1e-6), (1, 2, 1e6)]).with_weight(9.1),
                set("b", &[(0, 1, 1e-6), (1, 2, 1e6)]).with_weight(4.7),
                set("c", &[(0, 1, 1e-6), (2, 1, 1e-6)]).with_weight(5.6),
            ],
        )
        .unwrap();
        assert_eq!(g.aggregated_judgments().get(0, 1), Some(JUDGMENT_MIN));
        for aggregation in Aggregation::ALL {
            let p = g.aggregate(aggregation, &AhpOptions::default()).unwrap();
            assert!(p.weights.iter().all(|w| w.is_finite() && *w > 0.0), "{:?}", p.weights);
            let consensus = p.consensus.unwrap();
            assert!(consensus.is_finite() && consensus >= 0.0, "{consensus}");
        }
    }

    #[test]
    fn a_judgment_beyond_the_bound_is_refused_naming_the_judge() {
        let err = GroupJudgments::new(2, vec![set("a", &[(0, 1, 2.0)]), set("b", &[(0, 1, 1e-320)])]).unwrap_err();
        assert_eq!(
            err,
            MatrixError::JudgeJudgments {
                judge: "b".into(),
                source: Box::new(MatrixError::OutOfBounds {
                    row: 0,
                    col: 1,
                    value: 1e-320
                }),
            }
        );
    }

    #[test]
    fn names_round_trip() {
        for a in Aggregation::ALL {
            assert_eq!(a.name().parse::<Aggregation>(), Ok(a));
        }
    }
}
