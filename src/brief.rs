//! Brief: writes the reconciled series as a report a person can hand on — scope, latest
//! figures and their trend, current targets and the ones they replaced, revisions, conflicts
//! and outliers to check, and a numbered source list. Every sentence is made from the
//! reconciled data by a template and cites the quotes it rests on; nothing is invented.
//!
//! [`build`] makes the brief as data (statements with the claims they cite); [`markdown`] and
//! [`html`] render it. HTML escapes all article text: articles are untrusted input.

use crate::analyze::entities::country_name;
use crate::analyze::names::is_company_id;
use crate::extract::ontology::Ontology;
use crate::model::{
    EventType, PeriodValues, Role, Series, StoredClaim, StoredDocument, StoredEvent, Verdict,
};
use crate::report::{calendar_year, format_amount};
use std::collections::HashMap;
use std::fmt::Write as _;

/// A sentence of the brief and the quotes it rests on: indices into [`Brief::quotes`],
/// which holds the claims' quotes (same indices as the reconciled claims) then the events'.
#[derive(Debug, Clone, PartialEq)]
pub struct Statement {
    /// The sentence, without citations.
    pub text: String,
    /// The quotes cited.
    pub cites: Vec<usize>,
}

/// A part of the brief.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    /// Heading.
    pub heading: String,
    /// Sentences, each with its citations.
    pub statements: Vec<Statement>,
}

/// A sentence of an article the brief can cite: a claim's or an event's quote.
#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    /// Source document id.
    pub doc: String,
    /// The sentence.
    pub text: String,
    /// Its character span in the document's cleaned text.
    pub span: [usize; 2],
}

/// A cited document, numbered as the brief cites it.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    /// The stored document.
    pub doc: StoredDocument,
    /// The quotes cited from it (indices into [`Brief::quotes`]), in text order.
    pub quotes: Vec<usize>,
}

/// The whole brief.
#[derive(Debug, Clone, PartialEq)]
pub struct Brief {
    /// Title: what the brief is about.
    pub title: String,
    /// The scope sentence: documents and date span.
    pub scope: String,
    /// Sections in reading order.
    pub sections: Vec<Section>,
    /// Sources, numbered from 1 in publication order.
    pub sources: Vec<Source>,
    /// Every quote the brief could cite: the claims', then the events'.
    pub quotes: Vec<Quote>,
}

impl Brief {
    /// The quote that stands for quote `q` in the source list (one sentence with two figures,
    /// or a figure and an event, is quoted once).
    pub fn quote_anchor(&self, q: usize) -> usize {
        let quote = self.quotes.get(q).map(|c| (&c.doc, c.span));
        self.sources
            .iter()
            .flat_map(|s| &s.quotes)
            .copied()
            .find(|&k| self.quotes.get(k).map(|c| (&c.doc, c.span)) == quote)
            .unwrap_or(q)
    }

    /// The source number citing quote `q`, if it is cited.
    pub fn source_number(&self, q: usize) -> Option<usize> {
        let doc = &self.quotes.get(q)?.doc;
        self.sources
            .iter()
            .position(|s| &s.doc.id == doc)
            .map(|k| k + 1)
    }

    /// Adds to the scope how many figures and events [`focus`] left out, so a reader knows
    /// they exist and how to list them.
    pub fn mention_left_out(&mut self, left_out: LeftOut) {
        let with_others = match left_out.with_others {
            0 => None,
            1 => Some(
                "1 further figure or event names these countries together with others and is \
                 left out"
                    .to_string(),
            ),
            n => Some(format!(
                "{n} further figures and events name these countries together with others and \
                 are left out"
            )),
        };
        let about_firms = match left_out.about_firms {
            0 => None,
            1 => Some("1 figure about a company (profit, revenue) is left out".to_string()),
            n => Some(format!(
                "{n} figures about companies (profit, revenue) are left out"
            )),
        };
        let what: Vec<String> = with_others.into_iter().chain(about_firms).collect();
        if what.is_empty() {
            return;
        }
        let _ = write!(
            self.scope,
            " {} (`factline claims` with the same `--entity` options lists the figures).",
            what.join("; ")
        );
    }
}

/// What [`focus`] left out of a brief about several countries.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LeftOut {
    /// Figures and events that also name a third country.
    pub with_others: usize,
    /// Figures of indicators about companies (profit, revenue), which say nothing about a
    /// relationship between countries however many countries their sentence names.
    pub about_firms: usize,
}

/// Narrows a brief about several countries to what is about them alone: a claim or event
/// that also names a third country ("exports from Zimbabwe to Germany, the U.S. and Japan",
/// a Group of Seven meeting) says nothing about the pair's relationship, nor does a firm's
/// profit or revenue (indicators the ontology marks `firm_level`) because its sentence names
/// both countries. Returns what was left out; with fewer than two countries asked for,
/// nothing is.
pub fn focus(
    claims: &mut Vec<StoredClaim>,
    events: &mut Vec<StoredEvent>,
    entities: &[String],
    ontology: &Ontology,
) -> LeftOut {
    let asked: Vec<&String> = entities
        .iter()
        .filter(|e| country_name(e).is_some())
        .collect();
    if asked.len() < 2 {
        return LeftOut::default();
    }
    let before_firms = claims.len();
    claims.retain(|c| !ontology.get(&c.indicator).is_some_and(|i| i.firm_level));
    let about_firms = before_firms - claims.len();
    let before = claims.len() + events.len();
    claims.retain(|c| {
        names_only(
            &asked,
            c.subjects.iter().chain(c.from.iter()).chain(c.to.iter()),
        )
    });
    events.retain(|e| {
        names_only(
            &asked,
            e.countries
                .iter()
                .chain(e.participants.iter().map(|(id, _)| id)),
        )
    });
    LeftOut {
        with_others: before - claims.len() - events.len(),
        about_firms,
    }
}

/// Whether every country among `ids` is one of those `asked` for.
fn names_only<'i>(asked: &[&String], ids: impl IntoIterator<Item = &'i String>) -> bool {
    ids.into_iter()
        .filter(|id| country_name(id).is_some())
        .all(|id| asked.contains(&id))
}

/// Builds the brief of `series` (reconciled from `claims`), whose documents are `docs`;
/// `entities` name what it is about (empty: everything).
pub fn build(
    claims: &[StoredClaim],
    series: &[Series],
    events: &[StoredEvent],
    docs: &[StoredDocument],
    ontology: &Ontology,
    entities: &[String],
) -> Brief {
    let namer = Namer { ontology };
    let quotes: Vec<Quote> = claims
        .iter()
        .map(|c| Quote {
            doc: c.doc.clone(),
            text: c.quote.clone(),
            span: c.sentence,
        })
        .chain(events.iter().map(|e| Quote {
            doc: e.doc.clone(),
            text: e.quote.clone(),
            span: e.span,
        }))
        .collect();
    let sections: Vec<Section> = [
        ("Latest figures", latest_figures(claims, series, &namer)),
        ("Targets and plans", goals(claims, series, &namer)),
        (
            "Chronology",
            chronology(events, claims.len(), |e| !is_statement(e)),
        ),
        (
            "Stated aims",
            chronology(events, claims.len(), is_public_aim),
        ),
        ("Revised figures", revisions(claims, series, &namer)),
        ("Conflicts to check", conflicts(claims, series, &namer)),
        ("Outliers to check", outliers(claims, series, &namer)),
    ]
    .into_iter()
    .filter(|(_, statements)| !statements.is_empty())
    .map(|(heading, statements)| Section {
        heading: heading.to_string(),
        statements,
    })
    .collect();
    let sources = sources(&quotes, &sections, docs);
    Brief {
        title: title(entities),
        scope: scope(claims, docs),
        sections,
        sources,
        quotes,
    }
}

