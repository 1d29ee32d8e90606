//! Quantities: money (symbols, codes, currency words → ISO 4217), percentages, physical
//! units, counts with the noun they count, and bare numbers; each with its bound
//! ("more than" → lower, "almost" → upper, "about" → approx) and ranges as two values.
//!
//! Input: the token stream; output: [`Quantity`] values in text order, each spanning the
//! number and its unit (not the qualifier). Four-digit integers without a unit are left to
//! the time recognizer.

use super::numbers::{number_at, scale_letter, scale_word, tidy, Number};
use super::tokens::{Kind, Token};
use crate::model::{Bound, Quantity, RangeEnd, Span};
use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

/// ISO 4217 codes factline accepts as written codes ("USD 5", "5bn EUR"), with their names.
static ISO_CODES: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| {
    include_str!("../../data/currencies.tsv")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .chain(HISTORIC_CODES.iter().copied())
        .collect()
});

/// The English name of an ISO 4217 code factline knows ("EUR" → "Euro").
pub fn currency_name(code: &str) -> Option<&'static str> {
    ISO_CODES.get(code).copied()
}

/// A physical unit from `data/units.tsv`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct UnitInfo {
    /// What [`Quantity::unit`] holds ("km").
    pub symbol: &'static str,
    /// English name ("Kilometer").
    pub name: &'static str,
    /// Unit kind as the ontology names it ("length", "mass", …).
    pub dimension: &'static str,
}

/// Every unit row: (info, factor applied to the number, phrases).
static UNIT_ROWS: LazyLock<Vec<(UnitInfo, f64, &'static str)>> = LazyLock::new(|| {
    include_str!("../../data/units.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let mut cols = l.split('\t');
            let (symbol, name, dimension, factor, phrases) = (
                cols.next()?,
                cols.next()?,
                cols.next()?,
                cols.next()?,
                cols.next()?,
            );
            let info = UnitInfo {
                symbol,
                name,
                dimension,
            };
            Some((info, factor.parse().ok()?, phrases))
        })
        .collect()
});

/// The unit a [`Quantity::unit`] symbol stands for, if it is a physical unit.
pub fn unit_info(symbol: &str) -> Option<UnitInfo> {
    UNIT_BY_SYMBOL.get(symbol).copied()
}

/// The units by symbol (a symbol's rows share one name and kind).
static UNIT_BY_SYMBOL: LazyLock<HashMap<&'static str, UnitInfo>> =
    LazyLock::new(|| UNIT_ROWS.iter().map(|&(u, _, _)| (u.symbol, u)).collect());

/// Withdrawn ISO 4217 codes still met in older news (Deutsche mark, French franc, …).
const HISTORIC_CODES: &[(&str, &str)] = &[
    ("DEM", "Deutsche Mark"),
    ("FRF", "French Franc"),
    ("NLG", "Netherlands Guilder"),
    ("ITL", "Italian Lira"),
    ("ESP", "Spanish Peseta"),
    ("BEF", "Belgian Franc"),
    ("ATS", "Austrian Schilling"),
    ("BRC", "Brazilian Cruzado"),
    ("ARA", "Argentine Austral"),
    ("FIM", "Finnish Markka"),
    ("IEP", "Irish Pound"),
    // Not ISO 4217; the code exchanges use for bitcoin.
    ("XBT", "Bitcoin"),
];

/// Currency words, lower case, as token sequences → ISO code. Longer phrases win.
const CURRENCY_WORDS: &[(&str, &str)] = &[
    ("us dollars", "USD"),
    ("us dollar", "USD"),
    ("u.s. dollars", "USD"),
    ("u.s. dollar", "USD"),
    ("u.s. dlrs", "USD"),
    ("u.s. dlr", "USD"),
    ("us dlrs", "USD"),
    ("american dollars", "USD"),
    ("dollars", "USD"),
    ("dollar", "USD"),
    ("dlrs", "USD"),
    ("dlr", "USD"),
    ("canadian dollars", "CAD"),
    ("canadian dlrs", "CAD"),
    ("australian dollars", "AUD"),
    ("australian dlrs", "AUD"),
    ("hong kong dollars", "HKD"),
    ("singapore dollars", "SGD"),
    ("new zealand dollars", "NZD"),
    ("taiwan dollars", "TWD"),
    ("new taiwan dollars", "TWD"),
    ("euros", "EUR"),
    ("euro", "EUR"),
    ("pounds sterling", "GBP"),
    ("pound sterling", "GBP"),
    ("british pounds", "GBP"),
    ("sterling", "GBP"),
    ("stg", "GBP"),
    ("pounds", "GBP"),
    ("pound", "GBP"),
    ("egyptian pounds", "EGP"),
    ("irish pounds", "IEP"),
    ("punts", "IEP"),
    ("punt", "IEP"),
    ("japanese yen", "JPY"),
    ("yen", "JPY"),
    ("chinese yuan", "CNY"),
    ("yuan", "CNY"),
    ("renminbi", "CNY"),
    ("rmb", "CNY"),
    ("kuai", "CNY"),
    ("finnish markka", "FIM"),
    ("markka", "FIM"),
    ("markkaa", "FIM"),
    ("bitcoins", "XBT"),
    ("bitcoin", "XBT"),
    ("btc", "XBT"),
    ("indian rupees", "INR"),
    ("rupees", "INR"),
    ("rupee", "INR"),
    ("pakistani rupees", "PKR"),
    ("sri lankan rupees", "LKR"),
    ("indonesian rupiah", "IDR"),
    ("rupiah", "IDR"),
    ("polish zlotys", "PLN"),
    ("polish zloty", "PLN"),
    ("zlotys", "PLN"),
    ("zloty", "PLN"),
    ("złoty", "PLN"),
    ("south african rand", "ZAR"),
    ("rand", "ZAR"),
    ("swiss francs", "CHF"),
    ("francs", "CHF"),
    ("franc", "CHF"),
    ("french francs", "FRF"),
    ("belgian francs", "BEF"),
    ("cfa francs", "XOF"),
    ("deutsche marks", "DEM"),
    ("german marks", "DEM"),
    ("marks", "DEM"),
    ("d-marks", "DEM"),
    ("dutch guilders", "NLG"),
    ("guilders", "NLG"),
    ("italian lire", "ITL"),
    ("lire", "ITL"),
    ("spanish pesetas", "ESP"),
    ("pesetas", "ESP"),
    ("austrian schillings", "ATS"),
    ("schillings", "ATS"),
    ("south korean won", "KRW"),
    ("korean won", "KRW"),
    ("won", "KRW"),
    ("malaysian ringgit", "MYR"),
    ("ringgit", "MYR"),
    ("thai baht", "THB"),
    ("baht", "THB"),
    ("vietnamese dong", "VND"),
    ("dong", "VND"),
    ("mexican pesos", "MXN"),
    ("pesos", "MXN"),
    ("peso", "MXN"),
    ("philippine pesos", "PHP"),
    ("argentine pesos", "ARS"),
    ("chilean pesos", "CLP"),
    ("colombian pesos", "COP"),
    ("brazilian reais", "BRL"),
    ("reais", "BRL"),
    ("russian roubles", "RUB"),
    ("russian rubles", "RUB"),
    ("roubles", "RUB"),
    ("rubles", "RUB"),
    ("rouble", "RUB"),
    ("ruble", "RUB"),
    ("turkish lira", "TRY"),
    ("lira", "TRY"),
    ("liras", "TRY"),
    ("swedish kronor", "SEK"),
    ("swedish crowns", "SEK"),
    ("kronor", "SEK"),
    ("krona", "SEK"),
    ("norwegian kroner", "NOK"),
    ("norwegian crowns", "NOK"),
    ("danish kroner", "DKK"),
    ("danish crowns", "DKK"),
    ("kroner", "NOK"),
    ("krone", "NOK"),
    ("hungarian forints", "HUF"),
    ("forints", "HUF"),
    ("forint", "HUF"),
    ("czech crowns", "CZK"),
    ("czech korunas", "CZK"),
    ("czech koruna", "CZK"),
    ("korunas", "CZK"),
    ("koruna", "CZK"),
    ("crowns", "CZK"),
    ("uae dirhams", "AED"),
    ("dirhams", "AED"),
    ("dirham", "AED"),
    ("moroccan dirhams", "MAD"),
    ("saudi riyals", "SAR"),
    ("riyals", "SAR"),
    ("riyal", "SAR"),
    ("qatari riyals", "QAR"),
    ("israeli shekels", "ILS"),
    ("shekels", "ILS"),
    ("shekel", "ILS"),
    ("nigerian naira", "NGN"),
    ("naira", "NGN"),
    ("kenyan shillings", "KES"),
    ("shillings", "KES"),
    ("taka", "BDT"),
    ("romanian lei", "RON"),
    ("lei", "RON"),
    ("leu", "RON"),
    ("bulgarian leva", "BGN"),
    ("leva", "BGN"),
    ("hryvnias", "UAH"),
    ("hryvnia", "UAH"),
    ("tenge", "KZT"),
    ("ghanaian cedis", "GHS"),
    ("cedis", "GHS"),
    ("birr", "ETB"),
    ("kwacha", "ZMW"),
    ("cruzados", "BRC"),
    ("australs", "ARA"),
];

