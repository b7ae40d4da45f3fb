//! Ranges: one claim with two ends, read from "between 5 and 10", "5-10%", "from 5 to 10"
//! after the number, or joined from a lower and an upper bound ("above 1000 and below 1500").

use super::*;

/// The end of a range starting with `claim`: (upper value, token after it). Adjusts the
/// claim's unit, scale and end.
pub(super) fn range_end(
    s: &str,
    toks: &[Token],
    i: usize,
    before: usize,
    k: usize,
    claim: &mut ClaimMatch,
    n: NumberSpan,
) -> Option<(f64, usize)> {
    // "grew by 7.4 million", "rose $2.10": the change itself.
    let change = matches!(claim.qualifier, Qualifier::Increase | Qualifier::Decrease);
    let changed = change
        || lower_in(
            before.checked_sub(1).and_then(|j| word_at(s, toks, j)),
            &["by"],
        );
    // "rose from about 5 to 10", "between roughly 5 and 10": the hedge sits between the
    // number and the word that frames it.
    // A change stands before the frame instead ("fell by between 5 and 7").
    let mut before = before;
    if !matches!(
        claim.qualifier,
        Qualifier::Exact | Qualifier::Increase | Qualifier::Decrease
    ) && let Some((q0, _)) = qualifier_phrase_before(s, claim.start, true)
    {
        while before > 0 && toks[before - 1].start >= q0 {
            before -= 1;
        }
    }
    let prev = before.checked_sub(1).and_then(|j| word_at(s, toks, j));
    let between = lower_in(prev, &["between"]);
    let from = lower_in(prev, &["from"]);
    // "rose from 5 to 10", "raise capacity from 600 million to 1.4 billion doses": after a
    // change verb and up to two words of its object, the start and the level reached.
    let change_from = (2..=MAX_CHANGED_OBJECT + 2).any(|back| {
        before.checked_sub(back).is_some_and(|v| {
            toks[v + 1..before - 1]
                .iter()
                .all(|t| t.kind == TokenKind::Word)
                && lower_in(word_at(s, toks, v), CHANGE_VERBS)
        })
    });
    if from && change_from {
        return None;
    }
    let t = toks.get(k)?;
    let mut j = k;
    // "9.83e-3 +/- 1e-5 km/s2": a value and its uncertainty, the range around it.
    let spread = if between { 0 } else { plus_minus(s, toks, k) };
    match (t.kind, t.text(s)) {
        _ if spread > 0 => j += spread,
        (TokenKind::Word, w) if between && w.eq_ignore_ascii_case("and") => j += 1,
        (TokenKind::Word, w)
            if w.eq_ignore_ascii_case("to") || (!between && w.eq_ignore_ascii_case("through")) =>
        {
            j += 1
        }
        // "40 or 50 people": two close guesses are a range ("either 10 bln or 10 tln" are two
        // choices, checked below); "rose 5 or 6 per cent" keeps its change.
        (TokenKind::Word, w)
            if !between
                && !changed
                && !lower_in(prev, &["either"])
                && w.eq_ignore_ascii_case("or") =>
        {
            j += 1
        }
        (TokenKind::Symbol, "-" | "–" | "—" | "~") if !between => {
            j += 1;
            if word_at(s, toks, j).is_some_and(|w| w.eq_ignore_ascii_case("to")) {
                j += 1;
            }
        }
        _ => return None,
    }
    let _ = i;
    let mut money = claim.currency.is_some();
    // The second amount's own sign or code, of one token or two: "$2m-$3m", "R4bn-R5bn", "Rs
    // 10 to Rs 12", "A$250 million to A$300 million".
    let sign = (1..=2).find_map(|d| {
        toks.get(j + d)
            .filter(|t| t.kind == TokenKind::Digits)
            .and_then(|_| currency_before(s, toks, j + d))
            .filter(|&(at, _)| at == toks[j].start)
            .map(|found| (found, d))
    });
    if let Some((_, d)) = sign {
        money = true;
        j += d;
    }
    let sign = sign.map(|(found, _)| found);
    let m = parse_at(s, toks, j, money)?;
    if !matches!(m.form, Form::Digits | Form::Words | Form::Fraction) {
        return None;
    }
    // "the five years to 2019", "the 12 months to March": a period up to a year is no range.
    let year_after =
        m.form == Form::Digits && m.end - m.start == 4 && (1800.0..=2100.0).contains(&m.value);
    if year_after
        && claim
            .unit
            .as_deref()
            .is_some_and(|u| PERIOD_UNITS.contains(&u))
    {
        return None;
    }
    let mut end = m.end;
    let mut next = m.next;
    let mut unit = m.percent.then(|| "%".to_string());
    let mut currency = sign.map(|(_, iso)| iso.to_string());
    if unit.is_none() && currency.is_none() {
        if let Some((iso, w)) = currency_after(s, toks, next, &m) {
            currency = Some(iso.into());
            end = toks[next + w - 1].end;
            next += w;
        } else if let Some((u, w)) = unit_after(s, toks, next).or_else(|| {
            // "20 +/- 2 C": the uncertainty makes a spaced letter a unit.
            if spread > 0 {
                letter_unit_after(s, toks, next)
            } else {
                None
            }
        }) {
            unit = Some(u.into());
            end = toks[next + w - 1].end;
            next += w;
        }
    }
    // "$10 an hour to $15 an hour": a money rate may be written again after the second end,
    // and must be the same one.
    let rate = claim.currency.is_some() && claim.unit.as_deref().is_some_and(is_rate);
    if rate
        && unit.is_none()
        && let Some((r, w)) = rate_after(s, toks, next)
    {
        if claim.unit.as_deref() != Some(r.as_str()) {
            return None;
        }
        end = toks[next + w - 1].end;
        next += w;
    }
    // Units must agree when both sides carry one; a percentage does not run to a plain
    // figure ("rose 5 per cent to 2.5 million").
    if (claim.unit.is_some() && unit.is_some() && claim.unit != unit)
        || (claim.unit.as_deref() == Some("%") && unit.is_none())
        || (claim.currency.is_some() && currency.is_some() && claim.currency != currency)
        || (claim.unit.is_some() && !rate && currency.is_some())
        || (claim.currency.is_some() && unit.is_some())
    {
        return None;
    }
    if spread > 0 {
        if m.value <= 0.0 || m.scale != n.scale {
            return None;
        }
        let mid = claim.value;
        claim.value = mid - m.value;
        claim.end = end;
        claim.unit = claim.unit.take().or(unit);
        claim.currency = claim.currency.take().or(currency);
        return Some((mid + m.value, next));
    }
    // Dates and scores are not ranges: a hyphen between bare integers needs a rising pair.
    let mut low = claim.value;
    // "by a quarter to €1.1bn": a fraction is a share, never a count short of its scale.
    if n.scale == 1.0 && m.scale > 1.0 && n.form != Form::Fraction && low * m.scale <= m.value {
        low *= m.scale;
    }
    // "from -18 °C to -34 °C": below zero a range may be written from the warmer end.
    let (low, high) = if m.value < low && low < 0.0 && (from || between) {
        (m.value, low)
    } else {
        (low, m.value)
    };
    // "grew by 7.4 million to 331 million", "rose $2.10 to $84.50 a barrel": the change,
    // then the level it reached; a range of changes ("cut by 5 to 10 per cent") keeps its
    // ends close.
    let to = word_at(s, toks, k).is_some_and(|w| w.eq_ignore_ascii_case("to"));
    let or = word_at(s, toks, k).is_some_and(|w| w.eq_ignore_ascii_case("or"));
    // A change written with its own unit or sign reaches its level sooner: "broadcasting
    // income up £41m to £98.6m" ("rose 5% to 8%" stays a range).
    let level_at = if claim.unit.is_some() || claim.currency.is_some() {
        CHANGE_TO_LEVEL_WITH_UNIT
    } else {
        CHANGE_TO_LEVEL
    };
    if high <= low
        || (changed && to && high > level_at * low)
        || (or && (m.scale != n.scale || high > GUESSES_APART * low))
    {
        return None;
    }
    claim.value = low;
    if claim.unit.is_none() {
        claim.unit = unit;
    }
    if claim.currency.is_none() {
        claim.currency = currency;
    }
    claim.end = end;
    Some((high, next))
}

