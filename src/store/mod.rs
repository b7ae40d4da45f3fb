//! Persistence of daily-post settings and history in SQLite: write-ahead logging, migrations
//! from `migrations/` applied at open (tracked by `PRAGMA user_version`), one function per
//! statement, every change in a transaction. The only module that knows SQL.
//!
//! Opening checks everything start-up can check, so a bad `DATABASE_PATH` stops quotebot before
//! it connects rather than at the first `/daily set`: the folder (created when missing), another
//! quotebot on the same file (`lock`), and a write transaction that proves the file is a
//! database this process can write and that no other program holds its write lock.

mod error;
mod lock;

pub use error::StoreError;
pub use lock::lock_path;

use crate::daily::{DailySettings, DailyStore, PostRecord, PostState, StorageError};
use lock::InstanceLock;
use rusqlite::{Connection, OpenFlags, OptionalExtension, TransactionBehavior, params};
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Migrations in order; a database at version N has had the first N applied.
const MIGRATIONS: &[&str] = &[include_str!("../../migrations/001_daily.sql")];

/// How long a statement waits for another connection's write lock before giving up.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// The open database.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// Released when the store is dropped.
    _lock: Option<InstanceLock>,
}

impl Store {
    /// Opens (creating folder and file when missing), checks and migrates the database at `path`.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|error| StoreError::Folder {
                dir: dir.to_path_buf(),
                error,
            })?;
        }
        if path.is_dir() {
            return Err(StoreError::IsFolder {
                path: path.to_path_buf(),
            });
        }
        let lock = InstanceLock::acquire(path)?;
        // Without SQLITE_OPEN_URI: DATABASE_PATH is a file name, never a `file:` URI.
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags)
            .map_err(|e| StoreError::from_sqlite(path, e))?;
        Store::from_connection(conn, path, Some(lock))
    }

    /// Checks and migrates an open connection to the database at `path` (which only names it in
    /// messages). Separate from `open` so tests can hand it connections a file system cannot
    /// produce for every user: a read-only one, when root writes through file permissions.
    fn from_connection(
        conn: Connection,
        path: &Path,
        lock: Option<InstanceLock>,
    ) -> Result<Store, StoreError> {
        let mut store = Store {
            conn,
            path: path.to_path_buf(),
            _lock: lock,
        };
        store.setup()?;
        Ok(store)
    }

    fn err(&self) -> impl Fn(rusqlite::Error) -> StoreError + '_ {
        |source| StoreError::from_sqlite(&self.path, source)
    }

    /// Runs `change` in one transaction: all of it is stored, or none of it.
    fn write<T>(
        &mut self,
        change: impl FnOnce(&rusqlite::Transaction<'_>) -> rusqlite::Result<T>,
    ) -> Result<T, StoreError> {
        let path = self.path.clone();
        let wrap = |source| StoreError::from_sqlite(&path, source);
        let tx = self.conn.transaction().map_err(wrap)?;
        let out = change(&tx).map_err(wrap)?;
        tx.commit().map_err(wrap)?;
        Ok(out)
    }

    fn setup(&mut self) -> Result<(), StoreError> {
        let path = self.path.clone();
        let wrap = |source| StoreError::from_sqlite(&path, source);
        self.conn.busy_timeout(BUSY_TIMEOUT).map_err(wrap)?;
        self.conn
            .pragma_update(None, "journal_mode", "WAL")
            .map_err(wrap)?;
        self.conn
            .pragma_update(None, "synchronous", "NORMAL")
            .map_err(wrap)?;
        self.conn
            .pragma_update(None, "foreign_keys", true)
            .map_err(wrap)?;
        // Always a write, even with nothing to migrate: writing now is what turns a read-only
        // file or folder, or a lock another program keeps, into a start-up error instead of a
        // failed `/daily set` hours later. (A read-only connection happily begins even an
        // IMMEDIATE transaction; only a write is refused.)
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(wrap)?;
        let version: i64 = tx
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .map_err(wrap)?;
        if version as usize > MIGRATIONS.len() {
            return Err(StoreError::TooNew {
                path,
                found: version,
                known: MIGRATIONS.len(),
            });
        }
        // All pending migrations in that one transaction: a crash leaves the old schema or the
        // new one, never a half-migrated file.
        for sql in &MIGRATIONS[version as usize..] {
            tx.execute_batch(sql).map_err(wrap)?;
        }
        tx.pragma_update(None, "user_version", MIGRATIONS.len() as i64)
            .map_err(wrap)?;
        tx.commit().map_err(wrap)?;
        Ok(())
    }

    /// Creates or replaces a server's settings, clearing any pause.
    pub fn set_daily(&mut self, s: &DailySettings, now: &str) -> Result<(), StoreError> {
        self.write(|tx| {
            tx.execute(
            "INSERT INTO daily_settings (guild_id, channel_id, post_time, timezone, speaker, topic, paused_reason, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, NULL, ?7)
             ON CONFLICT(guild_id) DO UPDATE SET channel_id = ?2, post_time = ?3, timezone = ?4,
                 speaker = ?5, topic = ?6, paused_reason = NULL, updated_at = ?7",
            params![s.guild_id as i64, s.channel_id as i64, s.post_time, s.timezone, s.speaker, s.topic, now],
            )
            .map(drop)
        })
    }

    /// A server's settings.
    pub fn daily(&self, guild_id: u64) -> Result<Option<DailySettings>, StoreError> {
        self.conn
            .query_row(
                "SELECT guild_id, channel_id, post_time, timezone, speaker, topic, paused_reason
                 FROM daily_settings WHERE guild_id = ?1",
                params![guild_id as i64],
                settings_row,
            )
            .optional()
            .map_err(self.err())
    }

    /// Every server with daily posts.
    pub fn all_daily(&self) -> Result<Vec<DailySettings>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT guild_id, channel_id, post_time, timezone, speaker, topic, paused_reason
                 FROM daily_settings ORDER BY guild_id",
            )
            .map_err(self.err())?;
        let rows = stmt.query_map([], settings_row).map_err(self.err())?;
        rows.collect::<Result<Vec<_>, _>>().map_err(self.err())
    }

    /// Stops a server's daily posts; its history is kept so a later `set` does not repeat quotes.
    pub fn delete_daily(&mut self, guild_id: u64) -> Result<bool, StoreError> {
        let n = self.write(|tx| {
            tx.execute(
                "DELETE FROM daily_settings WHERE guild_id = ?1",
                params![guild_id as i64],
            )
        })?;
        Ok(n > 0)
    }

    /// Pauses a server's posts with a reason a moderator can act on.
    pub fn pause_daily(&mut self, guild_id: u64, reason: &str) -> Result<(), StoreError> {
        self.write(|tx| {
            tx.execute(
                "UPDATE daily_settings SET paused_reason = ?2 WHERE guild_id = ?1",
                params![guild_id as i64, reason],
            )
            .map(drop)
        })
    }

    /// The latest recorded post of a server (sent or being sent).
    pub fn last_post(&self, guild_id: u64) -> Result<Option<PostRecord>, StoreError> {
        self.conn
            .query_row(
                "SELECT local_day, quote_id, cycle, status, claimed_at FROM daily_posts
                 WHERE guild_id = ?1 ORDER BY local_day DESC LIMIT 1",
                params![guild_id as i64],
                |r| {
                    Ok(PostRecord {
                        local_day: r.get(0)?,
                        quote_id: r.get(1)?,
                        cycle: r.get(2)?,
                        state: PostState::parse(&r.get::<_, String>(3)?),
                        claimed_at: r.get(4)?,
                    })
                },
            )
            .optional()
            .map_err(self.err())
    }

    /// The quotes posted in a server's given cycle.
    pub fn posted_in_cycle(
        &self,
        guild_id: u64,
        cycle: i64,
    ) -> Result<HashSet<String>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT quote_id FROM daily_posts WHERE guild_id = ?1 AND cycle = ?2")
            .map_err(self.err())?;
        let rows = stmt
            .query_map(params![guild_id as i64, cycle], |r| r.get(0))
            .map_err(self.err())?;
        rows.collect::<Result<HashSet<String>, _>>()
            .map_err(self.err())
    }

    /// Records that `local_day`'s post is about to be sent. Returns false when that day already
    /// has a post: the primary key makes a second post for one day impossible, even across
    /// crashes and concurrent loops.
    pub fn claim_day(
        &mut self,
        guild_id: u64,
        local_day: &str,
        quote_id: &str,
        cycle: i64,
        now: &str,
    ) -> Result<bool, StoreError> {
        let n = self.write(|tx| {
            tx.execute(
                "INSERT OR IGNORE INTO daily_posts (guild_id, local_day, quote_id, cycle, status, claimed_at)
                 VALUES (?1, ?2, ?3, ?4, 'sending', ?5)",
                params![guild_id as i64, local_day, quote_id, cycle, now],
            )
        })?;
        Ok(n == 1)
    }

    /// Records how the day's post ended: sent as `message_id`, or lost.
    pub fn set_post_state(
        &mut self,
        guild_id: u64,
        local_day: &str,
        state: PostState,
        message_id: Option<u64>,
    ) -> Result<(), StoreError> {
        self.write(|tx| {
            tx.execute(
                "UPDATE daily_posts SET status = ?3, message_id = ?4 WHERE guild_id = ?1 AND local_day = ?2",
                params![guild_id as i64, local_day, state.as_str(), message_id.map(|m| m as i64)],
            )
            .map(drop)
        })
    }

    /// Forgets a claimed day whose message could not be sent (a permission or channel error),
    /// so that day can still get its post once the moderator fixes the cause.
    pub fn release_day(&mut self, guild_id: u64, local_day: &str) -> Result<(), StoreError> {
        self.write(|tx| {
            tx.execute(
                "DELETE FROM daily_posts WHERE guild_id = ?1 AND local_day = ?2 AND status = 'sending'",
                params![guild_id as i64, local_day],
            )
            .map(drop)
        })
    }
}

