//! Work at the root of the search before the branch and bound, for the
//! default `microlp` backend (with [`super::fixing`], the only files
//! naming microlp itself):
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

use std::time::{Duration, Instant};

use microlp::{Error, Solution, SolveOptions as MipOptions, SolveOutcome, TerminationReason, Variable};
use rayon::prelude::*;

use super::Instance;
use super::baseline::{baseline, walk};
use super::fixing::{Fixes, Incumbent, Probing, fix_point};
use super::local::improve;
use super::restrict::Restricted;
use super::solver::{Model, Outcome, Probes, SolveError, SolveOptions, Status};

/// Relative margin on LP bounds, above the LP solver's rounding.
const MARGIN: f64 = 1e-7;

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

/// Rounds LP optima into feasible sets: items by LP value (then value per
/// cost) while they fit, then local search; the options' fixed items held.
pub(super) struct Rounder<'a> {
    held: Instance,
    locked: Vec<bool>,
    exclude: &'a [Vec<bool>],
}

impl<'a> Rounder<'a> {
    fn new(instance: &Instance, options: &'a SolveOptions) -> Self {
        let mut held = instance.clone();
        let mut locked = vec![false; instance.len()];
        for &(i, on) in &options.fixed {
            locked[i] = true;
            if on { held.must.push(i) } else { held.must_not.push(i) }
        }
        Rounder {
            held,
            locked,
            exclude: &options.exclude,
        }
    }

    /// `set` improved by local search, if the options allow it.
    fn improve(&self, set: Vec<bool>) -> Option<Vec<bool>> {
        if self.held.violation(&set).is_some() {
            return None;
        }
        let set = improve(&self.held, set, &self.locked);
        (!self.exclude.contains(&set)).then_some(set)
    }

    /// The rounding of `lp`, whose first variables are the items.
    pub(super) fn round(&self, instance: &Instance, lp: &Solution, vars: &[Variable]) -> Option<Vec<bool>> {
        let ratio = |i: usize| instance.values[i] / instance.costs[i].max(1e-9);
        let mut order: Vec<usize> = (0..instance.len()).collect();
        order.sort_by(|&a, &b| {
            let (xa, xb) = (lp.var_value_raw(vars[a]), lp.var_value_raw(vars[b]));
            xb.total_cmp(&xa).then(ratio(b).total_cmp(&ratio(a)))
        });
        self.improve(walk(&self.held, &order))
    }

    /// The best of the local search from the caller's start (or the
    /// ranking baseline) and the rounding of `lp`.
    fn start(
        &self,
        instance: &Instance,
        options: &SolveOptions,
        lp: &Solution,
        vars: &[Variable],
    ) -> Option<Vec<bool>> {
        let caller = options.warm_start.clone().unwrap_or_else(|| baseline(&self.held));
        [self.improve(caller), self.round(instance, lp, vars)]
            .into_iter()
            .flatten()
            .max_by(|a, b| instance.evaluate(a).value().total_cmp(&instance.evaluate(b).value()))
    }
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
pub(super) struct Clock(Option<Instant>);

impl Clock {
    fn new(limit: Option<f64>) -> Self {
        Clock(limit.map(|s| Instant::now() + Duration::from_secs_f64(s)))
    }

    fn left(&self) -> Option<Duration> {
        self.0.map(|end| end.saturating_duration_since(Instant::now()))
    }

    pub(super) fn expired(&self) -> bool {
        self.left().is_some_and(|d| d.is_zero())
    }
}

/// What the searches share: the solver's variables (the items first) and
/// how values compare.
pub(super) struct Search<'a> {
    /// The LP's variables: `vars[i]` is `Variable(i)`, so their first
    /// `k` serve any program with `k` or more variables, items first.
    pub vars: &'a [Variable],
    /// The number of items: the platforms' `y_p` follow them.
    pub items: usize,
    integral: bool,
    /// The LP bound.
    upper: f64,
}

impl Search<'_> {
    /// What a bound must reach for a set under it to beat `best`.
    pub(super) fn beat(&self, best: f64) -> f64 {
        let step = if self.integral { 1.0 } else { 0.0 };
        best + step - MARGIN * best.abs().max(1.0)
    }

    /// The branch and bound over what `fixes` leaves, from `first`, for at
    /// most `nodes` nodes.
    fn branch(
        &self,
        instance: &Instance,
        options: &SolveOptions,
        fixes: &Fixes,
        first: &[bool],
        nodes: Option<u64>,
        clock: &Clock,
    ) -> Result<Outcome, SolveError> {
        if instance.platforms.iter().any(|p| p.learning.is_some()) {
            let narrowed = SolveOptions {
                fixed: fixes.items.clone(),
                ..options.clone()
            };
            return self.finish(instance, &narrowed, Some(first), nodes, clock);
        }
        match Restricted::new(instance, &fixes.items, &fixes.paid) {
            Some(restricted) => self.restricted(instance, &restricted, options, first, nodes, clock),
            None => Ok(Outcome::infeasible(instance.len())),
        }
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
        nodes: Option<u64>,
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
        let outcome = inner.finish(smaller, &options, start.as_deref(), nodes, clock)?;
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
        nodes: Option<u64>,
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
        mip.node_limit = nodes;
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
