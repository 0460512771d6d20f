//! The portfolio MIP on random instances: 200 proposals with synergies on
//! 5 % of the pairs, 20 `requires`, 5 groups and 10 platforms; and 1,000
//! proposals with a few synergy pairs each.
//!
//! Run: `cargo bench --bench portfolio`. The 1,000-proposal solve is
//! capped at the 60 s target, so that no sample runs longer (the README
//! gives the proof time of the `scripts/gen_portfolio.py` instance).

use criterion::{Criterion, criterion_group, criterion_main};
use innorank::portfolio::{Group, Instance, Platform, SolveOptions, solve};

/// A small deterministic generator (SplitMix64): the same instance on
/// every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// `n` proposals; `pairs` synergy pairs (drawn at random).
fn instance(n: usize, pairs: usize, seed: u64) -> Instance {
    let mut rng = Rng(seed);
    let costs: Vec<f64> = (0..n).map(|_| (50.0 + 450.0 * rng.unit()).round()).collect();
    let values = costs.iter().map(|c| (c * (0.8 + 1.4 * rng.unit())).round()).collect();
    let platforms = (0..10)
        .map(|_| Platform {
            fixed_cost: (200.0 + 1300.0 * rng.unit()).round(),
            users: (0..n).filter(|_| rng.unit() < 0.05).collect(),
            learning: None,
        })
        .collect();
    let mut synergies = Vec::with_capacity(pairs);
    while synergies.len() < pairs {
        let (a, b) = (rng.below(n), rng.below(n));
        if a != b {
            synergies.push((a.min(b), a.max(b), (-40.0 + 120.0 * rng.unit()).round()));
        }
    }
    let requires = (0..20)
        .map(|_| (rng.below(n), rng.below(n)))
        .filter(|(a, b)| a != b)
        .collect();
    let groups = (0..5)
        .map(|_| Group {
            items: (0..5).map(|_| rng.below(n)).collect(),
            min: None,
            max: Some(1),
        })
        .collect();
    Instance {
        budget: 0.3 * costs.iter().sum::<f64>(),
        values,
        costs,
        platforms,
        synergies,
        requires,
        groups,
        ..Instance::default()
    }
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("portfolio");
    group.sample_size(10);
    // 5 % of the 19,900 pairs of 200 proposals.
    let dense = instance(200, 995, 1);
    group.bench_function("200 proposals, 5 % synergy pairs", |b| {
        b.iter(|| solve(&dense, &SolveOptions::default()).unwrap())
    });
    let large = instance(1000, 1500, 2);
    let capped = SolveOptions {
        time_limit: Some(60.0),
        ..SolveOptions::default()
    };
    group.bench_function("1000 proposals, 3 synergies each, 60 s cap", |b| {
        b.iter(|| solve(&large, &capped).unwrap())
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
