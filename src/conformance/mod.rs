//! Conformance: measures factline's recognizers against test suites other people wrote, so a
//! change to a recognizer shows at once what it gains and what it breaks.
//!
//! - [`specs`] reads the Microsoft Recognizers-Text English spec files and scores each case:
//!   extraction (same results, spans and types) and resolution (same normalized values);
//! - [`adapt`] runs factline's recognizers on a spec input and writes the results in the
//!   spec's vocabulary (type names, character offsets, resolution fields);
//! - [`meantime`] evaluates the time recognizer on MEANTIME's TIMEX3 annotations;
//! - [`ratchet`] compares a run with the pass rates recorded in the repository.
//!
//! Nothing here is used by the pipeline; it reads the recognizers, never the other way round.

pub mod adapt;
pub mod meantime;
pub mod ratchet;
pub mod specs;

use std::path::PathBuf;

/// Why a conformance run could not read its inputs.
#[derive(Debug, thiserror::Error)]
pub enum ConformanceError {
    /// A file or folder could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// A spec file is not valid JSON.
    #[error("{path}: invalid JSON: {source}")]
    Json {
        /// The file.
        path: PathBuf,
        /// The cause, with line and column.
        source: serde_json::Error,
    },
    /// A spec file or annotation does not have the expected shape.
    #[error("{path}: {place}: {what}")]
    Schema {
        /// The file.
        path: PathBuf,
        /// Where in the file (case number, element).
        place: String,
        /// What is wrong.
        what: String,
    },
    /// A MEANTIME file is not well-formed XML.
    #[error("{path}: invalid XML: {source}")]
    Xml {
        /// The file.
        path: PathBuf,
        /// The cause, with position.
        source: roxmltree::Error,
    },
    /// The folder holds no file to evaluate.
    #[error("{path}: no {what} found")]
    Empty {
        /// The folder.
        path: PathBuf,
        /// What was looked for.
        what: &'static str,
    },
}

/// Lists the files under `dir` (recursively) whose name ends with `suffix`, sorted.
pub(crate) fn files_under(
    dir: &std::path::Path,
    suffix: &str,
) -> Result<Vec<PathBuf>, ConformanceError> {
    let io = |source| ConformanceError::Io {
        path: dir.to_path_buf(),
        source,
    };
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).map_err(io)? {
            let path = entry.map_err(io)?.path();
            if path.is_dir() {
                stack.push(path);
            } else if path
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.ends_with(suffix))
            {
                out.push(path);
            }
        }
    }
    out.sort();
    Ok(out)
}
