//! Small hand-made articles for the reader's unit tests.

use crate::model::{
    Actor, ActorKind, Article, Paragraph, ParagraphKind, Polarity, Position, Quote, QuoteKind, Span,
};

/// An article with these paragraph texts, indexed from 0, and nothing else.
pub fn article(paragraphs: &[&str]) -> Article {
    Article {
        schema: crate::model::SCHEMA.into(),
        source: "test.txt".into(),
        title: "A test article".into(),
        dateline: None,
        byline: None,
        date: None,
        paragraphs: paragraphs
            .iter()
            .enumerate()
            .map(|(index, text)| Paragraph {
                index,
                kind: ParagraphKind::Body,
                text: (*text).into(),
            })
            .collect(),
        removed: vec![],
        actors: vec![],
        quotes: vec![],
        positions: vec![],
    }
}

/// An actor mentioned at the start of each paragraph in `paragraphs`.
pub fn actor(id: &str, kind: ActorKind, affiliation: Option<&str>, paragraphs: &[usize]) -> Actor {
    Actor {
        id: id.into(),
        name: id.into(),
        kind,
        aliases: vec![],
        title: None,
        affiliation: affiliation.map(Into::into),
        mentions: paragraphs
            .iter()
            .map(|&paragraph| Span {
                paragraph,
                start: 0,
                end: 2,
            })
            .collect(),
    }
}

/// A direct quote of `speaker` over chars 0..3 of a paragraph.
pub fn quote(id: &str, speaker: &str, paragraph: usize) -> Quote {
    Quote {
        id: id.into(),
        speaker: Some(speaker.into()),
        speaker_text: None,
        text: "words".into(),
        kind: QuoteKind::Direct,
        cue: Some("said".into()),
        paragraph,
        start: 0,
        end: 3,
        end_paragraph: None,
    }
}

/// A position of `actor` found in a paragraph.
pub fn position(id: &str, actor: &str, paragraph: usize) -> Position {
    Position {
        id: id.into(),
        actor: actor.into(),
        summary: "more talks".into(),
        stance: "supports".into(),
        target: None,
        polarity: Polarity::Positive,
        quote: None,
        paragraph,
    }
}
