fn main() -> std::process::ExitCode {
    coachbook::cli::main()
}
