//! The reader's settings from `$XDG_CONFIG_HOME/dossier/config.toml`:
//! keymap, theme colours, mouse and the preferred layout. Defaults are built
//! in; every bad entry gives one line naming its key, and that entry keeps
//! its default while the rest of the file still applies.
//!
//! ```toml
//! mouse = true              # wheel and click (also: --mouse)
//! layout = "auto"           # auto | wide | medium | narrow
//! color = "auto"            # auto | always | never (also: --color)
//!
//! [keys]                    # command = key or [keys]; see the help (?)
//! scroll_down = ["j", "Down"]
//! quit = "q"
//!
//! [theme]                   # colour names, #rrggbb or 0-255
//! accent = "cyan"           # current-paragraph mark, focused border
//! find = "yellow"           # background of find matches
//! mark = "magenta"          # the quote or position jumped to
//! actors = ["cyan", "green", "magenta"]   # mention highlights
//! ```

use std::path::{Path, PathBuf};
use std::str::FromStr;

use ratatui::style::{Color, Style};
use toml::{Table, Value};

use super::keymap::{Command, Key, Keymap};
use super::layout::LayoutChoice;
use super::theme::{ColorChoice, Theme};
use crate::ingest::sanitize::{display_path, one_line};

/// Colours asked for in `[theme]`, applied once the colour depth is known.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ThemeConfig {
    pub accent: Option<String>,
    pub find: Option<String>,
    pub mark: Option<String>,
    pub actors: Option<Vec<String>>,
}

/// The settings read from the config file.
#[derive(Debug, Clone, Default)]
pub struct Config {
    pub keymap: Keymap,
    pub mouse: bool,
    pub layout: LayoutChoice,
    pub color: ColorChoice,
    pub theme: ThemeConfig,
}

/// Where the config file lives.
pub fn path() -> Option<PathBuf> {
    crate::storage::config_dir().map(|d| d.join("config.toml"))
}

/// Read the config at `path`: the defaults when there is no file, and one
/// message per problem.
pub fn load(path: &Path) -> (Config, Vec<String>) {
    match std::fs::read_to_string(path) {
        Ok(text) => {
            let (config, errors) = parse(&text);
            let name = display_path(path);
            let errors = errors.into_iter().map(|e| format!("{name}: {e}")).collect();
            (config, errors)
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => (Config::default(), Vec::new()),
        Err(e) => (
            Config::default(),
            vec![format!("{}: {e}; using the defaults", display_path(path))],
        ),
    }
}

/// Parse the text of a config file. Messages name the key (`keys.quit`).
pub fn parse(text: &str) -> (Config, Vec<String>) {
    let mut config = Config::default();
    let mut errors = Vec::new();
    let table: Table = match text.parse() {
        Ok(t) => t,
        Err(e) => {
            errors.push(syntax_error(text, &e));
            return (config, errors);
        }
    };
    for (key, value) in &table {
        let result = match key.as_str() {
            "mouse" => value
                .as_bool()
                .map(|b| config.mouse = b)
                .ok_or_else(|| "expected true or false".to_string()),
            "layout" => {
                choice(value, &["auto", "wide", "medium", "narrow"]).map(|v| config.layout = v)
            }
            "color" | "colour" => {
                choice(value, &["auto", "always", "never"]).map(|v| config.color = v)
            }
            "keys" => table_of(value).map(|t| parse_keys(t, &mut config.keymap, &mut errors)),
            "theme" => table_of(value).map(|t| parse_theme(t, &mut config.theme, &mut errors)),
            _ => Err("unknown setting".to_string()),
        };
        if let Err(reason) = result {
            errors.push(format!("{}: {reason}; using the default", one_line(key)));
        }
    }
    (config, errors)
}

fn syntax_error(text: &str, e: &toml::de::Error) -> String {
    let line = e
        .span()
        .map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1);
    let message = one_line(e.message());
    match line {
        Some(n) => format!("line {n}: {message}; using the defaults"),
        None => format!("{message}; using the defaults"),
    }
}

