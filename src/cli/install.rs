//! `completions` and `manpage`: the files a desktop install puts beside the
//! binary (shell completions, one man page per subcommand), generated from
//! the same clap definition the binary parses with, so they never drift
//! from it. `scripts/package-deb.sh` runs both to fill the Debian package.
//!
//! Kept hand-written: only the loop over subcommands in [`man_pages`]
//! (`clap_mangen::generate_to` overwrites files without asking; this goes
//! through [`StagedDir`] so `--force` works as in `export` and `schema`).

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, CommandFactory, ValueEnum};

use super::Cli;
use crate::atomic::StagedDir;
use crate::export::ExportError;

/// The program name the completions and man pages are written for.
pub const BIN_NAME: &str = "karabakh-atlas";

/// The shells `completions` writes for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ShellArg {
    /// GNU Bash.
    Bash,
    /// Z shell.
    Zsh,
    /// fish.
    Fish,
    /// PowerShell.
    Powershell,
}

impl ShellArg {
    fn shell(self) -> clap_complete::Shell {
        match self {
            Self::Bash => clap_complete::Shell::Bash,
            Self::Zsh => clap_complete::Shell::Zsh,
            Self::Fish => clap_complete::Shell::Fish,
            Self::Powershell => clap_complete::Shell::PowerShell,
        }
    }
}

/// `completions` options.
#[derive(Debug, Clone, Args)]
pub struct CompletionsArgs {
    /// The shell to write the completion script for.
    #[arg(value_enum, value_name = "SHELL")]
    pub shell: ShellArg,
}

/// `manpage` options.
#[derive(Debug, Clone, Args)]
pub struct ManpageArgs {
    /// Write the pages into this folder (created if missing; its parent must
    /// exist).
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// Overwrite pages that exist in the --out folder.
    #[arg(long)]
    pub force: bool,
}

/// The completion script for `shell`, as the shell reads it.
#[must_use]
pub fn completion_script(shell: ShellArg) -> Vec<u8> {
    let mut cmd = Cli::command();
    let mut out = Vec::new();
    clap_complete::generate(shell.shell(), &mut cmd, BIN_NAME, &mut out);
    out
}

/// Every man page: `karabakh-atlas.1` and one `karabakh-atlas-NAME.1` per
/// subcommand (hidden ones and `help` excluded), as (file name, roff text).
///
/// # Errors
/// A page that could not be rendered.
pub fn man_pages() -> std::io::Result<Vec<(String, Vec<u8>)>> {
    fn collect(cmd: &clap::Command, pages: &mut Vec<(String, Vec<u8>)>) -> std::io::Result<()> {
        let man = clap_mangen::Man::new(cmd.clone());
        let mut text = Vec::new();
        man.render(&mut text)?;
        pages.push((man.get_filename(), text));
        for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
            collect(sub, pages)?;
        }
        Ok(())
    }
    // Building fills in each subcommand's display name
    // (`karabakh-atlas-check`) and version, which the pages use.
    let mut cmd = Cli::command().disable_help_subcommand(true);
    cmd.build();
    let mut pages = Vec::new();
    collect(&cmd, &mut pages)?;
    Ok(pages)
}

/// Write every man page into folder `out`, all or none; existing files only
/// with `force`. Returns the paths written.
///
/// # Errors
/// The reason nothing was written.
pub fn write_man_pages(out: &std::path::Path, force: bool) -> Result<Vec<PathBuf>, ExportError> {
    let pages = man_pages().map_err(|e| ExportError::Io {
        action: "render the man pages for",
        path: out.to_owned(),
        source: e,
    })?;
    let names: Vec<String> = pages.iter().map(|(n, _)| n.clone()).collect();
    let mut staged = StagedDir::begin(out, &names, force).map_err(ExportError::from)?;
    for (name, text) in &pages {
        staged.add(name, text).map_err(ExportError::from)?;
    }
    staged.commit().map_err(ExportError::from)?;
    Ok(names.iter().map(|n| out.join(n)).collect())
}

/// Run `completions`: the script on standard output; 1 if it cannot be
/// written there.
#[must_use]
pub fn run_completions(args: &CompletionsArgs) -> ExitCode {
    let script = completion_script(args.shell);
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(&script).and_then(|()| stdout.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: could not write the completion script: {e}");
            ExitCode::from(1)
        }
    }
}

/// Run `manpage`: 0 on success, printing each page written; 2 if nothing
/// could be written (an existing page without `--force`, a missing parent
/// folder, ...).
#[must_use]
pub fn run_manpage(args: &ManpageArgs) -> ExitCode {
    match write_man_pages(&args.out, args.force) {
        Ok(paths) => {
            for p in paths {
                println!("{}", p.display());
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn there_is_a_page_for_the_program_and_each_subcommand() {
        let pages = man_pages().unwrap();
        let names: Vec<&str> = pages.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names[0], "karabakh-atlas.1");
        for sub in ["check", "state", "export", "completions", "manpage"] {
            assert!(
                names.contains(&format!("karabakh-atlas-{sub}.1").as_str()),
                "{names:?}"
            );
        }
        assert!(!names.iter().any(|n| n.contains("help")), "{names:?}");
        let count = Cli::command().get_subcommands().count();
        assert_eq!(pages.len(), count + 1);
        for (name, text) in &pages {
            let text = String::from_utf8_lossy(text);
            assert!(text.starts_with(".ie"), "{name}: {text}");
            assert!(text.contains(".SH NAME"), "{name}");
        }
    }

    #[test]
    fn each_shell_gets_a_script_naming_the_subcommands() {
        for shell in ShellArg::value_variants() {
            let text = String::from_utf8(completion_script(*shell)).unwrap();
            assert!(text.contains("completions"), "{shell:?}");
            assert!(text.contains("import-timelinejs"), "{shell:?}");
        }
    }

    #[test]
    fn pages_are_written_once_unless_forced() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("man");
        let written = write_man_pages(&out, false).unwrap();
        assert!(written.iter().all(|p| p.is_file()));
        let first = &written[0];
        std::fs::write(first, b"mine").unwrap();
        let e = write_man_pages(&out, false).unwrap_err();
        assert!(matches!(e, ExportError::Exists { .. }), "{e}");
        assert_eq!(std::fs::read(first).unwrap(), b"mine");
        write_man_pages(&out, true).unwrap();
        assert_ne!(std::fs::read(first).unwrap(), b"mine");
    }
}
