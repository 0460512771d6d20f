//! TOPSIS on numpy arrays, and its two passes ([`innorank::column_stats`])
//! for engines that split the rows. A C-contiguous float64 array is
//! borrowed as it is; any other layout is copied once into row order.

use std::borrow::Cow;

use innorank::column_stats::{ColumnStats as Stats, ColumnSummary};
use innorank::topsis::{Normalization, Topsis};
use innorank::{Direction, Weights};
use numpy::{PyArray1, PyReadonlyArray2, PyUntypedArrayMethods};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyTuple};

use crate::invalid;

/// Statistics of the rows of one or more blocks, per column: pass 1 of
/// TOPSIS in two passes. Merge them with `merge`; pickle them to send them
/// between processes.
#[pyclass(module = "innorank._innorank", frozen)]
pub struct ColumnStats(Stats);

#[pymethods]
impl ColumnStats {
    /// The statistics of the rows of both.
    fn merge(&self, other: &ColumnStats) -> PyResult<ColumnStats> {
        self.0.merge(&other.0).map(ColumnStats).map_err(invalid)
    }

    /// The number of rows summarised.
    #[getter]
    fn count(&self) -> u64 {
        self.0.count()
    }

    /// The directions, as `"benefit"`, `"cost"` or `("target", value)`.
    #[getter]
    fn directions(&self, py: Python<'_>) -> PyResult<Vec<Py<PyAny>>> {
        self.0.directions().iter().map(|&d| direction_to_py(py, d)).collect()
    }

    /// Per column: `min`, `max`, `largest` (magnitude) and `squares`
    /// (`sum (value / largest)^2`) of the value ranked (for a target
    /// column `|x - target| / 2`).
    fn summaries<'py>(&self, py: Python<'py>) -> PyResult<Vec<Bound<'py, PyDict>>> {
        self.0
            .summaries()
            .iter()
            .map(|s| {
                let d = PyDict::new(py);
                d.set_item("min", s.min)?;
                d.set_item("max", s.max)?;
                d.set_item("largest", s.largest)?;
                d.set_item("squares", s.squares)?;
                Ok(d)
            })
            .collect()
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        let rebuild = py.import("innorank._innorank")?.getattr("_column_stats_from_state")?;
        let parts: Vec<(f64, f64, f64, f64)> = self
            .0
            .summaries()
            .iter()
            .map(|s| (s.min, s.max, s.largest, s.squares))
            .collect();
        let state = (self.directions(py)?, self.0.count(), parts).into_pyobject(py)?;
        Ok((rebuild, PyTuple::new(py, [state])?))
    }

    fn __repr__(&self) -> String {
        format!("ColumnStats(rows={}, columns={})", self.0.count(), self.0.cols())
    }
}

/// Rebuilds pickled [`ColumnStats`].
#[pyfunction]
#[pyo3(name = "_column_stats_from_state")]
#[allow(clippy::type_complexity)]
pub fn column_stats_from_state(
    state: (Vec<Bound<'_, PyAny>>, u64, Vec<(f64, f64, f64, f64)>),
) -> PyResult<ColumnStats> {
    let (directions, count, parts) = state;
    let directions = directions_from_py(&directions)?;
    let columns = parts
        .into_iter()
        .map(|(min, max, largest, squares)| ColumnSummary {
            min,
            max,
            largest,
            squares,
        })
        .collect();
    Stats::from_parts(&directions, count, columns)
        .map(ColumnStats)
        .map_err(invalid)
}

/// TOPSIS closeness of every row of `matrix`.
#[pyfunction]
#[pyo3(signature = (matrix, weights, directions, normalization="vector"))]
pub fn topsis<'py>(
    py: Python<'py>,
    matrix: PyReadonlyArray2<'py, f64>,
    weights: Vec<f64>,
    directions: Vec<Bound<'py, PyAny>>,
    normalization: &str,
) -> PyResult<Bound<'py, PyArray1<f64>>> {
    let directions = directions_from_py(&directions)?;
    let topsis = Topsis::new(parse_normalization(normalization)?);
    let weights = Weights::new(weights).map_err(invalid)?;
    let block = rows(&matrix, directions.len())?;
    let scores = py.detach(|| {
        let stats = Stats::of_block(&block, &directions)?;
        topsis.closeness_block(&block, &stats, &weights)
    });
    Ok(PyArray1::from_vec(py, scores.map_err(invalid)?))
}

