//! The article inside a page: which blocks are the story and which are the
//! page around it (menus, teasers, share bars, comments, footers).
//!
//! Text copied from a whole page has lost its markup, so the cues are the
//! text's own: an article is a run of long, sentence-like paragraphs; page
//! furniture is short lines without sentence punctuation, runs of them
//! (menus, teaser lists), link rows, date and author lines, known phrases
//! ([`super::boilerplate`]). Each block gets a weight (its words when it
//! reads as prose, a small cost when it does not, a large one for a
//! section that follows articles, such as related links, and a barrier for
//! a comment section), and the article is the run of blocks with the
//! largest total weight: one linear pass (the maximum-sum subarray), so a
//! 10,000-article library cleans quickly. Inside it, furniture still goes,
//! and a line repeated is kept once.
//!
//! An article saved on its own (little furniture, no menus) is not cut down
//! to a run: it loses only its explicit furniture and what follows a
//! comment section.

use std::collections::HashSet;

use super::block::{Block, BlockKind};
use super::boilerplate::{self, Ends, Furniture};
use super::meta;
use super::segment::{ends_sentence, is_truncated, starts_list_item};

/// What cleaning decided for a block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Part of the article.
    Keep,
    /// Not part of the article, for this reason.
    Drop(&'static str),
}

pub const BEFORE_ARTICLE: &str = "page furniture: before the article";
pub const AFTER_ARTICLE: &str = "page furniture: after the article";
pub const REPEATED: &str = "boilerplate: repeated line";
pub const NO_WORDS: &str = "boilerplate: no words";
pub const LINK_ROW: &str = "boilerplate: link row";
pub const META_LINE: &str = "boilerplate: date or author line";
pub const WHOLE_COPY: &str = "boilerplate: the article again, in one block";

/// Weight of a block that only ever follows an article (a comment
/// section's header): more than any article, so nothing after it joins.
const BARRIER_WEIGHT: i64 = -1_000_000;
/// Weight of a block that marks the end of an article (related links,
/// tags): more than a couple of paragraphs of prose, so the article stops
/// there unless much of it follows (a "Don't miss" box inside a story).
const END_OF_ARTICLE_WEIGHT: i64 = -40;
/// Weight of a date or author line: one inside the page's text comes with
/// a teaser of another article, so it nearly ends the article.
const META_LINE_WEIGHT: i64 = -30;
/// Weight of other furniture.
const FURNITURE_WEIGHT: i64 = -10;
/// Weight of a short line that reads as neither prose nor a list item
/// (a menu entry, a teaser headline, a caption fragment).
const SHORT_LINE_WEIGHT: i64 = -3;
/// Prose: at least this many words ending in sentence punctuation, or
/// twice as many without it.
const PROSE_WORDS: usize = 10;
/// A run of this many blocks that are not prose (a menu, a list of teaser
/// headlines) separates more than its lines one by one: each short line or
/// furniture line in it weighs `RUN_FACTOR` times more.
const RUN_LENGTH: usize = 4;
const RUN_FACTOR: i64 = 3;
/// The prose right under the headline repeated in the page opens the
/// article: it weighs this much more.
const HEADLINE_BONUS: i64 = 20;
/// A text with this many furniture lines, or this many short lines in
/// runs, is a whole page.
const PAGE_FURNITURE: usize = 3;
const PAGE_RUN_LINES: usize = 8;
/// A block this long that holds other paragraphs is a copy of the article.
const WHOLE_COPY_WORDS: usize = 150;
/// How many paragraphs are probed for in such a block.
const COPY_PROBES: usize = 8;

/// What [`judge`] found: a verdict per block, and whether the text is a
/// whole page (not an article saved on its own).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Judgement {
    pub verdicts: Vec<Verdict>,
    pub page: bool,
}

