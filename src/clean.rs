//! Clean: splits a raw document into blocks (paragraphs, headings, list items), drops the
//! boilerplate blocks (navigation, share and translate widgets, newsletter, cookie and comment
//! prompts, related links, author boxes, repeated headlines), and joins what is left into the
//! text every later stage reads.
//!
//! Invariant: the cleaned text is the kept blocks, each byte-for-byte as in the raw text
//! except that line breaks inside a block become spaces, joined by `\n`. So every cleaned
//! offset maps back to the raw text through [`CleanDocument::offsets`], and a `\n` in the
//! cleaned text always ends a block (sentences never cross it).
//!
//! The rules are general, not tuned to any site: a block is boilerplate only when it is short
//! and made of the words page furniture is made of.

use crate::model::{CleanDocument, RawDocument};
use regex::Regex;
use rustc_hash::FxHashSet;
use std::sync::LazyLock;

/// Blocks longer than this many words are always kept: they are prose.
const MAX_BOILERPLATE_WORDS: usize = 40;

/// A block of raw text: byte range, trimmed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Block {
    start: usize,
    end: usize,
}

/// Cleans a raw document: finds the title, drops boilerplate, keeps the offset map.
pub fn clean(raw: RawDocument) -> CleanDocument {
    let blocks = split_blocks(&raw.text);
    let mut title = raw
        .title
        .clone()
        .map(|t| collapse(&t))
        .filter(|t| !t.is_empty());
    let mut title_lower = title.as_deref().map(str::to_lowercase);
    let mut seen: FxHashSet<String> = FxHashSet::default();
    let mut text = String::with_capacity(raw.text.len());
    let mut offsets = Vec::new();
    let mut dropped = Vec::new();
    for block in blocks {
        let body = &raw.text[block.start..block.end];
        // Headlines and furniture repeat; long paragraphs are compared only by length class.
        let norm = if body.len() <= 200 {
            collapse_lower(body)
        } else {
            String::new()
        };
        let verdict = if title.is_none() && raw.title_in_text && boilerplate_rule(body).is_none() {
            title = Some(collapse(body));
            title_lower = title.as_deref().map(str::to_lowercase);
            Some("title")
        } else if title_lower.as_deref().is_some_and(|t| *t == norm) {
            Some("repeated-headline")
        } else if norm.len() >= 20 && seen.contains(&norm) {
            Some("repeated")
        } else {
            boilerplate_rule(body)
        };
        match verdict {
            Some(rule) => dropped.push((body.to_string(), rule)),
            None => {
                if !text.is_empty() {
                    text.push('\n');
                }
                offsets.push((text.len(), block.start, block.end - block.start));
                // Line breaks inside the block become spaces: same length, same offsets.
                for (k, piece) in body.split(['\n', '\r']).enumerate() {
                    if k > 0 {
                        text.push(' ');
                    }
                    text.push_str(piece);
                }
                if !norm.is_empty() {
                    seen.insert(norm);
                }
            }
        }
    }
    CleanDocument {
        raw,
        title,
        text,
        offsets,
        dropped,
    }
}

/// `s` with runs of whitespace folded to one space, trimmed.
fn collapse(s: &str) -> String {
    // ASCII text splits the same at ASCII whitespace, and much faster.
    if s.is_ascii() {
        join_words(s.split_ascii_whitespace(), s.len())
    } else {
        join_words(s.split_whitespace(), s.len())
    }
}

