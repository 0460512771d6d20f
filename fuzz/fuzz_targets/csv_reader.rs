#![no_main]
//! `cargo +nightly fuzz run csv_reader`: see fuzz/README.md.

use std::path::PathBuf;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

/// The CSV file each input is written to (see `innorank_fuzz::scratch`).
fn scratch() -> &'static PathBuf {
    static PATH: OnceLock<PathBuf> = OnceLock::new();
    PATH.get_or_init(|| innorank_fuzz::scratch("csv"))
}

fuzz_target!(
    init: innorank_fuzz::single_thread(),
    |data: &[u8]| {
        let scratch = scratch();
        innorank_fuzz::checks::csv_reader(data, scratch);
        // Forked jobs are new processes: leave no file behind each.
        let _ = std::fs::remove_file(scratch);
    }
);
