//! The reader's state and how actions change it. Nothing here touches the
//! terminal: tests drive [`App::update`] with [`Action`]s and read the state.

use crate::model::{Article, ParagraphKind};

/// Everything a key press can ask of the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Scroll the text (or move the selection in a focused panel) down.
    Down(usize),
    Up(usize),
    /// Move focus to the next / previous pane.
    FocusNext,
    FocusPrev,
    NextArticle,
    PrevArticle,
    /// The terminal changed size.
    Resize {
        width: u16,
        height: u16,
    },
    Quit,
}

/// Which pane receives movement keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Text,
    Actors,
    Quotes,
    Positions,
}

impl Focus {
    pub const ALL: [Focus; 4] = [Focus::Text, Focus::Actors, Focus::Quotes, Focus::Positions];

    pub fn title(self) -> &'static str {
        match self {
            Focus::Text => "Text",
            Focus::Actors => "Actors",
            Focus::Quotes => "Quotes",
            Focus::Positions => "Positions",
        }
    }
}

/// One wrapped line of the text pane.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextLine {
    /// The paragraph it belongs to, or `None` for the title and blank lines.
    pub paragraph: Option<usize>,
    pub text: String,
    pub heading: bool,
    pub title: bool,
}

/// The reader's state.
#[derive(Debug)]
pub struct App {
    pub articles: Vec<Article>,
    pub current: usize,
    /// Messages about inputs that could not be opened.
    pub errors: Vec<String>,
    pub focus: Focus,
    /// First visible line of the text pane.
    pub scroll: usize,
    /// Selected row in each panel (actors, quotes, positions).
    pub selected: [usize; 3],
    pub width: u16,
    pub height: u16,
    /// The text wrapped for the current width (computed once per width).
    pub lines: Vec<TextLine>,
    pub quit: bool,
}

impl App {
    pub fn new(articles: Vec<Article>, errors: Vec<String>, width: u16, height: u16) -> Self {
        let mut app = App {
            articles,
            current: 0,
            errors,
            focus: Focus::Text,
            scroll: 0,
            selected: [0; 3],
            width,
            height,
            lines: Vec::new(),
            quit: false,
        };
        app.rewrap();
        app
    }

    pub fn article(&self) -> Option<&Article> {
        self.articles.get(self.current)
    }

    /// Apply one action.
    pub fn update(&mut self, action: Action) {
        match action {
            Action::Down(n) => self.move_by(n as isize),
            Action::Up(n) => self.move_by(-(n as isize)),
            Action::FocusNext => self.cycle_focus(1),
            Action::FocusPrev => self.cycle_focus(Focus::ALL.len() - 1),
            Action::NextArticle => self.open(self.current + 1),
            Action::PrevArticle => self.open(self.current.saturating_sub(1)),
            Action::Resize { width, height } => {
                let top = self.current_paragraph();
                self.width = width;
                self.height = height;
                self.rewrap();
                if let Some(p) = top {
                    self.scroll_to_paragraph(p);
                }
            }
            Action::Quit => self.quit = true,
        }
    }

    fn cycle_focus(&mut self, step: usize) {
        let i = Focus::ALL
            .iter()
            .position(|f| *f == self.focus)
            .unwrap_or(0);
        self.focus = Focus::ALL[(i + step) % Focus::ALL.len()];
    }

    fn open(&mut self, index: usize) {
        if index < self.articles.len() && index != self.current {
            self.current = index;
            self.scroll = 0;
            self.selected = [0; 3];
            self.rewrap();
        }
    }

    fn move_by(&mut self, delta: isize) {
        match self.focus {
            Focus::Text => {
                let max = self.max_scroll();
                self.scroll = self.scroll.saturating_add_signed(delta).min(max);
            }
            panel => {
                let slot = panel_slot(panel);
                let len = self.panel_len(panel);
                let sel = &mut self.selected[slot];
                *sel = sel.saturating_add_signed(delta).min(len.saturating_sub(1));
            }
        }
    }

    fn panel_len(&self, panel: Focus) -> usize {
        let Some(a) = self.article() else { return 0 };
        match panel {
            Focus::Actors => a.actors.len(),
            Focus::Quotes => a.quotes.len(),
            Focus::Positions => a.positions.len(),
            Focus::Text => 0,
        }
    }

    /// Height of the text pane in rows (inside its border).
    pub fn text_rows(&self) -> usize {
        // two border rows and the status bar
        usize::from(self.height).saturating_sub(3).max(1)
    }

    /// Width of the text in columns: the pane inside its border, less the
    /// one-column gutter that marks the current paragraph.
    pub fn text_cols(&self) -> usize {
        (usize::from(self.width) * 3 / 5).saturating_sub(3).max(1)
    }

    fn max_scroll(&self) -> usize {
        self.lines.len().saturating_sub(self.text_rows())
    }

    /// The paragraph of the first text line in view: the one the panels
    /// follow.
    pub fn current_paragraph(&self) -> Option<usize> {
        self.lines[self.scroll.min(self.lines.len())..]
            .iter()
            .find_map(|l| l.paragraph)
    }

    fn scroll_to_paragraph(&mut self, paragraph: usize) {
        if let Some(i) = self
            .lines
            .iter()
            .position(|l| l.paragraph == Some(paragraph))
        {
            self.scroll = i.min(self.max_scroll());
        }
    }

    /// Wrap the current article for the current width.
    fn rewrap(&mut self) {
        let cols = self.text_cols();
        let mut lines = Vec::new();
        if let Some(a) = self.articles.get(self.current) {
            for l in textwrap::wrap(&a.title, cols) {
                lines.push(TextLine {
                    paragraph: None,
                    text: l.into_owned(),
                    heading: false,
                    title: true,
                });
            }
            for p in &a.paragraphs {
                lines.push(TextLine {
                    paragraph: None,
                    text: String::new(),
                    heading: false,
                    title: false,
                });
                let heading = p.kind == ParagraphKind::Heading;
                for l in textwrap::wrap(&p.text, cols) {
                    lines.push(TextLine {
                        paragraph: Some(p.index),
                        text: l.into_owned(),
                        heading,
                        title: false,
                    });
                }
            }
        }
        self.lines = lines;
        self.scroll = self.scroll.min(self.max_scroll());
    }
}

/// The index of a panel in [`App::selected`].
pub fn panel_slot(panel: Focus) -> usize {
    match panel {
        Focus::Actors | Focus::Text => 0,
        Focus::Quotes => 1,
        Focus::Positions => 2,
    }
}
