//! Reported speech: the clauses a sentence attributes without quotation marks ("X said the
//! plan works", "the plan works, X said", "according to X, ..."), beside or after direct quotes,
//! and the positions a sentence gives its subject ("The union endorsed Clinton").

use super::attribution::{
    IRREGULAR_PAST, NOT_POSITION_VERBS, SHORT_LEAD_CHARS, after_count_lead, is_described_head,
    opens_with_cue, owns_cue, plain_according_source,
};
use super::position::{FINITE_AFTER_NOUN, after_intro};
use super::speakers::OCCASION_PREPOSITIONS;
use super::*;
use crate::text::names::GROUP_NOUNS;

/// Conjunctions that may open a sentence before its subject: "But the moderates say". "Still,"
/// with its comma is read by the pattern's opening phrase instead.
const OPENING_CONJUNCTIONS: &[&str] = &["But ", "And ", "Yet ", "Still "];

impl Walk<'_> {
    /// The speaker a label opening a paragraph names ("Warren: ...", "PENCE: ..."), unless
    /// the label is a section's ("Update: ...") or no one's.
    pub(super) fn label_speaker(&mut self, label: &str) -> Option<Speaker> {
        if is_label(label) || opens_without_subject(label) {
            return None;
        }
        // Transcripts write the speaker in capitals: "PENCE" is Pence.
        let name = if label.chars().any(char::is_lowercase) {
            label.to_string()
        } else {
            title_case(label)
        };
        // A headline's "Obama on Climate Change: ...": the one before "on" speaks (in the
        // headline only: inside the story "Success on Signature Issue:" heads a section).
        let name = match name.split_once(" on ") {
            Some((who, _)) if self.in_headline && looks_like_person(split_title(who).1) => {
                who.to_string()
            }
            _ => name,
        };
        // A run-in section heading ("Little Relief for Refugees: The crisis ...", "Veto Power
        // Impedes Peace Efforts: ...") names no one: a label speaks when it is a name, a body
        // the article names, or a transcript's capitals.
        let names = looks_like_person(split_title(&name).1)
            || is_group(&name)
            || !label.chars().any(char::is_lowercase)
            || self.names_someone(&name) && !name.contains(' ');
        if !names {
            return None;
        }
        self.resolve(&name, None)
    }

    /// The clause after "“...,” she said, adding that": reported speech of the quote's speaker,
    /// unless a quote of its own opens in it; partial quotes inside it are part of it.
    pub(super) fn participle_tail(
        &mut self,
        para: &Paragraph,
        quoted: &[Quoted],
        range: Range<usize>,
        attr: Attribution,
        partials: &[(usize, Range<usize>)],
    ) {
        let is_partial = |q: &Quoted| partials.iter().any(|(_, p)| p.start == q.inner_start);
        if range.len() < 12
            || quoted
                .iter()
                .any(|q| range.contains(&q.open) && !is_partial(q))
        {
            return;
        }
        for (ix, p) in partials {
            if range.start <= p.start && p.end <= range.end {
                self.dropped.push(*ix);
            }
        }
        self.push(para, range.start, range.end, QuoteKind::Indirect, attr);
    }

    /// Reported speech in one sentence without a direct quote; `partials` are the partial quotes
    /// inside it (their index and range in the paragraph): a clause of reported speech that
    /// contains them replaces them, since the quoted words are part of what was reported.
    /// `unmarked` is the paragraph's text with the marks of quoted titles blanked, so the
    /// patterns read `on “Fox News Sunday,” Pence said` as prose.
    pub(super) fn reported_speech(
        &mut self,
        para: &Paragraph,
        unmarked: &str,
        range: Range<usize>,
        partials: &[(usize, Range<usize>)],
    ) {
        // A position is only looked for where no quoted words stand in the sentence: those are
        // the speaker's own, and the writer's summary around them is not added.
        let positions = partials.is_empty();
        let Some((found, attr, kind)) = self.find_reported(unmarked, range.clone(), positions)
        else {
            return;
        };
        let (start, end) = (range.start + found.start, range.start + found.end);
        let covers = partials
            .iter()
            .all(|(_, p)| start <= p.start && p.end <= end + 1);
        // The clause around quoted words is kept with them ("said his temperament is “dangerous
        // for a president.”"): it says what the words were about. Only when the quotation is
        // nearly all of the clause do the quoted words stand alone.
        let quoted: usize = partials.iter().map(|(_, p)| p.len()).sum();
        if !partials.is_empty() && (!covers || quoted * 10 > (end - start) * 9) {
            return;
        }
        for (ix, _) in partials {
            self.dropped.push(*ix);
        }
        let mut attr = attr;
        if attr.occasion.is_none()
            && let Some(occasion) = occasion_before_that(&unmarked[range.start..start], &attr)
        {
            self.set_occasion(&mut attr, occasion);
        }
        // "The Chamber has said it supports her, while the NFIB has urged senators to ...": a
        // second subject with a cue of its own reports the rest of the sentence.
        if partials.is_empty()
            && let Some((cut, second)) = self.second_speaker(unmarked, start..end, &attr)
        {
            self.push(para, start, cut, kind, attr);
            let (span, attr, kind) = second;
            self.push(para, span.start, span.end, kind, attr);
            return;
        }
        self.push(para, start, end, kind, attr);
    }

    /// Where a reported clause gives way to another speaker's: after ", while", ", whereas",
    /// ", but" or ", and", a named subject (not a pronoun, which would be the same speaker)
    /// with a cue of its own. Returns the end of the first clause and the second one.
    fn second_speaker(
        &mut self,
        text: &str,
        content: Range<usize>,
        first: &Attribution,
    ) -> Option<(usize, Reported)> {
        let clause = &text[content.clone()];
        if !clause.contains(", ") {
            return None;
        }
        for marker in SECOND_SPEAKER_MARKERS {
            for (at, _) in clause.match_indices(marker) {
                let from = content.start + at + marker.len();
                let rest = &text[from..content.end];
                let subject = rest.split(' ').next().unwrap_or("");
                if is_pronoun(subject)
                    || !(starts_with_determiner(rest) || subject.starts_with(char::is_uppercase))
                    || !RULES.has_cue(rest)
                {
                    continue;
                }
                let memory = self.memory();
                let Some((span, attr, kind)) = self.find_reported(text, from..content.end, true)
                else {
                    self.restore(memory);
                    continue;
                };
                let differs = match (&attr.speaker, &first.speaker) {
                    (Some(a), Some(b)) => a.name != b.name,
                    (a, _) => a.is_some(),
                };
                // The second subject opens the rest: its clause starts after it.
                if differs && span.start > 0 {
                    let span = from + span.start..from + span.end;
                    return Some((content.start + at, (span, attr, kind)));
                }
                self.restore(memory);
            }
        }
        None
    }

    /// Reported speech in a sentence that also holds a short direct quote of someone else ("Acts
    /// of protest, Mr. Obama said, are acts of patriotism, whether ... ''I can't breathe,'' as
    /// Eric Garner said"): the clause is kept beside the quote when most of it is the writer's
    /// words, so neither the quote nor its own attribution is read as the reported clause.
    pub(super) fn reported_around_quotes(
        &mut self,
        para: &Paragraph,
        unmarked: &str,
        range: Range<usize>,
        direct_spans: &[Range<usize>],
    ) {
        let overlap = |a: &Range<usize>, b: &Range<usize>| {
            a.end.min(b.end).saturating_sub(a.start.max(b.start))
        };
        let quoted_in =
            |r: &Range<usize>| -> usize { direct_spans.iter().map(|d| overlap(d, r)).sum() };
        if quoted_in(&range) * 2 > range.len() {
            return;
        }
        // Only the writer's words can attribute the clause: without a cue outside the quotes,
        // no pattern of reported speech can find one.
        let mut outside = unmarked[range.clone()].to_string();
        for d in direct_spans {
            let (from, to) = (d.start.max(range.start), d.end.min(range.end));
            if from < to {
                outside.replace_range(from - range.start..to - range.start, &" ".repeat(to - from));
            }
        }
        let may_report = RULES.has_cue(&outside)
            || RULES.any_participle.is_match(&outside)
            || outside.contains("ccording")
            || (range.start == 0 && outside.contains(':'));
        if !may_report {
            return;
        }
        // Whom the walk remembers, restored when the clause is refused: a phrase read as its
        // speaker must not become the next pronoun's antecedent, nor its sex be taken as known.
        let memory = self.memory();
        let found = self.find_reported(unmarked, range.clone(), false);
        // Asked without positions, so what comes back is a reported clause.
        let Some((found, attr, _)) = found else {
            self.restore(memory);
            return;
        };
        let mut span = range.start + found.start..range.start + found.end;
        // "I laughed and said, “...”": the cue leads into the quote itself, whose attribution
        // has been read already. A quote the clause goes on after ("said that “...” against
        // what ...") is part of it.
        let rest = unmarked[span.start..].trim_start_matches([' ', ',', ':']);
        let at = unmarked.len() - rest.len();
        let leads_into_quote = direct_spans.iter().any(|d| {
            let after = &unmarked[d.end.min(span.end)..span.end];
            let attributed = RULES
                .after_quote
                .is_match(&unmarked[d.end.min(range.end)..range.end]);
            d.contains(&at) && (after.split_whitespace().count() < 3 || attributed)
        });
        if leads_into_quote {
            self.restore(memory);
            return;
        }
        // The clause stops where a quote that a cue introduces starts (", saying, “...”"),
        // without the words that only lead into it; a quote inside it ("chants of “Bobby!” at
        // a conference") stays.
        let introduced = |open: usize| {
            let lead = unmarked[..open].trim_end_matches([' ', ',', ':']);
            let from = lead
                .char_indices()
                .rev()
                .filter(|(_, c)| *c == ' ')
                .nth(1)
                .map_or(0, |(i, _)| i);
            RULES.has_cue(&lead[from..]) || RULES.any_participle.is_match(&lead[from..])
        };
        if let Some(open) = direct_spans
            .iter()
            .map(|d| d.start)
            .filter(|&o| span.start < o && o < span.end && introduced(o))
            .min()
        {
            let head = unmarked[span.start..open].trim_end_matches([' ', ',', ':', '―', '—', '-']);
            let head = match head.rfind(", ") {
                Some(comma) if head[comma + 2..].split_whitespace().count() <= 3 => &head[..comma],
                _ => head,
            };
            span.end = span.start + head.len();
        }
        // A clause that opens outside a quote with an attribution of its own and stops inside
        // it ("X scolded him: “A,” she said") is that attribution misread.
        if direct_spans.iter().any(|d| {
            span.start < d.start
                && d.start < span.end
                && span.end < d.end
                && RULES
                    .after_quote
                    .is_match(&unmarked[d.end.min(range.end)..range.end])
        }) {
            self.restore(memory);
            return;
        }
        let unquoted_words = unmarked[span.clone()]
            .split_whitespace()
            .filter(|w| {
                let at = w.as_ptr() as usize - unmarked.as_ptr() as usize;
                !direct_spans.iter().any(|d| d.contains(&at))
            })
            .count();
        if unquoted_words < MIN_DIRECT_WORDS || quoted_in(&span) * 4 > span.len() * 3 {
            self.restore(memory);
            return;
        }
        self.push(para, span.start, span.end, QuoteKind::Indirect, attr);
    }

    /// Whom the walk remembers having read, saved before a clause that may be refused.
    fn memory(&self) -> Memory {
        Memory {
            last_person: self.last_person.clone(),
            last_group: self.last_group.clone(),
            last_org: self.last_org.clone(),
            orgs: self.orgs.clone(),
            recent: self.recent.clone(),
            sexes: self.sexes.clone(),
        }
    }

    /// Puts back what [`Walk::memory`] saved: the refused clause named no one.
    fn restore(&mut self, memory: Memory) {
        self.last_person = memory.last_person;
        self.last_group = memory.last_group;
        self.last_org = memory.last_org;
        self.orgs = memory.orgs;
        self.recent = memory.recent;
        self.sexes = memory.sexes;
    }

    /// The content range (within the sentence) and attribution of reported speech in the
    /// sentence `range` of `text`, trying the shapes from the most specific. A position ("The
    /// union endorsed Clinton") is tried last, and only when `positions` asks for one: its
    /// pattern is the costliest, and callers that would drop it skip it.
    pub(super) fn find_reported(
        &mut self,
        text: &str,
        range: Range<usize>,
        positions: bool,
    ) -> Option<Reported> {
        let sentence = &text[range.clone()];
        // "UPDATE: The senator said ...", "CLARIFICATION: ...": a section's label opens the
        // paragraph, and the sentence after it reports on its own.
        // "MUMBAI: Maharashtra's agriculture minister on Sunday ordered ...": a place in
        // capitals before the lead's colon is its dateline, as Indian papers write it, when
        // the words after it report on their own; else it is a transcript's speaker ("PENCE:
        // Well, look, ...").
        // Whether the words after a capitals label have been read already, so that the
        // dateline below does not read them again.
        let mut label_read = false;
        if range.start == 0
            && let Some((label, _)) = sentence.split_once(": ")
            && label.len() <= 20
        {
            let section = is_label(label);
            let dateline = self.in_lead && !label.contains(char::is_lowercase);
            // "New Delhi: Delhi's air quality slipped ...": a place in Title Case before the
            // lead's colon, with prose after it, is a dateline too, and no speaker.
            let after = &sentence[label.len() + 2..];
            let title_dateline = self.in_lead
                && !dateline
                && label.split_whitespace().all(|w| {
                    w.starts_with(char::is_uppercase) && w.chars().all(char::is_alphabetic)
                })
                && after.starts_with(char::is_uppercase);
            if section || dateline || title_dateline {
                label_read = true;
                let start = label.len() + 2;
                // An editor's note is the paper's own comment on its subject ("Editor's note:
                // Trump regularly incites ..."), never that subject's position.
                let positions = positions && !label.to_lowercase().contains("note");
                let found = self.find_reported(text, start..range.end, positions);
                if let Some((inner, attr, kind)) = found {
                    return Some((start + inner.start..start + inner.end, attr, kind));
                }
                if section || title_dateline {
                    return None;
                }
            }
        }
        // "WASHINGTON, May 7 (Reuters) - The Federal Reserve held rates and said ...": the
        // dateline is no speaker; the sentence reports after it.
        if range.start == 0
            && self.in_lead
            && !label_read
            && let Some(m) = DATELINE.find(sentence)
            && m.end() < sentence.len()
        {
            let start = m.end();
            if let Some((inner, attr, kind)) = self.find_reported(text, start..range.end, positions)
            {
                return Some((start + inner.start..start + inner.end, attr, kind));
            }
        }
        // Patterns that open with the speaker stop at the content's first character (a short
        // match keeps the capture pass short); the content runs to the sentence's end.
        let content_on = |c: &Captures<'_>| c.name("content").unwrap().start()..sentence.len();
        // Cheap gates first: each pattern below needs its cue word, and most sentences of an
        // article have none, so they skip the large automata entirely.
        let has_cue = RULES.has_cue(sentence);
        let according_first = sentence
            .starts_with("According")
            .then(|| RULES.according_first.captures(sentence))
            .flatten();
        let according_last = || {
            let opens = |rest: &str| {
                rest.trim_start_matches(',')
                    .trim_start()
                    .starts_with("according")
            };
            sentence
                .contains("according")
                .then(|| {
                    Rules::after_clause(&RULES.according_last, sentence, opens).or_else(|| {
                        Rules::after_clause(&RULES.according_last_plain, sentence, opens)
                            .filter(|(_, _, c)| plain_according_source(&c["sp"]))
                    })
                })
                .flatten()
        };
        let speaker_last = || {
            let opens = |rest: &str| rest.starts_with(',');
            has_cue
                .then(|| Rules::after_clause(&RULES.speaker_last, sentence, opens))
                .flatten()
                // "Peter Haddad, asked about the figures ..., said": a phrase opened by a
                // preposition after the cue is what was asked, not who spoke.
                // ", told MPs the target ...": whom one tells is no speaker either.
                .filter(|(_, _, c)| {
                    c.name("cue")
                        .is_none_or(|cue| !LISTENER_CUES.contains(&cue.as_str()))
                })
                .filter(|(_, _, c)| {
                    c.name("sp")
                        .is_none_or(|sp| !opens_past_speaker(sp.as_str()))
                })
        };
        // "The plan, the mayor said, would cost ...": a lead too short for a clause, the
        // attribution set off inside the clause that goes on after it. Tried only when
        // `speaker_last` found nothing after the longer leads.
        let set_off = || {
            let opens = |rest: &str| rest.starts_with(',');
            has_cue
                .then(|| Rules::after_lead(&RULES.speaker_last, sentence, SHORT_LEAD_CHARS, opens))
                .flatten()
                .filter(|(_, _, c)| c.name("rest").is_some_and(|r| continues_clause(r.as_str())))
        };
        let as_put_it = || {
            sentence
                .starts_with("As ")
                .then(|| RULES.as_put_it.captures(sentence))
                .flatten()
        };
        let found = if let Some(c) = according_first.or_else(as_put_it) {
            Some((content_on(&c), self.attribution_from(&c, sentence)))
        } else if let Some((clause, tail, c)) = according_last() {
            Some((clause, self.attribution_after(&c, tail)))
        } else if let Some((clause, tail, c)) = speaker_last() {
            let rest = c.name("rest").unwrap();
            let cue = c.name("cue").or(c.name("cue2")).map_or("", |m| m.as_str());
            if ends_attribution(rest.as_str()) || names_listener(cue, rest.as_str()) {
                let mut span = clause;
                // "Though X, he said, replacing Clinton would ...": the cue splits the content.
                // "But in recent days, advisers say, the president has grown ...": words before
                // the attribution too few to be the clause.
                let lead_words = sentence[span.clone()].split_whitespace().count();
                if continues_content(rest.as_str())
                    || (lead_words <= 5 && continues_clause(rest.as_str()))
                {
                    span.end = sentence.len();
                }
                Some((span, self.attribution_after(&c, tail)))
            } else {
                self.speaker_first(sentence)
            }
        } else if let Some((_, tail, c)) = set_off() {
            Some((0..sentence.len(), self.attribution_after(&c, tail)))
        } else if has_cue {
            self.speaker_first(sentence)
        } else {
            None
        };
        // "It's an unlikely scenario; Clinton's team says she'll ...": a clause after a
        // semicolon or a colon reports on its own, before any speaker later in the sentence
        // ("...: Republicans said X and Democrats accused Y").
        let found = found.or_else(|| {
            let (at, _) = sentence
                .match_indices("; ")
                .chain(sentence.match_indices(": "))
                .find(|(at, _)| *at >= 10)?;
            // Only a clause with a cue can report: the rest would end in a position, dropped.
            if !RULES.has_cue(&sentence[at + 2..]) {
                return None;
            }
            let start = range.start + at + 2;
            // Asked without positions, so what comes back is a reported clause.
            let (inner, attr, _) = self.find_reported(text, start..range.end, false)?;
            Some((at + 2 + inner.start..at + 2 + inner.end, attr))
        });
        let found = found.or_else(|| has_cue.then(|| self.speaker_mid(sentence)).flatten());
        let found = found.or_else(|| {
            if !has_cue || !(sentence.contains(" and ") || sentence.contains(" but ")) {
                return None;
            }
            let c = RULES.coordinated.captures(sentence)?;
            // "The Federal Reserve held rates and said ...": "The" before a name opens it.
            let the_name = c["sp"]
                .strip_prefix("The ")
                .is_some_and(|rest| rest.starts_with(char::is_uppercase));
            if opens_without_subject(&c["sp"]) && !the_name {
                return None;
            }
            let mut attr = self.attribution_from(&c, sentence);
            // "Health experts welcomed the fines but warned ...": a capitalised word the
            // pattern took for a name is a modifier when a group noun follows it.
            let sp = c.name("sp").expect("coordinated has a speaker");
            if !sp.as_str().contains(' ')
                && let Some(head) = sentence[sp.end()..].strip_prefix(' ')
                && let Some(head) = head.split(' ').next()
                && GROUP_NOUNS.contains(&head)
            {
                attr.speaker = self.resolve(&sentence[sp.start()..sp.end() + 1 + head.len()], None);
            }
            Some((content_on(&c), attr))
        });
        // "State media quoted Velic as saying the army had shown restraint."
        let found = found.or_else(|| {
            if !sentence.contains("quoted ") {
                return None;
            }
            let c = RULES.quoted_as.captures(sentence)?;
            c.name("content")?;
            Some((content_on(&c), self.attribution_from(&c, sentence)))
        });
        // "..., the Rev. Al Sharpton, who said CLAUSE".
        let found = found.or_else(|| {
            if !has_cue || !sentence.contains(" who ") {
                return None;
            }
            let c = RULES.speaker_who.captures(sentence)?;
            if opens_without_subject(&c["sp"]) {
                return None;
            }
            // "not paying an architect who said": the pattern is unanchored, so words of the
            // clause before can lead the speaker; it starts at its determiner. Found before
            // anything is resolved, so a match without one leaves no speaker remembered.
            let sp = &c["sp"];
            let speaker_at = if sp.starts_with(char::is_lowercase) && !starts_with_determiner(sp) {
                sp.match_indices(' ')
                    .map(|(i, _)| i + 1)
                    .find(|&i| starts_with_determiner(&sp[i..]))?
            } else {
                0
            };
            let mut attr = self.attribution_from(&c, sentence);
            if speaker_at > 0 {
                attr.speaker = self.resolve(&sp[speaker_at..], None);
            }
            Some((content_on(&c), attr))
        });
        let found = found.or_else(|| {
            if !has_cue || !sentence.contains(" which ") {
                return None;
            }
            let c = RULES.occasion_relative.captures(sentence)?;
            if is_pronoun(&c["sp"]) {
                self.note_subject(sentence);
            }
            Some((content_on(&c), self.attribution_from(&c, sentence)))
        });
        // "Experts on North Korea said CLAUSE": a plain noun phrase opens the sentence.
        let found = found.or_else(|| {
            if !has_cue {
                return None;
            }
            let c = RULES.subject_first.captures(sentence)?;
            // "But the moderates say ...": a conjunction opening the sentence is no part of
            // its subject.
            let sp = &c["sp"];
            let after_conjunction = OPENING_CONJUNCTIONS
                .iter()
                .find_map(|w| sp.strip_prefix(w))
                .filter(|rest| starts_with_determiner(rest));
            let subject = after_conjunction.unwrap_or(sp);
            // "Under the terms announced on Tuesday, ...": a preposition opens no subject; "At
            // least 12 residents" is a count.
            // "At the shelter, where ..., evacuees said ...": the pattern's lower-case plural
            // speaks only after an opening phrase.
            let lower = subject.starts_with(|c: char| c.is_ascii_lowercase())
                && !["the ", "a ", "an "].iter().any(|d| subject.starts_with(d));
            if lower && c.name("pre").is_none() {
                return None;
            }
            if !is_plain_subject(subject)
                || (opens_past_speaker(subject) && after_count_lead(subject).is_none())
                || (after_conjunction.is_none()
                    && c.name("pre").is_none()
                    && self.is_stray_capital(&c))
            {
                return None;
            }
            let mut attr = self.attribution_from(&c, sentence);
            if let Some(subject) = after_conjunction {
                attr.speaker = self.resolve(subject, None);
            }
            Some((content_on(&c), attr))
        });
        // "Officials who spoke on condition of anonymity said CLAUSE".
        let found = found.or_else(|| {
            if !has_cue || !sentence.contains(" who ") {
                return None;
            }
            let c = RULES.subject_relative.captures(sentence)?;
            if !is_described_head(&c["sp"]) {
                return None;
            }
            Some((content_on(&c), self.attribution_from(&c, sentence)))
        });
        let found = found.or_else(|| {
            if !RULES.any_participle.is_match(sentence) {
                return None;
            }
            let c = RULES.participle.captures(sentence)?;
            // "Chastened by the analyses, Trump revised his plan, promising ...": a lone opening
            // word shaped like a participle or an adverb is the subject only if it is a name.
            let sp = &c["sp"];
            let verb_shaped = sp.ends_with("ed") || sp.ends_with("ing") || sp.ends_with("ly");
            if (opens_without_subject(sp) && !article_led_subject(sp))
                || (verb_shaped && !self.names_someone(sp))
            {
                return None;
            }
            Some((content_on(&c), self.attribution_from(&c, sentence)))
        });
        // A speaker label opens a paragraph: transcripts and headlines.
        let found = found.or_else(|| {
            if range.start != 0 || !sentence.contains(':') {
                return None;
            }
            let c = RULES.colon_line.captures(sentence)?;
            let attr = Attribution {
                speaker: Some(self.label_speaker(&c["sp"])?),
                cue: Some(":".to_string()),
                ..Attribution::default()
            };
            Some((content_on(&c), attr))
        });
        let (span, attr, kind) = match found {
            // "told MPs the ban would go ahead": the listener is no part of what was said.
            Some((span, attr))
                if attr
                    .cue
                    .as_deref()
                    .is_some_and(|c| LISTENER_CUES.contains(&c)) =>
            {
                // After "that" the clause has begun: "told Reuters that Varkesh would send".
                let after_that = sentence[..span.start].trim_end().ends_with(" that");
                let skip = if after_that {
                    0
                } else {
                    listener_len(&sentence[span.clone()])
                };
                // "Republicans tell a different story.": a short object after "tell" is what
                // was told about, not a clause of what was said.
                let content = &sentence[span.clone()];
                if !after_that
                    && skip == 0
                    && (content.starts_with("a ") || content.starts_with("an "))
                    && content.split_whitespace().count() <= 6
                {
                    return None;
                }
                (span.start + skip..span.end, attr, QuoteKind::Indirect)
            }
            // "The SRC has called a mass meeting", "called a snap election": what was called
            // is an event, not words ("called the charges unfounded" keeps its object, and so
            // does "what he called a \"brazen breach\"").
            Some((span, attr))
                if attr.cue.as_deref() == Some("called") && calls_an_event(sentence, &span) =>
            {
                return None;
            }
            Some((span, attr)) => (span, attr, QuoteKind::Indirect),
            None if positions => {
                let (span, attr) = self.position(sentence)?;
                (span, attr, QuoteKind::Position)
            }
            None => return None,
        };
        // "Everything Trump says is a lie", "The mayor showed up at": the cue was inside a
        // relative clause or part of a phrasal verb, and what follows is no clause.
        // After "said that", "that" was the clause's subject ("He said that would permit ...").
        let first = sentence[span.clone()]
            .split_whitespace()
            .next()
            .unwrap_or("");
        let after_that = sentence[..span.start].trim_end().ends_with(" that");
        if kind == QuoteKind::Indirect
            && !after_that
            && NOT_CONTENT_STARTS.contains(&first.to_lowercase().as_str())
        {
            return None;
        }
        // "I think ..." and "We know ..." are the words of a quote, not the writer's report.
        let first_person = attr.speaker.as_ref().is_some_and(|s| {
            s.name
                .split_whitespace()
                .any(|w| matches!(w, "I" | "We" | "we" | "You" | "you"))
        });
        (attr.speaker.is_some() && !first_person && span.len() >= 12).then_some((span, attr, kind))
    }

    /// "..., but X said (that) CLAUSE": tried from each conjunction inside the sentence.
    fn speaker_mid(&mut self, sentence: &str) -> Option<(Range<usize>, Attribution)> {
        for (at, _) in conjunctions(sentence) {
            let rest = sentence[at..].trim_start();
            let at = sentence.len() - rest.len();
            if let Some(c) = RULES.speaker_mid.captures(rest) {
                if is_pronoun(&c["sp"]) {
                    self.note_subject(&sentence[..at]);
                }
                let start = c.name("content").unwrap().start();
                let attr = self.attribution_from(&c, rest);
                return Some((at + start..sentence.len(), attr));
            }
        }
        None
    }

    /// "X said (that) CLAUSE", with an introductory phrase that may give the occasion.
    fn speaker_first(&mut self, sentence: &str) -> Option<(Range<usize>, Attribution)> {
        // The pattern tries the speaker at the sentence's start before it tries one after an
        // opening phrase ("In a statement, X said"); when the start gives no speaker, each
        // comma is tried in turn as the phrase's end.
        let starts = std::iter::once(0).chain(sentence.match_indices(", ").map(|(at, _)| at + 2));
        for from in starts {
            let tail = &sentence[from..];
            let Some(c) = RULES.speaker_first.captures(tail) else {
                if from == 0 {
                    return None;
                }
                continue;
            };
            // "That worries environmentalists": a pronoun of things, not a speaker.
            // "It said ...": an organisation's pronoun, read only with a verb of saying.
            // "Olivia Marsh, said the figures showed": the words after a cue are no speaker.
            let it = c["sp"].eq_ignore_ascii_case("it");
            if !c["sp"].contains(' ') && opens_without_subject(&c["sp"]) && !it
                || opens_supposition(&c["sp"])
                || holds_clause(&c["sp"])
                || owns_cue(&c["sp"])
                || opens_past_speaker(&c["sp"])
                // "Preliminary estimates put the loss at ...": a lone capitalised word opening
                // the sentence names someone only if the article uses it as a name; a pronoun
                // or a plural ("Critics") speaks as it is.
                || (c.name("pre").is_none() && from == 0 && self.is_stray_capital(&c))
            {
                continue;
            }
            let mut attr = self.attribution_from(&c, tail);
            let pre = c
                .name("pre")
                .map_or(&sentence[..from], |p| &sentence[..from + p.end()]);
            if let Some(occ) = RULES
                .speaking_at
                .captures(pre)
                .and_then(|s| s.name("occ").or(s.name("occ2")))
            {
                self.set_occasion(&mut attr, occ.as_str().to_string());
            }
            return Some((
                from + c.name("content").unwrap().start()..sentence.len(),
                attr,
            ));
        }
        None
    }

    /// Whether a speaker read at a sentence's start is one capitalised word the article never
    /// uses as a name, before a cue that can be a noun ("Preliminary estimates put ..."); a
    /// pronoun or a plural ("Critics") speaks as it is.
    fn is_stray_capital(&self, c: &Captures<'_>) -> bool {
        const QUANTIFIERS: &[&str] = &["Some", "Many", "Most", "Few", "Several", "Both", "All"];
        let phrase = &c["sp"];
        // Only a cue that is also a plural noun makes the pair a noun phrase ("Preliminary
        // estimates", "Early reports"): "McLenney said" and "Clinton wants" name someone
        // however rarely the name is written.
        const NOUN_CUES: &[&str] = &["estimates", "reports", "claims", "notes", "states"];
        let noun_like_cue = c
            .name("cue")
            .or(c.name("cue2"))
            .is_some_and(|m| NOUN_CUES.contains(&m.as_str()));
        noun_like_cue
            && !phrase.contains(' ')
            && !is_pronoun(phrase)
            && !phrase.ends_with('s')
            && !QUANTIFIERS.contains(&phrase)
            && !self.names_someone(phrase)
    }

    /// A role whose owner is a pronoun, as the reader can take it without the sentence
    /// before: "Its chair" of the organisation that spoke last ("chair of the Library
    /// Alliance"), or plain "chair"; "His aunt" as "aunt", the person it points to being no
    /// part of the role; "Another neighbor" as "neighbor".
    pub(super) fn owned_role(&self, role: &str) -> String {
        let Some((owner, rest)) = role.split_once(' ') else {
            return role.to_string();
        };
        match owner.to_lowercase().as_str() {
            "its" | "their" => match &self.last_org {
                Some(org) => format!("{rest} of {}", org.name),
                None => rest.to_string(),
            },
            // "Another neighbor, Bernice Odom," is a neighbour.
            "his" | "her" | "another" | "one" => rest.to_string(),
            _ => role.to_string(),
        }
    }

    /// Remembers the person `sentence` opens with as the one pronouns refer to: a titled name,
    /// one already known, or a full name of two words or more that a lower-case word goes on
    /// from (a verb, or an appositive after a comma: "Bernice Odom, a nurse, disagrees. She
    /// says ..."); in the article's first paragraph the full name alone is enough, as a lead
    /// opens with its subject ("Margaret Dunmore has climbed the 114 steps ... At 72, she still
    /// takes them"). Else a name set off after a description ("The health secretary, Wes
    /// Streeting, ..."). Also read for a clause before a pronoun's ("Hillary Clinton spoke at a
    /// rally, where she said ...").
    pub(super) fn note_subject(&mut self, sentence: &str) -> Option<Speaker> {
        // "Bar Elias, Lebanon – As the first winter storm ...": the dateline names no one.
        let sentence = match TITLE_DATELINE.find(sentence).filter(|_| self.in_lead) {
            Some(m) => &sentence[m.end()..],
            None => sentence,
        };
        let noted = self.note_subject_at(sentence).or_else(|| {
            // "Back in Tumbarra, retired dairy farmer Keith Langdon, 74, was sifting ...": the
            // person the next "he" means stands after the introductory phrase.
            let at = after_intro(sentence)?;
            self.note_subject_at(&sentence[at..])
        })?;
        self.last_person = Some(noted.clone());
        Some(noted)
    }

    /// The person named as the subject that opens `sentence` itself.
    fn note_subject_at(&mut self, sentence: &str) -> Option<Speaker> {
        // "Democratic Sen. Claire McCaskill": a party before a title is no part of the name
        // ("Libertarian presidential candidate Gary Johnson" is read as a description below).
        let mut words = sentence.split_whitespace().peekable();
        let party = words.next_if(|w| PARTY_WORDS.contains(w));
        if party.is_some() && !words.peek().is_some_and(|w| is_title(w)) {
            words = sentence.split_whitespace().peekable();
        }
        // A comma ends the name: "On Monday, PolitiFact ..." opens with no one.
        let mut first: Vec<&str> = words
            .take(3)
            .take_while(|w| w.chars().next().is_some_and(char::is_uppercase))
            .collect();
        if let Some(comma) = first.iter().position(|w| w.ends_with(',')) {
            first.truncate(comma + 1);
        }
        // "Clarification: Fowler said ...": a label is no part of a name.
        if first.iter().any(|w| w.ends_with(':')) {
            return None;
        }
        if first.is_empty() {
            // "retired dairy farmer Keith Langdon, 74, was ...", after an introductory phrase.
            let (role, name) = described_opening(sentence)?;
            return Some(self.person(name, Some(role)));
        }
        let candidate = first.join(" ");
        let candidate = candidate.trim_end_matches([',', '.']);
        // "Mr. Jones's plan": the possessive goes, the name's own "s" stays.
        let candidate = candidate
            .strip_suffix("'s")
            .or_else(|| candidate.strip_suffix("’s"))
            .unwrap_or(candidate);
        // Any title, "Mr." and "Mrs." included, says the name is a person's.
        let (_, name) = split_title(candidate);
        let titled = name.len() < candidate.len();
        // "As Ms. Simonyan put it", "Say Mexico demanded": an opener no subject starts with.
        // "Gender Equality." and "Unlike Patriot, Mr. Clarke ..." open with no subject: a
        // heading stops, and a phrase set off goes on with a capital.
        // "Morgan Stanley analyst Kimberly Greenberger": a role after the capitals makes them
        // where the person works. "Tayla Nguyen, 19, drove back": an age between goes by.
        let goes_on = sentence
            .split_whitespace()
            .skip(first.len())
            .find(|w| !(first.last().is_some_and(|f| f.ends_with(',')) && is_age(w)))
            .is_some_and(|w| w.starts_with(char::is_lowercase) && !is_role_noun(w));
        let full_name = first.len() >= 2
            && (self.in_lead || goes_on)
            && !self.in_headline
            && !opens_without_subject(sentence)
            && !opens_supposition(sentence);
        let office = office_before_name(candidate)
            .filter(|(_, name)| !titled && (full_name || self.is_known_person(name)));
        let noted = if let Some((office, name)) = office {
            // "Superintendent Greg Holt told ...": the office before the name is the role,
            // unless the article has given one already.
            let role = (!self.is_known_person(name)).then_some(office);
            self.person(name, role)
        } else if looks_like_person(name)
            && !is_group(name)
            && (titled || full_name || self.is_known_person(name))
        {
            self.person(candidate, None)
        } else if let Some((role, name)) = appositive_name(sentence) {
            let role = self.owned_role(role);
            self.person(name, Some(&role))
        } else if let Some((role, name)) = described_opening(sentence) {
            self.person(name, Some(role))
        } else {
            return None;
        };
        Some(noted)
    }
}

