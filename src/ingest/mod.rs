//! Ingest: turns files, folders and standard input into [`RawDocument`]s.
//!
//! Framing (how bytes become records: a whole file, or one JSON object per line; gzip or not)
//! is handled here; the formats (plain text, HTML, JSON Lines) live in their own modules.
//! Reading streams: a JSON Lines file is never loaded whole, and a record larger than
//! [`MAX_DOCUMENT_BYTES`] is refused without being held in memory. Every problem becomes an
//! [`IngestError`] naming the file (and line), and never stops the other documents.

pub mod html;
pub mod jsonl;
pub mod text;

use crate::model::RawDocument;
use flate2::read::MultiGzDecoder;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// The largest document (or JSON line) factline reads; larger ones are skipped with a message.
pub const MAX_DOCUMENT_BYTES: usize = 32 * 1024 * 1024;

/// Why a document could not be read.
#[derive(Debug, thiserror::Error)]
pub enum IngestErrorKind {
    /// The file could not be opened or read.
    #[error("cannot read: {0}")]
    Io(#[from] io::Error),
    /// The gzip stream ended early or is corrupt.
    #[error("truncated or corrupt gzip data: {0}")]
    Gzip(io::Error),
    /// The bytes contain NUL characters: not a text document.
    #[error("binary file (NUL byte at byte {0})")]
    Binary(usize),
    /// The bytes are not valid UTF-8.
    #[error("invalid UTF-8 at byte {offset} (line {line})")]
    InvalidUtf8 {
        /// Byte offset of the first invalid sequence.
        offset: usize,
        /// Line of the first invalid sequence (1-based).
        line: usize,
    },
    /// Nothing but whitespace.
    #[error("empty document")]
    Empty,
    /// Larger than [`MAX_DOCUMENT_BYTES`].
    #[error("document too large: more than {limit} bytes (limit)")]
    TooLarge {
        /// The limit that was exceeded.
        limit: usize,
    },
    /// A JSON line that does not parse or lacks the fields factline needs.
    #[error("malformed JSON: {0}")]
    Json(String),
    /// HTML with no readable text in its body.
    #[error("HTML has no body text")]
    NoBody,
    /// A stage failed on this document: a bug in factline, reported instead of stopping the
    /// run so the other documents are still read.
    #[error("extraction failed (a bug in factline; please report it with this document): {0}")]
    Failed(String),
}

/// A document that could not be read, with the place it came from.
#[derive(Debug, thiserror::Error)]
#[error("{origin}: {kind}")]
pub struct IngestError {
    /// File path, with `:LINE` for JSON Lines records.
    pub origin: String,
    /// What went wrong.
    pub kind: IngestErrorKind,
}

impl IngestError {
    pub(crate) fn new(origin: impl Into<String>, kind: IngestErrorKind) -> Self {
        IngestError {
            origin: origin.into(),
            kind,
        }
    }
}

/// One thing to read: a path (file or folder) or standard input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A file or a folder (read recursively).
    Path(PathBuf),
    /// Standard input; its format is sniffed from the first bytes.
    Stdin,
}

impl Input {
    /// `-` means standard input; anything else is a path.
    pub fn parse(arg: &str) -> Self {
        if arg == "-" {
            Input::Stdin
        } else {
            Input::Path(PathBuf::from(arg))
        }
    }
}

/// The formats factline reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text or Markdown: first meaningful line is the title.
    Text,
    /// An HTML page.
    Html,
    /// One JSON article per line.
    JsonLines,
}

/// Lists the files under the given inputs, folders recursively in name order; hidden files
/// and folders are passed over. Unreadable folders are reported as errors.
pub fn expand(inputs: &[Input]) -> Vec<Result<Input, IngestError>> {
    let mut out = Vec::new();
    for input in inputs {
        match input {
            Input::Stdin => out.push(Ok(Input::Stdin)),
            Input::Path(p) if p.is_dir() => walk_dir(p, &mut out),
            Input::Path(p) => out.push(Ok(Input::Path(p.clone()))),
        }
    }
    out
}

fn walk_dir(dir: &Path, out: &mut Vec<Result<Input, IngestError>>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) => {
            out.push(Err(IngestError::new(dir.display().to_string(), e.into())));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| !is_hidden(p))
        .collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            walk_dir(&p, out);
        } else {
            out.push(Ok(Input::Path(p)));
        }
    }
}

