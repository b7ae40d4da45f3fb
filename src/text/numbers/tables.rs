//! The word tables of number reading: cardinals, scale words and suffixes, fraction
//! denominators and signs, vague amounts and negative words. Data only; `words.rs` builds its
//! lookup map from them once and `mod.rs` reads the digit suffixes.

/// Cardinal number words below one hundred.
pub(super) const SMALL_WORDS: &[(&str, f64)] = &[
    ("zero", 0.0),
    ("nought", 0.0),
    ("naught", 0.0),
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
];

/// Scale words, written out or abbreviated, spaced from the digits ("3 billion", "2.5 bn").
pub(super) const SCALE_WORDS: &[(&str, f64)] = &[
    ("hundred", 1e2),
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
    ("lakh", 1e5),
    ("crore", 1e7),
    ("k", 1e3),
    ("mn", 1e6),
    ("mln", 1e6),
    ("mil", 1e6),
    // Malaysian papers: "RM1.05bil".
    ("bil", 1e9),
    ("bn", 1e9),
    ("bln", 1e9),
    ("tn", 1e12),
    ("tln", 1e12),
    ("trn", 1e12),
];

/// Scale suffixes written against the digits ("10k", "$2bn", "1.5m"). Single letters that are
/// also units ("m" metre, "t" tonne, "b") count as scale only in a money context.
pub(super) const SCALE_SUFFIXES: &[(&str, f64, bool)] = &[
    ("k", 1e3, false),
    ("K", 1e3, false),
    ("mn", 1e6, false),
    ("mln", 1e6, false),
    ("mil", 1e6, false),
    ("bil", 1e9, false),
    ("MM", 1e6, false),
    ("M", 1e6, false),
    ("m", 1e6, true),
    ("bn", 1e9, false),
    ("bln", 1e9, false),
    ("B", 1e9, false),
    ("b", 1e9, false),
    ("tn", 1e12, false),
    ("tln", 1e12, false),
    ("trn", 1e12, false),
    ("T", 1e12, true),
    ("t", 1e12, true),
];

/// Denominator words, singular and plural: "a third", "two-thirds", "a thirtieth", "two
/// hundredths". "second" is left out on purpose: "one second" is a duration, not a half; and
/// "first" is no fraction at all. Both end a compound denominator ("three thirty-seconds").
pub(super) const DENOMINATORS: &[(&str, &str, f64)] = &[
    ("half", "halves", 2.0),
    ("third", "thirds", 3.0),
    ("quarter", "quarters", 4.0),
    ("fourth", "fourths", 4.0),
    ("fifth", "fifths", 5.0),
    ("sixth", "sixths", 6.0),
    ("seventh", "sevenths", 7.0),
    ("eighth", "eighths", 8.0),
    ("ninth", "ninths", 9.0),
    ("tenth", "tenths", 10.0),
    ("eleventh", "elevenths", 11.0),
    ("twelfth", "twelfths", 12.0),
    ("thirteenth", "thirteenths", 13.0),
    ("fourteenth", "fourteenths", 14.0),
    ("fifteenth", "fifteenths", 15.0),
    ("sixteenth", "sixteenths", 16.0),
    ("seventeenth", "seventeenths", 17.0),
    ("eighteenth", "eighteenths", 18.0),
    ("nineteenth", "nineteenths", 19.0),
    ("twentieth", "twentieths", 20.0),
    ("thirtieth", "thirtieths", 30.0),
    ("fortieth", "fortieths", 40.0),
    ("fiftieth", "fiftieths", 50.0),
    ("sixtieth", "sixtieths", 60.0),
    ("seventieth", "seventieths", 70.0),
    ("eightieth", "eightieths", 80.0),
    ("ninetieth", "ninetieths", 90.0),
    ("hundredth", "hundredths", 1e2),
    ("thousandth", "thousandths", 1e3),
    ("millionth", "millionths", 1e6),
    ("billionth", "billionths", 1e9),
    ("trillionth", "trillionths", 1e12),
];

