//! Time mentions that are not an interval of days: durations ("six months", "a 12-year
//! deal", "the past five trading days", "several years"), sets ("annual", "weekly", "every
//! month") and references to the present, past or future ("currently", "recently", "later").
//!
//! Each gets its TIMEX3 value (`P6M`, `P12Y`, `PXY`, `P1W`, `PRESENT_REF`); durations also
//! their length in seconds when it is fixed. Parts of a day with no day named ("in the
//! morning", "after lunch") are mentions too (`TMO`, `TMEL`). The ledger does not date claims
//! by them, but they are part of what an article says about time.

use super::numbers::number_at;
use super::tokens::{Kind, Token, WordShapes};
use crate::model::{Span, TimeMention, TimeMentionKind};

/// A duration unit.
#[derive(Debug, Clone, Copy)]
struct Unit {
    /// TIMEX designator; "DE" and "CE" (decade, century) are written as years.
    letter: &'static str,
    /// A clock unit, written after `T` (`PT30M`).
    clock: bool,
    /// Seconds in one unit (a month counts 30 days, a year 365).
    seconds: f64,
}

impl Unit {
    /// The TIMEX value of `n` units as written (`P1M`, `PTXH`), with no conversion.
    fn raw(self, n: &str) -> String {
        format!("P{}{n}{}", if self.clock { "T" } else { "" }, self.letter)
    }

    /// The TIMEX value of `amount` units: decades and centuries as years (`P10Y`), quarters
    /// as months (`P3M`).
    fn timex(self, amount: f64) -> String {
        let (unit, amount) = match self.letter {
            "Q" => (
                Unit {
                    letter: "M",
                    ..self
                },
                amount * 3.0,
            ),
            "DE" => (
                Unit {
                    letter: "Y",
                    ..self
                },
                amount * 10.0,
            ),
            "CE" => (
                Unit {
                    letter: "Y",
                    ..self
                },
                amount * 100.0,
            ),
            _ => (self, amount),
        };
        unit.raw(&super::numbers::plain(amount))
    }
}

const DAY: f64 = 86_400.0;

const fn unit_of(letter: &'static str, clock: bool, seconds: f64) -> Unit {
    Unit {
        letter,
        clock,
        seconds,
    }
}

/// Unit words, singular (a plural adds "s": "centurie" makes "centuries").
const UNITS: &[(&str, Unit)] = &[
    ("year", unit_of("Y", false, 365.0 * DAY)),
    ("decade", unit_of("DE", false, 3650.0 * DAY)),
    ("century", unit_of("CE", false, 36500.0 * DAY)),
    ("centurie", unit_of("CE", false, 36500.0 * DAY)),
    ("month", unit_of("M", false, 30.0 * DAY)),
    ("quarter", unit_of("Q", false, 91.0 * DAY)),
    ("week", unit_of("W", false, 7.0 * DAY)),
    ("day", unit_of("D", false, DAY)),
    ("night", unit_of("D", false, DAY)),
    ("hour", unit_of("H", true, 3600.0)),
    ("minute", unit_of("M", true, 60.0)),
    ("second", unit_of("S", true, 1.0)),
];

/// Abbreviated units, taken only right after digits ("3h", "3 hrs", "123.45 sec").
const SHORT_UNITS: &[(&str, Unit)] = &[
    ("yr", unit_of("Y", false, 365.0 * DAY)),
    ("yrs", unit_of("Y", false, 365.0 * DAY)),
    ("h", unit_of("H", true, 3600.0)),
    ("hr", unit_of("H", true, 3600.0)),
    ("hrs", unit_of("H", true, 3600.0)),
    ("min", unit_of("M", true, 60.0)),
    ("mins", unit_of("M", true, 60.0)),
    ("sec", unit_of("S", true, 1.0)),
    ("secs", unit_of("S", true, 1.0)),
];

/// Words that refer to now, before or after it, with their TIMEX value.
const REFERENCES: &[(&str, &str)] = &[
    ("now", "PRESENT_REF"),
    ("currently", "PRESENT_REF"),
    ("current", "PRESENT_REF"),
    ("presently", "PRESENT_REF"),
    ("nowadays", "PRESENT_REF"),
    ("recent", "PAST_REF"),
    ("recently", "PAST_REF"),
    ("lately", "PAST_REF"),
    ("later", "FUTURE_REF"),
    ("soon", "FUTURE_REF"),
];

/// Set words, with their TIMEX value.
const SETS: &[(&str, &str)] = &[
    ("annual", "P1Y"),
    ("annually", "P1Y"),
    ("yearly", "P1Y"),
    ("monthly", "P1M"),
    ("weekly", "P1W"),
    ("daily", "P1D"),
    ("hourly", "PT1H"),
    ("quarterly", "P3M"),
    ("everyday", "P1D"),
    ("fortnightly", "P2W"),
    ("semiannual", "P0.5Y"),
    ("semiannually", "P0.5Y"),
    ("weekends", "P1WE"),
];

/// Vague amounts: "several years" → `PXY`.
const VAGUE: &[&str] = &["several", "few", "many", "some", "recent"];

/// Other words a mention can start with ("every week", "the past", "a fortnight", "all day").
const OTHER_STARTS: &[&str] = &[
    "every",
    "each",
    "once",
    "one",
    "any",
    "semi",
    "the",
    "over",
    "for",
    "a",
    "an",
    "single",
    "all",
    "full",
    "half",
    "another",
    "fortnight",
    "at",
    "right",
    "next",
    "last",
    "past",
    "coming",
    "upcoming",
    "previous",
];

