//! Numeric claims in one sentence: the number as written with its unit or currency, what it
//! counts, how it is hedged ("over", "nearly", "rose by"), the time it is pinned to, and
//! conversions ("100 billion yuan ($14.13 billion)").
//!
//! Numbers are read by `text::numbers`; this module decides which are claims. Years, dates,
//! times of day, ordinals, phone, section, model and version numbers are rejected on purpose.
//! It works on a sentence only: splitting articles into sentences belongs elsewhere.

use std::collections::HashSet;
use std::hash::BuildHasherDefault;
use std::sync::LazyLock;

use regex::Regex;

use crate::text::numbers::{
    Form, NumberSpan, Token, TokenKind, VAGUE_COUNTS, WordHasher, WordMap, lower, may_start_number,
    parse_at, tokenize,
};

type WordSet = HashSet<&'static str, BuildHasherDefault<WordHasher>>;

mod tables;
use tables::*;

/// How a claim is hedged or framed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    Exact,
    Approximate,
    MoreThan,
    LessThan,
    Increase,
    Decrease,
}

/// One numeric claim found in a sentence.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ClaimMatch {
    /// Byte offset of the number as written, currency sign included ("$ 500 billion").
    pub start: usize,
    /// Exclusive byte offset, unit or currency word included ("100 billion yuan").
    pub end: usize,
    /// The value with its scale applied; percentages stay in percent (45% -> 45.0).
    pub value: f64,
    /// The upper end of a range ("between 5 and 10").
    pub value_max: Option<f64>,
    /// "%" or a singular unit noun ("year", "km", "tonne"); `None` for plain counts and money.
    pub unit: Option<String>,
    /// ISO 4217 code for money.
    pub currency: Option<String>,
    pub qualifier: Qualifier,
    /// What is counted: the noun phrase after the number.
    pub what: Option<String>,
    /// The time the sentence pins the claim to, as written ("by the end of June").
    pub as_of: Option<String>,
    /// Index of the claim this one converts ("100 billion yuan ($14.13 billion)").
    pub conversion_of: Option<usize>,
}

static SET_LABELS: LazyLock<WordSet> = LazyLock::new(|| LABEL_WORDS.iter().copied().collect());
static SET_STOPS: LazyLock<WordSet> = LazyLock::new(|| WHAT_STOPS.iter().copied().collect());

static CODES_BEFORE: LazyLock<WordSet> = LazyLock::new(|| CURRENCY_CODES.iter().copied().collect());
static UNIT_EXACT: LazyLock<WordMap<&'static str, &'static str>> =
    LazyLock::new(|| UNITS_EXACT.iter().copied().collect());
static UNIT_WORDS: LazyLock<WordMap<&'static str, &'static str>> =
    LazyLock::new(|| UNITS_WORDS.iter().copied().collect());
static CURRENCY_AFTER: LazyLock<WordMap<&'static str, (&'static str, bool)>> =
    LazyLock::new(|| {
        CURRENCY_WORDS
            .iter()
            .map(|&(w, c, s)| (w, (c, s)))
            .collect()
    });
static QUALIFIER_KIND: LazyLock<WordMap<&'static str, (Qualifier, bool)>> =
    LazyLock::new(|| QUALIFIERS.iter().map(|&(w, q, m)| (w, (q, m))).collect());

const MONTHS: &str = "January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec";

/// Spans that are never claims: dates, times of day, year ranges, phone and version numbers.
static NOT_CLAIMS: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = [
        r"(?-u:\b)\d{4}-\d{1,2}(?:-\d{1,2})?(?-u:\b)".to_string(),
        r"(?-u:\b)\d{1,2}/\d{1,2}/\d{2,4}(?-u:\b)".to_string(),
        r"(?-u:\b)\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m(?-u:\b)\.?)?".to_string(),
        r"(?-u:\b)\d{1,2}(?:[.:]\d{2})?\s*(?:[ap]\.m\.|[ap]m(?-u:\b))".to_string(),
        r"(?-u:\b)(?:1[5-9]\d\d|20\d\d)\s*[-–/]\s*(?:\d{2}|1[5-9]\d\d|20\d\d)(?-u:\b)".to_string(),
        format!(r"(?-u:\b)(?:{MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?-u:\b)(?:,?\s+\d{{4}}(?-u:\b))?"),
        format!(r"(?-u:\b)\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?i:{MONTHS})(?-u:\b)\.?(?:,?\s+\d{{4}}(?-u:\b))?"),
        r"\+\d{1,3}[\s-]?\(?\d{1,4}\)?(?:[\s./-]\d{2,5}){2,}".to_string(),
        r"(?-u:\b)\d{3}[-.]\d{3}[-.]\d{4}(?-u:\b)".to_string(),
        r"\(\d{3}\)\s*\d{3}-\d{4}".to_string(),
        r"(?-u:\b)\d+(?:\.\d+){2,}(?-u:\b)".to_string(),
        r"(?i)(?-u:\b)(?:https?://|www\.)\S+".to_string(),
    ]
    .join("|");
    Regex::new(&pattern).expect("NOT_CLAIMS compiles")
});

/// A qualifier phrase ending right before the number.
static QUALIFIER_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    let mut phrases: Vec<&str> = QUALIFIERS.iter().map(|q| q.0).collect();
    phrases.sort_by_key(|p| std::cmp::Reverse(p.len()));
    let alt: Vec<String> = phrases
        .iter()
        .map(|p| regex::escape(p).replace(' ', r"\s+"))
        .collect();
    Regex::new(&format!(
        r"(?i)(?:^|[^\p{{L}}])({})[\s\\(]*$",
        alt.join("|")
    ))
    .expect("QUALIFIER_BEFORE compiles")
});

/// A qualifier written after the number ("10,000 or more", "a 10,000-plus crowd").
static QUALIFIER_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:\s*-?\s*plus(?-u:\b)|\s+(?:or|and)\s+(more|above|over|greater|upwards|less|fewer|below|under)(?-u:\b)|\s+or\s+so(?-u:\b))")
        .expect("QUALIFIER_AFTER compiles")
});

