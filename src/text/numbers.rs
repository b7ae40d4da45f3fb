//! Numbers as written in English news text: digits with thousands separators ("7,400",
//! "1 234 567"), decimals, mixed and plain fractions ("2 1/2", "3/4"), number words
//! ("twenty-five", "one hundred and five", "a dozen", "a third", "half"), vague amounts
//! ("tens of thousands", "hundreds of"), scale words and suffixes ("3 billion", "1.5m", "10k"),
//! ratios ("one in five") and percentages ("45%", "45 per cent").
//!
//! This module only reads numbers; it does not decide whether a number is a claim (years,
//! dates, ordinals and labels are rejected by `extract::claims`), and it knows nothing of units
//! or currencies beyond being told whether the number sits in a money context.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

/// A hasher for the short, trusted keys of the rule tables: word lookups run for every token,
/// and the default SipHash costs more than the rest of the lookup.
#[derive(Default, Clone, Copy)]
pub struct WordHasher(u64);

impl Hasher for WordHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
}

/// A map keyed by table words, hashed with `WordHasher`.
pub type WordMap<K, V> = HashMap<K, V, BuildHasherDefault<WordHasher>>;

/// What a token of text is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Digits, possibly with thousands separators and a decimal part.
    Digits,
    /// A run of letters, or a dotted abbreviation such as "U.S.".
    Word,
    /// Any other single character that is not white space.
    Symbol,
}

/// One token: byte offsets into the text it was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
}

impl Token {
    /// The token's text.
    pub fn text<'a>(&self, source: &'a str) -> &'a str {
        &source[self.start..self.end]
    }
}

/// How a number was written; the claim extractor rejects some forms outright.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// Digits, possibly scaled ("3 billion", "10k").
    Digits,
    /// Number words, possibly scaled ("twenty-five", "one million").
    Words,
    /// A fraction ("3/4", "two thirds", "half").
    Fraction,
    /// "one in five", "2 out of 10".
    Ratio,
    /// "hundreds of", "tens of thousands": the value is the lower bound.
    Vague,
    /// "8th", "21st": not a quantity.
    Ordinal,
    /// "1990s": a decade, not a quantity.
    Decade,
}

/// A number found in text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NumberSpan {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset after the last character (scale word and percent sign included).
    pub end: usize,
    /// Index of the first token after the number.
    pub next: usize,
    /// The value with its scale applied.
    pub value: f64,
    /// The scale applied (1.0 when none), so a range "5 to 10 million" can scale its start.
    pub scale: f64,
    pub form: Form,
    /// Digits grouped with separators ("7,400"): never a year.
    pub grouped: bool,
    /// Digits with a decimal part.
    pub decimal: bool,
    /// Followed by "%", "percent" or "per cent".
    pub percent: bool,
}

/// Cardinal number words below one hundred.
const SMALL_WORDS: &[(&str, f64)] = &[
    ("zero", 0.0),
    ("nought", 0.0),
    ("naught", 0.0),
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
];

/// Scale words, written out or abbreviated, spaced from the digits ("3 billion", "2.5 bn").
const SCALE_WORDS: &[(&str, f64)] = &[
    ("hundred", 1e2),
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
    ("lakh", 1e5),
    ("crore", 1e7),
    ("k", 1e3),
    ("mn", 1e6),
    ("mln", 1e6),
    ("mil", 1e6),
    ("bn", 1e9),
    ("bln", 1e9),
    ("tn", 1e12),
    ("tln", 1e12),
    ("trn", 1e12),
];

/// Scale suffixes written against the digits ("10k", "$2bn", "1.5m"). Single letters that are
/// also units ("m" metre, "t" tonne, "b") count as scale only in a money context.
const SCALE_SUFFIXES: &[(&str, f64, bool)] = &[
    ("k", 1e3, false),
    ("K", 1e3, false),
    ("mn", 1e6, false),
    ("mln", 1e6, false),
    ("mil", 1e6, false),
    ("MM", 1e6, false),
    ("M", 1e6, false),
    ("m", 1e6, true),
    ("bn", 1e9, false),
    ("bln", 1e9, false),
    ("B", 1e9, false),
    ("b", 1e9, false),
    ("tn", 1e12, false),
    ("tln", 1e12, false),
    ("trn", 1e12, false),
    ("T", 1e12, true),
    ("t", 1e12, true),
];

