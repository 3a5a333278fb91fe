//! Inline debris: text a scraper glued into a paragraph that is not part of
//! it. Each rule finds spans to cut; [`cut_debris`] cuts them and says where
//! each stood, so the reader can show it in place.

/// A span cut out of a paragraph: where it stood in the text that remains
/// (a char offset), what it was, and why it went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cut {
    pub at: usize,
    pub text: String,
    pub reason: &'static str,
}

pub const CURRENCY_NOTE: &str = "debris: currency-conversion note";
pub const DANGLING_ATTRIBUTION: &str = "debris: attribution whose source was cut";

/// Reporting verbs that, left alone after a comma at a sentence end, show
/// that the source's name was cut away ("..., learned" from "..., learned
/// the Daily Example").
const REPORTING_VERBS: &[&str] = &[
    "learned",
    "learnt",
    "reported",
    "reports",
    "writes",
    "wrote",
    "said",
    "says",
    "told",
    "added",
    "noted",
    "stated",
    "informed",
    "informs",
    "reveals",
    "revealed",
    "according to",
    "citing",
    "quoted",
    "quoting",
    "cited",
    "notes",
    "adds",
    "claims",
    "claimed",
    "announced",
];

/// How far back (in words) a comma opens an apposition before a verb.
const APPOSITION_WORDS: usize = 8;

/// The longest exchange-rate note, in characters.
const NOTE_CHARS: usize = 48;

/// Currency names and codes an exchange-rate note is written with.
const CURRENCY_WORDS: &[&str] = &[
    "dollar",
    "dollars",
    "euro",
    "euros",
    "pound",
    "pounds",
    "sterling",
    "yen",
    "yuan",
    "renminbi",
    "rupee",
    "rupees",
    "franc",
    "francs",
    "rouble",
    "roubles",
    "ruble",
    "rubles",
    "real",
    "reais",
    "peso",
    "pesos",
    "rand",
    "naira",
    "shilling",
    "shillings",
    "won",
    "lira",
    "zloty",
    "krona",
    "kronor",
    "krone",
    "kroner",
    "dirham",
    "riyal",
    "hryvnia",
    "cedi",
];

