//! The Actors, Quotes and Positions panels: stacked in the wide layout, one
//! at a time under tabs with their counts otherwise. Rows of the current
//! paragraph are bold; the selected actor's name wears its highlight colour.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::{fit, width_of};
use crate::model::{ActorKind, Polarity, QuoteKind};
use crate::tui::layout::{Areas, Mode};
use crate::tui::panels::{Panel, Row, Scope};
use crate::tui::reader::{Focus, Reader, list_offset};
use crate::tui::theme::Theme;

pub fn draw(scene: &super::Scene, frame: &mut Frame, areas: &Areas) {
    let reader = scene.reader;
    let theme = &scene.settings.theme;
    for panel in Panel::ALL {
        let (Some(block), Some(list)) = (areas.panels[panel.slot()], areas.lists[panel.slot()])
        else {
            continue;
        };
        let focused = reader.focus == Focus::of(panel);
        let border = if focused {
            theme.border_focused
        } else {
            theme.border
        };
        let mut b = Block::bordered().border_style(border);
        if areas.mode == Mode::Wide {
            let title = fit(
                &title(reader, panel),
                usize::from(block.width.saturating_sub(4)),
            );
            b = b.title(format!(" {title} "));
        }
        frame.render_widget(b, block);
        if let Some(tabs) = areas.tabs {
            draw_tabs(reader, theme, frame, tabs, panel);
        }
        draw_rows(reader, theme, frame, list, panel, focused);
    }
}

/// "Quotes 3 of 15 · Le Drian · this paragraph"
fn title(reader: &Reader, panel: Panel) -> String {
    let shown = reader.rows.shown(panel);
    let total = reader.rows.totals[panel.slot()];
    let mut t = if shown == total {
        format!("{} {total}", panel.title())
    } else {
        format!("{} {shown} of {total}", panel.title())
    };
    if panel != Panel::Actors
        && let Some(a) = reader.actor.and_then(|a| reader.article.actors.get(a))
    {
        t.push_str(" · ");
        t.push_str(&a.name);
    }
    if reader.scope == Scope::Paragraph {
        t.push_str(" · this paragraph");
    }
    t
}

/// "Actors 49 │ Q 15 │ P 7": the shown panel by name, the others by
/// initial when the names do not all fit.
fn draw_tabs(reader: &Reader, theme: &Theme, frame: &mut Frame, area: Rect, active: Panel) {
    let label = |p: Panel, short: bool| {
        let name = if short { &p.title()[..1] } else { p.title() };
        let shown = reader.rows.shown(p);
        let total = reader.rows.totals[p.slot()];
        if shown == total {
            format!(" {name} {total} ")
        } else {
            format!(" {name} {shown}/{total} ")
        }
    };
    let width = |short: &dyn Fn(Panel) -> bool| -> usize {
        Panel::ALL
            .iter()
            .map(|&p| width_of(&label(p, short(p))) + 1)
            .sum()
    };
    let room = usize::from(area.width);
    let short = |p: Panel| -> bool {
        if width(&|_| false) <= room {
            false
        } else if width(&|q| q != active) <= room {
            p != active
        } else {
            true
        }
    };
    let mut spans = Vec::new();
    for (i, p) in Panel::ALL.into_iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled("│", theme.dim));
        }
        let style = if p == active {
            theme.tab_active
        } else {
            Style::new()
        };
        spans.push(Span::styled(label(p, short(p)), style));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn draw_rows(
    reader: &Reader,
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
    panel: Panel,
    focused: bool,
) {
    let rows = reader.rows.of(panel);
    let width = usize::from(area.width);
    if rows.is_empty() {
        let text = fit(&empty_text(reader, panel), width);
        frame.render_widget(Paragraph::new(Span::styled(text, theme.dim)), area);
        return;
    }
    let cursor = reader.rows.cursor(panel, reader.cursors[panel.slot()]);
    let height = usize::from(area.height);
    let offset = list_offset(cursor.unwrap_or(0), rows.len(), height);
    let buf = frame.buffer_mut();
    for (y, (i, row)) in (area.y..).zip(rows.iter().enumerate().skip(offset).take(height)) {
        let mut line = row_line(reader, theme, row, width);
        if focused && Some(i) == cursor {
            line = selected(line, width, theme.cursor);
        }
        buf.set_line(area.x, y, &line, area.width);
    }
}

