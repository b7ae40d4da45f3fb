//! The real bot against the fake Discord: registration, every command, autocomplete, page
//! buttons, private errors, mention safety, embed limits, reconnects and shutdown. Discord-side
//! faults (rate limits, 5xx, slow answers, replays, expired buttons, answers in flight at
//! shutdown) are in `faults`; `/reload` is in `reload`.

mod faults;
mod reload;

use super::support::fake_discord::FakeDiscord;
use super::support::interactions::{autocomplete, button, focused, opt_str, slash_command, token};
use quotebot::config::{Config, Token};
use quotebot::corpus::parse_article;
use quotebot::discord::{self, Settings};
use quotebot::library::{Library, load_library};
use quotebot::store::Store;
use serde_json::{Value, json};
use std::path::Path;
use std::sync::{Arc, OnceLock};
use std::time::Duration;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

pub const WAIT: Duration = Duration::from_secs(20);
pub const ASKER: u64 = 4242;
pub const SOMEONE_ELSE: u64 = 777;

pub fn corpus_library() -> Arc<Library> {
    static LIB: OnceLock<Arc<Library>> = OnceLock::new();
    LIB.get_or_init(|| {
        Arc::new(load_library(&Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")).unwrap())
    })
    .clone()
}

/// A running bot connected to its own fake Discord.
pub struct Bot {
    pub fake: FakeDiscord,
    stop: Option<oneshot::Sender<()>>,
    task: JoinHandle<anyhow::Result<()>>,
}

pub async fn start_bot(lib: Arc<Library>, page_timeout: Duration) -> Bot {
    let settings = Settings {
        page_timeout,
        ..Settings::default()
    };
    start_bot_with(lib, settings, &temp_database("bot")).await
}

/// A fresh database path for one test.
pub fn temp_database(name: &str) -> std::path::PathBuf {
    static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("quotebot-test-{}-{name}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir.join("quotebot.sqlite3")
}

pub async fn start_bot_with(lib: Arc<Library>, settings: Settings, database: &Path) -> Bot {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let shared = Arc::new(quotebot::library::SharedLibrary::new(lib));
    let reloader = Arc::new(quotebot::reload::Reloader::new(corpus, shared));
    start_bot_serving(reloader, settings, database).await
}

/// A bot answering from `reloader`'s library, which `/reload` rebuilds from its folder.
pub async fn start_bot_serving(
    reloader: Arc<quotebot::reload::Reloader>,
    settings: Settings,
    database: &Path,
) -> Bot {
    let fake = FakeDiscord::start().await;
    let config = Config {
        token: None,
        dev_guild: Some(FakeDiscord::GUILD_ID),
        proxy_url: Some(fake.url()),
        shards: None,
        database_path: database.to_path_buf(),
        corpus_watch: None,
        cache_dir: None,
    };
    let store = Store::open(database).unwrap();
    let token = test_token();
    let (stop, stopped) = oneshot::channel::<()>();
    let task = tokio::spawn(async move {
        discord::run(&config, &token, reloader, store, settings, async {
            let _ = stopped.await;
        })
        .await
    });
    fake.wait_identified(WAIT)
        .await
        .expect("the bot identifies");
    fake.wait_request("PUT", "/commands", WAIT)
        .await
        .expect("commands registered");
    Bot {
        fake,
        stop: Some(stop),
        task,
    }
}

fn test_token() -> Token {
    let config =
        Config::from_lookup(|k| (k == "DISCORD_TOKEN").then(|| "fake-token".to_string())).unwrap();
    config.token.unwrap()
}

impl Bot {
    /// Runs `/name` and returns the callback body.
    pub async fn command(&self, id: u64, name: &str, options: Value, user: u64) -> Value {
        self.fake
            .dispatch("INTERACTION_CREATE", slash_command(id, name, options, user))
            .await
            .unwrap();
        self.callback(id).await
    }

    pub async fn callback(&self, id: u64) -> Value {
        let path = format!("/interactions/{id}/{}/callback", token(id));
        self.fake
            .wait_request("POST", &path, WAIT)
            .await
            .unwrap_or_else(|e| panic!("no answer to {id}: {e}"))
            .body
    }

    /// Asks the bot to shut down (as SIGTERM does) without waiting for it.
    pub fn request_shutdown(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }

    /// Shuts the bot down and waits until `run` has returned `Ok`.
    pub async fn shutdown(mut self) -> FakeDiscord {
        self.request_shutdown();
        tokio::time::timeout(WAIT, &mut self.task)
            .await
            .expect("the bot stops in time")
            .expect("bot task")
            .expect("the bot exits cleanly");
        self.fake
    }
}

fn field<'a>(embed: &'a Value, name: &str) -> &'a str {
    embed["fields"]
        .as_array()
        .and_then(|fs| fs.iter().find(|f| f["name"] == name))
        .and_then(|f| f["value"].as_str())
        .unwrap_or_else(|| panic!("no field {name} in {embed}"))
}

pub const EPHEMERAL: u64 = 64;

#[tokio::test]
async fn registration_and_every_command() {
    let bot = start_bot(corpus_library(), Duration::from_secs(2)).await;

    let registered = bot
        .fake
        .registered_commands(Some(FakeDiscord::GUILD_ID))
        .expect("guild registration");
    let names: Vec<&str> = registered
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "quote", "claim", "source", "random", "speakers", "articles", "about", "help", "daily",
            "reload"
        ]
    );
    let reload = &registered[9];
    assert_eq!(
        reload["default_member_permissions"], "8",
        "administrators only by default: {reload}"
    );
    let daily = &registered[8];
    assert_eq!(
        daily["default_member_permissions"], "32",
        "Manage Server by default: {daily}"
    );
    for c in registered.as_array().unwrap() {
        assert!(!c["description"].as_str().unwrap().is_empty(), "{c}");
        for o in c["options"].as_array().into_iter().flatten() {
            assert!(!o["description"].as_str().unwrap().is_empty(), "{o}");
        }
    }
    let claim = registered
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "claim")
        .unwrap();
    let sort = claim["options"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["name"] == "sort")
        .unwrap();
    assert_eq!(sort["choices"].as_array().unwrap().len(), 3, "{sort}");

    // /quote: the embed carries the words, speaker and role, date, source.
    let body = bot
        .command(1, "quote", json!([opt_str("topic", "sovereignty")]), ASKER)
        .await;
    assert_eq!(body["type"], 4);
    let embed = &body["data"]["embeds"][0];
    assert!(
        embed["description"]
            .as_str()
            .unwrap()
            .contains("respect cyber sovereignty"),
        "{embed}"
    );
    assert_eq!(field(embed, "Speaker"), "Xi Jinping, President");
    assert_eq!(field(embed, "When"), "2014-11-19 (when it was said)");
    assert!(
        field(embed, "Source").contains("China Daily, 2019-10"),
        "{embed}"
    );
    assert_eq!(body["data"]["allowed_mentions"]["parse"], json!([]));

    let others: [(&str, Value, &str); 7] = [
        (
            "claim",
            json!([opt_str("topic", "\"internet users\"")]),
            "3 billion",
        ),
        (
            "source",
            json!([opt_str(
                "text",
                "China-US relationship sees benefits in cooperation"
            )]),
            "People's Daily Online",
        ),
        (
            "random",
            json!([opt_str("speaker", "Cao Shumin")]),
            "Cao Shumin",
        ),
        ("speakers", json!([]), "Xi Jinping"),
        ("articles", json!([]), "Let us join hands"),
        ("about", json!([]), "Articles"),
        ("help", json!([]), "/quote"),
    ];
    for (n, (name, options, expect)) in others.into_iter().enumerate() {
        let body = bot.command(10 + n as u64, name, options, ASKER).await;
        assert_eq!(body["type"], 4, "/{name}: {body}");
        assert!(
            body["data"]["embeds"][0].to_string().contains(expect),
            "/{name}: {body}"
        );
        assert_eq!(
            body["data"]["allowed_mentions"]["parse"],
            json!([]),
            "/{name}"
        );
    }

    // A user error is a private message that says what to do.
    let body = bot
        .command(
            30,
            "quote",
            json!([opt_str("from", "someday")]),
            SOMEONE_ELSE,
        )
        .await;
    assert_eq!(
        body["data"]["flags"].as_u64().unwrap() & EPHEMERAL,
        EPHEMERAL,
        "{body}"
    );
    assert!(
        body["data"]["embeds"][0]["description"]
            .as_str()
            .unwrap()
            .contains("from: \\`someday\\` is not a date"),
        "{body}"
    );

    // Autocomplete suggests speakers from the index.
    bot.fake
        .dispatch(
            "INTERACTION_CREATE",
            autocomplete(40, "quote", json!([focused("speaker", "xi")]), ASKER),
        )
        .await
        .unwrap();
    let body = bot.callback(40).await;
    assert_eq!(body["type"], 8, "{body}");
    let choices = body["data"]["choices"].as_array().unwrap();
    assert!(
        choices.len() <= 25 && choices.iter().any(|c| c["name"] == "Xi Jinping"),
        "{body}"
    );

    let fake = bot.shutdown().await;
    assert!(
        fake.unexpected_requests().is_empty(),
        "{:?}",
        fake.unexpected_requests()
    );
}

