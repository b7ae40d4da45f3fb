//! Headlines written in Title Case: "Chris Christie Calls Hillary Clinton ‘A Disgrace’", "New
//! Poll Shows Minor Post-Debate Bump", "Trump Could Address Clean Energy, Lindsey Graham Says".
//! Their verbs are capitalised, so the sentence patterns, which read cues in lower case, pass
//! them by. Also the quote-first headline of British and Australian papers ("‘We will not back
//! down’: Union chief vows to fight cuts"). Owns the Title Case test and the verbs headlines
//! use; nothing else.

use super::attribution::{CLAUSE_CUES, CUES, SPEECH_CUES};
use super::{Attribution, QuoteKind, Walk, words_at};
use crate::corpus::Paragraph;
use crate::text::names::{TITLE_NOUNS, is_group, is_role_noun, looks_like_person, split_title};
use std::ops::Range;

/// Present-tense verbs of headlines that report a stance or an act someone is the source of,
/// beyond the cue tables: "Obama Sees ...", "Sanders Vows ...", "Lawmakers Rip ...".
const HEADLINE_VERBS: &[&str] = &[
    "sees",
    "seeks",
    "vows",
    "rips",
    "slams",
    "blasts",
    "hits",
    "backs",
    "defends",
    "rejects",
    "pledges",
    "promises",
    "demands",
    "urges",
    "wants",
    "warns",
    "admits",
    "denies",
    "reveals",
    "shows",
    "finds",
    "calls",
    "says",
    "tells",
    "claims",
    "questions",
    "accuses",
    "praises",
    "criticizes",
    "criticises",
    "endorses",
    "opposes",
    "proposes",
    "unveils",
    "announces",
    "predicts",
    "insists",
    "argues",
    "touts",
    "doubts",
    "fears",
    "hopes",
    "expects",
    "plans",
    "threatens",
    "asks",
];

/// Cues that end a headline's clause before or after its speaker: "..., says official".
const HEADLINE_TAIL_CUES: &[&str] = &["says", "Says", "said", "Said", "warns", "Warns"];

/// The speaker and cue of a headline's tail: "Lindsey Graham Says", "says official", "says
/// report", "minister says". The speaker is a name, or one to four words whose last is a role,
/// a group or a record ("senior official", "new study").
fn headline_attribution(tail: &str) -> Option<(&str, &str)> {
    let (name, cue) = HEADLINE_TAIL_CUES.iter().find_map(|cue| {
        tail.strip_suffix(cue)
            .and_then(|n| n.strip_suffix(' '))
            .map(|n| (n, *cue))
            .or_else(|| {
                tail.strip_prefix(cue)
                    .and_then(|n| n.strip_prefix(' '))
                    .map(|n| (n, *cue))
            })
    })?;
    let words: Vec<&str> = name.split_whitespace().collect();
    let last = words.last()?.to_lowercase();
    let named = looks_like_person(split_title(name).1)
        || is_group(name)
        || is_role_noun(&last)
        || TITLE_NOUNS.contains(&last.as_str());
    ((1..=4).contains(&words.len()) && named).then_some((name, cue))
}

/// Most words capitalised: a headline, not a sentence.
fn is_title_case(words: &[(usize, &str)]) -> bool {
    let capitalised = words
        .iter()
        .filter(|(_, w)| w.starts_with(|c: char| c.is_uppercase() || !c.is_alphabetic()))
        .count();
    words.len() >= 4 && capitalised * 4 >= words.len() * 3
}

/// Whether `word` is a headline's verb, given in any case.
fn is_headline_verb(word: &str) -> bool {
    let lower = word.to_lowercase();
    let lower = lower.as_str();
    HEADLINE_VERBS.contains(&lower) || (lower.ends_with('s') && CUES.contains(&lower))
}

