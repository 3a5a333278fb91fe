//! The background side of an open library: analyse the files the cache
//! does not know, in parallel (rayon), sending each result to the reader as
//! it comes and saving them to the cache in batches; then watch the folder
//! and do the same for what is added or changed.
//!
//! Watching is a rescan (one `stat` per file) on a timer and on request
//! (the reader asks when its terminal regains focus). A scan of ten
//! thousand files takes tens of milliseconds (see benches/library.rs), so
//! the timer runs every few seconds, stretched to fifty times the last
//! scan's duration on slow disks; unlike change notification it needs no
//! watch per folder, sees changes on network drives, and cannot overflow.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use rayon::prelude::*;

use super::digest::Digest;
use super::scan::{self, Listing};
use super::store::{Store, Stored};
use crate::error::{Error, Reason};
use crate::model::Article;

/// The longest time between two rescans of the folder.
const MAX_INTERVAL: Duration = Duration::from_secs(60);
/// The shortest, for a user's library.
pub const WATCH_EVERY: Duration = Duration::from_secs(2);
/// Save to the cache after this many new results or this long.
const FLUSH_EVERY: usize = 2000;
const FLUSH_AFTER: Duration = Duration::from_secs(3);

/// What the background sends to the open library.
#[derive(Debug)]
pub enum Update {
    /// Files found by a rescan: new, or changed since last seen.
    Listed(Vec<Listing>),
    /// Files gone from the folder (their `rel`).
    Removed(Vec<String>),
    /// The result for one version of a file.
    Analysed { listing: Listing, result: Analysis },
    /// Everything known has been analysed.
    Idle,
}

/// An analysis result as the list shows it.
#[derive(Debug, Clone)]
pub enum Analysis {
    Analysed(Arc<Digest>),
    Failed(String),
}

/// What the open library asks of the background.
#[derive(Debug)]
pub enum Command {
    Rescan,
    Stop,
}

/// Read and analyse the file of one listing.
pub fn read_article(l: &Listing) -> crate::Result<Article> {
    if let Some(p) = &l.problem {
        return Err(Error::new(&l.path, std::io::Error::other(p.clone())));
    }
    crate::ingest::read_path(&l.path).and_then(|raw| crate::from_raw(&l.path, raw))
}

/// What the cache keeps of a result (`None` for errors that may pass, such
/// as a permission denied) and what the list shows.
pub fn verdict(article: &crate::Result<Article>) -> (Option<Stored>, Analysis) {
    match article {
        Ok(a) => {
            let digest = Digest::of(a);
            (
                Some(Stored::Analysed(digest.clone())),
                Analysis::Analysed(Arc::new(digest)),
            )
        }
        Err(e) => {
            let why = e.reason.to_string();
            // an I/O failure may pass; the content's verdict stands
            let keep = !matches!(e.reason, Reason::Io(_));
            (
                keep.then(|| Stored::Refused(why.clone())),
                Analysis::Failed(why),
            )
        }
    }
}

/// The state the background thread owns.
pub struct Worker {
    pub root: PathBuf,
    pub store: Option<Arc<Mutex<Store>>>,
    /// Every file as last seen, by `rel`.
    pub known: BTreeMap<String, Listing>,
    pub updates: Sender<Update>,
    pub commands: Receiver<Command>,
    pub cancel: Arc<AtomicBool>,
    /// The shortest time between two rescans on the timer (`None`: only
    /// on request).
    pub watch: Option<Duration>,
    /// Threads of its own for the analysis: work the reader hands to
    /// rayon's global pool (the filter) must not wait behind thousands of
    /// articles. `None`: the global pool (if a pool could not be made).
    pub pool: Option<rayon::ThreadPool>,
}

/// The analysis threads: one per core.
pub fn analysis_pool() -> Option<rayon::ThreadPool> {
    rayon::ThreadPoolBuilder::new()
        .thread_name(|i| format!("analysis-{i}"))
        .build()
        .ok()
}

impl Worker {
    /// Analyse `todo`, then watch until told to stop.
    pub fn run(mut self, mut todo: Vec<Listing>) {
        let mut interval = self.watch.unwrap_or(MAX_INTERVAL);
        loop {
            self.analyse_all(&todo);
            todo.clear();
            if self.cancel.load(Ordering::Relaxed) || self.updates.send(Update::Idle).is_err() {
                return;
            }
            if let Some(store) = &self.store {
                // results of removed files are dropped from the index
                let _ = lock(store).flush();
            }
            match self.commands.recv_timeout(interval) {
                Ok(Command::Stop) | Err(RecvTimeoutError::Disconnected) => return,
                Ok(Command::Rescan) => {}
                Err(RecvTimeoutError::Timeout) if self.watch.is_none() => continue,
                Err(RecvTimeoutError::Timeout) => {}
            }
            let started = Instant::now();
            todo = self.rescan();
            if let Some(every) = self.watch {
                interval = (started.elapsed() * 50).clamp(every, MAX_INTERVAL.max(every));
            }
        }
    }

    /// Scan the folder again; report what changed; return what to analyse.
    fn rescan(&mut self) -> Vec<Listing> {
        let Ok(now) = scan::walk(&self.root) else {
            return Vec::new();
        };
        let changes = scan::changes(&self.known, &now);
        if changes.is_empty() {
            return Vec::new();
        }
        for rel in &changes.removed {
            self.known.remove(rel);
            if let Some(store) = &self.store {
                lock(store).forget(rel);
            }
        }
        for l in &changes.changed {
            self.known.insert(l.rel.clone(), l.clone());
        }
        if !changes.removed.is_empty() {
            let _ = self.updates.send(Update::Removed(changes.removed));
        }
        let _ = self.updates.send(Update::Listed(changes.changed.clone()));
        changes.changed
    }

    /// Analyse in parallel; pass each result on and save them in batches.
    fn analyse_all(&mut self, todo: &[Listing]) {
        if todo.is_empty() {
            return;
        }
        let (tx, rx) = std::sync::mpsc::channel();
        let cancel = &self.cancel;
        std::thread::scope(|s| {
            let pool = &self.pool;
            s.spawn(move || {
                let run = || {
                    todo.par_iter().for_each_with(tx, |tx, l| {
                        if cancel.load(Ordering::Relaxed) {
                            return;
                        }
                        let article = read_article(l);
                        let (stored, result) = verdict(&article);
                        let json = article.ok().and_then(|a| serde_json::to_vec(&a).ok());
                        let _ = tx.send((l, stored, result, json));
                    });
                };
                match pool {
                    Some(pool) => pool.install(run),
                    None => run(),
                }
            });
            let mut last_flush = Instant::now();
            for (l, stored, result, json) in rx {
                if let (Some(store), Some(stored)) = (&self.store, &stored) {
                    let mut store = lock(store);
                    store.add(l, stored, json);
                    if store.unsaved() >= FLUSH_EVERY || last_flush.elapsed() >= FLUSH_AFTER {
                        let _ = store.flush();
                        last_flush = Instant::now();
                    }
                }
                let sent = self.updates.send(Update::Analysed {
                    listing: l.clone(),
                    result,
                });
                if sent.is_err() {
                    cancel.store(true, Ordering::Relaxed);
                }
            }
        });
        if let Some(store) = &self.store {
            let _ = lock(store).flush();
        }
    }
}

/// The store, even if a thread panicked while holding it (its data is
/// only ever replaced whole, so it stays consistent).
pub fn lock(store: &Mutex<Store>) -> std::sync::MutexGuard<'_, Store> {
    store.lock().unwrap_or_else(PoisonError::into_inner)
}