/// Denominator words: "a third", "two-thirds", "three quarters". "second" is left out on
/// purpose: "one second" is a duration, not a half.
const DENOMINATORS: &[(&str, f64)] = &[
    ("half", 2.0),
    ("halves", 2.0),
    ("third", 3.0),
    ("thirds", 3.0),
    ("quarter", 4.0),
    ("quarters", 4.0),
    ("fourth", 4.0),
    ("fourths", 4.0),
    ("fifth", 5.0),
    ("fifths", 5.0),
    ("sixth", 6.0),
    ("sixths", 6.0),
    ("seventh", 7.0),
    ("sevenths", 7.0),
    ("eighth", 8.0),
    ("eighths", 8.0),
    ("ninth", 9.0),
    ("ninths", 9.0),
    ("tenth", 10.0),
    ("tenths", 10.0),
    ("hundredth", 100.0),
    ("hundredths", 100.0),
    ("thousandth", 1000.0),
    ("thousandths", 1000.0),
];

/// Vague plurals followed by "of": the value is the lower bound ("hundreds of" -> 100).
const VAGUE_WORDS: &[(&str, f64)] = &[
    ("dozens", 24.0),
    ("scores", 40.0),
    ("hundreds", 1e2),
    ("thousands", 1e3),
    ("millions", 1e6),
    ("billions", 1e9),
    ("trillions", 1e12),
];

/// Words that make a following "hundred", "thousand" or "million" a vague amount ("several
/// hundred years"): the value is the scale, a lower bound.
pub const VAGUE_COUNTS: &[&str] = &["several", "few"];

/// Words that turn the next number negative.
const NEGATIVE_WORDS: &[&str] = &["minus", "negative"];

enum WordClass {
    Small(f64),
    Hundred,
    Scale(f64),
    Dozen,
    Denominator(f64),
    Vague(f64),
    Article,
    And,
    Tens,
    Several,
}

static WORDS: LazyLock<WordMap<&'static str, WordClass>> = LazyLock::new(|| {
    let mut m = WordMap::default();
    for &(w, v) in SMALL_WORDS {
        m.insert(w, WordClass::Small(v));
    }
    for &(w, v) in SCALE_WORDS {
        if w == "hundred" {
            m.insert(w, WordClass::Hundred);
        } else if w.len() > 3 {
            // Abbreviations ("bn", "k") only follow digits; see `scale_word`.
            m.insert(w, WordClass::Scale(v));
        }
    }
    m.insert("dozen", WordClass::Dozen);
    for &(w, v) in DENOMINATORS {
        m.insert(w, WordClass::Denominator(v));
    }
    for &(w, v) in VAGUE_WORDS {
        m.insert(w, WordClass::Vague(v));
    }
    m.insert("tens", WordClass::Tens);
    for &w in VAGUE_COUNTS {
        m.insert(w, WordClass::Several);
    }
    m.insert("a", WordClass::Article);
    m.insert("an", WordClass::Article);
    m.insert("and", WordClass::And);
    m
});

/// Lower-cases an ASCII word into `buf`; `None` for long or non-ASCII words, which are never
/// number words.
pub fn lower<'b>(word: &str, buf: &'b mut [u8; 24]) -> Option<&'b str> {
    if word.len() > buf.len() || !word.is_ascii() {
        return None;
    }
    let out = &mut buf[..word.len()];
    out.copy_from_slice(word.as_bytes());
    out.make_ascii_lowercase();
    std::str::from_utf8(out).ok()
}

fn word_class(word: &str) -> Option<&'static WordClass> {
    // No number word is longer than "thousandths".
    if word.len() > 11 {
        return None;
    }
    // Most words are lower-case already: look them up as they are.
    if word.bytes().all(|b| b.is_ascii_lowercase()) {
        return WORDS.get(word);
    }
    let mut buf = [0u8; 24];
    WORDS.get(lower(word, &mut buf)?)
}

/// Whether a number can start at this word ("twenty", "a", "half", "minus"): lets callers skip
/// the other words cheaply.
pub fn may_start_number(word: &str) -> bool {
    word_class(word).is_some() || {
        let mut buf = [0u8; 24];
        lower(word, &mut buf).is_some_and(|w| NEGATIVE_WORDS.contains(&w))
    }
}

