//! Product: what a trade or production figure is of — "coffee exports", "exports of crude
//! oil", "trade in services" — so that a country's coffee exports and its total exports are
//! two series, not one series that seems to swing by orders of magnitude.
//!
//! Read from the words next to the indicator's trigger: lower-case words right before it
//! ("Brazil's coffee exports") or after "of" ("exports of cars"), and for trade after "in"
//! ("trade in services"). Words that qualify the figure rather than name a good ("total",
//! "annual", "net", "record") and the verbs and prepositions that end a phrase stop the
//! reading.

use super::ontology::Trigger;
use crate::analyze::times::MONTHS;
use crate::model::Span;

/// The indicators whose figures can be of one good or sector.
const PRODUCT_INDICATORS: &[&str] = &[
    "exports",
    "imports",
    "trade_volume",
    "trade_balance",
    "production",
];

/// Most words a product may have, "and" not counted ("crude oil and refined products").
const MAX_WORDS: usize = 4;

/// Words before a trigger that qualify the figure or end the phrase, never a good.
const NOT_BEFORE: &[&str] = &[
    // Determiners, pronouns and conjunctions.
    "a",
    "an",
    "the",
    "its",
    "their",
    "our",
    "his",
    "her",
    "it",
    "they",
    "we",
    "that",
    "which",
    "this",
    "these",
    "those",
    "other",
    "such",
    "whose",
    "and",
    "or",
    "but",
    "nor",
    "yet",
    "so",
    "after",
    "before",
    "since",
    "when",
    "while",
    "although",
    "though",
    "because",
    "if",
    "unless",
    "until",
    "where",
    "whereas",
    "as",
    "also",
    "already",
    "still",
    "just",
    "even",
    "only",
    // Prepositions.
    "of",
    "in",
    "to",
    "from",
    "with",
    "for",
    "on",
    "by",
    "at",
    "into",
    "over",
    "than",
    "about",
    // Qualifiers of the figure rather than goods.
    "total",
    "annual",
    "overall",
    "net",
    "gross",
    "record",
    "monthly",
    "quarterly",
    "yearly",
    "weekly",
    "daily",
    "bilateral",
    "foreign",
    "mutual",
    "two-way",
    "combined",
    "cumulative",
    "average",
    "world",
    "global",
    "national",
    "domestic",
    "direct",
    "new",
    "current",
    "present",
    "estimated",
    "provisional",
    "preliminary",
    "official",
    "higher",
    "lower",
    "rising",
    "falling",
    "strong",
    "weak",
    "seasonally",
    "adjusted",
    "visible",
    "invisible",
    "merchandise",
    "external",
    "main",
    "major",
    "key",
    "big",
    "large",
    "small",
    "low",
    "high",
    "maximum",
    "minimum",
    "final",
    "private",
    "public",
    "federal",
    "state",
    "government",
    "provincial",
    "regional",
    "local",
    "more",
    "less",
    "lost",
    "some",
    "all",
    "any",
    "each",
    "every",
    "many",
    "much",
    "most",
    "country",
    "countries",
    "company",
    "companies",
    "firm",
    "firms",
    "nation",
    "nations",
    "property",
    "properties",
    "plant",
    "plants",
    "slight",
    "nominal",
    "actual",
    "initial",
    "excess",
    "interest",
    "balance",
    "group",
    // Times (month names are asked of `times::MONTHS`).
    "year",
    "years",
    "month",
    "months",
    "quarter",
    "week",
    "day",
    "future",
    "past",
    "last",
    "first",
    "second",
    "third",
    "fourth",
    "previous",
    "next",
    "later",
    "earlier",
    "recent",
    "recently",
    "dlr",
    "dlrs",
    "dollar",
    "dollars",
    "pct",
    "percent",
    "tonne",
    "tonnes",
    "ton",
    "tons",
    "bpd",
    // Indicator words themselves: "bilateral trade imbalance".
    "trade",
    "export",
    "import",
    "exports",
    "imports",
    "production",
    "output",
    // Verbs and auxiliaries: "to lift trade", "expect exports".
    "said",
    "says",
    "say",
    "was",
    "were",
    "is",
    "are",
    "be",
    "has",
    "have",
    "had",
    "expect",
    "expects",
    "lift",
    "lifts",
    "raise",
    "raises",
    "boost",
    "boosts",
    "increase",
    "increases",
    "double",
    "doubles",
    "expand",
    "expands",
    "promote",
    "promotes",
    "cut",
    "cuts",
    "reduce",
    "reduces",
    "curb",
    "curbs",
    "limit",
    "limits",
    "restrict",
    "restricts",
    "ban",
    "bans",
    "halt",
    "halts",
    "stop",
    "stops",
    "resume",
    "resumes",
    "open",
    "opens",
    "block",
    "blocks",
    "allow",
    "allows",
    "see",
    "sees",
    "saw",
    "forecast",
    "target",
    "targets",
    "aim",
    "aims",
    "hit",
    "hits",
    "hurt",
    "hurts",
    "affect",
    "affects",
];

