//! Quotes: quotations in quotation marks, with the speaker named by the
//! nearest reporting verb ("…,” he said. / X said: “…”).

use super::actors::{ActorSet, char_offset};
use super::sentences::Sentence;
use crate::model::{Paragraph, Quote, QuoteKind, Span};

/// Reporting verbs, as written in the text.
const CUES: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "announced",
    "noted",
    "stated",
    "explained",
    "insisted",
    "recalled",
    "warned",
    "argued",
    "declared",
    "stressed",
    "wrote",
    "asked",
    "replied",
    "claimed",
    "continued",
    "according",
];

const PRONOUNS: &[&str] = &["he", "she", "they", "He", "She", "They"];

/// Find the quotations of every paragraph and attribute them.
pub fn extract(
    paragraphs: &[Paragraph],
    sentences: &[Sentence],
    actors: &mut ActorSet,
) -> Vec<Quote> {
    let mut out = Vec::new();
    for p in paragraphs {
        for (open, close) in quoted_spans(&p.text) {
            let inner = &p.text[open..close];
            let inner_trim = inner.trim_matches(|c: char| is_mark(c) || c.is_whitespace());
            if inner_trim.is_empty() {
                continue;
            }
            let sentence = sentences.iter().find(|s| {
                s.paragraph == p.index && s.start <= open && open < s.end.max(s.start + 1)
            });
            let (s_start, s_end) = sentence.map_or((0, p.text.len()), |s| (s.start, s.end));
            let after = &p.text[close.min(s_end.max(close))..s_end.max(close)];
            let before = &p.text[s_start.min(open)..open];
            let attribution =
                find_attribution(after, false).or_else(|| find_attribution(before, true));
            let span = Span {
                paragraph: p.index,
                start: char_offset(&p.text, open),
                end: char_offset(&p.text, close),
            };
            let (speaker, speaker_text, cue) = match attribution {
                Some((surface, cue)) => (actors.resolve(&surface, span), Some(surface), Some(cue)),
                None => (None, None, None),
            };
            let words = inner_trim.split_whitespace().count();
            let kind = if words >= 5 && inner_trim.starts_with(|c: char| c.is_uppercase()) {
                QuoteKind::Direct
            } else {
                QuoteKind::Partial
            };
            out.push(Quote {
                id: format!("q{}", out.len() + 1),
                speaker,
                speaker_text,
                text: inner.to_string(),
                kind,
                cue,
                paragraph: p.index,
                start: span.start,
                end: span.end,
                end_paragraph: None,
            });
        }
    }
    out
}

fn is_mark(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '«' | '»' | '„')
}

/// Byte ranges of the text inside quotation marks (the marks excluded). A
/// mark with no partner runs to the end of the paragraph.
fn quoted_spans(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, char)> = None;
    for (i, c) in text.char_indices() {
        match (open, c) {
            (None, '“' | '«' | '„') => open = Some((i + c.len_utf8(), c)),
            (None, '"') => open = Some((i + 1, c)),
            (Some((s, '“' | '„')), '”' | '“') if c == '”' => {
                out.push((s, i));
                open = None;
            }
            (Some((s, '«')), '»') => {
                out.push((s, i));
                open = None;
            }
            (Some((s, '"')), '"') => {
                out.push((s, i));
                open = None;
            }
            // a new opening mark before the old one closed: the old one was
            // unbalanced; start again here
            (Some(_), '“') => open = Some((i + c.len_utf8(), c)),
            _ => {}
        }
    }
    if let Some((s, _)) = open
        && s < text.len()
    {
        out.push((s, text.len()));
    }
    out
}

/// A reporting verb and its subject in `context` (the text after the quote,
/// or before it when `before` is set). Returns (speaker as written, cue).
fn find_attribution(context: &str, before: bool) -> Option<(String, String)> {
    let words: Vec<&str> = context
        .split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect();
    let clean = |w: &str| {
        w.trim_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != '-')
            .to_string()
    };
    let bare = |w: &str| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string();
    let cue_at = if before {
        words.iter().rposition(|w| CUES.contains(&bare(w).as_str()))
    } else {
        words
            .iter()
            .take(8)
            .position(|w| CUES.contains(&bare(w).as_str()))
    }?;
    let cue = bare(words[cue_at]);
    // subject before the verb: a pronoun, or a run of capitalised words
    let mut subject = Vec::new();
    for w in words[..cue_at].iter().rev() {
        let c = clean(w);
        if PRONOUNS.contains(&c.as_str()) && subject.is_empty() {
            subject.push(c);
            break;
        }
        if c.starts_with(|ch: char| ch.is_uppercase()) && !w.ends_with(',')
            || (!subject.is_empty() && matches!(c.as_str(), "Le" | "de"))
        {
            subject.push(c);
        } else {
            break;
        }
    }
    subject.reverse();
    if subject.is_empty() && !before {
        // "said X"
        for w in &words[cue_at + 1..] {
            let c = clean(w);
            if c.starts_with(|ch: char| ch.is_uppercase()) || PRONOUNS.contains(&c.as_str()) {
                subject.push(c);
                if w.ends_with(['.', ',']) {
                    break;
                }
            } else {
                break;
            }
        }
    }
    let surface = subject.join(" ").trim_end_matches('.').to_string();
    if surface.is_empty() {
        return None;
    }
    Some((surface, cue))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::{actors, sentences};
    use crate::model::ParagraphKind;

    fn quotes_of(text: &str) -> (Vec<Quote>, Vec<crate::model::Actor>) {
        let paras = vec![Paragraph {
            index: 0,
            kind: ParagraphKind::Body,
            text: text.to_string(),
        }];
        let s = sentences::split_document(&paras);
        let mut a = actors::extract(&paras, &s);
        let q = extract(&paras, &s, &mut a);
        (q, a.into_actors())
    }

    #[test]
    fn quote_then_said_name() {
        let (q, a) = quotes_of(
            "President Ana Lima arrived. “We will not give in to threats,” Ms. Lima said.",
        );
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].kind, QuoteKind::Direct);
        assert_eq!(q[0].cue.as_deref(), Some("said"));
        assert_eq!(q[0].speaker_text.as_deref(), Some("Ms. Lima"));
        let id = q[0].speaker.as_deref().expect("resolved");
        assert_eq!(
            a.iter().find(|x| x.id == id).map(|x| x.name.as_str()),
            Some("Ana Lima")
        );
    }

    #[test]
    fn name_said_colon_quote() {
        let (q, a) =
            quotes_of("Mayor Tom Reed said: “The bridge opens in May and tolls stay low.”");
        assert_eq!(q[0].speaker_text.as_deref(), Some("Mayor Tom Reed"));
        let id = q[0].speaker.as_deref().expect("resolved");
        let reed = a.iter().find(|x| x.id == id).expect("actor");
        assert_eq!(reed.name, "Tom Reed");
        assert_eq!(reed.title.as_deref(), Some("Mayor"));
    }

    #[test]
    fn short_fragment_is_partial() {
        let (q, _) = quotes_of("The plan was a “red line” for the bloc.");
        assert_eq!(q[0].kind, QuoteKind::Partial);
    }

    #[test]
    fn unclosed_mark_runs_to_paragraph_end() {
        assert_eq!(quoted_spans("a “b c"), vec![(5, 8)]);
    }
}
