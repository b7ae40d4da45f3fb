//! `/random [speaker] [topic]`: one matching quote at random.

use super::options::{Args, UserError};
use super::present::{corpus_footer, quote_card};
use super::quote::{all_matching, describe};
use crate::extract::quotes::QuoteKind;
use crate::library::Library;
use crate::render::{Card, Reply};
use rand::RngExt;

/// Draws before settling for a reported position in an unfiltered `/random`.
const RANDOM_DRAWS: usize = 16;

pub fn random(lib: &Library, args: &Args, rng: &mut impl rand::Rng) -> Result<Reply, UserError> {
    let unfiltered = args.text("speaker").is_none() && args.text("topic").is_none();
    if unfiltered && !lib.quotes.is_empty() {
        // No need to list a million quotes to pick one of them. A few draws find someone's own
        // words rather than a reported position, where the corpus has any.
        let mut q = &lib.quotes[rng.random_range(0..lib.quotes.len())];
        for _ in 0..RANDOM_DRAWS {
            if q.kind != QuoteKind::Position {
                break;
            }
            q = &lib.quotes[rng.random_range(0..lib.quotes.len())];
        }
        return Ok(Reply::one(quote_card(lib, q, "A random quote")));
    }
    let candidates = all_matching(lib, args)?;
    if candidates.is_empty() {
        return Ok(Reply::one(
            Card::new(
                "No quotes found",
                format!("Nothing matches {}.", describe(args)),
            )
            .footer(corpus_footer(lib)),
        ));
    }
    let q = candidates[rng.random_range(0..candidates.len())];
    Ok(Reply::one(quote_card(lib, q, "A random quote")))
}
