//! Work at the root of the search before the branch and bound, for the
//! default `microlp` backend (with [`super::fixing`] and
//! [`super::search`], the only files naming microlp itself):
//!
//! 1. the LP relaxation gives an upper bound `U` on the optimum;
//! 2. a local search ([`super::local`]) from the caller's start and from
//!    the rounded LP optimum gives a good feasible set, value `L`;
//! 3. **probing** to a fixed point ([`super::fixing`]): each item and each
//!    platform is tried at the value it does not take in the LP optimum
//!    (both values when fractional); when that LP bound is below `L`, no
//!    set with that value beats `L`, so the variable is fixed to the other
//!    (Nemhauser & Wolsey, *Integer and Combinatorial Optimization*,
//!    I.2.5 "variable fixing"); rounds repeat while they fix something;
//! 4. the branch and bound on the items left, started from the best set
//!    so far; if a budget of nodes runs out after it found a better set,
//!    steps 3 and 4 start again from that set (a *restart*: the higher
//!    `L` fixes more); a search cut short without a better set (with or
//!    without a set of its own) runs again to the end. The better of its
//!    answer and `L`'s set is the answer, so the optimum stays exact.
//!
//! When every objective coefficient is an integer (money values and
//! synergies, no learning), a set can only beat `L` by 1 or more: probing
//! compares against `L + 1` and the search prunes any node whose bound does
//! not exceed its incumbent by 1. Both keep the optimum exact.

use microlp::{Error, Solution, SolveOutcome, Variable};
use rayon::prelude::*;

use super::Instance;
use super::fixing::{Incumbent, Probing, fix_point};
use super::search::{Clock, Fixes, Rounder, Search};
use super::solver::{Model, Outcome, Probes, SolveError, SolveOptions, Status};

/// Searches cut short to probe again from a better set, at most.
const RESTARTS: usize = 3;

/// The nodes of a search that may be cut short.
const RESTART_NODES: u64 = 2000;

/// Solves `instance` as described in the module documentation.
pub(super) fn solve(instance: &Instance, options: &SolveOptions) -> Result<Outcome, SolveError> {
    solve_within(instance, options, RESTART_NODES).map(|(outcome, _)| outcome)
}

/// [`solve`], with searches that may be cut short after `budget` nodes;
/// also how many were.
fn solve_within(instance: &Instance, options: &SolveOptions, budget: u64) -> Result<(Outcome, usize), SolveError> {
    let mut cut_short = 0;
    let clock = Clock::new(options.time_limit);
    let relaxed = Model::build(instance, options, true)?.into_microlp();
    let lp = match relaxed.as_inner().solve() {
        Ok(SolveOutcome::Solution(lp)) => lp,
        Ok(SolveOutcome::Interrupted(_)) => return Err(SolveError::NoSolutionInTime),
        Err(Error::Infeasible) => return Ok((Outcome::infeasible(instance.len()), cut_short)),
        Err(e) => return Err(SolveError::Solver(e.to_string())),
    };
    let vars: Vec<Variable> = lp.iter().map(|(v, _)| v).collect();
    let search = Search {
        vars: &vars,
        items: instance.len(),
        integral: integral_objective(instance),
        upper: lp.objective(),
    };
    let rounder = Rounder::new(instance, options);
    let Some(first) = rounder.start(instance, options, &lp, &vars) else {
        return search
            .finish(instance, options, None, None, &clock)
            .map(|o| (o, cut_short));
    };
    let mut incumbent = Incumbent {
        value: instance.evaluate(&first).value(),
        set: first,
    };
    let learning = instance.platforms.iter().any(|p| p.learning.is_some());
    let probing = Probing {
        search: &search,
        instance,
        options,
        rounder: &rounder,
        clock: &clock,
    };
    let mut fixes = Fixes {
        items: options.fixed.clone(),
        paid: Vec::new(),
    };
    for restart in 0..=RESTARTS {
        let Some(found) = fix_point(&probing, &lp, fixes, &mut incumbent) else {
            let outcome = Outcome {
                status: Status::Optimal,
                bound: Some(incumbent.value),
                funded: incumbent.set,
            };
            return Ok((outcome, cut_short));
        };
        fixes = found;
        let nodes = (restart < RESTARTS && !learning).then_some(budget);
        let outcome = search.branch(instance, options, &fixes, &incumbent.set, nodes, &clock);
        // Stopped by the budget, with or without a set of its own.
        let stopped = match &outcome {
            Ok(o) => o.status == Status::TimeLimit,
            Err(e) => matches!(e, SolveError::NoSolutionInTime),
        };
        if nodes.is_some() && stopped && !clock.expired() {
            // The node budget ran out: a better set fixes more, so probe
            // again from it; else search to the end.
            let before = incumbent.value;
            incumbent.offer(instance, outcome.ok().map(|o| o.funded));
            cut_short += 1;
            if incumbent.value > before {
                continue;
            }
            let outcome = search.branch(instance, options, &fixes, &incumbent.set, None, &clock);
            return conclude(instance, outcome, incumbent, search.upper).map(|o| (o, cut_short));
        }
        return conclude(instance, outcome, incumbent, search.upper).map(|o| (o, cut_short));
    }
    unreachable!("the last round searches to the end")
}

