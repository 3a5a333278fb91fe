//! The bundled gazetteer: countries with their other names, capitals and
//! demonyms, international organisations and their abbreviations, news
//! media, places that stand for a government ("the Kremlin"), the US
//! states, titles, honorifics and given names. The tables live in `data/`
//! (sources and licences in `data/LICENSES.md`), are compiled in with
//! `include_str!` and parsed once, on first use.

use std::sync::LazyLock;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::lexicon::Gender;

const COUNTRIES: &str = include_str!("../../data/countries.tsv");
const COUNTRY_EXTRA: &str = include_str!("../../data/country_aliases_extra_en.tsv");
const INTL_ORGS: &str = include_str!("../../data/intl_orgs.tsv");
const ORG_CODES: &str = include_str!("../../data/org_codes.tsv");
const METONYMS: &str = include_str!("../../data/gov_metonyms_en.tsv");
const MEDIA: &str = include_str!("../../data/media_orgs_en.tsv");
const ACTORS: &str = include_str!("../../data/actors_en.tsv");
const TITLES: &str = include_str!("../../data/titles_en.tsv");
const HONORIFICS: &str = include_str!("../../data/honorifics_en.tsv");
const FIRST_NAMES: &str = include_str!("../../data/first_names.json");
const GIVEN_NAMES: &str = include_str!("../../data/given_names_en.tsv");
const US_STATES: &str = include_str!("../../data/us_states_en.tsv");

/// What a gazetteer name is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Place {
    /// A country's name ("Mali", "the United States").
    Country,
    /// A country's adjective ("Malian", "French").
    Demonym,
    /// A capital, standing for its government when it acts ("Paris said").
    Capital,
    /// A building or place that stands for a government ("the Kremlin").
    Metonym,
    /// An organisation ("European Union", "NATO").
    Org,
    /// A news agency or outlet ("AFP", "Reuters").
    Media,
    /// An armed group ("Islamic State").
    Group,
    /// A political party ("Democratic Party").
    Party,
    /// A word for a party's members ("Republican").
    PartyWord,
    /// A state of a country ("Texas", "Calif."): a place, or its
    /// government when it acts ("Texas sued"), never a person.
    State,
    /// A capitalised word that is never an actor (a continent).
    NotActor,
}

/// One gazetteer name.
#[derive(Debug, Clone)]
pub struct Entry {
    pub place: Place,
    /// The canonical name of what it names ("United States" for "U.S.").
    pub canonical: String,
    /// The country it belongs to or stands for, as an index of
    /// [`Gazetteer::countries`].
    pub country: Option<usize>,
    /// For an organisation known by an abbreviation: the abbreviation.
    pub abbreviation: Option<String>,
}

/// A country.
#[derive(Debug, Clone)]
pub struct Country {
    pub code: String,
    pub name: String,
}

/// What a title links its holder to when a qualifier names a country or
/// organisation ("Russian Foreign Minister").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Implies {
    Government,
    Organization,
    Party,
    Nothing,
}

/// A title from the titles table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Title {
    pub implies: Implies,
    /// Whether it is a title of government (minister, president, general).
    pub official: bool,
}

/// All tables, parsed.
#[derive(Debug, Default)]
pub struct Gazetteer {
    pub countries: Vec<Country>,
    names: HashMap<String, Entry>,
    titles: HashMap<String, Title>,
    /// The most words a title has.
    pub title_words: usize,
    honorifics: HashMap<String, Option<Gender>>,
    first_names: HashSet<String>,
    given_gender: HashMap<String, Gender>,
    /// Postal codes of the states ("TX"), for party tags ("R-TX").
    state_codes: HashSet<String>,
}

static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(Gazetteer::load);

/// The gazetteer, parsed on first use.
pub fn get() -> &'static Gazetteer {
    &GAZETTEER
}

