//! Quote extraction: direct, partial, block, statement and reported-speech quotes with their
//! speaker, role, cue, occasion and date. Walks an article's cleaned paragraphs in order, keeping
//! the context news writing relies on (the person last named, the speaker of a running quote, the
//! section heading). Pure: takes an `&Article`, returns `Quote`s with spans into the file.

mod attribution;
mod headline;
mod marks;
mod position;
mod reported;
mod speakers;

use crate::corpus::{Article, Paragraph, ParagraphKind};
use crate::text::dates::{PartialDate, find_dates};
use crate::text::names::{
    EVERYDAY_ROLE_NOUNS, NAME_PARTICLES, NameRegistry, PARLIAMENT_MEMBERS, ROLE_NOUNS, TITLE_NOUNS,
    is_courtesy_title, is_group, is_office_title, is_pronoun, is_role_noun, is_title,
    looks_like_person, split_title,
};
use crate::text::sentences::split_sentences;
use attribution::{
    CONJUNCTIONS, PARTICIPLE_CUES, RULES, Rules, TIME_WORDS, clean_role, clean_speaker,
    holds_clause, is_label, is_plain_subject, opens_supposition, opens_without_subject,
};
use marks::{Quoted, find_quoted, opens_with_mark};
use position::proper_nouns;
use regex::{Captures, Regex};
use serde::Serialize;
use std::ops::Range;
use std::sync::LazyLock;

pub use attribution::{CLAUSE_CUES, CUES};

/// Byte offsets into an article file, end exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// How the words are presented in the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    /// Whole sentences in quotation marks.
    Direct,
    /// Reported speech without quotation marks ("Xi said cyberspace is ...").
    Indirect,
    /// A set-off quote attributed by a dash line after it.
    Block,
    /// A paragraph in a section headed by the speaker's name and role.
    Statement,
    /// A few quoted words inside the writer's sentence.
    Partial,
    /// What someone wants, backs or did, as the writer reports it without a verb of saying
    /// ("The union endorsed Clinton", "Trump plans to cut taxes").
    Position,
}

/// One quotation.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct Quote {
    pub id: String,
    pub article: String,
    pub text: String,
    /// Canonical speaker name, a group ("experts"), or none when the text does not say.
    pub speaker: Option<String>,
    pub speaker_title: Option<String>,
    pub kind: QuoteKind,
    pub cue: Option<String>,
    /// The date the words were said, when the text gives one apart from the article's date.
    pub said_on: Option<PartialDate>,
    pub occasion: Option<String>,
    /// Where the words were said, when the text says.
    pub place: Option<String>,
    pub span: Span,
}

/// Who is speaking, as far as one article has told so far.
#[derive(Debug, Clone, Default, PartialEq)]
struct Speaker {
    name: String,
    title: Option<String>,
}

/// The attribution found for a quote or a clause.
#[derive(Debug, Clone, Default)]
struct Attribution {
    speaker: Option<Speaker>,
    cue: Option<String>,
    occasion: Option<String>,
    said_on: Option<PartialDate>,
    place: Option<String>,
}

/// Whose words ended a paragraph, handed to the next one when it opens with a quote no one
/// claims.
enum Closing {
    /// A direct quote ended it ("“...,” he said."): the next paragraph goes on with their words.
    Quote(Speaker),
    /// A reported clause ended it ("..., noted that eGFR can fluctuate."): only a next
    /// paragraph that is all quotation goes on with them.
    Report(Speaker),
}

/// The running context of one article.
#[derive(Default)]
struct Walk<'a> {
    article: Option<&'a Article>,
    /// True while the first paragraph, the headline, is read.
    in_headline: bool,
    /// True while the paragraph after the headline is read, where a dateline may stand.
    in_lead: bool,
    quotes: Vec<Quote>,
    /// The person most recently named as a speaker or subject: pronouns refer to them.
    last_person: Option<Speaker>,
    /// The people named so far, most recent last: "she" skips a man named since, "the
    /// senator" finds the last one called senator.
    recent: Vec<Speaker>,
    /// What the text has said of a person's sex ("Mr.", "Mrs.", "spokeswoman"), by name.
    sexes: std::collections::HashMap<String, Sex>,
    /// The group most recently named as a speaker ("experts"): "they" refers to it.
    last_group: Option<Speaker>,
    /// The organisation or record most recently named as a speaker ("the IMF", "the lawsuit"):
    /// "it" refers to it, and to nothing else.
    last_org: Option<Speaker>,
    /// Organisations named so far by name, most recent last: "the fund" finds the
    /// "International Monetary Fund".
    orgs: Vec<Speaker>,
    /// The speaker of the latest quote: a bare quote that follows continues their words.
    last_quote_speaker: Option<Speaker>,
    /// Set while inside a "Name, role" statement section.
    statement_speaker: Option<Speaker>,
    /// A person named by the latest heading ("President Xi's messages ...").
    heading_speaker: Option<Speaker>,
    /// Index of a quote whose paragraph ended with the quote still open.
    running_quote: Option<usize>,
    /// The attribution of a paragraph that ended by introducing the next ("Limbaugh added:"),
    /// for a quote opening that next paragraph with no attribution of its own.
    colon_lead: Option<Attribution>,
    /// Whose words ended the paragraph before, for a paragraph that opens with a quote no one
    /// claims.
    closing: Option<Closing>,
    /// Full names of the people this article has named, for "Xi" -> "Xi Jinping".
    people: NameRegistry,
    /// The full name each surname alone stood for when the article first used it ("Carver"
    /// -> "Emily Carver"): a surname goes on meaning that person when someone else who
    /// shares it is named later.
    short_names: std::collections::HashMap<String, String>,
    /// Full names written anywhere in the article, speakers or not ("Mika Zibanejad scored"):
    /// the fallback for a short name [`Walk::people`] does not know.
    mentions: NameRegistry,
    /// The title written before a mentioned full name ("Gov. J.B. Pritzker signed ..."), for a
    /// speaker no attribution gave a role.
    mention_titles: std::collections::HashMap<String, String>,
    /// Full names the article wrote after "Dr" ("Dr Mercy Achieng'"), most recent last: "the
    /// doctor" finds the last of them.
    doctors: Vec<String>,
    /// Ages given after names ("Marcus Johnson, 45, who rode out the storm"), so that "the
    /// 45-year-old" finds him; most recent last.
    ages: Vec<(u32, String)>,
    /// Quotes replaced by a longer one that contains them, removed once the walk is done.
    dropped: Vec<usize>,
    /// Words the article capitalises inside a sentence: its proper nouns, so "Phone" or "Last"
    /// opening a sentence is not taken for someone's name; each with whether it ever ends a
    /// name (see [`proper_nouns`]).
    proper_nouns: std::collections::HashMap<String, bool>,
}

/// A person's sex as the text gives it, to match "he" and "she".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sex {
    Male,
    Female,
}

/// Words before or inside a name or role that tell a person's sex.
const SEX_WORDS: &[(&str, Sex)] = &[
    ("Mr.", Sex::Male),
    ("Mr", Sex::Male),
    ("Mrs.", Sex::Female),
    ("Mrs", Sex::Female),
    ("Ms.", Sex::Female),
    ("Ms", Sex::Female),
    ("Miss", Sex::Female),
    ("King", Sex::Male),
    ("Queen", Sex::Female),
    ("Prince", Sex::Male),
    ("Princess", Sex::Female),
    ("spokesman", Sex::Male),
    ("spokeswoman", Sex::Female),
    ("chairman", Sex::Male),
    ("chairwoman", Sex::Female),
    ("congressman", Sex::Male),
    ("congresswoman", Sex::Female),
    ("businessman", Sex::Male),
    ("businesswoman", Sex::Female),
    ("wife", Sex::Female),
    ("husband", Sex::Male),
    ("mother", Sex::Female),
    ("father", Sex::Male),
    ("daughter", Sex::Female),
    ("son", Sex::Male),
];

