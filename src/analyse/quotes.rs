//! Quotes: what the article reports someone said. Quotation marks of every
//! style are paired (unbalanced marks recovered locally, a quotation may
//! run over paragraphs); each quotation is attributed by the reporting verb
//! around it ("…,” X said. / “…,” said X. / X said: “…”); reported speech
//! without marks ("X said that …", "According to X, …", "…, X added.") is
//! found from the reporting verbs; a quoted fragment inside reported speech
//! is a `partial` quote of its speaker.

use std::ops::Range;

use super::actors::ActorSet;
use super::coref::{self, Phrase, Speakers};
use super::cues::{self, Cue, CueClass};
use super::lexicon;
use super::sentences::{Kind, Para};
use crate::model::{Quote, QuoteKind};

/// Reporting verbs that take an object before their content ("told
/// reporters that", "assured them that").
const TAKES_OBJECT: &[&str] = &[
    "tell", "ask", "inform", "remind", "assure", "reassure", "warn", "urge", "promise", "thank",
];

/// A paired quotation inside one paragraph: token indices of the marks
/// (`close` is `None` when the quotation runs to the paragraph end).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Marked {
    pub open: usize,
    pub close: Option<usize>,
}

impl Marked {
    /// The tokens inside the marks.
    fn inner(&self, p: &Para) -> Range<usize> {
        self.open + 1..self.close.unwrap_or(p.tokens.len())
    }
}

/// An attribution: who (a phrase), by which cue, of which content.
#[derive(Debug, Clone)]
struct Attribution {
    source: Option<Phrase>,
    cue: String,
    content: Range<usize>,
    /// The token of the reporting word.
    cue_at: usize,
}

/// A quote being built (token ranges in its paragraph).
#[derive(Debug, Clone)]
struct Found {
    para: usize,
    content: Range<usize>,
    /// The last paragraph and its token range, for a quotation that runs on.
    end_part: Option<(usize, Range<usize>)>,
    kind: QuoteKind,
    source: Option<Phrase>,
    cue: Option<String>,
    text: String,
    /// Another part of the same quotation follows in the next paragraph.
    runs_on: bool,
}

/// A quote with its speaker as an entity of the [`ActorSet`]; the model's
/// actor id is filled in once every actor is known.
#[derive(Debug, Clone)]
pub struct Reported {
    pub quote: Quote,
    pub speaker: Option<usize>,
    /// The paragraph position and tokens of its (first part of) content.
    pub para: usize,
    pub tokens: Range<usize>,
}

/// Find every quote of the article and resolve its speaker.
pub fn extract(paras: &[Para], actors: &mut ActorSet) -> Vec<Reported> {
    let marks: Vec<Vec<Marked>> = pair_all(paras);
    let mut found: Vec<Found> = Vec::new();
    for (pi, p) in paras.iter().enumerate() {
        let mut mask = vec![false; p.tokens.len()];
        for m in &marks[pi] {
            let end = m.close.map_or(p.tokens.len(), |c| c + 1);
            mask[m.open..end].iter_mut().for_each(|x| *x = true);
        }
        let in_marks = |t: usize| mask.get(t).copied().unwrap_or(false);
        let mut attributions = attributions(p, pi, &in_marks);
        // reported speech that ends inside a quotation ends with it ("told
        // Fox that “they hit him. … They game the system.”")
        let enclosing =
            FirstReaching::new(&marks[pi], |m| m.open, |m| m.close.map_or(0, |c| c + 1));
        for a in &mut attributions {
            let last = a.content.end - 1;
            // the first mark opening before `last` that closes at or after
            // the content's end
            let end = a.content.end;
            if let Some(m) = enclosing.first(&marks[pi], |m| m.open < last, |e| e > end)
                && let Some(c) = m.close
            {
                a.content.end = c + 1;
            }
        }
        let start = found.len();
        direct_quotes(p, pi, &marks[pi], &attributions, &mut found);
        for a in &attributions {
            found.push(Found {
                para: pi,
                content: a.content.clone(),
                end_part: None,
                kind: QuoteKind::Indirect,
                source: a.source,
                cue: Some(a.cue.clone()),
                text: p.slice(a.content.start, a.content.end).to_string(),
                runs_on: false,
            });
        }
        sort_in_text_order(&mut found[start..]);
        continue_apostrophe_quotes(p, &mut found[start..]);
    }
    attribute_by_paragraph(paras, &marks, &mut found);
    let found = join_runs(paras, found);
    resolve(paras, &marks, actors, found)
}

/// Put a paragraph's quotes in order of their start, each quotation before
/// a report starting at the same word, keeping the order of ties. Only the
/// order is sorted, then the quotes are moved along its cycles: a stable
/// sort of the quotes themselves takes a buffer of half of them (tens of
/// megabytes on one long line).
fn sort_in_text_order(found: &mut [Found]) {
    let mut order: Vec<usize> = (0..found.len()).collect();
    order.sort_by_key(|&i| (found[i].content.start, found[i].kind != QuoteKind::Indirect));
    reorder(found, order);
}

/// Move `items` in place so that place `i` holds the item that was at
/// `order[i]` (`order` a permutation of the places).
fn reorder<T>(found: &mut [T], mut order: Vec<usize>) {
    // a place done is `usize::MAX`
    for i in 0..found.len().min(order.len()) {
        let mut place = i;
        while order[place] != usize::MAX {
            let from = std::mem::replace(&mut order[place], usize::MAX);
            if from == i {
                break;
            }
            found.swap(place, from);
            place = from;
        }
    }
}

/// Finds, among spans in text order, the first that starts early enough
/// and ends far enough, without comparing every span (a paragraph of one
/// 50 MB line holds hundreds of thousands of marks and reports).
///
/// `first(items, starts, reaches)` is the first item for which `starts`
/// (true for every start up to some bound: monotone in the start) and
/// `reaches(end)` (monotone: once an end reaches, every larger end does)
/// hold. A tree over the items in their order keeps, per node, the item
/// with the least start and the largest end below it: a node whose least
/// start does not start or whose largest end does not reach holds no
/// answer, so the search goes down the leftmost nodes that may. Items out
/// of order of their start (a report whose content comes before its
/// source) are searched the same way.
struct FirstReaching {
    /// Per node: (the item with the least start below it, or `NONE`; the
    /// largest end below it). Node 1 is the root; the children of node
    /// `n` are `2n` and `2n + 1`; item `i` is leaf `size + i`.
    nodes: Vec<(usize, usize)>,
    size: usize,
    len: usize,
}

impl FirstReaching {
    const NONE: usize = usize::MAX;

    fn new<T>(items: &[T], start: impl Fn(&T) -> usize, end: impl Fn(&T) -> usize) -> Self {
        let len = items.len();
        let size = len.next_power_of_two();
        let mut nodes = vec![(Self::NONE, 0); 2 * size];
        for (i, x) in items.iter().enumerate() {
            nodes[size + i] = (i, end(x));
        }
        let starts: Vec<usize> = items.iter().map(start).collect();
        for n in (1..size).rev() {
            let ((a, end_a), (b, end_b)) = (nodes[2 * n], nodes[2 * n + 1]);
            let least = if a == Self::NONE || (b != Self::NONE && starts[b] < starts[a]) {
                b
            } else {
                a
            };
            nodes[n] = (least, end_a.max(end_b));
        }
        FirstReaching { nodes, size, len }
    }

    fn first<'a, T>(
        &self,
        items: &'a [T],
        starts: impl Fn(&T) -> bool,
        reaches: impl Fn(usize) -> bool,
    ) -> Option<&'a T> {
        if items.len() != self.len {
            // not the items the tree was built for: a plain scan
            return items
                .iter()
                .take(self.len)
                .enumerate()
                .find(|&(i, x)| starts(x) && reaches(self.nodes[self.size + i].1))
                .map(|(_, x)| x);
        }
        self.leftmost(1, items, &starts, &reaches)
            .map(|i| &items[i])
    }

    /// The first item under `node` that starts and reaches.
    fn leftmost<T>(
        &self,
        node: usize,
        items: &[T],
        starts: &impl Fn(&T) -> bool,
        reaches: &impl Fn(usize) -> bool,
    ) -> Option<usize> {
        let &(least, end) = self.nodes.get(node)?;
        if least == Self::NONE || !reaches(end) || !starts(&items[least]) {
            return None;
        }
        if node >= self.size {
            return Some(node - self.size);
        }
        self.leftmost(2 * node, items, starts, reaches)
            .or_else(|| self.leftmost(2 * node + 1, items, starts, reaches))
    }
}

fn pair_all(paras: &[Para]) -> Vec<Vec<Marked>> {
    paras
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let next_opens = paras.get(i + 1).is_some_and(|n| {
                n.tokens
                    .first()
                    .is_some_and(|t| t.kind == Kind::Mark && opening(n, 0))
            });
            pair_marks(p, next_opens)
        })
        .collect()
}

/// Whether the mark at token `i` opens a quotation: a curly opening mark,
/// or a straight one after a space, the start or an opening bracket.
fn opening(p: &Para, i: usize) -> bool {
    let t = p.tokens[i];
    let c = p.text[t.start..].chars().next().unwrap_or(' ');
    let before = p.text[..t.start].chars().next_back();
    let after = p.text[t.end..].chars().next();
    match c {
        '“' | '«' | '„' | '‘' | '‹' => true,
        // a closing mark typed at the start of a quotation: ”Fear. …
        '”' => before.is_none_or(char::is_whitespace) && after.is_some_and(char::is_alphanumeric),
        '»' | '’' | '›' => false,
        _ => {
            let space_before = before.is_none_or(|b| {
                b.is_whitespace() || matches!(b, '(' | '[' | '—' | '–' | '-' | '/')
            });
            let space_after = after.is_none_or(|a| {
                a.is_whitespace() || matches!(a, ',' | '.' | ';' | ':' | '!' | '?' | ')')
            });
            space_before && !space_after
        }
    }
}

fn is_double(p: &Para, i: usize) -> bool {
    let t = p.tokens[i];
    matches!(
        p.text[t.start..].chars().next(),
        Some('"' | '“' | '”' | '«' | '»' | '„' | '‟')
    )
}

/// Pair the double quotation marks of a paragraph. A mark that opens
/// inside an open quotation is nested; when the paragraph ends with the
/// outer quotation still open and the next paragraph does not continue it,
/// the first nested opening was a stray mark and pairing starts again
/// without it.
pub fn pair_marks(p: &Para, next_continues: bool) -> Vec<Marked> {
    let doubles: Vec<usize> = (0..p.tokens.len())
        .filter(|&i| p.tokens[i].kind == Kind::Mark && is_double(p, i))
        .collect();
    let mut ignored: Vec<usize> = Vec::new();
    loop {
        let (pairs, open, first_nested) = pair_once(p, &doubles, &ignored);
        match (open, first_nested) {
            (Some(o), Some(n)) if !next_continues && ignored.len() < 4 => {
                let _ = o;
                ignored.push(n);
            }
            (Some(o), _) => {
                let mut pairs = pairs;
                pairs.push(Marked {
                    open: o,
                    close: None,
                });
                pairs.sort_by_key(|m| m.open);
                return with_singles(p, pairs);
            }
            (None, _) => return with_singles(p, pairs),
        }
    }
}

/// One pairing pass: the pairs, the opening left open at the end, and the
/// first nested opening seen inside it.
fn pair_once(
    p: &Para,
    doubles: &[usize],
    ignored: &[usize],
) -> (Vec<Marked>, Option<usize>, Option<usize>) {
    let mut pairs = Vec::new();
    let mut outer: Option<usize> = None;
    let mut inner: Option<usize> = None;
    let mut first_nested: Option<usize> = None;
    for &i in doubles.iter().filter(|i| !ignored.contains(i)) {
        let opens = opening(p, i);
        match (outer, inner, opens) {
            (None, _, true) => outer = Some(i),
            (Some(_), None, true) => {
                inner = Some(i);
                first_nested = first_nested.or(Some(i));
            }
            (Some(_), Some(_), true) => inner = Some(i),
            (Some(_), Some(_), false) => inner = None,
            (Some(o), None, false) => {
                pairs.push(Marked {
                    open: o,
                    close: Some(i),
                });
                outer = None;
                first_nested = None;
            }
            (None, _, false) => {}
        }
    }
    (pairs, outer, first_nested)
}

/// Single-quoted fragments outside double quotation marks ("a ‘red line’"),
/// kept only when clearly opened and closed.
fn with_singles(p: &Para, mut pairs: Vec<Marked>) -> Vec<Marked> {
    let inside = |i: usize| {
        pairs
            .iter()
            .any(|m| m.open < i && m.close.is_none_or(|c| i < c))
    };
    let mut open: Option<usize> = None;
    let mut singles = Vec::new();
    for i in 0..p.tokens.len() {
        if p.tokens[i].kind != Kind::Mark || is_double(p, i) || inside(i) {
            continue;
        }
        let op = opening(p, i);
        match (open, op) {
            (None, true) => open = Some(i),
            (Some(o), false) => {
                let after = p.text[p.tokens[i].end..].chars().next();
                if after.is_none_or(|c| !c.is_alphanumeric()) && i - o <= 30 && i > o + 1 {
                    singles.push(Marked {
                        open: o,
                        close: Some(i),
                    });
                }
                open = None;
            }
            _ => {}
        }
    }
    pairs.extend(singles);
    pairs.sort_by_key(|m| m.open);
    pairs
}

