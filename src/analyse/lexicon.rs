//! Closed word classes of English that the analyser reads text with:
//! function words, pronouns, the heads of organisation names, role nouns,
//! and the capitalised words that are never actors. One table per class,
//! looked up through one lazily built map from the lower-case word to its
//! classes.

use std::collections::HashMap;
use std::sync::LazyLock;

/// A set of word classes, as bits.
pub type Classes = u32;

/// Articles and other determiners ("the minister", "an AFP source").
pub const DETERMINER: Classes = 1;
/// Prepositions ("in Paris", "before the committee").
pub const PREPOSITION: Classes = 1 << 1;
/// Conjunctions and relative words ("and", "because", "who").
pub const CONJUNCTION: Classes = 1 << 2;
/// Personal and possessive pronouns.
pub const PRONOUN: Classes = 1 << 3;
/// Auxiliaries and modals ("has said", "would add").
pub const AUXILIARY: Classes = 1 << 4;
/// Adverbs that sit between a subject and its verb ("also said").
pub const ADVERB: Classes = 1 << 5;
/// Month and weekday names.
pub const CALENDAR: Classes = 1 << 6;
/// Capitalised words that open sentences but are not names ("However").
pub const COMMON: Classes = 1 << 7;
/// Last words of organisation names ("Foreign Affairs Committee").
pub const ORG_HEAD: Classes = 1 << 8;
/// Last words of armed groups and companies ("Wagner Group").
pub const GROUP_HEAD: Classes = 1 << 9;
/// Nouns for a person's role ("pollster", "lawyer", "spokeswoman").
pub const ROLE: Classes = 1 << 10;
/// Nouns for a state's collective voice ("the Malian authorities").
pub const GOVERNMENT: Classes = 1 << 11;
/// Nouns for an anonymous informant ("an AFP source", "officials").
pub const SOURCE: Classes = 1 << 12;
/// Capitalised words that are never actors ("TV", "Internet").
pub const NOT_ACTOR: Classes = 1 << 13;
/// Words of time that sit next to a reporting verb ("said Tuesday").
pub const TIME: Classes = 1 << 14;
/// Lower-case particles inside names ("Le Drian", "van Gogh", "bin").
pub const NAME_PARTICLE: Classes = 1 << 15;
/// Nouns that name a kind of media outlet ("the TV channel TV5").
pub const MEDIA_NOUN: Classes = 1 << 16;
/// Nouns that name a kind of group ("the Takuba task force").
pub const GROUP_NOUN: Classes = 1 << 17;
/// Nouns that name a kind of organisation ("the union", "the company").
pub const ORG_NOUN: Classes = 1 << 18;

/// Articles and determiners.
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "some", "any", "each", "every", "no",
    "another", "other", "several", "many", "few", "both", "all", "most", "much", "more", "such",
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozens",
    "hundreds", "thousands", "millions",
];

/// Prepositions (and "according").
const PREPOSITIONS: &[&str] = &[
    "of", "in", "on", "at", "to", "for", "from", "by", "with", "about", "against", "between",
    "into", "through", "during", "before", "after", "above", "below", "under", "over", "near",
    "across", "along", "around", "behind", "beyond", "despite", "except", "inside", "outside",
    "toward", "towards", "upon", "within", "without", "amid", "among", "via", "per", "like",
    "since", "until", "according", "than", "onto", "off", "out", "up", "down", "throughout",
];

/// Conjunctions and relative or interrogative words.
const CONJUNCTIONS: &[&str] = &[
    "and", "or", "but", "nor", "so", "yet", "because", "although", "though", "while", "whereas",
    "if", "unless", "when", "whenever", "where", "wherever", "whether", "as", "that", "which",
    "who", "whom", "whose", "what", "why", "how", "once", "then", "than", "lest",
];

/// Personal, possessive and reflexive pronouns.
const PRONOUNS: &[&str] = &[
    "i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves", "you", "your",
    "yours", "yourself", "he", "him", "his", "himself", "she", "her", "hers", "herself", "it",
    "its", "itself", "they", "them", "their", "theirs", "themselves", "there", "here", "one",
];

