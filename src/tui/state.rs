//! Where the user stopped reading each article, kept in
//! `$XDG_STATE_HOME/dossier/positions.json` and written atomically. A
//! corrupt file is moved aside with a message and started afresh; a file
//! that cannot be written gives a message and the reader goes on.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::ingest::sanitize::display_path;

/// How many articles' positions are kept (the oldest go first).
const MAX_ARTICLES: usize = 2000;

/// Where reading stopped in one article: the paragraph (its `index`) and
/// the char offset of the first line in view, so that any width restores
/// the same place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Saved {
    pub paragraph: usize,
    pub offset: usize,
    /// The current paragraph (its `index`), marked in the gutter.
    #[serde(default)]
    pub current: Option<usize>,
    /// Seconds since 1970 when it was saved.
    #[serde(default)]
    pub seen: u64,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct File {
    version: u32,
    articles: BTreeMap<String, Saved>,
}

/// The reading positions of every article opened before.
#[derive(Debug, Default)]
pub struct Positions {
    path: Option<PathBuf>,
    file: File,
    changed: bool,
}

/// The file the positions are kept in.
pub fn path() -> Option<PathBuf> {
    crate::storage::state_dir().map(|d| d.join("positions.json"))
}

/// The key an article's position is kept under: its full path when it is a
/// file, else what the user named it. Standard input has none.
pub fn key_for(source: &str) -> Option<String> {
    if source == "-" || source.is_empty() {
        return None;
    }
    let full = std::fs::canonicalize(source).unwrap_or_else(|_| PathBuf::from(source));
    Some(full.to_string_lossy().into_owned())
}

impl Positions {
    /// Positions kept only while the program runs (tests, or no state dir).
    pub fn in_memory() -> Self {
        Positions::default()
    }

    /// Read the positions at `path`, with a message when the file was
    /// unreadable or corrupt.
    pub fn load(path: PathBuf) -> (Self, Option<String>) {
        let mut out = Positions {
            path: Some(path.clone()),
            ..Positions::default()
        };
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return (out, None),
            Err(e) => {
                let message = format!(
                    "{}: {e}; reading positions not restored",
                    display_path(&path)
                );
                return (out, Some(message));
            }
        };
        match serde_json::from_str::<File>(&text) {
            Ok(file) => {
                out.file = file;
                (out, None)
            }
            Err(e) => (out, Some(move_aside(&path, &e.to_string()))),
        }
    }

    pub fn get(&self, key: &str) -> Option<Saved> {
        self.file.articles.get(key).copied()
    }

    pub fn set(&mut self, key: String, mut saved: Saved) {
        saved.seen = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        let place = |s: &Saved| (s.paragraph, s.offset, s.current);
        let same = self
            .get(&key)
            .is_some_and(|old| place(&old) == place(&saved));
        if !same {
            self.file.articles.insert(key, saved);
            self.changed = true;
        }
    }

    /// Write the positions if they changed. Errors come back as a message.
    pub fn save(&mut self) -> Result<(), String> {
        if self.path.is_none() || !self.changed {
            return Ok(());
        }
        self.prune();
        let Some(path) = &self.path else {
            return Ok(());
        };
        self.file.version = 1;
        let json = serde_json::to_vec_pretty(&self.file).unwrap_or_default();
        crate::storage::atomic_write(path, &json)
            .map_err(|e| format!("{}: {e}; reading positions not saved", display_path(path)))?;
        self.changed = false;
        Ok(())
    }

    fn prune(&mut self) {
        let articles = &mut self.file.articles;
        if articles.len() <= MAX_ARTICLES {
            return;
        }
        let mut seen: Vec<u64> = articles.values().map(|s| s.seen).collect();
        seen.sort_unstable();
        let cutoff = seen[seen.len() - MAX_ARTICLES];
        articles.retain(|_, s| s.seen >= cutoff);
    }
}

/// Move a corrupt file out of the way so that it is rebuilt; the message
/// says where it went.
fn move_aside(path: &Path, reason: &str) -> String {
    let aside = path.with_extension("json.corrupt");
    let shown = display_path(path);
    let reason = crate::ingest::sanitize::one_line(reason);
    match std::fs::rename(path, &aside) {
        Ok(()) => format!(
            "{shown}: corrupt ({reason}); moved to {} and started afresh",
            display_path(&aside)
        ),
        Err(e) => format!("{shown}: corrupt ({reason}) and cannot be moved aside: {e}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn saved(paragraph: usize, offset: usize) -> Saved {
        Saved {
            paragraph,
            offset,
            current: None,
            seen: 0,
        }
    }

    #[test]
    fn positions_survive_a_save_and_a_load() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("state/positions.json");
        let (mut p, message) = Positions::load(file.clone());
        assert!(message.is_none());
        p.set("/a/mali.txt".into(), saved(7, 120));
        p.save().expect("saved");
        let (again, _) = Positions::load(file);
        let got = again.get("/a/mali.txt").expect("kept");
        assert_eq!((got.paragraph, got.offset), (7, 120));
    }

    #[test]
    fn a_corrupt_file_is_moved_aside_with_a_message() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("positions.json");
        std::fs::write(&file, "{\"version\": 1, \"articles\": {").expect("write");
        let (mut p, message) = Positions::load(file.clone());
        let message = message.expect("a message");
        assert!(message.contains("corrupt"), "{message}");
        assert!(dir.path().join("positions.json.corrupt").exists());
        p.set("k".into(), saved(1, 0));
        p.save().expect("rebuilt");
        assert!(Positions::load(file).0.get("k").is_some());
    }

    #[test]
    fn a_failed_save_is_a_message_not_a_panic() {
        let dir = tempfile::tempdir().expect("tempdir");
        // a folder where the file should be: the write cannot succeed
        let file = dir.path().join("positions.json");
        std::fs::create_dir_all(file.join("x")).expect("mkdir");
        let (mut p, _) = Positions::load(file);
        p.set("k".into(), saved(1, 0));
        let err = p.save().expect_err("cannot save");
        assert!(err.contains("not saved"), "{err}");
    }

    #[test]
    fn the_oldest_positions_go_first() {
        let mut p = Positions::in_memory();
        for i in 0..MAX_ARTICLES + 5 {
            p.file.articles.insert(
                format!("k{i}"),
                Saved {
                    paragraph: 0,
                    offset: 0,
                    current: None,
                    seen: i as u64,
                },
            );
        }
        p.prune();
        assert_eq!(p.file.articles.len(), MAX_ARTICLES);
        assert!(p.get("k0").is_none());
        assert!(p.get(&format!("k{}", MAX_ARTICLES + 4)).is_some());
    }

    #[test]
    fn standard_input_has_no_key() {
        assert_eq!(key_for("-"), None);
        assert!(key_for("articles/x.txt").is_some());
    }
}
