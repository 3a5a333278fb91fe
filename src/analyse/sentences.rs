//! Tokens and sentences of news text. Each paragraph is cut once into
//! tokens (words, numbers, punctuation, quotation marks) and the tokens into
//! sentences; every later stage works on these. Abbreviations ("Mr.",
//! "U.S.", "Jan."), initials and decimal numbers do not end a sentence; a
//! closing quotation mark after the full stop belongs to the sentence it
//! closes; an ellipsis ends a sentence only before a capital.

use std::ops::Range;

use super::cues::{self, Cue};
use super::lexicon::{self, Classes};
use crate::model::Paragraph;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Letters (and digits), with inner hyphens, apostrophes and the dots
    /// of an abbreviation ("U.S.", "Mr.", "Jean-Yves", "don't").
    Word,
    /// Digits with inner separators ("2.5", "1,000", "9:00").
    Number,
    /// A quotation mark of any style.
    Mark,
    /// Any other character, one per token ("," "." "—" "(").
    Punct,
}

/// A token: a byte range of its paragraph's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
}

/// A sentence: a range of token indices inside one paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub tokens: Range<usize>,
}

/// A paragraph cut into tokens and sentences, with an ASCII-lower-cased
/// copy of its text (same byte offsets) for word-list look-ups.
#[derive(Debug, Clone)]
pub struct Para<'a> {
    pub index: usize,
    pub text: &'a str,
    pub lower: String,
    pub tokens: Vec<Token>,
    pub sentences: Vec<Sentence>,
    /// Where the text has multi-byte chars (see `char_table`).
    chars: Option<Vec<(u32, u32)>>,
    /// Per token, looked up once: its word classes and whether it starts
    /// with a capital (the `CAPITAL` bit); and the tokens that are forms of
    /// a reporting verb, in token order (few are: kept apart, not per token).
    classes: Vec<Classes>,
    cues: Vec<(usize, &'static Cue)>,
}

/// The bit of a token's classes that says it starts with a capital; no
/// word class of the lexicon uses it.
const CAPITAL: Classes = 1 << 31;

/// Words that end with a full stop without ending the sentence, and that
/// keep their dot as part of the word (lower case, without the dot).
const ABBREVIATIONS: &[&str] = &[
    // courtesy and professional titles: "Mr. Le Drian", "Dr. Ana Ruiz"
    "mr", "mrs", "ms", "dr", "prof", "messrs", "mme", "mlle", "rev", "hon", "st", "jr", "sr",
    // political and military titles: "Sen. Paul", "Gen. Ruiz"
    "sen", "rep", "gov", "gen", "lt", "col", "sgt", "capt", "maj", "adm", "cmdr", "cpl", "pvt",
    "supt", "insp", "pres", "amb", "brig", "cdr", "lieut", "atty", "sec", "dept",
    // months: "Jan. 6"
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    // US states as newspapers write them: "Austin, Tex."
    "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan", "ky",
    "la", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore", "pa",
    "tenn", "tex", "va", "vt", "wash", "wis", "wyo",
    // others: "No. 10", "Acme Inc.", "vs. last year"
    "no", "nos", "vs", "etc", "inc", "corp", "co", "ltd", "bros", "approx", "est", "fig", "vol",
    "mt", "ft", "ave", "blvd", "e.g", "i.e", "a.m", "p.m", "u.s", "u.k", "u.n", "d.c",
];

/// Abbreviations that stand before a number only ("No. 10", "Vol. 2").
const NUMBERED: &[&str] = &["no", "nos", "fig", "vol", "art"];

/// Abbreviations that often end a sentence as well ("... in the U.S. The
/// next day ..."): these end it when a sentence-starting word follows.
const CLOSING_ABBREVIATIONS: &[&str] = &[
    "u.s", "u.k", "u.n", "d.c", "a.m", "p.m", "etc", "inc", "corp", "co", "ltd", "jr", "sr",
];

