//! Actors across the library: the actors of every article merged into one
//! list by the alias rules used within an article, and, for one actor, what
//! it said and where it stood, article by article in date order.
//!
//! Merging, in order (each step joins groups; nothing is ever split):
//! 1. the same full name (or a full alias, or an acronym an organisation
//!    gives itself), courtesy titles and accents aside, of a compatible
//!    kind (`other` goes with any kind);
//! 2. a person's first and last name with or without middle names;
//! 3. one-letter spelling variants of a long word ("Parly", "Parley");
//! 4. a surname alone ("Berg", "Ms. Berg") or with an initial ("A. Berg")
//!    joins the one person with that surname, and when the library has
//!    several, the one written in full in the same article, else the one
//!    with the same title or affiliation; without such evidence it stays
//!    apart, so two people who share a surname are never merged on the
//!    surname;
//! 5. an acronym ("EU") joins the one organisation it abbreviates.
//!
//! Institutions roll up the people who speak for them (`Actor::affiliation`
//! in the article): their quotes and positions show under the institution.

use std::collections::{HashMap, HashSet};
use std::rc::Rc;
use std::sync::Arc;

use super::dates::Day;
use super::digest::{Digest, DigestActor};
use super::names;
use super::{Library, Status};
use crate::model::{ActorKind, Polarity, QuoteKind};

/// One actor of one article: `actor` indexes the article's digest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Appearance {
    pub entry: usize,
    pub actor: usize,
}

/// An actor merged across the library.
#[derive(Debug, Clone, PartialEq)]
pub struct LibraryActor {
    pub name: String,
    pub kind: ActorKind,
    /// Other names it goes by, as written.
    pub aliases: Vec<String>,
    pub titles: Vec<String>,
    pub appearances: Vec<Appearance>,
    /// Articles it appears in.
    pub articles: usize,
    /// Its own quotes and positions.
    pub quotes: usize,
    pub positions: usize,
    /// Quotes and positions of the people who speak for it.
    pub people_quotes: usize,
    pub people_positions: usize,
    /// The actors (indices in [`ActorIndex::actors`]) who speak for it,
    /// and those it speaks for.
    pub people: Vec<usize>,
    pub speaks_for: Vec<usize>,
}

/// Every actor of a library.
#[derive(Debug, Default, Clone)]
pub struct ActorIndex {
    /// Most present first (articles, then quotes, then name).
    pub actors: Vec<LibraryActor>,
    /// The merged actor of each article's actors: article by article,
    /// from `starts[entry].0` for `starts[entry].1` actors.
    node_slot: Vec<usize>,
    starts: Starts,
}

/// What one article holds about one actor.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleItems {
    pub entry: usize,
    pub day: Option<Day>,
    pub title: String,
    /// In paragraph order.
    pub items: Vec<Item>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub paragraph: usize,
    /// Who, as the article names them (the actor, or one of its people).
    pub who: String,
    /// Said by someone who speaks for the actor, not by the actor itself.
    pub via: bool,
    pub what: What,
}

#[derive(Debug, Clone, PartialEq)]
pub enum What {
    Quote {
        kind: QuoteKind,
        text: String,
    },
    Position {
        stance: String,
        summary: String,
        polarity: Polarity,
    },
    /// Named, with neither quote nor position (where it is first named).
    Mentioned {
        times: u32,
    },
}

/// Names longer than this are not checked for spelling variants (long
/// phrases are rarely names, and cost the most keys).
const MAX_VARIANT_NAME: usize = 40;

/// An actor of one article while merging.
struct Node<'a> {
    at: Appearance,
    actor: &'a DigestActor,
    digest: &'a Digest,
    /// The normal form of the name, and of each alias (shared strings:
    /// the same names recur across thousands of articles).
    norm: Rc<str>,
    aliases: Vec<Rc<str>>,
    title: Option<Rc<str>>,
    words: usize,
}

/// Normal forms computed once per distinct written name.
#[derive(Default)]
struct Normals<'a> {
    seen: HashMap<&'a str, Rc<str>>,
}

impl<'a> Normals<'a> {
    fn of(&mut self, written: &'a str) -> Rc<str> {
        Rc::clone(
            self.seen
                .entry(written)
                .or_insert_with(|| Rc::from(names::normal(written))),
        )
    }
}

