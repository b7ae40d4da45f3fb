//! Attribution: who is named as saying something, by which cue, around a quote or in reported
//! speech. Owns the cue-verb table and the speaker patterns (compiled once into [`RULES`]);
//! returns positions, never decides what counts as a quote.

use crate::text::names::{
    BODY_NOUNS, EVERYDAY_ROLE_NOUNS, GROUP_NOUNS, RECORD_NOUNS, ROLE_NOUNS, TITLE_NOUNS, is_group,
    is_pronoun, is_role_noun, is_title,
};
use regex::{Captures, Regex, RegexBuilder};
use std::ops::Range;
use std::sync::LazyLock;

/// Speech cues of news writing, multi-word ones first. Past and present forms are both listed
/// because regex alternation takes the first that matches.
pub const CUES: &[&str] = &[
    "pointed out",
    "was quoted as saying",
    "were quoted as saying",
    "went on to say",
    "called for",
    "told reporters",
    "said in a statement",
    "wrote in",
    // "Kessler put it more bluntly:", "as one banker put it".
    "put it",
    "added",
    "adds",
    "said",
    "says",
    "say",
    "told",
    "tells",
    "stated",
    "states",
    "argued",
    "argues",
    "noted",
    "notes",
    "stressed",
    "stresses",
    "explained",
    "explains",
    "warned",
    "warns",
    "claimed",
    "claims",
    "insisted",
    "insists",
    "wrote",
    "writes",
    "asked",
    "asks",
    "replied",
    "responded",
    "continued",
    "concluded",
    "declared",
    "announced",
    "acknowledged",
    "admitted",
    "recalled",
    "observed",
    "remarked",
    "commented",
    // Counsel's words to a court, as Indian and British court reports write them.
    "submitted",
    "suggested",
    "suggests",
    "emphasized",
    "emphasised",
    "underlined",
    "maintained",
    "asserted",
    "contended",
    "predicted",
    "tweeted",
    "posted",
    "reported",
    "reports",
    "urged",
    "cautioned",
    "conceded",
    "complained",
    "boasted",
    "joked",
    "quipped",
    "vowed",
    "pledged",
    "promised",
    "confirmed",
    "denied",
    "revealed",
    "believes",
    "believe",
    "thinks",
    "countered",
    "testified",
    "recounted",
    "lamented",
    "charged",
    "alleged",
    "estimated",
    "agreed",
    "disputed",
    "learned",
    "told",
    "shouted",
    "shouts",
    "yelled",
    "yells",
    "screamed",
    "screams",
    "exclaimed",
    "whispered",
    "sings",
    "sang",
    "chanted",
    "laughed",
    "recalls",
    "continues",
    "concludes",
    "explained",
    "mused",
    "highlighted",
    "hailed",
    "emphasizes",
    "emphasises",
    "stressed",
    "underlines",
    "pledged",
    "vowed",
    "promised",
    "called on",
    "urges",
    "demanded",
    "accused",
    "criticized",
    "criticised",
    "praised",
    "attacked",
    "blasted",
    "condemned",
    "described",
    "disclosed",
    "proposed",
    "echoed",
    "responds",
    "replies",
    "reiterated",
    // Naming as a speech act: "termed the budget “a copy-paste job”".
    "termed",
    "dubbed",
    "branded",
    "labelled",
    "labeled",
    // Present forms of news writing's running attributions: "All of this, he acknowledges, ...".
    "acknowledges",
    "admits",
    "concedes",
    "cautions",
    "observes",
    "predicts",
    "announces",
    "declares",
    "reveals",
    "estimates",
    "maintains",
    "contends",
    "complains",
    "recounts",
    "remembers",
    "remembered",
];

/// Cues that introduce a clause of reported speech ("X said the plan works").
/// Narrower than [`CUES`]: "X called for Y" reports a demand, kept; "X denied Y" is not a clause.
pub const CLAUSE_CUES: &[&str] = &[
    "pointed out",
    "went on to say",
    "was quoted as saying",
    "were quoted as saying",
    "called for",
    "told reporters",
    "said",
    "says",
    "said in a statement",
    "told",
    // "His aunt, Lorraine Hale, tells KSDK the family is in shock": local TV's present tense.
    "tells",
    "stated",
    "argued",
    "argues",
    "noted",
    "notes",
    "stressed",
    "stresses",
    "explained",
    "warned",
    "warns",
    "claimed",
    "claims",
    "insisted",
    "insists",
    "wrote",
    "writes",
    "added",
    "adds",
    "acknowledged",
    "admitted",
    "suggested",
    "suggests",
    "emphasized",
    "emphasised",
    "underlined",
    "maintained",
    "asserted",
    "contended",
    "predicted",
    "announced",
    "declared",
    "reported",
    "reports",
    "urged",
    "believes",
    "thinks",
    "confirmed",
    "revealed",
    "estimated",
    "learned",
    "tweeted",
    "complained",
    "highlighted",
    "recalled",
    "concluded",
    "conceded",
    "emphasizes",
    "emphasises",
    "pledged",
    "vowed",
    "promised",
    "have pointed out",
    "has pointed out",
    // Plural and present forms: "supporters say", "Trump says his plan would".
    "say",
    "tell",
    "argue",
    "insist",
    "contend",
    "warn",
    "suggest",
    "predict",
    "acknowledge",
    "admit",
    "explain",
    "maintain",
    "complain",
    "assert",
    "concede",
    "allege",
    "point out",
    "contends",
    "acknowledges",
    "admits",
    "predicts",
    "announces",
    "declares",
    "reveals",
    "estimates",
    "maintains",
    // Speech acts whose object is what was said: "X called the charges unfounded".
    "called on",
    "calls on",
    "calls for",
    "called",
    "urged",
    "urges",
    "accused",
    "accuses",
    "criticized",
    "criticised",
    "praised",
    "attacked",
    "blasted",
    "condemned",
    "described",
    "describes",
    "denied",
    "denies",
    "demanded",
    "disclosed",
    "insisted",
    "testified",
    "tweeted",
    "echoed",
    "reiterated",
    "questioned",
    "mentioned",
    "indicated",
    "cited",
    "cites",
    "announced",
    "responded",
    "replied",
    "is calling for",
    "is demanding",
    "is stressing",
    "is promising",
    "is confirming",
    "is urging",
    "is warning",
    "is arguing",
    "is saying",
    "is defending",
    "are calling for",
    // Beliefs, intents and evidence, which news attributes like speech.
    "wants",
    "want",
    "expects",
    "expect",
    "hopes",
    "believe",
    "believed",
    "think",
    "thought",
    "agreed",
    "agree",
    "agrees",
    "worry",
    "worries",
    "fear",
    "know",
    "knows",
    "found",
    "finds",
    "show",
    "shows",
    "showed",
    "suggest",
    "suggested",
    "termed",
    "dubbed",
    "branded",
    "labelled",
    "labeled",
    // Verbs of saying that take a clause too: "joked that", "cautioned, as did ..., that". Not
    // the present forms that double as plural nouns ("remarks", "promises", "signals").
    "cautioned",
    "observed",
    "observes",
    "remarked",
    "countered",
    "lamented",
    "recounted",
    "boasted",
    "joked",
    "alleged",
    "alleges",
    "speculated",
    "speculates",
    "hinted",
    "reckons",
    "reckoned",
    "assured",
    "reminded",
    "informed",
    "concedes",
    "posted",
    "confided",
    "explains",
    "theorized",
    "surmised",
    "guessed",
    "asked whether",
    "wondered",
    "discloses",
];

/// Verbs of evidence that attribute a clause written before them to a record: "CLAUSE,
/// official figures show", "CLAUSE, the report found". Only after the clause: before one they
/// are read by the clause patterns, and before a quote they more often show a picture.
const EVIDENCE_CUES: &[&str] = &[
    "show",
    "shows",
    "showed",
    "shown",
    "found",
    "finds",
    "suggest",
    "suggests",
    "suggested",
    "indicate",
    "indicates",
    "indicated",
    "revealed",
    "reveals",
    "concluded",
    "concludes",
];

/// Cues read only after a quote: "“...,” the statement read." Before a quote they more often
/// give what a sign or a page shows inside the writer's own sentence ("signs that read ...").
const AFTER_QUOTE_CUES: &[&str] = &["read", "reads"];

/// Verbs of saying proper, the only ones trusted as a second verb ("X did Y and said Z"): after
/// "and", "agreed to" or "called for" report what was done, not what was said.
pub const SPEECH_CUES: &[&str] = &[
    "said",
    "says",
    "told",
    "tells",
    "added",
    "adds",
    "argued",
    "argues",
    "warned",
    "warns",
    "insisted",
    "insists",
    "noted",
    "notes",
    "claimed",
    "claims",
    "stressed",
    "explained",
    "wrote",
    "writes",
    "predicted",
    "acknowledged",
    "admitted",
    "declared",
    "announced",
];