/// Lower-case words that open sentences and are never part of a name, used
/// to decide that "U.S. The ..." ends a sentence after "U.S.".
const SENTENCE_OPENERS: &[&str] = &[
    "the",
    "a",
    "an",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "but",
    "and",
    "this",
    "that",
    "there",
    "in",
    "on",
    "at",
    "his",
    "her",
    "their",
    "its",
    "our",
    "as",
    "if",
    "when",
    "while",
    "after",
    "before",
    "since",
    "however",
    "meanwhile",
    "still",
    "yet",
    "so",
    "for",
    "some",
];

impl<'a> Para<'a> {
    /// Cut one paragraph into tokens and sentences.
    pub fn new(index: usize, text: &'a str) -> Para<'a> {
        let tokens = tokenize(text);
        let lower = text.to_ascii_lowercase();
        let sentences = split_sentences(text, &lower, &tokens);
        let chars = (!text.is_ascii()).then(|| char_table(text));
        let mut classes = Vec::with_capacity(tokens.len());
        let mut cue_forms = Vec::new();
        for (i, t) in tokens.iter().enumerate() {
            if t.kind != Kind::Word {
                classes.push(0);
                continue;
            }
            let l = &lower[t.start..t.end];
            let capital = text[t.start..]
                .chars()
                .next()
                .is_some_and(char::is_uppercase);
            classes.push(lexicon::classes(l) | if capital { CAPITAL } else { 0 });
            if let Some(cue) = cues::entry(l) {
                cue_forms.push((i, cue));
            }
        }
        Para {
            index,
            text,
            lower,
            tokens,
            sentences,
            chars,
            classes,
            cues: cue_forms,
        }
    }

    /// Whether token `i` is a word of one of the `classes`.
    pub fn has(&self, i: usize, classes: Classes) -> bool {
        self.classes
            .get(i)
            .is_some_and(|c| c & classes & !CAPITAL != 0)
    }

    /// The reporting verb token `i` is a form of.
    pub fn cue(&self, i: usize) -> Option<Cue> {
        let k = self.cues.binary_search_by_key(&i, |&(t, _)| t).ok()?;
        Some(*self.cues[k].1)
    }

    /// The text of token `i`.
    pub fn word(&self, i: usize) -> &'a str {
        let t = self.tokens[i];
        &self.text[t.start..t.end]
    }

    /// The ASCII-lower-cased text of token `i`.
    pub fn lower(&self, i: usize) -> &str {
        let t = self.tokens[i];
        &self.lower[t.start..t.end]
    }

    /// The text from the start of token `a` to the end of token `b - 1`.
    pub fn slice(&self, a: usize, b: usize) -> &'a str {
        if a >= b || b > self.tokens.len() {
            return "";
        }
        &self.text[self.tokens[a].start..self.tokens[b - 1].end]
    }

    /// The char offset of a byte offset of the text.
    pub fn char_at(&self, byte: usize) -> usize {
        let byte = byte.min(self.text.len());
        match &self.chars {
            Some(table) => {
                let k = table.partition_point(|&(b, _)| b as usize <= byte);
                byte - k.checked_sub(1).map_or(0, |k| table[k].1 as usize)
            }
            None => byte,
        }
    }

    /// The sentence that holds token `i`.
    pub fn sentence_of(&self, i: usize) -> Option<usize> {
        let k = self.sentences.partition_point(|s| s.tokens.end <= i);
        (k < self.sentences.len() && self.sentences[k].tokens.contains(&i)).then_some(k)
    }

    /// Whether token `i` starts its sentence (leading quotation marks and
    /// brackets skipped).
    pub fn starts_sentence(&self, i: usize) -> bool {
        let Some(k) = self.sentence_of(i) else {
            return false;
        };
        let mut j = self.sentences[k].tokens.start;
        while j < i && matches!(self.tokens[j].kind, Kind::Mark | Kind::Punct) {
            j += 1;
        }
        j == i
    }

    /// Is token `i` this punctuation character?
    pub fn is(&self, i: usize, c: char) -> bool {
        i < self.tokens.len() && self.tokens[i].kind == Kind::Punct && self.word(i).starts_with(c)
    }

    /// Does token `i` start with a capital letter?
    pub fn capitalised(&self, i: usize) -> bool {
        self.classes.get(i).is_some_and(|c| c & CAPITAL != 0)
    }
}

