//! The library: the loaded corpus with what was extracted from it and the search index over it,
//! built at start-up (and anew at each reload) and then only read. Owns the lookups the commands share (an article by
//! id, a quote's date, the speaker list); builds nothing per request.

use crate::cache::{Cache, Key, article_key};
use crate::corpus::{Article, ParagraphKind};
use crate::extract::quotes::{Quote, QuoteKind};
use crate::extract::{Claim, combine};
use crate::progress::{Progress, Quiet, Stage};
use crate::search::{DocKind, Entry, SearchError, SearchIndex};
use crate::text::dates::PartialDate;
use crate::text::names::{is_group, most_common_role};
use rayon::prelude::*;
use std::collections::HashMap;
use std::sync::{Arc, RwLock};

mod load;
use load::{extract_all, index_with, read_through};

/// A speaker as listed by `/speakers`.
#[derive(Debug, Clone, PartialEq)]
pub struct SpeakerEntry {
    pub name: String,
    pub role: Option<String>,
    /// Words they said, reported or quoted.
    pub quotes: usize,
    /// Positions the writer reports for them ("endorsed Clinton"), counted apart.
    pub positions: usize,
    /// "experts", "officials", an organisation: not a named person.
    pub is_group: bool,
}

/// A paragraph of an article, indexed for `/source`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Passage {
    pub article: usize,
    pub paragraph: usize,
}

/// Which date a quote is shown with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateBasis {
    /// The date the words were said (an occasion named in the text).
    Said,
    /// The article's publication date.
    Published,
}

/// Why the library could not be built at all (a bad single file is only a warning).
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The corpus folder is missing or unreadable.
    #[error(transparent)]
    Corpus(#[from] crate::corpus::CorpusError),
    /// The search index could not be built.
    #[error(transparent)]
    Search(#[from] SearchError),
}

/// How a library is loaded: with a warm-start cache or not, and who hears of progress.
#[derive(Clone, Copy)]
pub struct LoadOptions<'a> {
    pub cache: Option<&'a Cache>,
    pub progress: &'a dyn Progress,
}

impl Default for LoadOptions<'_> {
    fn default() -> Self {
        LoadOptions {
            cache: None,
            progress: &Quiet,
        }
    }
}

/// Loads the corpus folder and builds the library; files that fail to load become warnings.
pub fn load_library(dir: &std::path::Path) -> Result<Library, LoadError> {
    load_library_with(dir, &LoadOptions::default())
}

/// [`load_library`] with a cache and progress reports.
pub fn load_library_with(
    dir: &std::path::Path,
    options: &LoadOptions,
) -> Result<Library, LoadError> {
    options.progress.start(Stage::Reading, 0);
    let loaded = match options.cache {
        Some(cache) => read_through(dir, cache),
        None => crate::corpus::load_dir(dir),
    };
    options.progress.finish();
    let loaded = loaded?;
    let warnings = loaded.errors.iter().map(ToString::to_string).collect();
    Ok(Library::build_with(loaded.articles, warnings, options)?)
}

/// The library the shells answer from, replaced whole when the corpus is reloaded. A command
/// takes the current `Arc` once and answers from it, so a reload never changes an answer (or a
/// page of one) half-way, and the old library lives until its last reader is done.
pub struct SharedLibrary(RwLock<Arc<Library>>);

impl SharedLibrary {
    pub fn new(lib: Arc<Library>) -> Self {
        SharedLibrary(RwLock::new(lib))
    }

    /// The library to answer the next command from.
    pub fn current(&self) -> Arc<Library> {
        // The lock only guards a pointer swap, which cannot leave it half-written.
        self.0.read().unwrap_or_else(|p| p.into_inner()).clone()
    }

    /// Swaps in a newly built library; returns the one it replaced.
    pub fn replace(&self, lib: Arc<Library>) -> Arc<Library> {
        let mut slot = self.0.write().unwrap_or_else(|p| p.into_inner());
        std::mem::replace(&mut *slot, lib)
    }
}

/// What one article holds. Positions are counted apart from quotes: they are the writer's
/// report of what someone wants or did, not anyone's words.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub quotes: usize,
    pub positions: usize,
    pub claims: usize,
}

impl Counts {
    /// "3 quotes", "1 quote, 9 positions" or "9 positions": see [`quotes_phrase`].
    pub fn quotes_phrase(&self) -> String {
        quotes_phrase(self.quotes, self.positions)
    }
}

