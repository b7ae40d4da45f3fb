//! Multiples written as words: "twice the target", "exports doubled", "more than halved".
//! Owns the reading of those words as claims; what counts as a multiple is in
//! `tables::MULTIPLE_WORDS`, and the hedge before one is read like a number's.

use std::sync::LazyLock;

use regex::Regex;

use super::tables::{MULTIPLE_IDIOMS, MULTIPLE_LEADS, MULTIPLE_OBJECTS, MULTIPLE_WORDS, Multiple};
use super::{ClaimMatch, Qualifier, lower_in, qualifier_phrase_before, word_at};
use crate::text::numbers::Token;

/// Any word of `MULTIPLE_WORDS`, in any case. ASCII word bounds keep it to the DFA engines.
static MULTIPLE: LazyLock<Regex> = LazyLock::new(|| {
    let words: Vec<&str> = MULTIPLE_WORDS.iter().map(|m| m.0).collect();
    Regex::new(&format!(r"(?i)(?-u:\b)(?:{})(?-u:\b)", words.join("|"))).expect("MULTIPLE compiles")
});

/// Adds a claim for each multiple written as a word in `s` (whose tokens are `toks`), keeping
/// `claims` in order.
pub(super) fn add_multiples(s: &str, toks: &[Token], claims: &mut Vec<ClaimMatch>) {
    let before = claims.len();
    for m in MULTIPLE.find_iter(s) {
        // "double-digit", "twice-weekly", "non-double": a compound, not a multiple.
        if s[..m.start()].ends_with('-') || s[m.end()..].starts_with('-') {
            continue;
        }
        if claims[..before]
            .iter()
            .any(|c| c.start < m.end() && m.start() < c.end)
        {
            continue;
        }
        let word = m.as_str().to_lowercase();
        let Some(&(_, value, form)) = MULTIPLE_WORDS.iter().find(|w| w.0 == word) else {
            continue;
        };
        // "fivefold to sevenfold": two multiples joined by "to" are one range.
        if let Some(last) = claims[before..].last_mut()
            && s[last.end..m.start()].eq_ignore_ascii_case(" to ")
            && last.value_max.is_none()
            && last.value < value
        {
            last.value_max = Some(value);
            last.end = m.end();
            continue;
        }
        // The words either side, when they are words: "doubled, and" or "(twice" has none on
        // that side, as punctuation ends the multiple's clause.
        let Ok(k) = toks.binary_search_by_key(&m.start(), |t| t.start) else {
            continue;
        };
        let prev = k.checked_sub(1).and_then(|j| word_at(s, toks, j));
        let next = word_at(s, toks, k + 1);
        // "doubled as a shelter"; "twice as fast" is a multiple still.
        if form != Multiple::Level && lower_in(next, MULTIPLE_IDIOMS) {
            continue;
        }
        let led = lower_in(prev, MULTIPLE_LEADS);
        let with_object = lower_in(next, MULTIPLE_OBJECTS);
        if form == Multiple::Plain && !led && !with_object {
            continue;
        }
        let change = if value < 1.0 {
            Qualifier::Decrease
        } else {
            Qualifier::Increase
        };
        // "more than doubled", "roughly double": the hedge says more than the change does.
        let qualifier = match qualifier_phrase_before(s, m.start(), true) {
            Some((_, q @ (Qualifier::MoreThan | Qualifier::LessThan | Qualifier::Approximate))) => {
                q
            }
            _ if form == Multiple::Change || (form == Multiple::Plain && led) => change,
            _ => Qualifier::Exact,
        };
        claims.push(ClaimMatch {
            start: m.start(),
            end: m.end(),
            value,
            value_max: None,
            unit: None,
            currency: None,
            qualifier,
            what: None,
            as_of: None,
            conversion_of: None,
        });
    }
    if claims.len() > before {
        claims.sort_by_key(|c| c.start);
    }
}
