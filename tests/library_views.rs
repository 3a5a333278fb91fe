//! The library screen and the actors-across-library screen drawn into
//! ratatui's `TestBackend`, driven by actions as a user would. The library
//! is built from digests written here (not analysed), so that the
//! snapshots change only when the screens do.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use dossier::library::digest::{DigestActor, DigestPosition, DigestQuote};
use dossier::library::read::ReadMarks;
use dossier::library::{Digest, Library, Listing, Status, dates};
use dossier::model::{ActorKind, Polarity, QuoteKind};
use dossier::tui::actors_view::{self, ActorsAction, ActorsOutcome, ActorsScreen, Pane, Scope};
use dossier::tui::library_view::{self, LibraryAction, LibraryOutcome, LibraryScreen, Sort};
use dossier::tui::list_keys::{Edit, Nav};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn listing(rel: &str, day: u32) -> Listing {
    Listing {
        path: PathBuf::from("library").join(rel),
        rel: rel.into(),
        size: 1000,
        // a fixed file time: 2024-01-01 plus `day` days
        mtime_ns: (1_704_067_200 + i64::from(day) * 86_400) * 1_000_000_000,
        problem: None,
    }
}

fn actor(
    name: &str,
    kind: ActorKind,
    title: Option<&str>,
    affiliation: Option<u32>,
) -> DigestActor {
    DigestActor {
        name: name.into(),
        kind,
        aliases: Vec::new(),
        title: title.map(str::to_string),
        affiliation,
        mentions: 2,
    }
}

fn quote(speaker: u32, text: &str, paragraph: u32) -> DigestQuote {
    DigestQuote {
        speaker: Some(speaker),
        text: text.into(),
        kind: QuoteKind::Direct,
        paragraph,
    }
}

fn position(actor: u32, stance: &str, summary: &str, paragraph: u32) -> DigestPosition {
    DigestPosition {
        actor: Some(actor),
        stance: stance.into(),
        summary: summary.into(),
        polarity: Polarity::Negative,
        paragraph,
    }
}

fn digest(title: &str, date: Option<&str>, actors: Vec<DigestActor>) -> Digest {
    Digest {
        title: title.into(),
        date: date.map(str::to_string),
        day: date.and_then(dates::parse),
        dateline: None,
        paragraphs: 8,
        actors,
        quotes: Vec::new(),
        positions: Vec::new(),
    }
}

/// A small library: three analysed articles that share actors, one still
/// being analysed, one that failed.
fn library() -> Library {
    let mut strike = digest(
        "Harbour strike enters its second week",
        Some("March 3, 2024"),
        vec![
            actor(
                "Marta de Vries",
                ActorKind::Person,
                Some("Union Secretary"),
                Some(1),
            ),
            actor("Dock Workers Union", ActorKind::Organization, None, None),
            actor("Tom Reed", ActorKind::Person, Some("Mayor"), None),
        ],
    );
    strike.quotes = vec![
        quote(0, "We will hold the line until the offer changes.", 1),
        quote(2, "Both sides must come back to the table.", 4),
    ];
    strike.positions = vec![position(0, "rejects", "the port's wage offer", 1)];
    let mut deal = digest(
        "Port and union reach a deal",
        Some("2024-03-19"),
        vec![
            actor("Marta De Vries", ActorKind::Person, None, Some(1)),
            actor("Dock Workers' Union", ActorKind::Organization, None, None),
        ],
    );
    deal.quotes = vec![quote(0, "This deal keeps every job in the port.", 2)];
    let mut budget = digest(
        "Council passes the harbour budget",
        None,
        vec![
            actor("Tom Reed", ActorKind::Person, Some("Mayor"), None),
            actor("Anna Reed", ActorKind::Person, Some("Councillor"), None),
        ],
    );
    budget.quotes = vec![quote(1, "The budget leaves the docks short.", 3)];
    let entries = vec![
        (
            listing("2024/strike.txt", 62),
            Status::Analysed(Arc::new(strike)),
        ),
        (
            listing("2024/deal.md", 79),
            Status::Analysed(Arc::new(deal)),
        ),
        (
            listing("council-budget.html", 40),
            Status::Analysed(Arc::new(budget)),
        ),
        (listing("inbox/ferry-fares.txt", 90), Status::Pending),
        (
            listing("scan.txt", 10),
            Status::Failed("looks like a binary file, not an article".into()),
        ),
    ];
    Library::from_entries(Path::new("library"), entries, ReadMarks::default())
}

