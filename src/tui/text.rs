//! Text as the terminal will show it: the last sanitising guard before a
//! string becomes ratatui text, and the article laid out as display lines
//! (paragraphs wrapped once per width, never per frame).
//!
//! Terminals disagree about the width of emoji sequences (a family joined by
//! zero-width joiners is 2 columns in one terminal and 6 in the next), so the
//! reader draws each emoji on its own: joiners, variation selectors, skin-tone
//! modifiers and tag characters are left out, and flags become their two
//! letters. What remains has one width everywhere, so no column shifts.

use std::borrow::Cow;

use crate::ingest::sanitize::sanitize;
use crate::model::{Article, ParagraphKind};

/// How a character is drawn: `None` when it is left out, else the character
/// shown in its place (the same one, a space for a tab, a letter for a flag's
/// half). Offsets into the source text stay valid because every character is
/// looked at on its own.
pub fn display_char(c: char) -> Option<char> {
    match c {
        '\t' | '\n' | '\r' => Some(' '),
        // zero-width joiner and variation selectors: they glue emoji into
        // sequences whose width depends on the terminal
        '\u{200d}' | '\u{fe0e}' | '\u{fe0f}' => None,
        // skin-tone modifiers
        '\u{1f3fb}'..='\u{1f3ff}' => None,
        // tag characters (subdivision flags)
        '\u{e0020}'..='\u{e007f}' => None,
        // regional indicators: a flag is shown as its country letters
        '\u{1f1e6}'..='\u{1f1ff}' => char::from_u32(u32::from(c) - 0x1f1e6 + u32::from('A')),
        c if c.is_control() => None,
        c => Some(c),
    }
}

/// `text` made safe to draw: sanitised (the last guard; article text was
/// already sanitised at ingest) and with every character passed through
/// [`display_char`]. Borrows when nothing changes.
pub fn safe(text: &str) -> Cow<'_, str> {
    let clean = sanitize(text);
    if clean.chars().all(|c| display_char(c) == Some(c)) {
        return clean;
    }
    Cow::Owned(clean.chars().filter_map(display_char).collect())
}

/// One wrapped line of a text: where it starts and ends, in chars and in
/// bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Piece {
    pub start: usize,
    pub end: usize,
    pub byte_start: usize,
    pub byte_end: usize,
}

impl Piece {
    /// The piece's text in the string it was cut from.
    pub fn of<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.byte_start..self.byte_end).unwrap_or("")
    }
}

/// The lines `text` wraps into at `width` columns. Always at least one line,
/// so an empty paragraph still has a place on screen.
pub fn wrap(text: &str, width: usize) -> Vec<Piece> {
    // a tab is drawn as one space; swapping it keeps byte offsets
    let prepared: Cow<str> = if text.contains('\t') {
        Cow::Owned(text.replace('\t', " "))
    } else {
        Cow::Borrowed(text)
    };
    let options = textwrap::Options::new(width.max(1)).break_words(true);
    let mut out = Vec::new();
    let mut byte_end = 0;
    let mut char_at = CharCounter::new(&prepared);
    for line in textwrap::wrap(&prepared, options) {
        let Some(start) = locate(&prepared, &line, byte_end) else {
            continue;
        };
        byte_end = start + line.len();
        out.push(Piece {
            start: char_at.at(start),
            end: char_at.at(byte_end),
            byte_start: start,
            byte_end,
        });
    }
    if out.is_empty() {
        out.push(Piece {
            start: 0,
            end: 0,
            byte_start: 0,
            byte_end: 0,
        });
    }
    out
}

/// The byte offset of `line` (a piece textwrap returned) in `text`, at or
/// after `from`.
fn locate(text: &str, line: &str, from: usize) -> Option<usize> {
    // textwrap returns slices of its input: their address gives the offset
    let offset = (line.as_ptr() as usize).wrapping_sub(text.as_ptr() as usize);
    if offset >= from && text.get(offset..offset.saturating_add(line.len())) == Some(line) {
        return Some(offset);
    }
    text.get(from..)?.find(line).map(|i| from + i)
}

