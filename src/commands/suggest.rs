//! Suggestions while a user types an option (Discord autocomplete): speakers, sources and topic
//! words from the index, at most 25 as Discord allows, best first.

use super::spec::Suggest;
use crate::library::Library;

/// Discord shows at most this many suggestions.
pub const MAX_SUGGESTIONS: usize = 25;

/// Values for an option of kind `what` that match what the user has typed so far: names that
/// start with it come first, then names that contain it.
pub fn suggestions(lib: &Library, what: Suggest, typed: &str) -> Vec<String> {
    let typed = typed.trim().to_lowercase();
    let pool: Vec<&str> = match what {
        Suggest::Nothing => return Vec::new(),
        Suggest::Speakers => lib.speakers.iter().map(|s| s.name.as_str()).collect(),
        Suggest::Sources => lib.sources.iter().map(String::as_str).collect(),
        Suggest::Topics => lib.topics.iter().map(String::as_str).collect(),
    };
    let starts = |n: &str| {
        let lower = n.to_lowercase();
        lower.starts_with(&typed) || lower.split_whitespace().any(|w| w.starts_with(&typed))
    };
    let mut out: Vec<String> = pool
        .iter()
        .filter(|n| starts(n))
        .map(|s| s.to_string())
        .collect();
    out.extend(
        pool.iter()
            .filter(|n| !starts(n) && n.to_lowercase().contains(&typed))
            .map(|s| s.to_string()),
    );
    out.truncate(MAX_SUGGESTIONS);
    out
}
