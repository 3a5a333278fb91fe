//! A parsed page flattened into one array in document order, so that every
//! later pass is a loop, never a recursion: a page of 100,000 nested `div`s
//! cannot overflow the stack. Script, style and form controls are left out
//! here; the metadata the head carries (meta tags, `<title>`, JSON-LD) is
//! collected on the way.

use scraper::{Html, Node as DomNode};

use super::nesting;
use super::rules::{self, Role};

/// One element or text node of the page.
#[derive(Debug, Clone)]
pub struct Node {
    /// The enclosing element's index (`usize::MAX` for the root).
    pub parent: usize,
    /// One past the last node of this node's subtree.
    pub end: usize,
    pub kind: NodeKind,
}

#[derive(Debug, Clone)]
pub enum NodeKind {
    Element {
        role: Role,
        /// Why this subtree is not article text (page chrome, a share bar,
        /// a caption...), from its tag or its class and id.
        mark: Option<rules::Mark>,
    },
    /// A range of [`Page::text`].
    Text { start: usize, end: usize },
}

/// The flattened page and what its head says about the article.
#[derive(Debug, Default)]
pub struct Page {
    pub nodes: Vec<Node>,
    /// The text of all text nodes, one after the other.
    pub text: String,
    /// `(name or property, content)` of every `<meta>` with content.
    pub metas: Vec<(String, String)>,
    /// The text of the `<title>` element.
    pub title: String,
    /// The bodies of `application/ld+json` scripts.
    pub json_ld: Vec<String>,
    /// `datetime` attribute or text of the first `<time>` element.
    pub first_time: Option<String>,
}

impl Page {
    /// Parse `html` and flatten it.
    pub fn parse(html: &str) -> Page {
        let dom = Html::parse_document(&nesting::limit_depth(html));
        let mut page = Page::default();
        page.flatten(&dom);
        page.resolve_hover_cards();
        page
    }

    /// Whether node `i` is an element hidden from the reader, whose
    /// subtree holds no text to read.
    pub fn is_hidden(&self, i: usize) -> bool {
        matches!(
            self.nodes[i].kind,
            NodeKind::Element {
                mark: Some(rules::HIDDEN),
                ..
            }
        )
    }

    /// Of nested elements named as hover pop-ups, the innermost is the
    /// hidden card; the outer ones hold its visible trigger.
    fn resolve_hover_cards(&mut self) {
        let mut holds_card = vec![false; self.nodes.len()];
        for i in (0..self.nodes.len()).rev() {
            let NodeKind::Element { mark, .. } = &mut self.nodes[i].kind else {
                continue;
            };
            let is_card = *mark == Some(rules::HOVER);
            if is_card {
                *mark = if holds_card[i] {
                    None
                } else {
                    Some(rules::HIDDEN)
                };
            }
            let parent = self.nodes[i].parent;
            if parent != usize::MAX && (is_card || holds_card[i]) {
                holds_card[parent] = true;
            }
        }
    }

    fn flatten(&mut self, dom: &Html) {
        // Indices of the open elements; the skipped subtree's root while
        // inside script, style or a form control.
        let mut open: Vec<usize> = Vec::new();
        let mut skipping: Option<ego_tree::NodeId> = None;
        let mut in_head = false;
        for edge in dom.tree.root().traverse() {
            match edge {
                ego_tree::iter::Edge::Open(node) => match node.value() {
                    DomNode::Element(el) => {
                        let name = el.name();
                        if name == "head" {
                            in_head = true;
                        }
                        self.collect_metadata(node, el, in_head);
                        if skipping.is_some() {
                            continue;
                        }
                        let mark = rules::mark_of_names(
                            el.attr("class"),
                            el.attr("id"),
                            el.attr("role"),
                            name,
                        )
                        .or_else(|| rules::mark_of_tag(name));
                        if in_head
                            || rules::is_skipped_tag(name)
                            || is_hidden(el)
                            || mark == Some(rules::HIDDEN)
                        {
                            skipping = Some(node.id());
                            continue;
                        }
                        let role = rules::role_of(name);
                        let index = self.nodes.len();
                        self.nodes.push(Node {
                            parent: open.last().copied().unwrap_or(usize::MAX),
                            end: index + 1,
                            kind: NodeKind::Element { role, mark },
                        });
                        open.push(index);
                    }
                    DomNode::Text(t) if skipping.is_none() => {
                        let start = self.text.len();
                        self.text.push_str(t);
                        let index = self.nodes.len();
                        self.nodes.push(Node {
                            parent: open.last().copied().unwrap_or(usize::MAX),
                            end: index + 1,
                            kind: NodeKind::Text {
                                start,
                                end: self.text.len(),
                            },
                        });
                    }
                    _ => {}
                },
                ego_tree::iter::Edge::Close(node) => {
                    let Some(el) = node.value().as_element() else {
                        continue;
                    };
                    if el.name() == "head" {
                        in_head = false;
                    }
                    if let Some(id) = skipping {
                        if id == node.id() {
                            skipping = None;
                        }
                        continue;
                    }
                    if let Some(index) = open.pop() {
                        self.nodes[index].end = self.nodes.len();
                    }
                }
            }
        }
    }

    /// Keep what the head (and the odd tag in the body) tells about the
    /// article: meta tags, the title, JSON-LD, the first `<time>`.
    fn collect_metadata(
        &mut self,
        node: ego_tree::NodeRef<'_, DomNode>,
        el: &scraper::node::Element,
        in_head: bool,
    ) {
        match el.name() {
            "meta" => {
                let key = el
                    .attr("property")
                    .or_else(|| el.attr("name"))
                    .or_else(|| el.attr("itemprop"));
                if let (Some(key), Some(content)) = (key, el.attr("content")) {
                    self.metas
                        .push((key.to_ascii_lowercase(), content.to_string()));
                }
            }
            "title" if in_head && self.title.is_empty() => {
                self.title = text_of(node);
            }
            "script"
                if el
                    .attr("type")
                    .is_some_and(|t| t.eq_ignore_ascii_case("application/ld+json")) =>
            {
                self.json_ld.push(text_of(node));
            }
            "time" if self.first_time.is_none() => {
                let when = el
                    .attr("datetime")
                    .map(str::to_string)
                    .unwrap_or_else(|| text_of(node));
                if !when.trim().is_empty() {
                    self.first_time = Some(when.trim().to_string());
                }
            }
            _ => {}
        }
    }
}

/// The text directly inside `node` (a title or a script holds one text
/// child).
fn text_of(node: ego_tree::NodeRef<'_, DomNode>) -> String {
    let mut out = String::new();
    for child in node.children() {
        if let DomNode::Text(t) = child.value() {
            out.push_str(t);
        }
    }
    out
}

/// Hidden from every reader of the page: the `hidden` attribute or an
/// inline `display:none` / `visibility:hidden`.
fn is_hidden(el: &scraper::node::Element) -> bool {
    if el.attr("hidden").is_some() {
        return true;
    }
    el.attr("style").is_some_and(|style| {
        let compact: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .take(400)
            .collect::<String>()
            .to_ascii_lowercase();
        compact.contains("display:none") || compact.contains("visibility:hidden")
    })
}