/// The sex a written name or role gives away, if any.
fn sex_of(written: &str) -> Option<Sex> {
    written
        .split(|c: char| c.is_whitespace() || c == ',')
        .find_map(|w| {
            SEX_WORDS
                .iter()
                .find(|(word, _)| *word == w)
                .map(|(_, s)| *s)
        })
}

/// The most of its sentence before a quote that the quote's attribution and subject are read
/// from: longer than any attribution, short enough that a run-on text stays linear.
const MAX_BEFORE_BYTES: usize = 1000;

/// Words too short to be a quotation on their own: "sanction", "non-defensive".
const MIN_DIRECT_WORDS: usize = 6;

/// Words before a quoted phrase that make it a name or a title, not a quotation.
const NAMING_WORDS: &[&str] = &[
    "titled",
    "entitled",
    "called",
    "named",
    "dubbed",
    "so-called",
    "known as",
    "term",
    "word",
    "words",
    "phrase",
    // A sign's words: "a tarpaulin reading \"Bangon Eastern Samar!\"".
    "reading",
    "slogan",
    "label",
    "labelled",
    "labeled",
    "motto",
    "theme",
    "as an",
    "as a",
];

/// A dateline opening a story: a place in capitals, maybe a state or date after a comma and
/// an agency in brackets, then a dash (or a colon, as Indian papers write it: "NEW DELHI:").
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\p{Lu}[\p{Lu}.'’\-]+(?:\s+\p{Lu}[\p{Lu}.'’\-]+){0,3}(?:,\s+[\p{L}\d. ]{2,30}?)?(?:\s+\([^)]{2,40}\))?\s*(?:—|–|--|-|:)\s*",
    )
    .expect("dateline pattern compiles")
});

/// A dateline in Title Case, as Al Jazeera and others write it: a place, a comma, its country
/// or region, then a long dash ("Bar Elias, Lebanon – As the first winter storm ..."). Read in
/// the lead only, where "Jane Roe, Reuters – ..." does not stand.
static TITLE_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\p{Lu}[\p{L}'’.\-]+(?:\s+\p{Lu}[\p{L}'’.\-]+){0,3},\s+\p{Lu}[\p{L}.]+(?:\s+\p{Lu}[\p{L}.]+){0,2}\s*(?:—|–)\s*",
    )
    .expect("title dateline pattern compiles")
});

/// The words after a leading "the" or "The": "the senator", "The 45-year-old".
fn after_the(phrase: &str) -> Option<&str> {
    phrase
        .strip_prefix("the ")
        .or_else(|| phrase.strip_prefix("The "))
}

/// Whether a phrase opens with a relative pronoun: a clause about someone, not their role.
pub(super) fn starts_with_relative(phrase: &str) -> bool {
    let first = phrase.split_whitespace().next().unwrap_or("");
    matches!(first, "who" | "whose" | "which" | "that" | "whom")
}

/// Extracts every quote of one article, speakers resolved within the article.
pub fn extract_quotes(article: &Article) -> Vec<Quote> {
    let mut walk = Walk {
        article: Some(article),
        proper_nouns: proper_nouns(article),
        ..Walk::default()
    };
    let paras = &article.paragraphs;
    // The headline is the first paragraph, unless the front matter gave a title the text does
    // not hold: then the story opens with its lead ("New Delhi: Delhi's air quality ...").
    let lead_at = usize::from(
        article
            .title
            .as_deref()
            .is_none_or(|t| paras.iter().any(|p| p.text == t)),
    );
    let mut i = 0;
    while i < paras.len() {
        let para = &paras[i];
        let next = paras.get(i + 1);
        if let Some(dash) = next.filter(|n| is_dash_line(&n.text)) {
            walk.block_quote(para, dash);
            i += 2;
            continue;
        }
        walk.in_headline = i == 0 && lead_at == 1;
        walk.in_lead = i == lead_at;
        // The headline, in Title Case: its capitalised verb escapes the sentence patterns.
        if walk.in_headline
            && let Some((span, attr, kind)) = walk.headline(para)
        {
            walk.push(para, span.start, span.end, kind, attr);
            walk.heading(para);
            i += 1;
            continue;
        }
        match para.kind {
            // A short line that opens with a quote is a quote ("“...” ― Name"), not a heading.
            ParagraphKind::Heading if !opens_with_mark(&para.text) => walk.heading(para),
            // Converters keep a quoted section heading's full stop, which makes it prose.
            _ if walk.running_quote.is_none() && is_quoted_heading(&para.text) => {
                walk.heading(para)
            }
            ParagraphKind::Heading => walk.prose(para),
            ParagraphKind::Prose
                if walk.statement_speaker.is_some() && !opens_with_mark(&para.text) =>
            {
                walk.statement(para)
            }
            ParagraphKind::Prose => walk.prose(para),
        }
        // "The governor added:" on its own, then his words as a paragraph without marks. A
        // paragraph that quotes anyone itself is prose, with attributions of its own.
        if para.kind == ParagraphKind::Prose
            && let Some(next) = next.filter(|n| {
                n.kind == ParagraphKind::Prose
                    && find_quoted(&n.text).is_empty()
                    && !is_dash_line(&n.text)
            })
            && let Some(attr) = walk.introduces_block(para)
        {
            walk.push(next, 0, next.text.len(), QuoteKind::Block, attr);
            i += 2;
            continue;
        }
        // "Limbaugh added:", then a paragraph that opens with his words in marks.
        if para.kind == ParagraphKind::Prose
            && next.is_some_and(|n| n.kind == ParagraphKind::Prose && opens_with_mark(&n.text))
        {
            walk.colon_lead = walk.introduces_block(para);
        }
        i += 1;
    }
    let (people, mentions, mention_titles, sexes) =
        (walk.people, walk.mentions, walk.mention_titles, walk.sexes);
    let mut quotes: Vec<Quote> = walk
        .quotes
        .into_iter()
        .enumerate()
        .filter(|(n, _)| !walk.dropped.contains(n))
        .map(|(_, q)| q)
        .collect();
    let mut seen = std::collections::HashMap::new();
    for q in quotes.iter_mut() {
        q.id = stable_id(&article.id, &q.text, &mut seen);
        // A short name used before the full one was known, unless the text has shown the two
        // to be of different sexes ("Okonjo ... she says" is not her husband "Femi Okonjo").
        if let Some(full) = q.speaker.as_deref().and_then(|s| {
            let full = people.canonical(s).or_else(|| mentions.canonical(s))?;
            match (sexes.get(s), sexes.get(&full)) {
                (Some(a), Some(b)) if a != b => None,
                _ => Some(full),
            }
        }) {
            q.speaker = Some(full);
        }
        if q.speaker_title.is_none() {
            q.speaker_title = q
                .speaker
                .as_ref()
                .and_then(|s| mention_titles.get(s))
                .cloned();
        }
    }
    quotes
}

/// Party words written before a name: "Democrat Hillary Clinton", "Labour MP Jo Roe".
const PARTY_WORDS: &[&str] = &[
    "Democrat",
    "Democratic",
    "Republican",
    "GOP",
    "Libertarian",
    "Independent",
    "Labour",
    "Conservative",
    "Tory",
    "Liberal",
];

