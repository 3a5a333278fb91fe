//! Positions: where each actor stands, in a few words, with its evidence.
//!
//! Read from three kinds of sentence (rules in `stance_rules`, words in
//! `stance_lexicon.txt`): what an actor says in a quotation ("We are not
//! leaving" -> not leaving), reported stances ("X said the plan would be a
//! red line"), and narrative ones ("X criticized Y", "a levy is not to the
//! liking of the union"). A position belongs to the actor who holds it, a
//! person usually; the reader rolls it up to the country or organisation that
//! person speaks for through the actor's `affiliation`.

use std::cell::OnceCell;
use std::collections::HashSet;

use super::gazetteer::{self, Place};
use super::positions_holder;
use super::positions_subject::Subjects;
use super::sentences::Para;
use super::stance::{CueFinder, Hit};
use super::stance_index::{ArticleIndex, Mention, Voice};
use super::stance_rules::{self, Found, MentionAt, SentenceView, Target};
use super::stance_topics::Topics;
use crate::model::{Actor, ActorKind, Polarity, Position, Quote};

/// Every position the article's sentences support, in text order, the same
/// stance of the same actor towards the same target given once.
pub fn derive(title: &str, paras: &[Para], actors: &[Actor], quotes: &[Quote]) -> Vec<Position> {
    let index = ArticleIndex::new(paras, actors, quotes);
    let mut found = Vec::new();
    let mut hits: Vec<Hit> = Vec::new();
    let mut finder = CueFinder::default();
    let mut mentions = Vec::new();
    let mut voices = Vec::new();
    for (pos, para) in paras.iter().enumerate() {
        let spans = VoiceSpans::new(&index.voices[pos]);
        for s in &para.sentences {
            let (a, b) = (s.tokens.start, s.tokens.end.min(para.tokens.len()));
            if a >= b {
                continue;
            }
            let tokens = &para.tokens[a..b];
            hits.clear();
            finder.find(para.text, &para.lower, tokens, &mut hits);
            sentence_mentions(&index.mentions[pos], a, b, &mut mentions);
            let (first, last) = (tokens[0].start, tokens[tokens.len() - 1].end);
            spans.overlapping(&index.voices[pos], first, last, &mut voices);
            let view = SentenceView {
                pos,
                text: para.text,
                tokens,
                hits: &hits,
                mentions: &mentions,
                voices: &voices,
            };
            stance_rules::read_sentence(&view, &index, &mut found);
        }
    }
    let topics = OnceCell::new();
    let subjects = Subjects::new(title, actors);
    for f in &mut found {
        if actors
            .get(f.actor)
            .is_some_and(positions_holder::is_description)
            && let Some(person) = positions_holder::described(&index, f.pos, f.byte)
        {
            f.actor = person;
        }
        if let Target::Text(t) = &f.target
            && let Some(topic) = topics
                .get_or_init(|| Topics::new(title, paras))
                .resolve(t, f.pos, f.byte)
        {
            f.target = Target::Text(topic.to_string());
        }
    }
    assemble(found, &subjects, actors, quotes, paras)
}

/// The quotations of one paragraph by where they start, to hand each
/// sentence only those that overlap it (the rules only look at those; a
/// paragraph of one huge line holds hundreds of thousands).
struct VoiceSpans {
    /// Indices of the voices in order of their start.
    by_start: Vec<usize>,
    starts: Vec<usize>,
    /// The longest voice, in bytes: no voice starting further back than
    /// this before a sentence reaches into it.
    longest: usize,
}

impl VoiceSpans {
    fn new(voices: &[Voice]) -> VoiceSpans {
        let mut by_start: Vec<usize> = (0..voices.len()).collect();
        by_start.sort_by_key(|&i| voices[i].start);
        let starts = by_start.iter().map(|&i| voices[i].start).collect();
        let longest = voices.iter().map(|v| v.end - v.start).max().unwrap_or(0);
        VoiceSpans {
            by_start,
            starts,
            longest,
        }
    }

