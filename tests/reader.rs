//! The reader driven with actions, without a terminal: the current
//! paragraph, what the panels list, the text they point at, scrolling and
//! resizing, find, copy, reading positions, and input that must not break it.

mod common;

use common::{render, screen, seed_app, seed_article, text_of};
use dossier::model::Article;
use dossier::tui::layout::Mode;
use dossier::tui::panels::{Panel, Row, Scope, Target};
use dossier::tui::reader::Jump;
use dossier::tui::state::Positions;
use dossier::tui::{Action, App, Focus, Settings};

/// Press an action `n` times.
fn press(app: &mut App, action: Action, n: usize) {
    for _ in 0..n {
        app.update(action);
    }
}

/// Whether any line of the paragraph at `pos` is on screen.
fn in_view(app: &App, pos: usize) -> bool {
    let r = &app.reader;
    let (first, end) = r.text.paragraph_lines(pos).expect("paragraph laid out");
    first < r.scroll + r.rows_in_view() && end > r.scroll
}

/// The row index, in the Actors panel, of the first actor who has a quote.
fn quoted_actor(app: &App) -> (usize, usize) {
    let r = &app.reader;
    r.rows
        .of(Panel::Actors)
        .iter()
        .filter_map(|row| match row.target() {
            Some(Target::Actor(a)) => Some(a),
            _ => None,
        })
        .enumerate()
        .find(|(_, a)| r.index.quote_speaker.contains(&Some(*a)))
        .expect("the seed has an attributed quote")
}

/// In the focused Actors panel: move to a row, which selects its actor.
fn select_actor_row(app: &mut App, row: usize) {
    press(app, Action::Down(1), row);
    if row == 0 {
        app.update(Action::Select);
    }
}

#[test]
fn the_current_paragraph_follows_scrolling() {
    let mut app = seed_app(100, 30);
    assert_eq!(app.reader.current, Some(0));
    press(&mut app, Action::Down(1), 25);
    let current = app.reader.current.expect("a current paragraph");
    assert!(current > 0);
    assert!(in_view(&app, current));
    press(&mut app, Action::Up(1), 100);
    assert_eq!(app.reader.scroll, 0);
    assert!(in_view(&app, app.reader.current.expect("current")));
}

#[test]
fn braces_move_the_current_paragraph_and_keep_it_in_view() {
    let mut app = seed_app(100, 30);
    press(&mut app, Action::NextParagraph, 9);
    assert_eq!(app.reader.current, Some(9));
    assert!(in_view(&app, 9));
    press(&mut app, Action::PrevParagraph, 4);
    assert_eq!(app.reader.current, Some(5));
    assert!(in_view(&app, 5));
    press(&mut app, Action::PrevParagraph, 50);
    assert_eq!(app.reader.current, Some(0));
}

#[test]
fn panels_list_the_current_paragraphs_items_first_and_the_scope_key_keeps_only_them() {
    let mut app = seed_app(160, 48);
    let quoted = app
        .article()
        .quotes
        .last()
        .map(|q| q.paragraph)
        .expect("a quote");
    let pos = app.reader.index.position(quoted).expect("its paragraph");
    press(&mut app, Action::NextParagraph, pos);
    let quotes = app.reader.rows.of(Panel::Quotes);
    assert!(quotes[0].here(), "{quotes:?}");
    let Some(Target::Quote(q)) = quotes[0].target() else {
        panic!("a quote row first")
    };
    assert!(app.reader.index.quote_covers(q, pos));
    // rows of this paragraph come before all others
    let first_other = quotes
        .iter()
        .position(|r| !r.here())
        .unwrap_or(quotes.len());
    assert!(quotes[first_other..].iter().all(|r| !r.here()));

    app.update(Action::ToggleScope);
    assert_eq!(app.reader.scope, Scope::Paragraph);
    for panel in [Panel::Quotes, Panel::Positions] {
        assert!(app.reader.rows.of(panel).iter().all(Row::here), "{panel:?}");
    }
    // an actor not named here heads a group only for its people who are
    let actors = app.reader.rows.of(Panel::Actors);
    for (i, row) in actors.iter().enumerate() {
        if !row.here() {
            assert!(matches!(row, Row::Actor { member: false, .. }), "{row:?}");
            assert!(matches!(
                actors.get(i + 1),
                Some(Row::Actor {
                    member: true,
                    here: true,
                    ..
                })
            ));
        }
    }
    assert!(app.reader.rows.shown(Panel::Quotes) >= 1);
}

