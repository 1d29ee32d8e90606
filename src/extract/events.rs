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
        // "The two governments signed …", "They also established …": the article's two
        // countries take part.
        let they = text[span.start..span.end].starts_with("They ");
        let pair = pair
            .as_ref()
            .filter(|_| they || first_within(&bilateral, span).is_some());
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
    let in_sentence = entities_within(&analysis.entities, span);
    if bilateral.is_none() && !in_sentence.iter().any(|e| e.kind != EntityKind::Place) {
        return;
    }
    for &(kind, trigger) in triggers {
        // "during the visit", "the visit came": a visit already told, not a new one; "the
        // June Venice summit" is a meeting named, not reported (unless numbered: "the
        // fourth meeting of the commission took place").
        let before = &text[span.start..trigger.start];
        if (kind == EventType::Visit && refers_back(before))
            || (kind == EventType::Meeting
                && is_noun_trigger(&text[trigger.start..trigger.end])
                && ordinal(words).is_none()
                && names_back(before))
        {
            continue;
        }
        let clause = clause_of(text, &in_sentence, span, trigger);
        let happens = matches!(
            kind,
            EventType::Visit | EventType::Meeting | EventType::Agreement | EventType::Establishment
        );
        if happens && not_taking_place(&text[clause.start..trigger.start]) {
            continue;
        }
        let entities: Vec<&Entity> = in_sentence
            .iter()
            .copied()
            .filter(|e| clause.contains(e.span))
            .collect();
        let mut object = object_after(text, analysis, trigger, clause);
        let object_text = object.map_or("", |o| &text[o.start..o.end]);
        // "stated an aim: “agreed to”" says nothing: an aim needs what was aimed at.
        if kind == EventType::Statement && object_text.split_whitespace().count() < 2 {
            continue;
        }
        let required = match kind {
            EventType::Establishment => Some(&*ESTABLISHED),
            EventType::Award => Some(&*AWARDED),
            EventType::Agreement => Some(&*AGREED),
            _ => None,
        };
        // The thing established, awarded or signed is named after the trigger, or before it
        // ("an agreement was signed").
        if let Some(required) = required.filter(|r| !r.is_match(object_text)) {
            match named_before(text, required, Span::new(clause.start, trigger.start)) {
                Some(named) => object = Some(named),
                None => continue,
            }
        }
        let place = match kind {
            EventType::Visit => visit_destination(text, &entities, trigger),
            _ => place_of(&in_sentence, trigger),
        };
        if kind == EventType::Visit
            && (place.is_none() || names_a_visitor(text, &entities, trigger))
        {
            continue;
        }
        let Some(mut taking_part) = taking_part(
            text,
            kind,
            &entities,
            trigger,
            object,
            place,
            bilateral.is_some(),
        ) else {
            continue;
        };
        // "a meeting of the Economic Policy Council to consider …": its members are named.
        let members = members_named(text, kind, trigger);
        if let Some(members) = members {
            taking_part.retain(|e| members.contains(e.span));
        }
        // "the two leaders" are the article's two countries, unless the clause names them
        // or names who meets ("a meeting of the council").
        let pair_ids = bilateral
            .filter(|_| taking_part.len() < 2 && members.is_none())
            .into_iter()
            .flat_map(|(a, b)| [a.clone(), b.clone()]);
        // The country visited does not visit itself ("Poland and Vietnam signed … during a
        // visit to Hanoi": the article's pair, less the host).
        let host = place
            .filter(|_| kind == EventType::Visit)
            .and_then(country_of);
        let participants: Vec<String> = unique(
            taking_part
                .iter()
                .map(|e| e.id.clone())
                .chain(pair_ids.clone())
                .filter(|id| host.as_ref() != Some(id)),
        );
        if participants.is_empty()
            || (kind == EventType::Meeting && !two_parties(&taking_part, bilateral.is_some()))
        {
            continue;
        }
        let countries = unique_sorted(
            taking_part
                .iter()
                .chain(place.iter())
                .filter_map(|e| country_of(e))
                .chain(pair_ids),
        );
        // "soon after returning from a U.S. visit": a visit over by the time of the report,
        // whatever time the sentence names for something else.
        let mut time =
            if kind == EventType::Visit && returned_from(&text[span.start..trigger.start]) {
                reported_on(published)
            } else {
                event_time(analysis, span, trigger, published)
            };
        let announced =
            kind != EventType::Statement && announced(&text[clause.start..trigger.start]);
        // "the first official to visit Japan since Reagan announced last week …": an event
        // still to come cannot have taken place in a time over before the report; that time
        // belongs to another verb.
        if announced && is_before_publication(time.as_ref(), published) {
            time = reported_on(published);
        }
        out.push(Event {
            kind,
            participants,
            place: place.map(|p| p.id.clone()),
            place_span: place.map(|p| p.span),
            countries,
            planned: announced
                || (kind != EventType::Statement && is_after_publication(time.as_ref(), published)),
            time,
            object,
            count: count_of(text, object, kind),
            ordinal: ordinal(words),
            trigger,
            sentence: span,
        });
    }
}

