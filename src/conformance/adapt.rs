//! Runs factline's recognizers on one spec input and writes what they find in the spec's
//! vocabulary: type names, character offsets with an inclusive end, and resolution fields.
//!
//! The recognizers themselves are not changed to suit the specs: where the spec's convention
//! differs from factline's (a sub-unit keeps its own unit, "50 cents" = 50 Cent, where the
//! ledger stores 0.50 USD), the translation happens here.

use super::specs::Model;
use crate::analyze::{self, durations, numbers, quantities, times, tokens};
use crate::model::{CharIndex, Quantity, Span, TimeExpr, TimeMention, TimeMentionKind};
use jiff::civil::{Date, DateTime};
use serde::Serialize;
use serde_json::{json, Value};

/// A result found by factline, in the spec's terms.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Found {
    /// The spec type name (`number`, `currency`, `datetimeV2.date`, `daterange`, …).
    pub type_name: String,
    /// First character.
    pub start: usize,
    /// Last character (inclusive).
    pub end: usize,
    /// The text found.
    pub text: String,
    /// Resolution fields as the spec writes them.
    pub resolution: Value,
}

impl Found {
    /// A result starting at character `start` with `text`.
    pub fn new(type_name: &str, start: usize, text: &str, resolution: Value) -> Found {
        Found {
            type_name: type_name.to_string(),
            start,
            end: (start + text.chars().count()).saturating_sub(1),
            text: text.to_string(),
            resolution,
        }
    }

    fn at(input: &str, index: &CharIndex, span: Span, type_name: &str, resolution: Value) -> Found {
        Found::new(
            type_name,
            index.char_at(span.start),
            &input[span.start..span.end],
            resolution,
        )
    }
}

/// Everything `model`'s recognizer finds in `input`, in text order. Relative times resolve
/// against `reference` (the case's "now").
pub fn recognize(model: Model, input: &str, reference: Option<DateTime>) -> Vec<Found> {
    recognize_in_mode(model, input, reference, false)
}

/// [`recognize`] as the specs' `SplitDateAndTime` mode runs it when `split_date_and_time`:
/// a clock time written after its day is a result of its own.
pub fn recognize_in_mode(
    model: Model,
    input: &str,
    reference: Option<DateTime>,
    split_date_and_time: bool,
) -> Vec<Found> {
    let index = CharIndex::new(input);
    let mut found = match model {
        Model::Number => numbers_in(input, &index),
        Model::Percent => quantities_in(input, &index, percent, bare_percents),
        Model::Currency => quantities_in(input, &index, money, bare_currencies),
        Model::Dimension => quantities_in(input, &index, dimension, no_bare),
        Model::DateTime | Model::DateTimeExtractor | Model::DateTimeParser => {
            times_in(model, input, &index, (reference, split_date_and_time))
        }
        // No recognizer yet: these cases pass only when nothing is expected.
        Model::Ordinal | Model::NumberRange | Model::Age | Model::Temperature | Model::Timex => {
            Vec::new()
        }
    };
    found.sort_by_key(|f| f.start);
    found
}

/// Numbers as the Number model reads them: on their own, with no unit after them. So a glued
/// letter is a scale ("10k", "1.2b", "10G", "1MM"), and a number glued to any other word
/// ("180ml", "4th") is a unit or an ordinal, not a number.
fn numbers_in(input: &str, index: &CharIndex) -> Vec<Found> {
    let toks = tokens::tokenize(input);
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let Some(n) = numbers::number_at(&toks, i, input) else {
            i += 1;
            continue;
        };
        let (mut value, mut end) = (n.value, n.end);
        if n.digits && n.end == i + 1 {
            match toks.get(end).map(|t| (t, standalone_scale(t.text(input)))) {
                Some((t, Some(f))) if t.joined || is_last_word(&toks, end, input) => {
                    value = numbers::tidy(value * f);
                    end += 1;
                }
                Some((t, None)) if t.joined && t.kind == tokens::Kind::Word => {
                    i = end + 1;
                    continue;
                }
                _ => {}
            }
        }
        let start = toks[n.first].start;
        let subtype = if value.fract() == 0.0 {
            "integer"
        } else {
            "decimal"
        };
        out.push(Found::at(
            input,
            index,
            Span::new(start, toks[end - 1].end),
            "number",
            json!({"value": numbers::plain(value), "subtype": subtype}),
        ));
        i = end.max(i + 1);
    }
    out
}

/// A scale letter after a bare number: "k", "M", "MM", "b", "G", "T" ("m" is metres).
fn standalone_scale(word: &str) -> Option<f64> {
    match word {
        "MM" => Some(1e6),
        "g" | "G" => Some(1e9),
        "m" => None,
        w => numbers::scale_letter(w),
    }
}

/// Whether token `k` is a single letter ending its sentence ("2.33 k", "1,674.5 G").
fn is_last_word(toks: &[tokens::Token], k: usize, input: &str) -> bool {
    let single = toks.get(k).is_some_and(|t| t.end - t.start == 1);
    let after = toks.get(k + 1).map(|t| t.text(input));
    single && matches!(after, None | Some("." | "," | ";" | "!" | "?"))
}

