//! A block: one paragraph candidate, as the input laid it out, with the
//! measures cleaning judges it by.

/// How the input marked a block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// A line or paragraph of plain text.
    Line,
    /// A heading the input marked as one (Markdown `#`), with its level.
    Heading(u8),
    /// A list item, its marker included in the text.
    Item,
    /// Preformatted text (a Markdown code block), line breaks kept.
    Code,
}

/// A paragraph candidate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub text: String,
    pub kind: BlockKind,
    /// A blank line stood before it in the input.
    pub blank_before: bool,
    /// Characters of link text inside it (known for Markdown only).
    pub link_chars: usize,
    /// Its words, counted once.
    words: usize,
}

impl Block {
    pub fn new(text: String, kind: BlockKind, blank_before: bool) -> Self {
        Block {
            words: count_words(&text),
            text,
            kind,
            blank_before,
            link_chars: 0,
        }
    }

    /// Words, counting a run of CJK characters as one word per two
    /// characters (those scripts write no spaces).
    pub fn words(&self) -> usize {
        self.words
    }

    /// The share of the text that is link text.
    pub fn link_density(&self) -> f32 {
        let chars = self.text.chars().count().max(1);
        self.link_chars as f32 / chars as f32
    }
}

/// Words in `text`: whitespace-separated tokens holding a letter or digit,
/// plus one per two CJK characters.
pub fn count_words(text: &str) -> usize {
    let mut words = 0;
    let mut cjk = 0;
    for token in text.split_whitespace() {
        if token.is_ascii() {
            words += usize::from(token.bytes().any(|b| b.is_ascii_alphanumeric()));
            continue;
        }
        let mut has_alnum = false;
        for c in token.chars() {
            if is_cjk(c) {
                cjk += 1;
            } else if c.is_alphanumeric() {
                has_alnum = true;
            }
        }
        words += usize::from(has_alnum);
    }
    words + cjk / 2
}

/// Han, kana and hangul: scripts that write no spaces between words.
pub fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}'
        | '\u{ac00}'..='\u{d7af}' | '\u{f900}'..='\u{faff}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_count_tokens_with_letters_and_cjk_pairs() {
        assert_eq!(count_words("The vote — 72 to 25 — passed."), 6);
        assert_eq!(count_words("東京都の知事"), 3);
    }
}
