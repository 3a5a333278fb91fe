//! What a page says about its article outside the text: the title (Open
//! Graph, `<title>`, the first `<h1>`), the author and the publication
//! date (meta tags, JSON-LD, `<time>`).

use serde_json::Value;

use super::page::Page;

/// Meta keys that name the headline, best first.
const TITLE_KEYS: &[&str] = &["og:title", "twitter:title", "headline", "title"];
/// Meta keys that name the author, best first.
const AUTHOR_KEYS: &[&str] = &[
    "author",
    "article:author",
    "byl",
    "parsely-author",
    "sailthru.author",
    "dc.creator",
    "dcterms.creator",
];
/// Meta keys that give the publication date, best first.
const DATE_KEYS: &[&str] = &[
    "article:published_time",
    "datepublished",
    "og:published_time",
    "pubdate",
    "publishdate",
    "publish-date",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date",
    "dcterms.created",
    "date",
];
/// Separators between a headline and the site name in `<title>`.
const TITLE_SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " :: ", " · ", " » "];

/// The title, author and date a page declares.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Metadata {
    pub title: String,
    pub byline: Option<String>,
    pub date: Option<String>,
}

/// Read the metadata of `page`; `first_h1` is the text of its first
/// top-level heading, used when the head names no title.
pub fn metadata(page: &Page, first_h1: Option<&str>) -> Metadata {
    let ld = json_ld_article(page);
    let site = meta(page, &["og:site_name", "application-name"]);
    let declared = meta(page, TITLE_KEYS)
        .or_else(|| ld.as_ref().and_then(|a| str_field(a, "headline")))
        .or_else(|| Some(collapse(&page.title)).filter(|t| !t.is_empty()));
    let title = match declared {
        Some(t) => strip_site_name(&t, site.as_deref(), first_h1),
        None => first_h1.map(collapse).unwrap_or_default(),
    };
    let byline = meta(page, AUTHOR_KEYS)
        .filter(|a| !is_url(a))
        .or_else(|| ld.as_ref().and_then(ld_author));
    let date = meta(page, DATE_KEYS)
        .or_else(|| ld.as_ref().and_then(|a| str_field(a, "datePublished")))
        .or_else(|| page.first_time.clone());
    Metadata {
        title,
        byline,
        date,
    }
}

/// The content of the first meta tag among `keys`, in their order.
fn meta(page: &Page, keys: &[&str]) -> Option<String> {
    keys.iter().find_map(|key| {
        page.metas
            .iter()
            .find(|(k, v)| k == key && !v.trim().is_empty())
            .map(|(_, v)| collapse(v))
    })
}

/// Runs of whitespace to one space, trimmed.
fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn is_url(s: &str) -> bool {
    s.starts_with("http://") || s.starts_with("https://") || s.starts_with("www.")
}

/// Drop a " | Site name" suffix (or prefix) from a page title: when it is
/// the declared site name, when what is left is the page's `<h1>`, or
/// when a pipe sets off a short tail.
pub fn strip_site_name(title: &str, site: Option<&str>, h1: Option<&str>) -> String {
    let title = collapse(title);
    let same = |a: &str, b: &str| a.trim().eq_ignore_ascii_case(b.trim());
    for sep in TITLE_SEPARATORS {
        let Some((head, tail)) = title.rsplit_once(sep) else {
            continue;
        };
        if site.is_some_and(|s| same(tail, s) || tail.to_lowercase().contains(&s.to_lowercase()))
            || h1.is_some_and(|h| same(head, &collapse(h)))
            || (*sep == " | " && tail.split_whitespace().count() <= 4)
        {
            return head.trim().to_string();
        }
        if let Some((site_part, rest)) = title.split_once(sep)
            && site.is_some_and(|s| same(site_part, s))
        {
            return rest.trim().to_string();
        }
    }
    title
}

/// The first JSON-LD object that describes an article (or carries a
/// headline or a date), looked for through arrays and `@graph`.
fn json_ld_article(page: &Page) -> Option<Value> {
    for script in &page.json_ld {
        let Ok(value) = serde_json::from_str::<Value>(script.trim()) else {
            continue;
        };
        let mut pending = vec![value];
        while let Some(v) = pending.pop() {
            match v {
                Value::Array(items) => pending.extend(items.into_iter().rev()),
                Value::Object(mut map) => {
                    if map.contains_key("headline") || map.contains_key("datePublished") {
                        return Some(Value::Object(map));
                    }
                    if let Some(graph) = map.remove("@graph") {
                        pending.push(graph);
                    }
                }
                _ => {}
            }
        }
    }
    None
}

fn str_field(v: &Value, key: &str) -> Option<String> {
    v.get(key)
        .and_then(Value::as_str)
        .map(collapse)
        .filter(|s| !s.is_empty())
}

/// `author` as a name, an object with a name, or a list of either.
fn ld_author(article: &Value) -> Option<String> {
    let author = article.get("author")?;
    let name = |v: &Value| -> Option<String> {
        match v {
            Value::String(s) if !is_url(s) => Some(collapse(s)),
            Value::Object(_) => str_field(v, "name"),
            _ => None,
        }
    };
    let names: Vec<String> = match author {
        Value::Array(items) => items.iter().filter_map(name).collect(),
        v => name(v).into_iter().collect(),
    };
    let names: Vec<String> = names.into_iter().filter(|n| !n.is_empty()).collect();
    (!names.is_empty()).then(|| names.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_name_is_stripped_from_the_title() {
        assert_eq!(
            strip_site_name("Dam talks resume | The Daily Courier", None, None),
            "Dam talks resume"
        );
        assert_eq!(
            strip_site_name("Dam talks resume - Courier", Some("Courier"), None),
            "Dam talks resume"
        );
        assert_eq!(
            strip_site_name("Courier - Dam talks resume", Some("Courier"), None),
            "Dam talks resume"
        );
    }

    #[test]
    fn a_dash_inside_a_headline_stays() {
        assert_eq!(
            strip_site_name("Rain - and more rain - for the coast", None, None),
            "Rain - and more rain - for the coast"
        );
    }

    #[test]
    fn meta_tags_and_json_ld_give_author_and_date() {
        let page = Page::parse(
            r#"<html><head><title>Ports reopen | Harbour News</title>
            <meta property="article:published_time" content="2024-03-01T10:00:00Z">
            <script type="application/ld+json">{"@graph":[{"@type":"NewsArticle",
              "headline":"Ports reopen","author":[{"name":"Ana Ruiz"},{"name":"Li Wei"}]}]}</script>
            </head><body><h1>Ports reopen</h1></body></html>"#,
        );
        let m = metadata(&page, Some("Ports reopen"));
        assert_eq!(m.title, "Ports reopen");
        assert_eq!(m.byline.as_deref(), Some("Ana Ruiz, Li Wei"));
        assert_eq!(m.date.as_deref(), Some("2024-03-01T10:00:00Z"));
    }
}
