//! Option values as users send them, validated against the command table: every refusal names
//! the option and says what is accepted. Also resolves speakers and sources to the names the
//! corpus uses, suggesting the closest ones when nothing matches.

use super::spec::{CommandSpec, OptionKind, OptionSpec};
use crate::text::dates::{PartialDate, find_dates, month_number};
use crate::text::numbers::parse_number;
use std::fmt;

/// A refusal to shown to the user; `option` names the option at fault.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserError {
    pub option: Option<String>,
    pub message: String,
}

impl UserError {
    pub fn new(message: impl Into<String>) -> UserError {
        UserError {
            option: None,
            message: message.into(),
        }
    }

    pub fn option(option: &str, message: impl Into<String>) -> UserError {
        UserError {
            option: Some(option.to_string()),
            message: message.into(),
        }
    }
}

impl fmt::Display for UserError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.option {
            Some(o) => write!(f, "{o}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for UserError {}

/// The options of one invocation, checked against its command's spec.
#[derive(Debug, Clone, PartialEq)]
pub struct Args {
    spec: &'static CommandSpec,
    values: Vec<(&'static OptionSpec, String)>,
}

impl Args {
    /// Checks names, requiredness, lengths and choices; keeps the values as text.
    pub fn new(spec: &'static CommandSpec, given: &[(String, String)]) -> Result<Args, UserError> {
        let mut values = Vec::new();
        for (name, value) in given {
            let Some(opt) = spec.options.iter().find(|o| o.name == name.as_str()) else {
                let known: Vec<&str> = spec.options.iter().map(|o| o.name).collect();
                let takes = if known.is_empty() {
                    "it takes no options".to_string()
                } else {
                    format!("it takes {}", known.join(", "))
                };
                return Err(UserError::option(
                    name,
                    format!("/{} has no option `{name}`; {takes}", spec.name),
                ));
            };
            if values
                .iter()
                .any(|(o, _): &(&OptionSpec, String)| o.name == opt.name)
            {
                return Err(UserError::option(name, "given twice; give it once"));
            }
            let value = value.trim();
            if value.chars().count() > opt.max_len {
                return Err(UserError::option(
                    name,
                    format!(
                        "too long ({} characters); at most {}",
                        value.chars().count(),
                        opt.max_len
                    ),
                ));
            }
            if value.is_empty() {
                continue;
            }
            if opt.kind == OptionKind::Choice
                && !opt.choices.contains(&value.to_lowercase().as_str())
            {
                return Err(UserError::option(
                    name,
                    format!("`{value}` is not one of {}", opt.choices.join(", ")),
                ));
            }
            values.push((opt, value.to_string()));
        }
        for opt in spec.options.iter().filter(|o| o.required) {
            if !values.iter().any(|(o, _)| o.name == opt.name) {
                return Err(UserError::option(
                    opt.name,
                    format!("required: {}", opt.description.to_lowercase()),
                ));
            }
        }
        Ok(Args { spec, values })
    }

    /// The command these options are for.
    pub fn command(&self) -> &'static CommandSpec {
        self.spec
    }

    /// The text of an option, when given.
    pub fn text(&self, name: &str) -> Option<&str> {
        self.values
            .iter()
            .find(|(o, _)| o.name == name)
            .map(|(_, v)| v.as_str())
    }

    /// A choice option, lowercased.
    pub fn choice(&self, name: &str) -> Option<String> {
        self.text(name).map(str::to_lowercase)
    }

    /// A date option.
    pub fn date(&self, name: &str) -> Result<Option<PartialDate>, UserError> {
        self.text(name)
            .map(|v| {
                parse_user_date(v).ok_or_else(|| {
                    UserError::option(name, format!("`{v}` is not a date; write 2015, 2015-09, 2015-09-26 or 26 September 2015"))
                })
            })
            .transpose()
    }

    /// A number option.
    pub fn number(&self, name: &str) -> Result<Option<f64>, UserError> {
        self.text(name)
            .map(|v| {
                parse_user_number(v).ok_or_else(|| {
                    UserError::option(
                        name,
                        format!("`{v}` is not a number; write 854000000, 854 million, 3bn or 45%"),
                    )
                })
            })
            .transpose()
    }
}

/// Dates as users type them: ISO (full or partial), "26 September 2015", "Sept 2015".
pub fn parse_user_date(text: &str) -> Option<PartialDate> {
    let text = text.trim();
    if let Some(d) = PartialDate::parse_iso(text) {
        return Some(d);
    }
    if let Some(found) = find_dates(text).first()
        && found.end - found.start + 2 >= text.len()
    {
        return Some(found.date);
    }
    // "September 2015" without a day is read by find_dates; "2015 September" is not worth guessing.
    let mut words = text.split_whitespace();
    let (m, y) = (words.next()?, words.next()?);
    if words.next().is_some() {
        return None;
    }
    PartialDate::checked(y.parse().ok()?, Some(month_number(m)?), None)
}

/// Numbers as users type them: digits, scale words, "3bn", "45%".
pub fn parse_user_number(text: &str) -> Option<f64> {
    let t = text.trim().trim_end_matches('%').trim();
    t.replace([',', '_'], "")
        .parse::<f64>()
        .ok()
        .or_else(|| parse_number(t))
        .filter(|v| v.is_finite())
}

/// Edit distance between two short strings, for "did you mean" suggestions.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != cb))
                .min(row[j] + 1)
                .min(row[j + 1] + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

/// Resolves what a user typed to one of `names`: an exact match (any case), else the one name
/// containing it as a word or prefix (a single person before a joint "A and B"); otherwise
/// refuses with the closest names.
pub fn resolve_name<'a>(
    option: &str,
    typed: &str,
    names: impl Iterator<Item = &'a str> + Clone,
    what: &str,
    list_command: &str,
) -> Result<&'a str, UserError> {
    // `speaker:"Jane Roe"`: quotation marks group the words of a name; they are not part of it.
    let lower = typed
        .trim()
        .trim_matches(|c| matches!(c, '"' | '“' | '”'))
        .trim()
        .to_lowercase();
    if let Some(exact) = names.clone().find(|n| n.to_lowercase() == lower) {
        return Ok(exact);
    }
    let partial: Vec<&str> = names
        .clone()
        .filter(|n| {
            let n = n.to_lowercase();
            n.starts_with(&lower)
                || n.split_whitespace()
                    .any(|w| w == lower || w.starts_with(&lower) && lower.len() >= 3)
        })
        .collect();
    if partial.len() == 1 {
        return Ok(partial[0]);
    }
    // "Xi" names Xi Jinping, not also "President Xi and President Obama": a joint speaker is
    // only chosen when it is the one match.
    let single: Vec<&str> = partial
        .iter()
        .copied()
        .filter(|n| !n.contains(" and ") && !n.contains(" & "))
        .collect();
    if single.len() == 1 {
        return Ok(single[0]);
    }
    if partial.len() > 1 {
        return Err(UserError::option(
            option,
            format!(
                "`{typed}` matches several {what}s: {}; pick one",
                partial
                    .iter()
                    .take(5)
                    .copied()
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        ));
    }
    let closest = closest(&lower, names, 3);
    let hint = if closest.is_empty() {
        String::new()
    } else {
        format!(" Closest: {}.", closest.join(", "))
    };
    Err(UserError::option(
        option,
        format!("no {what} called `{typed}`.{hint} {list_command} lists them all."),
    ))
}

/// Up to `n` names nearest to `typed`, nearest first.
pub fn closest<'a>(typed: &str, names: impl Iterator<Item = &'a str>, n: usize) -> Vec<&'a str> {
    let mut scored: Vec<(usize, &str)> = names
        .map(|name| {
            let lower = name.to_lowercase();
            let whole = edit_distance(typed, &lower);
            let best_word = lower
                .split_whitespace()
                .map(|w| edit_distance(typed, w))
                .min()
                .unwrap_or(whole);
            (whole.min(best_word), name)
        })
        .filter(|(d, _)| *d <= (typed.chars().count() / 2).max(2))
        .collect();
    scored.sort();
    scored.into_iter().take(n).map(|(_, name)| name).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::spec::command;

