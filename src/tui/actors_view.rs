//! The actors-across-library screen: every actor of the library (or those of
//! one article) with the number of articles, quotes and positions; beside
//! it, for the selected actor, what it said and where it stood article by
//! article in date order, with the people who speak for an institution.
//! Enter on a quote opens its article at that paragraph.
//!
//! Same shape as the reader: [`ActorsScreen`] is the state, `update` takes
//! an [`ActorsAction`] and may return an [`ActorsOutcome`], [`render`] draws.
//! The merge itself is [`crate::library::ActorIndex`]; it is rebuilt when
//! the library changes (at most once a second while analysis runs).

use std::sync::mpsc::{Receiver, TryRecvError};
use std::time::{Duration, Instant};

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, List, ListItem, ListState, Paragraph};

use super::keymap::{Command, Keymap, Page};
use super::list_keys::{self, Edit, FilterText, ListKey, Nav};
use crate::library::actors::{Appearance, ArticleItems, What};
use nucleo_matcher::Utf32String;

use crate::library::filter::Filter;
use crate::library::{ActorIndex, Library, LibraryActor};

/// How often the merge is redone while results keep coming in.
const REBUILD_EVERY: Duration = Duration::from_secs(2);
/// Up to this many articles the merge runs at once (a few milliseconds);
/// beyond, on a thread, so that keys are answered while it runs.
const MERGE_INLINE_UP_TO: usize = 1000;

/// Which actors the screen lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    All,
    /// The actors of one entry of the library.
    Article(usize),
}

