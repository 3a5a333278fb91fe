//! The library: a folder of saved articles, reviewed as one.
//!
//! [`Library::open`] scans the folder (`scan`), takes what the cache
//! (`store`) already knows, and starts a background thread (`worker`) that
//! analyses the rest in parallel and then watches the folder. The reader
//! calls [`Library::poll`] on each tick to take in results as they come, so
//! the list is on screen at once and fills in. `actors` merges the actors
//! of all articles; `filter` is the list's fuzzy filter; `articles` gives
//! every article of a folder in path order for `dossier export DIR`.

pub mod actors;
pub mod articles;
pub mod dates;
pub mod digest;
pub mod filter;
pub mod names;
pub mod read;
pub mod scan;
pub mod store;
pub mod worker;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

pub use actors::{ActorIndex, LibraryActor};
pub use dates::Day;
pub use digest::Digest;
pub use scan::Listing;

use crate::error::{Error, Result};
use crate::model::Article;
use read::ReadMarks;
use store::Store;
use worker::{Command, Update, Worker};

/// Where a library keeps its cache and read marks. Tests point these at
/// temporary folders; `None` keeps nothing.
#[derive(Debug, Clone, Default)]
pub struct Places {
    pub cache: Option<PathBuf>,
    pub state: Option<PathBuf>,
    /// Rescan the folder on a timer, at most this often (the timer
    /// stretches to fifty times a scan's duration); `None`: only when asked.
    pub watch: Option<Duration>,
}

impl Places {
    /// The user's XDG cache and state folders, watching for changes.
    pub fn from_env() -> Places {
        Places {
            cache: crate::storage::cache_dir(),
            state: crate::storage::state_dir(),
            watch: Some(worker::WATCH_EVERY),
        }
    }
}

/// Where one article of the list stands.
#[derive(Debug, Clone)]
pub enum Status {
    /// Not analysed yet.
    Pending,
    Analysed(Arc<Digest>),
    /// Could not be read or is not an article; the reason.
    Failed(String),
}

/// One row of the library: a file and what is known of it.
#[derive(Debug, Clone)]
pub struct Entry {
    pub listing: Listing,
    pub status: Status,
    pub read: bool,
    /// The file is gone from the folder (the entry keeps its place so that
    /// entry numbers stay valid).
    pub removed: bool,
    /// The library's generation when this entry last changed: views that
    /// keep something per entry redo it when this moves.
    pub version: u64,
    /// A date in the file's name, else its modification day (worked out
    /// once: lists sort by it often).
    file_day: Option<Day>,
}

impl Entry {
    pub fn digest(&self) -> Option<&Digest> {
        match &self.status {
            Status::Analysed(d) => Some(d),
            _ => None,
        }
    }

    /// The day the list shows and sorts by: the article's date, a date in
    /// its file name, else the file's modification day.
    pub fn day(&self) -> Option<Day> {
        self.digest().and_then(|d| d.day).or(self.file_day)
    }

    /// The title, or the file name until it is known.
    pub fn title(&self) -> &str {
        match self.digest() {
            Some(d) if !d.title.is_empty() => &d.title,
            _ => self
                .listing
                .rel
                .rsplit('/')
                .find(|s| !s.is_empty())
                .unwrap_or(""),
        }
    }
}

/// How far the analysis of the library is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// Entries with a result (analysed or failed).
    pub done: usize,
    pub total: usize,
}

/// An open library folder.
pub struct Library {
    root: PathBuf,
    entries: Vec<Entry>,
    by_rel: HashMap<String, usize>,
    /// Bumped on every change, so that views know when to refresh.
    generation: u64,
    pending: usize,
    busy: bool,
    store: Option<Arc<Mutex<Store>>>,
    reads: ReadMarks,
    background: Option<Background>,
}

