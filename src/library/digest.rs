//! The digest of an analysed article: what the library list and the
//! actors-across-library view need (title, date, actors, quotes and
//! positions without the paragraphs' text). Small enough that the digests
//! of ten thousand articles load at once from the cache.

use serde::{Deserialize, Serialize};

use super::dates::{self, Day};
use crate::model::{ActorKind, Article, Polarity, QuoteKind};

/// How many actors a library row names.
pub const TOP_ACTORS: usize = 3;

/// One article in brief.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Digest {
    pub title: String,
    /// The publication date as the article writes it.
    pub date: Option<String>,
    /// That date as a day, when it could be read.
    pub day: Option<Day>,
    pub dateline: Option<String>,
    pub paragraphs: u32,
    pub actors: Vec<DigestActor>,
    pub quotes: Vec<DigestQuote>,
    pub positions: Vec<DigestPosition>,
}

/// An actor of one article. Indices (`affiliation`, `speaker`, `actor`)
/// point into the same digest's `actors`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DigestActor {
    pub name: String,
    pub kind: ActorKind,
    pub aliases: Vec<String>,
    pub title: Option<String>,
    pub affiliation: Option<u32>,
    pub mentions: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DigestQuote {
    pub speaker: Option<u32>,
    pub text: String,
    pub kind: QuoteKind,
    pub paragraph: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DigestPosition {
    pub actor: Option<u32>,
    pub stance: String,
    pub summary: String,
    pub polarity: Polarity,
    pub paragraph: u32,
}

fn small(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl Digest {
    /// The digest of an analysed article.
    pub fn of(article: &Article) -> Digest {
        let index_of = |id: &str| article.actors.iter().position(|a| a.id == id).map(small);
        let actors = article
            .actors
            .iter()
            .map(|a| DigestActor {
                name: a.name.clone(),
                kind: a.kind,
                aliases: a.aliases.clone(),
                title: a.title.clone(),
                affiliation: a.affiliation.as_deref().and_then(index_of),
                mentions: small(a.mentions.len()),
            })
            .collect();
        let quotes = article
            .quotes
            .iter()
            .map(|q| DigestQuote {
                speaker: q.speaker.as_deref().and_then(index_of),
                text: q.text.trim().to_string(),
                kind: q.kind,
                paragraph: small(q.paragraph),
            })
            .collect();
        let positions = article
            .positions
            .iter()
            .map(|p| DigestPosition {
                actor: index_of(&p.actor),
                stance: p.stance.clone(),
                summary: p.summary.clone(),
                polarity: p.polarity,
                paragraph: small(p.paragraph),
            })
            .collect();
        Digest {
            title: article.title.clone(),
            date: article.date.clone(),
            day: article.date.as_deref().and_then(dates::parse),
            dateline: article.dateline.clone(),
            paragraphs: small(article.paragraphs.len()),
            actors,
            quotes,
            positions,
        }
    }

    /// The actors a row names: people and institutions that speak first
    /// (most quotes and positions), then the most mentioned.
    pub fn top_actors(&self) -> Vec<&str> {
        let mut weight = vec![(0u32, 0u32); self.actors.len()];
        for q in &self.quotes {
            if let Some(w) = q.speaker.and_then(|i| weight.get_mut(i as usize)) {
                w.0 += 1;
            }
        }
        for p in &self.positions {
            if let Some(w) = p.actor.and_then(|i| weight.get_mut(i as usize)) {
                w.0 += 1;
            }
        }
        for (w, a) in weight.iter_mut().zip(&self.actors) {
            w.1 = a.mentions;
        }
        let mut order: Vec<usize> = (0..self.actors.len()).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(weight[i]));
        order
            .into_iter()
            .take(TOP_ACTORS)
            .map(|i| self.actors[i].name.as_str())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_digest_keeps_speakers_by_index_and_reads_the_date() {
        let mut a = crate::analyse_text(
            "t.txt",
            "Port talks stall\n\nMayor Tom Reed said the strike must end. Reed spoke on Monday.",
        );
        a.date = Some("March 3, 2024".into());
        let d = Digest::of(&a);
        assert_eq!(d.title, "Port talks stall");
        assert_eq!(
            d.day,
            Some(Day {
                year: 2024,
                month: 3,
                day: 3
            })
        );
        for q in &d.quotes {
            if let Some(s) = q.speaker {
                assert!((s as usize) < d.actors.len());
            }
        }
        assert!(d.top_actors().len() <= TOP_ACTORS);
    }
}
