//! Saved web pages: hand-written pages in `tests/fixtures/html/` with the
//! article they hold restated here, and hostile pages that must neither
//! panic nor leak a terminal control character.

use dossier::clean::Document;
use dossier::clean::html::from_html;
use dossier::model::ParagraphKind;

fn fixture(name: &str) -> Document {
    let path = format!("{}/tests/fixtures/html/{name}", env!("CARGO_MANIFEST_DIR"));
    let html = std::fs::read_to_string(&path).expect("fixture exists");
    from_html(name, &html)
}

fn texts(doc: &Document) -> Vec<&str> {
    doc.paragraphs.iter().map(|p| p.text.as_str()).collect()
}

fn all_text(doc: &Document) -> String {
    let mut out = String::new();
    for p in &doc.paragraphs {
        out.push_str(&p.text);
        out.push('\n');
    }
    out
}

fn removed_reasons(doc: &Document) -> Vec<&str> {
    doc.removed.iter().map(|r| r.reason.as_str()).collect()
}

#[test]
fn news_page_title_byline_date_and_dateline() {
    let doc = fixture("news_article.html");
    assert_eq!(doc.title, "Harbour cranes return to work after storm");
    assert_eq!(doc.byline.as_deref(), Some("Marta Quintela"));
    assert_eq!(doc.date.as_deref(), Some("2024-02-11T08:30:00Z"));
    assert_eq!(doc.dateline.as_deref(), Some("PORTO SANTO"));
}

#[test]
fn news_page_paragraphs_headings_and_lists() {
    let doc = fixture("news_article.html");
    let want = [
        "The six container cranes at the northern quay were lifting boxes again on Sunday morning, three days after gusts of more than 120 km/h forced the port to close.",
        "Engineers spent Saturday checking the rails and the cabins of each crane, the port authority said, and found damage only to the lighting masts at the end of the quay.",
        "“We lost three working days, and we will not get them back,” said the harbour master, who asked shippers to expect delays until the end of the week.",
        "Ships wait offshore",
        "Eleven vessels were anchored outside the breakwater on Saturday evening, waiting for berths. Pilots began bringing them in at first light, starting with two ferries & a tanker.",
        "The shipping lines have agreed an order of arrival with the port:",
        "ferries and passenger ships first;",
        "then vessels carrying fuel and food;",
        "container ships after that, by time of arrival.",
        "The authority said it would publish a review of the closure next month, including whether the wind limits for crane work should change.",
    ];
    assert_eq!(texts(&doc), want);
    let kinds: Vec<ParagraphKind> = doc.paragraphs.iter().map(|p| p.kind).collect();
    assert_eq!(kinds[3], ParagraphKind::Heading);
    assert_eq!(
        kinds
            .iter()
            .filter(|k| **k == ParagraphKind::Heading)
            .count(),
        1
    );
    for (i, p) in doc.paragraphs.iter().enumerate() {
        assert_eq!(p.index, i);
    }
}

#[test]
fn news_page_furniture_is_dropped() {
    let doc = fixture("news_article.html");
    let text = all_text(&doc);
    for furniture in [
        "cookies",
        "Accept all",
        "Weather",
        "Share on a social network",
        "Photo by a staff photographer",
        "Related articles",
        "Storm closes port",
        "morning port briefing",
        "watched the cranes from the hill",
        "All rights reserved",
        "About us",
        "dataLayer",
        "color: red",
    ] {
        assert!(!text.contains(furniture), "{furniture:?} kept in:\n{text}");
    }
}

#[test]
fn news_page_removals_inside_the_article_are_shown_with_a_reason() {
    let doc = fixture("news_article.html");
    let reasons = removed_reasons(&doc);
    for reason in ["share bar", "caption", "related links", "newsletter box"] {
        assert!(reasons.contains(&reason), "no {reason:?} in {reasons:?}");
    }
    let removed: String = doc.removed.iter().map(|r| r.text.as_str()).collect();
    assert!(removed.contains("Share on a social network"));
    // The page's own chrome outside the article is not listed.
    assert!(!removed.contains("Weather"));
    assert!(!removed.contains("All rights reserved"));
    assert!(!removed.contains("cookies"));
    // The share bar stood before the second paragraph.
    let share = doc.removed.iter().find(|r| r.reason == "share bar");
    assert_eq!(share.and_then(|r| r.before), Some(1));
}