impl Walk<'_> {
    /// Remembers the full names `text` writes ("Dr Sarah Okafor of the University", "Boston
    /// goalie Jeremy Swayman"): runs of two or three capitalised words that read as a person's,
    /// a title and an opening word such as "The" or "But" left out.
    fn note_mentions(&mut self, text: &str) {
        let mut run: Vec<&str> = Vec::new();
        for word in text.split_whitespace() {
            let bare = word.trim_start_matches(|c: char| !c.is_alphanumeric());
            let name_word = bare.starts_with(char::is_uppercase)
                || (!run.is_empty() && NAME_PARTICLES.contains(&bare));
            if name_word {
                run.push(bare);
            }
            // A run ends at a lowercase word, or with a word that punctuation closes; a title's
            // or an initial's full stop ("Sen.", "J.") does not close it.
            let initials = bare
                .trim_end_matches('.')
                .split('.')
                .all(|part| part.chars().count() == 1);
            let closed = word.ends_with(|c: char| !c.is_alphanumeric() && c != '.')
                || (word.ends_with('.') && !is_title(bare) && !initials);
            if !name_word || closed {
                self.note_mention(&run);
                run.clear();
            }
        }
        self.note_mention(&run);
    }

    /// Notes each "Name, 45," of the paragraph. The age is found first, by hand, so that the
    /// name pattern only runs, anchored, on the few words before one.
    fn note_ages(&mut self, text: &str) {
        for (at, _) in text.match_indices(", ") {
            let digits = text[at + 2..]
                .bytes()
                .take_while(u8::is_ascii_digit)
                .count();
            let after = at + 2 + digits;
            if !(1..=3).contains(&digits) || text.as_bytes().get(after) != Some(&b',') {
                continue;
            }
            let Ok(age) = text[at + 2..after].parse() else {
                continue;
            };
            let mut from = at.saturating_sub(80);
            while !text.is_char_boundary(from) {
                from += 1;
            }
            if let Some(c) = RULES.name_before_age.captures(&text[from..at]) {
                let (_, name) = split_title(&c["name"]);
                if looks_like_person(name) {
                    self.ages.push((age, name.to_string()));
                }
            }
        }
    }

    fn note_mention(&mut self, run: &[&str]) {
        let start = run
            .iter()
            .position(|w| {
                // "Said Ellis:", "Say Mexico demanded": a cue or a supposition opening the
                // sentence is no part of the name.
                let lower = w.to_lowercase();
                !opens_without_subject(w)
                    && !opens_supposition(w)
                    && !CUES.contains(&lower.as_str())
                    && !PARTY_WORDS.contains(w)
            })
            .unwrap_or(run.len());
        let joined = run[start..].join(" ");
        let joined = joined.trim_end_matches(|c: char| !c.is_alphanumeric());
        let joined = joined
            .strip_suffix("'s")
            .or_else(|| joined.strip_suffix("’s"))
            .unwrap_or(joined);
        let (title, name) = split_title(joined);
        if (2..=3).contains(&name.split_whitespace().count())
            && looks_like_person(name)
            && !is_group(name)
        {
            self.mentions.add(name);
            if matches!(run[start], "Dr" | "Dr.") {
                self.doctors.retain(|d| d != name);
                self.doctors.push(name.to_string());
            }
            if let Some(title) = title {
                self.mention_titles
                    .entry(name.to_string())
                    .or_insert_with(|| title.to_string());
            }
        }
    }
}

/// The words of `text` split at whitespace, each with its byte offset in `text`.
fn words_at(text: &str) -> Vec<(usize, &str)> {
    text.split_whitespace()
        .map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
        .collect()
}

/// Splits "Senate Majority Leader Mitch McConnell" into the office ("Senate Majority Leader")
/// and the name ("Mitch McConnell"): the office ends with a role or title noun, capitalised as
/// news writes it before a name, and a name of at least two words follows.
fn office_before_name(phrase: &str) -> Option<(&str, &str)> {
    let words = words_at(phrase);
    // "Arkansas Gov. Sarah Huckle": a title ends the office too.
    let last_office = words.iter().rposition(|(_, w)| {
        let lower = w.to_lowercase();
        is_role_noun(&lower)
            || TITLE_NOUNS.contains(&lower.as_str())
            || is_office_title(w)
            || lower == "member"
            || PARLIAMENT_MEMBERS.contains(&lower.as_str())
            || is_chief_officer(w)
    })?;
    let mut name_words = &words[last_office + 1..];
    // "Minister for Housing Darragh Kinsella", "Secretary of State Antony Blinken", "Senior
    // Minister of State for Transport Ng Chee Seng": the department after "for" or "of"
    // belongs to the office, and the name is its last two words, or three after a short
    // first word (a Chinese surname: "Ng", "Lee", "Tan"). Only after a capitalised office: "A
    // spokesperson for Emergency Management Victoria" is someone of the body named.
    if words[last_office].1.starts_with(char::is_uppercase)
        && let [(_, "for" | "of"), dept @ .., _, _] = name_words
        && dept
            .first()
            .is_some_and(|(_, w)| w.starts_with(char::is_uppercase))
        && dept
            .iter()
            .all(|(_, w)| w.starts_with(char::is_uppercase) || matches!(*w, "and" | "for" | "of"))
    {
        let surname_first = dept.len() >= 2
            && dept
                .last()
                .is_some_and(|(_, w)| w.chars().count() <= 3 && w.starts_with(char::is_uppercase));
        let keep = if surname_first { 3 } else { 2 };
        name_words = &name_words[name_words.len() - keep..];
    }
    // One office word alone is split off too ("Economist Shamubeel Eaqub"); the name after it
    // still needs two words, so "General Motors" stays whole.
    if name_words.len() < 2 {
        return None;
    }
    let (name_at, _) = name_words[0];
    let (office, name) = (phrase[..name_at].trim_end(), &phrase[name_at..]);
    // "Mr. Clarke and Mr. Van Voorhis": a courtesy title inside is a person's, no office's.
    if office.split_whitespace().any(is_courtesy_title) {
        return None;
    }
    (name_words
        .iter()
        .all(|(_, w)| w.starts_with(char::is_uppercase) || NAME_PARTICLES.contains(w))
        && looks_like_person(name))
    .then_some((office, name))
}

/// A chief officer's initials, "CTO", "CFO", "COO", "CIO": an office before a name ("CTO Mark
/// Feld"). Read here by shape rather than listed with the role nouns the patterns copy.
fn is_chief_officer(word: &str) -> bool {
    let b = word.as_bytes();
    b.len() == 3 && b[0] == b'C' && b[2] == b'O' && b[1].is_ascii_uppercase()
}

/// The conjunctions inside `sentence` after which a new clause, and so a new speaker, can start
/// ("..., but X said"): each word of [`CONJUNCTIONS`] after a space, a comma or a semicolon, with
/// its byte offset.
fn conjunctions(sentence: &str) -> impl Iterator<Item = (usize, &str)> {
    sentence.char_indices().filter_map(move |(i, c)| {
        let at = i + c.len_utf8();
        let word = sentence[at..].split(|c: char| !c.is_alphabetic()).next()?;
        (matches!(c, ' ' | ',' | ';') && CONJUNCTIONS.contains(&word)).then_some((at, word))
    })
}

/// Marks the sentences from `first` on that start before `end` as quoted: every sentence a quote
/// spans is the speaker's, not the writer's report.
fn mark_quoted(sentences: &[Range<usize>], quoted: &mut [bool], first: usize, end: usize) {
    for (ix, s) in sentences.iter().enumerate().skip(first) {
        if s.start >= end {
            break;
        }
        quoted[ix] = true;
    }
}