/// Other words every mention of theirs contains ("the future", "a fortnight", "at present",
/// "at the moment").
const OTHER_TRIGGERS: &[&str] = &[
    "future",
    "past",
    "fortnight",
    "present",
    "moment",
    "weekend",
    "weekday",
];

/// Phrases after "at" that mean now ("at present", "at the moment").
const AT_NOW: &[&[&str]] = &[
    &["present"],
    &["the", "moment"],
    &["the", "present", "time"],
    &["the", "minute"],
];

/// Words allowed between a number and its unit ("six straight days", "five trading days").
const BETWEEN: &[&str] = &[
    "straight",
    "consecutive",
    "trading",
    "working",
    "business",
    "calendar",
    "full",
    "more",
];

/// The length in seconds of a duration's TIMEX value of one fixed unit (`P3W`, `PT3H`), as
/// [`UNITS`] count it; `None` for months and longer, whose length varies, and for other
/// values.
pub fn fixed_seconds(timex: &str) -> Option<f64> {
    let (clock, rest) = match timex.strip_prefix("PT") {
        Some(rest) => (true, rest),
        None => (false, timex.strip_prefix('P')?),
    };
    let split = rest.find(|ch: char| ch.is_ascii_alphabetic())?;
    let (amount, letter) = rest.split_at(split);
    let amount: f64 = amount.parse().ok()?;
    let unit = UNITS
        .iter()
        .map(|(_, u)| *u)
        .find(|u| u.letter == letter && u.clock == clock)
        .filter(|u| clock || ["D", "W"].contains(&u.letter))?;
    Some(amount * unit.seconds)
}

/// The value for a lower-case `word` in `table`.
fn lookup<V: Copy>(table: &[(&str, V)], word: &str) -> Option<V> {
    table.iter().find(|(w, _)| *w == word).map(|&(_, v)| v)
}

/// A unit word (any case, singular or plural). "second" alone is mostly the ordinal ("a
/// second test flight"); only "seconds" is a unit.
fn unit(word: &str) -> Option<Unit> {
    let mut buf = [0u8; 24];
    let w = super::tokens::ascii_lower(word, &mut buf)?;
    if w == "second" {
        return None;
    }
    lookup(UNITS, w.strip_suffix('s').unwrap_or(w))
}

/// An abbreviated unit (any case).
fn short_unit(word: &str) -> Option<Unit> {
    let mut buf = [0u8; 24];
    lookup(SHORT_UNITS, super::tokens::ascii_lower(word, &mut buf)?)
}

/// The TIMEX value of a word referring to now, before or after it (lower case).
fn reference(lower: &str) -> Option<&'static str> {
    lookup(REFERENCES, lower)
}

/// The TIMEX value of a set word (lower case).
fn set_word(lower: &str) -> Option<&'static str> {
    lookup(SETS, lower)
}

/// Whether a lower-case word can start a mention (number words aside).
fn is_start(lower: &str) -> bool {
    reference(lower).is_some()
        || set_word(lower).is_some()
        || VAGUE.contains(&lower)
        || OTHER_STARTS.contains(&lower)
}

/// The words every mention contains — units (singular and plural, "second" excepted) and
/// their abbreviations, references, set words — gathered from their tables once.
static TRIGGER_WORDS: std::sync::LazyLock<rustc_hash::FxHashSet<String>> =
    std::sync::LazyLock::new(|| {
        let units = UNITS
            .iter()
            .flat_map(|(w, _)| [w.to_string(), format!("{w}s")])
            .filter(|w| w != "second");
        let others = SHORT_UNITS
            .iter()
            .map(|(w, _)| w)
            .chain(REFERENCES.iter().map(|(w, _)| w))
            .chain(SETS.iter().map(|(w, _)| w))
            .chain(OTHER_TRIGGERS)
            .map(|w| w.to_string());
        units.chain(others).collect()
    });

/// Whether a lower-case word is one every mention contains.
fn is_trigger_word(lower: &str) -> bool {
    TRIGGER_WORDS.contains(lower)
}

/// The shapes of unit words: a cheap test before looking a word up.
const UNIT_SHAPES: WordShapes = WordShapes::of(&[])
    .with_keys(UNITS, true)
    .with_keys(SHORT_UNITS, false);

/// The shapes of trigger words.
const TRIGGER_SHAPES: WordShapes = WordShapes::of(OTHER_TRIGGERS)
    .with_keys(UNITS, true)
    .with_keys(SHORT_UNITS, false)
    .with_keys(REFERENCES, false)
    .with_keys(SETS, false);

/// The shapes of start words and number words: most words are turned away by it without
/// lower-casing or lookups.
const START_SHAPES: WordShapes = super::numbers::START_SHAPES
    .with_keys(REFERENCES, false)
    .with_keys(SETS, false)
    .with_all(VAGUE)
    .with_all(OTHER_STARTS);

fn is(tokens: &[Token], k: usize, text: &str, word: &str) -> bool {
    tokens
        .get(k)
        .is_some_and(|t| t.text(text).eq_ignore_ascii_case(word))
}

