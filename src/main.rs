//! The `beatwriter` command.
//!
//! Exit codes: 0 success; 1 `check` or `lint` found problems; 2 bad input
//! or usage (the error names the file, the JSON path, line:column and what
//! was expected); 3 a phrasebank or internal failure.

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    ExitCode::from(cli::run())
}
