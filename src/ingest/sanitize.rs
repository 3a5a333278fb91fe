//! The one place where untrusted text is made safe to draw on a terminal.
//!
//! Everything an article, a file name or a config value contributes passes
//! through [`sanitize`] at ingest, so no later stage can write an escape
//! sequence, a C0/C1 control, a bidi control or zero-width junk to the
//! terminal. The reader calls [`sanitize`] again where strings become ratatui
//! text, as a last guard.
//!
//! What goes, and why:
//! - 7-bit escape sequences (ESC followed by CSI, OSC, DCS, APC, PM, SOS or a
//!   two-character sequence) go whole, with their parameters and payload:
//!   an ESC in an article is never text.
//! - C0 and C1 controls go one by one. An 8-bit introducer (U+009B CSI,
//!   U+009D OSC...) goes without its payload: once the introducer is gone the
//!   payload is inert text, and those code points turn up far more often in
//!   mojibake (`â€\u{9d}` for a closing quote) than as real sequences, where
//!   eating "the payload" would eat article text.
//! - Line breaks of every kind (CR, CRLF, NEL, form feed, vertical tab,
//!   U+2028/U+2029) become `\n`; tabs stay.
//! - Bidi controls (embeddings, overrides, isolates, marks) and invisible
//!   characters that only hide text (zero-width space, word joiner, soft
//!   hyphen, invisible operators, tag characters outside an emoji flag) go.
//!   The zero-width joiner and non-joiner stay: emoji and several scripts
//!   (Persian, Indic) need them.

use std::borrow::Cow;
use std::path::Path;

/// Make `text` safe to draw: see the module documentation for what goes.
/// Returns the input untouched when there is nothing to remove.
pub fn sanitize(text: &str) -> Cow<'_, str> {
    if !text.chars().any(needs_work) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    let mut in_flag = false;
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push('\n');
                }
            }
            '\u{b}' | '\u{c}' | '\u{85}' | '\u{2028}' | '\u{2029}' => out.push('\n'),
            '\u{1b}' => skip_escape(&mut chars),
            // Tag characters spell subdivision flags after a black flag
            // (England, Scotland); anywhere else they hide text.
            '\u{e0000}'..='\u{e007f}' => {
                if in_flag {
                    out.push(c);
                }
                continue;
            }
            c if is_line_break_or_tab(c) => out.push(c),
            c if is_control(c) || is_invisible(c) => {}
            c => out.push(c),
        }
        in_flag = c == '\u{1f3f4}';
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

/// Whether `text` holds nothing [`sanitize`] would change.
pub fn is_clean(text: &str) -> bool {
    !text.chars().any(needs_work)
}

fn needs_work(c: char) -> bool {
    (!is_line_break_or_tab(c) && is_control(c))
        || is_invisible(c)
        || matches!(c, '\u{2028}' | '\u{2029}' | '\u{e0000}'..='\u{e007f}')
}

fn is_line_break_or_tab(c: char) -> bool {
    c == '\n' || c == '\t'
}

/// C0 controls, DEL and C1 controls.
fn is_control(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}')
}

/// Characters that reorder or hide text: bidi marks, embeddings, overrides
/// and isolates; zero-width space, word joiner and invisible operators; the
/// soft hyphen (it splits words that search and analysis must see whole);
/// the byte-order mark; interlinear annotation marks.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{ad}'
            | '\u{61c}'
            | '\u{180e}'
            | '\u{200b}'
            | '\u{200e}'
            | '\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{206f}'
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
        // nF sequences (ESC ( B, ESC # 8 ...): intermediates, then one
        // final character.
        Some(c) if is_intermediate(c) => {
            while chars.next_if(|&n| is_intermediate(n)).is_some() {}
            chars.next_if(|&n| ('\u{30}'..='\u{7e}').contains(&n));
        }
        // Two-character sequences (ESC 7, ESC c, ESC M): one final character.
        Some(c) if ('\u{30}'..='\u{7e}').contains(&c) => {
            chars.next();
        }
        _ => {}
    }
}

fn is_intermediate(c: char) -> bool {
    ('\u{20}'..='\u{2f}').contains(&c)
}

