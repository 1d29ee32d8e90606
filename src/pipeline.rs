//! Pipeline: the one place that runs several stages in order —
//! ingest → clean → (scan times) → publication date → analyze → extract — and hands the
//! results on in batches, extracting each batch in parallel while memory stays bounded by
//! the batch size, not the corpus size.

use crate::analyze;
use crate::clean::clean;
use crate::extract::{self, ontology::Ontology};
use crate::ingest::{self, IngestError, Input};
use crate::model::{Extraction, RawDocument};
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
    Extraction {
        doc,
        published,
        analysis,
        claims,
    }
}

/// Reads every input, extracts in parallel batches, and calls `on_batch` with each batch in
/// input order. Errors stay in place in the batch, so no document is lost or reordered.
pub fn run(
    inputs: &[Input],
    opts: &Options,
    mut on_batch: impl FnMut(Vec<Result<Extraction, IngestError>>),
) {
    let mut pending: Vec<Result<RawDocument, IngestError>> = Vec::with_capacity(BATCH_SIZE);
    let mut flush = |pending: &mut Vec<Result<RawDocument, IngestError>>| {
        let batch: Vec<_> = std::mem::take(pending)
            .into_par_iter()
            .map(|r| r.map(|raw| extract_document(raw, opts)))
            .collect();
        on_batch(batch);
    };
    for input in ingest::expand(inputs) {
        match input {
            Err(e) => pending.push(Err(e)),
            Ok(input) => ingest::read_input(&input, &mut |doc| {
                pending.push(doc);
                if pending.len() >= BATCH_SIZE {
                    flush(&mut pending);
                }
            }),
        }
        if pending.len() >= BATCH_SIZE {
            flush(&mut pending);
        }
    }
    if !pending.is_empty() {
        flush(&mut pending);
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
    std::thread::scope(|scope| {
        let writer = scope.spawn(move || {
            let mut summary = IngestSummary::default();
            for (batch, read, skipped) in rx {
                summary.read += read;
                summary.skipped.extend(skipped);
                let outcomes = store.put(&batch)?;
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
            for item in batch {
                match item {
                    Ok(ex) => {
                        let hash = content_hash(&ex, given);
                        good.push((ex, hash));
                    }
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
    })
}
