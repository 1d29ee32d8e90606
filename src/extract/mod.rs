//! Extract: joins a document's quantities, entities and times into claims.
//!
//! Per sentence: each quantity whose unit fits an indicator announced in the same sentence
//! (the nearest trigger, or the noun it counts) becomes a claim, with the countries involved,
//! the direction of a flow, the period it refers to and its modality. A pure function of one
//! document's analysis.

pub mod events;
pub mod ontology;
pub mod product;

use crate::model::{
    Analysis, Claim, ClaimTime, Entity, EntityKind, MentionForm, Modality, Quantity, Sentence, Span,
};
use jiff::civil::Date;
use ontology::{unit_kind, Flow, Indicator, Ontology, Trigger};
use regex::Regex;
use std::collections::BTreeSet;
use std::sync::LazyLock;

/// How far (bytes) a trigger may be from its quantity.
const MAX_TRIGGER_DISTANCE: usize = 160;

fn re(pattern: &str) -> Regex {
    Regex::new(pattern).unwrap_or_else(|e| panic!("built-in pattern {pattern:?} is invalid: {e}"))
}

static TARGET_CUES: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(targets?|targeted|targeting|goals?|aims?|aimed|aiming|ambitions?|ambitious|objectives?|seeks? to|sought to|wants? to|wanted to|hopes? to|hoped to|strives?|set out to|vowed to)\b",
    )
});
static FORECAST_CUES: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(expects?|expected|expecting|forecasts?|forecasted|projected|projections?|predicts?|predicted|likely|(?:could|may|might|should|would) reach|is set to reach|are set to reach|estimated to reach|outlook|anticipates?|anticipated|on track to)\b",
    )
});
/// A modal before a verb of change ("could increase to", "may fall to"): a forecast of the
/// figure after it only; the figure before it is what the change starts from.
static CHANGE_FORECAST_CUES: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:could|may|might|should|would) (?:rise|increase|grow|climb|jump|surge|soar|expand|recover|rebound|double|triple|top|exceed|fall|drop|decline|slip|ease|shrink|contract)\b",
    )
});
static PLAN_CUES: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(plans?|planned|planning|will invest|would invest|would spend|would build|to invest|pledged?|pledges|commit(s|ted)?|intends?|intended|earmark(s|ed)?|allocate[sd]?|will build|will provide|will spend|to spend|propose[sd]?|agreed to|set aside|is to|are to|will open|announced)\b",
    )
});
static PRESENT_TENSE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(is|are|stands at|stand at|amounts to|amount to|totals|currently|now|presently|as things stand|to date)\b",
    )
});
pub(crate) static BILATERAL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?-u:\b)(the two countries|both countries|both sides|the two sides|the two nations|both nations|the two economies|the two governments|both governments|the two leaders|bilateral|two-way|their trade|mutual trade|trade between them)(?-u:\b)",
    )
});

/// Extracts the claims of one analysed document.
pub fn claims(
    text: &str,
    analysis: &Analysis,
    published: Option<Date>,
    ontology: &Ontology,
) -> Vec<Claim> {
    let pair = main_pair(&analysis.entities);
    let mut out = Vec::new();
    for sentence in &analysis.sentences {
        sentence_claims(
            text,
            analysis,
            *sentence,
            published,
            ontology,
            pair.as_ref(),
            &mut out,
        );
    }
    out
}

/// The two countries the article is most about (mention counts, names over demonyms).
pub fn main_pair(entities: &[Entity]) -> Option<(String, String)> {
    let mut counts: Vec<(String, f64)> = Vec::new();
    for e in entities.iter().filter(|e| e.kind == EntityKind::Country) {
        let weight = match e.form {
            MentionForm::Capital => 0.5,
            _ => 1.0,
        };
        match counts.iter_mut().find(|(id, _)| *id == e.id) {
            Some((_, c)) => *c += weight,
            None => counts.push((e.id.clone(), weight)),
        }
    }
    counts.sort_by(|a, b| b.1.total_cmp(&a.1));
    match counts.as_slice() {
        [a, b, ..] => Some((a.0.clone(), b.0.clone())),
        _ => None,
    }
}

fn inside<'a, T>(
    items: &'a [T],
    span: Span,
    of: impl Fn(&T) -> Span + 'a,
) -> impl Iterator<Item = &'a T> + 'a {
    items.iter().filter(move |x| span.contains(of(x)))
}

#[allow(clippy::too_many_arguments)]
fn sentence_claims(
    text: &str,
    analysis: &Analysis,
    sentence: Sentence,
    published: Option<Date>,
    ontology: &Ontology,
    pair: Option<&(String, String)>,
    out: &mut Vec<Claim>,
) {
    let span = sentence.span;
    if !analysis.quantities.iter().any(|q| span.contains(q.span)) {
        return;
    }
    let entities: Vec<&Entity> = inside(&analysis.entities, span, |e| e.span).collect();
    // "Shell Transport and Trading", "Export-Import Bank": a trigger inside a name is a name.
    let triggers: Vec<Trigger> = ontology
        .triggers(text, span.start, span.end)
        .into_iter()
        .filter(|t| {
            !entities
                .iter()
                .any(|e| e.kind == EntityKind::Org && e.span.overlaps(Span::new(t.start, t.end)))
        })
        .collect();
    if triggers.is_empty() {
        return;
    }
    let countries: Vec<&Entity> = entities
        .iter()
        .filter(|e| e.kind == EntityKind::Country)
        .copied()
        .collect();
    let names: Vec<Span> = entities.iter().map(|e| e.span).collect();
    let breaks = clause_breaks(text, span);
    let cues = modality_cues(text, span);
    for q in inside(&analysis.quantities, span, |q| q.span) {
        if is_rate(text, q.span.end)
            || is_price_sized(q)
            || is_actor_count(q)
            || is_balance_sheet_item(text, span, q.span)
        {
            continue;
        }
        // Two statements joined in one sentence ("…, while Polish exports to Vietnam …"):
        // the trigger and the countries of the quantity's own clause come first.
        let own_clause = clause(span, &breaks, q.span);
        let in_scope: Vec<Trigger> = triggers
            .iter()
            .filter(|t| own_clause.contains(Span::new(t.start, t.end)))
            .copied()
            .collect();
        let Some((indicator, trigger)) = choose_indicator(text, ontology, &in_scope, q)
            .or_else(|| choose_indicator(text, ontology, &triggers, q))
        else {
            continue;
        };
        let scoped: Vec<&Entity> = countries
            .iter()
            .filter(|e| own_clause.contains(e.span))
            .copied()
            .collect();
        let (scope, who) = if scoped.is_empty() {
            (span, &countries)
        } else {
            (own_clause, &scoped)
        };
        let ind = &ontology.indicators[indicator];
        let mut value = q.clone();
        if value.unit.is_none() {
            value.unit = Some("count".into());
            value.concept = ind.concepts.first().cloned();
        }
        let time = claim_time(text, analysis, span, q, published);
        let deadline = time.as_ref().is_some_and(|(_, d)| *d);
        let modality = match modality(&cues, own_clause, q.span, deadline) {
            // A target changed "from €150 billion to €180 billion" starts from the old target.
            Modality::Forecast | Modality::Plan if is_change_base(text, own_clause, q.span) => {
                Modality::Actual
            }
            m => m,
        };
        // "Foreign direct investment in the United States": the other side is everyone, not
        // the article's other country.
        let pair =
            pair.filter(|_| ind.flow == Flow::None || !with_the_world(text, span, trigger, q.span));
        let (mut subjects, from, to) = participants(text, scope, who, trigger, ind, pair);
        if ind.key == "trade_balance" && !BILATERAL.is_match(&text[span.start..span.end]) {
            let next = inside(&analysis.quantities, span, |q| q.span)
                .map(|n| n.span.start)
                .find(|&start| start >= q.span.end)
                .unwrap_or(scope.end)
                .min(scope.end);
            if let Some(parties) =
                trigger.and_then(|t| balance_parties(text, scope, who, t, q.span, next))
            {
                subjects = parties;
            }
        }
        out.push(Claim {
            indicator: ind.key.clone(),
            product: trigger
                .and_then(|t| product::product(text, span, &t, &ind.key, &names))
                .or_else(|| product::product_after_figure(text, q.span.end, span, &ind.key)),
            subjects,
            from,
            to,
            value,
            time: time.map(|(t, _)| t),
            modality,
            sentence: span,
        });
    }
}