/// A line that attributes the block above it: "― Xi Jinping", "— congratulatory message to the
/// first World Internet Conference on November 19, 2014". Credit lines set
/// off the same way ("--additional reporting from ...", "— Reporting by ...") attribute
/// nothing.
fn is_dash_line(text: &str) -> bool {
    let Some(rest) = text
        .strip_prefix(['—', '–', '―'])
        .or_else(|| text.strip_prefix("--"))
    else {
        return false;
    };
    let rest = rest.trim_start_matches(['—', '–', '-', ' ']);
    let first = rest.split_whitespace().next().unwrap_or("");
    !CREDIT_WORDS.contains(&first.to_lowercase().as_str())
}

/// First words of the credit lines that close news articles after a dash.
const CREDIT_WORDS: &[&str] = &[
    "reporting",
    "additional",
    "editing",
    "writing",
    "contributing",
    "compiled",
    "with",
    "photo",
    "photos",
    "follow",
    "updated",
];

impl<'a> Walk<'a> {
    fn article(&self) -> &'a Article {
        self.article.expect("walk has an article")
    }

    /// Adds the words between `start` and `end` of `para` to quote `ix`: the same quote, going
    /// on after its attribution. The gap is shown as an ellipsis.
    fn extend_quote(&mut self, ix: usize, para: &Paragraph, start: usize, end: usize) {
        let (start, end) = trim_range(&para.text, start, end);
        let (_, original_end) = para.original_range(start, end);
        let more = tidy_quote_text(&para.text[start..end]);
        let q = &mut self.quotes[ix];
        q.text = format!("{} … {more}", q.text);
        q.span.end = original_end;
    }

    fn push(
        &mut self,
        para: &Paragraph,
        start: usize,
        end: usize,
        kind: QuoteKind,
        attr: Attribution,
    ) -> usize {
        let (mut start, end) = trim_range(&para.text, start, end);
        // A wire story's dateline ("WASHINGTON — ", "LONDON (Reuters) - ") is the writer's,
        // not part of the reported clause that opens the story.
        if matches!(kind, QuoteKind::Indirect | QuoteKind::Position)
            && let Some(m) = DATELINE.find(&para.text[start..end])
            && m.end() < end - start
        {
            start += m.end();
        }
        let (s, e) = para.original_range(start, end);
        let speaker = attr.speaker.clone();
        if let Some(sp) = &speaker
            && !is_group(&sp.name)
        {
            self.last_quote_speaker = Some(sp.clone());
        }
        self.quotes.push(Quote {
            id: String::new(),
            article: self.article().id.clone(),
            text: tidy_quote_text(&para.text[start..end]),
            speaker: speaker.as_ref().map(|s| s.name.clone()),
            speaker_title: speaker.and_then(|s| s.title),
            kind,
            cue: attr.cue,
            said_on: attr.said_on,
            occasion: attr.occasion,
            place: attr.place,
            span: Span { start: s, end: e },
        });
        self.quotes.len() - 1
    }

    fn heading(&mut self, para: &Paragraph) {
        self.running_quote = None;
        self.closing = None;
        // "Denis Depoux, managing director of Roland Berger China" heads the words of one
        // person. A headline never does, nor a line whose "role" is a clause ("Ruth Adebayo,
        // who mapped the ocean's currents, dies at 81").
        if !self.in_headline
            && let Some(c) = RULES.name_role_line.captures(&para.text)
            && looks_like_person(split_title(&c["name"]).1)
            && !starts_with_relative(&c["role"])
        {
            let speaker = self.person(&c["name"], Some(&c["role"]));
            self.statement_speaker = Some(speaker);
            return;
        }
        self.statement_speaker = None;
        self.heading_speaker = RULES
            .possessive_person
            .captures(&para.text)
            .map(|c| c["sp"].to_string())
            .filter(|sp| looks_like_person(split_title(sp).1))
            .map(|sp| self.person(&sp, None));
    }

    fn statement(&mut self, para: &Paragraph) {
        let attr = Attribution {
            speaker: self.statement_speaker.clone(),
            ..Attribution::default()
        };
        self.push(para, 0, para.text.len(), QuoteKind::Statement, attr);
    }

    /// The attribution of a paragraph whose last sentence only introduces the next paragraph:
    /// "The governor added:", "Limbaugh said on his radio show Monday:". A long lead-in or one
    /// that reports a clause ("X noted that Clinton has the following tasks:") introduces a
    /// list or the writer's own words, not a quotation.
    fn introduces_block(&mut self, para: &Paragraph) -> Option<Attribution> {
        let text = para.text.trim_end();
        let lead = text.strip_suffix(':')?;
        if lead.ends_with(['"', '”']) {
            return None;
        }
        let last = split_sentences(lead).last()?.clone();
        let sentence = format!("{} ", &lead[last]);
        let c = RULES.before_quote(&sentence)?;
        let gap = c.name("gap").map_or("", |g| g.as_str());
        let gap_words = gap.split_whitespace().count();
        let starts_sentence = c.get(0).is_some_and(|m| m.start() == 0);
        (starts_sentence
            && gap_words <= 10
            && !gap.contains(" that ")
            && !gap.contains("following"))
        .then(|| self.attribution_from(&c, &sentence))
        .filter(|a| a.speaker.is_some())
    }

    fn block_quote(&mut self, para: &Paragraph, dash: &Paragraph) {
        let text = &para.text;
        let start = text
            .find(|c: char| c.is_alphanumeric() || matches!(c, '"' | '“'))
            .unwrap_or(0);
        let occasion_line = dash.text.trim_start_matches(['—', '–', '-', ' ']);
        let dates = find_dates(occasion_line);
        let (occasion, said_on) = match dates.last() {
            Some(d) => {
                let before = occasion_line[..d.start].trim_end();
                let before = before
                    .strip_suffix(" on")
                    .or_else(|| before.strip_suffix(" in"))
                    .unwrap_or(before);
                (before.trim_end_matches(',').to_string(), Some(d.date))
            }
            None => (occasion_line.to_string(), None),
        };
        let attr = Attribution {
            speaker: self.heading_speaker.clone(),
            cue: None,
            occasion: Some(occasion),
            said_on,
            place: None,
        };
        self.push(para, start, text.len(), QuoteKind::Block, attr);
    }

    fn prose(&mut self, para: &Paragraph) {
        let text = para.text.as_str();
        self.note_mentions(text);
        self.note_ages(text);
        let quoted = find_quoted(text);
        let continues_quote = opens_with_mark(text) && self.running_quote.is_some();
        let running_from = self.running_quote.take();
        let mut colon_lead = self.colon_lead.take();
        let closing = match self.closing.take() {
            Some(Closing::Quote(speaker)) => Some(speaker),
            // No word of the paragraph stands outside its quotes.
            Some(Closing::Report(speaker))
                if quoted.first().is_some_and(|q| q.open == 0)
                    && quoted.iter().enumerate().all(|(n, q)| {
                        let gap_end = quoted.get(n + 1).map_or(text.len(), |next| next.open);
                        !text[q.after().min(gap_end)..gap_end].contains(char::is_alphabetic)
                    }) =>
            {
                Some(speaker)
            }
            _ => None,
        };
        let first_of_para = self.quotes.len();
        let sentences = split_sentences(text);
        let mut para_quotes: Vec<(usize, Option<Speaker>)> = Vec::new();
        // The person a sentence of this paragraph before each quote opened with ("Senator
        // Roe was blunt. “...”"), for quotes no attribution claims.
        let person_at_start = self.last_person.clone();
        let mut named_in_para: Option<Speaker> = None;
        // The person this paragraph's first sentence opens with ("Park spent the evening ..."),
        // whom a next paragraph of bare quotation goes on with.
        let mut opened_with: Option<Speaker> = None;
        let mut named_before: Vec<Option<Speaker>> = Vec::new();
        let mut quoted_sentences = vec![false; sentences.len()];
        // Where the paragraph's direct quotes stand, marks included: a sentence they fill little
        // of may still report someone's words around them.
        let mut direct_spans: Vec<Range<usize>> = Vec::new();
        // Partial quotes per sentence: a reported clause around them may replace them.
        let mut partials: Vec<Vec<(usize, Range<usize>)>> = vec![Vec::new(); sentences.len()];

        // Sentences are walked in order, each with the quotes that open in it, so a pronoun in a
        // quote's attribution can refer to a person named earlier in the same paragraph.
        let sentence_of = |q: &Quoted| {
            sentences
                .iter()
                .position(|s| s.start <= q.open && q.open < s.end)
                .unwrap_or(0)
        };
        let mut by_sentence: Vec<Vec<Quoted>> = vec![Vec::new(); sentences.len().max(1)];
        for q in &quoted {
            by_sentence[sentence_of(q)].push(*q);
        }
        // A direct quote whose attribution follows it, and where that attribution ends: a quote
        // opening right there goes on with the same words (“A,” she said. “B.”).
        let mut goes_on: Option<(usize, usize)> = None;
        // Reported words after a quote's attribution (", adding that ..."), pushed once the
        // quotes of the sentence are in, since partial quotes inside them give way.
        let mut tail: Option<(Range<usize>, Attribution)> = None;
        // The paragraph with the marks of quoted titles blanked, once there is one.
        // With a pronoun's contracted auxiliary written out ("He’s claiming" read as "He is
        // claiming"), so the patterns see the subject and its verb apart.
        let mut masked: Option<String> = expand_contractions(text);
        for (sentence_ix, in_sentence) in by_sentence.iter().enumerate() {
            for q in in_sentence {
                let sentence = sentences.get(sentence_ix).cloned().unwrap_or(0..text.len());
                let inner = &text[q.inner_start..q.inner_end];
                let words = inner.split_whitespace().count();
                // The sentence up to the quote, no more than `MAX_BEFORE_BYTES` of it: in a
                // run-on "sentence" of thousands of quotes each had read all of it again.
                let mut from = q.open.saturating_sub(MAX_BEFORE_BYTES).max(sentence.start);
                while !text.is_char_boundary(from) {
                    from += 1;
                }
                let before = &text[from..q.open];
                // The attribution follows the closing mark, in the sentence that mark ends.
                let after_end = sentences
                    .iter()
                    .find(|s| s.start <= q.close && q.close < s.end)
                    .map_or(text.len(), |s| s.end)
                    .max(q.after());
                let after = &text[q.after().min(after_end)..after_end];
                if is_naming(before, inner) {
                    // A title in quotation marks (on “Fox News Sunday,” Pence said ...) is part
                    // of the writer's sentence: the reported-speech patterns read it unmarked.
                    let unmarked = masked.get_or_insert_with(|| text.to_string());
                    let open_len = text[q.open..].chars().next().map_or(0, char::len_utf8);
                    for r in [q.open..q.open + open_len, q.close..q.after()] {
                        unmarked.replace_range(r.clone(), &" ".repeat(r.len()));
                    }
                    continue;
                }
                // "Sen. Claire McCaskill scolded him: “...,” she said.": the sentence's subject,
                // named before its first quote, is whom a pronoun after the quote means.
                // "Rep. Valerie Tate took to X after the vote: “...”": with nothing else to
                // attribute it, a quote the sentence's subject introduces with a colon is theirs.
                let mut colon_subject = None;
                if !before.contains(['“', '”', '"']) && before.split_whitespace().count() >= 3 {
                    let subject = self.note_subject(before);
                    if before.trim_end().ends_with(':') {
                        // "His wife was blunter:": a described subject introduces it too.
                        colon_subject = subject.or_else(|| {
                            let c = RULES.described_subject.captures(before)?;
                            self.resolve(&c["sp"], None)
                        });
                    }
                }
                let mut attribution_end = None;
                // Where an attribution standing as its own sentence ends ("“Why?” Trump asked.").
                let mut attribution_sentence_end = None;
                let after_attr = RULES
                    .has_cue_after_quote(after)
                    .then(|| RULES.after_quote.captures(after))
                    .flatten()
                    .map(|c| {
                        attribution_end = c.get(0).map(|m| q.after().min(after_end) + m.end());
                        self.attribution_after(&c, after)
                    })
                    .or_else(|| {
                        // "“...” — Nancy Pelosi": the dash line may follow in the paragraph,
                        // split off as a sentence of its own by the full stop inside the mark.
                        let (line, end) = if after.trim().is_empty() && !q.runs_on {
                            let next = sentences.iter().find(|s| s.start >= after_end)?;
                            (&text[next.clone()], Some(next.end))
                        } else {
                            (after, None)
                        };
                        let c = RULES.dash_after.captures(line)?;
                        attribution_sentence_end = end;
                        Some(self.attribution_from(&c, line))
                    })
                    .or_else(|| {
                        // “Why?” Trump asked.: the mark's full stop ended the sentence, so the
                        // attribution is the whole next one.
                        if !after.trim().is_empty() || q.runs_on {
                            return None;
                        }
                        let next = sentences.iter().find(|s| s.start >= after_end)?;
                        let line = &text[next.clone()];
                        let c = RULES
                            .has_cue(line)
                            .then(|| RULES.attribution_sentence.captures(line))
                            .flatten()?;
                        attribution_sentence_end = Some(next.end);
                        Some(self.attribution_after(&c, line))
                    });
                let before_attr = RULES
                    .before_quote(before)
                    .map(|c| {
                        let gap_words = c
                            .name("gap")
                            .map_or(0, |g| g.as_str().split_whitespace().count());
                        (self.attribution_from(&c, before), gap_words)
                    })
                    .or_else(|| {
                        let c = RULES.participle_before_quote.captures(before)?;
                        // "Small groups of protesters marched, chanting": a lone capitalised
                        // word the article never uses as a name is no speaker.
                        let sp = &c["sp"];
                        (!opens_without_subject(sp) && self.names_someone(sp))
                            .then(|| (self.attribution_from(&c, before), 0))
                    })
                    .or_else(|| {
                        let opens_para = text[..q.open].trim().is_empty();
                        opens_para
                            .then(|| colon_lead.take())
                            .flatten()
                            .map(|a| (a, 0))
                    })
                    .or_else(|| {
                        let speaker = colon_subject.take()?;
                        let attr = Attribution {
                            speaker: Some(speaker),
                            cue: Some(":".to_string()),
                            ..Attribution::default()
                        };
                        Some((attr, 0))
                    });
                let attributed =
                    after_attr.is_some() || before_attr.as_ref().is_some_and(|(_, g)| *g == 0);
                // Closing punctuation makes a sentence of a few words ("“Sit down,” he said."),
                // but one or two words unattributed are a title or a name with American
                // punctuation inside the marks ("the film “13th.”", "a chant of “Bobby!”").
                let is_sentence = words >= MIN_DIRECT_WORDS
                    || (inner.trim_end().ends_with(['.', '?', '!', ','])
                        && (words >= 3 || attributed))
                    || (words >= 3 && attributed);
                let fragment =
                    inner.trim_start().starts_with(char::is_lowercase) && !before.trim().is_empty();
                // The same quote going on after its attribution: “A,” she said, “b.” Words with
                // an attribution of their own (“C,” they added.) are a new quote.
                if after_attr.is_none()
                    && let Some((prev, from)) = goes_on
                    && from <= q.open
                    && only_attribution_between(&text[from..q.open])
                    && before_attr
                        .as_ref()
                        .and_then(|(a, _)| a.speaker.as_ref())
                        .is_none_or(|s| Some(&s.name) == self.quotes[prev].speaker.as_ref())
                {
                    goes_on = None;
                    self.extend_quote(prev, para, q.inner_start, q.inner_end);
                    mark_quoted(&sentences, &mut quoted_sentences, sentence_ix, q.inner_end);
                    // Its words are the speaker's, never a report of someone else's.
                    direct_spans.push(q.open..q.after());
                    if q.runs_on {
                        self.running_quote = Some(prev);
                    }
                    continue;
                }
                let mut inner_start = q.inner_start;
                let (kind, attr) = if is_sentence && !fragment {
                    let mut attr = after_attr
                        .or(before_attr.map(|(a, _)| a))
                        .unwrap_or_default();
                    // A transcript quoted whole: "“PENCE: Well, look, ...": the label speaks.
                    if attr.speaker.is_none()
                        && let Some(label) = RULES.transcript_label.captures(inner)
                        && !is_label(&label["name"])
                    {
                        attr.speaker = self.resolve(&title_case(&label["name"]), None);
                        attr.cue = Some(":".to_string());
                        inner_start += label.get(0).map_or(0, |m| m.end());
                    }
                    // A headline or transcript line: "Warren: ‘You should be investigated.’".
                    if attr.speaker.is_none()
                        && sentence.start == 0
                        && let Some(label) = RULES.colon_line.captures(&text[..q.inner_start])
                        && label.name("content").is_some_and(|c| c.start() == q.open)
                    {
                        attr.speaker = self.label_speaker(&label["sp"]);
                        attr.cue = attr.speaker.as_ref().map(|_| ":".to_string());
                    }
                    (QuoteKind::Direct, attr)
                } else if words >= 2
                    && let Some((attr, gap)) = before_attr.or(after_attr.map(|a| (a, 0)))
                    && gap <= 12
                {
                    (QuoteKind::Partial, attr)
                } else {
                    continue; // a scare quote or a name
                };
                // “...,” the mayor said, adding that CLAUSE: the clause is the same speaker's.
                if kind == QuoteKind::Direct
                    && let Some(end) = attribution_end
                    && let Some(c) = RULES.participle_tail.captures(&text[end..after_end])
                    && is_clause_start(&c, &text[end..after_end])
                {
                    let mut tail_attr = attr.clone();
                    tail_attr.cue = Some(c["cue"].to_string());
                    tail = Some((
                        end + c.name("content").unwrap().start()..after_end,
                        tail_attr,
                    ));
                }
                let ix = self.push(para, inner_start, q.inner_end, kind, attr);
                goes_on = (kind == QuoteKind::Direct && !q.runs_on)
                    .then_some(attribution_end.or(attribution_sentence_end))
                    .flatten()
                    .map(|end| (ix, end));
                if kind == QuoteKind::Partial && !q.runs_on {
                    partials[sentence_ix].push((ix, q.inner_start..q.inner_end));
                } else {
                    mark_quoted(&sentences, &mut quoted_sentences, sentence_ix, q.inner_end);
                    direct_spans.push(q.open..q.after());
                }
                if q.runs_on {
                    self.running_quote = Some(ix);
                }
                para_quotes.push((
                    ix,
                    self.quotes[ix]
                        .speaker
                        .as_ref()
                        .map(|_| self.speaker_of(ix)),
                ));
                named_before.push(named_in_para.clone());
            }
            if let Some((range, attr)) = tail.take() {
                self.participle_tail(para, &quoted, range, attr, &partials[sentence_ix]);
            }
            let unmarked = masked.as_deref().unwrap_or(text);
            if let Some(range) = sentences.get(sentence_ix)
                && !quoted_sentences[sentence_ix]
            {
                self.reported_speech(para, unmarked, range.clone(), &partials[sentence_ix]);
                if partials[sentence_ix].is_empty() {
                    let sentence = &text[range.clone()];
                    let noted = self.note_subject(sentence);
                    if sentence_ix == 0 {
                        // "She is not convinced either. “We heard the same promises ...”": a
                        // paragraph opening with "he" or "she" is about the person it means.
                        let meant = sentence
                            .split_whitespace()
                            .next()
                            .filter(|w| noted.is_none() && matches!(*w, "He" | "She"))
                            .and_then(|w| self.resolve(w, None));
                        if meant.is_some() {
                            named_in_para.clone_from(&meant);
                        }
                        opened_with = noted.or(meant);
                    }
                    if self.last_person != person_at_start {
                        named_in_para.clone_from(&self.last_person);
                    }
                }
            } else if let Some(range) = sentences.get(sentence_ix) {
                self.reported_around_quotes(para, unmarked, range.clone(), &direct_spans);
            }
        }
        let closing = closing.filter(|_| opens_with_mark(text) && !continues_quote);
        self.fill_unattributed(&para_quotes, continues_quote, running_from, closing);
        // Only a quote with at most its attribution after it closes the paragraph: one
        // sentence, however long its speaker's role ("said Dr. Helena Marquardt, a
        // nephrologist at ... and the lead author of the study").
        self.closing = quoted
            .last()
            .filter(|q| {
                let rest = &text[q.after()..];
                rest.len() <= 100 || (rest.len() <= 300 && split_sentences(rest).len() <= 1)
            })
            .and(para_quotes.last())
            .filter(|(ix, _)| self.quotes[*ix].kind == QuoteKind::Direct)
            .and_then(|(ix, _)| {
                self.quotes[*ix]
                    .speaker
                    .as_ref()
                    .map(|_| Closing::Quote(self.speaker_of(*ix)))
            });
        // "Dr. Okonkwo-Reyes ... noted that eGFR can fluctuate." and then a paragraph of
        // quotation with no attribution: a paragraph of prose that ends reporting someone's
        // words hands them the next paragraph, when that is all quotation (one with words of
        // its own around the quote has an attribution, read or not). No quote ended this
        // paragraph, so nothing else closes it.
        if quoted.is_empty()
            && let Some(last) = self.quotes[first_of_para..].last()
            && last.kind == QuoteKind::Indirect
            && last.speaker.is_some()
            && last.span.end + 2 >= para.original_range(0, text.len()).1
        {
            self.closing = Some(Closing::Report(self.speaker_of(self.quotes.len() - 1)));
        }
        // "Park spent the evening at an evacuation center." and then a paragraph of quotation
        // with no attribution: a paragraph of prose about someone the article has quoted hands
        // them that paragraph, as a paragraph of their reported words does. Only a prose
        // paragraph that reports no one's words: a stance of theirs ("Moreland has backed the
        // framework") is about them too.
        if quoted.is_empty()
            && self.closing.is_none()
            && self.quotes[first_of_para..]
                .iter()
                .all(|q| q.kind == QuoteKind::Position)
            && let Some(person) = opened_with
            && self.has_quoted(&person.name)
        {
            self.closing = Some(Closing::Report(person));
        }
        for ((ix, _), named) in para_quotes.iter().zip(&named_before) {
            if let Some(sp) = named
                && self.quotes[*ix].speaker.is_none()
                && self.quotes[*ix].kind == QuoteKind::Direct
            {
                self.set_speaker(*ix, sp);
            }
        }
    }

    /// Quotes in a paragraph without their own attribution take the paragraph's speaker, or
    /// continue the speaker of a quote that ran on from the paragraph before.
    fn fill_unattributed(
        &mut self,
        para_quotes: &[(usize, Option<Speaker>)],
        continues: bool,
        running_from: Option<usize>,
        closing: Option<Speaker>,
    ) {
        let known: Vec<&Speaker> = para_quotes.iter().filter_map(|(_, s)| s.as_ref()).collect();
        for (n, (ix, speaker)) in para_quotes.iter().enumerate() {
            if speaker.is_some() || self.quotes[*ix].kind != QuoteKind::Direct {
                continue;
            }
            let from_para = para_quotes[..n]
                .iter()
                .rev()
                .chain(para_quotes[n + 1..].iter())
                .find_map(|(_, s)| s.clone());
            let inherited = from_para.or_else(|| {
                (n == 0 && continues)
                    .then(|| {
                        running_from.and_then(|r| {
                            self.quotes[r].speaker.as_ref().map(|_| self.speaker_of(r))
                        })
                    })
                    .flatten()
            });
            // "“...,” he said." closed the paragraph before; this one opens with more.
            let inherited = inherited.or_else(|| (n == 0).then(|| closing.clone()).flatten());
            if let Some(sp) = inherited {
                self.set_speaker(*ix, &sp);
            }
        }
        // A quote that ran on without a speaker takes the one its continuation names.
        if continues
            && let Some(r) = running_from
            && self.quotes[r].speaker.is_none()
            && let Some(sp) = known.first()
        {
            let sp = (*sp).clone();
            self.set_speaker(r, &sp);
        }
    }

    fn speaker_of(&self, ix: usize) -> Speaker {
        Speaker {
            name: self.quotes[ix].speaker.clone().unwrap_or_default(),
            title: self.quotes[ix].speaker_title.clone(),
        }
    }

    fn set_speaker(&mut self, ix: usize, sp: &Speaker) {
        let q = &mut self.quotes[ix];
        q.speaker = Some(sp.name.clone());
        q.speaker_title = sp.title.clone();
    }

    /// Whether a direct quote of the article so far is `name`'s.
    fn has_quoted(&self, name: &str) -> bool {
        self.quotes
            .iter()
            .any(|q| q.kind == QuoteKind::Direct && q.speaker.as_deref() == Some(name))
    }

    fn is_known_person(&self, name: &str) -> bool {
        self.quotes
            .iter()
            .filter_map(|q| q.speaker.as_deref())
            .any(|s| s == name || s.split_whitespace().any(|w| w == name))
    }
}

