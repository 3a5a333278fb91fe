//! Arbitrary bytes saved as a `.html` file, through the whole pipeline.
#![no_main]

#[path = "common.rs"]
mod common;

libfuzzer_sys::fuzz_target!(|data: &[u8]| common::pipeline("fuzz.html", data));
