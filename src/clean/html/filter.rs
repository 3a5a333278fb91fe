//! Blocks inside the article's container that are still not its text:
//! lines of links, "Advertisement" labels, calls to share or subscribe,
//! photo credits, bylines and date lines. Each rule is a phrase table or a
//! small test, with its reason.

use super::blocks::Block;
use super::select::ends_sentence;

/// Above this share of link text a block is a link list, not prose.
pub const MAX_LINK_DENSITY: f32 = 0.5;

/// Blocks longer than this are never judged by a phrase: a real sentence
/// may start with "Copyright" or mention a newsletter.
const MAX_FURNITURE_CHARS: usize = 250;

/// Short blocks that are exactly one of these (case and closing
/// punctuation aside) are labels of the page, not text.
const LABELS: &[&str] = &[
    "advertisement",
    "advertising",
    "advert",
    "ad",
    "sponsored",
    "sponsored content",
    "story continues below",
    "story continues below advertisement",
    "article continues below",
    "continue reading",
    "continue reading below",
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
    "related news",
    "recommended",
    "recommended for you",
    "you may also like",
    "you might also like",
    "don't miss",
    "trending",
    "trending now",
    "most popular",
    "most read",
    "explore further",
    "tags",
    "topics",
    "close",
    "caption",
    "image",
    "photo",
    "video",
    "loading",
    "next",
    "previous",
    "back to top",
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
    "tags:",
    "topics:",
    "click here",
    "sign up for",
    "sign up to",
    "subscribe to",
    "follow us",
    "join our",
    "chat with us",
    "have a tip",
    "photo:",
    "photos:",
    "image:",
    "credit:",
    "image credit",
    "photo credit",
    "image copyright",
    "image caption",
    "media caption",
    "copyright",
    "©",
    "(c) ",
    "all rights reserved",
    "source:",
    "citation:",
    "this document is subject to copyright",
    "this slideshow requires",
    "you have been successfully subscribed",
    "if you enjoyed this",
];

/// Phrases that make a short block a pitch wherever they stand in it.
const PITCH_PHRASES: &[&str] = &[
    "subscribe to our",
    "sign up for our",
    "our newsletter",
    "newsletters",
    "to your inbox",
    "in your inbox",
    "follow us on",
    "follow her on",
    "follow him on",
    "follow them on",
    "like us on facebook",
    "download our app",
    "download the app",
    "enable javascript",
    "requires javascript",
    "click here",
];

/// Photo agencies and libraries: a short line naming one, with no
/// sentence in it, is a photo credit ("Jo Bloggs | Getty Images").
const PHOTO_AGENCIES: &[&str] = &[
    "getty images",
    "ap photo",
    "afp",
    "reuters",
    "shutterstock",
    "alamy",
    "istock",
    "epa",
];

/// Markers of a photo credit inside a caption: "(Image: AGENCY)",
/// "...harbourCredit: AGENCY".
const CREDIT_MARKERS: &[&str] = &[
    "(image:",
    "(photo:",
    "(picture:",
    "(pic:",
    "credit:",
    "photo credit",
    "image credit",
];

/// Words that open a line giving the date of the article.
const DATE_LINE_STARTS: &[&str] = &[
    "published",
    "first published",
    "updated",
    "last updated",
    "posted",
    "posted on",
    "last modified",
];

/// Date and byline lines are short: at most this many words.
const MAX_LINE_WORDS: usize = 12;

/// Why the block `b` is dropped from the article, if it is.
pub fn drop_reason(b: &Block) -> Option<&'static str> {
    if b.link_density() > MAX_LINK_DENSITY {
        return Some("links");
    }
    if !b.text.chars().any(char::is_alphanumeric) {
        return Some("separator");
    }
    if b.chars > MAX_FURNITURE_CHARS {
        return None;
    }
    let lower = b.text.trim().to_lowercase();
    let words = lower.split_whitespace().count();
    if is_label(&lower) || FURNITURE_STARTS.iter().any(|s| lower.starts_with(s)) {
        return Some("site furniture");
    }
    if PITCH_PHRASES.iter().any(|p| lower.contains(p)) {
        return Some("newsletter or social pitch");
    }
    if CREDIT_MARKERS.iter().any(|m| lower.contains(m)) || is_credit_line(&lower, words) {
        return Some("caption");
    }
    if lower.contains('©') || is_shortcode(&lower) {
        return Some("site furniture");
    }
    if words <= MAX_LINE_WORDS && is_byline(&b.text) {
        return Some("byline");
    }
    if words <= MAX_LINE_WORDS && is_date_line(&lower) {
        return Some("date line");
    }
    None
}

