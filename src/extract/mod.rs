//! The extractors: quotations with their speakers, and numeric claims. `extract_corpus` runs both
//! over articles and makes speaker names canonical across the corpus ("Xi" in one article and
//! "Xi Jinping" in another are one speaker).

pub mod claims;
pub mod quotes;

use crate::corpus::{Article, Paragraph, ParagraphKind};
use crate::text::names::{NameRegistry, is_group, looks_like_person};
use crate::text::sentences::split_sentences;
use claims::homes::{
    at_home_with_letter_sign, home_dollar, home_rupee, home_shilling, letter_sign,
};
use claims::{ClaimMatch, Qualifier, extract_claims_in_sentence};
use quotes::{Quote, Span, extract_quotes};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::HashMap;

/// A numeric claim as it appears in an article.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct Claim {
    pub id: String,
    pub article: String,
    pub value: f64,
    pub value_max: Option<f64>,
    pub unit: Option<String>,
    pub currency: Option<String>,
    pub qualifier: Qualifier,
    pub what: Option<String>,
    /// The number as written, with its unit.
    pub text: String,
    pub sentence: String,
    pub as_of: Option<String>,
    /// The id of the claim this one converts ("100 billion yuan ($14.13 billion)").
    pub conversion_of: Option<String>,
    pub span: Span,
}

impl Claim {
    /// The kind of unit, for filtering: "percent", "money", "year", "count" (no unit) or "other".
    pub fn unit_kind(&self) -> &'static str {
        match (self.currency.as_deref(), self.unit.as_deref()) {
            (Some(_), _) => "money",
            (None, Some("%")) => "percent",
            (None, Some("year")) => "year",
            (None, None) => "count",
            (None, Some(_)) => "other",
        }
    }
}

/// Every numeric claim in an article's prose and its headline, sentence by sentence. Other
/// headings (kickers, section heads, name lines) claim nothing.
pub fn extract_claims(article: &Article) -> Vec<Claim> {
    let mut out: Vec<Claim> = Vec::new();
    let is_title = |p: &Paragraph| Some(p.text.as_str()) == article.title.as_deref();
    // The article's text for the signs whose money depends on where it is at home ("$",
    // "Rs", "Sh", "R"). A headline read from the text is its first paragraph too: its places
    // count once.
    let texts = || {
        let title_apart = article
            .title
            .as_deref()
            .filter(|t| !article.paragraphs.iter().any(|p| p.text == *t));
        title_apart
            .into_iter()
            .chain(article.paragraphs.iter().map(|p| p.text.as_str()))
    };
    // Whether the story is at home where each letter sign met so far is money, by its code.
    let mut letter_homes: Vec<(&str, bool)> = Vec::new();
    for para in article
        .paragraphs
        .iter()
        .filter(|p| p.kind == ParagraphKind::Prose || is_title(p))
    {
        for range in split_sentences(&para.text) {
            let sentence = &para.text[range.clone()];
            let first = out.len();
            let mut found = extract_claims_in_sentence(sentence);
            let mut away: Vec<&str> = Vec::new();
            for m in &found {
                let Some(code) = letter_sign(&sentence[m.start..m.end], m.currency.as_deref())
                else {
                    continue;
                };
                let home = match letter_homes.iter().find(|(c, _)| *c == code) {
                    Some(&(_, home)) => home,
                    None => {
                        let home = at_home_with_letter_sign(code, texts());
                        letter_homes.push((code, home));
                        home
                    }
                };
                if !home {
                    away.push(code);
                }
            }
            if !away.is_empty() {
                drop_letter_signs(sentence, &mut found, &away);
            }
            for m in found {
                out.push(claim_record(
                    article,
                    para,
                    range.start,
                    sentence,
                    &m,
                    first,
                    out.len(),
                ));
            }
        }
    }
    localise_dollars(&mut out, || home_dollar(texts()));
    localise_shared(&mut out, "INR", shared_rupee, || home_rupee(texts()));
    localise_shared(&mut out, "KES", shared_shilling, || home_shilling(texts()));
    out
}

/// Drops the claims read from a letter sign whose code is `away` ("R21" in a story not at home
/// in South Africa, "N95" in one not at home in Nigeria), keeping the conversions of the others
/// pointing at their claims.
fn drop_letter_signs(sentence: &str, found: &mut Vec<ClaimMatch>, away: &[&str]) {
    let dropped: Vec<bool> = found
        .iter()
        .map(|m| {
            letter_sign(&sentence[m.start..m.end], m.currency.as_deref())
                .is_some_and(|code| away.contains(&code))
        })
        .collect();
    let new_index = |i: usize| (!dropped[i]).then(|| dropped[..i].iter().filter(|d| !**d).count());
    let mut kept = Vec::with_capacity(found.len());
    for (m, &drop) in found.drain(..).zip(&dropped) {
        if !drop {
            kept.push(m);
        }
    }
    for m in &mut kept {
        m.conversion_of = m.conversion_of.and_then(new_index);
    }
    *found = kept;
}

