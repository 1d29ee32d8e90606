//! The SQLite store: one file, no server; WAL journal so readers never block the writer.

use super::{ClaimFilter, PutOutcome, StoreError, StoredClaim, StoredDocument};
use crate::model::{CharIndex, Extraction};
use rusqlite::{params, Connection, OptionalExtension};
use sha2::{Digest, Sha256};
use std::path::Path;

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS documents (
    id TEXT PRIMARY KEY,
    content_hash TEXT NOT NULL,
    title TEXT,
    published TEXT,
    published_source TEXT,
    published_confidence REAL,
    published_evidence TEXT,
    origin TEXT NOT NULL,
    url TEXT,
    text TEXT NOT NULL,
    ingested_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS entities (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    entity_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS entities_by_doc ON entities(doc_id);
CREATE TABLE IF NOT EXISTS claims (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    indicator TEXT NOT NULL,
    from_id TEXT,
    to_id TEXT,
    amount REAL NOT NULL,
    unit TEXT,
    bound TEXT NOT NULL,
    concept TEXT,
    value_text TEXT NOT NULL,
    time_start TEXT,
    time_end TEXT,
    time_text TEXT,
    modality TEXT NOT NULL,
    quote TEXT NOT NULL,
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL,
    sentence_start INTEGER NOT NULL,
    sentence_end INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS claims_by_doc ON claims(doc_id);
CREATE INDEX IF NOT EXISTS claims_by_indicator ON claims(indicator, time_start);
CREATE TABLE IF NOT EXISTS claim_subjects (
    claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    entity_id TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS claim_subjects_by_entity ON claim_subjects(entity_id, claim_id);
CREATE INDEX IF NOT EXISTS claim_subjects_by_claim ON claim_subjects(claim_id);
";

/// A factline database in one SQLite file.
pub struct SqliteStore {
    conn: Connection,
    path: String,
}

/// The content hash that decides whether a document changed: its input, and the date the
/// user gave.
pub fn content_hash(ex: &Extraction, given: Option<&str>) -> String {
    let raw = &ex.doc.raw;
    let mut h = Sha256::new();
    for part in [
        raw.id.as_str(),
        raw.title.as_deref().unwrap_or(""),
        raw.published.as_deref().unwrap_or(""),
        raw.url.as_deref().unwrap_or(""),
        given.unwrap_or(""),
        raw.text.as_str(),
    ] {
        h.update((part.len() as u64).to_le_bytes());
        h.update(part.as_bytes());
    }
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

impl SqliteStore {
    /// Opens (creating if needed) the database at `path`.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        let name = path.display().to_string();
        let conn = Connection::open(path).map_err(|source| StoreError::Sqlite {
            path: name.clone(),
            source,
        })?;
        Self::init(conn, name)
    }

    /// An in-memory database, for tests and benchmarks.
    pub fn in_memory() -> Result<Self, StoreError> {
        let conn = Connection::open_in_memory().map_err(|source| StoreError::Sqlite {
            path: ":memory:".into(),
            source,
        })?;
        Self::init(conn, ":memory:".into())
    }

    fn init(conn: Connection, path: String) -> Result<Self, StoreError> {
        let store = SqliteStore { conn, path };
        store
            .conn
            .execute_batch(
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
            )
            .and_then(|()| store.conn.execute_batch(SCHEMA))
            .map_err(|e| store.err(e))?;
        Ok(store)
    }

    fn err(&self, source: rusqlite::Error) -> StoreError {
        StoreError::Sqlite {
            path: self.path.clone(),
            source,
        }
    }

    /// Stores a batch of extractions in one transaction; each with its content hash.
    pub fn put(&mut self, batch: &[(Extraction, String)]) -> Result<Vec<PutOutcome>, StoreError> {
        let path = self.path.clone();
        let wrap = |source| StoreError::Sqlite {
            path: path.clone(),
            source,
        };
        let tx = self.conn.transaction().map_err(wrap)?;
        let mut outcomes = Vec::with_capacity(batch.len());
        for (ex, hash) in batch {
            outcomes.push(put_one(&tx, ex, hash).map_err(wrap)?);
        }
        tx.commit().map_err(wrap)?;
        Ok(outcomes)
    }

    /// All documents, in id order.
    pub fn documents(&self) -> Result<Vec<StoredDocument>, StoreError> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT d.id, d.title, d.published, d.published_source, d.origin,
                        (SELECT COUNT(*) FROM claims c WHERE c.doc_id = d.id)
                 FROM documents d ORDER BY d.published, d.id",
            )
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([], |r| {
                Ok(StoredDocument {
                    id: r.get(0)?,
                    title: r.get(1)?,
                    published: r.get(2)?,
                    published_source: r.get(3)?,
                    origin: r.get(4)?,
                    claims: r
                        .get::<_, i64>(5)
                        .map(|n| usize::try_from(n).unwrap_or(0))?,
                })
            })
            .and_then(Iterator::collect)
            .map_err(|e| self.err(e));
        rows
    }

    /// Claims matching `filter`, ordered by the period they refer to, then publication date.
    pub fn claims(&self, filter: &ClaimFilter) -> Result<Vec<StoredClaim>, StoreError> {
        let mut sql = String::from(
            "SELECT c.id, c.doc_id, d.published, c.indicator, c.from_id, c.to_id, c.amount, c.unit,
                    c.bound, c.concept, c.value_text, c.time_start, c.time_end, c.time_text,
                    c.modality, c.quote, c.span_start, c.span_end,
                    (SELECT group_concat(entity_id, ',') FROM
                        (SELECT entity_id FROM claim_subjects s WHERE s.claim_id = c.id ORDER BY entity_id))
             FROM claims c JOIN documents d ON d.id = c.doc_id WHERE 1=1",
        );
        let mut args: Vec<String> = Vec::new();
        if let Some(ind) = &filter.indicator {
            sql.push_str(" AND c.indicator = ?");
            args.push(ind.clone());
        }
        for e in &filter.entities {
            sql.push_str(" AND EXISTS (SELECT 1 FROM claim_subjects s WHERE s.claim_id = c.id AND s.entity_id = ?)");
            args.push(e.clone());
        }
        sql.push_str(
            " ORDER BY c.indicator, c.time_start IS NULL, c.time_start, c.time_end, d.published, c.doc_id, c.span_start",
        );
        let mut stmt = self.conn.prepare(&sql).map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map(rusqlite::params_from_iter(args.iter()), |r| {
                let subjects: Option<String> = r.get(18)?;
                Ok(StoredClaim {
                    doc: r.get(1)?,
                    published: r.get(2)?,
                    indicator: r.get(3)?,
                    from: r.get(4)?,
                    to: r.get(5)?,
                    amount: r.get(6)?,
                    unit: r.get(7)?,
                    bound: r.get(8)?,
                    concept: r.get(9)?,
                    value_text: r.get(10)?,
                    time_start: r.get(11)?,
                    time_end: r.get(12)?,
                    time_text: r.get(13)?,
                    modality: r.get(14)?,
                    quote: r.get(15)?,
                    span: [
                        usize::try_from(r.get::<_, i64>(16)?).unwrap_or(0),
                        usize::try_from(r.get::<_, i64>(17)?).unwrap_or(0),
                    ],
                    subjects: subjects
                        .map(|s| s.split(',').map(str::to_string).collect())
                        .unwrap_or_default(),
                })
            })
            .and_then(Iterator::collect)
            .map_err(|e| self.err(e));
        rows
    }

    /// Number of documents stored.
    pub fn document_count(&self) -> Result<usize, StoreError> {
        self.conn
            .query_row("SELECT COUNT(*) FROM documents", [], |r| r.get::<_, i64>(0))
            .map(|n| usize::try_from(n).unwrap_or(0))
            .map_err(|e| self.err(e))
    }
}

/// SQLite stores integers as i64; offsets never come near the limit.
fn sql_int(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

fn put_one(
    tx: &rusqlite::Transaction<'_>,
    ex: &Extraction,
    hash: &str,
) -> rusqlite::Result<PutOutcome> {
    let id = &ex.doc.raw.id;
    // Statements are prepared once per connection and reused: parsing SQL per document
    // cost as much as writing it.
    let existing: Option<String> = tx
        .prepare_cached("SELECT content_hash FROM documents WHERE id = ?")?
        .query_row([id], |r| r.get(0))
        .optional()?;
    let outcome = match existing {
        Some(h) if h == hash => return Ok(PutOutcome::Unchanged),
        Some(_) => {
            tx.prepare_cached("DELETE FROM documents WHERE id = ?")?
                .execute([id])?;
            PutOutcome::Replaced
        }
        None => PutOutcome::Added,
    };
    let text = &ex.doc.text;
    let chars = CharIndex::new(text);
    let published = ex.published.as_ref();
    tx.prepare_cached(
        "INSERT INTO documents (id, content_hash, title, published, published_source,
             published_confidence, published_evidence, origin, url, text, ingested_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, datetime('now'))",
    )?
    .execute(params![
        id,
        hash,
        ex.doc.title,
        published.map(|p| p.date.to_string()),
        published.map(|p| p.source.as_str()),
        published.map(|p| p.confidence),
        published.map(|p| p.evidence.as_str()),
        ex.doc.raw.origin,
        ex.doc.raw.url,
        text,
    ])?;
    let mut ent = tx.prepare_cached(
        "INSERT INTO entities (doc_id, entity_id, kind, span_start, span_end) VALUES (?, ?, ?, ?, ?)",
    )?;
    for e in &ex.analysis.entities {
        let kind = e.kind.as_str();
        ent.execute(params![
            id,
            e.id,
            kind,
            sql_int(chars.char_at(e.span.start)),
            sql_int(chars.char_at(e.span.end))
        ])?;
    }
    let mut claim_stmt = tx.prepare_cached(
        "INSERT INTO claims (doc_id, indicator, from_id, to_id, amount, unit, bound, concept,
             value_text, time_start, time_end, time_text, modality, quote, span_start, span_end,
             sentence_start, sentence_end)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )?;
    let mut subj_stmt =
        tx.prepare_cached("INSERT INTO claim_subjects (claim_id, entity_id) VALUES (?, ?)")?;
    for c in &ex.claims {
        let v = &c.value;
        let time = c.time.as_ref();
        claim_stmt.execute(params![
            id,
            c.indicator,
            c.from,
            c.to,
            v.amount,
            v.unit,
            v.bound.as_str(),
            v.concept,
            &text[v.span.start..v.span.end],
            time.map(|t| t.start.to_string()),
            time.map(|t| t.end.to_string()),
            time.and_then(|t| t.span).map(|s| &text[s.start..s.end]),
            c.modality.as_str(),
            &text[c.sentence.start..c.sentence.end],
            sql_int(chars.char_at(v.span.start)),
            sql_int(chars.char_at(v.span.end)),
            sql_int(chars.char_at(c.sentence.start)),
            sql_int(chars.char_at(c.sentence.end)),
        ])?;
        let claim_id = tx.last_insert_rowid();
        for s in &c.subjects {
            subj_stmt.execute(params![claim_id, s])?;
        }
    }
    Ok(outcome)
}