    fn args(cmd: &str, given: &[(&str, &str)]) -> Result<Args, UserError> {
        let given: Vec<(String, String)> = given
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Args::new(command(cmd).unwrap(), &given)
    }

    #[test]
    fn unknown_option_lists_the_known_ones() {
        let err = args("quote", &[("topc", "x")]).unwrap_err();
        assert_eq!(
            err.to_string(),
            "topc: /quote has no option `topc`; it takes topic, speaker, source, from, to"
        );
    }

    #[test]
    fn bad_values_name_the_option() {
        let a = args("quote", &[("from", "yesterday")]).unwrap();
        assert_eq!(
            a.date("from").unwrap_err().to_string(),
            "from: `yesterday` is not a date; write 2015, 2015-09, 2015-09-26 or 26 September 2015"
        );
        let err = args("claim", &[("sort", "newest")]).unwrap_err();
        assert_eq!(
            err.to_string(),
            "sort: `newest` is not one of relevance, date, value"
        );
        let err = args("source", &[]).unwrap_err();
        assert_eq!(err.option.as_deref(), Some("text"));
        let long = "x".repeat(201);
        assert!(
            args("quote", &[("topic", &long)])
                .unwrap_err()
                .message
                .contains("at most 200")
        );
    }

    #[test]
    fn dates_and_numbers_as_users_write_them() {
        assert_eq!(
            parse_user_date("26 September 2015").unwrap().to_string(),
            "2015-09-26"
        );
        assert_eq!(parse_user_date("Sept 2015").unwrap().to_string(), "2015-09");
        assert_eq!(parse_user_date("2019-10").unwrap().to_string(), "2019-10");
        assert_eq!(parse_user_date("2019-13"), None);
        assert_eq!(parse_user_number("854 million"), Some(854e6));
        assert_eq!(parse_user_number("1,000"), Some(1000.0));
        assert_eq!(parse_user_number("45%"), Some(45.0));
        assert_eq!(parse_user_number("lots"), None);
    }

