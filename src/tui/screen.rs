//! The bytes that reach the terminal, kept few because the reader is often
//! used over SSH. A ratatui [`Backend`] that keeps a copy of what the
//! terminal shows and, for each frame:
//!
//! - scrolls the text's rows with a scrolling region (DECSTBM) and
//!   insert/delete-line when told the text moved, if that costs fewer bytes
//!   than redrawing (decided by encoding both ways and keeping the shorter);
//!   when the terminal has left/right margins (DECLRMM, asked for at start)
//!   only the text's rectangle scrolls, and the panels beside it stay put;
//! - moves the cursor the cheapest way, writes through short gaps instead of
//!   jumping, and erases runs of blanks with ECH/EL;
//! - sends only the colour and attribute changes between cells;
//! - wraps the frame in a synchronized update (mode 2026) and writes it with
//!   one `write` call.
//!
//! Only VT100-era sequences are used for scrolling (no SU/SD, which the
//! Linux console lacks), so it works in tmux, screen and the console.

use std::io::{self, Write};

use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::{Position, Rect, Size};
use ratatui::style::{Color, Modifier};
use unicode_width::UnicodeWidthStr;

/// The rectangle of rows `top..bottom` and columns `left..right` moved up
/// by `lines` (down when negative), as when the text scrolls.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScrollHint {
    pub top: u16,
    pub bottom: u16,
    pub left: u16,
    pub right: u16,
    pub lines: i32,
}

/// A ratatui backend writing few bytes to `out`.
pub struct Screen<W: Write> {
    out: W,
    pending: Vec<u8>,
    /// What the terminal shows now.
    shown: Buffer,
    /// A fixed size (tests); `None` asks the terminal.
    fixed_size: Option<Size>,
    cursor_hidden: Option<bool>,
    hint: Option<ScrollHint>,
    /// The terminal has left/right margins and they are switched on.
    margins: bool,
    /// Bytes of the last flushed frame (for tests and measurements).
    pub last_frame_bytes: usize,
}

impl<W: Write> Screen<W> {
    /// A screen on the real terminal (its size asked from the terminal).
    pub fn new(out: W) -> io::Result<Self> {
        let size =
            ratatui::crossterm::terminal::size().map(|(width, height)| Size { width, height })?;
        Ok(Screen::build(out, size, None))
    }

    /// A screen of a fixed size, for tests.
    pub fn with_size(out: W, width: u16, height: u16) -> Self {
        let size = Size { width, height };
        Screen::build(out, size, Some(size))
    }

    fn build(out: W, size: Size, fixed_size: Option<Size>) -> Self {
        Screen {
            out,
            pending: Vec::new(),
            shown: Buffer::empty(Rect::new(0, 0, size.width, size.height)),
            fixed_size,
            cursor_hidden: None,
            hint: None,
            margins: false,
            last_frame_bytes: 0,
        }
    }

    /// Say that the next frame scrolls rows `top..bottom` by `lines`.
    pub fn hint_scroll(&mut self, hint: ScrollHint) {
        self.hint = Some(hint);
    }

    /// The terminal said it has left/right margins: switch them on and
    /// scroll rectangles from now on.
    pub fn enable_margins(&mut self) {
        if !self.margins {
            self.pending
                .extend_from_slice(crate::tui::terminal::MARGINS_ON);
            self.margins = true;
        }
    }

    /// After the terminal was given back and taken again: switch margins on
    /// again; the caller clears the screen so that all is redrawn.
    pub fn resume(&mut self) {
        if self.margins {
            self.pending
                .extend_from_slice(crate::tui::terminal::MARGINS_ON);
        }
        self.cursor_hidden = None;
    }