struct Background {
    updates: Receiver<Update>,
    commands: Sender<Command>,
    cancel: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Library {
    /// Open the folder `root`: list its articles at once, with the results
    /// the cache holds, and analyse the others in the background. Fails
    /// only when `root` itself cannot be read.
    pub fn open(root: &Path, places: &Places) -> Result<Library> {
        let listings = scan::walk(root)?;
        let mut store = places.cache.as_deref().map(|c| Store::open(c, root));
        let mut cached = store
            .as_mut()
            .map(|s| s.load(&listings))
            .unwrap_or_default();
        let mut todo = Vec::new();
        let mut entries = Vec::with_capacity(listings.len());
        for l in &listings {
            let status = match cached.remove(&l.rel) {
                Some(store::Stored::Analysed(d)) => Status::Analysed(Arc::new(d)),
                Some(store::Stored::Refused(why)) => Status::Failed(why),
                None => {
                    todo.push(l.clone());
                    Status::Pending
                }
            };
            entries.push((l.clone(), status));
        }
        drop(cached);
        let reads = ReadMarks::open(places.state.as_deref(), root);
        let mut lib = Library::from_entries(root, entries, reads);
        lib.store = store.map(|s| Arc::new(Mutex::new(s)));
        lib.start(listings, todo, places.watch);
        Ok(lib)
    }

    /// A library of known entries with no background work (for tests,
    /// and for views of results computed elsewhere).
    pub fn from_entries(root: &Path, entries: Vec<(Listing, Status)>, reads: ReadMarks) -> Library {
        let mut lib = Library {
            root: root.to_path_buf(),
            entries: Vec::with_capacity(entries.len()),
            by_rel: HashMap::with_capacity(entries.len()),
            generation: 0,
            pending: 0,
            busy: false,
            store: None,
            reads,
            background: None,
        };
        for (listing, status) in entries {
            lib.insert(listing, status);
        }
        lib
    }

    fn start(&mut self, listings: Vec<Listing>, todo: Vec<Listing>, watch: Option<Duration>) {
        let (updates_tx, updates) = std::sync::mpsc::channel();
        let (commands, commands_rx) = std::sync::mpsc::channel();
        let cancel = Arc::new(AtomicBool::new(false));
        let worker = Worker {
            root: self.root.clone(),
            store: self.store.clone(),
            known: listings
                .into_iter()
                .map(|l| (l.rel.clone(), l))
                .collect::<BTreeMap<_, _>>(),
            updates: updates_tx,
            commands: commands_rx,
            cancel: Arc::clone(&cancel),
            watch,
            pool: worker::analysis_pool(),
        };
        self.busy = true;
        let thread = std::thread::Builder::new()
            .name("library".into())
            .spawn(move || worker.run(todo))
            .ok();
        if thread.is_none() {
            self.busy = false;
        }
        self.background = Some(Background {
            updates,
            commands,
            cancel,
            thread,
        });
    }

    fn insert(&mut self, listing: Listing, status: Status) -> usize {
        let read = self.reads.is_read(&listing);
        if matches!(status, Status::Pending) {
            self.pending += 1;
        }
        self.generation += 1;
        let file_day = dates::parse(&listing.rel).or_else(|| dates::from_unix_ns(listing.mtime_ns));
        let entry = Entry {
            file_day,
            listing,
            status,
            read,
            removed: false,
            version: self.generation,
        };
        if let Some(&i) = self.by_rel.get(&entry.listing.rel) {
            if matches!(self.entries[i].status, Status::Pending) && !self.entries[i].removed {
                self.pending -= 1;
            }
            self.entries[i] = entry;
            return i;
        }
        let i = self.entries.len();
        self.by_rel.insert(entry.listing.rel.clone(), i);
        self.entries.push(entry);
        i
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Every entry ever listed, removed ones included; an entry's number
    /// stays the same while the library is open.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    pub fn entry(&self, id: usize) -> Option<&Entry> {
        self.entries.get(id)
    }

    /// Changes whenever an entry does.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    pub fn progress(&self) -> Progress {
        let total = self.entries.iter().filter(|e| !e.removed).count();
        Progress {
            done: total - self.pending.min(total),
            total,
        }
    }

    /// Whether the background is still analysing.
    pub fn is_busy(&self) -> bool {
        self.busy
    }

    /// Take in what the background has sent; whether anything changed.
    pub fn poll(&mut self) -> bool {
        let before = self.generation;
        let mut updates = Vec::new();
        if let Some(bg) = &self.background {
            updates.extend(bg.updates.try_iter());
        }
        for u in updates {
            self.apply(u);
        }
        self.generation != before
    }

