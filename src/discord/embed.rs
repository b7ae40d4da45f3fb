//! Cards as Discord embeds, in one place: markdown in corpus text escaped, mentions defused, and
//! Discord's embed limits enforced here (serenity only checks the 6,000-character total).

use crate::render::{Card, Tone};
use poise::serenity_prelude as serenity;

/// Colours of answers and of errors.
pub const COLOUR: u32 = 0x2b6cb0;
pub const ERROR_COLOUR: u32 = 0xc53030;

/// Discord's limits on an embed, in characters.
pub const TITLE_MAX: usize = 256;
pub const DESCRIPTION_MAX: usize = 4096;
pub const FIELDS_MAX: usize = 25;
pub const FIELD_NAME_MAX: usize = 256;
pub const FIELD_VALUE_MAX: usize = 1024;
pub const FOOTER_MAX: usize = 2048;
pub const TOTAL_MAX: usize = 6000;

/// An embed's texts after escaping and limiting: what will be sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmbedParts {
    pub title: String,
    pub url: Option<String>,
    pub description: String,
    pub fields: Vec<(String, String, bool)>,
    pub footer: String,
    pub colour: u32,
}

impl EmbedParts {
    /// Characters Discord counts toward the 6,000 total.
    pub fn total(&self) -> usize {
        count(&self.title)
            + count(&self.description)
            + count(&self.footer)
            + self
                .fields
                .iter()
                .map(|(n, v, _)| count(n) + count(v))
                .sum::<usize>()
    }
}

fn count(s: &str) -> usize {
    s.chars().count()
}

/// Characters that format text in Discord markdown anywhere, escaped with a backslash.
const MARKDOWN: &[char] = &['\\', '*', '_', '~', '|', '`', '[', ']'];
/// Characters that format a line when they start it (quote, heading, list).
const LINE_START_MARKDOWN: &[char] = &['>', '#', '-'];

/// Corpus text shown as written: markdown escaped, and "@everyone" or "<@id>" broken with a
/// zero-width space so they neither ping (allowed_mentions is empty too) nor render as mentions.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut line_start = true;
    for c in text.chars() {
        if MARKDOWN.contains(&c) || (line_start && LINE_START_MARKDOWN.contains(&c)) {
            out.push('\\');
        }
        out.push(c);
        if c == '@' {
            out.push('\u{200b}');
        }
        line_start = c == '\n' || (line_start && c == ' ');
    }
    out
}

/// Cuts `text` to at most `max` characters, ending with an ellipsis when cut.
pub fn truncate(text: &str, max: usize) -> String {
    if count(text) <= max {
        return text.to_string();
    }
    let mut cut: String = text.chars().take(max.saturating_sub(1)).collect();
    // Never end on a lone escaping backslash.
    while cut.ends_with('\\') {
        cut.pop();
    }
    cut.push('…');
    cut
}

/// The card, escaped and cut to every Discord limit.
pub fn embed_parts(card: &Card) -> EmbedParts {
    let fields: Vec<(String, String, bool)> = card
        .fields
        .iter()
        .take(FIELDS_MAX)
        .map(|f| {
            (
                truncate(&escape(&f.name), FIELD_NAME_MAX),
                truncate(&escape(&f.value), FIELD_VALUE_MAX),
                f.inline,
            )
        })
        .collect();
    let mut parts = EmbedParts {
        title: truncate(&escape(&card.title), TITLE_MAX),
        url: card
            .url
            .clone()
            .filter(|u| u.starts_with("http://") || u.starts_with("https://")),
        description: truncate(&escape(&card.description), DESCRIPTION_MAX),
        fields,
        footer: truncate(&escape(card.footer.as_deref().unwrap_or("")), FOOTER_MAX),
        colour: if card.tone == Tone::Error {
            ERROR_COLOUR
        } else {
            COLOUR
        },
    };
    // Over the total: shorten the description first, then drop fields from the end.
    let over = parts.total().saturating_sub(TOTAL_MAX);
    if over > 0 {
        let keep = count(&parts.description)
            .saturating_sub(over)
            .max(200.min(count(&parts.description)));
        parts.description = truncate(&parts.description, keep);
    }
    while parts.total() > TOTAL_MAX && parts.fields.pop().is_some() {}
    parts
}

/// The serenity embed for a card.
pub fn embed(card: &Card) -> serenity::CreateEmbed {
    let parts = embed_parts(card);
    let mut e = serenity::CreateEmbed::new()
        .title(parts.title)
        .description(parts.description)
        .colour(parts.colour);
    if let Some(url) = parts.url {
        e = e.url(url);
    }
    for (name, value, inline) in parts.fields {
        e = e.field(name, value, inline);
    }
    if !parts.footer.is_empty() {
        e = e.footer(serenity::CreateEmbedFooter::new(parts.footer));
    }
    e
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_and_mentions_are_neutralised() {
        assert_eq!(
            escape("**bold** @everyone <@123> [x](http://y)"),
            "\\*\\*bold\\*\\* @\u{200b}everyone <@\u{200b}123> \\[x\\](http://y)"
        );
    }

    #[test]
    fn line_starts_cannot_become_quotes_or_headings() {
        assert_eq!(escape("> a\n# b\n- c\nx > y"), "\\> a\n\\# b\n\\- c\nx > y");
    }

    #[test]
    fn every_limit_holds_on_an_oversized_card() {
        let mut card = Card::new("t".repeat(400), "d".repeat(5000)).footer("f".repeat(3000));
        for i in 0..40 {
            card = card.field(format!("{i}{}", "n".repeat(300)), "v".repeat(2000), false);
        }
        let p = embed_parts(&card);
        assert!(count(&p.title) <= TITLE_MAX);
        assert!(count(&p.description) <= DESCRIPTION_MAX);
        assert!(p.fields.len() <= FIELDS_MAX);
        assert!(
            p.fields
                .iter()
                .all(|(n, v, _)| count(n) <= FIELD_NAME_MAX && count(v) <= FIELD_VALUE_MAX)
        );
        assert!(count(&p.footer) <= FOOTER_MAX);
        assert!(p.total() <= TOTAL_MAX, "{}", p.total());
    }

    #[test]
    fn escaping_counts_toward_the_limits() {
        let card = Card::new("*".repeat(200), "");
        let p = embed_parts(&card);
        assert!(count(&p.title) <= TITLE_MAX);
        assert!(!p.title.trim_end_matches('…').ends_with("\\\\"));
    }
}
