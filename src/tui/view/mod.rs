//! Drawing the reader: a pure function of the [`App`] state. One module per
//! part of the screen; every string passes [`safe`] on its way to ratatui.
//! The article page draws from a [`Scene`], so that a [`Reader`] held
//! elsewhere (the library's preview of the selected article) draws the
//! same way. The list pages draw themselves (`library_view`,
//! `actors_view`); the help over any page is generated here from the
//! keymap.

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
use super::keymap::Page;
use super::layout::{self, Mode, TINY_COLS, TINY_ROWS};
use super::reader::Reader;
use super::shelf::Shelf;
use super::text::safe;
use super::{actors_view, library_view};

/// What the article screen is drawn from.
#[derive(Clone, Copy)]
pub struct Scene<'a> {
    pub reader: &'a Reader,
    pub settings: &'a Settings,
    /// Problems found at start, listed in the help.
    pub errors: &'a [String],
    /// The article's number and how many are open (or listed), when more
    /// than one.
    pub article: Option<(usize, usize)>,
    /// Opened from the library: q goes back to it.
    pub library: bool,
    /// Drawn as the library's preview: no status line, no help.
    pub preview: bool,
}

impl<'a> Scene<'a> {
    pub fn of(app: &'a App) -> Self {
        let article = match app.shelf.as_deref() {
            Some(shelf) => {
                let rows = shelf.list.rows();
                shelf
                    .open
                    .and_then(|e| rows.iter().position(|&r| r == e))
                    .map(|i| (i + 1, rows.len()))
            }
            None => (app.articles.len() > 1).then_some((app.current + 1, app.articles.len())),
        };
        Scene {
            reader: &app.reader,
            settings: &app.settings,
            errors: &app.errors,
            article,
            library: app.shelf.is_some(),
            preview: false,
        }
    }
}

/// Draw the whole screen: the page on screen, and the help over it.
pub fn view(app: &App, frame: &mut Frame) {
    let area = frame.area();
    let shelf = app.shelf.as_deref();
    match (app.page, shelf) {
        (Page::Article, _) | (_, None) => draw(&Scene::of(app), frame),
        _ if area.width < TINY_COLS || area.height < TINY_ROWS => too_small(frame, area),
        (Page::Library, Some(shelf)) => library(app, shelf, frame),
        (Page::Actors, Some(shelf)) => match &shelf.actors {
            Some(screen) => {
                actors_view::view(screen, &shelf.library, &app.settings.keymap, frame);
            }
            None => library(app, shelf, frame),
        },
    }
    if app.page != Page::Article
        && let Some(scroll) = app.list_help
    {
        help::draw_page(&app.settings, &app.errors, app.page, scroll, frame, area);
    }
}

/// The library's list, and the selected article under it when it fits.
fn library(app: &App, shelf: &Shelf, frame: &mut Frame) {
    library_view::view(&shelf.list, &shelf.library, &app.settings.keymap, frame);
    let rows = shelf.list.rows().len();
    let Some(area) = library_view::areas(frame.area(), rows).preview else {
        return;
    };
    match shelf.preview_of_selection() {
        Some(reader) => {
            let scene = Scene {
                reader,
                settings: &app.settings,
                errors: &[],
                article: None,
                library: true,
                preview: true,
            };
            draw_in(&scene, frame, area);
        }
        None => no_preview(shelf, frame, area),
    }
}

/// In the preview's place: why there is none yet.
fn no_preview(shelf: &Shelf, frame: &mut Frame, area: Rect) {
    use crate::library::Status;
    let entry = shelf
        .list
        .selected_entry()
        .and_then(|e| shelf.library.entry(e));
    let text = match entry.map(|e| &e.status) {
        Some(Status::Pending) => "Being analysed…".to_string(),
        Some(Status::Failed(why)) => format!("⚠ {}", safe(why)),
        Some(Status::Analysed(_)) | None => String::new(),
    };
    let body = Rect {
        height: area.height.saturating_sub(1),
        ..area
    };
    frame.render_widget(
        Paragraph::new(text).wrap(Wrap { trim: true }).block(
            ratatui::widgets::Block::bordered().border_style(
                ratatui::style::Style::new().add_modifier(ratatui::style::Modifier::DIM),
            ),
        ),
        body,
    );
}

/// Draw the article page over the whole frame.
pub fn draw(scene: &Scene, frame: &mut Frame) {
    draw_in(scene, frame, frame.area());
}

/// Draw the article page in `area` (the reader's size).
pub fn draw_in(scene: &Scene, frame: &mut Frame, area: Rect) {
    let reader = scene.reader;
    let areas = layout::areas(
        area,
        reader.layout_choice,
        reader.focus.panel().is_some(),
        reader.shown,
    );
    if areas.mode == Mode::Tiny {
        too_small(frame, area);
        return;
    }
    let overlay = areas.mode == Mode::Narrow && reader.focus.panel().is_some();
    if !overlay {
        article::draw(scene, frame, &areas);
    }
    panels::draw(scene, frame, &areas);
    if scene.preview {
        return;
    }
    status::draw(scene, frame, areas.status);
    if let Some(scroll) = reader.help {
        help::draw_page(
            scene.settings,
            scene.errors,
            Page::Article,
            scroll,
            frame,
            area,
        );
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
