//! The commands: glue between the command line, the pipeline, the store and the renderers.
//! The only code that prints.

use crate::cli::{BriefFormat, Command, ConformanceArgs, OutputFormat, ReadOptions};
use crate::Status;
use anyhow::{Context, Result};
use factline::extract::ontology::Ontology;
use factline::ingest::{IngestError, Input};
use factline::pipeline::{self, Options};
use factline::report::{self, Format};
use factline::store::sqlite::SqliteStore;
use factline::store::ClaimFilter;
use indicatif::{ProgressBar, ProgressStyle};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Runs one command.
pub fn run(command: Command) -> Result<Status> {
    match command {
        Command::Extract {
            paths,
            with_text,
            read,
        } => extract(&paths, with_text, &read),
        Command::Ingest { paths, read, db } => ingest(&paths, &read, &db.db),
        Command::Claims {
            indicator,
            entities,
            format,
            db,
        } => {
            let store = open_existing(&db.db)?;
            let claims = store.claims(&ClaimFilter {
                indicator,
                entities,
            })?;
            let mut out = std::io::stdout().lock();
            report::write_claims(&mut out, &claims, format_of(format))?;
            Ok(found(!claims.is_empty()))
        }
        Command::Timeline {
            indicator,
            entities,
            format,
            db,
        } => {
            let store = open_existing(&db.db)?;
            let claims = store.claims(&ClaimFilter {
                indicator,
                entities,
            })?;
            let mut out = std::io::stdout().lock();
            let series = factline::reconcile::reconcile(&claims);
            report::write_timeline(&mut out, &claims, &series, format_of(format))?;
            Ok(found(!claims.is_empty()))
        }
        Command::Brief {
            entities,
            since,
            format,
            ontology,
            db,
        } => brief(entities, since, format, ontology, &db.db),
        Command::Show { doc, ontology, db } => show(&doc, ontology, &db.db),
        Command::Docs { format, db } => {
            let store = open_existing(&db.db)?;
            let docs = store.documents()?;
            report::write_documents(&mut std::io::stdout().lock(), &docs, format_of(format))?;
            Ok(found(!docs.is_empty()))
        }
        Command::Bench { paths } => bench(&paths),
        Command::Conformance(args) => conformance(&args),
    }
}

fn conformance(run: &ConformanceArgs) -> Result<Status> {
    use factline::conformance::{meantime, ratchet::Ratchet, specs};
    let mut scores = specs::run(&run.specs)?;
    if let Some(only) = &run.only {
        scores.retain(|s| s.file.contains(only.as_str()));
    }
    let mut out = std::io::stdout().lock();
    for s in &scores {
        for f in s.failures.iter().take(run.failures) {
            writeln!(
                out,
                "FAIL {}: {:?}\n  expected {}\n  found    {}",
                s.file,
                f.input,
                serde_json::to_string(&f.expected)?,
                serde_json::to_string(&f.found)?
            )?;
        }
    }
    write!(out, "{}", specs::table(&scores))?;
    let time = match &run.meantime {
        Some(dir) => {
            let (score, misses) = meantime::run(dir)?;
            for m in misses.iter().take(run.failures) {
                writeln!(
                    out,
                    "MISS {}: gold {:?} found {:?}",
                    m.article, m.gold, m.found
                )?;
            }
            writeln!(
                out,
                "MEANTIME: {} articles, {} gold, {} found; strict F1 {:.3}, relaxed F1 {:.3}, value accuracy {:.3}",
                score.articles,
                score.gold,
                score.found,
                score.strict_f1(),
                score.relaxed_f1(),
                score.value_accuracy()
            )?;
            Some(score)
        }
        None => None,
    };
    if let Some(path) = &run.json {
        let report = serde_json::json!({"specs": scores, "meantime": time});
        std::fs::write(path, serde_json::to_string_pretty(&report)? + "\n")
            .with_context(|| format!("writing {}", path.display()))?;
    }
    let Some(path) = &run.ratchet else {
        return Ok(Status::Ok);
    };
    let recorded: Ratchet = match std::fs::read_to_string(path) {
        Ok(s) => serde_json::from_str(&s).with_context(|| format!("reading {}", path.display()))?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && run.raise => Ratchet::default(),
        Err(e) => return Err(e).with_context(|| format!("reading {}", path.display())),
    };
    if run.raise {
        let raised = recorded.raised(&scores, time.as_ref());
        std::fs::write(path, serde_json::to_string_pretty(&raised)? + "\n")
            .with_context(|| format!("writing {}", path.display()))?;
        writeln!(out, "ratchet raised: {}", path.display())?;
        return Ok(Status::Ok);
    }
    let regressions = recorded.regressions(&scores, time.as_ref());
    if regressions.is_empty() {
        writeln!(out, "ratchet: every rate at or above {}", path.display())?;
        return Ok(Status::Ok);
    }
    for r in &regressions {
        eprintln!("factline: conformance regression: {r}");
    }
    Ok(Status::Error)
}

