//! The fake's gateway side: one websocket per connection, HELLO, heartbeat acks, READY for an
//! IDENTIFY and RESUMED for a RESUME, the fake's queued dispatches and closes, and the bot's own
//! close frames recorded.

use std::sync::Arc;

use axum::extract::ws::{CloseFrame, Message as WsMessage, WebSocket, WebSocketUpgrade};
use axum::extract::{RawQuery, State as AxumState};
use axum::response::Response;
use serde_json::{Value, json};
use tokio::sync::mpsc;
use tokio::time::timeout;

use super::{CLOSE_HANDSHAKE, HEARTBEAT_INTERVAL_MS, Outgoing, Shared};
use crate::support::interactions;

pub(super) async fn accept_gateway(
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
