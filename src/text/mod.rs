//! Text helpers shared by the extractors: sentences, numbers, dates, names.
pub mod dates;
pub mod names;
pub mod numbers;
pub mod sentences;
