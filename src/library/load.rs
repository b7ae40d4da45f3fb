//! Loading through the warm-start cache: which articles, extractions and index can be taken
//! from it and which must be made afresh, and keeping the cache up to date afterwards. Without a
//! cache, everything is made afresh.

use super::LoadOptions;
use crate::cache::{Cache, Key, corpus_key, file_key};
use crate::corpus::{Article, Loaded};
use crate::extract::{ArticleExtraction, extract_article};
use crate::progress::Stage;
use crate::search::{Entry, SearchError, SearchIndex};
use rayon::prelude::*;
use std::collections::HashMap;
use std::sync::Mutex;

/// Loads the corpus folder, taking unchanged files' parsed articles from the cache (their
/// bytes are still read, to know they are unchanged), and saves the cache when anything changed.
pub(super) fn read_through(
    dir: &std::path::Path,
    cache: &Cache,
) -> Result<Loaded, crate::corpus::CorpusError> {
    /// A file read: its name, key, the id the parser gave, and whether it was parsed afresh.
    type Seen = (String, Key, String, bool);
    let cached = Mutex::new(cache.articles());
    let seen: Mutex<Vec<Seen>> = Mutex::new(Vec::new());
    let read = |path: &std::path::Path| -> Result<Article, crate::corpus::ArticleError> {
        let bytes = crate::corpus::read_bytes(path)?;
        let file = path.display().to_string();
        let key = file_key(&file, &bytes);
        let hit = cached
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .remove(&key);
        let (article, fresh) = match hit {
            Some(a) => (a, false),
            None => (crate::corpus::parse_bytes(path, bytes)?, true),
        };
        let id = article.id.clone();
        seen.lock()
            .unwrap_or_else(|p| p.into_inner())
            .push((file, key, id, fresh));
        Ok(article)
    };
    let loaded = crate::corpus::load_dir_with(dir, &read)?;
    let seen = seen.into_inner().unwrap_or_else(|p| p.into_inner());
    let gone = !cached
        .into_inner()
        .unwrap_or_else(|p| p.into_inner())
        .is_empty();
    if gone || seen.iter().any(|(.., fresh)| *fresh) {
        let by_file: HashMap<&str, &Article> = loaded
            .articles
            .iter()
            .map(|a| (a.file.as_str(), a))
            .collect();
        // The cache keeps the id the parser gave; a colliding id made unique since (`x-2`)
        // is put back, so the next load makes it unique the same way.
        let renamed: Vec<(Key, Article)> = seen
            .iter()
            .filter_map(|(file, key, id, _)| {
                let a = by_file.get(file.as_str())?;
                (a.id != *id).then(|| {
                    let mut a = (*a).clone();
                    a.id.clone_from(id);
                    (*key, a)
                })
            })
            .collect();
        let renamed_keys: HashMap<Key, &Article> = renamed.iter().map(|(k, a)| (*k, a)).collect();
        let entries: Vec<(Key, &Article)> = seen
            .iter()
            .filter_map(|(file, key, ..)| {
                let a = renamed_keys
                    .get(key)
                    .or_else(|| by_file.get(file.as_str()))?;
                Some((*key, *a))
            })
            .collect();
        if let Err(e) = cache.save_articles(&entries) {
            tracing::warn!(%e, "cannot save the article cache in {}; the next start reads every article again", cache.dir().display());
        }
    }
    Ok(loaded)
}

/// Extracts every article, taking what the cache holds for unchanged ones; saves the cache
/// when anything was extracted or an article went away.
pub(super) fn extract_all(
    articles: &[Article],
    keys: &[Key],
    options: &LoadOptions,
) -> Vec<ArticleExtraction> {
    let mut cached = options.cache.map(Cache::extractions).unwrap_or_default();
    // Without a cache there are no keys, and every slot is a miss.
    let mut slots: Vec<Option<ArticleExtraction>> = (0..articles.len())
        .map(|i| keys.get(i).and_then(|k| cached.remove(k)))
        .collect();
    let misses = slots.iter().filter(|s| s.is_none()).count();
    options.progress.start(Stage::Extracting, misses);
    slots.par_iter_mut().enumerate().for_each(|(i, slot)| {
        if slot.is_none() {
            *slot = Some(extract_article(&articles[i]));
            options.progress.add(1);
        }
    });
    options.progress.finish();
    let per_article: Vec<ArticleExtraction> = slots.into_iter().flatten().collect();
    if let Some(cache) = options.cache
        && (misses > 0 || !cached.is_empty())
    {
        let started = std::time::Instant::now();
        let entries: Vec<(Key, &ArticleExtraction)> =
            keys.iter().copied().zip(&per_article).collect();
        match cache.save_extractions(&entries) {
            Ok(()) => tracing::debug!(
                elapsed_ms = started.elapsed().as_millis() as u64,
                "extraction cache saved"
            ),
            Err(e) => {
                tracing::warn!(%e, "cannot save the extraction cache in {}; the next start extracts again", cache.dir().display())
            }
        }
    }
    tracing::debug!(
        extracted = misses,
        reused = articles.len() - misses,
        "extraction"
    );
    per_article
}

/// The search index: opened from the cache when this very corpus was indexed before, else built
/// (into the cache when there is one, so the next start opens it).
pub(super) fn index_with<'a, I: Iterator<Item = Entry<'a>>>(
    entries: impl Fn() -> I,
    options: &LoadOptions,
    keys: &[Key],
    total: usize,
) -> Result<SearchIndex, SearchError> {
    let progress = options.progress;
    let counted = || entries().inspect(|_| progress.add(1));
    let in_memory = || {
        progress.start(Stage::Indexing, total);
        let index = SearchIndex::build(counted());
        progress.finish();
        index
    };
    let Some(cache) = options.cache else {
        return in_memory();
    };
    let key = corpus_key(keys);
    let dir = cache.index_dir(key);
    if dir.is_dir() {
        match SearchIndex::open(&dir) {
            Ok(index) => return Ok(index),
            Err(e) => {
                tracing::warn!(%e, "the cached index in {} cannot be opened; building it again", dir.display())
            }
        }
    }
    progress.start(Stage::Indexing, total);
    let built = (|| -> Result<SearchIndex, String> {
        let partial = cache
            .partial_index_dir(key)
            .map_err(|e| format!("cannot write in {}: {e}", cache.dir().display()))?;
        SearchIndex::build_in_dir(&partial, counted())
            .map_err(|e| format!("cannot write the index to {}: {e}", partial.display()))?;
        let dir = cache
            .publish_index(&partial, key)
            .map_err(|e| format!("cannot move the index into {}: {e}", dir.display()))?;
        SearchIndex::open(&dir).map_err(|e| e.to_string())
    })();
    progress.finish();
    match built {
        Ok(index) => {
            cache.prune_indexes(key);
            Ok(index)
        }
        Err(e) => {
            // The cache folder is unusable (read-only, full): serve from memory this time.
            tracing::warn!(
                "{e}; the index is kept in memory instead, and the next start builds it again"
            );
            in_memory()
        }
    }
}
