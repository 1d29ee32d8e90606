//! Report: renders what factline found — the `extract` JSON contract, and the ledger's claims
//! and documents as tables, JSON Lines or CSV. Renders to strings/writers; printing is left
//! to the binary.

use crate::model::{CharIndex, Extraction, Reading, Role, Series, Verdict};
use crate::store::{StoredClaim, StoredDocument};
use serde_json::{json, Value};
use std::fmt::Write as _;
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
        .map(|e| {
            let mut v = json!({"id": e.id, "kind": e.kind, "form": e.form, "text": slice(e.span), "span": idx.span(e.span)});
            for (key, field) in [("name", &e.name), ("role", &e.role), ("country", &e.country)] {
                if let Some(value) = field {
                    v[key] = Value::String(value.clone());
                }
            }
            v
        })
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
                "product": c.product,
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
    let events: Vec<Value> = ex
        .events
        .iter()
        .map(|e| {
            json!({
                "type": e.kind,
                "cameo": e.kind.cameo(),
                "participants": e.participants,
                "place": e.place,
                "countries": e.countries,
                "time": e.time.as_ref().map(|t| json!({
                    "start": t.start.to_string(), "end": t.end.to_string(),
                    "text": t.span.map(slice),
                })),
                "object": e.object.map(slice),
                "count": e.count,
                "ordinal": e.ordinal,
                "planned": e.planned,
                "trigger": slice(e.trigger),
                "quote": slice(e.sentence),
                "span": idx.span(e.sentence),
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
        "events": events,
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

/// The year when a period (`YYYY-MM-DD` ends) is exactly one calendar year.
pub fn calendar_year<'d>(start: &'d str, end: &str) -> Option<&'d str> {
    let year = start.get(..4)?;
    (start.ends_with("-01-01") && end.ends_with("-12-31") && end.get(..4) == Some(year))
        .then_some(year)
}

fn period(c: &StoredClaim) -> String {
    match (&c.time_start, &c.time_end) {
        (Some(s), Some(e)) if s == e => s.clone(),
        (Some(s), Some(e)) => {
            calendar_year(s, e).map_or_else(|| format!("{s}..{e}"), str::to_string)
        }
        _ => "-".into(),
    }
}

/// A flow's direction as printed: "CZ→DE", "?→DE"; empty when it has none.
fn direction_text(from: Option<&str>, to: Option<&str>) -> String {
    match (from, to) {
        (None, None) => String::new(),
        (f, t) => format!("{}→{}", f.unwrap_or("?"), t.unwrap_or("?")),
    }
}

fn direction(c: &StoredClaim) -> String {
    direction_text(c.from.as_deref(), c.to.as_deref())
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
        indicator_with_product(&c.indicator, c.product.as_deref()),
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

const CLAIM_CSV_COLUMNS: [&str; 17] = [
    "doc",
    "published",
    "indicator",
    "product",
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
];

fn claim_csv_record(c: &StoredClaim) -> [String; 17] {
    let opt = |o: &Option<String>| o.clone().unwrap_or_default();
    [
        c.doc.clone(),
        opt(&c.published),
        c.indicator.clone(),
        opt(&c.product),
        c.subjects.join(","),
        opt(&c.from),
        opt(&c.to),
        c.amount.to_string(),
        opt(&c.unit),
        c.bound.clone(),
        opt(&c.concept),
        c.value_text.clone(),
        opt(&c.time_start),
        opt(&c.time_end),
        opt(&c.time_text),
        c.modality.clone(),
        c.quote.clone(),
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
            w.write_record(CLAIM_CSV_COLUMNS)
                .map_err(std::io::Error::other)?;
            for c in claims {
                w.write_record(claim_csv_record(c))
                    .map_err(std::io::Error::other)?;
            }
            w.flush()
        }
    }
}

/// Writes timelines: each reconciled series with its periods (every source's figure and its
/// role: the value, agrees, repeats, conflicts, superseded, outlier) and then its goals.
pub fn write_timeline(
    out: &mut dyn Write,
    claims: &[StoredClaim],
    series: &[Series],
    format: Format,
) -> std::io::Result<()> {
    match format {
        Format::Table => write_timeline_table(out, claims, series),
        Format::Jsonl => {
            for s in series {
                let line = series_json(claims, s);
                writeln!(out, "{line}")?;
            }
            Ok(())
        }
        Format::Csv => {
            let mut w = csv::Writer::from_writer(out);
            let header = ["series", "verdict", "role"]
                .into_iter()
                .chain(CLAIM_CSV_COLUMNS);
            w.write_record(header).map_err(std::io::Error::other)?;
            for s in series {
                let name = series_name(s);
                for r in timeline_rows(s) {
                    let c = &claims[r.reading.claim];
                    let lead = [
                        name.clone(),
                        r.verdict.to_string(),
                        role_text(claims, r.reading),
                    ];
                    w.write_record(lead.into_iter().chain(claim_csv_record(c)))
                        .map_err(std::io::Error::other)?;
                }
            }
            w.flush()
        }
    }
}

/// One reading of a series, flattened for a table.
struct TimelineRow<'s> {
    /// The verdict of the reading's period; "goal" for goals.
    verdict: &'static str,
    reading: &'s Reading,
}

const TIMELINE_COLUMNS: &[&str] = &[
    "period",
    "value",
    "bound",
    "modality",
    "verdict",
    "role",
    "source",
    "published",
    "quote",
];

fn timeline_rows(s: &Series) -> Vec<TimelineRow<'_>> {
    let periods = s.periods.iter().flat_map(|p| {
        p.readings.iter().map(move |reading| TimelineRow {
            verdict: verdict_name(p.verdict),
            reading,
        })
    });
    let goals = s.goals.iter().map(|reading| TimelineRow {
        verdict: "goal",
        reading,
    });
    periods.chain(goals).collect()
}

