//! The SQLite store: one file, no server; WAL journal so readers never block the writer.

use super::{ClaimFilter, PutOutcome, StoreError, StoredClaim, StoredDocument, StoredEvent};
use crate::model::{CharIndex, EntityLink, Extraction, LinkBasis, MentionForm, StoredMention};
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
    span_end INTEGER NOT NULL,
    form TEXT,
    name TEXT,
    role TEXT,
    country TEXT
);
DROP INDEX IF EXISTS entities_by_id;
CREATE INDEX IF NOT EXISTS entities_by_id_country ON entities(entity_id, country);
CREATE TABLE IF NOT EXISTS events (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    type TEXT NOT NULL,
    place TEXT,
    place_name TEXT,
    time_start TEXT,
    time_end TEXT,
    time_text TEXT,
    object TEXT,
    count REAL,
    ordinal INTEGER,
    planned INTEGER NOT NULL DEFAULT 0,
    trigger TEXT NOT NULL,
    quote TEXT NOT NULL,
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS events_by_doc ON events(doc_id);
CREATE TABLE IF NOT EXISTS event_participants (
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    entity_id TEXT NOT NULL,
    name TEXT
);
CREATE INDEX IF NOT EXISTS event_participants_by_event ON event_participants(event_id);
CREATE TABLE IF NOT EXISTS event_countries (
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    country TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS event_countries_by_country ON event_countries(country, event_id);
CREATE INDEX IF NOT EXISTS entities_by_doc ON entities(doc_id);
CREATE TABLE IF NOT EXISTS entity_links (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    alias_id TEXT NOT NULL,
    canonical_id TEXT NOT NULL,
    name TEXT NOT NULL,
    basis TEXT NOT NULL,
    PRIMARY KEY (doc_id, alias_id)
);
CREATE INDEX IF NOT EXISTS entity_links_by_canonical ON entity_links(canonical_id);
CREATE TABLE IF NOT EXISTS claims (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    indicator TEXT NOT NULL,
    product TEXT,
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

/// The layout [`SCHEMA`] creates; databases written by older versions are upgraded on open.
const SCHEMA_VERSION: i64 = 4;

/// Brings a database of an older layout up to [`SCHEMA_VERSION`]: version 1 (no events, no
/// names on entities) gains the columns, version 2 the claims' product, version 3 whether
/// an event was announced; in all, documents lose their content hash so the next ingest of
/// the same input reads them again with what they lacked.
fn upgrade(conn: &Connection) -> rusqlite::Result<()> {
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if version >= SCHEMA_VERSION || !has_table(conn, "documents")? {
        return Ok(());
    }
    if version < 2 {
        conn.execute_batch(
            "ALTER TABLE entities ADD COLUMN form TEXT;
             ALTER TABLE entities ADD COLUMN name TEXT;
             ALTER TABLE entities ADD COLUMN role TEXT;
             ALTER TABLE entities ADD COLUMN country TEXT;",
        )?;
    }
    if version < 3 && has_table(conn, "claims")? {
        conn.execute_batch("ALTER TABLE claims ADD COLUMN product TEXT;")?;
    }
    if has_table(conn, "events")? {
        conn.execute_batch("ALTER TABLE events ADD COLUMN planned INTEGER NOT NULL DEFAULT 0;")?;
    }
    conn.execute_batch("UPDATE documents SET content_hash = '';")
}

/// Whether the database has a table of this name.
fn has_table(conn: &Connection, name: &str) -> rusqlite::Result<bool> {
    conn.query_row(
        "SELECT COUNT(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = ?",
        [name],
        |r| r.get(0),
    )
}

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
            .and_then(|()| upgrade(&store.conn))
            .and_then(|()| store.conn.execute_batch(SCHEMA))
            .and_then(|()| {
                store
                    .conn
                    .pragma_update(None, "user_version", SCHEMA_VERSION)
            })
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
            .query_map([], stored_document)
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
                        (SELECT entity_id FROM claim_subjects s WHERE s.claim_id = c.id ORDER BY entity_id)),
                    c.sentence_start, c.sentence_end, c.product
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
                    product: r.get(21)?,
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
                    span: char_span(r, 16)?,
                    sentence: char_span(r, 19)?,
                    subjects: subjects
                        .map(|s| s.split(',').map(str::to_string).collect())
                        .unwrap_or_default(),
                })
            })
            .and_then(Iterator::collect)
            .map_err(|e| self.err(e));
        rows
    }

    /// Events involving every entity of `filter` (as a participant, the place, a country
    /// involved, or the country of a participant as any document states it: "Chancellor
    /// Merz" is German where another article says "German Chancellor Friedrich Merz"), in
    /// the order they happened.
    pub fn events(&self, filter: &ClaimFilter) -> Result<Vec<StoredEvent>, StoreError> {
        let mut sql = String::from(
            "SELECT e.id, e.doc_id, d.published, e.type, e.place, e.place_name, e.time_start,
                    e.time_end, e.time_text, e.object, e.count, e.ordinal, e.trigger, e.quote,
                    e.span_start, e.span_end, e.planned,
                    (SELECT group_concat(country, ',') FROM
                        (SELECT country FROM event_countries c WHERE c.event_id = e.id ORDER BY country))
             FROM events e JOIN documents d ON d.id = e.doc_id WHERE 1=1",
        );
        // Entity k is parameter ?k, named in each of its conditions.
        for k in 1..=filter.entities.len() {
            sql.push_str(
                " AND (EXISTS (SELECT 1 FROM event_countries c WHERE c.event_id = e.id AND c.country = ?1)
                   OR EXISTS (SELECT 1 FROM event_participants p WHERE p.event_id = e.id AND p.entity_id = ?1)
                   OR EXISTS (SELECT 1 FROM event_participants p JOIN entity_links l
                              ON l.doc_id = e.doc_id AND l.alias_id = p.entity_id
                              WHERE p.event_id = e.id AND l.canonical_id = ?1)
                   OR EXISTS (SELECT 1 FROM event_participants p LEFT JOIN entity_links l
                              ON l.doc_id = e.doc_id AND l.alias_id = p.entity_id
                              JOIN entities x ON x.entity_id = COALESCE(l.canonical_id, p.entity_id)
                              WHERE p.event_id = e.id AND x.country = ?1)
                   OR e.place = ?1)"
                    .replace("?1", &format!("?{k}"))
                    .as_str(),
            );
        }
        sql.push_str(
            " ORDER BY e.time_start IS NULL, e.time_start, d.published, e.doc_id, e.span_start",
        );
        let mut stmt = self.conn.prepare(&sql).map_err(|e| self.err(e))?;
        let mut events: Vec<(i64, StoredEvent)> = stmt
            .query_map(rusqlite::params_from_iter(&filter.entities), |r| {
                let countries: Option<String> = r.get(17)?;
                Ok((
                    r.get(0)?,
                    StoredEvent {
                        doc: r.get(1)?,
                        published: r.get(2)?,
                        kind: r.get(3)?,
                        participants: Vec::new(),
                        place: r.get(4)?,
                        place_name: r.get(5)?,
                        countries: countries
                            .map(|s| s.split(',').map(str::to_string).collect())
                            .unwrap_or_default(),
                        time_start: r.get(6)?,
                        time_end: r.get(7)?,
                        time_text: r.get(8)?,
                        object: r.get(9)?,
                        count: r.get(10)?,
                        ordinal: r.get(11)?,
                        planned: r.get(16)?,
                        trigger: r.get(12)?,
                        quote: r.get(13)?,
                        span: char_span(r, 14)?,
                    },
                ))
            })
            .and_then(Iterator::collect)
            .map_err(|e| self.err(e))?;
        let mut parts = self
            .conn
            .prepare_cached(
                // A participant another document names in full is shown by that name.
                "SELECT COALESCE(l.canonical_id, p.entity_id), COALESCE(l.name, p.name)
                 FROM event_participants p JOIN events e ON e.id = p.event_id
                 LEFT JOIN entity_links l ON l.doc_id = e.doc_id AND l.alias_id = p.entity_id
                 WHERE p.event_id = ? ORDER BY p.position",
            )
            .map_err(|e| self.err(e))?;
        for (id, event) in &mut events {
            event.participants = parts
                .query_map([*id], |r| Ok((r.get(0)?, r.get(1)?)))
                .and_then(Iterator::collect)
                .map_err(|e| self.err(e))?;
        }
        Ok(events.into_iter().map(|(_, e)| e).collect())
    }

    /// Every person mention (named, alias or role) with its document's date, in publication
    /// order: what cross-document linking reads.
    pub fn person_mentions(&self) -> Result<Vec<StoredMention>, StoreError> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT e.doc_id, d.published, e.entity_id, e.form, e.name, e.role, e.country
                 FROM entities e JOIN documents d ON d.id = e.doc_id
                 WHERE e.kind = 'person'
                 ORDER BY d.published, e.doc_id, e.span_start",
            )
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([], |r| {
                let published: Option<String> = r.get(1)?;
                let form: Option<String> = r.get(3)?;
                Ok(StoredMention {
                    doc: r.get(0)?,
                    published: published.and_then(|d| d.parse().ok()),
                    id: r.get(2)?,
                    form: form
                        .as_deref()
                        .and_then(MentionForm::parse)
                        .unwrap_or(MentionForm::Name),
                    name: r.get(4)?,
                    role: r.get(5)?,
                    country: r.get(6)?,
                })
            })
            .and_then(Iterator::collect)
            .map_err(|e| self.err(e));
        rows
    }

    /// Replaces every cross-document link with `links` (they are recomputed as a whole).
    pub fn replace_links(&mut self, links: &[EntityLink]) -> Result<(), StoreError> {
        let path = self.path.clone();
        let wrap = |source| StoreError::Sqlite {
            path: path.clone(),
            source,
        };
        let tx = self.conn.transaction().map_err(wrap)?;
        tx.execute("DELETE FROM entity_links", []).map_err(wrap)?;
        {
            let mut stmt = tx
                .prepare(
                    "INSERT OR IGNORE INTO entity_links (doc_id, alias_id, canonical_id, name, basis)
                     VALUES (?, ?, ?, ?, ?)",
                )
                .map_err(wrap)?;
            for l in links {
                stmt.execute(params![
                    l.doc,
                    l.alias,
                    l.canonical,
                    l.name,
                    l.basis.as_str()
                ])
                .map_err(wrap)?;
            }
        }
        tx.commit().map_err(wrap)
    }

    /// The cross-document links of document `doc`.
    pub fn links(&self, doc: &str) -> Result<Vec<EntityLink>, StoreError> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT alias_id, canonical_id, name, basis FROM entity_links
                 WHERE doc_id = ? ORDER BY alias_id",
            )
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([doc], |r| {
                let basis: String = r.get(3)?;
                Ok(EntityLink {
                    doc: doc.to_string(),
                    alias: r.get(0)?,
                    canonical: r.get(1)?,
                    name: r.get(2)?,
                    // Only this store writes the column; an unknown name reads as the
                    // commoner basis, as it always has.
                    basis: LinkBasis::parse(&basis).unwrap_or(LinkBasis::Surname),
                })
            })
            .and_then(Iterator::collect)
            .map_err(|e| self.err(e));
        rows
    }

    /// A stored document and its cleaned text, for `show`.
    pub fn document(&self, id: &str) -> Result<Option<(StoredDocument, String)>, StoreError> {
        self.conn
            .query_row(
                "SELECT d.id, d.title, d.published, d.published_source, d.origin,
                        (SELECT COUNT(*) FROM claims c WHERE c.doc_id = d.id), d.text
                 FROM documents d WHERE d.id = ?",
                [id],
                |r| Ok((stored_document(r)?, r.get(6)?)),
            )
            .optional()
            .map_err(|e| self.err(e))
    }

    /// Number of documents stored.
    pub fn document_count(&self) -> Result<usize, StoreError> {
        self.conn
            .query_row("SELECT COUNT(*) FROM documents", [], |r| r.get::<_, i64>(0))
            .map(|n| usize::try_from(n).unwrap_or(0))
            .map_err(|e| self.err(e))
    }
}