#[test]
fn old_blog_lines_split_by_breaks_are_paragraphs() {
    let doc = fixture("old_blog.html");
    assert_eq!(doc.title, "Fixing a squeaky garden gate");
    let got = texts(&doc);
    assert_eq!(got.len(), 4, "{got:?}");
    assert!(got[0].starts_with("The gate at the bottom of the plot"));
    assert_eq!(
        got[3],
        "Total cost: one washer and ten minutes of work. I should have done it two summers ago."
    );
    assert!(!all_text(&doc).contains("Archive"));
}

#[test]
fn entities_are_decoded_and_controls_removed() {
    let html = "<html><head><title>Tea &amp; toast &#27;[2J</title></head><body><article>\
        <p>Prices rose by 3&nbsp;% &mdash; the most since 2019 &#27;[31mred&#27;[0m and &#x9b;2J cleared, \
        the bureau said on Tuesday in its monthly report.</p>\
        <p>Shops &lt;b&gt;said&lt;/b&gt; the rise came from energy costs&#8230; and wages&#x7;.</p>\
        </article></body></html>";
    let doc = from_html("t.html", html);
    let strings = std::iter::once(doc.title.as_str()).chain(texts(&doc));
    for s in strings {
        assert!(
            !s.chars().any(|c| c.is_control() && c != '\n' && c != '\t'),
            "control char in {s:?}"
        );
    }
    assert!(doc.title.starts_with("Tea & toast"));
    assert!(doc.paragraphs[0].text.contains("3\u{a0}% — the most"));
    assert!(
        doc.paragraphs[1]
            .text
            .starts_with("Shops <b>said</b> the rise")
    );
    assert!(doc.paragraphs[1].text.contains("costs… and wages."));
}

#[test]
fn a_deeply_nested_page_does_not_overflow_the_stack() {
    let depth = 100_000;
    let mut html = String::with_capacity(depth * 12);
    html.push_str("<html><body>");
    for _ in 0..depth {
        html.push_str("<div>");
    }
    html.push_str("<p>At the bottom of a very deep page there is still one sentence to read.</p>");
    for _ in 0..depth {
        html.push_str("</div>");
    }
    html.push_str("</body></html>");
    let doc = from_html("deep.html", &html);
    assert_eq!(
        texts(&doc),
        ["At the bottom of a very deep page there is still one sentence to read."]
    );
}

#[test]
fn many_unclosed_inline_tags_are_read() {
    let mut html = String::from("<p>Start of the text");
    for _ in 0..5_000 {
        html.push_str("<b><i><a href=x>");
    }
    html.push_str(" and its end.");
    let doc = from_html("unclosed.html", &html);
    assert!(all_text(&doc).contains("Start of the text"));
}

#[test]
fn hostile_and_broken_pages_do_not_panic() {
    let huge_attr = format!(
        "<div class=\"{}\"><p>Some text here.</p></div>",
        "x ".repeat(500_000)
    );
    let pages = [
        String::new(),
        "<".to_string(),
        "<html>".to_string(),
        "<p>no html, head or body".to_string(),
        "<table><tr><td>cell<table><td>inner".to_string(),
        "<div><p>unclosed <b>bold <i>both</div> text after".to_string(),
        "</p></div></body></html>".to_string(),
        "<script>never closed ".to_string(),
        "<svg><title>not the title</title></svg><p>Text.</p>".to_string(),
        "<head><script type=\"application/ld+json\">{\"author\": [[[[{\"name\": 1}]]]]}</script></head>".to_string(),
        "\u{0}\u{1b}[31m<p>\u{202e}reversed</p>".to_string(),
        huge_attr,
    ];
    for page in &pages {
        let doc = from_html("hostile.html", page);
        for p in &doc.paragraphs {
            assert!(!p.text.is_empty());
            assert!(!p.text.chars().any(|c| c.is_control()));
        }
    }
}

