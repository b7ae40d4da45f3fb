//! Reloading the corpus without a restart: what a reload reports, that commands keep answering
//! from the old library while (and if) the new one cannot be built, and each trigger as a user
//! meets it: `/reload` in the console, SIGHUP, and the folder watcher, on the real binary.

use quotebot::console::answer;
use quotebot::library::{SharedLibrary, load_library};
use quotebot::reload::{ReloadError, Reloader};
use rand::SeedableRng;
use rand::rngs::StdRng;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

/// An article with one quote no seed article has.
const ZEBRA_ARTICLE: &str = "---\ntitle: Zebra census\nsource: Savanna Times\npublished: 2024-03-01\n---\nZebra census\n\n\"Every zebra crossing the river was counted twice this spring,\" said Amara Okafor, a wildlife officer.\n";
const ZEBRA_WORDS: &str = "Every zebra crossing the river";

fn seeds() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

/// A fresh corpus folder holding copies of the first `n` seed articles.
fn corpus_copy(name: &str, n: usize) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("quotebot-reload-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let mut files: Vec<_> = std::fs::read_dir(seeds())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    for f in files.iter().take(n) {
        std::fs::copy(f, dir.join(f.file_name().unwrap())).unwrap();
    }
    dir
}

fn reloader_over(dir: &Path) -> Reloader {
    let lib = load_library(dir).unwrap();
    Reloader::new(dir, Arc::new(SharedLibrary::new(Arc::new(lib))))
}

fn finds_zebras(lib: &quotebot::library::Library) -> bool {
    answer(lib, "/quote topic:zebra", &mut StdRng::seed_from_u64(1))
        .is_ok_and(|r| r.pages.iter().any(|p| p.description.contains(ZEBRA_WORDS)))
}

#[test]
fn a_reload_reports_every_change_and_old_readers_keep_their_library() {
    let dir = corpus_copy("report", 3);
    let reloader = reloader_over(&dir);
    let before = reloader.shared().current();
    assert_eq!(before.articles.len(), 3);

    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    std::fs::remove_file(&names[0]).unwrap();
    let changed = std::fs::read_to_string(&names[1]).unwrap() + "\nA closing line was added.\n";
    std::fs::write(&names[1], changed).unwrap();
    std::fs::write(dir.join("zebras.txt"), ZEBRA_ARTICLE).unwrap();
    std::fs::write(dir.join("broken.txt"), b"\x00\x01binary").unwrap();

    let report = reloader.reload().expect("the reload succeeds");
    let id = |p: &PathBuf| p.file_stem().unwrap().to_string_lossy().into_owned();
    assert_eq!(report.added, ["zebras"]);
    assert_eq!(report.removed, [id(&names[0])]);
    assert_eq!(report.changed, [id(&names[1])]);
    assert_eq!(report.articles, 3);
    assert_eq!(report.warnings.len(), 1, "{:?}", report.warnings);
    assert!(
        report.warnings[0].contains("broken.txt"),
        "{:?}",
        report.warnings
    );
    let card = quotebot::reload::reload_reply(&Ok(report)).pages.remove(0);
    assert!(
        card.fields.iter().any(|f| f.name == "Skipped files (1)"),
        "{card:?}"
    );

    let after = reloader.shared().current();
    assert!(finds_zebras(&after), "the new article answers");
    assert!(
        !finds_zebras(&before),
        "a reader holding the old library is not changed under it"
    );
    assert_eq!(before.articles.len(), 3);
}

#[test]
fn a_folder_that_vanished_or_emptied_leaves_the_old_corpus_live() {
    let dir = corpus_copy("vanish", 2);
    let reloader = reloader_over(&dir);
    let served = reloader.shared().current();

    for e in std::fs::read_dir(&dir).unwrap() {
        std::fs::remove_file(e.unwrap().path()).unwrap();
    }
    std::fs::write(dir.join("empty.txt"), "  \n").unwrap();
    let err = reloader.reload().unwrap_err();
    assert!(matches!(err, ReloadError::Empty { kept: 2, .. }), "{err}");
    assert!(err.to_string().contains("still being served"), "{err}");
    assert!(Arc::ptr_eq(&served, &reloader.shared().current()));

    std::fs::remove_dir_all(&dir).unwrap();
    let err = reloader.reload().unwrap_err();
    assert!(matches!(err, ReloadError::Load(_)), "{err}");
    assert!(Arc::ptr_eq(&served, &reloader.shared().current()));
    assert_eq!(reloader.shared().current().articles.len(), 2);
}

