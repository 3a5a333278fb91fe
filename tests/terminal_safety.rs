//! Articles made of terminal escape sequences (cursor moves, screen clears,
//! OSC 52 clipboard writes, title changes, `ESC]8` hyperlinks, DCS strings,
//! 8-bit C1 controls, bidi overrides) through every way dossier writes to
//! a terminal: `export --format json|jsonl|text` of a file and of a folder,
//! error messages about files whose names carry escapes and line breaks,
//! and the reader (its screen buffer, and the real binary in a pty). No
//! path may write a control character that came from the content.

mod common;

#[path = "common/hostile_inputs.rs"]
mod hostile;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use dossier::tui::{Action, App, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// Characters that must never reach the terminal from content: C0 controls
/// other than line feed and tab, DEL, C1 controls, bidi embeddings,
/// overrides, isolates and marks.
fn is_forbidden(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

fn assert_clean(what: &str, text: &str) {
    if let Some((i, c)) = text.char_indices().find(|&(_, c)| is_forbidden(c)) {
        let before: String = text[..i].chars().rev().take(40).collect();
        let before: String = before.chars().rev().collect();
        panic!("{what}: {c:?} at byte {i}, after {before:?}");
    }
}

/// Every string inside a JSON value is clean.
fn assert_clean_json(what: &str, v: &serde_json::Value) {
    match v {
        serde_json::Value::String(s) => assert_clean(what, s),
        serde_json::Value::Array(a) => a.iter().for_each(|x| assert_clean_json(what, x)),
        serde_json::Value::Object(o) => o.iter().for_each(|(k, x)| {
            assert_clean(what, k);
            assert_clean_json(what, x);
        }),
        _ => {}
    }
}

/// The same escapes as HTML: in the title, in text, in attributes and
/// split across tags.
fn escape_html() -> String {
    let e = hostile::ESCAPES.concat();
    format!(
        "<html><head><title>{e}Harbour strike{e}</title></head><body><article>\
         <h1>Harbour{e} strike</h1><p title=\"{e}\">ROTTERDAM, Union Secretary \
         Marta{e} de Vries said on Monday that the strike would go on.</p>\
         <p>\"We will<b>{e}</b> hold the line,\" said Marta de Vries.{e}</p>\
         <p>Mayor Tom Reed{e} urged both sides to talk.\u{202e}gnol\u{202c}</p>\
         </article></body></html>"
    )
}

/// A `dossier/1` export whose every string carries escapes, as a hand
/// edit (or a hostile download) may leave one.
fn escape_export() -> String {
    let e = hostile::ESCAPES.concat();
    let mut a = dossier::analyse_text("x.txt", &hostile::escape_article());
    a.title = format!("{e}{}{e}", a.title);
    for p in &mut a.paragraphs {
        p.text.push_str(&e);
    }
    for x in &mut a.actors {
        x.name.push_str(&e);
        x.aliases.push(format!("{e}alias"));
    }
    for q in &mut a.quotes {
        q.text.push_str(&e);
    }
    serde_json::to_string(&a).expect("json")
}

/// A folder of escape-laden articles in every format.
fn escape_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let p = dir.path();
    std::fs::write(p.join("a.txt"), hostile::escape_article()).expect("write");
    std::fs::write(p.join("b.md"), format!("# {}", hostile::escape_article())).expect("write");
    std::fs::write(p.join("c.html"), escape_html()).expect("write");
    std::fs::write(p.join("d.json"), escape_export()).expect("write");
    dir
}

fn dossier(args: &[&str], cache: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(args)
        .env("XDG_CACHE_HOME", cache)
        .env("XDG_STATE_HOME", cache)
        .output()
        .expect("run dossier")
}

fn text_of(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("output is UTF-8")
}

#[test]
fn the_escape_inputs_really_carry_escapes() {
    for s in [hostile::escape_article(), escape_html(), escape_export()] {
        assert!(s.contains('\u{1b}') || s.contains("\\u001b"), "{s}");
    }
}

/// The text the escape-laden article and page are written around, with
/// the visible text of the OSC 8 hyperlinks ("link", which is text of the
/// page) taken out.
fn without_link_text(s: &str) -> String {
    s.replace("link", "")
}

#[test]
fn the_escape_laden_page_keeps_its_title_and_every_sentence() {
    let dir = escape_folder();
    let a = dossier::load(&dir.path().join("c.html")).expect("page reads");
    assert_eq!(without_link_text(&a.title), "Harbour strike");
    let texts: Vec<String> = a
        .paragraphs
        .iter()
        .map(|p| without_link_text(&p.text))
        .collect();
    assert_eq!(
        texts,
        [
            "Union Secretary Marta de Vries said on Monday that the strike would go on.",
            "\"We will hold the line,\" said Marta de Vries.",
            // the visible text of the bidi override stays, unreversed
            "Mayor Tom Reed urged both sides to talk.gnol",
        ]
    );
    assert_eq!(a.dateline.as_deref(), Some("ROTTERDAM"));
    // nothing of the escapes' parameters is left as text
    let all = format!("{} {}", a.title, texts.join(" "));
    for junk in ["31m", "0;title", "title", "pwned", "544e"] {
        assert!(!all.contains(junk), "{junk} in {all}");
    }
}

#[test]
fn the_escape_laden_text_keeps_its_title_and_every_sentence() {
    let dir = escape_folder();
    for name in ["a.txt", "b.md"] {
        let a = dossier::load(&dir.path().join(name)).expect("article reads");
        assert_eq!(without_link_text(&a.title), "Harbour strike", "{name}");
        let body = without_link_text(
            &a.paragraphs
                .iter()
                .map(|p| p.text.as_str())
                .collect::<Vec<_>>()
                .join(" "),
        );
        for sentence in [
            "Union Secretary Marta de Vries said on Monday that the strike would go on.",
            "\"We will hold the line,\" said Marta de Vries.",
            "Mayor Tom Reed urged both sides to talk.",
        ] {
            assert!(body.contains(sentence), "{name}: {sentence} not in {body}");
        }
        assert!(
            !body.contains("31m") && !body.contains("0;title"),
            "{name}: {body}"
        );
    }
}

#[test]
fn single_file_exports_write_no_escape_from_the_content() {
    let dir = escape_folder();
    for name in ["a.txt", "b.md", "c.html", "d.json"] {
        let file = dir.path().join(name);
        let file = file.to_string_lossy();
        for format in ["json", "jsonl", "text"] {
            let o = dossier(&["export", &file, "--format", format], dir.path());
            let what = format!("{name} as {format}");
            assert_eq!(o.status.code(), Some(0), "{what}: {}", text_of(&o.stderr));
            let out = text_of(&o.stdout);
            assert_clean(&what, &out);
            assert!(
                !out.contains("\\u001b") && !out.contains("\\u009"),
                "{what}"
            );
            assert!(
                !out.contains("pwned") && !out.contains("evil.example"),
                "{what}: {out}"
            );
            if format != "text" {
                let v: serde_json::Value = serde_json::from_str(&out).expect("json");
                assert_clean_json(&what, &v);
            }
            // the words around the escapes are still there
            assert!(out.contains("Vries"), "{what}: {out}");
        }
    }
}

#[test]
fn folder_exports_write_no_escape_from_the_content() {
    let dir = escape_folder();
    let cache = tempfile::tempdir().expect("tempdir");
    let root = dir.path().to_string_lossy();
    for format in ["jsonl", "text"] {
        // twice: fresh analysis, then from the cache
        for run in ["cold", "warm"] {
            let o = dossier(&["export", &root, "--format", format], cache.path());
            let what = format!("folder as {format} ({run})");
            assert_eq!(o.status.code(), Some(0), "{what}: {}", text_of(&o.stderr));
            let out = text_of(&o.stdout);
            assert_clean(&what, &out);
            assert!(!out.contains("\\u001b"), "{what}");
            if format == "jsonl" {
                assert_eq!(out.lines().count(), 4, "{what}");
                for line in out.lines() {
                    assert_clean_json(&what, &serde_json::from_str(line).expect("line"));
                }
            }
        }
    }
}

/// File names an attacker may choose: escapes, line breaks, C1 controls
/// and a bidi override that would reverse the rest of the line.
const BAD_NAMES: &[&str] = &[
    "bad\u{1b}]0;pwned\u{7}name.txt",
    "line\nbreak\u{1b}[2J.txt",
    "c1\u{9b}31m\u{9d}0;x\u{9c}.txt",
    "rtl\u{202e}txt.exe.txt",
];

#[cfg(unix)]
#[test]
fn error_messages_about_hostile_file_names_are_one_clean_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    for name in BAD_NAMES {
        // binary content: refused with a message naming the file
        let file = dir.path().join(name);
        std::fs::write(&file, b"\0\x01\x02binary\0").expect("write");
        for format in ["json", "text"] {
            let args = [
                "export".into(),
                file.clone(),
                "--format".into(),
                format.into(),
            ];
            one_clean_error(&args, name, "binary");
        }
        // a name that does not exist, in export and in the reader
        let missing = dir.path().join(format!("gone-{name}"));
        for args in [
            vec!["export".into(), missing.clone()],
            vec![missing.clone()],
        ] {
            one_clean_error(&args, name, "no such file");
        }
    }
    // the whole folder: one clean line per bad file
    let root = dir.path().to_string_lossy();
    let o = dossier(&["export", &root, "--format", "jsonl"], dir.path());
    let err = text_of(&o.stderr);
    assert_eq!(err.lines().count(), BAD_NAMES.len(), "{err:?}");
    assert_clean("folder errors", &err.replace('\n', " "));
}

