//! Completing incomplete judgments, and the options that choose how
//! priorities are derived ([`AhpOptions`]). See [`Completion`] and
//! [`PairwiseMatrix::lambda_min_completion`].

use std::cell::Cell;

use nalgebra::{DMatrix, DVector};

use super::priorities::{check_priorities, log_least_squares, perron_vector};
use super::{Estimate, PairwiseMatrix, Priorities, PriorityMethod, RandomIndex};
use crate::math::ahp::MatrixError;

/// How missing judgments are filled in.
///
/// * [`Completion::Harker`] (default): a missing `a_ij` is `w_i / w_j` of the
///   priorities themselves (Harker 1987; see the [module docs](super)).
/// * [`Completion::LambdaMin`]: the missing entries are chosen so that the
///   completed matrix has the smallest principal eigenvalue, i.e. the smallest
///   CR (Bozóki, Fülöp & Rónyai 2010, "On optimal completion of incomplete
///   pairwise comparison matrices", *Mathematical and Computer Modelling*
///   52(1-2), 318-333, doi:10.1016/j.mcm.2010.02.047; the completion AHPy
///   uses). The priorities are then those of the completed matrix by the
///   chosen [`PriorityMethod`]. Algorithm and tolerance:
///   [`PairwiseMatrix::lambda_min_completion`].
///
/// ```
/// use innorank::ahp::Completion;
/// assert_eq!("lambda-min".parse::<Completion>(), Ok(Completion::LambdaMin));
/// assert_eq!(Completion::default().name(), "harker");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Completion {
    /// `a_ij = w_i / w_j` of the method's own priorities (Harker 1987 for the
    /// eigenvector; for the geometric method the logarithmic least-squares
    /// solution over the given judgments, which is self-consistent in the
    /// same way). The default.
    #[default]
    Harker,
    /// The entries minimising `lambda_max` of the completed matrix (Bozóki,
    /// Fülöp & Rónyai 2010); see
    /// [`PairwiseMatrix::lambda_min_completion`].
    LambdaMin,
}

crate::math::names::named_choices!(Completion, "completion", {
    Harker => "harker",
    LambdaMin => "lambda-min",
});

/// Everything that decides how a comparison matrix becomes priorities: the
/// priority method, the completion of missing judgments and the random
/// index for CR. `AhpOptions::default()` is the eigenvector, Harker's
/// completion and Saaty's table, i.e. what
/// [`PairwiseMatrix::priorities`] does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct AhpOptions {
    /// Eigenvector or row geometric mean.
    pub method: PriorityMethod,
    /// How missing judgments are filled in.
    pub completion: Completion,
    /// The random-index table for CR.
    pub random_index: RandomIndex,
}

/// Priorities of one matrix together with the values used for the missing
/// judgments.
#[derive(Debug, Clone, PartialEq)]
pub struct Solution {
    /// The priorities and the consistency of the completed matrix.
    pub priorities: Priorities,
    /// The pairs above the diagonal that were not judged, with the values
    /// actually filled in (empty for a complete matrix).
    pub estimates: Vec<Estimate>,
}

/// Coordinate descent stops once no missing log-entry moved by more than
/// this in a full cycle (see [`PairwiseMatrix::lambda_min_completion`]).
pub const LAMBDA_MIN_TOLERANCE: f64 = 1e-12;
/// Coordinate descent gives up after this many cycles (the last iterate is
/// used); not reached on any matrix in the test suite.
pub const LAMBDA_MIN_MAX_CYCLES: usize = 10_000;
/// Width in `x = ln a` below which a one-dimensional root bracket counts as
/// solved.
const ROOT_WIDTH: f64 = 1e-14;
/// The one-dimensional root search gives up after this many steps (Illinois
/// regula falsi needs a few dozen to reach [`ROOT_WIDTH`]).
const ROOT_MAX_STEPS: usize = 200;
/// The whole descent evaluates at most this many slopes (each two Perron
/// vectors of an n <= 15 matrix, by a few steps of Noda iteration), so it
/// ends within a fixed amount of work on any input; the last iterate is then
/// used. Not reached on any matrix in the test suite.
pub const LAMBDA_MIN_MAX_SLOPES: usize = 200_000;

