//! Who can speak: people's names with their titles, pronouns, groups ("experts", "a source") and
//! organisations, as regex fragments and tables, plus the canonical-name registry that makes
//! "President Xi", "Xi" and "Xi Jinping" one speaker. Knows nothing of quotation marks.

use std::collections::HashMap;

/// Titles written before a name; split off it and kept as the speaker's role when no other
/// role is given. Longest first so that "Vice President" wins over "President". Not part of
/// the patterns: written in capitals, they read as words of the name there, and each title in
/// them was copied into every place a name can stand, which made extraction slower.
pub const TITLES: &[&str] = &[
    "Secretary of State",
    "Attorney General",
    "Vice President",
    "Prime Minister",
    "Foreign Minister",
    "Vice Premier",
    "Vice-President",
    "President",
    "Premier",
    "Chancellor",
    "Minister",
    "Secretary",
    "Senator",
    "Sen.",
    "Representative",
    "Rep.",
    "Governor",
    "Gov.",
    "Mayor",
    "Judge",
    "Justice",
    "Chairman",
    "Chairwoman",
    "Ambassador",
    "General",
    "Gen.",
    "Commissioner",
    "Director",
    "Professor",
    "Prof.",
    "Dr.",
    "Mr.",
    "Mrs.",
    "Ms.",
    "Pope",
    "King",
    "Queen",
    "Prince",
    "Speaker",
    "Rev.",
    "Gov",
    // British and Commonwealth papers write courtesy titles without a full stop.
    "Dr",
    "Mr",
    "Mrs",
    "Ms",
    "Prof",
    "Sir",
    "Dame",
    "Lord",
    "Baroness",
    "Cllr",
    // State legislators, as American papers write them: "State Sen. Marcus Webb".
    "State Senator",
    "State Sen.",
    "State Representative",
    "State Rep.",
    "Councilwoman",
    "Councilman",
    "Councilmember",
    "Alderman",
    "Alderwoman",
    "Ald.",
    // Indian honorifics: "Shri Rajesh Patil", "Smt. Nirmala Sitharaman".
    "Shri",
    "Smt.",
    // Police ranks, alone or after "Det." for a detective: "Det. Sgt. Karen Blythe".
    "Det. Sgt.",
    "Det. Insp.",
    "Det. Supt.",
    "Det. Con.",
    "Det.",
    "Sgt.",
    "Insp.",
    "Supt.",
    // Prosecutors as American papers abbreviate them: "Deputy Dist. Atty. Lauren Kessler".
    "Deputy Dist. Atty.",
    "Dist. Atty.",
    "Atty. Gen.",
    // Military and fire ranks: "Capt. Daniel Ruiz", "Lt. Col. Ann Roe".
    "Capt.",
    "Lt.",
    "Col.",
    "Maj.",
    "Adm.",
    "Cmdr.",
];

/// Whether a word or phrase is one of [`TITLES`]: "Sen.", "Det.".
pub fn is_title(word: &str) -> bool {
    TITLES.contains(&word)
}

/// Whether `word` is a title that says nothing of a role ("Mr.", "Dr.", "Dame").
pub fn is_courtesy_title(word: &str) -> bool {
    COURTESY_TITLES.contains(&word)
}

/// Whether `word` is a title that says what someone does ("Gov.", "Sen."), not a courtesy.
pub fn is_office_title(word: &str) -> bool {
    is_title(word) && !is_courtesy_title(word)
}

/// Titles that say nothing about a role: dropped rather than kept as `speaker_title`.
const COURTESY_TITLES: &[&str] = &[
    "Mr.", "Mrs.", "Ms.", "Dr.", "Mr", "Mrs", "Ms", "Dr", "Sir", "Dame",
];