impl Node<'_> {
    /// A surname alone, or with an initial: resolved in step 4.
    fn is_partial_person(&self) -> bool {
        self.actor.kind == ActorKind::Person
            && (self.words == 1
                || self.words == 2
                    && self
                        .norm
                        .split(' ')
                        .next()
                        .is_some_and(|w| w.chars().count() == 1))
    }
}

struct Groups {
    parent: Vec<usize>,
}

impl Groups {
    fn new(n: usize) -> Groups {
        Groups {
            parent: (0..n).collect(),
        }
    }
    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }
    fn join(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        if a != b {
            self.parent[a.max(b)] = a.min(b);
        }
    }
}

fn compatible(a: ActorKind, b: ActorKind) -> bool {
    a == b || a == ActorKind::Other || b == ActorKind::Other
}

impl ActorIndex {
    /// Merge the actors of every analysed article of `lib`.
    pub fn build(lib: &Library) -> ActorIndex {
        Self::build_from(&Self::digests(lib))
    }

    /// The analysed articles of `lib` (entry number, digest): what a merge
    /// needs, shared, so that it can run on another thread.
    pub fn digests(lib: &Library) -> Vec<(usize, Arc<Digest>)> {
        lib.entries()
            .iter()
            .enumerate()
            .filter(|(_, e)| !e.removed)
            .filter_map(|(i, e)| match &e.status {
                Status::Analysed(d) => Some((i, Arc::clone(d))),
                _ => None,
            })
            .collect()
    }

    /// Merge the actors of these articles.
    pub fn build_from(digests: &[(usize, Arc<Digest>)]) -> ActorIndex {
        let refs: Vec<(usize, &Digest)> = digests.iter().map(|(i, d)| (*i, d.as_ref())).collect();
        Self::merge(&refs)
    }

    /// Merge the actors of these articles (entry number, digest).
    pub fn merge(digests: &[(usize, &Digest)]) -> ActorIndex {
        let mut normals = Normals::default();
        let mut nodes: Vec<Node> = Vec::new();
        for &(entry, digest) in digests {
            for (i, a) in digest.actors.iter().enumerate() {
                let norm = normals.of(&a.name);
                nodes.push(Node {
                    at: Appearance { entry, actor: i },
                    actor: a,
                    digest,
                    words: norm.split(' ').count(),
                    aliases: a.aliases.iter().map(|x| normals.of(x)).collect(),
                    title: a
                        .title
                        .as_deref()
                        .map(|t| normals.of(t))
                        .filter(|t| !t.is_empty()),
                    norm,
                });
            }
        }
        let mut groups = Groups::new(nodes.len());
        let by_name = same_names(&nodes, &mut groups);
        middle_names(&nodes, &by_name, &mut groups);
        spelling_variants(&nodes, &by_name, &mut groups);
        partial_names(&nodes, &mut normals, &mut groups);
        acronyms(&nodes, &by_name, &mut groups);
        collect(&nodes, &mut groups)
    }

    /// The merged actor an article's actor belongs to.
    pub fn actor_of(&self, at: Appearance) -> Option<usize> {
        let &(start, len) = self.starts.get(&at.entry)?;
        (at.actor < len).then(|| self.node_slot[start + at.actor])
    }

    /// The merged actors of one article, in the order the article has them.
    pub fn of_entry(&self, entry: usize, digest: &Digest) -> Vec<usize> {
        let mut seen = HashSet::new();
        (0..digest.actors.len())
            .filter_map(|actor| self.actor_of(Appearance { entry, actor }))
            .filter(|i| seen.insert(*i))
            .collect()
    }

    /// What actor `id` said and where it stood, article by article in date
    /// order (undated articles last), its people's words included.
    pub fn timeline(&self, lib: &Library, id: usize) -> Vec<ArticleItems> {
        let Some(actor) = self.actors.get(id) else {
            return Vec::new();
        };
        let mut by_entry: HashMap<usize, Vec<usize>> = HashMap::new();
        for a in &actor.appearances {
            by_entry.entry(a.entry).or_default().push(a.actor);
        }
        let mut out: Vec<ArticleItems> = by_entry
            .into_iter()
            .filter_map(|(entry, own)| {
                let e = lib.entry(entry)?;
                let digest = e.digest()?;
                Some(ArticleItems {
                    entry,
                    day: e.day(),
                    title: e.title().to_string(),
                    items: items_of(digest, &own),
                })
            })
            .collect();
        out.sort_by(|a, b| {
            (a.day.is_none(), a.day, &a.title, a.entry).cmp(&(
                b.day.is_none(),
                b.day,
                &b.title,
                b.entry,
            ))
        });
        out
    }
}

