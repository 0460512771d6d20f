//! `sensitivity` against `rank` on the same problem: 10^4 to 10^6
//! alternatives x 8 criteria (built in memory, a fixed xorshift stream),
//! every node's three intervals. The contract asks for sensitivity within
//! 3x of rank; the two benchmarks sit side by side in each group.
//!
//! Run with `cargo bench --bench sensitivity`.

mod common;

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use innorank::pipeline::sensitivity::{SensitivityOptions, sensitivity};
use innorank::{Problem, RankOptions};

/// Eight criteria, two groups of two under the root: ten nodes to analyse.
const CRITERIA: &str = "name: sensitivity bench
criteria:
  - id: g1
    weight: 10
    criteria:
      - {id: c1, direction: benefit, weight: 6}
      - {id: c2, direction: cost, weight: 4}
  - id: g2
    weight: 7
    criteria:
      - {id: c3, direction: benefit, weight: 3}
      - {id: c4, direction: cost, weight: 4}
  - {id: c5, direction: target, target: 0.6, weight: 2}
  - {id: c6, direction: benefit, weight: 3}
  - {id: c7, direction: cost, weight: 2}
  - {id: c8, direction: benefit, weight: 1}
";

/// The problem with `rows` alternatives, read from a CSV in a temporary
/// folder as the CLI would.
fn problem(rows: usize) -> Problem {
    let csv = common::alternatives_csv(rows);
    let yaml = format!("{CRITERIA}alternatives: {{csv: alternatives.csv}}\n");
    let dir = common::problem_dir(&format!("sensitivity-{rows}"), &yaml, &csv);
    let p = Problem::from_path(&dir.join("problem.yaml"), &Default::default()).expect("a valid problem");
    let _ = std::fs::remove_dir_all(&dir);
    p
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("sensitivity");
    for rows in [10_000usize, 100_000, 1_000_000] {
        let (samples, seconds) = if rows >= 100_000 { (10, 8) } else { (20, 3) };
        group
            .sample_size(samples)
            .measurement_time(Duration::from_secs(seconds))
            .warm_up_time(Duration::from_secs(1))
            .throughput(Throughput::Elements((rows * 8) as u64));
        let p = problem(rows);
        group.bench_with_input(BenchmarkId::new("rank", rows), &p, |b, p| {
            b.iter(|| {
                innorank::rank(black_box(p), &RankOptions::default())
                    .expect("ranks")
                    .ranking
                    .len()
            })
        });
        group.bench_with_input(BenchmarkId::new("sensitivity", rows), &p, |b, p| {
            b.iter(|| {
                sensitivity(black_box(p), &SensitivityOptions::default())
                    .expect("analyses")
                    .nodes
                    .len()
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
