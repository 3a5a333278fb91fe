//! Positions: where each actor stands, in a few words, with its evidence.
//!
//! Read from three kinds of sentence (rules in `stance_rules`, words in
//! `stance_lexicon.txt`): what an actor says in a quotation ("We are not
//! leaving" -> not leaving), reported stances ("X said the plan would be a
//! red line"), and narrative ones ("X criticized Y", "a levy is not to the
//! liking of the union"). A position belongs to the actor who holds it, a
//! person usually; the reader rolls it up to the country or organisation that
//! person speaks for through the actor's `affiliation`.

use std::collections::HashSet;

use super::sentences::Sentence;
use super::stance::{CueFinder, Hit, Token, tokenize};
use super::stance_rules::{self, Found, SentenceView, Target};
use super::stance_topics::Topics;
use crate::model::{Actor, ActorKind, Paragraph, Polarity, Position, Quote, QuoteKind};

/// A sentence: byte offsets into the paragraph with this `index`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SentenceSpan {
    pub paragraph: usize,
    pub start: usize,
    pub end: usize,
}

impl From<&Sentence> for SentenceSpan {
    fn from(s: &Sentence) -> Self {
        SentenceSpan {
            paragraph: s.paragraph,
            start: s.start,
            end: s.end,
        }
    }
}

/// An actor's mention: byte offsets into its paragraph.
#[derive(Debug, Clone, Copy)]
pub(super) struct Mention {
    pub start: usize,
    pub end: usize,
    pub actor: usize,
}

/// A quotation's text inside one paragraph: byte offsets, its speaker and
/// its quote.
#[derive(Debug, Clone, Copy)]
pub(super) struct Voice {
    pub start: usize,
    pub end: usize,
    pub speaker: Option<usize>,
    pub quote: usize,
    pub kind: QuoteKind,
}

/// Grammatical gender, as far as the article shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Gender {
    Male,
    Female,
    Unknown,
}

/// What the rules need to know about the whole article: where every actor
/// is mentioned, where quotations are, and who is who.
pub(super) struct ArticleIndex<'a> {
    pub actors: &'a [Actor],
    pub paragraphs: &'a [Paragraph],
    /// Per paragraph (by position in `paragraphs`): mentions in text order.
    pub mentions: Vec<Vec<Mention>>,
    pub voices: Vec<Vec<Voice>>,
    pub genders: Vec<Gender>,
}

/// Every position the article's sentences support, in text order, the same
/// stance of the same actor towards the same target given once.
pub fn derive(
    title: &str,
    paragraphs: &[Paragraph],
    sentences: impl IntoIterator<Item = SentenceSpan>,
    actors: &[Actor],
    quotes: &[Quote],
) -> Vec<Position> {
    let index = ArticleIndex::new(paragraphs, actors, quotes);
    let mut found = Vec::new();
    let mut tokens: Vec<Token> = Vec::new();
    let mut hits: Vec<Hit> = Vec::new();
    let mut finder = CueFinder::default();
    let mut mentions = Vec::new();
    for s in sentences {
        let Some(pos) = index.position_of(s.paragraph) else {
            continue;
        };
        let text = paragraphs[pos].text.as_str();
        if s.start >= s.end || s.end > text.len() {
            continue;
        }
        tokens.clear();
        hits.clear();
        tokenize(text, s.start, s.end, &mut tokens);
        finder.find(text, &tokens, &mut hits);
        index.mentions_in(pos, &tokens, &mut mentions);
        let view = SentenceView {
            pos,
            text,
            tokens: &tokens,
            hits: &hits,
            mentions: &mentions,
            voices: &index.voices[pos],
        };
        stance_rules::read_sentence(&view, &index, &mut found);
    }
    let topics = Topics::new(title, paragraphs);
    for f in &mut found {
        name_the_topic(f, &topics);
    }
    assemble(found, actors, quotes, paragraphs)
}