/// "Rs1,100 in Karachi", "Sh3,000 in Arusha": in a story at home in another country that
/// writes its money so (`home`), the amounts written with the shared sign or word (`shared`,
/// given the claim's text in lower case) and read as `default` are that country's. "₹" and
/// "Indian rupees", "KSh" and "Kenyan shillings" stay where they are.
fn localise_shared(
    claims: &mut [Claim],
    default: &str,
    shared: impl Fn(&str) -> bool,
    home: impl FnOnce() -> Option<&'static str>,
) {
    let local =
        |c: &Claim| c.currency.as_deref() == Some(default) && shared(&c.text.to_lowercase());
    if !claims.iter().any(local) {
        return;
    }
    let Some(code) = home() else {
        return;
    };
    for c in claims.iter_mut() {
        if local(c) {
            c.currency = Some(code.to_string());
        }
    }
}

/// Rupees written "Rs" or "rupees", not "₹" or "Indian rupees".
fn shared_rupee(text: &str) -> bool {
    (text.starts_with("rs") || text.ends_with("rupees") || text.ends_with("rupee"))
        && !text.contains("indian")
}

/// Shillings written "Sh" or "shillings", not "KSh" or "Kenyan shillings".
fn shared_shilling(text: &str) -> bool {
    (text.starts_with("sh") || text.ends_with("shillings") || text.ends_with("shilling"))
        && !text.contains("kenyan")
}

/// "A$480 a week ... $560 a week": where an article marks one dollar other than the US one
/// ("A$", "C$", "NZ$", "HK$"), or is at home in that dollar's country (`home`), a bare "$" is
/// that dollar, as Australian and Canadian writers use it. A bare "$" converting another
/// amount ("100 billion yuan ($14 billion)") stays the US dollar, as wires write conversions.
fn localise_dollars(claims: &mut [Claim], home: impl FnOnce() -> Option<&'static str>) {
    if !claims
        .iter()
        .any(|c| c.currency.as_deref() == Some("USD") && c.text.starts_with('$'))
    {
        return;
    }
    let mut local: Option<String> = None;
    for c in claims.iter() {
        let Some(code) = c.currency.as_deref() else {
            continue;
        };
        if code != "USD" && c.text.contains('$') && !c.text.starts_with('$') {
            match local.as_deref() {
                None => local = Some(code.to_string()),
                Some(seen) if seen == code => {}
                // Two dollars marked: which one a bare "$" means is not for us to guess.
                Some(_) => return,
            }
        }
    }
    let Some(local) = local.or_else(|| home().map(str::to_string)) else {
        return;
    };
    for c in claims.iter_mut() {
        if c.currency.as_deref() == Some("USD")
            && c.text.starts_with('$')
            && c.conversion_of.is_none()
        {
            c.currency = Some(local.clone());
        }
    }
}

fn claim_record(
    article: &Article,
    para: &Paragraph,
    offset: usize,
    sentence: &str,
    m: &ClaimMatch,
    first: usize,
    n: usize,
) -> Claim {
    let (start, end) = para.original_range(offset + m.start, offset + m.end);
    Claim {
        id: format!("{}#c{}", article.id, n + 1),
        article: article.id.clone(),
        value: m.value,
        value_max: m.value_max,
        unit: m.unit.clone(),
        currency: m.currency.clone(),
        qualifier: m.qualifier,
        what: m.what.clone(),
        text: sentence[m.start..m.end].to_string(),
        sentence: claim_sentence(sentence, m.start, m.end),
        as_of: m.as_of.clone(),
        conversion_of: m
            .conversion_of
            .map(|i| format!("{}#c{}", article.id, first + i + 1)),
        span: Span { start, end },
    }
}

/// The most of its sentence a claim keeps. Longer "sentences" are run-on text without full stops;
/// copying all of one into every claim it holds made extraction quadratic in its length, in time
/// and in memory.
const MAX_CLAIM_SENTENCE_BYTES: usize = 1000;

