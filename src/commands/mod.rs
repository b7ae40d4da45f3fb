//! The slash commands, each a pure function from validated options to a `Reply` of cards. The
//! console and the Discord bot both call [`run`]; randomness comes from the caller.

pub mod about;
pub mod articles;
pub mod claim;
pub mod cooldown;
pub mod daily;
pub mod help;
pub mod options;
pub mod present;
pub mod quote;
pub mod random;
pub mod source;
pub mod speakers;
pub mod spec;
pub mod suggest;

use crate::library::Library;
use crate::render::Reply;
use crate::search::SearchError;
pub use options::{Args, UserError};

/// Runs the command `name` with the options as given (`name`, `value` as typed).
pub fn run(
    lib: &Library,
    name: &str,
    given: &[(String, String)],
    rng: &mut impl rand::Rng,
) -> Result<Reply, UserError> {
    let name = name.trim_start_matches('/');
    let spec = spec::command(name).ok_or_else(|| {
        let names: Vec<String> = spec::COMMANDS
            .iter()
            .map(|c| format!("/{}", c.name))
            .collect();
        UserError::new(format!(
            "there is no command /{name}; the commands are {}",
            names.join(", ")
        ))
    })?;
    let args = Args::new(spec, given)?;
    match spec.name {
        "quote" => quote::quote(lib, &args),
        "claim" => claim::claim(lib, &args),
        "source" => source::source(lib, &args),
        "random" => random::random(lib, &args, rng),
        "speakers" => speakers::speakers(lib, &args),
        "articles" => articles::articles(lib, &args),
        "about" => Ok(about::about(lib)),
        "help" => Ok(help::help()),
        other => unreachable!("command /{other} is in the table but has no handler"),
    }
}

/// A search failure is not the user's doing: say so, without internals.
pub(crate) fn internal(e: SearchError) -> UserError {
    tracing::error!(error = %e, "search failed");
    UserError::new(
        "the search failed on our side; try again, and tell the bot's maintainer if it keeps failing",
    )
}
