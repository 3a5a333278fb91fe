//! Whole-article tests of the analysis: actors (kinds, affiliations) and
//! quotes (kinds, speakers) on the sample articles, with expectations
//! written by hand; the export is deterministic; and no text makes the
//! analysis panic or point outside its paragraphs.

use std::path::Path;

use dossier::model::{ActorKind, Article, QuoteKind};
use proptest::prelude::*;

fn load(path: &str) -> Article {
    dossier::load(Path::new(path)).expect("sample article loads")
}

/// The actor whose name or alias is `name`.
fn actor<'a>(a: &'a Article, name: &str) -> &'a dossier::model::Actor {
    a.actors
        .iter()
        .find(|x| x.name == name || x.aliases.iter().any(|n| n == name))
        .unwrap_or_else(|| panic!("no actor {name:?} in {:?}", names(a)))
}

fn names(a: &Article) -> Vec<&str> {
    a.actors.iter().map(|x| x.name.as_str()).collect()
}

/// The quote whose text contains `words`.
fn quote<'a>(a: &'a Article, words: &str) -> &'a dossier::model::Quote {
    a.quotes
        .iter()
        .find(|q| q.text.contains(words))
        .unwrap_or_else(|| panic!("no quote with {words:?}"))
}

/// The quote of this kind whose text contains `words`.
fn quote_kind<'a>(a: &'a Article, words: &str, kind: QuoteKind) -> &'a dossier::model::Quote {
    a.quotes
        .iter()
        .find(|q| q.kind == kind && q.text.contains(words))
        .unwrap_or_else(|| panic!("no {kind:?} quote with {words:?}"))
}

fn speaker_name<'a>(a: &'a Article, q: &dossier::model::Quote) -> Option<&'a str> {
    q.speaker
        .as_deref()
        .and_then(|id| a.actor(id))
        .map(|x| x.name.as_str())
}

fn affiliation_name<'a>(a: &'a Article, name: &str) -> Option<&'a str> {
    actor(a, name)
        .affiliation
        .as_deref()
        .and_then(|id| a.actor(id))
        .map(|x| x.name.as_str())
}

#[test]
fn port_strike_people_and_their_words() {
    let a = load("articles/port-strike-rotterdam.txt");
    assert_eq!(actor(&a, "FNV").kind, ActorKind::Organization);
    let de_vries = actor(&a, "Marloes de Vries");
    assert_eq!(de_vries.kind, ActorKind::Person);
    assert!(de_vries.aliases.iter().any(|x| x == "Ms. de Vries"));
    assert_eq!(actor(&a, "Mr. Jansen").name, "Pieter Jansen");
    // "Dutch Economy Minister Sophie Hermans": title and country
    let hermans = actor(&a, "Sophie Hermans");
    assert_eq!(hermans.title.as_deref(), Some("Economy Minister"));
    assert_eq!(affiliation_name(&a, "Sophie Hermans"), Some("Netherlands"));

    let patient = quote(&a, "We have been patient");
    assert_eq!(patient.kind, QuoteKind::Direct);
    assert_eq!(speaker_name(&a, patient), Some("Marloes de Vries"));
    // "… she added": the pronoun goes back to Ms. de Vries
    let cranes = quote(&a, "If they want the cranes");
    assert_eq!(cranes.speaker_text.as_deref(), Some("she"));
    assert_eq!(speaker_name(&a, cranes), Some("Marloes de Vries"));
    let machine = quote(&a, "Nobody is being replaced");
    assert_eq!(speaker_name(&a, machine), Some("Pieter Jansen"));
    // reported speech: "told reporters that …"
    let offer = quote(&a, "the offer on the table");
    assert_eq!(offer.kind, QuoteKind::Indirect);
    assert_eq!(speaker_name(&a, offer), Some("Pieter Jansen"));
    // a quoted fragment inside reported speech is partial
    let harbour = quote_kind(&a, "every business that depends", QuoteKind::Partial);
    assert_eq!(speaker_name(&a, harbour), Some("Sophie Hermans"));
    // site furniture is not an actor
    for junk in ["Facebook", "Twitter", "LinkedIn", "Share"] {
        assert!(
            a.actors.iter().all(|x| x.name != junk),
            "{junk} is an actor"
        );
    }
}

