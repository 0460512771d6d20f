//! Priority vectors from a comparison matrix.

use nalgebra::{DMatrix, DVector};

use super::{Consistency, PairwiseMatrix, RandomIndex};

/// How priorities are derived from a comparison matrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PriorityMethod {
    /// Principal right eigenvector (Saaty); the default.
    #[default]
    Eigen,
    /// Row geometric mean (logarithmic least squares).
    Geometric,
}

impl PriorityMethod {
    /// The name used on the command line and in reports.
    pub fn name(self) -> &'static str {
        match self {
            PriorityMethod::Eigen => "eigen",
            PriorityMethod::Geometric => "geometric",
        }
    }
}

/// Priorities of the items of one matrix, with their consistency.
#[derive(Debug, Clone, PartialEq)]
pub struct Priorities {
    /// Positive priorities summing to 1, in item order.
    pub weights: Vec<f64>,
    /// Consistency of the (completed) matrix.
    pub consistency: Consistency,
}

/// Power iteration stops once no component moves by more than this.
const POWER_TOLERANCE: f64 = 1e-15;
/// Power iteration gives up after this many steps (reached only by
/// near-periodic matrices; the last iterate is then used).
const POWER_MAX_STEPS: usize = 100_000;

impl PairwiseMatrix {
    /// The items' priorities by `method`, with consistency against Saaty's
    /// random index.
    pub fn priorities(&self, method: PriorityMethod) -> Priorities {
        self.priorities_with(method, RandomIndex::Saaty)
    }

    /// The items' priorities by `method`, with consistency against `ri`.
    pub fn priorities_with(&self, method: PriorityMethod, ri: RandomIndex) -> Priorities {
        let n = self.n();
        let (weights, lambda_max) = match method {
            PriorityMethod::Eigen => principal_eigenvector(&harker_matrix(self)),
            PriorityMethod::Geometric => {
                let w = log_least_squares(self);
                let completed = self.completed(&w);
                let aw = &completed * DVector::from_column_slice(&w);
                let lambda = aw.iter().zip(&w).map(|(a, w)| a / w).sum::<f64>() / n as f64;
                (w, lambda)
            }
        };
        Priorities {
            consistency: Consistency::new(n, lambda_max, ri),
            weights,
        }
    }
}

/// Harker's matrix: missing entries 0, diagonal `1 + m_i`. Equal to the
/// matrix itself when complete.
fn harker_matrix(m: &PairwiseMatrix) -> DMatrix<f64> {
    let mut b = m.entries().clone();
    for i in 0..m.n() {
        let missing = (0..m.n()).filter(|&j| b[(i, j)] == 0.0).count();
        b[(i, i)] = 1.0 + missing as f64;
    }
    b
}

/// Principal eigenvector (normalised to sum 1) and eigenvalue of a
/// non-negative primitive matrix, by power iteration.
fn principal_eigenvector(b: &DMatrix<f64>) -> (Vec<f64>, f64) {
    let n = b.nrows();
    let mut w = DVector::from_element(n, 1.0 / n as f64);
    let mut lambda = n as f64;
    for _ in 0..POWER_MAX_STEPS {
        let next = b * &w;
        // With w summing to 1, the sum of B w is the eigenvalue estimate.
        lambda = next.sum();
        let next = next / lambda;
        let moved = (&next - &w).amax();
        w = next;
        if moved <= POWER_TOLERANCE {
            break;
        }
    }
    (w.iter().copied().collect(), lambda)
}

