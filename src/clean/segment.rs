//! Plain text to blocks: the paragraph candidates that cleaning judges.
//!
//! Two layouts are told apart. Text copied from a page or written with one
//! paragraph per line keeps each non-blank line as a block (a text with no
//! blank lines at all but one sentence per line is paragraphed line by line).
//! Hard-wrapped text (lines cut near a fixed width, as mail and plain-text
//! archives do) has its lines joined again into paragraphs, with words
//! hyphenated across a line end repaired.

use std::collections::HashSet;

use super::block::{Block, BlockKind};

/// The blocks of `text` (already sanitised: `\n` line ends only).
pub fn blocks(text: &str) -> Vec<Block> {
    let lines: Vec<&str> = text.lines().map(|l| l.trim_end()).collect();
    match wrap_width(&lines) {
        Some(width) => wrapped_blocks(&lines, width),
        None => line_blocks(&lines),
    }
}

/// One block per non-blank line.
fn line_blocks(lines: &[&str]) -> Vec<Block> {
    let mut out = Vec::new();
    let mut blank_before = true;
    for line in lines {
        let line = line.trim();
        if line.is_empty() {
            blank_before = true;
            continue;
        }
        out.push(Block::new(
            collapse_spaces(line),
            BlockKind::Line,
            blank_before,
        ));
        blank_before = false;
    }
    out
}

/// The width text was wrapped at, or `None` when it is not hard-wrapped:
/// most lines that run on to a next line are cut within 40% of the longest
/// line, which is no wider than a terminal or a mail client.
fn wrap_width(lines: &[&str]) -> Option<usize> {
    let mut lengths: Vec<usize> = lines.iter().map(|l| l.chars().count()).collect();
    lengths.retain(|&n| n > 0);
    if lengths.len() < 3 {
        return None;
    }
    lengths.sort_unstable();
    let width = lengths[lengths.len() * 95 / 100];
    if !(30..=110).contains(&width) {
        return None;
    }
    let (mut runs_on, mut cut_near_width) = (0usize, 0usize);
    for pair in lines.windows(2) {
        let (line, next) = (pair[0].trim(), pair[1].trim());
        if line.is_empty() || next.is_empty() {
            continue;
        }
        runs_on += 1;
        let n = line.chars().count();
        if n * 10 >= width * 6 && !ends_sentence(line) {
            cut_near_width += 1;
        }
    }
    (runs_on >= 2 && cut_near_width * 10 >= runs_on * 3).then_some(width)
}

/// Join hard-wrapped lines into paragraphs. A paragraph ends at a blank
/// line, after a short line (one that stops well before the wrap width), or
/// before an indented line.
fn wrapped_blocks(lines: &[&str], width: usize) -> Vec<Block> {
    let words = word_set(lines);
    let mut out = Vec::new();
    let mut current = String::new();
    let mut blank_before = true;
    let mut previous_short = false;
    for raw in lines {
        let line = raw.trim();
        if line.is_empty() {
            flush(&mut out, &mut current, &mut blank_before);
            blank_before = true;
            continue;
        }
        let indented = raw.starts_with([' ', '\t']);
        if previous_short || indented || starts_list_item(line) {
            flush(&mut out, &mut current, &mut blank_before);
        }
        join_line(&mut current, line, &words);
        previous_short = is_short_line(line, width);
    }
    flush(&mut out, &mut current, &mut blank_before);
    out
}

/// A line that stops well before the wrap width ends its paragraph: below
/// half the width, or below three quarters when it ends a sentence.
fn is_short_line(line: &str, width: usize) -> bool {
    let n = line.chars().count() * 100;
    n < width * 50 || (n < width * 75 && ends_sentence(line))
}

fn flush(out: &mut Vec<Block>, current: &mut String, blank_before: &mut bool) {
    if !current.is_empty() {
        let text = collapse_spaces(&std::mem::take(current));
        out.push(Block::new(text, BlockKind::Line, *blank_before));
        *blank_before = false;
    }
}

/// Append a wrapped line to a paragraph, repairing a word hyphenated across
/// the line end ("govern-" + "ment") unless the text spells the word with
/// its hyphen elsewhere ("well-known").
pub fn join_line(current: &mut String, line: &str, words: &HashSet<String>) {
    if current.is_empty() {
        current.push_str(line);
        return;
    }
    let head = current.rsplit(' ').next().unwrap_or("");
    let tail = line.split(' ').next().unwrap_or("");
    let split_word = head.len() > 2
        && head.ends_with('-')
        && head[..head.len() - 1].ends_with(char::is_alphabetic)
        && tail.starts_with(char::is_lowercase);
    if split_word {
        let joined_hyphen = format!("{head}{tail}").to_lowercase();
        let hyphen_is_real = words.contains(trim_word(&joined_hyphen));
        if !hyphen_is_real {
            current.pop();
        }
        current.push_str(line);
    } else {
        current.push(' ');
        current.push_str(line);
    }
}

