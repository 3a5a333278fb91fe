//! Topics: the bills, plans and policies an article is about ("the stopgap
//! budget", "Mexico tariffs"), so that a position whose words only say "the
//! bill" or "it" can name what it is about. Found as a policy noun with the
//! words that qualify it, in the title and in the text.

use std::sync::LazyLock;

use super::sentences::{Para, tokenize};
use super::stance::{Token, is_word};
use super::stance_summary::join;

/// Nouns that name something a stance can be about, grouped by what they
/// can stand for: "the measure" can be "the spending bill".
const TOPIC_HEADS: &[&[&str]] = &[
    &[
        "bill",
        "bills",
        "legislation",
        "measure",
        "law",
        "act",
        "amendment",
        "resolution",
    ],
    &[
        "plan",
        "proposal",
        "deal",
        "agreement",
        "accord",
        "compromise",
        "framework",
        "package",
    ],
    &["budget", "spending", "funding", "cuts"],
    &[
        "policy",
        "policies",
        "program",
        "programme",
        "reform",
        "overhaul",
    ],
    &[
        "rule",
        "rules",
        "regulation",
        "regulations",
        "order",
        "mandate",
    ],
    &["ban", "tariff", "tariffs", "sanctions", "tax", "taxes"],
    &["wall", "pipeline", "dam", "project"],
    &["shutdown", "strike", "boycott", "blockade", "walkout"],
    &["nomination", "appointment", "confirmation"],
    &[
        "investigation",
        "probe",
        "inquiry",
        "hearing",
        "impeachment",
    ],
    &[
        "deployment",
        "withdrawal",
        "intervention",
        "operation",
        "strikes",
    ],
];

/// Words that do not qualify a topic noun: they end the words before it.
const NOT_QUALIFIERS: &[&str] = &[
    "the",
    "a",
    "an",
    "this",
    "that",
    "these",
    "those",
    "his",
    "her",
    "their",
    "its",
    "our",
    "my",
    "your",
    "of",
    "to",
    "in",
    "on",
    "at",
    "for",
    "with",
    "by",
    "from",
    "and",
    "or",
    "but",
    "as",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "has",
    "have",
    "had",
    "will",
    "would",
    "could",
    "should",
    "may",
    "might",
    "can",
    "not",
    "no",
    "it",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "who",
    "which",
    "what",
    "says",
    "said",
    "say",
    "new",
    "over",
    "about",
    "after",
    "before",
    "than",
    "any",
    "some",
    "all",
    "more",
    "most",
    "other",
    "such",
    "into",
    "against",
    "under",
    "passes",
    "pass",
    "passed",
    "signs",
    "signed",
    "backs",
    "blocks",
    "wants",
    "seeks",
    "vote",
    "votes",
    "voted",
    "plans",
    "proposes",
    "rejects",
    "approves",
    "unveils",
    "announces",
];

/// Words that point back at something named before ("the bill", "it").
const POINTERS: &[&str] = &["the", "this", "that", "these", "those", "its", "their"];

/// A topic phrase and where it stands.
#[derive(Debug, Clone)]
struct Topic {
    /// Index of its group in `TOPIC_HEADS`.
    group: usize,
    phrase: String,
    /// Paragraph position, or `None` for the title.
    pos: Option<usize>,
    byte: usize,
}

/// The topics of one article.
#[derive(Debug, Default)]
pub(super) struct Topics {
    topics: Vec<Topic>,
}

impl Topics {
    /// Every topic phrase of the title and the paragraphs.
    pub fn new(title: &str, paras: &[Para]) -> Self {
        let mut topics = Vec::new();
        let title_tokens = tokenize(title);
        let texts = std::iter::once((None, title, title_tokens.as_slice())).chain(
            paras
                .iter()
                .enumerate()
                .map(|(i, p)| (Some(i), p.text, p.tokens.as_slice())),
        );
        for (pos, text, tokens) in texts {
            for (k, t) in tokens.iter().enumerate() {
                let Some(group) = head_group(&text[t.start..t.end]) else {
                    continue;
                };
                let first = qualifiers_start(text, tokens, k);
                if first < k {
                    topics.push(Topic {
                        group,
                        phrase: join(text, &tokens[first..=k]),
                        pos,
                        byte: t.start,
                    });
                }
            }
        }
        Topics { topics }
    }

