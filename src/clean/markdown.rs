//! Markdown to blocks, with its structure kept: headings stay headings, list
//! items and code blocks stay whole, emphasis and links become their plain
//! text (link text is counted, so a row of links reads as navigation), and
//! images, raw HTML tags and front-matter syntax go. A YAML front matter's
//! `title`, `author` and `date` fill the document's fields. Text that the
//! parser decodes from entities is sanitised again, as ingest never saw it.

use pulldown_cmark::{Event, HeadingLevel, MetadataBlockKind, Options, Parser, Tag, TagEnd};

use super::Document;
use super::block::{Block, BlockKind};
use super::segment::{self, collapse_spaces};
use super::structure::{self, Hints};
use crate::ingest::sanitize::sanitize;

/// Clean a Markdown article.
pub fn clean(source: &str, text: &str) -> Document {
    let (mut blocks, mut hints) = blocks(text);
    // An `# H1` before any text is the title.
    if hints.title.is_none()
        && blocks
            .first()
            .is_some_and(|b| b.kind == BlockKind::Heading(1))
    {
        hints.title = Some(blocks.remove(0).text);
    }
    structure::assemble(source, blocks, hints)
}

/// The blocks of a Markdown text, and what its front matter says.
pub fn blocks(text: &str) -> (Vec<Block>, Hints) {
    let lines: Vec<&str> = text.lines().collect();
    let mut builder = Builder {
        words: segment::word_set(&lines),
        ..Builder::default()
    };
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
    for event in Parser::new_ext(text, options) {
        builder.event(event);
    }
    builder.flush();
    (builder.blocks, builder.hints)
}

/// Collects inline text into blocks as the parser's events arrive.
#[derive(Default)]
struct Builder {
    blocks: Vec<Block>,
    hints: Hints,
    words: std::collections::HashSet<String>,
    /// Text of the block being read.
    text: String,
    link_chars: usize,
    kind: Option<BlockKind>,
    /// Open lists: the next number of an ordered list, `None` for bullets.
    lists: Vec<Option<u64>>,
    in_link: bool,
    in_image: bool,
    in_metadata: bool,
    in_code: bool,
    soft_break: bool,
}

impl Builder {
    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(t) if self.in_metadata => self.front_matter(&t),
            Event::Text(t) | Event::Code(t) | Event::InlineMath(t) | Event::DisplayMath(t) => {
                self.push_text(&t)
            }
            Event::Html(html) | Event::InlineHtml(html) => self.push_text(&strip_tags(&html)),
            Event::SoftBreak => self.soft_break = true,
            Event::HardBreak => self.push_text(" "),
            Event::TaskListMarker(done) => self.push_text(if done { "[x] " } else { "[ ] " }),
            Event::FootnoteReference(_) | Event::Rule => {}
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            Tag::Heading { level, .. } => self.open(BlockKind::Heading(level_number(level))),
            Tag::Paragraph | Tag::TableRow | Tag::TableHead | Tag::DefinitionListTitle
                if self.kind.is_none() =>
            {
                self.open(BlockKind::Line);
            }
            Tag::CodeBlock(_) => {
                self.open(BlockKind::Code);
                self.in_code = true;
            }
            Tag::List(first) => {
                // A list inside an item: the item's own text comes first.
                self.flush();
                self.lists.push(first);
            }
            Tag::Item => {
                self.flush();
                let marker = match self.lists.last_mut() {
                    Some(Some(n)) => {
                        *n += 1;
                        format!("{}. ", *n - 1)
                    }
                    _ => "• ".to_string(),
                };
                self.open(BlockKind::Item);
                self.text.push_str(&marker);
            }
            Tag::TableCell if !self.text.is_empty() => self.text.push_str(" | "),
            Tag::Link { .. } => self.in_link = true,
            Tag::Image { .. } => self.in_image = true,
            Tag::MetadataBlock(MetadataBlockKind::YamlStyle) => self.in_metadata = true,
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Heading(_)
            | TagEnd::CodeBlock
            | TagEnd::Item
            | TagEnd::TableRow
            | TagEnd::TableHead
            | TagEnd::DefinitionListTitle => {
                self.in_code = false;
                self.flush();
            }
            TagEnd::Paragraph if self.kind != Some(BlockKind::Item) => self.flush(),
            TagEnd::List(_) => {
                self.lists.pop();
            }
            TagEnd::Link => self.in_link = false,
            TagEnd::Image => self.in_image = false,
            TagEnd::MetadataBlock(_) => self.in_metadata = false,
            _ => {}
        }
    }

    fn open(&mut self, kind: BlockKind) {
        self.flush();
        self.kind = Some(kind);
    }

    fn push_text(&mut self, t: &str) {
        if self.in_image {
            return;
        }
        // Entities ("&#27;", "&#x202e;") decode to characters that ingest
        // never saw: they are sanitised here, where they appear.
        let t = &*sanitize(t);
        if self.kind.is_none() {
            self.kind = Some(BlockKind::Line);
        }
        if self.in_code {
            self.text.push_str(t);
            return;
        }
        if self.in_link {
            self.link_chars += t.chars().count();
        }
        if std::mem::take(&mut self.soft_break) {
            segment::join_line(&mut self.text, t, &self.words);
        } else {
            self.text.push_str(t);
        }
    }

    /// Close the block being read, if it holds any text.
    fn flush(&mut self) {
        let kind = self.kind.take().unwrap_or(BlockKind::Line);
        let raw = std::mem::take(&mut self.text);
        let link_chars = std::mem::take(&mut self.link_chars);
        self.soft_break = false;
        let text = if kind == BlockKind::Code {
            raw.trim_end_matches('\n').to_string()
        } else {
            collapse_spaces(raw.trim())
        };
        let marker_only = kind == BlockKind::Item && text.chars().all(|c| !c.is_alphanumeric());
        if text.trim().is_empty() || marker_only {
            return;
        }
        let mut block = Block::new(text, kind, true);
        block.link_chars = link_chars;
        self.blocks.push(block);
    }

    /// `title: ...`, `author: ...`, `date: ...` lines of a YAML front matter.
    fn front_matter(&mut self, yaml: &str) {
        for line in yaml.lines() {
            let Some((key, value)) = line.split_once(':') else {
                continue;
            };
            let value = value.trim().trim_matches(['"', '\'']).trim();
            if value.is_empty() {
                continue;
            }
            let slot = match key.trim().to_ascii_lowercase().as_str() {
                "title" => &mut self.hints.title,
                "author" | "byline" => &mut self.hints.byline,
                "date" | "published" => &mut self.hints.date,
                _ => continue,
            };
            slot.get_or_insert_with(|| sanitize(value).into_owned());
        }
    }
}