    /// The voices overlapping bytes `first..last`, in their own order.
    fn overlapping(&self, voices: &[Voice], first: usize, last: usize, out: &mut Vec<Voice>) {
        out.clear();
        let lo = self
            .starts
            .partition_point(|&s| s < first.saturating_sub(self.longest));
        let hi = self.starts.partition_point(|&s| s < last);
        let mut picked: Vec<usize> = self.by_start[lo..hi]
            .iter()
            .copied()
            .filter(|&i| voices[i].end > first)
            .collect();
        picked.sort_unstable();
        out.extend(picked.into_iter().map(|i| voices[i]));
    }
}

/// The mentions inside tokens `a..b` of a paragraph, counted from `a`.
fn sentence_mentions(all: &[Mention], a: usize, b: usize, out: &mut Vec<MentionAt>) {
    out.clear();
    let from = all.partition_point(|m| m.first < a);
    out.extend(
        all[from..]
            .iter()
            .take_while(|m| m.first < b)
            .filter(|m| m.end <= b)
            .map(|m| MentionAt {
                first: m.first - a,
                end: m.end - a,
                actor: m.actor,
                byte_end: m.byte_end,
            }),
    );
}

/// Positions from what the rules found: duplicates dropped, ids given.
fn assemble(
    found: Vec<Found>,
    subjects: &Subjects,
    actors: &[Actor],
    quotes: &[Quote],
    paras: &[Para],
) -> Vec<Position> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for f in found {
        let target = match &f.target {
            Target::Actor(a) => actors.get(*a).map(|a| a.id.clone()),
            Target::Text(t) => Some(t.clone()),
            Target::None => None,
        };
        // the same stance towards the same thing once; without a target,
        // the same words once
        let about = target.clone().unwrap_or_else(|| f.summary.to_lowercase());
        let key = (f.actor, f.polarity, about);
        if f.summary.is_empty() || !seen.insert(key) {
            continue;
        }
        let (Some(actor), Some(paragraph)) = (actors.get(f.actor), paras.get(f.pos)) else {
            continue;
        };
        // a chamber acts by its votes; words put in its mouth are its
        // members' ("the Senate said" tells what some senators said)
        if reports_only(actor) || (is_chamber(actor) && f.quote.is_some()) {
            continue;
        }
        // a stance whose sentence names nothing it is about is about what
        // the story is about
        let target = match (&f.target, subjects.for_holder(f.actor)) {
            (Target::Actor(_), _) | (_, None) => target,
            (Target::Text(t), _) if names_a_thing(t) => target,
            (_, Some(subject)) => actors.get(subject).map(|a| a.id.clone()),
        };
        out.push(Position {
            id: format!("p{}", out.len() + 1),
            actor: actor.id.clone(),
            summary: f.summary,
            stance: f.stance.to_string(),
            target,
            polarity: f.polarity,
            quote: f.quote.and_then(|q| quotes.get(q)).map(|q| q.id.clone()),
            paragraph: paragraph.index,
        });
    }
    out
}

/// Words that open a phrase naming a thing ("the employers", "his plan").
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "its", "our", "my",
    "your",
];

/// Determiners that point back at something told before ("this conduct",
/// "that view"), or open a clause ("that he lied"): a phrase they open
/// names nothing of its own.
const DEMONSTRATIVES: &[&str] = &["this", "that", "these", "those"];

/// The longest phrase, in words, taken as naming a thing: longer ones are
/// clause fragments cut from the sentence.
const THING_WORDS: usize = 4;

/// Nouns that only point at something said or done elsewhere ("rejected
/// the notion", "condemned the move"): a phrase ending in one names nothing
/// of its own.
const POINTING_NOUNS: &[&str] = &[
    "notion",
    "idea",
    "claim",
    "claims",
    "suggestion",
    "argument",
    "move",
    "decision",
    "choice",
    "step",
    "way",
    "remarks",
    "comments",
    "statement",
    "implications",
    "proceedings",
    "process",
    "effort",
    "efforts",
    "situation",
    "matter",
    "issue",
    "thing",
    "things",
];

