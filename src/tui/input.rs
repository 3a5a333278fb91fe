//! Bytes from the terminal to keys, mouse events and terminal replies.
//!
//! The reader reads its terminal itself (one thread, one `poll` over the
//! terminal and the signal pipes) so that a key is answered without a
//! thread hand-off, a signal wakes it at once, a closed terminal is seen as
//! end of input, and replies to its queries (DECRQM) reach it. This parser
//! knows the sequences of xterm, rxvt, the Linux console, tmux and screen.

use ratatui::crossterm::event::{
    KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers, MouseButton, MouseEvent,
    MouseEventKind,
};

/// One thing the terminal sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    Key(KeyEvent),
    Mouse(MouseEvent),
    /// The terminal gained (true) or lost (false) focus (mode 1004).
    Focus(bool),
    /// A DECRPM reply: the terminal's `mode` is set (1), reset (2),
    /// permanently set (3), permanently reset (4) or unknown (0).
    Mode {
        mode: u16,
        state: u8,
    },
}

/// Collects bytes until they make whole inputs.
#[derive(Debug, Default)]
pub struct Parser {
    buf: Vec<u8>,
}

/// The longest sequence kept waiting for its end; a longer one is junk.
const MAX_SEQUENCE: usize = 64;

impl Parser {
    pub fn feed(&mut self, bytes: &[u8]) {
        self.buf.extend_from_slice(bytes);
    }

    /// Bytes are waiting that may be the start of a sequence.
    pub fn pending(&self) -> bool {
        !self.buf.is_empty()
    }

    /// The next whole input. With `flush`, bytes that could still grow into
    /// a sequence are taken as they are (a lone ESC is the Esc key).
    pub fn next(&mut self, flush: bool) -> Option<Input> {
        while !self.buf.is_empty() {
            match parse(&self.buf, flush) {
                Parsed::Input(input, used) => {
                    self.buf.drain(..used);
                    return Some(input);
                }
                Parsed::Skip(used) => {
                    self.buf.drain(..used.max(1));
                }
                Parsed::Incomplete => {
                    if self.buf.len() > MAX_SEQUENCE {
                        self.buf.drain(..1);
                        continue;
                    }
                    return None;
                }
            }
        }
        None
    }
}

enum Parsed {
    Input(Input, usize),
    /// Bytes that mean nothing to the reader.
    Skip(usize),
    Incomplete,
}

fn key(code: KeyCode, modifiers: KeyModifiers) -> Input {
    Input::Key(KeyEvent {
        code,
        modifiers,
        kind: KeyEventKind::Press,
        state: KeyEventState::NONE,
    })
}

fn parse(b: &[u8], flush: bool) -> Parsed {
    match b[0] {
        0x1b => parse_escape(b, flush),
        b'\r' | b'\n' => Parsed::Input(key(KeyCode::Enter, KeyModifiers::NONE), 1),
        b'\t' => Parsed::Input(key(KeyCode::Tab, KeyModifiers::NONE), 1),
        0x7f | 0x08 => Parsed::Input(key(KeyCode::Backspace, KeyModifiers::NONE), 1),
        0x00 => Parsed::Input(key(KeyCode::Char(' '), KeyModifiers::CONTROL), 1),
        c @ 0x01..=0x1a => {
            let letter = char::from(c - 1 + b'a');
            Parsed::Input(key(KeyCode::Char(letter), KeyModifiers::CONTROL), 1)
        }
        c @ 0x1c..=0x1f => {
            let digit = char::from(c - 0x1c + b'4');
            Parsed::Input(key(KeyCode::Char(digit), KeyModifiers::CONTROL), 1)
        }
        _ => parse_char(b, KeyModifiers::NONE, 0),
    }
}

/// A UTF-8 character; capitals carry Shift, as terminals report them.
fn parse_char(b: &[u8], modifiers: KeyModifiers, offset: usize) -> Parsed {
    let len = match b[offset] {
        0x00..=0x7f => 1,
        0xc2..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf4 => 4,
        _ => return Parsed::Skip(offset + 1),
    };
    let Some(bytes) = b.get(offset..offset + len) else {
        return Parsed::Incomplete;
    };
    let Some(c) = std::str::from_utf8(bytes)
        .ok()
        .and_then(|s| s.chars().next())
    else {
        return Parsed::Skip(offset + 1);
    };
    let mut modifiers = modifiers;
    if c.is_uppercase() {
        modifiers |= KeyModifiers::SHIFT;
    }
    Parsed::Input(key(KeyCode::Char(c), modifiers), offset + len)
}

