//! The library at scale: 10,000 articles made of copies of the PolNeAR
//! news texts (in a temporary folder, never committed), opened cold (no
//! cache) and warm (cache), with the screens drawn as the reader would.
//!
//! Run: `cargo bench --bench library` (optionally `-- N` for another number
//! of articles). The texts are looked up in `$DOSSIER_POLNEAR`, else in
//! `../shared/eval/quotes/raw/polnear` beside the crate; without them the
//! bench says so and stops. Targets (issue 6): first screen of a cold open
//! <= 0.5 s with analysis going on behind it, full cold analysis <= 15 s on
//! 2 cores, warm reopen to a fully analysed list <= 1 s, peak memory
//! <= 1 GB.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use dossier::library::{ActorIndex, Library, Places, Status, scan};
use dossier::tui::actors_view::{self, ActorsAction, ActorsScreen, Scope};
use dossier::tui::library_view::{self, LibraryAction, LibraryScreen};
use dossier::tui::list_keys::{Edit, Nav};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const DEFAULT_ARTICLES: usize = 10_000;
const PER_FOLDER: usize = 250;

fn main() {
    let n = std::env::args()
        .skip(1)
        .find_map(|a| a.parse::<usize>().ok())
        .unwrap_or(DEFAULT_ARTICLES);
    let Some(texts) = polnear_texts() else {
        println!("library bench: PolNeAR texts not found (set DOSSIER_POLNEAR); skipped");
        return;
    };
    let dir = tempfile::tempdir().expect("temporary folder");
    let root = dir.path().join("library");
    let bytes = build_library(&root, &texts, n);
    println!(
        "library bench: {n} articles ({:.1} MB) from {} PolNeAR texts, {} threads",
        bytes as f64 / 1e6,
        texts.len(),
        rayon::current_num_threads()
    );
    let places = Places {
        cache: Some(dir.path().join("cache")),
        state: Some(dir.path().join("state")),
        watch: None,
    };

    // cold: no cache
    let cpu = cpu_seconds();
    let t = Instant::now();
    let mut lib = Library::open(&root, &places).expect("open");
    let screen = LibraryScreen::new(&lib, 120, 40);
    draw_library(&screen, &lib);
    let first = t.elapsed();
    report("cold open to first screen", first, 0.5);
    let analysed_at_first = lib.progress().done;
    let ticks = ui_while_analysing(&mut lib, screen);
    let cold = t.elapsed();
    report("full cold analysis (list complete)", cold, 15.0);
    println!(
        "  CPU time of the cold open: {:.1} s (on two idle cores about half of that in wall time)",
        cpu_seconds() - cpu
    );
    println!(
        "  analysed at first screen: {analysed_at_first}; failed: {}",
        failed(&lib)
    );
    println!(
        "  while analysing: {} reader ticks (poll + refresh + draw) took {:.2} s in all, \
         slowest {:.1} ms; a filter keystroke {:.1} ms",
        ticks.count,
        ticks.total.as_secs_f64(),
        ms(ticks.slowest),
        ms(ticks.keystroke)
    );
    responsiveness(&mut lib);
    drop(lib);
    let after_cold = peak_memory_mb();

    // warm: everything from the cache
    let cpu = cpu_seconds();
    let t = Instant::now();
    let lib = Library::open(&root, &places).expect("reopen");
    let screen = LibraryScreen::new(&lib, 120, 40);
    draw_library(&screen, &lib);
    let warm = t.elapsed();
    let analysed = lib.progress();
    assert_eq!(
        analysed.done, analysed.total,
        "warm list not fully analysed"
    );
    report("warm reopen to fully analysed list", warm, 1.0);
    println!("  CPU time of the warm open: {:.2} s", cpu_seconds() - cpu);
    let t = Instant::now();
    let article = lib.article(lib.entries().len() / 2).expect("article");
    println!(
        "  open one article from the cache: {:.1} ms ({} paragraphs)",
        ms(t.elapsed()),
        article.paragraphs.len()
    );
    drop(lib);

    watch_cost(&root);
    export_warm(&root, &places);
    let peak = peak_memory_mb().max(after_cold);
    println!(
        "peak memory (VmHWM): {peak:.0} MB (target <= 1024 MB) {}",
        verdict(peak <= 1024.0)
    );
}

struct Ticks {
    count: usize,
    total: Duration,
    slowest: Duration,
    keystroke: Duration,
}

/// Act as the reader's loop does while the analysis runs: every 50 ms take
/// in results, refresh the list and draw it; once, type into the filter.
fn ui_while_analysing(lib: &mut Library, mut screen: LibraryScreen) -> Ticks {
    let mut ticks = Ticks {
        count: 0,
        total: Duration::ZERO,
        slowest: Duration::ZERO,
        keystroke: Duration::ZERO,
    };
    let deadline = Instant::now() + Duration::from_secs(600);
    while lib.is_busy() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(50));
        let t = Instant::now();
        lib.poll();
        screen.refresh(lib);
        draw_library(&screen, lib);
        ticks.slowest = ticks.slowest.max(t.elapsed());
        ticks.total += t.elapsed();
        ticks.count += 1;
        if ticks.count == 40 {
            let t = Instant::now();
            screen.update(lib, LibraryAction::Filter(Edit::Start));
            screen.update(lib, LibraryAction::Filter(Edit::Type('a')));
            draw_library(&screen, lib);
            ticks.keystroke = t.elapsed();
            screen.update(lib, LibraryAction::Filter(Edit::Clear));
        }
    }
    assert!(!lib.is_busy(), "cold analysis did not end");
    ticks
}

