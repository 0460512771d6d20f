//! The library's commands, each returning the JSON text the command line
//! writes with `--format json` (the same `Serialize` types), which the
//! Python half parses into dicts and lists.

use std::path::{Path, PathBuf};

use innorank::Problem;
use innorank::pipeline::portfolio::{PortfolioOptions, portfolio_admission};
use innorank::pipeline::robustness::{RobustnessOptions, WeightRows, WeightsModel};
use innorank::pipeline::sensitivity::{SensitivityError, SensitivityOptions};
use innorank::pipeline::{WeightsJson, rankable, suggest_for_inconsistent, weigh_with, weight_warnings};
use innorank::problem::Admission;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::invalid;
use crate::options::Options;

/// Where a problem comes from: a path, or YAML text (a string with a line
/// break).
#[derive(FromPyObject)]
pub enum Source {
    Text(String),
    Path(PathBuf),
}

/// Loads `source`, refusing (located) what `admit` finds.
fn load(source: Source, options: &mut Options<'_>, admit: Option<Admission>) -> PyResult<Problem> {
    let mut load = options.load()?;
    load.admit = admit;
    let loaded = match source {
        Source::Text(text) if text.contains('\n') => Problem::from_bytes(text.as_bytes(), "<text>", &load),
        Source::Text(path) => Problem::from_path(Path::new(&path), &load),
        Source::Path(path) => Problem::from_path(&path, &load),
    };
    loaded.map_err(invalid)
}

fn json(value: &impl serde::Serialize) -> PyResult<String> {
    serde_json::to_string(value).map_err(|e| PyValueError::new_err(e.to_string()))
}

/// `innorank rank --format json`. Options: the ranking and weighting
/// options, `satisfactory`, `explain`, `top` (keep the best N), and the
/// loading options.
#[pyfunction]
#[pyo3(signature = (problem, options=None))]
pub fn rank(py: Python<'_>, problem: Source, options: Option<&Bound<'_, PyDict>>) -> PyResult<String> {
    let mut o = Options::new(options)?;
    let rank = innorank::RankOptions {
        satisfactory: o.get::<f64>("satisfactory")?,
        ..o.ranking()?
    };
    let explain = o.get::<bool>("explain")?.unwrap_or(false);
    let top = o.get::<usize>("top")?;
    let problem = load(problem, &mut o, Some(rankable(rank)))?;
    o.finish()?;
    py.detach(|| {
        let mut report = innorank::rank(&problem, &rank).map_err(invalid)?;
        if let Some(n) = top {
            report.ranking.truncate(n);
        }
        if explain {
            json(&report.explained())
        } else {
            json(&report)
        }
    })
}

/// `innorank weights --format json`. Options: the weighting options,
/// `suggest`, and the loading options.
#[pyfunction]
#[pyo3(signature = (problem, options=None))]
pub fn weights(problem: Source, options: Option<&Bound<'_, PyDict>>) -> PyResult<String> {
    let mut o = Options::new(options)?;
    let weighing = o.weighing()?;
    let suggest = o.get::<bool>("suggest")?.unwrap_or(false);
    let problem = load(problem, &mut o, None)?;
    o.finish()?;
    let weights = weigh_with(problem.criteria(), &weighing).map_err(invalid)?;
    let mut warnings = problem.warnings().to_vec();
    warnings.extend(weight_warnings(&weights, weighing.cr_threshold));
    let suggestions = if suggest {
        suggest_for_inconsistent(&problem, &weights, &weighing)
    } else {
        Vec::new()
    };
    json(&WeightsJson {
        problem: &problem,
        weights: &weights,
        options: weighing,
        suggestions: &suggestions,
        warnings: &warnings,
    })
}

/// `innorank sensitivity --format json`. Options: the ranking and
/// weighting options, `shortlist`, `judgments`, `curve` (a node id) with
/// `steps`, and the loading options.
#[pyfunction]
#[pyo3(signature = (problem, options=None))]
pub fn sensitivity(py: Python<'_>, problem: Source, options: Option<&Bound<'_, PyDict>>) -> PyResult<String> {
    let mut o = Options::new(options)?;
    let rank = o.ranking()?;
    let defaults = SensitivityOptions::default();
    let shortlist = o.get::<usize>("shortlist")?.unwrap_or(defaults.shortlist);
    let judgments = o.get::<bool>("judgments")?.unwrap_or(false);
    let curve = o.get::<String>("curve")?;
    let steps = o.get::<usize>("steps")?.unwrap_or(100);
    let problem = load(problem, &mut o, Some(rankable(rank)))?;
    o.finish()?;
    let failed = |e: SensitivityError| invalid(e);
    py.detach(|| match curve {
        Some(node) => json(&innorank::pipeline::sensitivity::curve(&problem, &rank, &node, steps).map_err(failed)?),
        None => {
            let options = SensitivityOptions {
                rank,
                shortlist,
                judgments,
            };
            json(&innorank::pipeline::sensitivity::sensitivity(&problem, &options).map_err(failed)?)
        }
    })
}

