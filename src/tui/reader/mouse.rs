//! The mouse, when switched on: the wheel scrolls the text or a panel, a
//! click selects a panel row, a tab, or a paragraph.

use ratatui::layout::Position;

use super::{Focus, Reader, list_offset};
use crate::tui::layout::Mode;
use crate::tui::panels::Panel;

impl Reader {
    pub(super) fn click(&mut self, column: u16, row: u16) {
        let areas = self.areas();
        let at = Position::new(column, row);
        if let Some(tabs) = areas.tabs.filter(|t| t.contains(at)) {
            let third = (column - tabs.x) as usize * 3 / usize::from(tabs.width.max(1));
            self.set_focus(Focus::of(Panel::ALL[third.min(2)]));
            return;
        }
        for panel in Panel::ALL {
            if let Some(list) = areas.lists[panel.slot()].filter(|l| l.contains(at)) {
                self.set_focus(Focus::of(panel));
                let rows = self.rows.of(panel);
                let cursor = self
                    .rows
                    .cursor(panel, self.cursors[panel.slot()])
                    .unwrap_or(0);
                let offset = list_offset(cursor, rows.len(), usize::from(list.height));
                let hit = offset + usize::from(row - list.y);
                if let Some(target) = rows.get(hit).and_then(|r| r.target()) {
                    self.set_cursor(panel, Some(target));
                }
                return;
            }
        }
        if areas.body.contains(at) && areas.mode != Mode::Tiny {
            self.set_focus(Focus::Text);
            let line = self.scroll + usize::from(row - areas.body.y);
            if let Some(p) = self.text.lines.get(line).and_then(|l| l.paragraph) {
                self.current = Some(p);
            }
        }
    }

    pub(super) fn wheel(&mut self, column: u16, row: u16, down: bool) {
        let areas = self.areas();
        let at = Position::new(column, row);
        let delta = if down { 3 } else { -3 };
        for panel in Panel::ALL {
            if areas.lists[panel.slot()].is_some_and(|l| l.contains(at)) {
                self.move_cursor(panel, delta);
                return;
            }
        }
        self.scroll_by(delta);
    }
}
