//! Ingest and clean of saved web pages: the pages of the cleaning
//! benchmark's dev split, when it is there (`DOSSIER_CLEANING_DEV`, else
//! `../shared/eval/cleaning/dev` beside the crate, else
//! `/work/shared/eval/cleaning/dev`). Without it the bench says so and
//! measures nothing. Run: `cargo bench --bench clean_html`.

use std::path::{Path, PathBuf};
use std::time::Instant;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

/// The dev split's `html/` folder, if one of the usual places has it.
fn pages_dir() -> Option<PathBuf> {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::env::var_os("DOSSIER_CLEANING_DEV")
        .map(PathBuf::from)
        .into_iter()
        .chain([
            manifest.join("../shared/eval/cleaning/dev"),
            PathBuf::from("/work/shared/eval/cleaning/dev"),
        ])
        .map(|dev| dev.join("html"))
        .find(|dir| dir.is_dir())
}

/// Every page in `dir`, read into memory so the bench times no disk.
fn load_pages(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut pages: Vec<(PathBuf, Vec<u8>)> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|e| e == "html" || e == "htm"))
                .filter_map(|p| std::fs::read(&p).ok().map(|bytes| (p, bytes)))
                .collect()
        })
        .unwrap_or_default();
    pages.sort();
    pages
}

/// Ingest and clean every page once; the number of paragraphs kept.
fn clean_all(pages: &[(PathBuf, Vec<u8>)]) -> usize {
    pages
        .iter()
        .filter_map(|(path, bytes)| dossier::ingest::from_bytes(path, bytes).ok())
        .map(|raw| dossier::clean::clean(&raw).paragraphs.len())
        .sum()
}

/// Time one pass, ingest alone and ingest+clean, and print pages/s.
fn report_one_pass(pages: &[(PathBuf, Vec<u8>)]) {
    let bytes: usize = pages.iter().map(|(_, b)| b.len()).sum();
    let start = Instant::now();
    let raws: Vec<_> = pages
        .iter()
        .filter_map(|(path, bytes)| dossier::ingest::from_bytes(path, bytes).ok())
        .collect();
    let ingest = start.elapsed().as_secs_f64();
    let start = Instant::now();
    let kept: usize = raws
        .iter()
        .map(|raw| dossier::clean::clean(raw).paragraphs.len())
        .sum();
    let clean = start.elapsed().as_secs_f64();
    std::hint::black_box(kept);
    let n = pages.len() as f64;
    eprintln!(
        "clean_html: {} pages, {:.1} MB; ingest {:.2} ms/page + clean {:.2} ms/page = {:.2} ms/page, {:.0} pages/s",
        pages.len(),
        bytes as f64 / 1e6,
        ingest * 1e3 / n,
        clean * 1e3 / n,
        (ingest + clean) * 1e3 / n,
        n / (ingest + clean)
    );
}

fn bench(c: &mut Criterion) {
    let Some(dir) = pages_dir() else {
        eprintln!("clean_html: no cleaning dev split found (set DOSSIER_CLEANING_DEV); skipped");
        return;
    };
    let pages = load_pages(&dir);
    if pages.is_empty() {
        eprintln!("clean_html: no .html pages in {}; skipped", dir.display());
        return;
    }
    report_one_pass(&pages);
    let mut group = c.benchmark_group("clean_html");
    group.throughput(Throughput::Elements(pages.len() as u64));
    group.sample_size(10);
    group.bench_function("ingest+clean dev pages", |b| {
        b.iter(|| std::hint::black_box(clean_all(&pages)))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