    /// Show `next`: send what differs from the screen now, the cheapest
    /// way found. `next` comes back holding the previous screen (a swap,
    /// not a copy).
    pub fn present(&mut self, next: &mut Buffer) -> io::Result<()> {
        if next.area != self.shown.area {
            self.pending.extend_from_slice(b"\x1b[0m\x1b[H\x1b[2J");
            self.shown = Buffer::empty(next.area);
        }
        let best = match self.hint.take().map(|h| self.fit_hint(h)) {
            Some(h) if usable(h, next) => {
                let scrolled =
                    encode(&Shown::new(&self.shown, Some(h)), next, usize::MAX).unwrap_or_default();
                // redrawing in place instead, given up once it costs more
                match encode(&Shown::new(&self.shown, None), next, scrolled.len()) {
                    Some(plain) if plain.len() < scrolled.len() => plain,
                    _ => scrolled,
                }
            }
            _ => encode(&Shown::new(&self.shown, None), next, usize::MAX).unwrap_or_default(),
        };
        self.pending.extend_from_slice(&best);
        std::mem::swap(&mut self.shown, next);
        Ok(())
    }

    /// A hint the terminal can carry out: whole rows unless it has margins.
    fn fit_hint(&self, h: ScrollHint) -> ScrollHint {
        let width = self.shown.area.width;
        if self.margins && h.left < h.right && h.right <= width {
            h
        } else {
            ScrollHint {
                left: 0,
                right: width,
                ..h
            }
        }
    }

    /// Send bytes with the next frame (an OSC 52 clipboard write).
    pub fn send_raw(&mut self, bytes: &[u8]) {
        self.pending.extend_from_slice(bytes);
    }

    /// Resize a fixed-size screen (tests).
    pub fn set_size(&mut self, width: u16, height: u16) {
        self.fixed_size = Some(Size { width, height });
    }

    pub fn writer(&self) -> &W {
        &self.out
    }

    fn blank(&self) -> io::Result<Buffer> {
        let size = self.size()?;
        Ok(Buffer::empty(Rect::new(0, 0, size.width, size.height)))
    }
}

impl<W: Write> Backend for Screen<W> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        // ratatui sends the cells that changed; the cells a wide character
        // covers are not sent, and are blank in its buffer
        let mut next = self.shown.clone();
        for (x, y, cell) in content {
            if let Some(c) = next.cell_mut((x, y)) {
                *c = cell.clone();
            }
            for covered in x + 1..x.saturating_add(symbol_width(cell)) {
                if let Some(c) = next.cell_mut((covered, y)) {
                    c.reset();
                }
            }
        }
        self.present(&mut next)
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        if self.cursor_hidden != Some(true) {
            self.pending.extend_from_slice(b"\x1b[?25l");
            self.cursor_hidden = Some(true);
        }
        Ok(())
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        if self.cursor_hidden != Some(false) {
            self.pending.extend_from_slice(b"\x1b[?25h");
            self.cursor_hidden = Some(false);
        }
        Ok(())
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        Ok(Position::ORIGIN)
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        let p = position.into();
        move_to(&mut self.pending, p.x, p.y);
        Ok(())
    }

    fn clear(&mut self) -> io::Result<()> {
        self.clear_region(ClearType::All)
    }

    fn clear_region(&mut self, _clear_type: ClearType) -> io::Result<()> {
        // the reader is full screen: any clear is a clear of everything
        self.pending.extend_from_slice(b"\x1b[0m\x1b[H\x1b[2J");
        self.shown = self.blank()?;
        Ok(())
    }

    fn size(&self) -> io::Result<Size> {
        match self.fixed_size {
            Some(s) => Ok(s),
            None => {
                ratatui::crossterm::terminal::size().map(|(width, height)| Size { width, height })
            }
        }
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        let columns_rows = self.size()?;
        Ok(WindowSize {
            columns_rows,
            pixels: Size::default(),
        })
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.pending.is_empty() {
            return Ok(());
        }
        let mut frame = Vec::with_capacity(self.pending.len() + 16);
        frame.extend_from_slice(b"\x1b[?2026h");
        frame.append(&mut self.pending);
        frame.extend_from_slice(b"\x1b[?2026l");
        self.last_frame_bytes = frame.len();
        self.out.write_all(&frame)?;
        self.out.flush()
    }
}

fn usable(h: ScrollHint, screen: &Buffer) -> bool {
    let rows = i32::from(h.bottom.saturating_sub(h.top));
    h.lines != 0
        && h.lines.abs() < rows
        && h.bottom <= screen.area.height
        && h.left < h.right
        && h.right <= screen.area.width
}

