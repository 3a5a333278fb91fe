//! The program's state and how actions change it: the page on screen (an
//! article, the library's list, the actors across the library), the
//! articles opened on the command line or the library of a folder, the
//! settings, and the reading positions. Nothing here touches the terminal:
//! tests drive [`App::update`] with [`Action`]s and read the state.

use super::actors_view::{ActorsAction, ActorsOutcome, ActorsScreen, Scope as ActorsScope};
use super::keymap::{Command, Keymap, Page};
use super::layout::LayoutChoice;
use super::library_view::{LibraryAction, LibraryOutcome, LibraryScreen};
use super::list_keys::Nav;
use super::reader::{Message, Outcome, Reader};
use super::shelf::Shelf;
use super::state::{self, Positions, Saved};
use super::theme::Theme;
use crate::library::Library;
use crate::library::actors::Appearance;
use crate::model::Article;

/// Everything a key, the mouse or the terminal can ask of the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Scroll the text (or move in the focused panel) by lines.
    Down(usize),
    Up(usize),
    PageDown,
    PageUp,
    HalfPageDown,
    HalfPageUp,
    Top,
    Bottom,
    /// Move the current paragraph (`}` and `{`).
    NextParagraph,
    PrevParagraph,
    /// Move focus between the text and the panels.
    FocusNext,
    FocusPrev,
    /// Enter: go to the selected quote, position or mention.
    Select,
    /// Esc: close, clear, or leave the article.
    Back,
    /// Panels list this paragraph only, or the whole article.
    ToggleScope,
    /// Show the panels as an overlay (narrow terminals).
    TogglePanels,
    /// Open the find prompt.
    Find,
    FindNext,
    FindPrev,
    /// Keys typed into the find prompt.
    FindInput(char),
    FindBackspace,
    FindConfirm,
    FindCancel,
    ToggleRemoved,
    Copy,
    Help,
    NextArticle,
    PrevArticle,
    /// Give the terminal back to the shell until `fg`.
    Suspend,
    /// Close the page: back to the library from an article opened there,
    /// else quit.
    Quit,
    /// Quit from any page.
    Exit,
    /// The selected actor (or the article's actors) across the library.
    ActorAcross,
    /// A key on the library's list.
    Library(LibraryAction),
    /// A key on the actors across the library.
    Actors(ActorsAction),
    /// The terminal changed size.
    Resize {
        width: u16,
        height: u16,
    },
    /// Look at the library's folder again now (the terminal came back into
    /// focus: files may have been saved meanwhile).
    Rescan,
    /// Mouse (only when switched on).
    Click {
        column: u16,
        row: u16,
    },
    Wheel {
        column: u16,
        row: u16,
        down: bool,
    },
}

/// How the reader looks and answers keys.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    pub keymap: Keymap,
    pub theme: Theme,
    pub mouse: bool,
    pub layout: LayoutChoice,
}

/// The reader's state.
#[derive(Debug)]
pub struct App {
    pub articles: Vec<Article>,
    /// The article on screen.
    pub current: usize,
    pub reader: Reader,
    pub settings: Settings,
    /// Inputs that could not be opened, config problems: shown at start
    /// and listed in the help.
    pub errors: Vec<String>,
    pub positions: Positions,
    pub quit: bool,
    /// The user asked to suspend (the terminal layer does it).
    pub suspend: bool,
    /// The page on screen.
    pub page: Page,
    /// The library, when a folder was opened.
    pub shelf: Option<Box<Shelf>>,
    /// The help over a list page, scrolled this far.
    pub list_help: Option<usize>,
}

impl App {
    /// The reader on `articles` with the default settings and nothing
    /// saved, on a `width` x `height` screen.
    pub fn new(articles: Vec<Article>, errors: Vec<String>, width: u16, height: u16) -> Self {
        App::with_settings(
            articles,
            errors,
            width,
            height,
            Settings::default(),
            Positions::in_memory(),
        )
    }

