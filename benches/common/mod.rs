//! What the benches share: a fixed stream of pseudo-random numbers, so that
//! every run measures the same data, and the CSV alternatives built from it.
//! Each bench uses part of this module.
#![allow(dead_code)]

use std::fmt::Write as _;
use std::path::PathBuf;

/// Eight flat criteria `c1..c8` (benefit, cost and a target) over
/// `alternatives.csv`: the problem most benches load.
pub const PROBLEM: &str = "name: bench
criteria:
  - {id: c1, direction: benefit, weight: 6}
  - {id: c2, direction: cost, weight: 4}
  - {id: c3, direction: benefit, weight: 3}
  - {id: c4, direction: cost, weight: 4}
  - {id: c5, direction: target, target: 0.6, weight: 2}
  - {id: c6, direction: benefit, weight: 3}
  - {id: c7, direction: cost, weight: 2}
  - {id: c8, direction: benefit, weight: 1}
alternatives: {csv: alternatives.csv}
";

/// A fresh temporary folder `innorank-bench-{label}-{pid}` holding
/// `problem.yaml` and `alternatives.csv` with the given texts.
pub fn problem_dir(label: &str, yaml: &str, csv: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("innorank-bench-{label}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    std::fs::write(dir.join("problem.yaml"), yaml).expect("the problem");
    std::fs::write(dir.join("alternatives.csv"), csv).expect("the CSV");
    dir
}

/// Uniform numbers in [0, 1) from a xorshift64* stream seeded with `seed`
/// (53 random bits each).
pub fn uniform(seed: u64) -> impl FnMut() -> f64 {
    let mut state = 0x9E37_79B9_7F4A_7C15_u64 ^ seed;
    move || {
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        (state.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// `rows` alternatives on the criteria `c1..c8`, as CSV written as plain
/// decimals like scripts/gen_data.py (seeded with `rows`).
pub fn alternatives_csv(rows: usize) -> String {
    let mut next = uniform(rows as u64);
    let mut csv = String::from("id,c1,c2,c3,c4,c5,c6,c7,c8\n");
    for i in 0..rows {
        let _ = writeln!(
            csv,
            "a{i:07},{:.2},{:.2},{:.4},{:.4},{:.6},{:.4},{:.1},{:.6}",
            5.0e4 + 8.95e6 * next(),
            2.0e4 + 7.98e6 * next(),
            1.0 + 8.0 * next(),
            1.0 + 8.0 * next(),
            next(),
            100.0 * next(),
            3.0 + 45.0 * next(),
            next(),
        );
    }
    csv
}
