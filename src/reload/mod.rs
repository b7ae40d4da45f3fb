//! Reloading the corpus without downtime: a new library is built from the corpus folder while
//! the old one keeps answering, then swapped in whole. Owns what a reload reports (articles
//! added, changed and removed, files that could not be read), the rule that a broken reload
//! leaves the old library live, and the cheap folder fingerprint a watcher compares between
//! looks. The shells decide when to reload (`/reload`, SIGHUP, the watcher).

use crate::cache::Cache;
use crate::library::{Counts, Library, LoadError, LoadOptions, SharedLibrary, load_library_with};
use crate::render::{Card, Reply};
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime};

pub mod triggers;

/// What changed in a successful reload.
#[derive(Debug, Clone, PartialEq)]
pub struct ReloadReport {
    pub articles: usize,
    /// Quotes, positions and claims now live, over all articles.
    pub counts: Counts,
    /// Article ids, sorted.
    pub added: Vec<String>,
    pub changed: Vec<String>,
    pub removed: Vec<String>,
    /// Files that could not be loaded (the rest is live).
    pub warnings: Vec<String>,
    pub elapsed: Duration,
}

/// Why a reload kept the old library.
#[derive(Debug, thiserror::Error)]
pub enum ReloadError {
    #[error("a reload is already running; its result will be live when it finishes")]
    Busy,
    #[error("{0}; the previous corpus is still being served")]
    Load(#[from] LoadError),
    #[error(
        "{dir} holds no readable article ({warnings} files failed); the previous corpus of {kept} articles is still being served. Fix the folder and reload again"
    )]
    Empty {
        dir: String,
        warnings: usize,
        kept: usize,
    },
}

/// Rebuilds the shared library from its corpus folder, one reload at a time.
pub struct Reloader {
    dir: PathBuf,
    shared: Arc<SharedLibrary>,
    running: Mutex<()>,
    /// The folder as it was when last loaded (or tried): the watcher reloads only on a change
    /// from this, so a broken folder is not rebuilt again and again.
    loaded: Mutex<Option<Fingerprint>>,
    /// Unchanged articles are not extracted again when there is a cache.
    cache: Option<Cache>,
}

impl Reloader {
    /// `shared` was just loaded from `dir`.
    pub fn new(dir: impl Into<PathBuf>, shared: Arc<SharedLibrary>) -> Self {
        let dir = dir.into();
        Reloader {
            loaded: Mutex::new(Fingerprint::of(&dir)),
            dir,
            shared,
            running: Mutex::new(()),
            cache: None,
        }
    }

    /// Reloads through this cache (the one the first load used).
    pub fn with_cache(mut self, cache: Option<Cache>) -> Self {
        self.cache = cache;
        self
    }

    /// One look for the watcher: reloads when the folder changed and has settled since the
    /// previous look; `None` when there was nothing to do.
    pub fn reload_if_changed(
        &self,
        watch: &mut Watch,
    ) -> Option<Result<ReloadReport, ReloadError>> {
        let now = Fingerprint::of(&self.dir);
        let due = {
            let loaded = self.loaded.lock().unwrap_or_else(|p| p.into_inner());
            watch.look(loaded.as_ref(), now)
        };
        due.then(|| self.reload())
    }

    /// The corpus folder being served.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The library being served.
    pub fn shared(&self) -> &Arc<SharedLibrary> {
        &self.shared
    }

    /// Builds a new library (blocking: seconds on a large corpus) and swaps it in. Commands keep
    /// answering from the old library meanwhile; on any error the old library stays.
    pub fn reload(&self) -> Result<ReloadReport, ReloadError> {
        let _only_one = match self.running.try_lock() {
            Ok(guard) => guard,
            Err(std::sync::TryLockError::WouldBlock) => return Err(ReloadError::Busy),
            // A panicked reload swapped nothing; the next one may go ahead.
            Err(std::sync::TryLockError::Poisoned(p)) => p.into_inner(),
        };
        let started = Instant::now();
        *self.loaded.lock().unwrap_or_else(|p| p.into_inner()) = Fingerprint::of(&self.dir);
        let options = LoadOptions {
            cache: self.cache.as_ref(),
            ..LoadOptions::default()
        };
        let new = load_library_with(&self.dir, &options)?;
        let old = self.shared.current();
        if new.articles.is_empty() && !old.articles.is_empty() {
            // An emptied folder is far more often a move or copy in progress than a wish to
            // serve nothing.
            return Err(ReloadError::Empty {
                dir: self.dir.display().to_string(),
                warnings: new.warnings.len(),
                kept: old.articles.len(),
            });
        }
        let mut report = compare(&old, &new);
        report.elapsed = started.elapsed();
        self.shared.replace(Arc::new(new));
        Ok(report)
    }
}