/// The country an entity is or belongs to: a country's own id, else the country a person,
/// organisation or place has.
fn country_of(e: &Entity) -> Option<String> {
    match e.kind {
        EntityKind::Country => Some(e.id.clone()),
        _ => e.country.clone(),
    }
}

/// Who took part in an event of `kind`, of the entities named in its clause: people,
/// organisations and countries, not a demonym that says whose someone is or describes a
/// thing, not a word inside a longer name, not the thing established (unless nobody else is
/// named, or the article's two countries are), not the place; a visit's visitors are named
/// before the trigger. `None` for a visit that names no visitor from elsewhere.
fn taking_part<'e>(
    text: &str,
    kind: EventType,
    entities: &[&'e Entity],
    trigger: Span,
    object: Option<Span>,
    place: Option<&Entity>,
    bilateral: bool,
) -> Option<Vec<&'e Entity>> {
    // What was established is not who established it, unless nobody else is named.
    let established = |e: &&Entity| {
        kind == EventType::Establishment && object.is_some_and(|o| o.contains(e.span))
    };
    let actors: Vec<&Entity> = entities
        .iter()
        .copied()
        .filter(|e| e.kind != EntityKind::Place)
        .filter(|e| !describes_another(e, entities))
        // "German" in "Czech-German Council for Innovation" is part of a name.
        .filter(|e| {
            !entities
                .iter()
                .any(|o| o.span != e.span && o.span.contains(e.span))
        })
        .filter(|e| !modifies_a_thing(text, e))
        // "LDP General Council Chairman Shintaro Abe visits": the person travels or meets.
        .filter(|e| {
            !(matches!(kind, EventType::Visit | EventType::Meeting)
                && heads_a_title(text, e, entities))
        })
        .collect();
    let others = bilateral || actors.iter().any(|e| !established(e));
    let mut taking_part: Vec<&Entity> = actors
        .into_iter()
        .filter(|e| !others || !established(e))
        // A visit's destination is where it went, not who went; the capital where a
        // meeting was held ("talks in Tokyo") is no party to it.
        .filter(|e| place.is_none_or(|p| p.span != e.span))
        .filter(|e| kind != EventType::Visit || Some(&e.id) != place.map(|p| &p.id))
        .collect();
    if kind == EventType::Visit {
        // Who went is named before "visited"; others after it are whom they saw, and so is
        // one named after "with" ("at a meeting with Nakasone soon after returning from a U.S.
        // visit").
        let met_with = |e: &Entity| {
            let before = &text[..e.span.start];
            before.rfind(" with ").is_some_and(|w| {
                let between = &before[w + 6..];
                !between.contains([',', ';']) && between.split_whitespace().count() <= 3
            })
        };
        if taking_part
            .iter()
            .any(|e| e.span.end <= trigger.start && !met_with(e))
        {
            taking_part.retain(|e| e.span.end <= trigger.start && !met_with(e));
        }
        // "During a visit to the U.S., Kondo was asked by Fed chairman Volcker and the
        // Council of Economic Advisers …": those a passive names are the hosts.
        taking_part.retain(|e| !named_as_host(text, trigger, e));
        // "a visit to Tokyo by Japanese officials" names no visitor from elsewhere.
        let destination = place.and_then(|p| p.country.as_deref().or(Some(&p.id)));
        if taking_part
            .iter()
            .all(|e| Some(e.id.as_str()) == destination)
        {
            return None;
        }
    }
    Some(taking_part)
}

/// Whether `e`, after a visit's trigger, is the agent of a passive ("was asked by …",
/// "was received by …"): one whom the visitor saw, not a visitor. The agent phrase runs
/// from "by" to the first comma or semicolon.
fn named_as_host(text: &str, trigger: Span, e: &Entity) -> bool {
    let Some(before) = text.get(trigger.end..e.span.start) else {
        return false;
    };
    let Some(by) = before.rfind(" by ") else {
        return false;
    };
    let participle = before[..by]
        .rsplit(' ')
        .next()
        .is_some_and(|w| w.len() > 3 && w.ends_with("ed"));
    participle && !before[by..].contains([',', ';'])
}

/// The words naming who meets in "a meeting of …" or "a session of …", up to the first
/// comma or word that opens what the meeting is for ("to consider", "on trade").
fn members_named(text: &str, kind: EventType, trigger: Span) -> Option<Span> {
    static MEMBERS_END: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)[,;:(]|(?-u:\b)(?:to|on|that|which|in|at|for|with|over|about|under|was|is|will|would)(?-u:\b)",
        )
    });
    let trigger_text = text[trigger.start..trigger.end].to_ascii_lowercase();
    if kind != EventType::Meeting || !trigger_text.ends_with(" of") {
        return None;
    }
    let rest = text.get(trigger.end..)?;
    let len = MEMBERS_END.find(rest).map_or(rest.len(), |m| m.start());
    Some(Span::new(trigger.end, trigger.end + len))
}

