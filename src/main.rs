//! The `karabakh-atlas` binary: a thin shell over the library's CLI.

fn main() -> std::process::ExitCode {
    karabakh_atlas::cli::main()
}
