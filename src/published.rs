//! Publication date: what a claim's "last year" or "currently" is relative to.
//!
//! In order of trust: the date the user gives (`given`); the date the document states in its
//! metadata or in a dateline/"Published" line (`stated`); else a date inferred from the
//! full dates the article mentions (`inferred`, with the evidence and a confidence below 1).
//! With none of these, there is no publication date and relative times stay unresolved.

use crate::analyze::{self, times::RawTime, times::When};
use crate::model::{CleanDocument, Published, PublishedSource};
use jiff::civil::Date;

/// How many leading lines of the raw text are searched for a dateline.
const DATELINE_LINES: usize = 6;

/// Determines the publication date of a cleaned document whose times were scanned.
pub fn determine(doc: &CleanDocument, times: &[RawTime], given: Option<Date>) -> Option<Published> {
    if let Some(date) = given {
        return Some(Published {
            date,
            source: PublishedSource::Given,
            confidence: 1.0,
            evidence: "--published".into(),
        });
    }
    stated_in_metadata(doc)
        .or_else(|| stated_in_dateline(doc))
        .or_else(|| inferred(doc, times))
}

/// Parses a date as documents state it: ISO 8601 (with or without time), or English prose.
pub fn parse_stated(s: &str) -> Option<Date> {
    let s = s.trim();
    if let Some(head) = s.get(..10) {
        if let Ok(d) = head.parse::<Date>() {
            return Some(d);
        }
    }
    first_full_date(s)
}

/// The first single-day date with a year written in `s`.
fn first_full_date(s: &str) -> Option<Date> {
    let scan = analyze::scan(s);
    scan.times.iter().find_map(|t| match t.when {
        When::Fixed(a, b) if a == b => Some(a),
        _ => None,
    })
}

fn stated_in_metadata(doc: &CleanDocument) -> Option<Published> {
    let text = doc.raw.published.as_deref()?;
    Some(Published {
        date: parse_stated(text)?,
        source: PublishedSource::Stated,
        confidence: 1.0,
        evidence: format!("metadata: {text}"),
    })
}

/// A "Published …"/"Date: …" line, or a wire dateline ("WARSAW, June 5, 2023 (Reuters) -").
fn stated_in_dateline(doc: &CleanDocument) -> Option<Published> {
    let dropped = doc
        .dropped
        .iter()
        .filter(|(_, rule)| *rule == "dateline")
        .map(|(line, _)| line.as_str());
    let leading = doc
        .raw
        .text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(DATELINE_LINES);
    dropped.chain(leading).find_map(|line| {
        let line = line.trim();
        let lower = line.to_ascii_lowercase();
        let labelled = ["published", "updated", "posted", "date", "first published"]
            .iter()
            .any(|w| lower.starts_with(w));
        let wire = line.split_once(',').is_some_and(|(place, _)| {
            !place.is_empty() && place.len() <= 30 && place == place.to_uppercase()
        });
        if !(labelled || wire) {
            return None;
        }
        let head: String = line.chars().take(80).collect();
        Some(Published {
            date: first_full_date(&head)?,
            source: PublishedSource::Stated,
            confidence: 1.0,
            evidence: format!("dateline: {head}"),
        })
    })
}

/// The latest full date the article mentions; else the end of the latest month it mentions.
fn inferred(doc: &CleanDocument, times: &[RawTime]) -> Option<Published> {
    let days = times.iter().filter_map(|t| match t.when {
        When::Fixed(a, b) if a == b => Some((a, t)),
        _ => None,
    });
    if let Some((date, t)) = days.max_by_key(|(d, _)| *d) {
        let mentions = times.iter().filter(|o| o.when == t.when).count();
        return Some(Published {
            date,
            source: PublishedSource::Inferred,
            confidence: (0.5 + 0.1 * (mentions as f64 - 1.0)).min(0.8),
            evidence: format!(
                "latest full date mentioned: {:?}",
                &doc.text[t.span.start..t.span.end]
            ),
        });
    }
    let months = times.iter().filter_map(|t| match t.when {
        When::Fixed(a, b) if a.day() == 1 && b == a.last_of_month() => Some((b, t)),
        _ => None,
    });
    let (date, t) = months.max_by_key(|(d, _)| *d)?;
    Some(Published {
        date,
        source: PublishedSource::Inferred,
        confidence: 0.3,
        evidence: format!(
            "latest month mentioned: {:?}",
            &doc.text[t.span.start..t.span.end]
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::clean;
    use crate::model::RawDocument;

    fn doc(text: &str, meta: Option<&str>) -> CleanDocument {
        clean(RawDocument {
            id: "d".into(),
            origin: "d.txt".into(),
            title: None,
            published: meta.map(str::to_string),
            text: text.into(),
            title_in_text: true,
            url: None,
        })
    }

    fn published(text: &str, meta: Option<&str>) -> Option<Published> {
        let d = doc(text, meta);
        let scan = analyze::scan(&d.text);
        determine(&d, &scan.times, None)
    }

    #[test]
    fn metadata_is_stated() {
        let p = published("Title\n\nBody.", Some("2023-03-14T09:00:00Z")).expect("date");
        assert_eq!(
            (p.date.to_string(), p.source),
            ("2023-03-14".into(), PublishedSource::Stated)
        );
    }

    #[test]
    fn prose_metadata_is_parsed() {
        let p = published("Title\n\nBody.", Some("March 14, 2023")).expect("date");
        assert_eq!(p.date.to_string(), "2023-03-14");
    }

    #[test]
    fn published_line_is_stated() {
        let p = published(
            "Title\n\nPublished: 5 June 2024\n\nTrade grew in 2023.",
            None,
        )
        .expect("date");
        assert_eq!(
            (p.date.to_string(), p.source),
            ("2024-06-05".into(), PublishedSource::Stated)
        );
    }

    #[test]
    fn wire_dateline_is_stated() {
        let p =
            published("Title\n\nWARSAW, June 5, 2024 (Wire) - Poland said.", None).expect("date");
        assert_eq!(p.date.to_string(), "2024-06-05");
    }

    #[test]
    fn mentioned_dates_give_an_inferred_date_with_evidence() {
        let p = published(
            "Title\n\nThe deal was signed on 3 May 2021. Talks began on 1 March 2021.",
            None,
        )
        .expect("date");
        assert_eq!(
            (p.date.to_string(), p.source),
            ("2021-05-03".into(), PublishedSource::Inferred)
        );
        assert!(p.confidence < 1.0 && p.evidence.contains("3 May 2021"));
    }

    #[test]
    fn years_alone_support_no_date() {
        assert_eq!(
            published("Title\n\nTrade grew in 2021 and 2022.", None),
            None
        );
    }

    #[test]
    fn given_date_wins() {
        let d = doc("Title\n\nBody.", Some("2020-01-01"));
        let given = Date::new(2024, 2, 2).ok();
        let p = determine(&d, &[], given).expect("date");
        assert_eq!(p.source, PublishedSource::Given);
    }
}
