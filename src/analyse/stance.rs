//! Stance cues: the words and phrases that say where someone stands
//! ("criticized", "a red line for", "unacceptable", "not"), read once from
//! `stance_lexicon.txt` and found in a sentence's words by one automaton.
//! Also the word splitter those cues are matched against.

use std::collections::HashMap;
use std::sync::LazyLock;

use super::sentences::Kind;

use aho_corasick::{AhoCorasick, AhoCorasickKind, Anchored, Input, MatchKind, StartKind};

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

/// A word, a number, a quotation mark or another mark (cut by `sentences`).
pub use super::sentences::Token;

/// Is this token a word or a number (not a mark)?
pub fn is_word(t: &Token) -> bool {
    matches!(t.kind, Kind::Word | Kind::Number)
}

/// Is this token a quotation mark?
pub fn is_quote(t: &Token) -> bool {
    t.kind == Kind::Mark
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
                forms.push(format!(" {key}"));
                cues.push(cue);
            }
        }
    }
    let matcher = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .start_kind(StartKind::Both)
        .prefilter(false)
        .kind(Some(AhoCorasickKind::DFA))
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

/// Finds cues in a sentence's tokens. Quotation marks are skipped, so a
/// phrase matches across them (a “red line” for); words are compared in
/// lower case. Keeps its buffers between sentences.
#[derive(Debug, Default)]
pub struct CueFinder {
    /// The sentence's words in lower case, each after a space.
    words: String,
    /// Where each word starts and ends in `words`, and its token.
    spans: Vec<(usize, usize, usize)>,
}

impl CueFinder {
    /// The cues among `tokens` of `text` (one sentence), the longest phrase
    /// at each word, appended to `out`. Verbs written with a capital inside
    /// the sentence (a name like "Post") are not cues.
    pub fn find(&mut self, text: &str, lower: &str, tokens: &[Token], out: &mut Vec<Hit>) {
        let lexicon = &*LEXICON;
        let Some(matcher) = &lexicon.matcher else {
            return;
        };
        self.fill(lower, tokens);
        let mut from = 0;
        while from < self.words.len() {
            let input = Input::new(&self.words).range(from..);
            let Some(m) = matcher.try_find(input).ok().flatten() else {
                break;
            };
            // every pattern starts with the space before its first word
            let Some(w) = self.word_starting(m.start() + 1) else {
                break;
            };
            let whole = self.word_ending(m.end()).map(|e| (m, e));
            // a phrase that runs into a longer word: try shorter ones here
            let found = whole.or_else(|| self.shorter_at(matcher, w, m.end()));
            from = self.spans[w].0;
            let Some((m, last)) = found else {
                continue;
            };
            from = m.end();
            let Some(&cue) = lexicon.cues.get(m.pattern().as_usize()) else {
                continue;
            };
            let (first, end) = (self.spans[w].2, self.spans[last].2 + 1);
            // a verb with a capital inside a sentence is a name ("Post")
            let capital = text[tokens[first].start..].starts_with(char::is_uppercase);
            let opens = w == 0;
            if capital && !opens && matches!(cue.kind, CueKind::Act | CueKind::Say) {
                continue;
            }
            out.push(Hit { first, end, cue });
        }
    }

    /// The word that starts at byte `at` of `words`.
    fn word_starting(&self, at: usize) -> Option<usize> {
        let k = self.spans.partition_point(|s| s.0 < at);
        (self.spans.get(k)?.0 == at).then_some(k)
    }

    /// The word that ends at byte `at` of `words`.
    fn word_ending(&self, at: usize) -> Option<usize> {
        let k = self.spans.partition_point(|s| s.1 < at);
        (self.spans.get(k)?.1 == at).then_some(k)
    }

    /// The longest cue at word `w` that ends where a word ends before byte
    /// `before` (where a longer match ran into the middle of a word).
    fn shorter_at(
        &self,
        matcher: &AhoCorasick,
        w: usize,
        before: usize,
    ) -> Option<(aho_corasick::Match, usize)> {
        let start = self.spans[w].0 - 1;
        let inside = self.spans.partition_point(|s| s.1 < before);
        (w..inside).rev().find_map(|last| {
            let input = Input::new(&self.words)
                .range(start..self.spans[last].1)
                .anchored(Anchored::Yes);
            let m = matcher.try_find(input).ok().flatten()?;
            (m.end() == self.spans[last].1).then_some((m, last))
        })
    }

