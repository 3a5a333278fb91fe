//! Structure of a plain-text article: title, dateline, headings and
//! paragraphs.

use super::{Document, boilerplate};
use crate::model::{Paragraph, ParagraphKind, Removed};

/// Build a document from plain text: the first line is the title, blank
/// lines separate paragraphs, hard-wrapped lines are joined again.
pub fn from_text(source: &str, text: &str) -> Document {
    let mut blocks = blocks(text).into_iter();
    let title = blocks.next().unwrap_or_default();
    let mut doc = Document {
        source: source.to_string(),
        title,
        ..Document::default()
    };
    let mut pending_removed = Vec::new();
    for block in blocks {
        if let Some(reason) = boilerplate::block_reason(&block) {
            pending_removed.push(Removed {
                text: block,
                reason: reason.to_string(),
                before: None,
            });
            continue;
        }
        let index = doc.paragraphs.len();
        for mut r in pending_removed.drain(..) {
            r.before = Some(index);
            doc.removed.push(r);
        }
        let kind = if index > 0 && is_heading(&block) {
            ParagraphKind::Heading
        } else {
            ParagraphKind::Body
        };
        doc.paragraphs.push(Paragraph {
            index,
            kind,
            text: block,
        });
    }
    doc.removed.append(&mut pending_removed);
    if let Some(first) = doc.paragraphs.first_mut()
        && let Some((dateline, rest)) = split_dateline(&first.text)
    {
        doc.dateline = Some(dateline);
        first.text = rest;
    }
    doc
}

/// Paragraph blocks: runs of non-blank lines, joined with single spaces
/// (a hyphen at a line end that splits a word is repaired).
fn blocks(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
            continue;
        }
        if current.is_empty() {
            current.push_str(line);
        } else if current.ends_with('-')
            && !current.ends_with(" -")
            && line.starts_with(|c: char| c.is_lowercase())
        {
            current.pop();
            current.push_str(line);
        } else {
            current.push(' ');
            current.push_str(line);
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out.into_iter().map(|b| collapse_spaces(&b)).collect()
}

/// Runs of spaces become one; a non-breaking space is kept where it binds.
fn collapse_spaces(s: &str) -> String {
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

/// A heading is a short line with no closing punctuation.
pub fn is_heading(block: &str) -> bool {
    let words = block.split_whitespace().count();
    let last = block.chars().last().unwrap_or('.');
    (1..=14).contains(&words)
        && block.chars().count() <= 100
        && !matches!(
            last,
            '.' | '!' | '?' | ':' | ';' | ',' | '"' | '”' | '’' | '\'' | '»' | ')'
        )
        && block.starts_with(|c: char| c.is_uppercase() || c.is_numeric())
}

/// Split a dateline ("BAMAKO, ...", "WASHINGTON (Reuters) - ...") off the
/// start of the first paragraph.
pub fn split_dateline(text: &str) -> Option<(String, String)> {
    let place_end = text
        .char_indices()
        .find(|&(_, c)| !(c.is_uppercase() || c == ' ' || c == '.' || c == '\'' || c == '-'))
        .map(|(i, _)| i)?;
    let place = text[..place_end].trim().trim_end_matches(['-', ' ']);
    if place.chars().filter(|c| c.is_alphabetic()).count() < 3 {
        return None;
    }
    let rest = &text[place.len()..];
    let rest = if let Some(r) = rest.strip_prefix(',') {
        r
    } else if rest.starts_with(" (") {
        let close = rest.find(')')?;
        &rest[close + 1..]
    } else {
        rest.strip_prefix(" -")
            .or_else(|| rest.strip_prefix(" —"))
            .or_else(|| rest.strip_prefix(" –"))?
    };
    let rest = rest.trim_start_matches([' ', '-', '—', '–']).trim_start();
    let rest = super::boilerplate::strip_leading_debris(rest);
    Some((place.to_string(), rest.trim_start().to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_paragraphs_and_heading() {
        let doc = from_text(
            "t.txt",
            "A title\n\nFirst paragraph\nwrapped here.\n\nA heading line\n\nSecond para.",
        );
        assert_eq!(doc.title, "A title");
        assert_eq!(doc.paragraphs.len(), 3);
        assert_eq!(doc.paragraphs[0].text, "First paragraph wrapped here.");
        assert_eq!(doc.paragraphs[1].kind, ParagraphKind::Heading);
        assert_eq!(doc.paragraphs[2].index, 2);
    }

    #[test]
    fn hyphenation_at_line_end_is_repaired() {
        let doc = from_text("t", "T\n\nThe govern-\nment said so.");
        assert_eq!(doc.paragraphs[0].text, "The government said so.");
    }

    #[test]
    fn datelines_of_several_styles() {
        assert_eq!(
            split_dateline("BAMAKO, Mali said."),
            Some(("BAMAKO".into(), "Mali said.".into()))
        );
        assert_eq!(
            split_dateline("WASHINGTON (Reuters) - The Senate voted."),
            Some(("WASHINGTON".into(), "The Senate voted.".into()))
        );
        assert_eq!(
            split_dateline("NEW YORK — Stocks fell."),
            Some(("NEW YORK".into(), "Stocks fell.".into()))
        );
        assert_eq!(split_dateline("The AU said."), None);
    }
}
