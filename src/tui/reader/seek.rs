//! Finding text and stepping through matches and mentions: the find prompt,
//! and `n`/`N` over either the matches or the selected actor's mentions.

use super::{Find, Jump, Reader};
use crate::tui::app::Action;
use crate::tui::find;
use crate::tui::index::Place;

impl Reader {
    pub(super) fn open_prompt(&mut self) {
        self.find = Find {
            editing: true,
            origin: (self.scroll, self.current),
            ..Find::default()
        };
        self.jump = Jump::Find;
    }

    /// Keys while the find prompt is open; false when the action is not a
    /// prompt key (it then applies as usual).
    pub(super) fn update_prompt(&mut self, action: Action) -> bool {
        match action {
            Action::FindInput(c) => {
                self.find.query.push(c);
                self.search();
            }
            Action::FindBackspace => {
                self.find.query.pop();
                self.search();
            }
            Action::FindConfirm => {
                self.find.editing = false;
                if self.find.query.is_empty() {
                    self.find = Find::default();
                } else if self.find.hits.is_empty() {
                    let q = crate::tui::text::safe(&self.find.query).into_owned();
                    self.fail(&format!("Not found: {q}"));
                }
            }
            Action::FindCancel => {
                let (scroll, current) = self.find.origin;
                self.find = Find::default();
                self.scroll = scroll.min(self.max_scroll());
                self.current = current;
                self.jumped = None;
            }
            Action::Resize { .. } => return false,
            _ => return true,
        }
        self.refresh_rows();
        true
    }

    /// Find the query from where the prompt opened, and go to the first
    /// match at or after it.
    pub(super) fn search(&mut self) {
        self.find.hits = find::find(&self.article, &self.find.query);
        let (scroll, current) = self.find.origin;
        self.scroll = scroll.min(self.max_scroll());
        self.current = current;
        let from = current.unwrap_or(0);
        let first = self
            .find
            .hits
            .iter()
            .position(|h| h.paragraph >= from)
            .or((!self.find.hits.is_empty()).then_some(0));
        self.find.current = first;
        self.jumped = None;
        if let Some(i) = first {
            self.go_to(self.find.hits[i]);
        }
    }

    /// `n` (step 1) and `N` (-1): the next match, or the next mention of the
    /// selected actor, wrapping around at the ends.
    pub(super) fn next_match(&mut self, step: isize) {
        let use_find =
            !self.find.hits.is_empty() && (self.jump == Jump::Find || self.actor.is_none());
        if use_find {
            let n = self.find.hits.len();
            let next = match self.find.current {
                Some(i) => (i as isize + step).rem_euclid(n as isize) as usize,
                None => 0,
            };
            self.find.current = Some(next);
            self.go_to(self.find.hits[next]);
            return;
        }
        let Some(actor) = self.actor else {
            self.fail("Nothing to step through: find text (/) or select an actor");
            return;
        };
        let places = self.mention_places(actor);
        let from = self.jumped.unwrap_or(Place {
            paragraph: self.current.unwrap_or(0),
            start: 0,
            end: 0,
        });
        let next = if step > 0 {
            let at = self.jumped.is_some();
            places
                .iter()
                .find(|p| if at { **p > from } else { **p >= from })
                .or(places.first())
        } else {
            places.iter().rev().find(|p| **p < from).or(places.last())
        };
        match next.copied() {
            Some(place) => self.go_to(place),
            None => self.fail("This actor has no mentions in the text"),
        }
    }

    /// Every mention of an actor and of the people who speak for it.
    pub fn mention_places(&self, actor: usize) -> Vec<Place> {
        let mut places: Vec<Place> = self
            .index
            .actor_and_members(actor)
            .into_iter()
            .flat_map(|a| self.index.mentions_of[a].iter().copied())
            .collect();
        places.sort();
        places.dedup();
        places
    }
}