/// Reported speech in a paragraph: every reporting verb with a source and
/// a content.
fn attributions(p: &Para, pi: usize, in_marks: &dyn Fn(usize) -> bool) -> Vec<Attribution> {
    let mut out = Vec::new();
    if let Some(a) = transcript_line(p, pi) {
        out.push(a);
    }
    for s in &p.sentences {
        let (s0, s1) = (s.tokens.start, s.tokens.end);
        if let Some(a) = in_a_document(p, pi, s0, s1) {
            out.push(a);
            continue;
        }
        let mut main_source: Option<Phrase> = None;
        let mut k = s0;
        while k < s1 {
            if in_marks(k) || p.tokens[k].kind != Kind::Word {
                k += 1;
                continue;
            }
            if p.lower(k) == "according" && k + 1 < s1 && p.lower(k + 1) == "to" {
                if let Some(a) = according_to(p, pi, k, s0, s1) {
                    main_source = main_source.or(a.source);
                    out.push(a);
                }
                k += 2;
                continue;
            }
            let Some(cue) = p.cue(k) else {
                k += 1;
                continue;
            };
            if p.capitalised(k) && !p.starts_sentence(k) {
                k += 1;
                continue;
            }
            // a verb in an opening subordinate clause reports up to its comma
            let end = opening_subordinate(p, s0).filter(|&c| k < c).unwrap_or(s1);
            if let Some(a) = attribution_at(p, pi, k, cue, s0, end, main_source, in_marks) {
                main_source = main_source.or(a.source);
                out.push(a);
            }
            k += 1;
        }
    }
    drop_nested(out)
}

/// Drop an attribution nested in another one's content when it covers most
/// of it: "X said that Y described Z as …" is one report, not two.
fn drop_nested(mut list: Vec<Attribution>) -> Vec<Attribution> {
    // Only an attribution starting at or before `inner` and at most 5/3 its
    // length can hold it: those start in a window found by binary search
    // over the starts, so a paragraph of thousands of attributions (one
    // long line of text) is not a pass over every pair.
    let mut by_start: Vec<usize> = (0..list.len()).collect();
    by_start.sort_by_key(|&i| list[i].content.start);
    let starts: Vec<usize> = by_start.iter().map(|&i| list[i].content.start).collect();
    let keep: Vec<bool> = (0..list.len())
        .map(|b| {
            let inner = &list[b].content;
            let len = inner.end.saturating_sub(inner.start);
            let lowest = inner.end.saturating_sub(len * 5 / 3);
            let from = starts.partition_point(|&s| s < lowest);
            let to = starts.partition_point(|&s| s <= inner.start);
            !by_start[from..to.max(from)].iter().any(|&a| {
                let o = &list[a].content;
                if o == inner {
                    // one content read by two cues ("said, adding that
                    // …"): the cue nearer the content reports it
                    let near = |x: usize| (list[x].cue_at.abs_diff(inner.start), x);
                    return near(a) < near(b);
                }
                o.start <= inner.start
                    && inner.end <= o.end
                    && (inner.end - inner.start) * 5 >= (o.end - o.start) * 3
            })
        })
        .collect();
    let mut k = 0;
    list.retain(|_| {
        k += 1;
        keep[k - 1]
    });
    list
}

/// A transcript line: "WALLACE: Let's start with the debate." The speaker
/// is written in capitals before a colon that opens the paragraph.
fn transcript_line(p: &Para, pi: usize) -> Option<Attribution> {
    let colon = (1..p.tokens.len().min(4)).find(|&i| p.is(i, ':'))?;
    let caps = (0..colon).all(|i| {
        let w = p.word(i);
        p.tokens[i].kind == Kind::Word
            && w.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && !w.chars().any(char::is_lowercase)
    });
    if !caps {
        return None;
    }
    let content = trim(p, colon + 1, p.tokens.len())?;
    Some(Attribution {
        source: Some(Phrase {
            para: pi,
            start: 0,
            end: colon,
        }),
        cue: ":".to_string(),
        content,
        cue_at: colon,
    })
}

/// Documents whose findings a sentence reports ("In a poll released
/// Sunday, …").
const DOCUMENTS: &[&str] = &[
    "poll", "polls", "survey", "surveys", "study", "report", "analysis", "census", "tally",
    "average", "ranking", "audit", "review", "video", "footage", "filing", "filings", "records",
    "memo", "data",
];

/// "In a poll released Sunday, most voters …": a sentence that opens with
/// a document before a comma reports what the document found, unless a
/// verb of speech in the rest names a speaker of its own.
fn in_a_document(p: &Para, pi: usize, s0: usize, s1: usize) -> Option<Attribution> {
    if p.lower(s0) != "in" {
        return None;
    }
    let comma = (s0 + 1..s1.min(s0 + 20)).find(|&i| p.is(i, ','))?;
    if !(s0 + 1..comma).any(|i| DOCUMENTS.contains(&p.lower(i))) {
        return None;
    }
    if (comma..s1)
        .any(|i| finite_cue(p, i) && p.cue(i).is_some_and(|c| c.class == CueClass::Speech))
    {
        return None;
    }
    let content = trim(p, comma + 1, s1)?;
    Some(Attribution {
        source: Some(Phrase {
            para: pi,
            start: s0 + 1,
            end: comma,
        }),
        cue: "in".to_string(),
        cue_at: s0,
        content,
    })
}

/// "According to X, …" and "…, according to X."
fn according_to(p: &Para, pi: usize, k: usize, s0: usize, s1: usize) -> Option<Attribution> {
    let words_before = (s0..k).filter(|&i| p.tokens[i].kind == Kind::Word).count();
    // "according to exit polls", "according to a study last year": a
    // source that is no name runs to the comma or the sentence end
    let np = np_after(p, k + 2, s1).or_else(|| {
        let end = (k + 2..s1.min(k + 24))
            .find(|&i| p.is(i, ',') || p.is(i, '.') || p.is(i, ';'))
            .unwrap_or(s1);
        (end > k + 2 && (p.is(end, ',') == (words_before < 3) || end == s1)).then_some(k + 2..end)
    })?;
    let source = Some(Phrase {
        para: pi,
        start: np.start,
        end: np.end,
    });
    let content = if words_before < 3 {
        // the content follows the comma after the source, and after the
        // source's role between commas ("According to Ann Ko, an economist
        // at the bank, …")
        let mut comma = (np.end..s1).find(|&i| p.is(i, ','))?;
        if let Some(next) = apposed_role_end(p, comma, s1) {
            comma = next;
        }
        trim(p, comma + 1, s1)
    } else {
        let comma = (s0..k).rev().find(|&i| p.is(i, ','))?;
        if comma + 1 != k {
            return None;
        }
        trim(p, s0, comma)
    }?;
    Some(Attribution {
        source,
        cue: "according to".to_string(),
        cue_at: k,
        content,
    })
}

/// The comma closing a role set between commas after a source, whose
/// first comma is at `comma`: ", a political scientist at the university,".
fn apposed_role_end(p: &Para, comma: usize, s1: usize) -> Option<usize> {
    let first = comma + 1;
    if first >= s1 || !(p.has(first, lexicon::DETERMINER) || p.has(first, lexicon::ROLE)) {
        return None;
    }
    let next = (first..s1.min(first + 12)).find(|&i| p.is(i, ','))?;
    let role = (first..next).any(|i| p.has(i, lexicon::ROLE) && !p.capitalised(i));
    let verb = (first..next).any(|i| p.has(i, lexicon::AUXILIARY) || p.cue(i).is_some());
    (role && !verb).then_some(next)
}

/// The attribution a reporting verb at token `k` makes, if any.
#[allow(clippy::too_many_arguments)]
fn attribution_at(
    p: &Para,
    pi: usize,
    k: usize,
    cue: Cue,
    s0: usize,
    s1: usize,
    main_source: Option<Phrase>,
    in_marks: &dyn Fn(usize) -> bool,
) -> Option<Attribution> {
    let phrase = |r: Range<usize>| Phrase {
        para: pi,
        start: r.start,
        end: r.end,
    };
    let word = p.word(k).to_ascii_lowercase();
    // "the union's demand", "the states": nouns, not verbs
    if k > s0 && (possessive(p, k - 1) || p.has(k - 1, lexicon::DETERMINER)) {
        return None;
    }
    // "he's claiming that …": a participle after an auxiliary is the verb
    let progressive = cue.participle
        && k > s0
        && (p.has(k - 1, lexicon::AUXILIARY) || matches!(p.lower(k - 1), "'s" | "’s"));
    if cue.participle && !progressive {
        // ", saying that …": the source is the main clause's
        if !(k > s0 && p.is(k - 1, ',')) {
            return None;
        }
        let source = main_source.or_else(|| clause_subject(p, pi, s0, k - 1))?;
        let content =
            content_after(p, k, s1, cue, in_marks).and_then(|r| not_quotation(p, r, in_marks))?;
        return Some(Attribution {
            source: Some(source),
            cue: word,
            cue_at: k,
            content,
        });
    }
    // "… and said that …": a second verb of the clause's speaker
    if let Some(source) = main_source
        && coordinated(p, k, s0)
    {
        let content =
            content_after(p, k, s1, cue, in_marks).and_then(|r| not_quotation(p, r, in_marks))?;
        return Some(Attribution {
            source: Some(source),
            cue: word,
            cue_at: k,
            content,
        });
    }
    if let Some(np) = subject_before(p, k, s0) {
        if cue.bare && !bare_ok(p, np.clone(), k) {
            return None;
        }
        // "the poll found", "the data show": evidence comes from documents,
        // not from people ("Clinton had shown bad judgment")
        if cue.class == CueClass::Evidence
            && p.has(np.start, lexicon::DETERMINER | lexicon::CONJUNCTION)
            && p.capitalised(np.end - 1)
        {
            return None;
        }
        if let Some(content) =
            content_after(p, k, s1, cue, in_marks).and_then(|r| not_quotation(p, r, in_marks))
        {
            return Some(Attribution {
                source: Some(phrase(np)),
                cue: word,
                cue_at: k,
                content,
            });
        }
        // "The plan, she said, will fail.": the sentence around the aside
        if let Some(content) = around_aside(p, np.start, k, s0, s1, in_marks) {
            return Some(Attribution {
                source: Some(phrase(np)),
                cue: word,
                cue_at: k,
                content,
            });
        }
        // "…, X said." with the content before
        if cue.class == CueClass::Speech || cue.class == CueClass::Thought {
            let content = content_before(p, np.start, k, s0, s1, in_marks)?;
            return Some(Attribution {
                source: Some(phrase(np)),
                cue: word,
                cue_at: k,
                content,
            });
        }
        return None;
    }
    // "…, said X."
    if cue.class == CueClass::Speech
        && !cue.bare
        && k > s0
        && (p.is(k - 1, ',') || p.tokens[k - 1].kind == Kind::Mark)
    {
        let np = np_after(p, k + 1, s1)?;
        if !only_adjuncts(p, np.end, s1) {
            return None;
        }
        let content = content_before(p, k, k, s0, s1, in_marks)?;
        return Some(Attribution {
            source: Some(phrase(np)),
            cue: word,
            cue_at: k,
            content,
        });
    }
    None
}

/// Whether the verb at `k` is in the past and follows "and" or "but"
/// (with adverbs between), as the second verb of its clause ("she denied
/// the claim and insisted that …").
fn coordinated(p: &Para, k: usize, s0: usize) -> bool {
    if !finite_cue(p, k) || p.lower(k).ends_with('s') {
        return false;
    }
    let mut j = k;
    while j > s0 && j + 4 > k {
        j -= 1;
        if matches!(p.lower(j), "and" | "but") {
            return true;
        }
        if !(p.has(j, lexicon::ADVERB) || matches!(p.lower(j), "then" | "also" | "later")) {
            return false;
        }
    }
    false
}

/// Whether token `i` ends a possessive ("the union's", "voters'").
fn possessive(p: &Para, i: usize) -> bool {
    let w = p.lower(i);
    // "He's" is "he is"
    if matches!(w, "'s" | "’s") && i > 0 && p.has(i - 1, lexicon::PRONOUN) {
        return false;
    }
    w == "'s"
        || w == "’s"
        || w.ends_with("'s")
            && !matches!(
                w,
                "it's" | "that's" | "he's" | "she's" | "there's" | "what's" | "who's"
            )
        || (p.tokens[i].kind == Kind::Mark
            && i > 0
            && p.tokens[i - 1].end == p.tokens[i].start
            && p.lower(i - 1).ends_with('s'))
}

/// A bare verb form reports only after a plural or first-person subject or
/// an auxiliary ("they say", "officials say", "will say").
fn bare_ok(p: &Para, np: Range<usize>, k: usize) -> bool {
    let before = p.lower(k - 1);
    if lexicon::is(before, lexicon::AUXILIARY) {
        return true;
    }
    let head = p.lower(np.end - 1);
    let plural_noun = head.len() > 3
        && head.ends_with('s')
        && !head.ends_with("ss")
        && !p.capitalised(np.end - 1);
    matches!(head, "they" | "we" | "i" | "you") || plural_noun
}

