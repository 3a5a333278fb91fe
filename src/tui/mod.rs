//! The reader: a terminal UI over analysed articles.
//!
//! `app` holds the state of every page and its update (`reader` is the
//! article page, `library_view` the library's list, `actors_view` the
//! actors across the library, `shelf` the open library behind them),
//! `view` draws it, `keymap` turns keys into actions, `config` and `theme`
//! are the user's settings, `state` keeps reading positions, `screen`
//! writes frames with few bytes, `terminal` owns the terminal's modes. This
//! module runs the loop: events in, actions applied, the library's results
//! taken in on a tick, one frame drawn per burst of events.

pub mod actors_view;
pub mod app;
pub mod config;
pub mod find;
pub mod index;
pub mod input;
pub mod keymap;
pub mod layout;
pub mod library_view;
pub mod list_keys;
pub mod panels;
pub mod reader;
pub mod screen;
pub mod shelf;
pub mod state;
pub mod terminal;
pub mod text;
pub mod theme;
pub mod view;

#[cfg(test)]
mod fixture;

use std::io;
use std::panic::AssertUnwindSafe;
use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::crossterm::event::{
    KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

use crate::library::Library;
use crate::model::Article;
pub use app::{Action, App, Settings};
use input::{Input, Parser};
use keymap::{Command, Page};
pub use reader::{Focus, Reader};
use screen::{Screen, ScrollHint};
use state::Positions;
use terminal::{Keyboard, Signals, Wake};
use theme::{ColorChoice, Theme};

/// How the command line asked for the reader.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// `--mouse`: wheel and clicks (also `mouse = true` in the config).
    pub mouse: bool,
    /// `--color`; `None` leaves it to the config and the terminal.
    pub color: Option<ColorChoice>,
}

/// How the reader ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    Quit,
    /// Ended by this signal (a terminal that went away counts as SIGHUP).
    Signal(i32),
}

/// How long a lone ESC waits for the rest of a key sequence.
const ESC_WAIT: Duration = Duration::from_millis(25);
/// A resize waits this long for the next one of a burst (window dragging).
const RESIZE_SETTLE: Duration = Duration::from_millis(15);
/// ... but never longer than this in all.
const RESIZE_MAX_WAIT: Duration = Duration::from_millis(80);
/// The library's results are taken in at least this often.
const TICK_AT_LEAST: Duration = Duration::from_millis(250);

/// What the program opens.
pub enum Opening {
    /// Articles named on the command line: the article page, `]` and `[`
    /// step through them; `errors` are the files that could not be read.
    Articles {
        articles: Vec<Article>,
        errors: Vec<String>,
    },
    /// A folder: the library's list first.
    Folder(Box<Library>),
}

/// Open the reader on what `opening` says until the user quits or a signal
/// ends it. The terminal is restored and the reading position saved on
/// every way out, panics included.
pub fn open(opening: Opening, options: Options) -> io::Result<Exit> {
    check_terminal()?;
    let (settings, messages, positions) = prepare(options);
    let keyboard = Keyboard::open()?;
    let signals = Signals::register()?;
    terminal::enter(settings.mouse)?;
    let mut term = match Screen::new(io::stdout()).and_then(Terminal::new) {
        Ok(t) => t,
        Err(e) => {
            terminal::restore();
            return Err(e);
        }
    };
    let size = term.size().unwrap_or_default();
    let (width, height) = (size.width, size.height);
    let mut app = match opening {
        Opening::Articles {
            articles,
            mut errors,
        } => {
            errors.extend(messages);
            App::with_settings(articles, errors, width, height, settings, positions)
        }
        Opening::Folder(library) => {
            App::with_library(*library, messages, width, height, settings, positions)
        }
    };
    let outcome = std::panic::catch_unwind(AssertUnwindSafe(|| {
        event_loop(&mut term, &mut app, &keyboard, &signals)
    }));
    app.remember_position();
    let saved = app.positions.save();
    // the library's background work stops and saves its cache (within one
    // file's analysis) while the terminal is still ours
    drop(app);
    terminal::restore();
    if let Err(message) = saved {
        eprintln!("dossier: {message}");
    }
    match outcome {
        Ok(result) => result,
        Err(panic) => std::panic::resume_unwind(panic),
    }
}

/// The reader needs standard output to be a terminal.
pub fn check_terminal() -> io::Result<()> {
    use std::io::IsTerminal;
    if io::stdout().is_terminal() {
        Ok(())
    } else {
        Err(io::Error::other(
            "standard output is not a terminal; use `dossier export` to print an article",
        ))
    }
}

/// Settings from the config file and the terminal, the saved positions,
/// and messages about anything that went wrong reading them.
fn prepare(options: Options) -> (Settings, Vec<String>, Positions) {
    let (config, mut messages) = match config::path() {
        Some(p) => config::load(&p),
        None => (config::Config::default(), Vec::new()),
    };
    let choice = options.color.unwrap_or(config.color);
    let depth = theme::detect(choice, |name| std::env::var(name).ok());
    let mut theme = Theme::new(depth);
    config.theme.apply(&mut theme);
    let (positions, message) = match state::path() {
        Some(p) => Positions::load(p),
        None => (Positions::in_memory(), None),
    };
    messages.extend(message);
    let settings = Settings {
        keymap: config.keymap,
        theme,
        mouse: options.mouse || config.mouse,
        layout: config.layout,
    };
    (settings, messages, positions)
}