/// Sub-units: the amount is divided by the sub-units per unit and given the parent currency.
const CENT_WORDS: &[(&str, (&str, f64))] = &[
    ("cents", ("USD", 100.0)),
    ("cent", ("USD", 100.0)),
    ("cts", ("USD", 100.0)),
    ("pence", ("GBP", 100.0)),
    ("pennies", ("GBP", 100.0)),
    ("penny", ("GBP", 100.0)),
    ("p", ("GBP", 100.0)),
    ("satoshis", ("XBT", 1e8)),
    ("satoshi", ("XBT", 1e8)),
];

/// Percent words after a number.
const PERCENT_WORDS: &[(&str, &str)] = &[
    ("percentage points", "pp"),
    ("percentage point", "pp"),
    ("pct points", "pp"),
    ("pct point", "pp"),
    ("per cent", "percent"),
    ("percentage", "percent"),
    ("percents", "percent"),
    ("percent", "percent"),
    ("pct", "percent"),
    ("%", "percent"),
];

/// Qualifiers before a number and the bound each gives. Checked longest first.
const BOUND_PHRASES: &[(&str, Bound)] = &[
    ("more than", Bound::Lower),
    ("over", Bound::Lower),
    ("above", Bound::Lower),
    ("at least", Bound::Lower),
    ("in excess of", Bound::Lower),
    ("exceeding", Bound::Lower),
    ("exceeded", Bound::Lower),
    ("exceeds", Bound::Lower),
    ("exceed", Bound::Lower),
    ("topped", Bound::Lower),
    ("tops", Bound::Lower),
    ("topping", Bound::Lower),
    ("top", Bound::Lower),
    ("surpassed", Bound::Lower),
    ("surpassing", Bound::Lower),
    ("surpass", Bound::Lower),
    ("passed", Bound::Lower),
    ("beyond", Bound::Lower),
    ("upwards of", Bound::Lower),
    ("upward of", Bound::Lower),
    ("no less than", Bound::Lower),
    ("not less than", Bound::Lower),
    ("greater than", Bound::Lower),
    ("higher than", Bound::Lower),
    ("a minimum of", Bound::Lower),
    ("minimum of", Bound::Lower),
    ("north of", Bound::Lower),
    ("well over", Bound::Lower),
    ("just over", Bound::Lower),
    ("broke through", Bound::Lower),
    ("almost", Bound::Upper),
    ("nearly", Bound::Upper),
    ("close to", Bound::Upper),
    ("up to", Bound::Upper),
    ("less than", Bound::Upper),
    ("under", Bound::Upper),
    ("below", Bound::Upper),
    ("fewer than", Bound::Upper),
    ("just under", Bound::Upper),
    ("just below", Bound::Upper),
    ("at most", Bound::Upper),
    ("no more than", Bound::Upper),
    ("not more than", Bound::Upper),
    ("a maximum of", Bound::Upper),
    ("maximum of", Bound::Upper),
    ("not exceeding", Bound::Upper),
    ("shy of", Bound::Upper),
    ("short of", Bound::Upper),
    ("approaching", Bound::Upper),
    ("as much as", Bound::Upper),
    ("as many as", Bound::Upper),
    ("as high as", Bound::Upper),
    ("lower than", Bound::Upper),
    ("smaller than", Bound::Upper),
    ("barely", Bound::Upper),
    ("nigh on", Bound::Upper),
    ("getting on for", Bound::Upper),
    ("about", Bound::Approx),
    ("around", Bound::Approx),
    ("roughly", Bound::Approx),
    ("some", Bound::Approx),
    ("approximately", Bound::Approx),
    ("approx.", Bound::Approx),
    ("approx", Bound::Approx),
    ("circa", Bound::Approx),
    ("c.", Bound::Approx),
    ("ca.", Bound::Approx),
    ("an estimated", Bound::Approx),
    ("estimated", Bound::Approx),
    ("est.", Bound::Approx),
    ("in the region of", Bound::Approx),
    ("of the order of", Bound::Approx),
    ("on the order of", Bound::Approx),
    ("in the order of", Bound::Approx),
    ("an approximate", Bound::Approx),
    ("somewhere around", Bound::Approx),
    ("close on", Bound::Approx),
    ("round about", Bound::Approx),
    ("~", Bound::Approx),
];

/// Qualifiers after a quantity.
const BOUND_SUFFIXES: &[(&str, Bound)] = &[
    ("or more", Bound::Lower),
    ("or higher", Bound::Lower),
    ("or above", Bound::Lower),
    ("and more", Bound::Lower),
    ("and above", Bound::Lower),
    ("plus", Bound::Lower),
    ("or so", Bound::Approx),
    ("or thereabouts", Bound::Approx),
    ("odd", Bound::Approx),
    ("or less", Bound::Upper),
    ("or fewer", Bound::Upper),
    ("or below", Bound::Upper),
];

/// Nouns after a number that are not counts of things (durations, multipliers).
const NOT_COUNTED: &[&str] = &[
    "years",
    "months",
    "weeks",
    "days",
    "hours",
    "minutes",
    "seconds",
    "decades",
    "centuries",
    "times",
    "points",
    "cents",
    "percent",
    "others",
    "ones",
    "things",
    "this",
    "its",
    "was",
    "has",
    "his",
    "is",
    "as",
    "us",
    "yes",
    "less",
    "plus",
    "pounds",
    "marks",
];

