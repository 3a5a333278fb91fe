//! Whole screens of the seed article, as `insta` snapshots: the three sizes,
//! a panel selected, an actor's mentions highlighted, the help, find. Under
//! each screen, the styled runs (`row col..col style`) show the highlights.
//!
//! When the analysis improves (other actors, quotes), these change: review
//! the new screens and accept them deliberately.

mod common;

use common::{screen, screen_with_styles, seed_app};
use dossier::tui::panels::{Panel, Target};
use dossier::tui::{Action, App};

fn press(app: &mut App, actions: &[Action]) {
    for a in actions {
        app.update(*a);
    }
}

#[test]
fn seed_at_40x12() {
    insta::assert_snapshot!(screen(&seed_app(40, 12)));
}

#[test]
fn seed_at_80x24() {
    insta::assert_snapshot!(screen(&seed_app(80, 24)));
}

#[test]
fn seed_at_160x48() {
    insta::assert_snapshot!(screen_with_styles(&seed_app(160, 48)));
}

#[test]
fn seed_at_40x12_with_the_panel_overlay() {
    let mut app = seed_app(40, 12);
    press(&mut app, &[Action::FocusNext, Action::FocusNext]);
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn a_quote_selected_in_its_panel_at_160x48() {
    let mut app = seed_app(160, 48);
    press(
        &mut app,
        &[
            Action::FocusNext,
            Action::FocusNext,
            Action::Down(1),
            Action::Down(1),
            Action::Down(1),
        ],
    );
    insta::assert_snapshot!(screen_with_styles(&app));
}

#[test]
fn an_actors_mentions_highlighted_at_160x48() {
    let mut app = seed_app(160, 48);
    app.update(Action::FocusNext);
    // the first actor in the panel mentioned more than once
    let row = app
        .reader
        .rows
        .of(Panel::Actors)
        .iter()
        .position(|r| match r.target() {
            Some(Target::Actor(a)) => app.reader.index.mentions_of[a].len() > 1,
            _ => false,
        })
        .expect("an actor mentioned twice");
    for _ in 0..row {
        app.update(Action::Down(1));
    }
    press(&mut app, &[Action::Select]);
    insta::assert_snapshot!(screen_with_styles(&app));
}

#[test]
fn the_help_overlay_at_80x24() {
    let mut app = seed_app(80, 24);
    app.update(Action::Help);
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn find_typing_at_80x24() {
    let mut app = seed_app(80, 24);
    app.update(Action::Find);
    for c in "wagner".chars() {
        app.update(Action::FindInput(c));
    }
    insta::assert_snapshot!(screen_with_styles(&app));
}

#[test]
fn find_done_at_80x24() {
    let mut app = seed_app(80, 24);
    app.update(Action::Find);
    for c in "mali".chars() {
        app.update(Action::FindInput(c));
    }
    press(
        &mut app,
        &[Action::FindConfirm, Action::FindNext, Action::FindNext],
    );
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn too_small_at_15x4() {
    insta::assert_snapshot!(screen(&seed_app(15, 4)));
}
