//! The reader of number words: cardinals ("twenty-five", "one hundred and five"), scale words
//! ("million"), fractions ("a third", "two-thirds", "three twenty-firsts"), dozens and vague
//! amounts ("hundreds of", "several thousand"), turned from a run of tokens into a value. The
//! words themselves live in `tables.rs`; digits are read in `mod.rs`.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

use super::lex::{Token, TokenKind, adjacent, is_symbol, is_word, lower};
use super::tables::*;
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

enum WordClass {
    Small(f64),
    Hundred,
    Scale(f64),
    Dozen,
    /// A fraction's denominator, and whether the word is plural ("thirds").
    Denominator(f64, bool),
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
    for &(one, many, v) in DENOMINATORS {
        m.insert(one, WordClass::Denominator(v, false));
        m.insert(many, WordClass::Denominator(v, true));
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
    // No number word is longer than "seventeenths".
    if word.len() > 12 {
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

/// Whether token `i` opens its sentence with a capital ("Thousands fled") and a lowercase
/// word follows it.
fn opens_sentence(text: &str, toks: &[Token], i: usize) -> bool {
    let first = toks[i].text(text);
    let at_start = i == 0
        || toks[i - 1].kind == TokenKind::Symbol
            && matches!(
                toks[i - 1].text(text),
                "." | "!" | "?" | "\"" | "“" | ":" | ";"
            );
    at_start
        && first.starts_with(char::is_uppercase)
        && toks.get(i + 1).is_some_and(|t| {
            t.kind == TokenKind::Word && t.text(text).starts_with(char::is_lowercase)
        })
}

/// Whether token `i` ends a clause: a full stop, comma or semicolon right after it, or nothing.
fn closes_clause(text: &str, toks: &[Token], i: usize) -> bool {
    i > 0
        && toks.get(i + 1).is_none_or(|t| {
            t.kind == TokenKind::Symbol && matches!(t.text(text), "." | "," | ";" | "!" | "?")
        })
}

pub(super) fn word_number(text: &str, toks: &[Token], i: usize) -> Option<NumberSpan> {
    read_words(text, toks, i, true)
}

/// Reads a number in words from token `i`; `commas` lets it go on after a comma, which the
/// part after a comma itself may not, so a long list of numbers is read in linear time.
fn read_words(text: &str, toks: &[Token], i: usize, commas: bool) -> Option<NumberSpan> {
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
        // "Thousands fled", "Hundreds were arrested", "the rally drew thousands.": the plural
        // alone as the subject opening a sentence or as the last word of a clause. Not
        // "scores" (of a game), nor a "dozens" inside a phrase.
        WordClass::Vague(v)
            if *v >= 100.0 && (opens_sentence(text, toks, i) || closes_clause(text, toks, i)) =>
        {
            n.value = *v;
            n.form = Form::Vague;
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
    let mut last_scale = 1.0; // the latest scale word, which a part after a comma stays under
    // An "and" split a whole from the fraction after it: after a count below a hundred ("two
    // and three fifths"), or before a proper fraction ("one hundred and three quarters").
    // Otherwise a plural denominator divides the whole count ("one hundred thirty-two fifths"
    // and "one hundred and thirty-two fifths" are 132/5).
    let mut and_whole = false;
    let mut after_and = false;
    let mut k = i;
    let mut end = first.end;
    // The token after a singular ordinal over one ("a third"), which may be no fraction.
    let mut one_ordinal = None;
    while let Some(t) = toks.get(k) {
        if t.kind == TokenKind::Symbol {
            // "twenty-five", "two-thirds": a hyphen between tens and a unit, or a count and
            // its denominator. Spaced ("fifty - two", "five - eighths") it still joins: a range
            // never runs down from tens to a unit, and a spaced singular only after one ("one -
            // fourth").
            let spaced = !(k > 0 && adjacent(toks, k - 1) && adjacent(toks, k));
            let hy = matches!(t.text(text), "-" | "‐")
                && k > 0
                && match toks.get(k + 1).and_then(|t| word_class(t.text(text))) {
                    Some(WordClass::Small(v)) => last == Last::Tens && *v < 10.0 && *v > 0.0,
                    Some(WordClass::Denominator(_, plural)) => {
                        matches!(last, Last::Unit | Last::Teen | Last::Tens)
                            && (!spaced || *plural || current - group == 1.0)
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
            // "three million, two hundred & forty": a part under the scale before the comma,
            // itself with hundreds. A number that refers ("of the ten thousand, two hundred
            // were hurt") or a part that counts members ("a million, two hundred of them")
            // ends at the comma.
            if commas
                && t.text(text) == ","
                && last == Last::Scale
                && current == 0.0
                && !referred(text, toks, i)
                && let Some(part) = comma_part(text, toks, k + 1, last_scale)
            {
                total += part.value;
                end = part.end;
                k = part.next;
                break;
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
        // Spaced, tens and an ordinal unit make a denominator only where the tens could not
        // go on the count: "three twenty firsts", "twenty twenty fifths"; but "twenty fifths".
        let spaced_ok = matches!(last, Last::Unit | Last::Teen | Last::Tens);
        if matches!(class, WordClass::Small(_))
            && let Some((d, plural, width)) = compound_ordinal(text, toks, k, spaced_ok)
        {
            // "three twenty-firsts", "a thirty-second": tens, a hyphen and an ordinal unit
            // divide the count before them; a plural one also a count in hundreds ("one
            // hundred thirty-fifths").
            let numerator = current - group;
            let counted = matches!(last, Last::Article | Last::Unit | Last::Teen | Last::Tens)
                || (plural && matches!(last, Last::Hundred | Last::Scale));
            if !(counted && (plural || numerator == 1.0)) {
                // "three twenty-first-century problems" counts three; "the twenty-first"
                // and "one hundred twenty-first" are ordinals, no number.
                if width == 2 || matches!(last, Last::Unit | Last::Teen) {
                    break;
                }
                return None;
            }
            if and_whole || (after_and && numerator < d) {
                current = group + numerator / d;
            } else {
                current = (total + current) / d;
                total = 0.0;
                n.scale = 1.0;
            }
            n.form = Form::Fraction;
            last = Last::Half;
            end = toks[k + width - 1].end;
            k += width;
            if !plural {
                one_ordinal = Some(k);
            }
            continue;
        }
        match class {
            WordClass::Small(v) => {
                let ok = match last {
                    Last::Start | Last::Hundred | Last::Scale | Last::And => true,
                    Last::Tens => *v < 10.0 && *v > 0.0 && (current - group) % 10.0 == 0.0,
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
                if last == Last::Half && scale_fraction > 0.0 {
                    // "one billion and three quarters million": the fraction is of the smaller
                    // scale after it. After a fraction of the scale itself the number is
                    // complete.
                    if *s >= scale_fraction {
                        break;
                    }
                    total += current / scale_fraction * s;
                    current = 0.0;
                    scale_fraction = 0.0;
                    last = Last::Scale;
                    last_scale = *s;
                    end = t.end;
                    k += 1;
                    continue;
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
                last_scale = *s;
            }
            WordClass::Dozen => {
                // A bare "dozen" is a name ("a baker's dozen"); "a dozen", "three dozen" count.
                if matches!(last, Last::And | Last::Start) {
                    break;
                }
                current = group + (current - group) * 12.0;
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
                            | WordClass::Denominator(..)
                    )
                ) && compound_ordinal(text, toks, k + 1, false).is_none()
                {
                    return None;
                }
                current = 1.0;
                last = Last::Article;
            }
            WordClass::And => {
                // "one hundred and five", "two and a half".
                let next = toks.get(k + 1).and_then(|t| word_class(t.text(text)));
                let den_at = |j: usize| {
                    matches!(
                        toks.get(j).and_then(|t| word_class(t.text(text))),
                        Some(WordClass::Denominator(..))
                    )
                };
                // "two and three fifths", "two and fifty-four hundredths".
                let then_den =
                    |j: usize| den_at(j) || (is_symbol(text, toks, j, "-") && den_at(j + 2));
                let counted = matches!(last, Last::Unit | Last::Teen | Last::Tens);
                if (matches!(last, Last::Hundred | Last::Scale) || (counted && then_den(k + 2)))
                    && matches!(next, Some(WordClass::Small(v)) if *v > 0.0)
                {
                    if last == Last::Scale && current == 0.0 {
                        // "two million and three fifths": a fraction of the scale, if one follows.
                        scale_fraction = n.scale;
                    }
                    and_whole = counted;
                    after_and = true;
                    last = Last::And;
                } else if (counted || last == Last::Scale)
                    && is_word(text, toks, k + 1, "a")
                    && let Some(WordClass::Denominator(d, false)) =
                        toks.get(k + 2).and_then(|t| word_class(t.text(text)))
                {
                    // "two and a half", "five and a quarter", "3 million and a half"; "one
                    // billion and a half million" halves the smaller scale after it.
                    let smaller = toks
                        .get(k + 3)
                        .and_then(|t| word_class(t.text(text)))
                        .and_then(|c| match c {
                            WordClass::Scale(s) if *s < last_scale => Some(*s),
                            _ => None,
                        })
                        .filter(|_| last == Last::Scale);
                    if let Some(s) = smaller {
                        total += s / d;
                        end = toks[k + 3].end;
                        k += 4;
                        last = Last::Scale;
                        last_scale = s;
                        continue;
                    }
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
                    // "one hundred and fifth": an ordinal, no number.
                    if matches!(last, Last::Hundred | Last::Scale)
                        && matches!(next, Some(WordClass::Denominator(_, false)))
                    {
                        return None;
                    }
                    break;
                }
            }
            WordClass::Denominator(d, plural) => {
                // "half", "a third", "two-thirds", "three quarters"; "half a dozen".
                // "quarter million": a lone quarter only before a scale word.
                let lone_quarter = last == Last::Start
                    && *d == 4.0
                    && matches!(
                        toks.get(k + 1).and_then(|t| word_class(t.text(text))),
                        Some(WordClass::Scale(_))
                    );
                let lone_half = last == Last::Start && *d == 2.0;
                let numerator = current - group;
                // A plural divides any count ("twenty-three fifths"); a singular ordinal divides
                // one ("a third", "one-tenth"), or a count joined to it ("a two-third
                // majority"); half and quarter also spaced ("three quarter length"). A plural
                // after hundreds or a scale divides them too ("a hundred trillionths"), but
                // not quarters and halves, which are coins and parts there ("a thousand
                // quarters").
                let hyphened = k > i && toks[k - 1].kind == TokenKind::Symbol;
                let after_count =
                    (matches!(last, Last::Article | Last::Unit | Last::Teen | Last::Tens)
                        && (*plural
                            || (numerator < 20.0
                                && (numerator == 1.0 || hyphened || (*d == 2.0 || *d == 4.0)))))
                        || (*plural
                            && matches!(last, Last::Hundred | Last::Scale)
                            && !(*d == 2.0 || *d == 4.0));
                if !(lone_half || lone_quarter || after_count) {
                    // "the twenty fifth", "two hundred fiftieth": the number was an ordinal.
                    if !plural && matches!(last, Last::Tens | Last::Hundred | Last::Scale) {
                        return None;
                    }
                    break;
                }
                if !plural && numerator == 1.0 && !(*d == 2.0 || *d == 4.0) {
                    one_ordinal = Some(k + 1);
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
                } else if *plural && !and_whole && !(after_and && numerator < *d) {
                    current = (total + current) / d;
                    total = 0.0;
                    n.scale = 1.0;
                } else {
                    current = group + (current - group) / d;
                }
                n.form = Form::Fraction;
                last = Last::Half;
            }
            // "three dozens", "two hundred and two dozens": a count of dozens.
            WordClass::Vague(_)
                if t.text(text).eq_ignore_ascii_case("dozens")
                    && matches!(last, Last::Unit | Last::Teen | Last::Tens | Last::Hundred) =>
            {
                current = group + (current - group) * 12.0;
                last = Last::Scale;
            }
            WordClass::Vague(_) | WordClass::Tens | WordClass::Several => break,
        }
        end = t.end;
        k += 1;
    }
    if k == i || last == Last::Start || last == Last::Article {
        return None;
    }
    // "a third term", "a fifth straight day": an ordinal unless something it divides follows.
    if one_ordinal == Some(k) && total == 0.0 && current < 1.0 && !divides_next(text, toks, k) {
        return None;
    }
    // "up from 4.1% a quarter earlier": a quarter of a year, when, not how much.
    if total == 0.0
        && current < 1.0
        && ["earlier", "later", "ago"]
            .iter()
            .any(|w| is_word(text, toks, k, w))
    {
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

/// A compound denominator at token `k`: tens, a hyphen and an ordinal unit ("twenty-first",
/// "thirty-seconds"), or with `spaced` also tens and the unit apart ("twenty firsts"), as
/// (value, plural, tokens taken). Spaced "seconds" stays a duration ("two thirty seconds").
fn compound_ordinal(
    text: &str,
    toks: &[Token],
    k: usize,
    spaced: bool,
) -> Option<(f64, bool, usize)> {
    let tens = match word_class(toks.get(k)?.text(text))? {
        WordClass::Small(v) if *v >= 20.0 => *v,
        _ => return None,
    };
    let width = if is_symbol(text, toks, k + 1, "-") && adjacent(toks, k) && adjacent(toks, k + 1) {
        3
    } else if spaced {
        2
    } else {
        return None;
    };
    let t = toks
        .get(k + width - 1)
        .filter(|t| t.kind == TokenKind::Word)?;
    let mut buf = [0u8; 24];
    let w = lower(t.text(text), &mut buf)?;
    if width == 2 && w.starts_with("second") {
        return None;
    }
    ORDINAL_UNITS
        .iter()
        .find_map(|&(one, many, v)| (w == one || w == many).then_some((tens + v, w == many, width)))
}

/// The part after a comma that goes on a number in words ("three million, two hundred &
/// forty"): words with hundreds, smaller than the scale before the comma, and not counting
/// members of a set ("two hundred of them").
fn comma_part(text: &str, toks: &[Token], k: usize, scale: f64) -> Option<NumberSpan> {
    if toks.get(k)?.kind != TokenKind::Word {
        return None;
    }
    let part = read_words(text, toks, k, false)?;
    (part.form == Form::Words
        && part.value >= 100.0
        && part.value < scale
        && !is_word(text, toks, part.next, "of"))
    .then_some(part)
}

/// Whether the word before token `i` makes a number refer to a set already named ("of the
/// ten thousand"), after which a comma ends the number.
fn referred(text: &str, toks: &[Token], i: usize) -> bool {
    let Some(t) = i.checked_sub(1).and_then(|j| toks.get(j)) else {
        return false;
    };
    let mut buf = [0u8; 24];
    t.kind == TokenKind::Word
        && lower(t.text(text), &mut buf).is_some_and(|w| REFERRING_DETERMINERS.contains(&w))
}

/// Whether the token after a fraction of one shows it divides: the end, punctuation or a
/// word of `FRACTION_FOLLOWERS` ("a third of", "by a tenth in"), not a noun it ranks ("a third
/// term") nor a hyphenated compound ("a third-quarter loss").
fn divides_next(text: &str, toks: &[Token], k: usize) -> bool {
    match toks.get(k) {
        None => true,
        Some(t) if t.kind == TokenKind::Symbol => !(t.text(text) == "-" && adjacent(toks, k - 1)),
        Some(t) if t.kind == TokenKind::Word => {
            let mut buf = [0u8; 24];
            lower(t.text(text), &mut buf).is_some_and(|w| FRACTION_FOLLOWERS.contains(&w))
        }
        Some(_) => false,
    }
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
        WordClass::Denominator(d, _) => Some(*d),
        _ => None,
    }
}
