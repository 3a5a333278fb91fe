//! Lookups the reader needs many times, built once when an article opens:
//! which paragraph an index names, the mentions in each paragraph, who speaks
//! for whom, and every span clamped to its paragraph.
//!
//! An article may come from a JSON export a user edited, so nothing here
//! trusts an offset: spans naming an unknown paragraph are dropped, and
//! offsets beyond a paragraph's end are clamped to it.

use std::collections::HashMap;

use crate::model::{Article, Span};

/// A char range in the paragraph at a position (not the paragraph's
/// `index` field: its place in `Article::paragraphs`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Place {
    pub paragraph: usize,
    pub start: usize,
    pub end: usize,
}

/// A mention of an actor in a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    pub actor: usize,
    pub start: usize,
    pub end: usize,
}

/// Derived, clamped views of one article.
#[derive(Debug, Clone, Default)]
pub struct ArticleIndex {
    /// Paragraph `index` field -> position.
    position_of: HashMap<usize, usize>,
    /// Length in chars of each paragraph.
    pub paragraph_chars: Vec<usize>,
    /// The mentions in each paragraph, by start.
    pub mentions: Vec<Vec<Mention>>,
    /// Every mention of each actor, in reading order.
    pub mentions_of: Vec<Vec<Place>>,
    /// Actor id -> actor index.
    actor_of: HashMap<String, usize>,
    /// The actor each actor speaks for in the end (itself when none).
    pub root: Vec<usize>,
    /// The actors that speak for each root actor (not the root itself).
    pub members: Vec<Vec<usize>>,
    /// Each quote's span: first place, and the place it ends in when it
    /// runs over several paragraphs.
    pub quote_places: Vec<Option<Vec<Place>>>,
    /// Each quote's speaker.
    pub quote_speaker: Vec<Option<usize>>,
    /// Each position's paragraph.
    pub position_paragraph: Vec<Option<usize>>,
    /// Each position's actor.
    pub position_actor: Vec<Option<usize>>,
}

/// How far up an affiliation chain is followed (a loop in edited data must
/// not hang the reader).
const MAX_AFFILIATION_DEPTH: usize = 8;