/// Cut every paragraph of a document.
pub fn split_document(paragraphs: &[Paragraph]) -> Vec<Para<'_>> {
    paragraphs
        .iter()
        .map(|p| Para::new(p.index, &p.text))
        .collect()
}

/// For each multi-byte char, the byte just after it and how many bytes
/// more than chars the text has up to there.
fn char_table(text: &str) -> Vec<(u32, u32)> {
    let mut extra = 0u32;
    text.char_indices()
        .filter(|(_, c)| c.len_utf8() > 1)
        .map(|(i, c)| {
            extra += c.len_utf8() as u32 - 1;
            ((i + c.len_utf8()) as u32, extra)
        })
        .collect()
}

fn is_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '“' | '”' | '„' | '‟' | '«' | '»' | '‘' | '’' | '\'' | '‚' | '‹' | '›' | '`'
    )
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’')
}

/// Cut `text` into tokens.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5);
    let mut i = 0;
    while let Some(c) = char_at(text, i) {
        if c.is_whitespace() {
            i += c.len_utf8();
        } else if c.is_alphanumeric() {
            let end = word_end(text, i);
            push_word(text, &mut out, i, end);
            i = end;
        } else {
            let kind = if is_mark(c) { Kind::Mark } else { Kind::Punct };
            out.push(Token {
                start: i,
                end: i + c.len_utf8(),
                kind,
            });
            i += c.len_utf8();
        }
    }
    // a paragraph's tokens live as long as the analysis: no spare room
    out.shrink_to_fit();
    out
}

/// The char that starts at byte `i`.
fn char_at(text: &str, i: usize) -> Option<char> {
    match text.as_bytes().get(i) {
        Some(&b) if b < 0x80 => Some(b as char),
        Some(_) => text.get(i..).and_then(|t| t.chars().next()),
        None => None,
    }
}

/// The char that ends at byte `i`.
fn char_before(text: &str, i: usize) -> Option<char> {
    match i.checked_sub(1).and_then(|k| text.as_bytes().get(k)) {
        Some(&b) if b < 0x80 => Some(b as char),
        Some(_) => text.get(..i).and_then(|t| t.chars().next_back()),
        None => None,
    }
}

/// The byte after the word that starts at `start`: letters and digits,
/// with single inner joiners (- ' ’ . &) between them, and a final dot
/// when the word is an abbreviation or an initial.
fn word_end(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let mut j = start;
    loop {
        // ASCII letters and digits byte by byte; other chars decoded
        loop {
            match bytes.get(j) {
                Some(b) if b.is_ascii_alphanumeric() => j += 1,
                Some(&b) if b >= 0x80 => match char_at(text, j).filter(|c| c.is_alphanumeric()) {
                    Some(c) => j += c.len_utf8(),
                    None => break,
                },
                _ => break,
            }
        }
        let Some(joiner) = char_at(text, j) else {
            break;
        };
        let after = j + joiner.len_utf8();
        let next = char_at(text, after);
        if !matches!(joiner, '-' | '\'' | '’' | '.' | '&' | '/' | ',' | ':')
            || !next.is_some_and(char::is_alphanumeric)
        {
            break;
        }
        let prev_digit = char_before(text, j).is_some_and(|c| c.is_ascii_digit());
        let next_digit = next.is_some_and(|c| c.is_ascii_digit());
        // commas and colons join digits only ("1,000", "9:00"); a slash too
        if matches!(joiner, ',' | ':' | '/') && !(prev_digit && next_digit) {
            break;
        }
        // a dot joins only abbreviations and numbers ("U.S", "2.5"), not
        // two sentences written without a space ("end.Next")
        if joiner == '.' {
            let run = text[start..j]
                .chars()
                .rev()
                .take_while(|c| c.is_alphanumeric())
                .count();
            if !(run <= 2 || prev_digit && next_digit) {
                break;
            }
        }
        j = after;
    }
    if text.as_bytes().get(j) == Some(&b'.') && takes_its_dot(text, start, j) {
        j += 1;
    }
    j
}

