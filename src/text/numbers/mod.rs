//! Numbers as written in English news text: digits with thousands separators ("7,400",
//! "1 234 567"), decimals, mixed and plain fractions ("2 1/2", "3/4"), number words
//! ("twenty-five", "one hundred and five", "a dozen", "a third", "half"), vague amounts
//! ("tens of thousands", "hundreds of"), scale words and suffixes ("3 billion", "1.5m", "10k"),
//! ratios ("one in five") and percentages ("45%", "45 per cent", "45pc").
//!
//! This module only reads numbers; it does not decide whether a number is a claim (years,
//! dates, ordinals and labels are rejected by `extract::claims`), and it knows nothing of units
//! or currencies beyond being told whether the number sits in a money context.

mod lex;
mod tables;
mod words;

pub use lex::{Token, TokenKind, digits_value, lower, tokenize};
pub use words::{WordHasher, WordMap, fraction_sign, may_start_number};

use lex::{adjacent, is_symbol, is_word};
use tables::{NEGATIVE_WORDS, SCALE_SUFFIXES, SIGN_OPENERS, SLASH_DENOMINATORS};
use words::{denominator, scale_word, word_number};

/// How a number was written; the claim extractor rejects some forms outright.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// Digits, possibly scaled ("3 billion", "10k").
    Digits,
    /// Number words, possibly scaled ("twenty-five", "one million").
    Words,
    /// A fraction ("3/4", "two thirds", "half").
    Fraction,
    /// "one in five", "2 out of 10", "one over three".
    Ratio,
    /// "hundreds of", "tens of thousands": the value is the lower bound.
    Vague,
    /// "8th", "21st": not a quantity.
    Ordinal,
    /// "1990s": a decade, not a quantity.
    Decade,
    /// "9/11", "24/7": digits around a slash that name something rather than divide.
    Code,
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

/// Reads the number starting at token `i`, if one starts there. `money` says a currency sign
/// precedes, which lets "m", "b" and "t" written against the digits mean million, billion and
/// trillion.
pub fn parse_at(text: &str, toks: &[Token], i: usize, money: bool) -> Option<NumberSpan> {
    let tok = *toks.get(i)?;
    // A sign: "-18", "minus five".
    if tok.kind == TokenKind::Symbol && matches!(tok.text(text), "-" | "−") {
        // "$-99.99": a sign glued to the currency sign is still a sign; so is one glued to a
        // comparison ("<-30"). Glued to anything else it joins ("COVID-19").
        let prev_glued = i > 0
            && adjacent(toks, i - 1)
            && !money
            && !SIGN_OPENERS.contains(&toks[i - 1].text(text));
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
        TokenKind::Symbol => {
            // "½ a cup": a fraction character on its own.
            let value = fraction_sign(tok.text(text))?;
            NumberSpan {
                start: tok.start,
                end: tok.end,
                next: i + 1,
                value,
                scale: 1.0,
                form: Form::Fraction,
                grouped: false,
                decimal: true,
                percent: false,
            }
        }
    };
    if matches!(
        n.form,
        Form::Ordinal | Form::Decade | Form::Vague | Form::Code
    ) {
        return Some(n);
    }
    if n.scale == 1.0 && matches!(n.form, Form::Digits | Form::Words) {
        ratio(text, toks, &mut n);
    }
    percent(text, toks, &mut n);
    Some(n)
}