/// Parts of the day and meals, lower case, with their TIMEX value ("nighttime" `TNT` runs
/// from midnight to the morning, "daytime" `TDT` through the working day).
const DAY_PARTS: &[(&str, &str)] = &[
    ("morning", "TMO"),
    ("mornings", "TMO"),
    ("afternoon", "TAF"),
    ("afternoons", "TAF"),
    ("evening", "TEV"),
    ("evenings", "TEV"),
    ("night", "TNI"),
    ("daytime", "TDT"),
    ("nighttime", "TNT"),
    ("breakfast", "TMEB"),
    ("lunch", "TMEL"),
    ("lunchtime", "TMEL"),
    ("dinner", "TMED"),
    ("dinnertime", "TMED"),
];

/// The shapes of the words in [`DAY_PARTS`]: most words are turned away by it at once.
const DAY_PART_SHAPES: WordShapes = WordShapes::of(&[]).with_keys(DAY_PARTS, false);

/// Words before a part of the day that name a half of it ("early in the morning").
const DAY_PART_HALVES: &[&str] = &["early", "late", "later"];

/// Words before a part of the day or a meal that bound it ("before lunch").
const DAY_PART_BOUNDS: &[&str] = &["before", "after", "around"];

/// Parts of the day and meals with no day named: "in the morning", "early in the morning",
/// "late afternoon", "after breakfast", "night markets", "in the night-time". Only lower-case
/// words: "Evening Standard" is a name.
fn day_parts(tokens: &[Token], text: &str) -> Vec<TimeMention> {
    let word = |k: usize| {
        tokens
            .get(k)
            .filter(|t| t.kind == Kind::Word)
            .map(|t| t.text(text))
    };
    let mut out = Vec::new();
    for (k, tok) in tokens.iter().enumerate() {
        let w = tok.text(text);
        if tok.kind != Kind::Word || !DAY_PART_SHAPES.fits(w) {
            continue;
        }
        let Some(mut timex) = lookup(DAY_PARTS, w) else {
            continue;
        };
        let mut end = k + 1;
        // "night-time"
        if w == "night" && is(tokens, k + 1, text, "-") && word(k + 2) == Some("time") {
            timex = "TNT";
            end = k + 3;
        }
        let mut first = k;
        if k >= 2 && is(tokens, k - 1, text, "the") && is(tokens, k - 2, text, "in") {
            first = k - 2;
        }
        let lead = first.checked_sub(1).and_then(word);
        let bound = lead.is_some_and(|l| DAY_PART_BOUNDS.contains(&l));
        if bound || lead.is_some_and(|l| DAY_PART_HALVES.contains(&l)) {
            first -= 1;
        }
        // "have lunch", "dinner with mom" are meals, "before lunch" a time; "good night" a
        // greeting.
        let meal = timex.starts_with("TME") && !w.ends_with("time");
        if (meal && !bound) || lead.is_some_and(|l| l.eq_ignore_ascii_case("good")) {
            continue;
        }
        out.extend(
            mention(
                tokens,
                first,
                end,
                TimeMentionKind::DayPart,
                timex.to_string(),
                None,
            )
            .map(|(m, _)| m),
        );
    }
    out
}

/// Finds the time mentions in the token stream, in text order.
pub fn scan(tokens: &[Token], text: &str) -> Vec<TimeMention> {
    let mut out = scan_amounts_and_words(tokens, text);
    let parts = day_parts(tokens, text);
    if !parts.is_empty() {
        let apart: Vec<TimeMention> = parts
            .into_iter()
            .filter(|p| !out.iter().any(|m| m.span.overlaps(p.span)))
            .collect();
        out.extend(apart);
        out.sort_by_key(|m| m.span);
    }
    out
}

/// Durations, sets and references.
fn scan_amounts_and_words(tokens: &[Token], text: &str) -> Vec<TimeMention> {
    let mut out = Vec::new();
    // Every mention ends on (or is) a trigger word; only the few tokens before each trigger
    // are tried, so most of the text is never looked at.
    let mut next = 0;
    for at in (0..tokens.len()).filter(|&k| is_trigger(&tokens[k], text)) {
        let window_end = at + 1;
        let mut i = at.saturating_sub(LOOK_BACK).max(next);
        while i < window_end {
            match mention_at(tokens, i, text) {
                Some((m, end)) => {
                    out.push(m);
                    i = end.max(i + 1);
                    next = i;
                }
                None => i += 1,
            }
        }
        next = next.max(window_end);
    }
    out
}

/// How many tokens before a trigger a mention can start ("the past five trading days").
const LOOK_BACK: usize = 6;

/// Whether a token is a trigger word (any case); most tokens fail the shape test at once.
fn is_trigger(tok: &Token, text: &str) -> bool {
    if tok.kind != Kind::Word {
        return false;
    }
    let word = tok.text(text);
    let mut buf = [0u8; 24];
    TRIGGER_SHAPES.fits(word)
        && super::tokens::ascii_lower(word, &mut buf).is_some_and(is_trigger_word)
}

fn mention(
    tokens: &[Token],
    first: usize,
    end: usize,
    kind: TimeMentionKind,
    timex: String,
    seconds: Option<f64>,
) -> Option<(TimeMention, usize)> {
    let span = Span::new(tokens.get(first)?.start, tokens.get(end - 1)?.end);
    Some((
        TimeMention {
            span,
            kind,
            timex,
            seconds,
        },
        end,
    ))
}

