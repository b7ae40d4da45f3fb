//! What a claim counts: the noun phrase after the number ("3 billion Internet users"), or for
//! money with nothing after it, the phrase the amount is attributed to ("the industrial output is
//! expected to reach 100 billion yuan").

use super::*;

/// The noun phrase after a claim: "3 billion Internet users across the globe" -> "Internet
/// users".
pub(super) fn what_after(s: &str, toks: &[Token], mut k: usize, n: &NumberSpan) -> Option<String> {
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

pub(super) fn is_plural_head(word: &str) -> bool {
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

/// Money with nothing counted after it takes the noun phrase it is attributed to: "a total worth
/// of nearly $ 500 billion" -> "total worth"; "the industrial output is expected to reach 100
/// billion yuan" -> "industrial output".
pub(super) fn attach_what_before(s: &str, toks: &[Token], claims: &mut [ClaimMatch]) {
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
                (last > 0 && w.starts_with(|ch: char| ch.is_uppercase()))
                    || ((w.ends_with("ed") || w.ends_with("ing"))
                        && !lower_in(Some(w), WHAT_BEFORE_NOUNS))
            })
        {
            c.what = Some(s[toks[f].start..toks[last].end].to_string());
        }
    }
}
