//! The article screen: one article's text beside its panels, and how each
//! action changes what is shown. A self-contained screen: a caller opens it
//! with an article and gets [`Outcome::Leave`] when the user backs out of it
//! (Esc with nothing left to clear). No terminal here; tests drive it.

use ratatui::layout::Rect;

use super::app::Action;
use super::index::{ArticleIndex, Place};
use super::layout::{self, Areas, LayoutChoice, Mode};
use super::panels::{self, Panel, PanelRows, Scope, Target};
use super::text::TextLayout;
use crate::model::Article;

mod copy;
mod mouse;
mod seek;

pub use copy::attributed_quote;

/// Which pane movement keys go to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Text,
    Actors,
    Quotes,
    Positions,
}

impl Focus {
    pub const ALL: [Focus; 4] = [Focus::Text, Focus::Actors, Focus::Quotes, Focus::Positions];

    /// The panel this focus is on, if any.
    pub fn panel(self) -> Option<Panel> {
        match self {
            Focus::Text => None,
            Focus::Actors => Some(Panel::Actors),
            Focus::Quotes => Some(Panel::Quotes),
            Focus::Positions => Some(Panel::Positions),
        }
    }

    pub fn of(panel: Panel) -> Focus {
        match panel {
            Panel::Actors => Focus::Actors,
            Panel::Quotes => Focus::Quotes,
            Panel::Positions => Focus::Positions,
        }
    }
}

/// What `n` and `N` step through.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Jump {
    #[default]
    Find,
    Mentions,
}

/// The find prompt and its matches.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Find {
    pub query: String,
    /// The prompt is open and takes the keys.
    pub editing: bool,
    pub hits: Vec<Place>,
    /// The match last jumped to.
    pub current: Option<usize>,
    /// Where the view was when the prompt opened (Esc goes back there).
    origin: (usize, Option<usize>),
}

/// A line for the status bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub error: bool,
}

/// What the screen asks of its caller after an action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Stay,
    /// The user backed out of the article (Esc with nothing left to clear).
    Leave,
}

/// The state of the article screen.
#[derive(Debug, Clone)]
pub struct Reader {
    pub article: Article,
    pub index: ArticleIndex,
    pub layout_choice: LayoutChoice,
    pub width: u16,
    pub height: u16,
    /// The text laid out for the current width (redone only when the width
    /// or the removed-text toggle changes).
    pub text: TextLayout,
    /// First line in view.
    pub scroll: usize,
    /// The current paragraph (a position in `article.paragraphs`): marked
    /// in the gutter, followed by the panels.
    pub current: Option<usize>,
    pub focus: Focus,
    /// The panel a single-panel layout shows (and the narrow layout's
    /// overlay, open while a panel has the focus).
    pub shown: Panel,
    /// Removed boilerplate is shown in place.
    pub show_removed: bool,
    pub scope: Scope,
    /// The selected actor: its mentions are highlighted and the other
    /// panels narrowed to it.
    pub actor: Option<usize>,
    /// The selected item of each panel.
    pub cursors: [Option<Target>; 3],
    /// The panels' rows for the current paragraph, scope and actor.
    pub rows: PanelRows,
    rows_for: Option<panels::Focus>,
    pub find: Find,
    pub jump: Jump,
    /// The mention, match or quote last jumped to.
    pub jumped: Option<Place>,
    /// The span of the quote or position last gone to, highlighted.
    pub mark: Vec<Place>,
    /// The help overlay is open, scrolled this far.
    pub help: Option<usize>,
    pub message: Option<Message>,
    /// Text to put on the clipboard (the terminal layer sends it).
    pub clipboard: Option<String>,
}

impl Reader {
    /// Open `article` on a `width` x `height` screen.
    pub fn new(article: Article, width: u16, height: u16, layout_choice: LayoutChoice) -> Self {
        let index = ArticleIndex::new(&article);
        let mut reader = Reader {
            current: (!article.paragraphs.is_empty()).then_some(0),
            article,
            index,
            layout_choice,
            width,
            height,
            text: TextLayout::default(),
            scroll: 0,
            focus: Focus::Text,
            shown: Panel::Actors,
            show_removed: false,
            scope: Scope::Article,
            actor: None,
            cursors: [None; 3],
            rows: PanelRows::default(),
            rows_for: None,
            find: Find::default(),
            jump: Jump::Find,
            jumped: None,
            mark: Vec::new(),
            help: None,
            message: None,
            clipboard: None,
        };
        reader.relayout();
        reader.refresh_rows();
        reader
    }