/// Judge every block. `decided` carries verdicts made before (the title and
/// its repeats); those blocks count as furniture here.
pub fn judge(blocks: &[Block], decided: &[Option<&'static str>]) -> Judgement {
    let copies = whole_copies(blocks);
    let furniture: Vec<Option<Furniture>> = blocks
        .iter()
        .zip(decided)
        .enumerate()
        .map(|(i, (b, d))| match d {
            Some(reason) => Some(Furniture::new(reason)),
            None if copies.contains(&i) => Some(Furniture::new(WHOLE_COPY)),
            None => furniture(b),
        })
        .collect();
    let mut weights: Vec<i64> = blocks
        .iter()
        .zip(&furniture)
        .map(|(b, f)| weight(b, *f))
        .collect();
    let runs = in_runs(&weights);
    weigh_runs(&mut weights, &runs);
    if let Some(first) = decided.iter().position(Option::is_some)
        && let Some(w) = weights[first..].iter_mut().find(|w| **w > 1)
    {
        *w += HEADLINE_BONUS;
    }
    let page = looks_like_a_page(&furniture, &runs);
    let region = if page {
        best_run(&weights).unwrap_or(0..blocks.len())
    } else {
        0..first_barrier(&weights)
    };
    let mut seen: HashSet<&str> = HashSet::new();
    let verdicts = blocks
        .iter()
        .zip(&furniture)
        .enumerate()
        .map(|(i, (b, f))| {
            if let Some(f) = f {
                return Verdict::Drop(f.reason);
            }
            if i < region.start {
                return Verdict::Drop(BEFORE_ARTICLE);
            }
            if i >= region.end {
                return Verdict::Drop(AFTER_ARTICLE);
            }
            if !seen.insert(b.text.as_str()) {
                return Verdict::Drop(REPEATED);
            }
            Verdict::Keep
        })
        .collect();
    Judgement { verdicts, page }
}

/// Very long blocks that hold the text of other paragraphs: the article
/// again in one piece (pages that print their metadata). A few paragraphs
/// are probed by their opening words, so the check stays linear.
fn whole_copies(blocks: &[Block]) -> HashSet<usize> {
    let probes: Vec<(usize, &str)> = blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| b.words() >= PROSE_WORDS && b.words() < WHOLE_COPY_WORDS)
        .map(|(i, b)| (i, opening(&b.text)))
        .take(COPY_PROBES)
        .collect();
    blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| b.words() >= WHOLE_COPY_WORDS)
        .filter(|(i, b)| {
            probes
                .iter()
                .filter(|(j, probe)| j != i && b.text.contains(probe))
                .count()
                >= 2
        })
        .map(|(i, _)| i)
        .collect()
}

