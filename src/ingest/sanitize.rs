//! The one place where untrusted text is made safe to draw on a terminal.
//!
//! Everything an article, a file name or a config value contributes passes
//! through [`sanitize`] at ingest, so no later stage can write an escape
//! sequence, a C0/C1 control, a bidi override or zero-width junk to the
//! terminal. The reader calls [`sanitize`] again where strings become ratatui
//! text, as a last guard.

use std::borrow::Cow;
use std::path::Path;

/// Remove terminal controls from `text`: ESC sequences (CSI, OSC, DCS, APC,
/// PM, SOS, with their payload), C0 and C1 controls except `\n` and `\t`,
/// bidi overrides and isolates, and zero-width characters that only hide
/// text. A carriage return becomes a newline (lone CR line ends) or goes
/// (CRLF). Returns the input untouched when there is nothing to remove.
pub fn sanitize(text: &str) -> Cow<'_, str> {
    if !text.chars().any(needs_work) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' | '\t' => out.push(c),
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push('\n');
                }
            }
            '\u{1b}' => skip_escape(&mut chars),
            // C1 string introducers (DCS, SOS, OSC, PM, APC) carry a payload
            // up to the string terminator; drop it with them.
            '\u{90}' | '\u{98}' | '\u{9d}' | '\u{9e}' | '\u{9f}' => skip_string(&mut chars),
            // CSI in its 8-bit form: parameters and a final byte follow.
            '\u{9b}' => skip_csi(&mut chars),
            c if is_control(c) || is_invisible(c) => {}
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// A path as it may be shown to the user: lossy UTF-8, sanitised, with
/// newlines shown as `\n` so that an error stays on one line.
pub fn display_path(path: &Path) -> String {
    one_line(&path.to_string_lossy())
}

/// Sanitise `text` and fold its line breaks and tabs to visible escapes, for
/// messages that must stay on one line.
pub fn one_line(text: &str) -> String {
    sanitize(text).replace('\n', "\\n").replace('\t', " ")
}

fn needs_work(c: char) -> bool {
    (c != '\n' && c != '\t' && is_control(c)) || is_invisible(c)
}

/// C0 controls, DEL and C1 controls.
fn is_control(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}')
}

/// Characters that reorder or hide text: bidi embeddings, overrides and
/// isolates, and zero-width characters other than the joiner that emoji
/// sequences need (U+200D) and the byte-order mark is dropped too.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200b}' | '\u{200c}' | '\u{200e}' | '\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{206a}'..='\u{206f}'
            | '\u{feff}'
            | '\u{fff9}'..='\u{fffb}'
    )
}

type Chars<'a> = std::iter::Peekable<std::str::Chars<'a>>;

/// After an ESC: skip the rest of the sequence it introduces.
fn skip_escape(chars: &mut Chars<'_>) {
    match chars.peek().copied() {
        Some('[') => {
            chars.next();
            skip_csi(chars);
        }
        Some(']' | 'P' | 'X' | '^' | '_') => {
            chars.next();
            skip_string(chars);
        }
        // Two-character sequences (ESC 7, ESC c, ESC ( B ...): drop the
        // intermediates and the final character.
        Some(c) if ('\u{20}'..='\u{7e}').contains(&c) => {
            chars.next();
            while let Some(&n) = chars.peek() {
                if !('\u{20}'..='\u{2f}').contains(&n) {
                    break;
                }
                chars.next();
            }
            if ('\u{20}'..='\u{2f}').contains(&c) {
                // an intermediate was first: the final byte follows
                if let Some(&n) = chars.peek()
                    && ('\u{30}'..='\u{7e}').contains(&n)
                {
                    chars.next();
                }
            }
        }
        _ => {}
    }
}

/// Skip CSI parameters and intermediates up to and including the final byte.
fn skip_csi(chars: &mut Chars<'_>) {
    while let Some(&c) = chars.peek() {
        if ('\u{30}'..='\u{3f}').contains(&c) || ('\u{20}'..='\u{2f}').contains(&c) {
            chars.next();
        } else {
            if ('\u{40}'..='\u{7e}').contains(&c) {
                chars.next();
            }
            return;
        }
    }
}

/// Skip an OSC/DCS/APC/PM/SOS payload up to BEL, ST (ESC \ or U+9C), or a
/// line break (a payload never legitimately spans lines; stopping there keeps
/// a stray introducer from eating the rest of an article).
fn skip_string(chars: &mut Chars<'_>) {
    while let Some(c) = chars.next() {
        match c {
            '\u{7}' | '\u{9c}' => return,
            '\u{1b}' => {
                if chars.peek() == Some(&'\\') {
                    chars.next();
                }
                return;
            }
            '\n' => return,
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_borrowed_unchanged() {
        let s = "Mr. Le Drian said “no”.\n\tNext.";
        assert!(matches!(sanitize(s), Cow::Borrowed(_)));
    }

    #[test]
    fn csi_sequences_are_removed_with_their_parameters() {
        assert_eq!(sanitize("a\u{1b}[2J\u{1b}[10;20Hb"), "ab");
    }

    #[test]
    fn osc_payloads_are_removed_whole() {
        // a clipboard write, a title change and a hyperlink
        let s = "x\u{1b}]52;c;ZXZpbA==\u{7}y\u{1b}]0;pwned\u{1b}\\z\u{1b}]8;;http://e\u{1b}\\link\u{1b}]8;;\u{1b}\\";
        assert_eq!(sanitize(s), "xyzlink");
    }

    #[test]
    fn c1_controls_and_8bit_csi_are_removed() {
        assert_eq!(sanitize("a\u{9b}31mb\u{85}c\u{9d}0;t\u{9c}d"), "abcd");
    }

    #[test]
    fn line_ends_are_normalised() {
        assert_eq!(sanitize("a\r\nb\rc"), "a\nb\nc");
    }

    #[test]
    fn bidi_overrides_and_zero_width_are_removed_but_zwj_kept() {
        assert_eq!(sanitize("\u{202e}abc\u{200b}d\u{feff}"), "abcd");
        assert_eq!(sanitize("👨\u{200d}👩"), "👨\u{200d}👩");
    }

    #[test]
    fn one_line_keeps_messages_on_one_line() {
        assert_eq!(one_line("bad\nname\u{1b}[1m.txt"), "bad\\nname.txt");
    }
}