/// Whether a unit word stands within the next few tokens (a cheap test before parsing a number).
fn unit_ahead(tokens: &[Token], i: usize, text: &str) -> bool {
    tokens.iter().skip(i + 1).take(4).any(|t| {
        let w = t.text(text);
        t.kind == Kind::Word
            && UNIT_SHAPES.fits(w)
            && (unit(w).is_some() || short_unit(w).is_some())
    })
}

fn mention_at(tokens: &[Token], i: usize, text: &str) -> Option<(TimeMention, usize)> {
    let tok = tokens.get(i)?;
    if tok.kind == Kind::Number {
        return unit_ahead(tokens, i, text)
            .then(|| amount_and_unit(tokens, i, text))
            .flatten();
    }
    if tok.kind != Kind::Word {
        return None;
    }
    let word = tok.text(text);
    if !START_SHAPES.fits(word) {
        return None;
    }
    let mut buf = [0u8; 24];
    let lower = super::tokens::ascii_lower(word, &mut buf)?;
    let number_word = super::numbers::is_number_word(lower) && unit_ahead(tokens, i, text);
    if !(is_start(lower) || number_word) {
        return None;
    }
    // "right now", "at present", "at the moment"
    let now_after = |words: &[&str]| {
        words
            .iter()
            .enumerate()
            .all(|(k, w)| is(tokens, i + 1 + k, text, w))
    };
    let now_words = match lower {
        "right" => now_after(&["now"]).then_some(1),
        "at" => AT_NOW.iter().find(|p| now_after(p)).map(|p| p.len()),
        _ => None,
    };
    if let Some(n) = now_words {
        let timex = "PRESENT_REF".to_string();
        return mention(
            tokens,
            i,
            i + 1 + n,
            TimeMentionKind::Reference,
            timex,
            None,
        );
    }
    if lower == "at" || lower == "right" {
        return None;
    }
    if let Some(r) = reference(lower) {
        // "current" and "recent" qualify a noun; "recent years" is a vague duration.
        if word.eq_ignore_ascii_case("recent")
            && tokens
                .get(i + 1)
                .is_some_and(|t| unit(t.text(text)).is_some())
        {
            return vague(tokens, i, text);
        }
        return mention(
            tokens,
            i,
            i + 1,
            TimeMentionKind::Reference,
            r.to_string(),
            None,
        );
    }
    if let Some(v) = set_word(lower) {
        return mention(tokens, i, i + 1, TimeMentionKind::Set, v.to_string(), None);
    }
    if let Some((timex, end)) = recurring(tokens, i, text, lower) {
        return mention(tokens, i, end, TimeMentionKind::Set, timex, None);
    }
    // "the future", "the past", "the near term"
    if word.eq_ignore_ascii_case("the") {
        // Only "future", "past", "next", "last", "previous", "coming" can follow.
        let next_initial = tokens
            .get(i + 1)
            .and_then(|t| t.text(text).bytes().next())
            .map(|b| b.to_ascii_lowercase());
        if !matches!(next_initial, Some(b'f' | b'p' | b'n' | b'l' | b'c')) {
            return None;
        }
        let mut next_buf = [0u8; 24];
        let next = tokens
            .get(i + 1)
            .and_then(|t| super::tokens::ascii_lower(t.text(text), &mut next_buf));
        let v = match next {
            Some("future") => Some("FUTURE_REF"),
            Some("past")
                if !tokens.get(i + 2).is_some_and(|t| {
                    t.kind == Kind::Number
                        || unit(t.text(text)).is_some()
                        || number_at(tokens, i + 2, text).is_some()
                }) =>
            {
                Some("PAST_REF")
            }
            _ => None,
        };
        if let Some(v) = v {
            return mention(
                tokens,
                i,
                i + 2,
                TimeMentionKind::Reference,
                v.to_string(),
                None,
            );
        }
        // "the past five trading days", "the next six months"
        if matches!(next, Some("past" | "next" | "last" | "previous" | "coming")) {
            let n = number_at(tokens, i + 2, text).filter(|n| n.value > 0.0)?;
            let (m, end) = with_unit(tokens, i + 2, n.end, n.value, text)?;
            return mention(
                tokens,
                i,
                end,
                TimeMentionKind::Duration,
                m.timex,
                m.seconds,
            );
        }
        return None;
    }
    // "over the years", "for years", "for decades"
    if (word.eq_ignore_ascii_case("over")
        && is(tokens, i + 1, text, "the")
        && tokens
            .get(i + 2)
            .is_some_and(|t| t.text(text).eq_ignore_ascii_case("years")))
        || (word.eq_ignore_ascii_case("for")
            && tokens.get(i + 1).is_some_and(|t| {
                let w = t.text(text);
                w.ends_with('s') && unit(w).is_some_and(|u| u.letter != "Q" && u.letter != "CE")
            }))
    {
        let last = if word.eq_ignore_ascii_case("over") {
            i + 2
        } else {
            i + 1
        };
        let some = unit(tokens[last].text(text))?;
        return mention(
            tokens,
            i,
            last + 1,
            TimeMentionKind::Duration,
            some.raw("X"),
            None,
        );
    }
    if VAGUE.iter().any(|v| v.eq_ignore_ascii_case(word)) {
        return vague(tokens, i, text);
    }
    // "a few minutes"
    if lower == "a" && is(tokens, i + 1, text, "few") {
        let (m, end) = vague(tokens, i + 1, text)?;
        let span = Span::new(tok.start, m.span.end);
        return Some((TimeMention { span, ..m }, end));
    }
    // "a fortnight"
    if word.eq_ignore_ascii_case("fortnight")
        || (is(tokens, i + 1, text, "fortnight") && lower.starts_with('a'))
    {
        let end = if word.eq_ignore_ascii_case("fortnight") {
            i + 1
        } else {
            i + 2
        };
        return mention(
            tokens,
            i,
            end,
            TimeMentionKind::Duration,
            "P2W".into(),
            Some(14.0 * 86_400.0),
        );
    }
    // "all day", "a full year", "all-week"
    if matches!(lower, "all" | "full") {
        let k = i
            + 1
            + usize::from(
                tokens
                    .get(i + 1)
                    .is_some_and(|t| t.joined && t.text(text) == "-"),
            );
        let w = tokens.get(k)?.text(text);
        if w.ends_with('s') {
            return None;
        }
        let whole = unit(w)?;
        return mention(
            tokens,
            i,
            k + 1,
            TimeMentionKind::Duration,
            whole.raw("1"),
            Some(whole.seconds),
        );
    }
    if let Some(window) = one_unit_window(tokens, i, text, lower) {
        return Some(window);
    }
    // "a year", "an hour", "one month", "six months", "fifty-year", "half an hour"
    if !unit_ahead(tokens, i, text) {
        return None;
    }
    let (amount, after) = if lower == "half" {
        let skip = usize::from(is(tokens, i + 1, text, "a") || is(tokens, i + 1, text, "an"));
        (0.5, i + 1 + skip)
    } else if let Some(n) = number_at(tokens, i, text).filter(|n| n.value > 0.0) {
        (n.value, n.end)
    } else if ["a", "an", "single", "another"].contains(&lower) {
        (1.0, i + 1)
    } else {
        return None;
    };
    let m = with_unit(tokens, i, after, amount, text)?;
    // "a year ago" / "a day earlier" are dates, found by the time recognizer.
    Some(m)
}