fn table_of(value: &Value) -> Result<&Table, String> {
    value
        .as_table()
        .ok_or_else(|| "expected a [section]".to_string())
}

/// A string setting that must be one of `allowed`, deserialised to `T`.
fn choice<T: serde::de::DeserializeOwned>(value: &Value, allowed: &[&str]) -> Result<T, String> {
    let wrong = || format!("expected one of {}", allowed.join(", "));
    let s = value.as_str().ok_or_else(wrong)?;
    if !allowed.contains(&s) {
        return Err(format!("{:?} is not {}", one_line(s), wrong()));
    }
    Value::String(s.to_string()).try_into().map_err(|_| wrong())
}

fn parse_keys(table: &Table, keymap: &mut Keymap, errors: &mut Vec<String>) {
    let mut taken: Vec<(Key, Command)> = Vec::new();
    for (name, value) in table {
        let at = format!("keys.{}", one_line(name));
        let Some(command) = Command::from_name(name) else {
            errors.push(format!("{at}: unknown command; see the help (?) for names"));
            continue;
        };
        let texts: Vec<&str> = match value {
            Value::String(s) => vec![s.as_str()],
            Value::Array(items) => items.iter().filter_map(Value::as_str).collect(),
            _ => Vec::new(),
        };
        if texts.is_empty() || matches!(value, Value::Array(a) if a.len() != texts.len()) {
            errors.push(format!(
                "{at}: expected a key or a list of keys; using the default"
            ));
            continue;
        }
        let mut keys = Vec::new();
        let mut bad = None;
        for text in texts {
            match Key::parse(text) {
                Some(k) => keys.push(k),
                None => bad = Some(text),
            }
        }
        if let Some(text) = bad {
            errors.push(format!(
                "{at}: unknown key {:?}; using the default",
                one_line(text)
            ));
            continue;
        }
        if let Some((k, other)) = keys.iter().find_map(|k| {
            taken
                .iter()
                .find(|(t, c)| t == k && c.shares_a_page(command))
                .copied()
        }) {
            errors.push(format!(
                "{at}: {k} is already bound to {}; using the default",
                other.name()
            ));
            continue;
        }
        taken.extend(keys.iter().map(|k| (*k, command)));
        keymap.bind(command, keys);
    }
}

fn parse_theme(table: &Table, theme: &mut ThemeConfig, errors: &mut Vec<String>) {
    for (name, value) in table {
        let at = format!("theme.{}", one_line(name));
        let probe = Theme::new(super::theme::Depth::TrueColor);
        let colour = |v: &Value| -> Result<String, String> {
            let s = v.as_str().ok_or("expected a colour name")?;
            probe.color(s)?;
            Ok(s.to_string())
        };
        let result = match name.as_str() {
            "accent" => colour(value).map(|c| theme.accent = Some(c)),
            "find" => colour(value).map(|c| theme.find = Some(c)),
            "mark" => colour(value).map(|c| theme.mark = Some(c)),
            "actors" => value
                .as_array()
                .filter(|a| !a.is_empty())
                .ok_or_else(|| "expected a list of colours".to_string())
                .and_then(|items| items.iter().map(colour).collect())
                .map(|list| theme.actors = Some(list)),
            _ => Err("unknown setting".to_string()),
        };
        if let Err(reason) = result {
            errors.push(format!("{at}: {reason}; using the default"));
        }
    }
}

impl ThemeConfig {
    /// Apply the configured colours to `theme` (nothing in monochrome).
    pub fn apply(&self, theme: &mut Theme) {
        let depth = theme.depth;
        let get = |s: &Option<String>| {
            let color = s.as_deref().and_then(|s| Color::from_str(s.trim()).ok())?;
            super::theme::fit(color, depth)
        };
        if let Some(c) = get(&self.accent) {
            theme.current = theme.current.fg(c);
            theme.border_focused = theme.border_focused.fg(c);
        }
        if let Some(c) = get(&self.find) {
            theme.find_match = on(c);
            theme.find_current = on(c).add_modifier(ratatui::style::Modifier::REVERSED);
        }
        if let Some(c) = get(&self.mark) {
            theme.mark = theme.mark.fg(c);
        }
        if let Some(list) = &self.actors {
            let styles: Vec<Style> = list
                .iter()
                .filter_map(|s| get(&Some(s.clone())))
                .map(on)
                .collect();
            if !styles.is_empty() {
                theme.actors = styles;
            }
        }
    }
}