/// Plural nouns that do not end in "s".
const IRREGULAR_PLURALS: &[&str] = &[
    "people",
    "children",
    "men",
    "women",
    "staff",
    "personnel",
    "police",
    "cattle",
    "sheep",
    "fish",
    "aircraft",
    "livestock",
    "head",
    "youth",
    "troops",
    "deer",
    "swine",
    "poultry",
];

/// Words that may stand between a number and its counted noun ("1,200 new firms").
const COUNT_MODIFIERS: &[&str] = &[
    "new",
    "more",
    "other",
    "foreign",
    "small",
    "large",
    "big",
    "major",
    "local",
    "joint",
    "additional",
    "further",
    "bilateral",
    "separate",
    "different",
    "young",
    "old",
    "full-time",
    "international",
    "private",
    "public",
    "state-owned",
    "domestic",
    "active",
    "registered",
];

/// Function words that end the search for a counted noun.
const STOP_WORDS: &[&str] = &[
    "the", "a", "an", "of", "in", "on", "at", "to", "for", "from", "by", "with", "and", "or",
    "than", "per", "as", "that", "which", "who", "is", "are", "was", "were", "be", "been", "this",
    "these", "those", "its", "their", "his", "her", "said", "says", "vs", "against",
];

/// Phrase tables turned into token sequences once.
struct Lexicon<V: Copy> {
    /// First lower-case word → entries (word sequence, value), longest first.
    by_first: HashMap<String, Vec<(Vec<String>, V)>>,
}

impl<V: Copy> Lexicon<V> {
    fn new(entries: impl IntoIterator<Item = (&'static str, V)>) -> Self {
        let mut by_first: HashMap<String, Vec<(Vec<String>, V)>> = HashMap::default();
        for (phrase, value) in entries {
            // Split as the text will be ("km/h" is three tokens), so phrases match token by token.
            let words: Vec<String> = super::tokens::tokenize(phrase)
                .iter()
                .map(|t| t.text(phrase).to_string())
                .collect();
            if words.is_empty() {
                continue;
            }
            by_first
                .entry(words[0].clone())
                .or_default()
                .push((words, value));
        }
        for list in by_first.values_mut() {
            list.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        }
        Lexicon { by_first }
    }

    /// The longest entry starting at token `i`: (one past its last token, value).
    fn longest_at(&self, tokens: &[Token], i: usize, text: &str) -> Option<(usize, V)> {
        let mut buf = [0u8; 24];
        let word = tokens.get(i)?.text(text);
        let first = match super::tokens::ascii_lower(word, &mut buf) {
            Some(w) => std::borrow::Cow::Borrowed(w),
            None => std::borrow::Cow::Owned(word.to_lowercase()),
        };
        let entries = self.by_first.get(first.as_ref())?;
        entries.iter().find_map(|(words, value)| {
            let matches = words.iter().enumerate().all(|(k, w)| {
                tokens.get(i + k).is_some_and(|t| {
                    let t = t.text(text);
                    // Unicode lower-casing (and its allocation) only for non-ASCII words.
                    t.eq_ignore_ascii_case(w) || (!t.is_ascii() && t.to_lowercase() == *w)
                })
            });
            matches.then_some((i + words.len(), *value))
        })
    }
}

static CURRENCIES: LazyLock<Lexicon<&'static str>> =
    LazyLock::new(|| Lexicon::new(CURRENCY_WORDS.iter().copied()));
static CENTS: LazyLock<Lexicon<(&'static str, f64)>> =
    LazyLock::new(|| Lexicon::new(CENT_WORDS.iter().copied()));
static UNITS: LazyLock<Lexicon<(&'static str, f64)>> =
    LazyLock::new(|| {
        Lexicon::new(UNIT_ROWS.iter().flat_map(|&(u, factor, phrases)| {
            phrases.split('|').map(move |p| (p, (u.symbol, factor)))
        }))
    });
static PERCENTS: LazyLock<Lexicon<&'static str>> =
    LazyLock::new(|| Lexicon::new(PERCENT_WORDS.iter().copied()));
static SUFFIXES: LazyLock<Lexicon<Bound>> =
    LazyLock::new(|| Lexicon::new(BOUND_SUFFIXES.iter().copied()));
static BOUNDS_LONGEST_FIRST: LazyLock<Vec<(&'static str, Bound)>> = LazyLock::new(|| {
    let mut v = BOUND_PHRASES.to_vec();
    v.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
    v
});

/// The last word of every qualifier: a quick test before trying each phrase.
static BOUND_LAST_WORDS: LazyLock<rustc_hash::FxHashSet<&'static str>> = LazyLock::new(|| {
    BOUND_PHRASES
        .iter()
        .filter_map(|(p, _)| p.rsplit(' ').next())
        .collect()
});

/// The ISO code a currency symbol means, given the letters glued before it ("US$", "C$").
fn symbol_code(symbol: &str, prefix: Option<&str>) -> Option<&'static str> {
    Some(
        match (symbol, prefix.map(str::to_ascii_uppercase).as_deref()) {
            ("$", None | Some("US" | "U.S." | "U.S")) => "USD",
            ("$", Some("C" | "CA" | "CAN" | "CDN")) => "CAD",
            ("$", Some("A" | "AU" | "AUS")) => "AUD",
            ("$", Some("HK")) => "HKD",
            ("$", Some("S" | "SG" | "SING")) => "SGD",
            ("$", Some("NZ")) => "NZD",
            ("$", Some("R")) => "BRL",
            ("$", Some("NT")) => "TWD",
            ("$", Some("MEX" | "MX")) => "MXN",
            // "usd$", "AUD$", "mxn$": a code written before the sign.
            ("$", Some(p)) => {
                let (code, _) = code_word(p).or_else(|| code_word(&p.to_ascii_lowercase()))?;
                let name = currency_name(code)?;
                if !(name.contains("Dollar") || name.contains("Peso")) {
                    return None;
                }
                code
            }
            ("€", _) => "EUR",
            ("£", _) => "GBP",
            ("¥", _) => "JPY",
            ("₹", _) => "INR",
            ("₩", _) => "KRW",
            ("₽", _) => "RUB",
            ("₺", _) => "TRY",
            ("₪", _) => "ILS",
            ("₫", _) => "VND",
            ("₱", _) => "PHP",
            ("₴", _) => "UAH",
            ("₦", _) => "NGN",
            ("฿", _) => "THB",
            ("₡", _) => "CRC",
            ("₲", _) => "PYG",
            ("₵", _) => "GHS",
            ("₸", _) => "KZT",
            ("₼", _) => "AZN",
            ("₾", _) => "GEL",
            ("₭", _) => "LAK",
            ("元", _) => "CNY",
            ("₿", _) => "XBT",
            _ => return None,
        },
    )
}

/// ISO codes that are also English words written in capitals ("ALL 5 solutions").
const WORD_LIKE_CODES: &[&str] = &["ALL", "TOP", "CUP", "MOP"];

