//! What the shell knows about work in progress, so it can stop without dropping any: the
//! interactions being answered (shutdown waits for them), whether shutdown has begun (new
//! commands are then refused and pagers wind down), and which page buttons a live pager still
//! answers (a press on any other is told the buttons expired). Holds no Discord types.

use std::collections::HashSet;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;
use tokio::sync::watch;

/// Start of every page button's custom id; the rest is `<interaction id>:<prev|next>`.
pub const PAGE_BUTTON_PREFIX: &str = "qb-page:";

/// The custom-id prefix of the page buttons under the answer to interaction `id`.
pub fn pager_prefix(id: u64) -> String {
    format!("{PAGE_BUTTON_PREFIX}{id}")
}

pub struct Lifecycle {
    in_flight: watch::Sender<usize>,
    stopping: watch::Sender<bool>,
    /// Prefixes of the page buttons whose pager is still listening.
    pagers: Mutex<HashSet<String>>,
}

/// One interaction being answered; shutdown waits until every one is dropped.
pub struct InFlight(Arc<Lifecycle>);

impl Drop for InFlight {
    fn drop(&mut self) {
        self.0.in_flight.send_modify(|n| *n -= 1);
    }
}

/// A pager listening for its buttons; dropping it marks them expired.
pub struct OpenPager {
    lifecycle: Arc<Lifecycle>,
    prefix: String,
}

impl Drop for OpenPager {
    fn drop(&mut self) {
        self.lifecycle.pagers().remove(&self.prefix);
    }
}

impl Lifecycle {
    pub fn new() -> Arc<Lifecycle> {
        Arc::new(Lifecycle {
            in_flight: watch::channel(0).0,
            stopping: watch::channel(false).0,
            pagers: Mutex::new(HashSet::new()),
        })
    }

    /// The set is only ever inserted into or removed from, so a poisoned lock holds whole data.
    fn pagers(&self) -> MutexGuard<'_, HashSet<String>> {
        self.pagers.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Counts an interaction as in flight until the guard is dropped. Take it before looking at
    /// [`Lifecycle::is_stopping`], so shutdown either waits for the interaction or it sees the
    /// shutdown and refuses, never neither.
    pub fn begin(self: &Arc<Self>) -> InFlight {
        self.in_flight.send_modify(|n| *n += 1);
        InFlight(Arc::clone(self))
    }

    pub fn in_flight(&self) -> usize {
        *self.in_flight.borrow()
    }

    pub fn is_stopping(&self) -> bool {
        *self.stopping.borrow()
    }

    /// Shutdown has begun: no new commands, pagers end.
    pub fn stop(&self) {
        self.stopping.send_replace(true);
    }

    /// Resolves once shutdown has begun.
    pub async fn stopped(&self) {
        let mut rx = self.stopping.subscribe();
        // The sender lives as long as `self`, so this only ends by the flag turning true.
        let _ = rx.wait_for(|stopping| *stopping).await;
    }

    /// Waits until nothing is in flight, at most `limit`; `Err` holds how many are still running.
    pub async fn finish_in_flight(&self, limit: Duration) -> Result<(), usize> {
        let mut rx = self.in_flight.subscribe();
        match tokio::time::timeout(limit, rx.wait_for(|n| *n == 0)).await {
            Ok(_) => Ok(()),
            Err(_) => Err(self.in_flight()),
        }
    }

    /// Marks the buttons with `prefix` as answered by a live pager until the guard is dropped.
    pub fn open_pager(self: &Arc<Self>, prefix: &str) -> OpenPager {
        self.pagers().insert(prefix.to_string());
        OpenPager {
            lifecycle: Arc::clone(self),
            prefix: prefix.to_string(),
        }
    }

    /// Whether a live pager answers the page button `custom_id`.
    pub fn pager_is_live(&self, custom_id: &str) -> bool {
        custom_id
            .rsplit_once(':')
            .is_some_and(|(prefix, _)| self.pagers().contains(prefix))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn shutdown_waits_for_every_interaction_in_flight() {
        let life = Lifecycle::new();
        let first = life.begin();
        let second = life.begin();
        assert_eq!(
            life.finish_in_flight(Duration::from_millis(10)).await,
            Err(2)
        );
        drop(first);
        let waiting = {
            let life = Arc::clone(&life);
            tokio::spawn(async move { life.finish_in_flight(Duration::from_secs(20)).await })
        };
        drop(second);
        assert_eq!(waiting.await.unwrap(), Ok(()));
    }

    #[tokio::test]
    async fn stopping_is_seen_by_waiters_and_readers() {
        let life = Lifecycle::new();
        assert!(!life.is_stopping());
        let waiter = {
            let life = Arc::clone(&life);
            tokio::spawn(async move { life.stopped().await })
        };
        life.stop();
        tokio::time::timeout(Duration::from_secs(20), waiter)
            .await
            .expect("stopped() resolves after stop()")
            .unwrap();
        assert!(life.is_stopping());
    }

    #[test]
    fn page_buttons_are_live_while_their_pager_is_open() {
        let life = Lifecycle::new();
        let prefix = pager_prefix(42);
        let pager = life.open_pager(&prefix);
        assert!(life.pager_is_live("qb-page:42:next"));
        assert!(!life.pager_is_live("qb-page:43:next"));
        drop(pager);
        assert!(!life.pager_is_live("qb-page:42:prev"));
    }
}