    /// Wait until the background has analysed everything it knows (or
    /// `timeout` passed), taking results in; whether it is idle.
    pub fn wait_idle(&mut self, timeout: Duration) -> bool {
        let deadline = Instant::now() + timeout;
        loop {
            // what has arrived first: a rescan's listing makes it busy again
            self.poll();
            if !self.busy {
                return true;
            }
            let Some(bg) = &self.background else {
                return false;
            };
            let left = deadline.saturating_duration_since(Instant::now());
            match bg.updates.recv_timeout(left) {
                Ok(u) => self.apply(u),
                Err(_) => return false,
            }
        }
    }

    fn apply(&mut self, update: Update) {
        match update {
            Update::Listed(listings) => {
                self.busy = true;
                for l in listings {
                    self.insert(l, Status::Pending);
                }
            }
            Update::Removed(rels) => {
                for rel in rels {
                    if let Some(&i) = self.by_rel.get(&rel) {
                        let e = &mut self.entries[i];
                        if !e.removed && matches!(e.status, Status::Pending) {
                            self.pending -= 1;
                        }
                        self.generation += 1;
                        e.removed = true;
                        e.version = self.generation;
                    }
                }
            }
            Update::Analysed { listing, result } => {
                let status = match result {
                    worker::Analysis::Analysed(d) => Status::Analysed(d),
                    worker::Analysis::Failed(why) => Status::Failed(why),
                };
                self.insert(listing, status);
            }
            Update::Idle => {
                // a rescan that found nothing changes nothing
                if self.busy {
                    self.busy = false;
                    self.generation += 1;
                }
            }
        }
    }

    /// Ask for a rescan of the folder now (e.g. when the terminal regains
    /// focus); results arrive through [`Library::poll`].
    pub fn rescan(&mut self) {
        if let Some(bg) = &self.background {
            let _ = bg.commands.send(Command::Rescan);
        }
    }

    /// The full analysed article of entry `id`: from the cache when it
    /// holds this version of the file, else read and analysed now.
    pub fn article(&self, id: usize) -> Result<Article> {
        let Some(e) = self.entries.get(id) else {
            return Err(Error::new(
                &self.root,
                std::io::Error::from(std::io::ErrorKind::NotFound),
            ));
        };
        let l = &e.listing;
        let cached = self
            .store
            .as_ref()
            .and_then(|s| worker::lock(s).article_ref(l))
            .and_then(|r| r.read())
            .and_then(|bytes| serde_json::from_slice::<Article>(&bytes).ok());
        match cached {
            Some(mut a) => {
                a.source = crate::ingest::sanitize::display_path(&l.path);
                Ok(a)
            }
            None => crate::load(&l.path),
        }
    }

    /// Messages for the user about the cache and the read marks since the
    /// last call: a damaged file moved aside and rebuilt, a folder that
    /// cannot be written (results and marks then stay in memory only).
    pub fn notices(&mut self) -> Vec<String> {
        let mut out = self.reads.take_notices();
        if let Some(s) = &self.store {
            out.extend(worker::lock(s).take_notices());
        }
        out
    }

    /// Mark entry `id` read or unread (saved in the state folder).
    pub fn set_read(&mut self, id: usize, read: bool) {
        if let Some(e) = self.entries.get_mut(id) {
            self.reads.set(&e.listing, read);
            e.read = read;
            self.generation += 1;
            e.version = self.generation;
        }
    }
}

impl Drop for Library {
    fn drop(&mut self) {
        if let Some(mut bg) = self.background.take() {
            bg.cancel.store(true, Ordering::Relaxed);
            let _ = bg.commands.send(Command::Stop);
            drop(bg.updates);
            if let Some(t) = bg.thread.take() {
                // the thread saves what it analysed and stops within one
                // file's analysis
                let _ = t.join();
            }
        }
    }
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

/// The article files found in a folder, and the entries that could not be
/// read.
#[derive(Debug, Default)]
pub struct Scan {
    /// Article files, in path order.
    pub files: Vec<PathBuf>,
    pub errors: Vec<Error>,
}

/// Every article file below `root`, in path order (see [`scan::walk`]).
pub fn scan(root: &Path) -> Result<Scan> {
    let mut out = Scan::default();
    for l in scan::walk(root)? {
        match l.problem {
            None => out.files.push(l.path),
            Some(why) => out
                .errors
                .push(Error::new(&l.path, std::io::Error::other(why))),
        }
    }
    Ok(out)
}