#[test]
fn a_txt_file_holding_a_page_is_read_as_html() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("saved-page.txt");
    let source = format!(
        "{}/tests/fixtures/html/news_article.html",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::copy(&source, &path).expect("copy fixture");
    let article = dossier::load(&path).expect("loads");
    assert_eq!(article.title, "Harbour cranes return to work after storm");
    assert!(article.paragraphs.iter().all(|p| !p.text.contains('<')));
    assert!(
        article.paragraphs[0]
            .text
            .starts_with("The six container cranes")
    );
}

#[test]
fn short_paragraphs_beside_a_long_one_stay_in_the_article() {
    // one long paragraph, then two that are short and do not end like a
    // sentence: the long one alone must not become the article
    let page = "<html><body><article>\
        <p>The harbour board voted on Monday to close the old ferry terminal by the \
        end of the year, its chair told reporters.</p>\
        <p>Operators said they had nowhere to berth (see map)</p>\
        <p>Crews will meet on Friday at 9am</p>\
        </article></body></html>";
    let doc = from_html("ferry.html", page);
    assert_eq!(
        texts(&doc),
        [
            "The harbour board voted on Monday to close the old ferry terminal by the \
             end of the year, its chair told reporters.",
            "Operators said they had nowhere to berth (see map)",
            "Crews will meet on Friday at 9am",
        ]
    );
}

#[test]
fn prose_left_outside_the_article_is_in_removed() {
    // an author's note beside a list of links scores below the story
    // alone: it is left out, but visibly
    let page = "<html><body><div id=story>\
        <p>The harbour board voted on Monday to close the old ferry terminal by the end of the year.</p>\
        <p>Operators said the decision left them with nowhere to berth during the summer months.</p>\
        </div><div><p>Our shipping writer has covered the port of Ghent for a decade.</p>\
        <ul><li><a href=/1>Ferry timetables for the whole of the coming summer season</a></li>\
        <li><a href=/2>Where the new cruise terminal will be built, and when it opens</a></li></ul>\
        </div></body></html>";
    let doc = from_html("story.html", page);
    assert_eq!(doc.paragraphs.len(), 2, "{:?}", texts(&doc));
    let note = doc
        .removed
        .iter()
        .find(|r| r.text.starts_with("Our shipping writer"))
        .expect("the note is in removed");
    assert_eq!(note.reason, "outside the article");
    assert_eq!(note.before, None);
}

#[test]
fn a_sentence_in_a_page_header_inside_the_article_is_in_removed() {
    let page = "<html><body><article><header><h1>Ferry terminal to close</h1>\
        <p>The board's vote ends ninety years of sailings from the old quay.</p></header>\
        <p>The harbour board voted on Monday to close the old ferry terminal by the end of the year.</p>\
        <p>Operators said the decision left them with nowhere to berth during the summer months.</p>\
        </article></body></html>";
    let doc = from_html("header.html", page);
    let shown = all_text(&doc);
    let hidden: Vec<&str> = doc.removed.iter().map(|r| r.text.as_str()).collect();
    let standfirst = "The board's vote ends ninety years of sailings from the old quay.";
    assert!(
        shown.contains(standfirst) || hidden.contains(&standfirst),
        "{shown} / {hidden:?}"
    );
}

#[test]
fn a_second_headline_is_in_removed_not_lost() {
    let page = "<html><head><title>Ferry terminal to close</title></head><body><article>\
        <h1>Ferry terminal to close</h1>\
        <p>The harbour board voted on Monday to close the old ferry terminal by the end of the year.</p>\
        <h1>Support our harbour reporting</h1>\
        <p>Operators said the decision left them with nowhere to berth during the summer months.</p>\
        </article></body></html>";
    let doc = from_html("two.html", page);
    assert_eq!(doc.title, "Ferry terminal to close");
    assert_eq!(doc.paragraphs.len(), 2);
    let removed: Vec<(&str, &str)> = doc
        .removed
        .iter()
        .map(|r| (r.text.as_str(), r.reason.as_str()))
        .collect();
    assert_eq!(
        removed,
        [(
            "Support our harbour reporting",
            "headline other than the title"
        )]
    );
}
