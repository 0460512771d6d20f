//! The portfolio report and its JSON.

use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};

use super::build::Items;
use crate::Warning;
use crate::math::portfolio::{Constraint, Evaluation, Instance, Status};
use crate::model::Problem;
use crate::model::portfolio::Portfolio;
use crate::pipeline::rank::RankReport;

/// A funded proposal.
#[derive(Debug, Clone, Serialize)]
pub struct Funded {
    /// Its index in the problem's alternatives.
    #[serde(skip)]
    pub index: usize,
    /// Its id.
    pub id: String,
    /// Its name (the id if it has none).
    pub name: String,
    /// Its own value.
    pub value: f64,
    /// Its own cost.
    pub cost: f64,
    /// The platforms it needs.
    pub platforms: Vec<String>,
}

/// The value of a set, split.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Totals {
    /// Own values + synergies + learning savings.
    pub value: f64,
    /// Sum of own values.
    pub own_values: f64,
    /// Realised synergies.
    pub synergies: f64,
    /// Pooled learning savings.
    pub learning_savings: f64,
}

/// A platform the funded set pays for.
#[derive(Debug, Clone, Serialize)]
pub struct PaidPlatform {
    /// Its id.
    pub id: String,
    /// Its name, if given.
    #[serde(skip)]
    pub name: Option<String>,
    /// Paid once.
    pub fixed_cost: f64,
    /// The funded proposals that need it.
    pub shared_by: Vec<String>,
}

/// What the funded set spends.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Spend {
    /// Own costs + paid platforms.
    pub total: f64,
    /// Sum of own costs.
    pub own_costs: f64,
    /// The platforms paid, each once.
    pub platforms: Vec<PaidPlatform>,
}

/// Why a survivor is not funded.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum WhyNot {
    /// The optimum minus the best portfolio that funds it.
    ValueLost(f64),
    /// No portfolio funds it; a constraint that forbids it.
    Infeasible(String),
    /// The time limit passed before any portfolio funding it was found.
    TimeLimit,
}

/// A survivor left out.
#[derive(Debug, Clone, Serialize)]
pub struct Shelved {
    /// Its index in the problem's alternatives.
    #[serde(skip)]
    pub index: usize,
    /// Its id.
    pub id: String,
    /// Its name (the id if it has none).
    pub name: String,
    /// Its own value.
    pub value: f64,
    /// Why it is out.
    pub why_not: WhyNot,
}

/// The set funding down the ranking gives.
#[derive(Debug, Clone, Serialize)]
pub struct Baseline {
    /// Its ids, by descending value.
    pub funded: Vec<String>,
    /// Its full value.
    pub value: f64,
    /// What it spends.
    pub spend: f64,
}

/// The optimum at one budget of a sweep.
#[derive(Debug, Clone, Serialize)]
pub struct FrontierPoint {
    /// The budget.
    pub budget: f64,
    /// Its ids, by descending value.
    pub funded: Vec<String>,
    /// Its value.
    pub value: f64,
    /// What it spends.
    pub spend: f64,
    /// How the solve ended.
    #[serde(serialize_with = "status")]
    pub status: Status,
    /// Funding down the ranking at this budget, what the optimum is
    /// measured against (drawn by the portfolio chart; not in the JSON).
    #[serde(skip)]
    pub baseline: Baseline,
}

/// One of the best portfolios.
#[derive(Debug, Clone, Serialize)]
pub struct NextPortfolio {
    /// Its ids, by descending value.
    pub funded: Vec<String>,
    /// Its value.
    pub value: f64,
    /// The optimum's value minus its value.
    pub gap: f64,
}

/// What `innorank portfolio` reports (see [`super::portfolio`]).
#[derive(Debug)]
pub struct PortfolioReport<'p> {
    /// The problem.
    pub problem: &'p Problem,
    /// The ranking the values come from (screened-out, weights).
    pub ranking: RankReport<'p>,
    /// `topsis`, `ahp` or the value leaf's id.
    pub value: String,
    /// The budget used.
    pub budget: f64,
    /// How the main solve ended.
    pub status: Status,
    /// An upper bound on the optimal value.
    pub bound: Option<f64>,
    /// The funded set, by descending value.
    pub funded: Vec<Funded>,
    /// Its value, split.
    pub total: Totals,
    /// Its spend.
    pub spend: Spend,
    /// `budget` and each resource: what is left.
    pub slack: Vec<(String, f64)>,
    /// Constraints with no slack.
    pub binding: Vec<String>,
    /// The survivors left out, by descending value.
    pub shelved: Vec<Shelved>,
    /// Funding down the ranking.
    pub baseline: Option<Baseline>,
    /// `--frontier`.
    pub frontier: Vec<FrontierPoint>,
    /// `--next`.
    pub next: Vec<NextPortfolio>,
    /// `--robust`: per proposal, the share of draws funding it.
    pub core_index: Vec<(String, f64)>,
    /// When infeasible: constraints that conflict.
    pub conflicts: Vec<String>,
    /// Warnings.
    pub warnings: Vec<Warning>,
}

