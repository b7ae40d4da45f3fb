//! Discord-side faults against the real bot and the fake Discord: 429s and 5xx on replies and
//! daily posts, a core slow enough to need a deferral, an answer in flight when shutdown comes,
//! interactions delivered twice, and page buttons nobody listens to any more. Counts of calls are
//! read after `shutdown`, which waits for every answer in flight, so they are final.

use super::{
    ASKER, Bot, EPHEMERAL, SOMEONE_ELSE, WAIT, corpus_library, library_of, start_bot,
    start_bot_with, temp_database,
};
use crate::support::fake_discord::{FakeDiscord, Recorded};
use crate::support::interactions::{button, discord_error, opt_str, slash_command, token};
use jiff::Timestamp;
use poise::serenity_prelude as serenity;
use quotebot::commands::daily::{SetRequest, set};
use quotebot::daily::PostState;
use quotebot::discord::{self, Core, RESTARTING, Settings, UNDELIVERED};
use quotebot::library::Library;
use quotebot::store::Store;
use serde_json::{Value, json};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, mpsc};
use std::time::Duration;

/// How long a gated core waits for its go-ahead before answering anyway: only so that a test
/// that fails half-way cannot hang; passing tests open the gate long before.
const WATCHDOG: Duration = Duration::from_secs(30);

/// How long a test watches for a close frame that must not come while an answer is in flight;
/// well inside the bot's 10-s bound on that wait, so only a missing wait can produce one.
const CLOSE_WINDOW: Duration = Duration::from_secs(3);

/// A core that answers each command only once the test opens the gate for it.
struct Gate {
    permits: mpsc::Sender<()>,
    calls: Arc<AtomicUsize>,
}

impl Gate {
    fn open(&self) {
        self.permits.send(()).expect("the gated core is alive");
    }
}

fn gated_core() -> (Core, Gate) {
    let (permits, waiting) = mpsc::channel::<()>();
    let waiting = Mutex::new(waiting);
    let calls = Arc::new(AtomicUsize::new(0));
    let counted = calls.clone();
    let real = discord::core();
    let core: Core = Arc::new(move |lib, name, given| {
        counted.fetch_add(1, Ordering::SeqCst);
        let _ = waiting.lock().unwrap().recv_timeout(WATCHDOG);
        real(lib, name, given)
    });
    (core, Gate { permits, calls })
}

async fn start_gated(name: &str) -> (Bot, Gate) {
    let (core, gate) = gated_core();
    let settings = Settings {
        core,
        ..Settings::default()
    };
    (
        start_bot_with(corpus_library(), settings, &temp_database(name)).await,
        gate,
    )
}

/// Three quotes by one speaker: an answer of three pages, whatever the corpus holds.
fn three_quotes() -> Arc<Library> {
    library_of(
        "---\ntitle: Council notes\nsource: Town Gazette\npublished: 2024-03-01\n---\n\
         “The budget will be balanced by spring,” said Jane Doe.\n\n\
         “The new road opens in the summer,” said Jane Doe.\n\n\
         “Every school gets a library this year,” said Jane Doe.\n",
    )
}

fn jane_doe(id: u64) -> Value {
    slash_command(id, "quote", json!([opt_str("speaker", "Jane Doe")]), ASKER)
}

fn callback_path(id: u64) -> String {
    format!("/interactions/{id}/{}/callback", token(id))
}

fn followup_path(id: u64) -> String {
    format!("/webhooks/{}/{}", FakeDiscord::APP_ID, token(id))
}

/// The calls to exactly `path` (a follow-up path is a prefix of its message edits' paths).
fn calls_to(fake: &FakeDiscord, method: &str, path: &str) -> Vec<Recorded> {
    fake.calls(method, path)
        .into_iter()
        .filter(|r| r.path.ends_with(path))
        .collect()
}

fn statuses(calls: &[Recorded]) -> Vec<u16> {
    calls.iter().map(|r| r.status).collect()
}

async fn dispatch(bot: &Bot, interaction: Value) {
    bot.fake
        .dispatch("INTERACTION_CREATE", interaction)
        .await
        .unwrap();
}

fn about(id: u64) -> Value {
    slash_command(id, "about", json!([]), ASKER)
}

/// /about's answer (the corpus figures), as opposed to an error card.
fn is_about_answer(body: &Value) -> bool {
    body["embeds"].to_string().contains("Articles")
}

#[tokio::test]
async fn a_slow_answer_is_deferred_then_delivered() {
    let (bot, gate) = start_gated("slow").await;
    dispatch(&bot, about(1)).await;
    // The core is still working (the gate is shut): only a deferral can answer in time.
    let first = bot.callback(1).await;
    assert_eq!(first["type"], 5, "deferred while the core works: {first}");
    gate.open();
    let answer = bot
        .fake
        .wait_request("POST", &followup_path(1), WAIT)
        .await
        .expect("the answer follows the deferral");
    assert!(is_about_answer(&answer.body), "{}", answer.body);
    let fake = bot.shutdown().await;
    assert_eq!(calls_to(&fake, "POST", &callback_path(1)).len(), 1);
    assert_eq!(gate.calls.load(Ordering::SeqCst), 1);
}

