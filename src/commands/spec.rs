//! The command table: every slash command with its options, descriptions, choices and bounds.
//! `/help`, the console's parser and the Discord registration all read this one table, so the
//! console and the bot offer the same commands with the same options.

/// What an option accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OptionKind {
    /// Free text up to `max_len` characters.
    Text,
    /// A date: 2015, 2015-09, 2015-09-26 or "26 September 2015".
    Date,
    /// A number: 854000000, 854 million, 3bn, 45%.
    Number,
    /// One of `choices`.
    Choice,
}

/// What to suggest while a user types an option (Discord autocomplete).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Suggest {
    Nothing,
    Speakers,
    Sources,
    Topics,
}

/// One option of a command.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OptionSpec {
    pub name: &'static str,
    pub description: &'static str,
    pub kind: OptionKind,
    pub required: bool,
    pub choices: &'static [&'static str],
    pub max_len: usize,
    pub suggest: Suggest,
}

/// One command.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CommandSpec {
    pub name: &'static str,
    pub description: &'static str,
    pub options: &'static [OptionSpec],
}

/// The longest topic or name a user may send; longer input is refused, not truncated.
pub const MAX_TOPIC: usize = 200;
pub const MAX_NAME: usize = 100;
/// `/source` takes a passage: long enough for a paragraph.
pub const MAX_PASSAGE: usize = 1500;

const fn text(
    name: &'static str,
    description: &'static str,
    max_len: usize,
    suggest: Suggest,
) -> OptionSpec {
    OptionSpec {
        name,
        description,
        kind: OptionKind::Text,
        required: false,
        choices: &[],
        max_len,
        suggest,
    }
}

const fn of_kind(name: &'static str, description: &'static str, kind: OptionKind) -> OptionSpec {
    OptionSpec {
        name,
        description,
        kind,
        required: false,
        choices: &[],
        max_len: 40,
        suggest: Suggest::Nothing,
    }
}

const TOPIC: OptionSpec = text(
    "topic",
    "Words to look for; \"quoted words\" as an exact phrase",
    MAX_TOPIC,
    Suggest::Topics,
);
const SPEAKER: OptionSpec = text(
    "speaker",
    "Who said it (a name, or part of one)",
    MAX_NAME,
    Suggest::Speakers,
);
const SOURCE: OptionSpec = text("source", "The publication", MAX_NAME, Suggest::Sources);
const FROM: OptionSpec = of_kind(
    "from",
    "Said or published on or after (2015, 2015-09, 2015-09-26)",
    OptionKind::Date,
);
const TO: OptionSpec = of_kind(
    "to",
    "Said or published on or before (2015, 2015-09, 2015-09-26)",
    OptionKind::Date,
);

/// Units a `/claim` can be narrowed to.
pub const UNITS: &[&str] = &["count", "percent", "money", "year", "other"];
/// Orders of `/claim` results.
pub const SORTS: &[&str] = &["relevance", "date", "value"];

/// Every command, in the order `/help` lists them.
pub const COMMANDS: &[CommandSpec] = &[
    CommandSpec {
        name: "quote",
        description: "Find quotes: who said what, when, and where it was published",
        options: &[TOPIC, SPEAKER, SOURCE, FROM, TO],
    },
    CommandSpec {
        name: "claim",
        description: "Find numeric claims: figures, what they count, and who published them when",
        options: &[
            TOPIC,
            of_kind(
                "min",
                "Smallest value (854 million, 3bn, 45%)",
                OptionKind::Number,
            ),
            of_kind(
                "max",
                "Largest value (854 million, 3bn, 45%)",
                OptionKind::Number,
            ),
            OptionSpec {
                choices: UNITS,
                ..of_kind(
                    "unit",
                    "Only counts, percentages, money amounts, years or other units",
                    OptionKind::Choice,
                )
            },
            OptionSpec {
                choices: SORTS,
                ..of_kind(
                    "sort",
                    "relevance (default), date (how a figure moved over time) or value",
                    OptionKind::Choice,
                )
            },
        ],
    },
    CommandSpec {
        name: "source",
        description: "Paste a passage or a remembered quote: where it comes from, and whether it was quoted right",
        options: &[OptionSpec {
            required: true,
            ..text(
                "text",
                "The words to look up",
                MAX_PASSAGE,
                Suggest::Nothing,
            )
        }],
    },
    CommandSpec {
        name: "random",
        description: "One quote at random",
        options: &[SPEAKER, TOPIC],
    },
    CommandSpec {
        name: "speakers",
        description: "Who is quoted, with their roles and how often",
        options: &[text(
            "name",
            "Part of a name to look for",
            MAX_NAME,
            Suggest::Speakers,
        )],
    },
    CommandSpec {
        name: "articles",
        description: "The articles in the corpus, with sources and dates",
        options: &[SOURCE],
    },
    CommandSpec {
        name: "about",
        description: "What quotebot knows: corpus figures and version",
        options: &[],
    },
    CommandSpec {
        name: "help",
        description: "The commands and their options",
        options: &[],
    },
];

/// The command called `name`.
pub fn command(name: &str) -> Option<&'static CommandSpec> {
    COMMANDS.iter().find(|c| c.name == name)
}
