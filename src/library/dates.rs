//! Dates for ordering a library: the publication date as an article writes
//! it ("November 11, 2015", "11 Nov 2015", "2015-11-11"), a date in a file
//! name (`breitbart_2015-11-11_story.txt`), or the file's modification time.
//! All become a day number, so that articles sort by when they appeared.

/// A calendar day.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub struct Day {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl std::fmt::Display for Day {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Month names and their common abbreviations, in English.
const MONTHS: &[(&str, u8)] = &[
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

fn month_named(word: &str) -> Option<u8> {
    let w = word.trim_end_matches('.').to_lowercase();
    MONTHS.iter().find(|(n, _)| *n == w).map(|&(_, m)| m)
}

fn day_of(year: i64, month: u8, day: i64) -> Option<Day> {
    let ok = (1000..=9999).contains(&year) && (1..=12).contains(&month) && (1..=31).contains(&day);
    ok.then_some(Day {
        year: year as i32,
        month,
        day: day as u8,
    })
}

/// The first date written in `text`: ISO (`2015-11-11`), month first
/// (`November 11, 2015`, `Nov. 11 2015`) or day first (`11 November 2015`).
pub fn parse(text: &str) -> Option<Day> {
    if let Some(d) = find_iso(text) {
        return Some(d);
    }
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let number = |w: &str| -> Option<i64> {
        let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == '.');
        digits.parse().ok()
    };
    for (i, w) in words.iter().enumerate() {
        let Some(month) = month_named(w) else {
            continue;
        };
        // "November 11, 2015"
        if let (Some(d), Some(y)) = (
            words.get(i + 1).and_then(|w| number(w)),
            words.get(i + 2).and_then(|w| number(w)),
        ) && let Some(day) = day_of(y, month, d)
        {
            return Some(day);
        }
        // "11 November 2015"
        if i > 0
            && let (Some(d), Some(y)) = (
                number(words[i - 1]),
                words.get(i + 1).and_then(|w| number(w)),
            )
            && let Some(day) = day_of(y, month, d)
        {
            return Some(day);
        }
    }
    None
}

/// A `YYYY-MM-DD` (or `YYYY_MM_DD`, `YYYYMMDD` is too ambiguous) anywhere in
/// `text`, not inside a longer number.
fn find_iso(text: &str) -> Option<Day> {
    let b = text.as_bytes();
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    let num = |s: usize, n: usize| text.get(s..s + n).and_then(|t| t.parse::<i64>().ok());
    (0..b.len().saturating_sub(9)).find_map(|i| {
        let sep = b[i + 4];
        let shaped = (sep == b'-' || sep == b'_')
            && b[i + 7] == sep
            && [0, 1, 2, 3, 5, 6, 8, 9].iter().all(|&k| digit(i + k))
            && (i == 0 || !digit(i - 1))
            && !digit(i + 10);
        if !shaped {
            return None;
        }
        let month = u8::try_from(num(i + 5, 2)?).ok()?;
        day_of(num(i, 4)?, month, num(i + 8, 2)?)
    })
}

/// The day of a time given in nanoseconds since the Unix epoch (UTC).
pub fn from_unix_ns(ns: i64) -> Option<Day> {
    if ns <= 0 {
        return None;
    }
    let days = ns.div_euclid(86_400 * 1_000_000_000);
    let (y, m, d) = civil_from_days(days);
    day_of(y, m, d)
}

/// Howard Hinnant's days-to-civil conversion (proleptic Gregorian).
fn civil_from_days(z: i64) -> (i64, u8, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m as u8, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(year: i32, month: u8, day: u8) -> Option<Day> {
        Some(Day { year, month, day })
    }

    #[test]
    fn written_dates_parse_in_three_orders() {
        assert_eq!(parse("Published 2021-09-26 08:00"), day(2021, 9, 26));
        assert_eq!(parse("September 26, 2021"), day(2021, 9, 26));
        assert_eq!(parse("Sun, Sept. 26 2021"), day(2021, 9, 26));
        assert_eq!(parse("26 September 2021, 10:14"), day(2021, 9, 26));
        assert_eq!(parse("the 3rd of May"), None);
    }

    #[test]
    fn a_date_in_a_file_name_is_found() {
        assert_eq!(
            parse("wire_2015-11-16_campaign-staff.txt"),
            day(2015, 11, 16)
        );
        assert_eq!(parse("report-12015-11-16"), None);
        assert_eq!(parse("2015-13-16"), None);
    }

    #[test]
    fn file_times_become_utc_days() {
        assert_eq!(from_unix_ns(0), None);
        assert_eq!(
            from_unix_ns(1_700_000_000 * 1_000_000_000),
            day(2023, 11, 14)
        );
        assert_eq!(from_unix_ns(951_782_400 * 1_000_000_000), day(2000, 2, 29));
    }
}
