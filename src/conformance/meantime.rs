//! The time recognizer on MEANTIME (NewsReader's Wikinews articles with gold TIMEX3): each
//! article's text is rebuilt from its tokens, times are recognized with the article's creation
//! time as publication date, and spans and values are compared with the gold annotations.
//!
//! Strict matches need the same characters; relaxed ones only overlap. Values are compared
//! on matched pairs: two calendar values (`2008`, `2008-03`, `2008-03-01T14:48Z`) at the
//! coarser granularity of the two, anything else (`P3Y`, `2004-W47`, `PRESENT_REF`) exactly.

use super::{files_under, ConformanceError};
use crate::analyze;
use crate::model::Span;
use jiff::civil::Date;
use serde::Serialize;
use std::path::Path;

/// A gold or recognized time expression in a rebuilt article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Timex {
    /// Byte span in the rebuilt text.
    pub span: Span,
    /// The TIMEX3 value.
    pub value: String,
}

/// One article: rebuilt text, creation time and gold times.
#[derive(Debug, Clone)]
pub struct Article {
    /// File name.
    pub name: String,
    /// Tokens joined with the spacing news text has.
    pub text: String,
    /// The article's creation time (its publication date).
    pub created: Date,
    /// Gold TIMEX3 with token anchors, creation time excluded.
    pub gold: Vec<Timex>,
    /// Where the creation time is written (a dateline): left out of the evaluation.
    pub excluded: Vec<Span>,
    /// End of the annotated part: MEANTIME annotates only each article's first sentences.
    pub annotated: usize,
}

/// Scores over all articles.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Score {
    /// Articles read.
    pub articles: usize,
    /// Gold expressions.
    pub gold: usize,
    /// Recognized expressions.
    pub found: usize,
    /// Pairs with identical spans.
    pub strict_matches: usize,
    /// Pairs whose spans overlap (one-to-one).
    pub relaxed_matches: usize,
    /// Relaxed pairs whose values agree.
    pub value_matches: usize,
}

impl Score {
    /// Strict span F1.
    pub fn strict_f1(&self) -> f64 {
        f1(self.strict_matches, self.gold, self.found)
    }
    /// Relaxed (overlap) F1.
    pub fn relaxed_f1(&self) -> f64 {
        f1(self.relaxed_matches, self.gold, self.found)
    }
    /// Value accuracy on relaxed matches.
    pub fn value_accuracy(&self) -> f64 {
        if self.relaxed_matches == 0 {
            0.0
        } else {
            self.value_matches as f64 / self.relaxed_matches as f64
        }
    }
}

fn f1(matches: usize, gold: usize, found: usize) -> f64 {
    if gold + found == 0 {
        return 1.0;
    }
    2.0 * matches as f64 / (gold + found) as f64
}

/// A mismatch kept for inspection: gold without match, recognized without match, or a
/// matched pair with different values.
#[derive(Debug, Clone, Serialize)]
pub struct Miss {
    /// Article.
    pub article: String,
    /// Gold text and value, if any.
    pub gold: Option<(String, String)>,
    /// Recognized text and value, if any.
    pub found: Option<(String, String)>,
}

/// Reads every article under `dir` (`*.xml`) and scores the time recognizer on them.
pub fn run(dir: &Path) -> Result<(Score, Vec<Miss>), ConformanceError> {
    let files = files_under(dir, ".xml")?;
    if files.is_empty() {
        return Err(ConformanceError::Empty {
            path: dir.to_path_buf(),
            what: "MEANTIME article (*.xml)",
        });
    }
    let mut score = Score::default();
    let mut misses = Vec::new();
    for path in files {
        let xml = std::fs::read_to_string(&path).map_err(|source| ConformanceError::Io {
            path: path.clone(),
            source,
        })?;
        let article = read_article(&path, &xml)?;
        score_article(&article, &mut score, &mut misses);
    }
    Ok((score, misses))
}

