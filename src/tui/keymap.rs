//! Keys to actions. Every command a key can run has a name (used in
//! `config.toml`), a description (the help overlay is generated from it) and
//! default keys in the habits of vim and less; the user may rebind any.

use std::collections::HashMap;
use std::fmt;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::app::Action;

/// The commands keys can be bound to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Command {
    ScrollDown,
    ScrollUp,
    PageDown,
    PageUp,
    HalfPageDown,
    HalfPageUp,
    Top,
    Bottom,
    NextParagraph,
    PrevParagraph,
    FocusNext,
    FocusPrev,
    Select,
    Back,
    Scope,
    Panels,
    Find,
    FindNext,
    FindPrev,
    Removed,
    Copy,
    Help,
    NextArticle,
    PrevArticle,
    Suspend,
    Quit,
}

/// The groups of the help overlay.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Reading,
    Panels,
    Find,
    Other,
}

impl Section {
    pub const ALL: [Section; 4] = [
        Section::Reading,
        Section::Panels,
        Section::Find,
        Section::Other,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Section::Reading => "Reading",
            Section::Panels => "Panels",
            Section::Find => "Find",
            Section::Other => "Other",
        }
    }
}

/// name, section, description, default keys, for each command (the order
/// of the help overlay).
#[rustfmt::skip]
const COMMANDS: &[(Command, &str, Section, &str, &[&str])] = &[
    (Command::ScrollDown, "scroll_down", Section::Reading, "scroll down a line (or move down a panel)", &["j", "Down", "Ctrl-e"]),
    (Command::ScrollUp, "scroll_up", Section::Reading, "scroll up a line (or move up a panel)", &["k", "Up", "Ctrl-y"]),
    (Command::PageDown, "page_down", Section::Reading, "scroll down a page", &["Space", "PageDown", "f", "Ctrl-f"]),
    (Command::PageUp, "page_up", Section::Reading, "scroll up a page", &["b", "PageUp", "Ctrl-b"]),
    (Command::HalfPageDown, "half_page_down", Section::Reading, "scroll down half a page", &["d", "Ctrl-d"]),
    (Command::HalfPageUp, "half_page_up", Section::Reading, "scroll up half a page", &["u", "Ctrl-u"]),
    (Command::Top, "top", Section::Reading, "go to the top", &["g", "Home"]),
    (Command::Bottom, "bottom", Section::Reading, "go to the end", &["G", "End"]),
    (Command::NextParagraph, "next_paragraph", Section::Reading, "next paragraph (the panels follow it)", &["}"]),
    (Command::PrevParagraph, "prev_paragraph", Section::Reading, "previous paragraph", &["{"]),
    (Command::Removed, "toggle_removed", Section::Reading, "show or hide removed boilerplate", &["r"]),
    (Command::FocusNext, "focus_next", Section::Panels, "next pane: text, actors, quotes, positions", &["Tab"]),
    (Command::FocusPrev, "focus_prev", Section::Panels, "previous pane", &["Shift-Tab"]),
    (Command::Select, "select", Section::Panels, "go to the selected quote, position or mention", &["Enter"]),
    (Command::Back, "back", Section::Panels, "clear the selection, close, go back", &["Esc"]),
    (Command::Scope, "toggle_scope", Section::Panels, "panels: this paragraph or the whole article", &["a"]),
    (Command::Panels, "toggle_panels", Section::Panels, "show the panels (narrow terminals)", &["p"]),
    (Command::Copy, "copy", Section::Panels, "copy the selected quote with its speaker", &["y"]),
    (Command::Find, "find", Section::Find, "find text", &["/"]),
    (Command::FindNext, "next_match", Section::Find, "next match, or next mention of the actor", &["n"]),
    (Command::FindPrev, "prev_match", Section::Find, "previous match or mention", &["N"]),
    (Command::NextArticle, "next_article", Section::Other, "next article", &["]"]),
    (Command::PrevArticle, "prev_article", Section::Other, "previous article", &["["]),
    (Command::Help, "help", Section::Other, "show or hide this help", &["?"]),
    (Command::Suspend, "suspend", Section::Other, "suspend to the shell (fg comes back)", &["Ctrl-z"]),
    (Command::Quit, "quit", Section::Other, "quit", &["q", "Ctrl-c"]),
];

