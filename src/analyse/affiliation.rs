//! Whom an official speaks for when the title does not say: the country
//! whose seat of government is named in the paragraph just before the
//! official speaks ("… is not to the liking of Paris. This is what the
//! minister said"), the countries that act in the official's own words
//! ("our troops", "French forces"), and the affiliation of the official
//! who spoke in the paragraph before. An official with no evidence stays
//! unaffiliated rather than guessed; so does a speaker without a title
//! whose context names no government.

use std::collections::BTreeMap;

use rustc_hash::FxHashMap as HashMap;

use super::actors::{ActorSet, Form};
use super::lexicon;
use super::quotes::Reported;
use super::sentences::{Kind, Para};
use crate::model::ActorKind;

/// Words before a country that make it a place, not an actor.
const PLACE_WORDS: &[&str] = &[
    "in",
    "from",
    "to",
    "into",
    "across",
    "throughout",
    "inside",
    "near",
];

/// Prepositions that tie a role to the body it serves ("economist at",
/// "spokeswoman for", "director of", "analyst with").
const ROLE_LINKS: &[&str] = &["at", "for", "of", "with", "from"];

/// Give people the organisation or country their role is written with:
/// "Ann Ko, chief economist at Harbour Bank", "Tom Li, a spokesman for
/// the Port Authority", "Harbour Bank economist Ann Ko". The role names
/// the body outright, so it goes before any guess from context.
pub fn from_roles(paras: &[Para], actors: &mut ActorSet) {
    for e in 0..actors.entities.len() {
        let x = &actors.entities[e];
        if x.kind != ActorKind::Person || x.affiliation.is_some() {
            continue;
        }
        let found = x.mentions.iter().find_map(|m| {
            let p = &paras[m.para];
            role_after(p, actors, m.end).or_else(|| body_before(p, actors, m.start))
        });
        if let Some((role, body)) = found.filter(|&(_, b)| b != e) {
            let x = &mut actors.entities[e];
            x.affiliation = Some(body);
            if x.title.is_none() {
                x.title = Some(role);
            }
        }
    }
}

/// The body an actor mention starting at token `i` names, when it is no
/// person.
fn body_at(actors: &ActorSet, para: usize, i: usize) -> Option<usize> {
    actors
        .within(para, i, i + 8)
        .first()
        .filter(|&&(start, b)| start == i && actors.entities[b].kind != ActorKind::Person)
        .map(|&(_, b)| b)
}

/// ", [a|the] chief economist [of markets] at <body>" after a name ending
/// at token `end`: the role words and the body.
fn role_after(p: &Para, actors: &ActorSet, end: usize) -> Option<(String, usize)> {
    let n = p.tokens.len();
    if end >= n || !p.is(end, ',') {
        return None;
    }
    // the role words start after any determiner
    let first = end + 1 + usize::from(p.has(end + 1, lexicon::DETERMINER));
    let mut k = first;
    // up to three lower-case words, the last a role
    let mut role = None;
    while k < n && k - end <= 5 && p.tokens[k].kind == Kind::Word && !p.capitalised(k) {
        if p.has(k, lexicon::ROLE) {
            role = Some(k);
        } else if p.has(k, lexicon::PREPOSITION) {
            break;
        }
        k += 1;
    }
    let role = role?;
    let mut k = role + 1;
    // "professor of economics at": a lower-case field between role and body
    if k + 1 < n && p.lower(k) == "of" && !p.capitalised(k + 1) && p.lower(k + 1) != "the" {
        let mut f = k + 1;
        while f < n
            && f - k <= 3
            && p.tokens[f].kind == Kind::Word
            && !p.capitalised(f)
            && !ROLE_LINKS.contains(&p.lower(f))
        {
            f += 1;
        }
        if f < n && ROLE_LINKS.contains(&p.lower(f)) {
            k = f;
        }
    }
    if k >= n || !ROLE_LINKS.contains(&p.lower(k)) {
        return None;
    }
    k += 1;
    if k < n && p.lower(k) == "the" {
        k += 1;
    }
    let body = body_at(actors, p.index, k)?;
    Some((p.slice(first, role + 1).to_string(), body))
}