/// Words that open another clause: "…; ", ", but", ", which", "said (that)". Participants
/// are named in the trigger's clause.
static CLAUSE_BREAK: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i);|,\s+(?:but|while|whereas|although|though|because|since|after|before|when|as|if|which|who|where)(?-u:\b)|(?-u:\b)(?:said|says|say|told)(?-u:\b)(?:\s+that(?-u:\b))?",
    )
});

/// A reporting clause after the event: ", the Commerce Department said", ", officials told".
static ATTRIBUTION: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i),\s+[^,;]{0,80}?(?-u:\b)(?:said|says|told|added|reported)(?-u:\b)"));

/// The trigger's clause inside its sentence. It begins at the latest clause break before
/// the trigger that still leaves someone named before it ("Government sources said
/// [Nakasone would visit …]"); with nobody named there, the subject is further back ("Lyng,
/// who is visiting Japan"). It ends at the first break or reporting clause after the
/// trigger (", the Commerce Department said"). A ", and" with a verb on both sides is a break
/// too ("Yeutter met a Korean official, and Lyng will visit Tokyo").
fn clause_of(text: &str, entities: &[&Entity], sentence: Span, trigger: Span) -> Span {
    let named_from = |at: usize| {
        entities.iter().any(|e| {
            e.kind != EntityKind::Place && e.span.start >= at && e.span.end <= trigger.start
        })
    };
    let before = &text[sentence.start..trigger.start];
    // A clause on both sides: "Hoechst AG, Kerdix Inc, Boulder, Colorado, and Nakamichi
    // Corp, Tokyo, have agreed" is one subject.
    let coordinated_before = COORDINATION
        .find_iter(before)
        .filter(|m| has_verb(&before[..m.start()]) && has_verb(&before[m.end()..]))
        .map(|m| m.end());
    let start = CLAUSE_BREAK
        .find_iter(before)
        .map(|m| m.end())
        .chain(coordinated_before)
        .map(|at| sentence.start + at)
        .filter(|&at| named_from(at))
        .max()
        .unwrap_or(sentence.start);
    let after = &text[trigger.end..sentence.end];
    let coordinated_after = COORDINATION.find_iter(after).find(|m| {
        let rest = &after[m.end()..];
        has_verb(&rest[..rest.find([',', ';']).unwrap_or(rest.len())])
    });
    let end = [
        CLAUSE_BREAK.find(after),
        ATTRIBUTION.find(after),
        coordinated_after,
    ]
    .into_iter()
    .flatten()
    .map(|m| trigger.end + m.start())
    .min()
    .unwrap_or(sentence.end);
    Span::new(start, end)
}

/// ", and" between two clauses or between the last two items of a list; [`has_verb`] tells
/// them apart.
static COORDINATION: LazyLock<Regex> = LazyLock::new(|| re(r"(?i),\s+and\s"));

/// Whether words hold a verb, so that with a ", and" before them they are a clause of their
/// own ("…, and Lyng will visit Tokyo") rather than a list's last item ("Japan, the U.S., and
/// Canada met"): an auxiliary, a common finite verb, or a lower-case word ending in "-ed".
fn has_verb(words: &str) -> bool {
    const VERBS: &[&str] = &[
        "will", "would", "is", "are", "was", "were", "has", "have", "had", "did", "does", "can",
        "could", "may", "might", "must", "shall", "should", "said", "says", "met", "meets",
        "visits", "signs", "plans", "wants",
    ];
    words.split_whitespace().any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        VERBS.contains(&w)
            || (w.len() > 4 && w.ends_with("ed") && w.chars().all(|c| c.is_ascii_lowercase()))
    })
}

/// True when the words of the clause before a visit, meeting, signing or founding say it did
/// not or may not happen: it is denied ("did not meet", "has no plans to start talks",
/// "refused to sign"), proposed or asked for ("suggested bilateral talks", "calls on Shultz
/// to enter into talks", "invited him to visit"), called off, or only possible ("could meet",
/// "may visit"). A cue other than a modal governs the trigger only when no comma, semicolon
/// or subordinating word stands between them ("did not make an offer when they held talks"
/// reports talks).
fn not_taking_place(before: &str) -> bool {
    static CUES: LazyLock<Regex> = LazyLock::new(|| {
        re(concat!(
            r"(?i)(?-u:\b)(?:no\s+plans?|not|never|n't|(?:refus|declin)\w*\s+to|suggest(?:s|ed)?",
            r"|propos(?:e|es|ed)|call(?:s|ed)?\s+(?:on|for)|(?:urg|ask)\w*\s+(?:\w+\s+){0,4}?to",
            r"|invit\w*|(?:offer\w*|ready|willing|wants?|wanted|would\s+like|hop(?:e|es|ed|ing))\s+to",
            r"|cancel\w*|postpon\w*|called\s+off)(?-u:\b)",
        ))
    });
    // A modal governs only the verb right after it: "could meet", "may not visit", "could
    // be signed", not "might feel the pressure of the accord signed last summer".
    static MODAL: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)(?-u:\b)(?:could|might|should|(?-i:may))\s+(?:(?:not|also|still|soon|be|have|then)\s+){0,2}$",
        )
    });
    static SUBORDINATE: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)[,;]|(?-u:\b)(?:when|after|before|while|which|who|that|because|since|if|as)(?-u:\b)",
        )
    });
    MODAL.is_match(before)
        || CUES
            .find_iter(before)
            .last()
            .is_some_and(|cue| !SUBORDINATE.is_match(&before[cue.end()..]))
}

