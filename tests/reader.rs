//! The reader drawn into ratatui's `TestBackend`: what a user sees.

use dossier::tui::{Action, App, Focus, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn seed_app(width: u16, height: u16) -> App {
    let a = dossier::load(std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/articles/mali-russian-mercenaries.txt"
    )))
    .expect("seed loads");
    App::new(vec![a], Vec::new(), width, height)
}

fn screen(app: &App) -> String {
    let mut t = Terminal::new(TestBackend::new(app.width, app.height)).expect("terminal");
    t.draw(|f| view::view(app, f)).expect("draw");
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

#[test]
fn panels_have_titles_and_the_first_paragraph_shows() {
    let app = seed_app(160, 48);
    let s = screen(&app);
    assert!(s.contains("Actors ("), "{s}");
    assert!(s.contains("Quotes ("), "{s}");
    assert!(s.contains("Positions ("), "{s}");
    assert!(s.contains("Mali: We need Russian mercenaries"), "{s}");
    assert!(
        s.contains("Mali Prime Minister Shogel Kokalla Maiga said"),
        "{s}"
    );
}

#[test]
fn scrolling_moves_the_current_paragraph() {
    let mut app = seed_app(100, 30);
    assert_eq!(app.current_paragraph(), Some(0));
    app.update(Action::Down(12));
    assert!(app.current_paragraph() > Some(0));
    app.update(Action::Up(100));
    assert_eq!(app.scroll, 0);
}

#[test]
fn tab_cycles_focus_through_the_panels() {
    let mut app = seed_app(100, 30);
    let mut seen = vec![app.focus];
    for _ in 0..4 {
        app.update(Action::FocusNext);
        seen.push(app.focus);
    }
    assert_eq!(
        seen,
        vec![
            Focus::Text,
            Focus::Actors,
            Focus::Quotes,
            Focus::Positions,
            Focus::Text
        ]
    );
}

#[test]
fn tiny_terminals_do_not_panic() {
    for (w, h) in [(1, 1), (2, 2), (10, 3), (40, 12)] {
        let app = seed_app(w, h);
        let _ = screen(&app);
    }
}
