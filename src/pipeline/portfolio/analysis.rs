//! What explains the optimum: why each shelved proposal is out, the
//! optimum across budgets, and the next-best portfolios.

use std::sync::Arc;

use rayon::prelude::*;

use super::report::{Context, FrontierPoint, NextPortfolio, Shelved, WhyNot};
use crate::math::portfolio::{
    Constraint, Instance, Probes, SolveError, SolveOptions, Status, baseline, conflicts, probes, solve, walk,
};

/// Each survivor outside `optimum`, by descending value, with the value
/// lost by forcing it in (one exact re-solve each, on all cores, in a fixed
/// order of results) or a constraint that forbids it. The re-solves share
/// the LP bounds of the instance with each item flipped ([`probes`]) and
/// start from the optimum with the item added and repaired.
pub(super) fn why_not(
    context: &Context<'_>,
    optimum: &[bool],
    time_limit: Option<f64>,
) -> Result<Vec<Shelved>, SolveError> {
    let instance = context.instance;
    let best = instance.evaluate(optimum).value();
    let out: Vec<usize> = context.ordered(&optimum.iter().map(|f| !f).collect::<Vec<_>>());
    if out.is_empty() {
        return Ok(Vec::new());
    }
    let shared = Forcing {
        optimum,
        best,
        time_limit,
        probes: Arc::new(probes(instance)?),
    };
    out.par_iter()
        .map(|&k| {
            let why_not = forced_in(context, k, &shared)?;
            let row = context.items.rows[k];
            Ok(Shelved {
                index: row,
                id: context.id(k).to_owned(),
                name: context.problem.alternatives().label(row).to_owned(),
                value: instance.values[k],
                why_not,
            })
        })
        .collect()
}

/// What every why-not re-solve shares.
struct Forcing<'a> {
    optimum: &'a [bool],
    best: f64,
    time_limit: Option<f64>,
    probes: Arc<Probes>,
}

/// Item `k` forced in: the value lost, or what forbids it.
fn forced_in(context: &Context<'_>, k: usize, shared: &Forcing<'_>) -> Result<WhyNot, SolveError> {
    let instance = context.instance;
    if instance.must_not.contains(&k) {
        return Ok(WhyNot::Infeasible(context.name(Constraint::MustNot(k))));
    }
    // Start from the optimum's items with `k` funded first, then the rest
    // down the ranking, when feasible: the solve's local search improves it,
    // and a time-limited solve has an answer.
    let mut with_k = instance.clone();
    with_k.must.push(k);
    let by_value = |set: &[bool], on: bool| {
        let mut items: Vec<usize> = (0..set.len()).filter(|&i| set[i] == on).collect();
        items.sort_by(|&a, &b| instance.values[b].total_cmp(&instance.values[a]).then(a.cmp(&b)));
        items
    };
    let mut order = by_value(shared.optimum, true);
    order.extend(by_value(shared.optimum, false));
    let start = walk(&with_k, &order);
    let options = SolveOptions {
        time_limit: shared.time_limit,
        fixed: vec![(k, true)],
        warm_start: instance.violation(&start).is_none().then_some(start),
        probes: Some(Arc::clone(&shared.probes)),
        ..SolveOptions::default()
    };
    let outcome = match solve(instance, &options) {
        Err(SolveError::NoSolutionInTime) => return Ok(WhyNot::TimeLimit),
        other => other?,
    };
    if outcome.status != Status::Infeasible {
        let value = instance.evaluate(&outcome.funded).value();
        return Ok(WhyNot::ValueLost((shared.best - value).max(0.0)));
    }
    let found = conflicts(instance, Some(k), shared.time_limit)?;
    let named = found.first().map_or_else(|| "budget".to_owned(), |&c| context.name(c));
    Ok(WhyNot::Infeasible(named))
}

