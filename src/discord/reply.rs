//! Answering a slash command: runs the core off the async runtime (deferring when it may take
//! longer than Discord's 3-second window), sends cards as embeds that mention no one, reports
//! user errors privately, and pages long answers with buttons only the asker can press. Every
//! send goes through `retry`; an answer Discord keeps failing is reported to the asker when the
//! interaction was already acknowledged, and logged when it was not (nothing else can reach them).

use super::embed::embed;
use super::lifecycle::pager_prefix;
use super::retry::{self, Undelivered};
use super::{Context, Error};
use crate::commands::{UserError, cooldown};
use crate::render::{Card, Reply};
use poise::futures_util::StreamExt;
use poise::serenity_prelude as serenity;
use std::collections::HashSet;
use std::time::Duration;

/// Past this, the interaction is deferred so Discord does not give up on it (it allows 3 s).
pub const DEFER_AFTER: Duration = Duration::from_millis(1500);

/// Shown when the answer was computed but Discord would not take it.
pub const UNDELIVERED: &str =
    "Discord kept failing while we sent the answer; run the command again in a moment.";

/// Mentions are never allowed: corpus text may contain @everyone or <@id>.
pub fn no_mentions() -> serenity::CreateAllowedMentions {
    serenity::CreateAllowedMentions::new()
}

fn buttons(prefix: &str, page: usize, total: usize) -> Vec<serenity::CreateActionRow> {
    vec![serenity::CreateActionRow::Buttons(vec![
        serenity::CreateButton::new(format!("{prefix}:prev"))
            .label("◀ Previous")
            .style(serenity::ButtonStyle::Secondary)
            .disabled(page == 0),
        serenity::CreateButton::new(format!("{prefix}:next"))
            .label("Next ▶")
            .style(serenity::ButtonStyle::Secondary)
            .disabled(page + 1 >= total),
    ])]
}

/// Runs the command in the core and answers the interaction with its reply.
pub async fn respond(
    ctx: Context<'_>,
    name: &'static str,
    given: Vec<(String, String)>,
) -> Result<(), Error> {
    let waited = {
        let mut cooldowns = ctx
            .data()
            .cooldowns
            .lock()
            .unwrap_or_else(|p| p.into_inner());
        cooldowns.try_use(ctx.author().id.get(), name, std::time::Instant::now())
    };
    if let Err(remaining) = waited {
        return send_error(ctx, &cooldown::wait_message(name, remaining)).await;
    }
    let lib = ctx.data().lib.current();
    let core = ctx.data().core.clone();
    let mut work = tokio::task::spawn_blocking(move || core(&lib, name, &given));
    let outcome = match tokio::time::timeout(DEFER_AFTER, &mut work).await {
        Ok(done) => done?,
        Err(_) => {
            retry::send("the deferral", retry::REPLY, || ctx.defer()).await?;
            work.await?
        }
    };
    send_reply(ctx, outcome).await
}

/// Sends a core outcome: the reply's pages, or the user's error privately.
pub async fn send_reply(ctx: Context<'_>, outcome: Result<Reply, UserError>) -> Result<(), Error> {
    match outcome {
        Ok(reply) => send_pages(ctx, reply).await,
        Err(user_error) => send_error(ctx, &user_error.to_string()).await,
    }
}

/// An error card only the asker sees.
pub async fn send_error(ctx: Context<'_>, message: &str) -> Result<(), Error> {
    let reply = poise::CreateReply::default()
        .embed(embed(&Card::error(message)))
        .ephemeral(true)
        .allowed_mentions(no_mentions());
    deliver(ctx, reply).await?;
    Ok(())
}

/// Whether Discord has the interaction's first response (a deferral or an answer), so
/// follow-ups can still reach the asker.
fn acknowledged(ctx: Context<'_>) -> bool {
    match ctx {
        poise::Context::Application(a) => a
            .has_sent_initial_response
            .load(std::sync::atomic::Ordering::SeqCst),
        poise::Context::Prefix(_) => false,
    }
}