/// The name of a solve's status in reports.
pub fn status_name(status: Status) -> &'static str {
    match status {
        Status::Optimal => "optimal",
        Status::TimeLimit => "time_limit",
        Status::Infeasible => "infeasible",
    }
}

fn status<S: Serializer>(status: &Status, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(status_name(*status))
}

impl<'p> PortfolioReport<'p> {
    pub(super) fn empty(
        problem: &'p Problem,
        ranking: RankReport<'p>,
        value: String,
        budget: f64,
        warnings: Vec<Warning>,
    ) -> Self {
        PortfolioReport {
            problem,
            ranking,
            value,
            budget,
            status: Status::Optimal,
            bound: None,
            funded: Vec::new(),
            total: Totals::default(),
            spend: Spend::default(),
            slack: Vec::new(),
            binding: Vec::new(),
            shelved: Vec::new(),
            baseline: None,
            frontier: Vec::new(),
            next: Vec::new(),
            core_index: Vec::new(),
            conflicts: Vec::new(),
            warnings,
        }
    }

    /// Whether values are relative (TOPSIS or AHP among the survivors).
    pub fn relative_values(&self) -> bool {
        self.value == "topsis" || self.value == "ahp"
    }
}

/// `[(key, value)]` as a JSON object.
struct Object<'a>(&'a [(String, f64)]);

impl Serialize for Object<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

impl Serialize for PortfolioReport<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let feasible = self.status != Status::Infeasible;
        let mut map = s.serialize_map(None)?;
        map.serialize_entry("problem", self.problem.name())?;
        map.serialize_entry("budget", &self.budget)?;
        map.serialize_entry("value", &self.value)?;
        map.serialize_entry("status", status_name(self.status))?;
        if feasible {
            map.serialize_entry("bound", &self.bound)?;
        }
        map.serialize_entry("funded", &self.funded)?;
        if feasible {
            map.serialize_entry("total", &self.total)?;
            map.serialize_entry("spend", &self.spend)?;
            map.serialize_entry("slack", &Object(&self.slack))?;
            map.serialize_entry("shelved", &self.shelved)?;
            map.serialize_entry("baseline", &self.baseline)?;
            map.serialize_entry("frontier", &self.frontier)?;
            map.serialize_entry("next", &self.next)?;
            map.serialize_entry("core_index", &Object(&self.core_index))?;
        } else {
            map.serialize_entry("conflicts", &self.conflicts)?;
        }
        let screened: Vec<_> = self
            .ranking
            .screened_out
            .iter()
            .map(|s| self.ranking.json_screened(s))
            .collect();
        map.serialize_entry("screened_out", &screened)?;
        if feasible {
            map.serialize_entry("binding", &self.binding)?;
        }
        let warnings: Vec<String> = self.warnings.iter().map(ToString::to_string).collect();
        map.serialize_entry("warnings", &warnings)?;
        map.end()
    }
}

/// What the report is built from.
pub(super) struct Context<'a> {
    pub problem: &'a Problem,
    pub spec: &'a Portfolio,
    pub items: &'a Items,
    pub instance: &'a Instance,
}

