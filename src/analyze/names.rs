//! Names: people, organisations and places, found in runs of capitalised words and linked
//! within the document.
//!
//! A run of capitalised words ("Czech Prime Minister Petr Fiala", "Shanghai Cooperation
//! Organisation", "Gdańsk") is read by what it contains and what surrounds it:
//! - a title or honorific followed by a name is a person, with the role and the country
//!   the role belongs to ("Czech", "Germany's", "… of Chile");
//! - a name followed by a speech verb or a role in apposition ("Petr Fiala, the Czech
//!   prime minister,") is a person;
//! - an organisation word (Bank, Ministry, Group, Ltd, …), with "of …" after it, is an
//!   organisation; an acronym in brackets after it becomes its alias;
//! - a gazetteer name after a place cue ("in", "near", ", Poland", "-based") is a place.
//!
//! Then, within the document, a surname alone or "Mr"/title + surname is linked to the
//! full name given earlier, an acronym to its expansion, and a role without a name ("the
//! Czech prime minister") to the person holding it in the article, else to a role id
//! (`role:CZ:prime-minister`). Ids are the full name folded to a slug (`person:petr-fiala`,
//! `org:czech-national-bank`), so the same full name links across documents.

use super::places;
use super::tokens::{Kind, Token};
use crate::model::{Entity, EntityKind, MentionForm, Span};
use rustc_hash::FxHashMap;
use std::sync::LazyLock;
use unicode_normalization::{char::is_combining_mark, UnicodeNormalization};

/// Words that head a title before a name ("President", "Minister"); the words before the
/// head inside the same run are part of the title ("Prime", "Foreign", "Deputy").
const TITLE_HEADS: &[&str] = &[
    "President",
    "Minister",
    "Chancellor",
    "Premier",
    "Secretary",
    "Secretary-General",
    "Director-General",
    "King",
    "Queen",
    "Prince",
    "Princess",
    "Emperor",
    "Pope",
    "Governor",
    "Mayor",
    "Senator",
    "Ambassador",
    "Chairman",
    "Chairwoman",
    "Chair",
    "CEO",
    "Executive",
    "Director",
    "Commissioner",
    "Speaker",
    "Sheikh",
    "Minister-President",
    "Treasurer",
    "Spokesman",
    "Spokeswoman",
    "Spokesperson",
    "Undersecretary",
    "Under-Secretary",
    "Envoy",
    "Representative",
    "Adviser",
    "Advisor",
    "Exchequer",
];

/// Honorifics: a person follows, but they are not a role.
const HONORIFICS: &[&str] = &["Mr", "Mrs", "Ms", "Dr", "Sir", "Dame", "Professor", "Prof"];

/// Organisation words that are common nouns or adjectives too, which after an abbreviated
/// country alone ("the U.S. Group", "U.K. Financial services") name no organisation.
const COMMON_HEADS: &[&str] = &[
    "Group",
    "Financial",
    "Savings",
    "Insurance",
    "Securities",
    "Services",
    "Systems",
    "Resources",
    "Investments",
    "Communications",
    "Equipment",
    "Properties",
];

/// Words that make a run an organisation's name.
const ORG_HEADS: &[&str] = &[
    "Holding",
    "Holdings",
    "Group",
    "Bank",
    "University",
    "Foundation",
    "Council",
    "Ministry",
    "Organization",
    "Organisation",
    "Agency",
    "Association",
    "Institute",
    "Commission",
    "Committee",
    "Fund",
    "Authority",
    "Chamber",
    "Federation",
    "Party",
    "Parliament",
    "Assembly",
    "Office",
    "Department",
    "Airlines",
    "Airways",
    "Motors",
    "Industries",
    "Forum",
    "Centre",
    "Center",
    "Alliance",
    "Union",
    "Bureau",
    "Board",
    "Court",
    "Society",
    "Academy",
    "College",
    "Exchange",
    "Embassy",
    "Consulate",
    "Secretariat",
    "Railways",
    "Securities",
    "Trust",
    "Trustco",
    "Tobacco",
    "Software",
    "Mining",
    "Cement",
    "Resources",
    "Equipment",
    "Services",
    "Realty",
    "Petroleum",
    "Chemicals",
    "Insurance",
    "Savings",
    "Financial",
    "Investments",
    "Communications",
    "Systems",
    "Technologies",
    "Bancshares",
    "Associates",
    "Incorp",
    "Enterprises",
    "Laboratories",
    "Pharmaceuticals",
    "Refining",
    "Exploration",
    "Properties",
    "Shipping",
    "SE",
];

/// Legal forms that end a company's name: they make a run an organisation's name (as
/// [`ORG_HEADS`] do), and an organisation id whose slug ends in one is a company's.
const LEGAL_FORMS: &[&str] = &[
    "Corporation",
    "Company",
    "Ltd",
    "Inc",
    "Co",
    "Cos",
    "Corp",
    "Bancorp",
    "Plc",
    "AG",
    "SA",
    "GmbH",
    "plc",
    "PLC",
    "LLC",
    "NV",
];

/// Words after which a capitalised name is a place ("a plant in Gdańsk").
const PLACE_CUES: &[&str] = &[
    "in", "at", "near", "from", "to", "outside", "around", "across", "via", "into", "towards",
    "toward", "visited", "visiting", "visit", "of",
];

/// Words that name regions in the gazetteer ("Western" district) but alone in a sentence
/// describe something ("Western industrial democracies").
const COMPASS_WORDS: &[&str] = &[
    "Western", "Eastern", "Northern", "Southern", "Central", "North", "South", "East", "West",
    "Upper", "Lower", "Middle",
];

/// Words after a hyphen that describe the name before it instead of continuing it
/// ("Bavaria-based", "state-owned").
const AFFIX_WORDS: &[&str] = &[
    "based",
    "led",
    "owned",
    "born",
    "run",
    "made",
    "backed",
    "controlled",
    "listed",
    "headquartered",
    "registered",
];