/// "3 quotes", "1 quote, 9 positions" or "9 positions": positions only when there are some.
pub fn quotes_phrase(quotes: usize, positions: usize) -> String {
    let count = |n: usize, one: &str, many: &str| match n {
        1 => format!("1 {one}"),
        n => format!("{n} {many}"),
    };
    match (quotes, positions) {
        (q, 0) => count(q, "quote", "quotes"),
        (0, p) => count(p, "position", "positions"),
        (q, p) => format!(
            "{}, {}",
            count(q, "quote", "quotes"),
            count(p, "position", "positions")
        ),
    }
}

/// Everything the commands read.
pub struct Library {
    pub articles: Vec<Article>,
    pub quotes: Vec<Quote>,
    /// How many of `quotes` are reported positions rather than words someone said.
    pub positions: usize,
    pub claims: Vec<Claim>,
    pub passages: Vec<Passage>,
    /// Most quoted first.
    pub speakers: Vec<SpeakerEntry>,
    /// Publications in the corpus, sorted.
    pub sources: Vec<String>,
    /// Words that quotes are about, most frequent first, for topic suggestions.
    pub topics: Vec<String>,
    /// Files that could not be loaded, as messages.
    pub warnings: Vec<String>,
    pub index: SearchIndex,
    by_id: HashMap<String, usize>,
    /// Quotes and claims per article, by article position.
    counts: Vec<Counts>,
}

impl Library {
    /// Extracts and indexes `articles`.
    pub fn build(articles: Vec<Article>, warnings: Vec<String>) -> Result<Library, SearchError> {
        Self::build_with(articles, warnings, &LoadOptions::default())
    }

    /// [`Library::build`] with a cache and progress reports.
    pub fn build_with(
        articles: Vec<Article>,
        warnings: Vec<String>,
        options: &LoadOptions,
    ) -> Result<Library, SearchError> {
        let started = std::time::Instant::now();
        let keys: Vec<Key> = match options.cache {
            Some(_) => articles.par_iter().map(article_key).collect(),
            None => Vec::new(),
        };
        let extraction = combine(extract_all(&articles, &keys, options));
        tracing::debug!(
            elapsed_ms = started.elapsed().as_millis() as u64,
            "extracted"
        );
        let by_id: HashMap<String, usize> = articles
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.clone(), i))
            .collect();
        let passages: Vec<Passage> = articles
            .iter()
            .enumerate()
            .flat_map(|(ai, a)| {
                a.paragraphs
                    .iter()
                    .enumerate()
                    .filter(|(_, p)| p.kind == ParagraphKind::Prose)
                    .map(move |(pi, _)| Passage {
                        article: ai,
                        paragraph: pi,
                    })
            })
            .collect();
        let speakers = speaker_list(&extraction.quotes);
        let mut sources: Vec<String> = articles.iter().filter_map(|a| a.source.clone()).collect();
        sources.sort();
        sources.dedup();

        let article_of = |id: &str| &articles[by_id[id]];
        let quote_entries = extraction.quotes.iter().enumerate().map(|(i, q)| {
            let a = article_of(&q.article);
            Entry {
                kind: DocKind::Quote,
                ord: i,
                text: &q.text,
                // Built only when the index is: a warm start never needs them.
                context: join_present(&[
                    q.speaker.as_deref(),
                    q.speaker_title.as_deref(),
                    q.occasion.as_deref(),
                    q.place.as_deref(),
                ])
                .into(),
                speaker: q.speaker.as_deref(),
                source: a.source.as_deref(),
                date: q.said_on.or(a.published),
                value: None,
                unit_kind: None,
            }
        });
        let claim_entries = extraction.claims.iter().enumerate().map(|(i, c)| {
            let a = article_of(&c.article);
            Entry {
                kind: DocKind::Claim,
                ord: i,
                text: &c.sentence,
                context: join_present(&[c.what.as_deref(), Some(&c.text)]).into(),
                speaker: None,
                source: a.source.as_deref(),
                date: a.published,
                value: Some((c.value, c.value_max.unwrap_or(c.value))),
                unit_kind: Some(c.unit_kind()),
            }
        });
        let passage_entries = passages.iter().enumerate().map(|(i, p)| {
            let a = &articles[p.article];
            Entry {
                kind: DocKind::Passage,
                ord: i,
                text: &a.paragraphs[p.paragraph].text,
                context: a.title.as_deref().unwrap_or("").into(),
                speaker: None,
                source: a.source.as_deref(),
                date: a.published,
                value: None,
                unit_kind: None,
            }
        });
        let started = std::time::Instant::now();
        let entries = || {
            quote_entries
                .clone()
                .chain(claim_entries.clone())
                .chain(passage_entries.clone())
        };
        let index = index_with(
            entries,
            options,
            &keys,
            extraction.quotes.len() + extraction.claims.len() + passages.len(),
        )?;
        tracing::debug!(elapsed_ms = started.elapsed().as_millis() as u64, "indexed");
        let topics = topic_words(&extraction.quotes);
        let mut counts = vec![Counts::default(); articles.len()];
        for q in &extraction.quotes {
            let n = &mut counts[by_id[&q.article]];
            match q.kind {
                QuoteKind::Position => n.positions += 1,
                _ => n.quotes += 1,
            }
        }
        for c in &extraction.claims {
            counts[by_id[&c.article]].claims += 1;
        }
        let positions = counts.iter().map(|n| n.positions).sum();
        Ok(Library {
            topics,
            positions,
            quotes: extraction.quotes,
            claims: extraction.claims,
            articles,
            passages,
            speakers,
            sources,
            warnings,
            index,
            by_id,
            counts,
        })
    }

    /// The article with this id.
    pub fn article(&self, id: &str) -> &Article {
        &self.articles[self.by_id[id]]
    }

    /// How many quotes, positions and claims an article has.
    pub fn counts(&self, id: &str) -> Counts {
        self.counts[self.by_id[id]]
    }

    /// The date to show with a quote, and whether it is when it was said or when it was published.
    pub fn quote_date(&self, q: &Quote) -> Option<(PartialDate, DateBasis)> {
        q.said_on.map(|d| (d, DateBasis::Said)).or_else(|| {
            self.article(&q.article)
                .published
                .map(|d| (d, DateBasis::Published))
        })
    }

    /// Named people (not groups) with a quote, for suggestions.
    pub fn people(&self) -> impl Iterator<Item = &SpeakerEntry> {
        self.speakers.iter().filter(|s| !s.is_group)
    }
}

