//! The sentence rules of the Positions panel: in one sentence, who holds a
//! stance, towards what, and how it reads. Four rules, one per way news text
//! states a stance:
//!
//! - act: a stance verb and its subject ("the mayor criticized the plan");
//! - for: a phrase and the holder after it ("a red line for the union");
//! - say: a reporting verb and what follows it ("she said the levy was
//!   unfair"), the stance read from the words of the report;
//! - quote: a quotation and its speaker, read the same way.

use super::positions::{is_chamber, polarity_of};
use super::stance::{CueKind, Hit, Token, is_contracted_negation, is_quote, is_word};
use super::stance_index::{ArticleIndex, Gender, Voice};
use super::stance_summary::{MAX_WORDS, clause_around, join, phrase};
use super::stance_topics::topic_in;
use crate::model::{ActorKind, Polarity, QuoteKind};

/// An actor's mention inside the sentence: tokens `first..end`.
#[derive(Debug, Clone, Copy)]
pub(super) struct MentionAt {
    pub first: usize,
    pub end: usize,
    pub actor: usize,
    /// Where the name ends in the paragraph (before a possessive "'s").
    pub byte_end: usize,
}

/// One sentence, ready for the rules.
pub(super) struct SentenceView<'a> {
    /// Position of the paragraph in the article's paragraphs.
    pub pos: usize,
    pub text: &'a str,
    pub tokens: &'a [Token],
    pub hits: &'a [Hit],
    pub mentions: &'a [MentionAt],
    pub voices: &'a [Voice],
}

/// What a position is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Target {
    Actor(usize),
    Text(String),
    None,
}

/// A position as a rule finds it.
#[derive(Debug, Clone)]
pub(super) struct Found {
    pub actor: usize,
    pub polarity: Polarity,
    pub stance: &'static str,
    pub target: Target,
    pub summary: String,
    pub pos: usize,
    /// Where its cue starts in the paragraph.
    pub byte: usize,
    pub quote: Option<usize>,
}

/// Words between a subject and its verb that do not break the link.
const SKIPPED: &[&str] = &[
    "also",
    "has",
    "had",
    "have",
    "will",
    "would",
    "could",
    "should",
    "may",
    "might",
    "must",
    "did",
    "does",
    "do",
    "is",
    "are",
    "was",
    "were",
    "been",
    "be",
    "being",
    "not",
    "never",
    "again",
    "already",
    "still",
    "even",
    "just",
    "only",
    "now",
    "then",
    "later",
    "once",
    "first",
    "long",
    "too",
    "both",
    "all",
    "himself",
    "herself",
    "themselves",
    "itself",
    "on",
    "earlier",
    "last",
    "this",
    "week",
    "month",
    "year",
    "today",
    "yesterday",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "morning",
    "evening",
    "night",
    "afternoon",
    "who",
    "which",
    "that",
    "reportedly",
    "previously",
    "keep",
    "keeps",
    "kept",
    "continue",
    "continues",
    "continued",
    "began",
    "begin",
    "begins",
    "started",
    "start",
    "try",
    "tries",
    "tried",
    "trying",
    "going",
];

/// Nouns for someone who speaks for the actor before them ("the mayor's
/// spokesman said").
const SPOKESPEOPLE: &[&str] = &[
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "aide",
    "aides",
    "campaign",
    "office",
    "lawyer",
    "lawyers",
    "attorney",
    "team",
    "allies",
    "representative",
    "administration",
    "staff",
    "adviser",
    "advisers",
    "advisor",
    "government",
    "statement",
];

/// Nouns for people who speak for the actor named just before them
/// ("Republican leaders", "union officials").
const MEMBERS: &[&str] = &[
    "officials",
    "leaders",
    "lawmakers",
    "senators",
    "members",
    "legislators",
    "negotiators",
    "officers",
    "representatives",
    "spokesmen",
    "aides",
    "delegates",
    "delegation",
    "leadership",
    "ministers",
    "diplomats",
    "executives",
];

/// Nouns that name an official by role ("the minister said"); matched
/// against the titles of the actors mentioned before.
const ROLES: &[&str] = &[
    "president",
    "senator",
    "minister",
    "secretary",
    "governor",
    "mayor",
    "chairman",
    "chairwoman",
    "chair",
    "leader",
    "speaker",
    "spokesman",
    "spokeswoman",
    "congressman",
    "congresswoman",
    "lawmaker",
    "candidate",
    "ambassador",
    "chancellor",
    "premier",
    "general",
    "director",
    "judge",
    "attorney",
    "prosecutor",
    "representative",
    "nominee",
    "official",
    "commissioner",
    "king",
    "queen",
    "prince",
    "pope",
    "envoy",
    "chief",
];

/// Nouns that name an organisation by kind ("the committee said"); matched
/// against the names of the actors mentioned before.
const BODIES: &[&str] = &[
    "committee",
    "commission",
    "council",
    "union",
    "party",
    "agency",
    "department",
    "ministry",
    "company",
    "court",
    "administration",
    "bank",
    "group",
    "association",
    "campaign",
    "board",
    "senate",
    "house",
    "congress",
    "parliament",
];

/// Prepositions that make the name after them part of the name before
/// ("Senator Ann Ruiz of Ohio").
const ATTACHING: &[&str] = &["of", "from", "for", "in", "at", "with"];

/// Words that end a noun phrase after a verb.
const PHRASE_ENDS: &[&str] = &[
    "that",
    "which",
    "who",
    "whom",
    "because",
    "as",
    "after",
    "before",
    "when",
    "while",
    "since",
    "but",
    "if",
    "saying",
    "and",
    "for",
    "over",
    "on",
    "in",
    "at",
    "by",
    "during",
    "amid",
    "despite",
    "until",
    "with",
    "from",
    "than",
    "unless",
    "although",
    "though",
    "where",
    "late",
    "early",
    "later",
    "earlier",
    "again",
    "today",
    "yesterday",
    "last",
    "next",
    "so",
];

/// Words that may stand between a verb and its object's name.
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "our", "fellow", "own", "then", "former",
];

/// Verbs that end a clause's subject ("the plan would be ...").
const COPULAS: &[&str] = &[
    "is", "was", "are", "were", "would", "will", "could", "might", "may", "has", "have", "had",
    "becomes", "became", "remains", "remained", "be", "been", "seems", "seemed", "should",
];

/// Run every rule over one sentence.
pub(super) fn read_sentence(v: &SentenceView, ix: &ArticleIndex, out: &mut Vec<Found>) {
    let start = out.len();
    for (h, hit) in v.hits.iter().enumerate() {
        match hit.cue.kind {
            CueKind::Act => act_rule(v, ix, h, out),
            CueKind::For => for_rule(v, ix, h, out),
            CueKind::Say => say_rule(v, ix, h, out),
            CueKind::Eval | CueKind::Neg => {}
        }
    }
    quote_rule(v, ix, start, out);
}

impl SentenceView<'_> {
    fn word(&self, k: usize) -> &str {
        let t = self.tokens[k];
        &self.text[t.start..t.end]
    }

    fn is(&self, k: usize, words: &[&str]) -> bool {
        k < self.tokens.len() && {
            let word = self.word(k);
            words.iter().any(|w| w.eq_ignore_ascii_case(word))
        }
    }

    fn is_mark(&self, k: usize) -> bool {
        !is_word(&self.tokens[k])
    }

    /// The quotation token `k` stands in.
    fn voice_at(&self, k: usize) -> Option<&Voice> {
        let t = self.tokens[k];
        self.voices
            .iter()
            .find(|q| q.start <= t.start && t.end <= q.end)
    }

    /// Is token `k` in a speaker's own words (a direct or partial quotation,
    /// where "he" and "him" are seen from the speaker), rather than in
    /// reported speech told by the writer?
    fn in_own_words(&self, k: usize) -> bool {
        self.voice_at(k)
            .is_some_and(|q| q.kind != QuoteKind::Indirect)
    }

    /// The mention whose last token is `k`.
    fn mention_ending(&self, k: usize) -> Option<&MentionAt> {
        self.mentions.iter().find(|m| m.end == k + 1)
    }

    fn mention_starting(&self, k: usize) -> Option<&MentionAt> {
        self.mentions.iter().find(|m| m.first == k)
    }

    /// Does the mention end in a possessive ("Lopez's")?
    fn possessive(&self, m: &MentionAt) -> bool {
        let t = self.tokens[m.end - 1];
        let rest = &self.text[m.byte_end.min(t.end)..t.end];
        matches!(rest, "'s" | "’s" | "'" | "’")
            || (m.end < self.tokens.len() && self.is(m.end, POSSESSIVES))
    }

    /// Is the cue at hit `h` turned around by a negation just before it?
    /// Only what stands between the negation and the cue can break it: a
    /// comma before the negation does not ("…, and it is not fair").
    fn negated(&self, h: usize) -> bool {
        let first = self.hits[h].first;
        let lo = first.saturating_sub(5);
        let by_hit = self.hits[..h]
            .iter()
            .rev()
            .take_while(|x| x.end + 5 > first)
            .find(|x| x.cue.kind == CueKind::Neg && x.end >= lo)
            .map(|x| x.end);
        let contracted = (lo..first)
            .rev()
            .find(|&k| is_contracted_negation(self.word(k)))
            .map(|k| k + 1);
        let Some(from) = by_hit.max(contracted) else {
            return false;
        };
        // a negation does not reach over a comma or into the next verb
        // phrase ("would not intervene but warned")
        !(from..first).any(|k| self.is(k, NEGATION_BREAKS))
    }
}

/// Words a negation does not reach over.
const NEGATION_BREAKS: &[&str] = &[
    ",", ";", ":", "but", "and", "or", "while", "because", "although",
];

