//! quotebot: who said what, when and where, and which numbers were claimed, across a corpus of news.
//!
//! The pipeline: [`corpus::load_dir`] reads articles (front matter or detected metadata, cleaned
//! paragraphs with offsets into the file); [`extract::extract_corpus`] finds every quotation with
//! its canonical speaker and every numeric claim; [`library::Library`] indexes them for search;
//! [`commands::run`] answers a slash command with [`render::Card`]s, which the console prints
//! and the Discord shell turns into embeds.
//!
//! ```
//! let article = quotebot::corpus::parse_article(
//!     "a.txt",
//!     "Title of the piece\n\n\"We will build a safe and open cyberspace for everyone,\" said Jane Doe, a minister.\n",
//! ).unwrap();
//! let found = quotebot::extract::extract_corpus(&[article]);
//! assert_eq!(found.quotes[0].speaker.as_deref(), Some("Jane Doe"));
//! assert_eq!(found.quotes[0].speaker_title.as_deref(), Some("a minister"));
//! ```
pub mod bench;
pub mod cache;
pub mod commands;
pub mod config;
pub mod console;
pub mod corpus;
pub mod daily;
pub mod discord;
pub mod eval;
pub mod export;
pub mod extract;
pub mod library;
pub mod progress;
pub mod reload;
pub mod render;
pub mod search;
pub mod store;
pub mod text;
