//! A `dossier/1` export read back as is: the user may have corrected it by
//! hand, so it is parsed, checked for references that point nowhere (a
//! quote in a paragraph that was deleted, a span past a paragraph's end),
//! and sanitised, but never re-analysed.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use crate::error::{Error, Reason, Result};
use crate::model::{self, Article};

/// Parse, sanitise and check an export (offsets are checked against the
/// text as it will be shown).
pub fn read(path: &Path, text: &str) -> Result<Article> {
    let refuse = |why: String| Error::new(path, Reason::Json(why));
    let article: Article = serde_json::from_str(text).map_err(|e| refuse(e.to_string()))?;
    if !article.schema.starts_with("dossier/") {
        return Err(refuse(format!(
            "unknown schema {:?}",
            super::sanitize::one_line(&article.schema)
        )));
    }
    let article = model::sanitized(article);
    check(&article).map_err(|why| refuse(super::sanitize::one_line(&why)))?;
    Ok(article)
}

/// Every reference in the article points at something that exists: the
/// reader and the analysis index paragraphs and slice their text by these.
pub fn check(a: &Article) -> std::result::Result<(), String> {
    let mut lengths: HashMap<usize, usize> = HashMap::new();
    for p in &a.paragraphs {
        if lengths.insert(p.index, p.text.chars().count()).is_some() {
            return Err(format!("two paragraphs have index {}", p.index));
        }
    }
    let actors: HashSet<&str> = a.actors.iter().map(|x| x.id.as_str()).collect();
    let quotes: HashSet<&str> = a.quotes.iter().map(|q| q.id.as_str()).collect();
    let len = |what: &str, paragraph: usize| {
        lengths
            .get(&paragraph)
            .copied()
            .ok_or_else(|| format!("{what}: paragraph {paragraph} does not exist"))
    };
    let within = |what: &str, paragraph: usize, offset: usize| {
        let n = len(what, paragraph)?;
        if offset > n {
            return Err(format!(
                "{what}: offset {offset} is past the end of paragraph {paragraph} ({n} characters)"
            ));
        }
        Ok(())
    };
    for x in &a.actors {
        for m in &x.mentions {
            let what = format!("a mention of actor {}", x.id);
            within(&what, m.paragraph, m.end)?;
            if m.start > m.end {
                return Err(format!("{what}: starts after it ends"));
            }
        }
        if let Some(aff) = &x.affiliation
            && !actors.contains(aff.as_str())
        {
            return Err(format!("actor {}: affiliation {aff} is not an actor", x.id));
        }
    }
    for q in &a.quotes {
        let what = format!("quote {}", q.id);
        let last = q.end_paragraph.unwrap_or(q.paragraph);
        within(&what, q.paragraph, q.start)?;
        within(&what, last, q.end)?;
        if last < q.paragraph || (last == q.paragraph && q.start > q.end) {
            return Err(format!("{what}: starts after it ends"));
        }
        if let Some(s) = &q.speaker
            && !actors.contains(s.as_str())
        {
            return Err(format!("{what}: speaker {s} is not an actor"));
        }
    }
    for p in &a.positions {
        let what = format!("position {}", p.id);
        len(&what, p.paragraph)?;
        if !actors.contains(p.actor.as_str()) {
            return Err(format!("{what}: actor {} is not an actor", p.actor));
        }
        if let Some(q) = &p.quote
            && !quotes.contains(q.as_str())
        {
            return Err(format!("{what}: quote {q} is not a quote"));
        }
    }
    for r in &a.removed {
        match (r.before, r.at) {
            (Some(before), Some(at)) => within("a removed text", before, at)?,
            (Some(before), None) => {
                len("a removed text", before)?;
            }
            (None, Some(_)) => return Err("a removed text has an offset but no paragraph".into()),
            (None, None) => {}
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = r#"{"schema": "dossier/1", "source": "a.txt", "title": "T",
        "paragraphs": [{"index": 0, "kind": "body", "text": "Ms. Roe said no."}],
        "actors": [{"id": "roe", "name": "Ms. Roe", "kind": "person",
                    "mentions": [{"paragraph": 0, "start": 0, "end": 7}]}],
        "quotes": [{"id": "q1", "speaker": "roe", "text": "no", "kind": "indirect",
                    "paragraph": 0, "start": 13, "end": 15}]}"#;

    fn load(text: &str) -> Result<Article> {
        read(Path::new("a.json"), text)
    }

    #[test]
    fn a_consistent_export_is_read_as_is() {
        let a = load(MINIMAL).unwrap();
        assert_eq!(a.quotes[0].speaker.as_deref(), Some("roe"));
    }

    #[test]
    fn a_quote_in_a_deleted_paragraph_is_refused_with_the_reason() {
        let broken = MINIMAL.replace(
            r#""paragraph": 0, "start": 13"#,
            r#""paragraph": 4, "start": 13"#,
        );
        let err = load(&broken).unwrap_err().to_string();
        assert!(
            err.contains("quote q1: paragraph 4 does not exist"),
            "{err}"
        );
    }

    #[test]
    fn a_span_past_the_paragraph_end_is_refused() {
        let broken = MINIMAL.replace(r#""end": 15"#, r#""end": 150"#);
        let err = load(&broken).unwrap_err().to_string();
        assert!(err.contains("past the end of paragraph 0"), "{err}");
    }

    #[test]
    fn a_speaker_who_is_not_an_actor_is_refused() {
        let broken = MINIMAL.replace(r#""speaker": "roe""#, r#""speaker": "doe""#);
        assert!(
            load(&broken)
                .unwrap_err()
                .to_string()
                .contains("speaker doe")
        );
    }

    #[test]
    fn escapes_written_into_the_json_are_sanitised() {
        let evil = MINIMAL.replace(
            r#""title": "T""#,
            r#""title": "T\u001b]0;pwned\u0007\u009b2J""#,
        );
        // the 8-bit CSI goes with its parameters, as ESC [ would
        assert_eq!(load(&evil).unwrap().title, "T");
    }

    #[test]
    fn another_schema_is_refused() {
        let other = MINIMAL.replace("dossier/1", "other/2");
        assert!(
            load(&other)
                .unwrap_err()
                .to_string()
                .contains("unknown schema")
        );
    }
}
