//! Evaluation of the extractors against other projects' public test data, read at run time from
//! a directory outside the repository; nothing here is needed to run the bot or its tests.
pub mod numbers;
pub mod quotes;
