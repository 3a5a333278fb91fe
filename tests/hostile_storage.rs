//! The user's files when things go wrong: a corrupt cache index or segment
//! is moved aside with a message and rebuilt; a corrupt reading-positions
//! file likewise; a cache or state folder that cannot be written (read-only,
//! or a path through a regular file, as a full or broken disk behaves)
//! gives one message and dossier goes on without saving.
//!
//! Permission tests skip their permission assertions when run as root,
//! which can write anywhere.

#[path = "common/export_run.rs"]
mod export_run;
use export_run::export;

use std::path::{Path, PathBuf};
use std::time::Duration;

use dossier::library::{Library, Places, Status};
use dossier::tui::state::{Positions, Saved};

const WAIT: Duration = Duration::from_secs(60);

const HARBOUR: &str = "Harbour strike enters second week\n\n\
    ROTTERDAM, Union Secretary Marta de Vries said on Monday that the dock \
    workers would not return. \"We will hold the line,\" said Marta de Vries.\n";

const SENATE: &str = "# Senate passes budget\n\n\
    Senator Ana Ruiz said the budget protects schools. \"This is a fair deal,\" \
    Ana Ruiz told reporters.\n";

struct Folder {
    dir: tempfile::TempDir,
}

impl Folder {
    fn new() -> Folder {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path().join("lib");
        std::fs::create_dir(&root).expect("mkdir");
        std::fs::write(root.join("harbour.txt"), HARBOUR).expect("write");
        std::fs::write(root.join("senate.md"), SENATE).expect("write");
        Folder { dir }
    }

    fn root(&self) -> PathBuf {
        self.dir.path().join("lib")
    }

    fn places(&self, cache: PathBuf) -> Places {
        Places {
            cache: Some(cache),
            state: Some(self.dir.path().join("state")),
            watch: None,
        }
    }

    fn open(&self, cache: PathBuf) -> (Library, Vec<String>) {
        let mut lib = Library::open(&self.root(), &self.places(cache)).expect("open");
        assert!(lib.wait_idle(WAIT), "analysis did not finish");
        let notices = lib.notices();
        (lib, notices)
    }

    /// The one folder of this library's cache.
    fn cache_folder(&self, cache: &Path) -> PathBuf {
        let mut dirs: Vec<PathBuf> = std::fs::read_dir(cache.join("library"))
            .expect("cache folder")
            .map(|e| e.expect("entry").path())
            .collect();
        assert_eq!(dirs.len(), 1, "{dirs:?}");
        dirs.remove(0)
    }
}

fn all_analysed(lib: &Library) -> bool {
    lib.entries().len() == 2
        && lib
            .entries()
            .iter()
            .all(|e| matches!(e.status, Status::Analysed(_)))
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_corrupt_cache_index_is_moved_aside_with_a_message_and_rebuilt() {
    let f = Folder::new();
    let cache = f.dir.path().join("cache");
    let (lib, notices) = f.open(cache.clone());
    assert!(all_analysed(&lib) && notices.is_empty(), "{notices:?}");
    drop(lib);
    let folder = f.cache_folder(&cache);
    let index = folder.join("index");
    let good = std::fs::read(&index).expect("index");

    let mut flipped = good.clone();
    let last = flipped.len() - 2;
    flipped[last] ^= 0x5a;
    for damaged in [
        b"garbage, not an index".to_vec(),
        flipped,
        good[..10].to_vec(),
    ] {
        std::fs::write(&index, &damaged).expect("write");
        let (lib, notices) = f.open(cache.clone());
        assert!(all_analysed(&lib));
        assert_eq!(notices.len(), 1, "{notices:?}");
        let n = &notices[0];
        assert!(n.contains("damaged") && n.contains("index.corrupt"), "{n}");
        assert!(!n.contains('\n'));
        assert_eq!(
            std::fs::read(folder.join("index.corrupt")).expect("moved aside"),
            damaged
        );
        drop(lib);
        // rebuilt: the next open takes everything from the cache, quietly
        let mut again = Library::open(&f.root(), &f.places(cache.clone())).expect("open");
        assert!(all_analysed(&again), "served from the rebuilt cache");
        assert!(again.notices().is_empty());
    }

    // an index from another build is replaced without a word
    let mut foreign = std::fs::read(&index).expect("index");
    foreign[20] ^= 0xff;
    std::fs::write(&index, &foreign).expect("write");
    std::fs::remove_file(folder.join("index.corrupt")).expect("rm");
    let (lib, notices) = f.open(cache.clone());
    assert!(all_analysed(&lib));
    assert!(notices.is_empty(), "{notices:?}");
    assert!(!folder.join("index.corrupt").exists());
}

#[test]
fn a_corrupt_cache_segment_is_moved_aside_with_a_message() {
    let f = Folder::new();
    let cache = f.dir.path().join("cache");
    drop(f.open(cache.clone()));
    let folder = f.cache_folder(&cache);
    let segments: Vec<String> = names_in(&folder)
        .into_iter()
        .filter(|n| n.starts_with("seg-"))
        .collect();
    assert_eq!(segments.len(), 1, "{segments:?}");
    let seg = folder.join(&segments[0]);
    let mut bytes = std::fs::read(&seg).expect("segment");
    bytes[10] ^= 0xff;
    std::fs::write(&seg, bytes).expect("write");

    let (lib, notices) = f.open(cache.clone());
    assert!(all_analysed(&lib), "analysed again from the files");
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert!(notices[0].contains(&segments[0]) && notices[0].contains(".corrupt"));
    assert!(folder.join(format!("{}.corrupt", segments[0])).exists());
    drop(lib);
    let (lib, notices) = f.open(cache);
    assert!(all_analysed(&lib) && notices.is_empty(), "{notices:?}");
}

#[test]
fn export_says_when_it_moves_a_corrupt_cache_aside_and_still_exports() {
    let f = Folder::new();
    let xdg = f.dir.path().join("xdg");
    let first = export(&f.root(), &xdg);
    assert_eq!(first.status.code(), Some(0));
    assert!(first.stderr.is_empty());
    let folder = f.cache_folder(&xdg.join("dossier"));
    std::fs::write(folder.join("index"), b"\0\0\0 scribbled over").expect("write");
    let o = export(&f.root(), &xdg);
    assert_eq!(o.status.code(), Some(0), "a damaged cache is no failure");
    assert_eq!(o.stdout, first.stdout);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with("dossier: ") && err.contains("index.corrupt"),
        "{err}"
    );
    // rebuilt: quiet again
    assert!(export(&f.root(), &xdg).stderr.is_empty());
}