/// Splits text into digits, words and symbols; white space separates and is dropped.
pub fn tokenize(text: &str) -> Vec<Token> {
    let b = text.as_bytes();
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_whitespace() {
            i += 1;
        } else if c.is_ascii_digit()
            || (c == b'.'
                && b.get(i + 1).is_some_and(u8::is_ascii_digit)
                && (i == 0 || !b[i - 1].is_ascii_alphanumeric()))
        {
            let end = lex_digits(text, i);
            out.push(Token {
                start: i,
                end,
                kind: TokenKind::Digits,
            });
            i = end;
        } else if c.is_ascii_alphabetic() {
            let end = lex_word(text, i);
            out.push(Token {
                start: i,
                end,
                kind: TokenKind::Word,
            });
            i = end;
        } else if c < 0x80 {
            out.push(Token {
                start: i,
                end: i + 1,
                kind: TokenKind::Symbol,
            });
            i += 1;
        } else {
            let ch = text[i..].chars().next().unwrap_or(' ');
            if ch.is_whitespace() {
                i += ch.len_utf8();
            } else if ch.is_alphabetic() {
                let end = lex_word(text, i);
                out.push(Token {
                    start: i,
                    end,
                    kind: TokenKind::Word,
                });
                i = end;
            } else {
                out.push(Token {
                    start: i,
                    end: i + ch.len_utf8(),
                    kind: TokenKind::Symbol,
                });
                i += ch.len_utf8();
            }
        }
    }
    out
}

fn lex_word(text: &str, start: usize) -> usize {
    let mut end = start;
    for (k, ch) in text[start..].char_indices() {
        if ch.is_alphabetic() {
            end = start + k + ch.len_utf8();
        } else {
            break;
        }
    }
    // Dotted abbreviations ("U.S.", "U.K."): one letter, dot, letter, dot...
    let b = text.as_bytes();
    if end == start + 1 {
        let mut j = end;
        while b.get(j) == Some(&b'.')
            && b.get(j + 1).is_some_and(u8::is_ascii_alphabetic)
            && !b.get(j + 2).is_some_and(u8::is_ascii_alphabetic)
        {
            j += 2;
        }
        if j > end {
            if b.get(j) == Some(&b'.') {
                j += 1;
            }
            return j;
        }
    }
    end
}

/// The width of a digit-group separator at `i` (comma excluded): space, no-break space or
/// narrow no-break space.
fn space_sep(text: &str, i: usize) -> usize {
    let rest = &text.as_bytes()[i..];
    if rest.first() == Some(&b' ') {
        1
    } else if rest.starts_with("\u{a0}".as_bytes()) {
        2
    } else if rest.starts_with("\u{202f}".as_bytes()) {
        3
    } else {
        0
    }
}

fn digit_run(b: &[u8], i: usize) -> usize {
    let mut j = i;
    while j < b.len() && b[j].is_ascii_digit() {
        j += 1;
    }
    j - i
}

fn lex_digits(text: &str, start: usize) -> usize {
    let b = text.as_bytes();
    let mut j = start;
    if b[j] == b'.' {
        return j + 1 + digit_run(b, j + 1);
    }
    let lead = digit_run(b, j);
    j += lead;
    // Indian grouping: "12,34,567" (lakh and crore), pairs then a final group of three.
    let mut pairs = j;
    while lead <= 2
        && b.get(pairs) == Some(&b',')
        && digit_run(b, pairs + 1) == 2
        && b.get(pairs + 3) == Some(&b',')
    {
        pairs += 3;
    }
    if pairs > j && digit_run(b, pairs + 1) == 3 && b.get(pairs + 4) != Some(&b',') {
        j = pairs + 4;
    } else if lead <= 3 {
        // Comma groups of exactly three digits.
        let mut k = j;
        while b.get(k) == Some(&b',') && digit_run(b, k + 1) == 3 {
            k += 4;
        }
        if k > j {
            j = k;
        } else {
            // Space groups ("10 000", "1 234 567"), never mixed with commas.
            loop {
                let w = space_sep(text, j);
                if w > 0 && digit_run(b, j + w) == 3 && b.get(j + w + 3) != Some(&b',') {
                    j += w + 3;
                } else {
                    break;
                }
            }
        }
    }
    if b.get(j) == Some(&b'.') && b.get(j + 1).is_some_and(u8::is_ascii_digit) {
        j += 1 + digit_run(b, j + 1);
    }
    // Scientific notation: "4e14", "12.32e+14".
    if matches!(b.get(j), Some(b'e' | b'E')) {
        let sign = usize::from(matches!(b.get(j + 1), Some(b'+' | b'-')));
        let exp = digit_run(b, j + 1 + sign);
        if exp > 0
            && !b
                .get(j + 1 + sign + exp)
                .is_some_and(u8::is_ascii_alphabetic)
        {
            j += 1 + sign + exp;
        }
    }
    j
}

