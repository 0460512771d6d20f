//! What the fuzz targets run, shared with the regression tests of the main
//! crate (`tests/fuzz_regressions.rs` includes `checks.rs` by path), so a
//! saved input goes through exactly the code path that found it.

pub mod checks;

/// Makes the fuzzing thread rayon's only thread, once per process.
///
/// innorank uses rayon for CSV rows, duplicate ids and TOPSIS. Handing each
/// small parallel call to a pool thread and waiting for it costs a context
/// switch or two, which on a busy machine made the CSV target five times
/// slower; run inline instead, with one thread, as the fuzzer's own.
pub fn single_thread() {
    let _ = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .use_current_thread()
        .build_global();
}

/// Where a target that must hand the library a file writes each input:
/// one file per process and extension, in memory (`/dev/shm`) when there
/// is one. The library reads CSV and workbooks from files only.
pub fn scratch(extension: &str) -> std::path::PathBuf {
    let dir = std::path::Path::new("/dev/shm");
    let dir = if dir.is_dir() {
        dir.to_path_buf()
    } else {
        std::env::temp_dir()
    };
    dir.join(format!("innorank-fuzz-{}.{extension}", std::process::id()))
}