    /// The reader with settings and saved reading positions.
    pub fn with_settings(
        mut articles: Vec<Article>,
        errors: Vec<String>,
        width: u16,
        height: u16,
        settings: Settings,
        positions: Positions,
    ) -> Self {
        if articles.is_empty() {
            articles.push(empty_article());
        }
        let reader = Reader::new(articles[0].clone(), width, height, settings.layout);
        let mut app = App {
            articles,
            current: 0,
            reader,
            settings,
            errors,
            positions,
            quit: false,
            suspend: false,
            page: Page::Article,
            shelf: None,
            list_help: None,
        };
        app.restore_position();
        app.reader.message = first_problem(&app.errors).map(|text| Message { text, error: true });
        app
    }

    /// The library of `library`'s folder, its list first, on a `width` x
    /// `height` screen.
    pub fn with_library(
        library: Library,
        errors: Vec<String>,
        width: u16,
        height: u16,
        settings: Settings,
        positions: Positions,
    ) -> Self {
        let mut app =
            App::with_settings(Vec::new(), Vec::new(), width, height, settings, positions);
        let mut list = LibraryScreen::new(&library, width, height);
        list.message = first_problem(&errors);
        app.errors = errors;
        app.shelf = Some(Box::new(Shelf::new(library, list)));
        app.page = Page::Library;
        app
    }

    /// The article on screen.
    pub fn article(&self) -> &Article {
        &self.reader.article
    }

    /// Apply one action.
    pub fn update(&mut self, action: Action) {
        match action {
            Action::Exit => {
                self.remember_position();
                self.quit = true;
            }
            Action::Suspend => {
                self.remember_position();
                self.suspend = true;
            }
            Action::Resize { width, height } => self.resize(width, height),
            Action::Rescan => {
                if let Some(shelf) = self.shelf.as_mut() {
                    shelf.library.rescan();
                }
            }
            _ if self.page != Page::Article && self.list_help.is_some() => self.scroll_help(action),
            Action::Help if self.page != Page::Article => self.list_help = Some(0),
            Action::Library(a) => self.update_library(a),
            Action::Actors(a) => self.update_actors(a),
            _ if self.page == Page::Article => self.update_article(action),
            _ => {}
        }
    }

    fn update_article(&mut self, action: Action) {
        match action {
            Action::Quit if self.shelf.is_some() => self.leave_article(),
            Action::Quit => {
                self.remember_position();
                self.quit = true;
            }
            Action::NextArticle if self.shelf.is_some() => self.open_neighbour(Nav::Down(1)),
            Action::PrevArticle if self.shelf.is_some() => self.open_neighbour(Nav::Up(1)),
            Action::NextArticle => self.open(self.current + 1),
            Action::PrevArticle => self.open(self.current.saturating_sub(1)),
            Action::ActorAcross => self.actor_across(),
            _ => {
                if self.reader.update(action) == Outcome::Leave {
                    if self.shelf.is_some() {
                        self.leave_article();
                        return;
                    }
                    let quit = self.settings.keymap.first_key(Command::Quit);
                    let hint = quit.map_or(String::new(), |k| format!(": {k} quits"));
                    self.reader.message = Some(Message {
                        text: format!("Nothing more to close{hint}"),
                        error: false,
                    });
                }
            }
        }
    }

    /// Keys while the help is over a list page.
    fn scroll_help(&mut self, action: Action) {
        let at = self.list_help.unwrap_or(0);
        let page = usize::from(self.reader.height.saturating_sub(4)).max(1);
        self.list_help = match action {
            Action::Down(n) => Some(at.saturating_add(n)),
            Action::Up(n) => Some(at.saturating_sub(n)),
            Action::PageDown | Action::HalfPageDown => Some(at + page),
            Action::PageUp | Action::HalfPageUp => Some(at.saturating_sub(page)),
            Action::Top => Some(0),
            Action::Bottom => Some(usize::MAX / 2),
            Action::Help | Action::Back | Action::Quit => None,
            _ => Some(at),
        };
    }

    fn resize(&mut self, width: u16, height: u16) {
        self.reader.update(Action::Resize { width, height });
        if let Some(shelf) = self.shelf.as_mut() {
            shelf.resize(width, height);
        }
    }

