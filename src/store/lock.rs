//! One quotebot per database: an advisory lock on `<database>.lock`, held for as long as the
//! store is open. SQLite's own locks only last a transaction, so two bots on one file would both
//! run (and both answer every command); this lock makes the second one stop at start-up with a
//! clear message instead. The kernel drops it when the process ends, however it ends (kill -9
//! included), so a crash never leaves a stale lock behind.

use super::StoreError;
use std::fs::{File, TryLockError};
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};

/// Held while the store is open; dropping it releases the lock.
#[derive(Debug)]
pub struct InstanceLock {
    _file: File,
}

/// The lock file beside the database at `path`.
pub fn lock_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".lock");
    PathBuf::from(name)
}

impl InstanceLock {
    /// Takes the lock for the database at `path` without waiting.
    pub fn acquire(path: &Path) -> Result<InstanceLock, StoreError> {
        let lock = lock_path(path);
        let mut file = File::options()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&lock)
            .map_err(|e| StoreError::from_lock_file(path, e))?;
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                let mut text = String::new();
                let _ = file.read_to_string(&mut text);
                return Err(StoreError::InUse {
                    path: path.to_path_buf(),
                    pid: text.trim().parse().ok(),
                });
            }
            // A file system without advisory locks: run unguarded rather than not at all.
            Err(TryLockError::Error(e)) => {
                tracing::warn!(lock = %lock.display(), %e, "cannot lock the database's lock file; make sure only one quotebot uses this database");
            }
        }
        // The holder's process id, for the message the next one prints; a failure here only
        // loses that detail.
        let _ = file
            .set_len(0)
            .and_then(|()| file.rewind())
            .and_then(|()| write!(file, "{}", std::process::id()));
        Ok(InstanceLock { _file: file })
    }
}
