//! Probing to a fixed point, for the default `microlp` backend.
//!
//! Each round re-solves the LP relaxation with everything decided so far,
//! then solves it again with each undecided item `x_i`, and each
//! platform's `y_p`, set to the value it does not take there (both values
//! when it is fractional). A side whose LP bound cannot beat the incumbent
//! holds no better set, so the variable is fixed to the other side
//! (Savelsbergh, "Preprocessing and probing techniques for mixed integer
//! programming problems", ORSA J. Computing 6, 1994). Probing `y_p` matters
//! because the LP likes to pay half a platform for half of each of its
//! users: one platform decided settles tens of items. Every fix lowers the
//! LP bounds of the sides still open, so the next round may fix more;
//! every LP solved on the way is rounded into a candidate incumbent, and a
//! better incumbent fixes more in turn.

use microlp::{Error, Solution, SolveOutcome};
use rayon::prelude::*;

use super::Instance;
use super::search::{Clock, Fixes, Rounder, Search};
use super::solver::{Model, SolveOptions};

/// Rounds of probing at most (each fixes something or ends the loop).
const ROUNDS: usize = 12;

/// The best set known and its value.
pub(super) struct Incumbent {
    pub set: Vec<bool>,
    pub value: f64,
}

impl Incumbent {
    /// Takes `set` if it is feasible and better.
    pub(super) fn offer(&mut self, instance: &Instance, set: Option<Vec<bool>>) {
        if let Some(set) = set.filter(|s| instance.violation(s).is_none()) {
            let value = instance.evaluate(&set).value();
            if value > self.value {
                *self = Incumbent { set, value };
            }
        }
    }
}

/// What probing works with.
#[derive(Clone, Copy)]
pub(super) struct Probing<'a> {
    pub search: &'a Search<'a>,
    pub instance: &'a Instance,
    pub options: &'a SolveOptions,
    pub rounder: &'a Rounder<'a>,
    pub clock: &'a Clock,
}

/// A variable to probe: item `i`, or the platform variable `y_p`.
#[derive(Clone, Copy, PartialEq)]
enum Probe {
    Item(usize),
    Platform(usize),
}

/// What probing one variable showed.
enum Verdict {
    /// Neither side is ruled out.
    Open,
    /// The variable must take this value in any better set.
    Forced(bool),
    /// Both sides are ruled out: no set beats the incumbent.
    Closed,
}

/// The items and platforms fixed by probing, from `fixes` (at first the
/// options' fixed items, whose LP relaxation is `lp`), against
/// `incumbent`, which improves on the way; `None` when no set beats the
/// incumbent.
pub(super) fn fix_point(at: &Probing<'_>, lp: &Solution, mut fixes: Fixes, incumbent: &mut Incumbent) -> Option<Fixes> {
    let Probing {
        search,
        instance,
        options,
        rounder,
        clock,
    } = *at;
    let fresh = fixes.items.len() == options.fixed.len() && fixes.paid.is_empty();
    let mut dived = false;
    for round in 0..ROUNDS {
        let settled = if round == 0 && fresh {
            Settled::Solved(lp.clone())
        } else {
            settle(instance, options, &fixes)
        };
        let current = match settled {
            Settled::Solved(current) => current,
            Settled::Infeasible => return None,
            Settled::Failed => break,
        };
        incumbent.offer(instance, rounder.round(instance, &current, search.vars));
        let beat = search.beat(incumbent.value);
        if current.objective() < beat {
            return None;
        }
        let undecided = undecided(instance, &fixes);
        let verdicts: Vec<(Verdict, Option<Solution>)> = undecided
            .par_iter()
            .map(|&probe| verdict(search, &current, options, probe, beat, clock))
            .collect();
        let before = (fixes.items.len(), fixes.paid.len());
        for (&probe, (verdict, kept)) in undecided.iter().zip(verdicts) {
            if let Some(kept) = kept {
                incumbent.offer(instance, rounder.round(instance, &kept, search.vars));
            }
            match (probe, verdict) {
                (_, Verdict::Open) => {}
                (_, Verdict::Closed) => return None,
                (Probe::Item(i), Verdict::Forced(on)) => fixes.items.push((i, on)),
                (Probe::Platform(p), Verdict::Forced(true)) => fixes.paid.push(p),
                (Probe::Platform(p), Verdict::Forced(false)) => {
                    fixes
                        .items
                        .extend(instance.platforms[p].users.iter().map(|&i| (i, false)));
                }
            }
        }
        fixes.items.sort_unstable();
        fixes.items.dedup();
        if fixes.items.windows(2).any(|w| w[0].0 == w[1].0) {
            // An item forced both ways: no better set.
            return None;
        }
        if (fixes.items.len(), fixes.paid.len()) == before {
            // Stuck: a dive may find a better incumbent, which fixes more.
            let value = incumbent.value;
            if dived || clock.expired() {
                break;
            }
            dived = true;
            incumbent.offer(instance, dive(search, instance, options, &fixes, rounder));
            if incumbent.value == value {
                break;
            }
        }
    }
    Some(fixes)
}

