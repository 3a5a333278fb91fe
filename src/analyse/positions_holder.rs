//! Holders written as a description of a person: "Rep. Ann Kolb, Ohio
//! Democrat, said …" or "the Ohio Democrat said …" can leave the stance with
//! an actor named "Ohio Democrat" or "D-Ohio". Such a holder is the person
//! the description stands for: the last person named before the stance.

use super::stance_index::ArticleIndex;
use crate::model::{Actor, ActorKind};

/// Party words that end a "Place Party" description ("Ohio Democrat").
const PARTY_MEMBERS: &[&str] = &["Democrat", "Republican", "Independent"];

/// Party letters that open a "D-Ohio" description.
const PARTY_LETTERS: &[&str] = &["D-", "R-", "I-"];

/// Is this actor a description of a person by party and place rather than
/// a name ("Ohio Democrat", "the Ohio Republican", "D-Ohio", "R-Texas")?
pub(super) fn is_description(actor: &Actor) -> bool {
    if actor.kind != ActorKind::Person {
        return false;
    }
    let name = actor.name.trim_start_matches("the ").trim();
    let letters = PARTY_LETTERS.iter().any(|p| {
        name.strip_prefix(p)
            .is_some_and(|rest| rest.starts_with(char::is_uppercase) && !rest.contains(' '))
    });
    let mut words = name.split_whitespace().rev();
    let party = words.next().is_some_and(|w| PARTY_MEMBERS.contains(&w))
        && words
            .next()
            .is_some_and(|w| w.starts_with(char::is_uppercase));
    letters || party
}

/// The person a description at byte `at` of paragraph `pos` stands for: the
/// last person named before it who is not a description too.
pub(super) fn described(ix: &ArticleIndex, pos: usize, at: usize) -> Option<usize> {
    ix.last_before(pos, at, |a| {
        ix.actors
            .get(a)
            .is_some_and(|x| x.kind == ActorKind::Person && !is_description(x))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(name: &str) -> Actor {
        Actor {
            id: name.to_lowercase(),
            name: name.to_string(),
            kind: ActorKind::Person,
            aliases: Vec::new(),
            title: None,
            affiliation: None,
            mentions: Vec::new(),
        }
    }

    #[test]
    fn party_and_place_describe_a_person() {
        assert!(is_description(&person("Ohio Democrat")));
        assert!(is_description(&person("North Dakota Republican")));
        assert!(is_description(&person("D-Ohio")));
        assert!(is_description(&person("R-N.D.")));
    }

    #[test]
    fn names_are_no_descriptions() {
        assert!(!is_description(&person("Ann Kolb")));
        assert!(!is_description(&person("Republican")));
        assert!(!is_description(&person("Dee-Ann Ross")));
        assert!(!is_description(&person("Rita Independent-Moss")));
    }
}
