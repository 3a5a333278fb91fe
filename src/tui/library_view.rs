//! The library screen: one row per article of the folder (title, date,
//! top actors, quote and position counts, source file, read or not),
//! filtered by typing and sorted by date, title or unread. Rows fill in as
//! the background analysis delivers them.
//!
//! Same shape as the reader: [`LibraryScreen`] is the state,
//! [`LibraryScreen::update`] applies a [`LibraryAction`] and may return an
//! [`LibraryOutcome`] for the caller (open an article, show the actors),
//! and [`render`] draws without changing anything. The caller owns the
//! [`Library`], calls [`Library::poll`] on its tick and then
//! [`LibraryScreen::refresh`].

use std::time::{Duration, Instant};

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table, TableState};

use nucleo_matcher::Utf32String;
use rayon::prelude::*;

use super::keymap::{Command, Keymap, Page};
use super::list_keys::{self, Edit, FilterText, ListKey, Nav};
use crate::library::filter::{self, Filter};
use crate::library::{Day, Entry, Library, Status};

/// The order of the rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sort {
    /// Newest first, undated last.
    Date,
    Title,
    /// Unread first, then newest.
    Unread,
}

impl Sort {
    pub fn label(self) -> &'static str {
        match self {
            Sort::Date => "date",
            Sort::Title => "title",
            Sort::Unread => "unread",
        }
    }

    fn next(self) -> Sort {
        match self {
            Sort::Date => Sort::Title,
            Sort::Title => Sort::Unread,
            Sort::Unread => Sort::Date,
        }
    }
}

/// What a key asks of the library screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LibraryAction {
    /// Move the selection.
    Nav(Nav),
    /// Type the filter.
    Filter(Edit),
    /// Open the selected article.
    Open,
    CycleSort,
    ToggleRead,
    /// The actors of the selected article, across the library.
    ArticleActors,
    /// Every actor of the library.
    AllActors,
    Quit,
    Resize {
        width: u16,
        height: u16,
    },
    /// A left click at a cell of the screen: on a row it selects the row,
    /// on the selected row or the preview it opens the article.
    Click {
        column: u16,
        row: u16,
    },
}

/// What the caller should do after an action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LibraryOutcome {
    Stay,
    /// Open entry `entry` of the library in the reader.
    Open {
        entry: usize,
    },
    /// Show the actors across the library: those of one entry, or all.
    Actors {
        entry: Option<usize>,
    },
    Quit,
}

/// The library screen's state.
#[derive(Debug)]
pub struct LibraryScreen {
    pub filter: FilterText,
    pub sort: Sort,
    /// The entries shown, in order.
    rows: Vec<usize>,
    /// Index into `rows`.
    selected: usize,
    /// The entry selected, kept across refreshes.
    selected_entry: Option<usize>,
    /// First row in view.
    offset: usize,
    pub width: u16,
    pub height: u16,
    seen: Option<u64>,
    rebuilt_at: Option<Instant>,
    /// What the filter matches, per entry, with the entry's version
    /// (`u64::MAX`: not made yet).
    fields: Vec<(u64, Vec<Utf32String>)>,
    /// A line for the status bar until the next key (an article that
    /// could not be opened).
    pub message: Option<String>,
}

/// While analysis runs, rows are put back in order at most this often.
const REORDER_EVERY: Duration = Duration::from_millis(500);

impl LibraryScreen {
    pub fn new(lib: &Library, width: u16, height: u16) -> LibraryScreen {
        let mut s = LibraryScreen {
            filter: FilterText::default(),
            sort: Sort::Date,
            rows: Vec::new(),
            selected: 0,
            selected_entry: None,
            offset: 0,
            width,
            height,
            seen: None,
            rebuilt_at: None,
            fields: Vec::new(),
            message: None,
        };
        s.refresh(lib);
        s
    }

    /// The entries shown, in order.
    pub fn rows(&self) -> &[usize] {
        &self.rows
    }

    /// The entry under the selection.
    pub fn selected_entry(&self) -> Option<usize> {
        self.rows.get(self.selected).copied()
    }

    /// Take in changes of the library (new results, files added): the
    /// rows are filtered and sorted again, the selection stays on its entry.
    pub fn refresh(&mut self, lib: &Library) {
        if self.seen == Some(lib.generation()) {
            return;
        }
        // while results stream in, rows show them at once (they are read
        // from the library when drawn); only their order waits a little
        let recent = self
            .rebuilt_at
            .is_some_and(|at| at.elapsed() < REORDER_EVERY);
        if !(lib.is_busy() && recent) {
            self.rebuild(lib);
        }
    }