/// How often something recurs, from `i` (`lower` is its word): "every year", "each quarter",
/// "every three weeks", "every other day", "once a week", "every weekday", "every two
/// weekends", "any weekend", "semi-annually". The TIMEX value and the end.
fn recurring(tokens: &[Token], i: usize, text: &str, lower: &str) -> Option<(String, usize)> {
    let word_at = |k: usize| tokens.get(k).map(|t| t.text(text));
    // "semi-annually"
    if lower == "semi" && is(tokens, i + 1, text, "-") && tokens.get(i + 1)?.joined {
        let mut buf = [0u8; 24];
        let set = super::tokens::ascii_lower(word_at(i + 2)?, &mut buf).and_then(set_word)?;
        return (set == "P1Y").then(|| ("P0.5Y".to_string(), i + 3));
    }
    // "once a week", "one a day"
    if matches!(lower, "once" | "one") {
        let a = is(tokens, i + 1, text, "a") || is(tokens, i + 1, text, "an");
        let w = word_at(i + 2)?;
        let u = unit(w).filter(|_| a && !w.ends_with('s'))?;
        return Some((u.timex(1.0), i + 3));
    }
    // "any weekend", "all weekends"
    if matches!(lower, "any" | "all") {
        let w = word_at(i + 1)?;
        let weekend = w.eq_ignore_ascii_case("weekend") || w.eq_ignore_ascii_case("weekends");
        return weekend.then(|| ("P1WE".to_string(), i + 2));
    }
    if !matches!(lower, "every" | "each") {
        return None;
    }
    // "every other day" is every two days.
    let (amount, at) = if is(tokens, i + 1, text, "other") {
        (2.0, i + 2)
    } else {
        match number_at(tokens, i + 1, text).filter(|n| n.value > 0.0 && n.scale == 1.0) {
            Some(n) => (n.value, n.end),
            None => (1.0, i + 1),
        }
    };
    let w = word_at(at)?;
    // "every year", not "every years"; "every two weeks" and "every three week" both.
    let counted = amount != 1.0 || at != i + 1;
    let amount_text = super::numbers::plain(amount);
    let singular = w.strip_suffix('s').unwrap_or(w);
    let days = [("weekday", "WD"), ("weekend", "WE")]
        .into_iter()
        .find(|(name, _)| singular.eq_ignore_ascii_case(name));
    if let Some((_, letters)) = days {
        return Some((format!("P{amount_text}{letters}"), at + 1));
    }
    // "every night" is a part of the day, not a length.
    let u = unit(w)
        .filter(|_| (counted || !w.ends_with('s')) && !singular.eq_ignore_ascii_case("night"))?;
    Some((u.timex(amount), at + 1))
}

/// "several years", "recent years", "many months" → `PXY`, `PXM`.
fn vague(tokens: &[Token], i: usize, text: &str) -> Option<(TimeMention, usize)> {
    let t = tokens.get(i + 1)?;
    let w = t.text(text);
    if !w.ends_with('s') {
        return None;
    }
    let some = unit(w)?;
    mention(
        tokens,
        i,
        i + 2,
        TimeMentionKind::Duration,
        some.raw("X"),
        None,
    )
}