/// A clause of reported speech found in a sentence: its range, who said it, and its kind.
type Reported = (Range<usize>, Attribution, QuoteKind);

/// What joins two speakers' clauses in one sentence, as ", while" in "X said ..., while Y
/// urged ...".
const SECOND_SPEAKER_MARKERS: &[&str] = &[", while ", ", whereas ", ", but ", ", and "];

/// Lowercase prepositions, which open no speaker.
const PREPOSITIONS: &[&str] = &[
    "about", "on", "over", "for", "by", "in", "at", "from", "with", "to", "into", "of", "under",
    "during", "despite", "through", "within", "without", "among", "amid", "across",
];

/// Whether a phrase read as a speaker opens with a preposition ("In a statement", "about the
/// figures": where or what, never who) or a cue ("said the figures": the words after an
/// attribution).
fn opens_past_speaker(phrase: &str) -> bool {
    let first = phrase
        .split_whitespace()
        .next()
        .unwrap_or("")
        .to_lowercase();
    PREPOSITIONS.contains(&first.as_str()) || opens_with_cue(phrase)
}

/// Cues whose listener may follow without "that": "told MPs the ban would go ahead".
pub(super) const LISTENER_CUES: &[&str] = &["told", "tells", "tell"];

/// Words that open the clause after a listener: a subject pronoun or a determiner.
const CLAUSE_OPENERS: &[&str] = &[
    "he", "she", "it", "they", "we", "i", "the", "a", "an", "his", "her", "their", "its", "this",
    "these", "there",
];

