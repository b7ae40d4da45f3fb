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