/// Turns a quantity into a spec result (type name and resolution), if it is of the model's kind.
type Convert = fn(&str, &Quantity) -> Option<(&'static str, Value)>;

/// Finds, beside the quantities, unit words standing alone: (span, type name, resolution).
type Bare = fn(&[tokens::Token], &str, &[Quantity]) -> Vec<(Span, &'static str, Value)>;

/// The quantities `convert` accepts, and the bare unit words `bare` finds beside them.
fn quantities_in(input: &str, index: &CharIndex, convert: Convert, bare: Bare) -> Vec<Found> {
    let toks = tokens::tokenize(input);
    let found = quantities::recognize(&toks, input);
    let amounts = found.iter().filter_map(|q| {
        let (type_name, resolution) = convert(input, q)?;
        Some(Found::at(input, index, q.span, type_name, resolution))
    });
    let alone = bare(&toks, input, &found)
        .into_iter()
        .map(|(span, type_name, resolution)| Found::at(input, index, span, type_name, resolution));
    amounts.chain(alone).collect()
}

/// Percent words standing alone resolve to the spec's "null".
fn bare_percents(
    toks: &[tokens::Token],
    input: &str,
    found: &[Quantity],
) -> Vec<(Span, &'static str, Value)> {
    quantities::bare_percent_words(toks, input, found)
        .into_iter()
        .map(|span| (span, "percentage", json!({"value": "null"})))
        .collect()
}

/// Currency words standing alone have a null value.
fn bare_currencies(
    toks: &[tokens::Token],
    input: &str,
    found: &[Quantity],
) -> Vec<(Span, &'static str, Value)> {
    quantities::bare_currency_words(toks, input, found)
        .into_iter()
        .map(|(span, code)| {
            let name = quantities::currency_name(code).unwrap_or(code);
            (
                span,
                "currency",
                json!({"value": null, "unit": name, "isoCurrency": code}),
            )
        })
        .collect()
}

/// The Dimension spec has no bare-unit results factline produces.
fn no_bare(_: &[tokens::Token], _: &str, _: &[Quantity]) -> Vec<(Span, &'static str, Value)> {
    Vec::new()
}

fn percent(_: &str, q: &Quantity) -> Option<(&'static str, Value)> {
    (q.unit.as_deref() == Some("percent")).then(|| {
        (
            "percentage",
            json!({"value": format!("{}%", numbers::plain(q.amount))}),
        )
    })
}

fn money(input: &str, q: &Quantity) -> Option<(&'static str, Value)> {
    let code = q.unit.as_deref()?;
    let name = quantities::currency_name(code)?;
    let stated = input.get(q.span.start..q.span.end)?.to_ascii_lowercase();
    // The spec keeps sub-units in their own unit; factline converts them to the currency.
    let sub_unit = [
        ("cents", "Cent", 100.0),
        ("cent", "Cent", 100.0),
        ("pence", "Pence", 100.0),
        ("p", "Pence", 100.0),
        ("pennies", "Penny", 100.0),
        ("penny", "Penny", 100.0),
        ("satoshis", "Satoshi", 1e8),
        ("satoshi", "Satoshi", 1e8),
    ]
    .into_iter()
    .find(|(w, _, _)| {
        let before = stated.strip_suffix(w).and_then(|b| b.chars().next_back());
        stated.ends_with(w) && !before.is_some_and(char::is_alphabetic)
    });
    // "3 dollars 50 cents" is dollars; only an amount stated in cents alone stays in cents.
    let whole_in_sub_unit = sub_unit.filter(|_| !quantities::names_currency(&stated));
    Some((
        "currency",
        match whole_in_sub_unit {
            Some((_, unit, per)) => {
                json!({"value": numbers::plain(numbers::tidy(q.amount * per)), "unit": unit})
            }
            None => json!({
                "value": numbers::plain(q.amount),
                "unit": name,
                "isoCurrency": code,
            }),
        },
    ))
}

fn dimension(_: &str, q: &Quantity) -> Option<(&'static str, Value)> {
    let unit = quantities::unit_info(q.unit.as_deref()?)?;
    Some((
        "dimension",
        json!({"value": numbers::plain(q.amount), "unit": unit.name, "subtype": unit.dimension}),
    ))
}

fn times_in(
    model: Model,
    input: &str,
    index: &CharIndex,
    (reference, split_date_and_time): (Option<DateTime>, bool),
) -> Vec<Found> {
    let toks = tokens::tokenize(input);
    let now = reference.unwrap_or_default();
    let today = reference.map(|r| r.date());
    let type_name = |kind: &str| match model {
        Model::DateTime => format!("datetimeV2.{kind}"),
        _ => kind.to_string(),
    };
    let raws = times::scan_with(&toks, input, !split_date_and_time);
    let mut out: Vec<Found> = raws
        .iter()
        .filter_map(|raw| {
            let t = times::resolve(raw, today)?;
            let (span, kind, values) = spec_values(input, raw, &t, now, split_date_and_time)?;
            let resolution = spec_resolution(model, kind, values);
            Some(Found::at(input, index, span, &type_name(kind), resolution))
        })
        .collect();
    for m in analyze::time_mentions(&toks, input, &raws) {
        if let Some((span, kind, value)) = mention_entry(input, &m, now) {
            let resolution = spec_resolution(model, kind, vec![value]);
            out.push(Found::at(input, index, span, &type_name(kind), resolution));
        }
    }
    out
}

/// A time mention in the spec's terms: its span, type and `values` entry; `None` for one the
/// specs do not report (a reference other than now, a part of the day they write otherwise,
/// a duration of no fixed length).
fn mention_entry(
    input: &str,
    m: &TimeMention,
    now: DateTime,
) -> Option<(Span, &'static str, Value)> {
    match m.kind {
        TimeMentionKind::DayPart => {
            let lower = input[m.span.start..m.span.end].to_ascii_lowercase();
            Some((m.span, "timerange", day_part_alone(&lower, &m.timex)?))
        }
        TimeMentionKind::Offset | TimeMentionKind::Window => {
            let (kind, value) = from_now_value(m, now)?;
            Some((m.span, kind, value))
        }
        TimeMentionKind::Duration => {
            let (span, value) = duration_entry(input, m)?;
            Some((span, "duration", value))
        }
        TimeMentionKind::Set => {
            let value = json!({"timex": m.timex, "type": "set", "value": "not resolved"});
            Some((m.span, "set", value))
        }
        TimeMentionKind::Reference if m.timex == "PRESENT_REF" => {
            let value = spec_datetime(now);
            let value = json!({"timex": m.timex, "type": "datetime", "value": value});
            Some((m.span, "datetime", value))
        }
        TimeMentionKind::Reference => None,
    }
}

/// Words before a duration that bound it, with the spec's `Mod` ("more than 4 days").
const DURATION_BOUNDS: &[(&str, &str)] = &[("more than ", "more"), ("less than ", "less")];

/// Vague counts the specs read as three ("a few minutes" is `PT3M`, "several weeks" `P3W`).
const READ_AS_THREE: &[&str] = &["a few ", "few ", "some ", "several "];

/// A duration in the spec's terms: its span and `values` entry, taking a bound written before
/// it ("more than 4 days": `Mod` "more") and reading a vague count as three; `None` for one
/// with no fixed length ("many years").
fn duration_entry(input: &str, m: &TimeMention) -> Option<(Span, Value)> {
    let lower = input[m.span.start..m.span.end].to_ascii_lowercase();
    let vague = READ_AS_THREE.iter().any(|w| lower.starts_with(w)) && m.timex.contains('X');
    let (timex, seconds) = match m.seconds {
        Some(seconds) => (m.timex.clone(), seconds),
        None if vague => {
            let timex = m.timex.replacen('X', "3", 1);
            let seconds = durations::fixed_seconds(&timex)?;
            (timex, seconds)
        }
        None => return None,
    };
    let mut entry = json!({"timex": timex, "type": "duration", "value": numbers::plain(seconds)});
    let before = input[..m.span.start].to_ascii_lowercase();
    let bound = DURATION_BOUNDS.iter().find(|(w, _)| before.ends_with(w));
    let span = match bound {
        Some((words, modifier)) => {
            entry["Mod"] = json!(modifier);
            Span::new(m.span.start - words.len(), m.span.end)
        }
        None => m.span,
    };
    Some((span, entry))
}

/// A moment or window counted from `now` ("in 5 minutes", "within 2h") as the specs resolve
/// it: a `datetime` at that moment, a `datetimerange` between it and now.
fn from_now_value(m: &TimeMention, now: DateTime) -> Option<(&'static str, Value)> {
    let seconds = m.seconds?;
    let then = now
        .checked_add(jiff::SignedDuration::from_secs_f64(seconds))
        .ok()?;
    let iso = |t: DateTime| t.strftime("%Y-%m-%dT%H:%M:%S").to_string();
    match m.kind {
        TimeMentionKind::Offset => Some((
            "datetime",
            json!({"timex": iso(then), "type": "datetime", "value": spec_datetime(then)}),
        )),
        TimeMentionKind::Window => {
            let (start, end) = if seconds < 0.0 {
                (then, now)
            } else {
                (now, then)
            };
            let timex = format!("({},{},{})", iso(start), iso(end), m.timex);
            Some((
                "datetimerange",
                json!({"timex": timex, "type": "datetimerange",
                       "start": spec_datetime(start), "end": spec_datetime(end)}),
            ))
        }
        _ => None,
    }
}

/// Whether a range's words name parts of periods or quarters ("from 2007 to the end of 2008",
/// "from 2017-q1 to 2018-q1"), whose length the specs count in whole months (`P24M`, not
/// `P2Y`).
fn names_parts_or_quarters(core: &str) -> bool {
    let lower = core.to_ascii_lowercase();
    ["end of", "start of", "middle of", "beginning of", "quarter"]
        .iter()
        .any(|w| lower.contains(w))
        || lower
            .split(|ch: char| !ch.is_ascii_alphanumeric())
            .any(|w| matches!(w, "q1" | "q2" | "q3" | "q4"))
}

/// Rewrites the length in `entry`'s TIMEX as the months from `start`'s month to `second`'s
/// ("(2007-07-02,2009-01-01,P18M)").
fn length_in_months(entry: &mut Value, start: Date, second: Date) {
    let months = months_between(start, second);
    let Some(timex) = entry["timex"].as_str() else {
        return;
    };
    if let Some((ends, _)) = timex.rsplit_once(',') {
        entry["timex"] = json!(format!("{ends},P{months}M)"));
    }
}

/// Calendar months from `start`'s month to `second`'s, days aside.
fn months_between(start: Date, second: Date) -> i32 {
    (i32::from(second.year()) - i32::from(start.year())) * 12
        + i32::from(second.month() - start.month())
}

/// A result's resolution from its `values`: a parser file's single value, else the list.
fn spec_resolution(model: Model, kind: &str, values: Vec<Value>) -> Value {
    match model {
        Model::DateTimeParser => parser_value(kind, &values),
        _ => json!({ "values": values }),
    }
}

/// Whether a result is a season ("this summer" → `2016-SU`).
pub fn is_season(found: &Found) -> bool {
    found.resolution["values"][0]["timex"]
        .as_str()
        .is_some_and(|t| ["-SP", "-SU", "-FA", "-WI"].iter().any(|s| t.ends_with(s)))
}

/// "2016-11-07 00:00:00", as the specs write date-times.
fn spec_datetime(t: DateTime) -> String {
    t.strftime("%Y-%m-%d %H:%M:%S").to_string()
}

/// Prepositions the specs leave out of a time's text ("in 2016" is "2016"); "since", "by",
/// "until" stay in and become a `Mod`.
const LEFT_OUT: &[&str] = &["in", "on", "during", "over", "for", "throughout", "as of"];

/// A resolved time in the spec's terms: its span, type and `values` entries; `split` in the
/// `SplitDateAndTime` mode, where a clock time is plain.
fn spec_values(
    input: &str,
    raw: &times::RawTime,
    t: &TimeExpr,
    now: DateTime,
    split: bool,
) -> Option<(Span, &'static str, Vec<Value>)> {
    let lead = input[raw.span.start..raw.core.start]
        .trim()
        .to_ascii_lowercase();
    // "in two weeks" is a date only with its "in", "for 3 days from today" a range with "for".
    let later = matches!(
        raw.when,
        times::When::Relative(times::Rel::Later(..)) | times::When::Lasting(..)
    );
    // "2012 or later": words after the time that leave its end open.
    let open_end = raw.span.end > raw.core.end;
    let span = if LEFT_OUT.contains(&lead.as_str()) && !later {
        Span::new(raw.core.start, raw.span.end)
    } else {
        raw.span
    };
    let span = without_leading_the(input, span);
    if let times::Label::Clock(h, m, sec) = raw.label {
        let core = &input[raw.core.start..raw.core.end];
        let lower = core.to_ascii_lowercase();
        // "before 2.30pm", "3 pm or later" (a point the range starts or ends at), "today
        // before 4pm" (written between the day and the clock).
        let (modifier, point) = match lead_modifier(&lead, open_end) {
            _ if split => (None, false),
            Some(m) => (Some(m), true),
            None => (modifier_inside(&lower), false),
        };
        let span = if split { raw.core } else { span };
        let marked = says_half_of_day(&lower);
        // "8:30" with no am/pm reads both ways, the morning first.
        let hours: Vec<i8> = if !marked && (1..=12).contains(&h) {
            vec![h % 12, h % 12 + 12]
        } else {
            vec![h]
        };
        // Minutes are part of the value when written ("8:00am", "2.30").
        let minutes_written = core
            .as_bytes()
            .windows(3)
            .any(|w| w[0].is_ascii_digit() && matches!(w[1], b':' | b'.') && w[2].is_ascii_digit());
        let clock = |h: i8| match sec {
            0 => clock_timex((h, m), minutes_written),
            _ => format!("T{h:02}:{m:02}:{sec:02}"),
        };
        let only_clock = !names_a_day(raw.when, &lower);
        let days = day_readings(raw.when, t.start, now.date());
        let entries = hours.iter().flat_map(|&h| {
            days.iter().map(move |(day_timex, d)| {
                let (timex, value, kind) = if only_clock {
                    (clock(h), format!("{h:02}:{m:02}:{sec:02}"), "time")
                } else {
                    let value = format!("{d} {h:02}:{m:02}:{sec:02}");
                    (format!("{day_timex}{}", clock(h)), value, "datetime")
                };
                match modifier {
                    None => json!({"timex": timex, "type": kind, "value": value}),
                    Some(m) => clock_bound(m, point, &timex, value, kind),
                }
            })
        });
        let kind = match (only_clock, modifier) {
            (true, None | Some("approx")) => "time",
            (false, None | Some("approx")) => "datetime",
            (true, _) => "timerange",
            (false, _) => "datetimerange",
        };
        let mut entries: Vec<Value> = entries.collect();
        entries.dedup();
        return Some((span, kind, entries));
    }
    if let times::Label::ClockRange { .. } = raw.label {
        return clock_range_values(input, raw, t, (span, now.date()));
    }
    if let times::Label::DayPart(part) = raw.label {
        // "Tuesday afternoon": the last Tuesday's and the coming one's, `XXXX-WXX-2TAF`.
        let entries = match undated_day(raw.when, t.start, now.date()) {
            Some((timex, past, future)) => {
                let timex = format!("{timex}T{part}");
                let mut entries = vec![
                    day_part_entry(past, &timex, part)?,
                    day_part_entry(future, &timex, part)?,
                ];
                entries.dedup();
                entries
            }
            None => vec![day_part_entry(t.start, &t.timex, part)?],
        };
        return Some((span, "datetimerange", entries));
    }
    if let times::Label::Season(_) | times::Label::YearOf(_) = raw.label {
        let entry = json!({"timex": t.timex, "type": "daterange", "value": "not resolved"});
        return Some((span, "daterange", vec![entry]));
    }
    if let Some(value) = counted_bound(&lead, raw.when, t, now.date()) {
        return Some((span, "daterange", vec![value]));
    }
    let modifier = lead_modifier(&lead, open_end);
    if let (Some((timex, past, future)), times::Label::Plain) =
        (undated_day(raw.when, t.start, now.date()), raw.label)
    {
        let entry = |d: Date| -> Option<Value> {
            let Some(m) = modifier else {
                return Some(json!({"timex": timex, "type": "date", "value": d.to_string()}));
            };
            let mut e = json!({"timex": timex, "type": "daterange", "Mod": m,
                               "sourceEntity": "datetimepoint"});
            put_bound(&mut e, m, d, d.tomorrow().ok()?);
            Some(e)
        };
        let mut entries = vec![entry(past)?, entry(future)?];
        entries.dedup();
        let kind = if modifier.is_some() {
            "daterange"
        } else {
            "date"
        };
        return Some((span, kind, entries));
    }
    let timex = t.timex.clone();
    if let times::When::Part(period, part) = raw.when {
        return Some((
            span,
            "daterange",
            part_values(period, part, modifier, now.date())?,
        ));
    }
    if let times::When::WeekOf(within, n) = raw.when {
        if let Some(values) = week_of_values(within, n, now.date()) {
            return Some((span, "daterange", values));
        }
    }
    // "for 3 days from today" and "the last two quarters" end after their last day, where
    // "from Q1 to Q2" ends as Q2 begins.
    if let times::When::Lasting(..)
    | times::When::Between(
        times::End::Relative(times::Rel::Quarters(_)),
        times::End::Relative(times::Rel::Quarters(_)),
    ) = raw.when
    {
        let after = t.end.tomorrow().ok()?;
        let mut entry = range_entry(t.start, after);
        let core = input[raw.core.start..raw.core.end].to_ascii_lowercase();
        // "for 2 weeks starting May 20th" is "2 weeks starting may 20th", `P2W`.
        let span = if core.contains("starting") {
            Span::new(raw.core.start, span.end)
        } else {
            span
        };
        if let times::When::Lasting(_, 0, days) = raw.when {
            if days % 7 == 0 && core.contains("week") {
                let timex = format!("({},{after},P{}W)", t.start, days / 7);
                entry["timex"] = json!(timex);
            }
        }
        return Some((span, "daterange", vec![entry]));
    }
    if let (times::When::Between(a, b), None) = (raw.when, modifier) {
        return Some((span, "daterange", between_values(a, b, now.date())?));
    }
    if let (Some(value), None) = (units_ahead_value(input, raw, &lead, now.date()), modifier) {
        return Some((span, "daterange", vec![value]));
    }
    if let (Some(values), None) = (day_run_values(raw, t, now.date()), modifier) {
        return Some((span, "daterange", values));
    }
    if let (
        times::When::Relative(times::Rel::Month(m) | times::Rel::ComingMonth(m)),
        times::Label::Plain,
    ) = (raw.when, raw.label)
    {
        return Some((span, "daterange", undated_month(m, modifier, now.date())?));
    }
    if let (times::When::Relative(times::Rel::MonthSpan(m1, m2)), None) = (raw.when, modifier) {
        return Some((span, "daterange", undated_month_span(m1, m2, now.date())?));
    }
    if t.start == t.end && modifier.is_none() {
        let value = t.start.to_string();
        return Some((
            span,
            "date",
            vec![json!({"timex": timex, "type": "date", "value": value})],
        ));
    }
    if let (times::Label::Range(second), None) = (raw.label, modifier) {
        let mut entry = range_entry(t.start, second);
        if names_parts_or_quarters(&input[raw.core.start..raw.core.end]) {
            length_in_months(&mut entry, t.start, second);
        }
        return Some((span, "daterange", vec![entry]));
    }
    // "the last 3 months" runs up to today: the specs end it there, with its length.
    // Its TIMEX is already its length ("P3M").
    if let (times::When::Relative(times::Rel::Past(_)), times::Label::Plain, None) =
        (raw.when, raw.label, modifier)
    {
        let (start, end) = (t.start, now.date());
        let timex = format!("({start},{end},{})", t.timex);
        let entry = json!({"timex": timex, "type": "daterange",
                           "start": start.to_string(), "end": end.to_string()});
        return Some((span, "daterange", vec![entry]));
    }
    let end = t.end.tomorrow().unwrap_or(t.end);
    // The specs write a quarter, a half, a decade or a century as a range ("2019-Q4" is
    // (2019-10-01,2020-01-01,P3M), "199X" (1990-01-01,2000-01-01,P10Y), "19"
    // (1800-01-01,1900-01-01,P100Y)); a decade named without its century ("the nineties") as
    // (XX90-01-01,XX00-01-01,P10Y).
    let core = &input[raw.core.start..raw.core.end];
    let decade = timex.len() == 4 && timex.ends_with('X');
    let timex = if decade && !core.contains(&timex[..3]) {
        let tens = |d: Date| d.year() % 100;
        json!(format!(
            "(XX{:02}-01-01,XX{:02}-01-01,P10Y)",
            tens(t.start),
            tens(end)
        ))
    } else if decade || is_quarter_or_half(&timex) {
        range_entry(t.start, end)["timex"].clone()
    } else {
        json!(timex)
    };
    let mut entry = json!({"timex": timex, "type": "daterange"});
    match modifier {
        Some(m) => {
            entry["Mod"] = json!(m);
            entry["sourceEntity"] = json!(if t.start == t.end {
                "datetimepoint"
            } else {
                "datetimerange"
            });
            // "by end of this month", "as late as 2019": up to the period's end.
            if m == "before-end" || (m == "until" && t.start < t.end) {
                entry["end"] = json!(end.to_string());
            } else {
                put_bound(&mut entry, m, t.start, end);
            }
        }
        None => {
            entry["start"] = json!(t.start.to_string());
            entry["end"] = json!(end.to_string());
        }
    }
    Some((span, "daterange", vec![entry]))
}

/// The specs leave "the" out before a relative word ("the next quarter" is "next quarter")
/// and a part of a period ("the end of 2000"), but not from a part of something else ("the
/// last week of July").
fn without_leading_the(input: &str, span: Span) -> Span {
    let text = input[span.start..span.end].to_ascii_lowercase();
    let Some(rest) = text.strip_prefix("the ") else {
        return span;
    };
    let relative = [
        "next",
        "last",
        "past",
        "previous",
        "coming",
        "following",
        "upcoming",
    ]
    .iter()
    .any(|w| rest.split_whitespace().next() == Some(*w));
    // "the end of 2000" is "end of 2000", "the mid-November" "mid-november".
    let part = [
        "end",
        "beginning",
        "middle",
        "start",
        "mid",
        "early",
        "late",
    ]
    .iter()
    .any(|w| rest.split([' ', '-']).next() == Some(*w));
    if (relative && !text.contains(" of ")) || part {
        Span::new(span.start + 4, span.end)
    } else {
        span
    }
}

/// The `Mod` the words before a time ("since 2010", "before 2.30pm", "around 1pm", "after
/// around 3:30pm") or an open end after it ("3 pm or later") give it; the approximate ones
/// come only before a clock time.
fn lead_modifier(lead: &str, open_end: bool) -> Option<&'static str> {
    Some(match lead {
        _ if open_end => "since",
        "since" | "as early as" => "since",
        l if l.starts_with("starting") || l.starts_with("beginning") => "since",
        "as late as" => "until",
        "no later than" | "not later than" => "before",
        // "by end of this month": before the period ends.
        "by end of" | "by the end of" => "before-end",
        "by" | "until" | "till" | "before" | "prior to" | "earlier than" => "before",
        "after" | "later than" | "greater than" => "after",
        ">=" | "> =" => "since",
        "<=" | "< =" => "until",
        "around" | "about" | "circa" | "approximately" => "approx",
        "before around" => "before-approx",
        "after around" => "after-approx",
        _ => return None,
    })
}

/// The `Mod` of words between a day and its clock time: "today before 4pm", "Feb 1st no
/// later than 6:00", "next Wednesday later than 10".
fn modifier_inside(core: &str) -> Option<&'static str> {
    let has = |w: &str| core.contains(&format!(" {w} "));
    if has("before") || has("by") || has("no later than") || has("earlier than") {
        Some("before")
    } else if has("after") || has("later than") {
        Some("after")
    } else {
        None
    }
}

