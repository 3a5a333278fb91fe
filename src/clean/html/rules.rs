//! The rules of HTML extraction as data: which tags hold no text, which
//! break the flow of text into blocks, and which tags, classes and ids mark
//! a part of the page that is not the article (navigation, share bars,
//! related links, captions...).

/// What an element does to the flow of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Text flows through it (`span`, `em`, `strong`...).
    Inline,
    /// A link: its text counts towards a block's link density.
    Link,
    /// `<br>`: ends the current line of text.
    Break,
    /// A paragraph `<p>`.
    Paragraph,
    /// `<h1>`..`<h6>`, with the level.
    Heading(u8),
    /// A list item (`li`, `dt`, `dd`).
    ListItem,
    /// A quotation block (`blockquote`), also how sites embed a post.
    Quote,
    /// Preformatted text: line breaks are kept.
    Pre,
    /// A table row: its cells are read as one line.
    Row,
    /// A table cell: a space apart from its neighbours, not a block.
    Cell,
    /// A custom element (`<my-widget>`): inline inside a paragraph or a
    /// heading, a block elsewhere.
    Custom,
    /// Any other element that starts a new block (`div`, `section`, and
    /// unknown elements).
    Block,
}

/// Why a part of the page is not article text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mark {
    /// The reason shown to the reader ("share bar", "related links").
    pub reason: &'static str,
    /// Whether the text belongs in `removed` when it sits inside the
    /// article: a share bar or a caption is worth seeing there, the page's
    /// menus are not.
    pub shown: bool,
    /// A strong mark holds even when the same element also names itself
    /// article content (`class="article-share"`); a weak one (`header`,
    /// `meta`) yields to such a name.
    pub strong: bool,
}

const fn mark(reason: &'static str, shown: bool, strong: bool) -> Mark {
    Mark {
        reason,
        shown,
        strong,
    }
}

const NAVIGATION: Mark = mark("navigation", false, false);
const PAGE_HEADER: Mark = mark("page header", false, false);
const PAGE_FOOTER: Mark = mark("page footer", false, false);
const SIDEBAR: Mark = mark("sidebar", true, true);
const CAPTION: Mark = mark("caption", true, true);
const SHARE: Mark = mark("share bar", true, true);
const RELATED: Mark = mark("related links", true, true);
const NEWSLETTER: Mark = mark("newsletter box", true, true);
const COMMENTS: Mark = mark("comments", true, true);
const ADVERTISING: Mark = mark("advertising", false, true);
const BYLINE: Mark = mark("byline", false, true);
const DATE: Mark = mark("date line", false, false);
const TAGS: Mark = mark("tags", true, false);
const COOKIES: Mark = mark("cookie notice", false, true);
const PROMOTION: Mark = mark("promotion", true, true);
/// Text a reader of the page never sees; skipped like `hidden`.
pub const HIDDEN: Mark = mark("hidden text", false, true);
/// A pop-up shown on hover. Its trigger and its card may both carry the
/// word (`rollover-person` around `rollover-person-card`): only the
/// innermost such element is the hidden card.
pub const HOVER: Mark = mark("hover card", false, true);
const WIDGET: Mark = mark("page widget", false, false);
const ARTICLE_META: Mark = mark("article details", false, false);

/// Elements whose content is never text to read: code, styles, embedded
/// media and form controls (their labels are chrome).
pub fn is_skipped_tag(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "svg"
            | "math"
            | "canvas"
            | "iframe"
            | "object"
            | "embed"
            | "video"
            | "audio"
            | "map"
            | "button"
            | "select"
            | "option"
            | "textarea"
            | "input"
            | "dialog"
            | "link"
            | "meta"
            | "base"
            | "title"
    )
}

