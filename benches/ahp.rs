//! AHP priorities: `PairwiseMatrix::priorities` by the eigenvector (power
//! iteration) and geometric-mean methods, for n = 3 to 15 items.
//!
//! Run with `cargo bench --bench ahp`.

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use innorank::ahp::{PairwiseMatrix, PriorityMethod};

/// A complete, deterministic and mildly inconsistent reciprocal matrix:
/// `a_ij = (w_i / w_j) * f_ij` above the diagonal, with importances
/// `w_i = 1 + (i * 7 mod n)` and perturbations `f_ij` in [1/1.6, 1.6]
/// (CR a few percent, as in real judgments), and `a_ji = 1 / a_ij`.
fn inconsistent(n: usize) -> PairwiseMatrix {
    let w: Vec<f64> = (0..n).map(|i| 1.0 + ((i * 7) % n) as f64).collect();
    let mut rows = vec![vec![1.0; n]; n];
    for i in 0..n {
        for j in i + 1..n {
            let t = ((i * 31 + j * 17) % 11) as f64 / 10.0; // 0.0 ..= 1.0
            let factor = 1.6_f64.powf(2.0 * t - 1.0);
            let a = w[i] / w[j] * factor;
            rows[i][j] = a;
            rows[j][i] = 1.0 / a;
        }
    }
    PairwiseMatrix::from_rows(rows).expect("a valid reciprocal matrix")
}

fn priorities(c: &mut Criterion) {
    let mut group = c.benchmark_group("ahp_priorities");
    group
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(2));
    for n in [3usize, 5, 7, 9, 12, 15] {
        let m = inconsistent(n);
        for method in [PriorityMethod::Eigen, PriorityMethod::Geometric] {
            group.bench_with_input(BenchmarkId::new(method.name(), n), &m, |b, m| {
                b.iter(|| black_box(m).priorities(method))
            });
        }
    }
    group.finish();
}

criterion_group!(benches, priorities);
criterion_main!(benches);
