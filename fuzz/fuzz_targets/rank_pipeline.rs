#![no_main]
//! `cargo +nightly fuzz run rank_pipeline`: see fuzz/README.md.

use libfuzzer_sys::fuzz_target;

fuzz_target!(
    init: innorank_fuzz::single_thread(),
    |data: &[u8]| innorank_fuzz::checks::rank_pipeline(data)
);