/// The sentence of the claim at `start..end`, whitespace normalised; of an overlong sentence, the
/// claim and the whole words around it, [`MAX_CLAIM_SENTENCE_BYTES`] in all.
fn claim_sentence(sentence: &str, start: usize, end: usize) -> String {
    let mut context = sentence;
    if sentence.len() > MAX_CLAIM_SENTENCE_BYTES {
        let half = MAX_CLAIM_SENTENCE_BYTES.saturating_sub(end - start) / 2;
        let mut from = start.saturating_sub(half);
        while !sentence.is_char_boundary(from) {
            from -= 1;
        }
        let mut to = (end + half).min(sentence.len());
        while !sentence.is_char_boundary(to) {
            to += 1;
        }
        context = &sentence[from..to];
        // A word cut by the window is dropped.
        if from > 0 {
            context = context
                .split_once(char::is_whitespace)
                .map_or("", |(_, r)| r);
        }
        if to < sentence.len() {
            context = context
                .rsplit_once(char::is_whitespace)
                .map_or("", |(l, _)| l);
        }
    }
    context.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Everything extracted from a set of articles.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Extraction {
    pub quotes: Vec<Quote>,
    pub claims: Vec<Claim>,
}

/// What one article yields on its own, before speakers are made canonical across the corpus:
/// it depends on that article's text alone, so it can be kept and reused while the file is
/// unchanged.
#[derive(Debug, Clone, Default, Serialize, serde::Deserialize)]
pub struct ArticleExtraction {
    pub quotes: Vec<Quote>,
    pub claims: Vec<Claim>,
}

/// Extracts one article's quotes (speakers as that article names them) and claims.
pub fn extract_article(article: &Article) -> ArticleExtraction {
    ArticleExtraction {
        quotes: extract_quotes(article),
        claims: extract_claims(article),
    }
}

/// Joins per-article extractions (in article order), making speakers canonical across them.
pub fn combine(per_article: Vec<ArticleExtraction>) -> Extraction {
    let (mut quotes, claims): (Vec<Vec<Quote>>, Vec<Vec<Claim>>) = per_article
        .into_iter()
        .map(|x| (x.quotes, x.claims))
        .unzip();
    canonicalise_speakers(&mut quotes);
    Extraction {
        quotes: quotes.into_iter().flatten().collect(),
        claims: claims.into_iter().flatten().collect(),
    }
}

/// Extracts quotes and claims from every article, speakers canonical across all of them.
pub fn extract_corpus(articles: &[Article]) -> Extraction {
    // Articles are independent until speakers are made canonical: extract on every core.
    combine(articles.par_iter().map(extract_article).collect())
}

/// Maps short names to the full name they stand for, first within the article, then across the
/// corpus, and gives every quote of a person the role the article knows for them.
fn canonicalise_speakers(per_article: &mut [Vec<Quote>]) {
    let registry_of = |quotes: &[Quote]| {
        let mut reg = NameRegistry::default();
        for name in quotes.iter().filter_map(|q| q.speaker.as_deref()) {
            if looks_like_person(name) && !is_group(name) {
                reg.add(name);
            }
        }
        reg
    };
    let mut corpus = NameRegistry::default();
    for quotes in per_article.iter() {
        for name in quotes.iter().filter_map(|q| q.speaker.as_deref()) {
            if looks_like_person(name) && !is_group(name) {
                corpus.add(name);
            }
        }
    }
    // Each article now only reads the corpus registry: resolve them on every core.
    per_article.par_iter_mut().for_each(|quotes| {
        let local = registry_of(quotes);
        let mut roles: HashMap<String, String> = HashMap::new();
        for q in quotes.iter_mut() {
            // A short name the article's own speakers would resolve was left short by the
            // extractor for a reason (the two are of different sexes): only a name no speaker
            // of the article resolves is looked up in the corpus.
            if let Some(name) = &q.speaker
                && looks_like_person(name)
                && local.canonical(name).is_none()
                && let Some(full) = corpus.canonical(name)
            {
                q.speaker = Some(full);
            }
            if let (Some(name), Some(role)) = (&q.speaker, &q.speaker_title) {
                // The longest role an article gives a person is the most informative.
                let entry = roles.entry(name.clone()).or_default();
                if role.len() > entry.len() {
                    *entry = role.clone();
                }
            }
        }
        for q in quotes.iter_mut() {
            if q.speaker_title.is_none()
                && let Some(role) = q.speaker.as_ref().and_then(|n| roles.get(n))
            {
                q.speaker_title = Some(role.clone());
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::extract_claims;
    use crate::corpus::parse_article;

    fn currencies(text: &str) -> Vec<(String, Option<String>)> {
        let article = parse_article("story.txt", text).expect("an article");
        extract_claims(&article)
            .into_iter()
            .map(|c| (c.text, c.currency))
            .collect()
    }

    #[test]
    fn the_headline_claims_too_but_other_headings_do_not() {
        let got = currencies(
            "Shares jump 9 pct as Carrow beats estimates\n\nUP NEXT: 3 more stories\n\nCarrow said profit rose to $1.2 billion.\n",
        );
        let texts: Vec<&str> = got.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(texts, ["9 pct", "$1.2 billion"]);
    }

    #[test]
    fn a_bare_dollar_in_an_australian_story_is_the_australian_dollar() {
        let got = currencies(
            "Rents climb again\n\nTenants in Sydney now pay $560 a week, and Melbourne rents rose to $520 a week.\n",
        );
        assert!(
            got.iter().all(|(_, c)| c.as_deref() == Some("AUD")),
            "{got:?}"
        );
    }

    #[test]
    fn a_headline_naming_a_place_once_does_not_make_it_home() {
        // The headline is also the first paragraph; counted twice, Sydney would reach two.
        let got = currencies("Sydney fund buys in\n\nThe fund paid $5 million for the site.\n");
        assert_eq!(got, [("$5 million".to_string(), Some("USD".to_string()))]);
    }

    #[test]
    fn a_dollar_marked_once_is_the_bare_dollar_elsewhere() {
        let got = currencies(
            "Fund grows\n\nThe fund paid C$2 million for the site. It later added $5 million.\n",
        );
        assert_eq!(
            got,
            [
                ("C$2 million".to_string(), Some("CAD".to_string())),
                ("$5 million".to_string(), Some("CAD".to_string())),
            ]
        );
    }

    #[test]
    fn a_bare_dollar_in_a_us_story_or_a_conversion_stays_the_us_dollar() {
        let got = currencies(
            "Deal done\n\nThe company paid $5 million in New York. It bought 100 billion yuan ($14 billion) of bonds.\n",
        );
        assert!(
            got.iter()
                .filter(|(t, _)| t.contains('$'))
                .all(|(_, c)| c.as_deref() == Some("USD")),
            "{got:?}"
        );
    }

    #[test]
    fn rupees_in_a_pakistani_story_are_pakistan_s() {
        let got = currencies(
            "Flour prices

A 20kg bag costs Rs1,100 in Karachi, and Lahore mills paid 150 billion rupees; importers pay ₹900.
",
        );
        let code = |text: &str| got.iter().find(|(t, _)| t == text).map(|(_, c)| c.clone());
        assert_eq!(code("Rs1,100"), Some(Some("PKR".into())), "{got:?}");
        assert_eq!(
            code("150 billion rupees"),
            Some(Some("PKR".into())),
            "{got:?}"
        );
        assert_eq!(code("₹900"), Some(Some("INR".into())), "{got:?}");
    }

    #[test]
    fn r_before_an_amount_is_the_rand_only_in_a_south_african_story() {
        let got = currencies(
            "Eskom tariffs

Eskom wants R57bn, and Johannesburg residents pay R2.10 a unit, R1bn ($60m) in all.
",
        );
        let texts: Vec<(&str, Option<&str>)> = got
            .iter()
            .map(|(t, c)| (t.as_str(), c.as_deref()))
            .collect();
        assert_eq!(
            texts,
            [
                ("R57bn", Some("ZAR")),
                ("R2.10", Some("ZAR")),
                ("R1bn", Some("ZAR")),
                ("$60m", Some("USD"))
            ]
        );
        let abroad = parse_article(
            "story.txt",
            "Roads

The R21 was closed after a R1bn ($60m) repair in Ohio.
",
        )
        .expect("an article");
        let claims = extract_claims(&abroad);
        let texts: Vec<&str> = claims.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(texts, ["$60m"]);
        assert_eq!(claims[0].conversion_of, None);
    }

    #[test]
    fn n_before_an_amount_is_the_naira_only_in_a_nigerian_story() {
        let got = currencies(
            "Naira weakens\n\nIn Lagos the naira fell to N380, and Nigeria's bill rose to N1.5trn.\n",
        );
        let texts: Vec<(&str, Option<&str>)> = got
            .iter()
            .map(|(t, c)| (t.as_str(), c.as_deref()))
            .collect();
        assert_eq!(texts, [("N380", Some("NGN")), ("N1.5trn", Some("NGN"))]);
        // Away from Nigeria "N95" is a mask, and one Pretoria does not make the rand at home.
        let got = currencies(
            "Masks\n\nOhio hospitals ordered N95 masks for 300 nurses at R2 each in Pretoria.\n",
        );
        let texts: Vec<&str> = got.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(texts, ["300"], "{got:?}");
    }

    #[test]
    fn shillings_in_a_tanzanian_story_are_tanzania_s() {
        let got = currencies(
            "Maize prices\n\nIn Arusha and Dar es Salaam maize costs Sh3,000, and imports KSh500.\n",
        );
        let code = |text: &str| got.iter().find(|(t, _)| t == text).map(|(_, c)| c.clone());
        assert_eq!(code("Sh3,000"), Some(Some("TZS".into())), "{got:?}");
        assert_eq!(code("KSh500"), Some(Some("KES".into())), "{got:?}");
    }
}