fn parse_escape(b: &[u8], flush: bool) -> Parsed {
    let Some(&second) = b.get(1) else {
        return if flush {
            Parsed::Input(key(KeyCode::Esc, KeyModifiers::NONE), 1)
        } else {
            Parsed::Incomplete
        };
    };
    match second {
        b'[' => match parse_csi(b) {
            Parsed::Incomplete if flush => {
                Parsed::Input(key(KeyCode::Char('['), KeyModifiers::ALT), 2)
            }
            other => other,
        },
        b'O' => match b.get(2) {
            None if flush => Parsed::Input(key(KeyCode::Char('O'), KeyModifiers::ALT), 2),
            None => Parsed::Incomplete,
            Some(&c) => match ss3_key(c) {
                Some(code) => Parsed::Input(key(code, KeyModifiers::NONE), 3),
                None => Parsed::Skip(3),
            },
        },
        0x1b => Parsed::Input(key(KeyCode::Esc, KeyModifiers::NONE), 1),
        _ => match parse(&b[1..], flush) {
            Parsed::Input(Input::Key(k), used) => {
                Parsed::Input(key(k.code, k.modifiers | KeyModifiers::ALT), used + 1)
            }
            Parsed::Input(_, used) | Parsed::Skip(used) => Parsed::Skip(used + 1),
            Parsed::Incomplete => Parsed::Incomplete,
        },
    }
}

fn ss3_key(c: u8) -> Option<KeyCode> {
    Some(match c {
        b'A' => KeyCode::Up,
        b'B' => KeyCode::Down,
        b'C' => KeyCode::Right,
        b'D' => KeyCode::Left,
        b'H' => KeyCode::Home,
        b'F' => KeyCode::End,
        b'P'..=b'S' => KeyCode::F(c - b'P' + 1),
        _ => return None,
    })
}

/// `ESC [` ...: parameters, intermediates, a final byte.
fn parse_csi(b: &[u8]) -> Parsed {
    // the Linux console's F1-F5: ESC [ [ A..E
    if b.get(2) == Some(&b'[') {
        return match b.get(3) {
            None => Parsed::Incomplete,
            Some(&c @ b'A'..=b'E') => {
                Parsed::Input(key(KeyCode::F(c - b'A' + 1), KeyModifiers::NONE), 4)
            }
            Some(_) => Parsed::Skip(4),
        };
    }
    let Some(end) = b[2..]
        .iter()
        .position(|c| (0x40..=0x7e).contains(c))
        .map(|i| i + 2)
    else {
        return Parsed::Incomplete;
    };
    let body = &b[2..end];
    let final_byte = b[end];
    let used = end + 1;
    if final_byte == b'M' && body.is_empty() {
        // an X10 mouse report: three more bytes (never asked for; skipped)
        return if b.len() >= used + 3 {
            Parsed::Skip(used + 3)
        } else {
            Parsed::Incomplete
        };
    }
    let input = match body.first() {
        None if matches!(final_byte, b'I' | b'O') => Some(Input::Focus(final_byte == b'I')),
        Some(b'<') => sgr_mouse(&body[1..], final_byte),
        Some(b'?') => reply(&body[1..], final_byte),
        _ => csi_key(body, final_byte),
    };
    match input {
        Some(i) => Parsed::Input(i, used),
        None => Parsed::Skip(used),
    }
}

/// The numbers of a parameter string (`1;5`), missing ones as 0.
fn numbers(body: &[u8]) -> Vec<u16> {
    std::str::from_utf8(body)
        .unwrap_or("")
        .split(';')
        .map(|p| p.split(':').next().unwrap_or("").parse().unwrap_or(0))
        .collect()
}

/// xterm's modifier parameter: 1 + (Shift 1, Alt 2, Ctrl 4).
fn modifiers_of(param: Option<&u16>) -> KeyModifiers {
    let bits = param.copied().unwrap_or(1).saturating_sub(1);
    let mut m = KeyModifiers::NONE;
    if bits & 1 != 0 {
        m |= KeyModifiers::SHIFT;
    }
    if bits & 2 != 0 {
        m |= KeyModifiers::ALT;
    }
    if bits & 4 != 0 {
        m |= KeyModifiers::CONTROL;
    }
    m
}