/// The quotes and positions of actors `own` of one digest, and of the
/// people who speak for them; a mention when there are none.
fn items_of(digest: &Digest, own: &[usize]) -> Vec<Item> {
    let speaks_for_own = |i: usize| {
        digest
            .actors
            .get(i)
            .and_then(|a| a.affiliation)
            .is_some_and(|f| own.contains(&(f as usize)))
    };
    let role = |i: Option<u32>| -> Option<(String, bool)> {
        let i = i? as usize;
        let name = digest.actors.get(i)?.name.clone();
        if own.contains(&i) {
            Some((name, false))
        } else if speaks_for_own(i) {
            Some((name, true))
        } else {
            None
        }
    };
    let mut items = Vec::new();
    for q in &digest.quotes {
        if let Some((who, via)) = role(q.speaker) {
            items.push(Item {
                paragraph: q.paragraph as usize,
                who,
                via,
                what: What::Quote {
                    kind: q.kind,
                    text: q.text.clone(),
                },
            });
        }
    }
    for p in &digest.positions {
        if let Some((who, via)) = role(p.actor) {
            items.push(Item {
                paragraph: p.paragraph as usize,
                who,
                via,
                what: What::Position {
                    stance: p.stance.clone(),
                    summary: p.summary.clone(),
                    polarity: p.polarity,
                },
            });
        }
    }
    if items.is_empty()
        && let Some(&first) = own.first()
    {
        let times = own
            .iter()
            .filter_map(|&i| digest.actors.get(i))
            .map(|a| a.mentions)
            .sum();
        items.push(Item {
            paragraph: 0,
            who: digest.actors[first].name.clone(),
            via: false,
            what: What::Mentioned { times },
        });
    }
    items.sort_by_key(|i| i.paragraph);
    items
}

/// Step 1: the same full name. Returns nodes by name (partial person
/// names left out: they are resolved in step 4).
fn same_names(nodes: &[Node], groups: &mut Groups) -> HashMap<Rc<str>, Vec<usize>> {
    let mut by_name: HashMap<Rc<str>, Vec<usize>> = HashMap::new();
    for (i, n) in nodes.iter().enumerate() {
        if n.is_partial_person() {
            continue;
        }
        by_name.entry(Rc::clone(&n.norm)).or_default().push(i);
        for alias in &n.aliases {
            // a person's one-word alias is a surname: not evidence alone
            let full = alias.contains(' ') || n.actor.kind != ActorKind::Person;
            if full && !alias.is_empty() && *alias != n.norm {
                let members = by_name.entry(Rc::clone(alias)).or_default();
                if members.last() != Some(&i) {
                    members.push(i);
                }
            }
        }
    }
    for members in by_name.values() {
        join_compatible(nodes, members, groups);
    }
    by_name
}

/// Join nodes of one name kind by kind; `other` joins the commonest kind.
fn join_compatible(nodes: &[Node], members: &[usize], groups: &mut Groups) {
    let mut first_of: Vec<(ActorKind, usize, usize)> = Vec::new();
    let mut others = Vec::new();
    for &i in members {
        let kind = nodes[i].actor.kind;
        if kind == ActorKind::Other {
            others.push(i);
            continue;
        }
        match first_of.iter_mut().find(|(k, _, _)| *k == kind) {
            Some((_, first, count)) => {
                groups.join(*first, i);
                *count += 1;
            }
            None => first_of.push((kind, i, 1)),
        }
    }
    let anchor = first_of
        .iter()
        .max_by_key(|(_, _, count)| *count)
        .map(|&(_, first, _)| first)
        .or_else(|| others.first().copied());
    if let Some(anchor) = anchor {
        for i in others {
            groups.join(anchor, i);
        }
    }
}

