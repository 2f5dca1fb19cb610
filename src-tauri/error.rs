//! The error every command returns. It crosses the IPC boundary as `{ "kind", "message" }`;
//! the UI branches on `kind`, which is stable, and shows `message`, which is for people.

use serde::Serialize;

/// Stable error kinds, as the UI sees them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// An argument is malformed, out of range or an unknown value.
    InvalidInput,
    /// An id names nothing.
    NotFound,
    /// Embedded or loaded data failed validation.
    InvalidData,
    /// Reading or writing the user's data failed.
    Storage,
}

/// A command's failure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct AppError {
    pub kind: ErrorKind,
    pub message: String,
}

impl AppError {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        AppError {
            kind,
            message: message.into(),
        }
    }
}

impl std::fmt::Display for AppError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for AppError {}

impl From<headroom_domain::Error> for AppError {
    fn from(e: headroom_domain::Error) -> Self {
        use headroom_domain::ErrorKind as K;
        let kind = match e.kind() {
            K::InvalidInput => ErrorKind::InvalidInput,
            K::NotFound => ErrorKind::NotFound,
            K::InvalidData => ErrorKind::InvalidData,
            // The catalog's kind enum is non-exhaustive; a new kind is a bad-input kind until
            // the UI learns it.
            _ => ErrorKind::InvalidInput,
        };
        AppError::new(kind, e.message())
    }
}

pub type CmdResult<T> = Result<T, AppError>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crosses_ipc_as_kind_and_message() {
        let json = serde_json::to_value(AppError::new(ErrorKind::NotFound, "no model with id `x`"))
            .unwrap();
        assert_eq!(
            json,
            serde_json::json!({ "kind": "not_found", "message": "no model with id `x`" })
        );
        let json = serde_json::to_value(AppError::new(ErrorKind::InvalidInput, "m")).unwrap();
        assert_eq!(json["kind"], "invalid_input");
        let json = serde_json::to_value(AppError::new(ErrorKind::Storage, "m")).unwrap();
        assert_eq!(json["kind"], "storage");
    }

    #[test]
    fn catalog_errors_keep_their_kind() {
        let e: AppError = headroom_domain::Error::not_found("model", "x").into();
        assert_eq!(e.kind, ErrorKind::NotFound);
        let e: AppError = headroom_domain::Error::invalid_input("hours", "too long").into();
        assert_eq!(e.kind, ErrorKind::InvalidInput);
        assert_eq!(e.message, "hours: too long");
    }
}