/// Words a reported clause cannot open with: after them the cue was inside a relative clause
/// ("Everything Trump says is a lie", "what voters want was clear").
const NOT_CONTENT_STARTS: &[&str] = &[
    "is", "was", "are", "were", "has", "have", "had", "will", "would", "can", "could", "should",
    "may", "might", "must", "does", "did", "do",
    // A particle after the cue makes it a phrasal verb ("showed up", "found out").
    "up", "down", "off", "out",
    // A place after the cue: "reported from Midway Atoll", "called into a radio show".
    "from", "into", "onto",
];

/// Words that open a clause before its speaker and are not part of the name ("But Flynn").
const CONNECTIVES: &[&str] = &[
    "But",
    "And",
    "Yet",
    "So",
    "Now",
    "Still",
    "Although",
    "Though",
    "While",
    "When",
    "Because",
    "Since",
    "If",
    "As",
    "After",
    "Before",
    "Also",
    "Then",
    "Meanwhile",
    "Instead",
    "Indeed",
    // Inside a sentence: "..., but a source close to him said".
    "but",
    "and",
    "yet",
    "while",
    "though",
    "although",
    // A relative adverb after a place: "the warehouse, where investigators found ...".
    "where",
    "when",
];

/// Splits up to two lower-case words of a person's own role off the name after them:
/// "retiree Gérard Moulinier" -> ("retiree", "Gérard Moulinier"), "economist Dr Niamh Corcoran"
/// -> ("economist", "Dr Niamh Corcoran"). `None` when no capitalised word follows such words.
fn own_role_before_name(phrase: &str) -> Option<(&str, &str)> {
    phrase
        .match_indices(' ')
        .take(2)
        .map(|(at, _)| (&phrase[..at], &phrase[at + 1..]))
        .find(|(own_role, after)| {
            own_role.starts_with(char::is_lowercase)
                && !own_role.contains(char::is_uppercase)
                && after.starts_with(char::is_uppercase)
        })
}

