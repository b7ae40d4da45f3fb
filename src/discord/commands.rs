//! The slash commands as poise sees them: each only gathers its options as text and hands them
//! to the core (`commands::run`), so the bot and the console validate and answer alike. Names,
//! descriptions and options come from the command table (`commands::spec`); a test checks that
//! the options declared here match it.

use super::reply::{respond, send_reply};
use super::{Context, Error};
use crate::commands::spec::{self, Suggest};
use crate::commands::suggest::suggestions;
use crate::reload::{reload_reply, triggers};
use poise::serenity_prelude as serenity;

fn pairs(values: &[(&str, Option<String>)]) -> Vec<(String, String)> {
    values
        .iter()
        .filter_map(|(k, v)| v.as_ref().map(|v| (k.to_string(), v.clone())))
        .collect()
}

async fn suggest(
    ctx: Context<'_>,
    what: Suggest,
    partial: &str,
) -> serenity::CreateAutocompleteResponse {
    let choices: Vec<serenity::AutocompleteChoice> =
        suggestions(&ctx.data().lib.current(), what, partial)
            .into_iter()
            .map(|s| {
                // Discord caps a choice's name and value at 100 characters.
                let s: String = s.chars().take(100).collect();
                serenity::AutocompleteChoice::new(s.clone(), s)
            })
            .collect();
    serenity::CreateAutocompleteResponse::new().set_choices(choices)
}

async fn suggest_speakers(ctx: Context<'_>, partial: &str) -> serenity::CreateAutocompleteResponse {
    suggest(ctx, Suggest::Speakers, partial).await
}

async fn suggest_sources(ctx: Context<'_>, partial: &str) -> serenity::CreateAutocompleteResponse {
    suggest(ctx, Suggest::Sources, partial).await
}

async fn suggest_topics(ctx: Context<'_>, partial: &str) -> serenity::CreateAutocompleteResponse {
    suggest(ctx, Suggest::Topics, partial).await
}

#[poise::command(slash_command)]
pub async fn quote(
    ctx: Context<'_>,
    #[autocomplete = "suggest_topics"]
    #[max_length = 200]
    topic: Option<String>,
    #[autocomplete = "suggest_speakers"]
    #[max_length = 100]
    speaker: Option<String>,
    #[autocomplete = "suggest_sources"]
    #[max_length = 100]
    source: Option<String>,
    #[max_length = 40] from: Option<String>,
    #[max_length = 40] to: Option<String>,
) -> Result<(), Error> {
    let given = pairs(&[
        ("topic", topic),
        ("speaker", speaker),
        ("source", source),
        ("from", from),
        ("to", to),
    ]);
    respond(ctx, "quote", given).await
}

#[poise::command(slash_command)]
pub async fn claim(
    ctx: Context<'_>,
    #[autocomplete = "suggest_topics"]
    #[max_length = 200]
    topic: Option<String>,
    #[max_length = 40] min: Option<String>,
    #[max_length = 40] max: Option<String>,
    #[choices("count", "percent", "money", "year", "other")] unit: Option<&'static str>,
    #[choices("relevance", "date", "value")] sort: Option<&'static str>,
) -> Result<(), Error> {
    let given = pairs(&[
        ("topic", topic),
        ("min", min),
        ("max", max),
        ("unit", unit.map(str::to_string)),
        ("sort", sort.map(str::to_string)),
    ]);
    respond(ctx, "claim", given).await
}

#[poise::command(slash_command)]
pub async fn source(ctx: Context<'_>, #[max_length = 1500] text: String) -> Result<(), Error> {
    respond(ctx, "source", pairs(&[("text", Some(text))])).await
}

#[poise::command(slash_command)]
pub async fn random(
    ctx: Context<'_>,
    #[autocomplete = "suggest_speakers"]
    #[max_length = 100]
    speaker: Option<String>,
    #[autocomplete = "suggest_topics"]
    #[max_length = 200]
    topic: Option<String>,
) -> Result<(), Error> {
    respond(
        ctx,
        "random",
        pairs(&[("speaker", speaker), ("topic", topic)]),
    )
    .await
}