/// Words before a flow that make its other side the world at large ("foreign investment",
/// "total exports", "overseas sales").
const WORLD_BEFORE: &[&str] = &[
    "foreign",
    "overseas",
    "total",
    "global",
    "worldwide",
    "overall",
];

/// Whether a flow is said to go to or come from the world at large: a [`WORLD_BEFORE`] word
/// in its trigger or among the three words right before it, no punctuation between ("Total West
/// German exports", "foreign direct investment"; not "a total 55 mln stg", "foreign currency
/// loans"), or "worldwide" or "globally" right after the figure ("50 investors worldwide").
fn with_the_world(text: &str, sentence: Span, trigger: Option<Trigger>, figure: Span) -> bool {
    let bare = |w: &str| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_ascii_lowercase()
    };
    // The trigger's own words count ("foreign direct investment" is one trigger).
    let (start, end) = trigger.map_or((figure.start, figure.start), |t| (t.start, t.end));
    let own = text
        .get(start..end)
        .unwrap_or("")
        .split_whitespace()
        .count();
    // Nearest first.
    let before: Vec<String> = text
        .get(sentence.start..end)
        .unwrap_or("")
        .split_whitespace()
        .rev()
        .take_while(|w| !w.ends_with([',', ';', ':', '.']))
        .take(own + 3)
        .map(bare)
        .collect();
    let said_before = before.iter().enumerate().any(|(k, w)| {
        let next = k.checked_sub(1).map(|j| before[j].as_str());
        let previous = before.get(k + 1).map(String::as_str);
        WORLD_BEFORE.contains(&w.as_str())
            && !(w == "total" && previous == Some("a"))
            && !(w == "foreign" && matches!(next, Some("currency" | "exchange")))
    });
    let said_after = text
        .get(figure.end..sentence.end)
        .unwrap_or("")
        .split_whitespace()
        .take(2)
        .any(|w| matches!(bare(w).as_str(), "worldwide" | "globally"));
    said_before || said_after
}

/// The indicator a quantity states: the noun it counts, else the nearest trigger whose
/// indicator accepts the quantity's unit.
fn choose_indicator(
    text: &str,
    ontology: &Ontology,
    triggers: &[Trigger],
    q: &Quantity,
) -> Option<(usize, Option<Trigger>)> {
    let kind = unit_kind(q.unit.as_deref());
    if let Some(concept) = q.concept.as_deref() {
        if let Some(i) = ontology.indicator_for_concept(concept) {
            let trig = triggers.iter().find(|t| t.indicator == i).copied();
            return Some((i, trig));
        }
    }
    let accepts = |t: &Trigger| {
        let units = &ontology.indicators[t.indicator].units;
        let counts_only = units.iter().all(|u| u == "count");
        match kind {
            // "Four congressional panels … U.S. companies": a count of something else is
            // not a count of the indicator's nouns (those were matched above).
            Some("count") if q.concept.is_some() && counts_only => false,
            // "imports of 22 agricultural products": how many kinds, not how much.
            Some("count") if q.concept.as_deref().is_some_and(is_kinds_noun) => false,
            Some(k) => units.iter().any(|u| u == k),
            // A bare number counts only for indicators of counts alone, and only the noun
            // a few words after it ("8,328 large and small firms").
            None => counts_only && counts_noun_after(text, q, t),
        }
    };
    triggers
        .iter()
        .filter(|t| accepts(t) && !q.span.overlaps(Span::new(t.start, t.end)))
        .map(|t| (distance(t, q.span), t))
        .filter(|(d, _)| *d <= MAX_TRIGGER_DISTANCE)
        .min_by_key(|(d, _)| *d)
        .map(|(_, t)| (t.indicator, Some(*t)))
}

static RATE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\s*(-\s*)?(a|an|per|/)\s*(share|shr|tonne|ton|barrel|bbl|ounce|oz|kilo|kg|bag|bushel|arroba|unit|head|capita|hour|day|month|year|person|litre|liter|gallon|mwh|kwh)\b",
    )
});

/// True when the quantity is a rate ("20 cts a share", "$60 per barrel"), not a total.
fn is_rate(text: &str, end: usize) -> bool {
    let mut stop = text.len().min(end + 24);
    while !text.is_char_boundary(stop) {
        stop -= 1;
    }
    let after = &text[end..stop];
    RATE.find(after).is_some_and(|m| {
        // "€63.2 billion a year earlier" is a time, not a rate.
        let rest = after[m.end()..].trim_start().to_ascii_lowercase();
        !["earlier", "ago", "before", "later"]
            .iter()
            .any(|w| rest.starts_with(w))
    })
}

