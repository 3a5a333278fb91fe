//! Colours and text styles. The default theme uses the 16 ANSI colours with
//! the terminal's own foreground for text, and coloured backgrounds only
//! with an explicit black or white foreground, so it reads on dark and light
//! backgrounds alike. 256 and true colour are used only when the terminal
//! says it has them (`TERM`, `COLORTERM`); `NO_COLOR` or `--color never`
//! leave bold, underline and reverse only.

use std::str::FromStr;

use ratatui::style::{Color, Modifier, Style};
use serde::Deserialize;

/// `--color` and the config's `color`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ColorChoice {
    #[default]
    Auto,
    Always,
    Never,
}

/// How many colours the terminal shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Depth {
    Mono,
    Ansi16,
    Ansi256,
    TrueColor,
}

/// The colour depth for `choice`, reading the environment through `var`.
pub fn detect(choice: ColorChoice, var: impl Fn(&str) -> Option<String>) -> Depth {
    let set = |name: &str| var(name).filter(|v| !v.is_empty());
    if choice == ColorChoice::Never || (choice == ColorChoice::Auto && set("NO_COLOR").is_some()) {
        return Depth::Mono;
    }
    let term = set("TERM").unwrap_or_default().to_ascii_lowercase();
    let colorterm = set("COLORTERM").unwrap_or_default().to_ascii_lowercase();
    if choice == ColorChoice::Auto && (term == "dumb" || term.is_empty()) {
        return Depth::Mono;
    }
    if colorterm == "truecolor" || colorterm == "24bit" || term.ends_with("-direct") {
        Depth::TrueColor
    } else if term.contains("256color") {
        Depth::Ansi256
    } else {
        Depth::Ansi16
    }
}

/// Every style the reader draws with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    pub depth: Depth,
    pub title: Style,
    pub meta: Style,
    pub heading: Style,
    pub removed: Style,
    pub removed_label: Style,
    /// The mark in the gutter beside the current paragraph.
    pub current: Style,
    pub border: Style,
    pub border_focused: Style,
    /// Panel rows of the current paragraph.
    pub here: Style,
    /// Secondary text: counts, titles, cues.
    pub dim: Style,
    /// The selected row of the focused panel.
    pub cursor: Style,
    pub find_match: Style,
    pub find_current: Style,
    /// The quote or position the reader jumped to.
    pub mark: Style,
    pub status: Style,
    pub status_key: Style,
    pub error: Style,
    pub tab_active: Style,
    pub positive: Style,
    pub negative: Style,
    /// Mention highlights, one per actor in turn.
    pub actors: Vec<Style>,
}

impl Default for Theme {
    fn default() -> Self {
        Theme::new(Depth::Ansi16)
    }
}

fn black_on(bg: Color) -> Style {
    Style::new().fg(Color::Black).bg(bg)
}

/// Light text on a dark background: ANSI 7, which every console has.
fn white_on(bg: Color) -> Style {
    Style::new().fg(Color::Gray).bg(bg)
}

