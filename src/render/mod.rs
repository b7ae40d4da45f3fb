//! Rendering: the neutral `Card` every command answers with, and its plain-text form for the
//! console. The Discord shell turns the same cards into embeds; nothing here knows Discord.

pub mod card;
pub mod text;

pub use card::{Card, CardField, Reply, Tone};
