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
//! - 8-bit (C1) escape sequences go whole in the same way: U+009B is CSI
//!   (like ESC [), U+009D, U+0090, U+009E, U+009F and U+0098 open OSC, DCS,
//!   PM, APC and SOS strings ended by BEL, U+009C or ESC \\ (like ESC ],
//!   ESC P...). The one exception is a C1 character that is a byte of UTF-8
//!   text once read as Latin-1 or Windows-1252 (mojibake: `â€\u{9d}` for a
//!   closing quote): it goes alone, and the words after it stay. (Text
//!   decoded from a legacy encoding holds no C1 character at all: `decode`
//!   drops the few bytes those encodings leave undefined.)
//! - Other C0 and C1 controls go one by one.
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
    // The last three characters read, the latest last: enough to tell a
    // mojibake byte from an introducer.
    let mut before = ['\0'; 3];
    while let Some(c) = chars.next() {
        let seen = before;
        before = [seen[1], seen[2], c];
        match c {
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push('\n');
                }
            }
            '\u{b}' | '\u{c}' | '\u{85}' | '\u{2028}' | '\u{2029}' => out.push('\n'),
            '\u{1b}' => skip_escape(&mut chars),
            '\u{9b}' if !is_mojibake_byte(seen, &chars) => skip_csi(&mut chars),
            '\u{90}' | '\u{98}' | '\u{9d}' | '\u{9e}' | '\u{9f}'
                if !is_mojibake_byte(seen, &chars) =>
            {
                skip_string(&mut chars)
            }
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

/// Whether the C1 character just read, after `before` (latest last) and
/// before `after`, is a continuation byte of a UTF-8 character whose bytes
/// were each read as Latin-1 or Windows-1252: the lead byte's character
/// stands before it, and the continuation bytes it calls for are all there.
fn is_mojibake_byte(before: [char; 3], after: &Chars<'_>) -> bool {
    // `seen`: the continuation bytes so far, this one included
    for (seen, &p) in (1..).zip(before.iter().rev()) {
        let Some(byte) = legacy_byte(p) else {
            return false;
        };
        if let Some(wanted) = continuations_after_lead(byte) {
            let Some(missing) = wanted.checked_sub(seen) else {
                return false;
            };
            return after
                .clone()
                .take(missing)
                .filter(|&n| legacy_byte(n).is_some_and(is_continuation))
                .count()
                == missing;
        }
        if !is_continuation(byte) {
            return false;
        }
    }
    false
}

/// The characters Windows-1252 reads bytes 0x80 to 0x9F as; the five bytes
/// it leaves undefined read as the C1 control of the same number.
const WINDOWS_1252_HIGH: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
];

/// The byte `c` was read from, if it is a high byte read as Latin-1 or as
/// Windows-1252.
fn legacy_byte(c: char) -> Option<u8> {
    match u32::from(c) {
        n @ 0x80..=0xff => u8::try_from(n).ok(),
        _ => WINDOWS_1252_HIGH
            .iter()
            .position(|&w| w == c)
            .and_then(|i| u8::try_from(0x80 + i).ok()),
    }
}

fn is_continuation(byte: u8) -> bool {
    (0x80..=0xbf).contains(&byte)
}

/// How many continuation bytes a UTF-8 lead byte calls for.
fn continuations_after_lead(byte: u8) -> Option<usize> {
    match byte {
        0xc2..=0xdf => Some(1),
        0xe0..=0xef => Some(2),
        0xf0..=0xf4 => Some(3),
        _ => None,
    }
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
    fn other_c1_controls_go_one_by_one() {
        assert_eq!(sanitize("a\u{84}b\u{8d}c\u{9c}d"), "abcd");
    }

    #[test]
    fn eight_bit_csi_goes_with_its_parameters() {
        assert_eq!(
            sanitize("The strike\u{9b}31m would go on\u{9b}0m."),
            "The strike would go on."
        );
        assert_eq!(sanitize("Port\u{9b}2J\u{9b}?1049h of call"), "Port of call");
    }

    #[test]
    fn eight_bit_strings_go_whole_up_to_any_terminator() {
        // title changes ended by ST, BEL and ESC \, a clipboard write
        assert_eq!(
            sanitize(
                "Dock\u{9d}0;new title\u{9c}ers \u{9d}2;x\u{7}vote\u{9d}52;c;ZXZpbA==\u{1b}\\ today"
            ),
            "Dockers vote today"
        );
        // DCS, SOS, PM and APC payloads
        assert_eq!(
            sanitize("a\u{90}+q544e\u{9c}b\u{98}x\u{9c}c\u{9e}y\u{9c}d\u{9f}z\u{9c}e"),
            "abcde"
        );
        // a hyperlink keeps its visible text
        assert_eq!(
            sanitize("See \u{9d}8;;https://e.example/\u{9c}the ruling\u{9d}8;;\u{9c} here."),
            "See the ruling here."
        );
    }

    #[test]
    fn an_eight_bit_string_without_terminator_stops_at_the_line_end() {
        assert_eq!(
            sanitize("a\u{9d}0;title\nThe next line."),
            "aThe next line."
        );
    }

    #[test]
    fn a_real_sequence_after_an_accented_letter_still_goes_whole() {
        assert_eq!(sanitize("Café\u{9b}1m reopens"), "Café reopens");
        assert_eq!(sanitize("Zürich\u{9d}0;x\u{9c} votes"), "Zürich votes");
    }

    #[test]
    fn mojibake_c1_bytes_go_alone_and_keep_the_words_after() {
        // UTF-8 closing quote read as Windows-1252, then as Latin-1
        assert_eq!(sanitize("â€\u{9d} said Ms. Ng"), "â€ said Ms. Ng");
        assert_eq!(sanitize("â\u{80}\u{9d} said Ms. Ng"), "â said Ms. Ng");
        // "Über" and "Straße" read as Latin-1
        assert_eq!(sanitize("Ã\u{9c}ber 20 Jahre"), "Ãber 20 Jahre");
        assert_eq!(sanitize("Stra\u{c3}\u{9f}e 9"), "Stra\u{c3}e 9");
        // a four-byte emoji (U+1F41D) read as Latin-1
        assert_eq!(sanitize("ð\u{9f}\u{90}\u{9d} bee"), "ð bee");
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
