//! Events: visits, meetings, agreements, establishments, recognitions, awards and
//! statements of intent, one per trigger and sentence, with who took part, where, when,
//! what and how many.
//!
//! Each type's trigger words are one case-insensitive pattern (so each type's boundaries are
//! written in one place); all of them run as one automaton over the document, and a trigger
//! counts only when its sentence names a participant (a person, organisation or country). The type names follow
//! the CAMEO/PLOVER vocabulary ([`EventType`]). Pure function of one analysed document.

use super::re;
use crate::analyze::{numbers, tokens};
use crate::model::{
    Analysis, ClaimTime, Entity, EntityKind, Event, EventType, MentionForm, Sentence, Span,
};
use jiff::civil::Date;
use regex::Regex;
use std::sync::LazyLock;

/// Each type's trigger words (a regex body), in the order types are tried.
const TRIGGER_WORDS: &[(EventType, &str)] = &[
    (
        EventType::Visit,
        r"(?:state|official|working) visit to|visit(?:ed|ing|s)?|trip to|tour of|arrived in|travell?ed to",
    ),
    (
        EventType::Agreement,
        r"sign(?:ed|s|ing)?|inked|concluded|struck|clinched",
    ),
    (
        EventType::Establishment,
        r"establish(?:ed|es|ing)?|set up|founded|opened|inaugurated|launched",
    ),
    (
        EventType::Recognition,
        r"recogni[sz](?:ed|es|ing)|recognition of",
    ),
    (
        EventType::Award,
        r"awarded|presented (?:\w+ )?with|conferred|honou?red (?:\w+ )?with|received the",
    ),
    (
        EventType::Meeting,
        r"met|meet(?:s|ing)? with|held talks|hold talks|talks with|summit|meeting of|session of|round of talks",
    ),
    (
        EventType::Statement,
        r"aim(?:s|ed)? to|pledged? to|vow(?:ed|s)? to|plan(?:s|ned)? to|intend(?:s|ed)? to|seek(?:s)? to|committed to|agreed to|expressed (?:its |their |his |her )?(?:hope|interest|readiness|willingness)",
    ),
];

/// The trigger patterns of all types in one automaton, run once over a document; each match
/// says which type's pattern it is.
static TRIGGERS: LazyLock<regex_automata::meta::Regex> = LazyLock::new(|| {
    let patterns: Vec<String> = TRIGGER_WORDS
        .iter()
        .map(|(_, body)| whole_words(body))
        .collect();
    regex_automata::meta::Regex::new_many(&patterns)
        .unwrap_or_else(|e| panic!("built-in event pattern does not compile: {e}"))
});

/// A whole-word, case-insensitive pattern of `body`. Word boundaries are ASCII ones, which
/// keep the regex engines on their fast automata for text with non-ASCII letters.
fn whole_words(body: &str) -> String {
    format!(r"(?i)(?-u:\b)(?:{body})(?-u:\b)")
}

fn words(body: &str) -> Regex {
    re(&whole_words(body))
}

/// What an establishment must be of: "established diplomatic relations", "opened an
/// embassy" (a bare "opened" or "launched" is too common to be an event).
static ESTABLISHED: LazyLock<Regex> = LazyLock::new(|| {
    words(
        r"relations|embass(?:y|ies)|consulate|council|commission|chamber|office|centre|center|fund|institute|organi[sz]ation|joint venture|branch|partnership|forum|school|university|representation|mission",
    )
});

/// What an award must name.
static AWARDED: LazyLock<Regex> =
    LazyLock::new(|| words(r"award|prize|medal|order|decoration|honou?r|doctorate|title"));

/// What an agreement must name, so "signed" a letter or a player is left out.
static AGREED: LazyLock<Regex> = LazyLock::new(|| {
    words(
        r"agreements?|memorand(?:um|a|ums)|treat(?:y|ies)|accords?|deals?|contracts?|declarations?|protocols?|conventions?|MoUs?|documents?|charter",
    )
});

/// "the third meeting", "the 5th session": a numbered series.
static ORDINAL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?-u:\b)(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\d{1,3}(?:st|nd|rd|th))\s+(?:meeting|session|round|summit|sitting|edition)(?-u:\b)",
    )
});

