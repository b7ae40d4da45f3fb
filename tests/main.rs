//! The one integration test binary: each module tests a user-visible behaviour end to end.

/// The `quotebot` binary run as a user would: `extract`, `export`, bad input.
mod cli;
/// Every command against the bundled corpus, and every validation message.
mod commands;
/// The console and `ask` run as a user would run them.
mod console;
/// Daily posts: restarts, crash semantics, and end to end against the fake Discord.
mod daily;
/// The real bot against the fake Discord.
mod discord;
/// Extraction fixture tables: one loader runs every `name / text / expect` case.
mod fixtures;
/// Property tests: arbitrary articles and commands never panic.
mod robustness;
/// Reviewed snapshots of everything extracted from each corpus article.
mod snapshots;
/// A fake Discord (REST + gateway) on 127.0.0.1 and payload builders; its smoke test runs
/// real serenity + poise against it.
mod support;
