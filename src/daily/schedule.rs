//! When a daily post is due: once per local calendar day at the set time in the server's zone.
//! A missed post goes out as soon as possible while its local day lasts; a day that already has
//! its post waits for the next. Times that a daylight-saving jump skips move forward with it.

use jiff::civil::{Date, Time};
use jiff::tz::TimeZone;
use jiff::{Timestamp, ZonedDateTime};
use regex::Regex;
use std::sync::LazyLock;

/// A server's posting time: a local time of day in an IANA zone.
#[derive(Debug, Clone, PartialEq)]
pub struct Schedule {
    pub time: Time,
    pub zone: TimeZone,
    /// The zone's IANA name, as stored and shown.
    pub zone_name: String,
}

/// What to do now for one server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    /// Post now: this local day has no post yet and its time has come.
    PostNow { local_day: Date },
    /// Nothing until this instant.
    WaitUntil(Timestamp),
}

/// "09:00", "9:00", "9am", "9:30 pm", "21:15".
pub fn parse_time(text: &str) -> Result<Time, String> {
    static TIME: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^\s*(\d{1,2})(?::(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?\s*$").unwrap()
    });
    let err = || format!("`{text}` is not a time of day; write 09:00, 9am or 21:30");
    let caps = TIME.captures(text).ok_or_else(err)?;
    let mut hour: i8 = caps[1].parse().map_err(|_| err())?;
    let minute: i8 = caps
        .get(2)
        .map_or(Ok(0), |m| m.as_str().parse())
        .map_err(|_| err())?;
    match caps.get(3).map(|m| m.as_str().to_lowercase()) {
        Some(half) => {
            if !(1..=12).contains(&hour) {
                return Err(err());
            }
            let pm = half.starts_with('p');
            hour = match (hour, pm) {
                (12, false) => 0,
                (12, true) => 12,
                (h, true) => h + 12,
                (h, false) => h,
            };
        }
        None if caps.get(2).is_none() => return Err(err()),
        None => {}
    }
    Time::new(hour, minute, 0, 0).map_err(|_| err())
}

/// An IANA zone name ("Europe/Berlin", "UTC").
pub fn parse_zone(name: &str) -> Result<TimeZone, String> {
    TimeZone::get(name.trim()).map_err(|_| {
        format!("`{name}` is not a time zone; use an IANA name such as Europe/Berlin, America/New_York or UTC")
    })
}

impl Schedule {
    pub fn new(time: &str, zone: &str) -> Result<Schedule, String> {
        Ok(Schedule {
            time: parse_time(time)?,
            zone: parse_zone(zone)?,
            zone_name: zone.trim().to_string(),
        })
    }

    /// The instant of the post for one local day. A time skipped by a spring-forward jump is
    /// taken after the jump; a time that happens twice in autumn is taken the first time.
    pub fn due_on(&self, day: Date) -> Timestamp {
        let local = day.to_datetime(self.time);
        match local.to_zoned_datetime(self.zone.clone()) {
            Ok(z) => z.timestamp(),
            // Only out-of-range dates fail; fall back to the start of that day in UTC.
            Err(_) => Timestamp::UNIX_EPOCH,
        }
    }

    /// The local calendar day at `now`.
    pub fn local_day(&self, now: Timestamp) -> Date {
        ZonedDateTime::new(now, self.zone.clone()).date()
    }

