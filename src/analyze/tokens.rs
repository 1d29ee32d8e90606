//! Tokens: the words, numbers, currency symbols and punctuation every recognizer walks.
//!
//! One pass over the text, no allocation per token: a token is a kind and a byte range.
//! Numbers keep their internal grouping marks ("1,200.5", "2,45", "1.200.000"); a number
//! directly followed by letters ("5bn") gives two tokens with `joined` set on the second.

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Letters (and digits after a letter, "Q1"); internal apostrophes and dotted
    /// abbreviations ("U.S.") included.
    Word,
    /// Digits with internal `,` or `.` between digits.
    Number,
    /// A currency symbol ($, €, £, ¥, ₹, …).
    Currency,
    /// Any other single character.
    Punct,
}

/// A token: its kind and byte range in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// What it is.
    pub kind: Kind,
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// True when no whitespace separates it from the previous token.
    pub joined: bool,
}

impl Token {
    /// The token's text.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }
}

/// True for the currency symbols factline knows.
pub fn is_currency_symbol(c: char) -> bool {
    matches!(
        c,
        '$' | '€'
            | '£'
            | '¥'
            | '₹'
            | '₩'
            | '₽'
            | '₺'
            | '₪'
            | '₫'
            | '₱'
            | '₴'
            | '₦'
            | '฿'
            | '₡'
            | '₲'
            | '₵'
            | '₸'
            | '₼'
            | '₾'
            | '₭'
            | '₿'
            | '元'
            | '¢'
    )
}

/// Splits text into tokens.
pub fn tokenize(text: &str) -> Vec<Token> {
    let bytes = text.as_bytes();
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let mut i = 0;
    let mut joined = false;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_whitespace() {
            joined = false;
            i += 1;
            continue;
        }
        let (kind, end) = if b.is_ascii_digit() {
            (Kind::Number, scan_number(bytes, i))
        } else if b.is_ascii_alphabetic() {
            (Kind::Word, scan_word(text, i))
        } else if b < 0x80 {
            let kind = if b == b'$' {
                Kind::Currency
            } else {
                Kind::Punct
            };
            (kind, i + 1)
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            let len = c.len_utf8();
            if c.is_whitespace() {
                joined = false;
                i += len;
                continue;
            } else if is_currency_symbol(c) {
                (Kind::Currency, i + len)
            } else if c.is_alphabetic() {
                (Kind::Word, scan_word(text, i))
            } else {
                (Kind::Punct, i + len)
            }
        };
        tokens.push(Token {
            kind,
            start: i,
            end,
            joined,
        });
        joined = true;
        i = end;
    }
    tokens
}

/// Per word length, a bit per initial and a bit per final letter that some word of a list
/// has: a test that turns most words away before they are lower-cased or hashed.
#[derive(Debug, Clone, Copy)]
pub struct WordShapes {
    first: [u32; 16],
    last: [u32; 16],
}

impl WordShapes {
    /// The shapes of `words` (lower case ASCII).
    pub const fn of(words: &[&str]) -> WordShapes {
        WordShapes {
            first: [0; 16],
            last: [0; 16],
        }
        .with_all(words)
    }

    /// These shapes and those of `words`.
    pub const fn with_all(mut self, words: &[&str]) -> WordShapes {
        let mut k = 0;
        while k < words.len() {
            self = self.with(words[k]);
            k += 1;
        }
        self
    }

    /// These shapes and the shape of `word`.
    pub const fn with(self, word: &str) -> WordShapes {
        let w = word.as_bytes();
        match w.last() {
            Some(&last) => self.with_shape(w, w.len(), last),
            None => self,
        }
    }

    /// These shapes and those of `table`'s keys — and of the keys with a plural "s", when
    /// `plural` — so a prefilter is derived from the table it guards.
    pub const fn with_keys<V: Copy>(mut self, table: &[(&str, V)], plural: bool) -> WordShapes {
        let mut k = 0;
        while k < table.len() {
            self = self.with(table[k].0);
            if plural {
                let w = table[k].0.as_bytes();
                self = self.with_shape(w, w.len() + 1, b's');
            }
            k += 1;
        }
        self
    }

