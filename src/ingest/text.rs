//! Plain text and Markdown: the first meaningful line is the title; Markdown markup that
//! would disturb sentences (heading marks, emphasis, link targets) is kept as is here and
//! handled by `clean`, so offsets stay those of the file.

use super::IngestErrorKind;
use crate::model::RawDocument;

/// Wraps a text file's contents as a document whose first meaningful line is its title.
pub fn parse(id: &str, origin: &str, text: &str) -> Result<RawDocument, IngestErrorKind> {
    if text.trim().is_empty() {
        return Err(IngestErrorKind::Empty);
    }
    Ok(RawDocument {
        id: id.to_string(),
        origin: origin.to_string(),
        title: None,
        published: None,
        text: text.to_string(),
        title_in_text: true,
        url: None,
    })
}
