//! An instance with some items decided, rewritten over the items left:
//! the funded ones' costs leave the budget and capacities, their platforms
//! are paid, their synergies move into their partners' values, and the
//! logical constraints they settle become `must` / `must_not` or vanish.
//! A smaller program: each node of the search solves a smaller LP.

use super::{Group, Instance, Platform, Resource};

/// An instance over the undecided items of a larger one.
pub(crate) struct Restricted {
    /// The smaller instance.
    pub instance: Instance,
    /// `items[k]`: the item of the larger instance that item `k` is.
    pub items: Vec<usize>,
    /// The decided items, one flag per item of the larger instance.
    pub decided: Vec<Option<bool>>,
    /// `index[i]`: the item `i` of the larger instance is, if undecided.
    index: Vec<usize>,
}

impl Restricted {
    /// `instance` with the items of `fixed` decided and the platforms
    /// `paid` paid whether used or not; `None` when the items break a
    /// logical constraint. Learning platforms are dropped: the caller
    /// keeps instances that pool volumes whole (a saving does not split
    /// over decided and free users).
    pub fn new(instance: &Instance, fixed: &[(usize, bool)], paid: &[usize]) -> Option<Self> {
        let mut decided = vec![None; instance.len()];
        for &(i, on) in fixed {
            decided[i] = Some(on);
        }
        let items: Vec<usize> = (0..instance.len()).filter(|&i| decided[i].is_none()).collect();
        let mut index = vec![usize::MAX; instance.len()];
        for (k, &i) in items.iter().enumerate() {
            index[i] = k;
        }
        let is = |i: usize, on: bool| decided[i] == Some(on);
        let mut out = Instance {
            values: items.iter().map(|&i| instance.values[i]).collect(),
            costs: items.iter().map(|&i| instance.costs[i]).collect(),
            budget: instance.budget
                - (0..instance.len())
                    .filter(|&i| is(i, true))
                    .map(|i| instance.costs[i])
                    .sum::<f64>(),
            ..Instance::default()
        };
        for (k, p) in instance.platforms.iter().enumerate() {
            if paid.contains(&k) || p.users.iter().any(|&i| is(i, true)) {
                out.budget -= p.fixed_cost;
            } else {
                let users: Vec<usize> = p
                    .users
                    .iter()
                    .filter(|&&i| decided[i].is_none())
                    .map(|&i| index[i])
                    .collect();
                if !users.is_empty() {
                    out.platforms.push(Platform {
                        fixed_cost: p.fixed_cost,
                        users,
                        learning: None,
                    });
                }
            }
        }
        for &(a, b, s) in &instance.synergies {
            match (decided[a], decided[b]) {
                (None, None) => out.synergies.push((index[a], index[b], s)),
                (None, Some(true)) => out.values[index[a]] += s,
                (Some(true), None) => out.values[index[b]] += s,
                _ => {}
            }
        }
        let mut restricted = Restricted {
            instance: out,
            items,
            decided,
            index,
        };
        restricted.logic(instance)?;
        restricted.resources(instance);
        Some(restricted)
    }

    /// Requires, together, groups, must and must_not over the free items.
    fn logic(&mut self, instance: &Instance) -> Option<()> {
        let (d, index) = (&self.decided, &self.index);
        let out = &mut self.instance;
        for &(a, b) in &instance.requires {
            match (d[a], d[b]) {
                (Some(true), Some(false)) => return None,
                (None, None) => out.requires.push((index[a], index[b])),
                (None, Some(false)) => out.must_not.push(index[a]),
                (Some(true), None) => out.must.push(index[b]),
                _ => {}
            }
        }
        for set in &instance.together {
            let on = set.iter().any(|&i| d[i] == Some(true));
            let off = set.iter().any(|&i| d[i] == Some(false));
            let free: Vec<usize> = set.iter().filter(|&&i| d[i].is_none()).map(|&i| index[i]).collect();
            match (on, off) {
                (true, true) => return None,
                (true, false) => out.must.extend(free),
                (false, true) => out.must_not.extend(free),
                (false, false) if free.len() >= 2 => out.together.push(free),
                (false, false) => {}
            }
        }
        for g in &instance.groups {
            let n_in = g.items.iter().filter(|&&i| d[i] == Some(true)).count();
            if g.max.is_some_and(|m| n_in > m) {
                return None;
            }
            out.groups.push(Group {
                items: g.items.iter().filter(|&&i| d[i].is_none()).map(|&i| index[i]).collect(),
                min: g.min.map(|m| m.saturating_sub(n_in)),
                max: g.max.map(|m| m - n_in),
            });
        }
        for (list, want, into) in [
            (&instance.must, true, &mut out.must),
            (&instance.must_not, false, &mut out.must_not),
        ] {
            for &i in list {
                match d[i] {
                    Some(on) if on != want => return None,
                    Some(_) => {}
                    None => into.push(index[i]),
                }
            }
        }
        Some(())
    }

    fn resources(&mut self, instance: &Instance) {
        let index = &self.index;
        for r in &instance.resources {
            let used: f64 = r
                .uses
                .iter()
                .filter(|(i, _)| self.decided[*i] == Some(true))
                .map(|(_, u)| u)
                .sum();
            self.instance.resources.push(Resource {
                capacity: r.capacity - used,
                uses: r
                    .uses
                    .iter()
                    .filter(|(i, _)| self.decided[*i].is_none())
                    .map(|&(i, u)| (index[i], u))
                    .collect(),
            });
        }
    }

    /// A set of the smaller instance as a set of the larger one.
    pub fn expand(&self, set: &[bool]) -> Vec<bool> {
        let mut full: Vec<bool> = self.decided.iter().map(|d| d == &Some(true)).collect();
        for (k, &i) in self.items.iter().enumerate() {
            full[i] = set[k];
        }
        full
    }

    /// A set of the larger instance over the free items.
    pub fn shrink(&self, set: &[bool]) -> Vec<bool> {
        self.items.iter().map(|&i| set[i]).collect()
    }

    /// Whether `set` of the larger instance agrees with the decided items.
    pub fn agrees(&self, set: &[bool]) -> bool {
        self.decided.iter().zip(set).all(|(d, &on)| d.is_none_or(|d| d == on))
    }
}
