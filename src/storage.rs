//! Where dossier keeps its files (XDG base directories) and how it writes
//! them: atomically, so a crash or a full disk never leaves a half-written
//! state, config or cache file behind.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// The XDG base directory named by `var`, else `$HOME/<fallback>`, with
/// `dossier` appended. `None` when neither is set (the caller then works
/// without saving).
fn base_dir(var: &str, fallback: &str) -> Option<PathBuf> {
    std::env::var_os(var)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| {
            std::env::var_os("HOME")
                .filter(|h| !h.is_empty())
                .map(|h| PathBuf::from(h).join(fallback))
        })
        .map(|p| p.join("dossier"))
}

/// `$XDG_CONFIG_HOME/dossier` (config.toml lives here).
pub fn config_dir() -> Option<PathBuf> {
    base_dir("XDG_CONFIG_HOME", ".config")
}

/// `$XDG_STATE_HOME/dossier` (reading positions).
pub fn state_dir() -> Option<PathBuf> {
    base_dir("XDG_STATE_HOME", ".local/state")
}

/// `$XDG_CACHE_HOME/dossier` (analysis cache).
pub fn cache_dir() -> Option<PathBuf> {
    base_dir("XDG_CACHE_HOME", ".cache")
}

/// `$XDG_DATA_HOME/dossier` (the user's own article folder).
pub fn data_dir() -> Option<PathBuf> {
    base_dir("XDG_DATA_HOME", ".local/share")
}

/// Write `bytes` to `path` atomically: into a temporary file in the same
/// folder, flushed to disk, then renamed over the target. Readers see the
/// old file or the new one, never a mix. Creates the folder if needed.
pub fn atomic_write(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "file".into());
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        drop(f);
        std::fs::rename(&tmp, path)?;
        // make the rename itself durable
        if let Ok(d) = std::fs::File::open(dir) {
            let _ = d.sync_all();
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atomic_write_replaces_the_file_and_leaves_no_temp() {
        let dir = tempfile::tempdir().expect("tempdir");
        let p = dir.path().join("sub/state.json");
        atomic_write(&p, b"one").expect("first write");
        atomic_write(&p, b"two").expect("second write");
        assert_eq!(std::fs::read(&p).expect("read"), b"two");
        let names: Vec<_> = std::fs::read_dir(dir.path().join("sub"))
            .expect("list")
            .filter_map(|e| e.ok())
            .map(|e| e.file_name())
            .collect();
        assert_eq!(names.len(), 1, "{names:?}");
    }

    #[test]
    fn a_failed_write_keeps_the_old_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let p = dir.path().join("state.json");
        atomic_write(&p, b"old").expect("write");
        // a folder where the target should be: the rename fails
        let blocked = dir.path().join("blocked");
        std::fs::create_dir_all(blocked.join("x")).expect("mkdir");
        assert!(atomic_write(&blocked, b"new").is_err());
        assert_eq!(std::fs::read(&p).expect("read"), b"old");
    }
}
