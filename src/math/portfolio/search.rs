//! What the root's work ([`super::root`]) and its probing
//! ([`super::fixing`]) share: the solver's variables and how values
//! compare ([`Search`]), the rounding of LP optima into feasible sets
//! ([`Rounder`]) and the time left ([`Clock`]).

use std::time::{Duration, Instant};

use microlp::{Error, Solution, SolveOptions as MipOptions, SolveOutcome, TerminationReason, Variable};

use super::Instance;
use super::baseline::{baseline, walk};
use super::local::improve;
use super::restrict::Restricted;
use super::solver::{Model, Outcome, SolveError, SolveOptions, Status};

/// What probing decided: items fixed to a value, and platforms every
/// better set pays for.
#[derive(Debug, Default)]
pub(super) struct Fixes {
    pub items: Vec<(usize, bool)>,
    pub paid: Vec<usize>,
}

/// Relative margin on LP bounds, above the LP solver's rounding.
pub(super) const MARGIN: f64 = 1e-7;

/// Rounds LP optima into feasible sets: items by LP value (then value per
/// cost) while they fit, then local search; the options' fixed items held.
pub(super) struct Rounder<'a> {
    pub(super) held: Instance,
    pub(super) locked: Vec<bool>,
    pub(super) exclude: &'a [Vec<bool>],
}

impl<'a> Rounder<'a> {
    pub(super) fn new(instance: &Instance, options: &'a SolveOptions) -> Self {
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
    pub(super) fn improve(&self, set: Vec<bool>) -> Option<Vec<bool>> {
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
    pub(super) fn start(
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

/// The time left of `--time-limit`.
pub(super) struct Clock(Option<Instant>);

impl Clock {
    pub(super) fn new(limit: Option<f64>) -> Self {
        Clock(limit.map(|s| Instant::now() + Duration::from_secs_f64(s)))
    }

    pub(super) fn left(&self) -> Option<Duration> {
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
    pub(super) integral: bool,
    /// The LP bound.
    pub(super) upper: f64,
}

impl Search<'_> {
    /// What a bound must reach for a set under it to beat `best`.
    pub(super) fn beat(&self, best: f64) -> f64 {
        let step = if self.integral { 1.0 } else { 0.0 };
        best + step - MARGIN * best.abs().max(1.0)
    }

    /// The branch and bound over what `fixes` leaves, from `first`, for at
    /// most `nodes` nodes.
    pub(super) fn branch(
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
    pub(super) fn restricted(
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
    pub(super) fn finish(
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

/// The most negative value a set can have, as a magnitude (learning
/// savings are not negative).
pub(super) fn negative_mass(instance: &Instance) -> f64 {
    let synergies = instance.synergies.iter().map(|s| s.2);
    -instance
        .values
        .iter()
        .copied()
        .chain(synergies)
        .filter(|v| *v < 0.0)
        .sum::<f64>()
}