/// Data rows of a tab-separated table: comment lines (#) and blank lines
/// skipped, fields split on tabs.
fn rows(table: &str) -> impl Iterator<Item = Vec<&str>> {
    table
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split('\t').map(str::trim).collect())
}

fn list<'a>(field: Option<&&'a str>) -> impl Iterator<Item = &'a str> {
    field
        .copied()
        .unwrap_or("")
        .split('|')
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// Apostrophes folded to one form, so "People’s Daily" finds "People's".
fn key(name: &str) -> String {
    name.replace('’', "'")
}

impl Gazetteer {
    fn load() -> Gazetteer {
        let mut g = Gazetteer::default();
        g.load_countries();
        g.load_orgs();
        g.load_states();
        g.load_titles();
        for r in rows(HONORIFICS) {
            let gender = match r.get(1).copied() {
                Some("m") => Some(Gender::Male),
                Some("f") => Some(Gender::Female),
                _ => None,
            };
            g.honorifics.insert(r[0].to_string(), gender);
        }
        for r in rows(GIVEN_NAMES) {
            let gender = if r.get(1) == Some(&"f") {
                Gender::Female
            } else {
                Gender::Male
            };
            g.given_gender.insert(r[0].to_string(), gender);
        }
        if let Ok(v) = serde_json::from_str::<serde_json::Value>(FIRST_NAMES)
            && let Some(names) = v.get("firstNames").and_then(|n| n.as_array())
        {
            g.first_names = names
                .iter()
                .filter_map(|n| n.as_str().map(str::to_string))
                .collect();
        }
        g
    }

    fn add(&mut self, surface: &str, entry: Entry) {
        // the first table to name a surface wins
        self.names.entry(key(surface)).or_insert(entry);
    }

    fn load_countries(&mut self) {
        let mut by_code = HashMap::default();
        for r in rows(COUNTRIES) {
            let index = self.countries.len();
            by_code.insert(r[0].to_string(), index);
            self.countries.push(Country {
                code: r[0].to_string(),
                name: r[1].to_string(),
            });
        }
        for r in rows(COUNTRIES) {
            let index = by_code[r[0]];
            let name = r[1].to_string();
            let entry = |place| Entry {
                place,
                canonical: name.clone(),
                country: Some(index),
                abbreviation: None,
            };
            self.add(r[1], entry(Place::Country));
            for alt in list(r.get(2)) {
                self.add(alt, entry(Place::Country));
            }
            for capital in list(r.get(3)) {
                self.add(capital, entry(Place::Capital));
            }
            for demonym in list(r.get(4)) {
                self.add(demonym, entry(Place::Demonym));
            }
        }
        for r in rows(COUNTRY_EXTRA) {
            let Some(&index) = by_code.get(r[1]) else {
                continue;
            };
            let place = if r.get(2) == Some(&"adj") {
                Place::Demonym
            } else {
                Place::Country
            };
            let canonical = self.countries[index].name.clone();
            self.add(
                r[0],
                Entry {
                    place,
                    canonical,
                    country: Some(index),
                    abbreviation: None,
                },
            );
        }
        for r in rows(METONYMS) {
            let country = by_code.get(r[1]).copied();
            let canonical = match country {
                Some(i) => self.countries[i].name.clone(),
                None => r[1].to_string(),
            };
            let surface = r[0].strip_prefix("the ").unwrap_or(r[0]);
            self.add(
                surface,
                Entry {
                    place: Place::Metonym,
                    canonical,
                    country,
                    abbreviation: None,
                },
            );
        }
    }

    fn country_index(&self, code: &str) -> Option<usize> {
        self.countries.iter().position(|c| c.code == code)
    }