/// What happened, in date order: one templated sentence per event of the kinds `wanted`
/// picks, citing its quote (events' quotes follow the claims' in [`Brief::quotes`], from
/// `first_quote` on). Reports of one event are said once, citing every report: sentences
/// that read the same, and visits or meetings of one person at one place in overlapping
/// periods ("will visit Washington next month", "visits Washington on April 29"). The
/// sentence said is the report that tells most ([`most_telling`]), in the past tense when
/// any report tells it as done.
fn chronology(
    events: &[StoredEvent],
    first_quote: usize,
    wanted: fn(&StoredEvent) -> bool,
) -> Vec<Statement> {
    let mut occasions: Vec<Vec<usize>> = Vec::new();
    // Each sentence is made once, and only for the events asked for.
    let sentences: Vec<Option<String>> = events
        .iter()
        .map(|e| wanted(e).then(|| event_sentence(e)))
        .collect();
    for (k, e) in events.iter().enumerate() {
        if sentences[k].is_none() {
            continue;
        }
        let same = |&j: &usize| sentences[j] == sentences[k] || same_occasion(&events[j], e);
        match occasions.iter_mut().find(|o| o.iter().any(same)) {
            Some(reports) => reports.push(k),
            None => occasions.push(vec![k]),
        }
    }
    let mut told: Vec<(usize, Vec<usize>)> = occasions
        .into_iter()
        .map(|reports| (most_telling(events, &reports), reports))
        .collect();
    told.sort_by(|a, b| events[a.0].time_start.cmp(&events[b.0].time_start));
    told.into_iter()
        .map(|(said, reports)| {
            // Announced by some reports, told as done by another: it happened.
            let happened = reports.iter().any(|&k| !events[k].planned);
            // A report that names no place takes the place most other reports name (the
            // first named on a tie).
            let placed = reports
                .iter()
                .map(|&k| &events[k])
                .filter(|e| e.place.is_some())
                .rev()
                .max_by_key(|e| {
                    reports
                        .iter()
                        .filter(|&&j| events[j].place == e.place)
                        .count()
                });
            let text = match (placed, events[said].place.is_none()) {
                (Some(placed), true) => event_sentence(&StoredEvent {
                    planned: events[said].planned && !happened,
                    place: placed.place.clone(),
                    place_name: placed.place_name.clone(),
                    ..events[said].clone()
                }),
                _ if events[said].planned && happened => event_sentence(&StoredEvent {
                    planned: false,
                    ..events[said].clone()
                }),
                _ => sentences[said].clone().unwrap_or_default(),
            };
            Statement {
                text,
                cites: reports.into_iter().map(|k| first_quote + k).collect(),
            }
        })
        .collect()
}

/// Whether two reports tell of one visit or meeting: same type, the same place or one naming
/// none, a person in common, and periods that overlap.
fn same_occasion(a: &StoredEvent, b: &StoredEvent) -> bool {
    let kind = EventType::parse(&a.kind);
    let person = |(id, _): &(String, Option<String>)| id.starts_with("person:");
    matches!(kind, Some(EventType::Visit | EventType::Meeting))
        && a.kind == b.kind
        && (a.place == b.place || a.place.is_none() || b.place.is_none())
        && a.participants
            .iter()
            .filter(|p| person(p))
            .any(|p| b.participants.iter().any(|q| q.0 == p.0))
        && matches!(
            (event_period(a), event_period(b)),
            (Some((a0, a1)), Some((b0, b1))) if a0 <= b1 && b0 <= a1
        )
}

/// An event's first and last day (ISO dates, which compare as strings), when dated.
fn event_period(e: &StoredEvent) -> Option<(&str, &str)> {
    Some((e.time_start.as_deref()?, e.time_end.as_deref()?))
}

/// Of the reports of one event, the one to say: the one whose period most reports'
/// periods contain (reports agree on "April 29" where one misread "Wednesday"), then one
/// with a time of its own, then told as done rather than announced, then the shortest
/// period, then the first.
fn most_telling(events: &[StoredEvent], reports: &[usize]) -> usize {
    let within = |inner: &StoredEvent, outer: &StoredEvent| {
        matches!(
            (event_period(inner), event_period(outer)),
            (Some((i0, i1)), Some((o0, o1))) if o0 <= i0 && i1 <= o1
        )
    };
    let dated = |e: &StoredEvent| e.time_text.is_some();
    let support = |e: &StoredEvent| {
        reports
            .iter()
            .filter(|&&j| dated(&events[j]) && within(e, &events[j]))
            .count()
    };
    let days = |e: &StoredEvent| {
        event_period(e)
            .and_then(|(s, end)| days_between(s, end))
            .unwrap_or(i64::MAX)
    };
    reports
        .iter()
        .copied()
        .min_by_key(|&k| {
            let e = &events[k];
            (std::cmp::Reverse(support(e)), !dated(e), e.planned, days(e))
        })
        .unwrap_or_default()
}

/// Days from one ISO date to another, when both parse.
fn days_between(start: &str, end: &str) -> Option<i64> {
    match (
        start.parse::<jiff::civil::Date>(),
        end.parse::<jiff::civil::Date>(),
    ) {
        (Ok(s), Ok(e)) => Some(i64::from((e - s).get_days())),
        _ => None,
    }
}

/// Whether an event is a statement of intent.
fn is_statement(e: &StoredEvent) -> bool {
    EventType::parse(&e.kind) == Some(EventType::Statement)
}

/// A statement of intent by governments, officials or public bodies: not one a company takes
/// part in ("Chevron U.S.A. Inc and Nippon Oil Co Ltd agreed to conduct a joint venture"),
/// which is the firm's plan, not the relationship's aim.
fn is_public_aim(e: &StoredEvent) -> bool {
    is_statement(e) && !e.participants.iter().any(|(id, _)| is_company_id(id))
}