/// Pass 1: the statistics of the rows of `block`.
#[pyfunction]
pub fn column_stats<'py>(
    py: Python<'py>,
    block: PyReadonlyArray2<'py, f64>,
    directions: Vec<Bound<'py, PyAny>>,
) -> PyResult<ColumnStats> {
    let directions = directions_from_py(&directions)?;
    let block = rows(&block, directions.len())?;
    py.detach(|| Stats::of_block(&block, &directions))
        .map(ColumnStats)
        .map_err(invalid)
}

/// The statistics of the rows of both.
#[pyfunction]
pub fn merge(a: &ColumnStats, b: &ColumnStats) -> PyResult<ColumnStats> {
    a.merge(b)
}

/// Pass 2: the TOPSIS closeness of every row of `block`, with the merged
/// statistics of all the rows.
#[pyfunction]
#[pyo3(signature = (block, stats, weights, normalization="vector"))]
pub fn score_block<'py>(
    py: Python<'py>,
    block: PyReadonlyArray2<'py, f64>,
    stats: &ColumnStats,
    weights: Vec<f64>,
    normalization: &str,
) -> PyResult<Bound<'py, PyArray1<f64>>> {
    let topsis = Topsis::new(parse_normalization(normalization)?);
    let weights = Weights::new(weights).map_err(invalid)?;
    let block = rows(&block, stats.0.cols())?;
    let scores = py.detach(|| topsis.closeness_block(&block, &stats.0, &weights));
    Ok(PyArray1::from_vec(py, scores.map_err(invalid)?))
}

/// The array's values in row order: borrowed when C-contiguous, else
/// copied. Fails unless it has `cols` columns.
fn rows<'a>(array: &'a PyReadonlyArray2<'_, f64>, cols: usize) -> PyResult<Cow<'a, [f64]>> {
    let found = array.shape()[1];
    if found != cols {
        return Err(PyValueError::new_err(format!(
            "the array has {found} columns but {cols} directions are given"
        )));
    }
    // `as_slice` also accepts Fortran order, whose memory is by column.
    Ok(match array.as_slice() {
        Ok(slice) if array.is_c_contiguous() => Cow::Borrowed(slice),
        _ => Cow::Owned(array.as_array().iter().copied().collect()),
    })
}

fn parse_normalization(name: &str) -> PyResult<Normalization> {
    name.parse::<Normalization>()
        .map_err(|e| PyValueError::new_err(e.to_string()))
}

/// `"benefit"`, `"cost"` or `("target", value)`.
pub fn direction_to_py(py: Python<'_>, d: Direction) -> PyResult<Py<PyAny>> {
    Ok(match d {
        Direction::Target(t) => ("target", t).into_pyobject(py)?.into_any().unbind(),
        other => other.name().into_pyobject(py)?.into_any().unbind(),
    })
}

/// Directions from `"benefit"`, `"cost"` or `("target", value)`.
fn directions_from_py(items: &[Bound<'_, PyAny>]) -> PyResult<Vec<Direction>> {
    items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            if let Ok(name) = item.extract::<String>() {
                match name.as_str() {
                    "benefit" => return Ok(Direction::Benefit),
                    "cost" => return Ok(Direction::Cost),
                    _ => {}
                }
            } else if let Ok((kind, target)) = item.extract::<(String, f64)>()
                && kind == "target"
                && target.is_finite()
            {
                return Ok(Direction::Target(target));
            }
            Err(PyValueError::new_err(format!(
                "directions[{i}]: expected \"benefit\", \"cost\" or (\"target\", value), got {item}"
            )))
        })
        .collect()
}