#[test]
fn actors_are_grouped_with_counts() {
    let app = seed_app(160, 48);
    let r = &app.reader;
    let actors = r.rows.of(Panel::Actors);
    assert_eq!(
        actors.len(),
        app.article().actors.len(),
        "every actor listed once"
    );
    for row in actors {
        let Row::Actor {
            actor,
            member,
            count,
            ..
        } = *row
        else {
            panic!("only actors in the Actors panel")
        };
        assert_eq!(count, r.index.mentions_of[actor].len());
        // members are listed under what they speak for
        assert_eq!(member, r.index.root[actor] != actor);
    }
}

#[test]
fn selecting_an_actor_highlights_its_mentions_and_filters_quotes_and_positions() {
    let mut app = seed_app(160, 48);
    app.update(Action::FocusNext);
    assert_eq!(app.reader.focus, Focus::Actors);
    let (row, actor) = quoted_actor(&app);
    select_actor_row(&mut app, row);
    assert_eq!(app.reader.actor, Some(actor));
    let people = app.reader.index.actor_and_members(actor);
    for row in app.reader.rows.of(Panel::Quotes) {
        if let Some(Target::Quote(q)) = row.target() {
            let speaker = app.reader.index.quote_speaker[q].expect("attributed");
            assert!(people.contains(&speaker));
        }
    }
    assert!(app.reader.rows.shown(Panel::Quotes) >= 1);
    // its mentions are drawn in its colour
    let style = app.settings.theme.actor(actor);
    let buf = render(&app);
    let coloured = buf
        .content
        .iter()
        .filter(|c| c.bg == style.bg.unwrap_or_default())
        .count();
    assert!(coloured > 0);
    // n steps through the mentions, N back
    app.update(Action::FindNext);
    let first = app.reader.jumped.expect("jumped to a mention");
    assert_eq!(app.reader.jump, Jump::Mentions);
    assert!(app.reader.mention_places(actor).contains(&first));
    assert!(in_view(&app, first.paragraph));
    // Esc clears the selection
    app.update(Action::FocusPrev);
    app.update(Action::Back);
    assert_eq!(app.reader.actor, None);
}

#[test]
fn enter_on_a_quote_scrolls_to_it_and_marks_its_span() {
    let mut app = seed_app(100, 30);
    app.update(Action::FocusNext);
    app.update(Action::FocusNext);
    assert_eq!(app.reader.focus, Focus::Quotes);
    press(&mut app, Action::Down(1), 100);
    let Some(Target::Quote(q)) = app.reader.cursor_target(Panel::Quotes) else {
        panic!("a quote selected")
    };
    app.update(Action::Select);
    let places = app.reader.index.quote_places[q].clone().expect("placed");
    assert_eq!(app.reader.mark, places);
    assert_eq!(app.reader.current, Some(places[0].paragraph));
    let line = app
        .reader
        .text
        .line_of(places[0].paragraph, places[0].start)
        .expect("a line");
    assert!(line >= app.reader.scroll && line < app.reader.scroll + app.reader.rows_in_view());
}

#[test]
fn enter_on_a_position_goes_to_its_evidence() {
    let mut app = seed_app(160, 48);
    press(&mut app, Action::FocusNext, 3);
    assert_eq!(app.reader.focus, Focus::Positions);
    press(&mut app, Action::Down(1), 2);
    let Some(Target::Position(p)) = app.reader.cursor_target(Panel::Positions) else {
        panic!("a position selected")
    };
    app.update(Action::Select);
    assert!(!app.reader.mark.is_empty());
    assert_eq!(app.reader.current, app.reader.index.position_paragraph[p]);
}

#[test]
fn find_counts_matches_and_n_steps_through_them() {
    let mut app = seed_app(80, 24);
    app.update(Action::Find);
    for c in "mali".chars() {
        app.update(Action::FindInput(c));
    }
    let hits = app.reader.find.hits.len();
    assert!(hits > 5, "{hits}");
    app.update(Action::FindConfirm);
    assert_eq!(app.reader.find.current, Some(0));
    assert!(screen(&app).contains(&format!("/mali 1/{hits}")));
    app.update(Action::FindNext);
    assert_eq!(app.reader.find.current, Some(1));
    let at = app.reader.find.hits[1];
    assert!(in_view(&app, at.paragraph));
    press(&mut app, Action::FindPrev, 2);
    assert_eq!(app.reader.find.current, Some(hits - 1));
    app.update(Action::Back);
    assert!(app.reader.find.hits.is_empty());
}

