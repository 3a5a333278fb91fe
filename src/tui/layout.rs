//! Where each pane goes for a terminal size: wide (text beside the three
//! panels), medium (text beside one panel with tabs), narrow (text only,
//! panels as a full-screen overlay) or tiny (a message). One pure function,
//! used by the view to draw and by the state to know its page size and to
//! find what a mouse click hit.

use ratatui::layout::{Constraint, Layout, Rect};
use serde::Deserialize;

use super::panels::Panel;

/// The narrowest terminal for the wide layout.
pub const WIDE_MIN_COLS: u16 = 120;
/// The narrowest terminal for the medium layout.
pub const MEDIUM_MIN_COLS: u16 = 80;
/// Below these the reader only says the terminal is too small.
pub const TINY_COLS: u16 = 20;
pub const TINY_ROWS: u16 = 5;
/// Columns left of the text: the current-paragraph mark and a space.
pub const GUTTER: u16 = 2;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Wide,
    Medium,
    Narrow,
    Tiny,
}

/// The layout a user prefers (config `layout`); `Auto` picks by width. A
/// preferred layout is used only when the terminal is wide enough for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LayoutChoice {
    #[default]
    Auto,
    Wide,
    Medium,
    Narrow,
}

/// The rectangles of one screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    pub mode: Mode,
    /// The text pane, with its border in the wide and medium layouts.
    pub text: Rect,
    /// Where the text lines go, gutter included.
    pub body: Rect,
    /// The block of each panel that is on screen (in the medium layout and
    /// the narrow overlay: the one shown, tabs included).
    pub panels: [Option<Rect>; 3],
    /// The row of tabs (medium layout and narrow overlay).
    pub tabs: Option<Rect>,
    /// Where a panel's rows go, inside its block (below the tabs).
    pub lists: [Option<Rect>; 3],
    pub status: Rect,
}

impl Areas {
    /// Columns the text is wrapped to (a column is kept free on the right).
    pub fn text_cols(&self) -> usize {
        usize::from(self.body.width.saturating_sub(GUTTER + 1)).max(1)
    }

    /// Rows of text on screen.
    pub fn text_rows(&self) -> usize {
        usize::from(self.body.height).max(1)
    }
}

/// The screen for `area`: `overlay` when the narrow layout's panel overlay
/// is open, `shown` the panel a single-panel layout shows.
pub fn areas(area: Rect, choice: LayoutChoice, overlay: bool, shown: Panel) -> Areas {
    let mode = mode_for(area, choice);
    let mut out = Areas {
        mode,
        text: Rect::default(),
        body: Rect::default(),
        panels: [None; 3],
        tabs: None,
        lists: [None; 3],
        status: Rect::default(),
    };
    if mode == Mode::Tiny {
        out.text = area;
        return out;
    }
    let [main, status] = Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(area);
    out.status = status;
    match mode {
        Mode::Wide => {
            let text_cols = (area.width * 3 / 5).clamp(70, 100);
            let [text, side] =
                Layout::horizontal([Constraint::Length(text_cols), Constraint::Fill(1)])
                    .areas(main);
            out.set_text(text, true);
            let blocks: [Rect; 3] = Layout::vertical([
                Constraint::Fill(3),
                Constraint::Fill(3),
                Constraint::Fill(2),
            ])
            .areas(side);
            for (panel, block) in Panel::ALL.into_iter().zip(blocks) {
                out.panels[panel.slot()] = Some(block);
                out.lists[panel.slot()] = Some(padded(inner(block)));
            }
        }
        Mode::Medium => {
            let side_cols = (area.width * 2 / 5).clamp(32, 44);
            let [text, side] =
                Layout::horizontal([Constraint::Fill(1), Constraint::Length(side_cols)])
                    .areas(main);
            out.set_text(text, true);
            out.set_single_panel(side, shown);
        }
        Mode::Narrow | Mode::Tiny => {
            out.set_text(main, false);
            if overlay {
                out.set_single_panel(main, shown);
            }
        }
    }
    out
}