/// The events reported by one analysed document; `published` dates events whose sentence
/// names no time.
pub fn events(text: &str, analysis: &Analysis, published: Option<Date>) -> Vec<Event> {
    let pair = super::main_pair(&analysis.entities);
    // Each pattern runs once over the whole text (not once per sentence): the first match
    // inside a sentence is the one a search of the sentence alone would find.
    let triggers = trigger_matches(text);
    let bilateral = matches(&super::BILATERAL, text);
    let mut out = Vec::new();
    for sentence in &analysis.sentences {
        let span = sentence.span;
        let found: Vec<(EventType, Span)> = triggers
            .iter()
            .filter_map(|(kind, spans)| first_within(spans, span).map(|m| (*kind, m)))
            .collect();
        if found.is_empty() {
            continue;
        }
        // "The two governments signed …": the article's two countries take part.
        let pair = pair
            .as_ref()
            .filter(|_| first_within(&bilateral, span).is_some());
        sentence_events(text, analysis, *sentence, &found, published, pair, &mut out);
    }
    out
}

/// Each event type with its trigger matches in `text`, in order.
fn trigger_matches(text: &str) -> Vec<(EventType, Vec<Span>)> {
    let mut out: Vec<(EventType, Vec<Span>)> = TRIGGER_WORDS
        .iter()
        .map(|(kind, _)| (*kind, Vec::new()))
        .collect();
    for m in TRIGGERS.find_iter(text) {
        if let Some((_, spans)) = out.get_mut(m.pattern().as_usize()) {
            spans.push(Span::new(m.start(), m.end()));
        }
    }
    out
}

/// Every match of `pattern` in `text`.
fn matches(pattern: &Regex, text: &str) -> Vec<Span> {
    pattern
        .find_iter(text)
        .map(|m| Span::new(m.start(), m.end()))
        .collect()
}

/// The first of the sorted `spans` inside `within`.
fn first_within(spans: &[Span], within: Span) -> Option<Span> {
    let i = spans.partition_point(|s| s.start < within.start);
    spans.get(i).copied().filter(|s| within.contains(*s))
}

/// The entities inside `span` (entities are sorted by position).
fn entities_within(entities: &[Entity], span: Span) -> Vec<&Entity> {
    let from = entities.partition_point(|e| e.span.start < span.start);
    let to = entities.partition_point(|e| e.span.start < span.end);
    entities[from..to.max(from)]
        .iter()
        .filter(|e| span.contains(e.span))
        .collect()
}

fn sentence_events(
    text: &str,
    analysis: &Analysis,
    sentence: Sentence,
    triggers: &[(EventType, Span)],
    published: Option<Date>,
    bilateral: Option<&(String, String)>,
    out: &mut Vec<Event>,
) {
    let span = sentence.span;
    let words = &text[span.start..span.end];
    let entities = entities_within(&analysis.entities, span);
    if !entities.iter().any(|e| e.kind != EntityKind::Place) {
        return;
    }
    for &(kind, trigger) in triggers {
        // "during the visit", "the visit came": a visit already told, not a new one.
        if kind == EventType::Visit && refers_back(&text[span.start..trigger.start]) {
            continue;
        }
        let object = object_after(text, analysis, trigger, span);
        let object_text = object.map_or("", |o| &text[o.start..o.end]);
        let required = match kind {
            EventType::Establishment => Some(&*ESTABLISHED),
            EventType::Award => Some(&*AWARDED),
            EventType::Agreement => Some(&*AGREED),
            _ => None,
        };
        // The thing established, awarded or signed is named after the trigger, or before it
        // ("an agreement was signed").
        if let Some(required) = required {
            if !required.is_match(object_text)
                && !required.is_match(&text[span.start..trigger.start])
            {
                continue;
            }
        }
        let place = place_of(kind, &entities, trigger);
        if kind == EventType::Visit && place.is_none() {
            continue;
        }
        // What was established is not who established it, unless nobody else is named.
        let established = |e: &&&Entity| {
            kind == EventType::Establishment && object.is_some_and(|o| o.contains(e.span))
        };
        let others = entities
            .iter()
            .any(|e| e.kind != EntityKind::Place && !established(&e));
        let participants: Vec<String> = unique(
            entities
                .iter()
                .filter(|e| e.kind != EntityKind::Place)
                .filter(|e| !others || !established(e))
                // A visit's destination is where it went, not who went.
                .filter(|e| kind != EventType::Visit || Some(&e.id) != place.map(|p| &p.id))
                .filter(|e| !describes_another(e, &entities))
                .map(|e| e.id.clone())
                .chain(
                    bilateral
                        .into_iter()
                        .flat_map(|(a, b)| [a.clone(), b.clone()]),
                ),
        );
        if participants.is_empty() {
            continue;
        }
        let countries = unique_sorted(
            entities
                .iter()
                .filter(|e| e.kind != EntityKind::Place || place.is_some_and(|p| p.span == e.span))
                .filter_map(|e| match e.kind {
                    EntityKind::Country => Some(e.id.clone()),
                    _ => e.country.clone(),
                })
                .chain(
                    bilateral
                        .into_iter()
                        .flat_map(|(a, b)| [a.clone(), b.clone()]),
                ),
        );
        out.push(Event {
            kind,
            participants,
            place: place.map(|p| p.id.clone()),
            place_span: place.map(|p| p.span),
            countries,
            time: event_time(analysis, span, trigger, published),
            object,
            count: count_of(text, object, kind),
            ordinal: ordinal(words),
            trigger,
            sentence: span,
        });
    }
}