fn level_number(level: HeadingLevel) -> u8 {
    level as u8
}

/// Raw HTML inside Markdown: the text between the tags.
fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ParagraphKind;

    #[test]
    fn headings_emphasis_and_links() {
        let (b, _) = blocks(
            "# The title\n\nThe **board** met [on Monday](http://x.example) and *voted*.\n\n## Next steps\n",
        );
        assert_eq!(b[0].kind, BlockKind::Heading(1));
        assert_eq!(b[1].text, "The board met on Monday and voted.");
        assert_eq!(b[1].link_chars, 9);
        assert_eq!(b[2].kind, BlockKind::Heading(2));
    }

    #[test]
    fn lists_keep_their_items() {
        let (b, _) = blocks("- eggs\n- flour\n\n1. first\n2. second\n");
        let texts: Vec<&str> = b.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, vec!["• eggs", "• flour", "1. first", "2. second"]);
        assert!(b.iter().all(|b| b.kind == BlockKind::Item));
    }

    #[test]
    fn code_blocks_keep_their_lines() {
        let (b, _) = blocks("```\nlet a = 1;\nlet b = 2;\n```\n");
        assert_eq!(b[0].kind, BlockKind::Code);
        assert_eq!(b[0].text, "let a = 1;\nlet b = 2;");
    }

    #[test]
    fn images_and_html_tags_go() {
        let (b, _) = blocks("![a dam](dam.jpg) The dam is <b>finished</b>.\n");
        assert_eq!(b[0].text, "The dam is finished.");
    }

    #[test]
    fn wrapped_lines_join_and_hyphens_are_repaired() {
        let (b, _) = blocks("The govern-\nment said\nso.\n");
        assert_eq!(b[0].text, "The government said so.");
    }

    #[test]
    fn entities_cannot_smuggle_controls_in() {
        let (b, _) = blocks("The &#27;[2Jboard &#x9b;met &#x202e;on&#8203; Monday.\n");
        assert_eq!(b[0].text, "The [2Jboard met on Monday.");
    }

    #[test]
    fn front_matter_fills_title_byline_and_date() {
        let (b, h) =
            blocks("---\ntitle: \"Dam talks\"\nauthor: Jane Roe\ndate: 2024-03-04\n---\n\nText.\n");
        assert_eq!(h.title.as_deref(), Some("Dam talks"));
        assert_eq!(h.byline.as_deref(), Some("Jane Roe"));
        assert_eq!(h.date.as_deref(), Some("2024-03-04"));
        assert_eq!(b.len(), 1);
    }

    #[test]
    fn a_markdown_article_becomes_a_document() {
        let d = clean(
            "a.md",
            "# Dam talks resume\n\n*By Jane Roe*\n\nKINSHASA, April 4 — The three delegations returned to the table on Sunday, hoping to end the dispute.\n\n## What comes next\n\nThe talks will last two days, the mediators said on Sunday evening.\n",
        );
        assert_eq!(d.title, "Dam talks resume");
        assert_eq!(d.byline.as_deref(), Some("Jane Roe"));
        assert_eq!(d.dateline.as_deref(), Some("KINSHASA"));
        assert_eq!(d.date.as_deref(), Some("April 4"));
        assert_eq!(d.paragraphs[1].kind, ParagraphKind::Heading);
        assert_eq!(d.paragraphs.len(), 3);
    }
}