/// A clock time with a `Mod`: about it (`value`), or before or after it (`end` or `start`);
/// `point` when the modifier is written before the whole time, which the specs mark as a
/// `sourceEntity` of `datetimepoint`.
fn clock_bound(modifier: &str, point: bool, timex: &str, value: String, kind: &str) -> Value {
    let kind = if kind == "time" {
        "timerange"
    } else {
        "datetimerange"
    };
    let mut e = json!({"Mod": modifier, "timex": timex, "type": kind});
    let key = match modifier {
        "approx" => "value",
        "before" | "until" | "before-approx" => "end",
        _ => "start",
    };
    e[key] = json!(value);
    if point && modifier != "approx" {
        e["sourceEntity"] = json!("datetimepoint");
    }
    e
}

/// Words a clock time or range is written with ("half past seven o'clock", "5 to 6 in the
/// afternoon"); any other word names its day.
const CLOCK_TEXT: &[&str] = &[
    "am",
    "pm",
    "a",
    "m",
    "p",
    "to",
    "and",
    "from",
    "between",
    "till",
    "until",
    "through",
    "o'clock",
    "oclock",
    "o",
    "clock",
    "half",
    "quarter",
    "past",
    "min",
    "mins",
    "minute",
    "minutes",
    "in",
    "the",
    "morning",
    "afternoon",
    "evening",
    "night",
    "at",
    "noon",
    "noonish",
    "midnight",
    "mid",
    "midday",
    "utc",
    "gmt",
    "z",
];

