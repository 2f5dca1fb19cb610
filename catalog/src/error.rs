//! The crate's one error type.

use std::fmt;

/// What went wrong, for callers that branch on it (the app maps it to the `kind` the UI sees).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// Embedded or loaded catalog data is malformed or fails validation.
    InvalidData,
    /// A caller's argument is out of range, of an unknown value, or otherwise unusable.
    InvalidInput,
    /// An id names no model, source preset or entry.
    NotFound,
}

impl ErrorKind {
    /// The stable, lower-case name of the kind, as it crosses the IPC boundary.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::InvalidData => "invalid_data",
            ErrorKind::InvalidInput => "invalid_input",
            ErrorKind::NotFound => "not_found",
        }
    }
}

/// An error with a kind to match on and a message that names the file, model or field at fault.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    message: String,
}

impl Error {
    /// A new error of `kind` with a human-readable `message`.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Error {
            kind,
            message: message.into(),
        }
    }

    /// Bad catalog data: `place` names the file and model, `field` the field.
    pub fn invalid_data(place: &str, field: &str, reason: impl fmt::Display) -> Self {
        Error::new(
            ErrorKind::InvalidData,
            format!("{place}: field `{field}`: {reason}"),
        )
    }

    /// A bad argument: `field` names it as the user knows it.
    pub fn invalid_input(field: &str, reason: impl fmt::Display) -> Self {
        Error::new(ErrorKind::InvalidInput, format!("{field}: {reason}"))
    }

    /// Nothing is known by `id` (shown shortened: an id comes from the caller and may be huge).
    pub fn not_found(what: &str, id: &str) -> Self {
        Error::new(
            ErrorKind::NotFound,
            format!("no {what} with id `{}`", shorten(id, 60)),
        )
    }

    /// The kind of error.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The message, without the kind.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

/// `text` cut to `max` characters, with an ellipsis when cut: for a caller's text inside a
/// message, which must stay readable however long the text was.
pub(crate) fn shorten(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        None => text.to_owned(),
        Some((end, _)) => format!("{}…", &text[..end]),
    }
}

/// The crate's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