/// A dive over the platforms: while some `y_p` is fractional in the LP,
/// fix the one platform and side whose LP bound is highest; then round.
/// A heuristic for a good set, not a proof.
fn dive(
    search: &Search<'_>,
    instance: &Instance,
    options: &SolveOptions,
    fixes: &Fixes,
    rounder: &Rounder,
) -> Option<Vec<bool>> {
    let mut fixes = Fixes {
        items: fixes.items.clone(),
        paid: fixes.paid.clone(),
    };
    for _ in 0..=instance.platforms.len() {
        let Settled::Solved(lp) = settle(instance, options, &fixes) else {
            return None;
        };
        let fractional = (0..instance.platforms.len()).filter(|&p| {
            let y = lp.var_value_raw(search.vars[search.items + p]);
            y > 1e-9 && y < 1.0 - 1e-9
        });
        let sides: Vec<(f64, usize, bool)> = fractional
            .flat_map(|p| [(p, false), (p, true)])
            .filter_map(|(p, on)| {
                let var = search.vars[search.items + p];
                match lp.clone().fix_var(var, f64::from(u8::from(on))) {
                    Ok(SolveOutcome::Solution(s)) => Some((s.objective(), p, on)),
                    _ => None,
                }
            })
            .collect();
        let Some(&(_, p, on)) = sides.iter().max_by(|a, b| a.0.total_cmp(&b.0)) else {
            return rounder.round(instance, &lp, search.vars);
        };
        if on {
            fixes.paid.push(p);
        } else {
            fixes
                .items
                .extend(instance.platforms[p].users.iter().map(|&i| (i, false)));
        }
    }
    None
}

/// The LP with every fix applied.
enum Settled {
    Solved(Solution),
    Infeasible,
    /// The LP solver failed: probing stops with what it has.
    Failed,
}

fn settle(instance: &Instance, options: &SolveOptions, fixes: &Fixes) -> Settled {
    // A fresh LP: chained `fix_var` re-solves were seen to report
    // infeasible LPs that are not.
    let fixed = SolveOptions {
        fixed: fixes.items.clone(),
        ..options.clone()
    };
    let Ok(model) = Model::paying(instance, &fixed, true, &fixes.paid) else {
        return Settled::Failed;
    };
    match model.into_microlp().as_inner().solve() {
        Ok(SolveOutcome::Solution(s)) => Settled::Solved(s),
        Err(Error::Infeasible) => Settled::Infeasible,
        _ => Settled::Failed,
    }
}

/// The items and platforms not decided yet, items first.
fn undecided(instance: &Instance, fixes: &Fixes) -> Vec<Probe> {
    let mut decided = vec![false; instance.len()];
    for &(i, _) in &fixes.items {
        decided[i] = true;
    }
    let items = (0..instance.len()).filter(|&i| !decided[i]).map(Probe::Item);
    let platforms = (0..instance.platforms.len())
        .filter(|p| !fixes.paid.contains(p))
        .filter(|&p| instance.platforms[p].users.iter().any(|&i| !decided[i]))
        .map(Probe::Platform);
    items.chain(platforms).collect()
}

/// The verdict on one variable, and for a platform left open the LP of
/// one of its sides (a start for rounding).
fn verdict(
    search: &Search<'_>,
    lp: &Solution,
    options: &SolveOptions,
    probe: Probe,
    beat: f64,
    clock: &Clock,
) -> (Verdict, Option<Solution>) {
    let var = match probe {
        Probe::Item(i) => search.vars[i],
        Probe::Platform(p) => search.vars[search.items + p],
    };
    let value = lp.var_value_raw(var);
    let at = if value >= 1.0 - 1e-9 {
        Some(true)
    } else if value <= 1e-9 {
        Some(false)
    } else {
        None
    };
    // The caller's bounds of the instance with an item flipped: they only
    // fall as items are fixed.
    if let (Probe::Item(i), Some(at)) = (probe, at)
        && let Some(Some((was, bound))) = options.probes.as_ref().and_then(|p| p.flipped.get(i))
        && *was == at
        && *bound < beat
    {
        return (Verdict::Forced(at), None);
    }
    if clock.expired() {
        return (Verdict::Open, None);
    }
    let side = |on: bool| match lp.clone().fix_var(var, f64::from(u8::from(on))) {
        Ok(SolveOutcome::Solution(s)) if s.objective() >= beat => Some(s),
        Ok(SolveOutcome::Solution(_)) => None,
        // Infeasible, interrupted or failed: keep the side (a warm
        // re-solve may call a feasible LP infeasible; see `settle`).
        _ => Some(lp.clone()),
    };
    let keep = |s: Solution| matches!(probe, Probe::Platform(_)).then_some(s);
    match at {
        Some(at) => match side(!at) {
            None => (Verdict::Forced(at), None),
            Some(s) => (Verdict::Open, keep(s)),
        },
        None => match (side(false), side(true)) {
            (None, None) => (Verdict::Closed, None),
            (None, Some(s)) => (Verdict::Forced(true), keep(s)),
            (Some(s), None) => (Verdict::Forced(false), keep(s)),
            (Some(a), Some(b)) => (Verdict::Open, keep(if b.objective() > a.objective() { b } else { a })),
        },
    }
}
