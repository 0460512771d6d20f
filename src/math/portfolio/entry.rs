//! The entry points: [`solve`] and [`conflicts`]. With microlp an
//! optimisation goes through the root work of [`super::root`]; feasibility
//! checks, and every solve with HiGHS, run the program as it is.

use super::solver::{Model, Outcome, Probes, SolveError, SolveOptions, Status};
use super::{Constraint, Instance};

/// Solves `instance` to optimality (or to the time limit).
///
/// ```
/// use innorank::portfolio::{Instance, Status, SolveOptions, solve};
///
/// let instance = Instance {
///     values: vec![9.0, 5.0, 6.0, 4.0],
///     costs: vec![6.0, 3.0, 5.0, 2.0],
///     budget: 10.0,
///     ..Instance::default()
/// };
/// // Without its logical constraints, California Manufacturing's best
/// // use of the 10 is the last three (NPV 15).
/// let outcome = solve(&instance, &SolveOptions::default()).unwrap();
/// assert_eq!(outcome.status, Status::Optimal);
/// assert_eq!(outcome.funded, vec![false, true, true, true]);
/// ```
///
/// # Errors
///
/// [`SolveError::TooManyVolumes`] for a learning platform with more than
/// [`MAX_POOLED_VOLUMES`](super::MAX_POOLED_VOLUMES) achievable pooled volumes;
/// [`SolveError::NoSolutionInTime`] when the time limit passes before a
/// feasible set is found; [`SolveError::Solver`] when the solver fails.
pub fn solve(instance: &Instance, options: &SolveOptions) -> Result<Outcome, SolveError> {
    let mut outcome = search(instance, options)?;
    if outcome.status == Status::Optimal && outcome.bound.is_none() && !options.feasibility {
        // A backend without a bound (HiGHS): the optimum's exact value.
        outcome.bound = Some(instance.evaluate(&outcome.funded).value());
    }
    // The solver's tolerances must not let through a set that breaks a
    // constraint by more than rounding.
    if options.only.is_none()
        && outcome.status != Status::Infeasible
        && let Some(broken) = instance.violation(&outcome.funded)
    {
        return Err(SolveError::Solver(format!("its portfolio breaks {broken:?}")));
    }
    Ok(outcome)
}

/// The root work, or the program as it is (see the module documentation).
fn search(instance: &Instance, options: &SolveOptions) -> Result<Outcome, SolveError> {
    #[cfg(not(feature = "highs"))]
    if !options.feasibility {
        return super::root::solve(instance, options);
    }
    Model::build(instance, options, false)?.run(instance.len(), options)
}

/// The LP bound of `instance` with each item flipped from its value in
/// the LP optimum, computed once for [`SolveOptions::probes`]: the
/// re-solves of the same instance with one item forced in (the "why not"
/// of each shelved item) then re-solve only the LPs of items whose flipped
/// bound does not already rule them out. Empty with HiGHS, whose solves do
/// not probe.
///
/// # Errors
///
/// As [`solve`].
pub fn probes(instance: &Instance) -> Result<Probes, SolveError> {
    #[cfg(not(feature = "highs"))]
    return super::root::probes(instance);
    #[cfg(feature = "highs")]
    {
        let _ = instance;
        Ok(Probes::default())
    }
}

/// A smallest set of constraints that conflict, found by a deletion
/// filter (each constraint dropped in turn stays dropped while the rest
/// are still infeasible): an irreducible infeasible subset. With `forced`,
/// that item is held funded and never named. Empty when feasible.
///
/// # Errors
///
/// As [`solve`].
pub fn conflicts(
    instance: &Instance,
    forced: Option<usize>,
    time_limit: Option<f64>,
) -> Result<Vec<Constraint>, SolveError> {
    let feasible = |only: &[Constraint]| -> Result<bool, SolveError> {
        let options = SolveOptions {
            time_limit,
            fixed: forced.map(|i| vec![(i, true)]).unwrap_or_default(),
            only: Some(only.to_vec()),
            feasibility: true,
            ..SolveOptions::default()
        };
        Ok(solve(instance, &options)?.status != Status::Infeasible)
    };
    let mut kept = instance.constraints();
    if feasible(&kept)? {
        return Ok(Vec::new());
    }
    let mut k = 0;
    while k < kept.len() {
        let mut trial = kept.clone();
        trial.remove(k);
        if feasible(&trial)? {
            k += 1;
        } else {
            kept = trial;
        }
    }
    Ok(kept)
}