/// Does a text target name a thing ("the harbour levy") rather than being a
/// piece of clause ("that it could") or a noun pointing elsewhere ("the
/// notion")?
fn names_a_thing(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    let opens = words.len() > 1
        && words.first().is_some_and(|w| {
            DETERMINERS.iter().any(|d| d.eq_ignore_ascii_case(w))
                && !DEMONSTRATIVES.iter().any(|d| d.eq_ignore_ascii_case(w))
        });
    let points = words
        .last()
        .is_some_and(|w| POINTING_NOUNS.iter().any(|n| n.eq_ignore_ascii_case(w)));
    opens && !points && words.len() <= THING_WORDS
}

/// Whole legislatures and their chambers: what one "passed" or "blocked" is
/// the outcome of its members' votes, and what one "says" is its members'.
const CHAMBERS: &[&str] = &[
    "Congress",
    "Senate",
    "House",
    "House of Representatives",
    "House of Commons",
    "House of Lords",
    "Parliament",
    "National Assembly",
    "Bundestag",
    "Duma",
    "State Duma",
    "Knesset",
    "Legislature",
];

/// Is the actor a whole legislature or one of its chambers ("the Senate",
/// "U.S. Senate", "Congress")?
pub(super) fn is_chamber(actor: &Actor) -> bool {
    if actor.kind != ActorKind::Organization {
        return false;
    }
    let name = actor
        .name
        .trim_start_matches("the ")
        .trim_start_matches("The ");
    let name = ["U.S. ", "US ", "United States ", "European "]
        .iter()
        .find_map(|p| name.strip_prefix(p))
        .unwrap_or(name);
    CHAMBERS.iter().any(|c| c.eq_ignore_ascii_case(name))
}

/// Is the actor a news outlet, whose reports carry other people's stances
/// ("…, Reuters reported") rather than its own?
fn reports_only(actor: &Actor) -> bool {
    actor.kind == ActorKind::Organization
        && gazetteer::get()
            .lookup(&actor.name)
            .is_some_and(|e| e.place == Place::Media)
}

/// The polarity a scorer or a reader sees for a sign.
pub(super) fn polarity_of(sign: i32) -> Polarity {
    match sign.signum() {
        1 => Polarity::Positive,
        -1 => Polarity::Negative,
        _ => Polarity::Neutral,
    }
}

/// Hand-made articles for the rule tests: paragraphs, actors found by their
/// names, quotes found by their text, and the positions derived from them.
#[cfg(test)]
pub(super) mod sketch {
    use super::*;
    use crate::analyse::sentences::split_document;
    use crate::model::{ActorKind, Paragraph, ParagraphKind, QuoteKind, Span};

    pub struct Sketch {
        pub paragraphs: Vec<Paragraph>,
        pub actors: Vec<Actor>,
        pub quotes: Vec<Quote>,
    }

    /// An article of these paragraphs.
    pub fn article(paragraphs: &[&str]) -> Sketch {
        let paragraphs = paragraphs
            .iter()
            .enumerate()
            .map(|(index, text)| Paragraph {
                index,
                kind: ParagraphKind::Body,
                text: text.to_string(),
            })
            .collect();
        Sketch {
            paragraphs,
            actors: Vec::new(),
            quotes: Vec::new(),
        }
    }

