//! The mixed-integer program of an [`Instance`], built through `good_lp`
//! (the only file naming it) for `microlp`, pure Rust, by default (its
//! search runs in [`super::root`]), or HiGHS with the cargo feature `highs`.
//!
//! Variables: `x_i` in {0, 1} per item; `y_p` in [0, 1] per platform with
//! `y_p >= x_i` for its users (paid once, the budget pushes it down);
//! `z_ab` per synergy, in [0, 1] with `z <= x_a`, `z <= x_b` for a bonus,
//! in {0, 1} with `z >= x_a + x_b - 1` for a penalty (the objective pushes
//! it to `x_a x_b`); per learning platform one binary `l_pj` per achievable
//! pooled volume `v_j` (every subset sum of its users' volumes), `sum_j
//! l_pj = 1` and `sum_j l_pj v_j = sum_i q_i x_i`, so the objective's
//! `- sum_j l_pj C(v_j)` is the pooled cost exactly at every achievable
//! volume, not a linear approximation.

use std::collections::BTreeSet;

use good_lp::{
    Expression, ProblemVariables, ResolutionError, SolverModel, Variable, WithInitialSolution, WithTimeLimit,
    constraint, variable,
};

use super::{Constraint, Instance};

/// The most distinct pooled volumes a learning platform may have: one
/// binary each.
pub const MAX_POOLED_VOLUMES: usize = 4096;

/// How a solve ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// The set is optimal.
    Optimal,
    /// The time limit stopped the search; the set is the best found.
    TimeLimit,
    /// No set satisfies the constraints.
    Infeasible,
}

/// What a solve returns.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    /// How it ended.
    pub status: Status,
    /// One flag per item; all false when infeasible.
    pub funded: Vec<bool>,
    /// An upper bound on the optimal value (the solver's objective when
    /// optimal); `None` when infeasible or unknown.
    pub bound: Option<f64>,
}

/// Why a solve gave no answer.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum SolveError {
    /// A learning platform with too many distinct pooled volumes.
    #[error(
        "platform {platform} has more than {MAX_POOLED_VOLUMES} distinct pooled volumes; give fewer users or rounder volumes"
    )]
    TooManyVolumes {
        /// The platform's index.
        platform: usize,
    },
    /// The time limit passed before any feasible set was found.
    #[error("the time limit passed before any feasible portfolio was found; raise --time-limit")]
    NoSolutionInTime,
    /// The solver failed.
    #[error("the MIP solver failed: {0}")]
    Solver(String),
}

/// Options of one solve.
#[derive(Debug, Clone, Default)]
pub struct SolveOptions {
    /// Seconds the search may take (`None`: until optimal).
    pub time_limit: Option<f64>,
    /// A set to start from (a feasible one gives a time-limited run an
    /// answer at once).
    pub warm_start: Option<Vec<bool>>,
    /// Items fixed to funded (`true`) or not.
    pub fixed: Vec<(usize, bool)>,
    /// Sets excluded (no-good cuts): each must differ from the answer.
    pub exclude: Vec<Vec<bool>>,
    /// The constraints to impose (`None`: all of them).
    pub only: Option<Vec<Constraint>>,
    /// Only feasibility matters (the objective is dropped).
    pub feasibility: bool,
    /// The flipped LP bounds of this same instance with nothing fixed,
    /// from [`probes`](super::probes): a solve with items fixed or sets
    /// excluded (which only lower LP bounds) decides an item from its
    /// entry instead of re-solving the LP with the item flipped.
    pub probes: Option<std::sync::Arc<Probes>>,
}

/// For each item at 0 or 1 in the LP optimum of an instance, that value
/// and the LP bound with the item flipped (`-inf` when infeasible): any
/// set with the item flipped, under any further restriction, is worth at
/// most that bound.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Probes {
    // Read by the microlp root work only.
    #[cfg_attr(feature = "highs", allow(dead_code))]
    pub(super) flipped: Vec<Option<(bool, f64)>>,
}

