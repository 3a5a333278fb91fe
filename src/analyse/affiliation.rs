//! Whom an official speaks for when the title does not say: the country
//! whose seat of government is named in the paragraph just before the
//! official speaks ("… is not to the liking of Paris. This is what the
//! minister said"), the countries that act in the official's own words
//! ("our troops", "French forces"), and the affiliation of the official
//! who spoke in the paragraph before. An official with no evidence stays
//! unaffiliated rather than guessed; so does a speaker without a title
//! whose context names no government.

use std::collections::BTreeMap;

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
    for e in 0..actors.entities.len() {
        let x = &actors.entities[e];
        let speaks = quotes.iter().any(|q| q.speaker == Some(e));
        if x.kind != ActorKind::Person || x.affiliation.is_some() || !(x.official || speaks) {
            continue;
        }
        let official = x.official;
        let mut score: BTreeMap<usize, u32> = BTreeMap::new();
        metonyms_before(paras, actors, e, &mut score);
        countries_in_words(paras, actors, e, quotes, &mut score);
        if official {
            colleague_before(actors, e, quotes, &mut score);
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

/// A seat of government named before the official in the same paragraph:
/// two points.
fn metonyms_before(paras: &[Para], actors: &ActorSet, e: usize, score: &mut BTreeMap<usize, u32>) {
    let _ = paras;
    for m in &actors.entities[e].mentions {
        for (c, x) in actors.entities.iter().enumerate() {
            if x.kind != ActorKind::Country {
                continue;
            }
            let before = x
                .mentions
                .iter()
                .any(|n| n.para == m.para && n.start < m.start && n.form == Form::Metonym);
            if before {
                *score.entry(c).or_default() += 2;
            }
        }
    }
}

/// Countries that act in the official's own words (a demonym with a
/// government noun, a country not used as a place): a point each.
fn countries_in_words(
    paras: &[Para],
    actors: &ActorSet,
    e: usize,
    quotes: &[Reported],
    score: &mut BTreeMap<usize, u32>,
) {
    for q in quotes.iter().filter(|q| q.speaker == Some(e)) {
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
/// official's first quote: a point.
fn colleague_before(
    actors: &ActorSet,
    e: usize,
    quotes: &[Reported],
    score: &mut BTreeMap<usize, u32>,
) {
    let Some(first) = quotes.iter().position(|q| q.speaker == Some(e)) else {
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
