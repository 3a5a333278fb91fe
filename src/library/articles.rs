//! Every article of a folder in path order, through the same scan and cache
//! as the library: what `dossier export DIR --format jsonl` prints. Files
//! the cache knows are read from it; the others are analysed in parallel,
//! a batch at a time so that output starts at once and memory stays flat,
//! and saved to the cache for next time.

use std::ops::ControlFlow;
use std::path::Path;

use rayon::prelude::*;

use super::scan::{self, Listing};
use super::store::{Store, Stored};
use super::worker;
use crate::error::{Error, Result};
use crate::model::Article;

/// Files analysed together before their results are passed on.
const BATCH: usize = 64;

/// One article of the folder, as export needs it.
#[derive(Debug)]
pub enum Found {
    /// Analysed now, or read back from the cache.
    Article(Box<Article>),
    /// Its `dossier/1` JSON line as the cache holds it, already right for
    /// this path (asked for with `lines`).
    JsonLine(String),
}

impl Found {
    /// The article (a cached line is read back).
    pub fn into_article(self) -> std::result::Result<Article, serde_json::Error> {
        match self {
            Found::Article(a) => Ok(*a),
            Found::JsonLine(line) => serde_json::from_str(&line),
        }
    }

    /// The article as one line of JSON (`--format jsonl`).
    pub fn into_json_line(self) -> String {
        match self {
            Found::Article(a) => crate::export::to_json_line(&a),
            Found::JsonLine(line) => line,
        }
    }
}

/// Call `visit` with every article below `root` (or the reason it cannot
/// be read), in path order, until it breaks. `cache` is the cache folder,
/// `None` for none. With `lines`, articles the cache holds come as their
/// JSON line, unparsed. Fails only when `root` cannot be read.
pub fn each(
    root: &Path,
    cache: Option<&Path>,
    lines: bool,
    mut visit: impl FnMut(Result<Found>) -> ControlFlow<()>,
) -> Result<()> {
    let listings = scan::walk(root)?;
    let mut store = cache.map(|c| Store::open(c, root));
    let known = store
        .as_mut()
        .map(|s| s.load(&listings))
        .unwrap_or_default();
    for batch in listings.chunks(BATCH) {
        let results: Vec<(Result<Found>, Option<Stored>)> = batch
            .par_iter()
            .map(|l| match known.get(&l.rel) {
                Some(Stored::Refused(why)) => (Err(refused(l, why)), None),
                Some(Stored::Analysed(_)) => match cached(store.as_ref(), l, lines) {
                    Some(found) => (Ok(found), None),
                    None => fresh(l),
                },
                None => fresh(l),
            })
            .collect();
        let mut stop = false;
        for (l, (found, stored)) in batch.iter().zip(results) {
            if let (Some(s), Some(stored)) = (store.as_mut(), &stored) {
                let json = match &found {
                    Ok(Found::Article(a)) => serde_json::to_vec(a).ok(),
                    _ => None,
                };
                s.add(l, stored, json);
            }
            if !stop && visit(found).is_break() {
                stop = true;
            }
        }
        if stop {
            break;
        }
    }
    if let Some(s) = store.as_mut() {
        // a cache that cannot be written only costs time next run
        let _ = s.flush();
    }
    Ok(())
}

fn refused(l: &Listing, why: &str) -> Error {
    Error::new(&l.path, std::io::Error::other(why.to_string()))
}

fn cached(store: Option<&Store>, l: &Listing, lines: bool) -> Option<Found> {
    let bytes = store?.article_ref(l)?.read()?;
    let source = crate::ingest::sanitize::display_path(&l.path);
    if lines && names_source(&bytes, &source) {
        return String::from_utf8(bytes).ok().map(Found::JsonLine);
    }
    let mut a: Article = serde_json::from_slice(&bytes).ok()?;
    a.source = source;
    Some(Found::Article(Box::new(a)))
}

/// Whether an article's JSON (fields in model order: `schema`, then
/// `source`) gives `source` as its source.
fn names_source(json: &[u8], source: &str) -> bool {
    const KEY: &[u8] = b"\"source\":";
    let Some(at) = json.windows(KEY.len()).position(|w| w == KEY) else {
        return false;
    };
    let Ok(value) = serde_json::to_string(source) else {
        return false;
    };
    // inside a JSON string a quote is escaped, so this is the key itself
    let rest = &json[at + KEY.len()..];
    at > 0
        && json[at - 1] != b'\\'
        && rest.starts_with(value.as_bytes())
        && rest.get(value.len()) == Some(&b',')
}

fn fresh(l: &Listing) -> (Result<Found>, Option<Stored>) {
    let article = worker::read_article(l);
    let (stored, _) = worker::verdict(&article);
    (article.map(|a| Found::Article(Box::new(a))), stored)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cached_line_is_used_only_for_the_same_source() {
        let a = crate::analyse_text("lib/a.txt", "Title\n\nThe mayor said yes.");
        let json = serde_json::to_vec(&a).expect("json");
        assert!(names_source(&json, "lib/a.txt"));
        assert!(!names_source(&json, "./lib/a.txt"));
        assert!(!names_source(&json, "lib/a"));
    }
}