    fn update_library(&mut self, action: LibraryAction) {
        let Some(shelf) = self.shelf.as_mut() else {
            return;
        };
        match shelf.list.update(&mut shelf.library, action) {
            LibraryOutcome::Stay => {}
            LibraryOutcome::Open { entry } => self.open_entry(entry, None, Page::Library),
            LibraryOutcome::Actors { entry } => {
                let scope = entry.map_or(ActorsScope::All, ActorsScope::Article);
                self.show_actors(scope, None, Page::Library);
            }
            LibraryOutcome::Quit => {
                self.remember_position();
                self.quit = true;
            }
        }
    }

    fn update_actors(&mut self, action: ActorsAction) {
        let Some(shelf) = self.shelf.as_mut() else {
            return;
        };
        let Some(screen) = shelf.actors.as_mut() else {
            return;
        };
        match screen.update(&shelf.library, action) {
            ActorsOutcome::Stay => {}
            ActorsOutcome::Open {
                entry,
                paragraph,
                actor,
            } => {
                // the article page this one came from is replaced: back
                // from the actors now goes to the list
                shelf.actors_from = Page::Library;
                self.open_entry(entry, Some((paragraph, actor)), Page::Actors);
            }
            ActorsOutcome::Back => {
                self.page = shelf.actors_from;
                shelf.list.refresh(&shelf.library);
            }
            ActorsOutcome::Quit => {
                self.remember_position();
                self.quit = true;
            }
        }
    }

    /// Show the actors across the library, `at` selected, coming `from` a
    /// page that Back returns to.
    fn show_actors(&mut self, scope: ActorsScope, at: Option<Appearance>, from: Page) {
        let Some(shelf) = self.shelf.as_mut() else {
            return;
        };
        let (width, height) = (self.reader.width, self.reader.height);
        let keep = shelf.actors.take().filter(|s| s.scope == scope);
        let mut screen =
            keep.unwrap_or_else(|| ActorsScreen::new(&shelf.library, scope, width, height));
        screen.update(&shelf.library, ActorsAction::Resize { width, height });
        screen.refresh(&shelf.library);
        if let Some(at) = at {
            screen.select_appearance(&shelf.library, at);
        }
        shelf.actors = Some(screen);
        shelf.actors_from = from;
        self.page = Page::Actors;
    }

    /// From an article: its selected actor across the library (or all its
    /// actors when none is selected).
    fn actor_across(&mut self) {
        let Some(entry) = self.shelf.as_ref().and_then(|s| s.open) else {
            self.reader.message = Some(Message {
                text: "Actors across articles need a folder: open dossier on one".into(),
                error: true,
            });
            return;
        };
        self.remember_position();
        match self.reader.chosen_actor() {
            Some(actor) => self.show_actors(
                ActorsScope::All,
                Some(Appearance { entry, actor }),
                Page::Article,
            ),
            None => self.show_actors(ActorsScope::Article(entry), None, Page::Article),
        }
    }

    /// Open entry `entry` of the library on the article page, at its saved
    /// place or at a paragraph (with an actor highlighted); q comes back to
    /// `from`.
    fn open_entry(&mut self, entry: usize, at: Option<(usize, Option<usize>)>, from: Page) {
        let Some(shelf) = self.shelf.as_mut() else {
            return;
        };
        let article = match shelf.take_preview(entry) {
            Some(article) => Ok(article),
            None => shelf.library.article(entry),
        };
        let article = match article {
            Ok(a) => a,
            Err(e) => {
                let text = e.to_string();
                match shelf.actors.as_mut() {
                    Some(s) if from == Page::Actors => s.message = Some(text),
                    _ => shelf.list.message = Some(text),
                }
                return;
            }
        };
        shelf.library.set_read(entry, true);
        shelf.list.refresh(&shelf.library);
        shelf.open = Some(entry);
        shelf.article_from = from;
        self.remember_position();
        let (width, height) = (self.reader.width, self.reader.height);
        self.reader = Reader::new(article, width, height, self.settings.layout);
        match at {
            Some((paragraph, actor)) => self.reader.open_at(paragraph, actor),
            None => self.restore_position(),
        }
        self.page = Page::Article;
        let title = super::text::safe(&self.reader.article.title).into_owned();
        let back = self
            .settings
            .keymap
            .first_key(Command::Quit)
            .map_or(String::new(), |k| format!(" · {k} back"));
        self.reader.message = Some(Message {
            text: format!("{title}{back}"),
            error: false,
        });
    }

