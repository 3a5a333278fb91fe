//! The real binary in a pseudo-terminal: what a user sees at each step (an
//! article named on the command line, or a folder's library first), and
//! the terminal given back in its first state however the reader ends
//! (q, SIGTERM, SIGHUP, SIGINT, a terminal that goes away).
//!
//! Every wait polls the screen until a deadline; no sleep is an assertion.

mod common;

use std::io::{Read, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use nix::sys::termios::LocalFlags;
use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

use common::{SEED, seed_app};
use dossier::tui::panels::{Panel, Target};

/// Long enough for a slow, busy machine; the tests end as soon as the
/// screen is right.
const DEADLINE: Duration = Duration::from_secs(30);

/// The reader running in a pseudo-terminal, with its output kept.
struct Session {
    child: Box<dyn Child + Send + Sync>,
    master: Option<Box<dyn MasterPty + Send>>,
    writer: Option<Box<dyn Write + Send>>,
    output: Arc<Mutex<Vec<u8>>>,
    screen: Arc<Mutex<vt100::Parser>>,
    /// Asks the reading thread to let go of its end of the terminal.
    stop: Arc<AtomicBool>,
    reading: Option<JoinHandle<()>>,
    state: tempfile::TempDir,
}

impl Session {
    fn start(args: &[&str], cols: u16, rows: u16) -> Session {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pty");
        let state = tempfile::tempdir().expect("tempdir");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_dossier"));
        cmd.args(args);
        cmd.cwd(env!("CARGO_MANIFEST_DIR"));
        cmd.env("TERM", "xterm-256color");
        cmd.env("XDG_STATE_HOME", state.path().join("state"));
        cmd.env("XDG_CONFIG_HOME", state.path().join("config"));
        cmd.env("XDG_CACHE_HOME", state.path().join("cache"));
        cmd.env_remove("NO_COLOR");
        cmd.env_remove("TMUX");
        let child = pty.slave.spawn_command(cmd).expect("spawn dossier");
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().expect("reader");
        let writer = pty.master.take_writer().expect("writer");
        let output = Arc::new(Mutex::new(Vec::new()));
        let n = |v: u16| std::num::NonZeroU16::new(v).expect("size");
        let screen = Arc::new(Mutex::new(vt100::Parser::new(n(rows), n(cols), 0)));
        let stop = Arc::new(AtomicBool::new(false));
        let (out, scr, halt) = (Arc::clone(&output), Arc::clone(&screen), Arc::clone(&stop));
        let reading = std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(got) = reader.read(&mut buf) {
                if got == 0 {
                    break;
                }
                out.lock().expect("lock").extend_from_slice(&buf[..got]);
                scr.lock().expect("lock").process(&buf[..got]);
                if halt.load(Ordering::SeqCst) {
                    break;
                }
            }
        });
        Session {
            child,
            master: Some(pty.master),
            writer: Some(writer),
            output,
            screen,
            stop,
            reading: Some(reading),
            state,
        }
    }

    /// Close the terminal as a dropped connection does: `keys` make the
    /// reader draw once more, so the reading thread wakes and lets go.
    fn close_terminal(&mut self, keys: &str) {
        self.stop.store(true, Ordering::SeqCst);
        self.send(keys);
        if let Some(t) = self.reading.take() {
            t.join().expect("reading thread");
        }
        self.writer = None;
        self.master = None;
    }

    fn send(&mut self, keys: &str) {
        let w = self.writer.as_mut().expect("open");
        w.write_all(keys.as_bytes()).expect("write");
        w.flush().expect("flush");
    }

    fn text(&self) -> String {
        self.screen.lock().expect("lock").screen().contents()
    }

    fn output_len(&self) -> usize {
        self.output.lock().expect("lock").len()
    }

    fn output_since(&self, from: usize) -> Vec<u8> {
        self.output.lock().expect("lock")[from..].to_vec()
    }

    /// Wait until the screen satisfies `ok`; fail with the screen.
    fn wait_for(&self, what: &str, ok: impl Fn(&vt100::Screen) -> bool) {
        let start = Instant::now();
        while start.elapsed() < DEADLINE {
            if ok(self.screen.lock().expect("lock").screen()) {
                return;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        panic!("timed out waiting for {what}; the screen:\n{}", self.text());
    }

    fn wait_for_text(&self, text: &str) {
        self.wait_for(text, |s| s.contents().contains(text));
    }

    /// Wait for the bytes written since `from` to contain `needle`.
    fn wait_for_output(&self, from: usize, needle: &[u8]) {
        let start = Instant::now();
        while start.elapsed() < DEADLINE {
            if contains(&self.output_since(from), needle) {
                return;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        panic!(
            "timed out waiting for {:?}",
            String::from_utf8_lossy(needle)
        );
    }

    fn wait_exit(&mut self) -> u32 {
        let start = Instant::now();
        while start.elapsed() < DEADLINE {
            if let Some(status) = self.child.try_wait().expect("wait") {
                return status.exit_code();
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        let _ = self.child.kill();
        panic!("dossier did not exit; the screen:\n{}", self.text());
    }

    fn signal(&self, name: &str) {
        let pid = self.child.process_id().expect("pid");
        let status = std::process::Command::new("kill")
            .args([format!("-{name}"), pid.to_string()])
            .status()
            .expect("kill");
        assert!(status.success());
    }

    /// The terminal is back to normal: the main screen, the cursor shown,
    /// every mode off, and line editing (not raw mode) restored.
    fn assert_restored(&self, mouse: bool) {
        let out = self.output.lock().expect("lock").clone();
        let tail = &out[last_frame_end(&out)..];
        for seq in ["\x1b[?1049l", "\x1b[?25h", "\x1b[0m", "\x1b[?2026l"] {
            assert!(
                contains(tail, seq.as_bytes()),
                "{seq:?} missing from {:?}",
                String::from_utf8_lossy(tail)
            );
        }
        if mouse {
            assert!(contains(tail, b"\x1b[?1000l") && contains(tail, b"\x1b[?1006l"));
        }
        let screen = self.screen.lock().expect("lock");
        assert!(!screen.screen().alternate_screen());
        assert!(!screen.screen().hide_cursor());
        if let Some(termios) = self.master.as_ref().and_then(|m| m.get_termios()) {
            let cooked = LocalFlags::ICANON | LocalFlags::ECHO;
            assert!(termios.local_flags.contains(cooked), "raw mode left on");
        }
    }

    /// `q`: the program ends with status 0 and the terminal restored.
    fn quit(&mut self) {
        self.send("q");
        assert_eq!(self.wait_exit(), 0);
        self.wait_for("the main screen", |sc| !sc.alternate_screen());
        self.assert_restored(false);
    }

    fn saved_positions(&self) -> Option<String> {
        std::fs::read_to_string(self.state.path().join("state/dossier/positions.json")).ok()
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
        }
    }
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

/// Where the last synchronized frame ends: what follows is the restore.
fn last_frame_end(out: &[u8]) -> usize {
    let end = b"\x1b[?2026l";
    out.windows(end.len())
        .rposition(|w| w == end)
        .map_or(0, |i| i + end.len())
        .min(out.len())
        .saturating_sub(end.len())
}

/// The text pane's part of the screen (left of the panels).
fn text_pane(screen: &vt100::Screen, cols: u16) -> String {
    screen.rows(0, cols).collect::<Vec<_>>().join("\n")
}

#[test]
fn a_reading_session_in_a_real_terminal() {
    // what the reader will show, worked out with the same library
    let mut expected = seed_app(160, 48);
    expected.update(dossier::tui::Action::FocusNext);
    let (row, actor) = expected
        .reader
        .rows
        .of(Panel::Actors)
        .iter()
        .filter_map(|r| match r.target() {
            Some(Target::Actor(a)) => Some(a),
            _ => None,
        })
        .enumerate()
        .find(|(_, a)| expected.reader.index.quote_speaker.contains(&Some(*a)))
        .expect("an actor with a quote");
    let article = expected.article().clone();
    let name = article.actors[actor].name.clone();
    let matches = dossier::tui::find::find(&article, "wagner").len();
    assert!(matches > 1);

    let mut s = Session::start(&[SEED], 160, 48);
    // the article opens: title, first paragraph, the three panels
    s.wait_for_text("Mali: We need Russian mercenaries");
    s.wait_for_text(&format!("Actors {}", article.actors.len()));
    s.wait_for_text("Quotes");
    s.wait_for_text("Positions");

    // scroll: the title leaves the top
    s.send("jjjj");
    s.wait_for("the title scrolled away", |sc| {
        !sc.contents().contains("Mali: We need Russian mercenaries")
    });

    // select the actor: its quotes only
    s.send("\t");
    s.wait_for("focus on the actors", |sc| sc.contents().contains("Actors"));
    s.send(&"j".repeat(row));
    if row == 0 {
        s.send("\r");
    }
    let filtered = format!("· {name}");
    s.wait_for("quotes narrowed to the actor", |sc| {
        sc.contents().contains(&filtered)
    });

    // jump to its quote: Enter in the Quotes panel brings it into the text
    s.send("\t\r");
    let q = expected
        .reader
        .index
        .quote_speaker
        .iter()
        .position(|sp| {
            sp.is_some_and(|a| expected.reader.index.actor_and_members(actor).contains(&a))
        })
        .expect("its quote");
    let paragraph = expected.reader.index.quote_places[q]
        .as_ref()
        .expect("placed")[0]
        .paragraph;
    let marker = format!("¶{}/", paragraph + 1);
    s.wait_for("the quote's paragraph current", |sc| {
        sc.contents().contains(&marker)
    });
    let words: String = article.quotes[q]
        .text
        .split_whitespace()
        .take(2)
        .collect::<Vec<_>>()
        .join(" ");
    s.wait_for("the quote in the text", |sc| {
        text_pane(sc, 96)
            .lines()
            .any(|l| l.starts_with('│') && l.contains(&words))
    });

    // find a word: the counter shows where we are among the matches
    s.send("/wagner\r");
    let counter = format!("/wagner 1/{matches}");
    s.wait_for_text(&counter);
    s.send("n");
    s.wait_for_text(&format!("/wagner 2/{matches}"));

    // quit: the terminal is given back as it was
    s.quit();
    assert!(
        s.saved_positions()
            .is_some_and(|p| p.contains("mali-russian-mercenaries"))
    );
}

fn seed_paragraphs() -> usize {
    common::seed_article().paragraphs.len()
}

/// Start, wait for the first frame, end with a signal: the modes are reset
/// and the reading position saved.
fn ended_by(signal: &str, number: u32) {
    let mut s = Session::start(&["--mouse", SEED], 80, 24);
    s.wait_for_text("Mali: We need Russian");
    s.send("}}}");
    s.wait_for_text(&format!("¶4/{}", seed_paragraphs()));
    s.signal(signal);
    assert_eq!(s.wait_exit(), 128 + number, "{signal}");
    s.wait_for("the main screen", |sc| !sc.alternate_screen());
    s.assert_restored(true);
    let saved = s.saved_positions().expect("positions saved");
    assert!(saved.contains("\"current\": 3"), "{saved}");
}

#[test]
fn sigterm_restores_the_terminal() {
    ended_by("TERM", 15);
}

#[test]
fn sighup_restores_the_terminal() {
    ended_by("HUP", 1);
}

#[test]
fn sigint_restores_the_terminal() {
    ended_by("INT", 2);
}

#[test]
fn a_closed_terminal_ends_the_reader_and_keeps_the_place() {
    let mut s = Session::start(&[SEED], 80, 24);
    s.wait_for_text("Mali: We need Russian");
    s.send("}}");
    s.wait_for_text(&format!("¶3/{}", seed_paragraphs()));
    // the terminal goes away, as when an SSH connection drops
    s.close_terminal("}");
    assert_eq!(s.wait_exit(), 129);
    let saved = s.saved_positions().expect("positions saved");
    assert!(saved.contains("\"current\": 3"), "{saved}");
}

#[test]
fn a_terminal_with_margins_scrolls_only_the_text() {
    let mut s = Session::start(&[SEED], 160, 48);
    s.wait_for_output(0, b"\x1b[?69$p");
    s.wait_for_text("Mali: We need Russian");
    // answer as xterm does: DECLRMM is known and off
    s.send("\x1b[?69;2$y");
    s.wait_for_output(0, b"\x1b[?69h");
    let before = s.output_len();
    s.send("j");
    s.wait_for_output(before, b"\x1b[?2026l");
    let frame = s.output_since(before);
    // a rectangle scroll: margins set, one line deleted, margins reset
    assert!(
        contains(&frame, b"s\x1b[2;2H\x1b[M\x1b[s"),
        "{:?}",
        String::from_utf8_lossy(&frame)
    );
    assert!(frame.len() < 600, "{} bytes", frame.len());
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
    // and switched off again at the end
    s.wait_for_output(before, b"\x1b[?69l");
}

#[test]
fn escape_sequences_in_an_article_and_a_file_name_never_reach_the_terminal() {
    let dir = tempfile::tempdir().expect("tempdir");
    let article = dir.path().join("hostile.txt");
    // a title change, a clipboard write, a hyperlink, a screen clear and a
    // cursor move, in the title and the text
    let text = "Hostile\u{1b}]0;TITLEPWNED\u{7} title\n\n\
                First \u{1b}]52;c;Q0xJUFBXTkVE\u{7}paragraph with \u{1b}]8;;http://evil.example\u{1b}\\a link\u{1b}]8;;\u{1b}\\ \
                and \u{1b}[2J\u{1b}[10;10Hcursor moves.\n\n\
                Second paragraph \u{9b}31m in red?\n";
    std::fs::write(&article, text).expect("write");
    let missing = dir.path().join("gone\u{1b}]0;NAMEPWNED\u{7}.txt");
    let article_arg = article.to_string_lossy().into_owned();
    let missing_arg = missing.to_string_lossy().into_owned();
    let mut s = Session::start(&[&article_arg, &missing_arg], 100, 30);
    s.wait_for_text("First paragraph with a link");
    s.wait_for_text("gone");
    let out = s.output_since(0);
    for payload in [
        &b"TITLEPWNED"[..],
        b"NAMEPWNED",
        b"Q0xJUFBXTkVE",
        b"evil.example",
        b"\x1b[10;10H",
        b"\xc2\x9b",
    ] {
        assert!(
            !contains(&out, payload),
            "{:?} reached the terminal",
            String::from_utf8_lossy(payload)
        );
    }
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
}

#[test]
fn ctrl_z_gives_the_terminal_back_and_fg_takes_it_again() {
    let mut s = Session::start(&[SEED], 80, 24);
    s.wait_for_text("Mali: We need Russian");
    let before = s.output_len();
    s.send("\x1a");
    s.wait_for_output(before, b"\x1b[?1049l");
    // the shell's fg (here, with no job-control shell, a SIGCONT)
    s.signal("CONT");
    s.wait_for_output(before, b"\x1b[?1049h");
    s.wait_for_text("Mali: We need Russian");
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
}

/// A copy of the bundled articles in a temporary folder.
fn copy_of_articles() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let from = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("articles");
    for e in std::fs::read_dir(from).expect("articles/") {
        let e = e.expect("entry");
        std::fs::copy(e.path(), dir.path().join(e.file_name())).expect("copy");
    }
    dir
}

#[test]
fn a_folder_opens_its_library_then_an_article_and_back_then_the_actors() {
    let dir = copy_of_articles();
    let folder = dir.path().to_string_lossy().into_owned();
    let mut s = Session::start(&[&folder], 120, 36);
    // the list, filled in by the background analysis
    s.wait_for_text("Library:");
    s.wait_for("every row analysed", |sc| {
        let t = sc.contents();
        t.contains("4 of 4 articles") && !t.contains("analysing") && t.contains("Rotterdam")
    });

    // filter by typing: one row left
    s.send("/rotter");
    s.wait_for_text("1 of 4 articles");
    s.send("\r");
    s.wait_for_text("filter: rotter");

    // open it: the article page, q goes back
    s.send("\r");
    s.wait_for_text("q back");
    s.wait_for_text("Dock workers halt Rotterdam terminals as wage talks collapse");
    s.send("jj");
    s.send("q");
    s.wait_for("the list again, as it was", |sc| {
        let t = sc.contents();
        t.contains("filter: rotter") && t.contains("1 of 4 articles")
    });

    // its actors across the library, an actor's quotes, and out
    s.send("a");
    s.wait_for_text("Actors of “Dock workers halt Rotterdam terminals");
    s.send("\r");
    s.wait_for_text("open the article at this quote");
    s.send("\x1b");
    s.wait_for_text("Enter its quotes");
    s.send("\x1b");
    s.wait_for_text("Library:");
    s.quit();
    // the article's place was saved, and the cache filled
    assert!(
        s.saved_positions()
            .is_some_and(|p| p.contains("port-strike-rotterdam"))
    );
    assert!(s.state.path().join("cache/dossier").exists());
}

#[test]
fn no_arguments_open_the_bundled_library_with_the_first_article_previewed() {
    let mut s = Session::start(&[], 160, 48);
    s.wait_for_text("Library: articles");
    // the selected article's cleaned text beside its three panels
    s.wait_for("the preview's panels", |sc| {
        let t = sc.contents();
        t.contains("Actors ") && t.contains("Quotes ") && t.contains("Positions ")
    });
    s.quit();
}

#[test]
fn sigterm_on_the_library_restores_the_terminal() {
    let dir = copy_of_articles();
    let folder = dir.path().to_string_lossy().into_owned();
    let mut s = Session::start(&["--mouse", &folder], 80, 24);
    s.wait_for_text("Library:");
    s.signal("TERM");
    assert_eq!(s.wait_exit(), 128 + 15);
    s.wait_for("the main screen", |sc| !sc.alternate_screen());
    s.assert_restored(true);
}
