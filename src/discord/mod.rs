//! The Discord shell, the only place that imports serenity and poise: builds the client (through
//! an HTTP proxy when configured), registers the slash commands, answers them from the core, and
//! shuts down cleanly. Everything a command decides is decided in `crate::commands`.

mod commands;
pub mod daily;
pub mod embed;
mod intake;
pub mod lifecycle;
mod reply;
pub mod retry;

use crate::commands::UserError;
use crate::config::{Config, Token};
use crate::library::{Library, SharedLibrary};
use crate::reload::Reloader;
use crate::render::Reply;
use crate::store::Store;
use daily::Clock;
use poise::serenity_prelude as serenity;
use std::sync::{Arc, Mutex};
use std::time::Duration;

pub use commands::all as command_list;
pub use intake::{EXPIRED, RESTARTING};
pub use reply::UNDELIVERED;

/// How long shutdown waits for answers in flight before closing the shards anyway.
pub const FINISH_IN_FLIGHT: Duration = Duration::from_secs(10);

/// Runs one command in the core: `commands::run` with a fresh random source. A seam so the
/// shell's timing (deferral, shutdown) can be exercised with a core that takes its time.
pub type Core =
    Arc<dyn Fn(&Library, &str, &[(String, String)]) -> Result<Reply, UserError> + Send + Sync>;

/// The real core.
pub fn core() -> Core {
    Arc::new(|lib, name, given| crate::commands::run(lib, name, given, &mut rand::rng()))
}

/// What every command handler can read.
pub struct Data {
    /// The current library; a reload swaps it while commands keep answering.
    pub lib: Arc<SharedLibrary>,
    /// Rebuilds `lib` for `/reload` (the same one SIGHUP and the folder watcher use).
    pub reloader: Arc<Reloader>,
    /// How long page buttons keep working after an answer.
    pub page_timeout: Duration,
    /// Daily-post settings and history.
    pub store: Arc<Mutex<Store>>,
    pub clock: Clock,
    /// Per-member cooldowns on the searching commands (not on autocomplete).
    pub cooldowns: Mutex<crate::commands::cooldown::Cooldowns>,
    /// What commands run to compute an answer.
    pub core: Core,
    /// Work in flight, shutdown, and which page buttons are live.
    pub lifecycle: Arc<lifecycle::Lifecycle>,
}

pub type Error = Box<dyn std::error::Error + Send + Sync>;
pub type Context<'a> = poise::Context<'a, Data, Error>;

/// Settings of the shell that are not configuration keys (tests shorten them).
#[derive(Clone)]
pub struct Settings {
    pub page_timeout: Duration,
    /// How often the daily-post loop looks for due posts.
    pub daily_tick: Duration,
    pub clock: Clock,
    /// What commands run to compute an answer: [`core`] unless a test slows it down.
    pub core: Core,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            page_timeout: Duration::from_secs(300),
            daily_tick: Duration::from_secs(20),
            clock: Arc::new(jiff::Timestamp::now),
            core: core(),
        }
    }
}

/// A slash-command bot needs no privileged intent; GUILDS keeps the cache aware of servers.
pub fn intents() -> serenity::GatewayIntents {
    serenity::GatewayIntents::GUILDS
}

async fn on_error(error: poise::FrameworkError<'_, Data, Error>) {
    match error {
        poise::FrameworkError::Command { error, ctx, .. } => {
            tracing::error!(command = %ctx.command().name, %error, "command failed");
            // Discord itself would not take the answer: the sending side already told the user
            // if it could, and another attempt here would break the bound on attempts.
            if error.downcast_ref::<retry::Undelivered>().is_some() {
                return;
            }
            let _ = reply::send_error(
                ctx,
                "Something went wrong on our side while answering; try again in a moment.",
            )
            .await;
        }
        poise::FrameworkError::ArgumentParse { error, ctx, .. } => {
            let _ = reply::send_error(
                ctx,
                &format!(
                    "Could not read the options: {error}. /help lists what each option accepts."
                ),
            )
            .await;
        }
        other => {
            if let Err(e) = poise::builtins::on_error(other).await {
                tracing::error!(%e, "error while handling an error");
            }
        }
    }
}