/// Whether a phrase opens with a determiner ("an architect", "the senators").
fn starts_with_determiner(phrase: &str) -> bool {
    let first = phrase.split_whitespace().next().unwrap_or("");
    matches!(
        first.to_lowercase().as_str(),
        "a" | "an" | "the" | "his" | "her" | "their" | "its" | "some" | "many" | "several"
    )
}

/// A speaker phrase without an opening connective: "But Flynn" -> "Flynn".
fn strip_connective(phrase: &str) -> &str {
    match phrase.split_once(' ') {
        Some((first, rest)) if CONNECTIVES.contains(&first) => rest.trim_start(),
        _ => phrase,
    }
}

/// The role noun of a definite description that stands for a person named before: "the
/// senator", "The Indiana governor", "the Republican nominee" (one or two words before it).
fn definite_role(phrase: &str) -> Option<&'static str> {
    let rest = after_the(phrase)?;
    let words: Vec<&str> = rest.split_whitespace().collect();
    let last = words.last()?;
    if words.len() > 3 {
        return None;
    }
    ROLE_NOUNS
        .iter()
        .chain(EVERYDAY_ROLE_NOUNS)
        .chain(TITLE_NOUNS)
        .find(|n| !n.contains(' ') && n.eq_ignore_ascii_case(last))
        .copied()
}

