//! What every pipeline target checks: arbitrary bytes named `name` go
//! through ingest, clean, analyse and every export without a panic, and
//! what comes out holds together.

use std::path::Path;

#[allow(dead_code)] // each target uses one of `pipeline` and `json`
pub fn pipeline(name: &str, data: &[u8]) {
    let path = Path::new(name);
    let Ok(raw) = dossier::ingest::from_bytes(path, data) else {
        return;
    };
    let Ok(article) = dossier::from_raw(path, raw) else {
        return;
    };
    check_article(&article);
}

/// Arbitrary bytes read back as a `dossier/1` export: refused with a
/// reason or accepted as an article that holds together.
#[allow(dead_code)]
pub fn json(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(article) = dossier::ingest::json::read(Path::new("fuzz.json"), text) {
        check_article(&article);
    }
}

/// The article's references point inside its paragraphs, and no export
/// writes a control character that came from the input.
pub fn check_article(article: &dossier::Article) {
    if let Err(why) = dossier::ingest::json::check(article) {
        panic!("the pipeline made an inconsistent article: {why}");
    }
    let json = dossier::export::to_json(article);
    let line = dossier::export::to_json_line(article);
    let text = dossier::export::to_text(article, 40);
    assert!(!line.contains('\n'), "a JSON line with a line break");
    for out in [&json, &line, &text] {
        assert!(
            !out.chars()
                .any(|c| c == '\u{1b}' || ('\u{80}'..='\u{9f}').contains(&c)),
            "an export holds an escape or C1 control"
        );
    }
    let back = dossier::ingest::json::read(Path::new("again.json"), &json)
        .unwrap_or_else(|e| panic!("an export does not read back: {e}"));
    assert_eq!(
        dossier::export::to_json(&back),
        json,
        "an export read back exports differently"
    );
}
