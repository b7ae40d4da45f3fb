//! The tokenizer under number reading: digits (with thousands separators, decimals and
//! exponents), words (dotted abbreviations included) and single symbols, as byte spans. It
//! knows no number words and no units.

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
            // Space groups ("10 000", "1 234 567"), never mixed with commas. A lone group after
            // a plain space and before a capitalised word is a name's number: "27 737 MAX jets".
            let mut groups = 0;
            loop {
                let w = space_sep(text, j);
                let grouped = w > 0 && digit_run(b, j + w) == 3 && b.get(j + w + 3) != Some(&b',');
                let names_after = || {
                    w == 1
                        && groups == 0
                        && space_sep(text, j + w + 3) == 1
                        && text
                            .get(j + w + 4..)
                            .is_some_and(|rest| rest.starts_with(char::is_uppercase))
                };
                if grouped && !names_after() {
                    j += w + 3;
                    groups += 1;
                } else {
                    break;
                }
            }
        }
    }
    if b.get(j) == Some(&b'.') && b.get(j + 1).is_some_and(u8::is_ascii_digit) {
        j += 1 + digit_run(b, j + 1);
    }
    let power = power_of_ten(b, j);
    if power > 0 {
        return j + power;
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

/// The width of a power written after a mantissa at `i`: "x10^6", "×10^-4", "×10−5" (a
/// superscript flattened to a minus sign), "8x2^10"; or the mantissa itself raised, "2^10",
/// "1.1^23". Without a caret only ten may be the base and the exponent needs its sign, so "a
/// 3x10 grid" is no power; 0 when there is none.
fn power_of_ten(b: &[u8], i: usize) -> usize {
    let rest = &b[i.min(b.len())..];
    let times = if matches!(rest.first(), Some(b'x' | b'X')) {
        1
    } else if rest.starts_with("×".as_bytes()) {
        2
    } else {
        0
    };
    let base = digit_run(rest, times);
    if times > 0 && (base == 0 || base > 3) {
        return 0;
    }
    let mut j = times + base;
    let caret = rest.get(j) == Some(&b'^');
    if !caret && (times == 0 || &rest[times..j] != b"10") {
        return 0;
    }
    j += usize::from(caret);
    let sign = if matches!(rest.get(j), Some(b'+' | b'-')) {
        1
    } else if rest[j..].starts_with("−".as_bytes()) {
        3
    } else {
        0
    };
    let exp = digit_run(rest, j + sign);
    let glued = rest
        .get(j + sign + exp)
        .is_some_and(u8::is_ascii_alphanumeric);
    if (!caret && sign == 0) || exp == 0 || exp > 3 || glued {
        return 0;
    }
    j + sign + exp
}

/// The value of a digits token as written ("7,400" -> 7400, "1 234.5" -> 1234.5, "1.3x10^6"
/// -> 1300000, "8x2^10" -> 8192, "2.5^-1" -> 0.4).
pub fn digits_value(s: &str) -> Option<f64> {
    let clean: String = s
        .chars()
        .filter(|c| !matches!(c, ',' | ' ' | '\u{a0}' | '\u{202f}'))
        .collect();
    let (mantissa, power) = match clean.split_once(['x', 'X', '×']) {
        Some((m, p)) => (m, p),
        None if clean.contains('^') => ("1", clean.as_str()),
        None => return clean.parse().ok(),
    };
    let (base, exp) = match power.split_once('^') {
        Some(parts) => parts,
        None => (power.get(..2)?, power.get(2..)?),
    };
    let exp = exp.replace('−', "-");
    if base == "10" {
        // Read as written in e-notation, so "6.23x10^-4" is exactly 6.23e-4.
        return format!("{mantissa}e{exp}").parse().ok();
    }
    let exp: i32 = exp.parse().ok()?;
    Some(mantissa.parse::<f64>().ok()? * base.parse::<f64>().ok()?.powi(exp))
}

pub(super) fn adjacent(toks: &[Token], k: usize) -> bool {
    k + 1 < toks.len() && toks[k].end == toks[k + 1].start
}

pub(super) fn is_word(text: &str, toks: &[Token], k: usize, w: &str) -> bool {
    toks.get(k)
        .is_some_and(|t| t.kind == TokenKind::Word && t.text(text).eq_ignore_ascii_case(w))
}

pub(super) fn is_symbol(text: &str, toks: &[Token], k: usize, s: &str) -> bool {
    toks.get(k)
        .is_some_and(|t| t.kind == TokenKind::Symbol && t.text(text) == s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one_token(text: &str) -> Option<f64> {
        let toks = tokenize(text);
        (toks.len() == 1)
            .then(|| digits_value(toks[0].text(text)))
            .flatten()
    }

    #[test]
    fn powers_of_ten_written_out() {
        assert_eq!(one_token("1.3x10^6"), Some(1.3e6));
        assert_eq!(one_token("6.23x10^-4"), Some(6.23e-4));
        assert_eq!(one_token("2.48×10−5"), Some(2.48e-5));
        assert_eq!(one_token("3×10^+8"), Some(3e8));
        assert_eq!(one_token("10^6"), Some(1e6));
        // Other bases need their caret: "8x2^10" bits, "2.5^-1".
        assert_eq!(one_token("8x2^10"), Some(8192.0));
        assert_eq!(one_token("2^10"), Some(1024.0));
        assert_eq!(one_token("2.5^-1"), Some(0.4));
        assert_eq!(tokenize("a 3x2 rug").len(), 5);
        // No caret and no sign: a size, not a power.
        assert_eq!(tokenize("a 3x10 grid").len(), 5);
        assert_eq!(tokenize("2x10-minute halves").len(), 6);
    }

    #[test]
    fn space_groups_but_not_before_a_name() {
        assert_eq!(one_token("10 000"), Some(10000.0));
        assert_eq!(one_token("1 234 567"), Some(1234567.0));
        // "27 737 MAX jets": a count, then a model number.
        let text = "27 737 MAX jets";
        assert_eq!(digits_value(tokenize(text)[0].text(text)), Some(27.0));
        let text = "10 000 dollars";
        assert_eq!(digits_value(tokenize(text)[0].text(text)), Some(10000.0));
    }
}