/// Words that continue the sentence after a speaker rather than give their role.
const NOT_ROLE_STARTS: &[&str] = &[
    "and",
    "but",
    "or",
    "which",
    "while",
    "as",
    "who",
    "when",
    "where",
    "adding",
    "saying",
    "according",
    // "the study says, though pesticides also play a part": a concession goes on the sentence.
    "though",
    "although",
    "yet",
    "so",
    "since",
];

/// Words that open a clause, not a role: "The museum, Mr. Obama said, would make ...". The
/// first sixteen are finite verbs.
const CLAUSE_STARTS: &[&str] = &[
    "would", "will", "can", "could", "should", "may", "might", "must", "is", "are", "was", "were",
    "has", "have", "had", "do", "does", "did", "not", "he", "she", "it", "they", "we", "i", "you",
    "there", "this", "that", "his", "her", "their", "its", "for", "because", "if", "to", "with",
    "without", "unless",
];

/// Whether text after "said X," is X's role ("deputy director of ...") rather than the sentence
/// going on ("stressing ...", "noting that ...", "and called for ...").
fn is_role(text: &str) -> bool {
    let first = text.split_whitespace().next().unwrap_or("");
    let lower = first.to_lowercase();
    let conjunction = (NOT_ROLE_STARTS.contains(&lower.as_str())
        || CLAUSE_STARTS.contains(&lower.as_str()))
        && !text.starts_with("who is");
    let verb_form = (lower.ends_with("ing") && lower != "king") || lower.ends_with("ed");
    // "one should visit this museum", "the lines were long": a subject and its verb.
    let finite_soon = text
        .split_whitespace()
        .skip(1)
        .take(2)
        .any(|w| CLAUSE_STARTS[..16].contains(&w));
    !conjunction && !verb_form && !finite_soon
}

/// Whether quoted words are a name or title ("a white paper titled “...”", Title Case phrases).
fn is_naming(before: &str, inner: &str) -> bool {
    let before = before.trim_end().to_lowercase();
    if NAMING_WORDS.iter().any(|w| before.ends_with(w)) {
        return true;
    }
    let words: Vec<&str> = inner.split_whitespace().collect();
    let significant: Vec<&&str> = words.iter().filter(|w| w.chars().count() > 3).collect();
    // "Clean the Internet Campaign", "Jointly Building a Community with a Shared Future".
    words.len() >= 2
        && !significant.is_empty()
        && significant
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
        && !inner.trim_end().ends_with(['.', '?', '!'])
}

