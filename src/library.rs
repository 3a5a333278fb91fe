//! The library: a folder of saved articles.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// Extensions of files a folder scan picks up (files without an extension
/// are taken as plain text).
const ARTICLE_EXTENSIONS: &[&str] = &["txt", "text", "md", "markdown", "html", "htm", "json"];

/// The articles found in a folder, and the entries that could not be read.
#[derive(Debug, Default)]
pub struct Scan {
    /// Article files, in path order.
    pub files: Vec<PathBuf>,
    pub errors: Vec<Error>,
}

/// The folder `dossier` opens with no arguments: `./articles` if it exists,
/// else the user's data folder, created if needed.
pub fn default_folder() -> Result<PathBuf> {
    let local = PathBuf::from("articles");
    if local.is_dir() {
        return Ok(local);
    }
    let dir = crate::storage::data_dir()
        .unwrap_or_else(|| PathBuf::from("dossier"))
        .join("articles");
    std::fs::create_dir_all(&dir).map_err(|e| Error::new(&dir, e))?;
    Ok(dir)
}

/// Every article file below `root`, in path order. Hidden entries are
/// skipped; symbolic links to folders are not followed (no loops).
pub fn scan(root: &Path) -> Result<Scan> {
    let mut out = Scan::default();
    let entries = std::fs::read_dir(root).map_err(|e| Error::new(root, e))?;
    walk(entries, &mut out);
    out.files.sort();
    Ok(out)
}

fn walk(entries: std::fs::ReadDir, out: &mut Scan) {
    let mut dirs = Vec::new();
    for entry in entries {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                out.errors.push(Error::new("(folder entry)", e));
                continue;
            }
        };
        let path = entry.path();
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            dirs.push(path);
        } else if (kind.is_file() || kind.is_symlink() && path.is_file()) && is_article(&path) {
            out.files.push(path);
        }
    }
    for dir in dirs {
        match std::fs::read_dir(&dir) {
            Ok(entries) => walk(entries, out),
            Err(e) => out.errors.push(Error::new(&dir, e)),
        }
    }
}

fn is_article(path: &Path) -> bool {
    match path.extension().and_then(|e| e.to_str()) {
        None => true,
        Some(ext) => ARTICLE_EXTENSIONS.contains(&ext.to_ascii_lowercase().as_str()),
    }
}