/// Who holds a stance, as the subject of the verb at token `at` says.
fn subject_of(v: &SentenceView, ix: &ArticleIndex, at: usize) -> Option<usize> {
    let mut k = at;
    let mut relative = false;
    while k > 0 {
        k -= 1;
        if v.is_mark(k) {
            match v.word(k) {
                ")" | "]" => k = (0..k).rev().find(|&j| v.is(j, &["(", "["]))?,
                // "Ann Ruiz, who backed the plan": the name before the comma
                "," | "—" | "–" if relative => return named_before(v, ix, k),
                // "..., saying it was unfair": the subject of the sentence
                "," if k + 1 == at && v.word(at).ends_with("ing") => return main_subject(v, ix, k),
                "," | "—" | "–" => return apposition_subject(v, ix, k),
                _ if is_quote(&v.tokens[k]) => {}
                _ => return None,
            }
            continue;
        }
        if let Some(m) = v.mention_ending(k) {
            return Some(attached_holder(v, ix, m));
        }
        // "the mayor's criticism of the plan"
        if v.is(k, POSSESSIVES)
            && let Some(m) = k.checked_sub(1).and_then(|b| v.mention_ending(b))
        {
            return Some(m.actor);
        }
        if let Some(x) = v
            .hits
            .iter()
            .find(|x| x.first <= k && k < x.end && leads_in(x))
        {
            k = x.first;
            continue;
        }
        if v.is(k, &["who", "which"]) {
            relative = true;
            continue;
        }
        if v.is(k, SKIPPED) || v.is(k, &["to"]) || is_adverb(v.word(k)) {
            continue;
        }
        return named_by(v, ix, k, v.word(k));
    }
    None
}

/// The subject of the sentence, for a clause hung on it after a comma: the
/// first actor named before `end` that is not the object of a preposition.
fn main_subject(v: &SentenceView, ix: &ArticleIndex, end: usize) -> Option<usize> {
    let m = v.mentions.iter().take_while(|m| m.end <= end).find(|m| {
        let governed = m.first > 0 && v.is(m.first - 1, PREPOSITIONS);
        let governed = governed
            || (m.first > 1 && v.is(m.first - 2, PREPOSITIONS) && v.is(m.first - 1, DETERMINERS));
        !governed && !v.possessive(m)
    })?;
    Some(attached_holder(v, ix, m))
}

/// Words that make the name after them something other than a subject.
const PREPOSITIONS: &[&str] = &[
    "of", "from", "for", "in", "at", "with", "to", "by", "on", "about", "against", "over", "under",
    "after", "before", "than", "like", "between", "among", "into", "toward", "towards",
];

/// Does this cue lead into the verb after it ("wants to", "refused to")?
fn leads_in(hit: &Hit) -> bool {
    hit.cue.kind == CueKind::Neg || hit.cue.stance == INTENT
}

/// The stance word of cues that lead into another verb ("plans to").
const INTENT: &str = "wants";

/// "Ann Ruiz, the senator from Ohio, said": the subject before a comma-
/// enclosed apposition that ends at token `comma`, looking through up to
/// three ("Tom Vale, the mayor of Ostend, who chairs the board, said").
fn apposition_subject(v: &SentenceView, ix: &ArticleIndex, comma: usize) -> Option<usize> {
    let mut end = comma;
    for _ in 0..3 {
        let lo = end.saturating_sub(14);
        let open = (lo..end).rev().find(|&j| v.is(j, &[",", "—", "–"]))?;
        if let Some(m) = name_before(v, open) {
            let holder = attached_holder(v, ix, m);
            let governed = m.first > 0 && v.is(m.first - 1, PREPOSITIONS);
            if !governed || holder != m.actor {
                return Some(holder);
            }
        }
        end = open;
    }
    None
}

/// The holder named just before token `k`: "Ann Ruiz", "Ann Ruiz (D)",
/// or "Ann Ruiz of Ohio" with a place that is no actor.
fn named_before(v: &SentenceView, ix: &ArticleIndex, k: usize) -> Option<usize> {
    if let Some(m) = name_before(v, k) {
        return Some(attached_holder(v, ix, m));
    }
    let mut j = k;
    while j > 0
        && k - j < 4
        && is_word(&v.tokens[j - 1])
        && v.word(j - 1).starts_with(char::is_uppercase)
    {
        j -= 1;
    }
    if j < k && j >= 2 && v.is(j - 1, ATTACHING) {
        return v.mention_ending(j - 2).map(|m| m.actor);
    }
    None
}

/// The mention that ends just before token `k`, a parenthesis after it
/// passed over ("Ann Ruiz (D-Ohio)").
fn name_before<'v>(v: &'v SentenceView, k: usize) -> Option<&'v MentionAt> {
    let mut before = k.checked_sub(1)?;
    if v.is(before, &[")"]) {
        before = (0..before)
            .rev()
            .find(|&j| v.is(j, &["("]))?
            .checked_sub(1)?;
    }
    v.mention_ending(before)
}

/// The actors named together with `holder` as the subject of the verb at
/// token `at`.
fn joint_holders(v: &SentenceView, holder: usize, at: usize) -> Vec<usize> {
    v.mentions
        .iter()
        .rev()
        .find(|m| m.end <= at && m.actor == holder)
        .map(|m| partners(v, m.first))
        .unwrap_or_default()
        .into_iter()
        .filter(|&p| p != holder)
        .collect()
}

/// The actors named with a holder as one subject: "Ann Ruiz and Tom Vale
/// said", "Ostland, Westland and the union rejected" (`first` is where the
/// holder's name starts).
fn partners(v: &SentenceView, first: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let mut k = first;
    // title words between "and" and the name: "and Senator Ann Ruiz"
    while k > 0 && k + 4 > first && is_word(&v.tokens[k - 1]) && !v.is(k - 1, &["and"]) {
        k -= 1;
    }
    let mut joint = k > 0 && v.is(k - 1, &["and", "&"]);
    while joint && out.len() < 4 {
        let Some(m) = name_before(v, k - 1) else {
            break;
        };
        out.push(m.actor);
        k = m.first;
        joint = k > 0 && v.is(k - 1, &[","]);
    }
    out
}

/// The holder a mention stands for: the person before "of" when it is
/// attached to one ("Ann Ruiz of Ohio"), the mention itself otherwise.
fn attached_holder(v: &SentenceView, _ix: &ArticleIndex, m: &MentionAt) -> usize {
    if m.first >= 2
        && v.is(m.first - 1, ATTACHING)
        && let Some(before) = v.mention_ending(m.first - 2)
    {
        return before.actor;
    }
    m.actor
}

/// The actor a pronoun, a spokesperson noun or a role noun at token `k`
/// stands for (`w` is the word in lower case).
fn named_by(v: &SentenceView, ix: &ArticleIndex, k: usize, w: &str) -> Option<usize> {
    let at = v.tokens[k].start;
    let quoted = v.in_own_words(k);
    if one_of(w, &["i", "we"]) {
        return v.voice_at(k).and_then(|q| q.speaker);
    }
    if one_of(w, &["he", "she"]) && !quoted {
        let not = if one_of(w, &["he"]) {
            Gender::Female
        } else {
            Gender::Male
        };
        return ix.last_before(v.pos, at, |a| {
            ix.kind(a) == ActorKind::Person && ix.genders.get(a) != Some(&not)
        });
    }
    if one_of(w, &["they"]) && !quoted {
        return ix.last_before(v.pos, at, |a| is_plural_body(ix, a));
    }
    let before = owner_before(v, k);
    if one_of(w, SPOKESPEOPLE) {
        return before.filter(|m| v.possessive(m)).map(|m| m.actor);
    }
    if one_of(w, MEMBERS) {
        return before.map(|m| m.actor);
    }
    if k > 0 && v.is(k - 1, &["the"]) {
        return by_role(v, ix, k, w);
    }
    None
}

/// The mention just before token `k`, over a possessive "'s" between
/// ("Vale's spokesman", "union officials").
fn owner_before<'v>(v: &'v SentenceView, k: usize) -> Option<&'v MentionAt> {
    let b = k.checked_sub(1)?;
    if v.is(b, POSSESSIVES) {
        return v.mention_ending(b.checked_sub(1)?);
    }
    v.mention_ending(b)
}

/// The possessive ending when written as a word of its own.
const POSSESSIVES: &[&str] = &["'s", "’s", "'", "’"];

/// Is `w` one of `words`, in any case?
fn one_of(w: &str, words: &[&str]) -> bool {
    words.iter().any(|x| x.eq_ignore_ascii_case(w))
}

/// A word ending in "-ly" ("sharply", "publicly").
fn is_adverb(w: &str) -> bool {
    w.len() > 4 && w.ends_with("ly")
}

/// "the minister", "the committee": the last actor mentioned whose title
/// or name has this word.
fn by_role(v: &SentenceView, ix: &ArticleIndex, k: usize, w: &str) -> Option<usize> {
    let at = v.tokens[k].start;
    let has = |s: &str| s.split_whitespace().any(|x| x.eq_ignore_ascii_case(w));
    if one_of(w, ROLES) {
        return ix.last_before(v.pos, at, |a| {
            ix.actors[a].kind == ActorKind::Person && ix.actors[a].title.as_deref().is_some_and(has)
        });
    }
    if one_of(w, BODIES) {
        return ix.last_before(v.pos, at, |a| {
            ix.actors[a].kind != ActorKind::Person && has(&ix.actors[a].name)
        });
    }
    None
}

/// The role noun that heads a phrase of tokens `j..stop` ("our attorney
/// general") or owns what it names ("the president's misconduct"), with
/// where it stands, when only determiners and lower-case or capitalised
/// modifiers stand before it.
fn role_head<'v>(v: &'v SentenceView, j: usize, stop: usize) -> Option<(usize, &'v str)> {
    (j..stop).find_map(|i| {
        let w = v.word(i);
        let owned = w.strip_suffix("'s").or_else(|| w.strip_suffix("’s"));
        let before_owner = i + 1 < stop && v.is(i + 1, POSSESSIVES);
        let head = (i + 1 == stop || before_owner || owned.is_some()).then_some(owned.unwrap_or(w));
        head.filter(|r| one_of(r, ROLES))
            .filter(|_| (j..i).all(|x| !v.is_mark(x)))
            .map(|r| (i, r))
    })
}

