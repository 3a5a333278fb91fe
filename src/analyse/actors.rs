//! Actors: the people, countries, organisations and groups an article
//! mentions. Capitalised runs of words are read with the words around them
//! (titles, honorifics, reporting verbs, appositions, the gazetteer) into
//! candidates; candidates are merged into actors (a surname joins its full
//! name, an acronym its expansion, a one-letter spelling variant its
//! person); every mention is kept, and an actor's affiliation comes from
//! its title or, failing that, from the context of its statements.

use std::ops::Range;

use rustc_hash::FxHashMap as HashMap;

use super::gazetteer::{self, Implies, Place};
use super::lexicon::{self, Gender};
use super::sentences::{Kind, Para};
use crate::model::{Actor, ActorKind, Span};

/// Abbreviated titles written before a name, with the title they stand for
/// ("Sen. Ana Ruiz" is Senator Ana Ruiz).
const TITLE_ABBREVIATIONS: &[(&str, &str)] = &[
    ("Sen.", "Senator"),
    ("Rep.", "Representative"),
    ("Gov.", "Governor"),
    ("Gen.", "General"),
    ("Lt.", "Lieutenant"),
    ("Col.", "Colonel"),
    ("Adm.", "Admiral"),
    ("Maj.", "Major"),
    ("Capt.", "Captain"),
    ("Sgt.", "Sergeant"),
    ("Cmdr.", "Commander"),
    ("Pres.", "President"),
    ("Amb.", "Ambassador"),
    ("Atty.", "Attorney"),
    ("Supt.", "Superintendent"),
    ("Insp.", "Inspector"),
    ("Prof.", "Professor"),
];

/// Words that modify a title without being one ("Former President").
const TITLE_MODIFIERS: &[&str] = &[
    "former",
    "acting",
    "interim",
    "retired",
    "deputy",
    "vice",
    "then",
    "outgoing",
    "incoming",
    "late",
    "first",
    "junior",
    "senior",
    "chief",
    "top",
    "assistant",
    "associate",
    "majority",
    "minority",
    "principal",
    "lead",
    "longtime",
    "current",
    "ex",
    "co",
    "executive",
    "general",
];

/// Words before a place that make it a location rather than a government
/// acting ("talks in Paris" is not Paris speaking).
const LOCATIVES: &[&str] = &[
    "in",
    "at",
    "near",
    "from",
    "to",
    "into",
    "outside",
    "inside",
    "around",
    "across",
    "via",
    "through",
    "toward",
    "towards",
    "across",
    "visit",
    "visited",
    "visiting",
    "reached",
    "arrived",
    "flew",
    "travelled",
    "traveled",
    "returned",
    "based",
    "embassy",
];

/// How a mention names its actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// The name, in full or in part.
    Name,
    /// A capital or building standing for a government ("Paris", "the
    /// Kremlin").
    Metonym,
    /// A demonym with a government noun ("the Malian authorities").
    Demonym,
}

/// One mention: a token range of one paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    /// The position of the paragraph in the analysed list.
    pub para: usize,
    pub start: usize,
    pub end: usize,
    pub form: Form,
}

/// An actor while the article is analysed.
#[derive(Debug, Clone)]
pub struct Entity {
    pub name: String,
    pub kind: ActorKind,
    pub aliases: Vec<String>,
    pub title: Option<String>,
    /// The entity this one speaks for.
    pub affiliation: Option<usize>,
    pub gender: Option<Gender>,
    /// For a country: its index in the gazetteer.
    pub country: Option<usize>,
    /// Whether its title is one of government (minister, general).
    pub official: bool,
    pub mentions: Vec<Mention>,
}

/// The actors of one article, with an index from tokens to mentions.
#[derive(Debug, Default)]
pub struct ActorSet {
    pub entities: Vec<Entity>,
    /// Per paragraph: (start, end, entity) of each mention, sorted.
    index: Vec<Vec<(usize, usize, usize)>>,
    /// Every mention in text order: (paragraph, start, entity).
    order: Vec<(usize, usize, usize)>,
    /// Every name and alias, and every country, to its entity.
    by_name: HashMap<String, usize>,
    by_country: HashMap<usize, usize>,
    /// Every name and alias any entity has had, to those entities, and
    /// every word-final part of one ("Lavrov" of "Sergei Lavrov") to
    /// them: the people a name may belong to without a scan of them all.
    people_named: HashMap<String, Vec<usize>>,
    people_ending_in: HashMap<String, Vec<usize>>,
}

/// What a candidate is evidence of.
#[derive(Debug, Clone, PartialEq)]
enum Affiliate {
    Country(usize),
    /// An organisation or party by canonical name, with its kind.
    Org(String, ActorKind),
}

/// A name found in the text, before merging.
#[derive(Debug, Clone)]
struct Candidate {
    mention: Mention,
    name: String,
    /// `None` while nothing says what it is.
    kind: Option<ActorKind>,
    title: Option<String>,
    official: bool,
    affiliate: Option<Affiliate>,
    gender: Option<Gender>,
    country: Option<usize>,
    /// A known abbreviation of an organisation ("EU").
    abbreviation: Option<String>,
    /// Whether the evidence is strong enough to make a new actor.
    strong: bool,
    /// The surface as written, when it differs from `name` ("Ms. Parly").
    surface: String,
    /// Where the qualifier that gave `affiliate` stands ("Russian").
    qualifier_at: Option<Mention>,
}

/// An acronym that names a kind of thing, not an actor ("private military
/// company [PMC]"): the kind of actor its name prefix makes.
type ClassAcronyms = HashMap<String, ActorKind>;

/// Whether `short` ends `long` word for word ("Lavrov" ends "Sergei
/// Lavrov", "Le Drian" ends "Jean-Yves Le Drian").
fn ends_in_words(long: &str, short: &str) -> bool {
    long == short
        || long.len() > short.len()
            && long.ends_with(short)
            && long.as_bytes()[long.len() - short.len() - 1] == b' '
}

/// The parts of `name` that `ends_in_words` accepts as its end: the whole
/// name and what follows each space.
fn word_endings(name: &str) -> impl Iterator<Item = &str> {
    let spaces = name.bytes().enumerate().filter(|&(_, b)| b == b' ');
    std::iter::once(name).chain(spaces.map(move |(i, _)| &name[i + 1..]))
}

/// Find the actors of the article.
pub fn extract(paras: &[Para]) -> ActorSet {
    let mut classes = ClassAcronyms::default();
    let mut defined: Vec<(String, String)> = Vec::new();
    for p in paras {
        acronym_definitions(p, &mut classes, &mut defined);
    }
    let mut candidates = Vec::new();
    for (pi, p) in paras.iter().enumerate() {
        let mut pending_title: Option<(String, bool, Option<Affiliate>)> = None;
        for (a, b) in runs(p) {
            let found = read_run(p, pi, a, b, &classes, &mut pending_title);
            candidates.extend(found);
        }
    }
    let mut set = ActorSet::default();
    set.merge(candidates, &defined);
    set.build_index(paras.len());
    set
}

/// Runs of capitalised words ("Foreign Minister Sergei Lavrov", "Minister
/// of the Armed Forces", "Marloes de Vries"), as token ranges. Sentences
/// written in title case ("Talks Resume In Cairo") give no runs: every word
/// is capitalised there.
fn runs(p: &Para) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for s in &p.sentences {
        if title_case(p, s.tokens.clone()) {
            continue;
        }
        let mut i = s.tokens.start;
        while i < s.tokens.end {
            if !p.capitalised(i) {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            let mut joined_by_of = false;
            while j < s.tokens.end {
                let adjacent = p.tokens[j].start == p.tokens[j - 1].end + 1;
                if (p.capitalised(j) || particle_name(p, j)) && adjacent {
                    j += 1;
                } else if let Some(n) = connector(p, j, s.tokens.end) {
                    joined_by_of |= matches!(p.lower(j), "of" | "for");
                    j += n;
                } else if joined_by_of && last_part_after_and(p, j, s.tokens.end) {
                    j += 1;
                } else {
                    break;
                }
            }
            out.push((i, j));
            i = j;
        }
    }
    out
}

/// A surname written with its particle and a hyphen ("al-Assad",
/// "el-Amin"), which continues a name though it starts in lower case.
fn particle_name(p: &Para, j: usize) -> bool {
    let w = p.word(j);
    // a possessive stays with the word here ("al-Assad's"): not in a name
    let possessive = w.ends_with("'s") || w.ends_with("’s");
    !possessive
        && w.split_once('-').is_some_and(|(particle, rest)| {
            lexicon::is(particle, lexicon::NAME_PARTICLE) && rest.starts_with(char::is_uppercase)
        })
}

/// Whether "and" at `j` joins the last part of a name with "of" or "for"
/// ("Centre for Water Research and Training"): one capitalised word ends
/// the run after it, and it is no given name, acronym or known name
/// ("the Minister of Justice and Ana Ruiz" are two).
fn last_part_after_and(p: &Para, j: usize, end: usize) -> bool {
    if p.lower(j) != "and" || j + 1 >= end || !p.capitalised(j + 1) {
        return false;
    }
    let w = p.word(j + 1);
    let g = gazetteer::get();
    let ends = j + 2 >= end || !p.capitalised(j + 2) && !matches!(p.lower(j + 2), "of" | "for");
    let title = p.has(j + 1, lexicon::ROLE) || g.title(p.lower(j + 1)).is_some();
    ends && !title && !g.is_first_name(w) && !is_acronym(w) && g.lookup(w).is_none()
}

