//! `/daily` in Discord and the loop that posts the daily quotes. The loop is started once (from
//! poise's setup, never from Ready, which fires again on reconnects); each tick asks the core
//! what to do for every server and carries it out: claim the day, send, confirm, or pause the
//! server with a reason when Discord refuses for good (channel gone, permission missing).

use super::embed::embed;
use super::lifecycle::Lifecycle;
use super::reply::{no_mentions, send_reply};
use super::retry::{self, Policy};
use super::{Context, Data, Error};
use crate::commands::daily::{self, SetRequest};
use crate::daily::PostState;
use crate::daily::plan::{Action, PlanError, Post, next_action};
use crate::library::{Library, SharedLibrary};
use crate::store::Store;
use jiff::Timestamp;
use poise::serenity_prelude as serenity;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

/// The time source: the real clock, or a test's.
pub type Clock = Arc<dyn Fn() -> Timestamp + Send + Sync>;

/// The store behind its lock. A panic elsewhere while holding it must not stop daily posts:
/// every change is a committed transaction, so the data is whole even then.
pub fn lock(store: &Mutex<Store>) -> MutexGuard<'_, Store> {
    store
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Whether the member who ran the command may manage the server (checked again here: the
/// command's default permissions can be changed by a server's admins).
fn can_manage(ctx: Context<'_>) -> bool {
    match ctx {
        poise::Context::Application(a) => a
            .interaction
            .member
            .as_ref()
            .and_then(|m| m.permissions)
            .is_some_and(|p| p.manage_guild() || p.administrator()),
        poise::Context::Prefix(_) => false,
    }
}

fn guild(ctx: Context<'_>) -> Result<u64, Error> {
    ctx.guild_id()
        .map(|g| g.get())
        .ok_or_else(|| "daily quotes are set per server".into())
}

/// A quote posted every day to a channel of the server's choice.
#[poise::command(
    slash_command,
    guild_only,
    subcommands("set", "show", "off", "preview"),
    subcommand_required,
    default_member_permissions = "MANAGE_GUILD"
)]
pub async fn daily(_ctx: Context<'_>) -> Result<(), Error> {
    Ok(())
}

/// Post a quote every day at a local time (needs Manage Server)
#[poise::command(slash_command, guild_only)]
async fn set(
    ctx: Context<'_>,
    #[description = "Where to post"]
    #[channel_types("Text", "News")]
    channel: serenity::ChannelId,
    #[description = "Local time of day: 09:00, 9am, 21:30"]
    #[max_length = 20]
    time: String,
    #[description = "IANA time zone: Europe/Berlin, America/New_York, UTC"]
    #[max_length = 64]
    timezone: String,
    #[description = "Only quotes by this speaker"]
    #[max_length = 100]
    speaker: Option<String>,
    #[description = "Only quotes about this"]
    #[max_length = 200]
    topic: Option<String>,
) -> Result<(), Error> {
    let guild_id = guild(ctx)?;
    let req = SetRequest {
        channel_id: channel.get(),
        time,
        timezone,
        speaker,
        topic,
    };
    let data = ctx.data();
    let outcome = daily::set(
        &data.lib.current(),
        &mut *lock(&data.store),
        guild_id,
        can_manage(ctx),
        &req,
        (data.clock)(),
    );
    send_reply(ctx, outcome).await
}

/// When and where the daily quote is posted, and anything to fix
#[poise::command(slash_command, guild_only)]
async fn show(ctx: Context<'_>) -> Result<(), Error> {
    let guild_id = guild(ctx)?;
    let data = ctx.data();
    let outcome = daily::show(
        &data.lib.current(),
        &*lock(&data.store),
        guild_id,
        (data.clock)(),
    );
    send_reply(ctx, outcome).await
}

/// Stop the daily quote (needs Manage Server)
#[poise::command(slash_command, guild_only)]
async fn off(ctx: Context<'_>) -> Result<(), Error> {
    let guild_id = guild(ctx)?;
    let outcome = daily::off(&mut *lock(&ctx.data().store), guild_id, can_manage(ctx));
    send_reply(ctx, outcome).await
}

/// What the next daily quote would look like (only you see it)
#[poise::command(slash_command, guild_only)]
async fn preview(ctx: Context<'_>) -> Result<(), Error> {
    let guild_id = guild(ctx)?;
    let data = ctx.data();
    let outcome = daily::preview(
        &data.lib.current(),
        &*lock(&data.store),
        guild_id,
        &mut rand::rng(),
    );
    send_reply(ctx, outcome).await
}

/// A post has the whole tick to go out: longer pauses than a reply, which has Discord's 3 s.
const POST: Policy = Policy {
    attempts: 3,
    server_error_pause: Duration::from_secs(1),
    rate_limit_pause: Duration::from_secs(1),
};