/// Prepositions that show the words after a cue are what was told, not to whom.
const NOT_IN_LISTENER: &[&str] = &[
    "of", "for", "about", "to", "in", "on", "with", "at", "from", "by",
];

/// Object pronouns that are a listener on their own: "told him the plan was dead".
const OBJECT_PRONOUNS: &[&str] = &["him", "her", "them", "me", "us", "you"];

/// "The Times filed a motion, arguing ...", "The group sued, saying ...": an article leads a
/// subject when a name or a group follows it, where other openers ("In", "This") lead none.
fn article_led_subject(phrase: &str) -> bool {
    let Some((first, rest)) = phrase.split_once(' ') else {
        return false;
    };
    matches!(first, "The" | "the" | "A" | "a" | "An" | "an")
        && (rest.starts_with(char::is_uppercase)
            || is_group(phrase)
            || rest.split_whitespace().last().is_some_and(is_role_noun))
}

/// How many bytes of `content` a listener takes before the clause: "MPs " in "MPs the ban
/// would", "the Guardian " in "the Guardian they felt let down", "supporters " in "supporters
/// he would win". A listener is an object pronoun, a capitalised name, "the" and a noun or
/// two, or one plural noun; a subject pronoun or a determiner must open the clause right after
/// it. Zero when there is none.
fn listener_len(content: &str) -> usize {
    let words = words_at(content);
    let opens_clause = |k: usize| {
        words
            .get(k)
            .is_some_and(|(_, w)| CLAUSE_OPENERS.contains(&w.to_lowercase().as_str()))
    };
    let capitalised =
        |w: &str| w.starts_with(char::is_uppercase) && w.ends_with(char::is_alphabetic);
    let Some((_, first)) = words.first() else {
        return 0;
    };
    let len = if OBJECT_PRONOUNS.contains(first) && opens_clause(1) {
        1
    } else {
        // The first clause opener after the listener's first word ends it.
        (1..=3)
            .find(|&k| opens_clause(k))
            .filter(|&k| {
                let listener = &words[..k];
                // "told the story of her grandfather": a preposition makes it what was told.
                let plain = listener
                    .iter()
                    .all(|(_, w)| w.ends_with(char::is_alphabetic) && !NOT_IN_LISTENER.contains(w));
                let shaped = capitalised(first)
                    || (matches!(*first, "the" | "his" | "her" | "their") && k > 1)
                    || (k == 1 && first.ends_with('s'));
                plain && shaped
            })
            .unwrap_or(0)
    };
    if len == 0 {
        return 0;
    }
    words.get(len).map_or(0, |(at, _)| *at)
}