/// Whether the word `start..j`, followed by a dot, keeps it: "U.S.",
/// initials, abbreviations ("Mr.", "Jan."; "No." only before a number).
fn takes_its_dot(text: &str, start: usize, j: usize) -> bool {
    let word = &text[start..j];
    let mut chars = word.chars();
    let initial = chars.next().is_some_and(char::is_uppercase) && chars.next().is_none();
    if initial || word.contains('.') {
        return true;
    }
    if word.len() > 12 {
        return false;
    }
    let lower = word.to_ascii_lowercase();
    let before_number = text[j + 1..]
        .trim_start()
        .starts_with(|c: char| c.is_ascii_digit());
    let numbered = NUMBERED.contains(&lower.as_str());
    // "(D-Mo.)": an abbreviation after a hyphen
    let last_part = lower.rsplit('-').next().unwrap_or("");
    (ABBREVIATIONS.contains(&lower.as_str()) && (!numbered || before_number))
        || (lower.contains('-') && ABBREVIATIONS.contains(&last_part))
}

/// Push a word, splitting off a possessive "'s" of a capitalised word
/// ("Clinton’s" -> "Clinton" + "’s") so that names stand alone.
fn push_word(text: &str, out: &mut Vec<Token>, start: usize, end: usize) {
    let w = &text[start..end];
    let kind = if w.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        Kind::Number
    } else {
        Kind::Word
    };
    let possessive = w.len() > 2
        && kind == Kind::Word
        && (w.ends_with("'s") || w.ends_with("’s") || w.ends_with("'S") || w.ends_with("’S"))
        && w.chars().next().is_some_and(char::is_uppercase);
    if possessive {
        let cut = end
            - if w.ends_with('s') || w.ends_with('S') {
                1
            } else {
                0
            };
        let apos = text[..cut]
            .char_indices()
            .next_back()
            .filter(|(_, c)| is_apostrophe(*c))
            .map_or(cut, |(i, _)| i);
        out.push(Token {
            start,
            end: apos,
            kind,
        });
        out.push(Token {
            start: apos,
            end,
            kind: Kind::Word,
        });
    } else {
        out.push(Token { start, end, kind });
    }
}

/// Sentences of one paragraph as token ranges.
fn split_sentences(text: &str, lower: &str, tokens: &[Token]) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < tokens.len() {
        let t = tokens[i];
        let s = &text[t.start..t.end];
        let ends = match t.kind {
            Kind::Punct => matches!(s, "." | "!" | "?" | "…"),
            Kind::Word => s.ends_with('.') && abbreviation_ends_sentence(lower, tokens, i),
            _ => false,
        };
        if !ends {
            i += 1;
            continue;
        }
        // closing marks, brackets and further stops stay with the sentence
        let mut j = i + 1;
        while j < tokens.len() && closes_sentence(text, tokens, j) {
            j += 1;
        }
        let next_starts = j >= tokens.len() || opens_sentence(text, tokens[j]);
        // an ellipsis ("…" or "...") ends a sentence only before a capital
        let ellipsis =
            s == "…" || (s == "." && j > i + 1 && text[tokens[i + 1].start..].starts_with('.'));
        let ellipsis_ok = !ellipsis
            || j >= tokens.len()
            || text[tokens[j].start..].starts_with(char::is_uppercase);
        if next_starts && ellipsis_ok && j > start {
            out.push(Sentence { tokens: start..j });
            start = j;
        }
        i = j.max(i + 1);
    }
    if start < tokens.len() {
        out.push(Sentence {
            tokens: start..tokens.len(),
        });
    }
    out
}

/// Whether token `j`, after a sentence stop, still belongs to the sentence:
/// a further stop, a closing bracket, or a closing quotation mark (a mark
/// followed by a space or the end, and not opening a new quotation).
fn closes_sentence(text: &str, tokens: &[Token], j: usize) -> bool {
    let t = tokens[j];
    let s = &text[t.start..t.end];
    match t.kind {
        Kind::Punct => matches!(s, "." | "!" | "?" | ")" | "]" | "…"),
        Kind::Mark => {
            let c = s.chars().next().unwrap_or(' ');
            if matches!(c, '“' | '«' | '„' | '‘') {
                return false;
            }
            // a straight mark closes when nothing follows it directly
            text[t.end..]
                .chars()
                .next()
                .is_none_or(|n| n.is_whitespace() || is_mark(n) || matches!(n, ')' | ']'))
        }
        _ => false,
    }
}

