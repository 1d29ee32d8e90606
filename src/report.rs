//! Report: renders what factline found — the `extract` JSON contract, and the ledger's claims
//! and documents as tables, JSON Lines or CSV. Renders to strings/writers; printing is left
//! to the binary.

use crate::model::{CharIndex, Extraction};
use crate::store::{StoredClaim, StoredDocument};
use serde_json::{json, Value};
use std::io::Write;

/// Output formats for ledger listings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Aligned columns for people.
    Table,
    /// One JSON object per line.
    Jsonl,
    /// Comma-separated values with a header.
    Csv,
}

/// The `extract` JSON object of one document (spans in characters of the cleaned text).
pub fn extraction_json(ex: &Extraction, with_text: bool) -> Value {
    let text = &ex.doc.text;
    let idx = CharIndex::new(text);
    let slice = |s: crate::model::Span| &text[s.start..s.end];
    let entities: Vec<Value> = ex
        .analysis
        .entities
        .iter()
        .map(|e| json!({"id": e.id, "kind": e.kind, "form": e.form, "text": slice(e.span), "span": idx.span(e.span)}))
        .collect();
    let quantity = |q: &crate::model::Quantity| {
        json!({"text": slice(q.span), "span": idx.span(q.span), "amount": q.amount, "unit": q.unit,
               "bound": q.bound, "concept": q.concept, "range": q.range})
    };
    let quantities: Vec<Value> = ex.analysis.quantities.iter().map(quantity).collect();
    let times: Vec<Value> = ex
        .analysis
        .times
        .iter()
        .map(|t| json!({"text": slice(t.span), "span": idx.span(t.span), "start": t.start.to_string(), "end": t.end.to_string(), "timex": t.timex}))
        .collect();
    let time_mentions: Vec<Value> = ex
        .analysis
        .time_mentions
        .iter()
        .map(|m| json!({"text": slice(m.span), "span": idx.span(m.span), "kind": m.kind, "timex": m.timex, "seconds": m.seconds}))
        .collect();
    let claims: Vec<Value> = ex
        .claims
        .iter()
        .map(|c| {
            let v = &c.value;
            json!({
                "indicator": c.indicator,
                "subjects": c.subjects,
                "from": c.from,
                "to": c.to,
                "value": {"amount": v.amount, "unit": v.unit, "bound": v.bound, "concept": v.concept, "text": slice(v.span)},
                "time": c.time.as_ref().map(|t| json!({
                    "start": t.start.to_string(), "end": t.end.to_string(),
                    "text": t.span.map(slice),
                })),
                "modality": c.modality,
                "quote": slice(c.sentence),
                "span": idx.span(c.sentence),
            })
        })
        .collect();
    let published = ex.published.as_ref();
    let mut obj = json!({
        "doc": ex.doc.raw.id,
        "title": ex.doc.title,
        "published": published.map(|p| p.date.to_string()),
        "published_source": published.map(|p| p.source),
        "published_confidence": published.map(|p| p.confidence),
        "published_evidence": published.map(|p| p.evidence.clone()),
        "entities": entities,
        "quantities": quantities,
        "times": times,
        "time_mentions": time_mentions,
        "claims": claims,
    });
    if with_text {
        obj["text"] = Value::String(text.clone());
    }
    obj
}

/// A human-readable number: "€48.6 billion"-like scale words, unit after.
pub fn format_amount(amount: f64, unit: Option<&str>) -> String {
    let (scaled, word) = match amount.abs() {
        a if a >= 1e12 => (amount / 1e12, " trillion"),
        a if a >= 1e9 => (amount / 1e9, " billion"),
        a if a >= 1e6 => (amount / 1e6, " million"),
        _ => (amount, ""),
    };
    let number = format!("{scaled:.3}");
    let number = number.trim_end_matches('0').trim_end_matches('.');
    match unit {
        Some("percent") => format!("{number}%"),
        Some("count") | None => format!("{number}{word}"),
        Some(u) => format!("{number}{word} {u}"),
    }
}

fn period(c: &StoredClaim) -> String {
    match (&c.time_start, &c.time_end) {
        (Some(s), Some(e)) if s == e => s.clone(),
        (Some(s), Some(e))
            if s.ends_with("-01-01") && e.ends_with("-12-31") && s[..4] == e[..4] =>
        {
            s[..4].to_string()
        }
        (Some(s), Some(e)) => format!("{s}..{e}"),
        _ => "-".into(),
    }
}

fn direction(c: &StoredClaim) -> String {
    match (&c.from, &c.to) {
        (None, None) => String::new(),
        (f, t) => format!(
            "{}→{}",
            f.as_deref().unwrap_or("?"),
            t.as_deref().unwrap_or("?")
        ),
    }
}

fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let cut: String = s.chars().take(max.saturating_sub(1)).collect();
        format!("{cut}…")
    }
}

/// Writes rows as aligned columns.
fn write_table(out: &mut dyn Write, header: &[&str], rows: &[Vec<String>]) -> std::io::Result<()> {
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |cells: &mut dyn Iterator<Item = &str>| -> String {
        cells
            .zip(&widths)
            .map(|(c, w)| format!("{c:<w$}", w = *w))
            .collect::<Vec<_>>()
            .join("  ")
            .trim_end()
            .to_string()
    };
    writeln!(out, "{}", line(&mut header.iter().copied()))?;
    for row in rows {
        writeln!(out, "{}", line(&mut row.iter().map(String::as_str)))?;
    }
    Ok(())
}