    fn rebuild(&mut self, lib: &Library) {
        self.seen = Some(lib.generation());
        self.rebuilt_at = Some(Instant::now());
        let f = Filter::new(&self.filter.text);
        let scores = if f.is_empty() {
            vec![Some(0); lib.entries().len()]
        } else {
            self.update_fields(lib);
            f.score_rows(self.fields.par_iter().map(|(_, fields)| fields.as_slice()))
        };
        let mut keyed: Vec<(u32, SortKey, usize)> = lib
            .entries()
            .iter()
            .zip(scores)
            .enumerate()
            .filter(|(_, (e, _))| !e.removed)
            .filter_map(|(i, (e, score))| Some((score?, SortKey::of(e, self.sort), i)))
            .collect();
        // best matches first when filtering; the chosen order among equals
        keyed.sort_by(|a, b| {
            b.0.cmp(&a.0)
                .then_with(|| a.1.cmp(&b.1))
                .then(a.2.cmp(&b.2))
        });
        self.rows = keyed.into_iter().map(|(_, _, i)| i).collect();
        self.selected = self
            .selected_entry
            .and_then(|id| self.rows.iter().position(|&r| r == id))
            .unwrap_or(self.selected)
            .min(self.rows.len().saturating_sub(1));
        self.selected_entry = self.selected_entry();
        self.keep_in_view();
    }

    /// Make the filter's fields of entries that are new or changed.
    fn update_fields(&mut self, lib: &Library) {
        self.fields
            .resize_with(lib.entries().len(), || (u64::MAX, Vec::new()));
        self.fields
            .par_iter_mut()
            .zip(lib.entries())
            .filter(|(slot, e)| slot.0 != e.version)
            .for_each(|(slot, e)| *slot = (e.version, filter::fields(e)));
    }

    /// Rows of the list in view (fewer when the preview shows).
    pub fn list_rows(&self) -> usize {
        let a = areas(Rect::new(0, 0, self.width, self.height), self.rows.len());
        usize::from(a.table.height.saturating_sub(1)).max(1)
    }

    /// The first row in view and the selection's index among the rows.
    pub fn offset_and_selected(&self) -> (usize, usize) {
        (self.offset, self.selected)
    }

    fn keep_in_view(&mut self) {
        self.offset = list_keys::offset_for(
            self.selected,
            self.offset,
            self.list_rows(),
            self.rows.len(),
        );
    }

    fn select(&mut self, index: usize) {
        self.selected = index.min(self.rows.len().saturating_sub(1));
        self.selected_entry = self.selected_entry();
        self.keep_in_view();
    }

    /// Apply one action.
    pub fn update(&mut self, lib: &mut Library, action: LibraryAction) -> LibraryOutcome {
        if !matches!(action, LibraryAction::Resize { .. }) {
            self.message = None;
        }
        match action {
            LibraryAction::Nav(nav) => {
                self.select(list_keys::moved(self.selected, nav, self.rows.len()));
            }
            LibraryAction::Open => {
                if let Some(entry) = self.selected_entry() {
                    lib.set_read(entry, true);
                    self.refresh(lib);
                    return LibraryOutcome::Open { entry };
                }
            }
            LibraryAction::Filter(edit) => {
                if self.filter.apply(edit) {
                    self.rebuild(lib);
                }
            }
            LibraryAction::CycleSort => {
                self.sort = self.sort.next();
                self.rebuild(lib);
            }
            LibraryAction::ToggleRead => {
                if let Some(entry) = self.selected_entry() {
                    let read = lib.entry(entry).is_some_and(|e| e.read);
                    lib.set_read(entry, !read);
                    self.refresh(lib);
                }
            }
            LibraryAction::ArticleActors => {
                if let Some(entry) = self.selected_entry() {
                    return LibraryOutcome::Actors { entry: Some(entry) };
                }
            }
            LibraryAction::AllActors => return LibraryOutcome::Actors { entry: None },
            LibraryAction::Quit => return LibraryOutcome::Quit,
            LibraryAction::Resize { width, height } => {
                self.width = width;
                self.height = height;
                self.keep_in_view();
            }
            LibraryAction::Click { column, row } => match self.clicked(column, row) {
                Some(Clicked::Row(index)) if index != self.selected => self.select(index),
                Some(Clicked::Row(_) | Clicked::Preview) => {
                    return self.update(lib, LibraryAction::Open);
                }
                None => {}
            },
        }
        LibraryOutcome::Stay
    }

    /// What a click at a cell of the screen hits.
    fn clicked(&self, column: u16, row: u16) -> Option<Clicked> {
        let a = areas(Rect::new(0, 0, self.width, self.height), self.rows.len());
        let at = ratatui::layout::Position::new(column, row);
        if a.preview.is_some_and(|p| p.contains(at)) && row < a.status.y {
            return Some(Clicked::Preview);
        }
        // the table's first line is its heads
        if !a.table.contains(at) || row == a.table.y {
            return None;
        }
        let index = self.offset + usize::from(row - a.table.y - 1);
        (index < self.rows.len()).then_some(Clicked::Row(index))
    }

