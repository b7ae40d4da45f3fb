//! Scores the numeric-claims extractor against quantulum3's quantities and Microsoft
//! Recognizers-Text's English Number, NumberRange, Percent and Currency specs, read from a
//! directory given at run time (the data is never copied into the repository).
//!
//! A prediction matches a gold quantity when the values agree (relative tolerance 1e-6; ranges
//! on both ends) and the spans overlap. Unit accuracy is measured among matches through the
//! explicit mapping tables below. Gold items of kinds the extractor rejects by design (years,
//! dates, times, phone and version numbers, bare "one", items without a value) are counted
//! apart so the recall they cost is visible.

use std::fmt;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::extract::claims::{ClaimMatch, Qualifier, extract_claims_in_sentence, non_claim_spans};

/// Why an evaluation could not run.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    /// A data file could not be read: check the directory given.
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// A data file is not the JSON expected: check it is the unmodified upstream file.
    #[error("{path} is not valid evaluation JSON: {message}")]
    Format { path: PathBuf, message: String },
}

/// The figures for one data set.
#[derive(Debug, Clone, PartialEq)]
pub struct SetScore {
    pub name: String,
    /// Gold quantities.
    pub gold: usize,
    /// Gold quantities of kinds rejected by design (years, dates, ordinals, no value...).
    pub gold_excluded: usize,
    /// Predictions in scope for the set (all; no measures for Number; money/percent for the
    /// Currency/Percent sets).
    pub predicted: usize,
    pub matched: usize,
    pub value_p: f64,
    pub value_r: f64,
    pub value_f1: f64,
    /// Recall over the gold items that are not excluded by design.
    pub value_r_in_scope: f64,
    /// Among value matches, unit or currency right (0 when the set has no units: see
    /// `unit_scored`).
    pub unit_acc: f64,
    /// Matches whose unit the set annotates (none for Number and NumberRange).
    pub unit_scored: usize,
    /// Among value matches, qualifier right, where the set annotates it (NumberRange).
    pub qualifier_acc: Option<f64>,
    /// F1 counting a prediction right only when value and unit/currency both are (0 when the
    /// set has no units), comparable with the value F1.
    pub value_unit_f1: f64,
    /// F1 counting a prediction right only when value and qualifier both are, where the set
    /// annotates qualifiers.
    pub value_qualifier_f1: Option<f64>,
    /// Extraction speed over the set's texts on one core, in MB/s (repeated for at least a
    /// tenth of a second so that small sets still give a stable figure).
    pub mb_per_s: f64,
    /// Examples of missed gold items and unmatched predictions, for development.
    pub misses: Vec<String>,
    pub false_positives: Vec<String>,
}

impl fmt::Display for SetScore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:<13} gold {:>3} (by design {:>2}) pred {:>3} match {:>3}  P {:5.1} R {:5.1} value F1 {:5.1}  R-in-scope {:5.1}",
            self.name,
            self.gold,
            self.gold_excluded,
            self.predicted,
            self.matched,
            100.0 * self.value_p,
            100.0 * self.value_r,
            100.0 * self.value_f1,
            100.0 * self.value_r_in_scope,
        )?;
        // Every set shows the three F1 figures; "n/a" where the set does not annotate units
        // (Number, NumberRange) or qualifiers (all but NumberRange).
        let pct = |x: Option<f64>| {
            x.map_or_else(|| "  n/a".to_string(), |x| format!("{:5.1}", 100.0 * x))
        };
        let unit_f1 = (self.unit_scored > 0).then_some(self.value_unit_f1);
        write!(
            f,
            "  value+unit F1 {}  value+qualifier F1 {}",
            pct(unit_f1),
            pct(self.value_qualifier_f1)
        )?;
        if self.unit_scored > 0 {
            write!(
                f,
                "  (unit right in {:.1}% of matches)",
                100.0 * self.unit_acc
            )?;
        }
        if let Some(q) = self.qualifier_acc {
            write!(f, "  (qualifier right in {:.1}% of matches)", 100.0 * q)?;
        }
        write!(f, "  {:.1} MB/s", self.mb_per_s)
    }
}

