//! Analyze: reads one cleaned document into sentences, entities, quantities, times and other
//! time mentions (durations, sets, references to now).
//!
//! Runs in two steps because the publication date depends on the dates an article mentions,
//! and relative times depend on the publication date: [`scan`] tokenizes and finds the time
//! expressions; [`finish`] resolves them against the publication date and recognizes the rest.
//! Pure functions of the text: safe to run in parallel.

pub mod durations;
pub mod entities;
pub mod names;
pub mod numbers;
pub mod places;
pub mod quantities;
pub mod sentences;
pub mod times;
pub mod tokens;

use crate::model::{Analysis, Quantity, Sentence, TimeExpr, TimeMention, TimeMentionKind};
use jiff::civil::Date;
use times::RawTime;
use tokens::Token;

/// The first step's result: tokens and unresolved time expressions.
#[derive(Debug, Clone)]
pub struct Scan {
    /// Tokens of the cleaned text.
    pub tokens: Vec<Token>,
    /// Time expressions, relative ones unresolved.
    pub times: Vec<RawTime>,
}

/// Tokenizes `text` and finds its time expressions.
pub fn scan(text: &str) -> Scan {
    let tokens = tokens::tokenize(text);
    let times = times::scan(&tokens, text);
    Scan { tokens, times }
}

/// Completes the analysis of `text` once its publication date is known.
pub fn finish(text: &str, scan: &Scan, published: Option<Date>) -> Analysis {
    let sentences = sentences::split(text);
    let times = times::resolve_all(&scan.times, published, |span| {
        sentence_index(&sentences, span.start)
    });
    let mut quantities = quantities::recognize(&scan.tokens, text);
    // A number inside a date ("5 June 2019") is part of the time, not a quantity; so is a
    // year before a noun ("1986 results", "over 1987 wages"), which is no count.
    quantities.retain(|q| {
        !scan.times.iter().any(|t| {
            t.span.overlaps(q.span)
                && (q.unit.is_none()
                    || t.span.contains(q.span)
                    || (is_count(q) && (t.span.start..t.span.end).contains(&q.span.start)))
        })
    });
    let mut time_mentions = time_mentions(&scan.tokens, text, &scan.times);
    anchor_day_parts(&mut time_mentions, &times, &sentences, published);
    let mut entities = entities::countries(text);
    entities.extend(names::recognize(&scan.tokens, text, &entities));
    entities.sort_by_key(|e| e.span);
    Analysis {
        sentences,
        entities,
        quantities,
        times,
        time_mentions,
    }
}

/// The time mentions of a text apart from its times (durations, sets, references, parts of
/// the day; none inside a time), and the recurring weekdays among its times ("every Monday"
/// recurs: a set, not a date), in text order.
pub fn time_mentions(tokens: &[Token], text: &str, times: &[RawTime]) -> Vec<TimeMention> {
    let mut mentions = durations::scan(tokens, text);
    mentions.retain(|m| !times.iter().any(|t| t.span.overlaps(m.span)));
    mentions.extend(times.iter().filter_map(times::set_mention));
    mentions.sort_by_key(|m| m.span);
    mentions
}

/// The index of the sentence holding byte `at`.
fn sentence_index(sentences: &[Sentence], at: usize) -> usize {
    sentences.partition_point(|s| s.span.end <= at)
}

/// A part of the day with no day named ("rose in morning trading") is on the last day named
/// before it in its sentence, else on the publication day, as TimeML anchors it
/// (`2010-03-02TMO`); with neither it stays `TMO`.
fn anchor_day_parts(
    mentions: &mut [TimeMention],
    times: &[TimeExpr],
    sentences: &[Sentence],
    published: Option<Date>,
) {
    let sentence_of = |at: usize| sentence_index(sentences, at);
    for m in mentions
        .iter_mut()
        .filter(|m| m.kind == TimeMentionKind::DayPart)
    {
        let here = sentence_of(m.span.start);
        let day_before = times
            .iter()
            .rfind(|t| {
                t.start == t.end && t.span.end <= m.span.start && sentence_of(t.span.start) == here
            })
            .map(|t| t.start);
        if let Some(day) = day_before.or(published) {
            m.timex = format!("{day}{}", m.timex);
        }
    }
}

