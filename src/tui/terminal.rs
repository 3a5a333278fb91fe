//! The terminal: its modes, switched on when the reader starts (raw mode,
//! the alternate screen, a hidden cursor, mouse reporting if asked for) and
//! switched off again on every way out (quit, error, panic, SIGTERM, SIGHUP,
//! SIGINT, a terminal that went away); the keyboard and the signals the
//! loop waits on together; the OSC 52 clipboard write.

use std::io::{self, IsTerminal, Write};
use std::os::fd::{AsFd, BorrowedFd};
use std::os::unix::net::UnixStream;
use std::sync::Arc;
use std::sync::Once;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Duration;

use base64::Engine as _;
use ratatui::crossterm::terminal::{disable_raw_mode, enable_raw_mode};
use rustix::event::{PollFd, PollFlags, Timespec, poll};

/// The modes are on (restore has work to do).
static ACTIVE: AtomicBool = AtomicBool::new(false);
/// Mouse reporting was switched on.
static MOUSE: AtomicBool = AtomicBool::new(false);
/// Left/right margins (DECLRMM) were switched on.
static MARGINS: AtomicBool = AtomicBool::new(false);

/// Asks whether the terminal can scroll a rectangle (DECRQM for DECLRMM);
/// the answer comes back as input, whenever it comes.
pub const ASK_MARGINS: &[u8] = b"\x1b[?69$p";
/// Switches left/right margins on.
pub const MARGINS_ON: &[u8] = b"\x1b[?69h";

/// The signals that end the reader (after restoring the terminal and saving
/// the reading position).
pub const EXIT_SIGNALS: [i32; 3] = [
    signal_hook::consts::SIGTERM,
    signal_hook::consts::SIGHUP,
    signal_hook::consts::SIGINT,
];

/// Alternate screen, hidden cursor, focus changes reported (the library
/// looks at its folder again when the terminal comes back into focus).
const ENTER: &[u8] = b"\x1b[?1049h\x1b[?25l\x1b[?1004h";
/// Button presses and wheel, in SGR encoding.
const MOUSE_ON: &[u8] = b"\x1b[?1000h\x1b[?1006h";

/// What switches every mode off: ends a synchronized update left open,
/// resets the scrolling region and colours, mouse reporting off (all
/// modes), focus reports off, the cursor shown, and back to the main screen.
pub fn reset_sequence(mouse: bool, margins: bool) -> Vec<u8> {
    let mut s = b"\x1b[?2026l\x1b[r\x1b[0m".to_vec();
    if margins {
        s.extend_from_slice(b"\x1b[s\x1b[?69l");
    }
    if mouse {
        s.extend_from_slice(b"\x1b[?1006l\x1b[?1003l\x1b[?1002l\x1b[?1000l");
    }
    s.extend_from_slice(b"\x1b[?1004l\x1b[?25h\x1b[?1049l");
    s
}

/// Switch the reader's modes on. The panic hook restores them before the
/// panic message is printed.
pub fn enter(mouse: bool) -> io::Result<()> {
    install_panic_hook();
    enable_raw_mode()?;
    ACTIVE.store(true, Ordering::SeqCst);
    MOUSE.store(mouse, Ordering::SeqCst);
    let mut out = io::stdout().lock();
    out.write_all(ENTER)?;
    if mouse {
        out.write_all(MOUSE_ON)?;
    }
    out.flush()
}

/// Switch every mode off again. Safe to call more than once and from a
/// panic; write errors are ignored (the terminal may be gone).
pub fn restore() {
    if !ACTIVE.swap(false, Ordering::SeqCst) {
        return;
    }
    let mut out = io::stdout().lock();
    let reset = reset_sequence(MOUSE.load(Ordering::SeqCst), MARGINS.load(Ordering::SeqCst));
    let _ = out.write_all(&reset);
    let _ = out.flush();
    let _ = disable_raw_mode();
}

fn install_panic_hook() {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
    });
}

/// Stop until the shell's `fg`: the terminal is given back first and its
/// modes are switched on again after.
pub fn suspend(mouse: bool) -> io::Result<()> {
    restore();
    signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
    enter(mouse)
}

/// Note that left/right margins were switched on (restore switches them
/// off).
pub fn note_margins() {
    MARGINS.store(true, Ordering::SeqCst);
}

/// Whether to ask the terminal about margins: not in multiplexers and
/// consoles, which neither have them nor answer (and might print the query).
pub fn may_ask_for_margins() -> bool {
    let var = |k: &str| std::env::var(k).unwrap_or_default();
    let term = var("TERM").to_ascii_lowercase();
    let multiplexed = !var("TMUX").is_empty() || !var("STY").is_empty();
    let quiet = ["linux", "screen", "tmux", "dumb", "vt", "cons"];
    !multiplexed && !term.is_empty() && !quiet.iter().any(|p| term.starts_with(p))
}

/// Where keys come from: standard input, or the terminal itself when
/// standard input is not one (an article piped in with `-`).
pub enum Keyboard {
    Stdin(io::Stdin),
    Tty(std::fs::File),
}

impl Keyboard {
    pub fn open() -> io::Result<Self> {
        let stdin = io::stdin();
        if stdin.is_terminal() {
            Ok(Keyboard::Stdin(stdin))
        } else {
            std::fs::File::open("/dev/tty").map(Keyboard::Tty)
        }
    }

