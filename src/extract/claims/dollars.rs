//! Which dollar a bare "$" means in an article: the US dollar unless the article is at home
//! in another dollar's country. Owns the counting of the places and words that say so; the
//! words are in `tables::DOLLAR_HOMES`.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use super::tables::{DOLLAR_HOMES, US_DOLLAR_HOME};

/// Every word of `DOLLAR_HOMES` and `US_DOLLAR_HOME`, each with its dollar's code.
static HOME_WORDS: LazyLock<(Regex, HashMap<&'static str, &'static str>)> = LazyLock::new(|| {
    let mut code_of = HashMap::new();
    for (code, words) in DOLLAR_HOMES {
        for w in *words {
            code_of.insert(*w, *code);
        }
    }
    for w in US_DOLLAR_HOME {
        code_of.insert(*w, "USD");
    }
    let mut words: Vec<&str> = code_of.keys().copied().collect();
    // Longest first, so "New Zealand" is not read as a shorter word.
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    // A word that ends in a full stop ("U.S.") has no word boundary after it when a space
    // follows, so only words ending in a letter are closed by one.
    let alternation = words
        .iter()
        .map(|w| {
            let closed = w.ends_with(|c: char| c.is_alphanumeric());
            format!(
                "{}{}",
                regex::escape(w),
                if closed { r"(?-u:\b)" } else { "" }
            )
        })
        .collect::<Vec<_>>()
        .join("|");
    let re = Regex::new(&format!(r"(?-u:\b)(?:{alternation})")).expect("HOME_WORDS compiles");
    (re, code_of)
});

/// The dollar a bare "$" means in an article of `texts`, when it is not the US dollar: the
/// one country whose places and words the article names at least twice, and more than twice
/// as often as the United States'.
pub fn home_dollar<'a>(texts: impl IntoIterator<Item = &'a str>) -> Option<&'static str> {
    let (re, code_of) = &*HOME_WORDS;
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for text in texts {
        for m in re.find_iter(text) {
            if let Some(code) = code_of.get(m.as_str()) {
                *counts.entry(code).or_default() += 1;
            }
        }
    }
    let us = counts.remove("USD").unwrap_or(0);
    let mut others = counts.into_iter().filter(|&(_, n)| n >= 2 && n > 2 * us);
    let (code, _) = others.next()?;
    // Two other countries both at home: no one dollar to choose.
    others.next().is_none().then_some(code)
}

#[cfg(test)]
mod tests {
    use super::home_dollar;

    #[test]
    fn an_article_at_home_in_australia_means_the_australian_dollar() {
        let text = "Rents in Sydney rose again. Melbourne tenants pay $560 a week.";
        assert_eq!(home_dollar([text]), Some("AUD"));
    }

    #[test]
    fn a_us_story_naming_canada_once_keeps_the_us_dollar() {
        let text = "Smoke from Canada reached New York, and Washington pledged $5m to Americans.";
        assert_eq!(home_dollar([text]), None);
    }

    #[test]
    fn us_written_with_full_stops_counts_for_the_us_dollar() {
        // Sydney twice would make it Australian; "U.S." three times keeps the US dollar.
        let text = "U.S. and Sydney investors met in Sydney. U.S. funds led; the U.S. Treasury \
                    watched.";
        assert_eq!(home_dollar([text]), None);
        assert_eq!(
            home_dollar(["Sydney investors met in Sydney."]),
            Some("AUD")
        );
    }

    #[test]
    fn two_other_countries_leave_the_dollar_unread() {
        let text = "Sydney, Melbourne, Toronto and Ottawa all cut rates.";
        assert_eq!(home_dollar([text]), None);
    }
}