#[test]
fn escape_in_the_prompt_goes_back_to_where_find_started() {
    let mut app = seed_app(80, 24);
    press(&mut app, Action::Down(1), 3);
    let (scroll, current) = (app.reader.scroll, app.reader.current);
    app.update(Action::Find);
    for c in "wagner".chars() {
        app.update(Action::FindInput(c));
    }
    assert_ne!(app.reader.scroll, scroll);
    app.update(Action::FindCancel);
    assert_eq!((app.reader.scroll, app.reader.current), (scroll, current));
    assert!(!app.reader.find.editing);
}

#[test]
fn a_resize_keeps_the_top_line_and_the_current_paragraph_in_view() {
    let mut app = seed_app(80, 24);
    press(&mut app, Action::NextParagraph, 8);
    press(&mut app, Action::Down(1), 2);
    let current = app.reader.current.expect("current");
    let (top_paragraph, top_offset) = app.reader.top_anchor().expect("anchor");
    // a little wider: the words that were on top stay on top
    app.update(Action::Resize {
        width: 100,
        height: 30,
    });
    let (p, offset) = app.reader.top_anchor().expect("anchor");
    assert_eq!(p, top_paragraph);
    assert!(offset <= top_offset && top_offset - offset < app.reader.areas().text_cols());
    assert!(in_view(&app, current));
    // much smaller or larger: the current paragraph is still in view
    for (w, h) in [(40, 12), (20, 5), (160, 48), (80, 24)] {
        app.update(Action::Resize {
            width: w,
            height: h,
        });
        assert_eq!(app.reader.current, Some(current), "{w}x{h}");
        assert!(in_view(&app, current), "{w}x{h}");
        assert!(app.reader.scroll <= app.reader.text.lines.len());
    }
}

#[test]
fn layouts_follow_the_width() {
    for (w, h, mode) in [
        (160, 48, Mode::Wide),
        (120, 30, Mode::Wide),
        (100, 30, Mode::Medium),
        (80, 24, Mode::Medium),
        (79, 24, Mode::Narrow),
        (40, 12, Mode::Narrow),
        (15, 4, Mode::Tiny),
    ] {
        let app = seed_app(w, h);
        assert_eq!(app.reader.areas().mode, mode, "{w}x{h}");
    }
    let s = screen(&seed_app(15, 4));
    assert!(s.contains("Terminal too"), "{s}");
}

#[test]
fn the_narrow_layout_shows_panels_as_an_overlay() {
    let mut app = seed_app(40, 12);
    assert!(!screen(&app).contains("Actors"));
    app.update(Action::TogglePanels);
    let s = screen(&app);
    let tab = format!("Actors {}", app.article().actors.len());
    assert!(s.contains(&tab), "{s}");
    app.update(Action::Back);
    assert_eq!(app.reader.focus, Focus::Text);
    assert!(screen(&app).contains("Mali"));
}

#[test]
fn no_size_and_no_key_makes_it_panic() {
    let keys = [
        Action::FocusNext,
        Action::Down(3),
        Action::Select,
        Action::Help,
        Action::Down(2),
        Action::Back,
        Action::TogglePanels,
        Action::ToggleRemoved,
        Action::Find,
        Action::FindInput('a'),
        Action::FindConfirm,
        Action::FindNext,
        Action::Bottom,
        Action::Copy,
        Action::ToggleScope,
        Action::Click { column: 5, row: 3 },
        Action::Wheel {
            column: 2,
            row: 2,
            down: true,
        },
    ];
    for (w, h) in [
        (1, 1),
        (2, 2),
        (5, 1),
        (10, 3),
        (19, 4),
        (20, 5),
        (25, 6),
        (79, 8),
        (80, 5),
        (120, 6),
    ] {
        let mut app = seed_app(w, h);
        let _ = screen(&app);
        for k in keys {
            app.update(k);
            let _ = screen(&app);
        }
    }
}