/// A group or organisation named in the plural ("Unions", or a party also
/// written as "Democrats").
fn is_plural_body(ix: &ArticleIndex, a: usize) -> bool {
    let actor = &ix.actors[a];
    let plural = |n: &String| n.ends_with('s') && !n.ends_with("ss");
    actor.kind != ActorKind::Person
        && actor.kind != ActorKind::Country
        && (plural(&actor.name) || actor.aliases.iter().any(plural))
}

/// The object of a verb ending at token `end`: an actor when one is named
/// right there, else the noun phrase as text. Returns the target and where
/// the phrase ends.
fn object_of(v: &SentenceView, ix: &ArticleIndex, end: usize) -> (Target, usize) {
    let n = v.tokens.len();
    let mut k = end;
    while k < n && is_quote(&v.tokens[k]) {
        k += 1;
    }
    if k >= n {
        return (Target::None, k);
    }
    // "him", "them", and "his plan", "their demand": a stance on what
    // someone wants is a stance on them
    if v.is(k, &["him", "her", "them", "his", "their"]) && !v.in_own_words(k) {
        let plural = v.is(k, &["them", "their"]);
        let named = named_by(v, ix, k, if plural { "they" } else { "he" });
        let who = if v.is(k, &["her"]) {
            ix.last_before(v.pos, v.tokens[k].start, |a| {
                ix.kind(a) == ActorKind::Person && ix.genders.get(a) != Some(&Gender::Male)
            })
        } else {
            named
        };
        let end = if v.is(k, &["his", "their"]) {
            phrase_end(v, k)
        } else {
            k + 1
        };
        if let Some(who) = who {
            return (Target::Actor(who), end);
        }
        if end == k + 1 {
            return (Target::None, end);
        }
    }
    let stop = phrase_end(v, k);
    let mut j = k;
    while j < stop && v.mention_starting(j).is_none() && v.is(j, DETERMINERS) {
        j += 1;
    }
    // "the union" and "the union's demand" alike: a stance on what someone
    // wants is a stance on them
    if let Some(m) = v.mention_starting(j) {
        let m = modified_person(v, ix, m)
            .or_else(|| seated_members(v, ix, m))
            .unwrap_or(m);
        return (Target::Actor(m.actor), stop.max(m.end));
    }
    // "criticized the senator": the official of that title named before
    if stop == j + 1
        && j > k
        && v.is(j - 1, &["the"])
        && let Some(who) = by_role(v, ix, j, v.word(j))
    {
        return (Target::Actor(who), stop);
    }
    // "praised our attorney general", "the president's misconduct": the
    // official whose title heads the phrase, or owns what it names
    if let Some(who) = role_head(v, j, stop).and_then(|(i, w)| by_role(v, ix, i, w)) {
        return (Target::Actor(who), stop);
    }
    // "the offer from the union", "the treatment by the council": a stance
    // on what someone makes or does is a stance on them
    if stop > j
        && stop < n
        && v.is(stop, AGENT_MARKS)
        && let Some(m) = agent_after(v, stop + 1)
    {
        return (Target::Actor(m.actor), m.end);
    }
    let text = join(v.text, &v.tokens[k..stop]);
    if text.is_empty() {
        (Target::None, stop)
    } else {
        (Target::Text(text), stop)
    }
}

/// How many title words may stand between a party or country and the
/// person it describes ("Republican Gov. Ann Ruiz").
const TITLE_WORDS: usize = 2;

/// "Republican President Ann Ruiz", "Ostland's Foreign Minister Tom Vale":
/// a party or country named only to describe the person right after it (up
/// to two capitalised title words between) gives way to that person.
fn modified_person<'v>(
    v: &'v SentenceView,
    ix: &ArticleIndex,
    m: &MentionAt,
) -> Option<&'v MentionAt> {
    if ix.kind(m.actor) == ActorKind::Person {
        return None;
    }
    let mut k = m.end;
    if k < v.tokens.len() && v.is(k, POSSESSIVES) {
        k += 1;
    }
    for _ in 0..=TITLE_WORDS {
        if k >= v.tokens.len() {
            return None;
        }
        if let Some(p) = v.mention_starting(k) {
            return (ix.kind(p.actor) == ActorKind::Person).then_some(p);
        }
        let w = v.word(k);
        if w != "." && (v.is_mark(k) || !w.starts_with(char::is_uppercase)) {
            return None;
        }
        k += 1;
    }
    None
}

/// "the Senate Republicans": a chamber named only to say where the party
/// right after it sits gives way to the party.
fn seated_members<'v>(
    v: &'v SentenceView,
    ix: &ArticleIndex,
    m: &MentionAt,
) -> Option<&'v MentionAt> {
    if !ix.actors.get(m.actor).is_some_and(is_chamber) {
        return None;
    }
    v.mention_starting(m.end).filter(|p| {
        ix.actors
            .get(p.actor)
            .is_some_and(|a| a.kind != ActorKind::Person && !is_chamber(a))
    })
}

/// Words that open the reason for a stance on someone ("praised X for …",
/// "accused X of …", "criticized X over …").
const REASONS: &[&str] = &["for", "of", "over"];

/// Where the reason for a stance on actor `who` opens: the reason word
/// right after the object's name or pronoun, named within `from..stop`.
fn reason_after(v: &SentenceView, from: usize, stop: usize, who: usize) -> Option<usize> {
    let named = v
        .mentions
        .iter()
        .find(|m| m.first >= from && m.first < stop && m.actor == who)
        .map(|m| m.end);
    let pronoun =
        (from < v.tokens.len() && v.is(from, &["him", "her", "them"])).then_some(from + 1);
    let at = named.or(pronoun)?;
    (at < v.tokens.len() && v.is(at, REASONS)).then_some(at)
}

/// How many words more a summary may take to keep a stance's reason.
const REASON_WORDS: usize = 4;

/// Words that name who made or did the thing before them ("the offer from
/// X", "the treatment by X").
const AGENT_MARKS: &[&str] = &["from", "by"];

/// The actor named right after token `k`, past determiners and up to three
/// title words ("from Harbour Master Ann Ruiz").
fn agent_after<'v>(v: &'v SentenceView, k: usize) -> Option<&'v MentionAt> {
    let mut j = k;
    while j < v.tokens.len() && v.is(j, DETERMINERS) {
        j += 1;
    }
    let capitalised = |i: usize| v.word(i).chars().next().is_some_and(char::is_uppercase);
    (j..(j + 4).min(v.tokens.len()))
        .take_while(|&i| i == j || capitalised(i - 1))
        .find_map(|i| v.mention_starting(i))
}

/// The actors named with an object actor ending at token `end`: "criticized
/// Ann Ruiz and Tom Vale", "praised Ostland, Westland and the union".
fn joint_objects(v: &SentenceView, end: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let mut k = end;
    while out.len() < 4 && k < v.tokens.len() && v.is(k, &["and", ","]) {
        let mut j = k + 1;
        if v.is(k, &[","]) && j < v.tokens.len() && v.is(j, &["and"]) {
            j += 1;
        }
        while j < v.tokens.len() && v.is(j, DETERMINERS) {
            j += 1;
        }
        let Some(m) = v.mention_starting(j) else {
            break;
        };
        out.push(m.actor);
        k = m.end;
    }
    out
}

/// Where a noun phrase starting at token `k` ends: a clause mark, a word
/// that opens another clause, or after six words.
fn phrase_end(v: &SentenceView, k: usize) -> usize {
    let mut words = 0;
    let mut j = k;
    while j < v.tokens.len() {
        if v.is_mark(j) {
            if !is_quote(&v.tokens[j]) {
                break;
            }
        } else {
            if (j > k && v.is(j, PHRASE_ENDS)) || words == 6 {
                break;
            }
            words += 1;
        }
        j += 1;
    }
    j
}

/// The stance shown for a polarity, by what it is about.
fn plain_stance(polarity: Polarity, target: &Target, ix: &ArticleIndex) -> &'static str {
    let about_actor = matches!(target, Target::Actor(a) if ix.kind(*a) != ActorKind::Other);
    match (polarity, about_actor) {
        (Polarity::Negative, true) => "criticizes",
        (Polarity::Negative, false) => "opposes",
        (Polarity::Positive, true) => "praises",
        (Polarity::Positive, false) => "supports",
        (Polarity::Neutral, _) => "says",
    }
}

/// "X criticized Y": the subject holds the verb's stance towards its object
/// ("the plan was rejected by X": towards the subject). Questions and
/// conditions ("if she backs it") state no stance; a bare verb with nothing
/// after it says too little to show.
fn act_rule(v: &SentenceView, ix: &ArticleIndex, h: usize, out: &mut Vec<Found>) {
    let hit = v.hits[h];
    if asks_or_supposes(v, hit.first) || leads_into_act(v, h) || asked_of(v, hit.first) {
        return;
    }
    let passive = passive_holder(v, h);
    let Some(holder) = passive.or_else(|| subject_of(v, ix, hit.first)) else {
        return;
    };
    let negated = v.negated(h);
    // "sought evidence to discredit the mayor": a wish reads as what is wished
    let wish = wished_act(v, h).unwrap_or(hit);
    let lean = match wish == hit {
        true => i32::from(hit.cue.polarity),
        false => i32::from(hit.cue.polarity) * i32::from(wish.cue.polarity),
    };
    let sign = lean * if negated { -1 } else { 1 };
    let polarity = polarity_of(sign);
    let (mut target, stop) = match passive {
        Some(_) => subject_target(v, ix, hit.first, holder),
        None => object_of(v, ix, wish.end),
    };
    if target == Target::Actor(holder) {
        target = Target::None;
    }
    let stop = if passive.is_some() { hit.end } else { stop };
    if target == Target::None && stop <= hit.end && passive.is_none() {
        return;
    }
    let first = negation_start(v, h, hit.first.saturating_sub(3));
    // "accused Tom Vale of misleading the council": the reason is what the
    // stance is about, and the summary keeps it
    let reason = match (passive, &target) {
        (None, Target::Actor(who)) => reason_after(v, hit.end, stop, *who),
        _ => None,
    };
    let (stop, max) = match reason {
        Some(at) => {
            let n = v.tokens.len();
            let (_, end) = clause_around(v.text, v.tokens, at, at + 1, at, n);
            (end.max(stop), MAX_WORDS + REASON_WORDS)
        }
        None => (stop, MAX_WORDS),
    };
    // the summary reads on to the end of the clause ("criticised Norway's
    // decision to raise its cod quota"), not only the target's few words
    let (_, clause_end) =
        clause_around(v.text, v.tokens, hit.first, hit.end, first, v.tokens.len());
    let mut summary = phrase(
        v.text,
        v.tokens,
        (first, stop.max(hit.end).max(clause_end)),
        (hit.first, hit.end),
        max,
    );
    if let (Some(_), Target::Text(t)) = (passive, &target) {
        summary = format!("{summary}: {t}");
    }
    // the wished verb's own word only when the stance leans its way
    let stance = if negated || lean != i32::from(wish.cue.polarity) {
        plain_stance(polarity, &target, ix)
    } else {
        wish.cue.stance
    };
    let found = Found {
        actor: holder,
        polarity,
        stance,
        target,
        summary,
        pos: v.pos,
        byte: v.tokens[hit.first].start,
        quote: v.voice_at(hit.first).map(|q| q.quote),
    };
    let others = match (passive, &found.target) {
        (None, Target::Actor(_)) => joint_objects(v, stop),
        _ => Vec::new(),
    };
    for p in joint_holders(v, holder, hit.first) {
        if Target::Actor(p) != found.target {
            out.push(Found {
                actor: p,
                ..found.clone()
            });
        }
    }
    for o in others.into_iter().filter(|&o| o != holder) {
        out.push(Found {
            target: Target::Actor(o),
            ..found.clone()
        });
    }
    out.push(found);
}

