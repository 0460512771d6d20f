//! Property tests: invariants of AHP weighting, TOPSIS scoring and ranking
//! that must hold for every input, checked on random inputs (proptest).
//!
//! Each test states its invariant and why it holds. Tolerances are chosen
//! from the floating-point error of the computation, not to make tests pass:
//! where a property only holds in exact arithmetic the comment says why the
//! tolerance is enough.
//!
//! Run with `cargo test --test integration properties::`; `PROPTEST_CASES=N` overrides the
//! number of cases.

#![allow(clippy::needless_range_loop)] // index loops read best on matrices

use std::collections::BTreeSet;

use innorank::ahp::{PairwiseMatrix, PriorityMethod};
use innorank::pipeline::{WeighOptions, weigh_with};
use innorank::problem::CriterionKind;
use innorank::ranking::rank_scores;
use innorank::topsis::{Degenerate, Normalization, Topsis, TopsisScores};
use innorank::{DataError, ahp::MatrixError};
use innorank::{DecisionMatrix, Direction, Problem, Weights};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::Index;

const METHODS: [PriorityMethod; 2] = [PriorityMethod::Eigen, PriorityMethod::Geometric];
const NORMALIZATIONS: [Normalization; 2] = [Normalization::Vector, Normalization::MinMax];
const CASES: u32 = 256;

// ---------------------------------------------------------------------------
// Generators: pairwise judgments
// ---------------------------------------------------------------------------

/// A value on Saaty's scale: 1/9..1/2, 1..9.
fn saaty_value() -> impl Strategy<Value = f64> + Clone {
    (1u8..=9, any::<bool>()).prop_map(|(k, inverse)| {
        if inverse && k > 1 {
            1.0 / f64::from(k)
        } else {
            f64::from(k)
        }
    })
}

/// A real judgment in [1/9, 9], log-uniform.
fn real_value() -> impl Strategy<Value = f64> + Clone {
    let l = 9f64.ln();
    (-l..=l).prop_map(|x| x.exp().clamp(1.0 / 9.0, 9.0))
}

/// `len` judgments, all on Saaty's scale or all real.
fn judgment_values(len: usize) -> BoxedStrategy<Vec<f64>> {
    prop_oneof![vec(saaty_value(), len), vec(real_value(), len)].boxed()
}

/// Random shape of a judgment graph on `n` items: a label permutation, a
/// parent choice per position (for spanning trees), a coin per ordered pair
/// and a density (for extra pairs), an orientation flip per pair.
#[derive(Debug, Clone)]
struct GraphSeed {
    n: usize,
    perm: Vec<usize>,
    parents: Vec<Index>,
    coins: Vec<f64>,
    density: f64,
    flips: Vec<bool>,
}

fn graph_seed(n: impl Strategy<Value = usize>) -> impl Strategy<Value = GraphSeed> {
    n.prop_flat_map(|n| {
        (
            Just((0..n).collect::<Vec<_>>()).prop_shuffle(),
            vec(any::<Index>(), n),
            vec(0.0..1.0f64, n * n),
            prop_oneof![Just(0.0), 0.0..1.0f64],
            vec(any::<bool>(), n * n),
        )
            .prop_map(move |(perm, parents, coins, density, flips)| GraphSeed {
                n,
                perm,
                parents,
                coins,
                density,
                flips,
            })
    })
}

impl GraphSeed {
    /// Unordered pairs `(i, j)`, `i < j`, forming one spanning tree plus
    /// random extra pairs inside each block of consecutive positions of
    /// `perm` (`cuts` are the positions where a new block starts). Items
    /// in different blocks are never linked, items in one block always are.
    fn pairs(&self, cuts: &[usize]) -> BTreeSet<(usize, usize)> {
        let mut bounds = vec![0];
        bounds.extend(cuts.iter().copied());
        bounds.push(self.n);
        let mut pairs = BTreeSet::new();
        for block in bounds.windows(2) {
            let (lo, hi) = (block[0], block[1]);
            for k in lo + 1..hi {
                let parent = lo + self.parents[k].index(k - lo);
                let (a, b) = (self.perm[k], self.perm[parent]);
                pairs.insert((a.min(b), a.max(b)));
            }
            for x in lo..hi {
                for y in x + 1..hi {
                    let (a, b) = (self.perm[x], self.perm[y]);
                    if self.coins[a * self.n + b] < self.density {
                        pairs.insert((a.min(b), a.max(b)));
                    }
                }
            }
        }
        pairs
    }

    /// Judgments `(a, b, v)` for `pairs`, each in a random orientation; the
    /// value of `(i, j)` is `value(i, j)` (and its reciprocal when flipped).
    fn judgments(
        &self,
        pairs: &BTreeSet<(usize, usize)>,
        value: impl Fn(usize, usize) -> f64,
    ) -> Vec<(usize, usize, f64)> {
        pairs
            .iter()
            .map(|&(i, j)| {
                if self.flips[i * self.n + j] {
                    (j, i, 1.0 / value(i, j))
                } else {
                    (i, j, value(i, j))
                }
            })
            .collect()
    }
}

/// Full matrix from its upper triangle, row-major.
fn reciprocal_rows(n: usize, upper: &[f64]) -> Vec<Vec<f64>> {
    let mut rows = vec![vec![1.0; n]; n];
    let mut k = 0;
    for i in 0..n {
        for j in i + 1..n {
            rows[i][j] = upper[k];
            rows[j][i] = 1.0 / upper[k];
            k += 1;
        }
    }
    rows
}

fn pair_index(n: usize, i: usize, j: usize) -> usize {
    i * n + j
}

// ---------------------------------------------------------------------------
// Generators: decision matrices
// ---------------------------------------------------------------------------

fn signed(magnitude: f64, negative: bool) -> f64 {
    if negative { -magnitude } else { magnitude }
}

/// Scores of ordinary size: zeros, small integers, uniform in [-1000, 1000]
/// and magnitudes 1e-6..1e6 of either sign.
fn ordinary_value() -> BoxedStrategy<f64> {
    prop_oneof![
        Just(0.0),
        (-10i32..=10).prop_map(f64::from),
        -1e3..1e3f64,
        (-6.0..6.0f64, any::<bool>()).prop_map(|(e, neg)| signed(10f64.powf(e), neg)),
    ]
    .boxed()
}