impl ArticleIndex {
    pub fn new(article: &Article) -> Self {
        let position_of: HashMap<usize, usize> = article
            .paragraphs
            .iter()
            .enumerate()
            .map(|(pos, p)| (p.index, pos))
            .rev()
            .collect();
        let paragraph_chars: Vec<usize> = article
            .paragraphs
            .iter()
            .map(|p| p.text.chars().count())
            .collect();
        let actor_of: HashMap<String, usize> = article
            .actors
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.clone(), i))
            .rev()
            .collect();
        let mut index = ArticleIndex {
            position_of,
            paragraph_chars,
            actor_of,
            ..ArticleIndex::default()
        };
        index.index_mentions(article);
        index.index_affiliations(article);
        index.quote_speaker = article
            .quotes
            .iter()
            .map(|q| q.speaker.as_deref().and_then(|id| index.actor(id)))
            .collect();
        index.quote_places = article.quotes.iter().map(|q| index.quote_span(q)).collect();
        index.position_paragraph = article
            .positions
            .iter()
            .map(|p| index.position(p.paragraph))
            .collect();
        index.position_actor = article
            .positions
            .iter()
            .map(|p| index.actor(&p.actor))
            .collect();
        index
    }

    /// The position of the paragraph whose `index` field is `index`.
    pub fn position(&self, index: usize) -> Option<usize> {
        self.position_of.get(&index).copied()
    }

    /// The index of the actor with this id.
    pub fn actor(&self, id: &str) -> Option<usize> {
        self.actor_of.get(id).copied()
    }

    /// `span` as a place, clamped to its paragraph; `None` when the paragraph
    /// is unknown.
    pub fn place(&self, span: &Span) -> Option<Place> {
        let paragraph = self.position(span.paragraph)?;
        let len = self.paragraph_chars.get(paragraph).copied().unwrap_or(0);
        let start = span.start.min(len);
        let end = span.end.clamp(start, len);
        Some(Place {
            paragraph,
            start,
            end,
        })
    }

    fn index_mentions(&mut self, article: &Article) {
        self.mentions = vec![Vec::new(); article.paragraphs.len()];
        self.mentions_of = vec![Vec::new(); article.actors.len()];
        for (actor, a) in article.actors.iter().enumerate() {
            for span in &a.mentions {
                if let Some(p) = self.place(span) {
                    self.mentions[p.paragraph].push(Mention {
                        actor,
                        start: p.start,
                        end: p.end,
                    });
                    self.mentions_of[actor].push(p);
                }
            }
            self.mentions_of[actor].sort();
        }
        for list in &mut self.mentions {
            list.sort_by_key(|m| (m.start, m.end, m.actor));
        }
    }

    fn index_affiliations(&mut self, article: &Article) {
        let parent: Vec<Option<usize>> = article
            .actors
            .iter()
            .enumerate()
            .map(|(i, a)| {
                a.affiliation
                    .as_deref()
                    .and_then(|id| self.actor(id))
                    .filter(|&p| p != i)
            })
            .collect();
        // the root is the end of the chain; an actor caught in a loop (or a
        // chain too long) stands on its own
        self.root = (0..article.actors.len())
            .map(|i| {
                let mut at = i;
                for _ in 0..MAX_AFFILIATION_DEPTH {
                    match parent[at] {
                        Some(p) => at = p,
                        None => return at,
                    }
                }
                i
            })
            .collect();
        self.members = vec![Vec::new(); article.actors.len()];
        for (i, &r) in self.root.iter().enumerate() {
            if r != i {
                self.members[r].push(i);
            }
        }
    }

    fn quote_span(&self, q: &crate::model::Quote) -> Option<Vec<Place>> {
        let first = self.position(q.paragraph)?;
        let last = q
            .end_paragraph
            .and_then(|i| self.position(i))
            .filter(|&l| l >= first)
            .unwrap_or(first);
        let len = |p: usize| self.paragraph_chars.get(p).copied().unwrap_or(0);
        let places = (first..=last)
            .map(|p| {
                let start = if p == first { q.start.min(len(p)) } else { 0 };
                let end = if p == last { q.end.min(len(p)) } else { len(p) };
                Place {
                    paragraph: p,
                    start,
                    end: end.max(start),
                }
            })
            .collect();
        Some(places)
    }

    /// The actors an actor stands for when selected: itself and, for an
    /// institution or country, everyone who speaks for it.
    pub fn actor_and_members(&self, actor: usize) -> Vec<usize> {
        let mut out = vec![actor];
        if let Some(m) = self.members.get(actor) {
            out.extend(m.iter().copied());
        }
        out
    }

    /// Whether the actor (or one of its members) is mentioned in the
    /// paragraph at `paragraph`.
    pub fn mentioned_in(&self, actor: usize, paragraph: usize) -> bool {
        self.mentions
            .get(paragraph)
            .is_some_and(|ms| ms.iter().any(|m| m.actor == actor))
    }

    /// How often the actor is mentioned in the paragraph, or in the whole
    /// article for `None`.
    pub fn mention_count(&self, actor: usize, paragraph: Option<usize>) -> usize {
        match paragraph {
            None => self.mentions_of.get(actor).map_or(0, Vec::len),
            Some(p) => self
                .mentions
                .get(p)
                .map_or(0, |ms| ms.iter().filter(|m| m.actor == actor).count()),
        }
    }

    /// The paragraphs a quote covers.
    pub fn quote_covers(&self, quote: usize, paragraph: usize) -> bool {
        self.quote_places
            .get(quote)
            .and_then(Option::as_ref)
            .is_some_and(|ps| ps.iter().any(|p| p.paragraph == paragraph))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ActorKind;
    use crate::tui::fixture;

    fn article() -> Article {
        let mut a = fixture::article(&["One two three.", "Four five."]);
        a.paragraphs[0].index = 3;
        a.paragraphs[1].index = 7;
        let mut kingdom = fixture::actor("kingdom", ActorKind::Country, None, &[7]);
        kingdom.mentions[0].end = 4;
        let mut minister = fixture::actor("minister", ActorKind::Person, Some("kingdom"), &[]);
        minister.mentions = vec![
            Span {
                paragraph: 3,
                start: 4,
                end: 999,
            },
            Span {
                paragraph: 42,
                start: 0,
                end: 1,
            },
        ];
        a.actors = vec![
            kingdom,
            minister,
            // a loop in edited data
            fixture::actor("a", ActorKind::Person, Some("b"), &[]),
            fixture::actor("b", ActorKind::Person, Some("a"), &[]),
        ];
        let mut q = fixture::quote("q1", "minister", 3);
        q.start = 50;
        q.end = 20;
        a.quotes = vec![q];
        a
    }

    #[test]
    fn offsets_are_clamped_and_unknown_paragraphs_dropped() {
        let ix = ArticleIndex::new(&article());
        assert_eq!(ix.position(7), Some(1));
        assert_eq!(
            ix.mentions_of[1],
            vec![Place {
                paragraph: 0,
                start: 4,
                end: 14
            }]
        );
        let q = ix.quote_places[0].as_ref().expect("quote kept");
        assert_eq!((q[0].start, q[0].end), (14, 14));
    }

    #[test]
    fn members_are_grouped_under_what_they_speak_for_and_loops_end() {
        let ix = ArticleIndex::new(&article());
        assert_eq!(ix.root[1], 0);
        assert_eq!(ix.members[0], vec![1]);
        assert_eq!(ix.actor_and_members(0), vec![0, 1]);
        // the loop a -> b -> a ends, and each stands on its own
        assert_eq!((ix.root[2], ix.root[3]), (2, 3));
    }
}