/// Nouns for unnamed speakers: kept as groups, never merged with people.
pub const GROUP_NOUNS: &[&str] = &[
    "experts",
    "expert",
    "officials",
    "official",
    "analysts",
    "analyst",
    "sources",
    "source",
    "critics",
    "observers",
    "researchers",
    "researcher",
    "scholars",
    "economists",
    "residents",
    "witnesses",
    "lawmakers",
    "legislators",
    "aides",
    "aide",
    "advisers",
    "adviser",
    "insiders",
    "diplomats",
    "diplomat",
    "people",
    "supporters",
    "opponents",
    "voters",
    "police",
    "authorities",
    "investigators",
    "prosecutors",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "statement",
    "report",
    "survey",
    "poll",
    "study",
    "campaign",
    "paper",
    "document",
    "organizers",
    "leaders",
    "members",
    "executives",
    "executive",
    "employees",
    "students",
    "parents",
    "teachers",
    "doctors",
    "scientists",
    "activists",
    "protesters",
    "democrats",
    "republicans",
    "officers",
    "group",
    "committee",
    "agency",
    "ministry",
    "department",
    "government",
    "administration",
    "court",
    "website",
    "newspaper",
    "politicians",
    "politician",
    "commentators",
    "campaigners",
    "poll",
    "data",
    "filing",
    "memo",
    "letter",
    "complaint",
    "lawsuit",
    // Evidence and collective sources: "polls show", "a study found", "the event organizer".
    "polls",
    "surveys",
    "studies",
    "reports",
    "records",
    "documents",
    "figures",
    "statistics",
    "estimates",
    "projections",
    "organizer",
    "allies",
    "backers",
    "advocates",
    "delegates",
    "strategists",
    "pollsters",
    "historians",
    "conservatives",
    "liberals",
    "progressives",
    "candidates",
    "nominee",
    "spokespeople",
    // Unnamed people and records of news writing at large.
    "attorneys",
    "lawyers",
    "relatives",
    "neighbors",
    "neighbours",
    "friends",
    "family",
    "respondents",
    "database",
    "analysis",
    "review",
    "investigation",
    "audit",
    "census",
    "tally",
    "forecast",
    "transcript",
    "brief",
    "filings",
    "emails",
    "ruling",
    // Organisations that take positions: "the union endorsed", "the party opposes".
    "union",
    "unions",
    "party",
    "company",
    "companies",
    "commission",
    "council",
    "board",
    "coalition",
    "alliance",
    "association",
    "foundation",
    "institute",
    "firm",
    "fund",
    "regulators",
    "judges",
    "judge",
    // More bodies and records news quotes as speakers: "the bank said", "the network said",
    // "the Trump team has said", "one slide says", "the ad claims".
    "bank",
    "banks",
    "network",
    "networks",
    "team",
    "office",
    "bureau",
    "caucus",
    "movement",
    "organization",
    "organisation",
    "organizations",
    "corporation",
    "businesses",
    "retailer",
    "airline",
    "automaker",
    "manufacturer",
    "lender",
    "insurer",
    "university",
    "hospital",
    "embassy",
    "military",
    "regime",
    "cabinet",
    "parliament",
    "legislature",
    "magazine",
    "outlet",
    "station",
    "broadcaster",
    "publisher",
    "nonprofit",
    "charity",
    // People named by what they do or are, as news reports them: "callers who said ...".
    "listeners",
    "viewers",
    "callers",
    "readers",
    "fans",
    "customers",
    "workers",
    "veterans",
    "families",
    "citizens",
    "immigrants",
    "farmers",
    "architect",
    "contractor",
    "contractors",
    "owners",
    "users",
    // Sources of business, health and conflict reporting, and one of a group: "traders said",
    // "said one resident". Every noun here widens the speaker pattern of every rule (a
    // hundred more cost quotes 40% of their speed), so only the frequent ones.
    "traders",
    "investors",
    "ministers",
    "patients",
    "troops",
    "victims",
    "environmentalists",
    "person",
    "resident",
    "witness",
    "voter",
    "worker",
    "utility",
    "panel",
    "groups",
    "agencies",
];

/// Records that say things without holding a position of their own: "the ad says ..." is a
/// source, "the ad features images" is not someone's stance.
pub const RECORD_NOUNS: &[&str] = &[
    "ad",
    "ads",
    "video",
    "clip",
    "slide",
    "tweet",
    "email",
    "release",
    "editorial",
    "article",
    "book",
    "bill",
    "measure",
    "proposal",
    "order",
    "documents",
    "records",
    "figures",
    "data",
];

/// Role nouns that end a descriptor written before a name, lower case as news writes them:
/// "Clinton spokesman Nick Merrill", "retired Air Force general Lloyd Newton".
pub const ROLE_NOUNS: &[&str] = &[
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "press secretary",
    "secretary",
    "director",
    "chairman",
    "chairwoman",
    "chair",
    "adviser",
    "advisor",
    "aide",
    "manager",
    "strategist",
    "pollster",
    "nominee",
    "candidate",
    "senator",
    "governor",
    "general",
    "leader",
    "lawyer",
    "attorney",
    "economist",
    "analyst",
    "professor",
    "official",
    "executive",
    "founder",
    "president",
    "chief",
    "deputy",
    "ambassador",
    "minister",
    "mayor",
    "host",
    "anchor",
    "moderator",
    "editor",
    "reporter",
    "columnist",
    "author",
    "researcher",
    "activist",
    "organizer",
    "surrogate",
    "commissioner",
    "congressman",
    "congresswoman",
    "lawmaker",
    "judge",
    "officer",
    "owner",
    "fellow",
    "historian",
    "running mate",
    "first lady",
    "businessman",
    "businesswoman",
    "billionaire",
    "announcer",
    "narrator",
    "widow",
    "justice",
    "administrator",
    "ceo",
    // British, Irish and Commonwealth members of a parliament: "Greens MP Amy MacMahon".
    "MP",
];

