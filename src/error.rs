//! The library's error type, and the exit code each error maps to.

use std::path::PathBuf;

/// Exit codes, documented in the README. Cron and scripts act on them.
pub mod exit {
    /// Success (for `search`: at least one hit).
    pub const OK: i32 = 0;
    /// `search`/`statements`: the query ran and matched nothing.
    pub const NO_MATCH: i32 = 1;
    /// Bad command line, query syntax or unknown field.
    pub const USAGE: i32 = 2;
    /// `index` finished, but some input files were reported (skipped or failed).
    pub const PARTIAL: i32 = 3;
    /// No index at the given place.
    pub const NO_INDEX: i32 = 4;
    /// The index is of another schema version, not an archiv index, or corrupt.
    pub const INCOMPATIBLE: i32 = 5;
    /// Another `archiv index` holds the writer lock.
    pub const LOCKED: i32 = 6;
    /// Reading or writing failed (disk full, permissions, …).
    pub const IO: i32 = 7;
    /// Query syntax error.
    pub const QUERY_SYNTAX: i32 = 8;
    /// Unknown field in the query.
    pub const UNKNOWN_FIELD: i32 = 9;
    /// `index` refused to delete most of the index (empty or unmounted
    /// archive); `--allow-mass-delete` overrides.
    pub const MASS_DELETE: i32 = 10;
    /// A bug in archiv.
    pub const INTERNAL: i32 = 70;
}

/// Everything that can go wrong in archiv.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("no archiv index at {path}\n  make one with: archiv index --index {path} ARCHIVE_DIR")]
    NoIndex { path: PathBuf },

    #[error("{path} is a file, not an index folder\n  --index (or $ARCHIV_INDEX) names a folder; `archiv index --index DIR ARCHIVE_DIR` creates it")]
    IndexIsAFile { path: PathBuf },

    #[error("{path} is not an archiv index ({reason})\n  nothing in it was changed; choose another --index folder (a new or an empty one): archiv writes only in folders it made")]
    NotAnIndex { path: PathBuf, reason: String },

    #[error("the index at {path} has schema version {found}; this archiv needs version {expected}\n  rebuild it with: archiv index --rebuild --index {path} ARCHIVE_DIR")]
    Incompatible {
        path: PathBuf,
        found: String,
        expected: u32,
    },

    #[error("the index at {path} is damaged: {reason}\n  rebuild it with: archiv index --rebuild --index {path} ARCHIVE_DIR")]
    Corrupt { path: PathBuf, reason: String },

    #[error("another `archiv index` is writing to {path} (lock held on {lock})\n  wait for it to finish, or pass --wait to queue behind it")]
    Locked { path: PathBuf, lock: PathBuf },

    #[error("the archive folder {path} does not exist or is not a folder\n  check the path (is the share mounted?); the index was not changed")]
    NoArchive { path: PathBuf },

    #[error("refusing to index {archive}: the run would delete {would_delete} of the {total} indexed files (more than half)\n  the index at {index} was not changed; is the archive empty or not mounted?\n  if the files really are gone, run again with --allow-mass-delete")]
    MassDelete {
        index: PathBuf,
        archive: PathBuf,
        would_delete: usize,
        total: usize,
    },

    #[error("query syntax error: {message}\n  {query}\n  {marker}\n  put text with [ ] {{ }} ^ ~ in quotes, e.g. \"Ergebnis [vorläufig]\"")]
    QuerySyntax {
        query: String,
        marker: String,
        message: String,
    },

    #[error("unknown field `{field}` in the query\n  known fields: {known}\n  (to search for a word followed by a colon, put it in quotes)")]
    UnknownField { field: String, known: String },

    #[error("{0}")]
    Usage(String),

    #[error("{action} {path}: {source}")]
    Io {
        action: &'static str,
        path: PathBuf,
        source: std::io::Error,
    },

    #[error("cannot write the index at {path}: {source}\n  the index keeps what its last commit holds and stays searchable; free space or fix permissions, then run again")]
    IndexWrite {
        path: PathBuf,
        source: tantivy::TantivyError,
    },

    #[error("index error: {0}")]
    Index(#[from] tantivy::TantivyError),

    #[error("internal error: {0}")]
    Internal(String),
}

impl Error {
    /// The process exit code for this error.
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::NoIndex { .. } => exit::NO_INDEX,
            Error::NotAnIndex { .. } | Error::Incompatible { .. } | Error::Corrupt { .. } => {
                exit::INCOMPATIBLE
            }
            Error::Locked { .. } => exit::LOCKED,
            Error::MassDelete { .. } => exit::MASS_DELETE,
            Error::NoArchive { .. } | Error::IndexIsAFile { .. } | Error::Usage(_) => exit::USAGE,
            Error::QuerySyntax { .. } => exit::QUERY_SYNTAX,
            Error::UnknownField { .. } => exit::UNKNOWN_FIELD,
            Error::Io { .. } | Error::IndexWrite { .. } => exit::IO,
            Error::Index(tantivy::TantivyError::IoError(_)) => exit::IO,
            Error::Index(_) => exit::INCOMPATIBLE,
            Error::Internal(_) => exit::INTERNAL,
        }
    }

    /// An I/O error on `path`.
    pub fn io(action: &'static str, path: impl Into<PathBuf>, source: std::io::Error) -> Error {
        Error::Io {
            action,
            path: path.into(),
            source,
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
