//! Analyse: a cleaned [`Document`] to an [`Article`] with its actors, quotes
//! and positions. Pure and deterministic: no I/O, no randomness; bundled
//! data is parsed once, lazily.
//!
//! The stages run in order over one shared reading of the text:
//! [`sentences`] cuts paragraphs into tokens and sentences, [`actors`]
//! finds who is named, [`quotes`] finds who said what (resolving speakers
//! with [`coref`]), [`affiliation`] says whom each person speaks for, and
//! [`positions`] reads stances from quotes, reports and narrative sentences.

pub mod actors;
pub mod affiliation;
pub mod coref;
pub mod cues;
pub mod gazetteer;
pub mod lexicon;
pub mod positions;
mod positions_holder;
mod positions_subject;
pub mod quotes;
pub mod sentences;
mod stance;
mod stance_index;
mod stance_rules;
mod stance_summary;
mod stance_topics;
pub mod version;

use crate::clean::Document;
use crate::model::{Actor, Article, Quote, SCHEMA};

/// Analyse a cleaned document.
pub fn analyse(doc: &Document) -> Article {
    let paras = sentences::split_document(&doc.paragraphs);
    let (actors, quotes) = read_actors_and_quotes(&paras, doc.dateline.as_deref());
    let positions = positions::derive(&doc.title, &paras, &actors, &quotes);
    // the tokens are not needed past here: free them before the copies
    drop(paras);
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

/// The actors and quotes of a document, speakers resolved to actor ids.
pub fn actors_and_quotes(doc: &Document) -> (Vec<Actor>, Vec<Quote>) {
    read_actors_and_quotes(
        &sentences::split_document(&doc.paragraphs),
        doc.dateline.as_deref(),
    )
}

/// The actors and quotes of paragraphs already cut into sentences.
fn read_actors_and_quotes(
    paras: &[sentences::Para],
    dateline: Option<&str>,
) -> (Vec<Actor>, Vec<Quote>) {
    let mut set = actors::extract(paras);
    let reported = quotes::extract(paras, &mut set);
    affiliation::from_roles(paras, &mut set);
    affiliation::from_context(paras, &mut set, &reported, dateline);
    let ids = set.ids();
    let quotes = reported
        .into_iter()
        .map(|r| Quote {
            speaker: r.speaker.map(|e| ids[e].clone()),
            ..r.quote
        })
        .collect();
    (set.to_actors(paras, &ids), quotes)
}
