//! Proves the fake Discord against the real serenity + poise stack, without the bot: a minimal
//! framework with one `/ping` connects, registers in the guild, answers /ping with an embed,
//! survives a gateway close (4000) by resuming, answers again, and shuts down with a close frame.
//! Compiled into the integration binary from `support/mod.rs`.

use std::time::Duration;

use poise::serenity_prelude as serenity;
use serde_json::json;

use super::fake_discord::FakeDiscord;
use super::interactions::{slash_command, token};

type Error = Box<dyn std::error::Error + Send + Sync>;

/// Generous, for a loaded 2-core machine; nothing waits this long when it works.
const WAIT: Duration = Duration::from_secs(20);
const USER: u64 = 4242;

/// Pong, as an embed that mentions nobody.
#[poise::command(slash_command)]
async fn ping(ctx: poise::Context<'_, (), Error>) -> Result<(), Error> {
    let reply = poise::CreateReply::default()
        .embed(serenity::CreateEmbed::new().title("pong"))
        .allowed_mentions(serenity::CreateAllowedMentions::new());
    ctx.send(reply).await?;
    Ok(())
}

/// Dispatches /ping as interaction `id` and checks the embed reply arrives.
async fn ping_and_check_reply(fake: &FakeDiscord, id: u64) {
    fake.dispatch(
        "INTERACTION_CREATE",
        slash_command(id, "ping", json!([]), USER),
    )
    .await
    .expect("dispatch /ping");
    let callback = format!("/interactions/{id}/{}/callback", token(id));
    let reply = fake
        .wait_request("POST", &callback, WAIT)
        .await
        .expect("reply to /ping");
    assert_eq!(reply.body["type"], 4, "a message response: {}", reply.body);
    assert_eq!(
        reply.body["data"]["embeds"][0]["title"], "pong",
        "{}",
        reply.body
    );
    assert_eq!(
        reply.body["data"]["allowed_mentions"]["parse"],
        json!([]),
        "{}",
        reply.body
    );
}

#[tokio::test]
async fn smoke_test() {
    let _ = tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::from_default_env())
        .with_test_writer()
        .try_init();
    let fake = FakeDiscord::start().await;

    let framework = poise::Framework::builder()
        .options(poise::FrameworkOptions {
            commands: vec![ping()],
            ..Default::default()
        })
        .setup(|ctx, _ready, framework| {
            Box::pin(async move {
                let guild = serenity::GuildId::new(FakeDiscord::GUILD_ID);
                poise::builtins::register_in_guild(ctx, &framework.options().commands, guild)
                    .await?;
                Ok(())
            })
        })
        .build();
    let http = serenity::HttpBuilder::new("fake-token")
        .proxy(fake.url())
        .ratelimiter_disabled(true)
        .build();
    let client =
        serenity::ClientBuilder::new_with_http(http, serenity::GatewayIntents::non_privileged())
            .framework(framework);
    let mut client = tokio::time::timeout(WAIT, client)
        .await
        .expect("client built in time")
        .expect("client built");
    let shard_manager = client.shard_manager.clone();
    let running = tokio::spawn(async move { client.start().await });

    let identify = fake.wait_identified(WAIT).await.expect("IDENTIFY");
    assert_eq!(identify["token"], "Bot fake-token");
    assert_eq!(identify["shard"], json!([0, 1]));
    assert_eq!(
        identify["intents"],
        serenity::GatewayIntents::non_privileged().bits()
    );
    let registration = fake
        .wait_request(
            "PUT",
            &format!("/guilds/{}/commands", FakeDiscord::GUILD_ID),
            WAIT,
        )
        .await
        .expect("commands registered in the guild");
    assert_eq!(
        registration.body[0]["name"], "ping",
        "{}",
        registration.body
    );

    ping_and_check_reply(&fake, 1).await;

    fake.close_gateway(4000).await.expect("close the gateway");
    fake.wait_connections(2, WAIT)
        .await
        .expect("the bot reconnects");
    ping_and_check_reply(&fake, 2).await;
    assert_eq!(
        fake.resumes().len(),
        1,
        "a 4000 close is resumed, not re-identified"
    );
    assert_eq!(fake.identifies().len(), 1);

    tokio::time::timeout(WAIT, shard_manager.shutdown_all())
        .await
        .expect("shutdown in time");
    let code = fake
        .wait_close_frame(WAIT)
        .await
        .expect("a close frame on shutdown");
    assert_eq!(code, 1000, "serenity closes normally on shutdown");
    let stopped = tokio::time::timeout(WAIT, running)
        .await
        .expect("client.start() returns");
    stopped.expect("client task").expect("client.start() is Ok");

    let calls: Vec<String> = fake.requests().iter().map(ToString::to_string).collect();
    assert!(
        fake.unexpected_requests().is_empty(),
        "unexpected REST calls: {calls:?}"
    );
    assert!(
        fake.connect_queries()
            .iter()
            .all(|q| q.as_deref() == Some("v=10")),
        "plain JSON text frames, no compression asked: {:?}",
        fake.connect_queries()
    );
}

