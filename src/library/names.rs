//! Comparing actor names across articles: one normal form ("Ms. Florence
//! Parly" and "florence parly" are one name), acronyms ("EU" for "European
//! Union") and one-letter spelling variants ("Parly", "Parley").
//!
//! The analyser merges aliases within one article; these helpers apply the
//! same rules between articles, where they need the normal form written
//! down (`src/analyse/` has no shared one yet).

/// Courtesy titles dropped from a name before comparing.
const HONORIFICS: &[&str] = &[
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "madam", "mme", "mlle", "m",
];

/// Words an acronym skips ("Organisation of the Petroleum ..." -> "OPEC"
/// keeps only O, P, E, C).
const ACRONYM_SKIPS: &[&str] = &[
    "of", "the", "for", "and", "on", "in", "de", "des", "du", "la", "le", "et", "&",
];

/// Accented Latin letters and the plain letter they compare as.
const FOLDS: &[(char, char)] = &[
    ('à', 'a'),
    ('á', 'a'),
    ('â', 'a'),
    ('ã', 'a'),
    ('ä', 'a'),
    ('å', 'a'),
    ('ç', 'c'),
    ('è', 'e'),
    ('é', 'e'),
    ('ê', 'e'),
    ('ë', 'e'),
    ('ì', 'i'),
    ('í', 'i'),
    ('î', 'i'),
    ('ï', 'i'),
    ('ñ', 'n'),
    ('ò', 'o'),
    ('ó', 'o'),
    ('ô', 'o'),
    ('õ', 'o'),
    ('ö', 'o'),
    ('ø', 'o'),
    ('ù', 'u'),
    ('ú', 'u'),
    ('û', 'u'),
    ('ü', 'u'),
    ('ý', 'y'),
    ('ÿ', 'y'),
    ('ś', 's'),
    ('š', 's'),
    ('ž', 'z'),
    ('ł', 'l'),
    ('ć', 'c'),
    ('č', 'c'),
];

/// Shortest word in which a one-letter difference is taken for a spelling
/// variant ("Parly"/"Parley"; not "Berg"/"Borg").
const MIN_VARIANT_WORD: usize = 5;

fn fold(c: char) -> char {
    FOLDS
        .iter()
        .find(|(from, _)| *from == c)
        .map_or(c, |&(_, to)| to)
}

/// The normal form of a name: lower case, accents folded, dots and
/// apostrophes dropped, hyphens as spaces, courtesy titles removed.
pub fn normal(name: &str) -> String {
    let mut flat = String::with_capacity(name.len());
    for c in without_possessives(name)
        .chars()
        .flat_map(char::to_lowercase)
    {
        match c {
            '.' | '\'' | '’' | '‘' => {}
            '-' | '‐' | '–' | '_' | ',' => flat.push(' '),
            c => flat.push(fold(c)),
        }
    }
    let words: Vec<&str> = flat.split_whitespace().collect();
    // a courtesy title goes unless it is the whole name
    let keep = words
        .iter()
        .skip_while(|w| HONORIFICS.contains(w))
        .count()
        .max(1);
    words[words.len() - keep..].join(" ")
}

/// `name` without the possessive ending of its words ("Trump’s" ->
/// "Trump"), which a name picks up when it is found before a noun.
fn without_possessives(name: &str) -> std::borrow::Cow<'_, str> {
    const ENDINGS: [&str; 2] = ["'s", "’s"];
    let has = |w: &str| ENDINGS.iter().any(|e| w.ends_with(e) && w.len() > e.len());
    if !name.split_whitespace().any(has) {
        return std::borrow::Cow::Borrowed(name);
    }
    let words: Vec<&str> = name
        .split_whitespace()
        .map(|w| {
            ENDINGS
                .iter()
                .find_map(|e| w.strip_suffix(e).filter(|s| !s.is_empty()))
                .unwrap_or(w)
        })
        .collect();
    std::borrow::Cow::Owned(words.join(" "))
}

/// Whether `name` is written as an acronym: 2 to 6 capital letters, maybe
/// with dots ("EU", "U.N.", "NATO").
pub fn is_acronym(name: &str) -> bool {
    let letters: Vec<char> = name.chars().filter(|&c| c != '.').collect();
    (2..=6).contains(&letters.len()) && letters.iter().all(|c| c.is_uppercase())
}

/// The acronym a multi-word name would have ("European Union" -> "eu"), in
/// normal form; `None` for a single word.
pub fn acronym_of(name: &str) -> Option<String> {
    let words: Vec<&str> = name
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty() && !ACRONYM_SKIPS.contains(&w.to_lowercase().as_str()))
        .collect();
    if words.len() < 2 {
        return None;
    }
    Some(
        words
            .iter()
            .filter_map(|w| w.chars().next())
            .flat_map(char::to_lowercase)
            .map(fold)
            .collect(),
    )
}

