//! Numeric claims in one sentence: the number as written with its unit or currency, what it
//! counts, how it is hedged ("over", "nearly", "rose by"), the time it is pinned to, and
//! conversions ("100 billion yuan ($14.13 billion)").
//!
//! Numbers are read by `text::numbers`; this module decides which are claims. Years, dates,
//! times of day, ordinals, phone, section, model and version numbers are rejected on purpose.
//! It works on a sentence only: splitting articles into sentences belongs elsewhere.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use crate::text::numbers::{Form, NumberSpan, Token, TokenKind, lower, parse_at, tokenize};

/// How a claim is hedged or framed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    Exact,
    Approximate,
    MoreThan,
    LessThan,
    Increase,
    Decrease,
}

/// One numeric claim found in a sentence.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ClaimMatch {
    /// Byte offset of the number as written, currency sign included ("$ 500 billion").
    pub start: usize,
    /// Exclusive byte offset, unit or currency word included ("100 billion yuan").
    pub end: usize,
    /// The value with its scale applied; percentages stay in percent (45% -> 45.0).
    pub value: f64,
    /// The upper end of a range ("between 5 and 10").
    pub value_max: Option<f64>,
    /// "%" or a singular unit noun ("year", "km", "tonne"); `None` for plain counts and money.
    pub unit: Option<String>,
    /// ISO 4217 code for money.
    pub currency: Option<String>,
    pub qualifier: Qualifier,
    /// What is counted: the noun phrase after the number.
    pub what: Option<String>,
    /// The time the sentence pins the claim to, as written ("by the end of June").
    pub as_of: Option<String>,
    /// Index of the claim this one converts ("100 billion yuan ($14.13 billion)").
    pub conversion_of: Option<usize>,
}

/// Currency signs written before or after the amount.
const CURRENCY_SYMBOLS: &[(&str, &str)] = &[
    ("$", "USD"),
    ("€", "EUR"),
    ("£", "GBP"),
    ("¥", "JPY"),
    ("₹", "INR"),
    ("₩", "KRW"),
    ("₽", "RUB"),
    ("₺", "TRY"),
    ("₦", "NGN"),
    ("₱", "PHP"),
    ("₫", "VND"),
    ("₪", "ILS"),
    ("₿", "BTC"),
    ("元", "CNY"),
];

/// Letters written against "$" that say which dollar (lower-case).
const DOLLAR_PREFIXES: &[(&str, &str)] = &[
    ("us", "USD"),
    ("u.s.", "USD"),
    ("usd", "USD"),
    ("c", "CAD"),
    ("ca", "CAD"),
    ("cad", "CAD"),
    ("a", "AUD"),
    ("au", "AUD"),
    ("aud", "AUD"),
    ("nz", "NZD"),
    ("nzd", "NZD"),
    ("hk", "HKD"),
    ("s", "SGD"),
    ("nt", "TWD"),
    ("r", "BRL"),
    ("mex", "MXN"),
    ("mxn", "MXN"),
];

/// Currency codes and words written before the amount ("USD 200", "RMB 5 billion").
const CURRENCY_CODES: &[&str] = &[
    "USD", "EUR", "GBP", "CNY", "JPY", "CHF", "CAD", "AUD", "HKD", "INR", "RUB", "KRW", "BRL",
    "MXN", "SGD", "NZD", "SEK", "NOK", "DKK", "ZAR", "TRY", "TWD",
];

/// Currency words and codes written after the amount, lower-case, longest first where they
/// overlap. The flag marks words that are money only with a scale word ("361 million pounds";
/// "10 pounds" is a weight).
const CURRENCY_WORDS: &[(&str, &str, bool)] = &[
    ("us dollars", "USD", false),
    ("us dollar", "USD", false),
    ("u.s. dollars", "USD", false),
    ("american dollars", "USD", false),
    ("canadian dollars", "CAD", false),
    ("australian dollars", "AUD", false),
    ("hong kong dollars", "HKD", false),
    ("singapore dollars", "SGD", false),
    ("new zealand dollars", "NZD", false),
    ("taiwan dollars", "TWD", false),
    ("dollars", "USD", false),
    ("dollar", "USD", false),
    ("chinese yuan", "CNY", false),
    ("yuan", "CNY", false),
    ("renminbi", "CNY", false),
    ("rmb", "CNY", false),
    ("euros", "EUR", false),
    ("euro", "EUR", false),
    ("pounds sterling", "GBP", false),
    ("sterling", "GBP", false),
    ("british pounds", "GBP", false),
    ("pounds", "GBP", true),
    ("yen", "JPY", false),
    ("rupees", "INR", false),
    ("rupee", "INR", false),
    ("roubles", "RUB", false),
    ("rubles", "RUB", false),
    ("won", "KRW", true),
    ("swiss francs", "CHF", false),
    ("francs", "CHF", false),
    ("pesos", "MXN", false),
    ("turkish lira", "TRY", false),
    ("lira", "TRY", false),
    ("rand", "ZAR", true),
    ("rupiah", "IDR", false),
    ("ringgit", "MYR", false),
    ("baht", "THB", false),
    ("dirhams", "AED", false),
    ("riyals", "SAR", false),
    ("shekels", "ILS", false),
    ("kronor", "SEK", false),
    ("naira", "NGN", false),
    ("zloty", "PLN", false),
    ("元", "CNY", false),
    ("bitcoins", "BTC", false),
    ("bitcoin", "BTC", false),
    ("btc", "BTC", false),
    ("usd", "USD", false),
    ("eur", "EUR", false),
    ("gbp", "GBP", false),
    ("cny", "CNY", false),
    ("jpy", "JPY", false),
    ("chf", "CHF", false),
    ("inr", "INR", false),
    ("cad", "CAD", false),
    ("aud", "AUD", false),
    ("hkd", "HKD", false),
];

