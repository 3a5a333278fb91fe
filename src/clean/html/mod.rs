//! Saved web pages: main-content extraction from HTML to a [`Document`].
//!
//! The page is parsed (html5ever, as a browser would) and flattened into an
//! array ([`page`]); its text is cut into blocks where a browser starts a
//! new block ([`blocks`]); the element whose blocks are most like running
//! prose and least like links and scraps is the article ([`select`]); the
//! blocks inside it become paragraphs and headings, and the share bars,
//! captions and link lists found inside it go to `removed` with their
//! reason ([`filter`]). Title, byline and date come from the page's
//! metadata ([`meta`]). Every pass is a loop over the flat array, so no
//! page, however deep, can exhaust the stack.

mod blocks;
mod filter;
mod meta;
mod nesting;
mod page;
mod rules;
mod select;

use super::Document;
use crate::ingest::sanitize::sanitize;
use crate::model::{Paragraph, ParagraphKind, Removed};
use blocks::Block;
use rules::Role;

/// Clean a saved web page: the article's text, headings, title, byline
/// and date, with what was cut from inside the article in `removed`.
pub fn from_html(source: &str, html: &str) -> Document {
    let page = page::Page::parse(html);
    let blocks = blocks::blocks(&page);
    let selection = select::select(&page, &blocks);
    let first_h1 = blocks
        .iter()
        .find(|b| b.role == Role::Heading(1))
        .map(|b| b.text.as_str());
    let meta = meta::metadata(&page, first_h1);
    let mut doc = Document {
        source: source.to_string(),
        title: safe(&meta.title),
        byline: meta.byline.as_deref().map(safe),
        date: meta.date.as_deref().map(safe),
        ..Document::default()
    };
    let container = selection.container;
    let end = page.nodes.get(container).map_or(0, |n| n.end);
    let (inside, outside): (Vec<&Block>, Vec<&Block>) = blocks
        .iter()
        .partition(|b| b.owner >= container && b.owner < end);
    let mut pending = Pending::default();
    for b in outside.iter().filter(|b| b.owner < container) {
        pending.add_if_left_out(b, &selection);
    }
    for b in &inside {
        if let Some((mark, at)) = selection.marks[b.owner] {
            if at >= container && (mark.shown || is_seen_prose(b, mark)) {
                pending.add(&b.text, mark.reason, at);
            }
            continue;
        }
        if b.role == Role::Heading(1) {
            // the headline is the title; another one is shown as removed
            if safe(&b.text) != doc.title {
                pending.add(&b.text, OTHER_HEADLINE, usize::MAX);
            }
            continue;
        }
        if let Some(reason) = filter::drop_reason(b) {
            pending.add(&b.text, reason, usize::MAX);
            continue;
        }
        let text = safe(&b.text);
        if text.is_empty() {
            continue;
        }
        let index = doc.paragraphs.len();
        pending.settle(&mut doc.removed, Some(index));
        doc.paragraphs.push(Paragraph {
            index,
            kind: match b.role {
                Role::Heading(_) => ParagraphKind::Heading,
                _ => ParagraphKind::Body,
            },
            text,
        });
    }
    for b in outside.iter().filter(|b| b.owner >= end) {
        pending.add_if_left_out(b, &selection);
    }
    pending.settle(&mut doc.removed, None);
    drop_trailing_headings(&mut doc);
    split_first_dateline(&mut doc);
    doc
}

/// Whether the page shows any text at all in its body (its `<title>`,
/// scripts, styles and hidden parts aside).
pub fn has_text(html: &str) -> bool {
    let page = page::Page::parse(html);
    blocks::blocks(&page)
        .iter()
        .any(|b| !sanitize(&b.text).trim().is_empty())
}

/// Sanitise text that entity decoding may have filled with controls
/// (`&#27;` is ESC), and trim it.
fn safe(text: &str) -> String {
    sanitize(text).trim().to_string()
}

/// Why a top-level heading that is not the title is not in the text.
const OTHER_HEADLINE: &str = "headline other than the title";

/// Why prose outside the chosen container is not in the article.
const LEFT_OUT: &str = "outside the article";

/// A sentence a reader of the page would see, under a mark that is not
/// worth showing for its menus and labels (a page header, a widget): a
/// sentence dropped from the article must still be visible in `removed`.
fn is_seen_prose(b: &Block, mark: rules::Mark) -> bool {
    mark != rules::HIDDEN && mark != rules::HOVER && is_left_out_prose(b)
}

/// A block of running prose that is not a list of links.
fn is_left_out_prose(b: &Block) -> bool {
    select::is_prose(b) && b.link_density() <= filter::MAX_LINK_DENSITY
}