/// How many tokens at `j` join two capitalised parts of one name: a name
/// particle ("de"), "&", or "of (the)" after an organisation or title head
/// ("Department of Justice", "Minister of the Armed Forces").
fn connector(p: &Para, j: usize, end: usize) -> Option<usize> {
    let next_cap = |k: usize| k < end && p.capitalised(k);
    let w = p.lower(j);
    if p.tokens[j].kind == Kind::Word && lexicon::is(w, lexicon::NAME_PARTICLE) && next_cap(j + 1) {
        return Some(1);
    }
    if p.word(j) == "&" && next_cap(j + 1) {
        return Some(1);
    }
    if matches!(w, "of" | "for") && j > 0 {
        let head = p.lower(j - 1);
        let joins = lexicon::is(head, lexicon::ORG_HEAD | lexicon::ROLE)
            || gazetteer::get().title(head).is_some()
            || matches!(
                head,
                "states" | "republic" | "kingdom" | "minister" | "secretary"
            );
        if joins {
            if next_cap(j + 1) {
                return Some(1);
            }
            if j + 1 < end && p.lower(j + 1) == "the" && next_cap(j + 2) {
                return Some(2);
            }
        }
    }
    None
}

/// Whether a sentence is written in title case (a headline style), where
/// capitals say nothing about names.
fn title_case(p: &Para, range: std::ops::Range<usize>) -> bool {
    let mut words = 0;
    for i in range {
        if p.tokens[i].kind != Kind::Word {
            continue;
        }
        words += 1;
        // a lower-case word that is not a small function word: sentence case
        let function = p.has(
            i,
            lexicon::DETERMINER | lexicon::PREPOSITION | lexicon::CONJUNCTION,
        );
        if !p.capitalised(i) && !function && p.word(i).chars().any(char::is_alphabetic) {
            return false;
        }
    }
    words >= 4
}

/// Acronyms defined in the text: "the European Union (EU)" makes EU an
/// alias; "a private military company [PMC]" makes PMC a kind of group.
fn acronym_definitions(p: &Para, classes: &mut ClassAcronyms, defined: &mut Vec<(String, String)>) {
    for i in 1..p.tokens.len().saturating_sub(2) {
        let open = p.is(i, '(') || p.is(i, '[');
        let close = p.is(i + 2, ')') || p.is(i + 2, ']');
        if !(open && close && is_acronym(p.word(i + 1))) {
            continue;
        }
        let acronym = p.word(i + 1);
        let letters: Vec<char> = acronym.chars().filter(|c| c.is_alphabetic()).collect();
        // the words before the bracket whose initials spell the acronym
        let mut k = i;
        let mut n = letters.len();
        while n > 0 && k > 0 {
            k -= 1;
            let w = p.word(k);
            if p.tokens[k].kind != Kind::Word {
                break;
            }
            if matches!(p.lower(k), "of" | "the" | "and" | "for" | "de") {
                continue;
            }
            let first = w.chars().next().map(|c| c.to_ascii_uppercase());
            if first != Some(letters[n - 1].to_ascii_uppercase()) {
                break;
            }
            n -= 1;
        }
        if n > 0 {
            continue;
        }
        let expansion = p.slice(k, i);
        if p.capitalised(k) {
            defined.push((acronym.to_string(), expansion.to_string()));
        } else {
            let head = p.lower(i - 1);
            // "private military company", "private security company"
            let armed = ["military", "security", "armed", "mercenary"];
            let expansion = &p.lower[p.tokens[k].start..p.tokens[i].start];
            let kind = if lexicon::is(head, lexicon::GROUP_NOUN)
                && armed.iter().any(|w| expansion.contains(w))
            {
                ActorKind::Group
            } else {
                ActorKind::Organization
            };
            classes.insert(acronym.to_string(), kind);
        }
    }
}

/// An acronym: two to six capitals or digits, a capital first ("EU",
/// "NATO", "G7").
fn is_acronym(w: &str) -> bool {
    let n = w.chars().count();
    (2..=6).contains(&n)
        && w.chars().next().is_some_and(|c| c.is_ascii_uppercase())
        && w.chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
}

/// The longest gazetteer name starting at token `i` and ending by `end`:
/// (tokens it covers, entry).
fn gazetteer_at(p: &Para, i: usize, end: usize) -> Option<(usize, &'static gazetteer::Entry)> {
    let g = gazetteer::get();
    (1..=5.min(end - i)).rev().find_map(|n| {
        let s = p.slice(i, i + n);
        g.lookup(s).map(|e| (n, e))
    })
}

/// The title phrase ending at token `k` and starting at or after `from`:
/// its first token.
fn title_ending_at(p: &Para, from: usize, k: usize) -> Option<usize> {
    let g = gazetteer::get();
    let w = p.word(k);
    if TITLE_ABBREVIATIONS.iter().any(|(a, _)| *a == w) {
        return Some(k);
    }
    let longest = (from..=k).find(|&s| {
        k + 1 - s <= g.title_words
            && g.title(&p.lower[p.tokens[s].start..p.tokens[k].end])
                .is_some()
    });
    longest.or_else(|| p.has(k, lexicon::ROLE).then_some(k))
}

/// Whether a title is one of government.
fn official_title(title: &str) -> bool {
    let g = gazetteer::get();
    let lower = title.to_ascii_lowercase();
    let words: Vec<&str> = lower.split(' ').collect();
    (0..words.len()).any(|s| {
        g.title(&words[s..].join(" "))
            .is_some_and(|t| t.official && t.implies == Implies::Government)
    })
}

/// Read one run of capitalised words into candidates.
fn read_run(
    p: &Para,
    pi: usize,
    a: usize,
    b: usize,
    classes: &ClassAcronyms,
    pending_title: &mut Option<(String, bool, Option<Affiliate>)>,
) -> Vec<Candidate> {
    let g = gazetteer::get();
    let apposed = pending_title.take();
    // leading words that open sentences but never names ("However", "The")
    let mut i = a;
    while i < b {
        let lower = p.lower(i);
        // "The Hague" keeps its "The"; "The Ohio Courier" does not
        let keep = g.honorific(p.word(i)).is_some()
            || title_ending_at(p, i, i).is_some()
            || gazetteer_at(p, i, b).is_some_and(|(_, e)| e.place != Place::State);
        let skip = lexicon::is(
            lower,
            lexicon::DETERMINER
                | lexicon::PREPOSITION
                | lexicon::CONJUNCTION
                | lexicon::PRONOUN
                | lexicon::AUXILIARY
                | lexicon::COMMON
                | lexicon::CALENDAR,
        );
        if skip && !keep || lexicon::is(lower, lexicon::CALENDAR) || compound_modifier(p.word(i)) {
            i += 1;
        } else {
            break;
        }
    }
    if i >= b {
        return Vec::new();
    }
    let base = Candidate {
        mention: Mention {
            para: pi,
            start: i,
            end: b,
            form: Form::Name,
        },
        name: p.slice(i, b).to_string(),
        kind: None,
        title: None,
        official: false,
        affiliate: None,
        gender: None,
        country: None,
        abbreviation: None,
        strong: false,
        surface: p.slice(i, b).to_string(),
        qualifier_at: None,
    };
    // "the Obama administration": a government named after its head
    if b - i <= 3
        && b < p.tokens.len()
        && p.lower(b) == "administration"
        && !p.capitalised(b)
        && gazetteer_at(p, i, b).is_none()
    {
        let name = format!("{} administration", p.slice(i, b));
        let mention = Mention {
            end: b + 1,
            ..base.mention
        };
        return vec![Candidate {
            mention,
            surface: name.clone(),
            name,
            kind: Some(ActorKind::Organization),
            strong: true,
            ..base
        }];
    }
    if let Some((n, e)) = gazetteer_at(p, i, b)
        && n == b - i
    {
        return from_gazetteer(p, base, e);
    }
    let mut c = read_person(p, base, classes);
    if c.kind.is_none()
        && let Some((title, official, affiliate)) = apposed
    {
        // "the Minister of the Armed Forces, Florence Parley,"
        c.kind = Some(ActorKind::Person);
        c.title = Some(title);
        c.official = official;
        c.affiliate = affiliate;
        c.strong = true;
    }
    if c.kind.is_none() && c.title.is_some() && c.mention.start == c.mention.end {
        // a title with no name after it: a name may follow after a comma
        if p.is(b, ',') && p.capitalised(b + 1) {
            *pending_title = Some((
                c.title.clone().unwrap_or_default(),
                c.official,
                c.affiliate.clone(),
            ));
        }
        return Vec::new();
    }
    if c.mention.start >= c.mention.end {
        return Vec::new();
    }
    vec![c]
}

/// Number words, for "Twenty-seven said".
const NUMBER_WORDS: &[&str] = &[
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "thousand",
    "million",
    "dozen",
    "dozens",
    "hundreds",
    "thousands",
    "millions",
];

