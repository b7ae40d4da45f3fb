//! Cleaning: turns an article body into the paragraphs worth extracting from. Drops page furniture
//! (share rows, link lists, photo credits, editor lines...), rejoins paragraphs that a photo or a
//! stray line break cut in two, and keeps each repeated paragraph once. Every paragraph keeps the
//! byte offsets of its pieces in the original file, so extracted spans point into the file.

use regex::{Regex, RegexSet};
use std::collections::HashSet;
use std::sync::LazyLock;

/// Whole lines that are page furniture, compared case-insensitively after trimming.
const FURNITURE_LINES: &[&str] = &[
    "add your comment",
    "most viewed",
    "most popular",
    "hot news",
    "we recommend",
    "prev next",
    "prev",
    "next",
    "leave a comment",
    "online",
    "see more by scanning the code.",
    "left corner left corner",
    "source of documents:",
    "read the rest here.",
    "read more",
    "advertisement",
    "share this article",
    "share",
    "related",
    "related:",
    "related articles",
    "by",
    "print",
    "email",
    "comments",
];

/// Line shapes that are page furniture.
const FURNITURE_PATTERNS: &[&str] = &[
    // Editor and translator lines: "(Editor:Chen Shen, Luxiao Zou,Yao Chun)".
    r"(?i)^\(?\s*(editor|editors|edited by|translated by|reporter|source)\s*:.*\)?$",
    // Calls to follow the publication.
    r"(?i)^\(?\s*(please\s+)?follow\b.*\b(join the conversation|on twitter|on facebook|twitter and facebook)\b.*$",
    r"(?i)^\(for the latest .*\)$",
    r"(?i)^\(translated from .*\)$",
    // Photo credits: "WU HEPING / FOR CHINA DAILY", "Photo: Reuters".
    r"^[\p{Lu}][\p{Lu}.'\- ]+\s*/\s*(FOR\s+)?[\p{Lu}][\p{Lu} .'\-]+$",
    r"(?i)^(photo|image|picture|file photo|credit)s?\s*(:|by)\s.{0,80}$",
    // A bare e-mail address under a byline.
    r"^\S+@\S+\.\S+$",
];

/// Names of share buttons; a line made mostly of them is a share row.
const SHARE_BUTTONS: &[&str] = &[
    "facebook",
    "twitter",
    "google plus",
    "google+",
    "instagram",
    "youtube",
    "linkedin",
    "whatsapp",
    "reddit",
    "pinterest",
    "weibo",
    "新浪微博",
    "wechat",
    "tumblr",
];

/// Words after which a line cannot end a paragraph: a break there cut a sentence in two.
const DANGLING_WORDS: &[&str] = &[
    "the", "a", "an", "of", "and", "or", "but", "to", "in", "on", "at", "by", "for", "with",
    "from", "as", "that", "which", "who", "its", "their", "his", "her", "our", "this", "these",
    "into",
];

static FURNITURE: LazyLock<RegexSet> = LazyLock::new(|| RegexSet::new(FURNITURE_PATTERNS).unwrap());
static LINK_LIST_ITEM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[-*]\s+\S.{0,100}$").unwrap());

/// A piece of a paragraph: `len` bytes at `clean` in the paragraph text come from `orig` in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
struct Piece {
    clean: usize,
    orig: usize,
    len: usize,
}

/// What a paragraph looks like, which the extractors use to find speakers of sections.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum ParagraphKind {
    /// A short line without a closing full stop: a title, kicker, section heading or name line.
    Heading,
    /// Running text.
    Prose,
}

/// A cleaned paragraph and where its text came from in the file.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Paragraph {
    pub text: String,
    pub kind: ParagraphKind,
    pieces: Vec<Piece>,
}

impl Paragraph {
    /// The byte offset in the original file of byte `clean` of this paragraph's text.
    pub fn original_offset(&self, clean: usize) -> usize {
        // Pieces are in text order: a binary search keeps this cheap in a paragraph joined from
        // thousands of lines, where it runs once per quote and claim.
        let after = self.pieces.partition_point(|p| p.clean <= clean);
        let piece = &self.pieces[after.saturating_sub(1)];
        piece.orig + (clean - piece.clean).min(piece.len)
    }

    /// The original byte range of a clean range; an end falls at the end of its piece.
    pub fn original_range(&self, start: usize, end: usize) -> (usize, usize) {
        let s = self.original_offset(start);
        let e = if end > start {
            self.original_offset(end - 1) + 1
        } else {
            s
        };
        // Pieces copy text byte for byte, so the byte after the last one of a char is a char
        // boundary in the file as it is in the paragraph.
        (s, e.max(s))
    }