/// Cut debris out of `text`; returns the text that remains and the cuts.
pub fn cut_debris(text: &str) -> (String, Vec<Cut>) {
    let mut spans: Vec<(usize, usize, &'static str)> = Vec::new();
    spans.extend(currency_notes(text).map(|(s, e)| (s, e, CURRENCY_NOTE)));
    spans.extend(dangling_attributions(text).map(|(s, e)| (s, e, DANGLING_ATTRIBUTION)));
    if spans.is_empty() {
        return (text.to_string(), Vec::new());
    }
    spans.sort_unstable();
    let mut out = String::with_capacity(text.len());
    let mut cuts = Vec::new();
    let mut pos = 0;
    let mut kept_chars = 0;
    for (start, end, reason) in spans {
        if start < pos {
            continue;
        }
        let kept = &text[pos..start];
        out.push_str(kept);
        kept_chars += kept.chars().count();
        cuts.push(Cut {
            at: kept_chars,
            text: text[start..end].to_string(),
            reason,
        });
        pos = end;
    }
    out.push_str(&text[pos..]);
    (out, cuts)
}

/// `($1=558.00 XOF)`, `($1 = 0.92 euros)`, `(1 euro = 1.08 dollars)`: a
/// parenthesised exchange rate, with the space before it.
fn currency_notes(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    text.match_indices('(').filter_map(move |(open, _)| {
        // A note is short: look for its end within a few dozen bytes only,
        // so a text full of unclosed brackets stays linear.
        let window = &text.as_bytes()[open..text.len().min(open + 4 * NOTE_CHARS)];
        let close = open + window.iter().position(|&b| b == b')')?;
        let inner = &text[open + 1..close];
        if !is_currency_note(inner) {
            return None;
        }
        let start = if text[..open].ends_with(' ') {
            open - 1
        } else {
            open
        };
        Some((start, close + 1))
    })
}

fn is_currency_note(inner: &str) -> bool {
    let Some((left, right)) = inner.split_once('=') else {
        return false;
    };
    let names_currency = |side: &str| {
        side.contains(['$', '€', '£', '¥', '₹', '₽'])
            || side.split_whitespace().any(|w| {
                let w = w.trim_matches(|c: char| !c.is_alphanumeric());
                CURRENCY_WORDS.contains(&w.to_lowercase().as_str())
                    || (w.len() == 3 && w.chars().all(|c| c.is_ascii_uppercase()))
            })
    };
    inner.chars().count() <= NOTE_CHARS
        && left.chars().any(|c| c.is_ascii_digit())
        && right.chars().any(|c| c.is_ascii_digit())
        && (names_currency(left) || names_currency(right))
}

/// `, learned` at the end of a sentence: a reporting verb with neither a
/// subject nor an object after the comma.
fn dangling_attributions(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    text.match_indices(", ").filter_map(move |(comma, _)| {
        let after = &text[comma + 2..];
        let verb = REPORTING_VERBS.iter().find(|v| {
            after
                .get(..v.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(v))
        })?;
        let rest = &after[verb.len()..];
        let sentence_ends = rest.is_empty()
            || rest.starts_with(['.', ';', '!', '?'])
                && rest[1..]
                    .trim_start_matches(['"', '”', '’'])
                    .chars()
                    .next()
                    .is_none_or(char::is_whitespace);
        (sentence_ends && !closes_apposition(&text[..comma]))
            .then_some((comma, comma + 2 + verb.len()))
    })
}

/// "Jane Roe, the union's negotiator, said.": a comma a few words before
/// this one opens an apposition, whose name is the verb's subject.
fn closes_apposition(before: &str) -> bool {
    before
        .rsplit(' ')
        .take(APPOSITION_WORDS)
        .skip(1)
        .any(|w| w.ends_with(','))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn currency_note_glued_to_the_text_is_cut() {
        let (text, cuts) = cut_debris("($1=0.92 EUR)The bank said rates would rise.");
        assert_eq!(text, "The bank said rates would rise.");
        assert_eq!(cuts[0].text, "($1=0.92 EUR)");
        assert_eq!(cuts[0].at, 0);
        assert_eq!(cuts[0].reason, CURRENCY_NOTE);
    }

    #[test]
    fn currency_note_at_a_paragraph_end_is_cut_with_its_space() {
        let (text, cuts) =
            cut_debris("The deal is worth 40 billion crowns. ($1 = 9.41 Swedish crowns)");
        assert_eq!(text, "The deal is worth 40 billion crowns.");
        assert_eq!(cuts[0].at, 36);
        let (text, _) = cut_debris("Exports rose 4% (1 euro = 1.08 dollars) in May.");
        assert_eq!(text, "Exports rose 4% in May.");
    }

    #[test]
    fn parentheses_that_are_not_rates_stay() {
        let s = "The index (which rose 2%) closed at 7,400 (a record).";
        assert_eq!(cut_debris(s).0, s);
    }

    #[test]
    fn dangling_attribution_at_the_end_is_cut() {
        let (text, cuts) = cut_debris("The ministry asked a private company for help, learned");
        assert_eq!(text, "The ministry asked a private company for help");
        assert_eq!(cuts[0].text, ", learned");
        assert_eq!(cuts[0].at, 45);
    }

    #[test]
    fn dangling_attribution_before_a_sentence_end_is_cut() {
        let (text, _) = cut_debris("Talks will resume on Monday, reports. Both sides agreed.");
        assert_eq!(text, "Talks will resume on Monday. Both sides agreed.");
    }

    #[test]
    fn attributions_with_their_source_stay() {
        for s in [
            "Talks will resume on Monday, reports the local press.",
            "Talks will resume, said Ms. Roe.",
            "Talks will resume, according to officials.",
            "\"We will not sign,\" Jane Roe, the union's lead negotiator, said.",
            "Prices will rise, Sam Poe, chief executive of the port, adds.",
        ] {
            assert_eq!(cut_debris(s).0, s);
        }
    }

    #[test]
    fn unclosed_brackets_stay_linear() {
        let many = "(".repeat(200_000);
        assert_eq!(cut_debris(&many).0.len(), 200_000);
    }

    #[test]
    fn offsets_count_chars_after_earlier_cuts() {
        let (text, cuts) = cut_debris("Café ($1 = 0.9 euros) fell, writes. It rose.");
        assert_eq!(text, "Café fell. It rose.");
        assert_eq!(cuts[0].at, 4);
        assert_eq!(cuts[1].at, 9);
    }
}