    /// These shapes and a word of `len` bytes starting like `w` and ending with `last`.
    const fn with_shape(mut self, w: &[u8], len: usize, last: u8) -> WordShapes {
        if !w.is_empty() && len < self.first.len() && w[0].is_ascii_lowercase() {
            self.first[len] |= 1 << (w[0] - b'a');
            self.last[len] |= 1 << final_class(last);
        }
        self
    }

    /// Whether `word` (any case) has the length, initial and final letter of some word of the
    /// list.
    #[inline]
    pub fn fits(&self, word: &str) -> bool {
        let bytes = word.as_bytes();
        let (Some(&b), Some(&z)) = (bytes.first(), bytes.last()) else {
            return false;
        };
        let b = b.to_ascii_lowercase();
        let len = bytes.len();
        b.is_ascii_lowercase()
            && len < self.first.len()
            && self.first[len] & (1 << (b - b'a')) != 0
            && self.last[len] & (1 << final_class(z)) != 0
    }
}

/// The bit a word's final byte sets: its letter (any case), else one bit for anything else.
const fn final_class(b: u8) -> u32 {
    let b = b.to_ascii_lowercase();
    if b.is_ascii_lowercase() {
        (b - b'a') as u32
    } else {
        26
    }
}

/// Where a web address starting at token `i` ends (a byte offset), if one does: a word glued
/// to "://" ("https://…") or "www." — up to the next whitespace.
#[inline]
pub fn url_end(tokens: &[Token], i: usize, text: &str) -> Option<usize> {
    let tok = tokens.get(i).filter(|t| t.kind == Kind::Word)?;
    // Cheap test first: a scheme is followed by ':', "www" by '.'.
    if !matches!(text.as_bytes().get(tok.end), Some(b':' | b'.')) {
        return None;
    }
    let glued = |k: usize, s: &str| tokens.get(k).is_some_and(|t| t.joined && t.text(text) == s);
    let scheme = glued(i + 1, ":") && glued(i + 2, "/") && glued(i + 3, "/");
    let www = tok.text(text).eq_ignore_ascii_case("www") && glued(i + 1, ".");
    if !(scheme || www) {
        return None;
    }
    let rest = &text[tok.start..];
    Some(tok.start + rest.find(char::is_whitespace).unwrap_or(rest.len()))
}

/// Whether token `k` stands on the line of token `k - 1` (no line break between them); false
/// for the first token and past the end.
pub fn same_line(tokens: &[Token], k: usize, text: &str) -> bool {
    match (k.checked_sub(1).and_then(|p| tokens.get(p)), tokens.get(k)) {
        (Some(p), Some(t)) => !text[p.end..t.start].contains('\n'),
        _ => false,
    }
}

fn scan_number(bytes: &[u8], start: usize) -> usize {
    let mut i = start;
    while i < bytes.len() {
        let b = bytes[i];
        let inner_mark =
            (b == b',' || b == b'.') && bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
        if !(b.is_ascii_digit() || inner_mark) {
            break;
        }
        i += 1;
    }
    i
}

fn scan_word(text: &str, start: usize) -> usize {
    // The ASCII letters and digits of a word are taken at once; the rules below judge the rest.
    let ascii_run = text.as_bytes()[start..]
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    let mut end = start + ascii_run;
    let resume = end;
    let mut chars = text[resume..].char_indices().peekable();
    while let Some((off, c)) = chars.next() {
        let at = resume + off;
        if c.is_alphanumeric() {
            end = at + c.len_utf8();
        } else if c == '\'' || c == '’' {
            // An apostrophe inside a word ("Poland's", "don't").
            match chars.peek() {
                Some(&(_, n)) if n.is_alphabetic() => end = at + c.len_utf8(),
                _ => break,
            }
        } else if c == '.' {
            // Dotted abbreviations: "U.S.", "U.K.", "e.g." — a single letter then a dot.
            let word = &text[start..at];
            let last_is_single = word
                .rsplit('.')
                .next()
                .is_some_and(|seg| seg.chars().count() == 1);
            let next_is_letter_dot = {
                let rest = &text[at + 1..];
                let mut it = rest.chars();
                matches!((it.next(), it.next()), (Some(l), Some('.')) if l.is_alphabetic())
            };
            let closes_abbrev = word.contains('.') && last_is_single;
            if last_is_single && (next_is_letter_dot || closes_abbrev) {
                end = at + 1;
            } else {
                break;
            }
        } else {
            break;
        }
    }
    end.max(start + text[start..].chars().next().map_or(1, char::len_utf8))
}

