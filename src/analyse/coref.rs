//! Who a speaker phrase is: a name, a pronoun ("he", "she", "they") or a
//! description ("the minister", "an AFP source") resolved to an actor. A
//! pronoun goes to the most recent compatible actor (gender from
//! honorifics and from earlier pronouns; a source that just spoke counts);
//! a description to the most recent person whose title has its head word,
//! or to the organisation it names.

use super::actors::{ActorSet, Mention};
use super::gazetteer::Place;
use super::lexicon::{self, Gender};
use super::sentences::{Kind, Para};
use crate::model::ActorKind;

/// How far back (in paragraphs) a pronoun or description looks.
const WINDOW: usize = 4;

/// Earlier speakers, so that "she said" can refer to "an AFP source" just
/// named as a source.
#[derive(Debug, Default)]
pub struct Speakers {
    /// (paragraph position, token, entity), in text order.
    said: Vec<(usize, usize, usize)>,
}

impl Speakers {
    pub fn record(&mut self, para: usize, tok: usize, entity: usize) {
        self.said.push((para, tok, entity));
    }

    /// Earlier speakers, most recent first, before the position.
    fn before(&self, para: usize, tok: usize) -> impl Iterator<Item = (usize, usize, usize)> + '_ {
        self.said
            .iter()
            .rev()
            .filter(move |&&(p, t, _)| (p, t) < (para, tok))
            .copied()
    }
}

/// A speaker phrase: tokens `start..end` of paragraph `para`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Phrase {
    pub para: usize,
    pub start: usize,
    pub end: usize,
}

/// The actor a speaker phrase names, creating a person for a name no rule
/// caught.
pub fn resolve(
    paras: &[Para],
    actors: &mut ActorSet,
    speakers: &Speakers,
    quoted: &dyn Fn(usize, usize) -> bool,
    np: Phrase,
) -> Option<usize> {
    let p = &paras[np.para];
    if np.start >= np.end {
        return None;
    }
    // the part before "of"/"for" holds the head: "Mr. Morgan of the club"
    let head_end = (np.start..np.end)
        .find(|&k| k > np.start && matches!(p.lower(k), "of" | "for" | "at" | "with"))
        .unwrap_or(np.end);
    let inside = actors.within(np.para, np.start, head_end);
    let people: Vec<usize> = inside
        .iter()
        .map(|&(_, e)| e)
        .filter(|&e| actors.entities[e].kind == ActorKind::Person)
        .collect();
    if let Some(&e) = people.last() {
        return Some(e);
    }
    if let Some(&(_, e)) = inside.last() {
        return Some(e);
    }
    // the end of a longer name ("Planning" of "the Institute for Coastal
    // Studies and Planning")
    if let Some(e) = actors.at(np.para, np.start) {
        return Some(e);
    }
    if np.end - np.start == 1
        && let Some(g) = lexicon::pronoun_gender(p.lower(np.start))
    {
        return pronoun(paras, actors, speakers, quoted, np, g);
    }
    if p.has(np.start, lexicon::DETERMINER) {
        return description(paras, actors, np, head_end);
    }
    name_without_actor(paras, actors, np)
}

/// A capitalised speaker the runs did not catch ("Peabody said"): an actor
/// of its own, or the person whose surname it is.
fn name_without_actor(paras: &[Para], actors: &mut ActorSet, np: Phrase) -> Option<usize> {
    let p = &paras[np.para];
    let all_caps = (np.start..np.end).all(|k| p.capitalised(k) || p.has(k, lexicon::NAME_PARTICLE));
    let np = if all_caps && np.end - np.start > 4 {
        name_after_description(p, np)?
    } else {
        np
    };
    if all_caps && after_a_name(p, np) {
        return person_before(paras, actors, np);
    }
    let common = lexicon::is(
        p.lower(np.start),
        lexicon::COMMON | lexicon::DETERMINER | lexicon::CALENDAR | lexicon::NOT_ACTOR,
    );
    // "Police said": a word for an institution, alone, is no one's name
    let institution = np.end - np.start == 1
        && p.has(
            np.start,
            lexicon::ORG_HEAD | lexicon::GOVERNMENT | lexicon::GROUP_HEAD | lexicon::SOURCE,
        );
    if !all_caps || common || institution || np.end - np.start > 4 || word_not_name(p, np) {
        return None;
    }
    let name = p.slice(np.start, np.end);
    let m = Mention {
        para: np.para,
        start: np.start,
        end: np.end,
        form: super::actors::Form::Name,
    };
    if let Some(i) = actors.entities.iter().position(|e| {
        e.name == name
            || e.aliases.iter().any(|a| a == name)
            || (e.kind == ActorKind::Person && e.name.ends_with(&format!(" {name}")))
    }) {
        actors.add_mention(i, m);
        return Some(i);
    }
    // a place, a party's word, a demonym the gazetteer knows: no person
    if super::gazetteer::get().lookup(name).is_some() {
        return None;
    }
    Some(actors.add_person(name, m))
}

