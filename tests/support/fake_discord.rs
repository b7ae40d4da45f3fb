//! A fake Discord on one 127.0.0.1 port: the REST API under `/api/v10` and the gateway
//! websocket at `/gateway-ws`, enough for the real serenity + poise bot to connect, register its
//! commands, receive interactions and answer them.
//!
//! The bot reaches it through serenity's REST proxy setting (`DISCORD_PROXY_URL` = [`url`]):
//! `GET /gateway` then points the shard at the websocket. Every REST call is recorded, answered
//! like Discord would (messages are stored so they can be fetched and edited), and unknown routes
//! get a 404 and are flagged, so a test can assert nothing unexpected was called. Every wait is
//! bounded and says what it saw when it gives up. Payload shapes live in `interactions.rs`.
//!
//! [`url`]: FakeDiscord::url

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use axum::Router;
use axum::body::Bytes;
use axum::extract::ws::{CloseFrame, Message as WsMessage, WebSocket, WebSocketUpgrade};
use axum::extract::{RawQuery, State as AxumState};
use axum::http::{HeaderMap, Method, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde_json::{Value, json};
use tokio::sync::{mpsc, watch};
use tokio::task::JoinHandle;
use tokio::time::{Instant, timeout, timeout_at};

use super::interactions::{self, discord_error};

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

/// A one-off answer injected by [`FakeDiscord::fail_next`].
struct Failure {
    method: String,
    path_contains: String,
    status: u16,
    body: Value,
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
            .route("/gateway-ws", get(accept_gateway))
            .fallback(answer_rest)
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
    pub fn fail_next(&self, method: &str, path_contains: &str, status: u16, body: Value) {
        self.shared.lock().failures.push(Failure {
            method: method.to_string(),
            path_contains: path_contains.to_string(),
            status,
            body,
        });
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

async fn accept_gateway(
    upgrade: WebSocketUpgrade,
    AxumState(shared): AxumState<Arc<Shared>>,
    RawQuery(query): RawQuery,
) -> Response {
    upgrade.on_upgrade(move |socket| run_connection(shared, socket, query))
}

/// One gateway connection: HELLO at once, then the bot's frames and the fake's queue, until
/// either side closes.
async fn run_connection(shared: Arc<Shared>, mut socket: WebSocket, query: Option<String>) {
    let (queue, mut outgoing) = mpsc::unbounded_channel();
    let id = {
        let mut state = shared.lock();
        let g = &mut state.gateway;
        g.connections += 1;
        g.current = Some((g.connections, queue.clone()));
        g.live = false;
        g.connect_queries.push(query);
        g.connections
    };
    shared.bump();
    let hello = json!({"op": 10, "d": {"heartbeat_interval": HEARTBEAT_INTERVAL_MS}});
    if socket
        .send(WsMessage::Text(hello.to_string().into()))
        .await
        .is_ok()
    {
        loop {
            tokio::select! {
                next = outgoing.recv() => match next {
                    Some(Outgoing::Text(text)) => {
                        if socket.send(WsMessage::Text(text.into())).await.is_err() {
                            break;
                        }
                    }
                    Some(Outgoing::Close(code)) => {
                        let frame = CloseFrame { code, reason: "fake Discord closed".into() };
                        let _ = socket.send(WsMessage::Close(Some(frame))).await;
                        finish_close(&mut socket).await;
                        break;
                    }
                    None => break,
                },
                incoming = socket.recv() => match incoming {
                    Some(Ok(WsMessage::Text(text))) => answer_frame(&shared, &queue, text.as_str()),
                    Some(Ok(WsMessage::Close(frame))) => {
                        // 1005 is what a close frame without a code means.
                        let code = frame.map_or(1005, |frame| frame.code);
                        shared.lock().gateway.close_codes.push(code);
                        shared.bump();
                        // Reading on sends the reply the bot waits for.
                        finish_close(&mut socket).await;
                        break;
                    }
                    Some(Ok(WsMessage::Binary(bytes))) => {
                        shared.lock().gateway.frames.push(json!({"binary_len": bytes.len()}));
                    }
                    Some(Ok(_)) => {}
                    Some(Err(_)) | None => break,
                },
            }
        }
    }
    let mut state = shared.lock();
    let g = &mut state.gateway;
    if g.current
        .as_ref()
        .is_some_and(|(current, _)| *current == id)
    {
        g.current = None;
        g.live = false;
    }
    drop(state);
    shared.bump();
}

/// Reads until the close handshake is done (tungstenite sends queued close replies on read).
async fn finish_close(socket: &mut WebSocket) {
    let _ = timeout(CLOSE_HANDSHAKE, async {
        while let Some(Ok(_)) = socket.recv().await {}
    })
    .await;
}

/// Answers one frame from the bot: heartbeat -> ack, IDENTIFY -> READY, RESUME -> RESUMED.
fn answer_frame(shared: &Shared, queue: &mpsc::UnboundedSender<Outgoing>, text: &str) {
    let frame: Value = serde_json::from_str(text).unwrap_or_else(|_| json!({"unparsed": text}));
    let mut state = shared.lock();
    let g = &mut state.gateway;
    g.frames.push(frame.clone());
    let send = |value: Value| drop(queue.send(Outgoing::Text(value.to_string())));
    match frame["op"].as_u64() {
        Some(1) => send(json!({"op": 11})),
        Some(2) => {
            g.sessions += 1;
            g.seq = 1;
            let session_id = format!("fake-session-{}", g.sessions);
            let ready = interactions::ready(&session_id, &shared.ws_url, frame["d"].get("shard"));
            send(json!({"op": 0, "s": g.seq, "t": "READY", "d": ready}));
            g.identifies.push(frame["d"].clone());
            g.live = true;
        }
        Some(6) => {
            g.seq += 1;
            send(json!({"op": 0, "s": g.seq, "t": "RESUMED", "d": {}}));
            g.resumes.push(frame["d"].clone());
            g.live = true;
        }
        _ => {}
    }
    drop(state);
    shared.bump();
}

/// Every REST call: recorded, then answered by an injected failure or by [`route`].
async fn answer_rest(
    AxumState(shared): AxumState<Arc<Shared>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let (body, files) = parse_body(&headers, &body);
    let method = method.as_str().to_string();
    let path = uri.path().to_string();
    let mut state = shared.lock();
    let failure = state
        .failures
        .iter()
        .position(|f| f.method == method && path.contains(&f.path_contains));
    let (status, answer, unexpected) = match failure {
        Some(index) => {
            let failure = state.failures.remove(index);
            (failure.status, Some(failure.body), false)
        }
        None => route(&mut state, &shared.ws_url, &method, &path, &body),
    };
    state.requests.push(Recorded {
        method,
        path,
        query: uri.query().map(str::to_string),
        body,
        files,
        status,
        unexpected,
    });
    state.taken.push(false);
    drop(state);
    shared.bump();
    let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    match answer {
        Some(json) => (
            status,
            [(header::CONTENT_TYPE, "application/json")],
            json.to_string(),
        )
            .into_response(),
        None => status.into_response(),
    }
}

/// The JSON body, or for a multipart upload its `payload_json` part and the file names.
fn parse_body(headers: &HeaderMap, body: &Bytes) -> (Value, Vec<String>) {
    if body.is_empty() {
        return (Value::Null, Vec::new());
    }
    let text = String::from_utf8_lossy(body);
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok());
    let Some(boundary) = content_type.and_then(|ct| ct.split("boundary=").nth(1)) else {
        return (
            serde_json::from_str(&text).unwrap_or(Value::String(text.into())),
            Vec::new(),
        );
    };
    let mut json = Value::Null;
    let mut files = Vec::new();
    for part in text.split(&format!("--{boundary}")) {
        let Some((head, content)) = part.split_once("\r\n\r\n") else {
            continue;
        };
        if let Some(name) = head
            .split("filename=\"")
            .nth(1)
            .and_then(|f| f.split('"').next())
        {
            files.push(name.to_string());
        } else if head.contains("name=\"payload_json\"") {
            json = serde_json::from_str(content.trim_end()).unwrap_or(Value::Null);
        }
    }
    (json, files)
}

/// The normal answer to a REST call: (status, JSON body, route unknown).
fn route(
    state: &mut State,
    ws_url: &str,
    method: &str,
    path: &str,
    body: &Value,
) -> (u16, Option<Value>, bool) {
    let ok = |value: Value| (200, Some(value), false);
    let no_content = (204, None, false);
    let unknown_message = (404, Some(discord_error(10008, "Unknown Message")), false);
    let segments: Vec<&str> = match path.strip_prefix("/api/v10/") {
        Some(rest) => rest.split('/').collect(),
        None => Vec::new(),
    };
    let guild = |segments: &[&str]| match segments {
        [_, _, "guilds", guild, ..] => guild.parse().ok(),
        _ => None,
    };
    match (method, segments.as_slice()) {
        ("GET", ["gateway"]) => ok(json!({"url": ws_url})),
        ("GET", ["gateway", "bot"]) => ok(json!({
            "url": ws_url,
            "shards": 1,
            "session_start_limit":
                {"total": 1000, "remaining": 999, "reset_after": 0, "max_concurrency": 1},
        })),
        ("GET", ["oauth2", "applications", "@me"]) => ok(interactions::application_info()),
        ("GET", ["users", "@me"]) => ok(interactions::bot_user()),
        ("PUT", ["applications", _, "commands"] | ["applications", _, "guilds", _, "commands"]) => {
            let guild_id = guild(&segments);
            let posted = body.as_array().cloned().unwrap_or_default();
            let commands: Vec<Value> = posted
                .iter()
                .map(|command| {
                    let id = state.new_id();
                    interactions::registered_command(id, guild_id, command)
                })
                .collect();
            state.commands.insert(guild_id, json!(commands));
            ok(json!(commands))
        }
        ("GET", ["applications", _, "commands"] | ["applications", _, "guilds", _, "commands"]) => {
            ok(state
                .commands
                .get(&guild(&segments))
                .cloned()
                .unwrap_or(json!([])))
        }
        ("POST", ["interactions", _, token, "callback"]) => {
            let token = token.to_string();
            let channel_id = state.interaction_channel(&token);
            let data = &body["data"];
            // Response types: 4 message, 5 deferred message, 6 deferred update, 7 update.
            let original = match body["type"].as_u64() {
                Some(4) => Some(state.create_message(channel_id, data)["id"].clone()),
                Some(5) => {
                    Some(state.create_message(channel_id, &json!({"flags": 128}))["id"].clone())
                }
                Some(6) => state
                    .clicked_message(&token)
                    .map(|id| json!(id.to_string())),
                Some(7) => state.clicked_message(&token).map(|id| {
                    state.edit_message(id, data);
                    json!(id.to_string())
                }),
                _ => None,
            };
            if let Some(id) = original.as_ref().and_then(|id| id.as_str()?.parse().ok()) {
                state.originals.insert(token, id);
            }
            no_content
        }
        ("POST", ["webhooks", _, token]) => {
            let channel_id = state.interaction_channel(token);
            ok(state.create_message(channel_id, body))
        }
        (_, ["webhooks", _, token, "messages", which]) => {
            let id = match *which {
                "@original" => state.originals.get(*token).copied(),
                id => id.parse().ok(),
            };
            match (method, id) {
                ("GET", Some(id)) => state.messages.get(&id).cloned().map_or(unknown_message, ok),
                ("PATCH", Some(id)) => state.edit_message(id, body).map_or(unknown_message, ok),
                ("PATCH", None) if *which == "@original" => {
                    let channel_id = state.interaction_channel(token);
                    let message = state.create_message(channel_id, body);
                    if let Some(id) = message["id"].as_str().and_then(|id| id.parse().ok()) {
                        state.originals.insert(token.to_string(), id);
                    }
                    ok(message)
                }
                ("DELETE", Some(id)) => match state.messages.remove(&id) {
                    Some(_) => no_content,
                    None => unknown_message,
                },
                _ => unknown_message,
            }
        }
        ("POST", ["channels", channel, "messages"]) => match channel.parse() {
            Ok(channel_id) => ok(state.create_message(channel_id, body)),
            Err(_) => (404, Some(discord_error(10003, "Unknown Channel")), false),
        },
        (_, ["channels", _, "messages", id]) => match (method, id.parse::<u64>()) {
            ("GET", Ok(id)) => state.messages.get(&id).cloned().map_or(unknown_message, ok),
            ("PATCH", Ok(id)) => state.edit_message(id, body).map_or(unknown_message, ok),
            ("DELETE", Ok(id)) => match state.messages.remove(&id) {
                Some(_) => no_content,
                None => unknown_message,
            },
            _ => unknown_message,
        },
        _ => (
            404,
            Some(discord_error(
                0,
                "404: Not Found (route unknown to the fake)",
            )),
            true,
        ),
    }
}