/// What the gold says the unit is, in our terms.
#[derive(Debug, Clone, PartialEq)]
enum GoldUnit {
    /// A plain count: no unit, no currency.
    Plain,
    Unit(&'static str),
    /// Any of these currencies.
    Currency(&'static [&'static str]),
    /// The ISO 4217 code the set gives.
    Iso(String),
    /// Money paid at a rate ("dollar per hour"): any of these currencies, and the rate as our
    /// claims carry it in their unit ("per hour").
    Rate(&'static [&'static str], &'static str),
    /// Not in our tables: always counted wrong.
    Unsupported(String),
    /// The set does not say (Number, NumberRange): not scored.
    Unscored,
}

#[derive(Debug, Clone)]
struct Gold {
    start: usize,
    end: usize,
    value: Option<f64>,
    value_max: Option<f64>,
    unit: GoldUnit,
    qualifier: Option<Qualifier>,
}

struct Case {
    text: String,
    gold: Vec<Gold>,
}

/// quantulum3 unit names -> ours.
const QUANTULUM_UNITS: &[(&str, GoldUnit)] = &[
    ("dimensionless", GoldUnit::Plain),
    ("percentage", GoldUnit::Unit("%")),
    ("dollar", GoldUnit::Currency(&["USD"])),
    ("United States dollar", GoldUnit::Currency(&["USD"])),
    ("euro", GoldUnit::Currency(&["EUR"])),
    ("pound sterling", GoldUnit::Currency(&["GBP"])),
    ("metre", GoldUnit::Unit("metre")),
    ("kilometre", GoldUnit::Unit("km")),
    ("centimetre", GoldUnit::Unit("cm")),
    ("nanometre", GoldUnit::Unit("nm")),
    ("mile", GoldUnit::Unit("mile")),
    ("inch", GoldUnit::Unit("inch")),
    ("foot", GoldUnit::Unit("foot")),
    ("year", GoldUnit::Unit("year")),
    ("month", GoldUnit::Unit("month")),
    ("week", GoldUnit::Unit("week")),
    ("day", GoldUnit::Unit("day")),
    ("hour", GoldUnit::Unit("hour")),
    ("gallon", GoldUnit::Unit("gallon")),
    ("litre", GoldUnit::Unit("litre")),
    ("centilitre", GoldUnit::Unit("cl")),
    ("cubic centimetre", GoldUnit::Unit("ml")),
    ("kilogram", GoldUnit::Unit("kg")),
    ("milligram", GoldUnit::Unit("mg")),
    ("pound-mass", GoldUnit::Unit("pound")),
    ("tonne", GoldUnit::Unit("tonne")),
    ("square kilometre", GoldUnit::Unit("square km")),
    ("square mile", GoldUnit::Unit("square mile")),
    ("cubic kilometre", GoldUnit::Unit("cubic km")),
    ("degree Celsius", GoldUnit::Unit("°C")),
    ("degree fahrenheit", GoldUnit::Unit("°F")),
    ("kilometre per hour", GoldUnit::Unit("km/h")),
    ("electronvolt", GoldUnit::Unit("eV")),
    ("teraelectronvolt", GoldUnit::Unit("TeV")),
    ("watt hour", GoldUnit::Unit("Wh")),
    ("megawatt hour", GoldUnit::Unit("MWh")),
    ("gigahertz", GoldUnit::Unit("GHz")),
    ("megabyte", GoldUnit::Unit("MB")),
    ("exabyte", GoldUnit::Unit("exabyte")),
    ("byte", GoldUnit::Unit("byte")),
    ("bit", GoldUnit::Unit("bit")),
    ("cent", GoldUnit::Unit("cent")),
    ("penny", GoldUnit::Unit("penny")),
    ("dime", GoldUnit::Unit("dime")),
    ("kelvin", GoldUnit::Unit("K")),
    ("cup", GoldUnit::Unit("cup")),
    ("tablespoon", GoldUnit::Unit("tablespoon")),
    ("kilometre per square second", GoldUnit::Unit("km/s²")),
    ("picometre", GoldUnit::Unit("pm")),
    ("milligray", GoldUnit::Unit("mGy")),
    ("inverse femtobarn", GoldUnit::Unit("fb⁻¹")),
    ("inverse second", GoldUnit::Unit("s⁻¹")),
    ("watt per minute", GoldUnit::Unit("W/min")),
    ("ton per day", GoldUnit::Unit("tonne per day")),
    ("count per week", GoldUnit::Unit("per week")),
    ("dollar per hour", GoldUnit::Rate(&["USD"], "per hour")),
    ("dollar per kilogram", GoldUnit::Rate(&["USD"], "per kg")),
];