/// The articles of `new` against `old`, by id and text.
fn compare(old: &Library, new: &Library) -> ReloadReport {
    let before: HashMap<&str, &str> = old
        .articles
        .iter()
        .map(|a| (a.id.as_str(), a.text.as_str()))
        .collect();
    let after: HashMap<&str, &str> = new
        .articles
        .iter()
        .map(|a| (a.id.as_str(), a.text.as_str()))
        .collect();
    let sorted = |ids: Vec<&str>| -> Vec<String> {
        ids.into_iter()
            .map(String::from)
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect()
    };
    ReloadReport {
        articles: new.articles.len(),
        counts: Counts {
            quotes: new.quotes.len() - new.positions,
            positions: new.positions,
            claims: new.claims.len(),
        },
        added: sorted(
            after
                .keys()
                .filter(|id| !before.contains_key(*id))
                .copied()
                .collect(),
        ),
        changed: sorted(
            after
                .iter()
                .filter(|(id, text)| before.get(*id).is_some_and(|old| old != *text))
                .map(|(id, _)| *id)
                .collect(),
        ),
        removed: sorted(
            before
                .keys()
                .filter(|id| !after.contains_key(*id))
                .copied()
                .collect(),
        ),
        warnings: new.warnings.clone(),
        elapsed: Duration::ZERO,
    }
}

/// At most this many ids are listed per change on a card; the count is always given.
const LISTED: usize = 10;

fn listed(ids: &[String]) -> String {
    let mut s = ids
        .iter()
        .take(LISTED)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    if ids.len() > LISTED {
        s.push_str(&format!(" and {} more", ids.len() - LISTED));
    }
    s
}

impl ReloadReport {
    /// One line for the log.
    pub fn summary(&self) -> String {
        format!(
            "corpus reloaded in {:.1} s: {} articles ({} added, {} changed, {} removed), {}, {} claims, {} files skipped",
            self.elapsed.as_secs_f64(),
            self.articles,
            self.added.len(),
            self.changed.len(),
            self.removed.len(),
            self.counts.quotes_phrase(),
            self.counts.claims,
            self.warnings.len()
        )
    }

    /// The answer to `/reload`.
    pub fn card(&self) -> Card {
        let unchanged = self.added.is_empty() && self.changed.is_empty() && self.removed.is_empty();
        let description = if unchanged {
            format!(
                "Nothing changed: {} articles, {} and {} claims are live.",
                self.articles,
                self.counts.quotes_phrase(),
                self.counts.claims
            )
        } else {
            format!(
                "Now live: {} articles, {} and {} claims (built in {:.1} s while the old corpus kept answering).",
                self.articles,
                self.counts.quotes_phrase(),
                self.counts.claims,
                self.elapsed.as_secs_f64()
            )
        };
        let mut card = Card::new("Corpus reloaded", description)
            .field(
                format!("Added ({})", self.added.len()),
                listed(&self.added),
                false,
            )
            .field(
                format!("Changed ({})", self.changed.len()),
                listed(&self.changed),
                false,
            )
            .field(
                format!("Removed ({})", self.removed.len()),
                listed(&self.removed),
                false,
            );
        if !self.warnings.is_empty() {
            let shown: Vec<&str> = self.warnings.iter().take(5).map(String::as_str).collect();
            card = card
                .field(
                    format!("Skipped files ({})", self.warnings.len()),
                    shown.join("\n"),
                    false,
                )
                .footer("Skipped files are not served; `quotebot check` lists every problem with its line.");
        }
        card
    }
}

/// The reply to a reload request, success or not.
pub fn reload_reply(outcome: &Result<ReloadReport, ReloadError>) -> Reply {
    match outcome {
        // Only the operator asked; the channel need not see corpus housekeeping.
        Ok(report) => Reply::one(report.card()).private(),
        Err(e) => Reply::one(Card::error(e.to_string())).private(),
    }
}