impl Command {
    /// Every command, in help order.
    pub fn all() -> impl Iterator<Item = Command> {
        COMMANDS.iter().map(|c| c.0)
    }

    fn entry(
        self,
    ) -> &'static (
        Command,
        &'static str,
        Section,
        &'static str,
        &'static [&'static str],
    ) {
        // every command has an entry; the table is checked by a test
        COMMANDS
            .iter()
            .find(|c| c.0 == self)
            .unwrap_or(&COMMANDS[0])
    }

    /// The name used in `config.toml`.
    pub fn name(self) -> &'static str {
        self.entry().1
    }

    pub fn section(self) -> Section {
        self.entry().2
    }

    pub fn description(self) -> &'static str {
        self.entry().3
    }

    pub fn from_name(name: &str) -> Option<Command> {
        COMMANDS.iter().find(|c| c.1 == name).map(|c| c.0)
    }

    /// What the command asks of the reader.
    pub fn action(self) -> Action {
        match self {
            Command::ScrollDown => Action::Down(1),
            Command::ScrollUp => Action::Up(1),
            Command::PageDown => Action::PageDown,
            Command::PageUp => Action::PageUp,
            Command::HalfPageDown => Action::HalfPageDown,
            Command::HalfPageUp => Action::HalfPageUp,
            Command::Top => Action::Top,
            Command::Bottom => Action::Bottom,
            Command::NextParagraph => Action::NextParagraph,
            Command::PrevParagraph => Action::PrevParagraph,
            Command::FocusNext => Action::FocusNext,
            Command::FocusPrev => Action::FocusPrev,
            Command::Select => Action::Select,
            Command::Back => Action::Back,
            Command::Scope => Action::ToggleScope,
            Command::Panels => Action::TogglePanels,
            Command::Find => Action::Find,
            Command::FindNext => Action::FindNext,
            Command::FindPrev => Action::FindPrev,
            Command::Removed => Action::ToggleRemoved,
            Command::Copy => Action::Copy,
            Command::Help => Action::Help,
            Command::NextArticle => Action::NextArticle,
            Command::Suspend => Action::Suspend,
            Command::PrevArticle => Action::PrevArticle,
            Command::Quit => Action::Quit,
        }
    }
}

/// A key with its modifiers, as the keymap stores it: letters carry their
/// case (no Shift), Shift-Tab is Tab with Shift.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

impl Key {
    /// The key a terminal event stands for.
    pub fn from_event(event: &KeyEvent) -> Key {
        let mut modifiers = event.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT);
        let code = match event.code {
            KeyCode::BackTab => {
                modifiers |= KeyModifiers::SHIFT;
                KeyCode::Tab
            }
            KeyCode::Char(c) if modifiers.contains(KeyModifiers::CONTROL) => {
                KeyCode::Char(c.to_ascii_lowercase())
            }
            code => {
                if event.modifiers.contains(KeyModifiers::SHIFT)
                    && !matches!(code, KeyCode::Char(_))
                {
                    modifiers |= KeyModifiers::SHIFT;
                }
                code
            }
        };
        Key { code, modifiers }
    }

    /// Parse a key as written in the config: `j`, `G`, `?`, `Space`,
    /// `Ctrl-d`, `Shift-Tab`, `PageDown`, `F5`...
    pub fn parse(text: &str) -> Option<Key> {
        let mut modifiers = KeyModifiers::NONE;
        let mut rest = text;
        loop {
            let lower = rest.to_ascii_lowercase();
            let (m, len) = if lower.starts_with("ctrl-") || lower.starts_with("ctrl+") {
                (KeyModifiers::CONTROL, 5)
            } else if lower.starts_with("alt-") || lower.starts_with("alt+") {
                (KeyModifiers::ALT, 4)
            } else if lower.starts_with("shift-") || lower.starts_with("shift+") {
                (KeyModifiers::SHIFT, 6)
            } else {
                break;
            };
            if rest.len() == len {
                break;
            }
            modifiers |= m;
            rest = &rest[len..];
        }
        if rest.eq_ignore_ascii_case("backtab") {
            return Some(Key {
                code: KeyCode::Tab,
                modifiers: modifiers | KeyModifiers::SHIFT,
            });
        }
        let code = parse_code(rest)?;
        let mut key = Key { code, modifiers };
        if let KeyCode::Char(c) = code {
            if key.modifiers.contains(KeyModifiers::SHIFT) {
                key.code = KeyCode::Char(c.to_ascii_uppercase());
                key.modifiers -= KeyModifiers::SHIFT;
            }
            if key.modifiers.contains(KeyModifiers::CONTROL) {
                key.code = KeyCode::Char(c.to_ascii_lowercase());
            }
        }
        Some(key)
    }
}

