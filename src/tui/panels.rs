//! What the Actors, Quotes and Positions panels list, as plain rows: the
//! items of the current paragraph first, actors grouped under what they
//! speak for, positions grouped by actor, everything narrowed to the selected
//! actor (and its people) when one is selected.

use std::cmp::Reverse;
use std::collections::HashMap;

use super::index::ArticleIndex;
use crate::model::Article;

/// One of the three panels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Panel {
    Actors,
    Quotes,
    Positions,
}

impl Panel {
    pub const ALL: [Panel; 3] = [Panel::Actors, Panel::Quotes, Panel::Positions];

    pub fn title(self) -> &'static str {
        match self {
            Panel::Actors => "Actors",
            Panel::Quotes => "Quotes",
            Panel::Positions => "Positions",
        }
    }

    /// The panel's place in arrays of three.
    pub fn slot(self) -> usize {
        match self {
            Panel::Actors => 0,
            Panel::Quotes => 1,
            Panel::Positions => 2,
        }
    }
}

/// Whether the panels list the whole article or only the current paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Scope {
    #[default]
    Article,
    Paragraph,
}

/// The item a row stands for; rows without one are group headings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Target {
    Actor(usize),
    Quote(usize),
    Position(usize),
}

/// One row of a panel. `here` marks items of the current paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    /// An actor; `member` when listed under the actor it speaks for.
    Actor {
        actor: usize,
        member: bool,
        count: usize,
        here: bool,
    },
    Quote {
        quote: usize,
        here: bool,
    },
    /// The heading of a group of positions: the actor, or (for an actor id
    /// the article does not define) the first position's raw `actor`.
    Speaker {
        actor: Option<usize>,
        position: usize,
        here: bool,
    },
    Position {
        position: usize,
        here: bool,
    },
}

impl Row {
    pub fn target(&self) -> Option<Target> {
        match *self {
            Row::Actor { actor, .. } => Some(Target::Actor(actor)),
            Row::Quote { quote, .. } => Some(Target::Quote(quote)),
            Row::Position { position, .. } => Some(Target::Position(position)),
            Row::Speaker { .. } => None,
        }
    }

    pub fn here(&self) -> bool {
        match *self {
            Row::Actor { here, .. }
            | Row::Quote { here, .. }
            | Row::Speaker { here, .. }
            | Row::Position { here, .. } => here,
        }
    }
}

/// What the panels follow: the current paragraph, the scope and the
/// selected actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Focus {
    pub paragraph: Option<usize>,
    pub scope: Scope,
    pub actor: Option<usize>,
}

/// The rows of the three panels and how many items each holds in all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PanelRows {
    pub rows: [Vec<Row>; 3],
    /// Items in the whole article, unfiltered, per panel.
    pub totals: [usize; 3],
}

impl PanelRows {
    pub fn new(article: &Article, ix: &ArticleIndex, focus: Focus) -> Self {
        PanelRows {
            rows: [
                actor_rows(article, ix, focus),
                quote_rows(article, ix, focus),
                position_rows(article, ix, focus),
            ],
            totals: [
                article.actors.len(),
                article.quotes.len(),
                article.positions.len(),
            ],
        }
    }

    pub fn of(&self, panel: Panel) -> &[Row] {
        &self.rows[panel.slot()]
    }

    /// Items (not headings) listed in a panel.
    pub fn shown(&self, panel: Panel) -> usize {
        self.of(panel)
            .iter()
            .filter(|r| r.target().is_some())
            .count()
    }

    /// The row of `target` in `panel`, else the first row with an item.
    pub fn cursor(&self, panel: Panel, target: Option<Target>) -> Option<usize> {
        let rows = self.of(panel);
        target
            .and_then(|t| rows.iter().position(|r| r.target() == Some(t)))
            .or_else(|| rows.iter().position(|r| r.target().is_some()))
    }

    /// The item `steps` items away from `target` (clamped at both ends).
    pub fn step(&self, panel: Panel, target: Option<Target>, steps: isize) -> Option<Target> {
        let items: Vec<Target> = self.of(panel).iter().filter_map(Row::target).collect();
        if items.is_empty() {
            return None;
        }
        let at = target
            .and_then(|t| items.iter().position(|&i| i == t))
            .unwrap_or(0);
        let to = at.saturating_add_signed(steps).min(items.len() - 1);
        items.get(to).copied()
    }
}