impl PairwiseMatrix {
    /// The items' priorities and the filled-in judgments, as `options` say.
    ///
    /// ```
    /// use innorank::ahp::{AhpOptions, Completion, PairwiseMatrix};
    /// // Bozóki, Fülöp & Rónyai (2010), 4 items, the pair (2, 3) not judged.
    /// let m = PairwiseMatrix::from_judgments(
    ///     4,
    ///     &[(0, 1, 1.0), (0, 2, 5.0), (0, 3, 2.0), (1, 2, 3.0), (1, 3, 4.0)],
    /// )
    /// .unwrap();
    /// let options = AhpOptions { completion: Completion::LambdaMin, ..AhpOptions::default() };
    /// let s = m.solve(&options);
    /// assert_eq!((s.estimates[0].row, s.estimates[0].col), (2, 3));
    /// assert!((s.estimates[0].value - 0.7302967433).abs() < 1e-9);
    /// // The smallest lambda_max any completion can give, so never above Harker's.
    /// let harker = m.solve(&AhpOptions::default());
    /// assert!(s.priorities.consistency.lambda_max <= harker.priorities.consistency.lambda_max);
    /// ```
    pub fn solve(&self, options: &AhpOptions) -> Solution {
        let AhpOptions {
            method,
            completion,
            random_index,
        } = *options;
        if self.is_complete() {
            return Solution {
                priorities: self.priorities_with(method, random_index),
                estimates: Vec::new(),
            };
        }
        match completion {
            Completion::Harker => {
                let priorities = self.priorities_with(method, random_index);
                let estimates = self.estimates(&priorities.weights);
                Solution { priorities, estimates }
            }
            Completion::LambdaMin => {
                let estimates = self.lambda_min_completion();
                let completed = self.filled(&estimates);
                Solution {
                    priorities: completed.priorities_with(method, random_index),
                    estimates,
                }
            }
        }
    }

    /// [`PairwiseMatrix::solve`], checked: every priority positive and
    /// finite and summing to 1, `lambda_max` finite and not below `n`, CI
    /// and CR finite and `>= 0`, every filled-in value positive and finite.
    /// Judgments within the bound always pass; the check is a safety net
    /// that turns any numerical failure into
    /// [`MatrixError::NonFinite`] instead of NaN in a report.
    ///
    /// ```
    /// use innorank::ahp::{AhpOptions, PairwiseMatrix};
    /// let m = PairwiseMatrix::from_judgments(3, &[(0, 1, 1e6), (1, 2, 1e6), (0, 2, 1e-6)]).unwrap();
    /// let s = m.try_solve(&AhpOptions::default()).unwrap();
    /// assert!(s.priorities.consistency.lambda_max >= 3.0);
    /// ```
    ///
    /// # Errors
    ///
    /// [`MatrixError::NonFinite`] when a priority, `lambda_max` or CR comes out
    /// not finite (a safety net: judgments within the bounds never do).
    pub fn try_solve(&self, options: &AhpOptions) -> Result<Solution, MatrixError> {
        let solution = self.solve(options);
        check_priorities(&solution.priorities)?;
        if let Some(e) = solution
            .estimates
            .iter()
            .find(|e| !(e.value.is_finite() && e.value > 0.0))
        {
            return Err(MatrixError::NonFinite {
                what: "an estimated judgment",
                value: e.value,
            });
        }
        Ok(solution)
    }

    /// The items' priorities as `options` say; see [`PairwiseMatrix::solve`].
    pub fn priorities_with_options(&self, options: &AhpOptions) -> Priorities {
        self.solve(options).priorities
    }

    /// The values `options` fill in for the pairs not judged; see
    /// [`PairwiseMatrix::solve`].
    pub fn estimates_with_options(&self, options: &AhpOptions) -> Vec<Estimate> {
        self.solve(options).estimates
    }

