//! Text helpers shared by the extractors: sentences, numbers, dates, names.
pub mod dates;
pub mod diff;
pub mod names;
pub mod numbers;
pub mod sentences;