/// True when the words before a trigger announce it rather than report it: "will visit",
/// "is to sign", "plans to meet", "would also visit".
fn announced(before: &str) -> bool {
    static ANNOUNCED: LazyLock<Regex> =
        LazyLock::new(|| re(r"(?i)(?-u:\b)(?:will|would|shall|to)\s+(?:[a-z]+ly\s+)?$"));
    ANNOUNCED.is_match(before)
}

/// True when the event's own time starts after its article appeared ("next week's summit").
fn is_after_publication(time: Option<&ClaimTime>, published: Option<Date>) -> bool {
    named_time_and_publication(time, published).is_some_and(|(t, p)| t.start > p)
}

/// Whether an event's time, named in the text, ended before the publication date.
fn is_before_publication(time: Option<&ClaimTime>, published: Option<Date>) -> bool {
    named_time_and_publication(time, published).is_some_and(|(t, p)| t.end < p)
}

/// An event's time when the text names it (not the publication day taken for it), with
/// the publication date, to compare them.
fn named_time_and_publication(
    time: Option<&ClaimTime>,
    published: Option<Date>,
) -> Option<(&ClaimTime, Date)> {
    time.filter(|t| t.span.is_some()).zip(published)
}

/// Whether a meeting has two sides: two participants that are not one country and its own
/// people ("Japan met in Venice" has one), or a body that meets ("the joint commission met"),
/// or the article's two countries ("the two sides met").
fn two_parties(taking_part: &[&Entity], bilateral: bool) -> bool {
    if bilateral || taking_part.iter().any(|e| e.kind == EntityKind::Org) {
        return true;
    }
    let mut sides: Vec<&str> = taking_part
        .iter()
        .map(|e| match (e.kind, e.country.as_deref()) {
            (EntityKind::Country, _) => e.id.as_str(),
            (_, Some(country)) if taking_part.iter().any(|o| o.id == country) => country,
            _ => e.id.as_str(),
        })
        .collect();
    sides.sort_unstable();
    sides.dedup();
    sides.len() >= 2
}

/// "the semiconductor trade agreement signed last summer": the thing signed, named before
/// the trigger, from its determiner (or from the clause's start) to the noun `required`
/// matches.
fn named_before(text: &str, required: &Regex, before: Span) -> Option<Span> {
    let words = &text[before.start..before.end];
    let noun = required.find_iter(words).last()?;
    let opening = words[..noun.start()]
        .rmatch_indices(' ')
        .map(|(at, _)| at + 1)
        .take(4)
        .find(|&at| {
            let word = words[at..].split(' ').next().unwrap_or("");
            matches!(
                word.to_ascii_lowercase().as_str(),
                "the" | "a" | "an" | "this" | "that"
            )
        })
        .unwrap_or(noun.start());
    Some(Span::new(before.start + opening, before.start + noun.end()))
}

/// Where a visit went: the first place or country after the trigger that does not say
/// whose a visitor is ("visiting U.S. Agriculture Secretary Richard Lyng": "U.S." is his
/// country, not where he went).
fn visit_destination<'e>(text: &str, entities: &[&'e Entity], trigger: Span) -> Option<&'e Entity> {
    if let Some(before) = country_before_visit_noun(text, entities, trigger) {
        return Some(before);
    }
    let after: Vec<&&Entity> = entities
        .iter()
        .filter(|e| e.span.start >= trigger.end)
        .collect();
    after
        .iter()
        .enumerate()
        .find(|(i, e)| {
            (e.kind == EntityKind::Place
                || (e.kind == EntityKind::Country && e.form != MentionForm::Demonym))
                && !after.get(i + 1).is_some_and(|next| {
                    // Mentions may overlap ("Soviet Union" and "Union"): no title between.
                    let title = text.get(e.span.end..next.span.start);
                    next.kind == EntityKind::Person
                        && title.is_some_and(|t| {
                            t.split_whitespace().count() <= 8 && !t.contains([',', ';', '.'])
                        })
                })
        })
        .map(|(_, e)| **e)
}

