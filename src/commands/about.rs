//! `/about`: what quotebot knows, in figures, and its version.

use super::present::corpus_footer;
use crate::extract::quotes::QuoteKind;
use crate::library::Library;
use crate::render::{Card, Reply};

pub fn about(lib: &Library) -> Reply {
    let kinds = [
        (QuoteKind::Direct, "direct"),
        (QuoteKind::Partial, "partial"),
        (QuoteKind::Block, "block"),
        (QuoteKind::Statement, "statement"),
        (QuoteKind::Indirect, "reported"),
    ];
    let by_kind: Vec<String> = kinds
        .iter()
        .map(|(k, label)| {
            format!(
                "{} {label}",
                lib.quotes.iter().filter(|q| q.kind == *k).count()
            )
        })
        .collect();
    let dates: Vec<_> = lib.articles.iter().filter_map(|a| a.published).collect();
    let span = match (dates.iter().min(), dates.iter().max()) {
        (Some(a), Some(b)) => format!("{a} to {b}"),
        _ => "unknown".to_string(),
    };
    let people = lib.people().count();
    Reply::one(
        Card::new(
            format!("quotebot {}", env!("CARGO_PKG_VERSION")),
            "Who said what, when and where, and which numbers were claimed, across a corpus of news articles.",
        )
        .field("Articles", lib.articles.len().to_string(), true)
        .field("Published", span, true)
        .field("Sources", lib.sources.join(", "), false)
        .field(
            "Quotes",
            format!(
                "{} ({}), and {} reported positions",
                lib.quotes.len() - lib.positions,
                by_kind.join(", "),
                lib.positions
            ),
            false,
        )
        .field("Speakers", format!("{} ({people} named people)", lib.speakers.len()), true)
        .field("Numeric claims", lib.claims.len().to_string(), true)
        .footer(corpus_footer(lib)),
    )
}