/// Lowercase words that cannot describe the person named after them: "Voters like Hillary
/// Clinton", "Polls than Donald Trump".
const NOT_DESCRIPTORS: &[&str] = &["like", "unlike", "than", "including", "except", "versus"];

/// "Boston goalie Jeremy Swayman made 38 saves.": a sentence opening with a short description
/// (a lowercase noun, maybe after a capitalised word), a name of two or three words and then a
/// lowercase word, its verb. Returns the description and the name. A verb-shaped word in the
/// description ("Police arrested John Smith") makes the name its object, not the subject.
fn described_opening(sentence: &str) -> Option<(&str, &str)> {
    let words = words_at(sentence);
    let name_at = words
        .iter()
        .take(4)
        .position(|(_, w)| w.starts_with(char::is_uppercase))
        .filter(|&i| i > 0)
        .or_else(|| {
            // "Boston goalie Jeremy Swayman": past the capitalised word that qualifies the noun.
            let first_lower = words
                .iter()
                .take(3)
                .position(|(_, w)| w.starts_with(char::is_lowercase))?;
            words[first_lower..]
                .iter()
                .take(3)
                .position(|(_, w)| w.starts_with(char::is_uppercase))
                .map(|k| first_lower + k)
        })?;
    let description = &words[..name_at];
    let descriptive = description
        .iter()
        .any(|(_, w)| w.starts_with(char::is_lowercase))
        && description.iter().enumerate().all(|(k, (_, w))| {
            let bare = w.trim_end_matches(|c: char| !c.is_alphanumeric());
            // "retired dairy farmer Keith Langdon": an "-ed" word opening the description is
            // its adjective; after a noun it is a verb ("Police arrested John Smith").
            let adjective = k == 0 && bare.ends_with("ed") && w.starts_with(char::is_lowercase);
            bare == *w
                && (adjective
                    || (!bare.ends_with("ed")
                        && !IRREGULAR_PAST.contains(&bare)
                        && !NOT_POSITION_VERBS.contains(&bare)))
                && !NOT_DESCRIPTORS.contains(&bare)
                && !CUES.contains(&bare)
                && !opens_without_subject(bare)
        });
    if !descriptive {
        return None;
    }
    let name_len = words[name_at..]
        .iter()
        .take(4)
        .take_while(|(_, w)| w.starts_with(char::is_uppercase))
        .count();
    let (mut after_at, mut after) = *words.get(name_at + name_len)?;
    // "farmer Tom Bell, 61, walked ...": an age set off after the name goes by.
    let aged = is_age(after) && words[name_at + name_len - 1].1.ends_with(',');
    if aged {
        (after_at, after) = *words.get(name_at + name_len + 1)?;
    }
    if !(2..=3).contains(&name_len) || !after.starts_with(char::is_lowercase) {
        return None;
    }
    let (name_start, _) = words[name_at];
    let name_end = if aged {
        words[name_at + name_len].0
    } else {
        after_at
    };
    let name = sentence[name_start..name_end].trim_end();
    let name = if aged {
        name.trim_end_matches(',')
    } else {
        name
    };
    // "made 38 saves": the name must end without punctuation of its own, before its verb.
    if !name.ends_with(char::is_alphabetic) || !looks_like_person(name) {
        return None;
    }
    Some((sentence[..name_start].trim_end(), name))
}