/// Removed text waiting to learn which paragraph it stood before; the
/// blocks of one marked element are kept together.
#[derive(Default)]
struct Pending {
    items: Vec<(String, &'static str, usize)>,
}

impl Pending {
    fn add(&mut self, text: &str, reason: &'static str, element: usize) {
        if let Some(last) = self.items.last_mut()
            && last.1 == reason
            && last.2 == element
            && element != usize::MAX
        {
            last.0.push(' ');
            last.0.push_str(text);
            return;
        }
        self.items.push((text.to_string(), reason, element));
    }

    /// A paragraph of prose outside the container, under no mark: text the
    /// page shows as its own that the extraction left out.
    fn add_if_left_out(&mut self, b: &Block, selection: &select::Selection) {
        if b.role == Role::Paragraph && selection.marks[b.owner].is_none() && is_left_out_prose(b) {
            self.add(&b.text, LEFT_OUT, usize::MAX);
        }
    }

    fn settle(&mut self, removed: &mut Vec<Removed>, before: Option<usize>) {
        for (text, reason, _) in self.items.drain(..) {
            removed.push(Removed {
                text: safe(&text),
                reason: reason.to_string(),
                before,
                at: None,
            });
        }
    }
}

/// A heading with no paragraph after it heads something that was cut
/// ("Related stories", "Comments").
fn drop_trailing_headings(doc: &mut Document) {
    while doc
        .paragraphs
        .last()
        .is_some_and(|p| p.kind == ParagraphKind::Heading)
    {
        if let Some(p) = doc.paragraphs.pop() {
            doc.removed.push(Removed {
                text: p.text,
                reason: "heading without text".to_string(),
                before: None,
                at: None,
            });
        }
    }
    // what stood before a dropped heading now comes after the last paragraph
    let n = doc.paragraphs.len();
    for r in &mut doc.removed {
        if r.before.is_some_and(|b| b >= n) {
            r.before = None;
            r.at = None;
        }
    }
}

/// A dateline ("BAMAKO, ...") at the start of the first paragraph, or
/// the whole first paragraph when it is a place in capitals alone.
fn split_first_dateline(doc: &mut Document) {
    if let Some(first) = doc.paragraphs.first()
        && is_place_line(&first.text)
    {
        let place = first.text.trim_end_matches([' ', '-', '—', '–', ',', ':']);
        doc.dateline = Some(place.to_string());
        doc.paragraphs.remove(0);
        for (index, p) in doc.paragraphs.iter_mut().enumerate() {
            p.index = index;
        }
        for r in &mut doc.removed {
            r.before = r.before.map(|b| b.saturating_sub(1));
        }
        return;
    }
    if let Some(first) = doc.paragraphs.first_mut()
        && first.kind == ParagraphKind::Body
        && let Some(d) = super::dateline::split(&first.text)
        && !d.rest.is_empty()
    {
        doc.dateline = Some(d.place);
        if doc.date.is_none() {
            doc.date = d.date;
        }
        first.text = d.rest;
    }
}
/// A line that is only a place in capitals, with the comma or dash of a
/// dateline: "BAAR, SWITZERLAND", "GENEVA —" (not a kicker such as
/// "WORLD NEWS").
fn is_place_line(text: &str) -> bool {
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    let t = text.trim_end();
    let punctuated = t.contains(',') || t.ends_with(['-', '—', '–']);
    t.chars().count() <= 40
        && letters >= 3
        && punctuated
        && t.split_whitespace().count() <= 5
        && !t.chars().any(|c| c.is_lowercase() || c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_place_alone_is_a_dateline_a_kicker_is_not() {
        assert!(is_place_line("BAAR, SWITZERLAND"));
        assert!(is_place_line("GENEVA —"));
        assert!(!is_place_line("WORLD NEWS"));
        assert!(!is_place_line("Geneva, Switzerland"));
    }

    #[test]
    fn what_stood_before_a_dropped_heading_points_past_the_last_paragraph() {
        let mut doc = Document {
            paragraphs: ["The ferry sailed at dawn.", "Related stories"]
                .iter()
                .enumerate()
                .map(|(index, text)| Paragraph {
                    index,
                    kind: if index == 1 {
                        ParagraphKind::Heading
                    } else {
                        ParagraphKind::Body
                    },
                    text: text.to_string(),
                })
                .collect(),
            removed: vec![Removed {
                text: "Home | World".to_string(),
                reason: "links".to_string(),
                before: Some(1),
                at: None,
            }],
            ..Document::default()
        };
        drop_trailing_headings(&mut doc);
        assert_eq!(doc.paragraphs.len(), 1);
        assert_eq!(doc.removed[0].before, None);
        assert_eq!(doc.removed[1].text, "Related stories");
    }
}
