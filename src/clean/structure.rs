//! From judged blocks to a [`Document`]: the title, the byline and date,
//! the dateline, headings and body paragraphs, and every removal recorded
//! with its reason and the paragraph it stood before.

use super::block::{Block, BlockKind, count_words};
use super::page::{self, Verdict};
use super::segment::ends_sentence;
use super::{Document, dateline, debris, meta};
use crate::model::{Paragraph, ParagraphKind, Removed};

pub const TITLE_REPEATED: &str = "the title, repeated";
pub const SITE_NAME: &str = "page furniture: first line, not the headline";
pub const BYLINE: &str = "byline (kept as the article's byline)";
pub const DATE_LINE: &str = "date line (kept as the article's date)";

/// What the input itself says about its title, byline and date (a Markdown
/// heading, front matter).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Hints {
    pub title: Option<String>,
    pub byline: Option<String>,
    pub date: Option<String>,
}

/// Build the document from blocks in reading order.
pub fn assemble(source: &str, blocks: Vec<Block>, hints: Hints) -> Document {
    let mut doc = Document {
        source: source.to_string(),
        byline: hints.byline,
        date: hints.date,
        ..Document::default()
    };
    let skip = match hints.title {
        Some(t) => {
            doc.title = t;
            0
        }
        None => first_line_title(&mut doc, &blocks),
    };
    let blocks = &blocks[skip..];
    let mut decided: Vec<Option<&'static str>> = vec![None; blocks.len()];
    mark_title_repeats(&mut doc.title, blocks, &mut decided);
    let judgement = page::judge(blocks, &decided);
    let mut verdicts = judgement.verdicts;
    let unconfirmed = skip == 1 && judgement.page && decided.iter().all(Option::is_none);
    let replaced = settle_title(&mut doc, blocks, &mut verdicts, unconfirmed);
    find_byline_and_date(&mut doc, blocks, &mut verdicts);
    build_paragraphs(&mut doc, blocks, &verdicts);
    if let Some(line) = replaced {
        record_first_line(&mut doc, line);
    }
    split_first_dateline(&mut doc);
    cut_inline_debris(&mut doc);
    drop_empty_paragraphs(&mut doc);
    doc
}

/// Take the first block as the title when it can be one; returns how many
/// blocks it used (0 or 1).
fn first_line_title(doc: &mut Document, blocks: &[Block]) -> usize {
    match blocks.first() {
        Some(first) if is_title_line(first) => {
            doc.title = first.text.clone();
            1
        }
        _ => 0,
    }
}

/// Settle the title once the article is found: with no first-line title,
/// the headline over the article (or the file name); with a first line the
/// page never repeats (`unconfirmed`, a site's name or a menu), the
/// headline over the byline when there is one. Returns a first line that
/// was given up.
fn settle_title(
    doc: &mut Document,
    blocks: &[Block],
    verdicts: &mut [Verdict],
    unconfirmed: bool,
) -> Option<String> {
    if doc.title.is_empty() {
        doc.title = title_before_article(blocks, verdicts).unwrap_or_else(|| stem(&doc.source));
        return None;
    }
    if !unconfirmed {
        return None;
    }
    let headline = headline_over_byline(blocks, verdicts)?;
    Some(std::mem::replace(&mut doc.title, headline))
}

/// A first line given up as the title is recorded where it stood.
fn record_first_line(doc: &mut Document, line: String) {
    doc.removed.insert(
        0,
        Removed {
            text: line,
            reason: SITE_NAME.to_string(),
            before: (!doc.paragraphs.is_empty()).then_some(0),
            at: None,
        },
    );
}

/// A first line can be the title unless it is long prose or furniture.
fn is_title_line(b: &Block) -> bool {
    let chars = b.text.chars().count();
    chars <= 250
        && !(chars > 150 && ends_sentence(&b.text))
        && count_words(&b.text) >= 2
        && super::boilerplate::line_reason(&b.text).is_none()
        && meta::byline(&b.text).is_none()
        && meta::date(&b.text).is_none()
}

