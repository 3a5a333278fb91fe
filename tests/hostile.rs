//! Hostile and broken input, one test each: nothing panics or hangs, a file
//! that cannot be an article is refused with one line naming it and the
//! reason, and a folder of such files gives one line per bad file while the
//! good ones go through (`dossier export DIR` and the library behind the
//! reader's list).
//!
//! Sizes are chosen so that an unoptimised test build handles each input
//! in well under a second, except the 100,000 paragraphs, checked at full
//! size (some seconds); `examples/hostile_timings.rs` runs the same makers
//! at full size (50 MB lines, 100,000 paragraphs) in release.

#[path = "common/hostile_inputs.rs"]
mod hostile;

#[path = "common/export_run.rs"]
mod export_run;
use export_run::export;

use std::path::{Path, PathBuf};
use std::time::Duration;

use dossier::ingest::{self, MAX_BYTES};
use dossier::library::{Library, Places, Status};
use dossier::{Article, Reason};

/// The whole pipeline on `bytes` saved as `name`: the article, or the
/// error as the user would read it.
fn run(name: &str, bytes: &[u8]) -> Result<Article, String> {
    let path = Path::new(name);
    let raw = ingest::from_bytes(path, bytes).map_err(|e| e.to_string())?;
    let article = dossier::from_raw(path, raw).map_err(|e| e.to_string())?;
    // everything the pipeline makes holds together and exports
    dossier::ingest::json::check(&article).expect("consistent article");
    let json = dossier::export::to_json(&article);
    assert!(!json.is_empty());
    assert!(!dossier::export::to_text(&article, 40).is_empty());
    Ok(article)
}

fn refused(name: &str, bytes: &[u8]) -> String {
    match run(name, bytes) {
        Ok(a) => panic!("{name} was accepted: {:?}", a.title),
        Err(e) => {
            assert!(!e.contains('\n'), "{e:?}");
            assert!(e.starts_with(name), "{e}");
            e
        }
    }
}

fn accepted(name: &str, bytes: &[u8]) -> Article {
    run(name, bytes).unwrap_or_else(|e| panic!("{name} refused: {e}"))
}

fn words(a: &Article) -> usize {
    a.paragraphs
        .iter()
        .map(|p| p.text.split_whitespace().count())
        .sum()
}

#[test]
fn empty_and_whitespace_only_files_are_refused() {
    for bytes in [
        &b""[..],
        b"   ",
        b"\n\n\t \r\n",
        "\u{a0}\u{2003}\n".as_bytes(),
    ] {
        for name in ["e.txt", "e.md", "e.html", "e.json"] {
            let e = refused(name, bytes);
            assert!(e.contains("no text"), "{e}");
        }
    }
    // markup with nothing to read in it: refused like an empty file
    for page in [
        &b"<html><body><div> </div></body></html>"[..],
        b"<html><head><title>Only a title</title><style>p{color:red}</style></head>\
          <body><script>var story = 1;</script><noscript> </noscript></body></html>",
    ] {
        let e = refused("e.html", page);
        assert!(e.contains("no text"), "{e}");
    }
}

#[test]
fn a_page_of_furniture_alone_is_refused_with_its_reason() {
    let menus = b"<html><head><title>Front page</title></head><body>\
        <nav><a href=/>Home</a> <a href=/world>World</a> <a href=/sport>Sport</a></nav>\
        <footer><p>Copyright 2026 Example Press. All rights reserved.</p></footer>\
        </body></html>";
    let e = refused("menus.html", menus);
    assert!(e.contains("no article text found"), "{e}");
    let pitches = b"Follow us on Facebook\n\nSubscribe to our newsletter\n\nShare this article";
    let e = refused("pitches.txt", pitches);
    assert!(e.contains("no article text found"), "{e}");
    // a note of one line is a (short) article with a title
    let note = accepted("note.txt", b"Harbour strike called off");
    assert_eq!(note.title, "Harbour strike called off");
}

#[test]
fn a_file_above_the_limit_is_refused_without_being_read() {
    let dir = tempfile::tempdir().expect("tempdir");
    let big = dir.path().join("huge.txt");
    // sparse: the test writes nothing, yet the file is past the limit
    std::fs::File::create(&big)
        .and_then(|f| f.set_len(MAX_BYTES + 1))
        .expect("sparse file");
    let err = dossier::load(&big).expect_err("refused").to_string();
    assert!(err.contains("huge.txt") && err.contains("limit"), "{err}");
    assert!(!err.contains('\n'));
    let e = dossier::load(&big).expect_err("refused");
    assert!(matches!(e.reason, Reason::TooLarge { .. }), "{e}");
    // exactly at the limit is not refused for its size
    let edge = dir.path().join("edge.txt");
    std::fs::File::create(&edge)
        .and_then(|f| f.set_len(MAX_BYTES))
        .expect("sparse file");
    let e = dossier::load(&edge).expect_err("all NUL: binary");
    assert!(matches!(e.reason, Reason::Binary), "{e}");
}

