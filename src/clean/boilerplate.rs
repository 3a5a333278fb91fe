//! Site furniture that is not the article: share bars, newsletter and app
//! pitches, cookie notices, read-more and related links, navigation, sign-in
//! prompts, copyright and advertisement lines, photo credits, comment and
//! tag sections. Each rule is data (a phrase table) with the reason it
//! gives; [`line_reason`] tries them in order on one block.

use std::collections::HashMap;
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use super::block::count_words;
use super::segment::ends_sentence;

/// Why a block is furniture, and whether it ends the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Furniture {
    pub reason: &'static str,
    pub ends: Ends,
}

/// Whether a piece of furniture marks the end of an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ends {
    /// Found anywhere on a page (menus, share bars, credits).
    No,
    /// Usually follows the article (related links, tags), though a box of
    /// it may sit inside one: the article's main block rarely runs across.
    Likely,
    /// Only ever follows the article (a comment section's header): the
    /// article's main block never runs across.
    Surely,
}

impl Furniture {
    pub const fn new(reason: &'static str) -> Self {
        Furniture {
            reason,
            ends: Ends::No,
        }
    }
}

pub const RELATED: &str = "boilerplate: related links";
pub const COMMENTS: &str = "boilerplate: comments";
pub const TAGS: &str = "boilerplate: tags";
pub const PAYWALL: &str = "boilerplate: paywall";
pub const ABOUT_AUTHOR: &str = "boilerplate: author box";
pub const COOKIE: &str = "boilerplate: cookie or legal notice";
pub const NEWSLETTER: &str = "boilerplate: newsletter pitch";
pub const APP_STORE: &str = "boilerplate: app-store pitch";
pub const COPYRIGHT: &str = "boilerplate: copyright line";
pub const ADVERTISEMENT: &str = "boilerplate: advertisement";
pub const PHOTO_CREDIT: &str = "boilerplate: photo credit";
pub const READ_MORE: &str = "boilerplate: read-more link";
pub const NAVIGATION: &str = "boilerplate: navigation";
pub const SHARE_BAR: &str = "boilerplate: share bar";
pub const SOCIAL_FOOTER: &str = "boilerplate: social/newsletter footer";
pub const GALLERY: &str = "boilerplate: gallery counter";

/// How a rule's phrases are compared with a block (lowercased, trimmed of
/// surrounding punctuation), always at word boundaries.
#[derive(Debug, Clone, Copy)]
enum Match {
    /// The whole block is one of the phrases.
    Whole,
    /// The block starts with one of the phrases.
    Prefix,
    /// The block holds one of the phrases.
    Contains,
}

/// One furniture rule: its reason, how its phrases match, the longest
/// block (in words) it may judge (so that an article sentence that happens
/// to hold a phrase survives), and whether it ends the article.
struct Rule {
    reason: &'static str,
    how: Match,
    max_words: usize,
    ends: Ends,
    phrases: &'static [&'static str],
}

/// Rules that never judge a sentence of six words or more: their phrases
/// ("Topics", "More from", "Read more") also open ordinary sentences.
const SPARE_SENTENCES: &[&str] = &[RELATED, TAGS, READ_MORE];

use Ends::{Likely, No, Surely};
use Match::{Contains, Prefix, Whole};

