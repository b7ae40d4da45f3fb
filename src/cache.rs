//! The warm-start cache on disk: what was extracted from each article, keyed by the article's
//! content, and the search index built over a whole corpus, keyed by the corpus's content. An
//! unchanged corpus then starts without extracting or indexing anything; a changed, added or
//! removed file re-extracts only itself. Both are stamped with the build's key (a hash of the
//! sources, from `build.rs`), so other rules never reuse them. Anything unreadable here is a
//! cache miss, never an error: the cache can always be deleted.

use crate::corpus::Article;
use crate::extract::ArticleExtraction;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use xxhash_rust::xxh3::Xxh3;

/// Identifies this build's rules.
pub const BUILD_KEY: &str = env!("QUOTEBOT_BUILD_KEY");

/// Bumped when the file layout below changes.
const FORMAT: u32 = 1;
const EXTRACTIONS_FILE: &str = "extractions.bin";
const ARTICLES_FILE: &str = "articles.bin";

/// A 128-bit content hash.
pub type Key = u128;

/// An article's key: its id, file name and every byte of its text.
pub fn article_key(a: &Article) -> Key {
    let mut h = Xxh3::new();
    for part in [a.id.as_bytes(), a.file.as_bytes(), a.text.as_bytes()] {
        h.update(&(part.len() as u64).to_le_bytes());
        h.update(part);
    }
    h.digest128()
}

/// An article file's key: its name and every byte as read.
pub fn file_key(file: &str, bytes: &[u8]) -> Key {
    let mut h = Xxh3::new();
    h.update(&(file.len() as u64).to_le_bytes());
    h.update(file.as_bytes());
    h.update(bytes);
    h.digest128()
}

/// A corpus's key: the build and its articles' keys in order.
pub fn corpus_key(articles: &[Key]) -> Key {
    let mut h = Xxh3::new();
    h.update(BUILD_KEY.as_bytes());
    h.update(&FORMAT.to_le_bytes());
    for k in articles {
        h.update(&k.to_le_bytes());
    }
    h.digest128()
}

/// A cache file as read: entries by key, stamped with the layout and the build that wrote them.
#[derive(Deserialize)]
struct Stamped<T> {
    format: u32,
    build: String,
    entries: Vec<(Key, T)>,
}

/// The same layout, written from borrowed entries.
#[derive(Serialize)]
struct StampedRef<'a, T> {
    format: u32,
    build: &'a str,
    entries: &'a [(Key, &'a T)],
}

/// A cache folder.
pub struct Cache {
    dir: PathBuf,
}

impl Cache {
    pub fn new(dir: impl Into<PathBuf>) -> Cache {
        Cache { dir: dir.into() }
    }

