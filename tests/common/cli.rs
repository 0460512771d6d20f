//! Running `innorank` as a user does: arguments, standard input, folder and
//! environment in; exit code, standard output and standard error out.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::time::Duration;

use assert_cmd::Command;
use assert_cmd::assert::Assert;

/// How long any run may take before it counts as a hang. Tests about hangs
/// set their own, shorter, limit with [`Cli::timeout`].
const HANG_GUARD: Duration = Duration::from_secs(120);

/// The `innorank` executable, for the few tests that start it themselves
/// (in a shell pipeline, or fed while it runs).
pub fn binary() -> PathBuf {
    assert_cmd::cargo::cargo_bin("innorank")
}

/// `innorank ARGS`, not run yet.
pub fn innorank<S: AsRef<OsStr>>(args: impl IntoIterator<Item = S>) -> Cli {
    Cli::new().args(args)
}

/// One `innorank` command line. `COLUMNS` is always cleared (standard output
/// and error are pipes, so tables have their default width and the test
/// runner's own terminal cannot change them); [`Cli::env`] sets it again.
pub struct Cli(Command);

impl Cli {
    pub fn new() -> Cli {
        let mut command = Command::cargo_bin("innorank").expect("cargo builds the innorank binary for its tests");
        command.env_remove("COLUMNS").timeout(HANG_GUARD);
        Cli(command)
    }

    pub fn arg(mut self, arg: impl AsRef<OsStr>) -> Cli {
        self.0.arg(arg);
        self
    }

    pub fn args<S: AsRef<OsStr>>(mut self, args: impl IntoIterator<Item = S>) -> Cli {
        self.0.args(args);
        self
    }

    /// Standard input (the problem file is then usually `-`).
    pub fn stdin(mut self, input: impl Into<Vec<u8>>) -> Cli {
        self.0.write_stdin(input);
        self
    }

    /// Runs in `dir`; relative file names are read from there.
    pub fn current_dir(mut self, dir: impl AsRef<Path>) -> Cli {
        self.0.current_dir(dir);
        self
    }

    pub fn env(mut self, key: &str, value: impl AsRef<OsStr>) -> Cli {
        self.0.env(key, value);
        self
    }

    pub fn timeout(mut self, limit: Duration) -> Cli {
        self.0.timeout(limit);
        self
    }

    /// Runs it, for `assert_cmd`'s checks (`.success()`, `.code(2)`, `.stderr(..)`).
    pub fn assert(mut self) -> Assert {
        self.0.assert()
    }

    /// Runs it, whatever the exit code.
    pub fn run(mut self) -> Run {
        let output = self.0.output().expect("innorank starts");
        let text = |bytes: Vec<u8>| String::from_utf8(bytes).expect("innorank writes UTF-8");
        let run = Run {
            code: output.status.code(),
            stdout: text(output.stdout),
            stderr: text(output.stderr),
        };
        assert!(
            !run.stderr.contains("panicked") && !run.stderr.contains("fatal runtime error"),
            "crashed: {}",
            run.stderr
        );
        run
    }

    /// Standard output of a successful run.
    pub fn stdout(self) -> String {
        self.run().success().stdout
    }

    /// Standard output of a successful run, parsed as JSON.
    pub fn json(self) -> serde_json::Value {
        self.run().success().json()
    }

    /// The `error:` lines (without the prefix) of a run that failed on its
    /// input: exit code 2, nothing on standard output, nothing but `error:`
    /// lines on standard error.
    pub fn errors(self) -> Vec<String> {
        self.run().refused().errors()
    }
}

/// What one run gave.
pub struct Run {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// Checks exit code 0.
    pub fn success(self) -> Run {
        self.code(0)
    }

    /// Checks exit code 2 and an empty standard output.
    pub fn refused(self) -> Run {
        let run = self.code(2);
        assert!(run.stdout.is_empty(), "stdout must be empty, was:\n{}", run.stdout);
        run
    }

    /// Checks the exit code.
    pub fn code(self, code: i32) -> Run {
        assert_eq!(self.code, Some(code), "exit code; stderr:\n{}", self.stderr);
        self
    }

    /// Standard output parsed as JSON.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| panic!("{e}: not JSON:\n{}", self.stdout))
    }

    /// The lines of standard error without their `error: ` prefix; every
    /// line must have one.
    pub fn errors(&self) -> Vec<String> {
        self.stderr
            .lines()
            .map(|l| {
                l.strip_prefix("error: ")
                    .unwrap_or_else(|| panic!("not an `error:` line: {l:?}; stderr:\n{}", self.stderr))
                    .to_owned()
            })
            .collect()
    }
}

/// Asserts exit code 2, an empty standard output and exactly the `error:`
/// lines `expected` (given without the `error: ` prefix) on standard error,
/// followed by the count line when there is more than one.
pub fn assert_errors(assert: Assert, expected: &[&str]) {
    let output = assert.get_output();
    let stderr = String::from_utf8_lossy(&output.stderr);
    let mut want: Vec<String> = expected.iter().map(|l| format!("error: {l}")).collect();
    if expected.len() > 1 {
        want.push(format!("error: {} problems found; nothing was ranked", expected.len()));
    }
    let got: Vec<&str> = stderr.lines().collect();
    assert_eq!(got, want, "\nstderr was:\n{stderr}");
    assert!(
        output.stdout.is_empty(),
        "stdout must be empty, was:\n{}",
        String::from_utf8_lossy(&output.stdout)
    );
    assert_eq!(output.status.code(), Some(2), "exit code; stderr:\n{stderr}");
}