/// Awaits `call`, failing the test if it takes longer than [`WAIT`].
async fn within<F: Future>(call: F) -> F::Output {
    tokio::time::timeout(WAIT, call)
        .await
        .expect("answered in time")
}

/// The REST answers deserialize into serenity's models (messages stored, fetched, edited), an
/// upload's JSON and file names are recorded, and injected failures and unknown routes reach
/// the caller as Discord-style errors.
#[tokio::test]
async fn rest_answers_are_what_serenity_expects() {
    use ::serenity::builder::Builder;

    let fake = FakeDiscord::start().await;
    let http = serenity::HttpBuilder::new("fake-token")
        .proxy(fake.url())
        .ratelimiter_disabled(true)
        .application_id(serenity::ApplicationId::new(FakeDiscord::APP_ID))
        .build();
    let channel = serenity::ChannelId::new(FakeDiscord::CHANNEL_ID);

    let button = serenity::CreateButton::new("more:1").label("More");
    let posted = within(
        channel.send_message(
            &http,
            serenity::CreateMessage::new()
                .content("daily")
                .embed(
                    serenity::CreateEmbed::new()
                        .title("Quote")
                        .field("who", "Merkel", true),
                )
                .button(button),
        ),
    )
    .await
    .expect("message posted");
    assert_eq!(posted.embeds[0].fields[0].value, "Merkel");
    assert_eq!(posted.components[0].components.len(), 1);
    let fetched = within(channel.message(&http, posted.id))
        .await
        .expect("message fetched");
    assert_eq!(fetched.content, "daily");
    let stored = fake.message(posted.id.get()).expect("stored by the fake");
    assert_eq!(stored["content"], "daily");

    let upload = serenity::CreateAttachment::bytes(b"who,said\n".to_vec(), "quotes.csv");
    within(
        channel.send_message(
            &http,
            serenity::CreateMessage::new()
                .content("export")
                .add_file(upload),
        ),
    )
    .await
    .expect("upload posted");
    let recorded = fake
        .wait_request("POST", "/messages", WAIT)
        .await
        .expect("first post");
    assert_eq!(recorded.body["content"], "daily");
    let recorded = fake
        .wait_request("POST", "/messages", WAIT)
        .await
        .expect("upload");
    assert_eq!(
        (recorded.body["content"].as_str(), recorded.files),
        (Some("export"), vec!["quotes.csv".to_string()])
    );

    // An interaction: reply, fetch the original, edit it, follow up.
    let tok = token(9);
    let reply = serenity::CreateInteractionResponse::Message(
        serenity::CreateInteractionResponseMessage::new().content("first"),
    );
    within(reply.execute(&http, (serenity::InteractionId::new(9), &tok)))
        .await
        .expect("callback");
    let original = within(http.get_original_interaction_response(&tok))
        .await
        .expect("original");
    assert_eq!(original.content, "first");
    let edited = within(
        serenity::EditInteractionResponse::new()
            .content("second")
            .execute(&http, &tok),
    )
    .await
    .expect("edit original");
    assert_eq!(
        (edited.id, edited.content.as_str()),
        (original.id, "second")
    );
    let followup = serenity::CreateInteractionResponseFollowup::new().content("more");
    let followup = within(followup.execute(&http, (None, &tok)))
        .await
        .expect("follow-up");
    assert_ne!(followup.id, original.id);

    fake.fail_next(
        "POST",
        "/channels/",
        500,
        super::interactions::discord_error(0, "boom"),
    );
    let failed = within(channel.say(&http, "x"))
        .await
        .expect_err("injected 500");
    assert!(failed.to_string().contains("boom"), "{failed}");
    assert!(
        within(channel.say(&http, "y")).await.is_ok(),
        "a failure is injected once"
    );

    assert!(fake.unexpected_requests().is_empty());
    let unknown = within(http.get_guild(serenity::GuildId::new(FakeDiscord::GUILD_ID))).await;
    assert!(unknown.is_err(), "an unknown route answers 404");
    let unexpected = fake.unexpected_requests();
    assert_eq!(unexpected.len(), 1, "{unexpected:?}");
    assert!(
        unexpected[0]
            .path
            .ends_with(&format!("/guilds/{}", FakeDiscord::GUILD_ID))
    );
}