/// Below this many currency units a sum of money is a price, not a total.
const SMALLEST_TOTAL: f64 = 1000.0;

/// True for a sum of money too small to be a total: "1.38 dlrs" a share, "142.20 yen" to
/// the dollar, "shares traded at 12.75 dlrs". Every money indicator (trade, investment,
/// revenue, aid…) is a total, and no total worth a ledger line is under a thousand units.
fn is_price_sized(q: &Quantity) -> bool {
    unit_kind(q.unit.as_deref()) == Some("money") && q.amount.abs() < SMALLEST_TOTAL
}

/// Words of approximation skipped between a figure and the word that names it ("assets of
/// about …", "up from some …").
const APPROXIMATIONS: &[&str] = &["about", "around", "some", "nearly", "almost"];

/// What an institution holds or owes: a figure named by one of these is a balance sheet
/// item, not a flow in the year ("its assets of 90.2 billion dlrs", "2 billion in
/// deposits").
const BALANCE_SHEET_NOUNS: &[&str] = &[
    "assets",
    "reserves",
    "debts",
    "debt",
    "liabilities",
    "deposits",
    "holdings",
    "savings",
];

/// Whether the figure at `figure` is named by a [`BALANCE_SHEET_NOUNS`] noun right before it
/// ("assets of", "reserves of about") or right after it ("in deposits", not "in debt
/// financing").
fn is_balance_sheet_item(text: &str, sentence: Span, figure: Span) -> bool {
    let noun = |w: Option<&str>| {
        w.is_some_and(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            BALANCE_SHEET_NOUNS
                .iter()
                .any(|n| n.eq_ignore_ascii_case(w))
        })
    };
    let mut before = text
        .get(sentence.start..figure.start)
        .unwrap_or("")
        .split_whitespace()
        .rev()
        .skip_while(|w| APPROXIMATIONS.contains(w));
    let named_before =
        before.next().is_some_and(|w| w.eq_ignore_ascii_case("of")) && noun(before.next());
    let mut after = text
        .get(figure.end..sentence.end)
        .unwrap_or("")
        .split_whitespace();
    // "200 mln dlrs in debt financing" is raised, not held.
    let named_after = after.next().is_some_and(|w| w.eq_ignore_ascii_case("in"))
        && noun(after.next())
        && !after.next().is_some_and(|w| {
            w.trim_end_matches(['.', ',', ';'])
                .eq_ignore_ascii_case("financing")
        });
    named_before || named_after
}

/// Most words between a bare whole number and the noun it counts.
const MAX_COUNT_MODIFIERS: usize = 3;

/// Whether the bare number `q` counts the trigger `t` written after it, with at most a few
/// plain words between: "34 deposit-taking companies", not "closed at 398.72" after "355
/// listed firms", nor "11 oil tankers over to U.S. firms".
fn counts_noun_after(text: &str, q: &Quantity, t: &Trigger) -> bool {
    let Some(gap) = text.get(q.span.end..t.start) else {
        return false;
    };
    // "24-month contracts", "36-day repurchase agreements": a number joined to a unit of
    // time measures the noun, it does not count it ("a 30-member staff" does).
    let term = gap.strip_prefix('-').is_some_and(|rest| {
        let unit = rest
            .split(|c: char| !c.is_ascii_alphabetic())
            .next()
            .unwrap_or("");
        ["day", "week", "month", "year", "hour", "minute"]
            .contains(&unit.to_ascii_lowercase().as_str())
    });
    q.amount.fract() == 0.0
        && t.start >= q.span.end
        && !term
        && !gap.contains(|c: char| c.is_ascii_digit() || matches!(c, ',' | '.' | ';' | ':'))
        && gap.split_whitespace().count() <= MAX_COUNT_MODIFIERS
}

/// Nouns that count kinds or parties rather than goods: "22 agricultural products", "12
/// countries" are never a volume of trade or output.
const KINDS_NOUNS: &[&str] = &[
    "products",
    "items",
    "goods",
    "categories",
    "lines",
    "countries",
    "nations",
    "markets",
    "sectors",
    "types",
    "kinds",
];

fn is_kinds_noun(noun: &str) -> bool {
    KINDS_NOUNS.iter().any(|k| k.eq_ignore_ascii_case(noun))
}

/// Counts below this are the sentence's actors, not a figure.
const SMALLEST_COUNT: f64 = 3.0;

/// True for "two companies", "one firm": a count of one or two names who acted ("two
/// Japanese companies plan to…"), not a number a ledger tracks over time.
fn is_actor_count(q: &Quantity) -> bool {
    q.concept.is_some() && q.unit.as_deref() == Some("count") && q.amount < SMALLEST_COUNT
}

/// Distance from a trigger to a quantity; triggers after the quantity count half again.
fn distance(t: &Trigger, q: Span) -> usize {
    if t.end <= q.start {
        q.start - t.end
    } else {
        (t.start.saturating_sub(q.end)) * 3 / 2
    }
}

/// The time a quantity refers to: the nearest time expression in its sentence, else the
/// publication date for present-tense statements. The flag tells a deadline ("by 2030"); one
/// over by publication is a stock reached, not a target ("had 50,000 investors by
/// end-March" in June).
fn claim_time(
    text: &str,
    analysis: &Analysis,
    sentence: Span,
    q: &Quantity,
    published: Option<Date>,
) -> Option<(ClaimTime, bool)> {
    let nearest = inside(&analysis.times, sentence, |t| t.span)
        .filter(|t| !t.span.overlaps(q.span) && !is_comparison_base(text, q.span, t.span))
        .min_by_key(|t| {
            if t.span.start >= q.span.end {
                t.span.start - q.span.end
            } else {
                (q.span.start - t.span.end) * 3 / 2
            }
        });
    if let Some(t) = nearest {
        return Some((
            ClaimTime {
                start: t.start,
                end: t.end,
                span: Some(t.span),
            },
            t.deadline && published.is_none_or(|p| t.end >= p),
        ));
    }
    let p = published?;
    PRESENT_TENSE
        .is_match(&text[sentence.start..sentence.end])
        .then_some((
            ClaimTime {
                start: p,
                end: p,
                span: None,
            },
            false,
        ))
}

static COMPARISON: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\b(from|than|against|versus|compared)\b"));

/// True when a time after the quantity dates the figure it is compared with ("30 billion,
/// up 4.5 pct from 1985"; "up from 12 billion in 1980"), not the quantity itself.
fn is_comparison_base(text: &str, q: Span, t: Span) -> bool {
    t.start >= q.end
        && text
            .get(q.end..t.start)
            .is_some_and(|between| COMPARISON.is_match(between))
}