/// "one in five", "2 out of 10", "one over three": a small count over a larger base, never a
/// year.
fn ratio(text: &str, toks: &[Token], n: &mut NumberSpan) {
    let over = is_word(text, toks, n.next, "over");
    let k = if is_word(text, toks, n.next, "in") || over {
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
    // "one over three" is a fraction only with nothing after it: "3 over 10 years", "two over
    // five games" spread a count over a span.
    if over
        && toks
            .get(den.next)
            .is_some_and(|t| t.kind == TokenKind::Word)
    {
        return;
    }
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
        // "67.3pc" in British papers; spaced or capitalised it is a computer.
        (TokenKind::Word, "pc") if k > 0 && adjacent(toks, k - 1) => 1,
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

fn digit_number(text: &str, toks: &[Token], i: usize, money: bool) -> Option<NumberSpan> {
    let tok = toks[i];
    let raw = tok.text(text);
    let mut value = digits_value(raw)?;
    let grouped = raw.contains([',', ' ', '\u{a0}', '\u{202f}']);
    let decimal = raw.contains(['.', 'e', 'E', 'x', 'X', '×', '^']);
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
        // "1/40" and "3/16" divide; "9/11", "24/7" and "12/05" name a day or a schedule.
        n.form = if value < d && (value == 1.0 || SLASH_DENOMINATORS.contains(&d)) {
            Form::Fraction
        } else {
            Form::Code
        };
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
        if d > a && SLASH_DENOMINATORS.contains(&d) {
            n.value = value + a / d;
            n.form = Form::Fraction;
            n.end = toks[i + 3].end;
            n.next = i + 4;
            return Some(n);
        }
    }
    // "2½", "2 ½": a fraction character after a whole number.
    let mut base = i;
    if plain_int && let Some(f) = toks.get(i + 1).and_then(|t| fraction_sign(t.text(text))) {
        value += f;
        n.form = Form::Fraction;
        n.decimal = true;
        n.end = toks[i + 1].end;
        n.next = i + 2;
        base = i + 1;
    }
    // Suffixes written against the digits.
    if adjacent(toks, base) && toks[base + 1].kind == TokenKind::Word {
        let suffix = toks[base + 1].text(text);
        let mut buf = [0u8; 24];
        let low = lower(suffix, &mut buf).unwrap_or("");
        if plain_int && base == i && matches!(low, "st" | "nd" | "rd" | "th") {
            n.form = Form::Ordinal;
            n.end = toks[base + 1].end;
            n.next = base + 2;
            return Some(n);
        }
        if plain_int && base == i && low == "s" {
            n.form = Form::Decade;
            n.end = toks[base + 1].end;
            n.next = base + 2;
            return Some(n);
        }
        if let Some(&(_, s, needs_money)) = SCALE_SUFFIXES.iter().find(|(w, _, _)| *w == suffix)
            && (money || !needs_money)
        {
            value *= s;
            n.scale = s;
            n.end = toks[base + 1].end;
            n.next = base + 2;
        }
    } else if adjacent(toks, base)
        && adjacent(toks, base + 1)
        && toks[base + 1].text(text) == "-"
        && let Some(t) = toks.get(base + 2).filter(|t| t.kind == TokenKind::Word)
        && let Some(s) =
            scale_word(t.text(text)).filter(|_| !t.text(text).eq_ignore_ascii_case("k"))
    {
        // A scale hyphenated into a compound: "a Rs 3,000-crore package", "a $5-billion deal".
        value *= s;
        n.scale = s;
        n.end = t.end;
        n.next = base + 3;
    } else if let Some(t) = toks.get(base + 1).filter(|t| t.kind == TokenKind::Word) {
        // Spaced scale words, possibly several ("three lakh crore", "1 thousand million").
        let mut k = base + 1;
        let mut t = *t;
        let mut last_scale = 1.0;
        while let Some(s) = scale_word(t.text(text)) {
            // "k" spaced is a scale only right after the digits.
            if s == 1e3 && t.text(text).eq_ignore_ascii_case("k") && k != base + 1 {
                break;
            }
            value *= s;
            n.scale *= s;
            n.end = t.end;
            last_scale = s;
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
        } else if plain_int && base == i {
            value += smaller_parts(text, toks, &mut n, last_scale);
        }
    }
    // "3 million and a half": a fraction of the scale.
    if n.scale > 1.0
        && is_word(text, toks, n.next, "and")
        && is_word(text, toks, n.next + 1, "a")
        && let Some(d) = toks.get(n.next + 2).and_then(|t| denominator(t.text(text)))
    {
        value += n.scale / d;
        n.end = toks[n.next + 2].end;
        n.next += 3;
    }
    n.value = if n.scale > 1.0 {
        round_off(value)
    } else {
        value
    };
    Some(n)
}

/// A scaled decimal to the digits it was written with: 2.3 times a lakh is 229999.99999999997
/// in floating point, and a reader must see 230000.
fn round_off(value: f64) -> f64 {
    if value == 0.0 || !value.is_finite() {
        return value;
    }
    let digits = 12 - value.abs().log10().ceil() as i32;
    let shift = 10f64.powi(digits);
    (value * shift).round() / shift
}

/// The parts under a scale word written in digits: "4 thousand 3 hundred and 21" goes on from
/// "4 thousand" with 300 and 21. Each part is smaller than the scale before it, so "3 hundred
/// and 2 hundred" stays two numbers. Moves `n` past them and returns their sum.
fn smaller_parts(text: &str, toks: &[Token], n: &mut NumberSpan, mut scale: f64) -> f64 {
    let mut sum = 0.0;
    while scale >= 100.0 {
        let and = is_word(text, toks, n.next, "and");
        let j = n.next + usize::from(and);
        let Some(t) = toks.get(j) else { break };
        // (value, end byte, next token)
        let part = match t.kind {
            TokenKind::Digits if !t.text(text).starts_with('0') => {
                let raw = t.text(text);
                raw.bytes()
                    .all(|b| b.is_ascii_digit())
                    .then(|| digits_value(raw))
                    .flatten()
                    .map(|v| (v, t.end, j + 1))
            }
            // "3 hundred and one": a small word, only after "and".
            TokenKind::Word if and => word_number(text, toks, j)
                .filter(|w| w.form == Form::Words && w.scale == 1.0)
                .map(|w| (w.value, w.end, w.next)),
            _ => None,
        };
        let Some((v, end, next)) = part.filter(|p| p.0 > 0.0 && p.0.fract() == 0.0) else {
            break;
        };
        let smaller = toks
            .get(next)
            .filter(|t| t.kind == TokenKind::Word && next == j + 1)
            .and_then(|t| scale_word(t.text(text)))
            .filter(|s| *s >= 100.0 && *s < scale && v * s < scale);
        if let Some(s) = smaller {
            sum += v * s;
            n.end = toks[next].end;
            n.next = next + 1;
            scale = s;
        } else {
            // "3 hundred and 2 hundred": a part with a scale of its own is another number.
            let scaled = toks
                .get(next)
                .is_some_and(|t| t.kind == TokenKind::Word && scale_word(t.text(text)).is_some());
            if and && scale == 100.0 && v < 100.0 && !scaled {
                sum += v;
                n.end = end;
                n.next = next;
            }
            break;
        }
    }
    sum
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
        assert_eq!(one("twenty-three fifths"), 4.6);
        assert_eq!(one("three twenty-firsts"), 3.0 / 21.0);
        assert_eq!(one("two hundredths"), 0.02);
        assert_eq!(one("a thirtieth"), 1.0 / 30.0);
        assert_eq!(one("a trillionth"), 1e-12);
        assert_eq!(one("two and fifty-four hundredths"), 2.54);
        assert_eq!(
            one("two hundred thirty two and a thirtieth"),
            232.0 + 1.0 / 30.0
        );
        assert_eq!(find_numbers("one-hundredth of a second")[0].value, 0.01);
        assert_eq!(find_numbers("a tenth of")[0].value, 0.1);
        // A plural denominator divides the whole count before it, unless "and" split a whole
        // off first.
        assert_eq!(one("one hundred thirty-two fifths"), 26.4);
        assert_eq!(one("one hundred and thirty-two fifths"), 26.4);
        assert_eq!(one("one hundred and thirty and two fifths"), 130.4);
        assert_eq!(one("twenty and three fifths"), 20.6);
        assert_eq!(one("one hundred and three quarters"), 100.75);
        assert_eq!(one("two hundred and fifty-four hundredths"), 200.54);
        assert_eq!(one("a hundred trillionths"), 1e-10);
        assert_eq!(one("one hundred thirty-fifths"), 100.0 / 35.0);
        // Quarters and halves after hundreds are coins and parts.
        assert_eq!(find_numbers("a thousand quarters")[0].value, 1000.0);
        // Spaced, tens and an ordinal unit divide only where the tens cannot go on the count.
        assert_eq!(one("three twenty firsts"), 3.0 / 21.0);
        assert_eq!(one("twenty twenty fifths"), 0.8);
        assert_eq!(one("twenty fifths"), 4.0);
        assert_eq!(find_numbers("two thirty seconds")[0].value, 2.0);
        // A spaced hyphen joins a count and its denominator.
        assert_eq!(one("five - eighths"), 0.625);
        assert_eq!(one("one - fourth"), 0.25);
        assert_eq!(find_numbers("five - eighth")[0].value, 5.0);
    }

    #[test]
    fn ordinals_are_no_fractions() {
        for text in [
            "the fifth time",
            "a third term",
            "third-quarter profit",
            "a third-quarter loss",
            "the twenty-first century",
            "a twenty-first birthday",
            "the twenty fifth anniversary",
            "the one hundredth anniversary",
            "its one hundred and fifth year",
            "a tenth straight day",
        ] {
            assert!(find_numbers(text).is_empty(), "{text}");
        }
        // A count before an ordinal stays a count.
        assert_eq!(find_numbers("four fifth-graders")[0].value, 4.0);
    }

    #[test]
    fn words() {
        assert_eq!(one("twenty-five"), 25.0);
        assert_eq!(one("one hundred and five"), 105.0);
        assert_eq!(one("a dozen"), 12.0);
        assert_eq!(one("half a dozen"), 6.0);
        assert_eq!(one("three dozen"), 36.0);
        assert_eq!(one("three dozens"), 36.0);
        assert_eq!(one("three hundred and two dozens"), 324.0);
        assert_eq!(find_numbers("dozens of protesters")[0].form, Form::Vague);
        assert!(find_numbers("a baker's dozen").is_empty());
        assert_eq!(one("a hundred and two"), 102.0);
        assert_eq!(one("three million, two hundred & forty"), 3_000_240.0);
        assert_eq!(one("two thousand, three hundred"), 2300.0);
        // A part no smaller than the scale, one without hundreds, one that counts members and
        // a number that refers to a named set all end at the comma.
        for text in [
            "three hundred, two hundred",
            "three million, two years ago",
            "a million, two hundred of them",
            "of the ten thousand, two hundred were hurt",
        ] {
            assert!(find_numbers(text).len() > 1, "{text}");
        }
        // One comma at most: the part after it ends at the next.
        assert_eq!(
            find_numbers("one million, two hundred thousand, three hundred")[0].value,
            1_200_000.0
        );
        assert_eq!(one("fifty - two"), 52.0);
        assert_eq!(find_numbers("twenty - thirty").len(), 2);
        assert_eq!(one("one billion and a half million"), 1_000_500_000.0);
        assert_eq!(
            one("one billion and three quarters million"),
            1_000_750_000.0
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
        // Scaled decimals keep the digits written, not the float's error.
        assert_eq!(one("2.3 lakh"), 230000.0);
        assert_eq!(one("0.07 billion"), 7e7);
        assert_eq!(one("1.15 crore"), 11500000.0);
        assert_eq!(one("3 hundred and 21"), 321.0);
        assert_eq!(one("4 thousand 3 hundred and 21"), 4321.0);
        assert_eq!(one("3 hundred and one"), 301.0);
        assert_eq!(one("2 million 300 thousand"), 2.3e6);
        // Parts no smaller than the scale before them are numbers of their own.
        assert_eq!(find_numbers("3 hundred and 2 hundred")[0].value, 300.0);
        assert_eq!(find_numbers("4000 3 hundred").len(), 2);
        assert_eq!(find_numbers("4 thousand 3 hundred and 0")[0].value, 4300.0);
        assert_eq!(one("45%"), 45.0);
        assert_eq!(one("45 per cent"), 45.0);
        assert_eq!(one("45 percent"), 45.0);
        assert_eq!(one("one in five"), 0.2);
        assert_eq!(one("one over four"), 0.25);
        // A count spread over a span is no fraction.
        assert_eq!(find_numbers("3 over 10 years")[0].value, 3.0);
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
