//! Reported positions: what a named person or body wants, backs or did, as the writer reports it
//! without a verb of saying ("The union endorsed Clinton", "..., and Clinton unveiled a plan").
//! Owns the checks that the words before the verb name someone and that the verb is one.

use super::attribution::{
    IRREGULAR_PAST, NOT_POSITION_VERBS, RULES, holds_clause, opens_supposition,
    opens_without_subject,
};
use super::{Attribution, Walk, conjunctions, starts_with_determiner};
use crate::corpus::Article;
use crate::text::names::{EVERYDAY_ROLE_NOUNS, ROLE_NOUNS, is_group, is_record};
use std::ops::Range;

/// A news article's credit line ("Jane Roe contributed reporting.") is no one's position.
const CREDIT_LINES: &[&str] = &[
    "contributed reporting",
    "contributed to this report",
    "contributed to this article",
    "contributed research",
];

/// Words of a sentence that says someone did not comment ("did not respond to a request for
/// comment", "declined to comment", "did not return calls"): news of silence, not a position.
const NO_COMMENT: &[&str] = &[
    "for comment",
    "to comment",
    "return calls",
    "return phone calls",
    "return a call",
    "return messages",
    "return a message",
    "returned calls",
];

/// Verbs of a market's or a count's movement: right after the word read as a position's verb
/// they show that word was a noun ("Ford shares closed at $44.50", "Apple sales fell").
const MOVEMENT_AFTER_NOUN: &[&str] = &[
    "rose",
    "fell",
    "closed",
    "opened",
    "jumped",
    "dropped",
    "slipped",
    "gained",
    "climbed",
    "tumbled",
    "surged",
    "plunged",
    "soared",
    "declined",
    "edged",
    "ended",
    "traded",
    "finished",
    "slid",
    "sank",
    "rallied",
    "dipped",
    "slumped",
    "advanced",
    "retreated",
];

/// Whether a phrase read as a subject holds a finite verb after its first word: "Trump's
/// late-summer swoon had Republicans" is a clause, not who did something.
fn has_finite_verb(phrase: &str) -> bool {
    phrase
        .split_whitespace()
        .skip(1)
        .any(|w| FINITE_AFTER_NOUN.contains(&w))
}

/// Words that open an introductory phrase before a sentence's subject, beyond those that open
/// no subject at all: "Last week, the union ...", "Over the past years, China has ...".
const INTRO_OPENERS: &[&str] = &[
    "Last",
    "Next",
    "Earlier",
    "Later",
    "Years",
    "Months",
    "Days",
    "Over",
    "Under",
    "Across",
    "Throughout",
    "Within",
    "Amid",
    "Despite",
    "Among",
    "Following",
    "Against",
    "Without",
    "Through",
    "Beyond",
    "Unlike",
    "Like",
    "Toward",
    "Towards",
    "Upon",
    "Until",
    "Once",
    "Back",
    "Nearby",
    "Elsewhere",
    "Out",
    "Up",
    "Down",
    "Inside",
    "Outside",
    "Along",
    "Around",
    "Near",
];

/// Auxiliaries of the future and of ability: what someone will or can do is no position they
/// took ("Residents can find the latest information on the RFS website"). "Could" and "may"
/// stay: PolNeAR reads "the government could deny mining permits" as a stance.
const FORECAST_AUX: &[&str] = &["will", "won't", "won’t", "shall", "can"];

/// Finite verbs that, right after the word read as a position's verb, show that word was a
/// noun of the subject ("Democratic donors are ...").
pub(super) const FINITE_AFTER_NOUN: &[&str] = &[
    "is", "are", "was", "were", "will", "would", "can", "could", "may", "might", "must", "should",
    "has", "have", "had",
];

