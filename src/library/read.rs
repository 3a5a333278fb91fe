//! Which articles of a library the user has read, kept in the XDG state
//! folder. An article counts as read for the version of the file that was
//! opened: when the file changes, it is unread again.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::scan::Listing;

#[derive(Debug, Default, Serialize, Deserialize)]
struct Saved {
    root: String,
    /// `rel` to the modification time of the version read.
    read: BTreeMap<String, i64>,
}

/// The read marks of one library folder.
#[derive(Debug, Default)]
pub struct ReadMarks {
    /// Where they are saved (`None`: kept for this session only).
    file: Option<PathBuf>,
    saved: Saved,
}

impl ReadMarks {
    /// The marks of the folder `root`, from `state_dir` if given. A missing
    /// or unreadable file means nothing is read yet.
    pub fn open(state_dir: Option<&Path>, root: &Path) -> ReadMarks {
        let real = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
        let root = real.to_string_lossy().into_owned();
        let file = state_dir.map(|d| {
            d.join("library").join(format!(
                "read-{:016x}.json",
                xxhash_rust::xxh3::xxh3_64(root.as_bytes())
            ))
        });
        let saved = file
            .as_deref()
            .and_then(|f| std::fs::read(f).ok())
            .and_then(|b| serde_json::from_slice::<Saved>(&b).ok())
            .filter(|s| s.root == root)
            .unwrap_or(Saved {
                root,
                read: BTreeMap::new(),
            });
        ReadMarks { file, saved }
    }

    /// Whether this version of the file was read.
    pub fn is_read(&self, l: &Listing) -> bool {
        self.saved.read.get(&l.rel) == Some(&l.mtime_ns)
    }

    /// Mark this version of the file read (or unread) and save.
    pub fn set(&mut self, l: &Listing, read: bool) {
        let changed = if read {
            self.saved.read.insert(l.rel.clone(), l.mtime_ns) != Some(l.mtime_ns)
        } else {
            self.saved.read.remove(&l.rel).is_some()
        };
        if changed && let Some(f) = &self.file {
            // losing a read mark is not worth interrupting the reader
            let _ = serde_json::to_vec(&self.saved)
                .map_err(std::io::Error::other)
                .and_then(|b| crate::storage::atomic_write(f, &b));
        }
    }
}
