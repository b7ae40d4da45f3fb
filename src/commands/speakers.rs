//! `/speakers [name]`: who is quoted, with roles and counts of quotes and reported positions,
//! ten per page.

use super::options::{Args, UserError, closest};
use super::present::list_pages;
use crate::library::{Library, SpeakerEntry, quotes_phrase};
use crate::render::Reply;

const PER_PAGE: usize = 10;

pub fn speakers(lib: &Library, args: &Args) -> Result<Reply, UserError> {
    let wanted = args.text("name").map(str::to_lowercase);
    let list: Vec<&SpeakerEntry> = lib
        .speakers
        .iter()
        .filter(|s| {
            wanted
                .as_deref()
                .is_none_or(|w| s.name.to_lowercase().contains(w))
        })
        .collect();
    if list.is_empty() {
        let typed = wanted.unwrap_or_default();
        let near = closest(&typed, lib.speakers.iter().map(|s| s.name.as_str()), 3);
        let hint = if near.is_empty() {
            String::new()
        } else {
            format!(" Closest: {}.", near.join(", "))
        };
        return Err(UserError::option(
            "name",
            format!("no speaker's name contains `{typed}`.{hint}"),
        ));
    }
    let lines: Vec<String> = list
        .iter()
        .map(|s| {
            let role = s
                .role
                .as_deref()
                .map(|r| format!(" — {r}"))
                .unwrap_or_default();
            let group = if s.is_group {
                " (group or organisation)"
            } else {
                ""
            };
            let n = quotes_phrase(s.quotes, s.positions);
            format!("{}{role}{group} · {n}", s.name)
        })
        .collect();
    Ok(Reply::pages(list_pages(
        lib,
        &format!("Speakers ({})", list.len()),
        &lines,
        PER_PAGE,
    )))
}