impl Walk<'_> {
    /// "The union endorsed Clinton": a speaker's act or stance without a verb of saying.
    pub(super) fn position(&mut self, sentence: &str) -> Option<(Range<usize>, Attribution)> {
        // "Kessler put it more bluntly in a speech on the Senate floor:" introduces what
        // follows; it holds no position of its own.
        if sentence.trim_end().ends_with(':') {
            return None;
        }
        if sentence.starts_with(char::is_uppercase)
            && let Some(found) = self.position_clause(sentence)
        {
            return Some(found);
        }
        // "..., and Clinton pledged to ...": a position in a later clause. A conjunction after
        // a capitalised word joins names ("the Strategic and Economic Dialogue"), not clauses.
        let starts = conjunctions(sentence).filter_map(|(at, word)| {
            let after_name = sentence[..at].strip_suffix(' ').is_some_and(|before| {
                before.rsplit(' ').next().is_some_and(|w| {
                    w.starts_with(char::is_uppercase) && w.ends_with(char::is_alphabetic)
                })
            });
            (!after_name).then_some(at + word.len())
        });
        for at in starts {
            let clause = sentence[at..].trim_start();
            let at = sentence.len() - clause.len();
            if let Some((span, attr)) = self.position_clause(clause) {
                return Some((at + span.start..at + span.end, attr));
            }
        }
        None
    }

    /// A position whose speaker opens `clause`.
    fn position_clause(&mut self, clause: &str) -> Option<(Range<usize>, Attribution)> {
        if let Some(found) = self.position_at(clause) {
            return Some(found);
        }
        // "Speaking in Ohio, Trump vowed ...", "On Monday, the union endorsed ...": after an
        // introductory phrase (one opening with a preposition, a connective, a participle or
        // an adverb) the subject follows its comma. The pattern prefers a subject at the start
        // ("Ben Beadle, the chief executive of ..., welcomed"), so this one is found here.
        let at = after_intro(clause)?;
        let (span, attr) = self.position_at(&clause[at..])?;
        Some((at + span.start..at + span.end, attr))
    }

    /// A position whose speaker opens `clause` itself.
    fn position_at(&mut self, clause: &str) -> Option<(Range<usize>, Attribution)> {
        let sentence = clause;
        let c = RULES.position.captures(sentence)?;
        let verb = c.name("verb")?.as_str();
        let cue = &c["cue"];
        // "Cruz was booed": the subject of a passive is not the one acting.
        // "Trump was like a sprinter": after a form of "be" only "-ing" is an act ("is seeking").
        let passive_or_copula = cue
            .split_whitespace()
            .any(|w| matches!(w, "is" | "are" | "was" | "were" | "been" | "be"))
            && !verb.ends_with("ing");
        let sp = &c["sp"];
        // "The union", "A spokesman for the firm": a determiner before a group or a role opens
        // a subject, though it opens no name.
        let described = sp.split_whitespace().nth(1).is_some()
            && (is_group(sp)
                || ROLE_NOUNS
                    .iter()
                    .chain(EVERYDAY_ROLE_NOUNS)
                    .any(|r| sp.ends_with(r)));
        // A word after a name is a verb only if it looks like one: "The Chinese government"
        // and "Zhejiang province" read the noun as the verb. Plain forms ("Democrats want")
        // follow plural subjects only, and any form follows an auxiliary ("will cut").
        let has_aux = cue.split_whitespace().nth(1).is_some();
        let plural = sp.ends_with('s') || sp.contains(" and ") || matches!(sp, "They" | "they");
        let looks_like_verb = has_aux
            || verb.ends_with('s')
            || verb.ends_with("ed")
            || IRREGULAR_PAST.contains(&verb)
            || (plural && !is_group(verb));
        // "Trump has record low support", "Congress has three ways": "has" owns something;
        // only a participle after it makes "has" an auxiliary ("has endorsed", "has won").
        let after_have = cue
            .split_whitespace()
            .rev()
            .nth(1)
            .is_some_and(|w| matches!(w, "has" | "have" | "had"));
        // "Environmental groups can ...": a word the article only writes leading a longer name
        // opens a noun phrase here, and the word read as the verb is its noun. "Beijing is
        // building" has an auxiliary, so its verb is one.
        let leads_only = !has_aux && self.proper_nouns.get(sp.trim()) == Some(&false);
        // "Clinton will host events in Broward": what someone will do is the writer's schedule
        // or forecast, not a stance they took.
        let forecast = cue
            .split_whitespace()
            .next()
            .is_some_and(|w| FORECAST_AUX.contains(&w));
        // "Radical Islamic terrorists are engaged", "This step is harder": a finite verb right
        // after the word read as the verb makes that word the subject's noun.
        let noun_read_as_verb = !has_aux
            && sentence[c.name("verb")?.end()..]
                .split_whitespace()
                .next()
                .is_some_and(|w| {
                    FINITE_AFTER_NOUN.contains(&w) || MOVEMENT_AFTER_NOUN.contains(&w)
                });
        if (after_have && !is_participle(verb))
            || leads_only
            || forecast
            || noun_read_as_verb
            || NOT_POSITION_VERBS.contains(&verb)
            || !looks_like_verb
            || is_group(verb)
            || passive_or_copula
            || is_record(sp)
            || holds_clause(sp)
            // "In a statement issued Tuesday": a preposition opens no subject, group or not.
            || (opens_without_subject(sp) && !(described && starts_with_determiner(sp)))
            || has_finite_verb(sp)
            || !self.is_subject(sp)
        {
            return None;
        }
        let verb_start = c.name("cue")?.start();
        if CREDIT_LINES
            .iter()
            .any(|line| sentence[verb_start..].starts_with(line))
            || NO_COMMENT
                .iter()
                .any(|w| sentence[verb_start..].contains(w))
        {
            return None;
        }
        let attr = self.attribution_from(&c, sentence);
        // The verb stays in the words: "endorsed Clinton", not "Clinton".
        let content_start = c.name("content")?.start();
        (sentence.len() - content_start > 8).then_some((verb_start..sentence.len(), attr))
    }

    /// Whether a phrase opening a sentence names someone who can hold a position: a pronoun, a
    /// phrase of several words, an acronym, or a word the article capitalises mid-sentence too.
    fn is_subject(&self, phrase: &str) -> bool {
        let phrase = phrase.trim();
        // "Trump's plan would ...": the subject is the plan, and the word read as the verb is a
        // noun; "It's", "They've" and "I'm" are not subjects either.
        let clitic = phrase
            .rsplit_once(['\'', '’'])
            .is_some_and(|(_, end)| matches!(end, "s" | "ve" | "m" | "re" | "ll" | "d"));
        if clitic {
            return false;
        }
        let words: Vec<&str> = phrase.split_whitespace().collect();
        // "encouraging his supporters", "Injecting Clinton": a clause, not a subject.
        let first = words.first().copied().unwrap_or("");
        let lowercase = first.starts_with(char::is_lowercase)
            && !matches!(first, "he" | "she" | "they" | "the");
        if lowercase
            || matches!(first, "Neither" | "Nor" | "Not" | "No" | "Every" | "Any")
            // "Say Mexico slapped tariffs on ...": a supposition, not a report.
            || opens_supposition(first)
            || (words.len() > 1 && (first.ends_with("ing") || first.ends_with("ly")))
        {
            return false;
        }
        match words.as_slice() {
            [one] => self.is_name_word(one),
            _ => true,
        }
    }

    /// Whether a lone capitalised word is shown to name someone: a pronoun, an acronym, a
    /// group, a word the article capitalises mid-sentence too, or a speaker already quoted.
    fn is_name_word(&self, word: &str) -> bool {
        matches!(word, "He" | "She" | "They" | "he" | "she" | "they")
            || (word.len() > 1 && word.chars().all(|c| c.is_uppercase()))
            || self.proper_nouns.contains_key(word)
            || is_group(word)
            || self.is_known_person(word)
    }

    /// Whether one capitalised word opening a sentence is a name rather than a word that only
    /// the sentence start capitalises ("Chastened, Trump ...", "Clarification needed"): the
    /// article writes it capitalised elsewhere too, or it is a pronoun, an acronym or a group.
    /// Phrases of several words pass.
    pub(super) fn names_someone(&self, phrase: &str) -> bool {
        let phrase = phrase.trim();
        if phrase.contains(' ') {
            return true;
        }
        self.is_name_word(phrase) || self.people.canonical(phrase).is_some()
    }
}