/// "The health secretary, Wes Streeting, spoke ...": a sentence opening with a description
/// in lowercase, then the person's name between commas. Returns the description and the name.
fn appositive_name(sentence: &str) -> Option<(&str, &str)> {
    let (role, rest) = sentence.split_once(", ")?;
    let (name, _) = rest.split_once(',')?;
    // "Another commuter, retiree Gérard Moulinier, was ...": lower-case words of the name's
    // own role go before it ("Her husband, the architect Femi Okonjo," stays a description,
    // not a name to give every later "Okonjo").
    let name = own_role_before_name(name)
        .filter(|_| !starts_with_determiner(name))
        .map_or(name, |(_, after)| after);
    let role_words: Vec<&str> = role.split_whitespace().collect();
    let name_words: Vec<&str> = name.split_whitespace().collect();
    let first = role_words.first()?;
    // "The Transportation Commissioner, Arthur L. Kimbrough,": a capitalised office ends in a
    // role noun.
    let described = (2..=6).contains(&role_words.len())
        && (role_words[1..]
            .iter()
            .any(|w| w.starts_with(char::is_lowercase))
            || role_words
                .last()
                .is_some_and(|w| is_role_noun(&w.to_lowercase())))
        && (matches!(
            *first,
            "The" | "A" | "An" | "Another" | "One" | "His" | "Her" | "Their" | "Its"
        ) || first.ends_with("'s")
            || first.ends_with("’s"));
    let named = (2..=4).contains(&name_words.len())
        && name_words.iter().all(|w| w.starts_with(char::is_uppercase))
        && looks_like_person(name);
    (described && named).then_some((role, name))
}