    /// What to do at `now`, given the local day of the last post (if any).
    pub fn decide(&self, now: Timestamp, last_posted: Option<Date>) -> Decision {
        let today = self.local_day(now);
        if last_posted.is_some_and(|d| d >= today) {
            return Decision::WaitUntil(self.due_on(today.tomorrow().unwrap_or(today)));
        }
        let due = self.due_on(today);
        if now >= due {
            Decision::PostNow { local_day: today }
        } else {
            Decision::WaitUntil(due)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    #[test]
    fn times_as_people_write_them() {
        assert_eq!(parse_time("09:00").unwrap(), Time::new(9, 0, 0, 0).unwrap());
        assert_eq!(parse_time("9am").unwrap(), Time::new(9, 0, 0, 0).unwrap());
        assert_eq!(
            parse_time("9:30 PM").unwrap(),
            Time::new(21, 30, 0, 0).unwrap()
        );
        assert_eq!(parse_time("12am").unwrap(), Time::new(0, 0, 0, 0).unwrap());
        for bad in ["25:00", "9", "13pm", "9:60", "noon", ""] {
            assert!(parse_time(bad).is_err(), "{bad}");
        }
        assert!(parse_zone("Europe/Berlin").is_ok());
        assert!(parse_zone("Mars/Olympus").unwrap_err().contains("IANA"));
    }

    #[test]
    fn posts_once_per_local_day_at_the_local_time() {
        let s = Schedule::new("09:00", "Europe/Berlin").unwrap();
        // 07:59 UTC is 08:59 in Berlin in winter: wait until 08:00 UTC.
        assert_eq!(
            s.decide(at("2026-01-10T07:59:00Z"), None),
            Decision::WaitUntil(at("2026-01-10T08:00:00Z"))
        );
        let day = Date::new(2026, 1, 10).unwrap();
        assert_eq!(
            s.decide(at("2026-01-10T08:00:00Z"), None),
            Decision::PostNow { local_day: day }
        );
        // Posted today: next one tomorrow at 09:00 local.
        assert_eq!(
            s.decide(at("2026-01-10T12:00:00Z"), Some(day)),
            Decision::WaitUntil(at("2026-01-11T08:00:00Z"))
        );
    }

    #[test]
    fn a_missed_post_goes_out_while_its_local_day_lasts() {
        let s = Schedule::new("09:00", "America/New_York").unwrap();
        let yesterday = Date::new(2026, 3, 1).unwrap();
        // Down all morning; up at 23:30 New York time (04:30 UTC next day): still the 2nd there.
        let now = at("2026-03-03T04:30:00Z");
        assert_eq!(
            s.decide(now, Some(yesterday)),
            Decision::PostNow {
                local_day: Date::new(2026, 3, 2).unwrap()
            }
        );
    }

    #[test]
    fn daylight_saving_changes_keep_the_local_time() {
        let s = Schedule::new("09:00", "Europe/Berlin").unwrap();
        // Summer time began 2026-03-29: 09:00 is then 07:00 UTC, the day before 08:00 UTC.
        assert_eq!(
            s.due_on(Date::new(2026, 3, 28).unwrap()),
            at("2026-03-28T08:00:00Z")
        );
        assert_eq!(
            s.due_on(Date::new(2026, 3, 29).unwrap()),
            at("2026-03-29T07:00:00Z")
        );
        // 02:30 does not exist that night: the post moves forward with the clocks.
        let skipped = Schedule::new("02:30", "Europe/Berlin").unwrap();
        assert_eq!(
            skipped.due_on(Date::new(2026, 3, 29).unwrap()),
            at("2026-03-29T01:30:00Z")
        );
        // 02:30 happens twice on 2026-10-25: the first one counts, and only one post is due.
        let twice = Schedule::new("02:30", "Europe/Berlin").unwrap();
        let first = at("2026-10-25T00:30:00Z");
        assert_eq!(twice.due_on(Date::new(2026, 10, 25).unwrap()), first);
        let day = Date::new(2026, 10, 25).unwrap();
        assert!(matches!(
            twice.decide(at("2026-10-25T01:30:00Z"), Some(day)),
            Decision::WaitUntil(_)
        ));
    }

    #[test]
    fn zones_far_from_utc_use_their_own_calendar_day() {
        let s = Schedule::new("08:00", "Pacific/Kiritimati").unwrap(); // UTC+14
        assert_eq!(
            s.local_day(at("2026-05-01T20:00:00Z")),
            Date::new(2026, 5, 2).unwrap()
        );
    }
}