/// The answer from the search's outcome and the incumbent.
fn conclude(
    instance: &Instance,
    outcome: Result<Outcome, SolveError>,
    incumbent: Incumbent,
    upper: f64,
) -> Result<Outcome, SolveError> {
    let Incumbent {
        set: first,
        value: best,
    } = incumbent;
    // Out of time before the search found a set: the start is the answer.
    let outcome = match outcome {
        Err(SolveError::NoSolutionInTime) => Outcome {
            status: Status::TimeLimit,
            funded: first.clone(),
            bound: None,
        },
        other => other?,
    };
    Ok(better(instance, outcome, first, best, upper))
}

/// The better of the search's answer and the first set (whose value is
/// `best`); the bound covers both, since every set the probing cut off is
/// worth less than `best` (or at most `best` with integer values); the LP
/// bound `upper` when the search gave none.
fn better(instance: &Instance, outcome: Outcome, first: Vec<bool>, best: f64, upper: f64) -> Outcome {
    let bound = |b: Option<f64>| Some(b.unwrap_or(upper).max(best));
    if outcome.status == Status::Infeasible {
        return Outcome {
            status: Status::Optimal,
            bound: Some(best),
            funded: first,
        };
    }
    if instance.evaluate(&outcome.funded).value() >= best {
        return Outcome {
            bound: bound(outcome.bound),
            ..outcome
        };
    }
    Outcome {
        status: outcome.status,
        bound: bound(outcome.bound),
        funded: first,
    }
}

/// Whether every objective coefficient is an integer, so that two sets'
/// values differ by 0 or at least 1.
fn integral_objective(instance: &Instance) -> bool {
    let whole = |v: f64| v.fract() == 0.0 && v.abs() < 1e15;
    instance.platforms.iter().all(|p| p.learning.is_none())
        && instance.values.iter().all(|&v| whole(v))
        && instance.synergies.iter().all(|s| whole(s.2))
}

/// The LP bound with each item flipped from its value in the LP optimum
/// of `instance` (nothing fixed), for the solves of the same instance with
/// items fixed; empty when the LP is infeasible.
pub(super) fn probes(instance: &Instance) -> Result<Probes, SolveError> {
    let relaxed = Model::build(instance, &SolveOptions::default(), true)?.into_microlp();
    let lp = match relaxed.as_inner().solve() {
        Ok(SolveOutcome::Solution(lp)) => lp,
        Err(Error::Infeasible) => return Ok(Probes::default()),
        Ok(SolveOutcome::Interrupted(_)) => return Err(SolveError::NoSolutionInTime),
        Err(e) => return Err(SolveError::Solver(e.to_string())),
    };
    let vars: Vec<Variable> = lp.iter().map(|(v, _)| v).collect();
    let flipped = vars[..instance.len()].par_iter().map(|&v| flip(&lp, v)).collect();
    Ok(Probes { flipped })
}