#[test]
fn one_huge_line_is_read_in_proportion() {
    let a = accepted("line.txt", hostile::one_line(300_000).as_bytes());
    assert!(words(&a) > 30_000, "{}", words(&a));
    let a = accepted("line.md", hostile::one_line(100_000).as_bytes());
    assert!(words(&a) > 10_000);
    let a = accepted("word.txt", hostile::one_word(300_000).as_bytes());
    assert!(a.paragraphs.iter().any(|p| p.text.len() >= 300_000));
}

#[test]
fn binary_files_are_detected_and_refused() {
    let mut noise = Vec::with_capacity(64 << 10);
    let mut x: u32 = 0x1234_5678;
    for _ in 0..(64 << 10) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        noise.push(x as u8);
    }
    let cases: [(&str, &[u8]); 6] = [
        ("photo.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10"),
        ("program", b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x02\0>\0"),
        (
            "archive.txt",
            b"\x1f\x8b\x08\0\0\0\0\0\0\x03\xcb\x48\xcd\xc9\xc9\x07\0",
        ),
        (
            "doc.pdf.txt",
            b"%PDF-1.7\n\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x10\x11",
        ),
        ("noise.html", &noise),
        ("noise.json", &noise),
    ];
    for (name, bytes) in cases {
        let e = refused(name, bytes);
        assert!(e.contains("binary"), "{e}");
    }
}

#[test]
fn invalid_utf8_is_decoded_not_refused() {
    // stray continuation bytes, overlong forms, surrogates, cut sequences
    let mut bytes = b"Broken bytes\n\nThe minister said \xc3\x28 and \xa0\xa1 then ".to_vec();
    bytes.extend_from_slice(b"\xed\xa0\x80 \xc0\xaf \xf0\x28\x8c\x28 \xe2\x82 end.\n\n");
    bytes.extend_from_slice("Ana Ruiz said \u{201c}yes\u{201d}.".as_bytes());
    bytes.push(0xf0);
    for name in ["bad.txt", "bad.md", "bad.html", "bad"] {
        let a = accepted(name, &bytes);
        assert!(words(&a) >= 10, "{name}");
    }
}

#[test]
fn deeply_nested_and_malformed_html_are_read() {
    let a = accepted("nested.html", hostile::nested_html(20_000).as_bytes());
    let text: String = a.paragraphs.iter().map(|p| p.text.as_str()).collect();
    assert!(text.contains("the vote would wait"), "{text}");
    // its `<title>` never closes, so all that follows is the title's text
    // (as in a browser) and the page has no text to read
    let broken = hostile::malformed_html(2_000);
    let e = refused("broken.html", broken.as_bytes());
    assert!(e.contains("no text"), "{e}");
    // the same debris in the body: read, or refused in one line
    let in_body = broken.replacen("<title>Broken", "<title>Broken</title></head><body>", 1);
    if let Err(e) = run("broken-body.html", in_body.as_bytes()) {
        assert!(
            e.starts_with("broken-body.html: ") && !e.contains('\n'),
            "{e}"
        );
    }
    // nested inline markup, tables and lists, never closed
    let mut s = String::from("<p>Start");
    for _ in 0..5_000 {
        s.push_str("<b><i><span><table><tr><td><ul><li>");
    }
    s.push_str("Ana Ruiz said the vote would wait.");
    accepted("inline.html", s.as_bytes());
    // markup that stops halfway through a tag, a comment, an attribute
    for cut in [
        "<html><body><p>Words then <a href=\"",
        "<p>Ana said<!-- never",
        "<p>x</p><",
    ] {
        let _ = run("cut.html", cut.as_bytes());
    }
}

fn export_json() -> String {
    let a = dossier::analyse_text(
        "x.txt",
        "Harbour strike\n\nUnion Secretary Marta de Vries said on Monday that \
         the strike would go on. \"We will hold the line,\" said Marta de Vries.",
    );
    dossier::export::to_json(&a)
}