/// The screen as the terminal shows it once the scroll (if any) is done:
/// rows of the scrolled rectangle come from further down or up, and the
/// rows scrolled in are blank.
struct Shown<'a> {
    screen: &'a Buffer,
    hint: Option<ScrollHint>,
    blank: Cell,
}

impl<'a> Shown<'a> {
    fn new(screen: &'a Buffer, hint: Option<ScrollHint>) -> Self {
        Shown {
            screen,
            hint,
            blank: Cell::default(),
        }
    }

    fn cell(&self, x: u16, y: u16) -> &Cell {
        let mut y = y;
        if let Some(h) = self.hint
            && (h.top..h.bottom).contains(&y)
            && (h.left..h.right).contains(&x)
        {
            let from = i32::from(y) + h.lines;
            if from < i32::from(h.top) || from >= i32::from(h.bottom) {
                return &self.blank;
            }
            y = from as u16;
        }
        self.screen.cell((x, y)).unwrap_or(&self.blank)
    }
}

/// The attributes the terminal is drawing with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct Pen {
    fg: Option<Color>,
    bg: Option<Color>,
    modifier: Modifier,
}

impl Pen {
    fn of(cell: &Cell) -> Pen {
        let colour = |c: Color| (c != Color::Reset).then_some(c);
        Pen {
            fg: colour(cell.fg),
            bg: colour(cell.bg),
            modifier: cell.modifier,
        }
    }
}

/// Writes cells, tracking the cursor and the pen.
struct Encoder<'a> {
    out: Vec<u8>,
    next: &'a Buffer,
    cursor: Option<(u16, u16)>,
    pen: Pen,
}

/// The bytes that turn what is shown into `next` (scrolling first when the
/// view carries a scroll); `None` once they pass `budget`.
fn encode(prev: &Shown, next: &Buffer, budget: usize) -> Option<Vec<u8>> {
    let mut e = Encoder {
        out: Vec::new(),
        next,
        cursor: None,
        pen: Pen::default(),
    };
    if let Some(h) = prev.hint {
        e.scroll(h);
    }
    let width = next.area.width;
    let mut changed: Vec<u16> = Vec::with_capacity(usize::from(width));
    for y in 0..next.area.height {
        if e.out.len() > budget {
            return None;
        }
        changed_in_row(prev, next, y, &mut changed);
        let mut i = 0;
        while i < changed.len() {
            let x = changed[i];
            // blanks from here on: erase them at once when enough of them
            // changed (erasing a blank that did not is harmless)
            let span = blank_span(next, x, y);
            let erased = changed[i..].iter().take_while(|&&c| c < x + span).count();
            let to_end = x + span == width;
            if (to_end && erased >= 4 || erased >= 8) && erasable(prev, x, y, span) {
                e.go(x, y);
                e.set_pen(Pen::default());
                if to_end {
                    e.out.extend_from_slice(b"\x1b[K");
                } else {
                    write_csi(&mut e.out, span, b'X');
                }
                i += erased;
                continue;
            }
            e.go(x, y);
            if let Some(cell) = next.cell((x, y)) {
                e.put(x, y, cell);
            }
            i += 1;
        }
    }
    if e.pen != Pen::default() {
        e.out.extend_from_slice(b"\x1b[0m");
    }
    Some(e.out)
}

/// The columns of row `y` to draw: cells that differ, and cells a wide
/// character used to cover when it is replaced by a narrower one.
fn changed_in_row(prev: &Shown, next: &Buffer, y: u16, out: &mut Vec<u16>) {
    out.clear();
    let width = next.area.width;
    let mut x = 0;
    let mut forced_until = 0;
    while x < width {
        let Some(n) = next.cell((x, y)) else { break };
        let p = prev.cell(x, y);
        let next_width = symbol_width(n);
        if n != p || x < forced_until {
            out.push(x);
            forced_until = forced_until.max(x + symbol_width(p));
        }
        x += next_width;
    }
}

/// Columns a cell's symbol takes (1 or 2); plain ASCII without a lookup.
fn symbol_width(c: &Cell) -> u16 {
    let s = c.symbol();
    if s.len() == 1 {
        1
    } else {
        s.width().clamp(1, 2) as u16
    }
}

