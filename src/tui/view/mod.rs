//! Drawing the reader: a pure function of the [`App`] state. One module per
//! part of the screen; every string passes [`safe`] on its way to ratatui.
//! The article screen draws from a [`Scene`], so that a caller holding a
//! [`Reader`] of its own (the library) can draw it too.

mod article;
mod help;
mod panels;
mod status;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};
use unicode_width::UnicodeWidthChar;

use super::app::{App, Settings};
use super::layout::{self, Mode, TINY_COLS, TINY_ROWS};
use super::reader::Reader;
use super::text::safe;

/// What the article screen is drawn from.
#[derive(Clone, Copy)]
pub struct Scene<'a> {
    pub reader: &'a Reader,
    pub settings: &'a Settings,
    /// Problems found at start, listed in the help.
    pub errors: &'a [String],
    /// The article's number and how many are open, when more than one.
    pub article: Option<(usize, usize)>,
}

impl<'a> Scene<'a> {
    pub fn of(app: &'a App) -> Self {
        Scene {
            reader: &app.reader,
            settings: &app.settings,
            errors: &app.errors,
            article: (app.articles.len() > 1).then_some((app.current + 1, app.articles.len())),
        }
    }
}

/// Draw the whole screen.
pub fn view(app: &App, frame: &mut Frame) {
    draw(&Scene::of(app), frame);
}

/// Draw the article screen.
pub fn draw(scene: &Scene, frame: &mut Frame) {
    let reader = scene.reader;
    let areas = layout::areas(
        frame.area(),
        reader.layout_choice,
        reader.focus.panel().is_some(),
        reader.shown,
    );
    if areas.mode == Mode::Tiny {
        too_small(frame, frame.area());
        return;
    }
    let overlay = areas.mode == Mode::Narrow && reader.focus.panel().is_some();
    if !overlay {
        article::draw(scene, frame, &areas);
    }
    panels::draw(scene, frame, &areas);
    status::draw(scene, frame, areas.status);
    if reader.help.is_some() {
        help::draw(scene, frame, frame.area());
    }
}

fn too_small(frame: &mut Frame, area: Rect) {
    let text = vec![
        Line::from("Terminal too small"),
        Line::from(format!(
            "{}x{}: dossier needs {TINY_COLS}x{TINY_ROWS}",
            area.width, area.height
        )),
    ];
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), area);
}

/// `text` made safe and cut to `width` columns, with `…` when cut.
pub fn fit(text: &str, width: usize) -> String {
    let text = safe(text);
    let mut out = String::new();
    let mut used = 0;
    let total: usize = text.chars().map(|c| c.width().unwrap_or(0)).sum();
    if total <= width {
        return text.into_owned();
    }
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// Display width of a string.
fn width_of(text: &str) -> usize {
    text.chars().map(|c| c.width().unwrap_or(0)).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fitting_cuts_by_columns_and_marks_the_cut() {
        assert_eq!(fit("Florence Parly", 20), "Florence Parly");
        assert_eq!(fit("Florence Parly", 9), "Florence…");
        assert_eq!(fit("東京の会議", 5), "東京…");
        assert_eq!(fit("abc", 0), "");
        assert_eq!(fit("a\u{1b}[2Jb", 5), "ab");
    }
}