/// The subject of the verb at `k`: auxiliaries, adverbs and a time before
/// the verb are skipped; an apposition or relative clause between commas
/// ("Flynn, a top surrogate, said") is skipped to the name before it, and
/// a name between commas after a title ("the minister, Ana Ruiz, said")
/// is the subject.
fn subject_before(p: &Para, k: usize, s0: usize) -> Option<Range<usize>> {
    let mut j = skip_parenthesis_back(p, k, s0);
    while j > s0
        && (p.has(j - 1, lexicon::AUXILIARY | lexicon::ADVERB)
            || is_time(p, j - 1)
            || matches!(p.lower(j - 1), "'s" | "’s"))
    {
        j -= 1;
    }
    if j == s0 {
        return None;
    }
    if p.is(j - 1, ',') || p.is(j - 1, '—') {
        let close = j - 1;
        let open = (s0.max(close.saturating_sub(30))..close)
            .rev()
            .find(|&i| p.is(i, ',') || p.is(i, '—'))?;
        if open + 1 >= close {
            return None;
        }
        let seg = open + 1..close;
        if (seg.start..seg.end).all(|i| p.capitalised(i) || p.has(i, lexicon::NAME_PARTICLE)) {
            return Some(seg);
        }
        let first = p.lower(seg.start);
        let skippable = matches!(
            first,
            "who"
                | "whose"
                | "which"
                | "a"
                | "an"
                | "the"
                | "one"
                | "citing"
                | "speaking"
                | "writing"
                | "in"
                | "on"
                | "at"
                | "during"
                | "according"
        ) || lexicon::is(first, lexicon::ROLE | lexicon::PREPOSITION)
            || p.tokens[seg.start].kind == Kind::Number
            || first.ends_with("ing")
            // "Jeff Lane, Holt’s campaign manager, said"
            || (seg.start..seg.end).any(|i| possessive(p, i))
                && (seg.start..seg.end).any(|i| p.has(i, lexicon::ROLE));
        if !skippable {
            return None;
        }
        return np_ending_at(p, open, s0).map(|np| name_before_aside(p, np, s0));
    }
    np_ending_at(p, j, s0)
}

/// "Ann Ko, the attorney general of Ohio, one of …, said": when the phrase
/// found is itself an aside after a comma and a name stands before it, the
/// name is the subject.
fn name_before_aside(p: &Para, np: Range<usize>, s0: usize) -> Range<usize> {
    let mut np = np;
    for _ in 0..3 {
        let aside = !p.capitalised(np.start) || p.has(np.start, lexicon::DETERMINER);
        if !(aside && np.start > s0 + 1 && p.is(np.start - 1, ',')) {
            break;
        }
        // the name must be a subject: capitalised, not a date, and not the
        // object of a preposition ("Earlier in September, the channel …")
        let subject = |r: &Range<usize>| {
            p.capitalised(r.start)
                && !p.has(r.start, lexicon::COMMON | lexicon::DETERMINER)
                && !(r.start..r.end).any(|k| p.has(k, lexicon::CALENDAR))
                && (r.start == s0 || !p.has(r.start - 1, lexicon::PREPOSITION))
        };
        match np_ending_at(p, np.start - 1, s0) {
            Some(before) if before.end < np.start && subject(&before) => np = before,
            _ => break,
        }
    }
    np
}

/// A time next to a verb ("said Tuesday", "on Thursday said").
fn is_time(p: &Para, i: usize) -> bool {
    let w = p.lower(i);
    // "last month", "this week": the noun with its word before
    let spans = |w: &str| matches!(w, "week" | "weekend" | "month" | "year");
    let before_span = |w: &str| matches!(w, "last" | "this" | "next");
    lexicon::is(w, lexicon::CALENDAR)
        || spans(w) && i > 0 && before_span(p.lower(i - 1))
        || before_span(w) && i + 1 < p.tokens.len() && spans(p.lower(i + 1))
        || matches!(
            w,
            "today"
                | "yesterday"
                | "tonight"
                | "earlier"
                | "later"
                | "morning"
                | "night"
                | "afternoon"
                | "evening"
        )
}

/// The noun phrase that ends just before token `j`: a pronoun, a name
/// (with its titles), or a description ("the minister", "an AFP source").
fn np_ending_at(p: &Para, j: usize, s0: usize) -> Option<Range<usize>> {
    // a party and state after a name: "Rep. Ann Ko (D-Md.)"
    let j = skip_parenthesis_back(p, j, s0);
    if j <= s0 {
        return None;
    }
    let last = j - 1;
    if p.tokens[last].kind != Kind::Word {
        return None;
    }
    let w = p.lower(last);
    if matches!(w, "he" | "she" | "they" | "it" | "i" | "we" | "who") {
        return (w != "who").then_some(last..j);
    }
    let function = lexicon::PRONOUN
        | lexicon::PREPOSITION
        | lexicon::CONJUNCTION
        | lexicon::AUXILIARY
        | lexicon::DETERMINER;
    if lexicon::is(w, function) && !p.capitalised(last) {
        return None;
    }
    if cues::cue(w).is_some() && !p.capitalised(last) {
        return None;
    }
    let mut i = j;
    loop {
        i = np_words_back(p, i, j, s0);
        // "Mr. Morgan of the Sierra Club", "a spokesman for the campaign"
        let det_here = i < j && p.has(i, lexicon::DETERMINER);
        let start = if det_here { i } else { i.min(j) };
        if start >= s0 + 2
            && matches!(
                p.lower(start - 1),
                "of" | "for" | "at" | "in" | "from" | "on"
            )
            && p.tokens[start - 2].kind == Kind::Word
            && (p.capitalised(start - 2) || p.has(start - 2, lexicon::ROLE | lexicon::SOURCE))
            && j - start < 8
        {
            i = start - 1;
            continue;
        }
        break;
    }
    // "that Trump" / "this Clinton": a conjunction, not a determiner
    if i + 1 < j
        && matches!(p.lower(i), "that" | "this" | "these" | "those")
        && p.capitalised(i + 1)
    {
        i += 1;
    }
    // a description needs a name or a determiner, or a plural head
    // ("officials say"); a lone adjective is not a source
    let head_cap = p.capitalised(last);
    let det = p.has(i, lexicon::DETERMINER);
    let plural = w.ends_with('s');
    (i < j && (head_cap || det || plural || lexicon::is(w, lexicon::ROLE | lexicon::SOURCE)))
        .then_some(i..j)
}

/// Walk back from `i` over the words of a noun phrase ending at `j`: names,
/// nouns and adjectives, name particles, up to and with a determiner.
fn np_words_back(p: &Para, mut i: usize, j: usize, s0: usize) -> usize {
    while i > s0 && j - i < 10 {
        let t = i - 1;
        let lw = p.lower(t);
        if p.tokens[t].kind == Kind::Mark && possessive(p, t) && t > s0 {
            i -= 1;
            continue;
        }
        if p.tokens[t].kind != Kind::Word {
            if p.is(t, ')') {
                let back = skip_parenthesis_back(p, i, s0);
                if back < i {
                    i = back;
                    continue;
                }
            }
            break;
        }
        if p.capitalised(t) {
            i -= 1;
        } else if lexicon::is(lw, lexicon::DETERMINER) {
            i -= 1;
            break;
        } else if lexicon::is(lw, lexicon::NAME_PARTICLE) && i < j && p.capitalised(i) {
            i -= 1;
        } else if lexicon::is(
            lw,
            lexicon::PREPOSITION | lexicon::CONJUNCTION | lexicon::PRONOUN | lexicon::AUXILIARY,
        ) || cues::cue(lw).is_some()
        {
            break;
        } else {
            i -= 1;
        }
    }
    i
}

/// The position before a bracketed aside that ends just before `j` ("Ann
/// Ko (D-Md.) said"), or `j` when there is none.
fn skip_parenthesis_back(p: &Para, j: usize, s0: usize) -> usize {
    if j == 0 || j <= s0 || !p.is(j - 1, ')') {
        return j;
    }
    (s0.max(j.saturating_sub(12))..j - 1)
        .rev()
        .find(|&k| p.is(k, '('))
        .unwrap_or(j)
}

/// The noun phrase that starts at token `i`: a pronoun, a name (with its
/// titles), or a description, without any apposition after a comma.
fn np_after(p: &Para, i: usize, s1: usize) -> Option<Range<usize>> {
    // "9/11 widow Ann Ko": a number before the words of a description
    if i + 1 < s1 && p.tokens[i].kind == Kind::Number && p.tokens[i + 1].kind == Kind::Word {
        return np_after(p, i + 1, s1).map(|r| i..r.end);
    }
    if i >= s1 || p.tokens[i].kind != Kind::Word {
        return None;
    }
    let w = p.lower(i);
    if matches!(
        w,
        "he" | "she" | "they" | "him" | "her" | "them" | "it" | "we" | "i"
    ) {
        return Some(i..i + 1);
    }
    let mut j = i;
    let starts =
        p.has(i, lexicon::DETERMINER | lexicon::ROLE | lexicon::SOURCE) || p.capitalised(i);
    if starts {
        j += 1;
        while j < s1 && j - i < 10 {
            let lw = p.lower(j);
            match p.tokens[j].kind {
                Kind::Word if p.capitalised(j) => j += 1,
                Kind::Word
                    if lexicon::is(lw, lexicon::NAME_PARTICLE)
                        && j + 1 < s1
                        && p.capitalised(j + 1) =>
                {
                    j += 1
                }
                Kind::Word
                    if matches!(lw, "of" | "for")
                        && j + 1 < s1
                        && (p.capitalised(j + 1) || p.lower(j + 1) == "the") =>
                {
                    j += 1
                }
                Kind::Word
                    if lexicon::is(
                        lw,
                        lexicon::PREPOSITION
                            | lexicon::CONJUNCTION
                            | lexicon::AUXILIARY
                            | lexicon::PRONOUN,
                    ) =>
                {
                    break;
                }
                Kind::Word if cues::cue(lw).is_some_and(|c| !c.participle) && !p.capitalised(j) => {
                    break;
                }
                Kind::Word if !p.capitalised(i) => j += 1,
                Kind::Number => j += 1,
                _ => break,
            }
        }
        // a name stops at its last capitalised word
        while j > i + 1
            && !p.capitalised(j - 1)
            && p.tokens[j - 1].kind == Kind::Word
            && p.capitalised(i)
        {
            j -= 1;
        }
        return Some(i..j);
    }
    None
}

/// Whether tokens `from..s1` hold only adjuncts of a reporting verb ("on
/// Tuesday", "in a statement", an apposition after a comma) and closing
/// punctuation.
fn only_adjuncts(p: &Para, from: usize, s1: usize) -> bool {
    let mut i = from;
    while i < s1 {
        if p.is(i, ',') {
            // an apposition or a participle runs to the sentence end
            return true;
        }
        if matches!(p.tokens[i].kind, Kind::Punct | Kind::Mark) {
            i += 1;
            continue;
        }
        let w = p.lower(i);
        let adjunct = is_time(p, i)
            || lexicon::is(
                w,
                lexicon::PREPOSITION | lexicon::DETERMINER | lexicon::TIME | lexicon::ADVERB,
            )
            || p.capitalised(i)
            || i - from < 8 && !is_clause_start(p, i);
        if !adjunct {
            return false;
        }
        i += 1;
    }
    true
}

/// Whether token `i` starts a clause of its own (a subject and a verb).
fn is_clause_start(p: &Para, i: usize) -> bool {
    matches!(
        p.lower(i),
        "that" | "he" | "she" | "they" | "we" | "i" | "it"
    )
}

/// The content after the reporting verb at `k`: after "that" (skipping an
/// object and adjuncts before it), after a colon, a to-infinitive for
/// verbs of intent, the object for verbs that judge, or the clause that
/// follows a verb of speech.
fn content_after(
    p: &Para,
    k: usize,
    s1: usize,
    cue: Cue,
    in_marks: &dyn Fn(usize) -> bool,
) -> Option<Range<usize>> {
    // the content's end, found only once there is content
    let end = |from: usize| clause_end(p, from, s1, in_marks);
    let mut i = k + 1;
    if i < s1 && matches!(p.lower(i), "out" | "up" | "on" | "back") && cue.lemma == "point" {
        i += 1;
    }
    // "accused X of fuelling the crisis that …": past the complement of a
    // verb that judges, "that" starts a relative clause, not the content
    let judges = cue.class == CueClass::Evaluate;
    if let Some(t) = that_ahead(p, i, s1)
        .filter(|&t| !judges || !(i..t).any(|j| JUDGED_FOR.contains(&p.lower(j))))
    {
        return trim(p, t + 1, end(t + 1));
    }
    if i < s1 && p.is(i, ':') {
        return trim(p, i + 1, end(i + 1));
    }
    if i >= s1
        || p.is(i, ',')
        || p.is(i, '.')
        || p.tokens[i].kind == Kind::Mark
            && in_marks(i + 1)
            && opening(p, i)
            && i + 1 < s1
            && p.capitalised(i + 1)
    {
        return None;
    }
    if TAKES_OBJECT.contains(&cue.lemma) {
        i = skip_object(p, i, s1);
    }
    match cue.class {
        CueClass::Intent => {
            // "declined to comment"
            if i < s1 && p.lower(i) == "to" {
                trim_to(p, i, end(i), 2)
            } else {
                None
            }
        }
        CueClass::Evaluate => {
            // a verb that ends its sentence judges nothing named
            if i >= s1 || p.has(i, lexicon::PREPOSITION) && p.lower(i) != "for" {
                return None;
            }
            // "endorsed Ruiz on Tuesday": the time is the verb's, not the
            // content's; but "accused Ruiz on Tuesday of lying" goes on
            // to what Ruiz is accused of
            let s1 = end(i);
            let end = (i + 1..s1).find(|&j| is_time(p, j)).map_or(s1, |j| {
                if j + 1 < s1 && JUDGED_FOR.contains(&p.lower(j + 1)) {
                    s1
                } else if matches!(p.lower(j - 1), "on" | "last" | "this" | "early" | "late") {
                    j - 1
                } else {
                    j
                }
            });
            trim_to(p, i, end.max(i + 1).min(s1), evaluated_min(p, i))
        }
        CueClass::Speech | CueClass::Thought | CueClass::Evidence => {
            let verb_soon = (i + 1..(i + 6).min(s1))
                .take_while(|&j| p.tokens[j].kind == Kind::Word)
                .any(|j| p.has(j, lexicon::AUXILIARY));
            if i >= s1
                || (p.has(i, lexicon::PREPOSITION | lexicon::ADVERB) && !verb_soon)
                || is_time(p, i)
            {
                return None;
            }
            if matches!(
                p.lower(i),
                "as" | "so" | "nothing" | "something" | "it" | "this" | "that" | "yes" | "no"
            ) && i + 1 < s1
                && (p.is(i + 1, '.') || p.is(i + 1, ','))
            {
                return None;
            }
            trim(p, i, end(i))
        }
    }
}