fn join_words<'a>(words: impl Iterator<Item = &'a str>, capacity: usize) -> String {
    let mut out = String::with_capacity(capacity);
    for w in words {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// [`collapse`] in lower case: the key blocks are compared by.
fn collapse_lower(s: &str) -> String {
    let mut out = collapse(s);
    if out.is_ascii() {
        out.make_ascii_lowercase();
        out
    } else {
        out.to_lowercase()
    }
}

/// Splits text into blocks: a blank line, an indented line, a heading or a list item starts a
/// new block; wrapped lines of one paragraph stay together.
fn split_blocks(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut current: Option<Block> = None;
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let line_start = pos;
        pos += line.len();
        let content = line.trim_end_matches(['\n', '\r']);
        let trimmed = content.trim();
        if trimmed.is_empty() {
            blocks.extend(current.take());
            continue;
        }
        let lead = content.len() - content.trim_start().len();
        let starts_new = lead >= 2
            || content.starts_with('\t')
            || is_heading_or_item(trimmed)
            || is_date_line(trimmed);
        let start = line_start + lead;
        let end = line_start + content.trim_end().len();
        match current.as_mut() {
            Some(b) if !starts_new => b.end = end,
            _ => {
                blocks.extend(current.take());
                current = Some(Block { start, end });
            }
        }
        if trimmed.starts_with('#') {
            blocks.extend(current.take());
        }
    }
    blocks.extend(current);
    blocks
        .into_iter()
        .map(|b| strip_markdown_lead(text, b))
        .filter(|b| b.start < b.end)
        .collect()
}

/// "Published: 20 January 2026", "Updated …": a byline date is its own block, never the
/// end of the headline above it.
fn is_date_line(line: &str) -> bool {
    ["Published", "Updated", "Posted", "Date:"]
        .iter()
        .any(|p| line.starts_with(p))
}

fn is_heading_or_item(line: &str) -> bool {
    line.starts_with('#')
        || line.starts_with("- ")
        || line.starts_with("* ")
        || line.starts_with("• ")
        || line.starts_with("> ")
}

/// Moves a block's start past a Markdown heading mark or list bullet.
fn strip_markdown_lead(text: &str, b: Block) -> Block {
    let body = &text[b.start..b.end];
    let rest = body.trim_start_matches(['#', '-', '*', '•', '>']);
    if rest.len() == body.len() || !rest.starts_with(' ') {
        return b;
    }
    let rest = rest.trim_start();
    Block {
        start: b.end - rest.len(),
        end: b.end,
    }
}

static NEWSLETTER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(subscribe|subscription|newsletter|sign up|sign in|log in|login|register now|create (a free|an) account|premium content|unlock this)\b",
    )
});
static COOKIE: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\bcookies?\b"));
static COMMENTS: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(leave a (comment|reply)|post a comment|add a comment|write a comment|\d+ comments?\b|comments?\s*(\(\d+\))?$|your email address will not be published|required fields are marked|name\s*\*|e-?mail\s*\*|website$|submit$|post comment|reply$|report abuse|view comments|show comments|join the (conversation|discussion))",
    )
});
static RELATED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(related( articles| stories| news| posts| content| coverage| topics)?|read more|read also|also read|see also|more from|more stories|you may also like|you might also like|recommended( for you)?|most read|most popular|trending( now)?|more on this( story)?|further reading|watch:|listen:)\b",
    )
});
static TRANSLATE: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\b(translate|select language|google translate|choose language)\b"));
static FOOTER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(all rights reserved|©|\(c\) \d{4}|copyright \d{4}|about the author|about us|follow us|contact us|terms of (use|service)|privacy policy|advertise with us|reprints? (and|&) permissions|skip to (main )?content|jump to (navigation|content)|back to top)",
    )
});
static AUTHOR_BOX: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(\p{Lu}[\p{L}'.-]+ ){1,3}(is|has been|was) (a|an|the|our) ([\w-]+ ){0,4}(reporter|correspondent|editor|journalist|writer|columnist|contributor|analyst)\b",
    )
});
static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?i:by|written by|reporting by|author:?)\s+\p{Lu}|^(?i:photo|image|picture|video|source|tags?|topics?|filed under|share this|share on)\s*[:|]",
    )
});
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(published|updated|posted|last updated|last modified|first published|date)\b\s*(on|:)?",
    )
});
/// The keyword rules, in order of precedence, as one set matched in a single pass.
const RULE_NAMES: [&str; 7] = [
    "comments",
    "related",
    "newsletter",
    "cookie",
    "translate",
    "footer",
    "byline",
];
static RULES: LazyLock<regex::RegexSet> = LazyLock::new(|| {
    let patterns = [
        &*COMMENTS,
        &*RELATED,
        &*NEWSLETTER,
        &*COOKIE,
        &*TRANSLATE,
        &*FOOTER,
        &*BYLINE,
    ]
    .map(|r| r.as_str().to_string());
    regex::RegexSet::new(patterns).unwrap_or_else(|e| panic!("built-in patterns are invalid: {e}"))
});