#[test]
fn truncated_json_exports_are_refused_with_the_reason() {
    let json = export_json();
    let mut cut = 1;
    while cut < json.len() {
        if json.is_char_boundary(cut) && json[..cut].contains("dossier/") {
            let e = refused("cut.json", &json.as_bytes()[..cut]);
            assert!(e.contains("dossier/1") || e.contains("no text"), "{e}");
        }
        cut += 7;
    }
}

#[test]
fn json_of_the_wrong_shape_is_refused_with_the_reason() {
    let json = export_json();
    let cases = [
        json.replace("\"dossier/1\"", "\"other/2\""),
        json.replace("\"paragraphs\"", "\"paras\""),
        json.replace("\"index\": 0", "\"index\": \"zero\""),
        json.replace("\"index\": 0", "\"index\": -1"),
        json.replace("\"index\": 0", "\"index\": 99999999999999999999999"),
        "{\"schema\": \"dossier/1\"}".to_string(),
        "{\"a\": 1}".into(),
        "[1, 2, 3]".into(),
        "null".into(),
        format!("{}{}", "[".repeat(100_000), "]".repeat(100_000)),
        format!(
            "{{\"schema\": \"dossier/1\", \"x\": {}1{}}}",
            "[".repeat(10_000),
            "]".repeat(10_000)
        ),
    ];
    for (i, case) in cases.iter().enumerate() {
        assert_ne!(case, &json, "case {i} changed nothing");
        let e = refused("wrong.json", case.as_bytes());
        assert!(e.contains("dossier/1"), "case {i}: {e}");
    }
    // references that point nowhere
    let mut v: serde_json::Value = serde_json::from_str(&json).expect("json");
    v["quotes"][0]["paragraph"] = 99.into();
    let e = refused("dangling.json", v.to_string().as_bytes());
    assert!(e.contains("does not exist"), "{e}");
}

#[test]
fn unbalanced_and_nested_quotation_marks_are_read() {
    let a = accepted("quotes.txt", hostile::unbalanced_quotes(5_000).as_bytes());
    for q in &a.quotes {
        let p = a
            .paragraphs
            .iter()
            .find(|p| p.index == q.paragraph)
            .expect("quote paragraph");
        assert!(q.end <= p.text.chars().count());
    }
    let nested = "Nested\n\n\u{201c}She said \u{2018}he said \u{201c}they said \
                  \u{2018}no\u{2019}\u{201d}\u{2019}\u{201d} said Ms. Ruiz.";
    accepted("nested.txt", nested.as_bytes());
}

/// Every paragraph kept, one quote each: a pass that compared each quote
/// with every other made this quadratic (minutes at 100,000).
#[test]
fn thousands_of_paragraphs() {
    let a = accepted("paras.txt", hostile::paragraphs(3_000).as_bytes());
    assert!(a.paragraphs.len() >= 3_000, "{}", a.paragraphs.len());
    assert!(a.quotes.len() >= 3_000, "{}", a.quotes.len());
}

/// The full 100,000 paragraphs, each a quote: linear passes only (finding
/// each quote's paragraphs by a walk through all of them took minutes).
/// The pipeline, its consistency check and the JSON export at full size;
/// the wrapped text export is checked at 3,000 paragraphs above (wrapping
/// 12 MB of text is most of a debug build's time and says nothing more).
#[test]
fn a_hundred_thousand_paragraphs() {
    let path = Path::new("paras.txt");
    let raw = ingest::from_bytes(path, hostile::paragraphs(100_000).as_bytes()).expect("read");
    let a = dossier::from_raw(path, raw).expect("analysed");
    dossier::ingest::json::check(&a).expect("consistent article");
    assert!(a.paragraphs.len() >= 100_000, "{}", a.paragraphs.len());
    assert!(a.quotes.len() >= 100_000, "{}", a.quotes.len());
    let mut json = Vec::new();
    dossier::export::write_json(&a, true, &mut json).expect("export");
    assert!(json.len() > 100_000 * 100, "{}", json.len());
}

/// As many people as paragraphs: finding whom a name belongs to by a scan
/// of every person made this quadratic (20,000 people took 18 s).
#[test]
fn thousands_of_distinct_people() {
    let a = accepted("people.txt", hostile::distinct_people(5_000).as_bytes());
    assert!(a.actors.len() >= 5_000, "{}", a.actors.len());
    assert!(a.quotes.iter().filter(|q| q.speaker.is_some()).count() >= 5_000);
}

#[test]
fn names_of_ten_thousand_characters() {
    let a = accepted("names.txt", hostile::long_names(10_000).as_bytes());
    assert!(words(&a) > 1000);
}

