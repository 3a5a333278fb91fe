//! Arbitrary text read back as a `dossier/1` export: refused with a reason
//! or accepted as an article that holds together.
#![no_main]

#[path = "common.rs"]
mod common;

libfuzzer_sys::fuzz_target!(|data: &[u8]| common::json(data));