#[tokio::test]
async fn shutdown_finishes_the_answer_in_flight_refuses_new_commands_then_closes() {
    let (mut bot, gate) = start_gated("in-flight").await;
    dispatch(&bot, about(1)).await;
    assert_eq!(bot.callback(1).await["type"], 5, "the answer is in flight");
    bot.request_shutdown();
    // Shutdown has begun (a new command is refused) while the first answer is still computing.
    dispatch(&bot, about(2)).await;
    let refused = bot.callback(2).await;
    assert_eq!(refused["data"]["content"], RESTARTING, "{refused}");
    assert_eq!(
        refused["data"]["flags"].as_u64().unwrap() & EPHEMERAL,
        EPHEMERAL
    );
    // Nothing can end the wait but the answer (or the 10-s bound): no close frame meanwhile.
    // Without the wait, serenity closes the shards well within this window.
    let closed = bot.fake.wait_close_frame(CLOSE_WINDOW).await;
    assert!(
        closed.is_err(),
        "the shards closed with an answer in flight: {closed:?}"
    );
    gate.open();
    // `shutdown` returns once run() has returned Ok: by then the answer must have gone out.
    let fake = bot.shutdown().await;
    let answers = calls_to(&fake, "POST", &followup_path(1));
    assert_eq!(answers.len(), 1, "{answers:?}");
    assert!(is_about_answer(&answers[0].body), "{}", answers[0].body);
    assert_eq!(fake.wait_close_frame(WAIT).await.unwrap(), 1000);
    assert_eq!(gate.calls.load(Ordering::SeqCst), 1, "/about 2 never ran");
}

#[tokio::test]
async fn a_rate_limited_reply_waits_and_arrives_once() {
    let bot = start_bot(corpus_library(), Duration::from_secs(2)).await;
    bot.fake.rate_limit_next("POST", &callback_path(1), 0.3);
    dispatch(&bot, about(1)).await;
    let limited = bot
        .fake
        .wait_request("POST", &callback_path(1), WAIT)
        .await
        .unwrap();
    assert_eq!(limited.status, 429);
    let retried = bot
        .fake
        .wait_request("POST", &callback_path(1), WAIT)
        .await
        .expect("the reply is sent again");
    assert_eq!(retried.status, 204);
    assert!(is_about_answer(&retried.body["data"]), "{}", retried.body);
    assert_eq!(retried.body, limited.body, "the same reply, nothing lost");
    let fake = bot.shutdown().await;
    assert_eq!(
        statuses(&calls_to(&fake, "POST", &callback_path(1))),
        [429, 204]
    );
    assert!(calls_to(&fake, "POST", &followup_path(1)).is_empty());
}

#[tokio::test]
async fn a_rate_limited_daily_post_is_sent_again_at_once_with_its_nonce() {
    const NEWS: u64 = 1_100_000_000_000_000_777;
    let fake = FakeDiscord::start().await;
    let http = serenity::HttpBuilder::new("fake-token")
        .proxy(fake.url())
        .ratelimiter_disabled(true)
        .build();
    let lib = three_quotes();
    let store = Mutex::new(Store::open(&temp_database("daily-429")).unwrap());
    let at = |s: &str| s.parse::<Timestamp>().unwrap();
    let request = SetRequest {
        channel_id: NEWS,
        time: "09:00".into(),
        timezone: "UTC".into(),
        speaker: None,
        topic: None,
    };
    let guild = FakeDiscord::GUILD_ID;
    set(
        &lib,
        &mut *store.lock().unwrap(),
        guild,
        true,
        &request,
        at("2026-01-10T08:00:00Z"),
    )
    .unwrap();
    let channel = format!("/channels/{NEWS}/messages");
    fake.rate_limit_next("POST", &channel, 0.3);
    let pass = discord::daily::post_due(&http, &lib, &store, at("2026-01-10T09:00:30Z"));
    tokio::time::timeout(WAIT, pass)
        .await
        .expect("one pass ends");
    let posts = fake.calls("POST", &channel);
    assert_eq!(statuses(&posts), [429, 200]);
    assert_eq!(posts[0].body["nonce"], posts[1].body["nonce"]);
    assert_eq!(posts[1].body["enforce_nonce"], true);
    let last = store.lock().unwrap().last_post(guild).unwrap().unwrap();
    assert_eq!(last.state, PostState::Sent, "confirmed in the same pass");
}

