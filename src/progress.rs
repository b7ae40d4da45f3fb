//! Progress of a long corpus load: the loader reports stages and counts through [`Progress`];
//! a terminal gets a bar with counts and rate, anything else (a service's log) a line every few
//! seconds, and tests nothing.

use std::io::IsTerminal;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// A step of loading a corpus.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Reading and cleaning article files.
    Reading,
    /// Extracting quotes and claims from articles not found in the cache.
    Extracting,
    /// Adding quotes, claims and passages to the search index.
    Indexing,
}

impl Stage {
    fn verb(self) -> &'static str {
        match self {
            Stage::Reading => "reading articles",
            Stage::Extracting => "extracting quotes and claims",
            Stage::Indexing => "indexing",
        }
    }

    fn unit(self) -> &'static str {
        match self {
            Stage::Reading | Stage::Extracting => "articles",
            Stage::Indexing => "entries",
        }
    }
}

/// Receives a load's progress; called from several threads at once.
pub trait Progress: Sync {
    /// A stage begins with `total` items (0 when not known in advance).
    fn start(&self, stage: Stage, total: usize);
    /// `n` more items of the current stage are done.
    fn add(&self, n: usize);
    /// The current stage is over.
    fn finish(&self);
}

/// Reports nothing.
pub struct Quiet;

impl Progress for Quiet {
    fn start(&self, _: Stage, _: usize) {}
    fn add(&self, _: usize) {}
    fn finish(&self) {}
}

/// A bar on stderr when it is a terminal, log lines otherwise.
pub fn for_stderr() -> Box<dyn Progress> {
    if std::io::stderr().is_terminal() {
        Box::new(Bar::default())
    } else {
        Box::new(LogLines::new(Duration::from_secs(5)))
    }
}

/// indicatif's bar: counts, rate and time left.
#[derive(Default)]
struct Bar {
    bar: Mutex<Option<indicatif::ProgressBar>>,
}

impl Progress for Bar {
    fn start(&self, stage: Stage, total: usize) {
        let bar = if total > 0 {
            indicatif::ProgressBar::new(total as u64)
        } else {
            indicatif::ProgressBar::new_spinner()
        };
        let template = if total > 0 {
            "{msg:30} [{bar:30}] {human_pos}/{human_len} {unit} · {per_sec} · {eta} left"
        } else {
            "{msg:30} {spinner} {elapsed}"
        }
        .replace("{unit}", stage.unit());
        if let Ok(style) = indicatif::ProgressStyle::with_template(&template) {
            bar.set_style(style.progress_chars("=> "));
        }
        bar.set_message(stage.verb());
        bar.enable_steady_tick(Duration::from_millis(200));
        if let Some(old) = self
            .bar
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .replace(bar)
        {
            old.finish_and_clear();
        }
    }

    fn add(&self, n: usize) {
        if let Some(bar) = &*self.bar.lock().unwrap_or_else(|p| p.into_inner()) {
            bar.inc(n as u64);
        }
    }

    fn finish(&self) {
        if let Some(bar) = self.bar.lock().unwrap_or_else(|p| p.into_inner()).take() {
            bar.finish();
        }
    }
}

/// A log line per stage start and end, and every `every` in between.
struct LogLines {
    every: Duration,
    state: Mutex<(Stage, usize, Instant, Instant)>,
    done: AtomicUsize,
}

impl LogLines {
    fn new(every: Duration) -> Self {
        let now = Instant::now();
        LogLines {
            every,
            state: Mutex::new((Stage::Reading, 0, now, now)),
            done: AtomicUsize::new(0),
        }
    }
}

impl Progress for LogLines {
    fn start(&self, stage: Stage, total: usize) {
        let now = Instant::now();
        *self.state.lock().unwrap_or_else(|p| p.into_inner()) = (stage, total, now, now);
        self.done.store(0, Ordering::Relaxed);
        if total > 0 {
            tracing::info!("{}: {total} {}", stage.verb(), stage.unit());
        }
    }

    fn add(&self, n: usize) {
        let done = self.done.fetch_add(n, Ordering::Relaxed) + n;
        let mut state = self.state.lock().unwrap_or_else(|p| p.into_inner());
        let (stage, total, started, last) = &mut *state;
        if last.elapsed() >= self.every {
            *last = Instant::now();
            let rate = done as f64 / started.elapsed().as_secs_f64().max(1e-3);
            tracing::info!(
                "{}: {done}/{total} {} ({rate:.0}/s)",
                stage.verb(),
                stage.unit()
            );
        }
    }

    fn finish(&self) {
        let state = self.state.lock().unwrap_or_else(|p| p.into_inner());
        let (stage, _, started, _) = &*state;
        let done = self.done.load(Ordering::Relaxed);
        if done > 0 {
            tracing::info!(
                "{}: {done} {} in {:.1} s",
                stage.verb(),
                stage.unit(),
                started.elapsed().as_secs_f64()
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Records what it is told, to check the loader reports every stage and item.
    #[derive(Default)]
    pub struct Recorder(pub Mutex<Vec<(Stage, usize, usize)>>);

    impl Progress for Recorder {
        fn start(&self, stage: Stage, total: usize) {
            self.0.lock().unwrap().push((stage, total, 0));
        }
        fn add(&self, n: usize) {
            self.0.lock().unwrap().last_mut().unwrap().2 += n;
        }
        fn finish(&self) {}
    }

    #[test]
    fn loading_reports_each_stage_with_its_counts() {
        let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        let seen = Recorder::default();
        let options = crate::library::LoadOptions {
            cache: None,
            progress: &seen,
        };
        let lib = crate::library::load_library_with(&corpus, &options).unwrap();
        let stages = seen.0.into_inner().unwrap();
        let entries = lib.quotes.len() + lib.claims.len() + lib.passages.len();
        assert_eq!(
            stages,
            [
                (Stage::Reading, 0, 0),
                (Stage::Extracting, 5, 5),
                (Stage::Indexing, entries, entries)
            ]
        );
    }

    #[test]
    fn log_lines_count_across_threads() {
        let p = LogLines::new(Duration::from_secs(3600));
        p.start(Stage::Extracting, 1000);
        std::thread::scope(|s| {
            for _ in 0..4 {
                s.spawn(|| (0..250).for_each(|_| p.add(1)));
            }
        });
        assert_eq!(p.done.load(Ordering::Relaxed), 1000);
    }
}
