//! Keyword options, named as the command line's flags (`--ahp-method`
//! becomes `ahp_method`), read from the `**options` dict; a name no option
//! of the function has is a `TypeError`, as Python does for keywords.

use std::path::PathBuf;
use std::str::FromStr;

use innorank::pipeline::WeighOptions;
use innorank::problem::{CriteriaLibrary, csv_delimiter};
use innorank::{LoadOptions, RankOptions};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyDict;

/// The options given to one call, taken one by one.
pub struct Options<'py> {
    given: Vec<(String, Bound<'py, PyAny>)>,
    taken: Vec<&'static str>,
}

impl<'py> Options<'py> {
    /// The options of `dict` (none for `None`).
    pub fn new(dict: Option<&Bound<'py, PyDict>>) -> PyResult<Self> {
        let mut given = Vec::new();
        if let Some(dict) = dict {
            for (k, v) in dict.iter() {
                given.push((k.extract::<String>()?, v));
            }
        }
        Ok(Options {
            given,
            taken: Vec::new(),
        })
    }

    /// The value of `name`, if given and not `None`.
    pub fn get<T: for<'a> FromPyObject<'a, 'py>>(&mut self, name: &'static str) -> PyResult<Option<T>> {
        self.taken.push(name);
        match self.given.iter().find(|(k, _)| k == name) {
            Some((_, v)) if !v.is_none() => v
                .extract::<T>()
                .map(Some)
                .map_err(|_| PyTypeError::new_err(format!("option `{name}`: expected {}", std::any::type_name::<T>()))),
            _ => Ok(None),
        }
    }

    /// The value of `name` parsed from its name (`"topsis"`), or `default`.
    pub fn choice<T: FromStr>(&mut self, name: &'static str, default: T) -> PyResult<T>
    where
        T::Err: std::fmt::Display,
    {
        Ok(self.maybe_choice(name)?.unwrap_or(default))
    }

    /// The value of `name` parsed from its name, if given.
    pub fn maybe_choice<T: FromStr>(&mut self, name: &'static str) -> PyResult<Option<T>>
    where
        T::Err: std::fmt::Display,
    {
        self.get::<String>(name)?
            .map(|s| s.parse::<T>().map_err(|e| PyValueError::new_err(e.to_string())))
            .transpose()
    }

    /// `TypeError` naming the options given that this call does not take.
    pub fn finish(self) -> PyResult<()> {
        let unknown: Vec<&str> = self
            .given
            .iter()
            .map(|(k, _)| k.as_str())
            .filter(|k| !self.taken.contains(k))
            .collect();
        if unknown.is_empty() {
            return Ok(());
        }
        let mut known = self.taken.clone();
        known.sort_unstable();
        known.dedup();
        Err(PyTypeError::new_err(format!(
            "unknown option(s): {}; this function takes: {}",
            unknown.join(", "),
            known.join(", ")
        )))
    }

    /// How to load the problem: `alternatives` (a CSV or spreadsheet
    /// replacing the problem's), `allow_outside_paths`,
    /// `ignore_extra_columns`, `sheet`, `delimiter` (`","`, `";"`, `"|"`
    /// or `"tab"`), `max_size` and `max_csv_size` (bytes), `criteria_dir`
    /// (a folder of criteria added to the built-in library).
    pub fn load(&mut self) -> PyResult<LoadOptions> {
        let defaults = LoadOptions::default();
        let csv_delimiter = self
            .get::<String>("delimiter")?
            .map(|d| csv_delimiter(&d).map_err(|e| PyValueError::new_err(format!("option `delimiter`: {e}"))))
            .transpose()?;
        let library = match self.get::<PathBuf>("criteria_dir")? {
            Some(dir) => Some(CriteriaLibrary::built_in_with(Some(&dir)).map_err(crate::invalid)?),
            None => None,
        };
        Ok(LoadOptions {
            alternatives_csv: self.get::<PathBuf>("alternatives")?,
            allow_outside_paths: self.get::<bool>("allow_outside_paths")?.unwrap_or(false),
            ignore_extra_columns: self.get::<bool>("ignore_extra_columns")?.unwrap_or(false),
            sheet: self.get::<String>("sheet")?,
            max_size: self.get::<u64>("max_size")?.unwrap_or(defaults.max_size),
            max_csv_size: self.get::<u64>("max_csv_size")?.unwrap_or(defaults.max_csv_size),
            csv_delimiter,
            library,
            ..defaults
        })
    }

    /// `ahp_method`, `completion`, `ri`, `aggregate`, `cr_threshold`.
    pub fn weighing(&mut self) -> PyResult<WeighOptions> {
        let defaults = WeighOptions::new();
        let mut w = defaults;
        w.ahp.method = self.choice("ahp_method", defaults.ahp.method)?;
        w.ahp.completion = self.choice("completion", defaults.ahp.completion)?;
        w.ahp.random_index = self.choice("ri", defaults.ahp.random_index)?;
        w.aggregation = self.choice("aggregate", defaults.aggregation)?;
        w.cr_threshold = self.get::<f64>("cr_threshold")?.unwrap_or(defaults.cr_threshold);
        if !(w.cr_threshold >= 0.0 && w.cr_threshold.is_finite()) {
            return Err(PyValueError::new_err("cr_threshold must be a finite number >= 0"));
        }
        Ok(w)
    }

    /// `method`, `normalization`, `synthesis` and the weighting options.
    pub fn ranking(&mut self) -> PyResult<RankOptions> {
        let defaults = RankOptions::default();
        Ok(RankOptions {
            method: self.choice("method", defaults.method)?,
            normalization: self.choice("normalization", defaults.normalization)?,
            synthesis: self.choice("synthesis", defaults.synthesis)?,
            weighing: self.weighing()?,
            ..defaults
        })
    }
}
