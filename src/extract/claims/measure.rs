//! Units and currencies around a number: the sign or code before it ("$", "US$", "Rs.",
//! "RMB"), the currency word or unit after it ("yuan", "km/h", "a 10-dollar bill"), minor
//! amounts ("3 dollars 50 cents") and the scale written after a code ("75 USD million").
//! Reads the tables in `tables/`; deciding whether a number is a claim stays in `mod.rs`.

use super::*;

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

/// A scale word of a thousand or more written after a currency code ("75 USD million").
pub(super) fn large_scale(word: &str) -> Option<f64> {
    let mut buf = [0u8; 24];
    let w = lower(word, &mut buf)?;
    LARGE_SCALES.iter().find(|(s, _)| *s == w).map(|&(_, v)| v)
}

/// "MUSD", "MEUR": an ISO code with "M" (million) written against it.
pub(super) fn scaled_code(s: &str, toks: &[Token], k: usize) -> Option<(&'static str, f64)> {
    let w = word_at(s, toks, k)?;
    let code = w.strip_prefix('M').filter(|c| c.len() == 3)?;
    let iso = CURRENCY_CODES.iter().find(|c| **c == code)?;
    Some((iso, 1e6))
}

/// A rate after an amount of money: "$350 per kg", "$15.4/hour", "$15 an hour", "$80 a
/// barrel", "$2 a share". Returns the unit the claim carries ("per kg") and the tokens taken.
pub(super) fn rate_after(s: &str, toks: &[Token], k: usize) -> Option<(String, usize)> {
    // "a $15-an-hour job", "£1,000-a-month rent": the rate hyphenated into an adjective.
    if joining_hyphen(s, toks, k)
        && lower_in(word_at(s, toks, k + 1), &["a", "an", "per"])
        && joining_hyphen(s, toks, k + 2)
    {
        let (rate, w) = rate_after_word(s, toks, k + 1, k + 3)?;
        return Some((rate, w + 3));
    }
    let t = toks.get(k)?;
    let article = lower_in(word_at(s, toks, k), &["a", "an"]);
    let per = lower_in(word_at(s, toks, k), &["per"])
        || (t.kind == TokenKind::Symbol
            && t.text(s) == "/"
            && k > 0
            && glued(toks, k - 1)
            && glued(toks, k));
    if !(article || per) {
        return None;
    }
    let (rate, w) = rate_after_word(s, toks, k, k + 1)?;
    Some((rate, w + 1))
}

/// The unit or noun of a rate at token `u`, its "a", "an" or "per" at token `k`: ("per kg",
/// the tokens the unit takes).
fn rate_after_word(s: &str, toks: &[Token], k: usize, u: usize) -> Option<(String, usize)> {
    let article = lower_in(word_at(s, toks, k), &["a", "an"]);
    let (unit, w) = match unit_after(s, toks, u) {
        Some((unit, w)) => (unit.to_string(), w),
        None => {
            let mut buf = [0u8; 24];
            let noun = word_at(s, toks, u).and_then(|w| lower(w, &mut buf))?;
            (RATE_NOUNS.contains(&noun).then(|| noun.to_string())?, 1)
        }
    };
    // "$500 a year ago" is a time, not a rate.
    if article && lower_in(word_at(s, toks, u + w), NOT_RATE_AFTER) {
        return None;
    }
    Some((format!("per {unit}"), w))
}

/// A plural noun counted by the number at `k` ("people", "users"), not a race distance.
pub(super) fn counted_after(s: &str, toks: &[Token], k: usize) -> bool {
    word_at(s, toks, k).is_some_and(|w| is_plural_head(w) && !lower_in(Some(w), METRE_EVENTS))
}

/// A glued "m" at token `k`, after the number starting at token `i` (byte `start`), is
/// metres: a size or race word after it ("10m tall", "the 100m hurdles", "a 10m-high wall"),
/// "the 400m", "a 10m wall" (a measure made an adjective of a thing), or a word of length or
/// motion just before ("ran 100m", "sea levels rose by 2m"). Otherwise news means millions
/// ("a population of around 67m"), which the caller reads.
pub(super) fn metres_in_context(s: &str, toks: &[Token], i: usize, k: usize, start: usize) -> bool {
    let after = if joining_hyphen(s, toks, k + 1) {
        k + 2
    } else {
        k + 1
    };
    let next = word_at(s, toks, after);
    if lower_in(next, LENGTH_CUES_AFTER)
        || lower_in(next, METRE_EVENTS)
        || lower_in(next, RACE_WORDS)
    {
        return true;
    }
    let before = i.checked_sub(1).and_then(|p| word_at(s, toks, p));
    if lower_in(before, &["the"]) {
        return true;
    }
    // "a 10m wall", but not "a 10m-strong crowd": only a plain word, lower-case, singular.
    if lower_in(before, &["a", "an"])
        && after == k + 1
        && next
            .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_lowercase()) && !is_plural_head(w))
    {
        return true;
    }
    s[..start]
        .rsplit(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .take(LENGTH_CUE_WINDOW)
        .any(|w| lower_in(Some(w), LENGTH_CUES_BEFORE) || lower_in(Some(w), RACE_WORDS))
}