/// The real binary's console over `dir`, with its output read line by line on a thread.
struct Console {
    child: Child,
    lines: Receiver<String>,
}

impl Console {
    fn start(dir: &Path, watch_secs: u64) -> Console {
        let mut child = Command::new(env!("CARGO_BIN_EXE_quotebot"))
            .args(["--corpus", &dir.display().to_string(), "console"])
            .env_remove("DISCORD_TOKEN")
            .env("CORPUS_WATCH_SECS", watch_secs.to_string())
            // The cache of a throwaway corpus belongs beside it, not in the repository's data/.
            .env("CACHE_DIR", dir.with_extension("cache"))
            .env("RUST_LOG", "warn")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let (send, lines) = channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if send.send(line).is_err() {
                    break;
                }
            }
        });
        Console { child, lines }
    }

    fn send(&mut self, line: &str) {
        let stdin = self.child.stdin.as_mut().unwrap();
        writeln!(stdin, "{line}").unwrap();
        stdin.flush().unwrap();
    }

    /// Waits (bounded) for a line containing `needle`; the lines seen on failure.
    fn wait_for(&self, needle: &str, limit: Duration) -> Result<(), Vec<String>> {
        let deadline = Instant::now() + limit;
        let mut seen = Vec::new();
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.lines.recv_timeout(left) {
                Ok(line) if line.contains(needle) => return Ok(()),
                Ok(line) => seen.push(line),
                Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => {
                    return Err(seen);
                }
            }
        }
    }

    /// Asks for the zebra quote every half second until it is found (bounded).
    fn poll_for_zebras(&mut self, limit: Duration) -> bool {
        let deadline = Instant::now() + limit;
        while Instant::now() < deadline {
            self.send("/quote topic:zebra");
            if self
                .wait_for(ZEBRA_WORDS, Duration::from_millis(500))
                .is_ok()
            {
                return true;
            }
        }
        false
    }
}

impl Drop for Console {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

const WAIT: Duration = Duration::from_secs(30);

#[test]
fn console_reload_serves_an_added_article() {
    let dir = corpus_copy("console", 2);
    let mut console = Console::start(&dir, 0);
    console.send("/quote topic:zebra");
    console
        .wait_for("No quotes found", WAIT)
        .expect("no zebra before the reload");
    std::fs::write(dir.join("zebras.txt"), ZEBRA_ARTICLE).unwrap();
    console.send("/reload");
    console
        .wait_for("Corpus reloaded", WAIT)
        .expect("the reload is reported");
    console.send("/quote topic:zebra");
    console.wait_for(ZEBRA_WORDS, WAIT).expect("the new quote");
}

#[cfg(unix)]
#[test]
fn sighup_reloads_the_corpus() {
    let dir = corpus_copy("sighup", 2);
    let mut console = Console::start(&dir, 0);
    console.send("/about");
    console.wait_for("", WAIT).expect("the console is up");
    std::fs::write(dir.join("zebras.txt"), ZEBRA_ARTICLE).unwrap();
    let status = Command::new("kill")
        .args(["-HUP", &console.child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    assert!(
        console.poll_for_zebras(WAIT),
        "SIGHUP picked up the new article"
    );
}

#[test]
fn the_watcher_picks_up_an_added_article_without_a_command() {
    let dir = corpus_copy("watch", 2);
    let mut console = Console::start(&dir, 1);
    console.send("/about");
    console.wait_for("", WAIT).expect("the console is up");
    std::fs::write(dir.join("zebras.txt"), ZEBRA_ARTICLE).unwrap();
    assert!(
        console.poll_for_zebras(WAIT),
        "the watcher picked up the new article"
    );
}
