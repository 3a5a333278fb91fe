//! Finding words in the article text: every match as a place, for
//! highlighting and for `n`/`N`. Smart case, like less and vim: a query with
//! a capital letter matches case exactly, else case is ignored.

use super::index::Place;
use crate::model::Article;

/// Every match of `query` in the article's paragraphs, in reading order.
pub fn find(article: &Article, query: &str) -> Vec<Place> {
    if query.is_empty() {
        return Vec::new();
    }
    let exact = query.chars().any(char::is_uppercase);
    let needle: String = if exact {
        query.to_string()
    } else {
        query.chars().map(fold).collect()
    };
    let needle_chars = needle.chars().count();
    let mut out = Vec::new();
    for (paragraph, p) in article.paragraphs.iter().enumerate() {
        let folded;
        let hay: &str = if exact {
            &p.text
        } else {
            folded = p.text.chars().map(fold).collect::<String>();
            &folded
        };
        let mut chars = 0;
        let mut byte = 0;
        for (at, _) in hay.match_indices(needle.as_str()) {
            if at < byte {
                continue;
            }
            chars += hay[byte..at].chars().count();
            byte = at + needle.len();
            out.push(Place {
                paragraph,
                start: chars,
                end: chars + needle_chars,
            });
            chars += needle_chars;
        }
    }
    out
}

/// One char folded to lower case, keeping one char per char so that
/// offsets in the folded text are offsets in the original.
fn fold(c: char) -> char {
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) => l,
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::fixture::article;

    #[test]
    fn matches_ignore_case_unless_the_query_has_capitals() {
        let a = article(&[
            "The Envoy met the envoy’s aides.",
            "No envoys here? Envoys!",
        ]);
        assert_eq!(find(&a, "envoy").len(), 4);
        let exact = find(&a, "Envoy");
        assert_eq!(exact.len(), 2);
        assert_eq!(
            exact[0],
            Place {
                paragraph: 0,
                start: 4,
                end: 9
            }
        );
    }

    #[test]
    fn offsets_count_chars_not_bytes() {
        let a = article(&["Ça va, ça va très bien, ÇA VA."]);
        let hits = find(&a, "ça va");
        assert_eq!(hits.len(), 3);
        assert_eq!((hits[1].start, hits[1].end), (7, 12));
        assert_eq!(hits[2].start, 24);
    }

    #[test]
    fn an_empty_query_finds_nothing() {
        assert!(find(&article(&["text"]), "").is_empty());
    }
}