/// Auxiliaries and modal verbs.
const AUXILIARIES: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "having",
    "do", "does", "did", "will", "would", "shall", "should", "can", "could", "may", "might",
    "must", "not", "never", "n't", "didn't", "doesn't", "don't", "won't", "wouldn't", "hasn't",
    "haven't", "hadn't", "isn't", "wasn't", "aren't", "weren't", "can't", "couldn't",
];

/// Adverbs that come between a subject and a reporting verb, or after it.
const ADVERBS: &[&str] = &[
    "also", "later", "earlier", "previously", "repeatedly", "recently", "again", "still",
    "already", "often", "once", "twice", "then", "now", "just", "even", "only", "further",
    "publicly", "privately", "reportedly", "allegedly", "separately", "immediately", "quickly",
    "flatly", "simply", "firmly", "clearly", "openly", "angrily", "bluntly", "frankly",
    "loudly", "quietly", "sharply", "strongly", "subsequently", "initially", "finally",
    "last", "first", "too", "always", "long", "apparently", "originally", "officially",
    "personally", "jokingly", "specifically", "explicitly", "ultimately", "widely", "generally",
    "consistently", "similarly", "essentially", "basically", "largely", "frequently",
];

/// Month and weekday names.
const CALENDAR_WORDS: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.",
    "sept.", "oct.", "nov.", "dec.",
];

/// Words that are capitalised at the start of a sentence or of a heading
/// without being a name.
const COMMON_WORDS: &[&str] = &[
    "however", "meanwhile", "earlier", "later", "also", "still", "yet", "thus", "hence", "indeed",
    "instead", "moreover", "furthermore", "nevertheless", "nonetheless", "otherwise", "therefore",
    "besides", "likewise", "finally", "first", "second", "third", "last", "next", "now", "today",
    "yesterday", "tomorrow", "tonight", "recently", "previously", "currently", "already", "again",
    "perhaps", "maybe", "certainly", "clearly", "obviously", "surely", "fortunately",
    "unfortunately", "ultimately", "eventually", "initially", "overall", "altogether", "anyway",
    "even", "only", "just", "sometimes", "often", "never", "always", "here", "there", "where",
    "what", "who", "why", "how", "when", "which", "whatever", "yes", "no", "not", "nor", "well",
    "oh", "please", "thanks", "thank", "sorry", "dear", "hello", "read", "follow", "subscribe",
    "share", "click", "sign", "watch", "listen", "see", "look", "photo", "video", "image",
    "advertisement", "related", "more", "most", "less", "many", "much", "few", "several", "some",
    "any", "all", "both", "each", "every", "either", "neither", "none", "nothing", "everything",
    "something", "anything", "everyone", "someone", "anyone", "nobody", "somebody", "everybody",
    "other", "others", "another", "such", "same", "despite", "although", "though", "unless",
    "until", "whether", "while", "because", "since", "after", "before", "during", "following",
    "amid", "among", "according", "asked", "speaking", "writing", "talking", "responding",
    "referring", "citing", "noting", "adding", "saying", "given", "including", "regarding",
    "concerning", "like", "unlike", "as", "so", "if", "it", "its", "this", "that", "these",
    "those", "the", "a", "an", "and", "or", "but", "in", "on", "at", "to", "for", "from", "by",
    "with", "about", "of", "into", "over", "under", "against", "between", "through", "he", "she",
    "they", "we", "i", "you", "his", "her", "their", "our", "my", "your", "him", "them", "us",
    "me", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "hundreds", "thousands", "millions", "dozens", "is", "are", "was", "were", "be", "has", "have",
    "had", "do", "does", "did", "will", "would", "can", "could", "should", "may", "might", "must",
    "said", "says", "say", "told", "tell", "ask", "update", "updated", "editor", "note",
    "breaking", "exclusive", "analysis", "opinion", "comment", "commentary", "report", "reports",
    "news", "live", "sources", "source", "critics", "supporters", "experts", "analysts",
    "residents", "people", "voters", "polls", "data", "figures", "story", "stories", "part",
    "chapter", "section", "page", "episode", "round", "day", "week", "month", "year", "years",
    "decades", "morning", "afternoon", "evening", "night", "weekend", "together", "whoever",
    "wherever", "whenever", "too", "ahead", "back", "away", "out", "up", "down", "off", "soon",
    "then", "once", "twice", "via", "per", "plus", "minus", "rather", "quite", "very", "really",
    "absolutely", "definitely", "exactly", "almost", "nearly", "around", "roughly", "inside",
    "outside", "behind", "beyond", "above", "below", "within", "without", "across", "toward",
    "towards", "upon", "total", "average", "number", "percent", "per cent", "poll", "survey",
    "study", "statement", "letter", "interview", "speech", "meeting", "conference", "summit",
    "talks", "deal", "plan", "bill", "law", "vote", "election", "debate", "war", "crisis",
    "attack", "attacks", "whose", "whom", "yours", "ours", "theirs", "mine", "hers", "himself",
    "herself", "themselves", "ourselves", "itself", "myself", "yourself", "let", "lets", "make",
    "take", "get", "give", "go", "come", "keep", "put", "bring", "stop", "start", "try", "use",
    "find", "think", "know", "want", "need", "feel", "believe", "hope", "imagine", "consider",
    "remember", "forget", "notice", "meet", "join", "help", "call", "visit",
];

