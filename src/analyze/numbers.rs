//! Numbers: digits with grouping ("1,200", "1.200.000", decimal-comma "2,45"), number words
//! ("twenty-five", "a fifth", "three-quarters", "a dozen"), scale words (thousand, million,
//! mln, bn, …) and ordinals ("second", "3rd").
//!
//! Input is the token stream; output is the value and the tokens it covers. Units and
//! currencies are the business of `quantities`.

use super::tokens::{Kind, Token};

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

/// The factor of a scale word, if `word` is one. Single letters ("m", "b", "k") are not
/// included: they are scales only right after money and are handled there.
pub fn scale_word(word: &str) -> Option<f64> {
    let mut buf = [0u8; 24];
    let w = super::tokens::ascii_lower(word, &mut buf)?;
    Some(match w {
        "thousand" | "thousands" => 1e3,
        "million" | "millions" | "mln" | "mn" | "mio" | "mil" => 1e6,
        "billion" | "billions" | "bln" | "bn" | "bil" => 1e9,
        "trillion" | "trillions" | "tn" | "trn" | "trl" => 1e12,
        "lakh" | "lakhs" | "lac" => 1e5,
        "crore" | "crores" => 1e7,
        "hundred" => 1e2,
        _ => return None,
    })
}

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

fn unit_word(w: &str) -> Option<f64> {
    Some(match w {
        "zero" => 0.0,
        "one" => 1.0,
        "two" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        "ten" => 10.0,
        "eleven" => 11.0,
        "twelve" => 12.0,
        "thirteen" => 13.0,
        "fourteen" => 14.0,
        "fifteen" => 15.0,
        "sixteen" => 16.0,
        "seventeen" => 17.0,
        "eighteen" => 18.0,
        "nineteen" => 19.0,
        "dozen" => 12.0,
        _ => return None,
    })
}

fn tens_word(w: &str) -> Option<f64> {
    Some(match w {
        "twenty" => 20.0,
        "thirty" => 30.0,
        "forty" => 40.0,
        "fifty" => 50.0,
        "sixty" => 60.0,
        "seventy" => 70.0,
        "eighty" => 80.0,
        "ninety" => 90.0,
        _ => return None,
    })
}

/// The denominator a fraction word names ("half" → 2, "thirds" → 3, "quarter" → 4).
fn fraction_word(w: &str) -> Option<f64> {
    Some(match w.trim_end_matches('s') {
        "half" | "halve" => 2.0,
        "third" => 3.0,
        "quarter" => 4.0,
        "fifth" => 5.0,
        "sixth" => 6.0,
        "seventh" => 7.0,
        "eighth" => 8.0,
        "ninth" => 9.0,
        "tenth" => 10.0,
        _ => return None,
    })
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
        _ => None,
    }
}

fn digit_number(tokens: &[Token], i: usize, text: &str) -> Option<Number> {
    let s = tokens[i].text(text);
    let mut value = parse_digits(s)?;
    let plain_integer = s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit());
    let mut end = i + 1;
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
    // Negative numbers: a minus sign glued to the digits, not to a preceding word.
    if i > 0 {
        let prev = tokens[i - 1];
        let minus = matches!(prev.text(text), "-" | "−");
        let before_free = i < 2 || !tokens[i - 1].joined || tokens[i - 2].kind == Kind::Punct;
        if minus && tokens[i].joined && before_free && (i < 2 || !prev.joined) {
            value = -value;
        }
    }
    Some(Number {
        first: i,
        end,
        value: value * scale,
        scale,
        digits: true,
        plain_integer: plain_integer && scale == 1.0,
    })
}

/// A short word in lower case, held on the stack (number words are all short).
struct Lower {
    buf: [u8; 24],
    len: usize,
}

impl std::ops::Deref for Lower {
    type Target = str;
    fn deref(&self) -> &str {
        std::str::from_utf8(&self.buf[..self.len]).unwrap_or("")
    }
}

impl PartialEq<&str> for Lower {
    fn eq(&self, other: &&str) -> bool {
        &**self == *other
    }
}