/// Other members of a parliament or an assembly, in lower case ("Labour TD Orla Geraghty", "SNP
/// MSP Kate Forbes", "Soita Ward MCA Daniel Wekesa"): read only where an office is split off a
/// name, not in the patterns, where each role noun more made the capture pass several times
/// slower.
pub const PARLIAMENT_MEMBERS: &[&str] = &["td", "mep", "msp", "mla", "mpp", "mca"];

/// Role nouns of everyday news, people quoted for their trade or their tie to the story ("Her
/// neighbour Tom Baker", "one farmer said"). Apart from [`ROLE_NOUNS`] to keep them out of the
/// pattern that reads a capitalised office right after a quote in any case ("Tulsa police Chief
/// Chuck Jordan"), the costliest place to list a word. A few are such offices too ("Detective
/// Jane Roe"): `office_before_name` still splits those off, as it reads both tables; only a
/// lower-case prefix before them ("city police Detective Jane Roe") is missed.
pub const EVERYDAY_ROLE_NOUNS: &[&str] = &[
    "critic",
    "teacher",
    "nurse",
    "doctor",
    "physician",
    "surgeon",
    "farmer",
    "resident",
    "neighbour",
    "neighbor",
    "scientist",
    "meteorologist",
    "forecaster",
    "engineer",
    "worker",
    "student",
    "coach",
    "captain",
    "investor",
    "councillor",
    "councilor",
    "prosecutor",
    "detective",
    "inspector",
    "superintendent",
    "epidemiologist",
    "consultant",
    "colleague",
    "husband",
    "wife",
    "mother",
    "father",
    "daughter",
    "brother",
    "sister",
    "survivor",
    "witness",
    "volunteer",
    "campaigner",
    "friend",
    "son",
    "partner",
    "grandmother",
    "grandfather",
    "aunt",
    "uncle",
    "cousin",
    "barrister",
    "solicitor",
    "coroner",
    "paramedic",
    "pilot",
    "driver",
    "pastor",
    "priest",
    "principal",
    "headteacher",
    // Sport: "the striker added", "Harlow boss Steve Ridley".
    "striker",
    "midfielder",
    "defender",
    "goalkeeper",
    "winger",
    "guard",
    "forward",
    "boss",
    "envoy",
    "czar",
    "tsar",
    "negotiator",
    "lecturer",
    "registrar",
    // Arts and entertainment: "the actress Dame Judi Dench said", "the singer told Vogue".
    "actor",
    "actress",
    "singer",
    "musician",
    "comedian",
    "novelist",
    "producer",
];

/// Whether a lower-case word is a role noun of either table.
pub fn is_role_noun(word: &str) -> bool {
    ROLE_NOUNS.contains(&word) || EVERYDAY_ROLE_NOUNS.contains(&word)
}

/// Titles written in lower case after "the" for a person named before: "the president said".
pub const TITLE_NOUNS: &[&str] = &[
    "president",
    "minister",
    "taoiseach",
    "premier",
    "chancellor",
    "senator",
    "governor",
    "mayor",
    "congressman",
    "congresswoman",
    "candidate",
    "nominee",
    "secretary",
    "speaker",
];

/// Third-person pronouns that refer back to a speaker.
pub const PRONOUNS: &[&str] = &["he", "she", "they", "it"];