/// Logarithmic least-squares priorities over the judged pairs: minimise
/// `sum (ln a_ij - y_i + y_j)^2`, i.e. solve `L y = r` with `L` the Laplacian
/// of the judgment graph and `r_i = sum_j ln a_ij`. Adding the all-ones
/// matrix fixes `sum y = 0` and makes the system regular for a connected
/// graph. For a complete matrix this is the row geometric mean.
fn log_least_squares(m: &PairwiseMatrix) -> Vec<f64> {
    let n = m.n();
    let mut system = DMatrix::from_element(n, n, 1.0);
    let mut rhs = DVector::zeros(n);
    for i in 0..n {
        for j in (0..n).filter(|&j| j != i) {
            if let Some(a) = m.get(i, j) {
                system[(i, i)] += 1.0;
                system[(i, j)] -= 1.0;
                rhs[i] += a.ln();
            }
        }
    }
    let y = system
        .lu()
        .solve(&rhs)
        .expect("the judgment graph is connected, so L + J is regular");
    let largest = y.max();
    let w: Vec<f64> = y.iter().map(|v| (v - largest).exp()).collect();
    let sum: f64 = w.iter().sum();
    w.into_iter().map(|v| v / sum).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn consistent(w: &[f64]) -> PairwiseMatrix {
        PairwiseMatrix::from_rows(w.iter().map(|a| w.iter().map(|b| a / b).collect()).collect()).unwrap()
    }

    #[test]
    fn consistent_matrix_gives_its_weights_and_zero_cr() {
        let w = [0.5, 0.25, 0.15, 0.1];
        for method in [PriorityMethod::Eigen, PriorityMethod::Geometric] {
            let p = consistent(&w).priorities(method);
            for (got, want) in p.weights.iter().zip(w) {
                assert!((got - want).abs() < 1e-12, "{method:?}: {got} vs {want}");
            }
            assert!(p.consistency.cr.abs() < 1e-12);
            assert!((p.consistency.lambda_max - 4.0).abs() < 1e-12);
        }
    }

    #[test]
    fn incomplete_consistent_judgments_are_completed_exactly() {
        // 0 -> 1 -> 2 -> 3 chain implied by w = (8, 4, 2, 1).
        let m = PairwiseMatrix::from_judgments(4, &[(0, 1, 2.0), (1, 2, 2.0), (3, 2, 0.5)]).unwrap();
        for method in [PriorityMethod::Eigen, PriorityMethod::Geometric] {
            let p = m.priorities(method);
            let want = [8.0 / 15.0, 4.0 / 15.0, 2.0 / 15.0, 1.0 / 15.0];
            for (got, want) in p.weights.iter().zip(want) {
                assert!((got - want).abs() < 1e-12, "{method:?}: {got} vs {want}");
            }
            let estimates = m.estimates(&p.weights);
            assert_eq!(estimates.len(), 3);
            assert!((estimates[0].value - 4.0).abs() < 1e-9);
        }
    }

    #[test]
    fn geometric_method_is_row_geometric_mean_for_complete_matrix() {
        let m = PairwiseMatrix::from_rows(vec![
            vec![1.0, 3.0, 5.0],
            vec![1.0 / 3.0, 1.0, 2.0],
            vec![0.2, 0.5, 1.0],
        ])
        .unwrap();
        let p = m.priorities(PriorityMethod::Geometric);
        let g: Vec<f64> = [15f64, 2.0 / 3.0, 0.1].iter().map(|p| p.cbrt()).collect();
        let s: f64 = g.iter().sum();
        for (got, want) in p.weights.iter().zip(g.iter().map(|g| g / s)) {
            assert!((got - want).abs() < 1e-14);
        }
    }

    #[test]
    fn disconnected_judgments_name_the_groups() {
        let err = PairwiseMatrix::from_judgments(4, &[(0, 2, 3.0), (1, 3, 2.0)]).unwrap_err();
        assert_eq!(
            err,
            crate::error::MatrixError::Disconnected {
                groups: vec![vec![0, 2], vec![1, 3]]
            }
        );
    }

    #[test]
    fn repeated_pair_in_either_order_is_refused() {
        let err = PairwiseMatrix::from_judgments(3, &[(0, 1, 3.0), (1, 0, 0.5)]).unwrap_err();
        assert_eq!(err, crate::error::MatrixError::RepeatedPair { a: 1, b: 0 });
    }
}