/// Cues after a leading "As" that report what follows ("As the mayor noted, ..."); "As X
/// spoke" or "As X left" only tell when.
const AS_CUES: &[&str] = &[
    "said",
    "says",
    "noted",
    "notes",
    "wrote",
    "writes",
    "argued",
    "argues",
    "explained",
    "observed",
    "told",
    "tells",
    "warned",
    "pointed out",
    "reminded",
    "put it",
];

/// Participles that go on attributing after the main clause: "X left, saying CLAUSE".
pub const PARTICIPLE_CUES: &[&str] = &[
    "saying",
    "adding",
    "arguing",
    "noting",
    "claiming",
    "insisting",
    "warning",
    "suggesting",
    "stressing",
    "explaining",
    "calling for",
    "calling on",
    "calling",
    "accusing",
    "urging",
    "promising",
    "predicting",
    "asserting",
    "declaring",
    "citing",
    "vowing",
    "pledging",
    "acknowledging",
    "complaining",
    "telling",
];

/// Words after which a new clause, and so a new speaker, can start mid-sentence.
pub const CONJUNCTIONS: &[&str] = &[
    "but", "and", "as", "after", "when", "because", "while", "since", "though", "although",
    "before", "until", "where", "yet", "so", "if",
];

/// Capitalised words before a colon that label a line rather than name its speaker.
const NOT_SPEAKER_LABELS: &[&str] = &[
    "update",
    "updated",
    "analysis",
    "opinion",
    "editorial",
    "note",
    "notes",
    "editor's note",
    "editor’s note",
    "watch",
    "video",
    "photos",
    "photo",
    "related",
    "read more",
    "breaking",
    "exclusive",
    "correction",
    "clarification",
    "commentary",
    "live",
    "q",
    "a",
    "source",
    "sources",
    "warning",
    "disclaimer",
    "subscribe",
    "follow",
    "contact",
    "email",
    "advertisement",
    "transcript",
];

/// Capitalised words that open a sentence without being its speaker ("In a speech, ...").
const NOT_SUBJECT_WORDS: &[&str] = &[
    "in",
    "on",
    "at",
    "after",
    "before",
    "but",
    "and",
    "or",
    "so",
    "yet",
    "the",
    "this",
    "that",
    "these",
    "those",
    "it",
    "its",
    "a",
    "an",
    "as",
    "when",
    "while",
    "if",
    "for",
    "with",
    "from",
    "by",
    "to",
    "during",
    "since",
    "though",
    "although",
    "there",
    "then",
    "still",
    "also",
    "now",
    "meanwhile",
    "however",
    "speaking",
    "asked",
    "according",
    "what",
    "why",
    "how",
    "who",
    "where",
    // Indefinite pronouns name no one to attribute words to.
    "nobody",
    "everybody",
    "everyone",
    "someone",
    "somebody",
    "anyone",
    "anybody",
    "nothing",
    "everything",
    "something",
    // "Should Mr. Clarke fail, ...": a condition's inverted auxiliary opens no subject.
    "should",
    "had",
    "were",
];

/// Whether a phrase that opens a sentence starts with a word that cannot be its speaker.
pub fn opens_without_subject(phrase: &str) -> bool {
    let first = phrase.split_whitespace().next().unwrap_or("");
    NOT_SUBJECT_WORDS.contains(&first.to_lowercase().as_str())
}

/// Imperatives that open a supposition: "Say Mexico demanded ...", "Suppose the court rules
/// ..." report nothing anyone said or did.
const SUPPOSITION_WORDS: &[&str] = &["say", "suppose", "imagine", "assume", "let"];

/// Whether a phrase opens with one of [`SUPPOSITION_WORDS`].
pub fn opens_supposition(phrase: &str) -> bool {
    let first = phrase.split_whitespace().next().unwrap_or("");
    SUPPOSITION_WORDS.contains(&first.to_lowercase().as_str())
}

/// Words that show a phrase before a cue is a clause of its own rather than the speaker:
/// subordinators, relatives and finite verbs ("What Trump says is", "The plan that voters
/// want"), and openers that cannot start a subject.
const NOT_IN_SUBJECT: &[&str] = &[
    "that",
    "which",
    "who",
    "whom",
    "whose",
    "what",
    "when",
    "where",
    "why",
    "how",
    "if",
    "because",
    "while",
    "whether",
    "unless",
    "until",
    "although",
    "though",
    "since",
    "once",
    "is",
    "was",
    "are",
    "were",
    "be",
    "been",
    "being",
    "has",
    "have",
    "had",
    "will",
    "would",
    "can",
    "could",
    "should",
    "may",
    "might",
    "must",
    "do",
    "does",
    "did",
    "not",
    "it",
    "this",
    "there",
    "i",
    "we",
    "you",
    "as",
    "than",
    "so",
    "but",
    "whatever",
    "whoever",
    "everything",
    "nothing",
    "something",
    "anything",
];

/// Whether a phrase opening a sentence before its cue can be its speaker: a few words, none of
/// which opens a clause or is a finite verb ("Those close to him", "Nearly eight of 10 voters",
/// "Experts on North Korea and nuclear nonproliferation"). The first word is checked apart:
/// "In", "After" open an adverbial, "Those" a subject.
pub fn is_plain_subject(phrase: &str) -> bool {
    // "More than 40 Labour MPs", "At least 12 residents": a counted group speaks.
    // Any other phrase opening with a digit ("10- and 30-year notes") names no one.
    let Some(group) = after_count_lead(phrase) else {
        return !phrase.starts_with(|c: char| c.is_ascii_digit()) && is_plain_phrase(phrase);
    };
    let head = group.rsplit(' ').next().unwrap_or(group);
    group.split(' ').count() <= 4
        && (GROUP_NOUNS.contains(&head)
            || head.starts_with(char::is_uppercase) && head.ends_with('s'))
}

/// `is_plain_subject` for a phrase that does not open with a count.
fn is_plain_phrase(phrase: &str) -> bool {
    let words: Vec<String> = phrase
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    let opener_ok = words.first().is_some_and(|w| {
        !NOT_SUBJECT_WORDS.contains(&w.as_str())
            || matches!(w.as_str(), "the" | "a" | "an" | "those" | "these")
    });
    // "They wouldn't tell", "There's no way to", "The bias begins to show": a negated or
    // contracted verb, or a cue that is an infinitive, is no speaker's.
    let verb_shaped = |w: &String| {
        w.ends_with("n't") || w.ends_with("n’t") || matches!(w.as_str(), "there's" | "there’s")
    };
    opener_ok
        && words.len() <= 9
        && !holds_clause(phrase)
        && !owns_cue(phrase)
        && !words[1..].iter().any(|w| NOT_IN_SUBJECT.contains(&w.as_str()))
        && !words.iter().any(verb_shaped)
        // "The politicians actually want": an adverb before the cue is no part of a name.
        && words.last().is_some_and(|w| w != "to" && !w.ends_with("ly"))
}

/// What follows a count opening a subject: "Labour MPs" of "More than 40 Labour MPs", "At
/// least 12 residents", "40 MPs".
pub fn after_count_lead(phrase: &str) -> Option<&str> {
    let rest = COUNT_LEADS
        .iter()
        .find_map(|lead| {
            phrase
                .get(..lead.len())
                .filter(|p| p.eq_ignore_ascii_case(lead))
                .map(|_| &phrase[lead.len()..])
        })
        .unwrap_or(phrase);
    let (count, group) = rest.split_once(' ')?;
    (count.starts_with(|c: char| c.is_ascii_digit())
        && count.chars().all(|c| c.is_ascii_digit() || c == ','))
    .then_some(group)
}

/// The words that may come before a count opening a subject.
const COUNT_LEADS: &[&str] = &[
    "more than ",
    "fewer than ",
    "at least ",
    "nearly ",
    "about ",
];

/// Determiners that may open the subject of [`Rules::subject_relative`]: "One investor who",
/// "Two people who", "The residents who".
const RELATIVE_SUBJECT_DETERMINERS: &[&str] = &[
    "a", "an", "the", "one", "two", "three", "some", "many", "several", "other", "most", "another",
];

/// Whether the noun phrase before a relative clause names who can speak ("Officials",
/// "One investor", "A resident", "Residents"): its last word a group noun or a role noun, or
/// the singular of a group noun.
pub fn is_described_head(phrase: &str) -> bool {
    let head = phrase
        .split_whitespace()
        .last()
        .unwrap_or("")
        .to_lowercase();
    let first = phrase.split_whitespace().next().unwrap_or("");
    let counted = RELATIVE_SUBJECT_DETERMINERS.contains(&first.to_lowercase().as_str());
    (counted || !opens_without_subject(first))
        && !is_pronoun(first)
        && (GROUP_NOUNS.contains(&head.as_str())
            || is_role_noun(&head)
            || GROUP_NOUNS.contains(&format!("{head}s").as_str()))
}

