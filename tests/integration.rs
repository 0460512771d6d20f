//! The integration tests: one test binary (`cargo test --test integration`),
//! one module per topic, one shared harness in `common/`.
//!
//! Cargo.toml sets `autotests = false`, so a file in `tests/` is compiled only
//! when it is declared below; `every_test_file_is_declared` fails otherwise.
//! Run one topic with `cargo test --test integration cli_errors::`.
//!
//! This file is not called `main.rs`: proptest looks for a `lib.rs` or
//! `main.rs` above the test's source file, and if it found `tests/main.rs`
//! it would read and write its regressions in `proptest-regressions/NAME.txt`
//! instead of `tests/NAME.proptest-regressions`.

mod common;

// The command line.
mod ahp_cli;
mod browser;
mod charts;
mod charts_portfolio;
mod cli;
mod cli_errors;
mod compare;
mod csv_input;
mod csv_sources;
mod domain;
mod examples;
mod hostile;
mod intervals;
mod numeric_edges;
mod overflow;
mod portfolio;
mod rendered;
mod reversal;
mod robustness;
mod sensitivity;
mod spreadsheets;
mod tools;

// The library and the documentation.
mod docs;
mod library;

// Property tests (proptest keeps failures in `tests/NAME.proptest-regressions`).
mod fuzz_regressions;
mod numeric_properties;
mod portfolio_solver;
mod properties;
mod two_pass;

// Cross-checks against published examples and other libraries.
mod reference_ahp;
mod reference_ahp_extended;
mod reference_topsis;

/// Every `tests/*.rs` file is a module of this binary: with `autotests =
/// false` an undeclared file would silently never run.
#[test]
fn every_test_file_is_declared() {
    let main = std::fs::read_to_string("tests/integration.rs").unwrap();
    let mut missing = Vec::new();
    for entry in std::fs::read_dir("tests").unwrap() {
        let path = entry.unwrap().path();
        let (Some(stem), Some("rs")) = (
            path.file_stem().and_then(|s| s.to_str()),
            path.extension().and_then(|e| e.to_str()),
        ) else {
            continue;
        };
        if stem != "integration" && !main.lines().any(|l| l == format!("mod {stem};")) {
            missing.push(stem.to_owned());
        }
    }
    assert!(missing.is_empty(), "declare these in tests/integration.rs: {missing:?}");
}

/// proptest keeps each file's regressions beside it (see the top of this
/// file) only while no `lib.rs` or `main.rs` sits in `tests/`.
#[test]
fn proptest_regressions_stay_beside_their_test_files() {
    for root in ["tests/main.rs", "tests/lib.rs"] {
        assert!(
            !std::path::Path::new(root).exists(),
            "{root} moves proptest's regressions to proptest-regressions/"
        );
    }
}
