//! Ingest: bytes to safe text. Reads a file (or standard input), decodes it,
//! tells its format, and sanitises it once so that no later stage sees a
//! terminal control character.

pub mod decode;
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

/// Decode `bytes` read from `path` and tell their format.
pub fn from_bytes(path: &Path, bytes: &[u8]) -> Result<RawDoc> {
    let text = decode::decode(bytes).ok_or_else(|| Error::new(path, Reason::Binary))?;
    let format = detect_format(path, &text);
    let text = sanitize::sanitize(&text).into_owned();
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
/// extension lies (an `.txt` that is a saved page, a `.html` that is plain
/// text).
pub fn detect_format(path: &Path, text: &str) -> Format {
    let by_content = sniff(text);
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
    match (by_ext, by_content) {
        (_, Some(found)) => found,
        (Some(Format::Html | Format::Json), None) => Format::Text,
        (Some(f), None) => f,
        (None, None) => Format::Text,
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
    if lower.starts_with("<!doctype html")
        || lower.starts_with("<html")
        || lower.starts_with("<?xml") && lower.contains("<html")
        || (lower.starts_with("<!--") || lower.starts_with("<head") || lower.starts_with("<body"))
            && lower.contains('<')
    {
        return Some(Format::Html);
    }
    if head.starts_with('{') && head.contains("\"schema\"") && head.contains("dossier/") {
        return Some(Format::Json);
    }
    None
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
    }
}