/// Last words of organisation names.
const ORG_HEADS: &[&str] = &[
    "union", "organization", "organisation", "committee", "assembly", "council", "ministry",
    "agency", "nations", "party", "parliament", "commission", "bank", "court", "department",
    "office", "bureau", "association", "federation", "institute", "institution", "university",
    "college", "foundation", "fund", "authority", "board", "administration", "senate",
    "congress", "house", "cabinet", "government", "army", "navy", "police", "guard", "church",
    "society", "trust", "school", "academy", "center", "centre", "club", "company",
    "corporation", "corp", "corp.", "inc", "inc.", "ltd", "ltd.", "llc", "plc", "co.", "times",
    "post", "news", "journal", "herald", "tribune", "gazette", "telegraph", "daily", "press",
    "network", "service", "services", "channel", "television", "radio", "magazine", "review",
    "coalition", "alliance", "caucus", "secretariat", "directorate", "tribunal", "chamber",
    "forum", "league", "mission", "program", "programme", "initiative", "council", "command",
    "corps", "airlines", "airways", "motors", "industries", "holdings", "group", "partners",
    "capital", "consulting", "systems", "technologies", "media", "pictures", "studios",
    "records", "foods", "energy", "oil", "petroleum", "pharmaceuticals", "labs", "laboratories",
    "hospital", "clinic", "commonwealth", "fed", "reserve", "exchange", "treasury", "committee",
];

/// Last words of armed groups and companies of fighters.
const GROUP_HEADS: &[&str] = &[
    "group", "brigade", "brigades", "militia", "militias", "battalion", "legion", "front",
    "movement", "rebels", "insurgents", "taliban", "jihadists", "army",
];