/// How `name` shapes the flow of text. Unknown and custom elements start a
/// block: a spurious break costs less than two words glued together.
pub fn role_of(name: &str) -> Role {
    match name {
        "a" => Role::Link,
        "br" => Role::Break,
        "p" => Role::Paragraph,
        "h1" => Role::Heading(1),
        "h2" => Role::Heading(2),
        "h3" => Role::Heading(3),
        "h4" => Role::Heading(4),
        "h5" => Role::Heading(5),
        "h6" => Role::Heading(6),
        "li" | "dt" | "dd" => Role::ListItem,
        "blockquote" => Role::Quote,
        "pre" => Role::Pre,
        "tr" => Role::Row,
        "td" | "th" => Role::Cell,
        "abbr" | "acronym" | "b" | "bdi" | "bdo" | "big" | "cite" | "code" | "data" | "del"
        | "dfn" | "em" | "font" | "i" | "img" | "ins" | "kbd" | "label" | "mark" | "nobr" | "q"
        | "s" | "samp" | "small" | "span" | "strike" | "strong" | "sub" | "sup" | "time" | "tt"
        | "u" | "var" | "wbr" | "picture" | "source" => Role::Inline,
        custom if custom.contains('-') => Role::Custom,
        _ => Role::Block,
    }
}

/// Tags that are page furniture by themselves.
pub fn mark_of_tag(name: &str) -> Option<Mark> {
    match name {
        "nav" | "menu" => Some(NAVIGATION),
        "header" => Some(PAGE_HEADER),
        "footer" => Some(PAGE_FOOTER),
        "aside" => Some(SIDEBAR),
        "figcaption" => Some(CAPTION),
        _ => None,
    }
}

/// Whole class names that hide text from sighted readers.
const HIDDEN_CLASSES: &[&str] = &[
    "hidden",
    "hide",
    "is-hidden",
    "u-hidden",
    "sr-only",
    "visually-hidden",
    "visuallyhidden",
    "screen-reader-text",
    "screen-reader-only",
    "element-invisible",
    "offscreen",
];

/// Words in a class or id that mark what an element is, with the mark,
/// in alphabetical order (looked up by binary search). Words are whole
/// parts of the name (`related-posts` -> `related`, `shareBar` -> `share`),
/// never substrings (`header` is not `head`). Share bars, related links,
/// newsletter pitches, comments, captions and credits, bylines and dates,
/// advertising, cookie notices, pop-ups and site furniture.
const NAME_WORDS: &[(&str, Mark)] = &[
    ("ad", ADVERTISING),
    ("addthis", SHARE),
    ("ads", ADVERTISING),
    ("advert", ADVERTISING),
    ("advertisement", ADVERTISING),
    ("advertising", ADVERTISING),
    ("author", BYLINE),
    ("authors", BYLINE),
    ("banner", WIDGET),
    ("breadcrumb", NAVIGATION),
    ("breadcrumbs", NAVIGATION),
    ("byline", BYLINE),
    ("caption", CAPTION),
    ("captions", CAPTION),
    ("comment", COMMENTS),
    ("comments", COMMENTS),
    ("consent", COOKIES),
    ("contributor", BYLINE),
    ("cookie", COOKIES),
    ("cookies", COOKIES),
    ("credit", CAPTION),
    ("credits", CAPTION),
    ("date", DATE),
    ("dateline", DATE),
    ("dfp", ADVERTISING),
    ("disqus", COMMENTS),
    ("figcaption", CAPTION),
    ("footer", PAGE_FOOTER),
    ("gdpr", COOKIES),
    ("header", PAGE_HEADER),
    ("hovercard", HOVER),
    ("keywords", TAGS),
    ("masthead", PAGE_HEADER),
    ("menu", NAVIGATION),
    ("meta", ARTICLE_META),
    ("modal", WIDGET),
    ("mostread", RELATED),
    ("nav", NAVIGATION),
    ("navbar", NAVIGATION),
    ("navigation", NAVIGATION),
    ("newsletter", NEWSLETTER),
    ("newsletters", NEWSLETTER),
    ("outbrain", RELATED),
    ("overlay", WIDGET),
    ("pager", NAVIGATION),
    ("pagination", NAVIGATION),
    ("popover", HOVER),
    ("popular", RELATED),
    ("popup", WIDGET),
    ("promo", PROMOTION),
    ("promotion", PROMOTION),
    ("published", DATE),
    ("rail", SIDEBAR),
    ("readmore", RELATED),
    ("recirc", RELATED),
    ("recirculation", RELATED),
    ("recommendations", RELATED),
    ("recommended", RELATED),
    ("related", RELATED),
    ("rollover", HOVER),
    ("share", SHARE),
    ("sharebar", SHARE),
    ("shares", SHARE),
    ("sharetools", SHARE),
    ("sharing", SHARE),
    ("sidebar", SIDEBAR),
    ("signup", NEWSLETTER),
    ("social", SHARE),
    ("sponsor", ADVERTISING),
    ("sponsored", ADVERTISING),
    ("subscribe", NEWSLETTER),
    ("subscription", NEWSLETTER),
    ("taboola", RELATED),
    ("tags", TAGS),
    ("timestamp", DATE),
    ("toolbar", WIDGET),
    ("tooltip", HOVER),
    ("topics", TAGS),
    ("trending", RELATED),
    ("widget", WIDGET),
];

