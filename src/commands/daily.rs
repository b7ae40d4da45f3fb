//! `/daily set|show|off|preview`: a server's daily quote, as moderators manage it. Pure over a
//! `DailyStore`; the shell says who is asking, whether they may manage the server, and when.

use super::options::UserError;
use super::present::{corpus_footer, quote_card};
use super::quote::resolve_speaker;
use super::spec::MAX_TOPIC;
use crate::daily::plan::{PlanError, eligible, pick};
use crate::daily::schedule::{Decision, Schedule, parse_time, parse_zone};
use crate::daily::{DailySettings, DailyStore, PostState};
use crate::library::Library;
use crate::render::{Card, Reply};
use jiff::Timestamp;

/// What `/daily set` asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetRequest {
    pub channel_id: u64,
    pub time: String,
    pub timezone: String,
    pub speaker: Option<String>,
    pub topic: Option<String>,
}

const NEEDS_MANAGE: &str = "only members with the Manage Server permission can change daily posts";

fn storage(e: impl std::fmt::Display) -> UserError {
    tracing::error!(error = %e, "daily settings store failed");
    UserError::new(
        "the settings could not be read or saved on our side; nothing was changed, try again later",
    )
}

fn describe_schedule(s: &DailySettings) -> String {
    let mut text = format!(
        "every day at {} ({}) in <#{}>",
        s.post_time, s.timezone, s.channel_id
    );
    if let Some(sp) = &s.speaker {
        text.push_str(&format!(", quotes by {sp}"));
    }
    if let Some(t) = &s.topic {
        text.push_str(&format!(", about {t}"));
    }
    text
}

fn next_post(s: &DailySettings, last_day: Option<&str>, now: Timestamp) -> String {
    let Ok(schedule) = Schedule::new(&s.post_time, &s.timezone) else {
        return "unknown (the settings no longer parse; run /daily set again)".into();
    };
    let last = last_day.and_then(|d| d.parse().ok());
    match schedule.decide(now, last) {
        Decision::PostNow { .. } => "now (due and not yet posted today)".into(),
        Decision::WaitUntil(t) => t
            .to_zoned_datetime(schedule.zone.clone())
            .strftime("%Y-%m-%d %H:%M %Z")
            .to_string(),
    }
}

pub fn set(
    lib: &Library,
    store: &mut impl DailyStore,
    guild_id: u64,
    can_manage: bool,
    req: &SetRequest,
    now: Timestamp,
) -> Result<Reply, UserError> {
    if !can_manage {
        return Err(UserError::new(NEEDS_MANAGE));
    }
    let time = parse_time(&req.time).map_err(|m| UserError::option("time", m))?;
    parse_zone(&req.timezone).map_err(|m| UserError::option("timezone", m))?;
    let speaker = req
        .speaker
        .as_deref()
        .map(|s| resolve_speaker(lib, s))
        .transpose()?;
    if let Some(t) = &req.topic
        && t.chars().count() > MAX_TOPIC
    {
        return Err(UserError::option(
            "topic",
            format!("too long; at most {MAX_TOPIC} characters"),
        ));
    }
    let matches = eligible(lib, speaker, req.topic.as_deref()).map_err(UserError::new)?;
    if matches.is_empty() {
        return Err(UserError::option(
            "topic",
            "no quote matches this speaker and topic; widen the filter",
        ));
    }
    let settings = DailySettings {
        guild_id,
        channel_id: req.channel_id,
        post_time: format!("{:02}:{:02}", time.hour(), time.minute()),
        timezone: req.timezone.trim().to_string(),
        speaker: speaker.map(str::to_string),
        topic: req.topic.clone(),
        paused_reason: None,
    };
    store
        .set_daily(&settings, &now.to_string())
        .map_err(storage)?;
    let last = store.last_post(guild_id).map_err(storage)?;
    Ok(Reply::one(
        Card::new(
            "Daily quote set",
            format!("A quote {}.", describe_schedule(&settings)),
        )
        .field(
            "Next post",
            next_post(&settings, last.as_ref().map(|l| l.local_day.as_str()), now),
            false,
        )
        .field("Quotes to choose from", matches.len().to_string(), true)
        .footer(corpus_footer(lib)),
    ))
}

pub fn show(
    lib: &Library,
    store: &impl DailyStore,
    guild_id: u64,
    now: Timestamp,
) -> Result<Reply, UserError> {
    let Some(s) = store.daily(guild_id).map_err(storage)? else {
        return Ok(Reply::one(Card::new(
            "No daily quote here",
            "This server has no daily quote. A moderator can start one: /daily set channel:#news time:09:00 timezone:Europe/Berlin",
        )));
    };
    let last = store.last_post(guild_id).map_err(storage)?;
    let mut card = Card::new("Daily quote", format!("A quote {}.", describe_schedule(&s)));
    if let Some(reason) = &s.paused_reason {
        card = card.field(
            "Paused",
            format!("{reason}. Fix that, then run /daily set again to resume."),
            false,
        );
    } else {
        card = card.field(
            "Next post",
            next_post(&s, last.as_ref().map(|l| l.local_day.as_str()), now),
            false,
        );
    }
    if let Some(l) = &last {
        let state = match l.state {
            PostState::Sent => "sent",
            PostState::Sending => "not confirmed by Discord yet",
            PostState::Lost => "lost in a restart",
        };
        card = card.field("Last post", format!("{} ({state})", l.local_day), true);
    }
    Ok(Reply::one(card.footer(corpus_footer(lib))))
}

pub fn off(
    store: &mut impl DailyStore,
    guild_id: u64,
    can_manage: bool,
) -> Result<Reply, UserError> {
    if !can_manage {
        return Err(UserError::new(NEEDS_MANAGE));
    }
    let removed = store.delete_daily(guild_id).map_err(storage)?;
    Ok(Reply::one(if removed {
        Card::new(
            "Daily quote stopped",
            "No more daily quotes in this server. /daily set starts them again.",
        )
    } else {
        Card::new("Nothing to stop", "This server has no daily quote.")
    }))
}

/// The next post as it would look, shown only to the asker; nothing is recorded.
pub fn preview(
    lib: &Library,
    store: &impl DailyStore,
    guild_id: u64,
    rng: &mut impl rand::Rng,
) -> Result<Reply, UserError> {
    let Some(s) = store.daily(guild_id).map_err(storage)? else {
        return Err(UserError::new(
            "this server has no daily quote yet; /daily set starts one",
        ));
    };
    match pick(lib, store, &s, rng) {
        Ok((quote, _)) => {
            Ok(Reply::one(quote_card(lib, &quote, "Quote of the day (preview)")).private())
        }
        Err(PlanError::Settings(m)) => Err(UserError::new(m)),
        Err(PlanError::Storage(e)) => Err(storage(e)),
    }
}
