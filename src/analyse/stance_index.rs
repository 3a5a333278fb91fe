//! What the stance rules need to know about a whole article, worked out once:
//! every paragraph's words, where each actor is mentioned (as bytes and as
//! word ranges), where the quotations are and who speaks them, and each
//! person's gender as far as the text tells it.

use rustc_hash::FxHashMap as HashMap;

use super::sentences::Para;
use crate::model::{Actor, ActorKind, Quote, QuoteKind};

/// An actor's mention: words `first..end` of its paragraph, which span bytes
/// `start..byte_end` (`byte_end` before a possessive "'s").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Mention {
    pub start: usize,
    pub byte_end: usize,
    pub first: usize,
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

/// The article, indexed for the rules. Paragraphs are addressed by their
/// position in `paragraphs`.
pub(super) struct ArticleIndex<'a> {
    pub actors: &'a [Actor],
    /// The paragraphs, cut into tokens and sentences.
    pub paras: &'a [Para<'a>],
    /// Per paragraph: mentions in text order, none overlapping.
    pub mentions: Vec<Vec<Mention>>,
    pub voices: Vec<Vec<Voice>>,
    pub genders: Vec<Gender>,
    /// Per actor: where its mentions are, (paragraph position, byte), in
    /// text order.
    by_actor: Vec<Vec<(usize, usize)>>,
}

/// Courtesy titles and role words that tell a person's gender.
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

impl<'a> ArticleIndex<'a> {
    pub fn new(paras: &'a [Para<'a>], actors: &'a [Actor], quotes: &[Quote]) -> Self {
        let offsets: Vec<ByteOffsets> = paras.iter().map(|p| ByteOffsets::new(p.text)).collect();
        let mut first_with_id: HashMap<&str, usize> = HashMap::default();
        for (a, actor) in actors.iter().enumerate() {
            first_with_id.entry(actor.id.as_str()).or_insert(a);
        }
        let mut index = ArticleIndex {
            actors,
            paras,
            mentions: vec![Vec::new(); paras.len()],
            voices: vec![Vec::new(); paras.len()],
            genders: vec![Gender::Unknown; actors.len()],
            by_actor: vec![Vec::new(); actors.len()],
        };
        index.add_mentions(&offsets);
        let in_order = paras.windows(2).all(|w| w[0].index <= w[1].index);
        for (q, quote) in quotes.iter().enumerate() {
            let speaker = quote
                .speaker
                .as_deref()
                .and_then(|id| first_with_id.get(id).copied());
            index.add_voices(quote, q, speaker, in_order, &offsets);
        }
        index.carry_speakers();
        let before = index.words_before_mentions();
        index.genders = actors
            .iter()
            .zip(&before)
            .map(|(actor, before)| gender_of(actor, before))
            .collect();
        index
    }

    fn add_mentions(&mut self, offsets: &[ByteOffsets]) {
        for (a, actor) in self.actors.iter().enumerate() {
            for m in &actor.mentions {
                let Some(pos) = self.position_of(m.paragraph) else {
                    continue;
                };
                let (start, end) = (offsets[pos].byte(m.start), offsets[pos].byte(m.end));
                let tokens = &self.paras[pos].tokens;
                let first = tokens.partition_point(|t| t.end <= start);
                let last = tokens.partition_point(|t| t.start < end);
                if start < end && first < last {
                    self.mentions[pos].push(Mention {
                        start,
                        byte_end: end,
                        first,
                        end: last,
                        actor: a,
                    });
                }
            }
        }
        for list in &mut self.mentions {
            list.sort_by_key(|m| (m.first, std::cmp::Reverse(m.end)));
            // a longer mention wins over one inside it
            list.dedup_by(|later, kept| later.first < kept.end);
        }
        for (pos, list) in self.mentions.iter().enumerate() {
            for m in list {
                self.by_actor[m.actor].push((pos, m.start));
            }
        }
    }

    /// The spans of a quote, one per paragraph it covers. `in_order`: the
    /// paragraphs are sorted by index, so the covered ones are found by
    /// binary search rather than a walk through the whole article.
    fn add_voices(
        &mut self,
        quote: &Quote,
        q: usize,
        speaker: Option<usize>,
        in_order: bool,
        offsets: &[ByteOffsets],
    ) {
        let last = quote
            .end_paragraph
            .unwrap_or(quote.paragraph)
            .max(quote.paragraph);
        let covered = if in_order {
            self.paras.partition_point(|p| p.index < quote.paragraph)
                ..self.paras.partition_point(|p| p.index <= last)
        } else {
            0..self.paras.len()
        };
        for pos in covered {
            let p = &self.paras[pos];
            if p.index < quote.paragraph || p.index > last {
                continue;
            }
            let start = if p.index == quote.paragraph {
                offsets[pos].byte(quote.start)
            } else {
                0
            };
            let end = if p.index == last {
                offsets[pos].byte(quote.end)
            } else {
                p.text.len()
            };
            if start < end {
                self.voices[pos].push(Voice {
                    start,
                    end,
                    speaker,
                    quote: q,
                    kind: quote.kind,
                });
            }
        }
    }

    /// A paragraph that is nothing but a quotation with no one named as its
    /// speaker goes on in the voice of the quotation just before it: news
    /// gives a speaker once and lets the next paragraph of quotation run on
    /// (“The fix is in,” she said. / “There is no one else in the race.”).
    fn carry_speakers(&mut self) {
        for pos in 1..self.voices.len() {
            let text = self.paras[pos].text;
            let [voice] = self.voices[pos].as_mut_slice() else {
                continue;
            };
            let whole = text[..voice.start].trim().chars().count() <= 1
                && text[voice.end..].trim().chars().count() <= 1;
            if voice.speaker.is_some() || voice.kind != QuoteKind::Direct || !whole {
                continue;
            }
            let before = self.voices[pos - 1]
                .iter()
                .rev()
                .find(|v| v.kind == QuoteKind::Direct)
                .and_then(|v| v.speaker);
            if let Some(speaker) = before
                && let Some(v) = self.voices[pos].first_mut()
            {
                v.speaker = Some(speaker);
            }
        }
    }

    /// Per actor, the word just before each of its mentions, in text
    /// order: one pass over the mentions rather than one per actor.
    fn words_before_mentions(&self) -> Vec<Vec<&'a str>> {
        let mut before = vec![Vec::new(); self.actors.len()];
        for (pos, list) in self.mentions.iter().enumerate() {
            let (tokens, text) = (&self.paras[pos].tokens, self.paras[pos].text);
            for m in list.iter().filter(|m| m.first > 0) {
                let t = &tokens[m.first - 1];
                before[m.actor].push(&text[t.start..t.end]);
            }
        }
        before
    }

    /// The position in `paragraphs` of the paragraph with this index.
    pub fn position_of(&self, index: usize) -> Option<usize> {
        match self.paras.get(index) {
            Some(p) if p.index == index => Some(index),
            _ => self.paras.iter().position(|p| p.index == index),
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
        // each fitting actor's last mention before the place, the latest
        // of them wins: no walk back through a long article for a role
        // nobody holds
        let place = (pos, at);
        self.by_actor
            .iter()
            .enumerate()
            .filter(|(a, places)| !places.is_empty() && fits(*a))
            .filter_map(|(a, places)| {
                let before = places.partition_point(|&p| p < place);
                before.checked_sub(1).map(|i| (places[i], a))
            })
            .max()
            .map(|(_, a)| a)
    }

    pub fn kind(&self, actor: usize) -> ActorKind {
        self.actors.get(actor).map_or(ActorKind::Other, |a| a.kind)
    }
}