/// How many words of a change verb's object may stand between it and "from": "cut the fare
/// from $5 to $3", "raise the statewide sales tax rate from 7.25% to 7.5%".
const MAX_CHANGED_OBJECT: usize = 5;

/// After a change ("by", "rose"), how many times its start a "to" range may end at before the
/// second number reads as the level reached rather than the end of a range.
const CHANGE_TO_LEVEL: f64 = 3.0;

/// The same for a change that carries its own unit or sign ("up £41m to £98.6m").
const CHANGE_TO_LEVEL_WITH_UNIT: f64 = 2.0;

/// How many times the first of two guesses joined by "or" the second may be ("40 or 50
/// people") before they read as two choices rather than one range.
const GUESSES_APART: f64 = 3.0;

/// A money claim's unit that is the rate it is paid at ("per kg"), not a unit of measure.
fn is_rate(unit: &str) -> bool {
    unit.starts_with("per ")
}

/// The width of a plus-minus sign at token `k`: "±", "+/-", "+-"; 0 when there is none.
fn plus_minus(s: &str, toks: &[Token], k: usize) -> usize {
    let text = |j: usize| toks.get(j).map_or("", |t| t.text(s));
    match text(k) {
        "±" => 1,
        "+" if glued(toks, k) && matches!(text(k + 1), "-" | "−") => 2,
        "+" if glued(toks, k)
            && text(k + 1) == "/"
            && glued(toks, k + 1)
            && matches!(text(k + 2), "-" | "−") =>
        {
            3
        }
        _ => 0,
    }
}

