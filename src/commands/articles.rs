//! `/articles [source]`: the corpus, newest first, ten per page.

use super::options::{Args, UserError, resolve_name};
use super::present::{article_ref, corpus_footer, source_line};
use crate::corpus::Article;
use crate::library::Library;
use crate::render::{Card, Reply};

const PER_PAGE: usize = 10;

pub fn articles(lib: &Library, args: &Args) -> Result<Reply, UserError> {
    let source = args
        .text("source")
        .map(|s| {
            resolve_name(
                "source",
                s,
                lib.sources.iter().map(String::as_str),
                "source",
                "/articles",
            )
        })
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
    let count = |id: &str| {
        let (q, c) = lib.counts(id);
        format!("{q} quotes, {c} claims")
    };
    let pages = list.len().div_ceil(PER_PAGE);
    Ok(Reply::pages(
        list.chunks(PER_PAGE)
            .enumerate()
            .map(|(i, chunk)| {
                let lines: Vec<String> = chunk
                    .iter()
                    .map(|a| format!("{} — {} · {}", article_ref(a), source_line(a), count(&a.id)))
                    .collect();
                Card::new(format!("Articles ({})", list.len()), lines.join("\n")).footer(format!(
                    "page {} of {pages} · {}",
                    i + 1,
                    corpus_footer(lib)
                ))
            })
            .collect(),
    ))
}
