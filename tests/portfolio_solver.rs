//! The portfolio MIP against oracles: an exhaustive enumerator (2^n sets,
//! n <= 12 here) on random instances with every constraint kind, a dynamic
//! program on pure knapsacks, and the pooled learning saving against the
//! learning sums written out term by term.

use innorank::portfolio::{
    Constraint, Group, Instance, Learning, Outcome, Platform, Resource, SolveOptions, Status, baseline, conflicts,
    probes, solve,
};
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;

/// `sum_{k=1..q} k^log2(rate)`, term by term: independent of the library's
/// Euler-Maclaurin tail.
fn direct_sum(rate: f64, q: u64) -> f64 {
    let b = rate.log2();
    (1..=q).map(|k| (k as f64).powf(b)).sum()
}

/// The solver's `outcome` against the enumerator on `case`: infeasible
/// when it is, else optimal, feasible and worth the enumerator's best (to
/// 1e-6 relative); returns that value.
fn agrees_with_enumerator(case: &Instance, outcome: &Outcome) -> Result<Option<f64>, TestCaseError> {
    match enumerate(case) {
        None => {
            prop_assert_eq!(outcome.status, Status::Infeasible);
            Ok(None)
        }
        Some(best) => {
            prop_assert_eq!(outcome.status, Status::Optimal);
            prop_assert!(case.violation(&outcome.funded).is_none());
            let got = value_by_hand(case, &outcome.funded);
            prop_assert!(
                (got - best).abs() <= 1e-6 * best.abs().max(1.0),
                "solver {} enumerator {}",
                got,
                best
            );
            Ok(Some(got))
        }
    }
}

/// The value of `set`, written out from the model's definition.
fn value_by_hand(instance: &Instance, set: &[bool]) -> f64 {
    let mut v: f64 = (0..set.len()).filter(|&i| set[i]).map(|i| instance.values[i]).sum();
    for &(a, b, s) in &instance.synergies {
        if set[a] && set[b] {
            v += s;
        }
    }
    for p in &instance.platforms {
        if let Some(l) = &p.learning {
            let mut alone = 0.0;
            let mut pooled = 0;
            for (&i, &q) in p.users.iter().zip(&l.volumes) {
                if set[i] {
                    alone += l.unit_cost * direct_sum(l.learning_rate, q);
                    pooled += q;
                }
            }
            v += alone - l.unit_cost * direct_sum(l.learning_rate, pooled);
        }
    }
    v
}

/// The best value over all 2^n sets that satisfy every constraint, and
/// whether any does.
fn enumerate(instance: &Instance) -> Option<f64> {
    let n = instance.len();
    assert!(n <= 16, "the enumerator is for small instances");
    let mut best: Option<f64> = None;
    for mask in 0u32..(1 << n) {
        let set: Vec<bool> = (0..n).map(|i| mask & (1 << i) != 0).collect();
        if instance.violation(&set).is_none() {
            let v = value_by_hand(instance, &set);
            best = Some(best.map_or(v, |b: f64| b.max(v)));
        }
    }
    best
}