/// quantulum3 counting units, which are plain counts to us: "a dozen eggs" is 12 eggs, so
/// the gold's 1 dozen is compared as 12.
const QUANTULUM_COUNTS: &[(&str, f64)] =
    &[("dozen", 12.0), ("baker's dozen", 13.0), ("gross", 144.0)];

/// Recognizers-Text currency unit names without an ISO code -> ours. "Dollar" is any dollar.
const RECOGNIZERS_CURRENCIES: &[(&str, GoldUnit)] = &[
    (
        "Dollar",
        GoldUnit::Currency(&["USD", "CAD", "AUD", "NZD", "HKD", "SGD", "TWD"]),
    ),
    ("Pound", GoldUnit::Currency(&["GBP"])),
    ("British pound", GoldUnit::Currency(&["GBP"])),
    ("Franc", GoldUnit::Currency(&["CHF"])),
    ("Rupee", GoldUnit::Currency(&["INR"])),
    ("Finnish markka", GoldUnit::Currency(&["FIM"])),
    ("Peseta", GoldUnit::Currency(&["ESP"])),
    ("Netherlands guilder", GoldUnit::Currency(&["NLG"])),
    ("Bitcoin", GoldUnit::Currency(&["BTC"])),
    ("Cent", GoldUnit::Unit("cent")),
    ("Pence", GoldUnit::Unit("penny")),
    ("Penny", GoldUnit::Unit("penny")),
];

/// Scores every set found in `dir` (the `numbers/` folder of the shared evaluation data).
pub fn evaluate_numbers(dir: &Path) -> Result<Vec<SetScore>, EvalError> {
    let mut out = Vec::new();
    let q = dir.join("quantulum3-quantities.json");
    out.push(score("quantulum3", &load_quantulum(&q)?, Scope::All, false));
    for (name, scope, qualifiers) in [
        ("Number", Scope::Numbers, false),
        ("NumberRange", Scope::All, true),
        ("Percent", Scope::Percent, false),
        ("Currency", Scope::Money, false),
    ] {
        let path = dir.join(format!("recognizers-{name}Model.json"));
        out.push(score(
            name,
            &load_recognizers(&path, name)?,
            scope,
            qualifiers,
        ));
    }
    Ok(out)
}

