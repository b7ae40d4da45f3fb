//! Discord JSON payloads, shaped the way serenity 0.12.5 deserializes them.
//!
//! Serenity drops a gateway event that fails to deserialize and logs it at DEBUG only, so a
//! missing field here shows up as a bot that "never answers". Every builder is checked against
//! serenity's own models by the tests at the bottom. This file builds JSON and nothing else: the
//! fake server that sends and answers with it lives in `fake_discord.rs`.

use serde_json::{Value, json};

use super::fake_discord::FakeDiscord;

/// The timestamp on everything the fake creates; tests never depend on the clock.
pub const TIMESTAMP: &str = "2024-01-01T00:00:00.000000+00:00";
/// Every permission bit, as Discord sends `app_permissions` / member `permissions`: a string.
const ALL_PERMISSIONS: &str = "2251799813685247";
/// Discord's default upload limit, required on every interaction since API v10.
const ATTACHMENT_SIZE_LIMIT: u64 = 10 * 1024 * 1024;
/// Any id works: poise looks commands up by name, not by id.
const COMMAND_ID: u64 = 1_200_000_000_000_000_001;

/// The token the fake gives interaction `id`: callbacks arrive at
/// `/interactions/{id}/{token(id)}/callback` and follow-ups at `/webhooks/{app}/{token(id)}`.
pub fn token(id: u64) -> String {
    format!("token-{id}")
}

/// A human user `id` (username `user{id}`).
pub fn user(id: u64) -> Value {
    json!({
        "id": id.to_string(),
        "username": format!("user{id}"),
        "global_name": format!("User {id}"),
        "discriminator": "0",
        "avatar": null,
        "bot": false,
    })
}

/// The bot's own user, as in READY and `GET /users/@me`.
pub fn bot_user() -> Value {
    json!({
        "id": FakeDiscord::BOT_ID.to_string(),
        "username": "quotebot",
        "global_name": null,
        "discriminator": "0",
        "avatar": null,
        "bot": true,
        "verified": true,
        "mfa_enabled": false,
        "flags": 0,
    })
}

/// User `id` as a member of `GUILD_ID` with every permission.
pub fn member(user_id: u64) -> Value {
    json!({
        "user": user(user_id),
        "nick": null,
        "avatar": null,
        "roles": [],
        "joined_at": TIMESTAMP,
        "premium_since": null,
        "deaf": false,
        "mute": false,
        "flags": 0,
        "pending": false,
        "permissions": ALL_PERMISSIONS,
        "communication_disabled_until": null,
    })
}

/// A string option as it arrives in `data.options`.
pub fn opt_str(name: &str, value: &str) -> Value {
    json!({"name": name, "type": 3, "value": value})
}

/// An integer option as it arrives in `data.options`.
pub fn opt_int(name: &str, value: i64) -> Value {
    json!({"name": name, "type": 4, "value": value})
}

/// The option the user is typing in, for [`autocomplete`]: Discord marks it `focused` and sends
/// the partial text as a string whatever the option's type.
pub fn focused(name: &str, partial: &str) -> Value {
    json!({"name": name, "type": 3, "value": partial, "focused": true})
}

/// The fields every guild interaction carries, whatever its type.
fn guild_interaction(kind: u8, id: u64, user_id: u64) -> Value {
    json!({
        "id": id.to_string(),
        "application_id": FakeDiscord::APP_ID.to_string(),
        "type": kind,
        "token": token(id),
        "version": 1,
        "guild_id": FakeDiscord::GUILD_ID.to_string(),
        "channel_id": FakeDiscord::CHANNEL_ID.to_string(),
        "channel": {"id": FakeDiscord::CHANNEL_ID.to_string(), "name": "general", "type": 0},
        "member": member(user_id),
        "app_permissions": ALL_PERMISSIONS,
        "locale": "en-US",
        "guild_locale": "en-US",
        "entitlements": [],
        "authorizing_integration_owners": {"0": FakeDiscord::GUILD_ID.to_string()},
        "context": 0,
        "attachment_size_limit": ATTACHMENT_SIZE_LIMIT,
    })
}

fn command_data(name: &str, options: Value) -> Value {
    json!({
        "id": COMMAND_ID.to_string(),
        "name": name,
        "type": 1,
        "options": options,
        "guild_id": FakeDiscord::GUILD_ID.to_string(),
    })
}

