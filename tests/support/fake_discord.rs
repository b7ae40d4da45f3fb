//! A fake Discord on one 127.0.0.1 port: the REST API under `/api/v10` and the gateway
//! websocket at `/gateway-ws`, enough for the real serenity + poise bot to connect, register its
//! commands, receive interactions and answer them.
//!
//! The bot reaches it through serenity's REST proxy setting (`DISCORD_PROXY_URL` = [`url`]):
//! `GET /gateway` then points the shard at the websocket. Every REST call is recorded, answered
//! like Discord would (messages are stored so they can be fetched and edited), and unknown routes
//! get a 404 and are flagged, so a test can assert nothing unexpected was called. Every wait is
//! bounded and says what it saw when it gives up. Payload shapes live in `interactions.rs`; the
//! websocket side is in `gateway.rs`, the REST routes in `rest.rs`.
//!
//! [`url`]: FakeDiscord::url

mod gateway;
mod rest;

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use axum::Router;
use axum::routing::get;
use serde_json::{Value, json};
use tokio::sync::{mpsc, watch};
use tokio::task::JoinHandle;
use tokio::time::{Instant, timeout_at};

use super::interactions;

/// Long, like Discord's: a test never runs long enough for a missed ack to force a reconnect.
const HEARTBEAT_INTERVAL_MS: u64 = 41_250;
/// How long a closing connection may take to finish the close handshake.
const CLOSE_HANDSHAKE: Duration = Duration::from_secs(2);
/// How long [`FakeDiscord::dispatch`] waits for a connected, identified (or resumed) bot.
const DISPATCH_WAIT: Duration = Duration::from_secs(15);
/// First id handed out for messages and commands; snowflake-sized, so JSON carries strings.
const FIRST_ID: u64 = 1_300_000_000_000_000_000;

/// One REST call the bot made, and how the fake answered it.
#[derive(Clone, Debug)]
pub struct Recorded {
    pub method: String,
    /// The full path, e.g. `/api/v10/interactions/1/token-1/callback`.
    pub path: String,
    pub query: Option<String>,
    /// The JSON body (`payload_json` for multipart uploads), `Null` if empty, a string if not JSON.
    pub body: Value,
    /// File names of a multipart upload.
    pub files: Vec<String>,
    pub status: u16,
    /// The route is not one the fake knows (answered 404).
    pub unexpected: bool,
}

impl std::fmt::Display for Recorded {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {} -> {}", self.method, self.path, self.status)
    }
}

/// What the fake sends on a gateway connection, in order.
enum Outgoing {
    Text(String),
    Close(u16),
}

/// A one-off answer injected by [`FakeDiscord::fail_next`] or [`FakeDiscord::rate_limit_next`].
struct Failure {
    method: String,
    path_contains: String,
    status: u16,
    body: Value,
    headers: Vec<(&'static str, String)>,
}

#[derive(Default)]
struct Gateway {
    connections: usize,
    /// The newest connection: its id and the queue its task writes to the socket.
    current: Option<(usize, mpsc::UnboundedSender<Outgoing>)>,
    /// The current connection got READY or RESUMED: dispatches can go out.
    live: bool,
    seq: u64,
    sessions: u64,
    identifies: Vec<Value>,
    identifies_taken: usize,
    resumes: Vec<Value>,
    /// Every JSON frame the bot sent, heartbeats included.
    frames: Vec<Value>,
    /// Codes of close frames the bot started (not its replies to the fake's closes).
    close_codes: Vec<u16>,
    /// The query string of each connection (`v=10`; no `compress`, no `encoding`).
    connect_queries: Vec<Option<String>>,
}

#[derive(Default)]
struct State {
    requests: Vec<Recorded>,
    taken: Vec<bool>,
    failures: Vec<Failure>,
    next_id: u64,
    /// Every message the fake created, by id, as it now reads.
    messages: HashMap<u64, Value>,
    /// Interaction token -> id of the message that is its original response.
    originals: HashMap<String, u64>,
    /// Interaction token -> the INTERACTION_CREATE payload dispatched with it.
    interactions: HashMap<String, Value>,
    /// Tokens of the interactions that got their one initial response.
    acknowledged: HashSet<String>,
    /// Registered command lists: `None` global, `Some(guild)` per guild.
    commands: HashMap<Option<u64>, Value>,
    gateway: Gateway,
}

impl State {
    fn new_id(&mut self) -> u64 {
        self.next_id += 1;
        FIRST_ID + self.next_id
    }

