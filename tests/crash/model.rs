//! What the kill -9 test compares: the writes the child reported, replayed on a model of the
//! database, against what the reopened database holds.

use super::child::{GUILDS, REASON, now_of, settings_for};
use quotebot::daily::DailySettings;
use quotebot::store::Store;
use rusqlite::Connection;
use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

/// One store write, as the child reports it (`>op` before, `<op` after) and the parent replays.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Op {
    Set {
        guild: u64,
        i: u64,
    },
    Off {
        guild: u64,
        i: u64,
    },
    Pause {
        guild: u64,
    },
    Claim {
        guild: u64,
        day: String,
        i: u64,
    },
    Sent {
        guild: u64,
        day: String,
        message: u64,
    },
    Lost {
        guild: u64,
        day: String,
    },
    Release {
        guild: u64,
        day: String,
    },
}

impl fmt::Display for Op {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Op::Set { guild, i } => write!(f, "set {guild} {i}"),
            Op::Off { guild, i } => write!(f, "off {guild} {i}"),
            Op::Pause { guild } => write!(f, "pause {guild}"),
            Op::Claim { guild, day, i } => write!(f, "claim {guild} {day} {i}"),
            Op::Sent {
                guild,
                day,
                message,
            } => write!(f, "sent {guild} {day} {message}"),
            Op::Lost { guild, day } => write!(f, "lost {guild} {day}"),
            Op::Release { guild, day } => write!(f, "release {guild} {day}"),
        }
    }
}

impl Op {
    pub(super) fn parse(text: &str) -> Op {
        let w: Vec<&str> = text.split(' ').collect();
        let n = |k: usize| w[k].parse::<u64>().unwrap();
        match w[0] {
            "set" => Op::Set {
                guild: n(1),
                i: n(2),
            },
            "off" => Op::Off {
                guild: n(1),
                i: n(2),
            },
            "pause" => Op::Pause { guild: n(1) },
            "claim" => Op::Claim {
                guild: n(1),
                day: w[2].into(),
                i: n(3),
            },
            "sent" => Op::Sent {
                guild: n(1),
                day: w[2].into(),
                message: n(3),
            },
            "lost" => Op::Lost {
                guild: n(1),
                day: w[2].into(),
            },
            "release" => Op::Release {
                guild: n(1),
                day: w[2].into(),
            },
            other => panic!("unknown op {other} in the child's log"),
        }
    }

    pub(super) fn iteration(&self) -> Option<u64> {
        match self {
            Op::Set { i, .. } | Op::Off { i, .. } | Op::Claim { i, .. } => Some(*i),
            _ => None,
        }
    }
}

/// A `daily_posts` row as stored.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Row {
    quote_id: String,
    status: String,
    message_id: Option<i64>,
    claimed_at: String,
}

/// Everything the child writes: settings per server and posts per server and day.
#[derive(Debug, Clone, PartialEq, Default)]
pub(super) struct State {
    pub(super) settings: BTreeMap<u64, DailySettings>,
    pub(super) posts: BTreeMap<(u64, String), Row>,
}

impl State {
    /// The state after `op`, as SQLite applies it; `done` is false for a refused claim.
    pub(super) fn apply(&mut self, op: &Op, done: bool, quotes: &[String]) {
        match op {
            Op::Set { guild, i } => {
                self.settings.insert(*guild, settings_for(*guild, *i));
            }
            Op::Off { guild, .. } => {
                self.settings.remove(guild);
            }
            Op::Pause { guild } => {
                if let Some(s) = self.settings.get_mut(guild) {
                    s.paused_reason = Some(REASON.into());
                }
            }
            Op::Claim { guild, day, i } if done => {
                self.posts.entry((*guild, day.clone())).or_insert(Row {
                    quote_id: quotes[(*i as usize) % quotes.len()].clone(),
                    status: "sending".into(),
                    message_id: None,
                    claimed_at: now_of(*i).to_string(),
                });
            }
            Op::Claim { .. } => {}
            Op::Sent {
                guild,
                day,
                message,
            } => {
                if let Some(r) = self.posts.get_mut(&(*guild, day.clone())) {
                    r.status = "sent".into();
                    r.message_id = Some(*message as i64);
                }
            }
            Op::Lost { guild, day } => {
                if let Some(r) = self.posts.get_mut(&(*guild, day.clone())) {
                    r.status = "lost".into();
                    r.message_id = None;
                }
            }
            Op::Release { guild, day } => {
                let key = (*guild, day.clone());
                if self.posts.get(&key).is_some_and(|r| r.status == "sending") {
                    self.posts.remove(&key);
                }
            }
        }
    }

    pub(super) fn read(store: &Store, raw: &Connection) -> State {
        let settings = GUILDS
            .iter()
            .filter_map(|g| store.daily(*g).unwrap().map(|s| (*g, s)))
            .collect();
        let mut stmt = raw
            .prepare(
                "SELECT guild_id, local_day, quote_id, status, message_id, claimed_at FROM daily_posts",
            )
            .unwrap();
        let posts = stmt
            .query_map([], |r| {
                Ok((
                    (r.get::<_, i64>(0)? as u64, r.get::<_, String>(1)?),
                    Row {
                        quote_id: r.get(2)?,
                        status: r.get(3)?,
                        message_id: r.get(4)?,
                        claimed_at: r.get(5)?,
                    },
                ))
            })
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        State { settings, posts }
    }
}

/// What one child reported: the writes it finished, the one it had begun when it died (if
/// any), and how many resends and transient failures it saw.
#[derive(Default)]
pub(super) struct Report {
    pub(super) done: Vec<(Op, bool)>,
    pub(super) in_flight: Option<Op>,
    pub(super) ready: bool,
    /// The child stopped after a transient failure, as asked, and waits for the kill.
    pub(super) held: bool,
    pub(super) resends: usize,
    pub(super) transient: usize,
}

pub(super) fn read_report(log: &Path) -> Report {
    let text = std::fs::read_to_string(log).unwrap_or_default();
    let mut report = Report::default();
    // A line without its newline was cut by the kill; it never happens with one `write` per
    // line, and would be ignored if it did.
    let complete = text.rsplit_once('\n').map_or("", |(c, _)| c);
    for line in complete.lines() {
        if line == "ready" {
            report.ready = true;
        } else if line == "held" {
            report.held = true;
        } else if let Some(op) = line.strip_prefix('>') {
            report.in_flight = Some(Op::parse(op));
        } else if let Some(end) = line.strip_prefix('<') {
            let (op, done) = match end.strip_suffix(" refused") {
                Some(op) => (op, false),
                None => (end, true),
            };
            let op = Op::parse(op);
            assert_eq!(report.in_flight.take(), Some(op.clone()), "{line}");
            report.done.push((op, done));
        } else if line.starts_with("~resend") {
            report.resends += 1;
        } else if line.starts_with("~transient") {
            report.transient += 1;
        } else {
            panic!("unexpected line in the child's log: {line}");
        }
    }
    report
}