    /// The action a key asks for on this screen.
    pub fn action_for(&self, keymap: &Keymap, key: &KeyEvent) -> Option<LibraryAction> {
        let rows = self.list_rows();
        Some(
            match list_keys::read(key, &self.filter, rows, keymap, Page::Library)? {
                ListKey::Nav(nav) => LibraryAction::Nav(nav),
                ListKey::Edit(edit) => LibraryAction::Filter(edit),
                ListKey::Quit | ListKey::Own(Command::Quit) => LibraryAction::Quit,
                ListKey::Own(Command::Back) if !self.filter.text.is_empty() => {
                    LibraryAction::Filter(Edit::Clear)
                }
                ListKey::Own(Command::Select) => LibraryAction::Open,
                ListKey::Own(Command::Sort) => LibraryAction::CycleSort,
                ListKey::Own(Command::ToggleRead) => LibraryAction::ToggleRead,
                ListKey::Own(Command::ArticleActors) => LibraryAction::ArticleActors,
                ListKey::Own(Command::AllActors) => LibraryAction::AllActors,
                ListKey::Own(_) => return None,
            },
        )
    }
}

/// What a click landed on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Clicked {
    /// A row of the list, by its index among the rows.
    Row(usize),
    Preview,
}

/// What rows sort by, computed once per refresh.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
enum SortKey {
    Date(std::cmp::Reverse<Option<Day>>),
    Title(String),
    Unread(bool, std::cmp::Reverse<Option<Day>>),
}

impl SortKey {
    fn of(e: &Entry, sort: Sort) -> SortKey {
        match sort {
            Sort::Date => SortKey::Date(std::cmp::Reverse(e.day())),
            Sort::Title => SortKey::Title(e.title().to_lowercase()),
            Sort::Unread => SortKey::Unread(e.read, std::cmp::Reverse(e.day())),
        }
    }
}

/// The library screen is at least this wide and high to show a preview of
/// the selected article under the list.
pub const PREVIEW_COLS: u16 = 120;
pub const PREVIEW_ROWS: u16 = 30;

/// Where the parts of the library screen go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LibraryAreas {
    pub top: Rect,
    pub table: Rect,
    /// The selected article, drawn as the article page draws it; its last
    /// row is the status line's (the preview draws no status of its own).
    pub preview: Option<Rect>,
    pub status: Rect,
}

/// The library screen's parts in `area`, for a list of `rows` rows: on a
/// large terminal the list takes what it needs up to a third of the height
/// and the selected article shows below it.
pub fn areas(area: Rect, rows: usize) -> LibraryAreas {
    let wide = area.width >= PREVIEW_COLS && area.height >= PREVIEW_ROWS;
    let table = if wide {
        let most = (area.height / 3).max(6);
        Constraint::Length(u16::try_from(rows + 1).unwrap_or(most).clamp(3, most))
    } else {
        Constraint::Min(1)
    };
    let body = if wide {
        Constraint::Fill(1)
    } else {
        Constraint::Length(0)
    };
    let [top, table, body, status] =
        Layout::vertical([Constraint::Length(1), table, body, Constraint::Length(1)]).areas(area);
    let preview = wide.then(|| Rect {
        height: body.height + status.height,
        ..body
    });
    LibraryAreas {
        top,
        table,
        preview,
        status,
    }
}

/// Draw the library screen over the whole frame (the preview's place left
/// empty: the caller draws the article there).
pub fn view(screen: &LibraryScreen, lib: &Library, keymap: &Keymap, frame: &mut Frame) {
    render(screen, lib, keymap, frame, frame.area());
}

/// Draw the library screen in `area`.
pub fn render(
    screen: &LibraryScreen,
    lib: &Library,
    keymap: &Keymap,
    frame: &mut Frame,
    area: Rect,
) {
    let a = areas(area, screen.rows.len());
    frame.render_widget(Paragraph::new(title_line(screen, lib)), a.top);
    draw_table(screen, lib, frame, a.table);
    if screen.rows.is_empty() {
        let below_heads = Rect {
            y: a.table.y.saturating_add(1),
            height: a.table.height.saturating_sub(1),
            ..a.table
        };
        frame.render_widget(
            Paragraph::new(empty_list(screen, lib))
                .wrap(ratatui::widgets::Wrap { trim: true })
                .dim(),
            below_heads,
        );
    }
    frame.render_widget(
        Paragraph::new(status_line(screen, keymap)).reversed(),
        a.status,
    );
}

