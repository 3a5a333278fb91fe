//! The whole analysis (sentences, actors, quotes, positions) over the
//! PolNeAR dev texts, about 410 KB: the target is at least 5 MB/s on one
//! core. The texts live in the shared evaluation folder beside the repo
//! (`../shared`, or `DOSSIER_SHARED`); without it the bench says so and
//! measures nothing.

use std::path::{Path, PathBuf};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dossier::analyse;
use dossier::clean::{self, Document};
use dossier::ingest;

const DEV: &str = "eval/quotes/raw/polnear/dev/text";

fn shared_dir() -> Option<PathBuf> {
    let candidates = [
        std::env::var_os("DOSSIER_SHARED").map(PathBuf::from),
        Some(Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared")),
        Some(PathBuf::from("/work/shared")),
    ];
    candidates
        .into_iter()
        .flatten()
        .find(|d| d.join(DEV).is_dir())
}

/// The cleaned dev documents and their total size in bytes.
fn documents(dir: &Path) -> (Vec<Document>, u64) {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|r| r.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    paths.sort();
    let mut bytes = 0;
    let mut docs = Vec::new();
    for path in paths {
        let Ok(raw) = ingest::read_path(&path) else {
            continue;
        };
        bytes += raw.text.len() as u64;
        docs.push(clean::clean(&raw));
    }
    (docs, bytes)
}

fn bench(c: &mut Criterion) {
    let Some(shared) = shared_dir() else {
        eprintln!("analyse bench: the shared folder with {DEV} is absent; nothing measured");
        return;
    };
    let (docs, bytes) = documents(&shared.join(DEV));
    // parse the bundled tables before timing
    let _ = docs.first().map(analyse::analyse);
    let mut group = c.benchmark_group("analyse");
    group.throughput(Throughput::Bytes(bytes));
    group.sample_size(20);
    group.bench_function("polnear-dev", |b| {
        b.iter(|| {
            for d in &docs {
                std::hint::black_box(analyse::analyse(d));
            }
        })
    });
    // the stages, to see where the time goes
    group.bench_function("stage-sentences", |b| {
        b.iter(|| {
            for d in &docs {
                std::hint::black_box(analyse::sentences::split_document(&d.paragraphs));
            }
        })
    });
    let paras: Vec<_> = docs
        .iter()
        .map(|d| analyse::sentences::split_document(&d.paragraphs))
        .collect();
    group.bench_function("stage-actors", |b| {
        b.iter(|| {
            for p in &paras {
                std::hint::black_box(analyse::actors::extract(p));
            }
        })
    });
    group.bench_function("stage-actors-and-quotes", |b| {
        b.iter(|| {
            for p in &paras {
                let mut set = analyse::actors::extract(p);
                std::hint::black_box(analyse::quotes::extract(p, &mut set));
            }
        })
    });
    group.finish();
    report_cpu_time(&docs, bytes);
}

/// On a busy machine wall time overstates the cost: the time this thread
/// spent on a core (Linux `/proc/thread-self/schedstat`) gives the
/// one-core throughput. Printed once, next to criterion's wall-time figure.
fn report_cpu_time(docs: &[Document], bytes: u64) {
    let on_cpu = || -> Option<u64> {
        let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
        s.split_whitespace().next()?.parse().ok()
    };
    let Some(before) = on_cpu() else {
        return;
    };
    let wall = std::time::Instant::now();
    let rounds = 20;
    for _ in 0..rounds {
        for d in docs {
            std::hint::black_box(analyse::analyse(d));
        }
    }
    let wall = wall.elapsed().as_secs_f64();
    let Some(after) = on_cpu() else {
        return;
    };
    let cpu = (after - before) as f64 / 1e9;
    let mb = (bytes * rounds) as f64 / 1e6;
    eprintln!(
        "analyse: {:.1} MB/s per core of CPU time ({:.1} MB/s wall clock, {} bytes x {rounds})",
        mb / cpu,
        mb / wall,
        bytes
    );
}

criterion_group!(benches, bench);
criterion_main!(benches);