/// How many cells of row `y` from column `x` are blank, with no colour or
/// attribute.
fn blank_span(next: &Buffer, x: u16, y: u16) -> u16 {
    (x..next.area.width)
        .take_while(|&cx| next.cell((cx, y)).is_some_and(is_blank))
        .count() as u16
}

fn is_blank(c: &Cell) -> bool {
    c.symbol() == " " && Pen::of(c) == Pen::default()
}

/// Whether erasing `run` cells at `x` leaves no half of a wide character
/// that the terminal would clear with it.
fn erasable(prev: &Shown, x: u16, y: u16, run: u16) -> bool {
    let wide = |cx: u16| symbol_width(prev.cell(cx, y)) > 1;
    let splits_left = x > 0 && wide(x - 1);
    let splits_right = wide(x + run - 1);
    !splits_left && !splits_right
}

impl Encoder<'_> {
    fn scroll(&mut self, h: ScrollHint) {
        self.set_pen(Pen::default());
        let rectangle = h.left > 0 || h.right < self.next.area.width;
        let out = &mut self.out;
        out.extend_from_slice(b"\x1b[");
        push_number(out, h.top + 1);
        out.push(b';');
        push_number(out, h.bottom);
        out.push(b'r');
        if rectangle {
            // left/right margins (DECSLRM), switched on at start
            out.extend_from_slice(b"\x1b[");
            push_number(out, h.left + 1);
            out.push(b';');
            push_number(out, h.right);
            out.push(b's');
        }
        move_to(out, h.left, h.top);
        if h.lines > 0 {
            write_csi(out, h.lines as u16, b'M');
        } else {
            write_csi(out, (-h.lines) as u16, b'L');
        }
        if rectangle {
            out.extend_from_slice(b"\x1b[s");
        }
        // resetting the region homes the cursor
        out.extend_from_slice(b"\x1b[r");
        self.cursor = Some((0, 0));
    }

    /// Move to (x, y) the cheapest way: write through a short gap of plain
    /// cells, step forward, or jump.
    fn go(&mut self, x: u16, y: u16) {
        if let Some((cx, cy)) = self.cursor {
            if cy == y && cx == x {
                return;
            }
            if cy == y && x > cx && x - cx <= 3 && self.write_through(cx, x, y) {
                return;
            }
            if cy == y && x > cx {
                write_csi(&mut self.out, x - cx, b'C');
                self.cursor = Some((x, y));
                return;
            }
        }
        move_to(&mut self.out, x, y);
        self.cursor = Some((x, y));
    }

    /// Rewrite the unchanged cells `from..to` when that is as cheap as a
    /// move: only narrow cells drawn with the current pen.
    fn write_through(&mut self, from: u16, to: u16, y: u16) -> bool {
        let cells: Vec<&Cell> = (from..to).filter_map(|x| self.next.cell((x, y))).collect();
        let plain = cells.len() == usize::from(to - from)
            && cells
                .iter()
                .all(|c| Pen::of(c) == self.pen && c.symbol().len() == 1);
        if !plain {
            return false;
        }
        for c in cells {
            self.out.extend_from_slice(c.symbol().as_bytes());
        }
        self.cursor = Some((to, y));
        true
    }

    fn put(&mut self, x: u16, y: u16, cell: &Cell) {
        self.set_pen(Pen::of(cell));
        let symbol = cell.symbol();
        self.out.extend_from_slice(symbol.as_bytes());
        let w = symbol_width(cell);
        // after the last column the cursor waits to wrap: its place is not
        // to be trusted
        self.cursor = if x + w >= self.next.area.width {
            None
        } else {
            Some((x + w, y))
        };
    }

    fn set_pen(&mut self, pen: Pen) {
        if pen == self.pen {
            return;
        }
        let mut params: Vec<u8> = Vec::new();
        let removed = self.pen.modifier - pen.modifier;
        let mut from = self.pen;
        if !removed.is_empty() || pen == Pen::default() {
            params.push(b'0');
            from = Pen::default();
        }
        for (flag, code) in MODIFIER_CODES {
            if pen.modifier.contains(flag) && !from.modifier.contains(flag) {
                push_param(&mut params, code);
            }
        }
        if pen.fg != from.fg {
            push_colour(&mut params, pen.fg, false);
        }
        if pen.bg != from.bg {
            push_colour(&mut params, pen.bg, true);
        }
        self.out.extend_from_slice(b"\x1b[");
        self.out.extend_from_slice(&params);
        self.out.push(b'm');
        self.pen = pen;
    }
}

