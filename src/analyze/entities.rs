//! Entities: countries named, described by demonym ("Polish", "Emirati") or by capital used
//! as a metonym ("Warsaw said"), linked to ISO 3166-1 alpha-2 codes.
//!
//! The gazetteer is built from packaged datasets (see `data/README.md`) and embedded in the
//! binary; matching is one case-sensitive Aho-Corasick pass, leftmost-longest, kept only at
//! word boundaries.

use crate::model::{Entity, EntityKind, MentionForm, Span};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::sync::LazyLock;

/// The gazetteer: one automaton and, per pattern, the code and form it names.
struct Gazetteer {
    automaton: AhoCorasick,
    targets: Vec<(String, MentionForm)>,
}

/// Demonyms that name a region, not a country, when a compass word precedes them.
const REGION_PREFIXES: &[&str] = &[
    "Latin", "South", "North", "Central", "Pan", "Anglo", "Afro", "East", "West",
];

static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(build_gazetteer);

fn parse_rows(
    tsv: &'static str,
) -> impl Iterator<Item = (&'static str, &'static str, &'static str)> {
    tsv.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let mut parts = l.split('\t');
            Some((parts.next()?, parts.next()?, parts.next()?))
        })
}

fn build_gazetteer() -> Gazetteer {
    let rows = parse_rows(include_str!("../../data/countries.tsv"))
        .chain(parse_rows(include_str!("../../data/countries_extra.tsv")));
    let mut patterns = Vec::new();
    let mut targets = Vec::new();
    for (code, kind, alias) in rows {
        let form = match kind {
            "demonym" => MentionForm::Demonym,
            "capital" => MentionForm::Capital,
            _ => MentionForm::Name,
        };
        patterns.push(alias.to_string());
        targets.push((code.to_string(), form));
        if form == MentionForm::Demonym && (alias.ends_with('n') || alias.ends_with('i')) {
            // "Americans", "Emiratis": the people.
            patterns.push(format!("{alias}s"));
            targets.push((code.to_string(), form));
        }
    }
    let automaton = AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(aho_corasick::AhoCorasickKind::DFA))
        .build(&patterns)
        .unwrap_or_else(|e| panic!("embedded gazetteer does not build: {e}"));
    Gazetteer { automaton, targets }
}

fn is_word_char(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric())
}

/// Finds country mentions in `text`.
pub fn countries(text: &str) -> Vec<Entity> {
    let gaz = &*GAZETTEER;
    let mut out = Vec::new();
    for m in gaz.automaton.find_iter(text) {
        let before = text[..m.start()].chars().next_back();
        let matched = &text[m.start()..m.end()];
        let after = text[m.end()..].chars().next();
        let ends_with_dot = matched.ends_with('.');
        if is_word_char(before) || (!ends_with_dot && is_word_char(after)) {
            continue;
        }
        let (code, form) = &gaz.targets[m.pattern().as_usize()];
        if *form == MentionForm::Demonym && follows_region_word(&text[..m.start()]) {
            continue;
        }
        out.push(Entity {
            id: code.clone(),
            kind: EntityKind::Country,
            form: *form,
            span: Span::new(m.start(), m.end()),
        });
    }
    out
}

fn follows_region_word(before: &str) -> bool {
    let prev = before
        .trim_end()
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    before.ends_with(' ') && REGION_PREFIXES.contains(&prev)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(text: &str) -> Vec<(String, MentionForm)> {
        countries(text)
            .into_iter()
            .map(|e| (e.id, e.form))
            .collect()
    }

    macro_rules! country_cases {
        ($($name:ident: $text:expr => $code:expr, $form:ident;)*) => {$(
            #[test]
            fn $name() {
                assert_eq!(ids($text), vec![($code.to_string(), MentionForm::$form)], "{}", $text);
            }
        )*};
    }

    country_cases! {
        czech_republic: "trade with the Czech Republic grew" => "CZ", Name;
        czechia: "Czechia exports cars" => "CZ", Name;
        czech_demonym: "Czech exports rose" => "CZ", Demonym;
        prague_metonym: "Prague said on Monday" => "CZ", Capital;
        swaziland_old_name: "Swaziland changed its name" => "SZ", Name;
        eswatini: "Eswatini exports sugar" => "SZ", Name;
        burma_old_name: "rice from Burma" => "MM", Name;
        myanmar: "Myanmar's exports" => "MM", Name;
        polish: "Polish firms invested" => "PL", Demonym;
        emirati: "an Emirati fund" => "AE", Demonym;
        filipino: "Filipino workers" => "PH", Demonym;
        warsaw: "Warsaw said it would" => "PL", Capital;
        us_dotted: "the U.S. Treasury" => "US", Name;
        americans: "Americans bought more" => "US", Demonym;
        west_germany: "West Germany's surplus" => "DE", Name;
        south_korea: "South Korea and" => "KR", Name;
        ivory_coast: "cocoa from Ivory Coast" => "CI", Name;
    }

    #[test]
    fn word_boundaries_are_required() {
        assert!(ids("Nigerian oil").iter().all(|(c, _)| c == "NG"));
        assert!(ids("Chadwick and Indiana").is_empty());
    }

    #[test]
    fn region_adjectives_are_not_countries() {
        assert!(ids("Latin American markets").is_empty());
    }
}
