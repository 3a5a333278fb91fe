//! The library behind the pages when a folder is open: the [`Library`]
//! itself, its list, the actors across it, which article is open and where
//! each page goes back to, and the preview of the selected article that the
//! list shows on large terminals.

use std::time::Duration;

use ratatui::layout::Rect;

use super::actors_view::{ActorsAction, ActorsScreen};
use super::app::{Action, Settings};
use super::keymap::Page;
use super::library_view::{self, LibraryAction, LibraryScreen};
use super::reader::Reader;
use super::state::{self, Positions};
use crate::library::{Library, Status};
use crate::model::Article;

/// While the library analyses (or the actors merge), results are taken in
/// this often.
const BUSY_TICK: Duration = Duration::from_millis(40);
/// Otherwise, this often (the folder's watch reports through it).
const IDLE_TICK: Duration = Duration::from_secs(1);

/// The selected article, ready to draw under the list.
#[derive(Debug)]
pub struct Preview {
    pub entry: usize,
    pub reader: Reader,
}

pub struct Shelf {
    pub library: Library,
    pub list: LibraryScreen,
    pub actors: Option<ActorsScreen>,
    /// Where Back from the actors goes (the list or the article).
    pub actors_from: Page,
    /// Where q from the article goes (the list or the actors).
    pub article_from: Page,
    /// The entry open on the article page.
    pub open: Option<usize>,
    pub preview: Option<Preview>,
    /// The entry and version the preview was last made for (or tried).
    previewed: Option<(usize, u64)>,
}

impl Shelf {
    pub fn new(library: Library, list: LibraryScreen) -> Shelf {
        Shelf {
            library,
            list,
            actors: None,
            actors_from: Page::Library,
            article_from: Page::Library,
            open: None,
            preview: None,
            previewed: None,
        }
    }

    pub fn resize(&mut self, width: u16, height: u16) {
        self.list
            .update(&mut self.library, LibraryAction::Resize { width, height });
        if let Some(a) = self.actors.as_mut() {
            a.update(&self.library, ActorsAction::Resize { width, height });
        }
        let area = self.preview_area();
        if let (Some(p), Some(area)) = (self.preview.as_mut(), area) {
            p.reader.update(Action::Resize {
                width: area.width,
                height: area.height,
            });
        }
    }

    /// Where the preview goes on the list page, when it fits.
    pub fn preview_area(&self) -> Option<Rect> {
        let screen = Rect::new(0, 0, self.list.width, self.list.height);
        library_view::areas(screen, self.list.rows().len()).preview
    }

    /// The preview of the selected row, when it is loaded.
    pub fn preview_of_selection(&self) -> Option<&Reader> {
        self.preview
            .as_ref()
            .filter(|p| Some(p.entry) == self.list.selected_entry())
            .map(|p| &p.reader)
    }

    /// The previewed article of `entry`, to open without reading it again.
    pub fn take_preview(&mut self, entry: usize) -> Option<Article> {
        if self.preview.as_ref().is_some_and(|p| p.entry == entry) {
            self.previewed = None;
            return self.preview.take().map(|p| p.reader.article);
        }
        None
    }

    /// Take in the background's results; whether anything changed.
    pub fn take_results(&mut self) -> bool {
        let changed = self.library.poll();
        self.list.refresh(&self.library);
        // a damaged cache moved aside, a folder that cannot be written:
        // said once, on the list's status line
        let noticed = match self.library.notices().pop() {
            Some(latest) => {
                self.list.message = Some(latest);
                true
            }
            None => false,
        };
        let mut merged = false;
        if let Some(a) = self.actors.as_mut() {
            let was = a.is_merging();
            a.refresh(&self.library);
            merged = was != a.is_merging();
        }
        changed || merged || noticed
    }

    /// The selected row when it is analysed and its preview is not made.
    fn preview_due(&self) -> Option<(usize, u64)> {
        self.preview_area()?;
        let entry = self.list.selected_entry()?;
        let e = self.library.entry(entry)?;
        let key = (entry, e.version);
        (matches!(e.status, Status::Analysed(_)) && self.previewed != Some(key)).then_some(key)
    }

    /// Make the preview of the selected row (at its saved place); whether
    /// the screen changed.
    pub fn load_preview(&mut self, settings: &Settings, positions: &Positions) -> bool {
        let area = self.preview_area();
        let mut resized = false;
        if let (Some(p), Some(area)) = (self.preview.as_mut(), area)
            && (p.reader.width, p.reader.height) != (area.width, area.height)
        {
            // the list grew or shrank (a filter): the preview follows
            p.reader.update(Action::Resize {
                width: area.width,
                height: area.height,
            });
            resized = true;
        }
        let Some((entry, version)) = self.preview_due() else {
            return resized;
        };
        self.previewed = Some((entry, version));
        let Some(area) = self.preview_area() else {
            return false;
        };
        let Ok(article) = self.library.article(entry) else {
            return false;
        };
        let saved = state::key_for(&article.source).and_then(|k| positions.get(&k));
        let mut reader = Reader::new(article, area.width, area.height, settings.layout);
        if let Some(s) = saved {
            reader.restore(s.paragraph, s.offset, s.current);
        }
        self.preview = Some(Preview { entry, reader });
        true
    }

    /// How long until the next tick: at once when a preview is due.
    pub fn tick_wait(&self, on_list: bool) -> Duration {
        let merging = self.actors.as_ref().is_some_and(|a| a.is_merging());
        if on_list && self.preview_due().is_some() {
            Duration::ZERO
        } else if self.library.is_busy() || merging {
            BUSY_TICK
        } else {
            IDLE_TICK
        }
    }
}

impl std::fmt::Debug for Shelf {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Shelf")
            .field("root", &self.library.root())
            .field("open", &self.open)
            .field("actors_from", &self.actors_from)
            .field("article_from", &self.article_from)
            .finish_non_exhaustive()
    }
}
