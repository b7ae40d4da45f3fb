//! What starts a reload outside a command: SIGHUP and the folder watcher. Both run on one
//! background thread of their own, so the console and the bot get them alike and a long rebuild
//! never holds up an answer; each outcome goes to the log.

use super::{ReloadError, ReloadReport, Reloader, Watch};
use std::sync::Arc;
use std::time::Duration;

/// Starts the thread. `watch_every` is how often the folder is looked at (`None`: not watched;
/// SIGHUP still reloads).
pub fn spawn(
    reloader: Arc<Reloader>,
    watch_every: Option<Duration>,
) -> std::io::Result<std::thread::JoinHandle<()>> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    // SIGHUP is listened for before this returns: a signal sent as soon as the shell answers
    // must not meet the default action, which ends the process.
    let hangup = {
        let _entered = runtime.enter();
        listen_for_hangup()
    };
    std::thread::Builder::new()
        .name("corpus-reload".into())
        .spawn(move || runtime.block_on(serve(reloader, watch_every, hangup)))
}

#[cfg(unix)]
type Hangup = tokio::signal::unix::Signal;
#[cfg(not(unix))]
type Hangup = ();

#[cfg(unix)]
fn listen_for_hangup() -> Option<Hangup> {
    match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::hangup()) {
        Ok(s) => Some(s),
        Err(e) => {
            tracing::warn!(%e, "cannot listen for SIGHUP; the corpus reloads on /reload and folder changes only");
            None
        }
    }
}

#[cfg(not(unix))]
fn listen_for_hangup() -> Option<Hangup> {
    None
}

async fn serve(reloader: Arc<Reloader>, watch_every: Option<Duration>, mut hangup: Option<Hangup>) {
    // A week stands in for "never" when the folder is not watched.
    let every = watch_every.unwrap_or(Duration::from_secs(7 * 24 * 3600));
    let mut ticks = tokio::time::interval(every);
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut watch = Watch::default();
    loop {
        #[cfg(unix)]
        let signalled = async {
            match hangup.as_mut() {
                Some(s) => s.recv().await,
                None => std::future::pending().await,
            }
        };
        #[cfg(not(unix))]
        let signalled = {
            let _ = &mut hangup;
            std::future::pending::<Option<()>>()
        };
        tokio::select! {
            _ = signalled => {
                tracing::info!("SIGHUP: reloading the corpus from {}", reloader.dir().display());
                log(&reloader.reload());
            }
            _ = ticks.tick(), if watch_every.is_some() => {
                if let Some(outcome) = reloader.reload_if_changed(&mut watch) {
                    tracing::info!("the corpus folder changed; reloaded");
                    log(&outcome);
                }
            }
        }
    }
}

/// Logs a reload's outcome: the summary, every skipped file, or why the old corpus stayed.
pub fn log(outcome: &Result<ReloadReport, ReloadError>) {
    match outcome {
        Ok(report) => {
            for w in &report.warnings {
                tracing::warn!("{w}");
            }
            tracing::info!("{}", report.summary());
        }
        Err(ReloadError::Busy) => tracing::info!("{}", ReloadError::Busy),
        Err(e) => tracing::error!("reload failed: {e}"),
    }
}
