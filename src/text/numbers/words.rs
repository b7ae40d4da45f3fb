//! Number words and their tables: cardinals ("twenty-five", "one hundred and five"), scale
//! words and suffixes ("million", "bn", "10k"), fractions ("a third", "two-thirds"), vague
//! amounts ("hundreds of", "several thousand") and the reader that turns a run of them into a
//! value. Digits are read in `mod.rs`.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

use super::lex::{Token, TokenKind, adjacent, is_symbol, is_word, lower};
use super::{Form, NumberSpan};

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
pub(super) const SCALE_SUFFIXES: &[(&str, f64, bool)] = &[
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

/// Fraction characters: "½", "2¾", "4¼%".
pub(super) const FRACTION_SIGNS: &[(&str, f64)] = &[
    ("½", 0.5),
    ("⅓", 1.0 / 3.0),
    ("⅔", 2.0 / 3.0),
    ("¼", 0.25),
    ("¾", 0.75),
    ("⅕", 0.2),
    ("⅖", 0.4),
    ("⅗", 0.6),
    ("⅘", 0.8),
    ("⅙", 1.0 / 6.0),
    ("⅚", 5.0 / 6.0),
    ("⅛", 0.125),
    ("⅜", 0.375),
    ("⅝", 0.625),
    ("⅞", 0.875),
];

/// Denominators a fraction written with a slash uses in prose ("3/4", "1/10", "7/100");
/// other pairs are names or dates ("9/11", "24/7", "12/05").
pub(super) const SLASH_DENOMINATORS: &[f64] = &[
    2.0, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0, 12.0, 16.0, 20.0, 32.0, 64.0, 100.0, 1000.0,
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
pub(super) const NEGATIVE_WORDS: &[&str] = &["minus", "negative"];

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

pub(super) fn scale_word(word: &str) -> Option<f64> {
    let mut buf = [0u8; 24];
    let w = lower(word, &mut buf)?;
    SCALE_WORDS
        .iter()
        .find(|(s, _)| *s == w && *s != "hundred")
        .map(|&(_, v)| v)
        .or_else(|| (w == "hundred").then_some(100.0))
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

pub(super) fn word_number(text: &str, toks: &[Token], i: usize) -> Option<NumberSpan> {
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
            // "hundreds of thousands (of)", "thousands of millions": the scales multiply.
            if let Some(t) = toks.get(i + 2)
                && let Some(WordClass::Vague(w)) = word_class(t.text(text))
                && *w >= 1e3
                && *w > *v
            {
                n.value = v * w;
                n.end = t.end;
                n.next = i + 3;
            }
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
    let mut scale_fraction = 0.0; // the scale an "and ... fifths" after it is a fraction of
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
        // "five point five", "two hundred point zero three": the digits after "point".
        if is_word(text, toks, k, "point")
            && matches!(last, Last::Unit | Last::Teen | Last::Tens | Last::Hundred)
            && let Some((fraction, used)) = word_decimals(text, toks, k + 1)
        {
            current += fraction;
            n.decimal = true;
            end = toks[k + used].end;
            k += used + 1;
            last = Last::Unit;
            continue;
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
                // After "and three quarters" of a scale the number is complete.
                if matches!(last, Last::And | Last::Start)
                    || (last == Last::Half && scale_fraction > 0.0)
                {
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
                    if last == Last::Scale && current == 0.0 {
                        // "two million and three fifths": a fraction of the scale, if one follows.
                        scale_fraction = n.scale;
                    }
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
                } else if scale_fraction > 0.0 && group == 0.0 {
                    current = current / d * scale_fraction;
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
    // "a quarter of a million", "two thirds of a billion": the fraction of a scale word.
    if n.form == Form::Fraction
        && n.value < 1.0
        && is_word(text, toks, k, "of")
        && is_word(text, toks, k + 1, "a")
        && let Some(t) = toks.get(k + 2)
        && let Some(WordClass::Scale(s)) = word_class(t.text(text))
    {
        n.value *= s;
        n.scale = *s;
        n.end = t.end;
        n.next = k + 3;
    }
    Some(n)
}

/// The decimals written as words from token `from`: digits one by one ("zero three" -> 0.03), or
/// one number read as the digits ("point seventy-one" -> 0.71, "point eleven" -> 0.11). The
/// value and how many tokens it took.
fn word_decimals(text: &str, toks: &[Token], from: usize) -> Option<(f64, usize)> {
    let small = |k: usize| match toks.get(k).and_then(|t| word_class(t.text(text))) {
        Some(WordClass::Small(v)) => Some(*v),
        _ => None,
    };
    let mut digits = String::new();
    let mut k = from;
    while let Some(v) = small(k).filter(|v| *v < 10.0) {
        digits.push(char::from(b'0' + v as u8));
        k += 1;
    }
    if digits.is_empty() {
        let tens = small(from)?;
        let mut value = tens;
        k = from + 1;
        // "seventy-one": tens, a hyphen and a unit, written together.
        if tens >= 20.0
            && is_symbol(text, toks, k, "-")
            && adjacent(toks, k - 1)
            && adjacent(toks, k)
            && let Some(unit) = small(k + 1).filter(|v| *v > 0.0 && *v < 10.0)
        {
            value += unit;
            k += 2;
        }
        digits = format!("{value}");
    }
    let fraction: f64 = format!("0.{digits}").parse().ok()?;
    Some((fraction, k - from))
}

/// The value of a fraction character ("½" -> 0.5).
pub fn fraction_sign(sym: &str) -> Option<f64> {
    FRACTION_SIGNS
        .iter()
        .find(|(c, _)| *c == sym)
        .map(|&(_, v)| v)
}

/// The denominator a fraction word names ("half" -> 2, "quarters" -> 4).
pub(super) fn denominator(word: &str) -> Option<f64> {
    match word_class(word)? {
        WordClass::Denominator(d) => Some(*d),
        _ => None,
    }
}