/// Scores anywhere in the finite doubles: ordinary values, magnitudes
/// 1e-300..1e308, the largest finite and the smallest (sub)normal values.
fn extreme_value() -> BoxedStrategy<f64> {
    prop_oneof![
        3 => ordinary_value(),
        2 => (-300.0..308.0f64, any::<bool>()).prop_map(|(e, neg)| signed(10f64.powf(e), neg)),
        1 => prop::sample::select(vec![f64::MAX, -f64::MAX, f64::MIN_POSITIVE, -f64::MIN_POSITIVE, 5e-324, -5e-324]),
    ]
    .boxed()
}

/// A relative weight: often zero, else spread over twelve orders of magnitude.
fn relative_weight() -> BoxedStrategy<f64> {
    prop_oneof![
        1 => Just(0.0),
        4 => 0.0..=1.0f64,
        1 => (-6.0..6.0f64).prop_map(|e| 10f64.powf(e)),
    ]
    .boxed()
}

/// One column of `rows` scores with its direction: random values, a few
/// repeated values (ties), a constant, or all zeros; the target of a
/// target column is drawn like a score.
fn column(rows: usize, value: BoxedStrategy<f64>) -> BoxedStrategy<(Vec<f64>, Direction)> {
    let values = prop_oneof![
        4 => vec(value.clone(), rows),
        1 => vec(value.clone(), 1..=3).prop_flat_map(move |pool| vec(prop::sample::select(pool), rows)),
        1 => value.clone().prop_map(move |v| vec![v; rows]),
        1 => Just(vec![0.0; rows]),
    ];
    let direction = prop_oneof![
        Just(Direction::Benefit),
        Just(Direction::Cost),
        value.prop_map(Direction::Target),
    ];
    (values, direction).boxed()
}

/// A TOPSIS input: columns of scores, a direction and a relative weight per
/// column (not all zero).
#[derive(Debug, Clone)]
struct Case {
    rows: usize,
    columns: Vec<Vec<f64>>,
    directions: Vec<Direction>,
    weights: Vec<f64>,
}

impl Case {
    fn matrix(&self) -> DecisionMatrix {
        DecisionMatrix::from_columns(self.columns.clone()).expect("generated scores form a matrix")
    }

    fn weights(&self) -> Weights {
        Weights::new(self.weights.clone()).expect("generated weights are valid")
    }

    fn run(&self, normalization: Normalization) -> Result<TopsisScores, DataError> {
        Topsis::new(normalization).rank(&self.matrix(), &self.weights(), &self.directions)
    }
}

fn case_with(
    rows: impl Strategy<Value = usize> + 'static,
    cols: impl Strategy<Value = usize> + 'static,
    column: impl Fn(usize) -> BoxedStrategy<(Vec<f64>, Direction)> + 'static,
) -> BoxedStrategy<Case> {
    (rows, cols)
        .prop_flat_map(move |(rows, cols)| (Just(rows), vec(column(rows), cols), vec(relative_weight(), cols)))
        .prop_map(|(rows, cols, mut weights)| {
            if weights.iter().all(|&w| w == 0.0) {
                weights[0] = 1.0;
            }
            let (columns, directions) = cols.into_iter().unzip();
            Case {
                rows,
                columns,
                directions,
                weights,
            }
        })
        .boxed()
}

fn case(
    rows: impl Strategy<Value = usize> + 'static,
    cols: impl Strategy<Value = usize> + 'static,
    value: fn() -> BoxedStrategy<f64>,
) -> BoxedStrategy<Case> {
    case_with(rows, cols, move |rows| column(rows, value()))
}

/// Scores well apart relative to their column's magnitude: `k / 4 * 10^m`,
/// `|k| <= 400`, one `m` in -3..=3 per column (targets too). Transformed
/// copies of such a column keep distinct values distinct.
fn nice_column(rows: usize) -> BoxedStrategy<(Vec<f64>, Direction)> {
    (-3i32..=3)
        .prop_flat_map(move |m| {
            let value = (-400i32..=400)
                .prop_map(move |k| f64::from(k) / 4.0 * 10f64.powi(m))
                .boxed();
            column(rows, value)
        })
        .boxed()
}

/// `(index, rank)` of `rank_scores`, as rank by index.
fn ranks_by_index(scores: &[f64]) -> Vec<usize> {
    let mut ranks = vec![0; scores.len()];
    for (i, r) in rank_scores(scores) {
        ranks[i] = r;
    }
    ranks
}

fn close(a: f64, b: f64, tol: f64) -> bool {
    (a - b).abs() <= tol
}

/// `weights` are `n` finite positive numbers summing to 1 (1e-12), as
/// `method` must give them.
fn normalised(weights: &[f64], n: usize, method: PriorityMethod) -> Result<(), TestCaseError> {
    prop_assert_eq!(weights.len(), n);
    for (i, &w) in weights.iter().enumerate() {
        prop_assert!(w.is_finite() && w > 0.0, "{:?}: w[{}] = {}", method, i, w);
    }
    let sum: f64 = weights.iter().sum();
    prop_assert!(close(sum, 1.0, 1e-12), "{:?}: sum {}", method, sum);
    Ok(())
}