/// A target that only says "the bill" names the bill it means.
fn name_the_topic(f: &mut Found, topics: &Topics) {
    if let Target::Text(t) = &f.target
        && let Some(topic) = topics.resolve(t, f.pos, f.byte)
    {
        f.target = Target::Text(topic.to_string());
    }
}

/// Positions from what the rules found: duplicates dropped, ids given.
fn assemble(
    found: Vec<Found>,
    actors: &[Actor],
    quotes: &[Quote],
    paragraphs: &[Paragraph],
) -> Vec<Position> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for f in found {
        let target = match &f.target {
            Target::Actor(a) => actors.get(*a).map(|a| a.id.clone()),
            Target::Text(t) => Some(t.clone()),
            Target::None => None,
        };
        // the same stance towards the same thing once; without a target,
        // the same words once
        let about = target.clone().unwrap_or_else(|| f.summary.to_lowercase());
        let key = (f.actor, f.polarity, about);
        if f.summary.is_empty() || !seen.insert(key) {
            continue;
        }
        let (Some(actor), Some(paragraph)) = (actors.get(f.actor), paragraphs.get(f.pos)) else {
            continue;
        };
        out.push(Position {
            id: format!("p{}", out.len() + 1),
            actor: actor.id.clone(),
            summary: f.summary,
            stance: f.stance.to_string(),
            target,
            polarity: f.polarity,
            quote: f.quote.and_then(|q| quotes.get(q)).map(|q| q.id.clone()),
            paragraph: paragraph.index,
        });
    }
    out
}

impl<'a> ArticleIndex<'a> {
    fn new(paragraphs: &'a [Paragraph], actors: &'a [Actor], quotes: &[Quote]) -> Self {
        let mut mentions = vec![Vec::new(); paragraphs.len()];
        let mut voices = vec![Vec::new(); paragraphs.len()];
        let position_of = |index: usize| paragraphs.iter().position(|p| p.index == index);
        for (a, actor) in actors.iter().enumerate() {
            for m in &actor.mentions {
                if let Some(pos) = position_of(m.paragraph) {
                    let text = &paragraphs[pos].text;
                    let (start, end) = (byte_at(text, m.start), byte_at(text, m.end));
                    if start < end {
                        mentions[pos].push(Mention {
                            start,
                            end,
                            actor: a,
                        });
                    }
                }
            }
        }
        for list in &mut mentions {
            list.sort_by_key(|m: &Mention| (m.start, std::cmp::Reverse(m.end)));
        }
        for (q, quote) in quotes.iter().enumerate() {
            add_voices(quote, q, actors, paragraphs, &mut voices);
        }
        let genders = actors
            .iter()
            .map(|a| gender_of(a, paragraphs, &position_of))
            .collect();
        ArticleIndex {
            actors,
            paragraphs,
            mentions,
            voices,
            genders,
        }
    }

    /// The position in `paragraphs` of the paragraph with this index.
    pub fn position_of(&self, index: usize) -> Option<usize> {
        match self.paragraphs.get(index) {
            Some(p) if p.index == index => Some(index),
            _ => self.paragraphs.iter().position(|p| p.index == index),
        }
    }

    /// The mentions inside a sentence's tokens, as token ranges.
    fn mentions_in(&self, pos: usize, tokens: &[Token], out: &mut Vec<stance_rules::MentionAt>) {
        out.clear();
        let (Some(first), Some(last)) = (tokens.first(), tokens.last()) else {
            return;
        };
        for m in &self.mentions[pos] {
            if m.start < first.start || m.end > last.end {
                continue;
            }
            let Some(a) = tokens.iter().position(|t| t.end > m.start) else {
                continue;
            };
            let b = tokens[a..]
                .iter()
                .position(|t| t.start >= m.end)
                .map_or(tokens.len(), |k| a + k);
            if out
                .last()
                .is_some_and(|p: &stance_rules::MentionAt| p.end > a)
            {
                continue;
            }
            out.push(stance_rules::MentionAt {
                first: a,
                end: b,
                actor: m.actor,
                byte_end: m.end,
            });
        }
    }