#[poise::command(slash_command)]
pub async fn speakers(
    ctx: Context<'_>,
    #[autocomplete = "suggest_speakers"]
    #[max_length = 100]
    name: Option<String>,
) -> Result<(), Error> {
    respond(ctx, "speakers", pairs(&[("name", name)])).await
}

#[poise::command(slash_command)]
pub async fn articles(
    ctx: Context<'_>,
    #[autocomplete = "suggest_sources"]
    #[max_length = 100]
    source: Option<String>,
) -> Result<(), Error> {
    respond(ctx, "articles", pairs(&[("source", source)])).await
}

#[poise::command(slash_command)]
pub async fn about(ctx: Context<'_>) -> Result<(), Error> {
    respond(ctx, "about", Vec::new()).await
}

#[poise::command(slash_command)]
pub async fn help(ctx: Context<'_>) -> Result<(), Error> {
    respond(ctx, "help", Vec::new()).await
}

/// Rebuild the corpus from its folder without downtime (bot owner only)
///
/// Not in the command table: it is the operator's, not a member's, so /help does not list it and
/// Discord shows it only to administrators; poise refuses anyone but the application's owners.
#[poise::command(
    slash_command,
    owners_only,
    default_member_permissions = "ADMINISTRATOR"
)]
pub async fn reload(ctx: Context<'_>) -> Result<(), Error> {
    // A rebuild takes seconds on a large corpus: acknowledge now, privately.
    ctx.defer_ephemeral().await?;
    let reloader = ctx.data().reloader.clone();
    let outcome = tokio::task::spawn_blocking(move || reloader.reload()).await?;
    triggers::log(&outcome);
    send_reply(ctx, Ok(reload_reply(&outcome))).await
}

/// Every command, with descriptions from the command table.
pub fn all() -> Vec<poise::Command<super::Data, Error>> {
    let mut commands = vec![
        quote(),
        claim(),
        source(),
        random(),
        speakers(),
        articles(),
        about(),
        help(),
        super::daily::daily(),
        reload(),
    ];
    for c in &mut commands {
        let Some(s) = spec::command(&c.name) else {
            continue;
        };
        c.description = Some(s.description.into());
        for p in &mut c.parameters {
            if let Some(o) = s.options.iter().find(|o| o.name == p.name) {
                p.description = Some(o.description.into());
            }
        }
    }
    commands
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bot_offers_exactly_the_command_table() {
        let commands = all();
        let names: Vec<&str> = commands.iter().map(|c| c.name.as_ref()).collect();
        let mut table: Vec<&str> = spec::COMMANDS.iter().map(|c| c.name).collect();
        // /daily manages a server's settings: a Discord-only command; /reload is the owner's.
        table.extend(["daily", "reload"]);
        assert_eq!(names, table);
        for c in commands
            .iter()
            .filter(|c| !matches!(c.name.as_ref(), "daily" | "reload"))
        {
            let s = spec::command(&c.name).unwrap();
            let params: Vec<&str> = c.parameters.iter().map(|p| p.name.as_ref()).collect();
            let options: Vec<&str> = s.options.iter().map(|o| o.name).collect();
            assert_eq!(params, options, "/{}", c.name);
            assert!(c.description.is_some());
            for (p, o) in c.parameters.iter().zip(s.options) {
                assert_eq!(p.required, o.required, "/{} {}", c.name, o.name);
                assert!(p.description.is_some(), "/{} {}", c.name, o.name);
                let choices: Vec<&str> = p.choices.iter().map(|ch| ch.name.as_ref()).collect();
                assert_eq!(choices, o.choices, "/{} {}", c.name, o.name);
            }
        }
    }
}