/// Whether a speaker phrase only follows a name between commas: a
/// party-and-state tag ("Ann Ko, D-Ohio, said"), a town's state ("Ann
/// Ko, of Dayton, Ohio, said") or a state's party member ("Ann Ko, Ohio
/// Democrat, said").
fn after_a_name(p: &Para, np: Phrase) -> bool {
    if np.start == 0 || !(p.is(np.start - 1, ',') || p.is(np.start - 1, '(')) {
        return false;
    }
    let g = super::gazetteer::get();
    let state = |s: &str| g.lookup(s).is_some_and(|e| e.place == Place::State);
    let phrase = p.slice(np.start, np.end);
    let member = np.end - np.start >= 2
        && g.lookup(p.word(np.end - 1))
            .is_some_and(|e| e.place == Place::PartyWord)
        && state(p.slice(np.start, np.end - 1));
    (np.end - np.start == 1 && g.party_state_tag(phrase)) || state(phrase) || member
}

/// The last person named before the phrase in its sentence ("Ann Ko" for
/// "D-Ohio" in "Ann Ko, D-Ohio, said").
fn person_before(paras: &[Para], actors: &ActorSet, np: Phrase) -> Option<usize> {
    let p = &paras[np.para];
    let s = p.sentence_of(np.start)?;
    let from = p.sentences[s].tokens.start;
    actors
        .within(np.para, from, np.start)
        .into_iter()
        .rev()
        .map(|(_, e)| e)
        .find(|&e| actors.entities[e].kind == ActorKind::Person)
}

/// A single capitalised word that speaks but is no name (see
/// [`super::actors::word_not_name`]), a word after "the" ("the Times
/// wrote") or a place ("a museum in Dayton maintains").
fn word_not_name(p: &Para, np: Phrase) -> bool {
    np.end - np.start == 1
        && (super::actors::word_not_name(p, np.start)
            || np.start > 0 && p.lower(np.start - 1) == "the"
            || super::actors::after_place_preposition(p, np.start))
}

/// "Harbour Board Democrat Ann Ko": in a long capitalised phrase, the
/// name after the last word that describes (a role, a party's member, a
/// country's or an organisation's name) is the person's.
fn name_after_description(p: &Para, np: Phrase) -> Option<Phrase> {
    let gaz = super::gazetteer::get();
    let describes = |k: usize| {
        p.has(k, lexicon::ROLE | lexicon::ORG_HEAD)
            || gaz.title(p.lower(k)).is_some()
            || gaz.lookup(p.word(k)).is_some()
    };
    let last = (np.start..np.end).rev().find(|&k| describes(k))?;
    let name = last + 1..np.end;
    (2..=3).contains(&name.len()).then_some(Phrase {
        start: name.start,
        ..np
    })
}

/// The most recent actor a pronoun can stand for.
fn pronoun(
    paras: &[Para],
    actors: &mut ActorSet,
    speakers: &Speakers,
    quoted: &dyn Fn(usize, usize) -> bool,
    np: Phrase,
    gender: Gender,
) -> Option<usize> {
    let fits = |e: usize| {
        let x = &actors.entities[e];
        match gender {
            Gender::Male | Gender::Female => {
                x.kind == ActorKind::Person && x.gender.is_none_or(|g| g == gender)
            }
            Gender::Plural => x.kind != ActorKind::Person,
            Gender::Neuter => !matches!(x.kind, ActorKind::Person | ActorKind::Other),
        }
    };
    let first_para = np.para.saturating_sub(WINDOW);
    let mentions = actors.mentions_in_order();
    let k = mentions.partition_point(|&(p, t, _)| (p, t) < (np.para, np.start));
    let by_mention = mentions[..k]
        .iter()
        .rev()
        .take_while(|&&(p, _, _)| p >= first_para)
        .find(|&&(p, t, e)| fits(e) && !quoted(p, t) && !is_qualifier(paras, actors, p, t, e))
        .copied();
    // a source that spoke counts whatever it is ("an AFP source ... she said")
    let by_speaker = speakers
        .before(np.para, np.start)
        .take_while(|&(p, _, _)| p >= first_para)
        .find(|&(_, _, e)| {
            let x = &actors.entities[e];
            match gender {
                Gender::Male | Gender::Female => x.gender.is_none_or(|g| g == gender),
                _ => true,
            }
        });
    let best = match (by_mention, by_speaker) {
        (Some(m), Some(s)) => Some(if (s.0, s.1) > (m.0, m.1) { s.2 } else { m.2 }),
        (m, s) => m.or(s).map(|x| x.2),
    }?;
    if matches!(gender, Gender::Male | Gender::Female)
        && actors.entities[best].kind == ActorKind::Person
        && actors.entities[best].gender.is_none()
    {
        actors.entities[best].gender = Some(gender);
    }
    Some(best)
}

