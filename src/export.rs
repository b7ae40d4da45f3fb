//! The JSON document of `quotebot extract` and `quotebot export`: a stable interface, documented in
//! the README. Owns the shape of `articles`, `quotes` and `claims`; nothing here reads files.

use crate::corpus::Article;
use crate::extract::quotes::Quote;
use crate::extract::{Claim, Extraction};
use crate::text::dates::PartialDate;
use serde::Serialize;

/// An article's metadata as exported.
#[derive(Debug, Serialize)]
pub struct ArticleRecord<'a> {
    pub id: &'a str,
    pub file: &'a str,
    pub title: Option<&'a str>,
    pub source: Option<&'a str>,
    pub author: Option<&'a str>,
    pub published: Option<PartialDate>,
    pub url: Option<&'a str>,
}

/// The whole export document.
#[derive(Debug, Serialize)]
pub struct Export<'a> {
    pub articles: Vec<ArticleRecord<'a>>,
    pub quotes: &'a [Quote],
    pub claims: &'a [Claim],
}

/// Builds the export document over articles and what was extracted from them.
pub fn export<'a>(articles: &'a [Article], extraction: &'a Extraction) -> Export<'a> {
    Export {
        articles: articles
            .iter()
            .map(|a| ArticleRecord {
                id: &a.id,
                file: &a.file,
                title: a.title.as_deref(),
                source: a.source.as_deref(),
                author: a.author.as_deref(),
                published: a.published,
                url: a.url.as_deref(),
            })
            .collect(),
        quotes: &extraction.quotes,
        claims: &extraction.claims,
    }
}