impl Outcome {
    pub(super) fn infeasible(n: usize) -> Self {
        Outcome {
            status: Status::Infeasible,
            funded: vec![false; n],
            bound: None,
        }
    }
}

/// The program as good_lp variables and constraints; the items' variables
/// come first, in item order.
pub(super) struct Model {
    vars: ProblemVariables,
    x: Vec<Variable>,
    objective: Expression,
    rows: Vec<good_lp::Constraint>,
    relaxed: bool,
}

/// A 0-1 variable, or its relaxation to `[0, 1]`.
fn binary(relaxed: bool) -> good_lp::VariableDefinition {
    if relaxed {
        variable().clamp(0.0, 1.0)
    } else {
        variable().binary()
    }
}

impl Model {
    /// The program of `instance` under `options`; with `relaxed`, every
    /// binary is a continuous variable in `[0, 1]` (the LP relaxation).
    /// Fixed items are fixed by their bounds, not by rows.
    pub(super) fn build(instance: &Instance, options: &SolveOptions, relaxed: bool) -> Result<Self, SolveError> {
        Self::paying(instance, options, relaxed, &[])
    }

    /// As [`Model::build`], with the platforms `paid` fixed to paid.
    pub(super) fn paying(
        instance: &Instance,
        options: &SolveOptions,
        relaxed: bool,
        paid: &[usize],
    ) -> Result<Self, SolveError> {
        let mut vars = ProblemVariables::new();
        let mut bounds = vec![(0.0, 1.0); instance.len()];
        for &(i, on) in &options.fixed {
            let v = f64::from(u8::from(on));
            bounds[i] = (v, v);
        }
        let x: Vec<Variable> = bounds
            .iter()
            .map(|&(lo, hi)| vars.add(binary(relaxed).clamp(lo, hi)))
            .collect();
        let mut model = Model {
            vars,
            objective: Expression::default(),
            rows: Vec::new(),
            x,
            relaxed,
        };
        let active = options.only.clone().unwrap_or_else(|| instance.constraints());
        let y = model.platforms(instance, active.contains(&Constraint::Budget), paid);
        model.synergies(instance);
        model.learning(instance)?;
        for c in active {
            model.constraint(instance, c, &y);
        }
        for set in &options.exclude {
            // sum_{i in S} (1 - x_i) + sum_{i not in S} x_i >= 1
            let mut differ = Expression::default();
            let mut inside = 0.0;
            for (i, &on) in set.iter().enumerate() {
                if on {
                    differ -= model.x[i];
                    inside += 1.0;
                } else {
                    differ += model.x[i];
                }
            }
            model.rows.push(constraint!(differ + inside >= 1.0));
        }
        if options.feasibility {
            model.objective = Expression::default();
        } else {
            for (i, &v) in instance.values.iter().enumerate() {
                model.objective += v * model.x[i];
            }
        }
        Ok(model)
    }

    /// `y_p >= x_i` for each user; `y` only matters through the budget.
    fn platforms(&mut self, instance: &Instance, budget: bool, paid: &[usize]) -> Vec<Variable> {
        let mut y = Vec::new();
        for (k, p) in instance.platforms.iter().enumerate() {
            let low = if paid.contains(&k) { 1.0 } else { 0.0 };
            let yp = self.vars.add(variable().clamp(low, 1.0));
            if budget {
                for &i in &p.users {
                    self.rows.push(constraint!(yp >= self.x[i]));
                }
            }
            y.push(yp);
        }
        y
    }

    fn synergies(&mut self, instance: &Instance) {
        for &(a, b, bonus) in &instance.synergies {
            // A penalty's product is binary: branching on it directly
            // halved the solve time of the 200-proposal benchmark.
            let z = self.vars.add(binary(self.relaxed || bonus >= 0.0));
            if bonus >= 0.0 {
                self.rows.push(constraint!(z <= self.x[a]));
                self.rows.push(constraint!(z <= self.x[b]));
            } else {
                self.rows.push(constraint!(z >= self.x[a] + self.x[b] - 1.0));
            }
            self.objective += bonus * z;
        }
    }

