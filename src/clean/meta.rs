//! Bylines and date lines: "By Jane Doe", "Published 4 March 2024",
//! "Updated 1:39 am, Wednesday, November 20, 2019".

use super::block::count_words;
use super::segment::ends_sentence;

/// Words that introduce an author's name.
const BYLINE_OPENERS: &[&str] = &[
    "by ",
    "written by ",
    "words by ",
    "story by ",
    "reporting by ",
    "author: ",
    "authors: ",
    "von ",
    "par ",
    "por ",
];

/// Lowercase words a byline may hold: particles between names, and the
/// words of a collective byline ("By Dossier staff").
#[rustfmt::skip]
const NAME_GLUE: &[&str] = &[
    "and", "&", "in", "for", "of", "the", "with", "de", "van", "von", "da", "del", "la", "le",
    "und", "et", "y", "e", "staff", "reporter", "reporters", "correspondent",
    "correspondents", "editor", "editors", "team", "desk", "writer", "writers",
];

/// Labels before a date.
const DATE_LABELS: &[&str] = &[
    "published on",
    "published:",
    "published",
    "updated on",
    "updated:",
    "updated",
    "last updated on",
    "last updated:",
    "last updated",
    "posted on",
    "posted:",
    "posted",
    "first published on",
    "first published",
    "date:",
    "on",
    "modified",
];

/// Month names and abbreviations (English, with the French, German,
/// Spanish and Portuguese names that differ).
const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
    "januar",
    "februar",
    "märz",
    "juni",
    "juli",
    "oktober",
    "dezember",
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
    "janeiro",
    "fevereiro",
    "março",
    "maio",
    "junho",
    "julho",
    "setembro",
    "outubro",
    "novembro",
    "dezembro",
];

/// Bytes beyond which a line is too long to be a byline or a date line.
const LONGEST_LINE: usize = 300;

/// Separators between the parts of a byline or date line.
const PARTS: &[&str] = &[" | ", " - ", " — ", " – ", " • ", " · ", "|", "•"];

/// The author named by a byline ("By Jane Doe, Reuters" -> "Jane Doe,
/// Reuters"), or `None` when `text` is not a byline.
pub fn byline(text: &str) -> Option<String> {
    let head = text
        .get(..text.len().min(16))
        .unwrap_or(text)
        .to_lowercase();
    if !BYLINE_OPENERS
        .iter()
        .any(|o| head.starts_with(o) || o.starts_with(head.as_str()))
    {
        return None;
    }
    if text.len() > LONGEST_LINE
        || count_words(text) > 14
        || (ends_sentence(text) && count_words(text) > 4)
    {
        return None;
    }
    let first_part = split_parts(text).next()?;
    let lower = first_part.to_lowercase();
    let opener = BYLINE_OPENERS.iter().find(|o| lower.starts_with(*o))?;
    let names = first_part[opener.len()..].trim();
    let names = names.trim_end_matches(['.', ',']);
    let all_names = names.split_whitespace().all(|w| {
        w.starts_with(|c: char| c.is_uppercase() || c == '@')
            || NAME_GLUE.contains(&w.trim_end_matches(',').to_lowercase().as_str())
    });
    let words = count_words(names);
    (all_names && (1..=10).contains(&words) && !names.contains(", the ")).then(|| names.to_string())
}

/// The date a date line gives, without its label ("Published 4 March
/// 2024" -> "4 March 2024"), or `None` when `text` is not a date line.
pub fn date(text: &str) -> Option<String> {
    if text.len() > LONGEST_LINE || !text.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let words = count_words(text);
    if words > 16 || (ends_sentence(text) && words > 6) {
        return None;
    }
    let part = split_parts(text).find(|p| has_date(p))?;
    // Other parts may be a name or a second date ("Updated ..."), not text.
    let others: usize = split_parts(text)
        .filter(|p| !has_date(p))
        .map(count_words)
        .sum();
    if others > 4 {
        return None;
    }
    let part = strip_label(part.trim());
    let part = strip_byline(part);
    (count_words(part) <= 12).then(|| part.trim_end_matches([',', ' ']).to_string())
}

/// Whether `w` (lowercased, without its final dot) names a month.
pub fn is_month(w: &str) -> bool {
    MONTHS.contains(&w)
}

fn split_parts(text: &str) -> impl Iterator<Item = &str> {
    let sep = PARTS.iter().find(|s| text.contains(*s));
    let parts: Vec<&str> = match sep {
        Some(s) => text.split(*s).collect(),
        None => vec![text],
    };
    parts.into_iter().map(str::trim).filter(|p| !p.is_empty())
}