/// The value of a digits token as written ("7,400" -> 7400, "1 234.5" -> 1234.5).
pub fn digits_value(s: &str) -> Option<f64> {
    let clean: String = s
        .chars()
        .filter(|c| !matches!(c, ',' | ' ' | '\u{a0}' | '\u{202f}'))
        .collect();
    clean.parse().ok()
}

/// Parses a whole string as one number ("twenty-five", "1.5m", "45 per cent"): `None` unless
/// the number covers the entire trimmed text.
pub fn parse_number(text: &str) -> Option<f64> {
    let toks = tokenize(text);
    let n = parse_at(text, &toks, 0, false)?;
    (n.next == toks.len()).then_some(n.value)
}

/// Every number in `text`, left to right, without judging whether it is a claim.
pub fn find_numbers(text: &str) -> Vec<NumberSpan> {
    let toks = tokenize(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match parse_at(text, &toks, i, false) {
            Some(n) => {
                i = n.next.max(i + 1);
                out.push(n);
            }
            None => i += 1,
        }
    }
    out
}

fn adjacent(toks: &[Token], k: usize) -> bool {
    k + 1 < toks.len() && toks[k].end == toks[k + 1].start
}

fn is_word(text: &str, toks: &[Token], k: usize, w: &str) -> bool {
    toks.get(k)
        .is_some_and(|t| t.kind == TokenKind::Word && t.text(text).eq_ignore_ascii_case(w))
}

fn is_symbol(text: &str, toks: &[Token], k: usize, s: &str) -> bool {
    toks.get(k)
        .is_some_and(|t| t.kind == TokenKind::Symbol && t.text(text) == s)
}

/// Reads the number starting at token `i`, if one starts there. `money` says a currency sign
/// precedes, which lets "m", "b" and "t" written against the digits mean million, billion and
/// trillion.
pub fn parse_at(text: &str, toks: &[Token], i: usize, money: bool) -> Option<NumberSpan> {
    let tok = *toks.get(i)?;
    // A sign: "-18", "minus five".
    if tok.kind == TokenKind::Symbol && matches!(tok.text(text), "-" | "−") {
        // "$-99.99": a sign glued to the currency sign is still a sign.
        let prev_glued = i > 0 && adjacent(toks, i - 1) && !money;
        if prev_glued || !adjacent(toks, i) || toks[i + 1].kind != TokenKind::Digits {
            return None;
        }
        let n = parse_at(text, toks, i + 1, money)?;
        return Some(NumberSpan {
            start: tok.start,
            value: -n.value,
            ..n
        });
    }
    if tok.kind == TokenKind::Word {
        let mut buf = [0u8; 24];
        if lower(tok.text(text), &mut buf).is_some_and(|w| NEGATIVE_WORDS.contains(&w)) {
            let n = parse_at(text, toks, i + 1, money)?;
            return Some(NumberSpan {
                start: tok.start,
                value: -n.value,
                ..n
            });
        }
    }
    let mut n = match tok.kind {
        TokenKind::Digits => digit_number(text, toks, i, money)?,
        TokenKind::Word => word_number(text, toks, i)?,
        TokenKind::Symbol => return None,
    };
    if matches!(n.form, Form::Ordinal | Form::Decade | Form::Vague) {
        return Some(n);
    }
    if n.scale == 1.0 && matches!(n.form, Form::Digits | Form::Words) {
        ratio(text, toks, &mut n);
    }
    percent(text, toks, &mut n);
    Some(n)
}

/// "one in five", "2 out of 10": a small count over a larger base, never a year.
fn ratio(text: &str, toks: &[Token], n: &mut NumberSpan) {
    let k = if is_word(text, toks, n.next, "in") {
        n.next + 1
    } else if is_word(text, toks, n.next, "out") && is_word(text, toks, n.next + 1, "of") {
        n.next + 2
    } else {
        return;
    };
    let Some(d) = toks.get(k) else { return };
    let den = match d.kind {
        TokenKind::Digits => digit_number(text, toks, k, false),
        TokenKind::Word => word_number(text, toks, k),
        TokenKind::Symbol => None,
    };
    let Some(den) = den else { return };
    let yearish = den.form == Form::Digits
        && !den.grouped
        && den.scale == 1.0
        && (1000.0..=2100.0).contains(&den.value);
    if matches!(den.form, Form::Digits | Form::Words)
        && !yearish
        && n.value >= 1.0
        && n.value <= 100.0
        && den.value > n.value
        && !den.decimal
        && !n.decimal
    {
        n.value /= den.value;
        n.form = Form::Ratio;
        n.end = den.end;
        n.next = den.next;
    }
}