/// Words that make a capitalised phrase an organisation, place or thing rather than a person.
const NOT_PERSON_WORDS: &[&str] = &[
    // Quantifiers count people, never name one: "Several of his neighbors have said".
    "several",
    "many",
    "some",
    "most",
    "few",
    "both",
    "all",
    "each",
    "others",
    "administration",
    "conference",
    "ministry",
    "department",
    "office",
    "bureau",
    "center",
    "centre",
    "commission",
    "council",
    "committee",
    "agency",
    "university",
    "institute",
    "party",
    "law",
    "act",
    "day",
    "week",
    "internet",
    "china",
    "chinese",
    "united",
    "states",
    "house",
    "senate",
    "congress",
    "court",
    "times",
    "post",
    "daily",
    "news",
    "journal",
    "group",
    "company",
    "bank",
    "fund",
    "association",
    "organization",
    "organisation",
    "union",
    "forum",
    "campaign",
    "strategy",
    "plan",
    "program",
    "programme",
    "service",
    "services",
    "inc",
    "corp",
    "the",
    // Possessives and pronouns that open a sentence capitalised: "Her daughter said".
    "her",
    "his",
    "their",
    "its",
    "she",
    "he",
    "they",
    "it",
    // "White House" and "White Paper" hold a word of this list already; "Ryan White" is a name.
    "paper",
    "city",
    "province",
    "county",
    "republic",
    "kingdom",
    "government",
    "general",
    "assembly",
    "nations",
    "national",
    "international",
    "world",
    "global",
    "foundation",
    "school",
    "college",
    "hospital",
    "police",
    "army",
    "navy",
    "force",
    "security",
    "cyberspace",
];

/// Whether a capitalised phrase reads as a person's name (not an organisation or place).
pub fn looks_like_person(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 4
        // "Two of the officers are kneeling": a count of people is no one person.
        && crate::text::numbers::parse_number(words[0]).is_none()
        && words.iter().all(|w| {
            let lower = w.trim_end_matches(['.', ',']).to_lowercase();
            !NOT_PERSON_WORDS.contains(&lower.as_str())
        })
        && words.iter().any(|w| w.chars().any(char::is_lowercase))
        && words.iter().enumerate().all(|(i, w)| {
            (w.chars().next().is_some_and(char::is_uppercase)
                && (w.chars().any(char::is_lowercase) || is_initials(w)))
                || (i > 0 && i + 1 < words.len() && NAME_PARTICLES.contains(w))
        })
}

/// Lowercase words inside a person's name: "Ursula von der Leyen", "Luiz Inácio Lula da Silva".
pub const NAME_PARTICLES: &[&str] = &[
    "de", "van", "von", "der", "da", "du", "del", "di", "la", "le", "bin", "al",
];

/// "J." or "G.K.": capitals each followed by a full stop.
fn is_initials(word: &str) -> bool {
    word.ends_with('.')
        && word
            .trim_end_matches('.')
            .split('.')
            .all(|part| part.chars().count() == 1 && part.chars().all(char::is_uppercase))
}

/// Splits a leading title off a name: "President Xi Jinping" -> (Some("President"), "Xi Jinping").
/// Courtesy titles are dropped. A title alone is not split.
pub fn split_title(name: &str) -> (Option<&'static str>, &str) {
    for title in TITLES {
        if let Some(rest) = name.strip_prefix(title)
            && let Some(rest) = rest.strip_prefix(' ')
            && !rest.trim().is_empty()
        {
            let kept = (!is_courtesy_title(title)).then_some(*title);
            return (kept, rest.trim());
        }
    }
    (None, name)
}

/// Whether `word` is a pronoun that can refer back to a speaker.
pub fn is_pronoun(word: &str) -> bool {
    PRONOUNS.contains(&word.to_lowercase().as_str())
}

/// Whether a speaker phrase names a group or unnamed source rather than a person.
pub fn is_group(phrase: &str) -> bool {
    let last = head_noun(phrase);
    GROUP_NOUNS.contains(&last.as_str())
        || RECORD_NOUNS.contains(&last.as_str())
        || BODY_NOUNS.contains(&last.as_str())
}

/// Nouns that stand for a public body named before: "the authority said in a statement",
/// "the regulator said". Kept out of [`GROUP_NOUNS`], which every speaker pattern copies: three
/// more words there made the capture engines fall back to the slowest one and extraction a
/// sixth slower. The attribution after a clause reads them on its own.
pub const BODY_NOUNS: &[&str] = &["authority", "regulator", "watchdog"];

/// Whether a phrase names a record ("the new ad") rather than someone.
pub fn is_record(phrase: &str) -> bool {
    RECORD_NOUNS.contains(&head_noun(phrase).as_str())
}