#[test]
fn river_dam_countries_capitals_and_titles() {
    let a = load("articles/river-dam-talks.md");
    for country in ["Egypt", "Sudan", "Ethiopia"] {
        assert_eq!(actor(&a, country).kind, ActorKind::Country);
    }
    // capitals that act are their governments
    assert_eq!(actor(&a, "Cairo").name, "Egypt");
    assert_eq!(actor(&a, "Addis Ababa").name, "Ethiopia");
    // an acronym defined in the text joins its expansion
    assert_eq!(actor(&a, "AU").name, "African Union");
    assert_eq!(actor(&a, "AU").kind, ActorKind::Organization);
    // demonym titles and a possessive title
    assert_eq!(affiliation_name(&a, "Sameh Shoukry"), Some("Egypt"));
    assert_eq!(affiliation_name(&a, "Yasir Abbas"), Some("Sudan"));
    assert_eq!(actor(&a, "Mr. Abbas").name, "Yasir Abbas");

    let water = quote(&a, "Water is a matter of life");
    assert_eq!(water.kind, QuoteKind::Direct);
    assert_eq!(speaker_name(&a, water), Some("Sameh Shoukry"));
    let chance = quote(&a, "a last chance");
    assert_eq!(speaker_name(&a, chance), Some("Felix Tshisekedi"));
    let july = quote(&a, "second filling of the reservoir");
    assert_eq!(july.kind, QuoteKind::Indirect);
    assert_eq!(july.speaker_text.as_deref(), Some("Addis Ababa"));
    assert_eq!(speaker_name(&a, july), Some("Ethiopia"));
    let mediators = quote(&a, "Khartoum wants the United Nations");
    assert_eq!(mediators.cue.as_deref(), Some("according to"));
    assert_eq!(speaker_name(&a, mediators), Some("Yasir Abbas"));
}

#[test]
fn senate_vote_titles_parties_and_the_white_house() {
    let a = load("articles/senate-budget-vote.txt");
    let schumer = actor(&a, "Chuck Schumer");
    assert_eq!(schumer.kind, ActorKind::Person);
    assert_eq!(schumer.title.as_deref(), Some("Majority Leader"));
    assert!(schumer.aliases.iter().any(|x| x == "Mr. Schumer"));
    // "Republican leader Mitch McConnell": a party from the role words
    assert_eq!(
        affiliation_name(&a, "Mitch McConnell"),
        Some("Republican Party")
    );
    assert_eq!(affiliation_name(&a, "Joe Biden"), Some("United States"));
    assert_eq!(actor(&a, "White House").name, "United States");

    let lights = quote(&a, "keeps the lights on");
    assert_eq!(lights.kind, QuoteKind::Direct);
    assert_eq!(speaker_name(&a, lights), Some("Chuck Schumer"));
    // "He added that …": reported speech by the same senator
    let fighting = quote(&a, "Democrats would keep fighting");
    assert_eq!(fighting.kind, QuoteKind::Indirect);
    assert_eq!(speaker_name(&a, fighting), Some("Chuck Schumer"));
    let step = quote_kind(&a, "a responsible step", QuoteKind::Partial);
    assert_eq!(speaker_name(&a, step), Some("Mitch McConnell"));
    let can = quote(&a, "kicked the can");
    assert_eq!(speaker_name(&a, can), Some("Rand Paul"));
    // months and sentence openers are not actors
    for junk in ["Friday", "Not", "The", "Copyright"] {
        assert!(
            a.actors.iter().all(|x| x.name != junk),
            "{junk} is an actor"
        );
    }
}