/// Whether the capitalised word `i`, standing alone, is no name though it
/// may speak: the plural of a known word ("Lawmakers said", "few Americans
/// think"), a contraction ("I've said"), a number ("Twenty-seven signed"),
/// a heading in capitals ("CLARIFICATION:"), a compound modifier
/// ("Republican-led states"), a state ("Ohio", "Ky.") or a party-and-state
/// tag ("Ann Ko, D-Ohio, said").
pub fn word_not_name(p: &Para, i: usize) -> bool {
    let (word, lower) = (p.word(i), p.lower(i));
    let known = |one: &str| {
        lexicon::classes(one) != 0
            || word.get(..one.len()).is_some_and(|w| {
                gazetteer::get()
                    .lookup(w)
                    .is_some_and(|e| matches!(e.place, Place::Demonym | Place::NotActor))
            })
    };
    let plural_of_known = lower.len() > 3
        && lower.ends_with('s')
        && (lower.strip_suffix('s').is_some_and(known)
            || lower.strip_suffix("es").is_some_and(known)
            || lower
                .strip_suffix("ies")
                .is_some_and(|stem| known(&format!("{stem}y"))));
    let contraction = lower
        .split(['\'', '’'])
        .next()
        .is_some_and(|head| head != lower && lexicon::is(head, lexicon::PRONOUN));
    let number = lower.split('-').all(|w| NUMBER_WORDS.contains(&w));
    let heading = word.chars().filter(|c| c.is_alphabetic()).count() >= 7
        && !word.chars().any(char::is_lowercase);
    let modifier = compound_modifier(word);
    let g = gazetteer::get();
    let state = g.lookup(word).is_some_and(|e| e.place == Place::State);
    plural_of_known
        || contraction
        || number
        || heading
        || modifier
        || state
        || g.party_state_tag(word)
}

/// "Republican-led", "American-born": a lower-case word after the last
/// hyphen makes a modifier, not a name.
fn compound_modifier(word: &str) -> bool {
    // "Dan-el": a particle inside a given name is part of it
    word.rsplit_once('-').is_some_and(|(_, tail)| {
        tail.len() >= 3
            && tail.starts_with(|c: char| c.is_ascii_lowercase())
            && !lexicon::is(tail, lexicon::NAME_PARTICLE)
    })
}

/// A candidate for a name the gazetteer knows.
fn from_gazetteer(p: &Para, mut c: Candidate, e: &gazetteer::Entry) -> Vec<Candidate> {
    let (i, b) = (c.mention.start, c.mention.end);
    let before = i.checked_sub(1).map(|k| p.lower(k)).unwrap_or("");
    c.name = e.canonical.clone();
    // a medium or organisation belongs to a country without being it
    c.country = e.country.filter(|_| {
        matches!(
            e.place,
            Place::Country | Place::Capital | Place::Metonym | Place::Demonym
        )
    });
    c.abbreviation = e.abbreviation.clone();
    c.strong = true;
    match e.place {
        Place::PartyWord | Place::Party if b - i == 1 && member_noun(p, b) => {
            // "Republican lawmakers", "GOP senators": the party speaking
            // through its members, named so among its aliases
            c.surface = format!("{} {}", p.word(i), p.lower(b));
            c.mention.end = b + 1;
            c.kind = Some(ActorKind::Organization);
        }
        Place::Country => c.kind = Some(ActorKind::Country),
        Place::Org | Place::Media | Place::Party => c.kind = Some(ActorKind::Organization),
        Place::Group => c.kind = Some(ActorKind::Group),
        Place::Capital | Place::Metonym => {
            // a seat of government acts ("Paris announced"), a place is a
            // place ("talks in Paris")
            if LOCATIVES.contains(&before) || e.country.is_none() {
                return Vec::new();
            }
            c.kind = Some(ActorKind::Country);
            c.mention.form = Form::Metonym;
        }
        Place::Demonym => {
            // "the Malian authorities", "the Malian defence ministry said"
            // speak for Mali; past a modifier the government noun must end
            // the phrase ("a Malian military company" is a company)
            let n = p.tokens.len();
            let ends_phrase = |k: usize| {
                k + 1 >= n
                    || p.tokens[k + 1].kind != Kind::Word
                    || p.capitalised(k + 1)
                    || p.cue(k + 1).is_some()
                    || p.has(k + 1, lexicon::AUXILIARY)
            };
            let governs = (b..(b + 3).min(n))
                .take_while(|&k| p.tokens[k].kind == Kind::Word && !p.capitalised(k))
                .any(|k| p.has(k, lexicon::GOVERNMENT) && (k == b || ends_phrase(k)));
            if !governs {
                return Vec::new();
            }
            c.kind = Some(ActorKind::Country);
            c.mention.form = Form::Demonym;
        }
        Place::PartyWord => {
            // "Democrats said" speaks for the party; "Republican" alone
            // only qualifies
            if !p.word(i).ends_with('s') {
                return Vec::new();
            }
            c.kind = Some(ActorKind::Organization);
        }
        Place::State => {
            // "Texas sued" is the state's government; "in Texas", "Austin,
            // Texas," and "Texas voters" are the place
            let acts = followed_by_cue(p, b) && !LOCATIVES.contains(&before) && before != ",";
            if !acts {
                return Vec::new();
            }
            c.kind = Some(ActorKind::Organization);
        }
        Place::NotActor => return Vec::new(),
    }
    vec![c]
}

/// Words for a party's members taken together, who speak for it
/// ("Republican lawmakers", "Democratic leaders").
const MEMBER_NOUNS: &[&str] = &[
    "lawmakers",
    "legislators",
    "senators",
    "representatives",
    "congressmen",
    "congresswomen",
    "members",
    "leaders",
    "officials",
];

/// Whether token `b` is a lower-case word for a party's members.
fn member_noun(p: &Para, b: usize) -> bool {
    b < p.tokens.len() && !p.capitalised(b) && MEMBER_NOUNS.contains(&p.lower(b))
}

/// Read honorifics, qualifiers and titles at the front of a run, and what
/// kind of name the rest is.
fn read_person(p: &Para, mut c: Candidate, classes: &ClassAcronyms) -> Candidate {
    let g = gazetteer::get();
    let (a, b) = (c.mention.start, c.mention.end);
    let mut j = a;
    let mut honorific = false;
    // qualifiers and honorifics at the front
    loop {
        if j >= b {
            break;
        }
        if let Some(gender) = g.honorific(p.word(j))
            && j + 1 < b
        {
            honorific = true;
            c.gender = c.gender.or(gender);
            j += 1;
            continue;
        }
        if let Some((n, e)) = gazetteer_at(p, j, b)
            && j + n < b
            && let Some(aff) = affiliate_of(e)
        {
            c.affiliate = Some(aff);
            let form = match e.place {
                Place::Demonym => Form::Demonym,
                Place::Capital | Place::Metonym => Form::Metonym,
                _ => Form::Name,
            };
            c.qualifier_at = Some(Mention {
                para: c.mention.para,
                start: j,
                end: j + n,
                form,
            });
            j += n;
            continue;
        }
        break;
    }
    // the last title in the run that has a name after it
    let mut title_at = None;
    for k in (j..b.saturating_sub(1)).rev() {
        if let Some(s) = title_ending_at(p, j, k) {
            title_at = Some((s, k));
            break;
        }
    }
    let mut name_start = j;
    let mut title_from = j;
    // "Minister of the Armed Forces", "President of the Republic": a title
    // whose complement is the rest of the run names no one
    let title_of = title_at.is_some_and(|(_, k)| k + 1 < b && !p.capitalised(k + 1));
    if title_of && !honorific {
        let (s, _) = title_at.unwrap_or((j, j));
        let title = expand_title(p.slice(s, b));
        c.official = official_title(&title);
        c.title = Some(title);
        c.mention.start = b;
        return c;
    }
    if let Some((s, k)) = title_at {
        // modifiers before the title belong to it ("Majority Leader")
        let t0 = (j..s)
            .find(|&m| {
                (m..s).all(|x| {
                    !is_name_token(p, x)
                        || TITLE_MODIFIERS.contains(&p.lower(x))
                        || p.capitalised(x)
                })
            })
            .unwrap_or(s);
        let title = expand_title(p.slice(t0, k + 1));
        c.official = official_title(&title);
        c.title = Some(title);
        title_from = t0;
        name_start = k + 1;
        // "Lt. Gen." and other stacked titles
        while name_start < b - 1 && title_ending_at(p, name_start, name_start).is_some() {
            name_start += 1;
        }
    } else if b > j && title_ending_at(p, j, b - 1).is_some_and(|s| s == j) && !honorific {
        // the whole run is a title ("the Minister of the Armed Forces")
        let title = expand_title(p.slice(j, b));
        c.official = official_title(&title);
        c.title = Some(title);
        c.mention.start = b;
        return c;
    }
    if b - name_start == 1 && (c.title.is_some() || honorific) {
        return after_title(p, c, title_from, honorific);
    }
    c.mention.start = name_start;
    c.name = p.slice(name_start, b).to_string();
    c.surface = p.slice(a, b).to_string();
    if c.title.is_some() || honorific {
        c.kind = Some(ActorKind::Person);
        c.strong = true;
        if c.affiliate.is_none() && c.title.is_some() {
            possessor_affiliation(p, a, &mut c);
        }
        return c;
    }
    read_plain_name(p, c, classes)
}

/// Titles that are also surnames ("Mr. King", "Gov. Bishop"): after a
/// title or honorific they are names.
const TITLE_SURNAMES: &[&str] = &[
    "king",
    "queen",
    "bishop",
    "dean",
    "prince",
    "judge",
    "major",
    "marshal",
    "knight",
    "earl",
    "baron",
    "duke",
    "pope",
    "sheriff",
    "cardinal",
    "abbot",
    "noble",
    "mayor",
    "chancellor",
];

