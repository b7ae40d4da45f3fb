//! Speakers: turns the phrase an attribution names ("the senator", "he", "Senate Majority Leader
//! Mitch McConnell, R-Ky.") into the person or group it means, as far as the article has told,
//! and keeps the running memory of who was named last.

use super::attribution::{RELEASE_VERBS, SPEECH_CUES};
use super::reported::LISTENER_CUES;
use super::*;
use crate::text::names::{GROUP_NOUNS, is_one_person, is_role_noun, is_title};

/// Prepositions that open an occasion where a role would stand: "X, in a statement, said",
/// "X, at a rally in Ohio, said".
pub(super) const OCCASION_PREPOSITIONS: &[&str] = &["in", "at", "during", "on"];

/// Linking phrases set off by commas after a speaker, which say nothing of who they are.
const NOT_ROLES: &[&str] = &[
    "for his part",
    "for her part",
    "for their part",
    "for its part",
    "however",
    "meanwhile",
    "though",
    "too",
    "in turn",
    "in response",
    "in contrast",
    "by contrast",
    "for example",
    "for instance",
    "like",
    "unlike",
];

/// Participles that open an occasion between a speaker and the cue, where a role would stand:
/// "X, speaking in Downing Street, said", "X, writing in the Times, argued".
const OCCASION_PARTICIPLES: &[&str] = &[
    "speaking",
    "writing",
    "talking",
    "appearing",
    "testifying",
    "addressing",
    "responding",
    "campaigning",
    "visiting",
    // "Peter Haddad, asked about the figures, said": what he answered, not who he is.
    "asked",
    "pressed",
    "questioned",
    "interviewed",
    "reached",
    "contacted",
];