/// The rules, most specific first.
#[rustfmt::skip]
const RULES: &[Rule] = &[
    // "Related stories", "You may also like": lists of other articles.
    // A bare "Related" box often sits inside an article: furniture, but the
    // article goes on after it.
    Rule { reason: RELATED, how: Whole, max_words: 1, ends: No, phrases: &[
        "related", "related:",
    ]},
    Rule { reason: RELATED, how: Whole, max_words: 8, ends: Likely, phrases: &[
        "related articles", "related stories", "related posts", "related content",
        "related news", "related coverage", "related topics", "related reading", "more from",
        "more on this", "more on this story", "more stories", "more news", "more like this",
        "more to explore", "more to read", "you may also like", "you might also like",
        "you may be interested in", "you might be interested in", "we recommend", "recommended",
        "recommended for you", "recommended stories", "recommended reading", "most popular",
        "most read", "most viewed", "most shared", "popular now", "popular stories", "popular",
        "trending", "trending now", "trending stories", "top stories", "latest news",
        "latest stories", "latest articles", "latest posts", "recent posts", "recent articles",
        "editor's picks", "editors' picks", "don't miss", "up next", "what to read next",
        "read next", "read these next", "around the web", "from the web", "sponsored stories",
        "promoted stories", "in case you missed it", "previous article", "next article",
        "previous post", "next post", "older post", "newer post", "post navigation",
        "further reading", "must read", "more in this section", "other stories",
        "keep reading", "more videos", "more headlines", "top headlines", "also on",
        "related links", "explore further", "read more stories", "you may like",
        "recommended videos", "most popular stories", "what others are reading",
    ]},
    // "Related: ...", "More from Sports", "Next Post: ...": links in place.
    Rule { reason: RELATED, how: Prefix, max_words: 14, ends: Likely, phrases: &[
        "more from ", "more in ", "more on ", "more stories from",
        "more articles from", "other articles from", "popular in ", "latest from ",
        "previous post:", "next post:", "previous article:", "next article:", "previous:", "next:",
        "most read ", "most popular ", "most viewed ", "trending in ", "latest in ",
        "top stories in ", "more stories in ",
    ]},
    // A comment section's prompts: nothing of the article comes after.
    Rule { reason: COMMENTS, how: Whole, max_words: 10, ends: Surely, phrases: &[
        "leave a comment", "leave a reply", "leave a reply cancel reply", "post a comment",
        "add a comment", "join the conversation", "join the discussion",
        "comments are closed", "be the first to comment", "reader comments",
        "you must be logged in to post a comment", "log in to comment", "sign in to comment",
        "cancel reply", "no comments yet", "write a comment", "post comment", "submit comment",
    ]},
    Rule { reason: COMMENTS, how: Prefix, max_words: 14, ends: Surely, phrases: &[
        "leave a reply", "leave a comment", "join the conversation", "commenting is",
        "comments for this",
    ]},
    // Comment links that may also stand at the top of an article.
    Rule { reason: COMMENTS, how: Whole, max_words: 10, ends: Likely, phrases: &[
        "comments", "comment", "add comment", "show comments", "view comments",
        "load comments", "read comments", "see comments", "tell us what you think",
        "have your say", "comment policy", "community guidelines", "comment now",
        "no comments",
    ]},
    Rule { reason: COMMENTS, how: Prefix, max_words: 14, ends: Likely, phrases: &[
        "comments (", "your comment",
    ]},
    // "Tags: ...", "Filed under ...": the article's index entries.
    Rule { reason: TAGS, how: Prefix, max_words: 20, ends: Likely, phrases: &[
        "tags:", "tags ", "tagged:", "tagged ", "topics:", "topics ", "filed under",
        "posted in ", "categories:", "category:", "keywords:", "more about:", "see more on:",
        "related topics:", "subjects:",
    ]},
    // The end of a paywalled article and its sales pitch.
    Rule { reason: PAYWALL, how: Contains, max_words: 20, ends: Likely, phrases: &[
        "to read the full story", "subscribe to read", "already a subscriber",
        "subscribe to continue", "continue reading your article", "for subscribers only",
        "this article is for subscribers", "start your free trial", "unlock this article",
        "register to read", "to continue reading",
    ]},
    // An author's biography box.
    Rule { reason: ABOUT_AUTHOR, how: Prefix, max_words: 8, ends: Likely, phrases: &[
        "about the author", "about the writer", "more by this author", "more from this author",
        "articles by", "posts by", "view all posts by", "see all stories by",
    ]},
    // Cookie notices: phrases no article sentence uses, so any length.
    Rule { reason: COOKIE, how: Contains, max_words: 150, ends: No, phrases: &[
        "we use cookies", "this website uses cookies", "this site uses cookies",
        "use of cookies", "cookie policy", "cookie settings", "cookie preferences",
        "accept cookies", "accept all cookies", "necessary cookies", "by continuing to use",
        "by continuing to browse", "do not sell my", "your privacy choices",
        "by using this site, you agree", "by using this website, you agree",
    ]},
    // Legal links in a footer row.
    Rule { reason: COOKIE, how: Contains, max_words: 8, ends: No, phrases: &[
        "privacy policy", "privacy notice", "terms of use", "terms of service",
        "terms and conditions", "ad choices", "adchoices", "cookies", "cookie", "privacy",
        "accessibility statement", "privacy overview", "non-necessary", "always enabled",
    ]},
    // Newsletter pitches and sign-up forms.
    Rule { reason: NEWSLETTER, how: Contains, max_words: 20, ends: No, phrases: &[
        "newsletter", "newsletters", "sign up for our", "sign up to our", "signup",
        "subscribe to our", "subscribe now", "subscribe today", "your inbox",
        "email address", "enter your email", "your email", "opt-in", "unsubscribe",
        "signing up", "delivered to your", "daily briefing", "weekly briefing",
    ]},
    // Sign-up form fragments.
    Rule { reason: NEWSLETTER, how: Contains, max_words: 8, ends: No, phrases: &[
        "subscribe", "subscribed", "subscription", "no thanks", "no, thanks",
    ]},
    // App-store pitches.
    Rule { reason: APP_STORE, how: Contains, max_words: 30, ends: No, phrases: &[
        "download the app", "download our app", "get the app", "get our app",
        "available on the app store", "available on google play", "get it on google play",
        "download on the app store", "in the app store", "on google play",
    ]},
    Rule { reason: APP_STORE, how: Whole, max_words: 4, ends: No, phrases: &[
        "app store", "appstore", "google play", "googleplay",
    ]},
    // Copyright lines.
    Rule { reason: COPYRIGHT, how: Contains, max_words: 40, ends: No, phrases: &[
        "©", "all rights reserved", "(c) 19", "(c) 20", "rights reserved",
        "subject to copyright",
    ]},
    Rule { reason: COPYRIGHT, how: Prefix, max_words: 25, ends: No, phrases: &[
        "copyright",
    ]},
    // Advertisement slots.
    Rule { reason: ADVERTISEMENT, how: Whole, max_words: 8, ends: No, phrases: &[
        "advertisement", "advertisements", "advertising", "advert", "ad", "ads", "sponsored",
        "sponsored content", "paid content", "paid post", "partner content", "promoted",
        "promoted content", "story continues below advertisement",
        "article continues below advertisement", "article continues below",
        "story continues below", "continue reading below", "scroll to continue with content",
        "ad feedback", "report this ad", "advertise with us", "advertise", "supported by",
        "content continues below", "this slideshow requires javascript",
        "skip advertisement", "ad loading", "sponsored links", "sponsored by",
    ]},
    // Photo credits and gallery furniture.
    Rule { reason: PHOTO_CREDIT, how: Prefix, max_words: 25, ends: No, phrases: &[
        "photo:", "photo by", "photos:", "photo credit", "photograph:", "photograph by",
        "image:", "image by", "image credit", "images:", "picture:", "pictured:", "credit:",
        "(photo", "(image", "(picture", "[photo", "file photo", "source: getty",
        "view gallery", "view photos", "see gallery", "open gallery", "enlarge this image",
        "toggle caption", "hide caption", "show caption", "caption", "expand", "expand image",
        "zoom", "back to gallery", "view image", "launch gallery", "play video",
        "watch video", "video:",
    ]},
    Rule { reason: PHOTO_CREDIT, how: Contains, max_words: 25, ends: No, phrases: &[
        "getty images", "/getty", "ap photo", "shutterstock", "reuters/", "afp via getty",
        "/afp", "istock", "/ap)", "/reuters)", "(ap photo", "epa-efe", "/epa",
        "via getty", "photo illustration",
    ]},
    // A caption with its credit: "... Credit: Jane Roe", "In this file photo, ...".
    Rule { reason: PHOTO_CREDIT, how: Contains, max_words: 60, ends: No, phrases: &[
        "credit:", "credits:", "file photo", "in this photo", "in this handout",
        "handout photo", "image copyright", "image caption", "photo credit:", "(photo:",
        "(image:", "(picture:", "(pic:",
    ]},
    // "Read more", "Continue reading": links to this or other articles.
    Rule { reason: READ_MORE, how: Prefix, max_words: 20, ends: No, phrases: &[
        "read more", "read the full", "continue reading", "read also", "also read",
        "see also", "read:", "watch:", "listen:", "watch now", "listen now", "click here",
        "learn more", "find out more", "more:", "see more", "show more", "load more",
        "view more", "read the story", "read the article", "read on",
    ]},
    // "Skip to article", a logo's alt text, a weather widget.
    Rule { reason: NAVIGATION, how: Prefix, max_words: 6, ends: No, phrases: &[
        "skip to ", "jump to ", "go to ",
    ]},
    Rule { reason: NAVIGATION, how: Contains, max_words: 4, ends: No, phrases: &[
        "logo", "°f", "°c",
    ]},
    // Navigation and account links.
    Rule { reason: NAVIGATION, how: Whole, max_words: 6, ends: No, phrases: &[
        "skip to content", "skip to main content", "skip to navigation", "skip navigation",
        "skip to footer", "jump to", "menu", "main menu", "open menu", "close menu",
        "toggle navigation", "toggle menu", "navigation", "search", "search for", "go",
        "submit", "home", "homepage", "sign in", "sign up", "log in", "login", "log out",
        "logout", "sign out", "register", "subscribe", "my account", "account", "profile",
        "back to top", "top", "close", "open", "next", "previous", "prev", "back", "more",
        "sections", "all sections", "edition", "follow", "follow us", "contact", "contact us",
        "about", "about us", "faq", "help", "careers", "sitemap", "site map", "archive",
        "archives", "rss", "rss feed", "feeds", "print", "email", "share", "loading",
        "x", "×", "search this site", "view all", "see all", "show all", "all", "top of page",
        "permalink", "settings", "account settings", "manage account", "subscriber services",
        "customer service", "contact editorial", "site information", "social and media",
        "menu sections", "explore", "quick links", "useful links", "links",
    ]},
];

