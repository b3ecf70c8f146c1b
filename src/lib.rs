//! beatwriter writes football match reports from event data.
//!
//! The pipeline runs one way, a stage a module: [`input`] reads and
//! validates a match file into a [`model::Match`] (or [`import`] converts a
//! provider's feed); [`analysis`] derives the facts every later stage
//! shares; [`beats`] finds what mattered; a planner chooses what each
//! section says and a realiser turns it into prose through the editable
//! templates of the [`phrasebank`]; [`output`] prints the result. The
//! planner and realiser are private: [`report`] is their interface, and
//! [`inspect`] a narrow window for tests that judge the prose.
//!
//! Load the [`phrasebank::Phrasebank`] once and write every report with
//! [`report::write_report_with`]; the phrasebank is `Send + Sync`, so
//! threads share one. ([`write_report`] loads it afresh on every call:
//! fine for one report, wasteful for many.) [`round`] writes many matches
//! on every core; [`serve`] is the HTTP service.
//!
//! ```
//! use beatwriter::{Options, input, output, phrasebank::Phrasebank, report::write_report_with};
//!
//! let bank = Phrasebank::builtin("en").unwrap();
//! let text = std::fs::read_to_string("fixtures/eng-fra-2022-wc-qf.json").unwrap();
//! let m = input::load_str("eng-fra.json", &text).unwrap();
//! for seed in 1..=3 {
//!     let options = Options { seed, ..Options::default() };
//!     let report = write_report_with(&m, &options, &bank).unwrap();
//!     assert!(output::text(&report).contains("GOAL! – England 0-1 France"));
//! }
//! ```
#![deny(missing_docs)]

pub mod analysis;
pub mod beats;
pub(crate) mod catalogue;
pub mod check;
pub mod claims;
pub mod error;
pub(crate) mod facts;
pub mod import;
pub mod input;
pub mod inspect;
pub mod lint;
pub mod model;
pub mod output;
pub mod phrasebank;
pub(crate) mod plan;
pub(crate) mod ratings;
pub(crate) mod realise;
pub mod report;
pub mod round;
pub(crate) mod sections;
pub mod serve;

pub use error::{Error, ErrorKind, Result};
pub use report::{Options, Report, write_report};
