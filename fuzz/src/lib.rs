//! What the fuzz targets assert about one input, shared with the bounded fuzz run of
//! `cargo test` (tests/fuzz.rs includes this file): no panic, every error names the file (and a
//! line inside it, for front matter), and every paragraph, quote and claim points into the file
//! on char boundaries. Reads no files; the input is the file's bytes.

use quotebot::corpus::clean::MAX_PARAGRAPH_BYTES;
use quotebot::corpus::front_matter::FrontMatterError;
use quotebot::corpus::{Article, ArticleError, MAX_ARTICLE_BYTES, decode, parse_article};
use quotebot::extract::claims::extract_claims_in_sentence;
use quotebot::extract::extract_claims;
use quotebot::extract::quotes::extract_quotes;
use std::collections::HashSet;

/// The name the input is read under.
const FILE: &str = "fuzz.txt";

/// Decodes and parses the bytes as an article file, checking what the parser promises; the
/// article when it loads.
pub fn check_parse(data: &[u8]) -> Option<Article> {
    // The loader refuses these by their size before reading them.
    if data.len() as u64 > MAX_ARTICLE_BYTES {
        return None;
    }
    let text = match decode(FILE, data.to_vec()) {
        Ok(text) => text,
        Err(e) => {
            check_error(&e, "");
            return None;
        }
    };
    match parse_article(FILE, &text) {
        Ok(article) => {
            check_paragraphs(&article);
            Some(article)
        }
        Err(e) => {
            check_error(&e, &text);
            None
        }
    }
}

/// The bytes through the parser and the quote extractor.
pub fn check_quotes(data: &[u8]) {
    if let Some(article) = check_parse(data) {
        check_quotes_of(&article);
    }
}

/// The bytes through the parser and the claim extractor, and as one sentence.
pub fn check_claims(data: &[u8]) {
    if let Some(article) = check_parse(data) {
        check_claims_of(&article);
    }
    check_sentence(&String::from_utf8_lossy(data));
}

/// The bytes through the parser and both extractors.
pub fn check_all(data: &[u8]) {
    if let Some(article) = check_parse(data) {
        check_quotes_of(&article);
        check_claims_of(&article);
    }
    check_sentence(&String::from_utf8_lossy(data));
}

fn check_error(e: &ArticleError, text: &str) {
    let message = e.to_string();
    assert!(
        message.starts_with(FILE),
        "an error names the file: {message}"
    );
    if let ArticleError::FrontMatter { source, .. } = e {
        let line = match source {
            FrontMatterError::Unclosed { line }
            | FrontMatterError::NotKeyValue { line, .. }
            | FrontMatterError::UnknownKey { line, .. }
            | FrontMatterError::BadDate { line, .. }
            | FrontMatterError::BadUrl { line, .. } => *line,
        };
        let lines = text.split_inclusive('\n').count();
        assert!(
            (1..=lines).contains(&line),
            "line {line} of {lines}: {message}"
        );
    }
}

fn check_span(text: &str, start: usize, end: usize, what: &str) {
    assert!(
        start <= end && end <= text.len(),
        "{what} span {start}..{end} outside the file ({} bytes)",
        text.len()
    );
    assert!(
        text.is_char_boundary(start) && text.is_char_boundary(end),
        "{what} span {start}..{end} splits a character"
    );
}

fn check_paragraphs(article: &Article) {
    for p in &article.paragraphs {
        assert!(!p.text.trim().is_empty(), "an empty paragraph");
        assert!(
            p.text.len() <= MAX_PARAGRAPH_BYTES,
            "a paragraph of {} bytes, over the limit",
            p.text.len()
        );
        let (start, end) = p.original_extent();
        check_span(&article.text, start, end, "paragraph");
        let first = p.text.chars().next().unwrap_or_default();
        assert!(
            article.text[start..].starts_with(first),
            "a paragraph's first character is where its offset points"
        );
    }
}

fn check_quotes_of(article: &Article) {
    let mut ids = HashSet::new();
    for q in extract_quotes(article) {
        check_span(&article.text, q.span.start, q.span.end, "quote");
        assert!(ids.insert(q.id.clone()), "quote id {} repeated", q.id);
    }
}

fn check_claims_of(article: &Article) {
    for c in extract_claims(article) {
        check_span(&article.text, c.span.start, c.span.end, "claim");
        assert!(c.value.is_finite(), "claim value {}", c.value);
        assert!(c.value_max.is_none_or(f64::is_finite), "claim range end");
    }
}

fn check_sentence(sentence: &str) {
    for c in extract_claims_in_sentence(sentence) {
        check_span(sentence, c.start, c.end, "claim in a sentence");
        assert!(c.value.is_finite(), "claim value {}", c.value);
    }
}