/// The words that open what someone is judged for: "accused X of …",
/// "blamed X for …", "criticised X over …".
const JUDGED_FOR: &[&str] = &["of", "for", "over"];

/// Where reported content after its verb ends before the sentence does,
/// outside quotation marks: at a dash that opens the writer's aside ("said
/// the plan was “dead” — a blow to the mayor"), at ", but", and after a
/// quotation closed on a comma that a new clause follows ("called it
/// “a relief,” the vote having failed").
fn clause_end(p: &Para, a: usize, b: usize, in_marks: &dyn Fn(usize) -> bool) -> usize {
    (a + 2..b)
        .find(|&i| {
            !in_marks(i)
                && (matches!(p.word(i), "—" | "–" | "-")
                    || p.is(i - 1, ',') && p.lower(i) == "but"
                    || p.tokens[i - 1].kind == Kind::Mark
                        && in_marks(i - 1)
                        && p.is(i - 2, ',')
                        && p.tokens[i].kind == Kind::Word
                        && !matches!(p.lower(i), "and" | "or"))
        })
        .unwrap_or(b)
}

/// "that" within a short stretch after the verb, with nothing between that
/// ends a clause.
fn that_ahead(p: &Para, i: usize, s1: usize) -> Option<usize> {
    let mut j = i;
    while j < s1 && j - i < 16 {
        if p.lower(j) == "that" && p.tokens[j].kind == Kind::Word {
            return Some(j);
        }
        // "said Cairo would not accept any deal that …": a clause already
        if p.has(j, lexicon::AUXILIARY) && j > i {
            return None;
        }
        if matches!(p.tokens[j].kind, Kind::Mark) || p.is(j, ':') || p.is(j, ';') {
            return None;
        }
        if p.tokens[j].kind == Kind::Word
            && !p.capitalised(j)
            && p.cue(j).is_some_and(|c| !c.participle)
        {
            return None;
        }
        j += 1;
    }
    None
}

/// The token after the object of "told", "asked": a pronoun, a name, or a
/// short description ("reporters", "the committee").
fn skip_object(p: &Para, i: usize, s1: usize) -> usize {
    if i >= s1 {
        return i;
    }
    if matches!(
        p.lower(i),
        "him"
            | "her"
            | "them"
            | "us"
            | "me"
            | "reporters"
            | "journalists"
            | "lawmakers"
            | "supporters"
    ) {
        return i + 1;
    }
    if let Some(np) = np_after(p, i, s1)
        && np.end - np.start <= 6
    {
        return np.end;
    }
    i
}

/// The content before a source at the end of a sentence ("…, X said."):
/// from the sentence start to the comma before the source.
fn content_before(
    p: &Para,
    np_start: usize,
    k: usize,
    s0: usize,
    s1: usize,
    in_marks: &dyn Fn(usize) -> bool,
) -> Option<Range<usize>> {
    if !only_adjuncts(p, k + 1, s1) {
        return None;
    }
    if np_start <= s0 {
        return None;
    }
    let end = comma_before(p, np_start - 1, s0)?;
    let r = trim(p, s0, end)?;
    let marked = (r.start..r.end).filter(|&i| in_marks(i)).count();
    // a quotation that opens the sentence, or that fills it, is direct
    let opens = p.tokens[r.start].kind == Kind::Mark && opening(p, r.start);
    if in_marks(r.start) && !opens || marked * 5 >= (r.end - r.start) * 4 {
        return None;
    }
    Some(r)
}

/// "The plan, she said, will fail.": a source and its verb set between
/// commas inside the reported sentence, which is the content around them.
fn around_aside(
    p: &Para,
    np_start: usize,
    k: usize,
    s0: usize,
    s1: usize,
    in_marks: &dyn Fn(usize) -> bool,
) -> Option<Range<usize>> {
    let after = if k + 1 < s1 && is_time(p, k + 1) {
        k + 2
    } else {
        k + 1
    };
    if after >= s1 || !p.is(after, ',') || np_start <= s0 || !p.is(np_start - 1, ',') {
        return None;
    }
    let before_words = (s0..np_start)
        .filter(|&i| p.tokens[i].kind == Kind::Word)
        .count();
    let after_words = (after..s1)
        .filter(|&i| p.tokens[i].kind == Kind::Word)
        .count();
    if before_words < 2 || after_words < 2 || (s0..s1).any(in_marks) {
        return None;
    }
    trim(p, s0, s1)
}

/// The comma at token `j`, or just before the one or two closing marks
/// there ("…,” he said" / "…,'' he said", where two apostrophes stand for
/// a closing mark).
fn comma_before(p: &Para, j: usize, s0: usize) -> Option<usize> {
    let mut c = j;
    while c > s0 && c + 2 > j && p.tokens[c].kind == Kind::Mark {
        c -= 1;
    }
    p.is(c, ',').then_some(c)
}

/// "'' We will stay,'' Ann Ko said. ''The town needs us.''": where two
/// apostrophes stand for quotation marks, the sentences in them that follow
/// a report of the same paragraph, with no verb of speech of their own, go
/// on with it.
fn continue_apostrophe_quotes(p: &Para, found: &mut [Found]) {
    for f in found.iter_mut() {
        if f.kind != QuoteKind::Indirect || apostrophes_open(p, f.content.start).is_none() {
            continue;
        }
        let Some(mut s) = p.sentence_of(f.content.end.saturating_sub(1)) else {
            continue;
        };
        // a quotation that runs over sentences goes on to its closing pair
        let mut end: Option<Range<usize>> = None;
        if !closes_apostrophes(p, f.content.start..p.sentences[s].tokens.end) {
            while s + 1 < p.sentences.len() {
                s += 1;
                let r = p.sentences[s].tokens.clone();
                end = Some(end.map_or(r.clone(), |e| e.start..r.end));
                if closes_apostrophes(p, r) {
                    break;
                }
            }
        }
        while s + 1 < p.sentences.len() {
            s += 1;
            let r = p.sentences[s].tokens.clone();
            // a sentence with its own verb of speech is a report of its own
            let own = r
                .clone()
                .any(|t| finite_cue(p, t) && p.cue(t).is_some_and(|c| c.class == CueClass::Speech));
            let Some(open) = apostrophes_open(p, r.start) else {
                break;
            };
            if own {
                break;
            }
            end = Some(end.map_or(open..r.end, |e| e.start..r.end));
        }
        if let Some(e) = end {
            let text = p.slice(e.start, e.end);
            f.text.push(' ');
            f.text.push_str(text);
            f.end_part = Some((f.para, e));
        }
    }
}

/// Whether two apostrophes close a quotation within `r` (after a word or
/// a stop, before a space or the end).
fn closes_apostrophes(p: &Para, r: Range<usize>) -> bool {
    r.clone().skip(1).any(|j| {
        j + 1 < p.tokens.len()
            && apostrophe(p, j)
            && apostrophe(p, j + 1)
            && p.tokens[j].end == p.tokens[j + 1].start
            && p.text[p.tokens[j + 1].end..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric())
            && p.text[..p.tokens[j].start]
                .chars()
                .next_back()
                .is_some_and(|c| !c.is_whitespace())
    })
}

/// Where two apostrophes open a quotation at token `i`, or just before it
/// (the sentence splitter may leave one or both with the sentence before).
fn apostrophes_open(p: &Para, i: usize) -> Option<usize> {
    let pair = |j: usize| {
        j + 2 < p.tokens.len()
            && apostrophe(p, j)
            && apostrophe(p, j + 1)
            && p.tokens[j].end == p.tokens[j + 1].start
            && p.tokens[j + 1].end == p.tokens[j + 2].start
            && p.text[..p.tokens[j].start]
                .chars()
                .next_back()
                .is_none_or(char::is_whitespace)
    };
    (i.saturating_sub(2)..=i).rev().find(|&j| pair(j))
}

/// Whether token `i` is a straight or curly apostrophe standing alone.
fn apostrophe(p: &Para, i: usize) -> bool {
    p.tokens[i].kind == Kind::Mark && matches!(p.word(i), "'" | "’")
}

/// Reported content that is really a quotation in marks (it opens with a
/// mark, or holds one and ends where a quotation ends) belongs to the
/// quotation, not to reported speech.
fn not_quotation(
    p: &Para,
    r: Range<usize>,
    in_marks: &dyn Fn(usize) -> bool,
) -> Option<Range<usize>> {
    // "said that “…”": reported speech that quotes
    let after_that = (r.start.saturating_sub(2)..r.start).any(|i| p.lower(i) == "that");
    if after_that {
        return Some(r);
    }
    let first = p.tokens[r.start];
    let marked = (r.start..r.end).filter(|&i| in_marks(i)).count();
    let fills = marked * 5 >= (r.end - r.start) * 4;
    if (first.kind == Kind::Mark && opening(p, r.start) || in_marks(r.start)) && fills {
        return None;
    }
    Some(r)
}

/// Whether a reporting verb in the past or present, not a participle,
/// stands at token `i` ("noted", "says").
fn finite_cue(p: &Para, i: usize) -> bool {
    p.tokens[i].kind == Kind::Word
        && !p.capitalised(i)
        && p.cue(i).is_some_and(|c| !c.participle && !c.bare)
}

/// "… but noted that …" / "… and then added …": the speaker's second
/// report starts at the conjunction `i`.
fn second_report(p: &Para, i: usize, b: usize) -> bool {
    if !matches!(p.lower(i), "and" | "but") {
        return false;
    }
    let mut j = i + 1;
    while j < b && (p.has(j, lexicon::ADVERB) || p.lower(j) == "then") {
        j += 1;
    }
    j < b && finite_cue(p, j)
}

/// "…, Ann Ko insisted that …": a new speaker's report after a comma
/// (not an aside such as ", she said," inside the content).
fn new_report(p: &Para, i: usize, b: usize) -> bool {
    let i = i + usize::from(matches!(p.lower(i), "and" | "but" | "while"));
    let Some(np) = np_after(p, i, b) else {
        return false;
    };
    let mut k = np.end;
    while k < b && p.has(k, lexicon::ADVERB) {
        k += 1;
    }
    k + 1 < b && finite_cue(p, k) && !p.is(k + 1, ',') && !p.is(k + 1, '.')
}

/// A content range with opening words and closing punctuation trimmed; at
/// least three words long.
fn trim(p: &Para, a: usize, b: usize) -> Option<Range<usize>> {
    trim_to(p, a, b, 3)
}

/// [`trim`] with the fewest words a content may have.
fn trim_to(p: &Para, mut a: usize, mut b: usize, min_words: usize) -> Option<Range<usize>> {
    while a < b && p.tokens[a].kind == Kind::Punct {
        a += 1;
    }
    // ", saying …" and ", according to …" report on their own, as do a
    // second verb of the speaker and a new speaker's clause
    if let Some(c) = (a + 1..b).find(|&i| {
        p.is(i - 1, ',') && (p.lower(i) == "according" || p.cue(i).is_some_and(|c| c.participle))
            || second_report(p, i, b)
            || p.is(i - 1, ',') && new_report(p, i, b)
    }) {
        b = c;
    }
    while b > a && (p.tokens[b - 1].kind == Kind::Punct && !p.is(b - 1, ')')) {
        b -= 1;
    }
    let words = (a..b).filter(|&i| p.tokens[i].kind == Kind::Word).count();
    (words >= min_words.max(1)).then_some(a..b)
}

/// The fewest words the content of a verb that judges may have: one when
/// it starts with a name or a pronoun ("she endorsed Ruiz", "they opposed
/// it"), three otherwise.
fn evaluated_min(p: &Para, i: usize) -> usize {
    let named = p.tokens[i].kind == Kind::Word
        && (p.capitalised(i) || matches!(p.lower(i), "him" | "her" | "them" | "it"));
    if named { 1 } else { 3 }
}