/// Which side receives movement keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Actors,
    Timeline,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActorsAction {
    /// Move in the focused pane.
    Nav(Nav),
    /// Type the filter of the actor list.
    Filter(Edit),
    /// In the list: look at the actor's timeline; in the timeline: open the
    /// article at the selected quote.
    Enter,
    /// Switch between the list and the timeline.
    SwitchPane,
    /// Leave the timeline, or the screen.
    Back,
    Quit,
    Resize {
        width: u16,
        height: u16,
    },
    /// A left click at a cell of the screen: it focuses the pane and
    /// selects the row under it; on the selected row it acts as Enter.
    Click {
        column: u16,
        row: u16,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActorsOutcome {
    Stay,
    /// Open entry `entry` in the reader at paragraph `paragraph` (its
    /// `index`), with the article's actor `actor` (the selected one as that
    /// article names it) highlighted.
    Open {
        entry: usize,
        paragraph: usize,
        actor: Option<usize>,
    },
    /// Back to the library screen.
    Back,
    Quit,
}

/// One line of the timeline: an article's heading or one of its items.
#[derive(Debug, Clone, PartialEq)]
struct TimelineRow {
    entry: usize,
    paragraph: usize,
    heading: bool,
    text: String,
}

/// The screen's state.
#[derive(Debug)]
pub struct ActorsScreen {
    pub scope: Scope,
    pub filter: FilterText,
    pub focus: Pane,
    index: ActorIndex,
    built: Option<(u64, Instant)>,
    /// A merge running on a thread, for this generation of the library.
    merging: Option<(u64, Receiver<ActorIndex>)>,
    /// Actors shown (indices into the index), in order.
    rows: Vec<usize>,
    selected: usize,
    /// First row of the actor list in view.
    offset: usize,
    /// The name of the selected actor, kept across rebuilds.
    selected_name: Option<String>,
    timeline: Vec<TimelineRow>,
    timeline_selected: usize,
    pub width: u16,
    pub height: u16,
    /// Select this article's actor once the merge is done.
    wanted: Option<Appearance>,
    /// A line for the status bar until the next key.
    pub message: Option<String>,
}

impl ActorsScreen {
    pub fn new(lib: &Library, scope: Scope, width: u16, height: u16) -> ActorsScreen {
        let mut s = ActorsScreen {
            scope,
            filter: FilterText::default(),
            focus: Pane::Actors,
            index: ActorIndex::default(),
            built: None,
            merging: None,
            rows: Vec::new(),
            selected: 0,
            offset: 0,
            selected_name: None,
            timeline: Vec::new(),
            timeline_selected: 0,
            width,
            height,
            wanted: None,
            message: None,
        };
        s.rebuild(lib);
        s
    }

    /// Select the merged actor of one article's actor, and show its quotes
    /// (now, or when the merge running in the background is done).
    pub fn select_appearance(&mut self, lib: &Library, at: Appearance) {
        self.wanted = Some(at);
        if !self.is_merging() {
            self.take_wanted(lib);
        }
    }

    fn take_wanted(&mut self, lib: &Library) {
        let Some(at) = self.wanted.take() else { return };
        let Some(id) = self.index.actor_of(at) else {
            return;
        };
        if !self.rows.contains(&id) && !self.filter.text.is_empty() {
            self.filter = FilterText::default();
            self.filter_rows(lib);
        }
        if let Some(row) = self.rows.iter().position(|&i| i == id) {
            self.selected = row;
            self.keep_in_view();
            self.load_timeline(lib, false);
            if !self.timeline.is_empty() {
                self.focus = Pane::Timeline;
            }
        }
    }

    /// Take in changes of the library: merge again when it changed (at
    /// most every two seconds while analysis runs), keeping the selection.
    pub fn refresh(&mut self, lib: &Library) {
        if let Some((generation, rx)) = &self.merging {
            match rx.try_recv() {
                Ok(index) => {
                    let generation = *generation;
                    self.merging = None;
                    self.index = index;
                    self.built = Some((generation, Instant::now()));
                    self.filter_rows(lib);
                    self.take_wanted(lib);
                }
                Err(TryRecvError::Empty) => return,
                Err(TryRecvError::Disconnected) => self.merging = None,
            }
        }
        let due = match self.built {
            None => true,
            Some((generation, at)) => {
                generation != lib.generation() && (!lib.is_busy() || at.elapsed() >= REBUILD_EVERY)
            }
        };
        if due && self.merging.is_none() {
            self.rebuild(lib);
        }
    }

    /// Whether a merge is running in the background.
    pub fn is_merging(&self) -> bool {
        self.merging.is_some()
    }

    fn rebuild(&mut self, lib: &Library) {
        let digests = ActorIndex::digests(lib);
        let generation = lib.generation();
        if digests.len() <= MERGE_INLINE_UP_TO {
            self.index = ActorIndex::build_from(&digests);
            self.built = Some((generation, Instant::now()));
            self.filter_rows(lib);
            return;
        }
        let (tx, rx) = std::sync::mpsc::channel();
        let spawned = std::thread::Builder::new()
            .name("actors".into())
            .spawn(move || {
                let _ = tx.send(ActorIndex::build_from(&digests));
            });
        match spawned {
            Ok(_) => self.merging = Some((generation, rx)),
            Err(_) => self.built = Some((generation, Instant::now())),
        }
    }

    fn filter_rows(&mut self, lib: &Library) {
        let scoped: Vec<usize> = match self.scope {
            Scope::All => (0..self.index.actors.len()).collect(),
            Scope::Article(entry) => lib
                .entry(entry)
                .and_then(|e| e.digest())
                .map(|d| self.index.of_entry(entry, d))
                .unwrap_or_default(),
        };
        let mut f = Filter::new(&self.filter.text);
        let mut scored: Vec<(u32, usize, usize)> = scoped
            .into_iter()
            .enumerate()
            .filter_map(|(order, i)| {
                let a = &self.index.actors[i];
                let fields: Vec<Utf32String> = std::iter::once(&a.name)
                    .chain(&a.aliases)
                    .chain(&a.titles)
                    .map(|s| Utf32String::from(s.as_str()))
                    .collect();
                let score = if f.is_empty() {
                    0
                } else {
                    f.score_fields(&fields)?
                };
                Some((score, order, i))
            })
            .collect();
        scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        self.rows = scored.into_iter().map(|(_, _, i)| i).collect();
        let keep = self.selected_name.as_ref().and_then(|name| {
            self.rows
                .iter()
                .position(|&i| &self.index.actors[i].name == name)
        });
        self.selected = keep
            .unwrap_or(self.selected)
            .min(self.rows.len().saturating_sub(1));
        self.keep_in_view();
        self.load_timeline(lib, keep.is_some());
    }

    fn load_timeline(&mut self, lib: &Library, same_actor: bool) {
        let actor = self.rows.get(self.selected).copied();
        self.selected_name = actor.map(|i| self.index.actors[i].name.clone());
        self.timeline = actor
            .map(|i| timeline_rows(&self.index.timeline(lib, i)))
            .unwrap_or_default();
        if !same_actor {
            self.timeline_selected = 0;
        }
        self.timeline_selected = self
            .timeline_selected
            .min(self.timeline.len().saturating_sub(1));
    }

    /// The selected actor.
    pub fn selected_actor(&self) -> Option<&LibraryActor> {
        self.rows
            .get(self.selected)
            .and_then(|&i| self.index.actors.get(i))
    }

    /// The actors listed, in order.
    pub fn listed(&self) -> Vec<&LibraryActor> {
        self.rows
            .iter()
            .filter_map(|&i| self.index.actors.get(i))
            .collect()
    }

    /// Rows of the actor list in view (inside its border, above the
    /// status line, below the title).
    fn list_rows(&self) -> usize {
        usize::from(self.height.saturating_sub(4)).max(1)
    }

    fn keep_in_view(&mut self) {
        self.offset = list_keys::offset_for(
            self.selected,
            self.offset,
            self.list_rows(),
            self.rows.len(),
        );
    }

    fn move_by(&mut self, lib: &Library, nav: Nav) {
        match self.focus {
            Pane::Actors => {
                let to = list_keys::moved(self.selected, nav, self.rows.len());
                if to != self.selected {
                    self.selected = to;
                    self.keep_in_view();
                    self.load_timeline(lib, false);
                }
            }
            Pane::Timeline => {
                self.timeline_selected =
                    list_keys::moved(self.timeline_selected, nav, self.timeline.len());
            }
        }
    }

    /// Apply one action.
    pub fn update(&mut self, lib: &Library, action: ActorsAction) -> ActorsOutcome {
        if !matches!(action, ActorsAction::Resize { .. }) {
            self.message = None;
        }
        match action {
            ActorsAction::Nav(nav) => self.move_by(lib, nav),
            ActorsAction::Enter => match self.focus {
                Pane::Actors if !self.timeline.is_empty() => self.focus = Pane::Timeline,
                Pane::Actors => {}
                Pane::Timeline => {
                    if let Some(r) = self.timeline.get(self.timeline_selected) {
                        let actor = self.selected_actor().and_then(|a| {
                            a.appearances
                                .iter()
                                .find(|at| at.entry == r.entry)
                                .map(|at| at.actor)
                        });
                        return ActorsOutcome::Open {
                            entry: r.entry,
                            paragraph: r.paragraph,
                            actor,
                        };
                    }
                }
            },
            ActorsAction::SwitchPane => {
                self.focus = match self.focus {
                    Pane::Actors if !self.timeline.is_empty() => Pane::Timeline,
                    _ => Pane::Actors,
                }
            }
            ActorsAction::Filter(edit) => {
                if edit == Edit::Start {
                    self.focus = Pane::Actors;
                }
                if self.filter.apply(edit) {
                    self.filter_rows(lib);
                }
            }
            ActorsAction::Back => match self.focus {
                Pane::Timeline => self.focus = Pane::Actors,
                Pane::Actors => return ActorsOutcome::Back,
            },
            ActorsAction::Quit => return ActorsOutcome::Quit,
            ActorsAction::Resize { width, height } => {
                self.width = width;
                self.height = height;
                self.keep_in_view();
            }
            ActorsAction::Click { column, row } => return self.click(lib, column, row),
        }
        ActorsOutcome::Stay
    }

    /// A click on a row of either pane selects it; on the row already
    /// selected in the focused pane it does what Enter does.
    fn click(&mut self, lib: &Library, column: u16, row: u16) -> ActorsOutcome {
        let [_, list, detail, _] = areas(Rect::new(0, 0, self.width, self.height));
        let at = ratatui::layout::Position::new(column, row);
        let (pane, index) = if inner(list).contains(at) {
            let index = self.offset + usize::from(row - list.y - 1);
            (Pane::Actors, (index < self.rows.len()).then_some(index))
        } else if inner(detail).contains(at) && !self.timeline.is_empty() {
            let inside = inner(detail);
            let heights = line_counts(&self.timeline_texts(inside.width));
            let first = first_in_view(&heights, self.timeline_in_view(), inside.height);
            (Pane::Timeline, item_at(&heights, first, row - inside.y))
        } else {
            return ActorsOutcome::Stay;
        };
        let Some(index) = index else {
            self.focus = pane;
            return ActorsOutcome::Stay;
        };
        let selected = match pane {
            Pane::Actors => self.selected,
            Pane::Timeline => self.timeline_selected,
        };
        if self.focus == pane && index == selected {
            return self.update(lib, ActorsAction::Enter);
        }
        self.focus = pane;
        match pane {
            Pane::Actors => {
                self.selected = index;
                self.keep_in_view();
                self.load_timeline(lib, false);
            }
            Pane::Timeline => self.timeline_selected = index,
        }
        ActorsOutcome::Stay
    }

    /// The action a key asks for on this screen.
    pub fn action_for(&self, keymap: &Keymap, key: &KeyEvent) -> Option<ActorsAction> {
        let rows = self.list_rows();
        Some(
            match list_keys::read(key, &self.filter, rows, keymap, Page::Actors)? {
                ListKey::Nav(nav) => ActorsAction::Nav(nav),
                ListKey::Edit(edit) => ActorsAction::Filter(edit),
                ListKey::Quit => ActorsAction::Quit,
                ListKey::Own(Command::Select) => ActorsAction::Enter,
                ListKey::Own(Command::FocusNext | Command::FocusPrev) => ActorsAction::SwitchPane,
                ListKey::Own(Command::Back | Command::Quit) => ActorsAction::Back,
                ListKey::Own(_) => return None,
            },
        )
    }
}

/// The timeline flattened into rows: a heading per article, then its items.
fn timeline_rows(articles: &[ArticleItems]) -> Vec<TimelineRow> {
    let mut rows = Vec::new();
    for a in articles {
        let date = a
            .day
            .map_or_else(|| "undated".to_string(), |d| d.to_string());
        rows.push(TimelineRow {
            entry: a.entry,
            paragraph: a.items.first().map_or(0, |i| i.paragraph),
            heading: true,
            text: format!("{date} · {}", a.title),
        });
        for item in &a.items {
            let who = if item.via {
                format!("{}: ", item.who)
            } else {
                String::new()
            };
            let text = match &item.what {
                What::Quote { kind, text } => format!("“{text}” ({})", kind.label()),
                What::Position {
                    stance,
                    summary,
                    polarity,
                } => format!("{stance}: {summary} ({})", polarity.label()),
                What::Mentioned { times } => format!("named {times}×, no quote"),
            };
            rows.push(TimelineRow {
                entry: a.entry,
                paragraph: item.paragraph,
                heading: false,
                text: format!("  ¶{} {who}{text}", item.paragraph + 1),
            });
        }
    }
    rows
}

impl ActorsScreen {
    /// The timeline's rows as drawn `width` columns wide: wrapped, later
    /// lines indented.
    fn timeline_texts(&self, width: u16) -> Vec<String> {
        let width = usize::from(width).max(1);
        self.timeline
            .iter()
            .map(|r| {
                textwrap::wrap(
                    &r.text,
                    textwrap::Options::new(width).subsequent_indent("    "),
                )
                .join("\n")
            })
            .collect()
    }

    /// The timeline row shown selected: only while the timeline has focus.
    fn timeline_in_view(&self) -> Option<usize> {
        (self.focus == Pane::Timeline && !self.timeline.is_empty())
            .then_some(self.timeline_selected)
    }
}

/// The screen's parts in `area`: title line, actor list, the timeline
/// beside it, status line.
fn areas(area: Rect) -> [Rect; 4] {
    let [top, main, status] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let [list, detail] =
        Layout::horizontal([Constraint::Percentage(40), Constraint::Percentage(60)]).areas(main);
    [top, list, detail, status]
}

/// Inside a pane's border.
fn inner(pane: Rect) -> Rect {
    pane.inner(ratatui::layout::Margin::new(1, 1))
}

/// How many lines each text takes.
fn line_counts(texts: &[String]) -> Vec<usize> {
    texts.iter().map(|t| t.lines().count().max(1)).collect()
}

/// The first row in view of a list of rows `heights` lines high, in
/// `lines` lines, with `selected` in view: the least scrolling from the top
/// that shows it whole (as the list widget scrolls from the top).
fn first_in_view(heights: &[usize], selected: Option<usize>, lines: u16) -> usize {
    let Some(selected) = selected.filter(|&s| s < heights.len()) else {
        return 0;
    };
    let lines = usize::from(lines);
    let mut first = 0;
    let mut used: usize = heights[..=selected].iter().sum();
    while used > lines && first < selected {
        used -= heights[first];
        first += 1;
    }
    first
}

/// The row drawn at `line` lines below the top, rows from `first` on.
fn item_at(heights: &[usize], first: usize, line: u16) -> Option<usize> {
    let mut top = 0;
    for (i, h) in heights.iter().enumerate().skip(first) {
        top += h;
        if usize::from(line) < top {
            return Some(i);
        }
    }
    None
}

/// Draw the screen over the whole frame.
pub fn view(screen: &ActorsScreen, lib: &Library, keymap: &Keymap, frame: &mut Frame) {
    render(screen, lib, keymap, frame, frame.area());
}

/// Draw the screen in `area`.
pub fn render(
    screen: &ActorsScreen,
    lib: &Library,
    keymap: &Keymap,
    frame: &mut Frame,
    area: Rect,
) {
    let [top, list, detail, status] = areas(area);
    frame.render_widget(Paragraph::new(title_line(screen, lib)), top);
    draw_actors(screen, frame, list);
    draw_timeline(screen, frame, detail);
    frame.render_widget(
        Paragraph::new(status_line(screen, keymap)).reversed(),
        status,
    );
}

fn title_line(screen: &ActorsScreen, lib: &Library) -> Line<'static> {
    let what = match screen.scope {
        Scope::All => " Actors across the library".to_string(),
        Scope::Article(entry) => format!(
            " Actors of “{}” across the library",
            lib.entry(entry).map_or("", |e| e.title())
        ),
    };
    let p = lib.progress();
    let mut spans = vec![
        Span::styled(what, Style::new().bold()),
        Span::raw(format!(" · {} actors", screen.rows.len())),
    ];
    if screen.is_merging() {
        spans.push(Span::raw(" · merging…"));
    }
    if p.done < p.total {
        spans.push(Span::raw(format!(" · analysing {}/{}", p.done, p.total)));
    }
    Line::from(spans)
}

/// The filter or message and key hints from the keymap.
fn status_line(screen: &ActorsScreen, keymap: &Keymap) -> String {
    let filter = match screen.filter.status() {
        Err(typing) => return typing,
        Ok(filter) => filter,
    };
    if let Some(m) = &screen.message {
        return format!(" {}", super::text::safe(m));
    }
    let hints: &[(Command, &str)] = match screen.focus {
        Pane::Actors => &[
            (Command::Help, "help"),
            (Command::Back, "back"),
            (Command::Select, "its quotes"),
            (Command::Find, "filter"),
            (Command::FocusNext, "switch pane"),
        ],
        Pane::Timeline => &[
            (Command::Help, "help"),
            (Command::Back, "back to the actors"),
            (Command::Select, "open the article at this quote"),
            (Command::FocusNext, "switch pane"),
        ],
    };
    let hints: Vec<String> = hints
        .iter()
        .filter_map(|(c, what)| list_keys::hint(keymap, *c, what))
        .collect();
    list_keys::with_hints(&filter, &hints, screen.width)
}

fn block(title: String, focused: bool) -> Block<'static> {
    let style = if focused {
        Style::new().add_modifier(Modifier::BOLD)
    } else {
        Style::new().add_modifier(Modifier::DIM)
    };
    Block::bordered().title(title).border_style(style)
}

