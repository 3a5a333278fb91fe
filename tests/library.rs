//! The library on real folders: the scan, the background analysis, the
//! cache (reuse, invalidation, corruption) and the watch. Every test works
//! in its own temporary folder, cache and state included.

use std::path::{Path, PathBuf};
use std::time::Duration;

use dossier::library::{ActorIndex, Library, Places, Status};

const WAIT: Duration = Duration::from_secs(60);

struct Fixture {
    _dir: tempfile::TempDir,
    root: PathBuf,
    places: Places,
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path().join("articles");
    std::fs::create_dir(&root).expect("mkdir");
    let places = Places {
        cache: Some(dir.path().join("cache")),
        state: Some(dir.path().join("state")),
        watch: None,
    };
    Fixture {
        _dir: dir,
        root,
        places,
    }
}

impl Fixture {
    fn write(&self, rel: &str, content: &[u8]) -> PathBuf {
        let p = self.root.join(rel);
        if let Some(d) = p.parent() {
            std::fs::create_dir_all(d).expect("mkdir");
        }
        std::fs::write(&p, content).expect("write");
        p
    }

    fn open(&self) -> Library {
        Library::open(&self.root, &self.places).expect("open library")
    }

    fn open_idle(&self) -> Library {
        let mut lib = self.open();
        assert!(lib.wait_idle(WAIT), "analysis did not finish");
        lib
    }

    fn cache_dir(&self) -> PathBuf {
        let base = self.places.cache.as_ref().expect("cache").join("library");
        let mut dirs: Vec<PathBuf> = std::fs::read_dir(&base)
            .expect("cache folder")
            .map(|e| e.expect("entry").path())
            .collect();
        assert_eq!(dirs.len(), 1, "{dirs:?}");
        dirs.remove(0)
    }
}

const HARBOUR: &str = "Harbour strike enters second week\n\n\
    ROTTERDAM, Union Secretary Marta de Vries said on Monday that the dock \
    workers would not return. \"We will hold the line,\" said Marta de Vries.\n\n\
    Mayor Tom Reed urged both sides to talk.\n";

const SENATE: &str = "# Senate passes budget\n\n\
    Senator Ana Ruiz said the budget protects schools. \"This is a fair deal,\" \
    Ana Ruiz told reporters.\n";

const DAM: &str = "<html><head><title>River dam talks resume</title></head><body>\
    <nav>Home | World | Sport</nav><article><h1>River dam talks resume</h1>\
    <p>Water Minister Leila Haddad said the talks would resume in May.</p>\
    <p>\"We want an agreement this year,\" said Leila Haddad.</p></article></body></html>";

fn status_of<'a>(lib: &'a Library, rel: &str) -> &'a Status {
    &lib.entries()
        .iter()
        .find(|e| e.listing.rel == rel)
        .unwrap_or_else(|| panic!("no entry {rel}"))
        .status
}

fn all_analysed(lib: &Library) -> bool {
    lib.entries()
        .iter()
        .all(|e| matches!(e.status, Status::Analysed(_)))
}

fn rels(lib: &Library) -> Vec<&str> {
    lib.entries()
        .iter()
        .map(|e| e.listing.rel.as_str())
        .collect()
}

#[test]
fn a_scan_finds_nested_mixed_articles_and_reports_the_bad_ones() {
    let f = fixture();
    f.write("harbour.txt", HARBOUR.as_bytes());
    f.write("2024/march/senate.md", SENATE.as_bytes());
    f.write("2024/dam.html", DAM.as_bytes());
    f.write("notes", b"Short note\n\nThe minister spoke briefly.\n");
    f.write("photo.png", b"\x89PNG\r\n\x1a\n\0\0\0");
    f.write("garbled.txt", b"\0\x01\x02\x03binary\0\0\xff\xfe\0\x07");
    f.write(".hidden.txt", b"Hidden\n\nNot listed.");
    f.write(".git/config.txt", b"Not an article\n\nHidden folder.");
    let locked = f.write("locked.txt", b"Locked\n\nNobody may read this.");
    lock(&locked);
    let privileged = std::fs::read(&locked).is_ok();

    let lib = f.open_idle();
    assert_eq!(
        rels(&lib),
        [
            "2024/dam.html",
            "2024/march/senate.md",
            "garbled.txt",
            "harbour.txt",
            "locked.txt",
            "notes"
        ]
    );
    for ok in [
        "2024/dam.html",
        "2024/march/senate.md",
        "harbour.txt",
        "notes",
    ] {
        assert!(
            matches!(status_of(&lib, ok), Status::Analysed(_)),
            "{ok}: {:?}",
            status_of(&lib, ok)
        );
    }
    let Status::Analysed(senate) = status_of(&lib, "2024/march/senate.md") else {
        unreachable!()
    };
    assert!(
        senate.title.contains("Senate passes budget"),
        "{}",
        senate.title
    );
    match status_of(&lib, "garbled.txt") {
        Status::Failed(why) => assert!(why.contains("binary"), "{why}"),
        other => panic!("binary file: {other:?}"),
    }
    // root reads anything: the permission check only holds for other users
    if !privileged {
        match status_of(&lib, "locked.txt") {
            Status::Failed(why) => assert!(why.contains("permission denied"), "{why}"),
            other => panic!("unreadable file: {other:?}"),
        }
    }
    assert_eq!(lib.progress().done, lib.progress().total);
}