impl Theme {
    pub fn new(depth: Depth) -> Self {
        let base = Theme {
            depth,
            title: Style::new().add_modifier(Modifier::BOLD),
            meta: Style::new().add_modifier(Modifier::DIM),
            heading: Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            removed: Style::new().add_modifier(Modifier::DIM),
            removed_label: Style::new().add_modifier(Modifier::DIM | Modifier::UNDERLINED),
            current: Style::new().add_modifier(Modifier::BOLD),
            border: Style::new(),
            border_focused: Style::new().add_modifier(Modifier::BOLD),
            here: Style::new().add_modifier(Modifier::BOLD),
            dim: Style::new().add_modifier(Modifier::DIM),
            cursor: Style::new().add_modifier(Modifier::REVERSED),
            find_match: Style::new().add_modifier(Modifier::UNDERLINED),
            find_current: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            mark: Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            status: Style::new().add_modifier(Modifier::REVERSED),
            status_key: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            error: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            tab_active: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            positive: Style::new(),
            negative: Style::new().add_modifier(Modifier::BOLD),
            actors: vec![
                Style::new().add_modifier(Modifier::REVERSED),
                Style::new().add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
            ],
        };
        match depth {
            Depth::Mono => base,
            Depth::Ansi16 => Theme {
                current: base.current.fg(Color::Cyan),
                border_focused: base.border_focused.fg(Color::Cyan),
                find_match: black_on(Color::Yellow),
                find_current: black_on(Color::Yellow).add_modifier(Modifier::REVERSED),
                mark: base.mark.fg(Color::Magenta),
                error: Style::new()
                    .fg(Color::White)
                    .bg(Color::Red)
                    .add_modifier(Modifier::BOLD),
                positive: Style::new().fg(Color::Green),
                negative: Style::new().fg(Color::Red),
                actors: vec![
                    black_on(Color::Cyan),
                    black_on(Color::Green),
                    black_on(Color::Magenta),
                    white_on(Color::Blue),
                    black_on(Color::Yellow),
                    white_on(Color::Red),
                ],
                ..base
            },
            Depth::Ansi256 | Depth::TrueColor => {
                let pick = |index: u8, rgb: (u8, u8, u8)| {
                    if depth == Depth::TrueColor {
                        Color::Rgb(rgb.0, rgb.1, rgb.2)
                    } else {
                        Color::Indexed(index)
                    }
                };
                let black = Color::Indexed(16);
                let pastel = |index, rgb| Style::new().fg(black).bg(pick(index, rgb));
                Theme {
                    current: base.current.fg(pick(38, (0, 175, 215))),
                    border_focused: base.border_focused.fg(pick(38, (0, 175, 215))),
                    find_match: pastel(227, (255, 255, 95)),
                    find_current: pastel(214, (255, 175, 0)).add_modifier(Modifier::BOLD),
                    mark: base.mark.fg(pick(170, (215, 95, 215))),
                    error: Style::new()
                        .fg(Color::Indexed(231))
                        .bg(pick(160, (215, 0, 0)))
                        .add_modifier(Modifier::BOLD),
                    positive: Style::new().fg(pick(34, (0, 175, 0))),
                    negative: Style::new().fg(pick(160, (215, 0, 0))),
                    actors: vec![
                        pastel(152, (175, 215, 215)),
                        pastel(194, (215, 255, 215)),
                        pastel(225, (255, 215, 255)),
                        pastel(189, (215, 215, 255)),
                        pastel(223, (255, 215, 175)),
                        pastel(217, (255, 175, 175)),
                    ],
                    ..base
                }
            }
        }
    }

    /// The highlight of the actor at `index`.
    pub fn actor(&self, index: usize) -> Style {
        match self.actors.len() {
            0 => Style::new().add_modifier(Modifier::REVERSED),
            n => self.actors[index % n],
        }
    }

    /// A colour from the config, fitted to the terminal: `None` in
    /// monochrome. Accepts names (`red`, `lightblue`), `#rrggbb` and 0-255.
    pub fn color(&self, text: &str) -> Result<Option<Color>, String> {
        let color = Color::from_str(text.trim()).map_err(|_| {
            format!(
                "unknown colour {:?}",
                crate::ingest::sanitize::one_line(text)
            )
        })?;
        Ok(fit(color, self.depth))
    }
}

/// `color` as the terminal at `depth` can show it.
pub fn fit(color: Color, depth: Depth) -> Option<Color> {
    match (depth, color) {
        (Depth::Mono, _) => None,
        (Depth::TrueColor, c) => Some(c),
        (Depth::Ansi256, Color::Rgb(r, g, b)) => Some(Color::Indexed(nearest_256(r, g, b))),
        (Depth::Ansi16, Color::Rgb(r, g, b)) => Some(nearest_16(r, g, b)),
        (Depth::Ansi16, Color::Indexed(i)) if i >= 16 => {
            let (r, g, b) = rgb_of_256(i);
            Some(nearest_16(r, g, b))
        }
        (_, c) => Some(c),
    }
}

/// The 6x6x6 cube or grey ramp entry closest to a colour.
fn nearest_256(r: u8, g: u8, b: u8) -> u8 {
    let level = |v: u8| -> u8 {
        match v {
            0..=47 => 0,
            48..=114 => 1,
            v => (v - 35) / 40,
        }
    };
    let cube = 16 + 36 * level(r) + 6 * level(g) + level(b);
    let grey_level = ((u16::from(r) + u16::from(g) + u16::from(b)) / 3) as u8;
    let grey = 232 + (grey_level.saturating_sub(3) / 10).min(23);
    let dist = |i: u8| distance((r, g, b), rgb_of_256(i));
    if dist(grey) < dist(cube) { grey } else { cube }
}

fn rgb_of_256(i: u8) -> (u8, u8, u8) {
    const STEPS: [u8; 6] = [0, 95, 135, 175, 215, 255];
    match i {
        0..=15 => ANSI_16[usize::from(i)].1,
        16..=231 => {
            let i = i - 16;
            (
                STEPS[usize::from(i / 36)],
                STEPS[usize::from(i / 6 % 6)],
                STEPS[usize::from(i % 6)],
            )
        }
        _ => {
            let v = 8 + 10 * (i - 232);
            (v, v, v)
        }
    }
}

