//! Daily quote posts, the pure part: when a server's next post is due (local time, across
//! daylight-saving changes) and which quote it carries (no repeats within a cycle). No clock, no
//! randomness of its own, no Discord and no database: callers pass the time, the generator and
//! a `DailyStore`.

pub mod choice;
pub mod plan;
pub mod schedule;

use std::collections::HashSet;

/// A server's daily-post settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DailySettings {
    pub guild_id: u64,
    pub channel_id: u64,
    /// "HH:MM".
    pub post_time: String,
    pub timezone: String,
    pub speaker: Option<String>,
    pub topic: Option<String>,
    pub paused_reason: Option<String>,
}

/// A day's post as recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostRecord {
    pub local_day: String,
    pub quote_id: String,
    pub cycle: i64,
    pub state: PostState,
    pub claimed_at: String,
}

/// Where a day's post stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PostState {
    /// Claimed; Discord has not confirmed the message (yet, or because quotebot stopped).
    Sending,
    Sent,
    /// Given up after a crash: resending could have doubled it.
    Lost,
}

impl PostState {
    pub fn as_str(self) -> &'static str {
        match self {
            PostState::Sending => "sending",
            PostState::Sent => "sent",
            PostState::Lost => "lost",
        }
    }

    pub fn parse(text: &str) -> PostState {
        match text {
            "sent" => PostState::Sent,
            "lost" => PostState::Lost,
            _ => PostState::Sending,
        }
    }
}

/// The store failed (the message says how); the daily logic reports it, never panics.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct StorageError(pub String);

/// What the daily logic reads and writes; `store::Store` implements it over SQLite.
pub trait DailyStore {
    fn daily(&self, guild_id: u64) -> Result<Option<DailySettings>, StorageError>;
    fn set_daily(&mut self, settings: &DailySettings, now: &str) -> Result<(), StorageError>;
    fn delete_daily(&mut self, guild_id: u64) -> Result<bool, StorageError>;
    fn last_post(&self, guild_id: u64) -> Result<Option<PostRecord>, StorageError>;
    fn posted_in_cycle(&self, guild_id: u64, cycle: i64) -> Result<HashSet<String>, StorageError>;
    fn pause_daily(&mut self, guild_id: u64, reason: &str) -> Result<(), StorageError>;
    fn claim_day(
        &mut self,
        guild_id: u64,
        local_day: &str,
        quote_id: &str,
        cycle: i64,
        now: &str,
    ) -> Result<bool, StorageError>;
    fn set_post_state(
        &mut self,
        guild_id: u64,
        local_day: &str,
        state: PostState,
        message_id: Option<u64>,
    ) -> Result<(), StorageError>;
    fn release_day(&mut self, guild_id: u64, local_day: &str) -> Result<(), StorageError>;
}
