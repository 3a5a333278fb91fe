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
use super::quotes::Reported;
use super::sentences::Para;
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

/// Give unaffiliated officials the country their context speaks for.
pub fn from_context(paras: &[Para], actors: &mut ActorSet, quotes: &[Reported]) {
    // each entity's quotes, and each paragraph's seats of government, found
    // once: a scan of all of them per official was quadratic in long texts
    let mut quoted: Vec<Vec<usize>> = vec![Vec::new(); actors.entities.len()];
    for (q, quote) in quotes.iter().enumerate() {
        if let Some(list) = quote.speaker.and_then(|s| quoted.get_mut(s)) {
            list.push(q);
        }
    }
    let seats = seats_by_paragraph(actors);
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
    fn an_official_without_evidence_stays_unaffiliated() {
        let a = article("The Minister of Transport, Lena Vogt, said the trains would run on time.");
        assert_eq!(affiliation(&a, "Lena Vogt"), None);
    }
}