    /// The part of this paragraph between clean offsets `start` and `end`, with its pieces.
    fn slice(&self, start: usize, end: usize) -> Paragraph {
        let pieces = self
            .pieces
            .iter()
            .filter_map(|p| {
                let (from, to) = (p.clean.max(start), (p.clean + p.len).min(end));
                (from < to).then_some(Piece {
                    clean: from - start,
                    orig: p.orig + (from - p.clean),
                    len: to - from,
                })
            })
            .collect();
        Paragraph {
            text: self.text[start..end].to_string(),
            kind: self.kind,
            pieces,
        }
    }

    /// The original byte range this paragraph covers.
    pub fn original_extent(&self) -> (usize, usize) {
        let last = self.pieces.last().expect("a paragraph has a piece");
        (self.pieces[0].orig, last.orig + last.len)
    }
}

/// A trimmed line of the body with its offset in the file.
#[derive(Debug, Clone, Copy)]
pub struct Line<'a> {
    pub text: &'a str,
    pub offset: usize,
}

/// The trimmed non-blank lines of `text[body_start..]`, with `None` for each blank line.
pub fn lines(text: &str, body_start: usize) -> Vec<Option<Line<'_>>> {
    let mut offset = body_start;
    text[body_start..]
        .split_inclusive('\n')
        .map(|raw| {
            let start = offset;
            offset += raw.len();
            // A byte-order mark at the top of the file is not text.
            let lead = raw.len()
                - raw
                    .trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
                    .len();
            let trimmed = raw.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
            (!trimmed.is_empty()).then_some(Line {
                text: trimmed,
                offset: start + lead,
            })
        })
        .collect()
}

/// Whether a line is page furniture rather than article text.
pub fn is_furniture(line: &str) -> bool {
    let lower = line.to_lowercase();
    if FURNITURE_LINES.contains(&lower.as_str()) || FURNITURE.is_match(line) {
        return true;
    }
    let buttons = SHARE_BUTTONS.iter().filter(|b| lower.contains(*b)).count();
    buttons >= 3
}

/// The article's paragraphs after cleaning, in order, each repeated paragraph once.
pub fn paragraphs(text: &str, body_start: usize) -> Vec<Paragraph> {
    let lines = lines(text, body_start);
    let in_link_list = link_list_lines(&lines);
    let mut out: Vec<Paragraph> = Vec::new();
    let mut seen = HashSet::new();
    for (i, line) in lines.iter().enumerate() {
        let Some(line) = line else { continue };
        if in_link_list[i] || is_furniture(line.text) {
            continue;
        }
        let piece_text = line.text;
        if let Some(prev) = out.last_mut()
            && continues(&prev.text, piece_text)
        {
            let clean = prev.text.len() + 1;
            prev.text.push(' ');
            prev.text.push_str(piece_text);
            prev.pieces.push(Piece {
                clean,
                orig: line.offset,
                len: piece_text.len(),
            });
            prev.kind = kind_of(&prev.text);
            continue;
        }
        out.push(Paragraph {
            text: piece_text.to_string(),
            kind: kind_of(piece_text),
            pieces: vec![Piece {
                clean: 0,
                orig: line.offset,
                len: piece_text.len(),
            }],
        });
    }
    out.retain(|p| p.kind == ParagraphKind::Heading || seen.insert(dedupe_key(&p.text)));
    // Cut after dedupe, so the pieces of one long paragraph are never taken for repeats.
    out.into_iter().flat_map(split_long).collect()
}

/// The longest paragraph handed to the extractors. News paragraphs stay under a few thousand
/// bytes; a longer one is a file without line breaks (a dump, a transcript, junk), and the work
/// the extractors do per quote or claim grows with the paragraph around it (the attribution is
/// looked for in the text before a quote), which would make extraction quadratic in its length.
pub const MAX_PARAGRAPH_BYTES: usize = 16 * 1024;

/// A paragraph longer than [`MAX_PARAGRAPH_BYTES`] as paragraphs of at most that length, cut after
/// a sentence end where there is one in the second half of the window, else at a space, else
/// anywhere on a char boundary. Every cut is past half the window, so the pieces stay few.
fn split_long(para: Paragraph) -> Vec<Paragraph> {
    if para.text.len() <= MAX_PARAGRAPH_BYTES {
        return vec![para];
    }
    let text = para.text.as_str();
    let mut out = Vec::new();
    let mut start = 0;
    while start < text.len() {
        let rest = &text[start..];
        let len = if rest.len() <= MAX_PARAGRAPH_BYTES {
            rest.len()
        } else {
            cut_point(rest)
        };
        let chunk = &rest[..len];
        let from = start + (chunk.len() - chunk.trim_start().len());
        let to = start + chunk.trim_end().len();
        if from < to {
            out.push(para.slice(from, to));
        }
        start += len;
    }
    out
}

