//! Portfolio selection: which set of items to fund under a budget, when
//! items share fixed costs, interact (synergies), pool volume on a learning
//! curve and are tied by logical constraints.
//!
//! Numbers in, numbers out: an [`Instance`] names items by index. The
//! pipeline builds one from a problem's `portfolio:` section.
//!
//! The value of a set `X` is
//!
//! `V(X) = sum_{i in X} v_i + sum_{a, b in X} s_ab + sum_p L_p(X)`
//!
//! with `L_p(X) = sum_{i in X_p} C_p(q_i) - C_p(sum_{i in X_p} q_i)` the
//! learning saving of platform `p` over its funded users `X_p`, `C_p(Q) =
//! unit_cost x sum_{k=1..Q} k^log2(rate)` (Wright's cumulative cost).
//! The spend is `sum_{i in X} c_i + sum_{p used by X} F_p`. This is the
//! 0-1 project selection model with interactions (Weingartner 1966;
//! Hillier & Lieberman, *Introduction to Operations Research*, section
//! 12.1), with shared set-up costs and pooled learning added; the robust
//! variant follows Liesiö, Mild & Salo (2007).

mod baseline;
mod constraint;
mod entry;
#[cfg(not(feature = "highs"))]
mod fixing;
#[cfg(not(feature = "highs"))]
mod local;
#[cfg(not(feature = "highs"))]
mod restrict;
#[cfg(not(feature = "highs"))]
mod root;
#[cfg(not(feature = "highs"))]
mod search;
mod solver;

pub use baseline::baseline;
pub(crate) use baseline::walk;
pub use constraint::Constraint;
pub use entry::{conflicts, probes, solve};
pub use solver::{MAX_POOLED_VOLUMES, Outcome, Probes, SolveError, SolveOptions, Status};

use crate::math::learning_curve::learning_sum;

/// A shared fixed cost, paid once when any of its users is funded.
#[derive(Debug, Clone, PartialEq)]
pub struct Platform {
    /// Paid once if any user is funded (`>= 0`).
    pub fixed_cost: f64,
    /// The items that need it, ascending.
    pub users: Vec<usize>,
    /// Pooled learning of the users' volumes, if any.
    pub learning: Option<Learning>,
}

/// A learning curve the users of a platform share.
#[derive(Debug, Clone, PartialEq)]
pub struct Learning {
    /// Cost of the first unit, in value units.
    pub unit_cost: f64,
    /// Progress ratio in `(0, 1]` (0.85: each doubling costs 85 %).
    pub learning_rate: f64,
    /// Each user's volume, in the order of [`Platform::users`].
    pub volumes: Vec<u64>,
}

impl Learning {
    /// `C(Q) = unit_cost x sum_{k=1..Q} k^log2(rate)`: the cost of the first
    /// `q` units, exact for every `q` ([`learning_sum`]).
    pub fn cost(&self, q: u64) -> f64 {
        if q == 0 {
            return 0.0;
        }
        self.unit_cost * learning_sum(self.learning_rate.log2(), q)
    }

    /// The saving of pooling the volumes of the users flagged in `funded`
    /// (one flag per user), over producing each alone.
    pub fn saving(&self, funded: impl Iterator<Item = bool>) -> f64 {
        let mut alone = 0.0;
        let mut pooled = 0u64;
        for (&q, on) in self.volumes.iter().zip(funded) {
            if on {
                alone += self.cost(q);
                pooled += q;
            }
        }
        alone - self.cost(pooled)
    }
}

/// A cardinality bound on a set of items.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// The items.
    pub items: Vec<usize>,
    /// At least this many funded.
    pub min: Option<usize>,
    /// At most this many funded.
    pub max: Option<usize>,
}

/// A capacity shared by the items (engineers, rig hours).
#[derive(Debug, Clone, PartialEq)]
pub struct Resource {
    /// What is available.
    pub capacity: f64,
    /// `(item, use)` pairs; items not listed use nothing.
    pub uses: Vec<(usize, f64)>,
}

/// One portfolio selection problem, items by index.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Instance {
    /// Each item's own value.
    pub values: Vec<f64>,
    /// Each item's own cost (`>= 0`).
    pub costs: Vec<f64>,
    /// The budget for own costs and platform fixed costs.
    pub budget: f64,
    /// Shared fixed costs.
    pub platforms: Vec<Platform>,
    /// `(a, b, bonus)`: added when both are funded; negative allowed.
    pub synergies: Vec<(usize, usize, f64)>,
    /// `(a, b)`: `a` only if `b`.
    pub requires: Vec<(usize, usize)>,
    /// All or none of each set.
    pub together: Vec<Vec<usize>>,
    /// Cardinality bounds.
    pub groups: Vec<Group>,
    /// Capacities.
    pub resources: Vec<Resource>,
    /// Items that must be funded.
    pub must: Vec<usize>,
    /// Items that must not be funded.
    pub must_not: Vec<usize>,
}