    /// The complete matrix that `options` derive the priorities from: the
    /// judgments plus the filled-in values (the matrix itself when complete).
    ///
    /// ```
    /// use innorank::ahp::{AhpOptions, PairwiseMatrix};
    /// let m = PairwiseMatrix::from_judgments(3, &[(0, 1, 2.0), (1, 2, 3.0)]).unwrap();
    /// let c = m.completed_with_options(&AhpOptions::default());
    /// assert!(c.is_complete());
    /// assert!((c.get(0, 2).unwrap() - 6.0).abs() < 1e-9);
    /// ```
    pub fn completed_with_options(&self, options: &AhpOptions) -> PairwiseMatrix {
        if self.is_complete() {
            return self.clone();
        }
        self.filled(&self.solve(options).estimates)
    }

    /// The missing judgments that minimise `lambda_max` of the completed
    /// matrix (Bozóki, Fülöp & Rónyai 2010), pairs above the diagonal in
    /// row-major order; empty for a complete matrix.
    ///
    /// Written in the logarithms `x = ln a` of the missing entries,
    /// `lambda_max` is a convex function (the Perron root is log-convex in the
    /// log-entries: Kingman 1961, "A convexity property of positive matrices",
    /// *Quarterly J. of Mathematics* 12, 283-284), and BFR 2010 prove that the
    /// minimiser is unique when the judgments link every item (which
    /// [`PairwiseMatrix::from_judgments`] ensures).
    ///
    /// The minimisation runs on the matrix balanced by the logarithmic
    /// least-squares solution (a similarity, which leaves `lambda_max`
    /// unchanged and keeps every entry of moderate size whatever the scale of
    /// the judgments), from the logarithmic least-squares completion, which is
    /// already close to the optimum, in two stages:
    ///
    /// 1. Newton's method on all missing log-entries at once, with the exact
    ///    gradient and Hessian of the Perron root and a step halved until
    ///    `lambda_max` decreases, until a step moves no log-entry by more than
    ///    [`LAMBDA_MIN_TOLERANCE`] (1e-12, i.e. a relative change of 1e-12 in
    ///    the filled-in value); a few steps, however inconsistent the
    ///    judgments (cyclic coordinate descent alone crawled for hours on 15
    ///    items judged 1000 and 1/1000).
    /// 2. Cyclic coordinate descent (the cyclic coordinates method of BFR
    ///    2010): after a converged Newton stage a short polish (at most four
    ///    slope evaluations per missing entry), otherwise the rest of the
    ///    minimisation. Each missing log-entry in turn is
    ///    set to the root of `d lambda_max / dx = (v_i w_j a_ij - v_j w_i
    ///    a_ji) / (v . w)` (`w`, `v` the right and left Perron vectors),
    ///    found by a bracketing search and safeguarded regula falsi (Illinois)
    ///    to a bracket narrower than 1e-14 in `x`. Cycles repeat until no
    ///    log-entry moves by [`LAMBDA_MIN_TOLERANCE`], after
    ///    [`LAMBDA_MIN_MAX_CYCLES`] cycles, or once [`LAMBDA_MIN_MAX_SLOPES`]
    ///    slopes have been evaluated.
    ///
    /// Every loop is capped, so the completion always ends; the Perron
    /// vectors come from Noda iteration, a few linear solves each.
    pub fn lambda_min_completion(&self) -> Vec<Estimate> {
        let n = self.n();
        let missing: Vec<(usize, usize)> = (0..n)
            .flat_map(|i| (i + 1..n).map(move |j| (i, j)))
            .filter(|&(i, j)| self.get(i, j).is_none())
            .collect();
        if missing.is_empty() {
            return Vec::new();
        }
        // Work on the matrix balanced by the logarithmic least-squares
        // solution y (entries a_ij e^(y_j - y_i)): lambda_max is invariant
        // under this similarity, and the missing log-entries shift by
        // y_j - y_i, so the minimiser maps back exactly. The descent starts
        // from the log least-squares completion, where every balanced
        // missing entry is 1, and every entry stays of moderate size
        // whatever the scale of the judgments.
        let y = log_least_squares(self);
        let mut a = DMatrix::from_fn(n, n, |i, j| match self.get(i, j) {
            Some(v) => (v.ln() + y[j] - y[i]).exp(),
            None => 1.0,
        });
        let mut perron = Perron::new(n);
        let converged = newton(&mut a, &missing, &mut perron);
        // Cyclic coordinate descent: the rest of the work should Newton's
        // method stop short, otherwise a polish of a few slopes per entry.
        let budget = Cell::new(if converged {
            missing.len() * 4
        } else {
            LAMBDA_MIN_MAX_SLOPES
        });
        for _ in 0..LAMBDA_MIN_MAX_CYCLES {
            let mut moved: f64 = 0.0;
            for &(i, j) in &missing {
                let old = a[(i, j)].ln();
                let new = minimise_coordinate(&mut a, i, j, old, &mut perron, &budget);
                set_entry(&mut a, i, j, new);
                moved = moved.max((new - old).abs());
            }
            if moved <= LAMBDA_MIN_TOLERANCE || budget.get() == 0 {
                break;
            }
        }
        missing
            .into_iter()
            .map(|(row, col)| Estimate {
                row,
                col,
                value: (a[(row, col)].ln() + y[row] - y[col]).exp(),
            })
            .collect()
    }