/// A digit amount and its unit: "18 months", "12-year", "90 days".
fn amount_and_unit(tokens: &[Token], i: usize, text: &str) -> Option<(TimeMention, usize)> {
    let n = number_at(tokens, i, text)?;
    if !n.digits || n.value <= 0.0 || n.value > 10_000.0 {
        return None;
    }
    with_unit(tokens, i, n.end, n.value, text).or_else(|| {
        let short = short_unit(tokens.get(n.end)?.text(text))?;
        let (timex, seconds) = (short.timex(n.value), short.seconds * n.value);
        if short.clock {
            return clock_length(tokens, (i, n.end + 1), text, timex, seconds);
        }
        mention(
            tokens,
            i,
            n.end + 1,
            TimeMentionKind::Duration,
            timex,
            Some(seconds),
        )
    })
}

fn with_unit(
    tokens: &[Token],
    first: usize,
    after: usize,
    amount: f64,
    text: &str,
) -> Option<(TimeMention, usize)> {
    let mut k = after;
    // "12-year", "fifty-year"
    if tokens
        .get(k)
        .is_some_and(|t| t.joined && t.text(text) == "-")
    {
        k += 1;
    }
    while tokens
        .get(k)
        .is_some_and(|t| BETWEEN.iter().any(|b| b.eq_ignore_ascii_case(t.text(text))))
    {
        k += 1;
    }
    // "the 5 coming minutes", "13 last minutes": the stretch from now.
    if let Some(sign) = tokens.get(k).and_then(|t| window_direction(t.text(text))) {
        let w = tokens.get(k + 1)?.text(text);
        let per = unit(w).filter(|u| u.clock && amount > 1.0 && w.ends_with('s'))?;
        let seconds = sign * per.seconds * amount;
        let timex = per.timex(amount);
        return mention(
            tokens,
            first,
            k + 2,
            TimeMentionKind::Window,
            timex,
            Some(seconds),
        );
    }
    let w = tokens.get(k)?.text(text);
    let per = unit(w)?;
    // "1 night", "two nights"; "three night markets", "a night trading session", "9.80 dlrs a
    // night" name something else.
    let digit_one = tokens.get(first).is_some_and(|t| t.kind == Kind::Number) && amount == 1.0;
    if w.eq_ignore_ascii_case("night") && !digit_one {
        return None;
    }
    // "a year ago", "two days earlier": dates, not durations; "30 minutes later" a moment.
    let dated = ["ago", "earlier", "later", "before", "after"];
    let later = per.clock && is(tokens, k + 1, text, "later");
    if !later && dated.iter().any(|w| is(tokens, k + 1, text, w)) {
        return None;
    }
    // "an hour and a half", "an hour and half"
    let mut end = k + 1;
    let mut amount = amount;
    if is(tokens, end, text, "and") {
        let a = usize::from(is(tokens, end + 1, text, "a"));
        if is(tokens, end + 1 + a, text, "half") {
            amount += 0.5;
            end += 2 + a;
        }
    }
    let (timex, seconds) = (per.timex(amount), per.seconds * amount);
    if per.clock {
        return clock_length(tokens, (first, end), text, timex, seconds);
    }
    mention(
        tokens,
        first,
        end,
        TimeMentionKind::Duration,
        timex,
        Some(seconds),
    )
}

/// "next hour", "the past hour", "last minute": the one unit shorter than a day from now (`lower`
/// is the word at `i`); not "at the last minute", "a last minute deal".
fn one_unit_window(
    tokens: &[Token],
    i: usize,
    text: &str,
    lower: &str,
) -> Option<(TimeMention, usize)> {
    let sign = window_direction(lower)?;
    let w = tokens.get(i + 1)?.text(text);
    let per = unit(w).filter(|u| u.clock && !w.ends_with('s'))?;
    let idiom = lower == "last"
        && w.eq_ignore_ascii_case("minute")
        && i.checked_sub(1)
            .is_some_and(|b| ["the", "a", "at"].iter().any(|a| is(tokens, b, text, a)));
    if idiom {
        return None;
    }
    let (timex, seconds) = (per.timex(1.0), sign * per.seconds);
    mention(
        tokens,
        i,
        i + 2,
        TimeMentionKind::Window,
        timex,
        Some(seconds),
    )
}

/// A length shorter than a day from token `first` to `end`: a moment or window counted from
/// now when its words say so ([`counted_from_now`]), none when "later" follows it in a clause
/// about the past ("30 minutes later the police arrived"), else a duration.
fn clock_length(
    tokens: &[Token],
    (first, end): (usize, usize),
    text: &str,
    timex: String,
    seconds: f64,
) -> Option<(TimeMention, usize)> {
    match counted_from_now(tokens, first, end, text) {
        Some((kind, first, end)) => mention(tokens, first, end, kind, timex, Some(seconds)),
        None if is(tokens, end, text, "later") => None,
        None => mention(
            tokens,
            first,
            end,
            TimeMentionKind::Duration,
            timex,
            Some(seconds),
        ),
    }
}

/// The sign of a window word between a count and its unit ("the 5 coming minutes", "the 5
/// past minutes") or before a unit ("next hour").
fn window_direction(word: &str) -> Option<f64> {
    let mut buf = [0u8; 24];
    match super::tokens::ascii_lower(word, &mut buf)? {
        "next" | "coming" | "upcoming" => Some(1.0),
        "past" | "last" | "previous" => Some(-1.0),
        _ => None,
    }
}

