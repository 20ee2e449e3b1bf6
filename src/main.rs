//! The `coachbook` command line: a thin binary over the library (see `cli/`).

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