fn empty_text(reader: &Reader, panel: Panel) -> String {
    let what = panel.title().to_lowercase();
    let by = reader
        .actor
        .filter(|_| panel != Panel::Actors)
        .and_then(|a| reader.article.actors.get(a))
        .map(|a| format!(" of {}", a.name))
        .unwrap_or_default();
    match reader.scope {
        Scope::Paragraph => format!("No {what}{by} in this paragraph"),
        Scope::Article => format!("No {what}{by} found"),
    }
}

/// The cursor row: reversed across the whole width.
fn selected(line: Line<'static>, width: usize, style: Style) -> Line<'static> {
    let used = line.width();
    let mut spans: Vec<Span> = line
        .spans
        .into_iter()
        .map(|s| {
            let st = s.style.patch(style);
            Span::styled(s.content, st)
        })
        .collect();
    if used < width {
        spans.push(Span::styled(" ".repeat(width - used), style));
    }
    Line::from(spans)
}

fn row_line(reader: &Reader, theme: &Theme, row: &Row, width: usize) -> Line<'static> {
    let a = &reader.article;
    let bold = |here: bool| {
        if here { theme.here } else { Style::new() }
    };
    match *row {
        Row::Actor {
            actor,
            member,
            count,
            here,
        } => {
            let x = &a.actors[actor];
            let highlighted = reader
                .actor
                .is_some_and(|s| reader.index.actor_and_members(s).contains(&actor));
            let name_style = if highlighted {
                theme.actor(actor)
            } else {
                bold(here)
            };
            let detail = match (&x.title, x.kind) {
                (Some(t), _) if !t.trim().is_empty() => t.clone(),
                (_, ActorKind::Person) => String::new(),
                (_, kind) => kind.label().to_string(),
            };
            let indent = if member { "  " } else { "" };
            let count = count.to_string();
            let room = width.saturating_sub(indent.len() + count.len() + 1);
            let name = fit(&x.name, room);
            let detail = if detail.is_empty() {
                String::new()
            } else {
                fit(
                    &format!(" · {detail}"),
                    room.saturating_sub(width_of(&name)),
                )
            };
            let pad = width
                .saturating_sub(indent.len() + width_of(&name) + width_of(&detail) + count.len());
            Line::from(vec![
                Span::raw(indent),
                Span::styled(name, name_style),
                Span::styled(detail, theme.dim),
                Span::raw(" ".repeat(pad)),
                Span::styled(count, theme.dim),
            ])
        }
        Row::Quote { quote, here } => {
            let q = &a.quotes[quote];
            let speaker = reader.index.quote_speaker[quote];
            let who = speaker
                .map(|s| a.actors[s].name.clone())
                .or_else(|| q.speaker_text.clone())
                .unwrap_or_else(|| "?".to_string());
            let who_style = match speaker {
                Some(s) if reader.actor.is_some() => theme.actor(s),
                _ => bold(here).add_modifier(Modifier::BOLD),
            };
            let who = fit(&who, width / 2);
            let text = q.text.trim();
            let text = match q.kind {
                QuoteKind::Direct => format!("“{text}”"),
                QuoteKind::Partial => format!("‘{text}’"),
                QuoteKind::Indirect => text.to_string(),
            };
            let text = fit(&format!(": {text}"), width.saturating_sub(width_of(&who)));
            Line::from(vec![
                Span::styled(who, who_style),
                Span::styled(text, bold(here)),
            ])
        }
        Row::Speaker {
            actor,
            position,
            here,
        } => {
            let name = actor.map_or_else(
                || a.positions[position].actor.clone(),
                |s| a.actors[s].name.clone(),
            );
            Line::from(Span::styled(
                fit(&name, width),
                bold(here).add_modifier(Modifier::BOLD),
            ))
        }
        Row::Position { position, here } => {
            let p = &a.positions[position];
            let stance_style = match p.polarity {
                Polarity::Positive => theme.positive,
                Polarity::Negative => theme.negative,
                Polarity::Neutral => Style::new(),
            };
            let stance = fit(&p.stance, width.saturating_sub(2) / 2);
            let summary = fit(
                &format!(" {}", p.summary),
                width.saturating_sub(2 + width_of(&stance)),
            );
            Line::from(vec![
                Span::raw("  "),
                Span::styled(stance, stance_style.patch(bold(here))),
                Span::styled(summary, bold(here)),
            ])
        }
    }
}