/// Whether "visiting" describes who comes next ("told visiting U.S. Secretary of State George
/// Shultz", "visiting U.S. Trade officials") rather than telling of a visit to it ("visiting
/// Japan"): a person right after it, or a country followed by a capitalised word. Where
/// such a visitor went the sentence does not say.
fn names_a_visitor(text: &str, entities: &[&Entity], trigger: Span) -> bool {
    if !text[trigger.start..trigger.end].eq_ignore_ascii_case("visiting") {
        return false;
    }
    let Some(next) = entities.iter().find(|e| e.span.start >= trigger.end) else {
        return false;
    };
    let adjacent = text[trigger.end..next.span.start].trim().is_empty();
    let title_follows = text[next.span.end..]
        .trim_start_matches(' ')
        .starts_with(|c: char| c.is_uppercase());
    adjacent && (next.kind == EntityKind::Person || title_follows)
}

/// "a U.S. visit", "his Japan visit": a country named between a determiner and the noun
/// "visit" is where the visit went.
fn country_before_visit_noun<'e>(
    text: &str,
    entities: &[&'e Entity],
    trigger: Span,
) -> Option<&'e Entity> {
    if !text[trigger.start..trigger.end].eq_ignore_ascii_case("visit") {
        return None;
    }
    let country = entities.iter().copied().find(|e| {
        e.kind == EntityKind::Country
            && e.form != MentionForm::Demonym
            && e.span.end < trigger.start
            && text[e.span.end..trigger.start].trim().is_empty()
    })?;
    let determiner = text[..country.span.start].split_whitespace().next_back()?;
    ["a", "an", "his", "her", "their", "its", "our", "my"]
        .iter()
        .any(|d| d.eq_ignore_ascii_case(determiner))
        .then_some(country)
}

/// Nouns after a country's demonym or possessive that make it an actor ("Japanese
/// officials", "Japan's trade minister", "Japanese chip makers"), not a description of a
/// thing ("Japanese trade policies", "Japan's policy").
const ACTOR_NOUNS: &[&str] = &[
    "government",
    "governments",
    "officials",
    "official",
    "delegation",
    "delegates",
    "minister",
    "ministers",
    "ministry",
    "leader",
    "leaders",
    "negotiators",
    "negotiator",
    "side",
    "authorities",
    "president",
    "premier",
    "prime",
    "chancellor",
    "ambassador",
    "envoy",
    "diplomats",
    "diplomat",
    "team",
    "counterpart",
    "counterparts",
    "companies",
    "firms",
    "makers",
    "producers",
    "exporters",
    "importers",
    "industry",
    "businessmen",
    "banks",
    "investors",
    "parliament",
    "lawmakers",
    "king",
    "queen",
    "secretary",
    "representative",
    "army",
    "forces",
    "navy",
    "embassy",
    "consulate",
];

/// True for a demonym or possessive that describes a thing ("Japanese trade policies",
/// "Japan's policy of self-sufficiency"): none of the next four words ("Czech and German
/// economy ministers") is an actor noun, and the next is no capitalised title.
fn modifies_a_thing(text: &str, e: &Entity) -> bool {
    if e.kind != EntityKind::Country {
        return false;
    }
    let rest = &text[e.span.end..];
    let possessive = rest.strip_prefix("'s").or_else(|| rest.strip_prefix("’s"));
    let rest = match (e.form, possessive) {
        (_, Some(rest)) => rest,
        (MentionForm::Demonym, None) => rest,
        _ => return false,
    };
    // "Czech-German Strategic Dialogue": the words after the compound.
    let rest = match rest.strip_prefix('-') {
        Some(compound) => compound.trim_start_matches(char::is_alphabetic),
        None => rest,
    };
    let head: Vec<&str> = rest
        .split_whitespace()
        .take(4)
        .take_while(|w| w.chars().all(|c| c.is_alphabetic() || c == '-'))
        .collect();
    if head
        .first()
        .is_some_and(|w| w.starts_with(char::is_uppercase))
    {
        return false;
    }
    !head
        .iter()
        .any(|w| ACTOR_NOUNS.contains(&w.to_ascii_lowercase().as_str()))
}

/// An organisation named before the title of a person named after it, who holds a post in it
/// and stands for it ("LDP General Council Chairman Shintaro Abe"; in "Bank of Japan Governor
/// Satoshi Sumita", with no person recognised, the bank stands for him).
fn heads_a_title(text: &str, e: &Entity, entities: &[&Entity]) -> bool {
    const TITLES: &[&str] = &[
        "chairman",
        "chairwoman",
        "president",
        "governor",
        "minister",
        "secretary",
        "director",
        "head",
        "chief",
        "spokesman",
        "spokeswoman",
        "executive",
        "ceo",
    ];
    let titled = text[e.span.end..]
        .split_whitespace()
        .next()
        .is_some_and(|w| TITLES.contains(&w.to_ascii_lowercase().as_str()));
    let holder = || {
        entities.iter().any(|p| {
            p.kind == EntityKind::Person
                && p.span.start >= e.span.end
                && text[e.span.end..p.span.start].split_whitespace().count() <= 2
        })
    };
    e.kind == EntityKind::Org && titled && holder()
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

/// Where a meeting, signing or other event happened: a place in the sentence, else a
/// country named by its capital after the trigger ("talks in Hanoi").
fn place_of<'e>(entities: &[&'e Entity], trigger: Span) -> Option<&'e Entity> {
    entities
        .iter()
        .find(|e| e.kind == EntityKind::Place)
        .or_else(|| {
            entities.iter().find(|e| {
                e.span.start >= trigger.end
                    && e.kind == EntityKind::Country
                    && e.form == MentionForm::Capital
            })
        })
        .copied()
}

