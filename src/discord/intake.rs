//! The door every gateway event passes before poise sees it. An interaction delivered twice
//! (Discord may replay events after a resume) is answered once; a command arriving once
//! shutdown has begun is refused politely; a press on a page button no live pager owns (its
//! time ran out, or the message predates a restart) is told the buttons expired instead of
//! Discord's "This interaction failed"; and every interaction let through counts as in flight
//! until poise is done with it, so shutdown can wait for it. Command logic stays in poise.

use super::lifecycle::{Lifecycle, PAGE_BUTTON_PREFIX};
use super::reply::no_mentions;
use super::retry;
use super::{Data, Error};
use poise::serenity_prelude as serenity;
use serenity::builder::Builder as _;
use std::collections::{HashSet, VecDeque};
use std::sync::{Arc, Mutex};

pub const EXPIRED: &str = "These buttons have expired; run the command again to browse.";
pub const RESTARTING: &str = "quotebot is restarting; run the command again in a minute.";

/// How many interaction ids are remembered: replays come within seconds of the original, and
/// 4,096 ids (a few dozen KiB) cover far more than that at any realistic rate.
const REMEMBERED: usize = 4096;

/// The most recent interaction ids, oldest first out.
#[derive(Default)]
struct Seen {
    ids: HashSet<u64>,
    order: VecDeque<u64>,
}

impl Seen {
    /// Records `id`; false if it was already there.
    fn first_time(&mut self, id: u64) -> bool {
        if !self.ids.insert(id) {
            return false;
        }
        self.order.push_back(id);
        if self.order.len() > REMEMBERED
            && let Some(oldest) = self.order.pop_front()
        {
            self.ids.remove(&oldest);
        }
        true
    }
}

/// poise's framework behind the door.
pub struct Intake {
    inner: poise::Framework<Data, Error>,
    lifecycle: Arc<Lifecycle>,
    seen: Mutex<Seen>,
}

impl Intake {
    pub fn new(inner: poise::Framework<Data, Error>, lifecycle: Arc<Lifecycle>) -> Intake {
        Intake {
            inner,
            lifecycle,
            seen: Mutex::default(),
        }
    }

    fn first_time(&self, id: serenity::InteractionId) -> bool {
        self.seen
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .first_time(id.get())
    }
}

/// Answers an interaction with a private note, trying a few times; failures are only logged
/// (there is no one else to tell).
async fn note(http: &serenity::Http, id: serenity::InteractionId, token: &str, text: &str) {
    let sent = retry::send("a notice", retry::REPLY, || {
        let message = serenity::CreateInteractionResponseMessage::new()
            .content(text)
            .ephemeral(true)
            .allowed_mentions(no_mentions());
        serenity::CreateInteractionResponse::Message(message).execute(http, (id, token))
    })
    .await;
    if let Err(e) = sent {
        tracing::warn!(%e, "could not answer an interaction");
    }
}

#[serenity::async_trait]
impl serenity::Framework for Intake {
    async fn init(&mut self, client: &serenity::Client) {
        self.inner.init(client).await;
    }

    async fn dispatch(&self, ctx: serenity::Context, event: serenity::FullEvent) {
        let serenity::FullEvent::InteractionCreate { interaction } = &event else {
            return self.inner.dispatch(ctx, event).await;
        };
        if !self.first_time(interaction.id()) {
            tracing::debug!(id = %interaction.id(), "interaction delivered again; answered already");
            return;
        }
        // Taken before the shutdown check: see `Lifecycle::begin`.
        let _in_flight = self.lifecycle.begin();
        match interaction {
            serenity::Interaction::Component(press)
                if press.data.custom_id.starts_with(PAGE_BUTTON_PREFIX) =>
            {
                // A live pager answers through its own collector.
                if !self.lifecycle.pager_is_live(&press.data.custom_id) {
                    note(&ctx.http, press.id, &press.token, EXPIRED).await;
                }
            }
            serenity::Interaction::Command(command) if self.lifecycle.is_stopping() => {
                note(&ctx.http, command.id, &command.token, RESTARTING).await;
            }
            _ => self.inner.dispatch(ctx, event).await,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_is_new_once_and_memory_stays_bounded() {
        let mut seen = Seen::default();
        assert!(seen.first_time(1));
        assert!(!seen.first_time(1));
        for id in 2..=(REMEMBERED as u64 + 1) {
            assert!(seen.first_time(id));
        }
        assert_eq!(seen.ids.len(), REMEMBERED);
        assert!(seen.first_time(1), "the oldest id was forgotten");
        assert!(!seen.first_time(REMEMBERED as u64 + 1));
    }
}
