//! HTML pages: main text, title and stated publication date.
//!
//! The page is parsed into a DOM (html5ever via `scraper`), and the text of block elements is
//! written one block per line. Elements that never hold article text (script, style, nav,
//! header, footer, aside, form, …) and containers whose class or id names a page furniture
//! role (menu, share, comments, related, newsletter, cookie, …) are skipped. When the page has
//! an `<article>` or `<main>` with enough text, only that is read. Blocks are separated by a
//! blank line, as paragraphs are in plain text. These are general rules,
//! not a list tuned to any site; `clean` then removes what slips through line by line.

use super::IngestErrorKind;
use crate::model::RawDocument;
use ego_tree::iter::Edge;
use scraper::{ElementRef, Html, Node, Selector};

/// Tags whose content is never article text.
const SKIPPED_TAGS: &[&str] = &[
    "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "button", "iframe",
    "svg", "template", "select", "option", "label", "input", "textarea", "menu", "dialog", "head",
    "title", "figure",
];

/// Tags that end a line of text.
const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "section",
    "article",
    "blockquote",
    "br",
    "tr",
    "table",
    "main",
    "figcaption",
    "dd",
    "dt",
    "dl",
    "pre",
    "hr",
    "body",
    "td",
    "th",
];

/// Words in a class or id that mark page furniture rather than article text.
const FURNITURE_WORDS: &[&str] = &[
    "nav",
    "navbar",
    "navigation",
    "menu",
    "footer",
    "sidebar",
    "share",
    "sharing",
    "social",
    "comment",
    "comments",
    "related",
    "newsletter",
    "subscribe",
    "subscription",
    "cookie",
    "cookies",
    "consent",
    "breadcrumb",
    "breadcrumbs",
    "advert",
    "advertisement",
    "ads",
    "promo",
    "popup",
    "modal",
    "skip",
    "masthead",
    "byline-box",
    "author-box",
    "translate",
    "widget",
    "recommended",
    "trending",
    "tags",
];

/// Metadata names and properties that carry the publication date, most reliable first.
const DATE_META: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "datepublished",
    "publication_date",
    "publish-date",
    "publishdate",
    "pubdate",
    "dc.date.issued",
    "dc.date",
    "sailthru.date",
    "parsely-pub-date",
    "date",
];

/// The smallest amount of text an `<article>`/`<main>` must hold to be used as the scope.
const MIN_SCOPE_CHARS: usize = 200;

/// Extracts a document from an HTML page.
pub fn parse(id: &str, origin: &str, source: &str) -> Result<RawDocument, IngestErrorKind> {
    let page = Html::parse_document(source);
    let scope = main_scope(&page).unwrap_or_else(|| page.root_element());
    let text = block_text(scope);
    if text.trim().is_empty() {
        return Err(IngestErrorKind::NoBody);
    }
    Ok(RawDocument {
        id: id.to_string(),
        origin: origin.to_string(),
        title: title(&page, scope),
        published: stated_date(&page),
        text,
        title_in_text: false,
        url: meta_content(&page, &["og:url"]).or_else(|| canonical_link(&page)),
    })
}

fn selector(css: &str) -> Option<Selector> {
    Selector::parse(css).ok()
}

/// The `<article>` or `<main>` element, when one holds enough text to be the article.
fn main_scope(page: &Html) -> Option<ElementRef<'_>> {
    ["article", "main", "[role=main]"].iter().find_map(|css| {
        let sel = selector(css)?;
        page.select(&sel)
            .max_by_key(|el| block_text(*el).len())
            .filter(|el| block_text(*el).len() >= MIN_SCOPE_CHARS)
    })
}

fn is_furniture(el: &scraper::node::Element) -> bool {
    if SKIPPED_TAGS.contains(&el.name()) {
        return true;
    }
    if el.attr("role").is_some_and(|r| {
        matches!(
            r,
            "navigation" | "banner" | "contentinfo" | "complementary" | "search"
        )
    }) || el.attr("aria-hidden") == Some("true")
        || el.attr("hidden").is_some()
    {
        return true;
    }
    ["class", "id"].iter().any(|attr| {
        el.attr(attr).is_some_and(|v| {
            v.split(|c: char| !c.is_ascii_alphanumeric())
                .any(|w| FURNITURE_WORDS.contains(&w.to_ascii_lowercase().as_str()))
        })
    })
}

/// The text under `root`, one block element per line, whitespace collapsed.
fn block_text(root: ElementRef<'_>) -> String {
    let mut out = String::new();
    let mut line = String::new();
    let mut skip_depth = 0usize;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(el) => {
                    if skip_depth > 0 || is_furniture(el) {
                        skip_depth += 1;
                    } else if BLOCK_TAGS.contains(&el.name()) {
                        flush_line(&mut line, &mut out);
                    }
                }
                Node::Text(t) if skip_depth == 0 => push_collapsed(&mut line, t),
                _ => {}
            },
            Edge::Close(node) => {
                if let Node::Element(el) = node.value() {
                    if skip_depth > 0 {
                        skip_depth -= 1;
                    } else if BLOCK_TAGS.contains(&el.name()) {
                        flush_line(&mut line, &mut out);
                    }
                }
            }
        }
    }
    flush_line(&mut line, &mut out);
    out
}

fn push_collapsed(line: &mut String, text: &str) {
    for (i, word) in text.split_whitespace().enumerate() {
        let starts_with_space = i > 0 || text.starts_with(char::is_whitespace);
        if starts_with_space && !line.is_empty() && !line.ends_with(' ') {
            line.push(' ');
        }
        line.push_str(word);
    }
    if text.ends_with(char::is_whitespace) && !line.is_empty() && !line.ends_with(' ') {
        line.push(' ');
    }
}