    /// The last actor mentioned before byte `at` of paragraph `pos`
    /// (searching back through earlier paragraphs) that `fits`.
    pub fn last_before(
        &self,
        pos: usize,
        at: usize,
        fits: impl Fn(usize) -> bool,
    ) -> Option<usize> {
        let here = self.mentions[pos].iter().rev().filter(|m| m.start < at);
        let earlier = (0..pos).rev().flat_map(|p| self.mentions[p].iter().rev());
        here.chain(earlier).map(|m| m.actor).find(|&a| fits(a))
    }

    pub fn kind(&self, actor: usize) -> ActorKind {
        self.actors.get(actor).map_or(ActorKind::Other, |a| a.kind)
    }
}

/// The byte offset of char offset `chars` in `text` (clamped to its end).
fn byte_at(text: &str, chars: usize) -> usize {
    if text.is_ascii() {
        return chars.min(text.len());
    }
    text.char_indices()
        .nth(chars)
        .map_or(text.len(), |(b, _)| b)
}

/// The spans of a quote, one per paragraph it covers.
fn add_voices(
    quote: &Quote,
    q: usize,
    actors: &[Actor],
    paragraphs: &[Paragraph],
    voices: &mut [Vec<Voice>],
) {
    let speaker = quote
        .speaker
        .as_deref()
        .and_then(|id| actors.iter().position(|a| a.id == id));
    let last = quote
        .end_paragraph
        .unwrap_or(quote.paragraph)
        .max(quote.paragraph);
    for (pos, p) in paragraphs.iter().enumerate() {
        if p.index < quote.paragraph || p.index > last {
            continue;
        }
        let start = if p.index == quote.paragraph {
            byte_at(&p.text, quote.start)
        } else {
            0
        };
        let end = if p.index == last {
            byte_at(&p.text, quote.end)
        } else {
            p.text.len()
        };
        if start < end {
            voices[pos].push(Voice {
                start,
                end,
                speaker,
                quote: q,
                kind: quote.kind,
            });
        }
    }
}

/// Words before a name or in a title that tell a person's gender.
const MALE_WORDS: &[&str] = &[
    "mr",
    "mr.",
    "sir",
    "spokesman",
    "chairman",
    "congressman",
    "king",
];
const FEMALE_WORDS: &[&str] = &[
    "ms",
    "ms.",
    "mrs",
    "mrs.",
    "miss",
    "madam",
    "spokeswoman",
    "chairwoman",
    "congresswoman",
    "queen",
];

/// A person's gender from an honorific before one of their mentions, their
/// aliases or their title; `Unknown` when nothing says.
fn gender_of(
    actor: &Actor,
    paragraphs: &[Paragraph],
    position_of: &impl Fn(usize) -> Option<usize>,
) -> Gender {
    if actor.kind != ActorKind::Person {
        return Gender::Unknown;
    }
    let words = actor
        .aliases
        .iter()
        .chain(actor.title.iter())
        .flat_map(|s| s.split_whitespace());
    let before = actor.mentions.iter().filter_map(|m| {
        let text = &paragraphs[position_of(m.paragraph)?].text;
        text[..byte_at(text, m.start)]
            .split_whitespace()
            .next_back()
    });
    for w in words.chain(before) {
        let w = w.to_lowercase();
        if MALE_WORDS.contains(&w.as_str()) {
            return Gender::Male;
        }
        if FEMALE_WORDS.contains(&w.as_str()) {
            return Gender::Female;
        }
    }
    Gender::Unknown
}

/// The polarity a scorer or a reader sees for a sign.
pub(super) fn polarity_of(sign: i32) -> Polarity {
    match sign.signum() {
        1 => Polarity::Positive,
        -1 => Polarity::Negative,
        _ => Polarity::Neutral,
    }
}

