//! Sentences: splits cleaned text at `.`, `!`, `?` (with closing quotes) followed by a
//! capitalised word, and always at a line break (a block boundary from `clean`).
//!
//! Does not split after titles and abbreviations ("Mr.", "No. 5", "Jan. 5", "Inc."),
//! initials ("J. Smith"), dotted acronyms inside a sentence ("U.S. exports"), or decimals.

use crate::model::{Sentence, Span};

/// Abbreviations after which a period does not end a sentence (lower case, no dot).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "gen", "col", "lt", "sgt", "capt", "cmdr", "adm", "rep",
    "sen", "gov", "pres", "jr", "sr", "inc", "ltd", "co", "corp", "bros", "no", "nos", "vs", "etc",
    "approx", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "ave", "blvd", "mt",
    "ft", "fig", "cf", "al", "est", "dept", "univ", "assn", "min", "max", "rev", "hon", "messrs",
    "vol", "pp", "ca", "plc", "cie", "gmbh", "rs", "op", "ed", "eds",
];

/// Words that begin a sentence after a dotted acronym ("... in the U.S. The ..."). Not
/// nouns that wire copy capitalises after "U.S." inside a sentence ("U.S. Trade
/// Representative", "U.S. Officials said").
const SENTENCE_STARTERS: &[&str] = &[
    "The",
    "It",
    "He",
    "She",
    "They",
    "We",
    "In",
    "But",
    "A",
    "An",
    "This",
    "That",
    "These",
    "Those",
    "Its",
    "Their",
    "His",
    "Her",
    "On",
    "At",
    "For",
    "And",
    "As",
    "After",
    "Last",
    "However",
    "Meanwhile",
    "There",
];

/// Splits `text` into sentences (trimmed, never empty).
pub fn split(text: &str) -> Vec<Sentence> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'\n' {
            push(text, start, i, &mut out);
            start = i + 1;
        } else if matches!(b, b'.' | b'!' | b'?') {
            let mut end = i + 1;
            end = skip_closers(text, end);
            if ends_sentence(text, i, end) {
                push(text, start, end, &mut out);
                start = end;
                i = end;
                continue;
            }
        }
        i += 1;
    }
    push(text, start, text.len(), &mut out);
    out
}

fn skip_closers(text: &str, mut end: usize) -> usize {
    while let Some(c) = text[end..].chars().next() {
        if matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»') {
            end += c.len_utf8();
        } else {
            break;
        }
    }
    end
}

fn push(text: &str, start: usize, end: usize, out: &mut Vec<Sentence>) {
    let piece = &text[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if start + lead < end - trail {
        out.push(Sentence {
            span: Span::new(start + lead, end - trail),
        });
    }
}

/// Whether the mark at `mark` (closers through `end`) ends a sentence.
fn ends_sentence(text: &str, mark: usize, end: usize) -> bool {
    let rest = &text[end..];
    let after_space = rest.trim_start_matches([' ', '\t']);
    if after_space.len() == rest.len() && !rest.is_empty() {
        return false; // no space after: "3.5", "U.S.-led", "e.g.,"
    }
    let Some(next) = after_space.chars().next() else {
        return true;
    };
    if next == '\n' {
        return true;
    }
    let next_starts = next.is_uppercase()
        || next.is_ascii_digit()
        || matches!(next, '"' | '“' | '‘' | '\'' | '(' | '[' | '€' | '$' | '£');
    if !next_starts {
        return false;
    }
    if text.as_bytes()[mark] != b'.' {
        return true;
    }
    let word = last_word(&text[..mark]);
    let lower = word.to_ascii_lowercase();
    let next_word: String = after_space
        .chars()
        .take_while(|c| c.is_alphanumeric())
        .collect();
    if lower == "no" && next.is_ascii_digit() {
        return false;
    }
    if ABBREVIATIONS.contains(&lower.as_str()) && lower != "no" {
        return false;
    }
    let is_initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    if is_initial {
        return false;
    }
    let dotted_acronym = word.contains('.');
    if dotted_acronym {
        return SENTENCE_STARTERS.contains(&next_word.as_str());
    }
    true
}

/// The word right before a position (letters, digits and inner dots).
fn last_word(before: &str) -> &str {
    let start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '.'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    &before[start..]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        split(text)
            .iter()
            .map(|s| &text[s.span.start..s.span.end])
            .collect()
    }

    macro_rules! unsplit_cases {
        ($($name:ident: $text:expr;)*) => {$(
            #[test]
            fn $name() {
                assert_eq!(sentences($text), vec![$text]);
            }
        )*};
    }

    unsplit_cases! {
        canadian_dollars: "The deal was worth C$2.7 billion to the firm.";
        us_dotted: "U.S. exports rose to $5 billion.";
        mister: "Mr. Smith met Mrs. Jones in Warsaw.";
        number_abbrev: "The plant is No. 5 in the ranking.";
        month_abbrev: "The talks ended on Jan. 5 in Prague.";
        decimals: "Growth was 3.5 percent in 2023.";
        initials: "The report by J. R. Smith was published.";
        company: "Orlen Inc. said it would invest more.";
        quoted_question: "\"Will trade grow?\" he asked.";
        us_trade_title: "Tamura told the visiting U.S. Trade Representative about the plan.";
        us_officials: "Talks ended, U.S. Officials said on Friday.";
    }

    #[test]
    fn splits_plain_sentences_and_keeps_quotes() {
        let text = "Trade rose. \"It is a record,\" she said. Exports fell!";
        assert_eq!(
            sentences(text),
            vec![
                "Trade rose.",
                "\"It is a record,\" she said.",
                "Exports fell!"
            ]
        );
    }

    #[test]
    fn splits_after_acronym_before_sentence_starter() {
        let text = "Trade grew with the U.S. The deficit fell.";
        assert_eq!(
            sentences(text),
            vec!["Trade grew with the U.S.", "The deficit fell."]
        );
    }

    #[test]
    fn line_breaks_end_sentences() {
        assert_eq!(
            sentences("Headline without stop\nBody text."),
            vec!["Headline without stop", "Body text."]
        );
    }
}