/// Numbers written as words: what follows one is a unit ("a 5 billion franc deficit").
const NUMBER_WORDS: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "hundred",
    "thousand", "million", "billion", "trillion", "mln", "bln",
];

/// Words after which the next word is a verb: "to lift trade", "will boost exports".
const VERB_MARKERS: &[&str] = &[
    "to", "will", "would", "could", "can", "may", "might", "should", "must", "not", "did", "does",
    "do",
];

/// Words after "of"/"in" that end a product phrase: verbs, prepositions, determiners.
const NOT_AFTER: &[&str] = &[
    "a",
    "an",
    "the",
    "its",
    "their",
    "this",
    "that",
    "these",
    "those",
    "which",
    "who",
    "to",
    "from",
    "in",
    "into",
    "by",
    "at",
    "for",
    "during",
    "with",
    "between",
    "over",
    "under",
    "than",
    "since",
    "until",
    "about",
    "around",
    "as",
    "on",
    "per",
    "last",
    "next",
    "was",
    "were",
    "is",
    "are",
    "be",
    "been",
    "being",
    "has",
    "have",
    "had",
    "will",
    "would",
    "could",
    "may",
    "might",
    "should",
    "can",
    "rose",
    "fell",
    "grew",
    "increased",
    "decreased",
    "declined",
    "dropped",
    "climbed",
    "jumped",
    "amounted",
    "stood",
    "hit",
    "exceeded",
    "topped",
    "reached",
    "totalled",
    "totaled",
    "totalling",
    "totaling",
    "worth",
    "valued",
    "rising",
    "falling",
    "slipped",
    "eased",
    "surged",
    "soared",
    "plunged",
    "slumped",
    "edged",
    "remained",
    "stayed",
    "shrank",
    "expanded",
    "doubled",
    "halved",
    "some",
    "nearly",
    "almost",
    "more",
    "less",
    "up",
    "down",
    "also",
    "still",
    "so",
    "already",
    "both",
    "all",
    "each",
    "only",
    "and",
    "or",
    "but",
    "while",
    "whereas",
    "said",
    "says",
    "fiscal",
    "calendar",
    "year",
    "month",
    "quarter",
    "first",
    "second",
    "third",
    "fourth",
    "half",
    "total",
    "value",
    "volume",
    "later",
    "earlier",
];

/// Plural nouns that stay as written ("goods", not "good").
const KEEP_PLURAL: &[&str] = &["goods", "services", "arms", "textiles", "news", "clothes"];

/// The product `trigger`'s figure is of, lower case and singular, or `None` for a total.
/// `names` are the spans of the sentence's entities, which are never products ("Japanese
/// exports").
pub fn product(
    text: &str,
    sentence: Span,
    trigger: &Trigger,
    indicator: &str,
    names: &[Span],
) -> Option<String> {
    if !PRODUCT_INDICATORS.contains(&indicator) {
        return None;
    }
    let before = text.get(sentence.start..trigger.start)?;
    let after = text.get(trigger.end..sentence.end)?;
    let word = text.get(trigger.start..trigger.end)?;
    // "it exported", "companies generated": a verb's subject is not what it is of.
    let verb = word.ends_with("ed") || word.ends_with("ing") || word.starts_with("produce");
    let named = |at: usize| names.iter().any(|n| n.start <= at && at < n.end);
    let words: Vec<String> = (!verb)
        .then(|| words_before(before, |at| named(sentence.start + at)))
        .flatten()
        .or_else(|| {
            words_after(after, indicator.starts_with("trade"))
                .map(|w| w.into_iter().map(str::to_string).collect())
        })?;
    Some(singular_phrase(&words))
}

/// The product named after the figure itself: "coffee" in "Zimbabwe exported 11,000 tonnes
/// of coffee". `end` is where the figure's text ends.
pub fn product_after_figure(
    text: &str,
    end: usize,
    sentence: Span,
    indicator: &str,
) -> Option<String> {
    if !PRODUCT_INDICATORS.contains(&indicator) {
        return None;
    }
    let after = text.get(end..sentence.end)?;
    let words: Vec<String> = words_after(after, false)?
        .into_iter()
        .map(str::to_string)
        .collect();
    // "5 billion dlrs of exports": the figure is the indicator's, not a good's.
    if words.iter().any(|w| qualifies(w)) {
        return None;
    }
    Some(singular_phrase(&words))
}

