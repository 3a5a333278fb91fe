//! The library's error type. Every error names the file it is about and the
//! reason, and prints on one line.

use std::path::Path;

/// A failure to turn one input into an article.
#[derive(Debug, thiserror::Error)]
#[error("{source_name}: {reason}")]
pub struct Error {
    /// The input as the user named it (a path, or `-` for standard input).
    pub source_name: String,
    pub reason: Reason,
}

/// Why an input could not be used.
#[derive(Debug, thiserror::Error)]
pub enum Reason {
    #[error("{}", io_reason(.0))]
    Io(#[from] std::io::Error),
    #[error("file is {size} bytes, above the {limit}-byte limit for one article")]
    TooLarge { size: u64, limit: u64 },
    #[error("looks like a binary file, not an article")]
    Binary,
    #[error("holds no text (the file is empty or blank)")]
    Empty,
    #[error("holds no text: the page is only markup, a title, scripts or styles")]
    NoPageText,
    #[error(
        "no article text found: all its text was cut as page furniture (menus, links, share bars, notices)"
    )]
    OnlyFurniture,
    #[error("not a dossier/1 export: {0}")]
    Json(String),
    #[error("is a folder; give a file, or open the folder in the reader")]
    IsDir,
}

impl Error {
    pub fn new(source: impl AsRef<Path>, reason: impl Into<Reason>) -> Self {
        Error {
            source_name: crate::ingest::sanitize::display_path(source.as_ref()),
            reason: reason.into(),
        }
    }
}

/// An I/O error in the words a user expects ("No such file or directory"),
/// without Rust's "(os error 2)" suffix.
fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match e.kind() {
        ErrorKind::NotFound => "no such file or directory".into(),
        ErrorKind::PermissionDenied => "permission denied".into(),
        _ => {
            let s = e.to_string();
            match s.find(" (os error") {
                Some(i) => s[..i].to_string(),
                None => s,
            }
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
