//! Numbers: digits with grouping ("1,200", "1.200.000", decimal-comma "2,45"), number words
//! ("twenty-five", "a fifth", "three-quarters", "a dozen"), scale words (thousand, million,
//! mln, bn, …) and ordinals ("second", "3rd").
//!
//! Input is the token stream; output is the value and the tokens it covers. Units and
//! currencies are the business of `quantities`.

use super::tokens::{Kind, Token, WordShapes};

/// A number found in the token stream.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Number {
    /// First token.
    pub first: usize,
    /// One past the last token.
    pub end: usize,
    /// The value with any scale word applied.
    pub value: f64,
    /// The scale word's factor (1 when none).
    pub scale: f64,
    /// Written with digits (not words).
    pub digits: bool,
    /// A plain integer of four digits or fewer without grouping (a year candidate).
    pub plain_integer: bool,
}

/// Parses a digit string with `,`/`.` grouping. `None` for shapes that are not one number
/// ("5.6.2019").
pub fn parse_digits(s: &str) -> Option<f64> {
    let commas = s.matches(',').count();
    let dots = s.matches('.').count();
    let groups_of_three = |sep: char| {
        s.split(sep)
            .skip(1)
            .all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()))
    };
    let normalized: String = match (commas, dots) {
        (0, 0) => s.to_string(),
        (0, 1) => s.to_string(),
        (0, _) if groups_of_three('.') => s.replace('.', ""),
        (0, _) => return None,
        (_, 0) if groups_of_three(',') => s.replace(',', ""),
        (1, 0) => s.replace(',', "."),
        (_, 0) => return None,
        _ => {
            let last_comma = s.rfind(',')?;
            let last_dot = s.rfind('.')?;
            if last_dot > last_comma && dots == 1 {
                s.replace(',', "")
            } else if last_comma > last_dot && commas == 1 {
                s.replace('.', "").replace(',', ".")
            } else {
                return None;
            }
        }
    };
    normalized.parse().ok()
}

/// Scale words and their factors.
const SCALE_WORDS: &[(&str, f64)] = &[
    ("thousand", 1e3),
    ("thousands", 1e3),
    ("million", 1e6),
    ("millions", 1e6),
    ("mln", 1e6),
    ("mn", 1e6),
    ("mio", 1e6),
    ("mil", 1e6),
    ("billion", 1e9),
    ("billions", 1e9),
    ("bln", 1e9),
    ("bn", 1e9),
    ("bil", 1e9),
    ("trillion", 1e12),
    ("trillions", 1e12),
    ("tn", 1e12),
    ("trn", 1e12),
    ("trl", 1e12),
    ("tln", 1e12),
    ("lakh", 1e5),
    ("lakhs", 1e5),
    ("lac", 1e5),
    ("crore", 1e7),
    ("crores", 1e7),
    ("hundred", 1e2),
];

/// The shapes of [`SCALE_WORDS`]: most words are turned away before being looked up.
const SCALE_SHAPES: WordShapes = WordShapes::of(&[]).with_keys(SCALE_WORDS, false);

/// The value for a lower-case `word` in `table`.
fn lookup(table: &[(&str, f64)], word: &str) -> Option<f64> {
    table.iter().find(|(w, _)| *w == word).map(|&(_, v)| v)
}

/// The factor of a scale word, if `word` is one. Single letters ("m", "b", "k") are not
/// included: they are scales only right after money and are handled there.
pub fn scale_word(word: &str) -> Option<f64> {
    if !SCALE_SHAPES.fits(word) {
        return None;
    }
    let mut buf = [0u8; 24];
    SCALES
        .get(super::tokens::ascii_lower(word, &mut buf)?)
        .copied()
}

/// [`SCALE_WORDS`] by word, for `scale_word`, which runs after nearly every number.
static SCALES: std::sync::LazyLock<rustc_hash::FxHashMap<&'static str, f64>> =
    std::sync::LazyLock::new(|| SCALE_WORDS.iter().copied().collect());

/// A scale written as one letter right after a money amount ("$5m", "€3bn", "£40k").
pub fn scale_letter(word: &str) -> Option<f64> {
    match word {
        "k" | "K" => Some(1e3),
        "m" | "M" => Some(1e6),
        "b" | "B" => Some(1e9),
        "t" | "T" | "tr" => Some(1e12),
        _ => None,
    }
}

/// Whether a lower-case word is a number word ("seven", "twenty"), a cheap test for other
/// recognizers before they parse a number.
pub fn is_number_word(w: &str) -> bool {
    unit_word(w).is_some() || tens_word(w).is_some()
}

/// Number words below twenty ("nought" and "naught" are zero).
const UNIT_WORDS: &[(&str, f64)] = &[
    ("zero", 0.0),
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
    ("nought", 0.0),
    ("naught", 0.0),
];

/// The tens.
const TENS_WORDS: &[(&str, f64)] = &[
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
];

fn unit_word(w: &str) -> Option<f64> {
    lookup(UNIT_WORDS, w)
}

fn tens_word(w: &str) -> Option<f64> {
    lookup(TENS_WORDS, w)
}

