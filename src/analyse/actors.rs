//! Actors: the people, countries, organisations and groups an article
//! mentions, with their aliases merged and every mention kept.

use std::collections::BTreeMap;

use super::sentences::Sentence;
use crate::model::{Actor, ActorKind, Paragraph, Span};

/// Courtesy titles that mark the next words as a person's name.
const HONORIFICS: &[&str] = &[
    "Mr.", "Mrs.", "Ms.", "Dr.", "Mr", "Mrs", "Ms", "Dr", "Sir", "Madam",
];

/// Words in a title that mark the name after them as a person's.
const TITLE_WORDS: &[&str] = &[
    "president",
    "minister",
    "secretary",
    "senator",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "ambassador",
    "chancellor",
    "governor",
    "general",
    "mayor",
    "king",
    "queen",
    "prince",
    "director",
    "chief",
    "leader",
    "chairman",
    "official",
    "envoy",
];

/// Words that make a capitalised phrase an organisation.
const ORG_WORDS: &[&str] = &[
    "Union",
    "Organization",
    "Organisation",
    "Committee",
    "Assembly",
    "Council",
    "Ministry",
    "Agency",
    "Nations",
    "Party",
    "Parliament",
    "Commission",
    "Bank",
    "Court",
];

/// Capitalised words that are not names when they start a sentence or stand
/// alone.
const NOT_NAMES: &[&str] = &[
    "The",
    "A",
    "An",
    "It",
    "In",
    "On",
    "At",
    "Earlier",
    "However",
    "According",
    "But",
    "And",
    "This",
    "That",
    "These",
    "Those",
    "He",
    "She",
    "They",
    "We",
    "I",
    "You",
    "His",
    "Her",
    "Their",
    "Our",
    "Since",
    "After",
    "Before",
    "When",
    "While",
    "If",
    "As",
    "For",
    "With",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "Follow",
    "Subscribe",
    "Read",
    "Also",
    "Then",
    "There",
    "Here",
    "What",
    "Who",
    "Why",
    "How",
    "Some",
    "Many",
    "Most",
    "All",
    "No",
    "Yes",
    "Meanwhile",
];

/// A mention found in the text, before merging.
#[derive(Debug, Clone)]
struct Found {
    name: String,
    kind: ActorKind,
    span: Span,
    title: Option<String>,
}

/// The actors of one article while it is being analysed.
#[derive(Debug, Default)]
pub struct ActorSet {
    actors: Vec<Actor>,
}

/// Find the actors in `paragraphs`.
pub fn extract(paragraphs: &[Paragraph], sentences: &[Sentence]) -> ActorSet {
    let mut found = Vec::new();
    for p in paragraphs {
        let starts: Vec<usize> = sentences
            .iter()
            .filter(|s| s.paragraph == p.index)
            .map(|s| s.start)
            .collect();
        found.extend(find_in_paragraph(p, &starts));
    }
    let mut set = ActorSet::default();
    // longer names first so that a surname alone joins its full form
    let mut order: Vec<usize> = (0..found.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(found[i].name.split(' ').count()));
    for i in order {
        set.add(found[i].clone());
    }
    for a in &mut set.actors {
        a.mentions.sort();
    }
    set
}

impl ActorSet {
    fn add(&mut self, f: Found) {
        if let Some(a) = self.actors.iter_mut().find(|a| same_actor(a, &f)) {
            if f.name != a.name && !a.aliases.contains(&f.name) {
                a.aliases.push(f.name.clone());
            }
            if a.title.is_none() {
                a.title = f.title;
            }
            if f.kind == ActorKind::Person {
                a.kind = ActorKind::Person;
            }
            a.mentions.push(f.span);
            return;
        }
        let id = unique_id(&slug(&f.name), &self.actors);
        self.actors.push(Actor {
            id,
            name: f.name,
            kind: f.kind,
            aliases: Vec::new(),
            title: f.title,
            affiliation: None,
            mentions: vec![f.span],
        });
    }