/// Ordinal units that end a compound denominator after tens and a hyphen: "three
/// twenty-firsts", "one thirty-second of an inch". Alone they are ordinals ("the first").
pub(super) const ORDINAL_UNITS: &[(&str, &str, f64)] = &[
    ("first", "firsts", 1.0),
    ("second", "seconds", 2.0),
    ("third", "thirds", 3.0),
    ("fourth", "fourths", 4.0),
    ("fifth", "fifths", 5.0),
    ("sixth", "sixths", 6.0),
    ("seventh", "sevenths", 7.0),
    ("eighth", "eighths", 8.0),
    ("ninth", "ninths", 9.0),
];

/// Words after a singular fraction of one ("a third", "one-tenth") that show it divides:
/// "a third of", "a fifth more", "cut by a tenth in 2020". Any other word makes it an
/// ordinal ("a third term", "a fifth straight day").
pub(super) const FRACTION_FOLLOWERS: &[&str] = &[
    "of",
    "more",
    "less",
    "fewer",
    "as",
    "the",
    "in",
    "on",
    "at",
    "to",
    "from",
    "over",
    "since",
    "after",
    "before",
    "by",
    "than",
    "and",
    "or",
    "but",
    "while",
    "when",
    "compared",
    "between",
    "this",
    "last",
    "its",
    "their",
    "his",
    "her",
    "our",
    "is",
    "was",
    "are",
    "were",
    // The verb of a fraction that is the subject: "a third said", "nearly a quarter voted".
    "has",
    "have",
    "had",
    "will",
    "would",
    "could",
    "can",
    "may",
    "might",
    "should",
    "do",
    "did",
    "does",
    "said",
    "say",
    "says",
    "think",
    "thought",
    "believe",
    "want",
    "wanted",
    "voted",
    "backed",
    "supported",
    "opposed",
    "favor",
    "favour",
    "approved",
    "agreed",
    "left",
    "live",
    "lived",
    "died",
    "remain",
    "remained",
    "reported",
    "expect",
    "expected",
];

/// Fraction characters: "½", "2¾", "4¼%".
pub(super) const FRACTION_SIGNS: &[(&str, f64)] = &[
    ("½", 0.5),
    ("⅓", 1.0 / 3.0),
    ("⅔", 2.0 / 3.0),
    ("¼", 0.25),
    ("¾", 0.75),
    ("⅕", 0.2),
    ("⅖", 0.4),
    ("⅗", 0.6),
    ("⅘", 0.8),
    ("⅙", 1.0 / 6.0),
    ("⅚", 5.0 / 6.0),
    ("⅛", 0.125),
    ("⅜", 0.375),
    ("⅝", 0.625),
    ("⅞", 0.875),
];

/// Denominators a fraction written with a slash uses in prose ("3/4", "1/10", "7/100");
/// other pairs are names or dates ("9/11", "24/7", "12/05").
pub(super) const SLASH_DENOMINATORS: &[f64] = &[
    2.0, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0, 12.0, 16.0, 20.0, 32.0, 64.0, 100.0, 1000.0,
];

/// Vague plurals followed by "of": the value is the lower bound ("hundreds of" -> 100).
pub(super) const VAGUE_WORDS: &[(&str, f64)] = &[
    ("dozens", 24.0),
    ("scores", 40.0),
    ("hundreds", 1e2),
    ("thousands", 1e3),
    ("millions", 1e6),
    ("billions", 1e9),
    ("trillions", 1e12),
];

/// Words that make a following "hundred", "thousand" or "million" a vague amount ("several
/// hundred years"): the value is the scale, a lower bound.
pub const VAGUE_COUNTS: &[&str] = &["several", "few"];

/// Determiners that make a number refer to a set already named ("of the ten thousand, two
/// hundred were hurt"): a comma after its scale word ends it.
pub(super) const REFERRING_DETERMINERS: &[&str] = &["the", "these", "those", "all", "its", "their"];

/// Words that turn the next number negative.
pub(super) const NEGATIVE_WORDS: &[&str] = &["minus", "negative"];

/// Symbols a minus sign may be glued to and still be a sign: comparisons and an opening
/// bracket ("<-30", ">=-5", "(-2.5)").
pub(super) const SIGN_OPENERS: &[&str] = &["<", ">", "=", "≤", "≥", "(", "["];