/// Units whose abbreviation is case-sensitive ("m" metre but "M" million), as written.
const UNITS_EXACT: &[(&str, &str)] = &[
    ("m", "metre"),
    ("km", "km"),
    ("cm", "cm"),
    ("mm", "mm"),
    ("nm", "nm"),
    ("mi", "mile"),
    ("ft", "foot"),
    ("yd", "yard"),
    ("g", "gram"),
    ("kg", "kg"),
    ("mg", "mg"),
    ("t", "tonne"),
    ("lb", "pound"),
    ("lbs", "pound"),
    ("oz", "ounce"),
    ("L", "litre"),
    ("l", "litre"),
    ("ml", "ml"),
    ("cl", "cl"),
    ("bbl", "barrel"),
    ("km2", "square km"),
    ("km²", "square km"),
    ("m2", "square metre"),
    ("m²", "square metre"),
    ("km^2", "square km"),
    ("m^2", "square metre"),
    ("km^3", "cubic km"),
    ("m^3", "cubic metre"),
    ("km3", "cubic km"),
    ("km³", "cubic km"),
    ("ha", "hectare"),
    ("km/h", "km/h"),
    ("kph", "km/h"),
    ("mph", "mph"),
    ("W", "watt"),
    ("kW", "kW"),
    ("MW", "MW"),
    ("GW", "GW"),
    ("Wh", "Wh"),
    ("kWh", "kWh"),
    ("MWh", "MWh"),
    ("GWh", "GWh"),
    ("TWh", "TWh"),
    ("eV", "eV"),
    ("TeV", "TeV"),
    ("GeV", "GeV"),
    ("KB", "KB"),
    ("MB", "MB"),
    ("GB", "GB"),
    ("TB", "TB"),
    ("PB", "PB"),
    ("Mbps", "Mbps"),
    ("Gbps", "Gbps"),
    ("Hz", "Hz"),
    ("kHz", "kHz"),
    ("MHz", "MHz"),
    ("GHz", "GHz"),
    ("°C", "°C"),
    ("°F", "°F"),
    ("ºC", "°C"),
    ("hrs", "hour"),
    ("hr", "hour"),
    ("yrs", "year"),
    ("mins", "minute"),
    ("bps", "basis point"),
];

/// Unit words, lower-case, singular and plural, possibly several words.
const UNITS_WORDS: &[(&str, &str)] = &[
    ("percentage points", "percentage point"),
    ("percentage point", "percentage point"),
    ("basis points", "basis point"),
    ("basis point", "basis point"),
    ("years", "year"),
    ("year", "year"),
    ("months", "month"),
    ("month", "month"),
    ("weeks", "week"),
    ("week", "week"),
    ("days", "day"),
    ("day", "day"),
    ("hours", "hour"),
    ("hour", "hour"),
    ("minutes", "minute"),
    ("minute", "minute"),
    ("seconds", "second"),
    ("second", "second"),
    ("decades", "decade"),
    ("decade", "decade"),
    ("centuries", "century"),
    ("century", "century"),
    ("square kilometres", "square km"),
    ("square kilometers", "square km"),
    ("square kilometre", "square km"),
    ("square kilometer", "square km"),
    ("sq km", "square km"),
    ("square metres", "square metre"),
    ("square meters", "square metre"),
    ("square metre", "square metre"),
    ("square meter", "square metre"),
    ("square miles", "square mile"),
    ("square mile", "square mile"),
    ("sq mi", "square mile"),
    ("km squared", "square km"),
    ("km cubed", "cubic km"),
    ("cubic kilometres", "cubic km"),
    ("cubic kilometers", "cubic km"),
    ("cubic metres", "cubic metre"),
    ("cubic meters", "cubic metre"),
    ("kilometres per hour", "km/h"),
    ("kilometers per hour", "km/h"),
    ("miles per hour", "mph"),
    ("kilometres", "km"),
    ("kilometers", "km"),
    ("kilometre", "km"),
    ("kilometer", "km"),
    ("metres", "metre"),
    ("meters", "metre"),
    ("metre", "metre"),
    ("meter", "metre"),
    ("centimetres", "cm"),
    ("centimeters", "cm"),
    ("millimetres", "mm"),
    ("millimeters", "mm"),
    ("nanometres", "nm"),
    ("nanometers", "nm"),
    ("nautical miles", "nautical mile"),
    ("miles", "mile"),
    ("mile", "mile"),
    ("feet", "foot"),
    ("foot", "foot"),
    ("inches", "inch"),
    ("inch", "inch"),
    ("yards", "yard"),
    ("kilograms", "kg"),
    ("kilogram", "kg"),
    ("kilos", "kg"),
    ("grams", "gram"),
    ("gram", "gram"),
    ("milligrams", "mg"),
    ("metric tons", "tonne"),
    ("tonnes", "tonne"),
    ("tonne", "tonne"),
    ("tons", "tonne"),
    ("ton", "tonne"),
    ("pounds", "pound"),
    ("ounces", "ounce"),
    ("litres", "litre"),
    ("liters", "litre"),
    ("litre", "litre"),
    ("liter", "litre"),
    ("millilitres", "ml"),
    ("milliliters", "ml"),
    ("gallons", "gallon"),
    ("gallon", "gallon"),
    ("barrels", "barrel"),
    ("barrel", "barrel"),
    ("hectares", "hectare"),
    ("hectare", "hectare"),
    ("acres", "acre"),
    ("acre", "acre"),
    ("knots", "knot"),
    ("watts", "watt"),
    ("kilowatts", "kW"),
    ("megawatts", "MW"),
    ("gigawatts", "GW"),
    ("kilowatt hours", "kWh"),
    ("degrees celsius", "°C"),
    ("degrees fahrenheit", "°F"),
    ("degrees", "degree"),
    ("bytes", "byte"),
    ("gigabytes", "GB"),
    ("terabytes", "TB"),
    ("megabytes", "MB"),
    ("exabytes", "exabyte"),
    ("bits", "bit"),
    ("cents", "cent"),
    ("cent", "cent"),
    ("pence", "penny"),
    ("penny", "penny"),
];