/// Hand-made articles for the rule tests: paragraphs, actors found by their
/// names, quotes found by their text, and the positions derived from them.
#[cfg(test)]
pub(super) mod sketch {
    use super::*;
    use crate::analyse::sentences::split_document;
    use crate::model::{ParagraphKind, Span};

    pub struct Sketch {
        pub paragraphs: Vec<Paragraph>,
        pub actors: Vec<Actor>,
        pub quotes: Vec<Quote>,
    }

    /// An article of these paragraphs.
    pub fn article(paragraphs: &[&str]) -> Sketch {
        let paragraphs = paragraphs
            .iter()
            .enumerate()
            .map(|(index, text)| Paragraph {
                index,
                kind: ParagraphKind::Body,
                text: text.to_string(),
            })
            .collect();
        Sketch {
            paragraphs,
            actors: Vec::new(),
            quotes: Vec::new(),
        }
    }

    impl Sketch {
        /// An actor mentioned wherever one of `names` is written.
        pub fn actor(mut self, id: &str, kind: ActorKind, names: &[&str]) -> Self {
            let mut mentions = Vec::new();
            for p in &self.paragraphs {
                let mut taken: Vec<(usize, usize)> = Vec::new();
                let mut sorted = names.to_vec();
                sorted.sort_by_key(|n| std::cmp::Reverse(n.len()));
                for n in sorted {
                    for (b, _) in p.text.match_indices(n) {
                        let e = b + n.len();
                        let edge = |c: Option<char>| !c.is_some_and(char::is_alphanumeric);
                        let free = taken.iter().all(|&(s, t)| e <= s || b >= t);
                        if free
                            && edge(p.text[..b].chars().next_back())
                            && edge(p.text[e..].chars().next())
                        {
                            taken.push((b, e));
                            mentions.push(Span {
                                paragraph: p.index,
                                start: p.text[..b].chars().count(),
                                end: p.text[..e].chars().count(),
                            });
                        }
                    }
                }
            }
            mentions.sort();
            self.actors.push(Actor {
                id: id.to_string(),
                name: names[0].to_string(),
                kind,
                aliases: names[1..].iter().map(|s| s.to_string()).collect(),
                title: None,
                affiliation: None,
                mentions,
            });
            self
        }

        /// Set the title and affiliation of the last actor added.
        pub fn titled(mut self, title: &str, affiliation: Option<&str>) -> Self {
            if let Some(a) = self.actors.last_mut() {
                a.title = Some(title.to_string());
                a.affiliation = affiliation.map(str::to_string);
            }
            self
        }

        /// A quote of `speaker` over the first place `text` is written.
        pub fn quote(mut self, speaker: &str, kind: QuoteKind, text: &str) -> Self {
            let Some(p) = self.paragraphs.iter().find(|p| p.text.contains(text)) else {
                panic!("no paragraph holds {text:?}");
            };
            let b = p.text.find(text).unwrap_or(0);
            let start = p.text[..b].chars().count();
            self.quotes.push(Quote {
                id: format!("q{}", self.quotes.len() + 1),
                speaker: Some(speaker.to_string()),
                speaker_text: None,
                text: text.to_string(),
                kind,
                cue: None,
                paragraph: p.index,
                start,
                end: start + text.chars().count(),
                end_paragraph: None,
            });
            self
        }

        pub fn positions(&self) -> Vec<Position> {
            let sentences = split_document(&self.paragraphs);
            derive(
                "",
                &self.paragraphs,
                sentences.iter().map(Into::into),
                &self.actors,
                &self.quotes,
            )
        }
    }

    /// The positions as "actor polarity target | summary" lines.
    pub fn lines(positions: &[Position]) -> Vec<String> {
        positions
            .iter()
            .map(|p| {
                format!(
                    "{} {} {} | {}",
                    p.actor,
                    p.polarity.label(),
                    p.target.as_deref().unwrap_or("-"),
                    p.summary
                )
            })
            .collect()
    }
}