/// Parses one MEANTIME XML document.
pub fn read_article(path: &Path, xml: &str) -> Result<Article, ConformanceError> {
    let doc = roxmltree::Document::parse(xml).map_err(|source| ConformanceError::Xml {
        path: path.to_path_buf(),
        source,
    })?;
    let schema = |place: &str, what: String| ConformanceError::Schema {
        path: path.to_path_buf(),
        place: place.to_string(),
        what,
    };
    let mut text = String::new();
    let mut token_spans = rustc_hash::FxHashMap::default();
    let mut last_sentence = None;
    for tok in doc.descendants().filter(|n| n.has_tag_name("token")) {
        let id = tok
            .attribute("t_id")
            .ok_or_else(|| schema("token", "no t_id".into()))?;
        let word = tok.text().unwrap_or("");
        let sentence = tok.attribute("sentence");
        if !text.is_empty() {
            if sentence != last_sentence {
                text.push('\n');
            } else if needs_space(&text, word) {
                text.push(' ');
            }
        }
        last_sentence = sentence;
        let start = text.len();
        text.push_str(word);
        token_spans.insert(id, Span::new(start, text.len()));
    }
    let annotated = annotated_end(&doc, &token_spans, &text);
    let timexes: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("TIMEX3"))
        .collect();
    let creation_id = creation_time_id(&timexes);
    let mut created = None;
    let mut gold = Vec::new();
    let mut excluded = Vec::new();
    for t in timexes {
        let value = t.attribute("value").unwrap_or("").to_string();
        let spans: Vec<Span> = t
            .children()
            .filter(|n| n.has_tag_name("token_anchor"))
            .filter_map(|a| {
                a.attribute("t_id")
                    .and_then(|id| token_spans.get(id))
                    .copied()
            })
            .collect();
        let span = match (spans.iter().min(), spans.iter().max()) {
            (Some(first), Some(last)) => Some(Span::new(first.start, last.end)),
            _ => None, // Not anchored in the text (an implied time).
        };
        if t.attribute("m_id") == creation_id {
            created = Some(
                creation_date(&value)
                    .ok_or_else(|| schema("creation time", format!("{value:?} is not a date")))?,
            );
            excluded.extend(span);
        } else if let Some(span) = span {
            gold.push(Timex { span, value });
        }
    }
    let created = created.ok_or_else(|| {
        schema(
            "document",
            "no CREATION_TIME TIMEX3 and none other times are anchored to".into(),
        )
    })?;
    gold.sort_by_key(|t| t.span);
    let name = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok(Article {
        name,
        text,
        created,
        gold,
        excluded,
        annotated,
    })
}

/// The end of the last line holding any annotation (of any kind): beyond it nothing was
/// annotated, so nothing found there can be judged.
fn annotated_end(
    doc: &roxmltree::Document,
    token_spans: &rustc_hash::FxHashMap<&str, Span>,
    text: &str,
) -> usize {
    let last = doc
        .descendants()
        .filter(|n| n.has_tag_name("token_anchor"))
        .filter_map(|a| a.attribute("t_id").and_then(|id| token_spans.get(id)))
        .map(|s| s.end)
        .max()
        .unwrap_or(0);
    text[last..].find('\n').map_or(text.len(), |k| last + k)
}

/// A creation time's date: ISO ("2009-02-03"), or day first ("03-02-2009", the one
/// article that writes it so has "February 03, 2009" in its text).
fn creation_date(value: &str) -> Option<Date> {
    value
        .get(..10)
        .and_then(|v| v.parse().ok())
        .or_else(|| Date::strptime("%d-%m-%Y", value).ok())
}