/// Contractions of a pronoun and its auxiliary, and what they stand for, of the same length in
/// bytes (the curly apostrophe is three): offsets into the copy stay those of the paragraph.
/// "’s" is "is" before a word in "-ing" and "has" before a participle in "-ed"; otherwise it is
/// left alone ("it’s clear" is no act of anyone's).
const CONTRACTIONS: &[(&str, &str)] = &[("’ll", " will"), ("’re", " are "), ("’ve", " have")];

/// Pronouns whose contracted auxiliary is written out.
const CONTRACTED_PRONOUNS: &[&str] = &["he", "she", "it", "they", "we"];

/// The paragraph with each pronoun's curly contraction written out, when it has one.
fn expand_contractions(text: &str) -> Option<String> {
    if !text.contains('’') {
        return None;
    }
    let mut out: Option<String> = None;
    for (at, _) in text.match_indices('’') {
        let word_start = text[..at]
            .rfind(|c: char| !c.is_alphabetic())
            .map_or(0, |i| {
                i + text[i..].chars().next().map_or(1, char::len_utf8)
            });
        let pronoun = text[word_start..at].to_lowercase();
        if !CONTRACTED_PRONOUNS.contains(&pronoun.as_str()) {
            continue;
        }
        let rest = &text[at..];
        let next_word = rest
            .split_whitespace()
            .nth(1)
            .unwrap_or("")
            .trim_end_matches(|c: char| !c.is_alphabetic());
        let replacement = if rest.starts_with("’s ") {
            if next_word.ends_with("ing") {
                Some(("’s", " is "))
            } else if next_word.ends_with("ed") {
                Some(("’s", " has"))
            } else {
                None
            }
        } else {
            CONTRACTIONS
                .iter()
                .find(|(c, _)| rest.starts_with(c) && rest[c.len()..].starts_with(' '))
                .copied()
        };
        if let Some((from, to)) = replacement {
            debug_assert_eq!(from.len(), to.len());
            out.get_or_insert_with(|| text.to_string())
                .replace_range(at..at + from.len(), to);
        }
    }
    out
}

/// A section heading written in quotation marks ("'All Bets Are Off.'"): one quote filling the
/// line, its words in Title Case, with no one to say it.
fn is_quoted_heading(line: &str) -> bool {
    let line = line.trim();
    // Asked of every paragraph: most open with no mark, and need no search for quotes.
    if !opens_with_mark(line) && !line.starts_with('«') {
        return false;
    }
    let quoted = find_quoted(line);
    let [q] = quoted.as_slice() else {
        return false;
    };
    let inner = line[q.inner_start..q.inner_end].trim_end_matches(['.', '?', '!', ',']);
    q.open == 0 && q.after() == line.len() && is_naming("", inner)
}

/// Whether the words after ", adding" are a clause: "that ..." or a pronoun subject ("adding he
/// would never vote"), not a topic ("stressing China's standing").
fn is_clause_start(c: &Captures<'_>, haystack: &str) -> bool {
    let first = haystack[c.name("content").unwrap().start()..]
        .split(|ch: char| !ch.is_alphabetic())
        .next()
        .unwrap_or("");
    c.name("that").is_some()
        || matches!(
            first,
            "he" | "she" | "they" | "it" | "we" | "I" | "there" | "you"
        )
}

/// Trims spaces and the trailing comma a quote carries before its closing mark. Ranges found
/// on a copy with contractions written out may fall inside one: they are moved to the word after
/// it ("He’s claiming", read as "He is claiming", keeps "claiming") and to a character boundary.
fn trim_range(text: &str, mut start: usize, mut end: usize) -> (usize, usize) {
    end = end.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    start = start.min(end);
    let inside_contraction = !text.is_char_boundary(start);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    if inside_contraction && text[start..].starts_with(char::is_alphabetic) {
        start = text[start..]
            .find(char::is_whitespace)
            .map_or(end, |i| start + i)
            .min(end);
    }
    let slice = &text[start..end];
    start += slice.len() - slice.trim_start().len();
    let slice = &text[start..end];
    end -= slice.len()
        - slice
            .trim_end_matches(|c: char| c.is_whitespace() || c == ',')
            .len();
    (start, end.max(start))
}

fn tidy_quote_text(text: &str) -> String {
    text.trim_start_matches(['•', '*', ' '])
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// "MIKE PENCE" -> "Mike Pence".
fn title_case(text: &str) -> String {
    text.split(' ')
        .map(|w| {
            let mut chars = w.chars();
            chars.next().map_or(String::new(), |first| {
                first
                    .to_uppercase()
                    .chain(chars.flat_map(char::to_lowercase))
                    .collect()
            })
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether the words between a quote's attribution and the next quote only go on describing
/// the speaker or the moment (“A,” she said, clapping. “B.”; “A,” he said to the TV. “B.”), so
/// the next quote continues the same words. Another verb of saying there ("..., adding that
/// ...") starts words of their own.
fn only_attribution_between(gap: &str) -> bool {
    let punctuation_only = gap
        .chars()
        .all(|c| c.is_whitespace() || matches!(c, ',' | '.' | ':' | ';'));
    punctuation_only
        || (gap.len() <= 200 && !RULES.has_cue(gap) && !RULES.any_participle.is_match(gap))
}

/// An id that survives rule changes and edits elsewhere in the article: it hashes the quote's
/// words, not its position, so the daily-post history keeps pointing at the same quote after an
/// upgrade. A repeated text in one article gets a suffix.
fn stable_id(
    article: &str,
    text: &str,
    seen: &mut std::collections::HashMap<String, usize>,
) -> String {
    // FNV-1a over the words: stable across runs, platforms and whitespace changes.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text
        .split_whitespace()
        .flat_map(|w| w.bytes().chain([b' ']))
    {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    let base = format!("{article}#q{:08x}", h >> 32);
    // A count per base, not a probe of `-2`, `-3`, ... until one is free: that probe made an
    // article repeating one quote thousands of times quadratic. Bases end in hex digits, so no
    // suffixed id can equal another quote's base.
    let n = seen.entry(base.clone()).or_insert(0);
    *n += 1;
    if *n == 1 { base } else { format!("{base}-{n}") }
}

#[cfg(test)]
mod tests {
    use super::{expand_contractions, stable_id};
    use std::collections::HashMap;

    #[test]
    fn ids_follow_the_words_not_the_position() {
        let mut seen = HashMap::new();
        let a = stable_id("art", "We will open wider.", &mut seen);
        let again = stable_id("art", "We  will open\nwider.", &mut HashMap::new());
        assert_eq!(a, again, "whitespace does not matter");
        assert_ne!(a, stable_id("art", "We will open wide.", &mut seen));
        assert_eq!(
            stable_id("art", "We will open wider.", &mut seen),
            format!("{a}-2"),
            "a repeat gets a suffix"
        );
    }

    #[test]
    fn contractions_of_pronouns_are_written_out_in_place() {
        let text = "He’s claiming that fraud is rife. She’ll present it. It’s clear. Trump’s plan.";
        let out = expand_contractions(text).unwrap();
        assert_eq!(out.len(), text.len());
        assert!(out.starts_with("He is  claiming that"));
        assert!(out.contains("She will present it."));
        assert!(out.contains("It’s clear."));
        assert!(out.contains("Trump’s plan."));
        assert!(expand_contractions("No apostrophes here.").is_none());
    }
}
