//! The harness every test file uses: running the CLI ([`cli`]), temporary
//! folders ([`dir`]), loading a problem, and the shared AHP data and checks.

mod cli;
mod dir;

pub use cli::{Cli, assert_errors, binary, innorank};
pub use dir::{Dir, TempFile};

use innorank::Problem;
use innorank::ahp::PairwiseMatrix;

/// The problem in `yaml`, named `test.yaml` in messages; panics with the
/// errors if it does not load.
pub fn load(yaml: &str) -> Problem {
    Problem::from_yaml_str(yaml, "test.yaml").unwrap_or_else(|e| panic!("{e}"))
}

/// A complete matrix given row by row.
pub fn from_rows(rows: &[&[f64]]) -> PairwiseMatrix {
    PairwiseMatrix::from_rows(rows.iter().map(|r| r.to_vec()).collect()).expect("valid reciprocal matrix")
}

/// `got` is within `tol` of `want`; the message names `what`.
pub fn assert_close(what: &str, got: f64, want: f64, tol: f64) {
    assert!(
        (got - want).abs() <= tol,
        "{what}: got {got:.17}, want {want:.17} (|diff| {:.3e} > tol {tol:e})",
        (got - want).abs()
    );
}

/// [`assert_close`] entry by entry, after checking the lengths.
pub fn assert_all_close(what: &str, got: &[f64], want: &[f64], tol: f64) {
    assert_eq!(got.len(), want.len(), "{what}: length");
    for (i, (&g, &w)) in got.iter().zip(want).enumerate() {
        assert_close(&format!("{what}[{i}]"), g, w, tol);
    }
}

/// 8x8 Saaty (1990) house criteria, inconsistent (CR 0.169): Saaty, "How to
/// make a decision: the analytic hierarchy process", EJOR 48 (1990) 9-26.
pub const SAATY_1990_HOUSE: &[&[f64]] = &[
    &[1.0, 5.0, 3.0, 7.0, 6.0, 6.0, 0.3333333333333333, 0.25],
    &[0.2, 1.0, 0.3333333333333333, 5.0, 3.0, 3.0, 0.2, 0.14285714285714285],
    &[0.3333333333333333, 3.0, 1.0, 6.0, 3.0, 4.0, 6.0, 0.2],
    &[
        0.14285714285714285,
        0.2,
        0.16666666666666666,
        1.0,
        0.3333333333333333,
        0.25,
        0.14285714285714285,
        0.125,
    ],
    &[
        0.16666666666666666,
        0.3333333333333333,
        0.3333333333333333,
        3.0,
        1.0,
        0.5,
        0.2,
        0.16666666666666666,
    ],
    &[
        0.16666666666666666,
        0.3333333333333333,
        0.25,
        4.0,
        2.0,
        1.0,
        0.2,
        0.16666666666666666,
    ],
    &[3.0, 5.0, 0.16666666666666666, 7.0, 5.0, 5.0, 1.0, 0.5],
    &[4.0, 7.0, 5.0, 8.0, 6.0, 6.0, 2.0, 1.0],
];

/// 7x7 Saaty (2008) drinks matrix, consistent: Saaty, "Decision making with
/// the analytic hierarchy process", Int. J. Services Sciences 1 (2008) 83-98.
pub const SAATY_2008_DRINKS: &[&[f64]] = &[
    &[1.0, 9.0, 5.0, 2.0, 1.0, 1.0, 0.5],
    &[
        0.1111111111111111,
        1.0,
        0.3333333333333333,
        0.1111111111111111,
        0.1111111111111111,
        0.1111111111111111,
        0.1111111111111111,
    ],
    &[
        0.2,
        3.0,
        1.0,
        0.3333333333333333,
        0.25,
        0.3333333333333333,
        0.1111111111111111,
    ],
    &[0.5, 9.0, 3.0, 1.0, 0.5, 1.0, 0.3333333333333333],
    &[1.0, 9.0, 4.0, 2.0, 1.0, 2.0, 0.5],
    &[1.0, 9.0, 3.0, 1.0, 0.5, 1.0, 0.3333333333333333],
    &[2.0, 9.0, 9.0, 3.0, 2.0, 3.0, 1.0],
];