/// Step 2: "Anna Maria Berg" is "Anna Berg" when the library has both.
fn middle_names(nodes: &[Node], by_name: &HashMap<Rc<str>, Vec<usize>>, groups: &mut Groups) {
    for (i, n) in nodes.iter().enumerate() {
        if n.actor.kind != ActorKind::Person || n.words < 3 {
            continue;
        }
        let words: Vec<&str> = n.norm.split(' ').collect();
        let short = format!("{} {}", words[0], words[words.len() - 1]);
        if let Some(j) = by_name.get(short.as_str()).and_then(|m| {
            m.iter()
                .find(|&&j| nodes[j].actor.kind == ActorKind::Person)
        }) {
            groups.join(i, *j);
        }
    }
}

/// Step 3: names one letter apart in a long word, of compatible kinds
/// (names only ever of kind `other` are left out).
/// Names meet under hashed keys (see [`names::variant_keys`]).
fn spelling_variants(nodes: &[Node], by_name: &HashMap<Rc<str>, Vec<usize>>, groups: &mut Groups) {
    let mut meet: HashMap<u64, Vec<&str>> = HashMap::new();
    let mut key = String::new();
    // a name only ever of kind `other` has no kind to be a variant "of"
    let typed = |members: &Vec<usize>| {
        members
            .iter()
            .any(|&i| nodes[i].actor.kind != ActorKind::Other)
    };
    let candidates = by_name
        .iter()
        .filter(|(n, members)| n.len() <= MAX_VARIANT_NAME && typed(members));
    for (name, _) in candidates {
        names::each_variant_key(name, &mut key, |k| {
            meet.entry(xxhash_rust::xxh3::xxh3_64(k.as_bytes()))
                .or_default()
                .push(name)
        });
    }
    for found in meet.values().filter(|v| v.len() > 1) {
        for (x, a) in found.iter().enumerate() {
            for b in &found[x + 1..] {
                if !names::spelling_variant(a, b) {
                    continue;
                }
                let (na, nb) = (&by_name[*a], &by_name[*b]);
                let pair = na.iter().find_map(|&i| {
                    nb.iter()
                        .find(|&&j| compatible(nodes[i].actor.kind, nodes[j].actor.kind))
                        .map(|&j| (i, j))
                });
                if let Some((i, j)) = pair {
                    groups.join(i, j);
                }
            }
        }
    }
}

/// What a group is known by, for resolving surnames: its full person names
/// by surname, its titles and affiliations.
#[derive(Default)]
struct Evidence {
    /// Articles where the full name is written.
    entries: HashSet<usize>,
    first_names: HashSet<String>,
    titles: HashSet<Rc<str>>,
    affiliations: HashSet<Rc<str>>,
}

fn affiliation_of<'a>(n: &Node<'a>, normals: &mut Normals<'a>) -> Option<Rc<str>> {
    let f = n.actor.affiliation? as usize;
    Some(normals.of(&n.digest.actors.get(f)?.name))
}

