//! `/articles [source]`: the corpus, newest first, ten per page.

use super::options::{Args, UserError};
use super::present::{article_ref, list_pages, source_line};
use super::quote::resolve_source;
use crate::corpus::Article;
use crate::library::Library;
use crate::render::{Card, Reply};

const PER_PAGE: usize = 10;

pub fn articles(lib: &Library, args: &Args) -> Result<Reply, UserError> {
    let source = args
        .text("source")
        .map(|s| resolve_source(lib, s))
        .transpose()?;
    let mut list: Vec<&Article> = lib
        .articles
        .iter()
        .filter(|a| source.is_none_or(|s| a.source.as_deref() == Some(s)))
        .collect();
    list.sort_by_key(|a| std::cmp::Reverse(a.published));
    if list.is_empty() {
        return Ok(Reply::one(Card::new(
            "No articles",
            "The corpus has no articles yet; add .txt files to the corpus folder.",
        )));
    }
    let lines: Vec<String> = list
        .iter()
        .map(|a| {
            let n = lib.counts(&a.id);
            format!(
                "{} — {} · {}, {} claims",
                article_ref(a),
                source_line(a),
                n.quotes_phrase(),
                n.claims
            )
        })
        .collect();
    Ok(Reply::pages(list_pages(
        lib,
        &format!("Articles ({})", list.len()),
        &lines,
        PER_PAGE,
    )))
}
