//! What the library's list screens share: the keys that move a selection
//! and type a filter (read through the keymap, so rebound keys work here
//! too), the filter being typed, and keeping the selection in view. Each
//! screen adds its own commands on top.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::keymap::{Command, Key, Keymap, Page};

/// Moving the selection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Nav {
    Down(usize),
    Up(usize),
    Top,
    Bottom,
}

/// Typing the filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    /// Start typing (`/`).
    Start,
    Type(char),
    Backspace,
    /// Stop typing, keep the filter (`Enter`).
    Accept,
    /// Stop typing and drop the filter (`Esc`).
    Clear,
}

/// What a key means on a list screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListKey {
    Nav(Nav),
    Edit(Edit),
    /// Quit dossier (`Ctrl-c`).
    Quit,
    /// A command for the screen itself.
    Own(Command),
}

/// The meaning of `key` on `page` of the keymap; `rows` is the number of
/// rows in view.
pub fn read(
    key: &KeyEvent,
    filter: &FilterText,
    rows: usize,
    keymap: &Keymap,
    page: Page,
) -> Option<ListKey> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    if ctrl && key.code == KeyCode::Char('c') {
        return Some(ListKey::Quit);
    }
    if filter.editing {
        return Some(match key.code {
            KeyCode::Enter => ListKey::Edit(Edit::Accept),
            KeyCode::Esc => ListKey::Edit(Edit::Clear),
            KeyCode::Backspace => ListKey::Edit(Edit::Backspace),
            KeyCode::Down => ListKey::Nav(Nav::Down(1)),
            KeyCode::Up => ListKey::Nav(Nav::Up(1)),
            KeyCode::Char(c) if !ctrl => ListKey::Edit(Edit::Type(c)),
            _ => return None,
        });
    }
    Some(match keymap.command_on(page, key)? {
        Command::ScrollDown => ListKey::Nav(Nav::Down(1)),
        Command::ScrollUp => ListKey::Nav(Nav::Up(1)),
        Command::PageDown => ListKey::Nav(Nav::Down(rows)),
        Command::PageUp => ListKey::Nav(Nav::Up(rows)),
        Command::HalfPageDown => ListKey::Nav(Nav::Down(rows.div_ceil(2))),
        Command::HalfPageUp => ListKey::Nav(Nav::Up(rows.div_ceil(2))),
        Command::Top => ListKey::Nav(Nav::Top),
        Command::Bottom => ListKey::Nav(Nav::Bottom),
        Command::Find => ListKey::Edit(Edit::Start),
        Command::Exit => ListKey::Quit,
        command => ListKey::Own(command),
    })
}

/// "Enter open", "/ filter": a hint for the status line from the keymap,
/// when the command has a key.
pub fn hint(keymap: &Keymap, command: Command, what: &str) -> Option<String> {
    let key: Key = keymap.first_key(command)?;
    Some(super::text::safe(&format!("{key} {what}")).into_owned())
}

/// `lead`, then as many of `hints` as fit in `width` columns (the first
/// ones are the most useful).
pub fn with_hints(lead: &str, hints: &[String], width: u16) -> String {
    let width = usize::from(width);
    let mut line = lead.to_string();
    let mut used = unicode_width::UnicodeWidthStr::width(lead);
    for (i, h) in hints.iter().enumerate() {
        let sep = if i == 0 { " " } else { " · " };
        let w = unicode_width::UnicodeWidthStr::width(h.as_str()) + sep.len();
        if used + w > width {
            break;
        }
        line.push_str(sep);
        line.push_str(h);
        used += w;
    }
    line
}

/// The filter as typed, and whether keys go to it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FilterText {
    pub text: String,
    pub editing: bool,
}

impl FilterText {
    /// Apply an edit; whether the text changed.
    pub fn apply(&mut self, edit: Edit) -> bool {
        match edit {
            Edit::Start => self.editing = true,
            Edit::Type(c) => {
                self.text.push(c);
                return true;
            }
            Edit::Backspace => {
                if self.text.pop().is_some() {
                    return true;
                }
                self.editing = false;
            }
            Edit::Accept => self.editing = false,
            Edit::Clear => {
                self.editing = false;
                return !std::mem::take(&mut self.text).is_empty();
            }
        }
        false
    }

    /// The status line while typing, or the words that open it otherwise
    /// ("filter: x ·", or nothing).
    pub fn status(&self) -> Result<String, String> {
        let text = super::text::safe(&self.text);
        if self.editing {
            Err(format!(" /{text}▏ Enter keep · Esc clear"))
        } else if self.text.is_empty() {
            Ok(String::new())
        } else {
            Ok(format!(" filter: {text} ·"))
        }
    }
}

/// The selection after a move in a list of `len` rows.
pub fn moved(selected: usize, nav: Nav, len: usize) -> usize {
    let last = len.saturating_sub(1);
    match nav {
        Nav::Down(n) => selected.saturating_add(n).min(last),
        Nav::Up(n) => selected.saturating_sub(n).min(last),
        Nav::Top => 0,
        Nav::Bottom => last,
    }
}

/// The first row in view so that `selected` shows among `rows` rows of a
/// list of `len`, moving the view as little as possible from `offset`.
pub fn offset_for(selected: usize, offset: usize, rows: usize, len: usize) -> usize {
    let rows = rows.max(1);
    let offset = if selected < offset {
        selected
    } else if selected >= offset + rows {
        selected + 1 - rows
    } else {
        offset
    };
    offset.min(len.saturating_sub(rows))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_view_moves_only_when_the_selection_leaves_it() {
        assert_eq!(offset_for(5, 0, 10, 100), 0);
        assert_eq!(offset_for(12, 0, 10, 100), 3);
        assert_eq!(offset_for(11, 3, 10, 100), 3);
        assert_eq!(offset_for(2, 3, 10, 100), 2);
        assert_eq!(offset_for(99, 0, 10, 100), 90);
        assert_eq!(offset_for(0, 50, 10, 5), 0);
    }

    #[test]
    fn typing_a_filter() {
        let mut f = FilterText::default();
        assert!(!f.apply(Edit::Start));
        assert!(f.apply(Edit::Type('a')));
        assert_eq!(f.status(), Err(" /a▏ Enter keep · Esc clear".to_string()));
        assert!(!f.apply(Edit::Accept));
        assert_eq!(f.status(), Ok(" filter: a ·".to_string()));
        assert!(f.apply(Edit::Clear));
        assert!(!f.apply(Edit::Clear));
        f.apply(Edit::Start);
        assert!(!f.apply(Edit::Backspace), "empty: leaves typing");
        assert!(!f.editing);
    }
}