/// Verbs of saying that follow or precede a person's name.
const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "noted",
    "stated",
    "wrote",
    "announced",
    "explained",
    "stressed",
    "argued",
    "warned",
];

/// Capitalised words that begin sentences or name times and are never part of a name.
const NOT_NAMES: &[&str] = &[
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "But",
    "And",
    "For",
    "This",
    "That",
    "These",
    "Those",
    "It",
    "He",
    "She",
    "They",
    "We",
    "I",
    "His",
    "Her",
    "Their",
    "Our",
    "Its",
    "As",
    "If",
    "When",
    "While",
    "After",
    "Before",
    "According",
    "Later",
    "Earlier",
    "Meanwhile",
    "However",
    "Also",
    "Then",
    "Now",
    "Today",
    "Yesterday",
    "Separately",
    "Instead",
    "Both",
    "Last",
    "Next",
    "Since",
    "By",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Words of portfolios and offices, never of a person's name: "Undersecretary of
/// International Economic Relations said" names an office, not a person.
const OFFICE_WORDS: &[&str] = &[
    "Affairs",
    "Relations",
    "Trade",
    "Economy",
    "Economic",
    "Industry",
    "Finance",
    "Foreign",
    "Defence",
    "Defense",
    "Development",
    "Commerce",
    "Agriculture",
    "Energy",
    "International",
    "National",
    "Investment",
    "Security",
    "Health",
    "Education",
    "Justice",
    "Labour",
    "Labor",
    "Interior",
    "Transport",
    "State",
];

/// Capitalised words that end the names of institutions, firms and publications but are
/// too common in other names to make a run an organisation ("White House", "Air Force",
/// "Korean Air", "Oil World"): a run with one of them is never taken for a person.
const NOT_PERSON_WORDS: &[&str] = &[
    "House",
    "Force",
    "Reserve",
    "Fed",
    "Day",
    "World",
    "Land",
    "Gas",
    "Oil",
    "Power",
    "Air",
    "Bell",
    "Mall",
    "Times",
    "News",
    "Reports",
    "Hydro",
    "Administration",
    "Companies",
    "Acquisition",
    "Electric",
    "Chemical",
    "Steel",
    "Partners",
    "Data",
    "Capital",
    "Markets",
    "Motor",
    "Foods",
    "Stores",
    "Products",
    "Brands",
    "Works",
    "Mills",
    "Democrat",
    "Republican",
    "Mines",
];

/// Lower-case roles for "Czech prime minister", "the president of Chile".
const ROLE_PHRASES: &[&str] = &[
    "prime minister",
    "foreign minister",
    "president",
    "chancellor",
    "premier",
    "king",
    "queen",
    "trade minister",
    "economy minister",
    "finance minister",
    "defence minister",
    "defense minister",
];

/// What a word can be to the readers below, as bits: every word of a run is asked several
/// of these questions, so the lists are merged into one map asked once per question.
mod class {
    pub const TITLE: u16 = 1;
    pub const HONORIFIC: u16 = 2;
    pub const ORG: u16 = 4;
    pub const NOT_NAME: u16 = 8;
    pub const SPEECH: u16 = 16;
    pub const PLACE_CUE: u16 = 32;
    pub const AFFIX: u16 = 64;
    pub const OFFICE: u16 = 128;
    pub const NOT_PERSON: u16 = 256;
    pub const COMPASS: u16 = 512;
}

static CLASSES: LazyLock<FxHashMap<&'static str, u16>> = LazyLock::new(|| {
    let mut map: FxHashMap<&'static str, u16> = FxHashMap::default();
    for (list, bit) in [
        (TITLE_HEADS, class::TITLE),
        (HONORIFICS, class::HONORIFIC),
        (ORG_HEADS, class::ORG),
        (LEGAL_FORMS, class::ORG),
        (NOT_NAMES, class::NOT_NAME),
        (SPEECH_VERBS, class::SPEECH),
        (PLACE_CUES, class::PLACE_CUE),
        (AFFIX_WORDS, class::AFFIX),
        (OFFICE_WORDS, class::OFFICE),
        (NOT_PERSON_WORDS, class::NOT_PERSON),
        (COMPASS_WORDS, class::COMPASS),
    ] {
        for word in list {
            *map.entry(word).or_default() |= bit;
        }
    }
    map
});

/// True when `word` is in any of the lists `classes` names.
fn is(word: &str, classes: u16) -> bool {
    CLASSES.get(word).is_some_and(|c| c & classes != 0)
}

/// True for an organisation word, possessive or not ("Bank", "Bank's").
fn is_org_head(word: &str) -> bool {
    is(strip_possessive(word), class::ORG)
}

/// One capitalised word (a hyphenated compound counts as one): its byte range.
#[derive(Debug, Clone, Copy)]
struct Word {
    start: usize,
    end: usize,
}

/// A run of capitalised words with the token index after it.
#[derive(Debug, Clone)]
struct Run {
    words: Vec<Word>,
    /// Index of the first token after the run.
    next: usize,
    /// Index of the run's first token.
    first: usize,
}

impl Run {
    fn span(&self, from: usize, to: usize) -> Span {
        Span::new(self.words[from].start, self.words[to - 1].end)
    }
}