fn percent(text: &str, toks: &[Token], n: &mut NumberSpan) {
    let k = n.next;
    let Some(t) = toks.get(k) else { return };
    let step = match (t.kind, t.text(text)) {
        (TokenKind::Symbol, "%" | "％") => 1,
        (TokenKind::Word, w)
            if w.eq_ignore_ascii_case("percent")
                || w.eq_ignore_ascii_case("percents")
                || w.eq_ignore_ascii_case("pct") =>
        {
            1
        }
        (TokenKind::Word, w)
            if w.eq_ignore_ascii_case("percentage")
                && !is_word(text, toks, k + 1, "point")
                && !is_word(text, toks, k + 1, "points") =>
        {
            1
        }
        (TokenKind::Word, w)
            if w.eq_ignore_ascii_case("per") && is_word(text, toks, k + 1, "cent") =>
        {
            2
        }
        _ => return,
    };
    n.percent = true;
    n.end = toks[k + step - 1].end;
    n.next = k + step;
}

fn scale_word(word: &str) -> Option<f64> {
    let mut buf = [0u8; 24];
    let w = lower(word, &mut buf)?;
    SCALE_WORDS
        .iter()
        .find(|(s, _)| *s == w && *s != "hundred")
        .map(|&(_, v)| v)
        .or_else(|| (w == "hundred").then_some(100.0))
}

fn digit_number(text: &str, toks: &[Token], i: usize, money: bool) -> Option<NumberSpan> {
    let tok = toks[i];
    let raw = tok.text(text);
    let mut value = digits_value(raw)?;
    let grouped = raw.contains([',', ' ', '\u{a0}', '\u{202f}']);
    let decimal = raw.contains(['.', 'e', 'E']);
    let mut n = NumberSpan {
        start: tok.start,
        end: tok.end,
        next: i + 1,
        value,
        scale: 1.0,
        form: Form::Digits,
        grouped,
        decimal,
        percent: false,
    };
    let plain_int = !grouped && !decimal;
    // "3/4" and "2 1/2".
    if plain_int && is_symbol(text, toks, i + 1, "/") && adjacent(toks, i) && adjacent(toks, i + 1)
    {
        let den = toks.get(i + 2).filter(|t| t.kind == TokenKind::Digits)?;
        let d = digits_value(den.text(text))?;
        if d == 0.0 || is_symbol(text, toks, i + 3, "/") {
            return None;
        }
        n.value = value / d;
        n.form = Form::Fraction;
        n.end = den.end;
        n.next = i + 3;
        return Some(n);
    }
    if plain_int
        && value < 1000.0
        && toks.get(i + 1).is_some_and(|t| t.kind == TokenKind::Digits)
        && !adjacent(toks, i)
        && is_symbol(text, toks, i + 2, "/")
        && adjacent(toks, i + 1)
        && adjacent(toks, i + 2)
        && toks.get(i + 3).is_some_and(|t| t.kind == TokenKind::Digits)
        && !is_symbol(text, toks, i + 4, "/")
    {
        let a = digits_value(toks[i + 1].text(text))?;
        let d = digits_value(toks[i + 3].text(text))?;
        if d > a && d > 0.0 {
            n.value = value + a / d;
            n.form = Form::Fraction;
            n.end = toks[i + 3].end;
            n.next = i + 4;
            return Some(n);
        }
    }
    // Suffixes written against the digits.
    if adjacent(toks, i) && toks[i + 1].kind == TokenKind::Word {
        let suffix = toks[i + 1].text(text);
        let mut buf = [0u8; 24];
        let low = lower(suffix, &mut buf).unwrap_or("");
        if plain_int && matches!(low, "st" | "nd" | "rd" | "th") {
            n.form = Form::Ordinal;
            n.end = toks[i + 1].end;
            n.next = i + 2;
            return Some(n);
        }
        if plain_int && low == "s" {
            n.form = Form::Decade;
            n.end = toks[i + 1].end;
            n.next = i + 2;
            return Some(n);
        }
        if let Some(&(_, s, needs_money)) = SCALE_SUFFIXES.iter().find(|(w, _, _)| *w == suffix)
            && (money || !needs_money)
        {
            value *= s;
            n.scale = s;
            n.end = toks[i + 1].end;
            n.next = i + 2;
        }
    } else if let Some(t) = toks.get(i + 1).filter(|t| t.kind == TokenKind::Word) {
        // Spaced scale words, possibly several ("three lakh crore", "1 thousand million").
        let mut k = i + 1;
        let mut t = *t;
        while let Some(s) = scale_word(t.text(text)) {
            // "k" spaced is a scale only right after the digits.
            if s == 1e3 && t.text(text).eq_ignore_ascii_case("k") && k != i + 1 {
                break;
            }
            value *= s;
            n.scale *= s;
            n.end = t.end;
            k += 1;
            match toks.get(k) {
                Some(nt) if nt.kind == TokenKind::Word => t = *nt,
                _ => break,
            }
        }
        n.next = k;
        if is_word(text, toks, k, "dozen") || is_word(text, toks, k, "dozens") {
            value *= 12.0;
            n.scale *= 12.0;
            n.end = toks[k].end;
            n.next = k + 1;
        }
    }
    n.value = value;
    Some(n)
}