/// Find the headline repeated in the page (a page's `<title>` is often
/// "Headline - Site"): mark the repeats, and take the repeat as the title
/// when it is the title without the site's name.
fn mark_title_repeats(title: &mut String, blocks: &[Block], decided: &mut [Option<&'static str>]) {
    if title.is_empty() {
        return;
    }
    let mut shorter: Option<String> = None;
    let folded = fold(title);
    for (b, d) in blocks.iter().zip(decided.iter_mut()) {
        // A repeat is the title or a part of it: no longer.
        if b.text.len() > title.len() + 8 {
            continue;
        }
        if fold(&b.text) == folded {
            *d = Some(TITLE_REPEATED);
        } else if b.words() >= 2 && is_title_without_site(&folded, &fold(&b.text)) {
            *d = Some(TITLE_REPEATED);
            // "Headline | Site" holds both: the headline is the longer part.
            if shorter.as_ref().is_none_or(|s| s.len() < b.text.len()) {
                shorter = Some(b.text.clone());
            }
        }
    }
    if let Some(s) = shorter {
        *title = s;
    }
}

/// A title as compared with its repeats: curly quotes straightened, case
/// and final punctuation ignored.
fn fold(text: &str) -> String {
    text.trim_end_matches(['.', '!', ' '])
        .to_lowercase()
        .replace(['’', '‘'], "'")
        .replace(['“', '”'], "\"")
}

/// "Headline - Site", "Headline | Site", "Site: Headline" against "Headline".
fn is_title_without_site(title: &str, headline: &str) -> bool {
    const SEPARATORS: &[&str] = &[
        " - ", " | ", " – ", " — ", " : ", ": ", " · ", " :: ", " » ",
    ];
    let rest_is_site = |rest: &str| count_words(rest) <= 8 && !ends_sentence(rest);
    if let Some(rest) = title.strip_prefix(headline) {
        return SEPARATORS
            .iter()
            .any(|s| rest.strip_prefix(s).is_some_and(rest_is_site));
    }
    if let Some(rest) = title.strip_suffix(headline) {
        return SEPARATORS
            .iter()
            .any(|s| rest.strip_suffix(s).is_some_and(rest_is_site));
    }
    false
}

/// When the first line was not a title (site chrome), the headline is the
/// heading-like line over the byline, or else just before the article's
/// first paragraph.
fn title_before_article(blocks: &[Block], verdicts: &mut [Verdict]) -> Option<String> {
    headline_over_byline(blocks, verdicts).or_else(|| headline_over_text(blocks, verdicts))
}

/// The headline-like line right over a byline ("By Jane Roe") near the top
/// of the article.
fn headline_over_byline(blocks: &[Block], verdicts: &mut [Verdict]) -> Option<String> {
    let first = verdicts.iter().position(|v| *v == Verdict::Keep)?;
    let start = first.saturating_sub(20);
    let byline =
        (start..first.min(blocks.len())).find(|&i| meta::byline(&blocks[i].text).is_some())?;
    let i = byline.checked_sub(1)?;
    if !is_headline(&blocks[i].text) {
        return None;
    }
    verdicts[i] = Verdict::Drop(TITLE_REPEATED);
    Some(blocks[i].text.clone())
}

/// The headline-like line just before the article's first paragraph.
fn headline_over_text(blocks: &[Block], verdicts: &mut [Verdict]) -> Option<String> {
    let first = verdicts.iter().position(|v| *v == Verdict::Keep)?;
    let window = first.saturating_sub(6)..=first;
    for i in window.rev() {
        if is_headline(&blocks[i].text)
            && (i < first || verdicts.get(i + 1) == Some(&Verdict::Keep))
        {
            verdicts[i] = Verdict::Drop(TITLE_REPEATED);
            return Some(blocks[i].text.clone());
        }
    }
    None
}

/// A line that reads as a headline: 3 to 25 words, mostly words rather
/// than numbers (not a table row), capitalised, no final full stop, and
/// neither furniture nor a byline or date.
fn is_headline(text: &str) -> bool {
    let tokens = text.split_whitespace().count();
    let wordy = text
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .count();
    (3..=25).contains(&count_words(text))
        && wordy * 10 >= tokens * 7
        && !text.ends_with('.')
        && text.starts_with(|c: char| {
            c.is_uppercase() || c.is_numeric() || matches!(c, '"' | '“' | '‘' | '\'')
        })
        && meta::byline(text).is_none()
        && meta::date(text).is_none()
        && super::boilerplate::line_reason(text).is_none()
}

/// The file name without folders or extension, as a last-resort title.
fn stem(source: &str) -> String {
    std::path::Path::new(source)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Bylines ("By Jane Doe") and date lines ("Published 4 March 2024") near
/// the top: the first of each fills the document's field, and its line
/// leaves the text.
fn find_byline_and_date(doc: &mut Document, blocks: &[Block], verdicts: &mut [Verdict]) {
    let first = verdicts
        .iter()
        .position(|v| *v == Verdict::Keep)
        .unwrap_or(verdicts.len());
    let end = (first + 3).min(blocks.len());
    let start = first.saturating_sub(15);
    for i in start..end {
        let text = &blocks[i].text;
        if doc.byline.is_none()
            && let Some(name) = meta::byline(text)
        {
            doc.byline = Some(name);
            if doc.date.is_none() {
                doc.date = meta::date(text);
            }
            verdicts[i] = Verdict::Drop(BYLINE);
        } else if doc.date.is_none()
            && let Some(date) = meta::date(text)
        {
            doc.date = Some(date);
            verdicts[i] = Verdict::Drop(DATE_LINE);
        } else if i >= first
            && (meta::byline(text).is_some() || meta::date(text).is_some())
            && verdicts[i] == Verdict::Keep
        {
            verdicts[i] = Verdict::Drop(DATE_LINE);
        }
    }
}

/// Kept blocks become paragraphs (headings where they read as headings);
/// dropped ones become `removed` entries, a run of lines dropped for the
/// same reason at the same place making one entry.
fn build_paragraphs(doc: &mut Document, blocks: &[Block], verdicts: &[Verdict]) {
    let mut pending: Vec<Removed> = Vec::new();
    for (i, (b, v)) in blocks.iter().zip(verdicts).enumerate() {
        match v {
            Verdict::Drop(reason) => match pending.last_mut() {
                Some(last) if last.reason == *reason => {
                    last.text.push('\n');
                    last.text.push_str(&b.text);
                }
                _ => pending.push(Removed {
                    text: b.text.clone(),
                    reason: reason.to_string(),
                    before: None,
                    at: None,
                }),
            },
            Verdict::Keep => {
                let index = doc.paragraphs.len();
                for mut r in pending.drain(..) {
                    r.before = Some(index);
                    doc.removed.push(r);
                }
                let next = next_kept(blocks, verdicts, i);
                let kind = if is_heading(b, next) {
                    ParagraphKind::Heading
                } else {
                    ParagraphKind::Body
                };
                doc.paragraphs.push(Paragraph {
                    index,
                    kind,
                    text: b.text.clone(),
                });
            }
        }
    }
    doc.removed.append(&mut pending);
}

fn next_kept<'a>(blocks: &'a [Block], verdicts: &[Verdict], i: usize) -> Option<&'a Block> {
    (i + 1..blocks.len())
        .find(|&j| verdicts[j] == Verdict::Keep)
        .map(|j| &blocks[j])
}