/// Step 4: surnames alone and with an initial.
fn partial_names<'a>(nodes: &[Node<'a>], normals: &mut Normals<'a>, groups: &mut Groups) {
    let mut by_surname: HashMap<&str, HashMap<usize, Evidence>> = HashMap::new();
    for (i, n) in nodes.iter().enumerate() {
        if n.actor.kind != ActorKind::Person || n.is_partial_person() {
            continue;
        }
        let words: Vec<&str> = n.norm.split(' ').collect();
        let [first, .., last] = words[..] else {
            continue;
        };
        let ev = by_surname
            .entry(last)
            .or_default()
            .entry(groups.find(i))
            .or_default();
        ev.entries.insert(n.at.entry);
        ev.first_names.insert(first.to_string());
        ev.titles.extend(n.title.clone());
        ev.affiliations.extend(affiliation_of(n, normals));
    }
    let mut unresolved: HashMap<&str, usize> = HashMap::new();
    for (i, n) in nodes.iter().enumerate() {
        if !n.is_partial_person() {
            continue;
        }
        let words: Vec<&str> = n.norm.split(' ').collect();
        let surname = words[words.len() - 1];
        let initial = (words.len() == 2).then(|| words[0]);
        let candidates: Vec<(usize, &Evidence)> = by_surname
            .get(surname)
            .into_iter()
            .flatten()
            .filter(|(_, ev)| {
                initial.is_none_or(|c| ev.first_names.iter().any(|f| f.starts_with(c)))
            })
            .map(|(g, ev)| (*g, ev))
            .collect();
        let chosen = match candidates[..] {
            [(g, _)] => Some(g),
            [] => None,
            _ => {
                // the one of them written in full in the same article
                let here: Vec<usize> = candidates
                    .iter()
                    .filter(|(_, ev)| ev.entries.contains(&n.at.entry))
                    .map(|(g, _)| *g)
                    .collect();
                let title = n.title.clone();
                let affiliation = affiliation_of(n, normals);
                let backed: Vec<usize> = candidates
                    .iter()
                    .filter(|(_, ev)| {
                        title.as_ref().is_some_and(|t| ev.titles.contains(t))
                            || affiliation
                                .as_ref()
                                .is_some_and(|a| ev.affiliations.contains(a))
                    })
                    .map(|(g, _)| *g)
                    .collect();
                match (&here[..], &backed[..]) {
                    ([g], _) | ([], [g]) => Some(*g),
                    _ => None,
                }
            }
        };
        match chosen {
            Some(g) => groups.join(g, i),
            // the same partial name, unresolved, stays one entry
            None => {
                let first = *unresolved.entry(&*n.norm).or_insert(i);
                groups.join(first, i);
            }
        }
    }
}

/// Step 5: an acronym joins the one organisation it abbreviates.
fn acronyms(nodes: &[Node], by_name: &HashMap<Rc<str>, Vec<usize>>, groups: &mut Groups) {
    let mut expansions: HashMap<String, HashSet<usize>> = HashMap::new();
    for (name, members) in by_name {
        if !name.contains(' ') {
            continue;
        }
        let Some(acronym) = names::acronym_of(name) else {
            continue;
        };
        for &i in members {
            if nodes[i].actor.kind != ActorKind::Person {
                let g = groups.find(i);
                expansions.entry(acronym.clone()).or_default().insert(g);
            }
        }
    }
    for (i, n) in nodes.iter().enumerate() {
        if n.actor.kind == ActorKind::Person || !names::is_acronym(&n.actor.name) {
            continue;
        }
        if let Some(found) = expansions.get(&*n.norm)
            && found.len() == 1
            && let Some(&g) = found.iter().next()
        {
            groups.join(g, i);
        }
    }
}

/// Where each article's actors start among the nodes (nodes are made
/// article by article), and how many it has.
type Starts = HashMap<usize, (usize, usize)>;

fn starts(nodes: &[Node]) -> Starts {
    let mut out: Starts = HashMap::new();
    for (i, n) in nodes.iter().enumerate() {
        out.entry(n.at.entry).or_insert((i, 0)).1 += 1;
    }
    out
}

/// The merged actors, with their counts and roll-ups.
fn collect(nodes: &[Node], groups: &mut Groups) -> ActorIndex {
    let mut slot_of_group: HashMap<usize, usize> = HashMap::new();
    let mut members: Vec<Vec<usize>> = Vec::new();
    let mut node_slot = Vec::with_capacity(nodes.len());
    for i in 0..nodes.len() {
        let g = groups.find(i);
        let s = *slot_of_group.entry(g).or_insert_with(|| {
            members.push(Vec::new());
            members.len() - 1
        });
        members[s].push(i);
        node_slot.push(s);
    }
    let mut actors: Vec<LibraryActor> = members.iter().map(|m| describe(nodes, m)).collect();
    let starts = starts(nodes);
    for &(start, len) in starts.values() {
        let slots = &node_slot[start..start + len];
        count_words(nodes[start].digest, slots, &mut actors);
        for (n, &person) in nodes[start..start + len].iter().zip(slots) {
            let Some(&inst) = n.actor.affiliation.and_then(|f| slots.get(f as usize)) else {
                continue;
            };
            if inst != person {
                push_once(&mut actors[inst].people, person);
                push_once(&mut actors[person].speaks_for, inst);
            }
        }
    }
    order(actors, node_slot, starts)
}

fn push_once(v: &mut Vec<usize>, x: usize) {
    if !v.contains(&x) {
        v.push(x);
    }
}

