//! Calendar dates as news writes them, parsed into a [`PartialDate`] that may know only a year or a
//! month. Owns the month-name table and the date shapes; knows nothing of articles or quotes.

use regex::Regex;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::sync::LazyLock;

/// A date that may be known only to the month or the year ("2019-10", "2015").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl PartialDate {
    pub fn ymd(year: i32, month: u8, day: u8) -> Self {
        Self {
            year,
            month: Some(month),
            day: Some(day),
        }
    }

    /// Parses the ISO forms this crate writes: "YYYY", "YYYY-MM", "YYYY-MM-DD".
    pub fn parse_iso(text: &str) -> Option<Self> {
        static ISO: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$").unwrap());
        let caps = ISO.captures(text.trim())?;
        let year = caps[1].parse().ok()?;
        let month = caps.get(2).and_then(|m| m.as_str().parse().ok());
        let day = caps.get(3).and_then(|m| m.as_str().parse().ok());
        Self::checked(year, month, day)
    }

    /// Builds a date only when its month and day exist.
    pub fn checked(year: i32, month: Option<u8>, day: Option<u8>) -> Option<Self> {
        if let Some(m) = month {
            if !(1..=12).contains(&m) {
                return None;
            }
            if let Some(d) = day
                && (d == 0 || d > days_in_month(year, m))
            {
                return None;
            }
        } else if day.is_some() {
            return None;
        }
        Some(Self { year, month, day })
    }

    /// The month before this one, for "last month" relative to a known month.
    pub fn previous_month(self) -> Option<Self> {
        let month = self.month?;
        Some(if month == 1 {
            Self {
                year: self.year - 1,
                month: Some(12),
                day: None,
            }
        } else {
            Self {
                year: self.year,
                month: Some(month - 1),
                day: None,
            }
        })
    }

    /// The first possible day covered by this date, for range filters.
    pub fn first_day(self) -> (i32, u8, u8) {
        (self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// The last possible day covered by this date, for range filters.
    pub fn last_day(self) -> (i32, u8, u8) {
        let month = self.month.unwrap_or(12);
        (
            self.year,
            month,
            self.day.unwrap_or(days_in_month(self.year, month)),
        )
    }
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
            if let Some(d) = self.day {
                write!(f, "-{d:02}")?;
            }
        }
        Ok(())
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        PartialDate::parse_iso(&text).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "`{text}` is not a date written YYYY, YYYY-MM or YYYY-MM-DD"
            ))
        })
    }
}

/// Month names and their abbreviations as they appear in datelines.
const MONTHS: &[(&str, u8)] = &[
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];

pub fn month_number(name: &str) -> Option<u8> {
    let lower = name.trim_end_matches('.').to_lowercase();
    MONTHS.iter().find(|(n, _)| *n == lower).map(|(_, m)| *m)
}

const MONTH_ALTERNATION: &str = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?";

/// Every shape of date this module reads, with the capture names it uses.
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    let m = MONTH_ALTERNATION;
    Regex::new(&format!(
        r"(?x)
        \b(?P<iy>\d{{4}})-(?P<im>\d{{2}})-(?P<id>\d{{2}})\b
        | \b(?P<dd>\d{{1,2}})\s+(?P<dm>{m})\s*,?\s+(?P<dy>\d{{4}})\b
        | \b(?P<mm>{m})\s+(?P<md>\d{{1,2}})(?:st|nd|rd|th)?\s*,?\s+(?P<my>\d{{4}})\b
        | \b(?P<om>{m})\s+(?:of\s+)?(?P<oy>\d{{4}})\b
        "
    ))
    .unwrap()
});

/// A date found in text, with its byte range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FoundDate {
    pub date: PartialDate,
    pub start: usize,
    pub end: usize,
}

/// All full or month-level dates written in `text`, in order: "Saturday 26 September 2015",
/// "2012-02-07 08:23", "Jun 25 2013", "Sept. 26, 2015", "December 2015".
pub fn find_dates(text: &str) -> Vec<FoundDate> {
    DATE.captures_iter(text)
        .filter_map(|c| {
            let whole = c.get(0)?;
            let date = if let Some(y) = c.name("iy") {
                PartialDate::checked(
                    y.as_str().parse().ok()?,
                    c["im"].parse().ok(),
                    c["id"].parse().ok(),
                )
            } else if let Some(y) = c.name("dy") {
                PartialDate::checked(
                    y.as_str().parse().ok()?,
                    month_number(&c["dm"]),
                    c["dd"].parse().ok(),
                )
            } else if let Some(y) = c.name("my") {
                PartialDate::checked(
                    y.as_str().parse().ok()?,
                    month_number(&c["mm"]),
                    c["md"].parse().ok(),
                )
            } else {
                PartialDate::checked(c["oy"].parse().ok()?, month_number(&c["om"]), None)
            }?;
            Some(FoundDate {
                date,
                start: whole.start(),
                end: whole.end(),
            })
        })
        .collect()
}

/// The first date in `text`, if any.
pub fn first_date(text: &str) -> Option<PartialDate> {
    find_dates(text).first().map(|d| d.date)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_dateline_shape() {
        let cases = [
            ("Saturday 26 September 2015", "2015-09-26"),
            ("Updated: 2012-02-07 08:23", "2012-02-07"),
            ("Jun 25 2013", "2013-06-25"),
            ("Sept. 26, 2015", "2015-09-26"),
            ("06:05, September 26, 2015", "2015-09-26"),
            ("in December 2015", "2015-12"),
            ("on November 19, 2014", "2014-11-19"),
        ];
        for (text, want) in cases {
            assert_eq!(
                first_date(text).map(|d| d.to_string()).as_deref(),
                Some(want),
                "{text}"
            );
        }
    }

    #[test]
    fn rejects_impossible_dates_and_bare_years() {
        assert_eq!(first_date("31 February 2015"), None);
        assert_eq!(first_date("since 2014"), None);
        assert_eq!(first_date("2019-13-01"), None);
    }

    #[test]
    fn iso_round_trip_keeps_partial_precision() {
        for text in ["2019", "2019-10", "2019-10-21"] {
            assert_eq!(PartialDate::parse_iso(text).unwrap().to_string(), text);
        }
        assert_eq!(PartialDate::parse_iso("2019-02-30"), None);
    }

    #[test]
    fn previous_month_wraps_the_year() {
        let jan = PartialDate::parse_iso("2020-01").unwrap();
        assert_eq!(jan.previous_month().unwrap().to_string(), "2019-12");
    }
}