/// Finds people, organisations and places in `text`, given its tokens and the country
/// mentions already found (which they never overlap).
pub fn recognize(tokens: &[Token], text: &str, countries: &[Entity]) -> Vec<Entity> {
    let runs = runs(tokens, text);
    let reader = Reader {
        tokens,
        text,
        countries,
        mentioned: mentioned_countries(countries),
    };
    let mut found: Vec<Entity> = Vec::new();
    let mut acronyms: Vec<(String, Entity)> = Vec::new();
    let mut rest: Vec<&Run> = Vec::new();
    let mut k = 0;
    while k < runs.len() {
        let run = &runs[k];
        if let Some((org, used)) = reader.organisation(&runs, k) {
            if let Some(acr) = reader.acronym_after(runs[k + used - 1].next) {
                if org.name.as_deref().is_some_and(|n| abbreviates(&acr, n)) {
                    acronyms.push((acr, org.clone()));
                }
            }
            // "Bell Petroleum President Ed Runyan": the run goes on after the name.
            let rest = reader.rest_of_run(run, org.span.end);
            found.push(org);
            if let Some(person) = rest.and_then(|r| reader.titled_person(&r, &found)) {
                found.push(person);
            }
            k += used;
            continue;
        }
        match reader
            .titled_person(run, &found)
            .or_else(|| reader.place(run, &found))
        {
            Some(e) => found.push(e),
            None => match reader.cued_person(run, &found) {
                Some(e) => found.push(e),
                None => rest.push(run),
            },
        }
        k += 1;
    }
    for run in rest {
        if let Some(e) = reader.alias(run, &found, &acronyms) {
            found.push(e);
        }
    }
    found.extend(reader.roles(&found));
    found.sort_by_key(|e| e.span);
    found
}