/// Count quotes and positions of one article (whose actors are `slots`)
/// for their actors, and for the institutions their speakers speak for.
fn count_words(d: &Digest, slots: &[usize], actors: &mut [LibraryActor]) {
    let slot = |i: Option<u32>| i.and_then(|i| slots.get(i as usize).copied());
    let institution = |i: Option<u32>| slot(i.and_then(|i| d.actors.get(i as usize)?.affiliation));
    for q in &d.quotes {
        if let Some(s) = slot(q.speaker) {
            actors[s].quotes += 1;
        }
        if let Some(s) = institution(q.speaker) {
            actors[s].people_quotes += 1;
        }
    }
    for p in &d.positions {
        if let Some(s) = slot(p.actor) {
            actors[s].positions += 1;
        }
        if let Some(s) = institution(p.actor) {
            actors[s].people_positions += 1;
        }
    }
}

/// A merged actor from its nodes: the commonest full name, the commonest
/// definite kind, other names as aliases.
fn describe(nodes: &[Node], members: &[usize]) -> LibraryActor {
    let mut names: HashMap<&str, (usize, &str)> = HashMap::new();
    let mut kinds: HashMap<ActorKind, usize> = HashMap::new();
    let mut titles: Vec<String> = Vec::new();
    let mut seen_titles = HashSet::new();
    let mut appearances = Vec::with_capacity(members.len());
    for &i in members {
        let n = &nodes[i];
        let seen = names.entry(&n.norm).or_insert((0, &n.actor.name));
        seen.0 += 1;
        // of the ways one name is written, the plainest ("Clinton", not
        // "Clinton’s")
        if n.actor.name.len() < seen.1.len() {
            seen.1 = &n.actor.name;
        }
        *kinds.entry(n.actor.kind).or_default() += 1;
        if let (Some(t), Some(norm)) = (&n.actor.title, &n.title)
            && seen_titles.insert(Rc::clone(norm))
        {
            titles.push(t.clone());
        }
        appearances.push(n.at);
    }
    let (name, name_norm) = names
        .iter()
        .max_by_key(|(norm, (count, written))| {
            (
                norm.contains(' '),
                *count,
                written.len(),
                std::cmp::Reverse(*written),
            )
        })
        .map_or((String::new(), ""), |(norm, (_, written))| {
            (written.to_string(), *norm)
        });
    let kind = kinds
        .iter()
        .filter(|(k, _)| **k != ActorKind::Other)
        .max_by_key(|(k, c)| (**c, std::cmp::Reverse(k.label())))
        .map_or(ActorKind::Other, |(k, _)| *k);
    let mut aliases: Vec<String> = Vec::new();
    let mut seen: HashSet<&str> = HashSet::from([name_norm]);
    for &i in members {
        let n = &nodes[i];
        let written = std::iter::once(&n.actor.name).chain(&n.actor.aliases);
        let norms = std::iter::once(&n.norm).chain(&n.aliases);
        for (written, norm) in written.zip(norms) {
            if seen.insert(norm) {
                aliases.push(written.clone());
            }
        }
    }
    appearances.sort();
    let articles = 1 + appearances
        .windows(2)
        .filter(|w| w[0].entry != w[1].entry)
        .count();
    LibraryActor {
        name,
        kind,
        aliases,
        titles,
        appearances,
        articles,
        quotes: 0,
        positions: 0,
        people_quotes: 0,
        people_positions: 0,
        people: Vec::new(),
        speaks_for: Vec::new(),
    }
}