/// Nouns for a person's role or occupation, used to recognise people from
/// the words around their names ("pollster Pat Reed", "Ann Ko, a lawyer").
const ROLES: &[&str] = &[
    "president", "minister", "secretary", "senator", "congressman", "congresswoman",
    "representative", "lawmaker", "legislator", "governor", "mayor", "ambassador", "envoy",
    "diplomat", "spokesman", "spokeswoman", "spokesperson", "chancellor", "premier", "king",
    "queen", "prince", "princess", "emir", "sultan", "general", "admiral", "colonel", "captain",
    "commander", "officer", "sergeant", "lieutenant", "major", "chief", "head", "director",
    "chairman", "chairwoman", "chair", "leader", "founder", "owner", "executive", "ceo",
    "manager", "official", "aide", "adviser", "advisor", "counselor", "counsel", "consultant",
    "strategist", "pollster", "analyst", "economist", "expert", "scholar", "professor",
    "researcher", "scientist", "historian", "author", "writer", "columnist", "commentator",
    "journalist", "reporter", "correspondent", "editor", "host", "anchor", "producer",
    "lawyer", "attorney", "judge", "justice", "prosecutor", "investigator", "detective",
    "agent", "negotiator", "mediator", "activist", "campaigner", "organizer", "organiser",
    "candidate", "nominee", "challenger", "incumbent", "surrogate", "supporter", "donor",
    "fundraiser", "lobbyist", "operative", "staffer", "aide", "deputy", "vice", "member",
    "fellow", "student", "teacher", "doctor", "nurse", "physician", "surgeon", "farmer",
    "worker", "resident", "voter", "businessman", "businesswoman", "entrepreneur",
    "billionaire", "investor", "banker", "trader", "coach", "player", "actor", "actress",
    "singer", "musician", "comedian", "artist", "pastor", "priest", "bishop", "rabbi", "imam",
    "cleric", "sheriff", "commissioner", "superintendent", "inspector", "auditor", "treasurer",
    "clerk", "speaker", "whip", "delegate", "mp", "mep", "veteran", "soldier", "pilot",
    "engineer", "architect", "designer", "developer", "contractor", "broker", "landlord",
    "tenant", "plaintiff", "defendant", "witness", "victim", "survivor", "mother", "father",
    "son", "daughter", "wife", "husband", "brother", "sister", "widow", "friend", "partner",
    "colleague", "boss", "employee", "staff", "coordinator", "administrator", "regulator",
    "governor-general", "secretary-general", "director-general", "vice-president", "cofounder",
    "co-founder", "chairperson", "president-elect", "nominee", "hopeful", "contender",
];

/// Nouns for a state's collective voice.
const GOVERNMENT_NOUNS: &[&str] = &[
    "government", "authorities", "officials", "administration", "leadership", "leaders",
    "military", "army", "troops", "forces", "diplomats", "diplomacy", "side", "delegation",
    "regime", "ministry", "parliament", "lawmakers", "presidency", "junta", "cabinet",
    "negotiators", "state", "embassy", "intelligence", "navy", "police",
];

/// Nouns for an unnamed informant or document that speaks.
const SOURCE_NOUNS: &[&str] = &[
    "source", "sources", "official", "officials", "spokesman", "spokeswoman", "spokesperson",
    "representative", "aide", "aides", "diplomat", "diplomats", "insider", "insiders",
    "statement", "report", "memo", "letter", "filing", "document", "documents",
];

/// Capitalised words that are never actors by themselves.
const NOT_ACTORS: &[&str] = &[
    "tv", "internet", "web", "online", "email", "ceo", "cfo", "gdp", "covid", "covid-19",
    "ok", "okay", "god", "am", "pm", "a.m.", "p.m.", "ad", "bc", "pdf", "url", "faq", "q", "a",
    "id", "vip", "pr", "hq", "no.", "mr", "mrs", "ms", "dr", "mr.", "mrs.", "ms.", "dr.",
    "twitter", "facebook", "instagram", "youtube", "linkedin", "reddit", "tiktok", "whatsapp",
    "telegram", "googleplay", "appstore", "google", "apple", "snapchat", "pinterest",
    "newsletter", "rss", "copyright", "photo", "getty", "images", "file", "video", "audio",
    "podcast", "app", "ap photo", "reuters photo", "afp photo", "i", "we", "you",
];

/// Words of time that sit next to a reporting verb.
const TIME_WORDS: &[&str] = &[
    "today", "yesterday", "tomorrow", "tonight", "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "sunday", "morning", "afternoon", "evening", "night", "week",
    "weekend", "month", "year", "earlier", "later", "recently", "previously", "last", "this",
    "next", "on", "in", "at", "during", "late", "early",
];

/// Lower-case particles inside personal names.
const NAME_PARTICLES: &[&str] = &[
    "de", "da", "di", "del", "della", "der", "den", "van", "von", "le", "la", "du", "des", "bin",
    "ibn", "al", "el", "ben", "dos", "das", "do", "ter", "ten", "st.", "y", "zu", "af",
];

