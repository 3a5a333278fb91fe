//! Keys to actions. Every command a key can run has a name (used in
//! `config.toml`), a description (the help overlay is generated from it),
//! default keys in the habits of vim and less, and the pages it works on
//! (the article, the library list, the actors across the library): a key
//! may mean one thing on the article and another on the library. The user
//! may rebind any.

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
    /// Quit dossier from any page.
    Exit,
    /// Library: cycle the order of the rows.
    Sort,
    /// Library: mark the selected article read or unread.
    ToggleRead,
    /// Library: the selected article's actors across the library.
    ArticleActors,
    /// Library: every actor of the library.
    AllActors,
    /// Article: the selected actor (or all of the article's) across the
    /// library.
    ActorAcross,
}

/// The pages of the program; each has its own keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Page {
    /// One article with its panels.
    Article,
    /// The library's list of articles.
    Library,
    /// The actors across the library.
    Actors,
}

impl Page {
    pub const ALL: [Page; 3] = [Page::Article, Page::Library, Page::Actors];
}

/// The groups of the help overlay.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Reading,
    Panels,
    Find,
    /// Moving in a list.
    Moving,
    Library,
    Actors,
    Other,
}

impl Section {
    pub const ALL: [Section; 7] = [
        Section::Reading,
        Section::Panels,
        Section::Find,
        Section::Moving,
        Section::Library,
        Section::Actors,
        Section::Other,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Section::Reading => "Reading",
            Section::Panels => "Panels",
            Section::Find => "Find",
            Section::Moving => "Moving",
            Section::Library => "Library",
            Section::Actors => "Actors across the library",
            Section::Other => "Other",
        }
    }
}

/// Pages a command works on.
const EVERY_PAGE: &[Page] = &[Page::Article, Page::Library, Page::Actors];
const ARTICLE: &[Page] = &[Page::Article];
const LIBRARY: &[Page] = &[Page::Library];
const ARTICLE_AND_ACTORS: &[Page] = &[Page::Article, Page::Actors];

/// A command, its pages, name, section, description and default keys.
type CommandEntry = (
    Command,
    &'static [Page],
    &'static str,
    Section,
    &'static str,
    &'static [&'static str],
);

/// pages, name, section, description, default keys, for each command (the
/// order of the help overlay).
#[rustfmt::skip]
const COMMANDS: &[CommandEntry] = &[
    (Command::ScrollDown, EVERY_PAGE, "scroll_down", Section::Reading, "scroll down a line (or move down a panel)", &["j", "Down", "Ctrl-e"]),
    (Command::ScrollUp, EVERY_PAGE, "scroll_up", Section::Reading, "scroll up a line (or move up a panel)", &["k", "Up", "Ctrl-y"]),
    (Command::PageDown, EVERY_PAGE, "page_down", Section::Reading, "scroll down a page", &["Space", "PageDown", "f", "Ctrl-f"]),
    (Command::PageUp, EVERY_PAGE, "page_up", Section::Reading, "scroll up a page", &["b", "PageUp", "Ctrl-b"]),
    (Command::HalfPageDown, EVERY_PAGE, "half_page_down", Section::Reading, "scroll down half a page", &["d", "Ctrl-d"]),
    (Command::HalfPageUp, EVERY_PAGE, "half_page_up", Section::Reading, "scroll up half a page", &["u", "Ctrl-u"]),
    (Command::Top, EVERY_PAGE, "top", Section::Reading, "go to the top", &["g", "Home"]),
    (Command::Bottom, EVERY_PAGE, "bottom", Section::Reading, "go to the end", &["G", "End"]),
    (Command::NextParagraph, ARTICLE, "next_paragraph", Section::Reading, "next paragraph (the panels follow it)", &["}"]),
    (Command::PrevParagraph, ARTICLE, "prev_paragraph", Section::Reading, "previous paragraph", &["{"]),
    (Command::Removed, ARTICLE, "toggle_removed", Section::Reading, "show or hide removed boilerplate", &["r"]),
    (Command::FocusNext, ARTICLE_AND_ACTORS, "focus_next", Section::Panels, "next pane: text, actors, quotes, positions", &["Tab"]),
    (Command::FocusPrev, ARTICLE_AND_ACTORS, "focus_prev", Section::Panels, "previous pane", &["Shift-Tab"]),
    (Command::Select, EVERY_PAGE, "select", Section::Panels, "go to the selected quote, position or mention", &["Enter"]),
    (Command::Back, EVERY_PAGE, "back", Section::Panels, "clear the selection, close, go back", &["Esc"]),
    (Command::Scope, ARTICLE, "toggle_scope", Section::Panels, "panels: this paragraph or the whole article", &["a"]),
    (Command::Panels, ARTICLE, "toggle_panels", Section::Panels, "show the panels (narrow terminals)", &["p"]),
    (Command::Copy, ARTICLE, "copy", Section::Panels, "copy the selected quote with its speaker", &["y"]),
    (Command::Find, EVERY_PAGE, "find", Section::Find, "find text", &["/"]),
    (Command::FindNext, ARTICLE, "next_match", Section::Find, "next match, or next mention of the actor", &["n"]),
    (Command::FindPrev, ARTICLE, "prev_match", Section::Find, "previous match or mention", &["N"]),
    (Command::NextArticle, ARTICLE, "next_article", Section::Other, "next article", &["]"]),
    (Command::PrevArticle, ARTICLE, "prev_article", Section::Other, "previous article", &["["]),
    (Command::Help, EVERY_PAGE, "help", Section::Other, "show or hide this help", &["?"]),
    (Command::Suspend, EVERY_PAGE, "suspend", Section::Other, "suspend to the shell (fg comes back)", &["Ctrl-z"]),
    (Command::Sort, LIBRARY, "sort", Section::Library, "sort by date, title or unread", &["s"]),
    (Command::ToggleRead, LIBRARY, "toggle_read", Section::Library, "mark the article read or unread", &["r"]),
    (Command::ArticleActors, LIBRARY, "article_actors", Section::Library, "this article's actors across the library", &["a"]),
    (Command::AllActors, LIBRARY, "all_actors", Section::Library, "every actor of the library", &["A"]),
    (Command::ActorAcross, ARTICLE, "actor_across", Section::Panels, "the selected actor across the library (opened folders)", &["A"]),
    (Command::Quit, EVERY_PAGE, "quit", Section::Other, "quit; from an article opened in the library, back to the list", &["q"]),
    (Command::Exit, EVERY_PAGE, "exit", Section::Other, "quit dossier from any page", &["Ctrl-c"]),
];

