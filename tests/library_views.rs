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
use dossier::tui::keymap::Keymap;
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
        library_view::view(screen, lib, &Keymap::default(), f)
    })
}

fn actors_screen(screen: &ActorsScreen, lib: &Library) -> String {
    draw(screen.width, screen.height, |f| {
        actors_view::view(screen, lib, &Keymap::default(), f)
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
    let keymap = Keymap::default();
    let key = |c| KeyEvent::new(c, KeyModifiers::NONE);
    assert_eq!(
        screen.action_for(&keymap, &key(KeyCode::Char('q'))),
        Some(LibraryAction::Quit)
    );
    assert_eq!(
        screen.action_for(&keymap, &key(KeyCode::Char('a'))),
        Some(LibraryAction::ArticleActors)
    );
    screen.update(&mut lib, LibraryAction::Filter(Edit::Start));
    assert_eq!(
        screen.action_for(&keymap, &key(KeyCode::Char('q'))),
        Some(LibraryAction::Filter(Edit::Type('q')))
    );
    assert_eq!(
        screen.action_for(&keymap, &key(KeyCode::Esc)),
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
            paragraph: 1,
            actor: Some(1)
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

/// A library of forty analysed articles with no actors.
fn forty_stories() -> Library {
    let entries = (0..40)
        .map(|i| {
            let d = digest(&format!("Story number {i:02}"), None, Vec::new());
            (
                listing(&format!("s{i:02}.txt"), i),
                Status::Analysed(Arc::new(d)),
            )
        })
        .collect();
    Library::from_entries(Path::new("library"), entries, ReadMarks::default())
}

#[test]
fn long_lists_scroll_with_the_selection() {
    let mut lib = forty_stories();
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

#[test]
fn a_click_selects_a_row_and_a_second_click_opens_it() {
    let mut lib = library();
    let mut screen = LibraryScreen::new(&lib, 100, 12);
    let click = |row| LibraryAction::Click { column: 20, row };
    // the title line and the column heads are not rows
    for row in [0, 1, 9, 11] {
        assert_eq!(screen.update(&mut lib, click(row)), LibraryOutcome::Stay);
        assert_eq!(screen.offset_and_selected(), (0, 0), "row {row}");
    }
    // the third row of the list is on the fifth line of the screen
    assert_eq!(screen.update(&mut lib, click(4)), LibraryOutcome::Stay);
    let third = screen.rows()[2];
    assert_eq!(screen.selected_entry(), Some(third));
    assert_eq!(
        lib.entries()[third].title(),
        "Harbour strike enters its second week"
    );
    assert_eq!(
        screen.update(&mut lib, click(4)),
        LibraryOutcome::Open { entry: third }
    );
    // below the last row: nothing
    assert_eq!(screen.update(&mut lib, click(8)), LibraryOutcome::Stay);
    assert_eq!(screen.selected_entry(), Some(third));
}

#[test]
fn a_click_follows_the_scrolled_list() {
    let mut lib = forty_stories();
    let mut screen = LibraryScreen::new(&lib, 60, 8);
    screen.update(&mut lib, LibraryAction::Nav(Nav::Down(25)));
    let (offset, _) = screen.offset_and_selected();
    assert!(offset > 0);
    // the first row in view, on the screen's third line
    screen.update(&mut lib, LibraryAction::Click { column: 3, row: 2 });
    assert_eq!(screen.offset_and_selected(), (offset, offset));
    let drawn = library_screen(&screen, &lib);
    let title = lib.entries()[screen.selected_entry().expect("row")].title();
    assert!(
        drawn.lines().nth(2).is_some_and(|l| l.contains(title)),
        "{drawn}"
    );
}

#[test]
fn clicks_on_the_actors_screen_pick_an_actor_then_a_quote_then_open_it() {
    let lib = library();
    let mut screen = ActorsScreen::new(&lib, Scope::All, 100, 20);
    let click = |column, row| ActorsAction::Click { column, row };
    // the list's third row (inside its border, under the title line)
    screen.update(&lib, click(10, 4));
    assert_eq!(screen.focus, Pane::Actors);
    assert_eq!(
        screen.selected_actor().map(|a| a.name.as_str()),
        Some("Tom Reed")
    );
    screen.update(&lib, click(10, 2));
    assert_eq!(
        screen.selected_actor().map(|a| a.name.as_str()),
        Some("Marta de Vries")
    );
    // in the timeline, the second line of its second row (wrapped) picks it
    assert_eq!(screen.update(&lib, click(60, 4)), ActorsOutcome::Stay);
    assert_eq!(screen.focus, Pane::Timeline);
    let drawn = actors_screen(&screen, &lib);
    assert!(
        drawn
            .lines()
            .nth(3)
            .is_some_and(|l| l.contains("We will hold")),
        "{drawn}"
    );
    // and a click on the selected row opens its article at the quote (¶2)
    assert_eq!(
        screen.update(&lib, click(60, 3)),
        ActorsOutcome::Open {
            entry: 0,
            paragraph: 1,
            actor: Some(0)
        }
    );
    // a click on the list takes the focus back without opening anything
    assert_eq!(screen.update(&lib, click(10, 2)), ActorsOutcome::Stay);
    assert_eq!(screen.focus, Pane::Actors);
    // borders, title and status lines are not rows
    for (column, row) in [(0, 0), (0, 5), (39, 5), (50, 19), (50, 1)] {
        assert_eq!(screen.update(&lib, click(column, row)), ActorsOutcome::Stay);
    }
}

// ---- the pages together: the app opened on a folder ----

mod common;

use dossier::tui::keymap::Page;
use dossier::tui::{Action, App, Settings};

/// The bundled articles as a library, from their exports frozen in
/// `tests/fixtures/library/` (read back as they are, never re-analysed), so
/// that these screens change only when the pages do; shown as `articles`
/// whatever the checkout's path.
fn bundled_library() -> Library {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/library");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("tests/fixtures/library/")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let entries = names
        .iter()
        .map(|name| {
            let path = dir.join(name);
            let article = dossier::load(&path).expect("a frozen export loads");
            let listing = Listing {
                path,
                rel: name.clone(),
                size: 1000,
                // one fixed file time: the order is the articles' own
                mtime_ns: 1_704_067_200 * 1_000_000_000,
                problem: None,
            };
            (listing, Status::Analysed(Arc::new(Digest::of(&article))))
        })
        .collect();
    Library::from_entries(Path::new("articles"), entries, ReadMarks::default())
}

fn library_app(width: u16, height: u16) -> App {
    let positions = dossier::tui::state::Positions::in_memory();
    let mut app = App::with_library(
        bundled_library(),
        Vec::new(),
        width,
        height,
        Settings::default(),
        positions,
    );
    app.tick();
    app
}

fn lib_action(a: LibraryAction) -> Action {
    Action::Library(a)
}

fn shelf(app: &App) -> &dossier::tui::shelf::Shelf {
    app.shelf.as_deref().expect("a library")
}

fn type_filter(app: &mut App, text: &str) {
    app.update(lib_action(LibraryAction::Filter(Edit::Start)));
    for c in text.chars() {
        app.update(lib_action(LibraryAction::Filter(Edit::Type(c))));
    }
    app.update(lib_action(LibraryAction::Filter(Edit::Accept)));
}

#[test]
fn a_folder_opens_on_the_list_and_an_article_comes_back_to_it_as_it_was() {
    let mut app = library_app(100, 30);
    assert_eq!(app.page, Page::Library);
    type_filter(&mut app, "a");
    app.update(lib_action(LibraryAction::Nav(Nav::Down(1))));
    let rows = shelf(&app).list.rows().to_vec();
    let chosen = shelf(&app).list.selected_entry().expect("a row");
    assert!(rows.len() > 1);

    app.update(lib_action(LibraryAction::Open));
    assert_eq!(app.page, Page::Article);
    let title = shelf(&app).library.entries()[chosen].title().to_string();
    assert_eq!(app.article().title, title);
    assert!(shelf(&app).library.entries()[chosen].read);
    // read on: the place is kept for the next time
    app.update(Action::NextParagraph);
    app.update(Action::NextParagraph);
    let current = app.reader.current;

    // q goes back to the list: same filter, same rows, same selection
    app.update(Action::Quit);
    assert!(!app.quit);
    assert_eq!(app.page, Page::Library);
    let list = &shelf(&app).list;
    assert_eq!(list.filter.text, "a");
    assert_eq!(list.rows(), rows);
    assert_eq!(list.selected_entry(), Some(chosen));

    // opened again, at the place left; Esc with nothing to close also leaves
    app.update(lib_action(LibraryAction::Open));
    assert_eq!(app.reader.current, current);
    app.update(Action::Back);
    assert_eq!(app.page, Page::Library);
    // q on the list quits
    app.update(lib_action(LibraryAction::Quit));
    assert!(app.quit);
}

#[test]
fn the_next_article_key_follows_the_list() {
    let mut app = library_app(100, 30);
    let rows = shelf(&app).list.rows().to_vec();
    app.update(lib_action(LibraryAction::Open));
    assert_eq!(shelf(&app).open, Some(rows[0]));
    app.update(Action::NextArticle);
    assert_eq!(shelf(&app).open, Some(rows[1]));
    assert_eq!(shelf(&app).list.selected_entry(), Some(rows[1]));
    app.update(Action::PrevArticle);
    assert_eq!(shelf(&app).open, Some(rows[0]));
}

/// The seed's row, found by filtering as a user would.
fn open_seed(app: &mut App) -> usize {
    type_filter(app, "mercenaries");
    let entry = shelf(app).list.selected_entry().expect("the seed");
    assert!(
        shelf(app).library.entries()[entry]
            .listing
            .rel
            .contains("mali")
    );
    entry
}

#[test]
fn the_actors_of_an_article_across_the_library_open_an_article_at_a_quote() {
    let mut app = library_app(120, 40);
    let seed = open_seed(&mut app);
    app.update(lib_action(LibraryAction::ArticleActors));
    assert_eq!(app.page, Page::Actors);
    let actors = shelf(&app).actors.as_ref().expect("actors page");
    assert_eq!(actors.scope, Scope::Article(seed));
    // down to an actor with quotes, its quotes, the first of them
    let with_quotes = actors
        .listed()
        .iter()
        .position(|a| a.quotes > 0)
        .expect("an actor who speaks");
    let name = actors.listed()[with_quotes].name.clone();
    app.update(Action::Actors(ActorsAction::Nav(Nav::Down(with_quotes))));
    app.update(Action::Actors(ActorsAction::Enter));
    app.update(Action::Actors(ActorsAction::Nav(Nav::Down(1))));
    app.update(Action::Actors(ActorsAction::Enter));
    assert_eq!(app.page, Page::Article);
    assert_eq!(shelf(&app).open, Some(seed));
    // the actor is selected and its quote marked and in view
    let actor = app.reader.actor.expect("actor selected");
    assert_eq!(app.article().actors[actor].name, name);
    let mark = app.reader.mark.first().copied().expect("the quote marked");
    assert_eq!(app.reader.current, Some(mark.paragraph));
    // q: back to the actors, then Esc twice: the list
    app.update(Action::Quit);
    assert_eq!(app.page, Page::Actors);
    app.update(Action::Actors(ActorsAction::Back));
    app.update(Action::Actors(ActorsAction::Back));
    assert_eq!(app.page, Page::Library);
    assert_eq!(shelf(&app).list.filter.text, "mercenaries");
}

#[test]
fn an_actor_of_the_article_across_the_library_in_a_few_keys() {
    let mut app = library_app(160, 48);
    open_seed(&mut app);
    app.update(lib_action(LibraryAction::Open));
    // Tab to the Actors panel, down to the first actor, A
    app.update(Action::FocusNext);
    app.update(Action::Down(1));
    let actor = app
        .reader
        .chosen_actor()
        .expect("an actor under the cursor");
    let name = app.article().actors[actor].name.clone();
    app.update(Action::ActorAcross);
    assert_eq!(app.page, Page::Actors);
    let actors = shelf(&app).actors.as_ref().expect("actors page");
    assert_eq!(actors.scope, Scope::All);
    let selected = actors.selected_actor().expect("the actor selected");
    assert!(
        selected.name == name || selected.aliases.contains(&name),
        "{} for {name}",
        selected.name
    );
    assert_eq!(actors.focus, Pane::Timeline);
    let s = common::screen(&app);
    assert!(s.contains("Actors across the library"), "{s}");
    assert!(s.contains(&format!("┌{} · ", selected.name)), "{s}");
    // Esc: back to the article it came from
    app.update(Action::Actors(ActorsAction::Back));
    app.update(Action::Actors(ActorsAction::Back));
    assert_eq!(app.page, Page::Article);
}

#[test]
fn the_list_with_the_selected_article_previewed_at_160x48() {
    let app = library_app(160, 48);
    assert!(shelf(&app).preview_of_selection().is_some());
    insta::assert_snapshot!(common::screen(&app));
}

#[test]
fn the_list_without_preview_at_80x24_and_its_help() {
    let mut app = library_app(80, 24);
    assert!(shelf(&app).preview_area().is_none());
    insta::assert_snapshot!("the_list_at_80x24", common::screen(&app));
    app.update(Action::Help);
    let s = common::screen(&app);
    assert!(s.contains("Keys: the library"), "{s}");
    assert!(
        s.contains("this article's actors across the library"),
        "{s}"
    );
    insta::assert_snapshot!("the_lists_help_at_80x24", s);
    app.update(Action::Back);
    assert!(app.list_help.is_none());
    assert_eq!(app.page, Page::Library);
}

#[test]
fn an_article_opened_from_the_list_at_100x30() {
    let mut app = library_app(100, 30);
    open_seed(&mut app);
    app.update(lib_action(LibraryAction::Open));
    let s = common::screen(&app);
    // the status bar: the article's row among the list's, q goes back
    assert!(s.contains("· 1/1 "), "{s}");
    assert!(s.contains("q back"), "{s}");
}

#[test]
fn a_file_that_cannot_be_read_shows_in_the_list_and_does_not_open() {
    let entries = vec![(
        Listing {
            path: PathBuf::from("/nonexistent/dossier/gone.txt"),
            rel: "gone.txt".into(),
            size: 10,
            mtime_ns: 0,
            problem: None,
        },
        Status::Failed("could not be read: permission denied".into()),
    )];
    let lib = Library::from_entries(Path::new("library"), entries, ReadMarks::default());
    let mut app = App::with_library(
        lib,
        Vec::new(),
        160,
        48,
        Settings::default(),
        dossier::tui::state::Positions::in_memory(),
    );
    app.tick();
    let s = common::screen(&app);
    // in the row, and in the preview's place
    assert_eq!(s.matches("permission denied").count(), 2, "{s}");
    app.update(lib_action(LibraryAction::Open));
    assert_eq!(app.page, Page::Library);
    let s = common::screen(&app);
    assert!(s.contains("gone.txt"), "{s}");
}

#[test]
fn every_page_draws_at_any_size() {
    for (w, h) in [(1, 1), (10, 3), (40, 12), (119, 29), (120, 30)] {
        let mut app = library_app(w, h);
        let _ = common::screen(&app);
        app.update(lib_action(LibraryAction::AllActors));
        let _ = common::screen(&app);
        app.update(Action::Actors(ActorsAction::Enter));
        app.update(Action::Actors(ActorsAction::Enter));
        let _ = common::screen(&app);
        app.update(Action::Resize {
            width: 160,
            height: 48,
        });
        let _ = common::screen(&app);
    }
}

#[test]
fn keys_and_the_wheel_reach_each_page_through_the_keymap() {
    use dossier::tui::input::Input;
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseEvent, MouseEventKind};
    let key = |c| Input::Key(KeyEvent::new(c, KeyModifiers::NONE));
    let mut app = library_app(100, 30);
    let act = |app: &App, input: &Input| dossier::tui::action_for(app, input);
    assert_eq!(
        act(&app, &key(KeyCode::Char('a'))),
        Some(lib_action(LibraryAction::ArticleActors))
    );
    assert_eq!(act(&app, &key(KeyCode::Char('?'))), Some(Action::Help));
    assert_eq!(
        act(
            &app,
            &Input::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL))
        ),
        Some(Action::Exit)
    );
    // while the filter is typed, letters go to it, Ctrl-z still suspends
    app.update(lib_action(LibraryAction::Filter(Edit::Start)));
    assert_eq!(
        act(&app, &key(KeyCode::Char('?'))),
        Some(lib_action(LibraryAction::Filter(Edit::Type('?'))))
    );
    assert_eq!(
        act(
            &app,
            &Input::Key(KeyEvent::new(KeyCode::Char('z'), KeyModifiers::CONTROL))
        ),
        Some(Action::Suspend)
    );
    app.update(lib_action(LibraryAction::Filter(Edit::Clear)));
    // on the article the same key means its own command
    app.update(lib_action(LibraryAction::Open));
    assert_eq!(
        act(&app, &key(KeyCode::Char('a'))),
        Some(Action::ToggleScope)
    );
    // the wheel, when the mouse is on
    app.update(Action::Quit);
    let wheel = Input::Mouse(MouseEvent {
        kind: MouseEventKind::ScrollDown,
        column: 5,
        row: 5,
        modifiers: KeyModifiers::NONE,
    });
    assert_eq!(act(&app, &wheel), None);
    app.settings.mouse = true;
    assert_eq!(
        act(&app, &wheel),
        Some(lib_action(LibraryAction::Nav(Nav::Down(3))))
    );
}

#[test]
fn an_empty_folder_and_a_filter_that_matches_nothing_say_so() {
    let empty = Library::from_entries(Path::new("inbox"), Vec::new(), ReadMarks::default());
    let mut app = App::with_library(
        empty,
        Vec::new(),
        80,
        24,
        Settings::default(),
        dossier::tui::state::Positions::in_memory(),
    );
    let s = common::screen(&app);
    assert!(s.contains("No articles in inbox yet"), "{s}");
    app.update(lib_action(LibraryAction::Open));
    assert_eq!(app.page, Page::Library);

    let mut app = library_app(80, 24);
    type_filter(&mut app, "zqzqzq");
    let s = common::screen(&app);
    assert!(s.contains("No article matches “zqzqzq”"), "{s}");
}
