//! Pipeline: the one place that runs several stages in order —
//! ingest → clean → (scan times) → publication date → analyze → extract — and hands the
//! results on in batches, extracting each batch in parallel while memory stays bounded by
//! the batch size, not the corpus size.

use crate::analyze;
use crate::clean::clean;
use crate::extract::{self, ontology::Ontology};
use crate::ingest::{self, IngestError, IngestErrorKind, Input};
use crate::model::{Extraction, Findings, RawDocument};
use crate::published;
use jiff::civil::Date;
use rayon::prelude::*;

/// Documents extracted together; bounds memory and sets the transaction size.
pub const BATCH_SIZE: usize = 256;

/// What every document is read with.
#[derive(Debug, Clone)]
pub struct Options {
    /// Indicators and their triggers.
    pub ontology: Ontology,
    /// A publication date that overrides what documents state.
    pub published: Option<Date>,
}

/// Reads one raw document all the way to its claims.
pub fn extract_document(raw: RawDocument, opts: &Options) -> Extraction {
    let doc = clean(raw);
    let scan = analyze::scan(&doc.text);
    let published = published::determine(&doc, &scan.times, opts.published);
    let date = published.as_ref().map(|p| p.date);
    let analysis = analyze::finish(&doc.text, &scan, date);
    let claims = extract::claims(&doc.text, &analysis, date, &opts.ontology);
    let events = extract::events::events(&doc.text, &analysis, date);
    Extraction {
        doc,
        published,
        analysis,
        claims,
        events,
    }
}

/// Reads a stored document's cleaned text again with its stored publication date, for
/// `show`: the stages are pure functions of these two, so the result is what was stored
/// (with the same ontology), plus the quantities and times the store does not keep.
pub fn reread(text: &str, published: Option<Date>, ontology: &Ontology) -> Findings {
    let analysis = analyze::analyze(text, published);
    let claims = extract::claims(text, &analysis, published, ontology);
    let events = extract::events::events(text, &analysis, published);
    Findings {
        analysis,
        claims,
        events,
    }
}

/// A short article that passes through every stage: extracting it builds the tables and
/// automata the recognizers create on first use.
const WARM_UP_ARTICLE: &str = "Trade talks\n\nSubscribe to our newsletter\n\n\
    Jane Doe is a reporter at the Daily.\n\nPublished: 5 March 2024\n\n\
    Poland and Vietnam aim to raise trade to $5 billion by 2030, while Polish exports to \
    Vietnam rose 12% last year to 2.3 million tonnes, although investment fell; the two \
    countries signed three agreements in Gdańsk in the second half of 2023, Prime Minister \
    Jan Kowal said.\n\n\
    We use cookies on this site to improve your experience of our pages and services.";

/// Builds the tables and automata the stages create on first use, so that timing (or a
/// server's first request) does not include them. Returns the extraction, which a caller
/// can check to see every stage ran.
pub fn warm_up(opts: &Options) -> Extraction {
    let raw = RawDocument {
        id: "warm-up".into(),
        origin: "warm-up".into(),
        title: None,
        published: None,
        text: WARM_UP_ARTICLE.into(),
        title_in_text: true,
        url: None,
    };
    extract_document(raw, opts)
}

/// Reads every input, extracts in parallel batches, and calls `on_batch` with each batch in
/// input order. Errors stay in place in the batch, so no document is lost or reordered.
/// A reader thread parses the next batches while the current one is extracted.
pub fn run(
    inputs: &[Input],
    opts: &Options,
    mut on_batch: impl FnMut(Vec<Result<Extraction, IngestError>>),
) {
    let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<Result<RawDocument, IngestError>>>(2);
    std::thread::scope(|scope| {
        scope.spawn(move || read_batches(inputs, |batch| tx.send(batch).is_ok()));
        for pending in rx {
            let batch: Vec<_> = pending
                .into_par_iter()
                .map(|r| r.and_then(|raw| extract_guarded(raw, opts)))
                .collect();
            on_batch(batch);
        }
    });
}

/// Extracts one document; a panic in any stage becomes that document's error, so one
/// document that trips a bug never loses the others.
fn extract_guarded(raw: RawDocument, opts: &Options) -> Result<Extraction, IngestError> {
    let origin = raw.origin.clone();
    guarded(&origin, || extract_document(raw, opts))
}

/// Runs `work`, turning a panic into an error naming `origin` and the panic's message.
fn guarded<T>(origin: &str, work: impl FnOnce() -> T) -> Result<T, IngestError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(work)).map_err(|panic| {
        let message = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".into());
        IngestError::new(origin, IngestErrorKind::Failed(message))
    })
}