/// Whether a description names one unnamed person: "A spokeswoman for the agency", "one
/// trader", "a Ford spokesman" (a singular determiner, and a head noun that is a role or at
/// least no body, record or plural). "She added" can then mean that person.
pub fn is_one_person(phrase: &str) -> bool {
    let first = phrase
        .split_whitespace()
        .next()
        .unwrap_or("")
        .to_lowercase();
    let head = head_noun(phrase);
    // "Her daughter", "his lawyer", "my father": one person, when a role noun says who.
    if matches!(
        first.as_str(),
        "his" | "her" | "their" | "its" | "my" | "our"
    ) {
        return is_role_noun(&head);
    }
    // "The minister", "the chief executive", "The report's author", "The Taoiseach": one
    // person the article has not named, whom the next "he" or "she" means. A capitalised
    // qualifier ("The Republican presidential nominee", "The GOP candidate") makes it an
    // epithet for someone named before, whom the pronoun means instead.
    if first == "the" || first.ends_with("'s") || first.ends_with("’s") {
        let words: Vec<&str> = phrase.split_whitespace().collect();
        let epithet = words.len() > 2
            && words[1..words.len() - 1]
                .iter()
                .any(|w| w.starts_with(char::is_uppercase));
        return !epithet && (is_role_noun(&head) || TITLE_NOUNS.contains(&head.as_str()));
    }
    if !matches!(first.as_str(), "a" | "an" | "one" | "another") {
        return false;
    }
    let plural = head.ends_with('s') && !head.ends_with("ss");
    is_role_noun(&head) || (!plural && !is_group(&head) && head.starts_with(char::is_lowercase))
}

/// The last word before a modifier: "a spokesman for the firm" -> "spokesman".
fn head_noun(phrase: &str) -> String {
    phrase
        .split(|c: char| c.is_whitespace())
        .take_while(|w| !matches!(*w, "for" | "of" | "at" | "with" | "from"))
        .last()
        .unwrap_or("")
        .to_lowercase()
}

/// Canonical names: maps a short form ("Xi") to the one full name that contains it
/// ("Xi Jinping"), as first or last word. Ambiguous short forms stay as written.
#[derive(Debug, Default, Clone)]
pub struct NameRegistry {
    /// First or last word of a full name -> the full names with it, each once. Indexed so that
    /// a corpus of many thousands of speakers resolves in constant time per name.
    by_word: HashMap<String, Vec<String>>,
}

impl NameRegistry {
    /// Remembers a person's full name (two words or more).
    pub fn add(&mut self, name: &str) {
        let words: Vec<&str> = name.split_whitespace().collect();
        if words.len() < 2 {
            return;
        }
        for word in [words[0], words[words.len() - 1]] {
            let names = self.by_word.entry(word.to_string()).or_default();
            if !names.iter().any(|n| n == name) {
                names.push(name.to_string());
            }
        }
    }

    /// The one full name whose first or last word is `name`; `None` for full names, unknown or
    /// ambiguous short forms.
    pub fn canonical(&self, name: &str) -> Option<String> {
        if name.split_whitespace().count() != 1 {
            return None;
        }
        match self.by_word.get(name).map(Vec::as_slice) {
            Some([only]) => Some(only.clone()),
            _ => None,
        }
    }
}

/// Counts how often each role is given to a speaker, to pick the one to show.
pub fn most_common_role<'a>(roles: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    let mut order = Vec::new();
    for role in roles {
        if !counts.contains_key(role) {
            order.push(role);
        }
        *counts.entry(role).or_default() += 1;
    }
    // The longest among the most frequent roles says the most.
    let best = counts.values().copied().max()?;
    order
        .into_iter()
        .filter(|r| counts[r] == best)
        .max_by_key(|r| r.len())
        .map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_split_off_and_courtesy_titles_dropped() {
        assert_eq!(
            split_title("President Xi Jinping"),
            (Some("President"), "Xi Jinping")
        );
        assert_eq!(split_title("Mr. Smith"), (None, "Smith"));
        // British style: no full stop after the courtesy title.
        assert_eq!(split_title("Dr Sarah Jones"), (None, "Sarah Jones"));
        assert_eq!(
            split_title("Prof Martin McKee"),
            (Some("Prof"), "Martin McKee")
        );
        assert_eq!(split_title("President"), (None, "President"));
    }

    #[test]
    fn short_names_resolve_to_the_unique_full_name() {
        let mut reg = NameRegistry::default();
        reg.add("Xi Jinping");
        reg.add("Yu Wenwen");
        assert_eq!(reg.canonical("Xi").as_deref(), Some("Xi Jinping"));
        assert_eq!(reg.canonical("Wenwen").as_deref(), Some("Yu Wenwen"));
        reg.add("Yu Qiang");
        assert_eq!(reg.canonical("Yu"), None, "ambiguous stays");
    }

    #[test]
    fn people_are_told_from_organisations() {
        assert!(looks_like_person("Cao Shumin"));
        assert!(looks_like_person("Xi"));
        assert!(!looks_like_person(
            "China Internet Network Information Center"
        ));
        assert!(!looks_like_person("The Post"));
        assert!(is_group("experts"));
        assert!(is_group("a spokesman for the ministry"));
        assert!(!is_group("Xi"));
    }
}
