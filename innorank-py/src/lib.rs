//! The compiled half of the Python package `innorank`: the library's
//! commands (`rank`, `weights`, `sensitivity`, `robustness`, `portfolio`)
//! returning the JSON the command line writes, TOPSIS on numpy arrays, and
//! the two passes of [`innorank::column_stats`] for distributed engines.
//!
//! Nothing numeric happens here: each function converts its arguments,
//! calls the library and converts the result. The pure-Python half
//! (`python/innorank/__init__.py`) parses the JSON and adds the pandas
//! helper.

use pyo3::prelude::*;

mod arrays;
mod commands;
mod options;

pyo3::create_exception!(
    _innorank,
    InnorankError,
    pyo3::exceptions::PyValueError,
    "Invalid input: the message lists every problem found, located (file:line:column: field path: what is wrong), as the command line prints it."
);

/// The Python module `innorank._innorank`.
#[pymodule]
fn _innorank(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("InnorankError", m.py().get_type::<InnorankError>())?;
    m.add_function(wrap_pyfunction!(commands::rank, m)?)?;
    m.add_function(wrap_pyfunction!(commands::weights, m)?)?;
    m.add_function(wrap_pyfunction!(commands::sensitivity, m)?)?;
    m.add_function(wrap_pyfunction!(commands::robustness, m)?)?;
    m.add_function(wrap_pyfunction!(commands::portfolio, m)?)?;
    m.add_function(wrap_pyfunction!(commands::leaves, m)?)?;
    m.add_class::<arrays::ColumnStats>()?;
    m.add_function(wrap_pyfunction!(arrays::topsis, m)?)?;
    m.add_function(wrap_pyfunction!(arrays::column_stats, m)?)?;
    m.add_function(wrap_pyfunction!(arrays::merge, m)?)?;
    m.add_function(wrap_pyfunction!(arrays::score_block, m)?)?;
    m.add_function(wrap_pyfunction!(arrays::column_stats_from_state, m)?)?;
    Ok(())
}

/// Any library error as [`InnorankError`], with its message.
pub(crate) fn invalid(e: impl std::fmt::Display) -> PyErr {
    InnorankError::new_err(e.to_string())
}