/// Whether a phrase read as a speaker holds a clause of its own whose verb the cue is: "the idea
/// that voters", "the rumors that the mayor" ("said" is theirs, not the idea's). A relative
/// clause with its own verb ("Groups that oppose the plan say") is a speaker; the patterns
/// cannot tell the two apart by shape, so a "that" right before a noun phrase counts.
pub fn holds_clause(phrase: &str) -> bool {
    let words: Vec<&str> = phrase.split_whitespace().collect();
    words.windows(2).any(|pair| {
        pair[0] == "that"
            && (matches!(
                pair[1],
                "the" | "a" | "an" | "he" | "she" | "they" | "his" | "her" | "their" | "its"
            ) || GROUP_NOUNS.contains(&pair[1]))
    })
}

/// Whether a phrase read as a speaker ends in a possessive, so owns the cue as a noun: "Oz's
/// show proved to be a safe space" is a show, not what Oz showed.
pub fn owns_cue(phrase: &str) -> bool {
    ["'s", "’s", "s'", "s’"]
        .iter()
        .any(|end| phrase.ends_with(end))
}

/// Whether a phrase read as a speaker opens with a cue, so is the words after an attribution
/// ("Olivia Marsh, said the figures showed ...": "said the figures" is no one).
pub fn opens_with_cue(phrase: &str) -> bool {
    let first = phrase.split_whitespace().next().unwrap_or("");
    CUES.contains(&first)
}

/// Whether a label before a colon is one of [`NOT_SPEAKER_LABELS`].
pub fn is_label(word: &str) -> bool {
    NOT_SPEAKER_LABELS.contains(&word.trim().to_lowercase().as_str())
}

/// Lazy DFA cache per pattern; grown on demand, so small articles use little of it.
const DFA_CACHE_BYTES: usize = 32 << 20;

/// The compiled speaker and cue patterns.
pub struct Rules {
    /// Attribution right after a closing mark: `, said X` / `, X said` / `X said`.
    pub after_quote: Regex,
    /// Attribution right before an opening mark, or governing a partial quote; use
    /// [`Rules::before_quote`], which runs the cheap shapes first.
    before_quote: Regex,
    /// [`Rules::before_quote`] with the gap after the cue unbounded: a counted repetition makes
    /// the lazy DFA track every count, which made this the costliest pattern of all, so the
    /// unbounded one runs first and the bounded one only when its gap is too long.
    before_quote_open: Regex,
    /// Any cue of [`CUES`] or [`CLAUSE_CUES`] as a word: every pattern naming a cue needs one, so a
    /// text without it skips them all (one literal search instead of several large automata).
    any_cue: Regex,
    /// Any of [`PARTICIPLE_CUES`] as a word, the same kind of gate for [`Rules::participle`].
    pub any_participle: Regex,
    /// "X said (that) CLAUSE", optionally after an introductory phrase.
    pub speaker_first: Regex,
    /// "but X said (that) CLAUSE": a speaker and cue after a conjunction, matched from a
    /// conjunction found mid-sentence (see [`CONJUNCTIONS`]); anchored, so it stays cheap.
    pub speaker_mid: Regex,
    /// "..., who said (that) CLAUSE": the speaker is the phrase the relative pronoun follows.
    pub speaker_who: Regex,
    /// "State television quoted Velic as saying: “...”" and "... quoted Velic as saying the
    /// army ...": the one quoted speaks, not the outlet; `content` is absent before a mark.
    pub quoted_as: Regex,
    /// "Political observers in Virginia say CLAUSE": any short phrase without a comma before
    /// the cue, tried when no speaker pattern fits; [`is_plain_subject`] vets the phrase. A
    /// relative clause set off after it is its role; a phrase "one of ..." set off after it
    /// says where it is from and is passed over ("Residents of Majengo estate, one of the
    /// worst-hit areas, said"). A lower-case plural alone may speak after an opening phrase
    /// ("At the shelter, where ..., evacuees said").
    pub subject_first: Regex,
    /// "Officials who spoke on condition of anonymity said CLAUSE", "Residents who lost homes
    /// say CLAUSE": a plain noun phrase and a relative clause about it before the cue; the
    /// relative clause is the speaker's role. [`is_described_head`] vets the noun. Only "who":
    /// after "that" the noun is as often a verb's ("Insurers estimate that ... claims").
    pub subject_relative: Regex,
    /// "“...” ― Name": a set-off quote attributed by a dash on its own line.
    pub dash_after: Regex,
    /// "Trump asked." / "said Jane Roe, a lawyer.": a short sentence that only attributes the
    /// quote before it (one closed by `?`, `!` or `.`, so the attribution starts a new sentence).
    pub attribution_sentence: Regex,
    /// "Clinton spokesman Nick Merrill": a descriptor ending in a role noun, then the name.
    pub described_person: Regex,
    /// "X did Y and said CLAUSE", "X did Y but has said CLAUSE": a second verb of speech whose
    /// speaker opens the sentence. Nothing fixed follows the speaker, so a described person
    /// ("Democratic candidate Hillary Clinton") is tried before a bare name would stop at
    /// "Democratic".
    pub coordinated: Regex,
    /// "X did Y, saying CLAUSE": a participle cue whose speaker opens the sentence.
    pub participle: Regex,
    /// ", adding that CLAUSE" right after a quote's attribution ("he told the group, adding
    /// ..."; "she said in a statement, saying ..."): more words of the same speaker.
    pub participle_tail: Regex,
    /// "The union endorsed Clinton", "Trump plans to cut taxes": a speaker, any verb and what it
    /// says, wants or does; tried last, when no verb of saying attributes the sentence. The
    /// match stops at the first character of the content, which runs to the sentence's end: a
    /// short match keeps the costly capture pass short.
    pub position: Regex,
    /// "PENCE: Well, ..." and "Politifact: Donald Trump Is Right": a speaker label and a colon.
    pub colon_line: Regex,
    /// "PENCE: ", "CHRIS WALLACE: ": a transcript's speaker label in capitals opening quoted
    /// words, up to the text it labels.
    pub transcript_label: Regex,
    /// "Said Ellis: “...”": a cue opening the sentence, then the speaker, then the quote.
    pub inverted_before: Regex,
    /// "CLAUSE, X said" / "CLAUSE, said X, ROLE": the attribution after the clause, to the
    /// sentence's end; found with [`Rules::after_clause`].
    pub speaker_last: Regex,
    /// "his RT appearance, in which he said CLAUSE": the speaker of a relative clause about an
    /// occasion ("where she said" is read after the conjunction "where").
    pub occasion_relative: Regex,
    /// "Dean defended the remark, saying, “...”": the sentence's subject speaks the quote a
    /// participle introduces, the participle ending the words before the mark.
    pub participle_before_quote: Regex,
    /// "CLAUSE, according to X" (found with [`Rules::after_clause`]) and "According to X,
    /// CLAUSE". After "according to", a phrase
    /// that names someone ("the event organizer Alliance to Reclaim Our Schools") is a source;
    /// one without a capital ("the law and regulations") is not.
    pub according_last: Regex,
    /// "according to X." with any X up to the sentence's end, for [`plain_according_source`]
    /// to judge: the sources [`Rules::according_last`] leaves out, checked in code because as
    /// alternatives of that pattern they made every quote search a quarter slower.
    pub according_last_plain: Regex,
    pub according_first: Regex,
    /// "As Ms. Simonyan put it in a statement, RT is ...": the attribution leads, set off by
    /// "As", and the clause after its comma is what was said.
    pub as_put_it: Regex,
    /// What follows a speaker: ", ROLE", " in PLACE", ", during OCCASION".
    pub role_after: Regex,
    pub place_after: Regex,
    pub occasion_after: Regex,
    /// "Marcus Johnson" of "Marcus Johnson, 45,": the name before a person's age.
    pub name_before_age: Regex,
    /// The name set off after a description that an attribution reads as its speaker: "'s
    /// secretary, Anil Gawde." after "said the association", ", Ron Lindqvist." after
    /// "according to its chief executive".
    pub name_after_description: Regex,
    /// "His wife was blunter:", "The club's manager put it simply:": a description opening a
    /// clause, up to its verb, read as the speaker of a quote the clause introduces.
    pub described_subject: Regex,
    /// Whom words were told, right after "told": "told Vogue in an interview", "told reporters".
    pub listener_after: Regex,
    /// "Speaking at OCCASION, " before a speaker.
    pub speaking_at: Regex,
    /// "Name, role" lines that head a statement section.
    pub name_role_line: Regex,
    /// "President Xi's ..." headings over block quotes.
    pub possessive_person: Regex,
}

/// Cues that can open a sentence before their speaker and quote: "Said Ellis: “...”".
const INVERTED_CUES: &[&str] = &[
    "said",
    "says",
    "added",
    "adds",
    "asked",
    "asks",
    "wrote",
    "writes",
    "replied",
    "countered",
    "explained",
    "according to",
];