fn flush_line(line: &mut String, out: &mut String) {
    let trimmed = line.trim();
    if !trimmed.is_empty() {
        out.push_str(trimmed);
        out.push_str("\n\n");
    }
    line.clear();
}

/// The headline: the scope's first `<h1>`, else `og:title`, else `<title>` without a site suffix.
fn title(page: &Html, scope: ElementRef<'_>) -> Option<String> {
    let h1 = selector("h1").and_then(|sel| {
        scope
            .select(&sel)
            .chain(page.select(&sel))
            .map(|el| collapse(&el.text().collect::<String>()))
            .find(|t| !t.is_empty())
    });
    h1.or_else(|| meta_content(page, &["og:title", "twitter:title"]))
        .or_else(|| {
            let sel = selector("title")?;
            let full = collapse(&page.select(&sel).next()?.text().collect::<String>());
            let main = full
                .split(" | ")
                .flat_map(|p| p.split(" - "))
                .max_by_key(|p| p.len())
                .unwrap_or(&full)
                .trim()
                .to_string();
            (!main.is_empty()).then_some(main)
        })
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The content of the first `<meta>` whose name, property or itemprop is one of `names`.
fn meta_content(page: &Html, names: &[&str]) -> Option<String> {
    let sel = selector("meta")?;
    names.iter().find_map(|wanted| {
        page.select(&sel).find_map(|m| {
            let el = m.value();
            let key = el
                .attr("property")
                .or_else(|| el.attr("name"))
                .or_else(|| el.attr("itemprop"))?;
            if key.eq_ignore_ascii_case(wanted) {
                el.attr("content")
                    .map(str::trim)
                    .filter(|c| !c.is_empty())
                    .map(str::to_string)
            } else {
                None
            }
        })
    })
}

fn canonical_link(page: &Html) -> Option<String> {
    let sel = selector("link[rel=canonical]")?;
    page.select(&sel)
        .next()?
        .value()
        .attr("href")
        .map(str::to_string)
}

/// The publication date as the page states it: metadata, then `<time>`, then JSON-LD.
fn stated_date(page: &Html) -> Option<String> {
    meta_content(page, DATE_META)
        .or_else(|| {
            let sel = selector("time[datetime]")?;
            page.select(&sel)
                .find_map(|t| t.value().attr("datetime").map(str::to_string))
        })
        .or_else(|| json_ld_date(page))
}

fn json_ld_date(page: &Html) -> Option<String> {
    let sel = selector("script[type=\"application/ld+json\"]")?;
    page.select(&sel).find_map(|s| {
        let body = s.text().collect::<String>();
        let value: serde_json::Value = serde_json::from_str(&body).ok()?;
        find_key(&value, "datePublished")
    })
}

fn find_key(value: &serde_json::Value, key: &str) -> Option<String> {
    match value {
        serde_json::Value::Object(map) => map
            .get(key)
            .and_then(|v| v.as_str().map(str::to_string))
            .or_else(|| map.values().find_map(|v| find_key(v, key))),
        serde_json::Value::Array(items) => items.iter().find_map(|v| find_key(v, key)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!doctype html><html><head><title>Trade tops record | Daily Planet</title>
<meta property="article:published_time" content="2023-03-14T09:00:00Z"></head>
<body><header><a href="/">Home</a> | <a href="/world">World</a></header>
<nav><ul><li>News</li><li>Sport</li></ul></nav>
<article><h1>Trade tops record</h1><div class="share-buttons">Share on Facebook</div>
<p>Czech exports to Germany topped €48.6 billion in 2023, the statistics office said on
Tuesday.</p><p>The figure was a record, and officials expect more growth next year as new
plants open in Bavaria and Moravia, which will add thousands of jobs.</p>
<div id="comments">Leave a comment</div></article>
<footer>© 2023 Daily Planet</footer></body></html>"#;

    #[test]
    fn extracts_article_text_without_furniture() {
        let doc = parse("d", "d.html", PAGE).expect("page parses");
        assert!(doc
            .text
            .contains("Czech exports to Germany topped €48.6 billion in 2023"));
        for furniture in ["Home", "Sport", "Share on", "Leave a comment", "©"] {
            assert!(!doc.text.contains(furniture), "kept {furniture:?}");
        }
        assert_eq!(doc.title.as_deref(), Some("Trade tops record"));
        assert_eq!(doc.published.as_deref(), Some("2023-03-14T09:00:00Z"));
    }

    #[test]
    fn paragraphs_become_lines() {
        let doc = parse("d", "d.html", PAGE).expect("page parses");
        let lines: Vec<&str> = doc.text.lines().collect();
        assert!(lines
            .iter()
            .any(|l| l.starts_with("Czech exports") && l.ends_with("on Tuesday.")));
        assert!(lines
            .iter()
            .any(|l| l.starts_with("The figure was a record")));
    }

    #[test]
    fn time_element_and_json_ld_give_dates() {
        let with_time =
            "<html><body><p>Text <time datetime=\"2021-06-02\">2 June</time>.</p></body></html>";
        assert_eq!(
            parse("t", "t", with_time)
                .ok()
                .and_then(|d| d.published)
                .as_deref(),
            Some("2021-06-02")
        );
        let with_ld = r#"<html><head><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2020-01-05"}</script></head><body><p>Body.</p></body></html>"#;
        assert_eq!(
            parse("j", "j", with_ld)
                .ok()
                .and_then(|d| d.published)
                .as_deref(),
            Some("2020-01-05")
        );
    }

    #[test]
    fn page_without_body_text_is_an_error() {
        assert!(matches!(
            parse("e", "e.html", "<html><head><title>x</title></head></html>"),
            Err(IngestErrorKind::NoBody)
        ));
    }
}