    #[test]
    fn a_person_is_chosen_before_a_joint_speaker() {
        let names = ["President Xi and President Obama", "Xi Jinping", "Jim Xiao"];
        let pick = |typed| {
            resolve_name(
                "speaker",
                typed,
                names.iter().copied(),
                "speaker",
                "/speakers",
            )
        };
        assert_eq!(pick("Xi"), Ok("Xi Jinping"));
        assert_eq!(pick("Obama"), Ok("President Xi and President Obama"));
        // Quotation marks only group the words of a name.
        assert_eq!(pick("\"Xi Jinping\""), Ok("Xi Jinping"));
        assert_eq!(pick("“Jim Xiao”"), Ok("Jim Xiao"));
        let names = ["Xi Jinping", "Xi Mingze"];
        assert!(
            resolve_name(
                "speaker",
                "Xi",
                names.iter().copied(),
                "speaker",
                "/speakers"
            )
            .is_err()
        );
    }

    #[test]
    fn names_resolve_or_suggest() {
        let names = ["Xi Jinping", "Yu Wenwen", "Cao Shumin"];
        assert_eq!(
            resolve_name(
                "speaker",
                "xi",
                names.iter().copied(),
                "speaker",
                "/speakers"
            ),
            Ok("Xi Jinping")
        );
        let err = resolve_name(
            "speaker",
            "Cao Shumn",
            names.iter().copied(),
            "speaker",
            "/speakers",
        )
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "speaker: no speaker called `Cao Shumn`. Closest: Cao Shumin. /speakers lists them all."
        );
    }
}