/// The ISO codes an article mentions, for choosing among places of one name.
fn mentioned_countries(countries: &[Entity]) -> Vec<&str> {
    let mut ids: Vec<&str> = countries.iter().map(|e| e.id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

fn starts_upper(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

/// Splits the tokens into runs of capitalised words; "Mr." keeps its run going, and a
/// hyphen between two words joins them into one ("Baden-Württemberg").
fn runs(tokens: &[Token], text: &str) -> Vec<Run> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let t = tokens[i];
        if t.kind != Kind::Word || !starts_upper(t.text(text)) {
            i += 1;
            continue;
        }
        let first = i;
        let mut words = Vec::new();
        while i < tokens.len() && tokens[i].kind == Kind::Word && starts_upper(tokens[i].text(text))
        {
            let mut word = Word {
                start: tokens[i].start,
                end: tokens[i].end,
            };
            i += 1;
            // Hyphenated compounds: "Saxony-Anhalt", "Secretary-General"; not "Bavaria-based".
            while i + 1 < tokens.len()
                && tokens[i].joined
                && tokens[i].text(text) == "-"
                && tokens[i + 1].joined
                && tokens[i + 1].kind == Kind::Word
                && !is(tokens[i + 1].text(text), class::AFFIX)
            {
                word.end = tokens[i + 1].end;
                i += 2;
            }
            let w = &text[word.start..word.end];
            words.push(word);
            // "Mr. Fiala", "Roger B. Smith", "St. Paul": an abbreviation's or an initial's
            // full stop does not end the run.
            let initial = w.len() == 1 || is(w, class::HONORIFIC) || w == "St";
            if initial
                && tokens
                    .get(i)
                    .is_some_and(|t| t.joined && t.text(text) == ".")
                && tokens
                    .get(i + 1)
                    .is_some_and(|t| t.kind == Kind::Word && starts_upper(t.text(text)))
            {
                i += 1;
            }
        }
        out.push(Run {
            words,
            next: i,
            first,
        });
    }
    out
}

/// Whether an organisation id is a company's ("org:chevron-u-s-a-inc", "org:nippon-oil-co-ltd"),
/// told by the legal form ending its name: what a firm plans is not what a government aims at.
pub fn is_company_id(id: &str) -> bool {
    id.strip_prefix("org:")
        .and_then(|slug| slug.rsplit('-').next())
        .is_some_and(|form| LEGAL_FORMS.iter().any(|f| f.eq_ignore_ascii_case(form)))
}

/// Folds a name to an id slug: no diacritics, lower case, words joined by hyphens.
pub fn slug(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    // Most names are ASCII and need no decomposition.
    let chars: Box<dyn Iterator<Item = char>> = if name.is_ascii() {
        Box::new(name.chars())
    } else {
        Box::new(name.nfkd().filter(|c| !is_combining_mark(*c)))
    };
    for c in chars {
        let c = match c {
            'ł' | 'Ł' => 'l',
            'ø' | 'Ø' => 'o',
            'đ' | 'Đ' => 'd',
            'ß' => 's',
            c => c,
        };
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() && c != '\'' && c != '’' {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// Removes a possessive ending: "Germany's" → "Germany".
fn strip_possessive(word: &str) -> &str {
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .unwrap_or(word)
}

/// What the recognizers share: the text, its tokens and its country mentions.
struct Reader<'a> {
    tokens: &'a [Token],
    text: &'a str,
    countries: &'a [Entity],
    mentioned: Vec<&'a str>,
}

impl Reader<'_> {
    fn word(&self, w: Word) -> &str {
        &self.text[w.start..w.end]
    }

    fn token_text(&self, i: usize) -> Option<&str> {
        self.tokens.get(i).map(|t| t.text(self.text))
    }

    /// The country mentioned exactly at `w` (a demonym, name or possessive name).
    fn country_at(&self, w: Word) -> Option<&str> {
        self.country_starting_at(w.start)
            .filter(|c| c.span.end <= w.end)
            .map(|c| c.id.as_str())
    }

    /// The country mention starting at byte `at` (mentions are sorted: a binary search, as
    /// this is asked at every "the ").
    fn country_starting_at(&self, at: usize) -> Option<&Entity> {
        let i = self.countries.partition_point(|c| c.span.start < at);
        self.countries.get(i).filter(|c| c.span.start == at)
    }

    /// Country mentions never overlap each other, so their ends are sorted like their starts:
    /// the only candidate is the first one ending after `span` starts.
    fn overlaps_country(&self, span: Span) -> bool {
        let i = self.countries.partition_point(|c| c.span.end <= span.start);
        self.countries.get(i).is_some_and(|c| c.span.overlaps(span))
    }

    /// The first country mention inside `span` ("Czech" in "Czech National Bank").
    fn country_within(&self, span: Span) -> Option<&str> {
        let i = self
            .countries
            .partition_point(|c| c.span.start < span.start);
        self.countries
            .get(i)
            .filter(|c| span.contains(c.span))
            .map(|c| c.id.as_str())
    }

    /// The country after "of" at token `i` ("President of Chile", "Bank of China").
    fn country_after_of(&self, i: usize) -> Option<&str> {
        if self.token_text(i) != Some("of") {
            return None;
        }
        let mut j = i + 1;
        if self.token_text(j) == Some("the") {
            j += 1;
        }
        let t = self.tokens.get(j)?;
        self.country_starting_at(t.start).map(|c| c.id.as_str())
    }

    /// An organisation: a run containing an organisation word, extended over "of"/"for"
    /// and the runs after it ("Ministry of Industry and Trade"). Returns it and how many
    /// runs it used.
    fn organisation(&self, runs: &[Run], k: usize) -> Option<(Entity, usize)> {
        let run = &runs[k];
        let words = self.without_leading_function_words(&run.words);
        let head = words.iter().position(|&w| is_org_head(self.word(w)))?;
        // "the Forum", "Commission": an organisation word alone names nothing in particular.
        if words.len() < 2
            && runs
                .get(k + 1)
                .is_none_or(|next| next.first != run.next + 1)
        {
            return None;
        }
        // "the U.S. Group also urged", "U.S. Financial institutions": an abbreviated country,
        // after which some wires capitalise every word, and a word that is also a common noun
        // or adjective name no organisation ("Gibraltar Savings" may).
        if let [first, second] = words[..] {
            if self.word(first).ends_with('.')
                && self.country_at(first).is_some()
                && COMMON_HEADS.contains(&self.word(second))
            {
                return None;
            }
        }
        // A title ahead of the organisation word ("President of the Council") is a person's.
        if words[..head]
            .iter()
            .any(|&w| is(self.word(w), class::TITLE | class::HONORIFIC))
        {
            return None;
        }
        let last_head = words
            .iter()
            .rposition(|&w| is_org_head(self.word(w)))
            .unwrap_or(head);
        // "Czech National Bank Governor Aleš Michl": the name ends at its organisation word
        // when more than one word follows it ("Bank Leumi" keeps its one).
        if words.len() - last_head > 2 {
            // "Mining Minister Jaime Villalobos": a portfolio, not an organisation.
            if last_head == 0 {
                return None;
            }
            let name = &words[..=last_head];
            return Some((self.org(name[0].start, name[last_head].end, None), 1));
        }
        let mut end_run = k;
        let mut used = 1;
        let mut end = words[words.len() - 1].end;
        let mut country = words.iter().find_map(|&w| self.country_at(w));
        // "Bank of China", "Organisation for Economic Co-operation and Development".
        while let Some(next) = runs.get(end_run + 1) {
            let gap = &self.tokens[runs[end_run].next..next.first];
            let joins = match gap.iter().map(|t| t.text(self.text)).collect::<Vec<_>>()[..] {
                ["of"] | ["for"] | ["of", "the"] | ["on"] => true,
                ["and"] => used > 1,
                _ => false,
            };
            let possessive = self
                .word(runs[end_run].words[runs[end_run].words.len() - 1])
                .ends_with("'s");
            if !joins || possessive {
                break;
            }
            if used == 1 {
                country = country.or_else(|| self.country_after_of(runs[end_run].next));
            }
            end_run += 1;
            used += 1;
            end = next.words[next.words.len() - 1].end;
            // "Bank of England Governor …": a country ends the name.
            if let Some(c) = self.country_starting_at(next.words[0].start) {
                end = c.span.end;
                break;
            }
        }
        Some((self.org(words[0].start, end, country), used))
    }

    /// The words of `run` after byte `end`, as a run of their own; `None` when none are left.
    fn rest_of_run(&self, run: &Run, end: usize) -> Option<Run> {
        let from = run.words.iter().position(|w| w.start >= end)?;
        let start = run.words[from].start;
        Some(Run {
            words: run.words[from..].to_vec(),
            next: run.next,
            first: self.tokens.partition_point(|t| t.start < start),
        })
    }

    /// An organisation named by `start..end` of the text (a possessive ending dropped).
    fn org(&self, start: usize, end: usize, country: Option<&str>) -> Entity {
        let name = strip_possessive(&self.text[start..end]);
        let span = Span::new(start, start + name.len());
        let country = country.or_else(|| self.country_within(span));
        Entity {
            id: format!("org:{}", slug(name)),
            kind: EntityKind::Org,
            form: MentionForm::Name,
            span,
            name: Some(name.to_string()),
            role: None,
            country: country.map(str::to_string),
        }
    }

    /// The words of a run after any sentence-initial "The", "But", "In" ….
    fn without_leading_function_words<'w>(&self, words: &'w [Word]) -> &'w [Word] {
        let skip = words
            .iter()
            .take_while(|&&w| is(self.word(w), class::NOT_NAME))
            .count();
        &words[skip..]
    }

    /// The country a run of title words names ("Czech", "Saudi Arabian", "Germany's") and
    /// the index of the first word after it.
    fn country_in(&self, words: &[Word]) -> (Option<String>, usize) {
        let mut found = (None, 0);
        for c in self.countries {
            if let (Some(first), Some(last)) = (words.first(), words.last()) {
                if c.span.start >= first.start && c.span.end <= last.end {
                    let after = words.iter().take_while(|w| w.start < c.span.end).count();
                    found = (Some(c.id.clone()), after);
                }
            }
        }
        found
    }

    /// "(SCO)" right after an organisation: the acronym it will be called by.
    fn acronym_after(&self, i: usize) -> Option<String> {
        if self.token_text(i) != Some("(") || self.token_text(i + 2) != Some(")") {
            return None;
        }
        let acr = self.token_text(i + 1)?;
        let letters = acr.chars().filter(|c| c.is_alphabetic()).count();
        (letters >= 2
            && acr
                .chars()
                .all(|c| c.is_ascii_uppercase() || c == '-' || c == '&'))
        .then(|| acr.to_string())
    }

    /// "Czech Prime Minister Petr Fiala", "President Lula", "Mr Fiala": a person with the
    /// role (and its country) that precedes the name.
    fn titled_person(&self, run: &Run, found: &[Entity]) -> Option<Entity> {
        let words: Vec<&str> = run.words.iter().map(|&w| self.word(w)).collect();
        let head = words
            .iter()
            .rposition(|w| is(w, class::TITLE | class::HONORIFIC))?;
        let name_from = head + 1;
        if name_from >= words.len()
            || words[name_from..]
                .iter()
                .any(|w| is(w, class::NOT_NAME | class::NOT_PERSON) || is_org_head(w))
        {
            return None;
        }
        // The title starts after the country words: "Czech Prime Minister".
        let (country, title_from) = self.country_in(&run.words[..head]);
        let honorific = is(words[head], class::HONORIFIC);
        let role = (!honorific).then(|| words[title_from..=head].join(" "));
        let span = run.span(name_from, run.words.len());
        let name = strip_possessive(&self.text[span.start..span.end]);
        let span = Span::new(span.start, span.start + name.len());
        // "Mr. Scholz" after "Olaf Scholz": the same person.
        if let Some(p) = surname_holder(found, name, span) {
            return Some(Entity {
                form: MentionForm::Alias,
                span,
                ..p.clone()
            });
        }
        Some(self.person(span, name, role, country))
    }

    fn person(
        &self,
        span: Span,
        name: &str,
        role: Option<String>,
        country: Option<String>,
    ) -> Entity {
        let single = !name.contains(' ');
        Entity {
            id: format!("person:{}", slug(name)),
            kind: EntityKind::Person,
            form: if single {
                MentionForm::Alias
            } else {
                MentionForm::Name
            },
            span,
            name: Some(name.to_string()),
            role,
            country,
        }
    }

    /// "Petr Fiala said", "said Petr Fiala", "Petr Fiala, the Czech prime minister": two or
    /// three capitalised words that can be a name, with a cue that a person is meant.
    fn cued_person(&self, run: &Run, found: &[Entity]) -> Option<Entity> {
        // "Sumitomo's Tsukihara": the name starts after the possessive.
        let from = run
            .words
            .iter()
            .rposition(|&w| strip_possessive(self.word(w)).len() < self.word(w).len())
            .map_or(0, |i| i + 1);
        let all = &run.words[from..];
        // "Secretary of State George Shultz", "Chief of Staff Howard Baker": the words after
        // "of" belong to the title.
        let title_of = run.first >= 2
            && self.token_text(run.first - 1) == Some("of")
            && self
                .token_text(run.first - 2)
                .is_some_and(|t| is(t, class::TITLE) || t.eq_ignore_ascii_case("chief"));
        let all = if title_of && all.len() > 2 {
            &all[all.len() - 2..]
        } else {
            all
        };
        // "… for Energy Alick Buchanan-Smith said": the portfolio ends the title.
        let office = all
            .iter()
            .take_while(|&&w| is(self.word(w), class::OFFICE))
            .count();
        let all = &all[office..];
        let n = all.len();
        if !(2..=3).contains(&n) {
            return None;
        }
        let span = Span::new(all[0].start, all[n - 1].end);
        // "Norfolk Southern said" after "Norfolk Southern Corp": the company, not a person.
        let text = &self.text[span.start..span.end];
        if found.iter().any(|e| {
            e.kind == EntityKind::Org
                && e.name.as_deref().is_some_and(|name| name.starts_with(text))
        }) {
            return None;
        }
        let words: Vec<&str> = all.iter().map(|&w| self.word(w)).collect();
        if words.iter().any(|w| {
            is(
                w,
                class::NOT_NAME | class::TITLE | class::OFFICE | class::NOT_PERSON,
            ) || is_org_head(w)
                || w.chars().all(|c| c.is_uppercase())
        }) || self.overlaps_country(span)
        {
            return None;
        }
        let after = self.token_text(run.next);
        let said_after = after.is_some_and(|w| is(w, class::SPEECH));
        let said_before = run
            .first
            .checked_sub(1)
            .and_then(|i| self.token_text(i))
            .is_some_and(|w| is(w, class::SPEECH));
        let (role, country) = if after == Some(",") {
            self.apposition(run.next + 1)?
        } else if said_after || said_before {
            (None, None)
        } else {
            return None;
        };
        let name = strip_possessive(text);
        // "New York said": a place in the gazetteer speaks for its government. Asked last, as
        // it is the costliest test.
        if places::resolve(name, &self.mentioned).is_some() {
            return None;
        }
        Some(self.person(
            Span::new(span.start, span.start + name.len()),
            name,
            role,
            country,
        ))
    }

    /// ", the Czech prime minister" or ", Poland's foreign minister" after a name: the role
    /// and its country.
    fn apposition(&self, i: usize) -> Option<(Option<String>, Option<String>)> {
        let rest = &self.text[self.tokens.get(i)?.start..];
        let lower = rest.get(..rest.len().min(60))?.to_lowercase();
        let mut at = 0;
        for article in ["the ", "a ", "an "] {
            if lower.starts_with(article) {
                at = article.len();
            }
        }
        let mut country = None;
        if let Some(c) = self.country_starting_at(self.tokens[i].start + at) {
            country = Some(c.id.clone());
            let skip = c.span.end - self.tokens[i].start;
            at = lower.get(skip..).map_or(at, |s| {
                skip + (s.len() - s.trim_start_matches(['\'', '’', 's', ' ']).len())
            });
        }
        let tail = lower.get(at..)?;
        let role = ROLE_PHRASES
            .iter()
            .chain(&[
                "chief executive",
                "ceo",
                "chairman",
                "ambassador",
                "minister",
                "governor",
                "mayor",
                "director",
            ])
            .find(|r| tail.starts_with(*r))?;
        Some((Some(capitalise(role)), country))
    }

    /// A gazetteer name after a place cue, or followed by ", <country>" or "-based".
    fn place(&self, run: &Run, found: &[Entity]) -> Option<Entity> {
        let words = self.without_leading_function_words(&run.words);
        let (Some(first), Some(last)) = (words.first(), words.last()) else {
            return None;
        };
        let span = Span::new(first.start, last.end);
        if self.overlaps_country(span) {
            return None;
        }
        let name = strip_possessive(&self.text[span.start..span.end]);
        // "the summit of Western industrial democracies": a compass word alone describes.
        if is(name, class::COMPASS) {
            return None;
        }
        let place = places::resolve(name, &self.mentioned)?;
        let before = run
            .first
            .checked_sub(1)
            .and_then(|i| self.token_text(i))
            .unwrap_or("");
        let after = self.token_text(run.next).unwrap_or("");
        let country_follows = after == ","
            && self
                .tokens
                .get(run.next + 1)
                .is_some_and(|t| self.country_starting_at(t.start).is_some());
        let based = after == "-" && self.token_text(run.next + 1) == Some("based");
        // "in Gdańsk and Gdynia": a place joined to the one before.
        let listed = matches!(before, "and" | "or" | ",")
            && found.last().is_some_and(|e| {
                e.kind == EntityKind::Place
                    && run
                        .first
                        .checked_sub(2)
                        .and_then(|i| self.tokens.get(i))
                        .is_some_and(|t| t.end == e.span.end)
            });
        if !(is(before, class::PLACE_CUE) || country_follows || based || listed) {
            return None;
        }
        Some(Entity {
            id: place.id.to_string(),
            kind: EntityKind::Place,
            form: MentionForm::Name,
            span: Span::new(span.start, span.start + name.len()),
            name: Some(name.to_string()),
            role: None,
            country: Some(place.country.to_string()),
        })
    }

    /// A surname alone linked to the person named in full earlier, or an acronym to its
    /// organisation.
    fn alias(&self, run: &Run, found: &[Entity], acronyms: &[(String, Entity)]) -> Option<Entity> {
        let [only] = self.without_leading_function_words(&run.words) else {
            return None;
        };
        let word = strip_possessive(self.word(*only));
        let span = Span::new(only.start, only.start + word.len());
        if let Some((_, org)) = acronyms.iter().find(|(a, _)| a == word) {
            return Some(Entity {
                form: MentionForm::Alias,
                span,
                ..org.clone()
            });
        }
        if is(word, class::NOT_NAME) || self.overlaps_country(span) {
            return None;
        }
        // "Merz said" after "Chancellor Merz": the full name, else the surname mention.
        let person = surname_holder(found, word, span).or_else(|| {
            found.iter().find(|e| {
                e.kind == EntityKind::Person
                    && e.form == MentionForm::Alias
                    && e.span.start < span.start
                    && e.name.as_deref() == Some(word)
            })
        })?;
        Some(Entity {
            form: MentionForm::Alias,
            span,
            ..person.clone()
        })
    }

    /// Roles named without their holder: "Czech prime minister", "the president of
    /// Chile". Linked to the person the article gives that role, else a role id.
    fn roles(&self, found: &[Entity]) -> Vec<Entity> {
        self.tokens
            .iter()
            .filter(|t| {
                t.text(self.text).eq_ignore_ascii_case("the")
                    && self.text.as_bytes().get(t.end) == Some(&b' ')
            })
            .filter_map(|t| self.role_at(t.end + 1, found))
            .collect()
    }

    /// The role named at byte `at` (after "the "), with its country before it or after "of".
    fn role_at(&self, at: usize, found: &[Entity]) -> Option<Entity> {
        // Positions below are relative to `at`; a role and its country fit in a short window.
        let lower = lower_window(self.text, at, 160);
        let mut pos = 0;
        let mut country = None;
        if let Some(c) = self.country_starting_at(at) {
            country = Some(c.id.clone());
            pos = c.span.end - at;
            for suffix in ["'s", "’s"] {
                if lower.get(pos..)?.starts_with(suffix) {
                    pos += suffix.len();
                }
            }
            let rest = lower.get(pos..)?;
            pos += rest.len() - rest.trim_start().len();
        }
        let rest = lower.get(pos..)?;
        let role = ROLE_PHRASES
            .iter()
            .filter(|r| rest.starts_with(*r))
            .max_by_key(|r| r.len())?;
        let end = pos + role.len();
        let rest = lower.get(end..)?;
        if rest.starts_with(|c: char| c.is_alphanumeric()) {
            return None;
        }
        let mut span_end = at + end;
        if country.is_none() {
            let of = [" of the ", " of "]
                .into_iter()
                .find(|p| rest.starts_with(p))?;
            let c = self.country_starting_at(span_end + of.len())?;
            country = Some(c.id.clone());
            span_end = c.span.end;
        }
        let span = Span::new(at, span_end);
        // A capitalised title with a name is a person already ("the Czech Prime Minister Petr
        // Fiala"), not a role alone.
        if found
            .iter()
            .any(|e| e.span.overlaps(span) && e.kind != EntityKind::Country)
            || self
                .text
                .get(span_end..)
                .and_then(|s| s.strip_prefix(' '))
                .is_some_and(starts_upper)
        {
            return None;
        }
        let country = country?;
        let title = capitalise(role);
        let holder = found.iter().find(|e| {
            e.kind == EntityKind::Person
                && e.country.as_deref() == Some(country.as_str())
                && e.role
                    .as_deref()
                    .is_some_and(|r| r.eq_ignore_ascii_case(&title))
        });
        Some(match holder {
            Some(p) => Entity {
                form: MentionForm::Role,
                span,
                ..p.clone()
            },
            None => Entity {
                id: format!("role:{country}:{}", slug(role)),
                kind: EntityKind::Person,
                form: MentionForm::Role,
                span,
                name: None,
                role: Some(title),
                country: Some(country),
            },
        })
    }
}