fn is_hidden(p: &Path) -> bool {
    p.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with('.'))
}

/// The document id a file gives its document: the file name without its extensions.
pub fn id_from_path(path: &Path) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    match name.find('.') {
        Some(0) | None => name,
        Some(i) => name[..i].to_string(),
    }
}

/// The format a file name announces (`.gz` looked through), if any.
pub fn format_from_name(path: &Path) -> Option<Format> {
    let name = path.file_name()?.to_str()?.to_ascii_lowercase();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    let ext = name.rsplit('.').next()?;
    match ext {
        "txt" | "md" | "markdown" | "text" => Some(Format::Text),
        "html" | "htm" | "xhtml" => Some(Format::Html),
        "jsonl" | "ndjson" | "json" => Some(Format::JsonLines),
        _ => None,
    }
}

/// Guesses the format from the first bytes of a stream.
pub fn sniff_format(head: &[u8]) -> Format {
    let start = head
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .map_or(&[][..], |i| &head[i..]);
    if start.starts_with(b"{") {
        Format::JsonLines
    } else if start.starts_with(b"<") {
        Format::Html
    } else {
        Format::Text
    }
}

/// Reads one input and hands each document (or error) to `sink`, in order.
///
/// A JSON Lines file yields one item per line; every other file yields one item.
pub fn read_input(input: &Input, sink: &mut dyn FnMut(Result<RawDocument, IngestError>)) {
    let (origin, id, named_format, reader): (String, String, Option<Format>, Box<dyn Read>) =
        match input {
            Input::Stdin => (
                "<stdin>".into(),
                "stdin".into(),
                None,
                Box::new(io::stdin().lock()),
            ),
            Input::Path(p) => {
                let file = match File::open(p) {
                    Ok(f) => f,
                    Err(e) => {
                        return sink(Err(IngestError::new(p.display().to_string(), e.into())))
                    }
                };
                let gz = p.extension().is_some_and(|e| e.eq_ignore_ascii_case("gz"));
                let reader: Box<dyn Read> = if gz {
                    Box::new(GzipReader(MultiGzDecoder::new(BufReader::new(file))))
                } else {
                    Box::new(file)
                };
                (
                    p.display().to_string(),
                    id_from_path(p),
                    format_from_name(p),
                    reader,
                )
            }
        };
    let mut reader = BufReader::with_capacity(256 * 1024, reader);
    let format = match named_format {
        Some(f) => f,
        None => match reader.fill_buf() {
            Ok(head) => sniff_format(head),
            Err(e) => return sink(Err(IngestError::new(origin, classify_io(e)))),
        },
    };
    match format {
        Format::JsonLines => jsonl::read_lines(&origin, reader, sink),
        Format::Text | Format::Html => {
            let result = read_whole(reader)
                .and_then(decode_text)
                .and_then(|s| match format {
                    Format::Html => html::parse(&id, &origin, &s),
                    _ => text::parse(&id, &origin, &s),
                })
                .map_err(|kind| IngestError::new(origin.clone(), kind));
            sink(result)
        }
    }
}

/// Marks errors coming out of the gzip decoder so they are reported as gzip problems.
struct GzipReader<R>(R);

impl<R: Read> Read for GzipReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.0
            .read(buf)
            .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, GzipFault(e)))
    }
}

#[derive(Debug)]
struct GzipFault(io::Error);

impl std::fmt::Display for GzipFault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl std::error::Error for GzipFault {}

/// Turns an I/O error into the error kind users see (gzip faults named as such).
pub(crate) fn classify_io(e: io::Error) -> IngestErrorKind {
    let is_gzip = e
        .get_ref()
        .is_some_and(|inner| inner.downcast_ref::<GzipFault>().is_some());
    if is_gzip {
        let inner = e
            .into_inner()
            .and_then(|b| b.downcast::<GzipFault>().ok())
            .map(|g| g.0)
            .unwrap_or_else(|| io::Error::other("gzip"));
        IngestErrorKind::Gzip(inner)
    } else {
        IngestErrorKind::Io(e)
    }
}