/// Whether a clock time's text names its day ("tomorrow at 8", "5pm on Friday") rather than
/// standing alone ("8 pm", "half past seven"); `lower` is its text in lower case.
fn names_a_day(when: times::When, lower: &str) -> bool {
    !matches!(when, times::When::Relative(times::Rel::Days(0)))
        || words_of(lower)
            .filter(|w| !w.starts_with(|c: char| c.is_ascii_digit()))
            .any(|w| !CLOCK_TEXT.contains(&w) && !numbers::is_number_word(w))
}

/// The words of a time's text, apostrophes kept ("o'clock"), dots and spaces dropped.
fn words_of(lower: &str) -> impl Iterator<Item = &str> {
    lower
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
}

/// Whether a clock time's text says which half of the day it is in: am or pm in any spelling
/// ("9a", "seven p . m ."), a part of the day or a zone.
fn says_half_of_day(lower: &str) -> bool {
    let words: Vec<&str> = words_of(lower).collect();
    let named = words.iter().any(|w| {
        [
            "am",
            "pm",
            "utc",
            "gmt",
            "noon",
            "noonish",
            "night",
            "midday",
            "morning",
            "afternoon",
            "evening",
        ]
        .contains(w)
    });
    // "9a", "7p", "a m", "p . m"; "11ish" is about eleven, one reading.
    let glued = words.iter().any(|w| {
        w.len() > 1
            && w.starts_with(|c: char| c.is_ascii_digit())
            && (w.ends_with(['a', 'p'])
                || w.ends_with("am")
                || w.ends_with("pm")
                || w.ends_with("ish"))
    });
    let spaced = words
        .windows(2)
        .any(|p| (p[0] == "a" || p[0] == "p") && p[1] == "m");
    named || glued || spaced || lower.contains("a.m") || lower.contains("p.m")
}

/// A clock range: a `timerange` ("(T17,T18,PT1H)") when no day is written, else a
/// `datetimerange` on the day; with no am/pm anywhere, the morning and the afternoon readings.
fn clock_range_values(
    input: &str,
    raw: &times::RawTime,
    t: &TimeExpr,
    (span, today): (Span, Date),
) -> Option<(Span, &'static str, Vec<Value>)> {
    let times::Label::ClockRange {
        from,
        to,
        ambiguous,
        written,
    } = raw.label
    else {
        return None;
    };
    let core = input[raw.core.start..raw.core.end].to_ascii_lowercase();
    let has_day = names_a_day(raw.when, &core);
    let readings: Vec<((i8, i8), (i8, i8))> = if ambiguous && to.0 <= 12 {
        vec![(from, to), ((from.0 + 12, from.1), (to.0 + 12, to.1))]
    } else {
        vec![(from, to)]
    };
    let days = day_readings(raw.when, t.start, today);
    let mut entries = Vec::new();
    for (a, b) in readings {
        for (day_timex, d) in &days {
            let day = has_day.then_some((day_timex.as_str(), *d));
            entries.extend(clock_range_entry((a, b), written, day));
        }
    }
    let kind = if has_day {
        "datetimerange"
    } else {
        "timerange"
    };
    (!entries.is_empty()).then_some((span, kind, entries))
}

/// One reading of a clock range, on a day when one is written: its TIMEX with the length
/// ("(T17,T18,PT1H)"), start and end. `written` says whether each end's minutes are written.
fn clock_range_entry(
    (a, b): ((i8, i8), (i8, i8)),
    written: (bool, bool),
    day: Option<(&str, Date)>,
) -> Option<Value> {
    let minutes = (i32::from(b.0) * 60 + i32::from(b.1)) - (i32::from(a.0) * 60 + i32::from(a.1));
    if minutes <= 0 {
        return None;
    }
    let length = match (minutes / 60, minutes % 60) {
        (h, 0) => format!("PT{h}H"),
        (0, m) => format!("PT{m}M"),
        (h, m) => format!("PT{h}H{m}M"),
    };
    let (ta, tb) = (clock_timex(a, written.0), clock_timex(b, written.1));
    let at = |(h, m): (i8, i8)| format!("{h:02}:{m:02}:00");
    Some(match day {
        Some((day_timex, d)) => json!({
            "timex": format!("({day_timex}{ta},{day_timex}{tb},{length})"),
            "type": "datetimerange",
            "start": format!("{d} {}", at(a)),
            "end": format!("{d} {}", at(b)),
        }),
        None => json!({"timex": format!("({ta},{tb},{length})"), "type": "timerange",
                       "start": at(a), "end": at(b)}),
    })
}

/// A clock time's TIMEX part: `T08`, or `T08:00` when minutes are not zero or written.
fn clock_timex((h, m): (i8, i8), minutes_written: bool) -> String {
    if m == 0 && !minutes_written {
        format!("T{h:02}")
    } else {
        format!("T{h:02}:{m:02}")
    }
}

/// The day a clock time is on, as (TIMEX, date) readings: both of an undated day's
/// ([`undated_day`]), else the resolved day alone.
fn day_readings(when: times::When, day: Date, today: Date) -> Vec<(String, Date)> {
    match undated_day(when, day, today) {
        Some((timex, past, future)) => vec![(timex.clone(), past), (timex, future)],
        None => vec![(day.to_string(), day)],
    }
}