#[cfg(unix)]
fn lock(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o000)).expect("chmod");
}

#[cfg(not(unix))]
fn lock(_: &Path) {}

#[cfg(unix)]
#[test]
fn an_unreadable_folder_is_a_row_and_the_scan_goes_on() {
    use std::os::unix::fs::PermissionsExt;
    let f = fixture();
    f.write("a.txt", HARBOUR.as_bytes());
    f.write("closed/b.txt", SENATE.as_bytes());
    f.write("z.txt", SENATE.as_bytes());
    let closed = f.root.join("closed");
    std::fs::set_permissions(&closed, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    let privileged = std::fs::read_dir(&closed).is_ok();
    let lib = f.open_idle();
    std::fs::set_permissions(&closed, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    if privileged {
        return;
    }
    assert_eq!(rels(&lib), ["a.txt", "closed/", "z.txt"]);
    match status_of(&lib, "closed/") {
        Status::Failed(why) => assert!(why.contains("permission denied"), "{why}"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_reopened_library_comes_from_the_cache_and_only_changes_are_analysed() {
    let f = fixture();
    f.write("harbour.txt", HARBOUR.as_bytes());
    f.write("senate.md", SENATE.as_bytes());
    f.write("dam.html", DAM.as_bytes());
    let dam = f.write("harbour2.txt", HARBOUR.as_bytes());
    let first: Vec<Status> = {
        let lib = f.open_idle();
        assert!(all_analysed(&lib));
        lib.entries().iter().map(|e| e.status.clone()).collect()
    };

    // warm: everything is there before any result comes in
    let lib = f.open();
    assert!(all_analysed(&lib), "cache not used");
    for (a, b) in lib.entries().iter().zip(&first) {
        match (&a.status, b) {
            (Status::Analysed(x), Status::Analysed(y)) => assert_eq!(x, y),
            other => panic!("{other:?}"),
        }
    }
    drop(lib);

    // a changed file (new content) is analysed again, the others are not
    std::fs::write(&dam, HARBOUR.replace("second week", "third week")).expect("rewrite");
    let mut lib = f.open();
    assert!(matches!(status_of(&lib, "harbour2.txt"), Status::Pending));
    assert!(matches!(status_of(&lib, "senate.md"), Status::Analysed(_)));
    assert!(matches!(status_of(&lib, "dam.html"), Status::Analysed(_)));
    assert!(lib.wait_idle(WAIT));
    let Status::Analysed(d) = status_of(&lib, "harbour2.txt") else {
        panic!("changed file not analysed")
    };
    assert_eq!(d.title, "Harbour strike enters third week");
    drop(lib);

    // a touched file (same size, new time) is analysed again too
    let later = std::time::SystemTime::now() + Duration::from_secs(5);
    std::fs::File::options()
        .write(true)
        .open(&dam)
        .and_then(|file| file.set_modified(later))
        .expect("touch");
    let lib = f.open();
    assert!(matches!(status_of(&lib, "harbour2.txt"), Status::Pending));
    assert!(matches!(
        status_of(&lib, "harbour.txt"),
        Status::Analysed(_)
    ));
}

#[test]
fn a_corrupt_or_foreign_cache_is_rebuilt_not_trusted() {
    let f = fixture();
    f.write("harbour.txt", HARBOUR.as_bytes());
    f.write("senate.md", SENATE.as_bytes());
    drop(f.open_idle());
    let cache = f.cache_dir();
    let index = cache.join("index");
    let good = std::fs::read(&index).expect("index");

    // garbage in place of the index
    std::fs::write(&index, b"not a cache at all").expect("write");
    let mut lib = f.open();
    assert!(!all_analysed(&lib));
    assert!(lib.wait_idle(WAIT));
    assert!(all_analysed(&lib));
    drop(lib);
    assert!(all_analysed(&f.open()), "rebuilt index is used");

    // a flipped byte inside the index payload
    let mut bad = std::fs::read(&index).expect("index");
    let last = bad.len() - 3;
    bad[last] ^= 0x55;
    std::fs::write(&index, &bad).expect("write");
    assert!(!all_analysed(&f.open()));

    // another dossier's index (another fingerprint) is foreign
    let mut foreign = good.clone();
    foreign[20] ^= 0xff;
    std::fs::write(&index, &foreign).expect("write");
    let mut lib = f.open();
    assert!(!all_analysed(&lib));
    assert!(lib.wait_idle(WAIT));
    drop(lib);

    // a damaged segment: its results are misses, the index stays usable
    for e in std::fs::read_dir(&cache).expect("cache") {
        let p = e.expect("entry").path();
        if p.file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with("seg-"))
        {
            let mut bytes = std::fs::read(&p).expect("segment");
            for b in bytes.iter_mut().skip(8).step_by(7) {
                *b ^= 0xa5;
            }
            std::fs::write(&p, bytes).expect("write");
        }
    }
    let mut lib = f.open();
    assert!(!all_analysed(&lib));
    assert!(lib.wait_idle(WAIT));
    assert!(all_analysed(&lib));
    // and a damaged article is read again from its file
    let a = lib.article(0).expect("article");
    assert!(!a.paragraphs.is_empty());
}

#[test]
fn an_open_article_comes_whole_with_its_source_path() {
    let f = fixture();
    f.write("sub/harbour.txt", HARBOUR.as_bytes());
    drop(f.open_idle());
    let lib = f.open();
    let a = lib.article(0).expect("article");
    assert_eq!(a.title, "Harbour strike enters second week");
    assert!(
        a.source.ends_with("articles/sub/harbour.txt"),
        "{}",
        a.source
    );
    assert_eq!(
        a,
        dossier::load(&f.root.join("sub/harbour.txt")).expect("load")
    );
}

#[test]
fn files_added_changed_or_removed_while_open_show_after_a_rescan() {
    let f = fixture();
    f.write("harbour.txt", HARBOUR.as_bytes());
    let senate = f.write("senate.md", SENATE.as_bytes());
    let mut lib = f.open_idle();
    let before = lib.generation();

    f.write("new/dam.html", DAM.as_bytes());
    std::fs::remove_file(&senate).expect("remove");
    lib.rescan();
    assert!(lib.wait_idle(WAIT));
    // the Idle of the rescan may come after the first wait; wait for the
    // new file's analysis (a debug build on a loaded machine is slow)
    let deadline = std::time::Instant::now() + WAIT;
    while std::time::Instant::now() < deadline {
        if lib
            .entries()
            .iter()
            .any(|e| e.listing.rel == "new/dam.html")
            && matches!(status_of(&lib, "new/dam.html"), Status::Analysed(_))
        {
            break;
        }
        lib.wait_idle(Duration::from_millis(100));
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(lib.generation() > before);
    assert!(matches!(
        status_of(&lib, "new/dam.html"),
        Status::Analysed(_)
    ));
    let removed = lib
        .entries()
        .iter()
        .find(|e| e.listing.rel == "senate.md")
        .expect("entry kept");
    assert!(removed.removed);
    assert_eq!(lib.progress().total, 2);
}

#[test]
fn the_terminal_coming_back_into_focus_looks_at_the_folder_again() {
    use dossier::tui::input::Input;
    use dossier::tui::{Action, App, Settings, action_for};
    let f = fixture();
    f.write("harbour.txt", HARBOUR.as_bytes());
    let lib = f.open_idle();
    let positions = dossier::tui::state::Positions::in_memory();
    let mut app = App::with_library(lib, Vec::new(), 100, 20, Settings::default(), positions);
    f.write("dam.html", DAM.as_bytes());
    // losing focus asks nothing; gaining it asks for a rescan
    assert_eq!(action_for(&app, &Input::Focus(false)), None);
    let action = action_for(&app, &Input::Focus(true));
    assert_eq!(action, Some(Action::Rescan));
    app.update(Action::Rescan);
    let listed = |app: &App| {
        let shelf = app.shelf.as_deref().expect("a library");
        shelf.list.rows().len()
    };
    let deadline = std::time::Instant::now() + WAIT;
    while listed(&app) < 2 && std::time::Instant::now() < deadline {
        app.tick();
        std::thread::sleep(Duration::from_millis(20));
    }
    assert_eq!(listed(&app), 2);
}

#[test]
fn the_watch_picks_up_a_new_file_without_being_asked() {
    let f = fixture();
    f.write("harbour.txt", HARBOUR.as_bytes());
    let places = Places {
        watch: Some(Duration::from_millis(20)),
        ..f.places.clone()
    };
    let mut lib = Library::open(&f.root, &places).expect("open");
    assert!(lib.wait_idle(WAIT));
    f.write("later/senate.md", SENATE.as_bytes());
    let deadline = std::time::Instant::now() + WAIT;
    let shown = |lib: &Library| {
        lib.entries()
            .iter()
            .any(|e| e.listing.rel == "later/senate.md" && matches!(e.status, Status::Analysed(_)))
    };
    while !shown(&lib) && std::time::Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(10));
        lib.poll();
    }
    assert!(shown(&lib), "{:?}", rels(&lib));
}

#[test]
fn read_marks_survive_a_reopen_until_the_file_changes() {
    let f = fixture();
    let harbour = f.write("harbour.txt", HARBOUR.as_bytes());
    f.write("senate.md", SENATE.as_bytes());
    {
        let mut lib = f.open_idle();
        lib.set_read(0, true);
    }
    let lib = f.open();
    assert!(lib.entries()[0].read);
    assert!(!lib.entries()[1].read);
    drop(lib);
    std::fs::write(&harbour, format!("{HARBOUR}\nUpdated.\n")).expect("write");
    assert!(!f.open().entries()[0].read);
}

#[test]
fn the_bundled_articles_make_a_library_with_actors_across_it() {
    let f = fixture();
    let bundled = Path::new(env!("CARGO_MANIFEST_DIR")).join("articles");
    let places = Places {
        watch: None,
        ..f.places.clone()
    };
    let mut lib = Library::open(&bundled, &places).expect("open");
    assert!(lib.wait_idle(WAIT));
    assert_eq!(lib.progress().total, 4);
    assert!(all_analysed(&lib));
    let index = ActorIndex::build(&lib);
    assert!(!index.actors.is_empty());
    for a in &index.actors {
        assert!(a.articles >= 1 && a.articles <= 4, "{a:?}");
        let t = index.timeline(&lib, index.actors.iter().position(|x| x == a).unwrap_or(0));
        assert_eq!(t.len(), a.articles, "{}", a.name);
    }
}

fn dossier(args: &[&str], cache: &Path) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(args)
        .env("XDG_CACHE_HOME", cache)
        .output()
        .expect("run dossier")
}

#[test]
fn export_of_a_folder_goes_through_the_cache_and_reports_bad_files() {
    let f = fixture();
    f.write("a/harbour.txt", HARBOUR.as_bytes());
    f.write("b-garbled.txt", b"\0\x01\x02binary\0\0\x07");
    f.write("c/senate.md", SENATE.as_bytes());
    let xdg = f.places.cache.clone().expect("cache").join("xdg");
    let root = f.root.to_string_lossy().into_owned();
    let cold = dossier(&["export", &root, "--format", "jsonl"], &xdg);
    assert_eq!(cold.status.code(), Some(1));
    let err = String::from_utf8_lossy(&cold.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("b-garbled.txt") && err.contains("binary"),
        "{err}"
    );
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&cold.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("json line"))
        .collect();
    assert_eq!(lines.len(), 2);
    assert!(
        lines[0]["source"]
            .as_str()
            .is_some_and(|s| s.ends_with("a/harbour.txt"))
    );
    let written = std::fs::read_dir(xdg.join("dossier/library"))
        .expect("cache folder")
        .filter_map(|e| e.ok())
        .any(|e| e.path().join("index").is_file());
    assert!(written, "cache written");

    let warm = dossier(&["export", &root, "--format", "jsonl"], &xdg);
    assert_eq!(warm.stdout, cold.stdout, "the cache gives the same export");
    assert_eq!(warm.stderr, cold.stderr);

    // the folder named another way: same cache, sources as named now
    let other = format!("{root}/.");
    let renamed = dossier(&["export", &other, "--format", "jsonl"], &xdg);
    let first: serde_json::Value = serde_json::from_str(
        String::from_utf8_lossy(&renamed.stdout)
            .lines()
            .next()
            .expect("a line"),
    )
    .expect("json");
    let source = first["source"].as_str().unwrap_or_default();
    assert!(source.ends_with("/./a/harbour.txt"), "{source}");
    let mut expected = lines[0].clone();
    expected["source"] = first["source"].clone();
    assert_eq!(first, expected);
}
