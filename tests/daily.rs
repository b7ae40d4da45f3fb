//! Daily posts: the schedule over a restart with the same database, the crash semantics, and the
//! real bot against the fake Discord (a moderator sets it, the clock passes the time, one post).

use super::discord::{ASKER, WAIT, corpus_library, start_bot_with, temp_database};
use super::support::fake_discord::FakeDiscord;
use super::support::interactions::{opt_str, slash_command};
use jiff::Timestamp;
use quotebot::commands::daily::{SetRequest, set};
use quotebot::daily::PostState;
use quotebot::daily::plan::{Action, RESEND_WINDOW_SECS, next_action};
use quotebot::discord::Settings;
use quotebot::store::Store;
use rand::SeedableRng;
use rand::rngs::StdRng;
use serde_json::{Value, json};
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::Duration;

const GUILD: u64 = FakeDiscord::GUILD_ID;
const NEWS: u64 = 1_100_000_000_000_000_777;

fn at(s: &str) -> Timestamp {
    s.parse().unwrap()
}

fn berlin_nine() -> SetRequest {
    SetRequest {
        channel_id: NEWS,
        time: "09:00".into(),
        timezone: "Europe/Berlin".into(),
        speaker: Some("Xi".into()),
        topic: None,
    }
}

#[test]
fn a_restart_keeps_settings_and_history_and_sends_a_missed_post_once() {
    let lib = corpus_library();
    let path = temp_database("restart");
    let mut rng = StdRng::seed_from_u64(5);
    {
        let mut store = Store::open(&path).unwrap();
        set(
            &lib,
            &mut store,
            GUILD,
            true,
            &berlin_nine(),
            at("2026-01-10T07:00:00Z"),
        )
        .unwrap();
        // Day one goes out as usual.
        let s = store.daily(GUILD).unwrap().unwrap();
        let Action::Send(post) =
            next_action(&lib, &store, &s, at("2026-01-10T08:00:30Z"), &mut rng).unwrap()
        else {
            panic!("due")
        };
        assert!(
            store
                .claim_day(
                    GUILD,
                    &post.local_day,
                    &post.quote_id,
                    post.cycle,
                    "2026-01-10T08:00:30Z"
                )
                .unwrap()
        );
        store
            .set_post_state(GUILD, &post.local_day, PostState::Sent, Some(1))
            .unwrap();
    }
    // quotebot is down all of day two's morning; it comes back at 15:00 Berlin time.
    let mut store = Store::open(&path).unwrap();
    let s = store.daily(GUILD).unwrap().expect("settings kept");
    assert_eq!(
        (s.post_time.as_str(), s.speaker.as_deref()),
        ("09:00", Some("Xi Jinping"))
    );
    let Action::Send(post) =
        next_action(&lib, &store, &s, at("2026-01-11T14:00:00Z"), &mut rng).unwrap()
    else {
        panic!("the missed post goes out while its day lasts")
    };
    assert_eq!(post.local_day, "2026-01-11");
    assert_ne!(
        post.quote_id,
        store.last_post(GUILD).unwrap().unwrap().quote_id,
        "no repeat"
    );
    assert!(
        store
            .claim_day(
                GUILD,
                &post.local_day,
                &post.quote_id,
                post.cycle,
                "2026-01-11T14:00:00Z"
            )
            .unwrap()
    );
    store
        .set_post_state(GUILD, &post.local_day, PostState::Sent, Some(2))
        .unwrap();
    // Later that day, and after another restart: nothing more.
    drop(store);
    let store = Store::open(&path).unwrap();
    assert_eq!(
        next_action(&lib, &store, &s, at("2026-01-11T20:00:00Z"), &mut rng).unwrap(),
        Action::Wait
    );
}

#[test]
fn a_crash_between_claim_and_confirmation_resends_with_the_same_nonce_or_gives_up() {
    let lib = corpus_library();
    let mut store = Store::open(&temp_database("crash")).unwrap();
    let mut rng = StdRng::seed_from_u64(9);
    set(
        &lib,
        &mut store,
        GUILD,
        true,
        &berlin_nine(),
        at("2026-01-10T07:00:00Z"),
    )
    .unwrap();
    let s = store.daily(GUILD).unwrap().unwrap();
    let Action::Send(first) =
        next_action(&lib, &store, &s, at("2026-01-10T08:00:00Z"), &mut rng).unwrap()
    else {
        panic!()
    };
    store
        .claim_day(
            GUILD,
            &first.local_day,
            &first.quote_id,
            first.cycle,
            "2026-01-10T08:00:00Z",
        )
        .unwrap();
    // ...killed here, before Discord answered.
    let soon = at("2026-01-10T08:01:00Z");
    let Action::Send(again) = next_action(&lib, &store, &s, soon, &mut rng).unwrap() else {
        panic!("resent within the window")
    };
    assert!(again.retry);
    assert_eq!(
        (again.quote_id.as_str(), again.nonce.as_str()),
        (first.quote_id.as_str(), first.nonce.as_str())
    );
    let late =
        Timestamp::from_second(at("2026-01-10T08:00:00Z").as_second() + RESEND_WINDOW_SECS + 60)
            .unwrap();
    assert_eq!(
        next_action(&lib, &store, &s, late, &mut rng).unwrap(),
        Action::GiveUp {
            local_day: "2026-01-10".into()
        }
    );
}