/// Is the cue at token `at` part of a question, or of a condition opened
/// just before it?
fn asks_or_supposes(v: &SentenceView, at: usize) -> bool {
    let question = v
        .tokens
        .last()
        .is_some_and(|t| &v.text[t.start..t.end] == "?");
    question || (at.saturating_sub(6)..at).any(|k| v.is(k, &["if", "whether", "unless"]))
}

/// Verbs that make someone do what follows without "to" ("have X
/// investigate", "help X fight").
const CAUSING: &[&str] = &[
    "have", "has", "had", "having", "help", "helps", "helped", "helping", "let", "lets", "make",
    "makes", "made", "making",
];

/// Is the verb at token `at` something asked or made of the actor named
/// just before it ("urged Ostland to reject", "a request for the union to
/// drop", "have the council review")? What is asked is the asker's wish,
/// not a stance of the one asked.
fn asked_of(v: &SentenceView, at: usize) -> bool {
    let with_to = at > 0 && v.is(at - 1, &["to"]);
    let name_end = if with_to { at - 1 } else { at };
    let Some(m) = name_end.checked_sub(1).and_then(|e| v.mention_ending(e)) else {
        return false;
    };
    let mut k = m.first;
    while k > 0 && v.is(k - 1, DETERMINERS) {
        k -= 1;
    }
    if k == 0 || !is_word(&v.tokens[k - 1]) {
        return false;
    }
    if with_to {
        // a word before the name that is not what opens a subject
        !v.is(k - 1, &["and", "but", "that", "said", "says", "while"])
            && v.word(k - 1).chars().next().is_some_and(char::is_lowercase)
    } else {
        v.is(k - 1, CAUSING)
    }
}

/// "plans to oppose": an intent cue whose own verb is another stance verb
/// leaves the stance to that verb.
fn leads_into_act(v: &SentenceView, h: usize) -> bool {
    let hit = v.hits[h];
    leads_in(&hit)
        && v.hits[h + 1..]
            .iter()
            .take_while(|x| x.first <= hit.end + 1)
            .any(|x| x.cue.kind == CueKind::Act)
}

/// How many words a wish may name between itself and the "to" of what is
/// wished ("sought new evidence to discredit").
const WISH_WORDS: usize = 3;

/// The stance verb that a stance verb at hit `h` leads into through "to"
/// a few words on ("sought votes to block the bill", "criticized the move
/// to cut the grant"): the stance is on what that verb acts on, leaning its
/// way when wished for and the other way when opposed.
fn wished_act(v: &SentenceView, h: usize) -> Option<Hit> {
    let hit = v.hits[h];
    let own_words = |x: &Hit| {
        !(hit.end..x.first).any(|k| v.is_mark(k) || v.is(k, REASONS))
            && !v
                .mentions
                .iter()
                .any(|m| m.first >= hit.end && m.first < x.first)
    };
    v.hits[h + 1..]
        .iter()
        .take_while(|x| x.first <= hit.end + WISH_WORDS + 1)
        .find(|x| {
            x.cue.kind == CueKind::Act
                && x.cue.polarity != 0
                && x.first > hit.end
                && v.is(x.first - 1, &["to"])
                && own_words(x)
        })
        .copied()
}

/// Where a negation before hit `h` starts (the hit itself when there is
/// none), looking back no further than `lo`.
fn negation_start(v: &SentenceView, h: usize, lo: usize) -> usize {
    let hit = v.hits[h];
    if !v.negated(h) {
        return hit.first;
    }
    (lo..hit.first)
        .find(|&k| {
            v.hits
                .iter()
                .any(|x| x.first == k && x.cue.kind == CueKind::Neg)
        })
        .unwrap_or(hit.first)
}

/// The subject of the clause a cue at `at` stands in, as a target.
fn subject_target(
    v: &SentenceView,
    ix: &ArticleIndex,
    at: usize,
    holder: usize,
) -> (Target, usize) {
    let (a, b) = clause_subject(v, at);
    let target = preferred_mention(v, ix, a, b, holder).map_or_else(
        || {
            let t = phrase(v.text, v.tokens, (a, b), (a, a), 8);
            if t.is_empty() {
                Target::None
            } else {
                Target::Text(t)
            }
        },
        Target::Actor,
    );
    (target, b)
}

/// "the plan was rejected by the council": the actor after "by".
fn passive_holder(v: &SentenceView, h: usize) -> Option<usize> {
    let hit = v.hits[h];
    let by = (hit.end..(hit.end + 2).min(v.tokens.len())).find(|&k| v.is(k, &["by"]))?;
    let be = hit.first.checked_sub(1)?;
    let be = if v.is(be, SKIPPED) && !v.is(be, &["was", "were", "been", "being", "is", "are"]) {
        be.checked_sub(1)?
    } else {
        be
    };
    if !v.is(
        be,
        &[
            "was", "were", "been", "being", "is", "are", "be", "get", "got",
        ],
    ) {
        return None;
    }
    let mut k = by + 1;
    while k < v.tokens.len() && v.is(k, DETERMINERS) {
        k += 1;
    }
    v.mention_starting(k).map(|m| m.actor)
}

/// "a red line for the union": the actor after the phrase holds the stance
/// towards the clause's subject.
fn for_rule(v: &SentenceView, ix: &ArticleIndex, h: usize, out: &mut Vec<Found>) {
    let hit = v.hits[h];
    let mut k = hit.end;
    while k < v.tokens.len() && (v.is(k, DETERMINERS) || v.is_mark(k)) {
        k += 1;
    }
    let holder = match v.mention_starting(k) {
        Some(m) => m.actor,
        None if v.is(k, &["us", "me"]) => match v.voice_at(k).and_then(|q| q.speaker) {
            Some(a) => a,
            None => return,
        },
        None => return,
    };
    let (a, b) = clause_subject(v, hit.first);
    let (target, _) = subject_target(v, ix, hit.first, holder);
    let negated = v.negated(h);
    let sign = i32::from(hit.cue.polarity) * if negated { -1 } else { 1 };
    let subject = phrase(v.text, v.tokens, (a, b), (a, a), 8);
    let core = join(v.text, &v.tokens[hit.first..hit.end]);
    let core = core
        .trim_start_matches("a ")
        .trim_start_matches("an ")
        .trim_end_matches(|c: char| c.is_alphabetic())
        .trim_end();
    let summary = if core.contains("liking") || subject.is_empty() {
        format!("{} {subject}", hit.cue.stance)
    } else {
        format!("{core}: {subject}")
    };
    out.push(Found {
        actor: holder,
        polarity: polarity_of(sign),
        stance: hit.cue.stance,
        target,
        summary: summary.trim().to_string(),
        pos: v.pos,
        byte: v.tokens[hit.first].start,
        quote: v.voice_at(hit.first).map(|q| q.quote),
    });
}

/// The subject of the clause a cue at `at` stands in: tokens from the
/// clause's start up to its first auxiliary or copula.
fn clause_subject(v: &SentenceView, at: usize) -> (usize, usize) {
    let start = (0..at)
        .rev()
        .find(|&k| {
            (v.is_mark(k) && v.is(k, &[",", ";", ":", "(", "—"]))
                || v.is(k, &["that", "if", "whether"])
                || v.hits
                    .iter()
                    .any(|x| x.end == k + 1 && x.cue.kind == CueKind::Say)
        })
        .map_or(0, |k| k + 1);
    let end = (start..at).find(|&k| v.is(k, COPULAS)).unwrap_or(at);
    (start, end)
}

/// The mention in tokens `a..b` most likely to be what a stance is about:
/// a group first, then a person, an organisation, anything but a place.
fn preferred_mention(
    v: &SentenceView,
    ix: &ArticleIndex,
    a: usize,
    b: usize,
    holder: usize,
) -> Option<usize> {
    let rank = |k: ActorKind| match k {
        ActorKind::Group => 0,
        ActorKind::Person => 1,
        ActorKind::Organization => 2,
        ActorKind::Other => 3,
        ActorKind::Country => 4,
    };
    v.mentions
        .iter()
        .filter(|m| m.first >= a && m.end <= b && m.actor != holder)
        .min_by_key(|m| rank(ix.kind(m.actor)))
        .map(|m| m.actor)
}

