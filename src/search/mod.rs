//! The search index over quotes, numeric claims and article passages: ranked full-text search
//! with English stemming (tantivy's `en_stem`), exact phrases in quotation marks, typo tolerance
//! (fuzzy terms), and filters by speaker, source and date range. Queries are built from the
//! user's words directly, never through a query parser, so no syntax error can reach a user.

use crate::text::dates::PartialDate;
use std::ops::Bound;
use tantivy::collector::sort_key::{SortBySimilarityScore, SortByStaticFastValue};
use tantivy::collector::{DocSetCollector, TopDocs};
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, FuzzyTermQuery, Occur, PhraseQuery, Query, RangeQuery,
    TermQuery,
};
use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions,
};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{DocAddress, Index, IndexReader, Order, TantivyDocument, Term, doc};

/// A reader that never looks for new commits: the index does not change once built, and an
/// index folder replaced by a reload must not be watched after it is gone.
fn read_only(index: &Index) -> Result<IndexReader, SearchError> {
    Ok(index
        .reader_builder()
        .reload_policy(tantivy::ReloadPolicy::Manual)
        .try_into()?)
}

/// Documents with the key they were ordered by.
type Ranked<K> = Vec<(K, DocAddress)>;

/// What an indexed document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DocKind {
    Quote,
    Claim,
    Passage,
}

impl DocKind {
    fn key(self) -> &'static str {
        match self {
            DocKind::Quote => "quote",
            DocKind::Claim => "claim",
            DocKind::Passage => "passage",
        }
    }
}

/// One document to index: `ord` is its position in the caller's own list of that kind.
#[derive(Debug, Clone)]
pub struct Entry<'a> {
    pub kind: DocKind,
    pub ord: usize,
    pub text: &'a str,
    /// Searchable but weaker than the text: speaker, role, occasion, what a number counts.
    pub context: std::borrow::Cow<'a, str>,
    pub speaker: Option<&'a str>,
    pub source: Option<&'a str>,
    pub date: Option<PartialDate>,
    /// A claim's value (and upper bound for ranges), for range filters and ordering.
    pub value: Option<(f64, f64)>,
    /// A claim's kind of unit ("count", "percent", "money", "year", "other").
    pub unit_kind: Option<&'a str>,
}

/// Restrictions on a search; all optional.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    /// A canonical speaker name, exactly.
    pub speaker: Option<String>,
    /// A publication name, exactly (case-insensitive).
    pub source: Option<String>,
    /// Dates overlapping [from, to] (each may be partial).
    pub from: Option<PartialDate>,
    pub to: Option<PartialDate>,
    /// Claims whose value range reaches at least `min_value` / starts at most at `max_value`.
    pub min_value: Option<f64>,
    pub max_value: Option<f64>,
    /// Claims of this kind of unit.
    pub unit_kind: Option<String>,
}

/// How results are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ranking {
    /// Best match first (everything ties without a topic).
    Relevance,
    /// By date, newest first; undated last.
    Newest,
    /// By date, oldest first.
    Oldest,
    /// Largest claim value first.
    LargestValue,
}

/// A ranked result: the document's kind and ord, with its score.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hit {
    pub kind: DocKind,
    pub ord: usize,
    pub score: f32,
}

/// Why the index could not be built or searched. Not a user's fault: it is reported as an
/// internal error and logged.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    /// tantivy failed (out of memory, a bug).
    #[error("search index: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
}

struct Fields {
    kind: Field,
    ord: Field,
    text: Field,
    context: Field,
    speaker: Field,
    source: Field,
    first_day: Field,
    last_day: Field,
    value: Field,
    value_max: Field,
    unit_kind: Field,
}

/// The built index, in memory, read-only once built.
pub struct SearchIndex {
    index: Index,
    reader: IndexReader,
    fields: Fields,
}

/// How much fuzzier a longer word may be: short words must be exact, or "cat" finds "car".
fn typo_distance(word: &str) -> u8 {
    match word.chars().count() {
        0..=4 => 0,
        5..=8 => 1,
        _ => 2,
    }
}