type Term = Terminal<Screen<io::Stdout>>;

fn event_loop(
    term: &mut Term,
    app: &mut App,
    keyboard: &Keyboard,
    signals: &Signals,
) -> io::Result<Exit> {
    if terminal::may_ask_for_margins() {
        term.backend_mut().send_raw(terminal::ASK_MARGINS);
    }
    term.clear()?;
    if let Some(exit) = hung_up(draw(term, app))? {
        return Ok(exit);
    }
    let mut parser = Parser::default();
    let mut buf = vec![0u8; 16 * 1024];
    let mut ticked = Instant::now();
    loop {
        let wait = match (parser.pending().then_some(ESC_WAIT), app.tick_wait()) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        let wake = terminal::wait(keyboard, signals, wait)?;
        if wake.exit {
            return Ok(Exit::Signal(signals.which()));
        }
        let before = Before::of(app);
        let mut changed = false;
        if wake.resize {
            let (width, height) = settle_resize(signals)?;
            app.update(Action::Resize { width, height });
            changed = true;
        }
        if wake.keys {
            match keyboard.read(&mut buf) {
                Ok(0) | Err(_) => return Ok(Exit::Signal(signal_hook::consts::SIGHUP)),
                Ok(n) => parser.feed(&buf[..n]),
            }
        } else if wake.hangup {
            return Ok(Exit::Signal(signal_hook::consts::SIGHUP));
        }
        let flush = wake == Wake::default();
        // each input is read in the mode the one before it left (a key
        // typed ahead after `/` goes to the prompt)
        while let Some(input) = parser.next(flush) {
            match input {
                // the terminal can scroll a rectangle (left/right margins)
                Input::Mode {
                    mode: 69,
                    state: 1 | 2,
                } => {
                    terminal::note_margins();
                    term.backend_mut().enable_margins();
                    ratatui::backend::Backend::flush(term.backend_mut())?;
                }
                other => {
                    if let Some(action) = action_for(app, &other) {
                        app.update(action);
                        changed = true;
                        if app.quit {
                            return Ok(Exit::Quit);
                        }
                    }
                }
            }
        }
        // the library's results: when nothing else came, and at least at
        // a steady pace while keys keep coming
        if flush || ticked.elapsed() >= TICK_AT_LEAST {
            ticked = Instant::now();
            changed |= app.tick();
        }
        if !changed {
            continue;
        }
        if std::mem::take(&mut app.suspend) {
            // save first: a stopped reader may never be resumed
            let _ = app.positions.save();
            terminal::suspend(app.settings.mouse)?;
            term.backend_mut().resume();
            term.clear()?;
        }
        if let Some(text) = app.reader.clipboard.take() {
            term.backend_mut().send_raw(&terminal::clipboard(&text));
        }
        if let Some(hint) = before.scroll_hint(app) {
            term.backend_mut().hint_scroll(hint);
        }
        if let Some(exit) = hung_up(draw(term, app))? {
            return Ok(exit);
        }
    }
}

/// A frame that cannot be written because the terminal went away ends the
/// reader as a hang-up does; other errors stay errors.
fn hung_up(drawn: io::Result<()>) -> io::Result<Option<Exit>> {
    const EIO: i32 = 5;
    const ENXIO: i32 = 6;
    match drawn {
        Ok(()) => Ok(None),
        Err(e)
            if e.kind() == io::ErrorKind::BrokenPipe
                || matches!(e.raw_os_error(), Some(EIO | ENXIO)) =>
        {
            Ok(Some(Exit::Signal(signal_hook::consts::SIGHUP)))
        }
        Err(e) => Err(e),
    }
}

/// After a SIGWINCH: wait out the rest of a burst, then read the size once.
fn settle_resize(signals: &Signals) -> io::Result<(u16, u16)> {
    let start = Instant::now();
    while start.elapsed() < RESIZE_MAX_WAIT && signals.wait_resize(RESIZE_SETTLE)? {}
    ratatui::crossterm::terminal::size()
}

/// Render the app and send the frame: the whole new screen goes to
/// [`Screen::present`], which compares it with what the terminal shows.
fn draw(term: &mut Term, app: &App) -> io::Result<()> {
    term.autoresize()?;
    let mut frame = term.get_frame();
    view::view(app, &mut frame);
    let mut next = std::mem::take(term.current_buffer_mut());
    let presented = term.backend_mut().present(&mut next);
    *term.current_buffer_mut() = next;
    term.swap_buffers();
    presented?;
    term.hide_cursor()?;
    ratatui::backend::Backend::flush(term.backend_mut())
}

/// The action an input asks for, given the page and what it is doing.
pub fn action_for(app: &App, input: &Input) -> Option<Action> {
    match (app.page, input) {
        (_, Input::Focus(gained)) => gained.then_some(Action::Rescan),
        (Page::Article, _) => reader_action(&app.reader, &app.settings, input),
        (page, _) => list_action(app, page, input),
    }
}