/// A document row: id, title, published, published_source, origin and claim count, in
/// that order from column 0 (what `documents` and `document` select).
fn stored_document(r: &rusqlite::Row<'_>) -> rusqlite::Result<StoredDocument> {
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
}

/// A character span stored as two integer columns from `first` on.
fn char_span(r: &rusqlite::Row<'_>, first: usize) -> rusqlite::Result<[usize; 2]> {
    Ok([
        usize::try_from(r.get::<_, i64>(first)?).unwrap_or(0),
        usize::try_from(r.get::<_, i64>(first + 1)?).unwrap_or(0),
    ])
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
        "INSERT INTO entities (doc_id, entity_id, kind, span_start, span_end, form, name, role, country)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )?;
    for e in &ex.analysis.entities {
        ent.execute(params![
            id,
            e.id,
            e.kind.as_str(),
            sql_int(chars.char_at(e.span.start)),
            sql_int(chars.char_at(e.span.end)),
            e.form.as_str(),
            e.name,
            e.role,
            e.country,
        ])?;
    }
    put_events(tx, ex, &chars)?;
    let mut claim_stmt = tx.prepare_cached(
        "INSERT INTO claims (doc_id, indicator, product, from_id, to_id, amount, unit, bound,
             concept, value_text, time_start, time_end, time_text, modality, quote, span_start,
             span_end, sentence_start, sentence_end)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )?;
    let mut subj_stmt =
        tx.prepare_cached("INSERT INTO claim_subjects (claim_id, entity_id) VALUES (?, ?)")?;
    for c in &ex.claims {
        let v = &c.value;
        let time = c.time.as_ref();
        claim_stmt.execute(params![
            id,
            c.indicator,
            c.product,
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

/// Stores a document's events with their participants (named as the article names them)
/// and the countries they involve.
fn put_events(
    tx: &rusqlite::Transaction<'_>,
    ex: &Extraction,
    chars: &CharIndex,
) -> rusqlite::Result<()> {
    let text = &ex.doc.text;
    let id = &ex.doc.raw.id;
    let mut event_stmt = tx.prepare_cached(
        "INSERT INTO events (doc_id, type, place, place_name, time_start, time_end, time_text,
             object, count, ordinal, planned, trigger, quote, span_start, span_end)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )?;
    let mut part_stmt = tx.prepare_cached(
        "INSERT INTO event_participants (event_id, position, entity_id, name) VALUES (?, ?, ?, ?)",
    )?;
    let mut country_stmt =
        tx.prepare_cached("INSERT INTO event_countries (event_id, country) VALUES (?, ?)")?;
    for e in &ex.events {
        let time = e.time.as_ref();
        event_stmt.execute(params![
            id,
            e.kind.as_str(),
            e.place,
            e.place_span.map(|s| &text[s.start..s.end]),
            time.map(|t| t.start.to_string()),
            time.map(|t| t.end.to_string()),
            time.and_then(|t| t.span).map(|s| &text[s.start..s.end]),
            e.object.map(|s| &text[s.start..s.end]),
            e.count,
            e.ordinal,
            e.planned,
            &text[e.trigger.start..e.trigger.end],
            &text[e.sentence.start..e.sentence.end],
            sql_int(chars.char_at(e.sentence.start)),
            sql_int(chars.char_at(e.sentence.end)),
        ])?;
        let event_id = tx.last_insert_rowid();
        for (position, p) in e.participants.iter().enumerate() {
            part_stmt.execute(params![event_id, sql_int(position), p, display_name(ex, p)])?;
        }
        for c in &e.countries {
            country_stmt.execute(params![event_id, c])?;
        }
    }
    Ok(())
}

/// How the article names an entity in full: "Prime Minister Petr Fiala", "Czech National
/// Bank", "Gdańsk"; `None` for countries, which are named from the gazetteer.
fn display_name(ex: &Extraction, id: &str) -> Option<String> {
    let mentions = ex.analysis.entities.iter().filter(|e| e.id == id);
    let best = mentions
        .filter(|e| e.name.is_some() || e.role.is_some())
        .max_by_key(|e| (e.form == MentionForm::Name, e.role.is_some()))?;
    Some(match (&best.role, &best.name) {
        (Some(role), Some(name)) => format!("{role} {name}"),
        (None, Some(name)) => name.clone(),
        (Some(role), None) => role.clone(),
        (None, None) => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The layout of version 1, as databases written before events were stored have it.
    const VERSION_1: &str = "
        CREATE TABLE documents (id TEXT PRIMARY KEY, content_hash TEXT NOT NULL, title TEXT,
            published TEXT, published_source TEXT, published_confidence REAL,
            published_evidence TEXT, origin TEXT NOT NULL, url TEXT, text TEXT NOT NULL,
            ingested_at TEXT NOT NULL);
        CREATE TABLE entities (doc_id TEXT NOT NULL, entity_id TEXT NOT NULL, kind TEXT NOT NULL,
            span_start INTEGER NOT NULL, span_end INTEGER NOT NULL);
        INSERT INTO documents VALUES ('a', 'hash', NULL, NULL, NULL, NULL, NULL, 'a.txt', NULL,
            'text', '2026-01-01');";

    /// Writes a database of an older layout with `sql`, then opens it as the store does.
    fn open_old(path: &Path, sql: &str) -> SqliteStore {
        let old = Connection::open(path).unwrap_or_else(|e| panic!("{e}"));
        old.execute_batch(sql).unwrap_or_else(|e| panic!("{e}"));
        drop(old);
        SqliteStore::open(path).unwrap_or_else(|e| panic!("{e}"))
    }

    /// The content hash of document 'a'.
    fn hash_of_a(store: &SqliteStore) -> String {
        store
            .conn
            .query_row(
                "SELECT content_hash FROM documents WHERE id = 'a'",
                [],
                |r| r.get(0),
            )
            .unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn versions_2_and_3_gain_their_columns_and_are_read_again() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        // Version 2 had neither the claims' product nor the events' planned flag; 3 had
        // the product.
        let planned = "    planned INTEGER NOT NULL DEFAULT 0,\n";
        let v3 = SCHEMA.replace(planned, "");
        let v2 = v3.replace("    product TEXT,\n", "");
        assert!(v3 != SCHEMA && v2 != v3);
        for (version, layout) in [(2, v2), (3, v3)] {
            let store = open_old(
                &dir.path().join(format!("v{version}.db")),
                &format!(
                    "{layout}
                     INSERT INTO documents VALUES ('a', 'hash', NULL, NULL, NULL, NULL, NULL,
                        'a.txt', NULL, 'text', '2026-01-01');
                     PRAGMA user_version = {version};"
                ),
            );
            assert_eq!(hash_of_a(&store), "", "the next ingest must replace it");
            let read = store
                .claims(&ClaimFilter::default())
                .and_then(|c| Ok((c, store.events(&ClaimFilter::default())?)))
                .unwrap_or_else(|e| panic!("version {version}: {e}"));
            assert_eq!(read, (Vec::new(), Vec::new()), "the new columns are read");
        }
    }

    #[test]
    fn a_version_1_database_is_upgraded_and_its_documents_are_read_again() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("old.db");
        let store = open_old(&path, VERSION_1);
        assert_eq!(hash_of_a(&store), "", "the next ingest must replace it");
        let events = store
            .events(&ClaimFilter::default())
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(events.is_empty());
        let version: i64 = store
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(version, SCHEMA_VERSION);
        // Opening again leaves it alone.
        drop(store);
        assert!(SqliteStore::open(&path).is_ok());
    }
}
