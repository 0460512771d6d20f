//! Property tests for the judgment bound (issue 9): any judgments within
//! 1e-6..1e6 (`innorank::ahp::JUDGMENT_MIN..=JUDGMENT_MAX`), complete or
//! incomplete, up to 15 items, give finite positive weights summing to 1,
//! `lambda_max >= n`, `CR >= 0` and finite estimates, for every priority
//! method, completion and group aggregation; values beyond the bound are
//! refused.
//!
//! Why it holds: within the bound every log-judgment is at most
//! `ln 1e6 ~ 13.8` in size, so the log least-squares priorities span at most
//! `14 * 13.8` in logarithm (1e84 in ratio), far inside `f64`; the
//! eigenvector is computed on the matrix balanced by them, and the Perron
//! root by Noda iteration, whose Collatz-Wielandt upper bound is never below
//! the true root, itself `>= n` for every positive reciprocal matrix. The
//! tolerances are those of rounding (n <= 15 terms of relative error 1e-16).
//!
//! `PROPTEST_CASES=N` overrides the number of cases.

use std::collections::BTreeSet;

use innorank::ahp::MatrixError;
use innorank::ahp::{
    Aggregation, AhpOptions, Completion, GroupJudgments, JUDGMENT_MAX, JUDGMENT_MIN, JudgmentSet, PairwiseMatrix,
    PriorityMethod, Solution,
};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::Index;

const CASES: u32 = 48;

/// A judgment within the bound: log-uniform over the whole range, or one of
/// the bounds exactly, or on Saaty's scale.
fn bounded_value() -> impl Strategy<Value = f64> + Clone {
    let l = JUDGMENT_MAX.ln();
    prop_oneof![
        4 => (-l..=l).prop_map(|x| x.exp().clamp(JUDGMENT_MIN, JUDGMENT_MAX)),
        1 => prop::sample::select(vec![JUDGMENT_MIN, JUDGMENT_MAX, 1000.0, 1e-3]),
        1 => (1u8..=9).prop_map(f64::from),
    ]
}

/// `n` items linked by a random spanning tree plus extra pairs (each with
/// probability `density`), each judged in a random orientation.
fn judgments(n: usize) -> impl Strategy<Value = Vec<(usize, usize, f64)>> {
    let pairs = n * n;
    (
        vec(any::<Index>(), n),
        vec(0.0..1.0f64, pairs),
        prop_oneof![Just(0.0), Just(1.0), 0.0..1.0f64],
        vec(any::<bool>(), pairs),
        vec(bounded_value(), pairs),
    )
        .prop_map(move |(parents, coins, density, flips, values)| {
            let mut set = BTreeSet::new();
            for (k, parent) in parents.iter().enumerate().skip(1) {
                set.insert((parent.index(k), k));
            }
            for i in 0..n {
                for j in i + 1..n {
                    if coins[i * n + j] < density {
                        set.insert((i, j));
                    }
                }
            }
            set.into_iter()
                .map(|(i, j)| {
                    let v = values[i * n + j];
                    if flips[i * n + j] { (j, i, 1.0 / v) } else { (i, j, v) }
                })
                .collect()
        })
}

fn sized_judgments() -> impl Strategy<Value = (usize, Vec<(usize, usize, f64)>)> {
    (2usize..=15).prop_flat_map(|n| (Just(n), judgments(n)))
}

/// Checks one solution: weights, lambda_max, CI, CR and estimates.
fn check(n: usize, s: &Solution, what: &str) -> Result<(), TestCaseError> {
    let w = &s.priorities.weights;
    prop_assert_eq!(w.len(), n);
    prop_assert!(w.iter().all(|w| w.is_finite() && *w > 0.0), "{}: {:?}", what, w);
    let sum: f64 = w.iter().sum();
    prop_assert!((sum - 1.0).abs() <= 1e-12, "{}: sum {}", what, sum);
    let c = s.priorities.consistency;
    prop_assert!(
        c.lambda_max.is_finite() && c.lambda_max >= n as f64 - 1e-9,
        "{}: lambda_max {} for n = {}",
        what,
        c.lambda_max,
        n
    );
    prop_assert!(c.ci.is_finite() && c.ci >= 0.0, "{}: CI {}", what, c.ci);
    prop_assert!(c.cr.is_finite() && c.cr >= 0.0, "{}: CR {}", what, c.cr);
    for e in &s.estimates {
        prop_assert!(e.value.is_finite() && e.value > 0.0, "{}: {:?}", what, e);
    }
    Ok(())
}

