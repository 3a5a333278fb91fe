//! Analyse: a cleaned [`Document`] to an [`Article`] with its actors, quotes
//! and positions. Pure and deterministic: no I/O, no randomness; bundled
//! data is parsed once, lazily.

pub mod actors;
pub mod positions;
pub mod quotes;
pub mod sentences;
mod stance;
mod stance_index;
mod stance_rules;
mod stance_summary;
mod stance_topics;

use crate::clean::Document;
use crate::model::{Article, SCHEMA};

/// Analyse a cleaned document.
pub fn analyse(doc: &Document) -> Article {
    let sentences = sentences::split_document(&doc.paragraphs);
    let mut actors = actors::extract(&doc.paragraphs, &sentences);
    let quotes = quotes::extract(&doc.paragraphs, &sentences, &mut actors);
    let actors = actors.into_actors();
    let positions = positions::derive(
        &doc.title,
        &doc.paragraphs,
        sentences.iter().map(Into::into),
        &actors,
        &quotes,
    );
    Article {
        schema: SCHEMA.to_string(),
        source: doc.source.clone(),
        title: doc.title.clone(),
        dateline: doc.dateline.clone(),
        byline: doc.byline.clone(),
        date: doc.date.clone(),
        paragraphs: doc.paragraphs.clone(),
        removed: doc.removed.clone(),
        actors,
        quotes,
        positions,
    }
}