#[test]
fn error_messages_from_the_library_are_clean() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (i, name) in BAD_NAMES.iter().enumerate() {
        let content: &[u8] = if i % 2 == 0 { b"\0\x01binary\0" } else { b"" };
        std::fs::write(dir.path().join(name), content).expect("write");
    }
    let places = dossier::library::Places::default();
    let mut lib = dossier::library::Library::open(dir.path(), &places).expect("open");
    assert!(lib.wait_idle(Duration::from_secs(60)));
    assert_eq!(lib.entries().len(), BAD_NAMES.len());
    for e in lib.entries() {
        match &e.status {
            dossier::library::Status::Failed(why) => {
                assert_clean("library error", why);
                assert!(!why.contains('\n'), "{why:?}");
            }
            other => panic!("{}: {other:?}", e.listing.rel),
        }
    }
}

/// An article whose strings were poisoned after ingest, as if a stage
/// forgot to sanitise: the reader's last guard must still hold.
fn poisoned_article() -> dossier::Article {
    // ratatui itself drops C0 and C1 controls from cell text, but not the
    // bidi overrides and isolates: those only the guard stops
    let e = format!("{}\u{202e}\u{2067}\u{200f}", hostile::ESCAPES.concat());
    let mut a = dossier::analyse_text("poison.txt", &hostile::escape_article());
    assert!(!a.actors.is_empty() && !a.quotes.is_empty(), "{a:?}");
    a.source = format!("poison{e}.txt");
    a.title = format!("{e}{}{e}", a.title);
    a.dateline = Some(format!("ROTTERDAM{e}"));
    for p in &mut a.paragraphs {
        p.text.push_str(&e);
    }
    for x in &mut a.actors {
        x.name.push_str(&e);
        x.title = Some(format!("Mayor{e}"));
    }
    for q in &mut a.quotes {
        q.text.push_str(&e);
    }
    for r in &mut a.removed {
        r.text.push_str(&e);
        r.reason.push_str(&e);
    }
    a.removed.push(dossier::model::Removed {
        text: format!("Share{e}"),
        reason: format!("boilerplate{e}"),
        before: None,
        at: None,
    });
    a
}

