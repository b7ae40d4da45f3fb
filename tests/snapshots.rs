use quotebot::corpus::load_dir;
use quotebot::extract::extract_corpus;
use std::path::Path;

/// Every quote and claim of each corpus article, as reviewed. A rule change shows its whole
/// effect here; review with `cargo insta review`.
#[test]
fn corpus_articles() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let loaded = load_dir(&corpus).unwrap();
    assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
    // Extract over the whole corpus so that speaker names are canonical across articles.
    let all = extract_corpus(&loaded.articles);
    for article in &loaded.articles {
        let quotes: Vec<_> = all
            .quotes
            .iter()
            .filter(|q| q.article == article.id)
            .collect();
        let claims: Vec<_> = all
            .claims
            .iter()
            .filter(|c| c.article == article.id)
            .collect();
        let view = serde_json::json!({
            "title": article.title, "source": article.source, "author": article.author,
            "published": article.published, "quotes": quotes, "claims": claims,
        });
        insta::assert_json_snapshot!(article.id.clone(), view);
    }
}