/// Joins a lower and an upper bound into one range: "above 1000 and below 1500", "at most 100
/// and at least 20", "greater than 30 and less than or equal to 40".
pub(super) fn merge_bounds(s: &str, claims: &mut Vec<ClaimMatch>) {
    let mut j = 1;
    while j < claims.len() {
        let (a, b) = (&claims[j - 1], &claims[j]);
        let opposite = matches!(
            (a.qualifier, b.qualifier),
            (Qualifier::MoreThan, Qualifier::LessThan) | (Qualifier::LessThan, Qualifier::MoreThan)
        );
        let joined = opposite
            && a.value_max.is_none()
            && b.value_max.is_none()
            && a.end <= b.start
            && qualifier_phrase_before(s, b.start, true).is_some_and(|(q0, _)| {
                let gap = s[a.end..q0.max(a.end)].trim();
                let gap = gap.trim_end_matches(',').trim();
                gap.is_empty() && s[a.end..q0.max(a.end)].contains(',')
                    || BOUND_JOINERS
                        .iter()
                        .any(|w| gap.eq_ignore_ascii_case(w) || gap == format!(", {w}"))
            });
        // A percentage and a plain count never bound one range.
        let percent = |c: &ClaimMatch| c.unit.as_deref() == Some("%");
        let units_agree = (a.unit.is_none() || b.unit.is_none() || a.unit == b.unit)
            && percent(a) == percent(b)
            && (a.currency.is_none() || b.currency.is_none() || a.currency == b.currency);
        let (lo, hi) = if a.qualifier == Qualifier::MoreThan {
            (a.value, b.value)
        } else {
            (b.value, a.value)
        };
        if joined && units_agree && lo < hi {
            let b = claims.remove(j);
            let a = &mut claims[j - 1];
            a.value = lo;
            a.value_max = Some(hi);
            a.qualifier = Qualifier::Exact;
            a.end = b.end;
            a.unit = a.unit.take().or(b.unit);
            a.currency = a.currency.take().or(b.currency);
            a.what = b.what.or(a.what.take());
        }
        j += 1;
    }
}

/// A unit written once for coordinated numbers applies to each: "45 and 50 mg", "two or three
/// years", "5, 10 or 20 dollars".
pub(super) fn share_units(s: &str, claims: &mut [ClaimMatch]) {
    for j in (1..claims.len()).rev() {
        let (head, tail) = claims.split_at_mut(j);
        let (a, b) = (&mut head[j - 1], &tail[0]);
        let bare = a.unit.is_none() && a.currency.is_none() && a.value_max.is_none();
        let gap = s[a.end..b.start.max(a.end)].trim();
        let coordinated = matches!(gap, "and" | "or" | "," | ", and" | ", or");
        if bare && coordinated && (b.unit.is_some() || b.currency.is_some()) {
            a.unit.clone_from(&b.unit);
            a.currency.clone_from(&b.currency);
        }
    }
}