/// Whether a mention is only a qualifier of another name ("the French
/// President" names France only as the president's country).
fn is_qualifier(paras: &[Para], actors: &ActorSet, p: usize, t: usize, e: usize) -> bool {
    let _ = paras;
    actors.entities[e].kind == ActorKind::Country && actors.at(p, t + 1).is_some_and(|o| o != e)
}

/// "the minister": the most recent person whose title has the head word;
/// "the Ohio Democrat": a member of that party (see [`party_member`]);
/// "an AFP source" names its organisation and was handled by the caller.
fn description(paras: &[Para], actors: &ActorSet, np: Phrase, head_end: usize) -> Option<usize> {
    let p = &paras[np.para];
    let head = (np.start..head_end)
        .rev()
        .find(|&k| p.tokens[k].kind == Kind::Word)
        .map(|k| p.lower(k))?;
    let definite = matches!(p.lower(np.start), "the" | "this" | "that");
    if !definite {
        return None;
    }
    if let Some(party) = party_of_word(p, head_end).filter(|_| !lexicon::is(head, lexicon::ROLE)) {
        return party_member(paras, actors, np, party);
    }
    if !lexicon::is(head, lexicon::ROLE) {
        return None;
    }
    recent_mentions(actors, np)
        .find(|&(_, _, e)| {
            let x = &actors.entities[e];
            x.kind == ActorKind::Person
                && x.title
                    .as_deref()
                    .is_some_and(|t| t.to_ascii_lowercase().split(' ').any(|w| w == head))
        })
        .map(|(_, _, e)| e)
}

/// Mentions before a phrase, most recent first, within the window.
fn recent_mentions(
    actors: &ActorSet,
    np: Phrase,
) -> impl Iterator<Item = (usize, usize, usize)> + '_ {
    let mentions = actors.mentions_in_order();
    let k = mentions.partition_point(|&(pp, t, _)| (pp, t) < (np.para, np.start));
    let first_para = np.para.saturating_sub(WINDOW);
    mentions[..k]
        .iter()
        .rev()
        .take_while(move |&&(pp, _, _)| pp >= first_para)
        .copied()
}

/// "the Ohio Democrat": a person known to be of that party, else the
/// person most recently the subject of a sentence, else the person most
/// recently named; never one known to be of another party.
fn party_member(paras: &[Para], actors: &ActorSet, np: Phrase, party: &str) -> Option<usize> {
    let gaz = super::gazetteer::get();
    let party_of_actor = |e: usize| {
        let a = actors.entities[e].affiliation?;
        gaz.lookup(&actors.entities[a].name)
            .filter(|x| x.place == super::gazetteer::Place::Party)
            .map(|x| x.canonical.as_str())
    };
    let people: Vec<(usize, usize, usize)> = recent_mentions(actors, np)
        .filter(|&(_, _, e)| actors.entities[e].kind == ActorKind::Person)
        .filter(|&(_, _, e)| party_of_actor(e).is_none_or(|other| other == party))
        .collect();
    let member = people
        .iter()
        .find(|&&(_, _, e)| party_of_actor(e) == Some(party));
    let subject = people
        .iter()
        .find(|&&(pp, t, _)| paras[pp].starts_sentence(t));
    member.or(subject).or(people.first()).map(|&(_, _, e)| e)
}

/// The party a description's last word names a member of ("the Ohio
/// Democrat"), as the party's canonical name.
fn party_of_word(p: &Para, end: usize) -> Option<&'static str> {
    let last = end.checked_sub(1)?;
    (p.tokens[last].kind == Kind::Word && p.capitalised(last))
        .then(|| party_of(p.word(last)))
        .flatten()
}