/// The action a key asks of a list page: the help, suspend and exit keys
/// first, else the page's own.
fn list_action(app: &App, page: Page, input: &Input) -> Option<Action> {
    let key = match input {
        Input::Key(key) => key,
        Input::Mouse(m) if app.settings.mouse && app.list_help.is_none() => {
            return list_mouse(page, m);
        }
        _ => return None,
    };
    let shelf = app.shelf.as_deref()?;
    let keymap = &app.settings.keymap;
    let typing = match page {
        Page::Library => shelf.list.filter.editing,
        _ => shelf.actors.as_ref().is_some_and(|a| a.filter.editing),
    };
    if app.list_help.is_some() {
        return keymap.command_on(page, key).and_then(Command::action);
    }
    // a filter being typed takes the letters, not Ctrl-z or Ctrl-c
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    match keymap.command_on(page, key) {
        Some(c @ (Command::Suspend | Command::Exit)) if ctrl || !typing => return c.action(),
        Some(Command::Help) if !typing => return Some(Action::Help),
        _ => {}
    }
    match page {
        Page::Library => shelf.list.action_for(keymap, key).map(Action::Library),
        _ => shelf
            .actors
            .as_ref()?
            .action_for(keymap, key)
            .map(Action::Actors),
    }
}

/// The action an input asks of the article screen: keys go to the find
/// prompt while it is open, else through the keymap.
pub fn reader_action(reader: &Reader, settings: &Settings, input: &Input) -> Option<Action> {
    match input {
        Input::Key(key) if reader.find.editing => prompt_action(key),
        Input::Key(key) => settings.keymap.command(key).and_then(Command::action),
        Input::Mouse(m) if settings.mouse => match m.kind {
            MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => Some(Action::Wheel {
                column: m.column,
                row: m.row,
                down: m.kind == MouseEventKind::ScrollDown,
            }),
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click {
                column: m.column,
                row: m.row,
            }),
            _ => None,
        },
        _ => None,
    }
}
/// The mouse on a list page: the wheel moves the selection three rows, a
/// left click selects (or opens) what it lands on.
fn list_mouse(page: Page, m: &MouseEvent) -> Option<Action> {
    use actors_view::ActorsAction;
    use library_view::LibraryAction;
    use list_keys::Nav;
    let (column, row) = (m.column, m.row);
    let nav = match m.kind {
        MouseEventKind::ScrollDown => Nav::Down(3),
        MouseEventKind::ScrollUp => Nav::Up(3),
        MouseEventKind::Down(MouseButton::Left) => {
            return Some(match page {
                Page::Library => Action::Library(LibraryAction::Click { column, row }),
                _ => Action::Actors(ActorsAction::Click { column, row }),
            });
        }
        _ => return None,
    };
    Some(match page {
        Page::Library => Action::Library(LibraryAction::Nav(nav)),
        _ => Action::Actors(ActorsAction::Nav(nav)),
    })
}

/// Keys while the find prompt is open.
fn prompt_action(key: &KeyEvent) -> Option<Action> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    match key.code {
        KeyCode::Char('c') if ctrl => Some(Action::Exit),
        KeyCode::Char(_) if ctrl || key.modifiers.contains(KeyModifiers::ALT) => None,
        KeyCode::Char(c) => Some(Action::FindInput(c)),
        KeyCode::Backspace => Some(Action::FindBackspace),
        KeyCode::Enter => Some(Action::FindConfirm),
        KeyCode::Esc => Some(Action::FindCancel),
        _ => None,
    }
}

/// What the screen looked like before a burst of actions, to tell the
/// output layer when the text merely scrolled.
struct Before {
    page: Page,
    article: (usize, Option<usize>),
    scroll: usize,
    areas: layout::Areas,
    overlays: (bool, bool),
}

impl Before {
    fn of(app: &App) -> Self {
        Before {
            page: app.page,
            article: (app.current, app.shelf.as_ref().and_then(|s| s.open)),
            scroll: app.reader.scroll,
            areas: app.reader.areas(),
            overlays: (
                app.reader.help.is_some(),
                app.reader.focus.panel().is_some(),
            ),
        }
    }

    fn scroll_hint(&self, app: &App) -> Option<ScrollHint> {
        let r = &app.reader;
        let same_screen = self.page == Page::Article
            && app.page == Page::Article
            && self.article == (app.current, app.shelf.as_ref().and_then(|s| s.open))
            && self.areas == r.areas()
            && !self.overlays.0
            && r.help.is_none()
            && (self.areas.mode != layout::Mode::Narrow || !self.overlays.1)
            && self.areas.mode != layout::Mode::Tiny;
        let lines = i32::try_from(r.scroll).ok()? - i32::try_from(self.scroll).ok()?;
        let body = self.areas.body;
        (same_screen && lines != 0 && lines.unsigned_abs() < u32::from(body.height)).then_some(
            ScrollHint {
                top: body.y,
                bottom: body.y + body.height,
                left: body.x,
                right: body.x + body.width,
                lines,
            },
        )
    }
}
