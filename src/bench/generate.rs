//! A synthetic corpus for measuring at scale: articles built from the seed articles' sentence
//! shapes (attributed quotes, pronoun follow-ups, reported speech, "according to", numeric
//! claims, block quotes with dash lines, statement sections) with varied speakers, roles,
//! numbers, dates and sources. Deterministic for a seed; every paragraph distinct, so removing
//! repeated paragraphs does not make the work vanish.

use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};
use std::fmt::Write;

const GIVEN: &[&str] = &[
    "Li", "Wang", "Maria", "John", "Aisha", "Kenji", "Sofia", "Ahmed", "Elena", "David", "Chen",
    "Fatima", "Lars", "Priya", "Tomas", "Amara", "Hiro", "Nadia", "Pedro", "Ingrid",
];
const FAMILY: &[&str] = &[
    "Zhang", "Okafor", "Schmidt", "Tanaka", "Rossi", "Novak", "Haddad", "Larsen", "Gupta", "Silva",
    "Kowalski", "Dubois", "Mendes", "Ivanova", "Park", "Nguyen", "Fischer", "Moreau", "Costa",
    "Berg",
];
const ROLES: &[&str] = &[
    "deputy director of the Cyberspace Administration",
    "head of the ministry's international cooperation office",
    "a researcher at the Institute of Digital Policy",
    "managing director of Northwind Consulting",
    "president of the Digital Trade Association",
    "chief economist at Harbor Bank",
    "a spokeswoman for the Foreign Ministry",
    "vice-president of public affairs at Kestrel Security",
];
const TITLES: &[&str] = &[
    "President",
    "Minister",
    "Premier",
    "Governor",
    "Senator",
    "Mayor",
];
const SOURCES: &[&str] = &[
    "China Daily",
    "People's Daily Online",
    "Global Times",
    "The Harbor Tribune",
    "Northern Ledger",
    "Metro Courier",
    "Xinhua",
];
const CITIES: &[&str] = &[
    "Seattle", "Geneva", "Wuzhen", "Nairobi", "Lisbon", "Osaka", "Bogota", "Oslo",
];
const SUBJECTS: &[&str] = &[
    "The international community",
    "Every country",
    "Our industry",
    "The new framework",
    "Cross-border data governance",
    "Digital trade",
    "Cybersecurity cooperation",
    "The global internet governance system",
    "Open standards",
    "Small businesses",
];
const VERBS: &[&str] = &[
    "needs to build",
    "should strengthen",
    "will depend on",
    "must protect",
    "can benefit from",
    "is ready to support",
    "has to rethink",
    "will reshape",
];
const OBJECTS: &[&str] = &[
    "a safe, open and cooperative cyberspace",
    "mutual respect and trust",
    "the rights of internet users",
    "fair rules for data flows",
    "investment in infrastructure",
    "a shared future in cyberspace",
    "the fight against online fraud",
    "sovereignty online",
    "innovation in artificial intelligence",
    "digital skills for young people",
];
const COUNTED: &[&str] = &[
    "internet users",
    "companies",
    "cyber incidents",
    "universities",
    "data centres",
    "small businesses",
    "engineers",
    "broadband subscribers",
];
const QUALIFIERS: &[&str] = &["more than ", "nearly ", "about ", "over ", "", "almost "];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const OCCASIONS: &[&str] = &[
    "keynote speech at the World Internet Conference",
    "congratulatory message to the Digital Silk Road Forum",
    "video address at the Global Cybersecurity Summit",
];

fn pick<'a>(rng: &mut StdRng, list: &[&'a str]) -> &'a str {
    list[rng.random_range(0..list.len())]
}

fn person(rng: &mut StdRng) -> String {
    format!("{} {}", pick(rng, GIVEN), pick(rng, FAMILY))
}

/// A sentence of speech, made distinct by `n`.
fn statement(rng: &mut StdRng, n: usize) -> String {
    format!(
        "{} {} {} in the next {} years",
        pick(rng, SUBJECTS),
        pick(rng, VERBS),
        pick(rng, OBJECTS),
        2 + n % 17
    )
}

