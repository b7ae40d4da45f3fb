//! `/source text:`: where pasted words come from and whether they were quoted right. Looks the
//! words up among quotes and article passages, aligns the best candidates word by word, and
//! reports the original, its speaker and date, the surrounding paragraph, what differs, and a
//! confidence.

use super::internal;
use super::options::{Args, UserError};
use super::present::{article_ref, corpus_footer, source_line, speaker_line, when_line};
use crate::corpus::Article;
use crate::extract::quotes::Quote;
use crate::library::Library;
use crate::render::{Card, Reply};
use crate::search::{DocKind, Filter, Ranking};
use crate::text::diff::{Alignment, Change, align, words};

/// Candidates of each kind aligned word by word.
const CANDIDATES: usize = 8;
/// Below this confidence nothing is claimed as the source.
const MIN_CONFIDENCE: f64 = 0.5;
/// Longest paragraph excerpt shown around a match.
const CONTEXT_CHARS: usize = 700;

struct Candidate<'a> {
    article: &'a Article,
    quote: Option<&'a Quote>,
    /// The original text aligned against, and its alignment.
    original: &'a str,
    paragraph: &'a str,
    alignment: Alignment,
}

impl Candidate<'_> {
    fn confidence(&self) -> f64 {
        (self.alignment.coverage + self.alignment.similarity) / 2.0
    }
}

pub fn source(lib: &Library, args: &Args) -> Result<Reply, UserError> {
    let pasted = args.text("text").unwrap_or("");
    let pasted = pasted.trim_matches(|c: char| {
        matches!(c, '"' | '“' | '”' | '\'' | '‘' | '’') || c.is_whitespace()
    });
    if words(pasted).len() < 3 {
        return Err(UserError::option(
            "text",
            "give at least three words of the passage or quote",
        ));
    }
    // Quotation marks inside the paste are the user's, not a phrase search.
    let query: String = pasted
        .chars()
        .map(|c| {
            if matches!(c, '"' | '“' | '”') {
                ' '
            } else {
                c
            }
        })
        .collect();
    let mut candidates: Vec<Candidate<'_>> = Vec::new();
    for hit in lib
        .index
        .search(
            DocKind::Quote,
            &query,
            &Filter::default(),
            Ranking::Relevance,
            CANDIDATES,
        )
        .map_err(internal)?
    {
        let q = &lib.quotes[hit.ord];
        let article = lib.article(&q.article);
        if let Some(alignment) = align(pasted, &q.text) {
            candidates.push(Candidate {
                article,
                quote: Some(q),
                original: &q.text,
                paragraph: paragraph_of(article, q.span.start),
                alignment,
            });
        }
    }
    for hit in lib
        .index
        .search(
            DocKind::Passage,
            &query,
            &Filter::default(),
            Ranking::Relevance,
            CANDIDATES,
        )
        .map_err(internal)?
    {
        let p = lib.passages[hit.ord];
        let article = &lib.articles[p.article];
        let text = article.paragraphs[p.paragraph].text.as_str();
        if let Some(alignment) = align(pasted, text) {
            candidates.push(Candidate {
                article,
                quote: None,
                original: text,
                paragraph: text,
                alignment,
            });
        }
    }
    // Best confidence wins; a quote beats the passage holding it, as it names the speaker.
    let best = candidates.into_iter().max_by(|a, b| {
        a.confidence()
            .total_cmp(&b.confidence())
            .then(a.quote.is_some().cmp(&b.quote.is_some()))
    });
    match best.filter(|c| c.confidence() >= MIN_CONFIDENCE) {
        Some(c) => Ok(Reply::one(found_card(lib, &c))),
        None => Ok(Reply::one(
            Card::new(
                "No source found",
                format!(
                    "None of the {} articles has these words or anything close to them. Check the wording, or try a shorter, distinctive part.",
                    lib.articles.len()
                ),
            )
            .footer(corpus_footer(lib)),
        )),
    }
}

fn paragraph_of(article: &Article, offset: usize) -> &str {
    article
        .paragraphs
        .iter()
        .find(|p| {
            let (s, e) = p.original_extent();
            s <= offset && offset < e
        })
        .map_or("", |p| p.text.as_str())
}

fn describe_change(c: &Change) -> String {
    match c {
        Change::Replaced { original, pasted } => {
            format!("“{pasted}” where the original says “{original}”")
        }
        Change::Omitted(words) => format!("leaves out “{words}”"),
        Change::Added(words) => format!("adds “{words}”, not in the original"),
        Change::Spelled { original, pasted } => format!("“{pasted}” is written “{original}”"),
    }
}

fn excerpt(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{cut} …")
}

fn found_card(lib: &Library, c: &Candidate<'_>) -> Card {
    let a = &c.alignment;
    let exact_words = a.is_exact();
    let verdict = if a.changes.is_empty() {
        "Quoted exactly"
    } else if exact_words {
        "Same words, written differently"
    } else {
        "The wording differs from the original"
    };
    let mut changes: Vec<String> = a.changes.iter().take(8).map(describe_change).collect();
    if a.changes.len() > 8 {
        changes.push(format!("and {} more differences", a.changes.len() - 8));
    }
    let rest = c.original[a.end..].trim_start_matches(|ch: char| !ch.is_alphanumeric());
    if words(rest).len() >= 2 {
        changes.push(format!(
            "quoted in part: the original goes on “{}”",
            excerpt(rest, 200)
        ));
    }
    let before = &c.original[..a.start];
    if words(before).len() >= 2 {
        changes.push(format!(
            "quoted in part: the original begins “{}”",
            excerpt(before.trim(), 200)
        ));
    }
    let (speaker, when) = match c.quote {
        Some(q) => (speaker_line(q), when_line(lib, q)),
        None => (
            "The article's own words".to_string(),
            c.article
                .published
                .map_or("Unknown".to_string(), |d| format!("{d} (article date)")),
        ),
    };
    let original = match c.quote {
        Some(q) => super::present::quote_words(q),
        None => excerpt(&c.original[a.start..a.end], CONTEXT_CHARS),
    };
    Card::new(format!("Source found: {verdict}"), original)
        .url(c.article.url.clone())
        .field("Speaker", speaker, false)
        .field("When", when, true)
        .field(
            "Confidence",
            format!("{:.0}%", c.confidence() * 100.0),
            true,
        )
        .field(
            "Source",
            format!("{} — {}", article_ref(c.article), source_line(c.article)),
            false,
        )
        .field("What differs", changes.join("\n"), false)
        .field("In context", excerpt(c.paragraph, CONTEXT_CHARS), false)
        .footer(corpus_footer(lib))
}