/// Whether a figure is what a change starts from ("should exceed 1.4 billion, up from 1.27
/// billion", "would increase output to 264 mln from 165 mln now"): what is or was, whatever
/// the clause forecasts or plans.
fn is_change_base(text: &str, clause: Span, q: Span) -> bool {
    let before = text.get(clause.start.min(q.start)..q.start).unwrap_or("");
    let mut words = before
        .split_whitespace()
        .rev()
        .skip_while(|w| APPROXIMATIONS.contains(w));
    // "forecasts range from 20 billion to 30 billion": the low end of a range.
    let ranges = |w: &str| w.to_ascii_lowercase().starts_with("rang");
    words.next().is_some_and(|w| w.eq_ignore_ascii_case("from"))
        && !words.next().is_some_and(ranges)
}

static CLAUSE_BREAK: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)(;|,\s*(after|while|whereas|but|although|though|because)\b|\b(whereas|although)\b)")
});

/// The clause breaks of a sentence (";", ", while", "although"…), as text spans; found once
/// per sentence, used for each of its quantities.
fn clause_breaks(text: &str, sentence: Span) -> Vec<Span> {
    let s = &text[sentence.start..sentence.end];
    // "although", "though", "whereas" without a comma: rare, so checked only when needed.
    let bare_conjunction = || {
        s.as_bytes()
            .windows(5)
            .any(|w| w.eq_ignore_ascii_case(b"hough") || w.eq_ignore_ascii_case(b"herea"))
    };
    if !s.contains([';', ',']) && !bare_conjunction() {
        return Vec::new();
    }
    CLAUSE_BREAK
        .find_iter(s)
        .map(|m| Span::new(sentence.start + m.start(), sentence.start + m.end()))
        .collect()
}

/// The part of a sentence a quantity's clause occupies: from the last clause break before it
/// ("…, after trade reached …") to the first after it.
fn clause(sentence: Span, breaks: &[Span], q: Span) -> Span {
    let mut start = sentence.start;
    let mut end = sentence.end;
    for b in breaks {
        if b.end <= q.start {
            start = b.end;
        } else if b.start >= q.end {
            end = end.min(b.start);
        }
    }
    Span::new(start, end)
}

/// The modality cues of a sentence ("aims to", "expected", "plans"), found once per
/// sentence, in the order [`modality`] weighs them: targets, forecasts, plans.
fn modality_cues(text: &str, sentence: Span) -> Vec<Cue> {
    let s = &text[sentence.start..sentence.end];
    let mut cues = Vec::new();
    for (pattern, modality, before_only) in [
        (&*TARGET_CUES, Modality::Target, false),
        (&*FORECAST_CUES, Modality::Forecast, false),
        (&*CHANGE_FORECAST_CUES, Modality::Forecast, true),
        (&*PLAN_CUES, Modality::Plan, false),
    ] {
        cues.extend(
            pattern
                .find_iter(s)
                .filter(|m| !is_report_of_fact(m.as_str(), &s[m.end()..]))
                .map(|m| Cue {
                    span: Span::new(sentence.start + m.start(), sentence.start + m.end()),
                    modality,
                    before_only,
                }),
        );
    }
    cues
}

/// A word or phrase that sets the modality of the figures in its clause.
#[derive(Debug, Clone, Copy)]
struct Cue {
    span: Span,
    modality: Modality,
    /// Whether it applies only to figures after it.
    before_only: bool,
}

/// "announced that exports reached …" reports a fact; "announced a €2 billion plant" a plan.
fn is_report_of_fact(cue: &str, after: &str) -> bool {
    cue.eq_ignore_ascii_case("announced") && after.trim_start().starts_with("that ")
}

/// Modality from the cue nearest before the quantity in its clause (else the first after
/// it); a deadline ("by 2030") with no cue makes a target.
fn modality(cues: &[Cue], clause: Span, q: Span, deadline: bool) -> Modality {
    let mut best: Option<(usize, Modality)> = None;
    for c in cues.iter().filter(|c| clause.contains(c.span)) {
        let (cue, modality) = (c.span, c.modality);
        let d = if cue.end <= q.start {
            q.start - cue.end
        } else if c.before_only {
            continue;
        } else {
            10_000 + cue.start - clause.start
        };
        if best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, modality));
        }
    }
    match best {
        Some((_, m)) => m,
        None if deadline => Modality::Target,
        None => Modality::Actual,
    }
}

/// The role a country mention plays, from the word before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Origin,
    Destination,
    Partner,
    Subject,
    Other,
}

/// The word before a mention within `span`, lower-cased, "the" skipped ("with the U.S." →
/// "with").
fn word_before(text: &str, span: Span, e: &Entity) -> Option<String> {
    let before = &text[span.start..e.span.start];
    let mut words = before
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .rev();
    let mut prev = words.next().map(str::to_ascii_lowercase);
    if prev.as_deref() == Some("the") {
        prev = words.next().map(str::to_ascii_lowercase);
    }
    prev
}

fn role(text: &str, sentence: Span, e: &Entity, trigger_start: usize) -> Role {
    let after_trigger = e.span.start >= trigger_start;
    match word_before(text, sentence, e).as_deref() {
        Some("from" | "by") => Role::Origin,
        Some("to" | "into" | "towards") => Role::Destination,
        Some("in" | "for" | "at") if after_trigger => Role::Destination,
        Some("in" | "for" | "at") => Role::Other,
        Some("with" | "and" | "between") => Role::Partner,
        _ if e.span.end <= trigger_start => Role::Subject,
        _ => Role::Other,
    }
}