/// Lower-case codes accepted as currencies (lower-cased or tokenized text: "usd 20").
const LOWER_CODES: &[&str] = &[
    "usd", "eur", "gbp", "jpy", "cny", "chf", "cad", "aud", "hkd", "sgd", "nzd", "inr", "rub",
];

/// A currency code as a word: (code, scale). "USD", "usd", and "MUSD"/"MEUR" (millions, as
/// Nordic business news writes them).
fn code_word(word: &str) -> Option<(&'static str, f64)> {
    let upper = |w: &str| w.len() == 3 && w.bytes().all(|b| b.is_ascii_uppercase());
    let known = |w: &str| {
        ISO_CODES
            .get_key_value(w)
            .map(|(c, _)| *c)
            .filter(|c| !WORD_LIKE_CODES.contains(c))
    };
    if upper(word) {
        return known(word).map(|c| (c, 1.0));
    }
    if word.len() == 3 && LOWER_CODES.contains(&word) {
        return known(&word.to_ascii_uppercase()).map(|c| (c, 1.0));
    }
    let rest = word.strip_prefix('M').or_else(|| word.strip_prefix('m'))?;
    let same_case = upper(rest) || (rest.len() == 3 && LOWER_CODES.contains(&rest));
    if word.len() == 4 && same_case {
        return known(&rest.to_ascii_uppercase()).map(|c| (c, 1e6));
    }
    None
}

/// Words written before "$" with a space in tokenized text ("us $ 150 million", "c $ 16.4").
const SPACED_DOLLAR_PREFIXES: &[&str] = &["us", "u.s", "u.s.", "c", "hk", "nz", "cdn", "a$"];

/// A written currency before a number: (first token, code, scale, token where the number
/// starts).
fn money_prefix(
    tokens: &[Token],
    i: usize,
    text: &str,
) -> Option<(usize, &'static str, f64, usize)> {
    let tok = tokens.get(i)?;
    match tok.kind {
        Kind::Currency => {
            let before = tokens
                .get(i.wrapping_sub(1))
                .filter(|p| i > 0 && p.kind == Kind::Word);
            let prefix = before.filter(|p| {
                tok.joined
                    || SPACED_DOLLAR_PREFIXES
                        .iter()
                        .any(|w| p.text(text).eq_ignore_ascii_case(w))
            });
            let code = symbol_code(tok.text(text), prefix.map(|w| w.text(text)))
                .or_else(|| symbol_code(tok.text(text), None))?;
            let first = match prefix {
                Some(_) if code != "USD" => i - 1,
                Some(w) if symbol_code("$", Some(w.text(text))).is_some() => i - 1,
                _ => i,
            };
            Some((first, code, 1.0, i + 1))
        }
        Kind::Word => {
            let word = tok.text(text);
            let mut next = i + 1;
            if tokens.get(next).is_some_and(|t| t.text(text) == ".") {
                next += 1;
            }
            // Cheap test first: a code or word before an amount is followed by digits.
            if !tokens.get(next).is_some_and(|t| t.kind == Kind::Number) {
                return None;
            }
            let (code, scale) = if word == "Rs" || word == "Rs." {
                ("INR", 1.0)
            } else {
                code_word(word).or_else(|| {
                    // "rmb 10": a currency word before the number, in lower case.
                    CURRENCIES
                        .longest_at(tokens, i, text)
                        .filter(|&(e, _)| e == i + 1 && word.len() == 3)
                        .map(|(_, c)| (c, 1.0))
                })?
            };
            Some((i, code, scale, next))
        }
        _ => None,
    }
}

/// A sub-unit word after a number ("50 cents", "470 pence", "50p"; "p" only glued).
fn cent_after(tokens: &[Token], end: usize, text: &str) -> Option<(usize, (&'static str, f64))> {
    let hit = CENTS.longest_at(tokens, end, text)?;
    let bare_p = tokens
        .get(end)
        .is_some_and(|t| t.text(text).eq_ignore_ascii_case("p"));
    (!bare_p || tokens.get(end).is_some_and(|t| t.joined)).then_some(hit)
}

/// The minor part of an amount ("3 dollars 50 cents", "15 dollars and 50", "17 USD 25"):
/// (end, value in units). A bare number counts only when nothing follows it.
fn minor_part(tokens: &[Token], end: usize, text: &str, major: f64) -> Option<(usize, f64)> {
    // Only small amounts are written with their cents, and never across a line break.
    if major >= 1000.0 || !super::tokens::same_line(tokens, end, text) {
        return None;
    }
    let mut k = end;
    if tokens
        .get(k)
        .is_some_and(|t| t.text(text).eq_ignore_ascii_case("and"))
    {
        k += 1;
    }
    let n = number_at(tokens, k, text)?;
    if n.value.fract() != 0.0 || !(1.0..100.0).contains(&n.value) || n.scale != 1.0 {
        return None;
    }
    if let Some((e, (_, per_unit))) = cent_after(tokens, n.end, text) {
        return Some((e, n.value / per_unit));
    }
    let next = tokens.get(n.end);
    let ends_here =
        next.is_none_or(|t| t.kind == Kind::Punct && !matches!(t.text(text), "%" | "-" | "/"));
    ends_here.then_some((n.end, n.value / 100.0))
}

/// A quantity under construction, with the scale used (needed to complete ranges).
#[derive(Debug, Clone)]
struct Found {
    quantity: Quantity,
    scale: f64,
    explicit_bound: bool,
}

impl Found {
    /// An amount with a unit and no counted noun or range ("per cent of 210", "USD115").
    fn with_unit(span: Span, amount: f64, unit: &str, bound: Bound, scale: f64) -> Found {
        let quantity = Quantity {
            span,
            amount,
            unit: Some(unit.to_string()),
            bound,
            concept: None,
            range: None,
        };
        Found {
            quantity,
            scale,
            explicit_bound: false,
        }
    }
}

/// Finds every quantity in the token stream.
pub fn recognize(tokens: &[Token], text: &str) -> Vec<Quantity> {
    let mut found: Vec<Found> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        // Digits in a web address ("…?q=30%25") are not quantities.
        if let Some(end) = super::tokens::url_end(tokens, i, text) {
            i += tokens[i..].partition_point(|t| t.start < end);
            continue;
        }
        match quantity_at(tokens, i, text) {
            Some((f, end)) => {
                found.push(f);
                i = end.max(i + 1);
            }
            None => i += 1,
        }
    }
    link_ranges(&mut found, text);
    found.into_iter().map(|f| f.quantity).collect()
}

/// Percent words with no number ("a small percent", "the % of increase"): mentions of the
/// unit alone, for callers that track units; the ledger ignores them.
pub fn bare_percent_words(tokens: &[Token], text: &str, quantities: &[Quantity]) -> Vec<Span> {
    bare_words(&PERCENTS, |u| u == "percent", tokens, text, quantities)
        .into_iter()
        .map(|(span, _)| span)
        .collect()
}

/// Currency words with no number ("the dollar fell", "a multibillion-dollar deal"), with
/// their codes: mentions of a currency, not amounts.
pub fn bare_currency_words(
    tokens: &[Token],
    text: &str,
    quantities: &[Quantity],
) -> Vec<(Span, &'static str)> {
    bare_words(&CURRENCIES, |_| true, tokens, text, quantities)
}