/// The `m_id` of the creation time: the TIMEX3 marked `CREATION_TIME`, or (two articles lack
/// the mark) the one other times are anchored to most often.
fn creation_time_id<'a>(timexes: &[roxmltree::Node<'a, 'a>]) -> Option<&'a str> {
    if let Some(t) = timexes
        .iter()
        .find(|t| t.attribute("functionInDocument") == Some("CREATION_TIME"))
    {
        return t.attribute("m_id");
    }
    let mut counts: rustc_hash::FxHashMap<&str, usize> = rustc_hash::FxHashMap::default();
    for id in timexes.iter().filter_map(|t| t.attribute("anchorTimeID")) {
        if !id.is_empty() {
            *counts.entry(id).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .max_by_key(|&(id, n)| (n, std::cmp::Reverse(id)))
        .map(|(id, _)| id)
}

/// Whether a space goes between `before` and the next token when rebuilding the text.
fn needs_space(before: &str, next: &str) -> bool {
    let glued_after = before.ends_with(['(', '[', '$', '€', '£', '"']) && before.len() > 1;
    let glued_before = matches!(
        next,
        "," | "." | ";" | ":" | ")" | "]" | "%" | "'s" | "n't" | "'" | "?" | "!"
    );
    !(glued_after || glued_before)
}

/// What factline recognizes in the annotated part of an article, as TIMEX values (outside the
/// creation time).
pub fn recognize(article: &Article) -> Vec<Timex> {
    let analysis = analyze::analyze(&article.text, Some(article.created));
    let times = analysis.times.iter().map(|t| Timex {
        span: without_preposition(&article.text, t.span),
        value: t.timex.clone(),
    });
    let mentions = analysis.time_mentions.iter().map(|m| Timex {
        span: m.span,
        value: m.timex.clone(),
    });
    let mut found: Vec<Timex> = times
        .chain(mentions)
        .filter(|t| t.span.end <= article.annotated)
        .filter(|t| !article.excluded.iter().any(|x| x.overlaps(t.span)))
        .collect();
    found.sort_by_key(|t| t.span);
    found
}

/// Prepositions TIMEX3 leaves to a signal outside the expression ("in 2023" is tagged
/// "2023"); factline's spans include them.
const SIGNALS: &[&str] = &[
    "as of ",
    "prior to ",
    "earlier than ",
    "later than ",
    "in ",
    "on ",
    "at ",
    "by ",
    "since ",
    "until ",
    "till ",
    "during ",
    "over ",
    "for ",
    "throughout ",
    "within ",
    "before ",
    "after ",
];

/// A time's span without its leading preposition, as TIMEX3 marks it.
fn without_preposition(text: &str, span: Span) -> Span {
    let stated = &text[span.start..span.end];
    SIGNALS
        .iter()
        .find(|p| {
            stated
                .get(..p.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(p))
        })
        .map_or(span, |p| Span::new(span.start + p.len(), span.end))
}

fn score_article(article: &Article, score: &mut Score, misses: &mut Vec<Miss>) {
    let found = recognize(article);
    let quote = |t: &Timex| {
        (
            article.text[t.span.start..t.span.end].to_string(),
            t.value.clone(),
        )
    };
    score.articles += 1;
    score.gold += article.gold.len();
    score.found += found.len();
    let mut used = vec![false; found.len()];
    for g in &article.gold {
        let pair = found
            .iter()
            .enumerate()
            .find(|(k, f)| !used[*k] && f.span.overlaps(g.span));
        let Some((k, f)) = pair else {
            misses.push(Miss {
                article: article.name.clone(),
                gold: Some(quote(g)),
                found: None,
            });
            continue;
        };
        used[k] = true;
        score.relaxed_matches += 1;
        score.strict_matches += usize::from(f.span == g.span);
        if same_value(&g.value, &f.value) {
            score.value_matches += 1;
        } else {
            misses.push(Miss {
                article: article.name.clone(),
                gold: Some(quote(g)),
                found: Some(quote(f)),
            });
        }
    }
    for (f, _) in found.iter().zip(&used).filter(|(_, u)| !**u) {
        misses.push(Miss {
            article: article.name.clone(),
            gold: None,
            found: Some(quote(f)),
        });
    }
}

/// Whether two TIMEX3 values agree: calendar values at the coarser granularity, durations
/// in quarters as months (TimeML's `P2Q` is ISO 8601's `P6M`), others exactly.
pub fn same_value(gold: &str, ours: &str) -> bool {
    if let (Some(a), Some(b)) = (quarters_as_months(gold), quarters_as_months(ours)) {
        return a == b;
    }
    let calendar = |v: &str| {
        let b = v.as_bytes();
        b.len() >= 4 && b[..4].iter().all(u8::is_ascii_digit) && !v.contains(['W', 'Q', 'H'])
    };
    if calendar(gold) && calendar(ours) {
        let n = gold.len().min(ours.len());
        return gold[..n] == ours[..n];
    }
    gold == ours
}

/// A duration in quarters or months as a number of months ("P2Q" and "P6M" are 6).
fn quarters_as_months(v: &str) -> Option<f64> {
    let body = v.strip_prefix('P')?;
    let (n, per) = match body.strip_suffix('Q') {
        Some(n) => (n, 3.0),
        None => (body.strip_suffix('M').filter(|_| !body.contains('T'))?, 1.0),
    };
    Some(n.parse::<f64>().ok()? * per)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARTICLE: &str = r#"<?xml version="1.0" ?><Document doc_id="1">
<token number="0" sentence="0" t_id="1">Sales</token>
<token number="1" sentence="0" t_id="2">rose</token>
<token number="2" sentence="0" t_id="3">in</token>
<token number="3" sentence="0" t_id="4">2007</token>
<token number="4" sentence="0" t_id="5">.</token>
<token number="5" sentence="1" t_id="6">March</token>
<token number="6" sentence="1" t_id="7">3</token>
<token number="7" sentence="1" t_id="8">,</token>
<token number="8" sentence="1" t_id="9">2008</token>
<token number="9" sentence="2" t_id="10">Not</token>
<token number="10" sentence="2" t_id="11">annotated</token>
<token number="11" sentence="2" t_id="12">in</token>
<token number="12" sentence="2" t_id="13">2009</token>
<Markables>
<TIMEX3 functionInDocument="CREATION_TIME" m_id="9" type="DATE" value="2008-03-03">
<token_anchor t_id="6"/><token_anchor t_id="7"/><token_anchor t_id="8"/><token_anchor t_id="9"/>
</TIMEX3>
<TIMEX3 functionInDocument="NONE" m_id="10" type="DATE" value="2007"><token_anchor t_id="4"/></TIMEX3>
<TIMEX3 functionInDocument="NONE" m_id="11" type="DATE" value="2058"/>
</Markables></Document>"#;

    #[test]
    fn articles_are_rebuilt_with_news_spacing_and_gold_excludes_creation_time() {
        let a = read_article(Path::new("a.xml"), ARTICLE).expect("parses");
        assert_eq!(
            a.text,
            "Sales rose in 2007.\nMarch 3, 2008\nNot annotated in 2009"
        );
        assert_eq!(a.annotated, "Sales rose in 2007.\nMarch 3, 2008".len());
        assert_eq!(a.created.to_string(), "2008-03-03");
        assert_eq!(a.gold.len(), 1);
        assert_eq!(&a.text[a.gold[0].span.start..a.gold[0].span.end], "2007");
    }

    #[test]
    fn scoring_counts_overlaps_and_values() {
        let a = read_article(Path::new("a.xml"), ARTICLE).expect("parses");
        let mut score = Score::default();
        score_article(&a, &mut score, &mut Vec::new());
        // The dateline's "March 3, 2008" is the creation time, and the third line lies beyond
        // the annotated sentences: neither is gold or found.
        assert_eq!((score.gold, score.found), (1, 1));
        assert_eq!((score.relaxed_matches, score.value_matches), (1, 1));
        assert_eq!(
            score.strict_matches, 1,
            "factline's \"in 2007\" is compared without its preposition, as TIMEX3 marks it"
        );
        assert!((score.relaxed_f1() - 1.0).abs() < 1e-9);
    }

    #[test]
    fn quarters_compare_as_months() {
        assert!(same_value("P2Q", "P6M"));
        assert!(!same_value("P2Q", "P2M"));
        assert!(!same_value("PT6M", "P2Q"));
    }

    #[test]
    fn values_compare_at_the_coarser_granularity() {
        assert!(same_value("2008", "2008"));
        assert!(same_value("2009-06-01T16:00Z", "2009-06-01"));
        assert!(!same_value("2008-03", "2008-04"));
        assert!(!same_value("P3Y", "P2Y"));
        assert!(!same_value("2004-W47", "2004-11"));
    }

    #[test]
    fn malformed_xml_names_the_file() {
        let err = read_article(Path::new("bad.xml"), "<Document><token>").expect_err("fails");
        assert!(err.to_string().starts_with("bad.xml: invalid XML"));
    }

    #[test]
    fn a_creation_time_is_iso_or_day_first() {
        assert_eq!(
            creation_date("2009-02-03T00:00:00"),
            Date::new(2009, 2, 3).ok()
        );
        assert_eq!(creation_date("03-02-2009"), Date::new(2009, 2, 3).ok());
        assert_eq!(creation_date("February"), None);
    }
}