/// A demonym that gives a person's or organisation's country ("Czech" in "Czech Prime
/// Minister Petr Fiala") is not a participant of its own.
fn describes_another(e: &Entity, entities: &[&Entity]) -> bool {
    e.kind == EntityKind::Country
        && e.form == MentionForm::Demonym
        && entities.iter().any(|o| {
            matches!(o.kind, EntityKind::Person | EntityKind::Org)
                && o.country.as_deref() == Some(e.id.as_str())
        })
}

/// Ids in first-seen order, each once.
fn unique(ids: impl Iterator<Item = String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for id in ids {
        if !out.contains(&id) {
            out.push(id);
        }
    }
    out
}

fn unique_sorted(ids: impl Iterator<Item = String>) -> Vec<String> {
    let mut out: Vec<String> = ids.collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Where it happened: for a visit, the first place or country after the trigger; else a
/// place (or a country) after "in" or "at".
fn place_of<'e>(kind: EventType, entities: &[&'e Entity], trigger: Span) -> Option<&'e Entity> {
    // A place, or a country named or meant by its capital ("to Hanoi"); a demonym
    // ("the Polish president") says whose, not where.
    let is_place = |e: &&&Entity| {
        e.kind == EntityKind::Place
            || (e.kind == EntityKind::Country && e.form != MentionForm::Demonym)
    };
    let after = entities.iter().filter(|e| e.span.start >= trigger.end);
    if kind == EventType::Visit {
        return after.clone().find(is_place).copied();
    }
    entities
        .iter()
        .find(|e| e.kind == EntityKind::Place)
        .or_else(|| {
            after
                .clone()
                .find(|e| e.kind == EntityKind::Country && e.form == MentionForm::Capital)
        })
        .copied()
}

/// The words after the trigger up to the clause's end, at most ten words: what was signed,
/// established, awarded or intended.
fn object_after(text: &str, analysis: &Analysis, trigger: Span, sentence: Span) -> Option<Span> {
    let rest = &text[trigger.end..sentence.end];
    let lead = rest.len() - rest.trim_start().len();
    let start = trigger.end + lead;
    // A time expression ends the object: "12 agreements [on 27 February 2025]".
    let stop = analysis
        .times
        .iter()
        .map(|t| t.span.start)
        .find(|&t| t >= start && t < sentence.end)
        .unwrap_or(sentence.end);
    let mut end = start;
    let mut words = 0;
    for (i, c) in text[start..stop].char_indices() {
        let at = start + i;
        if matches!(c, ',' | ';' | ':' | '(' | '"' | '“' | '”')
            || (c == '.' && text[at + 1..sentence.end].trim().is_empty())
        {
            break;
        }
        if c == ' ' {
            words += 1;
            let next = text[at + 1..stop].split(' ').next().unwrap_or("");
            if words >= 10 || OBJECT_ENDS.contains(&next) {
                break;
            }
        }
        end = at + c.len_utf8();
    }
    let object = text[start..end].trim_end();
    let object = object
        .strip_suffix(" on")
        .or_else(|| object.strip_suffix(" in"))
        .unwrap_or(object);
    (!object.is_empty()).then(|| Span::new(start, start + object.len()))
}

/// Words that end what an event is about: "signed 12 agreements [during a visit …]".
const OBJECT_ENDS: &[&str] = &[
    "during", "after", "before", "when", "while", "as", "at", "with", "said", "says",
];

/// The time expression nearest the trigger, else the publication date.
fn event_time(
    analysis: &Analysis,
    sentence: Span,
    trigger: Span,
    published: Option<Date>,
) -> Option<ClaimTime> {
    let nearest = analysis
        .times
        .iter()
        .filter(|t| sentence.contains(t.span))
        .min_by_key(|t| t.span.start.abs_diff(trigger.start));
    match nearest {
        Some(t) => Some(ClaimTime {
            start: t.start,
            end: t.end,
            span: Some(t.span),
        }),
        None => published.map(|p| ClaimTime {
            start: p,
            end: p,
            span: None,
        }),
    }
}