/// A heading: marked as one by the input, or a short line without closing
/// punctuation that opens what follows (a paragraph, not another short
/// line).
pub fn is_heading(b: &Block, next: Option<&Block>) -> bool {
    match b.kind {
        BlockKind::Heading(_) => return true,
        BlockKind::Item | BlockKind::Code => return false,
        BlockKind::Line => {}
    }
    let Some(next) = next else {
        return false;
    };
    looks_like_heading(&b.text)
        && (next.kind == BlockKind::Line || next.kind == BlockKind::Item)
        && (count_words(&next.text) > 12 || ends_sentence(&next.text))
        && !looks_like_heading(&next.text)
}

/// A short line with no closing punctuation that starts with a capital or
/// a digit.
pub fn looks_like_heading(text: &str) -> bool {
    let words = count_words(text);
    let last = text.chars().last().unwrap_or('.');
    (1..=14).contains(&words)
        && text.chars().count() <= 100
        && !matches!(
            last,
            '.' | '!' | '?' | ':' | ';' | ',' | '"' | '”' | '’' | '\'' | '»' | ')' | '…'
        )
        && text.starts_with(|c: char| c.is_uppercase() || c.is_numeric() || c == '“' || c == '"')
}

/// The dateline opens the first body paragraph ("BAMAKO, ...").
fn split_first_dateline(doc: &mut Document) {
    let Some(first) = doc
        .paragraphs
        .iter_mut()
        .find(|p| p.kind == ParagraphKind::Body)
    else {
        return;
    };
    if first.index > 2 {
        return;
    }
    if let Some(d) = dateline::split(&first.text) {
        doc.dateline = Some(d.place);
        if doc.date.is_none() {
            doc.date = d.date;
        }
        first.text = d.rest;
    }
}