/// Words that name the article itself: a weak mark on the same element
/// yields to them (`article-header` is not the page header).
const CONTENT_WORDS: &[&str] = &["article", "content", "body", "story", "post", "entry"];

/// Words that name a post embedded from a social network (`twitter-tweet`,
/// `social-media-embed`): quoted in the article, part of its text, so the
/// element is never marked as a share bar or anything else.
const EMBED_WORDS: &[&str] = &["embed", "embedded", "tweet", "instagram"];

/// `role` attribute values that name page furniture.
fn mark_of_aria_role(role: &str) -> Option<Mark> {
    match role {
        "navigation" | "menu" | "menubar" => Some(NAVIGATION),
        "banner" => Some(PAGE_HEADER),
        "contentinfo" => Some(PAGE_FOOTER),
        "complementary" => Some(SIDEBAR),
        _ => None,
    }
}

/// The mark that an element's class, id or ARIA role gives it. The root
/// elements (`html`, `body`, `main`) are never marked: their names
/// describe the whole page (`class="single-post has-comments"`).
pub fn mark_of_names(
    class: Option<&str>,
    id: Option<&str>,
    role: Option<&str>,
    tag: &str,
) -> Option<Mark> {
    if matches!(tag, "html" | "body" | "main") {
        return None;
    }
    let class = class.unwrap_or("");
    if class
        .split_ascii_whitespace()
        .any(|c| HIDDEN_CLASSES.iter().any(|h| c.eq_ignore_ascii_case(h)))
    {
        return Some(HIDDEN);
    }
    let mut found: Option<Mark> = None;
    let mut names_content = false;
    let mut names_embed = false;
    let mut judge = |word: &str| {
        if EMBED_WORDS.contains(&word) {
            names_embed = true;
        } else if CONTENT_WORDS.contains(&word) {
            names_content = true;
        } else if found.is_none_or(|m| !m.strong)
            && let Ok(at) = NAME_WORDS.binary_search_by(|(w, _)| (*w).cmp(word))
        {
            found = Some(NAME_WORDS[at].1);
        }
    };
    for_each_name_word(class, &mut judge);
    for_each_name_word(id.unwrap_or(""), &mut judge);
    if names_embed {
        return None;
    }
    let found = found.or_else(|| role.and_then(mark_of_aria_role));
    found.filter(|m| m.strong || !names_content)
}

/// Class prefixes that label a taxonomy (WordPress puts `category-news`,
/// `tag-ads`, `author-jane` on the article itself): no word of such a
/// class says what the element is.
const TAXONOMY_PREFIXES: &[&str] = &[
    "category-",
    "tag-",
    "author-",
    "format-",
    "type-",
    "status-",
    "postid-",
    "term-",
];

/// Words after which the rest of a class describes a layout option, not
/// the element (`content-with-sidebar`, `has-comments`, `non-ad-column`).
const MODIFIER_WORDS: &[&str] = &["has", "with", "without", "enable", "enabled", "no", "non"];

/// Visit the lower-case words of a class or id list: split at anything
/// that is not a letter or digit and where camelCase turns upper.
/// Taxonomy classes are skipped, and a class stops at a modifier word.
fn for_each_name_word(names: &str, mut visit: impl FnMut(&str)) {
    for class in names.split_ascii_whitespace().take(64) {
        let taxonomy = TAXONOMY_PREFIXES.iter().any(|p| {
            class.len() >= p.len() && class.as_bytes()[..p.len()].eq_ignore_ascii_case(p.as_bytes())
        });
        if taxonomy {
            continue;
        }
        let mut stopped = false;
        for_each_class_word(class, |word| {
            stopped = stopped || MODIFIER_WORDS.contains(&word);
            if !stopped {
                visit(word);
            }
        });
    }
}