impl Walk<'_> {
    /// The attribution in captures `sp`/`sp2`, `cue`/`cue2`, `role`, `rest` of an "after" pattern.
    pub(super) fn attribution_after(&mut self, c: &Captures<'_>, haystack: &str) -> Attribution {
        let mut attr = self.attribution_from(c, haystack);
        let sp_end = c.name("sp").or(c.name("sp2")).map_or(0, |m| m.end());
        let mut rest = &haystack[sp_end..];
        if let Some(cue2) = c.name("cue2")
            && cue2.end() > sp_end
        {
            rest = &haystack[cue2.end()..];
        }
        // "said the association's secretary, Anil Gawde", "according to its chief executive,
        // Ron Lindqvist": the name set off after the description speaks, the description
        // is its role.
        if let Some(sp) = c.name("sp").or(c.name("sp2"))
            && opens_with_description(sp.as_str())
            && let Some(a) = RULES.name_after_description.captures(rest)
            // "Ruth Ellison Carver of Dunmore": where she is from is no part of the name.
            && let name = a.name("name").unwrap()
            && let who = name.as_str().split(" of ").next().unwrap_or_default()
            && looks_like_person(split_title(who).1)
            && !is_party_tag(who)
        {
            let described = format!("{}{}", sp.as_str(), &a["tail"]);
            let role = self.owned_role(&clean_role(&described));
            attr.speaker = Some(self.person(who, Some(&role)));
            rest = &rest[name.end()..];
        }
        // "told Vogue in an interview", "told CNN's State of the Union": whom the words were
        // told is where they were said.
        let mut listener = None;
        if attr
            .cue
            .as_deref()
            .is_some_and(|c| LISTENER_CUES.contains(&c))
            && let Some(l) = RULES.listener_after.captures(rest)
        {
            listener = Some(format!("to {}", &l["to"]));
            rest = &rest[l.get(0).unwrap().end()..];
        }
        if let Some(p) = RULES.place_after.captures(rest) {
            attr.place = Some(p["place"].to_string());
            rest = &rest[p.get(0).unwrap().end()..];
        }
        if c.name("role").or(c.name("drole")).is_none()
            && let Some(r) = RULES
                .role_after
                .captures(rest)
                .filter(|r| is_role(&r["role"]))
        {
            let role = clean_role(&r["role"]);
            // "..., she said, a possibility the team tried to rule out": after a pronoun the
            // phrase describes what was said; the person's role was given where they were named.
            let said_by_pronoun = c
                .name("sp")
                .or(c.name("sp2"))
                .is_some_and(|m| is_pronoun(m.as_str()));
            if let Some(sp) = attr.speaker.as_mut()
                && !said_by_pronoun
                && !role.is_empty()
            {
                sp.title = Some(role);
                self.remember(sp.clone());
            }
            rest = &rest[r.get(0).unwrap().end()..];
            rest = rest.trim_start_matches(',');
        }
        let occasion = RULES
            .occasion_after
            .captures(rest)
            .map(|o| o["occ"].to_string());
        let occasion = match (listener, occasion) {
            (Some(to), Some(occ)) => Some(format!("{to}, in {occ}")),
            (to, occ) => occ.or(to),
        };
        if let Some(occasion) = occasion {
            self.set_occasion(&mut attr, occasion);
        }
        attr
    }

    /// Speaker, role and cue from named captures, pronouns resolved.
    pub(super) fn attribution_from(&mut self, c: &Captures<'_>, haystack: &str) -> Attribution {
        let cue_match = c.name("cue").or(c.name("cue2"));
        // "The administration estimates that ...": a cue right after the speaker and before
        // "that" is a verb, however much it looks like a noun ("The ministry's first advance
        // estimates put output at ..." is a noun phrase).
        let cue_follows = |m: &regex::Match<'_>| {
            cue_match.is_some_and(|q| {
                q.start() == m.end() + 1
                    && haystack
                        .get(q.end()..)
                        .is_some_and(|rest| rest.starts_with(" that "))
            })
        };
        let sp = c.name("sp").or(c.name("sp2")).map(|m| {
            name_before_party(m, haystack).unwrap_or_else(|| {
                if cue_follows(&m) {
                    m.as_str()
                } else {
                    with_next_noun(m, haystack)
                }
            })
        });
        let cue = cue_match.map(|m| m.as_str().split_whitespace().collect::<Vec<_>>().join(" "));
        let mut role = c
            .name("role")
            .or(c.name("drole"))
            .map(|m| clean_role(m.as_str()));
        // "Roe, for her part, said": a linking phrase, neither role nor occasion.
        role.take_if(|r| {
            let lower = r.to_lowercase();
            NOT_ROLES.iter().any(|p| {
                lower
                    .strip_prefix(p)
                    .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
            })
        });
        // "Mr Sunak, speaking in Downing Street, said": the words between the commas say
        // where and when, not who he is.
        let occasion = role.take_if(|r| {
            r.split_whitespace().next().is_some_and(|w| {
                OCCASION_PARTICIPLES.contains(&w) || OCCASION_PREPOSITIONS.contains(&w)
            })
        });
        // "The report's author, economist Dr Niamh Corcoran of Tolka Economic Consulting, said":
        // the name inside the phrase set off after a description speaks, and says who it is.
        let set_off = sp
            .filter(|sp| opens_with_description(sp))
            .zip(role.as_deref().and_then(name_in_set_off));
        // "The state's campaign chairman, Phil Lovas, said": the name speaks, the description
        // before it is the role.
        // "Mitch McConnell, R-Ky., said": a party and state between commas are not a name.
        let apname = c
            .name("apname")
            .filter(|n| looks_like_person(split_title(n.as_str()).1) && !is_party_tag(n.as_str()));
        let speaker = match (apname, set_off) {
            (_, Some((sp, (descriptor, name)))) => Some(self.set_off_person(sp, descriptor, name)),
            (Some(name), None) => {
                let described =
                    sp.map(|s| self.owned_role(&clean_role(strip_connective(s.trim()))));
                let speaker = self.resolve(name.as_str(), described.as_deref());
                if let (Some(sp), Some(d)) = (&speaker, described.as_deref().and_then(sex_of)) {
                    self.sexes.insert(sp.name.clone(), d);
                }
                speaker
            }
            // "It shows how weak the plan is": "it" speaks only with a verb of saying; with
            // any other cue it is the writer's "it" of a fact, not an organisation's words.
            (None, None)
                if sp.is_some_and(|sp| sp.eq_ignore_ascii_case("it"))
                    && !cue.as_deref().is_some_and(|c| SPEECH_CUES.contains(&c)) =>
            {
                None
            }
            // "The report, released Thursday by the Fraser Institute, found": who put the
            // record out speaks, as in "a report released by the Fraser Institute found".
            (None, None) => match role.as_deref().and_then(released_by) {
                Some(by) => self.resolve(by, None),
                None => sp.and_then(|sp| self.resolve(sp, role.as_deref())),
            },
        };
        let mut attr = Attribution {
            speaker,
            cue,
            ..Attribution::default()
        };
        if let Some(occasion) = occasion {
            self.set_occasion(&mut attr, occasion);
        }
        attr
    }

    /// The person named inside a phrase set off after the description `sp`, with the words
    /// before the name and where the person is from as the role ("economist, Tolka Economic
    /// Consulting"), or the description when the phrase holds only the name.
    fn set_off_person(&mut self, sp: &str, descriptor: &str, name: &str) -> Speaker {
        let (who, role) = match (descriptor.is_empty(), person_of(name)) {
            (true, Some((who, from))) => (who, from.to_string()),
            (false, Some((who, from))) => (who, format!("{descriptor}, {from}")),
            (true, None) => (name, self.owned_role(&clean_role(sp))),
            (false, None) => (name, descriptor.to_string()),
        };
        let speaker = self.person(who, Some(&role));
        if let Some(sex) = sex_of(sp) {
            self.sexes.insert(speaker.name.clone(), sex);
        }
        speaker
    }

    pub(super) fn set_occasion(&self, attr: &mut Attribution, occasion: String) {
        let occasion = occasion.trim().to_string();
        attr.said_on = find_dates(&occasion).last().map(|d| d.date).or_else(|| {
            occasion
                .contains("last month")
                .then(|| {
                    self.article()
                        .published
                        .and_then(PartialDate::previous_month)
                })
                .flatten()
        });
        attr.occasion = Some(occasion);
    }

    /// A speaker phrase resolved: pronouns to the person last named, titles split off.
    pub(super) fn resolve(&mut self, phrase: &str, role: Option<&str>) -> Option<Speaker> {
        let phrase = phrase.trim();
        // "OTTAWA — Finance Minister Chrystia Freeland says": the dateline is no part of it.
        let phrase = DATELINE.find(phrase).map_or(phrase, |m| &phrase[m.end()..]);
        let phrase = without_release(strip_connective(phrase));
        // "According to them", "according to her": the object pronoun stands for the subject.
        let phrase = match phrase {
            "them" | "Them" => "they",
            "her" | "Her" => "she",
            "him" | "Him" => "he",
            _ => phrase,
        };
        // "Say Mexico demanded ...": a supposition names no speaker.
        if opens_supposition(phrase) {
            return None;
        }
        if is_pronoun(phrase) {
            let found = self.antecedent(phrase);
            // "Dr. Lynn Tran ... she said": later, a "he" passes her over.
            let sex = match phrase.to_lowercase().as_str() {
                "he" => Some(Sex::Male),
                "she" => Some(Sex::Female),
                _ => None,
            };
            if let (Some(sex), Some(person)) = (sex, &found) {
                self.sexes.entry(person.name.clone()).or_insert(sex);
            }
            return found;
        }
        // "I", "I've", "We're": the words of the writer or of a quote, never a speaker to
        // remember for the next "he".
        let first = phrase.split_whitespace().next().unwrap_or("");
        if matches!(
            first.split(['\'', '’']).next(),
            Some("I" | "We" | "we" | "You" | "you")
        ) {
            return None;
        }
        let cleaned = clean_speaker(phrase);
        // "Clinton spokesman Nick Merrill": the descriptor is the role.
        if let Some(c) = RULES.described_person.captures(&cleaned)
            && looks_like_person(&c["name"])
        {
            let desc = c["desc"].to_string();
            let name = c["name"].to_string();
            let sex = sex_of(&desc);
            let speaker = self.person(&name, Some(role_or(role, &desc)));
            if let Some(sex) = sex {
                self.sexes.insert(speaker.name.clone(), sex);
            }
            return Some(speaker);
        }
        // "the senator", "The Indiana governor": the last person given that role.
        if let Some(noun) = definite_role(&cleaned)
            && let Some(found) = self.recent.iter().rev().find(|p| {
                p.title
                    .as_deref()
                    .is_some_and(|t| description_fits(&cleaned, noun, t))
            })
        {
            // The person just referred to is the one a following "he" or "she" means.
            let found = found.clone();
            self.remember(found.clone());
            return Some(found);
        }
        // "According to the doctor": the last person the article wrote as "Dr" and has quoted
        // or named as a speaker since.
        if cleaned.eq_ignore_ascii_case("the doctor")
            && let Some(found) = self.recent.iter().rev().find(|p| {
                let name = p.name.trim_end_matches(|c: char| !c.is_alphanumeric());
                self.doctors.iter().any(|d| d == name)
            })
        {
            let found = found.clone();
            self.remember(found.clone());
            return Some(found);
        }
        // "the 45-year-old", "the 61-year-old striker": the person the article gave that age;
        // else, as a pronoun would, the person named last ("Fatima pressed a sheet of plastic
        // ... “...,” the 29-year-old mother of four from Homs told Al Jazeera"), unless the
        // article gave them another age; else no one.
        if let Some(age) = definite_age(&cleaned) {
            if let Some((_, name)) = self.ages.iter().rev().find(|(a, _)| *a == age) {
                let name = name.clone();
                return Some(self.person(&name, None));
            }
            // "Marcus Johnson, 45, ..." is never "the 24-year-old".
            return self
                .last_person
                .clone()
                .filter(|person| !self.ages.iter().any(|(_, name)| *name == person.name));
        }
        // "Senate Majority Leader Mitch McConnell": a capitalised office before the name.
        if let Some((office, name)) = office_before_name(&cleaned) {
            let office = office.to_string();
            return Some(self.person(name, Some(role_or(role, &office))));
        }
        // "Mr. Morgan of the Sierra Club": the person, with where they are from as the role.
        if let Some((who, from)) = person_of(&cleaned) {
            // "Economist Jane Park of the University of Toronto": both say who she is.
            let (who, from) = match office_before_name(who) {
                Some((office, name)) => (name.to_string(), format!("{office}, {from}")),
                None => (who.to_string(), from.to_string()),
            };
            return Some(self.person(&who, Some(role_or(role, &from))));
        }
        if is_group(&cleaned) || !looks_like_person(split_title(&cleaned).1) {
            // "the fund" after "The International Monetary Fund": the organisation named last
            // whose name holds the noun.
            if let Some(named) = self.named_org(&cleaned) {
                self.last_org = Some(named.clone());
                return Some(named);
            }
            // "The company said" opening a sentence is "the company" of "the company said".
            let name = cleaned
                .strip_prefix("The ")
                .filter(|rest| {
                    is_group(rest) && rest.chars().next().is_some_and(char::is_lowercase)
                })
                .map_or(cleaned.clone(), |rest| format!("the {rest}"));
            let speaker = Speaker {
                name,
                title: role.map(str::to_string),
            };
            if is_group(&speaker.name) {
                self.last_group = Some(speaker.clone());
            }
            // A name, not a description: its last word is capitalised ("the International
            // Monetary Fund", "Wells Fargo"; not "Clinton supporters").
            let named = speaker
                .name
                .split_whitespace()
                .last()
                .is_some_and(|w| w.starts_with(char::is_uppercase));
            if named {
                self.orgs.retain(|o| o.name != speaker.name);
                self.orgs.push(speaker.clone());
            }
            // "A spokeswoman for the agency said ... She added": one person, unnamed, whom the
            // next "he" or "she" can mean; "it" cannot.
            if is_one_person(&speaker.name) {
                if let Some(sex) = sex_of(&speaker.name) {
                    self.sexes.insert(speaker.name.clone(), sex);
                }
                self.last_person = Some(speaker.clone());
                return Some(speaker);
            }
            // "Experts" are "they"; "the fund" and "Wells Fargo" are "it".
            if !speaker.name.ends_with('s') {
                self.last_org = Some(speaker.clone());
            }
            return Some(speaker);
        }
        Some(self.person(&cleaned, role))
    }

    /// Whom a pronoun refers to: "they" to the group last named (never to one person, whom
    /// news writing calls "he" or "she"); "it" to the organisation named right before; "he" and
    /// "she" to the person last named, passing over one the text has shown to be of the other
    /// sex ("Mrs. Clinton ... Mr. Trump ... she said" is Clinton).
    pub(super) fn antecedent(&self, pronoun: &str) -> Option<Speaker> {
        let wanted = match pronoun.to_lowercase().as_str() {
            "he" => Some(Sex::Male),
            "she" => Some(Sex::Female),
            "it" => return self.last_org.clone(),
            _ => None,
        };
        let Some(wanted) = wanted else {
            return self.last_group.clone();
        };
        // The last speaker stands in only if a person, named or by role ("The mayor"): "NBC
        // News published the video ... she says" is no one the text has named.
        let last = self.last_person.clone().or_else(|| {
            self.last_quote_speaker.clone().filter(|s| {
                (looks_like_person(&s.name) && !is_group(&s.name))
                    || s.name
                        .split_whitespace()
                        .last()
                        .is_some_and(|w| is_role_noun(&w.to_lowercase()))
            })
        });
        if last
            .as_ref()
            .is_none_or(|p| self.sexes.get(&p.name).is_none_or(|s| *s == wanted))
        {
            return last;
        }
        self.recent
            .iter()
            .rev()
            .find(|p| self.sexes.get(&p.name) == Some(&wanted))
            .cloned()
            .or(last)
    }

    /// The organisation a definite noun stands for: "the fund" for the "International Monetary
    /// Fund" named before, "the agency" for the "Environmental Protection Agency". Only one
    /// noun after "the", and only an organisation whose name holds it as a word.
    fn named_org(&self, phrase: &str) -> Option<Speaker> {
        let noun = after_the(phrase)?;
        if noun.contains(' ') || !noun.starts_with(char::is_lowercase) || !is_group(noun) {
            return None;
        }
        self.orgs
            .iter()
            .rev()
            .find(|o| {
                // The name's head: its last word, or the word before "of" ("Department of
                // Justice"); "Supreme Court Justice Frank Nervo" is no court.
                let head = o.name.split(" of ").next().unwrap_or(&o.name);
                head.split_whitespace()
                    .last()
                    .is_some_and(|w| w.eq_ignore_ascii_case(noun))
            })
            .cloned()
    }

    /// A person named in the text, with what this article already knows of their role.
    pub(super) fn person(&mut self, written: &str, role: Option<&str>) -> Speaker {
        let (title, name) = split_title(written.trim());
        let name = name.trim_end_matches([',', '.']).to_string();
        self.people.add(&name);
        let name = if name.contains(' ') {
            name
        } else {
            self.short_name(name)
        };
        if let Some(sex) = sex_of(written).or_else(|| role.and_then(sex_of)) {
            self.sexes.insert(name.clone(), sex);
        }
        // A relative clause ("Rao, who was one of her students, said") says something about
        // the person; a title or a role the article gave before says who they are, and wins.
        let (clause, given) = match role.map(clean_role) {
            Some(r) if starts_with_relative(&r) => (Some(r), None),
            cleaned => (None, cleaned.filter(|r| !r.is_empty())),
        };
        let role = given
            .or_else(|| title.map(str::to_string))
            .or_else(|| self.known_role(&name))
            .or(clause);
        let speaker = Speaker { name, title: role };
        self.remember(speaker.clone());
        speaker
    }

    /// The full name a surname alone stands for: what it stood for when first used (the
    /// writer keeps it for one person), else the one full name the article has given it,
    /// else, when several people named so far share it ("Ruth Ellison Carver", "Emily
    /// Carver"), the one named most recently.
    fn short_name(&mut self, surname: String) -> String {
        let full = self
            .short_names
            .get(&surname)
            .cloned()
            .or_else(|| self.people.canonical(&surname))
            .or_else(|| {
                self.recent
                    .iter()
                    .rev()
                    .find(|p| {
                        p.name.len() > surname.len()
                            && p.name.split_whitespace().last() == Some(surname.as_str())
                            && !opens_without_subject(&p.name)
                    })
                    .map(|p| p.name.clone())
            })
            .unwrap_or_else(|| surname.clone());
        self.short_names
            .entry(surname)
            .or_insert_with(|| full.clone());
        full
    }

    pub(super) fn known_role(&self, name: &str) -> Option<String> {
        [
            &self.last_person,
            &self.last_quote_speaker,
            &self.statement_speaker,
        ]
        .into_iter()
        .flatten()
        .find(|s| s.name == name)
        .and_then(|s| s.title.clone())
        .or_else(|| {
            self.quotes
                .iter()
                .rev()
                .find(|q| q.speaker.as_deref() == Some(name))
                .and_then(|q| q.speaker_title.clone())
        })
    }

    pub(super) fn remember(&mut self, speaker: Speaker) {
        if !is_group(&speaker.name) && looks_like_person(&speaker.name) {
            self.recent.retain(|p| p.name != speaker.name);
            self.recent.push(speaker.clone());
            self.last_person = Some(speaker);
            // "It" is read only right after its organisation: once a person has been named
            // since, the writer would name the organisation again.
            self.last_org = None;
        }
    }
}