/// Keywords at least one of which every unanchored rule (newsletter, cookie, translate,
/// footer) needs; matched case-insensitively in one pass.
static FURNITURE_KEYWORDS: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    let words = [
        "subscri",
        "newsletter",
        "sign up",
        "sign in",
        "log in",
        "login",
        "register now",
        "account",
        "premium content",
        "unlock this",
        "cookie",
        "translate",
        "language",
        "rights reserved",
        "©",
        "(c) ",
        "copyright",
        "about the author",
        "about us",
        "follow us",
        "contact us",
        "terms of",
        "privacy policy",
        "advertise",
        "reprint",
        "skip to",
        "jump to",
        "back to top",
    ];
    aho_corasick::AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(words)
        .unwrap_or_else(|e| panic!("built-in keywords do not build: {e}"))
});

/// The first `max` bytes of `s`, cut at a character boundary.
fn head(s: &str, max: usize) -> &str {
    let mut end = s.len().min(max);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

static SOCIAL: &[&str] = &[
    "share",
    "shares",
    "tweet",
    "facebook",
    "twitter",
    "x",
    "linkedin",
    "whatsapp",
    "telegram",
    "email",
    "e-mail",
    "print",
    "reddit",
    "pinterest",
    "copy",
    "link",
    "on",
    "this",
    "article",
    "via",
    "messenger",
    "save",
    "flipboard",
    "bluesky",
    "mastodon",
    "threads",
    "instagram",
    "youtube",
    "follow",
    "us",
    "|",
    "·",
    "•",
];

fn re(pattern: &str) -> Regex {
    Regex::new(pattern).unwrap_or_else(|e| panic!("built-in pattern {pattern:?} is invalid: {e}"))
}

/// The rule that marks a block as boilerplate, if any.
fn boilerplate_rule(block: &str) -> Option<&'static str> {
    // Boilerplate is short: a block of more words is prose, whatever it says. Words are
    // split at ASCII whitespace, which is all the rules below need and several times cheaper.
    let mut words: Vec<&str> = Vec::with_capacity(MAX_BOILERPLATE_WORDS + 1);
    words.extend(
        block
            .split_ascii_whitespace()
            .take(MAX_BOILERPLATE_WORDS + 1),
    );
    if words.len() > MAX_BOILERPLATE_WORDS {
        return None;
    }
    let n = words.len();
    let ends_sentence = block.trim_end().ends_with(['.', '!', '?', '"', '”']);
    let separators = words
        .iter()
        .filter(|w| matches!(**w, "|" | "·" | "•" | "»" | ">" | "/"))
        .count();
    if separators >= 2 && !ends_sentence {
        return Some("navigation");
    }
    if n <= 12 && is_share_widget(&words) {
        return Some("share");
    }
    if n <= 12 && DATELINE.is_match(block) {
        return Some("dateline");
    }
    // A sentence of a dozen words or more is prose unless it is a cookie notice or an
    // author box; only shorter or unpunctuated blocks go through every keyword rule.
    if ends_sentence && n >= 12 {
        return if COOKIE.is_match(block) {
            Some("cookie")
        } else {
            is_author_box(block).then_some("author-box")
        };
    }
    let limits = [25, 20, 25, usize::MAX, 10, 30, 12];
    // The unanchored rules need one of a few rare keywords; without one, only the rules
    // anchored at the block's start can match, and they need only its first characters.
    let haystack = if FURNITURE_KEYWORDS.is_match(block) {
        block
    } else {
        head(block, 80)
    };
    RULES
        .matches(haystack)
        .iter()
        .find(|&k| n <= limits[k])
        .map(|k| RULE_NAMES[k])
        .or_else(|| is_author_box(block).then_some("author-box"))
}

/// Whether most of a short block's words are sharing and following buttons.
fn is_share_widget(words: &[&str]) -> bool {
    let social = words
        .iter()
        .filter(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '|');
            SOCIAL.iter().any(|s| s.eq_ignore_ascii_case(w))
        })
        .count();
    social * 10 >= words.len() * 7
}