    /// Where each pane is on the current screen.
    pub fn areas(&self) -> Areas {
        let overlay = self.focus.panel().is_some();
        layout::areas(
            Rect::new(0, 0, self.width, self.height),
            self.layout_choice,
            overlay,
            self.shown,
        )
    }

    pub fn rows_in_view(&self) -> usize {
        self.areas().text_rows()
    }

    fn max_scroll(&self) -> usize {
        self.text.lines.len().saturating_sub(self.rows_in_view())
    }

    /// Apply one action.
    pub fn update(&mut self, action: Action) -> Outcome {
        if !matches!(action, Action::Resize { .. }) {
            self.message = None;
        }
        if self.help.is_some() && self.update_help(action) {
            return Outcome::Stay;
        }
        if self.find.editing && self.update_prompt(action) {
            return Outcome::Stay;
        }
        match action {
            Action::Down(n) => self.move_by(n as isize),
            Action::Up(n) => self.move_by(-(n as isize)),
            Action::PageDown => self.move_by(self.page() as isize),
            Action::PageUp => self.move_by(-(self.page() as isize)),
            Action::HalfPageDown => self.move_by(self.rows_in_view().div_ceil(2) as isize),
            Action::HalfPageUp => self.move_by(-(self.rows_in_view().div_ceil(2) as isize)),
            Action::Top => self.move_by(isize::MIN / 2),
            Action::Bottom => self.move_by(isize::MAX / 2),
            Action::NextParagraph => self.step_paragraph(1),
            Action::PrevParagraph => self.step_paragraph(-1),
            Action::FocusNext => self.cycle_focus(1),
            Action::FocusPrev => self.cycle_focus(Focus::ALL.len() - 1),
            Action::Select => self.select(),
            Action::Back => return self.back(),
            Action::ToggleScope => self.toggle_scope(),
            Action::TogglePanels => self.toggle_panels(),
            Action::Find => self.open_prompt(),
            Action::FindNext => self.next_match(1),
            Action::FindPrev => self.next_match(-1),
            Action::ToggleRemoved => self.toggle_removed(),
            Action::Copy => self.copy(),
            Action::Help => self.help = Some(0),
            Action::Resize { width, height } => self.resize(width, height),
            Action::Click { column, row } => self.click(column, row),
            Action::Wheel { column, row, down } => self.wheel(column, row, down),
            // prompt keys outside the prompt, and actions for the caller
            Action::FindInput(_)
            | Action::FindBackspace
            | Action::FindConfirm
            | Action::FindCancel
            | Action::NextArticle
            | Action::PrevArticle
            | Action::Suspend
            | Action::Quit
            | Action::Exit
            | Action::ActorAcross
            | Action::Rescan
            | Action::Library(_)
            | Action::Actors(_) => {}
        }
        self.refresh_rows();
        Outcome::Stay
    }

    fn page(&self) -> usize {
        self.rows_in_view().saturating_sub(2).max(1)
    }

    // ---- scrolling and the current paragraph ----

    fn move_by(&mut self, delta: isize) {
        match self.focus.panel() {
            Some(panel) if self.panel_visible(panel) => self.move_cursor(panel, delta),
            _ => self.scroll_by(delta),
        }
    }

    /// Scroll the text; the current paragraph follows when it leaves the
    /// view.
    pub fn scroll_by(&mut self, delta: isize) {
        let old = self.scroll;
        self.scroll = self
            .scroll
            .saturating_add_signed(delta)
            .min(self.max_scroll());
        if self.scroll != old {
            self.follow_scroll(self.scroll > old);
        }
    }

    /// The lines `[first, end)` of the paragraph at `pos`.
    fn paragraph_lines(&self, pos: usize) -> Option<(usize, usize)> {
        self.text.paragraph_lines(pos)
    }

    fn in_view(&self, pos: usize) -> bool {
        let bottom = self.scroll + self.rows_in_view();
        self.paragraph_lines(pos)
            .is_some_and(|(first, end)| first < bottom && end > self.scroll)
    }