/// Scores must be finite and in range: closeness in [0, 1], D+ and D- >= 0.
fn check_well_formed(case: &Case, normalization: Normalization) -> Result<(), TestCaseError> {
    match case.run(normalization) {
        Ok(s) => {
            prop_assert_eq!(s.closeness.len(), case.rows);
            prop_assert_eq!(s.d_plus.len(), case.rows);
            prop_assert_eq!(s.d_minus.len(), case.rows);
            for i in 0..case.rows {
                let (c, p, m) = (s.closeness[i], s.d_plus[i], s.d_minus[i]);
                prop_assert!(
                    c.is_finite() && (0.0..=1.0).contains(&c),
                    "{:?}: closeness[{}] = {} (D+ {}, D- {})",
                    normalization,
                    i,
                    c,
                    p,
                    m
                );
                prop_assert!(p.is_finite() && p >= 0.0, "{:?}: d_plus[{}] = {}", normalization, i, p);
                prop_assert!(m.is_finite() && m >= 0.0, "{:?}: d_minus[{}] = {}", normalization, i, m);
            }
        }
        Err(e) => prop_assert!(false, "{:?}: unexpected error {}", normalization, e),
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// 1-3: AHP priorities
// ---------------------------------------------------------------------------

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES))]

    /// Invariant: for any complete positive reciprocal matrix, both methods
    /// give weights that are positive, finite and sum to 1 (1e-12); CI and CR
    /// are finite and >= 0; lambda_max >= n (1e-9).
    ///
    /// Why: Perron-Frobenius gives a positive principal eigenvector, and the
    /// row geometric mean of positive entries is positive; both are divided
    /// by their sum, so the sum is 1 up to n rounding errors (n <= 12, far
    /// below 1e-12). lambda_max >= n holds for every positive reciprocal
    /// matrix (Saaty), and for the geometric estimate `mean_i (A w)_i / w_i`
    /// too: it is `1 + (1/n) sum_{i<j} (x_ij + 1/x_ij)` with
    /// `x_ij = a_ij w_j / w_i`, and `x + 1/x >= 2`.
    #[test]
    fn ahp_weights_are_positive_and_sum_to_one(
        (n, upper) in (2usize..=12).prop_flat_map(|n| (Just(n), judgment_values(n * (n - 1) / 2)))
    ) {
        let m = PairwiseMatrix::from_rows(reciprocal_rows(n, &upper)).unwrap();
        prop_assert!(m.is_complete());
        for method in METHODS {
            let p = m.priorities(method);
            normalised(&p.weights, n, method)?;
            let c = p.consistency;
            prop_assert_eq!(c.n, n);
            prop_assert!(c.ci.is_finite() && c.ci >= 0.0, "{:?}: CI {}", method, c.ci);
            prop_assert!(c.cr.is_finite() && c.cr >= 0.0, "{:?}: CR {}", method, c.cr);
            prop_assert!(c.lambda_max.is_finite(), "{:?}: lambda_max {}", method, c.lambda_max);
            prop_assert!(
                c.lambda_max >= n as f64 - 1e-9,
                "{:?}: lambda_max {} < n = {}", method, c.lambda_max, n
            );
        }
    }

    /// Invariant: judgments that link every item (a spanning tree plus any
    /// extra pairs, in any orientation) are accepted; both methods give
    /// positive weights summing to 1 (1e-12); `estimates` lists exactly the
    /// pairs i < j that were not judged, in row-major order, each with the
    /// value `w_i / w_j`; `get` returns the judged values and their
    /// reciprocals.
    ///
    /// Why: Harker's matrix of a connected judgment graph is non-negative and
    /// irreducible with a positive diagonal, hence primitive, so its Perron
    /// vector is positive; the log least-squares system `L + J` is regular
    /// for a connected graph. The estimates are defined as the missing pairs.
    #[test]
    fn connected_incomplete_judgments_give_normalised_weights_and_estimate_exactly_the_missing_pairs(
        (seed, values) in graph_seed(2usize..=15).prop_flat_map(|s| {
            let len = s.n * s.n;
            (Just(s), judgment_values(len))
        })
    ) {
        let n = seed.n;
        let pairs = seed.pairs(&[]);
        let judgments = seed.judgments(&pairs, |i, j| values[pair_index(n, i, j)]);
        let m = PairwiseMatrix::from_judgments(n, &judgments).unwrap();
        let missing: Vec<(usize, usize)> = (0..n)
            .flat_map(|i| (i + 1..n).map(move |j| (i, j)))
            .filter(|p| !pairs.contains(p))
            .collect();
        prop_assert_eq!(m.is_complete(), missing.is_empty());
        for &(a, b, v) in &judgments {
            prop_assert_eq!(m.get(a, b), Some(v));
            prop_assert_eq!(m.get(b, a), Some(1.0 / v));
        }
        for &(i, j) in &missing {
            prop_assert_eq!(m.get(i, j), None);
            prop_assert_eq!(m.get(j, i), None);
        }
        for method in METHODS {
            let p = m.priorities(method);
            normalised(&p.weights, n, method)?;
            prop_assert!(p.consistency.cr.is_finite() && p.consistency.cr >= 0.0);
            let estimates = m.estimates(&p.weights);
            let listed: Vec<(usize, usize)> = estimates.iter().map(|e| (e.row, e.col)).collect();
            prop_assert_eq!(&listed, &missing, "{:?}", method);
            for e in &estimates {
                let want = p.weights[e.row] / p.weights[e.col];
                prop_assert!(close(e.value, want, 1e-12 * want), "{:?}: {:?} vs {}", method, e, want);
            }
        }
    }

    /// Invariant: judgments whose graph falls into several groups are
    /// refused with `MatrixError::Disconnected`, naming exactly the groups
    /// (each sorted, ordered by smallest member).
    ///
    /// Why: without a chain of judgments between two groups their relative
    /// weight is undetermined (Harker's matrix is reducible, L + J singular
    /// on the group indicators), so no priorities exist.
    #[test]
    fn disconnected_judgments_are_refused_with_their_groups(
        (seed, cuts, values) in graph_seed(2usize..=15).prop_flat_map(|s| {
            let n = s.n;
            let cuts = prop::sample::subsequence((1..n).collect::<Vec<_>>(), 1..=(n - 1).min(4));
            (Just(s), cuts, vec(saaty_value(), n * n))
        })
    ) {
        let n = seed.n;
        let pairs = seed.pairs(&cuts);
        let judgments = seed.judgments(&pairs, |i, j| values[pair_index(n, i, j)]);
        let mut bounds = vec![0];
        bounds.extend(cuts.iter().copied());
        bounds.push(n);
        let mut groups: Vec<Vec<usize>> = bounds
            .windows(2)
            .map(|b| {
                let mut g = seed.perm[b[0]..b[1]].to_vec();
                g.sort_unstable();
                g
            })
            .collect();
        groups.sort();
        prop_assert_eq!(
            PairwiseMatrix::from_judgments(n, &judgments),
            Err(MatrixError::Disconnected { groups })
        );
    }

    /// Invariant: a perfectly consistent matrix `a_ij = w_i / w_j` gives
    /// back the normalised `w` (1e-9), lambda_max = n (1e-9 relative) and
    /// CR = 0 (1e-9), for both methods, complete or with pairs left out (as
    /// long as the rest stays connected).
    ///
    /// Why: `A w = n w` exactly, so w is the Perron vector with eigenvalue n;
    /// Harker's matrix has the same eigenpair (missing entries are estimated
    /// as w_i / w_j, which is exact here); `ln a_ij = y_i - y_j` is solved
    /// with zero residual by `y = ln w`, the log least-squares solution. The
    /// entries span up to 1e6 (w in 1e-3..1e3), so rounding is ~1e-15.
    #[test]
    fn consistent_judgments_reproduce_their_weights_with_zero_cr(
        (seed, w, complete) in graph_seed(2usize..=15).prop_flat_map(|s| {
            let n = s.n;
            (Just(s), vec((-3.0..3.0f64).prop_map(|e| 10f64.powf(e)), n), any::<bool>())
        })
    ) {
        let n = seed.n;
        let m = if complete {
            PairwiseMatrix::from_rows(
                w.iter().map(|a| w.iter().map(|b| a / b).collect()).collect(),
            )
            .unwrap()
        } else {
            let pairs = seed.pairs(&[]);
            PairwiseMatrix::from_judgments(n, &seed.judgments(&pairs, |i, j| w[i] / w[j])).unwrap()
        };
        let total: f64 = w.iter().sum();
        for method in METHODS {
            let p = m.priorities(method);
            for (i, (&got, &wi)) in p.weights.iter().zip(&w).enumerate() {
                let want = wi / total;
                prop_assert!(close(got, want, 1e-9), "{:?}: w[{}] = {}, want {}", method, i, got, want);
            }
            let c = p.consistency;
            prop_assert!(
                close(c.lambda_max, n as f64, 1e-9 * n as f64),
                "{:?}: lambda_max {} for n = {}", method, c.lambda_max, n
            );
            prop_assert!(c.cr >= 0.0 && c.cr <= 1e-9, "{:?}: CR {}", method, c.cr);
        }
    }
}

