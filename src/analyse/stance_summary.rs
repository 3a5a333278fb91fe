//! How a position reads in the panel: a few words cut from the sentence at
//! clause bounds, with the subject and auxiliaries in front dropped ("We are
//! not leaving the Sahel" -> "not leaving the Sahel").

use super::lexicon;
use super::stance::{Token, is_quote, is_word};

/// The longest summary, in words.
pub const MAX_WORDS: usize = 14;

/// Words that open a clause without saying anything about the stance.
const LEADING: &[&str] = &[
    "and",
    "but",
    "so",
    "that",
    "because",
    "if",
    "while",
    "although",
    "though",
    "then",
    "yet",
    "or",
    "i",
    "we",
    "you",
    "he",
    "she",
    "it",
    "they",
    "this",
    "these",
    "those",
    "there",
    "am",
    "are",
    "is",
    "was",
    "were",
    "has",
    "have",
    "had",
    "be",
    "been",
    "also",
    "still",
    "now",
    "however",
    "instead",
    "indeed",
    "said",
    "says",
    "saying",
    "adding",
    "noting",
    "arguing",
    "insisting",
    "claiming",
    "telling",
    "warning",
    "who",
    "which",
];

/// Words a summary does not end on.
const TRAILING: &[&str] = &[
    "the", "a", "an", "of", "to", "in", "on", "at", "for", "with", "by", "and", "or", "but",
    "that", "which", "who", "his", "her", "their", "its", "our", "my", "your", "as", "from", "is",
    "are", "was", "were", "be", "would", "will", "could", "this", "these", "very", "so", "not",
    "than", "about", "into", "over", "after", "before", "when", "while", "if",
];

/// The words that open a time at the end of a clause ("on Monday", "last
/// week"); the time words themselves are the lexicon's.
const TIME_OPENERS: &[&str] = &[
    "on", "last", "this", "next", "earlier", "later", "late", "early",
];

/// Verbs that name a listener before what is said ("told reporters that").
const TELL: &[&str] = &[
    "told", "tell", "tells", "telling", "assured", "reminded", "informed",
];

/// Words that open a new clause ("... because the levy is unfair").
const CLAUSE_WORDS: &[&str] = &[
    "because", "but", "while", "although", "though", "whereas", "unless", "said", "says", "saying",
    "added", "told",
];

/// Marks that end a clause.
pub fn is_clause_mark(s: &str) -> bool {
    matches!(
        s,
        "," | ";" | ":" | "(" | ")" | "—" | "–" | "[" | "]" | "." | "!" | "?"
    )
}

/// The clause around tokens `first..end`, within `lo..hi`: out to the
/// nearest clause marks on either side.
pub fn clause_around(
    text: &str,
    tokens: &[Token],
    first: usize,
    end: usize,
    lo: usize,
    hi: usize,
) -> (usize, usize) {
    let mark = |k: usize| {
        let w = &text[tokens[k].start..tokens[k].end];
        if is_word(&tokens[k]) {
            CLAUSE_WORDS.iter().any(|c| c.eq_ignore_ascii_case(w))
        } else {
            is_clause_mark(w)
        }
    };
    let a = (lo..first).rev().find(|&k| mark(k)).map_or(lo, |k| k + 1);
    let b = (end..hi).find(|&k| mark(k)).unwrap_or(hi);
    (a, b)
}

/// Tokens `a..b` as a short phrase that keeps `first..end` (the cue) in
/// view: leading filler dropped, at most `max` words, no dangling function
/// word at the end.
pub fn phrase(
    text: &str,
    tokens: &[Token],
    (a, b): (usize, usize),
    (first, end): (usize, usize),
    max: usize,
) -> String {
    let is = |k: usize, words: &[&str]| {
        let w = &text[tokens[k].start..tokens[k].end];
        words.iter().any(|x| x.eq_ignore_ascii_case(w))
    };
    let mut a = a;
    // "told reporters that talks had failed": the listener is no part of
    // the stance
    if a > 0 && is(a - 1, TELL) {
        let that = (a..first.min(a + 4)).find(|&k| is(k, &["that"]));
        if let Some(that) = that {
            a = that + 1;
        }
    }
    while a < first && (is(a, LEADING) || !is_word(&tokens[a])) {
        a += 1;
    }
    let words_between = |x: usize, y: usize| tokens[x..y].iter().filter(|t| is_word(t)).count();
    // keep the cue in view: start a little before it when the clause is long
    while words_between(a, b) > max && a + 3 < first {
        a += 1;
    }
    // and again drop filler the cut left in front ("and", "that")
    while a < first && (is(a, LEADING) || !is_word(&tokens[a])) {
        a += 1;
    }
    let mut b = b.max(end.min(b));
    while words_between(a, b) > max && b > end {
        b -= 1;
    }
    let trim = |mut b: usize| {
        while b > end.max(a + 1) && {
            let t = tokens[b - 1];
            !is_word(&t) || is(b - 1, TRAILING)
        } {
            b -= 1;
        }
        b
    };
    b = trim(b);
    // "criticized the plan on Monday": the time is the news, not the stance
    let time = |k: usize| {
        lexicon::is(
            &text[tokens[k].start..tokens[k].end].to_lowercase(),
            lexicon::TIME,
        )
    };
    if b >= end + 2 && b >= a + 3 && time(b - 1) && is(b - 2, TIME_OPENERS) {
        b = trim(b - 2);
    }
    join(text, &tokens[a..b])
}