/// The first 60 bytes of `text`, cut at a char boundary.
fn opening(text: &str) -> &str {
    let mut end = text.len().min(60);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Furniture by phrase, by link density, by being a date or author line,
/// or for holding no words at all.
fn furniture(b: &Block) -> Option<Furniture> {
    if b.kind == BlockKind::Code {
        return None;
    }
    if !b.text.chars().any(char::is_alphabetic) && b.text.split_whitespace().count() <= 3 {
        return Some(Furniture::new(NO_WORDS));
    }
    if b.link_density() > 0.6 && b.words() < 30 {
        return Some(Furniture::new(LINK_ROW));
    }
    boilerplate::line_reason_counted(&b.text, b.words()).or_else(|| {
        (meta::byline(&b.text).is_some() || meta::date(&b.text).is_some())
            .then_some(Furniture::new(META_LINE))
    })
}

/// The weight of a block in the search for the article.
fn weight(b: &Block, furniture: Option<Furniture>) -> i64 {
    if let Some(f) = furniture
        && f.reason == META_LINE
    {
        return META_LINE_WEIGHT;
    }
    if let Some(f) = furniture {
        return match f.ends {
            Ends::Surely => BARRIER_WEIGHT,
            Ends::Likely => END_OF_ARTICLE_WEIGHT,
            Ends::No => FURNITURE_WEIGHT,
        };
    }
    let words = b.words();
    let sentence = ends_sentence(&b.text);
    match b.kind {
        BlockKind::Heading(_) => return 0,
        BlockKind::Code => return words as i64 / 2,
        BlockKind::Item => return 1,
        BlockKind::Line => {}
    }
    if is_truncated(&b.text) {
        SHORT_LINE_WEIGHT
    } else if (sentence && words >= PROSE_WORDS) || words >= 2 * PROSE_WORDS {
        words as i64
    } else if (sentence && words >= 4) || starts_list_item(&b.text) {
        1
    } else {
        SHORT_LINE_WEIGHT
    }
}

/// Whether the text is a whole page (menus, link lists, furniture) rather
/// than an article saved on its own: only then is the article searched for
/// inside it. A saved article loses nothing but its explicit furniture.
fn looks_like_a_page(furniture: &[Option<Furniture>], in_runs: &[bool]) -> bool {
    let furniture_lines = furniture.iter().filter(|f| f.is_some()).count();
    let run_lines = in_runs.iter().filter(|r| **r).count();
    furniture_lines >= PAGE_FURNITURE || run_lines >= PAGE_RUN_LINES
}

/// The first block after some prose that only ever follows an article
/// (a comment section), or the end.
fn first_barrier(weights: &[i64]) -> usize {
    let first_prose = weights.iter().position(|w| *w > 0).unwrap_or(weights.len());
    weights[first_prose..]
        .iter()
        .position(|w| *w == BARRIER_WEIGHT)
        .map_or(weights.len(), |i| first_prose + i)
}

/// Which blocks stand in a run of at least `RUN_LENGTH` blocks that are
/// not prose (weight zero or less).
fn in_runs(weights: &[i64]) -> Vec<bool> {
    let mut out = vec![false; weights.len()];
    let mut i = 0;
    while i < weights.len() {
        let len = weights[i..].iter().take_while(|w| **w <= 0).count();
        if len >= RUN_LENGTH {
            out[i..i + len].iter_mut().for_each(|r| *r = true);
        }
        i += len.max(1);
    }
    out
}

/// Weigh short lines and furniture in long runs more heavily.
fn weigh_runs(weights: &mut [i64], in_runs: &[bool]) {
    for (w, run) in weights.iter_mut().zip(in_runs) {
        if *run && *w >= FURNITURE_WEIGHT {
            *w *= RUN_FACTOR;
        }
    }
}

/// The run of blocks with the largest total weight (Kadane's algorithm), or
/// `None` when no run weighs anything (a text with no prose at all).
fn best_run(weights: &[i64]) -> Option<std::ops::Range<usize>> {
    let (mut best, mut best_range) = (0i64, None);
    let (mut sum, mut start) = (0i64, 0usize);
    for (i, &w) in weights.iter().enumerate() {
        if sum <= 0 {
            sum = 0;
            start = i;
        }
        sum += w;
        if sum > best {
            best = sum;
            best_range = Some(start..i + 1);
        }
    }
    best_range
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<Block> {
        text.lines()
            .map(|l| Block::new(l.to_string(), BlockKind::Line, false))
            .collect()
    }

    fn kept(text: &str) -> Vec<String> {
        let blocks = lines(text);
        let verdicts = judge(&blocks, &vec![None; blocks.len()]).verdicts;
        blocks
            .into_iter()
            .zip(verdicts)
            .filter(|(_, v)| *v == Verdict::Keep)
            .map(|(b, _)| b.text)
            .collect()
    }

    const STORY: &str = "The harbour board voted on Monday to close the old ferry terminal by the end of the year.\n\
        Ferry operators said the decision left them with nowhere to berth during the busy summer season.\n\
        The board's chairwoman said a new terminal would open on the east bank within two years.";

    #[test]
    fn menus_before_and_links_after_the_story_are_dropped() {
        let page = format!(
            "Home\nNews\nSport\nWeather\nBusiness\nSign In\n{STORY}\nShare on Facebook\nRelated stories\n\
             Ferry fares to rise in spring as fuel costs climb across the region again.\n\
             Bridge repairs delayed by another month.\n"
        );
        assert_eq!(kept(&page), kept(STORY));
        assert_eq!(kept(STORY).len(), 3);
    }

    #[test]
    fn a_subheading_and_a_short_closing_line_stay_in_the_story() {
        let text = format!("{STORY}\nWhat happens next\n{STORY}\nNo date was set.");
        let k = kept(&text);
        assert!(k.contains(&"What happens next".to_string()));
        assert!(k.contains(&"No date was set.".to_string()));
    }

    #[test]
    fn furniture_inside_the_story_is_dropped() {
        let text = format!("{STORY}\nAdvertisement\n{STORY}");
        assert!(!kept(&text).contains(&"Advertisement".to_string()));
    }

    #[test]
    fn a_repeated_paragraph_is_kept_once() {
        let text = format!("{STORY}\n{STORY}");
        assert_eq!(kept(&text).len(), 3);
    }

    #[test]
    fn a_text_without_prose_keeps_everything_but_furniture() {
        assert_eq!(
            kept("Eggs\nFlour\nMilk\nShare on Facebook"),
            vec!["Eggs", "Flour", "Milk"]
        );
    }

    #[test]
    fn a_saved_article_keeps_its_short_lines() {
        let text = format!("{STORY}\nThe ferry timetable\nSummer\nWinter");
        assert_eq!(kept(&text).len(), 6);
    }

    #[test]
    fn the_article_again_in_one_block_is_dropped() {
        let one_block = STORY.replace('\n', " ").repeat(6);
        let text = format!("{STORY}\n{one_block}");
        assert_eq!(kept(&text), kept(STORY));
    }

    #[test]
    fn comments_after_the_story_are_cut_off() {
        let text = format!(
            "{STORY}\n12 Comments\nI have used this ferry for twenty years and it was always late, so good riddance.\n"
        );
        assert_eq!(kept(&text).len(), 3);
    }
}