/// Qualifier phrases written just before the number (lower-case). Change verbs without "by"
/// ("rose 5%") count only for percentages and money: "lost 20 games" is not a decrease.
const QUALIFIERS: &[(&str, Qualifier, bool)] = &[
    ("more than", Qualifier::MoreThan, false),
    ("over", Qualifier::MoreThan, false),
    ("well over", Qualifier::MoreThan, false),
    ("just over", Qualifier::MoreThan, false),
    ("at least", Qualifier::MoreThan, false),
    ("above", Qualifier::MoreThan, false),
    ("exceeding", Qualifier::MoreThan, false),
    ("exceeded", Qualifier::MoreThan, false),
    ("exceeds", Qualifier::MoreThan, false),
    ("exceed", Qualifier::MoreThan, false),
    ("surpass", Qualifier::MoreThan, false),
    ("surpassed", Qualifier::MoreThan, false),
    ("topping", Qualifier::MoreThan, false),
    ("in excess of", Qualifier::MoreThan, false),
    ("greater than", Qualifier::MoreThan, false),
    ("larger than", Qualifier::MoreThan, false),
    ("higher than", Qualifier::MoreThan, false),
    ("bigger than", Qualifier::MoreThan, false),
    ("upwards of", Qualifier::MoreThan, false),
    ("no less than", Qualifier::MoreThan, false),
    ("not less than", Qualifier::MoreThan, false),
    ("a minimum of", Qualifier::MoreThan, false),
    ("north of", Qualifier::MoreThan, false),
    (">", Qualifier::MoreThan, false),
    (">=", Qualifier::MoreThan, false),
    ("nearly", Qualifier::Approximate, false),
    ("about", Qualifier::Approximate, false),
    ("around", Qualifier::Approximate, false),
    ("some", Qualifier::Approximate, false),
    ("roughly", Qualifier::Approximate, false),
    ("almost", Qualifier::Approximate, false),
    ("approximately", Qualifier::Approximate, false),
    ("approx.", Qualifier::Approximate, false),
    ("an estimated", Qualifier::Approximate, false),
    ("estimated", Qualifier::Approximate, false),
    ("close to", Qualifier::Approximate, false),
    ("circa", Qualifier::Approximate, false),
    ("nigh on", Qualifier::Approximate, false),
    ("~", Qualifier::Approximate, false),
    ("under", Qualifier::LessThan, false),
    ("just under", Qualifier::LessThan, false),
    ("less than", Qualifier::LessThan, false),
    ("up to", Qualifier::LessThan, false),
    ("fewer than", Qualifier::LessThan, false),
    ("below", Qualifier::LessThan, false),
    ("at most", Qualifier::LessThan, false),
    ("no more than", Qualifier::LessThan, false),
    ("not more than", Qualifier::LessThan, false),
    ("lower than", Qualifier::LessThan, false),
    ("smaller than", Qualifier::LessThan, false),
    ("a maximum of", Qualifier::LessThan, false),
    ("as many as", Qualifier::LessThan, false),
    ("as much as", Qualifier::LessThan, false),
    ("<", Qualifier::LessThan, false),
    ("<=", Qualifier::LessThan, false),
    ("rose by", Qualifier::Increase, false),
    ("rise by", Qualifier::Increase, false),
    ("risen by", Qualifier::Increase, false),
    ("grew by", Qualifier::Increase, false),
    ("grown by", Qualifier::Increase, false),
    ("up by", Qualifier::Increase, false),
    ("increased by", Qualifier::Increase, false),
    ("increase by", Qualifier::Increase, false),
    ("jumped by", Qualifier::Increase, false),
    ("climbed by", Qualifier::Increase, false),
    ("surged by", Qualifier::Increase, false),
    ("soared by", Qualifier::Increase, false),
    ("raised by", Qualifier::Increase, false),
    ("boosted by", Qualifier::Increase, false),
    ("a rise of", Qualifier::Increase, false),
    ("an increase of", Qualifier::Increase, false),
    ("a jump of", Qualifier::Increase, false),
    ("a gain of", Qualifier::Increase, false),
    ("rose", Qualifier::Increase, true),
    ("rises", Qualifier::Increase, true),
    ("grew", Qualifier::Increase, true),
    ("increased", Qualifier::Increase, true),
    ("jumped", Qualifier::Increase, true),
    ("climbed", Qualifier::Increase, true),
    ("surged", Qualifier::Increase, true),
    ("soared", Qualifier::Increase, true),
    ("gained", Qualifier::Increase, true),
    ("up", Qualifier::Increase, true),
    ("fell by", Qualifier::Decrease, false),
    ("fallen by", Qualifier::Decrease, false),
    ("dropped by", Qualifier::Decrease, false),
    ("down by", Qualifier::Decrease, false),
    ("cut by", Qualifier::Decrease, false),
    ("declined by", Qualifier::Decrease, false),
    ("decreased by", Qualifier::Decrease, false),
    ("reduced by", Qualifier::Decrease, false),
    ("shrank by", Qualifier::Decrease, false),
    ("slid by", Qualifier::Decrease, false),
    ("plunged by", Qualifier::Decrease, false),
    ("a fall of", Qualifier::Decrease, false),
    ("a drop of", Qualifier::Decrease, false),
    ("a decline of", Qualifier::Decrease, false),
    ("a decrease of", Qualifier::Decrease, false),
    ("a reduction of", Qualifier::Decrease, false),
    ("fell", Qualifier::Decrease, true),
    ("falls", Qualifier::Decrease, true),
    ("dropped", Qualifier::Decrease, true),
    ("declined", Qualifier::Decrease, true),
    ("decreased", Qualifier::Decrease, true),
    ("slid", Qualifier::Decrease, true),
    ("sank", Qualifier::Decrease, true),
    ("shrank", Qualifier::Decrease, true),
    ("plunged", Qualifier::Decrease, true),
    ("tumbled", Qualifier::Decrease, true),
    ("slumped", Qualifier::Decrease, true),
    ("down", Qualifier::Decrease, true),
];

/// Words that, right before a number, make it a label ("Section 230", "iPhone 6").
const LABEL_WORDS: &[&str] = &[
    "section",
    "article",
    "chapter",
    "clause",
    "paragraph",
    "version",
    "v",
    "windows",
    "iphone",
    "ipad",
    "galaxy",
    "pixel",
    "model",
    "type",
    "class",
    "grade",
    "level",
    "phase",
    "stage",
    "room",
    "flight",
    "route",
    "highway",
    "interstate",
    "no",
    "nos",
    "nr",
    "nrs",
    "number",
    "boeing",
    "airbus",
    "apollo",
    "resolution",
    "amendment",
    "title",
    "page",
    "pages",
    "p",
    "pp",
    "figure",
    "fig",
    "table",
    "item",
    "exhibit",
    "season",
    "episode",
    "volume",
    "vol",
    "issue",
    "covid",
    "sars",
    "ps",
    "xbox",
    "channel",
    "gate",
    "platform",
    "line",
    "unit",
    "district",
    "ward",
    "precinct",
    "lot",
    "block",
    "floor",
    "apartment",
    "suite",
    "zone",
    "category",
    "tier",
    "division",
    "top",
    "week",
    "day",
    "act",
    "bill",
    "rule",
    "annex",
    "appendix",
    "part",
    "english",
    "ios",
    "android",
    "office",
    "mark",
    "mk",
    "psalm",
    "verse",
    "studio",
    "camp",
    "cell",
    "team",
    "box",
];

/// Words before a bare four-digit number that make it a year.
const YEAR_PRECEDERS: &[&str] = &[
    "in",
    "since",
    "by",
    "from",
    "until",
    "till",
    "to",
    "of",
    "during",
    "before",
    "after",
    "the",
    "and",
    "or",
    "between",
    "through",
    "circa",
    "early",
    "late",
    "mid",
    "year",
    "fiscal",
    "summer",
    "spring",
    "autumn",
    "winter",
    "fall",
    "for",
    "on",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "its",
    "this",
    "that",
    "last",
    "next",
    "s",
    "than",
    "as",
];

/// Determiners before a small written number that make it a reference ("the two countries").
const REFERRING_WORDS: &[&str] = &[
    "the", "these", "those", "both", "its", "their", "his", "her", "our", "my", "your", "whose",
    "each", "every", "other",
];

/// Words after a bare "half" that make it an amount ("half of", "half a").
const HALF_FOLLOWERS: &[&str] = &[
    "of", "a", "an", "the", "its", "their", "his", "her", "our", "all",
];

/// Words before "half" that make it a part of time or a game, not an amount.
const HALF_BLOCKERS: &[&str] = &[
    "first", "second", "latter", "former", "other", "the", "this", "that", "each", "back", "better",
];