/// A list row: counts first (they line up), then who.
fn actor_line(a: &LibraryActor) -> String {
    let mut line = format!(
        "{:>4} {:>4} {:>4}  {} · {}",
        a.articles,
        a.quotes,
        a.positions,
        a.name,
        a.kind.label()
    );
    let via = a.people_quotes + a.people_positions;
    if via > 0 {
        line.push_str(&format!(" (+{via} by its people)"));
    }
    line
}

fn draw_actors(screen: &ActorsScreen, frame: &mut Frame, area: Rect) {
    // only the rows in view: a library has thousands of actors
    let width = usize::from(area.width.saturating_sub(2));
    let items: Vec<ListItem> = screen
        .rows
        .iter()
        .skip(screen.offset)
        .take(usize::from(area.height.saturating_sub(2)))
        .filter_map(|&i| screen.index.actors.get(i))
        .map(|a| ListItem::new(super::view::fit(&actor_line(a), width)))
        .collect();
    let mut state = ListState::default();
    if !screen.rows.is_empty() {
        state.select(Some(screen.selected.saturating_sub(screen.offset)));
    }
    let list = List::new(items)
        .block(block(
            format!("Actors ({}) · articles quotes positions", screen.rows.len()),
            screen.focus == Pane::Actors,
        ))
        .highlight_style(Style::new().reversed());
    frame.render_stateful_widget(list, area, &mut state);
}