/// The daily-post logic sees the store through this trait only.
impl DailyStore for Store {
    fn daily(&self, guild_id: u64) -> Result<Option<DailySettings>, StorageError> {
        Ok(Store::daily(self, guild_id)?)
    }
    fn set_daily(&mut self, settings: &DailySettings, now: &str) -> Result<(), StorageError> {
        Ok(Store::set_daily(self, settings, now)?)
    }
    fn delete_daily(&mut self, guild_id: u64) -> Result<bool, StorageError> {
        Ok(Store::delete_daily(self, guild_id)?)
    }
    fn last_post(&self, guild_id: u64) -> Result<Option<PostRecord>, StorageError> {
        Ok(Store::last_post(self, guild_id)?)
    }
    fn posted_in_cycle(&self, guild_id: u64, cycle: i64) -> Result<HashSet<String>, StorageError> {
        Ok(Store::posted_in_cycle(self, guild_id, cycle)?)
    }
    fn pause_daily(&mut self, guild_id: u64, reason: &str) -> Result<(), StorageError> {
        Ok(Store::pause_daily(self, guild_id, reason)?)
    }
    fn claim_day(
        &mut self,
        guild_id: u64,
        local_day: &str,
        quote_id: &str,
        cycle: i64,
        now: &str,
    ) -> Result<bool, StorageError> {
        Ok(Store::claim_day(
            self, guild_id, local_day, quote_id, cycle, now,
        )?)
    }
    fn set_post_state(
        &mut self,
        guild_id: u64,
        local_day: &str,
        state: PostState,
        message_id: Option<u64>,
    ) -> Result<(), StorageError> {
        Ok(Store::set_post_state(
            self, guild_id, local_day, state, message_id,
        )?)
    }
    fn release_day(&mut self, guild_id: u64, local_day: &str) -> Result<(), StorageError> {
        Ok(Store::release_day(self, guild_id, local_day)?)
    }
}

