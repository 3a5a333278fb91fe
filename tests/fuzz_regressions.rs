//! Inputs the fuzz targets (`fuzz/`) found or grew, replayed through the
//! same checks on every `cargo test`: `tests/fuzz_corpus/<target>/*`, where
//! `<target>` is `pipeline_txt`, `pipeline_html`, `pipeline_md` (bytes
//! saved with that extension, through ingest, clean, analyse and every
//! export) or `json_reader` (text read back as a `dossier/1` export).
//!
//! To keep a new crash: copy `fuzz/artifacts/<target>/crash-*` into the
//! target's folder here under a name that says what it broke.

#[path = "../fuzz/fuzz_targets/common.rs"]
mod common;

use std::path::{Path, PathBuf};

fn inputs(target: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fuzz_corpus")
        .join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("entry").path())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "{}: no inputs", dir.display());
    files
}

fn replay(target: &str, run: impl Fn(&[u8])) {
    for file in inputs(target) {
        let bytes = std::fs::read(&file).expect("read input");
        // named before it runs: a failure's output says which input it was
        eprintln!("{}", file.display());
        run(&bytes);
    }
}

#[test]
fn text_inputs() {
    replay("pipeline_txt", |b| common::pipeline("fuzz.txt", b));
}

#[test]
fn html_inputs() {
    replay("pipeline_html", |b| common::pipeline("fuzz.html", b));
}

#[test]
fn markdown_inputs() {
    replay("pipeline_md", |b| common::pipeline("fuzz.md", b));
}

#[test]
fn json_inputs() {
    replay("json_reader", common::json);
}