fn found(any: bool) -> Status {
    if any {
        Status::Ok
    } else {
        Status::NothingFound
    }
}

fn brief(
    entities: Vec<String>,
    since: Option<String>,
    format: BriefFormat,
    ontology: Option<PathBuf>,
    db: &Path,
) -> Result<Status> {
    let ontology = load_ontology(ontology.as_deref())?;
    let since: Option<jiff::civil::Date> = since
        .as_deref()
        .map(|d| {
            d.parse()
                .with_context(|| format!("--since {d:?} is not a date (YYYY-MM-DD)"))
        })
        .transpose()?;
    let store = open_existing(db)?;
    let mut claims = store.claims(&ClaimFilter {
        indicator: None,
        entities: entities.clone(),
    })?;
    let mut events = store.events(&ClaimFilter {
        indicator: None,
        entities: entities.clone(),
    })?;
    if let Some(since) = since.map(|d| d.to_string()) {
        let kept =
            |published: &Option<String>| published.as_deref().is_some_and(|p| p >= since.as_str());
        claims.retain(|c| kept(&c.published));
        events.retain(|e| kept(&e.published));
    }
    let left_out = factline::brief::focus(&mut claims, &mut events, &entities, &ontology);
    let series = factline::reconcile::reconcile(&claims);
    let docs = store.documents()?;
    let mut brief = factline::brief::build(&claims, &series, &events, &docs, &ontology, &entities);
    brief.mention_left_out(left_out);
    let text = match format {
        BriefFormat::Md => factline::brief::markdown(&brief),
        BriefFormat::Html => {
            // The cited articles go into the page, so each citation can show its sentence.
            let mut texts = std::collections::HashMap::new();
            for source in &brief.sources {
                if let Some((_, text)) = store.document(&source.doc.id)? {
                    texts.insert(source.doc.id.clone(), text);
                }
            }
            factline::brief::html(&brief, &texts)
        }
    };
    std::io::stdout().lock().write_all(text.as_bytes())?;
    Ok(found(!claims.is_empty() || !events.is_empty()))
}

fn show(id: &str, ontology: Option<PathBuf>, db: &Path) -> Result<Status> {
    let ontology = load_ontology(ontology.as_deref())?;
    let store = open_existing(db)?;
    let Some((doc, text)) = store.document(id)? else {
        anyhow::bail!(
            "no document {id:?} in {} (`factline docs` lists them)",
            db.display()
        );
    };
    let published = doc.published.as_deref().and_then(|d| d.parse().ok());
    let findings = factline::pipeline::reread(&text, published, &ontology);
    let page = report::annotated(&doc, &text, &findings, &store.links(id)?);
    std::io::stdout().lock().write_all(page.as_bytes())?;
    Ok(found(true))
}

/// The ontology given with `--ontology`, else the built-in one.
fn load_ontology(path: Option<&Path>) -> Result<Ontology> {
    Ok(match path {
        Some(p) => Ontology::load(p)?,
        None => Ontology::default_ontology()?,
    })
}

fn format_of(f: OutputFormat) -> Format {
    match f {
        OutputFormat::Table => Format::Table,
        OutputFormat::Jsonl => Format::Jsonl,
        OutputFormat::Csv => Format::Csv,
    }
}

fn open_existing(path: &Path) -> Result<SqliteStore> {
    anyhow::ensure!(
        path.exists(),
        "no database at {} (run `factline ingest` first, or pass --db)",
        path.display()
    );
    Ok(SqliteStore::open(path)?)
}

fn options(read: &ReadOptions) -> Result<Options> {
    let ontology = load_ontology(read.ontology.as_deref())?;
    let published = read
        .published
        .as_deref()
        .map(|d| {
            d.parse()
                .with_context(|| format!("--published {d:?} is not a date (YYYY-MM-DD)"))
        })
        .transpose()?;
    Ok(Options {
        ontology,
        published,
    })
}

fn inputs(paths: &[String]) -> Vec<Input> {
    paths.iter().map(|p| Input::parse(p)).collect()
}

fn report_skip(e: &IngestError) {
    eprintln!("factline: skipped {e}");
}

fn extract(paths: &[String], with_text: bool, read: &ReadOptions) -> Result<Status> {
    let opts = options(read)?;
    let mut out = std::io::stdout().lock();
    let (mut docs, mut skipped) = (0usize, 0usize);
    let mut write_err = None;
    pipeline::run(&inputs(paths), &opts, |batch| {
        for item in batch {
            match item {
                Ok(ex) => {
                    docs += 1;
                    let line = report::extraction_json(&ex, with_text);
                    if write_err.is_none() {
                        if let Err(e) = writeln!(out, "{line}") {
                            write_err = Some(e);
                        }
                    }
                }
                Err(e) => {
                    skipped += 1;
                    report_skip(&e);
                }
            }
        }
    });
    if let Some(e) = write_err {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            return Err(e.into());
        }
    }
    Ok(if skipped > 0 {
        Status::Error
    } else {
        found(docs > 0)
    })
}

