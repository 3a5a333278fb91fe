//! Ingest: bytes to safe text. Reads a file (or standard input), decodes it
//! (`decode`), tells its format by extension and content, and sanitises it
//! once (`sanitize`) so that no later stage sees a terminal control
//! character. A `dossier/1` export is read back as is (`json`).
//!
//! An empty input, or one of only whitespace and invisible characters, is
//! an error ("holds no text") rather than an empty article: there is
//! nothing to read, and a library scan lists it with the files it could
//! not open.

pub mod decode;
pub mod json;
pub mod sanitize;

use std::io::Read;
use std::path::Path;

use crate::error::{Error, Reason, Result};

/// The largest article dossier reads, in bytes. Saved pages run to a few
/// megabytes; anything far beyond is not an article.
pub const MAX_BYTES: u64 = 64 * 1024 * 1024;

/// What kind of document the input holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Html,
    /// A `dossier/1` export, read back as is.
    Json,
}

/// An input decoded to sanitised text, with its format.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawDoc {
    /// The input as the user named it.
    pub source: String,
    pub format: Format,
    pub text: String,
}

/// Read and decode the file at `path` (`-` is standard input).
pub fn read_path(path: &Path) -> Result<RawDoc> {
    let bytes = read_bytes(path)?;
    from_bytes(path, &bytes)
}

/// Decode `bytes` read from `path` and tell their format. An input that
/// holds no text at all (empty, or only whitespace and invisible
/// characters) is an error: there is no article to show.
pub fn from_bytes(path: &Path, bytes: &[u8]) -> Result<RawDoc> {
    let text = decode::decode(bytes).ok_or_else(|| Error::new(path, Reason::Binary))?;
    let format = detect_format(path, &text);
    let text = sanitize::sanitize(&text).into_owned();
    if text.trim().is_empty() {
        return Err(Error::new(path, Reason::Empty));
    }
    Ok(RawDoc {
        source: sanitize::display_path(path),
        format,
        text,
    })
}

fn read_bytes(path: &Path) -> Result<Vec<u8>> {
    if path == Path::new("-") {
        let mut buf = Vec::new();
        std::io::stdin()
            .lock()
            .take(MAX_BYTES + 1)
            .read_to_end(&mut buf)
            .map_err(|e| Error::new(path, e))?;
        if buf.len() as u64 > MAX_BYTES {
            return Err(Error::new(
                path,
                Reason::TooLarge {
                    size: buf.len() as u64,
                    limit: MAX_BYTES,
                },
            ));
        }
        return Ok(buf);
    }
    let meta = std::fs::metadata(path).map_err(|e| Error::new(path, e))?;
    if meta.is_dir() {
        return Err(Error::new(path, Reason::IsDir));
    }
    if meta.len() > MAX_BYTES {
        return Err(Error::new(
            path,
            Reason::TooLarge {
                size: meta.len(),
                limit: MAX_BYTES,
            },
        ));
    }
    let file = std::fs::File::open(path).map_err(|e| Error::new(path, e))?;
    let mut buf = Vec::with_capacity(meta.len() as usize);
    file.take(MAX_BYTES + 1)
        .read_to_end(&mut buf)
        .map_err(|e| Error::new(path, e))?;
    Ok(buf)
}

/// The format from the extension, corrected by the content when the
/// extension lies (a `.txt` that is a saved page, a `.html` that is plain
/// text, a `.txt` written in Markdown). Standard input has no extension:
/// the content alone decides.
pub fn detect_format(path: &Path, text: &str) -> Format {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(|e| e.to_ascii_lowercase());
    let by_ext = match ext.as_deref() {
        Some("html" | "htm" | "xhtml") => Some(Format::Html),
        Some("md" | "markdown") => Some(Format::Markdown),
        Some("json") => Some(Format::Json),
        Some("txt" | "text") => Some(Format::Text),
        _ => None,
    };
    if let Some(found) = sniff(text) {
        return found;
    }
    // A `.json` that is some other JSON is still read as JSON, so that the
    // user hears why it is not a dossier export instead of seeing braces.
    if by_ext == Some(Format::Json) && looks_like_json(text) {
        return Format::Json;
    }
    if by_ext != Some(Format::Markdown) && looks_like_markdown(text) {
        return Format::Markdown;
    }
    match by_ext {
        Some(Format::Markdown) => Format::Markdown,
        _ => Format::Text,
    }
}

