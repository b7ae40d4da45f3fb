//! What the posting loop should do for one server now: nothing yet, send the day's quote, or
//! give up on a post interrupted by a crash. Also the choice of quote for `/daily preview`.
//!
//! Crash semantics: the day is claimed in the store *before* the message is sent, so a server
//! never gets two posts for one local day. If quotebot dies between the claim and Discord's
//! answer, the next run finds the claim unconfirmed: within [`RESEND_WINDOW_SECS`] it sends again
//! with the same nonce and `enforce_nonce`, which Discord de-duplicates, so the post arrives
//! once; later than that it gives the day up (at most once), because a second post is worse
//! than a missed one.

use super::choice::{Candidate, choose};
use super::schedule::{Decision, Schedule};
use super::{DailySettings, DailyStore, PostState, StorageError};
use crate::commands::Args;
use crate::commands::present::quote_card;
use crate::commands::quote::all_matching;
use crate::commands::spec;
use crate::extract::quotes::{Quote, QuoteKind};
use crate::library::Library;
use crate::render::Card;
use jiff::Timestamp;
use jiff::civil::Date;

/// How long after a claim an unconfirmed post is sent again (Discord de-duplicates a nonce for
/// "a few minutes").
pub const RESEND_WINDOW_SECS: i64 = 120;

/// A post to send.
#[derive(Debug, Clone, PartialEq)]
pub struct Post {
    pub local_day: String,
    pub quote_id: String,
    pub cycle: i64,
    pub card: Card,
    /// The same for every attempt at one server's day, so Discord can drop a duplicate.
    pub nonce: String,
    /// A resend of a claim left unconfirmed by a crash (the day is already claimed).
    pub retry: bool,
}

/// What to do now for one server.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Wait,
    Send(Post),
    /// A post claimed before a crash, too long ago to resend without risking a duplicate.
    GiveUp {
        local_day: String,
    },
}

/// Why a server's posts cannot go on; the shell pauses them with this reason.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PlanError {
    /// Settings that no longer parse, or a filter nothing matches.
    #[error("{0}")]
    Settings(String),
    #[error("the settings store failed: {0}")]
    Storage(#[from] StorageError),
}

/// The quotes a server's filter allows, in corpus order.
pub fn eligible<'a>(
    lib: &'a Library,
    speaker: Option<&str>,
    topic: Option<&str>,
) -> Result<Vec<&'a Quote>, String> {
    let given: Vec<(String, String)> = [("speaker", speaker), ("topic", topic)]
        .into_iter()
        .filter_map(|(k, v)| v.map(|v| (k.to_string(), v.to_string())))
        .collect();
    let spec = spec::command("random").expect("/random is in the command table");
    let args = Args::new(spec, &given).map_err(|e| e.to_string())?;
    all_matching(lib, &args).map_err(|e| e.to_string())
}

fn candidates(lib: &Library, quotes: &[&Quote]) -> Vec<Candidate> {
    let named = |q: &Quote| {
        q.speaker
            .as_deref()
            .is_some_and(|s| lib.people().any(|p| p.name == s))
    };
    quotes
        .iter()
        .map(|q| Candidate {
            id: q.id.clone(),
            // A day's quote is someone's words: reported positions only when nothing else fits.
            preferred: named(q) && lib.quote_date(q).is_some() && q.kind != QuoteKind::Position,
        })
        .collect()
}

/// A short stable nonce for one server's day (Discord allows 25 characters).
pub fn nonce(guild_id: u64, local_day: &str) -> String {
    // FNV-1a: stable across runs and platforms, unlike the std hasher.
    let mut h: u64 = 0xcbf29ce484222325;
    for b in format!("{guild_id}:{local_day}").bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    format!("qb{h:016x}")
}

/// The quote the next post would carry, without recording anything.
pub fn pick(
    lib: &Library,
    store: &impl DailyStore,
    s: &DailySettings,
    rng: &mut impl rand::Rng,
) -> Result<(Quote, i64), PlanError> {
    let quotes =
        eligible(lib, s.speaker.as_deref(), s.topic.as_deref()).map_err(PlanError::Settings)?;
    if quotes.is_empty() {
        return Err(PlanError::Settings(
            "no quote matches this server's speaker and topic; run /daily set with a wider filter"
                .into(),
        ));
    }
    let cycle = store.last_post(s.guild_id)?.map_or(1, |l| l.cycle);
    let posted = store.posted_in_cycle(s.guild_id, cycle)?;
    let choice = choose(&candidates(lib, &quotes), &posted, rng).expect("candidates are not empty");
    let quote = quotes
        .iter()
        .find(|q| q.id == choice.id)
        .expect("the pick is a candidate");
    Ok((
        (*quote).clone(),
        if choice.new_cycle { cycle + 1 } else { cycle },
    ))
}

/// What the posting loop should do for server `s` at `now`.
pub fn next_action(
    lib: &Library,
    store: &impl DailyStore,
    s: &DailySettings,
    now: Timestamp,
    rng: &mut impl rand::Rng,
) -> Result<Action, PlanError> {
    let schedule = Schedule::new(&s.post_time, &s.timezone).map_err(PlanError::Settings)?;
    let last = store.last_post(s.guild_id)?;
    let today = schedule.local_day(now);
    if let Some(l) = &last
        && l.state == PostState::Sending
        && l.local_day == today.to_string()
    {
        let claimed: Timestamp = l.claimed_at.parse().unwrap_or(Timestamp::UNIX_EPOCH);
        if now.as_second() - claimed.as_second() > RESEND_WINDOW_SECS {
            return Ok(Action::GiveUp {
                local_day: l.local_day.clone(),
            });
        }
        let quote = lib.quotes.iter().find(|q| q.id == l.quote_id);
        return Ok(match quote {
            Some(q) => Action::Send(Post {
                local_day: l.local_day.clone(),
                quote_id: l.quote_id.clone(),
                cycle: l.cycle,
                card: quote_card(lib, q, "Quote of the day"),
                nonce: nonce(s.guild_id, &l.local_day),
                retry: true,
            }),
            None => Action::GiveUp {
                local_day: l.local_day.clone(),
            },
        });
    }
    let last_day = last.as_ref().and_then(|l| l.local_day.parse::<Date>().ok());
    match schedule.decide(now, last_day) {
        Decision::WaitUntil(_) => Ok(Action::Wait),
        Decision::PostNow { local_day } => {
            let (quote, cycle) = pick(lib, store, s, rng)?;
            let day = local_day.to_string();
            Ok(Action::Send(Post {
                nonce: nonce(s.guild_id, &day),
                local_day: day,
                quote_id: quote.id.clone(),
                cycle,
                card: quote_card(lib, &quote, "Quote of the day"),
                retry: false,
            }))
        }
    }
}
