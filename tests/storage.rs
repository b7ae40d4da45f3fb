//! A bad `DATABASE_PATH` at start-up: a missing folder is created; a folder that cannot be, a
//! path that is a folder, a file that is not a database, a read-only file or folder, a database
//! another quotebot has open and one whose write lock another program keeps each stop quotebot
//! at once (or after the busy timeout) with a message naming the file and the fix. Checked on the
//! store and through the real binary, which must exit non-zero before connecting anywhere.

use quotebot::daily::DailySettings;
use quotebot::store::{BUSY_TIMEOUT, Store, StoreError, lock_path};
use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// A dummy token: the binary must get as far as opening the store, and must never print it.
const TOKEN: &str = "MTIzNDU2Nzg5MDEyMzQ1Njc4.dummy.never-printed-token";
/// Against hangs only: every case here ends in milliseconds, or after the busy timeout.
const WATCHDOG: Duration = Duration::from_secs(60);
/// Who the binary runs as when this test runs as root, so that file permissions apply.
const NOBODY: u32 = 65534;

/// A fresh folder for one case, world-traversable so that `nobody` can reach into it.
fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("quotebot-storage-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    dir
}

fn settings(guild: u64) -> DailySettings {
    DailySettings {
        guild_id: guild,
        channel_id: 7,
        post_time: "09:00".into(),
        timezone: "UTC".into(),
        speaker: None,
        topic: None,
        paused_reason: None,
    }
}