/// Fraction words (singular) and their denominators, besides the ordinals of three to nine.
const DENOMINATOR_WORDS: &[(&str, f64)] = &[
    ("half", 2.0),
    ("halve", 2.0),
    ("quarter", 4.0),
    ("tenth", 10.0),
    ("eleventh", 11.0),
    ("twelfth", 12.0),
    ("thirteenth", 13.0),
    ("fourteenth", 14.0),
    ("fifteenth", 15.0),
    ("sixteenth", 16.0),
    ("seventeenth", 17.0),
    ("eighteenth", 18.0),
    ("nineteenth", 19.0),
    ("twentieth", 20.0),
    ("thirtieth", 30.0),
    ("fortieth", 40.0),
    ("fiftieth", 50.0),
    ("sixtieth", 60.0),
    ("seventieth", 70.0),
    ("eightieth", 80.0),
    ("ninetieth", 90.0),
    ("hundredth", 1e2),
    ("thousandth", 1e3),
    ("millionth", 1e6),
    ("billionth", 1e9),
    ("trillionth", 1e12),
];

/// The ordinals of one to nine: the last part of a compound denominator ("twenty-first").
const ORDINAL_UNITS: &[(&str, f64)] = &[
    ("first", 1.0),
    ("second", 2.0),
    ("third", 3.0),
    ("fourth", 4.0),
    ("fifth", 5.0),
    ("sixth", 6.0),
    ("seventh", 7.0),
    ("eighth", 8.0),
    ("ninth", 9.0),
];

/// The denominator a fraction word names ("half" → 2, "thirds" → 3, "quarter" → 4,
/// "twentieth" → 20, "trillionths" → 10¹²); "first" and "second" are not fractions.
fn denominator(w: &str) -> Option<f64> {
    let w = w.strip_suffix('s').unwrap_or(w);
    ordinal_unit(w)
        .filter(|&v| v >= 3.0)
        .or_else(|| lookup(DENOMINATOR_WORDS, w))
}

/// The ordinal words of one to nine, singular or plural ("firsts" → 1, "fifth" → 5).
fn ordinal_unit(w: &str) -> Option<f64> {
    lookup(ORDINAL_UNITS, w.strip_suffix('s').unwrap_or(w))
}

/// The value of a lower-case ordinal word from "first" to "twentieth" and "thirtieth" (the
/// one-word ordinals a day of the month is written with), from the ordinal and fraction
/// tables.
pub fn ordinal_word(w: &str) -> Option<u32> {
    let v = lookup(ORDINAL_UNITS, w)
        .or_else(|| lookup(DENOMINATOR_WORDS, w).filter(|v| (10.0..=30.0).contains(v)))?;
    // Whole numbers from 1 to 30: exact in u32.
    Some(v as u32)
}

/// The value of an ordinal ("first", "second", "3rd", "21st"), if `word` is one.
pub fn ordinal(word: &str) -> Option<u32> {
    let w = word.to_ascii_lowercase();
    let named = [
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
        "tenth", "eleventh", "twelfth",
    ];
    if let Some(i) = named.iter().position(|n| *n == w) {
        return u32::try_from(i + 1).ok();
    }
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &w[digits.len()..];
    if matches!(suffix, "st" | "nd" | "rd" | "th") && !digits.is_empty() {
        return digits.parse().ok();
    }
    None
}

/// Parses the number that starts at token `i`, if any.
pub fn number_at(tokens: &[Token], i: usize, text: &str) -> Option<Number> {
    let tok = tokens.get(i)?;
    match tok.kind {
        Kind::Number => digit_number(tokens, i, text),
        Kind::Word => word_number(tokens, i, text),
        _ => vulgar_fraction(tok.text(text)).map(|v| words_result(i, i + 1, v)),
    }
}

/// The value of a vulgar fraction character ("½", "¾", "⅔").
fn vulgar_fraction(s: &str) -> Option<f64> {
    Some(match s {
        "½" => 0.5,
        "⅓" => 1.0 / 3.0,
        "⅔" => 2.0 / 3.0,
        "¼" => 0.25,
        "¾" => 0.75,
        "⅕" => 0.2,
        "⅖" => 0.4,
        "⅗" => 0.6,
        "⅘" => 0.8,
        "⅙" => 1.0 / 6.0,
        "⅚" => 5.0 / 6.0,
        "⅛" => 0.125,
        "⅜" => 0.375,
        "⅝" => 0.625,
        "⅞" => 0.875,
        _ => return None,
    })
}

