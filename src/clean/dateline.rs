//! The dateline that opens a news story: `BAMAKO, ...`, `WASHINGTON
//! (Reuters) - ...`, `PARIS, April 4 — ...`, `Kyiv, Ukraine (CNN) — ...`.

/// A dateline split off the start of a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dateline {
    /// The place, as written ("BAMAKO", "Kyiv, Ukraine").
    pub place: String,
    /// The date written in the dateline, if any ("April 4").
    pub date: Option<String>,
    /// The paragraph without its dateline.
    pub rest: String,
}

/// How the place is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Case {
    /// `BAMAKO`, `NEW YORK`: capitals, the wire-service style.
    Caps,
    /// `Kyiv`, `New York`: needs a dash or an agency to count.
    Title,
}

/// Split a dateline off the start of `text`, or `None` when there is none.
pub fn split(text: &str) -> Option<Dateline> {
    let (case, place_end) = place(text)?;
    let mut place_text = text[..place_end].to_string();
    let mut s = &text[place_end..];
    let mut date = None;
    let mut comma = false;
    if let Some(after) = s.strip_prefix(',') {
        comma = true;
        s = after.trim_start();
        if let Some((d, after)) = take_date(s) {
            date = Some(d);
            s = after.trim_start_matches(',').trim_start();
        } else if case == Case::Title {
            let (_, region_end) = place(s).filter(|(c, _)| *c == Case::Title)?;
            place_text = format!("{place_text}, {}", &s[..region_end]);
            s = &s[region_end..];
        }
    }
    let s_agency = agency(s.trim_start());
    let has_agency = s_agency.is_some();
    let s = s_agency.unwrap_or(s).trim_start();
    let (has_dash, s) = match dash(s) {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    let opens_sentence = s.starts_with(|c: char| {
        c.is_uppercase() || c.is_ascii_digit() || matches!(c, '(' | '"' | '“' | '‘' | '\'')
    });
    let ok = match case {
        Case::Caps => has_dash || has_agency || (comma && opens_sentence),
        Case::Title => has_dash && opens_sentence,
    };
    ok.then(|| Dateline {
        place: place_text,
        date,
        rest: s.to_string(),
    })
}

/// The place at the start of `text`: up to five capitalised words, or up
/// to three title-case words; returns its case and its end (in bytes).
fn place(text: &str) -> Option<(Case, usize)> {
    let first = text.split(' ').next()?.trim_end_matches(',');
    let case = if is_caps_word(first) {
        Case::Caps
    } else if is_title_word(first) {
        Case::Title
    } else {
        return None;
    };
    let max_words = if case == Case::Caps { 5 } else { 3 };
    let mut end = 0;
    for (count, word) in text.split(' ').enumerate() {
        let bare = word.trim_end_matches(',');
        let fits = match case {
            Case::Caps => is_caps_word(bare),
            Case::Title => is_title_word(bare),
        };
        if count == max_words || !fits || bare.is_empty() {
            break;
        }
        end += bare.len();
        if bare.len() != word.len() {
            break;
        }
        end += 1;
    }
    let place = text[..end.min(text.len())].trim_end();
    let letters = place.chars().filter(|c| c.is_alphabetic()).count();
    (letters >= 3 && place.chars().count() <= 32).then_some((case, place.len()))
}

fn is_caps_word(w: &str) -> bool {
    w.chars().filter(|c| c.is_alphabetic()).count() >= 1
        && w.chars()
            .all(|c| c.is_uppercase() || matches!(c, '.' | '\'' | '’' | '-'))
        && !w.ends_with('-')
}

fn is_title_word(w: &str) -> bool {
    let mut chars = w.chars();
    chars.next().is_some_and(char::is_uppercase)
        && chars.clone().next().is_some_and(char::is_lowercase)
        && chars.all(|c| c.is_alphabetic() || matches!(c, '.' | '\'' | '’' | '-'))
}

/// `(Reuters)`, `(AP)`: a news agency in brackets; returns what follows.
fn agency(s: &str) -> Option<&str> {
    let inner_end = s.strip_prefix('(')?.find(')')?;
    let inner = &s[1..1 + inner_end];
    let ok = (1..=4).contains(&inner.split_whitespace().count())
        && inner.starts_with(char::is_uppercase)
        && !inner.contains(['=', '$', '€', '£']);
    ok.then(|| &s[inner_end + 2..])
}

/// A dash between the dateline and the story; returns what follows.
fn dash(s: &str) -> Option<&str> {
    ["—", "–", "--", "-"]
        .iter()
        .find_map(|d| s.strip_prefix(d))
        .filter(|rest| rest.starts_with(' '))
        .map(str::trim_start)
}

/// `April 4`, `Jan. 5`, `4 March`, `April 4, 2024` at the start of `s`;
/// returns the date and what follows.
fn take_date(s: &str) -> Option<(String, &str)> {
    let words: Vec<&str> = s.splitn(4, ' ').collect();
    let is_month = |w: &str| {
        let w = w.trim_end_matches(['.', ',']).to_lowercase();
        super::meta::is_month(&w)
    };
    let is_day = |w: &str| {
        let w = w.trim_end_matches(',');
        (1..=2).contains(&w.len()) && w.chars().all(|c| c.is_ascii_digit())
    };
    let is_year = |w: &str| {
        let w = w.trim_end_matches(',');
        w.len() == 4 && w.chars().all(|c| c.is_ascii_digit())
    };
    let (a, b) = (*words.first()?, *words.get(1)?);
    if !((is_month(a) && is_day(b)) || (is_day(a) && is_month(b))) {
        return None;
    }
    let mut len = a.len() + 1 + b.len();
    if b.ends_with(',')
        && let Some(y) = words.get(2)
        && is_year(y)
    {
        len += 1 + y.len();
    }
    let date = s[..len].trim_end_matches(',').to_string();
    Some((date, &s[len..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place_and_rest(text: &str) -> Option<(String, String)> {
        split(text).map(|d| (d.place, d.rest))
    }

    #[test]
    fn wire_datelines() {
        assert_eq!(
            place_and_rest("BAMAKO, Mali said."),
            Some(("BAMAKO".into(), "Mali said.".into()))
        );
        assert_eq!(
            place_and_rest("WASHINGTON (Reuters) - The Senate voted."),
            Some(("WASHINGTON".into(), "The Senate voted.".into()))
        );
        assert_eq!(
            place_and_rest("NEW YORK — Stocks fell."),
            Some(("NEW YORK".into(), "Stocks fell.".into()))
        );
        assert_eq!(
            place_and_rest("BAMAKO, ($1=558.00 XOF)Mali said."),
            Some(("BAMAKO".into(), "($1=558.00 XOF)Mali said.".into()))
        );
    }

    #[test]
    fn datelines_with_a_date() {
        let d = split("PARIS, April 4 — The talks resumed.").unwrap();
        assert_eq!(d.place, "PARIS");
        assert_eq!(d.date.as_deref(), Some("April 4"));
        assert_eq!(d.rest, "The talks resumed.");
        let d = split("LONDON, Jan. 5, 2024 (Reuters) - Shares rose.").unwrap();
        assert_eq!(d.date.as_deref(), Some("Jan. 5, 2024"));
        assert_eq!(d.rest, "Shares rose.");
    }

    #[test]
    fn title_case_places_need_a_dash() {
        assert_eq!(
            place_and_rest("Kyiv, Ukraine (CNN) — Sirens sounded."),
            Some(("Kyiv, Ukraine".into(), "Sirens sounded.".into()))
        );
        assert_eq!(
            place_and_rest("Madrid — Rafael Nadal won."),
            Some(("Madrid".into(), "Rafael Nadal won.".into()))
        );
        assert_eq!(place_and_rest("Meanwhile, the vote was delayed."), None);
    }

    #[test]
    fn sentences_that_open_with_capitals_are_not_datelines() {
        assert_eq!(place_and_rest("The AU said."), None);
        assert_eq!(place_and_rest("NATO, which met on Monday, agreed."), None);
        assert_eq!(place_and_rest("I said no."), None);
        assert_eq!(place_and_rest("PARIS"), None);
    }
}
