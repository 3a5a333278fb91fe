//! dossier: a terminal reader for saved news articles.
//!
//! The pipeline runs one way: a file is *ingested* (bytes to safe text),
//! *cleaned* (title, dateline, paragraphs; boilerplate removed with a
//! reason), *analysed* (actors, quotes, positions) into an [`Article`], the
//! `dossier/1` model that export and the reader share.

pub mod analyse;
pub mod clean;
pub mod error;
pub mod export;
pub mod ingest;
pub mod library;
pub mod model;
pub mod storage;
pub mod tui;

use std::path::Path;

pub use error::{Error, Reason, Result};
pub use model::Article;

use ingest::{Format, RawDoc};

/// Read, clean and analyse the article at `path` (`-` is standard input).
pub fn load(path: &Path) -> Result<Article> {
    let raw = ingest::read_path(path)?;
    from_raw(path, raw)
}

/// Clean and analyse an input already read; a `dossier/1` export is read
/// back as is (it may carry the user's corrections). An input that cleans
/// to no article (a page with no text, or nothing but furniture) is
/// refused with the reason, as an empty file is at ingest.
pub fn from_raw(path: &Path, raw: RawDoc) -> Result<Article> {
    if raw.format == Format::Json {
        return ingest_json(path, &raw.text);
    }
    let doc = clean::clean(&raw);
    if let Some(reason) = clean::no_article(&raw, &doc) {
        return Err(Error::new(path, reason));
    }
    // the input is not needed past cleaning: free it before the analysis
    drop(raw);
    Ok(analyse::analyse(&doc))
}

/// Clean and analyse `text` as a plain-text article named `source`.
pub fn analyse_text(source: &str, text: &str) -> Article {
    let raw = RawDoc {
        source: source.to_string(),
        format: Format::Text,
        text: ingest::sanitize::sanitize(text).into_owned(),
    };
    analyse::analyse(&clean::clean(&raw))
}

fn ingest_json(path: &Path, text: &str) -> Result<Article> {
    ingest::json::read(path, text)
}
