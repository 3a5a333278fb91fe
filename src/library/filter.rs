//! The library's type-to-filter: a fuzzy match (nucleo, as in the Helix
//! editor) of what the user typed against each article's title, actors and
//! file name. Words typed are matched separately, so "lavrov mali" finds
//! the articles that name Lavrov and are about Mali; `'word` matches
//! exactly, `^word` at the start, `!word` excludes.

use nucleo_matcher::pattern::{Atom, CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32String};
use rayon::iter::{IndexedParallelIterator, ParallelIterator};

use super::Entry;

/// A compiled filter.
pub struct Filter {
    atoms: Vec<Atom>,
    matcher: Matcher,
}

impl Filter {
    pub fn new(query: &str) -> Filter {
        Filter {
            atoms: Pattern::parse(query, CaseMatching::Smart, Normalization::Smart).atoms,
            matcher: Matcher::new(Config::DEFAULT),
        }
    }

    /// Whether the filter lets everything through.
    pub fn is_empty(&self) -> bool {
        self.atoms.is_empty()
    }

    /// How well `text` matches (higher is better), or `None`.
    pub fn score(&mut self, text: &str) -> Option<u32> {
        let field = Utf32String::from(text);
        self.score_fields(std::slice::from_ref(&field))
    }

    /// How well a row of `fields` matches: each word typed must match
    /// inside one field (a title, a name, the file name), not across them,
    /// so that loose letters scattered over a long row do not count.
    pub fn score_fields(&mut self, fields: &[Utf32String]) -> Option<u32> {
        let Filter { atoms, matcher } = self;
        score_with(atoms, matcher, fields)
    }

    /// Score many rows on all cores (one matcher per thread); `None` for
    /// the rows that do not match.
    pub fn score_rows<'a>(
        &self,
        rows: impl IndexedParallelIterator<Item = &'a [Utf32String]>,
    ) -> Vec<Option<u32>> {
        let atoms = &self.atoms;
        rows.map_init(
            || Matcher::new(Config::DEFAULT),
            |matcher, fields| score_with(atoms, matcher, fields),
        )
        .collect()
    }

    /// [`Filter::score_fields`] of an entry, its fields made on the spot.
    pub fn score_entry(&mut self, entry: &Entry) -> Option<u32> {
        if self.is_empty() {
            return Some(0);
        }
        let fields = fields(entry);
        self.score_fields(&fields)
    }
}

/// How well `fields` match every atom (see [`Filter::score_fields`]).
fn score_with(atoms: &[Atom], matcher: &mut Matcher, fields: &[Utf32String]) -> Option<u32> {
    let mut total = 0u32;
    for atom in atoms {
        let mut scores = fields.iter().map(|f| atom.score(f.slice(..), matcher));
        if atom.negative {
            // an excluded word must be absent from every field
            if !scores.all(|s| s.is_some()) {
                return None;
            }
        } else {
            total += u32::from(scores.flatten().max()?);
        }
    }
    Some(total)
}

/// What the filter matches for one entry: its title, each actor's name
/// and the file's path in the folder.
pub fn fields(entry: &Entry) -> Vec<Utf32String> {
    let mut out = vec![Utf32String::from(entry.title())];
    if let Some(d) = entry.digest() {
        out.extend(d.actors.iter().map(|a| Utf32String::from(a.name.as_str())));
    }
    out.push(Utf32String::from(entry.listing.rel.as_str()));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(fields: &[&str]) -> Vec<Utf32String> {
        fields.iter().map(|f| Utf32String::from(*f)).collect()
    }

    #[test]
    fn words_match_separately_and_loosely() {
        let row = row(&[
            "Harbour strike ends",
            "Marta de Vries",
            "Tom Reed",
            "2024/port-strike.txt",
        ]);
        let matches = |q: &str| Filter::new(q).score_fields(&row).is_some();
        assert!(matches("strike reed"));
        assert!(matches("mrta vries"), "fuzzy");
        assert!(matches("port.txt"));
        assert!(!matches("lavrov"));
        assert!(!matches("strike !reed"));
        assert!(Filter::new("  ").is_empty());
    }

    #[test]
    fn a_word_must_match_inside_one_field() {
        // t-r-u-m-p is spread over three names, and in none of them
        let row = row(&["Tom Reed", "Ulla Martin", "Peter Pan"]);
        assert!(Filter::new("trump").score_fields(&row).is_none());
        assert!(Filter::new("tom").score_fields(&row).is_some());
    }

    #[test]
    fn a_closer_match_scores_higher() {
        let mut f = Filter::new("reed");
        let exact = f.score("Tom Reed · a.txt").unwrap_or(0);
        let loose = f.score("Rare elephants eat dates · b.txt").unwrap_or(0);
        assert!(exact > loose, "{exact} vs {loose}");
    }
}