/// Fewest characters of a clause reported before its attribution ("CLAUSE, X said").
const MIN_CLAUSE_CHARS: usize = 10;

/// Lengths of a lead before an attribution set off inside its clause ("The plan, the mayor
/// said, would cost ..."), where the clause goes on after it: those too short for
/// [`Rules::after_clause`], which has tried every longer one.
pub const SHORT_LEAD_CHARS: Range<usize> = 3..MIN_CLAUSE_CHARS;

/// Most characters between a cue and the opening mark it governs ("X said on Monday that “...”").
const MAX_GAP_CHARS: usize = 120;

impl Rules {
    /// Whether `text` holds a speech cue at all; when it does not, no cue pattern can match.
    pub fn has_cue(&self, text: &str) -> bool {
        self.any_cue.is_match(text)
    }

    /// [`Rules::has_cue`] for the words after a closing mark, where a record's "read" counts
    /// too ("“...,” the statement read.").
    pub fn has_cue_after_quote(&self, text: &str) -> bool {
        self.has_cue(text)
            || text.split_whitespace().take(12).any(|w| {
                AFTER_QUOTE_CUES.contains(&w.trim_end_matches(|c: char| !c.is_alphabetic()))
            })
    }

    /// "CLAUSE" then `attribution`, a pattern anchored at the comma or space that ends the
    /// clause: the clause's range, the rest of the sentence from there, and the attribution's
    /// captures in that rest. It is tried, anchored, at each place after the clause's first
    /// [`MIN_CLAUSE_CHARS`] characters where `opens` says it could start, leftmost first. Short
    /// anchored searches keep these large patterns cheap, where one unanchored search over the
    /// sentence keeps building automaton states.
    pub fn after_clause<'h>(
        attribution: &Regex,
        sentence: &'h str,
        opens: impl Fn(&str) -> bool,
    ) -> Option<(Range<usize>, &'h str, Captures<'h>)> {
        Self::after_lead(attribution, sentence, MIN_CLAUSE_CHARS..usize::MAX, opens)
    }

    /// [`Rules::after_clause`] after a lead whose length in characters is in `lead_chars`:
    /// "The plan, the mayor said, would cost ..." sets its attribution off after two words.
    pub fn after_lead<'h>(
        attribution: &Regex,
        sentence: &'h str,
        lead_chars: Range<usize>,
        opens: impl Fn(&str) -> bool,
    ) -> Option<(Range<usize>, &'h str, Captures<'h>)> {
        sentence
            .char_indices()
            .take(lead_chars.end)
            .skip(lead_chars.start)
            .filter(|&(i, c)| {
                (c == ',' || c.is_whitespace())
                    && !sentence[..i].ends_with(|p: char| p == ',' || p.is_whitespace())
                    && opens(&sentence[i..])
            })
            .find_map(|(i, _)| {
                let rest = &sentence[i..];
                attribution.captures(rest).map(|c| (0..i, rest, c))
            })
    }

    /// Attribution right before an opening mark: the speaker, role, cue and the gap up to the mark.
    /// The same captures as the bounded pattern, found more cheaply: a match of the unbounded
    /// pattern whose gap fits is the one the bounded pattern finds (same leftmost start, same
    /// preferred path, since the bounded one only removes longer gaps).
    pub fn before_quote<'h>(&self, before: &'h str) -> Option<Captures<'h>> {
        if before.contains("quoted ")
            && let Some(c) = self.quoted_as.captures(before)
            && c.name("content").is_none()
            && c.get(0).is_some_and(|m| m.end() == before.len())
        {
            return Some(c);
        }
        if before.trim_start().starts_with(char::is_uppercase)
            && let Some(c) = self.inverted_before.captures(before)
        {
            return Some(c);
        }
        if !self.has_cue(before) {
            return None;
        }
        let c = self.before_quote_open.captures(before)?;
        // "When asked if he regretted it, Lynch replied:": the clause opener is no speaker,
        // and the attribution comes after its comma.
        if let Some(sp) = c.name("sp")
            && SUBORDINATORS.contains(&sp.as_str())
        {
            let cue_end = c.name("cue").map_or(sp.end(), |m| m.end());
            let comma = before[cue_end..].find(", ")? + cue_end + 2;
            return self.before_quote(&before[comma..]);
        }
        let gap = c.name("gap").map_or(0, |g| g.as_str().chars().count());
        if gap <= MAX_GAP_CHARS {
            Some(c)
        } else {
            self.before_quote.captures(before)
        }
    }
}

fn alternation(words: &[&str]) -> String {
    let mut sorted: Vec<&str> = words.to_vec();
    sorted.sort_by_key(|w| std::cmp::Reverse(w.len()));
    sorted.dedup();
    sorted
        .iter()
        .map(|w| regex::escape(w).replace(' ', r"\s+"))
        .collect::<Vec<_>>()
        .join("|")
}

/// Like [`alternation`], but each word may also start with a capital ("Democrats", "Sources").
fn alternation_any_case(words: &[&str]) -> String {
    let capitalised: Vec<String> = words
        .iter()
        .map(|w| {
            let mut chars = w.chars();
            chars.next().map_or(String::new(), |first| {
                first.to_uppercase().chain(chars).collect::<String>()
            })
        })
        .collect();
    let mut all: Vec<&str> = words.to_vec();
    all.extend(capitalised.iter().map(String::as_str));
    alternation(&all)
}

/// Verbs that say when or how a record came out ("a poll released in late August"): they
/// follow a record in a speaker phrase without naming the speaker.
pub const RELEASE_VERBS: &[&str] = &[
    "released",
    "published",
    "issued",
    "conducted",
    "obtained",
    "commissioned",
    "posted",
    "filed",
];

/// A speaker label as transcripts write it, in capitals: "PENCE", "CHRIS WALLACE".
const CAPITALS_LABEL: &str = r"\p{Lu}[\p{Lu}'’\-]+(?:\s+\p{Lu}[\p{Lu}'’\-]+)?";

/// Auxiliaries and adverbs that may stand between a speaker and the verb of a position.
const POSITION_AUX: &str = r"has|have|had|will|would|could|should|may|might|must|can|cannot|did|does|do|is|are|was|were|been|also|not|never|now|still|then|later|once|already|again|long|first|just|even|(?:does|did|do|is|are|was|were|has|have|had|could|would|should|can|wo)n['’]t";

/// Words that follow a sentence's subject without being a verb of position ("Trump of New
/// York", "Clinton and her aides", "Obama is a lawyer").
pub const NOT_POSITION_VERBS: &[&str] = &[
    "of",
    "and",
    "or",
    "in",
    "on",
    "at",
    "for",
    "to",
    "from",
    "with",
    "by",
    "as",
    "the",
    "a",
    "an",
    "who",
    "which",
    "that",
    "whose",
    "whom",
    "where",
    "when",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "has",
    "have",
    "had",
    "himself",
    "herself",
    "themselves",
    "itself",
    "alone",
    "too",
    "also",
    "not",
    "so",
    "than",
    "then",
    "now",
    "if",
    "but",
    "because",
    "after",
    "before",
    "into",
    "over",
    "under",
    "about",
    "against",
    "his",
    "her",
    "their",
    "its",
    "this",
    "these",
    "those",
    "all",
    "both",
    "each",
    "up",
    "out",
    "down",
    "off",
    "did",
    "does",
    "do",
    "will",
    "would",
    "could",
    "should",
    "may",
    "might",
    "must",
    "can",
    // Comings, goings and presence: acts that carry no stance ("Xi spoke at the conference").
    "spoke",
    "speaks",
    "speak",
    "visited",
    "visits",
    "went",
    "goes",
    "came",
    "comes",
    "come",
    // "The SRC marched to the administration building".
    "marched",
    "marches",
    "arrived",
    "arrives",
    "left",
    "leaves",
    "traveled",
    "travelled",
    "travels",
    "flew",
    "flies",
    "met",
    "meets",
    "attended",
    "attends",
    "appeared",
    "appears",
    "returned",
    "returns",
    "walked",
    "sat",
    "stood",
    "lives",
    "lived",
    "died",
    "dies",
    "worked",
    "works",
    "served",
    "serves",
    "joined",
    "joins",
    "stayed",
    "stays",
    "moved",
    "grew",
    "slept",
    "ate",
    "arrived",
    "landed",
    "headed",
    "heads",
    "boarded",
    "entered",
    "departed",
    "toured",
    "waited",
    "paused",
    "watched",
    "watches",
    "planted",
    "tripped",
    "wore",
    "drove",
    "rode",
    // Having, getting and spending: what someone owns or earns is no stance ("Stumpf made
    // $19.3 million", "Trump received 38 percent").
    "bought",
    "sold",
    "spent",
    "earned",
    "received",
    "handed",
    "owns",
    "owned",
    "occupies",
    "occupied",
    "enjoyed",
    "enjoys",
    "experienced",
    "resigned",
    "retired",
    "summoned",
    "married",
    "divorced",
    "walking",
    "driving",
    "sitting",
    "standing",
    "riding",
    "sleeping",
    "waiting",
    "heading",
    "arrested",
    // Play: "Mika Zibanejad scored 2:14 into overtime", "Okafor has averaged 27.5 points",
    // "The striker rose highest", "Cole levelled for the hosts".
    "scored",
    "scores",
    "averaged",
    "averages",
    "struck",
    "threw",
    "kicked",
    "netted",
    "levelled",
    "leveled",
    "equalised",
    "equalized",
    "saved",
    "rose",
    // "Shares of Bellweather jumped 24 percent", "Carrington has seen sales decline".
    "jumped",
    "seen",
    // Size and duration: "South Korea accounts for a large share", "the talks lasted four
    // hours".
    "accounts",
    "accounted",
    "lasted",
    "lasts",
    "played",
    "won",
    "beat",
    "finished",
    // Handling things: "Jenny and Rob picked through the ashes", "was bailing water".
    "picked",
    "picking",
    "sifted",
    "sifting",
    "bailing",
    // Bylines and pastimes: "Kevin Tran contributed to this report", "Democrats are enjoying
    // the show". ("X is facing Y" stays: PolNeAR reads it as a stance.)
    "enjoying",
    "contributed",
    // Harm and bodily acts: "The driver suffered minor injuries", "Ferris shakes his head".
    "suffered",
    "suffers",
    "injured",
    "climbed",
    "climbs",
    "shakes",
    "shook",
    "nodded",
    "nods",
    "smiled",
    "smiles",
    "laughed",
    "laughs",
    "grinned",
    "paused",
    "sighed",
    "detained",
    // A search: "Police are searching for a gunman". ("Many Americans have heard that ..."
    // stays: PolNeAR reads it as a stance.)
    "searching",
    // Foundings are history, not a stance: "Rachel Dunleavy co-founded the group".
    "founded",
    "co-founded",
    // Procedure, needs, losses and keeping: "the governor activated the National Guard", "the
    // judge adjourned the hearing", "The pilot requires approval", "could lose the vote",
    // "kept their forecast", "Okafor pulls up to the last stop", "Officials closed the highway",
    // "Deputies evacuated 300 homes".
    "closed",
    "closes",
    "reopened",
    "evacuated",
    "activated",
    "adjourned",
    "requires",
    "required",
    "lose",
    "loses",
    "lost",
    "kept",
    "keeps",
    "pulls",
    "pulled",
];