#[tokio::test]
async fn page_buttons_work_for_the_asker_only_and_then_expire() {
    let bot = start_bot(corpus_library(), Duration::from_secs(3)).await;
    let body = bot
        .command(1, "quote", json!([opt_str("speaker", "Xi Jinping")]), ASKER)
        .await;
    assert!(
        body["data"]["embeds"][0]["title"]
            .as_str()
            .unwrap()
            .starts_with("Quote 1 of ")
    );
    let buttons = &body["data"]["components"][0]["components"];
    let next = buttons[1]["custom_id"].as_str().unwrap().to_string();
    assert_eq!(
        buttons[0]["disabled"], true,
        "no previous page on page 1: {buttons}"
    );

    bot.fake
        .dispatch("INTERACTION_CREATE", button(2, &next, 1, SOMEONE_ELSE))
        .await
        .unwrap();
    let refused = bot.callback(2).await;
    assert_eq!(refused["type"], 4);
    assert_eq!(
        refused["data"]["flags"].as_u64().unwrap() & EPHEMERAL,
        EPHEMERAL
    );
    assert!(
        refused["data"]["content"]
            .as_str()
            .unwrap()
            .starts_with("Only the person who asked")
    );

    bot.fake
        .dispatch("INTERACTION_CREATE", button(3, &next, 1, ASKER))
        .await
        .unwrap();
    let turned = bot.callback(3).await;
    assert_eq!(
        turned["type"], 7,
        "the message is updated in place: {turned}"
    );
    assert!(
        turned["data"]["embeds"][0]["title"]
            .as_str()
            .unwrap()
            .starts_with("Quote 2 of ")
    );

    // After the timeout the buttons are taken away.
    let edit = bot
        .fake
        .wait_request(
            "PATCH",
            &format!(
                "/webhooks/{}/{}/messages/@original",
                FakeDiscord::APP_ID,
                token(1)
            ),
            WAIT,
        )
        .await
        .unwrap();
    assert_eq!(edit.body["components"], json!([]), "{}", edit.body);
    bot.shutdown().await;
}