    /// The cache of one corpus folder under `root`: its own subfolder, named after the folder
    /// and a hash of its full path, so two corpora never evict each other's files.
    pub fn for_corpus(root: &Path, corpus: &Path) -> Cache {
        let full = std::fs::canonicalize(corpus).unwrap_or_else(|_| corpus.to_path_buf());
        let name: String = full
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
            .chars()
            .map(|c| {
                if c.is_alphanumeric() || c == '-' || c == '_' {
                    c
                } else {
                    '_'
                }
            })
            .take(40)
            .collect();
        let hash = xxhash_rust::xxh3::xxh3_64(full.to_string_lossy().as_bytes());
        Cache::new(root.join(format!("{name}-{hash:016x}")))
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The extractions kept by the last load; empty when there are none, they are unreadable
    /// or another build made them.
    pub fn extractions(&self) -> HashMap<Key, ArticleExtraction> {
        self.read(EXTRACTIONS_FILE, "extracting")
    }

    /// The parsed articles kept by the last load, by file key (with the id the parser gave,
    /// before ids were made unique); empty when there are none.
    pub fn articles(&self) -> HashMap<Key, Article> {
        self.read(ARTICLES_FILE, "reading the articles")
    }

    /// Keeps exactly these parsed articles, replacing the file atomically.
    pub fn save_articles(&self, entries: &[(Key, &Article)]) -> std::io::Result<()> {
        self.write(ARTICLES_FILE, entries)
    }

    /// Keeps exactly these extractions (so removed articles leave the cache), replacing the
    /// file atomically: a crash mid-write leaves the previous cache.
    pub fn save_extractions(&self, entries: &[(Key, &ArticleExtraction)]) -> std::io::Result<()> {
        self.write(EXTRACTIONS_FILE, entries)
    }

    /// The entries of one cache file; a missing, unreadable or foreign file is a miss, and
    /// `afresh` says in the log what is done instead.
    fn read<T: serde::de::DeserializeOwned>(&self, name: &str, afresh: &str) -> HashMap<Key, T> {
        let path = self.dir.join(name);
        let Ok(bytes) = std::fs::read(&path) else {
            return HashMap::new();
        };
        match postcard::from_bytes::<Stamped<T>>(&bytes) {
            Ok(f) if f.format == FORMAT && f.build == BUILD_KEY => f.entries.into_iter().collect(),
            Ok(_) => {
                tracing::info!("{} is from another build; {afresh}", path.display());
                HashMap::new()
            }
            Err(e) => {
                tracing::warn!(%e, "{} is unreadable; {afresh}", path.display());
                HashMap::new()
            }
        }
    }

    fn write<T: Serialize>(&self, name: &str, entries: &[(Key, &T)]) -> std::io::Result<()> {
        let file = StampedRef {
            format: FORMAT,
            build: BUILD_KEY,
            entries,
        };
        let bytes = postcard::to_stdvec(&file).map_err(std::io::Error::other)?;
        write_atomically(&self.dir.join(name), &bytes)
    }

    /// Where the index of the corpus with this key lives (it may not exist yet).
    pub fn index_dir(&self, corpus: Key) -> PathBuf {
        self.dir.join(format!("index-{corpus:032x}"))
    }

    /// A fresh folder to build an index in before it is moved to [`Cache::index_dir`].
    pub fn partial_index_dir(&self, corpus: Key) -> std::io::Result<PathBuf> {
        let dir = self
            .dir
            .join(format!("partial-{corpus:032x}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir)?;
        Ok(dir)
    }

    /// Publishes a built index under its key; if another process published one first, theirs
    /// stays and ours goes.
    pub fn publish_index(&self, partial: &Path, corpus: Key) -> std::io::Result<PathBuf> {
        let dest = self.index_dir(corpus);
        if let Err(e) = std::fs::rename(partial, &dest) {
            if !dest.is_dir() {
                return Err(e);
            }
            let _ = std::fs::remove_dir_all(partial);
        }
        Ok(dest)
    }

    /// Removes every index but `keep` (indexes of older corpora), and folders that a crashed
    /// run left half-built. A library still reading an old index keeps its open files; a
    /// folder another process is building in right now is young, and left alone.
    pub fn prune_indexes(&self, keep: Key) {
        let keep = self.index_dir(keep);
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return;
        };
        for e in entries.flatten() {
            let path = e.path();
            let name = e.file_name();
            let name = name.to_string_lossy();
            let abandoned = name.starts_with("partial-")
                && e.metadata()
                    .and_then(|m| m.modified())
                    .ok()
                    .and_then(|t| t.elapsed().ok())
                    .is_some_and(|age| age > ABANDONED_AFTER);
            if (name.starts_with("index-") && path != keep) || abandoned {
                let _ = std::fs::remove_dir_all(&path);
            }
        }
    }
}

/// A half-built index folder this old belongs to a run that died: no build takes an hour.
const ABANDONED_AFTER: std::time::Duration = std::time::Duration::from_secs(3600);

fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    let tmp = path.with_extension(format!("tmp-{}", std::process::id()));
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(&tmp, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(text: &str) -> Article {
        crate::corpus::parse_article("a.txt", text).unwrap()
    }

    #[test]
    fn keys_change_with_any_byte_and_with_order() {
        let a = article("One line of text.\n");
        let b = article("One line of text!\n");
        assert_ne!(article_key(&a), article_key(&b));
        assert_eq!(
            article_key(&a),
            article_key(&article("One line of text.\n"))
        );
        let (ka, kb) = (article_key(&a), article_key(&b));
        assert_ne!(corpus_key(&[ka, kb]), corpus_key(&[kb, ka]));
    }

    #[test]
    fn extractions_round_trip_and_a_damaged_file_is_a_miss() {
        let dir = std::env::temp_dir().join(format!("quotebot-cache-unit-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let cache = Cache::new(&dir);
        assert!(cache.extractions().is_empty(), "no cache yet");
        let a = article(
            "\"We will count every vote,\" said Jane Doe, a minister, on 5 May 2020.\n\nTurnout was 45 percent.\n",
        );
        let x = crate::extract::extract_article(&a);
        assert!(!x.quotes.is_empty() && !x.claims.is_empty());
        cache.save_extractions(&[(7, &x)]).unwrap();
        let back = cache.extractions();
        assert_eq!(back[&7].quotes, x.quotes);
        assert_eq!(back[&7].claims, x.claims);
        std::fs::write(dir.join(EXTRACTIONS_FILE), b"not postcard").unwrap();
        assert!(cache.extractions().is_empty());
        let _ = std::fs::remove_dir_all(&dir);
    }
}