/// Past forms without "-ed" that a verb of position may take ("Trump made", "The union chose").
pub const IRREGULAR_PAST: &[&str] = &[
    "made",
    "took",
    "gave",
    "got",
    "won",
    "lost",
    "led",
    "ran",
    "sent",
    "spent",
    "held",
    "put",
    "set",
    "cut",
    "hit",
    "let",
    "paid",
    "sold",
    "bought",
    "brought",
    "thought",
    "sought",
    "fought",
    "became",
    "began",
    "saw",
    "knew",
    "wrote",
    "chose",
    "drew",
    "found",
    "built",
    "kept",
    "meant",
    "understood",
    "wore",
    "struck",
    "threw",
    "broke",
    "rose",
    "fell",
    "felt",
    "heard",
    "laid",
    "bore",
    "beat",
    "caught",
    "dealt",
    "forgave",
    "froze",
    "hid",
    "quit",
    "shook",
    "shot",
    "shut",
    "stole",
    "swore",
    "taught",
    "tore",
    "upheld",
    "undertook",
    "withdrew",
    "withheld",
    "overturned",
    "oversaw",
    "overcame",
    "forecast",
    "bet",
    "bid",
    "read",
    "said",
    "told",
];

/// Words that open a sentence before its speaker: "But many Democrats say ...".
const OPENING_CONNECTIVES: &str =
    r"(?:But|And|Yet|So|Now|Still|Instead|Also|Then|Meanwhile|Indeed|Even)";

/// Auxiliaries and adverbs that may stand between a speaker and the cue: "has long argued",
/// "had previously said", "has sharply criticized". Adverbs are listed rather than matched by
/// their "-ly" ending, which would read "family" or "Italy" as one.
const AUX_WORDS: &[&str] = &[
    "has",
    "have",
    "had",
    "would",
    "will",
    "also",
    "later",
    "then",
    "long",
    "previously",
    "earlier",
    "once",
    "repeatedly",
    "further",
    "again",
    "recently",
    "just",
    "already",
    "often",
    "publicly",
    "privately",
    "sharply",
    "strongly",
    "openly",
    "firmly",
    "flatly",
    "explicitly",
    "specifically",
    "reportedly",
    "frequently",
    "consistently",
    "initially",
    "originally",
    "subsequently",
    "quickly",
    "immediately",
    "separately",
    "similarly",
    "vehemently",
    "angrily",
    "bluntly",
    "loudly",
    "quietly",
    "falsely",
    "wrongly",
    "correctly",
    "incorrectly",
    "erroneously",
    "boldly",
    "successfully",
    "forcefully",
    "emphatically",
    "famously",
    "memorably",
    "routinely",
    "even",
];

/// Words that open a subordinate clause, read as a speaker before a passive cue ("When asked
/// ...", "If pressed ...", "Once questioned ...").
const SUBORDINATORS: &[&str] = &[
    "When", "when", "If", "if", "Once", "once", "While", "while", "After", "after", "Before",
    "before", "Though", "though", "Although", "although", "Unless", "unless", "Until", "until",
    "As", "as",
];

/// Events and media an opening phrase may name as the occasion: "In an interview with Variety,",
/// "At a news conference on Monday,".
const OCCASION_NOUNS: &[&str] = &[
    "interview",
    "statement",
    "speech",
    "rally",
    "conference",
    "briefing",
    "hearing",
    "debate",
    "post",
    "letter",
    "video",
    "podcast",
    "op-ed",
    "email",
    "call",
    "meeting",
    "appearance",
    "address",
    "town hall",
    "news release",
    "tweet",
];

/// Weekdays and other time words that may follow a cue: "said Friday", "told reporters Monday".
pub const TIME_WORDS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "today",
    "yesterday",
    "tonight",
    "recently",
    "earlier",
    "later",
    "again",
    "repeatedly",
    "publicly",
    "privately",
];

