//! The status bar: where reading stands (paragraph, percent, article), the
//! find prompt or the last message, and key hints taken from the keymap.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::Scene;
use super::{fit, width_of};
use crate::tui::keymap::Command;
use crate::tui::reader::{Jump, Reader};

pub fn draw(scene: &Scene, frame: &mut Frame, area: Rect) {
    let reader = scene.reader;
    let theme = &scene.settings.theme;
    let width = usize::from(area.width);
    let place = place(scene);
    let (middle, error) = if reader.find.editing {
        (prompt(reader), false)
    } else if let Some(m) = &reader.message {
        (m.text.clone(), m.error)
    } else {
        (progress(reader), false)
    };
    let hints = hints(scene);
    let left = format!(" {place} ");
    let room = width.saturating_sub(width_of(&left));
    let middle = fit(&middle, room);
    let rest = room.saturating_sub(width_of(&middle));
    // as many hints as fit, most useful first
    let mut shown = String::new();
    for hint in &hints {
        let next = format!("{shown}{hint}  ");
        if width_of(&next) >= rest {
            break;
        }
        shown = next;
    }
    let hints = shown;
    let pad = rest.saturating_sub(width_of(&hints));
    let middle_style = if error { theme.error } else { theme.status };
    let line = Line::from(vec![
        Span::styled(fit(&left, width), theme.status_key),
        Span::styled(middle, middle_style),
        Span::styled(" ".repeat(pad), theme.status),
        Span::styled(hints, theme.status),
    ]);
    frame.render_widget(Paragraph::new(line), area);
}

/// "¶3/16 26%" and the article number when there are several.
fn place(scene: &Scene) -> String {
    let r = scene.reader;
    let paragraphs = r.article.paragraphs.len();
    let lines = r.text.lines.len().max(1);
    let seen = (r.scroll + r.rows_in_view()).min(lines);
    let percent = seen * 100 / lines;
    let mut s = match r.current {
        Some(p) => format!("¶{}/{paragraphs} {percent}%", p + 1),
        None => format!("{percent}%"),
    };
    if let Some((number, count)) = scene.article {
        s.push_str(&format!(" · {number}/{count}"));
    }
    s
}

fn prompt(r: &Reader) -> String {
    let count = match (r.find.hits.len(), r.find.current) {
        (0, _) if r.find.query.is_empty() => String::new(),
        (0, _) => "  no match".to_string(),
        (n, Some(i)) => format!("  {}/{n}", i + 1),
        (n, None) => format!("  {n}"),
    };
    format!("/{}▏{count}", r.find.query)
}

/// What `n` would step through, and where it stands: "/wagner 3/14".
fn progress(r: &Reader) -> String {
    let find = (!r.find.hits.is_empty()).then(|| {
        let i = r.find.current.map_or(0, |i| i + 1);
        format!("/{} {i}/{}", r.find.query, r.find.hits.len())
    });
    let mentions = r.actor.map(|a| {
        let name = r.article.actors.get(a).map_or("", |x| x.name.as_str());
        let places = r.mention_places(a);
        let at = r
            .jumped
            .filter(|_| r.jump == Jump::Mentions)
            .and_then(|j| places.iter().position(|p| *p == j));
        match at {
            Some(i) => format!("{name}: mention {}/{}", i + 1, places.len()),
            None => format!("{name}: {} mentions", places.len()),
        }
    });
    let (first, second) = match r.jump {
        Jump::Find => (find, mentions),
        Jump::Mentions => (mentions, find),
    };
    [first, second]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ")
}

/// "? help", "/ find", "Tab panels", "q quit": from the keymap.
fn hints(scene: &Scene) -> Vec<String> {
    let map = &scene.settings.keymap;
    let mut hints = vec![
        (Command::Help, "help"),
        (Command::Quit, if scene.library { "back" } else { "quit" }),
        (Command::Find, "find"),
        (Command::FocusNext, "panels"),
    ];
    if scene.library {
        hints.push((Command::ActorAcross, "actor across the library"));
    }
    hints
        .into_iter()
        .filter_map(|(command, what)| {
            let key = map.first_key(command)?;
            Some(crate::tui::text::safe(&format!("{key} {what}")).into_owned())
        })
        .collect()
}