fn day_number(d: (i32, u8, u8)) -> u64 {
    (d.0.max(0) as u64) * 10_000 + (d.1 as u64) * 100 + d.2 as u64
}

fn lower_key(s: &str) -> String {
    s.trim().to_lowercase()
}

/// The schema, and its fields by name. Built the same way every time, so an index written by an
/// earlier run of this build opens with the same fields.
fn schema() -> (Schema, Fields) {
    let mut schema = Schema::builder();
    let text_options = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer("en_stem")
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let fields = Fields {
        kind: schema.add_text_field("kind", STRING),
        ord: schema.add_u64_field("ord", FAST | STORED),
        text: schema.add_text_field("text", text_options.clone()),
        context: schema.add_text_field("context", text_options),
        speaker: schema.add_text_field("speaker", STRING),
        source: schema.add_text_field("source", STRING),
        first_day: schema.add_u64_field("first_day", INDEXED | FAST),
        last_day: schema.add_u64_field("last_day", INDEXED | FAST),
        value: schema.add_f64_field("value", INDEXED | FAST),
        value_max: schema.add_f64_field("value_max", INDEXED | FAST),
        unit_kind: schema.add_text_field("unit_kind", STRING),
    };
    (schema.build(), fields)
}

impl SearchIndex {
    /// Indexes every entry in memory. Uses one writer thread per core, up to four.
    pub fn build<'a>(
        entries: impl IntoIterator<Item = Entry<'a>>,
    ) -> Result<SearchIndex, SearchError> {
        let (schema, fields) = schema();
        let index = Index::create_in_ram(schema);
        Self::fill(&index, &fields, entries)?;
        let reader = read_only(&index)?;
        Ok(SearchIndex {
            index,
            reader,
            fields,
        })
    }

    /// Indexes every entry into files in `dir` (an empty folder), to be opened again with
    /// [`SearchIndex::open`]; nothing is left writing to the folder when this returns.
    pub fn build_in_dir<'a>(
        dir: &std::path::Path,
        entries: impl IntoIterator<Item = Entry<'a>>,
    ) -> Result<(), SearchError> {
        let (schema, fields) = schema();
        let index = Index::create_in_dir(dir, schema)?;
        Self::fill(&index, &fields, entries)
    }

    /// Opens an index [`SearchIndex::build_in_dir`] wrote; its files are memory-mapped, so only
    /// the parts searches touch are read.
    pub fn open(dir: &std::path::Path) -> Result<SearchIndex, SearchError> {
        let (schema, fields) = schema();
        let index = Index::open_in_dir(dir)?;
        if index.schema() != schema {
            return Err(SearchError::Tantivy(tantivy::TantivyError::SchemaError(
                "the index on disk has another schema".into(),
            )));
        }
        let reader = read_only(&index)?;
        Ok(SearchIndex {
            index,
            reader,
            fields,
        })
    }

    fn fill<'a>(
        index: &Index,
        fields: &Fields,
        entries: impl IntoIterator<Item = Entry<'a>>,
    ) -> Result<(), SearchError> {
        let threads = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .clamp(1, 4);
        let mut writer =
            index.writer_with_num_threads::<TantivyDocument>(threads, threads * 50_000_000)?;
        for e in entries {
            let mut d = doc!(
                fields.kind => e.kind.key(),
                fields.ord => e.ord as u64,
                fields.text => e.text,
                fields.context => e.context.as_ref(),
            );
            if let Some(sp) = e.speaker {
                d.add_text(fields.speaker, lower_key(sp));
            }
            if let Some(src) = e.source {
                d.add_text(fields.source, lower_key(src));
            }
            if let Some(date) = e.date {
                d.add_u64(fields.first_day, day_number(date.first_day()));
                d.add_u64(fields.last_day, day_number(date.last_day()));
            }
            if let Some((lo, hi)) = e.value {
                d.add_f64(fields.value, lo);
                d.add_f64(fields.value_max, hi);
            }
            if let Some(kind) = e.unit_kind {
                d.add_text(fields.unit_kind, kind);
            }
            writer.add_document(d)?;
        }
        writer.commit()?;
        // Merges run in the background after a commit; an index folder that is about to be
        // moved or opened elsewhere must be finished.
        writer.wait_merging_threads()?;
        Ok(())
    }

    fn analyzer(&self) -> TextAnalyzer {
        self.index
            .tokenizer_for_field(self.fields.text)
            .expect("the text field has the en_stem tokenizer")
    }

    /// The stemmed terms of `text`, as the index stores them.
    fn terms(&self, text: &str) -> Vec<Term> {
        let mut analyzer = self.analyzer();
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while stream.advance() {
            out.push(Term::from_field_text(
                self.fields.text,
                &stream.token().text,
            ));
        }
        out
    }

    /// The query for what a user typed: words ranked with typo tolerance, "quoted phrases" exact.
    fn topic_query(&self, topic: &str) -> Option<Box<dyn Query>> {
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for (i, part) in topic.split('"').enumerate() {
            if i % 2 == 1 {
                let terms = self.terms(part);
                match terms.len() {
                    0 => {}
                    1 => clauses.push((
                        Occur::Must,
                        Box::new(TermQuery::new(
                            terms[0].clone(),
                            IndexRecordOption::WithFreqs,
                        )),
                    )),
                    _ => clauses.push((Occur::Must, Box::new(PhraseQuery::new(terms)))),
                }
                continue;
            }
            for word in part.split_whitespace() {
                for term in self.terms(word) {
                    clauses.push((Occur::Should, self.word_query(term)));
                }
            }
        }
        (!clauses.is_empty()).then(|| Box::new(BooleanQuery::new(clauses)) as Box<dyn Query>)
    }

    /// One word: exact in the text (strongest), fuzzy in the text, exact in the context.
    fn word_query(&self, term: Term) -> Box<dyn Query> {
        let word = term.value().as_str().unwrap_or("").to_string();
        let context_term = Term::from_field_text(self.fields.context, &word);
        let mut alternatives: Vec<(Occur, Box<dyn Query>)> = vec![
            (
                Occur::Should,
                Box::new(BoostQuery::new(
                    Box::new(TermQuery::new(term.clone(), IndexRecordOption::WithFreqs)),
                    2.0,
                )),
            ),
            (
                Occur::Should,
                Box::new(BoostQuery::new(
                    Box::new(TermQuery::new(context_term, IndexRecordOption::WithFreqs)),
                    0.5,
                )),
            ),
        ];
        let distance = typo_distance(&word);
        if distance > 0 {
            alternatives.push((
                Occur::Should,
                Box::new(BoostQuery::new(
                    Box::new(FuzzyTermQuery::new(term, distance, true)),
                    0.5,
                )),
            ));
        }
        Box::new(BooleanQuery::new(alternatives))
    }

    fn filter_clauses(&self, kind: DocKind, filter: &Filter) -> Vec<(Occur, Box<dyn Query>)> {
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(
            Occur::Must,
            Box::new(TermQuery::new(
                Term::from_field_text(self.fields.kind, kind.key()),
                IndexRecordOption::Basic,
            )),
        )];
        let mut exact = |field: Field, value: &str| {
            clauses.push((
                Occur::Must,
                Box::new(TermQuery::new(
                    Term::from_field_text(field, &lower_key(value)),
                    IndexRecordOption::Basic,
                )),
            ));
        };
        if let Some(sp) = &filter.speaker {
            exact(self.fields.speaker, sp);
        }
        if let Some(src) = &filter.source {
            exact(self.fields.source, src);
        }
        // A partial date overlaps the range when it ends after `from` and starts before `to`.
        if let Some(from) = filter.from {
            let t = Term::from_field_u64(self.fields.last_day, day_number(from.first_day()));
            clauses.push((
                Occur::Must,
                Box::new(RangeQuery::new(Bound::Included(t), Bound::Unbounded)),
            ));
        }
        if let Some(to) = filter.to {
            let t = Term::from_field_u64(self.fields.first_day, day_number(to.last_day()));
            clauses.push((
                Occur::Must,
                Box::new(RangeQuery::new(Bound::Unbounded, Bound::Included(t))),
            ));
        }
        // A claim's range [value, value_max] must reach `min` and start at or below `max`.
        if let Some(min) = filter.min_value {
            let t = Term::from_field_f64(self.fields.value_max, min);
            clauses.push((
                Occur::Must,
                Box::new(RangeQuery::new(Bound::Included(t), Bound::Unbounded)),
            ));
        }
        if let Some(max) = filter.max_value {
            let t = Term::from_field_f64(self.fields.value, max);
            clauses.push((
                Occur::Must,
                Box::new(RangeQuery::new(Bound::Unbounded, Bound::Included(t))),
            ));
        }
        if let Some(kind) = &filter.unit_kind {
            let t = Term::from_field_text(self.fields.unit_kind, kind);
            clauses.push((
                Occur::Must,
                Box::new(TermQuery::new(t, IndexRecordOption::Basic)),
            ));
        }
        clauses
    }

    fn query(&self, kind: DocKind, topic: &str, filter: &Filter) -> Option<BooleanQuery> {
        let mut clauses = self.filter_clauses(kind, filter);
        match self.topic_query(topic) {
            Some(q) => clauses.push((Occur::Must, q)),
            None if !topic.trim().is_empty() => return None, // only stop-characters
            None => clauses.push((Occur::Must, Box::new(AllQuery))),
        }
        Some(BooleanQuery::new(clauses))
    }

    /// The first `limit` documents of `kind` matching `topic` (everything when it is empty) and
    /// `filter`, in the order asked for.
    pub fn search(
        &self,
        kind: DocKind,
        topic: &str,
        filter: &Filter,
        ranking: Ranking,
        limit: usize,
    ) -> Result<Vec<Hit>, SearchError> {
        let Some(query) = self.query(kind, topic, filter) else {
            return Ok(Vec::new());
        };
        let searcher = self.reader.searcher();
        // The collector allocates its limit up front: never more than there are documents.
        let top = TopDocs::with_limit(limit.clamp(1, (searcher.num_docs() as usize).max(1)));
        // Ties are broken by ord (the order of the corpus), never by where a document sits in
        // the index: an index built in memory and one reopened from disk, merged differently,
        // must give the same answers in the same order.
        let by_ord = || (SortByStaticFastValue::<u64>::for_field("ord"), Order::Asc);
        let by_day = |order| (SortByStaticFastValue::<u64>::for_field("first_day"), order);
        let addresses: Vec<(f32, DocAddress)> = match ranking {
            Ranking::Relevance => {
                let by: Ranked<(f32, Option<u64>)> = searcher.search(
                    &query,
                    &top.order_by(((SortBySimilarityScore, Order::Desc), by_ord())),
                )?;
                by.into_iter().map(|((score, _), a)| (score, a)).collect()
            }
            Ranking::Newest | Ranking::Oldest => {
                let order = if ranking == Ranking::Newest {
                    Order::Desc
                } else {
                    Order::Asc
                };
                let by: Ranked<(Option<u64>, Option<u64>)> =
                    searcher.search(&query, &top.order_by((by_day(order), by_ord())))?;
                by.into_iter().map(|(_, a)| (0.0, a)).collect()
            }
            Ranking::LargestValue => {
                let by_value = (
                    SortByStaticFastValue::<f64>::for_field("value"),
                    Order::Desc,
                );
                let by: Ranked<(Option<f64>, Option<u64>)> =
                    searcher.search(&query, &top.order_by((by_value, by_ord())))?;
                by.into_iter().map(|(_, a)| (0.0, a)).collect()
            }
        };
        addresses
            .into_iter()
            .map(|(score, addr)| {
                Ok(Hit {
                    kind,
                    ord: self.ord_of(&searcher, addr)?,
                    score,
                })
            })
            .collect()
    }

    /// Every document of `kind` matching `topic` and `filter`, unordered (for random choice and
    /// daily-post eligibility).
    pub fn all_matching(
        &self,
        kind: DocKind,
        topic: &str,
        filter: &Filter,
    ) -> Result<Vec<usize>, SearchError> {
        let Some(query) = self.query(kind, topic, filter) else {
            return Ok(Vec::new());
        };
        let searcher = self.reader.searcher();
        let found = searcher.search(&query, &DocSetCollector)?;
        let mut ords = found
            .into_iter()
            .map(|addr| self.ord_of(&searcher, addr))
            .collect::<Result<Vec<_>, _>>()?;
        ords.sort_unstable();
        Ok(ords)
    }

    fn ord_of(&self, searcher: &tantivy::Searcher, addr: DocAddress) -> Result<usize, SearchError> {
        let column = searcher
            .segment_reader(addr.segment_ord)
            .fast_fields()
            .u64("ord")?;
        Ok(column.first(addr.doc_id).unwrap_or(0) as usize)
    }

    /// How many documents are indexed.
    pub fn len(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(ord: usize, text: &'static str, speaker: &'static str, date: &str) -> Entry<'static> {
        Entry {
            kind: DocKind::Quote,
            ord,
            text,
            context: speaker.into(),
            speaker: Some(speaker),
            source: Some("China Daily"),
            date: PartialDate::parse_iso(date),
            value: None,
            unit_kind: None,
        }
    }

    fn index() -> SearchIndex {
        SearchIndex::build([
            entry(
                0,
                "We respect cyber sovereignty and uphold cybersecurity.",
                "Xi Jinping",
                "2014-11-19",
            ),
            entry(
                1,
                "The internet economy grows fast.",
                "Cao Shumin",
                "2022-11",
            ),
            entry(
                2,
                "Sovereign states must cooperate in cyberspace.",
                "Xi Jinping",
                "2015",
            ),
        ])
        .unwrap()
    }

    fn ords(hits: Vec<Hit>) -> Vec<usize> {
        hits.into_iter().map(|h| h.ord).collect()
    }

    #[test]
    fn stems_and_tolerates_typos() {
        let idx = index();
        assert_eq!(
            ords(
                idx.search(
                    DocKind::Quote,
                    "sovereignty",
                    &Filter::default(),
                    Ranking::Relevance,
                    10
                )
                .unwrap()
            )[0],
            0
        );
        assert_eq!(
            ords(
                idx.search(
                    DocKind::Quote,
                    "soverignty",
                    &Filter::default(),
                    Ranking::Relevance,
                    10
                )
                .unwrap()
            )[0],
            0
        );
        assert!(
            ords(
                idx.search(
                    DocKind::Quote,
                    "economies",
                    &Filter::default(),
                    Ranking::Relevance,
                    10
                )
                .unwrap()
            )
            .contains(&1)
        );
    }

    #[test]
    fn phrases_are_exact() {
        let idx = index();
        assert_eq!(
            ords(
                idx.search(
                    DocKind::Quote,
                    "\"cyber sovereignty\"",
                    &Filter::default(),
                    Ranking::Relevance,
                    10
                )
                .unwrap()
            ),
            [0]
        );
        assert!(
            idx.search(
                DocKind::Quote,
                "\"sovereignty cyber\"",
                &Filter::default(),
                Ranking::Relevance,
                10
            )
            .unwrap()
            .is_empty()
        );
    }

    #[test]
    fn filters_by_speaker_and_partial_dates() {
        let idx = index();
        let f = Filter {
            speaker: Some("xi jinping".into()),
            ..Filter::default()
        };
        let mut got = ords(
            idx.search(DocKind::Quote, "", &f, Ranking::Relevance, 10)
                .unwrap(),
        );
        got.sort();
        assert_eq!(got, [0, 2]);
        let f = Filter {
            from: PartialDate::parse_iso("2015-06"),
            to: PartialDate::parse_iso("2022-11-30"),
            ..Filter::default()
        };
        let mut got = ords(
            idx.search(DocKind::Quote, "", &f, Ranking::Relevance, 10)
                .unwrap(),
        );
        got.sort();
        assert_eq!(
            got,
            [1, 2],
            "2015 overlaps from 2015-06; 2022-11 overlaps to 2022-11-30"
        );
    }

    #[test]
    fn search_syntax_is_just_text() {
        let idx = index();
        for q in ["AND OR", "title:(x", "\"", "*?~^", "-", "\"\""] {
            assert!(
                idx.search(
                    DocKind::Quote,
                    q,
                    &Filter::default(),
                    Ranking::Relevance,
                    10
                )
                .is_ok(),
                "{q}"
            );
        }
    }
}