/// Converts increasing byte offsets to char offsets in one pass.
struct CharCounter<'a> {
    text: &'a str,
    byte: usize,
    chars: usize,
}

impl<'a> CharCounter<'a> {
    fn new(text: &'a str) -> Self {
        CharCounter {
            text,
            byte: 0,
            chars: 0,
        }
    }

    fn at(&mut self, byte: usize) -> usize {
        if byte < self.byte {
            self.byte = 0;
            self.chars = 0;
        }
        self.chars += self
            .text
            .get(self.byte..byte)
            .map_or(0, |s| s.chars().count());
        self.byte = byte;
        self.chars
    }
}

/// What a display line shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    Title,
    /// Dateline, byline and date under the title.
    Meta,
    Blank,
    Body,
    Heading,
    /// The label over a piece of removed boilerplate.
    RemovedLabel,
    /// Removed boilerplate, shown dimmed when asked for.
    Removed,
}

/// One line of the text pane.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextLine {
    pub kind: LineKind,
    /// The paragraph's position in `Article::paragraphs` (body and heading
    /// lines only).
    pub paragraph: Option<usize>,
    /// The char offset of the line's first character in its paragraph.
    pub start: usize,
    /// The characters shown (a slice of the paragraph, or the title...).
    pub text: String,
}

impl TextLine {
    fn plain(kind: LineKind, text: String) -> Self {
        TextLine {
            kind,
            paragraph: None,
            start: 0,
            text,
        }
    }
}

/// The article as display lines for one width.
#[derive(Debug, Clone, Default)]
pub struct TextLayout {
    pub lines: Vec<TextLine>,
    /// The first line of each paragraph, by position.
    pub first_line: Vec<usize>,
    /// Columns the text was wrapped to.
    pub width: usize,
    pub show_removed: bool,
}

impl TextLayout {
    /// Lay `article` out at `width` columns, with removed boilerplate shown in
    /// place when `show_removed`.
    pub fn new(article: &Article, width: usize, show_removed: bool) -> Self {
        let width = width.max(1);
        let mut lines = Vec::new();
        push_plain(&mut lines, LineKind::Title, &article.title, width);
        let meta: Vec<&str> = [&article.dateline, &article.byline, &article.date]
            .into_iter()
            .filter_map(|s| s.as_deref())
            .filter(|s| !s.trim().is_empty())
            .collect();
        if !meta.is_empty() {
            let meta = meta.join(" · ");
            push_plain(&mut lines, LineKind::Meta, &meta, width);
        }
        let mut first_line = Vec::with_capacity(article.paragraphs.len());
        for (pos, p) in article.paragraphs.iter().enumerate() {
            if show_removed {
                push_removed(&mut lines, article, Some(p.index), width);
            }
            lines.push(TextLine::plain(LineKind::Blank, String::new()));
            first_line.push(lines.len());
            let kind = match p.kind {
                ParagraphKind::Heading => LineKind::Heading,
                ParagraphKind::Body => LineKind::Body,
            };
            // the last guard: article text was sanitised at ingest, so this
            // borrows and offsets stay exact
            let text = sanitize(&p.text);
            for piece in wrap(&text, width) {
                lines.push(TextLine {
                    kind,
                    paragraph: Some(pos),
                    start: piece.start,
                    text: piece.of(&text).to_string(),
                });
            }
        }
        if show_removed {
            push_removed(&mut lines, article, None, width);
        }
        TextLayout {
            lines,
            first_line,
            width,
            show_removed,
        }
    }

    /// The line range `[first, end)` of the paragraph at `pos`.
    pub fn paragraph_lines(&self, pos: usize) -> Option<(usize, usize)> {
        let first = *self.first_line.get(pos)?;
        let end = self.lines[first..]
            .iter()
            .position(|l| l.paragraph != Some(pos))
            .map_or(self.lines.len(), |n| first + n);
        Some((first, end))
    }

    /// The line showing char `offset` of the paragraph at `pos`.
    pub fn line_of(&self, pos: usize, offset: usize) -> Option<usize> {
        let (first, end) = self.paragraph_lines(pos)?;
        let n = self.lines[first..end]
            .iter()
            .rposition(|l| l.start <= offset)
            .unwrap_or(0);
        Some(first + n)
    }
}