/// `/name` run by `user_id` in `CHANNEL_ID` of `GUILD_ID` (INTERACTION_CREATE `d`, type 2).
/// `options` is Discord's array, e.g. `json!([opt_str("who", "Merkel")])`; a subcommand is
/// `{"name": "sub", "type": 1, "options": [...]}`.
pub fn slash_command(id: u64, name: &str, options: Value, user_id: u64) -> Value {
    let mut interaction = guild_interaction(2, id, user_id);
    interaction["data"] = command_data(name, options);
    interaction
}

/// Autocomplete for `/name` (type 4); one option in `options` must be [`focused`].
pub fn autocomplete(id: u64, name: &str, options: Value, user_id: u64) -> Value {
    let mut interaction = guild_interaction(4, id, user_id);
    interaction["data"] = command_data(name, options);
    interaction
}

/// A click on button `custom_id` under bot message `message_id` (type 3). The message is a
/// bare one; use [`button_on`] with `FakeDiscord::message` to click a message the bot posted.
pub fn button(id: u64, custom_id: &str, message_id: u64, user_id: u64) -> Value {
    let bare = message(message_id, FakeDiscord::CHANNEL_ID, &json!({}));
    button_on(id, custom_id, &bare, user_id)
}

/// A click on button `custom_id` under `message` (a Message object, e.g. one the fake stored).
pub fn button_on(id: u64, custom_id: &str, message: &Value, user_id: u64) -> Value {
    let mut interaction = guild_interaction(3, id, user_id);
    interaction["data"] = json!({"custom_id": custom_id, "component_type": 2});
    interaction["message"] = message.clone();
    interaction
}

/// A message by the bot with the content, embeds, components and flags of `body` (a create or
/// edit request body). Other request fields are left out on purpose: `attachments` in a request
/// has a different shape from a message's, and serenity would reject the whole message.
pub fn message(id: u64, channel_id: u64, body: &Value) -> Value {
    let mut message = json!({
        "id": id.to_string(),
        "channel_id": channel_id.to_string(),
        "author": bot_user(),
        "content": "",
        "timestamp": TIMESTAMP,
        "edited_timestamp": null,
        "tts": false,
        "mention_everyone": false,
        "mentions": [],
        "mention_roles": [],
        "attachments": [],
        "embeds": [],
        "components": [],
        "pinned": false,
        "type": 0,
        "flags": 0,
        "application_id": FakeDiscord::APP_ID.to_string(),
    });
    apply_edit(&mut message, body);
    message
}

/// Copies the fields a create/edit request `body` can change onto `message`.
pub fn apply_edit(message: &mut Value, body: &Value) {
    for key in ["content", "embeds", "components", "flags", "tts"] {
        if let Some(value) = body.get(key).filter(|value| !value.is_null()) {
            message[key] = value.clone();
        }
    }
}

/// The `d` of READY for a bot that identified with `shard` (`[id, total]`, if it sent one).
pub fn ready(session_id: &str, resume_url: &str, shard: Option<&Value>) -> Value {
    let mut ready = json!({
        "v": 10,
        "user": bot_user(),
        "guilds": [{"id": FakeDiscord::GUILD_ID.to_string(), "unavailable": true}],
        "session_id": session_id,
        "resume_gateway_url": resume_url,
        "application": {"id": FakeDiscord::APP_ID.to_string(), "flags": 0},
        "private_channels": [],
        "relationships": [],
    });
    if let Some(shard) = shard {
        ready["shard"] = shard.clone();
    }
    ready
}

/// `GET /oauth2/applications/@me`: poise reads the owner from it when the client is built.
pub fn application_info() -> Value {
    json!({
        "id": FakeDiscord::APP_ID.to_string(),
        "name": "quotebot",
        "icon": null,
        "description": "",
        "rpc_origins": [],
        "bot_public": false,
        "bot_require_code_grant": false,
        "owner": user(FakeDiscord::OWNER_ID),
        "verify_key": "0000",
        "team": null,
        "flags": 0,
        "tags": [],
    })
}