    /// This matrix with `estimates` written into the missing pairs.
    fn filled(&self, estimates: &[Estimate]) -> PairwiseMatrix {
        let n = self.n();
        let mut rows: Vec<Vec<f64>> = (0..n)
            .map(|i| (0..n).map(|j| self.get(i, j).unwrap_or(0.0)).collect())
            .collect();
        for e in estimates {
            rows[e.row][e.col] = e.value;
            rows[e.col][e.row] = 1.0 / e.value;
        }
        PairwiseMatrix::from_computed(DMatrix::from_fn(n, n, |i, j| rows[i][j]))
    }
}

/// Newton's method takes at most this many steps (it needs a handful).
const NEWTON_MAX_STEPS: usize = 100;
/// A Newton step is halved at most this many times to decrease `lambda_max`.
const NEWTON_MAX_HALVINGS: usize = 40;

/// Minimises `lambda_max` over the log-entries `x` of the `missing` pairs of
/// `a` (above the diagonal) by Newton's method, in place; true once a step
/// moves no log-entry by more than [`LAMBDA_MIN_TOLERANCE`].
///
/// With `w`, `v` the right and left Perron vectors (`v . w = 1`) and
/// `A_p = dA / dx_p` (`a_ij` at (i, j), `-a_ji` at (j, i)), the gradient is
/// `g_p = v^T A_p w` and the Hessian of the simple eigenvalue
/// `H_pq = [p = q] v^T A_pp w + v^T A_p S A_q w + v^T A_q S A_p w`, with
/// `A_pp` (`a_ij` at (i, j), `+a_ji` at (j, i)) and `S` the group inverse
/// of `lambda I - A`, `(lambda I - A + w v^T)^-1 - w v^T` (Meyer 1975; the
/// second-order perturbation of a simple eigenvalue). `lambda_max` is convex
/// in `x`, so `H` is positive semi-definite; a multiple of the identity is
/// added when the Cholesky factorisation fails, and each step is halved
/// until `lambda_max` decreases (Armijo). Every loop is capped, so the
/// method always ends.
fn newton(a: &mut DMatrix<f64>, missing: &[(usize, usize)], perron: &mut Perron) -> bool {
    let n = a.nrows();
    let m = missing.len();
    let mut lambda = perron_vector(a, &mut perron.right);
    for _ in 0..NEWTON_MAX_STEPS {
        perron_vector(&a.transpose(), &mut perron.left);
        let w = perron.right.clone();
        let vw = perron.left.dot(&w);
        if !(vw.is_finite() && vw > 0.0) {
            return false;
        }
        let v = &perron.left / vw;
        let mut g = DVector::zeros(m);
        let mut r = DMatrix::zeros(n, m);
        let mut l = DMatrix::zeros(n, m);
        let mut h = DMatrix::zeros(m, m);
        for (p, &(i, j)) in missing.iter().enumerate() {
            let (a_ij, a_ji) = (a[(i, j)], a[(j, i)]);
            g[p] = v[i] * a_ij * w[j] - v[j] * a_ji * w[i];
            h[(p, p)] = v[i] * a_ij * w[j] + v[j] * a_ji * w[i];
            (r[(i, p)], r[(j, p)]) = (a_ij * w[j], -a_ji * w[i]);
            (l[(j, p)], l[(i, p)]) = (v[i] * a_ij, -v[j] * a_ji);
        }
        let wv = &w * v.transpose();
        let resolvent = DMatrix::from_diagonal_element(n, n, lambda) - &*a + &wv;
        let Some(inverse) = resolvent.try_inverse() else {
            return false;
        };
        let s = inverse - wv;
        let cross = l.transpose() * (&s * &r);
        h += &cross + cross.transpose();
        let Some(d) = newton_direction(&h, &g) else {
            return false;
        };
        let slope = g.dot(&d);
        if slope.is_nan() || slope >= 0.0 {
            // No descent left: the gradient vanishes to rounding.
            return d.amax() <= LAMBDA_MIN_TOLERANCE;
        }
        let start: Vec<f64> = missing.iter().map(|&(i, j)| a[(i, j)].ln()).collect();
        let mut t = 1.0;
        let mut accepted = false;
        for _ in 0..NEWTON_MAX_HALVINGS {
            for (p, &(i, j)) in missing.iter().enumerate() {
                set_entry(a, i, j, start[p] + t * d[p]);
            }
            let mut trial = perron.right.clone();
            let trial_lambda = perron_vector(a, &mut trial);
            // A tiny step is taken as it is: lambda_max cannot resolve it.
            if trial_lambda <= lambda + 1e-4 * t * slope || t * d.amax() <= LAMBDA_MIN_TOLERANCE {
                perron.right = trial;
                lambda = trial_lambda;
                accepted = true;
                break;
            }
            t *= 0.5;
        }
        if !accepted {
            for (p, &(i, j)) in missing.iter().enumerate() {
                set_entry(a, i, j, start[p]);
            }
            return false;
        }
        if t * d.amax() <= LAMBDA_MIN_TOLERANCE {
            return true;
        }
    }
    false
}

