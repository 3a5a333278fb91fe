//! Clean: decoded text to a structured [`Document`]: title, byline, date,
//! dateline, headings and paragraphs, with page furniture and scraper
//! debris taken out into `removed`, each with its reason and place.
//!
//! Plain text and Markdown become [`block::Block`]s (`segment`,
//! `markdown`); `page` finds the article among them; `structure` builds the
//! document; `boilerplate`, `debris`, `meta` and `dateline` hold the rules.

pub mod block;
pub mod boilerplate;
pub mod dateline;
pub mod debris;
pub mod html;
pub mod markdown;
pub mod meta;
pub mod page;
pub mod segment;
pub mod structure;

use crate::error::Reason;
use crate::ingest::{Format, RawDoc};
use crate::model::{Paragraph, Removed};

/// A cleaned article before analysis.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Document {
    pub source: String,
    pub title: String,
    pub dateline: Option<String>,
    pub byline: Option<String>,
    pub date: Option<String>,
    pub paragraphs: Vec<Paragraph>,
    pub removed: Vec<Removed>,
}

/// Clean a decoded input. `Format::Json` never reaches here (an export is
/// read back as is); were it to, it is read as text.
pub fn clean(raw: &RawDoc) -> Document {
    match raw.format {
        Format::Markdown => markdown::clean(&raw.source, &raw.text),
        Format::Html => html::from_html(&raw.source, &raw.text),
        Format::Text | Format::Json => from_text(&raw.source, &raw.text),
    }
}

/// Why `doc`, cleaned from `raw`, is no article to show, if it is not: a
/// saved page with no text in it, or an input whose every line was cut as
/// page furniture. A text whose one line is its title is still a (short)
/// article, as is a page with a paragraph.
pub fn no_article(raw: &RawDoc, doc: &Document) -> Option<Reason> {
    if !doc.paragraphs.is_empty() {
        return None;
    }
    if raw.format == Format::Html && !html::has_text(&raw.text) {
        return Some(Reason::NoPageText);
    }
    (raw.format == Format::Html || !doc.removed.is_empty()).then_some(Reason::OnlyFurniture)
}

/// Clean a plain-text article (a saved text, or a whole page copied as text).
pub fn from_text(source: &str, text: &str) -> Document {
    structure::assemble(source, segment::blocks(text), structure::Hints::default())
}