/// Reads every input in order, handing over batches of [`BATCH_SIZE`] documents (errors
/// included) until `send` returns false.
fn read_batches(inputs: &[Input], send: impl FnMut(Vec<Result<RawDocument, IngestError>>) -> bool) {
    let mut batches = Batcher {
        pending: Vec::with_capacity(BATCH_SIZE),
        send,
        open: true,
    };
    for input in ingest::expand(inputs) {
        match input {
            Err(e) => batches.push(Err(e)),
            Ok(input) => ingest::read_input(&input, &mut |doc| batches.push(doc)),
        }
        if !batches.open {
            return;
        }
    }
    batches.flush();
}

/// Collects documents into batches and sends each when full; once a send fails (nobody
/// listens any more) it drops what it is given.
struct Batcher<F> {
    pending: Vec<Result<RawDocument, IngestError>>,
    send: F,
    open: bool,
}

impl<F: FnMut(Vec<Result<RawDocument, IngestError>>) -> bool> Batcher<F> {
    fn push(&mut self, doc: Result<RawDocument, IngestError>) {
        if self.open {
            self.pending.push(doc);
            if self.pending.len() >= BATCH_SIZE {
                self.flush();
            }
        }
    }

    fn flush(&mut self) {
        if self.open && !self.pending.is_empty() {
            let batch = std::mem::replace(&mut self.pending, Vec::with_capacity(BATCH_SIZE));
            self.open = (self.send)(batch);
        }
    }
}

/// What [`ingest`] did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct IngestSummary {
    /// Documents (and unreadable inputs) seen.
    pub read: usize,
    /// New documents stored.
    pub added: usize,
    /// Documents whose content changed and were replaced.
    pub replaced: usize,
    /// Documents already stored with the same content.
    pub unchanged: usize,
    /// Inputs that could not be read, with the reason (file and line included).
    pub skipped: Vec<String>,
    /// Claims stored by this run.
    pub claims: usize,
}

/// Reads every input into the store. Extraction of the next batch runs (on all cores) while
/// a writer thread stores the previous one, so neither waits for the other; each batch is
/// one transaction. `given` is the `--published` date as typed (part of the content hash);
/// `on_skip` hears each unreadable input as it is met and `on_progress` each stored batch.
pub fn ingest(
    inputs: &[Input],
    opts: &Options,
    store: &mut crate::store::sqlite::SqliteStore,
    given: Option<&str>,
    on_skip: &mut dyn FnMut(&IngestError),
    on_progress: &(dyn Fn(&IngestSummary) + Sync),
) -> Result<IngestSummary, crate::store::StoreError> {
    use crate::store::{sqlite::content_hash, PutOutcome};
    use std::sync::mpsc;
    type Batch = Vec<(Extraction, String)>;
    let (tx, rx) = mpsc::sync_channel::<(Batch, usize, Vec<String>)>(1);
    let writing = &mut *store;
    let summary = std::thread::scope(|scope| {
        let writer = scope.spawn(move || {
            let mut summary = IngestSummary::default();
            for (batch, read, skipped) in rx {
                summary.read += read;
                summary.skipped.extend(skipped);
                let outcomes = writing.put(&batch)?;
                for (o, (ex, _)) in outcomes.iter().zip(&batch) {
                    match o {
                        PutOutcome::Added => summary.added += 1,
                        PutOutcome::Replaced => summary.replaced += 1,
                        PutOutcome::Unchanged => summary.unchanged += 1,
                    }
                    if *o != PutOutcome::Unchanged {
                        summary.claims += ex.claims.len();
                    }
                }
                on_progress(&summary);
            }
            Ok(summary)
        });
        run(inputs, opts, |batch| {
            let read = batch.len();
            let mut skipped = Vec::new();
            let mut good = Vec::with_capacity(read);
            let hashed: Vec<_> = batch
                .into_par_iter()
                .map(|item| item.map(|ex| (content_hash(&ex, given), ex)))
                .collect();
            for item in hashed {
                match item {
                    Ok((hash, ex)) => good.push((ex, hash)),
                    Err(e) => {
                        on_skip(&e);
                        skipped.push(e.to_string());
                    }
                }
            }
            // A send fails only when the writer stopped on an error, reported below.
            let _ = tx.send((good, read, skipped));
        });
        drop(tx);
        writer
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
    })?;
    if summary.added + summary.replaced > 0 {
        relink(store)?;
    }
    Ok(summary)
}

