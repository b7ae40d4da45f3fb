//! Multiples written as words: "twice the target", "exports doubled", "more than halved".
//! Owns the reading of those words as claims; what counts as a multiple is in
//! `tables::MULTIPLE_WORDS`, and the hedge before one is read like a number's.

use std::sync::LazyLock;

use regex::Regex;

use super::tables::{MULTIPLE_IDIOMS, MULTIPLE_LEADS, MULTIPLE_OBJECTS, MULTIPLE_WORDS, Multiple};
use super::{ClaimMatch, Qualifier, qualifier_phrase_before};

/// Any word of `MULTIPLE_WORDS`, in any case. ASCII word bounds keep it to the DFA engines.
static MULTIPLE: LazyLock<Regex> = LazyLock::new(|| {
    let words: Vec<&str> = MULTIPLE_WORDS.iter().map(|m| m.0).collect();
    Regex::new(&format!(r"(?i)(?-u:\b)(?:{})(?-u:\b)", words.join("|"))).expect("MULTIPLE compiles")
});

/// The lower-cased word next to byte `at` in `s`, going back (`before`) or forward, with its
/// punctuation trimmed; `None` across a clause's punctuation.
fn neighbour(s: &str, at: usize, before: bool) -> Option<String> {
    let word = if before {
        let lead = s[..at].strip_suffix(' ')?;
        lead.rsplit(' ').next()?
    } else {
        let rest = s[at..].strip_prefix(' ')?;
        rest.split(' ').next()?
    };
    let trimmed = word.trim_matches(|c: char| !c.is_alphanumeric());
    // "doubled, and": a comma ends the word's clause on the side it stands.
    let cut = if before {
        word.ends_with([',', ';', ':', '.'])
    } else {
        word.starts_with(['(', '"', '“'])
    };
    (!cut && !trimmed.is_empty()).then(|| trimmed.to_lowercase())
}

/// Adds a claim for each multiple written as a word in `s`, keeping `claims` in order.
pub(super) fn add_multiples(s: &str, claims: &mut Vec<ClaimMatch>) {
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
        let prev = neighbour(s, m.start(), true);
        let next = neighbour(s, m.end(), false);
        // "doubled as a shelter"; "twice as fast" is a multiple still.
        if form != Multiple::Level
            && next
                .as_deref()
                .is_some_and(|w| MULTIPLE_IDIOMS.contains(&w))
        {
            continue;
        }
        let led = prev.as_deref().is_some_and(|w| MULTIPLE_LEADS.contains(&w));
        let with_object = next
            .as_deref()
            .is_some_and(|w| MULTIPLE_OBJECTS.contains(&w));
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
