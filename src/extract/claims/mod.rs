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
    Form, NumberSpan, Token, TokenKind, WordHasher, WordMap, fraction_sign, lower,
    may_start_number, parse_at, tokenize,
};

type WordSet = HashSet<&'static str, BuildHasherDefault<WordHasher>>;

pub mod homes;
mod measure;
mod multiples;
mod ranges;
mod tables;
mod what;

use measure::{
    counted_after, currency_after, currency_before, large_scale, letter_unit_after,
    metres_in_context, minor_amount, per_base, rate_after, scaled_code, share_million, unit_after,
};
use ranges::{merge_bounds, range_end, share_units};
use tables::*;
use what::{attach_what_before, is_plural_head, what_after};

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
    /// "%" or a singular unit noun ("year", "km", "tonne"), with the rate a measure runs at
    /// ("mm per year", "cent per share"); for money and counts, the rate alone ("per kg", "per
    /// day"); `None` for plain counts and plain money.
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

static QUALIFIER_KIND: LazyLock<WordMap<&'static str, (Qualifier, bool)>> =
    LazyLock::new(|| QUALIFIERS.iter().map(|&(w, q, m)| (w, (q, m))).collect());

/// The US states' postal codes, before a ZIP code.
const US_STATES: &str = "AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY";

const MONTHS: &str = "January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec";

/// The months after a day in any case ("9 january", "13 JANUARY"), except the two that are
/// also verbs, which must be capitalised: "those aged 16 may retire", "thousands march".
const MONTHS_AFTER_DAY: &str = "(?i:January|February|April|June|July|August|September|October|November|December|Jan|Feb|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)|May|MAY|March|MARCH|Mar|MAR";

