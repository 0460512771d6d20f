//! A local search for good feasible sets: from a feasible set, fund one
//! more item, drop one or swap one funded item for one unfunded while that
//! raises the value and keeps every constraint (best move first). It only
//! gives the exact search a good start and a cutoff: its sets are never
//! reported as optimal on its own word.

use super::Instance;
use super::constraint::within;

/// Moves tried per round before giving up on the round's best-valued
/// candidates (the rest break a logical constraint).
const CHECKS_PER_ROUND: usize = 64;

/// `start` (feasible) improved by add, drop and swap moves; items flagged
/// in `locked` keep their state.
pub(crate) fn improve(instance: &Instance, start: Vec<bool>, locked: &[bool]) -> Vec<bool> {
    let mut state = State::new(instance, start);
    // Each move raises the value: the loop ends; the cap guards rounding.
    for _ in 0..100 * instance.len().max(1) {
        let mut moves = state.moves(locked);
        moves.sort_by(|a, b| b.0.total_cmp(&a.0));
        let Some(&(_, add, drop)) = moves
            .iter()
            .take(CHECKS_PER_ROUND)
            .find(|&&(_, add, drop)| state.allowed(add, drop))
        else {
            break;
        };
        state.apply(add, drop);
    }
    state.funded
}

/// A set with what moves need: each item's marginal value and the use of
/// each platform and resource.
struct State<'a> {
    instance: &'a Instance,
    funded: Vec<bool>,
    /// `v_i + sum_{j funded, j != i} s_ij`: what item `i` adds to (or, if
    /// funded, brings into) the set.
    gain: Vec<f64>,
    /// Synergy partners of each item.
    partners: Vec<Vec<(usize, f64)>>,
    /// Platforms of each item.
    platforms: Vec<Vec<usize>>,
    /// Funded users of each platform.
    users: Vec<usize>,
    spend: f64,
    learning: bool,
}

impl<'a> State<'a> {
    fn new(instance: &'a Instance, funded: Vec<bool>) -> Self {
        let n = instance.len();
        let mut partners = vec![Vec::new(); n];
        for &(a, b, s) in &instance.synergies {
            partners[a].push((b, s));
            partners[b].push((a, s));
        }
        let mut platforms = vec![Vec::new(); n];
        for (p, platform) in instance.platforms.iter().enumerate() {
            for &i in &platform.users {
                platforms[i].push(p);
            }
        }
        let gain = (0..n)
            .map(|i| {
                instance.values[i]
                    + partners[i]
                        .iter()
                        .filter(|(j, _)| funded[*j])
                        .map(|(_, s)| s)
                        .sum::<f64>()
            })
            .collect();
        let users = instance
            .platforms
            .iter()
            .map(|p| p.users.iter().filter(|&&i| funded[i]).count())
            .collect();
        State {
            spend: instance.evaluate(&funded).spend(),
            learning: instance.platforms.iter().any(|p| p.learning.is_some()),
            instance,
            funded,
            gain,
            partners,
            platforms,
            users,
        }
    }

    /// `(value change, added, dropped)` of every move that raises the
    /// value (learning aside) and keeps the budget.
    fn moves(&self, locked: &[bool]) -> Vec<(f64, Option<usize>, Option<usize>)> {
        let n = self.funded.len();
        let free = |i: &usize| !locked[*i];
        let ins: Vec<usize> = (0..n).filter(|&i| !self.funded[i]).filter(free).collect();
        let outs: Vec<usize> = (0..n).filter(|&i| self.funded[i]).filter(free).collect();
        let mut moves = Vec::new();
        let mut consider = |delta: f64, add: Option<usize>, drop: Option<usize>| {
            if delta > 1e-9 * self.gain.len() as f64
                && within(self.spend + self.spend_change(add, drop), self.instance.budget)
            {
                moves.push((delta, add, drop));
            }
        };
        for &j in &outs {
            consider(-self.gain[j], None, Some(j));
        }
        for &i in &ins {
            consider(self.gain[i], Some(i), None);
            for &j in &outs {
                let pair = self.partners[i]
                    .iter()
                    .filter(|(k, _)| *k == j)
                    .map(|(_, s)| s)
                    .sum::<f64>();
                consider(self.gain[i] - self.gain[j] - pair, Some(i), Some(j));
            }
        }
        moves
    }

    /// The spend change of adding `add` and dropping `drop`.
    fn spend_change(&self, add: Option<usize>, drop: Option<usize>) -> f64 {
        let platforms = &self.instance.platforms;
        let mut change = 0.0;
        if let Some(j) = drop {
            change -= self.instance.costs[j];
            for &p in &self.platforms[j] {
                let kept = add.is_some_and(|i| self.platforms[i].contains(&p));
                if self.users[p] == 1 && !kept {
                    change -= platforms[p].fixed_cost;
                }
            }
        }
        if let Some(i) = add {
            change += self.instance.costs[i];
            for &p in &self.platforms[i] {
                let left = self.users[p] - usize::from(drop.is_some_and(|j| self.platforms[j].contains(&p)));
                if left == 0 {
                    change += platforms[p].fixed_cost;
                }
            }
        }
        change
    }

    /// Whether the move keeps every constraint (and, with learning, still
    /// raises the exact value).
    fn allowed(&self, add: Option<usize>, drop: Option<usize>) -> bool {
        let trial = self.trial(add, drop);
        self.instance.violation(&trial).is_none()
            && (!self.learning || self.instance.evaluate(&trial).value() > self.instance.evaluate(&self.funded).value())
    }

    fn trial(&self, add: Option<usize>, drop: Option<usize>) -> Vec<bool> {
        let mut trial = self.funded.clone();
        for (item, on) in [(add, true), (drop, false)] {
            if let Some(i) = item {
                trial[i] = on;
            }
        }
        trial
    }

    fn apply(&mut self, add: Option<usize>, drop: Option<usize>) {
        self.spend += self.spend_change(add, drop);
        for (item, on) in [(drop, false), (add, true)] {
            let Some(i) = item else { continue };
            self.funded[i] = on;
            let sign = if on { 1.0 } else { -1.0 };
            for &(j, s) in &self.partners[i] {
                self.gain[j] += sign * s;
            }
            for &p in &self.platforms[i] {
                if on {
                    self.users[p] += 1;
                } else {
                    self.users[p] -= 1;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::math::portfolio::Platform;

    /// Two items that do not fit together: the better one replaces the
    /// worse, unless the worse is locked.
    #[test]
    fn a_swap_replaces_a_worse_item_unless_locked() {
        let instance = Instance {
            values: vec![10.0, 12.0, 1.0],
            costs: vec![6.0, 5.0, 1.0],
            budget: 8.0,
            platforms: vec![Platform {
                fixed_cost: 2.0,
                users: vec![2],
                learning: None,
            }],
            ..Instance::default()
        };
        let better = improve(&instance, vec![true, false, false], &[false; 3]);
        assert_eq!(better, vec![false, true, true]);
        let held = improve(&instance, vec![true, false, false], &[true, false, false]);
        assert_eq!(held, vec![true, false, false]);
    }
}
