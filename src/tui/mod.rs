//! The reader: a terminal UI over analysed articles. `app` holds the state
//! and its update; `view` draws it; `keymap` turns keys into actions; this
//! module runs the loop and owns the terminal.

pub mod actors_view;
pub mod app;
pub mod keymap;
pub mod library_view;
pub mod list_keys;
pub mod view;

use std::io;

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, Event};

use crate::model::Article;
pub use app::{Action, App, Focus};

/// Open the reader on `articles` until the user quits. The terminal is
/// restored on return and on panic.
pub fn run(articles: Vec<Article>, errors: Vec<String>) -> io::Result<()> {
    let mut terminal = ratatui::try_init()?;
    let result = event_loop(&mut terminal, articles, errors);
    ratatui::restore();
    result
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    articles: Vec<Article>,
    errors: Vec<String>,
) -> io::Result<()> {
    let size = terminal.size()?;
    let mut app = App::new(articles, errors, size.width, size.height);
    terminal.draw(|f| view::view(&app, f))?;
    while !app.quit {
        let action = match event::read()? {
            Event::Key(key) => keymap::action_for(&key),
            Event::Resize(width, height) => Some(Action::Resize { width, height }),
            _ => None,
        };
        if let Some(action) = action {
            app.update(action);
            if !app.quit {
                terminal.draw(|f| view::view(&app, f))?;
            }
        }
    }
    Ok(())
}
