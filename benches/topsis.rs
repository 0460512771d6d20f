//! TOPSIS on large decision matrices: `Topsis::rank` (vector
//! normalisation) on 10^3 to 10^6 alternatives x 8 criteria, generated
//! deterministically in-process. Loading and parsing are not measured here
//! (scripts/bench.sh measures the whole CLI).
//!
//! Run with `cargo bench --bench topsis`.

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use innorank::topsis::{Normalization, Topsis};
use innorank::{DecisionMatrix, Direction, Weights};

const CRITERIA: usize = 8;

/// xorshift64*: a fixed, dependency-free stream of numbers in [0, 1).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> f64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// `rows` alternatives on the 8 criteria of scripts/gen_data.py (same
/// ranges and directions), column by column.
fn matrix(rows: usize) -> DecisionMatrix {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ rows as u64);
    let ranges: [(f64, f64); CRITERIA] = [
        (5.0e4, 9.0e6),
        (2.0e4, 8.0e6),
        (1.0, 9.0),
        (1.0, 9.0),
        (0.0, 1.0),
        (0.0, 100.0),
        (3.0, 48.0),
        (0.0, 1.0),
    ];
    let columns = ranges
        .iter()
        .map(|&(lo, hi)| (0..rows).map(|_| lo + (hi - lo) * rng.next()).collect())
        .collect();
    DecisionMatrix::from_columns(columns).expect("a finite, rectangular matrix")
}

fn rank(c: &mut Criterion) {
    let weights = Weights::new(vec![6.0, 4.0, 3.0, 4.0, 2.0, 3.0, 2.0, 1.0]).expect("valid weights");
    let directions = [
        Direction::Benefit,
        Direction::Cost,
        Direction::Benefit,
        Direction::Cost,
        Direction::Target(0.6),
        Direction::Benefit,
        Direction::Cost,
        Direction::Benefit,
    ];
    let topsis = Topsis::new(Normalization::Vector);
    let mut group = c.benchmark_group("topsis_rank");
    for rows in [1_000usize, 10_000, 100_000, 1_000_000] {
        if rows >= 100_000 {
            group
                .sample_size(10)
                .measurement_time(Duration::from_secs(3))
                .warm_up_time(Duration::from_secs(1));
        } else {
            group
                .sample_size(50)
                .measurement_time(Duration::from_secs(2))
                .warm_up_time(Duration::from_secs(1));
        }
        group.throughput(Throughput::Elements((rows * CRITERIA) as u64));
        let m = matrix(rows);
        group.bench_with_input(BenchmarkId::new("vector_8_criteria", rows), &m, |b, m| {
            b.iter(|| topsis.rank(black_box(m), &weights, &directions).expect("ranks"))
        });
    }
    group.finish();
}

criterion_group!(benches, rank);
criterion_main!(benches);
