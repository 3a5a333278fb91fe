//! `y`: the selected quote, with its speaker, for the clipboard.

use super::{Focus, Reader};
use crate::model::{Article, QuoteKind};
use crate::tui::index::ArticleIndex;
use crate::tui::panels::{Panel, Target};

impl Reader {
    /// The quote `y` copies: the selected one in the Quotes panel (or the
    /// selected position's), else the one last gone to, else the first in
    /// the current paragraph.
    pub fn quote_to_copy(&self) -> Option<usize> {
        let from_panel = match self.focus {
            Focus::Quotes => match self.cursor_target(Panel::Quotes) {
                Some(Target::Quote(q)) => Some(q),
                _ => None,
            },
            Focus::Positions => match self.cursor_target(Panel::Positions) {
                Some(Target::Position(p)) => self.article.positions[p]
                    .quote
                    .as_deref()
                    .and_then(|id| self.quote_index(id)),
                _ => None,
            },
            _ => None,
        };
        from_panel
            .or_else(|| {
                let first = *self.mark.first()?;
                (0..self.article.quotes.len()).find(|&q| {
                    self.index.quote_places[q].as_ref().and_then(|p| p.first()) == Some(&first)
                })
            })
            .or_else(|| {
                let here = self.current?;
                (0..self.article.quotes.len()).find(|&q| self.index.quote_covers(q, here))
            })
    }

    pub(super) fn copy(&mut self) {
        let Some(q) = self.quote_to_copy() else {
            self.fail("No quote to copy: select one in the Quotes panel");
            return;
        };
        let text = attributed_quote(&self.article, &self.index, q);
        let shown: String = crate::tui::text::safe(&text).chars().take(60).collect();
        self.say(&format!("Copied: {shown}…"));
        self.clipboard = Some(text);
    }
}

/// A quote with its attribution, as `y` copies it:
/// `“We are not leaving.” — Florence Parly, Minister of the Armed Forces`.
pub fn attributed_quote(article: &Article, index: &ArticleIndex, quote: usize) -> String {
    let q = &article.quotes[quote];
    let text = q.text.trim();
    let quoted = text.starts_with(['“', '"', '«', '‘']);
    let body = if q.kind == QuoteKind::Direct && !quoted {
        format!("“{text}”")
    } else {
        text.to_string()
    };
    let speaker = index.quote_speaker[quote].map(|a| &article.actors[a]);
    let who = match speaker {
        Some(a) => match a.title.as_deref().filter(|t| !t.trim().is_empty()) {
            Some(title) => format!("{}, {}", a.name, title),
            None => a.name.clone(),
        },
        None => q.speaker_text.clone().unwrap_or_default(),
    };
    if who.trim().is_empty() {
        body
    } else {
        format!("{body} — {who}")
    }
}
