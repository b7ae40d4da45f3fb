//! Configuration: raw environment (and `.env`, read by dotenvy in `main`) validated once into a
//! typed `Config`. Every key is documented in `.env.example`; every refusal names the key and
//! says what to write. The token is kept in a type that never prints it.

use std::fmt;

/// The bot token. Its `Debug` and `Display` never show it, so it cannot leak into logs.
#[derive(Clone, PartialEq, Eq)]
pub struct Token(String);

impl Token {
    /// The token itself, for the one place that hands it to Discord.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Token(redacted)")
    }
}

impl fmt::Display for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("(redacted)")
    }
}

/// Which shards this process runs when several processes share the bot.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShardRange {
    /// First shard id, inclusive.
    pub first: u32,
    /// Last shard id, inclusive (serenity's `start_shard_range` includes its end).
    pub last: u32,
    /// Shards in all processes together.
    pub total: u32,
}

/// Validated configuration.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    pub token: Option<Token>,
    /// Register commands in this guild only (instant, for development); globally otherwise.
    pub dev_guild: Option<u64>,
    /// Send every REST call through this HTTP proxy (which then owns rate limits).
    pub proxy_url: Option<String>,
    /// Run only these shards; autosharded when unset.
    pub shards: Option<ShardRange>,
    /// The SQLite file with daily-post settings and history.
    pub database_path: std::path::PathBuf,
    /// How often the corpus folder is looked at for changes; `None` turns the watcher off.
    pub corpus_watch: Option<std::time::Duration>,
    /// Where extractions and indexes are kept for fast restarts; `None`: not kept.
    pub cache_dir: Option<std::path::PathBuf>,
}

/// Looking every 10 s costs one `stat` per article file: about 0.1 s of one core per look at
/// 100,000 articles, and a new article is live within half a minute.
const DEFAULT_WATCH_SECS: u64 = 10;

/// A configuration key with a value that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{key}: {message}")]
pub struct ConfigError {
    pub key: &'static str,
    pub message: String,
}

fn bad(key: &'static str, message: impl Into<String>) -> ConfigError {
    ConfigError {
        key,
        message: message.into(),
    }
}

impl Config {
    /// Reads and validates every key through `get` (the environment, in `main`).
    pub fn from_lookup(get: impl Fn(&str) -> Option<String>) -> Result<Config, ConfigError> {
        let value = |key: &str| {
            get(key)
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty())
        };
        let token = value("DISCORD_TOKEN").map(Token);
        if let Some(t) = &token
            && t.0.chars().any(char::is_whitespace)
        {
            return Err(bad(
                "DISCORD_TOKEN",
                "contains spaces; paste the bot token alone, without `Bot ` in front",
            ));
        }
        let dev_guild = value("DEV_GUILD_ID")
            .map(|v| {
                v.parse::<u64>()
                    .ok()
                    .filter(|id| *id > 0)
                    .ok_or_else(|| bad("DEV_GUILD_ID", format!("`{v}` is not a server id; copy it with Developer Mode on (right-click the server, Copy Server ID)")))
            })
            .transpose()?;
        let proxy_url = value("DISCORD_PROXY_URL")
            .map(|v| {
                if v.starts_with("http://") || v.starts_with("https://") {
                    Ok(v.trim_end_matches('/').to_string())
                } else {
                    Err(bad(
                        "DISCORD_PROXY_URL",
                        format!("`{v}` must start with http:// or https://"),
                    ))
                }
            })
            .transpose()?;
        let shards = value("DISCORD_SHARDS")
            .map(|v| parse_shards(&v))
            .transpose()?;
        Ok(Config {
            token,
            dev_guild,
            proxy_url,
            shards,
            database_path: value("DATABASE_PATH")
                .map_or_else(|| "data/quotebot.sqlite3".into(), Into::into),
            corpus_watch: parse_watch(value("CORPUS_WATCH_SECS").as_deref())?,
            cache_dir: match value("CACHE_DIR") {
                None => Some("data/cache".into()),
                Some(v) if v.eq_ignore_ascii_case("off") => None,
                Some(v) => Some(v.into()),
            },
        })
    }
}

