//! Which country's money a sign several countries share means in an article, by the places
//! and words the article names: a bare "$" is the US dollar unless the article is at home in
//! another dollar's country; "Rs" and "rupees" are India's unless it is at home in Pakistan,
//! Sri Lanka or Nepal; "Sh" and "shillings" are Kenya's unless it is at home in Tanzania or
//! Uganda; "R" or "N" glued before an amount is the rand or the naira only in a South African
//! or a Nigerian story. Owns the counting; the words are in `tables::DOLLAR_HOMES`,
//! `tables::RUPEE_HOMES`, `tables::SHILLING_HOMES` and `tables::LETTER_SIGNS`.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use super::tables::{
    DOLLAR_HOMES, INDIAN_RUPEE_HOME, KENYAN_SHILLING_HOME, LETTER_SIGNS, RUPEE_HOMES,
    SHILLING_HOMES, US_DOLLAR_HOME,
};

/// The words of one shared sign's homes, each with its currency's code, in one pattern.
struct HomeWords {
    re: Regex,
    code_of: HashMap<&'static str, &'static str>,
    /// The code the sign means by default, whose words weigh against the others'.
    default: &'static str,
}

impl HomeWords {
    fn new(
        default: &'static str,
        default_words: &[&'static str],
        homes: &[(&'static str, &'static [&'static str])],
    ) -> Self {
        let mut code_of = HashMap::new();
        for (code, words) in homes {
            for w in *words {
                code_of.insert(*w, *code);
            }
        }
        for w in default_words {
            code_of.insert(*w, default);
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
        let re = Regex::new(&format!(r"(?-u:\b)(?:{alternation})")).expect("home words compile");
        HomeWords {
            re,
            code_of,
            default,
        }
    }

    /// The home the article of `texts` is at, when it is not the default: the one country
    /// whose places and words it names at least twice, and more than twice as often as the
    /// default's.
    fn home<'a>(&self, texts: impl IntoIterator<Item = &'a str>) -> Option<&'static str> {
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for text in texts {
            for m in self.re.find_iter(text) {
                if let Some(code) = self.code_of.get(m.as_str()) {
                    *counts.entry(code).or_default() += 1;
                }
            }
        }
        let default = counts.remove(self.default).unwrap_or(0);
        let mut others = counts
            .into_iter()
            .filter(|&(_, n)| n >= 2 && n > 2 * default);
        let (code, _) = others.next()?;
        // Two other countries both at home: no one currency to choose.
        others.next().is_none().then_some(code)
    }
}

static DOLLAR_WORDS: LazyLock<HomeWords> =
    LazyLock::new(|| HomeWords::new("USD", US_DOLLAR_HOME, DOLLAR_HOMES));
static RUPEE_WORDS: LazyLock<HomeWords> =
    LazyLock::new(|| HomeWords::new("INR", INDIAN_RUPEE_HOME, RUPEE_HOMES));
static SHILLING_WORDS: LazyLock<HomeWords> =
    LazyLock::new(|| HomeWords::new("KES", KENYAN_SHILLING_HOME, SHILLING_HOMES));
/// A letter sign has no default: "R" or "N" and a number mean money only in a story at home
/// where it is spent. One set of words per sign, by its code.
static LETTER_SIGN_WORDS: LazyLock<Vec<(&str, HomeWords)>> = LazyLock::new(|| {
    LETTER_SIGNS
        .iter()
        .map(|&(_, code, words)| (code, HomeWords::new("", &[], &[(code, words)])))
        .collect()
});

/// The dollar a bare "$" means in an article of `texts`, when it is not the US dollar.
pub fn home_dollar<'a>(texts: impl IntoIterator<Item = &'a str>) -> Option<&'static str> {
    DOLLAR_WORDS.home(texts)
}

/// The rupee "Rs" and "rupees" mean in an article of `texts`, when it is not India's.
pub fn home_rupee<'a>(texts: impl IntoIterator<Item = &'a str>) -> Option<&'static str> {
    RUPEE_WORDS.home(texts)
}

/// The shilling "Sh" and "shillings" mean in an article of `texts`, when it is not Kenya's.
pub fn home_shilling<'a>(texts: impl IntoIterator<Item = &'a str>) -> Option<&'static str> {
    SHILLING_WORDS.home(texts)
}

/// The code of the letter sign a claim written `text` with the currency `code` was read from,
/// "R" or "N" glued to the amount ("R1.2bn", "N380"); none for any other claim.
pub fn letter_sign(text: &str, code: Option<&str>) -> Option<&'static str> {
    let &(letter, code, _) = LETTER_SIGNS.iter().find(|(_, c, _)| Some(*c) == code)?;
    text.strip_prefix(letter)
        .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
        .then_some(code)
}

/// Whether an article of `texts` is at home where the letter sign read as `code` is money.
pub fn at_home_with_letter_sign<'a>(code: &str, texts: impl IntoIterator<Item = &'a str>) -> bool {
    LETTER_SIGN_WORDS
        .iter()
        .find(|(c, _)| *c == code)
        .is_some_and(|(_, words)| words.home(texts).is_some())
}

#[cfg(test)]
mod tests {
    use super::{at_home_with_letter_sign, home_dollar, home_rupee, letter_sign};

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

    #[test]
    fn a_pakistani_story_means_pakistan_s_rupee() {
        let text = "Flour costs Rs1,100 in Karachi. Lahore mills ask Rs1,050.";
        assert_eq!(home_rupee([text]), Some("PKR"));
        assert_eq!(
            home_rupee(["Mumbai and Delhi pay Rs 50; Karachi too."]),
            None
        );
    }

    #[test]
    fn the_rand_needs_a_south_african_story() {
        assert!(at_home_with_letter_sign(
            "ZAR",
            ["Eskom wants R57bn. Johannesburg residents face cuts."]
        ));
        assert!(!at_home_with_letter_sign(
            "ZAR",
            ["The R21 highway was closed near Pretoria."]
        ));
    }

    #[test]
    fn the_naira_needs_a_nigerian_story() {
        assert!(at_home_with_letter_sign(
            "NGN",
            ["The naira fell to N380 in Lagos as Nigeria's reserves shrank."]
        ));
        assert!(!at_home_with_letter_sign(
            "NGN",
            ["Nurses in Ohio were short of N95 masks."]
        ));
        assert_eq!(letter_sign("N380", Some("NGN")), Some("NGN"));
        assert_eq!(letter_sign("₦380", Some("NGN")), None);
        assert_eq!(letter_sign("R21", Some("ZAR")), Some("ZAR"));
    }
}
