use quotebot::commands::{UserError, run};
use quotebot::library::{Library, load_library};
use quotebot::render::Reply;
use quotebot::render::text::reply_to_text;
use rand::SeedableRng;
use rand::rngs::StdRng;
use std::path::Path;
use std::sync::OnceLock;

/// The bundled corpus, loaded once for all command tests.
pub fn library() -> &'static Library {
    static LIB: OnceLock<Library> = OnceLock::new();
    LIB.get_or_init(|| load_library(&Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")).unwrap())
}

fn ask(command: &str, options: &[(&str, &str)]) -> Result<Reply, UserError> {
    let options: Vec<(String, String)> = options
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    run(library(), command, &options, &mut StdRng::seed_from_u64(7))
}

fn text(command: &str, options: &[(&str, &str)]) -> String {
    reply_to_text(&ask(command, options).unwrap())
}

fn error(command: &str, options: &[(&str, &str)]) -> String {
    ask(command, options).unwrap_err().to_string()
}

#[test]
fn quote_on_sovereignty_is_the_2014_message_by_xi() {
    let reply = ask("quote", &[("topic", "sovereignty")]).unwrap();
    let first = &reply.pages[0];
    assert!(
        first.description.contains("respect cyber sovereignty"),
        "{first:?}"
    );
    let fields = reply_to_text(&Reply::one(first.clone()));
    assert!(
        fields.contains("Speaker: Xi Jinping, President"),
        "{fields}"
    );
    assert!(
        fields.contains("When: 2014-11-19 (when it was said)"),
        "{fields}"
    );
    assert!(fields.contains("China Daily"), "{fields}");
    assert!(
        fields.contains("congratulatory message to the first World Internet Conference"),
        "{fields}"
    );
}

#[test]
fn quote_filters_by_speaker_source_and_dates() {
    let reply = ask("quote", &[("speaker", "Qi")]).unwrap();
    assert!(!reply.pages.is_empty());
    assert!(
        reply
            .pages
            .iter()
            .all(|c| c.fields[0].value.starts_with("Qi Xiaoxia"))
    );
    let reply = ask(
        "quote",
        &[
            ("speaker", "xi jinping"),
            ("from", "2016"),
            ("to", "2017-12"),
        ],
    )
    .unwrap();
    let dates: Vec<String> = reply
        .pages
        .iter()
        .map(|c| c.fields[1].value.clone())
        .collect();
    assert_eq!(
        dates,
        [
            "2017-12-03 (when it was said)",
            "2016-11-16 (when it was said)"
        ]
    );
    // Three quotes and the three positions the article reports (China "has issued more than 30
    // laws", ...), marked as positions.
    let reply = ask("quote", &[("source", "people's daily online")]).unwrap();
    assert_eq!(reply.pages.len(), 6);
    let positions = reply
        .pages
        .iter()
        .filter(|p| p.description.starts_with("(position) "))
        .count();
    assert_eq!(positions, 3);
}

#[test]
fn quote_pages_through_many_results() {
    let reply = ask("quote", &[("speaker", "Xi")]).unwrap();
    assert!(reply.pages.len() > 10);
    assert!(reply.pages[0].title.starts_with("Quote 1 of "));
}

#[test]
fn nothing_found_is_said_plainly() {
    let out = text("quote", &[("topic", "\"quantum chromodynamics\"")]);
    assert!(out.starts_with("No quotes found"), "{out}");
    let out = text(
        "source",
        &[("text", "the weather in Reykjavik was lovely this summer")],
    );
    assert!(out.starts_with("No source found"), "{out}");
}

#[test]
fn claim_internet_users_gives_both_figures_with_sources() {
    let out = text("claim", &[("topic", "\"internet users\"")]);
    assert!(
        out.contains("3 billion — Internet users: more than 3,000,000,000"),
        "{out}"
    );
    assert!(out.contains("People's Daily Online, 2015-09-26"), "{out}");
    assert!(
        out.contains("854 million — internet users: 854,000,000 (by the end of June)"),
        "{out}"
    );
    assert!(out.contains("China Daily, 2019-10"), "{out}");
}

#[test]
fn claim_sort_by_date_shows_the_figures_in_time_order() {
    let reply = ask("claim", &[("topic", "internet users"), ("sort", "date")]).unwrap();
    let card = &reply.pages[0];
    assert_eq!(card.title, "How the figures moved over time");
    let pos = |needle: &str| {
        card.fields
            .iter()
            .position(|f| f.name.contains(needle))
            .unwrap()
    };
    assert!(pos("3 billion") < pos("854 million"));
}

#[test]
fn claim_ranges_and_units() {
    let out = text("claim", &[("unit", "money")]);
    assert!(
        out.contains("USD 500,000,000,000") && !out.contains("854 million"),
        "{out}"
    );
    let reply = ask("claim", &[("min", "1 billion")]).unwrap();
    assert!(
        reply
            .pages
            .iter()
            .flat_map(|c| &c.fields)
            .all(|f| !f.name.contains("854 million"))
    );
}

#[test]
fn source_finds_the_commentary_and_notes_the_wording_differs() {
    let out = text(
        "source",
        &[(
            "text",
            "\"China-US relationship sees benefits in cooperation\"",
        )],
    );
    assert!(out.contains("People's Daily Online, 2015-09-26"), "{out}");
    assert!(
        out.contains("Commentary: China is a Staunch Defender of Cybersecurity"),
        "{out}"
    );
    assert!(out.contains("Speaker: Xi Jinping"), "{out}");
    assert!(out.contains("“China-US” is written “China-U.S”"), "{out}");
    assert!(out.contains("quoted in part"), "{out}");
}

#[test]
fn source_reports_changed_words_with_lower_confidence() {
    let out = text(
        "source",
        &[(
            "text",
            "China will follow the rule of opening up and its doors will be opened much wider",
        )],
    );
    assert!(
        out.contains("The wording differs from the original"),
        "{out}"
    );
    assert!(out.contains("Qi Xiaoxia"), "{out}");
    assert!(
        out.contains("“rule” where the original says “principle”"),
        "{out}"
    );
    assert!(!out.contains("Confidence: 100%"), "{out}");
}

#[test]
fn random_is_one_quote_from_the_filter() {
    let reply = ask("random", &[("speaker", "Cao Shumin")]).unwrap();
    assert_eq!(reply.pages.len(), 1);
    assert!(reply.pages[0].fields[0].value.starts_with("Cao Shumin"));
}

#[test]
fn listings_and_help() {
    let out = text("speakers", &[("name", "xi")]);
    assert!(out.contains("Xi Jinping — President"), "{out}");
    let out = text("articles", &[]);
    assert!(
        out.contains("Let us join hands to make Internet safe — China Daily, 2012-02-07"),
        "{out}"
    );
    // Positions are counted apart from quotes here too, as in the footer.
    assert!(
        out.contains("Staunch Defender of Cybersecurity — People's Daily Online, 2015-09-26 · 3 quotes, 3 positions, 7 claims"),
        "{out}"
    );
    let out = text("about", &[]);
    assert!(out.contains("Articles: 5"), "{out}");
    let out = text("help", &[]);
    for c in [
        "/quote",
        "/claim",
        "/source",
        "/random",
        "/speakers",
        "/articles",
        "/about",
        "/help",
    ] {
        assert!(out.contains(c), "{c} missing from {out}");
    }
}

#[test]
fn every_validation_message_names_the_option() {
    assert_eq!(
        error("quote", &[("from", "last week")]),
        "from: `last week` is not a date; write 2015, 2015-09, 2015-09-26 or 26 September 2015"
    );
    assert_eq!(
        error("quote", &[("from", "2016"), ("to", "2015")]),
        "from: 2016 is after to: 2015; swap them"
    );
    assert!(
        error("quote", &[("speaker", "Xi Jimping")])
            .starts_with("speaker: no speaker called `Xi Jimping`. Closest: Xi Jinping")
    );
    assert!(
        error("quote", &[("source", "Daily Mail")])
            .starts_with("source: no source called `Daily Mail`.")
    );
    assert_eq!(
        error("claim", &[("min", "5"), ("max", "1")]),
        "min: 5 is above max: 1; swap them"
    );
    assert_eq!(
        error("claim", &[("min", "many")]),
        "min: `many` is not a number; write 854000000, 854 million, 3bn or 45%"
    );
    assert_eq!(
        error("claim", &[("unit", "furlongs")]),
        "unit: `furlongs` is not one of count, percent, money, year, other"
    );
    assert_eq!(error("source", &[]), "text: required: the words to look up");
    assert_eq!(
        error("source", &[("text", "two words")]),
        "text: give at least three words of the passage or quote"
    );
    assert!(
        error("quote", &[("topic", &"a".repeat(500))])
            .starts_with("topic: too long (500 characters); at most 200")
    );
    assert!(
        error("speakers", &[("name", "zzzz")])
            .starts_with("name: no speaker's name contains `zzzz`")
    );
    assert!(error("nope", &[]).starts_with("there is no command /nope"));
}

#[test]
fn search_syntax_in_user_text_is_only_text() {
    for topic in [
        "title:(x",
        "\"",
        "AND OR NOT",
        "*",
        "cyber~2",
        "[1 TO 5]",
        "\u{202e}evil",
    ] {
        assert!(ask("quote", &[("topic", topic)]).is_ok(), "{topic}");
    }
}

#[test]
fn positions_are_counted_apart_from_quotes() {
    // The seeds hold 47 quotes and 16 positions (China "has issued more than 30 laws", ...).
    let reply = ask("about", &[]).unwrap();
    let card = &reply.pages[0];
    let quotes = card.fields.iter().find(|f| f.name == "Quotes").unwrap();
    assert!(quotes.value.starts_with("47 ("), "{}", quotes.value);
    assert!(
        quotes.value.ends_with("and 16 reported positions"),
        "{}",
        quotes.value
    );
    assert_eq!(
        card.footer.as_deref(),
        Some("quotebot · 5 articles · 47 quotes · 16 positions · 22 claims")
    );
    let reply = ask("speakers", &[("name", "China")]).unwrap();
    assert!(
        reply.pages[0]
            .description
            .lines()
            .any(|l| l == "China · 1 quote, 9 positions"),
        "{}",
        reply.pages[0].description
    );
}