fn progress_bar() -> Option<ProgressBar> {
    if !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = ProgressBar::new_spinner();
    let style = ProgressStyle::with_template("{spinner} {pos} documents, {msg} [{elapsed}]")
        .unwrap_or_else(|_| ProgressStyle::default_spinner());
    bar.set_style(style);
    Some(bar)
}

fn ingest(paths: &[String], read: &ReadOptions, db: &Path) -> Result<Status> {
    let opts = options(read)?;
    let mut store = SqliteStore::open(db)?;
    let bar = progress_bar();
    let progress = |s: &pipeline::IngestSummary| {
        if let Some(bar) = &bar {
            bar.set_position(s.read as u64);
            bar.set_message(format!("{} claims", s.claims));
        }
    };
    let summary = pipeline::ingest(
        &inputs(paths),
        &opts,
        &mut store,
        read.published.as_deref(),
        &mut |e| report_skip(e),
        &progress,
    )
    .with_context(|| {
        format!(
            "ingest into {} stopped; earlier batches are stored",
            db.display()
        )
    })?;
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "read {} documents: {} added, {} replaced, {} unchanged, {} skipped; {} new claims; {} documents in {}",
        summary.read,
        summary.added,
        summary.replaced,
        summary.unchanged,
        summary.skipped.len(),
        summary.claims,
        store.document_count()?,
        db.display()
    )?;
    for s in &summary.skipped {
        writeln!(out, "  skipped {s}")?;
    }
    Ok(if !summary.skipped.is_empty() {
        Status::Error
    } else {
        found(summary.read > 0)
    })
}

/// Peak resident memory of this process in MiB (Linux), if known.
fn peak_rss_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

/// CPU time (user + system) the process has used so far, from /proc (Linux; clock ticks
/// are 1/100 s in the kernel's user ABI).
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name, which is in parentheses and may contain spaces.
    let rest = &stat[stat.rfind(')')? + 1..];
    let mut fields = rest.split_whitespace().skip(11);
    let user: f64 = fields.next()?.parse().ok()?;
    let system: f64 = fields.next()?.parse().ok()?;
    Some((user + system) / 100.0)
}

fn bench(paths: &[String]) -> Result<Status> {
    let opts = Options {
        ontology: Ontology::default_ontology()?,
        published: None,
    };
    let inputs = inputs(paths);
    let mut out = std::io::stdout().lock();
    // 0. Start-up: tables and automata are built on first use; timed apart from throughput.
    let started = Instant::now();
    pipeline::warm_up(&opts);
    writeln!(
        out,
        "start-up (tables and automata): {:.3} s",
        started.elapsed().as_secs_f64()
    )?;
    // 1. Extract alone, one thread: read, clean, analyze, extract; nothing stored.
    let started = Instant::now();
    let (mut docs, mut bytes, mut claims, mut skipped) = (0usize, 0usize, 0usize, 0usize);
    for input in factline::ingest::expand(&inputs) {
        let Ok(input) = input else {
            skipped += 1;
            continue;
        };
        factline::ingest::read_input(&input, &mut |doc| match doc {
            Ok(raw) => {
                bytes += raw.text.len();
                docs += 1;
                claims += pipeline::extract_document(raw, &opts).claims.len();
            }
            Err(_) => skipped += 1,
        });
    }
    let extract_secs = started.elapsed().as_secs_f64();
    let mb = bytes as f64 / 1e6;
    writeln!(
        out,
        "extract (1 thread): {docs} documents, {mb:.1} MB of text, {claims} claims, {skipped} skipped in {extract_secs:.2} s: {:.1} MB/s, {:.0} documents/s",
        mb / extract_secs,
        docs as f64 / extract_secs
    )?;
    // 2. Ingest into a fresh SQLite file: extraction on all cores, writes overlapped.
    let db = std::env::temp_dir().join(format!("factline-bench-{}.db", std::process::id()));
    let mut store = SqliteStore::open(&db)?;
    let started = Instant::now();
    let cpu_before = cpu_seconds();
    let result = pipeline::ingest(&inputs, &opts, &mut store, None, &mut |_| {}, &|_| {});
    let ingest_secs = started.elapsed().as_secs_f64();
    let cores_used = cpu_before
        .zip(cpu_seconds())
        .map(|(before, after)| (after - before) / ingest_secs);
    drop(store);
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
    }
    result?;
    writeln!(
        out,
        "ingest ({} threads, SQLite): {docs} documents in {ingest_secs:.2} s: {:.1} MB/s, {:.0} documents/s",
        rayon::current_num_threads(),
        mb / ingest_secs,
        docs as f64 / ingest_secs
    )?;
    if let Some(cores) = cores_used {
        writeln!(out, "ingest CPU use: {cores:.2} cores busy on average")?;
    }
    if let Some(rss) = peak_rss_mib() {
        writeln!(out, "peak memory: {rss:.0} MiB")?;
    }
    Ok(found(docs > 0))
}
