//! The decision problem: the model ([`Problem`], its criteria tree and
//! alternatives), how to load or build one ([`LoadOptions`],
//! [`ProblemBuilder`], the criteria library) and what loading reports
//! ([`Diagnostics`]). One public path over the model and input layers.

pub use crate::diagnostic::{Diagnostic, DiagnosticKind, Diagnostics, FieldPath, FirstSeen, Location, Segment};
pub use crate::input::{
    Admission, CriteriaLibrary, CriterionBuilder, DEFAULT_MAX_CSV_SIZE, DEFAULT_MAX_SIZE, LibraryEntry, LoadOptions,
    ProblemBuilder, csv_delimiter,
};
pub use crate::input::{SCHEMA_FILE, problem_schema};
pub use crate::model::*;