/// Runs the bot until `shutdown` resolves, then closes every shard and returns.
pub async fn run(
    config: &Config,
    token: &Token,
    reloader: Arc<Reloader>,
    store: Store,
    settings: Settings,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> anyhow::Result<()> {
    let store = Arc::new(Mutex::new(store));
    let dev_guild = config.dev_guild;
    let lifecycle = lifecycle::Lifecycle::new();
    let data_lifecycle = lifecycle.clone();
    let framework = poise::Framework::builder()
        .options(poise::FrameworkOptions {
            commands: commands::all(),
            on_error: |e| Box::pin(on_error(e)),
            allowed_mentions: Some(reply::no_mentions()),
            ..Default::default()
        })
        .setup(move |ctx, ready, framework| {
            Box::pin(async move {
                tracing::info!(user = %ready.user.name, guilds = ready.guilds.len(), "connected to Discord");
                // A failed registration is logged, not returned: poise would stop answering
                // altogether, while commands registered earlier still work.
                let registered = match dev_guild {
                    Some(g) => poise::builtins::register_in_guild(ctx, &framework.options().commands, serenity::GuildId::new(g)).await,
                    None => poise::builtins::register_globally(ctx, &framework.options().commands).await,
                };
                match (registered, dev_guild) {
                    (Ok(()), Some(g)) => tracing::info!(guild = g, "slash commands registered in the development server"),
                    (Ok(()), None) => tracing::info!("slash commands registered globally (Discord may take up to an hour to show changes)"),
                    (Err(e), _) => tracing::error!(%e, "registering slash commands failed"),
                }
                let data = Data {
                    lib: reloader.shared().clone(),
                    reloader,
                    page_timeout: settings.page_timeout,
                    store,
                    clock: settings.clock,
                    cooldowns: Default::default(),
                    core: settings.core,
                    lifecycle: data_lifecycle,
                };
                // Started here, once: Ready fires again after every reconnect.
                tokio::spawn(daily::posting_loop(ctx.http.clone(), Arc::new((&data).into()), settings.daily_tick));
                Ok(data)
            })
        })
        .build();
    let mut http = serenity::HttpBuilder::new(token.expose());
    if let Some(proxy) = &config.proxy_url {
        // serenity applies a proxy only with its own rate limiter off (the limiter sends straight
        // to discord.com), so the proxy owns limits and `retry` covers a 429 that still comes
        // back. Without a proxy the limiter stays on: it waits out every 429 itself.
        http = http.proxy(proxy.as_str()).ratelimiter_disabled(true);
    }
    let mut client = serenity::ClientBuilder::new_with_http(http.build(), intents())
        .framework(intake::Intake::new(framework, lifecycle.clone()))
        .await
        .map_err(|e| anyhow::anyhow!("building the Discord client: {e}"))?;
    let shard_manager = client.shard_manager.clone();
    tokio::spawn(async move {
        shutdown.await;
        // The shards stay connected meanwhile: answers in flight may still need their page
        // buttons or follow-ups, and new commands get a polite refusal instead of silence.
        tracing::info!(
            in_flight = lifecycle.in_flight(),
            "shutting down: finishing the answers in flight"
        );
        lifecycle.stop();
        if let Err(left) = lifecycle.finish_in_flight(FINISH_IN_FLIGHT).await {
            tracing::warn!(
                left,
                "answers still unfinished after {FINISH_IN_FLIGHT:?}; closing anyway"
            );
        }
        tracing::info!("closing every shard");
        shard_manager.shutdown_all().await;
    });
    let started = match config.shards {
        // serenity's range includes its end: 0..3 runs shards 0, 1, 2 and 3.
        Some(r) => client.start_shard_range(r.first..r.last, r.total).await,
        None => client.start_autosharded().await,
    };
    started.map_err(|e| anyhow::anyhow!("Discord connection: {e}"))
}
