//! From a problem's `portfolio:` section to a numeric
//! [`Instance`] over the survivors of screening.

use crate::Warning;
use crate::math::portfolio::{Group, Instance, Learning, Platform, Resource};
use crate::model::Problem;
use crate::model::portfolio::Portfolio;

/// The survivors as items: `rows[k]` is item `k`'s alternative; `item[r]`
/// the item of alternative `r`, if it survived.
pub(super) struct Items {
    pub rows: Vec<usize>,
    pub item: Vec<Option<usize>>,
}

impl Items {
    pub fn new(rows: Vec<usize>, n: usize) -> Self {
        let mut item = vec![None; n];
        for (k, &r) in rows.iter().enumerate() {
            item[r] = Some(k);
        }
        Items { rows, item }
    }
}

/// The instance of `spec` over `items`, with `values` per item and
/// `budget`; ids that screening rejected are left out of every list, each
/// with a warning.
pub(super) fn instance(
    problem: &Problem,
    spec: &Portfolio,
    items: &Items,
    values: Vec<f64>,
    budget: f64,
    warnings: &mut Vec<Warning>,
) -> Instance {
    let mut ignore = |r: usize, list: &str| {
        let w = Warning::PortfolioScreenedOut {
            id: problem.alternatives().id(r).to_owned(),
            list: list.to_owned(),
        };
        if !warnings.contains(&w) {
            warnings.push(w);
        }
    };
    let mut keep = |rows: &[usize], list: &str| -> Option<Vec<usize>> {
        let mapped: Vec<Option<usize>> = rows.iter().map(|&r| items.item[r]).collect();
        for (&r, m) in rows.iter().zip(&mapped) {
            if m.is_none() {
                ignore(r, list);
            }
        }
        Some(mapped.into_iter().flatten().collect())
    };
    let pairs = |rows: &[(usize, usize)]| rows.iter().map(|&(a, b)| vec![a, b]).collect::<Vec<_>>();
    let synergies = spec
        .synergies
        .iter()
        .filter_map(|&(a, b, s)| match keep(&[a, b], "synergies")?.as_slice() {
            &[x, y] => Some((x, y, s)),
            _ => None,
        })
        .collect();
    let requires = pairs(&spec.requires)
        .iter()
        .filter_map(|p| match keep(p, "requires")?.as_slice() {
            &[x, y] => Some((x, y)),
            _ => None,
        })
        .collect();
    let together = spec
        .together
        .iter()
        .filter_map(|set| keep(set, "together").filter(|s| s.len() >= 2))
        .collect();
    let groups = spec
        .groups
        .iter()
        .filter_map(|g| {
            Some(Group {
                items: keep(&g.ids, "groups")?,
                min: g.min,
                max: g.max,
            })
        })
        .collect();
    let must_not = keep(&spec.must_not, "must_not").unwrap_or_default();
    // `must` ids all survive: the loader refuses a rejected one.
    let must = spec.must.iter().filter_map(|&r| items.item[r]).collect();
    Instance {
        costs: items.rows.iter().map(|&r| problem.scores().get(r, spec.cost)).collect(),
        values,
        budget,
        platforms: platforms(spec, items),
        synergies,
        requires,
        together,
        groups,
        resources: resources(spec, items),
        must,
        must_not,
    }
}

fn platforms(spec: &Portfolio, items: &Items) -> Vec<Platform> {
    spec.platforms
        .iter()
        .enumerate()
        .map(|(p, platform)| {
            let users: Vec<usize> = (0..items.rows.len())
                .filter(|&k| spec.needs[items.rows[k]].contains(&p))
                .collect();
            let learning = platform.learning.map(|(unit_cost, learning_rate)| Learning {
                unit_cost,
                learning_rate,
                volumes: users
                    .iter()
                    .map(|&k| spec.volumes[items.rows[k]].unwrap_or(0))
                    .collect(),
            });
            Platform {
                fixed_cost: platform.fixed_cost,
                users,
                learning,
            }
        })
        .collect()
}

fn resources(spec: &Portfolio, items: &Items) -> Vec<Resource> {
    spec.resources
        .iter()
        .enumerate()
        .map(|(r, &(_, capacity))| Resource {
            capacity,
            uses: items
                .rows
                .iter()
                .enumerate()
                .map(|(k, &row)| (k, spec.uses[row][r]))
                .filter(|&(_, u)| u != 0.0)
                .collect(),
        })
        .collect()
}