/// A month name next to a number, or a numeric date (2024-03-04,
/// 04/03/2024, 4.3.2024).
fn has_date(text: &str) -> bool {
    let tokens: Vec<String> = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|t| !t.is_empty())
        .map(|t| t.trim_end_matches('.').to_lowercase())
        .collect();
    let is_number = |t: &str| {
        let digits = t.trim_end_matches(|c: char| c.is_alphabetic());
        !digits.is_empty() && digits.len() <= 4 && digits.chars().all(|c| c.is_ascii_digit())
    };
    let month_near_number = tokens.iter().enumerate().any(|(i, t)| {
        MONTHS.contains(&t.as_str())
            && (tokens.get(i + 1).is_some_and(|n| is_number(n))
                || i.checked_sub(1)
                    .and_then(|j| tokens.get(j))
                    .is_some_and(|n| is_number(n)))
    });
    month_near_number || tokens.iter().any(|t| is_numeric_date(t))
}

/// 2024-03-04, 04/03/2024, 4.3.2024.
fn is_numeric_date(t: &str) -> bool {
    let parts: Vec<&str> = t.split(['-', '/', '.']).collect();
    parts.len() == 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 4 && p.chars().all(|c| c.is_ascii_digit()))
        && parts.iter().any(|p| p.len() == 4)
}

fn strip_label(text: &str) -> &str {
    let lower = text.to_lowercase();
    for label in DATE_LABELS {
        if lower.starts_with(label)
            && lower[label.len()..].starts_with([' ', ':'])
            && text.is_char_boundary(label.len())
        {
            return strip_label(text[label.len()..].trim_start_matches([' ', ':']));
        }
    }
    text
}

/// "Associated Press November 19, 2019": the date without a name before it.
fn strip_byline(text: &str) -> &str {
    let start = text
        .char_indices()
        .find(|&(i, _)| {
            let rest = &text[i..];
            let first: String = rest
                .split(|c: char| c.is_whitespace() || c == ',')
                .next()
                .unwrap_or("")
                .trim_end_matches('.')
                .to_lowercase();
            (i == 0 || text[..i].ends_with(' '))
                && (MONTHS.contains(&first.as_str())
                    || first.starts_with(|c: char| c.is_ascii_digit())
                    || is_weekday(&first))
        })
        .map(|(i, _)| i)
        .unwrap_or(0);
    &text[start..]
}

fn is_weekday(w: &str) -> bool {
    matches!(
        w,
        "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "mon"
            | "tue"
            | "tues"
            | "wed"
            | "thu"
            | "thur"
            | "thurs"
            | "fri"
            | "sat"
            | "sun"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bylines() {
        assert_eq!(byline("By Jane Doe").as_deref(), Some("Jane Doe"));
        assert_eq!(
            byline("by Jane Doe and Sam Poe").as_deref(),
            Some("Jane Doe and Sam Poe")
        );
        assert_eq!(byline("By Jane Doe | Reuters").as_deref(), Some("Jane Doe"));
        assert_eq!(
            byline("Written by Ana de la Cruz").as_deref(),
            Some("Ana de la Cruz")
        );
    }

    #[test]
    fn sentences_that_start_with_by_are_not_bylines() {
        assert_eq!(byline("By Tuesday, the talks had collapsed."), None);
        assert_eq!(byline("By then the strike had spread to three ports"), None);
    }

    #[test]
    fn date_lines() {
        assert_eq!(
            date("Published 4 March 2024").as_deref(),
            Some("4 March 2024")
        );
        assert_eq!(
            date("Updated 1:39 am EST, Wednesday, November 20, 2019").as_deref(),
            Some("1:39 am EST, Wednesday, November 20, 2019")
        );
        assert_eq!(date("March 4, 2024").as_deref(), Some("March 4, 2024"));
        assert_eq!(date("2024-03-04").as_deref(), Some("2024-03-04"));
        assert_eq!(
            date("PUBLISHED: 10:48, Tue, Mar 4, 2024 | UPDATED: 11:05, Tue, Mar 4, 2024")
                .as_deref(),
            Some("10:48, Tue, Mar 4, 2024")
        );
        assert_eq!(
            date("Jane Doe - Mar 4, 2024, 10:31 pm CST").as_deref(),
            Some("Mar 4, 2024, 10:31 pm CST")
        );
    }

    #[test]
    fn sentences_with_dates_are_not_date_lines() {
        assert_eq!(
            date("June 9 – Riverside, CA @ The Open Air Theatre by the Lake"),
            None
        );
        assert_eq!(
            date("The strike began on 4 March 2024 and is still going on today."),
            None
        );
        assert_eq!(date("May the best team win"), None);
    }
}