    /// The sentence's words from `lower` (its text in ASCII lower case),
    /// curly apostrophes made straight.
    fn fill(&mut self, lower: &str, tokens: &[Token]) {
        self.words.clear();
        self.spans.clear();
        for (i, t) in tokens.iter().enumerate() {
            if is_quote(t) {
                continue;
            }
            self.words.push(' ');
            let start = self.words.len();
            let w = &lower[t.start..t.end];
            if !w.is_ascii() && w.contains('’') {
                self.words.push_str(&w.replace('’', "'"));
            } else {
                self.words.push_str(w);
            }
            self.spans.push((start, self.words.len(), i));
        }
    }
}

/// Does this word turn a stance around on its own ("don't", "isn't")?
pub fn is_contracted_negation(word: &str) -> bool {
    word.ends_with("n't") || word.ends_with("n’t")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cues_of(text: &str) -> Vec<(String, CueKind, i8)> {
        let toks = crate::analyse::sentences::tokenize(text);
        let mut hits = Vec::new();
        CueFinder::default().find(text, &text.to_ascii_lowercase(), &toks, &mut hits);
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
    fn a_shorter_phrase_when_the_longer_runs_into_a_word() {
        // "no one" would end inside "onerous": "no" still counts
        let c = cues_of("It is no onerous task.");
        assert_eq!(c, [("no".to_string(), CueKind::Neg, 0)]);
    }

    #[test]
    fn cues_end_where_words_end() {
        // "not" must not match inside "nothing", "notable"
        let c = cues_of("A notable note.");
        assert!(c.is_empty(), "{c:?}");
    }

    #[test]
    fn shame_and_frustration_count_against() {
        let c = cues_of("I would be ashamed, and that is not right.");
        let got: Vec<_> = c.iter().map(|x| (x.0.as_str(), x.1, x.2)).collect();
        assert_eq!(
            got,
            [
                ("ashamed", CueKind::Eval, -1),
                ("not right", CueKind::Eval, -1)
            ]
        );
        let c = cues_of("The union is frustrated over the timetable.");
        assert_eq!(c, [("frustrated over".to_string(), CueKind::Act, -1)]);
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

    #[test]
    fn charges_of_abusing_power_count_against() {
        let c = cues_of("The governor acts like an autocrat and has stoked hatred.");
        let got: Vec<_> = c.iter().map(|x| (x.0.as_str(), x.2)).collect();
        assert_eq!(got, [("autocrat", -1), ("stoked", -1), ("hatred", -1)]);
    }

    #[test]
    fn praise_and_being_cleared_count_for() {
        let c = cues_of("The report vindicated the clerk, a tireless and steadfast aide.");
        let got: Vec<_> = c.iter().map(|x| (x.0.as_str(), x.2)).collect();
        assert_eq!(got, [("vindicated", 1), ("tireless", 1), ("steadfast", 1)]);
    }

    #[test]
    fn defying_and_breaking_with_count_against_joining_for() {
        let c = cues_of("The council defied the governor and broke with the mayor.");
        let got: Vec<_> = c.iter().map(|x| (x.0.as_str(), x.1, x.2)).collect();
        assert_eq!(
            got,
            [
                ("defied", CueKind::Act, -1),
                ("broke with", CueKind::Act, -1)
            ]
        );
        let c = cues_of("The union teamed up with the growers.");
        assert_eq!(c, [("teamed up with".to_string(), CueKind::Act, 1)]);
    }

    #[test]
    fn firing_someone_counts_against_them_firing_back_is_a_retort() {
        let c = cues_of("The mayor fired the harbour master.");
        assert_eq!(c, [("fired".to_string(), CueKind::Act, -1)]);
        let c = cues_of("The mayor fired back at the council.");
        assert_eq!(c, [("fired back".to_string(), CueKind::Say, -1)]);
    }

    #[test]
    fn evidence_called_weak_counts_against() {
        let c = cues_of("Most of his account was hearsay.");
        let got: Vec<_> = c.iter().map(|x| (x.0.as_str(), x.2)).collect();
        assert_eq!(got, [("hearsay", -1)]);
    }
}