/// Why the list is empty.
fn empty_list(screen: &LibraryScreen, lib: &Library) -> String {
    if !screen.filter.text.is_empty() {
        return format!(
            " No article matches “{}”.",
            super::text::safe(&screen.filter.text)
        );
    }
    let root = crate::ingest::sanitize::display_path(lib.root());
    format!(
        " No articles in {} yet: add .txt, .md, .html or .json files; they show here as they come.",
        super::text::safe(&root)
    )
}

fn title_line(screen: &LibraryScreen, lib: &Library) -> Line<'static> {
    let root = crate::ingest::sanitize::display_path(lib.root());
    let p = lib.progress();
    let mut spans = vec![
        Span::styled(format!(" Library: {root}"), Style::new().bold()),
        Span::raw(format!(" · {} of {} articles", screen.rows.len(), p.total)),
    ];
    if p.done < p.total {
        spans.push(Span::raw(format!(" · analysing {}/{} ", p.done, p.total)));
        spans.push(Span::raw(bar(p.done, p.total, 10)));
    }
    Line::from(spans)
}

/// A progress bar `width` cells wide.
fn bar(done: usize, total: usize, width: usize) -> String {
    let full = (done * width)
        .checked_div(total)
        .unwrap_or(width)
        .min(width);
    format!("[{}{}]", "█".repeat(full), "·".repeat(width - full))
}

/// The filter or message, the sort, and key hints from the keymap.
fn status_line(screen: &LibraryScreen, keymap: &Keymap) -> String {
    let filter = match screen.filter.status() {
        Err(typing) => return typing,
        Ok(filter) => filter,
    };
    if let Some(m) = &screen.message {
        return format!(" {}", super::text::safe(m));
    }
    let hints: Vec<String> = [
        (Command::Help, "help"),
        (Command::Quit, "quit"),
        (Command::Select, "open"),
        (Command::Find, "filter"),
        (Command::ArticleActors, "its actors"),
        (Command::AllActors, "all actors"),
        (Command::Sort, "sort"),
        (Command::ToggleRead, "read"),
    ]
    .into_iter()
    .filter_map(|(c, what)| list_keys::hint(keymap, c, what))
    .collect();
    let lead = format!("{filter} sort: {} ·", screen.sort.label());
    list_keys::with_hints(&lead, &hints, screen.width)
}

fn draw_table(screen: &LibraryScreen, lib: &Library, frame: &mut Frame, area: Rect) {
    let wide = area.width >= 70;
    let widths: Vec<Constraint> = if wide {
        vec![
            Constraint::Length(1),
            Constraint::Length(10),
            Constraint::Fill(3),
            Constraint::Fill(2),
            Constraint::Length(8),
            Constraint::Fill(1),
        ]
    } else {
        vec![
            Constraint::Length(1),
            Constraint::Length(10),
            Constraint::Fill(1),
            Constraint::Length(8),
        ]
    };
    let mut head = vec!["", "Date", "Title"];
    if wide {
        head.push("Actors");
    }
    head.push("Quo/Pos");
    if wide {
        head.push("File");
    }
    let rows: Vec<Row> = screen
        .rows
        .iter()
        .skip(screen.offset)
        .take(usize::from(area.height.saturating_sub(1)))
        .filter_map(|&id| lib.entry(id))
        .map(|e| entry_row(e, wide))
        .collect();
    let table = Table::new(rows, widths)
        .header(Row::new(head).style(Style::new().add_modifier(Modifier::DIM | Modifier::BOLD)))
        .column_spacing(1)
        .row_highlight_style(Style::new().reversed());
    let mut state = TableState::default();
    if !screen.rows.is_empty() {
        state.select(Some(screen.selected - screen.offset));
    }
    frame.render_stateful_widget(table, area, &mut state);
}

fn entry_row(e: &Entry, wide: bool) -> Row<'static> {
    let mark = if e.read { " " } else { "●" };
    let date = e.day().map_or_else(String::new, |d: Day| d.to_string());
    let (title, actors, counts) = match &e.status {
        Status::Analysed(d) => (
            Cell::from(e.title().to_string()),
            d.top_actors().join(", "),
            format!("{:>3}/{:<3}", d.quotes.len(), d.positions.len()),
        ),
        Status::Pending => (
            Cell::from(e.title().to_string()).style(Style::new().dim()),
            "…".to_string(),
            String::new(),
        ),
        Status::Failed(why) => (
            Cell::from(format!("⚠ {why}")).style(Style::new().italic()),
            String::new(),
            String::new(),
        ),
    };
    let mut cells = vec![Cell::from(mark), Cell::from(date), title];
    if wide {
        cells.push(Cell::from(actors));
    }
    cells.push(Cell::from(counts));
    if wide {
        cells.push(Cell::from(e.listing.rel.clone()).style(Style::new().dim()));
    }
    let row = Row::new(cells);
    if e.read { row } else { row.bold() }
}