/// A length shorter than a day, from `first` to `end`, counted from now: "in 5 minutes",
/// "30 minutes later" (a moment, unless the clause tells of something done or under way: "the
/// Dow fell 600 points in thirty minutes"), "3 minutes from now" (a moment), "within 2h" (a
/// window). The kind and the mention's new first and end tokens.
fn counted_from_now(
    tokens: &[Token],
    first: usize,
    end: usize,
    text: &str,
) -> Option<(TimeMentionKind, usize, usize)> {
    if is(tokens, end, text, "from") && is(tokens, end + 1, text, "now") {
        return Some((TimeMentionKind::Offset, first, end + 2));
    }
    // "within 24 hours of a decision", "15 minutes later than", "a half-hour program": from
    // something else, or no time at all.
    let after = |ws: &[&str]| ws.iter().any(|w| is(tokens, end, text, w));
    let hyphened = (first..end).any(|k| is(tokens, k, text, "-"));
    if after(&["of", "after", "before", "from", "than"]) || hyphened {
        return None;
    }
    let before = first.checked_sub(1);
    let lead = |w: &str| before.is_some_and(|b| is(tokens, b, text, w));
    if lead("within") {
        return Some((TimeMentionKind::Window, first - 1, end));
    }
    let later = after(&["later"]) && !is(tokens, end + 1, text, "than");
    if !(later || lead("in")) {
        return None;
    }
    let (start, end) = if later {
        (first, end + 1)
    } else {
        (first - 1, end)
    };
    super::times::may_tell_of_future(tokens, text, (start, end)).then_some((
        TimeMentionKind::Offset,
        start,
        end,
    ))
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    /// The mentions scanned in `text`, each with the words it covers.
    fn mentions(text: &str) -> Vec<(String, TimeMention)> {
        scan(&tokenize(text), text)
            .into_iter()
            .map(|m| (text[m.span.start..m.span.end].to_string(), m))
            .collect()
    }

    fn found(text: &str) -> Vec<(String, String)> {
        mentions(text)
            .into_iter()
            .map(|(words, m)| (words, m.timex))
            .collect()
    }

    #[test]
    fn parts_of_a_day_with_no_day() {
        assert_eq!(
            found("the stock rose in morning trading"),
            [("morning".into(), "TMO".into())]
        );
        assert_eq!(
            found("we left early in the morning"),
            [("early in the morning".into(), "TMO".into())]
        );
        assert_eq!(
            found("they were working in the night-time"),
            [("in the night-time".into(), "TNT".into())]
        );
        assert_eq!(
            found("let's meet before lunch"),
            [("before lunch".into(), "TMEL".into())]
        );
        // A meal with no bound is a meal; a greeting and a name are no times.
        assert!(found("We will have lunch together").is_empty());
        assert!(found("Good night Cortana").is_empty());
        assert!(found("the Evening Standard said").is_empty());
    }

    #[test]
    fn durations_get_timex_values() {
        assert_eq!(
            found("a deal for 18 months"),
            [("18 months".into(), "P18M".into())]
        );
        assert_eq!(
            found("the fifty-year lease"),
            [("fifty-year".into(), "P50Y".into())]
        );
        assert_eq!(
            found("for six straight days"),
            [("six straight days".into(), "P6D".into())]
        );
        assert_eq!(found("over a decade"), [("a decade".into(), "P10Y".into())]);
        assert_eq!(
            found("after thirty minutes"),
            [("thirty minutes".into(), "PT30M".into())]
        );
        assert_eq!(
            found("in the past five trading days"),
            [("the past five trading days".into(), "P5D".into())]
        );
        assert_eq!(
            found("for several years"),
            [("several years".into(), "PXY".into())]
        );
    }

    #[test]
    fn sets_and_references() {
        assert_eq!(
            found("its annual report"),
            [("annual".into(), "P1Y".into())]
        );
        assert_eq!(
            found("meets every week"),
            [("every week".into(), "P1W".into())]
        );
        assert_eq!(
            found("is currently closed"),
            [("currently".into(), "PRESENT_REF".into())]
        );
        assert_eq!(
            found("in the future"),
            [("the future".into(), "FUTURE_REF".into())]
        );
        for (text, span) in [
            ("employs 500 people at present.", "at present"),
            ("is closed at the moment", "at the moment"),
            ("let's go right now", "right now"),
        ] {
            assert_eq!(found(text), [(span.into(), "PRESENT_REF".into())], "{text}");
        }
        // "at" and "right" alone say nothing of the time.
        assert!(found("at the present the right way").is_empty());
    }

    #[test]
    fn recurrences_are_sets() {
        let kinds = |text: &str| -> Vec<(String, String, TimeMentionKind)> {
            mentions(text)
                .into_iter()
                .map(|(words, m)| (words, m.timex, m.kind))
                .collect()
        };
        for (text, span, timex) in [
            ("reviewed every three months", "every three months", "P3M"),
            ("meets every other day", "every other day", "P2D"),
            ("reports each quarter", "each quarter", "P3M"),
            ("pays quarterly", "quarterly", "P3M"),
            ("meets once a week", "once a week", "P1W"),
            ("a semi-annual dividend", "semi-annual", "P0.5Y"),
            ("open every weekday", "every weekday", "P1WD"),
            ("open every two weekends", "every two weekends", "P2WE"),
            ("closed on weekends", "weekends", "P1WE"),
            ("dinner any weekend", "any weekend", "P1WE"),
        ] {
            let found = kinds(text);
            assert_eq!(
                found,
                [(span.to_string(), timex.to_string(), TimeMentionKind::Set)],
                "{text}"
            );
        }
        // A count of units is a duration, not a set; "every one of" no unit at all.
        assert_eq!(kinds("for three months")[0].2, TimeMentionKind::Duration);
        assert!(kinds("every one of them").is_empty());
    }

    fn from_now(text: &str) -> Vec<(String, TimeMentionKind, Option<f64>)> {
        mentions(text)
            .into_iter()
            .map(|(words, m)| (words, m.kind, m.seconds))
            .collect()
    }

    #[test]
    fn lengths_shorter_than_a_day_count_from_now_when_their_words_say_so() {
        use TimeMentionKind::{Duration, Offset, Window};
        let one = |text: &str| from_now(text).into_iter().next();
        let cases: &[(&str, &str, TimeMentionKind, f64)] = &[
            ("I'll be back in 5 minutes", "in 5 minutes", Offset, 300.0),
            ("We meet in half an hour", "in half an hour", Offset, 1800.0),
            (
                "Start 3 minutes from now",
                "3 minutes from now",
                Offset,
                180.0,
            ),
            ("what about 30 min later?", "30 min later", Offset, 1800.0),
            ("I'll be back within 2h", "within 2h", Window, 7200.0),
            ("in the 5 past minutes", "5 past minutes", Window, -300.0),
            ("go back next hour", "next hour", Window, 3600.0),
            ("in the past hour", "past hour", Window, -3600.0),
            // Said of what was done, under way or of something else: lengths.
            (
                "the Dow fell 600 points in thirty minutes",
                "thirty minutes",
                Duration,
                1800.0,
            ),
            (
                "losing a thousand points in thirty minutes",
                "thirty minutes",
                Duration,
                1800.0,
            ),
            (
                "In 12 minutes, the contract dipped",
                "12 minutes",
                Duration,
                720.0,
            ),
            (
                "within 15 minutes of the trade",
                "15 minutes",
                Duration,
                900.0,
            ),
            (
                "an average of one minute in a half-hour program",
                "one minute",
                Duration,
                60.0,
            ),
        ];
        for &(text, span, kind, seconds) in cases {
            assert_eq!(
                one(text),
                Some((span.to_string(), kind, Some(seconds))),
                "{text}"
            );
        }
        // Said of a narrated moment, an idiom or a comparison: no moment from now.
        let none_from_now = |text: &str| {
            from_now(text)
                .iter()
                .all(|m| ![Offset, Window].contains(&m.1))
        };
        assert!(none_from_now("30 minutes later the police arrived"));
        assert!(none_from_now("a deal struck at the last minute"));
        assert!(none_from_now("sessions start 15 minutes later than Kobe's"));
    }

    #[test]
    fn fixed_lengths_of_one_unit_in_seconds() {
        assert_eq!(fixed_seconds("P3W"), Some(1_814_400.0));
        assert_eq!(fixed_seconds("PT3M"), Some(180.0));
        assert_eq!(fixed_seconds("PT1.5H"), Some(5400.0));
        assert_eq!(fixed_seconds("P3M"), None);
        assert_eq!(fixed_seconds("PXD"), None);
    }

    #[test]
    fn nights_another_and_a_few_are_lengths() {
        assert_eq!(
            found("for two nights"),
            [("two nights".into(), "P2D".into())]
        );
        assert_eq!(found("for 1 night"), [("1 night".into(), "P1D".into())]);
        assert_eq!(
            found("for another day"),
            [("another day".into(), "P1D".into())]
        );
        assert_eq!(
            found("in a few minutes"),
            [("a few minutes".into(), "PTXM".into())]
        );
        for text in [
            "three night markets",
            "a night trading session",
            "every night",
        ] {
            assert!(found(text).iter().all(|(_, t)| t != "P1D"), "{text}");
        }
    }

    #[test]
    fn dates_and_counts_are_not_durations() {
        assert!(found("two years ago").is_empty());
        assert!(found("a day earlier").is_empty());
        assert!(found("12 firms and 3 banks").is_empty());
    }

    #[test]
    fn halves_wholes_and_abbreviations() {
        assert_eq!(
            found("wait half an hour"),
            [("half an hour".into(), "PT0.5H".into())]
        );
        assert_eq!(
            found("an hour and a half"),
            [("an hour and a half".into(), "PT1.5H".into())]
        );
        assert_eq!(found("open all year"), [("all year".into(), "P1Y".into())]);
        assert_eq!(found("for 3 hrs"), [("3 hrs".into(), "PT3H".into())]);
        assert_eq!(
            found("for a fortnight"),
            [("a fortnight".into(), "P2W".into())]
        );
        // Abbreviations only after digits: "h" alone is no hour.
        assert!(found("plan h was dropped").is_empty());
    }

    #[test]
    fn fixed_durations_have_seconds() {
        let text = "lasted 3 hours";
        let m = scan(&tokenize(text), text);
        assert_eq!(m.first().and_then(|m| m.seconds), Some(10_800.0));
        let text = "over a decade";
        let m = scan(&tokenize(text), text);
        assert_eq!(m.first().and_then(|m| m.seconds), Some(3650.0 * 86_400.0));
    }
}