/// Whether a speaker phrase opens with a determiner or an owner, so describes someone rather
/// than naming them: "the association", "its chief executive", "her daughter".
fn opens_with_description(phrase: &str) -> bool {
    let first = phrase.split_whitespace().next().unwrap_or("");
    matches!(
        first.to_lowercase().as_str(),
        "the" | "a" | "an" | "another" | "its" | "his" | "her" | "their" | "our" | "my"
    )
}

/// Whether a phrase opens as US writing's party and state tag after a name: "R-Ky.", "D-Chicago".
fn is_party_tag(phrase: &str) -> bool {
    let mut chars = phrase.chars();
    matches!(chars.next(), Some('R' | 'D' | 'I')) && chars.next() == Some('-')
}

/// "State Sen. Elgie Sims, D-Chicago, who led ..., said": a capture that is only the party and
/// place tag stands for the name written right before it.
fn name_before_party<'h>(m: regex::Match<'h>, haystack: &'h str) -> Option<&'h str> {
    let tag = m.as_str();
    // The capture must be the haystack's own text for its offsets to hold.
    if !is_party_tag(tag) || tag.contains(' ') || haystack.get(m.range()) != Some(tag) {
        return None;
    }
    let before = haystack[..m.start()]
        .trim_end()
        .strip_suffix(',')?
        .trim_end();
    let words = super::words_at(before);
    let name: Vec<&(usize, &str)> = words
        .iter()
        .rev()
        .take(5)
        .take_while(|(_, w)| w.starts_with(char::is_uppercase))
        .collect();
    // "State Sen. Elgie Sims": from the title on, which the speaker's resolution splits off;
    // a title of two words ("State Sen.") from its first.
    let first = match name.iter().position(|(_, w)| is_title(w)) {
        Some(k) => name
            .get(k + 1)
            .filter(|(_, prev)| is_title(&format!("{prev} {}", name[k].1)))
            .unwrap_or(&name[k]),
        None => name.last()?,
    };
    Some(&before[first.0..])
}

