//! Ingest as a user meets it: every input format read and read back, every
//! encoding and line-end style decoded to the same text, terminal escapes
//! gone, and empty or binary files refused with a one-line reason.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use dossier::clean::{self, Document};
use dossier::ingest::{self, Format};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/text")
        .join(name)
}

fn document(name: &str) -> Document {
    let raw = ingest::read_path(&fixture(name)).expect("fixture reads");
    clean::clean(&raw)
}

fn texts(d: &Document) -> Vec<&str> {
    d.paragraphs.iter().map(|p| p.text.as_str()).collect()
}

const FERRY_TITLE: &str = "Ferry terminal to close at the end of the year";

#[test]
fn utf16_files_with_a_bom_decode_like_utf8() {
    let utf8 = document("utf8-bom.txt");
    assert_eq!(utf8.title, FERRY_TITLE);
    assert_eq!(utf8.paragraphs.len(), 3);
    assert!(texts(&utf8)[2].contains("board’s chairwoman"));
    for name in ["utf16le.txt", "utf16be.txt"] {
        let d = document(name);
        assert_eq!(d.title, utf8.title, "{name}");
        assert_eq!(texts(&d), texts(&utf8), "{name}");
    }
}

#[test]
fn crlf_and_lone_cr_line_ends_give_the_same_paragraphs() {
    let lf = document("utf8-bom.txt");
    for name in ["crlf.txt", "cr.txt"] {
        let d = document(name);
        assert_eq!(d.title, lf.title, "{name}");
        assert_eq!(texts(&d), texts(&lf), "{name}");
    }
}

#[test]
fn a_latin1_file_is_read_as_windows_1252() {
    let d = document("latin1.txt");
    assert_eq!(d.title, "Le port reprend son activité après la grève");
    assert_eq!(d.dateline.as_deref(), Some("LE HAVRE"));
    assert_eq!(d.date.as_deref(), Some("12 mars"));
    assert!(texts(&d)[1].starts_with("« C'est un accord équilibré »"));
}

#[test]
fn windows_1252_curly_quotes_and_dashes_survive() {
    let d = document("windows1252.txt");
    assert_eq!(d.title, "Quay works “back on track”, says port");
    assert!(texts(&d)[0].contains("two–week pause, and that the café on the pier"));
}

#[test]
fn escape_sequences_bidi_overrides_and_zero_width_characters_are_gone() {
    let d = document("escapes.txt");
    assert_eq!(d.title, "Ferry terminal to close");
    assert_eq!(
        texts(&d),
        vec![
            "The harbour board voted on Monday to close the old ferry terminal by the end of the year.",
            "Operators said the decision left them with nowhere to berth during the summer."
        ]
    );
}

#[test]
fn empty_and_blank_files_are_refused_with_their_name() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (name, bytes) in [("empty.txt", &b""[..]), ("blank.md", b" \n\t\r\n \n")] {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).expect("write");
        let err = dossier::load(&path).expect_err("refused").to_string();
        assert!(err.contains(name), "{err}");
        assert!(err.contains("holds no text"), "{err}");
        assert_eq!(err.lines().count(), 1);
    }
}

#[test]
fn a_binary_file_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("picture.txt");
    std::fs::write(&path, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR").expect("write");
    let err = dossier::load(&path).expect_err("refused").to_string();
    assert!(err.contains("binary"), "{err}");
}

#[test]
fn the_format_comes_from_the_content_when_the_extension_lies() {
    let md = std::fs::read(fixture("article.md")).expect("read");
    let raw = ingest::from_bytes(Path::new("saved.txt"), &md).expect("decodes");
    assert_eq!(raw.format, Format::Markdown);
    let html = b"<!DOCTYPE html><html><body><p>Hi</p></body></html>";
    let raw = ingest::from_bytes(Path::new("saved.md"), html).expect("decodes");
    assert_eq!(raw.format, Format::Html);
    let text = ingest::from_bytes(Path::new("notes.html"), b"A title\n\nA line.").expect("decodes");
    assert_eq!(text.format, Format::Text);
}

/// Export an article as JSON, read the export back, and compare.
fn round_trip(path: &Path) {
    let article = dossier::load(path).expect("loads");
    let dir = tempfile::tempdir().expect("tempdir");
    let json = dir.path().join("export.json");
    std::fs::write(&json, dossier::export::to_json(&article)).expect("write");
    let back = dossier::load(&json).expect("reads back");
    assert_eq!(article, back, "{}", path.display());
}

#[test]
fn text_markdown_and_json_round_trip() {
    for name in [
        "page.txt",
        "wrapped.txt",
        "latin1.txt",
        "utf16le.txt",
        "escapes.txt",
        "article.md",
    ] {
        round_trip(&fixture(name));
    }
}

#[test]
fn a_corrected_export_is_read_back_with_the_correction() {
    let mut article = dossier::load(&fixture("wrapped.txt")).expect("loads");
    article.title = "Cycle lanes approved".to_string();
    let dir = tempfile::tempdir().expect("tempdir");
    let json = dir.path().join("corrected.json");
    std::fs::write(&json, dossier::export::to_json(&article)).expect("write");
    assert_eq!(
        dossier::load(&json).expect("reads").title,
        "Cycle lanes approved"
    );
}

#[test]
fn standard_input_is_read_and_its_format_sniffed() {
    let md = std::fs::read(fixture("article.md")).expect("read");
    let mut child = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(["export", "-", "--format", "json"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run dossier");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(&md)
        .expect("write");
    let out = child.wait_with_output().expect("output");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["source"], "-");
    assert_eq!(v["title"], "River dam opens its gates");
    assert_eq!(v["byline"], "Sam Poe");
}

#[test]
fn empty_standard_input_is_a_one_line_error() {
    let out = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(["export", "-"])
        .stdin(Stdio::null())
        .output()
        .expect("run dossier");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("-: holds no text"), "{err}");
}
