//! Properties of ingest and cleaning over any input: nothing panics, and no
//! string that comes out (title, byline, date, dateline, paragraphs,
//! removed text) holds a C0 or C1 control other than newline and tab, a
//! bidi override or a zero-width character, so nothing an article carries
//! can reach the terminal as a command or hide or reorder its text.

use std::path::Path;

use dossier::clean::{self, Document};
use dossier::ingest;
use dossier::model::{Article, Paragraph, ParagraphKind, Removed};
use proptest::prelude::*;

fn is_forbidden(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t') || ('\u{80}'..='\u{9f}').contains(&c)
}

/// Bidi overrides and isolates, and zero-width characters that hide text.
fn is_hiding(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200b}' | '\u{feff}')
}

fn assert_safe(what: &str, s: &str) {
    assert!(
        !s.chars().any(is_forbidden),
        "{what} holds a control: {s:?}"
    );
    assert!(
        !s.chars().any(is_hiding),
        "{what} holds a bidi or zero-width character: {s:?}"
    );
}

fn assert_document_safe(d: &Document) {
    assert_safe("source", &d.source);
    assert_safe("title", &d.title);
    for s in [&d.dateline, &d.byline, &d.date].into_iter().flatten() {
        assert_safe("dateline/byline/date", s);
    }
    for (i, p) in d.paragraphs.iter().enumerate() {
        assert_eq!(p.index, i);
        assert!(!p.text.trim().is_empty(), "empty paragraph {i}");
        assert_safe("paragraph", &p.text);
    }
    for r in &d.removed {
        assert_safe("removed text", &r.text);
        assert_safe("removed reason", &r.reason);
        if let Some(before) = r.before {
            let p = d
                .paragraphs
                .get(before)
                .expect("removed text anchors to a paragraph");
            if let Some(at) = r.at {
                assert!(at <= p.text.chars().count());
            }
        }
    }
}

/// Ingest and clean `bytes` as if read from `name`.
fn run(name: &str, bytes: &[u8]) {
    if let Ok(raw) = ingest::from_bytes(Path::new(name), bytes) {
        assert_safe("raw text", &raw.text);
        assert_document_safe(&clean::clean(&raw));
    }
}

/// Pieces of text with terminal controls in every form an attacker (or a
/// broken scraper) might use, among words, line ends and debris.
const PIECES: &[&str] = &[
    "The",
    "harbour",
    "BOARD",
    "said",
    "Mali",
    "é",
    "«",
    "“",
    " ",
    " ",
    "\n",
    "\n\n",
    "\r",
    "\r\n",
    ". ",
    "\u{1b}[",
    "\u{1b}]",
    "\u{1b}P",
    "\u{1b}_",
    "\u{1b}\\",
    "\u{1b}(",
    "\u{1b}",
    "\u{7}",
    "\u{9b}",
    "\u{9d}",
    "\u{90}",
    "\u{9c}",
    "\u{85}",
    "\u{202e}",
    "\u{2067}",
    "\u{200b}",
    "\u{feff}",
    "\u{e0041}",
    "\u{1f3f4}",
    "($1=9.5 XOF)",
    ", learned",
    "BAMAKO, ",
    "# ",
    "- ",
    "```",
    "[a](b)",
    "31m",
    "2J",
    "0;",
    "?25l",
    "8;;",
    "52;c;",
];

/// Markdown with character references for controls, bidi overrides and
/// zero-width characters, which the parser decodes after ingest.
const MARKDOWN_PIECES: &[&str] = &[
    "The", "harbour", " ", "\n", "\n\n", "# ", "- ", "*", "_", "[a](b)", "> ", "&#27;", "&#x1b;",
    "&#155;", "&#x9b;", "&#x202e;", "&#8203;", "&#0;", "&#x85;", "&#7;", "&amp;", "]", "2J",
];

fn markdown_text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(MARKDOWN_PIECES), 0..80).prop_map(|v| v.concat())
}

/// Text made of [`PIECES`] and arbitrary characters.
fn hostile_text() -> impl Strategy<Value = String> {
    let piece = (0..PIECES.len() + 1, any::<char>()).prop_map(|(i, c)| match PIECES.get(i) {
        Some(p) => (*p).to_string(),
        None => c.to_string(),
    });
    prop::collection::vec(piece, 0..80).prop_map(|v| v.concat())
}

proptest! {
    #[test]
    fn any_bytes_never_panic_and_leave_no_control(bytes in prop::collection::vec(any::<u8>(), 0..800)) {
        for name in ["a.txt", "a.md", "a", "a.json", "a.html"] {
            run(name, &bytes);
        }
    }

    #[test]
    fn escape_laden_text_is_neutralised(text in hostile_text()) {
        run("a.txt", text.as_bytes());
        run("a.md", text.as_bytes());
        run("a.html", format!("<html><body><p>{text}</p></body></html>").as_bytes());
    }

    #[test]
    fn character_references_in_markdown_are_neutralised(text in markdown_text()) {
        run("a.md", text.as_bytes());
    }

    #[test]
    fn escape_laden_text_in_utf16_is_neutralised(text in hostile_text()) {
        let le: Vec<u8> = [0xff, 0xfe]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        run("a.txt", &le);
    }

    #[test]
    fn escapes_inside_a_json_export_are_neutralised(
        title in hostile_text(),
        body in hostile_text(),
        removed in hostile_text(),
    ) {
        let article = Article {
            schema: "dossier/1".into(),
            source: title.clone(),
            title,
            dateline: Some(removed.clone()),
            byline: None,
            date: None,
            paragraphs: vec![Paragraph { index: 0, kind: ParagraphKind::Body, text: body }],
            removed: vec![Removed { text: removed, reason: "x\u{1b}[2J".into(), before: Some(0), at: None }],
            actors: vec![],
            quotes: vec![],
            positions: vec![],
        };
        let json = serde_json::to_string(&article).expect("serialises");
        let back = ingest::json::read(Path::new("a.json"), &json).expect("reads back");
        for s in [&back.source, &back.title, &back.paragraphs[0].text, &back.removed[0].text, &back.removed[0].reason] {
            assert_safe("json field", s);
        }
    }
}
