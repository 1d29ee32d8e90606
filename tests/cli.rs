//! End-to-end tests: run the real `factline` binary on the example corpus and on bad input.

use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn factline() -> Command {
    Command::new(env!("CARGO_BIN_EXE_factline"))
}

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/corpus")
}

fn run(args: &[&str]) -> Output {
    factline()
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run factline: {e}"))
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn json_lines(o: &Output) -> Vec<Value> {
    stdout(o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("bad JSON line {l:?}: {e}")))
        .collect()
}

fn doc<'a>(docs: &'a [Value], id: &str) -> &'a Value {
    docs.iter()
        .find(|d| d["doc"] == id)
        .unwrap_or_else(|| panic!("no document {id}"))
}

fn claims_of<'a>(d: &'a Value, indicator: &'a str) -> impl Iterator<Item = &'a Value> + 'a {
    d["claims"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(move |c| c["indicator"] == indicator)
}

#[test]
fn extract_reads_every_example_format() {
    let out = run(&["extract", corpus().to_str().unwrap_or_default()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let docs = json_lines(&out);
    assert_eq!(docs.len(), 15, "12 files and 3 JSON lines");
    // People, organisations and places with ids, roles and countries; events with their
    // participants.
    let visit = doc(&docs, "cz-de-2026-state-visit");
    let entity = |text: &str| {
        visit["entities"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|e| e["text"] == text)
            .cloned()
            .unwrap_or_default()
    };
    assert_eq!(entity("Petr Pavel")["kind"], "person");
    assert_eq!(entity("Petr Pavel")["role"], "President");
    assert_eq!(entity("Merz")["id"], "person:friedrich-merz");
    assert_eq!(entity("TUD")["id"], "org:technical-university-of-dresden");
    assert_eq!(entity("Dresden")["country"], "DE");
    let types: Vec<&str> = visit["events"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|e| e["type"].as_str())
        .collect();
    for t in [
        "visit",
        "meeting",
        "agreement",
        "establishment",
        "recognition",
        "award",
        "statement",
    ] {
        assert!(types.contains(&t), "no {t} event: {types:?}");
    }
    let html = doc(&docs, "cz-de-2023-trade-goal");
    assert_eq!(html["published"], "2023-04-02");
    assert_eq!(html["published_source"], "stated");
    assert_eq!(
        html["title"],
        "Berlin and Prague set €150 billion trade goal"
    );
    let md = doc(&docs, "pl-vn-2025-agreements");
    assert_eq!(md["published_source"], "inferred");
}

#[test]
fn extract_key_claims_of_the_example_corpus() {
    let out = run(&["extract", corpus().to_str().unwrap_or_default()]);
    let docs = json_lines(&out);

    let d = doc(&docs, "cz-de-2024-goal-raised");
    let exports: Vec<_> = claims_of(d, "exports").collect();
    assert_eq!(exports.len(), 1);
    let e = exports[0];
    assert_eq!(
        (e["from"].as_str(), e["to"].as_str()),
        (Some("CZ"), Some("DE"))
    );
    assert_eq!(e["value"]["amount"], 72.5e9);
    assert_eq!(e["value"]["unit"], "EUR");
    assert_eq!(e["value"]["bound"], "lower");
    assert_eq!(e["time"]["start"], "2023-01-01");
    let targets: Vec<f64> = claims_of(d, "trade_volume")
        .filter(|c| c["modality"] == "target")
        .filter_map(|c| c["value"]["amount"].as_f64())
        .collect();
    assert_eq!(targets, [150e9, 180e9], "old and new 2030 goals");

    let d = doc(&docs, "cz-de-2025-ministers");
    let trade = claims_of(d, "trade_volume")
        .find(|c| c["modality"] == "actual")
        .expect("actual trade claim");
    assert_eq!(trade["subjects"], serde_json::json!(["CZ", "DE"]));
    assert_eq!(trade["value"]["bound"], "approx");
    assert_eq!(trade["time"]["text"], "last year");
    assert_eq!(trade["time"]["start"], "2024-01-01");
    let students = claims_of(d, "student_count").next().expect("students");
    assert_eq!(
        (students["from"].as_str(), students["to"].as_str()),
        (Some("CZ"), Some("DE"))
    );
    assert_eq!(students["value"]["bound"], "upper");

    let d = doc(&docs, "pl-vn-2021-investors");
    let plan = claims_of(d, "investment").next().expect("investment");
    assert_eq!(plan["modality"], "plan");
    assert_eq!(
        (plan["from"].as_str(), plan["to"].as_str()),
        (Some("PL"), Some("VN"))
    );

    let d = doc(&docs, "cl-in-2024-cepa");
    let imports = claims_of(d, "imports").next().expect("imports");
    assert_eq!(
        (imports["from"].as_str(), imports["to"].as_str()),
        (Some("CL"), Some("IN"))
    );
    assert_eq!(imports["value"]["bound"], "upper");
}

#[test]
fn extract_spans_are_character_offsets_into_the_cleaned_text() {
    let out = run(&[
        "extract",
        "--with-text",
        corpus()
            .join("cz-de-2023-trade-goal.html")
            .to_str()
            .unwrap_or_default(),
    ]);
    assert_eq!(out.status.code(), Some(0));
    let docs = json_lines(&out);
    let d = &docs[0];
    let text: Vec<char> = d["text"].as_str().unwrap_or_default().chars().collect();
    let slice = |span: &Value| -> String {
        let s = span[0].as_u64().unwrap_or(0) as usize;
        let e = span[1].as_u64().unwrap_or(0) as usize;
        text[s..e].iter().collect()
    };
    for q in d["quantities"].as_array().into_iter().flatten() {
        assert_eq!(slice(&q["span"]), q["text"].as_str().unwrap_or_default());
    }
    for c in d["claims"].as_array().into_iter().flatten() {
        assert_eq!(slice(&c["span"]), c["quote"].as_str().unwrap_or_default());
    }
    let cleaned = d["text"].as_str().unwrap_or_default();
    for boilerplate in [
        "Skip to main content",
        "cookies",
        "Leave a comment",
        "Related stories",
        "All rights reserved",
        "Share",
    ] {
        assert!(!cleaned.contains(boilerplate), "kept {boilerplate:?}");
    }
}

#[test]
fn extract_reads_stdin_and_honours_published() {
    let mut child = factline()
        .args(["extract", "-", "--published", "2023-05-10"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{e}"));
    child
        .stdin
        .take()
        .map(|mut s| s.write_all(b"Headline\n\nThe two economies traded some 160 billion euros last year, Poland and Germany said.\n"))
        .transpose()
        .unwrap_or_else(|e| panic!("{e}"));
    let out = child.wait_with_output().unwrap_or_else(|e| panic!("{e}"));
    let docs = json_lines(&out);
    assert_eq!(docs[0]["published_source"], "given");
    let c = &docs[0]["claims"][0];
    assert_eq!(c["indicator"], "trade_volume");
    assert_eq!(c["time"]["start"], "2022-01-01");
    assert_eq!(c["value"]["amount"], 160e9);
}

#[test]
fn ingest_is_idempotent_and_queries_work() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let db = dir.path().join("ledger.db");
    let db = db.to_str().unwrap_or_default();
    let corpus = corpus();
    let corpus = corpus.to_str().unwrap_or_default();

    let first = run(&["ingest", corpus, "--db", db]);
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    let summary = stdout(&first);
    assert!(summary.contains("15 added"), "{summary}");
    assert!(summary.contains("0 skipped"), "{summary}");

    let claims_before = stdout(&run(&["claims", "--format", "jsonl", "--db", db]));
    let second = run(&["ingest", corpus, "--db", db]);
    assert!(
        stdout(&second).contains("0 added, 0 replaced, 15 unchanged"),
        "{}",
        stdout(&second)
    );
    let claims_after = stdout(&run(&["claims", "--format", "jsonl", "--db", db]));
    assert_eq!(
        claims_before, claims_after,
        "re-ingesting changed the ledger"
    );

    let timeline = run(&[
        "timeline",
        "trade_volume",
        "--entity",
        "CZ",
        "--entity",
        "DE",
        "--format",
        "csv",
        "--db",
        db,
    ]);
    assert_eq!(timeline.status.code(), Some(0));
    let csv = stdout(&timeline);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let headers = reader.headers().cloned().unwrap_or_else(|e| panic!("{e}"));
    let column = headers
        .iter()
        .position(|h| h == "time_start")
        .expect("time_start column");
    let periods: Vec<String> = reader
        .records()
        .map(|r| r.unwrap_or_else(|e| panic!("{e}"))[column].to_string())
        .collect();
    assert!(periods.len() >= 6, "{csv}");
    let mut sorted = periods.clone();
    sorted.sort();
    assert_eq!(periods, sorted, "timeline is in period order");
    assert!(
        csv.contains("cz-de-2022-record-trade") && csv.contains("105400000000"),
        "{csv}"
    );

    let table = stdout(&run(&["timeline", "--db", db]));
    assert!(table.contains("== trade_volume [CZ–DE] (EUR)"), "{table}");
    let header = table.lines().nth(1).unwrap_or_default();
    assert!(
        header.starts_with("period  value"),
        "columns shifted: {header}"
    );
    // Reconciled: the 2023 export figures conflict, the 2030 target was raised.
    assert!(
        table.contains("conflicts with cz-de-2024-exports-dip")
            && table.contains("superseded by cz-de-2024-goal-raised"),
        "{table}"
    );

    // The brief of the pair: latest value, raised target, conflict and outlier, all cited.
    let brief = run(&["brief", "--entity", "CZ", "--entity", "DE", "--db", db]);
    assert_eq!(brief.status.code(), Some(0), "{}", stderr(&brief));
    let md = stdout(&brief);
    for expected in [
        "# Brief: Czechia – Germany",
        "Trade volume between Czechia and Germany was about 120 billion EUR in 2024",
        "is more than 200 billion EUR by 2030; it replaced 180 billion EUR, which replaced 150 billion EUR",
        "Sources disagree on exports from Czechia to Germany in 2023: more than 72.5 billion EUR",
        "in 2025 is given as 11.8 billion EUR",
        // The chronology, from the state-visit article: who, where, what, how many.
        "## Chronology",
        "on 2026-05-12: President Petr Pavel visited Berlin.",
        "signed three memoranda on hydrogen pipelines",
        "met in Dresden (meeting no. 4 of its series)",
        "recognised the Czech Republic",
        // The hydrogen-talks article says only "Chancellor Merz" and "the Czech president":
        // both are named from the state-visit article, which shows who held the office.
        "reported 2026-10-07: Friedrich Merz and Petr Pavel met in Saxony.",
        // Announced, not yet happened: the chancellor is German as the state-visit article
        // says, so the visit is about the pair.
        "from 2026-11-01 to 2026-11-30: Friedrich Merz was to visit Prague.",
        // Aims are stated apart from what happened.
        "## Stated aims",
        "Czechia and Germany stated an aim: “aim to raise bilateral trade above €200 billion”",
        // Electricity exports to Austria and Germany are not about the pair alone.
        "1 further figure or event names these countries together with others and is left out",
    ] {
        assert!(md.contains(expected), "missing {expected:?} in\n{md}");
    }
    assert!(!md.contains("Austria"), "{md}");
    // Events are in date order: 1993 recognition before the 2023 meeting and the 2026 visit.
    let chronology: Vec<&str> = md
        .split("## Chronology")
        .nth(1)
        .unwrap_or_default()
        .lines()
        .take_while(|l| !l.starts_with("## "))
        .filter(|l| l.starts_with("- "))
        .collect();
    let years: Vec<&str> = chronology
        .iter()
        .filter_map(|l| {
            let at = l.find(|c: char| c.is_ascii_digit())?;
            l.get(at..at + 4)
        })
        .collect();
    assert!(years.len() >= 5, "{chronology:#?}");
    assert!(years.windows(2).all(|w| w[0] <= w[1]), "{chronology:#?}");
    let sources = md
        .lines()
        .filter(|l| l.starts_with(|c: char| c.is_ascii_digit()))
        .count();
    for line in md.lines().filter(|l| l.starts_with("- ")) {
        let marks: Vec<usize> = line
            .split('[')
            .skip(1)
            .filter_map(|m| m.split(']').next()?.parse().ok())
            .collect();
        assert!(!marks.is_empty(), "uncited: {line}");
        assert!(marks.iter().all(|&n| n >= 1 && n <= sources), "{line}");
    }
    let since = stdout(&run(&[
        "brief",
        "--entity",
        "CZ",
        "--entity",
        "DE",
        "--since",
        "2025-01-01",
        "--db",
        db,
    ]));
    assert!(!since.contains("cz-de-2022-record-trade"), "{since}");
    let page = stdout(&run(&[
        "brief", "--entity", "CZ", "--format", "html", "--db", db,
    ]));
    assert!(
        page.starts_with("<!doctype html>") && page.contains("<a class=\"cite\""),
        "{page}"
    );
    // Every citation leads to its sentence, marked in the cited article's text.
    let targets: Vec<&str> = page
        .split("<a class=\"cite\" href=\"#")
        .skip(1)
        .filter_map(|a| a.split('"').next())
        .collect();
    assert!(
        !targets.is_empty() && targets.iter().all(|t| t.starts_with('a')),
        "{targets:?}"
    );
    for t in targets {
        assert!(
            page.contains(&format!("<mark id=\"{t}\">")),
            "dangling #{t}"
        );
    }
    let bad = run(&["brief", "--since", "yesterday", "--db", db]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("--since"), "{}", stderr(&bad));

    let docs = run(&["docs", "--db", db]);
    assert_eq!(docs.status.code(), Some(0));
    assert!(stdout(&docs).contains("Ministers meet in Dresden as trade cools"));

    // `show` marks what was found and explains each claim and event by its words.
    let shown = run(&["show", "cz-de-2026-state-visit", "--db", db]);
    assert_eq!(shown.status.code(), Some(0), "{}", stderr(&shown));
    let shown = stdout(&shown);
    for expected in [
        "[Petr Pavel|person:petr-pavel CZ] visited [Berlin|DE] on [Tuesday|2026-05-12]",
        "[Dresden|geo:2935022 DE]",
        "[TUD|org:technical-university-of-dresden]",
        "C1 trade_volume CZ,DE",
        "value from \"€200 billion\"",
        "E3 agreement (CAMEO 057)",
        "count 3",
        "trigger \"signed\"",
    ] {
        assert!(shown.contains(expected), "missing {expected:?} in\n{shown}");
    }
    let talks = stdout(&run(&["show", "cz-de-2026-hydrogen-talks", "--db", db]));
    for expected in [
        "Chancellor [Merz|person:merz] met the [Czech president|role:CZ:president CZ]",
        "Linked across documents",
        "person:merz → person:friedrich-merz (Friedrich Merz), by surname",
        "role:CZ:president → person:petr-pavel (Petr Pavel), by role",
        // A month without a year in a clause about the future is the coming one.
        "[in December|2026-12]",
    ] {
        assert!(talks.contains(expected), "missing {expected:?} in\n{talks}");
    }
    let missing = run(&["show", "no-such-doc", "--db", db]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(
        stderr(&missing).contains("no-such-doc"),
        "{}",
        stderr(&missing)
    );

    let none = run(&["claims", "--indicator", "no_such_indicator", "--db", db]);
    assert_eq!(none.status.code(), Some(1), "nothing found is exit 1");
}

#[test]
fn bad_input_is_reported_by_file_and_never_stops_the_rest() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let write = |name: &str, bytes: &[u8]| {
        std::fs::write(dir.path().join(name), bytes).unwrap_or_else(|e| panic!("{e}"));
    };
    write("binary.txt", b"\x7fELF\0\0\x01garbage");
    write("latin1.txt", b"Caf\xe9 prices rose.");
    write("empty.txt", b"");
    write("nobody.html", b"<html><head><title>t</title></head></html>");
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(
        "Good\n\nPoland exported 5 million tonnes of coal to Germany in 2020.\n"
            .repeat(50)
            .as_bytes(),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let full = gz.finish().unwrap_or_else(|e| panic!("{e}"));
    write("truncated.txt.gz", &full[..full.len() / 2]);
    write("whole.txt.gz", &full);
    write(
        "good.txt",
        b"Good news\n\nCzech exports to Germany topped EUR 48.6 billion in 2023.\n",
    );
    let out = run(&["extract", dir.path().to_str().unwrap_or_default()]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    for (file, reason) in [
        ("binary.txt", "binary file"),
        ("latin1.txt", "invalid UTF-8"),
        ("empty.txt", "empty document"),
        ("nobody.html", "no body text"),
        ("truncated.txt.gz", "gzip"),
    ] {
        assert!(
            err.lines().any(|l| l.contains(file) && l.contains(reason)),
            "no {reason} for {file} in:\n{err}"
        );
    }
    assert!(!err.contains("panicked"));
    let docs = json_lines(&out);
    let ids: Vec<&str> = docs.iter().filter_map(|d| d["doc"].as_str()).collect();
    assert_eq!(ids, ["good", "whole"]);
}

#[test]
fn ingest_counts_skipped_lines_and_keeps_the_rest() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let input = dir.path().join("mixed.jsonl");
    std::fs::write(
        &input,
        "{\"id\":\"a\",\"text\":\"Polish exports to Vietnam reached $510 million in 2023.\"}\n{broken\n{\"id\":\"c\",\"text\":\"Trade grew.\"}\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let db = dir.path().join("l.db");
    let out = run(&[
        "ingest",
        input.to_str().unwrap_or_default(),
        "--db",
        db.to_str().unwrap_or_default(),
    ]);
    assert_eq!(out.status.code(), Some(2), "anything skipped makes exit 2");
    let summary = stdout(&out);
    assert!(
        summary.contains("2 added") && summary.contains("1 skipped"),
        "{summary}"
    );
    assert!(
        summary.contains("mixed.jsonl:2: malformed JSON"),
        "{summary}"
    );
    let docs = stdout(&run(&[
        "docs",
        "--format",
        "csv",
        "--db",
        db.to_str().unwrap_or_default(),
    ]));
    assert_eq!(
        docs.lines().count(),
        3,
        "header + the two good documents:\n{docs}"
    );
}

#[test]
fn overlong_json_line_is_skipped_with_its_line_number() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("big.jsonl");
    let mut f = std::fs::File::create(&path).unwrap_or_else(|e| panic!("{e}"));
    let filler = "x".repeat(1 << 20);
    write!(f, "{{\"id\":\"huge\",\"text\":\"").unwrap_or_else(|e| panic!("{e}"));
    for _ in 0..40 {
        f.write_all(filler.as_bytes())
            .unwrap_or_else(|e| panic!("{e}"));
    }
    writeln!(f, "\"}}").unwrap_or_else(|e| panic!("{e}"));
    writeln!(f, "{{\"id\":\"small\",\"text\":\"Trade grew.\"}}").unwrap_or_else(|e| panic!("{e}"));
    drop(f);
    let out = run(&["extract", path.to_str().unwrap_or_default()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("big.jsonl:1: document too large"),
        "{}",
        stderr(&out)
    );
    let docs = json_lines(&out);
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0]["doc"], "small");
}

#[test]
fn queries_without_a_database_fail_clearly() {
    let out = run(&["claims", "--db", "/nonexistent/dir/none.db"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no database at /nonexistent/dir/none.db"));
}

#[test]
fn every_command_has_help_with_an_example() {
    for cmd in [
        "extract", "ingest", "claims", "timeline", "brief", "show", "docs", "bench",
    ] {
        let out = run(&[cmd, "--help"]);
        assert_eq!(out.status.code(), Some(0));
        assert!(
            stdout(&out).contains("Example:"),
            "{cmd} --help has no example"
        );
    }
}

fn conformance_fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/conformance")
}

#[test]
fn conformance_scores_spec_files_and_meantime_and_writes_json() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let json = dir.path().join("scores.json");
    let fixtures = conformance_fixtures();
    let out = run(&[
        "conformance",
        &fixtures.join("Specs").to_string_lossy(),
        "--meantime",
        &fixtures.join("meantime").to_string_lossy(),
        "--json",
        &json.to_string_lossy(),
    ]);
    assert!(out.status.success(), "stderr: {}", stderr(&out));
    let table = stdout(&out);
    assert!(table.contains("Number/English/NumberModel.json"), "{table}");
    let report: Value = serde_json::from_str(
        &std::fs::read_to_string(&json).unwrap_or_else(|e| panic!("no JSON report: {e}")),
    )
    .unwrap_or_else(|e| panic!("bad JSON report: {e}"));
    let number = report["specs"]
        .as_array()
        .and_then(|a| a.iter().find(|s| s["model"] == "number"))
        .unwrap_or_else(|| panic!("no number file in {report}"));
    // Four cases, one flagged for .NET and beyond factline; the other three pass.
    assert_eq!(number["all"]["cases"], 4);
    assert_eq!(number["all"]["resolution"], 3);
    assert_eq!(number["dotnet"]["cases"], 3);
    assert_eq!(number["flagged_dotnet"], 1);
    let currency = report["specs"]
        .as_array()
        .and_then(|a| a.iter().find(|s| s["model"] == "currency"))
        .unwrap_or_else(|| panic!("no currency file in {report}"));
    assert_eq!(currency["all"]["resolution"], 2, "{currency}");
    // MEANTIME: "2008" and "yesterday" found and right; the dateline is the creation time.
    let time = &report["meantime"];
    assert_eq!(
        (time["gold"].as_u64(), time["found"].as_u64()),
        (Some(2), Some(2))
    );
    assert_eq!(time["value_matches"], 2, "{time}");
}

#[test]
fn conformance_ratchet_fails_on_a_drop_and_raise_records_the_run() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let ratchet = dir.path().join("ratchet.json");
    let specs = conformance_fixtures().join("Specs");
    let specs = specs.to_string_lossy();
    let raise = run(&[
        "conformance",
        &specs,
        "--ratchet",
        &ratchet.to_string_lossy(),
        "--raise",
    ]);
    assert!(raise.status.success(), "stderr: {}", stderr(&raise));
    let recorded: Value = serde_json::from_str(
        &std::fs::read_to_string(&ratchet).unwrap_or_else(|e| panic!("no ratchet: {e}")),
    )
    .unwrap_or_else(|e| panic!("bad ratchet: {e}"));
    assert_eq!(recorded["specs"]["Number/English/NumberModel.json"], 75.0);
    let ok = run(&[
        "conformance",
        &specs,
        "--ratchet",
        &ratchet.to_string_lossy(),
    ]);
    assert!(ok.status.success(), "stderr: {}", stderr(&ok));
    // A recorded rate above what the recognizers reach is a regression: exit 2, named.
    let higher = r#"{"specs": {"Number/English/NumberModel.json": 100.0}}"#;
    std::fs::write(&ratchet, higher).unwrap_or_else(|e| panic!("write: {e}"));
    let fail = run(&[
        "conformance",
        &specs,
        "--ratchet",
        &ratchet.to_string_lossy(),
    ]);
    assert_eq!(fail.status.code(), Some(2));
    assert!(
        stderr(&fail).contains("NumberModel.json: now 75.0, recorded 100.0"),
        "{}",
        stderr(&fail)
    );
}

#[test]
fn conformance_names_a_broken_spec_file() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let file = dir.path().join("Number/English/NumberModel.json");
    std::fs::create_dir_all(file.parent().unwrap_or(dir.path())).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(&file, "[{\"Input\": \"x\"}]").unwrap_or_else(|e| panic!("write: {e}"));
    let out = run(&["conformance", &dir.path().to_string_lossy()]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("NumberModel.json") && err.contains("case 1"),
        "{err}"
    );
}