/// "X said (that) ...", "according to X, ...": the speaker's stance read
/// from the words of the report. Reporting verbs inside a quotation are the
/// speaker quoting someone else and are left alone.
fn say_rule(v: &SentenceView, ix: &ArticleIndex, h: usize, out: &mut Vec<Found>) {
    let hit = v.hits[h];
    if v.voice_at(hit.first).is_some() {
        return;
    }
    let according = v.word(hit.first).eq_ignore_ascii_case("according");
    let (holder, lo, hi) = if according {
        let Some(m) = v.mention_starting(hit.end) else {
            return;
        };
        if hit.first > 2 {
            (m.actor, 0, hit.first)
        } else {
            (m.actor, m.end, v.tokens.len())
        }
    } else {
        let Some(holder) = subject_of(v, ix, hit.first) else {
            return;
        };
        (holder, hit.end, v.tokens.len())
    };
    // a quotation whose speaker is known is read by the quote rule; one
    // left without a speaker is this report's own words
    let (lo, hi) = if (lo..hi).all(|k| v.is_mark(k) || v.voice_at(k).is_some()) && !according {
        match unspoken_quote(v, lo, hi, hit.first) {
            Some(span) => span,
            None => return,
        }
    } else {
        (lo, hi)
    };
    if lo >= hi {
        return;
    }
    let quote = (lo..hi).find_map(|k| v.voice_at(k)).map(|q| q.quote);
    let partners = if according {
        Vec::new()
    } else {
        joint_holders(v, holder, hit.first)
    };
    let mut parts = judge_parts(v, ix, holder, lo, hi);
    if parts.is_empty() && !according {
        parts.extend(leaning_report(v, ix, h, holder, hi));
    }
    for mut j in parts {
        if hit.cue.polarity < 0 && j.polarity != Polarity::Positive {
            j.polarity = Polarity::Negative;
            j.stance = hit.cue.stance;
        }
        let found = j.found(holder, v, quote);
        for &p in &partners {
            out.push(Found {
                actor: p,
                ..found.clone()
            });
        }
        out.push(found);
    }
}

/// The most tokens between a quotation and the reporting verb that closes
/// it ("“…,” Senate Minority Leader Ann Ruiz said").
const CLOSING_WORDS: usize = 8;

/// The words of a quotation given no speaker that a reporting verb at token
/// `at` introduces ("X said: “…”", tokens `lo..hi` after it) or closes
/// ("“…,” X said", the quotation just before the verb's subject).
fn unspoken_quote(v: &SentenceView, lo: usize, hi: usize, at: usize) -> Option<(usize, usize)> {
    let after = (lo..hi).find(|&k| !v.is_mark(k));
    let k = match after {
        Some(k) => k,
        None => (0..at)
            .rev()
            .find(|&k| !v.is_mark(k) && v.voice_at(k).is_some())?,
    };
    let q = v.voice_at(k)?;
    if q.speaker.is_some() {
        return None;
    }
    let inside = |j: usize| v.voice_at(j).is_some_and(|x| x.quote == q.quote);
    let first = (0..=k)
        .rev()
        .take_while(|&j| inside(j) || v.is_mark(j))
        .last()?;
    let end = (k..v.tokens.len())
        .take_while(|&j| inside(j) || v.is_mark(j))
        .last()?
        + 1;
    // the quotation the verb closes ends just before the speaker's name
    if after.is_none() {
        let named = v.mentions.iter().any(|m| m.first >= end && m.end <= at);
        if !named || at - end > CLOSING_WORDS {
            return None;
        }
    }
    Some((first, end))
}

/// A report whose verb leans one way while its words say nothing on their
/// own ("she complained that the board hid its findings"): the verb's lean,
/// towards the first actor the report names.
fn leaning_report(
    v: &SentenceView,
    ix: &ArticleIndex,
    h: usize,
    holder: usize,
    hi: usize,
) -> Option<Judgement> {
    let hit = v.hits[h];
    if hit.cue.polarity == 0 || v.negated(h) {
        return None;
    }
    let target = v
        .mentions
        .iter()
        .find(|m| m.first >= hit.end && m.end <= hi && m.actor != holder)
        .map(|m| Target::Actor(m.actor))
        .or_else(|| referred_person(v, ix, holder, (hit.end, hi)).map(Target::Actor))
        .unwrap_or(Target::None);
    Some(Judgement {
        byte: v.tokens[hit.first].start,
        polarity: polarity_of(i32::from(hit.cue.polarity)),
        stance: hit.cue.stance,
        target,
        summary: phrase(
            v.text,
            v.tokens,
            (hit.first, hi),
            (hit.first, hit.end),
            MAX_WORDS,
        ),
    })
}

/// A quotation with a known speaker: the speaker's stance read from the
/// quoted words in this sentence (a short fragment inside a report is read
/// with its clause, unless the report already gave a position).
fn quote_rule(v: &SentenceView, ix: &ArticleIndex, start: usize, out: &mut Vec<Found>) {
    let (Some(first), Some(last)) = (v.tokens.first(), v.tokens.last()) else {
        return;
    };
    for q in v.voices {
        let Some(speaker) = q.speaker else { continue };
        if q.end <= first.start || q.start >= last.end {
            continue;
        }
        if out[start..].iter().any(|f| f.actor == speaker) {
            continue;
        }
        let lo = v.tokens.iter().position(|t| t.start >= q.start);
        let hi = v.tokens.iter().rposition(|t| t.end <= q.end).map(|k| k + 1);
        let (lo, hi) = match (lo, hi) {
            (Some(lo), Some(hi)) if lo < hi => (lo, hi),
            _ => continue,
        };
        // a fragment is read with the clause it stands in
        let (lo, hi) = match q.kind {
            crate::model::QuoteKind::Partial => {
                clause_around(v.text, v.tokens, lo, hi, 0, v.tokens.len())
            }
            _ => (lo, hi),
        };
        let about = said_of(v).filter(|&a| a != speaker);
        for mut j in judge_parts(v, ix, speaker, lo, hi) {
            if let Some(a) = about {
                j.target = Target::Actor(a);
            }
            out.push(j.found(speaker, v, Some(q.quote)));
        }
    }
}

/// "…," she said of the mayor: the actor the words were said of, which is
/// what they are about.
fn said_of(v: &SentenceView) -> Option<usize> {
    v.hits
        .iter()
        .filter(|x| x.cue.kind == CueKind::Say && x.end < v.tokens.len())
        .filter(|x| v.is(x.end, &["of"]) && v.voice_at(x.end).is_none())
        .find_map(|x| agent_after(v, x.end + 1))
        .map(|m| m.actor)
}

/// Words that turn a report to another stance ("..., but the delay is
/// unfair").
const CONTRASTS: &[&str] = &[
    ";", "but", "while", "although", "though", "whereas", "yet", "—",
];

/// The stances of a stretch read part by part, parts cut where it turns
/// ("she is qualified, but the delay is unfair" has two); the whole when no
/// part says anything on its own.
fn judge_parts(
    v: &SentenceView,
    ix: &ArticleIndex,
    holder: usize,
    lo: usize,
    hi: usize,
) -> Vec<Judgement> {
    let mut parts = Vec::new();
    let mut a = lo;
    for k in lo..hi {
        if k > a && v.is(k, CONTRASTS) {
            parts.extend(judge(v, ix, holder, a, k));
            a = k + 1;
        }
    }
    if a > lo {
        parts.extend(judge(v, ix, holder, a, hi));
    }
    if parts.is_empty() {
        parts.extend(judge(v, ix, holder, lo, hi));
    }
    let listed: Vec<Judgement> = parts
        .iter()
        .flat_map(|j| {
            listed_with(v, j, lo, hi)
                .into_iter()
                .filter(|&o| o != holder)
                .map(|o| Judgement {
                    target: Target::Actor(o),
                    ..j.clone()
                })
        })
        .collect();
    parts.extend(listed);
    parts
}

/// The actors named in one list with a judgement's target actor, within
/// tokens `lo..hi` ("Ann Ruiz, Tom Vale and the union will testify"): a
/// stance on a list is a stance on each.
fn listed_with(v: &SentenceView, j: &Judgement, lo: usize, hi: usize) -> Vec<usize> {
    let Target::Actor(t) = j.target else {
        return Vec::new();
    };
    let Some(m) = v
        .mentions
        .iter()
        .find(|m| m.actor == t && m.first >= lo && m.end <= hi)
    else {
        return Vec::new();
    };
    let mut out = partners(v, m.first);
    out.extend(joint_objects(v, m.end));
    out.retain(|&o| o != t);
    out.sort_unstable();
    out.dedup();
    out
}

/// A stance read from a stretch of words.
#[derive(Clone)]
struct Judgement {
    byte: usize,
    polarity: Polarity,
    stance: &'static str,
    target: Target,
    summary: String,
}

impl Judgement {
    fn found(self, actor: usize, v: &SentenceView, quote: Option<usize>) -> Found {
        Found {
            actor,
            polarity: self.polarity,
            stance: self.stance,
            target: self.target,
            summary: self.summary,
            pos: v.pos,
            byte: self.byte,
            quote,
        }
    }
}

/// Verbs that make the word after them say what something is ("is unfair").
const LINKING: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "seems", "seemed", "looks", "looked",
    "remains", "remained", "became", "becomes", "sounds", "'s", "’s", "am",
];

/// Is an evaluative cue said of something ("the plan is unfair", "it was
/// very bad")? Such a word carries the clause.
fn predicative(v: &SentenceView, hit: &Hit) -> bool {
    if hit.cue.kind != CueKind::Eval {
        return false;
    }
    let mut k = hit.first;
    while k > 0 {
        k -= 1;
        let w = v.word(k);
        if v.is(k, LINKING) || w.ends_with("'s") || w.ends_with("’s") {
            return true;
        }
        if !(is_adverb(w)
            || v.is(
                k,
                &[
                    "very", "so", "too", "not", "just", "really", "simply", "quite", "more",
                    "most", "less", "a", "an", "the", "such",
                ],
            ))
        {
            return false;
        }
    }
    false
}

/// The weight of a cue in a stretch of words: stance verbs count double.
fn weight(hit: &Hit) -> i32 {
    let p = i32::from(hit.cue.polarity);
    match hit.cue.kind {
        CueKind::Act | CueKind::For => 2 * p,
        CueKind::Eval | CueKind::Say => p,
        CueKind::Neg => 0,
    }
}