/// The minor unit after a major amount: "3 dollars 50 cents", "thirteen dollars and forty-five
/// cents", "15 dollars 50." Without the minor-unit word only after a currency word and at the
/// end of a clause. Returns (minor amount, end byte, next token).
pub(super) fn minor_amount(
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

/// A currency sign or code right before token `i`: (start of the sign, ISO code).
pub(super) fn currency_before(s: &str, toks: &[Token], i: usize) -> Option<(usize, &'static str)> {
    let p = *toks.get(i.checked_sub(1)?)?;
    let text = p.text(s);
    // "Rs. 500": an abbreviation with its dot.
    let abbreviation = |k: usize| {
        let w = toks[k].text(s);
        PREFIX_ABBREVIATIONS
            .iter()
            .find(|(a, _)| *a == w)
            .map(|&(_, iso)| (toks[k].start, iso))
    };
    if p.kind == TokenKind::Word
        && let Some(found) = abbreviation(i - 1)
    {
        return Some(found);
    }
    if text == "." && i >= 2 && glued(toks, i - 2) && toks[i - 2].kind == TokenKind::Word {
        return abbreviation(i - 2);
    }
    // "R1.2bn", "N380": the rand's or the naira's sign, glued to the amount. Only a story at
    // home there keeps it (`homes::at_home_with_letter_sign`); elsewhere "R21" is a road.
    if glued(toks, i - 1)
        && let Some(&(_, code, _)) = LETTER_SIGNS.iter().find(|(letter, ..)| *letter == text)
    {
        return Some((p.start, code));
    }
    match p.kind {
        TokenKind::Symbol => {
            let &(_, iso) = CURRENCY_SYMBOLS.iter().find(|(sym, _)| *sym == text)?;
            if text == "$" && i >= 2 && toks[i - 2].kind == TokenKind::Word {
                // "US$", "HK$"; also spaced "us $ 10 billion", "c $ 300 million", but not
                // the article in "a $ 5 bill".
                let mut buf = [0u8; 24];
                let w = lower(toks[i - 2].text(s), &mut buf).unwrap_or("");
                let attached = glued(toks, i - 2);
                // "costing us $450": the pronoun, unless the sign stands apart as in the
                // spaced form above.
                let pronoun = toks[i - 2].text(s) == "us" && glued(toks, i - 1);
                let spaced_ok = !matches!(w, "a" | "s" | "r" | "ca" | "au") && !pronoun;
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
            // "pen 7", "try 5": codes that spell English words count only in capitals.
            let wordlike = WORDLIKE_CODES.contains(&code) && text != code;
            // "COP28", "CUP2": a code that is also a name's acronym, glued to its number.
            let named = NAME_CODES.contains(&code) && glued(toks, i - 1);
            if !wordlike
                && !named
                && let Some(iso) = CODES_BEFORE.get(code)
            {
                return Some((p.start, *iso));
            }
            None
        }
        TokenKind::Digits => None,
    }
}

/// Currency codes that news more often writes as an acronym numbered without a space: the
/// climate conferences "COP28", a "TOP10".
const NAME_CODES: &[&str] = &["COP", "TOP", "CUP", "ALL", "SOS"];

/// The longest phrase of up to `max` tokens from `k` found by `find`, with the token count.
pub(super) fn phrase_at<T>(
    s: &str,
    toks: &[Token],
    k: usize,
    max: usize,
    mut find: impl FnMut(&str) -> Option<T>,
) -> Option<(T, usize)> {
    // One buffer; each candidate is a prefix of it, tried longest first.
    let mut phrase = String::new();
    let mut ends = [0usize; 4];
    let mut n = 0;
    for (j, end) in ends.iter_mut().take(max).enumerate() {
        let Some(t) = toks.get(k + j) else { break };
        if j > 0 && !glued(toks, k + j - 1) {
            phrase.push(' ');
        }
        phrase.push_str(t.text(s));
        *end = phrase.len();
        n = j + 1;
    }
    (0..n)
        .rev()
        .find_map(|j| find(&phrase[..ends[j]]).map(|v| (v, j + 1)))
}

/// Token `k` is a hyphen glued on both sides ("10-dollar", "two-year"): a number made an
/// adjective with what follows.
fn joining_hyphen(s: &str, toks: &[Token], k: usize) -> bool {
    toks.get(k)
        .is_some_and(|t| t.kind == TokenKind::Symbol && t.text(s) == "-")
        && k > 0
        && glued(toks, k - 1)
        && glued(toks, k)
}

pub(super) fn currency_after(
    s: &str,
    toks: &[Token],
    k: usize,
    n: &NumberSpan,
) -> Option<(&'static str, usize)> {
    let t = toks.get(k)?;
    // "a 10-dollar bill", "its one-yen bid": the currency as an adjective.
    if joining_hyphen(s, toks, k) {
        return currency_after(s, toks, k + 1, n).map(|(c, w)| (c, w + 1));
    }
    if t.kind == TokenKind::Symbol {
        let &(_, iso) = CURRENCY_SYMBOLS.iter().find(|(sym, _)| *sym == t.text(s))?;
        // "$ 20,000.00 $ 37,305.97": a sign followed by digits starts the next amount.
        if toks.get(k + 1).is_some_and(|x| x.kind == TokenKind::Digits) {
            return None;
        }
        return Some((iso, 1));
    }
    if t.kind != TokenKind::Word {
        return None;
    }
    // "3 USD50": a code glued to the next digits belongs to them.
    if toks.get(k + 1).is_some_and(|x| x.kind == TokenKind::Digits) && glued(toks, k) {
        return None;
    }
    phrase_at(s, toks, k, 3, |p| {
        let low = p.to_lowercase();
        let &(iso, needs_scale) = CURRENCY_AFTER.get(low.as_str())?;
        (!needs_scale || n.scale > 1.0).then_some(iso)
    })
}

pub(super) fn unit_after(s: &str, toks: &[Token], k: usize) -> Option<(&'static str, usize)> {
    let t = toks.get(k)?;
    // "two-year", "27-kilometer": the unit as an adjective.
    if joining_hyphen(s, toks, k) {
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
    // Four tokens for "km/s2".
    phrase_at(s, toks, k, 4, |p| {
        if let Some(u) = UNIT_EXACT.get(p) {
            // A lone "m", "g" or "l" spaced from the digits is rarely a unit; a lone "t" is
            // tonnes ("278,000 t"), "don't" having its "t" after an apostrophe.
            if p.len() == 1 && !matches!(p, "L" | "t") && !(k > 0 && glued(toks, k - 1)) {
                return None;
            }
            return Some(*u);
        }
        UNIT_WORDS.get(p.to_lowercase().as_str()).copied()
    })
}

/// A one-letter unit spaced from its number: "20 +/- 2 C". Alone ("Group 4 C") a spaced letter
/// is rarely a unit, but after a value and its uncertainty the figure is a measurement.
pub(super) fn letter_unit_after(
    s: &str,
    toks: &[Token],
    k: usize,
) -> Option<(&'static str, usize)> {
    let t = toks
        .get(k)
        .filter(|t| t.kind == TokenKind::Word && t.end - t.start == 1)?;
    UNIT_EXACT.get(t.text(s)).map(|u| (*u, 1))
}

/// "Some 3m people are at risk, up from 2.5m": a bare "m" compared with the figure before it,
/// written in millions, is millions too (of its currency, if any), not metres.
pub(super) fn share_million(s: &str, claims: &mut [ClaimMatch]) {
    let glued_m = |c: &ClaimMatch| {
        let w = &s[c.start..c.end];
        w.ends_with('m') && w[..w.len() - 1].ends_with(|ch: char| ch.is_ascii_digit())
    };
    for j in 1..claims.len() {
        let (a, c) = (&claims[j - 1], &claims[j]);
        let word = s[..c.start]
            .trim_end()
            .rsplit(|ch: char| !ch.is_alphabetic())
            .next()
            .unwrap_or("");
        if a.unit.is_none()
            && a.value.abs() >= 1e6
            && glued_m(a)
            && (c.unit.as_deref() == Some("metre")
                || (c.unit.is_none() && c.currency.is_none() && c.value.abs() >= 1e6))
            && c.value_max.is_none()
            && c.what.is_none()
            && glued_m(c)
            && lower_in(Some(word), MILLION_COMPARISONS)
        {
            // "£1m, up from 50m": the money too.
            let currency = a.currency.clone();
            let c = &mut claims[j];
            // Read as metres for a length cue nearby, or as millions already without one.
            if c.unit.is_some() {
                c.value *= 1e6;
            }
            c.unit = None;
            c.currency = currency;
        }
    }
}

/// "89 per 1,000 people", "4.2 deaths per 100,000 residents": a rate's base is no figure of its
/// own but the rate's unit. The base is a round power of ten, written right after "per" (with at
/// most three words of what is counted before it), and carries no unit, currency or qualifier.
pub(super) fn per_base(s: &str, claims: &mut Vec<ClaimMatch>) {
    let mut j = 1;
    while j < claims.len() {
        let (rate, base) = (&claims[j - 1], &claims[j]);
        let between = &s[rate.end..base.start];
        let words: Vec<&str> = between.split_whitespace().collect();
        let round = base.value >= 10.0 && base.value.log10().fract() == 0.0;
        if words.last() == Some(&"per")
            && words.len() <= 4
            && words[..words.len() - 1]
                .iter()
                .all(|w| w.chars().all(|c| c.is_alphabetic() || c == '-'))
            && round
            && rate.unit.is_none()
            && base.unit.is_none()
            && base.currency.is_none()
            && base.value_max.is_none()
            && base.qualifier == Qualifier::Exact
        {
            let of = base
                .what
                .as_deref()
                .map_or(String::new(), |w| format!(" {w}"));
            let unit = format!("per {}{of}", &s[base.start..base.end]);
            claims[j - 1].unit = Some(unit);
            claims.remove(j);
        } else {
            j += 1;
        }
    }
}