// ---------------------------------------------------------------------------
// 4-7: TOPSIS
// ---------------------------------------------------------------------------

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES))]

    /// Invariant: for any matrix of ordinary scores (negatives, zeros,
    /// repeated, constant and all-zero columns, magnitudes 1e-6..1e6), any
    /// directions and weights, closeness is finite and in [0, 1] and D+, D-
    /// are finite and >= 0, under both normalisations.
    ///
    /// Why: D+ and D- are square roots of sums of squares of finite numbers;
    /// closeness is D- / (D+ + D-) with both >= 0, or 0.5 when both are 0.
    #[test]
    fn topsis_scores_are_finite_and_in_range(case in case(1usize..=40, 1usize..=8, ordinary_value)) {
        for normalization in NORMALIZATIONS {
            check_well_formed(&case, normalization)?;
        }
    }

    /// Invariant: the same for scores anywhere in the finite doubles (up to
    /// +-f64::MAX and subnormals), with no error.
    ///
    /// Why: the library accepts every finite score (`DecisionMatrix`), so
    /// every finite input must give finite scores.
    #[test]
    fn topsis_scores_are_finite_and_in_range_for_extreme_magnitudes(
        case in case(1usize..=40, 1usize..=8, extreme_value)
    ) {
        for normalization in NORMALIZATIONS {
            check_well_formed(&case, normalization)?;
        }
    }

    /// Invariant (complements the two above): a column with positive weight
    /// whose (target-transformed) values are not all equal is never ignored:
    /// it is not listed as degenerate, `NoDiscrimination` is not reported,
    /// and every alternative has D+ + D- > 0.
    ///
    /// Why: such a column has ideal != anti-ideal, so every value differs
    /// from at least one of them by half the column's spread; after
    /// normalisation and weighting that is at least ~1e-30 here (weights
    /// >= ~1e-13, spread/norm >= ~1e-17), far from underflow. Ignoring
    /// the column silently changes the ranking.
    #[test]
    fn topsis_never_ignores_a_discriminating_column(
        case in prop_oneof![
            case(1usize..=40, 1usize..=8, ordinary_value),
            case(1usize..=40, 1usize..=8, extreme_value),
        ]
    ) {
        let weights = case.weights();
        let discriminating: Vec<usize> = (0..case.columns.len())
            .filter(|&j| weights.as_slice()[j] > 0.0)
            .filter(|&j| {
                let t: Vec<f64> = match case.directions[j] {
                    // The library ranks |x/2 - t/2| (a constant factor off
                    // |x - t|, which TOPSIS ignores) so it cannot overflow.
                    Direction::Target(t) => case.columns[j].iter().map(|x| (x / 2.0 - t / 2.0).abs()).collect(),
                    _ => case.columns[j].clone(),
                };
                t.iter().any(|&x| x != t[0])
            })
            .collect();
        prop_assume!(!discriminating.is_empty());
        for normalization in NORMALIZATIONS {
            let s = case.run(normalization).map_err(|e| TestCaseError::fail(format!("{normalization:?}: {e}")))?;
            for d in &s.degenerate {
                let ignored = match *d {
                    Degenerate::AllZero { col } | Degenerate::Constant { col } => discriminating.contains(&col),
                    Degenerate::NoDiscrimination => true,
                };
                prop_assert!(!ignored, "{:?}: {:?} although columns {:?} discriminate", normalization, d, discriminating);
            }
            for i in 0..case.rows {
                let total = s.d_plus[i] + s.d_minus[i];
                prop_assert!(
                    total > 0.0,
                    "{:?}: row {} has D+ = {}, D- = {} although columns {:?} discriminate",
                    normalization, i, s.d_plus[i], s.d_minus[i], discriminating
                );
            }
        }
    }

    /// Invariant: if A is at least as good as B on every criterion
    /// (benefit: a >= b, cost: a <= b, target: |a - t| <= |b - t|) and
    /// strictly better on one with positive weight, then C(A) >= C(B)
    /// (1e-12), D+(A) <= D+(B), D-(A) >= D-(B), and rank_scores never
    /// gives A a larger rank than B.
    ///
    /// Why: every alternative shares the same ideal and anti-ideal; on each
    /// column A's transformed value lies between B's and the ideal, so A is
    /// no farther from the ideal and no closer to the anti-ideal, and
    /// C = D- / (D+ + D-) increases with D- and decreases with D+. Rounding
    /// can only blur a difference of ~1e-16 relative, well inside the tie
    /// tolerance of rank_scores (1e-12 relative).
    #[test]
    fn topsis_dominating_alternative_scores_and_ranks_at_least_as_well(
        (case, b_row, improve, amounts, forced, pos_b, pos_a) in
            case(0usize..=30, 1usize..=8, ordinary_value).prop_flat_map(|case| {
                let cols = case.columns.len();
                (
                    Just(case),
                    vec(ordinary_value(), cols),
                    vec(any::<bool>(), cols),
                    vec((-9.0..0.0f64).prop_map(|e| 10f64.powf(e)), cols),
                    any::<Index>(),
                    any::<Index>(),
                    any::<Index>(),
                )
            })
    ) {
        let mut case = case;
        let cols = case.columns.len();
        let forced = forced.index(cols);
        if case.weights[forced] == 0.0 {
            case.weights[forced] = 1.0;
        }
        // A: a copy of B improved on `improve` columns (always on `forced`).
        let a_row: Vec<f64> = (0..cols)
            .map(|j| {
                let b = b_row[j];
                if !(improve[j] || j == forced) {
                    return b;
                }
                let u = amounts[j];
                match case.directions[j] {
                    Direction::Benefit => b + u * (1.0 + b.abs()),
                    Direction::Cost => b - u * (1.0 + b.abs()),
                    // Move towards the target: f = 1 - u in [0, 1).
                    Direction::Target(t) => t + (1.0 - u) * (b - t),
                }
            })
            .collect();
        // Dominance as the library sees the numbers (after rounding).
        let weights = case.weights();
        let mut strict = false;
        for j in 0..cols {
            let (a, b) = (a_row[j], b_row[j]);
            let (no_worse, better) = match case.directions[j] {
                Direction::Benefit => (a >= b, a > b),
                Direction::Cost => (a <= b, a < b),
                Direction::Target(t) => ((a - t).abs() <= (b - t).abs(), (a - t).abs() < (b - t).abs()),
            };
            prop_assert!(no_worse, "construction: column {} a {} b {}", j, a, b);
            strict |= better && weights.as_slice()[j] > 0.0;
        }
        // Only fails when B already sits on the target of the forced column.
        prop_assume!(strict);
        let pb = pos_b.index(case.rows + 1);
        for (col, &b) in case.columns.iter_mut().zip(&b_row) {
            col.insert(pb, b);
        }
        let pa = pos_a.index(case.rows + 2);
        for (col, &a) in case.columns.iter_mut().zip(&a_row) {
            col.insert(pa, a);
        }
        case.rows += 2;
        let ib = if pa <= pb { pb + 1 } else { pb };
        let ia = pa;
        for normalization in NORMALIZATIONS {
            let s = case.run(normalization).unwrap();
            let (ca, cb) = (s.closeness[ia], s.closeness[ib]);
            prop_assert!(ca >= cb - 1e-12, "{:?}: C(A) = {} < C(B) = {}", normalization, ca, cb);
            let tol = |x: f64, y: f64| 1e-12 * x.max(y);
            prop_assert!(
                s.d_plus[ia] <= s.d_plus[ib] + tol(s.d_plus[ia], s.d_plus[ib]),
                "{:?}: D+(A) = {} > D+(B) = {}", normalization, s.d_plus[ia], s.d_plus[ib]
            );
            prop_assert!(
                s.d_minus[ia] >= s.d_minus[ib] - tol(s.d_minus[ia], s.d_minus[ib]),
                "{:?}: D-(A) = {} < D-(B) = {}", normalization, s.d_minus[ia], s.d_minus[ib]
            );
            let ranks = ranks_by_index(&s.closeness);
            prop_assert!(
                ranks[ia] <= ranks[ib],
                "{:?}: rank(A) = {} > rank(B) = {} (C(A) = {}, C(B) = {})",
                normalization, ranks[ia], ranks[ib], ca, cb
            );
        }
    }

    /// Invariant: under vector normalisation, multiplying one column by
    /// c in [1e-3, 1e3] (and its target by c: a change of unit) leaves every
    /// closeness, D+ and D- unchanged (1e-9), the degenerate columns the
    /// same, and the ranks the same when all scores are more than 1e-6
    /// apart.
    ///
    /// Why: `c x / ||c x|| = x / ||x||` and `|c x - c t| = c |x - t|`. The
    /// scores are well apart relative to their column (see `nice_column`),
    /// so rounding changes the normalised values by ~1e-15.
    #[test]
    fn vector_topsis_scores_are_invariant_to_column_scale(
        (case, col, c) in case_with(1usize..=40, 1usize..=8, nice_column).prop_flat_map(|case| {
            let cols = case.columns.len();
            (Just(case), 0..cols, (-3.0..=3.0f64).prop_map(|e| 10f64.powf(e)))
        })
    ) {
        prop_assume!(!symmetric_around_target(&case, col));
        let mut scaled = case.clone();
        scaled.columns[col].iter_mut().for_each(|x| *x *= c);
        if let Direction::Target(t) = case.directions[col] {
            scaled.directions[col] = Direction::Target(t * c);
        }
        check_same_scores(&case, &scaled, Normalization::Vector)?;
    }

    /// Invariant: under min-max normalisation, replacing one column x by
    /// c x + d (c in [1e-3, 1e3], d of up to 100 times the column's
    /// magnitude; the target likewise) leaves every closeness, D+ and D-
    /// unchanged (1e-9), the degenerate columns the same, and the ranks the
    /// same when all scores are more than 1e-6 apart.
    ///
    /// Why: `(c x + d - min) / (max - min)` with min and max transformed
    /// alike is `(x - min) / (max - min)`; `|(c x + d) - (c t + d)| =
    /// c |x - t|`.
    #[test]
    fn minmax_topsis_scores_are_invariant_to_column_scale_and_shift(
        (case, col, c, shift) in case_with(1usize..=40, 1usize..=8, nice_column).prop_flat_map(|case| {
            let cols = case.columns.len();
            (
                Just(case),
                0..cols,
                prop_oneof![Just(1.0), (-3.0..=3.0f64).prop_map(|e| 10f64.powf(e))],
                prop_oneof![Just(0.0), -100.0..100.0f64],
            )
        })
    ) {
        prop_assume!(!symmetric_around_target(&case, col));
        let magnitude = case.columns[col].iter().fold(0.0f64, |m, x| m.max(x.abs())).max(1e-3);
        let d = shift * c * magnitude;
        let mut moved = case.clone();
        moved.columns[col].iter_mut().for_each(|x| *x = c * *x + d);
        if let Direction::Target(t) = case.directions[col] {
            moved.directions[col] = Direction::Target(c * t + d);
        }
        check_same_scores(&case, &moved, Normalization::MinMax)?;
    }

    /// Invariant: shuffling the rows shuffles the scores the same way: each
    /// alternative keeps its closeness, D+ and D- (1e-12), under both
    /// normalisations.
    ///
    /// Why: TOPSIS treats alternatives symmetrically; column minima, maxima
    /// and norms do not depend on row order (the norm's sum only up to
    /// rounding, ~1e-16 relative).
    #[test]
    fn topsis_scores_follow_a_row_permutation(
        (case, perm) in case(1usize..=40, 1usize..=8, ordinary_value).prop_flat_map(|case| {
            let rows = case.rows;
            (Just(case), Just((0..rows).collect::<Vec<_>>()).prop_shuffle())
        })
    ) {
        let mut shuffled = case.clone();
        // Row k of the shuffled matrix is row perm[k] of the original.
        shuffled.columns = case.columns.iter().map(|col| perm.iter().map(|&r| col[r]).collect()).collect();
        for normalization in NORMALIZATIONS {
            let s = case.run(normalization).unwrap();
            let t = shuffled.run(normalization).unwrap();
            for (k, &r) in perm.iter().enumerate() {
                for (what, x, y) in [
                    ("closeness", s.closeness[r], t.closeness[k]),
                    ("d_plus", s.d_plus[r], t.d_plus[k]),
                    ("d_minus", s.d_minus[r], t.d_minus[k]),
                ] {
                    prop_assert!(
                        close(x, y, 1e-12 * x.abs().max(1.0)),
                        "{:?}: {} of row {} moved to {}: {} vs {}", normalization, what, r, k, x, y
                    );
                }
            }
        }
    }
}