    fn create_message(&mut self, channel_id: u64, body: &Value) -> Value {
        let id = self.new_id();
        let message = interactions::message(id, channel_id, body);
        self.messages.insert(id, message.clone());
        message
    }

    fn edit_message(&mut self, id: u64, body: &Value) -> Option<Value> {
        let message = self.messages.get_mut(&id)?;
        interactions::apply_edit(message, body);
        message["edited_timestamp"] = json!(interactions::TIMESTAMP);
        Some(message.clone())
    }

    /// The channel an interaction happened in, `CHANNEL_ID` if the fake never dispatched it.
    fn interaction_channel(&self, token: &str) -> u64 {
        self.interactions
            .get(token)
            .and_then(|i| i["channel_id"].as_str())
            .and_then(|c| c.parse().ok())
            .unwrap_or(FakeDiscord::CHANNEL_ID)
    }

    /// The message a component interaction was clicked on, stored if the fake did not know it.
    fn clicked_message(&mut self, token: &str) -> Option<u64> {
        let message = self.interactions.get(token)?.get("message")?.clone();
        let id = message["id"].as_str()?.parse().ok()?;
        self.messages.entry(id).or_insert(message);
        Some(id)
    }

    fn describe(&self) -> String {
        let g = &self.gateway;
        let requests: Vec<String> = self.requests.iter().map(ToString::to_string).collect();
        format!(
            "REST calls: [{}]; gateway: {} connection(s), {} identify, {} resume, live: {}, \
             close codes from bot: {:?}",
            requests.join(", "),
            g.connections,
            g.identifies.len(),
            g.resumes.len(),
            g.live,
            g.close_codes,
        )
    }
}

struct Shared {
    state: Mutex<State>,
    /// Bumped on every change, so waiters wake up and look again.
    changed: watch::Sender<u64>,
    ws_url: String,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, State> {
        self.state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn bump(&self) {
        self.changed.send_modify(|version| *version += 1);
    }
}

/// The fake; dropping it stops the server.
pub struct FakeDiscord {
    shared: Arc<Shared>,
    url: String,
    server: JoinHandle<()>,
}

impl Drop for FakeDiscord {
    fn drop(&mut self) {
        self.server.abort();
    }
}

impl FakeDiscord {
    /// The application, as in READY and in every interaction.
    pub const APP_ID: u64 = 1_100_000_000_000_000_001;
    /// The bot's user id (different from `APP_ID`, so mixing them up shows).
    pub const BOT_ID: u64 = 1_100_000_000_000_000_002;
    /// The one guild the bot is in.
    pub const GUILD_ID: u64 = 1_100_000_000_000_000_003;
    /// The text channel interactions come from.
    pub const CHANNEL_ID: u64 = 1_100_000_000_000_000_004;
    /// The application's owner (poise's `owners`).
    pub const OWNER_ID: u64 = 1_100_000_000_000_000_005;

    /// Binds 127.0.0.1 on a free port and serves REST and the gateway there.
    pub async fn start() -> FakeDiscord {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind 127.0.0.1:0");
        let port = listener.local_addr().expect("local addr").port();
        let shared = Arc::new(Shared {
            state: Mutex::new(State::default()),
            changed: watch::channel(0).0,
            ws_url: format!("ws://127.0.0.1:{port}/gateway-ws"),
        });
        let app = Router::new()
            .route("/gateway-ws", get(gateway::accept_gateway))
            .fallback(rest::answer_rest)
            .with_state(Arc::clone(&shared));
        let server = tokio::spawn(async move {
            axum::serve(listener, app)
                .await
                .expect("fake Discord server");
        });
        FakeDiscord {
            shared,
            url: format!("http://127.0.0.1:{port}"),
            server,
        }
    }

