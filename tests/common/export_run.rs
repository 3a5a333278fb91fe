//! Running the real binary's folder export, shared by tests/hostile.rs and
//! tests/hostile_storage.rs.

use std::path::Path;
use std::process::{Command, Output};

/// `dossier export ROOT --format jsonl` with its cache under `cache`.
pub fn export(root: &Path, cache: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dossier"))
        .arg("export")
        .arg(root)
        .args(["--format", "jsonl"])
        .env("XDG_CACHE_HOME", cache)
        .output()
        .expect("run dossier")
}
