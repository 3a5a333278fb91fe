//! A guard against pages nested absurdly deep. The HTML tree builder looks
//! through the stack of open elements for many tags, so a page of 100,000
//! nested `div`s costs it time that grows with the square of the depth
//! (minutes, for one page). Browsers cap the depth of the tree; so do we,
//! before parsing: tags that would open deeper than [`MAX_DEPTH`] are
//! left out, with their end tags, and their text joins the enclosing
//! element. A page within the limit is passed through untouched.

use std::borrow::Cow;

/// The deepest element kept. Real pages stay far below (a few dozen
/// levels, a few hundred at worst).
pub const MAX_DEPTH: usize = 512;

/// How far down the stack an end tag looks for its start tag: a stray end
/// tag must not cost a walk through the whole stack.
const END_TAG_REACH: usize = 16;

/// Elements that have no end tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// Elements whose content is text up to their end tag, never markup.
const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
];

/// Elements that a start tag of the same kind closes (`<li>` after an
/// unclosed `<li>`), so that pages that leave them open are not deep.
fn closes_same(name: Name) -> bool {
    matches!(
        name.as_str(),
        "p" | "li" | "dt" | "dd" | "tr" | "td" | "th" | "option" | "optgroup"
    )
}

/// `html` with elements beyond [`MAX_DEPTH`] left out.
pub fn limit_depth(html: &str) -> Cow<'_, str> {
    if html.len() < MAX_DEPTH * 3 || max_depth(html) <= MAX_DEPTH {
        return Cow::Borrowed(html);
    }
    Cow::Owned(flatten_deep(html))
}

/// A tag name, lower-cased, kept on the stack without allocating; names
/// longer than this are cut (they only need to match their end tag).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Name {
    bytes: [u8; 16],
    len: u8,
}

impl Name {
    fn new(raw: &[u8]) -> Name {
        let mut bytes = [0u8; 16];
        let len = raw.len().min(16);
        for (to, from) in bytes.iter_mut().zip(raw) {
            *to = from.to_ascii_lowercase();
        }
        Name {
            bytes,
            len: len as u8,
        }
    }

    fn as_str(&self) -> &str {
        std::str::from_utf8(&self.bytes[..usize::from(self.len)]).unwrap_or("")
    }
}

/// One tag or run of text found by [`Tags`].
#[derive(Debug, PartialEq, Eq)]
enum Piece {
    /// A start tag that opens an element.
    Open(Name),
    /// An end tag.
    Close(Name),
    /// Anything else: text, comments, void and self-closing tags.
    Other,
}

/// The pieces of `html` with their byte ranges.
struct Tags<'a> {
    html: &'a str,
    pos: usize,
}

impl<'a> Iterator for Tags<'a> {
    type Item = (Piece, usize, usize);

    fn next(&mut self) -> Option<Self::Item> {
        let bytes = self.html.as_bytes();
        let start = self.pos;
        if start >= bytes.len() {
            return None;
        }
        if bytes[start] != b'<' {
            let end = find_byte(bytes, start, b'<');
            self.pos = end;
            return Some((Piece::Other, start, end));
        }
        let (piece, end) = read_tag(self.html, start);
        self.pos = end;
        Some((piece, start, end))
    }
}

/// Read the markup at `start` (a `<`): the piece and where it ends. A
/// raw-text element is read whole, content and end tag, as one piece.
fn read_tag(html: &str, start: usize) -> (Piece, usize) {
    let bytes = html.as_bytes();
    let rest = &bytes[start..];
    if rest.starts_with(b"<!--") {
        let end = find_seq(bytes, start + 4, b"-->").map_or(bytes.len(), |i| i + 3);
        return (Piece::Other, end);
    }
    let closing = rest.get(1) == Some(&b'/');
    let name_start = start + 1 + usize::from(closing);
    if !bytes.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
        // `<!DOCTYPE ...>`, `<?xml ...>`, or a lone `<` in text.
        let end = if matches!(rest.get(1), Some(b'!' | b'?')) {
            find_byte(bytes, start, b'>')
                .saturating_add(1)
                .min(bytes.len())
        } else {
            start + 1
        };
        return (Piece::Other, end);
    }
    let mut name_end = name_start;
    while bytes
        .get(name_end)
        .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'-' || *b == b':')
    {
        name_end += 1;
    }
    let name = Name::new(&bytes[name_start..name_end]);
    let (end, self_closing) = tag_end(bytes, name_end);
    if closing {
        return (Piece::Close(name), end);
    }
    if RAW_TEXT.contains(&name.as_str()) {
        let close = [b"</", name.as_str().as_bytes()].concat();
        let end = find_ignore_case(bytes, end, &close).map_or(bytes.len(), |i| {
            find_byte(bytes, i, b'>').saturating_add(1).min(bytes.len())
        });
        return (Piece::Other, end);
    }
    if self_closing || VOID.contains(&name.as_str()) {
        return (Piece::Other, end);
    }
    (Piece::Open(name), end)
}

