//! `/help`: every command and its options, from the command table.

use super::spec::{COMMANDS, OptionKind};
use crate::render::{Card, Reply};

pub fn help() -> Reply {
    let mut card = Card::new(
        "quotebot commands",
        "Options are written name:value; put values with spaces in quotes: /quote topic:\"cyber sovereignty\" speaker:Xi",
    );
    for c in COMMANDS {
        let options: Vec<String> = c
            .options
            .iter()
            .map(|o| {
                let choices = if o.kind == OptionKind::Choice {
                    format!(" ({})", o.choices.join(" | "))
                } else {
                    String::new()
                };
                let required = if o.required { " (required)" } else { "" };
                format!("`{}`{required}: {}{choices}", o.name, o.description)
            })
            .collect();
        let body = if options.is_empty() {
            c.description.to_string()
        } else {
            format!("{}\n{}", c.description, options.join("\n"))
        };
        card = card.field(format!("/{}", c.name), body, false);
    }
    Reply::one(card)
}