/// A background with a foreground that reads on it.
fn on(bg: Color) -> Style {
    let light = !matches!(
        bg,
        Color::Black | Color::Blue | Color::Red | Color::Magenta | Color::DarkGray
    );
    let fg = if light { Color::Black } else { Color::White };
    Style::new().fg(fg).bg(bg)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    #[test]
    fn a_good_config_sets_everything() {
        let (c, errors) = parse(
            "mouse = true\nlayout = \"narrow\"\ncolor = \"never\"\n\
             [keys]\nscroll_down = [\"e\", \"Down\"]\nquit = \"x\"\n\
             [theme]\naccent = \"blue\"\nactors = [\"#ffd7af\", \"green\"]\n",
        );
        assert!(errors.is_empty(), "{errors:?}");
        assert!(c.mouse);
        assert_eq!(c.layout, LayoutChoice::Narrow);
        assert_eq!(c.color, ColorChoice::Never);
        let x = KeyEvent::new(KeyCode::Char('x'), KeyModifiers::NONE);
        assert_eq!(c.keymap.command(&x), Some(Command::Quit));
        assert_eq!(c.theme.actors.as_ref().map(Vec::len), Some(2));
    }

    #[test]
    fn each_bad_entry_gives_one_line_naming_its_key_and_the_rest_applies() {
        let (c, errors) = parse(
            "mouse = \"yes\"\nlayout = \"huge\"\nzoom = 2\n\
             [keys]\nscroll_down = \"Dwn\"\nfly = \"f\"\nquit = \"x\"\n\
             [theme]\naccent = \"blurple\"\n",
        );
        let keys = [
            "mouse",
            "layout",
            "zoom",
            "keys.scroll_down",
            "keys.fly",
            "theme.accent",
        ];
        assert_eq!(errors.len(), keys.len(), "{errors:#?}");
        for (e, key) in errors.iter().zip(keys) {
            assert!(e.starts_with(key), "{e}");
            assert!(!e.contains('\n'));
        }
        // the good line in the same file still applies
        let x = KeyEvent::new(KeyCode::Char('x'), KeyModifiers::NONE);
        assert_eq!(c.keymap.command(&x), Some(Command::Quit));
        // and the bad one kept its default
        let j = KeyEvent::new(KeyCode::Char('j'), KeyModifiers::NONE);
        assert_eq!(c.keymap.command(&j), Some(Command::ScrollDown));
    }

    #[test]
    fn a_broken_file_gives_the_line_and_the_defaults() {
        let (c, errors) = parse("mouse = true\n[keys\nquit = \"x\"\n");
        assert_eq!(errors.len(), 1);
        assert!(errors[0].starts_with("line 2:"), "{errors:?}");
        assert!(!c.mouse);
    }

    #[test]
    fn one_key_bound_twice_is_refused_for_the_second_command() {
        let (c, errors) = parse("[keys]\nhelp = \"h\"\ntop = \"h\"\n");
        assert_eq!(errors.len(), 1, "{errors:?}");
        let h = KeyEvent::new(KeyCode::Char('h'), KeyModifiers::NONE);
        assert!(c.keymap.command(&h).is_some());
    }

    #[test]
    fn a_missing_file_is_silent_and_an_unreadable_one_named() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (_, errors) = load(&dir.path().join("config.toml"));
        assert!(errors.is_empty());
        let (_, errors) = load(dir.path());
        assert_eq!(errors.len(), 1);
        assert!(errors[0].contains(&display_path(dir.path())), "{errors:?}");
    }
}