fn digit_number(tokens: &[Token], i: usize, text: &str) -> Option<Number> {
    let s = tokens[i].text(text);
    let mut value = parse_digits(s)?;
    let plain_integer = s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit());
    let mut first = i;
    let mut end = i + 1;
    let glued = |k: usize, mark: &str| {
        tokens
            .get(k)
            .is_some_and(|t| t.joined && t.text(text) == mark)
    };
    if let Some((v, e)) = space_grouped(tokens, i, text) {
        value = v;
        end = e;
    } else if let Some(v) = leading_point(tokens, i, text) {
        value = v;
        first = i - 1;
    } else if let Some((v, e)) = slash_fraction(tokens, i, text) {
        value = v;
        end = e;
    } else if let Some((v, e)) = exponent(tokens, i + 1, text) {
        value *= v;
        end = e;
    } else if glued(i + 1, "^") {
        if let Some((p, e)) = signed_integer(tokens, i + 2, text) {
            value = value.powf(p);
            end = e;
        }
    }
    // "1.5 million", "2 bn", "3.2bn"; "two hundred thousand" is handled by words.
    let mut scale = 1.0;
    while let Some(f) = tokens
        .get(end)
        .filter(|t| t.kind == Kind::Word)
        .and_then(|t| scale_word(t.text(text)))
    {
        if f == 1e2 && scale > 1.0 {
            break;
        }
        scale *= f;
        end += 1;
    }
    // Only computed values need tidying; a parsed literal is already the closest double.
    let mut value = if end == i + 1 {
        value
    } else {
        tidy(value * scale)
    };
    let plain_integer = plain_integer && end == i + 1;
    // Words may go on: "3 hundred and 21", "4 thousand 3 hundred", "3 million and a half",
    // "1 over 3".
    let words = Words { tokens, text };
    let mut continued = None;
    if scale > 1.0 && value.fract() == 0.0 {
        let (total, current) = if scale >= 1e3 {
            (value, 0.0)
        } else {
            (0.0, value)
        };
        continued = words.accumulate(i, end, total, current, scale, true);
    }
    let (v, e, last_scale, scaled) = continued.unwrap_or((value, end, scale, scale >= 1e3));
    value = v;
    end = e;
    let word_tail = tokens.get(end).is_some_and(|t| {
        let w = t.text(text);
        w.eq_ignore_ascii_case("and") || w.eq_ignore_ascii_case("over")
    });
    if let Some((v, e)) = word_tail
        .then(|| words.fraction_tail(value, end, last_scale, scaled))
        .flatten()
    {
        value = v;
        end = e;
    }
    // Negative numbers: a minus sign glued to the digits, not to a preceding word.
    if first > 0 {
        let prev = tokens[first - 1];
        let minus = matches!(prev.text(text), "-" | "−");
        // Not after a word ("COVID-19") nor between numbers ("75 -300mm" is a range).
        let before = first.checked_sub(2).map(|k| tokens[k]);
        let before_free = match before {
            None => true,
            Some(b) if prev.joined => b.kind == Kind::Punct,
            Some(b) => b.kind != Kind::Number,
        };
        if minus && tokens[first].joined && before_free {
            value = -value;
            first -= 1;
        }
    }
    Some(Number {
        first,
        end,
        value,
        scale,
        digits: true,
        plain_integer,
    })
}

/// A number as the specs and TIMEX write it: no trailing ".0" on whole values ("3", "3.5").
pub fn plain(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{v:.0}")
    } else {
        format!("{v}")
    }
}

/// Removes binary floating-point noise (4.1 × 10⁹ is 4100000000, not 4099999999.9999995) by
/// rounding to 15 significant digits, as stated numbers never have more.
pub fn tidy(value: f64) -> f64 {
    if value.fract() == 0.0 || !value.is_finite() {
        return value;
    }
    format!("{value:.14e}").parse().unwrap_or(value)
}

/// "1 234 567": groups of three digits after single spaces (or narrow no-break spaces).
fn space_grouped(tokens: &[Token], i: usize, text: &str) -> Option<(f64, usize)> {
    let head = tokens[i].text(text);
    if head.len() > 3 || !head.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    // Cheap test before building anything: the next token is three digits after one space.
    let next = tokens
        .get(i + 1)
        .filter(|t| t.kind == Kind::Number && !t.joined)?;
    let three = next.text(text).as_bytes();
    if three.len() < 3
        || !three[..3].iter().all(u8::is_ascii_digit)
        || next.start - tokens[i].end > 3
    {
        return None;
    }
    let mut digits = head.to_string();
    let mut end = i + 1;
    while let Some(t) = tokens
        .get(end)
        .filter(|t| t.kind == Kind::Number && !t.joined)
    {
        let gap = &text[tokens[end - 1].end..t.start];
        let g = t.text(text);
        let (int, frac) = g.split_once('.').unwrap_or((g, ""));
        let one_space = matches!(gap, " " | "\u{202f}" | "\u{a0}");
        if !one_space
            || int.len() != 3
            || !int.bytes().all(|b| b.is_ascii_digit())
            || g.contains(',')
        {
            break;
        }
        digits.push_str(int);
        end += 1;
        if !frac.is_empty() {
            digits.push('.');
            digits.push_str(frac);
            break;
        }
    }
    (end > i + 1)
        .then(|| digits.parse().ok().map(|v| (v, end)))
        .flatten()
}

/// ".08": a point glued before digits, with nothing glued before the point.
fn leading_point(tokens: &[Token], i: usize, text: &str) -> Option<f64> {
    let point = tokens.get(i.checked_sub(1)?)?;
    // Not a dot leader ("Loans........14") nor a decimal's second half.
    let free = i < 2 || !point.joined;
    let s = tokens[i].text(text);
    (tokens[i].joined && point.text(text) == "." && free && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| format!("0.{s}").parse().ok())
        .flatten()
}