fn library_of(text: &str) -> Arc<Library> {
    let article = parse_article("hostile.txt", text).unwrap();
    Arc::new(Library::build(vec![article], Vec::new()).unwrap())
}

#[tokio::test]
async fn hostile_quotes_ping_no_one_and_long_ones_fit_discord() {
    let long = "word ".repeat(1500);
    let text = format!(
        "Title of it\n\n“@everyone look at <@1234> and **this** right now, friends,” said Jane Doe.\n\n“{long}the end,” said Jane Doe.\n"
    );
    let bot = start_bot(library_of(&text), Duration::from_secs(2)).await;
    let body = bot
        .command(1, "quote", json!([opt_str("topic", "everyone")]), ASKER)
        .await;
    assert_eq!(body["data"]["allowed_mentions"]["parse"], json!([]));
    let description = body["data"]["embeds"][0]["description"].as_str().unwrap();
    assert!(
        !description.contains("@everyone") && description.contains("@\u{200b}everyone"),
        "{description}"
    );
    assert!(description.contains("\\*\\*this\\*\\*"), "{description}");

    let body = bot
        .command(
            2,
            "quote",
            json!([opt_str("topic", "\"the end\"")]),
            SOMEONE_ELSE,
        )
        .await;
    let embed = &body["data"]["embeds"][0];
    let chars = |v: &Value| v.as_str().map_or(0, |s| s.chars().count());
    assert!(
        chars(&embed["description"]) <= 4096,
        "{}",
        chars(&embed["description"])
    );
    let total = chars(&embed["title"])
        + chars(&embed["description"])
        + chars(&embed["footer"]["text"])
        + embed["fields"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| chars(&f["name"]) + chars(&f["value"]))
            .sum::<usize>();
    assert!(total <= 6000, "{total}");
    bot.shutdown().await;
}