/// The words of the text, lowercased, for telling a real hyphen from a
/// line-end one.
pub fn word_set(lines: &[&str]) -> HashSet<String> {
    lines
        .iter()
        .flat_map(|l| l.split_whitespace())
        .filter(|w| w.contains('-') && !w.ends_with('-'))
        .map(|w| trim_word(&w.to_lowercase()).to_string())
        .collect()
}

fn trim_word(w: &str) -> &str {
    w.trim_matches(|c: char| !c.is_alphanumeric())
}

/// `- item`, `* item`, `• item`, `1. item`, `2) item`.
pub fn starts_list_item(line: &str) -> bool {
    if let Some(rest) = line.strip_prefix(['-', '*', '•', '–', '·', '▪']) {
        return rest.starts_with(' ');
    }
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    (1..=3).contains(&digits)
        && line[digits..].starts_with(['.', ')'])
        && line[digits + 1..].starts_with(' ')
}

/// Whether a line ends a sentence: final punctuation, possibly inside
/// closing quotes or brackets. A line cut short ("...", "…") does not.
pub fn ends_sentence(text: &str) -> bool {
    let trimmed = text.trim_end_matches(['"', '\'', '”', '’', '»', ')', ']', '*', '_', ' ']);
    trimmed.ends_with(['.', '!', '?', '。', '！', '？', ':', ';']) && !is_truncated(text)
}

/// A line cut short by the site, ending in an ellipsis (a teaser).
pub fn is_truncated(text: &str) -> bool {
    let t = text.trim_end();
    t.ends_with("...") || t.ends_with('…')
}

/// Runs of spaces and tabs become one space; a non-breaking space is kept
/// (it binds a number to its unit, a title to a name).
pub fn collapse_spaces(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut last_space = false;
    for c in s.chars() {
        if c == ' ' || c == '\t' {
            if !last_space {
                out.push(' ');
            }
            last_space = true;
        } else {
            out.push(c);
            last_space = false;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<String> {
        blocks(text).into_iter().map(|b| b.text).collect()
    }

    #[test]
    fn one_paragraph_per_line_is_kept_line_by_line() {
        let t = "The council met on Monday.\nIt voted to close the bridge.\nRepairs start in May.";
        assert_eq!(texts(t).len(), 3);
    }

    #[test]
    fn blank_lines_are_recorded() {
        let b = blocks("Title\n\nFirst line\nSecond line");
        assert!(b[1].blank_before);
        assert!(!b[2].blank_before);
    }

    #[test]
    fn hard_wrapped_paragraphs_are_joined() {
        let t = "The harbour authority said on Tuesday that the new quay would\n\
                 open in the spring, two years later than planned, because the\n\
                 contractor had gone bankrupt.\n\n\
                 Shipping lines have been told to expect delays until then and\n\
                 to book berths well in advance of arrival at the terminal.";
        assert_eq!(
            texts(t),
            vec![
                "The harbour authority said on Tuesday that the new quay would open in the spring, two years later than planned, because the contractor had gone bankrupt.",
                "Shipping lines have been told to expect delays until then and to book berths well in advance of arrival at the terminal."
            ]
        );
    }

    #[test]
    fn a_short_line_ends_a_wrapped_paragraph_without_a_blank_line() {
        let t = "The mayor said the budget would be balanced by cutting spending\n\
                 on roads and parks over the next three years.\n\
                 Opposition councillors said the plan would hurt the poorest\n\
                 neighbourhoods, which depend most on public spaces and buses.";
        assert_eq!(texts(t).len(), 2);
    }

    #[test]
    fn hyphenation_at_line_end_is_repaired_but_real_hyphens_stay() {
        let t = "The ministry said the agreement with the regional govern-\n\
                 ment had been signed after a well-known mediator and a well-\n\
                 known lawyer met both sides at the border town on Friday.";
        assert_eq!(
            texts(t),
            vec![
                "The ministry said the agreement with the regional government had been signed after a well-known mediator and a well-known lawyer met both sides at the border town on Friday."
            ]
        );
    }

    #[test]
    fn runs_of_spaces_collapse_but_nbsp_stays() {
        assert_eq!(collapse_spaces("a  b\t\tc 5\u{a0}km"), "a b c 5\u{a0}km");
    }

    #[test]
    fn sentence_ends_inside_quotes() {
        assert!(ends_sentence("He said “no.”"));
        assert!(!ends_sentence("A heading"));
        assert!(!ends_sentence(
            "The council said it would close the bridge for..."
        ));
    }

    #[test]
    fn list_items_are_recognised() {
        assert!(starts_list_item("- eggs"));
        assert!(starts_list_item("12. Twelfth"));
        assert!(!starts_list_item("2019. A year"));
        assert!(!starts_list_item("-5 degrees"));
    }
}