fn chmod(path: &Path, mode: u32) {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

/// Whether this process writes through a file's permissions (root, or CAP_DAC_OVERRIDE): then a
/// read-only file or folder stops only an unprivileged user, so the binary runs as one.
fn permissions_do_not_bind_us(dir: &Path) -> bool {
    let probe = dir.join("probe");
    std::fs::write(&probe, "x").unwrap();
    chmod(&probe, 0o444);
    let writable = std::fs::OpenOptions::new().write(true).open(&probe).is_ok();
    std::fs::remove_file(&probe).unwrap();
    writable
}

/// Runs `quotebot` (the Discord bot: a token is set) with `DATABASE_PATH=database`, from `dir`,
/// with Discord pointed at a closed local port; kills it if it is still running after the watchdog.
fn run_bot(dir: &Path, database: &Path, unprivileged: bool) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_quotebot"));
    cmd.current_dir(dir)
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("DISCORD_TOKEN", TOKEN)
        .env("DATABASE_PATH", database)
        .env("DISCORD_PROXY_URL", "http://127.0.0.1:9")
        .env(
            "CORPUS_DIR",
            Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus"),
        )
        .env("RUST_LOG", "warn")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if unprivileged {
        cmd.uid(NOBODY).gid(NOBODY);
    }
    let mut child = cmd.spawn().expect("the quotebot binary starts");
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > WATCHDOG {
            let _ = child.kill();
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

/// The binary stopped by itself with an error naming the database and containing `expect`.
fn assert_refused(out: &Output, database: &Path, expect: &[&str]) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(2),
        "quotebot must stop with an error (status {:?}): {stderr}",
        out.status
    );
    assert!(stderr.contains(&database.display().to_string()), "{stderr}");
    for e in expect {
        assert!(stderr.contains(e), "expected `{e}` in: {stderr}");
    }
    assert!(!stderr.contains(TOKEN), "the token was printed: {stderr}");
    assert!(
        out.stdout.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn a_missing_folder_is_created_with_its_parents() {
    let dir = temp_dir("missing");
    let db = dir.join("a").join("b").join("quotebot.sqlite3");
    let mut store = Store::open(&db).expect("the folders are created");
    store.set_daily(&settings(1), "t").unwrap();
    drop(store);
    assert_eq!(
        Store::open(&db).unwrap().daily(1).unwrap(),
        Some(settings(1))
    );
}

#[test]
fn a_folder_that_cannot_be_created_stops_the_bot_with_the_reason() {
    let dir = temp_dir("under-file");
    std::fs::write(dir.join("plain-file"), "not a folder").unwrap();
    let db = dir.join("plain-file").join("data").join("quotebot.sqlite3");
    let err = Store::open(&db).err().expect("refused");
    assert!(matches!(err, StoreError::Folder { .. }), "{err:?}");
    let out = run_bot(&dir, &db, false);
    assert_refused(
        &out,
        &dir.join("plain-file").join("data"),
        &["cannot create the folder", "DATABASE_PATH"],
    );
}

#[test]
fn a_path_that_is_a_folder_says_to_name_a_file_inside_it() {
    let dir = temp_dir("is-folder");
    let err = Store::open(&dir).err().expect("refused");
    assert!(matches!(err, StoreError::IsFolder { .. }), "{err:?}");
    let out = run_bot(&dir, &dir, false);
    assert_refused(&out, &dir, &["is a folder, not a file", "quotebot.sqlite3"]);
}

#[test]
fn a_file_that_is_not_a_database_is_refused_and_left_as_it_was() {
    let dir = temp_dir("not-db");
    let db = dir.join("notes.txt");
    let text = "Shopping list\n".repeat(200);
    std::fs::write(&db, &text).unwrap();
    let err = Store::open(&db).err().expect("refused");
    assert!(matches!(err, StoreError::NotADatabase { .. }), "{err:?}");
    let out = run_bot(&dir, &db, false);
    assert_refused(
        &out,
        &db,
        &["is not a usable quotebot database", "restore a backup"],
    );
    assert_eq!(
        std::fs::read_to_string(&db).unwrap(),
        text,
        "the file is untouched"
    );
}

#[test]
fn a_second_quotebot_on_the_same_database_stops_at_once_and_names_the_first() {
    let dir = temp_dir("in-use");
    let db = dir.join("quotebot.sqlite3");
    let first = Store::open(&db).unwrap();
    let err = Store::open(&db)
        .err()
        .expect("refused while the first is open");
    assert!(
        matches!(err, StoreError::InUse { pid: Some(p), .. } if p == std::process::id()),
        "{err:?}"
    );
    let out = run_bot(&dir, &db, false);
    assert_refused(
        &out,
        &db,
        &[
            &format!("another quotebot (process {}) is using", std::process::id()),
            "stop it first",
            "DATABASE_PATH",
        ],
    );
    drop(first);
    Store::open(&db).expect("free again once the first is gone");
}

#[test]
fn a_write_lock_kept_by_another_program_is_an_error_after_the_busy_timeout_not_a_hang() {
    let dir = temp_dir("busy");
    let db = dir.join("quotebot.sqlite3");
    drop(Store::open(&db).unwrap());
    // What a sqlite3 shell left in the middle of a transaction does.
    let other = rusqlite::Connection::open(&db).unwrap();
    other.execute_batch("BEGIN IMMEDIATE").unwrap();

    let (tx, rx) = std::sync::mpsc::channel();
    let path = db.clone();
    std::thread::spawn(move || tx.send(Store::open(&path).err()));
    let err = rx
        .recv_timeout(WATCHDOG)
        .expect("opening must give up, not hang")
        .expect("refused while the lock is held");
    assert!(
        matches!(&err, StoreError::Busy { waited, .. } if *waited == BUSY_TIMEOUT),
        "{err:?}"
    );

    let out = run_bot(&dir, &db, false);
    assert_refused(
        &out,
        &db,
        &["stayed locked by another program", "DATABASE_PATH"],
    );
    other.execute_batch("ROLLBACK").unwrap();
}

/// A folder where no one may create files (sysfs refuses even root), so this case runs as any user.
#[cfg(target_os = "linux")]
#[test]
fn a_folder_no_one_may_write_in_is_refused_even_for_root() {
    let db = Path::new("/sys/quotebot.sqlite3");
    let err = Store::open(db).err().expect("refused");
    assert!(matches!(err, StoreError::Unwritable { .. }), "{err:?}");
    let text = err.to_string();
    assert!(
        text.contains("cannot be written")
            && text.contains("set DATABASE_PATH to a writable place"),
        "{text}"
    );
}

#[test]
fn a_read_only_database_file_stops_the_bot_with_the_fix() {
    let dir = temp_dir("ro-file");
    let db = dir.join("quotebot.sqlite3");
    Store::open(&db)
        .unwrap()
        .set_daily(&settings(1), "t")
        .unwrap();
    // The lock file belongs to whoever runs the bot; only the database itself is read-only.
    std::fs::remove_file(lock_path(&db)).unwrap();
    chmod(&db, 0o444);
    chmod(&dir, 0o777);
    let unprivileged = permissions_do_not_bind_us(&dir);
    let out = run_bot(&dir, &db, unprivileged);
    chmod(&dir, 0o755);
    assert_refused(
        &out,
        &db,
        &["cannot be written", "make the file and its folder writable"],
    );
    chmod(&db, 0o644);
    assert_eq!(
        Store::open(&db).unwrap().daily(1).unwrap(),
        Some(settings(1))
    );
}

#[test]
fn a_read_only_folder_stops_the_bot_with_the_fix() {
    let dir = temp_dir("ro-folder");
    let data = dir.join("data");
    let db = data.join("quotebot.sqlite3");
    Store::open(&db)
        .unwrap()
        .set_daily(&settings(1), "t")
        .unwrap();
    // The file and its lock are writable by anyone; SQLite still needs to create its `-wal`
    // and `-shm` files in the folder.
    chmod(&db, 0o666);
    chmod(&lock_path(&db), 0o666);
    chmod(&data, 0o555);
    let unprivileged = permissions_do_not_bind_us(&dir);
    let out = run_bot(&dir, &db, unprivileged);
    chmod(&data, 0o755);
    assert_refused(&out, &db, &["cannot be written", "-wal", "DATABASE_PATH"]);
}