/// Words a share bar or follow-us line is made of. A short block made of
/// these alone (and at least one network or share verb) is a share bar.
#[rustfmt::skip]
const SHARE_WORDS: &[&str] = &[
    "share", "shares", "shared", "sharing", "tweet", "tweets", "pin", "pinterest", "email",
    "e-mail", "mail", "print", "facebook", "twitter", "linkedin", "whatsapp", "reddit",
    "flipboard", "messenger", "telegram", "tumblr", "pocket", "instagram", "youtube", "rss",
    "vk", "digg", "mix", "sms", "copy", "link", "copied", "google+", "threads", "bluesky",
    "mastodon", "snapchat", "tiktok", "feed", "save", "bookmark", "like", "likes",
    "permalink", "thoughts", "comment", "comments",
];
/// Little words that may stand between share words ("Share on Facebook").
#[rustfmt::skip]
const SHARE_GLUE: &[&str] = &[
    "on", "via", "this", "article", "story", "post", "page", "the", "to", "with", "click",
    "and", "us", "follow", "opens", "in", "new", "window", "is", "caring", "by", "a", "friend",
    "or", "x", "&", "|", "/", "·", "•", "your", "friends", "it", "for", "of",
];

/// Cues of a social/newsletter pitch: one of these with any other cue (a
/// network, or a second pitch) makes a whole block a footer, however long.
#[rustfmt::skip]
const PITCH_CUES: &[&str] = &[
    "follow us", "subscribe to our", "newsletter", "app store", "appstore", "google play",
    "googleplay", "sign up", "share this", "like us on", "join us on", "find us on",
];
/// Networks and services a pitch names.
#[rustfmt::skip]
const NETWORK_CUES: &[&str] = &[
    "facebook", "twitter", "linkedin", "youtube", "reddit", "instagram", "telegram",
    "google news", "whatsapp", "tiktok", "pinterest", "flipboard", "feedly",
];