/// Where the subject starts after an introductory phrase that opens `clause` and ends at its
/// first comma ("Speaking in Ohio, Trump ...", "Back in Tumbarra, retired farmer ..."): a
/// phrase opening with a preposition, a connective, a participle or an adverb.
pub(super) fn after_intro(clause: &str) -> Option<usize> {
    let at = clause.find(", ")?;
    let first = clause.split_whitespace().next().unwrap_or("");
    let intro = at >= 3
        && (opens_without_subject(first)
            || first.ends_with("ing")
            || first.ends_with("ed")
            || first.ends_with("ly")
            || INTRO_OPENERS.contains(&first));
    intro.then_some(at + 2)
}

/// Whether a word can be the past participle after "has": "-ed", "-en", "-wn", "-ne", a short
/// "-t" ("spent", "built"; not "significant"), or an irregular form.
fn is_participle(word: &str) -> bool {
    // Irregular participles that `IRREGULAR_PAST` does not already hold.
    const PARTICIPLE_ONLY: &[&str] = &[
        "come", "become", "run", "met", "had", "stood", "fled", "fed", "hung", "begun", "spread",
        "stuck", "swung",
    ];
    let short_t = word.ends_with('t')
        && word.len() <= 7
        && !matches!(
            word,
            "just" | "most" | "least" | "best" | "first" | "that" | "what" | "about"
        );
    word.ends_with("ed")
        || word.ends_with("en")
        || word.ends_with("wn")
        || word.ends_with("ne")
        || short_t
        || PARTICIPLE_ONLY.contains(&word)
        || IRREGULAR_PAST.contains(&word)
}

/// The words `article` capitalises after the first word of a sentence, each with whether it
/// ever ends a name there ("Clinton" of "Hillary Clinton", "Patriot" alone) rather than only
/// leading a longer one ("Environmental" of "Environmental Protection Agency").
pub(super) fn proper_nouns(article: &Article) -> std::collections::HashMap<String, bool> {
    let mut out = std::collections::HashMap::new();
    for para in &article.paragraphs {
        let mut sentence_start = true;
        let mut tokens = para.text.split_whitespace().peekable();
        while let Some(token) = tokens.next() {
            let word = token.trim_matches(|c: char| !c.is_alphanumeric());
            // A quotation or a bracket opens a sentence of its own: “That is ..., (Some ...
            let opens = token.starts_with(['"', '“', '‘', '\'', '(', '[']);
            if !sentence_start && !opens && word.starts_with(char::is_uppercase) {
                let name_goes_on = token.ends_with(|c: char| c.is_alphanumeric())
                    && tokens
                        .peek()
                        .is_some_and(|next| next.starts_with(char::is_uppercase));
                *out.entry(word.to_string()).or_insert(false) |= !name_goes_on;
            }
            sentence_start = token.ends_with(['.', '!', '?', ':', '"', '“', '”', '—'])
                || token.starts_with(['"', '“']) && word.is_empty();
        }
    }
    out
}