/// Up to `len` bytes of `text` from `at`, lower-cased (ASCII), cut at a character boundary.
fn lower_window(text: &str, at: usize, len: usize) -> String {
    let mut end = (at + len).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.get(at..end).unwrap_or("").to_ascii_lowercase()
}

/// The one person named in full before `span` whose surname is `word`; none when two
/// different people share it.
fn surname_holder<'e>(found: &'e [Entity], word: &str, span: Span) -> Option<&'e Entity> {
    let mut holders = found.iter().filter(|e| {
        e.kind == EntityKind::Person
            && e.form == MentionForm::Name
            && e.span.start < span.start
            && e.name
                .as_deref()
                .and_then(|n| n.rsplit(' ').next())
                .is_some_and(|surname| surname == word)
    });
    let person = holders.next()?;
    if holders.any(|p| p.id != person.id) {
        return None;
    }
    Some(person)
}

/// True when `acronym`'s letters are, in order, capitals of `name` starting with its first
/// ("SCO" and "Shanghai Cooperation Organisation"; not "NASS" and "Agriculture Department").
fn abbreviates(acronym: &str, name: &str) -> bool {
    let mut capitals = name.chars().filter(|c| c.is_uppercase());
    let mut letters = acronym.chars().filter(|c| c.is_alphabetic());
    if letters.next() != capitals.next() {
        return false;
    }
    letters.all(|l| capitals.any(|c| c == l))
}

