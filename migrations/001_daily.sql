-- Daily quote posts: one settings row per server, one history row per server and local day.
CREATE TABLE daily_settings (
    guild_id      INTEGER PRIMARY KEY,
    channel_id    INTEGER NOT NULL,
    post_time     TEXT    NOT NULL,   -- HH:MM, local to `timezone`
    timezone      TEXT    NOT NULL,   -- IANA name
    speaker       TEXT,
    topic         TEXT,
    paused_reason TEXT,               -- set when posting failed in a way a moderator must fix
    updated_at    TEXT    NOT NULL
);

CREATE TABLE daily_posts (
    guild_id   INTEGER NOT NULL,
    local_day  TEXT    NOT NULL,      -- YYYY-MM-DD in the server's zone
    quote_id   TEXT    NOT NULL,
    cycle      INTEGER NOT NULL,      -- no quote repeats within a cycle
    status     TEXT    NOT NULL,      -- 'sending' before the message goes out, 'sent' after
    message_id INTEGER,
    claimed_at TEXT    NOT NULL,
    PRIMARY KEY (guild_id, local_day)
);