const MODIFIER_CODES: [(Modifier, &str); 9] = [
    (Modifier::BOLD, "1"),
    (Modifier::DIM, "2"),
    (Modifier::ITALIC, "3"),
    (Modifier::UNDERLINED, "4"),
    (Modifier::SLOW_BLINK, "5"),
    (Modifier::RAPID_BLINK, "6"),
    (Modifier::REVERSED, "7"),
    (Modifier::HIDDEN, "8"),
    (Modifier::CROSSED_OUT, "9"),
];

fn push_param(params: &mut Vec<u8>, code: &str) {
    if !params.is_empty() {
        params.push(b';');
    }
    params.extend_from_slice(code.as_bytes());
}

fn push_colour(params: &mut Vec<u8>, colour: Option<Color>, background: bool) {
    let base: u16 = if background { 10 } else { 0 };
    let code = match colour {
        None => format!("{}", 39 + base),
        Some(c) => match c {
            Color::Reset => format!("{}", 39 + base),
            Color::Black => format!("{}", 30 + base),
            Color::Red => format!("{}", 31 + base),
            Color::Green => format!("{}", 32 + base),
            Color::Yellow => format!("{}", 33 + base),
            Color::Blue => format!("{}", 34 + base),
            Color::Magenta => format!("{}", 35 + base),
            Color::Cyan => format!("{}", 36 + base),
            Color::Gray => format!("{}", 37 + base),
            Color::DarkGray => format!("{}", 90 + base),
            Color::LightRed => format!("{}", 91 + base),
            Color::LightGreen => format!("{}", 92 + base),
            Color::LightYellow => format!("{}", 93 + base),
            Color::LightBlue => format!("{}", 94 + base),
            Color::LightMagenta => format!("{}", 95 + base),
            Color::LightCyan => format!("{}", 96 + base),
            Color::White => format!("{}", 97 + base),
            Color::Indexed(i) => format!("{};5;{i}", 38 + base),
            Color::Rgb(r, g, b) => format!("{};2;{r};{g};{b}", 38 + base),
        },
    };
    push_param(params, &code);
}

fn move_to(out: &mut Vec<u8>, x: u16, y: u16) {
    out.extend_from_slice(b"\x1b[");
    push_number(out, y + 1);
    if x > 0 {
        out.push(b';');
        push_number(out, x + 1);
    }
    out.push(b'H');
}

/// `CSI n <final>`, leaving out n when it is 1.
fn write_csi(out: &mut Vec<u8>, n: u16, final_byte: u8) {
    out.extend_from_slice(b"\x1b[");
    if n != 1 {
        push_number(out, n);
    }
    out.push(final_byte);
}