/// Is a stance verb inside a report the speaker's own? Not when someone
/// else is its subject ("the unions rejected it"), when it tells what
/// someone was blamed or praised for ("accused them of blocking it"), or
/// when it stands in a condition.
fn speaker_acts(v: &SentenceView, ix: &ArticleIndex, hit: &Hit, holder: usize) -> bool {
    let gerund = v.word(hit.first).ends_with("ing")
        && hit.first > 0
        && v.is(hit.first - 1, &["of", "for", "by", "from", "over"]);
    !gerund
        && !asks_or_supposes(v, hit.first)
        && subject_of(v, ix, hit.first).is_none_or(|s| s == holder)
}

/// The stance tokens `lo..hi` take, as `holder` says them: the sum of their
/// cues (each turned around by a negation before it), what they are about
/// and the clause that shows it best. A stance verb with a subject of its
/// own ("the unions rejected it") is that subject's stance, not the
/// speaker's, and is left to the act rule; one in a condition ("if they
/// sign it") is no stance at all.
fn judge(
    v: &SentenceView,
    ix: &ArticleIndex,
    holder: usize,
    lo: usize,
    hi: usize,
) -> Option<Judgement> {
    let mut weights = Vec::new();
    for (h, hit) in v.hits.iter().enumerate() {
        if hit.first < lo || hit.end > hi {
            continue;
        }
        if hit.cue.kind == CueKind::Act && !speaker_acts(v, ix, hit, holder) {
            continue;
        }
        let stress = if predicative(v, hit) { 2 } else { 1 };
        let w = stress * weight(hit) * if v.negated(h) { -1 } else { 1 };
        if w != 0 {
            weights.push((h, w));
        }
    }
    let score: i32 = weights.iter().map(|(_, w)| w).sum();
    let polarity = polarity_of(score);
    // the strongest cue that agrees with the whole
    let (h, _) = weights
        .iter()
        .filter(|(_, w)| w.signum() == score.signum())
        .fold(None, |best: Option<(usize, i32)>, &(h, w)| match best {
            Some((_, b)) if b.abs() >= w.abs() => best,
            _ => Some((h, w)),
        })?;
    let hit = v.hits[h];
    let (a, b) = clause_around(v.text, v.tokens, hit.first, hit.end, lo, hi);
    let target = judged_target(v, ix, holder, h, (lo, hi), (a, b));
    let first = negation_start(v, h, a);
    let summary = phrase(v.text, v.tokens, (a, b), (first, hit.end), MAX_WORDS);
    let stance = content_stance(v, ix, h, polarity, &target);
    Some(Judgement {
        byte: v.tokens[hit.first].start,
        polarity,
        stance,
        target,
        summary,
    })
}

/// What a judged stretch is about: the object of its leading stance verb,
/// else the actor named nearest its leading cue (in the cue's clause
/// first), places last.
fn judged_target(
    v: &SentenceView,
    ix: &ArticleIndex,
    holder: usize,
    h: usize,
    (lo, hi): (usize, usize),
    (a, b): (usize, usize),
) -> Target {
    let hit = v.hits[h];
    if hit.cue.kind == CueKind::Act {
        let (t, _) = object_of(v, ix, hit.end);
        if t != Target::None && t != Target::Actor(holder) {
            return t;
        }
    }
    if predicative(v, &hit)
        && let Some(t) = predicated_target(v, ix, holder, h, lo)
    {
        return t;
    }
    let is_holder = |a: usize| {
        a == holder || ix.actors[holder].affiliation.as_deref() == Some(ix.actors[a].id.as_str())
    };
    v.mentions
        .iter()
        .filter(|m| m.first >= lo && m.end <= hi && !is_holder(m.actor))
        .min_by_key(|m| {
            let outside = m.end <= a || m.first >= b;
            let place = target_rank(ix.kind(m.actor));
            let distance = if m.first >= hit.end {
                m.first - hit.end
            } else {
                hit.first.saturating_sub(m.end)
            };
            (outside, place, distance)
        })
        .map(|m| Target::Actor(m.actor))
        .or_else(|| referred_person(v, ix, holder, (lo, hi)).map(Target::Actor))
        .or_else(|| topic_in(v.text, &v.tokens[lo..hi]).map(Target::Text))
        .unwrap_or(Target::None)
}

/// How readily an actor named near a cue is what the stance is about:
/// people first, then organisations, places last ("Kolb said the council
/// let Ohio down" is about the council before Ohio).
fn target_rank(kind: ActorKind) -> u8 {
    match kind {
        ActorKind::Person => 0,
        ActorKind::Organization | ActorKind::Group => 1,
        ActorKind::Country | ActorKind::Other => 2,
    }
}

/// What an evaluative word is said of: the subject before its linking
/// verb ("the delay is unfair", "her record was outstanding").
fn predicated_target(
    v: &SentenceView,
    ix: &ArticleIndex,
    holder: usize,
    h: usize,
    lo: usize,
) -> Option<Target> {
    let (a, b) = clause_subject(v, v.hits[h].first);
    let a = a.max(lo);
    if a >= b {
        return None;
    }
    if let Some(m) = preferred_mention(v, ix, a, b, holder) {
        return Some(Target::Actor(m));
    }
    if let Some(p) = referred_person(v, ix, holder, (a, b)) {
        return Some(Target::Actor(p));
    }
    let words = (a..b).filter(|&k| is_word(&v.tokens[k])).count();
    let bare = words == 1 && v.is(a, PRONOUNS);
    if bare || words == 0 || words > 8 {
        return None;
    }
    Some(Target::Text(phrase(v.text, v.tokens, (a, b), (a, a), 6)))
}

/// Words that stand for something named elsewhere.
const PRONOUNS: &[&str] = &[
    "it",
    "this",
    "that",
    "they",
    "we",
    "i",
    "you",
    "he",
    "she",
    "there",
    "what",
    "which",
    "these",
    "those",
    "everyone",
    "everything",
    "nothing",
    "nobody",
    "something",
    "someone",
];

/// The person a stretch speaks of without naming: "he", "her", "the
/// senator" in it, read as the last other person named before.
fn referred_person(
    v: &SentenceView,
    ix: &ArticleIndex,
    holder: usize,
    (lo, hi): (usize, usize),
) -> Option<usize> {
    let role = |k: usize| {
        let w = v.word(k);
        let w = w
            .strip_suffix("'s")
            .or_else(|| w.strip_suffix("’s"))
            .unwrap_or(w);
        (k > 0 && v.is(k - 1, &["the"]) && one_of(w, ROLES)).then_some(w)
    };
    let k =
        (lo..hi).find(|&k| v.is(k, &["he", "him", "his", "she", "her"]) || role(k).is_some())?;
    if let Some(w) = role(k) {
        return by_role(v, ix, k, w).filter(|&a| a != holder);
    }
    let not = if v.is(k, &["he", "him", "his"]) {
        Gender::Female
    } else {
        Gender::Male
    };
    // inside a quotation, look back from where it opens
    let at = v.voice_at(k).map_or(v.tokens[k].start, |q| q.start);
    ix.last_before(v.pos, at, |a| {
        a != holder && ix.kind(a) == ActorKind::Person && ix.genders.get(a) != Some(&not)
    })
}

/// The stance word for a judged stretch: the stance verb's own word when it
/// leads, "reassures" for a first-person "we are not leaving", else plain.
fn content_stance(
    v: &SentenceView,
    ix: &ArticleIndex,
    h: usize,
    polarity: Polarity,
    target: &Target,
) -> &'static str {
    let hit = v.hits[h];
    let negated = v.negated(h);
    if hit.cue.kind == CueKind::Act && !negated && polarity_of(hit.cue.polarity.into()) == polarity
    {
        return hit.cue.stance;
    }
    let first_person = (hit.first.saturating_sub(6)..hit.first).any(|k| v.is(k, &["we", "i"]));
    if negated && polarity == Polarity::Positive && first_person {
        return "reassures";
    }
    plain_stance(polarity, target, ix)
}

#[cfg(test)]
mod tests {
    use super::super::positions::sketch::{Sketch, article, lines};
    use crate::model::{ActorKind, QuoteKind};

    /// The positions of a sketch as "actor polarity target | summary".
    fn read(a: &Sketch) -> Vec<String> {
        lines(&a.positions())
    }

    fn has(lines: &[String], want: &str) -> bool {
        lines.iter().any(|l| l == want)
    }

    /// Some position read starts so ("holder polarity target").
    #[track_caller]
    fn assert_starts(got: &[String], prefix: &str) {
        assert!(got.iter().any(|l| l.starts_with(prefix)), "{got:?}");
    }

    #[test]
    fn act_subject_criticizes_object() {
        let a = article(&["Mayor Tom Vale sharply criticized the new toll plan on Monday."]).actor(
            "tom-vale",
            ActorKind::Person,
            &["Tom Vale"],
        );
        assert_eq!(
            read(&a),
            ["tom-vale negative the new toll plan | criticized the new toll plan"]
        );
    }

    #[test]
    fn a_wish_reads_as_what_is_wished() {
        let a = article(&["Ana Ruiz sought new evidence to discredit Tom Vale."])
            .actor("ana-ruiz", ActorKind::Person, &["Ana Ruiz"])
            .actor("tom-vale", ActorKind::Person, &["Tom Vale"]);
        assert_eq!(
            read(&a),
            ["ana-ruiz negative tom-vale | sought new evidence to discredit Tom Vale"]
        );
    }

    #[test]
    fn a_party_before_a_person_s_title_describes_the_person() {
        let a = article(&["Ana Ruiz criticized Green Gov. Tom Vale over the tolls."])
            .actor("ana-ruiz", ActorKind::Person, &["Ana Ruiz"])
            .actor("greens", ActorKind::Organization, &["Green"])
            .actor("tom-vale", ActorKind::Person, &["Tom Vale"]);
        let got = read(&a);
        assert_starts(&got, "ana-ruiz negative tom-vale |");
        assert!(got.iter().all(|l| !l.contains(" greens ")), "{got:?}");
    }