/// A person's gender from their aliases and title, or an honorific in
/// `before` (the word before each of their mentions); `Unknown` when
/// nothing says.
fn gender_of(actor: &Actor, before: &[&str]) -> Gender {
    if actor.kind != ActorKind::Person {
        return Gender::Unknown;
    }
    let named = actor
        .aliases
        .iter()
        .chain(actor.title.iter())
        .flat_map(|s| s.split_whitespace());
    for w in named.chain(before.iter().copied()) {
        if MALE_WORDS.iter().any(|x| x.eq_ignore_ascii_case(w)) {
            return Gender::Male;
        }
        if FEMALE_WORDS.iter().any(|x| x.eq_ignore_ascii_case(w)) {
            return Gender::Female;
        }
    }
    Gender::Unknown
}

/// Char offsets to byte offsets in one text, in constant time.
struct ByteOffsets {
    /// The byte offset of every char, when the text is not plain ASCII.
    table: Option<Vec<usize>>,
    len: usize,
}

impl ByteOffsets {
    fn new(text: &str) -> Self {
        let table = (!text.is_ascii()).then(|| text.char_indices().map(|(b, _)| b).collect());
        ByteOffsets {
            table,
            len: text.len(),
        }
    }

    /// The byte offset of char offset `chars` (clamped to the text's end).
    fn byte(&self, chars: usize) -> usize {
        match &self.table {
            Some(t) => t.get(chars).copied().unwrap_or(self.len),
            None => chars.min(self.len),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::sentences::split_document;
    use crate::model::{Paragraph, ParagraphKind, Span};

    /// One body paragraph and one person mentioned at chars `at` of it.
    fn one_person(
        text: &str,
        id: &str,
        name: &str,
        at: std::ops::Range<usize>,
    ) -> (Vec<Paragraph>, Vec<Actor>) {
        let paragraphs = vec![Paragraph {
            index: 0,
            kind: ParagraphKind::Body,
            text: text.to_string(),
        }];
        let actors = vec![Actor {
            id: id.into(),
            name: name.into(),
            kind: ActorKind::Person,
            aliases: vec![],
            title: None,
            affiliation: None,
            mentions: vec![Span {
                paragraph: 0,
                start: at.start,
                end: at.end,
            }],
        }];
        (paragraphs, actors)
    }

    #[test]
    fn mentions_become_word_ranges_in_non_ascii_text() {
        let (paragraphs, actors) = one_person(
            "« Oui », dit Mme Élise Roy.",
            "elise-roy",
            "Élise Roy",
            17..26,
        );
        let paras = split_document(&paragraphs);
        let ix = ArticleIndex::new(&paras, &actors, &[]);
        let m = ix.mentions[0][0];
        assert_eq!(&paragraphs[0].text[m.start..m.byte_end], "Élise Roy");
        assert_eq!(m.end - m.first, 2);
    }

    #[test]
    fn an_honorific_tells_the_gender() {
        let (paragraphs, actors) = one_person("Later Ms. Berg left.", "berg", "Berg", 10..14);
        let paras = split_document(&paragraphs);
        let ix = ArticleIndex::new(&paras, &actors, &[]);
        assert_eq!(ix.genders, [Gender::Female]);
    }
}