/// The party a word names a member of, any case ("republican").
fn party_of(word: &str) -> Option<&'static str> {
    let mut cased = word.to_string();
    if let Some(first) = cased.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    let e = super::gazetteer::get().lookup(&cased)?;
    (e.place == super::gazetteer::Place::PartyWord).then_some(e.canonical.as_str())
}

#[cfg(test)]
mod tests {
    use crate::model::Article;

    fn article(body: &str) -> Article {
        crate::analyse_text("t.txt", &format!("Headline\n\n{body}"))
    }

    fn speaker_of<'a>(a: &'a Article, words: &str) -> Option<&'a str> {
        let q = a.quotes.iter().find(|q| q.text.contains(words))?;
        let id = q.speaker.as_deref()?;
        a.actor(id).map(|x| x.name.as_str())
    }

    #[test]
    fn a_pronoun_finds_the_person_of_its_gender() {
        let a = article(
            "Ms. Ana Lima met Mr. Tom Reed. “The harbour will stay open all winter,” she said.",
        );
        assert_eq!(speaker_of(&a, "harbour will stay open"), Some("Ana Lima"));
    }

    #[test]
    fn a_description_finds_the_person_with_that_title() {
        let a = article(
            "Defence Minister Lena Vogt arrived with Jonas Falk. The minister said the troops would stay.",
        );
        assert_eq!(speaker_of(&a, "troops would stay"), Some("Lena Vogt"));
    }

    #[test]
    fn a_member_of_a_party_is_the_last_person_named() {
        let a = article(
            "Senator Ana Lima spoke at the rally with Tom Reed. “We will win the county,” the Ohio Democrat said.",
        );
        assert_eq!(speaker_of(&a, "win the county"), Some("Tom Reed"));
        // not someone known to be of another party
        let a = article(
            "Ana Lima met Republican Senator Tom Reed. “We will win the county,” the Ohio Democrat said.",
        );
        assert_eq!(speaker_of(&a, "win the county"), Some("Ana Lima"));
    }

    #[test]
    fn plurals_contractions_numbers_and_headings_are_not_people() {
        for text in [
            "Lawmakers have said the vote would wait.",
            "Polls showed that few Americans thought the tax was fair.",
            "If, as I've said before, the tax is unfair, it goes.",
            "Twenty-seven states said the rule was unlawful.",
            "CORRECTION: The first sentence said the vote was in May.",
            "The rise was small, the Chronicle wrote.",
        ] {
            let a = article(text);
            assert!(
                a.actors
                    .iter()
                    .all(|x| x.kind != crate::model::ActorKind::Person),
                "{text}: {:?}",
                a.actors
            );
        }
        // an outlet
        let a = article("The rise was small, the Chronicle wrote.");
        assert_eq!(a.actors[0].kind, crate::model::ActorKind::Organization);
        // a surname that ends in s still speaks
        let a = article("“The tax stays,” Roberts said.");
        assert_eq!(speaker_of(&a, "tax stays"), Some("Roberts"));
    }

    #[test]
    fn a_tag_or_a_state_after_a_name_is_that_persons() {
        // the quotation layer may take the tag or the state as the speaker
        let a = article("“The bill is dead,” Sen. Ana Ruiz, D-Neb., said on Monday.");
        assert_eq!(speaker_of(&a, "bill is dead"), Some("Ana Ruiz"));
        let a = article("“The bill is dead,” Sen. Ana Ruiz, Nebraska Democrat, said on Monday.");
        assert_eq!(speaker_of(&a, "bill is dead"), Some("Ana Ruiz"));
        let a = article("Tom Reed, 40, of Dayton, Ohio, said the clinic was full.");
        assert!(
            a.actors
                .iter()
                .all(|x| x.name != "Ohio" && x.name != "Dayton"),
            "{:?}",
            a.actors
        );
    }

    #[test]
    fn police_alone_is_no_person() {
        let a = article("Police said the road would reopen on Friday.");
        assert!(
            a.actors
                .iter()
                .all(|x| x.kind != crate::model::ActorKind::Person),
            "{:?}",
            a.actors
        );
    }

    #[test]
    fn a_source_of_an_agency_is_the_agency() {
        let a = article("According to an AFP source, the convoy left at dawn.");
        assert_eq!(speaker_of(&a, "convoy left"), Some("Agence France-Presse"));
    }

    #[test]
    fn a_pronoun_after_a_source_that_spoke() {
        let a = article(
            "Ms. Ana Lima left early. According to a Reuters source, the deal is done. “Nobody will sign before Friday,” she said.",
        );
        assert_eq!(speaker_of(&a, "Nobody will sign"), Some("Reuters"));
    }
}