/// Quotations in marks: attributed by the verb next to them, or taken as
/// a fragment of the reported speech they stand in.
fn direct_quotes(
    p: &Para,
    pi: usize,
    marks: &[Marked],
    attributions: &[Attribution],
    out: &mut Vec<Found>,
) {
    let mut last_direct: Option<usize> = None;
    let hosts = FirstReaching::new(attributions, |a| a.content.start, |a| a.content.end);
    for m in marks {
        let inner = m.inner(p);
        let words = inner
            .clone()
            .filter(|&i| p.tokens[i].kind == Kind::Word)
            .count();
        if words == 0 {
            continue;
        }
        // a title in marks ("“The Long Road Home”") names a work, unless a
        // colon or comma introduces it as speech
        if title_case_span(p, inner.clone())
            && !cue_before_colon(p, m.open)
            && after_quote(p, pi, m).is_none()
        {
            continue;
        }
        let text = quote_text(p, m);
        let host = hosts.first(
            attributions,
            |a| a.content.start <= m.open,
            |end| m.close.is_none_or(|c| c < end),
        );
        let embedded =
            m.open > 0 && p.tokens[m.open - 1].kind == Kind::Word && !cue_before_colon(p, m.open);
        if let Some(a) = host {
            out.push(Found {
                para: pi,
                content: inner,
                end_part: None,
                kind: QuoteKind::Partial,
                source: a.source,
                cue: Some(a.cue.clone()),
                text,
                runs_on: m.close.is_none(),
            });
            continue;
        }
        let attribution = after_quote(p, pi, m).or_else(|| {
            let (np, cue) = before_quote(p, pi, m)?;
            // a participle reports for the clause before it
            let np = np.or_else(|| {
                let sentence = p.sentence_of(m.open)?;
                let s0 = p.sentences[sentence].tokens.start;
                let main = attributions
                    .iter()
                    .rfind(|a| a.cue_at >= s0 && a.cue_at < m.open)
                    .and_then(|a| a.source);
                main.or_else(|| {
                    let d = last_direct?;
                    (out[d].para == pi).then_some(out[d].source?)
                })
                .or_else(|| clause_subject(p, pi, s0, m.open))
                .or_else(|| opening_subject(p, pi, s0))
            })?;
            Some((np, cue))
        });
        let attribution = attribution.or_else(|| embedded.then(|| within_report(p, pi, m))?);
        // “A,” and “B,” she said: A and B are one quotation
        if let Some((np, cue)) = &attribution
            && let Some(d) = out.len().checked_sub(1)
            && out[d].para == pi
            && out[d].source.is_none()
            && out[d].kind == QuoteKind::Direct
            && out[d].end_part.is_none()
            && joined_by_conjunction(p, out[d].content.end, m.open)
        {
            let prev = &mut out[d];
            prev.text.push(' ');
            prev.text.push_str(&text);
            prev.end_part = Some((pi, inner.clone()));
            prev.source = Some(*np);
            prev.cue = Some(cue.clone());
            last_direct = Some(d);
            continue;
        }
        let kind = if embedded && words < 8 {
            QuoteKind::Partial
        } else {
            QuoteKind::Direct
        };
        if kind == QuoteKind::Partial && attribution.is_none() {
            continue;
        }
        // “A,” X said. “B.” and “A,” X said, “B.”: B goes on with A
        let same_source = match &attribution {
            None => true,
            Some((np, cue)) => last_direct
                .is_some_and(|d| out[d].source == Some(*np) && out[d].cue.as_ref() == Some(cue)),
        };
        if same_source
            && kind == QuoteKind::Direct
            && let Some(d) = last_direct
            && out[d].source.is_some()
            && out[d].para == pi
            && out[d].end_part.as_ref().is_none_or(|e| e.0 == pi)
        {
            let prev = &mut out[d];
            prev.text.push(' ');
            prev.text.push_str(&text);
            prev.end_part = Some((pi, inner.clone()));
            prev.runs_on = m.close.is_none();
            continue;
        }
        // a title in marks ("“Fox and Friends”") or a word is not a quote
        if attribution.is_none() && (words < 4 || title_case_span(p, inner.clone())) {
            continue;
        }
        // "…, Ann Ko said. “…”": a quotation after a report goes on with it
        let attribution = attribution.or_else(|| {
            let sentence = p.sentence_of(m.open)?;
            let s0 = p.sentences[sentence.saturating_sub(2)].tokens.start;
            let a = attributions
                .iter()
                .rfind(|a| a.cue_at >= s0 && a.cue_at < m.open && a.content.end <= m.open)?;
            Some((a.source?, a.cue.clone()))
        });
        // "Ann Ko wrote in a statement. “….”": a report of nothing
        // introduces a quotation that is a whole sentence
        let attribution = attribution.or_else(|| {
            let close = m.close?;
            if close == 0 || p.is(close - 1, ',') {
                return None;
            }
            let sentence = p.sentence_of(m.open)?.checked_sub(1)?;
            let before = p.sentences[sentence].tokens.clone();
            let unquoted = !marks.iter().any(|o| before.contains(&o.open));
            let (np, cue) = unquoted
                .then(|| report_of_nothing(p, pi, before.start, before.end))
                .flatten()?;
            Some((np, cue?))
        });
        let (source, cue) = match attribution {
            Some((np, cue)) => (Some(np), Some(cue)),
            None => (None, None),
        };
        out.push(Found {
            para: pi,
            content: inner,
            end_part: None,
            kind,
            source,
            cue,
            text,
            runs_on: m.close.is_none(),
        });
        if kind == QuoteKind::Direct {
            last_direct = Some(out.len() - 1);
        }
    }
}

/// "Ann Ko called the levy “a tax on the young”" / "Tom Reed praised
/// the mayor for “keeping her word”": a quotation set inside a sentence
/// whose verb reports or judges is the words of that verb's subject.
fn within_report(p: &Para, pi: usize, m: &Marked) -> Option<(Phrase, String)> {
    let s0 = p.sentences[p.sentence_of(m.open)?].tokens.start;
    let k = (s0..m.open).rev().take(20).find(|&k| {
        k > s0 && !p.capitalised(k) && p.cue(k).is_some_and(|c| !c.participle && !c.bare)
    })?;
    // "Reed's proposed levy": an adjective, not a verb
    if matches!(p.lower(k - 1), "'s" | "’s") {
        return None;
    }
    let np = subject_before(p, k, s0)?;
    // a name, a pronoun or "the …" speaks ("a class called “Light”" does
    // not), in the main clause ("As he spoke, …" is not it)
    let speaks = p.capitalised(np.start) || p.has(np.start, lexicon::PRONOUN | lexicon::DETERMINER);
    let subordinate = (np.start.saturating_sub(1).max(s0)..=np.start).any(|i| {
        matches!(
            p.lower(i),
            "as" | "when" | "while" | "after" | "before" | "since" | "because" | "if" | "until"
        )
    });
    if !speaks || subordinate {
        return None;
    }
    let source = Phrase {
        para: pi,
        start: np.start,
        end: np.end,
    };
    Some((source, p.lower(k).to_string()))
}

/// The subject of a participle's clause ("On Monday, after a long silence,
/// the senator endorsed Ko, saying …"): the subject of the first verb in
/// the past (or reporting verb) before it, when that is a name, a pronoun or
/// a described person.
fn clause_subject(p: &Para, pi: usize, s0: usize, k: usize) -> Option<Phrase> {
    let verb = first_verb(p, s0, k)?;
    let np = subject_before(p, verb, s0)?;
    let person = p.capitalised(np.start) || p.has(np.start, lexicon::PRONOUN | lexicon::DETERMINER);
    // "in a statement credited": the object of a preposition is no subject
    let object = np.start > s0 && p.has(np.start - 1, lexicon::PREPOSITION);
    let opener = p.has(np.start, lexicon::PREPOSITION | lexicon::CONJUNCTION);
    (person && !object && !opener).then_some(Phrase {
        para: pi,
        start: np.start,
        end: np.end,
    })
}

/// Words that open a subordinate clause before the main one ("After Ko
/// spoke, Reed replied …").
const SUBORDINATORS: &[&str] = &[
    "after", "when", "while", "before", "since", "because", "if", "although", "though", "once",
    "until", "whether",
];

/// The first verb in the past (or reporting verb) of a sentence's main
/// clause, before `k`: a subordinate clause that opens the sentence is
/// passed over to its comma.
fn first_verb(p: &Para, s0: usize, k: usize) -> Option<usize> {
    let from = opening_subordinate(p, s0).map_or(s0, |comma| comma + 1);
    (from + 1..k).find(|&j| saying_verb(p, j) || p.lower(j) == "was")
}

/// The comma that ends a subordinate clause opening the sentence at `s0`.
fn opening_subordinate(p: &Para, s0: usize) -> Option<usize> {
    if !SUBORDINATORS.contains(&p.lower(s0)) {
        return None;
    }
    (s0 + 1..p.tokens.len().min(s0 + 40)).find(|&j| p.is(j, ','))
}

/// The subject that opens a sentence, when it is a pronoun or a name ("He
/// defended the remark, saying, “…”").
fn opening_subject(p: &Para, pi: usize, s0: usize) -> Option<Phrase> {
    let w = p.lower(s0);
    // "On Friday, …" / "After …, …" open no subject ("As Ko said, …" does)
    let opener = p.has(s0, lexicon::PREPOSITION) && w != "as" || SUBORDINATORS.contains(&w);
    let np = if matches!(w, "he" | "she" | "they" | "we" | "i") {
        s0..s0 + 1
    } else if p.capitalised(s0) && !p.has(s0, lexicon::COMMON | lexicon::DETERMINER) && !opener {
        let mut e = s0;
        while e < p.tokens.len() && p.capitalised(e) {
            e += 1;
        }
        s0..e
    } else {
        return None;
    };
    Some(Phrase {
        para: pi,
        start: np.start,
        end: np.end,
    })
}

/// Whether most words of a span are capitalised, as in the title of a book
/// or a show.
fn title_case_span(p: &Para, r: Range<usize>) -> bool {
    let words: Vec<usize> = r
        .filter(|&i| p.tokens[i].kind == Kind::Word && p.word(i).len() > 3)
        .collect();
    !words.is_empty() && words.iter().filter(|&&i| p.capitalised(i)).count() * 4 >= words.len() * 3
}

/// Whether only a closing mark, commas and "and"/"or" stand between the
/// end of one quotation's content and the opening of the next.
fn joined_by_conjunction(p: &Para, end: usize, open: usize) -> bool {
    (end..open).all(|i| {
        p.tokens[i].kind == Kind::Mark || p.is(i, ',') || matches!(p.lower(i), "and" | "or" | "but")
    }) && open > end
}

/// The text inside a quotation's marks.
fn quote_text(p: &Para, m: &Marked) -> String {
    let start = p.tokens[m.open].end;
    let end = m.close.map_or(p.text.len(), |c| p.tokens[c].start);
    p.text[start..end.max(start)].trim().to_string()
}

/// Whether a quotation follows "X said:" (a colon or a comma after a
/// reporting verb) rather than standing inside a sentence.
fn cue_before_colon(p: &Para, open: usize) -> bool {
    open >= 1 && (p.is(open - 1, ':') || p.is(open - 1, ','))
}

/// "…,” X said." / "…,” said X." / "…?” he asked.": the source after a
/// quotation, in its sentence.
fn after_quote(p: &Para, pi: usize, m: &Marked) -> Option<(Phrase, String)> {
    let close = m.close?;
    let mut i = close + 1;
    while i < p.tokens.len() && p.is(i, ',') {
        i += 1;
    }
    let end = (i..p.tokens.len())
        .find(|&j| {
            p.tokens[j].kind == Kind::Mark
                || p.is(j, '.')
                || p.is(j, '!')
                || p.is(j, '?')
                || p.is(j, ';')
        })
        .unwrap_or(p.tokens.len());
    if i >= end {
        return None;
    }
    let phrase = |r: Range<usize>| Phrase {
        para: pi,
        start: r.start,
        end: r.end,
    };
    // "“…” ― Ann Ko": a signature after a dash
    if matches!(p.word(i), "―" | "—" | "–" | "-") && p.capitalised(i + 1) {
        let np = np_after(p, i + 1, end)?;
        return Some((phrase(np), "―".to_string()));
    }
    // "said X"
    if let Some(c) = p.cue(i)
        && c.class == CueClass::Speech
        && !c.bare
        && !c.participle
    {
        let np = np_after(p, i + 1, end).or_else(|| described_name_after(p, i + 1, end))?;
        return Some((phrase(np), p.lower(i).to_string()));
    }
    // "X said", the verb within a few words; a cue word that is a noun
    // ("one of the states") is passed over
    (i..end.min(i + 32))
        .filter(|&k| !p.capitalised(k) && p.cue(k).is_some_and(|c| !c.participle))
        .find_map(|k| {
            let np = subject_before(p, k, i)?;
            // "“…” for criminal behavior, she said."
            let after_phrase = np.start > i && np.start - i <= 8 && p.is(np.start - 1, ',');
            (np.start == i || after_phrase).then(|| (phrase(np), p.lower(k).to_string()))
        })
        .or_else(|| speaker_after_speech(p, close, i, end).map(|(np, k)| (phrase(np), k)))
}

/// "said retired nurse Ann Ko": a few lower-case words describing a name
/// that follows them, read as one phrase with it.
fn described_name_after(p: &Para, i: usize, end: usize) -> Option<Range<usize>> {
    let stop = lexicon::PREPOSITION | lexicon::CONJUNCTION | lexicon::AUXILIARY | lexicon::PRONOUN;
    let name = (i..end.min(i + 5))
        .take_while(|&j| {
            p.tokens[j].kind == Kind::Number
                || p.tokens[j].kind == Kind::Word && (p.capitalised(j) || !p.has(j, stop))
        })
        .find(|&j| p.capitalised(j))?;
    if name == i {
        return None;
    }
    let np = np_after(p, name, end)?;
    Some(i..np.end)
}

/// Verbs in the past that are not formed with -ed but tell how words were
/// said ("“Sit down,” he shot back").
const IRREGULAR_SAYING: &[&str] = &[
    "shot", "spoke", "went", "began", "sang", "swore", "snapped", "bit", "broke", "struck",
    "threw", "drew", "put", "rang", "thought", "felt", "kept", "let",
];