/// True when `col` is a target column whose distances `|x - t|` are all
/// equal while the scores are not (e.g. t - 1 and t + 1). Such a column is
/// constant only in exact arithmetic: after `x -> c x` the two distances
/// round differently, and the column turns from "constant, ignored" into one
/// whose spread is pure rounding. Excluded from the invariance properties
/// (see the report on min-max and near-constant columns).
fn symmetric_around_target(case: &Case, col: usize) -> bool {
    let Direction::Target(t) = case.directions[col] else {
        return false;
    };
    let values = &case.columns[col];
    let d0 = (values[0] - t).abs();
    values.iter().all(|x| (x - t).abs() == d0) && values.iter().any(|&x| x != values[0])
}

/// Same closeness, D+ and D- (1e-9 absolute; D relative to the largest D),
/// same degenerate columns, and same ranks when all scores are > 1e-6 apart.
fn check_same_scores(original: &Case, changed: &Case, normalization: Normalization) -> Result<(), TestCaseError> {
    let s = original.run(normalization).unwrap();
    let t = changed.run(normalization).unwrap();
    prop_assert_eq!(&s.degenerate, &t.degenerate);
    let d_scale = s.d_plus.iter().chain(&s.d_minus).fold(1.0f64, |m, d| m.max(*d));
    for i in 0..original.rows {
        prop_assert!(
            close(s.closeness[i], t.closeness[i], 1e-9),
            "closeness[{}]: {} vs {}",
            i,
            s.closeness[i],
            t.closeness[i]
        );
        prop_assert!(
            close(s.d_plus[i], t.d_plus[i], 1e-9 * d_scale),
            "d_plus[{}]: {} vs {}",
            i,
            s.d_plus[i],
            t.d_plus[i]
        );
        prop_assert!(
            close(s.d_minus[i], t.d_minus[i], 1e-9 * d_scale),
            "d_minus[{}]: {} vs {}",
            i,
            s.d_minus[i],
            t.d_minus[i]
        );
    }
    let separated = s
        .closeness
        .iter()
        .enumerate()
        .all(|(i, a)| s.closeness[i + 1..].iter().all(|b| (a - b).abs() > 1e-6));
    if separated {
        prop_assert_eq!(rank_scores(&s.closeness), rank_scores(&t.closeness));
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// 8: ranking ties
// ---------------------------------------------------------------------------

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES))]

    /// Invariant: rank_scores returns every index once, best first; ranks
    /// are 1-based and non-decreasing along the order; each rank is 1 + the
    /// number of strictly better scores (so tied scores share the smaller
    /// rank and the next rank skips); tied alternatives appear in input
    /// order. Scores equal to ~1e-14 relative count as tied.
    ///
    /// Why: this is the documented ranking (standard competition ranking,
    /// "1224"), with ties to TIE_TOLERANCE = 1e-12 relative. The scores are
    /// drawn from levels k/64 (1/64 apart) perturbed by at most 1e-14
    /// relative, so "tied" is unambiguous.
    #[test]
    fn rank_scores_shares_the_smaller_rank_among_ties_and_skips_after(
        (levels, picks, jitter) in (1usize..=8, 0usize..=30).prop_flat_map(|(k, n)| (
            prop::sample::subsequence((0..=64).collect::<Vec<u32>>(), k),
            vec(any::<Index>(), n),
            vec(prop_oneof![Just(0.0), -1e-14..1e-14f64], n),
        ))
    ) {
        let level: Vec<u32> = picks.iter().map(|p| levels[p.index(levels.len())]).collect();
        let scores: Vec<f64> = level
            .iter()
            .zip(&jitter)
            .map(|(&l, &e)| f64::from(l) / 64.0 * (1.0 + e))
            .collect();
        let n = scores.len();
        let ranked = rank_scores(&scores);
        prop_assert_eq!(ranked.len(), n);
        let mut seen: Vec<usize> = ranked.iter().map(|&(i, _)| i).collect();
        seen.sort_unstable();
        prop_assert_eq!(seen, (0..n).collect::<Vec<_>>());
        if let Some(&(_, first)) = ranked.first() {
            prop_assert_eq!(first, 1);
        }
        for &(i, r) in &ranked {
            let better = level.iter().filter(|&&l| l > level[i]).count();
            prop_assert_eq!(r, better + 1, "index {} (score {})", i, scores[i]);
        }
        for pair in ranked.windows(2) {
            let ((i, ri), (j, rj)) = (pair[0], pair[1]);
            prop_assert!(ri <= rj, "ranks decrease along the order: {:?}", ranked);
            prop_assert!(level[i] >= level[j], "worse score listed first: {:?}", ranked);
            if ri == rj {
                prop_assert!(i < j, "tied alternatives out of input order: {:?}", ranked);
            }
        }
    }
}

