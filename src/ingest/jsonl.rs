//! JSON Lines: one article per line, `{"id", "title", "text" | "html", "date" | "published", "url"}`.
//!
//! Lines are read one at a time with a size cap, so a 200 MB line is reported and skipped
//! without being held in memory; a malformed line is reported with its line number and the
//! lines after it are still read.

use super::{classify_io, html, IngestError, IngestErrorKind, MAX_DOCUMENT_BYTES};
use crate::model::RawDocument;
use serde::Deserialize;
use std::io::BufRead;

/// The fields factline reads from a JSON line; others are ignored.
#[derive(Debug, Deserialize)]
struct Record {
    id: Option<serde_json::Value>,
    title: Option<String>,
    text: Option<String>,
    html: Option<String>,
    date: Option<String>,
    published: Option<String>,
    url: Option<String>,
}

/// Outcome of reading one line with a cap.
enum Line {
    /// A complete line (without its newline).
    Text(Vec<u8>),
    /// A line longer than the cap; its bytes were discarded.
    TooLong,
    /// End of input.
    End,
}

/// Reads a line of at most `limit` bytes; longer lines are consumed and reported.
fn read_capped_line(reader: &mut impl BufRead, limit: usize) -> std::io::Result<Line> {
    let mut buf = Vec::new();
    let mut too_long = false;
    let mut saw_any = false;
    loop {
        let available = reader.fill_buf()?;
        if available.is_empty() {
            break;
        }
        saw_any = true;
        let (chunk, found_newline) = match available.iter().position(|&b| b == b'\n') {
            Some(i) => (&available[..i], Some(i)),
            None => (available, None),
        };
        if !too_long {
            if buf.len() + chunk.len() > limit {
                too_long = true;
                buf = Vec::new();
            } else {
                buf.extend_from_slice(chunk);
            }
        }
        let consumed = found_newline.map_or(available.len(), |i| i + 1);
        reader.consume(consumed);
        if found_newline.is_some() {
            break;
        }
    }
    Ok(match (saw_any, too_long) {
        (false, _) => Line::End,
        (true, true) => Line::TooLong,
        (true, false) => Line::Text(buf),
    })
}

/// Reads every line of a JSON Lines stream, handing each document or error to `sink`.
pub fn read_lines(
    origin: &str,
    mut reader: impl BufRead,
    sink: &mut dyn FnMut(Result<RawDocument, IngestError>),
) {
    let mut line_no = 0usize;
    loop {
        line_no += 1;
        let at = format!("{origin}:{line_no}");
        match read_capped_line(&mut reader, MAX_DOCUMENT_BYTES) {
            Ok(Line::End) => return,
            Ok(Line::TooLong) => sink(Err(IngestError::new(
                at,
                IngestErrorKind::TooLarge {
                    limit: MAX_DOCUMENT_BYTES,
                },
            ))),
            Ok(Line::Text(bytes)) => {
                if bytes.iter().all(u8::is_ascii_whitespace) {
                    continue;
                }
                let fallback_id = format!("{}-{line_no}", super::id_from_path(origin.as_ref()));
                let doc = parse_line(&bytes, &fallback_id, &at);
                sink(doc.map_err(|kind| IngestError::new(at, kind)));
            }
            Err(e) => {
                sink(Err(IngestError::new(at, classify_io(e))));
                return;
            }
        }
    }
}

/// Parses one JSON line into a document.
pub fn parse_line(
    bytes: &[u8],
    fallback_id: &str,
    origin: &str,
) -> Result<RawDocument, IngestErrorKind> {
    let text = super::check_text(bytes)?;
    let rec: Record =
        serde_json::from_str(text).map_err(|e| IngestErrorKind::Json(e.to_string()))?;
    let id = match rec.id {
        Some(serde_json::Value::String(s)) if !s.trim().is_empty() => s,
        Some(serde_json::Value::Number(n)) => n.to_string(),
        None => fallback_id.to_string(),
        Some(other) => {
            return Err(IngestErrorKind::Json(format!(
                "\"id\" must be a string or number, found {other}"
            )))
        }
    };
    let published = rec.date.or(rec.published).filter(|d| !d.trim().is_empty());
    let mut doc = match (rec.text, rec.html) {
        (Some(text), _) if !text.trim().is_empty() => RawDocument {
            id: id.clone(),
            origin: origin.to_string(),
            title: None,
            published: None,
            text,
            title_in_text: false,
            url: None,
        },
        (_, Some(h)) if !h.trim().is_empty() => html::parse(&id, origin, &h)?,
        (Some(_), _) | (_, Some(_)) => return Err(IngestErrorKind::Empty),
        (None, None) => {
            return Err(IngestErrorKind::Json(
                "no \"text\" or \"html\" field".to_string(),
            ))
        }
    };
    doc.id = id;
    doc.title = rec.title.filter(|t| !t.trim().is_empty()).or(doc.title);
    doc.published = published.or(doc.published);
    doc.url = rec.url.or(doc.url);
    Ok(doc)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn collect(input: &str) -> Vec<Result<RawDocument, IngestError>> {
        let mut out = Vec::new();
        read_lines("in.jsonl", input.as_bytes(), &mut |d| out.push(d));
        out
    }

    #[test]
    fn reads_fields_and_falls_back_to_line_ids() {
        let docs = collect(
            "{\"id\":\"a\",\"title\":\"T\",\"text\":\"Body.\",\"date\":\"2023-05-01\",\"url\":\"u\"}\n\
             {\"text\":\"No id here.\"}\n",
        );
        let a = docs[0].as_ref().expect("first line parses");
        assert_eq!((a.id.as_str(), a.title.as_deref()), ("a", Some("T")));
        assert_eq!(a.published.as_deref(), Some("2023-05-01"));
        assert_eq!(docs[1].as_ref().expect("second parses").id, "in-2");
    }

    #[test]
    fn bad_line_is_reported_with_its_number_and_others_survive() {
        let docs =
            collect("{\"id\":\"a\",\"text\":\"x\"}\n{not json\n{\"id\":\"c\",\"text\":\"y\"}\n");
        assert_eq!(docs.len(), 3);
        let err = docs[1].as_ref().expect_err("line 2 is malformed");
        assert_eq!(err.origin, "in.jsonl:2");
        assert!(matches!(err.kind, IngestErrorKind::Json(_)));
        assert_eq!(docs[2].as_ref().map(|d| d.id.as_str()).ok(), Some("c"));
    }

    #[test]
    fn html_field_is_extracted() {
        let docs = collect("{\"id\":\"h\",\"html\":\"<html><body><nav>Home | News</nav><p>Trade grew.</p></body></html>\"}");
        let d = docs[0].as_ref().expect("html line parses");
        assert!(d.text.contains("Trade grew."));
        assert!(!d.text.contains("Home"));
    }

    #[test]
    fn overlong_line_is_skipped_without_losing_the_next() {
        let mut reader = std::io::Cursor::new(format!("{}\nshort\n", "x".repeat(100)));
        assert!(matches!(
            read_capped_line(&mut reader, 10),
            Ok(Line::TooLong)
        ));
        match read_capped_line(&mut reader, 10) {
            Ok(Line::Text(t)) => assert_eq!(t, b"short"),
            _ => panic!("expected the short line"),
        }
        assert!(matches!(read_capped_line(&mut reader, 10), Ok(Line::End)));
    }
}