/// Removed text that stood before the paragraph with index `before` (or
/// after the last one, for `None`): a dimmed label and the text.
fn push_removed(lines: &mut Vec<TextLine>, article: &Article, before: Option<usize>, width: usize) {
    let known = |i: usize| article.paragraphs.iter().any(|p| p.index == i);
    for r in &article.removed {
        // removed text placed before an unknown paragraph goes at the end
        let place = r.before.filter(|&i| known(i));
        if place != before {
            continue;
        }
        lines.push(TextLine::plain(LineKind::Blank, String::new()));
        let label = format!("removed: {}", r.reason);
        push_plain(lines, LineKind::RemovedLabel, &label, width);
        push_plain(lines, LineKind::Removed, &r.text, width);
    }
}

/// `text` wrapped into lines of a kind that belongs to no paragraph.
fn push_plain(lines: &mut Vec<TextLine>, kind: LineKind, text: &str, width: usize) {
    let text = sanitize(text);
    for piece in wrap(&text, width) {
        lines.push(TextLine::plain(kind, piece.of(&text).to_string()));
    }
}

/// The chars `[start, end)` of `s` (clamped).
pub fn slice_chars(s: &str, start: usize, end: usize) -> &str {
    let byte = |n: usize| s.char_indices().nth(n).map_or(s.len(), |(i, _)| i);
    let a = byte(start);
    let b = if end <= start {
        a
    } else {
        a + s[a..]
            .char_indices()
            .nth(end - start)
            .map_or(s.len() - a, |(i, _)| i)
    };
    &s[a..b]
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_width::UnicodeWidthStr;

    #[test]
    fn emoji_sequences_are_drawn_one_emoji_at_a_time() {
        // a family joined with ZWJ, a thumb with a skin tone, a heart with VS16
        let s = "a 👨\u{200d}👩\u{200d}👧 b 👍\u{1f3fd} c ❤\u{fe0f}";
        assert_eq!(safe(s), "a 👨👩👧 b 👍 c ❤");
        // every remaining grapheme has the width of its chars
        let shown = safe(s);
        let per_char: usize = shown
            .chars()
            .map(|c| unicode_width::UnicodeWidthChar::width(c).unwrap_or(0))
            .sum();
        assert_eq!(shown.width(), per_char);
    }

    #[test]
    fn flags_become_their_letters_and_escapes_never_pass() {
        assert_eq!(safe("🇫🇷 flag"), "FR flag");
        assert_eq!(safe("x\u{1b}]52;c;AAAA\u{7}y\u{1b}[2Jz"), "xyz");
    }

    #[test]
    fn wrapping_gives_char_ranges_that_cover_the_words() {
        let text = "Le Drian said the talks were over. Naïve words, long ones.";
        let pieces = wrap(text, 20);
        assert!(pieces.len() >= 3, "{pieces:?}");
        for p in &pieces {
            let line = p.of(text);
            assert!(line.width() <= 20, "{line:?}");
            assert!(!line.starts_with(' '), "{line:?}");
            assert_eq!(line, slice_chars(text, p.start, p.end));
        }
        assert_eq!(pieces[0].start, 0);
        assert_eq!(pieces.last().map(|p| p.end), Some(text.chars().count()));
    }

    #[test]
    fn cjk_text_wraps_by_display_width() {
        let text = "東京で会議が開かれた。代表団は合意に達しなかった。";
        for p in wrap(text, 10) {
            assert!(p.of(text).width() <= 10);
        }
    }

    #[test]
    fn tiny_widths_and_empty_text_do_not_panic() {
        assert_eq!(wrap("", 5).len(), 1);
        assert!(!wrap("東京", 1).is_empty());
        assert!(!wrap("word", 0).is_empty());
    }

    #[test]
    fn slicing_clamps_out_of_range_offsets() {
        assert_eq!(slice_chars("héllo", 1, 3), "él");
        assert_eq!(slice_chars("héllo", 3, 99), "lo");
        assert_eq!(slice_chars("héllo", 9, 2), "");
    }
}