/// Every pattern, built once from the tables above and in `text::names`.
pub static RULES: LazyLock<Rules> = LazyLock::new(|| {
    // Words are runs without spaces, digits or punctuation rather than `\p{L}` letters: a negated
    // class is a far smaller automaton, and words are repeated in many places of every pattern.
    let word = r"[^\s\d.,;:!?“”\x22()\[\]—–―/&*#@]+";
    // Initials written together ("G.K. Butterfield", "J.R.R. Tolkien") are one name word.
    let name_word = format!(r"\p{{Lu}}(?:{word}|(?:\.\p{{Lu}})+)?\.?");
    // "of the" joins too: "the Bank of the South", "Mr. Morgan of the Sierra Club".
    // Particles may come two together: "Ursula von der Leyen", "Charles de la Cruz". Written
    // as alternatives of the one connector rather than a second optional one after it, which
    // made every name in every pattern a tenth slower.
    let connect = r"(?:of(?:\s+the)?|and|for|the|de(?:\s+la|\s+los)?|van(?:\s+der|\s+den)?|von(?:\s+der)?|der|da|bin(?:\s+al)?|al|la|le|du|on)";
    // Unbounded rather than {0,6}: a counted repetition copies the (large, Unicode) word
    // pattern into the automaton once per count, for every place a name can appear.
    let name = format!(r"{name_word}(?:\s+(?:{connect}\s+)?{name_word})*");
    // US writing follows a politician's name with party and state: "Sen. David Perdue (R-Ga.)",
    // "Sen. Donald Riegle (D., Mich.)", "Rep. Jane Roe (D-New York)". ASCII letters: states are
    // written in them, and `\p{L}` here, copied into every name of every pattern, made
    // extraction a tenth slower.
    // An organisation's acronym in brackets goes the same way: "the Land Transport Authority
    // (LTA) said".
    let party =
        r"(?:\s+\((?:[RDI](?:(?:-|\.,?\s?)[A-Z][A-Za-z.\-]*(?:\s[A-Z][a-z.]*)?)?|[A-Z]{2,6})\))";
    // A title ("Sen. Jane Roe", "Det. Sgt. Karen Blythe") reads as words of the name here;
    // `split_title` takes it off when the speaker is resolved.
    let person = format!(r"{name}{party}?");
    // A person, or an organisation after a lowercase "the" ("the IMF said"): one copy of the
    // name pattern serves both.
    let person_or_org = format!(r"(?:the\s+)?{name}{party}?");
    let groups = alternation_any_case(&[GROUP_NOUNS, RECORD_NOUNS].concat());
    let role_nouns = alternation(&[ROLE_NOUNS, EVERYDAY_ROLE_NOUNS].concat());
    // "Clinton spokesman Nick Merrill", "retired Air Force general Lloyd Newton": a short
    // descriptor ending in a role noun, then the name.
    // A number may lead the descriptor: "9/11 widow Terry Strada", "2016 nominee Mitt Roe".
    // "study co-author Dr. Priya Nair": a hyphened prefix joins the noun.
    let described = format!(
        r"(?:(?:{word}|\d+(?:/\d+)?)\.?\s+){{0,4}}?(?:[a-z]+-)?(?:{role_nouns})\s+{name}{party}?"
    );
    // "Tulsa police Chief Chuck Jordan": the office capitalised before the name. Only right
    // after a closing mark, where the speaker must start: elsewhere the words before could be
    // the clause's own ("cheered for Senator Jane Roe").
    let described_office = format!(
        r"(?:{word}\s+){{0,3}}?(?:{})\s+{name}{party}?",
        alternation_any_case(ROLE_NOUNS)
    );
    // A share of those polled: "63 percent", "Another 19 percent of voters".
    let share = format!(
        r"(?:(?:[Aa]nother|[Oo]nly|[Jj]ust|[Aa]bout|[Nn]early|[Aa]lmost)\s+)?\d+(?:\.\d+)?(?:\s*%|\s+percent)(?:\s+of\s+(?:{word}\s+){{0,2}}?(?:{groups}|respondents|\p{{Lu}}{word}s))?"
    );
    // "the senator", "The Indiana governor": resolved to the person last given that role.
    let the_role = format!(
        r"[Tt]he\s+(?:{word}\s+){{0,2}}?(?:{}|{})(?-u:\b)",
        alternation(ROLE_NOUNS),
        alternation(TITLE_NOUNS)
    );
    let det = format!(
        r"(?:[Tt]he|[Aa]n?|[Aa]nother|[Oo]ne|[Ss]ome|[Mm]any|[Ss]everal|[Oo]ther|[Tt]wo|[Tt]hree|[Mm]ost|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Mm]y|[Oo]ur|{name}['’]s)"
    );
    // "for the family", "of voter lists", "for Mr. Trump": what the group or role belongs to.
    // "released in late August", "that appeared in the British Medical Journal": when and
    // where a record came out, between it and its verb; "posted by the agency": who put it out.
    let release_verbs = alternation(RELEASE_VERBS);
    let came_out = format!(
        r"(?:\s+(?:{release_verbs}|(?:that|which)\s+(?:was\s+)?(?:appeared|released|published))(?:\s+by\s+the\s+\p{{Ll}}[\p{{Ll}}\-]+|\s+(?:in|on|by|last|this|earlier)(?:\s+{word})?(?:\s+\p{{Lu}}(?:{word})?)*)?)?"
    );
    let belongs = format!(
        r"(?:\s+(?:for|of|at|with|from|to|in|on|by|close\s+to|familiar\s+with|released\s+by|published\s+by|(?:polled|surveyed|quoted|cited|interviewed)\s+by|tracking)\s+(?:(?:the|a|an|his|her|their)\s+)?(?:{name}|(?:[\p{{Ll}}\-]+\s+)?[\p{{Ll}}\-]+))?{came_out}"
    );
    // "the state's campaign chairman", "Pagliano's lawyer", "a recent Reuters survey".
    // "the former secretary of state and current Democratic presidential nominee": two roles
    // of one person.
    // "U.S. safety regulators", "the U.N. envoy": an abbreviation qualifies a group or role.
    // ASCII capitals: with `\p{Lu}` here, every pattern holding a group ran a third slower.
    let abbreviation = r"(?:[A-Z]\.){2,}";
    // "Its co-founder", "the vice-chairman": a hyphened prefix joins the noun.
    let det_noun = format!(
        r"{det}\s+(?:(?:{word}|\d{{4}}|{abbreviation})\s+){{0,3}}?(?:[a-z]+-)?(?:{groups}|{role_nouns})(?-u:\b){belongs}(?:\s+and\s+(?:[\w.]+\s+){{0,3}}?(?:{role_nouns})(?-u:\b))?"
    );
    let bare_group =
        format!(r"(?:(?:{word}|{abbreviation})\s+){{0,2}}(?:{groups})(?-u:\b){belongs}");
    let pronoun = r"(?:[Hh]e|[Ss]he|[Tt]hey|[Ii]t)";
    // "..., the authority said in a statement": a body named before, read only after a clause.
    let body = format!(r"(?:[Tt]he|[Ii]ts)\s+(?:{})", alternation(BODY_NOUNS));
    // "“...,” one trader said": right after a closing mark, where nothing else can stand before
    // a cue, any noun after a determiner speaks, not only the role and group nouns of the tables.
    // Capitalised words may lead the noun: "one London-based banker", "a Tokyo trader".
    let described_lowercase = r"(?:[Oo]ne|[Aa]n?|[Aa]nother|[Tt]he)(?:\s+\p{Lu}[\p{L}\-]*){0,3}(?:\s+\p{Ll}[\p{Ll}\-]*){1,3}";
    // "the 28-year-old told Vogue", "said the 61-year-old striker", "the 29-year-old mother of
    // four from Homs told": an age for the person named before.
    let by_age = r"[Tt]he\s+\d{1,3}-year-old(?:\s+\p{Ll}+(?:\s+(?:of|from|in)\s+[\p{L}\d]+){0,2})?";
    let speaker = format!(
        r"(?:{pronoun}|{det_noun}|{the_role}|{described}|{person_or_org}|{share}|{bare_group})"
    );
    // An appositive role between speaker and cue: "X, a spokesman for Y, said".
    // Or the name itself after a description: "The state's campaign chairman, Phil Lovas, said".
    // An age may come first ("Schiff, 56, who has served ..."), and a relative clause may
    // follow the role ("X, a developer and spokeswoman for Y, which is made up of ..., said").
    // "which is based in Austin, Texas", "of Springfield, Va.": a place and its state or
    // country inside the role.
    let state = r"(?:,\s+\p{Lu}\p{Ll}+\.?(?:\s+\p{Lu}\p{Ll}+)?)";
    // "Kall -- co-editor of Debating The Donald, a book about the debates -- said": a role set
    // off by dashes. A comma before a digit groups thousands ("which collected 6,000
    // signatures") and ends no role.
    let role = format!(
        r"(?:,\s+(?:(?:\d{{1,3}},\s+)?(?P<role>(?:who\s+is\s+(?:also\s+)?)?(?:\p{{Ll}}|[Aa]n?\s|[Tt]he\s|\p{{Lu}}{word}['’]s\s)(?:[^,;:“”\x22]|,\d)+?{state}?)(?:,\s+(?:which|who|one\s+of|among|an?|the)\s(?:[^,;:“”\x22]|,\d)+?)?|\d{{1,3}}|(?P<apname>{person})),|\s+(?:--|—|–)\s+(?P<drole>[^—–;:“”\x22]+?)\s+(?:--|—|–))"
    );
    let aux = format!(
        r"(?:(?:{}|on\s+\w+|last\s+\w+|(?:earlier\s+)?this\s+(?:week|month|year|morning|afternoon)|in\s+\d{{4}})\s+)*",
        alternation(AUX_WORDS)
    );
    let aux = aux.as_str();
    let cues = alternation(CUES);
    let after_quote_cues = alternation(AFTER_QUOTE_CUES);
    let clause_cues = alternation(CLAUSE_CUES);
    let evidence_cues = alternation(EVIDENCE_CUES);
    let participles = alternation(PARTICIPLE_CUES);
    let conjunction = format!("(?:{})", alternation(CONJUNCTIONS));
    // What may stand between a clause cue and its clause: a time ("said Friday"), or a phrase
    // closed by "that" when it names the place or the listener ("said at a rally in Ohio that",
    // "told The Washington Post that").
    let time_words = alternation(TIME_WORDS);
    // Unbounded gaps: a counted one ({1,60}) makes the lazy DFA track every count.
    let listener_cues = "told|tells|tell|warned|reminded|assured|informed";
    // "cautioned, as did the campaign itself, that": a comparison set off between cue and clause.
    // "said earlier this week that": a time of three words.
    let after_cue = format!(
        r"(?:,\s+as\s+(?:did|do|does|has|have|had)\s+[^,.;:“”\x22]+?,\s+that\s+|\s+(?:at|in|on|during|to|after|before|from|with|while|outside|via|by|through|over)\s+[^.;:“”\x22]+?\s+that,?\s+|(?:\s+(?:earlier|later)\s+(?:this|last|that)\s+\w+|\s+(?:(?:late|early)\s+)?(?:on|in|last|this|earlier|late)\s+\w+|\s+(?:{time_words})(?:\s+(?:morning|afternoon|evening|night))?)?,?\s+(?:that\s+)?)"
    );
    let clause_cue = format!(
        r"(?:(?P<cue2>{listener_cues})\s+[^.;:“”\x22]+?\s+that\s+|(?P<cue>{clause_cues}){after_cue})"
    );
    // The patterns are large (every cue, title and group noun): a lazy DFA cache bigger than
    // the 2 MB default keeps it from being cleared and rebuilt on every few sentences.
    let build = |pattern: String| {
        RegexBuilder::new(&pattern)
            .dfa_size_limit(DFA_CACHE_BYTES)
            .build()
            .expect("attribution pattern compiles")
    };
    Rules {
        after_quote: build(format!(
            r"^\s*,?\s*(?:{aux}(?P<cue>{cues})\s+(?P<sp>{described_office}|{speaker}|{by_age})(?-u:\b)|(?:as\s+)?(?P<sp2>{speaker}|{described_office}|{described_lowercase}|{by_age}){role}?\s+{aux}(?P<cue2>{cues}|{after_quote_cues})(?-u:\b))"
        )),
        before_quote: build(format!(
            r"(?P<sp>{speaker}){role}?\s+{aux}(?P<cue>{cues})(?-u:\b)(?P<gap>[^.!?“”\x22]{{0,{MAX_GAP_CHARS}}})$"
        )),
        inverted_before: build(format!(
            r"^\s*(?P<cue>{})\s+(?P<sp>{speaker})(?:,\s+(?P<role>[^;:“”\x22]+?))?\s*[:,]?\s*$",
            alternation_any_case(INVERTED_CUES)
        )),
        before_quote_open: build(format!(
            r"(?P<sp>{speaker}){role}?\s+{aux}(?P<cue>{cues})(?-u:\b)(?P<gap>[^.!?“”\x22]*)$"
        )),
        // Cues are always preceded by a space, a comma or the start, and followed by a space,
        // punctuation or the end, so word boundaries keep this gate exact.
        any_cue: build(format!(
            r"(?-u:\b)(?:{})(?-u:\b)",
            alternation(&[CUES, CLAUSE_CUES].concat())
        )),
        any_participle: build(format!(r"(?-u:\b)(?:{participles})(?-u:\b)")),
        speaker_first: build(format!(
            r"^(?P<pre>[^“”\x22]{{3,}}?,\s+)??(?:{OPENING_CONNECTIVES}\s+)?(?P<sp>{speaker}){role}?\s+{aux}{clause_cue}(?P<content>\S)"
        )),
        speaker_mid: build(format!(
            r"^{conjunction}\s+(?P<sp>{speaker}){role}?\s+{aux}{clause_cue}(?P<content>\S)"
        )),
        quoted_as: build(format!(
            r"(?-u:\b)quoted\s+(?P<sp>{speaker}){role}?\s+as\s+(?P<cue>saying)(?:\s+that)?[,:]?\s*(?P<content>[^\s“”\x22‘])?"
        )),
        speaker_who: build(format!(
            r"(?P<sp>{speaker}){role}?,?\s+who\s+{aux}{clause_cue}(?P<content>\S)"
        )),
        subject_first: build(format!(
            r"^(?P<pre>[^“”\x22]{{3,}}?,\s+)?(?P<sp>(?:\p{{Lu}}|\d|(?:the|a|an)\s)[^\s,;:“”\x22]*(?:\s+[^\s,;:“”\x22]+){{0,8}}?|[a-z]+s)(?:,\s+(?P<role>(?:who|which)\s[^,;:“”\x22]+?),|,\s+one\s+of\s[^,;:“”\x22]+?,)?\s+{aux}{clause_cue}(?P<content>\S)"
        )),
        subject_relative: build(format!(
            r"^(?P<sp>(?:(?:{})\s+)?(?:[\p{{L}}\-]+\s+){{0,2}}?[\p{{L}}\-]+)\s+(?P<role>who\s[^,;:“”\x22]+?)\s+{aux}{clause_cue}(?P<content>\S)",
            alternation_any_case(RELATIVE_SUBJECT_DETERMINERS)
        )),
        coordinated: build(format!(
            r"^(?P<sp>{described}|{speaker})(?-u:\b)[^“”\x22]+?,?\s+(?:and|but)\s+{aux}(?P<cue>{}){after_cue}(?P<content>\S)",
            alternation(SPEECH_CUES)
        )),
        dash_after: build(format!(
            r"^\s*(?:[―—–]|--)\s*(?P<sp>{person})(?:,\s+(?P<role>[^.;“”\x22]{{3,120}}?))?[.\s]*$"
        )),
        attribution_sentence: build(format!(
            r"^(?:(?P<sp2>{speaker}){role}?\s+{aux}(?P<cue2>{cues})|{aux}(?P<cue>{cues})\s+(?P<sp>{speaker}))(?:\s+(?:{time_words}|reporters|me|us))?(?P<rest>(?:,[^.;“”\x22]{{3,120}})?)[.!]?$"
        )),
        described_person: build(format!(
            r"^(?P<desc>.*(?-u:\b)(?:{role_nouns}))\s+(?P<name>{name})$"
        )),
        participle: build(format!(
            r"^(?:{OPENING_CONNECTIVES},?\s+)?(?P<sp>{speaker})(?-u:\b)[^“”\x22]+?,\s+(?:{aux})?(?P<cue>{participles})\s+(?:that\s+)?(?P<content>\S)"
        )),
        participle_tail: build(format!(
            r"^(?:,?\s+[^,.;:“”\x22]{{1,60}}?)?,\s+(?P<cue>{participles})\s+(?P<that>that\s+)?(?P<content>[^\s“”‘\x22'])"
        )),
        position: build(format!(
            r"^(?:[^“”\x22]{{3,}}?,\s+)??(?:{OPENING_CONNECTIVES}\s+)?(?P<sp>{speaker}){role}?\s+(?P<cue>(?:(?:{POSITION_AUX})\s+)*(?:\p{{Ll}}+ly\s+)?(?P<verb>\p{{Ll}}[\p{{Ll}}\-]+))(?:\s+(?:to|that|on|about|for|with|against|of|in))?\s+(?P<content>\S)"
        )),
        colon_line: build(format!(
            r"^(?P<sp>{CAPITALS_LABEL}|{person}):\s+(?P<content>\S)"
        )),
        transcript_label: build(format!(r"^(?P<name>{CAPITALS_LABEL}):\s+")),
        participle_before_quote: build(format!(
            r"^(?P<sp>{speaker})(?-u:\b)[^“”\x22]+?(?:,|\s+while)\s+(?:{aux})?(?P<cue>{participles}|tweeting|writing|chanting),?:?\s*$"
        )),
        occasion_relative: build(format!(
            r",\s+(?:in|during|at|on)\s+which\s+(?P<sp>{pronoun}|{person}){role}?\s+{aux}{clause_cue}(?P<content>\S)"
        )),
        speaker_last: build(format!(
            r"^,[”’'\x22]{{0,2}}\s+(?:{aux}(?P<cue>{cues})\s+(?P<sp>{speaker})|(?P<sp2>{speaker}|{body})\s+{aux}(?P<cue2>{cues}|{evidence_cues}))(?-u:\b)(?P<rest>[^\x22“”]*)$"
        )),
        according_last: build(format!(
            r"^,?\s+(?P<cue>according\s+to)\s+(?P<sp>{speaker}|{det_noun}|(?:the\s+)?\p{{Lu}}[^,;.“”\x22]*?|(?:the|a|an|his|her|their|its)\s+[^,;.“”\x22]*?\p{{Lu}}(?:[^,;.“”\x22]|\.\s*\p{{Lu}})*?)(?P<rest>(?:[,;!?][^\x22“”]*|[.!?]\s*)?)$"
        )),
        as_put_it: build(format!(
            r"^As\s+(?P<sp>{speaker}){role}?\s+{aux}(?P<cue>put\s+it|puts\s+it|{})(?:\s+[^,;:“”\x22]+?)?,\s+(?P<content>[^\s“”\x22])",
            alternation(AS_CUES)
        )),
        according_last_plain: build(
            r"^,?\s+(?P<cue>according\s+to)\s+(?P<sp>[^,;.“”\x22]+?)(?P<rest>[.!?]\s*)?$".into(),
        ),
        according_first: build(format!(
            r"^(?P<cue>According\s+to)\s+(?P<sp>{speaker}|[^,]{{3,100}}),\s+(?P<content>\S)"
        )),
        // A role starts with an article or a lowercase noun, never a participle or a conjunction
        // ("stressing ...", "noting that ...", "and called for ..." continue the sentence instead).
        // An age may come first ("said Jenny Walsh, 52, a teacher"), and a possessive may open
        // it ("said Wes Streeting, Labour's health spokesman").
        // A dotted abbreviation before a name does not end it ("president of the U.S. League
        // of Savings Institutions"); before "He" or "The" it may end the sentence.
        role_after: build(r"^,\s+(?:\d{1,3},\s+)?(?P<role>(?:who\s+is\s+(?:also\s+)?)?(?:[Aa]n?\s|[Tt]he\s|\p{Ll}|\p{Lu}[^\s,;“”\x22]*['’]s\s)(?:(?:[A-Z]\.){2,}\s+[A-Z][a-z]{3,}|[^,;“”\x22])*?)\s*(?:,|\.(?:\s+\p{Lu}|\s*$)|$)".to_string()),
        place_after: build(r"^\s+in\s+(?P<place>\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)?)(?-u:\b)".to_string()),
        occasion_after: build(r"^,?\s*(?:during|at|in|on)\s+(?P<occ>(?:an?|the|his|her|their)\s[^,.;]{3,150})".to_string()),
        name_before_age: build(format!(r"(?P<name>{person})$")),
        name_after_description: build(format!(
            r"^(?P<tail>(?:['’]s)?(?:\s+\p{{Ll}}[\p{{Ll}}\-]*){{0,3}}),\s+(?P<name>{person})(?:\s+(?:of|from)\s+[^,.;“”\x22]+)?\s*(?:[,.;]|$)"
        )),
        listener_after: build(
            r"^\s+(?P<to>reporters|journalists|(?:the\s+)?\p{Lu}[^\s,.;:“”\x22]*(?:\s+(?:of\s+(?:the\s+)?)?\p{Lu}[^\s,.;:“”\x22]*)*)"
                .to_string(),
        ),
        // "Speaking at a rally in Ohio, ...", "In an interview with Variety, ...": an opening
        // phrase that names where the words were said.
        speaking_at: build(format!(
            r"^(?:Speaking\s+(?:at|in|to|during|on)\s+(?P<occ>[^,]{{3,200}})|(?:In|At|During|On)\s+(?P<occ2>(?:an?|the|his|her|their)\s+(?:[^\s,]+\s+){{0,3}}?(?:{})(?-u:\b)[^,]{{0,150}})),",
            alternation(OCCASION_NOUNS)
        )),
        described_subject: build(format!(
            r"^(?P<sp>(?:[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|{name}['’]s)\s+(?:\p{{Ll}}[\p{{Ll}}\-]*\s+){{0,2}}?(?:{role_nouns}|{groups}))\s+(?:was|is|were|are|had|has|put|wrote|posted|\p{{Ll}}+ed)(?-u:\b)"
        )),
        name_role_line: build(format!(r"^(?P<name>{name}),\s+(?P<role>\p{{Ll}}[^.!?]{{3,250}})$")),
        possessive_person: build(format!(r"(?P<sp>{person})['’]s(?-u:\b)")),
    }
});