/// Whether `a` and `b` (normal forms) are one letter apart: one letter
/// changed, added or removed.
pub fn one_edit_apart(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    if long.len() - short.len() > 1 {
        return false;
    }
    let prefix = short
        .iter()
        .zip(long.iter())
        .take_while(|(x, y)| x == y)
        .count();
    if short.len() == long.len() {
        prefix < short.len() && short[prefix + 1..] == long[prefix + 1..]
    } else {
        short[prefix..] == long[prefix + 1..]
    }
}

/// Whether two names (normal forms) are spellings of one name: the same
/// words but one, which is at least five letters long in both, starts with
/// the same letter, has no digit, and differs by one letter.
pub fn spelling_variant(a: &str, b: &str) -> bool {
    if a == b {
        return false;
    }
    let wa: Vec<&str> = a.split(' ').collect();
    let wb: Vec<&str> = b.split(' ').collect();
    if wa.len() != wb.len() {
        return false;
    }
    let differing: Vec<(&str, &str)> = wa
        .iter()
        .zip(&wb)
        .filter(|(x, y)| x != y)
        .map(|(x, y)| (*x, *y))
        .collect();
    let [(x, y)] = differing[..] else {
        return false;
    };
    let long_enough = x.chars().count().min(y.chars().count()) >= MIN_VARIANT_WORD;
    let same_start = x.chars().next() == y.chars().next();
    let no_digit = !x.chars().chain(y.chars()).any(|c| c.is_ascii_digit());
    long_enough && same_start && no_digit && one_edit_apart(x, y)
}

/// Call `f` with each key under which spelling variants of `name` (a
/// normal form) meet: the name itself, and the name with one letter dropped
/// from one of its long words. Two variants always share a key. `buf` is
/// reused between keys.
pub fn each_variant_key(name: &str, buf: &mut String, mut f: impl FnMut(&str)) {
    f(name);
    let mut start = 0;
    for word in name.split(' ') {
        if word.chars().count() >= MIN_VARIANT_WORD {
            for (i, c) in word.char_indices().skip(1) {
                let at = start + i;
                buf.clear();
                buf.push_str(&name[..at]);
                buf.push_str(&name[at + c.len_utf8()..]);
                f(buf);
            }
        }
        start += word.len() + 1;
    }
}

/// The keys of [`each_variant_key`], collected.
pub fn variant_keys(name: &str) -> Vec<String> {
    let mut keys = Vec::new();
    each_variant_key(name, &mut String::new(), |k| keys.push(k.to_string()));
    keys
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normal_forms_drop_case_dots_accents_and_courtesy_titles() {
        assert_eq!(normal("Ms. Florence Parly"), "florence parly");
        assert_eq!(normal("Choguel Kokalla Maïga"), "choguel kokalla maiga");
        assert_eq!(normal("U.N."), "un");
        assert_eq!(normal("Jean-Yves Le Drian"), "jean yves le drian");
        assert_eq!(normal("Mr."), "mr");
        assert_eq!(normal("Marta de Vries’s"), "marta de vries");
        assert_eq!(normal("O'Brien"), "obrien");
    }

    #[test]
    fn acronyms_match_their_expansion() {
        assert!(is_acronym("EU"));
        assert!(is_acronym("U.N."));
        assert!(!is_acronym("Mali"));
        assert_eq!(acronym_of("European Union").as_deref(), Some("eu"));
        assert_eq!(
            acronym_of("North Atlantic Treaty Organization").as_deref(),
            Some("nato")
        );
        assert_eq!(acronym_of("Bank of England").as_deref(), Some("be"));
        assert_eq!(acronym_of("Wagner"), None);
    }

    #[test]
    fn one_letter_variants_of_long_words_only() {
        assert!(one_edit_apart("parly", "parley"));
        assert!(!one_edit_apart("maiga", "maiga"));
        assert!(one_edit_apart("lavrov", "lavrow"));
        assert!(!one_edit_apart("lavrov", "lavrova1"));
        assert!(spelling_variant("florence parly", "florence parley"));
        assert!(!spelling_variant("anna berg", "anna borg"), "short word");
        assert!(
            !spelling_variant("anna parly", "ines parly"),
            "two words differ"
        );
        assert!(
            !spelling_variant("russia", "prussia"),
            "first letter differs"
        );
        assert!(!spelling_variant("group 7777", "group 7778"));
    }

    #[test]
    fn variants_share_a_key() {
        let shared = |a: &str, b: &str| {
            let ka = variant_keys(a);
            variant_keys(b).iter().any(|k| ka.contains(k))
        };
        assert!(shared("florence parly", "florence parley"));
        assert!(shared("sergei lavrov", "sergei lavrow"));
        assert!(!shared("sergei lavrov", "sergei ivanov"));
    }
}
