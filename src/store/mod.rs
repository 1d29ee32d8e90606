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

pub use crate::model::{StoredClaim, StoredDocument, StoredEvent};

/// Which claims to return.
#[derive(Debug, Clone, Default)]
pub struct ClaimFilter {
    /// Only this indicator.
    pub indicator: Option<String>,
    /// Only claims whose subjects include all of these.
    pub entities: Vec<String>,
}