    /// What a bare reference ("the bill", "that proposal") at byte `at` of
    /// paragraph `pos` stands for: the first topic of its kind the text
    /// named before it (a story names its bill in full first and says "the
    /// bill" after), else the title's. `None` when the words already say it.
    pub fn resolve(&self, words: &str, pos: usize, at: usize) -> Option<&str> {
        let mut it = words.split_whitespace();
        let (Some(first), Some(head), None) = (it.next(), it.next(), it.next()) else {
            return None;
        };
        if !POINTERS.iter().any(|p| p.eq_ignore_ascii_case(first)) {
            return None;
        }
        let group = head_group(head)?;
        let before = |t: &&Topic| t.pos.is_none_or(|p| (p, t.byte) < (pos, at));
        let same = |t: &&Topic| t.group == group;
        let earlier = self.topics.iter().filter(before).filter(same);
        let in_text = earlier.clone().find(|t| t.pos.is_some());
        in_text
            .or_else(|| earlier.clone().next())
            .map(|t| t.phrase.as_str())
    }
}

/// The first topic a stretch of words names ("the border wall", "this
/// impeachment inquiry"), with the word that points at it: what a stance
/// naming no one is about.
pub(super) fn topic_in(text: &str, tokens: &[Token]) -> Option<String> {
    let k = tokens
        .iter()
        .position(|t| head_group(&text[t.start..t.end]).is_some())?;
    let mut first = qualifiers_start(text, tokens, k);
    if first > 0 {
        let t = tokens[first - 1];
        if POINTERS
            .iter()
            .any(|p| p.eq_ignore_ascii_case(&text[t.start..t.end]))
        {
            first -= 1;
        }
    }
    Some(join(text, &tokens[first..=k]))
}

/// Topic nouns by their first letter (a to z), with their group.
static HEADS: LazyLock<Vec<Vec<(&'static str, usize)>>> = LazyLock::new(|| {
    let mut by_letter = vec![Vec::new(); 26];
    for (g, words) in TOPIC_HEADS.iter().enumerate() {
        for w in *words {
            if let Some(slot) = w
                .bytes()
                .next()
                .and_then(|b| by_letter.get_mut(usize::from(b.wrapping_sub(b'a'))))
            {
                slot.push((*w, g));
            }
        }
    }
    by_letter
});

/// The group of a topic noun.
fn head_group(word: &str) -> Option<usize> {
    let first = word.bytes().next()?.to_ascii_lowercase();
    HEADS
        .get(usize::from(first.wrapping_sub(b'a')))?
        .iter()
        .find(|(w, _)| w.eq_ignore_ascii_case(word))
        .map(|&(_, g)| g)
}

/// Where the words that qualify the noun at token `k` start (at most
/// three: "stopgap budget", "gun control measure").
fn qualifiers_start(text: &str, tokens: &[Token], k: usize) -> usize {
    let mut first = k;
    while first > 0 && k - first < 3 {
        let t = tokens[first - 1];
        let w = &text[t.start..t.end];
        let adverb = w.len() > 4 && w.ends_with("ly");
        if !is_word(&t)
            || adverb
            || w.chars().any(|c| c.is_ascii_digit())
            || NOT_QUALIFIERS.iter().any(|s| s.eq_ignore_ascii_case(w))
        {
            break;
        }
        first -= 1;
    }
    first
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Paragraph, ParagraphKind};

    fn topics(title: &str, p: &[Paragraph]) -> Topics {
        Topics::new(title, &crate::analyse::sentences::split_document(p))
    }

    fn paragraphs(texts: &[&str]) -> Vec<Paragraph> {
        texts
            .iter()
            .enumerate()
            .map(|(index, t)| Paragraph {
                index,
                kind: ParagraphKind::Body,
                text: t.to_string(),
            })
            .collect()
    }

    #[test]
    fn a_bare_reference_names_the_topic_before_it() {
        let p = paragraphs(&[
            "The council backed the harbour toll plan on Monday.",
            "It dropped a ferry fare plan.",
            "Critics said the proposal would hurt small shippers.",
        ]);
        let topics = topics("Council backs toll plan", &p);
        assert_eq!(
            topics.resolve("the proposal", 2, 10),
            Some("harbour toll plan")
        );
    }

    #[test]
    fn the_title_names_it_when_the_text_has_not_yet() {
        let p = paragraphs(&["The measure passed 60 to 40."]);
        let topics = topics("Senate passes stopgap budget bill", &p);
        assert_eq!(
            topics.resolve("The measure", 0, 0),
            Some("stopgap budget bill")
        );
    }

    #[test]
    fn a_stretch_names_its_first_topic() {
        let text = "We will never accept this harbour toll plan, ever.";
        let toks = tokenize(text);
        assert_eq!(
            topic_in(text, &toks).as_deref(),
            Some("this harbour toll plan")
        );
        let text = "It was a disgrace.";
        assert_eq!(topic_in(text, &tokenize(text)), None);
    }

    #[test]
    fn words_that_say_what_it_is_are_left_alone() {
        let topics = topics("Toll plan", &paragraphs(&["A toll plan."]));
        assert_eq!(topics.resolve("the new toll plan", 0, 0), None);
        assert_eq!(topics.resolve("Monday", 0, 0), None);
    }
}