/// Seconds between looks at the corpus folder; 0 turns the watcher off.
fn parse_watch(v: Option<&str>) -> Result<Option<std::time::Duration>, ConfigError> {
    let secs = match v {
        None => DEFAULT_WATCH_SECS,
        Some(v) => v
            .parse::<u64>()
            .ok()
            .filter(|s| *s <= 86_400)
            .ok_or_else(|| {
                bad(
                    "CORPUS_WATCH_SECS",
                    format!("`{v}` is not a number of seconds from 0 (off) to 86400"),
                )
            })?,
    };
    Ok((secs > 0).then(|| std::time::Duration::from_secs(secs)))
}

/// "0-3/8": shards 0 to 3 of 8; "2/8": shard 2 of 8.
fn parse_shards(v: &str) -> Result<ShardRange, ConfigError> {
    let err = || {
        bad(
            "DISCORD_SHARDS",
            format!("`{v}` is not a shard range; write FIRST-LAST/TOTAL, for example 0-3/8"),
        )
    };
    let (range, total) = v.split_once('/').ok_or_else(err)?;
    let (first, last) = range.split_once('-').unwrap_or((range, range));
    let parse = |s: &str| s.trim().parse::<u32>().map_err(|_| err());
    let (first, last, total) = (parse(first)?, parse(last)?, parse(total)?);
    if first > last || last >= total {
        return Err(bad(
            "DISCORD_SHARDS",
            format!("`{v}`: need FIRST <= LAST < TOTAL"),
        ));
    }
    Ok(ShardRange { first, last, total })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn config(pairs: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Config::from_lookup(|k| map.get(k).cloned())
    }

    #[test]
    fn defaults_without_anything_set() {
        let c = config(&[]).unwrap();
        assert_eq!(c.token, None);
        assert_eq!(c.shards, None);
        assert_eq!(c.corpus_watch, Some(std::time::Duration::from_secs(10)));
        assert_eq!(c.cache_dir, Some("data/cache".into()));
        assert_eq!(config(&[("CACHE_DIR", "OFF")]).unwrap().cache_dir, None);
    }

    #[test]
    fn the_watcher_can_be_slowed_or_turned_off() {
        let c = config(&[("CORPUS_WATCH_SECS", "0")]).unwrap();
        assert_eq!(c.corpus_watch, None);
        let c = config(&[("CORPUS_WATCH_SECS", "60")]).unwrap();
        assert_eq!(c.corpus_watch, Some(std::time::Duration::from_secs(60)));
        assert_eq!(
            config(&[("CORPUS_WATCH_SECS", "soon")]).unwrap_err().key,
            "CORPUS_WATCH_SECS"
        );
    }

    #[test]
    fn the_token_never_prints() {
        let c = config(&[("DISCORD_TOKEN", "secret.token.value")]).unwrap();
        assert!(!format!("{c:?}").contains("secret"));
        assert_eq!(c.token.unwrap().expose(), "secret.token.value");
    }

    #[test]
    fn bad_values_name_the_key() {
        assert_eq!(
            config(&[("DEV_GUILD_ID", "abc")]).unwrap_err().key,
            "DEV_GUILD_ID"
        );
        assert_eq!(
            config(&[("DISCORD_PROXY_URL", "localhost:3000")])
                .unwrap_err()
                .key,
            "DISCORD_PROXY_URL"
        );
        assert_eq!(
            config(&[("DISCORD_SHARDS", "4-2/8")]).unwrap_err().key,
            "DISCORD_SHARDS"
        );
        assert!(
            config(&[("DISCORD_TOKEN", "Bot abc")])
                .unwrap_err()
                .message
                .contains("without `Bot `")
        );
    }

    #[test]
    fn shard_ranges_include_their_end() {
        let c = config(&[("DISCORD_SHARDS", "0-3/8")]).unwrap();
        assert_eq!(
            c.shards,
            Some(ShardRange {
                first: 0,
                last: 3,
                total: 8
            })
        );
        let c = config(&[("DISCORD_SHARDS", "5/8")]).unwrap();
        assert_eq!(
            c.shards,
            Some(ShardRange {
                first: 5,
                last: 5,
                total: 8
            })
        );
    }
}