/// A cache root below a regular file: every write fails, as on a broken
/// or full disk, whoever runs the test.
#[test]
fn a_cache_that_cannot_be_written_gives_one_message_and_export_goes_on() {
    let f = Folder::new();
    let blocker = f.dir.path().join("not-a-folder");
    std::fs::write(&blocker, b"a file").expect("write");
    let o = export(&f.root(), &blocker);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&o.stdout).lines().count(), 2);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("not cached"), "{err}");

    // the library: results in memory, one message, nothing lost
    let (lib, notices) = f.open(blocker.join("cache"));
    assert!(all_analysed(&lib));
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert!(notices[0].contains("not cached"), "{notices:?}");
    let article = lib.article(0).expect("article from the file");
    assert!(!article.paragraphs.is_empty());
}

#[cfg(unix)]
#[test]
fn a_read_only_cache_folder_gives_a_message_and_export_goes_on() {
    use std::os::unix::fs::PermissionsExt;
    let f = Folder::new();
    let xdg = f.dir.path().join("xdg");
    std::fs::create_dir(&xdg).expect("mkdir");
    std::fs::set_permissions(&xdg, std::fs::Permissions::from_mode(0o555)).expect("chmod");
    let privileged = std::fs::write(xdg.join("probe"), b"").is_ok();
    let o = export(&f.root(), &xdg);
    std::fs::set_permissions(&xdg, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&o.stdout).lines().count(), 2);
    if privileged {
        return;
    }
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("permission denied") && err.contains("not cached"),
        "{err}"
    );
}

fn saved(paragraph: usize) -> Saved {
    Saved {
        paragraph,
        offset: 0,
        current: None,
        seen: 0,
    }
}

#[test]
fn corrupt_reading_positions_are_moved_aside_and_started_afresh() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("positions.json");
    for damaged in [
        &b"{\"version\": 1, \"articles\": {\"/a\": {\"par"[..],
        b"\0\xff\xfe",
        b"[]",
    ] {
        std::fs::write(&file, damaged).expect("write");
        let (mut p, message) = Positions::load(file.clone());
        let message = message.expect("a message");
        assert!(
            message.contains("corrupt") && message.contains(".corrupt"),
            "{message}"
        );
        assert!(!message.contains('\n'));
        assert_eq!(
            std::fs::read(dir.path().join("positions.json.corrupt")).expect("aside"),
            damaged
        );
        p.set("/a".into(), saved(3));
        p.save().expect("rebuilt");
        let (back, message) = Positions::load(file.clone());
        assert!(message.is_none());
        assert_eq!(back.get("/a").map(|s| s.paragraph), Some(3));
    }
}

