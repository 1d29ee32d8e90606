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