fn assert_screen_clean(what: &str, app: &App) {
    let (w, h) = (app.reader.width, app.reader.height);
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    t.draw(|f| view::view(app, f)).expect("draw");
    let buf = t.backend().buffer();
    for y in 0..h {
        for x in 0..w {
            let s = buf[(x, y)].symbol();
            assert!(
                !s.chars().any(|c| is_forbidden(c) || c == '\n' || c == '\t'),
                "{what}: cell {x},{y} holds {s:?}\n{}",
                common::text_of(buf)
            );
        }
    }
}

#[test]
fn the_reader_draws_no_control_character_from_content() {
    let e = format!("{}\u{202e}", hostile::ESCAPES.concat());
    let errors = vec![
        format!("bad{e}name.txt: looks like a binary file"),
        format!("line\nbreak{e}.txt: holds no text"),
    ];
    let clean = dossier::analyse_text("clean.txt", &hostile::escape_article());
    for (w, h) in [(120, 30), (60, 20)] {
        let mut app = App::new(
            vec![poisoned_article(), clean.clone()],
            errors.clone(),
            w,
            h,
        );
        assert_screen_clean("opening message", &app);
        let steps = [
            Action::Back,
            Action::FocusNext,
            Action::Down(1),
            Action::Select,
            Action::FocusNext,
            Action::Down(1),
            Action::FocusNext,
            Action::ToggleScope,
            Action::ToggleRemoved,
            Action::TogglePanels,
            Action::Find,
            Action::FindInput('\u{1b}'),
            Action::FindInput('\u{9b}'),
            Action::FindInput('M'),
            Action::FindConfirm,
            Action::Help,
            Action::Back,
            Action::Copy,
            Action::Bottom,
            Action::NextArticle,
        ];
        for step in steps {
            let what = format!("{w}x{h} after {step:?}");
            app.update(step);
            assert_screen_clean(&what, &app);
        }
    }
}

