//! Blocks inside the article's container that are still not its text:
//! lines of links, "Advertisement" labels, calls to share or subscribe,
//! photo credits. Each rule is a phrase table or a test with its reason.

use super::blocks::Block;

/// Above this share of link text a block is a link list, not prose.
const MAX_LINK_DENSITY: f32 = 0.5;

/// Short blocks that are exactly one of these (case and closing
/// punctuation aside) are site furniture.
const FURNITURE_LINES: &[&str] = &[
    "advertisement",
    "advertising",
    "sponsored",
    "sponsored content",
    "story continues below",
    "story continues below advertisement",
    "continue reading below",
    "article continues below",
    "continue reading",
    "read more",
    "see more",
    "show more",
    "load more",
    "more",
    "share",
    "share this",
    "share this article",
    "share this story",
    "tweet",
    "email",
    "print",
    "comments",
    "comment",
    "related",
    "related articles",
    "related stories",
    "related content",
    "recommended",
    "close",
    "caption",
    "image",
    "photo",
    "video",
    "loading",
    "skip",
    "next",
    "previous",
    "back to top",
    "top",
];

/// Short blocks that start with one of these are calls to act, credits or
/// pointers to other pages.
const FURNITURE_STARTS: &[&str] = &[
    "read more:",
    "read more about",
    "related:",
    "related article:",
    "see also:",
    "more:",
    "click here",
    "sign up for",
    "sign up to",
    "subscribe to",
    "follow us",
    "photo:",
    "photos:",
    "image:",
    "credit:",
    "image credit",
    "photo credit",
    "copyright",
    "©",
    "(c) ",
    "all rights reserved",
    "image 1 of",
];

/// Blocks longer than this are never judged by a phrase: a real sentence
/// may start with "Copyright" or "Follow us".
const MAX_FURNITURE_CHARS: usize = 160;

/// Why the block `b` is dropped from the article, if it is; `after` holds
/// the blocks that follow it in the container.
pub fn drop_reason(b: &Block, _after: &[&Block]) -> Option<&'static str> {
    if b.link_density() > MAX_LINK_DENSITY {
        return Some("links");
    }
    if b.chars <= MAX_FURNITURE_CHARS && is_furniture(&b.text) {
        return Some("site furniture");
    }
    None
}

/// A short line that is a label, a call to act or a credit.
fn is_furniture(text: &str) -> bool {
    let lower = text.trim().to_lowercase();
    let bare = lower.trim_end_matches(|c: char| !c.is_alphanumeric());
    FURNITURE_LINES.contains(&bare) || FURNITURE_STARTS.iter().any(|s| lower.starts_with(s))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::html::rules::Role;

    fn block(text: &str, link_chars: usize) -> Block {
        Block {
            text: text.to_string(),
            owner: 0,
            role: Role::Paragraph,
            chars: text.chars().filter(|c| !c.is_whitespace()).count(),
            link_chars,
        }
    }

    #[test]
    fn a_line_of_links_is_dropped() {
        assert_eq!(
            drop_reason(&block("Rates rise again", 14), &[]),
            Some("links")
        );
    }

    #[test]
    fn labels_and_calls_to_act_are_dropped() {
        assert!(drop_reason(&block("ADVERTISEMENT", 0), &[]).is_some());
        assert!(drop_reason(&block("Read more: Ports reopen after the strike", 0), &[]).is_some());
        assert!(drop_reason(&block("Sign up for our morning briefing.", 0), &[]).is_some());
    }

    #[test]
    fn a_sentence_that_mentions_a_phrase_stays() {
        let text = "The mayor said she would read more about the plan before the vote.";
        assert_eq!(drop_reason(&block(text, 0), &[]), None);
    }
}
