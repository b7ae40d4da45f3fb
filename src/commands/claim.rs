//! `/claim [topic] [min] [max] [unit] [sort]`: numeric claims, five per page; `sort:date` shows
//! how a figure moved across sources over time.

use super::internal;
use super::options::{Args, UserError};
use super::present::{MAX_RESULTS, claim_field, corpus_footer};
use super::quote::describe;
use crate::extract::Claim;
use crate::library::Library;
use crate::render::{Card, Reply};
use crate::search::{DocKind, Filter};

const PER_PAGE: usize = 5;

fn unit_matches(c: &Claim, unit: &str) -> bool {
    match unit {
        "percent" => c.unit.as_deref() == Some("%"),
        "money" => c.currency.is_some(),
        "year" => c.unit.as_deref() == Some("year"),
        "count" => c.unit.is_none() && c.currency.is_none(),
        _ => c.currency.is_none() && c.unit.as_deref().is_some_and(|u| u != "%" && u != "year"),
    }
}

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
    let hits = lib
        .index
        .search(DocKind::Claim, topic, &Filter::default(), usize::MAX >> 1)
        .map_err(internal)?;
    let mut found: Vec<&Claim> = hits
        .iter()
        .map(|h| &lib.claims[h.ord])
        .filter(|c| min.is_none_or(|lo| c.value_max.unwrap_or(c.value) >= lo))
        .filter(|c| max.is_none_or(|hi| c.value <= hi))
        .filter(|c| unit.as_deref().is_none_or(|u| unit_matches(c, u)))
        .collect();
    match sort.as_str() {
        "date" => found.sort_by_key(|c| lib.article(&c.article).published),
        "value" => found.sort_by(|a, b| b.value.total_cmp(&a.value)),
        _ if topic.trim().is_empty() => {
            found.sort_by_key(|c| std::cmp::Reverse(lib.article(&c.article).published))
        }
        _ => {}
    }
    found.truncate(MAX_RESULTS);
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
