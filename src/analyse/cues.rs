//! Reporting words: the verbs that attribute words or a stance to a source
//! ("said", "told", "believes", "vowed", "criticized"), read from
//! `data/cues_en.tsv` with their regular forms built here, plus the
//! phrases that work like them ("according to", "in a statement").

use std::sync::LazyLock;

use rustc_hash::FxHashMap as HashMap;

const CUES: &str = include_str!("../../data/cues_en.tsv");

/// What a reporting verb attributes, which decides the shapes of content
/// it takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CueClass {
    /// Says something: a quotation, a that-clause, or inversion.
    Speech,
    /// Holds a belief: a that-clause.
    Thought,
    /// Commits to or wants something: a to-infinitive.
    Intent,
    /// Judges something: an object.
    Evaluate,
    /// A poll or document that shows something.
    Evidence,
}

/// A form of a reporting verb.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cue {
    pub lemma: &'static str,
    pub class: CueClass,
    /// The form is a present participle ("saying"), which reports inside
    /// another clause rather than heading one.
    pub participle: bool,
    /// The form is a bare lemma ("say"), which needs a subject such as
    /// "they say" or an auxiliary ("will say") to report.
    pub bare: bool,
}

static TABLE: LazyLock<HashMap<String, Cue>> = LazyLock::new(|| {
    let mut map = HashMap::default();
    for line in CUES
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let mut fields = line.split('\t');
        let Some(lemma) = fields.next().map(str::trim) else {
            continue;
        };
        let class = match fields.next().map(str::trim) {
            Some("speech") => CueClass::Speech,
            Some("thought") => CueClass::Thought,
            Some("intent") => CueClass::Intent,
            Some("evidence") => CueClass::Evidence,
            _ => CueClass::Evaluate,
        };
        let extra: Vec<String> = fields
            .next()
            .map(|f| f.split_whitespace().map(str::to_string).collect())
            .unwrap_or_default();
        let mut forms = regular_forms(lemma);
        forms.extend(extra);
        for form in forms {
            let cue = Cue {
                lemma,
                class,
                participle: form.ends_with("ing"),
                bare: form == lemma,
            };
            map.entry(form).or_insert(cue);
        }
    }
    map
});

/// The regular forms of a verb: itself, -s, -ed, -ing ("argue", "argues",
/// "argued", "arguing"; "cry" gets its forms from the table).
fn regular_forms(lemma: &str) -> Vec<String> {
    let stem = lemma.strip_suffix('e').unwrap_or(lemma);
    let s = if lemma.ends_with(['s', 'x', 'z']) || lemma.ends_with("sh") || lemma.ends_with("ch") {
        format!("{lemma}es")
    } else {
        format!("{lemma}s")
    };
    vec![
        lemma.to_string(),
        s,
        format!("{stem}ed"),
        format!("{stem}ing"),
    ]
}

/// The reporting verb a lower-case word is a form of.
pub fn cue(lower: &str) -> Option<Cue> {
    entry(lower).copied()
}

/// The same, as a reference into the table: a third of the size of a
/// `Cue` for per-token tables of long texts.
pub fn entry(lower: &str) -> Option<&'static Cue> {
    TABLE.get(lower)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regular_and_irregular_forms() {
        // "she argued", "he told reporters", "officials denied it"
        assert_eq!(cue("argued").map(|c| c.lemma), Some("argue"));
        assert_eq!(cue("told").map(|c| c.lemma), Some("tell"));
        assert_eq!(cue("denied").map(|c| c.class), Some(CueClass::Speech));
        assert!(cue("saying").is_some_and(|c| c.participle));
        assert!(cue("say").is_some_and(|c| c.bare));
        assert_eq!(cue("table"), None);
    }

    #[test]
    fn classes_decide_the_content() {
        // "voters believe that ...", "he vowed to ...", "she praised the deal"
        assert_eq!(cue("believe").map(|c| c.class), Some(CueClass::Thought));
        assert_eq!(cue("vowed").map(|c| c.class), Some(CueClass::Intent));
        assert_eq!(cue("praised").map(|c| c.class), Some(CueClass::Evaluate));
    }

    #[test]
    fn echoes_chants_and_preferences() {
        // "she echoed the governor", "the crowd chanted …", "voters preferred Ruiz"
        assert_eq!(cue("echoed").map(|c| c.lemma), Some("echo"));
        assert_eq!(cue("chanted").map(|c| c.class), Some(CueClass::Speech));
        assert_eq!(cue("preferred").map(|c| c.class), Some(CueClass::Evaluate));
        assert_eq!(cue("implies").map(|c| c.lemma), Some("imply"));
    }
}