/// What a look at the corpus folder sees without reading any article: each file's name, size
/// and modification time. Two equal fingerprints mean nothing was added, removed or rewritten
/// (an editor that keeps size and time to the nanosecond is the only miss, and `/reload` is there
/// for it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fingerprint(Vec<(std::ffi::OsString, u64, Option<SystemTime>)>);

impl Fingerprint {
    /// The folder as it is now; `None` when it cannot be read.
    pub fn of(dir: &Path) -> Option<Fingerprint> {
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .ok()?
            .filter_map(Result::ok)
            .filter_map(|e| {
                let meta = e.metadata().ok()?;
                Some((e.file_name(), meta.len(), meta.modified().ok()))
            })
            .collect();
        files.sort();
        Some(Fingerprint(files))
    }
}

/// Decides, look by look, when a watched folder should be reloaded: after it changed from what
/// was last loaded and then stayed the same for one more look, so a file still being copied is
/// not loaded half-written.
#[derive(Debug, Default)]
pub struct Watch {
    /// A change seen on the previous look, waiting to settle.
    pending: Option<Fingerprint>,
}

impl Watch {
    /// Takes one look at the folder (`now`) against what was last loaded; true when a reload
    /// should run now.
    pub fn look(&mut self, loaded: Option<&Fingerprint>, now: Option<Fingerprint>) -> bool {
        let Some(now) = now else {
            // An unreadable folder is not a change to act on: the reload would fail anyway.
            self.pending = None;
            return false;
        };
        if loaded == Some(&now) {
            self.pending = None;
            return false;
        }
        if self.pending.as_ref() == Some(&now) {
            self.pending = None;
            return true;
        }
        self.pending = Some(now);
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fp(files: &[(&str, u64)]) -> Option<Fingerprint> {
        Some(Fingerprint(
            files
                .iter()
                .map(|(n, len)| (n.into(), *len, None))
                .collect(),
        ))
    }

    #[test]
    fn the_reload_card_counts_positions_apart_from_quotes() {
        let report = ReloadReport {
            articles: 5,
            counts: Counts {
                quotes: 44,
                positions: 17,
                claims: 22,
            },
            added: vec![],
            changed: vec!["b".into()],
            removed: vec![],
            warnings: vec![],
            elapsed: Duration::from_millis(300),
        };
        assert_eq!(
            report.card().description,
            "Now live: 5 articles, 44 quotes, 17 positions and 22 claims (built in 0.3 s while the old corpus kept answering)."
        );
        assert!(
            report
                .summary()
                .contains("44 quotes, 17 positions, 22 claims")
        );
    }

    #[test]
    fn a_change_reloads_once_after_it_settles() {
        let mut w = Watch::default();
        let loaded = fp(&[("a.txt", 10)]);
        assert!(!w.look(loaded.as_ref(), fp(&[("a.txt", 10)])), "unchanged");
        let copying = fp(&[("a.txt", 10), ("b.txt", 3)]);
        assert!(!w.look(loaded.as_ref(), copying), "still copying?");
        let grown = fp(&[("a.txt", 10), ("b.txt", 7)]);
        assert!(!w.look(loaded.as_ref(), grown.clone()), "it grew");
        assert!(w.look(loaded.as_ref(), grown.clone()), "settled");
        assert!(!w.look(grown.as_ref(), grown.clone()), "loaded now");
    }

    #[test]
    fn an_unreadable_folder_triggers_nothing_and_forgets_a_pending_change() {
        let mut w = Watch::default();
        let loaded = fp(&[("a.txt", 10)]);
        assert!(!w.look(loaded.as_ref(), fp(&[("b.txt", 1)])));
        assert!(!w.look(loaded.as_ref(), None));
        assert!(
            !w.look(loaded.as_ref(), fp(&[("b.txt", 1)])),
            "starts settling again"
        );
        assert!(w.look(loaded.as_ref(), fp(&[("b.txt", 1)])));
    }

    #[test]
    fn the_report_lists_a_few_ids_and_counts_them_all() {
        let ids: Vec<String> = (0..13).map(|i| format!("a{i}")).collect();
        assert_eq!(
            listed(&ids),
            "a0, a1, a2, a3, a4, a5, a6, a7, a8, a9 and 3 more"
        );
    }
}
