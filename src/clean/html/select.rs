//! Finding the article on the page: every block of text votes for the
//! elements that hold it, prose for, links and scraps against, and the
//! element with the best balance is the article's container.

use super::blocks::Block;
use super::page::{NodeKind, Page};
use super::rules::{Mark, Role};

/// The element holding the article, and the marks in force on the page.
#[derive(Debug)]
pub struct Selection {
    /// Index of the container element.
    pub container: usize,
    /// For each node: the mark in force there and the element that
    /// carries it, if any.
    pub marks: Vec<Option<(Mark, usize)>>,
}

/// A mark is ignored on an element that holds more than this share of the
/// page's prose: it names the article, not furniture beside it
/// (`<div class="story-body has-sidebar">`).
const MAX_MARKED_SHARE: f32 = 0.5;
/// ...and at least this many blocks of prose: a page whose story is a few
/// lines long can have a longer footer blurb.
const MIN_MARKED_PARAGRAPHS: f32 = 3.0;

/// Weight of link text against a container.
const LINK_PENALTY: f32 = 1.0;
/// A heading that is a link heads a teaser for another story.
const LINKED_HEADING_PENALTY: f32 = 3.0;
/// Weight of prose that is not in a paragraph element.
const LOOSE_TEXT_WEIGHT: f32 = 0.5;
/// Weight of short scraps (labels, dates, one-word lines) against it.
const SCRAP_PENALTY: f32 = 0.1;

/// Choose the container of the article among the elements of `page`.
pub fn select(page: &Page, blocks: &[Block]) -> Selection {
    let n = page.nodes.len();
    let mut prose = vec![0f32; n];
    let mut paragraphs = vec![0f32; n];
    for b in blocks {
        prose[b.owner] += prose_weight(b);
        paragraphs[b.owner] += f32::from(u8::from(prose_weight(b) > 0.0));
    }
    sum_up(page, &mut prose);
    sum_up(page, &mut paragraphs);
    let total: f32 = prose
        .iter()
        .enumerate()
        .filter(|&(i, _)| page.nodes[i].parent == usize::MAX)
        .map(|(_, p)| *p)
        .sum();
    let marks = marks_in_force(page, &prose, &paragraphs, total);
    let mut net = vec![0f32; n];
    for b in blocks {
        if marks[b.owner].is_none() {
            net[b.owner] += net_weight(b);
        }
    }
    sum_up(page, &mut net);
    let mut container = 0;
    let mut best = f32::MIN;
    for (i, &score) in net.iter().enumerate() {
        if matches!(page.nodes[i].kind, NodeKind::Element { .. }) && score >= best {
            best = score;
            container = i;
        }
    }
    Selection {
        container: widen_past_text_block(page, container),
        marks,
    }
}

/// A paragraph or a heading is a block of the article, never its
/// container. When one wins alone (its sibling paragraphs, cut short or
/// ending oddly, scored as scraps), the element around it is the
/// container, so that its siblings are read, or removed with a reason,
/// rather than left out unseen.
fn widen_past_text_block(page: &Page, mut container: usize) -> usize {
    while let NodeKind::Element {
        role: Role::Paragraph | Role::Heading(_),
        ..
    } = page.nodes[container].kind
    {
        match page.nodes[container].parent {
            usize::MAX => break,
            parent => container = parent,
        }
    }
    container
}

/// Add every node's value into its parent's, children first (a child's
/// index is always above its parent's).
fn sum_up(page: &Page, values: &mut [f32]) {
    for i in (0..page.nodes.len()).rev() {
        let parent = page.nodes[i].parent;
        if parent != usize::MAX {
            values[parent] += values[i];
        }
    }
}