/// "3/4", "1/3", and mixed "1 4/5" with a usual denominator (not "24/7", "9/11").
fn slash_fraction(tokens: &[Token], i: usize, text: &str) -> Option<(f64, usize)> {
    let int = |k: usize| -> Option<f64> {
        let t = tokens.get(k).filter(|t| t.kind == Kind::Number)?;
        let s = t.text(text);
        s.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| s.parse().ok())
            .flatten()
    };
    let fraction_at = |k: usize| -> Option<f64> {
        // The slash first: most numbers have none, and parsing can wait.
        let slash = tokens
            .get(k + 1)
            .is_some_and(|t| t.joined && t.text(text) == "/");
        let glued = tokens.get(k + 2).is_some_and(|t| t.joined);
        if !(slash && glued) {
            return None;
        }
        let (n, d) = (int(k)?, int(k + 2)?);
        let usual = [2.0, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0, 16.0, 32.0, 100.0].contains(&d);
        (usual && n < d).then_some(n / d)
    };
    if let Some(f) = fraction_at(i) {
        return Some((f, i + 3));
    }
    // A mixed number has a fraction two or three tokens on: "1 4/5", "9-1/8".
    let slash_ahead = |k: usize| tokens.get(k).is_some_and(|t| t.text(text) == "/");
    if !slash_ahead(i + 2) && !slash_ahead(i + 3) {
        return None;
    }
    let whole = int(i)?;
    // "9-1/8 pct", "11-5/8": the market's way to write a mixed number.
    let hyphen = tokens
        .get(i + 1)
        .is_some_and(|t| t.joined && t.text(text) == "-")
        && tokens.get(i + 2).is_some_and(|t| t.joined);
    if hyphen {
        return fraction_at(i + 2).map(|f| (whole + f, i + 5));
    }
    tokens.get(i + 1).filter(|t| !t.joined)?;
    fraction_at(i + 1).map(|f| (whole + f, i + 4))
}

/// A power of ten glued after a number: "e10", "e+14", "e-1", "x10^6".
fn exponent(tokens: &[Token], k: usize, text: &str) -> Option<(f64, usize)> {
    let t = tokens.get(k).filter(|t| t.joined && t.kind == Kind::Word)?;
    let w = t.text(text);
    let (p, end) = match w {
        "e" | "E" => signed_integer(tokens, k + 1, text)?,
        "x10" | "X10"
            if tokens
                .get(k + 1)
                .is_some_and(|t| t.joined && t.text(text) == "^") =>
        {
            signed_integer(tokens, k + 2, text)?
        }
        _ => {
            let digits = w.strip_prefix(['e', 'E'])?;
            (digits.parse::<f64>().ok()?, k + 1)
        }
    };
    Some((10f64.powf(p), end))
}

/// An integer glued to what precedes it, with glued signs ("+23", "-1", "--23" = 23).
fn signed_integer(tokens: &[Token], mut k: usize, text: &str) -> Option<(f64, usize)> {
    let mut sign = 1.0;
    while let Some(t) = tokens
        .get(k)
        .filter(|t| t.joined && matches!(t.text(text), "+" | "-"))
    {
        if t.text(text) == "-" {
            sign = -sign;
        }
        k += 1;
    }
    let t = tokens
        .get(k)
        .filter(|t| t.joined && t.kind == Kind::Number)?;
    let v: f64 = t.text(text).parse().ok()?;
    Some((sign * v, k + 1))
}

/// A short word in lower case: the text itself when it has no capitals (the common case,
/// free to read), else a lower-cased copy on the stack (number words are all short).
enum Lower<'t> {
    Borrowed(&'t str),
    Copied { buf: [u8; 24], len: usize },
}

impl std::ops::Deref for Lower<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        match self {
            Lower::Borrowed(s) => s,
            Lower::Copied { buf, len } => std::str::from_utf8(&buf[..*len]).unwrap_or(""),
        }
    }
}

impl PartialEq<&str> for Lower<'_> {
    fn eq(&self, other: &&str) -> bool {
        &**self == *other
    }
}

/// The word at token `i` in lower case, if it is a short ASCII word.
fn lower_word<'t>(tokens: &[Token], i: usize, text: &'t str) -> Option<Lower<'t>> {
    let word = tokens.get(i).filter(|t| t.kind == Kind::Word)?.text(text);
    if word.len() <= 24
        && word
            .bytes()
            .all(|b| b.is_ascii_lowercase() || !b.is_ascii_alphabetic() && b.is_ascii())
    {
        return Some(Lower::Borrowed(word));
    }
    let mut buf = [0u8; 24];
    let len = super::tokens::copy_ascii_lower(word, &mut buf)?;
    Some(Lower::Copied { buf, len })
}