    /// After a scroll: if the current paragraph left the view, the
    /// paragraph at the top (scrolling down) or bottom (up) takes over.
    fn follow_scroll(&mut self, down: bool) {
        if self.current.is_some_and(|p| self.in_view(p)) {
            return;
        }
        let rows = self.rows_in_view();
        let lines = &self.text.lines;
        let view = self.scroll..(self.scroll + rows).min(lines.len());
        let found = if down {
            lines[view].iter().find_map(|l| l.paragraph)
        } else {
            lines[view].iter().rev().find_map(|l| l.paragraph)
        };
        if found.is_some() {
            self.current = found;
        }
    }

    fn step_paragraph(&mut self, step: isize) {
        let count = self.article.paragraphs.len();
        let Some(at) = self.current else { return };
        let to = at.saturating_add_signed(step).min(count.saturating_sub(1));
        self.current = Some(to);
        self.reveal_paragraph(to);
    }

    /// Scroll so that the paragraph at `pos` shows, whole if it fits.
    fn reveal_paragraph(&mut self, pos: usize) {
        let Some((first, end)) = self.paragraph_lines(pos) else {
            return;
        };
        let rows = self.rows_in_view();
        if first < self.scroll {
            self.scroll = first;
        } else if end > self.scroll + rows {
            self.scroll = first.min(end.saturating_sub(rows));
        }
        self.scroll = self.scroll.min(self.max_scroll());
    }

    /// Bring a place into view (a third down the screen when it was off
    /// it) and make its paragraph current.
    fn go_to(&mut self, place: Place) {
        let Some(line) = self.text.line_of(place.paragraph, place.start) else {
            return;
        };
        let rows = self.rows_in_view();
        if line < self.scroll || line >= self.scroll + rows {
            self.scroll = line.saturating_sub(rows / 3).min(self.max_scroll());
        }
        self.current = Some(place.paragraph);
        self.jumped = Some(place);
    }

    // ---- panes and panels ----

    fn panel_visible(&self, panel: Panel) -> bool {
        self.areas().lists[panel.slot()].is_some()
    }

    fn cycle_focus(&mut self, step: usize) {
        let i = Focus::ALL
            .iter()
            .position(|f| *f == self.focus)
            .unwrap_or(0);
        self.set_focus(Focus::ALL[(i + step) % Focus::ALL.len()]);
    }

    fn set_focus(&mut self, focus: Focus) {
        self.focus = focus;
        // entering the Actors panel selects nothing: moving in it or Enter
        // does, so that passing through on the way to Quotes filters nothing
        if let Some(panel) = focus.panel() {
            self.shown = panel;
        }
    }

    fn move_cursor(&mut self, panel: Panel, delta: isize) {
        let target = self.rows.step(panel, self.cursors[panel.slot()], delta);
        self.set_cursor(panel, target);
    }

    fn set_cursor(&mut self, panel: Panel, target: Option<Target>) {
        self.cursors[panel.slot()] = target;
        if let (Panel::Actors, Some(Target::Actor(a))) = (panel, target)
            && self.actor != Some(a)
        {
            self.actor = Some(a);
            self.jump = Jump::Mentions;
            self.jumped = None;
        }
    }

    /// Recompute the panels' rows when what they follow changed.
    fn refresh_rows(&mut self) {
        let focus = panels::Focus {
            paragraph: self.current,
            scope: self.scope,
            actor: self.actor,
        };
        if self.rows_for != Some(focus) {
            self.rows = PanelRows::new(&self.article, &self.index, focus);
            self.rows_for = Some(focus);
        }
    }

    /// The selected item of a panel as the panel shows it now.
    pub fn cursor_target(&self, panel: Panel) -> Option<Target> {
        let row = self.rows.cursor(panel, self.cursors[panel.slot()])?;
        self.rows.of(panel).get(row)?.target()
    }

    fn toggle_scope(&mut self) {
        self.scope = match self.scope {
            Scope::Article => Scope::Paragraph,
            Scope::Paragraph => Scope::Article,
        };
        self.say(match self.scope {
            Scope::Article => "Panels: the whole article",
            Scope::Paragraph => "Panels: this paragraph only",
        });
    }