/// The mark in force at each node: its own, unless it would hide most of
/// the page's prose, else its parent's.
fn marks_in_force(
    page: &Page,
    prose: &[f32],
    paragraphs: &[f32],
    total: f32,
) -> Vec<Option<(Mark, usize)>> {
    let mut marks: Vec<Option<(Mark, usize)>> = vec![None; page.nodes.len()];
    for i in 0..page.nodes.len() {
        let inherited = match page.nodes[i].parent {
            usize::MAX => None,
            p => marks[p],
        };
        let own = match page.nodes[i].kind {
            NodeKind::Element { mark: Some(m), .. }
                if prose[i] <= MAX_MARKED_SHARE * total
                    || paragraphs[i] < MIN_MARKED_PARAGRAPHS =>
            {
                Some((m, i))
            }
            _ => None,
        };
        marks[i] = inherited.or(own);
    }
    marks
}

/// Is `b` a piece of running prose: long, or a sentence that ends?
pub fn is_prose(b: &Block) -> bool {
    b.chars >= 80 || (b.chars >= 20 && ends_sentence(&b.text) && b.text.contains(' '))
}

/// Ends with sentence punctuation (closing quotes and brackets allowed).
pub fn ends_sentence(text: &str) -> bool {
    let t = text.trim_end_matches(['"', '\'', '”', '’', '»', ')', ']', ' ']);
    t.ends_with(['.', '!', '?', '。', '！', '？', '…', ':'])
}

/// How much a block speaks for being article prose.
fn prose_weight(b: &Block) -> f32 {
    if is_prose(b) && b.link_density() <= 0.5 {
        b.chars as f32 * (1.0 - b.link_density())
    } else {
        0.0
    }
}

/// A block's vote for the containers that hold it.
fn net_weight(b: &Block) -> f32 {
    let density = b.link_density();
    if density > 0.5 {
        let teaser = if matches!(b.role, Role::Heading(_)) {
            LINKED_HEADING_PENALTY
        } else {
            1.0
        };
        -LINK_PENALTY * teaser * b.chars as f32
    } else if is_prose(b) {
        role_weight(b.role) * b.chars as f32 * (1.0 - density) - LINK_PENALTY * b.link_chars as f32
    } else {
        -SCRAP_PENALTY * b.chars as f32
    }
}

/// Prose in a paragraph, list item or quotation counts in full; text
/// loose in a `div` is as often a teaser's summary as an article's line.
fn role_weight(role: Role) -> f32 {
    match role {
        Role::Block => LOOSE_TEXT_WEIGHT,
        _ => 1.0,
    }
}

#[cfg(test)]
mod tests {
    use super::super::blocks::blocks;
    use super::*;

    #[test]
    fn the_container_holds_the_prose_not_the_links() {
        let html = "<body><div id=menu><a href=1>Home</a> <a href=2>World news</a></div>\
            <div id=story><p>The council met on Monday and agreed a budget for the year ahead.</p>\
            <p>Members spoke for hours, and the vote was close when it came at last.</p></div>\
            <div><a href=3>Another story that you may like to read</a></div></body>";
        let page = Page::parse(html);
        let blocks = blocks(&page);
        let sel = select(&page, &blocks);
        let inside: Vec<&str> = blocks
            .iter()
            .filter(|b| b.owner >= sel.container && b.owner < page.nodes[sel.container].end)
            .map(|b| b.text.as_str())
            .collect();
        assert_eq!(inside.len(), 2);
        assert!(inside[0].starts_with("The council"));
    }

    #[test]
    fn a_paragraph_that_wins_alone_widens_to_its_element() {
        let html = "<body><section><p>The council met on Monday and agreed a budget for \
            the year ahead, after hours of debate.</p><p>Members will vote again in May</p>\
            </section></body>";
        let page = Page::parse(html);
        let sel = select(&page, &blocks(&page));
        assert!(matches!(
            page.nodes[sel.container].kind,
            NodeKind::Element {
                role: Role::Block,
                ..
            }
        ));
    }

    #[test]
    fn sentences_end_with_punctuation() {
        assert!(ends_sentence("He left. "));
        assert!(ends_sentence("“We won.”"));
        assert!(!ends_sentence("Related stories"));
    }
}