impl Context<'_> {
    /// Item `k`'s id.
    pub fn id(&self, k: usize) -> &str {
        self.problem.alternatives().id(self.items.rows[k])
    }

    /// The items of `set`, by descending value, ties in input order.
    pub fn ordered(&self, set: &[bool]) -> Vec<usize> {
        let mut items: Vec<usize> = (0..set.len()).filter(|&k| set[k]).collect();
        let values = &self.instance.values;
        items.sort_by(|&a, &b| values[b].total_cmp(&values[a]).then(a.cmp(&b)));
        items
    }

    /// The ids of `set`, by descending value.
    pub fn ids(&self, set: &[bool]) -> Vec<String> {
        self.ordered(set).into_iter().map(|k| self.id(k).to_owned()).collect()
    }

    /// How reports name a constraint.
    pub fn name(&self, c: Constraint) -> String {
        let list = |items: &[usize]| items.iter().map(|&k| self.id(k)).collect::<Vec<_>>().join(", ");
        match c {
            Constraint::Must(k) => format!("must {}", self.id(k)),
            Constraint::MustNot(k) => format!("must_not {}", self.id(k)),
            Constraint::Budget => "budget".to_owned(),
            Constraint::Resource(r) => self.spec.resources[r].0.clone(),
            Constraint::Requires(k) => {
                let (a, b) = self.instance.requires[k];
                format!("{} requires {}", self.id(a), self.id(b))
            }
            Constraint::Together(k) => format!("together [{}]", list(&self.instance.together[k])),
            Constraint::Group(k) => {
                let g = &self.instance.groups[k];
                let bounds = match (g.min, g.max) {
                    (Some(lo), Some(hi)) if lo == hi => format!("exactly {lo}"),
                    (Some(lo), Some(hi)) => format!("{lo} to {hi}"),
                    (Some(lo), None) => format!("at least {lo}"),
                    (None, Some(hi)) => format!("at most {hi}"),
                    (None, None) => "any".to_owned(),
                };
                format!("group [{}] {bounds}", list(&g.items))
            }
        }
    }

    /// The funded set's entries, totals, spend, slack and binding
    /// constraints, into `report`.
    pub fn fill(&self, report: &mut PortfolioReport<'_>, set: &[bool], status: Status, bound: Option<f64>) {
        let e = self.instance.evaluate(set);
        report.status = status;
        report.total = totals(&e);
        report.bound = match status {
            Status::Optimal => Some(e.value()),
            _ => bound.map(|b| b.max(e.value())),
        };
        report.funded = self
            .ordered(set)
            .into_iter()
            .map(|k| {
                let row = self.items.rows[k];
                Funded {
                    index: row,
                    id: self.id(k).to_owned(),
                    name: self.problem.alternatives().label(row).to_owned(),
                    value: self.instance.values[k],
                    cost: self.instance.costs[k],
                    platforms: self.spec.needs[row]
                        .iter()
                        .map(|&p| self.spec.platforms[p].id.clone())
                        .collect(),
                }
            })
            .collect();
        report.spend = self.spend(set, &e);
        report.slack = std::iter::once(("budget".to_owned(), self.instance.budget - e.spend()))
            .chain(
                self.spec
                    .resources
                    .iter()
                    .zip(&e.uses)
                    .map(|((id, cap), u)| (id.clone(), cap - u)),
            )
            .collect();
        report.binding = self.binding(set, &report.slack);
    }

    fn spend(&self, set: &[bool], e: &Evaluation) -> Spend {
        let platforms = self
            .instance
            .platforms
            .iter()
            .enumerate()
            .filter(|&(p, _)| e.paid[p])
            .map(|(p, platform)| {
                let users: Vec<bool> = (0..set.len()).map(|k| set[k] && platform.users.contains(&k)).collect();
                PaidPlatform {
                    id: self.spec.platforms[p].id.clone(),
                    name: self.spec.platforms[p].name.clone(),
                    fixed_cost: platform.fixed_cost,
                    shared_by: self.ids(&users),
                }
            })
            .collect();
        Spend {
            total: e.spend(),
            own_costs: e.own_costs,
            platforms,
        }
    }

    /// Budget and resources with no slack, and groups at a bound.
    fn binding(&self, set: &[bool], slack: &[(String, f64)]) -> Vec<String> {
        let tight = |left: f64, scale: f64| left.abs() <= 1e-9 * scale.abs().max(1.0);
        let mut out = Vec::new();
        let scales = std::iter::once(self.instance.budget).chain(self.spec.resources.iter().map(|r| r.1));
        for ((name, left), scale) in slack.iter().zip(scales) {
            if tight(*left, scale) {
                out.push(name.clone());
            }
        }
        for (k, g) in self.instance.groups.iter().enumerate() {
            let n = g.items.iter().filter(|&&i| set[i]).count();
            if g.max == Some(n) || g.min == Some(n) {
                out.push(self.name(Constraint::Group(k)));
            }
        }
        out
    }

    /// The baseline entry of `set`.
    pub fn baseline(&self, set: &[bool]) -> Baseline {
        let e = self.instance.evaluate(set);
        Baseline {
            funded: self.ids(set),
            value: e.value(),
            spend: e.spend(),
        }
    }
}

/// The split value of an evaluation.
pub(super) fn totals(e: &Evaluation) -> Totals {
    Totals {
        value: e.value(),
        own_values: e.own_values,
        synergies: e.synergies,
        learning_savings: e.learning_savings,
    }
}