    fn load_orgs(&mut self) {
        for r in rows(ACTORS) {
            let place = match r.get(1).copied() {
                Some("capital") => Place::Capital,
                Some("country") => Place::Country,
                Some("group") => Place::Group,
                Some("party") => Place::Party,
                Some("party-adj") => Place::PartyWord,
                Some("not") => Place::NotActor,
                _ => Place::Org,
            };
            let country = r.get(3).and_then(|c| self.country_index(c));
            let canonical = r.get(2).filter(|c| !c.is_empty()).unwrap_or(&r[0]);
            let entry = Entry {
                place,
                canonical: canonical.to_string(),
                country,
                abbreviation: None,
            };
            self.add(r[0], entry);
        }
        for r in rows(MEDIA) {
            let country = r.get(2).and_then(|c| self.country_index(c));
            let canonical = r.get(1).copied().unwrap_or(r[0]).to_string();
            let abbreviation = (r[0] != canonical).then(|| r[0].to_string());
            self.add(
                r[0],
                Entry {
                    place: Place::Media,
                    canonical,
                    country,
                    abbreviation,
                },
            );
        }
        let mut orgs: Vec<(String, Vec<String>, Vec<String>)> = rows(INTL_ORGS)
            .map(|r| {
                let abbr = list(r.get(1)).map(str::to_string).collect();
                let other = list(r.get(2)).map(str::to_string).collect();
                (r[0].to_string(), abbr, other)
            })
            .collect();
        orgs.extend(rows(ORG_CODES).map(|r| {
            let name = r.get(1).copied().unwrap_or(r[0]).to_string();
            (name, vec![r[0].to_string()], Vec::new())
        }));
        for (name, abbr, other) in orgs {
            let abbreviation = abbr.first().cloned();
            let entry = |name: &str| Entry {
                place: Place::Org,
                canonical: name.to_string(),
                country: None,
                abbreviation: abbreviation.clone(),
            };
            self.add(&name, entry(&name));
            for a in abbr.iter().chain(&other) {
                self.add(a, entry(&name));
            }
        }
    }

    /// The US states by name and newspaper abbreviation; a name another
    /// table has ("Georgia" the country, "Washington" the capital) keeps
    /// its meaning there.
    fn load_states(&mut self) {
        let country = self.country_index("USA");
        for r in rows(US_STATES) {
            let entry = Entry {
                place: Place::State,
                canonical: r[0].to_string(),
                country,
                abbreviation: None,
            };
            self.add(r[0], entry.clone());
            for a in list(r.get(2)) {
                self.add(a, entry.clone());
            }
            if let Some(code) = r.get(1).filter(|c| !c.is_empty()) {
                self.state_codes.insert(code.to_string());
            }
        }
    }

    /// Whether a word is a party-and-state tag written after a
    /// legislator's name ("R-Ky.", "D-Calif.", "I-Vermont", "R-TX").
    pub fn party_state_tag(&self, word: &str) -> bool {
        let Some(state) = ["R-", "D-", "I-"].iter().find_map(|p| word.strip_prefix(p)) else {
            return false;
        };
        self.state_codes.contains(state)
            || self.lookup(state).is_some_and(|e| e.place == Place::State)
    }

    fn load_titles(&mut self) {
        for r in rows(TITLES) {
            let implies = match r.get(2).copied() {
                Some("gov") => Implies::Government,
                Some("org") => Implies::Organization,
                Some("party") => Implies::Party,
                _ => Implies::Nothing,
            };
            let official = !matches!(r.get(1).copied(), Some("generic" | "media" | "judicial"));
            self.title_words = self.title_words.max(r[0].split(' ').count());
            self.titles
                .insert(r[0].to_string(), Title { implies, official });
        }
    }

    /// The entry for a name as written ("U.S.", "the Kremlin").
    pub fn lookup(&self, surface: &str) -> Option<&Entry> {
        let surface = surface
            .strip_prefix("the ")
            .or_else(|| surface.strip_prefix("The "))
            .unwrap_or(surface);
        if !surface.is_ascii() && surface.contains('’') {
            self.names.get(&key(surface))
        } else {
            self.names.get(surface)
        }
    }

    /// The title for a lower-case phrase ("foreign minister").
    pub fn title(&self, lower: &str) -> Option<Title> {
        self.titles.get(lower).copied()
    }