// ---------------------------------------------------------------------------
// 9: hierarchy from YAML
// ---------------------------------------------------------------------------

/// A random criteria tree: leaves, and parents with a weighting source and
/// dice (uniform numbers in [0, 1)) that decide its details.
#[derive(Debug, Clone)]
enum Tree {
    Leaf,
    Parent {
        children: Vec<Tree>,
        source: Source,
        dice: Vec<f64>,
    },
}

/// How a parent's children are weighted in the generated file.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Source {
    /// Nothing given.
    Equal,
    /// `weight:` on every child, some of them 0.
    Direct,
    /// `comparisons:` of every pair.
    Complete,
    /// `comparisons:` of a connected subset of pairs.
    Incomplete,
    /// `matrix:`.
    Matrix,
    /// `comparisons:` per judge; together connected.
    Group,
}

fn source() -> impl Strategy<Value = Source> {
    prop::sample::select(vec![
        Source::Equal,
        Source::Direct,
        Source::Complete,
        Source::Incomplete,
        Source::Matrix,
        Source::Group,
    ])
}

/// A node at `level` (1 = top-level criterion); criteria go 3 levels deep.
fn subtree(level: usize) -> BoxedStrategy<Tree> {
    if level >= 3 {
        return Just(Tree::Leaf).boxed();
    }
    prop_oneof![1 => Just(Tree::Leaf), 2 => parent(1..=4, level + 1)].boxed()
}