/// Spans that are never claims: dates, times of day, year ranges, phone and version numbers.
static NOT_CLAIMS: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = [
        r"(?-u:\b)\d{4}-\d{1,2}(?:-\d{1,2})?(?-u:\b)".to_string(),
        r"(?-u:\b)\d{1,2}/\d{1,2}/\d{2,4}(?-u:\b)".to_string(),
        r"(?-u:\b)\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m(?-u:\b)\.?)?".to_string(),
        r"(?-u:\b)\d{1,2}(?:[.:]\d{2})?\s*(?:[ap]\.m\.|[ap]m(?-u:\b))".to_string(),
        r"(?-u:\b)(?:1[5-9]\d\d|20\d\d)\s*[-–/]\s*(?:\d{2}|1[5-9]\d\d|20\d\d)(?-u:\b)".to_string(),
        // Runs of days: "from 9 to 13 January", "March 3-5", "Jan. 9 to 13".
        format!(r"(?-u:\b)\d{{1,2}}(?:st|nd|rd|th)?\s*(?:[-–]|to|and|until|till)\s*\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{MONTHS_AFTER_DAY})(?-u:\b)"),
        format!(r"(?-u:\b)(?:{MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\s*(?:[-–]|to|and|until|till)\s*\d{{1,2}}(?:st|nd|rd|th)?(?-u:\b)"),
        format!(r"(?-u:\b)(?:{MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?-u:\b)(?:,?\s+\d{{4}}(?-u:\b))?"),
        format!(r"(?-u:\b)\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{MONTHS_AFTER_DAY})(?-u:\b)\.?(?:,?\s+\d{{4}}(?-u:\b))?"),
        r"\+\d{1,3}[\s-]?\(?\d{1,4}\)?(?:[\s./-]\d{2,5}){2,}".to_string(),
        r"(?-u:\b)\d{3}[-.]\d{3}[-.]\d{4}(?-u:\b)".to_string(),
        // North American numbers dialled with the 1: "1-800-863-6582", "1-866-371-TIPS".
        r"(?-u:\b)1[-.]\d{3}[-.]\d{3}[-.](?:\d{4}|[A-Z]{4})(?-u:\b)".to_string(),
        r"\(\d{3}\)\s*\d{3}-\d{4}".to_string(),
        r"(?-u:\b)\d+(?:\.\d+){2,}(?-u:\b)".to_string(),
        r"(?i)(?-u:\b)(?:https?://|www\.)\S+".to_string(),
        // US postcodes after the state: "Cupertino, CA 95014".
        format!(r"(?-u:\b)(?:{US_STATES})\s+\d{{5}}(?:-\d{{4}})?(?-u:\b)"),
        // Telephone numbers with a trunk zero: "0800 123 4567", "020 7946 0958".
        r"(?-u:\b)0\d{2,4}[\s-]\d{3,4}[\s-]?\d{3,4}(?-u:\b)".to_string(),
        // Scores and votes: "won 2-1 against", "beat Leeds 3-0.", "a 5-4 ruling".
        format!(
            r"(?i)(?-u:\b)(?:{})\s+(?:[a-z'.]+\s+){{0,3}}\d{{1,3}}\s*[-–]\s*\d{{1,3}}(?:\s*[^\s%\w]|\s*$|\s+(?:against|in|at|on|over|to|with|after|before|for|and|but|as|when|while|despite|early|late|midway|going|entering|into|through|until|heading|away|home)(?-u:\b))",
            SCORE_VERBS.join("|")
        ),
        format!(
            r"(?i)(?-u:\b)\d{{1,3}}\s*[-–]\s*\d{{1,3}}\s+(?:(?:home|away)\s+)?(?:{})(?-u:\b)",
            SCORE_NOUNS.join("|")
        ),
        // A result between two sides, as a headline gives it: "Everton 3-1 Watford".
        r"(?-i:\p{Lu}\p{Ll}+\s+\d{1,2}\s*[-–]\s*\d{1,2}\s+\p{Lu}\p{Ll}+)".to_string(),
        // The "(?i)" of a pattern above holds on to the end of the alternation: the patterns
        // below say their case themselves.
        // A team's or a fighter's record in brackets: "Chiefs (8-4)", "(10-2-1)".
        r"\(\d{1,2}-\d{1,2}(?:-\d{1,2})?\)".to_string(),
        // Telephone numbers in pairs of digits or with a toll-free prefix: "Lifeline on 13 11
        // 14", "1800-180-1717".
        // "Beyond Blue on 1300 22 4636".
        r"(?-u:\b)(?:\d{2} \d{2} \d{2}|1[38]00[\s-]\d{2,3}[\s-]\d{3,4})(?-u:\b)".to_string(),
        // A wire's time of day before its zone: "(2130 GMT)", "0930 UTC".
        r"(?-i:(?-u:\b)\d{4}\s+(?:GMT|UTC|BST|CET|CEST|EST|EDT|CST|CDT|PST|PDT|IST|JST|AEST|AEDT)(?-u:\b))"
            .to_string(),
        // A number to call, whole, and one offered beside it: "calling 911 or 511", "dial 020 7946
        // 0958".
        r"(?i:(?-u:\b)(?:call|calling|dial|dialing|dialling|dialed|dialled)\s+\d{3}(?:[\s-]\d{3,4}){0,2}(?:\s+or\s+\d{3}(?:[\s-]\d{3,4}){0,2})?(?-u:\b))"
            .to_string(),
        // A house number in a street address: "221B Baker Street", "22 Euston Square", "121
        // N. LaSalle St.", "9810 98th Street".
        r"(?-i:(?-u:\b)\d{1,5}[A-Za-z]?\s+(?:(?:N|S|E|W|NE|NW|SE|SW)\.?\s+)?(?:(?:\p{Lu}[\p{L}'’]+|\d{1,3}(?:st|nd|rd|th))\s+){1,2}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Drive|Boulevard|Blvd|Place|Way|Court|Terrace|Crescent|Square|Gardens|Row|Mews|Parade|Quay|Parkway)(?-u:\b))"
            .to_string(),
    ]
    .join("|");
    Regex::new(&pattern).expect("NOT_CLAIMS compiles")
});

/// A qualifier phrase ending right before the number.
static QUALIFIER_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    let mut phrases: Vec<&str> = QUALIFIERS.iter().map(|q| q.0).collect();
    phrases.sort_by_key(|p| std::cmp::Reverse(p.len()));
    let alt = |words: bool| -> String {
        phrases
            .iter()
            .filter(|p| p.starts_with(|c: char| c.is_alphabetic()) == words)
            .map(|p| regex::escape(p).replace(' ', r"\s+"))
            .collect::<Vec<_>>()
            .join("|")
    };
    // A word phrase starts at a word boundary; a sign may be glued to a letter ("x>10").
    Regex::new(&format!(
        r"(?i)(?:(?:^|[^\p{{L}}])({})|({}))[\s\\(]*$",
        alt(true),
        alt(false)
    ))
    .expect("QUALIFIER_BEFORE compiles")
});

