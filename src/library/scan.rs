//! Finding the articles in a folder: every article file below it, nested
//! folders included, with the size and modification time the cache keys on.
//! Hidden entries are skipped, linked folders are followed once (a link
//! loop is seen and cut), and a folder or link that cannot be read becomes
//! a listing with its error instead of stopping the walk.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use crate::error::{Error, Reason, Result};

/// Extensions of files a folder scan picks up (files without an extension
/// are taken as plain text).
pub const ARTICLE_EXTENSIONS: &[&str] = &["txt", "text", "md", "markdown", "html", "htm", "json"];

/// One article file found by a scan (or an entry that could not be read).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listing {
    /// The path as found: the folder the user named joined with `rel`.
    pub path: PathBuf,
    /// The path inside the library folder, `/`-separated: the cache key
    /// and the "source file" the list shows.
    pub rel: String,
    pub size: u64,
    /// Modification time in nanoseconds since the Unix epoch (0 if unknown).
    pub mtime_ns: i64,
    /// Why the entry cannot be used (an unreadable folder, a broken link).
    pub problem: Option<String>,
}

impl Listing {
    /// Whether `other` is the same file unchanged (same size and time).
    pub fn same_version(&self, other: &Listing) -> bool {
        self.size == other.size && self.mtime_ns == other.mtime_ns && self.problem == other.problem
    }
}

/// Every article file below `root`, in path order. Fails only when `root`
/// itself cannot be read.
pub fn walk(root: &Path) -> Result<Vec<Listing>> {
    let entries = std::fs::read_dir(root).map_err(|e| Error::new(root, e))?;
    let mut walker = Walker {
        root,
        seen: HashSet::new(),
        out: Vec::new(),
    };
    if let Ok(real) = std::fs::canonicalize(root) {
        walker.seen.insert(real);
    }
    walker.folder(entries, "");
    walker.out.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(walker.out)
}

struct Walker<'a> {
    root: &'a Path,
    /// Real paths of the folders already walked: a linked folder seen twice
    /// (a loop, or two links to one place) is walked once.
    seen: HashSet<PathBuf>,
    out: Vec<Listing>,
}

impl Walker<'_> {
    fn folder(&mut self, entries: std::fs::ReadDir, prefix: &str) {
        let mut folders = Vec::new();
        for entry in entries {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    let rel = format!("{prefix}(entry)");
                    self.problem(&rel, Reason::Io(e).to_string());
                    continue;
                }
            };
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if name.starts_with('.') {
                continue;
            }
            let rel = format!("{prefix}{name}");
            let path = self.root.join(&rel);
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            if kind.is_dir() {
                folders.push(rel);
            } else if kind.is_symlink() {
                match std::fs::metadata(&path) {
                    Ok(m) if m.is_dir() => folders.push(rel),
                    Ok(m) if m.is_file() && is_article(&path) => self.file(rel, &m),
                    Ok(_) => {}
                    Err(e) if is_article(&path) => self.problem(&rel, Reason::Io(e).to_string()),
                    Err(_) => {}
                }
            } else if kind.is_file() && is_article(&path) {
                match entry.metadata() {
                    Ok(m) => self.file(rel, &m),
                    Err(e) => self.problem(&rel, Reason::Io(e).to_string()),
                }
            }
        }
        for rel in folders {
            self.subfolder(rel);
        }
    }

    fn subfolder(&mut self, rel: String) {
        let path = self.root.join(&rel);
        if let Ok(real) = std::fs::canonicalize(&path)
            && !self.seen.insert(real)
        {
            return;
        }
        match std::fs::read_dir(&path) {
            Ok(entries) => self.folder(entries, &format!("{rel}/")),
            Err(e) => self.problem(&format!("{rel}/"), Reason::Io(e).to_string()),
        }
    }

    fn file(&mut self, rel: String, meta: &std::fs::Metadata) {
        self.out.push(Listing {
            path: self.root.join(&rel),
            rel,
            size: meta.len(),
            mtime_ns: mtime_ns(meta),
            problem: None,
        });
    }

    fn problem(&mut self, rel: &str, why: String) {
        self.out.push(Listing {
            path: self.root.join(rel.trim_end_matches('/')),
            rel: rel.to_string(),
            size: 0,
            mtime_ns: 0,
            problem: Some(why),
        });
    }
}

fn mtime_ns(meta: &std::fs::Metadata) -> i64 {
    meta.modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| i64::try_from(d.as_nanos()).unwrap_or(i64::MAX))
}

/// Whether the scan takes `path` for an article, by its extension.
pub fn is_article(path: &Path) -> bool {
    match path.extension().and_then(|e| e.to_str()) {
        None => true,
        Some(ext) => ARTICLE_EXTENSIONS.contains(&ext.to_ascii_lowercase().as_str()),
    }
}

/// What changed between two scans of one folder.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Changes {
    /// New files, and files whose size or time changed.
    pub changed: Vec<Listing>,
    /// Files that are gone (their `rel`).
    pub removed: Vec<String>,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        self.changed.is_empty() && self.removed.is_empty()
    }
}

/// The difference from `known` (keyed by `rel`) to a new scan `now`.
pub fn changes(known: &BTreeMap<String, Listing>, now: &[Listing]) -> Changes {
    let mut out = Changes::default();
    let mut present = HashSet::with_capacity(now.len());
    for l in now {
        present.insert(l.rel.as_str());
        if known.get(&l.rel).is_none_or(|k| !k.same_version(l)) {
            out.changed.push(l.clone());
        }
    }
    out.removed = known
        .keys()
        .filter(|rel| !present.contains(rel.as_str()))
        .cloned()
        .collect();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn listing(rel: &str, size: u64, mtime_ns: i64) -> Listing {
        Listing {
            path: PathBuf::from(rel),
            rel: rel.into(),
            size,
            mtime_ns,
            problem: None,
        }
    }

    #[test]
    fn changes_name_new_changed_and_removed_files() {
        let known: BTreeMap<String, Listing> = [listing("a.txt", 10, 1), listing("b.txt", 20, 2)]
            .into_iter()
            .map(|l| (l.rel.clone(), l))
            .collect();
        let now = [listing("a.txt", 10, 1), listing("c.txt", 5, 3)];
        let c = changes(&known, &now);
        assert_eq!(c.changed, vec![listing("c.txt", 5, 3)]);
        assert_eq!(c.removed, vec!["b.txt".to_string()]);
        let touched = [listing("a.txt", 10, 9), listing("b.txt", 20, 2)];
        assert_eq!(
            changes(&known, &touched).changed,
            vec![listing("a.txt", 10, 9)]
        );
    }

    #[test]
    fn extensions_pick_articles() {
        assert!(is_article(Path::new("a/story.HTML")));
        assert!(is_article(Path::new("notes")));
        assert!(!is_article(Path::new("photo.jpg")));
    }

    #[cfg(unix)]
    #[test]
    fn a_link_loop_is_walked_once() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::create_dir(dir.path().join("sub")).expect("mkdir");
        std::fs::write(dir.path().join("sub/a.txt"), "A title\n\nText.").expect("write");
        std::os::unix::fs::symlink(dir.path(), dir.path().join("sub/loop")).expect("link");
        let found = walk(dir.path()).expect("walk");
        let rels: Vec<&str> = found.iter().map(|l| l.rel.as_str()).collect();
        assert_eq!(rels, ["sub/a.txt"]);
    }
}