    impl Sketch {
        /// An actor mentioned wherever one of `names` is written.
        pub fn actor(mut self, id: &str, kind: ActorKind, names: &[&str]) -> Self {
            let mut mentions = Vec::new();
            for p in &self.paragraphs {
                let mut taken: Vec<(usize, usize)> = Vec::new();
                let mut sorted = names.to_vec();
                sorted.sort_by_key(|n| std::cmp::Reverse(n.len()));
                for n in sorted {
                    for (b, _) in p.text.match_indices(n) {
                        let e = b + n.len();
                        let edge = |c: Option<char>| !c.is_some_and(char::is_alphanumeric);
                        let free = taken.iter().all(|&(s, t)| e <= s || b >= t);
                        if free
                            && edge(p.text[..b].chars().next_back())
                            && edge(p.text[e..].chars().next())
                        {
                            taken.push((b, e));
                            mentions.push(Span {
                                paragraph: p.index,
                                start: p.text[..b].chars().count(),
                                end: p.text[..e].chars().count(),
                            });
                        }
                    }
                }
            }
            mentions.sort();
            self.actors.push(Actor {
                id: id.to_string(),
                name: names[0].to_string(),
                kind,
                aliases: names[1..].iter().map(|s| s.to_string()).collect(),
                title: None,
                affiliation: None,
                mentions,
            });
            self
        }

        /// Set the title and affiliation of the last actor added.
        pub fn titled(mut self, title: &str, affiliation: Option<&str>) -> Self {
            if let Some(a) = self.actors.last_mut() {
                a.title = Some(title.to_string());
                a.affiliation = affiliation.map(str::to_string);
            }
            self
        }

        /// A quote of `speaker` over the first place `text` is written.
        pub fn quote(mut self, speaker: &str, kind: QuoteKind, text: &str) -> Self {
            let Some(p) = self.paragraphs.iter().find(|p| p.text.contains(text)) else {
                panic!("no paragraph holds {text:?}");
            };
            let b = p.text.find(text).unwrap_or(0);
            let start = p.text[..b].chars().count();
            self.quotes.push(Quote {
                id: format!("q{}", self.quotes.len() + 1),
                speaker: Some(speaker.to_string()),
                speaker_text: None,
                text: text.to_string(),
                kind,
                cue: None,
                paragraph: p.index,
                start,
                end: start + text.chars().count(),
                end_paragraph: None,
            });
            self
        }

        pub fn positions(&self) -> Vec<Position> {
            derive(
                "",
                &split_document(&self.paragraphs),
                &self.actors,
                &self.quotes,
            )
        }
    }