    fn toggle_panels(&mut self) {
        if self.focus.panel().is_some() {
            self.set_focus(Focus::Text);
        } else {
            self.set_focus(Focus::of(self.shown));
        }
    }

    fn select(&mut self) {
        match self.focus.panel().and_then(|p| self.cursor_target(p)) {
            Some(Target::Actor(a)) => {
                self.set_cursor(Panel::Actors, Some(Target::Actor(a)));
                self.jump = Jump::Mentions;
                self.next_match(1);
            }
            Some(Target::Quote(q)) => self.go_to_quote(q),
            Some(Target::Position(p)) => self.go_to_position(p),
            None => {}
        }
    }

    fn go_to_quote(&mut self, quote: usize) {
        let Some(places) = self.index.quote_places.get(quote).cloned().flatten() else {
            self.fail("This quote's paragraph is not in the article");
            return;
        };
        if let Some(first) = places.first() {
            self.go_to(*first);
        }
        self.mark = places;
    }

    fn go_to_position(&mut self, position: usize) {
        let p = &self.article.positions[position];
        if let Some(q) = p.quote.as_deref().and_then(|id| self.quote_index(id)) {
            self.go_to_quote(q);
            return;
        }
        match self.index.position_paragraph[position] {
            Some(paragraph) => {
                let end = self.index.paragraph_chars[paragraph];
                let place = Place {
                    paragraph,
                    start: 0,
                    end,
                };
                self.go_to(place);
                self.mark = vec![place];
            }
            None => self.fail("This position's paragraph is not in the article"),
        }
    }

    fn quote_index(&self, id: &str) -> Option<usize> {
        self.article.quotes.iter().position(|q| q.id == id)
    }

    /// Esc: close or clear the innermost thing; leave when nothing is left.
    fn back(&mut self) -> Outcome {
        let overlay = self.areas().mode == Mode::Narrow && self.focus.panel().is_some();
        if overlay {
            self.set_focus(Focus::Text);
        } else if !self.find.query.is_empty() {
            self.find = Find::default();
            self.jumped = None;
        } else if !self.mark.is_empty() {
            self.mark.clear();
        } else if self.actor.is_some() {
            self.actor = None;
            self.jumped = None;
        } else if self.focus != Focus::Text {
            self.set_focus(Focus::Text);
        } else {
            return Outcome::Leave;
        }
        self.refresh_rows();
        Outcome::Stay
    }

    // ---- removed text, copy, help ----

    fn toggle_removed(&mut self) {
        let count = self.article.removed.len();
        if count == 0 {
            self.say("Nothing was removed from this article");
            return;
        }
        let show = !self.show_removed;
        self.relayout_keeping_place(self.width, self.height, show);
        self.say(&if show {
            format!("Showing {count} removed piece(s), dimmed")
        } else {
            "Removed text hidden".to_string()
        });
    }

    /// Keys while the help is open; false to let the action through.
    fn update_help(&mut self, action: Action) -> bool {
        let at = self.help.unwrap_or(0);
        self.help = match action {
            Action::Down(n) => Some(at.saturating_add(n)),
            Action::Up(n) => Some(at.saturating_sub(n)),
            Action::PageDown | Action::HalfPageDown => Some(at + self.page()),
            Action::PageUp | Action::HalfPageUp => Some(at.saturating_sub(self.page())),
            Action::Top => Some(0),
            Action::Bottom => Some(usize::MAX / 2),
            Action::Help | Action::Back => None,
            Action::Resize { .. } | Action::Quit => return false,
            _ => Some(at),
        };
        true
    }

    // ---- size and layout ----

    fn resize(&mut self, width: u16, height: u16) {
        self.relayout_keeping_place(width, height, self.show_removed);
    }

    /// Lay the text out again (new size or removed-text toggle), keeping
    /// the top line and the current paragraph in view.
    fn relayout_keeping_place(&mut self, width: u16, height: u16, show_removed: bool) {
        let anchor = self.top_anchor();
        let at_top = self.scroll == 0;
        self.width = width;
        self.height = height;
        self.show_removed = show_removed;
        self.relayout();
        if !at_top
            && let Some((pos, offset)) = anchor
            && let Some(line) = self.text.line_of(pos, offset)
        {
            self.scroll = line.min(self.max_scroll());
        }
        if let Some(p) = self.current
            && !self.in_view(p)
        {
            self.reveal_paragraph(p);
        }
    }