/// Tokens joined as text, spaced as they are written ("Vale's plan",
/// "U.S.-made"), quotation marks left out.
pub fn join(text: &str, tokens: &[Token]) -> String {
    let mut out = String::new();
    let mut last_end: Option<usize> = None;
    for t in tokens {
        if is_quote(t) {
            continue;
        }
        let spaced = last_end
            .and_then(|e| text.get(e..t.start))
            .is_some_and(|gap| gap.contains(char::is_whitespace));
        if spaced && !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&text[t.start..t.end]);
        last_end = Some(t.end);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    fn toks(text: &str) -> Vec<Token> {
        crate::analyse::sentences::tokenize(text)
    }

    #[test]
    fn words_are_spaced_as_written() {
        let text = "He rejected Vale’s “fair” U.S.-made plan (again).";
        assert_eq!(
            join(text, &toks(text)),
            "He rejected Vale’s fair U.S.-made plan (again)."
        );
    }

    #[test]
    fn subject_and_auxiliary_are_dropped() {
        let text = "We are not leaving the valley.";
        let t = toks(text);
        let s = phrase(text, &t, (0, t.len()), (2, 4), MAX_WORDS);
        assert_eq!(s, "not leaving the valley");
    }

    #[test]
    fn a_long_clause_is_cut_around_the_cue() {
        let text = "the board said that after many long months of very careful study the merger was plainly unacceptable to everyone";
        let t = toks(text);
        let cue = t
            .iter()
            .position(|x| &text[x.start..x.end] == "unacceptable")
            .expect("cue");
        let s = phrase(text, &t, (0, t.len()), (cue, cue + 1), 8);
        assert!(s.contains("unacceptable"), "{s}");
        assert!(s.split(' ').count() <= 8, "{s}");
    }

    #[test]
    fn a_cut_clause_does_not_open_on_filler() {
        let text = "the mayor spoke at length about the harbour and then said that the new toll was unfair";
        let t = toks(text);
        let cue = t
            .iter()
            .position(|x| &text[x.start..x.end] == "unfair")
            .expect("cue");
        let s = phrase(text, &t, (0, t.len()), (cue, cue + 1), 7);
        assert_eq!(s, "the new toll was unfair");
    }

    #[test]
    fn clause_stops_at_commas() {
        let text = "In the end, the levy is unfair, the growers say.";
        let t = toks(text);
        let cue = t
            .iter()
            .position(|x| &text[x.start..x.end] == "unfair")
            .expect("cue");
        let (a, b) = clause_around(text, &t, cue, cue + 1, 0, t.len());
        assert_eq!(join(text, &t[a..b]), "the levy is unfair");
    }

    #[test]
    fn a_time_at_the_end_is_dropped() {
        let text = "the council rejected the new ferry timetable on Tuesday";
        let t = toks(text);
        let s = phrase(text, &t, (0, t.len()), (2, 3), MAX_WORDS);
        assert_eq!(s, "the council rejected the new ferry timetable");
    }

    #[test]
    fn the_listener_of_told_is_dropped() {
        let text = "the mayor told reporters that the toll was unfair";
        let t = toks(text);
        let s = phrase(text, &t, (3, t.len()), (8, 9), MAX_WORDS);
        assert_eq!(s, "the toll was unfair");
    }

    #[test]
    fn quotation_marks_are_left_out() {
        let text = "a “red line” for them";
        assert_eq!(join(text, &toks(text)), "a red line for them");
    }
}
