//! Retrying the bot's REST sends (replies, follow-ups, edits, daily posts) when Discord answers
//! 429 or 5xx or the connection fails: a bounded number of attempts with short pauses, so a
//! passing fault loses nothing and a lasting one ends in an error the caller can report.
//! Deciding what to tell the user is the caller's business, not this module's.
//!
//! Why here and not in serenity: with `DISCORD_PROXY_URL` serenity's own rate limiter is off (it
//! would send straight to discord.com, ignoring the proxy), and without it serenity hands back a
//! 429 as an ordinary error: the `Retry-After` header and `retry_after` field are dropped (its
//! error keeps the status and a parsed `{code, message}` body, and a rate-limit body has no
//! `code`). So a 429 seen here waits a fixed pause, doubled each time, which covers Discord's
//! usual sub-second route limits; the proxy's own limiter is what keeps 429s rare. Without a
//! proxy serenity's limiter stays on and waits exactly `retry_after` itself before it returns,
//! so this layer then only ever sees 5xx and connection errors.

use poise::serenity_prelude as serenity;
use std::future::Future;
use std::time::Duration;

/// How often and how patiently one send is tried.
#[derive(Debug, Clone, Copy)]
pub struct Policy {
    /// Attempts in all, the first included.
    pub attempts: u32,
    /// The pause after a first 5xx or connection error; doubled after each further one.
    pub server_error_pause: Duration,
    /// The pause after a first 429; doubled after each further one.
    pub rate_limit_pause: Duration,
}

/// For answers to interactions: three attempts whose pauses (at most 0.75 s for 5xx) keep an
/// initial response inside Discord's 3-second window when the core answered quickly.
pub const REPLY: Policy = Policy {
    attempts: 3,
    server_error_pause: Duration::from_millis(250),
    rate_limit_pause: Duration::from_millis(500),
};

/// Why an attempt failed, as far as retrying goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Failure {
    RateLimited,
    /// 5xx, or the request never got an answer.
    Transient,
    /// 4xx other than 429, a bad payload: trying again would fail the same way.
    Permanent,
}

fn classify(error: &serenity::Error) -> Failure {
    match error {
        serenity::Error::Http(serenity::HttpError::UnsuccessfulRequest(r)) => {
            match r.status_code.as_u16() {
                429 => Failure::RateLimited,
                500..=599 => Failure::Transient,
                _ => Failure::Permanent,
            }
        }
        serenity::Error::Http(serenity::HttpError::Request(_)) => Failure::Transient,
        _ => Failure::Permanent,
    }
}

/// A send Discord did not accept, after every attempt the policy allowed.
#[derive(Debug, thiserror::Error)]
#[error("Discord did not accept {what} after {attempts} attempt(s): {last}")]
pub struct Undelivered {
    /// What was being sent, for the log ("the answer", "a page update").
    pub what: &'static str,
    pub attempts: u32,
    /// The last error, to tell a refusal (403, 404) from a fault.
    pub last: serenity::Error,
}

impl Undelivered {
    /// Discord kept failing (5xx, 429, no connection) rather than refusing the request.
    pub fn was_fault(&self) -> bool {
        classify(&self.last) != Failure::Permanent
    }
}

/// Runs `send` until it succeeds, fails for good, or `policy.attempts` are used up.
pub async fn send<T, F, Fut>(
    what: &'static str,
    policy: Policy,
    mut send: F,
) -> Result<T, Undelivered>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T, serenity::Error>>,
{
    let mut attempt = 1;
    loop {
        let error = match send().await {
            Ok(value) => return Ok(value),
            Err(e) => e,
        };
        let pause = match classify(&error) {
            Failure::Permanent => None,
            Failure::RateLimited => Some(policy.rate_limit_pause),
            Failure::Transient => Some(policy.server_error_pause),
        };
        let Some(pause) = pause.filter(|_| attempt < policy.attempts) else {
            return Err(Undelivered {
                what,
                attempts: attempt,
                last: error,
            });
        };
        let pause = pause * 2u32.saturating_pow(attempt - 1);
        tracing::warn!(what, attempt, %error, ?pause, "Discord did not accept a send; trying again");
        tokio::time::sleep(pause).await;
        attempt += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicU32, Ordering};

    const QUICK: Policy = Policy {
        attempts: 3,
        server_error_pause: Duration::from_millis(1),
        rate_limit_pause: Duration::from_millis(1),
    };

    fn other_error() -> serenity::Error {
        serenity::Error::Other("not an HTTP error")
    }

    #[tokio::test]
    async fn a_permanent_error_is_tried_once() {
        let calls = AtomicU32::new(0);
        let out: Result<(), _> = send("x", QUICK, || {
            calls.fetch_add(1, Ordering::SeqCst);
            async { Err(other_error()) }
        })
        .await;
        let e = out.unwrap_err();
        assert_eq!((e.attempts, calls.load(Ordering::SeqCst)), (1, 1));
        assert!(!e.was_fault());
    }

    #[tokio::test]
    async fn success_is_returned_at_once() {
        let calls = AtomicU32::new(0);
        let out = send("x", QUICK, || {
            calls.fetch_add(1, Ordering::SeqCst);
            async { Ok::<_, serenity::Error>(7) }
        })
        .await;
        assert_eq!(out.unwrap(), 7);
        assert_eq!(calls.load(Ordering::SeqCst), 1);
    }
}
