//! factline turns piles of news articles into a sourced, dated ledger of quantified claims.
//!
//! The stages, in pipeline order (see `ARCHITECTURE.md`):
//!
//! - [`ingest`]: files, folders, stdin → [`model::RawDocument`] (text, HTML, JSON Lines, gzip);
//! - [`clean`]: boilerplate removed → [`model::CleanDocument`], offsets kept;
//! - [`published`]: the publication date, stated or inferred → [`model::Published`];
//! - [`analyze`]: sentences, countries, quantities and times → [`model::Analysis`];
//! - [`extract`]: quantities joined to indicators, subjects, times, modality → [`model::Claim`];
//! - [`store`]: the ledger in SQLite;
//! - [`report`]: JSON, tables and CSV.
//!
//! [`pipeline`] is the one module that calls several stages. [`conformance`] scores the
//! recognizers against test suites others wrote; the pipeline never calls it.
//!
//! ```
//! use factline::{extract::ontology::Ontology, model::RawDocument, pipeline};
//!
//! let raw = RawDocument {
//!     id: "example".into(),
//!     origin: "example.txt".into(),
//!     title: None,
//!     published: Some("2024-02-01".into()),
//!     text: "Czech trade record\n\nCzech exports to Germany topped €48.6 billion in 2023.".into(),
//!     title_in_text: true,
//!     url: None,
//! };
//! let opts = pipeline::Options { ontology: Ontology::default_ontology().unwrap(), published: None };
//! let ex = pipeline::extract_document(raw, &opts);
//! let claim = &ex.claims[0];
//! assert_eq!(claim.indicator, "exports");
//! assert_eq!((claim.from.as_deref(), claim.to.as_deref()), (Some("CZ"), Some("DE")));
//! assert_eq!(claim.value.amount, 48.6e9);
//! ```

pub mod analyze;
pub mod brief;
pub mod clean;
pub mod conformance;
pub mod extract;
pub mod ingest;
pub mod model;
pub mod pipeline;
pub mod published;
pub mod reconcile;
pub mod report;
pub mod store;