    #[test]
    fn overstepping_a_lack_of_candour_and_self_interest_count_against() {
        for text in [
            "Ana Ruiz said Tom Vale overstepped his powers.",
            "Ana Ruiz said Tom Vale lacked candor.",
            "Ana Ruiz said Tom Vale sold the pier for his own benefit.",
        ] {
            let a = article(&[text])
                .actor("ana-ruiz", ActorKind::Person, &["Ana Ruiz"])
                .actor("tom-vale", ActorKind::Person, &["Tom Vale"]);
            let got = read(&a);
            assert!(
                got.iter()
                    .any(|l| l.starts_with("ana-ruiz negative tom-vale |")),
                "{text}: {got:?}"
            );
        }
    }

    #[test]
    fn a_title_heading_the_object_is_the_official_named_before() {
        for text in [
            "Tom Vale praised our harbour commissioner.",
            "Tom Vale condemned the commissioner's decision.",
        ] {
            let a = article(&["Commissioner Ana Ruiz opened the harbour on Monday.", text])
                .actor("ana-ruiz", ActorKind::Person, &["Ana Ruiz"])
                .titled("Commissioner", None)
                .actor("tom-vale", ActorKind::Person, &["Tom Vale"]);
            let got = read(&a);
            assert!(
                got.iter()
                    .any(|l| l.starts_with("tom-vale") && l.contains(" ana-ruiz |")),
                "{text}: {got:?}"
            );
        }
    }

    #[test]
    fn words_said_of_someone_are_about_them() {
        let a = article(&[
            "Tom Vale runs the city. Ed Moss runs the port.",
            "“He is incompetent,” Ana Ruiz said of Tom Vale.",
        ])
        .actor("ana-ruiz", ActorKind::Person, &["Ana Ruiz"])
        .actor("tom-vale", ActorKind::Person, &["Tom Vale"])
        .actor("ed-moss", ActorKind::Person, &["Ed Moss"])
        .quote("ana-ruiz", QuoteKind::Direct, "He is incompetent,");
        let got = read(&a);
        assert_starts(&got, "ana-ruiz negative tom-vale |");
    }

    #[test]
    fn a_chamber_before_a_party_says_where_the_party_sits() {
        let a = article(&["Ana Ruiz criticized the Senate Greens for the delay."])
            .actor("ana-ruiz", ActorKind::Person, &["Ana Ruiz"])
            .actor("senate", ActorKind::Organization, &["Senate"])
            .actor("greens", ActorKind::Organization, &["Greens"]);
        let got = read(&a);
        assert_starts(&got, "ana-ruiz negative greens |");
    }

    #[test]
    fn opposing_a_move_against_someone_is_a_stance_for_them() {
        let a = article(&["Ana Ruiz criticized the move to oust Tom Vale."])
            .actor("ana-ruiz", ActorKind::Person, &["Ana Ruiz"])
            .actor("tom-vale", ActorKind::Person, &["Tom Vale"]);
        assert_eq!(
            read(&a),
            ["ana-ruiz positive tom-vale | criticized the move to oust Tom Vale"]
        );
    }

    #[test]
    fn act_object_is_an_actor_when_named() {
        let a = article(&["Ana Ruiz praised Tom Vale for his patience."])
            .actor("ana-ruiz", ActorKind::Person, &["Ana Ruiz"])
            .actor("tom-vale", ActorKind::Person, &["Tom Vale"]);
        assert_eq!(
            read(&a),
            ["ana-ruiz positive tom-vale | praised Tom Vale for his patience"]
        );
    }

    #[test]
    fn what_is_asked_of_someone_is_not_their_stance() {
        let a = article(&["Ana Ruiz urged Tom Vale to reject the toll plan."])
            .actor("ana-ruiz", ActorKind::Person, &["Ana Ruiz"])
            .actor("tom-vale", ActorKind::Person, &["Tom Vale"]);
        let got = read(&a);
        assert!(got.iter().all(|l| !l.starts_with("tom-vale")), "{got:?}");
        let b = article(&["The mayor wanted to have Tom Vale investigate the harbour board."])
            .actor("tom-vale", ActorKind::Person, &["Tom Vale"]);
        assert!(read(&b).iter().all(|l| !l.starts_with("tom-vale")));
        let c = article(&["Tom Vale wants to reject the toll plan."]).actor(
            "tom-vale",
            ActorKind::Person,
            &["Tom Vale"],
        );
        assert!(
            read(&c).iter().any(|l| l.starts_with("tom-vale")),
            "{:?}",
            read(&c)
        );
    }

    #[test]
    fn a_stance_on_an_official_by_title_is_on_that_official() {
        let a = article(&[
            "Governor Ann Ruiz signed the toll bill.",
            "Tom Vale criticized the governor on Monday.",
        ])
        .actor("ann-ruiz", ActorKind::Person, &["Ann Ruiz"])
        .titled("Governor", None)
        .actor("tom-vale", ActorKind::Person, &["Tom Vale"]);
        let got = read(&a);
        assert!(
            has(&got, "tom-vale negative ann-ruiz | criticized the governor"),
            "{got:?}"
        );
    }

    #[test]
    fn a_stance_on_someone_keeps_its_reason() {
        let a = article(&["Ana Ruiz accused Tom Vale of misleading the harbour council."])
            .actor("ana-ruiz", ActorKind::Person, &["Ana Ruiz"])
            .actor("tom-vale", ActorKind::Person, &["Tom Vale"]);
        assert_eq!(
            read(&a),
            ["ana-ruiz negative tom-vale | accused Tom Vale of misleading the harbour council"]
        );
    }

    #[test]
    fn a_stance_on_what_someone_offers_is_a_stance_on_them() {
        let a = article(&["Ana Ruiz tore into an offer from Harbour Master Tom Vale."])
            .actor("ana-ruiz", ActorKind::Person, &["Ana Ruiz"])
            .actor("tom-vale", ActorKind::Person, &["Tom Vale"]);
        let got = read(&a);
        assert_starts(&got, "ana-ruiz negative tom-vale |");
    }

    #[test]
    fn a_stance_on_two_named_actors_is_on_each() {
        let a = article(&["Ana Ruiz criticized Tom Vale and the Dock Union on Monday."])
            .actor("ana-ruiz", ActorKind::Person, &["Ana Ruiz"])
            .actor("tom-vale", ActorKind::Person, &["Tom Vale"])
            .actor("dock-union", ActorKind::Organization, &["Dock Union"]);
        let got = read(&a);
        assert_starts(&got, "ana-ruiz negative tom-vale |");
        assert_starts(&got, "ana-ruiz negative dock-union |");
    }

    #[test]
    fn act_passive_holder_after_by() {
        let a = article(&["The harbour levy was rejected by the Dock Union."]).actor(
            "dock-union",
            ActorKind::Organization,
            &["Dock Union"],
        );
        let got = read(&a);
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(
            got[0].starts_with("dock-union negative The harbour levy |"),
            "{got:?}"
        );
    }

    #[test]
    fn act_negated_turns_around() {
        let a = article(&["The Dock Union did not support the wage deal."]).actor(
            "dock-union",
            ActorKind::Organization,
            &["Dock Union"],
        );
        assert_eq!(
            read(&a),
            ["dock-union negative the wage deal | not support the wage deal"]
        );
    }

    #[test]
    fn negation_stops_at_the_next_verb_phrase() {
        let a = article(&[
            "Sara Holm would not intervene directly but warned against a long stoppage.",
        ])
        .actor("sara-holm", ActorKind::Person, &["Sara Holm"]);
        let got = read(&a);
        assert!(got.iter().all(|l| l.contains(" negative ")), "{got:?}");
    }

    #[test]
    fn act_intent_leaves_the_stance_to_its_verb() {
        let a = article(&["Senator Lena Park plans to block the river bill."]).actor(
            "lena-park",
            ActorKind::Person,
            &["Lena Park"],
        );
        assert_eq!(
            read(&a),
            ["lena-park negative the river bill | block the river bill"]
        );
    }

    #[test]
    fn act_in_a_condition_or_question_is_no_stance() {
        let a = article(&[
            "Nobody knows if Lena Park backs the bill.",
            "Will Lena Park oppose the bill?",
        ])
        .actor("lena-park", ActorKind::Person, &["Lena Park"]);
        assert!(read(&a).is_empty(), "{:?}", read(&a));
    }

    #[test]
    fn act_subject_through_an_apposition() {
        let a = article(&["Ana Ruiz, the transport minister of Ostland, condemned the strike."])
            .actor("ana-ruiz", ActorKind::Person, &["Ana Ruiz"])
            .actor("ostland", ActorKind::Country, &["Ostland"]);
        assert_eq!(
            read(&a),
            ["ana-ruiz negative the strike | condemned the strike"]
        );
    }

    #[test]
    fn say_subject_through_several_appositions() {
        let a = article(&["One candidate, Tom Vale, the mayor of Ostend, who chairs the port board, said the levy was unfair."])
            .actor("tom-vale", ActorKind::Person, &["Tom Vale"])
            .actor("ostend", ActorKind::Other, &["Ostend"]);
        let got = read(&a);
        assert_eq!(
            got,
            ["tom-vale negative the levy | the levy was unfair"],
            "{got:?}"
        );
    }

    #[test]
    fn joint_subjects_hold_the_stance_together() {
        let a = article(&["Ana Ruiz and Senator Tom Vale rejected the harbour levy."])
            .actor("ana-ruiz", ActorKind::Person, &["Ana Ruiz"])
            .actor("tom-vale", ActorKind::Person, &["Tom Vale"]);
        let got = read(&a);
        assert!(
            has(
                &got,
                "ana-ruiz negative the harbour levy | rejected the harbour levy"
            ),
            "{got:?}"
        );
        assert!(
            has(
                &got,
                "tom-vale negative the harbour levy | rejected the harbour levy"
            ),
            "{got:?}"
        );
    }

    #[test]
    fn act_subject_attached_by_of() {
        let a = article(&["Senator Lena Park of Ohio voted against the measure."])
            .actor("lena-park", ActorKind::Person, &["Lena Park"])
            .actor("ohio", ActorKind::Other, &["Ohio"]);
        assert_eq!(
            read(&a),
            ["lena-park negative the measure | voted against the measure"]
        );
    }