/// The actors the selection stands for (itself and its people), or all.
fn allowed(ix: &ArticleIndex, focus: Focus) -> Option<Vec<usize>> {
    focus.actor.map(|a| ix.actor_and_members(a))
}

fn actor_rows(article: &Article, ix: &ArticleIndex, focus: Focus) -> Vec<Row> {
    let here = |a: usize| focus.paragraph.is_some_and(|p| ix.mentioned_in(a, p));
    let only_here = focus.scope == Scope::Paragraph;
    let counted = if only_here { focus.paragraph } else { None };
    let mut groups: Vec<(usize, bool, usize)> = (0..article.actors.len())
        .filter(|&a| ix.root.get(a) == Some(&a))
        .map(|r| {
            let members = &ix.members[r];
            let group_here = here(r) || members.iter().any(|&m| here(m));
            let total = ix.mention_count(r, None)
                + members
                    .iter()
                    .map(|&m| ix.mention_count(m, None))
                    .sum::<usize>();
            (r, group_here, total)
        })
        .filter(|&(_, group_here, _)| group_here || !only_here)
        .collect();
    groups.sort_by_key(|&(_, group_here, total)| (!group_here, Reverse(total)));
    let mut rows = Vec::new();
    for (r, _, _) in groups {
        rows.push(Row::Actor {
            actor: r,
            member: false,
            count: ix.mention_count(r, counted),
            here: here(r),
        });
        let mut members: Vec<usize> = ix.members[r]
            .iter()
            .copied()
            .filter(|&m| here(m) || !only_here)
            .collect();
        members.sort_by_key(|&m| (!here(m), Reverse(ix.mention_count(m, None))));
        rows.extend(members.into_iter().map(|m| Row::Actor {
            actor: m,
            member: true,
            count: ix.mention_count(m, counted),
            here: here(m),
        }));
    }
    rows
}

fn quote_rows(article: &Article, ix: &ArticleIndex, focus: Focus) -> Vec<Row> {
    let allowed = allowed(ix, focus);
    let mut quotes: Vec<(usize, bool)> = (0..article.quotes.len())
        .filter(|&q| match (&allowed, ix.quote_speaker[q]) {
            (None, _) => true,
            (Some(set), Some(s)) => set.contains(&s),
            (Some(_), None) => false,
        })
        .map(|q| {
            let here = focus.paragraph.is_some_and(|p| ix.quote_covers(q, p));
            (q, here)
        })
        .filter(|&(_, here)| here || focus.scope == Scope::Article)
        .collect();
    let place = |q: usize| {
        ix.quote_places[q]
            .as_ref()
            .and_then(|ps| ps.first().copied())
            .map_or((usize::MAX, 0), |p| (p.paragraph, p.start))
    };
    quotes.sort_by_key(|&(q, here)| (!here, place(q)));
    quotes
        .into_iter()
        .map(|(quote, here)| Row::Quote { quote, here })
        .collect()
}