fn read_json(path: &Path) -> Result<Value, EvalError> {
    let text = std::fs::read_to_string(path).map_err(|source| EvalError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    serde_json::from_str(&text).map_err(|e| EvalError::Format {
        path: path.to_path_buf(),
        message: e.to_string(),
    })
}

fn format_error(path: &Path, message: &str) -> EvalError {
    EvalError::Format {
        path: path.to_path_buf(),
        message: message.to_string(),
    }
}

fn load_quantulum(path: &Path) -> Result<Vec<Case>, EvalError> {
    let json = read_json(path)?;
    let items = json
        .as_array()
        .ok_or_else(|| format_error(path, "expected an array"))?;
    let mut cases = Vec::new();
    for item in items {
        let text = item["req"]
            .as_str()
            .ok_or_else(|| format_error(path, "missing req"))?
            .to_string();
        let mut gold = Vec::new();
        let mut cursor = 0;
        for r in item["res"].as_array().into_iter().flatten() {
            let surface = r["surface"].as_str().unwrap_or("");
            let value = r["value"].as_f64();
            let start = text[cursor..]
                .find(surface)
                .map(|p| p + cursor)
                .or_else(|| text.find(surface))
                .unwrap_or(0);
            cursor = start + surface.len();
            let unit_name = r["unit"].as_str().unwrap_or("");
            let (value, value_max) = match (value, r["uncertainty"].as_f64()) {
                (Some(v), Some(u)) => (Some(v - u), Some(v + u)),
                (v, _) => (v, None),
            };
            // "a dozen eggs": a count unit is a plain number of that many.
            let (unit, count) = match QUANTULUM_COUNTS.iter().find(|(n, _)| *n == unit_name) {
                Some(&(_, count)) => (GoldUnit::Plain, count),
                None => (gold_unit(QUANTULUM_UNITS, unit_name), 1.0),
            };
            gold.push(Gold {
                start,
                end: start + surface.len(),
                value: value.map(|v| v * count),
                value_max: value_max.map(|v| v * count),
                unit,
                qualifier: None,
            });
        }
        cases.push(Case { text, gold });
    }
    Ok(cases)
}

fn load_recognizers(path: &Path, set: &str) -> Result<Vec<Case>, EvalError> {
    let json = read_json(path)?;
    let items = json
        .as_array()
        .ok_or_else(|| format_error(path, "expected an array"))?;
    let mut cases = Vec::new();
    for item in items {
        let text = item["Input"]
            .as_str()
            .ok_or_else(|| format_error(path, "missing Input"))?
            .to_string();
        let mut gold = Vec::new();
        for r in item["Results"].as_array().into_iter().flatten() {
            // Start/End count characters; End is inclusive.
            let to_byte = |c: usize| text.char_indices().nth(c).map_or(text.len(), |(b, _)| b);
            let start = to_byte(r["Start"].as_u64().unwrap_or(0) as usize);
            let end = to_byte(r["End"].as_u64().unwrap_or(0) as usize + 1);
            let res = &r["Resolution"];
            let raw = res["value"].as_str().unwrap_or("null");
            let (value, value_max, qualifier) = if set == "NumberRange" {
                parse_range(raw)
            } else {
                (raw.trim_end_matches('%').parse::<f64>().ok(), None, None)
            };
            let unit = match set {
                "Percent" => GoldUnit::Unit("%"),
                "Currency" => currency_unit(res),
                _ => GoldUnit::Unscored,
            };
            gold.push(Gold {
                start,
                end,
                value,
                value_max,
                unit,
                qualifier,
            });
        }
        cases.push(Case { text, gold });
    }
    Ok(cases)
}

fn currency_unit(res: &Value) -> GoldUnit {
    if let Some(iso) = res["isoCurrency"].as_str() {
        return if iso.len() == 3 && iso.bytes().all(|b| b.is_ascii_uppercase()) {
            GoldUnit::Iso(iso.to_string())
        } else {
            GoldUnit::Unsupported(iso.to_string())
        };
    }
    gold_unit(RECOGNIZERS_CURRENCIES, res["unit"].as_str().unwrap_or(""))
}

/// The unit a gold set's unit name stands for in `table`, or unsupported when it has none.
fn gold_unit(table: &[(&str, GoldUnit)], name: &str) -> GoldUnit {
    table.iter().find(|(n, _)| *n == name).map_or_else(
        || GoldUnit::Unsupported(name.to_string()),
        |(_, u)| u.clone(),
    )
}

/// "(20,35]" -> both ends; "(30,)" -> more than 30; "(,100]" -> less than 100.
fn parse_range(raw: &str) -> (Option<f64>, Option<f64>, Option<Qualifier>) {
    let inner = raw.trim_matches(|c| matches!(c, '(' | ')' | '[' | ']'));
    let Some((lo, hi)) = inner.split_once(',') else {
        return (None, None, None);
    };
    let (lo, hi) = (lo.trim().parse::<f64>().ok(), hi.trim().parse::<f64>().ok());
    match (lo, hi) {
        (Some(a), Some(b)) if a == b => (Some(a), None, Some(Qualifier::Exact)),
        (Some(a), Some(b)) => (Some(a), Some(b), Some(Qualifier::Exact)),
        (Some(a), None) => (Some(a), None, Some(Qualifier::MoreThan)),
        (None, Some(b)) => (Some(b), None, Some(Qualifier::LessThan)),
        (None, None) => (None, None, None),
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Scope {
    All,
    /// Numbers and amounts of money, not measures: Recognizers-Text's Number model leaves a
    /// number with a unit of measure to its NumberWithUnit model, and its spec says so with
    /// cases that expect nothing ("the 180ml liquid", " 29km Road "). A measure it has no gold
    /// for is outside the set, as money is outside the Percent set.
    Numbers,
    Percent,
    Money,
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * a.abs().max(b.abs()).max(1e-9)
}

fn values_match(g: &Gold, p: &ClaimMatch) -> bool {
    let Some(v) = g.value else { return false };
    match (g.value_max, p.value_max) {
        (Some(gm), Some(pm)) => close(v, p.value) && close(gm, pm),
        (None, None) => close(v, p.value),
        _ => false,
    }
}

/// A measure's unit without the rate it runs at: "cent" of "cent per share". A unit that is
/// only a rate ("per day") or has none stays as it is.
fn unit_before_rate(unit: &str) -> &str {
    unit.split_once(" per ").map_or(unit, |(base, _)| base)
}

fn unit_right(g: &GoldUnit, p: &ClaimMatch) -> Option<bool> {
    Some(match g {
        GoldUnit::Plain => p.unit.is_none() && p.currency.is_none(),
        // "64.2 cents a dozen": the gold gives the amount's unit and leaves out its rate, as
        // it leaves the rate out of "$80 a barrel".
        GoldUnit::Unit(u) => p
            .unit
            .as_deref()
            .is_some_and(|pu| pu == *u || unit_before_rate(pu) == *u),
        GoldUnit::Currency(set) => p.currency.as_deref().is_some_and(|c| set.contains(&c)),
        GoldUnit::Iso(code) => p.currency.as_deref() == Some(code.as_str()),
        GoldUnit::Rate(set, rate) => {
            p.currency.as_deref().is_some_and(|c| set.contains(&c))
                && p.unit.as_deref() == Some(*rate)
        }
        GoldUnit::Unsupported(_) => false,
        GoldUnit::Unscored => return None,
    })
}

/// A gold item the extractor rejects on purpose: no value, a year, a date/time/phone/version
/// part, or a bare "one".
fn excluded_by_design(text: &str, g: &Gold, blocked: &[(usize, usize)]) -> bool {
    let surface = text[g.start..g.end].trim();
    let year = surface.len() == 4
        && surface.bytes().all(|b| b.is_ascii_digit())
        && g.value.is_some_and(|v| (1000.0..=2100.0).contains(&v));
    g.value.is_none()
        || year
        || surface.eq_ignore_ascii_case("one")
        || blocked.iter().any(|&(a, b)| a < g.end && g.start < b)
}

fn score(name: &str, cases: &[Case], scope: Scope, qualifiers: bool) -> SetScore {
    let (mut gold, mut excluded, mut predicted, mut matched) = (0, 0, 0, 0);
    let (mut unit_n, mut unit_ok, mut qual_n, mut qual_ok) = (0, 0, 0, 0);
    let mut matched_in_scope = 0;
    let mut misses = Vec::new();
    let mut false_positives = Vec::new();
    for case in cases {
        let text = &case.text;
        let preds = extract_claims_in_sentence(text);
        let blocked = non_claim_spans(text);
        let mut used = vec![false; preds.len()];
        for g in &case.gold {
            gold += 1;
            let by_design = excluded_by_design(text, g, &blocked);
            excluded += usize::from(by_design);
            let hit = preds.iter().enumerate().find(|(j, p)| {
                !used[*j] && p.start < g.end && g.start < p.end && values_match(g, p)
            });
            match hit {
                Some((j, p)) => {
                    used[j] = true;
                    matched += 1;
                    matched_in_scope += usize::from(!by_design);
                    if let Some(ok) = unit_right(&g.unit, p) {
                        unit_n += 1;
                        unit_ok += usize::from(ok);
                        if !ok {
                            misses.push(format!(
                                "UNIT {:?} got {:?}/{:?} in {text:?}",
                                g.unit, p.unit, p.currency
                            ));
                        }
                    }
                    if let (true, Some(q)) = (qualifiers, g.qualifier) {
                        qual_n += 1;
                        qual_ok += usize::from(p.qualifier == q);
                        if p.qualifier != q {
                            misses.push(format!("QUAL {q:?} got {:?} in {text:?}", p.qualifier));
                        }
                    }
                }
                None if !by_design => misses.push(format!(
                    "MISS {:?}={:?}..{:?} in {text:?}; got {:?}",
                    &text[g.start..g.end],
                    g.value,
                    g.value_max,
                    preds
                        .iter()
                        .map(|p| (&text[p.start..p.end], p.value, p.value_max))
                        .collect::<Vec<_>>()
                )),
                None => {}
            }
        }
        for (j, p) in preds.iter().enumerate() {
            let in_scope = used[j]
                || match scope {
                    Scope::All => true,
                    Scope::Numbers => {
                        p.currency.is_some() || p.unit.as_deref().is_none_or(|u| u == "%")
                    }
                    Scope::Percent => p.unit.as_deref() == Some("%"),
                    Scope::Money => {
                        p.currency.is_some()
                            || matches!(
                                p.unit.as_deref().map(unit_before_rate),
                                Some("cent" | "penny")
                            )
                    }
                };
            if in_scope {
                predicted += 1;
                if !used[j] {
                    false_positives.push(format!(
                        "FP {:?}={} in {text:?}",
                        &text[p.start..p.end],
                        p.value
                    ));
                }
            }
        }
    }
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let f1 = |right: usize| {
        let (p, r) = (ratio(right, predicted), ratio(right, gold));
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    };
    let (p, r) = (ratio(matched, predicted), ratio(matched, gold));
    let mb_per_s = throughput(cases);
    SetScore {
        name: name.to_string(),
        gold,
        gold_excluded: excluded,
        predicted,
        matched,
        value_p: p,
        value_r: r,
        value_f1: if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        },
        value_r_in_scope: ratio(matched_in_scope, gold - excluded),
        unit_acc: ratio(unit_ok, unit_n),
        unit_scored: unit_n,
        qualifier_acc: qualifiers.then(|| ratio(qual_ok, qual_n)),
        value_unit_f1: f1(unit_ok),
        value_qualifier_f1: qualifiers.then(|| f1(qual_ok)),
        mb_per_s,
        misses,
        false_positives,
    }
}

/// Claim extraction speed over the cases' texts, in MB/s on one core.
fn throughput(cases: &[Case]) -> f64 {
    let bytes: usize = cases.iter().map(|c| c.text.len()).sum();
    let started = std::time::Instant::now();
    let mut rounds = 0usize;
    // Bounded: at most a tenth of a second or 10,000 rounds, whichever comes first.
    while rounds < 10_000 && (rounds == 0 || started.elapsed().as_secs_f64() < 0.1) {
        for c in cases {
            std::hint::black_box(extract_claims_in_sentence(&c.text));
        }
        rounds += 1;
    }
    (bytes * rounds) as f64 / 1e6 / started.elapsed().as_secs_f64().max(1e-9)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_resolve_to_bounds_and_qualifiers() {
        assert_eq!(
            parse_range("[20,30)"),
            (Some(20.0), Some(30.0), Some(Qualifier::Exact))
        );
        assert_eq!(
            parse_range("(30,)"),
            (Some(30.0), None, Some(Qualifier::MoreThan))
        );
        assert_eq!(
            parse_range("(,100]"),
            (Some(100.0), None, Some(Qualifier::LessThan))
        );
        assert_eq!(
            parse_range("[20,20]"),
            (Some(20.0), None, Some(Qualifier::Exact))
        );
    }

    #[test]
    fn a_missing_directory_is_an_io_error() {
        let err = evaluate_numbers(Path::new("/nonexistent/eval/numbers"));
        assert!(matches!(err, Err(EvalError::Io { .. })));
    }

    /// The figures against the shared data, when it is there:
    /// `cargo test --lib eval_numbers_report -- --ignored --nocapture`
    /// (`EVAL_VERBOSE=1` also lists misses and false positives).
    #[test]
    #[ignore]
    fn eval_numbers_report() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/numbers");
        if !dir.exists() {
            eprintln!("no evaluation data at {}", dir.display());
            return;
        }
        let verbose = std::env::var_os("EVAL_VERBOSE").is_some();
        for s in evaluate_numbers(&dir).expect("evaluation data readable") {
            println!("{s}");
            if verbose {
                for m in s.misses.iter().chain(&s.false_positives) {
                    println!("    {m}");
                }
            }
        }
    }
}
