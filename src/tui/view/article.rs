//! The text pane: the wrapped lines in view, the current paragraph marked in
//! the gutter, and the highlights (the selected actor's mentions in its
//! colour, the quote gone to, find matches) laid over the text.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Span;
use ratatui::widgets::Block;

use crate::tui::index::Place;
use crate::tui::layout::{Areas, Mode};
use crate::tui::reader::{Focus, Jump, Reader};
use crate::tui::text::{LineKind, TextLine, display_char};
use crate::tui::theme::Theme;

/// The mark beside the current paragraph.
const CURRENT_MARK: &str = "▌";

pub fn draw(scene: &super::Scene, frame: &mut Frame, areas: &Areas) {
    let reader = scene.reader;
    let theme = &scene.settings.theme;
    if areas.mode != Mode::Narrow {
        let name = std::path::Path::new(&reader.article.source)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let title = format!(
            " {} ",
            super::fit(&name, usize::from(areas.text.width.saturating_sub(4)))
        );
        let border = if reader.focus == Focus::Text {
            theme.border_focused
        } else {
            theme.border
        };
        let block = Block::bordered().title(title).border_style(border);
        frame.render_widget(block, areas.text);
    }
    draw_lines(reader, theme, frame, areas.body);
}

fn draw_lines(reader: &Reader, theme: &Theme, frame: &mut Frame, body: Rect) {
    let rows = usize::from(body.height);
    let highlights = Highlights::new(reader, theme);
    let buf = frame.buffer_mut();
    let visible = reader.text.lines.iter().skip(reader.scroll).take(rows);
    for (y, line) in (body.y..).zip(visible) {
        let current = line.paragraph.is_some() && line.paragraph == reader.current;
        if current {
            buf.set_stringn(body.x, y, CURRENT_MARK, 1, theme.current);
        }
        let mut x = body.x + super::super::layout::GUTTER;
        let end = body.x + body.width;
        for span in styled_text(line, &highlights, theme) {
            let room = usize::from(end.saturating_sub(x));
            if room == 0 {
                break;
            }
            x = buf.set_stringn(x, y, &span.content, room, span.style).0;
        }
    }
}

/// What is highlighted in the text, and how.
struct Highlights<'a> {
    reader: &'a Reader,
    theme: &'a Theme,
    /// The selected actor and its people.
    actors: Vec<usize>,
}

impl<'a> Highlights<'a> {
    fn new(reader: &'a Reader, theme: &'a Theme) -> Self {
        let actors = reader
            .actor
            .map(|a| reader.index.actor_and_members(a))
            .unwrap_or_default();
        Highlights {
            reader,
            theme,
            actors,
        }
    }

    /// The styled ranges over a paragraph, later ones drawn over earlier.
    fn in_paragraph(&self, pos: usize) -> Vec<(usize, usize, Style)> {
        let r = self.reader;
        let mut out = Vec::new();
        if let Some(mentions) = r.index.mentions.get(pos) {
            for m in mentions.iter().filter(|m| self.actors.contains(&m.actor)) {
                out.push((m.start, m.end, self.theme.actor(m.actor)));
            }
        }
        for p in r.mark.iter().filter(|p| p.paragraph == pos) {
            out.push((p.start, p.end, self.theme.mark));
        }
        let hits = &r.find.hits;
        let first = hits.partition_point(|h| h.paragraph < pos);
        for (i, h) in hits[first..]
            .iter()
            .enumerate()
            .take_while(|(_, h)| h.paragraph == pos)
        {
            let current = r.find.current == Some(first + i) && r.jump == Jump::Find;
            let style = if current {
                self.theme.find_current
            } else {
                self.theme.find_match
            };
            out.push((h.start, h.end, style));
        }
        if r.jump == Jump::Mentions
            && let Some(Place {
                paragraph,
                start,
                end,
            }) = r.jumped
            && paragraph == pos
        {
            let current = Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED);
            out.push((start, end, current));
        }
        out
    }
}

/// One line's text as spans, each char styled by the highlights over it.
fn styled_text(line: &TextLine, highlights: &Highlights, theme: &Theme) -> Vec<Span<'static>> {
    let base = match line.kind {
        LineKind::Title => theme.title,
        LineKind::Meta => theme.meta,
        LineKind::Heading => theme.heading,
        LineKind::Removed => theme.removed,
        LineKind::RemovedLabel => theme.removed_label,
        LineKind::Body | LineKind::Blank => Style::new(),
    };
    let ranges = line
        .paragraph
        .map(|p| highlights.in_paragraph(p))
        .unwrap_or_default();
    let mut spans = Vec::new();
    let mut run = String::new();
    let mut run_style = base;
    for (i, c) in line.text.chars().enumerate() {
        let Some(shown) = display_char(c) else {
            continue;
        };
        let at = line.start + i;
        let style = ranges
            .iter()
            .filter(|(a, b, _)| *a <= at && at < *b)
            .fold(base, |s, (_, _, h)| s.patch(*h));
        if style != run_style && !run.is_empty() {
            spans.push(Span::styled(std::mem::take(&mut run), run_style));
        }
        run_style = style;
        run.push(shown);
    }
    if !run.is_empty() {
        spans.push(Span::styled(run, run_style));
    }
    spans
}