#[test]
fn removed_boilerplate_shows_dimmed_in_place() {
    let mut app = seed_app(100, 30);
    let removed = app.article().removed.len();
    assert!(removed > 0, "the seed has a removed footer");
    let plain = app.reader.text.lines.len();
    app.update(Action::ToggleRemoved);
    assert!(app.reader.show_removed);
    let lines = &app.reader.text.lines;
    assert!(lines.len() > plain);
    let first = lines
        .iter()
        .position(|l| l.kind == dossier::tui::text::LineKind::RemovedLabel)
        .expect("a label");
    assert!(lines[first].text.starts_with("removed: "));
    // it sits where it was taken from: before its paragraph, or at the end
    let before = app.article().removed[0].before;
    let next_paragraph = lines[first..].iter().find_map(|l| l.paragraph);
    let expected = before.and_then(|i| app.reader.index.position(i));
    assert_eq!(next_paragraph, expected);
    app.update(Action::ToggleRemoved);
    assert_eq!(app.reader.text.lines.len(), plain);
}

#[test]
fn copy_puts_the_quote_and_its_speaker_on_the_clipboard() {
    let mut app = seed_app(160, 48);
    app.update(Action::FocusNext);
    let (row, actor) = quoted_actor(&app);
    select_actor_row(&mut app, row);
    app.update(Action::FocusNext);
    app.update(Action::Copy);
    let text = app.reader.clipboard.clone().expect("copied");
    let name = &app.article().actors[actor].name;
    assert!(text.contains(&format!("— {name}")), "{text}");
    let Some(Target::Quote(q)) = app.reader.cursor_target(Panel::Quotes) else {
        panic!("a quote")
    };
    assert!(text.contains(app.article().quotes[q].text.trim()), "{text}");
}

#[test]
fn the_attribution_names_the_title_when_there_is_one() {
    let mut a = common_article();
    a.actors[0].title = Some("Minister of the Interior".into());
    let ix = dossier::tui::index::ArticleIndex::new(&a);
    let text = dossier::tui::reader::attributed_quote(&a, &ix, 0);
    assert_eq!(text, "“We stay.” — Anna Berg, Minister of the Interior");
}

/// A two-paragraph article with one actor and one quote.
fn common_article() -> Article {
    let json = r#"{"schema":"dossier/1","source":"t.json","title":"Talks",
      "paragraphs":[{"index":0,"kind":"body","text":"Anna Berg spoke."},
                    {"index":1,"kind":"body","text":"“We stay,” she said."}],
      "actors":[{"id":"anna-berg","name":"Anna Berg","kind":"person",
                 "mentions":[{"paragraph":0,"start":0,"end":9}]}],
      "quotes":[{"id":"q1","speaker":"anna-berg","text":"We stay.","kind":"direct",
                 "paragraph":1,"start":1,"end":8}],
      "positions":[]}"#;
    serde_json::from_str(json).expect("valid")
}

#[test]
fn an_edited_export_with_offsets_out_of_range_is_drawn_without_panic() {
    let json = r#"{"schema":"dossier/1","source":"t.json","title":"Edited",
      "paragraphs":[{"index":0,"kind":"body","text":"Short."},
                    {"index":5,"kind":"heading","text":"Also short"}],
      "removed":[{"text":"gone","reason":"test","before":99}],
      "actors":[{"id":"a","name":"A","kind":"person","affiliation":"a",
                 "mentions":[{"paragraph":0,"start":4,"end":9999},
                             {"paragraph":77,"start":0,"end":1},
                             {"paragraph":5,"start":9,"end":2}]},
                {"id":"b","name":"B","kind":"country","affiliation":"c"},
                {"id":"c","name":"C","kind":"country","affiliation":"b"}],
      "quotes":[{"id":"q1","speaker":"zz","text":"x","kind":"direct",
                 "paragraph":5,"start":500,"end":900,"end_paragraph":0},
                {"id":"q2","speaker":"a","text":"y","kind":"partial",
                 "paragraph":42,"start":0,"end":1}],
      "positions":[{"id":"p1","actor":"nobody","summary":"s","stance":"warns",
                    "polarity":"negative","quote":"q9","paragraph":123}]}"#;
    let a: Article = serde_json::from_str(json).expect("valid JSON");
    for (w, h) in [(160, 48), (80, 24), (40, 12)] {
        let mut app = App::new(vec![a.clone()], Vec::new(), w, h);
        for action in [
            Action::ToggleRemoved,
            Action::FocusNext,
            Action::Select,
            Action::FindNext,
            Action::FocusNext,
            Action::Select,
            Action::Copy,
            Action::FocusNext,
            Action::Select,
            Action::Bottom,
            Action::NextParagraph,
            Action::Find,
            Action::FindInput('s'),
            Action::FindConfirm,
        ] {
            app.update(action);
            let _ = screen(&app);
        }
    }
}