/// "On 12 March 2025, Prime Minister Petr Fiala visited Gdańsk (Poland)."; an announced
/// event "was to" happen.
fn event_sentence(e: &StoredEvent) -> String {
    let when = match (&e.time_start, &e.time_end, &e.time_text) {
        (Some(s), Some(end), Some(_)) => period_phrase(s, end),
        (Some(s), _, None) => format!("reported {s}"),
        _ => "undated".into(),
    };
    let who = names_list(&e.participants);
    let did = |past: &str, base: &str| match (e.planned, e.participants.len()) {
        (false, _) => past.to_string(),
        (true, 1) => format!("was to {base}"),
        (true, _) => format!("were to {base}"),
    };
    let place = e
        .place
        .as_deref()
        .map(|p| place_phrase(p, e.place_name.as_deref()));
    let object = e.object.as_deref().unwrap_or("");
    let what = match EventType::parse(&e.kind) {
        // "a U.S. official to visit Japan" names the visitor by country: a country does
        // not travel, its people do.
        Some(EventType::Visit)
            if e.participants
                .iter()
                .all(|(id, _)| country_name(id).is_some()) =>
        {
            let did = if e.planned { "was to visit" } else { "visited" };
            let place = place.clone().unwrap_or_default();
            format!("a delegation from {who} {did} {place}")
        }
        Some(EventType::Visit) => format!(
            "{who} {} {}",
            did("visited", "visit"),
            place.clone().unwrap_or_default()
        ),
        Some(EventType::Meeting) => {
            let nth = e
                .ordinal
                .map(|n| format!(" (meeting no. {n} of its series)"))
                .unwrap_or_default();
            let at = place
                .clone()
                .map(|p| format!(" in {p}"))
                .unwrap_or_default();
            format!("{who} {}{at}{nth}", did("met", "meet"))
        }
        Some(EventType::Agreement) => format!("{who} {} {object}", did("signed", "sign")),
        Some(EventType::Establishment) => {
            format!("{who} {} {object}", did("established", "establish"))
        }
        Some(EventType::Recognition) => {
            format!("{who} {} {object}", did("recognised", "recognise"))
        }
        Some(EventType::Award) => format!("{who}: “{} {object}”", e.trigger),
        Some(EventType::Statement) => format!("{who} stated an aim: “{} {object}”", e.trigger),
        None => format!("{who}: {} {object}", e.kind),
    };
    // "visited U.S.": an abbreviation's dot ends the sentence too.
    let what = what.trim_end();
    let stop = if what.ends_with('.') { "" } else { "." };
    format!("{when}: {what}{stop}")
}