/// Time expressions a claim can be pinned to.
static AS_OF: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = format!(
        r"(?x)
        (?-u:\b)(?i:by|in|as\ of|since|until|till|through|during|before|after|at)\s+
          (?:(?i:the)\s+)?
          (?:(?i:end|beginning|start|middle|close|first\ half|second\ half|first\ quarter|second\ quarter|third\ quarter|fourth\ quarter)\s+(?i:of)\s+(?:(?i:the|this|last|next)\s+)?)?
          (?:(?i:year|month|quarter|decade)(?-u:\b)|(?:{MONTHS})(?-u:\b)\.?(?:\s+\d{{1,2}}(?-u:\b))?(?:,?\s+\d{{4}}(?-u:\b))?|(?:1[5-9]|20)\d\d(?:s)?(?-u:\b))
        |(?-u:\b)(?i:last|this|next|past|previous)\s+(?i:year|month|week|quarter|decade|summer|winter|spring|autumn|weekend)(?-u:\b)
        |(?-u:\b)(?i:yesterday|today)(?-u:\b)"
    );
    Regex::new(&pattern).expect("AS_OF compiles")
});

/// The gap between a claim and its conversion: "100 billion yuan ($14.13 billion)".
static CONVERSION_GAP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:\(|\[|,?\s*or|,?\s*i\.e\.,?|—|,?\s*equivalent\s+to)\s*(?:(?:about|approximately|around|roughly|some|nearly|almost|over|more\s+than|less\s+than|an\s+estimated|approx\.|us)\s*)?\\?\s*$")
        .expect("CONVERSION_GAP compiles")
});

fn glued(toks: &[Token], k: usize) -> bool {
    k + 1 < toks.len() && toks[k].end == toks[k + 1].start
}

fn is_dash(s: &str, toks: &[Token], k: usize) -> bool {
    toks.get(k)
        .is_some_and(|t| t.kind == TokenKind::Symbol && matches!(t.text(s), "-" | "‐" | "–"))
}

fn word_at<'a>(s: &'a str, toks: &[Token], k: usize) -> Option<&'a str> {
    toks.get(k)
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| t.text(s))
}

fn lower_in(word: Option<&str>, table: &[&str]) -> bool {
    let mut buf = [0u8; 24];
    word.and_then(|w| lower(w, &mut buf))
        .is_some_and(|w| table.contains(&w))
}