#[test]
fn escape_sequences_in_an_article_never_reach_the_screen() {
    // built by hand, past the sanitiser at ingest: the reader's last guard
    let mut a = common_article();
    a.title = "Title\u{1b}]0;owned\u{7} \u{1b}[2J".into();
    a.paragraphs[0].text = "Anna\u{1b}]52;c;ZXZpbA==\u{7} Berg \u{9b}31m spoke.\u{202e}".into();
    a.actors[0].name = "Anna\u{1b}[1;1H Berg".into();
    a.quotes[0].text = "We \u{1b}]8;;http://x\u{1b}\\stay".into();
    let mut app = App::new(vec![a], vec!["bad\u{1b}[31m.txt: error".into()], 160, 48);
    app.update(Action::Help);
    let check = |app: &App| {
        let buf = render(app);
        for cell in &buf.content {
            assert!(
                !cell
                    .symbol()
                    .chars()
                    .any(|c| c.is_control() || c == '\u{202e}'),
                "{:?}",
                cell.symbol()
            );
        }
    };
    check(&app);
    app.update(Action::Back);
    app.update(Action::FocusNext);
    check(&app);
}

#[test]
fn wide_characters_and_emoji_keep_their_columns() {
    let mut a = common_article();
    a.paragraphs[0].text =
        "東京で会議 👨\u{200d}👩\u{200d}👧 family, 👍\u{1f3fd} thumbs, 🇫🇷 flag, ❤\u{fe0f} heart. "
            .repeat(6);
    let app = App::new(vec![a], Vec::new(), 80, 24);
    let buf = render(&app);
    // every row is exactly as wide as the screen once wide cells are counted
    let text = text_of(&buf);
    for line in text.lines() {
        assert_eq!(unicode_width::UnicodeWidthStr::width(line), 80, "{line}");
    }
    assert!(text.contains("👨👩👧"));
    assert!(text.contains("FR flag"));
}

#[test]
fn reading_positions_are_saved_and_restored() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("positions.json");
    let (positions, _) = Positions::load(file.clone());
    let mut app = App::with_settings(
        vec![seed_article()],
        Vec::new(),
        100,
        30,
        Settings::default(),
        positions,
    );
    press(&mut app, Action::NextParagraph, 7);
    press(&mut app, Action::Down(1), 2);
    let anchor = app.reader.top_anchor();
    app.update(Action::Quit);
    app.positions.save().expect("saved");

    let (positions, message) = Positions::load(file);
    assert!(message.is_none());
    let again = App::with_settings(
        vec![seed_article()],
        Vec::new(),
        100,
        30,
        Settings::default(),
        positions,
    );
    assert_eq!(again.reader.top_anchor(), anchor);
    assert!(again.reader.scroll > 0);
}

#[test]
fn articles_switch_with_brackets_and_keep_their_places() {
    let other = dossier::analyse_text(
        "second.txt",
        "Second\n\nOne paragraph here.\n\nAnd another.",
    );
    let mut app = App::new(vec![seed_article(), other], Vec::new(), 100, 30);
    press(&mut app, Action::Down(1), 5);
    let scroll = app.reader.scroll;
    app.update(Action::NextArticle);
    assert_eq!(app.current, 1);
    assert_eq!(app.reader.scroll, 0);
    app.update(Action::PrevArticle);
    assert_eq!(app.current, 0);
    // the seed's source is a real file, so its place was kept
    assert_eq!(app.reader.scroll, scroll);
}

#[test]
fn escape_with_nothing_to_clear_leaves_the_screen_to_its_caller() {
    let mut app = seed_app(80, 24);
    let outcome = app.reader.update(Action::Back);
    assert_eq!(outcome, dossier::tui::reader::Outcome::Leave);
    // without a caller, the app stays and says how to quit
    app.update(Action::Back);
    assert!(!app.quit);
    assert!(screen(&app).contains("q quits"));
    app.update(Action::Quit);
    assert!(app.quit);
}

