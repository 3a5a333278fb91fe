//! Stance cues: the words and phrases that say where someone stands
//! ("criticized", "a red line for", "unacceptable", "not"), read once from
//! `stance_lexicon.txt` and found in a sentence's words by one automaton.
//! Also the word splitter those cues are matched against.

use std::collections::HashMap;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, Anchored, Input, MatchKind, StartKind};

/// What a cue does in its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueKind {
    /// Its subject takes a stance towards what follows ("criticized").
    Act,
    /// A reporting verb: the stance is in what follows ("said that").
    Say,
    /// A word that colours its clause ("unacceptable").
    Eval,
    /// A phrase followed by the holder ("a red line for").
    For,
    /// A word that turns the next stance around ("not").
    Neg,
}

/// One lexicon entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cue {
    pub kind: CueKind,
    /// +1 in favour, -1 against, 0 without a lean.
    pub polarity: i8,
    /// The word the panel shows ("criticizes"); empty for eval and neg.
    pub stance: &'static str,
}

/// A word or a single punctuation mark: byte offsets into the paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub word: bool,
}

/// A cue found in a sentence: tokens `first..end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub first: usize,
    pub end: usize,
    pub cue: Cue,
}

struct Lexicon {
    matcher: Option<AhoCorasick>,
    cues: Vec<Cue>,
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| build(include_str!("stance_lexicon.txt")));

/// Parse the lexicon text; the first entry of a form wins.
fn build(source: &'static str) -> Lexicon {
    let mut forms: Vec<String> = Vec::new();
    let mut cues = Vec::new();
    let mut seen: HashMap<String, ()> = HashMap::new();
    for (cue, line_forms) in source.lines().filter_map(parse_line) {
        for form in line_forms {
            let key = form.to_ascii_lowercase();
            if seen.insert(key.clone(), ()).is_none() {
                forms.push(key);
                cues.push(cue);
            }
        }
    }
    let matcher = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .start_kind(StartKind::Anchored)
        .build(&forms)
        .ok();
    Lexicon { matcher, cues }
}

/// One line of the lexicon: its cue and every written form, or `None` for
/// comments, blank and malformed lines.
fn parse_line(line: &'static str) -> Option<(Cue, Vec<String>)> {
    let line = line.trim();
    if line.is_empty() || line.starts_with('#') {
        return None;
    }
    let (head, forms) = line.split_once(':')?;
    let mut head = head.split_whitespace();
    let kind = match head.next()? {
        "act" => CueKind::Act,
        "say" => CueKind::Say,
        "eval" => CueKind::Eval,
        "for" => CueKind::For,
        "neg" => CueKind::Neg,
        _ => return None,
    };
    let polarity = match head.next()? {
        "+" => 1,
        "-" => -1,
        "0" => 0,
        _ => return None,
    };
    let stance = head.next().filter(|s| *s != "-").unwrap_or("");
    let inflect = matches!(kind, CueKind::Act | CueKind::Say);
    let mut out = Vec::new();
    for form in forms.split(',').map(str::trim).filter(|f| !f.is_empty()) {
        match form.strip_prefix('=') {
            Some(as_written) => out.push(as_written.to_string()),
            None if inflect => out.extend(verb_forms(form)),
            None => out.push(form.to_string()),
        }
    }
    Some((
        Cue {
            kind,
            polarity,
            stance,
        },
        out,
    ))
}

/// A verb (or a phrase led by a verb) in its base, -s, -ed and -ing forms.
/// A `*` after the verb doubles its last consonant ("slam*" -> "slammed").
fn verb_forms(phrase: &str) -> Vec<String> {
    let (verb, rest) = phrase.split_once(' ').unwrap_or((phrase, ""));
    let double = verb.ends_with('*');
    let verb = verb.trim_end_matches('*');
    let rest = if rest.is_empty() {
        String::new()
    } else {
        format!(" {rest}")
    };
    let last = verb.chars().last().unwrap_or('e');
    let before_last = verb.chars().rev().nth(1).unwrap_or('a');
    let vowel = |c: char| "aeiou".contains(c);
    let (s, ed, ing) = if double {
        (
            format!("{verb}s"),
            format!("{verb}{last}ed"),
            format!("{verb}{last}ing"),
        )
    } else if verb.ends_with("ee") {
        (format!("{verb}s"), format!("{verb}d"), format!("{verb}ing"))
    } else if let Some(stem) = verb.strip_suffix('e') {
        (format!("{verb}s"), format!("{verb}d"), format!("{stem}ing"))
    } else if last == 'y' && !vowel(before_last) {
        let stem = &verb[..verb.len() - 1];
        (
            format!("{stem}ies"),
            format!("{stem}ied"),
            format!("{verb}ing"),
        )
    } else if ["s", "sh", "ch", "x", "z", "o"]
        .iter()
        .any(|e| verb.ends_with(e))
    {
        (
            format!("{verb}es"),
            format!("{verb}ed"),
            format!("{verb}ing"),
        )
    } else {
        (
            format!("{verb}s"),
            format!("{verb}ed"),
            format!("{verb}ing"),
        )
    };
    [verb.to_string(), s, ed, ing]
        .into_iter()
        .map(|f| f + &rest)
        .collect()
}

