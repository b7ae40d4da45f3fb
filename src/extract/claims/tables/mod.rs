//! The rule tables of the claims extractor, one file per kind of rule: money, units of
//! measure, qualifiers, the context that rules a number out, and the words that bound `what`.
//! Data only; `claims/mod.rs` compiles them once.

mod context;
mod currency;
mod qualifiers;
mod units;
mod what;

pub(super) use context::*;
pub(super) use currency::*;
pub(super) use qualifiers::*;
pub(super) use units::*;
pub(super) use what::*;
