//! Cleaning whole articles: a page copied with its menus and comments, a
//! hard-wrapped text, a text with one sentence per line, a Markdown file.
//! Every removal is recorded with its reason and the paragraph it stood
//! before.

use std::path::Path;

use dossier::clean::{self, Document};
use dossier::ingest;
use dossier::model::ParagraphKind;

fn document(name: &str) -> Document {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/text")
        .join(name);
    clean::clean(&ingest::read_path(&path).expect("fixture reads"))
}

fn texts(d: &Document) -> Vec<&str> {
    d.paragraphs.iter().map(|p| p.text.as_str()).collect()
}

fn removed_with(d: &Document, reason_part: &str) -> Vec<String> {
    d.removed
        .iter()
        .filter(|r| r.reason.contains(reason_part))
        .map(|r| r.text.clone())
        .collect()
}

#[test]
fn a_copied_page_keeps_only_its_article() {
    let d = document("page.txt");
    assert_eq!(d.title, "Ferry terminal to close at the end of the year");
    assert_eq!(d.byline.as_deref(), Some("Jane Roe"));
    assert_eq!(d.date.as_deref(), Some("4 March 2024"));
    let t = texts(&d);
    assert_eq!(t.len(), 6, "{t:#?}");
    assert!(t[0].starts_with("The harbour board voted on Monday"));
    assert!(t[2].starts_with("\"We were told about this on Friday"));
    assert_eq!(t[3], "What happens next");
    assert_eq!(d.paragraphs[3].kind, ParagraphKind::Heading);
    assert_eq!(
        t[5],
        "Councillors are due to discuss the plan at their meeting next Thursday."
    );
}

#[test]
fn a_copied_page_records_why_each_part_went() {
    let d = document("page.txt");
    assert!(
        removed_with(&d, "navigation")
            .iter()
            .any(|t| t.contains("Skip to main content"))
    );
    assert!(
        removed_with(&d, "share bar")
            .iter()
            .any(|t| t.contains("Share on Facebook"))
    );
    assert!(removed_with(&d, "advertisement").contains(&"Advertisement".to_string()));
    assert!(
        removed_with(&d, "related")
            .iter()
            .any(|t| t.contains("Related stories"))
    );
    assert!(
        removed_with(&d, "comments")
            .iter()
            .any(|t| t.contains("12 Comments"))
    );
    assert!(
        removed_with(&d, "copyright")
            .iter()
            .any(|t| t.contains("© 2024"))
    );
    // the advertisement stood before the quote, the third paragraph
    let ad = d
        .removed
        .iter()
        .find(|r| r.text == "Advertisement")
        .expect("ad");
    assert_eq!(ad.before, Some(2));
    // the comments came after the last paragraph
    let comments = d
        .removed
        .iter()
        .find(|r| r.text.contains("12 Comments"))
        .expect("comments");
    assert_eq!(comments.before, None);
    // nothing of the page is lost without a trace
    let all: String = d
        .removed
        .iter()
        .map(|r| r.text.as_str())
        .chain(texts(&d))
        .collect::<Vec<_>>()
        .join("\n");
    for line in [
        "Weather",
        "Home > News > Harbour",
        "seagull77 says:",
        "About Us | Contact",
    ] {
        assert!(all.contains(line), "{line}");
    }
}

#[test]
fn hard_wrapped_lines_are_joined_into_paragraphs() {
    let d = document("wrapped.txt");
    assert_eq!(d.title, "Council approves new cycle lanes");
    let t = texts(&d);
    assert_eq!(t.len(), 2, "{t:#?}");
    assert!(t[0].contains("along the river, a plan that had been delayed twice"));
    assert!(t[1].ends_with("according to the council's transport committee."));
}

#[test]
fn one_sentence_per_line_without_blank_lines_keeps_each_line() {
    let d = document("sentences.txt");
    assert_eq!(d.title, "Storm closes mountain pass");
    assert_eq!(d.paragraphs.len(), 5);
    assert!(d.paragraphs.iter().all(|p| p.kind == ParagraphKind::Body));
}

#[test]
fn markdown_keeps_its_structure_as_plain_text() {
    let d = document("article.md");
    assert_eq!(d.title, "River dam opens its gates");
    assert_eq!(d.byline.as_deref(), Some("Sam Poe"));
    assert_eq!(d.date.as_deref(), Some("2024-05-02"));
    let t = texts(&d);
    assert_eq!(
        t[0],
        "The new dam on the upper river opened its gates for the first time on Thursday, officials said, releasing water into the valley's irrigation canals."
    );
    assert_eq!(t[1], "What the dam does");
    assert_eq!(d.paragraphs[1].kind, ParagraphKind::Heading);
    assert_eq!(t[3], "• it feeds 300 kilometres of canals;");
    assert!(t.contains(&"2024-05-02 06:00 gate 1 open 20%\n2024-05-02 06:30 gate 2 open 10%"));
    assert_eq!(
        t.last(),
        Some(&"\"This is the end of ten years of work,\" the chief engineer said.")
    );
}

#[test]
fn seed_debris_is_cut_inline_and_recorded_in_place() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("articles/mali-russian-mercenaries.txt");
    let d = clean::clean(&ingest::read_path(&path).expect("seed"));
    assert_eq!(d.dateline.as_deref(), Some("BAMAKO"));
    let first = &d.paragraphs[0].text;
    assert!(first.starts_with("Mali Prime Minister"));
    assert!(first.ends_with("Russian private military company [PMC]"));
    let cuts: Vec<_> = d.removed.iter().filter(|r| r.at.is_some()).collect();
    assert_eq!(cuts.len(), 2);
    assert_eq!((cuts[0].before, cuts[0].at), (Some(0), Some(0)));
    assert_eq!(cuts[1].text, ", learned");
    assert_eq!(cuts[1].at, Some(first.chars().count()));
    assert_eq!(removed_with(&d, "social/newsletter footer").len(), 1);
}

#[test]
fn the_title_repeated_under_the_page_title_is_not_a_paragraph() {
    let d = document("page.txt");
    assert!(
        d.paragraphs
            .iter()
            .all(|p| !p.text.starts_with("Ferry terminal to close"))
    );
    assert!(!removed_with(&d, "title").is_empty());
}
