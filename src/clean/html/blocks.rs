//! Text blocks: the page's text cut where a browser would start a new
//! block (a paragraph, a heading, a list item, a `<br>`), with whitespace
//! collapsed and the share of link text counted.

use super::page::{NodeKind, Page};
use super::rules::Role;

/// A run of text between two block boundaries.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    /// Whitespace collapsed, trimmed.
    pub text: String,
    /// The innermost block element that holds the text.
    pub owner: usize,
    /// The owner's role: a paragraph, a heading, a list item...
    pub role: Role,
    /// Characters that are not whitespace.
    pub chars: usize,
    /// Of those, the ones inside links.
    pub link_chars: usize,
}

impl Block {
    /// The share of the text that is link text, 0 to 1.
    pub fn link_density(&self) -> f32 {
        if self.chars == 0 {
            return 0.0;
        }
        self.link_chars as f32 / self.chars as f32
    }
}

/// The text blocks of `page`, in document order.
pub fn blocks(page: &Page) -> Vec<Block> {
    let mut walk = Walk::default();
    let mut i = 0;
    while i < page.nodes.len() {
        walk.close_ended(i);
        let node = &page.nodes[i];
        if page.is_hidden(i) {
            i = node.end.max(i + 1);
            continue;
        }
        match node.kind {
            NodeKind::Element { role, .. } => walk.open(i, node.end, role),
            NodeKind::Text { start, end } => walk.push_text(&page.text[start..end]),
        }
        i += 1;
    }
    walk.close_ended(usize::MAX);
    walk.flush();
    walk.out
}

#[derive(Default)]
struct Walk {
    out: Vec<Block>,
    /// Open elements: index, end of subtree, role.
    open: Vec<(usize, usize, Role)>,
    /// Open block elements only (index, role): the owner of new text.
    owners: Vec<(usize, Role)>,
    links: usize,
    pre: usize,
    text: String,
    chars: usize,
    link_chars: usize,
    pending_space: bool,
}

impl Walk {
    /// Close the elements whose subtree ends before node `i`.
    fn close_ended(&mut self, i: usize) {
        while let Some(&(_, end, role)) = self.open.last() {
            if end > i {
                break;
            }
            self.open.pop();
            match role {
                Role::Link => self.links = self.links.saturating_sub(1),
                Role::Inline | Role::Break => {}
                Role::Cell => self.pending_space = true,
                _ => {
                    self.flush();
                    self.owners.pop();
                    if role == Role::Pre {
                        self.pre = self.pre.saturating_sub(1);
                    }
                }
            }
        }
    }

    fn open(&mut self, index: usize, end: usize, role: Role) {
        let role = match role {
            Role::Custom if self.in_running_text() => Role::Inline,
            Role::Custom => Role::Block,
            other => other,
        };
        match role {
            Role::Inline => {}
            Role::Link => self.links += 1,
            Role::Break => self.flush(),
            Role::Cell => self.pending_space = true,
            _ => {
                self.flush();
                self.owners.push((index, role));
                if role == Role::Pre {
                    self.pre += 1;
                }
            }
        }
        if role != Role::Break {
            self.open.push((index, end, role));
        }
    }

    /// Inside a paragraph or a heading, where text runs on.
    fn in_running_text(&self) -> bool {
        matches!(
            self.owners.last(),
            Some((_, Role::Paragraph | Role::Heading(_)))
        )
    }

    /// Append text with runs of HTML whitespace collapsed to one space
    /// (inside `<pre>`, a line break ends the block instead).
    fn push_text(&mut self, text: &str) {
        for c in text.chars() {
            if matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{c}') {
                if c == '\n' && self.pre > 0 {
                    self.flush();
                } else {
                    self.pending_space = true;
                }
                continue;
            }
            if self.pending_space && !self.text.is_empty() {
                self.text.push(' ');
            }
            self.pending_space = false;
            self.text.push(c);
            if !c.is_whitespace() {
                self.chars += 1;
                if self.links > 0 {
                    self.link_chars += 1;
                }
            }
        }
    }

    /// End the current block, if it holds any text.
    fn flush(&mut self) {
        self.pending_space = false;
        if self.chars == 0 {
            self.text.clear();
            return;
        }
        let (owner, role) = self.owners.last().copied().unwrap_or((0, Role::Block));
        let text = std::mem::take(&mut self.text);
        self.out.push(Block {
            text: text.trim_end().to_string(),
            owner,
            role,
            chars: self.chars,
            link_chars: self.link_chars,
        });
        self.chars = 0;
        self.link_chars = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(html: &str) -> Vec<(String, Role)> {
        let page = Page::parse(html);
        blocks(&page)
            .into_iter()
            .map(|b| (b.text, b.role))
            .collect()
    }

    #[test]
    fn inline_tags_join_and_blocks_split() {
        let got = texts("<div>One <b>bold</b>word<p>Two\n  lines</p>tail</div>");
        let want: Vec<(String, Role)> = vec![
            ("One boldword".into(), Role::Block),
            ("Two lines".into(), Role::Paragraph),
            ("tail".into(), Role::Block),
        ];
        assert_eq!(got, want);
    }

    #[test]
    fn a_line_break_ends_a_block() {
        let got = texts("<p>First line<br>second line</p>");
        assert_eq!(got.len(), 2);
        assert_eq!(got[1].0, "second line");
    }

    #[test]
    fn link_text_is_counted() {
        let page = Page::parse("<p>Read <a href=x>this story</a></p>");
        let b = &blocks(&page)[0];
        assert_eq!(b.chars, 13);
        assert_eq!(b.link_chars, 9);
    }

    #[test]
    fn headings_and_list_items_keep_their_role() {
        let got = texts("<h2>Sub <em>head</em></h2><ul><li>an item</li></ul>");
        assert_eq!(got[0], ("Sub head".into(), Role::Heading(2)));
        assert_eq!(got[1], ("an item".into(), Role::ListItem));
    }

    #[test]
    fn a_custom_element_inside_a_paragraph_is_inline() {
        let got = texts("<p>as shown (<source-note>a study</source-note>).</p>");
        assert_eq!(
            got,
            vec![("as shown (a study).".to_string(), Role::Paragraph)]
        );
    }

    #[test]
    fn the_innermost_hover_card_is_hidden() {
        let got = texts(
            "<p>Ask <span class=tooltip-person><a>Ana Ruiz</a>\
             <span class=tooltip-card>Her recent stories</span></span> now.</p>",
        );
        assert_eq!(got[0].0, "Ask Ana Ruiz now.");
    }

    #[test]
    fn preformatted_lines_stay_apart() {
        let got = texts("<pre>line one\nline two</pre>");
        assert_eq!(got.len(), 2);
    }
}