/// Whether token `k` is a verb in the past, of any meaning ("barked",
/// "beamed", "shot"), or a reporting verb.
fn saying_verb(p: &Para, k: usize) -> bool {
    if p.tokens[k].kind != Kind::Word || p.capitalised(k) {
        return false;
    }
    let w = p.lower(k);
    (w.len() > 4 && w.ends_with("ed") && !p.has(k, lexicon::ADVERB | lexicon::PREPOSITION))
        || IRREGULAR_SAYING.contains(&w)
        || p.cue(k).is_some_and(|c| !c.participle && !c.bare)
}

/// "“…,” Ann Ko barked." / "“…!” beamed Ann Ko." / "“…?” the crowd
/// roared.": a quotation that ends in a comma, a question or an
/// exclamation mark is speech, so a name and a verb in the past right after
/// it give its speaker, whatever the verb. `i` is the token after the
/// quotation, `end` the end of its clause.
fn speaker_after_speech(
    p: &Para,
    close: usize,
    i: usize,
    end: usize,
) -> Option<(Range<usize>, String)> {
    if close == 0 || !(p.is(close - 1, ',') || p.is(close - 1, '?') || p.is(close - 1, '!')) {
        return None;
    }
    // "beamed Ann Ko"
    if saying_verb(p, i) && i + 1 < end && p.capitalised(i + 1) {
        let np = np_after(p, i + 1, end)?;
        return Some((np, p.lower(i).to_string()));
    }
    let opens = p.capitalised(i)
        || p.has(i, lexicon::DETERMINER)
        || matches!(p.lower(i), "he" | "she" | "they" | "we" | "i");
    if !opens {
        return None;
    }
    let mut j = i;
    while j < end
        && j - i < 8
        && (matches!(p.tokens[j].kind, Kind::Word | Kind::Number) || possessive(p, j))
        && !saying_verb(p, j)
    {
        j += 1;
    }
    let np = i..j;
    // "Ann Ko, the club's head, barked"
    if j < end && p.is(j, ',') {
        j = (j + 1..end.min(j + 24)).find(|&c| p.is(c, ','))? + 1;
    }
    while j < end && (p.has(j, lexicon::ADVERB) || is_time(p, j)) {
        j += 1;
    }
    (j < end && j > np.start && !np.is_empty() && saying_verb(p, j))
        .then(|| (np, p.lower(j).to_string()))
}

/// "X said: “…”" / "X told reporters, “…”": the source before a quotation,
/// in its sentence.
fn before_quote(p: &Para, pi: usize, m: &Marked) -> Option<(Option<Phrase>, String)> {
    if m.open == 0 {
        return None;
    }
    let s = p.sentence_of(m.open)?;
    let s0 = p.sentences[s].tokens.start;
    let k = (s0..m.open).rev().take(14).find(|&k| {
        p.tokens[k].kind == Kind::Word && (!p.capitalised(k) || k == s0) && p.cue(k).is_some()
    });
    // "The mayor demurred: “…”": any verb in the past before a colon
    let Some(k) = k else {
        let k = m.open.checked_sub(2)?;
        if !(p.is(m.open - 1, ':') && k > s0) {
            return None;
        }
        // "Ko delivered a blunt message to the board: “…”": the clause's subject
        if !saying_verb(p, k) {
            let verb = first_verb(p, s0, k)?;
            return Some((clause_subject(p, pi, s0, k), p.lower(verb).to_string()));
        }
        let np = subject_before(p, k, s0)?;
        let source = Phrase {
            para: pi,
            start: np.start,
            end: np.end,
        };
        return Some((Some(source), p.lower(k).to_string()));
    };
    // "After Ko spoke, Reed shot back, “…”": the verb of an opening
    // subordinate clause is not the quotation's
    if opening_subordinate(p, s0).is_some_and(|comma| k < comma) {
        let verb = first_verb(p, s0, m.open)?;
        return Some((clause_subject(p, pi, s0, m.open), p.lower(verb).to_string()));
    }
    // "Said Ann Ko: “…”"
    if k == s0 && p.capitalised(k) {
        let np = np_after(p, k + 1, m.open)?;
        return Some((
            Some(Phrase {
                para: pi,
                start: np.start,
                end: np.end,
            }),
            p.lower(k).to_string(),
        ));
    }
    // between the verb and the mark: an object, adjuncts, then ":" or ","
    if !(p.is(m.open - 1, ':') || p.is(m.open - 1, ',') || m.open == k + 1) {
        return None;
    }
    let cue = p.lower(k).to_string();
    let participle = cues::cue(&cue).is_some_and(|c| c.participle);
    if participle && k > s0 && p.is(k - 1, ',') {
        // "…,” he said, adding, “…”: the source of the clause before
        return Some((None, cue));
    }
    if participle && !(k > s0 && p.capitalised(k - 1)) {
        return None;
    }
    // "… and later said, “…”" / "He went on to say, “…”": the clause's subject
    let joined = k > s0 && (coordinated(p, k, s0) || p.lower(k - 1) == "to");
    let np = joined
        .then(|| clause_subject(p, pi, s0, k))
        .flatten()
        .or_else(|| {
            subject_before(p, k, s0).map(|np| Phrase {
                para: pi,
                start: np.start,
                end: np.end,
            })
        })?;
    Some((Some(np), cue))
}

/// A quotation with no source that opens its paragraph takes the source
/// named before it: the speaker introduced at the end of the paragraph
/// before ("X continued:"), or, when the paragraph holds nothing but
/// quotation, the last source of the paragraph before (news goes on
/// quoting the speaker it just named).
fn attribute_by_paragraph(paras: &[Para], marks: &[Vec<Marked>], found: &mut [Found]) {
    // the last source named in each paragraph so far (quotes are in text
    // order)
    let mut last_source: Vec<Option<(Phrase, Option<String>)>> = vec![None; paras.len()];
    for i in 0..found.len() {
        let f = &found[i];
        if f.source.is_none() && f.kind == QuoteKind::Direct && f.content.start <= 1 && f.para > 0 {
            let prev = &paras[f.para - 1];
            let by_colon = introduced_by_colon(prev, f.para - 1);
            let only_quoted = only_quotation(&paras[f.para], &marks[f.para]);
            let own = found.iter().any(|g| g.para == f.para && g.source.is_some());
            let alone = only_quoted && !own;
            // "“…”" then "tweeted Ann Ko." / "Ann Ko wrote on Monday." then "“…”"
            let closed = alone
                .then(|| {
                    let next = f.para + 1;
                    closed_by_report(paras.get(next)?, marks.get(next)?, next)
                })
                .flatten();
            let introduced = alone
                .then(|| introduced_by_report(prev, &marks[f.para - 1], f.para - 1))
                .flatten();
            let continued = alone.then(|| last_source[f.para - 1].clone()).flatten();
            if let Some((np, cue)) = by_colon.or(closed).or(introduced).or(continued) {
                found[i].source = Some(np);
                found[i].cue = cue;
            }
        }
        let f = &found[i];
        if let Some(np) = f.source {
            last_source[f.para] = Some((np, f.cue.clone()));
        }
    }
}

/// "… Ann Ko said of the plan:" / "Stated Ann Ko:" / "…, saying:": the
/// source a paragraph's last sentence introduces with a colon.
fn introduced_by_colon(prev: &Para, pi: usize) -> Option<(Phrase, Option<String>)> {
    let n = prev.tokens.len();
    if n < 2 || !prev.is(n - 1, ':') {
        return None;
    }
    let s0 = prev
        .sentence_of(n - 1)
        .map_or(0, |s| prev.sentences[s].tokens.start);
    let phrase = |r: Range<usize>| Phrase {
        para: pi,
        start: r.start,
        end: r.end,
    };
    let k = (s0..n - 1).rev().find(|&k| {
        prev.tokens[k].kind == Kind::Word
            && (!prev.capitalised(k) || k == s0)
            && prev.cue(k).is_some()
    })?;
    let cue = Some(prev.lower(k).to_string());
    // "Stated Ann Ko:"
    if k == s0 {
        return np_after(prev, k + 1, n - 1).map(|np| (phrase(np), cue));
    }
    // "…, saying:": the subject that opens the sentence
    if prev.cue(k).is_some_and(|c| c.participle) && prev.is(k - 1, ',') {
        return opening_subject(prev, pi, s0).map(|np| (np, cue));
    }
    subject_before(prev, k, s0).map(|np| (phrase(np), cue))
}

/// "Ann Ko wrote on Twitter.": a paragraph whose last sentence is a source
/// and a reporting verb with nothing reported (only when, where, how)
/// introduces the quotation that follows it.
fn introduced_by_report(
    prev: &Para,
    marks: &[Marked],
    pi: usize,
) -> Option<(Phrase, Option<String>)> {
    let n = prev.tokens.len();
    if n < 3 || !marks.is_empty() {
        return None;
    }
    let s0 = prev.sentences[prev.sentence_of(n - 1)?].tokens.start;
    report_of_nothing(prev, pi, s0, n)
}

/// "Ann Ko wrote on Twitter." as the sentence `s0..n` (its full stop
/// included): a source and a reporting verb with nothing reported.
fn report_of_nothing(
    prev: &Para,
    pi: usize,
    s0: usize,
    n: usize,
) -> Option<(Phrase, Option<String>)> {
    if n < s0 + 3 || !prev.is(n - 1, '.') {
        return None;
    }
    let k = (s0 + 1..n - 1).find(|&k| {
        !prev.capitalised(k)
            && prev
                .cue(k)
                .is_some_and(|c| c.class == CueClass::Speech && !c.participle && !c.bare)
    })?;
    // nothing reported after the verb: no "that …", no clause of its own,
    // and after a comma only a participle ("…, criticizing the board.")
    let reports = k + 1 < n - 1 && (prev.lower(k + 1) == "that" || is_clause_start(prev, k + 1));
    let clause_after_comma =
        (k + 1..n - 1).any(|i| prev.is(i, ',') && !prev.lower(i + 1).ends_with("ing"));
    if reports || clause_after_comma {
        return None;
    }
    let np = subject_before(prev, k, s0)?;
    let source = Phrase {
        para: pi,
        start: np.start,
        end: np.end,
    };
    Some((source, Some(prev.lower(k).to_string())))
}

/// "tweeted Ann Ko, a council member.": a paragraph that is nothing but a
/// reporting verb and its source closes the quotation before it, as
/// "“…,” tweeted Ann Ko." does in one paragraph.
fn closed_by_report(next: &Para, marks: &[Marked], pi: usize) -> Option<(Phrase, Option<String>)> {
    if !marks.is_empty() || next.sentences.len() != 1 || next.tokens.len() < 2 {
        return None;
    }
    let k = (0..next.tokens.len()).find(|&k| next.tokens[k].kind == Kind::Word)?;
    let speech = next
        .cue(k)
        .is_some_and(|c| c.class == CueClass::Speech && !c.participle && !c.bare);
    if !speech || next.capitalised(k) {
        return None;
    }
    let np = np_after(next, k + 1, next.tokens.len())
        .or_else(|| described_name_after(next, k + 1, next.tokens.len()))?;
    let source = Phrase {
        para: pi,
        start: np.start,
        end: np.end,
    };
    Some((source, Some(next.lower(k).to_string())))
}

/// Whether a paragraph holds nothing but quotation: every word is inside
/// quotation marks.
fn only_quotation(p: &Para, marks: &[Marked]) -> bool {
    !marks.is_empty()
        && (0..p.tokens.len()).all(|t| {
            p.tokens[t].kind != Kind::Word && p.tokens[t].kind != Kind::Number
                || marks
                    .iter()
                    .any(|m| m.open < t && m.close.is_none_or(|c| t < c))
        })
}

/// Join the parts of a quotation that runs over paragraphs into one quote.
fn join_runs(paras: &[Para], found: Vec<Found>) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::with_capacity(found.len());
    let mut open_run: Option<usize> = None;
    for f in found {
        if let Some(r) = open_run
            && f.para == out[r].end_part.as_ref().map_or(out[r].para, |e| e.0) + 1
            && f.kind == QuoteKind::Direct
            && f.content.start <= 1
        {
            let prev = &mut out[r];
            prev.text.push('\n');
            prev.text.push_str(&f.text);
            if prev.source.is_none() {
                prev.source = f.source;
                prev.cue = f.cue.clone();
            }
            let end = f.end_part.clone().unwrap_or((f.para, f.content.clone()));
            prev.end_part = Some(end);
            open_run = f.runs_on.then_some(r);
            let _ = paras;
            continue;
        }
        open_run = None;
        let runs_on = f.runs_on && f.kind == QuoteKind::Direct;
        out.push(f);
        if runs_on {
            open_run = Some(out.len() - 1);
        }
    }
    out
}

