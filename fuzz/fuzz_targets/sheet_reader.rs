#![no_main]
//! `cargo +nightly fuzz run sheet_reader`: see fuzz/README.md.

use std::path::PathBuf;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

/// The library reads workbooks from a file only: each input is
/// written to one file per process, in memory (`/dev/shm`) when there is
/// one, and removed after.
fn scratch() -> &'static PathBuf {
    static PATH: OnceLock<PathBuf> = OnceLock::new();
    PATH.get_or_init(|| {
        let dir = std::path::Path::new("/dev/shm");
        let dir = if dir.is_dir() {
            dir.to_path_buf()
        } else {
            std::env::temp_dir()
        };
        dir.join(format!("innorank-fuzz-{}.xlsx", std::process::id()))
    })
}

fuzz_target!(
    init: innorank_fuzz::single_thread(),
    |data: &[u8]| {
        let _loaded = innorank_fuzz::checks::sheet_reader(data, scratch());
        // Forked jobs are new processes: leave no file behind each.
        let _ = std::fs::remove_file(scratch());
    }
);
