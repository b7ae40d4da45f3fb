//! Bounded fuzzing inside `cargo test`: every saved crash input (tests/fixtures/fuzz/) and every
//! seed (fuzz/seeds/, the corpus articles) replayed through the parser and both extractors, then
//! a fixed number of deterministic mutations of them (byte flips, splices, repeats, inserted
//! quote marks, cue words, numbers and unusual Unicode). The checks are the fuzz targets' own
//! (fuzz/src/lib.rs); `cargo fuzz` runs them for longer (README, Fuzzing).

#[path = "../fuzz/src/lib.rs"]
#[allow(dead_code)] // the fuzz targets use the per-extractor entry points
mod checks;

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

/// Mutated inputs per run: a few seconds in a debug build.
const ITERATIONS: u64 = 400;

/// Inputs grow by splices and repeats; past this they are cut back (fuzzing many small inputs
/// finds more than a few large ones, and tests/linear_time.rs covers size).
const MAX_INPUT: usize = 32 * 1024;

/// Fragments the mutator inserts: what the parser and the extractors branch on.
const TOKENS: &[&str] = &[
    "\"",
    "“",
    "”",
    "«",
    "»",
    "'",
    " said ",
    " says ",
    ", according to ",
    " told reporters ",
    "President Xi",
    "Jane Roe, a lawyer,",
    " he added.",
    ": ",
    "\n\n",
    "\n",
    "\r\n",
    "---\n",
    "title: x\n",
    "published: 2015-09\n",
    "\n— keynote speech on December 16, 2015\n",
    "• ",
    "- ",
    "$",
    "US$ 3.5 billion",
    " billion",
    " yuan",
    "45%",
    "one in five",
    "between 5 and 10",
    "more than ",
    "1,200",
    "0.",
    "2013-14",
    "\u{feff}",
    "\u{200f}",
    "\u{200d}",
    "\u{200b}",
    "🙂",
    "👩‍👩‍👧",
    "中文",
    "ال",
    "....",
    "!?",
    "(",
    ")",
];

/// splitmix64: a fixed sequence, so a failure reproduces from its iteration number.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn range(&mut self, len: usize) -> (usize, usize) {
        let a = self.below(len + 1);
        let b = self.below(len + 1);
        (a.min(b), a.max(b))
    }
}

fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.retain(|p| p.is_file());
    files.sort();
    files
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The seeds: saved crash inputs first, then the fuzz seeds and the corpus articles.
fn seeds() -> Vec<(PathBuf, Vec<u8>)> {
    ["tests/fixtures/fuzz", "fuzz/seeds", "corpus"]
        .iter()
        .flat_map(|d| files_in(&root().join(d)))
        .map(|p| {
            let bytes = std::fs::read(&p).unwrap();
            (p, bytes)
        })
        .collect()
}

fn mutate(rng: &mut Rng, input: &mut Vec<u8>, seeds: &[(PathBuf, Vec<u8>)]) {
    for _ in 0..1 + rng.below(4) {
        let len = input.len();
        match rng.below(6) {
            0 if len > 0 => {
                let i = rng.below(len);
                input[i] ^= 1 << rng.below(8);
            }
            1 => {
                let (a, b) = rng.range(len);
                input.drain(a..b.min(a + 64));
            }
            2 => {
                let other = &seeds[rng.below(seeds.len())].1;
                let (a, b) = rng.range(other.len());
                let at = rng.below(len + 1);
                input.splice(at..at, other[a..b].iter().copied());
            }
            3 => {
                // A stretch repeated: deep runs of one shape ("!!!!", quote after quote).
                let (a, b) = rng.range(len);
                let piece = input[a..b.min(a + 16)].to_vec();
                for _ in 0..rng.below(200) {
                    input.splice(b..b, piece.iter().copied());
                }
            }
            _ => {
                let token = TOKENS[rng.below(TOKENS.len())].as_bytes();
                let at = rng.below(len + 1);
                input.splice(at..at, token.iter().copied());
            }
        }
    }
    input.truncate(MAX_INPUT);
}

/// Runs `check` on `input`; a panic saves the input where the message says, to be kept as a
/// regression fixture.
fn check_or_save(name: &str, input: &[u8]) {
    let result = std::panic::catch_unwind(|| checks::check_all(input));
    if let Err(panic) = result {
        let saved = std::env::temp_dir().join(format!("quotebot-fuzz-{name}"));
        std::fs::write(&saved, input).unwrap();
        let reason = panic
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| panic.downcast_ref::<&str>().copied())
            .unwrap_or("a panic");
        panic!(
            "{name}: {reason}; the input is saved at {}: fix the bug and keep the file under \
             tests/fixtures/fuzz/ as a regression fixture",
            saved.display()
        );
    }
}

/// Runs `work` on a thread of its own and fails if it is not done by `deadline`. A hang guard
/// only: the deadline is far above the few seconds the work takes.
fn within(deadline: Duration, work: impl FnOnce() + Send + 'static) {
    let (done, finished) = mpsc::channel();
    let worker = std::thread::spawn(move || {
        work();
        let _ = done.send(());
    });
    match finished.recv_timeout(deadline) {
        Ok(()) => worker.join().unwrap(),
        // The sender was dropped without sending: the work panicked; show its message.
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            std::panic::resume_unwind(worker.join().unwrap_err())
        }
        Err(mpsc::RecvTimeoutError::Timeout) => {
            panic!("still running after {deadline:?}: a hang (or worse than linear time)")
        }
    }
}

#[test]
fn saved_inputs_and_seeds_replay_cleanly() {
    let seeds = seeds();
    assert!(
        seeds.len() >= 10,
        "the seeds are found: {} files",
        seeds.len()
    );
    within(Duration::from_secs(300), move || {
        for (path, bytes) in &seeds {
            check_or_save(&path.file_name().unwrap().to_string_lossy(), bytes);
        }
    });
}

#[test]
fn mutated_seeds_never_panic() {
    let seeds = seeds();
    within(Duration::from_secs(600), move || {
        let mut rng = Rng(0x5eed);
        for i in 0..ITERATIONS {
            let mut input = seeds[rng.below(seeds.len())].1.clone();
            mutate(&mut rng, &mut input, &seeds);
            check_or_save(&format!("iteration-{i}"), &input);
        }
    });
}