/// A random instance of `n` items with every constraint kind.
fn instance(n: usize) -> impl Strategy<Value = Instance> {
    let item = (0.0..100.0f64, 0.0..40.0f64, 1u64..60);
    (
        prop::collection::vec(item, n),
        50.0..200.0f64,
        prop::collection::vec((0..n, 0..n, -30.0..30.0f64), 0..6),
        prop::collection::vec((0..n, 0..n), 0..3),
        prop::collection::vec(prop::collection::vec(0..n, 3), 0..3),
        (0.0..40.0f64, prop::collection::vec(0..n, 0..5)),
        (0..n, 0..n, prop::bool::ANY),
    )
        .prop_map(
            move |(items, budget, synergies, requires, sets, platform, (must, must_not, fix))| {
                let mut inst = Instance {
                    values: items.iter().map(|t| t.0).collect(),
                    costs: items.iter().map(|t| t.1).collect(),
                    budget,
                    ..Instance::default()
                };
                inst.synergies = synergies.into_iter().filter(|(a, b, _)| a != b).collect();
                inst.requires = requires.into_iter().filter(|(a, b)| a != b).collect();
                let mut users: Vec<usize> = platform.1.clone();
                users.sort_unstable();
                users.dedup();
                inst.platforms.push(Platform {
                    fixed_cost: platform.0,
                    users: users.clone(),
                    learning: None,
                });
                // A learning platform over the first four items.
                let learners: Vec<usize> = (0..n.min(4)).collect();
                inst.platforms.push(Platform {
                    fixed_cost: 5.0,
                    learning: Some(Learning {
                        unit_cost: 3.0,
                        learning_rate: 0.8,
                        volumes: learners.iter().map(|&i| items[i].2).collect(),
                    }),
                    users: learners,
                });
                if let Some(first) = sets.first() {
                    inst.groups.push(Group {
                        items: dedup(first),
                        min: None,
                        max: Some(1),
                    });
                }
                if let Some(second) = sets.get(1) {
                    inst.groups.push(Group {
                        items: dedup(second),
                        min: Some(1),
                        max: None,
                    });
                }
                if let Some(third) = sets.get(2) {
                    let t = dedup(third);
                    if t.len() >= 2 {
                        inst.together.push(t);
                    }
                }
                inst.resources.push(Resource {
                    capacity: 25.0,
                    uses: (0..n).map(|i| (i, (i % 4) as f64 * 3.0)).collect(),
                });
                if fix {
                    inst.must.push(must);
                    if must_not != must {
                        inst.must_not.push(must_not);
                    }
                }
                inst
            },
        )
}