/// The words after the trigger up to the clause's end, at most ten words: what was signed,
/// established, awarded or intended.
fn object_after(text: &str, analysis: &Analysis, trigger: Span, clause: Span) -> Option<Span> {
    let rest = &text[trigger.end..clause.end];
    let lead = rest.len() - rest.trim_start().len();
    let start = trigger.end + lead;
    // A time expression ends the object: "12 agreements [on 27 February 2025]".
    let stop = analysis
        .times
        .iter()
        .map(|t| t.span.start)
        .find(|&t| t >= start && t < clause.end)
        .unwrap_or(clause.end);
    let mut end = start;
    let mut words = 0;
    let mut last_word = "";
    for (i, c) in text[start..stop].char_indices() {
        let at = start + i;
        // "5,000 billion yen": a comma inside a number goes on.
        let in_number = c == ','
            && text[..at].ends_with(|d: char| d.is_ascii_digit())
            && text[at + 1..].starts_with(|d: char| d.is_ascii_digit());
        if (matches!(c, ',' | ';' | ':' | '(' | '"' | '“' | '”') && !in_number)
            || (c == '.' && text[at + 1..clause.end].trim().is_empty())
        {
            break;
        }
        if c == ' ' {
            words += 1;
            let mut next = text[at + 1..stop].split(' ');
            let word = next.next().unwrap_or("");
            if words >= 10 || ends_object(last_word, word, next.next()) {
                break;
            }
            last_word = word;
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

/// Whether `word` (after `before`, followed by `then`) ends an event's object; "as much
/// as" and "as many as" open an amount instead ("plans to slap as much as 300 mln dlrs").
fn ends_object(before: &str, word: &str, then: Option<&str>) -> bool {
    let amount = word == "as"
        && (matches!(then, Some("much" | "many")) || matches!(before, "much" | "many"));
    OBJECT_ENDS.contains(&word) && !amount
}

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
        None => reported_on(published),
    }
}

/// An event dated by its report alone: the publication day, with no span.
fn reported_on(published: Option<Date>) -> Option<ClaimTime> {
    published.map(|p| ClaimTime {
        start: p,
        end: p,
        span: None,
    })
}

/// "signed three agreements", "12 memoranda": the number that opens an agreement's object.
fn count_of(text: &str, object: Option<Span>, kind: EventType) -> Option<f64> {
    let object = object.filter(|_| kind == EventType::Agreement)?;
    let words = &text[object.start..object.end];
    let tokens = tokens::tokenize(words);
    numbers::number_at(&tokens, 0, words).map(|n| n.value)
}

/// True when the words before a trigger end with "the", "this", "his" or a possessive:
/// the event is one the article has already told ("during the visit", "Nakasone's visit").
fn refers_back(before: &str) -> bool {
    let last = before.trim_end().rsplit(' ').next().unwrap_or("");
    matches!(
        last.to_ascii_lowercase().as_str(),
        "the" | "this" | "that" | "his" | "her" | "their" | "its"
    ) || last.ends_with("'s")
        || last.ends_with("’s")
}

/// True when the words before a visit say the visitor came back from it ("after returning
/// from a U.S.", "back from his").
fn returned_from(before: &str) -> bool {
    static RETURNED: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)(?-u:\b)(?:return(?:s|ed|ing)?|back)\s+from\s+(?:a|an|his|her|their|its)(?:\s+\S+){0,2}\s*$",
        )
    });
    RETURNED.is_match(before)
}

/// Whether a meeting's trigger is a noun ("summit", "meeting of") rather than a verb.
fn is_noun_trigger(trigger: &str) -> bool {
    let t = trigger.to_ascii_lowercase();
    t == "summit" || t.starts_with("meeting of") || t.starts_with("session of")
}