/// Reads a whole stream, refusing more than [`MAX_DOCUMENT_BYTES`].
fn read_whole(reader: impl Read) -> Result<Vec<u8>, IngestErrorKind> {
    let mut bytes = Vec::new();
    reader
        .take(MAX_DOCUMENT_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(classify_io)?;
    if bytes.len() > MAX_DOCUMENT_BYTES {
        return Err(IngestErrorKind::TooLarge {
            limit: MAX_DOCUMENT_BYTES,
        });
    }
    Ok(bytes)
}

/// Checks that bytes are non-empty UTF-8 text and returns the text (BOM removed), reusing
/// the buffer.
pub(crate) fn decode_text(bytes: Vec<u8>) -> Result<String, IngestErrorKind> {
    reject_binary(&bytes)?;
    let mut text =
        String::from_utf8(bytes).map_err(|e| invalid_utf8(e.as_bytes(), e.utf8_error()))?;
    let bom = text.len() - without_bom(&text)?.len();
    text.drain(..bom);
    Ok(text)
}

/// [`decode_text`] without the copy: the checked text, borrowed.
pub(crate) fn check_text(bytes: &[u8]) -> Result<&str, IngestErrorKind> {
    reject_binary(bytes)?;
    let text = std::str::from_utf8(bytes).map_err(|e| invalid_utf8(bytes, e))?;
    without_bom(text)
}

/// Bytes with a NUL among their first 8 KiB are binary, not text.
fn reject_binary(bytes: &[u8]) -> Result<(), IngestErrorKind> {
    let probe = &bytes[..bytes.len().min(8192)];
    match probe.iter().position(|&b| b == 0) {
        Some(i) => Err(IngestErrorKind::Binary(i)),
        None => Ok(()),
    }
}

/// The error for invalid UTF-8 in `bytes`: where it starts, as a byte offset and a line.
fn invalid_utf8(bytes: &[u8], e: std::str::Utf8Error) -> IngestErrorKind {
    let offset = e.valid_up_to();
    let line = bytes[..offset].iter().filter(|&&b| b == b'\n').count() + 1;
    IngestErrorKind::InvalidUtf8 { offset, line }
}

/// `text` without a leading byte-order mark; an error when only whitespace is left.
fn without_bom(text: &str) -> Result<&str, IngestErrorKind> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(IngestErrorKind::Empty);
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_drops_all_extensions() {
        assert_eq!(id_from_path(Path::new("a/b/story-1.html.gz")), "story-1");
        assert_eq!(id_from_path(Path::new("notes.txt")), "notes");
    }

    #[test]
    fn format_looks_through_gzip() {
        assert_eq!(
            format_from_name(Path::new("x.jsonl.gz")),
            Some(Format::JsonLines)
        );
        assert_eq!(format_from_name(Path::new("x.HTM")), Some(Format::Html));
        assert_eq!(format_from_name(Path::new("x.md")), Some(Format::Text));
        assert_eq!(format_from_name(Path::new("x.bin")), None);
    }

    #[test]
    fn sniffing_reads_first_non_space_byte() {
        assert_eq!(sniff_format(b"  {\"id\":1}"), Format::JsonLines);
        assert_eq!(sniff_format(b"\n<!doctype html>"), Format::Html);
        assert_eq!(sniff_format(b"Headline\n\nBody"), Format::Text);
    }

    #[test]
    fn decoding_rejects_binary_invalid_and_empty() {
        assert!(matches!(
            decode_text(b"ab\0c".to_vec()),
            Err(IngestErrorKind::Binary(2))
        ));
        assert!(matches!(
            decode_text(b"ok\nline two \xff".to_vec()),
            Err(IngestErrorKind::InvalidUtf8 {
                offset: 12,
                line: 2
            })
        ));
        assert!(matches!(
            decode_text(b" \n\t".to_vec()),
            Err(IngestErrorKind::Empty)
        ));
        assert_eq!(
            decode_text("\u{feff}Hi".as_bytes().to_vec())
                .ok()
                .as_deref(),
            Some("Hi")
        );
    }

    #[test]
    fn checking_borrowed_bytes_gives_the_same_verdicts() {
        assert!(matches!(
            check_text(b"ab\0c"),
            Err(IngestErrorKind::Binary(2))
        ));
        assert!(matches!(
            check_text(b"ok\nline two \xff"),
            Err(IngestErrorKind::InvalidUtf8 {
                offset: 12,
                line: 2
            })
        ));
        assert!(matches!(check_text(b" \n\t"), Err(IngestErrorKind::Empty)));
        assert_eq!(check_text("\u{feff}Hi".as_bytes()).ok(), Some("Hi"));
    }
}
