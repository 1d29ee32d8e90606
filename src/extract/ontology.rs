//! The indicator ontology: which indicators exist, the words that announce each, the unit
//! kinds its values may have, and which way its flows go. Loaded from TOML (the default is
//! embedded from `data/ontology.toml`), compiled into one case-insensitive automaton.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use serde::Deserialize;
use std::path::Path;

/// The ontology shipped in the binary.
pub const DEFAULT_ONTOLOGY: &str = include_str!("../../data/ontology.toml");

/// Which side of a flow the sentence's subject is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Flow {
    /// No direction (trade volume between two parties).
    None,
    /// The subject sends: exporter, investor, donor, students' home country.
    Origin,
    /// The subject receives: importer.
    Destination,
}

/// One indicator.
#[derive(Debug, Clone, Deserialize)]
pub struct Indicator {
    /// Stable key ("trade_volume").
    pub key: String,
    /// Human name.
    pub label: String,
    /// Unit kinds a value may have.
    pub units: Vec<String>,
    /// Direction semantics.
    pub flow: Flow,
    /// Words announcing it.
    pub triggers: Vec<String>,
    /// Nouns counted, for count indicators.
    #[serde(default)]
    pub concepts: Vec<String>,
    /// Whether it measures companies (profit, revenue) rather than countries' dealings: a
    /// brief about countries leaves it out.
    #[serde(default)]
    pub firm_level: bool,
}

#[derive(Debug, Deserialize)]
struct File {
    #[serde(default)]
    ignore: Ignore,
    indicator: Vec<Indicator>,
}

#[derive(Debug, Default, Deserialize)]
struct Ignore {
    #[serde(default)]
    phrases: Vec<String>,
}

/// Why an ontology could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum OntologyError {
    /// The file could not be read.
    #[error("cannot read ontology {path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
    /// The TOML is malformed or misses fields.
    #[error("invalid ontology {path}: {message}")]
    Invalid {
        /// The file.
        path: String,
        /// What is wrong (with line and column from the TOML parser).
        message: String,
    },
}

/// A compiled ontology.
#[derive(Debug, Clone)]
pub struct Ontology {
    /// Indicators in file order.
    pub indicators: Vec<Indicator>,
    automaton: AhoCorasick,
    /// Per pattern: the indicator index, or `None` for ignored phrases.
    targets: Vec<Option<usize>>,
}

/// A trigger found in text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Trigger {
    /// Index into [`Ontology::indicators`].
    pub indicator: usize,
    /// Byte range.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Ontology {
    /// The embedded default ontology.
    pub fn default_ontology() -> Result<Self, OntologyError> {
        Self::parse(DEFAULT_ONTOLOGY, "<built-in ontology>")
    }

    /// Loads an ontology file.
    pub fn load(path: &Path) -> Result<Self, OntologyError> {
        let text = std::fs::read_to_string(path).map_err(|source| OntologyError::Io {
            path: path.display().to_string(),
            source,
        })?;
        Self::parse(&text, &path.display().to_string())
    }

    /// Parses ontology TOML; `name` is used in error messages.
    pub fn parse(text: &str, name: &str) -> Result<Self, OntologyError> {
        let invalid = |message: String| OntologyError::Invalid {
            path: name.to_string(),
            message,
        };
        let file: File = toml::from_str(text).map_err(|e| invalid(e.to_string()))?;
        if file.indicator.is_empty() {
            return Err(invalid("no [[indicator]] entries".into()));
        }
        let mut patterns = Vec::new();
        let mut targets = Vec::new();
        for (i, ind) in file.indicator.iter().enumerate() {
            for t in ind.triggers.iter().chain(&ind.concepts) {
                patterns.push(t.to_lowercase());
                targets.push(Some(i));
            }
        }
        for p in &file.ignore.phrases {
            patterns.push(p.to_lowercase());
            targets.push(None);
        }
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(&patterns)
            .map_err(|e| invalid(e.to_string()))?;
        Ok(Ontology {
            indicators: file.indicator,
            automaton,
            targets,
        })
    }

    /// The indicator with this key.
    pub fn get(&self, key: &str) -> Option<&Indicator> {
        self.indicators.iter().find(|i| i.key == key)
    }

    /// Triggers in `text[start..end]`, whole words only, ignored phrases removed.
    pub fn triggers(&self, text: &str, start: usize, end: usize) -> Vec<Trigger> {
        let slice = &text[start..end];
        self.automaton
            .find_iter(slice)
            .filter(|m| {
                let before = slice[..m.start()].chars().next_back();
                let after = slice[m.end()..].chars().next();
                !before.is_some_and(char::is_alphanumeric)
                    && !after.is_some_and(char::is_alphanumeric)
            })
            .filter_map(|m| {
                self.targets[m.pattern().as_usize()].map(|indicator| Trigger {
                    indicator,
                    start: start + m.start(),
                    end: start + m.end(),
                })
            })
            .collect()
    }

    /// The count indicator whose concepts include `noun`, if any.
    pub fn indicator_for_concept(&self, noun: &str) -> Option<usize> {
        self.indicators
            .iter()
            .position(|i| i.concepts.iter().any(|c| c.eq_ignore_ascii_case(noun)))
    }
}

/// The unit kind of a quantity's unit: money, count, percent, or a physical dimension.
pub fn unit_kind(unit: Option<&str>) -> Option<&'static str> {
    Some(match unit? {
        "count" => "count",
        "percent" | "pp" => "percent",
        u if crate::analyze::quantities::currency_name(u).is_some() => "money",
        u => crate::analyze::quantities::unit_info(u)?.dimension,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ontology() -> Ontology {
        Ontology::default_ontology().unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn default_has_the_required_keys() {
        let o = ontology();
        for key in [
            "trade_volume",
            "exports",
            "imports",
            "investment",
            "project_value",
            "project_count",
            "company_count",
            "student_count",
            "agreement_count",
            "meeting_count",
            "tourist_count",
            "aid",
            "loan",
            "production",
        ] {
            assert!(o.get(key).is_some(), "missing {key}");
        }
    }

    #[test]
    fn longest_trigger_wins_and_ignored_phrases_are_dropped() {
        let o = ontology();
        let text = "The trade deficit widened while the trade union protested.";
        let keys: Vec<&str> = o
            .triggers(text, 0, text.len())
            .iter()
            .map(|t| o.indicators[t.indicator].key.as_str())
            .collect();
        assert_eq!(keys, ["trade_balance"]);
    }

    #[test]
    fn triggers_match_whole_words_only() {
        let o = ontology();
        let text = "Tradesmen and exportation";
        let keys: Vec<&str> = o
            .triggers(text, 0, text.len())
            .iter()
            .map(|t| o.indicators[t.indicator].key.as_str())
            .collect();
        assert!(keys.is_empty(), "{keys:?}");
    }

    #[test]
    fn bad_toml_names_the_file() {
        let err = Ontology::parse("[[indicator]]\nkey = 3", "my.toml").expect_err("invalid");
        assert!(err.to_string().contains("my.toml"));
    }
}