/// The largest char boundary at or before `i`, within `s`.
fn char_floor(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// `text`, after spaces, starts with the word `w` (any case).
fn word_starts(text: &str, w: &str) -> bool {
    let t = text.trim_start();
    t.len() >= w.len()
        && t.is_char_boundary(w.len())
        && t[..w.len()].eq_ignore_ascii_case(w)
        && !t[w.len()..].starts_with(|c: char| c.is_alphanumeric())
}

/// A scale word of a thousand or more written after a currency code ("75 USD million").
fn large_scale(word: &str) -> Option<f64> {
    let mut buf = [0u8; 24];
    let w = lower(word, &mut buf)?;
    LARGE_SCALES.iter().find(|(s, _)| *s == w).map(|&(_, v)| v)
}

/// "MUSD", "MEUR": an ISO code with "M" (million) written against it.
fn scaled_code(s: &str, toks: &[Token], k: usize) -> Option<(&'static str, f64)> {
    let w = word_at(s, toks, k)?;
    let code = w.strip_prefix('M').filter(|c| c.len() == 3)?;
    let iso = CURRENCY_CODES.iter().find(|c| **c == code)?;
    Some((iso, 1e6))
}

/// A plural noun counted by the number at `k` ("people", "users"), not a race distance.
fn counted_after(s: &str, toks: &[Token], k: usize) -> bool {
    word_at(s, toks, k).is_some_and(|w| is_plural_head(w) && !lower_in(Some(w), METRE_EVENTS))
}

/// The minor unit after a major amount: "3 dollars 50 cents", "thirteen dollars and forty-five
/// cents", "15 dollars 50." Without the minor-unit word only after a currency word and at the
/// end of a clause. Returns (minor amount, end byte, next token).
fn minor_amount(
    s: &str,
    toks: &[Token],
    k: usize,
    currency_word: bool,
) -> Option<(f64, usize, usize)> {
    let mut j = k;
    if word_at(s, toks, j).is_some_and(|w| w.eq_ignore_ascii_case("and")) {
        j += 1;
    }
    if toks.get(j).is_some_and(|t| t.kind == TokenKind::Symbol) {
        return None;
    }
    let m = parse_at(s, toks, j, false)?;
    if !matches!(m.form, Form::Digits | Form::Words)
        || m.scale != 1.0
        || m.percent
        || m.decimal
        || m.grouped
        || !(1.0..100.0).contains(&m.value)
        || m.value.fract() != 0.0
    {
        return None;
    }
    if lower_in(word_at(s, toks, m.next), MINOR_UNITS) {
        return Some((m.value, toks[m.next].end, m.next + 1));
    }
    let clause_end = toks.get(m.next).is_none_or(|t| {
        t.kind == TokenKind::Symbol && matches!(t.text(s), "." | "," | ";" | "!" | "?" | ")")
    });
    (currency_word && clause_end).then_some((m.value, m.end, m.next))
}

/// Byte spans of `sentence` that hold numbers but never claims: dates, times of day, year
/// ranges, phone, IP and version numbers.
pub fn non_claim_spans(sentence: &str) -> Vec<(usize, usize)> {
    // Every pattern but the URL one needs a digit: most sentences skip the search.
    if !sentence.bytes().any(|b| b.is_ascii_digit())
        && !sentence.contains("://")
        && !sentence.contains("www.")
    {
        return Vec::new();
    }
    NOT_CLAIMS
        .find_iter(sentence)
        .map(|m| (m.start(), m.end()))
        .collect()
}

/// All numeric claims in one sentence, in order of position.
pub fn extract_claims_in_sentence(sentence: &str) -> Vec<ClaimMatch> {
    let toks = tokenize(sentence);
    let blocked = non_claim_spans(sentence);
    let mut out = Vec::new();
    let mut bi = 0;
    let mut i = 0;
    // Tokens before `free` belong to an earlier claim ("10 rmb 20 usd").
    let mut free = 0;
    while i < toks.len() {
        let t = toks[i];
        while bi < blocked.len() && blocked[bi].1 <= t.start {
            bi += 1;
        }
        if bi < blocked.len() && blocked[bi].0 <= t.start {
            i += 1;
            continue;
        }
        if t.kind == TokenKind::Symbol && !matches!(t.text(sentence), "-" | "−") {
            i += 1;
            continue;
        }
        if t.kind == TokenKind::Word && !may_start_number(t.text(sentence)) {
            i += 1;
            continue;
        }
        let prefix = currency_before(sentence, &toks, i).filter(|_| i > free);
        let Some(n) = parse_at(sentence, &toks, i, prefix.is_some()) else {
            i += 1;
            continue;
        };
        match build_claim(sentence, &toks, i, n, prefix) {
            Some((claim, next)) => {
                out.push(claim);
                i = next.max(i + 1);
                free = i;
            }
            None => i = n.next.max(i + 1),
        }
    }
    merge_bounds(sentence, &mut out);
    attach_what_before(sentence, &toks, &mut out);
    link_conversions(sentence, &mut out);
    attach_as_of(sentence, &mut out);
    out
}

/// A currency sign or code right before token `i`: (start of the sign, ISO code).
fn currency_before(s: &str, toks: &[Token], i: usize) -> Option<(usize, &'static str)> {
    let p = *toks.get(i.checked_sub(1)?)?;
    let text = p.text(s);
    match p.kind {
        TokenKind::Symbol => {
            let &(_, iso) = CURRENCY_SYMBOLS.iter().find(|(sym, _)| *sym == text)?;
            if text == "$" && i >= 2 && toks[i - 2].kind == TokenKind::Word {
                // "US$", "HK$"; also spaced "us $ 10 billion", "c $ 300 million", but not
                // the article in "a $ 5 bill".
                let mut buf = [0u8; 24];
                let w = lower(toks[i - 2].text(s), &mut buf).unwrap_or("");
                let attached = glued(toks, i - 2);
                let spaced_ok = !matches!(w, "a" | "s" | "r" | "ca" | "au");
                if let Some(&(_, c)) = DOLLAR_PREFIXES
                    .iter()
                    .find(|(p, _)| *p == w && (attached || spaced_ok))
                {
                    return Some((toks[i - 2].start, c));
                }
            }
            Some((p.start, iso))
        }
        // Codes are three letters ("USD", "RMB"), or "Rs".
        TokenKind::Word if text.len() > 3 => None,
        TokenKind::Word => {
            let mut upper = [0u8; 3];
            if text.len() == 3 && text.is_ascii() {
                upper.copy_from_slice(text.as_bytes());
                upper.make_ascii_uppercase();
            }
            let code = std::str::from_utf8(&upper).unwrap_or("");
            if code == "RMB" && matches!(text, "RMB" | "rmb") {
                return Some((p.start, "CNY"));
            }
            if let Some(iso) = CODES_BEFORE.get(code) {
                return Some((p.start, *iso));
            }
            match text {
                "Rs" => Some((p.start, "INR")),
                _ => None,
            }
        }
        TokenKind::Digits => None,
    }
}

/// The longest phrase of up to `max` tokens from `k` found by `find`, with the token count.
fn phrase_at<T>(
    s: &str,
    toks: &[Token],
    k: usize,
    max: usize,
    mut find: impl FnMut(&str) -> Option<T>,
) -> Option<(T, usize)> {
    let mut phrase = String::new();
    let mut candidates = Vec::with_capacity(max);
    for j in 0..max {
        let Some(t) = toks.get(k + j) else { break };
        if j > 0 && !glued(toks, k + j - 1) {
            phrase.push(' ');
        }
        phrase.push_str(t.text(s));
        candidates.push(phrase.clone());
    }
    for (j, c) in candidates.iter().enumerate().rev() {
        if let Some(v) = find(c) {
            return Some((v, j + 1));
        }
    }
    None
}

fn currency_after(
    s: &str,
    toks: &[Token],
    k: usize,
    n: &NumberSpan,
) -> Option<(&'static str, usize)> {
    let t = toks.get(k)?;
    if t.kind == TokenKind::Symbol {
        let &(_, iso) = CURRENCY_SYMBOLS.iter().find(|(sym, _)| *sym == t.text(s))?;
        // "$ 20,000.00 $ 37,305.97": a sign followed by digits starts the next amount.
        if toks.get(k + 1).is_some_and(|x| x.kind == TokenKind::Digits) {
            return None;
        }
        return Some((iso, 1));
    }
    if t.kind == TokenKind::Symbol
        && t.text(s) == "-"
        && k > 0
        && glued(toks, k - 1)
        && glued(toks, k)
    {
        return currency_after(s, toks, k + 1, n).map(|(c, w)| (c, w + 1));
    }
    if t.kind != TokenKind::Word {
        return None;
    }
    phrase_at(s, toks, k, 3, |p| {
        let low = p.to_lowercase();
        let &(iso, needs_scale) = CURRENCY_AFTER.get(low.as_str())?;
        (!needs_scale || n.scale > 1.0).then_some(iso)
    })
}

fn unit_after(s: &str, toks: &[Token], k: usize) -> Option<(&'static str, usize)> {
    let t = toks.get(k)?;
    // "two-year", "27-kilometer": the unit as an adjective.
    if t.kind == TokenKind::Symbol
        && t.text(s) == "-"
        && k > 0
        && glued(toks, k - 1)
        && glued(toks, k)
    {
        return unit_after(s, toks, k + 1).map(|(u, w)| (u, w + 1));
    }
    if t.kind == TokenKind::Digits {
        return None;
    }
    // "2 1/2 in thick", "2 in.": "in" is inches only where no object follows.
    if t.text(s) == "in" {
        let next = toks.get(k + 1);
        let dimension = word_at(s, toks, k + 1).is_some_and(|w| {
            matches!(
                w,
                "thick" | "long" | "wide" | "tall" | "high" | "deep" | "across"
            )
        });
        return (dimension || next.is_none_or(|t| t.kind == TokenKind::Symbol && t.text(s) != "$"))
            .then_some(("inch", 1));
    }
    phrase_at(s, toks, k, 3, |p| {
        if let Some(u) = UNIT_EXACT.get(p) {
            // A lone "m", "t", "g" or "l" spaced from the digits is rarely a unit.
            if p.len() == 1 && p != "L" && !(k > 0 && glued(toks, k - 1)) {
                return None;
            }
            return Some(*u);
        }
        UNIT_WORDS.get(p.to_lowercase().as_str()).copied()
    })
}

fn qualifier_before(s: &str, start: usize, measured: bool) -> Option<Qualifier> {
    qualifier_phrase_before(s, start, measured).map(|(_, q)| q)
}

/// The qualifier phrase ending right before byte `start`: (its start, its kind).
fn qualifier_phrase_before(s: &str, start: usize, measured: bool) -> Option<(usize, Qualifier)> {
    let mut w0 = start.saturating_sub(40);
    while !s.is_char_boundary(w0) {
        w0 += 1;
    }
    let window = &s[w0..start];
    // `find` keeps to the DFA engines; the phrase is the match without the separator before
    // it and the spaces after it.
    let m = QUALIFIER_BEFORE.find(window)?;
    let text = m
        .as_str()
        .trim_end_matches(|c: char| c.is_whitespace() || c == '\\' || c == '(');
    let mut offsets = vec![0];
    if let Some(c) = text.chars().next() {
        offsets.push(c.len_utf8());
    }
    for off in offsets {
        let phrase = text[off..].to_lowercase();
        let phrase = phrase.split_whitespace().collect::<Vec<_>>().join(" ");
        if let Some(&(q, needs_measure)) = QUALIFIER_KIND.get(phrase.as_str()) {
            return (!needs_measure || measured).then_some((w0 + m.start() + off, q));
        }
    }
    None
}

/// Reads the claim whose number is `n` at token `i`; `None` when it is not a claim. Returns
/// the claim and the token index after it.
fn build_claim(
    s: &str,
    toks: &[Token],
    i: usize,
    n: NumberSpan,
    prefix: Option<(usize, &'static str)>,
) -> Option<(ClaimMatch, usize)> {
    if matches!(n.form, Form::Ordinal | Form::Decade) {
        return None;
    }
    let first = toks[i];
    let digits = first.kind == TokenKind::Digits || n.form == Form::Digits;
    // Digits glued to letters on the left: "G20", "MH370", "COVID-19".
    if digits && first.kind != TokenKind::Word && i > 0 && glued(toks, i - 1) && prefix.is_none() {
        let p = toks[i - 1];
        if p.kind == TokenKind::Word
            || (matches!(p.text(s), "-" | "/" | "#" | "_" | "." | "+" | ":")
                && i > 1
                && glued(toks, i - 2)
                && toks[i - 2].kind != TokenKind::Symbol)
        {
            return None;
        }
    }
    let mut claim = ClaimMatch {
        start: prefix.map_or(n.start, |p| p.0),
        end: n.end,
        value: n.value,
        value_max: None,
        unit: None,
        currency: prefix.map(|p| p.1.to_string()),
        qualifier: Qualifier::Exact,
        what: None,
        as_of: None,
        conversion_of: None,
    };
    let mut k = n.next;
    if n.percent {
        claim.unit = Some("%".into());
    } else {
        if claim.currency.is_none()
            && let Some((iso, w)) = currency_after(s, toks, k, &n)
        {
            claim.currency = Some(iso.into());
            claim.end = toks[k + w - 1].end;
            k += w;
            // "75 USD million": the scale written after the code.
            if n.scale == 1.0
                && let Some(t) = toks.get(k).filter(|t| t.kind == TokenKind::Word)
                && let Some(scale) = large_scale(t.text(s))
            {
                claim.value *= scale;
                claim.end = t.end;
                k += 1;
            }
        }
        if claim.currency.is_none()
            && let Some((iso, scale)) = scaled_code(s, toks, k)
        {
            claim.currency = Some(iso.into());
            claim.value *= scale;
            claim.end = toks[k].end;
            k += 1;
        }
        if claim.currency.is_none()
            && let Some((unit, w)) = unit_after(s, toks, k)
        {
            if unit == "metre" && toks[k].text(s) == "m" && counted_after(s, toks, k + 1) {
                // "1.5m people": a glued "m" before a counted plural is million, not metres.
                claim.value *= 1e6;
                claim.end = toks[k].end;
                k += 1;
            } else {
                claim.unit = Some(unit.into());
                claim.end = toks[k + w - 1].end;
                k += w;
            }
        }
        if claim.currency.is_some()
            && n.scale == 1.0
            && claim.value.fract() == 0.0
            && let Some((cents, end, next)) = minor_amount(s, toks, k, prefix.is_none())
        {
            claim.value += cents / 100.0;
            claim.end = end;
            k = next;
        }
    }
    let measured = claim.unit.is_some() || claim.currency.is_some();
    // Letters glued to the digits that are neither scale nor unit: "5G", "3D", "860BOX".
    if digits
        && k == n.next
        && glued(toks, n.next - 1)
        && toks.get(n.next).is_some_and(|t| t.kind == TokenKind::Word)
    {
        return None;
    }
    let prev_word =
        |j: usize| -> Option<&str> { j.checked_sub(1).and_then(|j| word_at(s, toks, j)) };
    let before = if prefix.is_some() { i - 1 } else { i };
    let plain = n.form == Form::Digits && !n.grouped && !n.decimal && n.scale == 1.0 && !measured;
    if plain && is_year(s, toks, i, n) {
        return None;
    }
    // Labels: "Section 230", "iPhone 6", "version 2.1", "No. 1".
    if n.form == Form::Digits && !n.grouped && n.scale == 1.0 && !measured {
        let mut buf = [0u8; 24];
        let label = |w: Option<&str>, buf: &mut [u8; 24]| {
            w.and_then(|w| lower(w, buf))
                .is_some_and(|w| SET_LABELS.contains(w))
        };
        if label(prev_word(i), &mut buf)
            || (i >= 2 && toks[i - 1].text(s) == "." && label(word_at(s, toks, i - 2), &mut buf))
        {
            return None;
        }
    }
    let words = first.kind == TokenKind::Word;
    let written = &s[n.start..n.end];
    let qualifier = qualifier_before(s, claim.start, measured || n.percent);
    if words && !measured && n.form == Form::Words && n.scale == 1.0 {
        // Bare "one": a pronoun far more often than a count ("one of the greatest").
        if n.value == 1.0 && qualifier.is_none() {
            return None;
        }
        // "the two countries" refers, it does not count.
        if n.value <= 10.0 && lower_in(prev_word(before), REFERRING_WORDS) {
            return None;
        }
        // Capitalised number words inside names: "the Group of Seven", "Three Gorges Dam".
        let capital = written.starts_with(|c: char| c.is_ascii_uppercase());
        let sentence_start = before == 0 || toks[before - 1].kind == TokenKind::Symbol;
        let next_capital =
            word_at(s, toks, k).is_some_and(|w| w.starts_with(|c: char| c.is_ascii_uppercase()));
        if capital && (!sentence_start && (next_capital || prev_word(before).is_some())) {
            return None;
        }
        // "zero-sum", "two-way": a number word glued into a compound that is not a unit.
        if k == n.next && is_dash(s, toks, k) && glued(toks, k - 1) && glued(toks, k) {
            return None;
        }
    }
    if written.eq_ignore_ascii_case("half") && qualifier.is_none() {
        let follows = lower_in(word_at(s, toks, k), HALF_FOLLOWERS);
        if !follows || lower_in(prev_word(before), HALF_BLOCKERS) {
            return None;
        }
    }
    claim.qualifier = qualifier.unwrap_or(Qualifier::Exact);
    // "several hundred years": at least the scale, never a figure the text does not give.
    if n.form == Form::Vague
        && lower_in(
            Some(written.split_whitespace().next().unwrap_or("")),
            VAGUE_COUNTS,
        )
        && qualifier.is_none()
    {
        claim.qualifier = Qualifier::MoreThan;
    }
    // Ranges: "between 5 and 10", "from 5 to 10", "10-15 exabytes", "8- to 16-meter".
    if let Some((max, next)) = range_end(s, toks, i, before, k, &mut claim, n) {
        claim.value_max = Some(max);
        k = next;
    }
    let tail = &s[claim.end..char_floor(s, claim.end + 40)];
    if matches!(claim.qualifier, Qualifier::Exact | Qualifier::Approximate)
        && let Some(c) = QUALIFIER_AFTER.captures(tail)
        // "equal to 5000 or less than 6000": a second comparison, not a hedge on the first.
        && !word_starts(&tail[c.get(0).map_or(0, |m| m.end())..], "than")
    {
        let so = c
            .get(0)
            .is_some_and(|m| m.as_str().trim().eq_ignore_ascii_case("or so"));
        // "about 500 or more" is a bound; "about 500 or so" stays a hedge.
        claim.qualifier = match c.get(1).map(|m| m.as_str().to_lowercase()) {
            _ if so => Qualifier::Approximate,
            None => Qualifier::MoreThan,
            Some(w) if matches!(w.as_str(), "less" | "fewer" | "below" | "under") => {
                Qualifier::LessThan
            }
            Some(_) => Qualifier::MoreThan,
        };
    }
    claim.what = what_after(s, toks, k, &n);
    Some((claim, k))
}

/// A bare four-digit number is a year unless it plainly counts something ("2000 people").
fn is_year(s: &str, toks: &[Token], i: usize, n: NumberSpan) -> bool {
    if !(1000.0..=2100.0).contains(&n.value) || n.value.fract() != 0.0 || n.end - n.start != 4 {
        return false;
    }
    let prev = i.checked_sub(1).and_then(|j| word_at(s, toks, j));
    if lower_in(prev, YEAR_PRECEDERS) {
        return true;
    }
    if qualifier_before(s, n.start, false).is_some() {
        return false;
    }
    // "1000 - 5000": real year ranges ("2013-14") are already excluded as spans.
    if is_dash(s, toks, n.next)
        && toks
            .get(n.next + 1)
            .is_some_and(|t| t.kind == TokenKind::Digits)
    {
        return false;
    }
    let mut buf = [0u8; 24];
    let next = word_at(s, toks, n.next);
    !next.is_some_and(|w| {
        w.starts_with(|c: char| c.is_ascii_lowercase())
            && !lower(w, &mut buf).is_some_and(|w| SET_STOPS.contains(w))
    })
}

/// The end of a range starting with `claim`: (upper value, token after it). Adjusts the
/// claim's unit, scale and end.
fn range_end(
    s: &str,
    toks: &[Token],
    i: usize,
    before: usize,
    k: usize,
    claim: &mut ClaimMatch,
    n: NumberSpan,
) -> Option<(f64, usize)> {
    let prev = before.checked_sub(1).and_then(|j| word_at(s, toks, j));
    let between = lower_in(prev, &["between"]);
    let from = lower_in(prev, &["from"]);
    if from
        && lower_in(
            before.checked_sub(2).and_then(|j| word_at(s, toks, j)),
            CHANGE_VERBS,
        )
    {
        return None;
    }
    let t = toks.get(k)?;
    let mut j = k;
    match (t.kind, t.text(s)) {
        (TokenKind::Word, w) if between && w.eq_ignore_ascii_case("and") => j += 1,
        (TokenKind::Word, w)
            if w.eq_ignore_ascii_case("to") || (!between && w.eq_ignore_ascii_case("through")) =>
        {
            j += 1
        }
        (TokenKind::Symbol, "-" | "–" | "—" | "~") if !between => {
            j += 1;
            if word_at(s, toks, j).is_some_and(|w| w.eq_ignore_ascii_case("to")) {
                j += 1;
            }
        }
        _ => return None,
    }
    let _ = i;
    let mut money = claim.currency.is_some();
    let sym = toks.get(j).filter(|t| {
        t.kind == TokenKind::Symbol && CURRENCY_SYMBOLS.iter().any(|c| c.0 == t.text(s))
    });
    if sym.is_some() {
        money = true;
        j += 1;
    }
    let m = parse_at(s, toks, j, money)?;
    if !matches!(m.form, Form::Digits | Form::Words | Form::Fraction) {
        return None;
    }
    let mut end = m.end;
    let mut next = m.next;
    let mut unit = m.percent.then(|| "%".to_string());
    let mut currency = sym.and_then(|t| {
        CURRENCY_SYMBOLS
            .iter()
            .find(|c| c.0 == t.text(s))
            .map(|c| c.1.to_string())
    });
    if unit.is_none() && currency.is_none() {
        if let Some((iso, w)) = currency_after(s, toks, next, &m) {
            currency = Some(iso.into());
            end = toks[next + w - 1].end;
            next += w;
        } else if let Some((u, w)) = unit_after(s, toks, next) {
            unit = Some(u.into());
            end = toks[next + w - 1].end;
            next += w;
        }
    }
    // Units must agree when both sides carry one.
    if (claim.unit.is_some() && unit.is_some() && claim.unit != unit)
        || (claim.currency.is_some() && currency.is_some() && claim.currency != currency)
        || (claim.unit.is_some() && currency.is_some())
        || (claim.currency.is_some() && unit.is_some())
    {
        return None;
    }
    // Dates and scores are not ranges: a hyphen between bare integers needs a rising pair.
    let mut low = claim.value;
    if n.scale == 1.0 && m.scale > 1.0 && low * m.scale <= m.value {
        low *= m.scale;
    }
    if m.value <= low {
        return None;
    }
    claim.value = low;
    if claim.unit.is_none() {
        claim.unit = unit;
    }
    if claim.currency.is_none() {
        claim.currency = currency;
    }
    claim.end = end;
    Some((m.value, next))
}

/// The noun phrase after a claim: "3 billion Internet users across the globe" -> "Internet
/// users".
fn what_after(s: &str, toks: &[Token], mut k: usize, n: &NumberSpan) -> Option<String> {
    let mut buf = [0u8; 24];
    // "half of all their investments", "two meters of cotton": skip "of" and determiners.
    while let Some(w) = word_at(s, toks, k) {
        match lower(w, &mut buf) {
            Some(l) if WHAT_DETERMINERS.contains(&l) => k += 1,
            _ => break,
        }
    }
    let _ = n;
    let start_k = k;
    let mut last_k = None;
    let mut extended = false;
    // The previous word was "and" or a participle's preposition: a noun must follow.
    let mut joined = false;
    while let Some(t) = toks.get(k) {
        if k - start_k >= 8 {
            break;
        }
        if t.kind != TokenKind::Word {
            // "cyber-attacks": hyphens inside a word continue it.
            if t.text(s) == "-" && k > start_k && glued(toks, k - 1) && glued(toks, k) {
                k += 1;
                continue;
            }
            break;
        }
        let w = t.text(s);
        let l = lower(w, &mut buf).map(str::to_string);
        let lw = l.as_deref().unwrap_or("");
        let empty = last_k.is_none();
        if lw == "and" || lw == "&" {
            // "laws and regulations", but not "years and their employers".
            let next = word_at(s, toks, k + 1);
            let mut b2 = [0u8; 24];
            let ok = !empty
                && next.is_some_and(|x| {
                    !lower(x, &mut b2).is_some_and(|x| SET_STOPS.contains(x) || x.ends_with("ed"))
                });
            if !ok {
                break;
            }
            k += 1;
            joined = true;
            continue;
        }
        // "IT", "US": an acronym is not the pronoun or preposition it spells.
        let acronym = w.len() > 1 && w.bytes().all(|b| b.is_ascii_uppercase());
        if SET_STOPS.contains(lw) && !acronym {
            break;
        }
        if !empty && (lw.ends_with("ed") || lw.ends_with("ing")) {
            // "incidents related to cybercrimes": a participle with its object, once.
            let next = word_at(s, toks, k + 1).map(str::to_ascii_lowercase);
            if !extended
                && lw.ends_with("ed")
                && matches!(next.as_deref(), Some("to" | "in" | "with"))
                && word_at(s, toks, k + 2).is_some()
            {
                extended = true;
                joined = true;
                k += 2;
                continue;
            }
            break;
        }
        if w.ends_with("ly") && !empty {
            break;
        }
        // After a plural head noun a lower-case word is a verb: "giant pandas live".
        if let Some(prev) = last_k.map(|j: usize| toks[j].text(s))
            && !joined
            && is_plural_head(prev)
            && w.starts_with(|c: char| c.is_ascii_lowercase())
        {
            break;
        }
        last_k = Some(k);
        joined = false;
        k += 1;
        // A possessive ends the phrase: "U.S. investment funds' money".
        if toks.get(k).is_some_and(|t| matches!(t.text(s), "'" | "’")) {
            break;
        }
    }
    let last = toks[last_k?];
    let phrase = s[toks[start_k].start..last.end].trim();
    (!phrase.is_empty()).then(|| phrase.to_string())
}

/// Irregular plurals that head a counted phrase.
const IRREGULAR_PLURALS: &[&str] = &[
    "people", "children", "men", "women", "police", "staff", "cattle",
];

fn is_plural_head(word: &str) -> bool {
    let mut buf = [0u8; 24];
    let Some(w) = lower(word, &mut buf) else {
        return false;
    };
    IRREGULAR_PLURALS.contains(&w)
        || (w.len() > 3
            && w.ends_with('s')
            && !w.ends_with("ss")
            && !w.ends_with("us")
            && !w.ends_with("is"))
}

/// Joins a lower and an upper bound into one range: "above 1000 and below 1500", "at most 100
/// and at least 20", "greater than 30 and less than or equal to 40".
fn merge_bounds(s: &str, claims: &mut Vec<ClaimMatch>) {
    let mut j = 1;
    while j < claims.len() {
        let (a, b) = (&claims[j - 1], &claims[j]);
        let opposite = matches!(
            (a.qualifier, b.qualifier),
            (Qualifier::MoreThan, Qualifier::LessThan) | (Qualifier::LessThan, Qualifier::MoreThan)
        );
        let joined = opposite
            && a.value_max.is_none()
            && b.value_max.is_none()
            && a.end <= b.start
            && qualifier_phrase_before(s, b.start, true).is_some_and(|(q0, _)| {
                let gap = s[a.end..q0.max(a.end)].trim();
                let gap = gap.trim_end_matches(',').trim();
                gap.is_empty() && s[a.end..q0.max(a.end)].contains(',')
                    || BOUND_JOINERS
                        .iter()
                        .any(|w| gap.eq_ignore_ascii_case(w) || gap == format!(", {w}"))
            });
        let units_agree = (a.unit.is_none() || b.unit.is_none() || a.unit == b.unit)
            && (a.currency.is_none() || b.currency.is_none() || a.currency == b.currency);
        let (lo, hi) = if a.qualifier == Qualifier::MoreThan {
            (a.value, b.value)
        } else {
            (b.value, a.value)
        };
        if joined && units_agree && lo < hi {
            let b = claims.remove(j);
            let a = &mut claims[j - 1];
            a.value = lo;
            a.value_max = Some(hi);
            a.qualifier = Qualifier::Exact;
            a.end = b.end;
            a.unit = a.unit.take().or(b.unit);
            a.currency = a.currency.take().or(b.currency);
            a.what = b.what.or(a.what.take());
        }
        j += 1;
    }
}

/// Money with nothing counted after it takes the noun phrase it is attributed to: "a total worth
/// of nearly $ 500 billion" -> "total worth"; "the industrial output is expected to reach 100
/// billion yuan" -> "industrial output".
fn attach_what_before(s: &str, toks: &[Token], claims: &mut [ClaimMatch]) {
    for c in claims.iter_mut() {
        if c.what.is_some() || c.currency.is_none() {
            continue;
        }
        // The token where the claim starts, then back over its qualifier phrase.
        let start = qualifier_phrase_before(s, c.start, true).map_or(c.start, |(q0, _)| q0);
        let Some(mut k) = toks.iter().rposition(|t| t.end <= start) else {
            continue;
        };
        let mut linked = false;
        while let Some(w) = word_at(s, toks, k)
            && lower_in(Some(w), WHAT_LINKS)
        {
            linked = true;
            match k.checked_sub(1) {
                Some(p) => k = p,
                None => break,
            }
        }
        if !linked {
            continue;
        }
        let last = k;
        let mut first = None;
        let mut buf = [0u8; 24];
        while let Some(t) = toks.get(k).filter(|t| t.kind == TokenKind::Word) {
            let Some(l) = lower(t.text(s), &mut buf) else {
                break;
            };
            // "the company's revenue": the possessive ends the phrase.
            if l == "s" && k > 0 && matches!(toks[k - 1].text(s), "'" | "’") {
                break;
            }
            let noun_ok = WHAT_BEFORE_NOUNS.contains(&l);
            if (!noun_ok && SET_STOPS.contains(l)) || WHAT_DETERMINERS.contains(&l) || last - k >= 3
            {
                break;
            }
            first = Some(k);
            match k.checked_sub(1) {
                Some(p) => k = p,
                None => break,
            }
        }
        // A phrase ending in a verb or a capitalised name is not what the money counts.
        if let Some(f) = first
            && !word_at(s, toks, last).is_some_and(|w| {
                (last > 0 && w.starts_with(|ch: char| ch.is_uppercase())) || w.ends_with("ed")
            })
        {
            c.what = Some(s[toks[f].start..toks[last].end].to_string());
        }
    }
}

/// Marks claims that restate the previous one in another currency or unit.
fn link_conversions(s: &str, claims: &mut [ClaimMatch]) {
    for j in 1..claims.len() {
        let (a, b) = (&claims[j - 1], &claims[j]);
        if a.end > b.start || !CONVERSION_GAP.is_match(&s[a.end..b.start]) {
            continue;
        }
        let money = a.currency.is_some() && b.currency.is_some() && a.currency != b.currency;
        let measure = a.unit.is_some()
            && b.unit.is_some()
            && a.unit != b.unit
            && a.unit.as_deref() != Some("%")
            && b.unit.as_deref() != Some("%");
        if money || measure {
            claims[j].conversion_of = Some(j - 1);
        }
    }
}

/// Pins each claim to the nearest time expression in the sentence.
fn attach_as_of(s: &str, claims: &mut [ClaimMatch]) {
    if claims.is_empty() {
        return;
    }
    let times: Vec<(usize, usize)> = AS_OF.find_iter(s).map(|m| (m.start(), m.end())).collect();
    for c in claims.iter_mut() {
        let best = times
            .iter()
            .filter(|(a, b)| *b <= c.start || *a >= c.end)
            .min_by_key(|(a, b)| {
                if *b <= c.start {
                    c.start - b
                } else {
                    a - c.end
                }
            });
        c.as_of = best.map(|&(a, b)| s[a..b].to_string());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claims(s: &str) -> Vec<ClaimMatch> {
        extract_claims_in_sentence(s)
    }

    fn written(s: &str) -> Vec<String> {
        claims(s)
            .iter()
            .map(|c| s[c.start..c.end].to_string())
            .collect()
    }

    #[test]
    fn years_dates_times_and_ordinals_are_not_claims() {
        assert!(written("The Cyber Security Law took effect in June 2017.").is_empty());
        assert!(written("Updated: 2012-02-07 08:23").is_empty());
        assert!(written("(People's Daily Online) 06:05, September 26, 2015").is_empty());
        assert!(
            written("With the Safer Internet Day being observed on Feb 7, it's time.").is_empty()
        );
        assert!(
            written("the 8th U.S.-China Internet Industry Forum in the 21st century").is_empty()
        );
        assert!(
            written("Since the 1990s, the 2019 China Cybersecurity Week opened at 9am.").is_empty()
        );
        assert!(written("the UN's 66th General Assembly").is_empty());
    }

    #[test]
    fn labels_and_names_are_not_claims() {
        assert!(written("Section 230 of the act, the iPhone 6 and Windows 10.").is_empty());
        assert!(written("The G20 met on 5G and COVID-19; call +1 555 123 4567.").is_empty());
        assert!(written("Upgrade to version 2.1 now.").is_empty());
        assert!(written("As one of the greatest inventions, no one country can do it.").is_empty());
    }

    #[test]
    fn seed_claims_come_out() {
        let s =
            "Among over 3 billion Internet users across the globe, one in five comes from China.";
        let c = claims(s);
        assert_eq!(c.len(), 2);
        assert_eq!((c[0].value, c[0].qualifier), (3e9, Qualifier::MoreThan));
        assert_eq!(c[0].what.as_deref(), Some("Internet users"));
        assert_eq!(c[1].value, 0.2);
        let s = r"By 2020, the industrial output is expected to reach 100 billion yuan (\$14.13 billion).";
        let c = claims(s);
        assert_eq!(c.len(), 2);
        assert_eq!((c[0].value, c[0].currency.as_deref()), (1e11, Some("CNY")));
        assert_eq!(
            (c[1].value, c[1].currency.as_deref()),
            (1.413e10, Some("USD"))
        );
        assert_eq!(c[1].conversion_of, Some(0));
        assert_eq!(c[0].as_of.as_deref(), Some("By 2020"));
    }

    /// Claim extraction speed on one core, over the fixture sentences (and the shared
    /// evaluation sentences when present) repeated to a few megabytes:
    /// `cargo test --release --lib claims_throughput -- --ignored --nocapture`.
    #[test]
    #[ignore]
    fn claims_throughput() {
        let cases: Vec<serde_json::Value> =
            serde_json::from_str(include_str!("../../../tests/fixtures/claims.json"))
                .expect("valid fixture JSON");
        let mut sentences: Vec<String> = cases
            .iter()
            .filter_map(|c| c["text"].as_str().map(str::to_string))
            .collect();
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/numbers");
        for (file, key) in [
            ("quantulum3-quantities.json", "req"),
            ("recognizers-CurrencyModel.json", "Input"),
        ] {
            if let Ok(text) = std::fs::read_to_string(dir.join(file))
                && let Ok(serde_json::Value::Array(items)) = serde_json::from_str(&text)
            {
                sentences.extend(
                    items
                        .iter()
                        .filter_map(|i| i[key].as_str().map(str::to_string)),
                );
            }
        }
        measure("eval sentences", &sentences);
        // News prose, as the bot reads it: the corpus articles cut at sentence ends.
        let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        let mut news = Vec::new();
        for entry in std::fs::read_dir(corpus).into_iter().flatten().flatten() {
            if let Ok(text) = std::fs::read_to_string(entry.path()) {
                news.extend(text.split_inclusive(". ").map(str::to_string));
            }
        }
        if !news.is_empty() {
            measure("corpus sentences", &news);
        }
    }

    fn measure(name: &str, sentences: &[String]) {
        let once: usize = sentences.iter().map(String::len).sum();
        let rounds = (4_000_000 / once.max(1)).max(1);
        let _ = claims(&sentences[0]);
        let t = std::time::Instant::now();
        let mut found = 0;
        for _ in 0..rounds {
            for s in sentences {
                found += claims(s).len();
            }
        }
        let secs = t.elapsed().as_secs_f64();
        let mb = (once * rounds) as f64 / 1e6;
        println!(
            "claims over {name}: {} x {rounds}, {mb:.1} MB in {secs:.2} s = {:.1} MB/s per core ({found} claims)",
            sentences.len(),
            mb / secs
        );
    }

    /// The fixture table `tests/fixtures/claims.json`: every case's claims, in order, with
    /// each field the case gives.
    #[test]
    fn fixture_table() {
        let cases: Vec<serde_json::Value> =
            serde_json::from_str(include_str!("../../../tests/fixtures/claims.json"))
                .expect("valid fixture JSON");
        let mut failures = Vec::new();
        for case in &cases {
            let name = case["name"].as_str().unwrap_or("?");
            let text = case["text"].as_str().unwrap_or("");
            let got = claims(text);
            let expect = case["expect"].as_array().cloned().unwrap_or_default();
            let shown: Vec<_> = got.iter().map(|c| (&text[c.start..c.end], c)).collect();
            if got.len() != expect.len() {
                failures.push(format!(
                    "{name}: {} claims, expected {}: {shown:#?}",
                    got.len(),
                    expect.len()
                ));
                continue;
            }
            for (c, e) in got.iter().zip(&expect) {
                let mut wrong = Vec::new();
                let str_field = |k: &str| e.get(k).map(|v| v.as_str().map(str::to_string));
                if e["text"].as_str() != Some(&text[c.start..c.end]) {
                    wrong.push(format!("text {:?}", &text[c.start..c.end]));
                }
                let close = |a: f64, b: f64| (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0);
                if !e["value"].as_f64().is_some_and(|v| close(v, c.value)) {
                    wrong.push(format!("value {}", c.value));
                }
                if let Some(m) = e.get("value_max")
                    && !(m
                        .as_f64()
                        .zip(c.value_max)
                        .is_some_and(|(a, b)| close(a, b)))
                {
                    wrong.push(format!("value_max {:?}", c.value_max));
                }
                for (key, actual) in [
                    ("unit", c.unit.clone()),
                    ("currency", c.currency.clone()),
                    ("what", c.what.clone()),
                    ("as_of", c.as_of.clone()),
                ] {
                    if let Some(want) = str_field(key)
                        && want != actual
                    {
                        wrong.push(format!("{key} {actual:?}"));
                    }
                }
                if let Some(q) = e.get("qualifier") {
                    let want: Qualifier =
                        serde_json::from_value(q.clone()).expect("a qualifier name");
                    if want != c.qualifier {
                        wrong.push(format!("qualifier {:?}", c.qualifier));
                    }
                }
                if !wrong.is_empty() {
                    failures.push(format!("{name}: {:?} got {}", e["text"], wrong.join(", ")));
                }
            }
        }
        assert!(
            failures.is_empty(),
            "{} of {} fixture cases fail:\n{}",
            failures.len(),
            cases.len(),
            failures.join("\n")
        );
    }
}
