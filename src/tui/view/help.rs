//! The help overlay of each page, generated from the keymap (so rebound
//! keys show as bound), followed by any problems found at start.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use super::{fit, width_of};
use crate::tui::app::Settings;
use crate::tui::keymap::{Command, Keymap, Page, Section};
use crate::tui::theme::Theme;

/// The widest the keys column gets.
const KEYS_COLS_MAX: usize = 30;

/// The help of `page` over `screen`, scrolled `scroll` lines.
pub fn draw_page(
    settings: &Settings,
    errors: &[String],
    page: Page,
    scroll: usize,
    frame: &mut Frame,
    screen: Rect,
) {
    let theme = &settings.theme;
    let lines = help_lines(&settings.keymap, errors, theme, page);
    let width = screen.width.min(80);
    let height = screen
        .height
        .saturating_sub(1)
        .min(u16::try_from(lines.len() + 2).unwrap_or(u16::MAX));
    let area = Rect {
        x: screen.x + (screen.width - width) / 2,
        y: screen.y + (screen.height.saturating_sub(1) - height) / 2,
        width,
        height,
    };
    let rows = usize::from(height.saturating_sub(2));
    let scroll = scroll.min(lines.len().saturating_sub(rows));
    let close = settings
        .keymap
        .first_key(Command::Help)
        .map(|k| format!(" {k} or Esc closes "))
        .unwrap_or_default();
    let block = Block::bordered()
        .padding(ratatui::widgets::Padding::horizontal(1))
        .title(match page {
            Page::Article => " Keys: the article ",
            Page::Library => " Keys: the library ",
            Page::Actors => " Keys: actors across the library ",
        })
        .title_bottom(Line::from(close).right_aligned())
        .border_style(theme.border_focused);
    frame.render_widget(Clear, area);
    let shown: Vec<Line> = lines.into_iter().skip(scroll).collect();
    frame.render_widget(
        Paragraph::new(shown)
            .block(block)
            .wrap(Wrap { trim: false }),
        area,
    );
}

/// "j, Down, Ctrl-e": the keys of a command as the help shows them.
fn keys_of(keymap: &Keymap, command: Command) -> String {
    let keys: Vec<String> = keymap.keys(command).iter().map(|k| k.to_string()).collect();
    if keys.is_empty() {
        "(unbound)".to_string()
    } else {
        keys.join(", ")
    }
}

/// One line per command of `page`, grouped by section, then the problems.
pub fn help_lines(
    keymap: &Keymap,
    errors: &[String],
    theme: &Theme,
    page: Page,
) -> Vec<Line<'static>> {
    let column = Command::all()
        .filter(|c| c.works_on(page))
        .map(|c| width_of(&keys_of(keymap, c)))
        .max()
        .unwrap_or(0)
        .min(KEYS_COLS_MAX)
        + 2;
    let mut lines = Vec::new();
    for section in Section::ALL {
        let commands: Vec<Command> = Command::all()
            .filter(|c| c.works_on(page) && c.section_on(page) == section)
            .collect();
        if commands.is_empty() {
            continue;
        }
        if !lines.is_empty() {
            lines.push(Line::from(""));
        }
        lines.push(Line::from(Span::styled(section.title(), theme.title)));
        for command in commands {
            let keys = fit(&keys_of(keymap, command), KEYS_COLS_MAX);
            let pad = column.saturating_sub(width_of(&keys));
            lines.push(Line::from(vec![
                Span::styled(format!("  {keys}"), theme.here),
                Span::raw(" ".repeat(pad)),
                Span::raw(command.description_on(page)),
            ]));
        }
    }
    if !errors.is_empty() {
        lines.push(Line::from(""));
        lines.push(Line::from(Span::styled("Problems", theme.title)));
        for e in errors {
            lines.push(Line::from(Span::styled(
                format!("  {}", super::super::text::safe(e)),
                Style::new(),
            )));
        }
    }
    lines
}
