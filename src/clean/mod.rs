//! Clean: decoded text to a structured [`Document`]: title, dateline,
//! headings and paragraphs, with boilerplate and scraper debris taken out
//! into `removed`, each with its reason.

pub mod boilerplate;
pub mod html;
pub mod structure;

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

/// Clean a decoded input. `Format::Json` never reaches here: an export is
/// read back as is.
pub fn clean(raw: &RawDoc) -> Document {
    match raw.format {
        Format::Html => html::from_html(&raw.source, &raw.text),
        Format::Text | Format::Json | Format::Markdown => {
            structure::from_text(&raw.source, &raw.text)
        }
    }
}
