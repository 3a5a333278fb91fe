//! Drawing the reader: a pure function of the [`App`] state.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, List, ListItem, ListState, Paragraph};

use super::app::{App, Focus, panel_slot};
use crate::model::Article;

/// Draw the whole screen.
pub fn view(app: &App, frame: &mut Frame) {
    let area = frame.area();
    let [main, status] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(area);
    let [text, panels] =
        Layout::horizontal([Constraint::Percentage(60), Constraint::Percentage(40)]).areas(main);
    draw_text(app, frame, text);
    if let Some(article) = app.article() {
        let [actors, quotes, positions] = Layout::vertical([
            Constraint::Ratio(1, 3),
            Constraint::Ratio(1, 3),
            Constraint::Ratio(1, 3),
        ])
        .areas(panels);
        let current = app.current_paragraph();
        draw_panel(
            app,
            frame,
            actors,
            Focus::Actors,
            actor_items(article, current),
        );
        draw_panel(
            app,
            frame,
            quotes,
            Focus::Quotes,
            quote_items(article, current),
        );
        draw_panel(
            app,
            frame,
            positions,
            Focus::Positions,
            position_items(article, current),
        );
    }
    draw_status(app, frame, status);
}

fn pane_block(app: &App, pane: Focus, title: String) -> Block<'static> {
    let block = Block::bordered().title(title);
    if app.focus == pane {
        block.border_style(Style::new().add_modifier(Modifier::BOLD))
    } else {
        block.border_style(Style::new().add_modifier(Modifier::DIM))
    }
}

fn draw_text(app: &App, frame: &mut Frame, area: Rect) {
    let current = app.current_paragraph();
    let rows = usize::from(area.height.saturating_sub(2));
    let lines: Vec<Line> = app
        .lines
        .iter()
        .skip(app.scroll)
        .take(rows)
        .map(|l| {
            let style = if l.title {
                Style::new().bold()
            } else if l.heading {
                Style::new().bold().underlined()
            } else {
                Style::new()
            };
            let gutter = if l.paragraph.is_some() && l.paragraph == current {
                "▌"
            } else {
                " "
            };
            Line::from(vec![Span::raw(gutter), Span::styled(l.text.clone(), style)])
        })
        .collect();
    let title = app.article().map_or_else(String::new, |a| a.source.clone());
    frame.render_widget(
        Paragraph::new(lines).block(pane_block(app, Focus::Text, title)),
        area,
    );
}

/// A panel row, and whether it belongs to the current paragraph.
struct Row {
    text: String,
    here: bool,
}

fn draw_panel(app: &App, frame: &mut Frame, area: Rect, pane: Focus, rows: Vec<Row>) {
    let title = format!("{} ({})", pane.title(), rows.len());
    let items: Vec<ListItem> = rows
        .into_iter()
        .map(|r| {
            let style = if r.here {
                Style::new().bold()
            } else {
                Style::new()
            };
            ListItem::new(Line::styled(r.text, style))
        })
        .collect();
    let mut state = ListState::default();
    if app.focus == pane {
        state.select(Some(app.selected[panel_slot(pane)]));
    }
    let list = List::new(items)
        .block(pane_block(app, pane, title))
        .highlight_style(Style::new().reversed());
    frame.render_stateful_widget(list, area, &mut state);
}

/// Put the rows of the current paragraph first, keeping order otherwise.
fn current_first(mut rows: Vec<Row>) -> Vec<Row> {
    rows.sort_by_key(|r| !r.here);
    rows
}

fn actor_items(a: &Article, current: Option<usize>) -> Vec<Row> {
    current_first(
        a.actors
            .iter()
            .map(|x| Row {
                text: format!("{} · {}", x.name, x.kind.label()),
                here: x.mentions.iter().any(|m| Some(m.paragraph) == current),
            })
            .collect(),
    )
}

fn quote_items(a: &Article, current: Option<usize>) -> Vec<Row> {
    current_first(
        a.quotes
            .iter()
            .map(|q| {
                let who = q
                    .speaker
                    .as_deref()
                    .and_then(|id| a.actor(id))
                    .map(|x| x.name.as_str())
                    .or(q.speaker_text.as_deref())
                    .unwrap_or("?");
                Row {
                    text: format!("{who}: {}", q.text.trim()),
                    here: Some(q.paragraph) == current,
                }
            })
            .collect(),
    )
}

fn position_items(a: &Article, current: Option<usize>) -> Vec<Row> {
    current_first(
        a.positions
            .iter()
            .map(|p| {
                let who = a
                    .actor(&p.actor)
                    .map_or(p.actor.as_str(), |x| x.name.as_str());
                Row {
                    text: format!("{who} {}: {}", p.stance, p.summary),
                    here: Some(p.paragraph) == current,
                }
            })
            .collect(),
    )
}

fn draw_status(app: &App, frame: &mut Frame, area: Rect) {
    let article = format!("{}/{}", app.current + 1, app.articles.len());
    let percent = if app.lines.is_empty() {
        100
    } else {
        (app.scroll + app.text_rows()).min(app.lines.len()) * 100 / app.lines.len()
    };
    let hint = " j/k scroll · Tab panels · [ ] article · q quit";
    let text = format!(" {article} · {percent}% ·{hint}");
    frame.render_widget(Paragraph::new(text).reversed(), area);
}