    /// The actor a speaker phrase refers to: a name or alias (a surname
    /// alone included), or for a pronoun the person mentioned last before
    /// `at` in the same or an earlier paragraph.
    pub fn resolve(&self, surface: &str, at: Span) -> Option<String> {
        let words: Vec<&str> = surface
            .split_whitespace()
            .filter(|w| !HONORIFICS.contains(w))
            .collect();
        let lower = surface.to_lowercase();
        if matches!(lower.as_str(), "he" | "she" | "they" | "him" | "her") {
            return self.last_person_before(at);
        }
        if words.is_empty() {
            return None;
        }
        // a name matches when one ends the other, word for word
        // ("Mayor Tom Reed" ~ "Tom Reed" ~ "Reed")
        let ends = |long: &[&str], short: &[&str]| {
            !short.is_empty()
                && long.len() >= short.len()
                && long[long.len() - short.len()..] == *short
        };
        self.actors
            .iter()
            .find(|a| {
                std::iter::once(&a.name).chain(&a.aliases).any(|n| {
                    let n: Vec<&str> = n.split(' ').collect();
                    ends(&words, &n) || ends(&n, &words)
                })
            })
            .map(|a| a.id.clone())
    }

    fn last_person_before(&self, at: Span) -> Option<String> {
        self.actors
            .iter()
            .filter(|a| a.kind == ActorKind::Person)
            .flat_map(|a| a.mentions.iter().map(move |m| (m, a)))
            .filter(|(m, _)| (m.paragraph, m.start) < (at.paragraph, at.start))
            .max_by_key(|(m, _)| (m.paragraph, m.start))
            .map(|(_, a)| a.id.clone())
    }

    /// The actors, in order of first mention.
    pub fn into_actors(mut self) -> Vec<Actor> {
        self.actors.sort_by_key(|a| a.mentions.first().copied());
        self.actors
    }
}

fn same_actor(a: &Actor, f: &Found) -> bool {
    std::iter::once(&a.name).chain(&a.aliases).any(|n| {
        n == &f.name
            || (f.kind != ActorKind::Other || a.kind == ActorKind::Person)
                && n.ends_with(&format!(" {}", f.name))
    })
}

/// Capitalised-word runs in one paragraph, with a kind from their context.
fn find_in_paragraph(p: &Paragraph, sentence_starts: &[usize]) -> Vec<Found> {
    let text = &p.text;
    let words = word_spans(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let (s, e) = words[i];
        let w = &text[s..e];
        if !is_capitalised(w) || HONORIFICS.contains(&w) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < words.len() {
            let (ns, ne) = words[j];
            let gap = &text[words[j - 1].1..ns];
            if gap != " " {
                break;
            }
            let nw = &text[ns..ne];
            if is_capitalised(nw)
                || (matches!(nw, "Le" | "de" | "van" | "von" | "al") && j + 1 < words.len())
            {
                j += 1;
            } else {
                break;
            }
        }
        // drop a leading stop word ("The European Union" -> "European Union")
        let mut first = i;
        while first < j && NOT_NAMES.contains(&&text[words[first].0..words[first].1]) {
            first += 1;
        }
        // a title inside the run ("Finance Minister Anna Berg") is not part
        // of the name
        let mut title = None;
        if let Some(t) = (first..j)
            .rev()
            .find(|&k| TITLE_WORDS.contains(&text[words[k].0..words[k].1].to_lowercase().as_str()))
            && t + 1 < j
        {
            title = Some(text[words[first].0..words[t].1].to_string());
            first = t + 1;
        }
        if first < j {
            let (ns, _) = words[first];
            let (_, ne) = words[j - 1];
            let name = &text[ns..ne];
            let sentence_initial = sentence_starts.contains(&ns) || ns == 0;
            let single = first + 1 == j;
            if !(single && sentence_initial && !followed_by_speech(text, ne)) {
                let before = &text[..ns];
                let (kind, found_title) = match title {
                    Some(t) => (ActorKind::Person, Some(t)),
                    None => classify(name, before, text, ne),
                };
                out.push(Found {
                    name: name.to_string(),
                    kind,
                    span: Span {
                        paragraph: p.index,
                        start: char_offset(text, ns),
                        end: char_offset(text, ne),
                    },
                    title: found_title,
                });
            }
        }
        i = j;
    }
    out
}