fn csi_key(body: &[u8], final_byte: u8) -> Option<Input> {
    let n = numbers(body);
    let modifiers = modifiers_of(n.get(1));
    let code = match final_byte {
        b'A' => KeyCode::Up,
        b'B' => KeyCode::Down,
        b'C' => KeyCode::Right,
        b'D' => KeyCode::Left,
        b'H' => KeyCode::Home,
        b'F' => KeyCode::End,
        b'Z' => return Some(key(KeyCode::BackTab, KeyModifiers::SHIFT)),
        b'P'..=b'S' => KeyCode::F(final_byte - b'P' + 1),
        b'~' => tilde_key(n.first().copied().unwrap_or(0))?,
        b'u' => {
            let c = char::from_u32(u32::from(n.first().copied()?))?;
            return Some(key(unicode_key(c), modifiers));
        }
        _ => return None,
    };
    Some(key(code, modifiers))
}

/// A key sent as a code point (`CSI 9 u` is Tab).
fn unicode_key(c: char) -> KeyCode {
    match c {
        '\r' => KeyCode::Enter,
        '\t' => KeyCode::Tab,
        '\u{1b}' => KeyCode::Esc,
        '\u{7f}' => KeyCode::Backspace,
        c => KeyCode::Char(c),
    }
}

fn tilde_key(n: u16) -> Option<KeyCode> {
    Some(match n {
        1 | 7 => KeyCode::Home,
        2 => KeyCode::Insert,
        3 => KeyCode::Delete,
        4 | 8 => KeyCode::End,
        5 => KeyCode::PageUp,
        6 => KeyCode::PageDown,
        11..=15 => KeyCode::F((n - 10) as u8),
        17..=21 => KeyCode::F((n - 11) as u8),
        23..=26 => KeyCode::F((n - 12) as u8),
        28 | 29 | 31..=34 => KeyCode::F((n - 15) as u8),
        _ => return None,
    })
}

/// `CSI < button ; column ; row M|m`.
fn sgr_mouse(body: &[u8], final_byte: u8) -> Option<Input> {
    let n = numbers(body);
    let (button, column, row) = (*n.first()?, *n.get(1)?, *n.get(2)?);
    let mut modifiers = KeyModifiers::NONE;
    if button & 4 != 0 {
        modifiers |= KeyModifiers::SHIFT;
    }
    if button & 8 != 0 {
        modifiers |= KeyModifiers::ALT;
    }
    if button & 16 != 0 {
        modifiers |= KeyModifiers::CONTROL;
    }
    let press = final_byte == b'M';
    let kind = match (button & 0b1100_0011, press) {
        (64, _) => MouseEventKind::ScrollUp,
        (65, _) => MouseEventKind::ScrollDown,
        (0, true) => MouseEventKind::Down(MouseButton::Left),
        (1, true) => MouseEventKind::Down(MouseButton::Middle),
        (2, true) => MouseEventKind::Down(MouseButton::Right),
        (0, false) => MouseEventKind::Up(MouseButton::Left),
        (1, false) => MouseEventKind::Up(MouseButton::Middle),
        (2, false) => MouseEventKind::Up(MouseButton::Right),
        _ => MouseEventKind::Moved,
    };
    Some(Input::Mouse(MouseEvent {
        kind,
        column: column.saturating_sub(1),
        row: row.saturating_sub(1),
        modifiers,
    }))
}