    /// Whether a word is a courtesy title, and the gender it gives.
    pub fn honorific(&self, word: &str) -> Option<Option<Gender>> {
        self.honorifics.get(word).copied()
    }

    /// Whether a word is a known given name.
    pub fn is_first_name(&self, word: &str) -> bool {
        self.first_names.contains(word) || self.given_gender.contains_key(word)
    }

    /// The gender a given name usually marks ("Hillary" -> female).
    pub fn given_name_gender(&self, word: &str) -> Option<Gender> {
        self.given_gender.get(word).copied()
    }

    /// The id a country gets: the slug of its common name.
    pub fn country_name(&self, index: usize) -> &str {
        &self.countries[index].name
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countries_have_names_capitals_and_demonyms() {
        let g = get();
        // "Malian authorities", "talks in Bamako", "the U.S. envoy"
        let mali = g.lookup("Mali").expect("Mali");
        assert_eq!(mali.place, Place::Country);
        let demonym = g.lookup("Malian").expect("Malian");
        assert_eq!(
            (demonym.place, demonym.country),
            (Place::Demonym, mali.country)
        );
        assert_eq!(g.lookup("Bamako").map(|e| e.place), Some(Place::Capital));
        assert_eq!(
            g.lookup("U.S.").map(|e| e.canonical.as_str()),
            Some("United States")
        );
    }

    #[test]
    fn organisations_by_name_and_abbreviation() {
        // "NATO said ..." and "the European Union (EU)"
        let g = get();
        assert_eq!(g.lookup("NATO").map(|e| e.place), Some(Place::Org));
        let eu = g.lookup("EU").expect("EU");
        assert_eq!(eu.canonical, "European Union");
    }

    #[test]
    fn metonyms_stand_for_a_country() {
        // "the Kremlin denied ..."
        let g = get();
        let k = g.lookup("the Kremlin").expect("Kremlin");
        assert_eq!(k.place, Place::Metonym);
        assert_eq!(k.canonical, "Russia");
    }

    #[test]
    fn titles_honorifics_and_given_names() {
        // "Foreign Minister Ana Ruiz", "Ms. Ruiz"
        let g = get();
        assert!(g.title("foreign minister").is_some_and(|t| t.official));
        assert_eq!(g.honorific("Ms."), Some(Some(Gender::Female)));
        assert!(g.is_first_name("Emily"));
        // "Linda Park … he said" cannot be Linda
        assert_eq!(g.given_name_gender("Linda"), Some(Gender::Female));
    }

    #[test]
    fn states_by_name_abbreviation_and_party_tag() {
        // "a teacher from Dayton, Ohio," / "Austin, Tex." / "Sen. Ana Ruiz, R-Tex., said"
        let g = get();
        assert_eq!(g.lookup("Ohio").map(|e| e.place), Some(Place::State));
        assert_eq!(
            g.lookup("Tex.").map(|e| e.canonical.as_str()),
            Some("Texas")
        );
        assert!(g.party_state_tag("R-Tex."));
        assert!(g.party_state_tag("D-NY"));
        assert!(g.party_state_tag("I-Vermont"));
        assert!(!g.party_state_tag("R-Smith"));
        // a country's name stays the country's
        assert_eq!(g.lookup("Georgia").map(|e| e.place), Some(Place::Country));
    }

    #[test]
    fn regions_and_faiths_are_never_actors() {
        // "other Western states", "a Catholic charity"
        let g = get();
        assert_eq!(g.lookup("Western").map(|e| e.place), Some(Place::NotActor));
        assert_eq!(g.lookup("Catholic").map(|e| e.place), Some(Place::NotActor));
    }

    #[test]
    fn media_are_named_in_full() {
        // "an AFP source"
        let afp = get().lookup("AFP").expect("AFP");
        assert_eq!(afp.place, Place::Media);
        assert_eq!(afp.canonical, "Agence France-Presse");
    }
}
