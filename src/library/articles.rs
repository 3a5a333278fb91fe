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

/// Call `visit` with every article below `root` (or the reason it cannot
/// be read), in path order, until it breaks. `cache` is the cache folder,
/// `None` for none. Fails only when `root` cannot be read.
pub fn each(
    root: &Path,
    cache: Option<&Path>,
    mut visit: impl FnMut(Result<Article>) -> ControlFlow<()>,
) -> Result<()> {
    let listings = scan::walk(root)?;
    let mut store = cache.map(|c| Store::open(c, root));
    let known = store
        .as_mut()
        .map(|s| s.load(&listings))
        .unwrap_or_default();
    for batch in listings.chunks(BATCH) {
        let results: Vec<(Result<Article>, Option<Stored>)> = batch
            .par_iter()
            .map(|l| match known.get(&l.rel) {
                Some(Stored::Refused(why)) => (Err(refused(l, why)), None),
                Some(Stored::Analysed(_)) => match cached(store.as_ref(), l) {
                    Some(a) => (Ok(a), None),
                    None => fresh(l),
                },
                None => fresh(l),
            })
            .collect();
        let mut stop = false;
        for (l, (article, stored)) in batch.iter().zip(results) {
            if let (Some(s), Some(stored)) = (store.as_mut(), &stored) {
                let json = article
                    .as_ref()
                    .ok()
                    .and_then(|a| serde_json::to_vec(a).ok());
                s.add(l, stored, json);
            }
            if !stop && visit(article).is_break() {
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

fn cached(store: Option<&Store>, l: &Listing) -> Option<Article> {
    let bytes = store?.article_ref(l)?.read()?;
    let mut a: Article = serde_json::from_slice(&bytes).ok()?;
    a.source = crate::ingest::sanitize::display_path(&l.path);
    Some(a)
}

fn fresh(l: &Listing) -> (Result<Article>, Option<Stored>) {
    let article = worker::read_article(l);
    let (stored, _) = worker::verdict(&article);
    (article, stored)
}