fn options(method: PriorityMethod, completion: Completion) -> AhpOptions {
    AhpOptions {
        method,
        completion,
        ..AhpOptions::default()
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES))]

    /// Eigen and geometric priorities with Harker's completion.
    #[test]
    fn bounded_judgments_give_sound_priorities((n, j) in sized_judgments()) {
        let m = PairwiseMatrix::from_judgments(n, &j).unwrap();
        for method in [PriorityMethod::Eigen, PriorityMethod::Geometric] {
            let s = m.solve(&options(method, Completion::Harker));
            check(n, &s, method.name())?;
        }
    }

    /// lambda-min completion: sound, and its lambda_max is at most Harker's
    /// (it minimises lambda_max over the missing entries; 1e-9 relative for
    /// rounding). Each case ends in well under a second, or the run would
    /// take minutes.
    #[test]
    fn bounded_judgments_give_sound_lambda_min_completions((n, j) in sized_judgments()) {
        let m = PairwiseMatrix::from_judgments(n, &j).unwrap();
        for method in [PriorityMethod::Eigen, PriorityMethod::Geometric] {
            let s = m.solve(&options(method, Completion::LambdaMin));
            check(n, &s, method.name())?;
        }
        let lm = m.solve(&options(PriorityMethod::Eigen, Completion::LambdaMin));
        let hk = m.solve(&options(PriorityMethod::Eigen, Completion::Harker));
        let (a, b) = (lm.priorities.consistency.lambda_max, hk.priorities.consistency.lambda_max);
        prop_assert!(a <= b * (1.0 + 1e-9), "lambda-min {} > harker {}", a, b);
    }

    /// Group judgments of 1-4 judges (each linking every item, so AIP
    /// applies), aggregated by AIJ and AIP: finite weights summing to 1,
    /// finite non-negative compatibility, GCOMPI and consensus.
    #[test]
    fn bounded_group_judgments_give_sound_aggregates(
        (n, sets) in (3usize..=15).prop_flat_map(|n| (Just(n), vec(judgments(n), 1..=4))),
        weights in vec(0.1..10.0f64, 4),
    ) {
        let sets: Vec<JudgmentSet> = sets
            .into_iter()
            .enumerate()
            .map(|(k, j)| JudgmentSet::new(format!("judge{k}"), j).with_weight(weights[k]))
            .collect();
        let group = GroupJudgments::new(n, sets).unwrap();
        for aggregation in Aggregation::ALL {
            for completion in Completion::ALL {
                let g = group.aggregate(aggregation, &options(PriorityMethod::Eigen, completion)).unwrap();
                prop_assert!(g.weights.iter().all(|w| w.is_finite() && *w > 0.0), "{:?}", g.weights);
                let sum: f64 = g.weights.iter().sum();
                prop_assert!((sum - 1.0).abs() <= 1e-12, "{}: sum {}", aggregation, sum);
                if let Some(c) = g.consistency {
                    prop_assert!(c.lambda_max >= n as f64 - 1e-9 && c.cr >= 0.0, "{:?}", c);
                }
                let consensus = g.consensus.unwrap();
                prop_assert!(consensus.is_finite() && consensus >= 0.0, "{}: consensus {}", aggregation, consensus);
                for judge in &g.judges {
                    prop_assert!(judge.compatibility.is_finite() && judge.compatibility >= 1.0 - 1e-12);
                    let gcompi = judge.gcompi.unwrap();
                    prop_assert!(gcompi.is_finite() && gcompi >= 0.0);
                }
            }
        }
    }

    /// A value beyond the bound, anywhere in the judgments, is refused.
    #[test]
    fn judgments_beyond_the_bound_are_refused(
        (n, mut j) in sized_judgments(),
        at in any::<Index>(),
        value in prop_oneof![
            (1e6f64.ln() + 1e-9..700.0).prop_map(f64::exp),
            (-745.0..1e-6f64.ln() - 1e-9).prop_map(f64::exp),
        ],
    ) {
        let k = at.index(j.len());
        j[k].2 = value;
        prop_assert_eq!(
            PairwiseMatrix::from_judgments(n, &j),
            Err(MatrixError::OutOfBounds { row: j[k].0, col: j[k].1, value })
        );
    }
}