/// A folder of every kind of hostile file beside two good articles.
struct Hostile {
    dir: tempfile::TempDir,
    /// File names that must be refused, each with a word of the reason.
    bad: Vec<(String, &'static str)>,
    good: Vec<String>,
}

const GOOD: &str = "Harbour strike\n\nUnion Secretary Marta de Vries said on Monday \
    that the strike would go on. \"We will hold the line,\" said Marta de Vries.";

fn hostile_folder() -> Hostile {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path().join("lib");
    std::fs::create_dir(&root).expect("mkdir");
    let w = |name: &str, bytes: &[u8]| std::fs::write(root.join(name), bytes).expect("write");
    let mut bad = vec![
        ("empty.txt".to_string(), "no text"),
        ("blank.md".into(), "no text"),
        ("binary.txt".into(), "binary"),
        ("truncated.json".into(), "dossier/1"),
        ("wrong-schema.json".into(), "dossier/1"),
        ("huge.txt".into(), "limit"),
        ("markup.html".into(), "no text"),
        ("menus.html".into(), "no article text"),
    ];
    w(
        "markup.html",
        b"<html><body><div> </div><script>var x;</script></body></html>",
    );
    w(
        "menus.html",
        b"<html><body><nav><a href=/>Home</a> <a href=/w>World</a></nav></body></html>",
    );
    w("empty.txt", b"");
    w("blank.md", b" \n\t\n  ");
    w("binary.txt", b"\x7fELF\x02\x01\x01\0\0\0binary\0\0");
    let json = export_json();
    w("truncated.json", &json.as_bytes()[..json.len() / 2]);
    w(
        "wrong-schema.json",
        json.replace("dossier/1", "other/9").as_bytes(),
    );
    std::fs::File::create(root.join("huge.txt"))
        .and_then(|f| f.set_len(MAX_BYTES + 1))
        .expect("sparse");
    let mut good = vec!["a-good.txt".to_string(), "z-good.md".into()];
    w("a-good.txt", GOOD.as_bytes());
    w("z-good.md", format!("# {GOOD}").as_bytes());
    w(
        "latin1.txt",
        b"Caf\xe9 talks\n\nThe minister said the caf\xe9 would open.",
    );
    w("nested.html", hostile::nested_html(5_000).as_bytes());
    w("quotes.txt", hostile::unbalanced_quotes(500).as_bytes());
    good.extend(["latin1.txt", "nested.html", "quotes.txt"].map(String::from));
    #[cfg(unix)]
    {
        use std::os::unix::fs::{PermissionsExt, symlink};
        w("new\nline\u{1b}[2J.txt", b"\0binary\0");
        bad.push(("new\\nline.txt".into(), "binary"));
        symlink(&root, root.join("loop")).expect("link");
        symlink(root.join("nowhere.txt"), root.join("dangling.txt")).expect("link");
        bad.push(("dangling.txt".into(), "no such file"));
        w("locked.txt", GOOD.as_bytes());
        let locked = root.join("locked.txt");
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).expect("chmod");
        if std::fs::read(&locked).is_ok() {
            // running as root: it reads anything, so the file is good
            good.push("locked.txt".into());
        } else {
            bad.push(("locked.txt".into(), "permission denied"));
        }
    }
    good.sort();
    Hostile { dir, bad, good }
}

impl Hostile {
    fn root(&self) -> PathBuf {
        self.dir.path().join("lib")
    }
}

#[test]
fn export_of_a_hostile_folder_gives_one_line_per_bad_file_and_the_rest() {
    let h = hostile_folder();
    let cache = h.dir.path().join("cache");
    // twice: analysed fresh, then with the cache's verdicts
    for run in ["cold", "warm"] {
        let o = export(&h.root(), &cache);
        assert_eq!(o.status.code(), Some(1), "{run}");
        let err = String::from_utf8_lossy(&o.stderr);
        let lines: Vec<&str> = err.lines().collect();
        assert_eq!(lines.len(), h.bad.len(), "{run}: {err}");
        for (name, why) in &h.bad {
            let line = lines
                .iter()
                .find(|l| l.contains(&format!("/{name}:")))
                .unwrap_or_else(|| panic!("{run}: no line for {name}: {err}"));
            assert!(
                line.starts_with("dossier: ") && line.contains(why),
                "{line}"
            );
        }
        let out = String::from_utf8_lossy(&o.stdout);
        let sources: Vec<String> = out
            .lines()
            .map(|l| {
                let v: serde_json::Value = serde_json::from_str(l).expect("json line");
                let s = v["source"].as_str().expect("source");
                s.rsplit('/').next().unwrap_or(s).to_string()
            })
            .collect();
        assert_eq!(sources, h.good, "{run}");
    }
}

