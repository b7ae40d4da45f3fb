//! The neutral reply: a `Card` (title, body, fields, footer, link) and a `Reply` of one or more
//! cards shown page by page. Text is plain (no markup); the limits and escaping of a particular
//! chat service are applied by its shell.

/// Whether a card answers or reports a problem.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Answer,
    Error,
}

/// A labelled value on a card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardField {
    pub name: String,
    pub value: String,
    /// Short values may sit side by side.
    pub inline: bool,
}

/// One screen of an answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Card {
    pub title: String,
    /// The link the title points to (the article), when known.
    pub url: Option<String>,
    /// The main text: a quote, a list, a message.
    pub description: String,
    pub fields: Vec<CardField>,
    pub footer: Option<String>,
    pub tone: Tone,
}

impl Card {
    pub fn new(title: impl Into<String>, description: impl Into<String>) -> Card {
        Card {
            title: title.into(),
            url: None,
            description: description.into(),
            fields: Vec::new(),
            footer: None,
            tone: Tone::Answer,
        }
    }

    pub fn error(message: impl Into<String>) -> Card {
        Card {
            tone: Tone::Error,
            ..Card::new("Cannot do that", message)
        }
    }

    pub fn field(
        mut self,
        name: impl Into<String>,
        value: impl Into<String>,
        inline: bool,
    ) -> Card {
        let value = value.into();
        if !value.trim().is_empty() {
            self.fields.push(CardField {
                name: name.into(),
                value,
                inline,
            });
        }
        self
    }

    pub fn footer(mut self, footer: impl Into<String>) -> Card {
        self.footer = Some(footer.into());
        self
    }

    pub fn url(mut self, url: Option<String>) -> Card {
        self.url = url;
        self
    }
}

/// A command's answer: one card, or several shown one page at a time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reply {
    pub pages: Vec<Card>,
    /// Shown only to the person who asked.
    pub ephemeral: bool,
}

impl Reply {
    pub fn one(card: Card) -> Reply {
        Reply {
            pages: vec![card],
            ephemeral: false,
        }
    }

    pub fn pages(pages: Vec<Card>) -> Reply {
        Reply {
            pages,
            ephemeral: false,
        }
    }

    pub fn private(mut self) -> Reply {
        self.ephemeral = true;
        self
    }
}
