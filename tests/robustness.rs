//! Hostile and careless input never panics: arbitrary article text through the parser and both
//! extractors, arbitrary command lines through the console parser and every command. Bounded
//! case counts keep this quick; `PROPTEST_CASES=5000 cargo test robustness` runs longer.

use super::commands::library;
use proptest::prelude::*;
use quotebot::console::answer;
use quotebot::corpus::parse_article;
use quotebot::extract::extract_corpus;
use rand::SeedableRng;
use rand::rngs::StdRng;

/// Text that looks like news more often than uniform noise would: quotes, cue words, numbers,
/// dashes, bullets, unusual Unicode.
fn newsish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("\"".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just(" said ".to_string()),
        Just(", according to ".to_string()),
        Just("President Xi".to_string()),
        Just(" she added.".to_string()),
        Just("\n\n".to_string()),
        Just("\n— keynote speech on December 16, 2015\n".to_string()),
        Just("• ".to_string()),
        Just("---\n".to_string()),
        Just("title: x\n".to_string()),
        Just("$ 500 billion".to_string()),
        Just("more than 3 billion".to_string()),
        Just("one in five".to_string()),
        Just("45%".to_string()),
        Just("\u{200f}\u{200d}🙂中文".to_string()),
        Just("....!!!???".to_string()),
        "[A-Za-z ,.]{0,40}",
        any::<String>(),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

// 256 cases per property by default (proptest's own default, which PROPTEST_CASES overrides).
proptest! {
    #[test]
    fn articles_never_panic(text in newsish()) {
        if let Ok(article) = parse_article("fuzz.txt", &text) {
            let found = extract_corpus(std::slice::from_ref(&article));
            for q in &found.quotes {
                prop_assert!(q.span.start <= q.span.end && q.span.end <= article.text.len());
                prop_assert!(article.text.is_char_boundary(q.span.start) && article.text.is_char_boundary(q.span.end));
            }
            for c in &found.claims {
                prop_assert!(c.span.start <= c.span.end && c.span.end <= article.text.len());
                prop_assert!(c.value.is_finite());
            }
        }
    }

    #[test]
    fn command_lines_never_panic(line in "/[a-z]{0,9}( [a-z]{1,8}:[^\\n]{0,60}){0,4}") {
        let _ = answer(library(), &line, &mut StdRng::seed_from_u64(0));
    }

    #[test]
    fn option_values_never_panic(value in any::<String>(), option in prop::sample::select(vec!["topic", "speaker", "source", "from", "to", "text", "min", "max", "unit", "sort", "name"])) {
        for command in ["quote", "claim", "source", "random", "speakers", "articles"] {
            let _ = quotebot::commands::run(library(), command, &[(option.to_string(), value.clone())], &mut StdRng::seed_from_u64(0));
        }
    }
}

/// Careless articles beside a good one, loaded from a folder and extracted under a hang guard
/// (minutes, where this takes seconds): what each of them must still give.
#[test]
fn careless_articles_load_and_extract() {
    use quotebot::corpus::clean::MAX_PARAGRAPH_BYTES;
    use quotebot::corpus::load_dir;
    use std::sync::mpsc;
    use std::time::Duration;

    let dir = std::env::temp_dir().join(format!("quotebot-careless-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let files: &[(&str, String)] = &[
        (
            "good.txt",
            "Title\n\n\"We will keep every promise we made to the voters,\" said Jane Doe.\n".into(),
        ),
        // A quote never closed does not swallow the next paragraph's quote or its speaker.
        (
            "unbalanced.txt",
            "Title\n\nHe said “ we will go on and \" on and “ on and on.\n\n\"Every promise we made will be kept, all of them,\" said Ann Lee.\n".into(),
        ),
        // A megabyte in one line without a full stop, numbers all along it.
        (
            "no-full-stop.txt",
            (0..30_000)
                .map(|i| format!("the talks went on, with {i} votes cast "))
                .collect(),
        ),
        ("punctuation.txt", "!?.".repeat(100_000)),
        ("nested.txt", "“‘«\"".repeat(25_000)),
        (
            "unicode.txt",
            "عنوان \u{200f}\u{200d}👩‍👩‍👧 中文报道\n\n“We welcome every visitor 🙂 to the fair,\u{200d}” said Ana Lima.\n\n他说：“我们欢迎。” \u{202e}reversed\u{202c} and 45% of 1,200 visitors came.\n".into(),
        ),
    ];
    for (name, text) in files {
        std::fs::write(dir.join(name), text).unwrap();
    }
    let loaded = load_dir(&dir).unwrap();
    assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
    assert_eq!(loaded.articles.len(), files.len());
    let (done, finished) = mpsc::channel();
    let articles = loaded.articles.clone();
    std::thread::spawn(move || {
        let _ = done.send(extract_corpus(&articles));
    });
    let found = finished
        .recv_timeout(Duration::from_secs(300))
        .unwrap_or_else(|e| {
            panic!("extraction did not finish ({e}): a panic above, or a hang after 5 minutes")
        });
    let article = |id: &str| loaded.articles.iter().find(|a| a.id == id).unwrap();

    for q in &found.quotes {
        let text = &article(&q.article).text;
        assert!(
            text.is_char_boundary(q.span.start) && text.is_char_boundary(q.span.end),
            "{q:?}"
        );
    }
    let speaker_of = |words: &str| {
        found
            .quotes
            .iter()
            .find(|q| q.text.contains(words))
            .and_then(|q| q.speaker.clone())
    };
    assert_eq!(
        speaker_of("keep every promise").as_deref(),
        Some("Jane Doe")
    );
    assert_eq!(speaker_of("will be kept").as_deref(), Some("Ann Lee"));
    assert_eq!(speaker_of("every visitor 🙂").as_deref(), Some("Ana Lima"));
    let visitor = found
        .quotes
        .iter()
        .find(|q| q.text.contains("every visitor"))
        .unwrap();
    assert!(
        article("unicode").text[visitor.span.start..visitor.span.end].contains("🙂 to the fair")
    );

    // The long line is cut into paragraphs that lose no word, and each claim keeps a bounded
    // stretch of its "sentence" rather than a copy of the whole line.
    let long = article("no-full-stop");
    assert!(long.paragraphs.len() > 1);
    assert!(
        long.paragraphs
            .iter()
            .all(|p| p.text.len() <= MAX_PARAGRAPH_BYTES)
    );
    let rejoined: Vec<&str> = long
        .paragraphs
        .iter()
        .flat_map(|p| p.text.split_whitespace())
        .collect();
    assert_eq!(rejoined, long.text.split_whitespace().collect::<Vec<_>>());
    let claims: Vec<_> = found
        .claims
        .iter()
        .filter(|c| c.article == long.id)
        .collect();
    assert!(claims.len() > 10_000, "{} claims", claims.len());
    if let Some(c) = claims
        .iter()
        .find(|c| c.sentence.len() > 1000 || !c.sentence.contains(&c.text))
    {
        panic!(
            "a claim keeps {} bytes of context, not a bounded stretch around `{}`: {:?}",
            c.sentence.len(),
            c.text,
            c.sentence
        );
    }
    std::fs::remove_dir_all(&dir).unwrap();
}
