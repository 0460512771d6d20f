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
//!    `L` fixes more); the better of its answer and `L`'s set is the
//!    answer, so the optimum stays exact.
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
    let clock = Clock::new(options.time_limit);
    let relaxed = Model::build(instance, options, true)?.into_microlp();
    let lp = match relaxed.as_inner().solve() {
        Ok(SolveOutcome::Solution(lp)) => lp,
        Ok(SolveOutcome::Interrupted(_)) => return Err(SolveError::NoSolutionInTime),
        Err(Error::Infeasible) => return Ok(Outcome::infeasible(instance.len())),
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
        return search.finish(instance, options, None, None, &clock);
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
            return Ok(Outcome {
                status: Status::Optimal,
                bound: Some(incumbent.value),
                funded: incumbent.set,
            });
        };
        fixes = found;
        let nodes = (restart < RESTARTS && !learning).then_some(RESTART_NODES);
        let outcome = search.branch(instance, options, &fixes, &incumbent.set, nodes, &clock);
        let stopped = matches!(&outcome, Ok(o) if o.status == Status::TimeLimit);
        if nodes.is_some() && stopped && !clock.expired() {
            // The node budget ran out: a better set fixes more, so probe
            // again from it; else search to the end.
            let before = incumbent.value;
            incumbent.offer(instance, outcome.ok().map(|o| o.funded));
            if incumbent.value > before {
                continue;
            }
            let outcome = search.branch(instance, options, &fixes, &incumbent.set, None, &clock);
            return conclude(instance, outcome, incumbent, search.upper);
        }
        return conclude(instance, outcome, incumbent, search.upper);
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