/// The longest word worth comparing with the tables; longer ones are
/// skipped without allocating.
const MAX_WORD: usize = 24;

/// Visit the words of one class name, lower-cased in a stack buffer.
fn for_each_class_word(class: &str, mut visit: impl FnMut(&str)) {
    let mut buf = [0u8; MAX_WORD];
    let mut len = 0usize;
    let mut overlong = false;
    let mut prev_lower = false;
    let mut flush = |buf: &[u8; MAX_WORD], len: &mut usize, overlong: &mut bool| {
        if *len > 0 && !*overlong {
            visit(std::str::from_utf8(&buf[..*len]).unwrap_or(""));
        }
        *len = 0;
        *overlong = false;
    };
    for b in class.bytes().take(200) {
        if !b.is_ascii_alphanumeric() {
            flush(&buf, &mut len, &mut overlong);
            prev_lower = false;
            continue;
        }
        if b.is_ascii_uppercase() && prev_lower {
            flush(&buf, &mut len, &mut overlong);
        }
        prev_lower = b.is_ascii_lowercase() || b.is_ascii_digit();
        if len < MAX_WORD {
            buf[len] = b.to_ascii_lowercase();
            len += 1;
        } else {
            overlong = true;
        }
    }
    flush(&buf, &mut len, &mut overlong);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reason(class: &str) -> Option<&'static str> {
        mark_of_names(Some(class), None, None, "div").map(|m| m.reason)
    }

    #[test]
    fn name_words_are_sorted_for_binary_search() {
        assert!(NAME_WORDS.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn class_words_are_split_at_dashes_and_camel_case() {
        let mut words = Vec::new();
        for_each_name_word("article-body shareBar related_posts", |w| {
            words.push(w.to_string())
        });
        assert_eq!(
            words,
            ["article", "body", "share", "bar", "related", "posts"]
        );
    }

    #[test]
    fn share_and_related_boxes_are_marked() {
        assert_eq!(reason("story-share-tools"), Some("share bar"));
        assert_eq!(reason("relatedArticles"), Some("related links"));
        assert_eq!(reason("newsletter-signup"), Some("newsletter box"));
        assert_eq!(reason("figure__caption"), Some("caption"));
    }

    #[test]
    fn a_weak_mark_yields_to_a_content_name() {
        assert_eq!(reason("article-header"), None);
        assert_eq!(reason("site-header"), Some("page header"));
        assert_eq!(reason("post-meta"), None);
    }

    #[test]
    fn words_inside_other_words_do_not_match() {
        assert_eq!(reason("headline"), None);
        assert_eq!(reason("shadow-box"), None);
        assert_eq!(reason("loaded"), None);
    }

    #[test]
    fn taxonomy_and_layout_options_are_not_roles() {
        assert_eq!(reason("post category-advertising author-jo"), None);
        assert_eq!(reason("content-with-sidebar"), None);
        assert_eq!(reason("has-comments"), None);
    }

    #[test]
    fn embedded_posts_are_article_text() {
        assert_eq!(reason("social-media-embed"), None);
        assert_eq!(reason("twitter-tweet"), None);
    }

    #[test]
    fn page_roots_are_never_marked() {
        assert_eq!(
            mark_of_names(Some("has-comments"), None, None, "body"),
            None
        );
    }

    #[test]
    fn screen_reader_text_is_hidden() {
        assert_eq!(reason("sr-only"), Some("hidden text"));
    }

    #[test]
    fn aria_roles_mark_furniture() {
        let m = mark_of_names(None, None, Some("navigation"), "div");
        assert_eq!(m.map(|m| m.reason), Some("navigation"));
    }

    #[test]
    fn text_tags_and_blocks() {
        assert_eq!(role_of("span"), Role::Inline);
        assert_eq!(role_of("h3"), Role::Heading(3));
        assert_eq!(role_of("my-widget"), Role::Custom);
        assert_eq!(role_of("marquee"), Role::Block);
        assert!(is_skipped_tag("script"));
        assert_eq!(mark_of_tag("nav").map(|m| m.reason), Some("navigation"));
    }
}