/// The walk's memory of whom it has read, as [`Walk::memory`] saves it.
struct Memory {
    last_person: Option<Speaker>,
    last_group: Option<Speaker>,
    last_org: Option<Speaker>,
    orgs: Vec<Speaker>,
    recent: Vec<Speaker>,
    sexes: std::collections::HashMap<String, Sex>,
}

/// Whether what follows "CLAUSE, he said" is more of the reported clause rather than the
/// speaker's role or the occasion: ", replacing Clinton would ..." (a clause of several words
/// that is not a role and does not start a new attribution).
fn continues_content(rest: &str) -> bool {
    let Some(after) = rest.strip_prefix(',') else {
        return false;
    };
    let after = after.trim_start();
    let first = after.split_whitespace().next().unwrap_or("").to_lowercase();
    after.split_whitespace().count() >= 4
        && after.starts_with(char::is_lowercase)
        && !is_role(after)
        && !NOT_ROLE_STARTS.contains(&first.as_str())
        && !PARTICIPLE_CUES
            .iter()
            .any(|p| p.split(' ').next() == Some(first.as_str()))
        && !matches!(first.as_str(), "in" | "at" | "on" | "during")
}

/// Whether what follows "CLAUSE, X said" goes on with a clause of its own: a comma, then at
/// least four words in lower case (", the president has grown exasperated ...").
fn continues_clause(rest: &str) -> bool {
    rest.strip_prefix(',')
        .map(str::trim_start)
        .is_some_and(|after| {
            let words: Vec<&str> = after.split_whitespace().take(4).collect();
            // "In her final weeks, she said, Adebayo had asked for ...": a name, then its verb.
            let named_subject = after.starts_with(char::is_uppercase)
                && words[1..]
                    .iter()
                    .take(2)
                    .any(|w| FINITE_AFTER_NOUN.contains(w));
            (after.starts_with(char::is_lowercase) || named_subject) && words.len() >= 4
        })
}

