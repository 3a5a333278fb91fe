//! Sentence boundaries in news text. Abbreviations ("Mr.", "U.S.", "Jan."),
//! initials and decimal numbers do not end a sentence; a closing quotation
//! mark after the full stop belongs to the sentence it closes.

use crate::model::Paragraph;

/// A sentence: a char range inside one paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    pub paragraph: usize,
    /// Byte offsets into the paragraph text.
    pub start: usize,
    pub end: usize,
}

/// Words that end with a full stop without ending the sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt", "st",
    "jr", "sr", "mt", "ft", "no", "vs", "etc", "inc", "corp", "co", "ltd", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n", "e.g",
    "i.e", "a.m", "p.m", "rev", "hon", "pres", "adm", "maj", "cmdr", "supt", "messrs",
];

/// Split every paragraph into sentences.
pub fn split_document(paragraphs: &[Paragraph]) -> Vec<Sentence> {
    paragraphs
        .iter()
        .flat_map(|p| {
            split(&p.text)
                .into_iter()
                .map(move |(start, end)| Sentence {
                    paragraph: p.index,
                    start,
                    end,
                })
        })
        .collect()
}

/// Sentence byte ranges in `text`.
pub fn split(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        if matches!(c, '.' | '!' | '?') {
            // take closing marks and further stops with the sentence
            let mut j = i + 1;
            while j < chars.len()
                && matches!(
                    chars[j].1,
                    '.' | '!' | '?' | '"' | '”' | '’' | '\'' | ')' | '»'
                )
            {
                j += 1;
            }
            let at_space = j >= chars.len() || chars[j].1.is_whitespace();
            let next_starts = chars[j..]
                .iter()
                .find(|(_, c)| !c.is_whitespace())
                .is_none_or(|(_, c)| {
                    c.is_uppercase()
                        || matches!(c, '"' | '“' | '‘' | '«' | '(' | '[')
                        || c.is_numeric()
                });
            if at_space && next_starts && !(c == '.' && is_abbreviation(&text[start..pos])) {
                let end = chars.get(j).map_or(text.len(), |&(p, _)| p);
                if !text[start..end].trim().is_empty() {
                    out.push(trimmed(text, start, end));
                }
                start = end;
            }
            i = j;
            let _ = pos;
        } else {
            i += 1;
        }
    }
    if !text[start..].trim().is_empty() {
        out.push(trimmed(text, start, text.len()));
    }
    out
}

fn trimmed(text: &str, start: usize, end: usize) -> (usize, usize) {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    (start + lead, end - trail)
}

/// Does the text before a full stop end in an abbreviation or an initial?
fn is_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '“' || c == '"')
        .next()
        .unwrap_or("");
    let lower = word.to_lowercase();
    // a single capital letter is an initial ("John F. Kennedy")
    if word.chars().count() == 1 && word.chars().all(|c| c.is_uppercase()) {
        return true;
    }
    ABBREVIATIONS.contains(&lower.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        split(s).into_iter().map(|(a, b)| &s[a..b]).collect()
    }

    #[test]
    fn abbreviations_do_not_split() {
        assert_eq!(
            texts("Mr. Le Drian met U.S. officials. They spoke."),
            vec!["Mr. Le Drian met U.S. officials.", "They spoke."]
        );
    }

    #[test]
    fn closing_quote_stays_with_its_sentence() {
        assert_eq!(
            texts("He said: “We stay.” Then he left."),
            vec!["He said: “We stay.”", "Then he left."]
        );
    }

    #[test]
    fn decimals_and_initials() {
        assert_eq!(
            texts("Growth was 2.5 percent, John F. Kennedy said. Done."),
            vec!["Growth was 2.5 percent, John F. Kennedy said.", "Done."]
        );
    }
}