/// The word at token `i` in lower case, if it is a short ASCII word.
fn lower_word(tokens: &[Token], i: usize, text: &str) -> Option<Lower> {
    let word = tokens.get(i).filter(|t| t.kind == Kind::Word)?.text(text);
    let mut buf = [0u8; 24];
    let len = super::tokens::copy_ascii_lower(word, &mut buf)?;
    Some(Lower { buf, len })
}

fn is_hyphen(tokens: &[Token], i: usize, text: &str) -> bool {
    tokens
        .get(i)
        .is_some_and(|t| t.joined && matches!(t.text(text), "-" | "‐" | "–"))
}

/// Number words: "twenty-five", "three hundred thousand", "a fifth", "three-quarters",
/// "a dozen", "two million".
fn word_number(tokens: &[Token], i: usize, text: &str) -> Option<Number> {
    let raw = tokens.get(i)?.text(text);
    // Every number word starts with one of these letters and is at most 9 letters long.
    let first = raw.as_bytes()[0].to_ascii_lowercase();
    let starts_like_number = matches!(
        first,
        b'a' | b'd' | b'e' | b'f' | b'n' | b'o' | b's' | b't' | b'z'
    );
    if raw.len() > 9 || !starts_like_number {
        return None;
    }
    let mut buf = [0u8; 24];
    let lower = super::tokens::ascii_lower(raw, &mut buf)?;
    let could_start =
        matches!(lower, "a" | "an") || unit_word(lower).is_some() || tens_word(lower).is_some();
    if !could_start {
        return None;
    }
    let first_word = lower_word(tokens, i, text)?;
    let mut j = i;
    let mut total = 0.0;
    let mut current;
    let mut consumed_any = false;
    // "a"/"an"/"one" + fraction or scale ("a fifth", "a million", "a dozen").
    if first_word == "a" || first_word == "an" {
        let next = lower_word(tokens, i + 1, text)?;
        if let Some(d) = fraction_word(&next).filter(|_| !next.ends_with('s')) {
            return Some(words_result(i, i + 2, 1.0 / d));
        }
        if next == "dozen" {
            current = 12.0;
        } else {
            let f = scale_word(&next)?;
            current = f;
        }
        j = i + 2;
        consumed_any = true;
    } else {
        current = 0.0;
    }
    loop {
        if consumed_any && is_hyphen(tokens, j, text) {
            // "three-quarters", "one-fifth"
            let frac = lower_word(tokens, j + 1, text).and_then(|w| fraction_word(&w));
            match frac {
                Some(d) if total == 0.0 && current < 20.0 => {
                    return Some(words_result(i, j + 2, current / d))
                }
                _ => break,
            }
        }
        let Some(w) = lower_word(tokens, j, text) else {
            break;
        };
        if let Some(v) = unit_word(&w) {
            if consumed_any
                && current % 100.0 != 0.0
                && current >= 1.0
                && !(current >= 20.0 && v < 10.0)
            {
                break;
            }
            current += v;
        } else if let Some(v) = tens_word(&w) {
            if consumed_any && current % 100.0 != 0.0 {
                break;
            }
            current += v;
            // "twenty-five"
            if is_hyphen(tokens, j + 1, text) {
                if let Some(u) = lower_word(tokens, j + 2, text).and_then(|w| unit_word(&w)) {
                    current += u;
                    j += 2;
                }
            }
        } else if consumed_any && w == "and" {
            let next_is_number = lower_word(tokens, j + 1, text)
                .is_some_and(|n| unit_word(&n).is_some() || tens_word(&n).is_some());
            if !next_is_number || current < 100.0 {
                break;
            }
        } else if consumed_any && w == "hundred" {
            current = current.max(1.0) * 100.0;
        } else if consumed_any && scale_word(&w).is_some_and(|f| f >= 1e3) {
            let f = scale_word(&w).unwrap_or(1.0);
            total += current.max(1.0) * f;
            current = 0.0;
        } else if consumed_any && fraction_word(&w).is_some() && total == 0.0 && current < 20.0 {
            // "three quarters", "two thirds"
            let d = fraction_word(&w).unwrap_or(1.0);
            return Some(words_result(i, j + 1, current / d));
        } else {
            break;
        }
        consumed_any = true;
        j += 1;
    }
    if !consumed_any || j == i {
        return None;
    }
    Some(words_result(i, j, total + current))
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
