//! The command-line interface definition.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Turns news articles into a sourced, dated ledger of quantified claims.
#[derive(Debug, Parser)]
#[command(name = "factline", version, about, long_about = None)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Options shared by commands that read articles.
#[derive(Debug, Args)]
pub struct ReadOptions {
    /// Indicator ontology (TOML) to use instead of the built-in one.
    #[arg(long, value_name = "FILE")]
    pub ontology: Option<PathBuf>,
    /// Publication date for every document, overriding what they state (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub published: Option<String>,
}

/// The database option.
#[derive(Debug, Args)]
pub struct DbOption {
    /// SQLite database file.
    #[arg(long, value_name = "PATH", default_value = "factline.db")]
    pub db: PathBuf,
}

/// Output formats for the brief.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum BriefFormat {
    /// Markdown.
    Md,
    /// A standalone HTML page.
    Html,
}

/// Output formats for listings.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum OutputFormat {
    /// Aligned columns.
    Table,
    /// One JSON object per line.
    Jsonl,
    /// Comma-separated values.
    Csv,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read articles and print one JSON object per document (stateless).
    #[command(
        after_help = "Example:\n  factline extract examples/corpus/cz-de-trade-2024.txt\n  cat story.html | factline extract - --published 2024-05-01"
    )]
    Extract {
        /// Files, folders or - for standard input (.txt .md .html .jsonl, optionally .gz).
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<String>,
        /// Include the cleaned text the spans point into.
        #[arg(long)]
        with_text: bool,
        #[command(flatten)]
        read: ReadOptions,
    },
    /// Read articles into the ledger database.
    #[command(after_help = "Example:\n  factline ingest examples/corpus --db ledger.db")]
    Ingest {
        /// Files, folders or - for standard input.
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<String>,
        #[command(flatten)]
        read: ReadOptions,
        #[command(flatten)]
        db: DbOption,
    },
    /// List stored claims.
    #[command(
        after_help = "Example:\n  factline claims --indicator exports --entity CZ --format csv"
    )]
    Claims {
        /// Only this indicator (e.g. trade_volume).
        #[arg(long, value_name = "KEY")]
        indicator: Option<String>,
        /// Only claims about this entity (ISO code); repeat to require several.
        #[arg(long = "entity", value_name = "ID")]
        entities: Vec<String>,
        /// Output format.
        #[arg(long, value_enum, default_value = "table")]
        format: OutputFormat,
        #[command(flatten)]
        db: DbOption,
    },
    /// Show each indicator's reconciled series: per period every source's figure and whether
    /// it agrees, repeats, conflicts or was superseded; then the targets and what replaced them.
    #[command(after_help = "Example:\n  factline timeline trade_volume --entity CZ --entity DE")]
    Timeline {
        /// Indicator key; all indicators when omitted.
        #[arg(value_name = "INDICATOR")]
        indicator: Option<String>,
        /// Only claims about this entity; repeat to require several.
        #[arg(long = "entity", value_name = "ID")]
        entities: Vec<String>,
        /// Output format.
        #[arg(long, value_enum, default_value = "table")]
        format: OutputFormat,
        #[command(flatten)]
        db: DbOption,
    },
    /// Write a cited brief: latest figures and trends, current targets and the ones they
    /// replaced, revisions, conflicts and outliers, and the numbered sources.
    #[command(
        after_help = "Example:\n  factline brief --entity CZ --entity DE --since 2023-01-01 --format html > brief.html"
    )]
    Brief {
        /// Only claims about this entity; repeat to require several. With two or more
        /// countries, figures and events that also name a third country are left out.
        #[arg(long = "entity", value_name = "ID")]
        entities: Vec<String>,
        /// Only articles published on or after this date (YYYY-MM-DD).
        #[arg(long, value_name = "DATE")]
        since: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value = "md")]
        format: BriefFormat,
        /// Indicator ontology for the indicators' names (TOML); the built-in one by default.
        #[arg(long, value_name = "FILE")]
        ontology: Option<PathBuf>,
        #[command(flatten)]
        db: DbOption,
    },
    /// Print a stored article with its entities, quantities and times marked, then its
    /// claims and events with the words each came from.
    #[command(after_help = "Example:\n  factline show cz-de-2026-state-visit")]
    Show {
        /// Document id (see `factline docs`).
        #[arg(value_name = "DOC")]
        doc: String,
        /// Indicator ontology (TOML) the claims were extracted with; the built-in one by default.
        #[arg(long, value_name = "FILE")]
        ontology: Option<PathBuf>,
        #[command(flatten)]
        db: DbOption,
    },
    /// List stored documents with title and publication date.
    #[command(after_help = "Example:\n  factline docs --format csv")]
    Docs {
        /// Output format.
        #[arg(long, value_enum, default_value = "table")]
        format: OutputFormat,
        #[command(flatten)]
        db: DbOption,
    },
    /// Measure extract and ingest speed on a corpus.
    #[command(
        after_help = "Example:\n  factline bench ../shared/corpora/reuters21578/reuters21578.jsonl"
    )]
    Bench {
        /// Corpus files or folders.
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<String>,
    },
    /// Score the recognizers against the Recognizers-Text specs and MEANTIME time annotations.
    #[command(
        after_help = "Example:\n  factline conformance ../shared/conformance/recognizers-text/Specs \\\n    --meantime ../shared/corpora/meantime-english --ratchet .ci/conformance-ratchet.json"
    )]
    Conformance(ConformanceArgs),
}

/// What `factline conformance` reads, writes and checks.
#[derive(Debug, Args)]
pub struct ConformanceArgs {
    /// The Recognizers-Text `Specs` folder (Number/, NumberWithUnit/, DateTime/ below it).
    #[arg(value_name = "SPECS")]
    pub specs: PathBuf,
    /// A MEANTIME folder: its `*.xml` articles are used for the temporal evaluation.
    #[arg(long, value_name = "DIR")]
    pub meantime: Option<PathBuf>,
    /// Write the scores as JSON to this file.
    #[arg(long, value_name = "FILE")]
    pub json: Option<PathBuf>,
    /// Fail (exit 2) when a rate falls below the one recorded in this file.
    #[arg(long, value_name = "FILE")]
    pub ratchet: Option<PathBuf>,
    /// Raise the rates recorded in the ratchet file to this run's where higher.
    #[arg(long, requires = "ratchet")]
    pub raise: bool,
    /// Print up to N failed cases per spec file, and N MEANTIME misses.
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub failures: usize,
    /// Only spec files whose path contains this text.
    #[arg(long, value_name = "TEXT")]
    pub only: Option<String>,
}
