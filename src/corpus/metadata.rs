//! Metadata detection: the title, dateline, byline and publication an article's own text gives,
//! for files without front matter. Owns the table of known publications; front matter overrides
//! whatever is detected here (see `corpus::parse_article`).

use super::clean::{Line, Paragraph, ParagraphKind, is_furniture};
use crate::text::dates::{PartialDate, find_dates};
use regex::Regex;
use std::sync::LazyLock;

/// Publications whose names identify the source when the text names them, longest first within a
/// family so that "People's Daily Online" wins over "People's Daily".
const PUBLICATIONS: &[&str] = &[
    "People's Daily Online",
    "People's Daily",
    "China Daily",
    "Global Times",
    "Xinhua",
    "CGTN",
    "South China Morning Post",
    "Reuters",
    "Associated Press",
    "AFP",
    "BBC",
    "The New York Times",
    "The Washington Post",
    "The Wall Street Journal",
    "The Guardian",
    "Bloomberg",
    "CNN",
    "Fox News",
    "Politico",
    "Breitbart",
    "HuffPost",
    "Huffington Post",
];

static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:by)\s+(?P<name>\p{Lu}[\p{L}'’.\-]+(?:\s+\p{Lu}[\p{L}'’.\-]+){0,3})\s*(?:\(\s*(?P<source>[^)]+?)\s*\))?\s*$")
        .unwrap()
});

/// What the text itself says about the article.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Detected {
    pub title: Option<String>,
    pub source: Option<String>,
    pub author: Option<String>,
    pub published: Option<PartialDate>,
}

/// Detects metadata from the body lines and cleaned paragraphs of one article.
pub fn detect(lines: &[Option<Line<'_>>], paragraphs: &[Paragraph]) -> Detected {
    // The header is everything before the first paragraph of running text.
    let body_from = paragraphs
        .iter()
        .find(|p| p.kind == ParagraphKind::Prose)
        .map_or(usize::MAX, |p| p.original_extent().0);
    let header: Vec<&str> = lines
        .iter()
        .flatten()
        .take_while(|l| l.offset < body_from)
        .map(|l| l.text)
        .collect();

    let mut found = Detected {
        published: header
            .iter()
            .find_map(|l| find_dates(l).first().map(|d| d.date)),
        ..Detected::default()
    };
    for line in &header {
        if let Some(caps) = BYLINE.captures(line) {
            found.author = Some(normalise_name(&caps["name"]));
            if let Some(source) = caps.name("source") {
                found.source = Some(
                    publication_in(source.as_str()).unwrap_or_else(|| source.as_str().to_string()),
                );
            }
            break;
        }
    }
    if found.source.is_none() {
        // The header names the publication most reliably; furniture lines anywhere next.
        found.source = header.iter().find_map(|l| publication_in(l)).or_else(|| {
            lines
                .iter()
                .flatten()
                .filter(|l| is_furniture(l.text) || l.text.len() < 120)
                .find_map(|l| publication_in(l.text))
        });
    }
    found.title = header
        .iter()
        .find(|l| is_title_like(l))
        .map(|l| l.to_string());
    found
}

fn is_title_like(line: &str) -> bool {
    let words = line.split_whitespace().count();
    let has_lower = line.chars().any(char::is_lowercase);
    words >= 3
        && has_lower
        && !is_furniture(line)
        && !BYLINE.is_match(line)
        && find_dates(line).is_empty()
        && publication_in(line).is_none_or(|p| p.len() + 12 < line.len())
}

/// The known publication named in `text`, if any.
pub fn publication_in(text: &str) -> Option<String> {
    let lower = text.to_lowercase().replace('’', "'");
    PUBLICATIONS
        .iter()
        .find(|p| lower.contains(&p.to_lowercase()))
        .map(|p| p.to_string())
}

/// "CAO DESHENG" -> "Cao Desheng"; names already in mixed case are kept.
pub fn normalise_name(name: &str) -> String {
    if name.chars().any(char::is_lowercase) {
        return name.to_string();
    }
    name.split_whitespace()
        .map(|w| {
            let mut chars = w.chars();
            chars
                .next()
                .map(|first| {
                    first
                        .to_uppercase()
                        .chain(chars.flat_map(char::to_lowercase))
                        .collect()
                })
                .unwrap_or_default()
        })
        .collect::<Vec<String>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::super::clean::{lines, paragraphs};
    use super::*;

    fn detect_text(text: &str) -> Detected {
        detect(&lines(text, 0), &paragraphs(text, 0))
    }

    #[test]
    fn reads_byline_with_publication() {
        let d = detect_text(
            "China Daily Website\n\nLet us join hands\n\nUpdated: 2012-02-07 08:23\nBy Tang Lan ( China Daily)\n\nBody text that runs on.\n",
        );
        assert_eq!(d.author.as_deref(), Some("Tang Lan"));
        assert_eq!(d.source.as_deref(), Some("China Daily"));
        assert_eq!(d.published.unwrap().to_string(), "2012-02-07");
        assert_eq!(d.title.as_deref(), Some("Let us join hands"));
    }

    #[test]
    fn capitalised_byline_becomes_a_name() {
        let d = detect_text(
            "WORLD INTERNET CONFERENCE\n\nChina to step up cooperation\n\nBy CAO DESHENG\n\nText.\n",
        );
        assert_eq!(d.author.as_deref(), Some("Cao Desheng"));
        assert_eq!(d.title.as_deref(), Some("China to step up cooperation"));
    }

    #[test]
    fn dateline_in_share_row_and_publication_in_parentheses() {
        let d = detect_text(
            "Facebook Twitter google plus Saturday 26 September 2015\n\nCommentary: China is a Defender\n\n(People's Daily Online)    06:05, September 26, 2015\n\nText.\n",
        );
        assert_eq!(d.published.unwrap().to_string(), "2015-09-26");
        assert_eq!(d.source.as_deref(), Some("People's Daily Online"));
        assert_eq!(d.title.as_deref(), Some("Commentary: China is a Defender"));
    }
}
