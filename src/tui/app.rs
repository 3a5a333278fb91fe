//! The reader's state and how actions change it: the articles that were
//! opened, the article screen showing one of them, the settings, and the
//! reading positions. Nothing here touches the terminal: tests drive
//! [`App::update`] with [`Action`]s and read the state.

use super::keymap::Keymap;
use super::layout::LayoutChoice;
use super::reader::{Message, Outcome, Reader};
use super::state::{self, Positions, Saved};
use super::theme::Theme;
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
    Quit,
    /// The terminal changed size.
    Resize {
        width: u16,
        height: u16,
    },
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
        };
        app.restore_position();
        if let Some(first) = app.errors.first() {
            let more = match app.errors.len() {
                1 => String::new(),
                n => format!(" (and {} more: see help)", n - 1),
            };
            app.reader.message = Some(Message {
                text: format!("{first}{more}"),
                error: true,
            });
        }
        app
    }

    /// The article on screen.
    pub fn article(&self) -> &Article {
        &self.reader.article
    }

    /// Apply one action.
    pub fn update(&mut self, action: Action) {
        match action {
            Action::Quit => {
                self.remember_position();
                self.quit = true;
            }
            Action::Suspend => {
                self.remember_position();
                self.suspend = true;
            }
            Action::NextArticle => self.open(self.current + 1),
            Action::PrevArticle => self.open(self.current.saturating_sub(1)),
            _ => {
                if self.reader.update(action) == Outcome::Leave {
                    let quit = self.settings.keymap.first_key(super::keymap::Command::Quit);
                    let hint = quit.map_or(String::new(), |k| format!(": {k} quits"));
                    self.reader.message = Some(Message {
                        text: format!("Nothing more to close{hint}"),
                        error: false,
                    });
                }
            }
        }
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