    #[test]
    fn they_stands_for_a_party_written_in_the_plural() {
        let a = article(&[
            "The Greens met in Ostend on Monday.",
            "They criticized the toll plan.",
        ])
        .actor(
            "green-party",
            ActorKind::Organization,
            &["Green Party", "Greens"],
        );
        assert_eq!(
            read(&a),
            ["green-party negative the toll plan | criticized the toll plan"]
        );
    }

    #[test]
    fn act_subject_by_pronoun_role_and_spokesman() {
        let a = article(&[
            "Finance Minister Ana Ruiz met the unions.",
            "She blasted the employers.",
            "The minister later praised the mediators.",
            "Tom Vale arrived. Vale's spokesman denounced the blockade.",
        ])
        .actor("ana-ruiz", ActorKind::Person, &["Ana Ruiz"])
        .titled("Finance Minister", None)
        .actor("tom-vale", ActorKind::Person, &["Tom Vale", "Vale"]);
        let got = read(&a);
        assert!(
            has(
                &got,
                "ana-ruiz negative the employers | blasted the employers"
            ),
            "{got:?}"
        );
        assert!(
            has(
                &got,
                "ana-ruiz positive the mediators | praised the mediators"
            ),
            "{got:?}"
        );
        assert!(
            has(
                &got,
                "tom-vale negative the blockade | denounced the blockade"
            ),
            "{got:?}"
        );
    }

    #[test]
    fn act_in_a_quote_with_a_named_subject_is_that_actor_s() {
        let a = article(&["“Canada would stop everything,” the source said."])
            .actor("canada", ActorKind::Country, &["Canada"])
            .actor("source", ActorKind::Person, &["the source"])
            .quote("source", QuoteKind::Direct, "Canada would stop everything,");
        assert!(
            has(&read(&a), "canada negative everything | stop everything"),
            "{:?}",
            read(&a)
        );
    }

    #[test]
    fn for_phrase_holder_comes_after() {
        let a = article(&[
            "A toll on the bridge would become a “red line” for the Dock Union.",
            "In any case, the prospect of new tolls is not to the liking of Ostland.",
        ])
        .actor("dock-union", ActorKind::Organization, &["Dock Union"])
        .actor("ostland", ActorKind::Country, &["Ostland"]);
        let got = read(&a);
        assert!(
            has(
                &got,
                "dock-union negative A toll on the bridge | red line: A toll on the bridge"
            ),
            "{got:?}"
        );
        assert!(
            has(
                &got,
                "ostland negative the prospect of new tolls | opposes the prospect of new tolls"
            ),
            "{got:?}"
        );
    }

    #[test]
    fn say_reads_the_report() {
        let a = article(&["Prime Minister Ana Ruiz said her country feels abandoned by Norway."])
            .actor("ana-ruiz", ActorKind::Person, &["Ana Ruiz"])
            .actor("norway", ActorKind::Country, &["Norway"]);
        assert_eq!(
            read(&a),
            ["ana-ruiz negative norway | her country feels abandoned by Norway"]
        );
    }

    #[test]
    fn say_reads_a_quotation_left_without_a_speaker() {
        let a = article(&["“The new timetable is a disaster,” Tom Vale said."])
            .actor("tom-vale", ActorKind::Person, &["Tom Vale"])
            .quote(
                "tom-vale",
                QuoteKind::Direct,
                "The new timetable is a disaster,",
            );
        let mut a = a;
        a.quotes[0].speaker = None;
        let got = read(&a);
        assert_starts(&got, "tom-vale negative");
        let b = article(&["Tom Vale said: “The new timetable is a disaster.”"])
            .actor("tom-vale", ActorKind::Person, &["Tom Vale"])
            .quote(
                "tom-vale",
                QuoteKind::Direct,
                "The new timetable is a disaster.",
            );
        let mut b = b;
        b.quotes[0].speaker = None;
        let got = read(&b);
        assert_starts(&got, "tom-vale negative");
    }

    #[test]
    fn a_judged_stance_on_a_list_is_on_each_named() {
        let a = article(&["Tom Vale said Ann Ruiz and the harbour board were a disgrace."])
            .actor("tom-vale", ActorKind::Person, &["Tom Vale"])
            .actor("ann-ruiz", ActorKind::Person, &["Ann Ruiz"])
            .actor("board", ActorKind::Organization, &["harbour board"]);
        let got = read(&a);
        assert_starts(&got, "tom-vale negative ann-ruiz");
        assert_starts(&got, "tom-vale negative board");
    }

    #[test]
    fn say_according_to() {
        let a = article(&["According to Tom Vale, the new timetable is a disaster."]).actor(
            "tom-vale",
            ActorKind::Person,
            &["Tom Vale"],
        );
        assert_eq!(
            read(&a),
            ["tom-vale negative the new timetable | the new timetable is a disaster"]
        );
    }

    #[test]
    fn say_leaves_a_reported_act_to_its_subject() {
        let a = article(&["Tom Vale said the Dock Union had nothing to do with the blockade."])
            .actor("tom-vale", ActorKind::Person, &["Tom Vale"])
            .actor("dock-union", ActorKind::Organization, &["Dock Union"]);
        let got = read(&a);
        assert!(
            has(
                &got,
                "dock-union negative the blockade | nothing to do with the blockade"
            ),
            "{got:?}"
        );
        assert!(got.iter().all(|l| !l.starts_with("tom-vale")), "{got:?}");
    }

    #[test]
    fn say_warned_leans_negative() {
        let a = article(&[
            "Ana Ruiz warned that a long stoppage would hurt every business in the port.",
        ])
        .actor("ana-ruiz", ActorKind::Person, &["Ana Ruiz"]);
        let got = read(&a);
        assert!(
            !got.is_empty() && got.iter().all(|l| l.contains(" negative ")),
            "{got:?}"
        );
    }

    #[test]
    fn quote_we_are_not_leaving_reassures() {
        let a = article(&[
            "“We are not leaving the valley. We will keep our promise,” Ms. Ruiz explained.",
        ])
        .actor("ana-ruiz", ActorKind::Person, &["Ruiz"])
        .quote(
            "ana-ruiz",
            QuoteKind::Direct,
            "We are not leaving the valley. We will keep our promise,",
        );
        let p = a.positions();
        assert_eq!(lines(&p)[0], "ana-ruiz positive - | not leaving the valley");
        assert_eq!(p[0].stance, "reassures");
        assert_eq!(p[0].quote.as_deref(), Some("q1"));
    }

    #[test]
    fn quote_negated_negative_is_positive() {
        let a = article(&["“No one can claim she is unqualified,” Tom Vale said of Ana Ruiz."])
            .actor("tom-vale", ActorKind::Person, &["Tom Vale"])
            .actor("ana-ruiz", ActorKind::Person, &["Ana Ruiz"])
            .quote(
                "tom-vale",
                QuoteKind::Direct,
                "No one can claim she is unqualified,",
            );
        let got = read(&a);
        assert!(got[0].starts_with("tom-vale positive"), "{got:?}");
    }

    #[test]
    fn a_stance_on_his_demand_is_a_stance_on_him() {
        let a = article(&[
            "Mayor Tom Vale asked for more money. The City Council rejected his demand.",
        ])
        .actor("tom-vale", ActorKind::Person, &["Tom Vale"])
        .actor("council", ActorKind::Organization, &["City Council"]);
        assert_eq!(
            read(&a),
            ["council negative tom-vale | rejected his demand"]
        );
    }

    #[test]
    fn a_stance_on_someone_s_plan_is_a_stance_on_them() {
        let a = article(&["The City Council rejected Tom Vale's toll plan."])
            .actor("tom-vale", ActorKind::Person, &["Tom Vale"])
            .actor("council", ActorKind::Organization, &["City Council"]);
        assert_eq!(
            read(&a),
            ["council negative tom-vale | rejected Tom Vale's toll plan"]
        );
    }

    #[test]
    fn a_complaint_with_plain_words_still_leans_against() {
        let a = article(&["Tom Vale complained that the City Council hid its findings."])
            .actor("tom-vale", ActorKind::Person, &["Tom Vale"])
            .actor("council", ActorKind::Organization, &["City Council"]);
        let got = read(&a);
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(
            got[0].starts_with("tom-vale negative council | complained"),
            "{got:?}"
        );
    }

    #[test]
    fn a_body_named_near_a_cue_comes_before_a_place() {
        let a = article(&["“The City Council and Ohio handled this badly,” Tom Vale said."])
            .actor("tom-vale", ActorKind::Person, &["Tom Vale"])
            .actor("council", ActorKind::Organization, &["City Council"])
            .actor("ohio", ActorKind::Country, &["Ohio"])
            .quote(
                "tom-vale",
                QuoteKind::Direct,
                "The City Council and Ohio handled this badly,",
            );
        let got = read(&a);
        assert!(got[0].starts_with("tom-vale negative council"), "{got:?}");
    }

    #[test]
    fn a_comma_before_the_negation_does_not_break_it() {
        let a = article(&[
            "“The old ferry was slow, and the new timetable is not acceptable,” Tom Vale said.",
        ])
        .actor("tom-vale", ActorKind::Person, &["Tom Vale"])
        .quote(
            "tom-vale",
            QuoteKind::Direct,
            "The old ferry was slow, and the new timetable is not acceptable,",
        );
        let got = read(&a);
        assert!(got[0].starts_with("tom-vale negative"), "{got:?}");
    }

    #[test]
    fn conditional_signature_does_not_count_for_the_speaker() {
        let a = article(&["Ana Ruiz considered that if the council signed a contract with Redwater, it would be extremely worrying."])
            .actor("ana-ruiz", ActorKind::Person, &["Ana Ruiz"])
            .actor("redwater", ActorKind::Group, &["Redwater"]);
        let got = read(&a);
        assert_eq!(
            got,
            ["ana-ruiz negative redwater | would be extremely worrying"]
        );
    }

    #[test]
    fn the_same_stance_is_given_once() {
        let a =
            article(&["Tom Vale criticized the plan. Later Tom Vale criticized the plan again."])
                .actor("tom-vale", ActorKind::Person, &["Tom Vale"]);
        assert_eq!(read(&a).len(), 1);
    }
}