/// Leading words dropped from `what`.
const WHAT_DETERMINERS: &[&str] = &[
    "the", "such", "all", "their", "its", "his", "her", "our", "these", "those", "of", "a", "an",
    "them",
];

/// Words that end `what`: prepositions, conjunctions, pronouns, auxiliaries and common verbs.
const WHAT_STOPS: &[&str] = &[
    "in",
    "on",
    "at",
    "across",
    "from",
    "by",
    "with",
    "for",
    "to",
    "of",
    "into",
    "onto",
    "over",
    "under",
    "during",
    "since",
    "per",
    "than",
    "as",
    "that",
    "which",
    "who",
    "whom",
    "whose",
    "where",
    "when",
    "while",
    "because",
    "according",
    "after",
    "before",
    "until",
    "about",
    "around",
    "through",
    "between",
    "among",
    "against",
    "without",
    "within",
    "via",
    "like",
    "near",
    "toward",
    "towards",
    "upon",
    "or",
    "but",
    "nor",
    "so",
    "yet",
    "if",
    "than",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "am",
    "have",
    "has",
    "had",
    "having",
    "will",
    "would",
    "can",
    "could",
    "should",
    "shall",
    "may",
    "might",
    "must",
    "do",
    "does",
    "did",
    "said",
    "says",
    "say",
    "saying",
    "told",
    "tells",
    "went",
    "go",
    "goes",
    "came",
    "come",
    "comes",
    "took",
    "take",
    "takes",
    "gave",
    "give",
    "gives",
    "made",
    "make",
    "makes",
    "saw",
    "see",
    "got",
    "get",
    "gets",
    "fell",
    "rose",
    "grew",
    "won",
    "lost",
    "left",
    "met",
    "paid",
    "sold",
    "bought",
    "built",
    "became",
    "become",
    "becomes",
    "began",
    "brought",
    "held",
    "kept",
    "led",
    "ran",
    "spent",
    "thought",
    "wrote",
    "stood",
    "stand",
    "stands",
    "hit",
    "set",
    "put",
    "remain",
    "remains",
    "remained",
    "face",
    "faces",
    "need",
    "needs",
    "want",
    "wants",
    "there",
    "here",
    "it",
    "they",
    "them",
    "he",
    "she",
    "we",
    "you",
    "i",
    "this",
    "these",
    "those",
    "each",
    "every",
    "also",
    "already",
    "now",
    "still",
    "just",
    "only",
    "even",
    "abroad",
    "overseas",
    "ago",
    "later",
    "earlier",
    "worldwide",
    "nationwide",
    "annually",
    "apiece",
    "respectively",
    "alone",
    "altogether",
    "more",
    "less",
    "fewer",
    "not",
    "no",
    "then",
    "too",
    "very",
    "a",
    "an",
    "the",
    "its",
    "their",
    "his",
    "her",
    "our",
    "my",
    "your",
    "all",
    "some",
    "any",
    "both",
    "either",
    "neither",
    "last",
    "next",
    "old",
    "long",
    "high",
    "wide",
    "deep",
    "tall",
    "away",
    "off",
    "up",
    "down",
    "out",
    "back",
    "ahead",
    "behind",
    "total",
    "plus",
    "including",
    "compared",
    "according",
    "accounts",
    "account",
    "accounted",
    "equal",
    "equals",
    "worth",
    "valued",
    "what",
    "how",
    "why",
    "whether",
    "amid",
    "despite",
    "unlike",
    "beyond",
    "below",
    "above",
    "per",
    "cent",
    "percent",
    "year",
    "years",
    "month",
    "months",
];

/// Verbs that make "from X to Y" two values rather than a range ("rose from 5% to 7%").
const CHANGE_VERBS: &[&str] = &[
    "rose",
    "rise",
    "rises",
    "risen",
    "rising",
    "grew",
    "grow",
    "grows",
    "grown",
    "growing",
    "increased",
    "increase",
    "increases",
    "increasing",
    "jumped",
    "climbed",
    "surged",
    "soared",
    "fell",
    "fall",
    "falls",
    "fallen",
    "falling",
    "dropped",
    "drop",
    "drops",
    "declined",
    "decline",
    "declines",
    "decreased",
    "decrease",
    "reduced",
    "reduce",
    "cut",
    "cuts",
    "slid",
    "shrank",
    "sank",
    "plunged",
    "changed",
    "change",
    "moved",
    "went",
    "doubled",
    "tripled",
    "raised",
    "lowered",
    "boosted",
    "expanded",
    "narrowed",
    "widened",
];

static SET_LABELS: LazyLock<std::collections::HashSet<&'static str>> =
    LazyLock::new(|| LABEL_WORDS.iter().copied().collect());
static SET_STOPS: LazyLock<std::collections::HashSet<&'static str>> =
    LazyLock::new(|| WHAT_STOPS.iter().copied().collect());

static UNIT_EXACT: LazyLock<HashMap<&'static str, &'static str>> =
    LazyLock::new(|| UNITS_EXACT.iter().copied().collect());
static UNIT_WORDS: LazyLock<HashMap<&'static str, &'static str>> =
    LazyLock::new(|| UNITS_WORDS.iter().copied().collect());
static CURRENCY_AFTER: LazyLock<HashMap<&'static str, (&'static str, bool)>> =
    LazyLock::new(|| {
        CURRENCY_WORDS
            .iter()
            .map(|&(w, c, s)| (w, (c, s)))
            .collect()
    });
static QUALIFIER_KIND: LazyLock<HashMap<&'static str, (Qualifier, bool)>> =
    LazyLock::new(|| QUALIFIERS.iter().map(|&(w, q, m)| (w, (q, m))).collect());

const MONTHS: &str = "January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec";

/// Spans that are never claims: dates, times of day, year ranges, phone and version numbers.
static NOT_CLAIMS: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = [
        r"\b\d{4}-\d{1,2}(?:-\d{1,2})?\b".to_string(),
        r"\b\d{1,2}/\d{1,2}/\d{2,4}\b".to_string(),
        r"\b\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\b\.?)?".to_string(),
        r"\b\d{1,2}(?:[.:]\d{2})?\s*(?:[ap]\.m\.|[ap]m\b)".to_string(),
        r"\b(?:1[5-9]\d\d|20\d\d)\s*[-–/]\s*(?:\d{2}|1[5-9]\d\d|20\d\d)\b".to_string(),
        format!(r"\b(?:{MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}}\b)?"),
        format!(r"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?i:{MONTHS})\b\.?(?:,?\s+\d{{4}}\b)?"),
        r"\+\d{1,3}[\s-]?\(?\d{1,4}\)?(?:[\s./-]\d{2,5}){2,}".to_string(),
        r"\b\d{3}[-.]\d{3}[-.]\d{4}\b".to_string(),
        r"\(\d{3}\)\s*\d{3}-\d{4}".to_string(),
        r"\b\d+(?:\.\d+){2,}\b".to_string(),
        r"(?i)\b(?:https?://|www\.)\S+".to_string(),
    ]
    .join("|");
    Regex::new(&pattern).expect("NOT_CLAIMS compiles")
});

