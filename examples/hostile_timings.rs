//! Full-size timings of the hostile inputs the tests check at small sizes
//! (tests/hostile*.rs): each input at a size and at twice that size, stage
//! by stage (ingest, clean, analyse, export), so that a stage that grows
//! faster than its input shows as a ratio well above 2.
//!
//! Run: `cargo run --release --example hostile_timings [-- FILTER [SIZE]]`
//! (FILTER picks the cases whose name contains it; SIZE replaces their
//! full size).

#[path = "../tests/common/hostile_inputs.rs"]
mod inputs;

use std::path::Path;
use std::time::{Duration, Instant};

type Maker = fn(usize) -> String;

/// Name, file name (for the format), maker, size.
const CASES: &[(&str, &str, Maker, usize)] = &[
    (
        "50 MB line of sentences",
        "line.txt",
        inputs::one_line,
        50_000_000,
    ),
    (
        "50 MB line as Markdown",
        "line.md",
        inputs::one_line,
        50_000_000,
    ),
    (
        "50 MB word, no space",
        "word.txt",
        inputs::one_word,
        50_000_000,
    ),
    ("100k paragraphs", "paras.txt", inputs::paragraphs, 100_000),
    ("10k-char names", "names.txt", inputs::long_names, 10_000),
    (
        "unbalanced quotes",
        "quotes.txt",
        inputs::unbalanced_quotes,
        200_000,
    ),
    ("nested HTML", "nested.html", inputs::nested_html, 100_000),
    (
        "malformed HTML",
        "broken.html",
        inputs::malformed_html,
        100_000,
    ),
];

fn main() {
    let filter = std::env::args().nth(1).unwrap_or_default();
    let size_override = std::env::args()
        .nth(2)
        .and_then(|s| s.parse::<usize>().ok());
    println!(
        "{:<28} {:>10} {:>9} {:>9} {:>9} {:>9} {:>9}",
        "case", "bytes", "ingest", "clean", "analyse", "export", "total"
    );
    for &(name, file, make, size) in CASES {
        if !name.contains(&filter) {
            continue;
        }
        let size = size_override.unwrap_or(size);
        let small = run(name, file, &make(size / 2));
        let full = run(name, file, &make(size));
        println!(
            "  ratio full/half: {:.2} (2.0 is linear)",
            full.as_secs_f64() / small.as_secs_f64().max(1e-9)
        );
    }
}

fn run(name: &str, file: &str, text: &str) -> Duration {
    let path = Path::new(file);
    let start = Instant::now();
    let raw = match dossier::ingest::from_bytes(path, text.as_bytes()) {
        Ok(raw) => raw,
        Err(e) => {
            println!("{name:<28} {:>10} refused: {e}", text.len());
            return start.elapsed();
        }
    };
    let t_ingest = start.elapsed();
    let doc = dossier::clean::clean(&raw);
    let t_clean = start.elapsed();
    let article = dossier::analyse::analyse(&doc);
    let t_analyse = start.elapsed();
    let json = dossier::export::to_json(&article);
    let t_export = start.elapsed();
    let secs = |d: Duration| format!("{:.3}s", d.as_secs_f64());
    println!(
        "{name:<28} {:>10} {:>9} {:>9} {:>9} {:>9} {:>9}   ({} paragraphs, {} actors, {} quotes, {} B json)",
        text.len(),
        secs(t_ingest),
        secs(t_clean - t_ingest),
        secs(t_analyse - t_clean),
        secs(t_export - t_analyse),
        secs(t_export),
        article.paragraphs.len(),
        article.actors.len(),
        article.quotes.len(),
        json.len()
    );
    t_export
}