/// A qualifier written after the number ("10,000 or more", "a 10,000-plus crowd").
static QUALIFIER_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:\s*-?\s*plus(?-u:\b)|\+(?:[^\d]|$)|\s+(?:or|and)\s+(more|above|over|greater|upwards|older|less|fewer|below|under|younger)(?-u:\b)|(\s+or\s+so|\s+or\s+thereabouts|-odd)(?-u:\b))")
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

/// "than 6000" after "or less": the text goes on to a second bound.
fn second_comparison(rest: &str) -> bool {
    word_starts(rest, "than")
        && rest
            .trim_start()
            .get(4..)
            .is_some_and(|r| r.trim_start().starts_with(|c: char| c.is_alphanumeric()))
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
        if t.kind == TokenKind::Symbol
            && !matches!(t.text(sentence), "-" | "−")
            && fraction_sign(t.text(sentence)).is_none()
        {
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
    // "2e6000000" or a huge figure times its scale overflows to infinity: no claim to keep.
    out.retain(|c| c.value.is_finite() && c.value_max.is_none_or(f64::is_finite));
    multiples::add_multiples(sentence, &toks, &mut out);
    merge_bounds(sentence, &mut out);
    share_change(sentence, &mut out);
    share_units(sentence, &mut out);
    share_million(sentence, &mut out);
    per_base(sentence, &mut out);
    attach_what_before(sentence, &toks, &mut out);
    link_conversions(sentence, &mut out);
    attach_as_of(sentence, &mut out);
    out
}

fn qualifier_before(s: &str, start: usize, measured: bool) -> Option<Qualifier> {
    qualifier_phrase_before(s, start, measured).map(|(_, q)| q)
}

/// The qualifier phrase ending right before byte `start`: (its start, its kind).
fn qualifier_phrase_before(s: &str, start: usize, measured: bool) -> Option<(usize, Qualifier)> {
    // "about a 60 per cent chance": an article between a hedge and its figure. Only a hedge:
    // "over a 10-year period" is no bound.
    let before = s[..start].trim_end();
    if let Some(article) = before
        .strip_suffix(" a")
        .or_else(|| before.strip_suffix(" an"))
        .filter(|_| before.len() < start)
        && let found @ Some((_, Qualifier::Approximate)) =
            qualifier_phrase_at(s, article.len() + 1, measured)
    {
        return found;
    }
    // "fall by between 5 and 7 per cent", "rise between 2 and 4 per cent": a change framing a
    // range stands before its "between".
    if let Some(range) = before
        .strip_suffix(" between")
        .filter(|_| before.len() < start)
        && let found @ Some((_, Qualifier::Increase | Qualifier::Decrease)) =
            qualifier_phrase_at(s, range.len() + 1, measured)
    {
        return found;
    }
    qualifier_phrase_at(s, start, measured)
}

/// The qualifier phrase ending right before byte `start`, nothing between.
fn qualifier_phrase_at(s: &str, start: usize, measured: bool) -> Option<(usize, Qualifier)> {
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
            // "the past 12 months": after a determiner the word is the time's, no bound.
            if NO_BOUND_AFTER_DETERMINER.contains(&phrase.as_str())
                && s[..w0 + m.start() + off]
                    .split_whitespace()
                    .next_back()
                    .is_some_and(|w| lower_in(Some(w), DETERMINERS_OF_TIME))
            {
                return None;
            }
            return (!needs_measure || measured).then_some((w0 + m.start() + off, q));
        }
    }
    None
}

/// The change `word` names in `table`, in any case.
fn change_in(table: &[(&str, Qualifier)], word: &str) -> Option<Qualifier> {
    let mut buf = [0u8; 24];
    let word = lower(word, &mut buf)?;
    table.iter().find(|(w, _)| *w == word).map(|&(_, q)| q)
}

/// The change a word right after a measured figure names: "a 12% drop", "3.1 per cent lower".
fn change_after(word: Option<&str>) -> Option<Qualifier> {
    change_in(CHANGE_AFTER, word?)
}