/// Words after a commenter's name that open a comment ("jdoe says:").
const COMMENT_OPENERS: &[&str] = &["says:", "said:", "wrote:", "says", "replied:"];

/// Words that, after a number, count comments ("34 responses to ...").
const COMMENT_COUNTS: &[&str] = &[
    "comments",
    "comment",
    "replies",
    "reply",
    "responses",
    "response",
    "thoughts",
];

/// Why `text` is furniture, or `None` when it may be article text.
pub fn line_reason(text: &str) -> Option<Furniture> {
    line_reason_counted(text, count_words(text))
}

/// [`line_reason`] for a text whose words are already counted.
pub fn line_reason_counted(text: &str, words: usize) -> Option<Furniture> {
    let norm = normalize(text);
    if norm.is_empty() {
        return None;
    }
    let sentence = ends_sentence(text);
    if let Some(f) = rule_reason(&norm, words, sentence) {
        return Some(f);
    }
    if is_comment_header(&norm, words) {
        return Some(Furniture {
            reason: COMMENTS,
            ends: Surely,
        });
    }
    let found = if is_share_bar(&norm, words) {
        SHARE_BAR
    } else if is_pitch(&norm) {
        SOCIAL_FOOTER
    } else if is_crumbs(text, words) {
        NAVIGATION
    } else if is_gallery_counter(&norm) {
        GALLERY
    } else {
        return None;
    };
    Some(Furniture::new(found))
}