/// "coffee" in "Brazil's coffee exports", "crude oil" in "Crude oil production"; not "lift"
/// in "to lift trade", nor "billion dlr" in "a 5 billion dlr trade deficit". `named` tells
/// whether a byte of `before` is inside an entity's name.
fn words_before(before: &str, named: impl Fn(usize) -> bool) -> Option<Vec<String>> {
    let mut words: Vec<String> = Vec::new();
    let mut rest = before;
    let mut preceding = None;
    while let Some(trimmed) = rest.strip_suffix(' ') {
        let start = trimmed
            .rfind(|c: char| !(c.is_alphabetic() || c == '-'))
            .map_or(0, |i| i + 1);
        let written = &trimmed[start..];
        // The sentence's first word is capitalised for the sentence, not as a name; an
        // acronym ("OPEC") stays a name.
        let acronym = written.chars().filter(|c| c.is_uppercase()).count() > 1;
        let word = if start == 0 && !named(0) && !acronym {
            written.to_lowercase()
        } else {
            written.to_string()
        };
        if words.len() == MAX_WORDS
            || !is_product_word(&word)
            || qualifies(&word)
            || NUMBER_WORDS.contains(&word.as_str())
            || VERB_MARKERS.contains(&word.as_str())
            || word.ends_with("ed")
            || word.ends_with("ing")
        {
            preceding = trimmed.rsplit(' ').next();
            break;
        }
        words.push(word);
        rest = &trimmed[..start];
    }
    let preceding = preceding.unwrap_or("");
    // "a 5 billion dlr trade deficit": the words after a number are its unit.
    if preceding.starts_with(|c: char| c.is_ascii_digit()) || NUMBER_WORDS.contains(&preceding) {
        return None;
    }
    if VERB_MARKERS.contains(&preceding) {
        words.pop();
    }
    words.reverse();
    (!words.is_empty()).then_some(words)
}

/// "cars" in "exports of cars to …", and with `in_too` "services" in "trade in services".
fn words_after(after: &str, in_too: bool) -> Option<Vec<&str>> {
    let rest = after
        .strip_prefix(" of ")
        .or_else(|| in_too.then(|| after.strip_prefix(" in ")).flatten())?;
    let mut words: Vec<&str> = Vec::new();
    for word in rest.split(' ') {
        let bare = word.trim_end_matches([',', '.', ';', ':']);
        let nouns = words.iter().filter(|w| **w != "and").count();
        if nouns == MAX_WORDS || !is_product_word(bare) {
            break;
        }
        if bare != "and" && NOT_AFTER.contains(&bare) {
            break;
        }
        words.push(bare);
        if bare.len() != word.len() {
            break;
        }
    }
    // A phrase ends on a noun: "cars and" lost its partner to the limit or a stop word.
    while words.last().is_some_and(|w| *w == "and") {
        words.pop();
    }
    (!words.is_empty()).then_some(words)
}

/// True for a word that qualifies a figure or ends the phrase before it rather than naming
/// a good: [`NOT_BEFORE`] and the month names.
fn qualifies(word: &str) -> bool {
    NOT_BEFORE.contains(&word) || MONTHS.contains(&word)
}

/// A lower-case word of letters, with hyphens inside ("non-oil").
fn is_product_word(word: &str) -> bool {
    word.len() > 1
        && word.chars().all(|c| c.is_lowercase() || c == '-')
        && !word.starts_with('-')
        && !word.ends_with('-')
        && !word.ends_with("ly")
}

/// The phrase with its last word singular, so "car exports" and "exports of cars" meet.
fn singular_phrase(words: &[String]) -> String {
    let mut out: Vec<String> = words.to_vec();
    if let Some(last) = out.last_mut() {
        *last = singular(last);
    }
    out.join(" ")
}