/// "<body> economist Ann Ko", "<body>'s chief economist, Ann Ko",
/// "<body>'s Fisheries Minister, Ann Ko": a body named just before the
/// role words in front of a name starting at token `start`; the role words
/// and the body.
fn body_before(p: &Para, actors: &ActorSet, start: usize) -> Option<(String, usize)> {
    let apposed = start > 0 && p.is(start - 1, ',');
    let end = if apposed { start - 1 } else { start };
    // role words are lower case, or capitalised between commas
    let role_word = |k: usize| {
        p.tokens[k].kind == Kind::Word
            && (apposed || !p.capitalised(k))
            && !matches!(p.lower(k), "'s" | "’s")
    };
    if end == 0 || !p.has(end - 1, lexicon::ROLE) {
        return None;
    }
    // the nearest body before the role words: "France's far-right National
    // Front party leader" is the party's leader
    let mut t = end - 1;
    while t > 0 && end - t <= 4 && role_word(t) {
        let at = if matches!(p.lower(t - 1), "'s" | "’s") {
            t - 1
        } else {
            t
        };
        if let Some(b) = body_ending_at(p, actors, at) {
            return Some((p.slice(t, end).to_string(), b));
        }
        t -= 1;
    }
    None
}

/// The body (no person) an actor mention ending just before token `t`
/// names.
fn body_ending_at(p: &Para, actors: &ActorSet, t: usize) -> Option<usize> {
    let &(s, b) = actors.within(p.index, t.saturating_sub(8), t).last()?;
    let ends_here = actors.entities[b]
        .mentions
        .iter()
        .any(|m| m.para == p.index && m.start == s && m.end == t);
    (ends_here && actors.entities[b].kind != ActorKind::Person).then_some(b)
}

/// Give unaffiliated officials the country their context speaks for.
pub fn from_context(
    paras: &[Para],
    actors: &mut ActorSet,
    quotes: &[Reported],
    dateline: Option<&str>,
) {
    // each entity's quotes, and each paragraph's seats of government, found
    // once: a scan of all of them per official was quadratic in long texts
    let mut quoted: Vec<Vec<usize>> = vec![Vec::new(); actors.entities.len()];
    for (q, quote) in quotes.iter().enumerate() {
        if let Some(list) = quote.speaker.and_then(|s| quoted.get_mut(s)) {
            list.push(q);
        }
    }
    let seats = seats_by_paragraph(actors);
    let home = dateline.and_then(|d| dateline_country(d, actors));
    for (e, quoted) in quoted.iter().enumerate() {
        let x = &actors.entities[e];
        let speaks = !quoted.is_empty();
        if x.kind != ActorKind::Person || x.affiliation.is_some() || !(x.official || speaks) {
            continue;
        }
        let official = x.official;
        let mut score: BTreeMap<usize, u32> = BTreeMap::new();
        metonyms_before(actors, e, &seats, &mut score);
        countries_in_words(paras, actors, quoted, quotes, &mut score);
        if official {
            colleague_before(actors, e, quoted.first().copied(), quotes, &mut score);
            // a government official in a story filed from a capital: a
            // point; its head of state or government serves there unless
            // the context says otherwise
            if let Some(c) = home {
                let head = x.title.as_deref().is_some_and(heads_a_state);
                *score.entry(c).or_default() += if head { 2 } else { 1 };
            }
        }
        let best = score.values().copied().max().unwrap_or(0);
        let top: Vec<usize> = score
            .iter()
            .filter(|&(_, &v)| v == best)
            .map(|(&k, _)| k)
            .collect();
        if best >= 2 && top.len() == 1 {
            actors.entities[e].affiliation = Some(top[0]);
        }
    }
}

/// Titles of a head of state or government.
const HEADS: &[&str] = &[
    "president",
    "prime minister",
    "premier",
    "chancellor",
    "king",
    "queen",
];

/// Whether a title is that of a head of state or government ("President",
/// "the prime minister"), not a deputy's or a vice-president's.
fn heads_a_state(title: &str) -> bool {
    let t = title.to_lowercase();
    let t = t.strip_prefix("the ").unwrap_or(&t);
    HEADS.contains(&t)
}

