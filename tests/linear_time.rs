//! Extraction time grows linearly with an article's size, on the shapes most likely to make it
//! grow faster: no full stop for a megabyte, punctuation repeated, thousands of unbalanced quote
//! marks, thousands of single marks among possessive apostrophes, a run of capitalised words
//! that look like names, thousands of cue words, a list of numbers in words joined by commas.
//! Each shape is cleaned and extracted at 1 MB and at 4 MB, under a hang guard; the CPU time
//! of the 4 MB run must stay under 10 times that of the 1 MB run (linear is 4 times, quadratic
//! 16).

use quotebot::corpus::parse_article;
use quotebot::extract::extract_claims;
use quotebot::extract::quotes::extract_quotes;
use std::sync::mpsc;
use std::time::{Duration, Instant};

const MB: usize = 1 << 20;

/// The hang guard: far above the few seconds per MB a debug build takes, so only a hang (or a
/// cost far worse than linear) trips it.
const DEADLINE_PER_MB: Duration = Duration::from_secs(60);

/// 4 MB costs 4 times 1 MB when linear and 16 times when quadratic; the margin absorbs noise.
const MAX_RATIO: f64 = 10.0;

/// `unit(i)` repeated for i = 0, 1, ... until the text holds `bytes`.
fn repeated(bytes: usize, unit: impl Fn(usize) -> String) -> String {
    let mut text = String::with_capacity(bytes + 256);
    let mut i = 0;
    while text.len() < bytes {
        text.push_str(&unit(i));
        i += 1;
    }
    text
}

const GIVEN: &[&str] = &["Xi", "Mike", "Hillary", "Angela", "Li", "Wang", "Donald"];
const FAMILY: &[&str] = &[
    "Jinping", "Pence", "Clinton", "Merkel", "Keqiang", "Yi", "Trump", "Smith", "Roe", "Doe",
    "Perdue",
];

fn shape(name: &str, bytes: usize) -> String {
    match name {
        "no full stop" => repeated(bytes, |i| {
            format!(
                "the council met again on day {i} and the members argued, with {} votes cast and \
                 $ {i} million spent, about the budget ",
                i % 97
            )
        }),
        "repeated punctuation" => repeated(bytes, |_| "!?.".to_string()),
        "unbalanced quotes" => repeated(bytes, |i| {
            format!("He said “ we will go on {i} and \" then \" she “ told ")
        }),
        "capitalised names" => repeated(bytes, |i| {
            format!(
                "{} {} ",
                GIVEN[i % GIVEN.len()],
                FAMILY[(i / GIVEN.len()) % FAMILY.len()]
            )
        }),
        "cue words" => repeated(bytes, |i| {
            format!(
                "he said that she said that officials {i} argued that, according to experts, \
                 they told reporters that "
            )
        }),
        // Single marks: each opening one looks ahead for its closing one, past possessives.
        "single marks" => repeated(bytes, |i| format!("‘a{i}’ the workers’ rights and 'b' ")),
        // A part after a comma may itself go on after a comma: a list must not chain them.
        "numbers in words" => repeated(bytes, |_| {
            "one million, two hundred thousand, three hundred million, four hundred thousand, "
                .to_string()
        }),
        _ => unreachable!("unknown shape {name}"),
    }
}

/// CPU time this thread has used: other processes on a shared machine do not count.
fn thread_cpu_time() -> Duration {
    // Linux: the first field of schedstat is the time on CPU in nanoseconds.
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .map_or_else(wall_clock, Duration::from_nanos)
}

/// Where the thread's CPU time cannot be read: a monotonic wall clock, a noisier stand-in.
fn wall_clock() -> Duration {
    static START: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();
    START.get_or_init(Instant::now).elapsed()
}

/// Cleans and extracts `text` on a thread of its own and returns the CPU time it took, failing
/// if it is not done by the hang guard's deadline.
fn extraction_time(name: &'static str, bytes: usize) -> Duration {
    let deadline = DEADLINE_PER_MB * (bytes / MB).max(1) as u32;
    let (done, finished) = mpsc::channel();
    let worker = std::thread::spawn(move || {
        // Compile the rules first, so they are not timed as part of the first shape.
        let warm = parse_article("warm.txt", "Warm up, he said. It costs $ 5 million.").unwrap();
        extract_quotes(&warm);
        let text = shape(name, bytes);
        let started = thread_cpu_time();
        let article = parse_article("long.txt", &text).expect("the shape is an article");
        let quotes = extract_quotes(&article);
        let claims = extract_claims(&article);
        let spent = thread_cpu_time() - started;
        for q in &quotes {
            assert!(text.is_char_boundary(q.span.start) && text.is_char_boundary(q.span.end));
        }
        let _ = done.send((spent, quotes.len(), claims.len()));
    });
    match finished.recv_timeout(deadline) {
        Ok((spent, quotes, claims)) => {
            worker.join().unwrap();
            eprintln!(
                "{name}: {} MB in {spent:?} of CPU ({quotes} quotes, {claims} claims)",
                bytes / MB
            );
            spent
        }
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            std::panic::resume_unwind(worker.join().unwrap_err())
        }
        Err(mpsc::RecvTimeoutError::Timeout) => panic!(
            "{name}: {} MB still extracting after {deadline:?}: a hang or worse than linear time",
            bytes / MB
        ),
    }
}

fn grows_linearly(name: &'static str) {
    let one = extraction_time(name, MB);
    let four = extraction_time(name, 4 * MB);
    let ratio = four.as_secs_f64() / one.as_secs_f64().max(1e-3);
    assert!(
        ratio < MAX_RATIO,
        "{name}: 4 MB took {ratio:.1} times as long as 1 MB ({four:?} against {one:?}); linear \
         would be about 4, quadratic 16"
    );
}

#[test]
fn no_full_stop_for_megabytes() {
    grows_linearly("no full stop");
}

#[test]
fn repeated_punctuation() {
    grows_linearly("repeated punctuation");
}

#[test]
fn thousands_of_unbalanced_quote_marks() {
    grows_linearly("unbalanced quotes");
}

#[test]
fn a_run_of_capitalised_words() {
    grows_linearly("capitalised names");
}

#[test]
fn thousands_of_cue_words() {
    grows_linearly("cue words");
}

#[test]
fn a_list_of_numbers_in_words() {
    grows_linearly("numbers in words");
}

#[test]
fn thousands_of_single_marks_among_apostrophes() {
    grows_linearly("single marks");
}