/// Rules are told apart by a bit in a `u64`.
const _: () = assert!(RULES.len() <= 64);

/// The rule tables compiled once: whole-block phrases in a hash map, and
/// every `Contains` phrase in one automaton, so that a block is read once
/// whatever the number of phrases. Each phrase maps to the rules (bits)
/// that hold it.
struct Compiled {
    whole: HashMap<&'static str, u64>,
    contains: Option<(AhoCorasick, Vec<u64>)>,
}

static COMPILED: LazyLock<Compiled> = LazyLock::new(|| {
    let mut whole: HashMap<&'static str, u64> = HashMap::new();
    let mut phrases: Vec<&'static str> = Vec::new();
    let mut masks: Vec<u64> = Vec::new();
    for (i, r) in RULES.iter().enumerate() {
        for p in r.phrases {
            match r.how {
                Whole => *whole.entry(p).or_default() |= 1 << i,
                Contains => {
                    phrases.push(p);
                    masks.push(1 << i);
                }
                Prefix => {}
            }
        }
    }
    let contains = AhoCorasick::new(&phrases).ok().map(|ac| (ac, masks));
    Compiled { whole, contains }
});

/// The rules whose `Whole` or `Contains` phrases `norm` matches, as bits.
fn phrase_hits(norm: &str) -> u64 {
    let compiled = &*COMPILED;
    let mut hits = compiled.whole.get(norm).copied().unwrap_or(0);
    match &compiled.contains {
        Some((ac, masks)) => {
            for m in ac.find_overlapping_iter(norm) {
                if is_whole_word(norm, m.start(), m.end()) {
                    hits |= masks[m.pattern().as_usize()];
                }
            }
        }
        None => {
            for (i, r) in RULES.iter().enumerate() {
                if matches!(r.how, Contains) && r.phrases.iter().any(|p| contains_word(norm, p)) {
                    hits |= 1 << i;
                }
            }
        }
    }
    hits
}

fn rule_reason(norm: &str, words: usize, sentence: bool) -> Option<Furniture> {
    let hits = phrase_hits(norm);
    RULES.iter().enumerate().find_map(|(i, r)| {
        if words > r.max_words || (sentence && words >= 6 && SPARE_SENTENCES.contains(&r.reason)) {
            return None;
        }
        let hit = match r.how {
            Prefix => r.phrases.iter().any(|p| {
                p.as_bytes().first() == norm.as_bytes().first()
                    && norm.starts_with(p)
                    && ends_at_boundary(norm, p.len())
            }),
            Whole | Contains => hits & (1 << i) != 0,
        };
        hit.then_some(Furniture {
            reason: r.reason,
            ends: r.ends,
        })
    })
}

/// Whether `phrase` occurs in `text` as whole words.
fn contains_word(text: &str, phrase: &str) -> bool {
    text.match_indices(phrase)
        .any(|(i, _)| is_whole_word(text, i, i + phrase.len()))
}