/// Resolve sources to actors, in text order, and build the model quotes.
fn resolve(
    paras: &[Para],
    marks: &[Vec<Marked>],
    actors: &mut ActorSet,
    mut found: Vec<Found>,
) -> Vec<Reported> {
    found.sort_by_key(|f| {
        (
            f.para,
            f.source.map_or(f.content.start, |s| {
                if s.para == f.para {
                    s.start.min(f.content.start)
                } else {
                    0
                }
            }),
        )
    });
    let quoted = |pi: usize, t: usize| {
        marks.get(pi).is_some_and(|ms| {
            ms.iter()
                .any(|m| m.open < t && m.close.is_none_or(|c| t < c))
        })
    };
    let mut speakers = Speakers::default();
    let mut out = Vec::with_capacity(found.len());
    // a map, not a list: an article of ten thousand quotes has as many
    // phrases, and a scan per quote made the pass quadratic
    let mut resolved: rustc_hash::FxHashMap<Phrase, Option<usize>> = Default::default();
    for f in found {
        let speaker = match f.source {
            Some(np) => match resolved.get(&np) {
                Some(&e) => e,
                None => {
                    let e = coref::resolve(paras, actors, &speakers, &quoted, np);
                    if let Some(e) = e {
                        speakers.record(np.para, np.start, e);
                    }
                    resolved.insert(np, e);
                    e
                }
            },
            None => None,
        };
        let p = &paras[f.para];
        let start = p.char_at(p.tokens[f.content.start].start);
        let (end_paragraph, end) = match &f.end_part {
            Some((ep, r)) => {
                let q = &paras[*ep];
                let e = q.char_at(q.tokens[r.end.saturating_sub(1).max(r.start)].end);
                ((*ep != f.para).then_some(q.index), e)
            }
            None => (None, p.char_at(p.tokens[f.content.end - 1].end)),
        };
        let speaker_text = f
            .source
            .map(|np| paras[np.para].slice(np.start, np.end).to_string());
        out.push(Built {
            para: f.para,
            tokens: f.content.clone(),
            speaker,
            speaker_text,
            text: f.text,
            kind: f.kind,
            cue: f.cue,
            paragraph: p.index,
            start,
            end: if end_paragraph.is_none() {
                end.max(start)
            } else {
                end
            },
            end_paragraph,
        });
    }
    out.into_iter()
        .enumerate()
        .map(|(n, b)| Reported {
            quote: Quote {
                id: format!("q{}", n + 1),
                speaker: None,
                speaker_text: b.speaker_text,
                text: b.text,
                kind: b.kind,
                cue: b.cue,
                paragraph: b.paragraph,
                start: b.start,
                end: b.end,
                end_paragraph: b.end_paragraph,
            },
            speaker: b.speaker,
            para: b.para,
            tokens: b.tokens,
        })
        .collect()
}

/// A quote with its speaker as an entity index, before ids are known.
struct Built {
    para: usize,
    tokens: Range<usize>,
    speaker: Option<usize>,
    speaker_text: Option<String>,
    text: String,
    kind: QuoteKind,
    cue: Option<String>,
    paragraph: usize,
    start: usize,
    end: usize,
    end_paragraph: Option<usize>,
}

#[cfg(test)]
mod tests {
    use super::{FirstReaching, reorder};
    use crate::model::{Article, Quote, QuoteKind};

    #[test]
    fn one_report_read_by_two_cues_is_one_quote() {
        let a = article(
            "“The talks went well,” Elena Sorin said, adding that both sides would meet again in May.",
        );
        let reports: Vec<&Quote> = a
            .quotes
            .iter()
            .filter(|q| q.kind == QuoteKind::Indirect)
            .collect();
        assert_eq!(reports.len(), 1, "{reports:?}");
        assert_eq!(reports[0].cue.as_deref(), Some("adding"));
    }

    #[test]
    fn an_accusation_runs_past_its_time_to_its_complement() {
        let a = article("Estonia accused Latvia on Friday of closing the border crossings.");
        let texts: Vec<&str> = a.quotes.iter().map(|q| q.text.as_str()).collect();
        assert_eq!(texts, ["Latvia on Friday of closing the border crossings"]);
    }

    #[test]
    fn a_relative_that_after_an_accusation_opens_no_report() {
        let a = article(
            "The mayor is accusing the governor of fuelling a panic that is blamed for the fuel shortages.",
        );
        let texts: Vec<&str> = a.quotes.iter().map(|q| q.text.as_str()).collect();
        assert_eq!(
            texts,
            ["the governor of fuelling a panic that is blamed for the fuel shortages"]
        );
    }

    #[test]
    fn quotes_are_moved_into_their_sorted_order() {
        let items: Vec<u32> = (0..50u32).map(|i| (i * 37 + 11) % 19).collect();
        let mut order: Vec<usize> = (0..items.len()).collect();
        order.sort_by_key(|&i| items[i]);
        let mut moved = items.clone();
        reorder(&mut moved, order);
        let mut sorted = items;
        sorted.sort();
        assert_eq!(moved, sorted);
    }

    #[test]
    fn the_first_reaching_span_is_the_one_a_scan_finds() {
        // spans out of order of their start, as a report whose content
        // comes before its source ("…, according to X") makes them
        let mut x: u32 = 7;
        let mut next = |m: u32| {
            x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            ((x >> 8) % m) as usize
        };
        for len in [0, 1, 2, 3, 5, 8, 31, 64, 100] {
            let spans: Vec<(usize, usize)> = (0..len)
                .map(|_| {
                    let a = next(200);
                    (a, a + 1 + next(40))
                })
                .collect();
            let tree = FirstReaching::new(&spans, |s| s.0, |s| s.1);
            for at in (0..260).step_by(3) {
                for far in (0..260).step_by(7) {
                    let starts = |s: &(usize, usize)| s.0 <= at;
                    let reaches = |e: usize| e > far;
                    let scan = spans.iter().find(|s| starts(s) && reaches(s.1));
                    assert_eq!(
                        tree.first(&spans, starts, reaches),
                        scan,
                        "{len} {at} {far}"
                    );
                }
            }
        }
    }

    fn article(body: &str) -> Article {
        crate::analyse_text("t.txt", &format!("Headline\n\n{body}"))
    }

