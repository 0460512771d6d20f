#![no_main]
//! `cargo +nightly fuzz run yaml_loader`: see fuzz/README.md.

use libfuzzer_sys::fuzz_target;

fuzz_target!(
    init: innorank_fuzz::single_thread(),
    |data: &[u8]| innorank_fuzz::checks::yaml_loader(data)
);