/// The change a figure after "by" measures, from a change verb a few words before in the same
/// clause: "raised it by 525 basis points", "expects the economy to grow by 1.1 per cent".
/// "rise by an average of 8.7 per cent", "cut by a further A$250 million": an average or a
/// further step may stand between.
fn change_by_before(s: &str, start: usize) -> Option<Qualifier> {
    let before = s[..start].trim_end();
    let before = ["an average of", "a further", "another"]
        .iter()
        .find_map(|w| before.strip_suffix(w))
        .map_or(before, str::trim_end);
    let lead = before
        .strip_suffix("by")
        .filter(|b| b.ends_with(char::is_whitespace))?;
    change_verb_in_clause(lead)
}

/// The change of a change verb among the last six words of `lead`, within its clause.
fn change_verb_in_clause(lead: &str) -> Option<Qualifier> {
    lead.split_whitespace()
        .rev()
        .take(6)
        .take_while(|w| !w.ends_with([',', ';', ':', '.']))
        .find_map(|w| change_in(CHANGE_BY_VERBS, w))
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
    if matches!(n.form, Form::Ordinal | Form::Decade | Form::Code) {
        return None;
    }
    // "007", "0800": digits written with a leading zero are codes, never amounts.
    let raw = toks[i].text(s).as_bytes();
    if toks[i].kind == TokenKind::Digits
        && raw.len() > 1
        && raw[0] == b'0'
        && raw[1].is_ascii_digit()
    {
        return None;
    }
    let first = toks[i];
    let digits = first.kind == TokenKind::Digits || n.form == Form::Digits;
    // Digits glued to letters on the left: "G20", "MH370", "COVID-19"; and the exponents of
    // units, "J/m^2", "fb−1".
    if digits && first.kind != TokenKind::Word && i > 0 && glued(toks, i - 1) && prefix.is_none() {
        let p = toks[i - 1];
        if p.kind == TokenKind::Word
            || (matches!(
                p.text(s),
                "-" | "−" | "–" | "/" | "#" | "_" | "." | "+" | ":" | "^"
            ) && i > 1
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
        // "half a percentage point", "half an hour": the unit after the article.
        if claim.currency.is_none()
            && s[n.start..n.end].eq_ignore_ascii_case("half")
            && lower_in(word_at(s, toks, k), &["a", "an"])
            && let Some((unit, w)) = unit_after(s, toks, k + 1)
        {
            claim.unit = Some(unit.into());
            claim.end = toks[k + w].end;
            k += 1 + w;
        }
        if claim.currency.is_none()
            && claim.unit.is_none()
            && let Some((unit, w)) = unit_after(s, toks, k)
        {
            let million = NumberSpan { scale: 1e6, ..n };
            if unit == "metre"
                && toks[k].text(s) == "m"
                && (counted_after(s, toks, k + 1)
                    || currency_after(s, toks, k + 1, &million).is_some()
                    || unit_after(s, toks, k + 1).is_some()
                    || !metres_in_context(s, toks, i, k, n.start))
            {
                // "1.5m people": a glued "m" before a counted plural is million, not metres;
                // so is one with nothing of length around it ("a population of 67m").
                claim.value *= 1e6;
                claim.end = toks[k].end;
                k += 1;
                // "1.5m euros", "10.5m bpd": the money or unit after the million.
                if let Some((iso, w)) = currency_after(s, toks, k, &million) {
                    claim.currency = Some(iso.into());
                    claim.end = toks[k + w - 1].end;
                    k += w;
                } else if let Some((unit, w)) = unit_after(s, toks, k) {
                    claim.unit = Some(unit.into());
                    claim.end = toks[k + w - 1].end;
                    k += w;
                }
            } else {
                // "1080p", "720p": video heights, not pence.
                if unit == "penny" && toks[k].text(s) == "p" && VIDEO_HEIGHTS.contains(&n.value) {
                    return None;
                }
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
        if let Some(next) = read_rate(s, toks, k, &mut claim) {
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
    // Labels: "Section 230", "iPhone 6", "version 2.1", "No. 1"; a capital glued after the
    // digits is part of the label, not a unit: "Interstate 35W", "Route 9A" (a temperature's
    // "C" or "F" stays one: "top 40C").
    let lettered = k == n.next + 1
        && !matches!(claim.unit.as_deref(), Some("°C" | "°F"))
        && glued(toks, n.next - 1)
        && toks[n.next].text(s).len() == 1
        && toks[n.next]
            .text(s)
            .starts_with(|c: char| c.is_ascii_uppercase());
    // "HS2 phase 2b": a letter glued to a label's number is no scale either.
    let glued_scale = n.scale != 1.0
        && s[n.start..n.end].ends_with(|c: char| c.is_ascii_alphabetic())
        && !s[n.start..n.end].contains(char::is_whitespace);
    if n.form == Form::Digits
        && !n.grouped
        && (n.scale == 1.0 || glued_scale)
        && (!measured || lettered)
    {
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
    let qualifier_phrase = qualifier_phrase_before(s, claim.start, measured || n.percent);
    let qualifier = qualifier_phrase.map(|(_, q)| q);
    // Names with numbers: "Area 51", "Maroon 5", "the FTSE 100", "Web 2.0": short bare digits
    // right after a capitalised word that does not open the sentence.
    if n.form == Form::Digits
        && !n.grouped
        && !n.percent
        && n.scale == 1.0
        && !measured
        && qualifier.is_none()
        && n.end - n.start <= 4
        && i >= 2
        && toks[i - 2].kind != TokenKind::Symbol
        && prev_word(i).is_some_and(|w| {
            w.starts_with(|c: char| c.is_ascii_uppercase()) && !lower_in(Some(w), YEAR_PRECEDERS)
        })
    {
        return None;
    }
    // Models: "the 737 Max", "a 911 Turbo": three or four bare digits after an article, before
    // a capitalised word that is no plural ("the 500 Democrats" count).
    if plain
        && qualifier.is_none()
        && (3..=4).contains(&(n.end - n.start))
        && lower_in(prev_word(i), &["the", "a", "an"])
        && word_at(s, toks, k)
            .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_uppercase()) && !w.ends_with('s'))
    {
        return None;
    }
    if words && !measured && n.form == Form::Words && n.scale == 1.0 {
        // Bare "one": a pronoun far more often than a count ("one of the greatest").
        if n.value == 1.0 && qualifier.is_none() {
            return None;
        }
        // "net zero": a target's name, not a count of nothing.
        if n.value == 0.0 && lower_in(prev_word(before), &["net"]) {
            return None;
        }
        // "batting at number four": a label, as "No. 4" is.
        if lower_in(prev_word(before), &["number", "no"]) && qualifier.is_none() {
            return None;
        }
        // "the two countries" refers, it does not count; "every three to four years" counts.
        if n.value <= 10.0
            && lower_in(prev_word(before), REFERRING_WORDS)
            && !lower_in(word_at(s, toks, k), &["to", "or"])
        {
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
    // "two years ago", "six months earlier": when, not how long ("three days later than
    // planned" stays a delay).
    if claim
        .unit
        .as_deref()
        .is_some_and(|u| PERIOD_UNITS.contains(&u))
        && (lower_in(word_at(s, toks, k), &["ago"])
            || (lower_in(word_at(s, toks, k), &["earlier", "later"])
                && !lower_in(word_at(s, toks, k + 1), &["than"])))
        && claim.value_max.is_none()
    {
        return None;
    }
    // "10-year notes", "the three-month Hibor", "a 52-week high": a bond's or a rate's term, or
    // a statistic's window, written as one compound before its noun, is no length claimed.
    if claim
        .unit
        .as_deref()
        .is_some_and(|u| PERIOD_UNITS.contains(&u))
        && is_dash(s, toks, n.next)
        && lower_in(word_at(s, toks, k), TERM_NOUNS)
    {
        return None;
    }
    // "the gap between 2- and 10-year yields": the first term of a pair sharing one compound.
    if plain
        && is_dash(s, toks, n.next)
        && glued(toks, n.next - 1)
        && lower_in(word_at(s, toks, n.next + 1), &["and", "or", "to"])
        && toks
            .get(n.next + 2)
            .is_some_and(|t| t.kind == TokenKind::Digits)
        && is_dash(s, toks, n.next + 3)
        && lower_in(word_at(s, toks, n.next + 4), PERIOD_UNITS)
        && lower_in(word_at(s, toks, n.next + 5), TERM_NOUNS)
    {
        return None;
    }
    if written.eq_ignore_ascii_case("half") && qualifier.is_none() {
        let follows = lower_in(word_at(s, toks, n.next), HALF_FOLLOWERS);
        if !follows || lower_in(prev_word(before), HALF_BLOCKERS) {
            return None;
        }
    }
    if claim.unit.is_none() && claim.currency.is_none() && is_age(s, toks, before, k, &claim) {
        claim.unit = Some("year".into());
    }
    claim.qualifier = qualifier.unwrap_or(Qualifier::Exact);
    // "The storm dropped 28.4 inches of snow": a measure of something delivered, not a fall.
    if let Some((q0, Qualifier::Decrease)) = qualifier_phrase
        && claim.unit.as_deref().is_some_and(|u| u != "%")
        && word_at(s, toks, k) == Some("of")
        && lower_in(Some(s[q0..claim.start].trim()), DELIVERING_VERBS)
    {
        claim.qualifier = Qualifier::Exact;
    }
    if let Some((q0, Qualifier::MoreThan)) = qualifier_phrase
        && spread_over(s, &claim, q0)
    {
        claim.qualifier = Qualifier::Exact;
    }
    // "a 4.1 per cent increase", "closed 3.1 per cent lower"; "cut their target price by 8%".
    let mut change_noun = false;
    if claim.qualifier == Qualifier::Exact {
        let after = (measured || n.percent)
            .then(|| {
                change_after(word_at(s, toks, k)).or_else(|| {
                    // "a 10% pay cut", "a 5 per cent price rise": one noun may name what changed.
                    let noun = word_at(s, toks, k)
                        .is_some_and(|w| w.bytes().all(|b| b.is_ascii_lowercase()));
                    (noun && lower_in(prev_word(before), &["a", "an"]))
                        .then(|| word_at(s, toks, k + 1))
                        .flatten()
                        .filter(|w| lower_in(Some(w), CHANGE_NOUNS))
                        .and_then(|w| change_after(Some(w)))
                })
            })
            .flatten();
        change_noun = after.is_some();
        // "lifted full-year net profit 212 per cent to A$3.4 billion": a measured change
        // before the level it reached, its verb a few words back.
        let before_level = || {
            // The level opens with a digit or a sign, maybe after a prefix: "A$3.4 billion".
            let rest = s[toks.get(k)?.end..].trim_start();
            let rest = rest.trim_start_matches(|c: char| c.is_ascii_uppercase());
            let level_follows = lower_in(word_at(s, toks, k), &["to"])
                && rest.starts_with(|c: char| c.is_ascii_digit() || !c.is_alphanumeric());
            // Only a past verb: "The cuts are expected to save $120 million to $140 million"
            // has the noun.
            let past_verb = || {
                s[..claim.start]
                    .split_whitespace()
                    .rev()
                    .take(6)
                    .take_while(|w| !w.ends_with([',', ';', ':', '.']))
                    .filter(|w| w.ends_with("ed") || lower_in(Some(w), IRREGULAR_CHANGES))
                    .find_map(|w| change_in(CHANGE_BY_VERBS, w))
            };
            level_follows.then(past_verb).flatten()
        };
        if let Some(q) = after
            .or_else(|| change_by_before(s, claim.start))
            .or_else(|| before_level().filter(|_| measured || n.percent))
        {
            claim.qualifier = q;
        }
    }
    // "several hundred years", "dozens of", "tens of thousands": at least the lower bound,
    // never an exact figure the text does not give.
    if n.form == Form::Vague && qualifier.is_none() {
        claim.qualifier = Qualifier::MoreThan;
    }
    // Ranges: "between 5 and 10", "from 5 to 10", "10-15 exabytes", "8- to 16-meter".
    if let Some((max, next)) = range_end(s, toks, i, before, k, &mut claim, n) {
        claim.value_max = Some(max);
        k = next;
        // "$10 to $15 an hour": the rate written once, after the range.
        if let Some(next) = read_rate(s, toks, k, &mut claim) {
            k = next;
        }
        // "lost between 10 and 15 per cent": a verb that is a change only for percentages and
        // money ("lost 20 games" is none) is read once the range's unit is known.
        if claim.qualifier == Qualifier::Exact
            && (claim.unit.as_deref() == Some("%") || claim.currency.is_some())
            && let Some((_, q @ (Qualifier::Increase | Qualifier::Decrease))) =
                qualifier_phrase_before(s, claim.start, true)
        {
            claim.qualifier = q;
        }
        // "lift prices by between 5 and 7 per cent": the verb a few words before "by".
        if claim.qualifier == Qualifier::Exact
            && let Some(frame) = s[..claim.start].trim_end().strip_suffix("between")
            && let Some(q) = change_by_before(s, frame.len())
        {
            claim.qualifier = q;
        }
    }
    let tail = &s[claim.end..char_floor(s, claim.end + 40)];
    if matches!(claim.qualifier, Qualifier::Exact | Qualifier::Approximate)
        && let Some(c) = QUALIFIER_AFTER.captures(tail)
        // "equal to 5000 or less than 6000": a second comparison, not a hedge on the first.
        && !second_comparison(&tail[c.get(0).map_or(0, |m| m.end())..])
    {
        // "or so", "or thereabouts", "40-odd" hedge.
        let so = c.get(2).is_some();
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
    // "Thousands fled": a vague plural alone counts whoever the sentence is about.
    let alone =
        n.form == Form::Vague && written.ends_with('s') && word_at(s, toks, k) != Some("of");
    // "a 4.1 per cent increase in the state pension": what changed follows "in".
    claim.what = if alone {
        None
    } else if change_noun {
        (word_at(s, toks, k + 1) == Some("in"))
            .then(|| what_after(s, toks, k + 2, &n))
            .flatten()
    } else {
        what_after(s, toks, k, &n)
    };
    Some((claim, k))
}

/// Units of time an amount can be spread over.
const PERIOD_UNITS: &[&str] = &["year", "month", "week", "day", "hour", "decade", "quarter"];

/// "$3.5tn over 10 years", "2% over five years": "over" (the qualifier phrase from `q0`) joins
/// an amount to the period it is spread over, rather than saying the period is more than that.
fn spread_over(s: &str, claim: &ClaimMatch, q0: usize) -> bool {
    let period = claim
        .unit
        .as_deref()
        .is_some_and(|u| PERIOD_UNITS.contains(&u));
    let is_amount = |w: &str| {
        let w = w.to_lowercase();
        w.ends_with(|c: char| c.is_ascii_digit() || c == '%')
            || SPREAD_AMOUNT_ENDS.contains(&w.as_str())
            || ["bn", "tn", "m"].iter().any(|e| {
                w.strip_suffix(e)
                    .is_some_and(|d| !d.is_empty() && d.ends_with(|c: char| c.is_ascii_digit()))
            })
    };
    // The amount may stand a few words back, before what it counts: "1.2 million new homes
    // over five years". An age stays a bound: "people over 65 years old".
    // A verb right before "over" makes it a bound on the period: "29,000 people waited over
    // 12 hours".
    let verb_before = s[..q0]
        .split_whitespace()
        .next_back()
        .is_some_and(|w| w.len() > 4 && w.ends_with("ed"));
    let amount_before = !verb_before
        && s[..q0]
            .split_whitespace()
            .rev()
            .take(4)
            .any(|w| is_amount(w.trim_end_matches([',', ')'])));
    let age = s[claim.end..]
        .split_whitespace()
        .next()
        .is_some_and(|w| w.eq_ignore_ascii_case("old"));
    period && !age && s[q0..claim.start].trim().eq_ignore_ascii_case("over") && amount_before
}

/// Words that end an amount written before "over": "$2 billion over", "5 percent over".
const SPREAD_AMOUNT_ENDS: &[&str] = &[
    "million", "billion", "trillion", "percent", "cent", "thousand", "hundred",
];

/// Reads a rate after an amount at token `k` into the claim's unit: any for money ("per kg",
/// "81 cents a share"), one of time or a measure for a quantity ("450mm a year", "1 tonne a
/// hectare"), one of time for a count ("a day"). Returns the token after it.
fn read_rate(s: &str, toks: &[Token], k: usize, claim: &mut ClaimMatch) -> Option<usize> {
    let unit = claim.unit.as_deref();
    // A percentage's "a year" is growth over time, which the sentence already says.
    if unit == Some("%") || unit.is_some_and(|u| u.starts_with("per ")) {
        return None;
    }
    let (rate, w) = rate_after(s, toks, k)?;
    let per = rate.strip_prefix("per ").unwrap_or(&rate);
    let of_time = PERIOD_UNITS.contains(&per);
    let minor_money = matches!(unit, Some("cent" | "penny"));
    // A count runs at a rate of time only: "4,200 a day", "more than 2,000 a month"; "3 a
    // share" or "40 a piece" are not its. A measure runs at one of time or of another
    // measure ("a hectare"), not of a noun ("40 tonnes a piece").
    let measure_rate = of_time || !RATE_NOUNS.contains(&per);
    let fits = match unit {
        None => claim.currency.is_some() || of_time,
        Some(_) if minor_money => true,
        Some(u) => measure_rate && u != per,
    };
    if !fits {
        return None;
    }
    claim.unit = Some(match unit {
        Some(u) => format!("{u} {rate}"),
        None => rate,
    });
    claim.end = toks[k + w - 1].end;
    Some(k + w)
}

/// Whether a plain whole number is someone's age: after "aged" or "age" with only small words
/// and numbers between ("aged 65", "before the age of 16", "the retirement age from 62 to
/// 64"), or set off by commas after a name ("Jorn Vermeulen, 21, scored").
fn is_age(s: &str, toks: &[Token], before: usize, k: usize, claim: &ClaimMatch) -> bool {
    if claim.value.fract() != 0.0 || !(1.0..=120.0).contains(&claim.value) {
        return false;
    }
    let after_age_word = s[..claim.start]
        .split_whitespace()
        .rev()
        .take(6)
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .find(|w| !(AGE_GAP_WORDS.contains(w) || w.bytes().all(|b| b.is_ascii_digit())))
        .is_some_and(|w| matches!(w, "age" | "aged" | "ages"));
    let comma = |j: usize| toks.get(j).is_some_and(|t| t.text(s) == ",");
    let set_off_after_name = before >= 2
        && comma(before - 1)
        && comma(k)
        && word_at(s, toks, before - 2).is_some_and(|w| {
            w.starts_with(|c: char| c.is_ascii_uppercase()) && !MONTHS.split('|').any(|m| m == w)
        });
    after_age_word || set_off_after_name
}

/// A bare four-digit number is a year unless it plainly counts something ("2000 people").
fn is_year(s: &str, toks: &[Token], i: usize, n: NumberSpan) -> bool {
    if !(1000.0..=2100.0).contains(&n.value) || n.value.fract() != 0.0 || n.end - n.start != 4 {
        return false;
    }
    let prev = i.checked_sub(1).and_then(|j| word_at(s, toks, j));
    // "below 1990 levels": a year, however a bound may read before it.
    // "expects 2022 vaccine revenue": one lower-case modifier may stand between.
    let modifier = word_at(s, toks, n.next).is_some_and(|w| w.starts_with(char::is_lowercase));
    // "a 2012 spending plan", "under a 2010 state law": "a" counts one thing, so a modern year
    // before its noun is the thing's date ("a 1500m race" is a distance); so does an owner
    // ("cut their 2015 capital budgets", "our 2008 estimate"), as counts that large are written
    // with a separator ("its 2,000 workers").
    let dates_one_thing = lower_in(prev, &["a", "an", "its", "their", "our", "his", "her"])
        && (1900.0..=2100.0).contains(&n.value)
        && modifier
        && n.next > 0
        && !glued(toks, n.next - 1);
    if dates_one_thing
        || lower_in(prev, YEAR_PRECEDERS)
        || lower_in(word_at(s, toks, n.next), YEAR_FOLLOWERS)
        || (modifier && lower_in(word_at(s, toks, n.next + 1), YEAR_FOLLOWERS))
    {
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

/// "down 87 cents, or 2.1 percent": a figure set off after a change restates it, and is that
/// change too; so is one joined to it by "and" when the sentence says "respectively" ("up 11%
/// and 5% respectively").
fn share_change(s: &str, claims: &mut [ClaimMatch]) {
    let respectively = s.contains("respectively");
    for j in 1..claims.len() {
        let (a, b) = (&claims[j - 1], &claims[j]);
        let change = matches!(a.qualifier, Qualifier::Increase | Qualifier::Decrease);
        let joined = match s.get(a.end..b.start).map(str::trim) {
            Some(", or" | "(" | ", or by") => true,
            Some("and" | ", and") => respectively && a.unit == b.unit,
            _ => false,
        };
        if change && b.qualifier == Qualifier::Exact && a.end <= b.start && joined {
            claims[j].qualifier = a.qualifier;
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
mod tests;