/// The Newton direction `-(H + tau I)^-1 g`, `tau` 0 or grown until `H + tau
/// I` has a Cholesky factorisation; `None` if it never does.
fn newton_direction(h: &DMatrix<f64>, g: &DVector<f64>) -> Option<DVector<f64>> {
    let m = h.nrows();
    let scale = h.diagonal().amax().max(f64::MIN_POSITIVE);
    let mut tau = 0.0;
    for _ in 0..20 {
        let shifted = h + DMatrix::from_diagonal_element(m, m, tau);
        if let Some(c) = shifted.cholesky() {
            let d = -c.solve(g);
            if d.iter().all(|x| x.is_finite()) {
                return Some(d);
            }
        }
        tau = if tau == 0.0 { 1e-12 * scale } else { tau * 100.0 };
    }
    None
}

/// Sets `a_ij = e^x` and `a_ji = e^-x`.
fn set_entry(a: &mut DMatrix<f64>, i: usize, j: usize, x: f64) {
    a[(i, j)] = x.exp();
    a[(j, i)] = (-x).exp();
}

/// Right and left Perron vectors, kept between calls as warm starts.
struct Perron {
    right: DVector<f64>,
    left: DVector<f64>,
}

impl Perron {
    fn new(n: usize) -> Self {
        let start = DVector::from_element(n, 1.0 / n as f64);
        Perron {
            right: start.clone(),
            left: start,
        }
    }

