//! `/reload` on Discord: only the application's owner may run it; it answers privately with what
//! changed, and the next command answers from the new corpus.

use super::{ASKER, WAIT, start_bot_serving, temp_database};
use crate::support::fake_discord::FakeDiscord;
use crate::support::interactions::{opt_str, token};
use quotebot::discord::Settings;
use quotebot::library::{SharedLibrary, load_library};
use quotebot::reload::Reloader;
use serde_json::json;
use std::sync::Arc;

const EPHEMERAL: u64 = 64;

#[tokio::test]
async fn only_the_owner_reloads_and_the_next_answer_uses_the_new_corpus() {
    let dir = std::env::temp_dir().join(format!("quotebot-discord-reload-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("a.txt"),
        "First piece\n\n\"The bridge opens in May,\" said Ana Ruiz, the mayor.\n",
    )
    .unwrap();
    let lib = Arc::new(load_library(&dir).unwrap());
    let reloader = Arc::new(Reloader::new(&dir, Arc::new(SharedLibrary::new(lib))));
    let bot = start_bot_serving(reloader, Settings::default(), &temp_database("reload")).await;

    std::fs::write(
        dir.join("b.txt"),
        "Second piece\n\n\"Every zebra was counted twice,\" said Amara Okafor, a wildlife officer.\n",
    )
    .unwrap();

    // Anyone else is refused, privately, and nothing is reloaded.
    let refused = bot.command(1, "reload", json!([]), ASKER).await;
    assert_eq!(
        refused["data"]["flags"].as_u64().unwrap_or(0) & EPHEMERAL,
        EPHEMERAL,
        "{refused}"
    );
    assert!(
        !refused.to_string().contains("Corpus reloaded"),
        "{refused}"
    );
    let before = bot
        .command(2, "quote", json!([opt_str("topic", "zebra")]), ASKER)
        .await;
    assert!(!before.to_string().contains("Every zebra"), "{before}");

    // The owner's reload is acknowledged privately at once, then reported.
    let ack = bot
        .command(3, "reload", json!([]), FakeDiscord::OWNER_ID)
        .await;
    assert_eq!(ack["type"], 5, "deferred: {ack}");
    assert_eq!(
        ack["data"]["flags"].as_u64().unwrap_or(0) & EPHEMERAL,
        EPHEMERAL,
        "{ack}"
    );
    let report = bot
        .fake
        .wait_request(
            "POST",
            &format!("/webhooks/{}/{}", FakeDiscord::APP_ID, token(3)),
            WAIT,
        )
        .await
        .expect("the reload is reported")
        .body;
    let text = report.to_string();
    assert!(text.contains("Corpus reloaded"), "{report}");
    assert!(
        text.contains("Added (1)") && text.contains("\"b\""),
        "{report}"
    );

    // Another member: the asker's /quote cooldown is not what this test is about.
    let after = bot
        .command(4, "quote", json!([opt_str("topic", "zebra")]), ASKER + 1)
        .await;
    assert!(after.to_string().contains("Every zebra"), "{after}");
    assert!(
        bot.fake.unexpected_requests().is_empty(),
        "{:?}",
        bot.fake.unexpected_requests()
    );
    bot.shutdown().await;
}