/// "prime minister" → "Prime Minister".
fn capitalise(s: &str) -> String {
    s.split(' ')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::{entities, tokens};

    fn names(text: &str) -> Vec<Entity> {
        let countries = entities::countries(text);
        recognize(&tokens::tokenize(text), text, &countries)
    }

    /// (text, kind, id, role, country) of a mention.
    type Row = (String, &'static str, String, Option<String>, Option<String>);

    fn table(text: &str) -> Vec<Row> {
        names(text)
            .into_iter()
            .map(|e| {
                (
                    text[e.span.start..e.span.end].to_string(),
                    e.kind.as_str(),
                    e.id,
                    e.role,
                    e.country,
                )
            })
            .collect()
    }

    fn row(
        text: &str,
        kind: &'static str,
        id: &str,
        role: Option<&str>,
        country: Option<&str>,
    ) -> Row {
        (
            text.to_string(),
            kind,
            id.to_string(),
            role.map(str::to_string),
            country.map(str::to_string),
        )
    }

    #[test]
    fn companies_are_told_by_the_legal_form_ending_their_id() {
        assert!(is_company_id("org:chevron-u-s-a-inc"));
        assert!(is_company_id("org:nippon-oil-co-ltd"));
        assert!(!is_company_id(
            "org:ministry-of-international-trade-and-industry"
        ));
        assert!(!is_company_id("org:liberal-democratic-party"));
        assert!(!is_company_id("person:john-co"));
    }

    #[test]
    fn titled_people_keep_role_and_country_and_surnames_link_back() {
        let text = "Czech Prime Minister Petr Fiala met German Chancellor Olaf Scholz in Berlin. \
                    Fiala said the talks went well, and Mr. Scholz agreed.";
        assert_eq!(
            table(text),
            vec![
                row(
                    "Petr Fiala",
                    "person",
                    "person:petr-fiala",
                    Some("Prime Minister"),
                    Some("CZ")
                ),
                row(
                    "Olaf Scholz",
                    "person",
                    "person:olaf-scholz",
                    Some("Chancellor"),
                    Some("DE")
                ),
                row(
                    "Fiala",
                    "person",
                    "person:petr-fiala",
                    Some("Prime Minister"),
                    Some("CZ")
                ),
                row(
                    "Scholz",
                    "person",
                    "person:olaf-scholz",
                    Some("Chancellor"),
                    Some("DE")
                ),
            ]
        );
    }

    #[test]
    fn an_office_before_said_is_not_a_person() {
        let minister = "Minister of State for Energy Alick Buchanan-Smith said prices would rise.";
        assert_eq!(
            table(minister)
                .iter()
                .map(|(t, _, id, ..)| (t.as_str(), id.as_str()))
                .collect::<Vec<_>>(),
            [("Alick Buchanan-Smith", "person:alick-buchanan-smith")]
        );
        let text =
            "Trade will double, Chile's Undersecretary of International Economic Relations said.";
        assert!(
            table(text).iter().all(|(_, kind, ..)| *kind != "person"),
            "{:?}",
            table(text)
        );
    }

    #[test]
    fn a_surname_repeats_the_titled_surname_before_it() {
        let text = "Chancellor Merz met the press. Later Merz said the talks went well.";
        let people: Vec<(String, String)> = table(text)
            .into_iter()
            .map(|(t, _, id, _, _)| (t, id))
            .collect();
        assert_eq!(
            people,
            [
                ("Merz".to_string(), "person:merz".to_string()),
                ("Merz".to_string(), "person:merz".to_string())
            ]
        );
    }

    #[test]
    fn people_by_speech_verb_and_apposition() {
        let text = "Jana Nováková, the Czech trade minister, opened the fair. \
                    \"We are ready,\" said Tran Van Minh.";
        let t = table(text);
        assert!(t.contains(&row(
            "Jana Nováková",
            "person",
            "person:jana-novakova",
            Some("Trade Minister"),
            Some("CZ")
        )));
        assert!(t.contains(&row(
            "Tran Van Minh",
            "person",
            "person:tran-van-minh",
            None,
            None
        )));
    }

    #[test]
    fn institutions_firms_and_places_before_said_are_not_people() {
        let text = "The White House said it agreed. Korean Air said fares rose. Kaiser Cement \
                    said sales fell. New York said taxes rose. Warburg Securities said so.";
        let people: Vec<Row> = table(text)
            .into_iter()
            .filter(|r| r.1 == "person")
            .collect();
        assert!(people.is_empty(), "{people:?}");
    }

    #[test]
    fn a_compass_word_alone_is_no_place() {
        let text = "They met at the summit of Western industrial democracies in Venice.";
        let places: Vec<String> = names(text)
            .into_iter()
            .filter(|e| e.kind == EntityKind::Place)
            .filter_map(|e| e.name)
            .collect();
        assert_eq!(places, ["Venice"]);
    }

    #[test]
    fn titles_before_names_are_not_part_of_the_name() {
        let text = "Treasurer Paul Keating spoke. Chief of Staff Howard Baker said no. \
                    Mining Minister Jaime Villalobos said yes. Bell Petroleum President Ed \
                    Runyan said the offer was low.";
        let ids: Vec<String> = names(text).into_iter().map(|e| e.id).collect();
        for id in [
            "person:paul-keating",
            "person:howard-baker",
            "person:jaime-villalobos",
            "org:bell-petroleum",
            "person:ed-runyan",
        ] {
            assert!(ids.iter().any(|i| i == id), "{id} not in {ids:?}");
        }
        assert!(!ids.iter().any(|i| i == "org:mining"), "{ids:?}");
        let runyan = names(text)
            .into_iter()
            .find(|e| e.id == "person:ed-runyan")
            .and_then(|e| e.role);
        assert_eq!(runyan.as_deref(), Some("President"));
    }

    #[test]
    fn organisations_with_of_phrases_and_acronyms() {
        let text = "The Shanghai Cooperation Organisation (SCO) met in June. The SCO said \
                    the Bank of China and the Czech National Bank would join the Ministry \
                    of Industry and Trade in a fund.";
        let t = table(text);
        let sco = "org:shanghai-cooperation-organisation";
        assert_eq!(
            t[0],
            row("Shanghai Cooperation Organisation", "org", sco, None, None)
        );
        assert!(t.contains(&row("SCO", "org", sco, None, None)));
        assert!(t.contains(&row(
            "Bank of China",
            "org",
            "org:bank-of-china",
            None,
            Some("CN")
        )));
        assert!(t.contains(&row(
            "Czech National Bank",
            "org",
            "org:czech-national-bank",
            None,
            Some("CZ")
        )));
        assert!(t.contains(&row(
            "Ministry of Industry and Trade",
            "org",
            "org:ministry-of-industry-and-trade",
            None,
            None
        )));
    }

    #[test]
    fn a_country_and_a_common_noun_are_no_organisation() {
        let t = table(
            "In talks, the U.S. Group urged Japan to give U.S. Financial institutions a role, \
             as the Czech National Bank did.",
        );
        let orgs: Vec<&str> = t
            .iter()
            .filter(|r| r.1 == "org")
            .map(|r| r.0.as_str())
            .collect();
        assert_eq!(orgs, ["Czech National Bank"]);
    }

    #[test]
    fn places_need_a_cue_and_take_their_country() {
        let t = table(
            "The carmaker will build a plant in Gdańsk and Gdynia, near Bavaria-based suppliers.",
        );
        assert_eq!(
            t[0],
            row("Gdańsk", "place", "geo:3099434", None, Some("PL"))
        );
        assert_eq!(t[1].0, "Gdynia");
        assert_eq!(t[1].4.as_deref(), Some("PL"));
        assert_eq!(
            (t[2].0.as_str(), t[2].4.as_deref()),
            ("Bavaria", Some("DE"))
        );
        // "Reading" is a town in England, but not here.
        assert!(table("Reading the figures, analysts saw growth.").is_empty());
        // Birmingham, Alabama, when the article is about the United States.
        let gb = table("The company opened an office in Birmingham.");
        assert_eq!(gb[0].4.as_deref(), Some("GB"));
        let us = table("The American company opened an office in Birmingham.");
        assert_eq!(us[0].4.as_deref(), Some("US"));
    }

    #[test]
    fn roles_without_a_name_link_to_their_holder_or_a_role_id() {
        let text = "Chilean President Gabriel Boric arrived on Monday. The president of Chile \
                    later met the Czech prime minister.";
        let t = table(text);
        assert!(t.contains(&row(
            "president of Chile",
            "person",
            "person:gabriel-boric",
            Some("President"),
            Some("CL")
        )));
        assert!(t.contains(&row(
            "Czech prime minister",
            "person",
            "role:CZ:prime-minister",
            Some("Prime Minister"),
            Some("CZ")
        )));
    }

    #[test]
    fn acronyms_must_abbreviate_their_expansion() {
        assert!(abbreviates("SCO", "Shanghai Cooperation Organisation"));
        assert!(abbreviates("OMB", "Office of Management and Budget"));
        assert!(!abbreviates("NASS", "U.S. Agriculture Department"));
        let t = table("The U.S. Agriculture Department (NASS) said the NASS would report.");
        assert!(t.iter().all(|r| r.0 != "NASS"));
    }

    #[test]
    fn slugs_fold_diacritics_and_punctuation() {
        assert_eq!(slug("Jana Nováková"), "jana-novakova");
        assert_eq!(
            slug("Łódź Special Economic Zone"),
            "lodz-special-economic-zone"
        );
        assert_eq!(slug("O’Brien & Co."), "obrien-co");
    }
}