    /// The positions as "actor polarity target | summary" lines.
    pub fn lines(positions: &[Position]) -> Vec<String> {
        positions
            .iter()
            .map(|p| {
                format!(
                    "{} {} {} | {}",
                    p.actor,
                    p.polarity.label(),
                    p.target.as_deref().unwrap_or("-"),
                    p.summary
                )
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::sketch::{article, lines};
    use crate::model::{ActorKind, QuoteKind};

    #[test]
    fn a_stance_naming_nothing_is_about_the_story_s_subject() {
        let a = article(&[
            "The port authority raised ferry fares on Monday.",
            "The port authority said the rise was needed.",
            "“This is a disgrace,” Tom Vale said.",
        ])
        .actor("port", ActorKind::Organization, &["port authority"])
        .actor("tom-vale", ActorKind::Person, &["Tom Vale"])
        .quote("tom-vale", QuoteKind::Direct, "This is a disgrace,");
        let got = lines(&a.positions());
        assert!(
            got.iter()
                .any(|l| l == "tom-vale negative port | a disgrace"),
            "{got:?}"
        );
    }

    #[test]
    fn a_named_thing_stays_the_target() {
        let a = article(&[
            "The port authority raised ferry fares on Monday.",
            "The port authority met the unions.",
            "Tom Vale criticized the new timetable.",
        ])
        .actor("port", ActorKind::Organization, &["port authority"])
        .actor("tom-vale", ActorKind::Person, &["Tom Vale"]);
        let got = lines(&a.positions());
        assert_eq!(
            got,
            ["tom-vale negative the new timetable | criticized the new timetable"]
        );
    }

    #[test]
    fn a_noun_pointing_elsewhere_leaves_the_stance_on_the_story_s_subject() {
        let a = article(&[
            "The port authority raised ferry fares on Monday.",
            "The port authority said the rise was needed.",
            "Tom Vale rejected the notion.",
        ])
        .actor("port", ActorKind::Organization, &["port authority"])
        .actor("tom-vale", ActorKind::Person, &["Tom Vale"]);
        let got = lines(&a.positions());
        assert_eq!(got, ["tom-vale negative port | rejected the notion"]);
    }

    #[test]
    fn a_phrase_pointing_back_leaves_the_stance_on_the_story_s_subject() {
        let a = article(&[
            "The port authority raised ferry fares on Monday.",
            "The port authority said the rise was needed.",
            "Tom Vale condemned this shameful fare rise.",
        ])
        .actor("port", ActorKind::Organization, &["port authority"])
        .actor("tom-vale", ActorKind::Person, &["Tom Vale"]);
        let got = lines(&a.positions());
        assert!(
            got.iter()
                .any(|l| l.starts_with("tom-vale negative port |")),
            "{got:?}"
        );
    }

    #[test]
    fn a_chamber_stands_where_it_votes() {
        let a = article(&["The Senate rejected the toll bill, and Tom Vale criticized it."])
            .actor("senate", ActorKind::Organization, &["Senate"])
            .actor("tom-vale", ActorKind::Person, &["Tom Vale"]);
        let got = lines(&a.positions());
        assert!(
            got.iter().any(|l| l.starts_with("senate negative")),
            "{got:?}"
        );
        assert!(got.iter().any(|l| l.starts_with("tom-vale")), "{got:?}");
    }

    #[test]
    fn a_chamber_says_nothing_of_its_own() {
        let a = article(&["“The toll is a disgrace,” the Senate said."])
            .actor("senate", ActorKind::Organization, &["Senate"])
            .quote("senate", QuoteKind::Direct, "The toll is a disgrace,");
        let got = lines(&a.positions());
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn a_news_outlet_reports_but_holds_no_stance() {
        let a = article(&["Reuters criticized the toll plan, and Tom Vale rejected it."])
            .actor("reuters", ActorKind::Organization, &["Reuters"])
            .actor("tom-vale", ActorKind::Person, &["Tom Vale"]);
        let got = lines(&a.positions());
        assert!(got.iter().all(|l| !l.starts_with("reuters")), "{got:?}");
    }
}

#[cfg(test)]
mod holder_tests {
    use super::sketch::{article, lines};
    use crate::model::{ActorKind, QuoteKind};

    #[test]
    fn a_paragraph_of_quotation_goes_on_in_the_last_speaker_s_voice() {
        let a = article(&[
            "“The toll is here to stay,” Tom Vale said.",
            "“Any delay would be a disgrace.”",
        ])
        .actor("tom-vale", ActorKind::Person, &["Tom Vale"])
        .quote("tom-vale", QuoteKind::Direct, "The toll is here to stay,")
        .quote(
            "nobody",
            QuoteKind::Direct,
            "Any delay would be a disgrace.",
        );
        let mut a = a;
        a.quotes[1].speaker = None;
        let got = lines(&a.positions());
        assert!(
            got.iter().any(|l| l.starts_with("tom-vale negative")),
            "{got:?}"
        );
    }

    #[test]
    fn a_party_and_place_description_holds_for_the_person_before_it() {
        let a = article(&[
            "Rep. Ann Kolb spoke to the council on Monday.",
            "The Ohio Democrat criticized the toll plan.",
        ])
        .actor("ann-kolb", ActorKind::Person, &["Ann Kolb"])
        .actor("ohio-democrat", ActorKind::Person, &["Ohio Democrat"]);
        let got = lines(&a.positions());
        assert_eq!(
            got,
            ["ann-kolb negative the toll plan | criticized the toll plan"]
        );
    }
}