/// Common words that make poor topics.
const NOT_TOPICS: &[&str] = &[
    "about",
    "after",
    "against",
    "along",
    "also",
    "among",
    "around",
    "because",
    "been",
    "before",
    "being",
    "between",
    "both",
    "could",
    "country",
    "countries",
    "during",
    "each",
    "every",
    "from",
    "further",
    "have",
    "having",
    "into",
    "itself",
    "more",
    "most",
    "other",
    "over",
    "should",
    "since",
    "some",
    "such",
    "than",
    "that",
    "their",
    "them",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "under",
    "until",
    "very",
    "well",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "will",
    "with",
    "within",
    "without",
    "would",
    "your",
    "said",
    "says",
];

/// Words of five letters or more that recur in quotes, most frequent first (at most 1,000).
fn topic_words(quotes: &[Quote]) -> Vec<String> {
    let mut counts: HashMap<String, usize> = HashMap::new();
    for q in quotes {
        for w in q.text.split(|c: char| !c.is_alphanumeric() && c != '-') {
            let w = w.trim_matches('-').to_lowercase();
            if w.chars().count() >= 5
                && !NOT_TOPICS.contains(&w.as_str())
                && !w.chars().all(|c| c.is_ascii_digit())
            {
                *counts.entry(w).or_default() += 1;
            }
        }
    }
    let mut words: Vec<(String, usize)> = counts.into_iter().filter(|(_, n)| *n >= 2).collect();
    words.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    words.into_iter().take(1000).map(|(w, _)| w).collect()
}

fn join_present(parts: &[Option<&str>]) -> String {
    parts
        .iter()
        .flatten()
        .copied()
        .collect::<Vec<_>>()
        .join(" ")
}

fn speaker_list(quotes: &[Quote]) -> Vec<SpeakerEntry> {
    let mut by_name: HashMap<&str, Vec<&Quote>> = HashMap::new();
    for q in quotes {
        if let Some(s) = q.speaker.as_deref() {
            by_name.entry(s).or_default().push(q);
        }
    }
    let mut list: Vec<SpeakerEntry> = by_name
        .into_iter()
        .map(|(name, qs)| SpeakerEntry {
            name: name.to_string(),
            role: most_common_role(qs.iter().filter_map(|q| q.speaker_title.as_deref())),
            quotes: qs.iter().filter(|q| q.kind != QuoteKind::Position).count(),
            positions: qs.iter().filter(|q| q.kind == QuoteKind::Position).count(),
            is_group: is_group(name)
                || qs.iter().all(|q| {
                    q.kind == QuoteKind::Indirect && q.cue.as_deref() == Some("according to")
                }),
        })
        .collect();
    list.sort_by(|a, b| {
        (b.quotes, b.positions)
            .cmp(&(a.quotes, a.positions))
            .then_with(|| a.name.cmp(&b.name))
    });
    list
}
