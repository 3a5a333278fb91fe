//! Hostile inputs made at run time (never committed): shared by the
//! tests/hostile*.rs tests and by examples/hostile_timings.rs, which times
//! them at full size. Each maker takes a size so that the tests can check
//! a property at a size debug builds handle in well under a second.

#![allow(dead_code)]

/// Words a news sentence is made of, cycled to fill big inputs.
const WORDS: &[&str] = &[
    "The",
    "minister",
    "said",
    "on",
    "Monday",
    "that",
    "talks",
    "with",
    "the",
    "union",
    "would",
    "resume",
    "in",
    "Paris",
    "next",
    "week,",
    "according",
    "to",
    "Ms.",
    "Ana",
    "Ruiz.",
];

/// One line of about `bytes` bytes: sentences with names, cues and quote
/// marks, and no line break.
pub fn one_line(bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + 64);
    s.push_str("A very long line\n\n");
    let mut i = 0usize;
    while s.len() < bytes {
        s.push_str(WORDS[i % WORDS.len()]);
        s.push(' ');
        if i.is_multiple_of(97) {
            s.push_str("\"We will not sign,\" said Mr. Reed. ");
        }
        i += 1;
    }
    s
}

/// One word of `bytes` letters with no space at all.
pub fn one_word(bytes: usize) -> String {
    format!("Title\n\n{}", "a".repeat(bytes))
}

/// `n` paragraphs of a sentence each, separated by blank lines.
pub fn paragraphs(n: usize) -> String {
    let mut s = String::with_capacity(n * 80);
    s.push_str("Many paragraphs\n\n");
    for i in 0..n {
        s.push_str(&format!(
            "Minister Ana Ruiz{} said on Monday that the vote {i} would wait.\n\n",
            i % 50
        ));
    }
    s
}

/// `n` paragraphs, each a different person (names made of letters, no two
/// alike) who says something.
pub fn distinct_people(n: usize) -> String {
    let letter = |k: usize| char::from(b'a' + (k % 26) as u8);
    let mut s = String::with_capacity(n * 70);
    s.push_str("Many people\n\n");
    for i in 0..n {
        let (a, b) = (i % 676, i / 676);
        s.push_str(&format!(
            "Minister Ana{}{} Vo{}{}{} said on Monday that the vote would wait.\n\n",
            letter(a),
            letter(a / 26),
            letter(b),
            letter(b / 26),
            letter(b / 676),
        ));
    }
    s
}

/// A name of `chars` characters: one capitalised word, then a run of
/// capitalised words, each said something.
pub fn long_names(chars: usize) -> String {
    let word = format!(
        "Mr. A{} said the talks failed.",
        "b".repeat(chars.saturating_sub(1))
    );
    let mut run = String::new();
    while run.chars().count() < chars {
        run.push_str("Ruiz ");
    }
    format!(
        "Long names\n\n{word}\n\n\"We will go on,\" said {run}on Monday.\n\n{run}told the union \"no\"."
    )
}

/// Quotation marks that never close, nest deeply, or alternate oddly.
pub fn unbalanced_quotes(n: usize) -> String {
    let mut s = String::from("Quotes everywhere\n\n");
    s.push_str(&"\u{201c}".repeat(n));
    s.push_str(" said Ms. Ruiz.\n\n");
    s.push_str(&"\"".repeat(n));
    s.push_str("\n\n");
    for _ in 0..n {
        s.push_str("\u{201c}a \u{2018}b \u{ab}c ");
    }
    s.push_str("\n\n");
    for _ in 0..n {
        s.push_str("\"Yes,\" \"");
    }
    s.push_str(" said Mr. Reed.\n");
    s
}

/// HTML nested `depth` elements deep, unclosed.
pub fn nested_html(depth: usize) -> String {
    let mut s = String::from("<html><body>");
    for _ in 0..depth {
        s.push_str("<div><p>");
    }
    s.push_str("Minister Ana Ruiz said the vote would wait.");
    s
}

/// Broken markup: unclosed tags, stray closers, unterminated comments and
/// attributes.
pub fn malformed_html(n: usize) -> String {
    let mut s = String::from("<html><head><title>Broken");
    for i in 0..n {
        s.push_str(&format!(
            "</p></div><p class=\"x{i}>Ana said<b><i>so</b></i><!-- <table><td>cell"
        ));
    }
    s.push_str("<script>never closed");
    s
}

/// Text made of terminal escape sequences of every kind around words.
pub const ESCAPES: &[&str] = &[
    "\u{1b}[2J",                                                     // clear screen
    "\u{1b}[10;20H",                                                 // cursor move
    "\u{1b}[?1049h",                                                 // alternate screen
    "\u{1b}]52;c;cm0gLXJmIH4K\u{7}",                                 // OSC 52 clipboard write
    "\u{1b}]0;pwned title\u{1b}\\",                                  // title change
    "\u{1b}]8;;https://evil.example/\u{1b}\\link\u{1b}]8;;\u{1b}\\", // hyperlink
    "\u{1b}P+q544e\u{1b}\\",                                         // DCS request
    "\u{9b}31m",                                                     // 8-bit CSI
    "\u{9d}0;title\u{9c}",                                           // 8-bit OSC
    "\u{1b}c",                                                       // full reset
    "\u{1b}[6n", // cursor position report request
];

/// An article whose every part carries escape sequences.
pub fn escape_article() -> String {
    let e = ESCAPES.concat();
    format!(
        "{e}Harbour{e} strike{e}\n\n{e}ROTTERDAM, Union Secretary Marta{e} de Vries said{e} \
         on Monday that the strike would go on. \"We will{e} hold{e} the line,\" said \
         Marta de Vries.{e}\n\nMayor Tom Reed{e} urged both sides to talk.{e}\n"
    )
}