/// Recomputes the links between people across documents from every stored mention, so the
/// documents stored before gain the links the new ones make possible. Returns how many.
pub fn relink(
    store: &mut crate::store::sqlite::SqliteStore,
) -> Result<usize, crate::store::StoreError> {
    let links = crate::reconcile::people::link_people(&store.person_mentions()?);
    store.replace_links(&links)?;
    Ok(links.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::EntityKind;

    #[test]
    fn a_panicking_document_becomes_its_own_error() {
        let failed = guarded("feed.jsonl:7", || -> usize { panic!("index out of range") });
        let message = failed.map_err(|e| e.to_string()).err().unwrap_or_default();
        assert!(
            message.starts_with("feed.jsonl:7: extraction failed"),
            "{message}"
        );
        assert!(message.ends_with("index out of range"), "{message}");
        assert_eq!(guarded("feed.jsonl:8", || 3).ok(), Some(3));
    }

    #[test]
    fn warm_up_article_goes_through_every_stage() {
        let opts = Options {
            ontology: Ontology::default_ontology().expect("default ontology"),
            published: None,
        };
        let warm = warm_up(&opts);
        assert!(warm.claims.len() >= 3, "the warm-up article states claims");
        // Names and the place gazetteer are built on first use: the warm-up must reach them.
        let kinds: Vec<EntityKind> = warm.analysis.entities.iter().map(|e| e.kind).collect();
        for kind in [EntityKind::Place, EntityKind::Person] {
            assert!(
                kinds.contains(&kind),
                "no {kind:?} in the warm-up: {kinds:?}"
            );
        }
        assert!(
            !warm.events.is_empty(),
            "the warm-up article tells an event"
        );
    }

    #[test]
    fn reading_stops_when_nobody_takes_the_batches() -> std::io::Result<()> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("many.jsonl");
        let line = "{\"text\":\"Exports rose.\"}\n";
        std::fs::write(&path, line.repeat(BATCH_SIZE * 3))?;
        let mut sent = Vec::new();
        read_batches(&[Input::Path(path)], |batch| {
            sent.push(batch.len());
            false
        });
        assert_eq!(sent, [BATCH_SIZE], "one batch offered, then reading stops");
        Ok(())
    }

    #[test]
    fn run_keeps_input_order_and_errors_across_batches() -> std::io::Result<()> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("many.jsonl");
        let total = BATCH_SIZE * 2 + 7;
        let bad_line = BATCH_SIZE + 3;
        let lines: Vec<String> = (1..=total)
            .map(|n| {
                if n == bad_line {
                    "{not json".to_string()
                } else {
                    format!("{{\"id\":\"d{n}\",\"text\":\"Exports rose to $ {n} million.\"}}")
                }
            })
            .collect();
        std::fs::write(&path, lines.join("\n"))?;
        let opts = Options {
            ontology: Ontology::default_ontology().expect("default ontology"),
            published: None,
        };
        let mut seen = Vec::new();
        run(&[Input::Path(path)], &opts, |batch| {
            seen.extend(batch.into_iter().map(|r| r.map(|ex| ex.doc.raw.id)));
        });
        assert_eq!(seen.len(), total);
        for (k, item) in seen.iter().enumerate() {
            let n = k + 1;
            match item {
                Ok(id) => assert_eq!(*id, format!("d{n}")),
                Err(e) => assert_eq!(n, bad_line, "unexpected error {e}"),
            }
        }
        assert!(seen[bad_line - 1].is_err());
        Ok(())
    }

    #[test]
    fn people_are_linked_across_documents_whichever_is_ingested_first(
    ) -> Result<(), Box<dyn std::error::Error>> {
        use crate::store::{sqlite::SqliteStore, ClaimFilter};
        let dir = tempfile::tempdir()?;
        let later = dir.path().join("later.jsonl");
        let earlier = dir.path().join("earlier.jsonl");
        std::fs::write(
            &later,
            r#"{"id":"later","date":"2026-10-07","text":"Chancellor Merz met the Czech president in Dresden on Tuesday."}"#,
        )?;
        std::fs::write(
            &earlier,
            r#"{"id":"earlier","date":"2026-05-14","text":"Czech President Petr Pavel visited Berlin, where German Chancellor Friedrich Merz welcomed him."}"#,
        )?;
        let opts = Options {
            ontology: Ontology::default_ontology()?,
            published: None,
        };
        let mut store = SqliteStore::in_memory()?;
        let mut ingest_one = |path: &std::path::Path| {
            ingest(
                &[Input::Path(path.to_path_buf())],
                &opts,
                &mut store,
                None,
                &mut |_| {},
                &|_| {},
            )
            .map(|_| ())
        };
        ingest_one(&later)?;
        ingest_one(&earlier)?;
        let links: Vec<(String, String)> = store
            .links("later")?
            .into_iter()
            .map(|l| (l.alias, l.canonical))
            .collect();
        assert_eq!(
            links,
            [
                ("person:merz".into(), "person:friedrich-merz".into()),
                ("role:CZ:president".into(), "person:petr-pavel".into())
            ],
            "the later article, stored first, is linked once the earlier one arrives"
        );
        let filter = ClaimFilter {
            indicator: None,
            entities: vec!["person:petr-pavel".into()],
        };
        let meeting = store
            .events(&filter)?
            .into_iter()
            .find(|e| e.doc == "later")
            .ok_or("the meeting is found by the linked person")?;
        let names: Vec<Option<String>> = meeting.participants.into_iter().map(|(_, n)| n).collect();
        assert!(names.contains(&Some("Friedrich Merz".into())), "{names:?}");
        assert!(names.contains(&Some("Petr Pavel".into())), "{names:?}");
        Ok(())
    }
}