/// The country whose capital the story is filed from ("OTTAWA, March 3
/// —"), when the article names that country as an actor.
fn dateline_country(dateline: &str, actors: &ActorSet) -> Option<usize> {
    // "NEW YORK" is looked up as "New York"
    let name = dateline
        .split(' ')
        .map(|w| {
            let mut cs = w.chars();
            cs.next().map_or_else(String::new, |f| {
                f.to_uppercase()
                    .chain(cs.flat_map(char::to_lowercase))
                    .collect()
            })
        })
        .collect::<Vec<_>>()
        .join(" ");
    let entry = super::gazetteer::get().lookup(&name)?;
    let k = entry
        .country
        .filter(|_| entry.place == super::gazetteer::Place::Capital)?;
    actors
        .entities
        .iter()
        .position(|x| x.kind == ActorKind::Country && x.country == Some(k))
}

/// Per paragraph, each country named there by a seat of government, with
/// the first token where it is: (token, country entity).
fn seats_by_paragraph(actors: &ActorSet) -> HashMap<usize, Vec<(usize, usize)>> {
    let mut seats: HashMap<usize, Vec<(usize, usize)>> = HashMap::default();
    for (c, x) in actors.entities.iter().enumerate() {
        if x.kind != ActorKind::Country {
            continue;
        }
        for n in x.mentions.iter().filter(|n| n.form == Form::Metonym) {
            let list = seats.entry(n.para).or_default();
            match list.iter_mut().find(|(_, k)| *k == c) {
                Some(first) => first.0 = first.0.min(n.start),
                None => list.push((n.start, c)),
            }
        }
    }
    seats
}

/// A seat of government named before the official in the same paragraph:
/// two points.
fn metonyms_before(
    actors: &ActorSet,
    e: usize,
    seats: &HashMap<usize, Vec<(usize, usize)>>,
    score: &mut BTreeMap<usize, u32>,
) {
    for m in &actors.entities[e].mentions {
        let Some(list) = seats.get(&m.para) else {
            continue;
        };
        for &(_, c) in list.iter().filter(|&&(start, _)| start < m.start) {
            *score.entry(c).or_default() += 2;
        }
    }
}

/// Countries that act in the official's own words (a demonym with a
/// government noun, a country not used as a place): a point each.
fn countries_in_words(
    paras: &[Para],
    actors: &ActorSet,
    quoted: &[usize],
    quotes: &[Reported],
    score: &mut BTreeMap<usize, u32>,
) {
    for q in quoted.iter().map(|&q| &quotes[q]) {
        let p = &paras[q.para];
        for (start, c) in actors.within(q.para, q.tokens.start, q.tokens.end) {
            if actors.entities[c].kind != ActorKind::Country {
                continue;
            }
            // "in Mali", "in the Central African Republic"
            let mut k = start;
            while k > q.tokens.start && p.lower(k - 1) == "the" {
                k -= 1;
            }
            let place = k > 0 && PLACE_WORDS.contains(&p.lower(k - 1));
            if !place {
                *score.entry(c).or_default() += 1;
            }
        }
    }
}

/// The affiliation of the official quoted in the paragraph before this
/// official's first quote (`first`, an index in `quotes`): a point.
fn colleague_before(
    actors: &ActorSet,
    e: usize,
    first: Option<usize>,
    quotes: &[Reported],
    score: &mut BTreeMap<usize, u32>,
) {
    let Some(first) = first else {
        return;
    };
    let para = quotes[first].para;
    let colleague = quotes[..first]
        .iter()
        .rev()
        .take_while(|q| q.para + 1 >= para)
        .filter_map(|q| q.speaker)
        .find(|&s| s != e && actors.entities[s].official);
    if let Some(c) = colleague.and_then(|s| actors.entities[s].affiliation)
        && actors.entities[c].kind == ActorKind::Country
    {
        *score.entry(c).or_default() += 1;
    }
}

#[cfg(test)]
mod tests {
    use crate::model::Article;

    fn article(body: &str) -> Article {
        crate::analyse_text("t.txt", &format!("Headline\n\n{body}"))
    }

