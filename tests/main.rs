//! The one integration test binary: each module tests a user-visible behaviour end to end.

/// Extraction fixture tables: one loader runs every `name / text / expect` case.
mod fixtures;
/// Reviewed snapshots of everything extracted from each corpus article.
mod snapshots;
/// The `quotebot` binary run as a user would: `extract`, `export`, bad input.
mod cli;