/// Number words: "twenty-five", "three hundred and twelve", "two million", "a fifth",
/// "three-quarters", "half a dozen", "five and a half million", "two point five",
/// "two thirds", "one over twenty", "minus four"; digits may stand for a group ("3 hundred
/// and 21").
fn word_number(tokens: &[Token], i: usize, text: &str) -> Option<Number> {
    let raw = tokens.get(i)?.text(text);
    if !START_SHAPES.fits(raw) {
        return None;
    }
    let mut buf = [0u8; 24];
    let first_word = super::tokens::ascii_lower(raw, &mut buf)?;
    let could_start = OTHER_STARTS.contains(&first_word) || is_number_word(first_word);
    if !could_start {
        return None;
    }
    let w = Words { tokens, text };
    if first_word == "minus" || first_word == "negative" {
        let n = number_at(tokens, i + 1, text).filter(|n| n.value > 0.0)?;
        return Some(Number {
            first: i,
            value: -n.value,
            ..n
        });
    }
    if first_word == "one" && w.pronoun_one(i) {
        return None;
    }
    let (mut value, mut end, last_scale, scaled) = w.integer(i)?;
    // Tails: a fraction ("two thirds"), "and a half", "point five", "over twenty", dozens.
    if let Some((v, e)) = w.fraction_tail(value, end, last_scale, scaled) {
        value = v;
        end = e;
        // "a quarter million", "three quarters billion"
        if let Some(f) = w
            .lower(end)
            .and_then(|s| scale_word(&s))
            .filter(|&f| f >= 1e3)
        {
            value *= f;
            end += 1;
        }
    }
    Some(words_result(i, end, tidy(value)))
}

/// Words besides number words that can start a word number.
const OTHER_STARTS: &[&str] = &["a", "an", "half", "quarter", "minus", "negative"];

/// The shapes of the words a word number can start with: most words are turned away before
/// being lower-cased.
pub(crate) const START_SHAPES: WordShapes = WordShapes::of(OTHER_STARTS)
    .with_keys(UNIT_WORDS, false)
    .with_keys(TENS_WORDS, false);

/// The shapes of the words that can follow "a"/"an"/"half" in a number: scales, "dozen",
/// fractions (the ordinals too: "a twenty-first") and tens.
const AFTER_A_SHAPES: WordShapes = WordShapes::of(&["dozen", "a", "an"])
    .with_keys(SCALE_WORDS, false)
    .with_keys(DENOMINATOR_WORDS, true)
    .with_keys(ORDINAL_UNITS, true)
    .with_keys(TENS_WORDS, false);

/// Reads number words off the token stream.
struct Words<'a> {
    tokens: &'a [Token],
    text: &'a str,
}