#[derive(Clone, Copy, PartialEq)]
enum Last {
    Start,
    Article,
    Unit,
    Teen,
    Tens,
    Hundred,
    Scale,
    And,
    Half,
}

fn small_class(v: f64) -> Last {
    if v < 10.0 {
        Last::Unit
    } else if v < 20.0 {
        Last::Teen
    } else {
        Last::Tens
    }
}

fn word_number(text: &str, toks: &[Token], i: usize) -> Option<NumberSpan> {
    let first = toks[i];
    let class = word_class(first.text(text))?;
    let mut n = NumberSpan {
        start: first.start,
        end: first.end,
        next: i + 1,
        value: 0.0,
        scale: 1.0,
        form: Form::Words,
        grouped: false,
        decimal: false,
        percent: false,
    };
    // Vague amounts: "hundreds of", "tens of thousands of".
    match class {
        WordClass::Vague(v) if is_word(text, toks, i + 1, "of") => {
            n.value = *v;
            n.form = Form::Vague;
            return Some(n);
        }
        WordClass::Tens if is_word(text, toks, i + 1, "of") => {
            let t = toks.get(i + 2)?;
            if let Some(WordClass::Vague(v)) = word_class(t.text(text))
                && *v >= 1e3
            {
                n.value = 10.0 * v;
                n.form = Form::Vague;
                n.end = t.end;
                n.next = i + 3;
                return Some(n);
            }
            return None;
        }
        WordClass::Several => {
            // "several hundred", "a few thousand", "several hundred thousand".
            let mut k = i + 1;
            let mut scale = 1.0;
            while let Some(t) = toks.get(k).filter(|t| t.kind == TokenKind::Word) {
                match word_class(t.text(text)) {
                    Some(WordClass::Hundred) => scale *= 100.0,
                    Some(WordClass::Scale(v)) => scale *= v,
                    _ => break,
                }
                n.end = t.end;
                k += 1;
            }
            if k == i + 1 {
                return None;
            }
            n.value = scale;
            n.scale = scale;
            n.form = Form::Vague;
            n.next = k;
            return Some(n);
        }
        WordClass::Vague(_) | WordClass::Tens | WordClass::And => return None,
        _ => {}
    }
    let mut total = 0.0;
    let mut current = 0.0;
    let mut last = Last::Start;
    let mut group = 0.0; // `current` before the latest run of small words, for "and three quarters"
    let mut k = i;
    let mut end = first.end;
    while let Some(t) = toks.get(k) {
        if t.kind == TokenKind::Symbol {
            // "twenty-five": a hyphen between tens and a unit.
            let hy = matches!(t.text(text), "-" | "‐")
                && k > 0
                && adjacent(toks, k - 1)
                && adjacent(toks, k)
                && match toks.get(k + 1).and_then(|t| word_class(t.text(text))) {
                    Some(WordClass::Small(v)) => last == Last::Tens && *v < 10.0 && *v > 0.0,
                    Some(WordClass::Denominator(_)) => {
                        matches!(last, Last::Unit | Last::Teen | Last::Tens)
                    }
                    _ => false,
                };
            if hy {
                k += 1;
                continue;
            }
            // "two hundred & forty"
            if t.text(text) == "&"
                && matches!(last, Last::Hundred | Last::Scale)
                && let Some(WordClass::Small(_)) =
                    toks.get(k + 1).and_then(|t| word_class(t.text(text)))
            {
                k += 1;
                continue;
            }
            break;
        }
        let Some(class) = word_class(t.text(text)) else {
            break;
        };
        match class {
            WordClass::Small(v) => {
                let ok = match last {
                    Last::Start | Last::Hundred | Last::Scale | Last::And => true,
                    Last::Tens => *v < 10.0 && *v > 0.0 && current % 10.0 == 0.0,
                    _ => false,
                };
                if !ok {
                    break;
                }
                if matches!(last, Last::Start | Last::Hundred | Last::Scale | Last::And) {
                    group = current;
                }
                current += v;
                last = small_class(*v);
            }
            WordClass::Hundred => {
                if !matches!(
                    last,
                    Last::Start | Last::Article | Last::Unit | Last::Teen | Last::Tens
                ) {
                    break;
                }
                current = current.max(1.0) * 100.0;
                last = Last::Hundred;
            }
            WordClass::Scale(s) => {
                if matches!(last, Last::And | Last::Start) {
                    break;
                }
                if last == Last::Scale && current == 0.0 && *s > n.scale {
                    // "three lakh crore", "a thousand million": scales multiply.
                    total *= s;
                    n.scale *= s;
                } else {
                    total += if current == 0.0 { 1.0 } else { current } * s;
                    current = 0.0;
                    n.scale = n.scale.max(*s);
                }
                last = Last::Scale;
            }
            WordClass::Dozen => {
                if matches!(last, Last::And) {
                    break;
                }
                current = if current == 0.0 { 1.0 } else { current } * 12.0;
                last = Last::Scale;
            }
            WordClass::Article => {
                if last != Last::Start {
                    break;
                }
                let next = toks.get(k + 1).and_then(|t| word_class(t.text(text)));
                if !matches!(
                    next,
                    Some(
                        WordClass::Hundred
                            | WordClass::Scale(_)
                            | WordClass::Dozen
                            | WordClass::Denominator(_)
                    )
                ) {
                    return None;
                }
                current = 1.0;
                last = Last::Article;
            }
            WordClass::And => {
                // "one hundred and five", "two and a half".
                let next = toks.get(k + 1).and_then(|t| word_class(t.text(text)));
                let then_den = |j: usize| {
                    matches!(
                        toks.get(j).and_then(|t| word_class(t.text(text))),
                        Some(WordClass::Denominator(_))
                    )
                };
                let counted = matches!(last, Last::Unit | Last::Teen | Last::Tens);
                if (matches!(last, Last::Hundred | Last::Scale) || (counted && then_den(k + 2)))
                    && matches!(next, Some(WordClass::Small(v)) if *v > 0.0)
                {
                    last = Last::And;
                } else if (counted || last == Last::Scale)
                    && is_word(text, toks, k + 1, "a")
                    && let Some(WordClass::Denominator(d)) =
                        toks.get(k + 2).and_then(|t| word_class(t.text(text)))
                {
                    // "two and a half", "five and a quarter", "3 million and a half".
                    if last == Last::Scale {
                        total += n.scale / d;
                    } else {
                        current += 1.0 / d;
                    }
                    end = toks[k + 2].end;
                    k += 3;
                    last = Last::Half;
                    continue;
                } else {
                    break;
                }
            }
            WordClass::Denominator(d) => {
                // "half", "a third", "two-thirds", "three quarters"; "half a dozen".
                // "quarter million": a lone quarter only before a scale word.
                let lone_quarter = last == Last::Start
                    && *d == 4.0
                    && matches!(
                        toks.get(k + 1).and_then(|t| word_class(t.text(text))),
                        Some(WordClass::Scale(_))
                    );
                let lone_half = last == Last::Start && *d == 2.0;
                let after_count =
                    matches!(last, Last::Article | Last::Unit | Last::Teen | Last::Tens)
                        && current - group < 20.0;
                if !(lone_half || lone_quarter || after_count) {
                    break;
                }
                if lone_quarter {
                    current = 0.25;
                } else if lone_half {
                    current = 0.5;
                    if is_word(text, toks, k + 1, "a")
                        && matches!(
                            toks.get(k + 2).and_then(|t| word_class(t.text(text))),
                            Some(WordClass::Dozen | WordClass::Scale(_))
                        )
                    {
                        // "half a dozen", "half a million": skip the article.
                        k += 1;
                    }
                } else {
                    current = group + (current - group) / d;
                }
                n.form = Form::Fraction;
                last = Last::Half;
            }
            WordClass::Vague(_) | WordClass::Tens | WordClass::Several => break,
        }
        end = t.end;
        k += 1;
    }
    if k == i || last == Last::Start || last == Last::Article {
        return None;
    }
    n.value = total + current;
    n.end = end;
    n.next = k;
    Some(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> f64 {
        parse_number(text).unwrap_or_else(|| panic!("no number in {text:?}"))
    }

    #[test]
    fn digits_with_separators_and_decimals() {
        assert_eq!(one("7,400"), 7400.0);
        assert_eq!(one("1,500,000"), 1_500_000.0);
        assert_eq!(one("2.38"), 2.38);
        assert_eq!(one(".08"), 0.08);
        assert_eq!(one("10 000"), 10_000.0);
        assert_eq!(one("40\u{202f}000"), 40_000.0);
        assert_eq!(one("1,674,200.5"), 1_674_200.5);
        assert_eq!(one("12,34,567.89"), 1_234_567.89);
        assert_eq!(one("3,00,000"), 300_000.0);
        assert_eq!(find_numbers("nrs. 22,24,26,31").len(), 4);
    }

    #[test]
    fn fractions() {
        assert_eq!(one("3/4"), 0.75);
        assert_eq!(one("2 1/2"), 2.5);
        assert_eq!(one("half"), 0.5);
        assert_eq!(one("a third"), 1.0 / 3.0);
        assert_eq!(one("two thirds"), 2.0 / 3.0);
        assert_eq!(one("one-third"), 1.0 / 3.0);
        assert_eq!(one("three quarters"), 0.75);
        assert_eq!(one("two and a half"), 2.5);
    }

    #[test]
    fn words() {
        assert_eq!(one("twenty-five"), 25.0);
        assert_eq!(one("one hundred and five"), 105.0);
        assert_eq!(one("a dozen"), 12.0);
        assert_eq!(one("half a dozen"), 6.0);
        assert_eq!(one("a hundred and two"), 102.0);
        assert_eq!(
            find_numbers("three million, two hundred & forty")[0].value,
            3e6
        );
        assert_eq!(one("twenty-one trillion three hundred"), 21e12 + 300.0);
        assert_eq!(one("two hundred and two thousand"), 202_000.0);
        assert_eq!(one("one and a half million"), 1.5e6);
        assert_eq!(one("quarter million"), 250_000.0);
        assert!(find_numbers("the first quarter").is_empty());
        assert_eq!(one("minus five"), -5.0);
    }

    #[test]
    fn scales_and_percent() {
        assert_eq!(one("3 billion"), 3e9);
        assert_eq!(one("2.38 million"), 2.38e6);
        assert_eq!(one("10k"), 1e4);
        assert_eq!(one("2.5 bn"), 2.5e9);
        assert_eq!(one("45%"), 45.0);
        assert_eq!(one("45 per cent"), 45.0);
        assert_eq!(one("45 percent"), 45.0);
        assert_eq!(one("one in five"), 0.2);
        let toks = tokenize("$2bn");
        assert_eq!(parse_at("$2bn", &toks, 1, true).map(|n| n.value), Some(2e9));
        let toks = tokenize("1.5m");
        assert_eq!(
            parse_at("1.5m", &toks, 0, true).map(|n| n.value),
            Some(1.5e6)
        );
        // Without money "m" is left for the unit table (metres).
        assert_eq!(
            parse_at("1.5m", &toks, 0, false).map(|n| n.value),
            Some(1.5)
        );
    }

    #[test]
    fn vague_amounts_take_their_lower_bound() {
        let n = find_numbers("tens of thousands of people");
        assert_eq!((n[0].value, n[0].form), (1e4, Form::Vague));
        let n = find_numbers("hundreds of protesters");
        assert_eq!((n[0].value, n[0].form), (100.0, Form::Vague));
        assert!(find_numbers("hundreds").is_empty());
        let n = find_numbers("several hundred years");
        assert_eq!((n[0].value, n[0].form, n[0].end), (100.0, Form::Vague, 15));
        assert_eq!(find_numbers("a few thousand people")[0].value, 1e3);
        assert!(find_numbers("several people").is_empty());
    }

    #[test]
    fn ordinals_decades_and_non_numbers() {
        assert_eq!(find_numbers("the 8th forum")[0].form, Form::Ordinal);
        assert_eq!(find_numbers("the 1990s")[0].form, Form::Decade);
        assert!(find_numbers("the fifth conference").is_empty());
        assert!(find_numbers("a man and a dog").is_empty());
        assert_eq!(parse_number("one in 2012"), None);
    }
}
