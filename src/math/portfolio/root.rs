//! Work at the root of the search before the branch and bound, for the
//! default `microlp` backend (the only file naming microlp itself):
//!
//! 1. the LP relaxation gives an upper bound `U` on the optimum;
//! 2. a local search ([`super::local`]) from the caller's start and from
//!    the rounded LP optimum gives a good feasible set, value `L`;
//! 3. **probing** (reduced-cost fixing done by re-solving): for each item
//!    at 0 or 1 in the LP optimum, the LP is re-solved, warm, with the item
//!    flipped; when that bound is below `L`, no set with the item flipped
//!    beats `L`, so the item is fixed at its LP value (Nemhauser & Wolsey,
//!    *Integer and Combinatorial Optimization*, I.2.5 "variable fixing");
//! 4. the branch and bound on the items left, started from the set of
//!    step 2; the better of the two is the answer, so the optimum stays
//!    exact.
//!
//! When every objective coefficient is an integer (money values and
//! synergies, no learning), a set can only beat `L` by 1 or more: probing
//! compares against `L + 1` and the search prunes any node whose bound does
//! not exceed its incumbent by 1. Both keep the optimum exact.

use std::time::{Duration, Instant};

use microlp::{Error, Solution, SolveOptions as MipOptions, SolveOutcome, TerminationReason, Variable};
use rayon::prelude::*;

use super::Instance;
use super::baseline::{baseline, walk};
use super::local::improve;
use super::restrict::Restricted;
use super::solver::{Model, Outcome, Probes, SolveError, SolveOptions, Status};

/// Relative margin on LP bounds, above the LP solver's rounding.
const MARGIN: f64 = 1e-7;

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
        integral: integral_objective(instance),
        upper: lp.objective(),
    };
    let Some(first) = start(instance, options, &lp, &vars) else {
        return search.finish(instance, options, None, &clock);
    };
    let best = instance.evaluate(&first).value();
    if search.upper < search.beat(best) {
        return Ok(Outcome {
            status: Status::Optimal,
            bound: Some(best),
            funded: first,
        });
    }
    let mut decided = options.fixed.clone();
    decided.extend(search.probe(&lp, instance.len(), options, best, &clock));
    let outcome = if instance.platforms.iter().any(|p| p.learning.is_some()) {
        let narrowed = SolveOptions {
            fixed: decided,
            ..options.clone()
        };
        search.finish(instance, &narrowed, Some(&first), &clock)
    } else {
        match Restricted::new(instance, &decided) {
            Some(restricted) => search.restricted(instance, &restricted, options, &first, &clock),
            None => Ok(Outcome::infeasible(instance.len())),
        }
    };
    // Out of time before the search found a set: the start is the answer.
    let outcome = match outcome {
        Err(SolveError::NoSolutionInTime) => Outcome {
            status: Status::TimeLimit,
            funded: first.clone(),
            bound: None,
        },
        other => other?,
    };
    Ok(better(instance, outcome, first, best, search.upper))
}