/// The speaker as captured, with one more noun when the capture stopped at a noun that only
/// qualifies the next: "one union official" (the pattern takes the fewest words it can).
fn with_next_noun<'h>(m: regex::Match<'h>, haystack: &'h str) -> &'h str {
    let phrase = m.as_str();
    // "said council member Rosa Delgado": the group word qualifies "member" and the name after
    // it. ("member" stays out of the role tables, where it read "NATO member Estonia" as a
    // person and "member states" as a speaker.)
    if phrase.bytes().all(|b| b.is_ascii_lowercase())
        && haystack.get(m.range()) == Some(phrase)
        && let Some(rest) = haystack[m.end()..].strip_prefix(" member ")
    {
        // The name's capitalised words, up to the first that punctuation closes.
        let mut name_len = 0;
        let mut name_words = 0;
        for w in rest.split(' ').take(3) {
            if !w.starts_with(char::is_uppercase) {
                break;
            }
            name_words += 1;
            name_len += w.len() + usize::from(name_words > 1);
            if w.ends_with([',', '.', ';', ':']) {
                break;
            }
        }
        let name = rest[..name_len].trim_end_matches([',', '.', ';', ':']);
        if name_words >= 2 {
            return &haystack[m.start()..m.end() + " member ".len() + name.len()];
        }
    }
    let starts_with_determiner = phrase
        .split_whitespace()
        .next()
        .is_some_and(|w| matches!(w, "one" | "One" | "a" | "A" | "an" | "An" | "the" | "The"));
    if !starts_with_determiner || haystack.get(m.range()) != Some(phrase) {
        return phrase;
    }
    let rest = &haystack[m.end()..];
    let Some(after_space) = rest.strip_prefix(' ') else {
        return phrase;
    };
    let word_len = after_space
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(after_space.len());
    let word = &after_space[..word_len];
    if is_role_noun(word) || GROUP_NOUNS.contains(&word) {
        &haystack[m.start()..m.end() + 1 + word_len]
    } else {
        phrase
    }
}