/// "Prime Minister Petr Fiala and Germany": participants as the articles name them,
/// countries by their short name, roles without a holder with their country.
fn names_list(participants: &[(String, Option<String>)]) -> String {
    // People first, then organisations, then countries, each in text order: two reports of
    // one meeting read the same however each listed its participants.
    let mut ordered: Vec<&(String, Option<String>)> = participants.iter().collect();
    ordered.sort_by_key(|(id, _)| participant_rank(id));
    let names: Vec<String> = ordered
        .into_iter()
        .map(|(id, name)| match (id.strip_prefix("role:"), name) {
            (Some(role), Some(title)) => {
                let country = role.split(':').next().unwrap_or("");
                format!("the {title} of {}", entity_name(country))
            }
            (_, Some(name)) => name.clone(),
            (_, None) => entity_name(id),
        })
        .collect();
    match names.as_slice() {
        [] => "someone".into(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

fn participant_rank(id: &str) -> u8 {
    if id.starts_with("person:") || id.starts_with("role:") {
        0
    } else if id.contains(':') {
        1
    } else {
        2
    }
}

/// A place as written ("Gdańsk", "Berlin"), or a country by its name when the article
/// used a demonym.
fn place_phrase(id: &str, name: Option<&str>) -> String {
    match name {
        Some(name) if name.starts_with(char::is_uppercase) => name.to_string(),
        _ => entity_name(id),
    }
}

fn title(entities: &[String]) -> String {
    if entities.is_empty() {
        return "Brief: all relationships in the ledger".into();
    }
    let names: Vec<String> = entities.iter().map(|e| entity_name(e)).collect();
    format!("Brief: {}", names.join(" – "))
}

fn entity_name(id: &str) -> String {
    country_name(id).map_or_else(|| id.to_string(), str::to_string)
}

fn scope(claims: &[StoredClaim], docs: &[StoredDocument]) -> String {
    let used: Vec<&StoredDocument> = docs
        .iter()
        .filter(|d| claims.iter().any(|c| c.doc == d.id))
        .collect();
    let dates: Vec<&str> = used.iter().filter_map(|d| d.published.as_deref()).collect();
    let span = match (dates.iter().min(), dates.iter().max()) {
        (Some(first), Some(last)) => format!(", published between {first} and {last}"),
        _ => String::new(),
    };
    format!(
        "{} figures from {} articles{span}.",
        claims.len(),
        used.len()
    )
}

/// "crude oil" → "Crude oil": a phrase that opens a sentence.
fn capitalise(phrase: &str) -> String {
    let mut chars = phrase.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Names indicators and series for sentences.
struct Namer<'o> {
    ontology: &'o Ontology,
}

impl Namer<'_> {
    /// "Exports from Czechia to Germany", "Trade volume between Poland and Vietnam".
    fn series(&self, s: &Series) -> String {
        let label = self
            .ontology
            .get(&s.indicator)
            .map_or_else(|| s.indicator.replace('_', " "), |i| i.label.clone());
        // "Coffee exports", "Crude oil production".
        let label = match &s.product {
            Some(p) => format!("{} {}", capitalise(p), label.to_lowercase()),
            None => label,
        };
        let names: Vec<String> = s.subjects.iter().map(|e| entity_name(e)).collect();
        match (&s.from, &s.to) {
            (Some(f), Some(t)) => format!("{label} from {} to {}", entity_name(f), entity_name(t)),
            (Some(f), None) => format!("{label} from {}", entity_name(f)),
            (None, Some(t)) => format!("{label} to {}", entity_name(t)),
            (None, None) if names.len() == 2 => {
                format!("{label} between {} and {}", names[0], names[1])
            }
            (None, None) => format!("{label} ({})", names.join(", ")),
        }
    }
}

/// The length of a period, in classes that compare: a day, a month, a quarter, a year, else
/// its number of days. A week's figure is not compared with a year's.
fn period_kind(p: &PeriodValues) -> i64 {
    let Some(days) = days_between(&p.start, &p.end).map(|d| d + 1) else {
        return -1;
    };
    match days {
        28..=31 => 30,
        89..=92 => 91,
        365..=366 => 365,
        d => d,
    }
}

/// Whether a series name is a plural noun ("Exports from …"; not "Number of students …").
fn is_plural(name: &str) -> bool {
    // The head noun ends the phrase before its modifiers: "Steel exports from Taiwan".
    let phrase = name
        .split([' ', '('])
        .take_while(|w| !matches!(*w, "from" | "to" | "between" | ""))
        .last()
        .unwrap_or_default();
    phrase.ends_with('s') && !name.starts_with("Number of")
}

/// "more than 72.5 billion EUR", "about 120 billion EUR".
fn value_phrase(c: &StoredClaim) -> String {
    let amount = format_amount(c.amount, c.unit.as_deref());
    match c.bound.as_str() {
        "lower" => format!("more than {amount}"),
        "upper" => format!("at most {amount}"),
        "approx" => format!("about {amount}"),
        _ => amount,
    }
}

/// "in 2023", "on 2024-02-20", "from 2021-11-05 to 2024-11-05".
fn period_phrase(start: &str, end: &str) -> String {
    if start.is_empty() {
        "at an unknown time".into()
    } else if start == end {
        format!("on {start}")
    } else if let Some(year) = calendar_year(start, end) {
        format!("in {year}")
    } else {
        format!("from {start} to {end}")
    }
}

fn claim_period(c: &StoredClaim) -> String {
    match (&c.time_start, &c.time_end) {
        (Some(s), Some(e)) => period_phrase(s, e),
        _ => "with no stated time".into(),
    }
}

/// The claims that say a period's value: the value and those repeating or agreeing with it.
fn supporting(p: &PeriodValues) -> Vec<usize> {
    let mut cites = vec![p.value];
    cites.extend(
        p.readings
            .iter()
            .filter(|r| matches!(r.role, Role::Repeats | Role::Agrees) && r.other == Some(p.value))
            .map(|r| r.claim),
    );
    cites
}

fn latest_figures(claims: &[StoredClaim], series: &[Series], namer: &Namer<'_>) -> Vec<Statement> {
    let mut out = Vec::new();
    for s in series {
        let known: Vec<&PeriodValues> = s
            .periods
            .iter()
            .filter(|p| !p.start.is_empty())
            .filter(|p| p.readings.iter().all(|r| r.role != Role::Outlier))
            .collect();
        // A figure with its own date ("in 1986") outranks one dated only by its article: a
        // dateless "trade of 84 million dlrs" is no newer figure for the year.
        let stated = |p: &&PeriodValues| claims[p.value].time_text.is_some();
        let pool: Vec<&PeriodValues> = if known.iter().any(stated) {
            known.into_iter().filter(stated).collect()
        } else {
            known
        };
        let Some(&last) = pool
            .iter()
            .max_by(|a, b| (&a.end, &a.start).cmp(&(&b.end, &b.start)))
        else {
            continue;
        };
        let name = namer.series(s);
        // The latest period, compared with the one before it of the same length (a day's
        // stock with a day's stock, a year's flow with a year's flow).
        let prev = pool
            .iter()
            .filter(|p| p.verdict != Verdict::Conflict)
            .filter(|p| period_kind(p) == period_kind(last) && p.end < last.end)
            .max_by(|a, b| (&a.end, &a.start).cmp(&(&b.end, &b.start)));
        if last.verdict == Verdict::Conflict {
            out.push(disputed(claims, &name, last, prev.copied()));
            continue;
        }
        let c = &claims[last.value];
        let verb = if is_plural(&name) { "were" } else { "was" };
        let mut text = format!(
            "{name} {verb} {} {}",
            value_phrase(c),
            period_phrase(&last.start, &last.end)
        );
        let mut cites = supporting(last);
        if let Some(prev) = prev {
            let p = &claims[prev.value];
            let _ = write!(
                text,
                ", {} {} {}",
                trend(p, c),
                value_phrase(p),
                period_phrase(&prev.start, &prev.end)
            );
            cites.extend(supporting(prev));
        }
        text.push('.');
        out.push(Statement { text, cites });
    }
    out
}

/// The latest figure when its sources disagree: the range they give, every one cited, a
/// pointer to the conflict below, and the settled figure before it if there is one.
fn disputed(
    claims: &[StoredClaim],
    name: &str,
    p: &PeriodValues,
    prev: Option<&PeriodValues>,
) -> Statement {
    let mut cites: Vec<usize> = p.readings.iter().map(|r| r.claim).collect();
    cites.sort_by(|&a, &b| claims[a].amount.total_cmp(&claims[b].amount));
    let (low, high) = match (cites.first(), cites.last()) {
        (Some(&l), Some(&h)) => (value_phrase(&claims[l]), value_phrase(&claims[h])),
        _ => (String::new(), String::new()),
    };
    let mut articles: Vec<&str> = cites.iter().map(|&c| claims[c].doc.as_str()).collect();
    articles.sort_unstable();
    articles.dedup();
    let sources = match articles.len() {
        1 => "in one article".to_string(),
        n => format!("from {n} articles"),
    };
    let (is, was) = if is_plural(name) {
        ("are", "they were")
    } else {
        ("is", "it was")
    };
    let mut text = format!(
        "{name} {} {is} disputed: {} figures {sources} range from {low} to {high} (see \
         Conflicts to check)",
        period_phrase(&p.start, &p.end),
        cites.len(),
    );
    if let Some(prev) = prev {
        let _ = write!(
            text,
            "; {} {was} {}",
            period_phrase(&prev.start, &prev.end),
            value_phrase(&claims[prev.value])
        );
        cites.extend(supporting(prev));
    }
    text.push('.');
    Statement { text, cites }
}

/// "up from", "down from", "about the same as": exact only when both figures are stated
/// plainly; a bound or an approximation makes it "compared with".
fn trend(before: &StoredClaim, after: &StoredClaim) -> String {
    let plain = |c: &StoredClaim| c.bound == "exact";
    if !(plain(before) && plain(after)) || before.amount == 0.0 {
        return "compared with".into();
    }
    let change = (after.amount - before.amount) / before.amount * 100.0;
    if change.abs() < 0.5 {
        "about the same as".into()
    } else if change > 0.0 {
        format!("up {change:.1} % from")
    } else {
        format!("down {:.1} % from", -change)
    }
}

fn goals(claims: &[StoredClaim], series: &[Series], namer: &Namer<'_>) -> Vec<Statement> {
    let mut out = Vec::new();
    for s in series {
        let repeats_of = |claim: usize| -> Vec<usize> {
            let mut cites = vec![claim];
            cites.extend(
                s.goals
                    .iter()
                    .filter(|r| r.role == Role::Repeats && r.other == Some(claim))
                    .map(|r| r.claim),
            );
            cites
        };
        for r in s.goals.iter().filter(|r| r.role == Role::Value) {
            let c = &claims[r.claim];
            let kind = match c.modality.as_str() {
                "target" => "The current target for",
                "forecast" => "The latest forecast for",
                _ => "A plan for",
            };
            let mut text = format!(
                "{kind} {} is {} {}",
                lower_first(&namer.series(s)),
                value_phrase(c),
                deadline_phrase(c)
            );
            let mut cites = repeats_of(r.claim);
            // The chain of goals this one replaced, newest first.
            let replaced: Vec<usize> = replaced_chain(s, r.claim);
            if !replaced.is_empty() {
                let olds: Vec<String> =
                    replaced.iter().map(|&o| value_phrase(&claims[o])).collect();
                let _ = write!(text, "; it replaced {}", olds.join(", which replaced "));
                for o in replaced {
                    cites.extend(repeats_of(o));
                }
            }
            text.push('.');
            out.push(Statement { text, cites });
        }
    }
    out
}

/// The goals `claim` replaced, one after another back to the first.
fn replaced_chain(s: &Series, claim: usize) -> Vec<usize> {
    let mut chain = Vec::new();
    let mut current = claim;
    while let Some(old) = s
        .goals
        .iter()
        .find(|r| r.role == Role::Superseded && r.other == Some(current))
    {
        if chain.contains(&old.claim) {
            break;
        }
        chain.push(old.claim);
        current = old.claim;
    }
    chain
}

/// "by 2030" for a deadline; "as of 1987-03-27" for a time already past when the article
/// appeared (when the goal was stated); else "with no stated deadline".
fn deadline_phrase(c: &StoredClaim) -> String {
    let (Some(s), Some(e)) = (&c.time_start, &c.time_end) else {
        return "with no stated deadline".into();
    };
    let word = if c.deadline().is_some() {
        "by"
    } else {
        "as of"
    };
    format!("{word} {}", calendar_year(s, e).unwrap_or(e))
}

fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map_or_else(String::new, |f| {
        f.to_lowercase().chain(chars).collect::<String>()
    })
}

fn revisions(claims: &[StoredClaim], series: &[Series], namer: &Namer<'_>) -> Vec<Statement> {
    let mut out = Vec::new();
    for s in series {
        for p in s.periods.iter().filter(|p| p.verdict == Verdict::Revised) {
            for old in p.readings.iter().filter(|r| r.role == Role::Superseded) {
                let Some(new) = old.other else { continue };
                out.push(Statement {
                    text: format!(
                        "{} {} was first given as {}, later as {}.",
                        namer.series(s),
                        period_phrase(&p.start, &p.end),
                        value_phrase(&claims[old.claim]),
                        value_phrase(&claims[new])
                    ),
                    cites: vec![old.claim, new],
                });
            }
        }
    }
    out
}

fn conflicts(claims: &[StoredClaim], series: &[Series], namer: &Namer<'_>) -> Vec<Statement> {
    let mut out = Vec::new();
    for s in series {
        for p in s.periods.iter().filter(|p| p.verdict == Verdict::Conflict) {
            let sides: Vec<usize> = p
                .readings
                .iter()
                .filter(|r| r.role == Role::Conflicts)
                .map(|r| r.claim)
                .collect();
            let said: Vec<String> = sides
                .iter()
                .map(|&c| format!("{} ({})", value_phrase(&claims[c]), claims[c].doc))
                .collect();
            // Two figures of one article for one period are seldom a contradiction: more
            // often two items or two periods the article tells apart and factline did not.
            let one_article = sides
                .windows(2)
                .all(|w| claims[w[0]].doc == claims[w[1]].doc);
            let opening = if one_article {
                "One article gives different figures for"
            } else {
                "Sources disagree on"
            };
            out.push(Statement {
                text: format!(
                    "{opening} {} {}: {}.",
                    lower_first(&namer.series(s)),
                    period_phrase(&p.start, &p.end),
                    said.join(" against ")
                ),
                cites: sides,
            });
        }
    }
    out
}

fn outliers(claims: &[StoredClaim], series: &[Series], namer: &Namer<'_>) -> Vec<Statement> {
    let mut out = Vec::new();
    for s in series {
        for r in s
            .periods
            .iter()
            .flat_map(|p| &p.readings)
            .filter(|r| r.role == Role::Outlier)
        {
            let c = &claims[r.claim];
            out.push(Statement {
                text: format!(
                    "{} {} is given as {}, at least ten times away from the series' other figures.",
                    namer.series(s),
                    claim_period(c),
                    value_phrase(c)
                ),
                cites: vec![r.claim],
            });
        }
    }
    out
}

/// The cited documents in publication order, with the quotes cited from each.
fn sources(quotes: &[Quote], sections: &[Section], docs: &[StoredDocument]) -> Vec<Source> {
    let mut cited: Vec<usize> = sections
        .iter()
        .flat_map(|s| &s.statements)
        .flat_map(|st| st.cites.iter().copied())
        .collect();
    cited.sort_unstable();
    cited.dedup();
    let mut out: Vec<Source> = docs
        .iter()
        .filter_map(|d| {
            let mut from_doc: Vec<usize> = cited
                .iter()
                .copied()
                .filter(|&q| quotes[q].doc == d.id)
                .collect();
            from_doc.sort_by_key(|&q| quotes[q].span);
            // Two figures of one sentence are one quote.
            from_doc.dedup_by_key(|&mut q| quotes[q].span);
            (!from_doc.is_empty()).then(|| Source {
                doc: d.clone(),
                quotes: from_doc,
            })
        })
        .collect();
    out.sort_by(|a, b| (&a.doc.published, &a.doc.id).cmp(&(&b.doc.published, &b.doc.id)));
    out
}

/// The citation marks of a statement: "[2][5]", each source once, in number order.
fn citation_numbers(brief: &Brief, st: &Statement) -> Vec<(usize, usize)> {
    let mut marks: Vec<(usize, usize)> = st
        .cites
        .iter()
        .filter_map(|&c| brief.source_number(c).map(|n| (n, c)))
        .collect();
    marks.sort_unstable();
    marks.dedup_by_key(|(n, _)| *n);
    marks
}

/// The brief as Markdown.
pub fn markdown(brief: &Brief) -> String {
    let mut out = format!("# {}\n\n{}\n", brief.title, brief.scope);
    for section in &brief.sections {
        let _ = write!(out, "\n## {}\n\n", section.heading);
        for st in &section.statements {
            let marks: String = citation_numbers(brief, st)
                .iter()
                .map(|(n, _)| format!("[{n}]"))
                .collect();
            let _ = writeln!(out, "- {} {marks}", st.text);
        }
    }
    out.push_str("\n## Sources\n\n");
    for (k, s) in brief.sources.iter().enumerate() {
        let _ = writeln!(
            out,
            "{}. {} — {} — `{}` ({})",
            k + 1,
            s.doc.title.as_deref().unwrap_or("(untitled)"),
            s.doc.published.as_deref().unwrap_or("undated"),
            s.doc.id,
            s.doc.origin
        );
        for &q in &s.quotes {
            let _ = writeln!(out, "   > {}", brief.quotes[q].text);
        }
    }
    out
}

/// The brief as a standalone HTML page. Citations link to the quotes in the source list and
/// show them on hover; all article text is escaped.
pub fn html(brief: &Brief, texts: &HashMap<String, String>) -> String {
    let mut out =
        String::from("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n");
    let _ = write!(
        out,
        "<title>{}</title>\n<style>body{{font:16px/1.5 system-ui,sans-serif;max-width:48em;margin:2em auto;padding:0 1em}}\
         a.cite{{text-decoration:none;font-size:.8em;vertical-align:super}}blockquote{{margin:.3em 0 .3em 1em;color:#444}}\
         small{{color:#666}}</style></head><body>\n<h1>{}</h1>\n<p>{}</p>\n",
        escape(&brief.title),
        escape(&brief.title),
        escape(&brief.scope)
    );
    for section in &brief.sections {
        let _ = writeln!(out, "<h2>{}</h2>\n<ul>", escape(&section.heading));
        for st in &section.statements {
            let marks: String = citation_numbers(brief, st)
                .iter()
                .map(|&(n, c)| {
                    let q = brief.quote_anchor(c);
                    // The sentence in the article when its text is at hand, else the quote in
                    // the source list.
                    let target = if texts.contains_key(&brief.quotes[q].doc) {
                        format!("a{q}")
                    } else {
                        format!("q{q}")
                    };
                    format!(
                        "<a class=\"cite\" href=\"#{target}\" title=\"{}\">[{n}]</a>",
                        escape(&brief.quotes[c].text)
                    )
                })
                .collect();
            let _ = writeln!(out, "<li>{} {marks}</li>", escape(&st.text));
        }
        out.push_str("</ul>\n");
    }
    out.push_str("<h2>Sources</h2>\n<ol>\n");
    for s in &brief.sources {
        let _ = writeln!(
            out,
            "<li id=\"doc-{}\">{} — {} — <code>{}</code> <small>({})</small>",
            escape(&s.doc.id),
            escape(s.doc.title.as_deref().unwrap_or("(untitled)")),
            escape(s.doc.published.as_deref().unwrap_or("undated")),
            escape(&s.doc.id),
            escape(&s.doc.origin)
        );
        for &q in &s.quotes {
            let c = &brief.quotes[q];
            let _ = writeln!(
                out,
                "<blockquote id=\"q{q}\">{} <small>characters {}–{} of {}</small></blockquote>",
                escape(&c.text),
                c.span[0],
                c.span[1],
                escape(&c.doc)
            );
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ol>\n");
    articles(brief, texts, &mut out);
    out.push_str("</body></html>\n");
    out
}

/// The cited articles in full, each cited sentence marked with the anchor citations link to,
/// so a reader sees every quote in its context.
fn articles(brief: &Brief, texts: &HashMap<String, String>, out: &mut String) {
    let cited: Vec<(&Source, &String)> = brief
        .sources
        .iter()
        .filter_map(|s| Some((s, texts.get(&s.doc.id)?)))
        .collect();
    if cited.is_empty() {
        return;
    }
    out.push_str("<h2>Articles</h2>\n");
    for (n, (source, text)) in cited.into_iter().enumerate() {
        let _ = writeln!(
            out,
            "<article id=\"text-{}\"><h3>{}. {}</h3>\n<p>{}</p></article>",
            escape(&source.doc.id),
            n + 1,
            escape(source.doc.title.as_deref().unwrap_or("(untitled)")),
            marked_article(brief, source, text)
        );
    }
}

/// An article's text, escaped, paragraphs kept, with its cited sentences in `<mark id="aQ">`.
fn marked_article(brief: &Brief, source: &Source, text: &str) -> String {
    let mut quotes: Vec<(usize, [usize; 2])> = source
        .quotes
        .iter()
        .filter_map(|&q| Some((q, brief.quotes.get(q)?.span)))
        .collect();
    quotes.sort_by_key(|(_, span)| *span);
    // Spans count characters; the text is sliced by bytes.
    let byte_at = |char_index: usize| {
        text.char_indices()
            .nth(char_index)
            .map_or(text.len(), |(b, _)| b)
    };
    let paragraphs = |s: &str| escape(s).replace("\n\n", "</p>\n<p>").replace('\n', "<br>");
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut at = 0;
    for (q, [start, end]) in quotes {
        let (start, end) = (byte_at(start), byte_at(end));
        if start < at || end < start {
            continue;
        }
        out.push_str(&paragraphs(&text[at..start]));
        let _ = write!(
            out,
            "<mark id=\"a{q}\">{}</mark>",
            paragraphs(&text[start..end])
        );
        at = end;
    }
    out.push_str(&paragraphs(&text[at..]));
    out
}

/// Escapes text for HTML element content and attribute values.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(ch),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reconcile::reconcile;

    /// A trade-volume claim for `year` with its own quote.
    fn claim(
        doc: &str,
        published: &str,
        year: &str,
        amount: f64,
        bound: &str,
        quote: &str,
    ) -> StoredClaim {
        StoredClaim {
            quote: quote.into(),
            ..crate::reconcile::tests::claim(doc, published, Some(year), amount, bound)
        }
    }

    fn doc(id: &str, published: &str, title: &str) -> StoredDocument {
        StoredDocument {
            id: id.into(),
            title: Some(title.into()),
            published: Some(published.into()),
            published_source: Some("stated".into()),
            origin: format!("{id}.txt"),
            claims: 1,
        }
    }

    fn meeting(doc: &str, day: &str, participants: &[(&str, Option<&str>)]) -> StoredEvent {
        StoredEvent {
            doc: doc.into(),
            published: Some(day.into()),
            kind: "meeting".into(),
            participants: participants
                .iter()
                .map(|(id, name)| (id.to_string(), name.map(str::to_string)))
                .collect(),
            place: None,
            place_name: None,
            countries: Vec::new(),
            time_start: Some(day.into()),
            time_end: Some(day.into()),
            time_text: Some("on Monday".into()),
            object: None,
            count: None,
            ordinal: None,
            planned: false,
            trigger: "met".into(),
            quote: format!("{doc}: they met."),
            span: [0, 10],
        }
    }

    #[test]
    fn the_scope_says_what_was_left_out_and_why() {
        let mut brief = Brief {
            title: String::new(),
            scope: "12 figures.".into(),
            sections: Vec::new(),
            sources: Vec::new(),
            quotes: Vec::new(),
        };
        brief.mention_left_out(LeftOut {
            with_others: 2,
            about_firms: 1,
        });
        assert!(brief.scope.contains(
            "2 further figures and events name these countries together with others and are \
             left out; 1 figure about a company (profit, revenue) is left out"
        ));
        let before = brief.scope.clone();
        brief.mention_left_out(LeftOut::default());
        assert_eq!(brief.scope, before);
    }

    #[test]
    fn a_pair_brief_leaves_out_what_also_names_a_third_country() {
        let (mut claims, _) = ledger();
        let asked = ["CZ".to_string(), "DE".to_string()];
        let kept = claims.len();
        let mut with_austria = claims[0].clone();
        with_austria.subjects.push("AT".into());
        let mut from_poland = claims[1].clone();
        from_poland.from = Some("PL".into());
        claims.extend([with_austria, from_poland]);
        let mut events = vec![
            meeting("a", "2023-04-02", &[("CZ", None), ("DE", None)]),
            meeting(
                "b",
                "2024-02-20",
                &[
                    ("person:petr-fiala", Some("Petr Fiala")),
                    ("CZ", None),
                    ("FR", None),
                ],
            ),
        ];
        // A firm's profit says nothing about the pair.
        let profit = StoredClaim {
            indicator: "profit".into(),
            ..claims[0].clone()
        };
        claims.push(profit);
        let mut one = (claims.clone(), events.clone());
        let ontology = Ontology::default_ontology().unwrap_or_else(|e| panic!("{e}"));
        let left_out = focus(&mut claims, &mut events, &asked, &ontology);
        assert_eq!(
            left_out,
            LeftOut {
                with_others: 3,
                about_firms: 1
            }
        );
        assert_eq!((claims.len(), events.len()), (kept, 1));
        // About one country, every figure and event concerns it.
        let left_out = focus(&mut one.0, &mut one.1, &asked[..1], &ontology);
        assert_eq!(left_out, LeftOut::default());
    }

    #[test]
    fn a_figure_with_its_own_date_outranks_one_dated_by_its_article() {
        let mut dateless = claim(
            "c",
            "2024-06-01",
            "2024-06-01",
            84e6,
            "exact",
            "Trade of €84 million.",
        );
        dateless.time_text = None;
        let claims = vec![
            claim(
                "a",
                "2024-02-20",
                "2023",
                121.3e9,
                "exact",
                "Trade reached €121.3 billion in 2023.",
            ),
            dateless,
        ];
        let docs = vec![
            doc("a", "2024-02-20", "Trade"),
            doc("c", "2024-06-01", "Trade"),
        ];
        let latest = statements(&brief_of(&claims, &docs), "Latest figures")
            .iter()
            .map(|s| s.text.clone())
            .collect::<Vec<_>>();
        assert_eq!(
            latest,
            ["Trade volume between Czechia and Germany was 121.3 billion EUR in 2023."]
        );
    }

    #[test]
    fn the_verb_agrees_with_the_head_noun_not_the_product() {
        assert!(is_plural("Steel exports from Taiwan to United States"));
        assert!(is_plural("Exports from Czechia"));
        assert!(!is_plural(
            "Goods and services trade volume between Czechia and Germany"
        ));
        assert!(!is_plural("Number of students from Vietnam"));
        assert!(!is_plural("Employment (Germany, Japan)"));
    }

    /// Each statement's text with the quotes it cites.
    fn said_and_cited(said: &[Statement]) -> Vec<(&str, &[usize])> {
        said.iter()
            .map(|s| (s.text.as_str(), s.cites.as_slice()))
            .collect()
    }

    #[test]
    fn one_meeting_reported_by_several_articles_is_one_cited_sentence() {
        let lyng = ("person:richard-lyng", Some("Richard Lyng"));
        let kato = ("person:mutsuki-kato", Some("Mutsuki Kato"));
        let baker = ("person:james-baker", Some("James Baker"));
        let events = vec![
            meeting("a", "1987-04-20", &[("JP", None), lyng, kato]),
            meeting("b", "1987-04-20", &[("US", None), lyng]),
            meeting("c", "1987-04-20", &[baker, ("JP", None)]),
            meeting("d", "1987-04-20", &[lyng, ("JP", None), kato]),
        ];
        assert_eq!(
            said_and_cited(&chronology(&events, 5, |_| true)),
            vec![
                (
                    "on 1987-04-20: Richard Lyng, Mutsuki Kato and Japan met.",
                    &[5, 6, 8][..]
                ),
                ("on 1987-04-20: James Baker and Japan met.", &[7][..]),
            ]
        );
    }

    #[test]
    fn an_announced_visit_and_its_report_are_said_once_as_it_happened() {
        let nakasone = ("person:yasuhiro-nakasone", Some("Yasuhiro Nakasone"));
        let visit =
            |doc: &str, published: &str, start: &str, end: &str, planned: bool| StoredEvent {
                kind: "visit".into(),
                place: Some("US".into()),
                place_name: Some("Washington".into()),
                time_start: Some(start.into()),
                time_end: Some(end.into()),
                planned,
                published: Some(published.into()),
                ..meeting(doc, start, &[nakasone])
            };
        let announced = visit("a", "1987-03-27", "1987-04-01", "1987-04-30", true);
        let said = chronology(std::slice::from_ref(&announced), 0, |_| true);
        assert_eq!(
            said[0].text,
            "from 1987-04-01 to 1987-04-30: Yasuhiro Nakasone was to visit Washington."
        );
        // A visitor named only by country is its delegation.
        let by_country = StoredEvent {
            participants: vec![("US".into(), None)],
            ..announced.clone()
        };
        let said = chronology(std::slice::from_ref(&by_country), 0, |_| true);
        assert_eq!(
            said[0].text,
            "from 1987-04-01 to 1987-04-30: a delegation from United States was to visit Washington."
        );
        // A place written with an abbreviation's dot ends the sentence once.
        let to_us = StoredEvent {
            place_name: Some("U.S.".into()),
            ..announced.clone()
        };
        let said = chronology(std::slice::from_ref(&to_us), 0, |_| true);
        assert!(
            said[0].text.ends_with("was to visit U.S."),
            "{}",
            said[0].text
        );
        let events = vec![
            announced,
            visit("b", "1987-04-29", "1987-04-29", "1987-04-29", true),
            visit("c", "1987-05-02", "1987-04-29", "1987-05-05", false),
            // Another visit, a year later.
            visit("d", "1988-01-12", "1988-01-12", "1988-01-12", false),
        ];
        assert_eq!(
            said_and_cited(&chronology(&events, 0, |_| true)),
            vec![
                // The day all three reports agree on, told as done as the last one does.
                (
                    "on 1987-04-29: Yasuhiro Nakasone visited Washington.",
                    &[0, 1, 2][..]
                ),
                (
                    "on 1988-01-12: Yasuhiro Nakasone visited Washington.",
                    &[3][..]
                ),
            ]
        );
        // Statements of intent are their own section.
        let aims = chronology(&events, 0, is_public_aim);
        assert!(aims.is_empty());
    }

    #[test]
    fn a_company_s_plan_is_no_stated_aim_of_the_relationship() {
        let aim = |participants: &[(&str, Option<&str>)]| StoredEvent {
            kind: "statement".into(),
            trigger: "agreed to".into(),
            object: Some("conduct a joint oil exploration program".into()),
            ..meeting("a", "1987-03-31", participants)
        };
        let by_firms = aim(&[
            ("org:chevron-u-s-a-inc", Some("Chevron U.S.A. Inc")),
            ("org:nippon-oil-co-ltd", Some("Nippon Oil Co Ltd")),
            ("JP", None),
        ]);
        let by_governments = aim(&[("JP", None), ("US", None)]);
        let said = chronology(&[by_firms, by_governments], 0, is_public_aim);
        assert_eq!(said.len(), 1);
        assert!(
            said[0]
                .text
                .contains("Japan and United States stated an aim"),
            "{}",
            said[0].text
        );
    }

    #[test]
    fn a_meeting_reported_with_and_without_its_place_is_said_once_where_it_was() {
        let people = [
            ("person:yasuhiro-nakasone", Some("Yasuhiro Nakasone")),
            ("person:ronald-reagan", Some("Ronald Reagan")),
        ];
        let in_washington = |doc: &str, planned: bool| StoredEvent {
            place: Some("US".into()),
            place_name: Some("Washington".into()),
            planned,
            ..meeting(doc, "1987-04-29", &people)
        };
        let events = vec![
            in_washington("a", true),
            meeting("b", "1987-04-29", &people),
            meeting("c", "1987-04-29", &people),
            // Elsewhere, by a report that names the place.
            StoredEvent {
                place: Some("JP".into()),
                place_name: Some("Tokyo".into()),
                ..meeting("d", "1987-04-29", &people)
            },
            in_washington("e", false),
        ];
        assert_eq!(
            said_and_cited(&chronology(&events, 0, |_| true)),
            vec![(
                "on 1987-04-29: Yasuhiro Nakasone and Ronald Reagan met in Washington.",
                &[0, 1, 2, 3, 4][..]
            )]
        );
    }

    /// A small ledger with a trend, a conflict, a raised target and its confirmation.
    fn ledger() -> (Vec<StoredClaim>, Vec<StoredDocument>) {
        let target = |d: &str, p: &str, amount: f64, quote: &str| StoredClaim {
            modality: "target".into(),
            ..claim(d, p, "2030", amount, "exact", quote)
        };
        let claims = vec![
            claim(
                "a",
                "2023-04-02",
                "2022",
                117e9,
                "exact",
                "Trade reached €117 billion in 2022.",
            ),
            claim(
                "b",
                "2024-02-20",
                "2023",
                121.3e9,
                "exact",
                "Trade reached €121.3 billion in 2023.",
            ),
            claim(
                "c",
                "2024-03-08",
                "2023",
                110e9,
                "upper",
                "Trade fell below €110 billion in 2023 <b>sharply</b>.",
            ),
            target(
                "a",
                "2023-04-02",
                150e9,
                "They aim for €150 billion by 2030.",
            ),
            target(
                "b",
                "2024-02-20",
                150e9,
                "They raised the goal from €150 billion to €180 billion.",
            ),
            target(
                "b",
                "2024-02-20",
                180e9,
                "They raised the goal from €150 billion to €180 billion.",
            ),
        ];
        let docs = vec![
            doc("c", "2024-03-08", "Exports slip"),
            doc("a", "2023-04-02", "Goal set"),
            doc("b", "2024-02-20", "Goal raised"),
        ];
        (claims, docs)
    }

    fn brief_of(claims: &[StoredClaim], docs: &[StoredDocument]) -> Brief {
        let ontology = Ontology::default_ontology().unwrap_or_else(|e| panic!("{e}"));
        build(
            claims,
            &reconcile(claims),
            &[],
            docs,
            &ontology,
            &["CZ".into(), "DE".into()],
        )
    }

    fn statements<'b>(brief: &'b Brief, heading: &str) -> Vec<&'b Statement> {
        brief
            .sections
            .iter()
            .filter(|s| s.heading == heading)
            .flat_map(|s| &s.statements)
            .collect()
    }

    #[test]
    fn every_cited_quote_contains_a_value_the_sentence_states() {
        let (claims, docs) = ledger();
        let brief = brief_of(&claims, &docs);
        assert!(!brief.sections.is_empty());
        for st in brief.sections.iter().flat_map(|s| &s.statements) {
            assert!(!st.cites.is_empty(), "uncited: {}", st.text);
            for &c in &st.cites {
                let claim = &claims[c];
                assert!(claim.quote.contains(&claim.value_text), "{}", claim.quote);
                assert!(
                    brief.source_number(c).is_some(),
                    "{} not in sources",
                    claim.doc
                );
            }
            let stated = st.cites.iter().any(|&c| {
                st.text
                    .contains(&format_amount(claims[c].amount, claims[c].unit.as_deref()))
            });
            assert!(stated, "no cited value in: {}", st.text);
        }
    }

    #[test]
    fn the_brief_states_latest_value_target_history_and_conflict() {
        let (claims, docs) = ledger();
        let brief = brief_of(&claims, &docs);
        assert_eq!(brief.title, "Brief: Czechia – Germany");
        let conflicts = statements(&brief, "Conflicts to check");
        assert_eq!(conflicts.len(), 1);
        assert!(
            conflicts[0].text.contains("121.3 billion EUR")
                && conflicts[0].text.contains("at most 110 billion EUR")
        );
        let targets = statements(&brief, "Targets and plans");
        assert_eq!(targets.len(), 1);
        assert!(
            targets[0]
                .text
                .contains("is 180 billion EUR by 2030; it replaced 150 billion EUR"),
            "{}",
            targets[0].text
        );
        // The latest year is disputed, so its range is given, then the settled year before.
        let latest = statements(&brief, "Latest figures");
        assert_eq!(latest.len(), 1);
        assert!(
            latest[0].text.contains(
                "in 2023 is disputed: 2 figures from 2 articles range from at most 110 billion \
                 EUR to 121.3 billion EUR"
            ) && latest[0]
                .text
                .ends_with("; in 2022 it was 117 billion EUR."),
            "{}",
            latest[0].text
        );
        // Sources are numbered in publication order.
        let ids: Vec<&str> = brief.sources.iter().map(|s| s.doc.id.as_str()).collect();
        assert_eq!(ids, ["a", "b", "c"]);
    }

    #[test]
    fn two_figures_of_one_article_are_not_called_sources_disagreeing() {
        let (mut claims, docs) = ledger();
        // Article c also gives 121.3 billion for 2023; article b's figure is taken away.
        claims[1].doc = "c".into();
        claims[1].published = Some("2024-03-08".into());
        let brief = brief_of(&claims, &docs);
        let conflicts = statements(&brief, "Conflicts to check");
        assert_eq!(conflicts.len(), 1);
        assert!(
            conflicts[0]
                .text
                .starts_with("One article gives different figures for trade volume"),
            "{}",
            conflicts[0].text
        );
    }

    #[test]
    fn periods_compare_only_with_periods_of_the_same_length() {
        let p = |start: &str, end: &str| PeriodValues {
            start: start.into(),
            end: end.into(),
            verdict: Verdict::Single,
            value: 0,
            readings: Vec::new(),
        };
        assert_eq!(
            period_kind(&p("2023-01-01", "2023-12-31")),
            period_kind(&p("2024-01-01", "2024-12-31"))
        );
        assert_eq!(
            period_kind(&p("2024-02-01", "2024-02-29")),
            period_kind(&p("2024-03-01", "2024-03-31"))
        );
        assert_ne!(
            period_kind(&p("1987-04-06", "1987-04-12")),
            period_kind(&p("1986-01-01", "1986-12-31"))
        );
        assert_ne!(
            period_kind(&p("2024-02-20", "2024-02-20")),
            period_kind(&p("2024-01-01", "2024-12-31"))
        );
    }

    #[test]
    fn markdown_cites_and_html_escapes_article_text() {
        let (claims, docs) = ledger();
        let brief = brief_of(&claims, &docs);
        let md = markdown(&brief);
        assert!(
            md.contains("against at most 110 billion EUR (c). [2][3]"),
            "{md}"
        );
        assert!(
            md.contains("1. Goal set — 2023-04-02 — `a` (a.txt)"),
            "{md}"
        );
        let page = html(&brief, &HashMap::new());
        assert!(
            !page.contains("<b>sharply"),
            "article markup must be escaped"
        );
        assert!(page.contains("&lt;b&gt;sharply&lt;/b&gt;"));
        // Without the articles' texts each citation links to its quote in the source list.
        for anchor in page.split("href=\"#q").skip(1) {
            let id: String = anchor.chars().take_while(char::is_ascii_digit).collect();
            assert!(
                page.contains(&format!("<blockquote id=\"q{id}\">")),
                "dangling #q{id}"
            );
        }
    }

    #[test]
    fn html_citations_link_to_the_sentence_in_the_article() {
        let (mut claims, docs) = ledger();
        // Each document's text holds its quotes, between untrusted markup, at their spans.
        let mut texts: HashMap<String, String> = HashMap::new();
        for c in &mut claims {
            let text = texts.entry(c.doc.clone()).or_default();
            let start = match text.find(&c.quote) {
                Some(b) => text[..b].chars().count(),
                None => {
                    text.push_str("<i>x</i>\n\n");
                    let start = text.chars().count();
                    text.push_str(&c.quote);
                    start
                }
            };
            c.sentence = [start, start + c.quote.chars().count()];
        }
        let brief = brief_of(&claims, &docs);
        let page = html(&brief, &texts);
        assert!(page.contains("<h2>Articles</h2>"), "{page}");
        assert!(!page.contains("<i>x</i>"), "article text must be escaped");
        let mut links = 0;
        for anchor in page.split("href=\"#a").skip(1) {
            let id: String = anchor.chars().take_while(char::is_ascii_digit).collect();
            let q: usize = id.parse().unwrap_or(usize::MAX);
            let quote = &brief.quotes[q];
            assert!(
                page.contains(&format!(
                    "<mark id=\"a{id}\">{}</mark>",
                    escape(&quote.text)
                )),
                "#a{id} does not mark {:?}",
                quote.text
            );
            links += 1;
        }
        assert!(links > 0, "citations link into the articles: {page}");
    }
}