/// A qualifier phrase ending right before the number.
static QUALIFIER_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    let mut phrases: Vec<&str> = QUALIFIERS.iter().map(|q| q.0).collect();
    phrases.sort_by_key(|p| std::cmp::Reverse(p.len()));
    let alt: Vec<String> = phrases
        .iter()
        .map(|p| regex::escape(p).replace(' ', r"\s+"))
        .collect();
    Regex::new(&format!(
        r"(?i)(?:^|[^\p{{L}}])({})[\s\\(]*$",
        alt.join("|")
    ))
    .expect("QUALIFIER_BEFORE compiles")
});

/// A qualifier written after the number ("10,000 or more", "a 10,000-plus crowd").
static QUALIFIER_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:\s*-?\s*plus\b|\s+(?:or|and)\s+(more|above|over|greater|upwards|less|fewer|below|under)\b|\s+or\s+so\b)")
        .expect("QUALIFIER_AFTER compiles")
});

/// Time expressions a claim can be pinned to.
static AS_OF: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = format!(
        r"(?x)
        \b(?i:by|in|as\ of|since|until|till|through|during|before|after|at)\s+
          (?:(?i:the)\s+)?
          (?:(?i:end|beginning|start|middle|close|first\ half|second\ half|first\ quarter|second\ quarter|third\ quarter|fourth\ quarter)\s+(?i:of)\s+(?:(?i:the|this|last|next)\s+)?)?
          (?:(?i:year|month|quarter|decade)\b|(?:{MONTHS})\b\.?(?:\s+\d{{1,2}}\b)?(?:,?\s+\d{{4}}\b)?|(?:1[5-9]|20)\d\d(?:s)?\b)
        |\b(?i:last|this|next|past|previous)\s+(?i:year|month|week|quarter|decade|summer|winter|spring|autumn|weekend)\b
        |\b(?i:yesterday|today)\b"
    );
    Regex::new(&pattern).expect("AS_OF compiles")
});

/// The gap between a claim and its conversion: "100 billion yuan ($14.13 billion)".
static CONVERSION_GAP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:\(|\[|,?\s*or|,?\s*i\.e\.,?|—|,?\s*equivalent\s+to)\s*(?:(?:about|approximately|around|roughly|some|nearly|almost|over|more\s+than|less\s+than|an\s+estimated|approx\.|us)\s*)?\\?\s*$")
        .expect("CONVERSION_GAP compiles")
});

fn glued(toks: &[Token], k: usize) -> bool {
    k + 1 < toks.len() && toks[k].end == toks[k + 1].start
}

fn is_dash(s: &str, toks: &[Token], k: usize) -> bool {
    toks.get(k)
        .is_some_and(|t| t.kind == TokenKind::Symbol && matches!(t.text(s), "-" | "‐"))
}

fn word_at<'a>(s: &'a str, toks: &[Token], k: usize) -> Option<&'a str> {
    toks.get(k)
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| t.text(s))
}

fn lower_in(word: Option<&str>, table: &[&str]) -> bool {
    let mut buf = [0u8; 24];
    word.and_then(|w| lower(w, &mut buf))
        .is_some_and(|w| table.contains(&w))
}

/// Byte spans of `sentence` that hold numbers but never claims: dates, times of day, year
/// ranges, phone, IP and version numbers.
pub fn non_claim_spans(sentence: &str) -> Vec<(usize, usize)> {
    NOT_CLAIMS
        .find_iter(sentence)
        .map(|m| (m.start(), m.end()))
        .collect()
}

/// All numeric claims in one sentence, in order of position.
pub fn extract_claims_in_sentence(sentence: &str) -> Vec<ClaimMatch> {
    let toks = tokenize(sentence);
    let blocked = non_claim_spans(sentence);
    let mut out = Vec::new();
    let mut bi = 0;
    let mut i = 0;
    // Tokens before `free` belong to an earlier claim ("10 rmb 20 usd").
    let mut free = 0;
    while i < toks.len() {
        let t = toks[i];
        while bi < blocked.len() && blocked[bi].1 <= t.start {
            bi += 1;
        }
        if bi < blocked.len() && blocked[bi].0 <= t.start {
            i += 1;
            continue;
        }
        if t.kind == TokenKind::Symbol && !matches!(t.text(sentence), "-" | "−") {
            i += 1;
            continue;
        }
        let prefix = currency_before(sentence, &toks, i).filter(|_| i > free);
        let Some(n) = parse_at(sentence, &toks, i, prefix.is_some()) else {
            i += 1;
            continue;
        };
        match build_claim(sentence, &toks, i, n, prefix) {
            Some((claim, next)) => {
                out.push(claim);
                i = next.max(i + 1);
                free = i;
            }
            None => i = n.next.max(i + 1),
        }
    }
    link_conversions(sentence, &mut out);
    attach_as_of(sentence, &mut out);
    out
}

/// A currency sign or code right before token `i`: (start of the sign, ISO code).
fn currency_before(s: &str, toks: &[Token], i: usize) -> Option<(usize, &'static str)> {
    let p = *toks.get(i.checked_sub(1)?)?;
    let text = p.text(s);
    match p.kind {
        TokenKind::Symbol => {
            let &(_, iso) = CURRENCY_SYMBOLS.iter().find(|(sym, _)| *sym == text)?;
            if text == "$" && i >= 2 && toks[i - 2].kind == TokenKind::Word {
                // "US$", "HK$"; also spaced "us $ 10 billion".
                let mut buf = [0u8; 24];
                let w = lower(toks[i - 2].text(s), &mut buf).unwrap_or("");
                let attached = glued(toks, i - 2);
                if let Some(&(_, c)) = DOLLAR_PREFIXES
                    .iter()
                    .find(|(p, _)| *p == w && (attached || matches!(w, "us" | "u.s.")))
                {
                    return Some((toks[i - 2].start, c));
                }
            }
            Some((p.start, iso))
        }
        TokenKind::Word => {
            if CURRENCY_CODES.iter().any(|c| c.eq_ignore_ascii_case(text))
                || matches!(text, "RMB" | "rmb")
            {
                let iso = if text.eq_ignore_ascii_case("rmb") {
                    "CNY"
                } else {
                    CURRENCY_CODES
                        .iter()
                        .find(|c| c.eq_ignore_ascii_case(text))
                        .copied()
                        .unwrap_or("USD")
                };
                return Some((p.start, iso));
            }
            match text {
                "Rs" => Some((p.start, "INR")),
                _ => None,
            }
        }
        TokenKind::Digits => None,
    }
}

