//! The constraints of an [`Instance`], named so that reports can say which
//! one forbids a set.

use super::Instance;

/// Relative slack allowed on budget and capacities, for rounding in sums.
const TOLERANCE: f64 = 1e-9;

/// One constraint of an [`Instance`], by index into its lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Constraint {
    /// Item `i` must be funded.
    Must(usize),
    /// Item `i` must not be funded.
    MustNot(usize),
    /// Own costs plus paid platforms within the budget.
    Budget,
    /// Resource `r` within its capacity.
    Resource(usize),
    /// Requirement `k` of [`Instance::requires`].
    Requires(usize),
    /// Set `k` of [`Instance::together`]: all or none.
    Together(usize),
    /// Group `k` of [`Instance::groups`]: within its bounds.
    Group(usize),
}

/// `x <= limit`, with a relative tolerance for rounding.
pub(crate) fn within(x: f64, limit: f64) -> bool {
    x <= limit + TOLERANCE * limit.abs().max(1.0)
}

impl Constraint {
    /// Whether the set `funded` satisfies this constraint.
    pub fn holds(self, instance: &Instance, funded: &[bool]) -> bool {
        match self {
            Constraint::Must(i) => funded[i],
            Constraint::MustNot(i) => !funded[i],
            Constraint::Budget => within(instance.evaluate(funded).spend(), instance.budget),
            Constraint::Resource(r) => {
                let resource = &instance.resources[r];
                let used: f64 = resource.uses.iter().filter(|(i, _)| funded[*i]).map(|(_, u)| u).sum();
                within(used, resource.capacity)
            }
            Constraint::Requires(k) => {
                let (a, b) = instance.requires[k];
                !funded[a] || funded[b]
            }
            Constraint::Together(k) => {
                let set = &instance.together[k];
                set.iter().all(|&i| funded[i] == funded[set[0]])
            }
            Constraint::Group(k) => {
                let group = &instance.groups[k];
                let n = group.items.iter().filter(|&&i| funded[i]).count();
                group.min.is_none_or(|m| n >= m) && group.max.is_none_or(|m| n <= m)
            }
        }
    }
}
