use quotebot::corpus::parse_article;
use quotebot::extract::extract_corpus;
use serde_json::Value;

/// Runs `tests/fixtures/quotes.json`: each case is a small article; its quotes must match the
/// expected list in order and in number, on every field the case gives.
#[test]
fn quote_fixture_table() {
    let cases: Vec<Value> = serde_json::from_str(include_str!("fixtures/quotes.json")).unwrap();
    let mut failures = Vec::new();
    for case in &cases {
        let name = case["name"].as_str().unwrap();
        let article =
            parse_article(&format!("{name}.txt"), case["text"].as_str().unwrap()).unwrap();
        let found = extract_corpus(&[article]).quotes;
        let got: Vec<Value> = found
            .iter()
            .map(|q| serde_json::to_value(q).unwrap())
            .collect();
        let expect = case["expect"].as_array().unwrap();
        if got.len() != expect.len() {
            failures.push(format!(
                "{name}: expected {} quotes, got {}: {got:#?}",
                expect.len(),
                got.len()
            ));
            continue;
        }
        for (i, (want, have)) in expect.iter().zip(&got).enumerate() {
            for (key, value) in want.as_object().unwrap() {
                if &have[key] != value {
                    failures.push(format!(
                        "{name} #{i}: {key} = {}, expected {value}",
                        have[key]
                    ));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}