/// Whether `text` names a currency (a symbol, code or currency word), not only a sub-unit.
pub fn names_currency(text: &str) -> bool {
    let tokens = super::tokens::tokenize(text);
    (0..tokens.len()).any(|i| {
        tokens[i].kind == Kind::Currency
            || CURRENCIES.longest_at(&tokens, i, text).is_some()
            || code_word(tokens[i].text(text)).is_some()
    })
}

fn bare_words<V: Copy>(
    lexicon: &Lexicon<V>,
    keep: impl Fn(V) -> bool,
    tokens: &[Token],
    text: &str,
    quantities: &[Quantity],
) -> Vec<(Span, V)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if let Some(end) = super::tokens::url_end(tokens, i, text) {
            i += tokens[i..].partition_point(|t| t.start < end);
            continue;
        }
        let Some((end, value)) = lexicon
            .longest_at(tokens, i, text)
            .filter(|&(_, v)| keep(v))
        else {
            i += 1;
            continue;
        };
        let span = Span::new(tokens[i].start, tokens[end - 1].end);
        if !quantities.iter().any(|q| q.span.overlaps(span)) {
            out.push((span, value));
        }
        i = end;
    }
    out
}

/// "percent of 10", "per cent of twenty-two": the percent word first.
fn percent_first(tokens: &[Token], i: usize, text: &str) -> Option<(Found, usize)> {
    let (end, unit) = PERCENTS.longest_at(tokens, i, text)?;
    let after_number = i > 0 && number_at(tokens, i - 1, text).is_some();
    if unit != "percent" || after_number || !tokens.get(end)?.text(text).eq_ignore_ascii_case("of")
    {
        return None;
    }
    let n = number_at(tokens, end + 1, text)?;
    let span = Span::new(tokens[i].start, tokens.get(n.end - 1)?.end);
    let found = Found::with_unit(span, n.value, unit, Bound::Exact, n.scale);
    Some((found, n.end))
}

/// A code glued to its amount: "USD115", "USD115.5", "eur20".
fn glued_code_amount(tokens: &[Token], i: usize, text: &str) -> Option<(Found, usize)> {
    let word = tokens[i].text(text);
    let (prefix, digits) = (word.get(..3)?, word.get(3..)?);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (code, _) = code_word(prefix).filter(|&(_, f)| f == 1.0)?;
    let mut amount: f64 = digits.parse().ok()?;
    let mut end = i + 1;
    let point = tokens
        .get(end)
        .is_some_and(|t| t.joined && t.text(text) == ".");
    if let Some(frac) = tokens
        .get(end + 1)
        .filter(|t| point && t.joined && t.kind == Kind::Number)
    {
        amount = format!("{digits}.{}", frac.text(text)).parse().ok()?;
        end += 2;
    }
    let span = Span::new(tokens[i].start, tokens[end - 1].end);
    let bound = bound_before(text, tokens[i].start).unwrap_or(Bound::Exact);
    Some((Found::with_unit(span, amount, code, bound, 1.0), end))
}

fn quantity_at(tokens: &[Token], i: usize, text: &str) -> Option<(Found, usize)> {
    if tokens[i].kind == Kind::Word {
        let word = tokens[i].text(text);
        let per = word.get(..3).is_some_and(|p| p.eq_ignore_ascii_case("per"));
        if per || word.eq_ignore_ascii_case("pct") {
            if let Some(hit) = percent_first(tokens, i, text) {
                return Some(hit);
            }
        }
        if word.len() > 3 && word.as_bytes()[3].is_ascii_digit() {
            return glued_code_amount(tokens, i, text);
        }
    }
    let mut code_scale = 1.0;
    let (first, mut unit, num) = match money_prefix(tokens, i, text) {
        Some((first, code, scale, at)) => {
            code_scale = scale;
            (first, Some(code.to_string()), number_at(tokens, at, text)?)
        }
        None => {
            let n = number_at(tokens, i, text)?;
            // "F-16", "scp-173m": a number glued by a hyphen to a word is part of a name.
            let named = n.first >= 2
                && tokens[n.first].joined
                && tokens[n.first - 1].joined
                && tokens[n.first - 1].text(text) == "-"
                && tokens[n.first - 2].kind == Kind::Word;
            if named {
                return None;
            }
            (n.first, None, n)
        }
    };
    let Number {
        mut value,
        mut scale,
        mut end,
        digits,
        plain_integer,
        ..
    } = num;
    let stated = value;
    let mut concept = None;
    value *= code_scale;
    scale *= code_scale;
    // "a 12-cent dividend", "its one-yen bid"
    // "a 3-inch screen", "a six-mile trip", "a 45-acre farm", "a 50-pct stake"
    let hyphen_then_glued = tokens
        .get(end)
        .is_some_and(|t| t.joined && t.text(text) == "-")
        && tokens.get(end + 1).is_some_and(|t| t.joined);
    if hyphen_then_glued
        && (CURRENCIES.longest_at(tokens, end + 1, text).is_some()
            || cent_after(tokens, end + 1, text).is_some()
            || PERCENTS.longest_at(tokens, end + 1, text).is_some()
            || UNITS.longest_at(tokens, end + 1, text).is_some())
    {
        end += 1;
    }
    if unit.is_some() {
        if let Some(f) = tokens
            .get(end)
            .filter(|t| t.joined && t.kind == Kind::Word)
            .and_then(|t| scale_letter(t.text(text)))
        {
            value *= f;
            scale *= f;
            end += 1;
        }
        // "$5 million US dollars": a redundant currency word after is part of the span.
        if let Some((e, _)) = CURRENCIES.longest_at(tokens, end, text) {
            end = e;
        }
        if let Some((e, minor)) = minor_part(tokens, end, text, value) {
            value += minor;
            end = e;
        }
    } else if let Some((e, code, f)) = after_number_currency(tokens, end, text) {
        unit = Some(code.to_string());
        value *= f;
        scale *= f;
        end = e;
        // "75 USD million"
        if let Some(f) = tokens
            .get(end)
            .and_then(|t| scale_word(t.text(text)))
            .filter(|&f| f >= 1e3)
        {
            value *= f;
            scale *= f;
            end += 1;
        }
        if let Some((e, minor)) = minor_part(tokens, end, text, value) {
            value += minor;
            end = e;
        }
    } else if let Some((e, (code, per_unit))) = cent_after(tokens, end, text) {
        unit = Some(code.to_string());
        value /= per_unit;
        end = e;
    } else if let Some((e, u)) = PERCENTS.longest_at(tokens, end, text) {
        unit = Some(u.to_string());
        end = e;
    } else if let Some(u) = unit_after(tokens, end, text) {
        unit = Some(u.symbol.to_string());
        value = value * u.factor + u.plus;
        end = u.end;
    } else if let Some((e, noun)) = counted_noun(tokens, end, text) {
        unit = Some("count".to_string());
        concept = Some(noun);
        end = e;
    } else if !digits || plain_integer && (1000.0..=2199.0).contains(&value) {
        return None;
    }
    // "the two countries", "both sides": reference, not a count.
    let determiner = first
        .checked_sub(1)
        .and_then(|k| tokens.get(k))
        .is_some_and(|t| {
            matches!(
                t.text(text).to_ascii_lowercase().as_str(),
                "the" | "these" | "those" | "both"
            )
        });
    if !digits && determiner {
        return None;
    }
    let start = tokens.get(first)?.start;
    let span_end = tokens.get(end - 1)?.end;
    let (mut bound, explicit_prefix) = match bound_before(text, start) {
        Some(b) => (b, true),
        None => (Bound::Exact, false),
    };
    let mut explicit = explicit_prefix;
    if let Some((e, b)) = SUFFIXES.longest_at(tokens, end, text) {
        if !explicit_prefix {
            bound = b;
            explicit = true;
        }
        end = e;
    } else if tokens
        .get(end)
        .is_some_and(|t| t.joined && t.text(text) == "+")
    {
        bound = Bound::Lower;
        explicit = true;
        end += 1;
    }
    let quantity = Quantity {
        span: Span::new(start, span_end),
        // Only a computed amount needs tidying; a stated one is already exact.
        amount: if value == stated { value } else { tidy(value) },
        unit,
        bound,
        concept,
        range: None,
    };
    Some((
        Found {
            quantity,
            scale,
            explicit_bound: explicit,
        },
        end,
    ))
}