/// Split `text[from..to]` into words and punctuation marks, appending to
/// `out`. A word keeps inner apostrophes, hyphens and dots ("don't",
/// "well-known", "U.S.").
pub fn tokenize(text: &str, from: usize, to: usize, out: &mut Vec<Token>) {
    let part = &text[from..to];
    let mut word_start: Option<usize> = None;
    let mut chars = part.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next_alnum = chars.peek().is_some_and(|&(_, n)| n.is_alphanumeric());
        let joins = matches!(c, '\'' | '’' | '-' | '.') && word_start.is_some() && next_alnum;
        let abbreviation = c == '.' && word_start.is_some_and(|s| is_abbreviation(&part[s..i]));
        if c.is_alphanumeric() || joins || abbreviation {
            word_start.get_or_insert(i);
            continue;
        }
        if let Some(s) = word_start.take() {
            out.push(Token {
                start: from + s,
                end: from + i,
                word: true,
            });
        }
        if !c.is_whitespace() {
            out.push(Token {
                start: from + i,
                end: from + i + c.len_utf8(),
                word: false,
            });
        }
    }
    if let Some(s) = word_start {
        out.push(Token {
            start: from + s,
            end: to,
            word: true,
        });
    }
}

/// Words written with a full stop that belongs to them ("Mr.", "Sen.").
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "capt", "prof", "rev",
    "st", "jr", "sr", "messrs", "hon", "pres", "adm", "maj",
];

/// Does a full stop after `word` belong to it: a title, an initial, or a
/// dotted abbreviation ("U.S.")?
fn is_abbreviation(word: &str) -> bool {
    let mut chars = word.chars();
    let initial = chars.next().is_some_and(char::is_uppercase) && chars.next().is_none();
    initial || word.contains('.') || ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word))
}

/// Finds cues in a sentence's tokens. Quotation marks are skipped, so a
/// phrase matches across them (a “red line” for); words are compared in
/// lower case. Keeps its buffers between sentences.
#[derive(Debug, Default)]
pub struct CueFinder {
    words: String,
    /// Where each token starts and ends in `words`; `None` for a skipped mark.
    at: Vec<Option<(usize, usize)>>,
}

impl CueFinder {
    /// The cues among `tokens` of `text` (one sentence), the longest phrase
    /// at each word, appended to `out`. Verbs written with a capital inside
    /// the sentence (a name like "Post") are not cues.
    pub fn find(&mut self, text: &str, tokens: &[Token], out: &mut Vec<Hit>) {
        let lexicon = &*LEXICON;
        let Some(matcher) = &lexicon.matcher else {
            return;
        };
        self.fill(text, tokens);
        let mut i = 0;
        while i < tokens.len() {
            let Some((start, _)) = self.at[i] else {
                i += 1;
                continue;
            };
            let input = Input::new(&self.words)
                .range(start..)
                .anchored(Anchored::Yes);
            let found = matcher.try_find(input).ok().flatten().and_then(|m| {
                // the match must end where a token ends
                let end =
                    (i..tokens.len()).find(|&j| self.at[j].is_some_and(|(_, e)| e == m.end()))?;
                Some((end + 1, *lexicon.cues.get(m.pattern().as_usize())?))
            });
            let Some((end, cue)) = found else {
                i += 1;
                continue;
            };
            // a verb with a capital inside a sentence is a name ("Post")
            let capital = text[tokens[i].start..].starts_with(char::is_uppercase);
            let opens = tokens[..i].iter().all(|t| !t.word);
            if capital && !opens && matches!(cue.kind, CueKind::Act | CueKind::Say) {
                i += 1;
                continue;
            }
            out.push(Hit { first: i, end, cue });
            i = end;
        }
    }