/// The UI's costs over a full library: one keystroke of the filter, the
/// actor merge, the actors screen.
fn responsiveness(lib: &mut Library) {
    let mut screen = LibraryScreen::new(lib, 120, 40);
    screen.update(lib, LibraryAction::Filter(Edit::Start));
    let t = Instant::now();
    for c in "trump".chars() {
        screen.update(lib, LibraryAction::Filter(Edit::Type(c)));
    }
    println!(
        "  filter keystroke over {} rows: {:.1} ms each ({} match \"trump\")",
        lib.entries().len(),
        ms(t.elapsed()) / 5.0,
        screen.rows().len()
    );
    let t = Instant::now();
    let index = ActorIndex::build(lib);
    println!(
        "  actors across the library: {} actors merged in {:.0} ms",
        index.actors.len(),
        ms(t.elapsed())
    );
    let t = Instant::now();
    let mut actors = ActorsScreen::new(lib, Scope::All, 120, 40);
    draw(|f| actors_view::view(&actors, lib, &Default::default(), f));
    println!(
        "  actors screen: first draw {:.0} ms (merge on a thread)",
        ms(t.elapsed())
    );
    while actors.is_merging() {
        std::thread::sleep(Duration::from_millis(5));
        actors.refresh(lib);
    }
    draw(|f| actors_view::view(&actors, lib, &Default::default(), f));
    println!(
        "  actors screen: merged and drawn after {:.0} ms",
        ms(t.elapsed())
    );
    let t = Instant::now();
    actors.update(lib, ActorsAction::Nav(Nav::Down(1)));
    let second = actors.selected_actor().map_or(0, |a| a.articles);
    println!(
        "  timeline of the second actor ({second} articles): {:.1} ms",
        ms(t.elapsed())
    );
}

/// What one rescan of the folder costs: the watch runs it on a timer.
fn watch_cost(root: &Path) {
    let t = Instant::now();
    let rounds = 5;
    for _ in 0..rounds {
        let found = scan::walk(root).expect("walk");
        assert!(!found.is_empty());
    }
    println!(
        "  rescan (watch) of the folder: {:.1} ms",
        ms(t.elapsed()) / f64::from(rounds)
    );
}

/// `dossier export DIR --format jsonl` from a warm cache, output dropped.
fn export_warm(root: &Path, places: &Places) {
    let t = Instant::now();
    let mut count = 0usize;
    let mut bytes = 0usize;
    dossier::library::articles::each(root, places.cache.as_deref(), true, |a| {
        if let Ok(a) = a {
            bytes += a.into_json_line().len();
            count += 1;
        }
        std::ops::ControlFlow::Continue(())
    })
    .expect("export");
    println!(
        "  export jsonl from the cache: {count} articles, {:.0} MB in {:.2} s",
        bytes as f64 / 1e6,
        t.elapsed().as_secs_f64()
    );
}

fn failed(lib: &Library) -> usize {
    lib.entries()
        .iter()
        .filter(|e| matches!(e.status, Status::Failed(_)))
        .count()
}

fn draw_library(screen: &LibraryScreen, lib: &Library) {
    draw(|f| library_view::view(screen, lib, &Default::default(), f));
}

fn draw(f: impl FnOnce(&mut ratatui::Frame)) {
    let mut t = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    t.draw(f).expect("draw");
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn verdict(ok: bool) -> &'static str {
    if ok { "ok" } else { "OVER TARGET" }
}

fn report(what: &str, took: Duration, target_s: f64) {
    let s = took.as_secs_f64();
    println!(
        "{what}: {s:.3} s (target <= {target_s} s) {}",
        verdict(s <= target_s)
    );
}

fn polnear_texts() -> Option<Vec<PathBuf>> {
    let base = std::env::var_os("DOSSIER_POLNEAR")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/quotes/raw/polnear")
        });
    let base = if base.is_dir() {
        base
    } else {
        PathBuf::from("/work/shared/eval/quotes/raw/polnear")
    };
    let mut texts = Vec::new();
    for split in ["train", "dev"] {
        let Ok(entries) = std::fs::read_dir(base.join(split).join("text")) else {
            continue;
        };
        texts.extend(entries.filter_map(|e| e.ok()).map(|e| e.path()));
    }
    texts.sort();
    (!texts.is_empty()).then_some(texts)
}

/// Copy texts round-robin into `n` files, `PER_FOLDER` to a folder.
fn build_library(root: &Path, texts: &[PathBuf], n: usize) -> u64 {
    let mut total = 0;
    for i in 0..n {
        let src = &texts[i % texts.len()];
        let folder = root.join(format!("batch-{:03}", i / PER_FOLDER));
        if i % PER_FOLDER == 0 {
            std::fs::create_dir_all(&folder).expect("mkdir");
        }
        let name = src
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let dest = folder.join(format!("{i:05}-{name}"));
        total += std::fs::copy(src, &dest).expect("copy");
    }
    total
}

/// CPU time the process used so far, all threads (Linux; 0 elsewhere).
fn cpu_seconds() -> f64 {
    // utime and stime, in clock ticks of 1/100 s, after the command name
    std::fs::read_to_string("/proc/self/stat")
        .ok()
        .and_then(|s| {
            let rest = &s[s.rfind(')')? + 2..];
            let fields: Vec<&str> = rest.split_whitespace().collect();
            let ticks =
                fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
            Some(ticks / 100.0)
        })
        .unwrap_or(0.0)
}

/// The process's peak resident memory so far, in MB (Linux; 0 elsewhere).
fn peak_memory_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
}