/// The last `max` bytes of `s` (cut at a character boundary), lower-cased: what a test for
/// the words just before a position needs, at a cost independent of the position.
pub fn lower_tail(s: &str, max: usize) -> String {
    let mut from = s.len().saturating_sub(max);
    while !s.is_char_boundary(from) {
        from += 1;
    }
    s[from..].to_lowercase()
}

/// Lower-cases a short ASCII word without allocating: the word itself when it has no
/// capitals, else its copy in `buf`; `None` for words longer than the buffer or not ASCII (no
/// keyword factline looks up is either).
pub fn ascii_lower<'a>(word: &'a str, buf: &'a mut [u8; 24]) -> Option<&'a str> {
    if !word.bytes().any(|b| b.is_ascii_uppercase()) {
        return (word.len() <= buf.len() && word.is_ascii()).then_some(word);
    }
    let len = copy_ascii_lower(word, buf)?;
    std::str::from_utf8(&buf[..len]).ok()
}

/// Copies a short ASCII word into `buf`, lower-cased, and returns its length; `None` as for
/// [`ascii_lower`].
pub fn copy_ascii_lower(word: &str, buf: &mut [u8; 24]) -> Option<usize> {
    let bytes = word.as_bytes();
    if bytes.len() > buf.len() || !word.is_ascii() {
        return None;
    }
    let out = &mut buf[..bytes.len()];
    out.copy_from_slice(bytes);
    out.make_ascii_lowercase();
    Some(bytes.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        tokenize(s).iter().map(|t| t.text(s)).collect()
    }

    #[test]
    fn word_shapes_turn_away_other_lengths_initials_and_finals() {
        let shapes = WordShapes::of(&["year", "day", "p.m."]);
        assert!(shapes.fits("YEAR") && shapes.fits("dry") && shapes.fits("P.M."));
        assert!(!shapes.fits("years") && !shapes.fits("bay") && !shapes.fits("dab"));
        assert!(!shapes.fits("p.ms") && !shapes.fits(""));
        let plurals = WordShapes::of(&[]).with_keys(&[("day", ())], true);
        assert!(plurals.fits("Days") && plurals.fits("day") && !plurals.fits("dayz"));
    }

    #[test]
    fn keeps_grouped_numbers_and_splits_attached_scales() {
        assert_eq!(
            texts("C$2.7bn, 1,200 firms"),
            ["C", "$", "2.7", "bn", ",", "1,200", "firms"]
        );
        let t = tokenize("5bn");
        assert!(t[1].joined);
    }

    #[test]
    fn dotted_abbreviations_are_one_word() {
        assert_eq!(
            texts("the U.S. and U.K. said"),
            ["the", "U.S.", "and", "U.K.", "said"]
        );
        assert_eq!(texts("Mr. Smith"), ["Mr", ".", "Smith"]);
    }

    #[test]
    fn possessives_stay_with_their_word() {
        assert_eq!(
            texts("Poland's exports’ value"),
            ["Poland's", "exports", "’", "value"]
        );
    }

    #[test]
    fn ascii_lower_works_without_allocating() {
        let mut buf = [0u8; 24];
        assert_eq!(ascii_lower("Billion", &mut buf), Some("billion"));
        assert_eq!(ascii_lower("bilLION", &mut buf), Some("billion"));
        assert_eq!(ascii_lower("billion", &mut buf), Some("billion"));
        assert_eq!(ascii_lower("Česko", &mut buf), None);
        assert_eq!(ascii_lower("česko", &mut buf), None);
        assert_eq!(ascii_lower("internationalisationsword", &mut buf), None);
        assert_eq!(copy_ascii_lower("TeN", &mut buf), Some(3));
        assert_eq!(&buf[..3], b"ten");
    }

    #[test]
    fn lower_tail_reads_only_the_end() {
        assert_eq!(lower_tail("Trade ranged BETWEEN", 7), "between");
        assert_eq!(
            lower_tail("ÉTÉ", 4),
            "té",
            "cut moves to the next character boundary"
        );
    }

    #[test]
    fn non_ascii_symbols_and_words() {
        assert_eq!(texts("€48.6 Česko ₹5"), ["€", "48.6", "Česko", "₹", "5"]);
    }
}