/// Whether the words after a cue of telling only name whom it was told to, and when: "CLAUSE, X
/// told The Huffington Post on Thursday." A clause of its own after it ("told reporters the
/// plan was dead", "told them that ...") is not one.
fn names_listener(cue: &str, rest: &str) -> bool {
    let words: Vec<&str> = rest.split_whitespace().collect();
    matches!(cue, "told" | "tells" | "tell")
        && (1..=6).contains(&words.len())
        && rest.trim_end().ends_with(['.', '!', '?'])
        && !words.iter().any(|w| {
            matches!(
                *w,
                "that" | "he" | "she" | "they" | "it" | "is" | "was" | "will" | "would"
            )
        })
}

/// Whether what follows "CLAUSE, X said" closes the attribution (a role, an occasion, the end),
/// rather than starting the reported clause itself ("Before the talks, X said the plan ...").
fn ends_attribution(rest: &str) -> bool {
    let rest = rest.trim_start();
    let first = rest.split_whitespace().next().unwrap_or("");
    rest.is_empty()
        || rest.starts_with([',', '.', ';', '!', '?'])
        || matches!(
            first,
            "in" | "at"
                | "on"
                | "during"
                | "last"
                | "this"
                | "earlier"
                | "later"
                | "today"
                | "yesterday"
        )
        || TIME_WORDS.contains(&first.trim_end_matches([',', '.']))
}