/// Discord refused for good: the moderator must act before posts can resume.
fn permanent_refusal(e: &serenity::Error) -> Option<String> {
    let serenity::Error::Http(serenity::HttpError::UnsuccessfulRequest(r)) = e else {
        return None;
    };
    match r.status_code.as_u16() {
        404 => Some("the channel no longer exists; choose another with /daily set".into()),
        403 => Some(format!(
            "the bot may not post in that channel ({}); give it View Channel, Send Messages and Embed Links there",
            r.error.message
        )),
        _ => None,
    }
}

/// Sends the post, retrying a 429 or 5xx within the tick. Every attempt carries the same nonce
/// with `enforce_nonce`, so an attempt that reached Discord but lost its answer is not posted
/// twice.
async fn send_post(
    http: &serenity::Http,
    channel_id: u64,
    post: &Post,
) -> Result<serenity::Message, serenity::Error> {
    let message = serenity::CreateMessage::new()
        .embed(embed(&post.card))
        .allowed_mentions(no_mentions())
        .nonce(serenity::Nonce::String(post.nonce.clone()))
        .enforce_nonce(true);
    retry::send("a daily post", POST, || {
        serenity::ChannelId::new(channel_id).send_message(http, message.clone())
    })
    .await
    .map_err(|undelivered| undelivered.last)
}

/// One pass over every server with daily posts.
pub async fn post_due(http: &serenity::Http, lib: &Library, store: &Mutex<Store>, now: Timestamp) {
    let servers = match lock(store).all_daily() {
        Ok(s) => s,
        Err(e) => {
            tracing::error!(%e, "cannot read daily settings");
            return;
        }
    };
    for s in servers.into_iter().filter(|s| s.paused_reason.is_none()) {
        let action = next_action(lib, &*lock(store), &s, now, &mut rand::rng());
        let post = match action {
            Ok(Action::Wait) => continue,
            Ok(Action::GiveUp { local_day }) => {
                tracing::warn!(guild = s.guild_id, %local_day, "a daily post was interrupted too long ago to resend safely; that day is skipped");
                if let Err(e) =
                    lock(store).set_post_state(s.guild_id, &local_day, PostState::Lost, None)
                {
                    tracing::error!(%e, "recording a lost daily post");
                }
                continue;
            }
            Ok(Action::Send(post)) => post,
            Err(PlanError::Settings(reason)) => {
                tracing::warn!(guild = s.guild_id, %reason, "daily posts paused");
                let _ = lock(store).pause_daily(s.guild_id, &reason);
                continue;
            }
            Err(PlanError::Storage(e)) => {
                tracing::error!(%e, "daily store failed");
                continue;
            }
        };
        if !post.retry {
            match lock(store).claim_day(
                s.guild_id,
                &post.local_day,
                &post.quote_id,
                post.cycle,
                &now.to_string(),
            ) {
                Ok(true) => {}
                Ok(false) => continue, // the day already has its post
                Err(e) => {
                    tracing::error!(%e, "cannot claim the daily post");
                    continue;
                }
            }
        }
        match send_post(http, s.channel_id, &post).await {
            Ok(message) => {
                tracing::info!(guild = s.guild_id, day = %post.local_day, quote = %post.quote_id, "daily quote posted");
                if let Err(e) = lock(store).set_post_state(
                    s.guild_id,
                    &post.local_day,
                    PostState::Sent,
                    Some(message.id.get()),
                ) {
                    tracing::error!(%e, "recording a sent daily post");
                }
            }
            Err(e) => match permanent_refusal(&e) {
                Some(reason) => {
                    tracing::warn!(guild = s.guild_id, %reason, "daily posts paused");
                    let mut st = lock(store);
                    let _ = st.release_day(s.guild_id, &post.local_day);
                    let _ = st.pause_daily(s.guild_id, &reason);
                }
                // Still failing after the retries (5xx, 429, network): the claim stays
                // unconfirmed and a later tick resends it with the same nonce, within the
                // resend window.
                None => tracing::warn!(guild = s.guild_id, %e, "daily post failed; will retry"),
            },
        }
    }
}

/// Posts due quotes every `tick` until shutdown begins; a pass under way when it does is
/// finished first (shutdown waits for it like for an answer).
pub async fn posting_loop(http: Arc<serenity::Http>, data: Arc<LoopData>, tick: Duration) {
    loop {
        {
            let _in_flight = data.lifecycle.begin();
            if data.lifecycle.is_stopping() {
                return;
            }
            post_due(&http, &data.lib.current(), &data.store, (data.clock)()).await;
        }
        tokio::select! {
            () = tokio::time::sleep(tick) => {}
            () = data.lifecycle.stopped() => return,
        }
    }
}

/// What the posting loop shares with the commands.
pub struct LoopData {
    pub lib: Arc<SharedLibrary>,
    pub store: Arc<Mutex<Store>>,
    pub clock: Clock,
    pub lifecycle: Arc<Lifecycle>,
}

impl From<&Data> for LoopData {
    fn from(d: &Data) -> Self {
        LoopData {
            lib: d.lib.clone(),
            store: d.store.clone(),
            clock: d.clock.clone(),
            lifecycle: d.lifecycle.clone(),
        }
    }
}