impl From<StoreError> for StorageError {
    fn from(e: StoreError) -> Self {
        StorageError(e.to_string())
    }
}

fn settings_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<DailySettings> {
    Ok(DailySettings {
        guild_id: r.get::<_, i64>(0)? as u64,
        channel_id: r.get::<_, i64>(1)? as u64,
        post_time: r.get(2)?,
        timezone: r.get(3)?,
        speaker: r.get(4)?,
        topic: r.get(5)?,
        paused_reason: r.get(6)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_db(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("quotebot-store-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        dir.join("nested").join("quotebot.sqlite3")
    }

    fn settings(guild: u64) -> DailySettings {
        DailySettings {
            guild_id: guild,
            channel_id: 10,
            post_time: "09:00".into(),
            timezone: "Europe/Berlin".into(),
            speaker: Some("Xi Jinping".into()),
            topic: None,
            paused_reason: None,
        }
    }

    #[test]
    fn settings_and_history_survive_reopening() {
        let path = temp_db("reopen");
        {
            let mut s = Store::open(&path).unwrap();
            s.set_daily(&settings(1), "2026-01-01T00:00:00Z").unwrap();
            assert!(s.claim_day(1, "2026-01-02", "a#q1", 1, "t").unwrap());
            s.set_post_state(1, "2026-01-02", PostState::Sent, Some(99))
                .unwrap();
        }
        let s = Store::open(&path).unwrap();
        assert_eq!(s.daily(1).unwrap(), Some(settings(1)));
        let last = s.last_post(1).unwrap().unwrap();
        assert_eq!(
            (last.local_day.as_str(), last.state),
            ("2026-01-02", PostState::Sent)
        );
        assert_eq!(
            s.posted_in_cycle(1, 1).unwrap(),
            HashSet::from(["a#q1".to_string()])
        );
        let mode: String = s
            .conn
            .pragma_query_value(None, "journal_mode", |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
    }

    #[test]
    fn one_post_per_server_and_day() {
        let mut s = Store::open(&temp_db("once")).unwrap();
        assert!(s.claim_day(1, "2026-01-02", "a#q1", 1, "t").unwrap());
        assert!(!s.claim_day(1, "2026-01-02", "a#q2", 1, "t").unwrap());
        assert!(s.claim_day(2, "2026-01-02", "a#q2", 1, "t").unwrap());
        s.release_day(1, "2026-01-02").unwrap();
        assert!(s.claim_day(1, "2026-01-02", "a#q3", 1, "t").unwrap());
    }

    #[test]
    fn pause_off_and_set_again() {
        let mut s = Store::open(&temp_db("pause")).unwrap();
        s.set_daily(&settings(1), "t").unwrap();
        s.pause_daily(1, "channel gone").unwrap();
        assert_eq!(
            s.daily(1).unwrap().unwrap().paused_reason.as_deref(),
            Some("channel gone")
        );
        s.set_daily(&settings(1), "t").unwrap();
        assert_eq!(
            s.daily(1).unwrap().unwrap().paused_reason,
            None,
            "set clears a pause"
        );
        assert!(s.delete_daily(1).unwrap());
        assert_eq!(s.daily(1).unwrap(), None);
        assert_eq!(s.all_daily().unwrap(), Vec::new());
    }

    #[test]
    fn a_newer_schema_is_refused() {
        let path = temp_db("newer");
        Store::open(&path)
            .unwrap()
            .conn
            .pragma_update(None, "user_version", 99)
            .unwrap();
        assert!(matches!(
            Store::open(&path),
            Err(StoreError::TooNew { found: 99, .. })
        ));
    }

    /// Root writes through file permissions, so a read-only file cannot be made for every user;
    /// a connection SQLite opened read-only is the same refusal, whoever runs the test.
    #[test]
    fn a_database_this_process_cannot_write_is_refused_at_open() {
        let path = temp_db("readonly");
        drop(Store::open(&path).unwrap());
        let conn = Connection::open_with_flags(&path, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
        let err = Store::from_connection(conn, &path, None)
            .err()
            .expect("refused");
        assert!(matches!(err, StoreError::Unwritable { .. }), "{err:?}");
        let text = err.to_string();
        assert!(
            text.contains(&path.display().to_string()) && text.contains("DATABASE_PATH"),
            "{text}"
        );
    }

    #[test]
    fn an_unwritable_folder_is_a_clear_error() {
        let err = Store::open(Path::new("/proc/quotebot/db.sqlite3"))
            .err()
            .unwrap();
        assert!(err.to_string().contains("DATABASE_PATH"), "{err}");
    }
}