/// "signed three agreements", "12 memoranda": the number that opens an agreement's object.
fn count_of(text: &str, object: Option<Span>, kind: EventType) -> Option<f64> {
    let object = object.filter(|_| kind == EventType::Agreement)?;
    let words = &text[object.start..object.end];
    let tokens = tokens::tokenize(words);
    numbers::number_at(&tokens, 0, words).map(|n| n.value)
}

/// True when the words before a trigger end with "the", "this", "his" …: the event is
/// one the article has already told ("during the visit").
fn refers_back(before: &str) -> bool {
    let last = before.trim_end().rsplit(' ').next().unwrap_or("");
    matches!(
        last.to_ascii_lowercase().as_str(),
        "the" | "this" | "that" | "his" | "her" | "their" | "its"
    )
}

/// The number of a meeting in its series.
fn ordinal(sentence: &str) -> Option<u32> {
    numbers::ordinal(ORDINAL.captures(sentence)?.get(1)?.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::analyze;

    fn read(text: &str) -> Vec<Event> {
        let published = Date::new(2025, 3, 14).ok();
        let analysis = analyze(text, published);
        events(text, &analysis, published)
    }

    fn of_type(text: &str, kind: EventType) -> Event {
        read(text)
            .into_iter()
            .find(|e| e.kind == kind)
            .unwrap_or_else(|| panic!("no {} event in {text:?}", kind.as_str()))
    }

    #[test]
    fn visit_goes_to_the_place_after_the_trigger() {
        let text = "Czech Prime Minister Petr Fiala visited Gdańsk on 12 March 2025.";
        let e = of_type(text, EventType::Visit);
        assert_eq!(e.participants, vec!["person:petr-fiala"]);
        assert_eq!(e.place.as_deref(), Some("geo:3099434"));
        assert_eq!(e.countries, vec!["CZ", "PL"]);
        let t = e.time.expect("dated");
        assert_eq!(
            (t.start.to_string(), t.span.is_some()),
            ("2025-03-12".into(), true)
        );
    }

    #[test]
    fn numbered_meeting_of_a_commission() {
        let text = "The third meeting of the Joint Economic Commission of Czechia and Vietnam \
                    took place in Hanoi in May 2024.";
        let e = of_type(text, EventType::Meeting);
        assert_eq!(e.ordinal, Some(3));
        assert!(e
            .participants
            .iter()
            .any(|p| p.starts_with("org:joint-economic-commission")));
        assert!(e.countries.contains(&"VN".to_string()));
    }

    #[test]
    fn agreements_carry_their_count_and_object() {
        let text = "Poland and Vietnam signed three agreements on energy and education.";
        let e = of_type(text, EventType::Agreement);
        assert_eq!(e.participants, vec!["PL", "VN"]);
        assert_eq!(e.count, Some(3.0));
        let object = e.object.expect("object");
        assert_eq!(
            &text[object.start..object.end],
            "three agreements on energy and education"
        );
        // Signing a player is not an agreement between parties.
        assert!(read("Poland signed the striker last week.")
            .iter()
            .all(|e| e.kind != EventType::Agreement));
    }

    #[test]
    fn establishment_recognition_award_and_statement() {
        let est = of_type(
            "Czechoslovakia and Vietnam established diplomatic relations in 1950.",
            EventType::Establishment,
        );
        assert_eq!(
            est.time.map(|t| t.start.to_string()),
            Some("1950-01-01".into())
        );
        assert!(read("Germany opened the season with a win.")
            .iter()
            .all(|e| e.kind != EventType::Establishment));
        let rec = of_type(
            "Czechia recognised Kosovo as an independent state in 2008.",
            EventType::Recognition,
        );
        assert_eq!(rec.participants, vec!["CZ", "XK"]);
        let award = of_type(
            "President Petr Pavel awarded the Order of the White Lion to Tran Van Minh.",
            EventType::Award,
        );
        assert_eq!(award.participants[0], "person:petr-pavel");
        let st = of_type(
            "Poland aims to double its exports to Vietnam.",
            EventType::Statement,
        );
        assert_eq!(st.participants, vec!["PL", "VN"]);
        // The publication date stands in when the sentence names no time.
        assert_eq!(
            st.time.map(|t| (t.start.to_string(), t.span)),
            Some(("2025-03-14".into(), None))
        );
    }

    #[test]
    fn no_participant_no_event() {
        assert!(read("Shares visited a record high and traders met the target.").is_empty());
    }
}