const CLAIM_COLUMNS: &[&str] = &[
    "indicator",
    "period",
    "value",
    "bound",
    "modality",
    "subjects",
    "direction",
    "doc",
    "published",
    "quote",
];

fn claim_row(c: &StoredClaim, quote_width: usize) -> Vec<String> {
    vec![
        c.indicator.clone(),
        period(c),
        format_amount(c.amount, c.unit.as_deref()),
        c.bound.clone(),
        c.modality.clone(),
        c.subjects.join(","),
        direction(c),
        c.doc.clone(),
        c.published.clone().unwrap_or_else(|| "-".into()),
        truncate(&c.quote, quote_width),
    ]
}

/// Writes claims in the chosen format.
pub fn write_claims(
    out: &mut dyn Write,
    claims: &[StoredClaim],
    format: Format,
) -> std::io::Result<()> {
    match format {
        Format::Table => {
            let rows: Vec<_> = claims.iter().map(|c| claim_row(c, 70)).collect();
            write_table(out, CLAIM_COLUMNS, &rows)
        }
        Format::Jsonl => {
            for c in claims {
                writeln!(
                    out,
                    "{}",
                    serde_json::to_string(c).map_err(std::io::Error::other)?
                )?;
            }
            Ok(())
        }
        Format::Csv => {
            let mut w = csv::Writer::from_writer(out);
            w.write_record([
                "doc",
                "published",
                "indicator",
                "subjects",
                "from",
                "to",
                "amount",
                "unit",
                "bound",
                "concept",
                "value_text",
                "time_start",
                "time_end",
                "time_text",
                "modality",
                "quote",
            ])
            .map_err(std::io::Error::other)?;
            for c in claims {
                let amount = c.amount.to_string();
                let subjects = c.subjects.join(",");
                let opt = |o: &Option<String>| o.clone().unwrap_or_default();
                w.write_record([
                    c.doc.clone(),
                    opt(&c.published),
                    c.indicator.clone(),
                    subjects,
                    opt(&c.from),
                    opt(&c.to),
                    amount,
                    opt(&c.unit),
                    c.bound.clone(),
                    opt(&c.concept),
                    c.value_text.clone(),
                    opt(&c.time_start),
                    opt(&c.time_end),
                    opt(&c.time_text),
                    c.modality.clone(),
                    c.quote.clone(),
                ])
                .map_err(std::io::Error::other)?;
            }
            w.flush()
        }
    }
}

/// Writes a timeline: the claims of one indicator grouped by subjects, in time order.
pub fn write_timeline(
    out: &mut dyn Write,
    claims: &[StoredClaim],
    format: Format,
) -> std::io::Result<()> {
    if format != Format::Table {
        return write_claims(out, claims, format);
    }
    let mut groups: Vec<(String, Vec<&StoredClaim>)> = Vec::new();
    for c in claims {
        let key = format!("{} [{}]", c.indicator, c.subjects.join("–"));
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, v)) => v.push(c),
            None => groups.push((key, vec![c])),
        }
    }
    for (i, (key, group)) in groups.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        writeln!(out, "== {key}")?;
        let rows: Vec<Vec<String>> = group
            .iter()
            .map(|c| {
                vec![
                    period(c),
                    format_amount(c.amount, c.unit.as_deref()),
                    c.bound.clone(),
                    c.modality.clone(),
                    direction(c),
                    c.doc.clone(),
                    truncate(&c.quote, 80),
                ]
            })
            .collect();
        write_table(
            out,
            &[
                "period",
                "value",
                "bound",
                "modality",
                "direction",
                "source",
                "quote",
            ],
            &rows,
        )?;
    }
    Ok(())
}

/// Writes the document list.
pub fn write_documents(
    out: &mut dyn Write,
    docs: &[StoredDocument],
    format: Format,
) -> std::io::Result<()> {
    match format {
        Format::Table => {
            let rows: Vec<Vec<String>> = docs
                .iter()
                .map(|d| {
                    vec![
                        d.id.clone(),
                        d.published.clone().unwrap_or_else(|| "-".into()),
                        d.published_source.clone().unwrap_or_else(|| "-".into()),
                        d.claims.to_string(),
                        truncate(d.title.as_deref().unwrap_or("-"), 70),
                    ]
                })
                .collect();
            write_table(
                out,
                &["doc", "published", "source", "claims", "title"],
                &rows,
            )
        }
        Format::Jsonl => {
            for d in docs {
                writeln!(
                    out,
                    "{}",
                    serde_json::to_string(d).map_err(std::io::Error::other)?
                )?;
            }
            Ok(())
        }
        Format::Csv => {
            let mut w = csv::Writer::from_writer(out);
            w.write_record([
                "doc",
                "published",
                "published_source",
                "claims",
                "title",
                "origin",
            ])
            .map_err(std::io::Error::other)?;
            for d in docs {
                w.write_record([
                    d.id.clone(),
                    d.published.clone().unwrap_or_default(),
                    d.published_source.clone().unwrap_or_default(),
                    d.claims.to_string(),
                    d.title.clone().unwrap_or_default(),
                    d.origin.clone(),
                ])
                .map_err(std::io::Error::other)?;
            }
            w.flush()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_read_like_news() {
        assert_eq!(format_amount(4.86e10, Some("EUR")), "48.6 billion EUR");
        assert_eq!(format_amount(1200.0, Some("count")), "1200");
        assert_eq!(format_amount(12.5, Some("percent")), "12.5%");
        assert_eq!(format_amount(2.5e6, Some("t")), "2.5 million t");
    }
}