/// Sends `reply` with retries. When Discord keeps failing and the interaction is acknowledged,
/// the asker gets a short notice instead of an endless "thinking"; the error is returned either
/// way, for the log (see `on_error`).
async fn deliver(
    ctx: Context<'_>,
    reply: poise::CreateReply,
) -> Result<poise::ReplyHandle<'_>, Undelivered> {
    let sent = retry::send("the answer", retry::REPLY, || ctx.send(reply.clone())).await;
    if let Err(undelivered) = &sent
        && undelivered.was_fault()
        && acknowledged(ctx)
    {
        let notice = poise::CreateReply::default()
            .content(UNDELIVERED)
            .ephemeral(true)
            .allowed_mentions(no_mentions());
        if let Err(e) = retry::send("a notice", retry::REPLY, || ctx.send(notice.clone())).await {
            tracing::warn!(%e, "could not tell the user their answer was lost");
        }
    }
    sent
}

/// Presses already answered, so a replayed press does not turn two pages (or fail on the
/// second response). A pager lives minutes and gets a handful of presses: a plain set will do.
#[derive(Default)]
struct Answered(HashSet<serenity::InteractionId>);

async fn send_pages(ctx: Context<'_>, reply: Reply) -> Result<(), Error> {
    let total = reply.pages.len();
    let prefix = pager_prefix(ctx.id());
    let page_reply = |page: usize, with_buttons: bool| {
        let r = poise::CreateReply::default()
            .embed(embed(&reply.pages[page]))
            .ephemeral(reply.ephemeral)
            .allowed_mentions(no_mentions());
        if with_buttons && total > 1 {
            r.components(buttons(&prefix, page, total))
        } else {
            r.components(Vec::new())
        }
    };
    if total <= 1 {
        deliver(ctx, page_reply(0, false)).await?;
        return Ok(());
    }
    // Listening starts before the buttons are shown, and in one stream for the pager's whole
    // life, so no press falls between two listeners.
    let lifecycle = ctx.data().lifecycle.clone();
    let open = lifecycle.open_pager(&prefix);
    let filter_prefix = format!("{prefix}:");
    let mut presses = serenity::ComponentInteractionCollector::new(ctx.serenity_context())
        .filter(move |i| i.data.custom_id.starts_with(&filter_prefix))
        .stream();
    let handle = deliver(ctx, page_reply(0, true)).await?;
    let mut page = 0;
    let author = ctx.author().id;
    let mut answered = Answered::default();
    loop {
        let press = tokio::select! {
            press = tokio::time::timeout(ctx.data().page_timeout, presses.next()) => press,
            // Shutting down: the pager ends now rather than hold up the exit for minutes.
            () = lifecycle.stopped() => break,
        };
        let Ok(Some(press)) = press else { break };
        if !answered.0.insert(press.id) {
            continue;
        }
        let response = if press.user.id != author {
            let refuse = serenity::CreateInteractionResponseMessage::new()
                .content("Only the person who asked can turn these pages; run the command yourself to browse.")
                .ephemeral(true)
                .allowed_mentions(no_mentions());
            serenity::CreateInteractionResponse::Message(refuse)
        } else {
            page = if press.data.custom_id.ends_with(":next") {
                (page + 1).min(total - 1)
            } else {
                page.saturating_sub(1)
            };
            let update = serenity::CreateInteractionResponseMessage::new()
                .embed(embed(&reply.pages[page]))
                .components(buttons(&prefix, page, total))
                .allowed_mentions(no_mentions());
            serenity::CreateInteractionResponse::UpdateMessage(update)
        };
        // A lost page turn is only logged: the press's own response is what failed, and the
        // pager keeps working for the next press.
        let sent = retry::send("a page turn", retry::REPLY, || {
            press.create_response(ctx, response.clone())
        })
        .await;
        if let Err(e) = sent {
            tracing::warn!(%e, "a page turn was lost");
        }
    }
    drop(presses);
    drop(open);
    // Time is up: the buttons go, the page stays.
    retry::send("removing page buttons", retry::REPLY, || {
        handle.edit(ctx, page_reply(page, false))
    })
    .await?;
    Ok(())
}