/// `/daily set` as a member with or without Manage Server (Discord's permission bit 0x20).
fn daily_set(id: u64, user: u64, manage: bool) -> Value {
    let mut interaction = slash_command(
        id,
        "daily",
        json!([{"name": "set", "type": 1, "options": [
            {"name": "channel", "type": 7, "value": NEWS.to_string()},
            opt_str("time", "09:00"),
            opt_str("timezone", "Europe/Berlin"),
            opt_str("speaker", "Xi"),
        ]}]),
        user,
    );
    interaction["member"]["permissions"] = json!(if manage { "32" } else { "2048" });
    interaction["data"]["resolved"] = json!({"channels": {NEWS.to_string(): {
        "id": NEWS.to_string(), "name": "news", "type": 0, "permissions": "0"
    }}});
    interaction
}

fn subcommand(id: u64, name: &str) -> Value {
    slash_command(
        id,
        "daily",
        json!([{"name": name, "type": 1, "options": []}]),
        ASKER,
    )
}

fn test_clock(start: &str) -> (Arc<AtomicI64>, Settings) {
    let now = Arc::new(AtomicI64::new(at(start).as_second()));
    let clock_now = now.clone();
    let settings = Settings {
        daily_tick: Duration::from_millis(50),
        clock: Arc::new(move || Timestamp::from_second(clock_now.load(Ordering::SeqCst)).unwrap()),
        ..Settings::default()
    };
    (now, settings)
}

fn channel_posts(fake: &FakeDiscord) -> usize {
    fake.requests()
        .iter()
        .filter(|r| r.method == "POST" && r.path.ends_with(&format!("/channels/{NEWS}/messages")))
        .count()
}

#[tokio::test]
async fn a_moderator_sets_it_and_one_quote_is_posted_when_the_time_comes() {
    let (now, settings) = test_clock("2026-01-10T07:00:00Z");
    let bot = start_bot_with(corpus_library(), settings, &temp_database("e2e")).await;

    bot.fake
        .dispatch("INTERACTION_CREATE", daily_set(1, 555, false))
        .await
        .unwrap();
    let refused = bot.callback(1).await;
    assert_eq!(refused["data"]["flags"], 64, "{refused}");
    assert!(refused.to_string().contains("Manage Server"), "{refused}");

    bot.fake
        .dispatch("INTERACTION_CREATE", daily_set(2, ASKER, true))
        .await
        .unwrap();
    let set = bot.callback(2).await;
    assert_eq!(
        set["data"]["embeds"][0]["title"], "Daily quote set",
        "{set}"
    );

    bot.fake
        .dispatch("INTERACTION_CREATE", subcommand(3, "preview"))
        .await
        .unwrap();
    let preview = bot.callback(3).await;
    assert_eq!(
        preview["data"]["flags"], 64,
        "a preview is private: {preview}"
    );
    assert_eq!(
        preview["data"]["embeds"][0]["title"],
        "Quote of the day (preview)"
    );

    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(channel_posts(&bot.fake), 0, "not before 09:00 Berlin");

    now.store(at("2026-01-10T08:00:05Z").as_second(), Ordering::SeqCst);
    let post = bot
        .fake
        .wait_request("POST", &format!("/channels/{NEWS}/messages"), WAIT)
        .await
        .expect("the daily post");
    let embed = &post.body["embeds"][0];
    assert_eq!(embed["title"], "Quote of the day");
    assert!(
        embed["fields"].to_string().contains("Xi Jinping"),
        "the filter is speaker Xi: {embed}"
    );
    assert_eq!(post.body["allowed_mentions"]["parse"], json!([]));
    assert_eq!(post.body["enforce_nonce"], true);
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(channel_posts(&bot.fake), 1, "exactly one post that day");

    bot.fake
        .dispatch("INTERACTION_CREATE", subcommand(4, "show"))
        .await
        .unwrap();
    let show = bot.callback(4).await;
    assert!(show.to_string().contains("2026-01-10 (sent)"), "{show}");
    bot.shutdown().await;
}

#[tokio::test]
async fn a_channel_the_bot_cannot_post_in_pauses_the_schedule_and_show_says_why() {
    let (now, settings) = test_clock("2026-01-10T07:00:00Z");
    let bot = start_bot_with(corpus_library(), settings, &temp_database("403")).await;
    bot.fake
        .dispatch("INTERACTION_CREATE", daily_set(1, ASKER, true))
        .await
        .unwrap();
    bot.callback(1).await;
    bot.fake.fail_next(
        "POST",
        &format!("/channels/{NEWS}/messages"),
        403,
        json!({"code": 50013, "message": "Missing Permissions"}),
    );
    now.store(at("2026-01-10T08:00:05Z").as_second(), Ordering::SeqCst);
    bot.fake
        .wait_request("POST", &format!("/channels/{NEWS}/messages"), WAIT)
        .await
        .expect("the attempt");
    tokio::time::sleep(Duration::from_millis(400)).await;
    assert_eq!(channel_posts(&bot.fake), 1, "paused: no retry storm");
    bot.fake
        .dispatch("INTERACTION_CREATE", subcommand(2, "show"))
        .await
        .unwrap();
    let show = bot.callback(2).await;
    let text = show.to_string();
    assert!(
        text.contains("Paused") && text.contains("Send Messages"),
        "{text}"
    );
    bot.shutdown().await;
}
