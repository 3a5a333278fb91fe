//! The analysis cache of one library folder, in the XDG cache folder.
//!
//! Layout, under `<cache>/library/<hash of the folder's real path>/`:
//! - `index`: which files are cached, keyed by path inside the folder, size
//!   and modification time, and where their results are;
//! - `seg-*.bin`: immutable segments, each holding a block of digests (what
//!   the list shows) followed by a block of full articles (`dossier/1` JSON,
//!   read when one is opened or exported).
//!
//! Results are added in batches: one new segment and a new index per flush,
//! both written atomically, so the cost of a flush does not grow with the
//! number of files in it (a synced write costs milliseconds; one per
//! article would cost minutes for ten thousand). When dead results take
//! more room than live ones, a flush copies the live ones into one new
//! segment and drops the rest.
//!
//! Nothing read back is trusted: the index and every digest block and
//! article carry a hash, and the index names the format, the analyser's
//! fingerprint and the folder. Anything that does not check out is a cache
//! miss, never an error.

use std::collections::{HashMap, HashSet};
use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::sync::LazyLock;
use std::time::{Duration, SystemTime};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::xxh3_64;

use super::digest::Digest;
use super::scan::Listing;
use crate::storage::atomic_write;

/// The layout version of the files below; bump it when they change.
const FORMAT: u32 = 1;
const INDEX_MAGIC: &[u8; 16] = b"dossier-library\n";
const SEGMENT_MAGIC: &[u8; 8] = b"dossseg\n";
/// Segments no index names are removed once they are this old (younger
/// ones may belong to another dossier writing the same folder's cache).
const ORPHAN_AGE: Duration = Duration::from_secs(120);
/// Dead bytes tolerated before a flush compacts, besides twice the live.
const COMPACT_SLACK: u64 = 4 << 20;

/// What the cache keeps about one file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Stored {
    Analysed(Digest),
    /// The file's content cannot be an article (binary data, a broken
    /// export): known without reading it again while it is unchanged.
    Refused(String),
}

