//! The input layer: bytes (YAML, CSV) or code ([`ProblemBuilder`]) to a
//! validated [`crate::Problem`].
//!
//! The file format is described in `docs/problem-format.md`. Loading
//! ([`crate::Problem::from_yaml_str`], [`crate::Problem::from_path`]) checks
//! everything and reports every problem found with its file, line, column
//! and field path ([`crate::problem::Diagnostic`]); the model can then be
//! trusted by the algorithms. A new input format goes here, beside `yaml`
//! and `csv_input`, and feeds `validate`.

mod builder;
mod csv_input;
mod derive;
mod library;
mod load;
mod raw;
mod rules;
mod scan;
mod schema;
mod validate;
mod yaml;

pub use builder::{CriterionBuilder, ProblemBuilder};
pub use library::{CriteriaLibrary, LibraryEntry};
pub use load::{Admission, DEFAULT_MAX_CSV_SIZE, DEFAULT_MAX_SIZE, LoadOptions, csv_delimiter};
pub use schema::{SCHEMA_FILE, problem_schema};
pub(crate) use validate::node_paths;

// The model and the diagnostics, as every input module names them.
use crate::diagnostic;
use crate::model::*;