/// The name of a verdict as printed.
pub fn verdict_name(v: Verdict) -> &'static str {
    match v {
        Verdict::Single => "single",
        Verdict::Agreed => "agreed",
        Verdict::Revised => "revised",
        Verdict::Conflict => "conflict",
    }
}

/// A reading's role as printed: "repeats cz-de-2022", "superseded by cz-de-2024", ….
pub fn role_text(claims: &[StoredClaim], r: &Reading) -> String {
    let other = r.other.and_then(|o| claims.get(o)).map(|c| c.doc.as_str());
    match (r.role, other) {
        (Role::Value, _) => "value".into(),
        (Role::Agrees, Some(d)) => format!("agrees with {d}"),
        (Role::Repeats, Some(d)) => format!("repeats {d}"),
        (Role::Superseded, Some(d)) => format!("superseded by {d}"),
        (Role::Conflicts, Some(d)) => format!("conflicts with {d}"),
        (Role::Outlier, _) => "outlier".into(),
        (role, None) => format!("{role:?}").to_lowercase(),
    }
}

/// "exports (coffee)": an indicator key with the product its figures are of.
fn indicator_with_product(indicator: &str, product: Option<&str>) -> String {
    match product {
        Some(p) => format!("{indicator} ({p})"),
        None => indicator.to_string(),
    }
}

/// Names a series: "trade_volume [CZ–DE]", "exports (coffee) [BR–US] BR→US", with its unit.
pub fn series_name(s: &Series) -> String {
    let direction = match direction_text(s.from.as_deref(), s.to.as_deref()) {
        d if d.is_empty() => d,
        d => format!(" {d}"),
    };
    let unit = s
        .unit
        .as_deref()
        .map(|u| format!(" ({u})"))
        .unwrap_or_default();
    format!(
        "{} [{}]{direction}{unit}",
        indicator_with_product(&s.indicator, s.product.as_deref()),
        s.subjects.join("–")
    )
}

fn timeline_cells(claims: &[StoredClaim], r: &TimelineRow<'_>, quote_width: usize) -> Vec<String> {
    let c = &claims[r.reading.claim];
    vec![
        period(c),
        format_amount(c.amount, c.unit.as_deref()),
        c.bound.clone(),
        c.modality.clone(),
        r.verdict.to_string(),
        role_text(claims, r.reading),
        c.doc.clone(),
        c.published.clone().unwrap_or_else(|| "-".into()),
        truncate(&c.quote, quote_width),
    ]
}

fn write_timeline_table(
    out: &mut dyn Write,
    claims: &[StoredClaim],
    series: &[Series],
) -> std::io::Result<()> {
    for (i, s) in series.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        writeln!(out, "== {}", series_name(s))?;
        let cells: Vec<Vec<String>> = timeline_rows(s)
            .iter()
            .map(|r| timeline_cells(claims, r, 60))
            .collect();
        write_table(out, TIMELINE_COLUMNS, &cells)?;
    }
    Ok(())
}