/// The best of the local search from the caller's start (or the ranking
/// baseline) and from rounding the LP optimum (items by LP value, then
/// value per cost); `None` when neither gives a set the options allow.
fn start(instance: &Instance, options: &SolveOptions, lp: &Solution, vars: &[Variable]) -> Option<Vec<bool>> {
    let mut held = instance.clone();
    let mut locked = vec![false; instance.len()];
    for &(i, on) in &options.fixed {
        locked[i] = true;
        if on { held.must.push(i) } else { held.must_not.push(i) }
    }
    let ratio = |i: usize| instance.values[i] / instance.costs[i].max(1e-9);
    let mut order: Vec<usize> = (0..instance.len()).collect();
    order.sort_by(|&a, &b| {
        let (xa, xb) = (lp.var_value_raw(vars[a]), lp.var_value_raw(vars[b]));
        xb.total_cmp(&xa).then(ratio(b).total_cmp(&ratio(a)))
    });
    let caller = options.warm_start.clone().unwrap_or_else(|| baseline(&held));
    [caller, walk(&held, &order)]
        .into_iter()
        .filter(|set| held.violation(set).is_none())
        .map(|set| improve(&held, set, &locked))
        .filter(|set| !options.exclude.contains(set))
        .max_by(|a, b| instance.evaluate(a).value().total_cmp(&instance.evaluate(b).value()))
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

/// The most negative value a set can have, as a magnitude (learning
/// savings are not negative).
fn negative_mass(instance: &Instance) -> f64 {
    let synergies = instance.synergies.iter().map(|s| s.2);
    -instance
        .values
        .iter()
        .copied()
        .chain(synergies)
        .filter(|v| *v < 0.0)
        .sum::<f64>()
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

/// The time left of `--time-limit`.
struct Clock(Option<Instant>);

impl Clock {
    fn new(limit: Option<f64>) -> Self {
        Clock(limit.map(|s| Instant::now() + Duration::from_secs_f64(s)))
    }

    fn left(&self) -> Option<Duration> {
        self.0.map(|end| end.saturating_duration_since(Instant::now()))
    }

    fn expired(&self) -> bool {
        self.left().is_some_and(|d| d.is_zero())
    }
}

/// What the searches share: the solver's variables (the items first) and
/// how values compare.
struct Search<'a> {
    /// The LP's variables: `vars[i]` is `Variable(i)`, so their first
    /// `k` serve any program with `k` or more variables, items first.
    vars: &'a [Variable],
    integral: bool,
    /// The LP bound.
    upper: f64,
}

impl Search<'_> {
    /// What a bound must reach for a set under it to beat `best`.
    fn beat(&self, best: f64) -> f64 {
        let step = if self.integral { 1.0 } else { 0.0 };
        best + step - MARGIN * best.abs().max(1.0)
    }

    /// Items whose flip cannot beat `best`, each with the value it keeps:
    /// from the caller's [`Probes`] when its flipped bound is already too
    /// low (that bound only falls as items are fixed), else by re-solving
    /// the LP with the item flipped.
    fn probe(&self, lp: &Solution, n: usize, options: &SolveOptions, best: f64, clock: &Clock) -> Vec<(usize, bool)> {
        let beat = self.beat(best);
        let known = |i: usize| {
            let entry = options.probes.as_ref()?.flipped.get(i).copied().flatten()?;
            (entry.1 < beat).then_some(entry.0)
        };
        let free: Vec<usize> = (0..n).filter(|i| options.fixed.iter().all(|f| f.0 != *i)).collect();
        free.par_iter()
            .filter_map(|&i| {
                if let Some(at) = known(i) {
                    return Some((i, at));
                }
                if clock.expired() {
                    return None;
                }
                let (at, flipped) = flip(lp, self.vars[i])?;
                (flipped < beat).then_some((i, at))
            })
            .collect()
    }

    /// The branch and bound over the items `restricted` leaves, from
    /// `first` if it agrees with the decided items; its answer in the
    /// terms of `instance`.
    fn restricted(
        &self,
        instance: &Instance,
        restricted: &Restricted,
        options: &SolveOptions,
        first: &[bool],
        clock: &Clock,
    ) -> Result<Outcome, SolveError> {
        let smaller = &restricted.instance;
        let offset = instance
            .evaluate(&restricted.expand(&vec![false; smaller.len()]))
            .value();
        let options = SolveOptions {
            exclude: options
                .exclude
                .iter()
                .filter(|s| restricted.agrees(s))
                .map(|s| restricted.shrink(s))
                .collect(),
            ..SolveOptions::default()
        };
        let start = restricted.agrees(first).then(|| restricted.shrink(first));
        let inner = Search {
            upper: self.upper - offset,
            ..*self
        };
        let outcome = inner.finish(smaller, &options, start.as_deref(), clock)?;
        if outcome.status == Status::Infeasible {
            return Ok(Outcome::infeasible(instance.len()));
        }
        Ok(Outcome {
            status: outcome.status,
            funded: restricted.expand(&outcome.funded),
            bound: outcome.bound.map(|b| b + offset),
        })
    }

    /// The branch and bound to the end (or the time limit) from `start`.
    fn finish(
        &self,
        instance: &Instance,
        options: &SolveOptions,
        start: Option<&[bool]>,
        clock: &Clock,
    ) -> Result<Outcome, SolveError> {
        if instance.is_empty() {
            return Ok(match instance.violation(&[]) {
                None => Outcome {
                    status: Status::Optimal,
                    funded: Vec::new(),
                    bound: Some(0.0),
                },
                Some(_) => Outcome::infeasible(0),
            });
        }
        let model = Model::build(instance, options, false)?.into_microlp();
        let mut mip = MipOptions::default();
        mip.time_limit = clock.left();
        mip.warm_start = start.map(|set| {
            set.iter()
                .zip(self.vars)
                .map(|(&on, &v)| (v, f64::from(u8::from(on))))
                .collect()
        });
        if self.integral {
            // The pruning slack is `prune_epsilon x |incumbent|`: below 1
            // for any incumbent (between the most negative set and the LP
            // bound), so no set 1 better is ever pruned.
            let scale = self.upper.abs().max(negative_mass(instance)).max(1.0);
            mip.tolerances.prune_epsilon = 0.999 / scale;
        }
        let solution = match model.as_inner().solve_with(mip) {
            Ok(SolveOutcome::Solution(s)) => s,
            Ok(SolveOutcome::Interrupted(_)) => return Err(SolveError::NoSolutionInTime),
            Err(Error::Infeasible) => return Ok(Outcome::infeasible(instance.len())),
            Err(e) => return Err(SolveError::Solver(e.to_string())),
        };
        let funded = self.vars[..instance.len()]
            .iter()
            .map(|&v| solution.var_value(v) > 0.5)
            .collect();
        let (status, bound) = match solution.termination_reason() {
            TerminationReason::ProvenOptimal => (Status::Optimal, Some(solution.objective())),
            _ => (Status::TimeLimit, solution.stats().best_bound),
        };
        Ok(Outcome { status, funded, bound })
    }
}
