//! Sentence boundaries in a paragraph of news prose, as byte ranges. Owns the abbreviation table;
//! a linear scan with no regex, so it stays cheap on long paragraphs.

use std::ops::Range;

/// Words that end in a full stop without ending a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "lt", "col", "capt", "sgt", "st",
    "jr", "sr", "inc", "corp", "co", "ltd", "no", "vs", "etc", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft", "fig", "approx", "dept", "est",
    "rev", "hon", "pres", "supt", "det", "insp", "u.s", "u.k", "u.n", "e.g", "i.e", "a.m", "p.m",
    "d.c", "ald", "adm", "maj", "cmdr", "cpl", "pvt", "atty", "dist", "rs",
];

const CLOSERS: &[char] = &['"', '”', '’', '\'', ')', ']', '“'];

/// The sentences of `text` as byte ranges, trimmed of surrounding whitespace.
pub fn split_sentences(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        // Take the closing quotes and brackets that belong to this sentence.
        let mut end = i + c.len_utf8();
        while let Some(&(j, next)) = iter.peek() {
            if CLOSERS.contains(&next) || matches!(next, '.' | '!' | '?') {
                end = j + next.len_utf8();
                iter.next();
            } else {
                break;
            }
        }
        if end >= bytes.len() || !text[end..].starts_with(char::is_whitespace) {
            continue;
        }
        let rest = text[end..].trim_start();
        let Some(first) = rest.chars().next() else {
            continue;
        };
        // A curly opening mark glued to a comma is a misused closing mark: no new sentence.
        let mut rest_chars = rest.chars();
        let misused_closer = rest_chars.next().is_some_and(|c| matches!(c, '“' | '"'))
            && rest_chars.next().is_some_and(|c| matches!(c, ',' | ';'));
        let starts_sentence = !misused_closer
            && (first.is_uppercase()
                || first.is_ascii_digit()
                || matches!(first, '"' | '“' | '‘' | '(' | '•' | '—')
                || rest.starts_with("''")
                // A straight single mark opening a quote (British style), not an elision.
                || (first == '\'' && rest[1..].starts_with(char::is_uppercase)));
        if !starts_sentence || (c == '.' && is_abbreviation(&text[start..i])) {
            continue;
        }
        push_trimmed(text, start..end, &mut out);
        start = end;
    }
    push_trimmed(text, start..text.len(), &mut out);
    out
}

fn is_abbreviation(before_dot: &str) -> bool {
    let word = before_dot
        .rsplit(|c: char| c.is_whitespace() || matches!(c, '(' | '"' | '“' | '\'' | '‘'))
        .next()
        .unwrap_or("");
    let lower = word.to_lowercase();
    // Initials ("J. Smith", "G.K. Butterfield") are not the end of a sentence. Dotted capitals
    // end one only after an abbreviation the table does not know; "U.S." is in the table already.
    let initials = word
        .split('.')
        .all(|part| part.chars().count() == 1 && part.chars().all(char::is_uppercase));
    initials || ABBREVIATIONS.contains(&lower.as_str())
}

fn push_trimmed(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let slice = &text[range.clone()];
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    if lead + trail < slice.len() {
        out.push(range.start + lead..range.end - trail);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        split_sentences(text)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn splits_after_closing_quotes() {
        let text = "\"We are ready,\" said Xi. “China is ready to talk.” Xi's remarks showed it.";
        assert_eq!(
            sentences(text),
            [
                "\"We are ready,\" said Xi.",
                "“China is ready to talk.”",
                "Xi's remarks showed it."
            ]
        );
    }

    #[test]
    fn keeps_abbreviations_and_initials() {
        let text = "Mr. Smith met Dr. J. Doe in Sept. 2015 at the U.S. embassy. Then he left.";
        assert_eq!(sentences(text).len(), 2);
        let text = "Rep. G.K. Butterfield, D-N.C., spoke. Then he left.";
        assert_eq!(
            sentences(text),
            ["Rep. G.K. Butterfield, D-N.C., spoke.", "Then he left."]
        );
        // Indian writers put a full stop after the rupee: "Rs. 3.5 lakh crore".
        let text = "Debt will cross Rs. 3.5 lakh crore. Then it falls.";
        assert_eq!(
            sentences(text),
            ["Debt will cross Rs. 3.5 lakh crore.", "Then it falls."]
        );
    }

    #[test]
    fn a_full_stop_before_lowercase_is_not_a_boundary() {
        let text = "deputy director of the Cyberspace Administration. of China, during the talk.";
        assert_eq!(sentences(text).len(), 1);
    }

    #[test]
    fn a_misused_opening_mark_before_a_comma_closes_the_quote() {
        let text = "“Schools have opened. “, she added. Next one.";
        assert_eq!(
            sentences(text),
            ["“Schools have opened. “, she added.", "Next one."]
        );
    }

    #[test]
    fn a_straight_single_mark_before_a_capital_opens_a_sentence() {
        let text =
            "said Dr Jones, the chair of the council. 'Staff are exhausted.' It was 'tis season.";
        assert_eq!(
            sentences(text),
            [
                "said Dr Jones, the chair of the council.",
                "'Staff are exhausted.'",
                "It was 'tis season."
            ]
        );
    }
}