/// Whose trade balance a figure is: the country named before the trigger ("Japan's
/// surplus", "the U.S. trade deficit") and the partner after "with" in the figure's own phrase,
/// which runs from the trigger or the figure to the next figure ("a 7.1 billion surplus with
/// the U.S. and a 5.5 billion deficit with Japan"). A partner before the figure is preferred
/// ("its surplus with the U.S. was 51.5 billion and with the EC 16.7 billion"). None when
/// neither is named, so the sentence's countries stand.
fn balance_parties(
    text: &str,
    clause: Span,
    countries: &[&Entity],
    trigger: Trigger,
    q: Span,
    next_figure: usize,
) -> Option<Vec<String>> {
    let phrase = Span::new(
        trigger.start.min(q.start),
        trigger.end.max(q.end).max(next_figure),
    );
    // "with Japan"; not "and Japan", which is more often a second owner or another subject.
    let is_partner = |e: &&&Entity| word_before(text, clause, e).as_deref() == Some("with");
    let partners = || {
        countries
            .iter()
            .filter(|e| phrase.contains(e.span) && !e.span.overlaps(q))
            .filter(is_partner)
    };
    // A partner after the figure is in its phrase only with no comma between: "169.8 billion
    // dlrs, with Japan making up a third" names a share, not the partner.
    let unbroken = |e: &&&Entity| !text[q.end..e.span.start].contains([',', ';']);
    let partner = partners()
        .rfind(|e| e.span.end <= q.start)
        .or_else(|| partners().find(|e| e.span.start >= q.end && unbroken(e)));
    let owner = countries
        .iter()
        .rfind(|e| e.span.end <= trigger.start && !is_partner(e));
    if partner.is_none() && owner.is_none() {
        return None;
    }
    let mut ids: Vec<String> = owner
        .into_iter()
        .chain(partner)
        .map(|e| e.id.clone())
        .collect();
    ids.sort();
    ids.dedup();
    Some(ids)
}

