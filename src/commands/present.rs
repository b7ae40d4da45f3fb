//! How quotes, claims and articles look on a card: shared by every command and the daily post,
//! so a quote reads the same wherever it appears.

use crate::corpus::Article;
use crate::extract::Claim;
use crate::extract::claims::Qualifier;
use crate::extract::quotes::{Quote, QuoteKind};
use crate::library::{DateBasis, Library};
use crate::render::Card;

/// Results listed at most, over all pages.
pub const MAX_RESULTS: usize = 50;

/// "China Daily, 2019-10" or what is known of it.
pub fn source_line(a: &Article) -> String {
    let mut parts = vec![
        a.source
            .clone()
            .unwrap_or_else(|| "Unknown publication".to_string()),
    ];
    if let Some(d) = a.published {
        parts.push(d.to_string());
    }
    parts.join(", ")
}

/// The article's title, with its link when it has one. Cards carry plain text only: each shell
/// decides how to show it (the Discord shell escapes markdown).
pub fn article_ref(a: &Article) -> String {
    let title = a.title.as_deref().unwrap_or(&a.id);
    match &a.url {
        Some(url) => format!("{title} <{url}>"),
        None => title.to_string(),
    }
}

/// The corpus line shown under every answer.
pub fn corpus_footer(lib: &Library) -> String {
    // Positions are counted apart: they are the writer's report, not anyone's words.
    let positions = match lib.positions {
        0 => String::new(),
        1 => " · 1 position".to_string(),
        n => format!(" · {n} positions"),
    };
    format!(
        "quotebot · {} articles · {} quotes{positions} · {} claims",
        lib.articles.len(),
        lib.quotes.len() - lib.positions,
        lib.claims.len()
    )
}

fn kind_label(kind: QuoteKind) -> &'static str {
    match kind {
        QuoteKind::Direct => "direct quote",
        QuoteKind::Indirect => "reported speech",
        QuoteKind::Block => "quoted statement",
        QuoteKind::Statement => "statement",
        QuoteKind::Partial => "partial quote",
        QuoteKind::Position => "reported position",
    }
}

/// The words, marked as a quotation unless they are reported speech.
pub fn quote_words(q: &Quote) -> String {
    match q.kind {
        QuoteKind::Indirect => format!("(reported) {}", q.text),
        QuoteKind::Position => format!("(position) {}", q.text),
        _ => format!("“{}”", q.text),
    }
}

/// "Xi Jinping, President", or that the article does not say.
pub fn speaker_line(q: &Quote) -> String {
    match (&q.speaker, &q.speaker_title) {
        (Some(s), Some(role)) => format!("{s}, {role}"),
        (Some(s), None) => s.clone(),
        (None, _) => "Not named in the article".to_string(),
    }
}

/// The quote's date and which date it is.
pub fn when_line(lib: &Library, q: &Quote) -> String {
    match lib.quote_date(q) {
        Some((d, DateBasis::Said)) => format!("{d} (when it was said)"),
        Some((d, DateBasis::Published)) => format!("{d} (article date)"),
        None => "Unknown".to_string(),
    }
}

/// A list cut into pages of `per_page` lines, each card titled `title` with page numbers.
pub fn list_pages(lib: &Library, title: &str, lines: &[String], per_page: usize) -> Vec<Card> {
    let pages = lines.len().div_ceil(per_page);
    lines
        .chunks(per_page)
        .enumerate()
        .map(|(i, chunk)| {
            Card::new(title, chunk.join("\n")).footer(format!(
                "page {} of {pages} · {}",
                i + 1,
                corpus_footer(lib)
            ))
        })
        .collect()
}

/// A quote on a card: the words, who said them and their role, when (and which date that is),
/// where, and the source with its link.
pub fn quote_card(lib: &Library, q: &Quote, title: &str) -> Card {
    let a = lib.article(&q.article);
    let speaker = speaker_line(q);
    let when = when_line(lib, q);
    let occasion = [
        q.occasion.as_deref(),
        q.place.as_deref().map(|p| format!("in {p}")).as_deref(),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(", ");
    Card::new(title, quote_words(q))
        .url(a.url.clone())
        .field("Speaker", speaker, false)
        .field("When", when, true)
        .field("Occasion", occasion, true)
        .field(
            "Source",
            format!("{} — {}", article_ref(a), source_line(a)),
            false,
        )
        .footer(format!("{} · {}", kind_label(q.kind), corpus_footer(lib)))
}

/// "3,000,000,000".
pub fn group_thousands(value: f64) -> String {
    if value.fract() != 0.0 || value.abs() >= 1e15 {
        return format!("{value}");
    }
    let digits = format!("{}", value.abs() as u64);
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if value < 0.0 { format!("-{out}") } else { out }
}

fn qualifier_label(q: Qualifier) -> &'static str {
    match q {
        Qualifier::Exact => "",
        Qualifier::Approximate => "about ",
        Qualifier::MoreThan => "more than ",
        Qualifier::LessThan => "less than ",
        Qualifier::Increase => "up by ",
        Qualifier::Decrease => "down by ",
    }
}

/// The normalised value with its qualifier and unit: "more than 3,000,000,000", "about USD 500,000,000,000".
pub fn claim_value(c: &Claim) -> String {
    let mut v = group_thousands(c.value);
    if let Some(max) = c.value_max {
        v = format!("{v}–{}", group_thousands(max));
    }
    let v = match (&c.currency, c.unit.as_deref()) {
        // A rate: "USD 15 per hour".
        (Some(cur), Some(rate)) => format!("{cur} {v} {rate}"),
        (Some(cur), None) => format!("{cur} {v}"),
        (None, Some("%")) => format!("{v}%"),
        (None, Some(unit)) => format!("{v} {unit}"),
        (None, None) => v,
    };
    format!("{}{v}", qualifier_label(c.qualifier))
}

/// A claim as a card field: the figure as written and what it counts, then the normalised
/// value, the sentence, and its source and date.
pub fn claim_field(lib: &Library, c: &Claim) -> (String, String) {
    let a = lib.article(&c.article);
    let name = match &c.what {
        Some(what) => format!("{} — {what}", c.text),
        None => c.text.clone(),
    };
    let mut value = claim_value(c);
    if let Some(as_of) = &c.as_of {
        value.push_str(&format!(" ({as_of})"));
    }
    value.push_str(&format!(
        "\n“{}”\n{} — {}",
        c.sentence,
        article_ref(a),
        source_line(a)
    ));
    (name, value)
}
