//! The `dossier/1` data model: one definition of an analysed article, used by
//! export, by the reader and by the tests. The field names and meanings are
//! the contract in `CONTRACT.md`; extend by adding optional fields only.

use serde::{Deserialize, Serialize};

/// The schema tag every export carries.
pub const SCHEMA: &str = "dossier/1";

/// A cleaned and analysed article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    pub schema: String,
    /// Where the article came from, as the user named it (a path, or `-`).
    pub source: String,
    pub title: String,
    /// The place line that opens the story ("BAMAKO"), when there is one.
    #[serde(default)]
    pub dateline: Option<String>,
    /// The author line, when the input had one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub byline: Option<String>,
    /// The publication date as written in the input, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    pub paragraphs: Vec<Paragraph>,
    #[serde(default)]
    pub removed: Vec<Removed>,
    #[serde(default)]
    pub actors: Vec<Actor>,
    #[serde(default)]
    pub quotes: Vec<Quote>,
    #[serde(default)]
    pub positions: Vec<Position>,
}

/// One paragraph of cleaned text. Offsets elsewhere in the model count
/// `char`s inside `text`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paragraph {
    pub index: usize,
    pub kind: ParagraphKind,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ParagraphKind {
    Body,
    Heading,
}

/// Text that cleaning took out, with the reason, so that a wrong removal is
/// visible in the reader instead of silent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Removed {
    pub text: String,
    pub reason: String,
    /// The index of the paragraph the removed text stood before (or inside,
    /// for inline debris); `None` when it came after the last paragraph.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub before: Option<usize>,
    /// For inline debris cut out of paragraph `before`: the char offset in
    /// that paragraph's text where it stood. `None` for whole blocks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<usize>,
}

/// A person, country, organisation or group the article mentions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actor {
    pub id: String,
    pub name: String,
    pub kind: ActorKind,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub title: Option<String>,
    /// The `id` of the country or organisation this actor speaks for.
    #[serde(default)]
    pub affiliation: Option<String>,
    #[serde(default)]
    pub mentions: Vec<Span>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    Person,
    Country,
    Organization,
    Group,
    Other,
}

impl ActorKind {
    /// The word a reader sees for this kind.
    pub fn label(self) -> &'static str {
        match self {
            ActorKind::Person => "person",
            ActorKind::Country => "country",
            ActorKind::Organization => "organization",
            ActorKind::Group => "group",
            ActorKind::Other => "other",
        }
    }
}

/// A character range inside one paragraph's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    pub paragraph: usize,
    pub start: usize,
    pub end: usize,
}

/// Something an actor said, directly, indirectly or as a quoted fragment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    pub id: String,
    /// The speaker's actor `id`, or `None` when no speaker was found.
    pub speaker: Option<String>,
    /// The speaker as written where the quote is attributed ("he", "Ms. Parly").
    #[serde(default)]
    pub speaker_text: Option<String>,
    pub text: String,
    pub kind: QuoteKind,
    /// The reporting word ("said", "according to").
    #[serde(default)]
    pub cue: Option<String>,
    pub paragraph: usize,
    pub start: usize,
    pub end: usize,
    /// For a quotation that runs over several paragraphs: the paragraph it
    /// ends in (`end` then counts in that paragraph).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_paragraph: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    Direct,
    Indirect,
    Partial,
}

impl QuoteKind {
    pub fn label(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Indirect => "indirect",
            QuoteKind::Partial => "partial",
        }
    }
}

/// Where an actor stands, in a few words, with its evidence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Position {
    pub id: String,
    pub actor: String,
    pub summary: String,
    pub stance: String,
    #[serde(default)]
    pub target: Option<String>,
    pub polarity: Polarity,
    #[serde(default)]
    pub quote: Option<String>,
    pub paragraph: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Polarity {
    Positive,
    Negative,
    Neutral,
}

impl Polarity {
    pub fn label(self) -> &'static str {
        match self {
            Polarity::Positive => "positive",
            Polarity::Negative => "negative",
            Polarity::Neutral => "neutral",
        }
    }
}

impl Article {
    /// The actor with this id.
    pub fn actor(&self, id: &str) -> Option<&Actor> {
        self.actors.iter().find(|a| a.id == id)
    }

    /// The quote with this id.
    pub fn quote(&self, id: &str) -> Option<&Quote> {
        self.quotes.iter().find(|q| q.id == id)
    }

    /// The paragraphs a quote covers (one, or several for a quotation that
    /// runs on).
    pub fn quote_paragraphs(q: &Quote) -> std::ops::RangeInclusive<usize> {
        q.paragraph..=q.end_paragraph.unwrap_or(q.paragraph).max(q.paragraph)
    }
}

/// The article with every string sanitised: a JSON export read back may
/// carry escape sequences written as `\u001b`, which decode to controls.
pub fn sanitized(mut a: Article) -> Article {
    fn clean(s: &mut String) {
        if let std::borrow::Cow::Owned(c) = crate::ingest::sanitize::sanitize(s) {
            *s = c;
        }
    }
    fn clean_opt(s: &mut Option<String>) {
        if let Some(s) = s {
            clean(s);
        }
    }
    for s in [&mut a.schema, &mut a.source, &mut a.title] {
        clean(s);
    }
    for s in [&mut a.dateline, &mut a.byline, &mut a.date] {
        clean_opt(s);
    }
    for p in &mut a.paragraphs {
        clean(&mut p.text);
    }
    for r in &mut a.removed {
        clean(&mut r.text);
        clean(&mut r.reason);
    }
    for x in &mut a.actors {
        for s in [&mut x.id, &mut x.name] {
            clean(s);
        }
        x.aliases.iter_mut().for_each(clean);
        clean_opt(&mut x.title);
        clean_opt(&mut x.affiliation);
    }
    for q in &mut a.quotes {
        for s in [&mut q.id, &mut q.text] {
            clean(s);
        }
        for s in [&mut q.speaker, &mut q.speaker_text, &mut q.cue] {
            clean_opt(s);
        }
    }
    for p in &mut a.positions {
        for s in [&mut p.id, &mut p.actor, &mut p.summary, &mut p.stance] {
            clean(s);
        }
        clean_opt(&mut p.target);
        clean_opt(&mut p.quote);
    }
    a
}
