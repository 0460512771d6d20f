//! SMAA-TOPSIS (`innorank::pipeline::robustness`): uniform weights, 10^3
//! draws over 10^2 and 10^3 alternatives x 8 criteria. The target of
//! 10,000 draws x 1,000 alternatives in under a second on two cores is
//! timed end to end by scripts/bench_smaa.sh, against numpy.
//!
//! Run with `cargo bench --bench smaa`.

mod common;

use std::fmt::Write as _;
use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use innorank::Problem;
use innorank::pipeline::robustness::{RobustnessOptions, WeightsModel, robustness};

const DRAWS: u64 = 1000;

/// `rows` alternatives on 8 criteria (benefit, cost, target), values from
/// a fixed xorshift stream.
fn problem(rows: usize) -> Problem {
    let mut next = common::uniform(rows as u64);
    let mut yaml = String::from(
        "name: smaa bench\ncriteria:\n  - {id: c1}\n  - {id: c2, direction: cost}\n  - {id: c3}\n  - {id: c4, direction: cost}\n  - {id: c5, direction: target, target: 0.6}\n  - {id: c6}\n  - {id: c7, direction: cost}\n  - {id: c8}\nalternatives:\n",
    );
    for i in 0..rows {
        let v: Vec<f64> = (0..8).map(|_| 1.0 + 8.0 * next()).collect();
        let _ = writeln!(
            yaml,
            "  - {{id: a{i}, scores: {{c1: {:.3}, c2: {:.3}, c3: {:.3}, c4: {:.3}, c5: {:.3}, c6: {:.3}, c7: {:.3}, c8: {:.3}}}}}",
            v[0],
            v[1],
            v[2],
            v[3],
            v[4] / 9.0,
            v[5],
            v[6],
            v[7]
        );
    }
    Problem::from_yaml_str(&yaml, "bench.yaml").expect("a valid bench problem")
}

fn smaa_topsis(c: &mut Criterion) {
    let mut group = c.benchmark_group("smaa_topsis_uniform");
    group.measurement_time(Duration::from_secs(8)).sample_size(10);
    for rows in [100usize, 1000] {
        let p = problem(rows);
        let options = RobustnessOptions {
            draws: DRAWS,
            weights: Some(WeightsModel::Uniform),
            ..RobustnessOptions::default()
        };
        group.throughput(Throughput::Elements(DRAWS * rows as u64));
        group.bench_with_input(BenchmarkId::from_parameter(rows), &p, |b, p| {
            b.iter(|| black_box(robustness(p, &options, &|_| {}).expect("runs")));
        });
    }
    group.finish();
}

criterion_group!(benches, smaa_topsis);
criterion_main!(benches);