    fn fill(&mut self, text: &str, tokens: &[Token]) {
        self.words.clear();
        self.at.clear();
        for t in tokens {
            let s = &text[t.start..t.end];
            if !t.word && s.chars().all(is_quote_mark) {
                self.at.push(None);
                continue;
            }
            let start = self.words.len();
            for c in s.chars() {
                match c {
                    '’' => self.words.push('\''),
                    c => self.words.extend(c.to_lowercase()),
                }
            }
            self.at.push(Some((start, self.words.len())));
            self.words.push(' ');
        }
    }
}

/// A quotation mark of any style.
pub fn is_quote_mark(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '‘' | '’' | '«' | '»' | '„' | '\'')
}

/// Does this word turn a stance around on its own ("don't", "isn't")?
pub fn is_contracted_negation(word: &str) -> bool {
    word.ends_with("n't") || word.ends_with("n’t")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cues_of(text: &str) -> Vec<(String, CueKind, i8)> {
        let mut toks = Vec::new();
        tokenize(text, 0, text.len(), &mut toks);
        let mut hits = Vec::new();
        CueFinder::default().find(text, &toks, &mut hits);
        hits.iter()
            .map(|h| {
                let s = toks[h.first].start;
                let e = toks[h.end - 1].end;
                (text[s..e].to_string(), h.cue.kind, h.cue.polarity)
            })
            .collect()
    }

    #[test]
    fn every_lexicon_line_parses() {
        let source = include_str!("stance_lexicon.txt");
        for line in source.lines() {
            let t = line.trim();
            if t.is_empty() || t.starts_with('#') {
                continue;
            }
            assert!(parse_line(line).is_some(), "bad lexicon line: {line}");
        }
        assert!(LEXICON.matcher.is_some());
    }

    #[test]
    fn verbs_are_inflected() {
        assert_eq!(
            verb_forms("criticize"),
            ["criticize", "criticizes", "criticized", "criticizing"]
        );
        assert_eq!(verb_forms("slam* into")[2], "slammed into");
        assert_eq!(verb_forms("deny")[2], "denied");
        assert_eq!(verb_forms("veto")[1], "vetoes");
        assert_eq!(verb_forms("agree with")[3], "agreeing with");
    }

    #[test]
    fn words_keep_inner_marks() {
        let text = "He didn't back the U.S. plan, well-known critics told Sen. Ruiz.";
        let mut toks = Vec::new();
        tokenize(text, 0, text.len(), &mut toks);
        let words: Vec<&str> = toks.iter().map(|t| &text[t.start..t.end]).collect();
        assert_eq!(
            words,
            [
                "He",
                "didn't",
                "back",
                "the",
                "U.S.",
                "plan",
                ",",
                "well-known",
                "critics",
                "told",
                "Sen.",
                "Ruiz",
                "."
            ]
        );
    }

    #[test]
    fn a_criticism_verb_is_an_act_against() {
        let c = cues_of("The mayor sharply criticized the new toll plan.");
        assert_eq!(c, [("criticized".to_string(), CueKind::Act, -1)]);
    }

    #[test]
    fn the_longest_phrase_wins() {
        let c = cues_of("She voted against the bill and lashed out at its authors.");
        assert_eq!(c[0].0, "voted against");
        assert_eq!(c[1].0, "lashed out at");
    }

    #[test]
    fn a_phrase_before_the_holder() {
        let c = cues_of("A new levy would be a “red line” for the farmers' union.");
        assert_eq!(c, [("a “red line” for".to_string(), CueKind::For, -1)]);
    }

    #[test]
    fn cues_end_where_words_end() {
        // "not" must not match inside "nothing", "notable"
        let c = cues_of("A notable note.");
        assert!(c.is_empty(), "{c:?}");
    }

    #[test]
    fn capitalised_verbs_are_names() {
        let c = cues_of("They met Praise Adeyemi.");
        assert!(c.is_empty(), "{c:?}");
    }

    #[test]
    fn evaluative_words_and_negators() {
        let c = cues_of("It is not fair and frankly unacceptable.");
        let kinds: Vec<_> = c.iter().map(|x| (x.1, x.2)).collect();
        assert_eq!(
            kinds,
            [(CueKind::Neg, 0), (CueKind::Eval, 1), (CueKind::Eval, -1)]
        );
        assert!(is_contracted_negation("won’t"));
    }
}
