//! Store: keeps documents and their claims with provenance, so the ledger can be queried
//! without re-reading the articles. SQLite (bundled, no server) is the default backend.
//!
//! Invariants: a document is stored with all its claims or not at all (one transaction per
//! batch); a document whose content hash is already stored is left untouched, so
//! re-ingesting the same input changes nothing.

pub mod sqlite;

use serde::Serialize;

/// Why the store failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// SQLite reported an error.
    #[error("database {path}: {source}")]
    Sqlite {
        /// The database file.
        path: String,
        /// The cause.
        source: rusqlite::Error,
    },
    /// A stored value could not be decoded.
    #[error("database {path}: corrupt value: {message}")]
    Corrupt {
        /// The database file.
        path: String,
        /// What was wrong.
        message: String,
    },
}

/// What happened to a document handed to the store.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PutOutcome {
    /// New document.
    Added,
    /// Same id, same content: nothing changed.
    Unchanged,
    /// Same id, new content: the old version and its claims were replaced.
    Replaced,
}

/// A document as stored.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoredDocument {
    /// Document id.
    pub id: String,
    /// Title, if any.
    pub title: Option<String>,
    /// Publication date (`YYYY-MM-DD`), if any.
    pub published: Option<String>,
    /// `stated`, `inferred` or `given`.
    pub published_source: Option<String>,
    /// Where it was read from.
    pub origin: String,
    /// Number of claims.
    pub claims: usize,
}

/// A claim as stored, with its source document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoredClaim {
    /// Source document id.
    pub doc: String,
    /// Source document's publication date.
    pub published: Option<String>,
    /// Indicator key.
    pub indicator: String,
    /// Entity ids.
    pub subjects: Vec<String>,
    /// Flow origin.
    pub from: Option<String>,
    /// Flow destination.
    pub to: Option<String>,
    /// Value.
    pub amount: f64,
    /// Unit.
    pub unit: Option<String>,
    /// Bound.
    pub bound: String,
    /// Counted noun.
    pub concept: Option<String>,
    /// The value as written.
    pub value_text: String,
    /// Period start.
    pub time_start: Option<String>,
    /// Period end.
    pub time_end: Option<String>,
    /// The time expression as written.
    pub time_text: Option<String>,
    /// Modality.
    pub modality: String,
    /// The sentence quoted.
    pub quote: String,
    /// Character span of the value in the document's cleaned text.
    pub span: [usize; 2],
}

/// Which claims to return.
#[derive(Debug, Clone, Default)]
pub struct ClaimFilter {
    /// Only this indicator.
    pub indicator: Option<String>,
    /// Only claims whose subjects include all of these.
    pub entities: Vec<String>,
}