/// `innorank robustness --format json`. Options: the ranking and
/// weighting options, `draws` (10000), `ranks`, `seed` (0), `weights`
/// (`judgments`, `uniform` or `ordinal`), `judgment_spread` (1),
/// `pairwise`, `weights_from` (a CSV of weight rows, as `--draws-out`
/// writes them, replayed instead of drawing), and the loading options.
#[pyfunction]
#[pyo3(signature = (problem, options=None))]
pub fn robustness(py: Python<'_>, problem: Source, options: Option<&Bound<'_, PyDict>>) -> PyResult<String> {
    let mut o = Options::new(options)?;
    let rank = o.ranking()?;
    let weights = match o.get::<String>("weights")?.as_deref() {
        None => None,
        Some("judgments") => Some(WeightsModel::Judgments),
        Some("uniform") => Some(WeightsModel::Uniform),
        Some("ordinal") => Some(WeightsModel::Ordinal),
        Some(other) => {
            return Err(PyValueError::new_err(format!(
                "weights: unknown model `{other}`; expected one of: judgments, uniform, ordinal"
            )));
        }
    };
    let draws = o.get::<u64>("draws")?;
    let weights_from = o.get::<PathBuf>("weights_from")?;
    if weights_from.is_some() && (weights.is_some() || draws.is_some()) {
        return Err(PyValueError::new_err(
            "weights_from replays its rows: it takes neither `weights` nor `draws`",
        ));
    }
    let mut options = RobustnessOptions {
        rank,
        draws: draws.unwrap_or(10_000),
        ranks: o.get::<usize>("ranks")?,
        seed: o.get::<u64>("seed")?.unwrap_or(0),
        weights,
        judgment_spread: o.get::<usize>("judgment_spread")?.unwrap_or(1),
        pairwise: o.get::<bool>("pairwise")?.unwrap_or(false),
    };
    if options.draws == 0 || options.draws > u64::from(u32::MAX) {
        return Err(PyValueError::new_err("draws must be in 1..=4294967295"));
    }
    let problem = load(problem, &mut o, Some(rankable(rank)))?;
    o.finish()?;
    if let Some(path) = weights_from {
        let text =
            std::fs::read_to_string(&path).map_err(|e| invalid(format!("weights_from {}: {e}", path.display())))?;
        let leaves: Vec<&str> = problem.criteria().leaves().map(|(c, _)| c.id.as_str()).collect();
        let rows = WeightRows::parse(&text, &leaves).map_err(|e| invalid(format!("{}: {e}", path.display())))?;
        options.weights = Some(WeightsModel::Replay(rows));
    }
    py.detach(|| json(&innorank::pipeline::robustness::robustness(&problem, &options, &|_| {}).map_err(invalid)?))
}

/// `innorank portfolio --format json`. Options: the weighting options,
/// `method` (overrides the section's value), `normalization`, `synthesis`,
/// `budget`, `frontier` (a list of budgets), `next`, `time_limit`,
/// `robust` (draws) with `seed`, and the loading options.
#[pyfunction]
#[pyo3(signature = (problem, options=None))]
pub fn portfolio(py: Python<'_>, problem: Source, options: Option<&Bound<'_, PyDict>>) -> PyResult<String> {
    let mut o = Options::new(options)?;
    let method_override = o.maybe_choice("method")?;
    let rank = innorank::RankOptions {
        method: method_override.unwrap_or_default(),
        normalization: o.choice("normalization", Default::default())?,
        synthesis: o.choice("synthesis", Default::default())?,
        weighing: o.weighing()?,
        ..innorank::RankOptions::default()
    };
    let robust = o.get::<u64>("robust")?;
    let seed = o.get::<u64>("seed")?.unwrap_or(0);
    let options = PortfolioOptions {
        rank,
        method_override,
        budget: o.get::<f64>("budget")?,
        frontier: o.get::<Vec<f64>>("frontier")?.unwrap_or_default(),
        next: o.get::<usize>("next")?.unwrap_or(0),
        time_limit: o.get::<f64>("time_limit")?,
        robust: robust.map(|n| (n, seed)),
    };
    let problem = load(problem, &mut o, Some(portfolio_admission(rank)))?;
    o.finish()?;
    py.detach(|| json(&innorank::pipeline::portfolio::portfolio(&problem, &options).map_err(invalid)?))
}

/// The leaf criteria in column order, as `(ids, weights, directions)`:
/// the global weights under the weighting options, and each direction as
/// `"benefit"`, `"cost"` or `("target", value)`. What `topsis`,
/// `column_stats` and `score_block` need to rank a problem's alternatives
/// held elsewhere (a DataFrame, a Dask or Polars frame).
#[pyfunction]
#[pyo3(signature = (problem, options=None))]
#[allow(clippy::type_complexity)]
pub fn leaves(
    py: Python<'_>,
    problem: Source,
    options: Option<&Bound<'_, PyDict>>,
) -> PyResult<(Vec<String>, Vec<f64>, Vec<Py<PyAny>>)> {
    let mut o = Options::new(options)?;
    let weighing = o.weighing()?;
    let problem = load(problem, &mut o, None)?;
    o.finish()?;
    let weights = weigh_with(problem.criteria(), &weighing).map_err(invalid)?;
    let ids = problem.criteria().leaves().map(|(c, _)| c.id.clone()).collect();
    let directions = problem
        .criteria()
        .directions()
        .into_iter()
        .map(|d| crate::arrays::direction_to_py(py, d))
        .collect::<PyResult<Vec<_>>>()?;
    Ok((ids, weights.leaves.as_slice().to_vec(), directions))
}
