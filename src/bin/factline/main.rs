//! The `factline` binary: parses the command line, runs the command, maps the outcome to an
//! exit status (0 ok, 1 nothing found, 2 error or skipped input).

mod cli;
mod commands;

use clap::Parser;
use std::process::ExitCode;

/// How a command ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Everything worked and something was found.
    Ok,
    /// Worked, but nothing matched.
    NothingFound,
    /// Some input was skipped or something failed.
    Error,
}

impl From<Status> for ExitCode {
    fn from(s: Status) -> Self {
        ExitCode::from(match s {
            Status::Ok => 0,
            Status::NothingFound => 1,
            Status::Error => 2,
        })
    }
}

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    match commands::run(cli.command) {
        Ok(status) => status.into(),
        // A closed pipe (`factline timeline | head`) is the reader's choice, not an error.
        Err(e) if is_broken_pipe(&e) => Status::Ok.into(),
        Err(e) => {
            eprintln!("factline: error: {e:#}");
            Status::Error.into()
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