/// A label: one of [`LABELS`], or a bare number (a share count).
fn is_label(lower: &str) -> bool {
    let bare = lower.trim_matches(|c: char| !c.is_alphanumeric());
    let number = !bare.is_empty()
        && bare.len() <= 7
        && bare
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.');
    LABELS.contains(&bare) || number
}

/// "Jo Bloggs | Getty Images": a short line naming a photo agency.
fn is_credit_line(lower: &str, words: usize) -> bool {
    words <= MAX_LINE_WORDS
        && !ends_sentence(lower)
        && lower
            .split(|c: char| !c.is_alphanumeric() && c != ' ')
            .map(str::trim)
            .any(|part| PHOTO_AGENCIES.contains(&part))
}

/// A content-management shortcode left in the text: `[button ...]`.
fn is_shortcode(lower: &str) -> bool {
    lower.starts_with('[') && lower.contains("[/")
}

/// "By Jane Smith", "By JANE SMITH and Li Wei - 11/19/19".
fn is_byline(text: &str) -> bool {
    let t = text.trim();
    let rest = t
        .strip_prefix("By ")
        .or_else(|| t.strip_prefix("BY "))
        .or_else(|| t.strip_prefix("by "));
    rest.is_some_and(|r| r.starts_with(char::is_uppercase) && !ends_sentence_with_words(r))
}

/// Ends like a sentence of several words (a byline does not).
fn ends_sentence_with_words(text: &str) -> bool {
    ends_sentence(text) && text.split_whitespace().count() > 6
}

/// "Published November 20, 2019", "Updated at 1:23 p.m.", "Monday,
/// August 8, 2018 10:43": a short line with a date or a time and no more.
fn is_date_line(lower: &str) -> bool {
    let has_digit = lower.chars().any(|c| c.is_ascii_digit());
    if !has_digit {
        return false;
    }
    let has_month = lower
        .split(|c: char| !c.is_alphabetic())
        .any(crate::clean::meta::is_month);
    let has_year = lower
        .split(|c: char| !c.is_ascii_digit())
        .any(|n| n.len() == 4 && (n.starts_with("19") || n.starts_with("20")));
    let has_clock = lower
        .as_bytes()
        .windows(3)
        .any(|w| w[0].is_ascii_digit() && w[1] == b':' && w[2].is_ascii_digit());
    if DATE_LINE_STARTS.iter().any(|s| lower.starts_with(s)) {
        return has_month || has_clock || !ends_sentence(lower);
    }
    !ends_sentence(lower) && has_year && (has_month || has_clock)
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

    fn reason(text: &str) -> Option<&'static str> {
        drop_reason(&block(text, 0))
    }

    #[test]
    fn a_line_of_links_is_dropped() {
        assert_eq!(drop_reason(&block("Rates rise again", 14)), Some("links"));
    }

    #[test]
    fn labels_and_calls_to_act_are_dropped() {
        assert_eq!(reason("ADVERTISEMENT"), Some("site furniture"));
        assert_eq!(
            reason("Read more: Ports reopen after the strike"),
            Some("site furniture")
        );
        assert_eq!(reason("You may also like..."), Some("site furniture"));
        assert_eq!(reason("1,204"), Some("site furniture"));
        assert_eq!(
            reason("Get the morning briefing delivered to your inbox every day."),
            Some("newsletter or social pitch")
        );
        assert_eq!(reason("* * *"), Some("separator"));
    }

    #[test]
    fn credits_bylines_and_dates_are_dropped() {
        assert_eq!(
            reason("Dock workers at the gate (Image: AGENCY )"),
            Some("caption")
        );
        assert_eq!(
            reason("By Ana Ruiz - 11/19/19 06:56 AM EST"),
            Some("byline")
        );
        assert_eq!(reason("Updated at 1:23 p.m."), Some("date line"));
        assert_eq!(reason("Harbour Daily March 08, 2021"), Some("date line"));
        assert_eq!(reason("Jo Bloggs | Getty Images"), Some("caption"));
        assert_eq!(reason("© 2024 Harbour Media Ltd."), Some("site furniture"));
        assert_eq!(
            reason("[button link=x]Send us a tip[/button]"),
            Some("site furniture")
        );
    }

    #[test]
    fn sentences_that_use_the_phrases_stay() {
        assert_eq!(
            reason("The mayor said she would read more about the plan before the vote."),
            None
        );
        assert_eq!(
            reason("By the end of March 2020, the port had reopened."),
            None
        );
        assert_eq!(reason("Published in 1998, the book sold well."), None);
        assert_eq!(
            reason("Reuters said the talks had ended without a deal."),
            None
        );
    }
}