/// Whether a quantity counts things ("300 lawsuits").
fn is_count(q: &Quantity) -> bool {
    q.unit.as_deref() == Some("count")
}

/// Both steps at once, for callers that already know the publication date.
pub fn analyze(text: &str, published: Option<Date>) -> Analysis {
    finish(text, &scan(text), published)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The TIMEX values of the parts of a day `text` mentions with no day, published
    /// 1987-03-15.
    fn day_parts(text: &str) -> Vec<String> {
        analyze(text, Date::new(1987, 3, 15).ok())
            .time_mentions
            .into_iter()
            .filter(|m| m.kind == TimeMentionKind::DayPart)
            .map(|m| m.timex)
            .collect()
    }

    /// (text, start) of each time `text` states, published 1987-03-15.
    fn starts(text: &str) -> Vec<(String, String)> {
        analyze(text, Date::new(1987, 3, 15).ok())
            .times
            .into_iter()
            .map(|t| {
                (
                    text[t.span.start..t.span.end].to_string(),
                    t.start.to_string(),
                )
            })
            .collect()
    }

    #[test]
    fn the_previous_quarter_or_month_counts_from_the_one_named_before() {
        let quarter = starts(
            "Profits rose in the fourth quarter from a year earlier, after a fall in the \
             previous quarter.",
        );
        assert_eq!(
            quarter[2],
            ("in the previous quarter".into(), "1986-07-01".into())
        );
        let month =
            starts("Sales rose to 80 billion in November from 78 billion in the previous month.");
        assert_eq!(
            month[1],
            ("in the previous month".into(), "1986-10-01".into())
        );
        // With none named before, the one before publication's.
        let alone = starts("Sales fell from the previous month.");
        assert_eq!(alone, [("the previous month".into(), "1987-02-01".into())]);
    }

    #[test]
    fn a_part_of_the_day_is_on_the_day_named_before_it() {
        assert_eq!(
            day_parts("Shares rose in morning trading."),
            ["1987-03-15TMO"]
        );
        assert_eq!(
            day_parts("On March 12 shares rose in late afternoon trading."),
            ["1987-03-12TAF"]
        );
        // A day named in another sentence does not carry over.
        assert_eq!(
            day_parts("On March 12 shares rose. They fell in the evening."),
            ["1987-03-15TEV"]
        );
    }

    fn quantity_texts(text: &str) -> Vec<&str> {
        let published = Date::new(1987, 3, 15).ok();
        analyze(text, published)
            .quantities
            .iter()
            .map(|q| &text[q.span.start..q.span.end])
            .collect()
    }

    #[test]
    fn a_year_before_a_noun_is_a_time_not_a_count() {
        let text = "In the last three months of 1986 sales fell, and 300 lawsuits were filed.";
        assert_eq!(quantity_texts(text), ["300 lawsuits"]);
    }

    #[test]
    fn a_recurring_weekday_is_a_set_mention() {
        let analysis = analyze("Banks bid each Tuesday.", Date::new(1987, 3, 15).ok());
        assert!(analysis.times.is_empty());
        let sets: Vec<(&str, TimeMentionKind)> = analysis
            .time_mentions
            .iter()
            .map(|m| (m.timex.as_str(), m.kind))
            .collect();
        assert_eq!(sets, [("XXXX-WXX-2", TimeMentionKind::Set)]);
    }

    #[test]
    fn a_number_inside_a_date_is_no_quantity() {
        assert!(quantity_texts("They met on 5 June 2019 in Hanoi.").is_empty());
    }
}