/// Nouns for media outlets ("the TV channel TV5", "the newspaper Le Monde").
const MEDIA_NOUNS: &[&str] = &[
    "channel", "network", "broadcaster", "newspaper", "daily", "weekly", "magazine", "agency",
    "station", "outlet", "website", "site", "tabloid", "radio", "television", "paper",
    "publication", "blog", "show", "program", "programme", "podcast",
];

/// Nouns for groups of fighters and firms of fighters.
const GROUP_NOUNS: &[&str] = &[
    "group", "militia", "rebels", "force", "forces", "brigade", "battalion", "mercenaries",
    "company", "contractor", "faction", "organisation", "organization", "movement",
];

/// Nouns for an organisation spoken of without its name.
const ORG_NOUNS: &[&str] = &[
    "union", "company", "firm", "campaign", "committee", "party", "agency", "association",
    "group", "organization", "organisation", "council", "board", "bank", "ministry",
    "department", "court", "team", "club", "network", "channel", "newspaper", "coalition",
    "alliance", "bloc", "employer", "employers", "government", "administration", "police",
    "army", "military", "office", "embassy", "foundation", "institute", "university",
    "hospital", "school", "church", "movement", "league", "commission", "parliament",
    "congress", "senate", "white", "regulator", "airline", "carrier", "retailer", "lender",
];

static TABLE: LazyLock<HashMap<&'static str, Classes>> = LazyLock::new(|| {
    let mut map: HashMap<&'static str, Classes> = HashMap::with_capacity(2048);
    let groups: [(&[&str], Classes); 19] = [
        (DETERMINERS, DETERMINER),
        (PREPOSITIONS, PREPOSITION),
        (CONJUNCTIONS, CONJUNCTION),
        (PRONOUNS, PRONOUN),
        (AUXILIARIES, AUXILIARY),
        (ADVERBS, ADVERB),
        (CALENDAR_WORDS, CALENDAR),
        (COMMON_WORDS, COMMON),
        (ORG_HEADS, ORG_HEAD),
        (GROUP_HEADS, GROUP_HEAD),
        (ROLES, ROLE),
        (GOVERNMENT_NOUNS, GOVERNMENT),
        (SOURCE_NOUNS, SOURCE),
        (NOT_ACTORS, NOT_ACTOR),
        (TIME_WORDS, TIME),
        (NAME_PARTICLES, NAME_PARTICLE),
        (MEDIA_NOUNS, MEDIA_NOUN),
        (GROUP_NOUNS, GROUP_NOUN),
        (ORG_NOUNS, ORG_NOUN),
    ];
    for (words, class) in groups {
        for w in words {
            *map.entry(*w).or_insert(0) |= class;
        }
    }
    map
});

/// The classes of a lower-case word (0 for none).
pub fn classes(lower: &str) -> Classes {
    TABLE.get(lower).copied().unwrap_or(0)
}

/// Is the lower-case word in class `class`?
pub fn is(lower: &str, class: Classes) -> bool {
    classes(lower) & class != 0
}

/// The grammatical gender and number a pronoun refers with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Gender {
    Male,
    Female,
    /// A group or an institution ("they", "it").
    Plural,
    Neuter,
}

/// Third-person pronouns that can stand for a speaker, with their gender.
pub fn pronoun_gender(lower: &str) -> Option<Gender> {
    match lower {
        "he" | "him" | "his" | "himself" => Some(Gender::Male),
        "she" | "her" | "hers" | "herself" => Some(Gender::Female),
        "they" | "them" | "their" | "themselves" => Some(Gender::Plural),
        "it" | "its" | "itself" => Some(Gender::Neuter),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_can_be_in_several_classes() {
        // "However, the union said ..." : a sentence opener, not a name
        assert!(is("however", COMMON));
        // "the employers' association" : both a head and a kind of group
        assert!(is("group", ORG_HEAD) && is("group", GROUP_HEAD));
        assert_eq!(classes("zebra"), 0);
    }

    #[test]
    fn pronouns_carry_gender() {
        // "“We stay,” she said." : a female speaker
        assert_eq!(pronoun_gender("she"), Some(Gender::Female));
        assert_eq!(pronoun_gender("they"), Some(Gender::Plural));
        assert_eq!(pronoun_gender("we"), None);
    }
}
