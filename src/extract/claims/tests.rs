//! The claims extractor's unit tests and the loader of the fixture table.

use super::*;

fn claims(s: &str) -> Vec<ClaimMatch> {
    extract_claims_in_sentence(s)
}

fn written(s: &str) -> Vec<String> {
    claims(s)
        .iter()
        .map(|c| s[c.start..c.end].to_string())
        .collect()
}

#[test]
fn years_dates_times_and_ordinals_are_not_claims() {
    assert!(written("The Cyber Security Law took effect in June 2017.").is_empty());
    assert!(written("Updated: 2012-02-07 08:23").is_empty());
    assert!(written("(People's Daily Online) 06:05, September 26, 2015").is_empty());
    assert!(written("With the Safer Internet Day being observed on Feb 7, it's time.").is_empty());
    assert!(written("the 8th U.S.-China Internet Industry Forum in the 21st century").is_empty());
    assert!(
        written("Since the 1990s, the 2019 China Cybersecurity Week opened at 9am.").is_empty()
    );
    assert!(written("the UN's 66th General Assembly").is_empty());
}

#[test]
fn labels_and_names_are_not_claims() {
    assert!(written("Section 230 of the act, the iPhone 6 and Windows 10.").is_empty());
    assert!(written("The G20 met on 5G and COVID-19; call +1 555 123 4567.").is_empty());
    assert!(written("Upgrade to version 2.1 now.").is_empty());
    assert!(written("As one of the greatest inventions, no one country can do it.").is_empty());
}

#[test]
fn seed_claims_come_out() {
    let s = "Among over 3 billion Internet users across the globe, one in five comes from China.";
    let c = claims(s);
    assert_eq!(c.len(), 2);
    assert_eq!((c[0].value, c[0].qualifier), (3e9, Qualifier::MoreThan));
    assert_eq!(c[0].what.as_deref(), Some("Internet users"));
    assert_eq!(c[1].value, 0.2);
    let s =
        r"By 2020, the industrial output is expected to reach 100 billion yuan (\$14.13 billion).";
    let c = claims(s);
    assert_eq!(c.len(), 2);
    assert_eq!((c[0].value, c[0].currency.as_deref()), (1e11, Some("CNY")));
    assert_eq!(
        (c[1].value, c[1].currency.as_deref()),
        (1.413e10, Some("USD"))
    );
    assert_eq!(c[1].conversion_of, Some(0));
    assert_eq!(c[0].as_of.as_deref(), Some("By 2020"));
}

/// Claim extraction speed on one core, over the fixture sentences (and the shared
/// evaluation sentences when present) repeated to a few megabytes:
/// `cargo test --release --lib claims_throughput -- --ignored --nocapture`.
#[test]
#[ignore]
fn claims_throughput() {
    let cases: Vec<serde_json::Value> =
        serde_json::from_str(include_str!("../../../tests/fixtures/claims.json"))
            .expect("valid fixture JSON");
    let mut sentences: Vec<String> = cases
        .iter()
        .filter_map(|c| c["text"].as_str().map(str::to_string))
        .collect();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/numbers");
    for (file, key) in [
        ("quantulum3-quantities.json", "req"),
        ("recognizers-CurrencyModel.json", "Input"),
    ] {
        if let Ok(text) = std::fs::read_to_string(dir.join(file))
            && let Ok(serde_json::Value::Array(items)) = serde_json::from_str(&text)
        {
            sentences.extend(
                items
                    .iter()
                    .filter_map(|i| i[key].as_str().map(str::to_string)),
            );
        }
    }
    measure("eval sentences", &sentences);
    // News prose, as the bot reads it: the corpus articles cut at sentence ends.
    let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut news = Vec::new();
    for entry in std::fs::read_dir(corpus).into_iter().flatten().flatten() {
        if let Ok(text) = std::fs::read_to_string(entry.path()) {
            news.extend(text.split_inclusive(". ").map(str::to_string));
        }
    }
    if !news.is_empty() {
        measure("corpus sentences", &news);
    }
}

fn measure(name: &str, sentences: &[String]) {
    let once: usize = sentences.iter().map(String::len).sum();
    let rounds = (4_000_000 / once.max(1)).max(1);
    let _ = claims(&sentences[0]);
    let t = std::time::Instant::now();
    let mut found = 0;
    for _ in 0..rounds {
        for s in sentences {
            found += claims(s).len();
        }
    }
    let secs = t.elapsed().as_secs_f64();
    let mb = (once * rounds) as f64 / 1e6;
    println!(
        "claims over {name}: {} x {rounds}, {mb:.1} MB in {secs:.2} s = {:.1} MB/s per core ({found} claims)",
        sentences.len(),
        mb / secs
    );
}

/// The fixture table `tests/fixtures/claims.json`: every case's claims, in order, with
/// each field the case gives.
#[test]
fn fixture_table() {
    let cases: Vec<serde_json::Value> =
        serde_json::from_str(include_str!("../../../tests/fixtures/claims.json"))
            .expect("valid fixture JSON");
    let mut failures = Vec::new();
    for case in &cases {
        let name = case["name"].as_str().unwrap_or("?");
        let text = case["text"].as_str().unwrap_or("");
        let got = claims(text);
        let expect = case["expect"].as_array().cloned().unwrap_or_default();
        let shown: Vec<_> = got.iter().map(|c| (&text[c.start..c.end], c)).collect();
        if got.len() != expect.len() {
            failures.push(format!(
                "{name}: {} claims, expected {}: {shown:#?}",
                got.len(),
                expect.len()
            ));
            continue;
        }
        for (c, e) in got.iter().zip(&expect) {
            let mut wrong = Vec::new();
            let str_field = |k: &str| e.get(k).map(|v| v.as_str().map(str::to_string));
            if e["text"].as_str() != Some(&text[c.start..c.end]) {
                wrong.push(format!("text {:?}", &text[c.start..c.end]));
            }
            let close = |a: f64, b: f64| (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0);
            if !e["value"].as_f64().is_some_and(|v| close(v, c.value)) {
                wrong.push(format!("value {}", c.value));
            }
            if let Some(m) = e.get("value_max")
                && !(m
                    .as_f64()
                    .zip(c.value_max)
                    .is_some_and(|(a, b)| close(a, b)))
            {
                wrong.push(format!("value_max {:?}", c.value_max));
            }
            for (key, actual) in [
                ("unit", c.unit.clone()),
                ("currency", c.currency.clone()),
                ("what", c.what.clone()),
                ("as_of", c.as_of.clone()),
            ] {
                if let Some(want) = str_field(key)
                    && want != actual
                {
                    wrong.push(format!("{key} {actual:?}"));
                }
            }
            if let Some(q) = e.get("qualifier") {
                let want: Qualifier = serde_json::from_value(q.clone()).expect("a qualifier name");
                if want != c.qualifier {
                    wrong.push(format!("qualifier {:?}", c.qualifier));
                }
            }
            if !wrong.is_empty() {
                failures.push(format!("{name}: {:?} got {}", e["text"], wrong.join(", ")));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} fixture cases fail:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}