/// Where to cut `text` (longer than [`MAX_PARAGRAPH_BYTES`]): a byte offset on a char boundary,
/// past half of the limit and at most the limit.
fn cut_point(text: &str) -> usize {
    let mut limit = MAX_PARAGRAPH_BYTES;
    while !text.is_char_boundary(limit) {
        limit -= 1;
    }
    let window = &text[..limit];
    let mut space = None;
    let mut chars = window.char_indices().rev().peekable();
    while let Some((i, c)) = chars.next() {
        if i < MAX_PARAGRAPH_BYTES / 2 {
            break;
        }
        if !c.is_whitespace() {
            continue;
        }
        space.get_or_insert(i);
        if chars
            .peek()
            .is_some_and(|&(_, p)| matches!(p, '.' | '!' | '?' | '"' | '”'))
        {
            return i;
        }
    }
    space.unwrap_or(limit)
}

/// Marks runs of three or more short "- item" lines: lists of links to other articles.
fn link_list_lines(lines: &[Option<Line<'_>>]) -> Vec<bool> {
    let mut marks = vec![false; lines.len()];
    let mut run_start = None;
    for i in 0..=lines.len() {
        let is_item = lines
            .get(i)
            .and_then(|l| l.as_ref())
            .is_some_and(|l| LINK_LIST_ITEM.is_match(l.text));
        match (is_item, run_start) {
            (true, None) => run_start = Some(i),
            (false, Some(s)) => {
                if i - s >= 3 {
                    marks[s..i].iter_mut().for_each(|m| *m = true);
                }
                run_start = None;
            }
            _ => {}
        }
    }
    marks
}

fn kind_of(text: &str) -> ParagraphKind {
    // Straight single marks and brackets may close a sentence too: archives write a closing
    // double mark as `''`, and a sentence may end inside a bracket ("(It did.)").
    let ends_sentence = text
        .trim_end_matches(['\'', ')', ']'])
        .ends_with(['.', '!', '?', '"', '”', '“', '’', ':']);
    if !ends_sentence && text.len() < 300 {
        ParagraphKind::Heading
    } else {
        ParagraphKind::Prose
    }
}

/// Whether `next` continues the paragraph `prev`, cut by a line break in mid-sentence.
fn continues(prev: &str, next: &str) -> bool {
    let Some(last_char) = prev.chars().last() else {
        return false;
    };
    // `nth`, not `count`: `prev` grows with every line joined to it, and counting all its words
    // for each line would make a paragraph of many short lines quadratic.
    if !(last_char.is_lowercase() || last_char == ',') || prev.split_whitespace().nth(5).is_none() {
        return false;
    }
    let next_starts_lower = next.chars().next().is_some_and(char::is_lowercase);
    let last_word = prev.rsplit(' ').next().unwrap_or("").to_lowercase();
    next_starts_lower || DANGLING_WORDS.contains(&last_word.as_str())
}

fn dedupe_key(text: &str) -> String {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<String> {
        paragraphs(text, 0).into_iter().map(|p| p.text).collect()
    }

    #[test]
    fn drops_furniture() {
        let text = "Facebook Twitter google plus Instagram YouTube Saturday 26 September 2015\n\nReal text here.\n\nWU HEPING / FOR CHINA DAILY\n\n(Editor:Chen Shen, Luxiao Zou,Yao Chun)\n\nAdd your comment\n\nFollow at I tweet AND Facebookto join the conversation.\n\nprev next\n";
        assert_eq!(texts(text), ["Real text here."]);
    }

    #[test]
    fn drops_link_lists_but_not_a_single_dash_line() {
        let text = "- Arctic Aspirations\n- What Does BRICS mean for China?\n- The Tragedy of Missed Opportunities\nBody text.\n- one item only\n";
        assert_eq!(texts(text), ["Body text.", "- one item only"]);
    }

    #[test]
    fn rejoins_a_sentence_cut_by_a_photo_credit() {
        let text = "China had 854 million users, according to a report released by the\n\nWU HEPING / FOR CHINA DAILY\n\nChina Internet Network Information Center.\n";
        let paras = paragraphs(text, 0);
        assert_eq!(paras.len(), 1);
        assert!(
            paras[0]
                .text
                .ends_with("released by the China Internet Network Information Center.")
        );
        // The offset of a word after the cut points at that word in the file.
        let at = paras[0].text.find("Internet Network").unwrap();
        let orig = paras[0].original_offset(at);
        assert_eq!(&text[orig..orig + 16], "Internet Network");
    }

    #[test]
    fn keeps_a_repeated_paragraph_once() {
        let text = "One long paragraph of text.\nAnother one here.\nOne long paragraph of text.\n";
        assert_eq!(
            texts(text),
            ["One long paragraph of text.", "Another one here."]
        );
    }
}
