//! Cards as plain text for a terminal: title and link, the body, one line per field, the footer.

use super::card::{Card, Reply, Tone};

/// A card as readable text, ending with a newline.
pub fn card_to_text(card: &Card) -> String {
    let mut out = String::new();
    let marker = if card.tone == Tone::Error { "! " } else { "" };
    out.push_str(&format!("{marker}{}\n", card.title));
    if let Some(url) = &card.url {
        out.push_str(&format!("  {url}\n"));
    }
    if !card.description.is_empty() {
        for line in card.description.lines() {
            out.push_str(&format!("  {line}\n"));
        }
    }
    for f in &card.fields {
        let mut lines = f.value.lines();
        out.push_str(&format!("  {}: {}\n", f.name, lines.next().unwrap_or("")));
        for line in lines {
            out.push_str(&format!("    {line}\n"));
        }
    }
    if let Some(footer) = &card.footer {
        out.push_str(&format!("  -- {footer}\n"));
    }
    out
}

/// Every page of a reply, numbered when there are several.
pub fn reply_to_text(reply: &Reply) -> String {
    let total = reply.pages.len();
    reply
        .pages
        .iter()
        .enumerate()
        .map(|(i, card)| {
            if total > 1 {
                format!("[{}/{}] {}", i + 1, total, card_to_text(card))
            } else {
                card_to_text(card)
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_and_footer_are_listed() {
        let card = Card::new("Quote", "“Hello.”")
            .field("Speaker", "Jane Doe", true)
            .footer("5 articles");
        assert_eq!(
            card_to_text(&card),
            "Quote\n  “Hello.”\n  Speaker: Jane Doe\n  -- 5 articles\n"
        );
    }

    #[test]
    fn pages_are_numbered() {
        let reply = Reply::pages(vec![Card::new("A", ""), Card::new("B", "")]);
        assert_eq!(reply_to_text(&reply), "[1/2] A\n\n[2/2] B\n");
    }
}