/// Skip CSI parameters and intermediates up to and including the final byte.
fn skip_csi(chars: &mut Chars<'_>) {
    while chars
        .next_if(|&c| ('\u{20}'..='\u{3f}').contains(&c))
        .is_some()
    {}
    chars.next_if(|&c| ('\u{40}'..='\u{7e}').contains(&c));
}

/// Skip an OSC/DCS/APC/PM/SOS payload up to BEL or ST (ESC \ or U+9C), or a
/// line break (a payload never legitimately spans lines; stopping there keeps
/// a stray introducer from eating the rest of an article). An ESC that does
/// not terminate the string starts a new sequence, skipped in turn.
fn skip_string(chars: &mut Chars<'_>) {
    while let Some(c) = chars.next() {
        match c {
            '\u{7}' | '\u{9c}' | '\n' => return,
            '\u{1b}' => {
                if chars.next_if_eq(&'\\').is_none() {
                    skip_escape(chars);
                }
                return;
            }
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
        assert!(is_clean(s));
    }

    #[test]
    fn csi_sequences_are_removed_with_their_parameters() {
        assert_eq!(sanitize("a\u{1b}[2J\u{1b}[10;20Hb"), "ab");
        assert_eq!(sanitize("\u{1b}[38;5;196mred\u{1b}[0m text"), "red text");
    }

    #[test]
    fn osc_payloads_are_removed_whole() {
        // a clipboard write, a title change and a hyperlink
        let s = "x\u{1b}]52;c;ZXZpbA==\u{7}y\u{1b}]0;pwned\u{1b}\\z\u{1b}]8;;http://e\u{1b}\\link\u{1b}]8;;\u{1b}\\";
        assert_eq!(sanitize(s), "xyzlink");
    }

    #[test]
    fn an_escape_inside_a_string_is_skipped_too() {
        assert_eq!(sanitize("a\u{1b}]0;title\u{1b}[31mred"), "ared");
    }

    #[test]
    fn dcs_payload_stops_at_a_line_break() {
        assert_eq!(sanitize("a\u{1b}Pq#0;2;0\nNext line"), "aNext line");
    }

    #[test]
    fn two_character_escapes_leave_the_following_text_alone() {
        assert_eq!(
            sanitize("\u{1b}7 saved, \u{1b}8restored"),
            " saved, restored"
        );
        assert_eq!(sanitize("\u{1b}(Bplain \u{1b}#8x"), "plain x");
    }

    #[test]
    fn c1_controls_go_one_by_one() {
        assert_eq!(sanitize("a\u{9b}b\u{90}c\u{9c}d"), "abcd");
        // a mis-decoded closing quote keeps the words after it
        assert_eq!(sanitize("â€\u{9d} said Ms. Ng"), "â€ said Ms. Ng");
    }

    #[test]
    fn line_ends_of_every_kind_become_newlines() {
        assert_eq!(
            sanitize("a\r\nb\rc\u{85}d\u{c}e\u{2028}f"),
            "a\nb\nc\nd\ne\nf"
        );
    }

    #[test]
    fn bidi_controls_and_zero_width_are_removed_but_joiners_kept() {
        assert_eq!(
            sanitize("\u{202e}abc\u{200b}d\u{feff}\u{2067}e\u{200f}"),
            "abcde"
        );
        assert_eq!(sanitize("👨\u{200d}👩"), "👨\u{200d}👩");
        assert_eq!(sanitize("می\u{200c}خواهم"), "می\u{200c}خواهم");
    }

    #[test]
    fn soft_hyphens_are_removed() {
        assert_eq!(sanitize("gov\u{ad}ern\u{ad}ment"), "government");
    }

    #[test]
    fn tag_characters_hide_text_except_in_a_flag() {
        let hidden: String = "hi"
            .chars()
            .map(|c| char::from_u32(0xe0000 + c as u32).unwrap())
            .collect();
        assert_eq!(sanitize(&format!("ok{hidden}")), "ok");
        let england = "\u{1f3f4}\u{e0067}\u{e0062}\u{e0065}\u{e006e}\u{e0067}\u{e007f}";
        assert_eq!(sanitize(england), england);
    }

    #[test]
    fn one_line_keeps_messages_on_one_line() {
        assert_eq!(one_line("bad\nname\u{1b}[1m.txt"), "bad\\nname.txt");
    }
}
