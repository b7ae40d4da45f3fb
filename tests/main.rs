//! The one integration test binary: each module tests a user-visible behaviour end to end.

/// The `quotebot` binary run as a user would: `extract`, `export`, bad input.
mod cli;
/// Every command against the bundled corpus, and every validation message.
mod commands;
/// The console and `ask` run as a user would run them.
mod console;
/// kill -9 during `/daily set` and posting: nothing lost, nothing doubled, nothing torn.
#[cfg(unix)]
mod crash;
/// Daily posts: restarts, crash semantics, and end to end against the fake Discord.
mod daily;
/// The real bot against the fake Discord.
mod discord;
/// Extraction fixture tables: one loader runs every `name / text / expect` case.
mod fixtures;
/// Bounded fuzzing: saved crash inputs, seeds and their mutations through parser and extractors.
mod fuzz;
/// Pathological articles: extraction time grows linearly with size, under a hang guard.
mod linear_time;
/// Reloading the corpus without a restart: the report, the old library kept, each trigger.
mod reload;
/// Property tests: arbitrary articles and commands never panic.
mod robustness;
/// Reviewed snapshots of everything extracted from each corpus article.
mod snapshots;
/// A bad DATABASE_PATH stops quotebot at start-up with the file and the fix.
#[cfg(unix)]
mod storage;
/// A fake Discord (REST + gateway) on 127.0.0.1 and payload builders; its smoke test runs
/// real serenity + poise against it.
mod support;
/// The warm-start cache: unchanged corpora skip extraction and indexing, changes redo only themselves.
mod warm_start;
