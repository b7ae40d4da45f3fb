//! The console shell: reads lines in the Discord form (`/quote topic:"cyber sovereignty"
//! speaker:Xi`), runs the same commands as the bot, and prints each card as text. `next` and
//! `prev` page through a long answer, as the bot's buttons do. `/reload` rebuilds the library
//! from the corpus folder (the console's user is its operator).

use crate::commands::{self, UserError, spec};
use crate::library::Library;
use crate::reload::{Reloader, reload_reply};
use crate::render::Reply;
use crate::render::text::card_to_text;
use std::io::{BufRead, Write};

/// A typed line split into a command name and its `name:value` options.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub command: String,
    pub options: Vec<(String, String)>,
}

/// Splits `/cmd a:1 b:"two words" c:three words` into the command and its options. A value runs
/// to the next `name:` outside quotation marks; quotation marks stay in the value, as in Discord.
pub fn parse_line(line: &str) -> Result<Line, UserError> {
    let line = line.trim();
    let Some(rest) = line.strip_prefix('/') else {
        return Err(UserError::new(
            "commands start with /, for example /quote topic:sovereignty; /help lists them",
        ));
    };
    let (command, rest) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
    let mut starts = Vec::new(); // (name start, value start)
    let mut in_quote = false;
    let mut prev_space = true;
    for (i, c) in rest.char_indices() {
        if matches!(c, '"' | '“' | '”') {
            in_quote = !in_quote;
        }
        if !in_quote && prev_space && c.is_ascii_lowercase() {
            let name_len = rest[i..]
                .find(|ch: char| !(ch.is_ascii_lowercase() || ch == '_'))
                .unwrap_or(rest.len() - i);
            if rest[i + name_len..].starts_with(':') {
                starts.push((i, i + name_len + 1));
            }
        }
        prev_space = c.is_whitespace();
    }
    if starts.is_empty() && !rest.trim().is_empty() {
        return Err(UserError::new(format!(
            "write options as name:value, for example /{command} topic:sovereignty; /help lists each command's options"
        )));
    }
    if let Some(&(first, _)) = starts.first()
        && !rest[..first].trim().is_empty()
    {
        return Err(UserError::new(format!(
            "`{}` is not an option; write name:value",
            rest[..first].trim()
        )));
    }
    let options = starts
        .iter()
        .enumerate()
        .map(|(n, &(name_at, value_at))| {
            let end = starts.get(n + 1).map_or(rest.len(), |&(next, _)| next);
            (
                rest[name_at..value_at - 1].to_string(),
                rest[value_at..end].trim().to_string(),
            )
        })
        .collect();
    Ok(Line {
        command: command.to_lowercase(),
        options,
    })
}

/// Runs one typed line: the reply, or the user's error.
pub fn answer(lib: &Library, line: &str, rng: &mut impl rand::Rng) -> Result<Reply, UserError> {
    let parsed = parse_line(line)?;
    commands::run(lib, &parsed.command, &parsed.options, rng)
}

/// The interactive loop over `input`, writing to `output`, until end of input or `quit`. Each
/// line is answered from the library current at that moment (a reload may swap it between lines).
pub fn run(
    reloader: &Reloader,
    input: impl BufRead,
    mut output: impl Write,
    prompt: bool,
) -> std::io::Result<()> {
    let mut rng = rand::rng();
    let mut current: Option<(Reply, usize)> = None;
    let names: Vec<String> = spec::COMMANDS
        .iter()
        .map(|c| format!("/{}", c.name))
        .collect();
    writeln!(
        output,
        "Commands: {} · next/prev to page · /reload after changing the corpus · quit to leave",
        names.join(" ")
    )?;
    let show_prompt = |out: &mut dyn Write| -> std::io::Result<()> {
        if prompt {
            write!(out, "quotebot> ")?;
            out.flush()?;
        }
        Ok(())
    };
    show_prompt(&mut output)?;
    for line in input.lines() {
        let line = line?;
        let trimmed = line.trim();
        match trimmed {
            "" => {}
            "quit" | "exit" | "/quit" => break,
            "next" | "n" | "prev" | "p" => match current.as_mut() {
                Some((reply, page)) => {
                    let forward = trimmed.starts_with('n');
                    let last = reply.pages.len() - 1;
                    if (forward && *page == last) || (!forward && *page == 0) {
                        writeln!(
                            output,
                            "(no {} page)",
                            if forward { "next" } else { "previous" }
                        )?;
                    } else {
                        *page = if forward { *page + 1 } else { *page - 1 };
                        write_page(&mut output, reply, *page)?;
                    }
                }
                None => writeln!(output, "(nothing to page through yet)")?,
            },
            "/reload" => {
                let reply = reload_reply(&reloader.reload());
                write_page(&mut output, &reply, 0)?;
                current = Some((reply, 0));
            }
            _ => match answer(&reloader.shared().current(), trimmed, &mut rng) {
                Ok(reply) => {
                    write_page(&mut output, &reply, 0)?;
                    current = Some((reply, 0));
                }
                Err(e) => writeln!(output, "! {e}")?,
            },
        }
        show_prompt(&mut output)?;
    }
    Ok(())
}

/// One page of a reply, with a hint when there are more.
pub fn write_page(out: &mut impl Write, reply: &Reply, page: usize) -> std::io::Result<()> {
    write!(out, "{}", card_to_text(&reply.pages[page]))?;
    if reply.pages.len() > 1 {
        writeln!(
            out,
            "  (page {} of {}: next / prev)",
            page + 1,
            reply.pages.len()
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts(line: &str) -> Vec<(String, String)> {
        parse_line(line).unwrap().options
    }

    #[test]
    fn discord_form_with_quotes_and_bare_words() {
        assert_eq!(
            opts("/quote topic:\"cyber sovereignty\" speaker:Xi"),
            [
                ("topic".to_string(), "\"cyber sovereignty\"".to_string()),
                ("speaker".to_string(), "Xi".to_string())
            ]
        );
        assert_eq!(
            opts("/source text:China-US relationship sees benefits"),
            [(
                "text".to_string(),
                "China-US relationship sees benefits".to_string()
            )]
        );
        assert_eq!(
            opts("/source text:\"a b: c\" "),
            [("text".to_string(), "\"a b: c\"".to_string())]
        );
        assert_eq!(parse_line("/HELP").unwrap().command, "help");
    }

    #[test]
    fn malformed_lines_say_how_to_write_them() {
        assert!(
            parse_line("quote x")
                .unwrap_err()
                .message
                .starts_with("commands start with /")
        );
        assert!(
            parse_line("/quote sovereignty")
                .unwrap_err()
                .message
                .starts_with("write options as name:value")
        );
    }
}