/// Tell HTML and dossier JSON by their first bytes.
fn sniff(text: &str) -> Option<Format> {
    let head = text.trim_start_matches('\u{feff}').trim_start();
    let lower: String = head
        .chars()
        .take(256)
        .collect::<String>()
        .to_ascii_lowercase();
    if is_html_start(&lower) {
        return Some(Format::Html);
    }
    if head.starts_with('{') && head.contains("\"schema\"") && head.contains("dossier/") {
        return Some(Format::Json);
    }
    None
}

/// Tags an HTML document or fragment opens with.
const HTML_OPENERS: &[&str] = &[
    "<!doctype html",
    "<html",
    "<head",
    "<body",
    "<meta",
    "<title",
    "<article",
    "<main",
    "<div",
    "<p>",
    "<p ",
    "<section",
    "<h1",
    "<h2",
    "<table",
    "<ul>",
    "<link ",
    "<script",
    "<style",
];

fn is_html_start(lower: &str) -> bool {
    HTML_OPENERS.iter().any(|t| lower.starts_with(t))
        || (lower.starts_with("<?xml") || lower.starts_with("<!--")) && lower.contains("<html")
}

fn looks_like_json(text: &str) -> bool {
    let t = text.trim();
    (t.starts_with('{') && t.ends_with('}')) || (t.starts_with('[') && t.ends_with(']'))
}

/// Markdown written into a text file: an ATX heading on the first line
/// with another Markdown mark, or three kinds of marks anywhere.
fn looks_like_markdown(text: &str) -> bool {
    let mut heading = false;
    let mut before_text = true;
    let mut kinds = [false; 5];
    for line in text.lines().take(400) {
        let t = line.trim_start();
        let is_heading = t.starts_with('#')
            && t.trim_start_matches('#').starts_with(' ')
            && t.len() - t.trim_start_matches('#').len() <= 6;
        if is_heading {
            kinds[0] = true;
            heading |= before_text;
        }
        before_text &= t.is_empty();
        kinds[1] |= t.starts_with("```") || t.starts_with("~~~");
        kinds[2] |= t.contains("](") && t.contains('[');
        kinds[3] |= t.contains("**") || t.contains("__");
        kinds[4] |= t.starts_with("> ") || t.starts_with("- ") || t.starts_with("* ");
    }
    let count = kinds.iter().filter(|k| **k).count();
    (heading && count >= 2) || count >= 3
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extension_decides_when_content_is_plain() {
        assert_eq!(
            detect_format(Path::new("a.md"), "# Title\n"),
            Format::Markdown
        );
        assert_eq!(detect_format(Path::new("a"), "Title\n"), Format::Text);
    }

    #[test]
    fn content_wins_when_the_extension_lies() {
        assert_eq!(
            detect_format(Path::new("page.txt"), "<!DOCTYPE html><html></html>"),
            Format::Html
        );
        assert_eq!(
            detect_format(Path::new("notes.html"), "Just a title\n\nA paragraph."),
            Format::Text
        );
        assert_eq!(
            detect_format(Path::new("a.txt"), "{\"schema\": \"dossier/1\"}"),
            Format::Json
        );
        assert_eq!(
            detect_format(Path::new("a.md"), "<div><p>Saved page</p></div>"),
            Format::Html
        );
    }

    #[test]
    fn markdown_in_a_text_file_is_read_as_markdown() {
        let md = "# Dam talks resume\n\nThe **three** delegations met.\n\n## Next\n\nMore.";
        assert_eq!(detect_format(Path::new("notes.txt"), md), Format::Markdown);
        assert_eq!(detect_format(Path::new("-"), md), Format::Markdown);
        let plain = "Dam talks resume\n\nThe three delegations met in #Kinshasa.";
        assert_eq!(detect_format(Path::new("notes.txt"), plain), Format::Text);
    }

    #[test]
    fn other_json_named_json_stays_json_to_be_refused() {
        assert_eq!(
            detect_format(Path::new("a.json"), "{\"a\": 1}"),
            Format::Json
        );
        assert_eq!(
            detect_format(Path::new("a.json"), "Plain words."),
            Format::Text
        );
    }

    #[test]
    fn empty_and_blank_inputs_are_errors() {
        for bytes in [
            &b""[..],
            b"  \n\t\n",
            b"\xef\xbb\xbf\n",
            "\u{200b}\n".as_bytes(),
        ] {
            let err = from_bytes(Path::new("empty.txt"), bytes).unwrap_err();
            assert!(matches!(err.reason, Reason::Empty), "{err}");
        }
    }
}