/// A day with no year ("May 9") or a weekday with no "next"/"last": its TIMEX
/// (`XXXX-05-09`, `XXXX-WXX-5`) and the specs' two readings, the last one and the coming one.
fn undated_day(when: times::When, day: Date, today: Date) -> Option<(String, Date, Date)> {
    if let Some((m, d1)) = day_of_no_year(when) {
        // The last one on or before today and the first after it; February 29 falls in
        // leap years only.
        let on = |y: i16| Date::new(y, m, d1).ok();
        let y = today.year();
        let past = (0..8)
            .filter_map(|back| on(y - back))
            .find(|d| *d <= today)?;
        let future = (0..9)
            .filter_map(|ahead| on(y + ahead))
            .find(|d| *d > today)?;
        return Some((format!("XXXX-{m:02}-{d1:02}"), past, future));
    }
    match when {
        // "on the 18th": this month's if past, else last month's; and the next one.
        times::When::Relative(times::Rel::DayOfMonth(d)) => {
            let past = times::last_day_of_month_on_or_before(d, today)?;
            let this = Date::new(today.year(), today.month(), d).ok();
            let future = this.filter(|day| *day > today).or_else(|| {
                (1..4).find_map(|ahead| {
                    let month = today
                        .first_of_month()
                        .checked_add(jiff::Span::new().months(ahead));
                    let month = month.ok()?;
                    Date::new(month.year(), month.month(), d).ok()
                })
            })?;
            Some((format!("XXXX-XX-{d:02}"), past, future))
        }
        times::When::Relative(times::Rel::WeekdayDay(w, d)) => {
            let [past, coming] = times::weekday_days(w, d, today)?;
            // This month's, still to come: that day alone.
            let this = (coming.first_of_month() == today.first_of_month()).then_some(coming);
            let this = this.or((past == today).then_some(past));
            Some(match this {
                Some(day) => (day.to_string(), day, day),
                None => (
                    format!("XXXX-WXX-{}", w.to_monday_one_offset()),
                    past,
                    coming,
                ),
            })
        }
        times::When::Relative(times::Rel::Weekday(w, 0) | times::Rel::ComingWeekday(w)) => {
            let back = (7 + today.weekday().to_monday_zero_offset()
                - day.weekday().to_monday_zero_offset())
                % 7;
            let back = if back == 0 { 7 } else { back };
            let past = today
                .checked_sub(jiff::Span::new().days(i64::from(back)))
                .ok()?;
            let future = past.checked_add(jiff::Span::new().days(7)).ok()?;
            Some((
                format!("XXXX-WXX-{}", w.to_monday_one_offset()),
                past,
                future,
            ))
        }
        _ => None,
    }
}

/// The month and day of a one-day time with no year: "May 9", "Christmas".
fn day_of_no_year(when: times::When) -> Option<(i8, i8)> {
    match when {
        times::When::Relative(times::Rel::MonthDay(m, d1, d2, _)) if d1 == d2 => Some((m, d1)),
        times::When::Relative(times::Rel::Holiday(times::Holiday::OnDay(m, d), 0)) => Some((m, d)),
        _ => None,
    }
}

/// "2019-Q4", "2024-H1".
fn is_quarter_or_half(timex: &str) -> bool {
    let b = timex.as_bytes();
    let century = b.len() == 2 && b.iter().all(u8::is_ascii_digit);
    century
        || (b.len() == 7
            && b[..4].iter().all(u8::is_ascii_digit)
            && matches!(&b[4..6], b"-Q" | b"-H"))
}

/// A part of a day as the specs bound it: morning 08–12, afternoon 12–16, evening 16–20,
/// night 20–23:59:59, daytime 08–18, night-time 00–08; breakfast as the morning, lunch
/// 11–13, dinner as the evening.
fn part_hours(part: &str) -> Option<(&'static str, &'static str)> {
    Some(match part {
        "MO" | "MEB" => ("08:00:00", "12:00:00"),
        "AF" => ("12:00:00", "16:00:00"),
        "EV" | "MED" => ("16:00:00", "20:00:00"),
        "NI" => ("20:00:00", "23:59:59"),
        "DT" => ("08:00:00", "18:00:00"),
        "NT" => ("00:00:00", "08:00:00"),
        "MEL" => ("11:00:00", "13:00:00"),
        _ => return None,
    })
}

/// A part of the day with no day named ("in the morning", "late afternoon", "before
/// lunch"): its hours, the half "early" or "late" names, or the bound "before", "after" or
/// "around" sets.
fn day_part_alone(lower: &str, timex: &str) -> Option<Value> {
    let (from, to) = part_hours(timex.strip_prefix('T')?)?;
    let mut entry = json!({"timex": timex, "type": "timerange"});
    let middle = || -> Option<String> {
        let hour = |t: &str| t.get(..2)?.parse::<u8>().ok();
        Some(format!("{:02}:00:00", (hour(from)? + hour(to)?) / 2))
    };
    let lead = lower.split_whitespace().next()?;
    let (modifier, start, end) = match (lead, lead_modifier(lead, false)) {
        ("early", _) => (Some("start"), Some(from.to_string()), Some(middle()?)),
        ("late" | "later", _) => (Some("end"), Some(middle()?), Some(to.to_string())),
        (_, Some("before")) => (Some("before"), None, Some(from.to_string())),
        (_, Some("after")) => (Some("after"), Some(to.to_string()), None),
        (_, modifier) => (modifier, Some(from.to_string()), Some(to.to_string())),
    };
    if let Some(m) = modifier {
        entry["Mod"] = json!(m);
    }
    if let Some(start) = start {
        entry["start"] = json!(start);
    }
    if let Some(end) = end {
        entry["end"] = json!(end);
    }
    Some(entry)
}

/// A part of a day on `day`, as the specs bound it ([`part_hours`]).
fn day_part_entry(day: Date, timex: &str, part: &str) -> Option<Value> {
    let (from, to) = part_hours(part)?;
    Some(json!({
        "timex": timex,
        "type": "datetimerange",
        "start": format!("{day} {from}"),
        "end": format!("{day} {to}"),
    }))
}

/// A range between two times stated apart ("from next Friday to Oct 1st 2020"), ending where
/// the second begins; an end with no year is `XXXX` in the TIMEX. With no year at either end
/// ("from 10/25 to 01/25"): the one under way today, else the last and the coming one.
fn between_values(a: times::End, b: times::End, today: Date) -> Option<Vec<Value>> {
    let firsts = match (a, undated_first_day(a, today)) {
        (_, Some(this)) if b.is_undated() => {
            let [_, (second, _)] = times::resolve_ends(times::End::Fixed(this, this), b, None)?;
            let year = jiff::Span::new().years(1);
            if this > today {
                vec![this.checked_sub(year).ok()?, this]
            } else if second >= today {
                vec![this]
            } else {
                vec![this, this.checked_add(year).ok()?]
            }
        }
        _ => vec![times::resolve_ends(a, b, Some(today))?[0].0],
    };
    firsts
        .into_iter()
        .map(|first| {
            let ends = times::resolve_ends(times::End::Fixed(first, first), b, Some(today))?;
            let second = ends[1].0;
            let mut entry = range_entry(first, second);
            let timex = format!(
                "({},{},{})",
                end_timex(a, first),
                end_timex(b, second),
                range_length(first, second)
            );
            entry["timex"] = json!(timex);
            Some(entry)
        })
        .collect()
}

/// "more than 2 weeks after today" (after the day counted), "less than 3 days after
/// tomorrow" (the days between).
fn counted_bound(lead: &str, when: times::When, t: &TimeExpr, today: Date) -> Option<Value> {
    let times::When::Shifted(anchor, months, days, None) = when else {
        return None;
    };
    let later = months > 0 || days > 0;
    let day = t.start;
    match (lead, later) {
        ("more than", true) => Some(json!({"Mod": "after", "start": day.to_string(),
                                           "timex": t.timex, "type": "daterange"})),
        ("more than", false) => Some(json!({"Mod": "before", "end": day.to_string(),
                                            "timex": t.timex, "type": "daterange"})),
        ("less than", _) => {
            let (from, _) = times::resolve_end(anchor, Some(today))?;
            Some(if later {
                range_entry(from, day)
            } else {
                range_entry(day, from)
            })
        }
        _ => None,
    }
}

/// "the next 10 months", "the 3 next weeks": the specs count them from the next day ("within
/// the next 10 months" from the day itself) and give the length in the unit written (`P3W`).
fn units_ahead_value(input: &str, raw: &times::RawTime, lead: &str, today: Date) -> Option<Value> {
    use times::{Rel, When};
    let core = input[raw.core.start..raw.core.end].to_ascii_lowercase();
    let start = if lead == "within" {
        today
    } else {
        today.tomorrow().ok()?
    };
    let (length, span) = match raw.when {
        When::Relative(Rel::Ahead(months)) if months % 12 == 0 && core.contains("year") => (
            format!("P{}Y", months / 12),
            jiff::Span::new().months(months),
        ),
        When::Relative(Rel::Ahead(months)) => {
            (format!("P{months}M"), jiff::Span::new().months(months))
        }
        When::Relative(Rel::NextDays(days)) if days % 7 == 0 && core.contains("week") => {
            (format!("P{}W", days / 7), jiff::Span::new().days(days))
        }
        _ => return None,
    };
    let end = start.checked_add(span).ok()?;
    Some(
        json!({"timex": format!("({start},{end},{length})"), "type": "daterange",
                "start": start.to_string(), "end": end.to_string()}),
    )
}