fn mode_for(area: Rect, choice: LayoutChoice) -> Mode {
    if area.width < TINY_COLS || area.height < TINY_ROWS {
        return Mode::Tiny;
    }
    let by_width = if area.width >= WIDE_MIN_COLS {
        Mode::Wide
    } else if area.width >= MEDIUM_MIN_COLS {
        Mode::Medium
    } else {
        Mode::Narrow
    };
    let preferred = match choice {
        LayoutChoice::Auto | LayoutChoice::Wide => Mode::Wide,
        LayoutChoice::Medium => Mode::Medium,
        LayoutChoice::Narrow => Mode::Narrow,
    };
    // the preferred layout, or a narrower one when it does not fit
    let rank = |m: Mode| match m {
        Mode::Wide => 3,
        Mode::Medium => 2,
        Mode::Narrow => 1,
        Mode::Tiny => 0,
    };
    if rank(preferred) < rank(by_width) {
        preferred
    } else {
        by_width
    }
}

fn inner(block: Rect) -> Rect {
    Rect {
        x: block.x.saturating_add(1),
        y: block.y.saturating_add(1),
        width: block.width.saturating_sub(2),
        height: block.height.saturating_sub(2),
    }
}

/// A column of space on each side, when there is room for it.
fn padded(r: Rect) -> Rect {
    if r.width > 8 {
        Rect {
            x: r.x + 1,
            width: r.width - 2,
            ..r
        }
    } else {
        r
    }
}

impl Areas {
    fn set_text(&mut self, text: Rect, bordered: bool) {
        self.text = text;
        self.body = if bordered { inner(text) } else { text };
    }

    fn set_single_panel(&mut self, block: Rect, shown: Panel) {
        let inside = padded(inner(block));
        let [tabs, list] =
            Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(inside);
        self.panels[shown.slot()] = Some(block);
        self.lists[shown.slot()] = Some(list);
        self.tabs = Some(tabs);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(w: u16, h: u16) -> Areas {
        areas(
            Rect::new(0, 0, w, h),
            LayoutChoice::Auto,
            false,
            Panel::Actors,
        )
    }

    #[test]
    fn the_layout_follows_the_width() {
        assert_eq!(at(160, 48).mode, Mode::Wide);
        assert_eq!(at(120, 30).mode, Mode::Wide);
        assert_eq!(at(119, 30).mode, Mode::Medium);
        assert_eq!(at(80, 24).mode, Mode::Medium);
        assert_eq!(at(79, 24).mode, Mode::Narrow);
        assert_eq!(at(40, 12).mode, Mode::Narrow);
        assert_eq!(at(19, 12).mode, Mode::Tiny);
        assert_eq!(at(1, 1).mode, Mode::Tiny);
    }

    #[test]
    fn wide_shows_three_panels_and_medium_one_with_tabs() {
        let w = at(160, 48);
        assert!(w.panels.iter().all(Option::is_some));
        assert_eq!(w.text_cols(), 91);
        let m = at(100, 30);
        assert_eq!(m.panels.iter().flatten().count(), 1);
        assert!(m.tabs.is_some());
    }

    #[test]
    fn a_preferred_layout_is_used_only_when_it_fits() {
        let r = Rect::new(0, 0, 160, 48);
        let m = areas(r, LayoutChoice::Medium, false, Panel::Quotes);
        assert_eq!(m.mode, Mode::Medium);
        assert!(m.panels[1].is_some());
        let small = Rect::new(0, 0, 90, 30);
        assert_eq!(
            areas(small, LayoutChoice::Wide, false, Panel::Actors).mode,
            Mode::Medium
        );
    }

    #[test]
    fn the_narrow_overlay_covers_the_text() {
        let n = areas(
            Rect::new(0, 0, 40, 12),
            LayoutChoice::Auto,
            true,
            Panel::Positions,
        );
        assert_eq!(n.panels[2], Some(Rect::new(0, 0, 40, 11)));
        assert_eq!(n.status, Rect::new(0, 11, 40, 1));
    }
}