#[test]
fn help_is_generated_from_the_keymap() {
    let mut settings = Settings::default();
    let (config, errors) = dossier::tui::config::parse("[keys]\nquit = \"x\"\n");
    assert!(errors.is_empty());
    settings.keymap = config.keymap;
    let mut app = App::with_settings(
        vec![seed_article()],
        Vec::new(),
        100,
        40,
        settings,
        Positions::in_memory(),
    );
    app.update(Action::Help);
    let s = screen(&app);
    assert!(s.contains("Keys"), "{s}");
    assert!(
        s.lines().any(|l| l.contains(" x ") && l.contains("quit")),
        "{s}"
    );
    assert!(s.contains("next paragraph"));
    app.update(Action::Help);
    assert!(app.reader.help.is_none());
}

#[test]
fn the_mouse_scrolls_and_selects() {
    let mut app = seed_app(160, 48);
    app.update(Action::Wheel {
        column: 10,
        row: 10,
        down: true,
    });
    assert_eq!(app.reader.scroll, 3);
    // a click on the second row of the Quotes panel selects that quote
    let list = app.reader.areas().lists[1].expect("quotes on screen");
    app.update(Action::Click {
        column: list.x + 2,
        row: list.y + 1,
    });
    assert_eq!(app.reader.focus, Focus::Quotes);
    assert_eq!(
        app.reader.cursor_target(Panel::Quotes),
        app.reader.rows.of(Panel::Quotes)[1].target()
    );
}

#[test]
fn the_readme_config_example_is_a_valid_config() {
    let readme = include_str!("../README.md");
    let keys = &readme[readme.find("## Keys").expect("a Keys section")..];
    let start = keys.find("```toml\n").expect("a config example") + "```toml\n".len();
    let example = &keys[start..start + keys[start..].find("```").expect("closed")];
    let (_, errors) = dossier::tui::config::parse(example);
    assert!(errors.is_empty(), "{errors:?}");
}

#[test]
fn monochrome_draws_with_attributes_only() {
    use dossier::tui::theme::{Depth, Theme};
    let settings = Settings {
        theme: Theme::new(Depth::Mono),
        ..Settings::default()
    };
    let mut app = App::with_settings(
        vec![seed_article()],
        Vec::new(),
        160,
        48,
        settings,
        Positions::in_memory(),
    );
    app.update(Action::FocusNext);
    press(&mut app, Action::Down(1), 2);
    app.update(Action::Find);
    app.update(Action::FindInput('m'));
    let buf = render(&app);
    let reset = ratatui::style::Color::Reset;
    assert!(buf.content.iter().all(|c| c.fg == reset && c.bg == reset));
    // the selection and the highlights still show
    assert!(
        buf.content
            .iter()
            .any(|c| c.modifier.contains(ratatui::style::Modifier::REVERSED))
    );
}

#[test]
fn a_long_article_opens_scrolls_and_finds() {
    let paragraphs: Vec<String> = (0..5000)
        .map(|i| format!("Paragraph {i} says the envoy met the minister again."))
        .collect();
    let text = format!("A long one\n\n{}", paragraphs.join("\n\n"));
    let a = dossier::analyse_text("long.txt", &text);
    let mut app = App::new(vec![a], Vec::new(), 100, 30);
    app.update(Action::Bottom);
    assert!(app.reader.current > Some(4000));
    app.update(Action::Find);
    for c in "envoy".chars() {
        app.update(Action::FindInput(c));
    }
    app.update(Action::FindConfirm);
    assert!(app.reader.find.hits.len() >= 5000);
    app.update(Action::Resize {
        width: 60,
        height: 20,
    });
    let _ = screen(&app);
}

#[test]
fn the_readme_names_every_command_and_its_pages_keys() {
    let readme = include_str!("../README.md");
    for command in dossier::tui::keymap::Command::all() {
        assert!(
            readme.contains(&format!("`{}`", command.name())),
            "README does not name {}",
            command.name()
        );
    }
    // the three pages have their keys tables
    for head in [
        "| key | library |",
        "| key | article |",
        "| key | actors across the library |",
    ] {
        assert!(readme.contains(head), "{head}");
    }
}
