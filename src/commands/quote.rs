//! `/quote [topic] [speaker] [source] [from] [to]`: the best matching quotes, one per page.

use super::internal;
use super::options::{Args, UserError, resolve_name};
use super::present::{MAX_RESULTS, corpus_footer, quote_card};
use crate::extract::quotes::{Quote, QuoteKind};
use crate::library::Library;
use crate::render::{Card, Reply};
use crate::search::{DocKind, Filter, Ranking};

/// A speaker as typed, resolved to the corpus's name for them (or refused with suggestions).
pub fn resolve_speaker<'a>(lib: &'a Library, typed: &str) -> Result<&'a str, UserError> {
    resolve_name(
        "speaker",
        typed,
        lib.speakers.iter().map(|s| s.name.as_str()),
        "speaker",
        "/speakers",
    )
}

/// A publication as typed, resolved to the corpus's name for it (or refused with suggestions).
pub fn resolve_source<'a>(lib: &'a Library, typed: &str) -> Result<&'a str, UserError> {
    resolve_name(
        "source",
        typed,
        lib.sources.iter().map(String::as_str),
        "source",
        "/articles",
    )
}

/// The speaker, source and date filters of `args`, resolved against the corpus.
pub fn filter(lib: &Library, args: &Args) -> Result<Filter, UserError> {
    let speaker = args
        .text("speaker")
        .map(|s| resolve_speaker(lib, s))
        .transpose()?;
    let source = args
        .text("source")
        .map(|s| resolve_source(lib, s))
        .transpose()?;
    let (from, to) = (args.date("from")?, args.date("to")?);
    if let (Some(f), Some(t)) = (from, to)
        && f.first_day() > t.last_day()
    {
        return Err(UserError::option(
            "from",
            format!("{f} is after to: {t}; swap them"),
        ));
    }
    Ok(Filter {
        speaker: speaker.map(str::to_string),
        source: source.map(str::to_string),
        from,
        to,
        ..Filter::default()
    })
}

/// Quoted words weigh more than reported speech when a search ranks them alike.
fn kind_weight(kind: QuoteKind) -> f32 {
    match kind {
        QuoteKind::Direct | QuoteKind::Block | QuoteKind::Statement => 1.0,
        QuoteKind::Partial => 0.9,
        QuoteKind::Indirect => 0.8,
        // Not the speaker's words: shown after what they said.
        QuoteKind::Position => 0.6,
    }
}

/// The quotes matching `args`, best first (newest first without a topic), at most `limit`.
pub fn matching<'a>(
    lib: &'a Library,
    args: &Args,
    limit: usize,
) -> Result<Vec<&'a Quote>, UserError> {
    let filter = filter(lib, args)?;
    let topic = args.text("topic").unwrap_or("");
    if topic.trim().is_empty() {
        let hits = lib
            .index
            .search(DocKind::Quote, "", &filter, Ranking::Newest, limit)
            .map_err(internal)?;
        return Ok(hits.iter().map(|h| &lib.quotes[h.ord]).collect());
    }
    // Fetch more than asked, since weighting by kind can reorder the top.
    let hits = lib
        .index
        .search(
            DocKind::Quote,
            topic,
            &filter,
            Ranking::Relevance,
            limit.saturating_mul(2),
        )
        .map_err(internal)?;
    let mut scored: Vec<(f32, &Quote)> = hits
        .iter()
        .map(|h| {
            (
                h.score * kind_weight(lib.quotes[h.ord].kind),
                &lib.quotes[h.ord],
            )
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    Ok(scored.into_iter().take(limit).map(|(_, q)| q).collect())
}

/// Every quote matching `args`, in corpus order.
pub fn all_matching<'a>(lib: &'a Library, args: &Args) -> Result<Vec<&'a Quote>, UserError> {
    let filter = filter(lib, args)?;
    let topic = args.text("topic").unwrap_or("");
    let ords = lib
        .index
        .all_matching(DocKind::Quote, topic, &filter)
        .map_err(internal)?;
    Ok(ords.into_iter().map(|o| &lib.quotes[o]).collect())
}

/// Describes the search for "nothing found" messages.
pub fn describe(args: &Args) -> String {
    let parts: Vec<String> = args
        .command()
        .options
        .iter()
        .filter_map(|o| args.text(o.name).map(|v| format!("{}: {v}", o.name)))
        .collect();
    if parts.is_empty() {
        "everything".to_string()
    } else {
        parts.join(", ")
    }
}

pub fn quote(lib: &Library, args: &Args) -> Result<Reply, UserError> {
    let found = matching(lib, args, MAX_RESULTS)?;
    if found.is_empty() {
        return Ok(Reply::one(
            Card::new("No quotes found", format!("Nothing matches {}. Try fewer or other words, another spelling of the name (/speakers), or a wider date range.", describe(args)))
                .footer(corpus_footer(lib)),
        ));
    }
    let total = found.len();
    Ok(Reply::pages(
        found
            .iter()
            .enumerate()
            .map(|(i, q)| quote_card(lib, q, &format!("Quote {} of {total}", i + 1)))
            .collect(),
    ))
}
