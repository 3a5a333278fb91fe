//! The command line as scripts use it: exit codes, one-line errors that
//! name the file, and the `dossier/1` export.

use std::process::{Command, Output};

const SEED: &str = "articles/mali-russian-mercenaries.txt";

fn dossier(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        // folder exports use the analysis cache: keep it out of the user's
        .env(
            "XDG_CACHE_HOME",
            concat!(env!("CARGO_TARGET_TMPDIR"), "/cli-cache"),
        )
        .output()
        .expect("run dossier")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn export_json_of_the_seed_is_dossier_1() {
    let o = dossier(&["export", SEED, "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("valid JSON");
    assert_eq!(v["schema"], "dossier/1");
    assert_eq!(
        v["title"],
        "Mali: We need Russian mercenaries, France has abandoned us"
    );
    assert_eq!(v["dateline"], "BAMAKO");
    assert!(v["paragraphs"].as_array().is_some_and(|p| p.len() > 10));
}

#[test]
fn missing_file_exits_1_with_one_line_naming_it() {
    let o = dossier(&["export", "no/such/article.txt"]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("no/such/article.txt"), "{err}");
    assert!(err.contains("no such file"), "{err}");
}

#[test]
fn unknown_format_is_a_usage_error() {
    let o = dossier(&["export", SEED, "--format", "pdf"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("pdf"));
}

#[test]
fn json_of_a_folder_is_a_usage_error() {
    let o = dossier(&["export", "articles", "--format", "json"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("articles"));
}

#[test]
fn jsonl_gives_one_line_per_article_in_path_order() {
    let o = dossier(&["export", "articles", "--format", "jsonl"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let sources: Vec<String> = String::from_utf8_lossy(&o.stdout)
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("a JSON line");
            v["source"].as_str().unwrap_or_default().to_string()
        })
        .collect();
    assert!(sources.len() >= 4, "{sources:?}");
    let mut sorted = sources.clone();
    sorted.sort();
    assert_eq!(sources, sorted);
}

#[test]
fn text_export_wraps_at_the_given_width() {
    let o = dossier(&["export", SEED, "--format", "text", "--width", "60"]);
    assert_eq!(o.status.code(), Some(0));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.lines()
            .all(|l| unicode_width::UnicodeWidthStr::width(l) <= 60),
        "{out}"
    );
    assert!(out.contains("Actors ("));
}

#[test]
fn stdin_is_read_with_a_dash() {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(["export", "-", "--format", "json"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(b"A title\n\nPARIS, The minister spoke.\n")
        .expect("write");
    let o = child.wait_with_output().expect("wait");
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(v["source"], "-");
    assert_eq!(v["dateline"], "PARIS");
}

#[test]
fn version_and_help() {
    let o = dossier(&["--version"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&o.stdout).starts_with("dossier "));
    let o = dossier(&["--help"]);
    assert!(String::from_utf8_lossy(&o.stdout).contains("export"));
}