/// A run of days of one month ("November 19-20", "April 9th through 17th", "3-4 June
/// 2019"), which the specs end as its last day begins (`P1D` for "19-20"), a month with no
/// year in its two readings. factline's own interval keeps the last day.
fn day_run_values(raw: &times::RawTime, t: &TimeExpr, today: Date) -> Option<Vec<Value>> {
    use times::{End, Rel, When};
    if raw.label != times::Label::Plain {
        return None;
    }
    match raw.when {
        When::Relative(Rel::MonthDay(m, d1, d2, _)) if d1 < d2 => between_values(
            End::Relative(Rel::MonthDay(m, d1, d1, false)),
            End::Relative(Rel::MonthDay(m, d2, d2, false)),
            today,
        ),
        When::Fixed(s, e) if s < e && s.first_of_month() == e.first_of_month() => {
            t.timex.ends_with("D)").then(|| vec![range_entry(s, e)])
        }
        _ => None,
    }
}

/// A week of a month as the specs write it, `2015-01-W01` (the last is `W05`), for a month
/// with no year `XXXX-07-W05` with the last and the coming one; a week holding a day with
/// no year is that day's TIMEX with its two readings. `None` for a week of a year, which
/// the interval's own TIMEX says (`2015-W01`).
fn week_of_values(within: times::End, n: i8, today: Date) -> Option<Vec<Value>> {
    use times::{End, Rel};
    let number = if n < 0 { 5 } else { n };
    let (timex, containers) = match within {
        End::Relative(Rel::Month(m)) => (
            format!("XXXX-{m:02}-W{number:02}"),
            undated_month_spans(m, today)?,
        ),
        End::Relative(day @ Rel::MonthDay(..)) if n == 0 => {
            let (timex, past, coming) = undated_day(times::When::Relative(day), today, today)?;
            (timex, vec![(past, past), (coming, coming)])
        }
        _ if n == 0 => return None,
        _ => {
            let (s, e) = times::resolve_end(within, Some(today))?;
            if e.since(s).ok()?.get_days() > 31 {
                return None;
            }
            (
                format!("{:04}-{:02}-W{number:02}", s.year(), s.month()),
                vec![(s, e)],
            )
        }
    };
    containers
        .into_iter()
        .map(|(s, e)| {
            let monday = times::week_in(s, e, n)?;
            let next = monday.checked_add(jiff::Span::new().days(7)).ok()?;
            Some(json!({"timex": timex, "type": "daterange",
                        "start": monday.to_string(), "end": next.to_string()}))
        })
        .collect()
}

/// A part of a period in the specs' terms: `Mod` `start`, `mid` or `end` (`since-end`,
/// `before-start`… after "since", "before" or "after") over the specs' bounds for the part;
/// a month with no year in its two readings.
fn part_values(
    period: times::End,
    part: times::Part,
    modifier: Option<&str>,
    today: Date,
) -> Option<Vec<Value>> {
    use times::{End, Part, Rel};
    let (timex, periods) = match period {
        End::Relative(Rel::Month(m) | Rel::ComingMonth(m)) => {
            (format!("XXXX-{m:02}"), undated_month_spans(m, today)?)
        }
        _ => {
            let (s, e) = times::resolve_end(period, Some(today))?;
            (times::timex(s, e), vec![(s, e)])
        }
    };
    let name = match part {
        Part::Early => "start",
        Part::Middle => "mid",
        Part::Late | Part::Final => "end",
    };
    periods
        .into_iter()
        .map(|(s, e)| {
            let (from, to) = spec_part_bounds(s, e, part, period.needs_publication())?;
            let (from, to) = (json!(from.to_string()), json!(to.to_string()));
            let mut entry = json!({"timex": timex, "type": "daterange"});
            let Some(m) = modifier else {
                entry["Mod"] = json!(name);
                entry["start"] = from;
                entry["end"] = to;
                return Some(entry);
            };
            entry["Mod"] = json!(format!("{m}-{name}"));
            entry["sourceEntity"] = json!("datetimerange");
            // "after the beginning of March" counts from its start, "after mid May" from
            // the end of the middle.
            let point = if part == Part::Early { &from } else { &to }.clone();
            match m {
                "since" => entry["start"] = from,
                "after" => entry["start"] = point,
                _ => entry["end"] = point,
            }
            Some(entry)
        })
        .collect()
}

/// The specs' bounds of a part, end exclusive: a stated year's thirds (the end of 2000 is
/// September on) but the current year's halves ("end of this year" is July on), a month's
/// 1st to 15th, 10th to 20th and 16th on, a week's Monday to Wednesday and Thursday on.
fn spec_part_bounds(s: Date, e: Date, part: times::Part, relative: bool) -> Option<(Date, Date)> {
    use times::Part;
    let after = e.tomorrow().ok()?;
    let days = |n: i64| s.checked_add(jiff::Span::new().days(n)).ok();
    let months = |n: i32| s.checked_add(jiff::Span::new().months(n)).ok();
    let length = e.since(s).ok()?.get_days() + 1;
    Some(match (length, part) {
        (7, Part::Early) => (s, days(3)?),
        (7, Part::Middle) => (days(2)?, days(5)?),
        (7, _) => (days(3)?, after),
        (28..=31, Part::Early) => (s, days(15)?),
        (28..=31, Part::Middle) => (days(9)?, days(20)?),
        (28..=31, _) => (days(15)?, after),
        (365 | 366, Part::Early) if relative => (s, months(6)?),
        (365 | 366, Part::Late | Part::Final) if relative => (months(6)?, after),
        (365 | 366, Part::Early) => (s, months(4)?),
        (365 | 366, Part::Middle) => (months(4)?, months(8)?),
        (365 | 366, _) => (months(8)?, after),
        _ => return None,
    })
}

/// The first day of an undated month or month day in the year of `today`.
fn undated_first_day(end: times::End, today: Date) -> Option<Date> {
    match end {
        times::End::Relative(times::Rel::MonthDay(m, d, ..)) => Date::new(today.year(), m, d).ok(),
        times::End::Relative(times::Rel::Month(m)) => Date::new(today.year(), m, 1).ok(),
        _ => None,
    }
}

/// How the specs write one end of a range: `XXXX-10-01` when it names no year.
fn end_timex(end: times::End, day: Date) -> String {
    match end {
        times::End::Relative(times::Rel::MonthDay(..) | times::Rel::Month(_)) => {
            format!("XXXX-{:02}-{:02}", day.month(), day.day())
        }
        _ => day.to_string(),
    }
}

/// A range the specs end where its second time begins ("2014 to 2018" is 2014-01-01 to
/// 2018-01-01, `P4Y`), its length in the coarsest unit both ends fall on.
fn range_entry(start: Date, second: Date) -> Value {
    json!({
        "timex": format!("({start},{second},{})", range_length(start, second)),
        "type": "daterange",
        "start": start.to_string(),
        "end": second.to_string(),
    })
}

/// A range's length in the coarsest unit both ends fall on: `P4Y`, `P2M`, `P37D`.
fn range_length(start: Date, second: Date) -> String {
    let months = months_between(start, second);
    if start.day() == 1 && second.day() == 1 && months % 12 == 0 {
        format!("P{}Y", months / 12)
    } else if start.day() == 1 && second.day() == 1 {
        format!("P{months}M")
    } else {
        let days = second.since(start).map_or(0, |s| s.get_days());
        format!("P{days}D")
    }
}

/// A month with no year ("since August", "April"): `XXXX-MM`, resolved to the last one and
/// the coming one, the specs' two readings; with a modifier, its bound alone.
fn undated_month(m: i8, modifier: Option<&str>, today: Date) -> Option<Vec<Value>> {
    let [past, future] = undated_month_firsts(m, today)?;
    let timex = format!("XXXX-{m:02}");
    let entry = |first: Date| -> Option<Value> {
        let next = first.checked_add(jiff::Span::new().months(1)).ok()?;
        let mut e = json!({"timex": timex, "type": "daterange"});
        match modifier {
            Some(m) => {
                e["Mod"] = json!(m);
                e["sourceEntity"] = json!("datetimerange");
                put_bound(&mut e, m, first, next);
            }
            None => {
                e["start"] = json!(first.to_string());
                e["end"] = json!(next.to_string());
            }
        }
        Some(e)
    };
    Some(vec![entry(past)?, entry(future)?])
}

/// Where a modifier puts a time's one bound: "since" starts at its first day, "after" at the
/// day after it (`next`), the others ("before", "until") end at its first day.
fn put_bound(entry: &mut Value, modifier: &str, first: Date, next: Date) {
    match modifier {
        "since" => entry["start"] = json!(first.to_string()),
        "after" => entry["start"] = json!(next.to_string()),
        _ => entry["end"] = json!(first.to_string()),
    }
}

/// Month `m` with no year in its two readings ([`undated_month_firsts`]), first and last day.
fn undated_month_spans(m: i8, today: Date) -> Option<Vec<(Date, Date)>> {
    let firsts = undated_month_firsts(m, today)?;
    Some(firsts.iter().map(|f| (*f, f.last_of_month())).collect())
}

/// The first days of month `m` in its two readings with no year: the last one (this month
/// included) and the coming one.
fn undated_month_firsts(m: i8, today: Date) -> Option<[Date; 2]> {
    let this = Date::new(today.year(), m, 1).ok()?;
    Some(if this <= today.first_of_month() {
        [this, Date::new(today.year() + 1, m, 1).ok()?]
    } else {
        [Date::new(today.year() - 1, m, 1).ok()?, this]
    })
}

