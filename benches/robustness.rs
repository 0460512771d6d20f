//! `pipeline::reversal` (four rank-reversal checks, O(m^2 n)) on 1,000
//! alternatives x 8 criteria, TOPSIS with both normalisations and AHP
//! distributive synthesis, and `pipeline::compare` (four methods and their
//! rank correlations) on 20,000 alternatives, next to `rank`. The target is
//! under 2 s for the reversal checks on 2 cores. scripts/bench.sh times
//! `compare` against `rank` end to end on 10^6 rows.
//!
//! Run with `cargo bench --bench robustness`.

mod common;

use std::fmt::Write as _;
use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use innorank::ahp::Synthesis;
use innorank::pipeline::{CompareOptions, ReversalOptions, compare, reversal};
use innorank::topsis::Normalization;
use innorank::{Method, Problem, RankOptions};

/// A problem with `rows` alternatives on 8 benefit and cost criteria
/// (positive scores, so AHP can rank them too), from a fixed xorshift
/// stream.
fn problem(rows: usize) -> Problem {
    let mut next = common::uniform(rows as u64);
    let mut yaml = String::from("name: robustness bench\ncriteria:\n");
    for (j, (direction, weight)) in [
        ("benefit", 6),
        ("cost", 4),
        ("benefit", 3),
        ("cost", 4),
        ("benefit", 2),
        ("benefit", 3),
        ("cost", 2),
        ("benefit", 1),
    ]
    .iter()
    .enumerate()
    {
        let _ = writeln!(yaml, "  - {{id: c{}, direction: {direction}, weight: {weight}}}", j + 1);
    }
    yaml.push_str("alternatives:\n");
    for i in 0..rows {
        let _ = write!(yaml, "  - {{id: a{i}, scores: {{");
        for j in 0..8 {
            let _ = write!(
                yaml,
                "{}c{}: {:.4}",
                if j > 0 { ", " } else { "" },
                j + 1,
                1.0 + 99.0 * next()
            );
        }
        yaml.push_str("}}\n");
    }
    Problem::from_yaml_str(&yaml, "bench.yaml").expect("a valid problem")
}

fn bench_reversal(c: &mut Criterion) {
    let p = problem(1_000);
    let mut group = c.benchmark_group("reversal_1000x8");
    group.sample_size(10).measurement_time(Duration::from_secs(20));
    let variants = [
        (
            "topsis-vector",
            Method::Topsis,
            Normalization::Vector,
            Synthesis::Distributive,
        ),
        (
            "topsis-minmax",
            Method::Topsis,
            Normalization::MinMax,
            Synthesis::Distributive,
        ),
        (
            "ahp-distributive",
            Method::Ahp,
            Normalization::Vector,
            Synthesis::Distributive,
        ),
    ];
    for (name, method, normalization, synthesis) in variants {
        let options = ReversalOptions {
            rank: RankOptions {
                method,
                normalization,
                synthesis,
                ..RankOptions::default()
            },
            ..ReversalOptions::default()
        };
        group.bench_function(BenchmarkId::from_parameter(name), |b| {
            b.iter(|| black_box(reversal(&p, &options).expect("checks run")))
        });
    }
    group.finish();
}

fn bench_compare(c: &mut Criterion) {
    let p = problem(20_000);
    let mut group = c.benchmark_group("compare_20000x8");
    group.sample_size(10).measurement_time(Duration::from_secs(20));
    group.bench_function("four_methods", |b| {
        b.iter(|| black_box(compare(&p, &CompareOptions::default()).expect("compared")))
    });
    group.bench_function("rank_topsis", |b| {
        b.iter(|| black_box(innorank::rank(&p, &RankOptions::default()).expect("ranked")))
    });
    group.finish();
}

criterion_group!(benches, bench_reversal, bench_compare);
criterion_main!(benches);