/// Whether the match at `start..end` of `text` begins and ends at word
/// boundaries (a phrase that begins or ends with punctuation needs none).
fn is_whole_word(text: &str, start: usize, end: usize) -> bool {
    let starts_clean = !text[start..].starts_with(char::is_alphanumeric)
        || !text[..start].ends_with(char::is_alphanumeric);
    starts_clean && ends_at_boundary(text, end)
}

/// Whether a match ending at byte `end` of `text` ends at a word boundary.
fn ends_at_boundary(text: &str, end: usize) -> bool {
    let before = &text[..end];
    !before.ends_with(char::is_alphanumeric) || !text[end..].starts_with(char::is_alphanumeric)
}

/// Lowercase, curly apostrophes straightened, surrounding punctuation and
/// arrows trimmed (a trailing `:` is kept: "Tags:" differs from "Tags").
fn normalize(text: &str) -> String {
    let lower = text.to_lowercase().replace(['’', '‘'], "'");
    let trimmed = lower
        .trim_matches(|c: char| {
            !(c.is_alphanumeric() || matches!(c, ':' | '©' | '(' | '[' | '+' | '\'' | '/'))
        })
        .trim_end_matches(['(', '[', '/']);
    trimmed.to_string()
}

/// "Share on Facebook", "Tweet · Email · Print", "0 shares".
fn is_share_bar(norm: &str, words: usize) -> bool {
    if words > 12 {
        return false;
    }
    let mut share_words = 0;
    for token in norm.split(|c: char| c.is_whitespace() || matches!(c, '|' | '/' | '·' | '•')) {
        let token = token.trim_matches(|c: char| !c.is_alphanumeric() && c != '+');
        if token.is_empty() || token.chars().all(|c| c.is_ascii_digit() || c == 'k') {
            continue;
        }
        if SHARE_WORDS.contains(&token) {
            share_words += 1;
        } else if !SHARE_GLUE.contains(&token) {
            return false;
        }
    }
    share_words > 0
}

/// A pitch cue with any other cue, in a block of any length.
fn is_pitch(norm: &str) -> bool {
    let mut found = [false; PITCH_CUES.len() + NETWORK_CUES.len()];
    match CUES.as_ref() {
        Some(ac) => ac
            .find_overlapping_iter(norm)
            .for_each(|m| found[m.pattern().as_usize()] = true),
        None => PITCH_CUES
            .iter()
            .chain(NETWORK_CUES)
            .zip(found.iter_mut())
            .for_each(|(cue, f)| *f = norm.contains(cue)),
    }
    let pitches = found[..PITCH_CUES.len()].iter().filter(|f| **f).count();
    let all = found.iter().filter(|f| **f).count();
    pitches >= 1 && all >= 2
}

/// Pitch cues, then network cues, in one automaton built once.
static CUES: LazyLock<Option<AhoCorasick>> =
    LazyLock::new(|| AhoCorasick::new(PITCH_CUES.iter().chain(NETWORK_CUES)).ok());

/// Breadcrumbs and link rows: "Home > World > Africa", "About | Contact |
/// Jobs". At least two separators between short items, no sentence.
fn is_crumbs(text: &str, words: usize) -> bool {
    if ends_sentence(text) {
        return false;
    }
    let is_separator = |c| matches!(c, '>' | '›' | '»' | '/' | '|' | '·' | '•' | '⟩');
    if !text.contains(is_separator) {
        return false;
    }
    let separators = [" > ", " › ", " » ", " / ", " | ", " · ", " • ", " ⟩ "];
    let Some((sep, count)) = separators
        .iter()
        .map(|s| (s, text.matches(*s).count()))
        .find(|(_, n)| *n >= 2)
    else {
        return false;
    };
    if words <= 16 {
        return text.split(sep).all(|item| count_words(item) <= 4);
    }
    // A long row of links: many short items.
    words <= (count + 1) * 5
}