/// A speaker phrase as written, cleaned of a leading "the" for bare groups and of the
/// "a report released by" wrapper that hides the real source.
pub fn clean_speaker(phrase: &str) -> String {
    static BY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(?:released|published|issued|carried)\s+by\s+(?:the\s+)?(?P<org>.+)$")
            .unwrap()
    });
    static PARTY: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\s*\((?:[RDI](?:[-.][^()]*)?|[A-Z]{2,6})\)").unwrap());
    let phrase = phrase.trim().trim_end_matches([',', '.']);
    // "China on Monday": "on" joins names ("Stratford-on-Avon" aside, "Bank on the Hill"), but
    // not a weekday, which says when.
    let phrase = phrase
        .split_once(" on ")
        .filter(|(_, day)| day.starts_with(char::is_uppercase) && TIME_WORDS.contains(day))
        .map_or(phrase, |(name, _)| name);
    let phrase = &*PARTY.replace_all(phrase, "");
    if let Some(c) = BY.captures(phrase) {
        return c["org"].to_string();
    }
    // "An aide quoted by Le Parisien": the paper only carried the aide's words. ("Voters
    // polled by Quinnipiac" keep the poll: it says who they are.)
    let phrase = [" quoted by ", " cited by "]
        .iter()
        .find_map(|by| phrase.split_once(by).map(|(who, _)| who))
        .unwrap_or(phrase);
    let words: Vec<&str> = phrase.split_whitespace().collect();
    // "- a fact campaigners say is ...": a singular article cannot lead a plural group, so the
    // noun between them is the clause's own ("a few campaigners" counts them; "A spokesperson
    // for the owners" has more words, and a group of its own).
    if let [article, second, head] = words.as_slice()
        && matches!(*article, "a" | "an" | "A" | "An")
        && head.ends_with('s')
        && is_group(head)
        && !QUANTITY_NOUNS.contains(second)
    {
        return head.to_string();
    }
    words.join(" ")
}