fn dedup(items: &[usize]) -> Vec<usize> {
    let mut v = items.to_vec();
    v.sort_unstable();
    v.dedup();
    v
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// The solver's optimum is the enumerator's, and its set is feasible.
    #[test]
    fn solver_matches_the_enumerator(inst in (4usize..=12).prop_flat_map(instance)) {
        let outcome = solve(&inst, &SolveOptions::default()).unwrap();
        if let Some(got) = agrees_with_enumerator(&inst, &outcome)? {
            // The library's exact evaluation agrees with the term-by-term one.
            let e = inst.evaluate(&outcome.funded).value();
            prop_assert!((e - got).abs() <= 1e-9 * got.abs().max(1.0));
        }
    }

    /// With whole-number values and synergies (no learning) the solver
    /// prunes by steps of 1 and fixes items whose flip cannot gain 1: the
    /// optimum is still the enumerator's, with and without an item held
    /// funded (as `why not` does).
    #[test]
    fn whole_number_values_match_the_enumerator(
        inst in (6usize..=14).prop_flat_map(instance),
        held in 0usize..14,
    ) {
        let mut inst = inst;
        inst.platforms.retain(|p| p.learning.is_none());
        for v in &mut inst.values {
            *v = v.round();
        }
        for s in &mut inst.synergies {
            s.2 = s.2.round();
        }
        let held = held % inst.len();
        let mut with_held = inst.clone();
        with_held.must.push(held);
        for (case, fixed) in [(&inst, vec![]), (&with_held, vec![(held, true)])] {
            let options = SolveOptions { fixed, ..SolveOptions::default() };
            let outcome = solve(&inst, &options).unwrap();
            agrees_with_enumerator(case, &outcome)?;
        }
    }

    /// Platforms whose fixed costs dwarf their users' own costs, so that the
    /// LP pays a fraction of a platform for fractions of its users: probing
    /// the platforms (fixed unpaid, or paid whether used or not) keeps the
    /// optimum the enumerator's.
    #[test]
    fn costly_platforms_match_the_enumerator(
        n in 6usize..=12,
        items in proptest::collection::vec((1u32..60, 1u32..20, 0usize..4), 12),
        fixed_costs in proptest::collection::vec(10u32..80, 4),
        budget in 20u32..200,
    ) {
        let items = &items[..n];
        let inst = Instance {
            values: items.iter().map(|t| f64::from(t.0)).collect(),
            costs: items.iter().map(|t| f64::from(t.1)).collect(),
            budget: f64::from(budget),
            platforms: fixed_costs
                .iter()
                .enumerate()
                .map(|(p, &f)| Platform {
                    fixed_cost: f64::from(f),
                    users: (0..n).filter(|&i| items[i].2 == p).collect(),
                    learning: None,
                })
                .collect(),
            synergies: vec![(0, 1, 7.0), (2, 3, -5.0)],
            ..Instance::default()
        };
        let outcome = solve(&inst, &SolveOptions::default()).unwrap();
        let best = enumerate(&inst).expect("the empty set is feasible");
        prop_assert_eq!(outcome.status, Status::Optimal);
        prop_assert!(inst.violation(&outcome.funded).is_none());
        prop_assert_eq!(value_by_hand(&inst, &outcome.funded), best);
    }

    /// The why-not re-solves share the LP bounds of the instance with each
    /// item flipped ([`probes`]), computed with nothing held: with an item
    /// held funded (and with whole-number values, which fix more items)
    /// the optimum is still the enumerator's.
    #[test]
    fn shared_probes_keep_the_held_optimum_exact(
        inst in (6usize..=14).prop_flat_map(instance),
        held in 0usize..14,
        whole in any::<bool>(),
    ) {
        let mut inst = inst;
        if whole {
            inst.platforms.retain(|p| p.learning.is_none());
            inst.values.iter_mut().for_each(|v| *v = v.round());
            inst.synergies.iter_mut().for_each(|s| s.2 = s.2.round());
        }
        let held = held % inst.len();
        let mut with_held = inst.clone();
        with_held.must.push(held);
        let options = SolveOptions {
            fixed: vec![(held, true)],
            probes: Some(std::sync::Arc::new(probes(&inst).unwrap())),
            ..SolveOptions::default()
        };
        let outcome = solve(&inst, &options).unwrap();
        agrees_with_enumerator(&with_held, &outcome)?;
    }

    /// An infeasible instance's conflict set is infeasible on its own and
    /// becomes feasible when any one of its constraints is dropped.
    #[test]
    fn conflicts_are_irreducible(inst in (4usize..=8).prop_flat_map(instance)) {
        let found = conflicts(&inst, None, None).unwrap();
        let feasible = |only: Vec<Constraint>| {
            let options = SolveOptions { only: Some(only), feasibility: true, ..SolveOptions::default() };
            solve(&inst, &options).unwrap().status != Status::Infeasible
        };
        if enumerate(&inst).is_some() {
            prop_assert!(found.is_empty());
        } else {
            prop_assert!(!found.is_empty());
            prop_assert!(!feasible(found.clone()));
            for k in 0..found.len() {
                let mut fewer = found.clone();
                fewer.remove(k);
                prop_assert!(feasible(fewer));
            }
        }
    }

    /// The baseline never breaks budget, capacities, requirements or group
    /// maxima, and never beats the optimum.
    #[test]
    fn baseline_is_feasible_and_not_better(inst in (4usize..=10).prop_flat_map(instance)) {
        let mut relaxed = inst.clone();
        relaxed.must.clear();
        for g in &mut relaxed.groups {
            g.min = None;
        }
        let set = baseline(&relaxed);
        prop_assert!(relaxed.violation(&set).is_none(), "{:?}", relaxed.violation(&set));
        let best = enumerate(&relaxed).unwrap();
        prop_assert!(value_by_hand(&relaxed, &set) <= best + 1e-6);
    }

    /// A pure 0-1 knapsack: the solver's optimum equals a dynamic program
    /// over integer costs.
    #[test]
    fn knapsack_matches_dynamic_programming(
        items in prop::collection::vec((1u32..50, 0.0..100.0f64), 1..30),
        budget in 0u32..300,
    ) {
        let inst = Instance {
            values: items.iter().map(|t| t.1).collect(),
            costs: items.iter().map(|t| f64::from(t.0)).collect(),
            budget: f64::from(budget),
            ..Instance::default()
        };
        let mut best = vec![0.0f64; budget as usize + 1];
        for &(c, v) in &items {
            for b in (c as usize..=budget as usize).rev() {
                best[b] = best[b].max(best[b - c as usize] + v);
            }
        }
        let outcome = solve(&inst, &SolveOptions::default()).unwrap();
        let got = inst.evaluate(&outcome.funded).value();
        prop_assert!((got - best[budget as usize]).abs() < 1e-6, "solver {} dp {}", got, best[budget as usize]);
    }
}

