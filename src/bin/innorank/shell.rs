//! `innorank completions` and `innorank man`: shell completion scripts and
//! manual pages generated from the clap definitions, so they cannot drift
//! from `--help`; and the exit codes every command documents.

use anyhow::Context;
use clap::CommandFactory;

use crate::cli::{Cli, CompletionsArgs, ManArgs};
use crate::failure::Failure;

/// Exit codes of every command.
const EXIT_CODES: &str = "Exit codes:\n  0  success\n  1  an unexpected failure (reading or writing a file, ...)\n  2  invalid input or command line: every problem found, located, on standard error";

/// The exit code of `--strict`, for the commands that have it.
const EXIT_STRICT: &str = "\n  3  --strict: inconsistent judgments or a failed check (the output is printed first)";

/// The command line as parsed and documented: the clap definition with the
/// exit codes appended to the help of the program and of each command.
pub fn command() -> clap::Command {
    let cli = Cli::command();
    let names: Vec<String> = cli.get_subcommands().map(|c| c.get_name().to_owned()).collect();
    let mut cli = cli.after_help(with_exit_codes(&Cli::command(), false));
    for name in names {
        cli = cli.mut_subcommand(name, |sub| {
            let strict = sub.get_arguments().any(|a| a.get_id() == "strict");
            let help = with_exit_codes(&sub, strict);
            sub.after_help(help)
        });
    }
    cli
}

/// `command`'s own after-help followed by the exit codes.
fn with_exit_codes(command: &clap::Command, strict: bool) -> String {
    let before = command.get_after_help().map(|h| format!("{h}\n\n")).unwrap_or_default();
    let strict = if strict { EXIT_STRICT } else { "" };
    format!("{before}{EXIT_CODES}{strict}")
}

/// Prints the completion script of `args.shell`.
pub fn completions(args: &CompletionsArgs, out: &mut dyn std::io::Write) -> Result<(), Failure> {
    let mut cli = command();
    clap_complete::generate(args.shell, &mut cli, "innorank", out);
    Ok(())
}

/// Prints one manual page, or writes them all into `args.dir`.
pub fn man(args: &ManArgs, out: &mut dyn std::io::Write) -> Result<(), Failure> {
    let mut cli = command().disable_help_subcommand(true);
    if let Some(dir) = &args.dir {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create `{}`", dir.display()))?;
        clap_mangen::generate_to(cli, dir).with_context(|| format!("cannot write the pages in `{}`", dir.display()))?;
        return Ok(());
    }
    // Built, each command's display name is `innorank-NAME`: the page's
    // title.
    cli.build();
    let page = match &args.command {
        None => cli,
        Some(name) => cli.find_subcommand(name).cloned().ok_or_else(|| {
            let known: Vec<&str> = cli.get_subcommands().map(clap::Command::get_name).collect();
            Failure::Rejected(format!("no command `{name}`; the commands are {}", known.join(", ")))
        })?,
    };
    clap_mangen::Man::new(page).render(out).map_err(Failure::from)
}