/// A state folder that cannot be written: the reader keeps its positions
/// for the session and says once that they are not saved.
#[test]
fn positions_that_cannot_be_saved_are_a_message_and_kept_in_memory() {
    let dir = tempfile::tempdir().expect("tempdir");
    let blocker = dir.path().join("file");
    std::fs::write(&blocker, b"a file").expect("write");
    let (mut p, message) = Positions::load(blocker.join("dossier/positions.json"));
    // a path through a file is not "no positions yet": it is said
    assert!(message.is_some_and(|m| !m.contains('\n')));
    p.set("/a".into(), saved(5));
    let err = p.save().expect_err("cannot save");
    assert!(err.contains("not saved") && !err.contains('\n'), "{err}");
    assert_eq!(p.get("/a").map(|s| s.paragraph), Some(5));
}

#[cfg(unix)]
#[test]
fn a_read_only_state_folder_keeps_the_old_positions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let state = dir.path().join("state");
    let file = state.join("positions.json");
    let (mut p, _) = Positions::load(file.clone());
    p.set("/a".into(), saved(1));
    p.save().expect("first save");
    let before = std::fs::read(&file).expect("saved");
    std::fs::set_permissions(&state, std::fs::Permissions::from_mode(0o555)).expect("chmod");
    let privileged = std::fs::write(state.join("probe"), b"").is_ok();
    p.set("/a".into(), saved(9));
    let result = p.save();
    std::fs::set_permissions(&state, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    if privileged {
        return;
    }
    let err = result.expect_err("read-only");
    assert!(
        err.contains("permission denied") && err.contains("not saved"),
        "{err}"
    );
    assert_eq!(std::fs::read(&file).expect("old file"), before, "untouched");
    assert_eq!(names_in(&state), ["positions.json"], "no temporary left");
}

#[test]
fn an_atomic_write_that_fails_leaves_no_partial_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let target = dir.path().join("config.toml");
    dossier::storage::atomic_write(&target, b"old = 1\n").expect("write");
    // the target's folder is a file: the write cannot start
    let blocked = target.join("inner.toml");
    assert!(dossier::storage::atomic_write(&blocked, b"new").is_err());
    assert_eq!(std::fs::read(&target).expect("read"), b"old = 1\n");
    assert_eq!(names_in(dir.path()), ["config.toml"]);
}

#[test]
fn corrupt_read_marks_are_moved_aside_and_started_afresh() {
    let f = Folder::new();
    let cache = f.dir.path().join("cache");
    let (mut lib, _) = f.open(cache.clone());
    lib.set_read(0, true);
    assert!(lib.notices().is_empty());
    drop(lib);
    let marks_dir = f.dir.path().join("state/library");
    let names = names_in(&marks_dir);
    assert_eq!(names.len(), 1, "{names:?}");
    let marks = marks_dir.join(&names[0]);
    std::fs::write(&marks, b"{\"root\": \"/x\", \"read\": {\"a\": ").expect("write");
    let (mut lib, notices) = f.open(cache);
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert!(notices[0].contains("corrupt") && notices[0].contains(".corrupt"));
    assert!(lib.entries().iter().all(|e| !e.read), "started afresh");
    lib.set_read(1, true);
    assert!(lib.notices().is_empty());
    assert!(
        std::fs::read(&marks).is_ok_and(|b| b.starts_with(b"{")),
        "rebuilt"
    );
}

#[test]
fn read_marks_that_cannot_be_saved_are_one_message_and_kept_for_the_session() {
    let f = Folder::new();
    let blocker = f.dir.path().join("state-file");
    std::fs::write(&blocker, b"a file").expect("write");
    let places = Places {
        cache: None,
        state: Some(blocker.join("state")),
        watch: None,
    };
    let mut lib = Library::open(&f.root(), &places).expect("open");
    assert!(lib.wait_idle(WAIT));
    lib.set_read(0, true);
    lib.set_read(1, true);
    let notices = lib.notices();
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert!(notices[0].contains("not saved"), "{notices:?}");
    assert!(lib.entries().iter().all(|e| e.read));
}

#[test]
fn the_library_page_shows_a_damaged_cache_on_its_status_line() {
    use dossier::tui::library_view::LibraryScreen;
    use dossier::tui::shelf::Shelf;
    let f = Folder::new();
    let cache = f.dir.path().join("cache");
    drop(f.open(cache.clone()));
    let index = f.cache_folder(&cache).join("index");
    std::fs::write(&index, b"garbage, not an index").expect("write");

    let mut lib = Library::open(&f.root(), &f.places(cache)).expect("open");
    assert!(lib.wait_idle(WAIT), "analysis did not finish");
    let list = LibraryScreen::new(&lib, 100, 30);
    let mut shelf = Shelf::new(lib, list);
    assert!(shelf.take_results(), "the notice is a change to draw");
    let shown = shelf.list.message.clone().expect("a message on the list");
    assert!(shown.contains("index.corrupt"), "{shown}");
    // said once
    shelf.list.message = None;
    shelf.take_results();
    assert_eq!(shelf.list.message, None);
}