    /// One binary per achievable pooled volume of each learning platform.
    fn learning(&mut self, instance: &Instance) -> Result<(), SolveError> {
        for (p, platform) in instance.platforms.iter().enumerate() {
            let Some(learning) = &platform.learning else {
                continue;
            };
            let volumes = pooled_volumes(&learning.volumes).ok_or(SolveError::TooManyVolumes { platform: p })?;
            let mut one = Expression::default();
            let mut pooled = Expression::default();
            for &v in &volumes {
                let l = self.vars.add(binary(self.relaxed));
                one += l;
                pooled += (v as f64) * l;
                self.objective -= learning.cost(v) * l;
            }
            for (&i, &q) in platform.users.iter().zip(&learning.volumes) {
                pooled -= (q as f64) * self.x[i];
                self.objective += learning.cost(q) * self.x[i];
            }
            self.rows.push(constraint!(one == 1.0));
            self.rows.push(constraint!(pooled == 0.0));
        }
        Ok(())
    }

    fn constraint(&mut self, instance: &Instance, c: Constraint, y: &[Variable]) {
        let x = &self.x;
        let sum = |items: &[usize]| items.iter().map(|&i| x[i]).sum::<Expression>();
        let row = match c {
            Constraint::Must(i) => constraint!(x[i] == 1.0),
            Constraint::MustNot(i) => constraint!(x[i] == 0.0),
            Constraint::Budget => {
                let mut spend: Expression = instance.costs.iter().zip(x).map(|(&c, &xi)| c * xi).sum();
                spend += instance
                    .platforms
                    .iter()
                    .zip(y)
                    .map(|(p, &yp)| p.fixed_cost * yp)
                    .sum::<Expression>();
                constraint!(spend <= instance.budget)
            }
            Constraint::Resource(r) => {
                let resource = &instance.resources[r];
                let used: Expression = resource.uses.iter().map(|&(i, u)| u * x[i]).sum();
                constraint!(used <= resource.capacity)
            }
            Constraint::Requires(k) => {
                let (a, b) = instance.requires[k];
                constraint!(x[a] <= x[b])
            }
            Constraint::Together(k) => {
                let set = &instance.together[k];
                for &i in &set[1..] {
                    self.rows.push(constraint!(x[i] == x[set[0]]));
                }
                return;
            }
            Constraint::Group(k) => {
                let group = &instance.groups[k];
                let n = sum(&group.items);
                if let Some(min) = group.min {
                    self.rows.push(constraint!(n.clone() >= min as f64));
                }
                match group.max {
                    Some(max) => constraint!(n <= max as f64),
                    None => return,
                }
            }
        };
        self.rows.push(row);
    }

    /// Solves the program as it is.
    pub(super) fn run(self, n: usize, options: &SolveOptions) -> Result<Outcome, SolveError> {
        let Model {
            vars,
            x,
            objective,
            rows,
            ..
        } = self;
        let warm: Vec<(Variable, f64)> = options
            .warm_start
            .iter()
            .flat_map(|set| set.iter().zip(&x).map(|(&on, &xi)| (xi, f64::from(u8::from(on)))))
            .collect();
        let mut problem = backend::model(vars.maximise(objective));
        if !warm.is_empty() {
            problem = problem.with_initial_solution(warm);
        }
        if let Some(seconds) = options.time_limit {
            problem = problem.with_time_limit(seconds);
        }
        for row in rows {
            problem.add_constraint(row);
        }
        match backend::solve(problem, &x) {
            Ok((funded, status, bound)) => Ok(Outcome { status, funded, bound }),
            Err(ResolutionError::Infeasible) => Ok(Outcome::infeasible(n)),
            Err(ResolutionError::Other(m)) if m.contains("Time limit") => Err(SolveError::NoSolutionInTime),
            // HiGHS stopped by the time limit before any feasible set.
            Err(ResolutionError::Other("NoSolutionFound")) if options.time_limit.is_some() => {
                Err(SolveError::NoSolutionInTime)
            }
            Err(e) => Err(SolveError::Solver(e.to_string())),
        }
    }
}