/// The longest phrase of up to `max` tokens from `k` found by `find`, with the token count.
fn phrase_at<T>(
    s: &str,
    toks: &[Token],
    k: usize,
    max: usize,
    mut find: impl FnMut(&str) -> Option<T>,
) -> Option<(T, usize)> {
    let mut phrase = String::new();
    let mut candidates = Vec::with_capacity(max);
    for j in 0..max {
        let Some(t) = toks.get(k + j) else { break };
        if j > 0 && !glued(toks, k + j - 1) {
            phrase.push(' ');
        }
        phrase.push_str(t.text(s));
        candidates.push(phrase.clone());
    }
    for (j, c) in candidates.iter().enumerate().rev() {
        if let Some(v) = find(c) {
            return Some((v, j + 1));
        }
    }
    None
}

fn currency_after(
    s: &str,
    toks: &[Token],
    k: usize,
    n: &NumberSpan,
) -> Option<(&'static str, usize)> {
    let t = toks.get(k)?;
    if t.kind == TokenKind::Symbol {
        let &(_, iso) = CURRENCY_SYMBOLS.iter().find(|(sym, _)| *sym == t.text(s))?;
        // "$ 20,000.00 $ 37,305.97": a sign followed by digits starts the next amount.
        if toks.get(k + 1).is_some_and(|x| x.kind == TokenKind::Digits) {
            return None;
        }
        return Some((iso, 1));
    }
    if t.kind == TokenKind::Symbol
        && t.text(s) == "-"
        && k > 0
        && glued(toks, k - 1)
        && glued(toks, k)
    {
        return currency_after(s, toks, k + 1, n).map(|(c, w)| (c, w + 1));
    }
    if t.kind != TokenKind::Word {
        return None;
    }
    phrase_at(s, toks, k, 3, |p| {
        let low = p.to_lowercase();
        let &(iso, needs_scale) = CURRENCY_AFTER.get(low.as_str())?;
        (!needs_scale || n.scale > 1.0).then_some(iso)
    })
}

fn unit_after(s: &str, toks: &[Token], k: usize) -> Option<(&'static str, usize)> {
    let t = toks.get(k)?;
    // "two-year", "27-kilometer": the unit as an adjective.
    if t.kind == TokenKind::Symbol
        && t.text(s) == "-"
        && k > 0
        && glued(toks, k - 1)
        && glued(toks, k)
    {
        return unit_after(s, toks, k + 1).map(|(u, w)| (u, w + 1));
    }
    if t.kind == TokenKind::Digits {
        return None;
    }
    // "2 1/2 in thick", "2 in.": "in" is inches only where no object follows.
    if t.text(s) == "in" {
        let next = toks.get(k + 1);
        let dimension = word_at(s, toks, k + 1).is_some_and(|w| {
            matches!(
                w,
                "thick" | "long" | "wide" | "tall" | "high" | "deep" | "across"
            )
        });
        return (dimension || next.is_none_or(|t| t.kind == TokenKind::Symbol && t.text(s) != "$"))
            .then_some(("inch", 1));
    }
    phrase_at(s, toks, k, 3, |p| {
        if let Some(u) = UNIT_EXACT.get(p) {
            // A lone "m", "t", "g" or "l" spaced from the digits is rarely a unit.
            if p.len() == 1 && p != "L" && !(k > 0 && glued(toks, k - 1)) {
                return None;
            }
            return Some(*u);
        }
        UNIT_WORDS.get(p.to_lowercase().as_str()).copied()
    })
}

fn qualifier_before(s: &str, start: usize, measured: bool) -> Option<Qualifier> {
    let mut w0 = start.saturating_sub(40);
    while !s.is_char_boundary(w0) {
        w0 += 1;
    }
    let window = &s[w0..start];
    let caps = QUALIFIER_BEFORE.captures(window)?;
    let phrase = caps.get(1)?.as_str().to_lowercase();
    let phrase = phrase.split_whitespace().collect::<Vec<_>>().join(" ");
    let &(q, needs_measure) = QUALIFIER_KIND.get(phrase.as_str())?;
    (!needs_measure || measured).then_some(q)
}

