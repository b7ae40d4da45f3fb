//! `/claim [topic] [min] [max] [unit] [sort]`: numeric claims, five per page; `sort:date` shows
//! how a figure moved across sources over time.

use super::internal;
use super::options::{Args, UserError};
use super::present::{MAX_RESULTS, claim_field, corpus_footer};
use super::quote::describe;
use crate::extract::Claim;
use crate::library::Library;
use crate::render::{Card, Reply};
use crate::search::{DocKind, Filter, Ranking};

const PER_PAGE: usize = 5;

pub fn claim(lib: &Library, args: &Args) -> Result<Reply, UserError> {
    let (min, max) = (args.number("min")?, args.number("max")?);
    if let (Some(lo), Some(hi)) = (min, max)
        && lo > hi
    {
        return Err(UserError::option(
            "min",
            format!("{lo} is above max: {hi}; swap them"),
        ));
    }
    let topic = args.text("topic").unwrap_or("");
    let unit = args.choice("unit");
    let sort = args
        .choice("sort")
        .unwrap_or_else(|| "relevance".to_string());
    let filter = Filter {
        min_value: min,
        max_value: max,
        unit_kind: unit,
        ..Filter::default()
    };
    let has_topic = !topic.trim().is_empty();
    let ranking = match sort.as_str() {
        "value" => Ranking::LargestValue,
        // With a topic, the most relevant claims are then put in date order below.
        "date" if !has_topic => Ranking::Oldest,
        _ if !has_topic => Ranking::Newest,
        _ => Ranking::Relevance,
    };
    let hits = lib
        .index
        .search(DocKind::Claim, topic, &filter, ranking, MAX_RESULTS)
        .map_err(internal)?;
    let mut found: Vec<&Claim> = hits.iter().map(|h| &lib.claims[h.ord]).collect();
    if sort == "date" {
        found.sort_by_key(|c| lib.article(&c.article).published);
    }
    if found.is_empty() {
        return Ok(Reply::one(
            Card::new(
                "No claims found",
                format!(
                    "No numeric claim matches {}. Try other words or a wider range.",
                    describe(args)
                ),
            )
            .footer(corpus_footer(lib)),
        ));
    }
    let title = if sort == "date" {
        "How the figures moved over time"
    } else {
        "Numeric claims"
    };
    let pages = found.len().div_ceil(PER_PAGE);
    Ok(Reply::pages(
        found
            .chunks(PER_PAGE)
            .enumerate()
            .map(|(i, chunk)| {
                let first = i * PER_PAGE + 1;
                let mut card = Card::new(
                    title,
                    format!(
                        "{}–{} of {} claims for {}",
                        first,
                        first + chunk.len() - 1,
                        found.len(),
                        describe(args)
                    ),
                )
                .footer(format!(
                    "page {} of {pages} · {}",
                    i + 1,
                    corpus_footer(lib)
                ));
                for c in chunk {
                    let (name, value) = claim_field(lib, c);
                    card = card.field(name, value, false);
                }
                card
            })
            .collect(),
    ))
}