/// Byte strings only the content could have written: the payloads and
/// the introducers dossier itself never sends.
const CONTENT_MARKERS: &[&[u8]] = &[
    b"pwned",
    b"evil.example",
    b"cm0gLXJmIH4K",
    b"\x1b]52;",
    b"\x1b]0;",
    b"\x1b]8;",
    b"\x1bP",
    b"\x1bc",
    b"\xc2\x9b",
    b"\xc2\x9d",
    b"\xe2\x80\xae",
];

#[cfg(unix)]
#[test]
fn the_reader_in_a_real_terminal_writes_no_escape_from_content() {
    use portable_pty::{CommandBuilder, PtySize, native_pty_system};
    let dir = escape_folder();
    let pty = native_pty_system()
        .openpty(PtySize {
            rows: 30,
            cols: 120,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("a pty");
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_dossier"));
    let files: Vec<PathBuf> = ["a.txt", "c.html", "d.json"]
        .iter()
        .map(|n| dir.path().join(n))
        .collect();
    for f in &files {
        cmd.arg(f);
    }
    cmd.env("TERM", "xterm-256color");
    cmd.env("XDG_STATE_HOME", dir.path().join("state"));
    cmd.env("XDG_CONFIG_HOME", dir.path().join("config"));
    cmd.env("XDG_CACHE_HOME", dir.path().join("cache"));
    let mut child = pty.slave.spawn_command(cmd).expect("spawn");
    drop(pty.slave);
    let mut reader = pty.master.try_clone_reader().expect("reader");
    let mut writer = pty.master.take_writer().expect("writer");
    let output = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let sink = std::sync::Arc::clone(&output);
    std::thread::spawn(move || {
        let mut buf = [0u8; 8192];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            sink.lock().expect("lock").extend_from_slice(&buf[..n]);
        }
    });
    let seen = |needle: &[u8]| {
        let out = output.lock().expect("lock");
        out.windows(needle.len()).any(|w| w == needle)
    };
    let deadline = Instant::now() + Duration::from_secs(30);
    let wait = |needle: &[u8]| {
        while !seen(needle) {
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {needle:?}"
            );
            std::thread::sleep(Duration::from_millis(10));
        }
    };
    wait(b"Vries");
    // through every article, the panels and the help
    for keys in ["\t", "j", "\t", "j", "]", "G", "]", "?", "?", "q"] {
        use std::io::Write;
        writer.write_all(keys.as_bytes()).expect("write");
        writer.flush().expect("flush");
        std::thread::sleep(Duration::from_millis(30));
    }
    loop {
        if child.try_wait().expect("wait").is_some() {
            break;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("the reader did not quit");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    std::thread::sleep(Duration::from_millis(100));
    let out = output.lock().expect("lock").clone();
    for m in CONTENT_MARKERS {
        assert!(
            !out.windows(m.len()).any(|w| w == *m),
            "{:?} reached the terminal",
            String::from_utf8_lossy(m)
        );
    }
}

/// Run dossier with `args`: it fails with one line on standard error, free
/// of escapes, that says `word`.
fn one_clean_error(args: &[PathBuf], name: &str, word: &str) {
    let o = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(args)
        .output()
        .expect("run");
    assert_eq!(o.status.code(), Some(1));
    let err = text_of(&o.stderr);
    assert_eq!(err.lines().count(), 1, "{name:?}: {err:?}");
    assert_clean(&format!("error for {name:?}"), err.trim_end());
    assert!(err.contains(word), "{err}");
}
