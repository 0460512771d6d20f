//! The ranking baseline: fund down the ranking while things fit.

use super::Instance;
use super::constraint::within;

/// The set a decision maker gets by funding down the ranking: every `must`
/// item first; then, in descending value (ties in index order), skipping
/// `must_not`, each item whose own cost plus its not-yet-paid platforms
/// fits the remaining budget, whose uses fit the remaining capacities,
/// whose requirements are already funded and that takes no group over its
/// maximum. An item of a `together` set is funded with its whole set, when
/// the first of them is reached, if the whole set fits. Group minima are
/// not enforced. One flag per item.
///
/// ```
/// use innorank::portfolio::{Instance, baseline};
///
/// // California Manufacturing's investments without their logical
/// // constraints: the walk takes the best NPV first and ends at 14,
/// // below the optimum 15.
/// let instance = Instance {
///     values: vec![9.0, 5.0, 6.0, 4.0],
///     costs: vec![6.0, 3.0, 5.0, 2.0],
///     budget: 10.0,
///     ..Instance::default()
/// };
/// assert_eq!(baseline(&instance), vec![true, true, false, false]);
/// ```
pub fn baseline(instance: &Instance) -> Vec<bool> {
    let mut order: Vec<usize> = (0..instance.len()).collect();
    order.sort_by(|&a, &b| instance.values[b].total_cmp(&instance.values[a]).then(a.cmp(&b)));
    walk(instance, &order)
}

/// The walk of [`baseline`] in the given order of the items.
pub(crate) fn walk(instance: &Instance, order: &[usize]) -> Vec<bool> {
    let n = instance.len();
    let mut funded = vec![false; n];
    for &i in &instance.must {
        funded[i] = true;
    }
    let mut excluded = vec![false; n];
    for &i in &instance.must_not {
        excluded[i] = true;
    }
    for &i in order {
        if funded[i] || excluded[i] {
            continue;
        }
        let set = together_closure(instance, i);
        if set.iter().any(|&j| excluded[j]) {
            continue;
        }
        let mut trial = funded.clone();
        for &j in &set {
            trial[j] = true;
        }
        if fits(instance, &trial, &set) {
            funded = trial;
        }
    }
    funded
}

/// `i` and every item tied to it by `together`, transitively.
fn together_closure(instance: &Instance, i: usize) -> Vec<usize> {
    let mut set = vec![i];
    let mut grew = true;
    while grew {
        grew = false;
        for group in &instance.together {
            if group.iter().any(|j| set.contains(j)) {
                for &j in group {
                    if !set.contains(&j) {
                        set.push(j);
                        grew = true;
                    }
                }
            }
        }
    }
    set
}

/// Whether `trial` (the funded set with `added` just added) keeps budget,
/// capacities, requirements of the added items and group maxima.
fn fits(instance: &Instance, trial: &[bool], added: &[usize]) -> bool {
    let evaluation = instance.evaluate(trial);
    within(evaluation.spend(), instance.budget)
        && instance
            .resources
            .iter()
            .zip(&evaluation.uses)
            .all(|(r, &u)| within(u, r.capacity))
        && instance.requires.iter().all(|&(a, b)| !added.contains(&a) || trial[b])
        && instance.groups.iter().all(|group| {
            // Only groups the added items join: one already over its
            // maximum (by `must`) does not block unrelated items.
            let touched = group.items.iter().any(|i| added.contains(i));
            let n = group.items.iter().filter(|&&i| trial[i]).count();
            !touched || group.max.is_none_or(|m| n <= m)
        })
}