/// A run of a title (or honorific) and one more word, `name_start..b`
/// of the candidate. The word is a name ("President Ruiz", "Mr. Ruiz")
/// unless it is a title itself or a word for a thing: then the run is a
/// title ("the Attorney General", "Vice President"), an address ("Mr.
/// President"), an organisation ("the General Assembly", "Justice
/// Department") or no actor at all ("the Executive Session").
fn after_title(p: &Para, mut c: Candidate, title_from: usize, honorific: bool) -> Candidate {
    let (a, b) = (c.mention.start, c.mention.end);
    let (word, lower) = (p.word(b - 1), p.lower(b - 1));
    let title_word = (p.has(b - 1, lexicon::ROLE) || gazetteer::get().title(lower).is_some())
        && !TITLE_SURNAMES.contains(&lower);
    let org_word = p.has(b - 1, lexicon::ORG_HEAD | lexicon::GOVERNMENT);
    let thing = p.has(
        b - 1,
        lexicon::COMMON | lexicon::NOT_ACTOR | lexicon::CALENDAR,
    ) || word_not_name(p, b - 1);
    let mut name = || {
        c.name = word.to_string();
        c.mention.start = b - 1;
        c.surface = p.slice(a, b).to_string();
        c.kind = Some(ActorKind::Person);
        c.strong = true;
    };
    if honorific {
        if title_word {
            c.mention.start = b;
        } else {
            name();
        }
        return c;
    }
    if title_word {
        let title = expand_title(p.slice(title_from, b));
        c.official = official_title(&title);
        c.title = Some(title);
        c.mention.start = b;
    } else if org_word && !thing {
        c.name = p.slice(title_from, b).to_string();
        c.surface = c.name.clone();
        c.mention.start = title_from;
        c.title = None;
        c.official = false;
        c.kind = Some(ActorKind::Organization);
        c.strong = true;
    } else if thing {
        c.mention.start = b;
        c.title = None;
    } else {
        name();
        if c.affiliate.is_none() {
            possessor_affiliation(p, a, &mut c);
        }
    }
    c
}

/// "Sudan's Irrigation Minister": a country or organisation named with a
/// possessive just before the title.
fn possessor_affiliation(p: &Para, a: usize, c: &mut Candidate) {
    if a < 2 || !matches!(p.lower(a - 1), "'s" | "’s") {
        return;
    }
    let mut s = a - 1;
    while s > 0 && p.capitalised(s - 1) {
        s -= 1;
    }
    if s == a - 1 {
        return;
    }
    if let Some(e) = gazetteer::get().lookup(p.slice(s, a - 1))
        && let Some(aff) = affiliate_of(e)
    {
        c.affiliate = Some(aff);
        c.qualifier_at = Some(Mention {
            para: c.mention.para,
            start: s,
            end: a - 1,
            form: Form::Name,
        });
    }
}

