//! Positions: where each actor stands, read from what it said.

use crate::model::{Actor, Polarity, Position, Quote, QuoteKind};

/// Words that turn a statement against its object.
const NEGATIVE_CUES: &[&str] = &[
    "not",
    "no",
    "never",
    "incompatible",
    "failed",
    "worrying",
    "against",
    "oppose",
    "reject",
    "condemn",
    "red line",
    "consequences",
    "abandoned",
    "nothing to do",
];

/// One position per attributed direct or partial quote: the first clause of
/// what the speaker said, with a polarity from negation words.
pub fn derive(actors: &[Actor], quotes: &[Quote]) -> Vec<Position> {
    let mut out = Vec::new();
    for q in quotes {
        let Some(speaker) = q.speaker.as_deref() else {
            continue;
        };
        if actors.iter().all(|a| a.id != speaker) {
            continue;
        }
        let summary = first_clause(&q.text);
        if summary.split_whitespace().count() < 2 {
            continue;
        }
        let lower = summary.to_lowercase();
        let negative = NEGATIVE_CUES.iter().any(|c| contains_word(&lower, c));
        let (stance, polarity) = match (negative, q.kind) {
            (true, _) => ("opposes", Polarity::Negative),
            (false, QuoteKind::Partial) => ("says", Polarity::Neutral),
            (false, _) => ("says", Polarity::Neutral),
        };
        out.push(Position {
            id: format!("p{}", out.len() + 1),
            actor: speaker.to_string(),
            summary,
            stance: stance.to_string(),
            target: None,
            polarity,
            quote: Some(q.id.clone()),
            paragraph: q.paragraph,
        });
    }
    out
}

/// The first sentence or clause of a quotation, without its marks, at most
/// twelve words.
fn first_clause(text: &str) -> String {
    let t = text.trim_matches(|c: char| c.is_whitespace() || matches!(c, '"' | '“' | '”'));
    let end = t.find(['.', ';', ':', '!', '?']).unwrap_or(t.len());
    let clause = t[..end].trim_end_matches(',');
    clause
        .split_whitespace()
        .take(12)
        .collect::<Vec<_>>()
        .join(" ")
}

fn contains_word(haystack: &str, needle: &str) -> bool {
    haystack.match_indices(needle).any(|(i, _)| {
        let before = haystack[..i].chars().next_back();
        let after = haystack[i + needle.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_clause_is_the_summary() {
        assert_eq!(
            first_clause("We are not leaving. We stay."),
            "We are not leaving"
        );
    }

    #[test]
    fn negation_words_are_whole_words() {
        assert!(contains_word("we are not leaving", "not"));
        assert!(!contains_word("nothing here", "not"));
    }
}