    fn affiliation<'a>(a: &'a Article, name: &str) -> Option<&'a str> {
        let x = a.actors.iter().find(|x| x.name == name)?;
        a.actor(x.affiliation.as_deref()?).map(|x| x.name.as_str())
    }

    #[test]
    fn a_capital_named_before_the_speaker() {
        let a = article(
            "The plan is not to the liking of Madrid. This is what Mr. Jorge Ortega said at the hearing: “We will not sign this.”",
        );
        assert_eq!(affiliation(&a, "Jorge Ortega"), Some("Spain"));
    }

    #[test]
    fn a_role_at_a_body_after_the_name() {
        let a = article("“Prices will rise,” said Nora Lind, chief economist at Fjord Bank.");
        assert_eq!(affiliation(&a, "Nora Lind"), Some("Fjord Bank"));
        let x = a.actors.iter().find(|x| x.name == "Nora Lind");
        assert_eq!(x.and_then(|x| x.title.as_deref()), Some("chief economist"));
    }

    #[test]
    fn a_role_with_its_field_before_the_body() {
        let a = article(
            "Omar Haddad, a professor of political science at Lakeside University, said the vote was close.",
        );
        assert_eq!(affiliation(&a, "Omar Haddad"), Some("Lakeside University"));
    }

    #[test]
    fn a_body_named_before_the_role() {
        let a = article(
            "Fjord Bank cut its rates on Monday. Fjord Bank economist Lea Brandt said more cuts would follow. Ms. Brandt visited two of them.",
        );
        assert_eq!(affiliation(&a, "Lea Brandt"), Some("Fjord Bank"));
    }

    #[test]
    fn a_body_with_its_role_before_the_name_between_commas() {
        let a = article(
            "Norway's foreign ministry spokeswoman, Siri Holm, said the talks would resume.",
        );
        assert_eq!(affiliation(&a, "Siri Holm"), Some("Norway"));
        let a = article("Norway's Fisheries Minister, Siri Holm, said the quota was fair.");
        assert_eq!(affiliation(&a, "Siri Holm"), Some("Norway"));
        let x = a.actors.iter().find(|x| x.name == "Siri Holm");
        assert_eq!(
            x.and_then(|x| x.title.as_deref()),
            Some("Fisheries Minister")
        );
    }

    #[test]
    fn a_role_without_a_body_gives_none() {
        let a = article("“It is too early,” said Nora Lind, an economist, on Tuesday.");
        assert_eq!(affiliation(&a, "Nora Lind"), None);
    }

    #[test]
    fn an_official_in_a_story_filed_from_a_capital() {
        let text = "Headline\n\nOSLO, May 2 (Reuters) - Norway will raise its defence budget, Prime Minister Erik Dahl said on Friday.\n\n“We have no choice,” Dahl told reporters.";
        let a = crate::analyse_text("t.txt", text);
        assert_eq!(a.dateline.as_deref(), Some("OSLO"));
        assert_eq!(affiliation(&a, "Erik Dahl"), Some("Norway"));
        // the same words with no dateline are one point of evidence only
        let a = article(
            "Norway will raise its defence budget, Prime Minister Erik Dahl said on Friday.\n\n“We have no choice,” Dahl told reporters.",
        );
        assert_eq!(affiliation(&a, "Erik Dahl"), None);
    }

    #[test]
    fn a_head_of_government_in_a_story_filed_from_the_capital() {
        let text = "Headline\n\nOSLO, May 2 - Erik Dahl, the prime minister, met the unions.\n\nNorway would not bend, he said.";
        let a = crate::analyse_text("t.txt", text);
        assert_eq!(affiliation(&a, "Erik Dahl"), Some("Norway"));
        // an organisation's president is not the country's
        let text = "Headline\n\nOSLO, May 2 - The Fjord Fund said its president, Erik Dahl, would step down.\n\nNorway would not bend, he said.";
        let a = crate::analyse_text("t.txt", text);
        assert_ne!(affiliation(&a, "Erik Dahl"), Some("Norway"));
    }

    #[test]
    fn an_official_without_evidence_stays_unaffiliated() {
        let a = article("The Minister of Transport, Lena Vogt, said the trains would run on time.");
        assert_eq!(affiliation(&a, "Lena Vogt"), None);
    }
}
