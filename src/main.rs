//! The `beatwriter` command: maps the library's results to exit codes.
//!
//! Exit codes: 0 success, 1 an internal or phrasebank failure (and lint
//! problems), 2 bad input or usage (the error names the file, the JSON path, line:column and what
//! was expected).

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    match cli::run() {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!("{}", cli::format_error(&e));
            ExitCode::from(cli::exit_code(&e))
        }
    }
}
