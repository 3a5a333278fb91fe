//! The library's type-to-filter: a fuzzy match (nucleo, as in the Helix
//! editor) of what the user typed against each article's title, actors and
//! file name. Words typed are matched separately, so "lavrov mali" finds
//! the articles that name Lavrov and are about Mali; `'word` matches
//! exactly, `^word` at the start, `!word` excludes.

use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str};

use super::Entry;

/// A compiled filter.
pub struct Filter {
    pattern: Pattern,
    matcher: Matcher,
    buf: Vec<char>,
    empty: bool,
}

impl Filter {
    pub fn new(query: &str) -> Filter {
        Filter {
            pattern: Pattern::parse(query, CaseMatching::Smart, Normalization::Smart),
            matcher: Matcher::new(Config::DEFAULT),
            buf: Vec::new(),
            empty: query.trim().is_empty(),
        }
    }

    /// Whether the filter lets everything through.
    pub fn is_empty(&self) -> bool {
        self.empty
    }

    /// How well `text` matches (higher is better), or `None`.
    pub fn score(&mut self, text: &str) -> Option<u32> {
        if self.empty {
            return Some(0);
        }
        self.pattern
            .score(Utf32Str::new(text, &mut self.buf), &mut self.matcher)
    }
}

/// What the filter matches for one entry: title, every actor's name and the
/// file's path in the folder.
pub fn haystack(entry: &Entry) -> String {
    let mut s = String::with_capacity(256);
    s.push_str(entry.title());
    if let Some(d) = entry.digest() {
        for a in &d.actors {
            s.push_str(" · ");
            s.push_str(&a.name);
        }
    }
    s.push_str(" · ");
    s.push_str(&entry.listing.rel);
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_match_separately_and_loosely() {
        let row = "Harbour strike ends · Marta de Vries · Tom Reed · 2024/port-strike.txt";
        assert!(Filter::new("strike reed").score(row).is_some());
        assert!(Filter::new("mrta vries").score(row).is_some(), "fuzzy");
        assert!(Filter::new("port.txt").score(row).is_some());
        assert!(Filter::new("lavrov").score(row).is_none());
        assert!(Filter::new("strike !reed").score(row).is_none());
        assert_eq!(Filter::new("  ").score(row), Some(0));
    }

    #[test]
    fn a_closer_match_scores_higher() {
        let mut f = Filter::new("reed");
        let exact = f.score("Tom Reed · a.txt").unwrap_or(0);
        let loose = f.score("Rare elephants eat dates · b.txt").unwrap_or(0);
        assert!(exact > loose, "{exact} vs {loose}");
    }
}