/// The program for the microlp backend.
#[cfg(not(feature = "highs"))]
impl Model {
    pub(super) fn into_microlp(self) -> good_lp::solvers::microlp::MicroLpProblem {
        let mut problem = backend::model(self.vars.maximise(self.objective));
        for row in self.rows {
            problem.add_constraint(row);
        }
        problem
    }
}

/// Every distinct subset sum of `volumes`, ascending (0 first); `None`
/// past [`MAX_POOLED_VOLUMES`].
fn pooled_volumes(volumes: &[u64]) -> Option<Vec<u64>> {
    let mut sums = BTreeSet::from([0u64]);
    for &q in volumes {
        let shifted: Vec<u64> = sums.iter().map(|s| s + q).collect();
        sums.extend(shifted);
        if sums.len() > MAX_POOLED_VOLUMES {
            return None;
        }
    }
    Some(sums.into_iter().collect())
}

/// microlp, pure Rust: builds with cargo alone.
#[cfg(not(feature = "highs"))]
mod backend {
    use good_lp::solvers::microlp::{MicroLpProblem, microlp};
    use good_lp::variable::UnsolvedProblem;
    use good_lp::{ResolutionError, Solution, SolutionStatus, Variable};

    use super::Status;

    pub fn model(problem: UnsolvedProblem) -> MicroLpProblem {
        problem.using(microlp)
    }

    /// The set, how the search ended and the solver's bound.
    pub fn solve(problem: MicroLpProblem, x: &[Variable]) -> Result<(Vec<bool>, Status, Option<f64>), ResolutionError> {
        let solution = good_lp::SolverModel::solve(problem)?;
        let funded = x.iter().map(|&v| solution.value(v) > 0.5).collect();
        // good_lp reads HiGHS's "optimal" with a gap left within HiGHS's
        // absolute tolerance (1e-6) as `GapLimit`: still optimal to that
        // tolerance, as microlp's answers are to theirs.
        let status = match solution.status() {
            SolutionStatus::Optimal | SolutionStatus::GapLimit => Status::Optimal,
            SolutionStatus::TimeLimit => Status::TimeLimit,
        };
        let inner = solution.into_inner();
        let bound = match status {
            Status::Optimal => Some(inner.objective()),
            _ => inner.stats().best_bound,
        };
        Ok((funded, status, bound))
    }
}

/// HiGHS (cargo feature `highs`): faster on large dense instances.
#[cfg(feature = "highs")]
mod backend {
    use good_lp::solvers::highs::{HighsProblem, highs};
    use good_lp::variable::UnsolvedProblem;
    use good_lp::{ResolutionError, Solution, SolutionStatus, Variable};

    use super::Status;

    /// The program for HiGHS, to a gap of 0: its default relative gap
    /// (1e-4) would stop short of a proof.
    pub fn model(problem: UnsolvedProblem) -> HighsProblem {
        problem.using(highs).set_option("mip_rel_gap", 0.0)
    }

    /// The set and how the search ended; no bound (good_lp does not expose
    /// HiGHS's): the caller takes the optimal set's value as the bound.
    pub fn solve(problem: HighsProblem, x: &[Variable]) -> Result<(Vec<bool>, Status, Option<f64>), ResolutionError> {
        let solution = good_lp::SolverModel::solve(problem)?;
        let funded = x.iter().map(|&v| solution.value(v) > 0.5).collect();
        // good_lp reads HiGHS's "optimal" with a gap left within HiGHS's
        // absolute tolerance (1e-6) as `GapLimit`: still optimal to that
        // tolerance, as microlp's answers are to theirs.
        let status = match solution.status() {
            SolutionStatus::Optimal | SolutionStatus::GapLimit => Status::Optimal,
            SolutionStatus::TimeLimit => Status::TimeLimit,
        };
        Ok((funded, status, None))
    }
}