/// The value of `var` in `lp` when it is 0 or 1, and the LP bound with it
/// flipped (`-inf` when infeasible); `None` when fractional or unsolved.
fn flip(lp: &Solution, var: Variable) -> Option<(bool, f64)> {
    let value = lp.var_value_raw(var);
    let at = if value >= 1.0 - 1e-9 {
        true
    } else if value <= 1e-9 {
        false
    } else {
        return None;
    };
    match lp.clone().fix_var(var, f64::from(u8::from(!at))) {
        Ok(SolveOutcome::Solution(s)) => Some((at, s.objective())),
        Err(Error::Infeasible) => Some((at, f64::NEG_INFINITY)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::solve_within;
    use crate::math::portfolio::{Group, Instance, Platform, SolveOptions, Status};

    /// A pseudo-random instance of `n` items, whole-number values (so the
    /// search prunes by steps of 1) and no learning (so it may restart):
    /// two synergies per item, three shared platforms and a group of which
    /// at most one, which leave the LP bound loose enough for a search.
    fn instance(n: usize, seed: &mut u64) -> Instance {
        let mut next = |m: u64| {
            *seed ^= *seed << 13;
            *seed ^= *seed >> 7;
            *seed ^= *seed << 17;
            *seed % m
        };
        let mut inst = Instance {
            values: (0..n).map(|_| (5 + next(60)) as f64).collect(),
            costs: (0..n).map(|_| (5 + next(40)) as f64).collect(),
            budget: (8 * n + next(8 * n as u64) as usize) as f64,
            ..Instance::default()
        };
        inst.synergies = (0..2 * n)
            .map(|_| (next(n as u64) as usize, next(n as u64) as usize, next(41) as f64 - 15.0))
            .filter(|(a, b, _)| a != b)
            .collect();
        for k in 0..3 {
            inst.platforms.push(Platform {
                fixed_cost: (20 + next(60)) as f64,
                users: (0..n).filter(|i| i % 4 == k).collect(),
                learning: None,
            });
        }
        inst.groups.push(Group {
            items: vec![1, 2, 3],
            min: None,
            max: Some(1),
        });
        inst
    }

    /// The best value over every feasible set.
    fn best(instance: &Instance) -> Option<f64> {
        (0u32..1 << instance.len())
            .map(|mask| (0..instance.len()).map(|i| mask & (1 << i) != 0).collect::<Vec<_>>())
            .filter(|set| instance.violation(set).is_none())
            .map(|set| instance.evaluate(&set).value())
            .reduce(f64::max)
    }

    /// Searches cut short after a node or a few (the budget is 2,000 in
    /// use, which instances this small never reach): the answer is still
    /// the optimum, the enumerator's.
    #[test]
    fn searches_cut_short_still_find_the_optimum() {
        let mut seed = 0x9E37_79B9_7F4A_7C15;
        let mut cut_short = 0;
        for case in 0..120 {
            let inst = instance(10 + case % 5, &mut seed);
            let budget = 1 + (case % 3) as u64;
            let (outcome, restarts) = solve_within(&inst, &SolveOptions::default(), budget).unwrap();
            match best(&inst) {
                None => assert_eq!(outcome.status, Status::Infeasible, "case {case}"),
                Some(best) => {
                    assert_eq!(outcome.status, Status::Optimal, "case {case}");
                    assert!(inst.violation(&outcome.funded).is_none(), "case {case}");
                    assert_eq!(inst.evaluate(&outcome.funded).value(), best, "case {case}");
                }
            }
            cut_short += restarts;
        }
        assert!(cut_short > 0, "no search was cut short");
    }

    /// On instances too large to enumerate, a solve whose searches are
    /// cut short agrees with one whose search never is.
    #[test]
    fn searches_cut_short_agree_with_a_whole_search() {
        let mut seed = 0x2545_F491_4F6C_DD1D;
        let mut cut_short = 0;
        for case in 0..12 {
            let inst = instance(24 + case % 7, &mut seed);
            let options = SolveOptions::default();
            let (whole, _) = solve_within(&inst, &options, u64::MAX).unwrap();
            let (cut, restarts) = solve_within(&inst, &options, 1 + (case % 3) as u64).unwrap();
            assert_eq!(
                (cut.status, whole.status),
                (Status::Optimal, Status::Optimal),
                "case {case}"
            );
            assert!(inst.violation(&cut.funded).is_none(), "case {case}");
            let value = |set: &[bool]| inst.evaluate(set).value();
            assert_eq!(value(&cut.funded), value(&whole.funded), "case {case}");
            cut_short += restarts;
        }
        assert!(cut_short > 0, "no search was cut short");
    }
}