/// Pooled learning is exact at every achievable pooled volume: forcing
/// each subset of three users in turn, the solver's value is the saving
/// computed from the learning sums term by term.
#[test]
fn pooled_learning_is_exact_at_every_achievable_volume() {
    let volumes = [1200u64, 700, 2500];
    for mask in 1u32..8 {
        let set: Vec<bool> = (0..3).map(|i| mask & (1 << i) != 0).collect();
        let inst = Instance {
            values: vec![0.0; 3],
            costs: vec![1.0; 3],
            budget: 100.0,
            platforms: vec![Platform {
                fixed_cost: 0.0,
                users: vec![0, 1, 2],
                learning: Some(Learning {
                    unit_cost: 2.0,
                    learning_rate: 0.85,
                    volumes: volumes.to_vec(),
                }),
            }],
            must: (0..3).filter(|&i| set[i]).collect(),
            must_not: (0..3).filter(|&i| !set[i]).collect(),
            ..Instance::default()
        };
        let outcome = solve(&inst, &SolveOptions::default()).unwrap();
        assert_eq!(outcome.funded, set);
        let alone: f64 = (0..3).filter(|&i| set[i]).map(|i| direct_sum(0.85, volumes[i])).sum();
        let pooled: u64 = (0..3).filter(|&i| set[i]).map(|i| volumes[i]).sum();
        let expected = 2.0 * (alone - direct_sum(0.85, pooled));
        let got = inst.evaluate(&set).learning_savings;
        assert!(
            (got - expected).abs() < 1e-9 * expected.max(1.0),
            "{mask}: {got} vs {expected}"
        );
        // The solver's objective (its bound when optimal) is the same.
        let bound = outcome.bound.unwrap();
        assert!(
            (bound - expected).abs() < 1e-6 * expected.max(1.0),
            "{mask}: bound {bound} vs {expected}"
        );
    }
}

/// Hillier & Lieberman, Introduction to Operations Research, section 12.1
/// (California Manufacturing): NPVs 9, 5, 6, 4 (million dollars), capital
/// 6, 3, 5, 2, budget 10; at most one warehouse; warehouse 3 requires
/// factory 1, warehouse 4 requires factory 2. Optimum: both factories,
/// NPV 14.
#[test]
fn california_manufacturing() {
    let inst = Instance {
        values: vec![9.0, 5.0, 6.0, 4.0],
        costs: vec![6.0, 3.0, 5.0, 2.0],
        budget: 10.0,
        groups: vec![Group {
            items: vec![2, 3],
            min: None,
            max: Some(1),
        }],
        requires: vec![(2, 0), (3, 1)],
        ..Instance::default()
    };
    let outcome = solve(&inst, &SolveOptions::default()).unwrap();
    assert_eq!(outcome.status, Status::Optimal);
    assert_eq!(outcome.funded, vec![true, true, false, false]);
    assert_eq!(inst.evaluate(&outcome.funded).value(), 14.0);
    assert_eq!(enumerate(&inst), Some(14.0));
}

/// A no-good cut excludes exactly the set it names.
#[test]
fn an_excluded_set_is_not_returned() {
    let inst = Instance {
        values: vec![9.0, 5.0, 6.0, 4.0],
        costs: vec![6.0, 3.0, 5.0, 2.0],
        budget: 10.0,
        ..Instance::default()
    };
    let first = solve(&inst, &SolveOptions::default()).unwrap().funded;
    let options = SolveOptions {
        exclude: vec![first.clone()],
        ..SolveOptions::default()
    };
    let second = solve(&inst, &options).unwrap().funded;
    assert_ne!(first, second);
    // 9 + 5 (cost 9) and 9 + 4 (cost 8) tie at 14, below 15.
    assert_eq!(inst.evaluate(&second).value(), 14.0);
}