/// A currency written after the number ("40 million zloty", "5bn EUR").
fn after_number_currency(
    tokens: &[Token],
    end: usize,
    text: &str,
) -> Option<(usize, &'static str, f64)> {
    if let Some((e, code)) = CURRENCIES.longest_at(tokens, end, text) {
        // "pounds of": a weight, not money.
        let pounds = tokens
            .get(end)
            .is_some_and(|t| t.text(text).to_lowercase().starts_with("pound"));
        if pounds && tokens.get(e).is_some_and(|t| t.text(text) == "of") {
            return None;
        }
        return Some((e, code, 1.0));
    }
    let tok = tokens.get(end)?;
    match tok.kind {
        Kind::Word => code_word(tok.text(text)).map(|(c, f)| (end + 1, c, f)),
        // "10 €", "100 ₡": a symbol after the number, unless it starts the next amount.
        Kind::Currency if !tokens.get(end + 1).is_some_and(|t| t.kind == Kind::Number) => {
            symbol_code(tok.text(text), None).map(|c| (end + 1, c, 1.0))
        }
        _ => None,
    }
}

/// A physical unit after the number; single-letter units only when glued ("5t").
fn unit_after(tokens: &[Token], end: usize, text: &str) -> Option<UnitHit> {
    // "20 (kg)", "20 [kg]": a unit in brackets.
    let open = tokens
        .get(end)
        .is_some_and(|t| matches!(t.text(text), "(" | "[" | "{" | "<"));
    if open {
        let (e, (symbol, factor)) = UNITS.longest_at(tokens, end + 1, text)?;
        let close = tokens.get(e).map(|t| t.text(text));
        return matches!(close, Some(")" | "]" | "}" | ">")).then_some(UnitHit {
            end: e + 1,
            symbol,
            factor,
            plus: 0.0,
        });
    }
    let hit = UNITS.longest_at(tokens, end, text)?;
    let tok = tokens.get(end)?;
    let word = tok.text(text);
    if hit.0 == end + 1 && word.len() <= 2 {
        // Short symbols: one letter only glued ("5t", "48m", not "5 t"); "in" only glued
        // ("50,000 in 2020"); an upper-case letter is a scale ("1.8M"), not a unit.
        let spaced_ok = word.len() == 2 && !word.eq_ignore_ascii_case("in");
        if (!tok.joined && !spaced_ok)
            || (word.len() == 1 && word.bytes().all(|b| b.is_ascii_uppercase()))
        {
            return None;
        }
    }
    // "pounds of X" is a weight: the unit ends before "of".
    if hit.1 .0 == "lb" && word.to_lowercase().starts_with("pound") {
        return Some(UnitHit {
            end: end + 1,
            symbol: "lb",
            factor: 1.0,
            plus: 0.0,
        });
    }
    // "5 feet 2 inches", "12 ft 2 in", "5 feet and 2 inches": one length in feet.
    if hit.1 .0 == "ft" {
        let mut k = hit.0;
        if tokens
            .get(k)
            .is_some_and(|t| t.text(text).eq_ignore_ascii_case("and"))
        {
            k += 1;
        }
        if let Some(n) = number_at(tokens, k, text).filter(|n| n.value < 12.0) {
            if let Some((e, ("in", _))) = UNITS.longest_at(tokens, n.end, text) {
                return Some(UnitHit {
                    end: e,
                    symbol: "ft",
                    factor: 1.0,
                    plus: n.value / 12.0,
                });
            }
        }
    }
    Some(UnitHit {
        end: hit.0,
        symbol: hit.1 .0,
        factor: hit.1 .1,
        plus: 0.0,
    })
}

/// A unit found after a number: the value becomes `value × factor + plus`.
struct UnitHit {
    end: usize,
    symbol: &'static str,
    factor: f64,
    plus: f64,
}

/// The noun a number counts: up to two modifiers, then a plural noun ("1,200 Polish firms").
fn counted_noun(tokens: &[Token], end: usize, text: &str) -> Option<(usize, String)> {
    let mut k = end;
    for _ in 0..3 {
        let tok = tokens.get(k).filter(|t| t.kind == Kind::Word)?;
        let word = tok.text(text);
        let mut buf = [0u8; 24];
        let lower = super::tokens::ascii_lower(word, &mut buf)?;
        let lower = lower.trim_end_matches("'s");
        if STOP_WORDS.contains(&lower) || NOT_COUNTED.contains(&lower) {
            return None;
        }
        if is_plural_noun(lower) && !starts_upper(word) {
            return Some((k + 1, lower.to_string()));
        }
        let is_modifier = starts_upper(word)
            || COUNT_MODIFIERS.contains(&lower)
            || ["al", "an", "ish", "ese", "ic", "ive", "ern", "ous", "ian"]
                .iter()
                .any(|s| lower.ends_with(s));
        if !is_modifier {
            return None;
        }
        k += 1;
        // Hyphenated modifiers: "state-owned", "Polish-owned".
        if tokens
            .get(k)
            .is_some_and(|t| t.joined && t.text(text) == "-")
        {
            k += 2;
        }
    }
    None
}

fn starts_upper(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

fn is_plural_noun(lower: &str) -> bool {
    IRREGULAR_PLURALS.contains(&lower)
        || (lower.len() > 3
            && lower.ends_with('s')
            && !lower.ends_with("ss")
            && !lower.ends_with("us")
            && !lower.ends_with("is")
            && lower.chars().all(|c| c.is_alphabetic()))
}

/// The bound a qualifier right before `start` gives ("more than", "almost", "about").
fn bound_before(text: &str, start: usize) -> Option<Bound> {
    let mut from = start.saturating_sub(40);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let raw = text[from..start].trim_end();
    let mut buf = [0u8; 48];
    let window: std::borrow::Cow<'_, str> = if raw.is_ascii() && raw.len() <= buf.len() {
        let out = &mut buf[..raw.len()];
        out.copy_from_slice(raw.as_bytes());
        out.make_ascii_lowercase();
        std::borrow::Cow::Borrowed(std::str::from_utf8(out).unwrap_or(""))
    } else {
        std::borrow::Cow::Owned(raw.to_lowercase())
    };
    let last_word = window.rsplit(char::is_whitespace).next().unwrap_or("");
    let bare = last_word.trim_start_matches(|c: char| !c.is_alphanumeric());
    if !BOUND_LAST_WORDS.contains(last_word) && !BOUND_LAST_WORDS.contains(bare) {
        return None;
    }
    BOUNDS_LONGEST_FIRST.iter().find_map(|(phrase, bound)| {
        let rest = window.strip_suffix(phrase)?;
        let at_word_start = rest
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        at_word_start.then_some(*bound)
    })
}