/// Reads the claim whose number is `n` at token `i`; `None` when it is not a claim. Returns
/// the claim and the token index after it.
fn build_claim(
    s: &str,
    toks: &[Token],
    i: usize,
    n: NumberSpan,
    prefix: Option<(usize, &'static str)>,
) -> Option<(ClaimMatch, usize)> {
    if matches!(n.form, Form::Ordinal | Form::Decade) {
        return None;
    }
    let first = toks[i];
    let digits = first.kind == TokenKind::Digits || n.form == Form::Digits;
    // Digits glued to letters on the left: "G20", "MH370", "COVID-19".
    if digits && first.kind != TokenKind::Word && i > 0 && glued(toks, i - 1) && prefix.is_none() {
        let p = toks[i - 1];
        if p.kind == TokenKind::Word
            || (matches!(p.text(s), "-" | "/" | "#" | "_" | "." | "+" | ":")
                && i > 1
                && glued(toks, i - 2)
                && toks[i - 2].kind != TokenKind::Symbol)
        {
            return None;
        }
    }
    let mut claim = ClaimMatch {
        start: prefix.map_or(n.start, |p| p.0),
        end: n.end,
        value: n.value,
        value_max: None,
        unit: None,
        currency: prefix.map(|p| p.1.to_string()),
        qualifier: Qualifier::Exact,
        what: None,
        as_of: None,
        conversion_of: None,
    };
    let mut k = n.next;
    if n.percent {
        claim.unit = Some("%".into());
    } else {
        if claim.currency.is_none()
            && let Some((iso, w)) = currency_after(s, toks, k, &n)
        {
            claim.currency = Some(iso.into());
            claim.end = toks[k + w - 1].end;
            k += w;
        }
        if claim.currency.is_none()
            && let Some((unit, w)) = unit_after(s, toks, k)
        {
            claim.unit = Some(unit.into());
            claim.end = toks[k + w - 1].end;
            k += w;
        }
    }
    let measured = claim.unit.is_some() || claim.currency.is_some();
    // Letters glued to the digits that are neither scale nor unit: "5G", "3D", "860BOX".
    if digits
        && k == n.next
        && glued(toks, n.next - 1)
        && toks.get(n.next).is_some_and(|t| t.kind == TokenKind::Word)
    {
        return None;
    }
    let prev_word =
        |j: usize| -> Option<&str> { j.checked_sub(1).and_then(|j| word_at(s, toks, j)) };
    let before = if prefix.is_some() { i - 1 } else { i };
    let plain = n.form == Form::Digits && !n.grouped && !n.decimal && n.scale == 1.0 && !measured;
    if plain && is_year(s, toks, i, n) {
        return None;
    }
    // Labels: "Section 230", "iPhone 6", "version 2.1", "No. 1".
    if n.form == Form::Digits && !n.grouped && n.scale == 1.0 && !measured {
        let mut buf = [0u8; 24];
        let label = |w: Option<&str>, buf: &mut [u8; 24]| {
            w.and_then(|w| lower(w, buf))
                .is_some_and(|w| SET_LABELS.contains(w))
        };
        if label(prev_word(i), &mut buf)
            || (i >= 2 && toks[i - 1].text(s) == "." && label(word_at(s, toks, i - 2), &mut buf))
        {
            return None;
        }
    }
    let words = first.kind == TokenKind::Word;
    let written = &s[n.start..n.end];
    let qualifier = qualifier_before(s, claim.start, measured || n.percent);
    if words && !measured && n.form == Form::Words && n.scale == 1.0 {
        // Bare "one": a pronoun far more often than a count ("one of the greatest").
        if n.value == 1.0 && qualifier.is_none() {
            return None;
        }
        // "the two countries" refers, it does not count.
        if n.value <= 10.0 && lower_in(prev_word(before), REFERRING_WORDS) {
            return None;
        }
        // Capitalised number words inside names: "the Group of Seven", "Three Gorges Dam".
        let capital = written.starts_with(|c: char| c.is_ascii_uppercase());
        let sentence_start = before == 0 || toks[before - 1].kind == TokenKind::Symbol;
        let next_capital =
            word_at(s, toks, k).is_some_and(|w| w.starts_with(|c: char| c.is_ascii_uppercase()));
        if capital && (!sentence_start && (next_capital || prev_word(before).is_some())) {
            return None;
        }
        // "zero-sum", "two-way": a number word glued into a compound that is not a unit.
        if k == n.next && is_dash(s, toks, k) && glued(toks, k - 1) && glued(toks, k) {
            return None;
        }
    }
    if written.eq_ignore_ascii_case("half") && qualifier.is_none() {
        let follows = lower_in(word_at(s, toks, k), HALF_FOLLOWERS);
        if !follows || lower_in(prev_word(before), HALF_BLOCKERS) {
            return None;
        }
    }
    claim.qualifier = qualifier.unwrap_or(Qualifier::Exact);
    // Ranges: "between 5 and 10", "from 5 to 10", "10-15 exabytes", "8- to 16-meter".
    if let Some((max, next)) = range_end(s, toks, i, before, k, &mut claim, n) {
        claim.value_max = Some(max);
        k = next;
    }
    if claim.qualifier == Qualifier::Exact
        && let Some(c) = QUALIFIER_AFTER.captures(&s[claim.end..])
    {
        claim.qualifier = match c.get(1).map(|m| m.as_str().to_lowercase()) {
            None => Qualifier::MoreThan,
            Some(w) if matches!(w.as_str(), "less" | "fewer" | "below" | "under") => {
                Qualifier::LessThan
            }
            Some(_) => Qualifier::MoreThan,
        };
        if c.get(0)
            .is_some_and(|m| m.as_str().trim().eq_ignore_ascii_case("or so"))
        {
            claim.qualifier = Qualifier::Approximate;
        }
    }
    claim.what = what_after(s, toks, k, &n);
    Some((claim, k))
}

/// A bare four-digit number is a year unless it plainly counts something ("2000 people").
fn is_year(s: &str, toks: &[Token], i: usize, n: NumberSpan) -> bool {
    if !(1000.0..=2100.0).contains(&n.value) || n.value.fract() != 0.0 || n.end - n.start != 4 {
        return false;
    }
    let prev = i.checked_sub(1).and_then(|j| word_at(s, toks, j));
    if lower_in(prev, YEAR_PRECEDERS) {
        return true;
    }
    if qualifier_before(s, n.start, false).is_some() {
        return false;
    }
    // "1000 - 5000": real year ranges ("2013-14") are already excluded as spans.
    if is_dash(s, toks, n.next)
        && toks
            .get(n.next + 1)
            .is_some_and(|t| t.kind == TokenKind::Digits)
    {
        return false;
    }
    let mut buf = [0u8; 24];
    let next = word_at(s, toks, n.next);
    !next.is_some_and(|w| {
        w.starts_with(|c: char| c.is_ascii_lowercase())
            && !lower(w, &mut buf).is_some_and(|w| SET_STOPS.contains(w))
    })
}

/// The end of a range starting with `claim`: (upper value, token after it). Adjusts the
/// claim's unit, scale and end.
fn range_end(
    s: &str,
    toks: &[Token],
    i: usize,
    before: usize,
    k: usize,
    claim: &mut ClaimMatch,
    n: NumberSpan,
) -> Option<(f64, usize)> {
    let prev = before.checked_sub(1).and_then(|j| word_at(s, toks, j));
    let between = lower_in(prev, &["between"]);
    let from = lower_in(prev, &["from"]);
    if from
        && lower_in(
            before.checked_sub(2).and_then(|j| word_at(s, toks, j)),
            CHANGE_VERBS,
        )
    {
        return None;
    }
    let t = toks.get(k)?;
    let mut j = k;
    match (t.kind, t.text(s)) {
        (TokenKind::Word, w) if between && w.eq_ignore_ascii_case("and") => j += 1,
        (TokenKind::Word, w)
            if w.eq_ignore_ascii_case("to") || (!between && w.eq_ignore_ascii_case("through")) =>
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
    let sym = toks.get(j).filter(|t| {
        t.kind == TokenKind::Symbol && CURRENCY_SYMBOLS.iter().any(|c| c.0 == t.text(s))
    });
    if sym.is_some() {
        money = true;
        j += 1;
    }
    let m = parse_at(s, toks, j, money)?;
    if !matches!(m.form, Form::Digits | Form::Words | Form::Fraction) {
        return None;
    }
    let mut end = m.end;
    let mut next = m.next;
    let mut unit = m.percent.then(|| "%".to_string());
    let mut currency = sym.and_then(|t| {
        CURRENCY_SYMBOLS
            .iter()
            .find(|c| c.0 == t.text(s))
            .map(|c| c.1.to_string())
    });
    if unit.is_none() && currency.is_none() {
        if let Some((iso, w)) = currency_after(s, toks, next, &m) {
            currency = Some(iso.into());
            end = toks[next + w - 1].end;
            next += w;
        } else if let Some((u, w)) = unit_after(s, toks, next) {
            unit = Some(u.into());
            end = toks[next + w - 1].end;
            next += w;
        }
    }
    // Units must agree when both sides carry one.
    if (claim.unit.is_some() && unit.is_some() && claim.unit != unit)
        || (claim.currency.is_some() && currency.is_some() && claim.currency != currency)
        || (claim.unit.is_some() && currency.is_some())
        || (claim.currency.is_some() && unit.is_some())
    {
        return None;
    }
    // Dates and scores are not ranges: a hyphen between bare integers needs a rising pair.
    let mut low = claim.value;
    if n.scale == 1.0 && m.scale > 1.0 && low * m.scale <= m.value {
        low *= m.scale;
    }
    if m.value <= low {
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
    Some((m.value, next))
}

/// The noun phrase after a claim: "3 billion Internet users across the globe" -> "Internet
/// users".
fn what_after(s: &str, toks: &[Token], mut k: usize, n: &NumberSpan) -> Option<String> {
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

fn is_plural_head(word: &str) -> bool {
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

/// Marks claims that restate the previous one in another currency or unit.
fn link_conversions(s: &str, claims: &mut [ClaimMatch]) {
    for j in 1..claims.len() {
        let (a, b) = (&claims[j - 1], &claims[j]);
        if a.end > b.start || !CONVERSION_GAP.is_match(&s[a.end..b.start]) {
            continue;
        }
        let money = a.currency.is_some() && b.currency.is_some() && a.currency != b.currency;
        let measure = a.unit.is_some()
            && b.unit.is_some()
            && a.unit != b.unit
            && a.unit.as_deref() != Some("%")
            && b.unit.as_deref() != Some("%");
        if money || measure {
            claims[j].conversion_of = Some(j - 1);
        }
    }
}

/// Pins each claim to the nearest time expression in the sentence.
fn attach_as_of(s: &str, claims: &mut [ClaimMatch]) {
    if claims.is_empty() {
        return;
    }
    let times: Vec<(usize, usize)> = AS_OF.find_iter(s).map(|m| (m.start(), m.end())).collect();
    for c in claims.iter_mut() {
        let best = times
            .iter()
            .filter(|(a, b)| *b <= c.start || *a >= c.end)
            .min_by_key(|(a, b)| {
                if *b <= c.start {
                    c.start - b
                } else {
                    a - c.end
                }
            });
        c.as_of = best.map(|&(a, b)| s[a..b].to_string());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claims(s: &str) -> Vec<ClaimMatch> {
        extract_claims_in_sentence(s)
    }

    fn written(s: &str) -> Vec<String> {
        claims(s)
            .iter()
            .map(|c| s[c.start..c.end].to_string())
            .collect()
    }

    #[test]
    fn years_dates_times_and_ordinals_are_not_claims() {
        assert!(written("The Cyber Security Law took effect in June 2017.").is_empty());
        assert!(written("Updated: 2012-02-07 08:23").is_empty());
        assert!(written("(People's Daily Online) 06:05, September 26, 2015").is_empty());
        assert!(
            written("With the Safer Internet Day being observed on Feb 7, it's time.").is_empty()
        );
        assert!(
            written("the 8th U.S.-China Internet Industry Forum in the 21st century").is_empty()
        );
        assert!(
            written("Since the 1990s, the 2019 China Cybersecurity Week opened at 9am.").is_empty()
        );
        assert!(written("the UN's 66th General Assembly").is_empty());
    }

    #[test]
    fn labels_and_names_are_not_claims() {
        assert!(written("Section 230 of the act, the iPhone 6 and Windows 10.").is_empty());
        assert!(written("The G20 met on 5G and COVID-19; call +1 555 123 4567.").is_empty());
        assert!(written("Upgrade to version 2.1 now.").is_empty());
        assert!(written("As one of the greatest inventions, no one country can do it.").is_empty());
    }

    #[test]
    fn seed_claims_come_out() {
        let s =
            "Among over 3 billion Internet users across the globe, one in five comes from China.";
        let c = claims(s);
        assert_eq!(c.len(), 2);
        assert_eq!((c[0].value, c[0].qualifier), (3e9, Qualifier::MoreThan));
        assert_eq!(c[0].what.as_deref(), Some("Internet users"));
        assert_eq!(c[1].value, 0.2);
        let s = r"By 2020, the industrial output is expected to reach 100 billion yuan (\$14.13 billion).";
        let c = claims(s);
        assert_eq!(c.len(), 2);
        assert_eq!((c[0].value, c[0].currency.as_deref()), (1e11, Some("CNY")));
        assert_eq!(
            (c[1].value, c[1].currency.as_deref()),
            (1.413e10, Some("USD"))
        );
        assert_eq!(c[1].conversion_of, Some(0));
        assert_eq!(c[0].as_of.as_deref(), Some("By 2020"));
    }

    /// The fixture table `tests/fixtures/claims.json`: every case's claims, in order, with
    /// each field the case gives.
    #[test]
    fn fixture_table() {
        let cases: Vec<serde_json::Value> =
            serde_json::from_str(include_str!("../../tests/fixtures/claims.json"))
                .expect("valid fixture JSON");
        let mut failures = Vec::new();
        for case in &cases {
            let name = case["name"].as_str().unwrap_or("?");
            let text = case["text"].as_str().unwrap_or("");
            let got = claims(text);
            let expect = case["expect"].as_array().cloned().unwrap_or_default();
            let shown: Vec<_> = got.iter().map(|c| (&text[c.start..c.end], c)).collect();
            if got.len() != expect.len() {
                failures.push(format!(
                    "{name}: {} claims, expected {}: {shown:#?}",
                    got.len(),
                    expect.len()
                ));
                continue;
            }
            for (c, e) in got.iter().zip(&expect) {
                let mut wrong = Vec::new();
                let str_field = |k: &str| e.get(k).map(|v| v.as_str().map(str::to_string));
                if e["text"].as_str() != Some(&text[c.start..c.end]) {
                    wrong.push(format!("text {:?}", &text[c.start..c.end]));
                }
                let close = |a: f64, b: f64| (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0);
                if !e["value"].as_f64().is_some_and(|v| close(v, c.value)) {
                    wrong.push(format!("value {}", c.value));
                }
                if let Some(m) = e.get("value_max")
                    && !(m
                        .as_f64()
                        .zip(c.value_max)
                        .is_some_and(|(a, b)| close(a, b)))
                {
                    wrong.push(format!("value_max {:?}", c.value_max));
                }
                for (key, actual) in [
                    ("unit", c.unit.clone()),
                    ("currency", c.currency.clone()),
                    ("what", c.what.clone()),
                    ("as_of", c.as_of.clone()),
                ] {
                    if let Some(want) = str_field(key)
                        && want != actual
                    {
                        wrong.push(format!("{key} {actual:?}"));
                    }
                }
                if let Some(q) = e.get("qualifier") {
                    let want: Qualifier =
                        serde_json::from_value(q.clone()).expect("a qualifier name");
                    if want != c.qualifier {
                        wrong.push(format!("qualifier {:?}", c.qualifier));
                    }
                }
                if !wrong.is_empty() {
                    failures.push(format!("{name}: {:?} got {}", e["text"], wrong.join(", ")));
                }
            }
        }
        assert!(
            failures.is_empty(),
            "{} of {} fixture cases fail:\n{}",
            failures.len(),
            cases.len(),
            failures.join("\n")
        );
    }
}