/// Cut inline debris out of every paragraph, recording each cut in place.
fn cut_inline_debris(doc: &mut Document) {
    for p in &mut doc.paragraphs {
        let (text, cuts) = debris::cut_debris(&p.text);
        if cuts.is_empty() {
            continue;
        }
        p.text = text;
        for cut in cuts {
            doc.removed.push(Removed {
                text: cut.text,
                reason: cut.reason.to_string(),
                before: Some(p.index),
                at: Some(cut.at),
            });
        }
    }
    doc.removed
        .sort_by_key(|r| (r.before.unwrap_or(usize::MAX), r.at.is_some()));
}

/// A paragraph that was nothing but a dateline or debris is gone: the
/// others are numbered again, and what was removed before or inside it
/// now stands before the next paragraph.
fn drop_empty_paragraphs(doc: &mut Document) {
    if doc.paragraphs.iter().all(|p| !p.text.trim().is_empty()) {
        return;
    }
    let mut new_index = Vec::with_capacity(doc.paragraphs.len());
    let mut kept = 0;
    for p in &doc.paragraphs {
        new_index.push(kept);
        kept += usize::from(!p.text.trim().is_empty());
    }
    let emptied: Vec<bool> = doc
        .paragraphs
        .iter()
        .map(|p| p.text.trim().is_empty())
        .collect();
    doc.paragraphs.retain(|p| !p.text.trim().is_empty());
    for (i, p) in doc.paragraphs.iter_mut().enumerate() {
        p.index = i;
    }
    for r in &mut doc.removed {
        if let Some(before) = r.before {
            if emptied.get(before) == Some(&true) {
                r.at = None;
            }
            r.before = Some(new_index.get(before).copied().unwrap_or(kept)).filter(|&i| i < kept);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::segment;

    fn doc(text: &str) -> Document {
        assemble("t.txt", segment::blocks(text), Hints::default())
    }

    #[test]
    fn title_paragraphs_and_heading() {
        let d = doc(
            "A title\n\nFirst paragraph of the story, which is long enough to read as prose.\n\nA heading line\n\nSecond paragraph of the story, which is long enough to read as prose.",
        );
        assert_eq!(d.title, "A title");
        assert_eq!(d.paragraphs.len(), 3);
        assert_eq!(d.paragraphs[1].kind, ParagraphKind::Heading);
        assert_eq!(d.paragraphs[2].index, 2);
    }

    #[test]
    fn the_headline_repeated_under_a_page_title_becomes_the_title() {
        let d = doc(
            "Ferry terminal to close - The Harbour Times\nMenu\nFerry terminal to close\n\
            The harbour board voted on Monday to close the old ferry terminal by the end of the year.",
        );
        assert_eq!(d.title, "Ferry terminal to close");
        assert_eq!(d.paragraphs.len(), 1);
        assert!(d.removed.iter().any(|r| r.reason == TITLE_REPEATED));
    }

    #[test]
    fn the_site_name_is_not_taken_for_the_headline() {
        let d = doc(
            "Ferry terminal to close | Harbour Times\nHarbour Times\nFerry terminal to close\n\
            The harbour board voted on Monday to close the old ferry terminal by the end of the year.",
        );
        assert_eq!(d.title, "Ferry terminal to close");
    }

    #[test]
    fn site_chrome_on_the_first_line_is_not_the_title() {
        let d = doc("Skip to main content\nMenu\nFerry terminal to close\n\
            The harbour board voted on Monday to close the old ferry terminal by the end of the year.");
        assert_eq!(d.title, "Ferry terminal to close");
    }

    #[test]
    fn a_site_name_on_the_first_line_gives_way_to_the_headline() {
        let d = doc(
            "Harbour Times\nMenu\nNews\nSport\nWeather\nSign In\nFerry terminal to close\nBy Jane Roe\n\
            The harbour board voted on Monday to close the old ferry terminal by the end of the year.\n\
            Share on Facebook\nPrivacy Policy",
        );
        assert_eq!(d.title, "Ferry terminal to close");
        assert_eq!(d.removed[0].text, "Harbour Times");
        assert_eq!(d.removed[0].reason, SITE_NAME);
        assert_eq!(d.paragraphs.len(), 1);
    }

    #[test]
    fn byline_and_date_fill_their_fields() {
        let d = doc(
            "Ferry terminal to close\n\nBy Jane Roe and Sam Poe\n\nPublished 4 March 2024\n\n\
            The harbour board voted on Monday to close the old ferry terminal by the end of the year.",
        );
        assert_eq!(d.byline.as_deref(), Some("Jane Roe and Sam Poe"));
        assert_eq!(d.date.as_deref(), Some("4 March 2024"));
        assert_eq!(d.paragraphs.len(), 1);
        assert!(
            d.removed
                .iter()
                .any(|r| r.reason == BYLINE && r.before == Some(0))
        );
    }

    #[test]
    fn dateline_with_a_currency_note_glued_on() {
        let d = doc(
            "Title here\n\nBAMAKO, ($1=558.00 XOF)Mali's prime minister said the country felt abandoned, learned",
        );
        assert_eq!(d.dateline.as_deref(), Some("BAMAKO"));
        assert_eq!(
            d.paragraphs[0].text,
            "Mali's prime minister said the country felt abandoned"
        );
        let cuts: Vec<_> = d.removed.iter().filter(|r| r.at.is_some()).collect();
        assert_eq!(cuts.len(), 2);
        assert_eq!(cuts[0].at, Some(0));
    }

    #[test]
    fn a_paragraph_of_debris_alone_goes_and_the_rest_is_renumbered() {
        let d = doc(
            "Title here\n\nBAMAKO, ($1=558.00 XOF)\n\nThe talks resumed on Monday, officials said.",
        );
        assert_eq!(d.paragraphs.len(), 1);
        assert_eq!(d.paragraphs[0].index, 0);
        let note = d
            .removed
            .iter()
            .find(|r| r.text == "($1=558.00 XOF)")
            .unwrap();
        assert_eq!((note.before, note.at), (Some(0), None));
    }

    #[test]
    fn a_long_first_line_is_a_paragraph_and_the_file_name_the_title() {
        let long = "The harbour board voted on Monday to close the old ferry terminal by the end of the year, after a decade of falling passenger numbers and rising repair bills that the council said it could no longer afford.";
        let d = assemble(
            "notes/ferry-terminal.txt",
            segment::blocks(long),
            Hints::default(),
        );
        assert_eq!(d.title, "ferry-terminal");
        assert_eq!(d.paragraphs.len(), 1);
    }
}