/// "cars" → "car", "commodities" → "commodity"; "goods", "glass", "status" stay.
fn singular(word: &str) -> String {
    if KEEP_PLURAL.contains(&word)
        || word.len() <= 3
        || ["ss", "us", "is", "ics"].iter().any(|s| word.ends_with(s))
    {
        return word.to_string();
    }
    if let Some(stem) = word.strip_suffix("ies") {
        return format!("{stem}y");
    }
    word.strip_suffix('s').unwrap_or(word).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The product of the figure announced by the first occurrence of `trigger` in `text`,
    /// with no names in the sentence.
    fn of(text: &str, trigger: &str, indicator: &str) -> Option<String> {
        of_named(text, trigger, indicator, &[])
    }

    /// As [`of`], with `names` found as entities where they occur.
    fn of_named(text: &str, trigger: &str, indicator: &str, names: &[&str]) -> Option<String> {
        let spans: Vec<Span> = names
            .iter()
            .filter_map(|n| text.find(n).map(|at| Span::new(at, at + n.len())))
            .collect();
        let start = text
            .find(trigger)
            .unwrap_or_else(|| panic!("{trigger} not in {text}"));
        let t = Trigger {
            indicator: 0,
            start,
            end: start + trigger.len(),
        };
        product(text, Span::new(0, text.len()), &t, indicator, &spans)
    }

    #[test]
    fn a_good_named_before_the_trigger() {
        assert_eq!(
            of("Brazil's coffee exports rose.", "exports", "exports").as_deref(),
            Some("coffee")
        );
        assert_eq!(
            of("U.S. crude oil imports fell.", "imports", "imports").as_deref(),
            Some("crude oil")
        );
        assert_eq!(
            of("Its non-oil exports grew.", "exports", "exports").as_deref(),
            Some("non-oil")
        );
        assert_eq!(
            of("A plan to boost rice exports.", "exports", "exports").as_deref(),
            Some("rice")
        );
        assert_eq!(
            of("Soybean meal imports fell.", "imports", "imports").as_deref(),
            Some("soybean meal")
        );
    }

    #[test]
    fn a_good_named_after_of_or_in() {
        assert_eq!(
            of("Exports of cars to the U.S. rose.", "Exports", "exports").as_deref(),
            Some("car")
        );
        assert_eq!(
            of(
                "Exports of crude oil and refined products totalled 5 bln dlrs.",
                "Exports",
                "exports"
            )
            .as_deref(),
            Some("crude oil and refined product")
        );
        assert_eq!(
            of("Trade in services grew.", "Trade", "trade_volume").as_deref(),
            Some("services")
        );
        assert_eq!(
            of(
                "Production of commodities fell.",
                "Production",
                "production"
            )
            .as_deref(),
            Some("commodity")
        );
    }

    #[test]
    fn a_good_named_after_the_figure() {
        let text = "Zimbabwe exported 11,000 tonnes of coffee in 1986.";
        let end = text.find(" of").unwrap_or_else(|| unreachable!());
        let sentence = Span::new(0, text.len());
        assert_eq!(
            product_after_figure(text, end, sentence, "exports").as_deref(),
            Some("coffee")
        );
        let text = "It sold 5 billion dlrs of exports in 1986.";
        let end = text.find(" of").unwrap_or_else(|| unreachable!());
        assert_eq!(
            product_after_figure(text, end, Span::new(0, text.len()), "exports"),
            None
        );
    }

    #[test]
    fn totals_and_qualified_figures_have_no_product() {
        assert_eq!(
            of_named(
                "Czech exports to Germany topped 48.6 bln euros.",
                "exports",
                "exports",
                &["Czech", "Germany"]
            ),
            None
        );
        for (text, trigger, indicator) in [
            ("Total exports were 5 bln dlrs.", "exports", "exports"),
            ("The ministry said exports rose.", "exports", "exports"),
            ("Annual exports of 5 mln tonnes.", "exports", "exports"),
            ("Exports of the company fell.", "Exports", "exports"),
            ("Trade in 1986 was 5 bln dlrs.", "Trade", "trade_volume"),
            ("Imports in March rose.", "Imports", "imports"),
            ("Its steady investment rose.", "investment", "investment"),
            (
                "They aim to lift trade to 5 bln dlrs.",
                "trade",
                "trade_volume",
            ),
            ("A target for trade of 5 bln dlrs.", "trade", "trade_volume"),
            ("Analysts expect exports to rise.", "exports", "exports"),
            ("It will diversify exports.", "exports", "exports"),
            ("A 5 billion dlr trade deficit.", "deficit", "trade_balance"),
            (
                "A 1.2 billion franc trade deficit.",
                "deficit",
                "trade_balance",
            ),
            ("March exports rose.", "exports", "exports"),
            ("OPEC production rose.", "production", "production"),
            (
                "Last year, it exported 5 mln tonnes.",
                "exported",
                "exports",
            ),
            ("Rising exports helped.", "exports", "exports"),
        ] {
            assert_eq!(of(text, trigger, indicator), None, "{text}");
        }
    }
}