/// Joins "between X and Y", "from X to Y", "X to Y" and "X-Y" into ranges, sharing the
/// unit and scale stated once ("$3-5 billion", "between 3 and 5 percent").
fn link_ranges(found: &mut [Found], text: &str) {
    for k in 1..found.len() {
        let (left, right) = found.split_at_mut(k);
        let a = &mut left[k - 1];
        let b = &mut right[0];
        if a.quantity.range.is_some() {
            continue;
        }
        let between = text[a.quantity.span.end..b.quantity.span.start].trim();
        // Only the last words before the range matter ("ranging from", "between").
        let before = super::tokens::lower_tail(text[..a.quantity.span.start].trim_end(), 16);
        // "from X to Y" after a verb is a change ("rose from 5 to 7"), not a range.
        let change = before.ends_with("from") && !before.ends_with("ranging from");
        let is_range = match between {
            "-" | "–" | "—" => true,
            "to" => !change,
            "and" => before.ends_with("between"),
            _ => false,
        };
        let compatible = a.quantity.unit.is_none()
            || b.quantity.unit.is_none()
            || a.quantity.unit == b.quantity.unit;
        if !is_range || !compatible {
            continue;
        }
        if a.quantity.unit.is_none() {
            a.quantity.unit = b.quantity.unit.clone();
            a.quantity.concept = b.quantity.concept.clone();
        } else if b.quantity.unit.is_none() {
            b.quantity.unit = a.quantity.unit.clone();
        }
        if a.scale == 1.0 && b.scale > 1.0 && a.quantity.amount * b.scale <= b.quantity.amount {
            a.quantity.amount *= b.scale;
            a.scale = b.scale;
        }
        a.quantity.range = Some(RangeEnd::Low);
        b.quantity.range = Some(RangeEnd::High);
        if !a.explicit_bound {
            a.quantity.bound = Bound::Lower;
        }
        if !b.explicit_bound {
            b.quantity.bound = Bound::Upper;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn quantities(s: &str) -> Vec<Quantity> {
        recognize(&tokenize(s), s)
    }

    fn one(s: &str) -> Quantity {
        let q = quantities(s);
        assert_eq!(q.len(), 1, "expected one quantity in {s:?}, got {q:?}");
        q.into_iter().next().unwrap_or_else(|| unreachable!())
    }

    /// (text, amount, unit, bound, span text)
    macro_rules! quantity_cases {
        ($($name:ident: $text:expr => ($amount:expr, $unit:expr, $bound:ident, $span:expr);)*) => {$(
            #[test]
            fn $name() {
                let text = $text;
                let q = one(text);
                assert!((q.amount - $amount).abs() <= 1e-6 * f64::max(1.0, f64::abs($amount)), "amount {} in {text:?}", q.amount);
                assert_eq!(q.unit.as_deref(), $unit, "unit in {text:?}");
                assert_eq!(q.bound, Bound::$bound, "bound in {text:?}");
                assert_eq!(&text[q.span.start..q.span.end], $span);
            }
        )*};
    }

    quantity_cases! {
        euro_symbol_billion: "exports topped €48.6 billion in total" => (4.86e10, Some("EUR"), Lower, "€48.6 billion");
        canadian_dollar_prefix: "a deal worth C$2.7 billion" => (2.7e9, Some("CAD"), Exact, "C$2.7 billion");
        us_dollar_prefix: "worth US$5.3 billion" => (5.3e9, Some("USD"), Exact, "US$5.3 billion");
        dollar_attached_m: "raised $5m from investors" => (5e6, Some("USD"), Exact, "$5m");
        pound_bn: "cost £3bn" => (3e9, Some("GBP"), Exact, "£3bn");
        iso_code_before: "USD 200 million" => (2e8, Some("USD"), Exact, "USD 200 million");
        iso_code_after: "a 5 billion EUR fund" => (5e9, Some("EUR"), Exact, "5 billion EUR");
        euros_word: "traded some 160 billion euros" => (1.6e11, Some("EUR"), Approx, "160 billion euros");
        zloty_word: "invest 40 million zloty" => (4e7, Some("PLN"), Exact, "40 million zloty");
        rupees_word: "nearly 3,000 crore rupees" => (3e10, Some("INR"), Upper, "3,000 crore rupees");
        quoted_qualifier: "he replied: \"Below 15.8 mln bpd\"" => (1.58e7, Some("bbl/d"), Upper, "15.8 mln bpd");
        qualifier_on_previous_line: "said.\nSome 230 mln dlrs" => (2.3e8, Some("USD"), Approx, "230 mln dlrs");
        reuters_dlrs: "profit of 5.3 mln dlrs" => (5.3e6, Some("USD"), Exact, "5.3 mln dlrs");
        irish_punt: "a 31 mln punt trade surplus" => (3.1e7, Some("IEP"), Exact, "31 mln punt");
        reuters_us_dlrs: "maintain the 32 U.S. Dlrs price" => (32.0, Some("USD"), Exact, "32 U.S. Dlrs");
        hyphenated_pct: "through 50-pct owned units" => (50.0, Some("percent"), Exact, "50-pct");
        reuters_stg: "a loss of 12 mln stg" => (1.2e7, Some("GBP"), Exact, "12 mln stg");
        czech_crowns: "worth 2.5 billion Czech crowns" => (2.5e9, Some("CZK"), Exact, "2.5 billion Czech crowns");
        cents: "a dividend of 12 cts" => (0.12, Some("USD"), Exact, "12 cts");
        yuan: "about 80 billion yuan" => (8e10, Some("CNY"), Approx, "80 billion yuan");
        rupee_symbol: "₹500 crore" => (5e9, Some("INR"), Exact, "₹500 crore");
        percent_sign: "grew 40% last year" => (40.0, Some("percent"), Exact, "40%");
        percent_word: "rose 12 percent" => (12.0, Some("percent"), Exact, "12 percent");
        per_cent: "fell 3.5 per cent" => (3.5, Some("percent"), Exact, "3.5 per cent");
        pct: "up 2.1 pct" => (2.1, Some("percent"), Exact, "2.1 pct");
        percentage_points: "by 0.5 percentage points" => (0.5, Some("pp"), Exact, "0.5 percentage points");
        tonnes: "produced 2.3 million tonnes" => (2.3e6, Some("t"), Exact, "2.3 million tonnes");
        kilos: "bags of 60 kilos each" => (60.0, Some("kg"), Exact, "60 kilos");
        barrels_per_day: "pumps 1.2 mln barrels per day" => (1.2e6, Some("bbl/d"), Exact, "1.2 mln barrels per day");
        bcm: "delivers 10 bcm a year" => (1e10, Some("m3"), Exact, "10 bcm");
        megawatt_hours: "sold 300 MWh" => (300.0, Some("MWh"), Exact, "300 MWh");
        kilometres: "a 120 km pipeline" => (120.0, Some("km"), Exact, "120 km");
        count_with_demonym: "1,200 Polish firms operate there" => (1200.0, Some("count"), Exact, "1,200 Polish firms");
        count_students: "more than 40,000 Indian students" => (40000.0, Some("count"), Lower, "40,000 Indian students");
        count_words: "signed twelve agreements" => (12.0, Some("count"), Exact, "twelve agreements");
        count_new: "opened 15 new factories" => (15.0, Some("count"), Exact, "15 new factories");
        almost: "almost 6.2 mln tonnes" => (6.2e6, Some("t"), Upper, "6.2 mln tonnes");
        at_least: "at least 300 companies" => (300.0, Some("count"), Lower, "300 companies");
        up_to: "up to $1 billion" => (1e9, Some("USD"), Upper, "$1 billion");
        less_than: "less than 5 percent" => (5.0, Some("percent"), Upper, "5 percent");
        roughly: "roughly 250 projects" => (250.0, Some("count"), Approx, "250 projects");
        or_more: "5,000 tourists or more" => (5000.0, Some("count"), Lower, "5,000 tourists");
        bare_number: "the index stood at 2,345.6" => (2345.6, None, Exact, "2,345.6");
        wire_mixed_fraction: "debentures at 9-1/8 pct" => (9.125, Some("percent"), Exact, "9-1/8 pct");
        hyphenated_cents: "a 62-1/2 cts dividend" => (0.625, Some("USD"), Exact, "62-1/2 cts");
        pence_spaced: "bid of 470 pence a share" => (4.7, Some("GBP"), Exact, "470 pence");
        symbol_after_number: "tickets cost 10 € each" => (10.0, Some("EUR"), Exact, "10 €");
        million_code: "losses of 30 MUSD were reported" => (3e7, Some("USD"), Exact, "30 MUSD");
        code_then_scale: "they lost 75 USD million" => (7.5e7, Some("USD"), Exact, "75 USD million");
        tokenized_prefix: "a c $ 300 million charge" => (3e8, Some("CAD"), Exact, "c $ 300 million");
        dollars_and_cents: "it only cost 3 dollars 50 cents." => (3.5, Some("USD"), Exact, "3 dollars 50 cents");
        hyphenated_unit: "a 45-acre horse farm" => (45.0, Some("acre"), Exact, "45-acre");
        feet_and_inches: "he is 5 feet 2 inches tall" => (5.0 + 2.0 / 12.0, Some("ft"), Exact, "5 feet 2 inches");
        bracketed_unit: "weight: 20 (kg)" => (20.0, Some("kg"), Exact, "20 (kg)");
        speed_an_hour: "ran at 188 miles an hour" => (188.0, Some("mph"), Exact, "188 miles an hour");
        percent_first: "per cent of 210" => (210.0, Some("percent"), Exact, "per cent of 210");
        word_fraction_scale: "costs a quarter million us dollars" => (2.5e5, Some("USD"), Exact, "a quarter million us dollars");
    }

    #[test]
    fn short_units_need_to_be_glued_or_unambiguous() {
        // "in" is an inch only glued; an upper-case letter is a scale, not a unit.
        assert!(quantities("staff grew to 50,000 in 2020")
            .iter()
            .all(|q| q.unit.is_none()));
        assert_eq!(one("a 12in screen").unit.as_deref(), Some("in"));
        assert_ne!(one("It cost 1.8M dollars.").unit.as_deref(), Some("m"));
    }

    #[test]
    fn numbers_in_names_and_addresses_are_not_quantities() {
        assert!(quantities("the F-16 jets and scp-173m").is_empty());
        assert!(quantities("see https://example.com/q=30%25%2020% now").is_empty());
        assert!(quantities("ALL 5 solutions")
            .iter()
            .all(|q| q.unit.as_deref() != Some("ALL")));
    }

    #[test]
    fn cents_do_not_join_large_amounts_or_cross_lines() {
        let q = quantities("Net 918,000 dlrs 38 cts");
        assert_eq!(q.first().map(|q| q.amount), Some(918_000.0));
        let q = quantities("3 dollars\n50 cents");
        assert_eq!(q.len(), 2);
    }

    #[test]
    fn bare_unit_words_are_found_apart_from_amounts() {
        let text = "the dollar rose, 5 dollars, a small percent";
        let tokens = tokenize(text);
        let q = recognize(&tokens, text);
        let money: Vec<_> = bare_currency_words(&tokens, text, &q)
            .into_iter()
            .map(|(s, c)| (&text[s.start..s.end], c))
            .collect();
        assert_eq!(money, [("dollar", "USD")]);
        let pct: Vec<_> = bare_percent_words(&tokens, text, &q)
            .into_iter()
            .map(|s| &text[s.start..s.end])
            .collect();
        assert_eq!(pct, ["percent"]);
    }

    #[test]
    fn years_are_not_quantities() {
        assert!(quantities("in 2023 and 1987").is_empty());
    }

    #[test]
    fn durations_are_not_counts() {
        assert!(quantities("over the past twelve years").is_empty());
    }

    #[test]
    fn range_between_shares_unit_and_scale() {
        let q = quantities("between €3 and €5 billion");
        assert_eq!(q.len(), 2);
        assert_eq!((q[0].amount, q[1].amount), (3e9, 5e9));
        assert_eq!(q[0].unit.as_deref(), Some("EUR"));
        assert_eq!(
            (q[0].range, q[0].bound),
            (Some(RangeEnd::Low), Bound::Lower)
        );
        assert_eq!(
            (q[1].range, q[1].bound),
            (Some(RangeEnd::High), Bound::Upper)
        );
    }

    #[test]
    fn dash_range_takes_currency_from_first_and_scale_from_second() {
        let q = quantities("$3-5 billion");
        assert_eq!(q.len(), 2);
        assert_eq!((q[0].amount, q[1].amount), (3e9, 5e9));
        assert_eq!(q[1].unit.as_deref(), Some("USD"));
    }

    #[test]
    fn from_to_range_with_currency_word() {
        let q = quantities("rose to 340 to 350 cruzados per arroba");
        assert_eq!(q.len(), 2);
        assert_eq!(q[0].unit.as_deref(), Some("BRC"));
        assert_eq!(q[0].range, Some(RangeEnd::Low));
    }

    #[test]
    fn from_to_after_a_verb_is_a_change_not_a_range() {
        let q = quantities("raised the goal from €150 billion to €180 billion");
        assert_eq!(q.len(), 2);
        assert!(q
            .iter()
            .all(|q| q.range.is_none() && q.bound == Bound::Exact));
    }

    #[test]
    fn the_two_sides_is_not_a_count() {
        assert!(quantities("the two sides agreed").is_empty());
    }

    #[test]
    fn scaled_decimals_are_exact() {
        assert_eq!(one("$4.1 billion").amount, 4.1e9);
    }

    #[test]
    fn pounds_of_is_weight() {
        let q = one("shipped 500 pounds of beef");
        assert_eq!(q.unit.as_deref(), Some("lb"));
    }
}