/// A series as one JSON object, its readings carrying their claims.
fn series_json(claims: &[StoredClaim], s: &Series) -> Value {
    let reading = |r: &Reading| {
        json!({
            "role": r.role,
            "other": r.other.and_then(|o| claims.get(o)).map(|c| json!({"doc": c.doc, "span": c.span})),
            "claim": claims.get(r.claim),
        })
    };
    json!({
        "indicator": s.indicator,
        "product": s.product,
        "subjects": s.subjects,
        "from": s.from,
        "to": s.to,
        "unit": s.unit,
        "periods": s.periods.iter().map(|p| json!({
            "start": p.start,
            "end": p.end,
            "verdict": p.verdict,
            "value": claims.get(p.value).map(|c| c.amount),
            "readings": p.readings.iter().map(reading).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "goals": s.goals.iter().map(reading).collect::<Vec<_>>(),
    })
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

/// A stored article with what factline found in it marked inline — entities
/// `[Petr Pavel|person:petr-pavel]`, quantities `[€5 billion|5000000000 EUR]`, times
/// `[in 2024|2024]` — followed by its numbered claims and events with the words that gave
/// them, and the people its aliases and roles were linked to in other documents, so a reader
/// can see why factline said what it said.
pub fn annotated(
    doc: &StoredDocument,
    text: &str,
    found: &crate::model::Findings,
    links: &[crate::model::EntityLink],
) -> String {
    let mut out = format!(
        "{} — {}\npublished {} ({}) · {}\n\n",
        doc.id,
        doc.title.as_deref().unwrap_or("(untitled)"),
        doc.published.as_deref().unwrap_or("undated"),
        doc.published_source.as_deref().unwrap_or("-"),
        doc.origin
    );
    out.push_str(&marked_text(text, found));
    out.push_str("\n\nClaims\n");
    let slice = |s: crate::model::Span| &text[s.start..s.end];
    for (k, c) in found.claims.iter().enumerate() {
        let time = time_source(text, c.time.as_ref());
        let _ = writeln!(
            out,
            "  C{} {} {} {} = {} ({}) · {} · {}\n     value from \"{}\" · quote: {}",
            k + 1,
            indicator_with_product(&c.indicator, c.product.as_deref()),
            c.subjects.join(","),
            direction_text(c.from.as_deref(), c.to.as_deref()),
            format_amount(c.value.amount, c.value.unit.as_deref()),
            c.value.bound.as_str(),
            c.modality.as_str(),
            time,
            slice(c.value.span),
            slice(c.sentence)
        );
    }
    out.push_str("\nEvents\n");
    for (k, e) in found.events.iter().enumerate() {
        let time = time_source(text, e.time.as_ref());
        let _ = writeln!(
            out,
            "  E{} {}{} (CAMEO {}) · participants {} · place {} · {}{}{}\n     trigger \"{}\"{} · quote: {}",
            k + 1,
            e.kind.as_str(),
            if e.planned { " (planned)" } else { "" },
            e.kind.cameo(),
            e.participants.join(", "),
            e.place.as_deref().unwrap_or("-"),
            time,
            e.count.map(|n| format!(" · count {n}")).unwrap_or_default(),
            e.ordinal.map(|n| format!(" · no. {n}")).unwrap_or_default(),
            slice(e.trigger),
            e.object
                .map(|o| format!(" · object \"{}\"", slice(o)))
                .unwrap_or_default(),
            slice(e.sentence)
        );
    }
    if !links.is_empty() {
        out.push_str("\nLinked across documents\n");
        for l in links {
            let _ = writeln!(
                out,
                "  {} → {} ({}), by {}",
                l.alias,
                l.canonical,
                l.name,
                l.basis.as_str()
            );
        }
    }
    out
}

/// Where a claim's or event's time came from: the expression, or the publication date.
fn time_source(text: &str, time: Option<&crate::model::ClaimTime>) -> String {
    match time {
        None => "no time".to_string(),
        Some(t) => match t.span {
            Some(s) => format!("{}..{} from \"{}\"", t.start, t.end, &text[s.start..s.end]),
            None => format!("{} (publication date)", t.start),
        },
    }
}

/// The text with entities, quantities and times marked; where marks overlap, the one that
/// starts first (then the longer) wins.
fn marked_text(text: &str, found: &crate::model::Findings) -> String {
    let a = &found.analysis;
    let mut marks: Vec<(crate::model::Span, String)> = Vec::new();
    for e in &a.entities {
        let extra = e
            .country
            .as_deref()
            .map(|c| format!(" {c}"))
            .unwrap_or_default();
        marks.push((e.span, format!("{}{extra}", e.id)));
    }
    for q in &a.quantities {
        marks.push((q.span, format_amount(q.amount, q.unit.as_deref())));
    }
    for t in &a.times {
        marks.push((t.span, t.timex.clone()));
    }
    marks.sort_by_key(|(s, _)| (s.start, std::cmp::Reverse(s.end)));
    let mut out = String::with_capacity(text.len() * 2);
    let mut at = 0;
    for (span, label) in marks {
        if span.start < at {
            continue;
        }
        out.push_str(&text[at..span.start]);
        let _ = write!(out, "[{}|{label}]", &text[span.start..span.end]);
        at = span.end;
    }
    out.push_str(&text[at..]);
    out
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