    /// `http://127.0.0.1:PORT`: the bot's `DISCORD_PROXY_URL`.
    pub fn url(&self) -> String {
        self.url.clone()
    }

    /// Waits until `check` finds what it looks for, re-checking after every change.
    async fn wait_for<T>(
        &self,
        limit: Duration,
        what: &str,
        mut check: impl FnMut(&mut State) -> Option<T>,
    ) -> Result<T, String> {
        let deadline = Instant::now() + limit;
        let mut changes = self.shared.changed.subscribe();
        loop {
            changes.borrow_and_update();
            if let Some(found) = check(&mut self.shared.lock()) {
                return Ok(found);
            }
            if !matches!(timeout_at(deadline, changes.changed()).await, Ok(Ok(()))) {
                return Err(format!(
                    "gave up after {limit:?} waiting for {what}; {}",
                    self.shared.lock().describe()
                ));
            }
        }
    }

    /// The next IDENTIFY payload (`d`) not returned yet; READY has been sent for it.
    pub async fn wait_identified(&self, limit: Duration) -> Result<Value, String> {
        self.wait_for(limit, "an IDENTIFY", |state| {
            let g = &mut state.gateway;
            let identify = g.identifies.get(g.identifies_taken)?.clone();
            g.identifies_taken += 1;
            Some(identify)
        })
        .await
    }

    /// Every RESUME payload (`d`) so far; RESUMED was sent for each.
    pub fn resumes(&self) -> Vec<Value> {
        self.shared.lock().gateway.resumes.clone()
    }

    /// Every IDENTIFY payload (`d`) so far.
    pub fn identifies(&self) -> Vec<Value> {
        self.shared.lock().gateway.identifies.clone()
    }

    /// Every JSON frame the bot sent on any connection (heartbeats, presence updates, ...).
    pub fn gateway_frames(&self) -> Vec<Value> {
        self.shared.lock().gateway.frames.clone()
    }

    /// The query string of each gateway connection, in order.
    pub fn connect_queries(&self) -> Vec<Option<String>> {
        self.shared.lock().gateway.connect_queries.clone()
    }

    /// Sends dispatch `event` with `data` and the next sequence number, once a bot is connected
    /// and identified or resumed (waiting up to 15 s for that). Remembers interactions, so the
    /// answers to them land in the right channel and message.
    pub async fn dispatch(&self, event: &str, data: Value) -> Result<(), String> {
        if event == "INTERACTION_CREATE"
            && let Some(token) = data["token"].as_str()
        {
            let token = token.to_string();
            self.shared.lock().interactions.insert(token, data.clone());
        }
        let mut frame = json!({"op": 0, "s": 0, "t": event, "d": data});
        self.wait_for(
            DISPATCH_WAIT,
            &format!("a live gateway session to send {event}"),
            |state| {
                let g = &mut state.gateway;
                if !g.live {
                    return None;
                }
                let (_, queue) = g.current.as_ref()?;
                frame["s"] = json!(g.seq + 1);
                queue.send(Outgoing::Text(frame.to_string())).ok()?;
                g.seq += 1;
                Some(())
            },
        )
        .await
    }

    /// Takes the first recorded REST call not taken yet whose method is `method` and whose path
    /// contains `path_contains`.
    pub async fn wait_request(
        &self,
        method: &str,
        path_contains: &str,
        limit: Duration,
    ) -> Result<Recorded, String> {
        self.wait_for(limit, &format!("{method} *{path_contains}*"), |state| {
            let index = (0..state.requests.len()).find(|&i| {
                let request = &state.requests[i];
                !state.taken[i] && request.method == method && request.path.contains(path_contains)
            })?;
            state.taken[index] = true;
            Some(state.requests[index].clone())
        })
        .await
    }

    /// Every REST call so far, in order.
    pub fn requests(&self) -> Vec<Recorded> {
        self.shared.lock().requests.clone()
    }