/// True when one of the last four words before a noun opens a definite noun phrase ("the
/// 1986 Tokyo summit", "last year's summit"): the article names a meeting it has not
/// reported.
fn names_back(before: &str) -> bool {
    before.split_whitespace().rev().take(4).any(refers_back)
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
    fn a_meeting_of_a_body_is_its_members_alone() {
        let text = "Prime Minister Petr Fiala spoke two days before a meeting of the Czech \
                    National Security Council to consider whether Poland had broken the pact.";
        let e = of_type(text, EventType::Meeting);
        assert!(
            e.participants.iter().all(|p| p.starts_with("org:")),
            "{:?}",
            e.participants
        );
    }

    #[test]
    fn a_country_before_the_noun_visit_is_where_it_went() {
        let text = "Former Minister Petr Fiala spoke soon after returning from a U.S. visit \
                    designed to prepare the trip to Berlin starting next Wednesday.";
        let e = of_type(text, EventType::Visit);
        assert_eq!(e.place.as_deref(), Some("US"));
        assert_eq!(e.participants, vec!["person:petr-fiala"]);
        // A visit come back from is over, whatever time the sentence names for another.
        assert!(!e.planned);
        assert_eq!(e.time.as_ref().map(|t| t.span), Some(None));
        // Whom the visitor met before it is no visitor.
        let text = "Former Minister Petr Fiala spoke at a meeting with President Petr Pavel \
                    soon after returning from a U.S. visit.";
        let e = of_type(text, EventType::Visit);
        assert_eq!(e.participants, vec!["person:petr-fiala"]);
    }

    #[test]
    fn those_a_visitor_was_received_by_are_hosts() {
        let e = of_type(
            "During a visit to Berlin, Czech Prime Minister Petr Fiala was received by the \
             German Council of Economic Experts.",
            EventType::Visit,
        );
        assert_eq!(e.participants, vec!["person:petr-fiala"]);
        // "a visit by" names the visitor.
        let e = of_type(
            "A visit by Czech Prime Minister Petr Fiala to Berlin ended on Friday.",
            EventType::Visit,
        );
        assert_eq!(e.participants, vec!["person:petr-fiala"]);
    }

    #[test]
    fn the_country_visited_is_no_visitor() {
        let e = of_type(
            "Poland and Vietnam signed 12 agreements during a visit to Hanoi.",
            EventType::Visit,
        );
        assert_eq!(e.participants, vec!["PL"]);
    }

    #[test]
    fn a_visit_to_come_is_not_dated_by_a_past_time_of_another_verb() {
        let text = "Trade Representative Clayton Yeutter is the first official to visit Japan \
                    since the president announced last week a plan to raise tariffs.";
        let e = of_type(text, EventType::Visit);
        assert!(e.planned);
        let time = e.time.as_ref().map(|t| (t.start.to_string(), t.span));
        assert_eq!(time, Some(("2025-03-14".to_string(), None)));
        // A planned visit dated after the report keeps its date.
        let e = of_type(
            "Trade Representative Clayton Yeutter will visit Japan next week.",
            EventType::Visit,
        );
        assert_eq!(
            e.time.map(|t| t.start.to_string()),
            Some("2025-03-17".into())
        );
    }

    #[test]
    fn a_clause_after_and_has_its_own_participants() {
        let text = "Czech Prime Minister Petr Fiala met a Polish official in Warsaw on Monday, and Polish Prime Minister Donald Tusk will \
                    visit Prague in April.";
        let visit = of_type(text, EventType::Visit);
        assert_eq!(visit.participants, vec!["person:donald-tusk"]);
        let meeting = of_type(text, EventType::Meeting);
        assert!(
            !meeting
                .participants
                .contains(&"person:donald-tusk".to_string()),
            "{:?}",
            meeting.participants
        );
        // The last item of a list is no clause of its own, nor is a subject's last part.
        let joint = of_type(
            "Skoda Holding, Mlada Boleslav, and Vietnam Motors Corp, Hanoi, have agreed to \
             pool their research on batteries.",
            EventType::Statement,
        );
        assert!(
            joint
                .participants
                .contains(&"org:skoda-holding".to_string()),
            "{:?}",
            joint.participants
        );
        let list = of_type(
            "Poland, Czechia, and Vietnam met in Hanoi on Monday.",
            EventType::Meeting,
        );
        assert_eq!(list.participants, vec!["PL", "CZ", "VN"]);
    }

    #[test]
    fn an_organisation_before_a_title_is_the_travellers_post() {
        let text = "Civic Democratic Party Chairman Petr Fiala will visit Warsaw on April 19.";
        let e = of_type(text, EventType::Visit);
        assert_eq!(e.participants, vec!["person:petr-fiala"]);
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
    fn participants_are_named_in_the_triggers_clause() {
        // The reporting clause names a source, not a party.
        let st = of_type(
            "Japan has pledged to buy more U.S. car parts, the Commerce Department said.",
            EventType::Statement,
        );
        assert_eq!(st.participants, vec!["JP", "US"]);
        // "Japanese trade policies" describes a thing; "Japanese officials" act.
        let visit = of_type(
            "Prime Minister Yasuhiro Nakasone will visit Washington next month to soothe \
             anger over Japanese trade policies.",
            EventType::Visit,
        );
        assert_eq!(visit.participants, vec!["person:yasuhiro-nakasone"]);
        assert!(visit.planned, "announced, not yet happened");
        let talks = of_type(
            "Japanese officials held talks with Germany in Berlin.",
            EventType::Meeting,
        );
        assert_eq!(talks.participants, vec!["JP", "DE"]);
        assert!(!talks.planned);
        // "Czech and German economy ministers": both demonyms name actors.
        let met = of_type(
            "Czech and German economy ministers met in Dresden.",
            EventType::Meeting,
        );
        assert_eq!(met.participants, vec!["CZ", "DE"]);
    }

    #[test]
    fn a_visitors_country_is_not_where_the_visit_went() {
        let text = "Rice policy is protectionist, visiting U.S. Agriculture Secretary Richard \
                    Lyng told a press conference.";
        assert!(read(text).iter().all(|e| e.kind != EventType::Visit));
        for text in [
            "Tamura told visiting U.S. Trade officials that Japan would buy more.",
            "Chinese leader Deng Xiaoping told visiting U.S. Secretary of State George Shultz \
             the troubles were over.",
        ] {
            assert!(
                read(text).iter().all(|e| e.kind != EventType::Visit),
                "{text}"
            );
        }
        let visit = of_type(
            "Trade Representative Clayton Yeutter will be visiting Japan in April.",
            EventType::Visit,
        );
        assert_eq!(visit.place.as_deref(), Some("JP"));
        // Officials of the country visited name no visitor from elsewhere.
        assert!(
            read("A visit to Tokyo by Japanese trade officials was cancelled.")
                .iter()
                .all(|e| e.kind != EventType::Visit)
        );
    }

    #[test]
    fn a_meeting_has_two_sides_and_is_reported_not_named() {
        let no_meeting = |text: &str| read(text).iter().all(|e| e.kind != EventType::Meeting);
        // One country alone meets nobody.
        assert!(no_meeting(
            "At a summit, Japan was asked to cut its surplus."
        ));
        // A summit named is not one reported.
        assert!(no_meeting(
            "Prime Minister Yasuhiro Nakasone and President Ronald Reagan recalled the \
             1986 Tokyo summit."
        ));
        let summit = of_type(
            "Prime Minister Yasuhiro Nakasone and President Ronald Reagan will discuss trade \
             at a summit in Tokyo next week.",
            EventType::Meeting,
        );
        assert_eq!(summit.place.as_deref(), Some("JP"));
        assert_eq!(
            summit.participants,
            vec!["person:yasuhiro-nakasone", "person:ronald-reagan"]
        );
        assert!(summit.planned);
    }

    #[test]
    fn objects_run_through_amounts_and_names_before_the_trigger() {
        let words = |e: &Event, text: &str| e.object.map(|o| text[o.start..o.end].to_string());
        let text = "Japan plans to spend over 5,000 billion yen to boost demand.";
        let st = of_type(text, EventType::Statement);
        assert_eq!(
            words(&st, text).as_deref(),
            Some("spend over 5,000 billion yen to boost demand")
        );
        let text = "Washington plans to put as much as 300 mln dlrs in tariffs on Japan.";
        let st = of_type(text, EventType::Statement);
        assert_eq!(
            words(&st, text).as_deref(),
            Some("put as much as 300 mln dlrs in tariffs")
        );
        let text = "Japan and the United States honoured the chip agreement signed last summer.";
        let signed = of_type(text, EventType::Agreement);
        assert_eq!(words(&signed, text).as_deref(), Some("the chip agreement"));
        // "They" are the article's two countries.
        let text = "Poland and Vietnam met in Hanoi. They also established a joint council.";
        let est = of_type(text, EventType::Establishment);
        assert_eq!(est.countries, vec!["PL", "VN"]);
        assert_eq!(est.participants.len(), 2);
    }

    #[test]
    fn denied_proposed_or_possible_events_are_not_reported() {
        let kinds = |text: &str| -> Vec<EventType> { read(text).iter().map(|e| e.kind).collect() };
        // Each of these gives an event when its cue is left out.
        for text in [
            "Kato said he has no plans to start bilateral trade talks with the United States.",
            "Lyng said he suggested instead bilateral talks with Japan on rice.",
            "The amendment calls on Washington to enter into talks with Japan on defence.",
            "Japan urged the United States to hold talks on rice.",
            "Poland refused to sign the agreement with Vietnam on coal.",
            "Chancellor Merz could visit Prague next month.",
        ] {
            let found = kinds(&format!("Japan and the United States trade rice. {text}"));
            assert!(
                !found.iter().any(|k| matches!(
                    k,
                    EventType::Meeting | EventType::Visit | EventType::Agreement
                )),
                "{text}: {found:?}"
            );
        }
        // A cue in another clause, or a modal governing another verb, leaves the event.
        let held = "U.S. officials did not make an offer when they held grain talks with Soviet \
                    counterparts this week.";
        assert!(kinds(held).contains(&EventType::Meeting), "{held}");
        let signed = "Japan might feel more pressure over the semiconductor trade agreement \
                      Japan and the United States signed last summer.";
        assert!(kinds(signed).contains(&EventType::Agreement), "{signed}");
        let proposals =
            "Baldrige said Japanese Prime Minister Yasuhiro Nakasone will make specific \
                         proposals to ease friction at a meeting with President Reagan this week.";
        assert!(
            kinds(proposals).contains(&EventType::Meeting),
            "{proposals}"
        );
    }

    #[test]
    fn no_participant_no_event() {
        assert!(read("Shares visited a record high and traders met the target.").is_empty());
    }
}