/// Who put a record out, from a release clause set off as the role: "released Thursday by the
/// Fraser Institute" -> "the Fraser Institute".
fn released_by(role: &str) -> Option<&str> {
    let verb = role.split_whitespace().next()?;
    if !RELEASE_VERBS.contains(&verb) {
        return None;
    }
    let (_, by) = role.split_once(" by ")?;
    let by = by.trim();
    by.split_whitespace()
        .any(|w| w.starts_with(char::is_uppercase))
        .then_some(by)
}

/// The role to keep: the one set off by commas, unless it is only a relative clause ("NDP
/// Leader Jagmeet Singh, whose party pushed for it, said") and the text wrote a role before the
/// name, which says better who they are.
fn role_or<'a>(given: Option<&'a str>, written: &'a str) -> &'a str {
    match given {
        Some(r) if !is_relative_clause(r) => r,
        _ => written,
    }
}

/// "whose party ...", "who toured the area", "which represents doctors" (not "who is ...",
/// which goes on to give a role).
fn is_relative_clause(role: &str) -> bool {
    let first = role.split_whitespace().next().unwrap_or("");
    matches!(first, "who" | "whose" | "which" | "that") && !role.starts_with("who is")
}

/// Whether a definite description ("the prime minister", "the Indiana governor") can mean the
/// person with role `title`: the title holds the noun, and where both qualify it the word right
/// before it, they agree. "The prime minister" is not the "Health Minister", nor "the health
/// secretary" the union's "general secretary"; "the former president" is the "President".
fn description_fits(description: &str, noun: &str, title: &str) -> bool {
    let title = title.to_lowercase();
    let title_words: Vec<&str> = title.split(|c: char| !c.is_alphanumeric()).collect();
    let same_office = |w: &str| {
        w == noun
            || TITLE_SYNONYMS
                .iter()
                .any(|(n, others)| *n == noun && others.contains(&w))
    };
    let Some(at) = title_words.iter().rposition(|w| same_office(w)) else {
        return false;
    };
    let description = description.to_lowercase();
    let desc_words: Vec<&str> = description.split_whitespace().collect();
    let title_qualifier = at.checked_sub(1).map(|i| title_words[i]);
    let desc_qualifier = desc_words.len().checked_sub(2).map(|i| desc_words[i]);
    match (title_qualifier, desc_qualifier) {
        (Some(t), Some(d)) if d != "the" && !TIME_QUALIFIERS.contains(&d) => {
            // The description's qualifier must be the title's, or appear in it elsewhere
            // ("the Republican nominee" for "Republican presidential nominee").
            t == d || title_words.contains(&d)
        }
        _ => true,
    }
}

