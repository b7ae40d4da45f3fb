//! The fake's REST side: every call recorded, then answered by an injected failure or like
//! Discord would (messages stored, fetched and edited; an interaction answered at most once).

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::State as AxumState;
use axum::http::{HeaderMap, HeaderName, HeaderValue, Method, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

use super::{Recorded, Shared, State};
use crate::support::interactions::{self, discord_error};

/// Every REST call: recorded, then answered by an injected failure or by [`route`].
pub(super) async fn answer_rest(
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
    let (status, answer, unexpected, extra_headers) = match failure {
        Some(index) => {
            let failure = state.failures.remove(index);
            (failure.status, Some(failure.body), false, failure.headers)
        }
        None => {
            let (status, answer, unexpected) =
                route(&mut state, &shared.ws_url, &method, &path, &body);
            (status, answer, unexpected, Vec::new())
        }
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
    let mut response = match answer {
        Some(json) => (
            status,
            [(header::CONTENT_TYPE, "application/json")],
            json.to_string(),
        )
            .into_response(),
        None => status.into_response(),
    };
    for (name, value) in extra_headers {
        if let Ok(value) = HeaderValue::from_str(&value) {
            response
                .headers_mut()
                .insert(HeaderName::from_static(name), value);
        }
    }
    response
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
            // Discord takes one initial response per interaction and refuses the rest.
            if !state.acknowledged.insert(token.clone()) {
                let refusal = discord_error(40060, "Interaction has already been acknowledged.");
                return (400, Some(refusal), false);
            }
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