    /// The next or previous row of the library's list, on the article page.
    fn open_neighbour(&mut self, nav: Nav) {
        let Some(shelf) = self.shelf.as_mut() else {
            return;
        };
        let before = shelf.list.selected_entry();
        shelf
            .list
            .update(&mut shelf.library, LibraryAction::Nav(nav));
        match shelf.list.selected_entry() {
            Some(entry) if Some(entry) != before => self.open_entry(entry, None, Page::Library),
            _ => {}
        }
    }

    /// Back from the article to the page it was opened from.
    fn leave_article(&mut self) {
        self.remember_position();
        if let Some(shelf) = self.shelf.as_mut() {
            let from = shelf.article_from;
            self.page = if from == Page::Actors && shelf.actors.is_some() {
                Page::Actors
            } else {
                Page::Library
            };
            shelf.list.refresh(&shelf.library);
        }
    }

    /// Take in what the library's background work delivered, and load the
    /// preview of the selected article; whether the screen changed.
    pub fn tick(&mut self) -> bool {
        let Some(shelf) = self.shelf.as_mut() else {
            return false;
        };
        let changed = shelf.take_results();
        match self.page {
            // the article page shows nothing of the library
            Page::Article => false,
            Page::Library => changed | shelf.load_preview(&self.settings, &self.positions),
            Page::Actors => changed,
        }
    }

    /// How long the loop may wait for keys before [`App::tick`] is due.
    pub fn tick_wait(&self) -> Option<std::time::Duration> {
        self.shelf
            .as_ref()
            .map(|s| s.tick_wait(self.page == Page::Library))
    }

    /// Switch to the article at `index`, keeping the place in the one left.
    fn open(&mut self, index: usize) {
        if index >= self.articles.len() || index == self.current {
            return;
        }
        self.remember_position();
        let (width, height) = (self.reader.width, self.reader.height);
        self.current = index;
        self.reader = Reader::new(
            self.articles[index].clone(),
            width,
            height,
            self.settings.layout,
        );
        self.restore_position();
        let title = super::text::safe(&self.reader.article.title).into_owned();
        self.reader.message = Some(Message {
            text: format!("Article {}/{}: {title}", index + 1, self.articles.len()),
            error: false,
        });
    }

    /// Note where reading stands in the article on screen.
    pub fn remember_position(&mut self) {
        let Some(key) = state::key_for(&self.reader.article.source) else {
            return;
        };
        if let Some((paragraph, offset)) = self.reader.saved_place() {
            let current = self
                .reader
                .current
                .and_then(|p| self.reader.article.paragraphs.get(p))
                .map(|p| p.index);
            self.positions.set(
                key,
                Saved {
                    paragraph,
                    offset,
                    current,
                    seen: 0,
                },
            );
        }
    }

    fn restore_position(&mut self) {
        let saved =
            state::key_for(&self.reader.article.source).and_then(|k| self.positions.get(&k));
        if let Some(s) = saved {
            self.reader.restore(s.paragraph, s.offset, s.current);
        }
    }
}

/// The first problem found at start, for the status line: "x (and 2
/// more: see help)".
fn first_problem(errors: &[String]) -> Option<String> {
    let first = errors.first()?;
    let more = match errors.len() {
        1 => String::new(),
        n => format!(" (and {} more: see help)", n - 1),
    };
    Some(format!("{first}{more}"))
}

/// What the reader shows when it was given no article.
fn empty_article() -> Article {
    Article {
        schema: crate::model::SCHEMA.into(),
        source: String::new(),
        title: "No articles to show".into(),
        dateline: None,
        byline: None,
        date: None,
        paragraphs: Vec::new(),
        removed: Vec::new(),
        actors: Vec::new(),
        quotes: Vec::new(),
        positions: Vec::new(),
    }
}