/// An age set off by commas after a name: "19,".
fn is_age(word: &str) -> bool {
    word.strip_suffix(',')
        .is_some_and(|d| (1..=3).contains(&d.len()) && d.bytes().all(|b| b.is_ascii_digit()))
}

/// Where or to whom a clause was said, written between its cue and "that": "said in an
/// interview that", "wrote in a post on Threads that", "told CBC News that" (to CBC News). A
/// time alone ("said on Monday that") is when, not where, and is read as such elsewhere.
fn occasion_before_that(before_content: &str, attr: &Attribution) -> Option<String> {
    let cue = attr.cue.as_deref()?;
    let lead = before_content
        .trim_end()
        .strip_suffix("that")?
        .trim_end()
        .trim_end_matches(',');
    let (_, phrase) = lead.rsplit_once(&format!("{cue} "))?;
    let phrase = phrase.trim();
    let words: Vec<&str> = phrase.split_whitespace().collect();
    if LISTENER_CUES.contains(&cue) {
        // "told reporters that" names no occasion worth showing; a named listener does.
        return words
            .first()
            .is_some_and(|w| w.starts_with(char::is_uppercase))
            .then(|| format!("to {phrase}"));
    }
    let first = *words.first()?;
    // "on Monday night", "at the time", "in recent weeks": when, not where.
    let names_a_place = words[1..].iter().any(|w| {
        let w = w.trim_end_matches(',');
        !TIME_WORDS.contains(&w) && !WHEN_WORDS.contains(&w.to_lowercase().as_str())
    });
    (words.len() >= 3 && OCCASION_PREPOSITIONS.contains(&first) && names_a_place)
        .then(|| words.join(" "))
}

/// Words of a phrase that says when something was said rather than where: "at the time", "on
/// Monday night", "in recent weeks".
const WHEN_WORDS: &[&str] = &[
    "the",
    "a",
    "an",
    "this",
    "that",
    "last",
    "next",
    "past",
    "recent",
    "time",
    "moment",
    "point",
    "end",
    "one",
    "night",
    "morning",
    "afternoon",
    "evening",
    "day",
    "days",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "early",
    "late",
    "same",
];

/// Whether the words after "called" in `sentence` are an event called, not a name given: "a
/// mass meeting for Wednesday morning", with no "what" just before the cue and no quotation.
fn calls_an_event(sentence: &str, content: &Range<usize>) -> bool {
    let words = &sentence[content.clone()];
    let named_thing = sentence[..content.start]
        .split_whitespace()
        .rev()
        .take(4)
        .any(|w| w.eq_ignore_ascii_case("what"));
    (words.starts_with("a ") || words.starts_with("an "))
        && !named_thing
        && !words.contains(['"', '“', '”'])
}