impl Command {
    /// Every command, in help order.
    pub fn all() -> impl Iterator<Item = Command> {
        COMMANDS.iter().map(|c| c.0)
    }

    fn entry(self) -> &'static CommandEntry {
        // every command has an entry; the table is checked by a test
        COMMANDS
            .iter()
            .find(|c| c.0 == self)
            .unwrap_or(&COMMANDS[0])
    }

    /// The pages the command works on.
    pub fn pages(self) -> &'static [Page] {
        self.entry().1
    }

    pub fn works_on(self, page: Page) -> bool {
        self.pages().contains(&page)
    }

    /// Whether a key could mean both commands somewhere.
    pub fn shares_a_page(self, other: Command) -> bool {
        self.pages().iter().any(|p| other.works_on(*p))
    }

    /// The name used in `config.toml`.
    pub fn name(self) -> &'static str {
        self.entry().2
    }

    /// The group of the article page's help.
    pub fn section(self) -> Section {
        self.entry().3
    }

    /// The group of the help on `page`.
    pub fn section_on(self, page: Page) -> Section {
        use Command as C;
        match (page, self) {
            (Page::Article, _) => self.section(),
            (
                _,
                C::ScrollDown
                | C::ScrollUp
                | C::PageDown
                | C::PageUp
                | C::HalfPageDown
                | C::HalfPageUp
                | C::Top
                | C::Bottom
                | C::FocusNext
                | C::FocusPrev,
            ) => Section::Moving,
            (_, C::Help | C::Suspend | C::Quit | C::Exit) => Section::Other,
            (Page::Library, _) => Section::Library,
            (Page::Actors, _) => Section::Actors,
        }
    }

    /// What the command does on the article page.
    pub fn description(self) -> &'static str {
        self.entry().4
    }

    /// What the command does on `page`.
    pub fn description_on(self, page: Page) -> &'static str {
        use Command as C;
        match (page, self) {
            (Page::Article, _) => self.description(),
            (_, C::ScrollDown) => "move down",
            (_, C::ScrollUp) => "move up",
            (_, C::PageDown) => "down a page",
            (_, C::PageUp) => "up a page",
            (_, C::HalfPageDown) => "down half a page",
            (_, C::HalfPageUp) => "up half a page",
            (_, C::Top) => "to the first row",
            (_, C::Bottom) => "to the last row",
            (_, C::Find) => "filter by typing (fuzzy)",
            (Page::Library, C::Select) => "open the article (at its saved place)",
            (Page::Library, C::Back) => "clear the filter",
            (Page::Library, C::Quit) => "quit",
            (Page::Actors, C::Select) => "its quotes; on a quote: open the article there",
            (Page::Actors, C::Back | C::Quit) => "back: from the quotes, then out",
            (Page::Actors, C::FocusNext | C::FocusPrev) => "switch between actors and quotes",
            _ => self.description(),
        }
    }

    pub fn from_name(name: &str) -> Option<Command> {
        COMMANDS.iter().find(|c| c.2 == name).map(|c| c.0)
    }

    /// What the command asks of the article page (list pages read their
    /// own commands).
    pub fn action(self) -> Option<Action> {
        Some(match self {
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
            Command::Exit => Action::Exit,
            Command::ActorAcross => Action::ActorAcross,
            Command::Sort | Command::ToggleRead | Command::ArticleActors | Command::AllActors => {
                return None;
            }
        })
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
    by_key: HashMap<(Page, Key), Command>,
    /// Each command's keys, in the order they were given.
    keys: Vec<(Command, Vec<Key>)>,
}