fn parse_code(name: &str) -> Option<KeyCode> {
    let mut chars = name.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        // a control character is no key name (and must not be printed)
        return (!c.is_control()).then_some(KeyCode::Char(c));
    }
    let lower = name.to_ascii_lowercase();
    Some(match lower.as_str() {
        "space" => KeyCode::Char(' '),
        "enter" | "return" => KeyCode::Enter,
        "esc" | "escape" => KeyCode::Esc,
        "tab" => KeyCode::Tab,
        "backspace" => KeyCode::Backspace,
        "delete" | "del" => KeyCode::Delete,
        "insert" | "ins" => KeyCode::Insert,
        "up" => KeyCode::Up,
        "down" => KeyCode::Down,
        "left" => KeyCode::Left,
        "right" => KeyCode::Right,
        "home" => KeyCode::Home,
        "end" => KeyCode::End,
        "pageup" | "pgup" => KeyCode::PageUp,
        "pagedown" | "pgdn" => KeyCode::PageDown,
        f if f.starts_with('f') => match f[1..].parse::<u8>() {
            Ok(n @ 1..=24) => KeyCode::F(n),
            _ => return None,
        },
        _ => return None,
    })
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            f.write_str("Ctrl-")?;
        }
        if self.modifiers.contains(KeyModifiers::ALT) {
            f.write_str("Alt-")?;
        }
        if self.modifiers.contains(KeyModifiers::SHIFT) {
            f.write_str("Shift-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("Space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::Enter => f.write_str("Enter"),
            KeyCode::Esc => f.write_str("Esc"),
            KeyCode::Tab => f.write_str("Tab"),
            KeyCode::Backspace => f.write_str("Backspace"),
            KeyCode::Delete => f.write_str("Delete"),
            KeyCode::Insert => f.write_str("Insert"),
            KeyCode::Up => f.write_str("Up"),
            KeyCode::Down => f.write_str("Down"),
            KeyCode::Left => f.write_str("Left"),
            KeyCode::Right => f.write_str("Right"),
            KeyCode::Home => f.write_str("Home"),
            KeyCode::End => f.write_str("End"),
            KeyCode::PageUp => f.write_str("PageUp"),
            KeyCode::PageDown => f.write_str("PageDown"),
            KeyCode::F(n) => write!(f, "F{n}"),
            other => write!(f, "{other:?}"),
        }
    }
}

/// The keys bound to each command.
#[derive(Debug, Clone)]
pub struct Keymap {
    by_key: HashMap<Key, Command>,
    /// Each command's keys, in the order they were given.
    keys: Vec<(Command, Vec<Key>)>,
}

impl Default for Keymap {
    fn default() -> Self {
        let keys = COMMANDS
            .iter()
            .map(|(command, _, _, _, defaults)| {
                (
                    *command,
                    defaults.iter().filter_map(|k| Key::parse(k)).collect(),
                )
            })
            .collect();
        let mut map = Keymap {
            by_key: HashMap::new(),
            keys,
        };
        map.reindex();
        map
    }
}

impl Keymap {
    fn reindex(&mut self) {
        self.by_key = self
            .keys
            .iter()
            .flat_map(|(command, keys)| keys.iter().map(move |k| (*k, *command)))
            .collect();
    }