fn draw(width: u16, height: u16, f: impl FnOnce(&mut ratatui::Frame)) -> String {
    let mut t = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    t.draw(f).expect("draw");
    let buf = t.backend().buffer().clone();
    let mut out = String::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            out.push_str(buf[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

fn library_screen(screen: &LibraryScreen, lib: &Library) -> String {
    draw(screen.width, screen.height, |f| {
        library_view::view(screen, lib, f)
    })
}

fn actors_screen(screen: &ActorsScreen, lib: &Library) -> String {
    draw(screen.width, screen.height, |f| {
        actors_view::view(screen, lib, f)
    })
}

fn titles(screen: &LibraryScreen, lib: &Library) -> Vec<String> {
    screen
        .rows()
        .iter()
        .map(|&i| lib.entries()[i].title().to_string())
        .collect()
}

#[test]
fn library_screen_at_100x12() {
    let lib = library();
    let screen = LibraryScreen::new(&lib, 100, 12);
    insta::assert_snapshot!(library_screen(&screen, &lib));
}

#[test]
fn library_screen_narrow_at_50x10() {
    let lib = library();
    let screen = LibraryScreen::new(&lib, 50, 10);
    insta::assert_snapshot!(library_screen(&screen, &lib));
}

#[test]
fn rows_sort_by_date_title_and_unread() {
    let mut lib = library();
    let mut screen = LibraryScreen::new(&lib, 100, 12);
    assert_eq!(
        titles(&screen, &lib)[..3],
        [
            "ferry-fares.txt",
            "Port and union reach a deal",
            "Harbour strike enters its second week"
        ]
    );
    screen.update(&mut lib, LibraryAction::CycleSort);
    assert_eq!(screen.sort, Sort::Title);
    assert_eq!(
        titles(&screen, &lib)[0],
        "Council passes the harbour budget"
    );
    screen.update(&mut lib, LibraryAction::CycleSort);
    assert_eq!(screen.sort, Sort::Unread);
    screen.update(&mut lib, LibraryAction::Nav(Nav::Bottom));
    let last = screen.selected_entry().expect("selection");
    screen.update(&mut lib, LibraryAction::Nav(Nav::Top));
    let first = screen.selected_entry().expect("selection");
    lib.set_read(first, true);
    screen.refresh(&lib);
    // the entry read moves down among the read ones, selection follows it
    assert_eq!(screen.selected_entry(), Some(first));
    assert_eq!(*screen.rows().last().expect("rows"), first);
    assert_ne!(first, last);
}

#[test]
fn typing_filters_fuzzily_and_the_filter_and_selection_survive_a_return() {
    let mut lib = library();
    let mut screen = LibraryScreen::new(&lib, 100, 12);
    screen.update(&mut lib, LibraryAction::Filter(Edit::Start));
    for c in "vries".chars() {
        screen.update(&mut lib, LibraryAction::Filter(Edit::Type(c)));
    }
    let found = titles(&screen, &lib);
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(
        found
            .iter()
            .all(|t| t.contains("strike") || t.contains("deal"))
    );
    // fuzzy: letters in order, gaps allowed; over file names too
    screen.update(&mut lib, LibraryAction::Filter(Edit::Clear));
    for c in "/inbxfery".chars() {
        let action = if c == '/' {
            LibraryAction::Filter(Edit::Start)
        } else {
            LibraryAction::Filter(Edit::Type(c))
        };
        screen.update(&mut lib, action);
    }
    assert_eq!(titles(&screen, &lib), ["ferry-fares.txt"]);
    screen.update(&mut lib, LibraryAction::Filter(Edit::Clear));
    for c in "reed".chars() {
        screen.update(&mut lib, LibraryAction::Filter(Edit::Type(c)));
    }
    screen.update(&mut lib, LibraryAction::Filter(Edit::Accept));
    screen.update(&mut lib, LibraryAction::Nav(Nav::Down(1)));
    let chosen = screen.selected_entry();
    let outcome = screen.update(&mut lib, LibraryAction::Open);
    assert_eq!(
        outcome,
        LibraryOutcome::Open {
            entry: chosen.expect("a row")
        }
    );
    // back from the reader: the same screen state, the row now read
    screen.refresh(&lib);
    assert_eq!(screen.filter.text, "reed");
    assert_eq!(screen.selected_entry(), chosen);
    assert!(lib.entries()[chosen.expect("row")].read);
    insta::assert_snapshot!(library_screen(&screen, &lib));
}

#[test]
fn keys_map_to_actions_by_mode() {
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let mut lib = library();
    let mut screen = LibraryScreen::new(&lib, 100, 12);
    let key = |c| KeyEvent::new(c, KeyModifiers::NONE);
    assert_eq!(
        screen.action_for(&key(KeyCode::Char('q'))),
        Some(LibraryAction::Quit)
    );
    screen.update(&mut lib, LibraryAction::Filter(Edit::Start));
    assert_eq!(
        screen.action_for(&key(KeyCode::Char('q'))),
        Some(LibraryAction::Filter(Edit::Type('q')))
    );
    assert_eq!(
        screen.action_for(&key(KeyCode::Esc)),
        Some(LibraryAction::Filter(Edit::Clear))
    );
}

#[test]
fn actors_screen_at_100x20() {
    let lib = library();
    let screen = ActorsScreen::new(&lib, Scope::All, 100, 20);
    insta::assert_snapshot!(actors_screen(&screen, &lib));
}

#[test]
fn one_actor_article_by_article_and_enter_opens_at_the_quote() {
    let lib = library();
    let mut screen = ActorsScreen::new(&lib, Scope::All, 100, 20);
    let names: Vec<String> = screen.listed().iter().map(|a| a.name.clone()).collect();
    // one Marta de Vries across two spellings; two different Reeds
    assert_eq!(
        names
            .iter()
            .filter(|n| n.to_lowercase().contains("vries"))
            .count(),
        1,
        "{names:?}"
    );
    assert!(names.contains(&"Tom Reed".to_string()));
    assert!(names.contains(&"Anna Reed".to_string()));
    for c in "/dock".chars() {
        let action = if c == '/' {
            ActorsAction::Filter(Edit::Start)
        } else {
            ActorsAction::Filter(Edit::Type(c))
        };
        screen.update(&lib, action);
    }
    screen.update(&lib, ActorsAction::Filter(Edit::Accept));
    let union = screen.selected_actor().expect("union");
    assert!(union.name.starts_with("Dock Workers"), "{}", union.name);
    assert_eq!(union.articles, 2);
    assert_eq!(union.people_quotes, 2, "Marta de Vries speaks for it");
    screen.update(&lib, ActorsAction::Enter);
    assert_eq!(screen.focus, Pane::Timeline);
    insta::assert_snapshot!(actors_screen(&screen, &lib));
    // the first row is the earlier article's heading, then its first item
    screen.update(&lib, ActorsAction::Nav(Nav::Down(1)));
    assert_eq!(
        screen.update(&lib, ActorsAction::Enter),
        ActorsOutcome::Open {
            entry: 0,
            paragraph: 1
        }
    );
    assert_eq!(screen.update(&lib, ActorsAction::Back), ActorsOutcome::Stay);
    assert_eq!(screen.update(&lib, ActorsAction::Back), ActorsOutcome::Back);
}

#[test]
fn the_actors_of_one_article_across_the_library() {
    let mut lib = library();
    let mut libscreen = LibraryScreen::new(&lib, 100, 12);
    let strike = libscreen
        .rows()
        .iter()
        .position(|&i| lib.entries()[i].title().contains("strike"))
        .expect("strike row");
    libscreen.update(&mut lib, LibraryAction::Nav(Nav::Down(strike)));
    let LibraryOutcome::Actors { entry: Some(entry) } =
        libscreen.update(&mut lib, LibraryAction::ArticleActors)
    else {
        panic!("no actors outcome")
    };
    let screen = ActorsScreen::new(&lib, Scope::Article(entry), 100, 20);
    let names: Vec<&str> = screen.listed().iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names.len(), 3, "{names:?}");
    assert!(names.contains(&"Tom Reed"));
    let s = actors_screen(&screen, &lib);
    assert!(
        s.contains("Actors of “Harbour strike enters its second week”"),
        "{s}"
    );
}

#[test]
fn tiny_terminals_do_not_panic() {
    let mut lib = library();
    for (w, h) in [(1, 1), (2, 2), (10, 3), (30, 5)] {
        let mut screen = LibraryScreen::new(&lib, w, h);
        screen.update(&mut lib, LibraryAction::Nav(Nav::Bottom));
        let _ = library_screen(&screen, &lib);
        let mut actors = ActorsScreen::new(&lib, Scope::All, w, h);
        actors.update(&lib, ActorsAction::Enter);
        let _ = actors_screen(&actors, &lib);
    }
}

#[test]
fn long_lists_scroll_with_the_selection() {
    let entries = (0..40)
        .map(|i| {
            let d = digest(&format!("Story number {i:02}"), None, Vec::new());
            (
                listing(&format!("s{i:02}.txt"), i),
                Status::Analysed(Arc::new(d)),
            )
        })
        .collect();
    let mut lib = Library::from_entries(Path::new("library"), entries, ReadMarks::default());
    let mut screen = LibraryScreen::new(&lib, 60, 8);
    screen.update(&mut lib, LibraryAction::Nav(Nav::Down(25)));
    let chosen = lib.entries()[screen.selected_entry().expect("row")]
        .title()
        .to_string();
    assert!(library_screen(&screen, &lib).contains(&chosen), "{chosen}");
    screen.update(&mut lib, LibraryAction::Nav(Nav::Up(1)));
    let above = lib.entries()[screen.selected_entry().expect("row")]
        .title()
        .to_string();
    let s = library_screen(&screen, &lib);
    assert!(s.contains(&above) && s.contains(&chosen), "{s}");

    let actors_lib = library();
    let mut actors = ActorsScreen::new(&actors_lib, Scope::All, 60, 6);
    actors.update(&actors_lib, ActorsAction::Nav(Nav::Bottom));
    let last = actors.selected_actor().expect("actor").name.clone();
    assert!(actors_screen(&actors, &actors_lib).contains(&last));
}