/// Whether a token can open a sentence: a capital, a digit, an opening
/// quotation mark or bracket.
fn opens_sentence(text: &str, t: Token) -> bool {
    let c = text[t.start..].chars().next().unwrap_or(' ');
    c.is_uppercase() || c.is_numeric() || is_mark(c) || matches!(c, '(' | '[' | '—' | '-')
}

/// "U.S." ends a sentence when the next word opens one ("... in the U.S.
/// The next day ..."); "Mr." never does.
fn abbreviation_ends_sentence(lower: &str, tokens: &[Token], i: usize) -> bool {
    let t = tokens[i];
    let w = lower[t.start..t.end].trim_end_matches('.');
    if !CLOSING_ABBREVIATIONS.contains(&w) && !w.contains('.') {
        return false;
    }
    match tokens.get(i + 1) {
        None => true,
        Some(n) => SENTENCE_OPENERS.contains(&&lower[n.start..n.end]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(s: &str) -> Vec<&str> {
        let p = Para::new(0, s);
        p.sentences
            .iter()
            .map(|x| p.slice(x.tokens.start, x.tokens.end))
            .collect()
    }

    fn words(s: &str) -> Vec<&str> {
        tokenize(s).iter().map(|t| &s[t.start..t.end]).collect()
    }

    #[test]
    fn abbreviations_do_not_split() {
        assert_eq!(
            sentences("Mr. Le Drian met U.S. officials. They spoke."),
            vec!["Mr. Le Drian met U.S. officials.", "They spoke."]
        );
    }

    #[test]
    fn closing_abbreviation_ends_before_an_opener() {
        assert_eq!(
            sentences("The envoy flew to the U.S. The talks began."),
            vec!["The envoy flew to the U.S.", "The talks began."]
        );
    }

    #[test]
    fn closing_quote_stays_with_its_sentence() {
        assert_eq!(
            sentences("He said: “We stay.” Then he left."),
            vec!["He said: “We stay.”", "Then he left."]
        );
        assert_eq!(
            sentences("She said: \"No.\" He left."),
            vec!["She said: \"No.\"", "He left."]
        );
    }

    #[test]
    fn decimals_and_initials() {
        assert_eq!(
            sentences("Growth was 2.5 percent, John F. Kennedy said. Done."),
            vec!["Growth was 2.5 percent, John F. Kennedy said.", "Done."]
        );
    }

    #[test]
    fn ellipsis_before_lower_case_continues() {
        assert_eq!(
            sentences("We wait … and we hope. Then we go."),
            vec!["We wait … and we hope.", "Then we go."]
        );
    }

    #[test]
    fn months_and_titles_keep_their_dot() {
        assert_eq!(
            words("Gen. Ruiz left on Jan. 6."),
            vec!["Gen.", "Ruiz", "left", "on", "Jan.", "6", "."]
        );
    }

    #[test]
    fn possessive_of_a_name_is_its_own_token() {
        assert_eq!(
            words("Sudan’s minister didn't go"),
            vec!["Sudan", "’s", "minister", "didn't", "go"]
        );
    }

    #[test]
    fn numbers_keep_separators() {
        assert_eq!(words("1,000 at 9:00"), vec!["1,000", "at", "9:00"]);
    }

    #[test]
    fn capitals_classes_and_cues_are_read_once_per_token() {
        let p = Para::new(0, "The minister said");
        assert!(p.capitalised(0) && !p.capitalised(1));
        assert!(p.has(0, lexicon::DETERMINER) && !p.has(0, lexicon::PRONOUN));
        assert!(p.cue(2).is_some() && p.cue(1).is_none());
    }

    #[test]
    fn char_offsets_count_scalar_values() {
        let p = Para::new(0, "“Ab” c");
        let t = p.tokens[1];
        assert_eq!((p.char_at(t.start), p.char_at(t.end)), (1, 3));
    }
}
