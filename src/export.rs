//! Export: an article as `dossier/1` JSON (one object, or one line of a
//! JSONL stream) or as plain wrapped text with its panels.

use std::fmt::Write as _;

use crate::model::{Article, ParagraphKind};

/// The article as pretty-printed `dossier/1` JSON.
pub fn to_json(article: &Article) -> String {
    // serialising plain data structs with string keys cannot fail
    serde_json::to_string_pretty(article).unwrap_or_default()
}

/// The article as one line of JSON (for `--format jsonl`).
pub fn to_json_line(article: &Article) -> String {
    serde_json::to_string(article).unwrap_or_default()
}

/// Write the article as `to_json` (or, `line`, `to_json_line`) makes it,
/// straight to `out`: a long article's JSON is several times its size and
/// is never held whole in memory.
pub fn write_json(
    article: &Article,
    line: bool,
    out: &mut impl std::io::Write,
) -> std::io::Result<()> {
    let written = if line {
        serde_json::to_writer(out, article)
    } else {
        serde_json::to_writer_pretty(out, article)
    };
    written.map_err(std::io::Error::from)
}

/// The cleaned article followed by its actors, quotes and positions, wrapped
/// at `width` columns.
pub fn to_text(article: &Article, width: usize) -> String {
    let width = width.max(20);
    let mut out = String::new();
    let wrap = |s: &str| textwrap::fill(s, width);
    out.push_str(&wrap(&article.title));
    out.push_str("\n\n");
    if let Some(d) = &article.dateline {
        let _ = writeln!(out, "{d}\n");
    }
    for p in &article.paragraphs {
        match p.kind {
            ParagraphKind::Heading => {
                let _ = writeln!(out, "## {}\n", wrap(&p.text));
            }
            ParagraphKind::Body => {
                let _ = writeln!(out, "{}\n", wrap(&p.text));
            }
        }
    }
    let rule = "-".repeat(width.min(40));
    let _ = writeln!(out, "{rule}\nActors ({})", article.actors.len());
    for a in &article.actors {
        let mut line = format!("- {} ({})", a.name, a.kind.label());
        if let Some(t) = &a.title {
            let _ = write!(line, ", {t}");
        }
        if let Some(aff) = a.affiliation.as_deref().and_then(|id| article.actor(id)) {
            let _ = write!(line, " -> {}", aff.name);
        }
        out.push_str(&hanging(&line, width));
    }
    let _ = writeln!(out, "\nQuotes ({})", article.quotes.len());
    for q in &article.quotes {
        let who = speaker_name(article, q.speaker.as_deref(), q.speaker_text.as_deref());
        let line = format!("- [{}] {who}: {}", q.kind.label(), q.text.trim());
        out.push_str(&hanging(&line, width));
    }
    let _ = writeln!(out, "\nPositions ({})", article.positions.len());
    for p in &article.positions {
        let who = speaker_name(article, Some(&p.actor), None);
        let line = format!(
            "- {who} {} ({}): {}",
            p.stance,
            p.polarity.label(),
            p.summary
        );
        out.push_str(&hanging(&line, width));
    }
    out
}

fn speaker_name(article: &Article, id: Option<&str>, surface: Option<&str>) -> String {
    id.and_then(|id| article.actor(id))
        .map(|a| a.name.clone())
        .or_else(|| surface.map(str::to_string))
        .unwrap_or_else(|| "(unattributed)".to_string())
}

/// A list item wrapped with its continuation lines indented.
fn hanging(line: &str, width: usize) -> String {
    let opts = textwrap::Options::new(width).subsequent_indent("  ");
    let mut s = textwrap::fill(line, opts);
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_json_is_the_json_text() {
        let a = crate::analyse_text(
            "x.txt",
            "Port talks\n\nMs. Ana Ruiz said \u{201c}we will wait\u{201d} on Monday.",
        );
        for (line, text) in [(false, to_json(&a)), (true, to_json_line(&a))] {
            let mut out = Vec::new();
            write_json(&a, line, &mut out).expect("write to memory");
            assert_eq!(String::from_utf8(out).expect("utf-8"), text);
        }
    }
}