/// A byte range in a segment, with the hash of its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
struct Slice {
    offset: u64,
    len: u64,
    hash: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Segment {
    id: u32,
    name: String,
    /// The digest block: bytes after the magic, and their hash.
    digests: Slice,
    len: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Record {
    size: u64,
    mtime_ns: i64,
    segment: u32,
    /// Offset and length inside the segment's digest block (checked
    /// through the block's hash).
    digest: (u64, u64),
    article: Option<Slice>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct IndexBody {
    root: String,
    next_id: u32,
    segments: Vec<Segment>,
    records: Vec<(String, Record)>,
}

/// Where a cached article is, for reading it without holding the store.
#[derive(Debug, Clone)]
pub struct ArticleRef {
    path: PathBuf,
    slice: Slice,
}

/// A result waiting to be written.
struct Fresh {
    rel: String,
    size: u64,
    mtime_ns: i64,
    stored: Vec<u8>,
    article: Option<Vec<u8>>,
}

/// The cache of one library folder.
pub struct Store {
    dir: PathBuf,
    root: String,
    segments: Vec<Segment>,
    records: HashMap<String, Record>,
    next_id: u32,
    /// Results waiting to be written, by `rel` (a newer one replaces).
    fresh: HashMap<String, Fresh>,
    dirty: bool,
}

/// What identifies the analyser: its version, the crate's, the cache
/// format, the build's source hash (see `build.rs`: any change to the code
/// or its data tables invalidates) and what it makes of two small sample
/// articles.
pub static FINGERPRINT: LazyLock<u64> = LazyLock::new(|| {
    let text = crate::analyse_text(
        "probe.txt",
        "Harbour talks resume\n\nROTTERDAM, The dock workers' union said on Monday \
         that the strike would go on. \"We will not accept this offer,\" said Union \
         Secretary Marta de Vries. Mayor Tom Reed urged both sides to return.",
    );
    let html = crate::ingest::from_bytes(
        Path::new("probe.html"),
        b"<html><head><title>Vote delayed</title></head><body><nav>Home | World</nav>\
          <article><h1>Vote delayed</h1><p>Senator Ana Ruiz said the vote would wait.</p>\
          </article></body></html>",
    )
    .ok()
    .and_then(|raw| crate::from_raw(Path::new("probe.html"), raw).ok());
    let probe = serde_json::to_string(&(text, html)).unwrap_or_default();
    let key = format!(
        "{FORMAT}/{}/{}/{}/{}/{probe}",
        crate::analyse::version::ANALYSER_VERSION,
        env!("CARGO_PKG_VERSION"),
        env!("DOSSIER_SOURCE_HASH"),
        crate::model::SCHEMA,
    );
    xxh3_64(key.as_bytes())
});

impl Store {
    /// The cache of the folder `root` under `cache_root`, with whatever
    /// valid index it has (none when absent, foreign or corrupt).
    pub fn open(cache_root: &Path, root: &Path) -> Store {
        let real = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
        let root = real.to_string_lossy().into_owned();
        let dir = cache_root
            .join("library")
            .join(format!("{:016x}", xxh3_64(root.as_bytes())));
        let body = read_index(&dir.join("index"), &root).unwrap_or_default();
        Store {
            dir,
            root,
            next_id: body.next_id,
            segments: body.segments,
            records: body.records.into_iter().collect(),
            fresh: HashMap::new(),
            dirty: false,
        }
    }

    /// The folder this store writes in.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Every cached result that still matches a file of `listings`,
    /// by `rel`. Results whose segment fails its check are forgotten.
    pub fn load(&mut self, listings: &[Listing]) -> HashMap<String, Stored> {
        let wanted: Vec<(&str, &Record)> = listings
            .iter()
            .filter(|l| l.problem.is_none())
            .filter_map(|l| {
                let r = self.records.get(&l.rel)?;
                (r.size == l.size && r.mtime_ns == l.mtime_ns).then_some((l.rel.as_str(), r))
            })
            .collect();
        let mut blocks: HashMap<u32, Option<Vec<u8>>> = HashMap::new();
        for (_, r) in &wanted {
            blocks
                .entry(r.segment)
                .or_insert_with(|| self.read_digest_block(r.segment));
        }
        // decoding ten thousand digests is the bulk of a warm open
        let decoded: Vec<(&str, Option<Stored>)> = wanted
            .par_iter()
            .map(|(rel, r)| {
                let stored = blocks
                    .get(&r.segment)
                    .and_then(|b| b.as_deref())
                    .and_then(|b| block_part(b, r.digest))
                    .and_then(|part| postcard::from_bytes::<Stored>(part).ok());
                (*rel, stored)
            })
            .collect();
        let mut out = HashMap::with_capacity(decoded.len());
        let mut bad = Vec::new();
        for (rel, stored) in decoded {
            match stored {
                Some(s) => {
                    out.insert(rel.to_string(), s);
                }
                None => bad.push(rel.to_string()),
            }
        }
        for rel in bad {
            self.records.remove(&rel);
            self.dirty = true;
        }
        out
    }

    fn segment(&self, id: u32) -> Option<&Segment> {
        self.segments.iter().find(|s| s.id == id)
    }

    fn read_digest_block(&self, id: u32) -> Option<Vec<u8>> {
        let seg = self.segment(id)?;
        read_range(&self.dir.join(&seg.name), seg.digests)
    }

    /// Where the cached article for this version of the file is.
    pub fn article_ref(&self, l: &Listing) -> Option<ArticleRef> {
        let r = self.records.get(&l.rel)?;
        if r.size != l.size || r.mtime_ns != l.mtime_ns {
            return None;
        }
        Some(ArticleRef {
            path: self.dir.join(&self.segment(r.segment)?.name),
            slice: r.article?,
        })
    }

    /// Queue a result for the next flush (it replaces any older one).
    pub fn add(&mut self, l: &Listing, stored: &Stored, article: Option<Vec<u8>>) {
        let Ok(bytes) = postcard::to_stdvec(stored) else {
            return;
        };
        self.fresh.insert(
            l.rel.clone(),
            Fresh {
                rel: l.rel.clone(),
                size: l.size,
                mtime_ns: l.mtime_ns,
                stored: bytes,
                article,
            },
        );
    }

    /// Drop the results of files that are gone.
    pub fn forget(&mut self, rel: &str) {
        self.fresh.remove(rel);
        if self.records.remove(rel).is_some() {
            self.dirty = true;
        }
    }

    /// Results waiting to be written.
    pub fn unsaved(&self) -> usize {
        self.fresh.len()
    }

    /// Write what was added since the last flush.
    pub fn flush(&mut self) -> std::io::Result<()> {
        if self.fresh.is_empty() && !self.dirty {
            return Ok(());
        }
        let mut items: Vec<Fresh> = std::mem::take(&mut self.fresh).into_values().collect();
        if self.needs_compaction() {
            items.extend(self.live_items(&items));
        }
        if !items.is_empty() {
            self.write_segment(items)?;
        }
        self.drop_unused_segments();
        self.write_index()?;
        self.dirty = false;
        self.remove_orphans();
        Ok(())
    }

    fn needs_compaction(&self) -> bool {
        let total: u64 = self.segments.iter().map(|s| s.len).sum();
        let live: u64 = self
            .records
            .values()
            .map(|r| r.digest.1 + r.article.map_or(0, |a| a.len))
            .sum();
        total > 2 * live + COMPACT_SLACK
    }

    /// The cached results not replaced by `fresh`, read back for copying.
    fn live_items(&self, fresh: &[Fresh]) -> Vec<Fresh> {
        let replaced: HashSet<&str> = fresh.iter().map(|f| f.rel.as_str()).collect();
        let mut blocks: HashMap<u32, Option<Vec<u8>>> = HashMap::new();
        let mut out = Vec::new();
        for (rel, r) in &self.records {
            if replaced.contains(rel.as_str()) {
                continue;
            }
            let block = blocks
                .entry(r.segment)
                .or_insert_with(|| self.read_digest_block(r.segment));
            let stored = block.as_deref().and_then(|b| block_part(b, r.digest));
            let Some(stored) = stored else { continue };
            let article = match (r.article, self.segment(r.segment)) {
                (Some(a), Some(seg)) => match read_range(&self.dir.join(&seg.name), a) {
                    Some(bytes) => Some(bytes),
                    None => continue,
                },
                _ => None,
            };
            out.push(Fresh {
                rel: rel.clone(),
                size: r.size,
                mtime_ns: r.mtime_ns,
                stored: stored.to_vec(),
                article,
            });
        }
        out
    }

    fn write_segment(&mut self, items: Vec<Fresh>) -> std::io::Result<()> {
        let id = self.next_id;
        self.next_id = self.next_id.wrapping_add(1);
        let name = format!("seg-{:016x}.bin", unique_token(id));
        let mut bytes = SEGMENT_MAGIC.to_vec();
        let mut digests = Vec::with_capacity(items.len());
        for f in &items {
            digests.push((bytes.len() as u64 - 8, f.stored.len() as u64));
            bytes.extend_from_slice(&f.stored);
        }
        let block = Slice {
            offset: 8,
            len: bytes.len() as u64 - 8,
            hash: xxh3_64(&bytes[8..]),
        };
        let mut records = Vec::with_capacity(items.len());
        for (f, (offset, len)) in items.into_iter().zip(digests) {
            let article = f.article.map(|a| {
                let slice = Slice {
                    offset: bytes.len() as u64,
                    len: a.len() as u64,
                    hash: xxh3_64(&a),
                };
                bytes.extend_from_slice(&a);
                slice
            });
            let digest = (offset, len);
            records.push((
                f.rel,
                Record {
                    size: f.size,
                    mtime_ns: f.mtime_ns,
                    segment: id,
                    digest,
                    article,
                },
            ));
        }
        std::fs::create_dir_all(&self.dir)?;
        atomic_write(&self.dir.join(&name), &bytes)?;
        self.segments.push(Segment {
            id,
            name,
            digests: block,
            len: bytes.len() as u64,
        });
        self.records.extend(records);
        Ok(())
    }

    fn drop_unused_segments(&mut self) {
        let used: HashSet<u32> = self.records.values().map(|r| r.segment).collect();
        let (keep, gone): (Vec<Segment>, Vec<Segment>) = std::mem::take(&mut self.segments)
            .into_iter()
            .partition(|s| used.contains(&s.id));
        self.segments = keep;
        for s in gone {
            let _ = std::fs::remove_file(self.dir.join(s.name));
        }
    }

    fn write_index(&self) -> std::io::Result<()> {
        let mut records: Vec<(String, Record)> = self
            .records
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        records.sort_by(|a, b| a.0.cmp(&b.0));
        let body = IndexBody {
            root: self.root.clone(),
            next_id: self.next_id,
            segments: self.segments.clone(),
            records,
        };
        let payload = postcard::to_stdvec(&body).map_err(std::io::Error::other)?;
        let mut bytes = Vec::with_capacity(payload.len() + 44);
        bytes.extend_from_slice(INDEX_MAGIC);
        bytes.extend_from_slice(&FORMAT.to_le_bytes());
        bytes.extend_from_slice(&FINGERPRINT.to_le_bytes());
        bytes.extend_from_slice(&xxh3_64(&payload).to_le_bytes());
        bytes.extend_from_slice(&payload);
        atomic_write(&self.dir.join("index"), &bytes)
    }

    /// Remove old segment files that no index names (a crash between
    /// writing a segment and its index, or a cache that was reset).
    fn remove_orphans(&self) {
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return;
        };
        let named: HashSet<&str> = self.segments.iter().map(|s| s.name.as_str()).collect();
        let now = SystemTime::now();
        for e in entries.flatten() {
            let name = e.file_name();
            let name = name.to_string_lossy();
            if !name.starts_with("seg-") || named.contains(name.as_ref()) {
                continue;
            }
            let old = e
                .metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| now.duration_since(t).ok())
                .is_some_and(|age| age >= ORPHAN_AGE);
            if old {
                let _ = std::fs::remove_file(e.path());
            }
        }
    }
}

impl ArticleRef {
    /// The cached article's `dossier/1` JSON, if it is intact.
    pub fn read(&self) -> Option<Vec<u8>> {
        read_range(&self.path, self.slice)
    }
}

/// The part of a digest block at `(offset, len)`.
fn block_part(block: &[u8], (offset, len): (u64, u64)) -> Option<&[u8]> {
    let start = usize::try_from(offset).ok()?;
    block.get(start..start.checked_add(usize::try_from(len).ok()?)?)
}

/// The bytes of `slice` in the file at `path`, if they hash right.
fn read_range(path: &Path, slice: Slice) -> Option<Vec<u8>> {
    let mut f = std::fs::File::open(path).ok()?;
    let len = usize::try_from(slice.len).ok()?;
    if f.metadata().ok()?.len() < slice.offset.checked_add(slice.len)? {
        return None;
    }
    f.seek(SeekFrom::Start(slice.offset)).ok()?;
    let mut buf = vec![0; len];
    f.read_exact(&mut buf).ok()?;
    (xxh3_64(&buf) == slice.hash).then_some(buf)
}

fn read_index(path: &Path, root: &str) -> Option<IndexBody> {
    let bytes = std::fs::read(path).ok()?;
    let (magic, rest) = bytes.split_at_checked(INDEX_MAGIC.len())?;
    let (format, rest) = rest.split_at_checked(4)?;
    let (fingerprint, rest) = rest.split_at_checked(8)?;
    let (hash, payload) = rest.split_at_checked(8)?;
    let ok = magic == INDEX_MAGIC
        && format == FORMAT.to_le_bytes()
        && fingerprint == FINGERPRINT.to_le_bytes()
        && hash == xxh3_64(payload).to_le_bytes();
    if !ok {
        return None;
    }
    let body: IndexBody = postcard::from_bytes(payload).ok()?;
    (body.root == root).then_some(body)
}

/// A name part no other process or earlier run picks.
fn unique_token(id: u32) -> u64 {
    let now = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    xxh3_64(format!("{}/{now}/{id}", std::process::id()).as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::Digest;

    fn listing(rel: &str, mtime_ns: i64) -> Listing {
        Listing {
            path: PathBuf::from(rel),
            rel: rel.into(),
            size: 10,
            mtime_ns,
            problem: None,
        }
    }

    fn digest(title: &str) -> Stored {
        Stored::Analysed(Digest {
            title: title.into(),
            date: None,
            day: None,
            dateline: None,
            paragraphs: 1,
            actors: Vec::new(),
            quotes: Vec::new(),
            positions: Vec::new(),
        })
    }

    fn segments(dir: &Path) -> usize {
        std::fs::read_dir(dir)
            .expect("cache folder")
            .filter(|e| {
                e.as_ref()
                    .is_ok_and(|e| e.file_name().to_string_lossy().starts_with("seg-"))
            })
            .count()
    }

    #[test]
    fn replaced_results_are_compacted_away_and_the_rest_survives() {
        let cache = tempfile::tempdir().expect("tempdir");
        let root = cache.path().join("lib");
        std::fs::create_dir(&root).expect("mkdir");
        let big = vec![b'x'; 256 << 10];
        let mut store = Store::open(cache.path(), &root);
        let names: Vec<String> = (0..10).map(|i| format!("f{i}.txt")).collect();
        // round k rewrites files k.. : every segment keeps one live file
        // and dead ones, until dead outweighs live and a flush compacts
        for round in 0..6 {
            for name in &names[round..] {
                let article = [big.as_slice(), name.as_bytes()].concat();
                store.add(&listing(name, round as i64), &digest(name), Some(article));
            }
            store.flush().expect("flush");
        }
        assert_eq!(segments(store.dir()), 1, "compacted into one segment");
        let mut again = Store::open(cache.path(), &root);
        let now: Vec<Listing> = names
            .iter()
            .enumerate()
            .map(|(i, n)| listing(n, i.min(5) as i64))
            .collect();
        let loaded = again.load(&now);
        assert_eq!(loaded.len(), 10);
        assert_eq!(loaded["f1.txt"], digest("f1.txt"));
        for l in &now {
            let bytes = again
                .article_ref(l)
                .and_then(|r| r.read())
                .expect("article");
            assert!(bytes.ends_with(l.rel.as_bytes()));
        }
        // an older version of a file is not served
        assert!(again.article_ref(&listing("f5.txt", 1)).is_none());
    }
}
