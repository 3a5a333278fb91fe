//! Gives the build a source identity: a hash of everything under `src/` and
//! `data/`. The library cache keys its results on it, so results made by
//! one build of the analyser are never served by another.

use std::hash::{DefaultHasher, Hasher};
use std::path::{Path, PathBuf};

fn main() {
    let mut files = Vec::new();
    for dir in ["src", "data"] {
        println!("cargo:rerun-if-changed={dir}");
        collect(Path::new(dir), &mut files);
    }
    files.sort();
    let mut hasher = DefaultHasher::new();
    for f in &files {
        hasher.write(f.to_string_lossy().as_bytes());
        if let Ok(bytes) = std::fs::read(f) {
            hasher.write(&bytes);
        }
    }
    println!(
        "cargo:rustc-env=DOSSIER_SOURCE_HASH={:016x}",
        hasher.finish()
    );
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
        } else {
            out.push(path);
        }
    }
}