fn push_number(out: &mut Vec<u8>, n: u16) {
    out.extend_from_slice(n.to_string().as_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::Terminal;
    use ratatui::style::Style;

    /// A terminal whose frames are kept as bytes.
    fn terminal(width: u16, height: u16) -> Terminal<Screen<Vec<u8>>> {
        Terminal::new(Screen::with_size(Vec::new(), width, height)).expect("terminal")
    }

    /// Lines that differ all along, like the lines of an article.
    fn lines(n: usize) -> Vec<String> {
        const WORDS: [&str; 5] = [
            "the minister said talks would go on",
            "nobody expected the vote to pass",
            "a spokesman declined to comment",
            "protesters gathered outside again",
            "officials met late into the night",
        ];
        (0..n).map(|i| format!("{i:02} {}", WORDS[i % 5])).collect()
    }

    fn draw_from(t: &mut Terminal<Screen<Vec<u8>>>, text: &[String], first: usize) -> usize {
        t.draw(|f| {
            let area = f.area();
            for (row, line) in text
                .iter()
                .skip(first)
                .take(usize::from(area.height - 1))
                .enumerate()
            {
                f.buffer_mut().set_string(0, row as u16, line, Style::new());
            }
            f.buffer_mut()
                .set_string(0, area.height - 1, format!("status {first}"), Style::new());
        })
        .expect("draw");
        t.backend().last_frame_bytes
    }

    fn vt(rows: u16, cols: u16) -> vt100::Parser {
        let n = |v: u16| std::num::NonZeroU16::new(v).expect("non-zero");
        vt100::Parser::new(n(rows), n(cols), 0)
    }

    /// Replay bytes through a terminal emulator and read the screen.
    fn emulate(bytes: &[u8], width: u16, height: u16) -> Vec<String> {
        let mut parser = vt(height, width);
        parser.process(bytes);
        parser.screen().rows(0, width).collect()
    }

    #[test]
    fn a_scroll_hint_sends_few_bytes_and_the_screen_stays_right() {
        let text = lines(100);
        let mut t = terminal(60, 20);
        draw_from(&mut t, &text, 0);
        let plain = {
            let mut u = terminal(60, 20);
            draw_from(&mut u, &text, 0);
            draw_from(&mut u, &text, 1)
        };
        t.backend_mut().hint_scroll(ScrollHint {
            top: 0,
            bottom: 19,
            left: 0,
            right: 60,
            lines: 1,
        });
        let scrolled = draw_from(&mut t, &text, 1);
        assert!(scrolled * 4 < plain, "scrolled {scrolled} plain {plain}");
        let shown = emulate(t.backend().writer(), 60, 20);
        assert_eq!(shown[0], text[1]);
        assert_eq!(shown[18], text[19]);
        assert_eq!(shown[19], "status 1");
        // and back up
        t.backend_mut().hint_scroll(ScrollHint {
            top: 0,
            bottom: 19,
            left: 0,
            right: 60,
            lines: -1,
        });
        draw_from(&mut t, &text, 0);
        let shown = emulate(t.backend().writer(), 60, 20);
        assert_eq!(shown[0], text[0]);
        assert_eq!(shown[18], text[18]);
    }

    #[test]
    fn frames_are_synchronized_and_unchanged_frames_send_nothing() {
        let text = lines(10);
        let mut t = terminal(40, 8);
        draw_from(&mut t, &text, 0);
        let out = t.backend().writer().clone();
        assert!(out.starts_with(b"\x1b[?2026h"));
        assert!(out.ends_with(b"\x1b[?2026l"));
        let before = t.backend().writer().len();
        draw_from(&mut t, &text, 0);
        assert_eq!(t.backend().writer().len(), before);
    }

    #[test]
    fn styles_wide_characters_and_blanks_come_out_right() {
        let mut t = terminal(30, 4);
        t.draw(|f| {
            let b = f.buffer_mut();
            b.set_string(0, 0, "東京 and 👨👩👧 here", Style::new().bold());
            b.set_string(
                0,
                1,
                "a long line that will be cut",
                Style::new().reversed(),
            );
            b.set_string(0, 2, "plain", Style::new().fg(Color::Indexed(152)));
        })
        .expect("draw");
        t.draw(|f| {
            let b = f.buffer_mut();
            b.set_string(0, 0, "東京 and 👨👩👧 here", Style::new().bold());
            b.set_string(0, 1, "a long", Style::new().reversed());
            b.set_string(0, 2, "plain", Style::new().fg(Color::Rgb(1, 2, 3)));
        })
        .expect("draw");
        let mut parser = vt(4, 30);
        parser.process(t.backend().writer());
        let screen = parser.screen();
        assert_eq!(
            screen.rows(0, 30).next().as_deref(),
            Some("東京 and 👨👩👧 here")
        );
        assert_eq!(screen.rows(0, 30).nth(1).as_deref(), Some("a long"));
        assert!(screen.cell(0, 0).is_some_and(|c| c.bold()));
        assert!(screen.cell(1, 3).is_some_and(|c| c.inverse()));
        assert!(screen.cell(1, 10).is_some_and(|c| !c.inverse()));
        assert_eq!(
            screen.cell(2, 0).map(|c| c.fgcolor()),
            Some(vt100::Color::Rgb(1, 2, 3))
        );
    }

    /// One row of a random screen: words, wide characters, styled runs.
    fn random_rows(
        width: u16,
        height: u16,
    ) -> impl proptest::strategy::Strategy<Value = Vec<(String, u8)>> {
        use proptest::prelude::*;
        let word = prop_oneof![
            Just("the"),
            Just("minister"),
            Just("東京"),
            Just("会議"),
            Just("  "),
            Just("said"),
            Just("—"),
            Just("x"),
        ];
        let row =
            (proptest::collection::vec(word, 0..12), 0u8..4).prop_map(move |(words, style)| {
                let mut line = words.join(" ");
                while unicode_width::UnicodeWidthStr::width(line.as_str()) > usize::from(width) {
                    line.pop();
                }
                (line, style)
            });
        proptest::collection::vec(row, usize::from(height))
    }

    fn paint(buf: &mut Buffer, rows: &[(String, u8)]) {
        for (y, (line, style)) in rows.iter().enumerate() {
            let style = match style {
                0 => Style::new(),
                1 => Style::new().bold(),
                2 => Style::new().reversed(),
                _ => Style::new().fg(Color::Cyan).bg(Color::Black),
            };
            buf.set_string(0, y as u16, line, style);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

        /// Whatever changes from frame to frame, with or without a scroll
        /// hint, the terminal ends up showing exactly the last frame.
        #[test]
        fn the_terminal_always_shows_the_last_frame(
            frames in proptest::collection::vec(random_rows(24, 6), 2..5),
            scrolls in proptest::collection::vec(-3i32..4, 4),
        ) {
            let (w, h) = (24u16, 6u16);
            let mut t = terminal(w, h);
            for (i, rows) in frames.iter().enumerate() {
                let lines = scrolls[i % scrolls.len()];
                if lines != 0 {
                    t.backend_mut().hint_scroll(ScrollHint { top: 1, bottom: h - 1, left: 0, right: w, lines });
                }
                t.draw(|f| paint(f.buffer_mut(), rows)).expect("draw");
            }
            let mut expected = Buffer::empty(Rect::new(0, 0, w, h));
            paint(&mut expected, &frames[frames.len() - 1]);
            let shown = emulate(t.backend().writer(), w, h);
            for y in 0..h {
                let mut want = String::new();
                let mut skip = 0;
                for x in 0..w {
                    if skip > 0 { skip -= 1; continue; }
                    let sym = expected[(x, y)].symbol();
                    skip = sym.width().saturating_sub(1);
                    want.push_str(sym);
                }
                proptest::prop_assert_eq!(shown[usize::from(y)].trim_end(), want.trim_end(), "row {}", y);
            }
        }

        /// The scrolled encoding alone (whether or not it would be chosen)
        /// also leaves exactly the new frame, for every scroll.
        #[test]
        fn a_scrolled_frame_is_always_right(
            first in random_rows(24, 7),
            second in random_rows(24, 7),
            lines in proptest::prop_oneof![-3i32..=-1, 1i32..=3],
            top in 0u16..3,
        ) {
            let (w, h) = (24u16, 7u16);
            let area = Rect::new(0, 0, w, h);
            let mut before = Buffer::empty(area);
            paint(&mut before, &first);
            let mut after = Buffer::empty(area);
            paint(&mut after, &second);
            let hint = ScrollHint { top, bottom: h - 1, left: 0, right: w, lines };
            proptest::prop_assert!(usable(hint, &after));
            let blank = Buffer::empty(area);
            let mut bytes = encode(&Shown::new(&blank, None), &before, usize::MAX).expect("bytes");
            bytes.extend(encode(&Shown::new(&before, Some(hint)), &after, usize::MAX).expect("bytes"));
            let shown = emulate(&bytes, w, h);
            for y in 0..h {
                let want: String = (0..w)
                    .scan(0usize, |skip, x| {
                        if *skip > 0 {
                            *skip -= 1;
                            return Some(String::new());
                        }
                        let sym = after[(x, y)].symbol();
                        *skip = sym.width().saturating_sub(1);
                        Some(sym.to_string())
                    })
                    .collect();
                proptest::prop_assert_eq!(shown[usize::from(y)].trim_end(), want.trim_end(), "row {}", y);
            }
        }
    }
}
