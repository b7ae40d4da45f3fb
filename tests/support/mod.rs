//! Test support shared by the integration modules: a fake Discord (REST + gateway) that the
//! real bot connects to, and builders for the payloads it dispatches. Nothing here reaches the
//! network beyond 127.0.0.1, and every wait has a timeout.

// Not every test module uses every helper; the unused ones are still part of the kit.
#![allow(dead_code)]

pub mod fake_discord;
pub mod interactions;

/// The fake proven against real serenity + poise, before the bot itself uses it.
#[cfg(test)]
#[path = "../fake_discord_smoke.rs"]
mod smoke;