    /// `d lambda_max / dx` for `x = ln a_ij` at the current matrix: with
    /// `A w = lambda w`, `v^T A = lambda v^T`, the derivative of `lambda` is
    /// `v^T (dA/dx) w / (v^T w)`, and `dA/dx` has `a_ij` at (i, j) and
    /// `-a_ji` at (j, i).
    fn slope(&mut self, a: &DMatrix<f64>, i: usize, j: usize) -> f64 {
        perron_vector(a, &mut self.right);
        perron_vector(&a.transpose(), &mut self.left);
        let (w, v) = (&self.right, &self.left);
        (v[i] * w[j] * a[(i, j)] - v[j] * w[i] * a[(j, i)]) / v.dot(w)
    }
}

/// The `x = ln a_ij` minimising `lambda_max` with every other entry fixed:
/// the root of the non-decreasing slope (lambda_max is convex in `x` and
/// grows without bound both ways, so the root exists).
///
/// Each slope costs one unit of `budget`; once it is spent, the best point
/// known is returned at once (a deterministic bound on the work, whatever
/// the input).
fn minimise_coordinate(
    a: &mut DMatrix<f64>,
    i: usize,
    j: usize,
    x0: f64,
    perron: &mut Perron,
    budget: &Cell<usize>,
) -> f64 {
    let mut slope_at = |x: f64| {
        set_entry(a, i, j, x);
        let g = perron.slope(a, i, j);
        budget.set(budget.get().saturating_sub(1));
        // A slope that is not finite (impossible for a positive matrix of
        // moderate entries) counts as 0: the point stays where it is.
        if g.is_finite() { g } else { 0.0 }
    };
    if budget.get() == 0 {
        return x0;
    }
    let g0 = slope_at(x0);
    if g0 == 0.0 {
        return x0;
    }
    match bracket(&mut slope_at, x0, g0, budget) {
        Ok((lo, hi)) => regula_falsi(&mut slope_at, lo, hi, budget),
        Err(x) => x,
    }
}

/// A point `x` and the slope there.
type Point = (f64, f64);

/// Steps downhill from `x0` (slope `g0`, not 0), doubling, until the slope
/// changes sign: the bracket `((lo, g_lo), (hi, g_hi))` with
/// `g_lo < 0 < g_hi`, or `Err(x)` with the point to stop at (a zero slope,
/// or the budget or the steps run out).
fn bracket(
    slope_at: &mut impl FnMut(f64) -> f64,
    x0: f64,
    g0: f64,
    budget: &Cell<usize>,
) -> Result<(Point, Point), f64> {
    let direction = -g0.signum();
    let (mut near, mut g_near) = (x0, g0);
    let mut step = 0.125;
    let (far, g_far) = loop {
        let x = near + direction * step;
        let g = slope_at(x);
        if g == 0.0 {
            return Err(x);
        }
        if g.signum() != g0.signum() {
            break (x, g);
        }
        (near, g_near) = (x, g);
        step *= 2.0;
        if step > 1e3 || budget.get() == 0 {
            // Entries of e^1000 would overflow long before; unreachable for a
            // positive matrix, whose lambda_max grows without bound.
            return Err(near);
        }
    };
    Ok(if near < far {
        ((near, g_near), (far, g_far))
    } else {
        ((far, g_far), (near, g_near))
    })
}