/// Offices news names by another word the second time: "Justice Mark Hill ... the judge",
/// "attorney John Roe ... the lawyer". Not "the minister" for a "secretary": a union's
/// general secretary is none.
const TITLE_SYNONYMS: &[(&str, &[&str])] = &[
    ("judge", &["justice"]),
    ("lawyer", &["attorney", "solicitor", "barrister", "counsel"]),
    ("executive", &["ceo"]),
];

/// Words that date a role rather than say which one: "the former president".
const TIME_QUALIFIERS: &[&str] = &[
    "former", "then", "current", "new", "outgoing", "incoming", "late",
];

/// "A Quinnipiac University poll released in late August" -> "A Quinnipiac University poll":
/// when a record came out says which one it is in the sentence, not who speaks.
fn without_release(phrase: &str) -> &str {
    const RELATIVE: &[&str] = &["that appeared", "which appeared", "that was", "which was"];
    // Where " word" first stands in the phrase.
    let first_after_space = |w: &str| {
        phrase
            .match_indices(w)
            .map(|(at, _)| at)
            .find(|&at| phrase[..at].ends_with(' '))
    };
    // "a report released by the China Internet Network Information Center": who released
    // it is the source, and that is read further on.
    RELEASE_VERBS
        .iter()
        .chain(RELATIVE)
        .filter_map(|w| first_after_space(w).map(|at| (at, w.len())))
        .filter(|&(at, len)| !phrase[at + len..].starts_with(" by "))
        .map(|(at, _)| at - 1)
        .min()
        .map_or(phrase, |at| &phrase[..at])
}