/// "Image 1 of 23", "3 / 12", "1 of 5": a gallery counter.
fn is_gallery_counter(norm: &str) -> bool {
    let rest: String = norm
        .split_whitespace()
        .filter(|w| !matches!(*w, "image" | "photo" | "picture" | "slide" | "of" | "/"))
        .collect();
    !rest.is_empty()
        && rest.chars().all(|c| c.is_ascii_digit() || c == '/')
        && norm.chars().any(|c| c.is_alphabetic() || c == '/')
}

/// A comment section's header: a comment count ("12 comments", "34
/// responses to ...", "Comments (4)") or a commenter's line ("jdoe says:").
fn is_comment_header(norm: &str, words: usize) -> bool {
    let tokens: Vec<&str> = norm
        .split(|c: char| !(c.is_alphanumeric() || c == ':'))
        .filter(|w| !w.is_empty())
        .take(16)
        .collect();
    let is_count =
        |w: &[&str]| w[0].chars().all(|c| c.is_ascii_digit()) && COMMENT_COUNTS.contains(&w[1]);
    // "34 responses to “Headline”": the headline makes it as long as it is.
    let opens_with_count = tokens.len() >= 3
        && is_count(&tokens[..2])
        && matches!(tokens[2], "to" | "on" | "for")
        && words <= 40;
    let short_count = words <= 6 && tokens.windows(2).any(is_count);
    let commenter =
        words <= 4 && norm.ends_with(':') && COMMENT_OPENERS.iter().any(|o| norm.ends_with(o));
    opens_with_count || short_count || commenter
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reason(s: &str) -> Option<&'static str> {
        line_reason(s).map(|f| f.reason)
    }

    #[test]
    fn social_footer_is_boilerplate() {
        assert_eq!(
            reason("Follow us on Twitter and Facebook for more news from the region."),
            Some(SOCIAL_FOOTER)
        );
    }

    #[test]
    fn networks_named_in_an_article_sentence_are_kept() {
        assert_eq!(
            reason(
                "The minister wrote on Twitter and Facebook that talks had failed, and later deleted both posts."
            ),
            None
        );
    }

    #[test]
    fn share_bars() {
        assert_eq!(reason("Share on Facebook"), Some(SHARE_BAR));
        assert_eq!(reason("Tweet · Email · Print"), Some(SHARE_BAR));
        assert_eq!(reason("0 shares"), Some(SHARE_BAR));
        assert_eq!(reason("Sharing is caring!"), Some(SHARE_BAR));
    }

    #[test]
    fn related_links_end_the_article() {
        let f = line_reason("You may also like").unwrap();
        assert_eq!(f.reason, RELATED);
        assert_eq!(f.ends, Ends::Likely);
        assert_eq!(reason("More from Business"), Some(RELATED));
    }

    #[test]
    fn comment_sections() {
        assert_eq!(reason("Leave a Reply"), Some(COMMENTS));
        assert_eq!(reason("14 Comments"), Some(COMMENTS));
        assert_eq!(reason("Comments (3)"), Some(COMMENTS));
    }

    #[test]
    fn commenter_lines_and_counts() {
        assert_eq!(reason("jdoe42 says:"), Some(COMMENTS));
        assert_eq!(
            reason("34 responses to “Ferry terminal to close”"),
            Some(COMMENTS)
        );
        assert_eq!(reason("The minister says: we will rebuild the quay."), None);
    }

    #[test]
    fn tags_and_filed_under() {
        assert_eq!(reason("Tags: harbour, strike, wages"), Some(TAGS));
        assert_eq!(reason("Filed under: Europe"), Some(TAGS));
    }

    #[test]
    fn paywall_pitch() {
        assert_eq!(reason("To Read the Full Story, Subscribe"), Some(PAYWALL));
    }

    #[test]
    fn cookie_and_legal_notices() {
        assert_eq!(
            reason(
                "We use cookies to improve your experience. By continuing to use this site you agree."
            ),
            Some(COOKIE)
        );
        assert_eq!(reason("Privacy Policy"), Some(COOKIE));
    }

    #[test]
    fn newsletter_pitch() {
        assert_eq!(
            reason("Get the morning briefing delivered to your inbox."),
            Some(NEWSLETTER)
        );
        assert_eq!(reason("Sign up for our daily newsletter"), Some(NEWSLETTER));
    }

    #[test]
    fn sign_up_form_fragments() {
        assert_eq!(reason("Subscribe No thanks"), Some(NEWSLETTER));
        assert_eq!(
            reason("You have successfully subscribed!"),
            Some(NEWSLETTER)
        );
    }

    #[test]
    fn author_boxes_end_the_article() {
        let f = line_reason("About the author").unwrap();
        assert_eq!((f.reason, f.ends), (ABOUT_AUTHOR, Ends::Likely));
        assert_eq!(reason("View all posts by Jane Roe"), Some(ABOUT_AUTHOR));
    }

    #[test]
    fn comment_prompts_surely_end_the_article() {
        assert_eq!(line_reason("Leave a Reply").unwrap().ends, Ends::Surely);
        assert_eq!(line_reason("Comments").unwrap().ends, Ends::Likely);
    }

    #[test]
    fn legal_links_in_a_footer_row() {
        assert_eq!(reason("Terms of Service"), Some(COOKIE));
        assert_eq!(
            reason(
                "Facebook changed its privacy policy twice last year, and regulators in three countries opened inquiries."
            ),
            None
        );
    }

    #[test]
    fn captions_with_their_credit() {
        assert_eq!(
            reason("Dock workers gather at the gate on Tuesday morning. Credit: Jane Roe"),
            Some(PHOTO_CREDIT)
        );
        assert_eq!(
            reason(
                "In this file photo, the old ferry terminal stands empty after the last crossing of the season."
            ),
            Some(PHOTO_CREDIT)
        );
    }

    #[test]
    fn app_store_pitch() {
        assert_eq!(
            reason("Download the app from the App Store"),
            Some(APP_STORE)
        );
    }

    #[test]
    fn copyright_lines() {
        assert_eq!(reason("© 2026 Harbour Times Ltd."), Some(COPYRIGHT));
        assert_eq!(
            reason("Copyright 2026 Example Wire. All rights reserved."),
            Some(COPYRIGHT)
        );
    }

    #[test]
    fn advertisement_slots() {
        assert_eq!(reason("ADVERTISEMENT"), Some(ADVERTISEMENT));
        assert_eq!(
            reason("Story continues below advertisement"),
            Some(ADVERTISEMENT)
        );
    }

    #[test]
    fn photo_credits() {
        assert_eq!(reason("Photo: Jane Roe/Getty Images"), Some(PHOTO_CREDIT));
        assert_eq!(
            reason("Dock workers at the gate. (AP Photo/John Doe)"),
            Some(PHOTO_CREDIT)
        );
    }

    #[test]
    fn read_more_links() {
        assert_eq!(
            reason("READ MORE: Strike spreads to Antwerp"),
            Some(READ_MORE)
        );
        assert_eq!(reason("Continue reading"), Some(READ_MORE));
    }

    #[test]
    fn navigation_and_crumbs() {
        assert_eq!(reason("Skip to main content"), Some(NAVIGATION));
        assert_eq!(reason("Skip to Article"), Some(NAVIGATION));
        assert_eq!(reason("Harbour Times Logo"), Some(NAVIGATION));
        assert_eq!(reason("55°F Clear"), Some(NAVIGATION));
        assert_eq!(reason("Sign In"), Some(NAVIGATION));
        assert_eq!(reason("Home > World > Africa"), Some(NAVIGATION));
        assert_eq!(
            reason("About | Contact | Jobs | Advertise"),
            Some(NAVIGATION)
        );
    }

    #[test]
    fn gallery_counters() {
        assert_eq!(reason("Image 1 of 23"), Some(GALLERY));
        assert_eq!(reason("3 / 12"), Some(GALLERY));
        assert_eq!(reason("2019"), None);
    }

    #[test]
    fn an_article_sentence_with_a_phrase_is_kept() {
        assert_eq!(
            reason(
                "The union said it would subscribe to talks only if the employers dropped their demand for longer shifts at the container terminals."
            ),
            None
        );
        assert_eq!(reason("Home prices rose again in March."), None);
    }
}
