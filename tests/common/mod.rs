//! Helpers shared by the reader's tests: the seed article in an app, and
//! the screen as text (with the styled runs listed, so that highlights show
//! in snapshots).

#![allow(dead_code)]

use dossier::tui::{App, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier, Style};

pub const SEED: &str = "articles/mali-russian-mercenaries.txt";

pub fn seed_article() -> dossier::Article {
    dossier::load(std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/articles/mali-russian-mercenaries.txt"
    )))
    .expect("seed loads")
}

/// The seed in the reader on a `width` x `height` screen.
pub fn seed_app(width: u16, height: u16) -> App {
    let mut a = seed_article();
    a.source = SEED.to_string();
    App::new(vec![a], Vec::new(), width, height)
}

pub fn render(app: &App) -> Buffer {
    let (w, h) = (app.reader.width, app.reader.height);
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    t.draw(|f| view::view(app, f)).expect("draw");
    t.backend().buffer().clone()
}

/// The screen's text, one line per row.
pub fn screen(app: &App) -> String {
    text_of(&render(app))
}

pub fn text_of(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut skip = 0;
        for x in 0..buf.area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let s = buf[(x, y)].symbol();
            skip = unicode_width::UnicodeWidthStr::width(s).saturating_sub(1);
            out.push_str(s);
        }
        out.push('\n');
    }
    out
}

/// The screen's text followed by its styled runs: `row col..col style`.
pub fn screen_with_styles(app: &App) -> String {
    let buf = render(app);
    let mut out = text_of(&buf);
    out.push_str("--- styles ---\n");
    for y in 0..buf.area.height {
        let mut x = 0;
        while x < buf.area.width {
            let style = buf[(x, y)].style();
            let start = x;
            while x < buf.area.width && buf[(x, y)].style() == style {
                x += 1;
            }
            if style
                != Style::new()
                    .fg(Color::Reset)
                    .bg(Color::Reset)
                    .underline_color(Color::Reset)
            {
                out.push_str(&format!("{y:>2} {start:>3}..{x:<3} {}\n", describe(style)));
            }
        }
    }
    out
}

fn describe(s: Style) -> String {
    let mut parts = Vec::new();
    if let Some(fg) = s.fg.filter(|c| *c != Color::Reset) {
        parts.push(format!("fg={fg}"));
    }
    if let Some(bg) = s.bg.filter(|c| *c != Color::Reset) {
        parts.push(format!("bg={bg}"));
    }
    let m = s.add_modifier - s.sub_modifier;
    for (flag, name) in [
        (Modifier::BOLD, "bold"),
        (Modifier::DIM, "dim"),
        (Modifier::ITALIC, "italic"),
        (Modifier::UNDERLINED, "underlined"),
        (Modifier::REVERSED, "reversed"),
    ] {
        if m.contains(flag) {
            parts.push(name.to_string());
        }
    }
    parts.join(" ")
}