fn parent(children: std::ops::RangeInclusive<usize>, child_level: usize) -> BoxedStrategy<Tree> {
    (vec(subtree(child_level), children), source(), vec(0.0..1.0f64, 128))
        .prop_map(|(children, source, dice)| Tree::Parent { children, source, dice })
        .boxed()
}

/// Reads the dice in turn.
struct Dice<'a> {
    values: &'a [f64],
    next: usize,
}

impl Dice<'_> {
    fn roll(&mut self) -> f64 {
        let v = self.values[self.next % self.values.len()];
        self.next += 1;
        v
    }

    fn below(&mut self, n: usize) -> usize {
        ((self.roll() * n as f64) as usize).min(n - 1)
    }

    /// A judgment as YAML: a Saaty value (fractions as "1/k") or a real one.
    fn judgment(&mut self) -> (f64, String) {
        if self.roll() < 0.6 {
            let k = 1 + self.below(9);
            if k > 1 && self.roll() < 0.5 {
                (1.0 / k as f64, format!("\"1/{k}\""))
            } else {
                (k as f64, k.to_string())
            }
        } else {
            let v = ((2.0 * self.roll() - 1.0) * 9f64.ln()).exp();
            (v, format!("{v:?}"))
        }
    }

    /// A connected set of unordered pairs on `n` items: random spanning tree
    /// plus extras with probability `density`.
    fn connected_pairs(&mut self, n: usize, density: f64) -> Vec<(usize, usize)> {
        let mut order: Vec<usize> = (0..n).collect();
        for k in (1..n).rev() {
            order.swap(k, self.below(k + 1));
        }
        let mut pairs = BTreeSet::new();
        for k in 1..n {
            let p = order[self.below(k)];
            pairs.insert((p.min(order[k]), p.max(order[k])));
        }
        for i in 0..n {
            for j in i + 1..n {
                if self.roll() < density {
                    pairs.insert((i, j));
                }
            }
        }
        pairs.into_iter().collect()
    }

    /// `[a, b, v]` lines in random orientation.
    fn judgment_lines(&mut self, ids: &[String], pairs: &[(usize, usize)], indent: &str, out: &mut String) {
        for &(i, j) in pairs {
            let (a, b) = if self.roll() < 0.5 { (i, j) } else { (j, i) };
            let (_, text) = self.judgment();
            out.push_str(&format!("{indent}- [{}, {}, {text}]\n", ids[a], ids[b]));
        }
    }
}

/// What the generated file implies about one leaf.
struct LeafInfo {
    id: String,
    /// Some `weight: 0` on its path: its global weight must be 0.
    zero: bool,
}

/// Writes a problem's criteria, numbering them c0, c1... in depth-first
/// order (the order `Criteria` numbers nodes and leaf columns).
#[derive(Default)]
struct Emitter {
    next_id: usize,
    out: String,
    leaves: Vec<LeafInfo>,
}