/// A title written with an abbreviation, in full ("Sen." -> "Senator").
fn expand_title(t: &str) -> String {
    t.split(' ')
        .map(|w| {
            TITLE_ABBREVIATIONS
                .iter()
                .find(|(a, _)| *a == w)
                .map_or(w, |(_, full)| full)
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn is_name_token(p: &Para, i: usize) -> bool {
    p.tokens[i].kind == Kind::Word
}

/// What a gazetteer qualifier links a title holder to.
fn affiliate_of(e: &gazetteer::Entry) -> Option<Affiliate> {
    match e.place {
        Place::Country | Place::Demonym | Place::Capital | Place::Metonym => {
            e.country.map(Affiliate::Country)
        }
        Place::Org | Place::Party | Place::PartyWord | Place::Media => {
            Some(Affiliate::Org(e.canonical.clone(), ActorKind::Organization))
        }
        Place::Group => Some(Affiliate::Org(e.canonical.clone(), ActorKind::Group)),
        Place::State | Place::NotActor => None,
    }
}

/// A run with no title or honorific: an organisation by its head word, an
/// operation, a group named after a class acronym ("PMC X"), an acronym, or
/// a person by the words around it.
fn read_plain_name(p: &Para, mut c: Candidate, classes: &ClassAcronyms) -> Candidate {
    let (a, b) = (c.mention.start, c.mention.end);
    let first = p.word(a);
    let last = p.lower(b - 1);
    if b - a == 1 && (p.has(a, lexicon::NOT_ACTOR) || word_not_name(p, a)) {
        c.mention.end = a;
        return c;
    }
    // "the Ohio Democrat said": a description of a party's member, whom
    // the speaker's resolution finds; not a name ("House Democrats" is)
    if b - a > 1
        && !last.ends_with('s')
        && gazetteer::get()
            .lookup(p.word(b - 1))
            .is_some_and(|e| e.place == gazetteer::Place::PartyWord)
    {
        c.mention.end = a;
        return c;
    }
    // "a nurse from Dayton, Ohio, said": a town before its state
    if town_before_state(p, b) {
        c.mention.end = a;
        return c;
    }
    if first == "Operation" && b - a > 1 {
        c.kind = Some(ActorKind::Other);
        c.strong = true;
        return c;
    }
    if let Some(&kind) = classes.get(first) {
        if b - a == 1 {
            c.mention.end = a;
            return c;
        }
        // "PMC Wagner": a group called Wagner
        c.mention.start = a + 1;
        c.name = p.slice(a + 1, b).to_string();
        c.kind = Some(kind);
        c.strong = true;
        return c;
    }
    if b - a > 1 && lexicon::is(last, lexicon::GROUP_HEAD) && !lexicon::is(last, lexicon::ROLE) {
        c.kind = Some(ActorKind::Group);
        c.strong = true;
        return c;
    }
    // "Institute for Coastal Studies and Planning": an organisation's head
    // word before "of" or "for"
    let head_of =
        (a + 1..b).any(|k| matches!(p.lower(k), "of" | "for") && p.has(k - 1, lexicon::ORG_HEAD));
    if b - a > 1 && (lexicon::is(last, lexicon::ORG_HEAD) || head_of) {
        c.kind = Some(ActorKind::Organization);
        c.strong = true;
        return c;
    }
    let before = a.checked_sub(1).map(|k| p.lower(k)).unwrap_or("");
    if lexicon::is(before, lexicon::MEDIA_NOUN) {
        // "the TV channel TV5"
        c.kind = Some(ActorKind::Organization);
        c.strong = true;
        return c;
    }
    if b - a == 1 && is_acronym(first) {
        c.kind = Some(ActorKind::Organization);
        c.strong = true;
        return c;
    }
    if b - a == 1 && followed_by_group_noun(p, b) {
        c.kind = Some(ActorKind::Group);
        c.strong = true;
        return c;
    }
    let g = gazetteer::get();
    let sentence_initial = p.starts_sentence(a);
    let speaks = followed_by_cue(p, b) || (b - a >= 2 && apposition_follows(p, b));
    let role_before = lexicon::is(before, lexicon::ROLE) && !p.capitalised(a.saturating_sub(1));
    let first_name = g.is_first_name(first) && b - a >= 2;
    // "a study in Dayton found": a single word after "in" is a place; it
    // may still join an actor the article names
    if b - a == 1 && after_place_preposition(p, a) {
        c.kind = None;
        return c;
    }
    // "the Chronicle wrote", "the Dublin-based Acme said": no person is
    // called "the X" or described so
    let described = a > 0 && compound_modifier(p.word(a - 1));
    if b - a == 1 && (before == "the" || described) {
        c.kind = speaks.then_some(ActorKind::Organization);
        c.strong = speaks;
        return c;
    }
    if let Some(kind) = apposed_body(p, b) {
        // "Greenpeace, the environmental group, said"
        c.kind = Some(kind);
        c.strong = true;
        return c;
    }
    if role_before {
        role_title(p, &mut c);
    } else if let Some(role) = apposed_role(p, a, b) {
        // "its chairman, Pieter Jansen," / "Ann Ko, the union's negotiator,"
        // "Ann Ko, the prime minister," holds office; "Ann Ko, the
        // president of the bank," and "its president, Ann Ko," are a body's
        let title = p.slice(role.start, role.end).to_string();
        let ends = [',', '.', ';'].iter().any(|&ch| p.is(role.end, ch));
        let bodys = role.start > 0 && matches!(p.lower(role.start - 1), "its" | "their");
        c.official = ends && !bodys && official_title(&title);
        c.title = Some(title);
        c.kind = Some(ActorKind::Person);
        c.strong = b - a >= 2;
        return c;
    }
    if role_before || first_name || (speaks && b - a >= 2) {
        c.kind = Some(ActorKind::Person);
        c.strong = b - a >= 2 || role_before;
    } else if speaks && !sentence_initial {
        c.kind = Some(ActorKind::Person);
    } else if b - a >= 2 && !sentence_initial && p.tokens[a].kind == Kind::Word {
        // an unknown name of two words or more: kept to join a known
        // actor, made an actor only by other evidence
        c.kind = None;
    }
    c
}

/// Prepositions after which a single capitalised word is a place, not a
/// person ("a centre in Dayton maintains").
const PLACE_PREPOSITIONS: &[&str] = &["in", "near", "outside", "inside", "throughout", "across"];

/// Whether token `i` follows a preposition of place ("in Dayton").
pub fn after_place_preposition(p: &Para, i: usize) -> bool {
    i > 0 && PLACE_PREPOSITIONS.contains(&p.lower(i - 1))
}

/// Whether a run ending at `b` is a town written with its state ("Dayton,
/// Ohio," "Austin, Tex."): a comma, then a state that ends the phrase.
fn town_before_state(p: &Para, b: usize) -> bool {
    let n = p.tokens.len();
    if b + 1 >= n || !p.is(b, ',') {
        return false;
    }
    let Some((k, e)) = gazetteer_at(p, b + 1, n) else {
        return false;
    };
    let end = b + 1 + k;
    e.place == Place::State && (end == n || [',', '.', ';', ':', ')'].iter().any(|&c| p.is(end, c)))
}

/// "Republican leader Mitch McConnell", "campaign manager Robby Mook": the
/// lower-case role words before a name are its title, and a gazetteer name
/// just before them its affiliation.
fn role_title(p: &Para, c: &mut Candidate) {
    let a = c.mention.start;
    let mut t = a;
    while t > 0 && a - t < 3 && p.tokens[t - 1].kind == Kind::Word && !p.capitalised(t - 1) {
        let w = p.lower(t - 1);
        if lexicon::is(
            w,
            lexicon::DETERMINER
                | lexicon::PREPOSITION
                | lexicon::CONJUNCTION
                | lexicon::PRONOUN
                | lexicon::AUXILIARY,
        ) {
            break;
        }
        t -= 1;
    }
    if t < a {
        c.title = Some(p.slice(t, a).to_string());
    }
    if t > 0
        && p.capitalised(t - 1)
        && let Some(e) = gazetteer::get().lookup(p.word(t - 1))
        && let Some(aff) = affiliate_of(e)
    {
        c.affiliate = Some(aff);
        c.qualifier_at = Some(Mention {
            para: c.mention.para,
            start: t - 1,
            end: t,
            form: if e.place == Place::Demonym {
                Form::Demonym
            } else {
                Form::Name
            },
        });
    }
}

/// A role written beside a name between commas: before it ("the
/// company's chief executive, Tomas Brandt,") or after it ("Ann Ko, the
/// union's lead negotiator,"). The role words, without determiner or
/// possessor.
fn apposed_role(p: &Para, a: usize, b: usize) -> Option<Range<usize>> {
    let role_words = |end: usize, min: usize| -> Option<(usize, usize)> {
        // lower-case words ending in a role, back to a determiner or a
        // possessive
        if end == 0 || !p.has(end - 1, lexicon::ROLE) || p.capitalised(end - 1) {
            return None;
        }
        let mut s = end - 1;
        while s > min
            && end - s < 3
            && p.tokens[s - 1].kind == Kind::Word
            && !p.capitalised(s - 1)
            && !p.has(
                s - 1,
                lexicon::DETERMINER
                    | lexicon::PREPOSITION
                    | lexicon::PRONOUN
                    | lexicon::CONJUNCTION,
            )
            && !p.lower(s - 1).contains(['\'', '’'])
        {
            s -= 1;
        }
        Some((s, end))
    };
    if a >= 2
        && p.is(a - 1, ',')
        && p.is(b, ',')
        && let Some((s, e)) = role_words(a - 1, 0)
    {
        return Some(s..e);
    }
    if p.is(b, ',')
        && b + 2 < p.tokens.len()
        && matches!(
            p.lower(b + 1),
            "the" | "a" | "an" | "its" | "his" | "her" | "their"
        )
    {
        let stop = (b + 2..(b + 10).min(p.tokens.len()))
            .find(|&k| p.tokens[k].kind != Kind::Word || p.has(k, lexicon::PREPOSITION))
            .unwrap_or((b + 10).min(p.tokens.len()));
        if let Some((s, e)) = role_words(stop, b + 1) {
            return Some(s..e);
        }
    }
    None
}

/// Words before a group noun that make the group an armed one ("an armed
/// group", "the rebel group").
const ARMED: &[&str] = &[
    "armed",
    "rebel",
    "militant",
    "jihadist",
    "paramilitary",
    "separatist",
];

/// What a name ending at token `b` is when a description of a body follows
/// it between commas: ", the environmental group," is an organisation,
/// ", an armed group," or ", the militia," a group.
fn apposed_body(p: &Para, b: usize) -> Option<ActorKind> {
    let n = p.tokens.len();
    if b + 2 >= n || !p.is(b, ',') || !matches!(p.lower(b + 1), "the" | "a" | "an") {
        return None;
    }
    let words = (b + 2..(b + 6).min(n))
        .take_while(|&k| {
            p.tokens[k].kind == Kind::Word
                && !p.capitalised(k)
                && !p.has(k, lexicon::PREPOSITION)
                && !p.lower(k).contains(['\'', '’'])
        })
        .count();
    let head = b + 1 + words;
    let closed = head + 1 >= n || p.is(head + 1, ',') || p.is(head + 1, '.');
    if words == 0 || !closed || !p.has(head, lexicon::ORG_NOUN | lexicon::GROUP_NOUN) {
        return None;
    }
    let armed = (b + 2..head).any(|k| ARMED.contains(&p.lower(k)))
        || matches!(
            p.lower(head),
            "militia" | "rebels" | "brigade" | "battalion" | "faction"
        );
    Some(if armed {
        ActorKind::Group
    } else {
        ActorKind::Organization
    })
}

/// "the Takuba special forces group": a kind-of-group noun within three
/// words after the name.
fn followed_by_group_noun(p: &Para, b: usize) -> bool {
    (b..(b + 3).min(p.tokens.len()))
        .take_while(|&k| p.tokens[k].kind == Kind::Word && !p.capitalised(k))
        .any(|k| matches!(p.lower(k), "group" | "militia" | "brigade" | "battalion"))
}

/// Whether a reporting verb follows the name ("Reed said", "Reed, who
/// chairs ..., said").
fn followed_by_cue(p: &Para, b: usize) -> bool {
    let mut k = b;
    while k < p.tokens.len()
        && (p.has(k, lexicon::ADVERB) || matches!(p.lower(k), "has" | "had" | "have"))
    {
        k += 1;
    }
    k < p.tokens.len()
        && !p.capitalised(k)
        && p.cue(k).is_some_and(|c| !c.participle && !c.bare)
        && !(k + 1 < p.tokens.len() && p.lower(k + 1) == "to")
}

/// Whether an apposition describing a person follows: ", a lawyer", ", the
/// union's negotiator", ", 45,".
fn apposition_follows(p: &Para, b: usize) -> bool {
    if !p.is(b, ',') || b + 1 >= p.tokens.len() {
        return false;
    }
    if p.tokens[b + 1].kind == Kind::Number && p.is(b + 2, ',') {
        return true;
    }
    if !matches!(p.lower(b + 1), "a" | "an" | "the" | "who" | "whose") {
        return false;
    }
    if matches!(p.lower(b + 1), "who" | "whose") {
        return true;
    }
    (b + 2..(b + 8).min(p.tokens.len()))
        .take_while(|&k| p.tokens[k].kind == Kind::Word)
        .any(|k| p.has(k, lexicon::ROLE))
}

impl ActorSet {
    /// Merge candidates into entities: strong names first, in text order,
    /// then the weak ones (surnames alone, unknown names) join them.
    fn merge(&mut self, candidates: Vec<Candidate>, defined: &[(String, String)]) {
        let (strong, weak): (Vec<_>, Vec<_>) = candidates.into_iter().partition(|c| c.strong);
        // fuller names first so that "Le Drian" finds "Jean-Yves Le Drian"
        let mut strong = strong;
        strong.sort_by_key(|c| {
            (
                std::cmp::Reverse(c.name.split(' ').count().min(3)),
                c.mention.para,
                c.mention.start,
            )
        });
        for c in strong {
            self.add(c, defined, true);
        }
        for c in weak {
            self.add(c, defined, false);
        }
        for e in &mut self.entities {
            e.mentions.sort_by_key(|m| (m.para, m.start));
            e.mentions.dedup();
        }
    }

    fn add(&mut self, c: Candidate, defined: &[(String, String)], create: bool) {
        if let Some(i) = self.find_same(&c, defined) {
            self.join(i, c);
            return;
        }
        if !create && c.kind != Some(ActorKind::Person) {
            return;
        }
        let Some(kind) = c.kind else {
            return;
        };
        let affiliation = c
            .affiliate
            .as_ref()
            .map(|a| self.entity_for(a, c.qualifier_at));
        // a person's given name says "he" or "she" when nothing else does
        let given = || {
            let (first, rest) = c.name.split_once(' ')?;
            if rest.is_empty() {
                return None;
            }
            gazetteer::get().given_name_gender(first)
        };
        let gender = c
            .gender
            .or_else(|| (kind == ActorKind::Person).then(given).flatten());
        self.entities.push(Entity {
            name: c.name.clone(),
            kind,
            aliases: Vec::new(),
            title: c.title.clone(),
            affiliation,
            gender,
            country: c.country,
            official: c.official,
            mentions: vec![c.mention],
        });
        let i = self.entities.len() - 1;
        self.by_name.entry(c.name.clone()).or_insert(i);
        self.index_name(i, &c.name);
        if let Some(k) = c.country {
            self.by_country.entry(k).or_insert(i);
        }
        if c.mention.form != Form::Demonym {
            self.add_alias(i, &c.surface);
        }
        if let Some(a) = &c.abbreviation {
            self.add_alias(i, a);
        }
    }

    /// The entity a qualifier names, made when the article has not named
    /// it yet ("Russian Foreign Minister ..." makes Russia).
    fn entity_for(&mut self, a: &Affiliate, at: Option<Mention>) -> usize {
        let g = gazetteer::get();
        let (name, kind, country) = match a {
            Affiliate::Country(k) => (g.country_name(*k).to_string(), ActorKind::Country, Some(*k)),
            Affiliate::Org(n, kind) => (n.clone(), *kind, None),
        };
        let known = self
            .by_name
            .get(&name)
            .or_else(|| country.and_then(|k| self.by_country.get(&k)))
            .copied();
        if let Some(i) = known {
            if let Some(m) = at {
                self.entities[i].mentions.push(m);
            }
            return i;
        }
        let i = self.entities.len();
        self.by_name.insert(name.clone(), i);
        self.index_name(i, &name);
        if let Some(k) = country {
            self.by_country.insert(k, i);
        }
        self.entities.push(Entity {
            name,
            kind,
            aliases: Vec::new(),
            title: None,
            affiliation: None,
            gender: None,
            country,
            official: false,
            // the qualifier stands just before the name it qualifies
            mentions: at.into_iter().collect(),
        });
        self.entities.len() - 1
    }

    fn join(&mut self, i: usize, c: Candidate) {
        let e = &mut self.entities[i];
        if e.title.is_none() {
            e.title = c.title.clone();
            e.official |= c.official;
        }
        if e.gender.is_none() {
            e.gender = c.gender.or_else(|| {
                let (first, _) = c.name.split_once(' ')?;
                gazetteer::get().given_name_gender(first)
            });
        }
        if e.kind != ActorKind::Person && c.kind == Some(ActorKind::Person) && e.country.is_none() {
            e.kind = ActorKind::Person;
        }
        // a fuller name becomes the name ("Le Drian" -> "Jean-Yves Le Drian")
        if e.kind == ActorKind::Person && c.name.split(' ').count() > e.name.split(' ').count() {
            let old = std::mem::replace(&mut e.name, c.name.clone());
            self.by_name.entry(c.name.clone()).or_insert(i);
            self.index_name(i, &c.name);
            self.add_alias(i, &old);
        }
        if e_affiliation_missing(&self.entities[i])
            && let Some(a) = &c.affiliate
        {
            let k = self.entity_for(a, c.qualifier_at);
            if k != i {
                self.entities[i].affiliation = Some(k);
            }
        }
        self.entities[i].mentions.push(c.mention);
        if c.mention.form != Form::Demonym {
            self.add_alias(i, &c.name);
            self.add_alias(i, &c.surface);
        }
    }

    fn add_alias(&mut self, i: usize, alias: &str) {
        let e = &mut self.entities[i];
        let alias = alias.trim();
        let alias = alias
            .strip_prefix("The ")
            .or_else(|| alias.strip_prefix("the "))
            .unwrap_or(alias);
        if alias.is_empty() || alias == e.name || e.aliases.iter().any(|a| a == alias) {
            return;
        }
        e.aliases.push(alias.to_string());
        self.by_name.entry(alias.to_string()).or_insert(i);
        self.index_name(i, alias);
    }

    /// Record that entity `i` is (or was) called `name`, for `find_person`.
    fn index_name(&mut self, i: usize, name: &str) {
        let named = self.people_named.entry(name.to_string()).or_default();
        if named.last() != Some(&i) {
            named.push(i);
        }
        for end in word_endings(name) {
            let ending = self.people_ending_in.entry(end.to_string()).or_default();
            if ending.last() != Some(&i) {
                ending.push(i);
            }
        }
    }

    /// The entities with a name or alias that `name` ends in words, or
    /// that ends `name` in words, by ascending index (a superset of those
    /// whose current names do; the caller checks).
    fn named_alike(&self, name: &str) -> Vec<usize> {
        let mut ids: Vec<usize> = self
            .people_ending_in
            .get(name)
            .into_iter()
            .flatten()
            .copied()
            .collect();
        for end in word_endings(name) {
            ids.extend(self.people_named.get(end).into_iter().flatten());
        }
        ids.sort_unstable();
        ids.dedup();
        ids
    }

    /// The entity a candidate names, if the article has it already.
    fn find_same(&self, c: &Candidate, defined: &[(String, String)]) -> Option<usize> {
        let name = c.name.as_str();
        // the same name, or an alias; the same country
        if let Some(&i) = self.by_name.get(name) {
            return Some(i);
        }
        if let Some(k) = c.country
            && let Some(&i) = self.by_country.get(&k)
        {
            return Some(i);
        }
        // a defined acronym and its expansion
        let expansion = defined
            .iter()
            .find(|(a, x)| a == name || x == name)
            .map(|(a, x)| if a == name { x.as_str() } else { a.as_str() });
        if let Some(&i) = expansion.and_then(|x| self.by_name.get(x)) {
            return Some(i);
        }
        if let Some(kind) = c.kind.filter(|&k| k != ActorKind::Person) {
            // "Wagner Group" and "Wagner": a group by its bare name; a name
            // spelled with one letter changed ("Operation Barkhan(e)")
            return self.entities.iter().position(|e| {
                e.kind == kind
                    && e.kind != ActorKind::Country
                    && (strip_head(&e.name) == name
                        || strip_head(name) == e.name
                        || same_but_one_letter(&e.name, name))
            });
        }
        self.find_person(c)
    }

    /// The person a name belongs to: the same surname (the most recently
    /// mentioned one when several share it), a fuller name ending in it,
    /// or a surname spelled with one letter more, less or changed.
    fn find_person(&self, c: &Candidate) -> Option<usize> {
        let name = c.name.as_str();
        let people = || {
            self.entities
                .iter()
                .enumerate()
                .filter(|(_, e)| e.kind == ActorKind::Person)
        };
        let matching: Vec<usize> = self
            .named_alike(name)
            .into_iter()
            .filter(|&i| {
                let e = &self.entities[i];
                e.kind == ActorKind::Person
                    && std::iter::once(&e.name)
                        .chain(&e.aliases)
                        .any(|n| ends_in_words(n, name) || ends_in_words(name, n))
            })
            .filter(|&i| gender_agrees(self.entities[i].gender, c.gender))
            .collect();
        if !matching.is_empty() {
            return self.most_recent(&matching, c.mention);
        }
        let single = !name.contains(' ');
        let last = name.rsplit(' ').next().unwrap_or("");
        if !single || last.chars().count() < 5 || c.kind == Some(ActorKind::Organization) {
            return None;
        }
        let variants: Vec<usize> = people()
            .filter(|(_, e)| {
                let surname = e.name.rsplit(' ').next().unwrap_or("");
                one_edit_apart(surname, last) && gender_agrees(e.gender, c.gender)
            })
            .map(|(i, _)| i)
            .collect();
        (variants.len() == 1).then(|| variants[0])
    }

    /// Of several entities, the one mentioned last before `at` (or the
    /// first one mentioned after it).
    fn most_recent(&self, ids: &[usize], at: Mention) -> Option<usize> {
        let key = (at.para, at.start);
        ids.iter()
            .filter_map(|&i| {
                let before = self.entities[i]
                    .mentions
                    .iter()
                    .map(|m| (m.para, m.start))
                    .filter(|&m| m < key)
                    .max();
                before.map(|m| (m, i))
            })
            .max()
            .map(|(_, i)| i)
            .or_else(|| ids.first().copied())
    }

    fn build_index(&mut self, paras: usize) {
        self.index = vec![Vec::new(); paras];
        for (i, e) in self.entities.iter().enumerate() {
            for m in &e.mentions {
                if let Some(list) = self.index.get_mut(m.para) {
                    list.push((m.start, m.end, i));
                }
            }
        }
        for list in &mut self.index {
            list.sort_unstable();
        }
        self.order = self
            .index
            .iter()
            .enumerate()
            .flat_map(|(p, l)| l.iter().map(move |&(s, _, i)| (p, s, i)))
            .collect();
    }

    /// The entity mentioned at token `tok` of paragraph `para`.
    pub fn at(&self, para: usize, tok: usize) -> Option<usize> {
        let list = self.index.get(para)?;
        let k = list.partition_point(|&(s, _, _)| s <= tok);
        list[..k]
            .iter()
            .rev()
            .take(3)
            .find(|&&(s, e, _)| s <= tok && tok < e)
            .map(|&(_, _, i)| i)
    }

    /// The entities mentioned within tokens `start..end` of a paragraph, in
    /// order: (first token, entity).
    pub fn within(&self, para: usize, start: usize, end: usize) -> Vec<(usize, usize)> {
        let Some(list) = self.index.get(para) else {
            return Vec::new();
        };
        // sorted by start: skip to the first at `start`, stop past `end`
        // (a scan of the whole paragraph per call was quadratic on one
        // long line of text)
        let from = list.partition_point(|&(s, _, _)| s < start);
        list[from..]
            .iter()
            .take_while(|&&(s, _, _)| s <= end)
            .filter(|&&(_, e, _)| e <= end)
            .map(|&(s, _, i)| (s, i))
            .collect()
    }

    /// Mentions of every entity, in text order: (para, start, entity).
    pub fn mentions_in_order(&self) -> &[(usize, usize, usize)] {
        &self.order
    }

    /// Record a mention found late (a speaker phrase), keeping the index.
    pub fn add_mention(&mut self, entity: usize, m: Mention) {
        if self.entities[entity].mentions.contains(&m) {
            return;
        }
        self.entities[entity].mentions.push(m);
        self.entities[entity]
            .mentions
            .sort_by_key(|m| (m.para, m.start));
        if let Some(list) = self.index.get_mut(m.para) {
            let k = list.partition_point(|x| *x < (m.start, m.end, entity));
            list.insert(k, (m.start, m.end, entity));
            let k = self
                .order
                .partition_point(|x| *x < (m.para, m.start, entity));
            self.order.insert(k, (m.para, m.start, entity));
        }
    }

    /// Make a person entity for a speaker the runs did not catch.
    pub fn add_person(&mut self, name: &str, m: Mention) -> usize {
        self.entities.push(Entity {
            name: name.to_string(),
            kind: ActorKind::Person,
            aliases: Vec::new(),
            title: None,
            affiliation: None,
            gender: None,
            country: None,
            official: false,
            mentions: Vec::new(),
        });
        let i = self.entities.len() - 1;
        self.index_name(i, name);
        self.add_mention(i, m);
        i
    }

    /// The model actors: ids are slugs of the names (unique), mentions are
    /// char spans, in order of first mention.
    pub fn to_actors(&self, paras: &[Para], ids: &[String]) -> Vec<Actor> {
        let mut order: Vec<usize> = (0..self.entities.len()).collect();
        order.sort_by_key(|&i| self.entities[i].mentions.first().map(|m| (m.para, m.start)));
        order
            .into_iter()
            .map(|i| {
                let e = &self.entities[i];
                let mut aliases = e.aliases.clone();
                if e.kind == ActorKind::Organization
                    && let Some(formal) = department_in_full(&e.name)
                    && !aliases.contains(&formal)
                {
                    aliases.push(formal);
                }
                Actor {
                    id: ids[i].clone(),
                    name: e.name.clone(),
                    kind: e.kind,
                    aliases,
                    title: e.title.clone(),
                    affiliation: e.affiliation.filter(|&a| a != i).map(|a| ids[a].clone()),
                    mentions: e.mentions.iter().filter_map(|m| span(paras, m)).collect(),
                }
            })
            .collect()
    }

    /// The id of every entity: the slug of its name, made unique in order
    /// of first mention.
    pub fn ids(&self) -> Vec<String> {
        let mut order: Vec<usize> = (0..self.entities.len()).collect();
        order.sort_by_key(|&i| self.entities[i].mentions.first().map(|m| (m.para, m.start)));
        let mut ids = vec![String::new(); self.entities.len()];
        let mut taken = std::collections::HashSet::new();
        for i in order {
            let base = slug(&self.entities[i].name);
            let mut id = base.clone();
            let mut n = 2;
            while !taken.insert(id.clone()) {
                id = format!("{base}-{n}");
                n += 1;
            }
            ids[i] = id;
        }
        ids
    }
}

fn e_affiliation_missing(e: &Entity) -> bool {
    e.affiliation.is_none()
}

/// The char span of a mention.
pub fn span(paras: &[Para], m: &Mention) -> Option<Span> {
    let p = paras.get(m.para)?;
    if m.start >= m.end || m.end > p.tokens.len() {
        return None;
    }
    Some(Span {
        paragraph: p.index,
        start: p.char_at(p.tokens[m.start].start),
        end: p.char_at(p.tokens[m.end - 1].end),
    })
}

/// A name without its kind word ("Wagner Group" -> "Wagner").
fn strip_head(name: &str) -> &str {
    match name.rsplit_once(' ') {
        Some((rest, last)) if lexicon::is(&last.to_ascii_lowercase(), lexicon::GROUP_HEAD) => rest,
        _ => name,
    }
}

fn gender_agrees(a: Option<Gender>, b: Option<Gender>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    }
}

/// Two names of several words that differ only by one letter of the last
/// word.
fn same_but_one_letter(a: &str, b: &str) -> bool {
    match (a.rsplit_once(' '), b.rsplit_once(' ')) {
        (Some((ra, la)), Some((rb, lb))) => {
            ra == rb && la.chars().count() >= 5 && one_edit_apart(la, lb)
        }
        _ => false,
    }
}

/// Whether two words differ by one inserted, deleted or changed letter.
fn one_edit_apart(a: &str, b: &str) -> bool {
    if a.len().abs_diff(b.len()) > 4 || a.as_bytes().first() != b.as_bytes().first() {
        return false;
    }
    if a.is_ascii() && b.is_ascii() {
        return one_edit(a.as_bytes(), b.as_bytes());
    }
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    one_edit(&a, &b)
}

fn one_edit<T: PartialEq>(a: &[T], b: &[T]) -> bool {
    if a == b || a.len().abs_diff(b.len()) > 1 || a.first() != b.first() {
        return false;
    }
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    let prefix = short
        .iter()
        .zip(long.iter())
        .take_while(|(x, y)| x == y)
        .count();
    if short.len() == long.len() {
        short[prefix + 1..] == long[prefix + 1..]
    } else {
        short[prefix..] == long[prefix + 1..]
    }
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

/// A government department's name in full ("Justice Department" ->
/// "Department of Justice"), the form its own papers use: one capitalised
/// word before "Department".
fn department_in_full(name: &str) -> Option<String> {
    let field = name.strip_suffix(" Department")?;
    let one_word = !field.is_empty()
        && field.chars().next().is_some_and(char::is_uppercase)
        && field.chars().all(char::is_alphabetic);
    one_word.then(|| format!("Department of {field}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Article;

    #[test]
    fn a_department_is_also_known_by_its_name_in_full() {
        let a = article("The Fisheries Department said quotas would fall.");
        let dept = find(&a, "Fisheries Department");
        assert!(
            dept.aliases.iter().any(|n| n == "Department of Fisheries"),
            "{dept:?}"
        );
        assert_eq!(
            department_in_full("Police Department"),
            Some("Department of Police".into())
        );
        assert_eq!(department_in_full("Baltimore Police Department"), None);
    }

    fn article(body: &str) -> Article {
        crate::analyse_text("t.txt", &format!("Headline\n\n{body}"))
    }

    fn find<'a>(a: &'a Article, name: &str) -> &'a Actor {
        a.actors
            .iter()
            .find(|x| x.name == name || x.aliases.iter().any(|n| n == name))
            .unwrap_or_else(|| panic!("no {name:?} in {:?}", a.actors))
    }

    fn affiliation<'a>(a: &'a Article, name: &str) -> Option<&'a str> {
        let id = find(a, name).affiliation.as_deref()?;
        a.actor(id).map(|x| x.name.as_str())
    }

    #[test]
    fn demonym_title_and_name() {
        let a = article("Peruvian Trade Minister Rosa Diaz said exports would grow.");
        let diaz = find(&a, "Rosa Diaz");
        assert_eq!(diaz.kind, ActorKind::Person);
        assert_eq!(diaz.title.as_deref(), Some("Trade Minister"));
        assert_eq!(affiliation(&a, "Rosa Diaz"), Some("Peru"));
    }

    #[test]
    fn organisation_title() {
        let a = article("World Health Organization Director Ana Ruiz met the press.");
        assert_eq!(
            affiliation(&a, "Ana Ruiz"),
            Some("World Health Organization")
        );
    }

    #[test]
    fn honorific_and_surname_join_the_full_name() {
        let a = article(
            "Finance Minister Anna Berg spoke. Later Ms. Berg left, and Berg said no more.",
        );
        let berg = find(&a, "Anna Berg");
        assert!(berg.aliases.iter().any(|x| x == "Ms. Berg"));
        assert_eq!(berg.mentions.len(), 3);
    }

    #[test]
    fn one_letter_variant_of_a_surname_joins() {
        let a = article("Health Minister Karin Holmberg spoke. Later Ms. Holmburg left the hall.");
        assert_eq!(find(&a, "Ms. Holmburg").name, "Karin Holmberg");
    }

    #[test]
    fn people_sharing_a_surname_stay_apart() {
        let a = article("Senator Maria Costa met Governor Paulo Costa on Monday.");
        assert_ne!(find(&a, "Maria Costa").id, find(&a, "Paulo Costa").id);
    }

    #[test]
    fn title_then_name_in_apposition() {
        let a = article("The Minister of the Interior, Lena Vogt, opened the session.");
        let vogt = find(&a, "Lena Vogt");
        assert_eq!(vogt.title.as_deref(), Some("Minister of the Interior"));
        assert!(a.actors.iter().all(|x| !x.name.contains("Interior")));
    }

    #[test]
    fn acronym_defined_in_the_text() {
        let a = article(
            "The Nordic Rail Alliance (NRA) said fares would rise. The NRA later denied it.",
        );
        let nra = find(&a, "NRA");
        assert_eq!(nra.name, "Nordic Rail Alliance");
        assert_eq!(nra.mentions.len(), 3);
    }

    #[test]
    fn class_acronym_names_a_group() {
        let a = article("A private security company [PSC] was hired. PSC Falcon denied any abuse.");
        let falcon = find(&a, "Falcon");
        assert_eq!(falcon.kind, ActorKind::Group);
        assert!(a.actors.iter().all(|x| x.name != "PSC"));
    }

    #[test]
    fn operations_and_groups() {
        let a = article("Operation Sandstorm ended. The Falcon Group said it would leave.");
        assert_eq!(find(&a, "Operation Sandstorm").kind, ActorKind::Other);
        assert_eq!(find(&a, "Falcon Group").kind, ActorKind::Group);
    }

    #[test]
    fn a_capital_acts_for_its_country_but_not_as_a_place() {
        let a = article("Talks were held in Lima. Later Madrid rejected the offer.");
        assert_eq!(find(&a, "Madrid").name, "Spain");
        assert!(a.actors.iter().all(|x| x.name != "Peru"));
    }

    #[test]
    fn a_body_described_between_commas() {
        let a = article("Oceanwatch, the environmental group, called the quota reckless.");
        assert_eq!(find(&a, "Oceanwatch").kind, ActorKind::Organization);
        let a = article("Red Dawn, an armed group, said it had taken the town.");
        assert_eq!(find(&a, "Red Dawn").kind, ActorKind::Group);
        // a role is no body: "a union negotiator" is a person
        let a = article("Ann Ko, a union negotiator, said the strike would go on.");
        assert_eq!(find(&a, "Ann Ko").kind, ActorKind::Person);
    }

    #[test]
    fn demonym_with_a_government_noun_is_the_country() {
        let a = article("The Chilean authorities closed the border.");
        assert_eq!(find(&a, "Chile").kind, ActorKind::Country);
        let a = article("The Chilean foreign ministry said the border would reopen.");
        assert_eq!(find(&a, "Chile").kind, ActorKind::Country);
        assert_eq!(a.quotes[0].speaker.as_deref(), Some("chile"));
        for other in [
            "Chilean wine growers said the harvest was late.",
            "A Chilean private military company won the contract.",
        ] {
            let a = article(other);
            assert!(a.actors.iter().all(|x| x.name != "Chile"), "{other}");
        }
    }

    #[test]
    fn sentence_openers_months_and_furniture_are_not_actors() {
        let a = article(
            "However, talks resumed in March. Earlier, voters waited. Follow us on Twitter.",
        );
        for junk in ["However", "March", "Earlier", "Twitter", "Follow"] {
            assert!(a.actors.iter().all(|x| x.name != junk), "{junk}");
        }
    }

    fn people(a: &Article) -> Vec<&str> {
        a.actors
            .iter()
            .filter(|x| x.kind == ActorKind::Person)
            .map(|x| x.name.as_str())
            .collect()
    }

    #[test]
    fn a_state_is_a_place_or_its_government_never_a_person() {
        let a = article(
            "A clinic in Nebraska said the wait was long. Senator Ana Ruiz of Nebraska said so too.",
        );
        assert_eq!(people(&a), ["Ana Ruiz"]);
        let a = article("On Monday Nebraska said the rule was unlawful.");
        assert_eq!(find(&a, "Nebraska").kind, ActorKind::Organization);
    }

    #[test]
    fn a_town_written_with_its_state_is_a_place() {
        let a = article(
            "Tom Reed, a nurse from Dayton, Ohio, said the clinic was full. A baker in Salem, Ore., said so too.",
        );
        assert_eq!(people(&a), ["Tom Reed"]);
    }

    #[test]
    fn a_party_and_state_tag_is_no_actor() {
        let a = article(
            "Sen. Ana Ruiz, D-Neb., said the bill was dead. Rep. Tom Reed (R-Tex.) agreed.",
        );
        assert_eq!(people(&a), ["Ana Ruiz", "Tom Reed"]);
        assert!(
            a.actors.iter().all(|x| !x.name.contains('-')),
            "{:?}",
            a.actors
        );
    }

    #[test]
    fn a_single_word_after_in_is_a_place() {
        let a = article("A museum in Dayton maintains a list of the donors.");
        assert!(people(&a).is_empty(), "{:?}", a.actors);
    }

    #[test]
    fn a_compound_modifier_is_no_name() {
        let p = Para::new(
            0,
            "Twelve Republican-led states, Mary Smith-Jones and Abd-el Lam objected.",
        );
        let at = |w: &str| (0..p.tokens.len()).find(|&i| p.word(i) == w).unwrap();
        assert!(word_not_name(&p, at("Republican-led")));
        assert!(!word_not_name(&p, at("Smith-Jones")));
        assert!(!word_not_name(&p, at("Abd-el")));
        // the plural of a word for a faith or a region's people
        let p = Para::new(0, "Catholics and Southerners said the fee was unfair.");
        assert!(word_not_name(&p, 0));
        // a thing so described is no person
        let a = article("The Oslo-based Norlis said the deal was off.");
        assert!(people(&a).is_empty(), "{:?}", a.actors);
    }

    #[test]
    fn a_title_followed_by_a_title_or_a_thing_is_no_person() {
        // a title in two words, an address, an organisation
        let a = article(
            "The Attorney General said the case was closed. “Thank you, Mr. President,” Ana Ruiz said. The General Assembly voted on Tuesday.",
        );
        assert_eq!(people(&a), ["Ana Ruiz"]);
        assert_eq!(find(&a, "General Assembly").kind, ActorKind::Organization);
        // a title that is also a surname stays a name
        let a = article("Mr. King said the bridge would open in May.");
        assert_eq!(people(&a), ["King"]);
    }

    #[test]
    fn a_surname_with_its_particle_continues_the_name() {
        let a = article("President Omar al-Rashid said the border would stay closed.");
        assert_eq!(people(&a), ["Omar al-Rashid"]);
        // a modifier before a name is not part of it
        let a = article("The Canadian-born Tom Reed said the border would stay closed.");
        assert_eq!(people(&a), ["Tom Reed"]);
    }

    #[test]
    fn and_joins_the_last_part_of_a_name_with_of() {
        let a = article(
            "The Institute for Coastal Studies and Planning said the dunes were shrinking.",
        );
        assert!(people(&a).is_empty(), "{:?}", a.actors);
        // two actors stay two
        let a = article("The Minister of Justice and Ana Ruiz said the court would sit.");
        assert!(people(&a).contains(&"Ana Ruiz"), "{:?}", a.actors);
        let a = article("Minister of Justice Ana Ruiz and Chairman of the Bar Tom Reed spoke.");
        assert!(people(&a).contains(&"Ana Ruiz"), "{:?}", a.actors);
    }

    #[test]
    fn a_party_member_described_is_not_a_name() {
        let a = article(
            "Ana Lima spoke first. The Ohio Democrat said the vote was fair. House Democrats agreed.",
        );
        assert!(
            a.actors.iter().all(|x| x.name != "Ohio Democrat"),
            "{:?}",
            a.actors
        );
        assert!(
            a.actors.iter().any(|x| x.name.contains("Democrat")),
            "{:?}",
            a.actors
        );
    }

    #[test]
    fn a_party_s_members_speak_for_it() {
        let a = article(
            "Republican lawmakers criticized the plan on Monday. GOP senators said they would block it.",
        );
        let party = find(&a, "Republican Party");
        assert_eq!(party.kind, ActorKind::Organization);
        for alias in ["Republican lawmakers", "GOP senators"] {
            assert!(
                party.aliases.iter().any(|x| x == alias),
                "{:?}",
                party.aliases
            );
        }
        assert_eq!(party.mentions.len(), 2);
        // the party's word alone before another noun only qualifies
        let a = article("The Republican plan failed, and the vote was close.");
        assert!(a.actors.is_empty(), "{:?}", a.actors);
    }

    #[test]
    fn an_administration_named_after_its_head_is_not_the_head() {
        let a = article(
            "President Ana Reed spoke. The Reed administration said the port would stay open.",
        );
        assert_eq!(
            find(&a, "Reed administration").kind,
            ActorKind::Organization
        );
        assert_eq!(find(&a, "Ana Reed").mentions.len(), 1);
    }

    #[test]
    fn agencies_and_chambers_go_by_their_full_names() {
        let a = article("The FBI said the files were sealed. The House voted on Friday.");
        let fbi = find(&a, "Federal Bureau of Investigation");
        assert!(fbi.aliases.iter().any(|x| x == "FBI"), "{:?}", fbi.aliases);
        find(&a, "House of Representatives");
    }

    #[test]
    fn name_before_a_reporting_verb_is_a_person() {
        let a = article("The vote was close, and Jorge Almeida said it was fair.");
        assert_eq!(find(&a, "Jorge Almeida").kind, ActorKind::Person);
    }

    #[test]
    fn role_words_before_a_name() {
        let a = article("Republican strategist Dana Whitfield said the race was open.");
        let d = find(&a, "Dana Whitfield");
        assert_eq!(d.title.as_deref(), Some("strategist"));
        assert_eq!(affiliation(&a, "Dana Whitfield"), Some("Republican Party"));
    }

    #[test]
    fn a_name_is_found_by_each_of_its_word_endings() {
        let ends: Vec<&str> = word_endings("Jean-Yves Le Drian").collect();
        assert_eq!(ends, ["Jean-Yves Le Drian", "Le Drian", "Drian"]);
        assert!(ends.iter().all(|e| ends_in_words("Jean-Yves Le Drian", e)));
        // thousands of people: a surname alone still joins its own person
        let surname = |i: usize| {
            let letter = |k: usize| char::from(b'a' + (k % 26) as u8);
            format!("Vo{}{}{}", letter(i), letter(i / 26), letter(i / 676))
        };
        let body: String = (0..2_000)
            .map(|i| format!("Minister Ana {} spoke. ", surname(i)))
            .collect();
        let a = article(&format!("{body}Then {} said no.", surname(1_234)));
        let x = find(&a, &format!("Ana {}", surname(1_234)));
        assert_eq!(x.mentions.len(), 2, "{x:?}");
    }

    #[test]
    fn slugs_join_lower_case_words() {
        assert_eq!(slug("Jean-Yves Le Drian"), "jean-yves-le-drian");
        assert_eq!(slug("Élysée Palace"), "élysée-palace");
    }
}