/// Sort the actors (most present first) and renumber every reference.
fn order(actors: Vec<LibraryActor>, mut node_slot: Vec<usize>, starts: Starts) -> ActorIndex {
    let mut idx: Vec<usize> = (0..actors.len()).collect();
    idx.sort_by(|&a, &b| {
        let (x, y) = (&actors[a], &actors[b]);
        (y.articles, y.quotes + y.people_quotes, y.positions)
            .cmp(&(x.articles, x.quotes + x.people_quotes, x.positions))
            .then_with(|| x.name.cmp(&y.name))
    });
    let mut new_of = vec![0; actors.len()];
    for (new, &old) in idx.iter().enumerate() {
        new_of[old] = new;
    }
    let mut slots: Vec<Option<LibraryActor>> = actors.into_iter().map(Some).collect();
    let actors = idx
        .iter()
        .filter_map(|&old| slots[old].take())
        .map(|mut a| {
            a.people.iter_mut().for_each(|p| *p = new_of[*p]);
            a.speaks_for.iter_mut().for_each(|p| *p = new_of[*p]);
            a
        })
        .collect();
    node_slot.iter_mut().for_each(|s| *s = new_of[*s]);
    ActorIndex {
        actors,
        node_slot,
        starts,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::digest::DigestQuote;
    use crate::library::{Listing, read::ReadMarks};
    use crate::model::QuoteKind;

    fn actor(name: &str, kind: ActorKind) -> DigestActor {
        DigestActor {
            name: name.into(),
            kind,
            aliases: Vec::new(),
            title: None,
            affiliation: None,
            mentions: 1,
        }
    }

    fn person(name: &str) -> DigestActor {
        actor(name, ActorKind::Person)
    }

    fn titled(name: &str, title: &str) -> DigestActor {
        DigestActor {
            title: Some(title.into()),
            ..person(name)
        }
    }

    /// An article whose every actor says one thing.
    fn article(title: &str, actors: Vec<DigestActor>) -> Digest {
        let quotes = (0..actors.len())
            .map(|i| DigestQuote {
                speaker: Some(i as u32),
                text: format!("words of speaker {i}"),
                kind: QuoteKind::Direct,
                paragraph: i as u32 + 1,
            })
            .collect();
        Digest {
            title: title.into(),
            date: None,
            day: None,
            dateline: None,
            paragraphs: 5,
            actors,
            quotes,
            positions: Vec::new(),
        }
    }

    fn merged(articles: &[Digest]) -> ActorIndex {
        let pairs: Vec<(usize, &Digest)> = articles.iter().enumerate().collect();
        ActorIndex::merge(&pairs)
    }

    fn find<'a>(index: &'a ActorIndex, name: &str) -> Vec<&'a LibraryActor> {
        index
            .actors
            .iter()
            .filter(|a| a.name == name || a.aliases.iter().any(|x| x == name))
            .collect()
    }

    #[test]
    fn one_person_under_two_spellings_is_one_actor() {
        let index = merged(&[
            article("Budget cuts", vec![person("Florence Parly")]),
            article("Sahel visit", vec![person("Florence Parley")]),
        ]);
        let found = find(&index, "Florence Parly");
        assert_eq!(found.len(), 1, "{:?}", index.actors);
        assert_eq!(found[0].articles, 2);
        assert_eq!(found[0].quotes, 2);
        let mut names = found[0].aliases.clone();
        names.push(found[0].name.clone());
        names.sort();
        assert_eq!(names, ["Florence Parley", "Florence Parly"]);
    }

    #[test]
    fn two_people_with_one_surname_stay_apart() {
        let index = merged(&[
            article("Tax reform", vec![person("Anna Berg")]),
            article("Harbour deal", vec![person("Carl Berg")]),
            article("Budget vote", vec![person("Berg")]),
        ]);
        assert_eq!(find(&index, "Anna Berg").len(), 1);
        assert_eq!(find(&index, "Carl Berg").len(), 1);
        assert_ne!(find(&index, "Anna Berg")[0], find(&index, "Carl Berg")[0]);
        // a bare surname with two candidates and no evidence joins neither
        let bare = find(&index, "Berg");
        assert_eq!(bare.len(), 1);
        assert_eq!(bare[0].name, "Berg");
        assert_eq!(index.actors.len(), 3);
    }

    #[test]
    fn a_surname_joins_the_person_its_title_points_to() {
        let index = merged(&[
            article("Tax reform", vec![titled("Anna Berg", "Finance Minister")]),
            article("Harbour deal", vec![titled("Carl Berg", "Port director")]),
            article("Budget vote", vec![titled("Ms. Berg", "finance minister")]),
        ]);
        let anna = find(&index, "Anna Berg");
        assert_eq!(anna.len(), 1);
        assert_eq!(anna[0].articles, 2, "{:?}", index.actors);
        assert_eq!(find(&index, "Carl Berg")[0].articles, 1);
    }

    #[test]
    fn a_surname_joins_the_person_named_in_full_in_its_article() {
        let index = merged(&[
            article("Tax reform", vec![person("Anna Berg")]),
            article("Harbour deal", vec![person("Carl Berg"), person("Berg")]),
        ]);
        let carl = find(&index, "Carl Berg");
        assert_eq!(carl.len(), 1);
        assert_eq!(carl[0].quotes, 2, "{:?}", index.actors);
        assert_eq!(find(&index, "Anna Berg")[0].quotes, 1);
    }

    #[test]
    fn a_surname_alone_joins_the_only_person_with_it() {
        let index = merged(&[
            article("Talks", vec![person("Sergei Lavrov")]),
            article("More talks", vec![person("Lavrov"), person("S. Lavrov")]),
        ]);
        assert_eq!(index.actors.len(), 1, "{:?}", index.actors);
        assert_eq!(index.actors[0].name, "Sergei Lavrov");
        assert_eq!(index.actors[0].articles, 2);
    }

    #[test]
    fn middle_names_and_accents_do_not_split_a_person() {
        let index = merged(&[
            article("A", vec![person("Choguel Kokalla Maïga")]),
            article("B", vec![person("Choguel Maiga")]),
        ]);
        assert_eq!(index.actors.len(), 1, "{:?}", index.actors);
    }

    #[test]
    fn an_acronym_joins_its_expansion_but_not_a_namesake_of_another_kind() {
        let index = merged(&[
            article("A", vec![actor("European Union", ActorKind::Organization)]),
            article("B", vec![actor("EU", ActorKind::Organization)]),
            article("C", vec![actor("Georgia", ActorKind::Country)]),
            article("D", vec![actor("Georgia", ActorKind::Person)]),
        ]);
        let eu = find(&index, "European Union");
        assert_eq!(eu.len(), 1);
        assert_eq!(eu[0].articles, 2);
        assert_eq!(find(&index, "Georgia").len(), 2);
    }

    #[test]
    fn institutions_roll_up_their_people() {
        let mut parly = titled("Florence Parly", "Minister of the Armed Forces");
        parly.affiliation = Some(1);
        let a = article("Sahel", vec![parly, actor("France", ActorKind::Country)]);
        let b = article("Paris", vec![actor("France", ActorKind::Country)]);
        let index = merged(&[a, b]);
        let france = find(&index, "France")[0];
        let parly_id = index
            .actors
            .iter()
            .position(|x| x.name == "Florence Parly")
            .expect("Parly");
        assert_eq!(france.people, vec![parly_id]);
        assert_eq!(france.quotes, 2);
        assert_eq!(france.people_quotes, 1);
        assert_eq!(index.actors[parly_id].speaks_for.len(), 1);
    }

    fn listing(rel: &str) -> Listing {
        Listing {
            path: rel.into(),
            rel: rel.into(),
            size: 1,
            mtime_ns: 0,
            problem: None,
        }
    }

    #[test]
    fn a_timeline_runs_in_date_order_with_the_people_of_an_institution() {
        let mut parly = person("Florence Parly");
        parly.affiliation = Some(1);
        let late = article("Late", vec![parly, actor("France", ActorKind::Country)]);
        let early = article("Early", vec![actor("France", ActorKind::Country)]);
        let undated = article("Undated", vec![actor("France", ActorKind::Country)]);
        let lib = Library::from_entries(
            std::path::Path::new("lib"),
            vec![
                (
                    listing("2021-09-26-late.txt"),
                    Status::Analysed(late.into()),
                ),
                (listing("undated.txt"), Status::Analysed(undated.into())),
                (
                    listing("2020-01-05-early.txt"),
                    Status::Analysed(early.into()),
                ),
            ],
            ReadMarks::default(),
        );
        let index = ActorIndex::build(&lib);
        let france = index
            .actors
            .iter()
            .position(|a| a.name == "France")
            .expect("France");
        let t = index.timeline(&lib, france);
        let titles: Vec<&str> = t.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(titles, ["Early", "Late", "Undated"]);
        let late_items = &t[1].items;
        assert!(
            late_items
                .iter()
                .any(|i| i.via && i.who == "Florence Parly")
        );
        assert!(late_items.iter().any(|i| !i.via && i.who == "France"));
    }
}