#[tokio::test]
async fn server_errors_are_tried_three_times_then_the_user_is_told_or_it_is_logged() {
    let (bot, gate) = start_gated("5xx").await;
    let boom = || discord_error(0, "500: Internal Server Error");

    // The first response fails every time: nothing can reach the user, so three attempts are
    // made and logged, and nothing more (no error card sent as a fourth attempt).
    gate.open();
    for _ in 0..3 {
        bot.fake.fail_next("POST", &callback_path(1), 500, boom());
    }
    dispatch(&bot, about(1)).await;
    for _ in 0..3 {
        let attempt = bot.callback(1).await;
        assert!(is_about_answer(&attempt["data"]), "{attempt}");
    }

    // Deferred, then the answer fails every time: three attempts, then the asker is told.
    dispatch(&bot, about(2)).await;
    assert_eq!(bot.callback(2).await["type"], 5);
    for _ in 0..3 {
        bot.fake.fail_next("POST", &followup_path(2), 500, boom());
    }
    gate.open();
    for _ in 0..3 {
        let attempt = bot
            .fake
            .wait_request("POST", &followup_path(2), WAIT)
            .await
            .unwrap();
        assert!(is_about_answer(&attempt.body), "{}", attempt.body);
    }
    let notice = bot
        .fake
        .wait_request("POST", &followup_path(2), WAIT)
        .await
        .expect("the asker is told");
    assert_eq!(notice.body["content"], UNDELIVERED, "{}", notice.body);
    assert_eq!(
        notice.body["flags"].as_u64().unwrap() & EPHEMERAL,
        EPHEMERAL
    );

    let fake = bot.shutdown().await;
    assert_eq!(
        statuses(&calls_to(&fake, "POST", &callback_path(1))),
        [500, 500, 500]
    );
    assert!(calls_to(&fake, "POST", &followup_path(1)).is_empty());
    assert_eq!(
        statuses(&calls_to(&fake, "POST", &followup_path(2))),
        [500, 500, 500, 200]
    );
}

#[tokio::test]
async fn page_buttons_nobody_listens_to_say_they_expired() {
    let bot = start_bot(three_quotes(), Duration::from_secs(1)).await;
    // A button from a message the bot sent before a restart.
    dispatch(&bot, button(1, "qb-page:12345:next", 99, ASKER)).await;
    let old = bot.callback(1).await;
    assert_eq!(old["data"]["content"], discord::EXPIRED, "{old}");
    assert_eq!(
        old["data"]["flags"].as_u64().unwrap() & EPHEMERAL,
        EPHEMERAL
    );

    // A button whose pager timed out (its buttons were just removed).
    dispatch(&bot, jane_doe(2)).await;
    let body = bot.callback(2).await;
    let next = body["data"]["components"][0]["components"][1]["custom_id"]
        .as_str()
        .unwrap()
        .to_string();
    let removal = format!(
        "/webhooks/{}/{}/messages/@original",
        FakeDiscord::APP_ID,
        token(2)
    );
    bot.fake
        .wait_request("PATCH", &removal, WAIT)
        .await
        .expect("the buttons are removed at the timeout");
    dispatch(&bot, button(3, &next, 2, SOMEONE_ELSE)).await;
    let late = bot.callback(3).await;
    assert_eq!(late["data"]["content"], discord::EXPIRED, "{late}");
    bot.shutdown().await;
}

#[tokio::test]
async fn an_interaction_delivered_twice_is_answered_once() {
    let bot = start_bot(three_quotes(), Duration::from_secs(60)).await;
    dispatch(&bot, about(1)).await;
    dispatch(&bot, about(1)).await;
    assert_eq!(bot.command(2, "help", json!([]), ASKER).await["type"], 4);

    dispatch(&bot, jane_doe(3)).await;
    let body = bot.callback(3).await;
    let buttons = &body["data"]["components"][0]["components"];
    let prev = buttons[0]["custom_id"].as_str().unwrap().to_string();
    let next = buttons[1]["custom_id"].as_str().unwrap().to_string();
    dispatch(&bot, button(4, &next, 3, ASKER)).await;
    dispatch(&bot, button(4, &next, 3, ASKER)).await;
    let turned = bot.callback(4).await;
    assert_eq!(turned["type"], 7, "{turned}");
    dispatch(&bot, button(5, &prev, 3, ASKER)).await;
    let back = bot.callback(5).await;
    let title = back["data"]["embeds"][0]["title"].as_str().unwrap();
    assert!(
        title.starts_with("Quote 1 of "),
        "one press turned one page: {title}"
    );

    // The pager ends at shutdown, and every handler has finished when it returns.
    let fake = bot.shutdown().await;
    assert_eq!(calls_to(&fake, "POST", &callback_path(1)).len(), 1);
    assert_eq!(calls_to(&fake, "POST", &callback_path(4)).len(), 1);
}