impl Words<'_> {
    fn lower(&self, k: usize) -> Option<Lower<'_>> {
        lower_word(self.tokens, k, self.text)
    }

    /// Whether token `k` goes on the line of token `k - 1`: a number never spans lines
    /// ("131.4 mln" / "Nine mths" in a table).
    fn same_line(&self, k: usize) -> bool {
        super::tokens::same_line(self.tokens, k, self.text)
    }

    fn is(&self, k: usize, word: &str) -> bool {
        self.lower(k).is_some_and(|w| w == word)
    }

    /// A hyphen between two words, glued ("fifty-two") or spaced ("fifty - two").
    fn hyphen(&self, k: usize) -> bool {
        self.tokens
            .get(k)
            .is_some_and(|t| matches!(t.text(self.text), "-" | "‐" | "–"))
    }

    /// "one" as a pronoun: "the one you mentioned", "which one".
    fn pronoun_one(&self, i: usize) -> bool {
        let before = i.checked_sub(1).and_then(|k| self.lower(k));
        let determiner = before.is_some_and(|b| {
            matches!(
                &*b,
                "the" | "this" | "that" | "which" | "each" | "every" | "any" | "no" | "another"
            )
        });
        let next_is_number = self.lower(i + 1).is_some_and(|n| {
            unit_word(&n).is_some() || scale_word(&n).is_some() || denominator(&n).is_some()
        });
        determiner && !next_is_number
    }

    /// A small number written with digits inside words ("3 hundred and 21").
    fn digits(&self, k: usize) -> Option<f64> {
        let t = self.tokens.get(k).filter(|t| t.kind == Kind::Number)?;
        let s = t.text(self.text);
        s.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| s.parse().ok())
            .flatten()
    }

    /// The integer part: (value, end, last scale used, whether a scale ≥ 1000 was used).
    fn integer(&self, i: usize) -> Option<(f64, usize, f64, bool)> {
        let mut j = i;
        let mut total = 0.0;
        let mut current = 0.0;
        let mut last_scale = 1.0;
        let mut any = false;
        let first = self.lower(i)?;
        if first == "a" || first == "an" || first == "half" {
            // "a hundred", "a million", "a dozen", "half a dozen", "half million";
            // "a fifth" is a fraction tail on 1.
            let factor = if first == "half" { 0.5 } else { 1.0 };
            let mut k = i + 1;
            if first == "half" && (self.is(k, "a") || self.is(k, "an")) {
                k += 1;
            }
            // "a" is frequent: turn most followers away by their shape before any lookup.
            let follower = self.tokens.get(k)?.text(self.text);
            if !AFTER_A_SHAPES.fits(follower) {
                return None;
            }
            let next = self.lower(k)?;
            if next == "dozen" {
                return Some((6.0 * 2.0 * factor, k + 1, 1.0, false));
            }
            if let Some(f) = scale_word(&next) {
                if f < 1e3 {
                    current = factor * f;
                } else {
                    total = factor * f;
                    last_scale = f;
                }
                j = k + 1;
                any = true;
            } else if first != "half" && self.denominator_at(k).is_some() {
                return Some((1.0, i + 1, 1.0, false));
            } else {
                return None;
            }
        } else if first == "quarter" {
            // "quarter million"
            let f = self
                .lower(i + 1)
                .and_then(|w| scale_word(&w))
                .filter(|&f| f >= 1e3)?;
            return Some((0.25 * f, i + 2, f, true));
        }
        self.accumulate(i, j, total, current, last_scale, any)
    }

    /// Continues an integer from token `j` with what was read so far; `i` is where it began.
    fn accumulate(
        &self,
        i: usize,
        mut j: usize,
        mut total: f64,
        mut current: f64,
        mut last_scale: f64,
        mut any: bool,
    ) -> Option<(f64, usize, f64, bool)> {
        let mut after_scale = current == 0.0 && total > 0.0;
        let mut group_start = j;
        loop {
            if current == 0.0 {
                group_start = j;
            }
            if j > i && !self.same_line(j) {
                break;
            }
            let word = self.lower(j);
            let small = word.as_ref().and_then(|w| unit_word(w)).or_else(|| {
                if any {
                    self.digits(j)
                } else {
                    None
                }
            });
            if let Some(v) = small.filter(|&v| v < 1000.0) {
                // "twenty one" joins; "one one" and "five three" do not.
                let fits = !any
                    || current == 0.0
                    || current % 100.0 == 0.0
                    || (current % 10.0 == 0.0 && current % 100.0 >= 20.0 && v < 10.0);
                if !fits || (any && self.digits(j).is_some() && current % 100.0 != 0.0) {
                    break;
                }
                current += v;
                j += 1;
            } else if let Some(v) = word.as_ref().and_then(|w| tens_word(w)) {
                if any && current % 100.0 != 0.0 {
                    break;
                }
                current += v;
                j += 1;
                // "twenty-five", "fifty - two"
                if self.hyphen(j) {
                    if let Some(u) = self.lower(j + 1).and_then(|w| unit_word(&w)) {
                        if (1.0..10.0).contains(&u) {
                            current += u;
                            j += 2;
                        }
                    }
                }
            } else if any && current < 100.0 && word.as_ref().is_some_and(|w| *w == "hundred") {
                current = current.max(1.0) * 100.0;
                j += 1;
            } else if let Some(f) = word
                .as_ref()
                .and_then(|w| scale_word(w))
                .filter(|&f| any && f >= 1e3)
            {
                if total > 0.0 && current > 0.0 && f >= last_scale {
                    // "602 mln 504 mln": scales fall within one number, so a second
                    // "mln" starts the next one.
                    j = group_start;
                    current = 0.0;
                    break;
                }
                if after_scale && current == 0.0 && f > last_scale {
                    // "three lakh crore", "a thousand million": scales multiply.
                    total *= f;
                } else {
                    total += current.max(1.0) * f;
                }
                current = 0.0;
                last_scale = f;
                j += 1;
                any = true;
                after_scale = true;
                continue;
            } else if any && word.as_ref().is_some_and(|w| *w == "and") {
                // "one hundred and six", "two thousand and two hundred"; not "five and six".
                let next_small = self
                    .lower(j + 1)
                    .is_some_and(|n| unit_word(&n).is_some() || tens_word(&n).is_some())
                    || self
                        .digits(j + 1)
                        .is_some_and(|d| (1.0..100.0).contains(&d));
                let next_is_fraction = self.fraction_after_and(j + 1).is_some();
                if next_small
                    && !next_is_fraction
                    && (current >= 100.0 || (current == 0.0 && total > 0.0))
                {
                    j += 1;
                    continue;
                }
                break;
            } else {
                break;
            }
            any = true;
            after_scale = false;
        }
        if !any || j == i {
            return None;
        }
        // "three dozens", "three hundred and two dozens"
        if let Some(w) = self.lower(j) {
            if matches!(&*w, "dozen" | "dozens" | "doz" | "dozs" | "dz" | "dzs") {
                let units = current % 100.0;
                current = if units > 0.0 {
                    current - units + units * 12.0
                } else {
                    current.max(1.0) * 12.0
                };
                j += 1;
            }
        }
        Some((total + current, j, last_scale, total > 0.0))
    }

    /// "a half", "one third", "three quarters" after "and": (numerator / denominator, end).
    fn fraction_after_and(&self, k: usize) -> Option<(f64, usize)> {
        let word = self.lower(k)?;
        let (num, at) = match &*word {
            "a" | "an" => (1.0, k + 1),
            w => match (unit_word(w), tens_word(w)) {
                (Some(u), _) if (1.0..20.0).contains(&u) => (u, k + 1),
                // "fifty-four hundredths"
                (_, Some(t)) if self.hyphen(k + 1) => {
                    (t + self.lower(k + 2).and_then(|u| unit_word(&u))?, k + 3)
                }
                (_, Some(t)) => (t, k + 1),
                _ => return None,
            },
        };
        let (den, e) = self.denominator_at(at)?;
        self.divide(num, den, e)
    }

    /// What follows the integer part: returns the new value and end.
    fn fraction_tail(
        &self,
        value: f64,
        end: usize,
        last_scale: f64,
        scaled: bool,
    ) -> Option<(f64, usize)> {
        if !self.same_line(end) {
            return None;
        }
        if self.hyphen(end) {
            // "three-quarters", "one - fourth"
            let (den, e) = self.denominator_at(end + 1)?;
            return self.divide(value, den, e);
        }
        let next = self.lower(end)?;
        // "two point five", "nine point nought four", "two hundred point seventy-one"
        if next == "point" {
            return self.decimal_words(value, end + 1);
        }
        // "one over three", "two out of five hundred", "1 in twenty-one"
        let over = if next == "over" {
            Some(end + 1)
        } else if next == "out" && self.is(end + 1, "of") {
            Some(end + 2)
        } else {
            None
        };
        if let Some(k) = over {
            let d = number_at(self.tokens, k, self.text).filter(|d| d.value != 0.0)?;
            // "over 3 years" is a period, not a fraction.
            if self.tokens.get(d.end).is_some_and(|t| t.kind == Kind::Word) {
                return None;
            }
            // "five out of three" is two numbers.
            if next == "out" && value >= d.value {
                return None;
            }
            return Some((value / d.value, d.end));
        }
        // "five and a half (million)", "one billion and a half million", "3 million and a half"
        if next == "and" {
            let (frac, mut e) = self.fraction_after_and(end + 1)?;
            if let Some(f) = self
                .lower(e)
                .and_then(|w| scale_word(&w))
                .filter(|&f| f >= 1e3)
            {
                e += 1;
                return Some(if scaled {
                    (value + frac * f, e)
                } else {
                    ((value + frac) * f, e)
                });
            }
            let frac = if scaled && value % last_scale == 0.0 {
                frac * last_scale
            } else {
                frac
            };
            return Some((value + frac, e));
        }
        // "two thirds", "twenty fifths", "three twenty-firsts", "a hundred trillionths"
        let (den, e) = self.denominator_at(end)?;
        self.divide(value, den, e)
    }

    /// `value` over a denominator ending at `e`: plural unless the numerator is one.
    fn divide(&self, value: f64, den: f64, e: usize) -> Option<(f64, usize)> {
        let singular = !self.lower(e - 1).is_some_and(|w| w.ends_with('s'));
        if singular && value != 1.0 {
            return None;
        }
        Some((value / den, e))
    }

    /// A denominator word or compound at `k` ("fifths", "twenty-firsts", "twenty fifths").
    fn denominator_at(&self, k: usize) -> Option<(f64, usize)> {
        let w = self.lower(k)?;
        if let Some(tens) = tens_word(&w) {
            let sep = usize::from(self.hyphen(k + 1));
            let unit = self.lower(k + 1 + sep).and_then(|u| ordinal_unit(&u))?;
            return Some((tens + unit, k + 2 + sep));
        }
        if matches!(&*w, "first" | "second" | "firsts" | "seconds") {
            return None;
        }
        Some((denominator(&w)?, k + 1))
    }

    /// Digits after "point": one word per digit ("zero three") or one tens number ("seventy-one").
    fn decimal_words(&self, whole: f64, k: usize) -> Option<(f64, usize)> {
        let mut digits = String::new();
        let mut j = k;
        if let Some(t) = self
            .lower(j)
            .and_then(|w| tens_word(&w).or_else(|| unit_word(&w).filter(|v| *v >= 10.0)))
        {
            digits.push_str(&format!("{t:.0}"));
            j += 1;
            if t % 10.0 == 0.0 && t >= 20.0 && self.hyphen(j) {
                if let Some(u) = self
                    .lower(j + 1)
                    .and_then(|w| unit_word(&w))
                    .filter(|u| *u < 10.0)
                {
                    digits.pop();
                    digits.push_str(&format!("{u:.0}"));
                    j += 2;
                }
            }
        } else {
            while let Some(d) = self
                .lower(j)
                .and_then(|w| unit_word(&w))
                .filter(|d| *d < 10.0)
            {
                digits.push_str(&format!("{d:.0}"));
                j += 1;
            }
        }
        if digits.is_empty() {
            return None;
        }
        let frac: f64 = format!("0.{digits}").parse().ok()?;
        Some((whole + frac, j))
    }
}