#[test]
fn ferry_dispute_appositions_and_capitals() {
    let a = load("tests/fixtures/analyse/harbour-ferry-dispute.txt");
    // "The company's chief executive, Tomas Brandt,": a title in apposition
    let brandt = actor(&a, "Tomas Brandt");
    assert_eq!(brandt.title.as_deref(), Some("chief executive"));
    assert!(brandt.aliases.iter().any(|x| x == "Mr. Brandt"));
    // "Canada's Transport Minister": one Canada, which Ottawa speaks for
    assert_eq!(affiliation_name(&a, "Lucie Marchand"), Some("Canada"));
    assert_eq!(a.actors.iter().filter(|x| x.name == "Canada").count(), 1);
    assert_eq!(actor(&a, "Ottawa").name, "Canada");
    // an honorific with a full name
    assert_eq!(actor(&a, "Dr. Ines Okafor").kind, ActorKind::Person);

    let boat = quote(&a, "asking for a boat");
    assert_eq!(speaker_name(&a, boat), Some("Ines Okafor"));
    // “A,” said X. “B.”: one quotation
    assert!(boat.text.contains("Our children cannot get to school"));
    let sustainable = quote_kind(&a, "no longer sustainable", QuoteKind::Partial);
    assert_eq!(speaker_name(&a, sustainable), Some("Tomas Brandt"));
    let march = quote(&a, "review the schedule in March");
    assert_eq!(march.speaker_text.as_deref(), Some("He"));
    assert_eq!(speaker_name(&a, march), Some("Tomas Brandt"));
    let crossing = quote(&a, "Ottawa is ready");
    assert_eq!(speaker_name(&a, crossing), Some("Lucie Marchand"));
    let hostage = quote(&a, "Nobody is holding anyone hostage");
    assert_eq!(hostage.kind, QuoteKind::Direct);
    assert_eq!(speaker_name(&a, hostage), Some("Tomas Brandt"));
}

#[test]
fn exporting_twice_gives_the_same_bytes() {
    for path in [
        "articles/mali-russian-mercenaries.txt",
        "articles/river-dam-talks.md",
        "tests/fixtures/analyse/harbour-ferry-dispute.txt",
    ] {
        let once = serde_json::to_string(&load(path)).expect("serialises");
        let twice = serde_json::to_string(&load(path)).expect("serialises");
        assert_eq!(once, twice, "{path}");
    }
}

/// Every span and quote offset lies inside its paragraph, start <= end.
fn offsets_inside(a: &Article) -> Result<(), String> {
    let len = |p: usize| a.paragraphs.get(p).map(|x| x.text.chars().count());
    for x in &a.actors {
        for m in &x.mentions {
            let n = len(m.paragraph).ok_or(format!("mention in paragraph {}", m.paragraph))?;
            if m.start > m.end || m.end > n {
                return Err(format!("mention {m:?} of {} outside {n}", x.id));
            }
        }
    }
    for q in &a.quotes {
        let n = len(q.paragraph).ok_or(format!("quote in paragraph {}", q.paragraph))?;
        let end_n = len(q.end_paragraph.unwrap_or(q.paragraph)).ok_or("end paragraph")?;
        let same = q.end_paragraph.is_none_or(|e| e == q.paragraph);
        if q.start > n || q.end > end_n || (same && q.start > q.end) {
            return Err(format!(
                "quote {} at {}..{} outside {n}",
                q.id, q.start, q.end
            ));
        }
        if let Some(s) = &q.speaker
            && a.actor(s).is_none()
        {
            return Err(format!("quote {} speaks for unknown {s}", q.id));
        }
    }
    Ok(())
}

#[test]
fn sample_articles_keep_offsets_inside_paragraphs() {
    for path in [
        "articles/mali-russian-mercenaries.txt",
        "articles/port-strike-rotterdam.txt",
        "articles/river-dam-talks.md",
        "articles/senate-budget-vote.txt",
        "tests/fixtures/analyse/harbour-ferry-dispute.txt",
    ] {
        offsets_inside(&load(path)).unwrap_or_else(|e| panic!("{path}: {e}"));
    }
}

/// Text made of the pieces news is made of: names, titles, marks of every
/// style, reporting verbs, punctuation, odd spacing.
fn newsy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Mr. ".to_string()),
        Just("Foreign Minister ".to_string()),
        Just("Ana Ruiz".to_string()),
        Just(" said".to_string()),
        Just(" told reporters that ".to_string()),
        Just("According to ".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("\"".to_string()),
        Just("‘".to_string()),
        Just("’".to_string()),
        Just("«".to_string()),
        Just("»".to_string()),
        Just(", ".to_string()),
        Just(". ".to_string()),
        Just(": ".to_string()),
        Just("(EU)".to_string()),
        Just(" he ".to_string()),
        Just("\n\n".to_string()),
        Just("U.S. ".to_string()),
        Just("Paris ".to_string()),
        "[a-zA-Z ]{0,12}",
        any::<String>(),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn analysis_never_panics_and_stays_inside(text in newsy()) {
        let a = dossier::analyse_text("prop.txt", &text);
        prop_assert!(offsets_inside(&a).is_ok(), "{:?}", offsets_inside(&a));
    }
}