/// Subjects (sorted ids), and the origin and destination of a flow.
fn participants(
    text: &str,
    sentence: Span,
    countries: &[&Entity],
    trigger: Option<Trigger>,
    indicator: &Indicator,
    pair: Option<&(String, String)>,
) -> (Vec<String>, Option<String>, Option<String>) {
    let flow = indicator.flow;
    let mut subjects: BTreeSet<String> = countries.iter().map(|e| e.id.clone()).collect();
    let s = &text[sentence.start..sentence.end];
    if let Some((a, b)) = pair {
        let bilateral = BILATERAL.is_match(s);
        let trade_with_one = indicator.key == "trade_volume"
            && subjects.len() == 1
            && (subjects.contains(a) || subjects.contains(b));
        if bilateral || trade_with_one {
            subjects.insert(a.clone());
            subjects.insert(b.clone());
        }
    }
    if flow == Flow::None {
        return (subjects.into_iter().collect(), None, None);
    }
    let trigger_start = trigger.map_or(sentence.end, |t| t.start);
    let roles: Vec<(Role, &str)> = countries
        .iter()
        .map(|e| (role(text, sentence, e, trigger_start), e.id.as_str()))
        .collect();
    let first = |wanted: &[Role]| {
        roles
            .iter()
            .find(|(r, _)| wanted.contains(r))
            .map(|(_, id)| id.to_string())
    };
    let (mut from, mut to) = match flow {
        Flow::Destination => (
            first(&[Role::Origin]),
            first(&[Role::Subject, Role::Destination]),
        ),
        _ => (
            first(&[Role::Origin, Role::Subject]),
            first(&[Role::Destination]),
        ),
    };
    if to.is_none() {
        // "tourists visited Chile": a country right after the trigger's verb is where it goes
        // (a few words on, no comma between; not "invested, 334,000 billion yen, was about
        // Japan's GNP").
        let trigger_end = trigger.map_or(sentence.end, |t| t.end);
        let right_after = |e: &Entity| {
            text.get(trigger_end..e.span.start).is_some_and(|between| {
                !between.contains(',') && between.split_whitespace().count() <= 3
            })
        };
        to = roles
            .iter()
            .zip(countries)
            .find(|((r, id), e)| {
                *r == Role::Other && right_after(e) && from.as_deref() != Some(*id)
            })
            .map(|((_, id), _)| id.to_string());
    }
    if from.is_some() && from == to {
        to = None;
    }
    // One country named as where a flow comes from or goes to (not one that only owns
    // something else in the sentence: "the amount invested was about Japan's GNP"), the
    // article's pair known: the other side is the pair's other member ("exports to Germany"
    // in a Czech–German story), also when that member's capital is named in no role
    // ("imports from Germany …, leaving Prague with a surplus"). Not for counts: "five
    // Japanese companies", "Australia's 101 brokerage firms" are mostly at home.
    let counts_only = indicator.units.iter().all(|u| u == "count");
    if let Some((a, b)) = pair.filter(|_| !counts_only) {
        let other = |x: &str| {
            if x == a {
                Some(b.clone())
            } else if x == b {
                Some(a.clone())
            } else {
                None
            }
        };
        let by_name = |x: &str| {
            let (own, rest): (Vec<_>, Vec<_>) = roles
                .iter()
                .zip(countries)
                .partition(|((_, id), _)| *id == x);
            let once_in_a_flow = matches!(
                own.as_slice(),
                [((Role::Origin | Role::Destination | Role::Subject, _), _)]
            );
            let rest_is_the_other = match rest.as_slice() {
                [] => true,
                [((Role::Other, id), e)] => {
                    e.form == MentionForm::Capital && other(x).as_deref() == Some(*id)
                }
                _ => false,
            };
            once_in_a_flow && rest_is_the_other
        };
        match (&from, &to) {
            (Some(f), None) if by_name(f) => to = other(f),
            (None, Some(t)) if by_name(t) => from = other(t),
            _ => {}
        }
        subjects.extend(from.iter().cloned().chain(to.iter().cloned()));
    }
    (subjects.into_iter().collect(), from, to)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::analyze;

    fn extract(text: &str, published: &str) -> Vec<Claim> {
        let p: Date = published.parse().unwrap_or_else(|e| panic!("{e}"));
        let o = Ontology::default_ontology().unwrap_or_else(|e| panic!("{e}"));
        let a = analyze(text, Some(p));
        claims(text, &a, Some(p), &o)
    }

    fn only(text: &str, published: &str) -> Claim {
        let c = extract(text, published);
        assert_eq!(c.len(), 1, "expected one claim in {text:?}: {c:#?}");
        c.into_iter().next().unwrap_or_else(|| unreachable!())
    }

    #[test]
    fn exports_with_direction_bound_and_year() {
        let c = only(
            "Czech exports to Germany topped €48.6 billion in 2023.",
            "2024-02-01",
        );
        assert_eq!(c.indicator, "exports");
        assert_eq!(c.subjects, ["CZ", "DE"]);
        assert_eq!(
            (c.from.as_deref(), c.to.as_deref()),
            (Some("CZ"), Some("DE"))
        );
        assert_eq!(
            (c.value.amount, c.value.bound),
            (4.86e10, crate::model::Bound::Lower)
        );
        let t = c.time.expect("time");
        assert_eq!(
            (t.start.to_string(), t.end.to_string()),
            ("2023-01-01".into(), "2023-12-31".into())
        );
        assert_eq!(c.modality, Modality::Actual);
    }

    #[test]
    fn bilateral_trade_last_year_takes_the_main_pair() {
        let text = "Poland and Vietnam met in Hanoi. Polish officials praised Vietnam. The two economies traded some 160 billion euros last year.";
        let c = extract(text, "2023-05-10");
        let trade = c
            .iter()
            .find(|c| c.indicator == "trade_volume")
            .expect("trade claim");
        assert_eq!(trade.subjects, ["PL", "VN"]);
        assert_eq!(trade.value.bound, crate::model::Bound::Approx);
        assert_eq!(
            trade.time.as_ref().map(|t| t.start.to_string()),
            Some("2022-01-01".into())
        );
    }

    #[test]
    fn a_deadline_over_by_publication_is_a_stock_reached() {
        let text = "Trade between Poland and Japan reached 5 billion dlrs by end-March 1987.";
        assert_eq!(only(text, "1987-06-01").modality, Modality::Actual);
        assert_eq!(only(text, "1987-01-10").modality, Modality::Target);
    }

    #[test]
    fn goal_by_a_year_is_a_target() {
        let c = only(
            "Chile and India aim to raise bilateral trade to $30 billion by 2030.",
            "2024-01-10",
        );
        assert_eq!(
            (c.indicator.as_str(), c.modality),
            ("trade_volume", Modality::Target)
        );
        assert_eq!(
            c.time.map(|t| t.start.to_string()),
            Some("2030-01-01".into())
        );
    }

    #[test]
    fn announced_investment_is_a_plan_with_investor_and_host() {
        let c = only(
            "Polish firms plan to invest $500 million in Vietnam.",
            "2024-01-10",
        );
        assert_eq!(
            (c.indicator.as_str(), c.modality),
            ("investment", Modality::Plan)
        );
        assert_eq!(
            (c.from.as_deref(), c.to.as_deref()),
            (Some("PL"), Some("VN"))
        );
    }

    #[test]
    fn students_count_with_home_and_host() {
        let c = only(
            "There are now more than 4,000 Indian students in Poland.",
            "2024-01-10",
        );
        assert_eq!(c.indicator, "student_count");
        assert_eq!(
            (c.from.as_deref(), c.to.as_deref()),
            (Some("IN"), Some("PL"))
        );
        assert_eq!(c.value.concept.as_deref(), Some("students"));
        assert_eq!(
            c.time.map(|t| t.start.to_string()),
            Some("2024-01-10".into())
        );
    }

    #[test]
    fn imports_from_give_exporter_as_origin() {
        let c = only(
            "Germany's imports from Czechia reached €40 billion in 2022.",
            "2023-01-10",
        );
        assert_eq!(c.indicator, "imports");
        assert_eq!(
            (c.from.as_deref(), c.to.as_deref()),
            (Some("CZ"), Some("DE"))
        );
    }

    #[test]
    fn forecast_is_recognized() {
        let c = only(
            "Trade between Brazil and China is expected to reach $200 billion next year.",
            "2024-01-10",
        );
        assert_eq!(
            (c.indicator.as_str(), c.modality),
            ("trade_volume", Modality::Forecast)
        );
        // A modal before a verb of change: "could grow to", "may fall to"; the figure the
        // change starts from is what is, also when written before it.
        let c = extract(
            "Polish exports to Vietnam, now about 1.1 billion dlrs, could grow to 2 billion dlrs.",
            "2024-01-10",
        );
        let modalities: Vec<(f64, Modality)> =
            c.iter().map(|c| (c.value.amount, c.modality)).collect();
        assert_eq!(
            modalities,
            [(1.1e9, Modality::Actual), (2e9, Modality::Forecast)]
        );
        let modalities: Vec<(f64, Modality)> = extract(
            "Polish exports to Vietnam could grow to 2 billion dlrs by 2030, up from about 1.1 billion dlrs.",
            "2024-01-10",
        )
        .iter()
        .map(|c| (c.value.amount, c.modality))
        .collect();
        assert_eq!(
            modalities,
            [(2e9, Modality::Forecast), (1.1e9, Modality::Actual)]
        );
        let c = extract(
            "Forecasts for Polish exports to Vietnam range from 2 billion dlrs to 3 billion dlrs.",
            "2024-01-10",
        );
        assert!(!c.is_empty() && c.iter().all(|c| c.modality == Modality::Forecast));
        // A target raised from one value to another starts from the old target.
        let c = extract(
            "Poland and Vietnam raised their target for trade from 5 billion dlrs to 8 billion dlrs by 2030.",
            "2024-10-01",
        );
        assert_eq!(c.len(), 2);
        assert!(c.iter().all(|c| c.modality == Modality::Target));
    }

    #[test]
    fn cue_in_another_clause_does_not_apply() {
        let c = extract(
            "Poland and Vietnam agreed to raise their trade target to $8 billion by 2030, after trade reached $3.4 billion last year.",
            "2024-10-01",
        );
        let actual = c
            .iter()
            .find(|c| c.value.amount == 3.4e9)
            .expect("claim for $3.4 billion");
        assert_eq!(actual.modality, Modality::Actual);
        let target = c
            .iter()
            .find(|c| c.value.amount == 8e9)
            .expect("claim for $8 billion");
        assert_eq!(target.modality, Modality::Target);
    }

    #[test]
    fn each_clause_keeps_its_own_direction() {
        // Joined by a comma and a conjunction, or by a bare conjunction.
        for joiner in [", while", " although"] {
            let c = extract(
                &format!("Vietnamese exports to Poland were worth $2.9 billion in 2023{joiner} Polish exports to Vietnam amounted to $510 million."),
                "2024-10-01",
            );
            let dir = |amount: f64| {
                c.iter()
                    .find(|c| c.value.amount == amount)
                    .map(|c| (c.from.clone(), c.to.clone()))
            };
            let vn_to_pl = (Some("VN".into()), Some("PL".into()));
            let pl_to_vn = (Some("PL".into()), Some("VN".into()));
            assert_eq!(dir(2.9e9), Some(vn_to_pl), "joined by {joiner:?}");
            assert_eq!(dir(5.1e8), Some(pl_to_vn), "joined by {joiner:?}");
        }
    }

    #[test]
    fn clause_runs_between_the_breaks_around_a_quantity() {
        let text = "Trade grew 5% in 2023; exports rose 3%, while imports fell 2%.";
        let sentence = Span::new(0, text.len());
        let breaks = clause_breaks(text, sentence);
        assert_eq!(breaks.len(), 2, "{breaks:?}");
        let at = |needle: &str| {
            let start = text.find(needle).expect("in text");
            Span::new(start, start + needle.len())
        };
        let middle = clause(sentence, &breaks, at("3%"));
        assert_eq!(&text[middle.start..middle.end], " exports rose 3%");
        let last = clause(sentence, &breaks, at("2%"));
        assert_eq!(&text[last.start..last.end], " imports fell 2%.");
    }

    #[test]
    fn location_of_a_speaker_is_not_a_destination() {
        let c = only(
            "Economists in Prague expect exports to Germany to recover to €75 billion next year.",
            "2024-03-08",
        );
        assert_eq!(
            (c.to.as_deref(), c.modality),
            (Some("DE"), Modality::Forecast)
        );
    }

    #[test]
    fn would_invest_is_a_plan_and_later_demonyms_are_not_exporters() {
        let c = only(
            "Skoda said it would invest €5.6 billion in its plants by 2027.",
            "2024-03-08",
        );
        assert_eq!(c.modality, Modality::Plan);
        let c = only("Economists in Prague expect exports to Germany to recover to €75 billion as German factories restock.", "2024-03-08");
        assert_eq!((c.to.as_deref(), c.from.as_deref()), (Some("DE"), None));
    }

    #[test]
    fn visited_country_is_the_destination() {
        let c = only(
            "Some 12,000 Indian tourists visited Chile last year.",
            "2025-01-17",
        );
        assert_eq!(
            (c.from.as_deref(), c.to.as_deref()),
            (Some("IN"), Some("CL"))
        );
    }

    #[test]
    fn a_country_owning_something_else_is_no_side_of_a_flow() {
        // In a Czech–German story (the pair comes from the article's countries).
        let text = "Czech exports to Germany rose.\n\
                    The amount now invested, 900 billion crowns, equals Germany's annual \
                    budget.";
        let c = extract(text, "2024-03-08");
        let invested = c.iter().find(|c| c.indicator == "investment");
        let sides = invested.map(|c| (c.from.clone(), c.to.clone()));
        assert_eq!(sides, Some((None, None)));
    }

    #[test]
    fn a_flow_from_the_world_takes_no_side_from_the_pair() {
        // In a Czech–German story.
        let sides = |text: &str, indicator: &str| {
            extract(text, "2024-03-08")
                .into_iter()
                .find(|c| c.indicator == indicator)
                .map(|c| (c.from, c.to))
        };
        let story = "Czech exports to Germany rose. Czech and German officials met.\n";
        let foreign =
            format!("{story}Foreign direct investment in Germany rose by 14 billion euros.");
        assert_eq!(
            sides(&foreign, "investment"),
            Some((None, Some("DE".into())))
        );
        let total = format!("{story}Total Czech exports fell to 20 billion euros in January.");
        assert_eq!(sides(&total, "exports"), Some((Some("CZ".into()), None)));
        // "total" of another figure, after a comma, says nothing of this one.
        let share = format!(
            "{story}Czech sales to Germany were 3 billion euros, a third of the total, while \
             imports from Germany were 2 billion euros."
        );
        assert_eq!(
            sides(&share, "imports"),
            Some((Some("DE".into()), Some("CZ".into())))
        );
    }

    #[test]
    fn a_balance_sheet_item_is_no_flow() {
        let invested = |text: &str| {
            extract(text, "1987-03-24")
                .into_iter()
                .filter(|c| c.indicator == "investment" || c.indicator == "loan")
                .map(|c| c.value.amount)
                .collect::<Vec<f64>>()
        };
        assert!(
            invested("The insurer invests a rising share of its assets of 90 billion dlrs.")
                .is_empty()
        );
        assert!(
            invested("The bank, with 43 mln dlrs in deposits, lent more this year.").is_empty()
        );
        assert_eq!(
            invested("It is obtaining up to 200 mln dlrs in debt financing."),
            [200e6]
        );
        assert_eq!(
            invested("Japan invested 5 billion dlrs in the plant."),
            [5e9]
        );
    }

    #[test]
    fn counted_investors_are_no_companies() {
        let c = extract(
            "The insurer had about 50,000 investors in its funds by end-March.",
            "1987-06-01",
        );
        assert!(c.iter().all(|c| c.indicator != "company_count"), "{c:#?}");
    }

    #[test]
    fn a_count_takes_no_side_from_the_pair() {
        // In a Czech–German story: the firms are German, where they work is not said.
        let text = "Czech exports to Germany rose.\nFive German companies develop a new plane.";
        let c = extract(text, "2024-03-08");
        let firms = c.iter().find(|c| c.indicator == "company_count");
        let sides = firms.map(|c| (c.from.clone(), c.to.clone()));
        assert_eq!(sides, Some((Some("DE".into()), None)));
    }

    #[test]
    fn the_year_before_is_relative_to_the_sentence() {
        let c = extract("Czech exports to Germany reached €70.1 billion last year, up from €63.2 billion a year earlier.", "2023-04-02");
        let old = c
            .iter()
            .find(|c| c.value.amount == 63.2e9)
            .expect("earlier value");
        assert_eq!(
            old.time.as_ref().map(|t| t.start.to_string()),
            Some("2021-01-01".into())
        );
    }

    #[test]
    fn the_year_a_change_is_measured_from_is_not_the_figure_s() {
        let c = extract(
            "In 1986, Japanese exports to Germany totalled 30.67 billion dlrs, up 4.5 pct from 1985.",
            "1987-04-13",
        );
        let times: Vec<_> = c
            .iter()
            .map(|c| c.time.as_ref().map(|t| t.start.to_string()))
            .collect();
        assert_eq!(times, vec![Some("1986-01-01".to_string())]);
    }

    #[test]
    fn tariffs_on_exports_are_tariffs_not_exports() {
        let c = only(
            "The U.S. has threatened to impose tariffs worth up to 300 mln dlrs on Japanese electronics exports to the U.S.",
            "1987-03-30",
        );
        assert_eq!((c.indicator.as_str(), c.value.amount), ("tariffs", 300e6));
    }

    fn subjects_by_value(text: &str) -> Vec<(f64, Vec<String>)> {
        extract(text, "1987-03-30")
            .into_iter()
            .map(|c| (c.value.amount, c.subjects))
            .collect()
    }

    #[test]
    fn a_trade_balance_is_its_owner_s_with_the_partner_of_its_own_phrase() {
        let ids = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            subjects_by_value("Congress points to the record 169 billion dlrs U.S. trade deficit in 1986 as a reason to press Japan."),
            vec![(169e9, ids(&["US"]))]
        );
        assert_eq!(
            subjects_by_value("Last year South Korea ran a 4.3 billion dlr trade surplus, including a record 7.1 billion dlr surplus with the U.S. and a 5.5 billion dlr deficit with Japan."),
            vec![(4.3e9, ids(&["KR"])), (7.1e9, ids(&["KR", "US"])), (5.5e9, ids(&["JP", "KR"]))]
        );
        assert_eq!(
            subjects_by_value("The United States last year had a record trade deficit of 169.8 billion dlrs and Japan accounted for about one-third."),
            vec![(169.8e9, ids(&["US"]))]
        );
        assert_eq!(
            subjects_by_value("Last year the U.S. trade gap hit a record 169.8 billion dlrs, and it keeps widening, with Japan making up about a third of it."),
            vec![(169.8e9, ids(&["US"]))]
        );
        assert_eq!(
            subjects_by_value("Channon said Japan's surplus with the United States last year was 51.5 billion dlrs and with EC nations, 16.7 billion dlrs."),
            vec![(51.5e9, ids(&["JP", "US"])), (16.7e9, ids(&["EU", "JP"]))]
        );
    }

    #[test]
    fn announcing_that_a_figure_was_reached_reports_a_fact() {
        let reported = only(
            "Tokyo announced that Japan's trade surplus with Germany reached 2.13 billion dlrs in March.",
            "1987-04-13",
        );
        assert_eq!(reported.modality, Modality::Actual);
        let planned = only(
            "Toyota announced a 2 billion dlr investment in Poland.",
            "1987-04-13",
        );
        assert_eq!(planned.modality, Modality::Plan);
    }

    #[test]
    fn per_share_and_per_unit_prices_are_not_totals() {
        assert!(extract("Net profit was 20 cts a share in 1986.", "1987-03-01").is_empty());
        assert!(extract(
            "Exports were priced at 60 dlrs per barrel in 1986.",
            "1987-03-01"
        )
        .is_empty());
        let c = only(
            "Net profit was 5.3 mln dlrs, or 20 cts a share, in 1986.",
            "1987-03-01",
        );
        assert_eq!(c.value.amount, 5.3e6);
    }

    #[test]
    fn prices_and_exchange_rates_are_not_totals() {
        for text in [
            "The dollar fell to 142.20 yen in Tokyo, where trade was thin.",
            "The shares traded at 12.75 dlrs on the exchange.",
            "Exports were worth 3.10 dlrs a unit more than last year, at 5.10 dlrs.",
        ] {
            assert!(extract(text, "1987-03-01").is_empty(), "{text}");
        }
        let c = only("Exports reached 1,200 dlrs in 1986.", "1987-03-01");
        assert_eq!(c.value.amount, 1200.0);
    }

    #[test]
    fn counts_of_actors_or_of_other_nouns_are_not_figures() {
        for text in [
            "Two Japanese companies plan to build a plant in Ohio in 1988.",
            "Four congressional panels met today on a bill to help U.S. companies compete.",
        ] {
            assert!(extract(text, "1987-03-01").is_empty(), "{text}");
        }
        assert!(extract(
            "Japan currently restricts imports of 22 agricultural products.",
            "1987-03-01"
        )
        .is_empty());
        // The index level is not a count of the firms named before it.
        let c = only(
            "The index, a weighted average of 355 listed firms, closed at 398.72 yesterday.",
            "1987-03-01",
        );
        assert_eq!(c.value.amount, 355.0);
        let c = only("Some 40 Japanese companies operate in Ohio.", "1987-03-01");
        assert_eq!(
            (c.indicator.as_str(), c.value.amount),
            ("company_count", 40.0)
        );
    }

    #[test]
    fn futures_contracts_and_terms_are_no_agreements() {
        for text in [
            "Volume on the exchange reached a record 38,402 contracts in March.",
            "The central bank sold bills through 36-day repurchase agreements.",
        ] {
            assert!(
                extract(text, "1987-04-01")
                    .iter()
                    .all(|c| c.indicator != "agreement_count"),
                "{text}"
            );
        }
        let c = only(
            "The two countries signed 12 agreements in Hanoi.",
            "1987-04-01",
        );
        assert_eq!(
            (c.indicator.as_str(), c.value.amount),
            ("agreement_count", 12.0)
        );
    }

    #[test]
    fn current_account_and_budget_balances_are_not_the_trade_balance() {
        for (text, indicator) in [
            (
                "Brazil's current account deficit was 2.7 billion dlrs in 1986.",
                "current_account",
            ),
            (
                "The U.S. budget deficit reached 180 billion dlrs in 1986.",
                "budget_balance",
            ),
            (
                "Japan's trade surplus with the U.S. was 58 billion dlrs in 1986.",
                "trade_balance",
            ),
        ] {
            assert_eq!(only(text, "1987-03-01").indicator, indicator, "{text}");
        }
    }

    #[test]
    fn a_figure_of_one_good_carries_its_product() {
        let c = only(
            "Brazil's coffee exports reached 2.1 billion dlrs in 1986.",
            "1987-03-01",
        );
        assert_eq!(c.indicator, "exports");
        assert_eq!(c.product.as_deref(), Some("coffee"));
        let total = only(
            "Brazil's exports reached 22 billion dlrs in 1986.",
            "1987-03-01",
        );
        assert_eq!(total.product, None);
    }

    #[test]
    fn a_trigger_inside_an_organisation_s_name_announces_nothing() {
        for text in [
            "Korea Trade Promotion Corp put the figure at 300 mln dlrs in 1986.",
            "The Export Development Corp put the figure at 300 mln dlrs in 1986.",
        ] {
            assert!(extract(text, "1987-03-01").is_empty(), "{text}");
        }
        let c = only(
            "Korea Trade Promotion Corp said exports reached 300 mln dlrs in 1986.",
            "1987-03-01",
        );
        assert_eq!(c.indicator, "exports");
    }

    #[test]
    fn rate_check_is_safe_before_multibyte_text() {
        assert!(!is_rate(
            "Exports reached €5 billion — a record €€€€€€€€€€",
            20
        ));
    }

    #[test]
    fn bare_numbers_are_not_mixed_unit_values() {
        assert!(extract("The rates were 152.32 for exports in 1986.", "1987-03-01").is_empty());
    }

    #[test]
    fn percent_changes_are_not_levels() {
        assert!(extract("Exports rose 12 percent in 2023.", "2024-01-10").is_empty());
    }

    #[test]
    fn sentences_without_triggers_give_no_claims() {
        assert!(extract(
            "The minister arrived with 40 aides on 5 June 2023.",
            "2024-01-10"
        )
        .is_empty());
    }
}
