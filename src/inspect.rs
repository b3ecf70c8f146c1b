//! A narrow window on the pipeline's internals, for tests and tools that
//! judge the prose (variety, provenance, ratings) rather than write it.
//!
//! Everything here is a thin re-export of a function the pipeline itself
//! uses; the modules behind them stay private, so they can change without
//! breaking callers of the report API. Not a stable interface: prefer
//! [`crate::report`], [`crate::output`] and [`crate::check`].

pub use crate::facts::number_word;
pub use crate::ratings::{Performance, rate, score};
pub use crate::realise::{
    data_phrases, highlight_body, is_highlight, is_narrative, line_opening, masked_opening,
    message_kind, offer, opening, phrases,
};

/// StatsBomb import details: how its clock maps onto native minutes, and
/// the expected-goals marks for a big chance and a save worth a line.
pub mod statsbomb {
    pub use crate::import::statsbomb::clock::native;
    pub use crate::import::statsbomb::events::{BIG_CHANCE_XG, SAVE_XG};
}