/// The optimum at each budget of `budgets`, each solved afresh.
pub(super) fn frontier(
    context: &Context<'_>,
    budgets: &[f64],
    time_limit: Option<f64>,
) -> Result<Vec<FrontierPoint>, SolveError> {
    budgets
        .iter()
        .map(|&budget| {
            let instance = Instance {
                budget,
                ..context.instance.clone()
            };
            let outcome = warm_solve(
                &instance,
                SolveOptions {
                    time_limit,
                    ..SolveOptions::default()
                },
            )?;
            let e = instance.evaluate(&outcome.funded);
            Ok(FrontierPoint {
                budget,
                funded: context.ids(&outcome.funded),
                value: e.value(),
                spend: e.spend(),
                status: outcome.status,
                baseline: context.baseline(&baseline(&instance)),
            })
        })
        .collect()
}

/// Solves from the ranking baseline when it is feasible.
fn warm_solve(instance: &Instance, mut options: SolveOptions) -> Result<crate::math::portfolio::Outcome, SolveError> {
    let start = baseline(instance);
    if instance.violation(&start).is_none() {
        options.warm_start = Some(start);
    }
    solve(instance, &options)
}

/// The optimum, then the best portfolios to which no survivor can be
/// added, each distinct: the solver is asked again with every set found so
/// far cut off (`sum_{i in S} (1 - x_i) + sum_{i not in S} x_i >= 1`),
/// and a set that is not maximal is cut without being listed.
pub(super) fn next(
    context: &Context<'_>,
    optimum: &[bool],
    k: usize,
    time_limit: Option<f64>,
) -> Result<Vec<NextPortfolio>, SolveError> {
    let instance = context.instance;
    let best = instance.evaluate(optimum).value();
    let entry = |set: &[bool]| {
        let value = instance.evaluate(set).value();
        NextPortfolio {
            funded: context.ids(set),
            value,
            gap: (best - value).max(0.0),
        }
    };
    let mut found = vec![entry(optimum)];
    let mut exclude = vec![optimum.to_vec()];
    // Bounded: non-maximal sets are cut, so a hard case stops early.
    let tries = 20 * k + 50;
    for _ in 0..tries {
        if found.len() >= k {
            break;
        }
        let options = SolveOptions {
            time_limit,
            exclude: exclude.clone(),
            ..SolveOptions::default()
        };
        let outcome = solve(instance, &options)?;
        if outcome.status == Status::Infeasible {
            break;
        }
        if maximal(instance, &outcome.funded) {
            found.push(entry(&outcome.funded));
        }
        exclude.push(outcome.funded);
    }
    Ok(found)
}

/// Whether no item outside `set` can be added without breaking a
/// constraint.
fn maximal(instance: &Instance, set: &[bool]) -> bool {
    (0..set.len()).filter(|&k| !set[k]).all(|k| {
        let mut more = set.to_vec();
        more[k] = true;
        instance.violation(&more).is_some()
    })
}

/// The core index of each item (Liesiö, Mild & Salo 2007): the share of
/// `draws` weight draws whose optimal portfolio funds it. Draw `k`'s leaf
/// weights come from the `robustness` command's default model with `seed`
/// (the same draws as `innorank robustness --seed`); `values` turns leaf
/// weights into the items' values.
pub(super) fn core_index(
    context: &Context<'_>,
    draws: u64,
    draw: impl Fn(u64, &mut [f64]) -> Result<(), crate::Error> + Sync,
    values: impl Fn(&[f64]) -> Vec<f64> + Sync,
    (leaves, time_limit): (usize, Option<f64>),
) -> Result<Vec<f64>, super::PortfolioError> {
    let counts = (0..draws)
        .into_par_iter()
        .map(|k| -> Result<Vec<u64>, super::PortfolioError> {
            let mut w = vec![0.0; leaves];
            draw(k, &mut w)?;
            let instance = Instance {
                values: values(&w),
                ..context.instance.clone()
            };
            let outcome = warm_solve(
                &instance,
                SolveOptions {
                    time_limit,
                    ..SolveOptions::default()
                },
            )?;
            Ok(outcome.funded.iter().map(|&f| u64::from(f)).collect())
        })
        .try_reduce(
            || vec![0; context.instance.len()],
            |a, b| Ok(a.iter().zip(&b).map(|(x, y)| x + y).collect()),
        )?;
    Ok(counts.iter().map(|&c| c as f64 / draws as f64).collect())
}