/// "Jane Doe is a reporter at …": the author-box pattern (Unicode classes, so costly) runs
/// only when the block's opening words are followed by a linking verb.
fn is_author_box(block: &str) -> bool {
    let opening = head(block, 64);
    [" is ", " was ", " has been "]
        .iter()
        .any(|verb| opening.contains(verb))
        && AUTHOR_BOX.is_match(block)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(text: &str, title_in_text: bool) -> RawDocument {
        RawDocument {
            id: "t".into(),
            origin: "t.txt".into(),
            title: None,
            published: None,
            text: text.into(),
            title_in_text,
            url: None,
        }
    }

    macro_rules! boilerplate_cases {
        ($($name:ident: $line:expr => $rule:expr;)*) => {$(
            #[test]
            fn $name() {
                assert_eq!(boilerplate_rule($line), $rule);
            }
        )*};
    }

    boilerplate_cases! {
        nav_bar: "Home | World | Business | Sport" => Some("navigation");
        skip_link: "Skip to main content" => Some("footer");
        share_row: "Share on Facebook Twitter LinkedIn Email" => Some("share");
        newsletter: "Subscribe to our newsletter for daily updates" => Some("newsletter");
        cookies: "We use cookies to improve your experience. Accept all" => Some("cookie");
        comment_form: "Leave a comment" => Some("comments");
        email_not_published: "Your email address will not be published." => Some("comments");
        related: "Related articles: Poland and Vietnam sign deal" => Some("related");
        read_more: "READ MORE: Ministers meet in Hanoi" => Some("related");
        translate: "Translate this page" => Some("translate");
        copyright: "© 2024 The Example Times. All rights reserved." => Some("footer");
        author_box: "Jan Novak is a senior correspondent covering central Europe for the paper." => Some("author-box");
        byline: "By Anna Kowalska" => Some("byline");
        dateline: "Published: 14 March 2023" => Some("dateline");
        prose_kept: "Czech exports to Germany topped €48.6 billion in 2023, the statistics office said." => None;
        prose_with_share_word_kept: "Germany's share of Czech exports rose to a third of the total last year." => None;
        long_prose_with_cookie_kept: "The cookie maker, which employs 1,200 people in Poland and exports to thirty countries, said on Monday that it would invest another 40 million zloty in a new plant near Wroclaw, its largest investment since it was founded in 1992 by two brothers from Poznan." => None;
    }

    #[test]
    fn first_line_is_title_and_repeated_headline_is_dropped() {
        let doc = clean(raw(
            "Trade hits record\n\nTrade hits record\n\nExports rose 5% in 2023.\n",
            true,
        ));
        assert_eq!(doc.title.as_deref(), Some("Trade hits record"));
        assert_eq!(doc.text, "Exports rose 5% in 2023.");
        assert!(doc.dropped.iter().any(|(_, r)| *r == "repeated-headline"));
    }

    #[test]
    fn a_published_line_under_the_headline_is_its_own_block() {
        let doc = clean(RawDocument {
            id: "t".into(),
            origin: "t".into(),
            title: None,
            published: None,
            text: "Saxon firms look east\nPublished: 20 January 2026\n\nSmall manufacturers in Saxony buy more parts from Czech suppliers, a survey found.".into(),
            title_in_text: true,
            url: None,
        });
        assert_eq!(doc.title.as_deref(), Some("Saxon firms look east"));
    }

    #[test]
    fn wrapped_lines_join_and_indentation_starts_paragraphs() {
        let text =
            "Showers continued in\nthe Bahia zone.\n    The dry period means\nlate arrivals.\n";
        let doc = clean(raw(text, false));
        assert_eq!(
            doc.text,
            "Showers continued in the Bahia zone.\nThe dry period means late arrivals."
        );
    }

    #[test]
    fn offsets_map_back_to_raw_text() {
        let text = "Title\n\nHome | News | Sport\n\nPoland signed 12 deals.\n";
        let doc = clean(raw(text, true));
        let at = doc.text.find("12").expect("number kept");
        let raw_at = doc.raw_offset(at);
        assert_eq!(&doc.raw.text[raw_at..raw_at + 2], "12");
    }

    #[test]
    fn markdown_heading_marks_are_not_text() {
        let doc = clean(raw("# Big news\n\n## Background\n\nTrade grew.\n", true));
        assert_eq!(doc.title.as_deref(), Some("Big news"));
        assert_eq!(doc.text, "Background\nTrade grew.");
    }
}