/// The 16 ANSI colours with typical xterm values.
const ANSI_16: [(Color, (u8, u8, u8)); 16] = [
    (Color::Black, (0, 0, 0)),
    (Color::Red, (205, 0, 0)),
    (Color::Green, (0, 205, 0)),
    (Color::Yellow, (205, 205, 0)),
    (Color::Blue, (0, 0, 238)),
    (Color::Magenta, (205, 0, 205)),
    (Color::Cyan, (0, 205, 205)),
    (Color::Gray, (229, 229, 229)),
    (Color::DarkGray, (127, 127, 127)),
    (Color::LightRed, (255, 0, 0)),
    (Color::LightGreen, (0, 255, 0)),
    (Color::LightYellow, (255, 255, 0)),
    (Color::LightBlue, (92, 92, 255)),
    (Color::LightMagenta, (255, 0, 255)),
    (Color::LightCyan, (0, 255, 255)),
    (Color::White, (255, 255, 255)),
];

fn nearest_16(r: u8, g: u8, b: u8) -> Color {
    ANSI_16
        .iter()
        .min_by_key(|(_, rgb)| distance((r, g, b), *rgb))
        .map_or(Color::Reset, |(c, _)| *c)
}

fn distance(a: (u8, u8, u8), b: (u8, u8, u8)) -> u32 {
    let d = |x: u8, y: u8| (i32::from(x) - i32::from(y)).unsigned_abs().pow(2);
    d(a.0, b.0) + d(a.1, b.1) + d(a.2, b.2)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let pairs: Vec<(String, String)> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
        }
    }

    #[test]
    fn depth_comes_from_what_the_terminal_says() {
        let auto = ColorChoice::Auto;
        assert_eq!(detect(auto, env(&[("TERM", "xterm")])), Depth::Ansi16);
        assert_eq!(detect(auto, env(&[("TERM", "linux")])), Depth::Ansi16);
        assert_eq!(detect(auto, env(&[("TERM", "screen")])), Depth::Ansi16);
        assert_eq!(
            detect(auto, env(&[("TERM", "tmux-256color")])),
            Depth::Ansi256
        );
        let truecolor = env(&[("TERM", "xterm-256color"), ("COLORTERM", "truecolor")]);
        assert_eq!(detect(auto, truecolor), Depth::TrueColor);
        assert_eq!(detect(auto, env(&[("TERM", "dumb")])), Depth::Mono);
    }

    #[test]
    fn no_color_and_never_give_monochrome_and_always_overrides_no_color() {
        let no_color = env(&[("TERM", "xterm-256color"), ("NO_COLOR", "1")]);
        assert_eq!(detect(ColorChoice::Auto, &no_color), Depth::Mono);
        assert_eq!(detect(ColorChoice::Always, &no_color), Depth::Ansi256);
        let plain = env(&[("TERM", "xterm-256color"), ("NO_COLOR", "")]);
        assert_eq!(detect(ColorChoice::Auto, &plain), Depth::Ansi256);
        assert_eq!(detect(ColorChoice::Never, &plain), Depth::Mono);
    }

    #[test]
    fn monochrome_uses_no_colour_at_all() {
        let t = Theme::new(Depth::Mono);
        let styles = [
            t.title,
            t.current,
            t.find_match,
            t.find_current,
            t.mark,
            t.error,
        ]
        .into_iter()
        .chain(t.actors.iter().copied());
        for s in styles {
            assert_eq!((s.fg, s.bg), (None, None), "{s:?}");
        }
    }

    #[test]
    fn coloured_backgrounds_always_set_their_foreground() {
        for depth in [Depth::Ansi16, Depth::Ansi256, Depth::TrueColor] {
            let t = Theme::new(depth);
            for s in t
                .actors
                .iter()
                .chain([&t.find_match, &t.find_current, &t.error])
            {
                if s.bg.is_some() {
                    assert!(s.fg.is_some(), "{depth:?} {s:?}");
                }
            }
        }
    }

    #[test]
    fn config_colours_fit_the_terminal() {
        let t16 = Theme::new(Depth::Ansi16);
        assert_eq!(t16.color("#ff0000"), Ok(Some(Color::LightRed)));
        assert_eq!(t16.color("lightblue"), Ok(Some(Color::LightBlue)));
        assert!(t16.color("blurple").is_err());
        assert_eq!(
            Theme::new(Depth::Ansi256).color("#ffd7af"),
            Ok(Some(Color::Indexed(223)))
        );
        assert_eq!(Theme::new(Depth::Mono).color("red"), Ok(None));
    }
}