    /// The REST calls to routes the fake does not know.
    pub fn unexpected_requests(&self) -> Vec<Recorded> {
        self.requests()
            .into_iter()
            .filter(|r| r.unexpected)
            .collect()
    }

    /// A message the fake stored (created by the bot, or clicked on), as it now reads.
    pub fn message(&self, id: u64) -> Option<Value> {
        self.shared.lock().messages.get(&id).cloned()
    }

    /// The last command list registered globally (`None`) or in a guild.
    pub fn registered_commands(&self, guild_id: Option<u64>) -> Option<Value> {
        self.shared.lock().commands.get(&guild_id).cloned()
    }

    /// Closes the current gateway connection with `code`, as Discord does before a reconnect;
    /// the fake accepts the next connection (RESUME or IDENTIFY) as usual.
    pub async fn close_gateway(&self, code: u16) -> Result<(), String> {
        let mut state = self.shared.lock();
        let g = &mut state.gateway;
        let Some((_, queue)) = g.current.take() else {
            return Err(format!(
                "no gateway connection to close; {}",
                state.describe()
            ));
        };
        g.live = false;
        queue
            .send(Outgoing::Close(code))
            .map_err(|_| "the gateway connection already ended".to_string())
    }

    /// Waits until the bot has opened `n` gateway connections in all.
    pub async fn wait_connections(&self, n: usize, limit: Duration) -> Result<(), String> {
        self.wait_for(limit, &format!("{n} gateway connection(s)"), |state| {
            (state.gateway.connections >= n).then_some(())
        })
        .await
    }

    /// Answers the next `method` call whose path contains `path_contains` with `status` and
    /// `body` instead of the normal answer (once), e.g. a 429 or a 500.
    /// Failures queue up: calling this three times fails the next three matching calls.
    pub fn fail_next(&self, method: &str, path_contains: &str, status: u16, body: Value) {
        self.shared.lock().failures.push(Failure {
            method: method.to_string(),
            path_contains: path_contains.to_string(),
            status,
            body,
            headers: Vec::new(),
        });
    }

    /// Answers the next matching call with 429 as Discord does for a route limit: the JSON body
    /// `{"message", "retry_after", "global": false}` and the `Retry-After` and `X-RateLimit-*`
    /// headers (`Retry-After` in whole seconds, rounded up, as Discord sends it).
    pub fn rate_limit_next(&self, method: &str, path_contains: &str, retry_after: f64) {
        let body = json!({
            "message": "You are being rate limited.",
            "retry_after": retry_after,
            "global": false,
        });
        let headers = vec![
            ("retry-after", (retry_after.ceil() as u64).to_string()),
            ("x-ratelimit-limit", "5".to_string()),
            ("x-ratelimit-remaining", "0".to_string()),
            ("x-ratelimit-reset-after", format!("{retry_after:.3}")),
            ("x-ratelimit-bucket", "fake-bucket".to_string()),
            ("x-ratelimit-scope", "user".to_string()),
        ];
        self.shared.lock().failures.push(Failure {
            method: method.to_string(),
            path_contains: path_contains.to_string(),
            status: 429,
            body,
            headers,
        });
    }

    /// The recorded calls with `method` whose path contains `path_contains`, taken or not.
    pub fn calls(&self, method: &str, path_contains: &str) -> Vec<Recorded> {
        self.requests()
            .into_iter()
            .filter(|r| r.method == method && r.path.contains(path_contains))
            .collect()
    }

    /// How many close frames the bot sent on its own (a shutdown), not counting its replies to
    /// the fake's closes.
    pub fn close_frames_received(&self) -> usize {
        self.shared.lock().gateway.close_codes.len()
    }

    /// Waits for the bot to close its gateway connection; returns the close code it sent.
    pub async fn wait_close_frame(&self, limit: Duration) -> Result<u16, String> {
        self.wait_for(limit, "a close frame from the bot", |state| {
            state.gateway.close_codes.first().copied()
        })
        .await
    }
}