    /// The quote holding `words`, its kind, its speaker's name.
    fn find<'a>(a: &'a Article, words: &str) -> (&'a Quote, Option<&'a str>) {
        let q = a
            .quotes
            .iter()
            .find(|q| q.text.contains(words))
            .unwrap_or_else(|| panic!("no quote {words:?} in {:?}", a.quotes));
        let name = q
            .speaker
            .as_deref()
            .and_then(|s| a.actor(s))
            .map(|x| x.name.as_str());
        (q, name)
    }

    #[test]
    fn quote_then_name_said() {
        let a =
            article("Mayor Ana Lima spoke first. “We will not give in to threats,” Ms. Lima said.");
        let (q, who) = find(&a, "give in to threats");
        assert_eq!((q.kind, who), (QuoteKind::Direct, Some("Ana Lima")));
        assert_eq!(q.speaker_text.as_deref(), Some("Ms. Lima"));
        assert_eq!(q.cue.as_deref(), Some("said"));
    }

    #[test]
    fn quote_then_said_name() {
        let a = article("“The bridge opens in May and tolls stay low,” said Tom Reed, the mayor.");
        let (q, who) = find(&a, "bridge opens");
        assert_eq!((q.kind, who), (QuoteKind::Direct, Some("Tom Reed")));
    }

    #[test]
    fn a_quotation_inside_a_judging_sentence_is_its_subject_s() {
        let a = article(
            "Governor Tom Reed last week warned of “a storm of unpaid bills that will land on every family in the county.”",
        );
        let (q, who) = find(&a, "unpaid bills");
        assert_eq!((q.kind, who), (QuoteKind::Direct, Some("Tom Reed")));
        assert_eq!(q.cue.as_deref(), Some("warned"));
        // not an adjective, a name given, or a clause that only sets the time
        for text in [
            "Tom Reed's proposed levy is “a tax on the young that nobody in this county voted for.”",
            "The county runs a class called “Light and Shadow in the Old Harbour Towns of the North.”",
            "As Tom Reed spoke on Monday, the crowd held signs reading “no levy without a vote in this county.”",
        ] {
            let a = article(text);
            assert!(
                a.quotes.iter().all(|q| q.speaker.is_none()),
                "{text}: {:?}",
                a.quotes
            );
        }
    }

    #[test]
    fn a_report_alone_in_its_paragraph_gives_the_quotation_its_source() {
        // the report before the quotation
        let a = article(
            "The council met on Monday.\n\nMayor Ana Lima wrote on Twitter late that night.\n\n“The harbour stays open all winter, whatever the board decides.”",
        );
        let (_, who) = find(&a, "harbour stays open");
        assert_eq!(who, Some("Ana Lima"));
        // the report after it, as embedded posts are often saved
        let a = article(
            "Mayor Ana Lima spoke first.\n\n“The harbour stays open all winter, whatever the board decides.”\n\ntweeted Tom Reed, a council member.",
        );
        let (_, who) = find(&a, "harbour stays open");
        assert_eq!(who, Some("Tom Reed"));
        // how and where it was said, then a participle, report nothing
        let a = article(
            "The council met on Monday.\n\nMayor Ana Lima wrote from the ferry while travelling home, criticizing the board.\n\n“The harbour stays open all winter, whatever the board decides.”",
        );
        let (_, who) = find(&a, "harbour stays open");
        assert_eq!(who, Some("Ana Lima"));
        // a sentence that reports nothing introduces nothing
        let a = article(
            "Mayor Ana Lima spoke first.\n\nTom Reed arrived on the ferry later that night.\n\n“The harbour stays open all winter, whatever the board decides.”",
        );
        let (_, who) = find(&a, "harbour stays open");
        assert_eq!(who, None);
    }

    #[test]
    fn name_said_colon_quote() {
        let a = article("Governor Tom Reed said: “The bridge opens in May and tolls stay low.”");
        let (q, who) = find(&a, "bridge opens");
        assert_eq!((q.kind, who), (QuoteKind::Direct, Some("Tom Reed")));
    }

    #[test]
    fn reported_speech_after_that() {
        let a = article(
            "Finance Minister Rosa Diaz said on Monday that the budget would be balanced by next year.",
        );
        let (q, who) = find(&a, "budget would be balanced");
        assert_eq!((q.kind, who), (QuoteKind::Indirect, Some("Rosa Diaz")));
        assert!(!q.text.starts_with("that"));
    }

    #[test]
    fn told_an_object_that() {
        let a = article(
            "Port director Anna Berg told reporters that the cranes would stay idle all week.",
        );
        let (q, who) = find(&a, "cranes would stay idle");
        assert_eq!((q.kind, who), (QuoteKind::Indirect, Some("Anna Berg")));
    }

    #[test]
    fn according_to_before_and_after() {
        let a = article(
            "According to Senator Paul Ito, the vote will be held next week. The plan was dropped late on Friday, according to Mr. Ito.",
        );
        let (q, who) = find(&a, "vote will be held");
        assert_eq!(
            (q.cue.as_deref(), who),
            (Some("according to"), Some("Paul Ito"))
        );
        let (q, who) = find(&a, "plan was dropped");
        assert_eq!((q.kind, who), (QuoteKind::Indirect, Some("Paul Ito")));
    }

    #[test]
    fn content_before_a_closing_source() {
        let a = article(
            "Mayor Tom Reed arrived. The bridge will open in May despite the delays, the mayor said.",
        );
        let (q, who) = find(&a, "bridge will open");
        assert_eq!((q.kind, who), (QuoteKind::Indirect, Some("Tom Reed")));
        assert_eq!(q.speaker_text.as_deref(), Some("the mayor"));
    }

    #[test]
    fn fragment_in_reported_speech_is_partial() {
        let a = article(
            "Foreign Minister Rosa Diaz called the blockade a “clear provocation” on Tuesday.",
        );
        let fragment = a
            .quotes
            .iter()
            .find(|q| q.kind == QuoteKind::Partial)
            .expect("partial");
        assert_eq!(fragment.text, "clear provocation");
        let who = fragment
            .speaker
            .as_deref()
            .and_then(|s| a.actor(s))
            .map(|x| x.name.as_str());
        assert_eq!(who, Some("Rosa Diaz"));
        assert!(
            a.quotes
                .iter()
                .any(|q| q.kind == QuoteKind::Indirect && q.text.contains("blockade"))
        );
    }

    #[test]
    fn a_quotation_split_by_its_source_is_one() {
        let a = article(
            "“We stay,” Ms. Ana Lima said. “We have always stayed, and we will stay again.”",
        );
        let (q, _) = find(&a, "We stay");
        assert!(q.text.contains("always stayed"));
        assert_eq!(
            a.quotes
                .iter()
                .filter(|q| q.kind == QuoteKind::Direct)
                .count(),
            1
        );
    }

    #[test]
    fn two_quotations_and_one_source() {
        let a = article(
            "Dr. Ana Lima wrote a letter. “The wards are full,” and “the staff are exhausted,” she said.",
        );
        let (q, who) = find(&a, "wards are full");
        assert!(q.text.contains("staff are exhausted"));
        assert_eq!(who, Some("Ana Lima"));
    }

    #[test]
    fn a_signature_after_a_dash() {
        let a = article("“I will vote for the first time this year.” ― Maria Gomez");
        let (q, _) = find(&a, "vote for the first time");
        assert_eq!(q.speaker_text.as_deref(), Some("Maria Gomez"));
    }

    #[test]
    fn a_source_ending_the_paragraph_before() {
        let a = article(
            "Mr. Tom Reed continued:\n\n“The bridge opens in May and the tolls will stay low for everyone.”",
        );
        let (_, who) = find(&a, "bridge opens");
        assert_eq!(who, Some("Tom Reed"));
    }

    #[test]
    fn a_participle_reports_for_its_sentence() {
        let a = article(
            "“The harbour is safe,” Ms. Ana Lima said, adding, “The ships will sail tomorrow as planned.”",
        );
        let (q, who) = find(&a, "ships will sail");
        assert_eq!((q.cue.as_deref(), who), (Some("adding"), Some("Ana Lima")));
    }

    #[test]
    fn a_participle_reports_for_the_subject_of_its_clause() {
        let a = article(
            "On Friday, after weeks of silence, Ana Lima backed the harbour plan, saying, “The ships will sail again by the spring.” Later that day the council met and Tom Reed opposed the levy, saying that it would hurt the fishing families.",
        );
        let (_, who) = find(&a, "ships will sail");
        assert_eq!(who, Some("Ana Lima"));
        let (q, who) = find(&a, "hurt the fishing");
        assert_eq!((q.kind, who), (QuoteKind::Indirect, Some("Tom Reed")));
    }

    #[test]
    fn a_second_verb_or_went_on_to_say_reports_for_the_clause_subject() {
        let a = article(
            "Tom Reed opened the meeting with a joke about the weather and then said, “We will vote on the bridge tonight.” Ana Lima went on to say, “The ferry is cheaper and it already runs.”",
        );
        let (_, who) = find(&a, "vote on the bridge");
        assert_eq!(who, Some("Tom Reed"));
        let (_, who) = find(&a, "ferry is cheaper");
        assert_eq!(who, Some("Ana Lima"));
    }

    #[test]
    fn a_colon_after_a_clause_gives_its_subject() {
        let a = article(
            "Ana Lima delivered a short message to the harbour board: “Open the locks before the storm comes in.”",
        );
        let (_, who) = find(&a, "Open the locks");
        assert_eq!(who, Some("Ana Lima"));
    }

    #[test]
    fn a_report_of_nothing_introduces_the_next_quotation() {
        let a = article(
            "The vote was close. Tom Reed, the head of the fishing union, said in a statement. “Our boats stay in the harbour until the quotas change.”",
        );
        let (_, who) = find(&a, "boats stay in the harbour");
        assert_eq!(who, Some("Tom Reed"));
    }

    #[test]
    fn reported_content_ends_at_an_aside_or_a_new_clause() {
        let a = article(
            "Ana Lima said the harbour plan was “dead in the water” — a blow to the mayor who had backed it. Tom Reed said the ferry was “too slow,” the timetable having slipped twice. Ben Ortiz said the fares were fair, but the council disagreed with him.",
        );
        let texts: Vec<&str> = a.quotes.iter().map(|q| q.text.as_str()).collect();
        assert!(
            texts.contains(&"the harbour plan was “dead in the water”"),
            "{texts:?}"
        );
        assert!(texts.contains(&"the ferry was “too slow,”"), "{texts:?}");
        assert!(texts.contains(&"the fares were fair"), "{texts:?}");
    }

    #[test]
    fn a_clause_subject_is_not_in_an_opening_subordinate_clause() {
        let a = article(
            "After Tom Reed mocked the budget in the debate, Ana Lima laughed: “I balanced four of them and you balanced none.”",
        );
        let (_, who) = find(&a, "balanced four");
        assert_eq!(who, Some("Ana Lima"));
    }

    #[test]
    fn party_and_state_after_a_name() {
        let a =
            article("“This bill is a disgrace for working families,” Rep. Ann Ko (D-Md.) said.");
        let (_, who) = find(&a, "bill is a disgrace");
        assert_eq!(who, Some("Ann Ko"));
    }

    #[test]
    fn a_stray_opening_mark_is_recovered() {
        // the second opening mark inside the first quotation has no partner
        let a = article(
            "“The floods came fast and “the dykes held for a day, but not more,” Mr. Tom Reed recalled. He said: “We rebuilt them.”",
        );
        let (q, who) = find(&a, "dykes held");
        assert_eq!((q.kind, who), (QuoteKind::Direct, Some("Tom Reed")));
        let (q, _) = find(&a, "We rebuilt them");
        assert_eq!(q.kind, QuoteKind::Direct);
    }

    #[test]
    fn a_quotation_runs_over_paragraphs() {
        let a = article(
            "Ms. Ana Lima said: “The first ward is full.\n\n“The second ward is full too, and we need help.”",
        );
        let (q, who) = find(&a, "first ward");
        assert!(q.text.contains("second ward"));
        assert_eq!(q.end_paragraph, Some(q.paragraph + 1));
        assert_eq!(who, Some("Ana Lima"));
    }

    #[test]
    fn a_reporting_word_after_a_possessive_is_a_noun() {
        let a = article("The union's demand for a rise was rejected by the board of the port.");
        assert!(a.quotes.iter().all(|q| q.cue.as_deref() != Some("demand")));
    }

    #[test]
    fn an_aside_after_a_described_source() {
        // the source is the described channel, not the date before it
        let a = article(
            "Late in May, the regional radio station KRX9, citing officials in Lima, said that the mine would close within a year.",
        );
        let (q, _) = find(&a, "mine would close");
        assert_eq!(
            q.speaker_text.as_deref(),
            Some("the regional radio station KRX9")
        );
        // and a name before two asides is the source
        let a = article(
            "“The river is rising,” Jorge Almeida, the district engineer, one of the few on duty, said at noon.",
        );
        let (_, who) = find(&a, "river is rising");
        assert_eq!(who, Some("Jorge Almeida"));
    }

    #[test]
    fn a_transcript_line_names_its_speaker() {
        let a = article(
            "HOST: Thank you for coming in this morning, Governor.\n\nREYES: It is a pleasure to be here with you.",
        );
        let (q, _) = find(&a, "pleasure to be here");
        assert_eq!(q.speaker_text.as_deref(), Some("REYES"));
        assert_eq!(q.cue.as_deref(), Some(":"));
    }

    #[test]
    fn titles_in_marks_are_not_quotes() {
        let a = article("She read “The Long Road Home Tonight” on the radio.");
        assert!(a.quotes.is_empty(), "{:?}", a.quotes);
    }

    #[test]
    fn a_quotation_after_a_report_goes_on_with_it() {
        let a = article(
            "The talks will resume in June, Ms. Ana Lima said. “Both sides want a deal before the summer.”",
        );
        let (_, who) = find(&a, "Both sides want a deal");
        assert_eq!(who, Some("Ana Lima"));
    }

    #[test]
    fn a_quotation_paragraph_goes_on_with_the_last_speaker() {
        let a = article(
            "“We will rebuild the pier by spring,” harbour master Lena Ortiz said on Monday.\n\n“The boats cannot wait another season.”",
        );
        let (q, who) = find(&a, "boats cannot wait");
        assert_eq!(who, Some("Lena Ortiz"));
        assert_eq!(q.speaker_text.as_deref(), Some("harbour master Lena Ortiz"));
    }

    #[test]
    fn a_paragraph_ending_in_a_colon_introduces_the_next_quotation() {
        let a = article(
            "Farmer Piet Visser, who has grown barley here for forty years, said of the drought:\n\n“Nobody alive has seen the river this low.”",
        );
        let (_, who) = find(&a, "river this low");
        assert_eq!(who, Some("Piet Visser"));
    }

    #[test]
    fn a_name_and_any_verb_after_spoken_words() {
        let a = article(
            "“Get off the stage,” Mayor Dan Holt barked at the heckler.\n\n“What a night this is!” beamed Ruth Ames of Millbrook.",
        );
        let (_, who) = find(&a, "Get off the stage");
        assert_eq!(who, Some("Dan Holt"));
        let (_, who) = find(&a, "What a night");
        assert_eq!(who, Some("Ruth Ames"));
    }

    #[test]
    fn an_aside_between_the_name_and_the_verb_after_a_quotation() {
        let a = article(
            "“We lost the match,” Jeff Lane, the club’s manager, said after a long pause. “The town will recover.”\n\n“We will fix the road,” Holt, after a short silence, said of the plan.",
        );
        let (q, who) = find(&a, "town will recover");
        assert_eq!(who, Some("Jeff Lane"));
        assert!(q.text.contains("We lost the match"));
        let (q, _) = find(&a, "fix the road");
        assert_eq!(q.speaker_text.as_deref(), Some("Holt"));
    }

    #[test]
    fn a_title_case_word_followed_by_a_speaker_is_speech() {
        let a = article(
            "“Safety,” said Tim Grant, a local farmer. “That is all people here talk about.”",
        );
        let (q, who) = find(&a, "all people here talk about");
        assert_eq!(who, Some("Tim Grant"));
        assert!(q.text.starts_with("Safety"));
    }

    #[test]
    fn two_apostrophes_close_a_report_and_its_next_sentences_go_on() {
        let a = article(
            "''We will keep the mill open all winter,'' said Ana Lima, who owns it. ''Nobody here wants to leave.''",
        );
        let (q, who) = find(&a, "keep the mill open");
        assert_eq!(who, Some("Ana Lima"));
        assert!(q.text.contains("Nobody here wants to leave"));
    }

    #[test]
    fn a_second_verb_of_the_speaker_ends_the_first_report() {
        let a = article(
            "The mayor conceded that the budget was late but noted that the council had approved it.",
        );
        let (q, _) = find(&a, "the budget was late");
        assert_eq!(q.text, "the budget was late");
    }

    #[test]
    fn a_new_speaker_after_a_comma_ends_the_report() {
        let a = article(
            "Officials said the ferry would sail on Friday, but Tom Reyes insisted that the engine was broken.",
        );
        let (q, _) = find(&a, "ferry would sail");
        assert_eq!(q.text, "the ferry would sail on Friday");
        let (_, who) = find(&a, "engine was broken");
        assert_eq!(who, Some("Tom Reyes"));
    }

    #[test]
    fn a_second_verb_after_and_reports_for_the_same_speaker() {
        let a = article(
            "Rosa Diaz praised the new library and later said that the town should build a second one.",
        );
        let (q, who) = find(&a, "build a second one");
        assert_eq!(who, Some("Rosa Diaz"));
        assert_eq!(q.cue.as_deref(), Some("said"));
    }

    #[test]
    fn a_described_name_after_said() {
        let a = article(
            "“The bridge is too narrow,” said retired nurse Ann Kolb of Greenfield. “Trucks scrape it daily.”",
        );
        let (q, who) = find(&a, "bridge is too narrow");
        assert_eq!(who, Some("Ann Kolb"));
        assert!(q.text.contains("Trucks scrape it daily"));
    }

    #[test]
    fn any_verb_in_the_past_before_a_colon_introduces_a_quotation() {
        let a = article("Coach Lena Park demurred: “Ask me again after the final.”");
        let (_, who) = find(&a, "Ask me again");
        assert_eq!(who, Some("Lena Park"));
    }

    #[test]
    fn a_verb_that_judges_takes_a_short_named_object() {
        let a = article(
            "The teachers union endorsed Ruiz on Tuesday.\n\nThe mayor declined to comment.",
        );
        let (q, who) = find(&a, "Ruiz");
        assert_eq!(q.text, "Ruiz");
        assert_eq!(who, None);
        assert_eq!(q.speaker_text.as_deref(), Some("The teachers union"));
        let (q, _) = find(&a, "to comment");
        assert_eq!(q.cue.as_deref(), Some("declined"));
    }

    #[test]
    fn a_verb_that_judges_at_the_end_of_a_paragraph_takes_nothing() {
        // the verb is the paragraph's last word or the one before it
        for text in [
            "The union endorsed",
            "Ann Ko opposed",
            "Mayor Ann Ko hits out again at Sen. Lee and the ‘failing’ board he runs, says parents have thanked her",
            "Ko lashes out at Lee, says parents have thanked her",
        ] {
            let a = article(text);
            assert!(a.quotes.iter().all(|q| !q.text.is_empty()), "{text}");
        }
    }

    #[test]
    fn according_to_a_source_with_a_role_between_commas() {
        let a = article(
            "According to Ann Ko, an economist at the harbour bank, prices will fall. According to Ann Ko, the harbour will close.",
        );
        let texts: Vec<&str> = a.quotes.iter().map(|q| q.text.as_str()).collect();
        assert_eq!(texts, ["prices will fall", "the harbour will close"]);
    }

    #[test]
    fn according_to_a_source_that_is_no_name() {
        let a = article(
            "According to exit polls in the county, most voters wanted a new school.\n\nThe ferry carried more cars than ever last year, according to harbour records.",
        );
        let (q, _) = find(&a, "most voters wanted");
        assert_eq!(q.speaker_text.as_deref(), Some("exit polls in the county"));
        let (q, _) = find(&a, "ferry carried more cars");
        assert_eq!(q.speaker_text.as_deref(), Some("harbour records"));
    }

    #[test]
    fn a_sentence_opening_with_a_poll_reports_its_finding() {
        let a = article(
            "In a county survey released Monday, most parents favored a later school start.\n\nIn the survey, the principal said parents were split.",
        );
        let (q, _) = find(&a, "most parents favored");
        assert_eq!(
            q.speaker_text.as_deref(),
            Some("a county survey released Monday")
        );
        let (q, _) = find(&a, "parents were split");
        assert_eq!(q.speaker_text.as_deref(), Some("the principal"));
    }

    #[test]
    fn a_source_set_between_commas_reports_the_sentence_around_it() {
        let a = article("The new pier, the harbour master said, will open in the spring.");
        let (q, _) = find(&a, "will open in the spring");
        assert!(q.text.starts_with("The new pier"));
        assert_eq!(q.speaker_text.as_deref(), Some("the harbour master"));
    }

    #[test]
    fn an_apostrophe_quotation_runs_to_its_closing_pair() {
        let a = article(
            "Ana Lima added: ''The mill stays open. Nobody here wants to leave.'' Then she left.",
        );
        let (q, _) = find(&a, "The mill stays open");
        assert!(q.text.contains("Nobody here wants to leave"));
        assert!(!q.text.contains("Then she left"));
    }
}
