//! quotebot: who said what, when and where, and which numbers were claimed, across a corpus of news.
//!
//! The pipeline: [`corpus::load_dir`] reads articles (front matter or detected metadata, cleaned
//! paragraphs with offsets into the file); [`extract::extract_corpus`] finds every quotation with
//! its canonical speaker and every numeric claim; [`export::export`] shapes them as JSON.
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
pub mod corpus;
pub mod export;
pub mod extract;
pub mod text;