impl Emitter {
    /// Writes the YAML of a parent's children and weighting; `indent` is the
    /// indentation of its `criteria:` items, `zero` whether a `weight: 0`
    /// lies above it. Returns the weighting fields to write at the parent's
    /// own level.
    fn children(&mut self, children: &[Tree], source: Source, dice: &[f64], indent: usize, zero: bool) -> String {
        let mut dice = Dice { values: dice, next: 0 };
        let n = children.len();
        // Direct weights: each 0 with probability 0.15, not all 0.
        let mut weights: Vec<f64> = (0..n)
            .map(|_| {
                if dice.roll() < 0.15 {
                    0.0
                } else {
                    ((0.1 + 9.9 * dice.roll()) * 10.0).round() / 10.0
                }
            })
            .collect();
        if weights.iter().all(|&w| w == 0.0) {
            weights[0] = 1.0;
        }
        let pad = " ".repeat(indent);
        let mut ids = Vec::with_capacity(n);
        for (k, child) in children.iter().enumerate() {
            let id = format!("c{}", self.next_id);
            self.next_id += 1;
            self.out.push_str(&format!("{pad}- id: {id}\n"));
            let child_zero = zero || (source == Source::Direct && weights[k] == 0.0);
            if source == Source::Direct {
                self.out.push_str(&format!("{pad}  weight: {:?}\n", weights[k]));
            }
            match child {
                Tree::Leaf => {
                    let direction = ["benefit", "cost"][dice.below(2)];
                    self.out.push_str(&format!("{pad}  direction: {direction}\n"));
                    self.leaves.push(LeafInfo {
                        id: id.clone(),
                        zero: child_zero,
                    });
                }
                Tree::Parent { children, source, dice } => {
                    self.out.push_str(&format!("{pad}  criteria:\n"));
                    let fields = self.children(children, *source, dice, indent + 4, child_zero);
                    for line in fields.lines() {
                        self.out.push_str(&format!("{pad}  {line}\n"));
                    }
                }
            }
            ids.push(id);
        }
        let mut fields = String::new();
        match source {
            Source::Equal | Source::Direct => {}
            Source::Complete => {
                let pairs: Vec<_> = (0..n).flat_map(|i| (i + 1..n).map(move |j| (i, j))).collect();
                fields.push_str(if pairs.is_empty() {
                    "comparisons: []\n"
                } else {
                    "comparisons:\n"
                });
                dice.judgment_lines(&ids, &pairs, "  ", &mut fields);
            }
            Source::Incomplete => {
                let density = dice.roll();
                let pairs = dice.connected_pairs(n, density);
                fields.push_str(if pairs.is_empty() {
                    "comparisons: []\n"
                } else {
                    "comparisons:\n"
                });
                dice.judgment_lines(&ids, &pairs, "  ", &mut fields);
            }
            Source::Matrix => {
                let mut rows = vec![vec![String::from("1"); n]; n];
                for i in 0..n {
                    for j in i + 1..n {
                        let (v, text) = dice.judgment();
                        rows[j][i] = if text.starts_with('"') {
                            format!("{}", v.recip().round())
                        } else if v.fract() == 0.0 {
                            format!("\"1/{v}\"")
                        } else {
                            format!("{:?}", 1.0 / v)
                        };
                        rows[i][j] = text;
                    }
                }
                fields.push_str("matrix:\n");
                for row in rows {
                    fields.push_str(&format!("  - [{}]\n", row.join(", ")));
                }
            }
            Source::Group => {
                // Judge j0 links everything; the others judge random pairs.
                let judges = 1 + dice.below(3);
                fields.push_str("comparisons:\n");
                for judge in 0..judges {
                    let pairs = if judge == 0 {
                        let density = dice.roll() * 0.5;
                        dice.connected_pairs(n, density)
                    } else {
                        let density = dice.roll();
                        (0..n)
                            .flat_map(|i| (i + 1..n).map(move |j| (i, j)))
                            .filter(|_| dice.roll() < density)
                            .collect()
                    };
                    if pairs.is_empty() {
                        fields.push_str(&format!("  j{judge}: []\n"));
                    } else {
                        fields.push_str(&format!("  j{judge}:\n"));
                        dice.judgment_lines(&ids, &pairs, "    ", &mut fields);
                    }
                }
            }
        }
        fields
    }
}

/// The YAML problem text for a tree (its root's children are the top-level
/// criteria) and what it implies about each leaf.
fn problem_yaml(root: &Tree) -> (String, Vec<LeafInfo>) {
    let Tree::Parent { children, source, dice } = root else {
        unreachable!("the root is a parent");
    };
    let mut e = Emitter {
        out: String::from("name: generated\ncriteria:\n"),
        ..Emitter::default()
    };
    let fields = e.children(children, *source, dice, 2, false);
    let Emitter { mut out, leaves, .. } = e;
    out.push_str(&fields);
    let scores: Vec<String> = leaves.iter().map(|l| format!("{}: 1", l.id)).collect();
    out.push_str(&format!(
        "alternatives:\n  - id: x\n    scores: {{{}}}\n",
        scores.join(", ")
    ));
    (out, leaves)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES))]

    /// Invariant: for any criteria tree loaded from YAML (up to 3 levels,
    /// each parent weighted equally, by `weight:` on its children (some 0),
    /// by complete, incomplete-but-connected or matrix comparisons, or by
    /// group comparisons), `weigh` gives leaf weights >= 0 summing to 1
    /// (1e-12), each parent's global weight equals the sum of its children's
    /// (1e-12), each local weight vector is >= 0 and sums to 1 (1e-12), and
    /// a leaf's weight is 0 exactly when some `weight: 0` lies on its path.
    ///
    /// Why: a child's global weight is its parent's times its local weight,
    /// and local weights sum to 1, so weight is conserved down the tree.
    /// Judgment-based and equal local weights are positive; direct weights
    /// are the given ones normalised.
    #[test]
    fn hierarchy_weights_are_conserved_from_parent_to_children(
        root in parent(2..=5, 1),
        method in prop::sample::select(METHODS.to_vec()),
    ) {
        let (yaml, leaves) = problem_yaml(&root);
        let p = match Problem::from_yaml_str(&yaml, "generated.yaml") {
            Ok(p) => p,
            Err(e) => return Err(TestCaseError::fail(format!("{e}\n--- generated.yaml ---\n{yaml}"))),
        };
        let w = weigh_with(p.criteria(), &WeighOptions::with_method(method)).unwrap();
        let leaf_ids: Vec<&str> = p.criteria().leaves().map(|(c, _)| c.id.as_str()).collect();
        prop_assert_eq!(leaf_ids, leaves.iter().map(|l| l.id.as_str()).collect::<Vec<_>>());
        let lw = w.leaves.as_slice();
        prop_assert_eq!(lw.len(), leaves.len());
        for (info, &x) in leaves.iter().zip(lw) {
            prop_assert!(x.is_finite() && x >= 0.0, "{}: {}\n{}", info.id, x, yaml);
            prop_assert_eq!(x == 0.0, info.zero, "{}: weight {}\n{}", info.id, x, yaml);
        }
        let sum: f64 = lw.iter().sum();
        prop_assert!(close(sum, 1.0, 1e-12), "leaf weights sum to {}\n{}", sum, yaml);
        prop_assert_eq!(w.global[0], 1.0);
        for (index, criterion, parent) in p.criteria().parents() {
            let children: f64 = parent.children.iter().map(|&c| w.global[c]).sum();
            prop_assert!(
                close(w.global[index], children, 1e-12),
                "{}: global {} but children sum to {}\n{}", criterion.id, w.global[index], children, yaml
            );
        }
        for node in &w.nodes {
            prop_assert!(node.local.iter().all(|&x| x.is_finite() && x >= 0.0), "{}: {:?}", node.id, node.local);
            let s: f64 = node.local.iter().sum();
            prop_assert!(close(s, 1.0, 1e-12), "{}: local weights sum to {}", node.id, s);
        }
        // Every parent of the problem was weighed.
        let parents = p.criteria().nodes().iter().filter(|c| matches!(c.kind, CriterionKind::Parent(_))).count();
        prop_assert_eq!(w.nodes.len(), parents);
    }
}