/// The end of a tag whose attributes start at `from`: one past its `>`
/// (quoted values may hold `>`), and whether it ends with `/>`.
fn tag_end(bytes: &[u8], from: usize) -> (usize, bool) {
    let mut quote: Option<u8> = None;
    let mut i = from;
    while i < bytes.len() {
        let b = bytes[i];
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if b == b'"' || b == b'\'' => quote = Some(b),
            None if b == b'>' => return (i + 1, i > from && bytes[i - 1] == b'/'),
            None => {}
        }
        i += 1;
    }
    (bytes.len(), false)
}

fn find_byte(bytes: &[u8], from: usize, needle: u8) -> usize {
    let from = from.min(bytes.len());
    memchr::memchr(needle, &bytes[from..]).map_or(bytes.len(), |i| from + i)
}

/// Where `needle` next occurs from `from`, its bytes compared with
/// `same`: jumps from one occurrence of the first byte to the next.
fn find_with(
    bytes: &[u8],
    from: usize,
    needle: &[u8],
    same: impl Fn(&[u8], &[u8]) -> bool,
) -> Option<usize> {
    let first = *needle.first()?;
    let mut at = from;
    loop {
        at = find_byte(bytes, at, first);
        let candidate = bytes.get(at..at + needle.len())?;
        if same(candidate, needle) {
            return Some(at);
        }
        at += 1;
    }
}

fn find_seq(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    find_with(bytes, from, needle, |a, b| a == b)
}

/// `needle` starts with `<`, so the first byte needs no case folding.
fn find_ignore_case(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    find_with(bytes, from, needle, <[u8]>::eq_ignore_ascii_case)
}

/// The open elements while reading a page: name, and whether its tags
/// were kept.
#[derive(Default)]
struct Stack {
    open: Vec<(Name, bool)>,
}

impl Stack {
    /// Open `name`; `true` when its start tag is kept.
    fn open(&mut self, name: Name) -> bool {
        if closes_same(name) && self.open.last().is_some_and(|(top, _)| *top == name) {
            self.open.pop();
        }
        let kept = self.open.len() < MAX_DEPTH;
        self.open.push((name, kept));
        kept
    }

    /// Close `name`; `false` when its start tag was left out.
    fn close(&mut self, name: Name) -> bool {
        let reach = self.open.len().saturating_sub(END_TAG_REACH);
        match self.open[reach..].iter().rposition(|(n, _)| *n == name) {
            Some(i) => {
                let (_, kept) = self.open[reach + i];
                self.open.truncate(reach + i);
                kept
            }
            None => true,
        }
    }
}

/// The deepest nesting of elements in `html`.
fn max_depth(html: &str) -> usize {
    let mut stack = Stack::default();
    let mut deepest = 0;
    for (piece, _, _) in (Tags { html, pos: 0 }) {
        match piece {
            Piece::Open(name) => {
                stack.open(name);
                deepest = deepest.max(stack.open.len());
            }
            Piece::Close(name) => {
                stack.close(name);
            }
            Piece::Other => {}
        }
    }
    deepest
}

/// `html` without the start and end tags of elements deeper than
/// [`MAX_DEPTH`].
fn flatten_deep(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut stack = Stack::default();
    for (piece, start, end) in (Tags { html, pos: 0 }) {
        let keep = match piece {
            Piece::Open(name) => stack.open(name),
            Piece::Close(name) => stack.close(name),
            Piece::Other => true,
        };
        if keep {
            out.push_str(&html[start..end]);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_pages_pass_untouched() {
        let html = "<html><body><div><p>One<p>Two<ul><li>a<li>b</ul></div></body></html>";
        assert!(matches!(limit_depth(html), Cow::Borrowed(_)));
        // An upper bound: the `p` that `ul` closes is still counted.
        assert_eq!(max_depth(html), 6);
    }

    #[test]
    fn deep_nesting_is_cut_at_the_limit() {
        let n = MAX_DEPTH * 2;
        let html = format!(
            "{}<p>deep text</p>{}",
            "<div>".repeat(n),
            "</div>".repeat(n)
        );
        let flat = limit_depth(&html);
        assert_eq!(max_depth(&flat), MAX_DEPTH);
        assert!(flat.contains("deep text"));
        assert_eq!(
            flat.matches("<div>").count(),
            flat.matches("</div>").count()
        );
    }

    #[test]
    fn scripts_comments_and_quoted_brackets_are_not_tags() {
        let html = "<div title=\"a > b\"><script>if (a<b) { x = '<div>'; }</script>\
                    <!-- <div><div> --><br/><img src=x></div>";
        let pieces: Vec<Piece> = Tags { html, pos: 0 }.map(|(p, _, _)| p).collect();
        let opens = pieces
            .iter()
            .filter(|p| matches!(p, Piece::Open(_)))
            .count();
        assert_eq!(opens, 1);
        assert_eq!(max_depth(html), 1);
    }

    #[test]
    fn broken_markup_is_read_to_the_end() {
        for html in [
            "<",
            "</",
            "<div",
            "<div class=\"open",
            "<!--",
            "<script>x",
            "a < b",
        ] {
            let _ = max_depth(html);
            let _ = flatten_deep(html);
        }
    }
}
