//! The `dossier/1` model survives a round trip, and an export read back is
//! the same article.

use dossier::model::Article;

fn seed() -> Article {
    dossier::load(std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/articles/mali-russian-mercenaries.txt"
    )))
    .expect("seed loads")
}

#[test]
fn serialize_then_deserialize_is_equal() {
    let a = seed();
    let json = dossier::export::to_json(&a);
    let back: Article = serde_json::from_str(&json).expect("parses");
    assert_eq!(a, back);
}

#[test]
fn an_export_file_is_read_back_as_is() {
    let a = seed();
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("seed.json");
    std::fs::write(&path, dossier::export::to_json(&a)).expect("write");
    let back = dossier::load(&path).expect("reads back");
    assert_eq!(a, back);
}

#[test]
fn a_json_file_of_another_schema_is_refused_with_its_name() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("other.json");
    std::fs::write(&path, r#"{"schema": "dossier/1", "title": 3}"#).expect("write");
    let err = dossier::load(&path).expect_err("refused");
    let msg = err.to_string();
    assert!(msg.contains("other.json"), "{msg}");
    assert!(msg.contains("not a dossier/1 export"), "{msg}");
}

#[test]
fn export_is_deterministic() {
    assert_eq!(
        dossier::export::to_json(&seed()),
        dossier::export::to_json(&seed())
    );
}
