//! The library's whole job on CSV alternatives: `Problem::from_path` (YAML
//! plus a CSV of 10^4 to 10^6 rows x 8 criteria, parsed on all cores) and
//! `innorank::rank` (weights, screening, TOPSIS, the sort). Output is not
//! measured here; scripts/bench.sh times the CLI end to end.
//!
//! Run with `cargo bench --bench pipeline`.

mod common;

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use innorank::{Problem, RankOptions};

/// A folder with the problem and `rows` alternatives written as plain
/// decimals, like scripts/gen_data.py (a fixed xorshift stream).
fn write_problem(rows: usize) -> PathBuf {
    common::problem_dir(
        &format!("pipeline-{rows}"),
        common::PROBLEM,
        &common::alternatives_csv(rows),
    )
}

fn load(path: &Path) -> Problem {
    Problem::from_path(path, &Default::default()).expect("a valid problem")
}

fn pipeline(c: &mut Criterion) {
    let mut group = c.benchmark_group("pipeline");
    for rows in [10_000usize, 100_000, 1_000_000] {
        let (samples, seconds) = if rows >= 100_000 { (10, 5) } else { (30, 3) };
        group
            .sample_size(samples)
            .measurement_time(Duration::from_secs(seconds))
            .warm_up_time(Duration::from_secs(1))
            .throughput(Throughput::Elements((rows * 8) as u64));
        let dir = write_problem(rows);
        let path = dir.join("problem.yaml");
        group.bench_with_input(BenchmarkId::new("load", rows), &path, |b, path| {
            b.iter(|| load(black_box(path)))
        });
        let problem = load(&path);
        group.bench_with_input(BenchmarkId::new("rank", rows), &problem, |b, problem| {
            b.iter(|| {
                innorank::rank(black_box(problem), &RankOptions::default())
                    .expect("ranks")
                    .ranking
                    .len()
            })
        });
        let _ = std::fs::remove_dir_all(&dir);
    }
    group.finish();
}

criterion_group!(benches, pipeline);
criterion_main!(benches);
