//! Entities: countries named, described by demonym ("Polish", "Emirati") or by capital used
//! as a metonym ("Warsaw said"), linked to ISO 3166-1 alpha-2 codes.
//!
//! The gazetteer is built from packaged datasets (see `data/README.md`) and embedded in the
//! binary. Matching is case-sensitive and tried only where a word starts with a letter some
//! name starts with: an anchored Aho-Corasick search there finds the longest name, kept if it
//! also ends at a word boundary. Most bytes of a text are never looked at by the automaton.

use crate::model::{Entity, MentionForm, Span};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, Anchored, Input, MatchKind, StartKind};
use std::sync::LazyLock;

/// The gazetteer: one automaton and, per pattern, the code and form it names.
struct Gazetteer {
    automaton: AhoCorasick,
    targets: Vec<(String, MentionForm)>,
    /// The characters some name starts with: a search is tried only where one begins a word.
    first_chars: FirstChars,
}

/// A set of characters: a bitmap for ASCII, a sorted list for the rest.
struct FirstChars {
    ascii: [bool; 128],
    other: Vec<char>,
}

impl FirstChars {
    fn new(patterns: &[String]) -> Self {
        let mut ascii = [false; 128];
        let mut other = Vec::new();
        for c in patterns.iter().filter_map(|p| p.chars().next()) {
            match u8::try_from(c) {
                Ok(b) if b.is_ascii() => ascii[usize::from(b)] = true,
                _ => other.push(c),
            }
        }
        other.sort_unstable();
        other.dedup();
        FirstChars { ascii, other }
    }

    fn contains(&self, c: char) -> bool {
        match u8::try_from(c) {
            Ok(b) if b.is_ascii() => self.ascii[usize::from(b)],
            _ => self.other.binary_search(&c).is_ok(),
        }
    }
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

/// The short English name of a country code ("CZ" → "Czechia"): the shortest of its names
/// in the gazetteer, which is the one news uses.
pub fn country_name(code: &str) -> Option<&'static str> {
    COUNTRY_NAMES.get(code).copied()
}

/// Each code's shortest name, gathered once (the brief names countries in every sentence).
static COUNTRY_NAMES: LazyLock<rustc_hash::FxHashMap<&'static str, &'static str>> =
    LazyLock::new(|| {
        let mut names = rustc_hash::FxHashMap::default();
        let rows = parse_rows(include_str!("../../data/countries.tsv"))
            .chain(parse_rows(include_str!("../../data/countries_extra.tsv")));
        for (code, kind, name) in rows {
            if kind == "name" {
                names
                    .entry(code)
                    .and_modify(|n: &mut &str| {
                        if name.len() < n.len() {
                            *n = name;
                        }
                    })
                    .or_insert(name);
            }
        }
        names
    });

fn build_gazetteer() -> Gazetteer {
    let rows = parse_rows(include_str!("../../data/countries.tsv"))
        .chain(parse_rows(include_str!("../../data/countries_extra.tsv")));
    let mut patterns = Vec::new();
    let mut targets = Vec::new();
    for (code, kind, alias) in rows {
        // "the State of Eritrea" is found as "State of Eritrea"; native forms written with a
        // lower-case Latin initial ("al-Jumhūriyyah …") do not occur in English news and
        // would send every lower-case word to the automaton.
        let alias = alias.strip_prefix("the ").unwrap_or(alias);
        if alias.starts_with(|c: char| c.is_ascii_lowercase()) {
            continue;
        }
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
        .start_kind(StartKind::Anchored)
        .kind(Some(aho_corasick::AhoCorasickKind::ContiguousNFA))
        .build(&patterns)
        .unwrap_or_else(|e| panic!("embedded gazetteer does not build: {e}"));
    let first_chars = FirstChars::new(&patterns);
    Gazetteer {
        automaton,
        targets,
        first_chars,
    }
}

fn is_word_char(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric())
}

/// Finds country mentions in `text`.
pub fn countries(text: &str) -> Vec<Entity> {
    let gaz = &*GAZETTEER;
    let mut out = Vec::new();
    let mut resume = 0;
    for (at, &b) in text.as_bytes().iter().enumerate() {
        // ASCII bytes are judged by a table; a non-ASCII character only at its first byte.
        let candidate = if b.is_ascii() {
            gaz.first_chars.ascii[usize::from(b)]
        } else {
            b >= 0xC0
                && text[at..]
                    .chars()
                    .next()
                    .is_some_and(|c| gaz.first_chars.contains(c))
        };
        if !candidate || at < resume || is_word_char(text[..at].chars().next_back()) {
            continue;
        }
        let input = Input::new(text).range(at..).anchored(Anchored::Yes);
        let Some(m) = gaz.automaton.find(input) else {
            continue;
        };
        let matched = &text[m.start()..m.end()];
        let after = text[m.end()..].chars().next();
        if !matched.ends_with('.') && is_word_char(after) {
            continue;
        }
        let (code, form) = &gaz.targets[m.pattern().as_usize()];
        if *form == MentionForm::Demonym && follows_region_word(&text[..m.start()]) {
            continue;
        }
        out.push(Entity::country(code, *form, Span::new(m.start(), m.end())));
        resume = m.end();
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

    fn spans(text: &str) -> Vec<(&str, String)> {
        countries(text)
            .into_iter()
            .map(|e| (&text[e.span.start..e.span.end], e.id))
            .collect()
    }

    #[test]
    fn names_after_non_ascii_punctuation_and_with_non_ascii_initials_are_found() {
        assert_eq!(
            spans("“Poland” signed; the Åland Islands voted."),
            [
                ("Poland", "PL".to_string()),
                ("Åland Islands", "AX".to_string())
            ]
        );
    }

    #[test]
    fn a_name_inside_a_longer_word_is_not_a_mention() {
        assert_eq!(
            spans("Chinatown, Malicious Mali-based Omanis"),
            [("Mali", "ML".to_string()), ("Omanis", "OM".to_string())]
        );
    }

    #[test]
    fn a_leading_article_is_not_part_of_the_name() {
        assert_eq!(
            spans("exports to the Emirates"),
            [("Emirates", "AE".to_string())]
        );
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
        european_community: "exports to the EC totalled" => "EU", Name;
        european_union: "the European Union's tariffs" => "EU", Name;
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

    #[test]
    fn country_names_are_the_short_ones() {
        assert_eq!(country_name("CZ"), Some("Czechia"));
        assert_eq!(country_name("DE"), Some("Germany"));
        assert_eq!(country_name("EU"), Some("European Union"));
        assert_eq!(country_name("XX"), None);
    }
}