/// `CSI ? mode ; state $ y` (DECRPM); other replies are dropped.
fn reply(body: &[u8], final_byte: u8) -> Option<Input> {
    if final_byte != b'y' || body.last() != Some(&b'$') {
        return None;
    }
    let n = numbers(&body[..body.len() - 1]);
    Some(Input::Mode {
        mode: *n.first()?,
        state: u8::try_from(*n.get(1)?).ok()?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(bytes: &[u8]) -> Vec<Input> {
        let mut p = Parser::default();
        p.feed(bytes);
        let mut out = Vec::new();
        while let Some(i) = p.next(true) {
            out.push(i);
        }
        out
    }

    fn k(code: KeyCode, m: KeyModifiers) -> Input {
        key(code, m)
    }

    const NONE: KeyModifiers = KeyModifiers::NONE;

    #[test]
    fn letters_capitals_and_controls() {
        assert_eq!(
            all(b"jG\x03\r\t\x7f"),
            vec![
                k(KeyCode::Char('j'), NONE),
                k(KeyCode::Char('G'), KeyModifiers::SHIFT),
                k(KeyCode::Char('c'), KeyModifiers::CONTROL),
                k(KeyCode::Enter, NONE),
                k(KeyCode::Tab, NONE),
                k(KeyCode::Backspace, NONE),
            ]
        );
        assert_eq!(all("é東".as_bytes()).len(), 2);
    }

    #[test]
    fn arrows_pages_and_function_keys_of_every_terminal() {
        let keys =
            all(b"\x1b[A\x1bOB\x1b[5~\x1b[6~\x1b[1~\x1b[4~\x1b[H\x1bOF\x1b[Z\x1b[[A\x1b[15~");
        let codes: Vec<KeyCode> = keys
            .iter()
            .map(|i| match i {
                Input::Key(k) => k.code,
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(
            codes,
            vec![
                KeyCode::Up,
                KeyCode::Down,
                KeyCode::PageUp,
                KeyCode::PageDown,
                KeyCode::Home,
                KeyCode::End,
                KeyCode::Home,
                KeyCode::End,
                KeyCode::BackTab,
                KeyCode::F(1),
                KeyCode::F(5),
            ]
        );
        assert_eq!(
            all(b"\x1b[1;5B"),
            vec![k(KeyCode::Down, KeyModifiers::CONTROL)]
        );
    }

    #[test]
    fn a_lone_escape_waits_for_more_unless_flushed() {
        let mut p = Parser::default();
        p.feed(b"\x1b");
        assert_eq!(p.next(false), None);
        assert!(p.pending());
        p.feed(b"[B");
        assert_eq!(p.next(false), Some(k(KeyCode::Down, NONE)));
        p.feed(b"\x1b");
        assert_eq!(p.next(true), Some(k(KeyCode::Esc, NONE)));
        assert_eq!(
            all(b"\x1bx"),
            vec![k(KeyCode::Char('x'), KeyModifiers::ALT)]
        );
    }

    #[test]
    fn sgr_mouse_and_mode_replies() {
        assert_eq!(
            all(b"\x1b[<65;10;5M\x1b[<0;3;4M"),
            vec![
                Input::Mouse(MouseEvent {
                    kind: MouseEventKind::ScrollDown,
                    column: 9,
                    row: 4,
                    modifiers: NONE
                }),
                Input::Mouse(MouseEvent {
                    kind: MouseEventKind::Down(MouseButton::Left),
                    column: 2,
                    row: 3,
                    modifiers: NONE
                }),
            ]
        );
        // a DECRPM reply, then device attributes (dropped), then a key
        assert_eq!(
            all(b"\x1b[?69;2$y\x1b[?64;1;2c j"),
            vec![
                Input::Mode { mode: 69, state: 2 },
                k(KeyCode::Char(' '), NONE),
                k(KeyCode::Char('j'), NONE)
            ]
        );
    }

    #[test]
    fn focus_reports_are_told_apart_from_keys() {
        assert_eq!(
            all(b"\x1b[O\x1b[Ij\x1b[1;5I"),
            vec![
                Input::Focus(false),
                Input::Focus(true),
                k(KeyCode::Char('j'), NONE)
            ]
        );
    }

    #[test]
    fn junk_never_blocks_what_follows() {
        assert_eq!(
            all(b"\x1b[999;999;999q\xffj"),
            vec![k(KeyCode::Char('j'), NONE)]
        );
        // an endless sequence is given up, and the keys after it still come
        let mut p = Parser::default();
        p.feed(b"\x1b[");
        p.feed(&[b'1'; 100]);
        let mut got = Vec::new();
        while let Some(i) = p.next(false) {
            got.push(i);
        }
        p.feed(b"q");
        while let Some(i) = p.next(false) {
            got.push(i);
        }
        assert_eq!(got.last(), Some(&k(KeyCode::Char('q'), NONE)));
    }
}