    fn fd(&self) -> BorrowedFd<'_> {
        match self {
            Keyboard::Stdin(s) => s.as_fd(),
            Keyboard::Tty(f) => f.as_fd(),
        }
    }

    /// Read what the terminal sent; 0 when it is gone.
    pub fn read(&self, buf: &mut [u8]) -> io::Result<usize> {
        loop {
            match rustix::io::read(self.fd(), &mut *buf) {
                Err(rustix::io::Errno::INTR) => continue,
                other => return other.map_err(io::Error::from),
            }
        }
    }
}

/// The signals the loop answers, as pipes it can wait on with the keyboard.
pub struct Signals {
    exit: UnixStream,
    resize: UnixStream,
    which: Arc<AtomicUsize>,
}

impl Signals {
    /// Catch SIGTERM, SIGHUP, SIGINT (to end cleanly) and SIGWINCH.
    pub fn register() -> io::Result<Self> {
        let (exit, exit_writer) = UnixStream::pair()?;
        let (resize, resize_writer) = UnixStream::pair()?;
        for s in [&exit, &exit_writer, &resize, &resize_writer] {
            s.set_nonblocking(true)?;
        }
        let which = Arc::new(AtomicUsize::new(0));
        for signal in EXIT_SIGNALS {
            // the flag is set before the pipe wakes the loop
            signal_hook::flag::register_usize(signal, Arc::clone(&which), signal as usize)?;
            signal_hook::low_level::pipe::register(signal, exit_writer.try_clone()?)?;
        }
        signal_hook::low_level::pipe::register(signal_hook::consts::SIGWINCH, resize_writer)?;
        Ok(Signals {
            exit,
            resize,
            which,
        })
    }

    /// The exit signal that arrived.
    pub fn which(&self) -> i32 {
        i32::try_from(self.which.load(Ordering::SeqCst)).unwrap_or(signal_hook::consts::SIGTERM)
    }

    /// Wait up to `timeout` for another SIGWINCH; true when one came.
    pub fn wait_resize(&self, timeout: Duration) -> io::Result<bool> {
        let mut fds = [PollFd::new(&self.resize, PollFlags::IN)];
        poll_retrying(&mut fds, Some(timeout))?;
        let came = fds[0].revents().contains(PollFlags::IN);
        if came {
            drain(&self.resize);
        }
        Ok(came)
    }
}

/// What woke the loop; all false when the wait timed out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Wake {
    pub keys: bool,
    /// The terminal went away.
    pub hangup: bool,
    pub exit: bool,
    pub resize: bool,
}

/// Wait for keys or signals, up to `timeout` (for ever with `None`).
pub fn wait(keyboard: &Keyboard, signals: &Signals, timeout: Option<Duration>) -> io::Result<Wake> {
    let mut fds = [
        PollFd::from_borrowed_fd(keyboard.fd(), PollFlags::IN),
        PollFd::new(&signals.exit, PollFlags::IN),
        PollFd::new(&signals.resize, PollFlags::IN),
    ];
    poll_retrying(&mut fds, timeout)?;
    let keys = fds[0].revents();
    let wake = Wake {
        keys: keys.contains(PollFlags::IN),
        hangup: keys.intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL),
        exit: fds[1].revents().contains(PollFlags::IN),
        resize: fds[2].revents().contains(PollFlags::IN),
    };
    if wake.resize {
        drain(&signals.resize);
    }
    Ok(wake)
}

fn poll_retrying(fds: &mut [PollFd<'_>], timeout: Option<Duration>) -> io::Result<()> {
    let timespec = timeout.map(|d| Timespec {
        tv_sec: i64::try_from(d.as_secs()).unwrap_or(i64::MAX),
        tv_nsec: i64::from(d.subsec_nanos()),
    });
    loop {
        match poll(fds, timespec.as_ref()) {
            Err(rustix::io::Errno::INTR) => continue,
            other => return other.map(|_| ()).map_err(io::Error::from),
        }
    }
}

fn drain(mut pipe: &UnixStream) {
    let mut buf = [0u8; 64];
    while matches!(io::Read::read(&mut pipe, &mut buf), Ok(n) if n > 0) {}
}

/// The OSC 52 sequence that puts `text` on the clipboard of the terminal
/// the user sits at (it works over SSH).
pub fn clipboard(text: &str) -> Vec<u8> {
    let encoded = base64::engine::general_purpose::STANDARD.encode(text.as_bytes());
    let mut s = b"\x1b]52;c;".to_vec();
    s.extend_from_slice(encoded.as_bytes());
    s.push(0x07);
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_reset_switches_off_what_was_switched_on() {
        let plain = reset_sequence(false, false);
        let plain = String::from_utf8_lossy(&plain);
        assert!(plain.contains("\x1b[?1049l") && plain.contains("\x1b[?25h"));
        assert!(
            plain.contains("\x1b[?1004l"),
            "focus reports are switched on at entry"
        );
        assert!(!plain.contains("1000l"));
        let mouse = reset_sequence(true, true);
        assert!(String::from_utf8_lossy(&mouse).contains("\x1b[?1000l"));
    }

    #[test]
    fn the_clipboard_sequence_carries_only_base64() {
        let s = clipboard("“We stay.” — Parly\x1b]0;x\x07");
        assert!(s.starts_with(b"\x1b]52;c;"));
        assert_eq!(s.last(), Some(&0x07));
        let body = &s[7..s.len() - 1];
        assert!(
            body.iter()
                .all(|b| b.is_ascii_alphanumeric() || b"+/=".contains(b))
        );
    }
}
