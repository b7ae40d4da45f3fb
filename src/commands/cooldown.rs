//! Per-member cooldowns on the commands that search, so one member's flood cannot crowd out a
//! server. Pure: the caller passes the time.

use std::collections::HashMap;
use std::time::{Duration, Instant};

/// How long a member waits between two uses of a command; commands not listed have none.
pub const COOLDOWNS: &[(&str, Duration)] = &[
    ("quote", Duration::from_secs(2)),
    ("claim", Duration::from_secs(2)),
    ("random", Duration::from_secs(2)),
    ("source", Duration::from_secs(5)),
];

/// When each member last used each command.
#[derive(Debug, Default)]
pub struct Cooldowns {
    last: HashMap<(u64, &'static str), Instant>,
}

impl Cooldowns {
    /// Records a use of `command` by `user` at `now`, or returns how long they must still wait.
    pub fn try_use(
        &mut self,
        user: u64,
        command: &'static str,
        now: Instant,
    ) -> Result<(), Duration> {
        let Some(&(_, wait)) = COOLDOWNS.iter().find(|(c, _)| *c == command) else {
            return Ok(());
        };
        if let Some(&last) = self.last.get(&(user, command)) {
            let passed = now.saturating_duration_since(last);
            if passed < wait {
                return Err(wait - passed);
            }
        }
        // Forget stale entries now and then, so the map stays as small as the active members.
        if self.last.len() > 10_000 {
            self.last
                .retain(|_, t| now.saturating_duration_since(*t) < Duration::from_secs(60));
        }
        self.last.insert((user, command), now);
        Ok(())
    }
}

/// The message for a member who must wait.
pub fn wait_message(command: &str, remaining: Duration) -> String {
    let secs = remaining.as_secs_f64().ceil().max(1.0) as u64;
    format!("Easy there: you can use /{command} again in {secs} s.")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_member_waits_between_searches_others_do_not() {
        let mut c = Cooldowns::default();
        let t0 = Instant::now();
        assert!(c.try_use(1, "source", t0).is_ok());
        let wait = c
            .try_use(1, "source", t0 + Duration::from_secs(2))
            .unwrap_err();
        assert_eq!(wait, Duration::from_secs(3));
        assert_eq!(
            wait_message("source", wait),
            "Easy there: you can use /source again in 3 s."
        );
        assert!(
            c.try_use(2, "source", t0 + Duration::from_secs(2)).is_ok(),
            "another member"
        );
        assert!(
            c.try_use(1, "quote", t0 + Duration::from_secs(2)).is_ok(),
            "another command"
        );
        assert!(
            c.try_use(1, "source", t0 + Duration::from_secs(5)).is_ok(),
            "after the wait"
        );
        assert!(
            c.try_use(1, "help", t0).is_ok() && c.try_use(1, "help", t0).is_ok(),
            "no cooldown"
        );
    }
}