impl Walk<'_> {
    /// The attribution a Title Case headline makes, with the byte range of what it reports.
    pub(super) fn headline(
        &mut self,
        para: &Paragraph,
    ) -> Option<(Range<usize>, Attribution, QuoteKind)> {
        let text = para.text.trim_end();
        if let Some(found) = self.quote_then_speaker(text) {
            return Some(found);
        }
        // "CLAUSE, Lindsey Graham Says.", "Govt to ease FDI norms, says official": headlines
        // in either case drop the article before the speaker.
        let bare = text.trim_end_matches(['.', '!']);
        if let Some((clause, tail)) = bare.rsplit_once(", ")
            && let Some((name, cue)) = headline_attribution(tail)
        {
            let attr = Attribution {
                speaker: self.resolve(name, None),
                cue: Some(cue.to_lowercase()),
                ..Attribution::default()
            };
            return attr
                .speaker
                .is_some()
                .then_some((0..clause.len(), attr, QuoteKind::Indirect));
        }
        let words = words_at(text);
        if !is_title_case(&words) {
            return None;
        }
        // "SUBJECT Verb REST": the subject a name, a group or a record, up to four words.
        let (k, &(at, verb)) = words
            .iter()
            .enumerate()
            .skip(1)
            .take(4)
            .find(|(_, (_, w))| is_headline_verb(w))?;
        let subject = text[..at].trim_end().trim_end_matches(':');
        let names = looks_like_person(split_title(subject).1)
            || is_group(subject)
            || (k == 1 && self.names_someone(subject));
        let rest = at + verb.len();
        if !names || text[rest..].trim().is_empty() {
            return None;
        }
        let lower = verb.to_lowercase();
        let speech = SPEECH_CUES.contains(&lower.as_str()) || CLAUSE_CUES.contains(&lower.as_str());
        let attr = Attribution {
            speaker: self.resolve(subject, None),
            cue: Some(lower),
            ..Attribution::default()
        };
        let content = text[rest..].trim_start();
        let start = text.len() - content.len();
        let kind = if speech {
            QuoteKind::Indirect
        } else {
            QuoteKind::Position
        };
        let span = if speech {
            start..text.len()
        } else {
            at..text.len()
        };
        attr.speaker.is_some().then_some((span, attr, kind))
    }

    /// "‘We will not back down’: Union chief vows to fight cuts", "“Not for a second”: PM":
    /// the quote first, then who said it, up to their verb or the end. British and Australian
    /// papers write their headlines so, in sentence case.
    fn quote_then_speaker(&mut self, text: &str) -> Option<(Range<usize>, Attribution, QuoteKind)> {
        let open = text.chars().next()?;
        let close = match open {
            '‘' => '’',
            '“' => '”',
            '\'' | '"' => open,
            _ => return None,
        };
        let inner_start = open.len_utf8();
        let marker = format!("{close}: ");
        let inner_end = text[inner_start..].find(&marker)? + inner_start;
        let rest = &text[inner_end + marker.len()..];
        let words = words_at(rest);
        let subject = match words
            .iter()
            .skip(1)
            .take(4)
            .find(|(_, w)| is_headline_verb(w))
        {
            Some(&(at, _)) => rest[..at].trim_end(),
            None if (1..=4).contains(&words.len()) => rest.trim_end_matches(['.', '!']),
            None => return None,
        };
        // The words inside must read as words said, not a title: several, not all capitalised
        // ("‘Game of Thrones’: Final season review" quotes no one).
        let inner = &text[inner_start..inner_end];
        if inner.split_whitespace().count() < 2
            || super::is_naming("", inner)
            || !subject.starts_with(char::is_uppercase)
        {
            return None;
        }
        let attr = Attribution {
            speaker: self.resolve(subject, None),
            cue: Some(":".to_string()),
            ..Attribution::default()
        };
        attr.speaker
            .is_some()
            .then_some((inner_start..inner_end, attr, QuoteKind::Direct))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<(usize, &str)> {
        text.split_whitespace().map(|w| (0, w)).collect()
    }

    #[test]
    fn title_case_is_most_words_capitalised() {
        assert!(is_title_case(&words(
            "Chris Christie Calls Hillary Clinton ‘A Disgrace’"
        )));
        assert!(is_title_case(&words(
            "Obama Sees 'Personal Insult' if Blacks Don't Rally"
        )));
        assert!(!is_title_case(&words(
            "Clinton calls the plan a disgrace in Ohio"
        )));
        assert!(!is_title_case(&words("Big Win")));
    }

    #[test]
    fn headline_verbs_in_any_case() {
        assert!(is_headline_verb("Calls"));
        assert!(is_headline_verb("Vows"));
        assert!(is_headline_verb("Says"));
        assert!(!is_headline_verb("Clinton"));
        assert!(!is_headline_verb("News"));
    }
}