/// "from March to May" with no year: `(XXXX-03-01,XXXX-05-01,P2M)`, ending where the second
/// month begins. Under way today (begun in an earlier month, not yet over): that one alone.
/// Else the last and the coming one, a span that begins this month being the coming one.
fn undated_month_span(m1: i8, m2: i8, today: Date) -> Option<Vec<Value>> {
    let months = (i32::from(m2) - i32::from(m1)).rem_euclid(12);
    let into = (i32::from(today.month()) - i32::from(m1)).rem_euclid(12);
    let [last, coming] = undated_month_firsts(m1, today)?;
    let firsts = match into {
        0 => vec![last.checked_sub(jiff::Span::new().years(1)).ok()?, last],
        i if i <= months => vec![last],
        _ => vec![last, coming],
    };
    let timex = format!("(XXXX-{m1:02}-01,XXXX-{m2:02}-01,P{months}M)");
    firsts
        .iter()
        .map(|first| {
            let second = first.checked_add(jiff::Span::new().months(months)).ok()?;
            Some(json!({"timex": timex, "type": "daterange",
                        "start": first.to_string(), "end": second.to_string()}))
        })
        .collect()
}

/// A parser file's `Value`: TIMEX with future and past resolutions, from the spec values.
fn parser_value(kind: &str, values: &[Value]) -> Value {
    let resolution = |v: &Value| match kind {
        "date" => json!({"date": v["value"]}),
        "duration" => json!({"duration": v["value"]}),
        "set" => json!({"set": v["value"]}),
        "time" => json!({"time": v["value"]}),
        "datetime" => json!({"dateTime": v["value"]}),
        _ => json!({"startDate": v["start"], "endDate": v["end"]}),
    };
    let past = values.first().map(resolution).unwrap_or(Value::Null);
    let future = values.last().map(resolution).unwrap_or(Value::Null);
    json!({
        "Timex": values.first().map(|v| v["timex"].clone()).unwrap_or(Value::Null),
        "FutureResolution": future,
        "PastResolution": past,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_count_characters_and_end_inclusive() {
        let found = recognize(Model::Currency, "Paid €5 or £3", None);
        let pound = found.iter().find(|f| f.text == "£3").expect("pound found");
        assert_eq!((pound.start, pound.end), (11, 12));
        assert_eq!(pound.resolution["isoCurrency"], "GBP");
    }

    #[test]
    fn cents_keep_their_own_unit() {
        let found = recognize(Model::Currency, "It costs 50 cents.", None);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].resolution["unit"], "Cent");
        assert_eq!(found[0].resolution["value"], "50");
    }

    /// The first resolution value of the one result `text` gives at `now`.
    fn only_value(text: &str, now: &str) -> Value {
        let now: DateTime = now.parse().expect("date-time");
        let found = recognize(Model::DateTime, text, Some(now));
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        found[0].resolution["values"].clone()
    }

    #[test]
    fn a_run_of_days_ends_as_its_last_day_begins() {
        let values = only_value("I'll be out November 19-20", "2016-11-07T00:00:00");
        assert_eq!(values[0]["timex"], "(XXXX-11-19,XXXX-11-20,P1D)");
        assert_eq!(values[0]["start"], "2015-11-19");
        assert_eq!(values[1]["end"], "2016-11-20");
        let values = only_value("visited on 3-4 June 2019", "2024-03-01T00:00:00");
        assert_eq!(values[0]["timex"], "(2019-06-03,2019-06-04,P1D)");
    }

    #[test]
    fn more_or_less_than_a_counted_day() {
        let values = only_value(
            "done more than 2 days before yesterday",
            "2018-05-29T00:00:00",
        );
        assert_eq!(
            (values[0]["Mod"].as_str(), values[0]["end"].as_str()),
            (Some("before"), Some("2018-05-26"))
        );
        let values = only_value(
            "done less than 3 days after tomorrow",
            "2018-05-29T00:00:00",
        );
        assert_eq!(values[0]["timex"], "(2018-05-30,2018-06-02,P3D)");
    }

    #[test]
    fn february_29_reads_as_the_nearest_leap_years() {
        let values = only_value("Feb 29th", "2020-03-22T00:00:00");
        assert_eq!(values[0]["value"], "2020-02-29");
        assert_eq!(values[1]["value"], "2024-02-29");
    }

    #[test]
    fn units_ahead_count_from_the_next_day_in_the_unit_written() {
        let values = only_value("gone for the 3 next weeks", "2016-11-07T00:00:00");
        assert_eq!(values[0]["timex"], "(2016-11-08,2016-11-29,P3W)");
        let values = only_value("within next 10 months", "2018-03-23T00:00:00");
        assert_eq!(values[0]["timex"], "(2018-03-23,2019-01-23,P10M)");
    }

    #[test]
    fn parts_of_a_day_alone_are_time_ranges() {
        let values = only_value("What happened in late afternoon.", "2016-11-07T00:00:00");
        assert_eq!(values[0]["Mod"], "end");
        assert_eq!(
            (values[0]["start"].as_str(), values[0]["end"].as_str()),
            (Some("14:00:00"), Some("16:00:00"))
        );
        let values = only_value("let's meet after breakfast", "2016-11-07T00:00:00");
        assert_eq!(
            (values[0]["Mod"].as_str(), values[0]["start"].as_str()),
            (Some("after"), Some("12:00:00"))
        );
    }

    #[test]
    fn ranges_with_parts_or_quarters_count_whole_months() {
        let now = "2020-04-28T00:00:00";
        let timex = |text: &str| only_value(text, now)[0]["timex"].clone();
        assert_eq!(
            timex("The range is from the middle of 2007 to the end of 2008."),
            "(2007-07-02,2009-01-01,P18M)"
        );
        assert_eq!(
            timex("The sales went up during from 2017-q1 to 2018-q1"),
            "(2017-01-01,2018-01-01,P12M)"
        );
        assert_eq!(
            timex("The range is in 2014 through 2018."),
            "(2014-01-01,2018-01-01,P4Y)"
        );
    }

    #[test]
    fn durations_take_bounds_and_read_vague_counts_as_three() {
        let now = "2016-11-07T00:00:00";
        let several = only_value("I'll leave for several weeks", now);
        assert_eq!(several[0]["timex"], "P3W");
        assert_eq!(several[0]["value"], "1814400");
        let found = recognize(
            Model::DateTime,
            "records more than 4 days and less than 1 week",
            now.parse().ok(),
        );
        let mods: Vec<_> = found
            .iter()
            .map(|f| (f.text.as_str(), f.resolution["values"][0]["Mod"].clone()))
            .collect();
        assert_eq!(
            mods,
            [
                ("more than 4 days", json!("more")),
                ("less than 1 week", json!("less"))
            ]
        );
    }

    #[test]
    fn comparisons_bound_a_year() {
        let now = "2019-05-01T00:00:00";
        let greater = only_value("Rating where year is greater than 2015", now);
        assert_eq!(greater[0]["Mod"], "after");
        assert_eq!(greater[0]["start"], "2016-01-01");
        let until = only_value("< =2019", now);
        assert_eq!(until[0]["Mod"], "until");
        assert_eq!(until[0]["end"], "2020-01-01");
    }

    #[test]
    fn moments_and_windows_count_from_the_reference_time() {
        let now = "2016-11-07T16:12:00";
        assert_eq!(
            only_value("I'll be back in 5 minutes", now)[0]["value"],
            "2016-11-07 16:17:00"
        );
        let window = only_value("I'll be back within 2h", now);
        assert_eq!(
            window[0]["timex"],
            "(2016-11-07T16:12:00,2016-11-07T18:12:00,PT2H)"
        );
        let past = only_value("What happened in the 5 past minutes?", now);
        assert_eq!(past[0]["start"], "2016-11-07 16:07:00");
        assert_eq!(past[0]["end"], "2016-11-07 16:12:00");
    }

    #[test]
    fn relative_dates_resolve_against_the_reference() {
        let now: DateTime = "2016-11-07T00:00:00".parse().expect("date-time");
        let found = recognize(Model::DateTime, "I left yesterday", Some(now));
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].type_name, "datetimeV2.date");
        assert_eq!(found[0].resolution["values"][0]["value"], "2016-11-06");
    }

    #[test]
    fn modifiers_bound_a_clock_time() {
        let now: DateTime = "2016-11-07T00:00:00".parse().expect("date-time");
        let values = |text: &str| {
            let found = recognize(Model::DateTime, text, Some(now));
            assert_eq!(found.len(), 1, "{text}: {found:?}");
            (
                found[0].type_name.clone(),
                found[0].resolution["values"][0].clone(),
            )
        };
        let (kind, before) = values("leave before 2.30pm");
        assert_eq!(kind, "datetimeV2.timerange");
        assert_eq!(before["Mod"], "before");
        assert_eq!(before["end"], "14:30:00");
        assert_eq!(before["sourceEntity"], "datetimepoint");
        let (kind, around) = values("sick around 1pm");
        assert_eq!(kind, "datetimeV2.time");
        assert_eq!(
            (&around["Mod"], &around["value"]),
            (&json!("approx"), &json!("13:00:00"))
        );
        let (_, later) = values("meet at 3 pm or later");
        assert_eq!(
            (&later["Mod"], &later["start"]),
            (&json!("since"), &json!("15:00:00"))
        );
        let (kind, inside) = values("back tomorrow before 5pm");
        assert_eq!(kind, "datetimeV2.datetimerange");
        assert_eq!(inside["end"], "2016-11-08 17:00:00");
        assert!(inside.get("sourceEntity").is_none(), "{inside}");
    }

    #[test]
    fn before_and_after_bound_the_period_they_name() {
        let now: DateTime = "2015-11-07T00:00:00".parse().expect("date-time");
        let found = recognize(Model::DateTime, "after 2016 and before 2018", Some(now));
        let values: Vec<&Value> = found.iter().map(|f| &f.resolution["values"][0]).collect();
        assert_eq!(found[0].text, "after 2016");
        assert_eq!(
            (&values[0]["Mod"], &values[0]["start"]),
            (&json!("after"), &json!("2017-01-01"))
        );
        assert_eq!(found[1].text, "before 2018");
        assert_eq!(
            (&values[1]["Mod"], &values[1]["end"]),
            (&json!("before"), &json!("2018-01-01"))
        );
    }

    #[test]
    fn parts_of_periods_carry_the_specs_mod_and_bounds() {
        let now: DateTime = "2018-11-27T00:00:00".parse().expect("date-time");
        let found = recognize(Model::DateTime, "a party at the end of 2000", Some(now));
        let value = &found[0].resolution["values"][0];
        assert_eq!(found[0].text, "end of 2000");
        assert_eq!(
            (&value["Mod"], &value["start"], &value["end"]),
            (&json!("end"), &json!("2000-09-01"), &json!("2001-01-01"))
        );
        let found = recognize(Model::DateTime, "What happened since late July?", Some(now));
        let values = &found[0].resolution["values"];
        assert_eq!(found[0].text, "since late July");
        assert_eq!(
            (&values[0]["Mod"], &values[0]["start"], &values[1]["start"]),
            (
                &json!("since-end"),
                &json!("2018-07-16"),
                &json!("2019-07-16")
            )
        );
    }

    #[test]
    fn open_ends_and_starts_are_since_and_a_latest_day_until() {
        let now: DateTime = "2018-08-17T00:00:00".parse().expect("date-time");
        let mods = |text: &str| -> Vec<(String, Value, Value)> {
            recognize(Model::DateTime, text, Some(now))
                .iter()
                .map(|f| {
                    let v = &f.resolution["values"][0];
                    (f.text.clone(), v["Mod"].clone(), v["start"].clone())
                })
                .collect()
        };
        assert_eq!(
            mods("I want sales for year 2012 or later"),
            vec![(
                "year 2012 or later".to_string(),
                json!("since"),
                json!("2012-01-01")
            )]
        );
        assert_eq!(
            mods("a meeting starting January 7th to discuss")[0].1,
            json!("since")
        );
        let late = recognize(
            Model::DateTime,
            "I'll leave as late as tomorrow.",
            Some(now),
        );
        let value = &late[0].resolution["values"][0];
        assert_eq!(
            (&value["Mod"], &value["end"]),
            (&json!("until"), &json!("2018-08-18"))
        );
    }

    #[test]
    fn a_range_of_years_ends_where_its_second_year_begins() {
        let now: DateTime = "2018-05-01T00:00:00".parse().expect("date-time");
        let found = recognize(
            Model::DateTime,
            "The range is in 2014 through 2018.",
            Some(now),
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].text, "2014 through 2018");
        let value = &found[0].resolution["values"][0];
        assert_eq!(value["timex"], "(2014-01-01,2018-01-01,P4Y)");
        assert_eq!(value["end"], "2018-01-01");
    }

    #[test]
    fn spec_conventions_for_parts_of_days_quarters_and_the() {
        let now: DateTime = "2019-07-04T00:00:00".parse().expect("date-time");
        let evening = recognize(Model::DateTime, "I'll go back this evening", Some(now));
        assert_eq!(evening[0].type_name, "datetimeV2.datetimerange");
        assert_eq!(
            evening[0].resolution["values"][0]["start"],
            "2019-07-04 16:00:00"
        );
        let quarter = recognize(Model::DateTime, "Sales for the next quarter", Some(now));
        assert_eq!(quarter[0].text, "next quarter");
        assert_eq!(
            quarter[0].resolution["values"][0]["timex"],
            "(2019-10-01,2020-01-01,P3M)"
        );
        let past = recognize(Model::DateTime, "over the last 3 months", Some(now));
        assert_eq!(
            past[0].resolution["values"][0]["timex"],
            "(2019-04-04,2019-07-04,P3M)"
        );
    }

    #[test]
    fn clock_ranges_are_time_ranges_and_weekday_clocks_read_two_ways() {
        let now: DateTime = "2016-11-07T00:00:00".parse().expect("date-time");
        let range = recognize(Model::DateTime, "I'll be out 5 to 6pm", Some(now));
        assert_eq!(range[0].type_name, "datetimeV2.timerange");
        assert_eq!(range[0].resolution["values"][0]["timex"], "(T17,T18,PT1H)");
        let friday = recognize(Model::DateTime, "see you friday at 4pm", Some(now));
        let values = friday[0].resolution["values"].as_array().expect("values");
        assert_eq!(values.len(), 2);
        assert!(values.iter().all(|v| v["timex"] == "XXXX-WXX-5T16"));
    }

    #[test]
    fn a_month_without_a_year_reads_as_the_last_and_the_coming_one() {
        let now: DateTime = "2016-11-07T00:00:00".parse().expect("date-time");
        let found = recognize(Model::DateTime, "I'll be out since August", Some(now));
        let values = found[0].resolution["values"].as_array().expect("values");
        let starts: Vec<&Value> = values.iter().map(|v| &v["start"]).collect();
        assert_eq!(starts, vec!["2016-08-01", "2017-08-01"]);
        assert!(values
            .iter()
            .all(|v| v["timex"] == "XXXX-08" && v["Mod"] == "since"));
    }

    #[test]
    fn a_span_of_months_under_way_is_the_current_one_else_the_last_and_coming() {
        let now: DateTime = "2018-09-07T12:00:00".parse().expect("date-time");
        let starts = |text: &str| -> Vec<String> {
            let found = recognize(Model::DateTime, text, Some(now));
            found[0].resolution["values"]
                .as_array()
                .expect("values")
                .iter()
                .map(|v| v["start"].as_str().unwrap_or_default().to_string())
                .collect()
        };
        // Begun in August, not over: this year's alone.
        assert_eq!(
            starts("What will happen from August to October"),
            ["2018-08-01"]
        );
        // Begins this month: the coming one, and the one before it.
        assert_eq!(
            starts("What will happen from Sep to Nov"),
            ["2017-09-01", "2018-09-01"]
        );
        // Over: the last and the coming one.
        assert_eq!(
            starts("Where were you from March to May"),
            ["2018-03-01", "2019-03-01"]
        );
    }

    /// (timex, start or value) of each value of the first result.
    fn readings(text: &str, now: &str) -> Vec<(String, String)> {
        let now: DateTime = now.parse().expect("date-time");
        let found = recognize(Model::DateTime, text, Some(now));
        let values = found.first().map(|f| f.resolution["values"].clone());
        let values = values.as_ref().and_then(Value::as_array).cloned();
        let field = |v: &Value, k: &str| v[k].as_str().unwrap_or_default().to_string();
        values
            .unwrap_or_default()
            .iter()
            .map(|v| (field(v, "timex"), field(v, "start") + &field(v, "value")))
            .collect()
    }

    #[test]
    fn a_range_of_days_with_no_year_is_the_one_under_way_else_the_last_and_coming() {
        let under_way = readings("from 10/1 to 11/7", "2018-10-24T12:00:00");
        assert_eq!(
            under_way,
            [("(XXXX-10-01,XXXX-11-07,P37D)".into(), "2018-10-01".into())]
        );
        let ahead = readings("from 10/25 to 01/25", "2018-10-24T12:00:00");
        let timex = "(XXXX-10-25,XXXX-01-25,P92D)".to_string();
        assert_eq!(
            ahead,
            [
                (timex.clone(), "2017-10-25".into()),
                (timex, "2018-10-25".into())
            ]
        );
        let to_now = readings("between Jan 22 and now", "2019-04-25T12:00:00");
        assert_eq!(
            to_now,
            [("(XXXX-01-22,2019-04-25,P93D)".into(), "2019-01-22".into())]
        );
    }

    #[test]
    fn a_weekday_with_a_day_number_is_this_month_s_else_the_last_and_next_match() {
        let this_month = readings("coffee on tuesday the eleventh.", "2019-06-10T00:00:00");
        assert_eq!(this_month, [("2019-06-11".into(), "2019-06-11".into())]);
        let apart = readings("I'll go back Mon 13th", "2022-05-01T00:00:00");
        let timex = "XXXX-WXX-1".to_string();
        assert_eq!(
            apart,
            [
                (timex.clone(), "2021-12-13".into()),
                (timex, "2022-06-13".into())
            ]
        );
    }
}