/// Article `index` of the corpus generated from `seed`: front matter and body.
pub fn article(seed: u64, index: usize) -> String {
    let mut rng = StdRng::seed_from_u64(seed ^ (index as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15));
    let year = 2010 + rng.random_range(0..16);
    let month = rng.random_range(1..=12u8);
    let day = rng.random_range(1..=28u8);
    let speaker = person(&mut rng);
    let title_holder = format!("{} {}", pick(&mut rng, TITLES), person(&mut rng));
    let mut out = String::with_capacity(4096);
    let _ = writeln!(out, "---");
    let _ = writeln!(
        out,
        "title: \"{} calls for {} (report {index})\"",
        pick(&mut rng, SUBJECTS),
        pick(&mut rng, OBJECTS)
    );
    let _ = writeln!(out, "source: {}", pick(&mut rng, SOURCES));
    let _ = writeln!(out, "author: {}", person(&mut rng));
    let _ = writeln!(out, "published: {year}-{month:02}-{day:02}");
    let _ = writeln!(out, "---\n");
    let n = index * 31;
    let _ = writeln!(
        out,
        "\"{},\" said {title_holder} in {}, stressing the point during a visit in {} {year}.\n",
        statement(&mut rng, n),
        pick(&mut rng, CITIES),
        pick(&mut rng, MONTHS),
    );
    let _ = writeln!(
        out,
        "“{},” said {speaker}, {}, during the presentation of report {index}.\n",
        statement(&mut rng, n + 1),
        pick(&mut rng, ROLES)
    );
    let _ = writeln!(out, "“{},” she said.\n", statement(&mut rng, n + 2));
    let _ = writeln!(
        out,
        "{} had {}{} million {} by the end of {}, according to a report released by the National Statistics Bureau.\n",
        pick(&mut rng, CITIES),
        pick(&mut rng, QUALIFIERS),
        rng.random_range(2..900),
        pick(&mut rng, COUNTED),
        pick(&mut rng, MONTHS),
    );
    let _ = writeln!(
        out,
        "{} said {} {} {}, and that {}{} {} had joined the programme.\n",
        speaker.split(' ').next_back().unwrap_or("Li"),
        pick(&mut rng, SUBJECTS).to_lowercase(),
        pick(&mut rng, VERBS),
        pick(&mut rng, OBJECTS),
        pick(&mut rng, QUALIFIERS),
        rng.random_range(10..5000),
        pick(&mut rng, COUNTED),
    );
    let _ = writeln!(
        out,
        "By {}, the industrial output is expected to reach {} billion yuan (${}.{:02} billion), officials said.\n",
        year + 5,
        rng.random_range(10..400),
        rng.random_range(1..60),
        rng.random_range(0..100),
    );
    let _ = writeln!(
        out,
        "{} will set the tone for further cooperation in the region, experts said in {} {}.\n",
        pick(&mut rng, SUBJECTS),
        pick(&mut rng, MONTHS),
        year,
    );
    let _ = writeln!(out, "{}'s messages\n", title_holder);
    let _ = writeln!(
        out,
        "• {}. {}.\n— {} on {} {}, {}\n",
        statement(&mut rng, n + 3),
        statement(&mut rng, n + 4),
        pick(&mut rng, OCCASIONS),
        pick(&mut rng, MONTHS),
        1 + index % 28,
        year - 1,
    );
    let _ = writeln!(
        out,
        "What they say\n\n{}, {}\n",
        person(&mut rng),
        pick(&mut rng, ROLES)
    );
    let _ = writeln!(
        out,
        "{}. {}.\n",
        statement(&mut rng, n + 5),
        statement(&mut rng, n + 6)
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::parse_article;
    use crate::extract::extract_corpus;

    #[test]
    fn deterministic_and_distinct() {
        assert_eq!(article(7, 3), article(7, 3));
        assert_ne!(article(7, 3), article(7, 4));
        assert_ne!(article(7, 3), article(8, 3));
    }

    #[test]
    fn every_shape_is_extracted() {
        let a = parse_article("gen.txt", &article(1, 42)).unwrap();
        let x = extract_corpus(&[a]);
        let kinds: std::collections::HashSet<String> = x
            .quotes
            .iter()
            .map(|q| {
                serde_json::to_value(q.kind)
                    .unwrap()
                    .as_str()
                    .unwrap()
                    .to_string()
            })
            .collect();
        for k in ["direct", "indirect", "block", "statement"] {
            assert!(kinds.contains(k), "{k} missing from {kinds:?}");
        }
        assert!(x.claims.len() >= 3, "{:?}", x.claims);
    }
}