/// The root of the slope in the bracket `(lo, g_lo)`, `(hi, g_hi)` with
/// `g_lo < 0 < g_hi`: Illinois regula falsi, falling back to bisection when
/// the secant point leaves the bracket, until the bracket is narrow enough
/// or the budget is spent.
fn regula_falsi(
    slope_at: &mut impl FnMut(f64) -> f64,
    (mut lo, mut g_lo): Point,
    (mut hi, mut g_hi): Point,
    budget: &Cell<usize>,
) -> f64 {
    let mut last_side = 0i8;
    for _ in 0..ROOT_MAX_STEPS {
        if hi - lo <= ROOT_WIDTH * lo.abs().max(hi.abs()).max(1.0) || budget.get() == 0 {
            break;
        }
        let mut x = (lo * g_hi - hi * g_lo) / (g_hi - g_lo);
        if !(x > lo && x < hi) {
            x = 0.5 * (lo + hi);
        }
        let g = slope_at(x);
        if g == 0.0 {
            return x;
        }
        if g < 0.0 {
            (lo, g_lo) = (x, g);
            if last_side == -1 {
                g_hi *= 0.5;
            }
            last_side = -1;
        } else {
            (hi, g_hi) = (x, g);
            if last_side == 1 {
                g_lo *= 0.5;
            }
            last_side = 1;
        }
    }
    // The end of the bracket with the smaller slope is the closer to the
    // root (the bracket is at most ROOT_WIDTH wide here anyway).
    if -g_lo < g_hi { lo } else { hi }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options(completion: Completion) -> AhpOptions {
        AhpOptions {
            completion,
            ..AhpOptions::default()
        }
    }

    #[test]
    fn default_options_reproduce_priorities() {
        let m = PairwiseMatrix::from_judgments(4, &[(0, 1, 1.0), (0, 2, 5.0), (1, 2, 3.0), (1, 3, 4.0)]).unwrap();
        let s = m.solve(&AhpOptions::default());
        assert_eq!(s.priorities, m.priorities(PriorityMethod::Eigen));
        assert_eq!(s.estimates, m.estimates(&s.priorities.weights));
    }

    #[test]
    fn complete_matrix_ignores_the_completion() {
        let m = PairwiseMatrix::from_judgments(3, &[(0, 1, 2.0), (0, 2, 5.0), (1, 2, 3.0)]).unwrap();
        let a = m.solve(&options(Completion::Harker));
        let b = m.solve(&options(Completion::LambdaMin));
        assert_eq!(a, b);
        assert!(b.estimates.is_empty());
        assert!(m.lambda_min_completion().is_empty());
    }

    #[test]
    fn consistent_chain_is_completed_exactly() {
        // w = (8, 4, 2, 1): every completion method must find a consistent matrix.
        let m = PairwiseMatrix::from_judgments(4, &[(0, 1, 2.0), (1, 2, 2.0), (3, 2, 0.5)]).unwrap();
        let s = m.solve(&options(Completion::LambdaMin));
        for e in &s.estimates {
            let want = 2f64.powi((e.col - e.row) as i32);
            assert!((e.value / want - 1.0).abs() < 1e-10, "{e:?}");
        }
        assert!((s.priorities.consistency.lambda_max - 4.0).abs() < 1e-10);
        assert!((s.priorities.weights[0] - 8.0 / 15.0).abs() < 1e-10);
    }

    #[test]
    fn three_items_one_missing_gives_the_geometric_mean_of_the_path() {
        // For n = 3 with a_13 missing, lambda_max = 1 + r + 1/r with
        // r = (a_12 a_23 / a_13)^(1/3) is minimal at a_13 = a_12 a_23.
        let m = PairwiseMatrix::from_judgments(3, &[(0, 1, 3.0), (1, 2, 5.0)]).unwrap();
        let e = m.lambda_min_completion();
        assert_eq!(e.len(), 1);
        assert!((e[0].value - 15.0).abs() < 1e-9);
    }

    #[test]
    fn lambda_min_is_at_most_harker_and_is_a_stationary_point() {
        let judgments = [
            (0, 1, 2.0),
            (0, 2, 3.0),
            (0, 4, 7.0),
            (1, 2, 2.0),
            (1, 3, 3.0),
            (2, 4, 3.0),
            (3, 4, 2.0),
        ];
        let m = PairwiseMatrix::from_judgments(5, &judgments).unwrap();
        let lm = m.solve(&options(Completion::LambdaMin));
        let hk = m.solve(&options(Completion::Harker));
        assert!(lm.priorities.consistency.lambda_max <= hk.priorities.consistency.lambda_max + 1e-12);
        // Moving any filled-in value by 1e-4 (relative) raises lambda_max.
        let base = lm.priorities.consistency.lambda_max;
        for k in 0..lm.estimates.len() {
            for factor in [1.0 + 1e-4, 1.0 - 1e-4] {
                let mut e = lm.estimates.clone();
                e[k].value *= factor;
                let lambda = m.filled(&e).priorities(PriorityMethod::Eigen).consistency.lambda_max;
                assert!(lambda > base, "estimate {k} x {factor}: {lambda} <= {base}");
            }
        }
    }

    #[test]
    fn geometric_method_uses_the_lambda_min_completed_matrix() {
        let m = PairwiseMatrix::from_judgments(4, &[(0, 1, 1.0), (0, 2, 5.0), (1, 2, 3.0), (1, 3, 4.0)]).unwrap();
        let o = AhpOptions {
            method: PriorityMethod::Geometric,
            completion: Completion::LambdaMin,
            ..AhpOptions::default()
        };
        let s = m.solve(&o);
        let c = m.completed_with_options(&o);
        assert_eq!(s.priorities, c.priorities(PriorityMethod::Geometric));
        assert_eq!(s.estimates, m.lambda_min_completion());
    }

    /// lambda-min on `judgments` ends within `seconds` (a debug build;
    /// release is some 20 times faster) with sound numbers, lambda_max at
    /// most Harker's, and a stationary point: moving any filled-in value by
    /// 1e-4 (relative) does not lower lambda_max.
    fn quick_and_sound(n: usize, judgments: &[(usize, usize, f64)], seconds: f64) {
        let m = PairwiseMatrix::from_judgments(n, judgments).unwrap();
        let started = std::time::Instant::now();
        let lm = m.try_solve(&options(Completion::LambdaMin)).unwrap();
        let elapsed = started.elapsed().as_secs_f64();
        assert!(elapsed < seconds, "{elapsed} s");
        let hk = m.try_solve(&options(Completion::Harker)).unwrap();
        let base = lm.priorities.consistency.lambda_max;
        assert!(base >= n as f64 - 1e-9);
        assert!(base <= hk.priorities.consistency.lambda_max * (1.0 + 1e-12));
        for k in 0..lm.estimates.len() {
            for factor in [1.0 + 1e-4, 1.0 - 1e-4] {
                let mut e = lm.estimates.clone();
                e[k].value *= factor;
                let lambda = m.filled(&e).priorities(PriorityMethod::Eigen).consistency.lambda_max;
                assert!(
                    lambda >= base * (1.0 - 1e-12),
                    "estimate {k} x {factor}: {lambda} < {base}"
                );
            }
        }
    }

    #[test]
    fn lambda_min_ends_quickly_on_extreme_judgments() {
        // The reported hangs, at the bound instead of beyond it: 5 items with
        // one judgment of 1e6 (reported with 1e9), a 3-chain of two 1e6
        // (reported with 1e100), 15 items judged 1000 and 1/1000.
        quick_and_sound(
            5,
            &[(0, 1, 1e6), (1, 2, 3.0), (2, 3, 2.0), (3, 4, 5.0), (0, 2, 2.0)],
            5.0,
        );
        quick_and_sound(3, &[(0, 1, 1e6), (1, 2, 1e6)], 5.0);
        let mut fifteen: Vec<(usize, usize, f64)> = (0..14)
            .map(|i| (i, i + 1, if i % 2 == 0 { 1000.0 } else { 1e-3 }))
            .collect();
        fifteen.extend([(0, 5, 1000.0), (3, 10, 1e-3), (2, 14, 1000.0)]);
        quick_and_sound(15, &fifteen, 5.0);
    }

    #[test]
    fn try_solve_accepts_every_option_at_the_bound() {
        let m = PairwiseMatrix::from_judgments(4, &[(0, 1, 1e6), (1, 2, 1e-6), (2, 3, 1e6), (0, 3, 1e-6)]).unwrap();
        for method in [PriorityMethod::Eigen, PriorityMethod::Geometric] {
            for completion in Completion::ALL {
                let o = AhpOptions {
                    method,
                    completion,
                    ..AhpOptions::default()
                };
                let s = m.try_solve(&o).unwrap();
                assert!(s.priorities.consistency.lambda_max >= 4.0 - 1e-9, "{o:?}: {s:?}");
            }
        }
    }

    #[test]
    fn names_round_trip() {
        for c in Completion::ALL {
            assert_eq!(c.name().parse::<Completion>(), Ok(c));
        }
        assert!("bfr".parse::<Completion>().is_err());
    }
}
