//! Answering a slash command: runs the core off the async runtime (deferring when it may take
//! longer than Discord's 3-second window), sends cards as embeds that mention no one, reports
//! user errors privately, and pages long answers with buttons only the asker can press.

use super::embed::embed;
use super::{Context, Error};
use crate::commands::{self, UserError, cooldown};
use crate::render::{Card, Reply};
use poise::serenity_prelude as serenity;
use std::time::Duration;

/// Past this, the interaction is deferred so Discord does not give up on it (it allows 3 s).
pub const DEFER_AFTER: Duration = Duration::from_millis(1500);

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
    let mut work =
        tokio::task::spawn_blocking(move || commands::run(&lib, name, &given, &mut rand::rng()));
    let outcome = match tokio::time::timeout(DEFER_AFTER, &mut work).await {
        Ok(done) => done?,
        Err(_) => {
            ctx.defer().await?;
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
    ctx.send(reply).await?;
    Ok(())
}

async fn send_pages(ctx: Context<'_>, reply: Reply) -> Result<(), Error> {
    let total = reply.pages.len();
    let prefix = format!("qb-page:{}", ctx.id());
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
    let handle = ctx.send(page_reply(0, true)).await?;
    if total <= 1 {
        return Ok(());
    }
    let mut page = 0;
    let author = ctx.author().id;
    loop {
        let filter_prefix = prefix.clone();
        let press = serenity::ComponentInteractionCollector::new(ctx.serenity_context())
            .filter(move |i| i.data.custom_id.starts_with(&filter_prefix))
            .timeout(ctx.data().page_timeout)
            .await;
        let Some(press) = press else { break };
        if press.user.id != author {
            let refuse = serenity::CreateInteractionResponseMessage::new()
                .content("Only the person who asked can turn these pages; run the command yourself to browse.")
                .ephemeral(true)
                .allowed_mentions(no_mentions());
            press
                .create_response(ctx, serenity::CreateInteractionResponse::Message(refuse))
                .await?;
            continue;
        }
        page = if press.data.custom_id.ends_with(":next") {
            (page + 1).min(total - 1)
        } else {
            page.saturating_sub(1)
        };
        let update = serenity::CreateInteractionResponseMessage::new()
            .embed(embed(&reply.pages[page]))
            .components(buttons(&prefix, page, total))
            .allowed_mentions(no_mentions());
        press
            .create_response(
                ctx,
                serenity::CreateInteractionResponse::UpdateMessage(update),
            )
            .await?;
    }
    // Time is up: the buttons go, the page stays.
    handle.edit(ctx, page_reply(page, false)).await?;
    Ok(())
}