/// Splits "Mr. Morgan of the Sierra Club" into the person and where they are from. The part
/// before "of" must be a name with a title or of two words or more, so "Bank of England" and
/// "Secretary of State" stay whole.
fn person_of(phrase: &str) -> Option<(&str, &str)> {
    let (who, from) = phrase.split_once(" of ")?;
    let from = from.strip_prefix("the ").unwrap_or(from);
    let (_, name) = split_title(who);
    // A title, courtesy ones included, was split off, or the name has two words.
    let named = name.len() < who.len() || name.split_whitespace().count() >= 2;
    (named && looks_like_person(name) && from.starts_with(char::is_uppercase))
        .then_some((who, from))
}

/// The lower-case words and the name of a set-off phrase that names someone: "economist Dr
/// Niamh Corcoran of Tolka Economic Consulting" -> ("economist", "Dr Niamh Corcoran of Tolka
/// Economic Consulting"). `None` unless a name of two words or more follows at most two
/// lower-case words.
fn name_in_set_off(role: &str) -> Option<(&str, &str)> {
    let (descriptor, name) = if role.starts_with(char::is_uppercase) {
        ("", role)
    } else {
        own_role_before_name(role)?
    };
    // "written by Dr. Farida Hossain", "led by Dr Sarah Okafor": who made the thing described,
    // not who it is.
    if descriptor
        .split_whitespace()
        .any(|w| matches!(w, "by" | "with" | "for" | "to"))
    {
        return None;
    }
    let who = name.split(" of ").next().unwrap_or(name);
    let (_, bare) = split_title(who);
    (bare.split_whitespace().count() >= 2 && looks_like_person(bare)).then_some((descriptor, name))
}

/// The age in "the 45-year-old", "The 61-year-old striker" or "the 29-year-old mother of four
/// from Homs", an age standing for a person: a noun may follow, and after it only phrases
/// opened by "of", "from" or "in".
fn definite_age(phrase: &str) -> Option<u32> {
    let rest = after_the(phrase)?;
    let mut words = rest.split_whitespace();
    let age = words.next()?.strip_suffix("-year-old")?.parse().ok()?;
    let _noun = words.next();
    let tail: Vec<&str> = words.collect();
    let phrases_only = tail.len() <= 4
        && tail.len().is_multiple_of(2)
        && tail
            .iter()
            .step_by(2)
            .all(|w| matches!(*w, "of" | "from" | "in"));
    phrases_only.then_some(age)
}