#[test]
fn the_library_lists_each_bad_file_with_its_reason() {
    let h = hostile_folder();
    let places = Places {
        cache: Some(h.dir.path().join("cache")),
        state: Some(h.dir.path().join("state")),
        watch: None,
    };
    for run in ["cold", "warm"] {
        let mut lib = Library::open(&h.root(), &places).expect("open");
        assert!(lib.wait_idle(Duration::from_secs(120)), "{run}");
        for (name, why) in &h.bad {
            let rel = name.replace("\\n", "\n");
            let e = lib
                .entries()
                .iter()
                .find(|e| e.listing.rel.replace("\u{1b}[2J", "") == rel)
                .unwrap_or_else(|| panic!("{run}: {name} not listed"));
            match &e.status {
                Status::Failed(reason) => {
                    assert!(reason.contains(why), "{run}: {name}: {reason}");
                    assert!(!reason.contains('\n'), "{reason:?}");
                }
                other => panic!("{run}: {name}: {other:?}"),
            }
        }
        let analysed: Vec<&str> = lib
            .entries()
            .iter()
            .filter(|e| matches!(e.status, Status::Analysed(_)))
            .map(|e| e.listing.rel.as_str())
            .collect();
        assert_eq!(analysed, h.good, "{run}");
        assert_eq!(lib.progress().done, lib.progress().total);
    }
}

#[cfg(unix)]
#[test]
fn symlink_loops_are_walked_once() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path().join("lib");
    std::fs::create_dir_all(root.join("a/b")).expect("mkdir");
    std::fs::write(root.join("a/b/story.txt"), GOOD).expect("write");
    symlink(&root, root.join("a/b/up")).expect("link");
    symlink(root.join("a"), root.join("a/b/again")).expect("link");
    symlink(root.join("self"), root.join("self")).expect("link");
    let o = export(&root, &dir.path().join("cache"));
    let out = String::from_utf8_lossy(&o.stdout);
    assert_eq!(out.lines().count(), 1, "{out}");
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.lines().count() <= 1, "{err}");
    if let Some(line) = err.lines().next() {
        assert!(line.contains("self"), "{line}");
    }
}

#[cfg(unix)]
#[test]
fn unreadable_files_and_folders_are_reported_and_skipped() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path().join("lib");
    std::fs::create_dir_all(root.join("closed")).expect("mkdir");
    std::fs::write(root.join("closed/inside.txt"), GOOD).expect("write");
    std::fs::write(root.join("locked.txt"), GOOD).expect("write");
    std::fs::write(root.join("open.txt"), GOOD).expect("write");
    let mode = |p: &Path, m: u32| {
        std::fs::set_permissions(p, std::fs::Permissions::from_mode(m)).expect("chmod")
    };
    mode(&root.join("closed"), 0o000);
    mode(&root.join("locked.txt"), 0o000);
    let privileged = std::fs::read(root.join("locked.txt")).is_ok();
    let o = export(&root, &dir.path().join("cache"));
    let lib = Library::open(&root, &Places::default()).map(|mut l| {
        l.wait_idle(Duration::from_secs(60));
        l.entries()
            .iter()
            .map(|e| (e.listing.rel.clone(), format!("{:?}", e.status)))
            .collect::<Vec<_>>()
    });
    mode(&root.join("closed"), 0o755);
    mode(&root.join("locked.txt"), 0o644);
    if privileged {
        // root reads anything: nothing to check beyond "no panic"
        assert_eq!(o.status.code(), Some(0));
        return;
    }
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(err.lines().count(), 2, "{err}");
    for name in ["closed", "locked.txt"] {
        assert!(
            err.lines()
                .any(|l| l.contains(name) && l.contains("permission denied")),
            "{name}: {err}"
        );
    }
    assert_eq!(String::from_utf8_lossy(&o.stdout).lines().count(), 1);
    let lib = lib.expect("library");
    assert_eq!(lib.len(), 3, "{lib:?}");
    assert!(
        lib.iter()
            .any(|(r, s)| r == "open.txt" && s.starts_with("Analysed"))
    );
    assert!(
        lib.iter()
            .filter(|(_, s)| s.contains("permission denied"))
            .count()
            == 2,
        "{lib:?}"
    );
}