fn draw_timeline(screen: &ActorsScreen, frame: &mut Frame, area: Rect) {
    let Some(actor) = screen.selected_actor() else {
        frame.render_widget(
            Paragraph::new("No actors yet.").block(block(String::new(), false)),
            area,
        );
        return;
    };
    let mut title = format!("{} · {}", actor.name, actor.kind.label());
    if let Some(t) = actor.titles.first() {
        title.push_str(&format!(" · {t}"));
    }
    let people: Vec<&str> = actor
        .people
        .iter()
        .filter_map(|&i| screen.index.actors.get(i))
        .map(|p| p.name.as_str())
        .take(3)
        .collect();
    if !people.is_empty() {
        title.push_str(&format!(" · its people: {}", people.join(", ")));
    }
    let inside = inner(area);
    let texts = screen.timeline_texts(inside.width);
    let mut state = ListState::default()
        .with_selected(screen.timeline_in_view())
        .with_offset(first_in_view(
            &line_counts(&texts),
            screen.timeline_in_view(),
            inside.height,
        ));
    let items: Vec<ListItem> = texts
        .into_iter()
        .zip(&screen.timeline)
        .map(|(text, r)| {
            let item = ListItem::new(text);
            if r.heading { item.bold() } else { item }
        })
        .collect();
    let list = List::new(items)
        .block(block(title, screen.focus == Pane::Timeline))
        .highlight_style(Style::new().reversed());
    frame.render_stateful_widget(list, area, &mut state);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_timeline_scrolls_as_little_as_shows_the_selected_row_whole() {
        let heights = [1, 2, 2, 1];
        assert_eq!(first_in_view(&heights, None, 4), 0);
        assert_eq!(first_in_view(&heights, Some(1), 4), 0);
        // rows 2 and 3 take three lines; with row 1 it would be five
        assert_eq!(first_in_view(&heights, Some(3), 4), 2);
        // a row taller than the pane starts at its top
        assert_eq!(first_in_view(&[1, 9], Some(1), 4), 1);
    }

    #[test]
    fn a_line_of_the_pane_belongs_to_the_row_drawn_there() {
        let heights = [1, 2, 2, 1];
        assert_eq!(item_at(&heights, 0, 0), Some(0));
        assert_eq!(item_at(&heights, 0, 2), Some(1));
        assert_eq!(item_at(&heights, 2, 0), Some(2));
        assert_eq!(item_at(&heights, 2, 2), Some(3));
        assert_eq!(item_at(&heights, 2, 3), None);
    }
}