#[tokio::test]
async fn reconnects_after_the_gateway_drops_and_closes_cleanly_on_shutdown() {
    let bot = start_bot(corpus_library(), Duration::from_secs(2)).await;
    bot.fake.close_gateway(4000).await.unwrap();
    bot.fake
        .wait_connections(2, WAIT)
        .await
        .expect("the bot reconnects");
    let body = bot.command(1, "about", json!([]), ASKER).await;
    assert_eq!(body["type"], 4);
    let fake = bot.shutdown().await;
    assert_eq!(fake.wait_close_frame(WAIT).await.unwrap(), 1000);
}

/// The shipped binary, as an operator runs it: global registration without DEV_GUILD_ID, an
/// answer, then SIGTERM closes the gateway and exits 0, and the token never reaches the logs.
#[tokio::test]
async fn the_binary_registers_globally_answers_and_stops_on_sigterm() {
    let fake = FakeDiscord::start().await;
    let secret = "fake-token-S3CRET";
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_quotebot"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("DISCORD_TOKEN", secret)
        .env("DISCORD_PROXY_URL", fake.url())
        .env_remove("DEV_GUILD_ID")
        .env_remove("DISCORD_SHARDS")
        .env("CORPUS_DIR", "corpus")
        .env("DATABASE_PATH", temp_database("binary"))
        .env("RUST_LOG", "debug")
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Drain the logs as they come, or a full pipe would stall the bot.
    let mut stderr = child.stderr.take().unwrap();
    let logs = std::thread::spawn(move || {
        let mut all = String::new();
        std::io::Read::read_to_string(&mut stderr, &mut all).map(|_| all)
    });
    fake.wait_identified(WAIT)
        .await
        .expect("the binary identifies");
    let registration = fake
        .wait_request(
            "PUT",
            &format!("/applications/{}/commands", FakeDiscord::APP_ID),
            WAIT,
        )
        .await
        .expect("global registration");
    assert!(
        !registration.path.contains("/guilds/"),
        "{}",
        registration.path
    );
    fake.dispatch(
        "INTERACTION_CREATE",
        slash_command(1, "about", json!([]), ASKER),
    )
    .await
    .unwrap();
    let answer = fake
        .wait_request(
            "POST",
            &format!("/interactions/1/{}/callback", token(1)),
            WAIT,
        )
        .await
        .unwrap();
    assert_eq!(answer.body["type"], 4);

    let killed = std::process::Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    assert_eq!(fake.wait_close_frame(WAIT).await.unwrap(), 1000);
    let deadline = std::time::Instant::now() + WAIT;
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the binary did not exit after SIGTERM"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    let logs = logs.join().unwrap().unwrap();
    assert!(status.success(), "{logs}");
    assert!(!logs.contains("S3CRET"), "the token was logged");
    assert!(logs.contains("shutting down"), "{logs}");
}

#[tokio::test]
async fn a_member_flooding_an_expensive_command_is_asked_to_wait() {
    let bot = start_bot(corpus_library(), Duration::from_secs(2)).await;
    let text = json!([opt_str(
        "text",
        "China-US relationship sees benefits in cooperation"
    )]);
    let first = bot.command(1, "source", text.clone(), ASKER).await;
    assert_eq!(first["type"], 4);
    assert!(
        first["data"]["flags"].is_null() || first["data"]["flags"] == 0,
        "{first}"
    );
    let second = bot.command(2, "source", text.clone(), ASKER).await;
    assert_eq!(
        second["data"]["flags"].as_u64().unwrap() & EPHEMERAL,
        EPHEMERAL,
        "{second}"
    );
    assert!(
        second
            .to_string()
            .contains("Easy there: you can use /source again in"),
        "{second}"
    );
    // Someone else is not held back.
    let other = bot.command(3, "source", text, SOMEONE_ELSE).await;
    assert!(
        other.to_string().contains("People's Daily Online"),
        "{other}"
    );
    bot.shutdown().await;
}