    /// The paragraph and char offset of the first text line in view.
    pub fn top_anchor(&self) -> Option<(usize, usize)> {
        self.text
            .lines
            .get(self.scroll..)?
            .iter()
            .find_map(|l| l.paragraph.map(|p| (p, l.start)))
    }

    /// Wrap the text again if the width or the removed toggle changed.
    fn relayout(&mut self) {
        let width = self.areas().text_cols();
        let stale = self.text.width != width
            || self.text.show_removed != self.show_removed
            || self.text.lines.is_empty();
        if stale {
            self.text = TextLayout::new(&self.article, width, self.show_removed);
        }
        self.scroll = self.scroll.min(self.max_scroll());
    }

    /// Go back to a saved place: the top line (a paragraph `index` and a
    /// char offset) and the current paragraph (its `index`).
    pub fn restore(&mut self, paragraph_index: usize, offset: usize, current: Option<usize>) {
        if let Some(pos) = self.index.position(paragraph_index)
            && (pos, offset) != (0, 0)
            && let Some(line) = self.text.line_of(pos, offset)
        {
            self.scroll = line.min(self.max_scroll());
            self.current = Some(pos);
        }
        if let Some(pos) = current.and_then(|i| self.index.position(i)) {
            self.current = Some(pos);
        }
        if let Some(p) = self.current
            && !self.in_view(p)
        {
            self.follow_scroll(true);
        }
        self.refresh_rows();
    }

    /// The saved form of the place in view: paragraph `index` and offset.
    pub fn saved_place(&self) -> Option<(usize, usize)> {
        let (pos, offset) = if self.scroll == 0 {
            (0, 0)
        } else {
            self.top_anchor()?
        };
        Some((self.article.paragraphs.get(pos)?.index, offset))
    }

    // ---- opened from elsewhere ----

    /// The actor the user picked: the one under the Actors panel's cursor
    /// while that panel has the focus, else the one selected.
    pub fn chosen_actor(&self) -> Option<usize> {
        if self.focus == Focus::Actors
            && let Some(Target::Actor(a)) = self.cursor_target(Panel::Actors)
        {
            return Some(a);
        }
        self.actor
    }

    /// Open at paragraph `paragraph_index` (as the model numbers it) with
    /// `actor` selected: its quote (or position) there marked, else the
    /// paragraph made current.
    pub fn open_at(&mut self, paragraph_index: usize, actor: Option<usize>) {
        let actor = actor.filter(|a| *a < self.article.actors.len());
        if let Some(a) = actor {
            self.set_cursor(Panel::Actors, Some(Target::Actor(a)));
        }
        let Some(pos) = self.index.position(paragraph_index) else {
            self.refresh_rows();
            return;
        };
        let who = actor.map(|a| self.index.actor_and_members(a));
        let by = |speaker: Option<usize>| match (&who, speaker) {
            (None, _) => true,
            (Some(who), Some(s)) => who.contains(&s),
            (Some(_), None) => false,
        };
        let quote = (0..self.article.quotes.len()).find(|&q| {
            self.article.quotes[q].paragraph == paragraph_index && by(self.index.quote_speaker[q])
        });
        let position = (0..self.article.positions.len()).find(|&p| {
            self.index.position_paragraph[p] == Some(pos) && by(self.index.position_actor[p])
        });
        match (quote, position) {
            (Some(q), _) => self.go_to_quote(q),
            (None, Some(p)) => self.go_to_position(p),
            (None, None) => {
                self.current = Some(pos);
                self.reveal_paragraph(pos);
            }
        }
        self.refresh_rows();
    }

    // ---- messages ----

    fn say(&mut self, text: &str) {
        self.message = Some(Message {
            text: text.to_string(),
            error: false,
        });
    }

    fn fail(&mut self, text: &str) {
        self.message = Some(Message {
            text: text.to_string(),
            error: true,
        });
    }
}

/// The first row shown of a list of `len` rows in `height` rows, keeping the
/// cursor row in the middle when the list is longer than the space.
pub fn list_offset(cursor: usize, len: usize, height: usize) -> usize {
    if len <= height {
        0
    } else {
        cursor.saturating_sub(height / 2).min(len - height)
    }
}