/// One command of a registration `PUT`, completed with what Discord adds.
pub fn registered_command(id: u64, guild_id: Option<u64>, posted: &Value) -> Value {
    let mut command = posted.clone();
    command["id"] = json!(id.to_string());
    command["application_id"] = json!(FakeDiscord::APP_ID.to_string());
    command["version"] = json!("1");
    if command.get("type").is_none_or(Value::is_null) {
        command["type"] = json!(1);
    }
    if command.get("description").is_none_or(Value::is_null) {
        command["description"] = json!("");
    }
    if let Some(guild_id) = guild_id {
        command["guild_id"] = json!(guild_id.to_string());
    }
    command
}

/// A Discord-style error body, e.g. `discord_error(10008, "Unknown Message")`.
pub fn discord_error(code: i64, message: &str) -> Value {
    json!({"code": code, "message": message})
}

#[cfg(test)]
mod tests {
    //! Each builder against the serenity model that would otherwise drop it silently.

    use serenity::all::{
        Command, CurrentApplicationInfo, CurrentUser, Interaction, Message, Ready,
    };

    use super::*;

    fn parse<T: serde::de::DeserializeOwned>(what: &str, value: Value) -> T {
        serde_json::from_value(value).unwrap_or_else(|e| panic!("{what} does not deserialize: {e}"))
    }

    #[test]
    fn slash_command_is_a_guild_command_interaction_with_options() {
        let options = json!([opt_str("who", "Merkel"), opt_int("n", 3)]);
        let Interaction::Command(command) =
            parse("slash_command", slash_command(1, "quote", options, 42))
        else {
            panic!("not a command interaction");
        };
        assert_eq!(command.data.name, "quote");
        assert_eq!(command.data.options.len(), 2);
        assert_eq!(command.user.id.get(), 42, "user is taken from member");
        assert_eq!(
            command.guild_id.map(|g| g.get()),
            Some(FakeDiscord::GUILD_ID)
        );
        assert_eq!(command.token, token(1));
    }

    #[test]
    fn autocomplete_has_a_focused_option() {
        let payload = autocomplete(2, "quote", json!([focused("who", "Mer")]), 42);
        let Interaction::Autocomplete(command) = parse("autocomplete", payload) else {
            panic!("not an autocomplete interaction");
        };
        let focused = command.data.autocomplete().expect("a focused option");
        assert_eq!((focused.name, focused.value), ("who", "Mer"));
    }

    #[test]
    fn button_is_a_component_interaction_on_its_message() {
        let Interaction::Component(click) = parse("button", button(3, "more:7", 99, 42)) else {
            panic!("not a component interaction");
        };
        assert_eq!(click.data.custom_id, "more:7");
        assert_eq!(click.message.id.get(), 99);
    }

    #[test]
    fn message_keeps_embeds_and_buttons_of_the_request() {
        let body = json!({
            "content": "hi",
            "embeds": [{"title": "t", "description": "d", "color": 3, "type": "rich",
                        "fields": [{"name": "n", "value": "v", "inline": true}],
                        "footer": {"text": "f"}}],
            "components": [{"type": 1, "components": [
                {"type": 2, "style": 1, "label": "More", "custom_id": "more:7"},
                {"type": 2, "style": 5, "label": "Source", "url": "https://example.org/a"}]}],
            "allowed_mentions": {"parse": []},
            "attachments": [{"id": 0}],
        });
        let message: Message = parse("message", message(5, FakeDiscord::CHANNEL_ID, &body));
        assert_eq!(message.content, "hi");
        assert_eq!(message.embeds[0].fields[0].name, "n");
        assert_eq!(message.components[0].components.len(), 2);
        assert!(message.author.bot);
    }

    #[test]
    fn ready_application_and_commands_deserialize() {
        let shard = json!([0, 1]);
        let ready: Ready = parse("ready", ready("s1", "ws://127.0.0.1:1/gw", Some(&shard)));
        assert_eq!(ready.application.id.get(), FakeDiscord::APP_ID);
        assert_eq!(ready.user.id.get(), FakeDiscord::BOT_ID);
        let _: CurrentApplicationInfo = parse("application_info", application_info());
        let _: CurrentUser = parse("bot_user", bot_user());
        let posted = json!({"name": "ping", "description": "Pong", "options": [
            {"type": 3, "name": "who", "description": "Speaker", "required": false,
             "autocomplete": true}]});
        let command = registered_command(7, Some(FakeDiscord::GUILD_ID), &posted);
        let commands: Vec<Command> = parse("registered_command", json!([command]));
        assert_eq!(commands[0].name, "ping");
    }
}
