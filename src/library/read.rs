//! Which articles of a library the user has read, kept in the XDG state
//! folder. An article counts as read for the version of the file that was
//! opened: when the file changes, it is unread again. A damaged marks
//! file is moved aside (`*.corrupt`) and started afresh, and a failed save
//! is reported once; both wait in [`ReadMarks::take_notices`].

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::scan::Listing;
use crate::ingest::sanitize::display_path;

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
    notices: Vec<String>,
    /// A save failed already: later failures are not reported again.
    save_failed: bool,
}

impl ReadMarks {
    /// The marks of the folder `root`, from `state_dir` if given. A missing
    /// or unreadable file means nothing is read yet; a damaged one is moved
    /// aside with a notice.
    pub fn open(state_dir: Option<&Path>, root: &Path) -> ReadMarks {
        let real = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
        let root = real.to_string_lossy().into_owned();
        let file = state_dir.map(|d| {
            d.join("library").join(format!(
                "read-{:016x}.json",
                xxhash_rust::xxh3::xxh3_64(root.as_bytes())
            ))
        });
        let mut notices = Vec::new();
        let bytes = file
            .as_deref()
            .and_then(|f| Some((f, std::fs::read(f).ok()?)));
        let saved = bytes.and_then(|(f, b)| match serde_json::from_slice::<Saved>(&b) {
            Ok(s) => Some(s),
            Err(e) => {
                notices.push(move_aside(f, &e.to_string()));
                None
            }
        });
        let saved = saved.filter(|s| s.root == root).unwrap_or(Saved {
            root,
            read: BTreeMap::new(),
        });
        ReadMarks {
            file,
            saved,
            notices,
            save_failed: false,
        }
    }

    /// Messages for the user since the last call.
    pub fn take_notices(&mut self) -> Vec<String> {
        std::mem::take(&mut self.notices)
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
            // losing a read mark is not worth interrupting the reader: one
            // notice, and the marks stay for the session
            let written = serde_json::to_vec(&self.saved)
                .map_err(std::io::Error::other)
                .and_then(|b| crate::storage::atomic_write(f, &b));
            if let Err(e) = written
                && !self.save_failed
            {
                self.save_failed = true;
                self.notices.push(format!(
                    "{}: {}; read marks not saved",
                    display_path(f),
                    crate::error::Reason::Io(e)
                ));
            }
        }
    }
}

/// Move a damaged marks file out of the way so that it is started afresh.
fn move_aside(path: &Path, reason: &str) -> String {
    let mut aside = path.as_os_str().to_owned();
    aside.push(".corrupt");
    let aside = PathBuf::from(aside);
    let reason = crate::ingest::sanitize::one_line(reason);
    match std::fs::rename(path, &aside) {
        Ok(()) => format!(
            "{}: corrupt ({reason}); moved to {} and started afresh",
            display_path(path),
            display_path(&aside)
        ),
        Err(e) => format!(
            "{}: corrupt ({reason}), not used: {}",
            display_path(path),
            crate::error::Reason::Io(e)
        ),
    }
}