fn position_rows(article: &Article, ix: &ArticleIndex, focus: Focus) -> Vec<Row> {
    let allowed = allowed(ix, focus);
    let here = |p: usize| focus.paragraph.is_some() && ix.position_paragraph[p] == focus.paragraph;
    // groups keyed by the actor's id as written, in order of appearance
    let mut groups: Vec<(&str, Vec<usize>)> = Vec::new();
    let mut group_of: HashMap<&str, usize> = HashMap::new();
    let mut order: Vec<usize> = (0..article.positions.len()).collect();
    order.sort_by_key(|&p| ix.position_paragraph[p].unwrap_or(usize::MAX));
    for p in order {
        let actor = ix.position_actor[p];
        let keep = match (&allowed, actor) {
            (None, _) => true,
            (Some(set), Some(a)) => set.contains(&a),
            (Some(_), None) => false,
        };
        if !keep || (focus.scope == Scope::Paragraph && !here(p)) {
            continue;
        }
        let key = article.positions[p].actor.as_str();
        match group_of.get(key) {
            Some(&g) => groups[g].1.push(p),
            None => {
                group_of.insert(key, groups.len());
                groups.push((key, vec![p]));
            }
        }
    }
    groups.sort_by_key(|(_, list)| !list.iter().any(|&p| here(p)));
    let mut rows = Vec::new();
    for (_, mut list) in groups {
        list.sort_by_key(|&p| !here(p));
        rows.push(Row::Speaker {
            actor: ix.position_actor[list[0]],
            position: list[0],
            here: list.iter().any(|&p| here(p)),
        });
        rows.extend(list.into_iter().map(|position| Row::Position {
            position,
            here: here(position),
        }));
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ActorKind;
    use crate::tui::fixture::{actor, article as blank, position, quote};

    /// A kingdom with two ministers, a guild, over three paragraphs.
    fn article() -> Article {
        let mut a = blank(&["Aa bb.", "Cc dd.", "Ee ff."]);
        a.actors = vec![
            actor("kingdom", ActorKind::Country, None, &[0, 1, 2]),
            actor("guild", ActorKind::Organization, None, &[2]),
            actor("minister", ActorKind::Person, Some("kingdom"), &[0]),
            actor("envoy", ActorKind::Person, Some("kingdom"), &[2]),
        ];
        a.quotes = vec![
            quote("q1", "minister", 0),
            quote("q2", "guild", 2),
            quote("q3", "envoy", 2),
        ];
        a.positions = vec![
            position("p1", "minister", 0),
            position("p2", "guild", 2),
            position("p3", "envoy", 2),
            position("p4", "nobody-known", 1),
        ];
        a
    }
    fn focus(paragraph: usize) -> Focus {
        Focus {
            paragraph: Some(paragraph),
            ..Focus::default()
        }
    }

    #[test]
    fn actors_are_grouped_under_what_they_speak_for_current_first() {
        let a = article();
        let ix = ArticleIndex::new(&a);
        let rows = PanelRows::new(&a, &ix, focus(2));
        let listed: Vec<(usize, bool, bool)> = rows
            .of(Panel::Actors)
            .iter()
            .map(|r| match *r {
                Row::Actor {
                    actor,
                    member,
                    here,
                    ..
                } => (actor, member, here),
                _ => unreachable!(),
            })
            .collect();
        // kingdom (3 + members) first, its envoy (here) before its minister
        assert_eq!(
            listed,
            vec![
                (0, false, true),
                (3, true, true),
                (2, true, false),
                (1, false, true)
            ]
        );
    }

    #[test]
    fn selecting_an_institution_includes_its_people() {
        let a = article();
        let ix = ArticleIndex::new(&a);
        let f = Focus {
            actor: Some(0),
            ..focus(0)
        };
        let rows = PanelRows::new(&a, &ix, f);
        let quotes: Vec<Option<Target>> = rows.of(Panel::Quotes).iter().map(Row::target).collect();
        assert_eq!(quotes, vec![Some(Target::Quote(0)), Some(Target::Quote(2))]);
        assert_eq!(rows.shown(Panel::Positions), 2);
    }

    #[test]
    fn paragraph_scope_lists_only_the_current_paragraph() {
        let a = article();
        let ix = ArticleIndex::new(&a);
        let f = Focus {
            scope: Scope::Paragraph,
            ..focus(1)
        };
        let rows = PanelRows::new(&a, &ix, f);
        assert_eq!(rows.shown(Panel::Quotes), 0);
        assert_eq!(rows.shown(Panel::Actors), 1);
        // the position of an actor the article does not define keeps a heading
        assert!(matches!(
            rows.of(Panel::Positions),
            [
                Row::Speaker { actor: None, .. },
                Row::Position { position: 3, .. }
            ]
        ));
    }

    #[test]
    fn positions_are_grouped_by_actor_with_current_groups_first() {
        let a = article();
        let ix = ArticleIndex::new(&a);
        let rows = PanelRows::new(&a, &ix, focus(2));
        let heads: Vec<Option<usize>> = rows
            .of(Panel::Positions)
            .iter()
            .filter_map(|r| match *r {
                Row::Speaker { actor, .. } => Some(actor),
                _ => None,
            })
            .collect();
        assert_eq!(heads, vec![Some(1), Some(3), Some(2), None]);
    }

    #[test]
    fn stepping_skips_headings_and_stops_at_the_ends() {
        let a = article();
        let ix = ArticleIndex::new(&a);
        let rows = PanelRows::new(&a, &ix, focus(0));
        let first = rows.step(Panel::Positions, None, 0);
        assert_eq!(first, Some(Target::Position(0)));
        let last = rows.step(Panel::Positions, first, 99);
        assert_eq!(rows.step(Panel::Positions, last, 1), last);
        assert_eq!(rows.cursor(Panel::Positions, None), Some(1));
    }
}
