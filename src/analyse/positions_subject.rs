//! The article's subjects: the actors a story is about, ranked by how often
//! it names them, a name in the title counting extra. A stance whose own
//! sentence names nothing it is about ("This is an outrage," she said) is
//! read as a stance on the story's subject, the first of them that is not
//! the holder. A legislature is where a story happens rather than what it is
//! about, and is no subject.

use super::positions::is_chamber;
use crate::model::{Actor, ActorKind};

/// How many mentions a name in the title is worth: a title names what the
/// story is about.
const TITLE_WEIGHT: usize = 3;

/// How much a mention counts, in halves, by the kind of actor: a story is
/// about people more often than about the country or body it is set in.
fn mention_weight(kind: ActorKind) -> usize {
    match kind {
        ActorKind::Person => 3,
        _ => 2,
    }
}

/// The least number of mentions that makes an actor a subject: one passing
/// mention is not what a story is about.
const MIN_MENTIONS: usize = 2;

/// The subjects of one article, most prominent first.
#[derive(Debug, Default)]
pub(super) struct Subjects {
    ranked: Vec<usize>,
}

impl Subjects {
    /// Rank the people, countries, organisations and groups of an article.
    pub fn new(title: &str, actors: &[Actor]) -> Self {
        let mut scored: Vec<(usize, usize)> = actors
            .iter()
            .enumerate()
            .filter(|(_, a)| {
                a.kind != ActorKind::Other && a.mentions.len() >= MIN_MENTIONS && !is_chamber(a)
            })
            .map(|(i, a)| {
                let titled = names_of(a).any(|n| names_in(title, n));
                let weight = a.mentions.len() * mention_weight(a.kind);
                (i, weight + usize::from(titled) * TITLE_WEIGHT * 2)
            })
            .collect();
        // most prominent first; on a tie, the one the actor list gives first
        scored.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(&y.0)));
        Subjects {
            ranked: scored.into_iter().map(|(i, _)| i).collect(),
        }
    }

    /// The story's subject for a stance held by `holder`: the most prominent
    /// actor other than the holder.
    pub fn for_holder(&self, holder: usize) -> Option<usize> {
        self.ranked.iter().copied().find(|&a| a != holder)
    }
}

/// An actor's name and aliases.
fn names_of(a: &Actor) -> impl Iterator<Item = &str> {
    std::iter::once(a.name.as_str()).chain(a.aliases.iter().map(String::as_str))
}

/// Is `name` written in `text` as whole words (at least three letters, so an
/// initial or "US" inside a word does not count)?
fn names_in(text: &str, name: &str) -> bool {
    if name.len() < 3 {
        return false;
    }
    let edge = |c: Option<char>| !c.is_some_and(char::is_alphanumeric);
    text.match_indices(name).any(|(b, _)| {
        edge(text[..b].chars().next_back()) && edge(text[b + name.len()..].chars().next())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Span;

    fn actor(name: &str, kind: ActorKind, mentions: usize) -> Actor {
        Actor {
            id: name.to_lowercase(),
            name: name.to_string(),
            kind,
            aliases: Vec::new(),
            title: None,
            affiliation: None,
            mentions: (0..mentions)
                .map(|p| Span {
                    paragraph: p,
                    start: 0,
                    end: 1,
                })
                .collect(),
        }
    }

    #[test]
    fn the_most_named_actor_is_the_subject() {
        let actors = [
            actor("Ada Quell", ActorKind::Person, 2),
            actor("Harbour Board", ActorKind::Organization, 5),
        ];
        let s = Subjects::new("Ferry fares rise again", &actors);
        assert_eq!(s.for_holder(0), Some(1));
        // the board's own stance is about the next one
        assert_eq!(s.for_holder(1), Some(0));
    }

    #[test]
    fn a_name_in_the_title_counts_extra() {
        let actors = [
            actor("Ada Quell", ActorKind::Person, 4),
            actor("Harbour Board", ActorKind::Organization, 2),
        ];
        let s = Subjects::new("Harbour Board raises ferry fares", &actors);
        assert_eq!(s.for_holder(0), Some(1));
    }

    #[test]
    fn people_count_more_than_places() {
        let actors = [
            actor("Freedonia", ActorKind::Country, 5),
            actor("Ada Quell", ActorKind::Person, 4),
        ];
        let s = Subjects::new("Ferry fares rise again", &actors);
        assert_eq!(s.for_holder(9), Some(1));
    }

    #[test]
    fn a_legislature_is_where_the_story_happens_not_its_subject() {
        let actors = [
            actor("Senate", ActorKind::Organization, 6),
            actor("Ada Quell", ActorKind::Person, 2),
        ];
        let s = Subjects::new("Senate debates ferry fares", &actors);
        assert_eq!(s.for_holder(7), Some(1));
    }

    #[test]
    fn one_mention_or_no_kind_is_no_subject() {
        let actors = [
            actor("Ada Quell", ActorKind::Person, 1),
            actor("Tuesday Market", ActorKind::Other, 9),
        ];
        let s = Subjects::new("Ada Quell at the Tuesday Market", &actors);
        assert_eq!(s.for_holder(5), None);
    }

    #[test]
    fn names_are_whole_words() {
        assert!(names_in("Quell wins the vote", "Quell"));
        assert!(!names_in("Quellers win", "Quell"));
        assert!(!names_in("USA", "US"));
    }
}