fn words_result(first: usize, end: usize, value: f64) -> Number {
    Number {
        first,
        end,
        value,
        scale: 1.0,
        digits: false,
        plain_integer: false,
    }
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn parse(s: &str) -> Option<(f64, usize)> {
        let tokens = tokenize(s);
        number_at(&tokens, 0, s).map(|n| (n.value, n.end))
    }

    macro_rules! number_cases {
        ($($name:ident: $text:expr => $value:expr;)*) => {$(
            #[test]
            fn $name() {
                let (v, _) = parse($text).unwrap_or_else(|| panic!("no number in {:?}", $text));
                assert!((v - $value).abs() < 1e-9 * f64::max(1.0, $value), "{} gave {v}", $text);
            }
        )*};
    }

    number_cases! {
        plain: "42" => 42.0;
        grouped: "1,200" => 1200.0;
        grouped_large: "155,221" => 155221.0;
        decimal: "5.93" => 5.93;
        decimal_comma_with_scale: "2,45 billion" => 2.45e9;
        european_grouping: "1.200.000" => 1.2e6;
        us_grouping_and_decimal: "1,234.5" => 1234.5;
        european_grouping_and_decimal: "1.234,5" => 1234.5;
        million_word: "2.5 million" => 2.5e6;
        mln_abbrev: "6.4 mln" => 6.4e6;
        bn_attached: "3.2bn" => 3.2e9;
        lakh: "5 lakh" => 5e5;
        crore: "3 crore" => 3e7;
        words_twenty: "twenty" => 20.0;
        words_hyphenated: "twenty-five" => 25.0;
        words_compound: "three hundred and twelve" => 312.0;
        words_with_scale: "two million" => 2e6;
        words_thousands: "forty thousand" => 40000.0;
        a_fifth: "a fifth" => 0.2;
        three_quarters: "three-quarters" => 0.75;
        two_thirds: "two thirds" => 2.0 / 3.0;
        a_dozen: "a dozen" => 12.0;
        a_million: "a million" => 1e6;
        a_lac: "a lac" => 1e5;
        a_trn: "a trn" => 1e12;
        and_a_half: "five and a half million" => 5.5e6;
        scale_and_a_half: "3 million and a half" => 3.5e6;
        billion_and_a_half_million: "one billion and a half million" => 1.0005e9;
        half_a_dozen: "half a dozen" => 6.0;
        dozens: "three hundred and two dozens" => 324.0;
        point_words: "two hundred point zero three" => 200.03;
        point_tens: "two hundred point seventy-one" => 200.71;
        plural_denominator: "twenty one fifths" => 4.2;
        compound_denominator: "three twenty-firsts" => 3.0 / 21.0;
        tiny_fraction: "a hundred thousand trillionths" => 1e-7;
        over: "one over twenty" => 0.05;
        and_after_scale: "twenty-one trillion and three hundred" => 21_000_000_000_300.0;
        spaced_hyphen: "fifty - two" => 52.0;
        scales_multiply: "three lakh crore" => 3e12;
        slash_fraction: "3/4" => 0.75;
        mixed_fraction: "2  1/4" => 2.25;
        wire_mixed_fraction: "11-5/8" => 11.625;
        exponent: "1.3e6" => 1.3e6;
        power: "1.1^23" => 8.954302432552388;
        times_ten: "6.23x10^-4" => 0.000623;
        digits_and_words: "4 thousand 3 hundred and 21" => 4321.0;
        space_grouped: "1 234 567" => 1_234_567.0;
        vulgar: "¾" => 0.75;
        minus_word: "minus five point five" => -5.5;
    }

    #[test]
    fn number_words_stop_where_the_number_ends() {
        // A second "mln" starts the next number; a number never crosses a line.
        assert_eq!(parse("602 mln 504 mln"), Some((602e6, 2)));
        assert_eq!(parse("131.4 mln\n12 months"), Some((131.4e6, 2)));
        // "over 3 years" is a period, "five out of three" two numbers, "24/7" not a fraction.
        assert_eq!(parse("2000 over 3 years"), Some((2000.0, 1)));
        assert_eq!(parse("five out of three"), Some((5.0, 1)));
        assert_eq!(parse("24/7"), Some((24.0, 1)));
        // "one" as a pronoun is not a number.
        assert_eq!(parse("which one"), None);
        let s = "Which one do you prefer?";
        assert!(number_at(&tokenize(s), 1, s).is_none());
    }

    #[test]
    fn a_leading_point_makes_a_decimal() {
        let s = "yield .08";
        let t = tokenize(s);
        let n = number_at(&t, 2, s).expect("a number");
        assert_eq!((n.value, n.first), (0.08, 1));
    }

    #[test]
    fn dot_leaders_and_ranges_are_not_signs_or_points() {
        let s = "Loans........14";
        let t = tokenize(s);
        let last = t.len() - 1;
        assert_eq!(number_at(&t, last, s).map(|n| n.value), Some(14.0));
        let s = "ef 75 -300mm";
        let t = tokenize(s);
        assert_eq!(number_at(&t, 3, s).map(|n| n.value), Some(300.0));
    }

    #[test]
    fn minus_glued_to_digits_is_negative() {
        let s = "fell to -5 points";
        let tokens = tokenize(s);
        assert_eq!(number_at(&tokens, 3, s).map(|n| n.value), Some(-5.0));
        let s = "COVID-19";
        let tokens = tokenize(s);
        assert_eq!(number_at(&tokens, 2, s).map(|n| n.value), Some(19.0));
    }

    #[test]
    fn dotted_dates_are_not_numbers() {
        assert_eq!(parse_digits("5.6.2019"), None);
    }

    #[test]
    fn unrelated_words_are_not_numbers() {
        assert_eq!(parse("some firms"), None);
        assert_eq!(parse("a firm"), None);
    }

    #[test]
    fn separate_numbers_are_not_merged() {
        // "two decades": the number is "two" alone.
        assert_eq!(parse("two decades"), Some((2.0, 1)));
    }

    #[test]
    fn ordinals() {
        assert_eq!(ordinal("second"), Some(2));
        assert_eq!(ordinal("21st"), Some(21));
        assert_eq!(ordinal("Third"), Some(3));
        assert_eq!(ordinal("first-class"), None);
    }
}