fn classify(name: &str, before: &str, text: &str, end: usize) -> (ActorKind, Option<String>) {
    let prev_words: Vec<&str> = before.split_whitespace().rev().take(4).collect();
    if prev_words.first().is_some_and(|w| HONORIFICS.contains(w)) {
        return (ActorKind::Person, None);
    }
    if name.split(' ').any(|w| ORG_WORDS.contains(&w)) {
        return (ActorKind::Organization, None);
    }
    let title_idx = prev_words
        .iter()
        .position(|w| TITLE_WORDS.contains(&w.to_lowercase().trim_matches(',')));
    if let Some(k) = title_idx
        && k == 0
    {
        return (ActorKind::Person, Some(prev_words[0].to_string()));
    }
    if name.split(' ').count() >= 2 && followed_by_speech(text, end) {
        return (ActorKind::Person, None);
    }
    (ActorKind::Other, None)
}

fn followed_by_speech(text: &str, end: usize) -> bool {
    let next = text[end..].split_whitespace().next().unwrap_or("");
    matches!(
        next.trim_matches(|c: char| !c.is_alphabetic()),
        "said" | "says" | "told" | "added" | "announced" | "noted" | "stated"
    )
}

fn is_capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_uppercase())
}

/// Byte spans of words (letters, digits, hyphens, apostrophes, dots inside
/// abbreviations).
fn word_spans(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let inside = c.is_alphanumeric() || c == '-' || c == '\'' || c == '’';
        match (inside, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    out.into_iter()
        .map(|(s, e)| {
            let w = &text[s..e];
            let trimmed = w.trim_end_matches(['-', '\'', '’']);
            (s, s + trimmed.len())
        })
        .filter(|(s, e)| e > s)
        .collect()
}

/// The char offset of byte offset `byte` in `text`.
pub fn char_offset(text: &str, byte: usize) -> usize {
    text[..byte].chars().count()
}

/// An id from a name: lower-case letters and digits, words joined by
/// hyphens.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() {
        out.push_str("actor");
    }
    out
}

fn unique_id(base: &str, actors: &[Actor]) -> String {
    let taken: BTreeMap<&str, ()> = actors.iter().map(|a| (a.id.as_str(), ())).collect();
    if !taken.contains_key(base) {
        return base.to_string();
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !taken.contains_key(id.as_str()))
        .unwrap_or_else(|| base.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::sentences::split_document;
    use crate::model::ParagraphKind;

    fn actors_of(text: &str) -> Vec<Actor> {
        let paras = vec![Paragraph {
            index: 0,
            kind: ParagraphKind::Body,
            text: text.to_string(),
        }];
        let s = split_document(&paras);
        extract(&paras, &s).into_actors()
    }

    #[test]
    fn honorific_marks_a_person_and_surname_merges() {
        let a = actors_of("Finance Minister Anna Berg spoke. Later Ms. Berg left.");
        let berg = a.iter().find(|a| a.name == "Anna Berg").expect("Anna Berg");
        assert_eq!(berg.kind, ActorKind::Person);
        assert!(berg.aliases.contains(&"Berg".to_string()));
        assert_eq!(berg.mentions.len(), 2);
    }

    #[test]
    fn sentence_initial_words_are_not_actors() {
        let a = actors_of("However, the talks failed. Earlier the vote was held.");
        assert!(a.is_empty(), "{a:?}");
    }

    #[test]
    fn slugs_join_lower_case_words() {
        assert_eq!(slug("Jean-Yves Le Drian"), "jean-yves-le-drian");
        assert_eq!(slug("Élysée Palace"), "élysée-palace");
    }
}
