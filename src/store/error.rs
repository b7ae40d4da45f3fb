//! Why the database could not be opened or used, sorted by what the person running quotebot has
//! to do about it: each message names the file and the fix. Turning SQLite's and the file
//! system's answers into these cases happens here and nowhere else.

use std::path::{Path, PathBuf};
use std::time::Duration;

/// Why the store could not be opened or used; each says what to do.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The folder for the database is missing and could not be created (a part of the path is a
    /// file, or the parent folder is not writable).
    #[error(
        "cannot create the folder {dir} for the database ({error}); create it yourself, or set DATABASE_PATH to a file in a folder that exists"
    )]
    Folder {
        dir: PathBuf,
        /// Not a `source`: the message already says it, and anyhow would print it twice.
        error: std::io::Error,
    },
    /// DATABASE_PATH names a folder rather than a file.
    #[error(
        "DATABASE_PATH {path} is a folder, not a file; point it at a file inside it, for example {}",
        path.join("quotebot.sqlite3").display()
    )]
    IsFolder { path: PathBuf },
    /// The file, its folder or the whole file system cannot be written. SQLite needs the folder
    /// too: it keeps `-wal` and `-shm` files beside the database.
    #[error(
        "database {path} cannot be written ({reason}); quotebot must be able to write the file and create files next to it ({path}-wal, {path}-shm, {path}.lock): make the file and its folder writable for the user running quotebot, or set DATABASE_PATH to a writable place"
    )]
    Unwritable { path: PathBuf, reason: String },
    /// Another quotebot has this database open (it holds the lock file).
    #[error(
        "another quotebot{} is using {path}; stop it first, or give this one its own file with DATABASE_PATH",
        pid.map(|p| format!(" (process {p})")).unwrap_or_default()
    )]
    InUse { path: PathBuf, pid: Option<u32> },
    /// Some other program kept the database's write lock for longer than quotebot waits.
    #[error(
        "database {path} stayed locked by another program for {} s (a sqlite3 shell with an open transaction, a backup, or another quotebot); stop it, or set DATABASE_PATH to a different file",
        waited.as_secs()
    )]
    Busy { path: PathBuf, waited: Duration },
    /// The file exists but is not an SQLite database, or is damaged.
    #[error(
        "{path} is not a usable quotebot database ({reason}); if DATABASE_PATH points at the wrong file, correct it; otherwise move this file away (quotebot then starts an empty database) or restore a backup"
    )]
    NotADatabase { path: PathBuf, reason: String },
    /// Any other SQLite failure: disk full, an I/O error.
    #[error(
        "database {path}: {error}; check that the disk has free space and the file is readable and writable"
    )]
    Sqlite {
        path: PathBuf,
        error: rusqlite::Error,
    },
    /// The file was written by a newer quotebot.
    #[error(
        "database {path} has schema version {found}, newer than this quotebot knows ({known}); upgrade quotebot or restore a backup"
    )]
    TooNew {
        path: PathBuf,
        found: i64,
        known: usize,
    },
}

impl StoreError {
    /// Sorts an SQLite failure on the database at `path` by what the user must do.
    pub(crate) fn from_sqlite(path: &Path, source: rusqlite::Error) -> StoreError {
        use rusqlite::ErrorCode as Code;
        let path = path.to_path_buf();
        let reason = match &source {
            rusqlite::Error::SqliteFailure(e, Some(msg)) => {
                format!("{msg}, code {}", e.extended_code)
            }
            other => other.to_string(),
        };
        match source.sqlite_error_code() {
            Some(Code::ReadOnly | Code::CannotOpen | Code::PermissionDenied) => {
                StoreError::Unwritable { path, reason }
            }
            Some(Code::DatabaseBusy | Code::DatabaseLocked) => StoreError::Busy {
                path,
                waited: super::BUSY_TIMEOUT,
            },
            Some(Code::NotADatabase | Code::DatabaseCorrupt) => {
                StoreError::NotADatabase { path, reason }
            }
            _ => StoreError::Sqlite {
                path,
                error: source,
            },
        }
    }

    /// Sorts a failure to create or lock the lock file beside the database.
    pub(crate) fn from_lock_file(path: &Path, source: std::io::Error) -> StoreError {
        StoreError::Unwritable {
            path: path.to_path_buf(),
            reason: format!("cannot create its lock file: {source}"),
        }
    }
}