/// The exact value and spend of one set, term by term.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Evaluation {
    /// Sum of the funded items' own values.
    pub own_values: f64,
    /// Sum of the realised synergies.
    pub synergies: f64,
    /// Sum of the learning savings.
    pub learning_savings: f64,
    /// Sum of the funded items' own costs.
    pub own_costs: f64,
    /// Whether each platform is paid.
    pub paid: Vec<bool>,
    /// Sum of the paid platforms' fixed costs.
    pub platform_costs: f64,
    /// Use of each resource.
    pub uses: Vec<f64>,
}

impl Evaluation {
    /// Own values + synergies + learning savings.
    pub fn value(&self) -> f64 {
        self.own_values + self.synergies + self.learning_savings
    }

    /// Own costs + paid platforms.
    pub fn spend(&self) -> f64 {
        self.own_costs + self.platform_costs
    }
}

impl Instance {
    /// The number of items.
    pub fn len(&self) -> usize {
        self.values.len()
    }

    /// Whether there is no item.
    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// The value and spend of the set `funded` (one flag per item),
    /// recomputed from the set alone.
    ///
    /// ```
    /// use innorank::portfolio::{Instance, Platform};
    ///
    /// let instance = Instance {
    ///     values: vec![5.0, 4.0],
    ///     costs: vec![2.0, 3.0],
    ///     budget: 10.0,
    ///     platforms: vec![Platform { fixed_cost: 4.0, users: vec![0, 1], learning: None }],
    ///     synergies: vec![(0, 1, 1.5)],
    ///     ..Instance::default()
    /// };
    /// let both = instance.evaluate(&[true, true]);
    /// assert_eq!((both.value(), both.spend()), (10.5, 9.0));
    /// ```
    pub fn evaluate(&self, funded: &[bool]) -> Evaluation {
        // `0.0 +`: an empty float sum is -0.0, which reports would print.
        let sum = |xs: &[f64]| 0.0 + funded.iter().zip(xs).filter(|(f, _)| **f).map(|(_, x)| x).sum::<f64>();
        let paid: Vec<bool> = self
            .platforms
            .iter()
            .map(|p| p.users.iter().any(|&i| funded[i]))
            .collect();
        Evaluation {
            own_values: sum(&self.values),
            synergies: 0.0
                + self
                    .synergies
                    .iter()
                    .filter(|&&(a, b, _)| funded[a] && funded[b])
                    .map(|s| s.2)
                    .sum::<f64>(),
            learning_savings: 0.0
                + self
                    .platforms
                    .iter()
                    .filter_map(|p| Some(p.learning.as_ref()?.saving(p.users.iter().map(|&i| funded[i]))))
                    .sum::<f64>(),
            own_costs: sum(&self.costs),
            platform_costs: self
                .platforms
                .iter()
                .zip(&paid)
                .filter(|(_, p)| **p)
                .map(|(p, _)| p.fixed_cost)
                .sum::<f64>()
                + 0.0,
            paid,
            uses: self
                .resources
                .iter()
                .map(|r| 0.0 + r.uses.iter().filter(|(i, _)| funded[*i]).map(|(_, u)| u).sum::<f64>())
                .collect(),
        }
    }

    /// The first constraint the set `funded` breaks, if any (a relative
    /// tolerance of 1e-9 on budget and capacities).
    pub fn violation(&self, funded: &[bool]) -> Option<Constraint> {
        self.constraints().into_iter().find(|c| !c.holds(self, funded))
    }

    /// Every constraint of the instance, in a fixed order: `must`,
    /// `must_not`, budget, resources, requires, together, groups.
    pub fn constraints(&self) -> Vec<Constraint> {
        let mut all: Vec<Constraint> = self.must.iter().map(|&i| Constraint::Must(i)).collect();
        all.extend(self.must_not.iter().map(|&i| Constraint::MustNot(i)));
        all.push(Constraint::Budget);
        all.extend((0..self.resources.len()).map(Constraint::Resource));
        all.extend((0..self.requires.len()).map(Constraint::Requires));
        all.extend((0..self.together.len()).map(Constraint::Together));
        all.extend((0..self.groups.len()).map(Constraint::Group));
        all
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pooled_saving_is_the_difference_of_exact_sums() {
        let learning = Learning {
            unit_cost: 2.0,
            learning_rate: 0.8,
            volumes: vec![100, 250],
        };
        let b = 0.8f64.log2();
        let direct = |q: u64| 2.0 * (1..=q).map(|k| (k as f64).powf(b)).sum::<f64>();
        let expected = direct(100) + direct(250) - direct(350);
        let saving = learning.saving([true, true].into_iter());
        assert!((saving - expected).abs() < 1e-9 * expected, "{saving} vs {expected}");
        assert_eq!(learning.saving([true, false].into_iter()), 0.0);
    }
}