/// Words after "a" that count the plural after them: "a few campaigners", "a number of".
const QUANTITY_NOUNS: &[&str] = &[
    "few",
    "couple",
    "lot",
    "number",
    "handful",
    "dozen",
    "majority",
    "minority",
    "group",
    "host",
    "slew",
    "series",
    "pair",
    "trio",
    "coalition",
    "bevy",
];

/// A role as written, tidied: "who is also director of X" -> "director of X", stray full stops
/// inside ("Administration. of China") removed.
pub fn clean_role(role: &str) -> String {
    static STRAY_STOP: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\.\s+(\p{Ll})").unwrap());
    let role = role.trim().trim_end_matches(',');
    // "Arkansas Gov.": a title's full stop stays.
    let ends_with_title = role.split_whitespace().last().is_some_and(is_title);
    let role = if ends_with_title {
        role
    } else {
        role.trim_end_matches(['.', ','])
    };
    let role = role
        .strip_prefix("who is also ")
        .or_else(|| role.strip_prefix("who is "))
        // "Sarah Wood, of the campaign group Railfuture": where she is from is the role.
        .or_else(|| role.strip_prefix("of the "))
        .or_else(|| role.strip_prefix("of "))
        .unwrap_or(role);
    STRAY_STOP
        .replace_all(role, " $1")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A source after "according to" at a sentence's end that [`Rules::according_last`] does not
/// read: a body named in lower case ("the provincial disaster risk reduction and management
/// office"), or a phrase with no determiner that names a capitalised source ("data compiled
/// by Bloomberg").
pub fn plain_according_source(phrase: &str) -> bool {
    let words: Vec<&str> = phrase.split_whitespace().collect();
    if words.len() < 2 || words.len() > 8 {
        return false;
    }
    let determiner = matches!(words[0], "the" | "a" | "an" | "its" | "their");
    let lower = |w: &&str| w.chars().all(|c| c.is_lowercase() || c == '-');
    let lower_body = determiner && words.iter().all(lower) && is_group(phrase);
    let named_by_capital = !determiner
        && lower(&words[0])
        && words[1..].iter().any(|w| w.starts_with(char::is_uppercase));
    lower_body || named_by_capital
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn after_quote_both_orders() {
        let r = &RULES.after_quote;
        let c = r
            .captures(", said President Xi Jinping in Seattle, stressing")
            .unwrap();
        assert_eq!(&c["sp"], "President Xi Jinping");
        assert_eq!(&c["cue"], "said");
        let c = r.captures(" she added.").unwrap();
        assert_eq!(&c["sp2"], "she");
        let c = r
            .captures(" Smith, a spokesman for the ministry, said.")
            .unwrap();
        assert_eq!(&c["sp2"], "Smith");
        assert_eq!(&c["role"], "a spokesman for the ministry");
    }

    #[test]
    fn reported_speech_shapes() {
        let c = RULES
            .speaker_first
            .captures("To build such a community, Xi said it is necessary to act.")
            .unwrap();
        assert_eq!(&c["sp"], "Xi");
        // The match stops at the content's first character; the content runs to the end.
        assert_eq!(&c["content"], "i");
        let comma = |rest: &str| rest.starts_with(',');
        let sentence = "The plan is sound, safe and will work, experts said.";
        let (clause, _, c) = Rules::after_clause(&RULES.speaker_last, sentence, comma).unwrap();
        assert_eq!(&c["sp2"], "experts");
        assert_eq!(&sentence[clause], "The plan is sound, safe and will work");
        // Ten characters at least before the attribution: "Yes, he said." reports no clause.
        assert!(Rules::after_clause(&RULES.speaker_last, "Yes, he said.", comma).is_none());
        let any = |_: &str| true;
        let (_, _, c) = Rules::after_clause(&RULES.according_last, "China had 854 million internet users, according to a report released by the China Internet Network Information Center.", any)
            .unwrap();
        assert_eq!(
            clean_speaker(&c["sp"]),
            "China Internet Network Information Center"
        );
    }

    #[test]
    fn roles_are_tidied() {
        assert_eq!(
            clean_role("deputy director of the Cyberspace Administration. of China"),
            "deputy director of the Cyberspace Administration of China"
        );
        assert_eq!(
            clean_role("who is also director of the Commission"),
            "director of the Commission"
        );
        assert_eq!(
            clean_role("of the campaign group Railfuture"),
            "campaign group Railfuture"
        );
        assert_eq!(
            clean_role("of King's College London"),
            "King's College London"
        );
    }
}