    /// Bind `keys` to `command` in place of its defaults. A key taken from
    /// another command's defaults is taken away from it.
    pub fn bind(&mut self, command: Command, keys: Vec<Key>) {
        for (c, list) in &mut self.keys {
            if *c != command {
                list.retain(|k| !keys.contains(k));
            }
        }
        if let Some((_, list)) = self.keys.iter_mut().find(|(c, _)| *c == command) {
            *list = keys;
        }
        self.reindex();
    }

    /// The command a key press runs.
    pub fn command(&self, event: &KeyEvent) -> Option<Command> {
        if event.kind == KeyEventKind::Release {
            return None;
        }
        self.by_key.get(&Key::from_event(event)).copied()
    }

    /// The keys bound to a command.
    pub fn keys(&self, command: Command) -> &[Key] {
        self.keys
            .iter()
            .find(|(c, _)| *c == command)
            .map_or(&[], |(_, k)| k.as_slice())
    }

    /// The first key of a command, for hints ("? help").
    pub fn first_key(&self, command: Command) -> Option<Key> {
        self.keys(command).first().copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn every_command_has_one_entry_and_parseable_keys() {
        for (i, (command, name, _, _, keys)) in COMMANDS.iter().enumerate() {
            assert_eq!(COMMANDS.iter().position(|c| c.0 == *command), Some(i));
            assert_eq!(Command::from_name(name), Some(*command));
            for k in *keys {
                assert!(Key::parse(k).is_some(), "{k}");
            }
        }
    }

    #[test]
    fn default_keys_follow_vim_and_less() {
        let map = Keymap::default();
        let cmd = |code, m| map.command(&press(code, m));
        assert_eq!(
            cmd(KeyCode::Char('j'), KeyModifiers::NONE),
            Some(Command::ScrollDown)
        );
        assert_eq!(
            cmd(KeyCode::Char('G'), KeyModifiers::SHIFT),
            Some(Command::Bottom)
        );
        assert_eq!(
            cmd(KeyCode::Char(' '), KeyModifiers::NONE),
            Some(Command::PageDown)
        );
        assert_eq!(
            cmd(KeyCode::BackTab, KeyModifiers::SHIFT),
            Some(Command::FocusPrev)
        );
        assert_eq!(
            cmd(KeyCode::Char('c'), KeyModifiers::CONTROL),
            Some(Command::Quit)
        );
        assert_eq!(
            cmd(KeyCode::Char('?'), KeyModifiers::SHIFT),
            Some(Command::Help)
        );
        assert_eq!(
            cmd(KeyCode::Char('}'), KeyModifiers::SHIFT),
            Some(Command::NextParagraph)
        );
        assert_eq!(cmd(KeyCode::Char('x'), KeyModifiers::NONE), None);
    }

    #[test]
    fn keys_parse_and_print_the_same_way() {
        for text in [
            "j",
            "G",
            "Space",
            "Ctrl-d",
            "Shift-Tab",
            "PageDown",
            "F5",
            "Alt-x",
            "Esc",
        ] {
            let key = Key::parse(text).expect(text);
            assert_eq!(key.to_string(), text);
        }
        assert_eq!(Key::parse("ctrl+D"), Key::parse("Ctrl-d"));
        assert_eq!(Key::parse("Shift-g"), Key::parse("G"));
        assert_eq!(Key::parse("BackTab"), Key::parse("Shift-Tab"));
        assert_eq!(Key::parse("Dwn"), None);
        assert_eq!(Key::parse(""), None);
        assert_eq!(Key::parse("\u{1b}"), None);
    }

    #[test]
    fn rebinding_replaces_defaults_and_takes_the_key_from_others() {
        let mut map = Keymap::default();
        let q = Key::parse("q").expect("q");
        map.bind(Command::ScrollDown, vec![q]);
        let event = press(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(map.command(&event), Some(Command::ScrollDown));
        assert_eq!(map.keys(Command::Quit).len(), 1);
        let j = press(KeyCode::Char('j'), KeyModifiers::NONE);
        assert_eq!(map.command(&j), None);
    }
}