impl Default for Keymap {
    fn default() -> Self {
        let keys = COMMANDS
            .iter()
            .map(|(command, _, _, _, _, defaults)| {
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
            .flat_map(|(command, keys)| {
                keys.iter().flat_map(move |k| {
                    command
                        .pages()
                        .iter()
                        .map(move |page| ((*page, *k), *command))
                })
            })
            .collect();
    }

    /// Bind `keys` to `command` in place of its defaults. A key taken from
    /// another command's defaults on a page they share is taken away from it.
    pub fn bind(&mut self, command: Command, keys: Vec<Key>) {
        for (c, list) in &mut self.keys {
            if *c != command && c.shares_a_page(command) {
                list.retain(|k| !keys.contains(k));
            }
        }
        if let Some((_, list)) = self.keys.iter_mut().find(|(c, _)| *c == command) {
            *list = keys;
        }
        self.reindex();
    }

    /// The command a key press runs on the article page.
    pub fn command(&self, event: &KeyEvent) -> Option<Command> {
        self.command_on(Page::Article, event)
    }

    /// The command a key press runs on `page`.
    pub fn command_on(&self, page: Page, event: &KeyEvent) -> Option<Command> {
        if event.kind == KeyEventKind::Release {
            return None;
        }
        self.by_key.get(&(page, Key::from_event(event))).copied()
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
        for (i, (command, _, name, _, _, keys)) in COMMANDS.iter().enumerate() {
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
            Some(Command::Exit)
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
        assert!(map.keys(Command::Quit).is_empty());
        let j = press(KeyCode::Char('j'), KeyModifiers::NONE);
        assert_eq!(map.command(&j), None);
    }

    #[test]
    fn a_key_means_one_thing_per_page() {
        let map = Keymap::default();
        let a = press(KeyCode::Char('a'), KeyModifiers::NONE);
        assert_eq!(map.command_on(Page::Article, &a), Some(Command::Scope));
        assert_eq!(
            map.command_on(Page::Library, &a),
            Some(Command::ArticleActors)
        );
        assert_eq!(map.command_on(Page::Actors, &a), None);
        let j = press(KeyCode::Char('j'), KeyModifiers::NONE);
        for page in Page::ALL {
            assert_eq!(map.command_on(page, &j), Some(Command::ScrollDown));
        }
        // no two commands of one page share a default key
        for page in Page::ALL {
            let mut seen = std::collections::HashSet::new();
            for c in Command::all().filter(|c| c.works_on(page)) {
                for k in map.keys(c) {
                    assert!(seen.insert(*k), "{k} twice on {page:?}");
                }
            }
        }
    }

    #[test]
    fn rebinding_on_the_library_leaves_the_article_alone() {
        let mut map = Keymap::default();
        map.bind(Command::Sort, vec![Key::parse("a").expect("a")]);
        let a = press(KeyCode::Char('a'), KeyModifiers::NONE);
        assert_eq!(map.command_on(Page::Library, &a), Some(Command::Sort));
        assert_eq!(map.command_on(Page::Article, &a), Some(Command::Scope));
        assert!(map.keys(Command::ArticleActors).is_empty());
    }
}
